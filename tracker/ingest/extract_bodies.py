"""Agencies and facilities for the extract stage: named public bodies, "<country> government",
"<adjective> security service" via the gazetteer's generic terms, lower-case ministries, and
named or described sites with their city, country and operator."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Protocol

import pycountry

from .extract_base import (
    _CAPW,
    _PLACE_AFTER_POSSESSIVE,
    DE_PLURAL_NOUN_END,
    KNOWN_AS,
    LEGAL_FORM_END,
    OPERATE_VERBS,
    STOP_ADJECTIVES,
    _cap_phrases,
    _Company,
    _country_in,
    _Doc,
    _is_title_case_line,
    _Match,
    _mentions_in,
    _overlaps,
    _place_code,
    _Rules,
    _strip_article,
    city_country,
    facility_kind,
    name_spans,
    site_after_name,
    squash,
)
from .gazetteer import MIDDLE_INITIAL_AFTER, Hit, SpanSet, fold, strip_accents, town_populations
from .textparts import (
    MONTHS,
    WEEKDAYS,
    Sentence,
    dateline_place,
    span,
)
from .types import (
    FoundAgency,
    FoundFacility,
)

_START_HEADS = (
    "Department",
    "Ministry",
    "Ministère",
    "Ministerie",
    "Ministerium",
    "Bundesministerium",
    "Committee",
    "Subcommittee",
    "Commission",
    "Office of",
    "House of",
    "Council of",
    "Bureau of",
    "Agency for",
    "Authority for",
    "Directorate",
    "Comité",
    "Commissie",
    "Conseil",
    "Federal Office",
    "Bundesamt",
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


# what a body wants or refuses: "Bucarest veut désormais un partenaire", "Den Haag eist"
_WANTS = r"wants|refused|refuses|veut|voulait|exige|refuse|réclame|wil|wilde|eist|weigert|wollte|fordert|verlangt"
_ACTION_VERBS = (
    r"(?:said|says|announced|ordered|orders|decided|blocked|approved|imposed|banned|set\s+out|warned|"
    r"summoned|demanded|demands|rejected|told|has\s+\w+ed|had\s+\w+(?:ed|en)|is\s+\w+ing|was\s+\w+ing|"
    rf"will|would|moved|reacted|vetoed|launched|opened|{_WANTS}|"
    r"a\s+déclaré|a\s+annoncé|estime|heeft|hat|has|had|"
    # French compound past: "le gouvernement allemand a autorisé", "ont bloqué", "a interdit"
    r"(?:a|ont)\s+(?:\w+é(?:e|s|es)?|interdit|pris|mis|exigé))"
)
# a body that acts next, an aside allowed: "the Treasury, in a statement on Monday, said"
_ACTS_NEXT = re.compile(rf"\s*(?:,[^,]{{0,40}},\s*)?{_ACTION_VERBS}\b")
_ACTS_RIGHT_AFTER = re.compile(rf"\s*{_ACTION_VERBS}\b")


# the capitalised run that ends a piece: "Finnish Security and Intelligence Service"; without "and"
# when it joins two names ("Huawei and the NCSC")
_BODY_RUN_END = re.compile(rf"((?:{_CAPW})(?:\s+(?:(?:of|and|for|on|the|&)\s+)*{_CAPW})*)\s*$")
_BODY_RUN_END_NO_AND = re.compile(rf"((?:{_CAPW})(?:\s+(?:of\s+)?{_CAPW})*)\s*$")
_BODY_RE = re.compile(
    rf"{_CAPW}(?:\s+(?:(?:of|for|on|in|and|the|de|du|des|d['’]|van|voor|für|der|la|le|pour|et|en|und|l['’])\s+)*{_CAPW})*"
)


# a day the run swept in: "The Council of Ministers on Tuesday authorized ..."
_TIME_TAIL = re.compile(
    r"\s+(?:on|in|last|this|next)\s+(?:" + "|".join(w.capitalize() for w in (*WEEKDAYS, *MONTHS) if w.isalpha()) + r")$"
)


# an official's title and name after a body's: "Homeland Security Committee Chairman Mark Green"
_TITLE_THEN_PERSON = re.compile(
    r"\s+(?:Chairman|Chairwoman|Chairperson|Chair|Vice\s+Chair\w*|Ranking\s+Member|Director|Secretary|Minister|"
    r"President|Spokes(?:man|woman|person)|Chief|Head|Commissioner|Governor)(?:\s+[A-Z][\w'’.-]+){1,3}$"
)


# Sentence openers that the capitalised-run pattern sweeps into a body's name.
_LEADING_NOISE = {
    "The",
    "THE",  # "THE Department of Energy wants…": a lede in capitals
    "the",
    "Why",  # a subheading: "Why the Navy matters"
    "How",
    "What",
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
    # German prepositions merged with the article, and declined articles: "Im Ministerium hieß es"
    "Im",
    "Am",
    "Vom",
    "Beim",
    "Zum",
    "Zur",
    "Dem",
    "Den",
    "Des",
    "Ein",
    "Eine",
    "Einem",
    "Einer",
    "Eines",
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


class _AddAgency(Protocol):
    """Record a mention of an agency, creating it with `kw` (kind, country...) the first time."""

    def __call__(self, name: str, start: int, end: int, **kw: Any) -> _Agency: ...


@cache
def _heads_index(rules: _Rules) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
    """Agency head words by their last word (for "... Security Service") and by their first word
    (for "Committee on ..."), in the order the kinds are tried."""
    by_last: dict[str, list[tuple[str, str]]] = {}
    by_first: dict[str, list[tuple[str, str]]] = {}
    for kind, heads in rules.agency_heads_sorted:
        for head in heads:
            by_last.setdefault(head.split()[-1], []).append((kind, head))
            if head in _START_HEADS or " " in head:
                by_first.setdefault(head.split()[0], []).append((kind, head))
    return by_last, by_first


def _head_kind(rules: _Rules, name: str, toks: list[str]) -> str | None:
    by_last, by_first = _heads_index(rules)
    candidates = [(k, h, "end") for k, h in by_last.get(toks[-1], [])]
    candidates += [(k, h, "start") for k, h in by_first.get(toks[0], [])]
    order = [k for k, _heads in rules.agency_heads_sorted]
    for kind, head, where in sorted(candidates, key=lambda c: (order.index(c[0]), -len(c[1]))):
        if where == "end" and name.endswith(head) and (len(name) == len(head) or name[-len(head) - 1] == " "):
            return kind
        if where == "start" and name.startswith(head + " "):
            return kind
    return None


def _kind_of_body(doc: _Doc, name: str) -> tuple[str | None, str | None]:
    """(agency kind, country) when `name` is the proper name of a public body."""
    found = doc.body_kinds.get(name)
    if found is None:
        found = doc.body_kinds[name] = _body_kind(doc, name)
    return found


_AUTHORITY_ENDS = {"Authority", "Administration", "Commission", "Agency", "Board", "Autorité", "Autoriteit", "Behörde"}
_SITE_WORDS = {"Port", "Airport", "Exchange"}


def _body_kind(doc: _Doc, name: str) -> tuple[str | None, str | None]:
    rules = doc.rules
    toks = name.split()
    barred = [t.strip(",.") for t in toks if t.strip(",.") in rules.agency_not_heads]
    # "the Port of Antwerp" is no body, "the National Port Authority" is one
    if not toks or (barred and not (toks[-1] in _AUTHORITY_ENDS and set(barred) <= _SITE_WORDS)):
        return None, None
    if rules.person_titles.fullmatch(toks[-1]) or toks[-1] in ("Secretary", "Minister", "Chairman", "Director"):
        return None, None
    if len(toks) == 1 and name not in _PROPER_BODIES:
        return None, None
    if _TRADING_WORD.search(name) and not name.startswith(_START_HEADS):
        return None, None  # "Indian Ocean International Shipping and Service": a firm, whatever its last word
    found = _head_kind(rules, name, toks)
    if found:
        return found, _country_in(doc, name + " ")
    country = None
    for head in _START_HEADS:
        if name.startswith(head + " "):
            return "ministry" if head.startswith(("Depart", "Minist", "Bundesmin")) else "other", country
    if name in _PROPER_BODIES:
        return (
            "parliament"
            if name in ("Parliament", "Congress", "Bundestag", "Bundesrat", "Senate", "Knesset")
            else "ministry"
            if name == "Treasury"
            else "other"
        ), country
    return None, None


_START_HEADS_RE = "|".join(re.escape(h) for h in _START_HEADS)
# "the Ministry of X and the Agency for Y": two bodies, split where the second one starts.
_BODY_SPLIT_RE = re.compile(
    rf"\s+(?:and|et|en|und)\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+|die\s+|der\s+)?(?=(?:{_START_HEADS_RE})\b)"
)
_BODY_HEAD_RE = re.compile(rf"(?:(?:[A-Z][\w'’-]*)\s+)*(?:{_START_HEADS_RE})\b.*")


# a German ministry's name joins its topic with "für" or a compound; a bare noun after it is the
# sentence's object ("warf dem Ministerium Fehler vor")
_GERMAN_HEAD_THEN_NOUN = re.compile(r"(?P<head>(?:Bundes)?[Mm]inisterium)\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\b(?![-'’])")
_TOWN_BARE_HEAD = re.compile(r"(?P<town>[A-ZÄÖÜ][\w-]+)er\s+(?:Behörde|Aufsichtsbehörde|Amt|Dienst|Kommission)")


def _town_and_bare_head(doc: _Doc, name: str) -> bool:
    """'die Bonner Behörde', 'das Kölner Amt': a town's adjective before a bare generic noun points
    back to a body the story has named; it is no name of its own."""
    m = _TOWN_BARE_HEAD.fullmatch(name)
    return bool(m and doc.gaz.city(m.group("town")))


_LEADING_ARTICLE = re.compile(r"^(?:The|the|La|Le|De|Het|Die|Der)\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSED = re.compile(r"(.+?)['’]s\s+(.+)")
_AND_THE = re.compile(r"\s+and\s+the\s+(?=[A-Z])")
_AND_INSIDE = re.compile(r"\s(?:and|&)\s")


_TRADING_WORD = re.compile(
    r"(?<![\w-])(?:Shipping|Resources|Holdings?|Logistics|Mining|Ventures|Industries|Pte|Ltd|Limited|GmbH|Inc)(?![\w-])"
)


def _body_names(doc: _Doc, sent: Sentence) -> list[tuple[int, int]]:
    """Proper names of public bodies in a sentence, trimmed to the part that names the body."""
    if sent.start in doc.body_cache:
        return doc.body_cache[sent.start]
    text = doc.text
    out: list[tuple[int, int]] = []
    for m in _BODY_RE.finditer(text, sent.start, sent.end):
        pieces = _BODY_SPLIT_RE.split(m.group(0))
        offset = m.start()
        for piece in pieces:
            p_start = text.index(piece, offset)
            offset = p_start + len(piece)
            # a match holds one of the head words: most pieces have none and skip the scan
            sm = _BODY_HEAD_RE.search(piece) if any(h in piece for h in _START_HEADS) else None
            if sm:
                cand_s = p_start + sm.start()
                cand_e = p_start + len(piece.rstrip(" ,.;:"))
            else:
                # "Finnish Security and Intelligence Service" keeps its "and"; "Huawei and the NCSC" does not
                run = _BODY_RUN_END.search(piece)
                if run and _AND_INSIDE.search(run.group(1)):
                    left = run.group(1).split(" and ")[0].split(" & ")[0]
                    if _place_code(doc, left.split()[-1]) or any(
                        h.kind == "company" and p_start + run.start(1) <= h.start < p_start + run.start(1) + len(left)
                        for h in doc.entity_hits
                    ):
                        run = _BODY_RUN_END_NO_AND.search(piece)
                if not run:
                    continue
                cand_s = p_start + run.start(1)
                cand_e = cand_s + len(run.group(1).rstrip(" ,.;:"))
            name = text[cand_s:cand_e]
            name = _LEADING_ARTICLE.sub("", name)
            cand_s = cand_e - len(name)
            while name.split() and name.split()[0] in _LEADING_NOISE:
                first = name.split()[0]
                name = name[len(first) :].lstrip()
                cand_s = cand_e - len(name)
            name = _TIME_TAIL.sub("", _POSSESSIVE_END.sub("", name))
            # "Select Committee Chairman John Moolenaar": the body, not its chairman
            name = name[: titled.start()] if (titled := _TITLE_THEN_PERSON.search(name)) else name
            # "Ministerium Fehler in der Argumentation vor": what follows the object goes with it
            noun_after = _GERMAN_HEAD_THEN_NOUN.match(name)
            if noun_after and not _place_code(doc, noun_after.group("noun")):
                name = noun_after.group("head")  # "warf dem Ministerium Fehler vor": the object, no name
            cand_e = cand_s + len(name)
            if _town_and_bare_head(doc, name):
                continue
            if name and _kind_of_body(doc, name)[0]:
                # "the Department of National Defense and the National Intelligence Coordinating
                # Agency": two bodies, each named in full
                pair = _AND_THE.search(name)
                left, right = (name[: pair.start()], name[pair.end() :]) if pair else ("", "")
                if pair and _kind_of_body(doc, left)[0] and _kind_of_body(doc, right)[0]:
                    out += [(cand_s, cand_s + len(left)), (cand_s + pair.end(), cand_e)]
                else:
                    out.append((cand_s, cand_e))
    doc.body_cache[sent.start] = out
    return out


_INSIDE_A_FIRM = re.compile(
    r"\s+(?:within|inside|at|of|on)\s+(?:the|its|their)\s+(?:company|firm|group|board|business|operator)\b"
)
_VAN_TOWN = re.compile(r"\s+(?:van|von)\s+([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)")
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _short_body_name(name: str, full: str) -> bool:
    """Whether `name` is a shorter way to write the body `full`: a run of its words, or its
    subject before its head ("Commerce Department" for "Department of Commerce")."""
    short, long = fold(name), fold(full)
    if short == long or not name[:1].isupper() or " " not in short:
        return False
    if f" {short} " in f" {long} ":
        return True
    inverted = re.fullmatch(r"(.+) (committee|department|ministry|commission|office|agency|council)", short)
    return (
        bool(inverted)
        and re.search(rf"\b{inverted.group(2)} (?:on|of|for) (?:the )?{re.escape(inverted.group(1))}$", long)
        is not None
    )


def _common_name_row(doc: _Doc, sent: Sentence, name: str) -> dict | None:
    """'In the United States, Congress passed a law': a body's common name is the body of the
    country the sentence names (else the host's), not a new body of the host country."""
    rows = doc.rules.term_rows.get(fold(name), [])
    if not rows:
        return None
    named = {h.key for h in doc.countries_in(sent.start, sent.end)}
    return next((r for r in rows if r.get("country") in named), None) or next(
        (r for r in rows if r.get("country") == doc.host), None
    )


_ACRONYM_AT = re.compile(r"[A-Z][A-Za-z]{1,7}\b")
_COMPARED_TO_BEFORE = re.compile(
    r"(?<![\w-])(?:equivalent|counterpart|answer)\s+(?:of|to)\s+(?:the\s+|America['’]s\s+|Britain['’]s\s+)?$|"
    r"(?:l['’]équivalent|l['’]homologue)\s+(?:du|de\s+la|de\s+l['’]|des)\s*$|"
    r"(?:equivalent|tegenhanger)\s+van\s+(?:de\s+|het\s+)?$|(?:Pendant|Gegenstück)\s+(?:zum|zur|des|der)\s+$",
    re.IGNORECASE,
)


def _agencies(doc: _Doc, companies: list[_Company]) -> list[FoundAgency]:
    text, _rules, gaz = doc.text, doc.rules, doc.gaz
    agencies: dict[str, _Agency] = {}
    company_spans = SpanSet(m for c in companies for m in c.mentions)
    origins = {c.country for c in companies if c.country}

    def add(name: str, start: int, end: int, **kw: Any) -> _Agency:
        ag = agencies.get(name)
        if ag is None:
            ag = agencies[name] = _Agency(name=name, **kw)
        ag.mentions.append((start, end))
        return ag

    compared: list[tuple[int, int]] = []
    for hit in doc.entity_hits:
        if hit.kind != "agency" or not doc.in_content(hit.start):
            continue
        if _COMPARED_TO_BEFORE.search(text, max(0, hit.start - 40), hit.start):
            compared.append((hit.start, hit.end))  # "the country's equivalent of the FBI": a comparison
            continue
        row = gaz.agencies[hit.key]
        if _common_noun_use(doc, hit, row):
            # "the cyber centre" in a Lithuanian story: Canada's "Cyber Centre" only by its spelling,
            # it is the body named before ("the National Cyber Security Centre"), or none
            words = set(fold(hit.form).split())
            same = next((a for a in agencies.values() if words <= set(fold(a.name).split())), None)
            if same:
                same.mentions.append((hit.start, hit.end))
            continue
        code, own_row = _qualified_country(doc, hit, row)
        if code == "":
            continue
        if code is not None:
            if own_row is None:
                # "Lithuania's National Cyber Security Centre" is Lithuania's body, not the
                # gazetteer's British one of the same name
                ag = add(hit.form, hit.start, hit.end, kind=row.get("kind") or "other", country=code)
                continue
            row = own_row
        ag = add(
            row["name"],
            hit.start,
            hit.end,
            kind=row.get("kind") or "other",
            country=row.get("country") or None,
            acronym=row.get("acronym") or "",
            gaz_index=doc.gaz.agencies.index(row) if row is not gaz.agencies[hit.key] else hit.key,
        )
        if hit.form != row["name"]:
            ag.aliases.add(hit.form)
        # "Finland's National Bureau of Investigation (NBI)": the story's acronym for a known body
        acr = _BRACKETED_ACRONYM.match(text, hit.end)
        if acr and acr.group(1) not in (ag.acronym, row["name"]):
            ag.aliases.add(acr.group(1))
    taken = SpanSet(
        [m for a in agencies.values() for m in a.mentions] + list(company_spans) + doc.outlet_spans + compared
    )
    for sent in doc.content:
        if _is_title_case_line(sent):
            continue
        for s, e in _body_names(doc, sent):
            if _overlaps(s, e, taken):
                continue
            name = text[s:e]
            if re.match(
                r"\s+(?:minister|secretary|official|officials|chief|spokes\w+|head)\b", text[e : e + 20], re.IGNORECASE
            ):
                continue
            if _INSIDE_A_FIRM.match(text, e):
                continue  # "BT will establish a National Security Committee within the company": the firm's own
            # "the Treasury" after "the U.S. Treasury Department" is the body already named
            same = next((a for a in agencies.values() if fold(name) in _generic_forms(doc, a)), None)
            # "the Treasury" after "the Australian Treasury": the tail of a body already named
            same = same or next(
                (
                    a
                    for a in agencies.values()
                    if fold(a.name).endswith(" " + fold(name)) and a.country in (doc.host, None) and name[:1].isupper()
                ),
                None,
            )
            # "Select Committee" and "Homeland Security Committee" after "the House Select Committee on
            # the Chinese Communist Party" and "the House Committee on Homeland Security"
            same = same or next((a for a in agencies.values() if _short_body_name(name, a.name)), None)
            if same is not None:
                same.mentions.append((s, e))
                if len(name.split()) >= 3 and fold(name) != fold(same.name):
                    # "the Department of the Prime Minister and Cabinet (PM&C)": the name it goes by at home
                    same.aliases.add(name)
                taken.add(s, e)
                continue
            kind, country = _kind_of_body(doc, name)
            row = _owned_row(doc, name) or _common_name_row(doc, sent, name)
            # "the Personal Information Protection Commission" in a Japanese story is the gazetteer's
            # "... of Japan" (a name another country's body bears too)
            row = row or doc.rules.unqualified_rows.get((country or doc.host or "", fold(name)))
            if row is not None:
                # "Lithuania's State Security Department" is the gazetteer's Lithuanian one
                ag = add(
                    row["name"],
                    s,
                    e,
                    kind=row.get("kind") or "other",
                    country=row.get("country"),
                    acronym=row.get("acronym") or "",
                    gaz_index=doc.gaz.agencies.index(row),
                )
                ag.aliases.add(name)
                bare = _POSSESSED.fullmatch(name)
                if bare and fold(bare.group(2)) != fold(ag.name):
                    ag.aliases.add(bare.group(2))  # and its own name, "State Security Department"
                taken.add(s, e)
                continue
            owned = _POSSESSED.fullmatch(name)
            owner = _place_code(doc, owned.group(1)) if owned else None
            if owner:
                # "Lithuania's State Defence Council" is the State Defence Council, Lithuanian
                ag = add(owned.group(2), s, e, kind=kind or "other", country=owner)
                ag.aliases.add(name)
                taken.add(s, e)
                continue
            if country is None:
                # "das japanische Ministerium für ...", "des südkoreanischen Ministeriums": the adjective before
                adj = doc.country_before(s, sent.start)
                country = adj.key if adj and adj.kind == "adjective" else None
            ag = add(name, s, e, kind=kind or "other", country=country or doc.host or doc.main_country)
            acr = _BRACKETED_ACRONYM.match(text, e)
            if acr:
                ag.acronym = acr.group(1)
            taken.add(s, e)
    for ag in list(agencies.values()):
        if ag.acronym and ag.gaz_index is None:
            for s, e in name_spans(text, ag.acronym):
                if doc.in_content(s) and not _overlaps(s, e, taken):
                    ag.mentions.append((s, e))
        # "the Investment Security Unit, known as ISU": right after a mention, not in a clause after it
        # ("the committees, which have been looking into the company, better known as ZPMC")
        for _s, e in ag.mentions:
            known = KNOWN_AS.match(text, e)
            acronym = known and _ACRONYM_AT.match(text, known.end())
            if acronym:
                ag.aliases.add(acronym.group(0))
    _governments(doc, agencies, origins, add)
    _generic_agencies(doc, agencies, origins, add)
    _committees(doc, agencies, add)
    _house_committees(doc, agencies, add)
    _ministries(doc, agencies, add)
    _french_ministries(doc, agencies, add)
    _french_ministers(doc, agencies, add)
    _embassies(doc, agencies, add)
    _coordinated_departments(doc, agencies, add)
    _leaders_decide(doc, agencies, add)
    _seated_bodies(doc, agencies, add)
    _role_named_bodies(doc, agencies, add, company_spans)
    _portfolio_titles(doc, agencies, add)
    _regions(doc, agencies, add)
    _local_bodies(doc, agencies, add)
    _merge_cabinets(agencies)
    _merge_tails(agencies)
    found = []
    for ag in agencies.values():
        if not ag.mentions:
            continue  # every mention went to a more precise body (_house_committees)
        if all(_former_employer(text, s, e) for s, e in ag.mentions):
            continue  # "a former MI6 chief": the body is only someone's past employer
        if all(_SITE_AFTER_BODY.match(text, e) for _s, e in ag.mentions):
            continue  # "a U.S. Air Force base": the body only says whose site it is
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
        found.append(
            FoundAgency(
                name=ag.name, acronym=ag.acronym, aliases=aliases, country=ag.country, kind=ag.kind, evidence=evidence
            )
        )
    return found


# "the Minister for Resources, Madeleine King", "Secretary of Commerce Gina Raimondo": a title that
# names its portfolio stands for the ministry
_PORTFOLIO_TITLE = re.compile(
    r"(?<![\w-])(?:Minister|Secretary(?:\s+of\s+State)?)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?P<topic>(?!State\b)[A-Z][a-z]+(?:\s+Affairs|\s+Security)?(?:\s+and\s+[A-Z][a-z]+(?:\s+Affairs)?)?)(?![\w-])"
)
# every match holds one of these
_PORTFOLIO_TITLE_WORDS = ("Minister", "Secretary")


def _portfolio_titles(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if not doc.may_hold(_PORTFOLIO_TITLE_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _PORTFOLIO_TITLE.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            topic = m.group("topic")
            # "Secretary of State Antony Blinken" keeps the portfolio's words, not the person's
            words = [w for w in re.findall(r"[A-Z][a-z]+", topic) if not doc.gaz.city(w)]
            hit = doc.country_before(m.start(), sent.start, words=1)
            code = hit.key if hit else doc.host
            if not words or not code or _place_code(doc, topic):
                continue
            title = re.sub(r"\s+", " ", m.group(0))
            key = words[0].lower()
            ag = next(
                (
                    a
                    for a in agencies.values()
                    if a.country == code
                    and a.kind in ("ministry", "screening")
                    and key in re.findall(r"\w+", a.name.lower())
                ),
                None,
            )
            if ag is None:
                ag = add(title, m.start(), m.end(), kind="ministry", country=code)
            else:
                ag.mentions.append((m.start(), m.end()))
                ag.aliases.add(title)
            taken.add(m.start(), m.end())


# a parliament's committee named in lower case: "the Commons culture, media and sport committee",
# "der Wirtschaftsausschuss des Bundestages", "de vaste Kamercommissie voor Economische Zaken",
# "la commission des affaires économiques du Sénat"
_COMMITTEE = re.compile(
    r"(?<![\w-])(?P<en>(?P<en_house>Commons|Lords)\s+(?:[a-z]+,?\s+){1,6}?(?:select\s+)?committee)(?![\w-])"
    r"|(?<![\w-])(?P<de>[A-ZÄÖÜ][a-zäöüß]*ausschuss(?:es)?\s+des\s+(?P<de_house>Bundestag|Bundesrat|Landtag)(?:e?s)?)(?![\w-])"
    r"|(?<![\w-])(?P<nl>(?:vaste\s+)?(?P<nl_house>Kamer)commissie(?:\s+voor\s+(?:[A-Z][\w-]*\s*(?:en\s+)?)+)?)"
    r"|(?<![\w-])(?P<fr>commission\s+(?:des|de\s+la|du|d['’])\s*(?:[\wéèêàç'’-]+\s+){1,5}?(?:du\s+(?P<fr_house>Sénat)|"
    r"de\s+l['’](?P<fr_house2>Assemblée(?:\s+nationale)?)))(?![\w-])"
)
# every match holds one of these
_COMMITTEE_WORDS = ("committee", "ausschuss", "commissie", "commission")
_HOUSE_COUNTRY = {
    "Commons": "GB",
    "Lords": "GB",
    "Bundestag": "DE",
    "Bundesrat": "DE",
    "Landtag": "DE",
    "Sénat": "FR",
    "Assemblée": "FR",
}


def _committees(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if not doc.may_hold(_COMMITTEE_WORDS):
        return  # every match holds one of these words
    text = doc.text
    # the house inside the committee's name ("du Sénat") does not stop it
    taken = SpanSet([m for a in agencies.values() if a.kind != "parliament" for m in a.mentions])
    for sent in doc.content:
        for m in _COMMITTEE.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            houses = ("en_house", "de_house", "nl_house", "fr_house", "fr_house2")
            word = next(m.group(g) for g in houses if m.group(g)).split()[0]  # "Assemblée nationale"
            if word == "Kamer" or (word == "Sénat" and doc.host == "BE"):
                code = doc.host if doc.host in ("NL", "BE") else "NL"  # the Dutch or the Belgian chamber
            else:
                code = _HOUSE_COUNTRY[word]
            name = re.sub(r"\s+", " ", m.group(0)).strip()
            ag = add(name, m.start(), m.end(), kind="parliament", country=code)
            if m.group("en"):
                ag.aliases.add(re.sub(r"^(?:Commons|Lords)\s+", "", name))  # "culture, media and sport committee"
            taken.add(m.start(), m.end())


# after a parliament's name: "the Seimas Committee on National Security and Defence"
_COMMITTEE_AFTER_HOUSE = re.compile(
    r"\s+(?:Select\s+|Standing\s+)?Committee\s+(?:on|for)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:,?\s+(?:(?:and|of|the|&)\s+)*[A-Z][\w'’-]*)*"
)


def _house_committees(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    """A committee named after its house is a body of its own, not the house."""
    for house in [a for a in agencies.values() if a.kind == "parliament"]:
        for s, e in list(house.mentions):
            m = _COMMITTEE_AFTER_HOUSE.match(doc.text, e)
            if m:
                house.mentions.remove((s, e))
                name = re.sub(r"\s+", " ", doc.text[s : m.end()])
                add(name, s, m.end(), kind="parliament", country=house.country)


def _owned_row(doc: _Doc, name: str) -> dict | None:
    """The gazetteer row for "<Country>'s <body>": that country's body whose name ends with, or
    whose alias is, the rest of the phrase."""
    m = re.fullmatch(r"(.+?)['’]s\s+(.+)", name)
    code = _place_code(doc, m.group(1)) if m else None
    if not code:
        return None
    rest = fold(m.group(2))
    return next(
        (
            r
            for r in doc.gaz.agencies
            if r.get("country") == code
            and (fold(r["name"]).endswith(" " + rest) or rest in {fold(a) for a in r.get("aliases") or []})
        ),
        None,
    )


def _merge_tails(agencies: dict[str, _Agency]) -> None:
    """'the Treasury' found on its own and 'the Australian Treasury' found from a title are one
    body: a bare name that ends another body's name of the same country folds into it."""
    for ag in list(agencies.values()):
        if ag.gaz_index is not None or ag.name not in agencies:
            continue
        fuller = next(
            (
                a
                for a in agencies.values()
                if a is not ag
                and a.country == ag.country
                and (
                    fold(a.name).endswith(" " + fold(ag.name))
                    # "the Finnish Security Intelligence Service (Supo)" is the Supo the gazetteer found
                    or (ag.acronym and a.gaz_index is not None and ag.acronym in {a.acronym, *a.aliases})
                )
            ),
            None,
        )
        if fuller is not None:
            _fold_into(agencies, ag, fuller)


_COMMITTEE_WORD = re.compile(r"\b(?:Committee|Ausschuss|[Cc]omité|[Cc]ommissie)\b")


def _merge_cabinets(agencies: dict[str, _Agency]) -> None:
    """The "Bundeskabinett" and the "Bundesregierung" in one story are one decider: the cabinet is the
    government meeting, so its record folds into the country's government."""
    for cab in [
        a
        for a in agencies.values()
        # "the National Security Committee of Cabinet" is a body of its own, not the cabinet
        if _CABINET.search(a.name) and a.kind in ("other", "screening") and not _COMMITTEE_WORD.search(a.name)
    ]:
        gov = next(
            (
                a
                for a in agencies.values()
                if a is not cab and a.country == cab.country and _is_government(a) and not _CABINET.search(a.name)
            ),
            None,
        )
        if gov is not None:
            _fold_into(agencies, cab, gov)


def _fold_into(agencies: dict[str, _Agency], ag: _Agency, target: _Agency) -> None:
    """Two records of one body: `ag`'s names and mentions join `target`, which keeps a screening role."""
    target.aliases |= ag.aliases | {ag.name}
    target.mentions += ag.mentions
    target.acting = target.acting or ag.acting
    if ag.kind == "screening":
        target.kind = "screening"
    del agencies[ag.name]


_CABINET = re.compile(r"\b(?:Cabinet|Kabinett|kabinet|Bundeskabinett)\b(?!\s+(?:Office|of\s+the\s+Prime))")


# a prosecutor's office named with its seat: "le parquet de Paris", "die Staatsanwaltschaft Köln",
# "het parket in Rotterdam"
_SEATED_BODY = re.compile(
    # "reported six managers to prosecutors in Pordenone", "la Procura di Milano"
    r"(?<![\w-])(?P<head>(?i:parquet|parket|(?:public\s+)?prosecutors?(?:['’]s?\s+office)?|procura)|Staatsanwaltschaft|"
    # courts named by their seat: "das Verwaltungsgericht Köln", "de rechtbank Rotterdam",
    # "le tribunal administratif de Paris"
    r"(?P<court>(?:Ober)?[Vv]erwaltungsgericht|(?:Ober)?[Ll]andesgericht|Landgericht|Amtsgericht|Finanzgericht|"
    r"Oberlandesgericht|[Rr]echtbank|[Tt]ribunal\s+(?:administratif|judiciaire|de\s+commerce)))"
    r"(?:\s+(?:de|d['’]|in|van|te|di|of)\s*|\s+)(?P<seat>[A-Z][\w-]+)"
)
# every match holds one of these
_SEATED_BODY_WORDS = (
    "Staatsanwaltschaft",
    "erwaltungsgericht",
    "andesgericht",
    "Landgericht",
    "Amtsgericht",
    "Finanzgericht",
    "echtbank",
    "ribunal",
)
_SEATED_BODY_FOLDED = ("parquet", "parket", "prosecutor", "procura")


def _seated_bodies(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if not doc.may_hold(_SEATED_BODY_WORDS, _SEATED_BODY_FOLDED):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _SEATED_BODY.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            city = doc.gaz.city(m.group("seat"))
            # a town too small for the city table, of a country the story is about: "prosecutors in Pordenone"
            code = (
                city[0] if city else (_town_code(doc, m.group("seat")) if _story_town(doc, m.group("seat")) else None)
            )
            if not code:
                continue
            kind = "other" if m.group("court") else "law_enforcement"
            name = re.sub(r"\s+", " ", m.group(0))
            # "wanted by prosecutors in Brooklyn" in a Canadian story: the town's country, not the host's
            ag = agencies.get(name) or add(name, m.start(), m.end(), kind=kind, country=code)
            if ag.mentions[-1] != (m.start(), m.end()):
                ag.mentions.append((m.start(), m.end()))
            taken.add(m.start(), m.end())


# a body introduced by what it is: "the national transport infrastructure regulator Ositran", "le régulateur
# Arcep", "de toezichthouder ACM", "die Regulierungsbehörde Bnetza"
_ROLE_NAMED_BODY = re.compile(
    r"(?<![\w-])(?P<words>(?:[a-zà-ÿ][\w-]*\s+){0,4})(?P<noun>regulator|watchdog|régulateur|gendarme|"
    r"toezichthouder|Regulierungsbehörde|Aufsichtsbehörde)\s+(?P<name>[A-Z][\w-]+)(?![\w'’-])(?!\s+[A-Z])"
)
_ROLE_NAMED_BODY_WORDS = ("regulator", "watchdog", "régulateur", "gendarme", "toezichthouder", "behörde")


def _role_named_bodies(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency, company_spans: SpanSet) -> None:
    if not doc.may_hold((), _ROLE_NAMED_BODY_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions] + list(company_spans) + doc.outlet_spans)
    for sent in doc.content:
        for m in _ROLE_NAMED_BODY.finditer(text, sent.start, sent.end):
            name = m.group("name")
            if (
                _overlaps(m.start("name"), m.end("name"), taken)
                or name in doc.rules.stopwords
                or name in doc.rules.given_names
                or _place_code(doc, name)
            ):
                continue
            adjective = next((h for h in doc.countries_in(m.start(), m.start("noun")) if h.kind == "adjective"), None)
            ag = agencies.get(name) or add(
                name, m.start("name"), m.end("name"), kind="regulator", country=adjective.key if adjective else doc.host
            )
            if ag.mentions[-1] != (m.start("name"), m.end("name")):
                ag.mentions.append((m.start("name"), m.end("name")))
            role = re.sub(r"^(?:the|le|la|de|het|die|der)\s+", "", m.group("words") + m.group("noun"))
            ag.aliases.add(re.sub(r"\s+", " ", role))
            taken.add(m.start("name"), m.end("name"))


# a French region acting as a body: "la région Grand Est a voté une aide", "saluée par la Région
# Hauts-de-France"; "dans la région Grand Est" is only a place
_REGION_BODY = re.compile(
    r"(?<![\w-])(?P<head>[Rr]égion|[Cc]onseil\s+régional(?:\s+d['’]|\s+de\s+|\s+des\s+|\s+du\s+)?)\s*"
    r"(?P<name>[A-Z][\w'’]+(?:-[\w'’]+)*(?:\s+[A-Z][\w'’]+(?:-[\w'’]+)*)?)"
)
_REGION_PLACE_BEFORE = re.compile(
    r"(?:dans|en|à|vers|sur|près\s+de|hors\s+de|toute)\s+(?:la\s+|le\s+)?$", re.IGNORECASE
)
_REGION_ACTS = re.compile(
    r"\s*(?:,\s*qui\s+|qui\s+)?(?:a|avait|va|doit|veut|a\s+\w+|finance|soutient|vote|demande|estime|"
    r"s['’]est|s['’]oppose|refuse)\b"
)


def _regions(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    text = doc.text
    if doc.language != "fr":
        return
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _REGION_BODY.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken) or _place_code(doc, m.group("name")):
                continue
            before = text[max(sent.start, m.start() - 25) : m.start()]
            if _REGION_PLACE_BEFORE.search(before):
                continue
            if not (
                m.group("head")[0] == "R" or re.search(r"\bpar\s+la\s+$", before) or _REGION_ACTS.match(text, m.end())
            ):
                continue
            name = re.sub(r"\s+", " ", m.group(0))
            ag = agencies.get(name) or add(name, m.start(), m.end(), kind="other", country=doc.host or "FR")
            if ag.mentions[-1] != (m.start(), m.end()):
                ag.mentions.append((m.start(), m.end()))
            taken.add(m.start(), m.end())


# a province, municipality, département or German Land's body with its place's name:
# "De provincie Zeeland onderzoekt", "de gemeente Maashorst", "der Landesverfassungsschutz
# Schleswig-Holstein", "le département de la Marne"
_LOCAL_BODY = re.compile(
    r"(?<![\w-])(?P<head>[Pp]rovincie|[Gg]emeente|Landesregierung|Landtag|Landkreis|Landesverfassungsschutz|"
    r"Landesamt\s+für\s+Verfassungsschutz|Staatsregierung|[Dd]épartement\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)|"
    r"[Cc]onseil\s+départemental\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)|[Pp]réfecture\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+))"
    r"\s*(?P<name>[A-Z][\w'’]+(?:-[\w'’]+)*)(?!\s+[A-Z])"
)
# every match holds one of these
_LOCAL_BODY_WORDS = ("rovincie", "emeente", "Land", "Staatsregierung", "épartement", "onseil", "réfecture")
# said as a place, not a body: "in de gemeente Maashorst", "im Landkreis Parchim"
_LOCAL_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|te|bij|im|in\s+der|in\s+den|dans|en|sur)\s+(?:de\s+|het\s+|le\s+|la\s+)?)$"
)


# in English a town or province is a body only when it acts or receives: "The city of Kemijärvi in
# Finnish Lapland turned down an offer", "sold the stockpile to the province of Saskatchewan"
_EN_LOCAL_BODY = re.compile(
    r"(?<![\w-])(?P<head>[Pp]rovince|[Cc]ity|[Mm]unicipality|[Tt]own|[Cc]ounty)\s+of\s+"
    r"(?P<name>[A-Z][\w'’]+(?:-[\w'’]+)*)(?!\s+[A-Z])"
)
_EN_LOCAL_BODY_ACTS = re.compile(rf"(?:\s+(?!(?:and|or)\b)[\w'’-]+){{0,4}}?,?\s+(?:{_ACTION_VERBS}|turned\s+down)\b")
_EN_LOCAL_BODY_GETS = re.compile(r"(?<![\w-])(?:to|by|with)\s+the\s+$")


def _en_local_bodies(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if doc.language != "en" or not doc.may_hold((" of ",)):
        return
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _EN_LOCAL_BODY.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            acts = _EN_LOCAL_BODY_ACTS.match(text, m.end(), sent.end)
            gets = _EN_LOCAL_BODY_GETS.search(text, max(sent.start, m.start() - 12), m.start())
            if not (acts or gets):
                continue
            name = m.group(0)[0].lower() + m.group(0)[1:]  # "The city of X" opening a sentence
            place = m.group("name")
            code = doc.gaz.region_code(place) or (doc.gaz.city(place) or [None])[0] or doc.host or doc.main_country
            ag = agencies.get(name) or add(name, m.start(), m.end(), kind="other", country=code)
            if ag.mentions[-1] != (m.start(), m.end()):
                ag.mentions.append((m.start(), m.end()))
            taken.add(m.start(), m.end())


def _local_bodies(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    _en_local_bodies(doc, agencies, add)
    if not doc.may_hold(_LOCAL_BODY_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _LOCAL_BODY.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken) or _place_code(doc, m.group("name")):
                continue
            if _LOCAL_PLACE_BEFORE.search(text[max(sent.start, m.start() - 12) : m.start()]):
                continue
            head = m.group("head")
            kind = "parliament" if head == "Landtag" else "other"
            if "verfassungsschutz" in head.lower():
                kind = "intelligence"
            name = re.sub(r"\s+", " ", m.group(0))
            if name[0].isupper() and head[0].isupper() and not head.startswith("Land") and head != "Staatsregierung":
                name = name[0].lower() + name[1:]  # "De provincie Zeeland" opening a sentence
            ag = agencies.get(name) or add(name, m.start(), m.end(), kind=kind, country=doc.host or doc.main_country)
            if ag.mentions[-1] != (m.start(), m.end()):
                ag.mentions.append((m.start(), m.end()))
            taken.add(m.start(), m.end())


def _common_noun_use(doc: _Doc, hit: Hit, row: dict) -> bool:
    """A foreign body's proper name written in lower case, as a common noun of the story's own
    country ("the cyber centre"), where the gazetteer has no such generic term for it."""
    own = row.get("country") or ""
    if not hit.form.islower() or not doc.host or own in ("", "EU", doc.host):
        return False
    form = fold(hit.form)
    if form in {fold(t) for t in row.get("generic_terms") or []}:
        return False
    # the gazetteer writing it in lower case itself ("ministère des armées") is no proper name
    return not any(f.islower() for f in [row["name"], *(row.get("aliases") or [])] if fold(f) == form)


def story_form(doc: _Doc, hit: Hit, row: dict) -> str:
    """The folded form a body goes by in the story: its full name where the hit is an acronym the
    story spelled out ("the National Cyber Security Centre (NCSC)" ... "the NCSC")."""
    return fold(row["name"]) if hit.form.isupper() and row["name"] in doc.text else fold(hit.form)


def _qualified_country(doc: _Doc, hit: Hit, row: dict) -> tuple[str | None, dict | None]:
    """(country, its own gazetteer row or None) when the story puts a gazetteer body's name in
    another country: "Lithuania's National Cyber Security Centre", "the country's National Cyber
    Security Centre" in a Lithuanian story, or a name several countries' bodies answer to
    ("gouvernement fédéral") in a story set in one of them. (None, None) keeps the hit's row."""
    own = row.get("country") or ""
    if not own or own == "EU":
        return None, None
    sent = doc.sentence_at(hit.start)
    floor = sent.start if sent else max(0, hit.start - 80)
    before = doc.country_before(hit.start, floor)
    code = before.key if before is not None and before.kind in ("country", "adjective") else None
    if code is None and doc.host and re.search(r"\b(?:country|nation)['’]s\s+$", doc.text[floor : hit.start]):
        code = doc.host
    form = fold(hit.form)
    # "the National Cyber Security Centre" in a Lithuanian story, and its "NCSC" after that
    named = story_form(doc, hit, row)
    if code is None and doc.host and doc.host != own and (local := doc.rules.unqualified_rows.get((doc.host, named))):
        return doc.host, local
    if code is None and doc.host and doc.host != own and form != fold(row["name"]):
        code = doc.host
        rows = doc.rules.alias_rows.get((code, form)) or doc.rules.generic_rows.get((code, form))
        if rows:
            return code, rows[0]
        if len({r.get("country") for r in doc.rules.term_rows.get(form, [])}) > 1:
            return "", None  # a phrase several countries use, none of them the host: not this body
        return None, None
    if code is None or code == own or code == "EU":
        return None, None
    rows = doc.rules.alias_rows.get((code, form)) or doc.rules.generic_rows.get((code, form))
    return code, (rows[0] if rows else None)


_NAMED_BASE = re.compile(
    r"(?<![\w-])(?:RAF|Fort|Naval\s+(?:Air\s+)?Station|Joint\s+Base|Marine\s+Corps\s+Base)\s+[A-Z][\w-]+"
    r"(?:\s+[A-Z][\w-]+(?![\w'’-]))?"
)
# every match of _NAMED_BASE holds one of these
_NAMED_BASE_WORDS = ("RAF", "Fort", "Station", "Joint", "Marine")


# "a U.S. Air Force base", "the Royal Australian Air Force Base Tindal": the body only owns the site
_SITE_AFTER_BODY = re.compile(
    r"\s+(?:base|bases|station|airfield|barracks|installation|depot|shipyard|range)\b", re.IGNORECASE
)


def _generic_forms(doc: _Doc, ag: _Agency) -> set[str]:
    if ag.gaz_index is None:
        return set()
    return {fold(t) for t in doc.gaz.agencies[ag.gaz_index].get("generic_terms") or []}


def _former_employer(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    return bool(
        re.search(
            r"\b(?:former|ex-|ancien|ancienne|voormalig\w*|ehemalig\w*|oud-)\s*(?:\w+\s+){0,3}$", before, re.IGNORECASE
        )
        or re.search(r"\b(?:formerly|previously)\s+(?:of|at|with)\s+(?:the\s+)?$", before, re.IGNORECASE)
    ) and not re.match(r"\s*(?:said|says|warned|has|have|is|was|will)\b", after)


def _government_row(doc: _Doc, code: str, word: str) -> dict | None:
    """The gazetteer's government of `code` that answers to `word` ("government", "administration");
    a foreign government named in the story's language ("Spaanse regering") is its "government"."""
    rows = doc.rules.generic_rows.get((code, fold(word))) or doc.rules.generic_rows.get((code, "government"), [])
    return next((r for r in rows if r.get("kind") in ("other", "ministry", "screening")), None)


_CUSTOMER_BEFORE = re.compile(
    r"\b(?:business|contracts?|deals?|sales?|sell(?:s|ing)?|suppl(?:y|ying|ier|iers))\s+(?:\w+\s+)?(?:with|to|for)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_OF_THE_EU = re.compile(
    r"\s+(?:de\s+l['’]\s*(?:UE|Union)|of\s+the\s+(?:EU|European)|der\s+(?:EU|Europäischen)|van\s+de\s+(?:EU|Europese)|"
    r"européen|européens|europeo|(?:of\s+the\s+)?Europe)",
    re.IGNORECASE,
)
# the government meeting as a body: "het kabinet", "Le Conseil des ministres a fait usage de ses pouvoirs spéciaux"
_CABINET_WORDS = {
    "kabinet", "cabinet", "kabinett", "council of ministers", "conseil des ministres", "ministerraad", "ministerrat",
    "consejo de ministros", "consiglio dei ministri",
}  # fmt: skip


def _governments(doc: _Doc, agencies: dict[str, _Agency], origins: set[str], add: _AddAgency) -> None:
    """'the Belgian government', 'Canada's government', 'le gouvernement belge', 'the Trump-led US administration'."""
    text = doc.text
    for sent in doc.content:
        for m in doc.matches(doc.rules.government_re, sent.start, sent.end):
            word = m.group("g")
            # "UK Government Investments Headquarters" is a name, not the government
            if word.lower() == "authorities" or re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
                continue
            if _CUSTOMER_BEFORE.search(text, max(sent.start, m.start() - 40), m.start()):
                continue  # "cutting firms off from business with the federal government": a customer
            g_start = m.start("fed") if m.group("fed") else m.start("g")
            hit = doc.country_before(g_start, sent.start)
            if hit is None and doc.language == "fr":
                # only French puts the nationality after the noun: "le gouvernement belge"; in "het
                # kabinet Chinese investeerders" the adjective belongs to the next noun
                hit = doc.country_after(m.end("g"), sent.end)
            if word == "Bundesregierung":
                code, start = "DE", m.start()
            elif hit is not None:
                code, start = hit.key, min(hit.start, m.start())
            elif m.group("fed") or m.group("fed2"):
                # "the federal government": the host country's national government, not a regional
                # one the story also names ("Northern Territory Government")
                row = _government_row(doc, doc.host, "federal government") if doc.host else None
                gov = agencies.get(row["name"]) if row else None
                if gov is None and row:
                    gov = add(row["name"], m.start(), m.end(), kind=row.get("kind") or "other", country=doc.host)
                gov = gov or next((a for a in agencies.values() if a.country == doc.host and _is_government(a)), None)
                if gov:
                    gov.aliases.add(_strip_article(m.group(0)))
                    gov.mentions.append((m.start(), m.end()))
                continue
            elif (
                doc.host
                and word.lower() in _CABINET_WORDS
                # "le Conseil des ministres de l'UE", "the Council of Ministers of the EU": the EU's
                and not _OF_THE_EU.match(text, m.end())
                and re.search(
                    r"\b(?:the|het|de|le|la|das|dem|des|der|die)\s+$",
                    text[max(sent.start, m.start() - 5) : m.start()],
                    re.IGNORECASE,
                )
            ):
                # "het kabinet", "das Kabinett" with no country named: the host country's, as a reader takes it
                code, start = doc.host, m.start()
            elif code := _leaders_country(doc, text[max(sent.start, m.start() - 60) : m.start()]):
                # "ties between Prime Minister Viktor Orbán's government and Moscow": the leader's country
                start = m.start()
            elif doc.host and _host_government(text, sent.start, m):
                # "The government has concluded", "Prime Minister Erna Solberg's government": the
                # unqualified government that decides is the host country's
                code, start = doc.host, m.start()
            else:
                continue
            end = max(m.end(), hit.end if hit is not None else m.end())
            after = text[end : end + 40]
            before = text[max(sent.start, start - 40) : start]
            # "told by Canada's government" acts; "accessed by the Chinese government" does not
            acting = bool(_ACTS_NEXT.match(after)) or bool(
                re.search(
                    r"\b(?:told|ordered|instructed|approved|blocked|cleared|rejected|announced|imposed|reviewed|"
                    r"banned|sanctioned|designated|vetoed|required|asked|summoned)\s+by\s+(?:the\s+)?$",
                    before,
                )
            )
            # the company's home government as the feared recipient of data is not a party
            if code in origins and code != doc.host and not acting:
                continue
            forms = [_strip_article(text[start:end])]
            led = re.search(r"((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’]*-led)\s+$", text[max(sent.start, start - 60) : start])
            if led:
                forms.insert(0, text[start - len(led.group(0)) : end].strip())
            named = _LEADER_NAMED.search(text, max(sent.start, start - 40), start)
            if named and named.group(1) not in _NOT_LEADER_NAMES and hit is None:
                forms.insert(0, text[named.start(1) : end])  # "Albanese government"
            row = _government_row(doc, code, word)
            if row is None and word.lower() == "exécutif":
                row = _government_row(doc, code, "government")  # "l'exécutif" is the government
            # "the Welsh government" is a body the gazetteer already found, not the national one
            owner = next((a for a in agencies.values() if any(s < end and start < e for s, e in a.mentions)), None)
            if owner is not None and row and owner.name != row["name"]:
                continue
            if row:
                # the national government, not a regional one of the same country ("Welsh Government")
                ag = agencies.get(row["name"])
            else:
                ag = next((a for a in agencies.values() if a.country == code and _is_government(a)), None)
            if ag is None:
                # a bare "the government" of a country the gazetteer has no row for: named for its country
                bare = not row and hit is None and word != "Bundesregierung" and forms[0].lower() == word.lower()
                ag = add(
                    row["name"] if row else _government_name(code) if bare else forms[0],
                    start,
                    end,
                    kind=(row or {}).get("kind") or "other",
                    country=code,
                    gaz_index=doc.gaz.agencies.index(row) if row else None,
                )
                if bare:
                    # and as the story would say it: "the Philippine Senate" makes it "Philippine government"
                    adjectives = {h.form for h in doc.place_hits if h.kind == "adjective" and h.key == code}
                    ag.aliases.update(f"{a} {word}" for a in adjectives if a[:1].isupper())
            else:
                ag.mentions.append((start, end))
            ag.aliases.update(f for f in forms if f != ag.name)
            ag.acting = ag.acting or acting
    # capital-city metonyms: "Ottawa set out rules", "London had given in"
    line = dateline_place(doc.sentences)
    for hit in doc.place_hits:
        if hit.kind not in ("capital", "country") or not doc.in_content(hit.start) or (line and line[1] == hit.start):
            continue
        after = text[hit.end : hit.end + 40]
        if hit.kind == "country":
            # "China warned that the step would harm ties": a country that reacts is its government;
            # "firms in China said" is not
            prep = re.search(
                r"\b(?:in|from|of|to|with|for|and|than|across|by|en|uit|naar|aus|nach|mit|für|de|du|dans|vers)\s+$",
                text[max(0, hit.start - 8) : hit.start],
                re.IGNORECASE,
            )
            if prep and doc.language == "nl" and prep.group(0).strip().lower() == "de":
                prep = None  # "De Verenigde Staten zetten ...": Dutch "de" is the article
            if not (_REACTION.match(after) or _COUNTRY_DECIDES.match(after)) or prep:
                continue
        worry = hit.kind == "capital" and bool(_WORRY_IN_BEFORE.search(text, max(0, hit.start - 60), hit.start))
        if hit.kind == "capital" and not (
            _ACTS_NEXT.match(after) or _REACTION.match(after) or _COUNTRY_DECIDES.match(after) or worry
        ):
            continue
        # the national government when the gazetteer has it, not a regional one ("Northern Territory Government")
        national = _government_row(doc, hit.key, "government")
        gov = agencies.get(national["name"]) if national else None
        if gov is None and national is None:
            gov = next((a for a in agencies.values() if a.country == hit.key and _is_government(a)), None)
        if gov is None and hit.key == "EU":
            # "after Brussels cleared the deal" in a story on the European Commission's decision
            gov = next((a for a in agencies.values() if a.country == "EU" and "Commission" in a.name), None)
        if gov:
            gov.aliases.add(hit.form)
            gov.mentions.append((hit.start, hit.end))
        elif (
            worry
            or _REACTION.match(after)
            # a company's home government is feared more often than acting, unless it is the host's
            or ((hit.key not in origins or hit.key == doc.host) and _COUNTRY_ACTS_ALONE.match(after))
        ):
            # "Beijing condemned the decision": a foreign government that reacts is a party too
            ag = add(national["name"] if national else hit.form, hit.start, hit.end, kind="other", country=hit.key)
            if ag.name != hit.form:
                ag.aliases.add(hit.form)


# "President Joe Biden on Monday ordered ...": a head of government's decision is the government's
_LEADER_DECIDES = re.compile(
    r"(?<![\w-])(?:President|Prime\s+Minister|Chancellor|Premier|Bundeskanzler(?:in)?|Premierminister(?:in)?|"
    r"[Pp]résident(?:e)?|Premier\s+ministre|[Mm]inister-president|[Pp]remier|Präsident(?:in)?|president)"
    r"(?P<name>(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*){1,3})"  # "Ingrida Šimonytė": capitals as _CAPW has them
    r"(?P<verb>(?:\s+(?:on|last|this)\s+\w+|\s+am\s+\w+)?,?\s+(?:has\s+|had\s+|hat\s+|a\s+|heeft\s+)?"
    r"(?:ordered|blocked|vetoed|banned|prohibited|approved|(?:signed|issued)\s+an?\s+(?:executive\s+)?order|"
    # signing an order or decree, in each language: "Trump signed an executive order", "unterzeichnete ein Dekret"
    r"signé\s+un\s+décret|unterzeichnete\s+(?:ein(?:e|en)?\s+)?(?:Dekret|Erlass|Verordnung|Anordnung)|"
    r"tekende\s+(?:een\s+|het\s+)?(?:decreet|besluit|bevel|uitvoeringsbevel)|ordonné|bloqué|interdit|"
    r"untersagt|verboten|gestoppt|angeordnet|verbood|blokkeerde|besloot)\b)?"
)
# every match holds one of these
_LEADER_DECIDES_WORDS = (
    "resident",
    "résident",
    "Prime",
    "Chancellor",
    "Premier",
    "premier",
    "Bundeskanzler",
    "Präsident",
    "inister-president",
)


def _leaders_decide(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if not doc.may_hold(_LEADER_DECIDES_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _LEADER_DECIDES.finditer(text, sent.start, sent.end):
            end = m.end("name")
            if taken.overlaps(m.start(), end):
                continue
            hit = doc.country_before(m.start(), sent.start, words=1)
            if hit is None and re.search(r"[A-Z][\w-]*\s+$", text[max(sent.start, m.start() - 30) : m.start()]):
                continue  # "Huawei President Eric Xu" leads a company
            code = hit.key if hit else (_leader_country(doc, m.group("name")) or doc.host)
            if not code or (code == "GB" and m.group(0).startswith("Chancellor")):
                continue  # Britain's Chancellor runs the Treasury
            title = re.sub(r"\s+", " ", text[m.start() : end])
            title = re.sub(r"['’]s?$", "", title)  # "Prime Minister Giorgia Meloni’s cabinet"
            title = re.sub(r"(?<=\w\w)\.$", "", title)  # the full stop closing the sentence, not an initial's
            # the national government, not a regional one or the cabinet
            row = _government_row(doc, code, "government")
            gov = agencies.get(row["name"]) if row else None
            if row is None:
                gov = next((a for a in agencies.values() if a.country == code and _is_government(a)), None)
            if gov is None and not m.group("verb"):
                continue  # a leader named without a decision only names the government the story has
            if gov is None:
                if row is None:
                    continue
                gov = add(row["name"], m.start(), end, kind=row.get("kind") or "other", country=code)
            else:
                gov.mentions.append((m.start(), end))
            gov.aliases.add(title)
            gov.acting = gov.acting or bool(m.group("verb"))


def _leader_key(name: str) -> str:
    """The folded surname of a leader's name as the story writes it ("Viktor Orbán's" -> "orban")."""
    words = [w for w in re.sub(r"['’]s?$", "", name.strip()).split() if w.rstrip(".") not in ("Jr", "Sr")]
    return strip_accents(fold(words[-1])) if words else ""


def _leader_country(doc: _Doc, name: str) -> str | None:
    """The country of a known head of government the story names in full somewhere ("Viktor Orbán",
    later "Orban"): a surname alone may be another country's leader ("the Martin government")."""
    key = _leader_key(name)
    code = doc.rules.leader_country.get(key)
    if code is None:
        return None
    text = strip_accents(doc.text.casefold())
    return code if any(full in text for full in doc.rules.leader_names.get(key, [])) else None


def _leaders_country(doc: _Doc, before: str) -> str | None:
    """The country of the known head of government whose possessive ends `before`."""
    m = _LEADER_S.search(before) or _LEADER_NAMED.search(before)
    if m is None:
        return None
    name = m.group(1) if m.re is _LEADER_NAMED else re.sub(r"^\S+(?:\s+Minister)?", "", m.group(0))
    return _leader_country(doc, name)


_LEADER_S = re.compile(
    r"\b(?:Prime\s+Minister|President|Chancellor|Premier|premier|Premierminister|Bundeskanzler(?:in)?|président|"
    r"Premier\s+ministre)(?:\s+[A-Z][\w.'’-]+){1,3}['’]s?\s+$"
)


# a head of government speaking of "the government" speaks of his or her own
_HEAD_OF_GOVERNMENT = re.compile(
    r"\b(?:Prime\s+Minister|Chancellor|Premierminister(?:in)?|Bundeskanzler(?:in)?|Premier\s+ministre|"
    r"[Mm]inister-president|[Pp]remier)\s+(?-i:[A-Z])"
)
_SAYS_THE = re.compile(
    r"\b(?:said|says|announced|stated|confirmed|a\s+(?:dit|annoncé|déclaré|affirmé)|zei|zegt|verklaarde|sagte|"
    r"erklärte),?\s+(?:that\s+|que\s+|dat\s+|dass\s+)?(?:the|his|her|le|son|sa|het|de|zijn|haar|die|seine|ihre)\s+$"
)


_LEADER_NAMED = re.compile(r"\b[Tt]he\s+((?-i:[A-Z][a-z][\w'’-]+))\s+$")
_NOT_LEADER_NAMES = {
    "Federal",
    "National",
    "State",
    "Regional",
    "Provincial",
    "Local",
    "Central",
    "Coalition",
    "Labour",
    "Conservative",
    "Liberal",
    "New",
    "Previous",
    "Current",
    "Incoming",
    "Outgoing",
    "Former",
}


def _host_government(text: str, floor: int, m: re.Match) -> bool:
    """A bare government word that acts ("The government has concluded") or a leader's government."""
    if m.group("g").lower() not in ("government", "regering", "gouvernement", "regierung", "exécutif"):
        return False
    before = text[max(floor, m.start() - 60) : m.start()]
    if _LEADER_S.search(before):
        return True
    named = _LEADER_NAMED.search(before)
    if named and named.group(1) not in _NOT_LEADER_NAMES:
        return True  # "the Albanese government", "the Meloni government": the host's, named for its leader
    if _SAYS_THE.search(before) and _HEAD_OF_GOVERNMENT.search(text, floor, m.start()):
        return True  # "Prime Minister Ana Ruiz said the government would accept the advice"
    return bool(
        re.search(r"(?:\b(?:[Tt]he|[Hh]et|[Dd]e|[Ll]e|[Dd]ie)\s+|\b[Ll]['’])$", before)
        and _DECIDES.match(text, m.end(), m.end() + 40)
    )


# what only a government in charge does; "the government demands" may be anyone's
_DECIDES = re.compile(
    r"\s*(?:has\s+|had\s+|have\s+|a\s+|heeft\s+|hat\s+)?(?:decided|concluded|blocked|ordered|approved|banned|vetoed|rejected|refused|"
    r"imposed|prohibited|stopped|cleared|besloten|geblokkeerd|verboden|décidé|bloqué|interdit|refusé|"
    r"beschlossen|untersagt|verboten|gestoppt)\b"
    r"|\s*(?:a|heeft|hat)\s+(?:ordonné|exigé|imposé|approuvé|bevolen|opgelegd|angeordnet|genehmigt)\b"
    # a decision announced for the future: "The government will take a 50% stake", "intends to block"
    r"|\s*(?:will|is\s+to|intends\s+to|plans\s+to|is\s+set\s+to)\s+(?:take|buy|acquire|become|block|ban|order|force|stop)\b"
    # or a review it runs: "the government was examining whether the sale should be stopped"
    r"|\s*(?:is|was|has\s+been)\s+(?:examining|reviewing|investigating|screening)\b"
)


# "Britain ordered operators to strip out Huawei", "Italy vetoed the sale": a country deciding is its government
# what a country does to a firm in the present or the future, by putting it on a list, or by taking it
# out of a project: "Norway will block the sale", "De Verenigde Staten zetten Wingtech op hun zwarte
# lijst", "a project that Canberra took over"
_COUNTRY_MEASURES = (
    r"will\s+(?:block|ban|stop|order|veto)|will\s+not\s+(?:let|allow|permit)|won['’]t\s+(?:let|allow|permit)|"
    r"blocks|bans|stops|stopped|orders|vetoes|barred|excluded|intervened|stepped\s+in|took\s+over|pushed\s+out|"
    r"added|placed|blacklisted|zetten|zette|plaatste|plaatsten|setzte|setzten|a\s+(?:placé|inscrit)|ont\s+(?:placé|inscrit)"
)
_COUNTRY_DECIDES = re.compile(
    # "le geste d'Ottawa qui bloque", "Canberra, which blocked": a relative clause too
    r"\s*(?:,?\s*(?:qui|which|that|die|dat|der)\s+)?(?:(?:has|have|had)\s+)?(?:ordered|blocked|banned|vetoed|prohibited|imposed|approved|cleared|rejected|"
    rf"refused|decided|forced|{_COUNTRY_MEASURES}|"
    r"a\s+(?:bloqué|interdit|ordonné|refusé)|heeft\s+\w+|blokkeerde|verbood|verbot|untersagte|stoppte|"
    r"bloque|interdit|refuse|ordonne|rejette|blokkeert|verbiedt|blockiert|verbietet|untersagt|"
    # expelling diplomats is a government's act: "Prag wies 18 russische Diplomaten aus"
    r"expelled|expels|a\s+expulsé|expulse|wies|weist|wees|zette\s+\w+\s+(?:\w+\s+)?uit)\b"
)


# what makes a country a party of its own when the gazetteer has no government for it yet (not
# "has banned": a regulator named beside it may be the one that acted)
_COUNTRY_ACTS_ALONE = re.compile(
    rf"\s*(?:announced|ordered|decided|blocked|imposed|banned|set\s+out|vetoed|{_COUNTRY_MEASURES}|"
    rf"{_WANTS})\b"
)


# a worry held in a capital is its government's: "unease in Canberra and Washington about ..."
_WORRY_IN_BEFORE = re.compile(
    r"(?<![\w-])(?:unease|concerns?|alarm|disquiet|anger|worr(?:y|ies)|irritation|nervousness|inquiétudes?|"
    r"préoccupations?|agacement|ongerustheid|onrust|bezorgdheid|zorgen|ergernis|Besorgnis|Sorgen?|Unruhe|Unmut|"
    r"Verärgerung)\s+(?:in|à|en|dans)\s+(?:[A-ZÀ-Þ][\w-]+\s+(?:and|et|en|und)\s+)?$"
)
_REACTION = re.compile(
    # a perfect with its object or adverbs between: "Peking hatte Berlin wiederholt davor gewarnt",
    # "Den Haag heeft Peking gewaarschuwd"
    r"\s*(?:hat|hatte|haben|hatten|heeft|hebben|had)\s+(?:[\w-]+\s+){0,4}?(?:gewarnt|kritisiert|protestiert|"
    r"gedroht|verurteilt|reagiert|gewaarschuwd|gedreigd|geprotesteerd|veroordeeld|gereageerd)\b|"
    r"\s*(?:(?:has|have|had)\s+(?:(?:repeatedly|already|previously|also|long|since|sharply|strongly)\s+)?)?"
    r"(?:said|says|condemned|critici[sz]ed|denounced|protested|retaliated|urged|accused|"
    r"vowed|rejected|summoned|warned|responded|hit\s+back|slammed|called\s+on|threatened|"
    r"a\s+(?:\w+ment\s+)?(?:dénoncé|condamné|averti|menacé|réagi|protesté|riposté)|"
    r"reageerde|waarschuwde|dreigde|protesteerde|veroordeelde|"
    r"verurteilte|warnte|kritisierte|drohte|reagierte|protestierte|"
    # a position held: "Washington ziet de Chinese invloed als een risico", "Pékin craint"
    r"sees|views|regards|considers|fears|accuses|insists|warns|threatens|demands|"
    r"ziet|beschouwt|vreest|beweert|waarschuwt|dreigt|eist|beschuldigt|"
    r"considère|craint|affirme|accuse|exige|menace|dénonce|"
    r"sieht|betrachtet|fürchtet|warnt|fordert|droht|wirft|kritisiert)\b"
)


def _country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", code)


def _government_name(code: str) -> str:
    """ "Government of the Philippines", as the gazetteer names the governments it has."""
    country = _country_name(code)
    the = "the " if country.endswith("s") or country.startswith(("United ", "Republic ")) else ""
    return f"Government of {the}{country}"


def _is_government(ag: _Agency) -> bool:
    return ag.kind in ("other", "screening") and bool(
        re.search(
            r"government|gouvernement|regering|overheid|Regierung|administration|cabinet|kabinet|White House",
            ag.name,
            re.IGNORECASE,
        )
    )


def _generic_agencies(doc: _Doc, agencies: dict[str, _Agency], origins: set[str], add: _AddAgency) -> None:
    """'Belgium's security service', 'services de renseignement belges' -> that country's body."""
    text = doc.text
    term_kind = {t.lower(): k for k, ts in doc.rules.generic_terms.items() for t in ts}
    government = {fold(w) for w in doc.rules.government_words}
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        hits: list[tuple[int, int]] = []
        for hs, he, _label in sorted(doc.cues_in(sent.start, sent.end, "gen"), key=lambda c: c[0] - c[1]):
            if not _overlaps(hs, he, hits):
                hits.append((hs, he))
        for m in (_Match(text, hs, he) for hs, he in sorted(hits)):
            if _overlaps(m.start(), m.end(), taken):
                continue
            term = re.sub(r"\s+", " ", m.group(0).lower())
            if _EUROPEAN_AFTER.match(text, m.end()):
                continue  # "le Parlement européen", "the European Commission": the Union's body, named in full
            hit = doc.country_before(m.start(), sent.start) or doc.country_after(m.end(), sent.end)
            is_house = term_kind.get(term) == "parliament" or term in ("parliament", "parlement", "parlament")
            houses = [a for a in agencies.values() if a.kind == "parliament"] if is_house else []
            if hit is None and houses:
                # "Le Parlement assure qu'il coopère" after "le Parlement européen": the house the story named
                houses[0].mentions.append((m.start(), m.end()))
                taken.add(m.start(), m.end())
                continue
            of = re.match(r"\s+(?:of|de|van|von)\s+(?:the\s+|la\s+|l['’]\s*)?", text[m.end() : m.end() + 20])
            if of and doc.language == "nl" and of.group(0).split()[0] == "de":
                # Dutch "de" is an article, not French "of": in "noemde de inlichtingendienst de
                # Europese instellingen een doelwit" it starts the object
                of = None
            if hit is None and of:
                hit = doc.country_after(m.end() + of.end() - 1, sent.end)
            own = re.search(r"\b(?:the\s+)?(?:country|nation)['’]s\s+$", text[sent.start : m.start()])
            if hit is None and own and doc.host:
                # "the country's intelligence services": the country the sentence spoke of ("Under
                # Chinese law, ... the country's intelligence agencies"), else the host country
                earlier = doc.countries_in(sent.start, sent.start + own.start())
                code = earlier[-1].key if earlier else doc.host
                hit = Hit(sent.start + own.start(), sent.start + own.end(), "country", code, own.group(0))
            if (
                hit is None
                and doc.host
                and doc.rules.generic_rows.get((doc.host, fold(term)))
                # "House Homeland Security Committee" is another name; "Business Secretary Grant
                # Shapps" is a title before its holder's name
                and (not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]) or _TITLE_TERM.search(term))
                and _host_body_term(doc, sent, m, term)
            ):
                # a body's own capitalised name with no country ("the Coast Guard") is the host's
                # body; "House Homeland Security Committee" is another name
                hit = Hit(m.start(), m.start(), "country", doc.host, "")
            if hit is None:
                continue
            code = hit.key
            if fold(term) in government or (
                code in origins and code != doc.host and not _ACTS_RIGHT_AFTER.match(text, m.end(), m.end() + 30)
            ):
                continue  # governments are _governments' job; a company's home services are context
            start, end = min(hit.start, m.start()), max(hit.end, m.end())
            phrase = _strip_article(text[start:end])
            kind = term_kind.get(term)
            row = next(iter(doc.rules.generic_rows.get((code, fold(term)), [])), None)
            target = None
            if row and _TITLE_TERM.search(term):
                # "the business secretary" heads the business department the story already named
                topic = term.split()[0]
                target = next(
                    (a for a in agencies.values() if a.country == code and topic in re.findall(r"\w+", a.name.lower())),
                    None,
                )
            if target is None and row:
                target = agencies.get(row["name"]) or add(
                    row["name"],
                    m.start(),
                    m.end(),
                    kind=row.get("kind") or kind,
                    country=code,
                    acronym=row.get("acronym") or "",
                )
            else:
                same = [a for a in agencies.values() if a.country == code and a.kind == kind]
                if len(same) == 1:
                    target = same[0]
            if target is None and kind and not row and term in _PLURAL_ROLES:
                continue  # "Canadian regulators", "US lawmakers": people in a role, no one body
            if target is None and kind:
                if own and hit.start == sent.start + own.start():
                    phrase = f"{_country_name(code)}'s {m.group(0)}"
                add(phrase, m.start(), m.end(), kind=kind, country=code)
            elif target is None:
                continue
            else:
                target.mentions.append((m.start(), m.end()))
                if phrase != target.name:
                    target.aliases.add(phrase)
            taken.add(m.start(), m.end())


_PLURAL_ROLES = {"regulators", "lawmakers", "legislators", "officials", "investigators", "prosecutors", "watchdogs"}
_EUROPEAN_AFTER = re.compile(r"\s+(?:européen(?:ne)?|Europees|Europese|europäische[nrs]?)\b", re.IGNORECASE)
# a minister's or secretary's title stands for the body they head ("the culture secretary")
_TITLE_TERM = re.compile(r"(?:secretary|minister|treasurer|chancellor|kamerleden|kamerlid)$")
_ARTICLES = {"The", "the", "De", "de", "La", "la", "Le", "le", "Het", "het", "Die", "die", "Der", "der", "Das", "das"}


def _host_body_term(doc: _Doc, sent: Sentence, m: re.Match, term: str) -> bool:
    """A generic term with no country that still names one of the host's bodies: its own
    capitalised name ("the Coast Guard"), a title ("the culture secretary", "Treasurer Jim
    Chalmers"), or a common noun capitalised mid-sentence as a name ("De Douane gebruikt")."""
    said = re.sub(r"\s+", " ", m.group(0))
    if _TITLE_TERM.search(term):
        return True
    if any(
        t == said
        for row in doc.rules.generic_rows.get((doc.host, fold(term)), [])
        for t in row.get("generic_terms") or []
    ):
        return said[:1].isupper()
    if not said[:1].isupper():
        return False
    words = doc.text[sent.start : m.start()].split()
    # not the sentence's first word, and not the tail of a longer capitalised name
    if len(words) <= 1:
        return bool(words) and words[0] in _ARTICLES
    return words[-1] in _ARTICLES or not words[-1][:1].isupper()


_LAND_ADJECTIVE = re.compile(
    r"(?<![\w-])((?:baden-württembergisch|bayerisch|brandenburgisch|bremisch|hamburgisch|hessisch|"
    r"mecklenburg-vorpommersch|niedersächsisch|nordrhein-westfälisch|rheinland-pfälzisch|saarländisch|sächsisch|"
    r"sachsen-anhaltisch|schleswig-holsteinisch|thüringisch)(?:e|en|er|es|em))\s+$",
    re.IGNORECASE,
)


def _german_ministry_country(doc: _Doc, title: str) -> str:
    """A bare "Wirtschaftsminister" is of the country the story is set in: Germany by default,
    Austria or Switzerland (the same titles), Sweden in a report from Stockholm. A federal
    ("Bundes-") ministry is not Sweden's."""
    if doc.host and (doc.host in ("AT", "CH", "LI") or not title.lower().startswith("bundes")):
        return doc.host
    return "DE"


_DECISION_WORD = re.compile(r"\b(?:decision|décision|besluit|beslissing|Entscheidung|Beschluss)\b", re.IGNORECASE)


def _ministries(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    """Lower-case ministries: 'the finance ministry', 'the finance and economy ministries',
    'das Bundeswirtschaftsministerium'. A gazetteer ministry that answers to the phrase wins."""
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in doc.ministry_matches(sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            hit = doc.country_before(m.start(), sent.start)
            code = (
                hit.key
                if hit
                else (_german_ministry_country(doc, m.group("de")) if m.group("de") else doc.host or doc.main_country)
            )
            phrase = _strip_article(m.group(0))
            if m.group("t"):
                # a minister announcing the government's screening decision speaks for the government
                deciding = next(
                    (a for a in agencies.values() if a.country == code and _is_government(a)),
                    None,
                )
                if deciding is not None and _DECISION_WORD.search(text, sent.start, sent.end):
                    deciding.mentions.append((m.start(), m.end()))
                    deciding.aliases.add(phrase)
                    taken.add(m.start(), m.end())
                    continue
            if m.group("nl") or m.group("nlbare"):
                _dutch_ministry(doc, m, hit, code, agencies, add)
                taken.add(m.start(), m.end())
                continue
            land = _LAND_ADJECTIVE.search(text, max(sent.start, m.start() - 40), m.start()) if m.group("de") else None
            if land:
                # "das niedersächsische Umweltministerium": a state's ministry, not the federal one
                name = f"{land.group(1)} {m.group('de')}ium"
                ag = agencies.get(name) or add(name, land.start(1), m.end(), kind="ministry", country="DE")
                ag.mentions.append((land.start(1), m.end()))
                taken.add(land.start(1), m.end())
                continue
            if m.group("de"):
                ministry = m.group("de") + "ium"
                names = [ministry]
                terms = [ministry, re.sub(r"^Bundes", "", ministry, flags=re.IGNORECASE).capitalize()]
            else:
                topics = [t.lower() for t in (m.group("a"), m.group("b"), m.group("d"), m.group("t")) if t]
                names = [f"{t} ministry" for t in topics]
                terms = names
            for name, term in zip(names, terms[-len(names) :], strict=True):
                rows = doc.rules.generic_rows.get((code, fold(term)), []) or doc.rules.alias_rows.get(
                    (code, fold(term)), []
                )
                row = next(iter(rows or doc.rules.generic_rows.get((code, fold(name)), [])), None)
                if row is None and name.endswith(" ministry"):
                    # "Commerce Secretary" heads the "commerce department" of countries with departments
                    topic = name.removesuffix(" ministry")
                    row = next(
                        (
                            r
                            for form in (f"{topic} department", f"department of {topic}", m.group(0).lower())
                            for r in doc.rules.generic_rows.get((code, fold(form)), [])
                            + doc.rules.alias_rows.get((code, fold(form)), [])
                        ),
                        None,
                    )
                if row is None and name.endswith(" ministry"):
                    # "the justice ministry" after "the Ministry of Justice and Public Security"
                    topic = name.removesuffix(" ministry").split()[0]
                    named = next(
                        (
                            a
                            for a in agencies.values()
                            if a.country == code
                            and a.kind == "ministry"
                            and fold(a.name).startswith(("ministry of ", "department of "))
                            and topic in re.findall(r"\w+", fold(a.name))
                        ),
                        None,
                    )
                    row = {"name": named.name} if named else None
                target = row["name"] if row else name
                if not row and hit is not None and code != doc.host and len(names) == 1 and not m.group("de"):
                    # a foreign ministry keeps its nationality: "the Chinese Foreign Ministry"
                    target = _strip_article(text[hit.start : m.end()])
                    if m.group("t"):
                        # "Sweden's foreign minister" heads "Sweden's foreign ministry"
                        target = _strip_article(text[hit.start : m.start()]) + " " + name
                ag = agencies.get(target)
                if ag is None and hit is None:
                    # "Germany's Economy Ministry ... Economy Minister Sigmar Gabriel" in a story hosted
                    # elsewhere: a title with no country heads the one ministry of that name already named
                    same = [
                        a
                        for a in agencies.values()
                        if a.kind in ("ministry", "screening") and fold(a.name) == fold(target)
                    ]
                    ag = same[0] if len(same) == 1 else None
                ag = ag or add(target, m.start(), m.end(), kind="ministry", country=code)
                if ag.mentions[-1] != (m.start(), m.end()):
                    ag.mentions.append((m.start(), m.end()))
                forms = [name, phrase]
                if hit is not None and re.fullmatch(r"\s*(?:the\s+)?", text[hit.end : m.start()], re.IGNORECASE):
                    forms.append(_strip_article(text[hit.start : m.end()]))  # "the Danish Ministry of Defence"
                for form in forms:
                    if fold(form) != fold(ag.name):
                        ag.aliases.add(form)


# "le ministère chinois des Affaires étrangères", "le ministère de la Défense italien": French
# puts the portfolio after the noun and the nationality before or after the portfolio
# a capitalised portfolio, or several: "de la Sécurité publique", "de l’Innovation, des Sciences et de l’Industrie"
_FR_PORTFOLIO = (
    r"(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+)[A-ZÀ-Þ][\w-]+"
    r"(?:\s+(?:nationale|national|étrangères|extérieures|intérieure|publique|public|civile|sociale|numérique|"
    r"économique|économiques|écologique|énergétique))?"
    r"(?:(?:,\s+|\s+et\s+)(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+)[A-ZÀ-Þ][\w-]+)*"
)
_FR_MINISTRY = re.compile(
    rf"(?<![\w-])ministère(?:\s+(?P<adj1>[a-zà-ÿ]+))?\s+(?P<topic>{_FR_PORTFOLIO})(?:\s+(?P<adj2>[a-zà-ÿ]+))?"
)
# every match holds one of these
_FR_MINISTRY_WORDS = ("ministère",)


def _french_ministries(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if not doc.may_hold(_FR_MINISTRY_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _FR_MINISTRY.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end("topic"), taken):
                continue
            adj = next((w for w in (m.group("adj1"), m.group("adj2")) if w and doc.gaz.adjectives.get(w.lower())), None)
            code = doc.gaz.adjectives[adj.lower()] if adj else (doc.host or doc.main_country)
            body = "ministère " + re.sub(r"\s+", " ", m.group("topic"))
            end = m.end("adj2") if adj and adj == m.group("adj2") else m.end("topic")
            # the host's own ministry goes by its portfolio; a foreign one keeps its nationality
            name = body if code == doc.host or not adj else _strip_article(text[m.start() : end])
            row = _plain_row(doc, code, body)
            if row and name == body:
                name = row["name"]  # "ministère de l'Economie" is the gazetteer's economy ministry
            ag = agencies.get(name) or add(name, m.start(), end, kind="ministry", country=code)
            if ag.mentions[-1] != (m.start(), end):
                ag.mentions.append((m.start(), end))
            if adj and name in (body, (row or {}).get("name")):
                ag.aliases.add(text[m.start() : end])
            if name != body:
                ag.aliases.add(body)
            taken.add(m.start(), end)


# "le ministre de l'économie", "au ministère des finances": lower-case portfolios in running French
# text; the minister's title stands for the ministry, as "Business Secretary" does in English
_FR_MINISTER = re.compile(
    r"(?<![\w-])minist(?:re|ère)\s+(?P<topic>(?i:de\s+l['’]\s*(?:économie|economie|intérieur|industrie|agriculture|"
    r"environnement|énergie)|des\s+(?:finances|armées|affaires\s+étrangères|affaires\s+économiques|transports|"
    r"entreprises|infrastructures|télécommunications)|de\s+la\s+(?:justice|défense|santé|culture|"
    r"transition\s+(?:écologique|énergétique))|du\s+(?:numérique|travail|commerce\s+extérieur|commerce|"
    r"développement\s+économique))\b"
    # or a capitalised one: "le ministre de la Sécurité publique, Marco Mendicino"
    rf"|(?<=ministre\s){_FR_PORTFOLIO})"
)
# every match holds one of these
_FR_MINISTER_WORDS = ("minist",)


def _plain(form: str) -> str:
    return strip_accents(fold(re.sub(r"\s+", " ", form)))


def _plain_row(doc: _Doc, code: str | None, form: str) -> dict | None:
    """The gazetteer body of `code` a portfolio phrase names, accents aside."""
    return next(iter(doc.rules.plain_rows.get((code or "", _plain(form)), [])), None)


def _french_ministers(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    if not doc.may_hold(_FR_MINISTER_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    code = doc.host or doc.main_country
    for sent in doc.content:
        for m in _FR_MINISTER.finditer(text, sent.start, sent.end):
            if _overlaps(m.start(), m.end(), taken) or not code:
                continue
            phrase = re.sub(r"\s+", " ", m.group(0))
            body = "ministère " + re.sub(r"\s+", " ", m.group("topic"))
            row = _plain_row(doc, code, body)
            # "le ministre de l'Economie" heads the "ministère de l'Economie" the story already named
            same = next((a.name for a in agencies.values() if _plain(a.name) == _plain(body)), None)
            name = row["name"] if row else same or body  # the minister's title names the ministry
            ag = agencies.get(name) or add(name, m.start(), m.end(), kind="ministry", country=code)
            if ag.mentions[-1] != (m.start(), m.end()):
                ag.mentions.append((m.start(), m.end()))
            if fold(phrase) != fold(ag.name):
                ag.aliases.add(phrase)
            taken.add(m.start(), m.end())


# an embassy's seat: "in Washington", "à Ottawa"
_SEAT = r"\s+(?:in|à|en|te)\s+[A-Z][\w-]+"
_EMBASSY = re.compile(r"(?<![\w-])(?:embassy|Embassy|ambassade|Ambassade|Botschaft)(?:" + _SEAT + ")?")
_SEAT_AFTER = re.compile(_SEAT)
# every match holds one of these
_EMBASSY_WORDS = ("mbassy", "mbassade", "Botschaft")


# "the departments of Justice, Homeland Security and Defense", "the ministries of Defence and the Interior":
# one head noun for several bodies
_COORDINATED_DEPARTMENTS = re.compile(
    r"(?<![\w-])(?P<head>[Dd]epartments|[Mm]inistries)\s+of\s+(?P<items>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:\s*,\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+and\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)*)"
)
# every match of _COORDINATED_DEPARTMENTS holds one of these (its head word, either case first)
_COORDINATED_WORDS = ("epartments", "inistries")
_ITEM = re.compile(r"(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


def _coordinated_departments(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    """Each body of a list under one head noun, where the gazetteer knows it by its full name."""
    text = doc.text
    for m in _COORDINATED_DEPARTMENTS.finditer(text) if doc.may_hold(_COORDINATED_WORDS) else ():
        if not doc.in_content(m.start()):
            continue
        head = "Department" if m.group("head").lower().startswith("department") else "Ministry"
        for item in _ITEM.finditer(text, m.start("items"), m.end("items")):
            name = f"{head} of {'the ' if item.group(0).startswith('the ') else ''}{item.group(1)}"
            hits = [h for h in doc.gaz.entity_hits(name) if h.kind == "agency" and h.start == 0 and h.end == len(name)]
            if not hits:
                continue
            row = doc.gaz.agencies[hits[0].key]
            code, own_row = _qualified_country(doc, Hit(item.start(1), item.end(1), "agency", hits[0].key, name), row)
            row = own_row or row
            if code == "" or (code is not None and own_row is None):
                continue
            ag = add(
                row["name"],
                item.start(1),
                item.end(1),
                kind=row.get("kind") or "other",
                country=row.get("country") or None,
                acronym=row.get("acronym") or "",
                gaz_index=doc.gaz.agencies.index(row),
            )
            ag.aliases.add(name)


def _embassies(doc: _Doc, agencies: dict[str, _Agency], add: _AddAgency) -> None:
    """'The Russian embassy in Oslo', 'die chinesische Botschaft': a foreign government that reacts."""
    if not doc.may_hold(_EMBASSY_WORDS):
        return  # every match holds one of these words
    text = doc.text
    taken = SpanSet([m for a in agencies.values() for m in a.mentions])
    for sent in doc.content:
        for m in _EMBASSY.finditer(text, sent.start, sent.end):
            hit = doc.country_before(m.start(), sent.start) or (
                re.match(r"(?:ambassade|Ambassade)", m.group(0)) and doc.country_after(m.end(), sent.end, words=1)
            )
            head_end = m.start() + len(m.group(0).split()[0])
            if not hit or _overlaps(min(hit.start, m.start()), head_end, taken):
                continue
            start, end = min(hit.start, m.start()), max(hit.end, m.end())
            seat = _SEAT_AFTER.match(text, end, sent.end) if hit.start > m.start() else None
            if seat:
                end = seat.end()  # "l'ambassade de Chine à Ottawa": the seat after the country
            for other in agencies.values():
                # "the Chinese embassy in Washington": the capital names the embassy's seat here,
                # not the host government
                other.mentions = [(s, e) for s, e in other.mentions if not (head_end <= s and e <= end)]
            for name in [n for n, a in agencies.items() if not a.mentions]:
                del agencies[name]
            name = _strip_article(text[start:end])
            # and without its seat: "the Chinese embassy" is the one "in Washington"
            bare = _strip_article(text[start : max(hit.end, head_end)])
            ag = agencies.get(name) or add(name, start, end, kind="other", country=hit.key)
            if ag.mentions[-1] != (start, end):
                ag.mentions.append((start, end))
            if bare != name and re.search(rf"(?<![\w-]){re.escape(bare)}(?!\s+(?:in|à|en|te)\s)", text[end:]):
                # only when the story says it again without the seat: "the Chinese embassy in
                # London" is not the one "in Vilnius"
                ag.aliases.add(bare)
            taken.add(start, end)


def dutch_ministry_row(doc: _Doc, m: re.Match) -> dict | None:
    """The one gazetteer ministry a bare Dutch name fits: only one country calls its economy
    ministry "ministerie van Economische Zaken", so the name itself says whose it is."""
    portfolio = m.group("nl") or m.group("nlbare")
    rows = doc.rules.term_rows.get(fold("ministerie van " + re.sub(r"\s+", " ", portfolio)), [])
    return rows[0] if len({r.get("country") for r in rows}) == 1 else None


def _dutch_ministry(
    doc: _Doc, m: re.Match, hit: Hit | None, code: str | None, agencies: dict[str, _Agency], add: _AddAgency
) -> None:
    """'het Amerikaanse ministerie van Handel', 'Minister Karremans van Economische Zaken'."""
    text = doc.text
    portfolio = re.sub(r"\s+", " ", m.group("nl") or m.group("nlbare"))
    body = "ministerie van " + portfolio
    row = dutch_ministry_row(doc, m) if hit is None else None
    if row:
        code = row.get("country") or code
    row = row or next(iter(doc.rules.generic_rows.get((code or "", fold(body)), [])), None)
    row = row or next(iter(doc.rules.alias_rows.get((code or "", fold(body)), [])), None)
    if row:
        name, kind = row["name"], row.get("kind") or "ministry"
    elif hit is not None and hit.end <= m.start() and code != doc.host:
        # a foreign ministry keeps its nationality: "Chinese ministerie van Handel" is not the host's
        name, kind = f"{text[hit.start : hit.end]} {body}", "ministry"
    elif re.search(rf"\bministerie\s+van\s+{re.escape(portfolio)}\b", text, re.IGNORECASE):
        name, kind = body, "ministry"
    else:
        # named only in a minister's title: the body goes by its portfolio ("Binnenlandse Zaken")
        name, kind = portfolio, "ministry"
    ag = agencies.get(name) or add(name, m.start(), m.end(), kind=kind, country=code)
    if ag.mentions[-1] != (m.start(), m.end()):
        ag.mentions.append((m.start(), m.end()))
    phrase = _strip_article(m.group(0))
    if not fold(ag.name).endswith(fold(phrase)):
        ag.aliases.add(phrase)
    said = text[hit.start : m.end()] if hit is not None and hit.end <= m.start() else ""
    if said and not text[hit.end : m.start()].strip() and fold(said) != fold(ag.name):
        ag.aliases.add(said)  # "het Noorse ministerie van Transport", the host's own
    if fold(portfolio) != fold(ag.name):
        ag.aliases.add(portfolio)  # Dutch papers call the ministry by its portfolio: "Economische Zaken"


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
    operator_strength: int = 0
    town: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    generic: bool = False  # "the site", "der Standort": any kind of site, known by its place only
    self_company: str | None = None  # "Newport Wafer Fab" is also the company of that name
    country_guessed: bool = False  # the story's country, for want of a place near the site
    aliases: list[str] = field(default_factory=list)


_FAMILY = {"airport": "logistics_hub"}


# "a report by Chatham House", "Chatham House said": a body that speaks is no building
_SPEAKS_AFTER = re.compile(
    r"\s*,?\s+(?:said|says|warned|warns|argued|argues|noted|notes|found|finds|reported|told|wrote|estimates?|"
    r"a\s+déclaré|estime|zei|stelt|schreibt|erklärte|warnt|warnte)\b"
)
_SPEAKS_BEFORE = re.compile(
    r"(?:\b(?:report|study|paper|analysis|survey|research|researchers|analysts?|experts?|fellow)\s+(?:by|from|at)|"
    r"according\s+to|think[- ]tank|selon|volgens|laut)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# the company that runs a port or an airport, named by what it is
_SITE_BODY_NOUNS = (
    r"(?:port|airport)\s+(?:authority|company|operator)|havenbedrijf|havenautoriteit|havenbeheerder|luchthavenbedrijf|"
    r"autorité\s+portuaire|gestionnaire\s+du\s+port|Hafengesellschaft|Hafenbetreiber|Flughafenbetreiber"
)
# "Port of Antwerp-Bruges, het havenbedrijf", "Flughafen Wien, der Betreiber": a body that runs
# sites, set off after its name
_BODY_APPOSITION = re.compile(
    r"\s*,\s+(?:the|het|de|la|le|l['’]|die|der|das|its|a|an|un|une|een)\s*(?:[\w-]+\s+)?"
    rf"(?:{_SITE_BODY_NOUNS}|operator|company|firm|uitbater|exploitant|bedrijf|gestionnaire|société|Betreiber\w*|"
    r"Gesellschaft|Unternehmen)(?![\w-])",
    re.IGNORECASE,
)
# "Two House committee chairmen", "the House Democrats": the chamber, no building
_HOUSE_MEMBERS = re.compile(
    r"\s+(?:committees?|panels?|chairm[ae]n|chairs?|members?|Democrats|Republicans|lawmakers|leaders?|speaker|"
    r"votes?|bills?|majority|minority)\b",
    re.IGNORECASE,
)
# a short form in brackets after a name: "(DGT)", "(ATB)"
_TRAILING_ABBREVIATION = re.compile(r"\s+\([A-Z][\w.&-]{0,9}\)$")


def _speaks(text: str, s: int, e: int) -> bool:
    return bool(_SPEAKS_AFTER.match(text, e) or _SPEAKS_BEFORE.search(text[max(0, s - 40) : s]))


def _ends_in_site_head(rules: _Rules, name: str) -> bool:
    toks = name.split()
    return bool(rules.facility_heads.get(" ".join(toks[-2:])) or rules.facility_heads.get(toks[-1]))


def _ends_with_name(text: str, name: str) -> bool:
    """`(?<![\\w-])NAME$` searched in text, without a regex per name; `$` also matches before a final newline."""
    if not name:
        return re.search(r"(?<![\w-])$", text) is not None
    ends = (len(text), len(text) - 1) if text.endswith("\n") else (len(text),)
    for end in ends:
        start = end - len(name)
        if start >= 0 and text[start:end] == name and not (start and re.match(r"[\w-]", text[start - 1])):
            return True
    return False


# the place's name without a possessive: "the Port of Long Beach’s Middle Harbor"
_PORT_OF = re.compile(
    r"(?<![\w-])([Pp]ort|[Hh]arbour|[Aa]irport)\s+of\s+([A-Z][\w'’-]+?(?:\s+[A-Z][\w'’-]+?)?)(?=['’]s\b|[^\w'’-]|$)"
)
_COMMA_OR_IN_AFTER = re.compile(r",| in ")


def _facilities(doc: _Doc, companies: list[_Company]) -> list[FoundFacility]:
    text, rules = doc.text, doc.rules
    # "dem Flughafen Schwerin-Parchim", short for "Flughafen Schwerin-Parchim GmbH": the site its
    # operator is named after; a bare site noun taken for a short name ("Flughafen") is no firm either
    operator_short = {
        m
        for c in companies
        for m in c.mentions
        if _short_for_operator(text, m, c) or text[m[0] : m[1]] in rules.facility_terms
    }
    # "CSP Zeebrugge", "de haven van Zeebrugge": a town of the story taken for a firm is still the town
    operator_short |= {m for c in companies for m in c.mentions if " " not in c.name and _story_town(doc, c.name)}
    # "Hambantota port", the first word of "Hambantota International Port Group": the place names the site
    operator_short |= {
        m
        for c in companies
        for m in c.mentions
        if c.name.startswith(text[m[0] : m[1]] + " ")
        and " " not in text[m[0] : m[1]]
        and (after := re.match(r" ([a-z]+)", text[m[1] : m[1] + 20]))
        and after.group(1) in rules.facility_terms
        and after.group(1) not in rules.facility_need_place  # "the Kestrel site" is Kestrel Wafer Fab's
    }
    company_spans = SpanSet(m for c in companies for m in c.mentions if m not in operator_short)
    company_mentions = {m for c in companies for m in c.mentions}
    # the White House and the House of Commons are bodies, not buildings
    bodies = SpanSet((h.start, h.end) for h in doc.entity_hits if h.kind in ("agency", "outlet"))
    stopwords = rules.stopwords - {"Government"}  # once, not for every sentence: ~600 words
    found: list[_Facility] = []
    for sent in doc.content:
        if _is_title_case_line(sent):
            continue
        # "The Browns Range pilot plant produces...": the name of a site the story already tied to a firm
        relevant = (
            _facility_relevant(doc, sent, companies)
            or any(name_spans(sent.text, n) for n in _site_proper_names(found, rules))
            # "Sindsdien heet de terminal CSP Zeebrugge Terminal": the story names its site
            or bool(_NAMING_VERB.search(sent.text))
        )
        for s, e, _pos in _cap_phrases(text, sent.start, sent.end, stopwords, doc.phrase_runs):
            short = _TRAILING_ABBREVIATION.search(text, s, e)
            if short:
                e = short.start()  # "Duisburg Gateway Terminal (DGT)": the name before its short form
            toks = text[s:e].split()
            kind = rules.facility_heads.get(" ".join(toks[-2:])) or rules.facility_heads.get(toks[-1])
            # "Newport Wafer Fab" is a company and the site it runs; "Hamburger Hafen", short for
            # "Hamburger Hafen und Logistik AG", is only the company
            site_company = (
                (s, e) in company_mentions
                and kind not in (None, "office", "mine")
                and any((s, e) in c.mentions and _ends_in_site_head(rules, c.name) for c in companies)
            )
            if (
                kind
                and len(toks) >= 2
                and relevant
                and not _BODY_APPOSITION.match(text, e)
                and not (toks[-1] == "House" and _HOUSE_MEMBERS.match(text, e))
                and (site_company or not _overlaps(s, e, company_spans))
                and not bodies.overlaps(s, e)
                and not _speaks(text, s, e)
            ):
                found.append(_Facility(text[s:e], kind, s, e, named=True))
                located = _town_after(doc, sent, e, company_spans)
                if located:
                    found[-1].town = located[1]  # "Francis E. Warren Air Force Base in Cheyenne"
                if site_company:
                    found[-1].self_company = next(c.name for c in companies if (s, e) in c.mentions)
            elif kind is None and relevant and not _overlaps(s, e, company_spans) and not bodies.overlaps(s, e):
                # "Hinkley Point C, the EDF-led plant": a project known by its name alone
                site = site_after_name(rules, text, e) if _COMMA_OR_IN_AFTER.match(text[e : e + 4]) else None
                if (
                    site
                    and site[1]
                    and text[s:e] not in rules.stopwords
                    # "an dem Projekt in Duisburg, das als Containerterminal gilt": a German common noun
                    and not (
                        len(toks) == 1
                        and re.search(
                            r"(?<![\w-])(?:dem|den|der|des|das|die|einem|einen|eines|einer)\s+$",
                            text[max(0, s - 8) : s],
                        )
                    )
                    # "chinesischen Investitionen, auch im Hafen Klaipėda": a German plural noun
                    and not (doc.language == "de" and len(toks) == 1 and DE_PLURAL_NOUN_END.search(text[s:e]))
                    and not LEGAL_FORM_END.search(text[s:e])  # "Nordvik Marine AS, a shipyard": the firm
                    # "Piraeus, the Greek port" names the port by its town; a country is no site
                    and (doc.gaz.city(text[s:e]) or not _place_code(doc, text[s:e]))
                    and not doc.gaz.region_code(text[s:e])
                    # "Hinkley Point C in Somerset, the plant": the place is not the site
                    and not re.search(r"[A-Z][\w'’-]*\s+(?:in|at|near)\s+$", text[max(0, s - 40) : s])
                ):
                    term = site[0].group(1) or site[0].group(2)
                    fac = _Facility(text[s:e], facility_kind(rules, term) or "other", s, e, named=True)
                    fac.mentions.append((site[0].start(), site[0].end()))  # the noun is this site
                    if doc.gaz.city(text[s:e]):
                        fac.town = text[s:e]
                    found.append(fac)
        for m in _PORT_OF.finditer(text[sent.start : sent.end]):
            s, e = sent.start + m.start(), sent.start + m.end()
            if _BODY_APPOSITION.match(text, e):
                continue  # "Port of Antwerp-Bruges, het havenbedrijf": the company that runs the port
            if _VIA_BEFORE.search(text, max(sent.start, s - 12), s):
                continue  # "supplies would come via the port of Rostock": a route, not a site of the case
            if _PORT_BODY_BEFORE.search(text, max(sent.start, s - 30), s):
                continue  # "het havenbedrijf Port of Antwerp-Bruges": the company that runs the port
            kind = "airport" if m.group(1).lower() == "airport" else "port_terminal"
            found.append(_Facility(text[s:e], kind, s, e, named=True))
        for m in _NAMED_BASE.finditer(text, sent.start, sent.end) if doc.may_hold(_NAMED_BASE_WORDS) else ():
            # "RAF Lakenheath", "Fort Meade", "Naval Station Rota": a base named by its service and place
            if not doc.gaz.city(m.group(0)) and not any(f.start <= m.start() < f.end for f in found):
                found.append(_Facility(m.group(0), "other", m.start(), m.end(), named=True))
        if relevant:
            found += _head_first_sites(doc, sent, company_spans, bodies)
            found += _listed_sites(doc, sent, company_spans)
            found += _french_plural_sites(doc, sent)
        if doc.may_hold((" and ", " & ")):
            found += _names_then_sites(doc, sent, company_spans)
        found += _searched_offices(doc, sent, companies)
        for m in doc.matches(rules.facility_term_re, sent.start, sent.end):
            fac = _term_site(doc, sent, m, relevant, company_spans, found)
            if fac:
                found.append(fac)
    for fac in found:
        _locate_facility(doc, fac)
        _facility_operator(doc, fac, companies)
        if fac.city is None and fac.operator:
            _operator_town(doc, fac, companies)
    merged = _merge_facilities(found, doc.rules, text, doc.gaz.city)
    _operators_by_title(doc, merged, companies)
    out = []
    for fac in merged:
        if (" " not in fac.name or _NEARBY.match(fac.name)) and fac.name.islower() and not (fac.city or fac.operator):
            # "Une mine dans l'Arctique", "the plant": a bare noun placed nowhere, run by no one; "the
            # nearby air base": the landmark the site of concern lies by
            continue
        if fac.operator and squash(fac.operator) == squash(fac.name):
            fac.operator = None  # "Newport Wafer Fab" the site is not run by "Newport Wafer Fab" the firm
        lat = lon = None
        place = doc.gaz.city(fac.city) if fac.city else None
        if place:
            _, lat, lon, _pop = place
        evidence = []
        for s, _e in [(fac.start, fac.end), *fac.mentions]:
            sent = doc.sentence_at(s)
            if sent:
                sp = span(text, sent.start, sent.end)
                if sp not in evidence:
                    evidence.append(sp)
        out.append(
            FoundFacility(
                name=fac.name,
                kind=fac.kind,
                aliases=_facility_aliases(fac),
                city=fac.city,
                country=fac.country,
                operator=fac.operator,
                latitude=lat,
                longitude=lon,
                evidence=evidence,
            )
        )
    return out


_MEDIA_BEFORE = re.compile(r"(?<![\w-])(?:news|web|internet|online|media|information|investigative)\s+$", re.IGNORECASE)
_NEARBY = re.compile(r"(?:nearby|neighbouring|neighboring|adjacent|voisine?|nahegelegene?n?|nabijgelegen)\s")
_PLACE_AFTER = re.compile(
    # "das Werk in Dortmund", "l'usine principale à Brive-la-Gaillarde", "the plant near Leuven"
    r"(?:\s+(?P<adj>[a-zà-ÿ][a-zà-ÿ-]+))?\s*,?\s+(?P<prep>in|at|near|outside|à|près\s+de|bei|nahe|im|nabij|bij|te)\s+"
    r"(?:the\s+city\s+of\s+|la\s+ville\s+de\s+|de\s+stad\s+|der\s+Stadt\s+)?"
    r"(?P<town>[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]+(?:-[\w'’]+)*(?:\s+(?:di|del|am|sur|upon|on|op)\s+"
    # "in Cambridge on Monday": a day or a month is no part of the town
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b)[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)?)"
    r"(?![\w'’-])"
)
_NOT_ADJECTIVE = {
    "and", "or", "et", "ou", "und", "oder", "en", "of", "is", "was", "are", "were", "est", "ist", "sind", "which",
    "that", "qui", "que", "die", "der", "das", "dat", "the", "le", "la", "de", "het", "een", "a", "an", "to",
    # verbs: "über den eisfreien Hafen würde im Krisenfall ..."
    "würde", "wird", "wurde", "soll", "sollte", "kann", "könnte", "hat", "hatte", "war",
}  # fmt: skip


def _town_after(doc: _Doc, sent: Sentence, end: int, company_spans: SpanSet) -> tuple[int, str, bool] | None:
    """The town a site noun is placed in: (end of the phrase, town, whether the town is part of the
    name). Small towns are not in the city table, so the preposition and a capital make the place."""
    m = _PLACE_AFTER.match(doc.text, end, sent.end)
    if not m or (m.group("adj") or "") in _NOT_ADJECTIVE:
        return None
    town, town_end = m.group("town"), m.end("town")
    if m.group("prep") == "im" and not doc.gaz.city(town) and not (town.endswith("er") and doc.gaz.city(town[:-2])):
        return None  # "im Krisenfall", "im Rahmen": "im" stands before German nouns; towns take "in"
    if _REGION_HEAD.fullmatch(town):
        return None  # "im Landkreis Diepholz", "in the Province of Zeeland": a region, no town
    two = re.match(r" ([A-Z][\w'’-]+)", doc.text[town_end : town_end + 30])
    if two:
        second = two.group(1).removesuffix("'s").removesuffix("’s")  # "in Western Australia's north"
        pair = f"{town} {second}"
        if doc.gaz.region_code(pair) or _place_code(doc, pair) or _CONTINENT.fullmatch(second):
            return None  # "in Western Australia", "in New South Wales", "in Western Europe": a region, no town
        if (
            (_TOWN_SECOND_WORD.fullmatch(two.group(1)) and not doc.gaz.city(town))
            or _town_codes(doc, pair)
            or (not doc.gaz.city(town) and _town_second_name(doc, second, town_end + two.end()))
        ):
            # "near Halls Creek", "in Quezon City", "at Priolo Gargallo": a small town's two names
            town, town_end = pair, town_end + two.end()
    if not doc.gaz.city(town) and " " not in town and town.endswith("er") and doc.gaz.city(town[:-2]):
        return m.start("prep"), town[:-2], False  # "im Hamburger Hafen": the city's adjective
    if (
        town in doc.rules.stopwords
        # "des neuen Reaktorblocks im Kernkraftwerk Dukovany": a site within a site, no town
        or facility_kind(doc.rules, town.split()[0])
        or (not doc.gaz.city(town) and (_place_code(doc, town) or doc.gaz.region_code(town)))
        # "in Johnson County", "near RAF Lakenheath": a county or a base's prefix is no town
        or _REGION_AFTER_TOWN.match(doc.text, town_end)
        or (town.isupper() and len(town) > 1 and not doc.gaz.city(town))
        # a firm's short name after "in" is still the town when it is a known one: "Bergen Engines ...
        # its plant in Bergen"
        or (company_spans.overlaps(m.start("town"), town_end) and not _town_codes(doc, town))
        or any(
            h.start < town_end and m.start("town") < h.end and (h.kind != "company" or not _town_codes(doc, town))
            for h in doc.entity_hits
        )
        or re.match(r"['’]s\b", doc.text[town_end : town_end + 2])
        or MIDDLE_INITIAL_AFTER.match(doc.text, town_end)  # "near Francis E. Warren Air Force Base": a person
    ):
        return None
    if (m.group("adj") or "") in _PLACE_VERBS or "," in doc.text[end : m.start("prep")]:
        # "een chipfabriek staan in Nijmegen", "the refinery, in Priolo": the town, not a name
        return town_end, town, False
    return town_end, town, True


def _town_second_name(doc: _Doc, word: str, end: int) -> bool:
    """A capitalised word after an unknown town is its second name when it ends the run and is
    itself no place, firm or common word ("Priolo Gargallo", not "Priolo Sicily" or "Priolo Lukoil")."""
    return (
        word not in doc.rules.stopwords
        and not facility_kind(doc.rules, word.lower())
        and not doc.gaz.city(word)
        and not _place_code(doc, word)
        and not doc.gaz.region_code(word)
        and not re.match(r"\s*[A-ZÀ-Þ]", doc.text[end : end + 3])
        and not any(h.start < end and end - len(word) < h.end for h in doc.entity_hits)
    )


_CONTINENT = re.compile(
    r"Europe|Asia|Africa|America|Australia|Oceania|Europa|Asien|Afrika|Amerika|Azië|Afrique|Amérique"
)
_TOWN_SECOND_WORD = re.compile(
    r"Creek|Lake|Bay|Falls|Springs|Harbour|Harbor|Point|Beach|Hill|Hills|Valley|City|Island|Heights|Rapids|Bluff|Landing|"
    r"Grove|Park|Green|Heath|Bridge|Cross|Mills|Ridge|Vale|Dale"
)
# the words of a region's name: "im Landkreis Diepholz", "in Johnson County"
_REGION_WORDS = (
    r"(?:County|Shire|Parish|Borough|District|Province|Provinz|Provincie|Prefecture|Region|Région|Regio|Territory|"
    r"Oblast|Kreis|Landkreis|Bezirk|Département|Canton|Kanton|Bundesland|State)"
)
_REGION_HEAD = re.compile(_REGION_WORDS)
_REGION_AFTER_TOWN = re.compile(rf"\s+{_REGION_WORDS}\b")


# verbs of standing between a site noun and its town; they are no part of the site's name
_PLACE_VERBS = {
    "located", "situated", "based", "lies", "stands", "sits", "staan", "staat", "ligt", "liggen", "gevestigd",
    "steht", "stehen", "liegt", "liegen", "situé", "située", "situés", "implanté", "implantée", "installé", "installée",
}  # fmt: skip


_NAMING_VERB = re.compile(
    r"(?<![\w-])(?:heet|heten|hernoemd\s+tot|omgedoopt\s+tot|(?:is|was)\s+(?:now\s+)?(?:called|named|known\s+as)|"
    r"renamed|heißt|hieß|umbenannt\s+in|s['’]appelle|rebaptisée?)\s+(?:\w+\s+){0,3}?[A-Z]"
)
_PORT_BODY_BEFORE = re.compile(rf"(?<![\w-])(?:{_SITE_BODY_NOUNS})\s+$", re.IGNORECASE)
_TOWN_LIST_AFTER = re.compile(r"(?:,\s*[A-ZÀ-Þ][\w'’-]+)*,?\s+(?:and|und|et|en)\s+[A-ZÀ-Þ]")
_ITS_BEFORE = re.compile(r"(?<![\w-])(?:its|their|son|sa|leur|zijn|haar|hun|seine[mn]?|ihre[mn]?)\s+$", re.IGNORECASE)
_VIA_BEFORE = re.compile(r"(?<![\w-])(?:via|through)\s+(?:the\s+|le\s+|la\s+|l['’]|de\s+|het\s+)?$")
_GENITIVE_PLACE = re.compile(
    r"(?:West|Ost|Nord|Süd|Mittel|Zentral|Südost|Nordwest)?(?:europas|asiens|afrikas|amerikas)", re.I
)


# a lower-case head after a site's own name that says what kind of site it is, not part of the name
_DESCRIBED_BY_KIND = re.compile(
    r"(?:nuclear\s+)?power\s+(?:station|plant)|nuclear\s+plant|project|projet|Projekt|wind\s+farm",
    re.IGNORECASE,
)


def _facility_aliases(fac: _Facility) -> list[str]:
    """The other names the story gives the site ("Sizewell C nuclear power station" for "Sizewell
    C"); a bare noun ("the plant") names no site by itself."""
    own = fac.name.lower()
    return [n for n in dict.fromkeys(fac.aliases) if n.lower() != own and (" " in n or not n.islower())]


def _term_site(
    doc: _Doc, sent: Sentence, m: re.Match, relevant: bool, company_spans: SpanSet, found: list[_Facility]
) -> _Facility | None:
    """A site described by a generic noun ("the Euromax terminal", "l'usine de Brumath",
    "das Werk in Dortmund", "des Terminals Tollerort")."""
    text, rules = doc.text, doc.rules
    s, e = m.start(), m.end()
    term = m.group(1) or m.group(2)
    if m.group("infl") and m.group("infl").endswith("n"):
        return None  # a German plural ("drei Raffinerien") is no single site
    if _overlaps(s, e, company_spans) or any(
        (f.start < e and s < f.end) or any(ms < e and s < me for ms, me in f.mentions) for f in found[-8:]
    ):
        return None
    kind = facility_kind(rules, term)
    if kind is None:
        return None  # "Netzwerk", "Triebwerk": no site
    if m.group(2) and doc.language != "de" and term.lower() not in rules.facility_terms:
        return None  # a German noun in another language is another word: "Labor frontbenchers"
    if _VIA_BEFORE.search(text, max(sent.start, s - 12), s):
        return None  # "via the port of Rostock": a route
    if term.lower() in ("site", "sites") and _MEDIA_BEFORE.search(text, max(sent.start, s - 12), s):
        return None  # "the news site Hotnews": a publication, no place
    if _NOT_A_SITE_USE.match(text, e) or re.search(r"(?<![\w-])to\s+$", text[max(0, s - 4) : s]):
        return None  # "in terminal decline", "the port authority", "plans to plant": no site
    need_place = term in rules.facility_need_place
    town = None
    located = (
        _town_after(doc, sent, e, company_spans)
        or re.match(r"\s+(?:de|d['’])\s*[A-ZÀ-ÖØ-ÞĀ-Ž]", text[e : e + 6])  # "le centre de données de Vélizy"
        # "de lng-terminal van Zeebrugge", "das Werk von Wolfsburg": a known town only
        or ((van := _VAN_TOWN.match(text, e)) and (doc.gaz.city(van.group(1)) or _story_town(doc, van.group(1))))
    )
    if not need_place and not relevant and not located:
        return None
    cut = m.end(2) if m.group("infl") else e  # "des Terminals Tollerort" is the Terminal Tollerort
    # lower-case modifiers in front ("national gene bank", "corn milling plant")
    s = _with_modifiers(text, sent.start, s)
    # "the Hanhikivi 1 nuclear power plant", "the Euromax-terminal": the site's own name in front
    # and a two-word name: "the Browns Range project"
    # "the Villanova d'Albenga plant": an elided "d'" may join the words of a place's name
    named = re.search(
        r"(?:^|(?<=\s))((?:[A-Z][\w'’]*\s+){0,2}(?:[A-Z][\w'’]*(?:\s+d['’][A-Z][\w'’]*)?(?:\s+\d+)?)\s+|"
        r"(?:[A-Z][\w'’]*\s+)?[A-Z][\w'’]*-)$",
        text[max(sent.start, s - 30) : s],
    )
    prefixed = False
    prefix_end = s
    if (
        named
        and (
            not need_place
            # "the Bradwell site": a single name after "the" places a site noun that needs a place
            or (
                " " not in named.group(1).strip(" -")
                and re.search(
                    r"(?:^|\s)(?:the|die|das|dem|den|der|de|het|le|la|l['’])\s*$",
                    text[max(sent.start, s - 40) : s - len(named.group(1))],
                    re.IGNORECASE,
                )
            )
        )
    ):
        word = named.group(1).rstrip(" -")
        word_start = max(sent.start, s - 30) + named.start(1)
        lead = _LEADING_DETERMINER.match(word)
        if lead and lead.end() < len(word):  # "Its Ultimo data centre": the name after the determiner
            word, word_start = word[lead.end() :], word_start + lead.end()
        owner = re.match(r".*(?:['’]s?|s['’])\s+(?=\S)", word)
        # "Northern Minerals' Browns Range project": the name after the owner's; "Simon's Town" is a place
        if owner and not _PLACE_AFTER_POSSESSIVE.match(word, owner.end() - 1):
            word, word_start = word[owner.end() :], word_start + owner.end()
        first_word = word.split()[0]
        if (
            first_word not in rules.stopwords
            and not any(h.start < word_start + len(word) and word_start < h.end for h in doc.entity_hits)
            # "Rotterdamse haven" is the town's port; "Haifa Bayport terminal" has a name of its own
            and not (_place_code(doc, first_word) and (" " not in word or not doc.gaz.city(first_word)))
            and not (doc.gaz.region_code(first_word) and " " not in word)  # "a Manitoba mine"
            and not (doc.gaz.city(re.sub(r"(?:er|se|s)$", "", first_word)) and " " not in word)
            and not company_spans.overlaps(word_start, word_start + len(word))
            and doc.sentence_at(word_start) is not None
            and text[sent.start : word_start].strip() != ""
        ):
            s, prefixed = word_start, True
            prefix_end = word_start + len(word)
    # French names follow the noun: "plateforme logistique d'Alibaba"; Dutch and German too:
    # "de haven van Rotterdam", "de fabriek van Nexperia", "das Werk von Bosch"
    number = re.match(r" \d{1,4}(?![\w,.])", text[e : e + 6])
    if number:
        e += number.end()  # "la base aérienne 113 de Saint-Dizier", "Terminal 2"
    # "le terminal méthanier de Zeebrugge": a French adjective after the noun, then the town
    adjective = (
        re.match(r" [a-zà-ÿ]{4,}(?= (?:de |du |d['’])[A-ZÀ-Þ])", text[e : e + 30]) if doc.language == "fr" else None
    )
    if adjective and adjective.group(0).strip() not in ("dont", "pour", "avec", "sans", "dans", "sous", "vers"):
        e += adjective.end()
    of = re.match(r"\s+(?:d['’]|de\s+|du\s+|van\s+|von\s+)", text[e : e + 6])
    town_named = False
    if of:
        owner = next(((cs, ce) for cs, ce in company_spans if cs == e + of.end()), None)
        if owner and _story_town(doc, text[owner[0] : owner[1]]):
            owner = None  # "le chantier naval de Saint-Nazaire": a town taken for a firm is still the town
        # Italian and French place names run on: "Pasiano di Pordenone", "Saint-Denis-en-Val"
        place = re.match(
            r"[A-Z][\w'’-]+(?:\s+(?:di|del|della|sur|lès|am|an\s+der)\s+[A-Z][\w'’-]+)?",
            text[e + of.end() : e + of.end() + 60],
        )
        germanic = of.group(0).strip() in ("van", "von")
        if owner and not germanic:
            e = owner[1]
        elif owner:
            # "het datacenter van Microsoft in Middenmeer": the owner, then the town
            placed = _town_after(doc, sent, owner[1], company_spans)
            if placed:
                town = placed[1]
        elif (
            place
            and place.group(0) not in rules.stopwords
            and not owner
            # "de haven van Rotterdam", "de lng-terminal van Zeebrugge": a known town only
            and (not germanic or doc.gaz.city(place.group(0)) or _story_town(doc, place.group(0)))
        ):
            town = place.group(0)
            e += of.end() + place.end()  # "l'usine de Brumath": Brumath is where it stands
            # "de haven van Rotterdam", "le port d’Anvers": a port is named by its town
            town_named = kind == "port_terminal" and bool(doc.gaz.city(town))
    # "la mine d'or Hope Bay": what the site holds, then its own name
    material = re.match(r" (?:d['’]|de )[a-zà-ÿ]{2,}(?= [A-Z])", text[e : e + 30]) if doc.language == "fr" else None
    if material and town is None:
        e += material.end()
    # "Containerterminal Tollerort", "terminal Euromax": the noun then the site's own name
    # "de containerterminal CSP Zeebrugge Terminal": a name that ends in a site head of its own
    own_name = _OWN_NAME_WITH_HEAD.match(text, e)
    if not (own_name and rules.facility_heads.get(own_name.group(2))):
        # 'du port "Rossenets"', 'le terminal « Euromax »': the name may stand in quotes
        own_name = re.match(
            r" (?:[\"“«„]\s?)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+(?![\w'’-])(?! [a-z]*[A-Z]))?)(?![\w'’-])(?:\s?[\"”»“])?",
            text[e : e + 40],
        )
        # "für seinen Offshore-Windpark Waterkant Turbinen kaufen": a German noun is no second name word
        if (
            own_name
            and doc.language == "de"
            and re.search(r" \w+(?:en|ung|heit|keit|schaft|tät|nis)$", own_name.group(1))
        ):
            own_name = re.match(r" ([A-Z][\w'’-]+)", text[e : e + 40])
    else:
        own_name = re.match(rf" ({re.escape(own_name.group(1))})", text[e : e + 60])
    has_own_name = bool(
        own_name
        and not _overlaps(e + 1, e + own_name.end(), company_spans)
        and not _place_code(doc, own_name.group(1))
        and own_name.group(1) not in rules.stopwords
        and not (need_place and doc.gaz.city(own_name.group(1)))
        # "der größte Erdgasspeicher Westeuropas", "le plus grand port d'Europe": where, not a name
        and not _GENITIVE_PLACE.fullmatch(own_name.group(1))
        and not (own_name.group(1).endswith("s") and _place_code(doc, own_name.group(1)[:-1]))
    )
    # "an industrial park, Great Stone, in Belarus": the site's own name set off by commas
    set_off = None if has_own_name or prefixed else _NAME_SET_OFF.match(text, e)
    if (
        set_off
        and not _overlaps(set_off.start(1), set_off.end(1), company_spans)
        and not _place_code(doc, set_off.group(1))
        and set_off.group(1).split()[0] not in rules.stopwords
    ):
        name = set_off.group(1)
        fac = _Facility(name, kind, set_off.start(1), set_off.end(1), named=True, aliases=[text[s:e]])
        located = _town_after(doc, sent, set_off.end(1) + 1, company_spans)
        if located:
            fac.town = located[1]
        return fac
    if has_own_name and own_name:
        if rules.facility_heads.get(own_name.group(1).split()[-1]) and not prefixed:
            s = e + 1  # "de containerterminal CSP Zeebrugge Terminal" is the CSP Zeebrugge Terminal
        e += own_name.end()
        # "l'usine Alstom de Belfort": the town after the name
        after = re.match(r"\s+(?:de|d['’])\s*([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)", text[e : e + 60])
        if town is None and after and (doc.gaz.city(after.group(1)) or _town_codes(doc, after.group(1))):
            town, e = after.group(1), e + after.end()
    if town is None and not has_own_name:
        # "une usine de plaquettes à Limeil-Brévannes", "un centre de tri près de Lyon": what the site
        # makes, then its town
        made = _WHAT_IT_MAKES.match(text, e)
        if (
            made
            and not (set(made.group(0).split()) & _FUNCTION_WORDS)
            and _town_after(doc, sent, made.end(), company_spans)
        ):
            e = made.end()
    if town is None:
        located = _town_after(doc, sent, e, company_spans)
        if located:
            end, town, in_name = located
            if _TOWN_LIST_AFTER.match(text, end):
                return None  # "an Terminals in Rotterdam, Antwerpen und Zeebrügge": several sites in passing
            if in_name and not prefixed:  # "das Werk in Ahlen"; "the Bradwell site in Essex" has its name
                e = end
    if need_place and not (
        town
        or has_own_name
        or prefixed
        or _city_word_before(doc, text[max(sent.start, s - 30) : s])
        or _owner_after(text, e, company_spans)  # "die Chipfertigung des Halbleiterherstellers Elmos"
    ):
        return None
    name = text[s:cut] + text[m.end() : e] if cut < m.end() else text[s:e]
    if prefixed and e == m.end() and term.islower() and _DESCRIBED_BY_KIND.fullmatch(term):
        # "the Sizewell C nuclear power station", "the Browns Range project": the name is the site's own
        name = text[s:prefix_end]
    aliases = [text[s:e]] if name != text[s:e] else []
    if name == term and re.search(r"\b[a-z]+['’]s\s+$", text[max(sent.start, s - 20) : s]):
        return None  # "jet fuel for the capital's airport": a place's site in passing, unnamed
    possessive = re.search(r"['’]s?\s+$", text[max(sent.start, s - 4) : s])
    if possessive and not (prefixed or has_own_name or town):
        # "APA's pipeline network": a site with no name or place of its own is known by its owner's
        at = max(sent.start, s - 4) + possessive.start()
        owner = next((cs for cs, ce in company_spans if ce == at), None)
        if owner is not None and name.islower():
            name, aliases = text[owner:s] + name, [name, *aliases]
    proper = re.search(r"[A-Z]", name.replace(term, ""))  # "Projekt" is capitalised in German
    if term.lower() in _VAGUE_TERMS and prefixed and re.search(r"\b(?:19|20)\d\d$", text[s:prefix_end]):
        return None  # "the Made in China 2025 project": a policy named by its year, no site
    if term.lower() in _VAGUE_TERMS and not town and not proper:
        return None  # "the project", "a British energy project": no site until it has a name or a place
    if term.lower() in _VAGUE_TERMS and not proper and _other_site_noun(doc, sent, m):
        return None  # "an dem Projekt, das als größtes Containerterminal gilt": the terminal is the site
    # "the Euromax terminal", "Containerterminal Tollerort": a site with a name of its own
    named = (prefixed or has_own_name or town_named) and kind != "office"
    fac = _Facility(name, kind, s, e, named=named, town=town, generic=need_place and kind == "office", aliases=aliases)
    if kind == "office" and not need_place and not doc.cues_in(sent.start, sent.end, "cat:"):
        return None  # "dont le siège est à Mérignac" places a company; it is no site of the case
    return fac


_NAME_SET_OFF = re.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),")
_WHAT_IT_MAKES = re.compile(
    r"\s+(?:de|d['’]|des)\s*[a-zà-ÿ][a-zà-ÿ-]{2,}(?:\s+[a-zà-ÿ][a-zà-ÿ-]{2,})?(?=\s*,?\s+(?:à|près|en)\b)"
)
_LEADING_DETERMINER = re.compile(
    r"(?:Its|The|Their|Our|This|That|A|An|Le|La|Les|Son|Sa|Ses|Leur|De|Het|Een|Zijn|Haar|Hun|Die|Der|Das|Dem|Den|"
    r"Sein|Seine|Seinem|Ihr|Ihre|Ihrem)\s+"
)


_OWN_NAME_WITH_HEAD = re.compile(r" ((?:[A-Z][\w'’-]+ ){1,2}([A-Z][\w'’-]+))(?![\w'’-])")


def _other_site_noun(doc: _Doc, sent: Sentence, m: re.Match) -> bool:
    for other in doc.matches(doc.rules.facility_term_re, sent.start, sent.end):
        term = other.group(1) or other.group(2)
        if other.start() != m.start() and term.lower() not in _VAGUE_TERMS and facility_kind(doc.rules, term):
            return True
    return False


# nouns that stand for any undertaking, not only a place: a site only when named or placed
_VAGUE_TERMS = {"project", "projet", "projekt", "projecten", "complex"}


# a site noun used as an adjective or before the body that runs it is no site itself
_NOT_A_SITE_USE = re.compile(
    r"\s+(?:decline|illness|patients?|velocity|operators?|authority|authorities|company|companies|managers?|owners?|"
    r"workers?|staff|capacity|business|sector|industry|equipment|security|services?|city|cities|town|ville|stad|Stadt|"
    r"cranes?|fees|charges|dues|tariffs|traffic|congestion|strikes?|police)\b"
    # "die vernetzte Fabrik der Zukunft", "the factory of the future": an idea, no site
    r"|\s+(?:der\s+Zukunft|of\s+the\s+future|du\s+futur|van\s+de\s+toekomst)\b"
)


_OF_OWNER = re.compile(r"\s+(?:of|des|der|von|van|de|du|d['’])\s*(?:[\w-]+\s+){0,3}?")


def _owner_after(text: str, end: int, company_spans: SpanSet) -> bool:
    """A firm named as the owner right after a site noun: "the fab of Elmos", "l'usine de Huawei"."""
    m = _OF_OWNER.match(text, end)
    if not m:
        return False
    return any(end < cs <= m.end() + 40 and re.fullmatch(r"[\s\w-]*", text[end:cs]) for cs, _ce in company_spans)


def _town_of_word(doc: _Doc, word: str) -> str | None:
    """The town a word names, itself or as an adjective: "Newport", "Dortmunder", "Rotterdamse"."""
    return next((form for form in (word, re.sub(r"(?:er|se|s)$", "", word)) if doc.gaz.city(form)), None)


def _city_word_before(doc: _Doc, before: str) -> bool:
    """ "the Newport site", "die Dortmunder Chipfertigung", "de Rotterdamse vestiging"."""
    m = re.search(r"([A-Z][\w-]+)\s+$", before)
    return bool(m and _town_of_word(doc, m.group(1)))


# German names a site by a noun, or a compound ending in one, and its town: "im Hafen Klaipėda", "in der
# Brennelementefabrik Lingen", "das Kraftwerk Datteln"; only before a known town, as German capitalises
# the nouns that may follow ("im Hafen Container verladen")
_GERMAN_SITE_BEFORE_TOWN = re.compile(
    r"(?<![\w-])((?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Ff]abrik|[Hh]afen|[Kk]raftwerk|[Ww]erft))\s+([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+)(?![\w'’-])"
)


def _head_first_sites(doc: _Doc, sent: Sentence, company_spans: SpanSet, bodies: SpanSet) -> list[_Facility]:
    """Names that put the noun first: "Base Darwin", "Terminal Tollerort", "Flughafen Schönefeld"."""
    text, rules = doc.text, doc.rules
    out = []
    if doc.language == "de":
        for m in _GERMAN_SITE_BEFORE_TOWN.finditer(text, sent.start, sent.end):
            noun, town = m.group(1), m.group(2)
            if noun.endswith("lughafen") or not doc.gaz.city(town) or _overlaps(m.start(), m.end(), company_spans):
                continue  # "Flughafen Lüttich" is the airport head's
            fac = _Facility(f"{noun} {town}", facility_kind(rules, noun) or "plant", m.start(), m.end(), named=True)
            fac.town = town
            out.append(fac)
    if not rules.facility_heads_first:
        return out
    for m in rules.facility_heads_first_re.finditer(text, sent.start, sent.end):
        s, e = m.start(), m.end()
        word = m.group(2)
        if (
            word in rules.stopwords
            or (not doc.gaz.city(word) and _place_code(doc, word))
            or _overlaps(s, e, company_spans)
            or bodies.overlaps(s, e)
            or not text[sent.start : s].strip()  # a sentence opener: "Terminal operators said"
        ):
            continue
        name = f"{m.group(1)} {word}"
        fac = _Facility(name, rules.facility_heads_first[m.group(1)], s, e, named=True)
        located = _town_after(doc, sent, e, company_spans)
        if doc.gaz.city(word):
            fac.town = word
        elif located:
            fac.end, fac.town, _in_name = located
        out.append(fac)
    return out


def _listed_sites(doc: _Doc, sent: Sentence, company_spans: SpanSet) -> list[_Facility]:
    """A list after a plural site noun: "drei Raffinerien: PCK Schwedt, MiRo in Karlsruhe und
    Bayernoil in Vohburg" names three sites."""
    text, rules = doc.text, doc.rules
    out: list[_Facility] = []
    for head in rules.facility_list_re.finditer(text, sent.start, sent.end):
        kind = rules.facility_list_heads[head.group(1)]
        at = head.end()
        while at < sent.end:
            item = re.match(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w&'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w&'’-]*){0,2})", text[at : sent.end])
            if not item:
                break
            s, e = at, at + item.end()
            name = item.group(1)
            if name in rules.stopwords or (_place_code(doc, name) and not doc.gaz.city(name)):
                break
            fac = _Facility(name, kind, s, e, named=True)
            if doc.gaz.city(name):
                fac.town = name
            located = _town_after(doc, sent, e, company_spans)
            if located:
                e, fac.town, _in_name = located
            elif not head.group("colon"):
                break  # no colon: only names each placed in their town make a list ("MiRo in Karlsruhe")
            out.append(fac)
            sep = re.match(r"\s*(?:,|;|\s(?:und|and|et|en|sowie))\s*", text[e : sent.end])
            if not sep:
                break
            at = e + sep.end()
    return out


# names, then their plural site noun: "at the Century, Rosebery and Golden Grove mines"
_NAMES_THEN_SITES = re.compile(
    r"(?<![\w'’-])(?P<names>(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*,\s*)*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    r"\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+"
    r"(?P<noun>mines|plants|ports|terminals|refineries|airports|factories|smelters|fabs|shipyards|data\s+centres|"
    r"data\s+centers|power\s+stations|power\s+plants)\b"
)
# every match of _NAMES_THEN_SITES holds one of these ("airports" holds "ports", "power plants" "plants")
_NAMES_THEN_SITES_WORDS = (
    *("mines", "plants", "ports", "terminals", "refineries", "factories", "smelters", "fabs", "shipyards"),
    *("centres", "centers", "stations"),
)
_PLURAL_SITE = {"mines": "mine", "plants": "plant", "ports": "port", "terminals": "terminal", "refineries": "refinery",
                "airports": "airport", "factories": "factory", "smelters": "smelter", "fabs": "fab",
                "shipyards": "shipyard", "data centres": "data centre", "data centers": "data center",
                "power stations": "power station", "power plants": "power plant"}  # fmt: skip


def _names_then_sites(doc: _Doc, sent: Sentence, company_spans: SpanSet) -> list[_Facility]:
    """ "keep production at the Century, Rosebery and Golden Grove mines": each name is a site."""
    text, rules = doc.text, doc.rules
    out: list[_Facility] = []
    if not doc.may_hold(_NAMES_THEN_SITES_WORDS):
        return out
    for m in _NAMES_THEN_SITES.finditer(text, sent.start, sent.end):
        kind = facility_kind(rules, _PLURAL_SITE[re.sub(r"\s+", " ", m.group("noun"))])
        if kind is None:
            continue
        for item in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}", m.group("names")):
            s, e = m.start("names") + item.start(), m.start("names") + item.end()
            words = item.group(0).split()
            while words and words[0] in _LEADING_NOISE:  # "The Century, Rosebery and ... mines"
                s += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
            # "In January and February ports handled ...": months, no sites
            if not words or any(w in rules.stopwords or w.lower() in MONTHS for w in words):
                continue
            if _overlaps(s, e, company_spans) or _place_code(doc, name):
                continue
            out.append(_Facility(name, kind, s, e, named=True))
    return out


# a company's offices searched or raided by investigators are a site of the case: "Agents searched the
# Warsaw offices of Huawei", "Het Brusselse kantoor van Huawei werd doorzocht", "die Büros von X in
# Berlin wurden durchsucht", "les bureaux de X à Paris ont été perquisitionnés"
_SEARCHED = re.compile(
    r"(?<![\w-])(?:search(?:ed|es|ing)?|raid(?:ed|s|ing)?|perquisition\w*|doorzocht|doorzoeking\w*|huiszoeking\w*|"
    r"speurders|durchsucht\w*|Durchsuchung\w*|Razzia\w*)(?![\w-])",
    re.IGNORECASE,
)
# every match of _SEARCHED holds one of these in some case
_SEARCHED_WORDS = (
    *("search", "raid", "perquisition", "doorzocht", "doorzoeking", "huiszoeking", "speurders", "durchsucht"),
    *("durchsuchung", "razzia"),
)
_OFFICE_NOUN = (
    r"(?:offices|office|premises|headquarters|kantoor|kantoren|hoofdkantoor|Büros?|Geschäftsräume|bureaux|locaux|siège)"
)
_OWNER_NAME = r"[A-ZÀ-Þ][\w&.'’-]*(?:\s+[A-ZÀ-Þ][\w&.'’-]*){0,3}"
_OFFICES_OF = re.compile(
    # "the Warsaw offices of Huawei", "het Brusselse kantoor van Huawei", "les bureaux de Huawei à Paris"
    rf"(?:(?P<town>[A-ZÀ-Þ][\w'’-]+)\s+)?(?P<noun>{_OFFICE_NOUN})\s+(?:of|van|von|de|du|d['’])\s*(?:the\s+|het\s+|de\s+)?"
    rf"(?P<owner>{_OWNER_NAME})(?:\s+(?:in|à|te)\s+(?P<town2>[A-ZÀ-Þ][\w'’-]+))?"
    # "Huawei's offices in Warsaw"
    rf"|(?P<owner2>{_OWNER_NAME})['’]s\s+(?:(?P<town3>[A-ZÀ-Þ][\w'’-]+)\s+)?"
    rf"(?P<noun2>{_OFFICE_NOUN})(?:\s+in\s+(?P<town4>[A-ZÀ-Þ][\w'’-]+))?"
)
# "the Warsaw offices of Huawei and of Orange Polska": the same kind of site of a second firm
_AND_OF_OWNER = re.compile(rf"\s+(?:and|en|und|et)\s+(?:of|van|von|de|du|d['’])\s*(?P<owner>{_OWNER_NAME})")


def _searched_offices(doc: _Doc, sent: Sentence, companies: list[_Company]) -> list[_Facility]:
    text = doc.text
    if not doc.may_hold((), _SEARCHED_WORDS) or not _SEARCHED.search(text, sent.start, sent.end):
        return []
    firm_of = {form: c.name for c in companies for form in c.forms | {c.name}}
    out = []
    for m in _OFFICES_OF.finditer(text, sent.start, sent.end):
        owner = m.group("owner") or m.group("owner2")
        if owner not in firm_of:
            continue  # "the offices of the prosecutor": only a company's offices
        towns = [m.group(g) for g in ("town", "town2", "town3", "town4") if m.group(g)]
        town = next((t for w in towns if (t := _town_of_word(doc, w))), None)
        start = m.start()
        if m.group("town") and not _town_of_word(doc, m.group("town")):
            start = m.start("noun")  # "Agents offices of": the word before the noun is no town
        found = [(firm_of[owner], text[start : m.end()], start, m.end())]
        more = _AND_OF_OWNER.match(text, m.end()) if m.group("owner") else None
        if more and more.group("owner") in firm_of:
            name = text[start : m.start("owner")] + more.group("owner")
            found.append((firm_of[more.group("owner")], name, more.start(), more.end()))
        out += [
            _Facility(name, "office", s, e, town=town, operator=operator, operator_strength=3)
            for operator, name, s, e in found
        ]
    return out


# "les sites de Lisieux, dans le Calvados, et de Compiègne": French names each town of a plural
# site noun after its own "de", often with an aside between them
_FR_PLURAL_SITES = re.compile(
    r"(?<![\w-])(?P<noun>sites|usines|entrepôts)\s+(?:de\s+|d['’])(?P<a>[A-ZÀ-Þ][\w'’-]+)"
    r"(?P<mid>[^.;]{0,90}?)(?:,\s*|\s+)et\s+(?:de\s+|d['’])(?P<b>[A-ZÀ-Þ][\w'’-]+)"
)
# every match of _FR_PLURAL_SITES holds one of these
_FR_PLURAL_SITES_WORDS = ("sites", "usines", "entrepôts")


def _french_plural_sites(doc: _Doc, sent: Sentence) -> list[_Facility]:
    out: list[_Facility] = []
    if not doc.may_hold(_FR_PLURAL_SITES_WORDS):
        return out
    for m in _FR_PLURAL_SITES.finditer(doc.text, sent.start, sent.end):
        noun = m.group("noun")[:-1]
        kind = facility_kind(doc.rules, noun)
        if not kind or " et " in m.group("mid"):
            continue
        for g in ("a", "b"):
            town = m.group(g)
            if town in doc.rules.stopwords or (_place_code(doc, town) and not doc.gaz.city(town)):
                break
            # "les sites de Lisieux et de Compiègne": a "site" is whatever the story runs there
            fac = _Facility(f"{noun} de {town}", kind, m.start(g), m.end(g), named=True, generic=kind == "office")
            fac.town = town
            out.append(fac)
    return out


# prepositions and verbs of being that stand before a site noun ("grenst aan vliegbasis Volkel")
_FUNCTION_WORDS = {
    "aan", "naast", "naar", "om", "uit", "over", "door", "tegen", "onder", "is", "wordt", "heeft", "an", "auf", "nach",
    "neben", "über", "unter", "zu", "ist", "wird", "hat", "à", "dans", "sur", "par", "pour", "près", "est", "from",
    "into", "near", "next", "was", "has", "will", "as", "than", "als", "comme", "seinen", "seinem", "seiner",
    "ihren", "ihrem", "ihrer", "unseren", "unserem", "leurs", "nos", "notre", "onze", "ons", "hun", "zijn",
}  # fmt: skip


_MEASURE_VERBS = {
    "divest", "sell", "buy", "acquire", "build", "operate", "run", "own", "close", "shut", "block", "ban", "lease",
    "céder", "vendre", "racheter", "construire", "exploiter", "verkopen", "kopen", "bouwen", "verkaufen", "kaufen",
    "bauen", "betreiben",
}  # fmt: skip


# numbers, particles and Latin ("to set up four wind farm projects", "a de facto naval base")
_NO_MODIFIERS = {
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "dozen"),
    *("up", "down", "out", "off", "facto", "jure"),
}


def _with_modifiers(text: str, floor: int, start: int) -> int:
    """Take in up to three plain lower-case words before a facility noun ("national gene bank")."""
    if text[start : start + 1].isupper():
        return start  # "den geplanten Offshore-Windpark Waterkant": a capitalised noun is no descriptive phrase
    taken = 0
    for _ in range(4):
        m = re.search(r"(?:^|(?<=\s))([a-zà-ÿ][a-zà-ÿ-]*)\s+$", text[max(floor, start - 30) : start])
        if not m:
            break
        word = m.group(1)
        if word == "and" and taken == 1 and _MODIFIER_BEFORE_AND.search(text, max(floor, start - 40), start):
            # "Prominent Hill copper and gold mine", "oil and gas terminal": two goods of one site
            start = max(floor, start - 30) + m.start(1)
            continue
        if taken == 3 or (
            word in STOP_ADJECTIVES
            or word in _FUNCTION_WORDS
            or word in _MEASURE_VERBS
            or word in _NO_MODIFIERS
            or word.endswith(("ing", "ed", "ly"))
        ):
            break  # "to divest four wind farm projects": the verb is no part of the site
        start = max(floor, start - 30) + m.start(1)
        taken += 1
    return start


_MODIFIER_BEFORE_AND = re.compile(
    r"(?<![\w-])(?:copper|gold|silver|oil|gas|coal|iron|zinc|nickel|lithium|uranium|container|bulk|grain|chemical|"
    r"rare\s+earths?|wind|solar|freight|passenger|research|steel)\s+and\s+$"
)


_TIED_TO_A_FIRM = re.compile(
    r"\b(?:(?i:the\s+company|the\s+group|the\s+firm|le\s+groupe|l['’]entreprise|het\s+bedrijf|das\s+Unternehmen)|"
    r"its|Its|sa|son|Son)\b"
    # "was der chinesische Eigentümer mit dem Flughafen vorhat", "een Chinees logistiek bedrijf heeft grond
    # gekocht naast vliegbasis Volkel": the site's owner or a firm, though unnamed
    r"|(?<![\w-])(?i:owners?|operators?|investors?|shareholders?|propriétaires?|exploitants?|investisseurs?|"
    r"actionnaires?|eigenaars?|uitbaters?|investeerders?|aandeelhouders?|Eigentümer\w*|Eigner\w*|Betreiber\w*|"
    r"Investoren|Investors?|Anteilseigner\w*|company|firm|bedrijf|entreprise|société|firme|Unternehmen|Konzern|"
    r"Firma|\w*(?:maker|manufacturer|producer|fabricant|constructeur|fabrikant|producent|Hersteller|hersteller)s?)(?![\w-])"
)


def _site_proper_names(found: list[_Facility], rules: _Rules) -> set[str]:
    """The proper part of named sites' names, two capitalised words or more ("Browns Range")."""
    names = set()
    for f in found:
        if f.named:
            m = re.match(r"(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+", f.name)
            if m and not any(w in rules.facility_heads for w in m.group(0).split()):
                names.add(m.group(0))
    return names


def _facility_relevant(doc: _Doc, sent: Sentence, companies: list[_Company]) -> bool:
    """A descriptive facility counts only where the story ties it to a company or a place."""
    if any(sent.start <= s < sent.end for c in companies for s, _e in c.mentions):
        return True  # a company named in the sentence
    if any(h.kind in ("city", "capital") and sent.start <= h.start < sent.end for h in doc.place_hits):
        return True
    # the category cues are a lookup, the pattern a search: the cheaper question first
    return bool(doc.cues_in(sent.start, sent.end, "cat:")) or _TIED_TO_A_FIRM.search(sent.text) is not None


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
            gap_after = text[fac.end : hit.start]
            gap_before = text[hit.end : fac.start]
            if (
                fac.start <= hit.start < fac.end
                or (
                    0 <= len(gap_after) <= 60
                    and not re.search(r"[,;]", gap_after)  # "PCK Schwedt, MiRo in Karlsruhe": the next site's town
                    and re.search(
                        r"(?:\bin|\bat|\bof|\bde|d['’]|\bà|\bnear|\boutside|\bbei|\bnabij|\bte)\s+(?:the\s+city\s+of\s+|la\s+ville\s+de\s+|de\s+stad\s+)?$",
                        gap_after,
                    )
                    and hit.start >= fac.end
                )
                # "Liège's hub", "in Frankfurt-Sossenheim ein Rechenzentrum"
                or (hit.end <= fac.start and re.fullmatch(r"(?:-[\w'’]+)*\s*(?:['’]s\s+)?(?:[\w-]+\s+)?", gap_before))
            ):
                if hit.start >= fac.end and best is not None and fac.start <= best.start < fac.end:
                    best = hit  # "Francis E. Warren Air Force Base in Cheyenne": the town named after it
                best = best or hit
    if fac.town and not doc.gaz.city(fac.town):
        # "in Diliman, Quezon City": a district, then the city it belongs to
        district = re.compile(rf"(?<![\w-]){re.escape(fac.town)},\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
        m = district.search(text, sent.start, sent.end)
        city = next((c for c in (m.group(1), m.group(1).split()[0]) if doc.gaz.city(c)), None) if m else None
        if city:
            fac.town = city
    if fac.town:
        # "l'usine de Brumath, près de Strasbourg" stands in Brumath, in Strasbourg's country
        info = doc.gaz.city(fac.town)
        fac.city = fac.town
        fac.country = (
            city_country(doc, fac.town) if info else (doc.gaz.city(best.form) or [best.key])[0] if best else None
        )
        if not info:
            fac.country = _town_code(doc, fac.town) or fac.country  # "near Kiruna", "à Limeil-Brévannes"
        fac.country = fac.country or _town_country(doc, fac.town)
        # "la centrale nucléaire de Darlington, en Ontario": the province placed after the town
        # says which of the towns of that name it is
        at = text.find(fac.town, sent.start, sent.end)
        region = _REGION_AFTER_SITE.match(text, at + len(fac.town)) if at != -1 else None
        code = region and (doc.gaz.region_code(region.group(1)) or doc.gaz.region_code(region.group(2)))
        if code:
            fac.country = code
        best = None
    elif fac.named and best is None and (town := _town_in_name(doc, fac)):
        fac.city, fac.country = town, _town_code(doc, town)
    if best is not None:
        fac.city = best.form
        info = doc.gaz.city(best.form)
        fac.country = city_country(doc, best.form) if info else best.key
        # "in Arnstadt bei Erfurt", "à Brumath, près de Strasbourg": the small town is the site's place
        near = re.search(
            r"(?:\bin|\bà|\bim|\bte)\s+([A-Z][\w'’-]+),?\s+(?:bei|nahe|near|outside|près\s+de|nabij|bij)\s+$",
            text[max(sent.start, best.start - 60) : best.start],
        )
        if near and not doc.gaz.city(near.group(1)) and near.group(1) not in doc.rules.stopwords:
            fac.city = near.group(1)
    else:
        # "Hamburger Hafen", "de Rotterdamse haven": a city adjective just before the noun
        adj = re.search(r"([A-Z][\w-]+?)(?:er|se|s)\s+$", text[max(sent.start, fac.start - 30) : fac.start])
        if fac.named and not (adj and doc.gaz.city(adj.group(1))):
            adj = re.match(r"([A-Z][\w-]+?)(?:er|se|s)\s", fac.name)  # the name holds it: "Hamburger Hafen"
        if adj and doc.gaz.city(adj.group(1)):
            fac.city = adj.group(1)
            fac.country = doc.gaz.city(adj.group(1))[0]
    if fac.city is None and fac.country is None:
        # "sa première usine de voitures électriques dans l'Union européenne, à Szeged": the one
        # town the sentence places something in, a little after the site noun
        towns = [h for h in doc.place_hits if sent.start <= h.start < sent.end and h.kind in ("city", "capital")]
        if (
            len(towns) == 1
            and 0 <= towns[0].start - fac.end <= 100
            and _LOCATIVE_BEFORE.search(text, max(0, towns[0].start - 8), towns[0].start)
            and text.count(",", fac.end, towns[0].start) <= 1
            and ";" not in text[fac.end : towns[0].start]
        ):
            fac.city = towns[0].form
            fac.country = city_country(doc, towns[0].form) if doc.gaz.city(towns[0].form) else towns[0].key
    if fac.country is None:
        hit = doc.country_before(fac.start, sent.start, words=2)
        if hit and not re.match(r"['’]s", text[hit.end : hit.end + 2]):
            hit = None
        if hit is None:
            for cand in doc.countries_in(fac.end, min(sent.end, fac.end + 80)):
                if (
                    cand.key != "EU"
                    and re.search(  # "im europäischen Hinterland" is in no one country
                        r"(?:\bin|\ben|\bim|\bà|\bau|\baux|\bin\s+het)\s+(?:the\s+)?$",
                        text[max(0, cand.start - 12) : cand.start],
                    )
                ):
                    hit = cand
                    break
        own = _country_in(doc, fac.name + " ") if fac.named else None
        # "the Kestrel Range project in Western Australia": a state or province placed after the site
        region = _REGION_AFTER_SITE.match(text, fac.end)
        if hit is None and region:
            own = own or doc.gaz.region_code(region.group(1)) or doc.gaz.region_code(region.group(2) or "")
        fac.country = (hit.key if hit else None) or own or _region_country(doc, sent)
        if fac.country is None:
            fac.country, fac.country_guessed = doc.host or doc.main_country, True


# "NovaChip in Nijmegen", "Vestfjord Kran, a crane maker based in Bodø", "Bodø-based Vestfjord Kran"
_FIRM_TOWN_AFTER = re.compile(
    r"(?:\s*,\s+(?:[\w'’-]+\s+){0,6}?(?:based|headquartered|gevestigd|ansässig|basée?|installée?|implantée?)"
    r"|\s+(?:\(|,\s+)?(?:based|headquartered|gevestigd|ansässig|basée?))?"
    r"\s+(?:in|à|te|aus|uit|im)\s+([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]+(?:-[\w'’]+)*)"
)
_FIRM_TOWN_BEFORE = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]+)*)-(?:based|basierte\w*)\s+$")
# "des Dortmunder Chipherstellers Elmos", "het Nijmeegse chipbedrijf": a town's adjective and a noun
_TOWN_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-zäöüßà-ÿ]+?)(?:er|se|sche)\s+[\w-]+\s*,?\s*$")


def _operator_town(doc: _Doc, fac: _Facility, companies: list[_Company]) -> None:
    """A site the story places in no town stands in the town its operator is placed in, when that
    town lies in the site's country: "NovaChip in Nijmegen ... haar fabriek"."""
    firm = next((c for c in companies if c.name == fac.operator), None)
    if firm is None:
        return
    text = doc.text
    for s, e in sorted(firm.mentions):
        after = _FIRM_TOWN_AFTER.match(text, e)
        before = _FIRM_TOWN_BEFORE.search(text, max(0, s - 40), s)
        adjective = _TOWN_ADJECTIVE_BEFORE.search(text, max(0, s - 40), s) if doc.language in ("de", "nl") else None
        for town in (
            after.group(1) if after else None,
            before.group(1) if before else None,
            adjective.group(1) if adjective else None,
        ):
            if not town or not doc.gaz.city(town):
                continue
            code = city_country(doc, town)
            # only in the site's own (or the story's) country: "Delta Ports uit Dubai" runs a terminal in Antwerp
            if code and fac.country in (None, code):
                fac.city, fac.country, fac.country_guessed = town, code, False
                return


def _town_codes(doc: _Doc, town: str) -> dict[str, int]:
    """The countries with a town of that name; places.json adds the port and industry districts
    ("Zeebrugge", "Eemshaven") that are no town of their own."""
    towns = town_populations()
    codes = dict(towns.get(town) or towns.get(strip_accents(town)) or {})
    city = doc.gaz.city(town)  # and the exonyms the city table knows: "Hambourg", "Anvers"
    if city:
        codes.setdefault(city[0], city[3])
    for code, names in doc.gaz.places.get("site_towns", {}).items():
        if town in names:
            codes.setdefault(code, 1)
    return codes


def _town_code(doc: _Doc, town: str) -> str | None:
    """The country of a town too small for the city table, one the story is about where several
    countries have a town of that name."""
    codes = _town_codes(doc, town)
    if not codes:
        return None
    story = _story_countries(doc)
    return max([c for c in codes if c in story] or codes, key=lambda c: codes[c])


def _town_in_name(doc: _Doc, fac: _Facility) -> str | None:
    """ "CSP Zeebrugge Terminal", "Newport Wafer Fab": a named site whose name holds its town."""
    rules = doc.rules
    generic = {*rules.facility_terms, *rules.facility_heads, *rules.facility_heads_first}
    for m in re.finditer(r"(?<![\w-])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]+)*(?![\w-])", fac.name):
        # "Flughafen Schwerin-Parchim": an airport is named by its city, then its own town
        for word in [m.group(0), *m.group(0).split("-")]:
            if word in rules.stopwords or word in generic or doc.gaz.country_code(word):
                continue
            # a town of a country the story is about: "Alba Nord" in a German story is no Italian town
            if _town_codes(doc, word).keys() & _story_countries(doc):
                return word
    return None


# the countries whose press writes in a language, where their own towns need no country named
_LANGUAGE_COUNTRIES = {"de": {"DE", "AT", "CH"}, "fr": {"FR", "BE", "CH", "LU"}, "nl": {"NL", "BE"}}


def _story_town(doc: _Doc, name: str) -> bool:
    return bool(_town_codes(doc, name).keys() & _story_countries(doc))


def _story_countries(doc: _Doc) -> set[str | None]:
    return (
        {doc.host, doc.main_country} | {h.key for h in doc.country_hits} | _LANGUAGE_COUNTRIES.get(doc.language, set())
    )


_REGION_AFTER_SITE = re.compile(r",?\s+(?:in|im|en|à|au|near)\s+(?:the\s+)?(([A-Z][\w-]+)(?:\s+[A-Z][\w-]+){0,2})")
LOCATIVE_WORD = r"(?:in|à|im|te|at|near|bei|nabij|bij)"  # "in Lisieux", "à Zeebrugge", "bij Venlo"
_LOCATIVE_BEFORE = re.compile(rf"(?<![\w-]){LOCATIVE_WORD}\s+$")


def _region_country(doc: _Doc, sent: Sentence) -> str | None:
    """ "in Grand Forks, North Dakota": a state or province set off after a town places the site."""
    for m in re.finditer(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b", sent.text):
        code = doc.gaz.region_code(m.group(1))
        if code:
            return code
    return None


def _town_country(doc: _Doc, town: str) -> str | None:
    """A town too small for the gazetteer takes the country of the city the story places it by:
    'Herzogenrath bei Aachen', 'Brumath, près de Strasbourg', 'Kamp-Lintfort (Duisburg)'."""
    near = re.compile(
        rf"(?<![\w-]){re.escape(town)},?\s+(?:\(|bei\s+|nahe\s+|near\s+|outside\s+|près\s+de\s+|non\s+loin\s+de\s+|"
        r"bij\s+|nabij\s+|in\s+der\s+Nähe\s+von\s+)([A-Z][\w-]+)"
    )
    for m in near.finditer(doc.text):
        info = doc.gaz.city(m.group(1))
        code = info[0] if info else doc.gaz.country_code(m.group(1))
        if code:
            return code
    return None


# what an owner does with its site; German puts the verb last ("wollte das Werk ... verkaufen")
_SITE_VERBS = re.compile(
    r"(?<![\w-])(?:sells?|sold|selling|runs|ran|operates?|operated|owns?|owned|built|builds|opened|opens|closed|closes|"
    r"took\s+(?:full\s+)?control|took\s+over|acquired|bought|verkauf\w*|betreib\w*|besitzt|baut|gebaut|eröffnet\w*|"
    r"übernahm|übernehmen|schließ\w*|vend\w*|cède|céder|cédé|exploite\w*|possède\w*|construit|racheté|ferm\w*|"
    r"verkoop\w*|verkocht|verkopen|exploiteert|bezit|bouwt|gebouwd|opende|sluit|gesloten|"
    r"build|building|bouwen|bauen|errichten|errichtet|construire|construira|construit)(?![\w-])"
)
_HAS_A_SITE = re.compile(
    r"\s+(?:has|have|heeft|hebben|hat|haben|a|ont|possède|possèdent)\s+(?:also\s+|ook\s+|auch\s+|aussi\s+)?"
    r"(?:a|an|un|une|een|ein|eine|einen)\s+(?:[\w-]+\s+)?"
)
_PASSIVE_BY = re.compile(
    r"[^.;]{0,40}?\b(?:wird|werden|wurde|wordt|werd)\s+(?:\w+\s+){0,2}?(?:von|door)\s+"
    r"(?:(?:der|dem|den|die|het|de)\s+)?"
)
_RUN_PARTICIPLE = re.compile(
    # "von der Eurogate-Gruppe betrieben": the firm's group compound may come between
    r"(?:-(?:Gruppe|Konzern|groep|concern))?(?:\s+\([^)]*\))?\s+(?:\w+\s+)?"
    r"(?:betrieben|geführt|verwaltet|geëxploiteerd|uitgebaat|beheerd|gerund)\b"
)
_OWNED_BY = re.compile(
    r"[^.;]{0,40}?(?:\bgehör(?:t|en)|\bowned\s+by|\bbelongs\s+(?:\w+ly\s+)?to|\bcontrolled\s+by|\bcontrôlée?\s+par|\bappartient\s+(?:\w+ment\s+)?à|\bdétenue?\s+par|\beigendom\s+van|"
    r"\bin\s+handen\s+van|\bim\s+Besitz\s+von|\bin\s+the\s+hands\s+of|\bin\s+der\s+Hand\s+von|\baux\s+mains\s+d[eu])\s+(?:(?:mehrheitlich|majoritairement|mostly|largely|zu\s+\d+\s+Prozent)\s+)?"
)


# "SIPG won a tender to operate the new Haifa Bayport terminal", "Tanco runs the Tanco mine":
# the verb of running just before the site, its subject a company shortly before the verb
_OPERATES_BEFORE = re.compile(
    r"(?<![\w-])(?:operates?|operating|runs|running|to\s+run|manages?|managing|develops|developing|exploite|exploitent|exploiter|"
    r"exploitera|gère|gèrent|betreibt|betreiben|exploiteert|exploiteren|uitbaat|uitbaten|beheert)\s+"
    r"(?:(?:the|a|an|its|le|la|les|l['’]|de|het|den|das|die|der|een|un|une|son|sa|zijn|seinen?)\s*)?"
    # "which runs Vilnius Airport, Kaunas Airport and Palanga Airport": each site of a list
    r"(?:(?:[A-Z][\w'’-]*\s+){1,4}?[A-Z][\w'’-]*(?:\s*,\s*|\s+(?:and|et|en|und)\s+)){0,4}"
    r"(?:[\w'’-]+\s+){0,3}$"
)
_AND_BEFORE_VERB = re.compile(r"(?<![\w-])(?:and|et|und|en)\s+$")
_ASSET_IS = re.compile(
    r"['’]s?\s+(?:(?:main|key|principal|flagship|only|sole|biggest|largest|core)\s+)?(?:asset|project|operation|property)"
    r"\s+(?:is|was|remains)\s+(?:the\s+|a\s+|its\s+)?"
)
_INVERTED_RUN = re.compile(
    r"(?<![\w-])(betreibt|betreiben|exploiteert|exploiteren|beheert|beheren|baat|baten)\s+(?:(?:die|der|de|het)\s+)?"
    r"(?:[\w-]+\s+){0,3}$"
)
_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the|eine?|der|die|das|une?|la|le|een|de|het)\s[^,;]{3,80},\s*")
# "DP World, dat de terminal uitbaat", "HHLA, die das Terminal betreibt": the verb after the site
_RELATIVE_BEFORE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:uit|aus|from)\s+[A-Z][\w-]+\s*)?,\s*(?:dat|die|der|das|welche[rs]?)\s+"
    r"(?:(?:de|het|das|den|die|dem)\s+)?$"
)
_RUNS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:uitbaat|uitbaten|exploiteert|exploiteren|beheert|beheren|betreibt|betreiben|verwaltet)\b"
)
_LEASED_BEFORE = re.compile(
    r"(?<![\w-])(?:leas(?:e|es|ed|ing)|concession|handed\s+over|bail|concédée?|concéd\w+|verpacht\w*|verhuurd\w*|"
    r"überlassen)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_LEASED_TO = re.compile(
    r"(?:\s+for\s+\d+\s+years)?\s+(?:to|à|aan|an)\s+(?:the\s+|la\s+|le\s+|l['’]|de\s+|het\s+|die\s+)?"
)
_BOUGHT_BY = re.compile(
    r"\s*,\s*(?:which|that|que|qu['’]|die|dat|das|den)\s*(?=[A-Z][^,.;]{0,40}?\b(?:bought|acquired|took\s+over|"
    r"purchased|a\s+rachet\w*|a\s+acquis\w*|a\s+repris\w*|kocht|gekocht|overnam|overgenomen|kaufte|gekauft|"
    r"übernahm|übernommen)\b)"
)
_DESCRIBED_SUBJECT = re.compile(
    r"\W*(?:The|Le|La|L['’]|Les|Der|Die|Das|De|Het)\s+(?:[\w-]+\s+){0,4}"
    r"(?:group|company|firm|maker|giant|operator|groupe|entreprise|société|bedrijf|concern|rederij|Konzern|"
    r"Unternehmen|Firma|Gruppe|Reederei|\w*(?:hersteller|fabrikant|fabricant|maker))(?:\s+[a-zà-ÿ]+)?\s+"
)
_FIRM_ANAPHOR = re.compile(
    r"(?:The\s+(?:company|firm|group)|Het\s+(?:bedrijf|concern)|Le\s+groupe|L['’]entreprise|La\s+société|"
    r"Das\s+Unternehmen|Der\s+Konzern|Die\s+(?:Gruppe|Firma))\b"
)
_MAJORITY_STAKE = re.compile(
    r"(?:(?:majority|controlling)\s+(?:stake|share|interest|holding)\s+(?:in|of)|meerderheidsbelang\s+in|"
    r"Mehrheits(?:beteiligung|anteil)\w*\s+(?:an|am|bei|beim)|participation\s+majoritaire\s+(?:dans|de)|"
    r"contrôle\s+(?:de|du)|majority\s+owner\s+of|Mehrheitseigner\w*\s+(?:der|des|von)|"
    r"actionnaire\s+majoritaire\s+(?:de|du|d['’])|meerderheidsaandeelhouder\s+van)"
    r"\s*(?:(?:the|de|het|dem|der|den|die|das|le|la|l['’])\s*)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# words of a company's name that say it runs something: "Piraeus Port Authority", "Haifa Port Company"
_OPERATOR_NAME_WORDS = {
    "authority", "company", "corporation", "corp", "co", "operator", "operating", "operations", "management",
    "ltd", "limited", "inc", "plc", "gmbh", "ag", "sa", "nv", "bv", "spa", "llc", "sas", "se",
    "gesellschaft", "betriebsgesellschaft", "maatschappij", "autorite", "bedrijf", "societe",
}  # fmt: skip
_LINK_WORDS = {"of", "the", "de", "du", "d", "la", "le", "l", "van", "von", "der", "die", "das", "het", "des"}


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W_]+", strip_accents(fold(name)).lower())) - _LINK_WORDS


def _short_for_operator(text: str, mention: tuple[int, int], c: _Company) -> bool:
    form = text[mention[0] : mention[1]]
    if not _SITE_FIRST.match(form):
        return False
    words = _name_words(form)
    return len(words) >= 2 and words == _name_words(c.name) - _OPERATOR_NAME_WORDS and _name_words(c.name) != words


_SITE_FIRST = re.compile(r"(?:Flughafen|Hafen|Aéroport|Port|Luchthaven|Haven|Airport)\s", re.IGNORECASE)


def _company_named_as_site(fac: _Facility, companies: list[_Company]) -> _Company | None:
    """ "Aéroport Toulouse-Blagnac" runs "l'aéroport de Toulouse-Blagnac", "Piraeus Port Authority"
    the "port of Piraeus": a company that bears the site's name and only words of running it."""
    own = _name_words(fac.name)
    if len(own) < 2 or not re.search(r"[A-Z]", fac.name):
        return None
    for c in companies:
        if c.name == fac.self_company:
            continue
        if any(_name_words(n) - _OPERATOR_NAME_WORDS == own for n in [c.name, *c.forms]):
            return c
    return None


# "Elmos's plant", "Northern Minerals' Browns Range project"
_POSSESSIVE_GAP = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:[\w-]+\s+){0,3}")


def _facility_operator(doc: _Doc, fac: _Facility, companies: list[_Company]) -> None:
    """Who runs the site, with how sure we are: 'run by X' (3) beats 'X, the company that runs
    the port' (3), 'X's hub' (2) and 'the hub of X' (1)."""
    text = doc.text
    sent = doc.sentence_at(fac.start)
    if sent is None:
        return
    here = [
        (s, e, c)
        for s, e, c in _mentions_in(companies, sent.start, sent.end)
        if c.name != fac.self_company
        # "le chantier naval de Saint-Nazaire": a town of the story, though taken for a firm
        and not (" " not in c.name and _story_town(doc, c.name))
    ]
    if fac.self_company:
        # the company that is the site is run by its owner, if the story names one
        own = next((c for c in companies if c.name == fac.self_company), None)
        if own and own.parent:
            fac.operator, fac.operator_strength = own.parent, 2
        elif own:
            fac.operator, fac.operator_strength = own.name, 1  # "Newport Wafer Fab" runs itself
    after = text[fac.end : sent.end]
    named_after = _company_named_as_site(fac, companies)
    if named_after:
        fac.operator, fac.operator_strength = named_after.name, 3
        return
    before = _OPERATES_BEFORE.search(text, max(sent.start, fac.start - 60), fac.start)
    if before:
        subject = [
            (s, e, c) for s, e, c in here if e <= before.start() and not re.search(r"[;:]", text[e : before.start()])
        ]
        # "Die Tianyun Cloud GmbH, eine Tochter des Konzerns Tianyun, betreibt ...": the subject, not its parent
        set_off = next((m for m in subject if _APPOSITION.fullmatch(text, m[1], before.start())), None)
        if set_off:
            fac.operator, fac.operator_strength = set_off[2].name, 3
            return
        # "Photonis emploie un millier de personnes, dont ..., et exploite également une usine à Roden":
        # a second verb of the same subject may stand further off
        reach = 200 if _AND_BEFORE_VERB.search(text, max(sent.start, before.start() - 8), before.start()) else 60
        if subject and before.start() - subject[-1][1] <= reach:
            fac.operator, fac.operator_strength = subject[-1][2].name, 3
            return
    # "TMAC's main asset is the Hope Bay gold mine": the firm whose asset the site is
    for _s, e, c in here:
        if e < fac.start and _ASSET_IS.fullmatch(text, e, fac.start):
            fac.operator, fac.operator_strength = c.name, 2
            return
    # "In Zeebrugge betreibt Cosco seit 2018 das Terminal", "baat Cosco de terminal uit": the verb
    # before its subject in Dutch and German
    for s, e, c in here:
        verb = _INVERTED_RUN.search(text, max(sent.start, s - 25), s)
        if (
            verb
            and e <= fac.start
            and fac.start - e <= 60
            and not re.search(r"[,;:]", text[e : fac.start])
            and (verb.group(1).lower() not in ("baat", "baten") or re.match(r"\s+(?:\w+\s+)?uit\b", text[fac.end :]))
        ):
            fac.operator, fac.operator_strength = c.name, 3
            return
    for _s, e, c in here:
        if e < fac.start and _RELATIVE_BEFORE.fullmatch(text, e, fac.start) and _RUNS_AFTER.match(text, fac.end):
            fac.operator, fac.operator_strength = c.name, 3
            return
    m = re.match(rf"[^.;]{{0,90}}?{OPERATE_VERBS}\s+", after)
    if m:
        at = fac.end + m.end()
        nxt = next((c for s, _e, c in here if at <= s <= at + 40), None)
        if nxt:
            fac.operator, fac.operator_strength = nxt.name, 3
            return
    # "Der Terminal wird von der HHLA betrieben": German and Dutch put the participle after the operator
    m = _PASSIVE_BY.match(after)
    if m:
        at = fac.end + m.end()
        nxt = next(((s2, e2, c) for s2, e2, c in here if at <= s2 <= at + 5), None)
        if nxt and _RUN_PARTICIPLE.match(text, nxt[1]):
            fac.operator, fac.operator_strength = nxt[2].name, 3
            return
    # "die Raffinerie PCK in Schwedt gehört mehrheitlich Rosneft", "the plant, owned by X"
    m = _OWNED_BY.match(after)
    if m:
        at = fac.end + m.end()
        nxt = next((c for s, _e, c in here if at <= s <= at + 25), None)
        if nxt:
            fac.operator, fac.operator_strength = nxt.name, 2
            return
    # "Photonis, dont le siège est à Mérignac et l'usine principale à Brive": the site is the company's
    for _s, e, c in here:
        if (
            e <= fac.start
            and re.match(r"\s*,\s*(?:dont|whose|deren|dessen|waarvan)\s", text[e : e + 12])
            and not any(e < s2 < fac.start for s2, _e2, _c2 in here)
        ):
            fac.operator, fac.operator_strength = c.name, 2
            return
    for s, e, c in here:
        runs = re.match(r"\s*,\s*(?:the|a)\s+company\s+that\s+(?:runs|operates|manages|owns)\s", text[e : e + 60])
        if runs and s < fac.start:
            fac.operator, fac.operator_strength = c.name, 3
            return
    facility_of_company = re.match(
        r"\s*,\s*a\s+(?:facility|site|plant)\s+(?:that\s+|which\s+)?the\s+(?:company|group|firm)\s+(?:operates|runs|owns)",
        after,
    )
    if facility_of_company:
        main = max(companies, key=lambda c: len(c.mentions), default=None)
        if main:
            fac.operator, fac.operator_strength = main.name, 2
        return
    # "the plant, which Sinomine bought in 2019", "l'usine, que Huawei a rachetée": its buyer
    bought = _BOUGHT_BY.match(text, fac.end)
    if bought:
        buyer = next((c for s, _e, c in here if s == bought.end()), None)
        if buyer:
            fac.operator, fac.operator_strength = buyer.name, 2
            return
    # "the lease of the Port of Darwin to Landbridge", "verpachtete den Hafen an X": the taker runs it
    leased = _LEASED_BEFORE.search(text, max(sent.start, fac.start - 40), fac.start) and _LEASED_TO.match(
        text, fac.end, sent.end
    )
    if leased:
        taker = next((c for s, _e, c in here if leased.end() <= s <= leased.end() + 40), None)
        if taker:
            fac.operator, fac.operator_strength = taker.name, 2
            return
    # "COSCO heeft een meerderheidsbelang in de CSP Zeebrugge Terminal": the majority owner
    stake = _MAJORITY_STAKE.search(text, max(sent.start, fac.start - 60), fac.start)
    if stake:
        owner = [(s, e, c) for s, e, c in here if e <= stake.start() and stake.start() - e <= 60]
        if owner:
            fac.operator, fac.operator_strength = owner[-1][2].name, 1
            return
    pronoun = re.search(
        r"\b(?:its|their|son|sa|ses|leur|zijn|haar|hun|seine|seinen|seinem|ihre|ihren|ihrem)\s+(?:[\w-]+\s+)?$",
        text[max(sent.start, fac.start - 25) : fac.start],
        re.IGNORECASE,
    )
    if pronoun and here and here[0][0] < fac.start:
        # "a stake in Robox, which supplies arms from its plant": the firm the relative clause is about
        before = [(s, e, c) for s, e, c in here if e <= fac.start]
        last = before[-1] if before else None
        owner = last if last and _RELATIVE_AFTER_FIRM.match(text, last[1], fac.start) else here[0]
        fac.operator, fac.operator_strength = owner[2].name, 2  # "Huawei a inauguré son usine"
        return
    for _s, e, c in here:
        # "the Cosco-owned terminal", "le terminal exploité par"; not "Cosco-backed" (a lender)
        if e <= fac.start and re.fullmatch(
            r"-(?:owned|run|operated|controlled)\s+(?:[\w-]+\s+){0,3}", text[e : fac.start]
        ):
            fac.operator, fac.operator_strength = c.name, 2
            return
    for s, e, c in here:
        if e <= fac.start and _POSSESSIVE_GAP.fullmatch(text, e, fac.start):
            fac.operator, fac.operator_strength = c.name, 2
            return
        of_company = re.fullmatch(r"\s+(?:of|d['’]|de|des|du|van|von)\s+(?:[\w-]+\s+){0,6}", text[fac.end : s])
        if (s >= fac.end and of_company) or fac.start <= s < fac.end:
            fac.operator, fac.operator_strength = c.name, 1
            return
    # "Het bedrijf wil op het terrein een distributiecentrum bouwen": the firm the story spoke of last
    if not here and _FIRM_ANAPHOR.match(text, sent.start) and _SITE_VERBS.search(text, sent.start, sent.end):
        # the subject of the last sentence that names a firm: "Het gaat om Hongyuan Logistics, een
        # dochter van Sinotrans. Het bedrijf wil ..." speaks of Hongyuan
        earlier = [m for m in _mentions_in(companies, 0, sent.start) if m[2].name != fac.self_company]
        if earlier:
            last_sent = doc.sentence_at(earlier[-1][0])
            first = next((m for m in earlier if last_sent and m[0] >= last_sent.start), earlier[-1])
            fac.operator, fac.operator_strength = first[2].name, 1
            return
    # "Elmos wollte das Werk in Dortmund verkaufen", "Nexperia took full control of the Newport site":
    # the sentence's subject and the site it acts on with a definite article
    if here and not fac.operator and here[0][0] < fac.start:
        s0, e0, subject = here[0]
        if (
            # the firm opens the sentence, perhaps described first: "The Chinese telecoms group Huawei"
            (not re.search(r"\w", text[sent.start : s0]) or _DESCRIBED_SUBJECT.fullmatch(text, sent.start, s0))
            and not any(e0 < s2 < fac.start for s2, _e2, _c2 in here[1:])
            and not re.search(r"[,;:]", text[e0 : fac.start])
            and (
                (
                    re.search(
                        r"(?:\b(?:the|das|den|dem|het|de|le|la)\b|\bl['’])\s*(?:[\w-]+\s+)?$", text[e0 : fac.start]
                    )
                    and _SITE_VERBS.search(text, e0, sent.end)
                )
                # "Huawei opened a research facility in Cambridge": a site the subject opens or builds
                or (
                    re.search(r"\b(?:a|an|un|une|een|ein|eine|einen)\s+(?:[\w-]+\s+)?$", text[e0 : fac.start])
                    and _SITE_VERBS.search(text, e0, fac.start)
                )
                # "AeroNed heeft een fabriek in Best", "Segault a une usine à Cergy": a site the subject has
                or _HAS_A_SITE.fullmatch(text, e0, fac.start)
            )
        ):
            fac.operator, fac.operator_strength = subject.name, 1


# ", which ...", ", qui ...", ", die ...": a relative clause about the firm just named, up to the site
_RELATIVE_AFTER_FIRM = re.compile(r"\s*,\s*(?:which|that|qui|die|dat|der|welche[rs]?)\s[^,;]*$")


# "der Hafenbetreiber Duisport", "die Terminalgesellschaft CTT", "l'exploitant de l'aéroport, ATB":
# a firm called the operator of a kind of site runs the story's one site of that kind
_OPERATOR_TITLE = re.compile(
    r"(?<![\w-])(?:(?P<port>Hafenbetreiber\w*|Terminalbetreiber\w*|Terminalgesellschaft|Hafengesellschaft|"
    r"port\s+operator|terminal\s+operator|havenbedrijf|terminaloperator|havenbeheerder|gestionnaire\s+du\s+port|"
    r"exploitant\s+du\s+(?:port|terminal))|(?P<airport>Flughafenbetreiber\w*|Flughafengesellschaft|airport\s+operator|"
    r"luchthavenbedrijf|luchthavenexploitant|exploitant\s+de\s+l['’]aéroport|gestionnaire\s+de\s+l['’]aéroport)|"
    r"(?P<any>Betreibergesellschaft|Betreiber(?:firma)?|operating\s+company|exploitant|uitbater))\s*,?\s*$",
    re.IGNORECASE,
)


# and after the firm: "Fluxys, de uitbater van de terminal", "ATB, the operator of the airport"
_OPERATOR_OF_AFTER = re.compile(
    r"\s*,\s*(?:the|de|het|le|la|l['’]|der|die|das|its)?\s*(?:operator|uitbater|exploitant|gestionnaire|Betreiber)\s+"
    r"(?:of|van|de|du|des|d['’])\s*(?:the|de|het|le|la|l['’]|des|der|dem|its)?\s*(?P<noun>[\w-]+)",
    re.IGNORECASE,
)


def _operators_by_title(doc: _Doc, merged: list[_Facility], companies: list[_Company]) -> None:
    text = doc.text
    for c in companies:
        for s, e in c.mentions:
            title = _OPERATOR_TITLE.search(text, max(0, s - 40), s)
            after = None if title else _OPERATOR_OF_AFTER.match(text, e)
            noun_kind = facility_kind(doc.rules, after.group("noun").lower()) if after else None
            if not title and not noun_kind:
                continue
            if title:
                family = "port_terminal" if title.group("port") else "airport" if title.group("airport") else None
                sites = [f for f in merged if family is None or f.kind == family]
            else:
                sites = [f for f in merged if _FAMILY.get(f.kind, f.kind) == _FAMILY.get(noun_kind, noun_kind)]
            sent = doc.sentence_at(s)
            if len(sites) > 1 and sent:  # several: the one the same sentence names
                sites = [
                    f for f in sites if any(sent.start <= ms < sent.end for ms, _me in [(f.start, f.end), *f.mentions])
                ]
            if len(sites) == 1 and sites[0].operator_strength < 2:
                sites[0].operator, sites[0].operator_strength = c.name, 2


def _same_site_name(a: _Facility, b: _Facility, rules: _Rules) -> bool:
    """ "PCK Schwedt" and "Raffinerie PCK" (in Schwedt) name one site: the words of one, less
    generic nouns and the other's town, all stand in the other; "Hinkley Point B" is not "C"."""
    if a.name.lower() == b.name.lower():
        return True
    generic = {w.lower() for w in [*rules.facility_terms, *rules.facility_heads, *rules.facility_heads_first]}

    def words(f: _Facility, other: _Facility) -> set[str]:
        own = {w.lower() for w in re.findall(r"[\w'’-]+", f.name)} - generic
        return own - {(other.town or other.city or "").lower()}

    wa, wb = words(a, b), words(b, a)
    if a.kind == b.kind and (a.town or a.city) and (a.town or a.city) == (b.town or b.city) and not (wa and wb):
        return True  # "Darwin Port" and "Port of Darwin": the town's port, named twice
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _merge_facilities(
    found: list[_Facility], rules: _Rules, text: str, gaz_city: Callable[[str], Any]
) -> list[_Facility]:
    """Mentions of one site (named once, described three times) become one facility."""
    merged: list[_Facility] = []
    for fac in sorted(found, key=lambda f: (f.kind == "airport", f.generic, not f.named, f.city is None, f.start)):
        family = _FAMILY.get(fac.kind, fac.kind)
        fits = []
        for other in merged:
            if (
                fac.generic
                and other.city
                and other.city in (fac.city, fac.town, fac.name.split()[0], fac.name.split()[-1])
            ):
                fits = [other]  # "the Newport site" is the plant the story names in Newport
                break
            if (
                fac.generic
                and _ITS_BEFORE.search(text, max(0, fac.start - 12), fac.start)
                and any(
                    ms < fac.start and not re.search(r"[.;!?]", text[me : fac.start])
                    for ms, me in [(other.start, other.end), *other.mentions]
                )
            ):
                fits = [other]  # "The factory in Newport employs 500 people at its site in Duffryn"
                break
            if _FAMILY.get(other.kind, other.kind) != family:
                continue
            if family == "office" and fac.operator != other.operator:
                continue  # "the Warsaw offices of Huawei and of Orange Polska": two firms' offices
            if fac.named and other.named and not _same_site_name(fac, other, rules):
                continue
            # one name twice is one site, though one mention was placed by its district ("Doraleh")
            # and the other by the nearest city ("Djibouti")
            same_name = fac.name.lower() == other.name.lower() and (fac.country or other.country) == (
                other.country or fac.country
            )
            if fac.city and other.city and fac.city != other.city and not same_name:
                continue
            if (
                fac.country
                and other.country
                and fac.country != other.country
                and fac.city is None
                and not (fac.country_guessed or other.country_guessed)
            ):
                continue
            if (
                fac.town
                and not fac.named
                and not gaz_city(fac.town)
                and re.search(r"[A-Z]", other.name)  # "terminal à conteneurs CSP Zeebrugge"
                and other.city is None
                and fold(fac.town) not in fold(other.name)
                and fac.kind == other.kind
            ):
                continue  # "le port d'Anvers-Bruges" is another place than "CSP Zeebrugge"
            fits.append(other)
        # "ein Containerterminal" joins "Terminal Tollerort" before "Hamburger Hafen": the same noun
        own = set() if fac.named else {w.lower() for w in re.findall(r"[\w'’-]{4,}", fac.name)}
        same_noun = [
            o
            for o in fits
            if any(a.endswith(b) or b.endswith(a) for a in own for b in re.findall(r"[\w'’-]{4,}", o.name.lower()))
        ]
        target = (same_noun or fits or [None])[0]
        if target is None:
            merged.append(fac)
        else:
            target.mentions.append((fac.start, fac.end))
            target.aliases += [target.name, fac.name, *fac.aliases]  # whichever name wins, the others stay
            if fac.operator_strength > target.operator_strength:
                target.operator, target.operator_strength = fac.operator, fac.operator_strength
            target.city = target.city or fac.city
            if target.kind == "airport" and fac.kind != "airport" and not (target.named and not fac.named):
                # the hub at the airport is the site; "Flughafen Blankensee" keeps its own name
                target.name, target.kind = fac.name, fac.kind
            if fac.kind == "airport" and fac.named and not target.named and " " not in target.name:
                # "Flughafen Blankensee" names what "das Drehkreuz" only describes
                target.name, target.kind, target.named = fac.name, fac.kind, True
            elif not any(c.isupper() for c in target.name) and fac.name[:1].isupper() and fac.kind != "airport":
                target.name = fac.name  # "the Euromax terminal" names what "the port" only describes
            elif (
                target.named
                and not fac.named
                and len(fac.name) > len(target.name)
                and _ends_with_name(fac.name, target.name)
            ):
                target.name = fac.name  # "Zeebrugge, un port" is "le terminal à conteneurs CSP Zeebrugge"
    # "Terminal Tollerort" in a story about "the Hamburger Hafen": a site of a kind whose other
    # sites all stand in one city stands there too
    for fac in merged:
        if fac.city is None:
            cities = {
                (o.city, o.country)
                for o in merged
                if o.city and _FAMILY.get(o.kind, o.kind) == _FAMILY.get(fac.kind, fac.kind)
            }
            if fac.named and not all(gaz_city(c) for c, _country in cities):
                continue  # a town only the story names ("le port d'Anvers-Bruges") may be another place
            if len(cities) == 1:
                fac.city, fac.country = next(iter(cities))
    # "ein Containerterminal im Hamburger Hafen": a port the story brings in as the place of a terminal
    # it names is where that terminal stands, not a second site of the case
    terminals = [f for f in merged if f.kind == "port_terminal" and re.search(r"(?i)terminal", f.name)]
    for port in [f for f in merged if f.kind == "port_terminal" and f.city and f not in terminals]:
        host = next(
            (
                t
                for t in terminals
                if t.city == port.city and (t.country or port.country) == (port.country or t.country)
            ),
            None,
        )
        first = min([(port.start, port.end), *port.mentions])
        if host and re.search(
            # "Terminal Tollerort im Hamburger Hafen": the terminal's own name may stand between
            r"(?i)terminal\w*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+(?:im|in\s+(?:the|de|dem)|at\s+the|au|dans\s+le)\s+$",
            text[max(0, first[0] - 40) : first[0]],
        ):
            host.mentions += [(port.start, port.end), *port.mentions]
            merged.remove(port)
    # an airport that only locates a hub is part of that hub, not a second facility
    return merged
