"""The dashboard: totals, chart data, the facility map and the newest articles and cases."""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import ConcernFactory, FacilityFactory
from tests.pages_helpers import alibaba_case, assert_access, body, many_cases
from tracker.models import Concern, ReviewState

URL = reverse("tracker:dashboard")
# Cold cache, viewer: session, user, two permission lookups, then the aggregates.
COLD_QUERIES = 22  # one more: the count of mappable facilities beside the capped markers
WARM_QUERIES = 4


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def _chart_data(response) -> dict:
    match = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>', body(response), re.S)
    assert match, "the dashboard passes its data in a json_script block"
    return json.loads(match.group(1))


def test_it_checks_access(client, editor, viewer, outsider, admin_user_):
    assert_access(client, URL, {None: 302, outsider: 403, viewer: 200, editor: 200, admin_user_: 200})


def test_it_shows_the_totals(client, viewer):
    case = alibaba_case()
    ConcernFactory(title="Rejected", review_state=ReviewState.REJECTED)
    client.force_login(viewer)
    response = client.get(URL)
    stats = response.context["stats"]
    assert stats["cases_total"] == 1  # the rejected case does not count
    assert {r["code"]: r["n"] for r in stats["cases_by_status"]}["monitoring"] == 1
    assert stats["companies"] == 2
    assert stats["facilities"] == 1
    assert stats["agencies"] == 1
    assert stats["articles"] == 1
    # Cainiao, the facility and the event are proposed (the case, Alibaba and the VSSE are confirmed).
    assert stats["proposed"] == 3
    html = body(response)
    assert 'id="count-cases">1<' in html
    assert case.article.title.replace("'", "&#x27;") in html
    assert case.concern.title.replace("'", "&#x27;") in html


def test_it_passes_chart_and_map_data_to_the_scripts(client, viewer):
    alibaba_case()
    FacilityFactory(name="Hub without a case")
    FacilityFactory(name="Case hub without coordinates", latitude=None, longitude=None)
    client.force_login(viewer)
    data = _chart_data(client.get(URL))
    assert data["months"] == [{"label": "2023-11", "n": 1}]
    assert {r["code"] for r in data["categories"]} == {"espionage", "interference"}
    assert data["hosts"] == [{"code": "BE", "label": "Belgium", "n": 1}]
    assert data["origins"] == [{"code": "CN", "label": "China", "n": 1}]
    assert [f["name"] for f in data["facilities"]] == ["logistics centre at the cargo airport"]
    assert data["facilities"][0]["lat"] == pytest.approx(50.637)


def test_it_loads_its_scripts_from_the_site_itself(client, viewer):
    client.force_login(viewer)
    html = body(client.get(URL))
    for src in re.findall(r'<script[^>]*src="([^"]+)"', html):
        assert src.startswith("/static/"), src
    for path in ["vendor/chart.js/chart.umd.js", "vendor/leaflet/leaflet.js", "vendor/topojson-client/"]:
        assert f"/static/{path}" in html
    assert 'data-world-url="/static/vendor/world-atlas/countries-110m.json"' in html


def test_it_counts_with_an_empty_database(client, viewer):
    client.force_login(viewer)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["stats"]["cases_total"] == 0


@pytest.mark.parametrize("rows", [5, 50])
def test_it_makes_the_same_number_of_queries_for_5_and_50_rows(client, viewer, django_assert_num_queries, rows):
    many_cases(rows)
    client.force_login(viewer)
    with django_assert_num_queries(COLD_QUERIES):
        response = client.get(URL)
    assert response.context["stats"]["cases_total"] == rows
    with django_assert_num_queries(WARM_QUERIES):  # the aggregates now come from the cache
        client.get(URL)


def test_it_shows_new_numbers_once_the_cache_is_cleared(client, viewer):
    from tracker.selectors import dashboard_cache_clear

    client.force_login(viewer)
    assert client.get(URL).context["stats"]["cases_total"] == 0
    ConcernFactory(status=Concern.Status.BANNED)
    assert client.get(URL).context["stats"]["cases_total"] == 0  # cached
    dashboard_cache_clear()
    assert client.get(URL).context["stats"]["cases_total"] == 1


def test_the_map_carries_at_most_the_limit_of_markers(client, viewer, monkeypatch):
    from tests.factories import ConcernFactory, FacilityFactory
    from tracker import selectors

    monkeypatch.setattr(selectors, "MAP_LIMIT", 2)
    ConcernFactory(facilities=[FacilityFactory() for _ in range(3)])
    selectors.dashboard_cache_clear()
    client.force_login(viewer)
    stats = client.get("/").context["stats"]
    assert len(stats["map_facilities"]) == 2 and stats["map_facilities_total"] == 3
