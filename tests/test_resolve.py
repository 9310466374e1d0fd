"""resolve: names meet existing records through aliases and near-identical spellings."""

import pytest

from tests.factories import AgencyFactory, CompanyFactory, FacilityFactory
from tracker.ingest import resolve
from tracker.ingest.types import FoundAgency, FoundCompany, FoundFacility
from tracker.models import Company, CompanyAlias, Facility, FacilityAlias, ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    resolve.gazetteer_reset()
    yield
    resolve.gazetteer_reset()


def test_legal_forms_and_aliases_lead_to_one_company():
    alibaba = CompanyFactory(name="Alibaba Group Holding")
    CompanyAlias.objects.create(company=alibaba, name="Alibaba")
    assert resolve.company_find("Alibaba Group Holding Ltd.") == alibaba
    assert resolve.company_find("ALIBABA") == alibaba
    company, created = resolve.company_resolve(FoundCompany(name="Alibaba Group", aliases=["Alibaba"]))
    assert company == alibaba and not created


def test_a_near_identical_spelling_matches_once_the_cache_is_built():
    alibaba = CompanyFactory(name="Alibaba Group Holding")
    resolve.gazetteer_current()
    assert resolve.company_find("Alibabba") == alibaba
    assert resolve.company_find("Zhejiang Alibaba") is None  # another first word: another company


def test_a_new_company_is_proposed_with_its_aliases():
    company, created = resolve.company_resolve(
        FoundCompany(name="Fjordline Cargo", aliases=["Fjordline"], country="NO")
    )
    assert created and company.review_state == ReviewState.PROPOSED and company.country == "NO"
    assert list(company.aliases.values_list("name", flat=True)) == ["Fjordline"]


def test_a_confirmed_company_keeps_its_values_and_aliases():
    company = CompanyFactory(name="Nordic Cloud", country="", review_state=ReviewState.CONFIRMED)
    resolve.company_resolve(FoundCompany(name="Nordic Cloud", aliases=["NC"], country="SE"))
    company.refresh_from_db()
    assert company.country == "" and not company.aliases.exists()


def test_a_rejected_company_is_not_matched():
    CompanyFactory(name="The Belgian", review_state=ReviewState.REJECTED)
    assert resolve.company_find("The Belgian") is None


def test_parent_links_never_make_a_loop():
    parent = CompanyFactory(name="Top Holding")
    child = CompanyFactory(name="Child Unit", parent=parent)
    assert not resolve.company_link_parent(parent, child)
    orphan = CompanyFactory(name="Orphan Unit")
    assert resolve.company_link_parent(orphan, parent)
    assert Company.objects.get(pk=orphan.pk).parent == parent


def test_agencies_match_by_acronym_within_their_country():
    vsse = AgencyFactory(name="State Security Service", acronym="VSSE", country="BE")
    found = FoundAgency(name="Belgian security service", acronym="VSSE", country="BE")
    assert resolve.agency_find(found) == vsse
    assert resolve.agency_find(FoundAgency(name="Other", acronym="VSSE", country="NL")) is None


def test_the_same_site_in_other_words_is_one_facility():
    hub = FacilityFactory(name="logistics centre", city="Liège", country="BE")
    found = FoundFacility(name="cargo hub", city="Liège", country="BE")
    facility, created = resolve.facility_resolve(found, hub.operator)
    assert facility == hub and not created
    elsewhere, created = resolve.facility_resolve(
        FoundFacility(name="logistics centre", city="Ghent", country="BE"), None
    )
    assert created and elsewhere != hub


def test_a_site_named_by_one_of_its_aliases_is_the_same_facility(django_assert_num_queries):
    sizewell = FacilityFactory(name="Sizewell C", city="Leiston", country="GB")
    FacilityAlias.objects.create(facility=sizewell, name="Sizewell C nuclear power station")
    with django_assert_num_queries(1):  # name and alias in one round trip
        found = resolve.facility_find(
            FoundFacility(name="Sizewell C Nuclear Power Station", city="Leiston", country="GB")
        )
    assert found == sizewell
    # The article's other name for the site finds it too: its short name is the stored name.
    fuller = FoundFacility(name="Sizewell C plant", aliases=["Sizewell C"], city="Leiston", country="GB")
    assert resolve.facility_find(fuller) == sizewell
    # Any case of the town's name (as city__iexact), accents and "ß" included.
    substation = FacilityFactory(name="Umspannwerk Großenhain", city="Großenhain", country="DE")
    assert (
        resolve.facility_find(FoundFacility(name="Umspannwerk Großenhain", city="GROßENHAIN", country="DE"))
        == substation
    )
    # An alias names the site only in its own place.
    assert resolve.facility_find(FoundFacility(name="Sizewell C nuclear power station", country="FR")) is None


def test_a_sites_own_name_wins_over_another_sites_alias():
    port = FacilityFactory(name="Port of Harwick", city="Harwick", country="GB")
    terminal = FacilityFactory(name="Harwick container terminal", city="Harwick", country="GB")
    FacilityAlias.objects.create(facility=terminal, name="Port of Harwick")  # an editor's doubtful alias
    assert resolve.facility_find(FoundFacility(name="Port of Harwick", city="Harwick", country="GB")) == port


def test_a_proposed_site_keeps_the_names_articles_used_and_a_confirmed_one_is_left_alone():
    found = FoundFacility(name="Sizewell C", aliases=["Sizewell C nuclear power station"], city="Leiston", country="GB")
    facility, created = resolve.facility_resolve(found, None)
    assert created
    assert list(facility.aliases.values_list("name", flat=True)) == ["Sizewell C nuclear power station"]
    later = FoundFacility(
        name="Sizewell C nuclear power station", aliases=["Sizewell C reactor site"], city="Leiston", country="GB"
    )
    again, created = resolve.facility_resolve(later, None)
    assert again == facility and not created
    assert sorted(facility.aliases.values_list("name", flat=True)) == [
        "Sizewell C nuclear power station",
        "Sizewell C reactor site",
    ]
    Facility.objects.filter(pk=facility.pk).update(review_state=ReviewState.CONFIRMED)
    resolve.facility_resolve(
        FoundFacility(name="Sizewell C", aliases=["the Suffolk plant"], city="Leiston", country="GB"), None
    )
    assert facility.aliases.count() == 2  # an editor's record takes no new names from articles


def test_a_files_companies_are_looked_up_in_one_query(django_assert_num_queries):
    alibaba = CompanyFactory(name="Alibaba Group Holding")
    CompanyAlias.objects.create(company=alibaba, name="Alibaba")
    cainiao = CompanyFactory(name="Cainiao Network")
    with django_assert_num_queries(1):
        found = resolve.companies_find([["Alibaba"], ["Cainiao Network", "Cainiao"], ["Unknown Shipping Co"]])
    assert found == [alibaba, cainiao, None]


def test_a_later_entry_naming_an_earlier_new_company_gets_the_same_record():
    resolved = resolve.companies_resolve(
        [FoundCompany(name="Fjordline Cargo AS", aliases=["Fjordline"]), FoundCompany(name="Fjordline")]
    )
    (first, created_first), (second, created_second) = resolved
    assert created_first and not created_second and first == second
    assert Company.objects.filter(name__icontains="Fjordline").count() == 1


def test_a_files_agencies_are_looked_up_in_one_query_each_in_its_country(django_assert_num_queries):
    vsse = AgencyFactory(name="State Security Service", acronym="VSSE", country="BE")
    aivd = AgencyFactory(name="General Intelligence and Security Service", acronym="AIVD", country="NL")
    entries = [
        FoundAgency(name="Belgian security service", acronym="VSSE", country="BE"),
        FoundAgency(name="General Intelligence and Security Service", country="NL"),
        FoundAgency(name="State Security Service", country="FR"),  # the same words in another country
    ]
    resolve.agencies_find([])  # the worker's agency tables, read once per REFRESH_SECONDS
    with django_assert_num_queries(1):  # the French one is in no table: the query answers for all
        found = resolve.agencies_find(entries)
    assert found == [vsse, aivd, None]


def test_a_facility_is_matched_without_reading_its_operator(django_assert_num_queries):
    hub = FacilityFactory(name="logistics centre", city="Liège", country="BE")
    with django_assert_num_queries(1):
        facility, created = resolve.facility_resolve(
            FoundFacility(name="logistics centre", city="Liège", country="BE"), hub.operator
        )
    assert facility == hub and not created


def test_a_files_later_concern_about_a_site_finds_the_case_made_for_it_earlier():
    """Case relations are written at the end of a file, but a case lookup sees those already made."""
    from tracker.ingest import store
    from tracker.ingest.types import Extraction, FoundConcern, RawArticle, Span
    from tracker.models import Concern

    text = "Harbourline Logistics runs the Antwerp depot. The security service watches the Antwerp depot."
    first, second = text.split(". ")
    extraction = Extraction(
        companies=[FoundCompany(name="Harbourline Logistics", country="CN")],
        facilities=[FoundFacility(name="Antwerp depot", city="Antwerp", country="BE")],
        concerns=[
            FoundConcern(
                categories=["espionage"], status="monitoring", quote=Span(0, len(first), first),
                companies=["Harbourline Logistics"], facilities=["Antwerp depot"], host_country="BE",
            ),
            FoundConcern(
                categories=["critical_infrastructure"], status="monitoring",
                quote=Span(len(first) + 2, len(text), second), facilities=["Antwerp depot"], host_country="BE",
            ),
        ],
    )  # fmt: skip
    raw = RawArticle(source_file="depot.txt", format="text", title="Depot", text=text)
    store.article_store(raw, extraction)
    case = Concern.objects.get()
    assert set(case.category_rows.values_list("category", flat=True)) == {"espionage", "critical_infrastructure"}
    assert [f.name for f in case.facilities.all()] == ["Antwerp depot"]


def _two_concerns_of_one_case(first_status: str, second_status: str) -> str:
    """The status of the one case a file stating two concerns of it (two bodies, one company) gets."""
    from tracker.ingest import store
    from tracker.ingest.types import Extraction, FoundAgency, FoundConcern, RawArticle, Span
    from tracker.models import Concern

    text = "The finance police are investigating Harbourline Logistics. The cabinet annulled its purchase of Alpi."
    first, second = text.split(". ")
    extraction = Extraction(
        companies=[FoundCompany(name="Harbourline Logistics", country="CN")],
        agencies=[
            FoundAgency(name="Guardia di Finanza", country="IT", kind="law_enforcement"),
            FoundAgency(name="Government of Italy", country="IT", kind="screening"),
        ],
        concerns=[
            FoundConcern(
                categories=["technology_transfer"], status=first_status, quote=Span(0, len(first), first),
                companies=["Harbourline Logistics"], agencies=["Guardia di Finanza"], host_country="IT",
            ),
            FoundConcern(
                categories=["investment_screening"], status=second_status,
                quote=Span(len(first) + 2, len(text), second), companies=["Harbourline Logistics"],
                agencies=["Government of Italy"], host_country="IT",
            ),
        ],
    )  # fmt: skip
    store.article_store(RawArticle(source_file="alpi.txt", format="text", title="Alpi", text=text), extraction)
    return Concern.objects.get().status


def test_a_review_a_file_states_after_a_measure_of_the_same_case_leaves_the_measure():
    assert _two_concerns_of_one_case("divestment_ordered", "under_review") == "divestment_ordered"


def test_a_measure_a_file_states_after_a_review_of_the_same_case_is_the_cases_status():
    assert _two_concerns_of_one_case("under_review", "divestment_ordered") == "divestment_ordered"


def test_the_first_measure_a_file_states_for_a_case_stays_its_status():
    # a deal blocked, then a danger said banned: the case's measure is the first one stated
    assert _two_concerns_of_one_case("blocked", "banned") == "blocked"
