import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import AgencyFactory, ArticleFactory, CompanyFactory, ConcernFactory, FacilityFactory
from tracker.models import Company, ConcernCategory, Evidence, normalize_name

pytestmark = pytest.mark.django_db


def test_normalize_name_ignores_case_accents_and_legal_forms():
    assert normalize_name("Alibaba Group Holding Ltd.") == "alibaba"
    assert normalize_name("Sûreté de l'État") == "surete de l etat"
    assert normalize_name("The Group") == "the group"  # all filler: keep the words


def test_company_names_are_unique_without_case():
    CompanyFactory(name="Cainiao")
    with pytest.raises(IntegrityError), transaction.atomic():
        CompanyFactory(name="CAINIAO")


def test_company_cannot_be_its_own_parent():
    company = CompanyFactory()
    company.parent_id = company.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        company.save()


def test_article_content_hash_is_unique():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(content_hash=article.content_hash, text="other text")


def test_article_url_is_unique_only_when_present():
    ArticleFactory(url="")
    ArticleFactory(url="")
    ArticleFactory(url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://example.org/a")


def test_concern_dates_must_be_in_order():
    with pytest.raises(IntegrityError), transaction.atomic():
        ConcernFactory(first_reported=dt.date(2024, 1, 2), last_reported=dt.date(2024, 1, 1))


def test_concern_category_is_recorded_once():
    concern = ConcernFactory(categories=["espionage"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ConcernCategory.objects.create(concern=concern, category="espionage")
    assert concern.category_codes() == ["espionage"]


def test_evidence_needs_a_subject_and_a_real_span():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(article=article, quote="x", start=0, end=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(article=article, quote="x", start=5, end=5, company=CompanyFactory())


def test_facility_coordinates_must_be_on_earth():
    with pytest.raises(IntegrityError), transaction.atomic():
        FacilityFactory(latitude=95.0, longitude=5.0)


def test_agency_name_is_unique_per_country():
    AgencyFactory(name="State Security", country="BE")
    AgencyFactory(name="State Security", country="NL")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgencyFactory(name="state security", country="BE")


def test_records_link_to_their_pages():
    company = CompanyFactory()
    assert company.get_absolute_url() == f"/companies/{company.pk}/"
    assert str(company) == company.name
    assert Company.objects.get(pk=company.pk).normalized_name == normalize_name(company.name)


def test_deleting_a_case_keeps_its_history():
    from tracker.models import Concern

    concern = ConcernFactory()
    concern = Concern.objects.get(pk=concern.pk)  # as loaded everywhere: the search vector deferred
    concern.title = "Renamed"
    concern.save()
    concern.delete()
    assert not Concern.objects.exists()
    assert [h.history_type for h in Concern.history.order_by("history_date")][-2:] == ["~", "-"]
