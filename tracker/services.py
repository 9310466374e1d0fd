"""Writes that are not part of the ingest pipeline: roles, review, merges, reference data."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.db import connection, models, transaction
from django.utils import timezone

from tracker.models import (
    Agency,
    AgencyAlias,
    Company,
    CompanyAlias,
    Concern,
    Facility,
    FacilityAlias,
    MergeRecord,
    Reviewable,
    ReviewState,
    normalize_name,
)

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"

VIEWER, EDITOR = "viewer", "editor"
# Editors curate every record the pipeline makes; nobody but an admin edits users or jobs' code paths.
EDITOR_MODELS = [
    "company", "companyalias", "agency", "agencyalias", "facility", "concern", "concerncategory",
    "event", "evidence", "article", "feed", "ingestjob", "mergerecord",
]  # fmt: skip


def roles_ensure() -> None:
    """Create the viewer and editor groups with their permissions (idempotent)."""
    viewer, _ = Group.objects.get_or_create(name=VIEWER)
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    view_perms = Permission.objects.filter(content_type__app_label="tracker", codename__startswith="view_")
    viewer.permissions.set(view_perms)
    editor.permissions.set(
        Permission.objects.filter(content_type__app_label="tracker", content_type__model__in=EDITOR_MODELS)
    )


def user_is_editor(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.groups.filter(name=EDITOR).exists()))


def records_review(*, records: Iterable[Reviewable], state: str, user) -> int:
    """Confirm or reject records one by one, so each change lands in their history."""
    if state not in ReviewState.values:
        raise ValueError(f"unknown review state {state!r}")
    now, count = timezone.now(), 0
    with transaction.atomic():
        for record in records:
            if record.review_state == state:
                continue
            record.review_state = state
            record.reviewed_by = user if user and user.is_authenticated else None
            record.reviewed_at = now
            record._history_user = record.reviewed_by
            record.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "updated_at"])
            count += 1
    return count


# The alias table of each record kind that has one, and its foreign key to the record.
ALIAS_MODELS: dict[type[models.Model], tuple[type[models.Model], str]] = {
    Company: (CompanyAlias, "company"),
    Agency: (AgencyAlias, "agency"),
    Facility: (FacilityAlias, "facility"),
}


def aliases_add(record: Company | Agency | Facility, names: Iterable[str]) -> None:
    """Add the names the record does not have yet, in one INSERT (alias rows skip the history).

    The unique (record, lower(name)) constraint drops the names it has: no read first.
    """
    aliases_add_many([(record, names)])


def aliases_add_many(names_of: Iterable[tuple[Company | Agency | Facility, Iterable[str]]]) -> None:
    """aliases_add for several records: one INSERT per kind of record."""
    for alias_model, rows in alias_rows(names_of).items():
        alias_model.objects.bulk_create(rows, ignore_conflicts=True)


def alias_rows(names_of: Iterable[tuple[Company | Agency | Facility, Iterable[str]]]) -> dict[type, list]:
    """The alias rows aliases_add_many would insert, by alias model: for a caller that sends them later.

    A row for a name the record has already is included; inserting it must skip a conflict.
    """
    rows_of: dict[type, list] = {}
    seen_of: dict[tuple, set[str]] = {}
    for record, names in names_of:
        alias_model, owner = ALIAS_MODELS[type(record)]
        seen = seen_of.setdefault((alias_model, record.pk), {record.name.lower()})
        for name in names:
            name = name.strip()[:255]
            if name and name.lower() not in seen:
                row = alias_model(**{owner: record}, name=name, normalized_name=normalize_name(name))
                rows_of.setdefault(alias_model, []).append(row)
                seen.add(name.lower())
    return rows_of


@transaction.atomic
def records_merge(
    *, survivor: Company | Agency | Facility, duplicate: Company | Agency | Facility, user
) -> MergeRecord:
    """Fold `duplicate` into `survivor`: every relation, alias and evidence row moves, then it is deleted.

    A MergeRecord keeps the trace; the duplicate's own history rows stay in the history table.
    """
    model = type(survivor)
    if type(duplicate) is not model:
        raise ValueError("only records of the same kind can be merged")
    if survivor.pk == duplicate.pk:
        raise ValueError("a record cannot be merged into itself")
    moved: dict[str, int] = {}
    if model in ALIAS_MODELS:
        alias_model, owner = ALIAS_MODELS[model]
        taken = {a.lower() for a in alias_model.objects.filter(**{owner: survivor}).values_list("name", flat=True)}
        taken.add(survivor.name.lower())
        # Aliases the survivor already has would break the unique constraint: drop them first.
        clashing = [a.pk for a in alias_model.objects.filter(**{owner: duplicate}) if a.name.lower() in taken]
        alias_model.objects.filter(pk__in=clashing).delete()
    for relation in model._meta.related_objects:
        accessor = relation.get_accessor_name()
        if relation.many_to_many:
            related = list(getattr(duplicate, accessor).all())
            getattr(survivor, accessor).add(*related)
            getattr(duplicate, accessor).clear()
            moved[accessor] = len(related)
        elif relation.one_to_many:
            rows = relation.related_model._default_manager.filter(**{relation.field.name: duplicate})
            if relation.related_model is model:
                rows = rows.exclude(pk=survivor.pk)  # the survivor cannot become its own parent
            moved[accessor] = rows.update(**{relation.field.name: survivor})
    if model in ALIAS_MODELS:
        aliases_add(survivor, [duplicate.name])
    _fill_blanks(survivor, duplicate)
    survivor._history_user = user
    survivor.save()
    record = MergeRecord.objects.create(
        model=model._meta.model_name,
        survivor_id=survivor.pk,
        survivor_name=survivor.name,
        merged_id=duplicate.pk,
        merged_name=duplicate.name,
        moved={k: v for k, v in moved.items() if v},
        merged_by=user if user and user.is_authenticated else None,
    )
    duplicate._history_user = user
    duplicate.delete()
    concern_search_refresh(concern_ids=survivor.concerns.values_list("pk", flat=True))
    logger.info("merged %s", record)
    return record


def _fill_blanks(survivor: models.Model, duplicate: models.Model) -> None:
    """The survivor keeps its own values and takes the duplicate's only where it has none."""
    for name in ("country", "sector", "acronym", "city", "kind", "latitude", "longitude", "operator_id", "parent_id"):
        if not hasattr(survivor, name):
            continue
        mine, theirs = getattr(survivor, name), getattr(duplicate, name)
        if name == "parent_id" and theirs == survivor.pk:
            continue
        if mine in (None, "", "other") and theirs not in (None, ""):
            setattr(survivor, name, theirs)
    if getattr(survivor, "state_owned", False) is None:
        survivor.state_owned = duplicate.state_owned


def _load_json(name: str, data_dir: Path) -> list[dict]:
    path = data_dir / name
    if not path.exists():
        logger.warning("reference data %s is missing", path)
        return []
    return json.loads(path.read_text(encoding="utf-8"))


@transaction.atomic
def gazetteer_load(*, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Load the shipped reference agencies and investors as confirmed records.

    Reruns are safe: records are matched on their name, and a value an editor changed
    (a record no longer marked as from the gazetteer) is left alone. An agency entry's
    `replaces` names earlier entries it absorbed: a record loaded from one of them is merged
    into it, cases and evidence included.
    """
    counts = {"agencies": 0, "companies": 0}
    for entry in _load_json("agencies.json", data_dir):
        country = entry.get("country") or ""
        agency = Agency.objects.filter(name__iexact=entry["name"], country=country).first()
        if agency is None:
            agency = Agency(name=entry["name"], country=country, from_gazetteer=True)
        elif not agency.from_gazetteer:
            continue
        agency.acronym = entry.get("acronym") or ""
        agency.kind = entry.get("kind") or Agency.Kind.OTHER
        agency.generic_terms = entry.get("generic_terms") or []
        agency.review_state = ReviewState.CONFIRMED
        agency.save()
        for name in entry.get("replaces") or []:
            earlier = Agency.objects.filter(name__iexact=name, country=country, from_gazetteer=True)
            for duplicate in earlier.exclude(pk=agency.pk):
                records_merge(survivor=agency, duplicate=duplicate, user=None)
        aliases_add(agency, entry.get("aliases") or [])
        counts["agencies"] += 1
    parents: list[tuple[Company, str]] = []
    for entry in _load_json("investors.json", data_dir):
        company = Company.objects.filter(name__iexact=entry["name"]).first()
        if company is None:
            company = Company(name=entry["name"], from_gazetteer=True)
        elif not company.from_gazetteer:
            continue
        company.country = entry.get("country") or ""
        company.sector = entry.get("sector") or ""
        company.state_owned = entry.get("state_owned")
        company.review_state = ReviewState.CONFIRMED
        company.save()
        aliases_add(company, entry.get("aliases") or [])
        if entry.get("parent"):
            parents.append((company, entry["parent"]))
        counts["companies"] += 1
    for company, parent_name in parents:
        parent = Company.objects.filter(normalized_name=normalize_name(parent_name)).first()
        if parent and parent.pk != company.pk and company.parent_id != parent.pk:
            company.parent = parent
            company.save(update_fields=["parent", "updated_at"])
    return counts


def concern_search_refresh(*, concern_ids: Iterable[int]) -> None:
    """Rebuild what search reads for these cases: the names and aliases of the involved records,
    and on PostgreSQL the full-text vector of the case and its newest evidence articles. Clears
    their stale mark in the same UPDATE (a second row version per case cost as much again).
    """
    ids = list(concern_ids)
    if not ids:
        return
    if connection.vendor == "postgresql":
        # One statement instead of seven round trips: ingest calls this for every article.
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_REFRESH_SQL, [ids] * 7)
        return
    names: dict[int, set[str]] = {pk: set() for pk in ids}
    through = Concern.companies.through.objects.filter(concern_id__in=ids)
    for concern_id, name in through.values_list("concern_id", "company__name"):
        names[concern_id].add(name)
    for concern_id, name in through.filter(company__aliases__isnull=False).values_list(
        "concern_id", "company__aliases__name"
    ):
        names[concern_id].add(name)
    agencies = Concern.agencies.through.objects.filter(concern_id__in=ids)
    for concern_id, name, acronym in agencies.values_list("concern_id", "agency__name", "agency__acronym"):
        names[concern_id].update(filter(None, [name, acronym]))
    for concern_id, name in agencies.filter(agency__aliases__isnull=False).values_list(
        "concern_id", "agency__aliases__name"
    ):
        names[concern_id].add(name)
    facilities = Concern.facilities.through.objects.filter(concern_id__in=ids)
    # a site's aliases come along (a LEFT JOIN: a row per alias, or one with none): no query more per file
    rows = facilities.values_list("concern_id", "facility__name", "facility__city", "facility__aliases__name")
    for concern_id, name, city, alias in rows:
        names[concern_id].update(filter(None, [name, city, alias]))
    Concern.objects.bulk_update(
        [
            Concern(pk=pk, search_names=" | ".join(sorted(found))[:10000], search_stale=False)
            for pk, found in names.items()
        ],
        ["search_names", "search_stale"],
        batch_size=1000,
    )


SEARCH_STALE_PENDING_KEY = "tracker:search:refresh-pending"
# Ingest in workers leaves its cases for a refresh this many seconds later, so the files of those
# seconds share one rebuild per case (one statement for them all) instead of one each.
SEARCH_REFRESH_DELAY_SECONDS = 1


def search_refresh_soon() -> None:
    """Cases were marked stale: a worker refreshes them within SEARCH_REFRESH_DELAY_SECONDS."""
    from tracker.tasks import queue_once, refresh_search

    # The hold outlives a lost task only briefly; the beat schedule's refresh is the backstop.
    queue_once(refresh_search, key=SEARCH_STALE_PENDING_KEY, countdown=SEARCH_REFRESH_DELAY_SECONDS, hold=60)


def search_refresh_stale(*, batch: int = 500) -> int:
    """Rebuild the search fields of the cases marked stale, `batch` a transaction. Returns how many."""
    done = 0
    while True:
        with transaction.atomic():
            ids = _stale_take(batch)
            concern_search_refresh(concern_ids=ids)
        done += len(ids)
        if len(ids) < batch:
            return done


def _stale_take(batch: int) -> list[int]:
    """Lock up to `batch` stale cases and return their ids (inside a transaction); the refresh
    clears their mark in the statement that rebuilds them.

    A case an ingest transaction is writing is skipped, not waited for (PostgreSQL): that
    transaction marks it again as it commits, and queues the next refresh.
    """
    stale = Concern.objects.filter(search_stale=True)
    return list(stale.select_for_update(skip_locked=True).order_by("pk").values_list("pk", flat=True)[:batch])


def concern_search_vector_refresh(*, concern_ids: list[int]) -> None:
    """PostgreSQL builds the full-text vector of these cases from their rows (nothing elsewhere)."""
    if connection.vendor == "postgresql" and concern_ids:
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_VECTOR_SQL + " WHERE c.id = ANY(%s)", [concern_ids])


# Weight A: the case's own words and names; B: its newest evidence articles (capped, as a
# tsvector holds at most 1 MB). Must use the config of tracker.search.CONFIG. {names} is the
# SQL of the case's names.
_VECTOR_SQL = """
    setweight(to_tsvector('simple', coalesce(c.title, '') || ' ' || coalesce(c.summary, '') || ' '
                                    || coalesce({names}, '')), 'A')
    || setweight(to_tsvector('simple', coalesce((
        SELECT string_agg(left(a.title || ' ' || a.text, 20000), ' ')
        FROM (SELECT DISTINCT e.article_id FROM tracker_evidence e WHERE e.concern_id = c.id
              ORDER BY e.article_id DESC LIMIT 20) recent
        JOIN tracker_article a ON a.id = recent.article_id), '')), 'B')
"""
SEARCH_VECTOR_SQL = "UPDATE tracker_concern c SET search_vector = " + _VECTOR_SQL.format(names="c.search_names")  # noqa: S608 -- constants

# The same names as the Python branch of concern_search_refresh, and the vector, in one
# statement (SET sees the old row, so the names come from a CTE).
SEARCH_REFRESH_SQL = """
WITH found AS (
    SELECT cc.concern_id, co.name FROM tracker_concern_companies cc
        JOIN tracker_company co ON co.id = cc.company_id WHERE cc.concern_id = ANY(%s)
    UNION SELECT cc.concern_id, al.name FROM tracker_concern_companies cc
        JOIN tracker_companyalias al ON al.company_id = cc.company_id WHERE cc.concern_id = ANY(%s)
    UNION SELECT ca.concern_id, unnest(ARRAY[ag.name, ag.acronym]) FROM tracker_concern_agencies ca
        JOIN tracker_agency ag ON ag.id = ca.agency_id WHERE ca.concern_id = ANY(%s)
    UNION SELECT ca.concern_id, al.name FROM tracker_concern_agencies ca
        JOIN tracker_agencyalias al ON al.agency_id = ca.agency_id WHERE ca.concern_id = ANY(%s)
    UNION SELECT cf.concern_id, unnest(ARRAY[fa.name, fa.city]) FROM tracker_concern_facilities cf
        JOIN tracker_facility fa ON fa.id = cf.facility_id WHERE cf.concern_id = ANY(%s)
    UNION SELECT cf.concern_id, al.name FROM tracker_concern_facilities cf
        JOIN tracker_facilityalias al ON al.facility_id = cf.facility_id WHERE cf.concern_id = ANY(%s)
), names AS (
    SELECT concern_id, left(string_agg(name, ' | ' ORDER BY name COLLATE "C"), 10000) AS names
    FROM found WHERE coalesce(name, '') <> '' GROUP BY concern_id
)
UPDATE tracker_concern c SET search_names = coalesce(n.names, ''), search_stale = false, search_vector = {vector}
FROM tracker_concern c0 LEFT JOIN names n ON n.concern_id = c0.id
WHERE c.id = c0.id AND c0.id = ANY(%s)
""".replace("{vector}", _VECTOR_SQL.format(names="n.names"))
