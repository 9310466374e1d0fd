"""store: write one article and everything extracted from it, each fact with its evidence sentence.

The caller (pipeline) wraps a whole file in one transaction, so a failure leaves nothing
half-written. An article whose content hash or canonical URL is already stored is a duplicate
and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from psycopg.types.json import Jsonb

from tracker.countries import country_name
from tracker.ingest import resolve
from tracker.ingest.extract_base import MEASURES, best_status
from tracker.ingest.resolve import can_return_rows
from tracker.ingest.types import Extraction, FoundConcern, RawArticle, Span
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
)
from tracker.services import concern_search_refresh, search_refresh_soon

MAX_MENTIONS_PER_RECORD = 3
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass
class Stored:
    article: Article
    duplicate: bool = False
    created: Counter = field(default_factory=Counter)


def content_hash(text: str) -> str:
    """Hash of the text as a reader sees it: one article in two formats gets one hash."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES).casefold()
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def canonical_url(url: str | None) -> str:
    """Scheme and host in lower case, no fragment, no trailing slash, no tracking parameters."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return ""
    parts = urlsplit(url.strip())
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith(("utm_", "fbclid=", "gclid=")))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))[:2000]


def find_duplicate(raw: RawArticle) -> Article | None:
    url = canonical_url(raw.url)
    match = Q(content_hash=content_hash(raw.text))
    if url:
        match |= Q(url=url)
    return Article.objects.filter(match).first()


def _span(text: str, span: Span) -> tuple[int, int, str] | None:
    """The span as stored: offsets that really point at the quote, or None."""
    if 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.quote:
        return span.start, span.end, span.quote
    if span.quote and (start := text.find(span.quote)) >= 0:
        return start, start + len(span.quote), span.quote
    return None


class _EvidenceBatch:
    """The new article's evidence rows, deduplicated in memory and written in one INSERT."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.rows: dict[tuple, Evidence] = {}

    def add(self, span: Span | None, *, fact: str, claim: dict | None = None, **target) -> None:
        if span is None or (where := _span(self.article.text, span)) is None:
            return
        start, end, quote = where
        key = (fact, start, end, *sorted((name, obj.pk) for name, obj in target.items()))
        row = self.rows.get(key)
        if row is None:
            self.rows[key] = Evidence(
                article=self.article, fact=fact, start=start, end=end, quote=quote, claim=dict(claim or {}), **target
            )
            return
        # One sentence can state several categories (or involve several companies) of one case.
        for name, value in (claim or {}).items():
            if isinstance(value, list):
                row.claim[name] = row.claim.get(name, []) + [v for v in value if v not in row.claim.get(name, [])]
            else:
                row.claim.setdefault(name, value)

    def take(self) -> list[Evidence]:
        return list(self.rows.values())


def _lookup(names: list[str], table: dict[str, object]) -> list:
    found = []
    for name in names:
        record = table.get(name.lower())
        if record is not None and record not in found:
            found.append(record)
    return found


def _group(company: Company) -> QuerySet:
    """The company, its parent and its subsidiaries: one corporate group for case matching."""
    ids = [company.pk, *([company.parent_id] if company.parent_id else [])]
    return Company.objects.filter(Q(pk__in=ids) | Q(parent_id__in=ids)).values("pk")


def _concern_title(companies: list[Company], facilities: list[Facility], categories: list[str], host: str) -> str:
    subject = companies[0].name if companies else (facilities[0].name if facilities else "Unnamed company")
    labels = ", ".join(Concern.Category(c).label.lower() for c in categories) or "security"
    where = f" in {country_name(host)}" if host else ""
    return f"{subject}: {labels} concern{where}"[:300]


def concern_resolve(
    found: FoundConcern,
    *,
    companies: list[Company],
    agencies: list[Agency],
    facilities: list[Facility],
    reported: dt.date,
    memo: dict[tuple, Concern],
    links: _Links,
    new_groups: dict[int, set[int]] | None = None,
    stale: bool = False,
) -> tuple[Concern, bool]:
    """The case this concern belongs to: same host country and corporate group (or facility), else a new one.

    new_groups: the corporate groups made only of companies this file created (_new_groups).
    stale: a new case is stored marked for the search refresh (article_store).
    """
    host = (
        found.host_country
        or next((f.country for f in facilities if f.country), "")
        or next((a.country for a in agencies if a.country and a.country != "EU"), "")
    )
    # One article often states several concerns of one case: look it up once.
    key = (host, companies[0].pk if companies else None, *(f.pk for f in facilities), *(a.pk for a in agencies))
    if key in memo:
        concern = memo[key]
        if concern.review_state == ReviewState.PROPOSED:
            _status_combine(concern, found.status)
            _concern_extend(concern, found, companies, agencies, facilities, links)
        return concern, False
    # The case this file already found or made for the group in this country is what the
    # lookup would answer (it is the group's newest there): no second lookup.
    group_key = (host, "group", companies[0].pk) if companies else None
    concern = memo.get(group_key) if group_key else None
    this_file = concern is not None  # the file states more of a case it has already touched
    members = (new_groups or {}).get(companies[0].pk) if companies else None
    if concern is None and not (members and not links.involve("company_id", members)):
        links.flush()
        concern = _case_find(host, companies, agencies, facilities)
    created = concern is None
    if created:
        concern = resolve.create_quietly(
            Concern,
            title=found.title[:300] or _concern_title(companies, facilities, found.categories, host),
            summary=found.summary or found.quote.quote,
            status=found.status,
            host_country=host or "",
            first_reported=reported,
            last_reported=reported,
            search_stale=stale,
        )
    memo[key] = concern  # the in-memory case follows the updates below
    if group_key:
        memo[group_key] = concern
    if created:
        return _concern_extend(concern, found, companies, agencies, facilities, links), True
    if concern.review_state != ReviewState.PROPOSED:
        # Reviewed cases keep every value an editor set; only the reporting window grows.
        first = min(filter(None, [concern.first_reported, reported]))
        last = max(filter(None, [concern.last_reported, reported]))
        if (first, last) != (concern.first_reported, concern.last_reported):
            Concern.objects.filter(pk=concern.pk).update(first_reported=first, last_reported=last)
            concern.first_reported, concern.last_reported = first, last
        return concern, False
    if this_file:
        _status_combine(concern, found.status)
        return _concern_extend(concern, found, companies, agencies, facilities, links), False
    # The newest report sets the status of a case nobody has reviewed yet.
    values = {
        "status": found.status
        if concern.last_reported is None or reported >= concern.last_reported
        else concern.status,
        "first_reported": min(filter(None, [concern.first_reported, reported])),
        "last_reported": max(filter(None, [concern.last_reported, reported])),
    }
    if any(getattr(concern, k) != v for k, v in values.items()):
        Concern.objects.filter(pk=concern.pk).update(**values)
        for name, value in values.items():
            setattr(concern, name, value)
    return _concern_extend(concern, found, companies, agencies, facilities, links), False


def _status_combine(concern: Concern, status: str) -> None:
    """One file stating several concerns of one case ("the cabinet annulled the purchase", "the
    finance police are investigating") gives the case the measure it states, whatever the order
    the concerns come in; the first measure stated stays (a deal blocked is not a product banned)."""
    if concern.status in MEASURES:
        return
    best = best_status([concern.status, status])
    if best and best != concern.status:
        Concern.objects.filter(pk=concern.pk).update(status=best)
        concern.status = best


def _case_find(
    host: str, companies: list[Company], agencies: list[Agency], facilities: list[Facility]
) -> Concern | None:
    """The newest live case in the host country of the first company's group, else of the
    facilities, else of the agencies alone."""
    # The candidate ids first, through the link tables' indexes: filtering the cases by a join
    # and sorting them makes PostgreSQL walk every case when a new company has none.
    candidates: list[int] = []
    if companies:
        links = Concern.companies.through.objects.filter(company_id__in=_group(companies[0]))
        candidates = list(links.values_list("concern_id", flat=True)[:5000])
    elif facilities:
        links = Concern.facilities.through.objects.filter(facility__in=facilities)
        candidates = list(links.values_list("concern_id", flat=True)[:5000])
    live = Concern.objects.exclude(review_state=ReviewState.REJECTED).filter(host_country=host or "")
    if candidates:
        return live.filter(pk__in=candidates).order_by("-last_reported", "-id").first()
    if agencies and not (companies or facilities):
        alone = live.filter(agencies__in=agencies, companies=None, facilities=None)
        return alone.order_by("-last_reported", "-id").first()
    return None


class _Links:
    """A file's new case relations (categories, companies, agencies, facilities): one INSERT per table.

    Bulk inserts that skip the history: a history snapshot of every relation per add made ingest
    several times slower. The Evidence rows and the IngestJob summary are the audit trail of
    what the machine added; editors' changes in admin are in the history.
    """

    def __init__(self) -> None:
        self.seen: set[tuple] = set()
        self.pending: dict[type, list] = {}

    def add(self, model: type, concern: Concern, column: str, values: Iterable) -> None:
        for value in values:
            if (concern.pk, column, value) not in self.seen:
                self.seen.add((concern.pk, column, value))
                self.pending.setdefault(model, []).append(model(concern_id=concern.pk, **{column: value}))

    def involve(self, column: str, values: set) -> bool:
        """Whether this file linked any case to one of these values."""
        return any(col == column and value in values for _, col, value in self.seen)

    def take(self) -> list[tuple[list, bool]]:
        """What is pending, as rows_insert takes it (a relation stored already is skipped), and forget it."""
        batches = [(rows, True) for rows in self.pending.values()]
        self.pending = {}
        return batches

    def flush(self) -> None:
        """Write what is pending: before anything reads the relations back."""
        rows_insert(self.take())


def _new_groups(companies: Iterable[Company], created: Iterable) -> dict[int, set[int]]:
    """The corporate group of each company whose group this file created whole, by company id.

    Nothing stored before the file can point at those companies, so the only cases of such a
    group are the ones this file links to it: no need to ask the database.
    """
    fresh = {r.pk for r in created if isinstance(r, Company)}
    companies = list({c.pk: c for c in companies}.values())
    groups = {}
    for company in companies:
        ids = {company.pk, company.parent_id} - {None}
        members = ids | {c.pk for c in companies if c.parent_id in ids}
        if members <= fresh:
            groups[company.pk] = members
    return groups


def _concern_extend(
    concern: Concern,
    found: FoundConcern,
    companies: list[Company],
    agencies: list[Agency],
    facilities: list[Facility],
    links: _Links,
) -> Concern:
    """Add the categories and records of a proposed case."""
    links.add(ConcernCategory, concern, "category", found.categories)
    links.add(Concern.companies.through, concern, "company_id", [r.pk for r in companies])
    links.add(Concern.agencies.through, concern, "agency_id", [r.pk for r in agencies])
    links.add(Concern.facilities.through, concern, "facility_id", [r.pk for r in facilities])
    return concern


def article_store(raw: RawArticle, extraction: Extraction, *, today: dt.date | None = None) -> Stored:
    """Write the article and its records; a duplicate of a stored article writes nothing."""
    values = dict(
        title=(raw.title or raw.text.strip().split("\n", 1)[0])[:500],
        publisher=(raw.publisher or extraction.publisher or "")[:200],
        wire_credits=extraction.wire_credits,
        cited_outlets=extraction.cited_outlets,
        url=canonical_url(raw.url),
        published=raw.published or extraction.published,
        language=(raw.language or extraction.language or "")[:8],
        text=raw.text,
        source_file=raw.source_file[:255],
        source_format=raw.format[:10],
        content_hash=content_hash(raw.text),
        countries=sorted(set(extraction.countries)),
    )
    if not can_return_rows():
        if (duplicate := find_duplicate(raw)) is not None:
            return Stored(article=duplicate, duplicate=True)
        # Two workers storing the same article at once: the loser hits the unique hash and retries.
        article = resolve.create_quietly(Article, **values)
    # The unique constraints answer the duplicate question in the insert itself: no query before
    # it, and of two workers storing one article at once, the second waits for the first to
    # commit and then inserts nothing.
    elif not resolve.row_insert(article := Article(**values), skip_conflict=True):
        duplicate = find_duplicate(raw)
        if duplicate is None:  # SQLite's INSERT OR IGNORE also skips a row breaking another constraint
            raise IntegrityError(f"the article from {raw.source_file} could not be stored")
        return Stored(article=duplicate, duplicate=True)
    stored = Stored(article=article)
    evidence = _EvidenceBatch(article)
    counts = stored.created
    reported = article.published or today or dt.date.today()
    new: list = [article]  # records created here; their history is written in bulk at the end

    # New names of proposed records: nothing reads them before the end of the file.
    company_aliases: list = []
    agency_aliases: list = []
    facility_aliases: list = []
    companies: dict[str, Company] = {}
    for found, (company, created) in zip(
        extraction.companies, resolve.companies_resolve(extraction.companies, aliases=company_aliases), strict=True
    ):
        counts["companies"] += created
        if created:
            new.append(company)
        for name in [found.name, *found.aliases]:
            companies[name.lower()] = company
        # The article's own wording travels with the mention: curated records keep their aliases,
        # and the export can still say what this article called them.
        named = {"names": [found.name, *found.aliases]}
        for span in found.evidence[:MAX_MENTIONS_PER_RECORD]:
            evidence.add(span, fact=Evidence.Fact.MENTION, claim=named, company=company)
    for found in extraction.companies:
        parent = companies.get((found.parent or "").lower())
        child = companies[found.name.lower()]
        if parent is not None and parent != child:
            resolve.company_link_parent(child, parent, history=not any(child is r for r in new))
            evidence.add(found.parent_evidence, fact=Evidence.Fact.PARENT, claim={"parent": parent.name}, company=child)

    agencies: dict[str, Agency] = {}
    for found, (agency, created) in zip(
        extraction.agencies, resolve.agencies_resolve(extraction.agencies, aliases=agency_aliases), strict=True
    ):
        counts["agencies"] += created
        if created:
            new.append(agency)
        for name in [found.name, *found.aliases]:
            agencies[name.lower()] = agency
        named = {"names": [found.name, *found.aliases]}
        for span in found.evidence[:MAX_MENTIONS_PER_RECORD]:
            evidence.add(span, fact=Evidence.Fact.MENTION, claim=named, agency=agency)

    facilities: dict[str, Facility] = {}
    for found in extraction.facilities:
        operator = companies.get((found.operator or "").lower())
        facility, created = resolve.facility_resolve(found, operator, aliases=facility_aliases)
        counts["facilities"] += created
        if created:
            new.append(facility)
        facilities[found.name.lower()] = facility
        named = {"names": [found.name, *found.aliases]}
        for span in found.evidence[:MAX_MENTIONS_PER_RECORD]:
            evidence.add(span, fact=Evidence.Fact.MENTION, claim=named, facility=facility)

    # With workers, one of them rebuilds the cases' search fields shortly, for every file of those
    # seconds at once (a rebuild per file was the largest statement of ingest). A new case is
    # stored marked; a case found is marked in the same statement as the rows. Without workers
    # they are rebuilt here.
    later = not settings.CELERY_TASK_ALWAYS_EAGER
    concerns: list[Concern] = []
    memo: dict[tuple, Concern] = {}
    links = _Links()
    new_groups = _new_groups(companies.values(), new)
    for found in extraction.concerns:
        involved = {
            "companies": _lookup(found.companies, companies),
            "agencies": _lookup(found.agencies, agencies),
            "facilities": _lookup(found.facilities, facilities),
        }
        concern, created = concern_resolve(
            found, **involved, reported=reported, memo=memo, links=links, new_groups=new_groups, stale=later
        )
        counts["concerns"] += created
        if created:
            new.append(concern)
        if concern not in concerns:
            concerns.append(concern)
        # The stating sentence carries the claim (ids, so renames and merges show through);
        # further supporting sentences are plain evidence of the case.
        claim = {
            "categories": list(found.categories),
            "status": found.status,
            **{kind: [r.pk for r in records] for kind, records in involved.items()},
        }
        evidence.add(found.quote, fact=Evidence.Fact.CONCERN, claim=claim, concern=concern)
        for span in found.evidence[:MAX_MENTIONS_PER_RECORD]:
            evidence.add(span, fact=Evidence.Fact.CONCERN, concern=concern)

    # Events are steps of the article's main case: the first concern it states.
    if concerns:
        main_is_new = concerns[0] in new  # a case created just now has no stored events to find
        made: dict[tuple, Event] = {}
        for found in extraction.events:
            values = {"concern": concerns[0], "date": found.date, "kind": found.kind}
            values["description"] = found.description[:500]
            key = (found.date, found.kind, values["description"])
            event = made.get(key) or (None if main_is_new else Event.objects.filter(**values).first())
            if event is None:
                event = made[key] = resolve.create_quietly(Event, precision=found.precision, **values)
                counts["events"] += 1
                new.append(event)
            evidence.add(found.evidence, fact=Evidence.Fact.EVENT, event=event)
    rows = evidence.take()
    counts["evidence"] = len(rows)
    names = [(company_aliases, True), (agency_aliases, True), (facility_aliases, True)]
    batches = [(rows, False), *names, *links.take(), *((r, False) for r in _history_rows(new))]
    ids = [c.pk for c in concerns]
    found_ids = [c.pk for c in concerns if c not in new]  # a case made here is stored marked
    mark = update_sql(Concern, found_ids, {"search_stale": True}) if later and found_ids else None
    rows_insert(batches, then=mark)
    if later and ids:
        transaction.on_commit(search_refresh_soon)
    elif ids:
        concern_search_refresh(concern_ids=ids)
    return stored


def update_sql(model: type, ids: list[int], values: dict) -> tuple[str, list]:
    """The UPDATE of these fields of the `model` rows with these ids, for sending along with other SQL."""
    sql, fields = _update_text(model, tuple(values), len(ids))
    return sql, [*(f.get_db_prep_save(values[f.name], connection) for f in fields), *ids]


@functools.cache
def _update_text(model: type, names: tuple[str, ...], count: int) -> tuple[str, tuple]:
    # Written once per model, fields and number of ids: the ORM composed it on every file (twice a
    # file: the cases' search mark and the job's outcome).
    opts = model._meta
    fields = tuple(opts.get_field(name) for name in names)
    qn = connection.ops.quote_name
    assignments = ", ".join(f"{qn(f.column)} = %s" for f in fields)
    marks = ", ".join(["%s"] * count)
    # Only quoted names from the models and placeholders go into the text.
    return f"UPDATE {qn(opts.db_table)} SET {assignments} WHERE {qn(opts.pk.column)} IN ({marks})", fields  # noqa: S608


def rows_insert(batches: list[tuple[list, bool]], *, then: tuple[str, tuple] | None = None) -> None:
    """Insert new rows of several tables, each batch (rows, skip rows a unique constraint has already),
    then run the statement `then` (an UPDATE from update_sql) if given.

    For rows whose ids nothing reads back. On PostgreSQL they go as one statement: each table's
    INSERT a data-modifying WITH clause (PostgreSQL runs every one to completion whether or not
    the statement reads it), one round trip for what would be one per table. Elsewhere one
    bulk_create per table.
    """
    batches = [(rows, skip) for rows, skip in batches if rows]
    if connection.vendor != "postgresql":
        for rows, skip in batches:
            type(rows[0]).objects.bulk_create(rows, ignore_conflicts=skip)
        if then:
            with connection.cursor() as cursor:
                cursor.execute(*then)
        return
    statements, params = [], []
    for rows, skip in batches:
        sql, fields = _insert_sql(type(rows[0]), skip)
        records = []
        for row in rows:
            row._prepare_related_fields_for_save(operation_name="bulk_create")  # as bulk_create checks
            records.append({f.column: f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields})
        statements.append(sql)
        params.append(json.dumps(records, default=_json_value, ensure_ascii=False))
    if then:
        statements.append(then[0])
        params.extend(then[1])
    if not statements:
        return
    *first, last = statements
    sql = "".join(f"{'WITH' if n == 0 else ','} rows_{n} AS ({s}) " for n, s in enumerate(first)) + last
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    for rows, _ in batches:
        db = type(rows[0]).objects.db  # a manager lookup and a router call: once per table, not per row
        for row in rows:
            row._state.adding, row._state.db = False, db


@functools.cache
def _insert_sql(model: type, skip: bool) -> tuple[str, tuple]:
    """PostgreSQL: an INSERT of any number of `model` rows, given as one JSON array of objects keyed
    by column (skip: leaving out those a unique constraint has already), and the fields to write.

    Its text does not change with the number of rows, so a connection prepares and plans it once.
    A VALUES list was a new text for every row count, composed by the ORM (the largest CPU cost of
    storing a file), parsed and planned again by PostgreSQL, and sent as a parameter per value;
    json.dumps writes them all in C. PostgreSQL reads the values as the table's own column types.
    """
    fields = resolve.insert_fields(model)
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = ", ".join(qn(f.column) for f in fields)
    conflict = " ON CONFLICT DO NOTHING" if skip else ""
    # Only quoted names from the models go into the text.
    sql = f"INSERT INTO {table} ({columns}) SELECT {columns} FROM json_populate_recordset(NULL::{table}, %s::json)"  # noqa: S608
    return sql + conflict, fields


def _json_value(value: object) -> object:
    """What json.dumps cannot write by itself: a JSON column's value, dates and times."""
    if isinstance(value, Jsonb):
        return value.obj
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    raise TypeError(f"cannot send {type(value).__name__} as JSON")


def _history_rows(records: list) -> list[list]:
    """The "+" history rows of the records this file created, per kind of record: what
    bulk_history_create would insert, for rows_insert to send with the rest.

    One history INSERT per kind of record instead of one (plus relation snapshots) per record.
    """
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return []
    now = timezone.now()
    by_model: dict[type, list] = {}
    for record in records:
        model = _history_manager(type(record)).model
        row = model(
            history_date=getattr(record, "_history_date", now),
            history_user=model.get_default_history_user(record),
            history_change_reason=getattr(record, "_change_reason", None) or "proposed by ingest",
            history_type="+",
            **{field.attname: getattr(record, field.attname) for field in model.tracked_fields},
        )
        if hasattr(model, "history_relation"):
            row.history_relation_id = record.pk
        by_model.setdefault(model, []).append(row)
    return list(by_model.values())


@functools.cache
def _history_manager(model: type):
    # `Model.history` builds a new manager class on every access (inspect.getmembers: ~1.5 ms a file).
    return model.history
