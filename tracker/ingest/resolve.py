"""resolve: match what extract found to existing records, else create proposed ones.

Identity comes from the database (normalised names and aliases, then fuzzy matching), so
"Alibaba", "Alibaba Group" and "Alibaba Group Holding Ltd" land on one company. A record an
editor confirmed or rejected is never changed here; a proposed one only gets its blanks filled.
Runs inside the store transaction of one file. Two workers creating the same new record at
once collide on a unique constraint; the loser's file is retried and then finds the record.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Max, Q
from rapidfuzz import fuzz, process

from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import FoundAgency, FoundCompany, FoundFacility
from tracker.models import (
    Agency,
    AgencyAlias,
    Company,
    CompanyAlias,
    Facility,
    ReviewState,
    normalize_name,
)
from tracker.services import aliases_add

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FUZZY_MIN_SCORE = 92
# How long a worker trusts its in-memory gazetteer before checking the database for changes.
REFRESH_SECONDS = 30


@dataclass
class _Cache:
    gazetteer: Gazetteer | None = None
    version: tuple = ()
    checked_at: float = 0.0
    company_names: dict[str, int] = field(default_factory=dict)  # normalised name -> company id
    # Fuzzy candidates by the first three letters: comparing against every name costs
    # milliseconds per company once the register holds tens of thousands of names.
    company_blocks: dict[str, list[str]] = field(default_factory=dict)


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
    """This process's gazetteer, rebuilt when the records changed (checked at most every REFRESH_SECONDS)."""
    now = time.monotonic()
    if _cache.gazetteer is None or now - _cache.checked_at > REFRESH_SECONDS:
        version = _db_version()
        if _cache.gazetteer is None or version != _cache.version:
            _cache.gazetteer, _cache.company_names = _build()
            _cache.company_blocks = {}
            for name in _cache.company_names:
                _cache.company_blocks.setdefault(name[:3], []).append(name)
            _cache.version = version
        _cache.checked_at = now
    return _cache.gazetteer


def gazetteer_reset() -> None:
    """Forget the cached gazetteer (tests, and after loading reference data)."""
    _cache.gazetteer = None
    _cache.company_names = {}
    _cache.company_blocks = {}


def _fill_blanks(record, values: dict) -> bool:
    """Set the given values where the record has none; confirmed or rejected records stay as they are."""
    if record.review_state != ReviewState.PROPOSED:
        return False
    changed = False
    for name, value in values.items():
        if value in (None, "") or getattr(record, name) not in (None, "", "other"):
            continue
        setattr(record, name, value)
        changed = True
    if changed:
        record.save()
    return changed


def create_quietly(model, **values):
    """Insert a record without its per-row history; store writes the history of a file's new records in bulk."""
    record = model(**values)
    record.skip_history_when_saving = True
    try:
        record.save()
    finally:
        del record.skip_history_when_saving
    return record


def _best(records: list, keys: list[str]):
    """Among records matching any key, the one whose own name matches the earliest key."""
    for key in keys:
        for record in records:
            if record.normalized_name == key:
                return record
    return records[0] if records else None


def company_find(*names: str) -> Company | None:
    """Exact match on a normalised name or alias, else a near-identical name (fuzzy)."""
    keys = [k for k in dict.fromkeys(normalize_name(n) for n in names) if k]
    if not keys:
        return None
    live = Company.objects.exclude(review_state=ReviewState.REJECTED)
    # A UNION of two indexed lookups in one round trip: an OR across the alias join makes
    # PostgreSQL scan every company.
    aliased = CompanyAlias.objects.filter(normalized_name__in=keys).values("company_id")
    named, via_alias = live.filter(normalized_name__in=keys).order_by(), live.filter(pk__in=aliased).order_by()
    match = _best(list(named.union(via_alias)), keys)
    if match or not _cache.company_names:
        return match
    for key in keys:
        if len(key) < 5:
            continue
        candidates = _cache.company_blocks.get(key[:3], [])
        best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if best:
            return live.filter(pk=_cache.company_names[best[0]]).first()
    return None


def company_resolve(found: FoundCompany) -> tuple[Company, bool]:
    """The company `found` names, created as proposed when it is new. Returns (company, created).

    A concurrent worker creating the same company makes this file's transaction fail with an
    IntegrityError; the pipeline retries the file, and then the company is found.
    """
    company = company_find(found.name, *found.aliases)
    created = company is None
    if created:
        company = create_quietly(
            Company,
            name=found.name[:255],
            country=found.country or "",
            sector=found.sector[:100],
            state_owned=found.state_owned,
        )
    else:
        _fill_blanks(company, {"country": found.country, "sector": found.sector[:100]})
    if company.review_state == ReviewState.PROPOSED:
        aliases_add(company, [found.name, *found.aliases])
    return company, created


def company_link_parent(company: Company, parent: Company) -> bool:
    """Record `parent` as the company's parent unless it has one already or it would make a loop."""
    if company.parent_id or company.pk == parent.pk or company.review_state != ReviewState.PROPOSED:
        return False
    ancestor, depth = parent, 0
    while ancestor is not None and depth < 20:
        if ancestor.pk == company.pk:
            return False
        ancestor, depth = ancestor.parent, depth + 1
    company.parent = parent
    company.save(update_fields=["parent", "updated_at"])
    return True


def agency_find(found: FoundAgency) -> Agency | None:
    keys = [k for k in dict.fromkeys(normalize_name(n) for n in [found.name, *found.aliases]) if k]
    live = Agency.objects.exclude(review_state=ReviewState.REJECTED)
    if found.country:
        live = live.filter(country=found.country)
    # Separate indexed lookups, as in company_find.
    aliased = AgencyAlias.objects.filter(normalized_name__in=keys).values("agency_id")
    lookups = [Q(normalized_name__in=keys), Q(pk__in=aliased)]
    if found.acronym:
        lookups.append(Q(acronym=found.acronym))
    for lookup in lookups:
        if agency := _best(list(live.filter(lookup)[:10]), keys):
            return agency
    return None


def agency_resolve(found: FoundAgency) -> tuple[Agency, bool]:
    agency = agency_find(found)
    created = agency is None
    if created:
        agency = create_quietly(
            Agency,
            name=found.name[:255],
            acronym=found.acronym[:40],
            country=found.country or "",
            kind=found.kind or Agency.Kind.OTHER,
        )
    else:
        _fill_blanks(agency, {"acronym": found.acronym[:40], "kind": found.kind})
    if agency.review_state == ReviewState.PROPOSED:
        aliases_add(agency, [found.name, *found.aliases])
    return agency, created


def facility_resolve(found: FoundFacility, operator: Company | None) -> tuple[Facility, bool]:
    key = normalize_name(found.name)
    live = Facility.objects.exclude(review_state=ReviewState.REJECTED)
    facility = live.filter(normalized_name=key, city__iexact=found.city or "", country=found.country or "").first()
    if facility is None and found.city and operator is not None:
        # The same site is often described in other words: same operator, same city.
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
                "operator": operator,
                "city": (found.city or "")[:120],
                "latitude": found.latitude,
                "longitude": found.longitude,
            },
        )
    return facility, created
