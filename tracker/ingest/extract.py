"""extract: find companies, facilities, agencies, countries, concerns and events in one article.

Plain rules over a gazetteer (tracker/ingest/gazetteer.py) and cue-word lexicons
(tracker/data/lexicon.json, places.json): no model, no database, English/French/Dutch/German.
Text structure (lines, captions, sentences, dates) lives in tracker/ingest/textparts.py.

The rules favour precision: a name needs a reason to be a company (a gazetteer entry, a cue
word such as "firm" or "stake in", a legal-form suffix), and a company needs a part in the
story (a concern, a deal, an ownership link, repeated mention) to be reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .gazetteer import Gazetteer, Hit, strip_accents
from .textparts import (
    DATE_RE,
    Sentence,
    byline_text,
    date_from_lines,
    date_from_url,
    dateline_place,
    parse_date,
    span,
    split_lines,
    split_sentences,
)
from .types import (
    Extraction,
    FoundAgency,
    FoundCompany,
    FoundConcern,
    FoundEvent,
    FoundFacility,
    RawArticle,
    Span,
)

STATUS_PRIORITY = [
    "divestment_ordered", "banned", "blocked", "approved_with_conditions", "under_review",
    "monitoring", "closed",
]
CONNECTORS = {"of", "de", "du", "des", "van", "der", "von", "für", "&", "del", "di", "la"}
RELATION_SUFFIXES = ("owned", "based", "backed", "led", "controlled", "made", "run", "linked", "listed", "funded", "registered")
STOP_ADJECTIVES = {
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "main", "new", "first", "only",
    "key", "major", "former", "biggest", "largest", "own", "same", "such", "which", "whose", "le", "la",
    "les", "un", "une", "sa", "son", "ses", "de", "het", "een", "zijn", "haar", "der", "die", "das",
    "ein", "eine", "seine", "ihre", "in", "at", "of", "for", "to", "on", "by", "and", "or", "with",
}
OPERATE_VERBS = r"(?:run|operated|managed|exploité|exploitée|geëxploiteerd|uitgebaat|betrieben)\s+(?:by|par|door|von)"


# -- compiled rules, built once per gazetteer ----------------------------------------------


def _phrase_re(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = re.escape(p.rstrip("*")).replace(r"\ ", r"\s+").replace(r"\*", r"\w+")
        parts.append(body + (r"\w*" if p.endswith("*") else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


class _Rules:
    def __init__(self, gaz: Gazetteer) -> None:
        lex = gaz.lexicon
        self.lex = lex
        self.boilerplate = [b.lower() for b in lex.get("boilerplate", [])]
        self.company_cue = _phrase_re(lex["company_cues"])
        self.cue_before = re.compile(
            r"(?<![\w-])(?:" + self.company_cue.pattern[len(r"(?<![\w-])(?:"):-len(r")(?![\w-])")]
            + r")\s*,?\s*$", re.IGNORECASE)
        self.deal_before = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(d).replace(r"\ ", r"\s+") for d in sorted(lex["deal_before"], key=len, reverse=True)
        ) + r")\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+|die\s+|der\s+)?$", re.IGNORECASE)
        self.appositive = re.compile(
            r"^\s*,\s*(?:the|a|an|its|la|le|l['’]|une?|het|een|die|der|das|eine?)\s+((?:[\w’'\-]+\s+){0,6}?)("
            + self.company_cue.pattern[len(r"(?<![\w-])(?:"):-len(r")(?![\w-])")] + r")(?![\w-])",
            re.IGNORECASE,
        )
        self.described_as = re.compile(
            r"^\s+(?:is|was|as|est|ist|is\s+een)\s+(?:a|an|the|un|une|een|ein|eine)\s+((?:[\w’'\-]+\s+){0,5}?)("
            + self.company_cue.pattern[len(r"(?<![\w-])(?:"):-len(r")(?![\w-])")] + r")(?![\w-])",
            re.IGNORECASE,
        )
        self.suffixes = set(lex["legal_suffixes"])
        self.stopwords = set(lex["not_company_words"])
        self.person_titles = _phrase_re(lex["person_titles"], 0)
        self.subsidiary_cue = _phrase_re(lex["subsidiary_cues"])
        self.parent_cue = _phrase_re(lex["parent_cues"])
        heads = lex["agency_heads"]
        self.agency_heads = {kind: set(words) for kind, words in heads.items()}
        self.agency_head_words = {w.split()[-1] for words in heads.values() for w in words} | {
            w.split()[0] for words in heads.values() for w in words}
        self.agency_not_heads = set(lex["agency_not_heads"])
        self.generic_terms = {kind: terms for kind, terms in lex["generic_agency_terms"].items()}
        self.government_words = lex["government_words"]
        self.ministry_topics = lex["ministry_topics"]
        self.facility_terms = {
            term: kind for kind, terms in lex["facility_terms"].items() for term in terms
        }
        self.facility_term_re = re.compile(r"(?<![\w-])(" + "|".join(
            re.escape(t).replace(r"\ ", r"\s+") for t in sorted(self.facility_terms, key=len, reverse=True)
        ) + r")(?![\w-])")
        self.facility_heads = {w: kind for kind, words in lex["facility_name_heads"].items() for w in words}
        self.categories = {cat: _phrase_re(words) for cat, words in lex["categories"].items()}
        self.statuses = {st: _phrase_re(words) for st, words in lex["statuses"].items()}
        self.negation = _phrase_re(lex["negations"])
        self.position = _phrase_re(lex["position_verbs"])
        self.event_kinds = {k: _phrase_re(words) for k, words in lex["event_kinds"].items()}
        outlet_rows = list(gaz.outlets) + [
            o for o in lex.get("known_outlets", [])
            if o["name"].lower() not in {x["name"].lower() for x in gaz.outlets}
        ]
        self.outlets = outlet_rows
        self.outlet_forms: dict[str, dict] = {}
        for row in outlet_rows:
            for form in [row["name"], *(row.get("aliases") or [])]:
                self.outlet_forms.setdefault(form.lower(), row)
        self.outlet_words = set(lex.get("outlet_words", []))
        adjectives = set(gaz.country_names) | set(gaz.adjectives)
        self.country_word = "|".join(re.escape(w) for w in sorted(adjectives, key=len, reverse=True) if len(w) > 1)
        gov = "|".join(re.escape(w) for w in self.government_words)
        self.government_re = re.compile(
            rf"(?:(?P<led>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’]*-led)\s+)?(?P<c>{self.country_word})(?:['’]s)?"
            rf"\s+(?P<fed>federal\s+|fédéral\s+|federale\s+)?(?P<g>{gov})(?![\w-])"
            rf"|(?P<g2>{gov})\s+(?P<c2>{self.country_word}|fédéral|federal)(?![\w-])"
            rf"|(?P<g3>Bundesregierung|federal government|gouvernement fédéral|federale regering)(?![\w-])"
        )
        self.generic_agency_re = self._generic_agency_re(gaz)
        self.data_noun = re.compile(
            r"(?<![\w-])(data|information|informations|footage|données|gegevens|daten|records|recordings|"
            r"persoonsgegevens|nutzerdaten|genetic\s+\w+)(?![\w-])", re.IGNORECASE)
        self.data_verb = re.compile(
            r"(?<![\w-])(share\w*|hand\w*|pass\w*|transfer\w*|access\w*|collect\w*|collat\w*|harvest\w*|funnel\w*|"
            r"send\w*|sent|demand\w*|store\w*|stores|gather\w*|leak\w*|exfiltrat\w*|private|personal|sensitive|"
            r"user|remettre|transmet\w*|partag\w*|accès|héberg\w*|delen|doorgeven|toegang|weitergeben|zugriff|"
            r"übermitteln|abgreifen|use\s+of)(?![\w-])", re.IGNORECASE)

    def _generic_agency_re(self, gaz: Gazetteer) -> re.Pattern:
        terms = {t for ts in self.generic_terms.values() for t in ts}
        for row in gaz.agencies:
            terms.update(row.get("generic_terms") or [])
        alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
        cw = self.country_word
        return re.compile(
            rf"(?P<c>{cw})(?:['’]s)?\s+(?P<t>{alt})(?![\w-])"
            rf"|(?P<t2>{alt})\s+(?P<c2>{cw})(?![\w-])"
            rf"|(?P<t3>{alt})\s+(?:of|de|van|von)\s+(?:the\s+|la\s+|l['’]\s*)?(?P<c3>{cw})(?![\w-])",
            re.IGNORECASE,
        )


def _rules(gaz: Gazetteer) -> _Rules:
    rules = getattr(gaz, "_extract_rules", None)
    if rules is None:
        rules = _Rules(gaz)
        gaz._extract_rules = rules  # type: ignore[attr-defined]
    return rules


# -- per-article working state -------------------------------------------------------------


@dataclass
class _Doc:
    text: str
    sentences: list[Sentence]
    content: list[Sentence]
    entity_hits: list[Hit]
    place_hits: list[Hit]
    rules: _Rules
    gaz: Gazetteer
    host: str | None = None
    outlet_spans: list[tuple[int, int]] = field(default_factory=list)

    def sentence_at(self, pos: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= pos < sent.end:
                return sent
        return None

    def in_content(self, start: int) -> bool:
        sent = self.sentence_at(start)
        return bool(sent and sent.is_content)


@dataclass
class _Company:
    name: str
    forms: set[str] = field(default_factory=set)
    country: str | None = None
    gaz_index: int | None = None
    why: set[str] = field(default_factory=set)
    parent: str | None = None
    parent_evidence: Span | None = None
    inherit_country: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    subject_score: float = 0.0
    sector: str = ""
    state_owned: bool | None = None


# -- entry point ---------------------------------------------------------------------------


def extract(article: RawArticle, gazetteer: Gazetteer) -> Extraction:
    text = article.text or ""
    result = Extraction(publisher=article.publisher, published=article.published, language=article.language)
    if not text.strip() or "\x00" in text[:2000]:
        return result
    rules = _rules(gazetteer)
    sentences = split_sentences(text, rules.boilerplate)
    doc = _Doc(
        text=text,
        sentences=sentences,
        content=[s for s in sentences if s.is_content],
        entity_hits=gazetteer.entity_hits(text),
        place_hits=gazetteer.place_hits(text),
        rules=rules,
        gaz=gazetteer,
    )
    result.language = article.language or _language(text)
    _sources(article, doc, result)
    if result.published is None:
        result.published = date_from_url(article.url) or date_from_lines(text, split_lines(text, rules.boilerplate))
    doc.host = _host_country(doc, article)
    companies = _companies(doc)
    result.companies = _found_companies(companies, doc)
    result.agencies = _agencies(doc, companies)
    result.facilities = _facilities(doc, companies)
    result.concerns = _concerns(doc, companies, result.agencies, result.facilities)
    result.countries = _countries(doc, result)
    result.events = _events(doc, result.published)
    return result


def _language(text: str) -> str:
    """Counting function words is enough to tell our four languages apart, and is instant."""
    words = re.findall(r"[a-zà-ÿ]+", text[:4000].lower())
    markers = {
        "en": {"the", "and", "of", "to", "is", "that", "with"},
        "fr": {"le", "la", "les", "et", "des", "est", "une", "que", "dans"},
        "nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "zijn"},
        "de": {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit"},
    }
    counts = {lang: sum(w in m for w in words) for lang, m in markers.items()}
    return max(counts, key=counts.get) if any(counts.values()) else "en"


# -- publisher, wire services, cited outlets -----------------------------------------------


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", strip_accents(name).lower())


def _domain_label(url: str | None) -> str:
    if not url:
        return ""
    host = (urlparse(url).hostname or "").lower().rstrip(".")
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp")]
    if len(parts) >= 2 and parts[-2] in ("co", "com", "org", "net", "gov") and len(parts[-1]) == 2:
        parts = parts[:-2]
    elif len(parts) >= 2:
        parts = parts[:-1]
    return parts[-1] if parts else ""


def _outlet_for(name: str, rules: _Rules) -> dict | None:
    row = rules.outlet_forms.get(name.lower().strip())
    if row:
        return row
    key = _squash(name)
    return next((r for f, r in rules.outlet_forms.items() if _squash(f) == key and len(key) > 3), None)


def _clean_byline(raw: str) -> str:
    raw = re.sub(r"^(?:la\s+rédaction\s+de|the\s+editorial\s+team\s+of|de\s+redactie\s+van|der\s+redaktion\s+von)\s+",
                 "", raw, flags=re.IGNORECASE)
    raw = re.sub(r"\s+(?:staff|newsroom|reporters?|desk|team|correspondents?|writers?)$", "", raw, flags=re.IGNORECASE)
    return raw.strip(" .,-–—|")


def _sources(article: RawArticle, doc: _Doc, result: Extraction) -> None:
    rules, text = doc.rules, doc.text
    domain = _domain_label(article.url)
    publisher = article.publisher
    wires: list[str] = []
    lines = [article.byline or ""] + [s.text for s in doc.sentences if s.kind in ("byline", "furniture", "caption")]
    for line in lines:
        raw = byline_text(line) if line else None
        footer = re.search(r"(?:copyright\s*)?©\s*(?:\d{4}\s+)?(?P<o>[^.\n|]+?(?:\.[a-z]{2,4})?)(?:\.|\s*$|\s*\|)", line, re.IGNORECASE)
        for wire in re.findall(r"(?:with|based on|avec|met|mit)\s+(?P<w>[A-Z][\w&.\- ]+?)(?:\s+reporting)?(?:[.,;]|$)", line):
            if _outlet_for(wire, rules) or wire in ("Reuters", "AP", "AFP"):
                wires.append((_outlet_for(wire, rules) or {"name": wire})["name"])
        candidates = []
        if raw:
            candidates.append(_clean_byline(re.split(r"\s+(?:with|avec|met|mit|and|et|en|und)\s+", raw)[0]))
        if footer:
            candidates.append(_clean_byline(footer.group("o")))
        for cand in candidates:
            if not cand or publisher:
                continue
            squashed = _squash(cand)
            if _outlet_for(cand, rules) or (domain and len(domain) > 3 and (domain in squashed or squashed in domain)):
                row = _outlet_for(cand, rules)
                publisher = row["name"] if row and row.get("kind") != "wire" else cand
    if not publisher and domain:
        row = next((r for r in rules.outlets if domain in _squash(r["name"]) or any(
            domain == _squash(a) for a in r.get("aliases") or [])), None)
        host = (urlparse(article.url or "").hostname or "").lower().removeprefix("www.").rstrip(".")
        publisher = row["name"] if row else host or None
    result.publisher = publisher
    cited: list[str] = []
    for hit in doc.entity_hits:
        if hit.kind != "outlet":
            continue
        name = doc.gaz.outlets[hit.key]["name"]
        doc.outlet_spans.append((hit.start, hit.end))
        if doc.in_content(hit.start) and name != publisher and name not in wires:
            cited.append(name)
    # outlets we have no entry for still show up as "the X reports" / "told the X"
    for row in rules.outlets:
        for form in [row["name"], *(row.get("aliases") or [])]:
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                doc.outlet_spans.append((m.start(), m.end()))
                if doc.in_content(m.start()) and row["name"] not in (publisher, *wires):
                    cited.append(row["name"])
    ow = "|".join(re.escape(w) for w in rules.outlet_words)
    for m in re.finditer(rf"(?:the\s+)?((?:[A-Z][\w'’.-]*\s+){{0,3}}(?:{ow}))(?:\s+\(([A-Z]{{2,5}})\))?\s+(?:reports?|reported|said|says|newspaper|daily)\b", text):
        doc.outlet_spans.append((m.start(1), m.end(1)))
        if m.group(2):
            doc.outlet_spans.append((m.start(2), m.end(2)))
            for am in re.finditer(rf"(?<![\w-]){m.group(2)}(?![\w-])", text):
                doc.outlet_spans.append((am.start(), am.end()))
        if m.group(1) not in (publisher, *wires):
            cited.append(m.group(1))
    if publisher:
        for m in re.finditer(re.escape(publisher), text):
            doc.outlet_spans.append((m.start(), m.end()))
    result.wire_credits = list(dict.fromkeys(wires))
    result.cited_outlets = list(dict.fromkeys(c for c in cited if c not in result.wire_credits))
