"""The case list (filters, search, sort, pagination), its exports and feed, the case page and review."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CompanyFactory,
    ConcernFactory,
    EvidenceFactory,
    FacilityFactory,
)
from tests.pages_helpers import alibaba_case, assert_access, body, many_cases
from tracker import selectors
from tracker.models import Company, Concern, ReviewState

LIST = reverse("tracker:concerns")
CSV = reverse("tracker:concerns_csv")
JSON = reverse("tracker:concerns_json")
FEED = reverse("tracker:concerns_feed")
REVIEW = reverse("tracker:review")

# Pinned query counts (viewer): session, user, the two permission lookups, then the page's own.
LIST_QUERIES = 10
CSV_QUERIES = 9
JSON_QUERIES = 10
DETAIL_QUERIES = 16


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def case(db):
    return alibaba_case()


@pytest.fixture
def other_case(db):
    """A Dutch data-access case about a Hong Kong-owned port terminal, reported in 2021."""
    owner = CompanyFactory(name="Harbour Ports Holdings", country="HK", sector="ports")
    terminal = FacilityFactory(name="Rotterdam container terminal", operator=owner, city="Rotterdam", country="NL")
    aivd = AgencyFactory(name="General Intelligence and Security Service", acronym="AIVD", country="NL")
    return ConcernFactory(
        title="AIVD reviews port terminal ownership",
        host_country="NL",
        status=Concern.Status.UNDER_REVIEW,
        categories=[Concern.Category.DATA_ACCESS],
        companies=[owner],
        facilities=[terminal],
        agencies=[aivd],
        first_reported=dt.date(2021, 3, 1),
        last_reported=dt.date(2021, 6, 1),
        review_state=ReviewState.CONFIRMED,
    )


def _titles(response) -> list[str]:
    return [c.title for c in response.context["cases"]]


# Case list -----------------------------------------------------------------------------------


def test_it_checks_access(client, editor, viewer, outsider, admin_user_):
    assert_access(client, LIST, {None: 302, outsider: 403, viewer: 200, editor: 200, admin_user_: 200})


def test_it_lists_cases_with_their_records(client, viewer, case, other_case):
    client.force_login(viewer)
    response = client.get(LIST)
    assert _titles(response) == [case.concern.title, other_case.title]  # newest reported first
    html = body(response)
    assert "Alibaba Group Holding" in html
    assert "VSSE" in html
    assert "Espionage" in html


def test_it_hides_rejected_cases_unless_asked(client, viewer, case, other_case):
    other_case.review_state = ReviewState.REJECTED
    other_case.save()
    client.force_login(viewer)
    assert _titles(client.get(LIST)) == [case.concern.title]
    assert _titles(client.get(LIST, {"review_state": "rejected"})) == [other_case.title]
    assert len(_titles(client.get(LIST, {"review_state": "any"}))) == 2


def test_it_filters_by_host_country_and_category(client, viewer, case, other_case):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"host_country": "BE", "category": "espionage"})) == [case.concern.title]
    assert _titles(client.get(LIST, {"host_country": "BE", "category": "data_access"})) == []
    assert _titles(client.get(LIST, {"host_country": "NL"})) == [other_case.title]


def test_it_filters_by_origin_country_of_the_companies(client, viewer, case, other_case):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"origin_country": "CN"})) == [case.concern.title]
    assert _titles(client.get(LIST, {"origin_country": "HK"})) == [other_case.title]


def test_it_filters_by_status_and_agency(client, viewer, case, other_case):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"status": "under_review"})) == [other_case.title]
    assert _titles(client.get(LIST, {"agency": case.agency.pk})) == [case.concern.title]


def test_it_filters_by_company_including_its_subsidiaries(client, viewer, case, other_case):
    # Only a great-grandchild of Alibaba is named in this case: the parent's filter still finds it.
    grandchild = CompanyFactory(name="Cainiao Europe", parent=case.cainiao)
    great = CompanyFactory(name="Cainiao Liège SRL", parent=grandchild)
    deep = ConcernFactory(
        title="Customs data at the Liège hub", companies=[great], first_reported=None, last_reported=dt.date(2020, 1, 1)
    )
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"company": case.alibaba.pk})) == [case.concern.title, deep.title]
    assert _titles(client.get(LIST, {"company": great.pk})) == [deep.title]


def test_it_filters_by_company_through_the_facilities_it_operates(client, viewer, case):
    via_facility = ConcernFactory(title="Only the hub is named", facilities=[case.facility])
    client.force_login(viewer)
    assert via_facility.title in _titles(client.get(LIST, {"company": case.cainiao.pk}))


def test_it_filters_by_sector(client, viewer, case, other_case):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"sector": "Ports"})) == [other_case.title]


def test_it_filters_by_reported_date_range(client, viewer, case, other_case):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"reported_from": "2022-01-01"})) == [case.concern.title]
    assert _titles(client.get(LIST, {"reported_to": "2021-12-31"})) == [other_case.title]
    # A case reported from March to June 2021 overlaps a range inside it.
    assert _titles(client.get(LIST, {"reported_from": "2021-04-01", "reported_to": "2021-05-01"})) == [other_case.title]


def test_it_filters_by_review_state(client, viewer, case, other_case):
    proposed = ConcernFactory(title="Machine-proposed case", review_state=ReviewState.PROPOSED)
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"review_state": "proposed"})) == [proposed.title]


@pytest.mark.parametrize(
    "q",
    [
        "Liège logistics",  # title
        "European logistics hub",  # summary
        "Cainiao",  # company name
        "Alibaba",  # company alias
        "Veiligheid van de Staat",  # agency alias in Dutch
        "VSSE",  # agency acronym
        "cargo airport",  # facility name
        "Financial Times",  # article text of the evidence only
    ],
)
def test_it_searches_titles_summaries_names_aliases_and_article_text(client, viewer, case, other_case, q):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"q": q})) == [case.concern.title]


def test_it_searches_every_word(client, viewer, case, other_case):
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"q": "Cainiao AIVD"})) == []
    assert _titles(client.get(LIST, {"q": "terminal AIVD"})) == [other_case.title]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["A", "B", "C"]),
        ("-title", ["C", "B", "A"]),
        ("first_reported", ["B", "C", "A"]),
        ("-first_reported", ["A", "C", "B"]),
        ("last_reported", ["C", "A", "B"]),
        ("-last_reported", ["B", "A", "C"]),
        ("-updated_at", ["C", "B", "A"]),
        ("updated_at", ["A", "B", "C"]),
    ],
)
def test_it_sorts(client, viewer, sort, expected):
    ConcernFactory(title="A", first_reported=dt.date(2022, 1, 1), last_reported=dt.date(2022, 6, 1))
    ConcernFactory(title="B", first_reported=dt.date(2020, 1, 1), last_reported=dt.date(2023, 1, 1))
    ConcernFactory(title="C", first_reported=dt.date(2021, 1, 1), last_reported=dt.date(2021, 2, 1))
    client.force_login(viewer)
    assert _titles(client.get(LIST, {"sort": sort})) == expected


def test_it_links_sort_headers_keeping_the_filters(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(LIST, {"host_country": "BE", "sort": "title", "page": "1"}))
    assert 'href="?host_country=BE&amp;sort=-title"' in html  # the current sort flips, the page is dropped
    assert 'href="?host_country=BE&amp;sort=-first_reported"' in html


def test_it_paginates_fifty_per_page_keeping_the_filters(client, viewer):
    ConcernFactory.create_batch(51, host_country="DE", categories=[])
    client.force_login(viewer)
    first = client.get(LIST, {"host_country": "DE"})
    assert len(first.context["cases"]) == 50
    assert 'href="?host_country=DE&amp;page=2"' in body(first)
    assert len(client.get(LIST, {"host_country": "DE", "page": "2"}).context["cases"]) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reported_from", "2023-13-45"),
        ("reported_to", "yesterday"),
        ("host_country", "ZZ"),
        ("origin_country", "Belgium"),
        ("category", "spying"),
        ("status", "gone"),
        ("agency", "abc"),
        ("agency", "99999999"),
        ("company", "1; DROP TABLE"),
        ("review_state", "maybe"),
        ("sort", "price"),
    ],
)
def test_it_shows_an_invalid_filter_as_a_form_error_and_ignores_it(client, viewer, case, field, value):
    client.force_login(viewer)
    response = client.get(LIST, {field: value, "host_country": "BE"} if field != "host_country" else {field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert _titles(response) == [case.concern.title]
    assert 'id="filter-errors"' in body(response)


def test_it_reports_a_date_range_that_ends_before_it_starts(client, viewer, case):
    client.force_login(viewer)
    response = client.get(LIST, {"reported_from": "2024-01-01", "reported_to": "2020-01-01"})
    assert "reported_to" in response.context["form"].errors


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("9999", 2), ("-1", 2), ("0", 2), ("", 1)])
def test_it_falls_back_on_a_page_number_it_cannot_use(client, viewer, page, expected):
    ConcernFactory.create_batch(51, categories=[])
    client.force_login(viewer)
    response = client.get(LIST, {"page": page})
    assert response.status_code == 200
    assert response.context["cases"].number == expected


@pytest.mark.parametrize("rows", [5, 50])
def test_it_makes_the_same_number_of_queries_for_5_and_50_rows(client, viewer, django_assert_num_queries, rows):
    many_cases(rows)
    client.force_login(viewer)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST, {"host_country": "BE", "q": "Case", "sort": "title"})
    assert len(response.context["cases"]) == rows


def test_it_links_exports_and_feed_of_the_filtered_set(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(LIST, {"host_country": "BE", "category": "espionage", "page": "1"}))
    assert f'href="{CSV}?host_country=BE&amp;category=espionage"' in html
    assert f'href="{JSON}?host_country=BE&amp;category=espionage"' in html
    assert f'href="{FEED}?host_country=BE&amp;category=espionage"' in html


# Exports and feed ------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [CSV, JSON, FEED])
def test_exports_check_access(client, editor, viewer, outsider, admin_user_, url):
    assert_access(client, url, {None: 302, outsider: 403, viewer: 200, editor: 200, admin_user_: 200})


def test_csv_export_holds_exactly_the_filtered_set_across_pages(client, viewer, case, other_case):
    ConcernFactory.create_batch(60, host_country="BE", categories=[Concern.Category.ESPIONAGE])
    client.force_login(viewer)
    response = client.get(CSV, {"host_country": "BE", "category": "espionage", "page": "2"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert len(rows) == 61
    assert other_case.title not in {r["title"] for r in rows}
    alibaba = next(r for r in rows if r["id"] == str(case.concern.pk))
    assert alibaba["companies"] == "Alibaba Group Holding; Cainiao"
    assert alibaba["categories"] == "espionage; interference"
    assert alibaba["origin_countries"] == "CN"
    assert alibaba["url"].endswith(case.concern.get_absolute_url())


def test_csv_export_defuses_spreadsheet_formulas(client, viewer):
    ConcernFactory(title='=HYPERLINK("http://evil.example","click")')
    client.force_login(viewer)
    rows = list(csv.DictReader(io.StringIO(body(client.get(CSV)).lstrip("\ufeff"))))
    assert rows[0]["title"].startswith("'=")


def test_json_export_holds_exactly_the_filtered_set(client, viewer, case, other_case):
    client.force_login(viewer)
    data = json.loads(body(client.get(JSON, {"origin_country": "CN"})))
    assert [c["title"] for c in data["concerns"]] == [case.concern.title]
    exported = data["concerns"][0]
    assert exported["categories"] == ["espionage", "interference"]
    assert exported["status"] == "monitoring"
    assert exported["host_country"] == "BE"
    assert exported["evidence"][0]["source_file"] == "000-seed-alibaba-liege.txt"
    assert "possible espionage or interference activities" in exported["evidence"][0]["quote"]


def test_json_export_of_an_empty_set_is_valid_json(client, viewer):
    client.force_login(viewer)
    assert json.loads(body(client.get(JSON, {"host_country": "FR"}))) == {"concerns": []}


@pytest.mark.parametrize("rows", [5, 50])
def test_exports_make_the_same_number_of_queries_for_5_and_50_rows(client, viewer, django_assert_num_queries, rows):
    many_cases(rows)
    client.force_login(viewer)
    with django_assert_num_queries(CSV_QUERIES):
        csv_text = body(client.get(CSV, {"q": "Case"}))
    with django_assert_num_queries(JSON_QUERIES):
        json_text = body(client.get(JSON, {"q": "Case"}))
    assert len(csv_text.strip().splitlines()) == rows + 1
    assert len(json.loads(json_text)["concerns"]) == rows


def test_feed_is_atom_of_the_filtered_set(client, viewer, case, other_case):
    client.force_login(viewer)
    response = client.get(FEED, {"host_country": "NL"})
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = body(response)
    assert other_case.title in xml
    assert "Alibaba" not in xml


def test_exports_ignore_invalid_filters_like_the_list(client, viewer, case):
    client.force_login(viewer)
    response = client.get(CSV, {"reported_from": "not-a-date", "company": "x", "sort": "nope"})
    assert response.status_code == 200
    assert case.concern.title in body(response)


# Case detail ---------------------------------------------------------------------------------------------


def test_detail_checks_access(client, editor, viewer, outsider, admin_user_, case):
    url = case.concern.get_absolute_url()
    assert_access(client, url, {None: 302, outsider: 403, viewer: 200, editor: 200, admin_user_: 200})


def test_detail_shows_the_case_its_records_timeline_and_evidence(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(case.concern.get_absolute_url()))
    for text in [
        "Belgian State Security Service monitors Alibaba&#x27;s Liège logistics hub",
        "Monitoring",
        "Espionage",
        "Interference",
        "Belgium",
        "Cainiao",
        f'part of <a href="{case.alibaba.get_absolute_url()}">Alibaba Group Holding</a>',
        "logistics centre at the cargo airport",
        "Belgian State Security Service (VSSE)",
        "Agreement with the Belgian government",
        "Euronews",
        "30 Nov 2023",
        "possible espionage or interference activities",
    ]:
        assert text in html, text
    assert f'href="/articles/{case.article.pk}/#ev{case.evidence.pk}"' in html


def test_detail_groups_evidence_by_source_article(client, viewer, case):
    second = ArticleFactory(title="Second report on the hub", publisher="Le Soir")
    EvidenceFactory(article=second, concern=case.concern)
    client.force_login(viewer)
    response = client.get(case.concern.get_absolute_url())
    sources = response.context["sources"]
    assert [s.article.title for s in sources] == [case.article.title, second.title]
    assert len(sources[0].evidence) == 2  # the case's sentence and its event's sentence


def test_detail_lists_related_cases_of_the_group_facility_or_agency(client, viewer, case, other_case):
    sibling = CompanyFactory(name="Alibaba Cloud", parent=case.alibaba)
    by_group = ConcernFactory(title="Cloud data centre questioned", companies=[sibling])
    by_agency = ConcernFactory(title="VSSE watches another site", agencies=[case.agency])
    by_facility = ConcernFactory(title="Customs at the hub", facilities=[case.facility])
    client.force_login(viewer)
    related = {c.title for c in client.get(case.concern.get_absolute_url()).context["related"]}
    assert related == {by_group.title, by_agency.title, by_facility.title}


def test_detail_shows_editors_review_buttons_and_the_admin_link(client, editor, case):
    client.force_login(editor)
    html = body(client.get(case.concern.get_absolute_url()))
    assert "review-reject" in html
    assert f"/admin/tracker/concern/{case.concern.pk}/change/" in html
    # The proposed company and facility of the case can be confirmed from here.
    assert f'name="pk" value="{case.cainiao.pk}"' in html
    assert 'id="proposed-records"' in html


def test_detail_shows_viewers_no_edit_controls(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(case.concern.get_absolute_url()))
    assert "review-confirm" not in html
    assert "review-reject" not in html
    assert "/admin/" not in html
    assert 'action="/review/"' not in html


def test_detail_is_404_for_a_missing_case(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("tracker:concern", args=[987654])).status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_makes_the_same_number_of_queries_for_5_and_50_rows(client, viewer, django_assert_num_queries, rows):
    """A case with many records, sources and related cases costs the same number of queries."""
    cases = many_cases(rows)
    main = cases[0]
    for other in cases[1:]:
        main.companies.add(*other.companies.all())
        main.agencies.add(*other.agencies.all())
        for ev in other.evidence.all():
            EvidenceFactory(article=ev.article, concern=main)
    client.force_login(viewer)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(main.get_absolute_url())
    assert len(response.context["sources"]) == rows
    assert len(response.context["related"]) == min(rows - 1, 20)


# Review (confirm / reject) ---------------------------------------------------------------------------------


def test_review_checks_access(client, editor, viewer, outsider, admin_user_, case):
    data = {"kind": "company", "pk": case.cainiao.pk, "state": "confirmed"}
    assert_access(
        client, REVIEW, {None: 302, outsider: 403, viewer: 403, editor: 302, admin_user_: 302}, method="post", data=data
    )


def test_review_confirms_a_proposed_record_and_returns_to_the_case(client, editor, case):
    client.force_login(editor)
    next_url = case.concern.get_absolute_url()
    response = client.post(REVIEW, {"kind": "company", "pk": case.cainiao.pk, "state": "confirmed", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url
    case.cainiao.refresh_from_db()
    assert case.cainiao.review_state == ReviewState.CONFIRMED
    assert case.cainiao.reviewed_by == editor


def test_review_rejects_a_case(client, editor, case):
    client.force_login(editor)
    client.post(REVIEW, {"kind": "concern", "pk": case.concern.pk, "state": "rejected"})
    case.concern.refresh_from_db()
    assert case.concern.review_state == ReviewState.REJECTED


def test_review_refreshes_the_dashboard_numbers(client, editor, case):
    before = selectors.dashboard_stats()["proposed"]
    client.force_login(editor)
    client.post(REVIEW, {"kind": "facility", "pk": case.facility.pk, "state": "confirmed"})
    assert selectors.dashboard_stats()["proposed"] == before - 1


def test_review_never_redirects_off_site(client, editor, case):
    client.force_login(editor)
    response = client.post(
        REVIEW, {"kind": "company", "pk": case.cainiao.pk, "state": "confirmed", "next": "https://evil.example/"}
    )
    assert response["Location"] == case.cainiao.get_absolute_url()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "user", "pk": "1", "state": "confirmed"},
        {"kind": "company", "pk": "abc", "state": "confirmed"},
        {"kind": "company", "pk": "1", "state": "proposed"},
        {},
    ],
)
def test_review_rejects_a_malformed_request(client, editor, case, data):
    client.force_login(editor)
    assert client.post(REVIEW, data).status_code == 400
    assert Company.objects.filter(review_state=ReviewState.CONFIRMED).count() == 1


def test_review_is_404_for_a_missing_record(client, editor):
    client.force_login(editor)
    assert client.post(REVIEW, {"kind": "agency", "pk": 987654, "state": "confirmed"}).status_code == 404


def test_review_does_not_accept_get(client, editor):
    client.force_login(editor)
    assert client.get(REVIEW).status_code == 405


def test_review_of_an_event_returns_to_its_case(client, editor, case):
    client.force_login(editor)
    response = client.post(REVIEW, {"kind": "event", "pk": case.event.pk, "state": "confirmed"})
    assert response["Location"] == case.concern.get_absolute_url()
    case.event.refresh_from_db()
    assert case.event.review_state == ReviewState.CONFIRMED


def test_company_filter_reports_an_unknown_company(client, viewer, case):
    client.force_login(viewer)
    response = client.get(LIST, {"company": 987654})
    assert "company" in response.context["form"].errors
    assert "Company: Select a valid choice" in body(response)
    assert _titles(response) == [case.concern.title]


def test_company_page_links_to_its_cases_in_the_list(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(case.alibaba.get_absolute_url()))
    link = f"{LIST}?company={case.alibaba.pk}"
    assert f'href="{link}"' in html
    assert _titles(client.get(link)) == [case.concern.title]


def test_company_filter_shows_the_chosen_group_and_rows_link_to_it(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(LIST, {"company": case.alibaba.pk, "host_country": "BE"}))
    assert 'id="company-filter"' in html and "Alibaba Group Holding</a> and its subsidiaries" in html
    assert 'href="?host_country=BE"' in html  # removing the company keeps the other filters
    assert f'<input type="hidden" name="company" value="{case.alibaba.pk}">' in html
    assert f'href="?company={case.cainiao.pk}&amp;host_country=BE"' in html  # narrow to Cainiao from a row
