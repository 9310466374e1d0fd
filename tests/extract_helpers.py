"""What the extractor tests share: extract() run on a short text of the test's own, two small gazetteers
and short views of an extraction."""

from __future__ import annotations

from tracker.ingest.extract import extract
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction, RawArticle

# -- the small gazetteer: three companies, three public bodies, three outlets -------------------------

COMPANIES = [
    {
        "name": "Harbourline Group",
        "aliases": ["Harbourline"],
        "country": "CN",
        "parent": None,
        "sector": "shipping",
        "state_owned": True,
    },
    {
        "name": "Nordlicht Cloud",
        "aliases": [],
        "country": "CN",
        "parent": "Harbourline Group",
        "sector": "",
        "state_owned": None,
    },
    {
        "name": "Qilin Mobile",
        "aliases": ["Qilin"],
        "country": "CN",
        "parent": None,
        "sector": "telecoms",
        "state_owned": False,
    },
]
AGENCIES = [
    {
        "name": "Belgian State Security Service",
        "acronym": "VSSE",
        "aliases": ["Staatsveiligheid"],
        "country": "BE",
        "kind": "intelligence",
        "generic_terms": ["security service", "intelligence service"],
    },
    {
        "name": "Committee on Foreign Investment in the United States",
        "acronym": "CFIUS",
        "aliases": [],
        "country": "US",
        "kind": "screening",
        "generic_terms": [],
    },
    {
        "name": "Government of Canada",
        "acronym": "",
        "aliases": [],
        "country": "CA",
        "kind": "other",
        "generic_terms": ["government", "federal government"],
    },
]
OUTLETS = [
    {"name": "Reuters", "aliases": [], "kind": "wire"},
    {"name": "Financial Times", "aliases": ["FT"], "kind": "outlet"},
    {"name": "The Daily Ledger", "aliases": ["Daily Ledger"], "kind": "outlet"},
]


def small_gazetteer(*firms: dict) -> Gazetteer:
    """Harbourline (and its unit Nordlicht Cloud), Qilin Mobile and any `firms` given; VSSE, CFIUS,
    Canada's government; three outlets."""
    return Gazetteer(companies=[*COMPANIES, *firms], agencies=AGENCIES, outlets=OUTLETS)


def tern_gazetteer() -> Gazetteer:
    """Harbourline, Qilin Mobile and the three-level Tern group; Canada's government; no outlets."""
    return Gazetteer(
        companies=[
            {"name": "Harbourline Group", "aliases": ["Harbourline"], "country": "CN", "parent": None},
            {"name": "Qilin Mobile", "aliases": ["Qilin"], "country": "CN", "parent": None},
            # a three-level group: the story may name the top and the bottom only
            {"name": "Tern Holdings", "aliases": [], "country": "CN", "parent": None},
            {"name": "Tern Shipping", "aliases": [], "country": "CN", "parent": "Tern Holdings"},
            {"name": "Tern Ports", "aliases": [], "country": "HK", "parent": "Tern Shipping"},
        ],
        agencies=[
            {
                "name": "Government of Canada",
                "acronym": "",
                "aliases": [],
                "country": "CA",
                "kind": "other",
                "generic_terms": ["government", "federal government"],
            },
        ],
        outlets=[],
    )


# -- running the stage ------------------------------------------------------------------------------


def run(gaz: Gazetteer, text: str, **kw: object) -> Extraction:
    """Extract from `text` as a plain-text article; keyword arguments are RawArticle fields."""
    article = RawArticle(source_file="t.txt", format="text", title=str(kw.pop("title", "")), text=text, **kw)
    return extract(article, gaz)


# -- companies, bodies, sites ---------------------------------------------------------------------


def names(items: list) -> list[str]:
    return [i.name for i in items]


def companies(ex: Extraction) -> dict:
    """The extracted companies by name."""
    return {c.name: c for c in ex.companies}


def company(ex: Extraction, name: str):
    """The extracted company with this name or alias."""
    return next(c for c in ex.companies if c.name == name or name in c.aliases)


def agencies(ex: Extraction) -> dict:
    """The extracted agencies by name."""
    return {a.name: a for a in ex.agencies}


def company_names(ex: Extraction) -> set[str]:
    """Every name and alias of the extracted companies."""
    return {n for c in ex.companies for n in [c.name, *c.aliases]}


def agency_names(ex: Extraction) -> set[str]:
    """Every name and alias of the extracted agencies."""
    return {n for a in ex.agencies for n in [a.name, *a.aliases]}


def facility_names(ex: Extraction) -> set[str]:
    return {f.name for f in ex.facilities}


# -- concerns ---------------------------------------------------------------------------------------


def categories(ex: Extraction) -> set[str]:
    return {cat for c in ex.concerns for cat in c.categories}


def by_category(ex: Extraction) -> dict[str, tuple[str, list[str], list[str]]]:
    """category -> (status, companies, agencies)."""
    return {cat: (c.status, c.companies, c.agencies) for c in ex.concerns for cat in c.categories}


def lead_by_category(ex: Extraction) -> dict[str, tuple[str, str, list[str]]]:
    """category -> (first company, status, agencies)."""
    return {
        cat: (c.companies[0] if c.companies else "", c.status, c.agencies) for c in ex.concerns for cat in c.categories
    }


def cases(ex: Extraction) -> set[tuple[str, str, str]]:
    """(category, status, first company) of every concern."""
    return {(cat, c.status, c.companies[0] if c.companies else "") for c in ex.concerns for cat in c.categories}
