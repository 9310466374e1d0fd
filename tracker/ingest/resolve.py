"""resolve: match what extract found to existing records, else create proposed ones.

Identity comes from the database (normalised names and aliases, then fuzzy matching), so
"Alibaba", "Alibaba Group" and "Alibaba Group Holding Ltd" land on one company. A record an
editor confirmed or rejected is never changed here; a proposed one only gets its blanks filled.
Runs inside the store transaction of one file. Two workers creating the same new record at
once collide on a unique constraint; the loser's file is retried and then finds the record.
"""

from __future__ import annotations

import functools
import gc
import logging
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db import connection
from django.db.models import F, Max, Q, Value
from rapidfuzz import fuzz, process

from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import FoundAgency, FoundCompany, FoundFacility
from tracker.models import (
    Agency,
    AgencyAlias,
    Company,
    CompanyAlias,
    Facility,
    Named,
    ReviewState,
    normalize_name,
)
from tracker.services import ALIAS_MODELS, alias_rows

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FUZZY_MIN_SCORE = 92
# How long a worker trusts its in-memory gazetteer before checking the database for changes.
REFRESH_SECONDS = 30
# A rebuild reads and indexes every live company, and ingest proposes new ones all the time, so it
# grows with the register (0.3-0.5 s at 13,500 companies): a worker waits this many times the last
# rebuild's duration before the next one, so rebuilding never takes more than 2% of its time.
REBUILD_BUDGET = 50


@dataclass
class _Cache:
    gazetteer: Gazetteer | None = None
    version: tuple = ()
    checked_at: float = 0.0
    company_names: dict[str, int] = field(default_factory=dict)  # normalised name -> company id
    # Fuzzy candidates by the first three letters: comparing against every name costs
    # milliseconds per company once the register holds tens of thousands of names.
    company_blocks: dict[str, list[str]] = field(default_factory=dict)
    build_seconds: float = 0.0  # how long the last rebuild took
    # Live agencies by normalised name, by alias and by acronym (_agency_tables).
    agency_tables: tuple[dict[str, list[Agency]], ...] = ()
    agencies_loaded_at: float | None = None


_cache = _Cache()


def _db_version() -> tuple:
    companies = Company.objects.aggregate(changed=Max("updated_at"), last=Max("id"))
    agencies = Agency.objects.aggregate(changed=Max("updated_at"), last=Max("id"))
    return (
        companies["changed"],
        companies["last"],
        agencies["changed"],
        agencies["last"],
        CompanyAlias.objects.aggregate(last=Max("id"))["last"],
        AgencyAlias.objects.aggregate(last=Max("id"))["last"],
    )


def _outlets() -> list[dict]:
    import json

    path = DATA_DIR / "outlets.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _build() -> tuple[Gazetteer, dict[str, int]]:
    """The gazetteer over every record not rejected, with every alias in the database."""
    live = ~Q(review_state=ReviewState.REJECTED)
    company_aliases: dict[int, list[str]] = {}
    for company_id, name in CompanyAlias.objects.filter(company__in=Company.objects.filter(live)).values_list(
        "company_id", "name"
    ):
        company_aliases.setdefault(company_id, []).append(name)
    rows = list(
        Company.objects.filter(live).values_list("id", "name", "country", "parent__name", "sector", "state_owned")
    )
    companies = [
        {
            "name": name,
            "aliases": company_aliases.get(pk, []),
            "country": country or None,
            "parent": parent,
            "sector": sector,
            "state_owned": state_owned,
        }
        for pk, name, country, parent, sector, state_owned in rows
    ]
    names: dict[str, int] = {}
    for pk, name, *_ in rows:
        names.setdefault(normalize_name(name), pk)
    for pk, aliases in company_aliases.items():
        for alias in aliases:
            names.setdefault(normalize_name(alias), pk)
    agency_aliases: dict[int, list[str]] = {}
    for agency_id, name in AgencyAlias.objects.filter(agency__in=Agency.objects.filter(live)).values_list(
        "agency_id", "name"
    ):
        agency_aliases.setdefault(agency_id, []).append(name)
    agencies = [
        {
            "name": name,
            "acronym": acronym,
            "aliases": agency_aliases.get(pk, []),
            "country": country or None,
            "kind": kind,
            "generic_terms": generic_terms or [],
        }
        for pk, name, acronym, country, kind, generic_terms in Agency.objects.filter(live).values_list(
            "id", "name", "acronym", "country", "kind", "generic_terms"
        )
    ]
    return Gazetteer(companies=companies, agencies=agencies, outlets=_outlets()), names


def gazetteer_current() -> Gazetteer:
    """This process's gazetteer, rebuilt when the records changed (checked at most every
    REFRESH_SECONDS, or REBUILD_BUDGET times the last rebuild's duration if that is longer)."""
    now = time.monotonic()
    wait = max(REFRESH_SECONDS, REBUILD_BUDGET * _cache.build_seconds)
    if _cache.gazetteer is None or now - _cache.checked_at > wait:
        version = _db_version()
        if _cache.gazetteer is None or version != _cache.version:
            gc.unfreeze()  # what was frozen at the last build goes back to the collector, garbage included
            started = time.perf_counter()
            _cache.gazetteer, _cache.company_names = _build()
            _cache.build_seconds = time.perf_counter() - started
            _cache.company_blocks = {}
            for name in _cache.company_names:
                _cache.company_blocks.setdefault(name[:3], []).append(name)
            _cache.version = version
            # What lives until the next rebuild (the gazetteer, the modules: ~170k objects) is
            # left out of the collector's full passes: they cost a worker ~0.8 ms per file.
            gc.freeze()
        _cache.checked_at = now
    return _cache.gazetteer


def gazetteer_reset() -> None:
    """Forget the cached gazetteer (tests, and after loading reference data)."""
    _cache.gazetteer = None
    _cache.company_names = {}
    _cache.company_blocks = {}
    _cache.build_seconds = 0.0
    agency_cache_reset()


def agency_cache_reset() -> None:
    """Forget the cached agencies: the next lookup reads them afresh."""
    _cache.agency_tables = ()
    _cache.agencies_loaded_at = None


def _agency_tables() -> tuple[dict[str, list[Agency]], ...]:
    """Every live agency by normalised name, by alias and by acronym: what agencies_find's query reads.

    Agencies are few and nearly every article names some, so a worker keeps them in memory and
    reads them again at most every REFRESH_SECONDS (30 s). That is how stale an answer can be:
    for up to 30 s a worker may still link an agency an editor has just rejected, renamed or
    merged away. Records the worker may write to (proposed ones) are never answered from here.
    """
    now = time.monotonic()
    if _cache.agencies_loaded_at is None or now - _cache.agencies_loaded_at > REFRESH_SECONDS:
        live = Agency.objects.exclude(review_state=ReviewState.REJECTED)
        agencies = {agency.pk: agency for agency in live.order_by("pk")}
        by_name: dict[str, list[Agency]] = {}
        by_alias: dict[str, list[Agency]] = {}
        by_acronym: dict[str, list[Agency]] = {}
        for agency in agencies.values():
            by_name.setdefault(agency.normalized_name, []).append(agency)
            if agency.acronym:
                by_acronym.setdefault(agency.acronym, []).append(agency)
        for agency_id, key in AgencyAlias.objects.filter(agency__in=live).values_list("agency_id", "normalized_name"):
            if agency_id in agencies:
                by_alias.setdefault(key, []).append(agencies[agency_id])
        _cache.agency_tables = (by_name, by_alias, by_acronym)
        _cache.agencies_loaded_at = now
    return _cache.agency_tables


def _fill_blanks(record, values: dict, *, save: bool = True) -> bool:
    """Set the given values where the record has none; confirmed or rejected records stay as they are."""
    if record.review_state != ReviewState.PROPOSED:
        return False
    changed = False
    for name, value in values.items():
        current = getattr(record, name)
        # "other" is a blank too, but writing "other" over it would only add a history row.
        if value in (None, "") or current not in (None, "", "other") or value == current:
            continue
        setattr(record, name, value)
        changed = True
    if changed and save:
        record.save()
    return changed


@contextmanager
def _history_skipped(record, *, skip: bool = True) -> Iterator[None]:
    """Saves of the record inside write no history row (simple_history checks for the attribute)."""
    if not skip:
        yield
        return
    record.skip_history_when_saving = True
    try:
        yield
    finally:
        del record.skip_history_when_saving


def create_quietly(model, **values):
    """Insert a record without its per-row history; store writes the history of a file's new records in bulk."""
    record = model(**values)
    if isinstance(record, Named):
        record.normalized_name = normalize_name(record.name)  # what save() would set
    if not row_insert(record, skip_conflict=False):
        with _history_skipped(record):
            record.save()
    return record


def can_return_rows() -> bool:
    """Whether INSERT and UPDATE can answer with the rows they wrote (PostgreSQL, SQLite 3.35+)."""
    return connection.vendor in ("postgresql", "sqlite") and connection.features.can_return_columns_from_insert


def row_insert(record, *, skip_conflict: bool) -> bool:
    """INSERT the new record ... RETURNING its id, and take the id. skip_conflict: insert nothing
    where a unique constraint has the record already (ON CONFLICT DO NOTHING), and answer False.

    The statement's text is written once per model, so a PostgreSQL connection prepares and plans
    it once; Model.save() composed it through the ORM on every file (its signals are the history's,
    which ingest writes in bulk). False too where the database cannot return rows (SQLite before
    3.35): the caller saves the long way.
    """
    if not can_return_rows():
        return False
    sql, fields = _row_insert_sql(type(record), skip_conflict)
    record._prepare_related_fields_for_save(operation_name="save")
    params = [f.get_db_prep_save(f.pre_save(record, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    record.pk = row[0]
    record._state.adding, record._state.db = False, connection.alias
    return True


def insert_fields(model: type) -> tuple:
    """The fields an INSERT of a new `model` row writes: all but the id the database gives and generated ones."""
    opts = model._meta
    return tuple(f for f in opts.concrete_fields if f is not opts.auto_field and not f.generated)


@functools.cache
def _row_insert_sql(model: type, skip_conflict: bool) -> tuple[str, tuple]:
    opts = model._meta
    fields = insert_fields(model)
    qn = connection.ops.quote_name
    columns = ", ".join(qn(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    conflict = " ON CONFLICT DO NOTHING" if skip_conflict else ""
    # Only quoted names from the models and placeholders go into the text.
    return (
        f"INSERT INTO {qn(opts.db_table)} ({columns}) VALUES ({marks}){conflict} RETURNING {qn(opts.pk.column)}",  # noqa: S608
        fields,
    )


def _keys(names: Iterable[str]) -> list[str]:
    return [k for k in dict.fromkeys(normalize_name(n) for n in names) if k]


def _best(records: list, keys: list[str]):
    """Among records matching any key, the one whose own name matches the earliest key."""
    for key in keys:
        for record in records:
            if record.normalized_name == key:
                return record
    return records[0] if records else None


def _by_key(rows: Iterable, source: str = "") -> dict[str, list]:
    found: dict[str, list] = {}
    for row in rows:
        if row.via == source or not source:
            found.setdefault(row.key, []).append(row)
    return found


def _padded(keys: list[str]) -> list[str]:
    """The keys, the last repeated up to a multiple of 8: a lookup's SQL then comes in a few
    texts, which PostgreSQL connections prepare and plan once (a repeated key matches nothing more)."""
    return keys + keys[-1:] * (-len(keys) % 8)


def _matching(keys: list[str], table: dict[str, list]) -> list:
    return list({r.pk: r for key in keys for r in table.get(key, [])}.values())


def companies_find(name_lists: list[list[str]]) -> list[Company | None]:
    """For each list of names, the company they name (exact name or alias, else near-identical).

    One round trip for all the lists (a file's companies): a UNION of the indexed name and
    alias lookups, each row tagged with the key it matched. An OR across the alias join makes
    PostgreSQL scan every company.
    """
    keys_of = [_keys(names) for names in name_lists]
    wanted = sorted({k for keys in keys_of for k in keys})
    table: dict[str, list] = {}
    if wanted:
        wanted = _padded(wanted)
        params = [*wanted, ReviewState.REJECTED, *wanted, ReviewState.REJECTED]
        table = _by_key(Company.objects.raw(_by_key_sql(Company, len(wanted), _LIVE), params))
    return [_best(_matching(keys, table), keys) or _fuzzy_company(keys) for keys in keys_of]


_LIVE = "r.review_state <> %s"
# a site in the town (compared as city__iexact does) and country of the entry, not rejected
_LIVE_HERE = "UPPER(r.city) = UPPER(%s) AND r.country = %s AND r.review_state <> %s"


@functools.cache
def _by_key_sql(model: type, count: int, where: str) -> str:
    """The lookup of `model` records by `count` name keys, among those `where` admits: the indexed
    name and alias lookups as one UNION, each row tagged with the key it matched, the where
    clause's parameters after each half's keys. Written once per model, count and clause: composing
    it through the ORM on every file cost more than running it (~0.5 ms a file), and an OR across
    the alias join makes PostgreSQL scan every record."""
    alias_model, owner = ALIAS_MODELS[model]
    qn = connection.ops.quote_name
    columns = ", ".join(f"r.{qn(f.column)}" for f in model._meta.concrete_fields)
    table, alias = qn(model._meta.db_table), qn(alias_model._meta.db_table)
    fk = qn(alias_model._meta.get_field(owner).column)
    keys = ", ".join(["%s"] * count)
    # Only quoted names from the models, placeholders and this module's clauses go into the text.
    return (
        f"SELECT {columns}, r.normalized_name AS key, 'name' AS via FROM {table} r "  # noqa: S608
        f"WHERE r.normalized_name IN ({keys}) AND {where} "
        f"UNION ALL SELECT {columns}, a.normalized_name AS key, 'alias' AS via FROM {table} r "
        f"JOIN {alias} a ON a.{fk} = r.id WHERE a.normalized_name IN ({keys}) AND {where}"
    )


def _fuzzy_company(keys: list[str]) -> Company | None:
    if not _cache.company_names:
        return None
    for key in keys:
        if len(key) < 5:
            continue
        candidates = _cache.company_blocks.get(key[:3], [])
        best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if best:
            live = Company.objects.exclude(review_state=ReviewState.REJECTED)
            return live.filter(pk=_cache.company_names[best[0]]).first()
    return None


def company_find(*names: str) -> Company | None:
    """Exact match on a normalised name or alias, else a near-identical name (fuzzy)."""
    return companies_find([list(names)])[0]


# companies and agencies are found-or-created by one loop
_Record = TypeVar("_Record", Company, Agency)
_Found = TypeVar("_Found", FoundCompany, FoundAgency)


def companies_resolve(found: list[FoundCompany], *, aliases: list | None = None) -> list[tuple[Company, bool]]:
    """The company each entry names, created as proposed when it is new: [(company, created)].

    A concurrent worker creating the same company makes this file's transaction fail with an
    IntegrityError; the pipeline retries the file, and then the company is found.
    aliases: where to put the new alias rows for the caller to insert (skipping conflicts);
    without it they are inserted here.
    """
    return _records_resolve(
        Company,
        aliases,
        found,
        companies_find([[f.name, *f.aliases] for f in found]),
        keys=lambda entry: _keys([entry.name, *entry.aliases]),
        new=lambda entry: {
            "name": entry.name[:255],
            "country": entry.country or "",
            "sector": entry.sector[:100],
            "state_owned": entry.state_owned,
        },
        blanks=lambda entry: {"country": entry.country, "sector": entry.sector[:100]},
    )


def _records_resolve(
    model: type[_Record],
    aliases: list | None,
    found: Sequence[_Found],
    matches: Sequence[_Record | None],
    *,
    keys: Callable[[_Found], list[Hashable]],
    new: Callable[[_Found], dict[str, Any]],
    blanks: Callable[[_Found], dict[str, Any]],
) -> list[tuple[_Record, bool]]:
    """Found or created record per entry. An entry that the lookup missed may name a record an
    earlier entry of the same file created (the lookup ran before it was stored).

    The new records go in one INSERT, and the new names of all proposed records in another.
    """
    this_file: dict[Hashable, _Record] = {}
    resolved: list[tuple[_Record, bool]] = []
    created: list[_Record] = []
    for entry, record in zip(found, matches, strict=True):
        entry_keys = keys(entry)
        record = record or next((this_file[k] for k in entry_keys if k in this_file), None)
        if record is None:
            record = model(**new(entry))
            record.normalized_name = normalize_name(record.name)  # what save() would set
            created.append(record)
            resolved.append((record, True))
        else:
            # A record this file creates takes the later entries' blanks before its INSERT.
            _fill_blanks(record, blanks(entry), save=not any(record is c for c in created))
            resolved.append((record, False))
        this_file.update(dict.fromkeys(entry_keys, record))
    # No history rows here (bulk_create sends no signals): store writes them for the whole file.
    model.objects.bulk_create(created)
    _names_keep(
        [
            (record, [entry.name, *entry.aliases])
            for entry, (record, _) in zip(found, resolved, strict=True)
            if record.review_state == ReviewState.PROPOSED
        ],
        aliases,
    )
    return resolved


def _names_keep(names_of: list[tuple[Company | Agency | Facility, list[str]]], aliases: list | None) -> None:
    """The alias rows of these names: inserted now, or put in `aliases` for the caller to insert."""
    for alias_model, rows in alias_rows(names_of).items():
        if aliases is None:
            alias_model.objects.bulk_create(rows, ignore_conflicts=True)
        else:
            aliases.extend(rows)


def company_resolve(found: FoundCompany) -> tuple[Company, bool]:
    """The company `found` names, created as proposed when it is new. Returns (company, created)."""
    return companies_resolve([found])[0]


def company_link_parent(company: Company, parent: Company, *, history: bool = True) -> bool:
    """Record `parent` as the company's parent unless it has one already or it would make a loop.

    history=False for a company created in the same file: its first history row, written at the
    end of the file, has the parent already.
    """
    if company.parent_id or company.pk == parent.pk or company.review_state != ReviewState.PROPOSED:
        return False
    ancestor, depth = parent, 0
    while ancestor is not None and depth < 20:
        if ancestor.pk == company.pk:
            return False
        ancestor, depth = ancestor.parent, depth + 1
    company.parent = parent
    with _history_skipped(company, skip=not history):
        company.save(update_fields=["parent", "updated_at"])
    return True


def agencies_find(found: list[FoundAgency]) -> list[Agency | None]:
    """For each entry, its agency in its country: by name, else by alias, else by acronym.

    From this process's agency tables when each entry names an agency an editor has confirmed
    (_agency_tables); else one round trip for all the entries, tagged like companies_find.
    """
    keys_of = [_keys([f.name, *f.aliases]) for f in found]
    cached = _agencies_match(found, keys_of, _agency_tables())
    if all(agency is not None and agency.review_state != ReviewState.PROPOSED for agency in cached):
        return cached
    wanted = sorted({k for keys in keys_of for k in keys})
    acronyms = sorted({f.acronym for f in found if f.acronym})
    live = Agency.objects.exclude(review_state=ReviewState.REJECTED).order_by()
    rows: list = []
    if wanted or acronyms:
        named = live.filter(normalized_name__in=wanted).annotate(key=F("normalized_name"), via=Value("name"))
        aliased = live.filter(aliases__normalized_name__in=wanted).annotate(
            key=F("aliases__normalized_name"), via=Value("alias")
        )
        by_acronym = live.filter(acronym__in=acronyms).annotate(key=F("acronym"), via=Value("acronym"))
        rows = list(named.union(aliased, by_acronym, all=True))
    return _agencies_match(found, keys_of, [_by_key(rows, source) for source in ("name", "alias", "acronym")])


def _agencies_match(
    found: list[FoundAgency], keys_of: list[list[str]], tables: Sequence[dict[str, list[Agency]]]
) -> list[Agency | None]:
    """Each entry's agency among the candidates by name, alias and acronym, in that order of trust."""
    answers = []
    for entry, keys in zip(found, keys_of, strict=True):
        agency = None
        for table, lookup in zip(tables, [keys, keys, [entry.acronym] if entry.acronym else []], strict=True):
            candidates = [a for a in _matching(lookup, table) if not entry.country or a.country == entry.country]
            if agency := _best(candidates, keys):
                break
        answers.append(agency)
    return answers


def agency_find(found: FoundAgency) -> Agency | None:
    return agencies_find([found])[0]


def agencies_resolve(found: list[FoundAgency], *, aliases: list | None = None) -> list[tuple[Agency, bool]]:
    """The agency each entry names, created as proposed when it is new: [(agency, created)].

    aliases: as for companies_resolve.
    """
    return _records_resolve(
        Agency,
        aliases,
        found,
        agencies_find(found),
        # an agency's names are only unique within its country
        keys=lambda entry: [(entry.country, k) for k in _keys([entry.name, *entry.aliases])],
        new=lambda entry: {
            "name": entry.name[:255],
            "acronym": entry.acronym[:40],
            "country": entry.country or "",
            "kind": entry.kind or Agency.Kind.OTHER,
        },
        blanks=lambda entry: {"acronym": entry.acronym[:40], "kind": entry.kind},
    )


def facility_find(found: FoundFacility) -> Facility | None:
    """The stored site in the same city and country that `found` names: by its name, else by an alias."""
    keys = _keys([found.name, *found.aliases])
    if not keys:
        return None
    place = [found.city or "", found.country or "", ReviewState.REJECTED]
    padded = _padded(keys)
    rows = Facility.objects.raw(_by_key_sql(Facility, len(padded), _LIVE_HERE), [*padded, *place, *padded, *place])
    # Its own name before an alias, the article's main name before its other ones, the oldest first.
    rank = {key: n for n, key in enumerate(keys)}
    return min(rows, key=lambda r: (r.via != "name", rank.get(r.key, len(keys)), r.pk), default=None)


def facility_resolve(
    found: FoundFacility, operator: Company | None, *, aliases: list | None = None
) -> tuple[Facility, bool]:
    """The site `found` names, created as proposed when it is new. Returns (facility, created).

    aliases: as for companies_resolve.
    """
    facility = facility_find(found)
    if facility is None and found.city and operator is not None:
        # The same site is often described in other words: same operator, same city.
        live = Facility.objects.exclude(review_state=ReviewState.REJECTED)
        facility = live.filter(operator=operator, city__iexact=found.city).first()
    created = facility is None
    if created:
        facility = create_quietly(
            Facility,
            name=found.name[:255],
            kind=found.kind or Facility.Kind.OTHER,
            operator=operator,
            city=(found.city or "")[:120],
            country=found.country or "",
            latitude=found.latitude,
            longitude=found.longitude,
        )
    else:
        _fill_blanks(
            facility,
            {
                "kind": found.kind,
                "operator_id": operator.pk if operator else None,  # the id: no read of the current operator
                "city": (found.city or "")[:120],
                "latitude": found.latitude,
                "longitude": found.longitude,
            },
        )
    if facility.review_state == ReviewState.PROPOSED:
        _names_keep([(facility, [found.name, *found.aliases])], aliases)
    return facility, created
