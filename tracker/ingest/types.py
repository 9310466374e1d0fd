"""Plain values passed between the ingest stages: read -> clean -> extract -> resolve -> store.

Nothing here touches the database, so every stage up to `store` is testable on its own.
Offsets (`start`, `end`) always index `Article.text`, the cleaned text that is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class IngestError(Exception):
    """A file that cannot be ingested; the message is shown to people as the job's reason."""


@dataclass
class RawArticle:
    """One article as read from a file (a feed or a JSON file yields several)."""

    source_file: str  # base name of the ingested file
    format: str  # "text", "html", "rss", "json", "email"
    title: str
    text: str  # article body; after `clean` this is exactly what is stored
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    language: str | None = None  # ISO 639-1, e.g. "en"
    byline: str | None = None  # raw byline / credit lines seen by read or clean, e.g. "By Euronews with Reuters"
    entry_index: int = 0  # position inside a multi-article file


@dataclass
class Span:
    """A sentence (or clause) of the cleaned text that supports a fact."""

    start: int
    end: int
    quote: str  # == text[start:end]


@dataclass
class FoundCompany:
    name: str  # fullest form used in the article (or the gazetteer's canonical name)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None  # name of another FoundCompany of the same extraction
    sector: str = ""
    state_owned: bool | None = None
    evidence: list[Span] = field(default_factory=list)  # sentences that mention it
    parent_evidence: Span | None = None  # the sentence that states the parent link


@dataclass
class FoundFacility:
    name: str
    kind: str = "other"  # a Facility.Kind value
    aliases: list[str] = field(default_factory=list)  # the story's other names for the site
    city: str | None = None
    country: str | None = None
    operator: str | None = None  # name of a FoundCompany
    latitude: float | None = None
    longitude: float | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class FoundAgency:
    name: str
    acronym: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO alpha-2, or "EU"
    kind: str = "other"  # an Agency.Kind value
    evidence: list[Span] = field(default_factory=list)


@dataclass
class FoundConcern:
    categories: list[str]  # Concern.Category values
    status: str  # a Concern.Status value
    quote: Span  # the sentence that states the concern
    companies: list[str] = field(default_factory=list)  # names of FoundCompany
    agencies: list[str] = field(default_factory=list)  # names of FoundAgency
    facilities: list[str] = field(default_factory=list)  # names of FoundFacility
    host_country: str | None = None
    title: str = ""
    summary: str = ""
    evidence: list[Span] = field(default_factory=list)  # further supporting sentences


@dataclass
class FoundEvent:
    date: dt.date
    precision: str  # "day", "month" or "year"
    kind: str  # an Event.Kind value
    description: str
    evidence: Span


@dataclass
class Extraction:
    companies: list[FoundCompany] = field(default_factory=list)
    facilities: list[FoundFacility] = field(default_factory=list)
    agencies: list[FoundAgency] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    concerns: list[FoundConcern] = field(default_factory=list)
    events: list[FoundEvent] = field(default_factory=list)
    publisher: str | None = None
    wire_credits: list[str] = field(default_factory=list)  # e.g. ["Reuters"]
    cited_outlets: list[str] = field(default_factory=list)  # e.g. ["Financial Times"]
    published: dt.date | None = None
    language: str | None = None
