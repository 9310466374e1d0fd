"""Companies, facilities, agencies and articles: searchable lists and detail pages."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import AgencyFactory, ArticleFactory, CompanyFactory, ConcernFactory, EvidenceFactory
from tests.pages_helpers import alibaba_case, assert_access, body, many_cases
from tracker.models import Evidence

LISTS = ["tracker:companies", "tracker:facilities", "tracker:agencies", "tracker:articles"]
# Viewer: session, user, two permission lookups, COUNT for the paginator, the page (+ prefetches).
LIST_QUERIES = {"tracker:companies": 6, "tracker:facilities": 6, "tracker:agencies": 7, "tracker:articles": 6}
DETAIL_QUERIES = {"company": 12, "facility": 10, "agency": 10, "article": 6}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def case(db):
    return alibaba_case()


def _detail_urls(case) -> dict[str, str]:
    return {
        "company": case.alibaba.get_absolute_url(),
        "facility": case.facility.get_absolute_url(),
        "agency": case.agency.get_absolute_url(),
        "article": case.article.get_absolute_url(),
    }


@pytest.mark.parametrize("name", LISTS)
def test_it_checks_access(client, editor, viewer, outsider, admin_user_, name):
    assert_access(client, reverse(name), {None: 302, outsider: 403, viewer: 200, editor: 200, admin_user_: 200})


@pytest.mark.parametrize("kind", ["company", "facility", "agency", "article"])
def test_detail_checks_access(client, editor, viewer, outsider, admin_user_, case, kind):
    url = _detail_urls(case)[kind]
    assert_access(client, url, {None: 302, outsider: 403, viewer: 200, editor: 200, admin_user_: 200})


@pytest.mark.parametrize("name", ["tracker:company", "tracker:facility", "tracker:agency", "tracker:article"])
def test_detail_is_404_for_a_missing_record(client, viewer, name):
    client.force_login(viewer)
    assert client.get(reverse(name, args=[987654])).status_code == 404


# Lists ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "q", "found", "not_found"),
    [
        ("tracker:companies", "alibaba", "Alibaba Group Holding", "Harbour"),
        ("tracker:facilities", "Liège", "logistics centre at the cargo airport", "Harbour"),
        ("tracker:facilities", "Cainiao", "logistics centre at the cargo airport", "Harbour"),
        ("tracker:agencies", "Veiligheid", "Belgian State Security Service", "Bundesamt"),
        ("tracker:agencies", "vsse", "Belgian State Security Service", "Bundesamt"),
        ("tracker:articles", "Financial Times", "Belgium monitoring China", "Harbour"),
    ],
)
def test_lists_search(client, viewer, case, name, q, found, not_found):
    CompanyFactory(name="Harbour Ports Holdings")
    AgencyFactory(name="Bundesamt für Verfassungsschutz", country="DE")
    ArticleFactory(title="Harbour sale questioned")
    client.force_login(viewer)
    html = body(client.get(reverse(name), {"q": q}))
    assert found in html.replace("&#x27;", "'")
    assert not_found not in html


def test_lists_filter_by_country_and_report_a_bad_one(client, viewer, case):
    CompanyFactory(name="Harbour Ports Holdings", country="HK")
    client.force_login(viewer)
    assert [c.name for c in client.get(reverse("tracker:companies"), {"country": "HK"}).context["rows"]] == [
        "Harbour Ports Holdings"
    ]
    response = client.get(reverse("tracker:companies"), {"country": "XX"})
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert len(response.context["rows"]) == 3  # the filter is ignored


@pytest.mark.parametrize("page", ["abc", "9999", "-3"])
@pytest.mark.parametrize("name", LISTS)
def test_lists_fall_back_on_a_page_number_they_cannot_use(client, viewer, case, name, page):
    client.force_login(viewer)
    response = client.get(reverse(name), {"page": page})
    assert response.status_code == 200
    assert response.context["rows"].number == 1


def test_company_list_shows_parent_and_counts(client, viewer, case):
    client.force_login(viewer)
    rows = {c.name: c for c in client.get(reverse("tracker:companies")).context["rows"]}
    assert rows["Cainiao"].parent == case.alibaba
    assert rows["Cainiao"].case_count == 1
    assert rows["Cainiao"].facility_count == 1


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize("name", LISTS)
def test_lists_make_the_same_number_of_queries_for_5_and_50_rows(client, viewer, django_assert_num_queries, name, rows):
    many_cases(rows)
    client.force_login(viewer)
    with django_assert_num_queries(LIST_QUERIES[name]):
        response = client.get(reverse(name))
    assert len(response.context["rows"]) >= rows


# Details ---------------------------------------------------------------------------------------------


def test_company_page_shows_the_group_tree_facilities_and_cases(client, viewer, case):
    europe = CompanyFactory(name="Cainiao Europe", parent=case.cainiao)
    CompanyFactory(name="Cainiao Liège SRL", parent=europe)
    client.force_login(viewer)
    response = client.get(case.cainiao.get_absolute_url())
    html = body(response)
    assert [c.name for c in response.context["parents"]] == ["Alibaba Group Holding"]
    tree = response.context["tree"]
    assert tree[0].company.name == "Cainiao Europe"
    assert tree[0].children[0].company.name == "Cainiao Liège SRL"
    assert "logistics centre at the cargo airport" in html
    assert case.concern.get_absolute_url() in html


def test_parent_company_page_lists_its_subsidiaries_cases(client, viewer, case):
    only_cainiao = ConcernFactory(title="Only Cainiao named", companies=[case.cainiao])
    client.force_login(viewer)
    titles = {c.title for c in client.get(case.alibaba.get_absolute_url()).context["cases"]}
    assert titles == {case.concern.title, only_cainiao.title}


def test_company_page_survives_a_parent_cycle(client, viewer, case):
    # The model forbids being one's own parent, not longer loops an import could make.
    type(case.alibaba).objects.filter(pk=case.alibaba.pk).update(parent=case.cainiao)
    client.force_login(viewer)
    assert client.get(case.cainiao.get_absolute_url()).status_code == 200


def test_facility_page_shows_operator_map_and_cases(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(case.facility.get_absolute_url()))
    assert "Cainiao" in html
    assert "part of" in html and "Alibaba Group Holding" in html
    assert 'id="facility-map"' in html
    assert '<script id="facility-map-data" type="application/json">' in html
    assert case.concern.title.replace("'", "&#x27;") in html


def test_facility_page_without_coordinates_has_no_map(client, viewer, case):
    case.facility.latitude = case.facility.longitude = None
    case.facility.save()
    client.force_login(viewer)
    html = body(client.get(case.facility.get_absolute_url()))
    assert 'id="facility-map"' not in html
    assert "leaflet.js" not in html


def test_facility_page_shows_its_aliases_and_the_list_finds_a_site_by_one(client, viewer, case):
    from tracker.models import FacilityAlias

    FacilityAlias.objects.create(facility=case.facility, name="Bierset freight terminal")
    client.force_login(viewer)
    html = body(client.get(case.facility.get_absolute_url()))
    assert re.search(r'id="facility-aliases">Bierset freight terminal<', html)
    listed = body(client.get(reverse("tracker:facilities"), {"q": "bierset"}))
    assert case.facility.get_absolute_url() in listed


def test_agency_page_shows_country_kind_aliases_and_cases(client, viewer, case):
    client.force_login(viewer)
    html = body(client.get(case.agency.get_absolute_url()))
    for text in ["Belgium", "Intelligence / security service", "Veiligheid van de Staat", "(nl)"]:
        assert text in html
    assert case.concern.get_absolute_url() in html


def test_article_page_highlights_every_evidence_span_linked_to_its_record(client, viewer, case):
    company_ev = EvidenceFactory(
        article=case.article, concern=None, company=case.cainiao, fact=Evidence.Fact.MENTION,
        start=case.article.text.index("Cainiao"), end=case.article.text.index("Cainiao") + len("Cainiao"),
        quote="Cainiao",
    )  # fmt: skip
    client.force_login(viewer)
    html = body(client.get(case.article.get_absolute_url()))
    marks = re.findall(r'<mark id="ev(\d+)"', html)
    assert str(case.evidence.pk) in marks
    assert str(company_ev.pk) in marks
    espionage = re.search(rf'<mark id="ev{case.evidence.pk}"[^>]*><a href="([^"]+)">([^<]+)</a></mark>', html)
    assert espionage.group(1) == case.concern.get_absolute_url()
    assert "possible espionage or interference activities" in espionage.group(2).replace("&quot;", '"')
    # The event's sentence contains the company mention: both stay highlighted and linked.
    cainiao_url = case.cainiao.get_absolute_url()
    assert re.search(rf'<mark id="ev{company_ev.pk}"[^>]*><a href="{cainiao_url}">Cainiao</a>', html)
    assert "Records from this article" in html
    assert f'href="#ev{company_ev.pk}"' in html


def test_article_page_survives_spans_outside_the_text(client, viewer, case):
    EvidenceFactory(article=case.article, concern=case.concern, start=10, end=10_000_000, quote="edited away")
    client.force_login(viewer)
    assert client.get(case.article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize("kind", ["company", "facility", "agency", "article"])
def test_details_make_the_same_number_of_queries_for_5_and_50_rows(
    client, viewer, django_assert_num_queries, case, kind, rows
):
    """Each record takes part in `rows` cases (and the article carries `rows` evidence sentences)."""
    others = many_cases(rows)
    for other in others:
        other.companies.add(case.cainiao)
        other.facilities.add(case.facility)
        other.agencies.add(case.agency)
        EvidenceFactory(article=case.article, concern=other, start=0, end=5)
        CompanyFactory(name=f"Subsidiary of {other.pk}", parent=case.alibaba)
    client.force_login(viewer)
    with django_assert_num_queries(DETAIL_QUERIES[kind]):
        response = client.get(_detail_urls(case)[kind])
    assert response.status_code == 200


def test_parent_company_page_lists_the_facilities_of_its_group(client, viewer, case):
    client.force_login(viewer)
    response = client.get(case.alibaba.get_absolute_url())
    assert [f.name for f in response.context["facilities"]] == ["logistics centre at the cargo airport"]
    assert "operated by" in body(response)


def test_an_agency_page_shows_the_newest_cases_and_links_to_all(client, viewer, monkeypatch):
    from tests.factories import AgencyFactory, ConcernFactory
    from tracker import views

    monkeypatch.setattr(views, "CASES_SHOWN", 2)
    agency = AgencyFactory()
    for _ in range(3):
        ConcernFactory(agencies=[agency])
    client.force_login(viewer)
    response = client.get(f"/agencies/{agency.pk}/")
    assert len(response.context["cases"]) == 2 and response.context["cases_more"]
    assert f"/cases/?agency={agency.pk}" in response.content.decode()
