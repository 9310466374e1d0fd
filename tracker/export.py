"""The machine-readable export (`export_records`): its shape is a contract, see DESIGN.md.

Built with a fixed number of bulk queries and lookups in memory, so it stays linear in the
number of rows. Rejected records are left out everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.db.models import Q

from tracker.models import (
    Agency,
    AgencyAlias,
    Article,
    Company,
    CompanyAlias,
    Concern,
    ConcernCategory,
    Evidence,
    Facility,
    FacilityAlias,
    ReviewState,
)

LIVE = ~Q(review_state=ReviewState.REJECTED)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def export_records() -> dict:
    companies = {c.pk: c for c in Company.objects.filter(LIVE).select_related("parent")}
    agencies = {a.pk: a for a in Agency.objects.filter(LIVE)}
    facilities = {f.pk: f for f in Facility.objects.filter(LIVE).select_related("operator")}
    concerns = {c.pk: c for c in Concern.objects.filter(LIVE)}

    # Which records each article mentions, and the concerns it states, from its evidence.
    mentioned: dict[int, dict[str, list[int]]] = defaultdict(lambda: {"company": [], "agency": [], "facility": []})
    stated: dict[int, list[tuple[int, str, dict]]] = defaultdict(list)
    concern_evidence: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = Evidence.objects.order_by("article_id", "start").values_list(
        "article_id", "fact", "company_id", "agency_id", "facility_id", "concern_id", "quote", "claim"
    )
    # The names articles used for a record count as its aliases in the export.
    called: dict[tuple[str, int], set[str]] = defaultdict(set)
    for article_id, fact, company_id, agency_id, facility_id, concern_id, quote, claim in rows.iterator():
        if fact == Evidence.Fact.MENTION:
            for kind, pk in (("company", company_id), ("agency", agency_id), ("facility", facility_id)):
                if pk and pk not in mentioned[article_id][kind]:
                    mentioned[article_id][kind].append(pk)
                if pk:
                    called[(kind, pk)].update(claim.get("names", []))
        elif fact == Evidence.Fact.CONCERN and concern_id in concerns:
            concern_evidence[concern_id].append((article_id, quote))
            if claim.get("categories"):
                stated[article_id].append((concern_id, quote, claim))

    used_companies = {pk for m in mentioned.values() for pk in m["company"]}
    used_companies.update(
        Concern.companies.through.objects.filter(concern__in=concerns).values_list("company_id", flat=True)
    )
    for pk in list(used_companies):
        parent = companies.get(pk) and companies[pk].parent_id
        while parent and parent in companies and parent not in used_companies:
            used_companies.add(parent)
            parent = companies[parent].parent_id
    used_companies.update(f.operator_id for f in facilities.values() if f.operator_id)

    def names(table: dict, ids) -> list[str]:
        return [table[pk].name for pk in ids if pk in table]

    articles_out = []
    source_files = {}
    for article in Article.objects.order_by("source_file", "id"):
        source_files[article.pk] = Path(article.source_file).name
        m = mentioned.get(article.pk, {"company": [], "agency": [], "facility": []})
        articles_out.append(
            {
                "source_file": Path(article.source_file).name,
                "title": article.title,
                "url": article.url or None,
                "publisher": article.publisher or None,
                "published": _iso(article.published),
                "language": article.language or None,
                "companies": names(companies, m["company"]),
                "facilities": names(facilities, m["facility"]),
                "agencies": names(agencies, m["agency"]),
                "countries": list(article.countries),
                "concerns": [
                    {
                        "categories": claim.get("categories", []),
                        "status": claim.get("status"),
                        "companies": names(companies, claim.get("companies", [])),
                        "agencies": names(agencies, claim.get("agencies", [])),
                        "facilities": names(facilities, claim.get("facilities", [])),
                        "quote": quote,
                    }
                    for _, quote, claim in stated.get(article.pk, [])
                ],
            }
        )

    company_aliases: dict[int, list[str]] = defaultdict(list)
    for company_id, name in CompanyAlias.objects.order_by("name").values_list("company_id", "name"):
        company_aliases[company_id].append(name)
    agency_aliases: dict[int, list[str]] = defaultdict(list)
    for agency_id, name in AgencyAlias.objects.order_by("name").values_list("agency_id", "name"):
        agency_aliases[agency_id].append(name)
    facility_aliases: dict[int, list[str]] = defaultdict(list)
    for facility_id, name in FacilityAlias.objects.order_by("name").values_list("facility_id", "name"):
        facility_aliases[facility_id].append(name)

    # A name an article gave one record is no alias of it where it is another record's own name:
    # "government" said of the Czech government, beside a record named "government".
    own_names = {
        kind: {r.name.lower() for r in table.values()}
        for kind, table in (("company", companies), ("agency", agencies), ("facility", facilities))
    }

    def aliases(kind: str, record, stored: list[str]) -> list[str]:
        extra = sorted(
            n
            for n in called.get((kind, record.pk), ())
            if n != record.name and n not in stored and n.lower() not in own_names[kind]
        )
        return stored + extra

    categories: dict[int, list[str]] = defaultdict(list)
    for concern_id, category in ConcernCategory.objects.order_by("category").values_list("concern_id", "category"):
        categories[concern_id].append(category)
    involved: dict[str, dict[int, list[int]]] = {}
    for kind, field in (("companies", "company_id"), ("agencies", "agency_id"), ("facilities", "facility_id")):
        through = getattr(Concern, kind).through
        involved[kind] = defaultdict(list)
        for concern_id, pk in through.objects.values_list("concern_id", field):
            involved[kind][concern_id].append(pk)
    used_agencies = {pk for m in mentioned.values() for pk in m["agency"]} | {
        pk for ids in involved["agencies"].values() for pk in ids
    }
    used_facilities = {pk for m in mentioned.values() for pk in m["facility"]} | {
        pk for ids in involved["facilities"].values() for pk in ids
    }

    return {
        "articles": articles_out,
        "companies": [
            {
                "name": c.name,
                "aliases": aliases("company", c, company_aliases.get(c.pk, [])),
                "country": c.country or None,
                "parent": c.parent.name if c.parent_id and c.parent_id in companies else None,
                "review_state": c.review_state,
            }
            for pk, c in sorted(companies.items())
            if pk in used_companies
        ],
        "facilities": [
            {
                "name": f.name,
                "aliases": aliases("facility", f, facility_aliases.get(f.pk, [])),
                "city": f.city or None,
                "country": f.country or None,
                "operator": f.operator.name if f.operator_id and f.operator_id in companies else None,
                "review_state": f.review_state,
            }
            for pk, f in sorted(facilities.items())
            if pk in used_facilities
        ],
        "agencies": [
            {
                "name": a.name,
                "aliases": aliases("agency", a, ([a.acronym] if a.acronym else []) + agency_aliases.get(a.pk, [])),
                "country": a.country or None,
                "kind": a.kind,
                "review_state": a.review_state,
            }
            for pk, a in sorted(agencies.items())
            if pk in used_agencies
        ],
        "concerns": [
            {
                "title": c.title,
                "categories": categories.get(c.pk, []),
                "status": c.status,
                "host_country": c.host_country or None,
                "companies": names(companies, involved["companies"].get(c.pk, [])),
                "agencies": names(agencies, involved["agencies"].get(c.pk, [])),
                "facilities": names(facilities, involved["facilities"].get(c.pk, [])),
                "first_reported": _iso(c.first_reported),
                "last_reported": _iso(c.last_reported),
                "review_state": c.review_state,
                "evidence": [
                    {"source_file": source_files.get(article_id), "quote": quote}
                    for article_id, quote in concern_evidence.get(c.pk, [])
                ],
            }
            for c in sorted(concerns.values(), key=lambda c: c.pk)
        ],
    }
