"""Selectors: ordered querysets with their joins, the search seam, group trees, article segments, dashboard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from tests.factories import (
    ArticleFactory,
    CompanyFactory,
    ConcernFactory,
    EvidenceFactory,
    FacilityFactory,
)
from tests.pages_helpers import alibaba_case
from tracker import selectors, services
from tracker.filters import concern_filter
from tracker.models import Concern, Evidence, FacilityAlias, ReviewState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_concerns_for_list_is_ordered_newest_reported_first_with_undated_last():
    undated = ConcernFactory(title="undated", first_reported=None, last_reported=None)
    old = ConcernFactory(title="old", first_reported=dt.date(2019, 1, 1), last_reported=dt.date(2019, 1, 1))
    new = ConcernFactory(title="new")
    assert list(selectors.concerns_for_list()) == [new, old, undated]


def test_concerns_for_list_prefetches_what_a_row_shows(django_assert_num_queries):
    alibaba_case()
    with django_assert_num_queries(4):  # cases + categories, companies, agencies
        for case in selectors.concerns_for_list():
            case.category_codes()
            [(c.pk, c.name, c.country) for c in case.companies.all()]
            [(a.pk, a.name, a.acronym) for a in case.agencies.all()]


def test_concerns_for_export_adds_the_facilities(django_assert_num_queries):
    alibaba_case()
    with django_assert_num_queries(5):  # cases + categories, companies, agencies, facilities
        for case in selectors.concerns_for_export(selectors.concerns_for_list()):
            case.category_codes()
            [(c.name, c.country) for c in case.companies.all()]
            [f.name for f in case.facilities.all()]
            [a.name for a in case.agencies.all()]


def test_concerns_search_matches_every_word_in_any_field():
    case = alibaba_case()
    other = ConcernFactory(title="Port terminal review")
    qs = selectors.concerns_for_list()
    assert list(selectors.concerns_search(qs, "cainiao espionage")) == [case.concern]
    assert list(selectors.concerns_search(qs, "terminal")) == [other]
    assert list(selectors.concerns_search(qs, "Veiligheid")) == [case.concern]  # agency alias
    FacilityAlias.objects.create(facility=case.facility, name="Bierset freight terminal")
    services.concern_search_refresh(concern_ids=[case.concern.pk])
    assert list(selectors.concerns_search(qs, "Bierset")) == [case.concern]  # facility alias
    assert list(selectors.concerns_search(qs, "Financial Times")) == [case.concern]  # evidence article text
    assert list(selectors.concerns_search(qs, "nothing-like-this")) == []


def test_concerns_search_returns_each_case_once():
    case = alibaba_case()
    # Two evidence sentences and two companies match "Alibaba": still one row.
    assert list(selectors.concerns_search(selectors.concerns_for_list(), "Alibaba")) == [case.concern]


def test_concerns_search_ignores_evidence_of_other_cases():
    case = alibaba_case()
    lonely = ConcernFactory(title="Unrelated")
    EvidenceFactory(article=ArticleFactory(text="A quite different story about drones."), concern=lonely)
    assert list(selectors.concerns_search(selectors.concerns_for_list(), "drones")) == [lonely]
    assert case.concern not in selectors.concerns_search(selectors.concerns_for_list(), "drones")


def test_company_group_reaches_subsidiaries_a_few_levels_down():
    top = CompanyFactory(name="Top")
    level = top
    chain = []
    for i in range(selectors.GROUP_DEPTH + 1):
        level = CompanyFactory(name=f"Level {i + 1}", parent=level)
        chain.append(level)
    ids = set(selectors.company_group_ids(top.pk).values_list("pk", flat=True))
    assert ids == {top.pk, *(c.pk for c in chain[: selectors.GROUP_DEPTH])}


def test_company_tree_and_parent_chain():
    case = alibaba_case()
    europe = CompanyFactory(name="Cainiao Europe", parent=case.cainiao)
    CompanyFactory(name="Cainiao Belgium", parent=europe)
    CompanyFactory(name="Cainiao Americas", parent=case.cainiao)
    cainiao = selectors.company_get(case.cainiao.pk)
    assert selectors.company_parent_chain(cainiao) == [case.alibaba]
    tree = selectors.company_subsidiary_tree(cainiao)
    assert [n.company.name for n in tree] == ["Cainiao Americas", "Cainiao Europe"]
    assert [n.company.name for n in tree[1].children] == ["Cainiao Belgium"]


def test_company_concerns_include_subsidiaries_and_operated_facilities():
    case = alibaba_case()
    via_facility = ConcernFactory(title="hub only", facilities=[case.facility])
    assert set(selectors.company_concerns(case.alibaba)) == {case.concern, via_facility}
    assert set(selectors.company_concerns(case.cainiao)) == {case.concern, via_facility}


def test_concern_related_finds_the_group_facility_and_agency_but_not_rejected_cases():
    case = alibaba_case()
    sibling = CompanyFactory(name="Alibaba Cloud", parent=case.alibaba)
    group = ConcernFactory(title="group", companies=[sibling])
    ConcernFactory(title="rejected", companies=[sibling], review_state=ReviewState.REJECTED)
    agency = ConcernFactory(title="agency", agencies=[case.agency])
    facility = ConcernFactory(title="facility", facilities=[FacilityFactory(), case.facility])
    ConcernFactory(title="unrelated")
    related = selectors.concern_related(selectors.concern_get(case.concern.pk))
    assert {c.title for c in related} == {group.title, agency.title, facility.title}


def test_concern_evidence_groups_by_article_including_event_evidence():
    case = alibaba_case()
    groups = selectors.concern_evidence(case.concern)
    assert len(groups) == 1
    assert groups[0].article == case.article
    assert [e.fact for e in groups[0].evidence] == [Evidence.Fact.CONCERN, Evidence.Fact.EVENT]


def test_concern_proposed_records_lists_what_awaits_review():
    case = alibaba_case()
    proposed = selectors.concern_proposed_records(selectors.concern_get(case.concern.pk))
    assert set(proposed) == {case.cainiao, case.facility, case.event}


def _ev(pk: int, start: int, end: int) -> Evidence:
    return Evidence(pk=pk, start=start, end=end, quote="")


def test_article_segments_cut_overlapping_spans():
    text = "0123456789"
    a, b = _ev(1, 2, 6), _ev(2, 4, 8)
    segments = selectors.article_segments(text, [a, b])
    assert [s.text for s in segments] == ["01", "23", "45", "67", "89"]
    assert [[e.pk for e in s.evidence] for s in segments] == [[], [1], [1, 2], [2], []]
    assert [[e.pk for e in s.starts] for s in segments] == [[], [1], [2], [], []]
    assert "".join(s.text for s in segments) == text


def test_article_segments_clamp_or_drop_spans_outside_the_text():
    segments = selectors.article_segments("short", [_ev(1, 3, 99), _ev(2, 50, 60), _ev(3, 4, 2)])
    assert [(s.text, [e.pk for e in s.evidence]) for s in segments] == [("sho", []), ("rt", [1])]


def test_article_segments_of_text_without_evidence_is_the_whole_text():
    assert [s.text for s in selectors.article_segments("plain", [])] == ["plain"]
    assert selectors.article_segments("", []) == []


def test_dashboard_stats_are_cached_until_cleared(django_assert_num_queries):
    alibaba_case()
    first = selectors.dashboard_stats()
    with django_assert_num_queries(0):
        assert selectors.dashboard_stats() == first
    ConcernFactory(status=Concern.Status.BLOCKED)
    selectors.dashboard_cache_clear()
    assert selectors.dashboard_stats()["cases_total"] == first["cases_total"] + 1


def test_a_refresh_replaces_the_cached_stats_that_visitors_keep_reading(django_assert_num_queries):
    first = selectors.dashboard_stats()
    ConcernFactory(status=Concern.Status.BLOCKED)
    assert selectors.dashboard_stats() == first  # still the cached numbers, no waiting
    refreshed = selectors.dashboard_refresh()
    assert refreshed["cases_total"] == first["cases_total"] + 1
    with django_assert_num_queries(0):
        assert selectors.dashboard_stats() == refreshed


def test_ingest_without_a_broker_clears_the_stats(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    selectors.dashboard_stats()
    selectors.dashboard_refresh_soon()
    assert cache.get(selectors.DASHBOARD_CACHE_KEY) is None


@pytest.fixture
def queued(settings, monkeypatch) -> list[dict]:
    """A site with workers; what this process sends them is recorded instead of sent."""
    from tracker import tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(tasks, "_pending_until", {})
    sent: list[dict] = []
    monkeypatch.setattr(tasks.refresh_dashboard, "apply_async", lambda **options: sent.append(options))
    return sent


def test_ingest_with_workers_queues_one_refresh_per_window(queued):
    cached = selectors.dashboard_stats()
    for _ in range(3):  # three files finish within the window
        selectors.dashboard_refresh_soon()
    assert queued == [{"countdown": selectors.DASHBOARD_REFRESH_SECONDS}]
    assert selectors.dashboard_stats() == cached  # visitors are not sent to recompute
    selectors.dashboard_refresh()  # the worker ran it: the next write queues the next refresh
    selectors.dashboard_refresh_soon()
    assert len(queued) == 2


def test_an_editors_review_queues_an_immediate_refresh_and_keeps_serving(queued):
    cached = selectors.dashboard_stats()
    selectors.dashboard_refresh_soon(delay=0)
    assert queued == [{"countdown": 0}]
    assert selectors.dashboard_stats() == cached


def test_a_stale_entry_is_served_while_a_worker_recomputes_it(queued, django_assert_num_queries):
    cached = selectors.dashboard_stats()
    entry = cache.get(selectors.DASHBOARD_CACHE_KEY)
    entry["at"] -= selectors.DASHBOARD_STALE_SECONDS + 1
    cache.set(selectors.DASHBOARD_CACHE_KEY, entry)
    with django_assert_num_queries(0):
        assert selectors.dashboard_stats() == cached
    assert queued == [{"countdown": 0}]


def test_a_stale_entry_is_recomputed_in_the_request_without_workers(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cached = selectors.dashboard_stats()
    ConcernFactory(status=Concern.Status.BLOCKED)
    entry = cache.get(selectors.DASHBOARD_CACHE_KEY)
    entry["at"] -= selectors.DASHBOARD_STALE_SECONDS + 1
    cache.set(selectors.DASHBOARD_CACHE_KEY, entry)
    assert selectors.dashboard_stats()["cases_total"] == cached["cases_total"] + 1


def test_dashboard_stats_uses_a_versioned_cache_key():
    selectors.dashboard_stats()
    assert selectors.DASHBOARD_CACHE_KEY.endswith(":v2")
    assert cache.get(selectors.DASHBOARD_CACHE_KEY) is not None


def test_dashboard_stats_count_origin_countries_once_per_case():
    alibaba_case()  # two Chinese companies in one case
    stats = selectors.dashboard_stats()
    assert stats["chart_origins"] == [{"code": "CN", "label": "China", "n": 1}]


def test_concern_filter_is_bound_even_without_a_query_string():
    ConcernFactory(title="kept")
    ConcernFactory(title="rejected", review_state=ReviewState.REJECTED)
    assert [c.title for c in concern_filter({}).qs] == ["kept"]
    assert [c.title for c in concern_filter(None).qs] == ["kept"]


def test_jobs_list_filters_by_status_and_ids():
    from tracker.models import IngestJob

    a = IngestJob.objects.create(source_name="a.txt", status=IngestJob.Status.FAILED)
    b = IngestJob.objects.create(source_name="b.txt")
    assert list(selectors.jobs_list(status="failed")) == [a]
    assert list(selectors.jobs_list(ids=[b.pk])) == [b]
    assert list(selectors.jobs_list()) == [b, a]


def test_a_process_does_not_ask_the_cache_again_while_its_own_queued_refresh_surely_waits(queued):
    from tracker import tasks

    selectors.dashboard_refresh_soon()
    cache.delete(selectors.DASHBOARD_REFRESH_PENDING_KEY)  # the cache is not asked again ...
    selectors.dashboard_refresh_soon()
    assert len(queued) == 1
    tasks.queue_once_started(selectors.DASHBOARD_REFRESH_PENDING_KEY)  # ... until the task starts
    selectors.dashboard_refresh_soon(delay=0)
    selectors.dashboard_refresh_soon(delay=0)  # a task due now may start at once: always ask
    assert queued[1:] == [{"countdown": 0}]
    cache.delete(selectors.DASHBOARD_REFRESH_PENDING_KEY)
    selectors.dashboard_refresh_soon(delay=0)
    assert queued[1:] == [{"countdown": 0}, {"countdown": 0}]
