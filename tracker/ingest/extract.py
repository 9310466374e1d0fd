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
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .gazetteer import Gazetteer, Hit, PhraseMatcher, fold, strip_accents
from .textparts import (
    Sentence,
    byline_text,
    date_from_lines,
    date_from_url,
    dateline_place,
    find_dates,
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
        cue_alt = self.company_cue.pattern[len(r"(?<![\w-])(?:") : -len(r")(?![\w-])")]
        self.cue_before = re.compile(
            r"(?:(?<![\w-])(?:"
            + cue_alt
            + r")|(?:state|privately|government|publicly)[- ](?:owned|backed|controlled|held|run|listed))"
            r"\s*,?\s*$",
            re.IGNORECASE,
        )
        # French puts adjectives after the noun: "sa branche logistique, Cainiao"
        self.cue_before_fr = re.compile(
            r"(?<![\w-])(?:entreprise|société|groupe|firme|filiale|branche|opérateur|exploitant|fabricant|"
            r"constructeur|fournisseur|géant|investisseur|acquéreur|banque|fonds)(?:\s+[a-zà-ÿ][\w-]*){1,2}\s*,?\s*$",
            re.IGNORECASE,
        )
        self.deal_before = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in sorted(lex["deal_before"], key=len, reverse=True))
            + r")\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+|die\s+|der\s+)?$",
            re.IGNORECASE,
        )
        self.appositive = re.compile(
            r"^\s*,\s*(?:the|a|an|its|la|le|l['’]|une?|het|een|die|der|das|eine?)\s+((?:[\w’'\-]+\s+){0,6}?)("
            + self.company_cue.pattern[len(r"(?<![\w-])(?:") : -len(r")(?![\w-])")]
            + r")(?![\w'’-])",
            re.IGNORECASE,
        )
        self.described_as = re.compile(
            r"^\s+(?:is|was|as|est|ist|is\s+een)\s+(?:a|an|the|un|une|een|ein|eine)\s+((?:[\w’'\-]+\s+){0,5}?)("
            + self.company_cue.pattern[len(r"(?<![\w-])(?:") : -len(r")(?![\w-])")]
            + r")(?![\w'’-])",
            re.IGNORECASE,
        )
        self.suffixes = set(lex["legal_suffixes"])
        self.stopwords = set(lex["not_company_words"])
        self.person_titles = _phrase_re(lex["person_titles"], 0)
        self.subsidiary_cue = _phrase_re(lex["subsidiary_cues"])
        self.parent_cue = _phrase_re(lex["parent_cues"])
        heads = lex["agency_heads"]
        self.agency_heads = {kind: set(words) for kind, words in heads.items()}
        order = ("intelligence", "screening", "law_enforcement", "parliament", "ministry", "regulator", "other")
        self.agency_heads_sorted = [(k, sorted(heads.get(k, []), key=len, reverse=True)) for k in order]
        self.agency_head_words = {w.split()[-1] for words in heads.values() for w in words} | {
            w.split()[0] for words in heads.values() for w in words}
        self.agency_not_heads = set(lex["agency_not_heads"])
        self.generic_terms = {kind: terms for kind, terms in lex["generic_agency_terms"].items()}
        self.government_words = lex["government_words"]
        self.ministry_topics = lex["ministry_topics"]
        topics = "|".join(re.escape(t) for t in sorted(self.ministry_topics, key=len, reverse=True))
        self.ministry_re = re.compile(
            rf"(?<![\w-])(?P<a>{topics})(?:\s+and\s+(?P<b>{topics}))?\s+ministr(?:y|ies)\b"
            rf"|\bministry\s+of\s+(?P<d>{topics})\b"
            r"|(?<![\w-])(?P<de>(?:Bundes)?(?:wirtschafts|finanz|innen|außen|verteidigungs|justiz|verkehrs|gesundheits|"
            r"umwelt|digital|forschungs|handels|wirtschafts-\s*und\s*klimaschutz)ministerium)\b",
            re.IGNORECASE,
        )
        self.facility_terms = {
            term: kind for kind, terms in lex["facility_terms"].items() for term in terms
        }
        self.facility_term_re = re.compile(r"(?<![\w-])(" + "|".join(
            re.escape(t).replace(r"\ ", r"\s+") for t in sorted(self.facility_terms, key=len, reverse=True)
        ) + r")(?![\w-])")
        self.facility_heads = {w: kind for kind, words in lex["facility_name_heads"].items() for w in words}
        groups: dict[str, list[str]] = {"neg": lex["negations"]}
        for cat, words in lex["categories"].items():
            if cat == "data_access":
                # a lone "data" is everywhere; it needs a verb of access nearby (see _categories)
                groups["cat:data_access"] = [w for w in words if " " in w]
                groups["datanoun"] = [w for w in words if " " not in w]
            else:
                groups[f"cat:{cat}"] = words
        for st, words in lex["statuses"].items():
            groups[f"st:{st}"] = [w for w in words if "*" not in w.rstrip("*")]
        for kind, words in lex["event_kinds"].items():
            groups[f"ev:{kind}"] = words
        terms = {t for ts in lex["generic_agency_terms"].values() for t in ts}
        for row in gaz.agencies:
            terms.update(row.get("generic_terms") or [])
        groups["gen"] = sorted(terms)
        self.cue_matcher = PhraseMatcher(groups)
        # the few status cues with a gap in the middle: "keep * from acquiring"
        self.status_gaps = [
            (
                st,
                re.compile(
                    r"(?<![\w-])"
                    + re.escape(w).replace(r"\*", r"[\w’'-]+(?:\s+[\w’'-]+){0,3}").replace(r"\ ", r"\s+")
                    + r"(?![\w-])",
                    re.IGNORECASE,
                ),
            )
            for st, words in lex["statuses"].items()
            for w in words
            if "*" in w.rstrip("*")
        ]
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
        known = {f.lower() for row in gaz.outlets for f in [row["name"], *(row.get("aliases") or [])]}
        extra = [f for f in self.outlet_forms if f not in known]
        self.extra_outlet_re = (
            re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(extra, key=len, reverse=True)) + r")(?![\w-])",
                re.IGNORECASE,
            )
            if extra
            else None
        )
        gov = "|".join(re.escape(w) for w in self.government_words)
        # Country words are found by the gazetteer's place automaton; these patterns only
        # find the head word and the caller checks the neighbouring place hit.
        self.government_re = re.compile(
            rf"(?<![\w-])(?P<fed>(?:federal|fédéral|federale)\s+)?(?P<g>{gov})(?![\w-])"
            rf"(?:\s+(?P<fed2>fédéral|federal|federale)(?![\w-]))?"
        )
        self.data_verb = re.compile(
            r"(?<![\w-])(share\w*|hand\w*|pass\w*|transfer\w*|access\w*|collect\w*|collat\w*|harvest\w*|funnel\w*|"
            r"send\w*|sent|demand\w*|store\w*|stores|gather\w*|leak\w*|exfiltrat\w*|private|personal|sensitive|"
            r"user|remettre|transmet\w*|partag\w*|accès|héberg\w*|delen|doorgeven|toegang|weitergeben|zugriff|"
            r"übermitteln|abgreifen|use\s+of)(?![\w-])", re.IGNORECASE)


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
    main_country: str | None = None
    outlet_spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cues = self.rules.cue_matcher.find(fold(self.text))
        self._cue_starts = [c[0] for c in self.cues]
        self._sent_starts = [s.start for s in self.sentences]
        self.country_hits = [h for h in self.place_hits if h.kind in ("country", "adjective", "capital")]
        self._hit_starts = [h.start for h in self.country_hits]

    def cues_in(self, start: int, end: int, prefix: str) -> list[tuple[int, int, str]]:
        """Cue-phrase hits inside [start, end) whose label starts with `prefix` ("cat:", "st:")."""
        i = bisect_left(self._cue_starts, start)
        out = []
        while i < len(self.cues) and self.cues[i][0] < end:
            if self.cues[i][2].startswith(prefix) and self.cues[i][1] <= end:
                out.append(self.cues[i])
            i += 1
        return out

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def in_content(self, start: int) -> bool:
        sent = self.sentence_at(start)
        return bool(sent and sent.is_content)

    def place_hits_in(self, start: int, end: int) -> list[Hit]:
        return [h for h in self.place_hits if start <= h.start and h.end <= end]

    def countries_in(self, start: int, end: int) -> list[Hit]:
        """Country names, adjectives and capitals inside [start, end)."""
        i = bisect_left(self._hit_starts, start)
        out = []
        while i < len(self.country_hits) and self.country_hits[i].start < end:
            if self.country_hits[i].end <= end:
                out.append(self.country_hits[i])
            i += 1
        return out

    def country_before(self, pos: int, floor: int, words: int = 0) -> Hit | None:
        """The country word just before `pos`, with at most `words` words (and an 's) between."""
        hits = self.countries_in(max(floor, pos - 80), pos)
        if not hits:
            return None
        hit = hits[-1]
        gap = self.text[hit.end:pos]
        if re.fullmatch(rf"(?:['’]s)?(?:-based)?\s+(?:[\w’'-]+\s+){{0,{words}}}", gap):
            return hit
        return None

    def country_after(self, pos: int, ceiling: int, words: int = 0) -> Hit | None:
        hits = self.countries_in(pos, min(ceiling, pos + 80))
        if not hits:
            return None
        hit = hits[0]
        if re.fullmatch(rf"\s+(?:[\w’'-]+\s+){{0,{words}}}", self.text[pos:hit.start]):
            return hit
        return None


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
    companies = _companies(doc)
    doc.host, doc.main_country = _host_country(doc, companies)
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
    """'https://www.economywatch.gr/...' -> 'economywatch'."""
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
    raw = re.sub(r"(?:\s+(?:[a-z][\w-]*|(?:19|20)\d\d))+$", "", raw)  # "Example News business", "Media 2021"
    raw = re.sub(r"^(?:19|20)\d\d\s+", "", raw)
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
        # "By X staff", "By X with Reuters", "la rédaction de X" name an outlet, not a person
        outletish = bool(
            raw
            and (
                wires
                or re.search(
                    r"\b(?:staff|newsroom|reporters?|desk|team|rédaction|redactie|redaktion)\b", raw, re.IGNORECASE
                )
            )
        )
        if raw:
            candidates.append(_clean_byline(re.split(r"\s+(?:with|avec|met|mit|and|et|en|und)\s+", raw)[0]))
        if footer:
            candidates.append(_clean_byline(footer.group("o")))
            outletish = True
        for cand in candidates:
            if not cand or publisher:
                continue
            squashed = _squash(cand)
            dom = _squash(domain)
            if (
                _outlet_for(cand, rules)
                or (dom and len(dom) > 3 and (dom in squashed or squashed in dom))
                or (outletish and not domain)
            ):
                # the form the page itself prints ("kvnutalk.com", "Scroll.in") is the label
                row = _outlet_for(cand, rules)
                if not (row and row.get("kind") == "wire"):
                    publisher = cand
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
    # the lexicon's few outlets that the gazetteer lacks
    if rules.extra_outlet_re is not None:
        for m in rules.extra_outlet_re.finditer(text):
            row = rules.outlet_forms[m.group(0).lower()]
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


# -- host country --------------------------------------------------------------------------


def _host_country(doc: _Doc, companies: list[_Company]) -> tuple[str | None, str | None]:
    """(host, most named). The host is the country whose authorities act or speak in the story
    (agencies, "the Belgian government", a dateline); failing that, the most named country that
    is no company's home; else None."""
    text = doc.text
    counts: Counter[str] = Counter()
    authority: Counter[str] = Counter()
    for hit in doc.place_hits:
        if not doc.in_content(hit.start):
            continue
        if hit.kind in ("country", "adjective", "capital"):
            counts[hit.key] += 1
        elif hit.kind == "city":
            counts[doc.gaz.cities[hit.key][0]] += 1
    for hit in doc.entity_hits:
        if hit.kind == "agency" and doc.in_content(hit.start):
            code = doc.gaz.agencies[hit.key].get("country")
            if code:
                authority[code] += 2
    for start, end, _label in doc.cues_in(0, len(text), "gen"):
        if doc.in_content(start):
            hit = doc.country_before(start, max(0, start - 40)) or doc.country_after(end, end + 40)
            if hit:
                authority[hit.key] += 2
    for sent in doc.content:
        for m in doc.rules.government_re.finditer(text, sent.start, sent.end):
            hit = doc.country_before(m.start(), sent.start) or doc.country_after(m.end(), sent.end)
            if hit:
                authority[hit.key] += 1 if m.group("g").lower() == "authorities" else 2
    line = dateline_place(doc.sentences)
    if line:
        word = line[0].title()
        code = doc.gaz.country_code(word) or (doc.gaz.city(word) or [None])[0]
        if code:
            authority[code] += 2
    authority.pop("EU", None)
    counts.pop("EU", None)
    top = counts.most_common(1)[0][0] if counts else None
    if authority:
        return max(authority, key=lambda c: (authority[c], counts[c])), top
    origins = {c.country for c in companies if c.country}
    for code, n in counts.most_common():
        if n >= 2 and code not in origins:
            return code, top
    return None, top


# -- companies -----------------------------------------------------------------------------

_CAPW = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|\d+[A-Za-z]{2,}[\w'’.\-]*)"
_PAREN = rf"\((?:{_CAPW})(?:\s+{_CAPW})*\)"
_PHRASE_RE = re.compile(
    rf"(?:(?<=\b[dlDL]['’])|(?<=\bqu['’])|(?<![\w'’-])){_CAPW}(?:(?:\s+(?:of|de|du|des|van|der|von|für|&|del|di)(?=\s+[A-ZÀ-ÖØ-Þ]))?\s+(?:{_CAPW}|{_PAREN}))*"
)
_TOKEN_RE = re.compile(r"\([^)]*\)|\S+")


def _cap_phrases(text: str, start: int, end: int, stopwords: set[str]) -> list[tuple[int, int, bool]]:
    """Capitalised name-like runs inside [start, end): (start, end, possessive)."""
    found: list[tuple[int, int, bool]] = []
    for m in _PHRASE_RE.finditer(text, start, end):
        toks = [(t.start(), t.end()) for t in _TOKEN_RE.finditer(text, m.start(), m.end())]
        cur: list[tuple[int, int]] = []

        def flush(possessive: bool = False) -> None:
            while cur and text[cur[0][0]:cur[0][1]] in stopwords:
                cur.pop(0)
            while cur and text[cur[-1][0]:cur[-1][1]].lower() in CONNECTORS:
                cur.pop()
            if cur:
                found.append((cur[0][0], cur[-1][1], possessive))
            cur.clear()

        for ts, te in toks:
            tok = text[ts:te]
            if re.search(r"-(?:" + "|".join(RELATION_SUFFIXES) + r")$", tok):
                flush()
                continue
            if tok.endswith(("'s", "’s")):
                cur.append((ts, te - 2))
                flush(possessive=True)
                continue
            if tok.endswith((".", ",")) and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{1,3}\.", tok):
                cur.append((ts, te - 1))
                flush()
                continue
            cur.append((ts, te))
        flush()
    return found


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _is_title_case_line(sent: Sentence) -> bool:
    """Headlines in Title Case make every word look like a name."""
    if sent.kind != "heading":
        return False
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ][\w'’-]*", sent.text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _extend_name(doc: _Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a gazetteer match over legal-form words ("Alibaba" + " Group Holding") and a
    country name fused in front ("China" + " State Grid")."""
    text = doc.text
    while True:
        m = re.match(r"\s+([A-Z][\w.]*)", text[end:end + 30])
        if m and m.group(1).rstrip(".") in doc.rules.suffixes | {"Holding", "Holdings", "Group"}:
            end += m.end() - (1 if m.group(1).endswith(".") and not m.group(1).endswith("Co.") else 0)
            continue
        break
    m = re.search(r"([A-Z][\w]+)\s+$", text[max(0, start - 30):start])
    if m and m.group(1) in doc.gaz.country_names and doc.gaz.countries.get(doc.gaz.country_names[m.group(1)], {}).get("names") \
            and m.group(1) in doc.gaz.countries[doc.gaz.country_names[m.group(1)]]["names"]:
        start = start - len(m.group(0))
    return start, end


def _norm_key(name: str) -> str:
    words = re.sub(r"[^0-9a-z]+", " ", strip_accents(name).lower()).split()
    filler = {"the", "ltd", "limited", "inc", "corp", "corporation", "co", "company", "plc", "sa", "ag", "nv",
              "bv", "gmbh", "llc", "holding", "holdings", "group", "se", "spa"}
    kept = [w for w in words if w not in filler]
    return " ".join(kept or words)


def _tokens(name: str) -> list[str]:
    return [t for t in _TOKEN_RE.findall(name)]


def _is_prefix(short: str, long: str) -> bool:
    a, b = _tokens(short), _tokens(long)
    return len(a) < len(b) and b[: len(a)] == a


def _place_code(doc: _Doc, word: str) -> str | None:
    word = word.strip("() ")
    code = doc.gaz.country_code(word)
    if code:
        return code
    city = doc.gaz.city(word)
    return city[0] if city else None


def _country_in(doc: _Doc, fragment: str) -> str | None:
    words = re.findall(r"[\w.'’-]+", fragment)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            phrase = re.sub(r"['’]s$|-based$", "", phrase)
            code = doc.gaz.country_code(phrase) if phrase[:1].isupper() or n == 1 else None
            if code and (phrase[:1].isupper() or phrase.lower() in doc.gaz.adjectives):
                return code
    return None


_COMPOUND_NOUNS = (
    r"(?:bedrijf|concern|groep|fabrikant|producent|leverancier|maker|konzern|unternehmen|hersteller|firma|gruppe|"
    r"betreiber|anbieter|zulieferer|bauers?|spezialist|entreprise|fabricant)"
)
_COMPOUND_CUE = re.compile(rf"[a-zà-ÿ]*{_COMPOUND_NOUNS}", re.IGNORECASE)
_COMPOUND_CUE_BEFORE = re.compile(rf"(?<![\w-])[A-Za-zÀ-ÿ]+{_COMPOUND_NOUNS}\s*,?\s*$", re.IGNORECASE)
_PRODUCT_AFTER = re.compile(
    r"\s+(?:equipment|kit|gear|cameras?|products?|devices?|chips?|hardware|software|phones?|handsets?|"
    r"components|modules|drones?|routers?|base\s+stations?|équipements?|matériel|apparatuur|Ausrüstung|Komponenten)\b"
)
_NOT_COMPANY_ENDINGS = {
    "Bill",
    "Act",
    "Law",
    "Treaty",
    "Initiative",
    "Programme",
    "Program",
    "Strategy",
    "Regulation",
    "Directive",
    "Road",
    "Street",
    "Avenue",
    "Square",
    "Prize",
    "Award",
    "Index",
    "Summit",
    "Forum",
    "Conference",
}
_NP_STOP = {
    "that",
    "which",
    "who",
    "whose",
    "where",
    "when",
    "of",
    "de",
    "du",
    "van",
    "von",
    "qui",
    "que",
    "dont",
    "dat",
    "die",
    "der",
    "said",
    "says",
    "and",
    "et",
    "en",
    "und",
    "to",
}


def _np_like(words: str) -> bool:
    """An appositive is a noun phrase: no clause words, verbs or figures inside."""
    for w in words.split():
        low = w.lower()
        if low in _NP_STOP or any(c.isdigit() for c in w) or (low.endswith("ed") and "-" not in low):
            return False
    return len(words.split()) <= 5


def _company_evidence(doc: _Doc, sent: Sentence, s: int, e: int) -> tuple[set[str], str | None]:
    """Why the capitalised run text[s:e] is a company, and the country its context gives."""
    text, rules = doc.text, doc.rules
    why: set[str] = set()
    country = None
    pre = text[max(sent.start, s - 60) : s]
    post = text[e : min(sent.end + 1, e + 140)]
    cue = rules.cue_before.search(pre) or rules.cue_before_fr.search(pre)
    if cue:
        why.add("cue")
        cue_start = s - len(pre) + cue.start()
        hit = doc.country_before(cue_start, sent.start, words=3)
        inside = doc.countries_in(cue_start, s)  # "le groupe américain Teledyne"
        if hit:
            country = hit.key
        elif inside:
            country = inside[-1].key
    apposition = rules.appositive.match(post) or rules.described_as.match(post)
    if apposition and not _np_like(apposition.group(1)):
        apposition = None
    if apposition:
        why.add("appositive")
        country = country or _country_in(doc, apposition.group(1) + " ")
        for hit in doc.countries_in(e + apposition.start(1), e + apposition.end(1)):
            if doc.text[hit.end:hit.end + 6] == "-based":
                country = hit.key
    if rules.deal_before.search(pre):
        why.add("deal")
    if _COMPOUND_CUE_BEFORE.search(pre):
        why.add("cue")  # "chipbedrijf Nowi", "des Maschinenbauers Leifeld"
    # "the Welsh factory", "het Nijmeegse chipbedrijf": a modifier of the noun that follows
    nxt = re.match(r"\s+([a-zà-ÿ][\w-]*)", post)
    if nxt and (rules.company_cue.fullmatch(nxt.group(1)) or rules.facility_term_re.match(nxt.group(1))
                or _COMPOUND_CUE.fullmatch(nxt.group(1))):
        why.add("modifier")
    adj = doc.country_before(s, sent.start)
    if adj and adj.kind == "adjective" and not re.match(r"['’]s", text[adj.end:s]):
        country = country or adj.key  # "die chinesische Yantai Taihai", "l'américain Teledyne"
    based = re.match(r",?\s+(?:based|headquartered|basée?|gevestigd|mit\s+Sitz|ansässig)\s+(?:in|à|en|au|te)\s+", post)
    if based:
        place = next(iter(doc.place_hits_in(e + based.end(), e + based.end() + 40)), None)
        if place and place.start == e + based.end():
            country = country or (place.key if place.kind != "city" else doc.gaz.cities[place.key][0])
    if _PRODUCT_AFTER.match(post):
        why.add("product")
    # the owner of a site: "X's logistics hub", "la plateforme logistique d'X"
    if re.match(r"['’]s\s", post):
        fm = rules.facility_term_re.search(post, 0, 45)
        if fm and not re.search(r"[,.;]", post[: fm.start()]):
            why.add("site")
    om = re.search(r"(\S+(?:\s+\S+){0,2})(?:\s+(?:of|de|du)\s+|\s+d['’])$", pre)
    if om:
        fm = rules.facility_term_re.search(om.group(1))
        if fm and fm.end() == len(om.group(1)):
            why.add("site")
    if re.search(r"(?:according\s+to|selon|volgens|laut)\s+$", pre, re.IGNORECASE):
        why.add("passing")
    if re.match(
        r"\s+(?:must|has\s+to|have\s+to|was\s+ordered\s+to|were\s+ordered\s+to|is\s+required\s+to|will\s+have\s+to|doit|moet|muss)\s+"
        r"(?:sell|divest|give\s+up|pull\s+out|dispose|exit|céder|verkopen|verkaufen)",
        post,
    ):
        why.add("divest")
    name = text[s:e]
    toks = _tokens(name)
    if len(toks) >= 2 and toks[-1].strip("()") and (toks[-1] in rules.suffixes or (
            toks[-1].startswith("(") and len(toks) >= 3 and toks[-2] in rules.suffixes)):
        if not _is_title_case_line(sent):
            why.add("suffix")
    colon = text.rfind(":", sent.start, s)
    if colon != -1 and re.search(r"\b(?:companies|firms|groups|investors|entreprises|sociétés|bedrijven|Unternehmen|Firmen)\b",
                                 text[sent.start:colon], re.IGNORECASE):
        why.add("list")
        based = re.search(r"based\s+in\s+((?:[A-Z][\w]+\s*){1,3})", text[sent.start:colon])
        if based:
            country = country or _place_code(doc, based.group(1))
    if re.search(r"(?:such\s+as|rivals?|competitors?|concurrents?|like)\s+(?:[A-Z][\w&.-]*\s+){0,3}$", pre):
        why.add("passing")
    hit = doc.country_before(s, sent.start)
    if hit and re.match(r"['’]s|-based", text[hit.end:s]):
        country = country or hit.key
    return why, country


def _companies(doc: _Doc) -> list[_Company]:
    text, rules, gaz = doc.text, doc.rules, doc.gaz
    by_index: dict[int, _Company] = {}
    pattern: list[_Company] = []
    taken: list[tuple[int, int]] = list(doc.outlet_spans)
    for hit in doc.entity_hits:
        if hit.kind != "company" or not doc.in_content(hit.start) or _overlaps(hit.start, hit.end, doc.outlet_spans):
            continue
        row = gaz.companies[hit.key]
        s, e = _extend_name(doc, hit.start, hit.end)
        co = by_index.setdefault(hit.key, _Company(
            name=row["name"], gaz_index=hit.key, country=row.get("country") or None,
            sector=row.get("sector") or "", state_owned=row.get("state_owned")))
        co.forms.add(text[s:e])
        co.why.add("gazetteer")
        taken.append((s, e))
    for hit in doc.entity_hits:
        if hit.kind in ("agency", "outlet"):
            taken.append((hit.start, hit.end))
    for sent in doc.content:
        # "Committee on Foreign Investment" holds no company called "Foreign Investment"
        taken.extend(_body_names(doc, sent))
    for sent in doc.content:
        for s, e, _pos in _cap_phrases(text, sent.start, sent.end, rules.stopwords):
            name = text[s:e]
            if _overlaps(s, e, taken) or _place_code(doc, name) or name.split()[-1] in _NOT_COMPANY_ENDINGS:
                continue
            if rules.person_titles.search(text[max(sent.start, s - 25):s].split(",")[-1]):
                continue
            why, country = _company_evidence(doc, sent, s, e)
            if _kind_of_body(doc, name)[0] and "appositive" not in why:
                continue
            if "modifier" in why:
                continue
            if not why or why == {"passing"}:
                continue
            co = _Company(name=name, forms={name}, country=country, why=why)
            pattern.append(co)
    for m in re.finditer(rf"({_CAPW}(?:\s+{_CAPW})*)-(?:owned|backed|controlled)\b", text):
        name = m.group(1)
        if doc.in_content(m.start()) and not _place_code(doc, name) and name not in rules.stopwords \
                and not _overlaps(m.start(1), m.end(1), taken) and name.lower() not in ("state", "government"):
            pattern.append(_Company(name=name, forms={name}, why={"owner"}))
    companies = _merge_companies(list(by_index.values()), pattern)
    for co in companies:
        _add_aliases(doc, co)
        if co.gaz_index is None or len(co.forms) > 1:
            co.name = max(co.forms, key=lambda f: (len(_tokens(f)), not f.isupper(), len(f)))
        _find_mentions(doc, co)
    companies = [c for c in companies if c.mentions]
    _company_relations(doc, companies)
    _company_countries(doc, companies)
    return [c for c in companies if _is_party(doc, c)]


def _merge_companies(known: list[_Company], found: list[_Company]) -> list[_Company]:
    merged = list(known)
    for co in found:
        target = None
        for other in merged:
            forms = other.forms | {other.name}
            if any(_norm_key(f) == _norm_key(co.name) or _is_prefix(f, co.name) or _is_prefix(co.name, f) for f in forms):
                target = other
                break
        if target is None:
            merged.append(co)
        else:
            target.forms |= co.forms
            target.why |= co.why
            target.country = target.country or co.country
    return merged


def _add_aliases(doc: _Doc, co: _Company) -> None:
    """Shorter forms of the name used elsewhere ("Chengze Lithium" for "... International"),
    and an acronym given in brackets right after a form."""
    text, rules = doc.text, doc.rules
    full = max(co.forms, key=lambda f: len(_tokens(f)))
    toks = _tokens(full)
    bare = " ".join(t for t in toks if not t.startswith("("))
    candidates = {bare} | {" ".join(toks[:n]) for n in range(1, len(toks))}
    if len(toks) > 1 and _place_code(doc, toks[0]):
        # "China COSCO Shipping" is also "COSCO Shipping" and "COSCO"
        candidates |= {" ".join(toks[1:n]) for n in range(2, len(toks) + 1)}
    for cand in candidates:
        if cand in co.forms or not cand or cand in rules.stopwords or _place_code(doc, cand):
            continue
        if len(_tokens(cand)) == 1 and (cand in rules.suffixes or len(cand) < 3):
            continue
        # the shorter form must stand on its own somewhere, not only inside the long one
        for m in re.finditer(rf"(?<![\w-]){re.escape(cand)}(?:['’]s)?(?![\w-])", text):
            after = text[m.end():m.end() + 2]
            before = text[max(0, m.start() - 30):m.start()]
            if doc.in_content(m.start()) and not re.match(r"\s[A-Z(]", after) and not re.search(
                    r"[A-Z][\w-]*\s$", before):
                co.forms.add(cand)
                break
    for form in list(co.forms):
        m = re.search(rf"{re.escape(form)}\s*\(([A-Z][A-Za-z]{{1,7}})\)", text)
        if m and not _place_code(doc, m.group(1)):
            co.forms.add(m.group(1))


def _find_mentions(doc: _Doc, co: _Company) -> None:
    spans: list[tuple[int, int]] = []
    for form in sorted(co.forms, key=len, reverse=True):
        flags = 0 if len(form) <= 5 or form.isupper() else re.IGNORECASE
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w])", doc.text, flags):
            if doc.in_content(m.start()) and not _overlaps(m.start(), m.end(), spans) \
                    and not _overlaps(m.start(), m.end(), doc.outlet_spans):
                spans.append((m.start(), m.end()))
    co.mentions = sorted(spans)


def _mentions_in(companies: list[_Company], start: int, end: int) -> list[tuple[int, int, _Company]]:
    return sorted((s, e, c) for c in companies for s, e in c.mentions if start <= s < end)


# "Nexperia, a Dutch subsidiary of China's Wingtech", "Nexperia, dochterbedrijf van het Chinese Wingtech"
_SUBSIDIARY_OF = re.compile(
    r"\s*,\s*(?:(?:a|an|the|une?|la|le|een|het|de|eine?|die)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:subsidiary|unit|arm|division|affiliate|filiale|branche|dochter\w*|Tochter\w*)\s+(?:of|de|du|van|von)\s+",
    re.IGNORECASE,
)
_POSSESSORS = r"(?:its|their|sa|son|ses|leur|leurs|zijn|haar|hun|seine|seiner|ihre|ihrer)"


def _company_relations(doc: _Doc, companies: list[_Company]) -> None:
    text, rules = doc.text, doc.rules
    by_name = {c.name: c for c in companies}

    def link(child: _Company, parent: _Company, sent: Sentence, inherit: bool) -> None:
        if child is parent or child.parent or _ancestor(parent, child, by_name):
            return
        child.parent = parent.name
        child.parent_evidence = span(text, sent.start, sent.end)
        child.inherit_country = inherit
        child.why.add("relation")
        parent.why.add("relation")

    previous: list[tuple[int, int, _Company]] = []
    for sent in doc.content:
        here = _mentions_in(companies, sent.start, sent.end)
        for s, e, child in here:
            pre = text[sent.start:s]
            post = text[e:sent.end]
            others = [(abs(s - os), oc) for os, oe, oc in here if oc is not child]
            nearest = min(others, key=lambda x: x[0])[1] if others else (previous[-1][2] if previous else None)
            sub = re.search(
                rf"(?<![\w'’])(?P<own>{_POSSESSORS}|[\w.&-]+['’]s?)\s+(?:[\w-]+\s+){{0,3}}?(?:{rules.subsidiary_cue.pattern})"
                r"(?:\s+[a-zà-ÿ][\w-]*){0,2}\s*,?\s*$",
                pre,
                re.IGNORECASE,
            )
            if sub:
                own = sub.group("own")
                owner = next((oc for os, oe, oc in here if oc is not child and text[os:oe] == own.rstrip("'’s").rstrip("'’")), None)
                if owner is None and own.lower() in ("its", "sa", "son", "ses", "zijn", "haar", "seine", "ihre", "their", "leur"):
                    owner = nearest
                if owner is not None:
                    link(child, owner, sent, inherit=True)
            m = _SUBSIDIARY_OF.match(post)
            if m:
                parent = next((oc for os, oe, oc in here if e + m.end() <= os <= e + m.end() + 40 and oc is not child), None)
                if parent:
                    link(child, parent, sent, inherit=True)
            m = re.match(rf"\s*,\s*(?:the|a|an|its|la|le|het|de|die|der)\s+(?P<own>[\w'’]+\s+)?(?:[\w-]+\s+){{0,2}}?(?:{rules.parent_cue.pattern})", post, re.IGNORECASE)
            if m:
                own = (m.group("own") or "").strip()
                sub_co = next((oc for os, oe, oc in here if oc is not child and own.startswith(text[os:oe])), None)
                if sub_co is None:
                    sub_co = _main_other(companies, child)
                if sub_co is not None:
                    link(sub_co, child, sent, inherit=False)
            m = re.search(rf"(?:{rules.parent_cue.pattern})\s*,?\s*$", pre, re.IGNORECASE)
            if m:
                owner_m = re.search(r"([\w'’]+)\s+(?:[\w-]+\s+){0,2}?$", pre[: m.start()])
                sub_co = None
                if owner_m:
                    own = owner_m.group(1).rstrip("'’s").rstrip("'’")
                    sub_co = next((oc for os, oe, oc in here if oc is not child and text[os:oe] == own), None)
                sub_co = sub_co or _main_other(companies, child)
                if sub_co is not None:
                    link(sub_co, child, sent, inherit=False)
        for m in re.finditer(r"(?P<verb>holds?|owns?|took|takes|acquired|has|bought|controls?|now\s+owns)\s+(?:a\s+|an\s+|about\s+|some\s+|around\s+|already\s+)?"
                             r"(?P<n>\d+(?:[.,]\d+)?)\s*(?:%|percent|per\s+cent|pour\s+cent|procent|Prozent)\s+(?:stake\s+|holding\s+|share\s+)?(?:in|of)\s+",
                             text[sent.start:sent.end]):
            if float(m.group("n").replace(",", ".")) <= 50:
                continue
            at = sent.start + m.end()
            child = next((c for s, e, c in here if s == at), None)
            owner_before = [c for s, e, c in here if s < sent.start + m.start()]
            if child and owner_before:
                link(child, owner_before[-1], sent, inherit=False)
        previous.extend(here)
    # ownership the gazetteer already knows
    for co in companies:
        if co.gaz_index is not None and not co.parent:
            parent_name = doc.gaz.companies[co.gaz_index].get("parent")
            if parent_name:
                parent = next((p for p in companies if p is not co and (
                    p.name == parent_name or parent_name in p.forms or (
                        p.gaz_index is not None and doc.gaz.companies[p.gaz_index]["name"] == parent_name))), None)
                if parent:
                    co.parent = parent.name
                    co.inherit_country = True


def _ancestor(candidate: _Company, of: _Company, by_name: dict[str, _Company]) -> bool:
    """True when `of` is already above `candidate` (a link would make a cycle)."""
    seen = set()
    cur = candidate
    while cur.parent and cur.parent not in seen:
        seen.add(cur.parent)
        if cur.parent == of.name:
            return True
        cur = by_name.get(cur.parent) or cur
        if cur.name in seen:
            break
    return False


def _main_other(companies: list[_Company], exclude: _Company) -> _Company | None:
    others = [c for c in companies if c is not exclude]
    return max(others, key=lambda c: len(c.mentions)) if others else None


def _company_countries(doc: _Doc, companies: list[_Company]) -> None:
    text, rules = doc.text, doc.rules
    for co in companies:
        if co.country:
            continue
        first = _tokens(co.name)[0]
        if first in doc.gaz.country_names and first in doc.gaz.countries.get(doc.gaz.country_names[first], {}).get("names", []):
            co.country = doc.gaz.country_names[first]
            continue
        paren = re.search(r"\(([^)]+)\)", co.name)
        if paren and _place_code(doc, paren.group(1)):
            co.country = _place_code(doc, paren.group(1))
            continue
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            if not sent:
                continue
            _why, country = _company_evidence(doc, sent, s, _e)
            if country:
                co.country = country
                break
    # "the Chinese company" / "le groupe chinois" points back at the story's main company
    ranked = sorted(companies, key=lambda c: len(c.mentions), reverse=True)
    main = ranked[0] if ranked else None
    if main and len(ranked) > 1 and len(ranked[1].mentions) * 2 > len(main.mentions):
        main = None  # no company dominates the story, so "the Chinese company" is ambiguous
    if main and not main.country:
        for hit in doc.country_hits:
            if not doc.in_content(hit.start):
                continue
            if re.search(r"\b[Tt]he\s+$", text[max(0, hit.start - 5):hit.start]) and re.match(
                    r"\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|giant|app|operator)\b", text[hit.end:hit.end + 40]):
                main.country = hit.key
                break
            if re.search(r"\b(?:le|la)\s+(?:groupe|société|entreprise|géant)\s+$", text[max(0, hit.start - 20):hit.start]):
                main.country = hit.key
                break
    by_name = {c.name: c for c in companies}
    for co in companies:
        if not co.country and co.inherit_country and co.parent in by_name:
            co.country = by_name[co.parent].country


def _is_party(doc: _Doc, co: _Company) -> bool:
    """Companies with a part in the story; a gazetteer name dropped once in passing is not."""
    strong = co.why & {"cue", "appositive", "deal", "divest", "list", "owner", "relation"}
    if "passing" in co.why and not (strong - {"cue"}):
        return False
    if strong:
        return True
    if len(co.mentions) >= 2:
        return True
    for s, _e in co.mentions:
        sent = doc.sentence_at(s)
        if sent and doc.cues_in(sent.start, sent.end, "cat:"):
            return True
    return False


def _found_companies(companies: list[_Company], doc: _Doc) -> list[FoundCompany]:
    found = []
    for co in companies:
        evidence = []
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            if sent:
                sp = span(doc.text, sent.start, sent.end)
                if sp not in evidence:
                    evidence.append(sp)
        aliases = sorted(f for f in co.forms if f != co.name)
        if co.gaz_index is not None:
            canonical = doc.gaz.companies[co.gaz_index]["name"]
            if canonical != co.name and canonical not in aliases:
                aliases.append(canonical)
        found.append(FoundCompany(
            name=co.name, aliases=aliases, country=co.country, parent=co.parent, sector=co.sector,
            state_owned=co.state_owned, evidence=evidence, parent_evidence=co.parent_evidence))
    return found


# -- agencies ------------------------------------------------------------------------------

_START_HEADS = (
    "Department", "Ministry", "Ministère", "Ministerie", "Ministerium", "Bundesministerium", "Committee",
    "Commission", "Office of", "House of", "Council of", "Bureau of", "Agency for", "Authority for",
    "Directorate", "Comité", "Commissie", "Conseil", "Federal Office", "Bundesamt",
)
_PROPER_BODIES = {
    "Parliament",
    "Congress",
    "Treasury",
    "Bundestag",
    "Bundesrat",
    "Senate",
    "Knesset",
    "Bundeswehr",
    "Pentagon",
    "Élysée",
    "Elysée",
}
_ACTION_VERBS = (
    r"(?:said|says|announced|ordered|orders|decided|blocked|approved|imposed|banned|set\s+out|warned|"
    r"summoned|demanded|demands|rejected|told|has\s+\w+ed|had\s+\w+(?:ed|en)|is\s+\w+ing|was\s+\w+ing|"
    r"will|would|wants|moved|reacted|refused|vetoed|launched|opened|"
    r"a\s+déclaré|a\s+annoncé|estime|heeft|hat|has|had)"
)
_BODY_RE = re.compile(
    rf"{_CAPW}(?:\s+(?:(?:of|for|on|in|and|the|de|du|des|d['’]|van|voor|für|der|la|le|pour|et|en|l['’])\s+)*{_CAPW})*"
)


# Sentence openers that the capitalised-run pattern sweeps into a body's name.
_LEADING_NOISE = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Under",
    "After",
    "Before",
    "While",
    "When",
    "According",
    "Addressing",
    "Speaking",
    "Meanwhile",
    "However",
    "But",
    "And",
    "Also",
    "Both",
    "Neither",
    "Only",
    "Le",
    "La",
    "Les",
    "Selon",
    "Pour",
    "Par",
    "De",
    "Het",
    "Een",
    "Volgens",
    "Der",
    "Die",
    "Das",
    "Laut",
    "Nach",
}


@dataclass
class _Agency:
    name: str
    kind: str = "other"
    country: str | None = None
    acronym: str = ""
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    acting: bool = False
    gaz_index: int | None = None


def _kind_of_body(doc: _Doc, name: str) -> tuple[str | None, str | None]:
    """(agency kind, country) when `name` is the proper name of a public body."""
    rules = doc.rules
    toks = name.split()
    if not toks or any(t.strip(",.") in rules.agency_not_heads for t in toks):
        return None, None
    if rules.person_titles.fullmatch(toks[-1]) or toks[-1] in ("Secretary", "Minister", "Chairman", "Director"):
        return None, None
    if len(toks) == 1 and name not in _PROPER_BODIES:
        return None, None
    country = _country_in(doc, name + " ")
    for kind, heads in rules.agency_heads_sorted:
        for head in heads:
            if name.endswith(head) and (len(name) == len(head) or name[-len(head) - 1] == " "):
                return kind, country
            if name.startswith(head + " ") and (head in _START_HEADS or " " in head):
                return kind, country
    for head in _START_HEADS:
        if name.startswith(head + " "):
            return "ministry" if head.startswith(("Depart", "Minist", "Bundesmin")) else "other", country
    if name in _PROPER_BODIES:
        return ("parliament" if name in ("Parliament", "Congress", "Bundestag", "Bundesrat", "Senate", "Knesset")
                else "ministry" if name == "Treasury" else "other"), country
    return None, None


def _body_names(doc: _Doc, sent: Sentence) -> list[tuple[int, int]]:
    """Proper names of public bodies in a sentence, trimmed to the part that names the body."""
    text = doc.text
    out: list[tuple[int, int]] = []
    start_heads = "|".join(re.escape(h) for h in _START_HEADS)
    for m in _BODY_RE.finditer(text, sent.start, sent.end):
        pieces = re.split(rf"\s+(?:and|et|en|und)\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+|die\s+|der\s+)?(?=(?:{start_heads})\b)", m.group(0))
        offset = m.start()
        for piece in pieces:
            p_start = text.index(piece, offset)
            offset = p_start + len(piece)
            sm = re.search(rf"(?:(?:[A-Z][\w'’-]*)\s+)*(?:{start_heads})\b.*", piece)
            if sm:
                cand_s = p_start + sm.start()
                # keep only capitalised words before the head ("Federal", "Belgian")
                words = piece[: sm.start()].split()
                while words and words[0][0].islower():
                    words.pop(0)
                cand_s = p_start + sm.start()
                cand_e = p_start + len(piece.rstrip(" ,.;:"))
            else:
                run = re.search(rf"((?:{_CAPW})(?:\s+(?:of\s+)?{_CAPW})*)\s*$", piece)
                if not run:
                    continue
                cand_s = p_start + run.start(1)
                cand_e = cand_s + len(run.group(1).rstrip(" ,.;:"))
            name = text[cand_s:cand_e]
            name = re.sub(r"^(?:The|the|La|Le|De|Het|Die|Der)\s+", "", name)
            cand_s = cand_e - len(name)
            while name.split() and name.split()[0] in _LEADING_NOISE:
                first = name.split()[0]
                name = name[len(first):].lstrip()
                cand_s = cand_e - len(name)
            name = re.sub(r"['’]s$", "", name)
            cand_e = cand_s + len(name)
            if name and _kind_of_body(doc, name)[0]:
                out.append((cand_s, cand_e))
    return out


def _agencies(doc: _Doc, companies: list[_Company]) -> list[FoundAgency]:
    text, rules, gaz = doc.text, doc.rules, doc.gaz
    agencies: dict[str, _Agency] = {}
    company_spans = [m for c in companies for m in c.mentions]
    origins = {c.country for c in companies if c.country}

    def add(name: str, start: int, end: int, **kw: object) -> _Agency:
        ag = agencies.get(name)
        if ag is None:
            ag = agencies[name] = _Agency(name=name, **kw)  # type: ignore[arg-type]
        ag.mentions.append((start, end))
        return ag

    for hit in doc.entity_hits:
        if hit.kind != "agency" or not doc.in_content(hit.start):
            continue
        row = gaz.agencies[hit.key]
        ag = add(row["name"], hit.start, hit.end, kind=row.get("kind") or "other",
                 country=row.get("country") or None, acronym=row.get("acronym") or "", gaz_index=hit.key)
        if hit.form != row["name"]:
            ag.aliases.add(hit.form)
    taken = [m for a in agencies.values() for m in a.mentions] + company_spans + doc.outlet_spans
    for sent in doc.content:
        if _is_title_case_line(sent):
            continue
        for s, e in _body_names(doc, sent):
            if _overlaps(s, e, taken):
                continue
            name = text[s:e]
            if re.match(r"\s+(?:minister|secretary|official|officials|chief|spokes\w+|head)\b", text[e:e + 20], re.IGNORECASE):
                continue
            kind, country = _kind_of_body(doc, name)
            ag = add(name, s, e, kind=kind or "other", country=country or doc.host or doc.main_country)
            acr = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", text[e : e + 12])
            if acr:
                ag.acronym = acr.group(1)
            taken.append((s, e))
    for ag in list(agencies.values()):
        if ag.acronym and ag.gaz_index is None:
            for m in re.finditer(rf"(?<![\w-]){re.escape(ag.acronym)}(?![\w-])", text):
                if doc.in_content(m.start()) and not _overlaps(m.start(), m.end(), taken):
                    ag.mentions.append((m.start(), m.end()))
        for alias in re.findall(rf"(?:known\s+as|called|dubbed)\s+(?:the\s+)?([A-Z][A-Za-z]{{1,7}})\b", text):
            if any(text[s:e] in text[max(0, text.find(alias) - 200):text.find(alias)] for s, e in ag.mentions[:1]):
                ag.aliases.add(alias)
    _governments(doc, agencies, origins, add)
    _generic_agencies(doc, agencies, origins, add)
    _ministries(doc, agencies, add)
    found = []
    for ag in agencies.values():
        evidence = []
        for s, _e in sorted(ag.mentions):
            sent = doc.sentence_at(s)
            if sent:
                sp = span(text, sent.start, sent.end)
                if sp not in evidence:
                    evidence.append(sp)
        aliases = sorted(a for a in ag.aliases if a != ag.name)
        if ag.acronym and ag.acronym != ag.name and ag.acronym not in aliases:
            aliases.append(ag.acronym)
        found.append(FoundAgency(name=ag.name, acronym=ag.acronym, aliases=aliases, country=ag.country,
                                 kind=ag.kind, evidence=evidence))
    return found


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|The|le|Le|la|La|de|De|het|Het|die|Die|der|Der)\s+", "", phrase.strip())


def _government_row(doc: _Doc, code: str, word: str) -> dict | None:
    """The gazetteer's government of `code` that answers to `word` ("government", "administration")."""
    word = fold(word)
    for row in doc.gaz.agencies:
        if (
            row.get("country") == code
            and row.get("kind") in ("other", "ministry", "screening")
            and any(fold(t) == word for t in row.get("generic_terms") or [])
        ):
            return row
    return None


def _governments(doc: _Doc, agencies: dict[str, _Agency], origins: set[str], add) -> None:  # type: ignore[no-untyped-def]
    """'the Belgian government', 'Canada's government', 'le gouvernement belge', 'the Trump-led US administration'."""
    text = doc.text
    for sent in doc.content:
        for m in doc.rules.government_re.finditer(text, sent.start, sent.end):
            word = m.group("g")
            # "UK Government Investments Headquarters" is a name, not the government
            if word.lower() == "authorities" or re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
                continue
            g_start = m.start("fed") if m.group("fed") else m.start("g")
            hit = doc.country_before(g_start, sent.start) or doc.country_after(m.end("g"), sent.end)
            if word == "Bundesregierung":
                code, start = "DE", m.start()
            elif hit is not None:
                code, start = hit.key, min(hit.start, m.start())
            elif m.group("fed") or m.group("fed2"):
                # "the federal government": the host country's government, if the story names it
                gov = next((a for a in agencies.values() if a.country == doc.host and _is_government(a)), None)
                if gov:
                    gov.aliases.add(_strip_article(m.group(0)))
                    gov.mentions.append((m.start(), m.end()))
                continue
            else:
                continue
            end = max(m.end(), hit.end if hit is not None else m.end())
            after = text[end : end + 40]
            before = text[max(sent.start, start - 12) : start]
            acting = bool(re.match(rf"\s*(?:,[^,]{{0,40}},\s*)?{_ACTION_VERBS}\b", after)) or bool(
                re.search(r"\bby\s+(?:the\s+)?$", before)
            )
            # the company's home government as the feared recipient of data is not a party
            if code in origins and code != doc.host and not acting:
                continue
            forms = [_strip_article(text[start:end])]
            led = re.search(r"((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’]*-led)\s+$", text[max(sent.start, start - 60) : start])
            if led:
                forms.insert(0, text[start - len(led.group(0)) : end].strip())
            row = _government_row(doc, code, word)
            ag = agencies.get(row["name"]) if row else None
            ag = ag or next((a for a in agencies.values() if a.country == code and _is_government(a)), None)
            if ag is None:
                ag = add(
                    row["name"] if row else forms[0],
                    start,
                    end,
                    kind=(row or {}).get("kind") or "other",
                    country=code,
                    gaz_index=doc.gaz.agencies.index(row) if row else None,
                )
            else:
                ag.mentions.append((start, end))
            ag.aliases.update(f for f in forms if f != ag.name)
            ag.acting = ag.acting or acting
    # capital-city metonyms: "Ottawa set out rules", "London had given in"
    line = dateline_place(doc.sentences)
    for hit in doc.place_hits:
        if hit.kind != "capital" or not doc.in_content(hit.start) or (line and line[1] == hit.start):
            continue
        after = text[hit.end:hit.end + 40]
        if not re.match(rf"\s*(?:,[^,]{{0,40}},\s*)?{_ACTION_VERBS}\b", after):
            continue
        gov = next((a for a in agencies.values() if a.country == hit.key and _is_government(a)), None)
        if gov:
            gov.aliases.add(hit.form)
            gov.mentions.append((hit.start, hit.end))
        elif hit.key not in {c for c in origins if c != doc.host} and re.match(
                r"\s*(?:said|announced|ordered|decided|blocked|imposed|banned|set\s+out|warned)\b", after):
            add(hit.form, hit.start, hit.end, kind="other", country=hit.key)


def _is_government(ag: _Agency) -> bool:
    return ag.kind in ("other", "screening") and bool(
        re.search(
            r"government|gouvernement|regering|overheid|Regierung|administration|cabinet|kabinet|White House",
            ag.name,
            re.IGNORECASE,
        )
    )


class _Match:
    """A PhraseMatcher hit dressed as an re.Match, for code written against regexes."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _n: int = 0) -> str:
        return self._text[self._start : self._end]


def _generic_agencies(doc: _Doc, agencies: dict[str, _Agency], origins: set[str], add) -> None:  # type: ignore[no-untyped-def]
    """'Belgium's security service', 'services de renseignement belges' -> that country's body."""
    text, gaz = doc.text, doc.gaz
    term_kind = {t.lower(): k for k, ts in doc.rules.generic_terms.items() for t in ts}
    government = {fold(w) for w in doc.rules.government_words}
    taken = [m for a in agencies.values() for m in a.mentions]
    for sent in doc.content:
        hits: list[tuple[int, int]] = []
        for hs, he, _label in sorted(doc.cues_in(sent.start, sent.end, "gen"), key=lambda c: c[0] - c[1]):
            if not _overlaps(hs, he, hits):
                hits.append((hs, he))
        for m in (_Match(text, hs, he) for hs, he in sorted(hits)):
            if _overlaps(m.start(), m.end(), taken):
                continue
            term = re.sub(r"\s+", " ", m.group(0).lower())
            hit = doc.country_before(m.start(), sent.start) or doc.country_after(m.end(), sent.end)
            of = re.match(r"\s+(?:of|de|van|von)\s+(?:the\s+|la\s+|l['’]\s*)?", text[m.end():m.end() + 20])
            if hit is None and of:
                hit = doc.country_after(m.end() + of.end() - 1, sent.end)
            if hit is None:
                continue
            code = hit.key
            if fold(term) in government or (
                code in origins
                and code != doc.host
                and not re.match(rf"\s*{_ACTION_VERBS}\b", text[m.end() : m.end() + 30])
            ):
                continue  # governments are _governments' job; a company's home services are context
            start, end = min(hit.start, m.start()), max(hit.end, m.end())
            phrase = _strip_article(text[start:end])
            kind = term_kind.get(term)
            row = next(
                (
                    r
                    for r in gaz.agencies
                    if r.get("country") == code and any(t.lower() == term for t in r.get("generic_terms") or [])
                ),
                None,
            )
            target = None
            if row:
                target = agencies.get(row["name"]) or add(row["name"], m.start(), m.end(), kind=row.get("kind") or kind,
                                                           country=code, acronym=row.get("acronym") or "")
            else:
                same = [a for a in agencies.values() if a.country == code and a.kind == kind]
                if len(same) == 1:
                    target = same[0]
            if target is None and kind:
                add(phrase, m.start(), m.end(), kind=kind, country=code)
            elif target is None:
                continue
            else:
                target.mentions.append((m.start(), m.end()))
                if phrase != target.name:
                    target.aliases.add(phrase)
            taken.append((m.start(), m.end()))


def _ministries(doc: _Doc, agencies: dict[str, _Agency], add) -> None:  # type: ignore[no-untyped-def]
    """Lower-case ministries: 'the finance ministry', 'the finance and economy ministries',
    'das Bundeswirtschaftsministerium'. A gazetteer ministry that answers to the phrase wins."""
    text = doc.text
    taken = [m for a in agencies.values() for m in a.mentions]
    for sent in doc.content:
        for m in doc.rules.ministry_re.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            hit = doc.country_before(m.start(), sent.start)
            code = hit.key if hit else ("DE" if m.group("de") else doc.host or doc.main_country)
            phrase = _strip_article(m.group(0))
            if m.group("de"):
                names = [m.group("de")]
                terms = [m.group("de"), re.sub(r"^Bundes", "", m.group("de"), flags=re.IGNORECASE).capitalize()]
            else:
                topics = [t.lower() for t in (m.group("a"), m.group("b"), m.group("d")) if t]
                names = [f"{t} ministry" for t in topics]
                terms = names
            for name, term in zip(names, terms[-len(names):], strict=True):
                row = next((r for r in doc.gaz.agencies if r.get("country") == code and any(
                    fold(t) in (fold(term), fold(name)) for t in [*(r.get("generic_terms") or []), *(r.get("aliases") or [])])),
                    None)
                target = row["name"] if row else name
                ag = agencies.get(target) or add(target, m.start(), m.end(), kind="ministry", country=code)
                if ag.mentions[-1] != (m.start(), m.end()):
                    ag.mentions.append((m.start(), m.end()))
                for form in (name, phrase):
                    if fold(form) != fold(ag.name):
                        ag.aliases.add(form)


# -- facilities ----------------------------------------------------------------------------


@dataclass
class _Facility:
    name: str
    kind: str
    start: int
    end: int
    named: bool = False
    city: str | None = None
    country: str | None = None
    operator: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


_FAMILY = {"airport": "logistics_hub"}


def _facilities(doc: _Doc, companies: list[_Company]) -> list[FoundFacility]:
    text, rules = doc.text, doc.rules
    company_spans = [m for c in companies for m in c.mentions]
    found: list[_Facility] = []
    for sent in doc.content:
        if _is_title_case_line(sent):
            continue
        for s, e, _pos in _cap_phrases(text, sent.start, sent.end, rules.stopwords - {"Government"}):
            toks = text[s:e].split()
            kind = rules.facility_heads.get(" ".join(toks[-2:])) or rules.facility_heads.get(toks[-1])
            if kind and len(toks) >= 2 and not _overlaps(s, e, company_spans):
                found.append(_Facility(text[s:e], kind, s, e, named=True))
        for m in re.finditer(r"(?<![\w-])([Pp]ort|[Hh]arbour|[Aa]irport)\s+of\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", text[sent.start:sent.end]):
            s, e = sent.start + m.start(), sent.start + m.end()
            kind = "airport" if m.group(1).lower() == "airport" else "port_terminal"
            found.append(_Facility(text[s:e], kind, s, e, named=True))
        for m in rules.facility_term_re.finditer(text, sent.start, sent.end):
            s, e = m.start(), m.end()
            if _overlaps(s, e, company_spans) or _overlaps(s, e, [(f.start, f.end) for f in found]):
                continue
            if not _facility_relevant(doc, sent, companies):
                continue
            kind = rules.facility_terms[m.group(1)]
            # lower-case modifiers in front ("national gene bank", "corn milling plant")
            s = _with_modifiers(text, sent.start, s)
            # French names follow the noun: "plateforme logistique d'Alibaba"
            of = re.match(r"\s+(?:d['’]|de\s+|du\s+)", text[e:e + 6])
            if of:
                owner = next(((cs, ce) for cs, ce in company_spans if cs == e + of.end()), None)
                if owner:
                    e = owner[1]
            found.append(_Facility(text[s:e], kind, s, e))
    for fac in found:
        _locate_facility(doc, fac)
        _facility_operator(doc, fac, companies)
    merged = _merge_facilities(found)
    out = []
    for fac in merged:
        lat = lon = None
        if fac.city and doc.gaz.city(fac.city):
            _, lat, lon, _pop = doc.gaz.city(fac.city)  # type: ignore[misc]
        evidence = []
        for s, _e in [(fac.start, fac.end), *fac.mentions]:
            sent = doc.sentence_at(s)
            if sent:
                sp = span(text, sent.start, sent.end)
                if sp not in evidence:
                    evidence.append(sp)
        out.append(FoundFacility(name=fac.name, kind=fac.kind, city=fac.city, country=fac.country,
                                 operator=fac.operator, latitude=lat, longitude=lon, evidence=evidence))
    return out


def _with_modifiers(text: str, floor: int, start: int) -> int:
    """Take in up to two plain lower-case words before a facility noun ("national gene bank")."""
    for _ in range(2):
        m = re.search(r"(?:^|(?<=\s))([a-zà-ÿ][a-zà-ÿ-]*)\s+$", text[max(floor, start - 30) : start])
        if not m:
            break
        word = m.group(1)
        if word in STOP_ADJECTIVES or word.endswith(("ing", "ed", "ly")):
            break
        start = max(floor, start - 30) + m.start(1)
    return start


def _facility_relevant(doc: _Doc, sent: Sentence, companies: list[_Company]) -> bool:
    """A descriptive facility counts only where the story ties it to a company or a place."""
    if _mentions_in(companies, sent.start, sent.end):
        return True
    if any(h.kind in ("city", "capital") and sent.start <= h.start < sent.end for h in doc.place_hits):
        return True
    if re.search(r"\b(?:the\s+company|the\s+group|the\s+firm|le\s+groupe|l['’]entreprise|het\s+bedrijf|das\s+Unternehmen|its|sa|son)\b",
                 sent.text):
        return True
    return bool(doc.cues_in(sent.start, sent.end, "cat:"))


def _locate_facility(doc: _Doc, fac: _Facility) -> None:
    text = doc.text
    sent = doc.sentence_at(fac.start)
    if sent is None:
        return
    best = None
    for hit in doc.place_hits:
        if not (sent.start <= hit.start < sent.end):
            continue
        if hit.kind in ("city", "capital"):
            gap_after = text[fac.end:hit.start]
            gap_before = text[hit.end:fac.start]
            if fac.start <= hit.start < fac.end:
                best = best or hit
            elif 0 <= len(gap_after) <= 60 and re.search(r"(?:\bin|\bat|\bof|\bde|d['’]|\bà|\bnear|\boutside|\bbei|\bnabij|\bte)\s+(?:the\s+city\s+of\s+|la\s+ville\s+de\s+|de\s+stad\s+)?$", gap_after) and hit.start >= fac.end:
                best = best or hit
            elif hit.end <= fac.start and re.fullmatch(r"\s*(?:['’]s\s+)?(?:[\w-]+\s+)?", gap_before):
                best = best or hit
    if best is not None:
        fac.city = best.form if best.kind == "city" else best.form
        info = doc.gaz.city(best.form)
        fac.country = info[0] if info else best.key
    if fac.country is None:
        hit = doc.country_before(fac.start, sent.start, words=2)
        if hit and not re.match(r"['’]s", text[hit.end:hit.end + 2]):
            hit = None
        if hit is None:
            for cand in doc.countries_in(fac.end, min(sent.end, fac.end + 80)):
                if re.search(r"(?:\bin|\ben|\bim|\bà|\bau|\baux|\bin\s+het)\s+(?:the\s+)?$", text[max(0, cand.start - 12):cand.start]):
                    hit = cand
                    break
        own = _country_in(doc, fac.name + " ") if fac.named else None
        fac.country = (hit.key if hit else None) or own or doc.host or doc.main_country


def _facility_operator(doc: _Doc, fac: _Facility, companies: list[_Company]) -> None:
    text = doc.text
    sent = doc.sentence_at(fac.start)
    if sent is None:
        return
    here = _mentions_in(companies, sent.start, sent.end)
    after = text[fac.end:sent.end]
    m = re.match(rf"[^.;]{{0,30}}?{OPERATE_VERBS}\s+", after)
    if m:
        at = fac.end + m.end()
        nxt = next((c for s, _e, c in here if at <= s <= at + 40), None)
        if nxt:
            fac.operator = nxt.name
            return
    for s, e, c in here:
        if re.match(r"\s*,\s*(?:the|a)\s+company\s+that\s+(?:runs|operates|manages|owns)\s", text[e:e + 60]) and s < fac.start:
            fac.operator = c.name
            return
    if re.match(r"\s*,\s*a\s+(?:facility|site|plant)\s+(?:that\s+|which\s+)?the\s+(?:company|group|firm)\s+(?:operates|runs|owns)", after):
        main = max(companies, key=lambda c: len(c.mentions), default=None)
        fac.operator = main.name if main else None
        return
    for s, e, c in here:
        if e <= fac.start and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,3}", text[e:fac.start]):
            fac.operator = c.name
            return
        if s >= fac.end and re.fullmatch(r"\s+(?:of|d['’]|de|du|van|von)\s+(?:[\w-]+\s+){0,6}", text[fac.end:s]):
            fac.operator = c.name
        if fac.start <= s < fac.end:
            fac.operator = c.name


def _merge_facilities(found: list[_Facility]) -> list[_Facility]:
    """Mentions of one site (named once, described three times) become one facility."""
    merged: list[_Facility] = []
    for fac in sorted(found, key=lambda f: (not f.named, f.kind == "airport", f.city is None, f.start)):
        family = _FAMILY.get(fac.kind, fac.kind)
        target = None
        for other in merged:
            if _FAMILY.get(other.kind, other.kind) != family:
                continue
            if fac.named and other.named and fac.name.lower() != other.name.lower():
                continue
            if fac.city and other.city and fac.city != other.city:
                continue
            if fac.country and other.country and fac.country != other.country and fac.city is None:
                continue
            target = other
            break
        if target is None:
            merged.append(fac)
        else:
            target.mentions.append((fac.start, fac.end))
            target.operator = target.operator or fac.operator
            target.city = target.city or fac.city
    # an airport that only locates a hub is part of that hub, not a second facility
    return merged


# -- concerns ------------------------------------------------------------------------------

_MEASURE_OBJECT = re.compile(
    r"(?:keep|keeping|kept|bar|barred|bars|ban|banned|bans|banning|shut|shutting|push|pushing|pushed|block|blocked|blocking|"
    r"exclude|excluded|excluding|prevent|prevented|stop|stopped|order|ordered|force|forced|tell|told)\s+$",
    re.IGNORECASE,
)


def _categories(doc: _Doc, start: int, end: int, skip: list[tuple[int, int]]) -> set[str]:
    found = {label[4:] for s, e, label in doc.cues_in(start, end, "cat:") if not _overlaps(s, e, skip)}
    if _ORDER_TO_SELL.search(doc.text, start, end):
        found.add("investment_screening")
    if "data_access" not in found:
        for s, e, _label in doc.cues_in(start, end, "datanoun"):
            if doc.rules.data_verb.search(doc.text, max(start, s - 80), min(end, e + 60)):
                found.add("data_access")
                break
    return found


_ORDER_TO_SELL = re.compile(
    r"\b(?:order(?:ed|s)?|forc(?:ed|es|e)|told|tells|requir(?:ed|es)|instruct(?:ed|s))\b[^.;]{0,140}?\bto\s+"
    r"(?:sell|divest|dispose|give\s+up|unwind|offload)\b",
    re.IGNORECASE,
)


def _status(doc: _Doc, start: int, end: int) -> str | None:
    hits = {label[3:] for _s, _e, label in doc.cues_in(start, end, "st:")}
    if _ORDER_TO_SELL.search(doc.text, start, end):
        hits.add("divestment_ordered")
    for st, rx in doc.rules.status_gaps:
        if rx.search(doc.text, start, end):
            hits.add(st)
    return next((st for st in STATUS_PRIORITY if st in hits), None)


def _clauses(text: str, sent: Sentence) -> list[tuple[int, int]]:
    cuts = [sent.start]
    for m in re.finditer(r",\s+(?:while|whereas|but|alors\s+que|tandis\s+que|terwijl|während)\s+|;\s+|\s+and\s+(?=[A-Z])",
                         text[sent.start:sent.end]):
        cuts.append(sent.start + m.end())
    cuts.append(sent.end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _concerns(doc: _Doc, companies: list[_Company], agencies: list[FoundAgency],
              facilities: list[FoundFacility]) -> list[FoundConcern]:
    text, rules = doc.text, doc.rules
    if not companies:
        return []
    by_name = {c.name: c for c in companies}
    domestic = {c.name for c in companies if doc.host and c.country == doc.host}
    agency_spans = _agency_spans(doc, agencies)
    all_agency_spans = [s for spans in agency_spans.values() for s in spans]
    targets: set[tuple[int, int]] = set()
    for co in companies:
        for s, e in co.mentions:
            sent = doc.sentence_at(s)
            pre = text[sent.start if sent else 0:s]
            if rules.deal_before.search(pre[-60:]):
                targets.add((s, e))
            if _MEASURE_OBJECT.search(pre[-20:]):
                co.subject_score += 4
            if re.match(r"\s+(?:must|has\s+to|have\s+to|was\s+ordered\s+to)\s+", text[e:e + 30]):
                co.subject_score += 4
            co.subject_score += 1
            if sent and (_categories(doc, sent.start, sent.end, all_agency_spans) or _status(doc, sent.start, sent.end)):
                co.subject_score += 2
    if not any(c.country and c.country != doc.host for c in companies):
        domestic = set()  # a story about home companies only (a country's own champion)
    candidates = [c for c in companies if c.name not in domestic]
    if not candidates:
        return []
    main = max(candidates, key=lambda c: c.subject_score)
    main_group = {main.name} | {c.name for c in companies if c.parent == main.name or c.name == main.parent}
    # a company of unknown origin is a concern's subject only as the story's main company
    domestic |= {c.name for c in companies if not c.country and c.name not in main_group}
    rep = {c.name: _representative(c, companies, by_name) for c in companies}
    pairs: dict[tuple[str, str], dict] = {}
    statuses: dict[str, list[str]] = {}
    for sent in doc.content:
        negated = bool(doc.cues_in(sent.start, sent.end, "neg"))
        here = [
            (s, e, c)
            for s, e, c in _mentions_in(companies, sent.start, sent.end)
            if c.name not in domestic and (s, e) not in targets
        ]
        units: list[tuple[int, int, list[_Company]]] = []
        subjects = list(dict.fromkeys(c.name for _s, _e, c in here))
        if len(subjects) > 1:
            for a, b in _clauses(text, sent):
                names = list(dict.fromkeys(c.name for s, _e, c in here if a <= s < b))
                units.append((a, b, [by_name[n] for n in names] or [main]))
        else:
            units.append((sent.start, sent.end, [by_name[n] for n in subjects] or [main]))
        for a, b, subs in units:
            cats = set() if negated else _categories(doc, a, b, all_agency_spans)
            status = None if negated else _status(doc, a, b)
            if not cats and not status:
                continue
            for co in subs:
                key = rep[co.name]
                if status:
                    statuses.setdefault(key, []).append(status)
                for cat in cats:
                    pairs.setdefault((key, cat), {"span": (a, b), "status": status, "companies": {key, co.name}})
    _implicit_concerns(doc, main, rep, agencies, pairs, statuses)
    _site_concerns(doc, companies, facilities, pairs)
    concerns = []
    for (key, cat, *_site), info in pairs.items():
        a, b = info["span"]
        status = info["status"] or _best_status(statuses.get(key, [])) or "other"
        ag = _concern_agency(doc, agencies, agency_spans, a, b, cat)
        fac = info.get("facility") or _concern_facility(doc, facilities, key, by_name, a, b)
        concerns.append(FoundConcern(
            categories=[cat], status=status, quote=span(text, a, b),
            companies=sorted(info["companies"], key=lambda n: n != key),
            agencies=[ag] if ag else [], facilities=[fac] if fac else [], host_country=doc.host,
            title=f"{key}: {cat.replace('_', ' ')}"))
    return concerns


def _site_concerns(
    doc: _Doc, companies: list[_Company], facilities: list[FoundFacility], pairs: dict[tuple[str, ...], dict]
) -> None:
    """A company's kit found at a named site someone else runs is a case at that site too:
    'Hikvision cameras are visible at the X Headquarters'."""
    by_name = {c.name: c for c in companies}
    for key, cat in [k for k in pairs if len(k) == 2]:
        group = {key} | {c.name for c in companies if c.parent == key or c.name == by_name[key].parent}
        for fac in facilities:
            # equipment in someone else's building, not the company's own port or plant
            if not fac.name[:1].isupper() or fac.kind not in ("office", "other") or (fac.operator and fac.operator in group):
                continue
            for ev in fac.evidence:
                if any(ev.start <= s < ev.end for c in group for s, _e in by_name[c].mentions):
                    pairs.setdefault(
                        (key, cat, fac.name),
                        {"span": (ev.start, ev.end), "status": None, "companies": {key}, "facility": fac.name},
                    )
                    break


def _implicit_concerns(
    doc: _Doc,
    main: _Company,
    rep: dict[str, str],
    agencies: list[FoundAgency],
    pairs: dict[tuple[str, str], dict],
    statuses: dict[str, list[str]],
) -> None:
    """A measure with no stated danger is still a case; a screening body's interest is one."""
    key = rep[main.name]
    has_cat = any(k == key for k, _c in pairs)
    screening = [a for a in agencies if a.kind == "screening"]
    if screening and (key, "investment_screening") not in pairs:
        ev = screening[0].evidence[0] if screening[0].evidence else None
        if ev:
            st = _status(doc, ev.start, ev.end)
            pairs[(key, "investment_screening")] = {"span": (ev.start, ev.end), "status": st, "companies": {key}}
            return
    for name, sts in statuses.items():
        if any(k == name for k, _c in pairs) or (name == key and has_cat):
            continue
        best = _best_status(sts)
        cat = "investment_screening" if best in ("divestment_ordered", "blocked", "approved_with_conditions") else "other"
        if best in ("monitoring", "under_review") and name != key:
            continue
        for sent in doc.content:
            if _status(doc, sent.start, sent.end) == best:
                pairs[(name, cat)] = {"span": (sent.start, sent.end), "status": best, "companies": {name}}
                break


def _representative(co: _Company, companies: list[_Company], by_name: dict[str, _Company]) -> str:
    """A parent and its subsidiaries are one party; the one the story names most stands for it."""
    group = {co.name}
    changed = True
    while changed:
        changed = False
        for c in companies:
            if c.name not in group and (c.parent in group or (c.name == co.parent) or any(
                    by_name[g].parent == c.name for g in group if g in by_name)):
                if c.inherit_country or by_name[co.name].inherit_country or c.parent in group or c.name == co.parent:
                    group.add(c.name)
                    changed = True
    return max(group, key=lambda n: (len(by_name[n].mentions), n))


def _best_status(statuses: list[str]) -> str | None:
    return next((st for st in STATUS_PRIORITY if st in statuses), None)


def _agency_spans(doc: _Doc, agencies: list[FoundAgency]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for ag in agencies:
        for form in {ag.name, *ag.aliases, *( [ag.acronym] if ag.acronym else [])}:
            flags = 0 if len(form) <= 5 else re.IGNORECASE
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text, flags):
                spans.setdefault(ag.name, []).append((m.start(), m.end()))
    return spans


def _concern_agency(doc: _Doc, agencies: list[FoundAgency], spans: dict[str, list[tuple[int, int]]],
                    a: int, b: int, category: str) -> str | None:
    sent = doc.sentence_at(a)
    lo, hi = (sent.start, sent.end) if sent else (a, b)
    inside = [ag for ag in agencies if any(lo <= s < hi for s, _e in spans.get(ag.name, []))]
    order = {"intelligence": 0, "screening": 0, "regulator": 1, "ministry": 2, "other": 2, "parliament": 3}
    if inside:
        return min(inside, key=lambda ag: order.get(ag.kind, 4)).name
    if re.search(r"\b(?:security|intelligence)\s+(?:service|agency)|renseignement|veiligheidsdienst|Nachrichtendienst",
                 doc.text[lo:hi], re.IGNORECASE):
        intel = [ag for ag in agencies if ag.kind == "intelligence"]
        if intel:
            return intel[0].name
    wanted = {"espionage": "intelligence", "interference": "intelligence", "data_access": "intelligence",
              "investment_screening": "screening"}.get(category)
    pool = [ag for ag in agencies if ag.kind == wanted]
    return pool[0].name if len(pool) == 1 else None


def _concern_facility(doc: _Doc, facilities: list[FoundFacility], key: str, by_name: dict[str, _Company],
                      a: int, b: int) -> str | None:
    group = {key} | {c.name for c in by_name.values() if c.parent == key or key == c.parent}
    for fac in facilities:
        if any(ev.start <= a < ev.end or a <= ev.start < b for ev in fac.evidence):
            return fac.name
    own = [f for f in facilities if f.operator in group]
    return own[0].name if len(own) == 1 else None


# -- countries and events ------------------------------------------------------------------


def _countries(doc: _Doc, result: Extraction) -> list[str]:
    codes: list[str | None] = []
    codes += [c.country for c in result.companies]
    codes += [a.country for a in result.agencies]
    codes += [f.country for f in result.facilities]
    text, rules = doc.text, doc.rules
    for hit in doc.place_hits:
        if hit.kind not in ("country", "capital") or not doc.in_content(hit.start):
            continue
        before = text[max(0, hit.start - 25):hit.start]
        after = text[hit.end:hit.end + 30]
        if re.search(r"(?:according\s+to|selon|volgens|laut)\s+(?:the\s+|la\s+|le\s+|les\s+|de\s+)?$", before, re.IGNORECASE) or \
                re.match(r"\s+(?:officials\s+|authorities\s+|lawmakers\s+)?(?:have|has|had)?\s*(?:voiced|warned|argued|expressed|raised|criticised|criticized|protested|imposed)\b",
                         after) or re.match(r"\s+pressure\b", after):
            codes.append(hit.key)
    return sorted({c for c in codes if c})


def _events(doc: _Doc, published: object) -> list[FoundEvent]:
    import datetime as dt

    base = published if isinstance(published, dt.date) else None
    events: list[FoundEvent] = []
    order = ["listing", "agreement", "divestment", "ban", "acquisition", "decision", "review_opened", "investment",
             "statement"]
    for sent in doc.content:
        for m in find_dates(doc.text, sent.start, sent.end):
            if m.group("year") and re.match(r"(?:by|until)\b", m.group("year"), re.IGNORECASE):
                continue
            parsed = parse_date(m, base)
            if not parsed:
                continue
            kinds = {label[3:] for _s, _e, label in doc.cues_in(sent.start, sent.end, "ev:")}
            kind = next((k for k in order if k in kinds), None)
            if kind is None:
                continue
            events.append(FoundEvent(date=parsed[0], precision=parsed[1], kind=kind,
                                     description=sent.text.strip()[:300], evidence=span(doc.text, sent.start, sent.end)))
            break
    return events
