from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AgencyFactory
from tracker.demo_data import END, SOURCE_PREFIX, Plan, demo_data_generate
from tracker.models import (
    Agency,
    Article,
    Company,
    Concern,
    ConcernCategory,
    Event,
    Evidence,
    Facility,
    ReviewState,
    normalize_name,
)

pytestmark = pytest.mark.django_db

# Queries of one run that fits in one batch; it must not depend on the number of cases.
MAX_QUERIES = 40


def _snapshot() -> dict[str, list]:
    """What a run wrote, without ids (the sequences move on between runs)."""
    return {
        "companies": list(Company.objects.order_by("pk").values_list("name", "parent__name", "country", "sector")),
        "facilities": list(Facility.objects.order_by("pk").values_list("name", "city", "latitude", "operator__name")),
        "concerns": list(Concern.objects.order_by("pk").values_list("title", "status", "first_reported")),
        "articles": list(Article.objects.order_by("pk").values_list("source_file", "content_hash", "url")),
        "evidence": list(Evidence.objects.order_by("pk").values_list("article__source_file", "fact", "start", "end")),
    }


def _wipe() -> None:
    Article.objects.all().delete()
    Concern.objects.all().delete()
    Facility.objects.all().delete()
    Company.objects.all().delete()
    Agency.objects.all().delete()


def test_it_makes_the_planned_number_of_rows():
    counts = demo_data_generate(cases=200, seed=7)

    plan = Plan.for_cases(200)
    assert (plan.companies, plan.facilities, plan.articles) == (50, 60, 440)
    assert Concern.objects.count() == counts["concerns"] == 200
    assert Company.objects.count() == counts["companies"] == plan.companies
    assert Facility.objects.count() == counts["facilities"] == plan.facilities
    assert Article.objects.count() == counts["articles"] == plan.articles
    assert Evidence.objects.count() == counts["evidence"] >= 10 * 200
    assert Event.objects.count() == counts["events"] >= 200
    assert ConcernCategory.objects.count() == counts["categories"]
    assert Agency.objects.count() == counts["agencies"] > 0


def test_batches_do_not_change_the_totals():
    demo_data_generate(cases=100, seed=7, batch_size=15)
    assert (Concern.objects.count(), Company.objects.count(), Article.objects.count()) == (100, 25, 220)


def test_every_quote_is_the_article_text_at_its_offsets():
    demo_data_generate(cases=200, seed=3)
    rows = Evidence.objects.values_list("quote", "start", "end", "article__text")
    assert rows
    for quote, start, end, text in rows:
        assert text[start:end] == quote


def test_articles_have_unique_hashes_urls_and_plausible_length():
    demo_data_generate(cases=200, seed=3)
    articles = list(Article.objects.values_list("text", "content_hash", "url", "published"))
    assert len({a[1] for a in articles}) == len(articles)
    urls = [a[2] for a in articles if a[2]]
    assert len(set(urls)) == len(urls) and len(urls) < len(articles)  # some have no URL
    assert all(140 <= len(a[0].split()) <= 450 for a in articles)


def test_reported_dates_are_in_order_and_cover_the_articles():
    demo_data_generate(cases=200, seed=3)
    for concern in Concern.objects.all():
        assert concern.first_reported <= concern.last_reported <= END
        dates = set(Article.objects.filter(evidence__concern=concern).values_list("published", flat=True))
        assert dates and min(dates) >= concern.first_reported and max(dates) <= concern.last_reported
    years = {d.year for d in Concern.objects.values_list("first_reported", flat=True)}
    assert len(years) >= 8  # spread over about ten years


def test_parents_resolve_into_groups_of_two_or_three_levels():
    demo_data_generate(cases=200, seed=3)
    parents = dict(Company.objects.values_list("pk", "parent_id"))
    depths = []
    for pk, parent in parents.items():
        depth = 1
        while parent is not None:
            assert parent in parents and parent != pk
            depth += 1
            parent = parents[parent]
        depths.append(depth)
    assert max(depths) == 3 and depths.count(1) < len(depths) / 2
    for company in Company.objects.all():
        assert company.normalized_name == normalize_name(company.name)


def test_cases_link_records_and_concern_evidence_claims_them():
    demo_data_generate(cases=200, seed=3)
    for concern in Concern.objects.prefetch_related("companies", "agencies", "facilities", "category_rows"):
        assert 1 <= len(concern.category_codes()) <= 3
        assert concern.companies.all() and concern.agencies.all() and concern.events.exists()
        for evidence in concern.evidence.exclude(claim={}):
            claim = evidence.claim
            assert set(claim["categories"]) == set(concern.category_codes())
            assert claim["status"] in Concern.Status.values
            assert set(claim["companies"]) == {c.pk for c in concern.companies.all()}
            assert set(claim["agencies"]) == {a.pk for a in concern.agencies.all()}
            assert set(claim["facilities"]) == {f.pk for f in concern.facilities.all()}
    facts = set(Evidence.objects.values_list("fact", flat=True))
    assert facts == {"concern", "mention", "parent", "operator", "event"}
    states = set(Concern.objects.values_list("review_state", flat=True))
    assert states == set(ReviewState.values)
    assert Facility.objects.filter(latitude__isnull=True).count() == 0


def test_it_reuses_the_agencies_of_a_country():
    vsse = AgencyFactory(name="State Security Service", acronym="VSSE", country="BE")
    demo_data_generate(cases=200, seed=3)
    assert list(Agency.objects.filter(country="BE")) == [vsse]
    assert Concern.objects.filter(host_country="BE", agencies=vsse).exists()
    assert Agency.objects.exclude(country="BE").values("country").distinct().count() > 20


def test_it_writes_no_history():
    demo_data_generate(cases=50, seed=3)
    assert Company.history.count() == 0 and Concern.history.count() == 0 and Article.history.count() == 0


def test_queries_do_not_grow_with_the_number_of_cases(django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        demo_data_generate(cases=100, seed=3)
    with django_assert_max_num_queries(MAX_QUERIES):
        demo_data_generate(cases=300, seed=4)
    with CaptureQueriesContext(connection) as small:
        demo_data_generate(cases=100, seed=5)
    with CaptureQueriesContext(connection) as large:
        demo_data_generate(cases=300, seed=6)
    assert len(large) == len(small)


def test_it_is_reproducible_with_the_same_seed():
    demo_data_generate(cases=60, seed=11)
    first = _snapshot()
    _wipe()
    demo_data_generate(cases=60, seed=11)
    assert _snapshot() == first
    _wipe()
    demo_data_generate(cases=60, seed=12)
    assert _snapshot()["companies"] != first["companies"]


def test_a_second_run_adds_new_records():
    demo_data_generate(cases=50, seed=1)
    demo_data_generate(cases=50, seed=1)
    assert Concern.objects.count() == 100 and Company.objects.count() == 2 * Plan.for_cases(50).companies
    files = Article.objects.values_list("source_file", flat=True)
    assert {f[: len(SOURCE_PREFIX) + 3] for f in files} == {f"{SOURCE_PREFIX}001", f"{SOURCE_PREFIX}002"}


def test_names_already_in_the_database_are_varied():
    demo_data_generate(cases=40, seed=2)
    names = set(Company.objects.values_list("name", flat=True))
    Article.objects.all().delete()  # the next run is "run 1" again, so it draws the very same names
    demo_data_generate(cases=40, seed=2)
    assert Company.objects.count() == 2 * len(names)
    assert Facility.objects.count() == 2 * Plan.for_cases(40).facilities


def test_command_prints_progress_and_a_summary():
    out = StringIO()
    call_command("generate_demo_data", "--cases", "20", "--seed", "2", "--batch-size", "7", stdout=out)
    text = out.getvalue()
    assert "cases: 20/20" in text and "run 1 done" in text and "evidence" in text
    assert Concern.objects.count() == 20
    assert Concern.objects.filter(first_reported__gte=dt.date(2016, 1, 1)).count() == 20
