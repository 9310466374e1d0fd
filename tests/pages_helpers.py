"""Data builders and helpers shared by the page tests (views, selectors, security, browser)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.test import Client

from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CompanyFactory,
    ConcernFactory,
    EventFactory,
    EvidenceFactory,
    FacilityFactory,
)
from tracker.models import (
    Agency,
    AgencyAlias,
    Article,
    Company,
    CompanyAlias,
    Concern,
    Event,
    Evidence,
    Facility,
    ReviewState,
)

SEED_TEXT = (
    "Belgium's intelligence service is monitoring the main European logistics hub of Chinese technology and "
    "e-commerce company Alibaba Group Holding over concern about possible espionage, the Financial Times (FT) "
    "reports.\n\n"
    "Referring to the company's logistics centre at the cargo airport in the city of Liège, the security service "
    'said it was working to detect "possible espionage or interference activities" by Chinese entities including '
    "Alibaba, the news outlet said on Thursday.\n\n"
    "Alibaba denies any wrongdoing. Neither it nor the Belgian State Security Service (VSSE) immediately responded "
    "to requests for comment.\n\n"
    "Alibaba signed an agreement with the Belgium government in 2018 to open an e-commerce trade hub, run by its "
    "logistics arm Cainiao, that would include investment in logistics infrastructure."
)
ESPIONAGE_SENTENCE_START = "Referring to the company's logistics centre"


@dataclass
class AlibabaCase:
    alibaba: Company
    cainiao: Company
    facility: Facility
    agency: Agency
    article: Article
    concern: Concern
    evidence: Evidence
    event: Event


def _sentence(text: str, beginning: str) -> tuple[int, int]:
    start = text.index(beginning)
    end = text.index("\n\n", start) if "\n\n" in text[start:] else len(text)
    return start, end


def alibaba_case() -> AlibabaCase:
    """The seed article's case, built with the factories (confirmed, so viewers see it by default)."""
    alibaba = CompanyFactory(
        name="Alibaba Group Holding", country="CN", sector="e-commerce", review_state=ReviewState.CONFIRMED
    )
    CompanyAlias.objects.create(company=alibaba, name="Alibaba")
    cainiao = CompanyFactory(
        name="Cainiao", country="CN", parent=alibaba, sector="logistics", review_state=ReviewState.PROPOSED
    )
    facility = FacilityFactory(
        name="logistics centre at the cargo airport", operator=cainiao, city="Liège", country="BE",
        latitude=50.637, longitude=5.443, review_state=ReviewState.PROPOSED,
    )  # fmt: skip
    agency = AgencyFactory(
        name="Belgian State Security Service", acronym="VSSE", country="BE", review_state=ReviewState.CONFIRMED
    )
    AgencyAlias.objects.create(agency=agency, name="Veiligheid van de Staat", language="nl")
    article = ArticleFactory(
        title="Belgium monitoring China's Alibaba over spying concerns",
        publisher="Euronews",
        wire_credits=["Reuters"],
        cited_outlets=["Financial Times"],
        published=dt.date(2023, 11, 30),
        text=SEED_TEXT,
        source_file="000-seed-alibaba-liege.txt",
    )
    concern = ConcernFactory(
        title="Belgian State Security Service monitors Alibaba's Liège logistics hub",
        summary="The VSSE monitors Alibaba's European logistics hub, run by Cainiao at Liège cargo airport.",
        status=Concern.Status.MONITORING,
        host_country="BE",
        categories=[Concern.Category.ESPIONAGE, Concern.Category.INTERFERENCE],
        companies=[alibaba, cainiao],
        facilities=[facility],
        agencies=[agency],
        review_state=ReviewState.CONFIRMED,
    )
    start, end = _sentence(SEED_TEXT, ESPIONAGE_SENTENCE_START)
    evidence = EvidenceFactory(
        article=article, concern=concern, fact=Evidence.Fact.CONCERN, start=start, end=end, quote=SEED_TEXT[start:end]
    )
    event = EventFactory(concern=concern, date=dt.date(2018, 1, 1), description="Agreement with the Belgian government")
    e_start, e_end = _sentence(SEED_TEXT, "Alibaba signed an agreement")
    EvidenceFactory(
        article=article, concern=None, event=event, fact=Evidence.Fact.EVENT, start=e_start, end=e_end,
        quote=SEED_TEXT[e_start:e_end],
    )  # fmt: skip
    return AlibabaCase(alibaba, cainiao, facility, agency, article, concern, evidence, event)


def many_cases(n: int, *, prefix: str = "Case") -> list[Concern]:
    """n cases, each with its own company group, facility, agency, article evidence and event."""
    cases = []
    for i in range(n):
        parent = CompanyFactory(name=f"{prefix} parent {i}", country="CN")
        company = CompanyFactory(name=f"{prefix} company {i}", country="CN", parent=parent)
        facility = FacilityFactory(name=f"{prefix} hub {i}", operator=company)
        agency = AgencyFactory(name=f"{prefix} agency {i}")
        concern = ConcernFactory(
            title=f"{prefix} {i}",
            companies=[parent, company],
            facilities=[facility],
            agencies=[agency],
            categories=[Concern.Category.ESPIONAGE, Concern.Category.DATA_ACCESS],
        )
        EvidenceFactory(concern=concern)
        EventFactory(concern=concern)
        cases.append(concern)
    cache.clear()
    return cases


def login(client: Client, user) -> Client:
    client.force_login(user)
    return client


def assert_access(client: Client, url: str, expected: dict, *, method: str = "get", data: dict | None = None) -> None:
    """Anonymous visitors go to the login page; each persona gets the status code given for it.

    `expected` maps a user (or None for anonymous) to the status code of the response.
    """
    for user, status in expected.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = getattr(client, method)(url, data or {})
        label = user.username if user is not None else "anonymous"
        assert response.status_code == status, f"{label}: {response.status_code} != {status} for {url}"
        if user is None:
            assert response["Location"].startswith("/accounts/login/"), response["Location"]
    client.logout()


def body(response) -> str:
    """The text of a response, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")
