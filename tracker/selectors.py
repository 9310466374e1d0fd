"""Reads for the pages: each selector returns an ordered queryset (or plain values) with its joins done.

Views never build querysets themselves, so the number of queries a page makes is decided here
and stays the same however many rows there are (tests pin it).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby, pairwise
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth

from tracker.countries import country_name
from tracker.models import (
    Agency,
    Article,
    Company,
    Concern,
    ConcernCategory,
    Event,
    Evidence,
    Facility,
    IngestJob,
    ReviewState,
)
from tracker.search import concerns_matching

# How far down a group the company filter and trees reach. Real groups rarely nest deeper
# than holding -> division -> operating company -> local unit; each level is one more join.
GROUP_DEPTH = 4

# Bump when the shape of the cached entry changes, so a deploy never reads an old shape
# from a shared cache (Redis outlives the processes).
DASHBOARD_CACHE_KEY = "tracker:dashboard_stats:v2"
DASHBOARD_KEEP_SECONDS = 24 * 3600
# Computing the aggregates takes most of a second at 100,000 cases, so visitors are served the
# cached ones and a worker recomputes them: after ingest at most every DASHBOARD_REFRESH_SECONDS,
# after an editor's review at once, and when a visit finds them older than DASHBOARD_STALE_SECONDS
# (the safety net for writes that say nothing, such as admin edits).
DASHBOARD_REFRESH_SECONDS = 30
DASHBOARD_STALE_SECONDS = 300
DASHBOARD_REFRESH_PENDING_KEY = "tracker:dashboard_stats:refresh-pending"


# Companies ----------------------------------------------------------------------------------


def company_group_ids(*company_ids: int, depth: int = GROUP_DEPTH) -> QuerySet:
    """Ids of the companies and their subsidiaries down to `depth` levels, as a subquery.

    One SELECT per level, joined by UNION: each follows the parent_id index from the top down.
    A single OR across the parent joins made PostgreSQL scan every company (~20 ms at 30,000).
    """
    levels = [Company.objects.filter(pk__in=company_ids)]
    path = "parent"
    for _ in range(depth):
        levels.append(Company.objects.filter(**{f"{path}__in": company_ids}))
        path += "__parent"
    first, *rest = (level.order_by().values("pk") for level in levels)
    return first.union(*rest)


def company_group_concern_ids(company_id: int) -> QuerySet:
    """Ids of the cases of a company group: named companies or facilities they operate, as a subquery.

    One UNION instead of two IN (...) OR IN (...): PostgreSQL then looks the few cases up by key
    instead of testing every case against both lists.
    """
    group = company_group_ids(company_id)
    by_company = Concern.companies.through.objects.filter(company__in=group).values("concern_id")
    by_facility = Concern.facilities.through.objects.filter(facility__operator__in=group).values("concern_id")
    return by_company.union(by_facility)


def company_list(*, q: str = "", country: str = "") -> QuerySet[Company]:
    qs = Company.objects.select_related("parent").annotate(
        case_count=Count("concerns", distinct=True), facility_count=Count("facilities", distinct=True)
    )
    if q:
        qs = qs.filter(pk__in=Company.objects.filter(Q(name__icontains=q) | Q(aliases__name__icontains=q)).values("pk"))
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("name", "pk")


def company_get(pk: int) -> Company | None:
    related = "parent" + "__parent" * (GROUP_DEPTH - 1)
    return Company.objects.select_related(related).prefetch_related("aliases").filter(pk=pk).first()


@dataclass
class TreeNode:
    company: Company
    children: list[TreeNode] = field(default_factory=list)


def company_parent_chain(company: Company) -> list[Company]:
    """Parents from the top of the group down to the direct parent.

    Note: walks company.parent, which company_get() joins GROUP_DEPTH levels up; a deeper chain
    costs one query per extra level and stops at a cycle.
    """
    chain: list[Company] = []
    seen = {company.pk}
    parent = company.parent
    while parent is not None and parent.pk not in seen and len(chain) < 20:
        chain.append(parent)
        seen.add(parent.pk)
        parent = parent.parent
    return list(reversed(chain))


def company_subsidiary_tree(company: Company) -> list[TreeNode]:
    """The subsidiaries below the company, nested, from one query."""
    rows = list(
        Company.objects.filter(pk__in=company_group_ids(company.pk))
        .exclude(pk=company.pk)
        .only("pk", "name", "country", "parent_id", "review_state")
        .order_by("name")
    )
    by_parent: dict[int | None, list[Company]] = defaultdict(list)
    for row in rows:
        by_parent[row.parent_id].append(row)

    def build(parent_id: int, seen: set[int]) -> list[TreeNode]:
        nodes = []
        for child in by_parent.get(parent_id, []):
            if child.pk in seen:
                continue
            nodes.append(TreeNode(child, build(child.pk, seen | {child.pk})))
        return nodes

    return build(company.pk, {company.pk})


def company_facilities(company: Company) -> QuerySet[Facility]:
    """Facilities the company or one of its subsidiaries operates (a parent answers for its group)."""
    return (
        Facility.objects.filter(operator__in=company_group_ids(company.pk))
        .select_related("operator")
        .order_by("name", "pk")
    )


def company_concerns(company: Company) -> QuerySet[Concern]:
    """Cases of the company and of its subsidiaries: a parent answers for its group."""
    return concerns_for_list().filter(pk__in=company_group_concern_ids(company.pk))


# Facilities, agencies, articles ----------------------------------------------------------------


def facility_list(*, q: str = "", country: str = "") -> QuerySet[Facility]:
    qs = Facility.objects.select_related("operator").annotate(case_count=Count("concerns", distinct=True))
    if q:
        named = Facility.objects.filter(Q(name__icontains=q) | Q(aliases__name__icontains=q)).values("pk")
        qs = qs.filter(Q(pk__in=named) | Q(city__icontains=q) | Q(operator__name__icontains=q))
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("name", "pk")


def facility_get(pk: int) -> Facility | None:
    return Facility.objects.select_related("operator__parent").prefetch_related("aliases").filter(pk=pk).first()


def agency_list(*, q: str = "", country: str = "") -> QuerySet[Agency]:
    qs = Agency.objects.annotate(case_count=Count("concerns", distinct=True)).prefetch_related("aliases")
    if q:
        qs = qs.filter(
            pk__in=Agency.objects.filter(
                Q(name__icontains=q) | Q(acronym__icontains=q) | Q(aliases__name__icontains=q)
            ).values("pk")
        )
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("name", "pk")


def agency_get(pk: int) -> Agency | None:
    return Agency.objects.prefetch_related("aliases").filter(pk=pk).first()


def article_list(*, q: str = "") -> QuerySet[Article]:
    qs = Article.objects.defer("text").annotate(evidence_count=Count("evidence"))
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(publisher__icontains=q) | Q(text__icontains=q))
    return qs.order_by(F("published").desc(nulls_last=True), "-pk")


def article_get(pk: int) -> Article | None:
    return Article.objects.filter(pk=pk).first()


def article_evidence(article: Article) -> list[Evidence]:
    return list(
        Evidence.objects.filter(article=article)
        .select_related("concern", "company", "facility", "agency", "event")
        .order_by("start", "end", "pk")
    )


@dataclass
class Segment:
    """A stretch of article text, and the evidence rows that cover it (none: plain text)."""

    text: str
    evidence: list[Evidence]
    starts: list[Evidence]  # evidence rows that begin here: they get the id="ev<pk>" anchors
    link: str = ""  # the record page the stretch links to (set by the view)

    @property
    def evidence_ids(self) -> str:
        return " ".join(f"ev{e.pk}" for e in self.evidence)


def article_segments(text: str, evidence: list[Evidence]) -> list[Segment]:
    """Cut the text at every span boundary so overlapping evidence still highlights correctly.

    Offsets come from the pipeline; a span outside the text (an edited article) is clamped or
    dropped rather than breaking the page.
    """
    spans = []
    for ev in evidence:
        start, end = max(0, ev.start), min(len(text), ev.end)
        if start < end:
            spans.append((start, end, ev))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    segments = []
    for left, right in pairwise(cuts):
        covering = [ev for s, e, ev in spans if s <= left and e >= right]
        starts = [ev for s, _, ev in spans if s == left]
        segments.append(Segment(text[left:right], covering, starts))
    return segments


def article_records(evidence: list[Evidence]) -> list[tuple[str, Any, list[Evidence]]]:
    """The records an article produced, each once, with the evidence that supports it."""
    found: dict[tuple[str, int], tuple[str, Any, list[Evidence]]] = {}
    for ev in evidence:
        for kind in ("concern", "company", "facility", "agency", "event"):
            record = getattr(ev, kind)
            if record is not None:
                found.setdefault((kind, record.pk), (kind, record, []))[2].append(ev)
    order = {"concern": 0, "company": 1, "facility": 2, "agency": 3, "event": 4}
    return sorted(found.values(), key=lambda item: (order[item[0]], str(item[1])))


def evidence_record_url(ev: Evidence) -> str:
    """Where a highlighted sentence links to: the record it supports (an event's case)."""
    if ev.concern_id:
        return ev.concern.get_absolute_url()
    if ev.company_id:
        return ev.company.get_absolute_url()
    if ev.facility_id:
        return ev.facility.get_absolute_url()
    if ev.agency_id:
        return ev.agency.get_absolute_url()
    if ev.event_id:
        return Concern(pk=ev.event.concern_id).get_absolute_url()
    return ""


# Cases -------------------------------------------------------------------------------------------


def concerns_for_list() -> QuerySet[Concern]:
    """Cases with what a list row shows; the prefetches run once per page, not per row.

    Only the columns a row reads are loaded: at 50 rows a page, whole company and agency rows
    (descriptions, alias lists) and the cases' search names cost more to build than to query.
    Exports add the facilities (concerns_for_export), which no row shows.
    """
    return (
        Concern.objects.defer("search_names")
        .prefetch_related(
            Prefetch("category_rows", queryset=ConcernCategory.objects.order_by("category")),
            Prefetch("companies", queryset=Company.objects.only("pk", "name", "country").order_by("name")),
            Prefetch("agencies", queryset=Agency.objects.only("pk", "name", "acronym").order_by("name")),
        )
        .order_by(F("last_reported").desc(nulls_last=True), "-pk")
    )


def concerns_for_export(qs: QuerySet[Concern]) -> QuerySet[Concern]:
    """A filtered case list with the facilities the CSV and JSON exports name as well."""
    return qs.prefetch_related(Prefetch("facilities", queryset=Facility.objects.only("pk", "name").order_by("name")))


def concerns_visible() -> QuerySet[Concern]:
    """What analysts see unless they ask for it: an editor's rejection means "this is wrong"."""
    return concerns_for_list().exclude(review_state=ReviewState.REJECTED)


def concerns_search(qs: QuerySet[Concern], q: str) -> QuerySet[Concern]:
    """Full-text search over cases (PostgreSQL full text, plain LIKE elsewhere): see tracker.search."""
    return concerns_matching(qs, q)


def concern_get(pk: int) -> Concern | None:
    return (
        Concern.objects.prefetch_related(
            Prefetch("category_rows", queryset=ConcernCategory.objects.order_by("category")),
            # The parent chain is joined so related cases find the top of each group without queries.
            Prefetch(
                "companies",
                queryset=Company.objects.select_related("parent" + "__parent" * (GROUP_DEPTH - 1)).order_by("name"),
            ),
            Prefetch("facilities", queryset=Facility.objects.select_related("operator").order_by("name")),
            Prefetch("agencies", queryset=Agency.objects.order_by("name")),
            Prefetch("events", queryset=Event.objects.order_by("date", "pk")),
        )
        .filter(pk=pk)
        .first()
    )


@dataclass
class SourceGroup:
    article: Article
    evidence: list[Evidence]


def concern_evidence(concern: Concern) -> list[SourceGroup]:
    """Evidence for the case and its events, grouped by source article (newest article first).

    Note: reads concern.events (prefetched by concern_get). The event ids go in as values: an OR
    across a join or a subquery makes PostgreSQL scan every evidence row instead of two indexes.
    """
    event_ids = [event.pk for event in concern.events.all()]
    rows = (
        Evidence.objects.filter(Q(concern=concern) | Q(event_id__in=event_ids))
        .select_related("article")
        .defer("article__text")
        .order_by(F("article__published").desc(nulls_last=True), "article_id", "start", "pk")
    )
    return [SourceGroup(article, list(items)) for article, items in groupby(rows, key=lambda ev: ev.article)]


def concern_related(concern: Concern, *, limit: int = 20) -> QuerySet[Concern]:
    """Other cases about the same company group, facility or agency.

    Note: reads concern.companies / facilities / agencies (prefetched by concern_get()).
    """
    roots = set()
    for company in concern.companies.all():
        top = company
        for _ in range(GROUP_DEPTH):  # parent is joined one level; deeper parents cost a query each
            if top.parent_id is None:
                break
            top = top.parent
        roots.add(top.pk)
    group = company_group_ids(*roots)
    facility_ids = [f.pk for f in concern.facilities.all()]
    agency_ids = [a.pk for a in concern.agencies.all()]
    return (
        concerns_visible()
        .filter(
            Q(pk__in=Concern.companies.through.objects.filter(company__in=group).values("concern_id"))
            | Q(pk__in=Concern.facilities.through.objects.filter(facility__in=facility_ids).values("concern_id"))
            | Q(pk__in=Concern.agencies.through.objects.filter(agency__in=agency_ids).values("concern_id"))
        )
        .exclude(pk=concern.pk)[:limit]
    )


def concern_proposed_records(concern: Concern) -> list[Any]:
    """The case's involved records and events an editor has yet to confirm or reject.

    Note: reads the prefetched relations of concern_get().
    """
    records: list[Any] = [
        *concern.companies.all(),
        *concern.facilities.all(),
        *concern.agencies.all(),
        *concern.events.all(),
    ]
    return [r for r in records if r.review_state == ReviewState.PROPOSED]


# Dashboard -----------------------------------------------------------------------------------------


MAP_LIMIT = 1000


def dashboard_stats() -> dict[str, Any]:
    """Every number and list of the dashboard, as plain values, from the cache.

    Only a visit that finds the cache empty computes them itself, and on a site without a
    broker (a trial) a stale or cleared entry is recomputed in the request too.
    """
    entry = cache.get(DASHBOARD_CACHE_KEY)
    if entry is None:
        return dashboard_refresh()
    if time.time() - entry["at"] > DASHBOARD_STALE_SECONDS and not _refresh_in_worker(countdown=0):
        return dashboard_refresh()
    return entry["stats"]


def dashboard_cache_clear() -> None:
    """Drop the cached aggregates: the next visit computes them."""
    cache.delete(DASHBOARD_CACHE_KEY)


def dashboard_refresh_soon(*, delay: int = DASHBOARD_REFRESH_SECONDS) -> None:
    """Records changed: a worker refreshes the aggregates within `delay` seconds (ingest waits to
    gather files, an editor's review asks for 0). Without workers they are dropped instead."""
    if not _refresh_in_worker(countdown=delay):
        dashboard_cache_clear()


def dashboard_refresh() -> dict[str, Any]:
    """Compute the aggregates and replace the cached ones (what the refresh task runs)."""
    from tracker.tasks import queue_once_started

    queue_once_started(DASHBOARD_REFRESH_PENDING_KEY)  # writes from now on schedule the next refresh
    stats = _dashboard_compute()
    cache.set(DASHBOARD_CACHE_KEY, {"at": time.time(), "stats": stats}, DASHBOARD_KEEP_SECONDS)
    return stats


def _refresh_in_worker(*, countdown: int) -> bool:
    """Queue one refresh (none while one is pending). False when there are no workers to run it."""
    from tracker.tasks import queue_once, refresh_dashboard

    hold = DASHBOARD_REFRESH_SECONDS * 6
    return queue_once(refresh_dashboard, key=DASHBOARD_REFRESH_PENDING_KEY, countdown=countdown, hold=hold)


def _dashboard_compute() -> dict[str, Any]:
    cases = Concern.objects.exclude(review_state=ReviewState.REJECTED)
    status_labels = dict(Concern.Status.choices)
    by_status = {row["status"]: row["n"] for row in cases.order_by().values("status").annotate(n=Count("pk"))}
    proposed = sum(
        model.objects.filter(review_state=ReviewState.PROPOSED).count()
        for model in (Concern, Company, Facility, Agency, Event)
    )
    months = (
        cases.annotate(month=TruncMonth(Coalesce("first_reported", "last_reported")))
        .exclude(month=None)
        .order_by("month")
        .values("month")
        .annotate(n=Count("pk"))
    )
    category_labels = dict(Concern.Category.choices)
    by_category = (
        ConcernCategory.objects.filter(concern__in=cases)
        .order_by()
        .values("category")
        .annotate(n=Count("concern_id", distinct=True))
        .order_by("-n", "category")
    )
    by_host = (
        cases.exclude(host_country="")
        .order_by()
        .values("host_country")
        .annotate(n=Count("pk"))
        .order_by("-n", "host_country")
    )
    by_origin = (
        Concern.companies.through.objects.filter(concern__in=cases)
        .exclude(company__country="")
        .order_by()
        .values("company__country")
        .annotate(n=Count("concern_id", distinct=True))
        .order_by("-n", "company__country")
    )
    mapped = Facility.objects.filter(latitude__isnull=False, longitude__isnull=False, concerns__in=cases)
    # The page carries at most MAP_LIMIT markers (the facilities with most cases): a register of
    # tens of thousands would otherwise put megabytes of JSON into every dashboard load.
    facilities = (
        mapped.annotate(n=Count("concerns", distinct=True))
        .order_by("-n", "name")
        .values("pk", "name", "city", "country", "latitude", "longitude", "n")[:MAP_LIMIT]
    )
    articles = Article.objects.order_by(F("published").desc(nulls_last=True), "-pk").values(
        "pk", "title", "publisher", "published"
    )[:10]
    recent = cases.order_by("-updated_at", "-pk").values(
        "pk", "title", "status", "host_country", "updated_at", "review_state"
    )[:10]

    def _month(value: dt.date | dt.datetime) -> str:
        return f"{value:%Y-%m}"

    return {
        "cases_total": sum(by_status.values()),
        "cases_by_status": [
            {"code": code, "label": label, "n": by_status.get(code, 0)} for code, label in Concern.Status.choices
        ],
        "companies": Company.objects.exclude(review_state=ReviewState.REJECTED).count(),
        "facilities": Facility.objects.exclude(review_state=ReviewState.REJECTED).count(),
        "agencies": Agency.objects.exclude(review_state=ReviewState.REJECTED).count(),
        "articles": Article.objects.count(),
        "proposed": proposed,
        "chart_months": [{"label": _month(r["month"]), "n": r["n"]} for r in months],
        "chart_categories": [
            {"code": r["category"], "label": category_labels.get(r["category"], r["category"]), "n": r["n"]}
            for r in by_category
        ],
        "chart_hosts": [
            {"code": r["host_country"], "label": country_name(r["host_country"]), "n": r["n"]} for r in by_host
        ],
        "chart_origins": [
            {"code": r["company__country"], "label": country_name(r["company__country"]), "n": r["n"]}
            for r in by_origin
        ],
        "map_facilities_total": mapped.values("pk").distinct().count(),
        "map_facilities": [
            {
                "name": f["name"],
                "place": ", ".join(p for p in (f["city"], country_name(f["country"])) if p),
                "lat": f["latitude"],
                "lon": f["longitude"],
                "cases": f["n"],
                "url": Facility(pk=f["pk"]).get_absolute_url(),
            }
            for f in facilities
        ],
        "newest_articles": list(articles),
        "recent_cases": [{**r, "status_label": status_labels.get(r["status"], r["status"])} for r in recent],
    }


# Ingest jobs ----------------------------------------------------------------------------------------


def jobs_list(*, status: str = "", ids: list[int] | None = None) -> QuerySet[IngestJob]:
    qs = IngestJob.objects.defer("payload").select_related("created_by", "feed")
    if status:
        qs = qs.filter(status=status)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.order_by("-created_at", "-pk")


def job_get(pk: int) -> IngestJob | None:
    return (
        IngestJob.objects.defer("payload")
        .select_related("created_by", "feed")
        .prefetch_related(Prefetch("articles", queryset=Article.objects.defer("text")))
        .filter(pk=pk)
        .first()
    )
