"""What the extractor tests share: extract() run on a short text of the test's own."""

from __future__ import annotations

from tracker.ingest.extract import extract
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction, RawArticle


def run(gaz: Gazetteer, text: str, **kw: object) -> Extraction:
    """Extract from `text` as a plain-text article; keyword arguments are RawArticle fields."""
    article = RawArticle(source_file="t.txt", format="text", title=str(kw.pop("title", "")), text=text, **kw)
    return extract(article, gaz)


def names(items: list) -> list[str]:
    return [i.name for i in items]


def companies(ex: Extraction) -> dict:
    """The extracted companies by name."""
    return {c.name: c for c in ex.companies}


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
