"""Shared pieces of the extract stage: compiled cue rules, the per-article working state and
small helpers over capitalised names and places. See tracker/ingest/extract.py."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import (
    MIN_CITY_POPULATION,
    SEA_WORDS,
    Gazetteer,
    Hit,
    PhraseMatcher,
    SpanSet,
    fold,
    strip_accents,
    town_populations,
)
from .textparts import (
    Sentence,
)
from .types import (
    Span,
)

# the status cues of a measure taken (a review or a watch is none)
MEASURES = frozenset({"blocked", "banned", "divestment_ordered", "approved_with_conditions"})
MEASURE_CUES = frozenset(f"st:{status}" for status in MEASURES)

STATUS_PRIORITY = [
    "divestment_ordered",
    "banned",
    "blocked",
    "approved_with_conditions",
    "under_review",
    "monitoring",
    "closed",
]


def best_status(statuses: list[str]) -> str | None:
    """The strongest of these statuses (a measure over a review over a watch), None for none of them."""
    return next((st for st in STATUS_PRIORITY if st in statuses), None)


CONNECTORS = {"of", "de", "du", "van", "von", "für", "&", "del", "di", "la"}


RELATION_SUFFIXES = (
    "owned",
    "based",
    "backed",
    "led",
    "controlled",
    "made",
    "run",
    "linked",
    "listed",
    "funded",
    "registered",
)


STOP_ADJECTIVES = {
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "main",
    "new",
    "first",
    "only",
    "key",
    "major",
    "former",
    "biggest",
    "largest",
    "own",
    "same",
    "such",
    "which",
    "whose",
    "le",
    "la",
    "les",
    "un",
    "une",
    "sa",
    "son",
    "ses",
    "de",
    "het",
    "een",
    "zijn",
    "haar",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "seine",
    "ihre",
    "in",
    "at",
    "of",
    "for",
    "to",
    "on",
    "by",
    "and",
    "or",
    "with",
    # function words of the other languages: "und den Standort in X" starts at "Standort"
    "und",
    "oder",
    "den",
    "dem",
    "des",
    "einen",
    "einem",
    "eines",
    "im",
    "am",
    "zum",
    "zur",
    "vom",
    "beim",
    "für",
    "mit",
    "von",
    "bei",
    "aus",
    "et",
    "ou",
    "du",
    "au",
    "aux",
    "en",
    "van",
    "op",
    "bij",
    "met",
    "voor",
}


OPERATE_VERBS = (
    r"(?:run|operated|managed|exploité|exploitée|géré|gérée|opéré|opérée|geëxploiteerd|uitgebaat|beheerd|betrieben|"
    r"geführt|verwaltet)"
    # "exploité depuis 2022 par", "run since 2019 by": the date between the participle and its agent
    r"(?:\s+(?:since|from|depuis|sinds|seit)\s+(?:\d{4}|last\s+year|l['’]an\s+dernier|vorigs?\s+jaar|letztem\s+Jahr))?"
    r"\s+(?:by|par|door|von)"
)


# a registered firm's legal form closing a name: "Nordvik Marine AS", "Elmos Semiconductor SE"
LEGAL_FORM_END = re.compile(
    r"\s(?:AG|GmbH|SE|KGaA|KG|SA|S\.A\.|SAS|NV|N\.V\.|BV|B\.V\.|plc|PLC|Ltd\.?|Limited|Inc\.?|LLC|SpA|S\.p\.A\.|"
    r"Srl|Oyj?|AB|ASA?|A/S)$"
)
# the "of" before a body's country: "Ministry of Finance of Cyprus"
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _phrase_re(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = re.escape(p.rstrip("*")).replace(r"\ ", r"\s+").replace(r"\*", r"\w+")
        parts.append(body + (r"\w*" if p.endswith("*") else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


@lru_cache(maxsize=4096)
def squash(text: str) -> str:
    """Letters and digits only, no accents or case: "L'Usine Digitale" -> "lusinedigitale"."""
    return re.sub(r"[^a-z0-9]", "", strip_accents(text).lower())


# what a French company noun is "of": "des caméras", "de caméras de surveillance", "de l'acier"
_FR_COMPLEMENT = r"(?:\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)[a-zà-ÿ][\w-]*){1,2}"


# a word in a status cue's gap, a sum among them ("$1.5", "€200m")
_GAP_WORD = r"[$€£¥]?[\w’'-]+(?:[.,][\w’'-]+)*"
# First characters whose case-insensitive matches `re` keeps apart: no character matches two of
# them unless they lower alike (checked in tests/test_extract_speed.py).
_CASE_KEYS = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]")


def _alternation(terms: list[str], *, ignore_case: bool = False) -> str:
    """The terms as a regex alternation, longest first, any space as `\\s+`. Terms are grouped
    under their first character (lowered for a case-insensitive pattern): terms that start
    differently never match at the same place, so the regex tries the same terms in the same order
    but skips most of them at once."""
    ordered = sorted(terms, key=len, reverse=True)
    if any(not t or t[0].isspace() or (ignore_case and not _CASE_KEYS.fullmatch(t[0])) for t in ordered):
        return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)
    by_first: dict[str, list[str]] = {}
    for t in ordered:
        by_first.setdefault(t[0].lower() if ignore_case else t[0], []).append(re.escape(t[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


class _Rules:
    def __init__(self, gaz: Gazetteer) -> None:
        lex = gaz.lexicon
        self.boilerplate = [b.lower() for b in lex.get("boilerplate", [])]
        self.company_cue = _phrase_re(lex["company_cues"])
        self.cue_words = {c.lower() for c in lex["company_cues"]}
        cue_alt = self.company_cue.pattern[len(r"(?<![\w-])(?:") : -len(r")(?![\w-])")]
        # French puts adjectives after the noun: "sa branche logistique, Cainiao"
        self.cue_before_fr = re.compile(
            r"(?<![\w-])(?:entreprise|société|groupe|firme|filiale|branche|opérateur|exploitant|fabricant|"
            r"constructeur|fournisseur|géant|investisseur|acquéreur|banque|fonds|conglomérat|holding|consortium)s?"
            # "le géant chinois des caméras X", "du fabricant chinois de caméras de surveillance X"
            r"(?:(?:\s+(?!(?:de|du|des|d)(?![\w-]))[a-zà-ÿ][\w-]*){1,2}(?:"
            + _FR_COMPLEMENT
            + r")?\s*,?|(?:\s+(?!(?:de|du|des|d)(?![\w-]))[a-zà-ÿ][\w-]*){0,2}"
            + _FR_COMPLEMENT
            # "le fonds d'investissement américain X": an adjective after the complement
            + r"(?:\s+(?!(?:pour|par|avec|sur|dans|en|et|à|au|aux|qui|que|dont)(?![\w-]))[a-zà-ÿ][\w-]*)?"
            + r"\s*,?|\s*,)\s*$",
            re.IGNORECASE,
        )
        self.deal_before = re.compile(
            r"(?<![\w-])(?:"
            + _alternation(lex["deal_before"], ignore_case=True)
            # an elided article ends the word itself: "le rachat d'Exavia"
            + r")(?:\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+|die\s+|der\s+)?|(?<=['’]))$",
            re.IGNORECASE,
        )
        self.appositive = re.compile(
            # the article may be missing in nl/de/fr: "Nexperia, dochterbedrijf van ...", "X, filiale de ..."
            r"^\s*,\s*(?:(?:the|a|an|its|la|le|les|l['’]|une?|het|een|de|die|der|das|eine?)\s+)?((?:[\w’'.\-]+\s+){0,6}?)("
            + cue_alt
            # a plural after a pair: "SFR et Bouygues Telecom, les deux opérateurs"
            + r")(?:s|en)?(?![\w'’-])",
            re.IGNORECASE,
        )
        self.described_as = re.compile(
            r"^\s+(?:is|was|as|est|ist|is\s+een)\s+(?:a|an|the|un|une|een|ein|eine)\s+((?:[\w’'.\-]+\s+){0,5}?)("
            + cue_alt
            + r")(?![\w'’-])",
            re.IGNORECASE,
        )
        self.suffixes = set(lex["legal_suffixes"])
        self.stopwords = set(lex["not_company_words"])
        # capitalised relation words that can open a company phrase ("Tochter Aixtron Inc.")
        self.relation_nouns = {w for w in lex["subsidiary_cues"] + lex["parent_cues"] if w[:1].isupper()}
        self.person_titles = _phrase_re(lex["person_titles"], 0)
        self.given_names = set(lex.get("given_names") or [])
        self.surnames_first = set(lex.get("surnames_first") or [])
        self.person_titles_any_case = _phrase_re(lex["person_titles"])  # "then the business secretary"
        self.subsidiary_cue = _phrase_re(lex["subsidiary_cues"])
        self.parent_cue = _phrase_re(lex["parent_cues"])
        # the same cues where they end the text before a name: "die schwedische Tochter X", "owned by X"
        self.subsidiary_cue_end = re.compile(rf"(?:{self.subsidiary_cue.pattern})\s*$", re.IGNORECASE)
        self.parent_cue_end = re.compile(rf"(?:{self.parent_cue.pattern})\s*,?\s*$", re.IGNORECASE)
        # "darf die Tochter COSCO Shipping Ports ...": a subsidiary named by its cue and article alone
        self.the_subsidiary_end = re.compile(
            rf"(?:^|\s)(?:the|die|der|de|het|la|le)\s+(?:{self.subsidiary_cue.pattern})\s*,?\s*$", re.IGNORECASE
        )
        # "X, the Chinese parent of Y", "X, het moederbedrijf van Y": a parent in apposition
        self.parent_apposition = re.compile(
            rf"\s*,\s*(?:the|a|an|its|la|le|het|de|die|der)\s+(?P<own>[\w'’]+\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?:{self.parent_cue.pattern})",
            re.IGNORECASE,
        )
        # "its Dutch unit X", "Anhui Kelan's subsidiary X": the possessor before a subsidiary cue
        possessors = r"(?:its|their|sa|son|ses|leur|leurs|zijn|haar|hun|seine|seiner|ihre|ihrer)"
        self.owned_unit_end = re.compile(
            rf"(?<![\w'’])(?P<own>{possessors}|[\w.&-]+['’]s?)\s+(?:[\w-]+\s+){{0,3}}?(?:{self.subsidiary_cue.pattern})"
            # "its unit called X", not "transfer their business units to X": X is where they go
            r"(?:\s+(?!(?:to|into|from|for|with|by|à|aan|naar|an|zu)\b)[a-zà-ÿ][\w-]*){0,2}\s*,?\s*$",
            re.IGNORECASE,
        )
        # a possessor of a named unit: "Anhui Kelan's Dutch unit Kelan Europe"
        self.owner_of_unit = re.compile(
            rf"['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:{self.subsidiary_cue.pattern})\b", re.IGNORECASE
        )
        heads = lex["agency_heads"]
        order = ("intelligence", "screening", "law_enforcement", "parliament", "ministry", "regulator", "other")
        self.agency_heads_sorted = [(k, sorted(heads.get(k, []), key=len, reverse=True)) for k in order]
        self.agency_not_heads = set(lex["agency_not_heads"])
        self.generic_terms = {kind: terms for kind, terms in lex["generic_agency_terms"].items()}
        self.government_words = lex["government_words"]
        # a head of government by surname, accents aside (the first word too for names written family name
        # first), with the full names it stands for; a surname two countries' leaders share says nothing
        leaders: dict[str, set[str]] = {}
        self.leader_names: dict[str, list[str]] = {}
        for code, people in (lex.get("heads_of_government") or {}).items():
            for person in people:
                words = [w for w in person.split() if w.rstrip(".") not in ("Jr", "Sr")]
                for key in {words[-1]} | ({words[0]} if code in ("CN", "KR", "TW") else set()):
                    key = strip_accents(fold(key))
                    leaders.setdefault(key, set()).add(code)
                    self.leader_names.setdefault(key, []).append(strip_accents(fold(" ".join(words))))
        self.leader_country = {key: next(iter(codes)) for key, codes in leaders.items() if len(codes) == 1}
        self.deal_words = _phrase_re(lex.get("deal_words", ["stake"]))
        # gazetteer agencies by (country, generic term) and (country, alias), for "<adjective> <term>"
        self.generic_rows: dict[tuple[str, str], list[dict]] = {}
        self.alias_rows: dict[tuple[str, str], list[dict]] = {}
        # and by term alone, for a body whose name says its country ("ministerie van Economische Zaken")
        self.term_rows: dict[str, list[dict]] = {}
        self.plain_rows: dict[tuple[str, str], list[dict]] = {}
        for row in gaz.agencies:
            for term in row.get("generic_terms") or []:
                self.generic_rows.setdefault((row.get("country") or "", fold(term)), []).append(row)
            for alias in row.get("aliases") or []:
                self.alias_rows.setdefault((row.get("country") or "", fold(alias)), []).append(row)
            for form in {fold(f) for f in (row.get("generic_terms") or []) + (row.get("aliases") or [])}:
                self.term_rows.setdefault(form, []).append(row)
            # and by country and accent-free form: papers write "ministère de l'Economie" for "l'Économie"
            for form in {strip_accents(fold(f)) for f in (row.get("generic_terms") or []) + (row.get("aliases") or [])}:
                self.plain_rows.setdefault((row.get("country") or "", form), []).append(row)
        # what a story set in the country calls "Lithuanian National Cyber Security Centre": the
        # name without its adjective, which another country's body may bear as its own
        self.unqualified_rows: dict[tuple[str, str], dict] = {}
        for row in gaz.agencies:
            first, _, rest = row["name"].partition(" ")
            if rest and row.get("country") and gaz.adjectives.get(first.lower()) == row["country"]:
                self.unqualified_rows.setdefault((row["country"], fold(rest)), row)
            # and without its country: "Personal Information Protection Commission of Japan", "Ministry
            # of Commerce of the People's Republic of China" (any "of" may be the one before the country)
            for form in [row["name"], *(row.get("aliases") or [])] if row.get("country") else []:
                for named in _OF_COUNTRY.finditer(form):
                    if gaz.country_code(form[named.end() :]) == row["country"]:
                        self.unqualified_rows.setdefault((row["country"], fold(form[: named.start()])), row)
                        break
        # international organisations (NATO, the UN): bodies of no country
        self.international_bodies = {row["name"] for row in gaz.agencies if not row.get("country")}
        self.ministry_topics = lex["ministry_topics"]
        topics = "|".join(re.escape(t) for t in sorted(self.ministry_topics, key=len, reverse=True))
        nl_sorted = sorted(lex.get("ministry_topics_nl", []), key=len, reverse=True)
        nl_topics = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in nl_sorted)
        nl_bare = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in nl_sorted if " " in t) or "(?!)"
        # a match holds one of these, so a sentence without them is skipped (see ministry_matches)
        self.ministry_keys = ("minist", "secretar")
        self.ministry_bare_words = sorted({t.split(" ")[0] for t in nl_sorted if " " in t})
        self.ministry_re = re.compile(
            rf"(?<![\w-])(?P<a>{topics})(?:\s+and\s+(?P<b>{topics}))?\s+ministr(?:y|ies)\b"
            rf"|\bministry\s+of\s+(?P<d>{topics})\b"
            # a minister's title names the ministry: "Justice Minister Monica Maeland", "the economy minister"
            # one minister may hold two portfolios: "Industry and Trade Minister Karel Havlíček"
            rf"|(?<![\w-])(?:(?:{topics})\s+and\s+)?(?P<t>{topics})\s+(?:minister|secretary)\b"
            r"|(?<![\w-])(?P<de>(?:Bundes)?(?:wirtschafts|finanz|innen|außen|verteidigungs|justiz|verkehrs|gesundheits|"
            r"umwelt|digital|forschungs|handels|wirtschafts-\s*und\s*klimaschutz)minister)"
            # declined or a title: "des Wirtschaftsministeriums", "Bundeswirtschaftsminister Habeck"
            r"(?:iums?|in|s)?\b"
            # Dutch names the topic after the noun, and a minister's title names the same body:
            # "het ministerie van Economische Zaken", "Minister Karremans van Economische Zaken"
            rf"|\b(?P<nlhead>ministerie|(?:staatssecretaris|minister)(?:\s+(?-i:[A-Z])[\w-]+){{0,2}})\s+van\s+"
            # a portfolio list: "ministerie van Handel, Industrie en Energie"
            # a list of portfolios ends in "en": "Economische Zaken, Landbouw en Innovatie"; not
            # "minister van Telecommunicatie, Philippe De Backer"
            rf"(?P<nl>(?:{nl_topics})(?:(?:\s*,\s+(?-i:[A-Z])[\w-]+)*\s+en\s+(?-i:[A-Z])[\w-]+(?=\s*,|\s*\.|\s+(?-i:[a-z])))?)\b"
            # a capitalised two-word portfolio is the ministry on its own: "de AIVD, die onder
            # Binnenlandse Zaken valt"; one-word ones ("Defensie", "Handel") start sentences too
            rf"|(?<![\w-])(?P<nlbare>(?-i:{nl_bare}))(?![\w-])",
            re.IGNORECASE,
        )
        self.facility_terms = {term: kind for kind, terms in lex["facility_terms"].items() for term in terms}
        need_place = lex.get("facility_terms_need_place", {})
        self.facility_need_place = {term for terms in need_place.values() for term in terms}
        for kind, terms in need_place.items():
            for term in terms:
                self.facility_terms.setdefault(term, kind)

        # German nouns decline: "des Terminals Tollerort", "des Werkes"; group 2 holds the noun and
        # the ending stays outside it ("Raffinerien" is a plural, see facility_list_re)
        german = [t for t in self.facility_terms if re.match(r"[A-ZÄÖÜ][a-zäöüß]", t)]
        others = [t for t in self.facility_terms if t not in german]
        compound = lex.get("facility_compound_suffixes", {})
        self.facility_suffixes = sorted(
            ((suffix, kind) for kind, suffixes in compound.items() for suffix in suffixes), key=lambda p: -len(p[0])
        )
        self.facility_not = set(lex.get("facility_compound_not", []))
        glued = "|".join(re.escape(x) for x, _kind in self.facility_suffixes) or "(?!)"
        self.facility_term_re = re.compile(
            rf"(?<![\w])(?:({_alternation(others)})|({_alternation(german)}|[A-ZÄÖÜ][a-zäöüß]{{2,}}(?:{glued}))"
            rf"(?P<infl>e?s|e?n)?)(?![\w-])"
        )
        self.facility_list_heads = {
            w: kind for kind, words in lex.get("facility_list_heads", {}).items() for w in words
        }
        # "drei Raffinerien: PCK Schwedt, ...", and without the colon "an den Raffinerien MiRo in Karlsruhe"
        self.facility_list_re = re.compile(
            rf"(?<![\w])({_alternation(list(self.facility_list_heads))})(?:\s*(?P<colon>:)\s*|\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž]))"
        )
        self.facility_heads_first = {
            w: kind for kind, words in lex.get("facility_heads_first", {}).items() for w in words
        }
        self.facility_heads_first_re = re.compile(
            rf"(?<![\w-])({_alternation(list(self.facility_heads_first))})s?\s+([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)(?![\w'’-])"
        )
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
        # the few status cues with a gap in the middle: "keep * from acquiring", each with its
        # first word and all its words, so that a text without them skips the pattern
        self.status_gaps = [
            (
                st,
                re.compile(
                    r"(?<![\w-])"
                    # the gap may be an aside between commas: "a refusé, vendredi, d'autoriser", or
                    # a sum: "rejected a $1.5 billion proposal"
                    + re.escape(w)
                    .replace(r"\ \*\ ", rf",?\s+{_GAP_WORD}(?:\s+{_GAP_WORD}){{0,3}},?\s+")
                    .replace(r"\*", rf"{_GAP_WORD}(?:\s+{_GAP_WORD}){{0,3}}")
                    .replace(r"\ ", r"\s+")
                    + r"(?![\w-])",
                    re.IGNORECASE,
                ),
                re.split(r"[\s*]", w, maxsplit=1)[0].lower(),
                tuple(word.lower() for word in re.split(r"[\s*]+", w) if word),
            )
            for st, words in lex["statuses"].items()
            for w in words
            if "*" in w.rstrip("*")
        ]
        outlet_rows = list(gaz.outlets) + [
            o for o in lex.get("known_outlets", []) if o["name"].lower() not in {x["name"].lower() for x in gaz.outlets}
        ]
        self.outlets = outlet_rows
        self.outlet_forms: dict[str, dict] = {}
        for row in outlet_rows:
            for form in [row["name"], *(row.get("aliases") or [])]:
                self.outlet_forms.setdefault(form.lower(), row)
        # Every form squashed once: a byline is looked up in letters-only form for each article.
        self.outlet_squashed: dict[str, dict] = {}
        for form, row in self.outlet_forms.items():
            self.outlet_squashed.setdefault(squash(form), row)
        self.outlet_words = set(lex.get("outlet_words", []))
        ow = "|".join(re.escape(w) for w in self.outlet_words)
        # "The Daily Ledger reported", "the Financial Times (FT) said": an outlet cited as a source
        self.outlet_report_re = re.compile(
            rf"(?:[Tt]he\s+)?((?:[A-Z][\w'’-]*(?:\.[\w'’-]+)*\s+){{0,3}}(?:{ow}))(?:\s+\(([A-Z]{{2,5}})\))?"
            r"\s+(?:reports?|reported|said|says|newspaper|daily)\b"
        )
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
        # "the UK Government", "the Government": a capital changes nothing
        gov = "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in self.government_words)
        # Country words are found by the gazetteer's place automaton; these patterns only
        # find the head word and the caller checks the neighbouring place hit.
        self.government_re = re.compile(
            rf"(?<![\w-])(?P<fed>(?:federal|fédéral|federale)\s+)?(?P<g>{gov})(?![\w-])"
            rf"(?:\s+(?P<fed2>fédéral|federal|federale)(?![\w-]))?"
        )
        self.data_verb = re.compile(
            r"(?<![\w-])(share\w*|hand\w*|pass\w*|transfer\w*|access\w*|collect\w*|collat\w*|harvest\w*|funnel\w*|"
            r"send\w*|sent|demand\w*|store\w*|stores|gather\w*|leak\w*|exfiltrat\w*|private|personal|sensitive|"
            r"user|remettre|transmet\w*|partag\w*|accès|accéder|accede\w*|héberg\w*|delen|doorgeven|toegang|weitergeben|"
            r"zugriff|zugreifen|verzamel\w*|doorgespeeld|doorspel\w*|sammel\w*|gesammelt|recueill\w*|"
            r"abgreifen|use\s+of|"
            # sending data home: "naar Peking sturen", "nach Peking schicken", "envoyer vers la Chine"
            r"sturen|stuurt|stuurde\w*|gestuurd|doorsturen|doorgestuurd|versturen|verstuurd|overdragen|overgedragen|"
            r"doorgegeven|weglekken|gelekt|schick\w*|geschickt|gesendet|übertrag\w*|übermittel\w*|"
            r"abfließ\w*|abgeflossen|weiterleit\w*|weitergeleitet|envoy\w*|transfér\w*|siphonn\w*|steal\w*|stole\w*)(?![\w-])",
            re.IGNORECASE,
        )


def facility_kind(rules: _Rules, term: str) -> str | None:
    """The kind of site a noun names: a listed term, or a German compound by its last part."""
    if term in rules.facility_terms:
        return rules.facility_terms[term]
    if term in rules.facility_not:
        return None
    low = term.lower()
    return next((kind for suffix, kind in rules.facility_suffixes if low.endswith(suffix)), None)


def _rules(gaz: Gazetteer) -> _Rules:
    rules = gaz.derived.get("extract_rules")
    if not isinstance(rules, _Rules):
        rules = gaz.derived["extract_rules"] = _Rules(gaz)
    return rules


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
    title: str = ""
    language: str = "en"
    outlet_spans: list[tuple[int, int]] = field(default_factory=list)
    body_cache: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    # matches of whole-text patterns, found once per text (pattern -> spans)
    match_cache: dict[str, list] = field(default_factory=dict)
    # what several stages ask of the same sentence or name, worked out once per text
    range_matches: dict[tuple[str, int, int, int], list[re.Match]] = field(default_factory=dict)
    body_kinds: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    phrase_runs: dict[tuple[int, int], list[tuple[list[tuple[int, int]], bool]]] = field(default_factory=dict)
    evidence: dict[tuple[int, int, int, int], tuple[set[str], str | None]] = field(default_factory=dict)
    category_signals: dict[tuple[int, int], tuple[bool, bool, bool]] = field(default_factory=dict)
    precedents: list[tuple[int, int]] | None = None  # extract_companies.precedent_spans, found once

    def __post_init__(self) -> None:
        self.cues = self.rules.cue_matcher.find(fold(self.text))
        self._cues_by_prefix: dict[str, tuple[list[tuple[int, int, str]], list[int]]] = {}
        self._sent_starts = [s.start for s in self.sentences]
        self.country_hits = [h for h in self.place_hits if h.kind in ("country", "adjective", "capital")]
        # the lower-case text stands in for case-insensitive patterns only when it lowers exactly
        self.lower = self.text.lower() if _lower_is_exact(self.text) else None
        self._hit_starts = [h.start for h in self.country_hits]
        self._holds: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}

    def names_danger_or_measure(self, sent: Sentence | None) -> bool:
        """Whether a sentence holds a category or a status cue: it tells of a case."""
        return sent is not None and bool(
            self.cues_in(sent.start, sent.end, "cat:") or self.cues_in(sent.start, sent.end, "st:")
        )

    def cues_in(self, start: int, end: int, prefix: str) -> list[tuple[int, int, str]]:
        """Cue-phrase hits inside [start, end) whose label starts with `prefix` ("cat:", "st:")."""
        by_prefix = self._cues_by_prefix.get(prefix)
        if by_prefix is None:
            # each label family apart, so a lookup walks only its own hits
            cues = [c for c in self.cues if c[2].startswith(prefix)]
            by_prefix = self._cues_by_prefix[prefix] = (cues, [c[0] for c in cues])
        cues, starts = by_prefix
        i = bisect_left(starts, start)
        out = []
        while i < len(cues) and cues[i][0] < end:
            if cues[i][1] <= end:
                out.append(cues[i])
            i += 1
        return out

    def matches(self, rx: re.Pattern, start: int, end: int) -> list[re.Match]:
        """rx.finditer(text, start, end), found once per text for each range."""
        key = (rx.pattern, rx.flags, start, end)  # a Pattern hashes its whole compiled code each time
        found = self.range_matches.get(key)
        if found is None:
            found = self.range_matches[key] = list(rx.finditer(self.text, start, end))
        return found

    def ministry_matches(self, start: int, end: int) -> list[re.Match]:
        """rules.ministry_re in [start, end). Every branch of it needs "minist" or "secretar" in
        any case, or the first word of a Dutch portfolio as written: without them nothing matches."""
        rules, low = self.rules, self.lower
        if (
            low is not None
            and all(low.find(key, start, end) == -1 for key in rules.ministry_keys)
            and all(self.text.find(word, start, end) == -1 for word in rules.ministry_bare_words)
        ):
            return []
        return self.matches(rules.ministry_re, start, end)

    def may_hold(self, words: tuple[str, ...], folded: tuple[str, ...] = ()) -> bool:
        """Whether the text holds one of the words as written, or one of `folded` in any case. A
        pattern whose every match holds one of them need not be run when this is False. Found once
        per text for each word list: the gates ask it for every sentence and every name."""
        key = (words, folded)
        found = self._holds.get(key)
        if found is None:
            found = self._holds[key] = any(w in self.text for w in words) or (
                bool(folded) and (self.lower is None or any(w in self.lower for w in folded))
            )
        return found

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def in_content(self, start: int) -> bool:
        sent = self.sentence_at(start)
        return bool(sent and sent.is_content)

    def place_country(self, hit: Hit) -> str:
        """The country a place hit stands for: a city's country, else the hit's own code."""
        return self.gaz.cities[hit.key][0] if hit.kind == "city" else hit.key

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
        gap = _COUNTRY_GAP_BEFORE.fullmatch(self.text, hit.end, pos)
        if not gap or len(between := gap.group("words").split()) > words:
            return None
        # "amerikanischer Nachrichtendienste soll die Firma X": a verb ends the phrase the country qualifies
        return None if _FINITE_VERBS.intersection(w.lower() for w in between) else hit

    def country_after(self, pos: int, ceiling: int, words: int = 0) -> Hit | None:
        hits = self.countries_in(pos, min(ceiling, pos + 80))
        if not hits:
            return None
        hit = hits[0]
        gap = _WORDS_GAP.fullmatch(self.text, pos, hit.start)
        return hit if gap and len(gap.group("words").split()) <= words else None


_FINITE_VERBS = {
    *("is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should", "may", "must", "said"),
    *("est", "sont", "ont", "sera", "serait", "aurait", "doit", "pourrait", "était", "avait"),
    *("ist", "sind", "war", "hat", "haben", "hatte", "wird", "werden", "soll", "sollen", "könnte", "muss"),
    # not "zijn", also "its": "China en zijn staatsbedrijf X"
    *("heeft", "hebben", "wordt", "werd", "zal", "zou", "moet", "kan"),
}
# what may stand between a country word and what it qualifies: "China's", "Chinese-owned", a few words
_WORDS_GAP = re.compile(r"\s+(?P<words>(?:[\w’'-]+\s+)*)")
_COUNTRY_GAP_BEFORE = re.compile(
    r"(?:['’]s)?(?:-based|-owned|-backed|-controlled|-registered|-headquartered|-linked|-affiliated|-funded|-financed)?"
    + _WORDS_GAP.pattern
)


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
    # a longer name kept apart from a shorter one it extends, because the story calls it a
    # subsidiary ("Eandis Assets, de netwerkdochter van Eandis"): the shorter one's company
    subsidiary_of: str | None = None


# "Mitsui E&S", "AT&T": an ampersand inside a word belongs to the name
# "iCarbonX", "eBay": a lower-case letter before a capital starts a name too; "En+ Group", "Canal+"
# A capitalised word. Upper-case letters are A-Z, Latin-1's and Latin Extended-A's ("ČEZ", "Škoda", "Łódź");
# the range Ā-Ž holds the lower-case ones too, which start no word of the four languages read here.
_CAPW = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž](?:[\w'’.\-]|&(?=[A-Z]))*(?:\+(?![\w+]))?|\d+[A-Za-z]{2,}[\w'’.\-]*"
    r"|[a-z][A-Z][a-z][\w'’.\-]*)"
)


_PAREN = rf"\((?:{_CAPW})(?:\s+{_CAPW})*\)"


# partners' surnames before an ampersand name one firm: "Skadden, Arps, Slate, Meagher & Flom"
_PARTNER_COMMA = r",(?=\s+(?:[A-Z][a-z]+,\s+)*[A-Z][a-z]+\s+&\s+[A-Z])"
_PARTNER_NAMES = re.compile(r"\s+(?:[A-Z][a-z]+,\s+)*[A-Z][a-z]+\s+&\s+[A-Z]")

# "Shenzhen Yuanxing Technology Co., Ltd.", "Grindr, Inc.": the legal form after a comma is the name's
_LEGAL_FORMS = r"(?:Ltd|Inc|LLC|Limited|Corp|GmbH|AG|SA|S\.A|plc|PLC|N\.V|B\.V|SpA|S\.p\.A)\b"
_LEGAL_COMMA = rf",(?=\s+{_LEGAL_FORMS})"
_LEGAL_AFTER_COMMA = re.compile(rf"\s+{_LEGAL_FORMS}")

# legal forms in lower case close a name: "Tavira Holdings S.à r.l.", "Kovo s.r.o.", "Polmet Sp. z o.o."
_LOWER_LEGAL = r"(?:r\.\s?l\.?|s\.r\.o\.?|a\.s\.|z\s?o\.o\.?)(?![\w])"

# a lower-case word right before a German legal form is the name's: "ERS electronic GmbH"
_LOWER_BEFORE_LEGAL = r"(?!(?:und|oder|einer|eines|einem|einen)\s)[a-zäöüß]{4,}(?=\s+(?:GmbH|AG|SE|KG|mbH)(?![\w-]))"

# a point that ends an abbreviation, not the name: "Co.", "Inc.", "U.S.", "S.à r.l."; "Delta Port." ends
_ABBREVIATION = re.compile(
    rf"(?:[A-Z]\.)+|(?:Co|Inc|Corp|Ltd|Bros|Mfg|Cie|Ste|St|Dr|Mr|Mrs|Ms|Jr|Sr|No|Nr|Prof|Gen|Hldg|Intl)\.|{_LOWER_LEGAL}"
)

_PHRASE_RE = re.compile(
    rf"(?:(?<=\b[dlDL]['’])|(?<=\bqu['’])|(?<![\w'’-])){_CAPW}(?:(?:\s+(?:of|de|du|van|von|für|&|del|di|ve(?=\s+(?:Sanayi|Ticaret|Tic\.)))(?=\s+[A-ZÀ-ÖØ-ÞĀ-Ž])|{_PARTNER_COMMA}|{_LEGAL_COMMA})?\s+(?:{_CAPW}|{_PAREN}|{_LOWER_LEGAL}|{_LOWER_BEFORE_LEGAL}))*"
)


_TOKEN_RE = re.compile(r"\([^)]*\)|\S+")


_RELATION_TOKEN = re.compile(r"-(?:" + "|".join(RELATION_SUFFIXES) + r")$")


# words that open a phrase only as part of a longer name: "North China Pharmaceutical Group",
# "Union Development Group", "Mediterranean Shipping Company"
_COMPASS = {
    "North",
    "South",
    "East",
    "West",
    "Middle",
    "Union",
    "Mediterranean",
    "Pacific",
    "Atlantic",
    "Asia",
    "Africa",
}


# German puts the object right after the subject ("dass die Firma X Daten nach Peking schickt"):
# the goods or data a sentence is about are no last word of a name
_OBJECT_NOUNS = {"Daten", "Geräte", "Kameras", "Komponenten", "Drohnen", "Informationen", "Nutzerdaten", "Kundendaten"}


# a German plural noun's ending: "braucht das Unternehmen Lizenzen", "chinesischen Investitionen",
# "habe sich das Unternehmen Turbinen des Konkurrenten reserviert", "Windkraftanlagen"
DE_PLURAL_NOUN_END = re.compile(
    r"[a-zäöüß](?:ionen|ungen|heiten|keiten|schaften|ismen|itäten|enzen|anzen|nisse|turen|inen|anlagen)$"
)
_AMOUNT_WORDS = {"Millionen", "Milliarden", "Mio.", "Mrd.", "Miljoen", "Miljard", "Millions", "Milliards"}


def _flush_phrase(
    text: str, cur: list[tuple[int, int]], stopwords: set[str], found: list[tuple[int, int, bool]], possessive: bool
) -> None:
    # "14 Millionen Euro Umsatz": an amount, not a name
    if cur and text[cur[0][0] : cur[0][1]] in _AMOUNT_WORDS:
        cur.clear()
        return
    # sentence openers, and German nouns such as "Maschinenbauers" before the name
    head = len(cur)
    # "South Dearborn Limited", "North China Pharmaceutical Group Corporation": a compass word opens a
    # registered name that runs to its legal form (three words at least)
    keep_compass = (
        len(cur) > 2
        and text[cur[0][0] : cur[0][1]] in _COMPASS
        and bool(_CORPORATE_END.search(text[cur[0][0] : cur[-1][1]]) or _LEGAL_END.search(text[cur[0][0] : cur[-1][1]]))
    )
    while (
        cur
        and not keep_compass
        and (
            text[cur[0][0] : cur[0][1]] in stopwords
            or (
                len(cur) > 1
                and _COMPOUND_CUE.fullmatch(text[cur[0][0] : cur[0][1]])
                # "Transmashholding (TMH)": the word an acronym abbreviates is the name
                and not text.startswith("(", cur[1][0])
            )
        )
    ):
        cur.pop(0)
    # "Gesellschaften von Addsino": the word joining the dropped noun to the name goes with it
    while len(cur) < head and cur and text[cur[0][0] : cur[0][1]].lower() in CONNECTORS:
        cur.pop(0)
    # "des Dortmunder Halbleiterherstellers Elmos", "der Hamburger Hafenlogistiker HHLA": a place
    # adjective, then the compound noun, then the name
    if (
        len(cur) > 2
        and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er", text[cur[0][0] : cur[0][1]])
        and _COMPOUND_CUE.fullmatch(text[cur[1][0] : cur[1][1]])
        and re.match(r"[A-ZÄÖÜ][a-zäöüß]{3,}", text[cur[1][0] : cur[1][1]])
    ):
        del cur[:2]
    while len(cur) > 1 and text[cur[-1][0] : cur[-1][1]] in _OBJECT_NOUNS:
        cur.pop()
    while cur and text[cur[-1][0] : cur[-1][1]].lower() in CONNECTORS:
        cur.pop()
    if cur:
        found.append((cur[0][0], cur[-1][1], possessive))
    cur.clear()


KNOWN_AS = re.compile(
    # "TMH Group, a Russian rail-equipment manufacturer also known as Transmashholding": after an apposition too
    r"\s*(?:,\s*(?:a|an|un|une|een|ein|eine)\s+(?:[\w'’-]+\s+){1,5}?(?=(?:also|formerly|better|aussi|ook|auch)\s)|,|\()?\s*"
    r"(?:(?:(?:also|formerly|better|otherwise|commonly|locally)\s+)?known\s+as|a\.?k\.?a\.?|alias|"
    r"(?:aussi|également|anciennement)\s+(?:appelée?|connue?\s+sous\s+le\s+nom\s+de)|ook\s+(?:bekend\s+als|wel)|"
    r"voorheen|(?:auch|früher)\s+(?:bekannt\s+als|genannt))\s+(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+|die\s+)?",
    re.IGNORECASE,
)


def _cap_phrases(
    text: str,
    start: int,
    end: int,
    stopwords: set[str],
    cache: dict[tuple[int, int], list[tuple[list[tuple[int, int]], bool]]] | None = None,
) -> list[tuple[int, int, bool]]:
    """Capitalised name-like runs inside [start, end): (start, end, possessive). The token runs do
    not depend on the stopwords, so a cache (one per text) serves callers with different ones."""
    runs = cache.get((start, end)) if cache is not None else None
    if runs is None:
        runs = _phrase_runs(text, start, end)
        if cache is not None:
            cache[start, end] = runs
    found: list[tuple[int, int, bool]] = []
    for cur, possessive in runs:
        _flush_phrase(text, list(cur), stopwords, found, possessive)
    return _join_sector_names(text, found)


# a place named with a possessive is one name: "Simon's Town", "Martha's Vineyard", "St John's Wood"
_PLACE_AFTER_POSSESSIVE = re.compile(r"\s(?:Town|Vineyard|Wood|Island|Bay|Point|Hill|Head|Creek|Harbou?r)\b")


def _phrase_runs(text: str, start: int, end: int) -> list[tuple[list[tuple[int, int]], bool]]:
    """The token spans of each capitalised run, cut where a name ends, with whether it ends in 's."""
    runs: list[tuple[list[tuple[int, int]], bool]] = []
    for m in _PHRASE_RE.finditer(text, start, end):
        cur: list[tuple[int, int]] = []
        for t in _TOKEN_RE.finditer(text, m.start(), m.end()):
            ts, te = t.start(), t.end()
            tok = text[ts:te]
            if "-" in tok and _RELATION_TOKEN.search(tok):  # "Alibaba-owned" ends the name before it
                # the words glued to it are part of it ("Hong Kong-registered", "Tencent Holdings-backed"),
                # a name before a full stop is not ("Atlas Bidco Ltd. Russian-linked Kinetic")
                if cur and text[cur[-1][1] - 1] in ".,":
                    runs.append((cur, False))
                cur = []
            elif tok.endswith(("'s", "’s")) and not _PLACE_AFTER_POSSESSIVE.match(text, te):
                cur.append((ts, te - 2))
                runs.append((cur, True))
                cur = []
            elif tok.endswith(",") and (_PARTNER_NAMES.match(text, te) or _LEGAL_AFTER_COMMA.match(text, te)):
                cur.append((ts, te))  # "Clayton, Dubilier & Rice", "Grindr, Inc.": one firm
            elif tok.endswith((".", ",")) and not _ABBREVIATION.fullmatch(tok):
                cur.append((ts, te - 1))
                runs.append((cur, False))
                cur = []
            else:
                cur.append((ts, te))
        runs.append((cur, False))
    return runs


# state groups join two sectors with "and": "China Aerospace Science and Industry Corporation",
# "China National Tire and Rubber Corporation"; only sector nouns on both sides and a corporate
# suffix keep "Huawei and ZTE Corporation" apart
_SECTORS = (
    r"(?:Science|Technology|Industry|Trade|Engineering|Construction|Development|Research|Investment|Energy|"
    r"Commerce|Shipping|Logistics|Power|Resources|Services|Electronics|Communications|Information|"
    r"Telecommunications|Tire|Tyre|Rubber|Oil|Gas|Petroleum|Chemicals?|Iron|Steel|Metals?|Minerals?|Mining|"
    r"Wire|Cable|Machinery|Equipment|Materials|Aviation|Aerospace|Transport|Transportation|Marine|Ports?|"
    r"Harbou?r|Water|Electric|Nuclear|Agriculture|Food|Textiles?|Finance|Insurance|Railway|Rail|Infrastructures?|"
    r"Industries|Systems|Manufacturing|Utilities)"
)
_SECTOR_AND = re.compile(_SECTORS + r"\s+and\s+" + _SECTORS + r"\b")
# "Service", and "Service Company": a sector word, with the corporate word that may close the name
_LONE_SECTOR = re.compile(
    r"(?:" + _SECTORS + r"|Service|Trading|Consulting|Solutions|Supply|Supplies)"
    r"(?:\s+(?:Corporation|Corp\.?|Company|Co\.?|Group|Ltd\.?|Limited))?"
)
_SECTOR_END = re.compile(r"\s" + _SECTORS + r"$")
_CORPORATE_END = re.compile(r"\b(?:Corporation|Corp\.?|Company|Co\.?|Group|Holdings?|Ltd\.?|Limited)(?:\s+\([^)]*\))?$")


# a registered firm's name runs to its legal form over "und"/"and": "Hamburger Hafen und Logistik AG"
_LEGAL_END = re.compile(
    r"\s(?:AG|GmbH|SE|KGaA|SA|S\.A\.|NV|N\.V\.|BV|B\.V\.|plc|PLC|SpA|S\.p\.A\.|Oyj|ASA)(?:\s+\([^)]*\))?$"
)


# a firm's seat said of it, up to the place: "registered in", "basée à", "gevestigd te", "mit Sitz in"
SEATED_IN = (
    r"(?:based|headquartered|registered|incorporated|domiciled|basée?|établie?|installée?|immatriculée?|enregistrée?|"
    r"gevestigd|geregistreerd|mit\s+Sitz|ansässig|registriert)\s+(?:in|à|en|au|aux|te)\s+"
)


# a deal named by its noun, for rules that ask whether a sentence is about one
DEAL_NOUN = re.compile(
    r"(?<![\w-])(?:takeover|acquisition|purchase|bid|stake|Übernahme|Kauf|Verkauf|Einstieg|Erwerb|Beteiligung|"
    r"rachat|prise\s+de\s+participation|overname|verkoop|belang)(?![\w-])",
    re.IGNORECASE,
)
_AND_GAP_ONLY = re.compile(r"\s+(?:and|und|en|et)\s+")
_AMPERSAND_SHORT = re.compile(
    r"\.?,?\s*(?:\(|,?\s*(?:known as|or|dite?|genannt|bekend als)\s+"
    # "..., the London-based shipping group better known as P&O"
    r"|,\s+(?:the|a|an)\s+[^.;()]{0,60}?\b(?:known\s+as|called)\s+)([A-Z])\s?&\s?([A-Z])\b"
)


_ACRONYM_AT_END = re.compile(r"\s*\(([A-Z]{3,8})\)$")


def _spells(acronym: str, name: str) -> bool:
    """The acronym's letters are initials of the name's words, in order, the first word's first."""
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    if not initials or initials[0] != acronym[0]:
        return False
    letters = iter(initials)
    return all(any(letter == i for i in letters) for letter in acronym)


def _join_sector_names(text: str, found: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    for s, e, pos in found:
        if out and not out[-1][2] and _AND_GAP_ONLY.fullmatch(text[out[-1][1] : s]):
            ps = out[-1][0]
            left = text[ps : out[-1][1]]
            if _LEGAL_END.search(left):
                # "Rosneft Deutschland GmbH und RN Refining & Marketing GmbH": a legal form ends a name
                out.append((s, e, pos))
                continue
            if " " in left and _SECTOR_AND.search(text, ps, e) and _CORPORATE_END.search(text[s:e]):
                out[-1] = (ps, e, pos)
                continue
            # a lone sector word after a name ending in one is the name's: "Indian Ocean International
            # Shipping and Service (Company)", "Harbour Engineering and Services"
            if " " in left and _LONE_SECTOR.fullmatch(text, s, e) and _SECTOR_END.search(left):
                out[-1] = (ps, e, pos)
                continue
            # both sides plain words (no acronym on the left) and a legal form closing the right
            if " " in left and not re.search(r"[A-Z]{2}", left) and _LEGAL_END.search(text[s:e]) and " " in text[s:e]:
                out[-1] = (ps, e, pos)
                continue
            # the short form spells the pair: "Peninsular and Oriental Steam Navigation Co., known as P&O"
            short = _AMPERSAND_SHORT.match(text, e)
            if short and short.group(1)[0] == left[0] and short.group(2)[0] == text[s]:
                out[-1] = (ps, e, pos)
                continue
            # the acronym after it spells words of both sides: "China Satellite Launch and Tracking
            # Control General (CLTC)"
            acronym = _ACRONYM_AT_END.search(text, s, e)
            right = text[s : acronym.start()] if acronym else ""
            if acronym and _spells(acronym.group(1), left + " " + right) and not _spells(acronym.group(1), right):
                out[-1] = (ps, e, pos)
                continue
        out.append((s, e, pos))
    return out


# Text made only of these characters is matched case-insensitively by `re` exactly as by comparing
# str.lower() forms (each lowers to one character, none has a case-folding twin such as "ſ" for
# "s"); tests/test_extract_speed.py checks it against `re` itself.
_LOWER_IS_EXACT = re.compile(r"[\x00-\xb4\xb6-\u012f\u0132-\u017e\u0180-\u024f\u2000-\u206f\u20a0-\u20cf]*")


def _lower_is_exact(text: str) -> bool:
    return text.isascii() or _LOWER_IS_EXACT.fullmatch(text) is not None


def _is_word_char(c: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return c.isalnum() or c == "_"


def name_spans(
    text: str, name: str, *, stop_after: str = "-", possessive: bool = False, ignore_case: bool = False
) -> list[tuple[int, int]]:
    """Where `name` stands as a whole word: the matches of
    ``(?<![\\w-])NAME(?:['’]s)?(?![\\w...])`` (the possessive only when asked; `stop_after` lists the
    characters besides word characters that may not follow). A literal search instead of a regex
    per name: the `re` cache holds 512 patterns and names would evict the module's own."""
    if not name or (ignore_case and not (_lower_is_exact(text) and _lower_is_exact(name))):
        suffix = "(?:['’]s)?" if possessive else ""
        stop = re.escape(stop_after)
        rx = rf"(?<![\w-]){re.escape(name)}{suffix}(?![\w{stop}])"
        return [m.span() for m in re.finditer(rx, text, re.IGNORECASE if ignore_case else 0)]

    def free(at: int) -> bool:
        return at >= len(text) or not (_is_word_char(text[at]) or text[at] in stop_after)

    hay, needle = (text.lower(), name.lower()) if ignore_case else (text, name)
    out: list[tuple[int, int]] = []
    at = hay.find(needle)
    while at != -1:
        end = at + len(needle)
        if at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "-"):
            if possessive and text[end : end + 2] in ("'s", "’s") and free(end + 2):
                end += 2
            elif not free(end):
                end = -1
            if end != -1:
                out.append((at, end))
                at = hay.find(needle, end)
                continue
        at = hay.find(needle, at + 1)
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]] | SpanSet) -> bool:
    if isinstance(spans, SpanSet):
        return spans.overlaps(start, end)
    return any(start < e and s < end for s, e in spans)


def _is_title_case_line(sent: Sentence) -> bool:
    """Headlines in Title Case make every word look like a name."""
    if sent.kind != "heading":
        return False
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ][\w'’-]*", sent.text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


@lru_cache(maxsize=4096)
def _norm_key(name: str) -> str:
    words = re.sub(r"[^0-9a-z]+", " ", strip_accents(name).lower()).split()
    filler = {
        "the",
        "ltd",
        "limited",
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "sa",
        "ag",
        "nv",
        "bv",
        "gmbh",
        "llc",
        "holding",
        "holdings",
        "group",
        "se",
        "spa",
    }
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


def city_country(doc: _Doc, name: str) -> str | None:
    """The country of a city the story names, preferring a country the story is about when several
    countries have a city of that name."""
    info = doc.gaz.city(name)
    if not info:
        return None
    towns = town_populations()
    others = {
        code: people
        for code, people in (towns.get(name) or towns.get(strip_accents(name)) or {}).items()
        if people >= MIN_CITY_POPULATION  # the cities the gazetteer's table knows
    }
    if len(others) < 2:
        return info[0]
    story = {doc.host, doc.main_country} | {h.key for h in doc.country_hits}
    if info[0] in story:
        return info[0]
    fitting = [code for code in others if code in story]
    return max(fitting, key=lambda c: others[c]) if fitting else info[0]


_POSSESSIVE_OR_BASED_END = re.compile(r"['’]s$|-(?:based|registered|headquartered|incorporated)$")


def _country_in(doc: _Doc, fragment: str) -> str | None:
    words = re.findall(r"[\w.'’-]+", fragment)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            phrase = _POSSESSIVE_OR_BASED_END.sub("", phrase)
            code = doc.gaz.country_code(phrase) if phrase[:1].isupper() or n == 1 else None
            if code and words[i + n : i + n + 1] and words[i + n] in SEA_WORDS:
                continue  # "Indian Ocean International Shipping": a sea, no country
            if code and (phrase[:1].isupper() or phrase.lower() in doc.gaz.adjectives):
                return code
    return None


_COMPOUND_NOUNS = (
    r"(?:bedrijf|concern|groep|fabrikant|producent|leverancier|maker|konzern|unternehmen|hersteller|firm(?:a|en)|gruppe|"
    r"betreiber|anbieter|zulieferer|bauers?|spezialist|entreprise|fabricant|gesellschaft|reederei|logistiker|"
    r"holding|investor|investeerder|maatschappij|ontwerper|ontwikkelaar|entwickler|bouwer|fonds|beheerder|uitbater|"
    r"händler|versorger|lieferant|dienstleister|handelaar|exploitant|tochter|töchter|dochter|konkurrent|wettbewerber|"
    r"rivale|concurrent|concurrente|sparte|förderer|produzent|erzeuger|ausrüster|bieter|käufer|erwerber|bieder|overnemer)"
)


_COMPOUND_CUE = re.compile(rf"[a-zà-ÿ]*{_COMPOUND_NOUNS}(?:n|s|e|en|es)?", re.IGNORECASE)


# German declines its nouns: "den Netzbetreibern Deutsche Telekom", "des Maschinenbauers Leifeld"
# "Progress Party lawmaker Bård Hoksrud": people whose noun ends in -maker
PEOPLE_MAKERS = ("law", "policy", "decision", "film", "peace", "king", "rain", "trouble", "match", "home", "deal")
_COMPOUND_CUE_BEFORE = re.compile(
    # a hyphenated one only right before the name: "die Radartechnik-Spezialisten IMST GmbH", but
    # not "des Telefónica-Konzerns, Verträge"
    rf"(?<![\w-])(?:[A-Za-zÀ-ÿ]+-[A-Za-zÀ-ÿ-]*{_COMPOUND_NOUNS}(?:n|s|e|en|es)?\s+$|"
    rf"(?!(?:{'|'.join(PEOPLE_MAKERS)})-?makers?\b)[A-Za-zÀ-ÿ]+{_COMPOUND_NOUNS}(?:n|s|e|en|es)?|(?-i:Unternehmens|Konzerns|Herstellers|Betreibers|"
    rf"Anbieters|Investors|Zulieferers))\s*,?\s*$",
    re.IGNORECASE,
)


def compound_cue_before(pre: str) -> re.Match | None:
    """_COMPOUND_CUE_BEFORE.search(pre), started at the last word: a match is one word (letters and
    hyphens, no space) and the spaces and comma after it, so it can start nowhere else. Tried
    from every start, the pattern's many nouns are slow."""
    head = pre.rstrip().rstrip(",").rstrip()
    words = head.split()
    return _COMPOUND_CUE_BEFORE.search(pre, len(head) - len(words[-1]) if words else 0)


def _mentions_in(companies: list[_Company], start: int, end: int) -> list[tuple[int, int, _Company]]:
    return sorted(((s, e, c) for c in companies for s, e in c.mentions if start <= s < end), key=lambda t: (t[0], t[1]))


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|The|le|Le|la|La|de|De|het|Het|die|Die|der|Der)\s+", "", phrase.strip())


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


# "Hinkley Point C in Somerset, the EDF-led plant": a name set off before a site noun
_SITE_APPOSITION = re.compile(
    r"(?:\s+in\s+[A-Z][\w'’-]+)?\s*,\s+(?:the|a|an|la|le|l['’]|un|une|het|de|een|die|der|das|ein|eine)\s*"
)


def site_after_name(rules: _Rules, text: str, end: int) -> tuple[re.Match, bool] | None:
    """The site noun that follows a name ending at `end`, either right after it with up to two
    lower-case modifiers ("Sizewell C nuclear power station") or in an apposition ("Hinkley
    Point C, the EDF-led plant"); with whether it was the apposition. Nouns such as "site" or
    "hub" that need a place say nothing about the name before them."""
    at = end
    words = 0
    while words < 3:
        gap = re.match(r"\s+", text[at : at + 3])
        if not gap:
            break
        fm = rules.facility_term_re.match(text, at + gap.end())
        if fm and _names_site(rules, fm):
            return fm, False
        word = re.match(r"[a-z][\w-]*", text[at + gap.end() : at + gap.end() + 30])
        if not word:
            break
        # "Prominent Hill copper and gold mine": an "and" between two modifiers is not one more
        words += word.group(0) != "and" or words == 0
        at += gap.end() + word.end()
    app = _SITE_APPOSITION.match(text, end, end + 80)
    at = app.end() if app else -1
    for _ in range(3 if app else 0):
        fm = rules.facility_term_re.match(text, at)
        if fm and _names_site(rules, fm):
            if re.match(
                r"['’]s\b|\s+(?:of|de|van|von|city|town|ville|stad|Stadt|operator|company|group|firm)\b",
                text[fm.end() : fm.end() + 12],
            ):
                break  # "the plant's owner", "the port of Piraeus", "a port city": the name is not the site
            return fm, True
        word = re.match(r"[\w'’-]+\s+", text[at : at + 30])
        if not word:
            break
        at += word.end()
    return None


def _names_site(rules: _Rules, fm: re.Match) -> bool:
    term = fm.group(1) or fm.group(2)
    return term not in rules.facility_need_place and facility_kind(rules, term) is not None
