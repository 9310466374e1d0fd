"""factory_boy chains: company -> facility -> concern -> article evidence."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory

from tracker import services
from tracker.models import (
    Agency,
    Article,
    Company,
    Concern,
    ConcernCategory,
    Event,
    Evidence,
    Facility,
)


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Example Holding {n}")
    country = "CN"
    sector = "logistics"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"State Security Service {n}")
    acronym = factory.Sequence(lambda n: f"SSS{n}")
    country = "BE"
    kind = Agency.Kind.INTELLIGENCE


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    name = factory.Sequence(lambda n: f"Cargo hub {n}")
    kind = Facility.Kind.LOGISTICS_HUB
    operator = factory.SubFactory(CompanyFactory)
    city = "Liège"
    country = "BE"
    latitude = 50.64
    longitude = 5.46


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concern
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Security concern {n}")
    summary = "A security service monitors a foreign-owned hub."
    status = Concern.Status.MONITORING
    host_country = "BE"
    first_reported = dt.date(2023, 11, 30)
    last_reported = dt.date(2023, 11, 30)

    @factory.post_generation
    def categories(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        if create:
            for code in extracted if extracted is not None else [Concern.Category.ESPIONAGE]:
                ConcernCategory.objects.create(concern=self, category=code)

    @factory.post_generation
    def companies(self, create: bool, extracted: list[Company] | None, **kwargs) -> None:
        if create and extracted:
            self.companies.add(*extracted)

    @factory.post_generation
    def agencies(self, create: bool, extracted: list[Agency] | None, **kwargs) -> None:
        if create and extracted:
            self.agencies.add(*extracted)

    @factory.post_generation
    def facilities(self, create: bool, extracted: list[Facility] | None, **kwargs) -> None:
        if create and extracted:
            self.facilities.add(*extracted)

    @factory.post_generation
    def search_names(self, create: bool, extracted: None, **kwargs) -> None:
        # Declared last so it runs after the relations above, like the services that add them.
        if create:
            services.concern_search_refresh(concern_ids=[self.pk])
            self.refresh_from_db(fields=["search_names"])


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Security service watches cargo hub {n}")
    publisher = "Example News"
    published = dt.date(2023, 11, 30)
    language = "en"
    text = factory.Sequence(lambda n: f"The security service is monitoring the hub over possible espionage. Item {n}.")
    source_file = factory.Sequence(lambda n: f"article-{n}.txt")
    source_format = "text"
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.text.encode()).hexdigest())


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    fact = Evidence.Fact.CONCERN
    concern = factory.SubFactory(ConcernFactory)
    start = 0
    end = factory.LazyAttribute(lambda e: e.article.text.index(".") + 1)
    quote = factory.LazyAttribute(lambda e: e.article.text[e.start : e.end])

    @factory.post_generation
    def search(self, create: bool, extracted: None, **kwargs) -> None:
        # Evidence makes its article's words findable with the case, as the store does.
        if create and self.concern_id:
            services.concern_search_refresh(concern_ids=[self.concern_id])


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    concern = factory.SubFactory(ConcernFactory)
    date = dt.date(2018, 1, 1)
    precision = Event.Precision.YEAR
    kind = Event.Kind.AGREEMENT
    description = "Agreement signed with the government"
