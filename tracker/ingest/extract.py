"""extract: find companies, facilities, agencies, countries, concerns and events in one article.

Plain rules over a gazetteer (tracker/ingest/gazetteer.py) and cue-word lexicons
(tracker/data/lexicon.json, places.json): no model, no database, English/French/Dutch/German.
Text structure (lines, captions, sentences, dates) lives in tracker/ingest/textparts.py.

The rules favour precision: a name needs a reason to be a company (a gazetteer entry, a cue
word such as "firm" or "stake in", a legal-form suffix), and a company needs a part in the
story (a concern, a deal, an ownership link, repeated mention) to be reported.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from urllib.parse import urlparse

from .clean import RIGHTS_RE, RIGHTS_WORDS
from .extract_base import (
    DEAL_NOUN,
    MEASURE_CUES,
    MEASURES,
    SEATED_IN,
    STATUS_PRIORITY,
    _Company,
    _country_in,
    _Doc,
    _mentions_in,
    _overlaps,
    _Rules,
    _rules,
    best_status,
    name_spans,
    squash,
)
from .extract_bodies import (
    _ACTION_VERBS,
    _COUNTRY_DECIDES,
    _LOCATIVE_BEFORE,
    _agencies,
    _body_names,
    _facilities,
    dutch_ministry_row,
    story_form,
)
from .extract_companies import (
    _companies,
    _found_companies,
    deal_buyers,
    deal_sellers,
    deal_targets,
    precedent_spans,
)
from .gazetteer import Gazetteer, Hit, SpanSet, fold
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
)

# legal forms of one country (not "Ltd", which Hong Kong and Chinese firms bear too): a unit that
# bears one in a story set there is local
_LOCAL_LEGAL_FORM = {
    "DE": re.compile(r"\s(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|KGaA)$"),
    "AT": re.compile(r"\sGes\.?m\.?b\.?H\.?$|\sGmbH$"),
    "NL": re.compile(r"\s(?:B\.V\.|BV)$"),
    "FR": re.compile(r"\s(?:SAS|SARL|S\.A\.S\.)$"),
    "IT": re.compile(r"\s(?:S\.?p\.?A\.?|S\.?r\.?l\.?)$"),
}


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
        entity_hits=_spelled_out_elsewhere(text, _no_amounts(text, gazetteer.entity_hits(text)), gazetteer),
        place_hits=gazetteer.place_hits(text),
        rules=rules,
        gaz=gazetteer,
        title=article.title or "",
    )
    result.language = article.language or _language(text)
    doc.language = result.language
    _sources(article, doc, result)
    if result.published is None:
        result.published = date_from_url(article.url) or date_from_lines(text, split_lines(text, rules.boilerplate))
    if result.published is None and article.byline:
        # "Door Redactie Tweakers, maandag 17 december 2018 19:20": a credit line clean took out of the text
        credits = article.byline
        result.published = date_from_lines(credits, split_lines(credits, rules.boilerplate))
    companies = _companies(doc)
    # "Naftna Industrija Srbije, NIS, the Serbian oil company": an acronym the story gives a firm
    # is not the body the gazetteer knows by it (South Korea's NIS)
    forms = {f for c in companies for f in c.forms if f.isupper()}
    doc.entity_hits = [h for h in doc.entity_hits if h.kind != "agency" or h.form not in forms]
    doc.host, doc.main_country = _host_country(doc, companies)
    result.companies = _found_companies(companies, doc)
    result.agencies = _agencies(doc, companies)
    # "the National Bureau of Investigation (NBI)" ... "the NBI said": a firm only by a body's names is that body
    body_names = {n for a in result.agencies for n in [a.name, a.acronym, *a.aliases] if n}
    companies = _no_firms(companies, result, body_names)
    # "the Hong Kong-owned freighter Shunxing-39": a ship, wherever the story names it
    companies = _no_firms(companies, result, {m.group(1) for m in _SHIP_NAMED.finditer(text)})
    # a site named only where the story recalls an earlier deal is that deal's, not this story's
    recalled = precedent_spans(doc)
    result.facilities = [
        f
        for f in _facilities(doc, companies)
        if not (f.evidence and all(any(s <= e.start and e.end <= t for s, t in recalled) for e in f.evidence))
    ]
    # "le terminal à conteneurs de Doraleh" ... "Doraleh est le premier employeur du pays": the town
    # a site of the story stands in, though described like a firm, is no firm
    companies = _no_firms(companies, result, {f.city for f in result.facilities if f.city})
    targets = deal_targets(doc, companies)
    # a case led by a deal's target or seller is its buyer's
    sold = targets | deal_sellers(doc, companies)
    named_buyers = [n for n in deal_buyers(doc, companies) if n not in sold]
    result.concerns = _led_by_buyer(_concerns(doc, companies, result.agencies, result.facilities), sold, named_buyers)
    result.concerns = _one_case_per_group(result.concerns, result.companies)
    result.concerns += _partner_cases(doc, companies, result.concerns)
    result.concerns += _side_measure_cases(doc, companies, result)
    if not result.concerns:
        result.concerns = _security_worry_case(doc, companies, result)
    _transaction_parties(result.concerns, result.companies)
    result.concerns = _one_case_per_firm_ordered(doc, result.concerns, companies)
    result.concerns = _no_bare_repeats(result.concerns)
    _measure_kind_of_its_body(result.concerns)
    # an international organisation (NATO, the UN) is a body of the story only where it acts in a
    # case; "NATO member Lithuania", "a UN report" name it in passing
    acting = {name for c in result.concerns for name in c.agencies}
    result.agencies = [a for a in result.agencies if a.name not in rules.international_bodies or a.name in acting]
    # a company bought or screened in the host country, its origin unsaid, is of that country
    # ("the sale of Photonis" in a story about France's screening); set after the concerns, whose
    # choice of subject reads unknown origins as "not foreign"
    home = {fc.name: fc.country for fc in result.companies}
    for fc in result.companies:
        if fc.country is None and doc.host and fc.name in targets:
            fc.country = doc.host
        # "RN Refining & Marketing GmbH, eine Tochter von Rosneft": a unit registered in the host
        # country under its legal form is a company of that country, not of its parent's
        local_form = _LOCAL_LEGAL_FORM.get(doc.host or "")
        if fc.parent and local_form and local_form.search(fc.name) and fc.country == home.get(fc.parent):
            fc.country = doc.host
    # a measure the story states without its body ("Deutschland drängt Huawei aus seinen 5G-Netzen")
    # is the measure of the one body the story has taking measures
    takers = {c.agencies[0] for c in result.concerns if c.status in MEASURES and c.agencies}
    if len(takers) == 1:
        for c in result.concerns:
            if c.status in MEASURES and not c.agencies:
                c.agencies = list(takers)
    # whoever takes a screening decision is the screening authority of this story
    deciders = {n for c in result.concerns if "investment_screening" in c.categories for n in c.agencies}
    for ag in result.agencies:
        if ag.name in deciders and ag.kind in ("other", "ministry"):
            ag.kind = "screening"
    result.countries = _countries(doc, result, companies)
    result.events = _events(doc, result.published)
    return result


_SHIP_NAMED = re.compile(
    r"(?<![\w-])(?:ship|vessel|freighter|tanker|bulk\s+carrier|car\s+carrier|cargo\s+ship|container\s+ship|trawler|"
    r"icebreaker|schip|vrachtschip|navire|pétrolier|porte-conteneurs|Schiff|Frachter|Tanker|Containerschiff)"
    r"\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)


def _no_firms(companies: list[_Company], result: Extraction, names: set[str]) -> list[_Company]:
    """Drop the firms found outside the gazetteer whose every name is one of `names` (a body's, a
    town's), from the companies and from what is already found of them."""
    gone = {c.name for c in companies if c.gaz_index is None and c.forms | {c.name} <= names}
    if not gone:
        return companies
    result.companies = [c for c in result.companies if c.name not in gone]
    for f in result.facilities:
        f.operator = None if f.operator in gone else f.operator
    return [c for c in companies if c.name not in gone]


# an amount: a decimal or thousands separator, or a magnitude ("NIS 1.45", "NIS 200 million"), not a year
_AMOUNT_AFTER = re.compile(r"\s?\d+(?:[.,]\d+|\s?(?:m|bn|k|million|billion)\b)")
_AMOUNT_BEFORE = re.compile(r"\d(?:[.,]\d+|\s?(?:m|bn|k|million|billion))\s?$")


def _no_amounts(text: str, hits: list[Hit]) -> list[Hit]:
    """Without the acronyms that stand for a currency: "NIS 1.45 per cubic meter" is Israel's shekel,
    not South Korea's intelligence service."""
    return [
        h
        for h in hits
        if not (
            h.form.isupper()
            and (_AMOUNT_AFTER.match(text, h.end) or _AMOUNT_BEFORE.search(text, max(0, h.start - 16), h.start))
        )
    ]


# "the Superior Cyberspace Security Council (CSSC)": the capitalised words before a bracketed acronym
_SPELLED_OUT_BEFORE = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|the|de|du|des|la|für|van|voor)\s+)?){1,8})\($"
)
_NAME_WORD = re.compile(r"[^\W\d_]{4,}")


def _spelled_out_elsewhere(text: str, hits: list[Hit], gazetteer: Gazetteer) -> list[Hit]:
    """Without the gazetteer firms whose acronym the story spells out as a name that is not theirs:
    "the Superior Cyberspace Security Council (CSSC)" is no China State Shipbuilding (CSSC), there
    or anywhere else in the story. "Transmashholding (TMH)" or "China State Shipbuilding Corp.
    (CSSC)" share a word with the firm's own names and keep it."""
    redefined: set[tuple[int, str]] = set()
    for hit in hits:
        if hit.kind != "company" or not hit.form.isupper() or text[hit.end : hit.end + 1] != ")":
            continue
        before = _SPELLED_OUT_BEFORE.search(text, max(0, hit.start - 160), hit.start)
        if not before:
            continue
        row = gazetteer.companies[hit.key]
        own = {w.casefold() for form in (row["name"], *(row.get("aliases") or [])) for w in _NAME_WORD.findall(form)}
        if not own & {w.casefold() for w in _NAME_WORD.findall(before.group(1))}:
            redefined.add((hit.key, hit.form))
    return [h for h in hits if h.kind != "company" or (h.key, h.form) not in redefined] if redefined else hits


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


def _hostname(url: str | None) -> str:
    try:
        return (urlparse(url or "").hostname or "").lower().rstrip(".")
    except ValueError:  # "http://[::1" and other broken URLs from scraped pages
        return ""


# host parts that say nothing about the site ("www.", "m.", "edition.cnn.com", "eng.lsm.lv")
_PLAIN_HOST_PARTS = {"www", "www2", "m", "amp", "mobile", "edition", "beta", "en", "eng", "english", "int"}
# second-level parts of country domains: "bbc.co.uk", "abc.net.au", "nhk.or.jp"
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "or", "ne", "ac", "go", "gv"}


def _host_labels(host: str) -> list[str]:
    """'www.abcnews.go.com' -> ['go', 'abcnews']: the registrable label first, then subdomains."""
    parts = [p for p in host.split(".") if p and p not in _PLAIN_HOST_PARTS]
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        parts = parts[:-2]
    elif len(parts) >= 2:
        parts = parts[:-1]
    return parts[::-1]


def _domain_label(url: str | None) -> str:
    """'https://www.economywatch.gr/...' -> 'economywatch'."""
    labels = _host_labels(_hostname(url)) if url else []
    return labels[0] if labels else ""


# a leading article is often missing from a site's domain ("theguardian.com" but "spiegel.de")
_NAME_ARTICLE_RE = re.compile(r"^(?:(?:the|de|der|die|das|het|le|la|les|il|el|lo|o)\s+|l['’]\s*)", re.IGNORECASE)
# ... and so is a generic last word ("abc.net.au" is ABC News, "zeit.de" Zeit Online)
_NAME_TAIL_RE = re.compile(r"\s+(?:news|online|zeitung|nieuws|belgique|info)$", re.IGNORECASE)
_HOST_FORM_RE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def _initials(form: str) -> list[str]:
    """'The New York Times' -> ['nyt', 'nytimes']: the abbreviations a domain may use."""
    words = [squash(w.replace("&", "and")) for w in _NAME_ARTICLE_RE.sub("", form).split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return []
    # two letters ("dr", "dn") name too many outlets to tell one from a domain
    return [
        key for key in ("".join(w[0] for w in words), "".join(w[0] for w in words[:-1]) + words[-1]) if len(key) > 2
    ]


def _outlet_index(doc: _Doc) -> dict[str, dict]:
    """Outlet lookups built once per gazetteer: host -> row, and letters-only forms ->
    (row, form) in falling order of trust (exact, without article, without tail, initials)."""
    index = doc.gaz.derived.get("outlet_index")
    if isinstance(index, dict):
        return index
    hosts: dict[str, dict] = {}
    exact: dict[str, tuple[dict, str]] = {}
    bare: dict[str, tuple[dict, str]] = {}
    tail: dict[str, tuple[dict, str]] = {}
    initials: dict[str, tuple[dict, str] | None] = {}
    for row in doc.rules.outlets:
        for host in row.get("domains") or []:
            hosts.setdefault(host.lower().removeprefix("www."), row)
        for form in [row["name"], *(row.get("aliases") or [])]:
            if _HOST_FORM_RE.match(form.lower()):
                hosts.setdefault(form.lower().removeprefix("www."), row)
            exact.setdefault(squash(form), (row, form))
            bare.setdefault(squash(_NAME_ARTICLE_RE.sub("", form)), (row, form))
            for short in {_NAME_TAIL_RE.sub("", form), _NAME_TAIL_RE.sub("", _NAME_ARTICLE_RE.sub("", form))}:
                if squash(short) != squash(form):
                    tail.setdefault(squash(short), (row, form))
            for key in _initials(form):
                if key in initials and initials[key] and initials[key][0] is not row:
                    initials[key] = None  # two outlets share the abbreviation: it names neither
                else:
                    initials.setdefault(key, (row, form))
    index = {"hosts": hosts, "exact": exact, "bare": bare, "tail": tail, "initials": initials}
    doc.gaz.derived["outlet_index"] = index
    return index


def _site_outlet(url: str | None, doc: _Doc) -> tuple[dict | None, str]:
    """The known outlet whose site the URL is on, and the name to report it by."""
    host = _hostname(url).removeprefix("www.")
    if not host:
        return None, ""
    index = _outlet_index(doc)
    parts = host.split(".")
    for i in range(len(parts) - 1):
        row = index["hosts"].get(".".join(parts[i:]))
        if row:
            return row, row["name"]
    labels = [lab for lab in _host_labels(host) if len(lab) >= 2]
    # "finance.yahoo.com" is Yahoo Finance, "news.sky.com" Sky News: the pair comes first
    labels = [labels[0] + sub for sub in labels[1:]] + [sub + labels[0] for sub in labels[1:]] + labels
    for table in ("exact", "bare", "tail", "initials"):
        for label in labels:
            found = index[table].get(squash(label))
            if not found:
                continue
            row, form = found
            if _other_country_site(row, parts[-1]):
                continue
            name = row["name"]
            if table == "exact" and (row.get("kind") == "wire" or label not in parts):
                # apnews.com is "AP News", the site, not the wire service; a section's
                # subdomain ("business.example.com") names the section's own title
                name = form
            path = (urlparse(url or "").path or "/").split("/")
            if "news" in parts[:-1] or (len(path) > 1 and path[1].lower() == "news"):
                # bbc.com/news is "BBC News"
                news = index["exact"].get(squash(label) + "news")
                if news and news[0] is row:
                    name = news[1]
            return row, name
    return None, ""


def _other_country_site(row: dict, tld: str) -> bool:
    """bnr.bg is not BNR Nieuwsradio of bnr.nl: an outlet whose sites are all under other countries'
    domains is not the one a country's site spells."""
    tlds = {d.rsplit(".", 1)[-1].lower() for d in row.get("domains") or []}
    return len(tld) == 2 and bool(tlds) and all(len(t) == 2 for t in tlds) and tld not in tlds


# A domain drops accents: "ladepeche.fr" is printed "La Dépêche"
_ACCENTED = {"a": "aàáâäã", "c": "cç", "e": "eéèêë", "i": "iíìîï", "n": "nñ", "o": "oóòôöõ", "u": "uúùûü"}


def _printed_site_name(label: str, text: str) -> str:
    """How the text itself prints an unknown site's name: 'RTL Nieuws' for rtlnieuws.nl,
    'La Dépêche' for ladepeche.fr; a short label is an acronym ('WAZ' for waz.de)."""
    label = label.replace("-", "")  # "wire-global.example" is printed "Wire Global"
    if not label.isalnum():
        return ""
    if len(label) < 4:
        return label.upper() if label.isalpha() else ""
    pattern = r"[\s'’.-]?".join(f"[{re.escape(_ACCENTED.get(c, c))}]" for c in label)
    for m in re.finditer(rf"(?<![\w.-])(?i:{pattern})(?:\.[a-z]{{2,4}})?(?P<gen>s)?(?![\w-])", text):
        form = m.group(0)
        if m.group("gen"):
            if not re.search(r"\bdes\s+$", text[max(0, m.start() - 5) : m.start()]):
                continue
            form = form[:-1]  # "nach Informationen des Tagesblatts": the German genitive
        words = form.split()
        if "." in form.strip(".") and form == form.lower():
            return form  # "kvnutalk.com": the site printed as its address
        if words[0][:1].isupper() or (len(words) > 1 and words[-1][:1].isupper()):
            return form
    return ""


def _spells_domain(label: str, form: str) -> bool:
    """Whether a domain label is built from the starts of a name's words, in order:
    'autonews' from 'Automotive News Europe', 'faz' from 'Frankfurter Allgemeine Zeitung'; two letters
    only as the initials of a two-word name ('rd' from 'Reformatorisch Dagblad')."""
    words = [squash(w.replace("&", "and")) for w in _NAME_ARTICLE_RE.sub("", form).split()]
    words = [w for w in words if w]

    def fits(rest: str, i: int) -> bool:
        if not rest:
            return True
        if i >= len(words):
            return False
        word = words[i]
        return any(rest.startswith(word[:n]) and fits(rest[n:], i + 1) for n in range(min(len(word), len(rest)), 0, -1))

    if len(label) == 2:
        return len(words) == 2 and label == words[0][0] + words[1][0]
    return len(label) > 2 and bool(words) and label[0] == words[0][0] and fits(label, 0)


# the parts of a masthead line: "NOS Nieuws • Buitenland • Economie", "Rheinische Post / RP ONLINE"
_MASTHEAD_PARTS_RE = re.compile(r"\s+[|•·/–—]\s+|\s*\|\s*")


def _printed_form(doc: _Doc, article: RawArticle, row: dict) -> str:
    """The form of the site's outlet the page itself prints above the article or in its credits:
    "DW" on dw.com, "Yle News" on yle.fi, rather than the gazetteer's "Deutsche Welle"."""
    # above the first real sentence of the article (a masthead such as "DW | Made for minds." may pass for one)
    body = next((s.start for s in doc.sentences if s.kind == "body" and len(s.text) > 60), len(doc.text))
    head = doc.text[:body] + "\n" + (article.byline or "")
    # "heise online" prints the gazetteer's "Heise Online" in its own case; the longest form
    # printed at a place wins over its short alias ("heise")
    found = [
        (m.start(), -len(form), form)
        for form in {row["name"], *(row.get("aliases") or [])}
        if len(form) > 1 and (m := re.search(rf"(?<![\w-])(?i:{re.escape(form)})(?![\w-])", head))
    ]
    return min(found)[2] if found else ""


def _masthead(doc: _Doc, domain: str) -> str:
    """The outlet named by a short line above the article ("RFI", "NOS Nieuws • Economie"):
    a known outlet, or a name that spells the page's domain."""
    body = next((s.start for s in doc.sentences if s.kind == "body"), len(doc.text))
    title = squash(doc.title or "")
    for line in doc.text[:body].split("\n")[:8]:
        for part in _MASTHEAD_PARTS_RE.split(line.strip()):
            part = part.strip(" .:")
            if not (1 < len(part) < 40 and len(part.split()) <= 5) or squash(part) in ("", title):
                continue
            row = _outlet_for(part, doc.rules, doc) or _outlet_for(_NAME_TAIL_RE.sub("", part), doc.rules, doc)
            if row:
                forms = {squash(f) for f in [row["name"], *(row.get("aliases") or [])]}
                return part if squash(part) in forms else row["name"]
            if domain and part[:1].isupper() and _spells_domain(squash(domain), part):
                return part
    return ""


def _outlet_for(name: str, rules: _Rules, doc: _Doc | None = None) -> dict | None:
    row = rules.outlet_forms.get(name.lower().strip())
    if row:
        return row
    key = squash(name)
    row = rules.outlet_squashed.get(key) if len(key) > 3 else None
    if row or doc is None or len(key) < 4:
        return row
    # "Guardian" for The Guardian, "Spiegel" for Der Spiegel
    found = _outlet_index(doc)["bare"].get(key)
    return found[0] if found else None


_LEGAL_FORM_RE = re.compile(
    r"(?:,?\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG(?:aA)?)?|AG|SE|KGaA|KG|S\.?A\.?S?\.?|N\.?V\.?|B\.?V\.?|Ltd\.?|Limited"
    r"|plc|PLC|Inc\.?|LLC|Pty\.?(?:\s+Ltd\.?)?|Corp\.?|Co\.|SRL|S\.r\.l\.|SpA|S\.p\.A\.|AB|Oyj?|A/S|ASA|AS"
    r"|(?:Private|Pvt\.?)(?:\s+(?:Limited|Ltd\.?))?|sp\.\s*z\s*o\.\s*o\.|s\.r\.o\.|Kft\.?|Zrt\.?))+$"
)
_FOOTER_RE = re.compile(r"©|\bcopyright\b|\(c\)\s*(?:19|20)\d\d|" + RIGHTS_RE.pattern, re.IGNORECASE)


def _footer_outlet(line: str) -> str:
    """'Handelsblatt GmbH – Alle Rechte vorbehalten' -> 'Handelsblatt';
    'Copyright © 2024 Le Monde. Tous droits réservés.' -> 'Le Monde'."""
    s = RIGHTS_RE.sub(" | ", line)
    s = re.sub(r"(?i)\bcopyright\b|©|\(c\)|\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b", " ", s)
    for part in re.split(r"\s[|–—•·-]\s|\||[.;:,](?=\s|$)", s):
        part = _LEGAL_FORM_RE.sub("", part.strip(" .,-–—|"))
        part = part.strip(" .,-–—|")
        if re.search(r"[^\W\d_]", part) and "/" not in part:
            return part
    return ""


def _clean_byline(raw: str) -> str:
    # "April 7, 2020 // By X staff": a date line's date, its separators and its "By"
    raw = re.sub(r"^[^/|•·]*\d[^/|•·]*(?://|[|•·])", "", raw)
    raw = re.sub(
        r"^[\s/|•·–—-]*(?:(?:(?:written|posted|reported)\s+by|by|par|door|von)\s*:?\s+)?", "", raw, flags=re.IGNORECASE
    )
    raw = re.sub(
        r"^(?:la\s+rédaction\s+de|the\s+editorial\s+team\s+of|de\s+redactie\s+van|der\s+redaktion\s+von|"
        r"redactie|rédaction|redaktion|newsdesk)\s+",
        "",
        raw,
        flags=re.IGNORECASE,
    )
    raw = re.sub(r"\s*\([^()]*\)$", "", raw)  # "Les Echos (correspondance à Madrid)"
    desk = re.search(
        r"(?:\s+|-)(?:staff|newsroom|news\s*desk|reporters?|desk|team|correspondents?|writers?|editors?|redaktion|"
        r"redactie)$",
        raw,
        flags=re.IGNORECASE,
    )
    if desk:
        # "WalesOnline Business Desk": the section's desk of the outlet WalesOnline
        raw = re.sub(
            r"\s+(?:Business|Politics|Sports?|Tech|Technology|Economy|Money|World|Foreign)$", "", raw[: desk.start()]
        )
    if raw[:1].isupper():  # "heise online" is lower-case throughout: its words are the name
        raw = re.sub(r"(?:\s+(?:[a-z][\w-]*|(?:19|20)\d\d))+$", "", raw)  # "Example News business", "Media 2021"
    raw = re.sub(r"^(?:19|20)\d\d\s+", "", raw)
    raw = raw.strip(" ,-–—|")
    # a final point ends the name unless it closes an abbreviation: "City A.M."
    return raw if re.search(r"(?:^|[\s.])[A-Z]\.$", raw) else raw.rstrip(" .")


# "By Jane Doe | The Daily Ledger", "Door Jan Jansen, NRC", "Von Eva Muster, Der Spiegel",
# "By Jane Doe for The Daily Ledger": the parts after the writer's name may name the outlet
# and "By The Local/AFP": a wire after a slash
_BYLINE_PARTS_RE = re.compile(
    r"\s*(?:\||,|;|\s[/–—-]\s|\s(?:for|pour|voor|für)\s"
    r"|/(?=(?:AFP|Reuters|AP|dpa|ANP|Belga|BNS|PAP|EFE|ANSA|TT|NTB|Ritzau|Kyodo|Yonhap)\b))\s*"
)
# "with Reuters", "avec AFP", "Mit Material von dpa", "Quelle: dpa", "Bron: ANP", "Source : AFP"
_WIRE_CREDIT_RE = re.compile(
    r"(?i:\b(?:with|based\s+on|avec|met|mit(?:\s+material\s+von)?|material\s+(?:von|from)|(?:quelle|bron|sources?)\s*:))"
    r"\s+(?P<w>[A-Za-z][\w&.\- ]+?)(?:\s+reporting)?(?:[.,;/]|$)"
)


# a heading-like line that credits a wire ("Mit Material von dpa", "Bron: ANP")
_CREDIT_START_RE = re.compile(r"\s*(?:mit\s+material\s+von|material\s+from|quelle|bron|sources?)\b", re.IGNORECASE)


# "Door onze redactie", "Par notre correspondant": the newsroom, not an outlet's name
_NOT_AN_OUTLET_RE = re.compile(r"(?:onze|notre|nos|unsere[rm]?|our|ihre[rm]?)\b", re.IGNORECASE)


_SLASH_CREDIT_RE = re.compile(r"^[\w-]+(?:\s*/\s*[\w-]+)+$")


def _credit_lines(article: RawArticle, doc: _Doc) -> list[tuple[str, bool]]:
    """(line, is_caption) for every byline, credit and footer line of the page."""
    lines = [(line, False) for line in (article.byline or "").split("\n") if line.strip()]
    lines += [
        (s.text, s.kind == "caption")
        for s in doc.sentences
        if s.kind in ("byline", "furniture", "caption")
        or (
            s.kind == "heading"
            and len(s.text) < 80
            and (_CREDIT_START_RE.match(s.text) or _WIRE_CREDIT_RE.search(s.text) or _SLASH_CREDIT_RE.match(s.text))
        )
    ]
    seen = {line for line, _c in lines}
    text = doc.text
    # footers that read as a heading or sentence ("Handelsblatt GmbH – Alle Rechte vorbehalten.")
    for m in RIGHTS_RE.finditer(text) if doc.may_hold((), RIGHTS_WORDS) else ():
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        line = text[start : end if end >= 0 else len(text)]
        if len(line) < 200 and line not in seen:
            seen.add(line)
            lines.append((line, False))
    return lines


_DATELINE_AGENCY = re.compile(r"\s*[A-Z][\w .,'’/-]{1,40}?\((?P<w>[A-Za-z][\w .&-]{1,30})\)\s*[-–—]")


def _sources(article: RawArticle, doc: _Doc, result: Extraction) -> None:
    rules, text = doc.rules, doc.text
    domain = _domain_label(article.url)
    site_row, site_name = _site_outlet(article.url, doc)
    publisher = article.publisher
    publisher_row = _outlet_for(publisher, rules, doc) if publisher else None
    wires: list[str] = []
    named: list[str] = []  # outlets the page's credits name that are not its own site
    for line, is_caption in _credit_lines(article, doc):
        raw = byline_text(line)
        for wire in _WIRE_CREDIT_RE.findall(line):
            row = _outlet_for(wire, rules)
            if row or wire in ("Reuters", "AP", "AFP"):
                wires.append((row or {"name": wire})["name"])
        bare = line.strip(" .()")
        if 1 < len(bare) < 40 and not raw:
            # "Reuters" alone on a line, or "mrc/dpa/Reuters" (the editor's initials, then the wires)
            for word in bare.split("/") if _SLASH_CREDIT_RE.match(bare) else [bare]:
                row = _outlet_for(word.strip(), rules)
                if row and row.get("kind") == "wire" and row is not site_row:
                    wires.append(row["name"])
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
            parts = _BYLINE_PARTS_RE.split(raw)
            candidates.append(_clean_byline(re.split(r"\s+(?:with|avec|met|mit|and|et|en|und)\s+", parts[0])[0]))
            candidates += [_clean_byline(p) for p in parts[1:] if p]
        if not is_caption and _FOOTER_RE.search(line):
            footer = _footer_outlet(line)
            if footer:
                words = footer.split()
                # "NRC Media", "Toronto Star Newspapers": the publishing company of a known outlet
                n = next((n for n in range(len(words), 0, -1) if _outlet_for(" ".join(words[:n]), rules, doc)), 0)
                row = _outlet_for(" ".join(words[:n]), rules, doc) if n else None
                candidates.append(footer if not row else " ".join(words) if n == len(words) else row["name"])
                outletish = True
        for cand in candidates:
            if not cand or _NOT_AN_OUTLET_RE.match(cand):
                continue
            row = _outlet_for(cand, rules, doc)
            if publisher:
                if row and row.get("kind") == "wire":
                    wires.append(row["name"])  # "By The Local/AFP": the site, then its wire
                continue
            squashed, dom = squash(cand), squash(domain)
            same_site = (site_row is not None and row is site_row) or bool(
                dom and len(dom) > 3 and (dom in squashed or (len(squashed) > 3 and squashed in dom))
            )
            if same_site:
                # the form the page itself prints ("kvnutalk.com", "Scroll.in") is the label,
                # but a wire's own site goes by the site's name ("AP News", not "AP")
                publisher, publisher_row = cand, row
                if row is not None and row is site_row and row.get("kind") == "wire":
                    publisher = site_name
                elif row is not None and squashed not in {
                    squash(f) for f in [row["name"], *(row.get("aliases") or [])]
                }:
                    publisher = row["name"]  # "SPIEGEL" printed without its article is Der Spiegel
            elif row and row.get("kind") == "wire":
                wires.append(row["name"])
            elif row or (outletish and not domain):
                named.append(cand)
    if not publisher and site_row is not None:
        publisher, publisher_row = _printed_form(doc, article, site_row) or site_name, site_row
    if not publisher and (masthead := _masthead(doc, domain)):
        publisher, publisher_row = masthead, _outlet_for(masthead, rules, doc)
    # "Title: Port sale blocked | The Daily Ledger": a headline may end in its site's name
    suffix = re.split(r"\s[|–—-]\s", doc.title)[-1].strip() if re.search(r"\s[|–—-]\s", doc.title) else ""
    if suffix and not publisher:
        row = _outlet_for(suffix, rules, doc)
        dom = squash(domain)
        if (row and row.get("kind") != "wire") or (len(dom) > 3 and dom in squash(suffix)):
            named.append(suffix)
    if not publisher and named:
        # a known outlet in the page's own credits, its site not in our data
        publisher = named[0]
        publisher_row = _outlet_for(publisher, rules, doc)
    if not publisher and domain:
        publisher = _printed_site_name(domain, text) or _hostname(article.url).removeprefix("www.") or None
    result.publisher = publisher
    # "STOCKHOLM, Oct 20 (Reuters) -", "Hamburg (dpa) -": the wire that wrote the copy
    for sent in doc.sentences[:15]:
        m = _DATELINE_AGENCY.match(sent.text)
        if m and sent.kind == "body":
            row = _outlet_for(m.group("w"), rules)
            if row and row.get("kind") == "wire":
                wires.append(row["name"])
            break
    own = {publisher, publisher_row["name"] if publisher_row else None}
    cited: list[str] = []
    for hit in doc.entity_hits:
        if hit.kind != "outlet":
            continue
        name = doc.gaz.outlets[hit.key]["name"]
        doc.outlet_spans.append((hit.start, hit.end))
        if doc.in_content(hit.start) and name not in own and name not in wires:
            cited.append(name)
    # the lexicon's few outlets that the gazetteer lacks
    if rules.extra_outlet_re is not None:
        for m in rules.extra_outlet_re.finditer(text):
            row = rules.outlet_forms[m.group(0).lower()]
            doc.outlet_spans.append((m.start(), m.end()))
            if doc.in_content(m.start()) and row["name"] not in (*own, *wires):
                cited.append(row["name"])
    # every match holds an outlet word as written: most texts have none and are not scanned
    words = rules.outlet_words
    reports = rules.outlet_report_re.finditer(text) if not words or any(w in text for w in words) else ()
    for m in reports:
        doc.outlet_spans.append((m.start(1), m.end(1)))
        if m.group(2):
            doc.outlet_spans.append((m.start(2), m.end(2)))
            for am in re.finditer(rf"(?<![\w-]){m.group(2)}(?![\w-])", text):
                doc.outlet_spans.append((am.start(), am.end()))
        row = _outlet_for(m.group(1), rules, doc)
        name = row["name"] if row else m.group(1)
        if name not in (*own, *wires):
            cited.append(name)
    if publisher:
        for m in re.finditer(re.escape(publisher), text):
            doc.outlet_spans.append((m.start(), m.end()))
    result.wire_credits = list(dict.fromkeys(w for w in wires if w not in own))
    result.cited_outlets = list(dict.fromkeys(c for c in cited if c not in result.wire_credits))


def _host_country(doc: _Doc, companies: list[_Company]) -> tuple[str | None, str | None]:
    """(host, most named). The host is the country whose authorities act or speak in the story
    (agencies, "the Belgian government", a dateline); failing that, the most named country that
    is no company's home; else the main country of the story's language, or None for English."""
    text = doc.text
    counts: Counter[str] = Counter()
    authority: Counter[str] = Counter()
    for hit in doc.place_hits:
        if doc.in_content(hit.start):
            counts[doc.place_country(hit)] += 1
    # a foreign group's local arm ("Hikvision Canada, the local arm of Hikvision") is of the host
    # country: its seat tells where the story happens, not where the danger comes from
    home = {c.name: c.country for c in companies}
    origins = {c.country for c in companies if c.country and (home.get(c.parent) or c.country) == c.country}
    # one mention, one vote: "the US Commerce Department" is a gazetteer body, a government word and
    # a body name with a country in it, and was counted three times
    counted = SpanSet()
    for hit in doc.entity_hits:
        if hit.kind == "agency" and doc.in_content(hit.start):
            counted.add(hit.start, hit.end)
            row = doc.gaz.agencies[hit.key]
            # "the National Cyber Security Centre" in a story about Lithuania is Lithuania's, and so
            # is its "NCSC" after that
            form, named = fold(hit.form), story_form(doc, hit, row)
            code = next((c for c in counts if (c, named) in doc.rules.unqualified_rows), row.get("country"))
            shared = {r.get("country") for r in doc.rules.term_rows.get(form, [])}
            if len(shared) > 1:
                # "gouvernement fédéral" is Belgium's and Canada's: the one the story names, if any
                code = max((c for c in shared if c and counts[c]), key=lambda c: counts[c], default=None)
            if code:
                # a party, an army or an embassy ("the Chinese Communist Party", "the PLA") is named
                # in stories set anywhere; a government, a ministry or a service in its own country
                party = row.get("kind") == "other" and not _is_government_name(row["name"])
                # and the companies' home government is more often feared than acting; a sentence set
                # "In the United States, ..." tells of elsewhere, by way of comparison
                authority[code] += 1 if party or code in origins or _set_elsewhere(doc, hit.start) else 3
    government = {fold(w) for w in doc.rules.government_words}
    for start, end, _label in doc.cues_in(0, len(text), "gen"):
        if doc.in_content(start) and fold(text[start:end]) not in government and not counted.overlaps(start, end):
            counted.add(start, end)
            hit = doc.country_before(start, max(0, start - 40)) or doc.country_after(end, end + 40)
            if hit:
                # "des russischen Militärgeheimdienstes" in a story on a Russian firm: the feared side
                authority[hit.key] += 1 if hit.key in origins else 2
    for sent in doc.content:
        for m in doc.matches(doc.rules.government_re, sent.start, sent.end):
            hit = doc.country_before(m.start(), sent.start) or doc.country_after(m.end(), sent.end)
            if hit:
                # a company's home government is more often feared than acting
                weight = 0.5 if m.group("g").lower() == "authorities" or hit.key in origins else 2
                authority[hit.key] += weight
        for bs, be in _body_names(doc, sent):
            code = None if counted.overlaps(bs, be) else _country_in(doc, text[bs:be] + " ")
            if code:
                authority[code] += 2  # "Committee on Foreign Investment in the United States"
        for m in doc.ministry_matches(sent.start, sent.end):
            before = doc.country_before(m.start(), sent.start)
            if before and not counted.overlaps(m.start(), m.end()):
                # "het Noorse ministerie van Transport"; a company's home ministry more often protests
                authority[before.key] += 1 if before.key in origins else 2
            row = dutch_ministry_row(doc, m) if m.group("nl") and not before else None
            if row and row.get("country"):
                authority[row["country"]] += 3  # as a gazetteer body: "Minister Karremans van Economische Zaken"
            if m.group("de") and not before and m.group("de").lower().startswith("bundes"):
                authority["DE"] += 2  # "das Bundesumweltministerium": Germany's federal ministries
    for hit in doc.place_hits:
        # "Ottawa bloque la vente", "Canberra blocked the deal": a capital deciding is its government
        if hit.kind != "capital" or not doc.in_content(hit.start):
            continue
        # "hat Industrieminister X am Montag in Prag bekanntgegeben", "the minister told reporters in
        # Canberra": where a decision is announced is the country that decides
        announced = _ANNOUNCED_IN_BEFORE.search(text, max(0, hit.start - 50), hit.start) or (
            _LOCATIVE_BEFORE.search(text, max(0, hit.start - 4), hit.start) and _ANNOUNCED_AFTER.match(text, hit.end)
        )
        if announced or _COUNTRY_DECIDES.match(text, hit.end):
            authority[hit.key] += 3  # as much as a gazetteer body of the country
    line = dateline_place(doc.sentences)
    if line:
        word = line[0].title()
        city = (doc.gaz.city(word) or [None])[0]
        code = doc.gaz.country_code(word) or city
        # "BRUXELLES —": "Brussels" often stands for the EU, but a story filed there is as often Belgian
        code, weight = (city, 1) if code == "EU" else (code, 2)
        if code:
            authority[code] += weight
    authority.pop("EU", None)
    # the companies' home government only feared ("could spy for the Chinese government") says
    # nothing of where the story is set
    for code in [c for c, weight in authority.items() if c in origins and weight < 1]:
        del authority[code]
    counts.pop("EU", None)
    top = counts.most_common(1)[0][0] if counts else None
    named = next((code for code, n in counts.most_common() if n >= 2 and code not in origins), None)
    if authority:
        acting = max(authority, key=lambda c: (authority[c], counts[c]))
        # a lone weak sign (a party, a body named by way of comparison) does not outweigh the
        # country the story keeps naming: 15 times Canada against one "In the United States"
        if authority[acting] < 2 and named and counts[named] >= 3 and counts[named] > 2 * counts[acting]:
            return named, top
        # nor does one foreign body's side measure ("the US Department of Commerce added Nuctech to
        # its Entity List") outweigh a government that acts in the country the story keeps naming
        local = max((c for c in authority if c != acting and authority[c] >= 2), key=lambda c: counts[c], default=None)
        if local and counts[acting] <= 2 and counts[local] >= 5 and counts[local] >= 3 * max(1, counts[acting]):
            return local, top
        return acting, top
    if named:
        return named, top
    return _LANGUAGE_HOME.get(doc.language or ""), top


_ANNOUNCED_IN_BEFORE = re.compile(
    r"(?<![\w-])(?:said|announced|told\s+(?:reporters|journalists|a\s+news\s+conference)|declared|"
    r"a\s+(?:annoncé|déclaré|indiqué)|zei|verklaarde|maakte\s+\w+\s+bekend)\s+(?:[\w-]+\s+){0,2}?(?:in|à)\s+$"
)
_ANNOUNCED_AFTER = re.compile(
    r"\s+(?:bekanntgegeben|bekannt\s+gegeben|mitgeteilt|angekündigt|erklärt|verkündet|bekendgemaakt)\b"
)
_SET_IN = re.compile(r"(?:In|Elsewhere\s+in|Meanwhile\s+in|In\s+neighbouring|En|Au|Aux|Im)\s+(?:the\s+|de\s+|den\s+)?$")


def _set_elsewhere(doc: _Doc, at: int) -> bool:
    """Whether the sentence holding `at` opens on a place of its own: "In the United States, the Commerce
    Department put Hikvision on its blacklist", in a story set in Canada."""
    sent = doc.sentence_at(at)
    if sent is None:
        return False
    return any(
        sent.start <= h.start < at
        and h.kind in ("country", "capital", "city")
        and _SET_IN.fullmatch(doc.text, sent.start, h.start)
        and doc.text.startswith(",", h.end)
        for h in doc.place_hits
    )


# where a story that names no country of its own is most likely set: its language's main country
_LANGUAGE_HOME = {"nl": "NL", "de": "DE", "fr": "FR"}


# "the sale of engine maker X", "le rachat du fabricant de drones X": a described target is still the target
_SOLD_THING = re.compile(
    r"(?<![\w-])(?:sale|takeover|acquisition|purchase|rachat|cession|vente|verkoop|overname)\s+(?:of|de|du|des|van)\s+"
    # "van het Eindhovense chipbedrijf X", "of UK chip designer X": the description ends in a common noun
    r"(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+)?(?:[\w-]+\s+){0,2}(?-i:[a-zà-ÿ][\w-]*\s+)$"
    # German nouns are capitalised: "Übernahme des deutschen Chipanlagenbauers X", "Verkauf der Firma X"
    r"|(?<![\w-])(?:Übernahme|Verkauf|Kauf|Erwerb)\s+(?:des|der|von)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:[a-zäöüß][\w-]*\s+)?(?-i:[A-ZÄÖÜ][a-zäöüß]+(?:bauers?|herstellers?|konzerns?|unternehmens?|firma|"
    r"konzern|spezialisten|zulieferers?|betreibers?|gruppe)\s+)$",
    re.IGNORECASE,
)
# a company held or swayed by another: "holds 37 per cent of X", "Sinochem's influence over X"
_HELD_BEFORE = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent|pour\s+cent|procent|Prozent)\s+(?:of|in|de|du|des|van|an|von|der|am)\s+"
    r"(?:the\s+|het\s+|la\s+|le\s+|l['’]|die\s+|den\s+)?|(?<![\w-])(?:influence|control|sway|grip|hold|mainmise|emprise|"
    r"invloed|zeggenschap|Einfluss|Kontrolle)\s+(?:over|on|sur|op|auf|über)\s+(?:the\s+|le\s+|la\s+|l['’]|het\s+|de\s+|die\s+|den\s+)?"
    r"(?:[\w-]+\s+)?)$",
    re.IGNORECASE,
)
_COMPANY_SPEAKS = re.compile(
    r"\s+(?:said|says|stated|insisted|maintains|zegt|zei|stelt|verklaarde|benadrukt|dit|a\s+dit|affirme|a\s+affirmé|"
    r"assure|sagt|sagte|erklärte|erklärt|betont|betonte|"
    # the company's own complaint: "Wingtech spreekt van 'buitensporige inmenging'", "X denounced the decision"
    r"spreekt\s+van|sprak\s+van|spricht\s+von|sprach\s+von|parle\s+d['’]|parle\s+de|dénonce|a\s+dénoncé|denounced|"
    r"condemned|critici[sz]ed|kritisiert\w*|bekritiseer\w*|hekelt|hekelde)\b"
)
_SOLD_TO = re.compile(
    r"(?<![\w-])(?:sale|selling|sell|sold|cession|céder|vente|vendre|verkoop|verkopen|Verkauf|verkaufen)\b[^.;]{0,80}?"
    # "... aan het Chinese investeringsfonds X", "to state-owned investor X": a short description may come first
    r"\s(?:to|à|aan|an)\s+(?:the\s+|la\s+|le\s+|het\s+|de\s+|die\s+|den\s+|a\s+|an\s+|un\s+|une\s+|een\s+)?"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"(?:^|[,;(]\s*|\s)(?:[Ll]ike|[Uu]nlike|[Aa]s\s+with|[Ss]imilar\s+to|[Cc]omme|[Ww]ie|[Nn]et\s+als|[Zz]oals)"
    r"\s+(?:the\s+|le\s+|la\s+|de\s+|die\s+|der\s+)?$"
)
# the supplier picked instead ("Telia has chosen Ericsson and Nokia"): an alternative, not a subject
_CHOSEN = re.compile(
    r"(?<![\w-])(?:chosen|chose|choose|chooses|opted\s+for|opts\s+for|picked|selected|switch(?:ed|es|ing)?\s+to|"
    r"in\s+favou?r\s+of|(?:has|have|had)\s+turned\s+to|a\s+choisi|ont\s+choisi|choisit|opté\s+pour|optent\s+pour|"
    r"(?:a|ont|avaient|avait)\s+retenu|retiennent|retient|"
    r"gekozen\s+voor|kiest\s+voor|koos\s+voor|kozen\s+voor|setzt\s+auf|setzen\s+auf|entschied\s+sich\s+für|"
    r"entschieden\s+sich\s+für)\s+(?:(?:the|le|la|de|het|die|den)\s+)?"
    r"(?:[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)?\s*(?:,|and|et|en|und|or|ou|of|oder)\s+)*$"
)
# a company that found or tested something reports the danger; it is not the danger
_FINDER = re.compile(
    r"\s+(?:found|discovered|detected|uncovered|tested|ontdekte|ontdekten|testte|a\s+découvert|ont\s+découvert|"
    r"a\s+constaté|a\s+testé|entdeckte|entdeckten|testete|stellte\s+fest)\b(?!\s+itself)"
)
_MEASURE_OBJECT = re.compile(
    r"(?:keep|keeping|kept|bar|barred|bars|ban|banned|bans|banning|shut|shutting|push|pushing|pushed|block|blocked|blocking|"
    r"exclude|excluded|excluding|prevent|prevented|stop|stopped|order|ordered|force|forced|tell|told)\s+$",
    re.IGNORECASE,
)


# a foreign hold over ports, grids or networks: "growing grip of Chinese investors on Belgian ports",
# "la mainmise de Pékin sur les ports", "Einfluss auf deutsche Häfen"
_GRIP_ON_ASSETS = re.compile(
    r"(?<![\w-])(?:grip|stranglehold|sway|influence|greep|invloed|mainmise|emprise|Einfluss|Zugriff)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:on|over|op|sur|auf|über)\s+(?:the\s+|de\s+|het\s+|les\s+|la\s+|le\s+|die\s+|den\s+|der\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:ports?|harbou?rs?|havens?|Häfen|terminals?|(?:power\s+|electricity\s+)?grids?|"
    r"stroomnet\w*|réseaux\s+électriques|Stromnetze?)(?![\w-])"
    # "a strategic harbour on Australia's northern coast being controlled by a company with ties to the state"
    r"|(?<![\w-])(?:strategic|critical|key|vital|stratégiques?|critiques?|strategische?n?|kritische?n?|vitale?n?)\s+"
    r"(?:ports?|harbou?rs?|havens?|Häfen|Hafens?|terminals?|grids?|infrastructures?|Infrastruktur|assets?|actifs?)\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:being\s+|(?:is|are|was|were)\s+)?(?:controlled|owned|run|contrôlée?s?|détenue?s?|"
    r"gecontroleerd|kontrolliert|beherrscht)\s+(?:by|par|door|von)\s",
    re.IGNORECASE,
)


# the danger itself denied: "an investor that would not interfere", "did not spy" (but "ne protégeaient
# pas la souveraineté technologique" denies the protection, not the danger)
_DENIED_DANGER = re.compile(
    r"(?<![\w-])(?:(?:would|will|could|did|does|do|is|was|are|were)\s+(?:not|never)\s+|"
    # "findet sich auf keiner EU-Sanktionsliste", "on no sanctions list", "geen spionage"
    r"(?:no|not\s+any|kein(?:e|er|en|em|es)?|geen|aucune?)\s+(?:[\w-]+\s+)?(?:\w+-)?)$",
    re.I,
)


# sanctions for breaking a rule: "punished with the sanctions set out in", "sanctions prévues par la
# loi", "bij overtreding volgen sancties", "Sanktionen bei Verstößen"
_PENALTY_SANCTIONS = re.compile(
    r"(?:punish\w*|penali[sz]\w*|fined?)\s+(?:with|by)\s+(?:the\s+)?(?:\w+\s+)?sanctions?\b"
    r"|\b(?:sous\s+peine\s+de|on\s+pain\s+of|under\s+(?:threat|penalty)\s+of|op\s+straffe\s+van|unter\s+Androhung\s+von)\s+"
    r"(?:\w+\s+)?(?:sanctions?|sancties?|Sanktionen)\b"
    r"|\b[Ss]anctions?\s+(?:(?:set\s+out|laid\s+down|provided(?:\s+for)?|foreseen)\s+(?:in|by|under)|for\s+(?:any\s+)?(?:breach|breaches|violations?|non-compliance))\b"
    r"|\bsanctions?\s+(?:\w+\s+)?(?:prévues?|encourues?)\s+(?:par|dans|en\s+cas)"
    r"|\b(?:[Bb]ij\s+overtreding|[Ii]n\s+geval\s+van\s+overtreding)\b[^.]{0,40}\bsanctie"
    r"|\bSanktionen\s+(?:bei|für)\s+(?:Verstößen|Verstöße|Zuwiderhandlungen)"
)


def _categories(doc: _Doc, start: int, end: int, skip: list[tuple[int, int]]) -> set[str]:
    cats = [
        (s, e, label)
        for s, e, label in doc.cues_in(start, end, "cat:")
        if not _overlaps(s, e, skip)
        # "which would have forced investors to sell their holdings": no measure was taken
        and not (label == "cat:investment_screening" and _UNREAL_BEFORE.search(doc.text, max(start, s - 60), s))
        # "a purely financial investor that would not interfere": the danger denied
        and not _DENIED_DANGER.search(doc.text, max(start, s - 30), s)
        # "a string of trade sanctions on Australian barley, wine and coal": a country's goods, no firm's case
        and not (label == "cat:sanctions" and _ON_GOODS_AFTER.match(doc.text, e))
        # "any breach would be punished with the sanctions set out in the law": penalties, no sanctions regime
        and not (label == "cat:sanctions" and _PENALTY_SANCTIONS.search(doc.text, max(start, s - 40), min(end, e + 40)))
    ]
    found = {label[4:] for _s, _e, label in cats}
    order = _ORDER_TO_SELL.search(doc.text, start, end) if _hit_in(doc, _ORDER_TO_SELL, start, end) else None
    if order and not _UNREAL_BEFORE.search(doc.text, max(start, order.start() - 60), order.start()):
        found.add("investment_screening")
    if "critical_infrastructure" in found and all(
        _handset_5g(doc.text, s, e) for s, e, label in cats if label == "cat:critical_infrastructure"
    ):
        found.discard("critical_infrastructure")  # "the Mi 10T 5G", "its P40 5G phone": a handset, not a network
    if "investment_screening" not in found and (_hit_in(doc, DEAL_NOUN, start, end) or _hit_in(doc, _SALE, start, end)):
        # "Biden hat die Übernahme von US Steel durch Nippon Steel verboten": a deal blocked is screening
        blocked = [(s, e) for s, e, _label in doc.cues_in(start, end, "st:blocked") if not _overlaps(s, e, skip)]
        # and "avait bloqué la vente d'une ancienne station navale": the deal right after the verb
        # when the sale is to a buyer (not "verbiedt de verkoop van beveiligingssoftware": selling goods)
        if any(
            DEAL_NOUN.search(doc.text, max(start, s - 200), s)
            or ((deal := _DEAL_AFTER.match(doc.text, e, end)) and _TO_A_BUYER.search(doc.text, deal.end(), end))
            for s, e in blocked
        ):
            found.add("investment_screening")
    grip, data, tech = _category_signals(doc, start, end)
    if "critical_infrastructure" not in found and grip:
        found.add("critical_infrastructure")  # "de greep van Chinese investeerders op de Belgische havens"
    if "data_access" not in found and data:
        found.add("data_access")
    if "espionage" not in found and (_hit_in(doc, _WATCHES_MOVES, start, end) or _hit_in(doc, _SPY_TIES, start, end)):
        # "could monitor US ship movements", "zou banden hebben met de Chinese inlichtingendiensten"
        found.add("espionage")
    if "technology_transfer" not in found and tech:
        found.add("technology_transfer")  # "que la technologie X ... ne soit transférée vers la Chine"
    return found


_ON_GOODS_AFTER = re.compile(
    r"\s+(?:on|against|gegen|auf|contre|sur|tegen|op)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:barley|wine|wines|coal|beef|lobsters?|timber|cotton|grain|wheat|soybeans|seafood|steel|aluminium|aluminum|"
    r"imports|exports|goods|products|produce|vin|vins|charbon|orge|Wein|Kohle|Gerste|wijn|steenkool|gerst)\b"
)


# "analyse what it sees without sending data elsewhere": what a thing does not do is no danger
_WITHOUT_BEFORE = re.compile(r"(?<![\w-])(?:without|sans|zonder|ohne)\s+$", re.IGNORECASE)


_SALE = re.compile(r"(?<![\w-])(?:sale|vente|cession)(?![\w-])", re.IGNORECASE)
_TO_A_BUYER = re.compile(
    r"\s(?:à|to|aan|an)\s+(?:un|une|a|an|een|einen?|le|la|the|de|het|l['’])?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:investisseur|investor|investeerder|groupe|group|company|firm|entreprise|société|bedrijf|Konzern|"
    r"Unternehmen|buyer|acheteur|koper|Käufer|fonds|fund)s?(?![\w-])",
    re.IGNORECASE,
)
# the deal right after the verb, an article and a word between: "bloqué la vente", "blocked the planned takeover"
_DEAL_AFTER = re.compile(
    rf"\s+(?:the|la|le|l['’]|de|het|die|den|das)?\s*(?:[\w-]+\s+)?(?:{DEAL_NOUN.pattern}|{_SALE.pattern})",
    re.IGNORECASE,
)


def _category_signals(doc: _Doc, start: int, end: int) -> tuple[bool, bool, bool]:
    """What [start, end) says whatever the cue words are: (a grip on assets, data access, technology
    transfer). Found once per range: the concerns ask of the same sentences many times."""
    found = doc.category_signals.get((start, end))
    if found is None:
        text = doc.text
        grip = bool(_GRIP_ON_ASSETS.search(text, start, end))
        data = any(
            not _WITHOUT_BEFORE.search(text, max(start, verb.start() - 10), verb.start())
            for s, e, _label in doc.cues_in(start, end, "datanoun")
            for verb in doc.rules.data_verb.finditer(text, max(start, s - 80), min(end, e + 60))
        )
        tech = any(
            _TECH_MOVES.search(text, max(start, m.start() - 60), min(end, m.end() + 140))
            for m in (_TECH_NOUN.finditer(text, start, end) if doc.may_hold((), _TECH_NOUN_WORDS) else ())
        )
        found = doc.category_signals[start, end] = (grip, data, tech)
    return found


# watching a military's or a port's traffic is intelligence gathering: "in a position to monitor US ship
# movements", "om vliegbewegingen te volgen", "Schiffsbewegungen beobachten", "surveiller les mouvements"
_MOVES = r"(?:[\w-]+\s+){0,3}?(?:movements|bewegingen|[Bb]ewegungen|mouvements)"
_WATCHES_MOVES = re.compile(
    r"(?<![\w-])(?:monitor\w*|track\w*|observ\w*|watch\w*|spy\s+on|surveill\w*|suivre|épier|beobacht\w*|"
    r"überwach\w*|ausspäh\w*|volgen|observeren|monitoren|in\s+de\s+gaten\s+houden)\s+(?:the\s+|les\s+|des\s+|de\s+|die\s+)?"
    + _MOVES
    + r"|(?<![\w-])\w*(?:bewegingen|[Bb]ewegungen)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:te\s+volgen|te\s+observeren|te\s+monitoren|volgen|zu\s+beobachten|zu\s+überwachen|beobachten|überwachen|auszuspähen)(?![\w-])",
    re.IGNORECASE,
)

# ties to a foreign intelligence service: "links to Chinese intelligence", "banden met de Chinese
# inlichtingendiensten", "Verbindungen zu chinesischen Geheimdiensten", "liens avec les services de renseignement"
_SPY_TIES = re.compile(
    r"(?<![\w-])(?:ties|links|connections|banden|verbanden|connecties|Verbindungen|Verbindung|Verflechtungen|liens)\s+"
    r"(?:(?:hebben|heeft|had|hadden|haben|hat|hatte)\s+)?(?:to|with|met|zu|mit|avec)\s+(?:the\s+|de\s+|den\s+|les\s+|des\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:intelligence|inlichtingendienst\w*|Geheimdienst\w*|Nachrichtendienst\w*|services\s+de\s+renseignement|"
    r"renseignement\w*|spy\s+agenc\w*)(?![\w-])",
    re.IGNORECASE,
)
_MODEL_NUMBER = re.compile(r"(?<![\w-])[A-Za-z]*\d+[A-Za-z]*\s+$")
_PHONE_WORD = re.compile(
    r"\s+(?:phones?|smartphones?|handsets?|models?|téléphones?|telefoons?|toestel\w*|Handys?)(?![\w-])", re.IGNORECASE
)


def _handset_5g(text: str, s: int, e: int) -> bool:
    """A "5G" that names a handset: a model number stands before it or a phone word after it."""
    return text[s:e].upper() == "5G" and bool(
        _MODEL_NUMBER.search(text[max(0, s - 12) : s]) or _PHONE_WORD.match(text, e, e + 16)
    )


# a technology said to move abroad: the noun, then a verb of transfer or leaking within the clause
_TECH_NOUN = re.compile(
    r"(?<![\w-])(?:technolog(?:y|ies|ie|ieën|ien)|know-how|savoir-faire|Know-how|technical\s+knowledge|kennis|"
    r"technisch\w*\s+Wissen|technische\s+kennis|connaissances\s+techniques)(?![\w-])",
    re.IGNORECASE,
)
# every match of _TECH_NOUN holds one of these in some case
_TECH_NOUN_WORDS = ("technolog", "know-how", "savoir-faire", "technical", "kennis", "technisch", "connaissances")
_TECH_MOVES = re.compile(
    r"(?<![\w-])(?:transferred|transferring|transfer\s+to|handed\s+over\s+to|leak\w*\s+to|transfér\w*|transmise?s?\s+à|"
    r"overgedragen|overdragen|overgebracht|overbrengen|overgeheveld|overhevelen|weglek\w*|lekt\s+weg|übertragen|abfließen|abfließt|abgezogen|divert\w*|détourn\w*|"
    # or said to serve a foreign military: "the technology could be used by the Chinese military"
    r"used\s+by\s+the\s+(?:[\w-]+\s+)?(?:military|army)|defen[cs]e\s+(?:(?:and|or)\s+[\w-]+\s+)?capabilit(?:y|ies)|"
    r"military\s+(?:capabilities|applications?|end[- ]use)|militärisch\w*\s+(?:nutzbar|genutzt|verwendet)|"
    r"fins\s+militaires|usage\s+militaire|militaire\s+(?:doeleinden|toepassingen)|militair\s+gebruik|"
    r"(?:in\s+handen\s+van|in\s+die\s+Hände|entre\s+les\s+mains\s+de|into\s+the\s+hands\s+of)\s+"
    r"(?:het\s+|de\s+|der\s+|des\s+|the\s+|l['’])?(?:[\w-]+\s+)?(?:leger|krijgsmacht|Militärs?|Armee|armée|military|army)|"
    # "dat militaire kennis bij het Volksbevrijdingsleger terecht zou komen", "end up with the Chinese military"
    r"(?:bij|in)\s+(?:het\s+|de\s+)?(?:[\w-]+\s+)?\w*(?:leger|krijgsmacht)\s+terecht|"
    r"end\s+up\s+(?:with|in\s+the\s+hands\s+of)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:military|army)|"
    # "dat kennis zo in Chinese handen zou komen", "into Chinese hands", "in chinesische Hände"
    r"in\s+(?:Chinese|Russische|buitenlandse)\s+handen|into\s+(?:Chinese|Russian|foreign)\s+hands|"
    r"in\s+(?:chinesische|russische|ausländische)\s+Hände|entre\s+(?:des\s+)?mains\s+(?:chinoises|russes|étrangères)|"
    # "que des technologies sensibles ne partent à l'étranger": technology that leaves the country
    r"(?:part|partent|partir|partiront|partiraient)\s+à\s+l['’]étranger|go(?:es|ing|ne)?\s+abroad|"
    r"naar\s+het\s+buitenland|ins\s+Ausland)(?![\w-])",
    re.IGNORECASE,
)

# an order's verb, and what may stand between it and the sale: "forces MineOne Partners Ltd., a
# company ..., to sell" (a name's abbreviation point is no sentence end)
_ORDER_VERB = r"\b(?:order(?:ed|s)?|forc(?:ed|es|e)|told|tells|ask(?:ed|s)|requir(?:ed|es|e)|instruct(?:ed|s)?)\b"
_ORDER_GAP = r"(?:[^.;]|\.(?=,|\s+[a-z]))"
_ORDER_TO_SELL = re.compile(
    _ORDER_VERB + _ORDER_GAP + r"{0,140}?\bto\s+"
    r"(?:sell|divest|dispose|give\s+up|unwind|offload|(?:cut|reduce)\s+(?:its|their)\s+(?:holding|stake)s?)\b"
    # a sale the screener extracted: "reached an agreement with the committee to sell Grindr",
    # "agreed to sell the app after CFIUS pressure"
    r"|\b(?:agreement|agreed|deal)\s+with\s+(?:the\s+)?(?:committee|panel|CFIUS|regulators?|authorities|government)"
    r"\s+to\s+(?:sell|divest)\b"
    r"|\b(?:agreed|agrees|agree)\s+to\s+(?:sell|divest)\b[^.;]{0,80}?\b(?:after|under|following)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:pressure|orders?|demands?)\b"
    # "the company has to close down, clear out its equipment and sell the land"
    r"|\b(?:must|has\s+to|have\s+to|had\s+to)\s+(?:[^.;]{0,60}?\s)?(?:sell|divest)\s+(?:the|its|their|all|a)\b"
    # "dwong Nexperia ... de fabriek weer te verkopen", "zwang den Konzern, die Anteile zu verkaufen",
    # "a contraint le groupe à céder sa participation"
    r"|(?<![\w-])(?:dwong|dwingt|dwingen|dwongen|verplichtte|verplicht|gelastte|beval|zwang|zwingt|zwingen|"
    r"verpflichtete|verpflichtet|contraint|contraignent|oblige|obligé|obligée|forcé|forcée|ordonné|enjoint|sommé)"
    r"(?![\w-])[^.;]{0,140}?(?<![\w-])(?:te\s+verkopen|af\s+te\s+stoten|van\s+de\s+hand\s+te\s+doen|"
    r"zu\s+verkaufen|zu\s+veräußern|abzugeben|abzustoßen|(?:à|de)\s+(?:céder|vendre|revendre|se\s+séparer|se\s+défaire))"
    r"(?![\w-])",
    re.IGNORECASE,
)


_FOLLOWS_ADVICE = re.compile(
    r"(?:\s+(?:daarmee|hiermee|daarbij|dus|nu))?\s+(?:een|het|de|zijn|haar)\s+(?:\w+\s+)?"
    r"(?:advies|adviezen|aanbeveling\w*|voorbeeld|lijn|koers|route|regels?)(?![\w-])|\s+(?:uit|op)\b",
    re.IGNORECASE,
)
# a say the state keeps in a company it lets be bought: "un droit de veto", "a golden share with a veto"
_VETO_RIGHT = re.compile(
    r"\b(?:droits?\s+de\s+veto|veto\s+rights?|rights?\s+(?:of|to)\s+veto|veto\s+powers?\s+over|Vetorecht\w*|"
    r"vetorecht\w*|(?:golden|special)\s+share\s+(?:with|giving|that\s+gives)\s+(?:\w+\s+){0,3}veto)",
    re.IGNORECASE,
)
# what a shareholder may do: "barred from appointing", "exclu de la nomination", "ausgeschlossen von Stimmrechten"
_SHAREHOLDER_RIGHT = re.compile(
    r"\s+(?:from|de|du|des|van|von|vom)\s+(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+|den\s+|der\s+)?"
    r"(?:appoint\w*|nominat\w*|nam(?:e|es|ing)\s+(?:the\s+|its\s+|a\s+)?(?:CEO|chief|chair\w*|directors?|board)|"
    r"access\w*\s+(?:to\s+)?(?:sensitive\s+|certain\s+)?(?:information|data|technology)|"
    r"voting|vote|exercis\w*|sitting\s+on|seats?\s+on|board|nomination\w*|désign\w*|droits?\s+de\s+vote|"
    r"benoem\w*|stemrecht\w*|Stimmrecht\w*|Benennung|Aufsichtsrat\w*)",
    re.IGNORECASE,
)


# a deal the state will not let happen, said with a modal: "darf ein chinesischer Investor den Hersteller X
# nicht übernehmen", "mag de overname niet doorgaan", "will not be allowed to buy", "ne pourra pas racheter"
_MAY_NOT_BUY = re.compile(
    # one lookbehind for all the branches: Python's re then skips most positions at once
    r"(?<![\w-])(?:(?:darf|dürfen|durfte|durften)\s(?:[^.;:]{0,120}?\s)?(?:nicht|weder|kein\w*)\s(?:[^.;:]{0,100}?\s)?"
    r"(?:übernehmen|kaufen|erwerben|einsteigen|übernommen|gekauft|erworben|beteiligen|aufstocken)(?![\w-])"
    r"|(?:mag|mogen|mocht|mochten)\s(?:[^.;:]{0,120}?\s)?niet\s(?:[^.;:]{0,60}?\s)?"
    r"(?:overnemen|kopen|overgenomen|gekocht|instappen|verwerven|doorgaan)(?![\w-])"
    r"|(?:(?:will|would|may|can|could|shall)\s+not|cannot|won['’]t)\s+(?:be\s+(?:allowed|permitted)\s+to\s+)?"
    r"(?:buy|acquire|take\s+over|take\s+control\s+of|proceed)(?![\w-])"
    r"|not\s+be\s+(?:allowed|permitted)\s+to\s+(?:buy|acquire|take\s+over|take\s+control)(?![\w-])"
    r"|ne\s+(?:pourra|pourront|peut|peuvent|pouvait)\s+pas\s+(?:racheter|acquérir|prendre\s+le\s+contrôle)"
    r"(?![\w-])"
    # or that it acts to prevent: "pour empêcher l'italien X d'en prendre le contrôle", "to prevent X from
    # taking control of", "um zu verhindern, dass X ... übernimmt", "om te voorkomen dat X ... overneemt"
    r"|(?:empêcher|empêche|empêché)\s(?:[^.;:]{0,80}?\s)?(?:de|d['’])\s*(?:en\s+)?(?:prendre\s+le\s+contrôle|"
    r"racheter|acquérir|reprendre|mettre\s+la\s+main)"
    r"|(?:prevent(?:s|ed|ing)?|stop(?:s|ped|ping)?|block(?:s|ed|ing)?|bar(?:s|red|ring)?)\s(?:[^.;:]{0,80}?\s)?from\s+"
    r"(?:taking\s+(?:control|over)|acquiring|buying|selling|completing|closing)(?![\w-])"
    r"|(?:verhindern|verhindert|verhinderte)\s*,?\s+dass\s(?:[^.;:]{0,100}?\s)?"
    r"(?:übernimmt|übernehmen|kauft|einsteigt|erwirbt)(?![\w-])"
    r"|(?:voorkomen|verhinderen)\s+dat\s(?:[^.;:]{0,100}?\s)?(?:overneemt|overnemen|koopt|kopen|instapt)(?![\w-])"
    r")",
    re.IGNORECASE,
)


# a watch that someone could keep is the danger feared, not a body's monitoring
_MAY_WATCH = re.compile(
    r"(?<![\w-])(?:could|would|may|might|can|able\s+to|position\s+to|pourrait|pourraient|peut|peuvent|zou|zouden|kan|"
    r"kunnen|könnte|könnten|kann|können)(?:\s+[\w’'-]+){0,5}\s+$",
    re.IGNORECASE,
)


_BY_OUTLET_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:by|from|of|par|door|von)\s+(?:the\s+)?")


# a measure denied: "kein förmliches Prüfverfahren", "did not block", "n'a pas bloqué", "sans conditions"
_NEGATED_BEFORE = re.compile(
    r"(?<![\w-])(?:not|never|no|kein|keine|keinen|keinem|keiner|nicht|nie|geen|niet|nooit|aucun|aucune|pas|sans|"
    r"without|ohne|zonder)\s+(?!only\s|just\s|merely\s|nur\s|alleen\s|seulement\s)(?:[\w'’-]+\s+)?$"
    # a measure refused: "a refusé de suspendre", "declined to block", "weigerde te verbieden"
    r"|(?<![\w-])(?:refused|refuses|declined|declines|a\s+refusé|refuse|weigerde|weigert)\s+(?:to|de|d['’]|te)\s*$"
    # the road not taken: "accept commitments rather than block deals", "plutôt que d'interdire"
    r"|(?<![\w-])(?:rather\s+than|instead\s+of|plutôt\s+que\s+(?:de\s+|d['’])?|au\s+lieu\s+de\s+|"
    r"statt\s+(?:[\w-]+\s+)?(?:zu\s+)?|anstatt\s+|in\s+plaats\s+van\s+(?:[\w-]+\s+)?(?:te\s+)?)\s*$",
    re.IGNORECASE,
)
_REFUSED_TO_STOP = re.compile(
    r"\s+(?:to|de|d['’]|te)\s+(?:suspend|block|ban|halt|stop|prohibit|bar|suspendre|bloquer|interdire|arrêter|"
    r"verbieden|stoppen|blokkeren|schorsen|untersagen|verbieten)\b",
    re.IGNORECASE,
)
# kit a state may ban or buy, as against a company it may screen
_PRODUCT_NOUNS = (
    r"(?:equipment|kit|gear|products?|devices?|drones?|cameras?|components?|phones?|handsets?|scanners?|chips?|"
    r"apps?|application|software|Drohnen|Kameras|Geräte\w*|Produkte|Komponenten|Bauteile\w*|caméras|équipements?|"
    r"produits|appareils|camera['’]s|apparatuur|producten|onderdelen)"
)
_USE_OR_PRODUCT = re.compile(
    rf"(?<![\w-])(?:use|using|usage|utilisation|utiliser|Einsatz|Verwendung|Nutzung|gebruik|inzet|{_PRODUCT_NOUNS})(?![\w-])",
    re.IGNORECASE,
)
_POWER_NOUN_AFTER = re.compile(
    r"\s+(?:rules?|powers?|rights?|laws?|regime|mechanism|procedure|règles?|pouvoirs?|droits?|regels?|bevoegdhe\w*|"
    r"Rechte?|Befugnis\w*)(?![\w-])",
    re.IGNORECASE,
)
# a power the law gives, not its use: "the regime lets the government veto or attach conditions to deals"
_POWER_GIVEN_BEFORE = re.compile(
    r"(?<![\w-])(?:lets|allows|enables|empowers|entitles|permits|the\s+(?:power|right)\s+to|permet\s+à|"
    r"erlaubt|ermöglicht|stelt\s+\w+\s+in\s+staat)\s+(?:[\w'’-]+\s+){0,3}(?:to\s+|de\s+|d['’]|te\s+|zu\s+)?$",
    re.IGNORECASE,
)
# a product the state no longer lets anyone use, said with a modal: "dürfen keine Bauteile von X mehr
# eingesetzt werden", "may no longer be used", "ne pourront plus être utilisés", "mogen niet langer worden gebruikt"
_MAY_NOT_USE = re.compile(
    r"(?<![\w-])(?:(?:darf|dürfen)\s(?:[^.;:]{0,120}?\s)?(?:nicht|kein\w*)\s(?:[^.;:]{0,100}?\s)?(?:mehr\s+)?"
    r"(?:eingesetzt|verwendet|verbaut|genutzt|installiert)\s+werden"
    r"|(?:may|can|must|will|shall)\s+no\s+longer\s+be\s+(?:used|installed|deployed|procured)"
    # said of the buyers: "federal bodies may no longer buy or use", "ne pourront plus acheter ni utiliser"
    r"|(?:may|can|will|shall)\s+no\s+longer\s+(?:buy|purchase|procure|use|install|deploy)"
    r"|ne\s+(?:pourra|pourront|peut|peuvent|doit|doivent|devra|devront)\s+plus\s+(?:acheter|acquérir|utiliser|installer|déployer)"
    r"|(?:will|shall)\s+no\s+longer\s+be\s+(?:allowed|permitted)\s+to\s+(?:use|install|deploy)"
    r"|ne\s+(?:pourra|pourront|peut|peuvent|doit|doivent|devra|devront)\s+plus\s+(?:être\s+)?"
    r"(?:utilisé|installé|déployé)e?s?"
    r"|(?:mag|mogen)\s(?:[^.;:]{0,100}?\s)?(?:niet|geen)\s(?:[^.;:]{0,80}?\s)?(?:meer|langer)\s+(?:worden\s+)?"
    r"(?:gebruikt|ingezet|geïnstalleerd|kopen|aanschaffen|gebruiken|inzetten))(?![\w-])",
    re.IGNORECASE,
)
# "German companies are barred from buying comparable stakes in China": a rule for a whole class
# of firms (the reciprocity argument), no measure on the story's company
_CLASS_SUBJECT_BEFORE = re.compile(
    # not "the two companies are barred", which points back at named firms
    r"(?<!\bthe\s)(?<!\btwo\s)(?<!\bboth\s)(?<!\bthese\s)(?<!\bdie\s)(?<!\bles\s)(?<!\bces\s)(?<!\bde\s)"
    r"(?<![\w-])(?:companies|firms|investors|businesses|Unternehmen|Firmen|Investoren|entreprises|sociétés|"
    r"investisseurs|bedrijven|ondernemingen|investeerders)\s+(?:are|were|remain|have\s+been|sind|waren|werden|"
    r"sont|étaient|restent|zijn|worden)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "Komplette Verbote sind bislang selten", "such bans are rare": what measures of a kind are like
# in general, no measure taken
_RARE_AFTER = re.compile(
    r"(?:\s+(?:dieser\s+Art|of\s+(?:this|that)\s+kind|like\s+(?:this|that)|de\s+ce\s+(?:type|genre)|van\s+deze\s+soort))?"
    r"\s+(?:sind|ist|waren|war|bleiben|are|is|were|remain|remains|sont|restent|est|zijn|blijven|waren)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:selten|rare|zeldzaam|rares|uncommon|(?:die\s+|the\s+|l['’]|de\s+)?(?:Ausnahme|exception|uitzondering))"
    r"(?![\w-])",
    re.IGNORECASE,
)
# a measure imagined, the subject of its sentence: "A ban on Huawei would delay the rollout", "Ein
# Verbot würde ... kosten" (not "it imposed a ban that would take effect in May")
_INDEFINITE_BEFORE = re.compile(r"\s*(?:an?|een|ein|eine|une?)\s+", re.IGNORECASE)
_WOULD_AFTER = re.compile(
    r"[^.;:!?]*?(?<![\w-])(?:would|could|zou|zouden|würde|würden|wäre|könnte|serait|seraient|pourrait|"
    r"coûterait|ralentirait)(?![\w-])",
    re.IGNORECASE,
)
# a measure said not to have come about: "Zu einem förmlichen Verbot kam es am Ende nicht mehr"
_NEGATED_AFTER = re.compile(
    r"\s+(?:kam|kommt)\s+es\s+(?:[\w-]+\s+){0,4}?(?:nicht|nie)\b|\s+(?:never\s+came|did\s+not\s+(?:happen|come))\b|"
    r"\s+(?:kwam|komt)\s+(?:het|er)\s+(?:[\w-]+\s+){0,3}?(?:niet|nooit)\b"
)
# French negation around the verb: "il ne bloque pas", "n'interdit pas"
_FR_NE_BEFORE = re.compile(r"(?<![\w-])(?:ne\s+|n['’])$")
_FR_PAS_AFTER = re.compile(r"\s+(?:pas|plus|jamais|point)\b")
# what makes a "blocked" a deal stopped rather than a product or a use banned
_DEAL_CONTEXT = re.compile(
    r"(?<![\w-])(?:takeovers?|acquisitions?|acquir\w*|purchases?|bids?|bidders?|stakes?|deals?|mergers?|sales?|"
    r"sell\w*|sold|invest\w*|take\s+over|taking\s+over|took\s+over|Übernahme\w*|übernehm\w*|übernimmt|übernahm|"
    r"Kauf|Käufer\w*|Verkauf\w*|verkauf\w*|Einstieg\w*|Erwerb\w*|Beteiligung\w*|Investor\w*|Investition\w*|"
    r"rachat\w*|racheter|acquéreur\w*|cession\w*|céder|vente|investiss\w*|participations?|prise\s+de\s+contrôle|"
    r"overname\w*|overnemen|overneemt|verkoop\w*|verkopen|belang\w*|investeer\w*|investering\w*|fusie\w*|fusion\w*|"
    r"shareholders?|Aktionär\w*|actionnaires?|aandeelhouders?|transactions?|Transaktion\w*|transacties?|achats?|"
    r"aankoop\w*|opération|licensing|licen[cs]e\s+(?:deal|agreement)|Lizenzvertrag\w*|licentieovereenkomst\w*)"
    r"(?![\w-])",
    re.IGNORECASE,
)


_FOR_NOW_BEFORE = re.compile(
    r"(?<![\w-])(?i:vorerst|zunächst|vorläufig|noch\s+nicht|not\s+yet|for\s+now|for\s+the\s+time\s+being|"
    r"pour\s+l['’]instant|pas\s+encore|voorlopig|nog\s+niet)(?:\s+\S+){0,10}?\s+$"
)
_EXCLUDE_CUE = re.compile(r"(?i:exclu|ausschlie|auszuschlie|uitsluit|uit\s+te\s+sluiten)")
_RISK_NOUN = (
    r"(?:risks?|danger|dangers|possibility|threats?|espionage|Risik\w*|Gefahr\w*|\w*[Ss]pionage|Bedrohung\w*|"
    r"risques?|menaces?|espionnage|possibilité|risico\w*|gevaar\w*|dreiging\w*|mogelijkheid)"
)
_RISK_BEFORE = re.compile(rf"{_RISK_NOUN}\s+(?:[\w-]+\s+){{0,2}}$")
_RISK_AFTER = re.compile(
    rf"\w*\s+(?:(?:any|all|the|every|tout|toute|tous|les|le|la|elk|ieder|jede\w*)\s+)?{_RISK_NOUN}"
)


def _ruled_out_risk(text: str, start: int, cue_start: int, cue_end: int) -> bool:
    """An exclusion whose object is a danger: the danger is ruled out, nothing is banned."""
    return bool(
        _EXCLUDE_CUE.match(text, cue_start)
        and (_RISK_BEFORE.search(text, max(start, cue_start - 50), cue_start) or _RISK_AFTER.match(text, cue_end))
    )


_MARKETS_AFTER = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:international\s+|global\s+|foreign\s+|western\s+)?"
    r"(?:credit|capital|debt|bond|financial|lending|equity)\s+markets?\b",
    re.IGNORECASE,
)
_SPACECRAFT_PROBE = re.compile(
    r"\b(?:land(?:ed|s|ing)?|launch(?:ed|es|ing)?|sent|send(?:s|ing)?|space|lunar|moon|Mars|planetary)\s+(?:a\s+|the\s+|its\s+)?probes?\b"
    r"|\bprobes?\s+(?:on|to|onto|around)\s+(?:the\s+)?(?:far\s+side|moon|Mars|Venus|Jupiter|asteroid|comet|sun)\b",
    re.IGNORECASE,
)


def _status(doc: _Doc, start: int, end: int, skip: list[tuple[int, int]] | SpanSet = ()) -> str | None:
    """The strongest measure stated in [start, end); cues inside `skip` (agency names) do not count."""
    hits = set()
    deal_stopped = _hit_in(doc, _MAY_NOT_BUY, start, end)
    if deal_stopped:
        hits.add("blocked")
    cues = doc.cues_in(start, end, "st:")
    for cue_start, e, label in cues:
        if skip and _overlaps(cue_start, e, skip):
            continue  # "the Foreign Investment Review Board" names a body; it states no review
        if any(os <= cue_start and e <= oe and oe - os > e - cue_start and ol != label for os, oe, ol in cues):
            continue  # "prohibition" inside "partial prohibition": the longer cue says what was decided
        if _NEGATED_BEFORE.search(doc.text, max(start, cue_start - 30), cue_start):
            continue  # "keine Untersagung", "did not block": the measure was not taken
        if _REFUSED_TO_STOP.match(doc.text, e):
            continue  # "a refusé de suspendre", "declined to block": the refusal keeps things as they are
        if _NEGATED_AFTER.match(doc.text, e) or (
            _FR_NE_BEFORE.search(doc.text, max(start, cue_start - 4), cue_start) and _FR_PAS_AFTER.match(doc.text, e)
        ):
            continue  # "zu einem Verbot kam es nicht", "il ne bloque pas l'accès": no measure either
        if label == "st:banned" and doc.text[max(start, cue_start - 7) : cue_start].lower() == "behind ":
            continue  # "should stay behind bars": a person in custody, no ban
        if label == "st:banned" and _MARKETS_AFTER.match(doc.text, e):
            continue  # "when Argentina was shut out of international credit markets": no ban on anyone
        if label == "st:under_review" and _SPACECRAFT_PROBE.search(
            doc.text, max(start, cue_start - 30), min(end, e + 40)
        ):
            continue  # "when China landed a probe on the far side of the moon": a spacecraft, no inquiry
        if label == "st:blocked" and _FOR_NOW_BEFORE.search(doc.text, max(start, cue_start - 90), cue_start):
            hits.add("under_review")  # "vorerst nicht genehmigt", "not yet approved": still pending
            continue
        if label == "st:banned" and _ruled_out_risk(doc.text, start, cue_start, e):
            continue  # "um Wirtschaftsspionage auszuschließen", "to exclude any risk": a danger ruled out, no ban
        if label != "st:monitoring" and _POWER_GIVEN_BEFORE.search(doc.text, max(start, cue_start - 50), cue_start):
            continue  # "the regime lets the government veto or attach conditions": the means, not a decision
        if label in ("st:blocked", "st:banned") and _POWER_NOUN_AFTER.match(doc.text, e):
            continue  # "its golden power veto rules", "blocking powers": the means, not a decision
        if label in ("st:blocked", "st:banned") and _CLASS_SUBJECT_BEFORE.search(
            doc.text, max(start, cue_start - 60), cue_start
        ):
            continue  # "German companies are barred from buying stakes in Chinese firms": a class, not the case
        if _INDEFINITE_BEFORE.fullmatch(doc.text, start, cue_start) and _WOULD_AFTER.match(
            doc.text, e, min(end, e + 90)
        ):
            hits.add("other")  # "Een verbod op Huawei, zoals de VS dat wil, zou ... vertragen": a ban imagined
            continue
        if _RARE_AFTER.match(doc.text, e, end):
            continue  # "Förmliche Verbote dieser Art sind in Deutschland bislang selten": no measure taken
        # "an investigation by Reuters" is journalism, not a review by the state
        by = _BY_OUTLET_AFTER.match(doc.text[e : e + 30])
        if by and any(os == e + by.end() for os, _oe in doc.outlet_spans):
            continue
        if label == "st:monitoring" and _FOLLOWS_ADVICE.match(doc.text, e):
            continue  # "Het kabinet volgt daarmee een advies van de AIVD" follows advice; it watches nothing
        if label == "st:monitoring" and (
            _MAY_WATCH.search(doc.text[max(start, cue_start - 45) : cue_start])
            or _WATCHES_MOVES.match(doc.text, cue_start)
        ):
            continue  # "the operator would be in a position to monitor ship movements": the danger, not a watch
        if label == "st:blocked" and _VETO_RIGHT.search(doc.text, max(start, cue_start - 20), min(end, e + 12)):
            # "une action spécifique lui donnant un droit de veto", "a golden share with a veto over": the
            # state keeps a say in the company it let be bought, a condition of the deal
            hits.add("approved_with_conditions")
            continue
        if label == "st:banned" and _SHAREHOLDER_RIGHT.match(doc.text, e):
            # "Sinochem will be barred from appointing the chief executive": a shareholder's right
            # taken away is a condition on the stake, not a ban on the company
            hits.add("approved_with_conditions")
            continue
        hits.add(_unless_hedged(doc, start, cue_start, label[3:]))
    no_use = _MAY_NOT_USE.search(doc.text, start, end) if _hit_in(doc, _MAY_NOT_USE, start, end) else None
    if no_use:
        hits.add(_unless_hedged(doc, start, no_use.start(), "banned"))
    order = _ORDER_TO_SELL.search(doc.text, start, end) if _hit_in(doc, _ORDER_TO_SELL, start, end) else None
    if order:
        hits.add(_unless_hedged(doc, start, order.start(), "divestment_ordered", order.end()))
    hits.update(_unless_hedged(doc, start, s, st) for s, e, st in _gap_hits(doc) if start <= s and e <= end)
    if "closed" in hits:
        hits -= {"under_review", "monitoring"}  # "its review had concluded there were no grounds to act"
    if {"banned", "blocked"} <= hits and _hit_in(doc, DEAL_NOUN, start, end):
        hits.discard("banned")  # "hat die Übernahme ... verboten": a deal forbidden is blocked, no product banned
    if (
        "blocked" in hits
        and not deal_stopped
        and _hit_in(doc, _USE_OR_PRODUCT, start, end)
        and not _hit_in(doc, _DEAL_CONTEXT, start, end)
        and not _hit_in(doc, _SUPPLY_DEAL, start, end)  # "blocked X from supplying the scanners": a contract
    ):
        # "extended that prohibition on the drones to federal agencies", "den Einsatz ... zu untersagen":
        # no deal was stopped, a product or a use was banned ("Berlin hat das untersagt" may be the deal)
        hits.discard("blocked")
        hits.add("banned")
    return next((st for st in STATUS_PRIORITY if st in hits), None)


# "whether the company should be forced to give up its lease", "ob die Bundesregierung den Verkauf
# untersagt": a measure asked about is still under review
# and a power described, not used: "the committee can block", "le comité pourra ... l'interdire", "das Gesetz
# erlaubt dem Ministerium, ... zu untersagen", "Met het bevel kan de minister besluiten tegenhouden"
_HEDGE_BEFORE = re.compile(
    r"\b(?:whether|ob)\b[^.;:!?]*$|\b(?:should|could|might|may|can)\s+(?:\w+\s+)?$"
    # "einen möglichen Ausschluss zu prüfen", "a possible ban": a measure weighed, not taken
    r"|(?<![\w-])(?:possible|potential|möglich\w*|eventuel\w*|mogelijke?|éventuel\w*)\s+(?:[\w-]+\s+)?$"
    r"|(?<![\w-])(?:pourra|pourrait|pourront|pourraient|peut|peuvent|kan|kunnen|zou|zouden|kann|können|könnte|könnten|"
    r"power\s+to|powers\s+to|allows?|allowing|permet\w*|erlaubt|ermöglicht|befugt|ermächtigt|bevoegd\w*)"
    r"(?![\w-])[^.;:!?]*$",
    re.IGNORECASE,
)
# a position, no review: "zeigte sich offen dafür, ... notfalls zu verbieten", "open to banning them if need be"
_OPEN_TO_BEFORE = re.compile(
    # German sets the measure off with a comma ("offen dafür, ... notfalls zu verbieten"); elsewhere a
    # comma ends the phrase ("Italy, which said it is open to Chinese investment, blocked the deal")
    r"(?<![\w-])(?:(?:notfalls|gegebenenfalls|offen\s+dafür)(?![\w-])[^.;:!?]*|"
    r"(?:if\s+necessary|if\s+need\s+be|au\s+besoin|si\s+nécessaire|zo\s+nodig|indien\s+nodig|open\s+to|"
    r"ouvert\w*\s+à)(?![\w-])[^.;:!?,]*)$",
    re.IGNORECASE,
)
_UNREAL_BEFORE = re.compile(
    r"\b(?:would\s+have|hätte|hätten|zou\s+hebben|zouden\s+hebben|aurait|auraient)\s+(?:\w+\s+){0,3}$"
    # "Any move to unwind the lease would inflame relations": a measure imagined
    r"|(?<![\w-])any\s+(?:move|attempt|effort|decision|bid|plan|step)s?\s+to\s+$",
    re.IGNORECASE,
)
# a measure others press for is not taken: "has been pressing allies to ban Huawei", "zet bondgenoten
# onder druk om Huawei te weren", "drängt die Partner, Huawei auszuschließen", "pousse ses alliés à exclure"
_URGED_BEFORE = re.compile(
    r"(?<![\w-])(?:pressur\w*|press(?:es|ed|ing)\s+(?:\w+\s+){0,2}to|urg(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|"
    r"calls?\s+(?:on|for)|called\s+(?:on|for)|onder\s+druk|dring\w*\s+(?:er\s+)?(?:bij\s+\w+\s+)?op\s+aan|"
    r"aangedrongen|unter\s+Druck|drängt|drängen|drängte\w*|gedrängt|sous\s+pression|pouss\w*\s+(?:\w+\s+){0,3}à|"
    r"exhort\w*|appel\w*\s+(?:\w+\s+){0,3}à|"
    # "Politiker forderten daraufhin, die Lieferung zu untersagen", "réclament son exclusion"
    r"forder\w*|gefordert|réclam\w*|eiste|eisten|riep\w*\s+(?:\w+\s+){0,3}op)(?![\w-])[^.;:!?]*$",
    re.IGNORECASE,
)
_HEDGE_INSIDE = re.compile(r"\b(?:whether|ob)\b", re.IGNORECASE)
_HEDGED_DECISIONS = {"divestment_ordered", "banned", "blocked"}


def _unless_hedged(doc: _Doc, floor: int, at: int, status: str, end: int | None = None) -> str:
    """The status a cue at `at` states, or under_review when the measure is only asked about (before
    the cue, or inside it up to `end`: "asked to advise on whether X should be forced to sell")."""
    text = doc.text
    if status in _HEDGED_DECISIONS and _UNREAL_BEFORE.search(text, max(floor, at - 60), at):
        return "other"  # "which would have forced investors to sell": a measure that did not happen
    if status in _HEDGED_DECISIONS and (
        _URGED_BEFORE.search(text, max(floor, at - 80), at) or _OPEN_TO_BEFORE.search(text, max(floor, at - 120), at)
    ):
        return "other"
    if status in _HEDGED_DECISIONS and (
        _HEDGE_BEFORE.search(text, max(floor, at - 120), at) or _HEDGE_INSIDE.search(text, at, end or at)
    ):
        return "under_review"
    return status


# What a match of these case-insensitive patterns holds, branch by branch: one word of each group
# (in lower case). A text that satisfies no branch is not scanned.
_NEEDED_WORDS: dict[str, list[tuple[tuple[str, ...], ...]]] = {
    _WATCHES_MOVES.pattern: [(("movements", "mouvements", "bewegingen", "bewegungen"),)],
    # "Verkauf" holds "kauf", "prise de participation" "participation"
    DEAL_NOUN.pattern: [
        (
            (
                *("takeover", "acquisition", "purchase", "bid", "stake", "übernahme", "kauf", "einstieg", "erwerb"),
                *("beteiligung", "rachat", "participation", "overname", "verkoop", "belang"),
            ),
        )
    ],
    _SALE.pattern: [(("sale", "vente", "cession"),)],
    # the tie, then the service ("verbanden" holds "banden", "spy agencies" "spy")
    _SPY_TIES.pattern: [
        (
            ("ties", "links", "connections", "banden", "connecties", "verbindung", "verflechtungen", "liens"),
            ("intelligence", "inlichtingendienst", "geheimdienst", "nachrichtendienst", "renseignement", "spy"),
        )
    ],
    # each branch of _MAY_NOT_BUY: its modal or verb of stopping, its negation, what is not bought
    _MAY_NOT_BUY.pattern: [
        (
            ("darf", "dürf", "durft"),
            ("nicht", "weder", "kein"),
            (
                *("übernehmen", "kaufen", "erwerben", "einsteigen", "übernommen", "gekauft", "erworben"),
                *("beteiligen", "aufstocken"),
            ),
        ),
        (
            ("mag", "mogen", "mocht"),
            ("niet",),
            ("overnemen", "kopen", "overgenomen", "gekocht", "instappen", "verwerven", "doorgaan"),
        ),
        (("not", "won"), ("buy", "acquire", "take", "proceed")),
        (("pas",), ("racheter", "acquérir", "prendre")),
        (("empêch",), ("prendre", "racheter", "acquérir", "mettre")),
        (("from",), ("taking", "acquiring", "buying", "selling", "completing", "closing")),
        (("verhinder",), ("dass",), ("übernimmt", "übernehmen", "kauft", "einsteigt", "erwirbt")),
        (("voorkomen", "verhinderen"), ("overneemt", "overnemen", "koopt", "kopen", "instapt")),
    ],
    # every branch of _MAY_NOT_USE holds one of these words
    _MAY_NOT_USE.pattern: [(("darf", "dürfen", "no longer", " plus ", "mag ", "mogen"),)],
    _ORDER_TO_SELL.pattern: [
        (
            ("order", "forc", "told", "tells", "ask", "requir", "instruct"),
            ("sell", "divest", "dispose", "give", "unwind", "offload", "cut", "reduce"),
        ),
        (("must", "has to", "have to", "had to"), ("sell", "divest")),
        (("agree", "deal"), ("sell", "divest")),
        (
            (
                *("dwong", "dwingt", "dwingen", "verplicht", "gelastte", "beval"),
                *("zwang", "zwingt", "zwingen", "verpflicht"),
                *("contraint", "contraignent", "oblige", "obligé", "forcé", "ordonné", "enjoint", "sommé"),
            ),
            (
                *("verkopen", "stoten", "doen", "verkaufen", "veräußern", "abzugeben", "abzustoßen"),
                *("céder", "vendre", "séparer", "défaire"),
            ),
        ),
    ],
}


def _may_match(low: str, branches: list[tuple[tuple[str, ...], ...]]) -> bool:
    return any(all(any(word in low for word in group) for group in branch) for branch in branches)


def _hit_in(doc: _Doc, rx: re.Pattern, start: int, end: int) -> bool:
    """The pattern matches inside [start, end): its matches over the whole text, found once per text."""
    spans = doc.match_cache.get(rx.pattern)
    if spans is None:
        needs = _NEEDED_WORDS.get(rx.pattern)
        if needs and doc.lower is not None and not _may_match(doc.lower, needs):
            spans = doc.match_cache[rx.pattern] = []
        else:
            spans = doc.match_cache[rx.pattern] = [(m.start(), m.end()) for m in rx.finditer(doc.text)]
    i = bisect_left(spans, (start, start))
    return i < len(spans) and spans[i][1] <= end


def _gap_hits(doc: _Doc) -> list[tuple[int, int, str]]:
    """The status cues with a gap ("keep * from acquiring", "imposed * conditions"), found once per text."""
    found = doc.match_cache.get("status gaps")
    if found is None:
        low = doc.text.lower()
        found = doc.match_cache["status gaps"] = [
            (m.start(), m.end(), st)
            for st, rx, head, words in doc.rules.status_gaps
            # a match holds every word of the cue; the head alone rules out few texts
            if head in low and (doc.lower is None or all(w in doc.lower for w in words))
            for m in rx.finditer(doc.text)
        ]
    return found


_STATE_NOUN = re.compile(
    r"\s+(?:state|government|regime|authorities|leadership|Communist\s+Party|intelligence\s+services?|État|"
    r"gouvernement|régime|autorités|staat|overheid|regering|Staat|Regierung|Führung)\b",
    re.IGNORECASE,
)
# a possibility about the company's asset ("the Chinese state could use the hub"), not the state's own conduct
_MAY = re.compile(
    r"(?<![\w-])(?:could|would|may|might|can|pourrait|pourraient|peut|zou|zouden|kan|kunnen|könnte|könnten|kann)(?![\w-])"
)


# what may stand before a sentence's subject: quotes, "Also"/"Ook"/"Auch"/..., an article
_SUBJECT_LEAD = re.compile(
    r"[\s\"“«„'‘]*(?:(?:Also|Ook|Auch|Aussi|Even|Earlier|Eerder|Zuvor|Déjà),?\s+)?"
    r"(?:(?:The|Le|La|L['’]|De|Het|Der|Die|Das)\s+)?"
)


def _opening_country(doc: _Doc, sent: Sentence) -> Hit | None:
    """The country word the sentence opens on, as its subject or the subject's adjective."""
    at = _SUBJECT_LEAD.match(doc.text, sent.start, sent.start + 30).end()
    hits = doc.countries_in(at, min(sent.end, at + 40))
    return hits[0] if hits and hits[0].start == at else None


def _state_subject(doc: _Doc, sent: Sentence) -> bool:
    """The sentence opens on a foreign state as its subject: "The Chinese state is conducting ..."."""
    hit = _opening_country(doc, sent)
    if hit is None or hit.key in (doc.host, "EU"):
        return False
    return bool(_STATE_NOUN.match(doc.text, hit.end)) and not _MAY.search(doc.text, hit.end, sent.end)


# a company denying the charge leaves the charge standing: "a claim the company denies", "which it
# denies", "Huawei has denied the allegations"
_DENIAL = re.compile(r"(?i:denies|denied|deny|ontkent|bestreitet|dément)")
_DENIER_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:company|firm|group|claims?|allegations?|accusations?|charges?)\s+(?:\w+\s+){0,2}|"
    r"\b(?:which|it|they|l['’]entreprise|le\s+groupe|het\s+bedrijf|das\s+Unternehmen|der\s+Konzern)\s+(?:has\s+|have\s+|had\s+)?)$"
)


def _company_denial(doc: _Doc, start: int, end: int) -> bool:
    if not _DENIAL.fullmatch(doc.text, start, end):
        return False
    before = doc.text[max(0, start - 40) : start]
    return bool(_DENIER_BEFORE.search(before)) or bool(
        re.search(r"(?:[A-Z][\w&.-]*)\s+(?:has\s+|have\s+|had\s+)?$", before)
        and re.match(
            r"\s+(?:the\s+|any\s+)?(?:allegations?|accusations?|claims?|charges?|wrongdoing)", doc.text[end : end + 30]
        )
    )


def _clauses(text: str, sent: Sentence) -> list[tuple[int, int]]:
    cuts = [sent.start]
    for m in re.finditer(
        r",\s+(?:while|whereas|but|alors\s+que|tandis\s+que|terwijl|während|after|nachdem|nadat|après\s+que)\s+|;\s+"
        # "... and Zangge Mining must pull out": a new subject with its own verb, not "Huawei and ZTE gear"
        r"|\s+(?:and|et|en|und)\s+(?=[A-Z][\w'’-]*(?:\s+[A-Z(][\w'’)-]*){0,3}\s+(?:must|has|have|had|is|was|will|would|"
        r"should|can|could|said|says|agreed|plans|wants|did|does|told|faces|needs|doit|moet|muss)\b)",
        text[sent.start : sent.end],
    ):
        cuts.append(sent.start + m.end())
    cuts.append(sent.end)
    return [(a, b) for a, b in pairwise(cuts) if b > a]


_YEAR_OPENING = re.compile(
    r"(?:(?:Back|Already|Even)\s+)?(?:In|Im\s+Jahr|En|In\s+het\s+jaar|Early|Late|Début|Fin|Anfang|Ende|Eind|Begin)\s+"
    r"(?:[a-zA-Zé]+\s+)?((?:19|20)\d\d)\b"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _told_of_an_earlier_year(doc: _Doc, at: int) -> bool:
    """Whether the sentence at `at` opens on a year before the latest the story names ("In 2018 it
    blocked ..." in a story of 2020)."""
    sent = doc.sentence_at(at)
    opening = _YEAR_OPENING.match(sent.text) if sent else None
    if opening is None:
        return False
    return int(opening.group(1)) < max(int(y) for y in _YEAR.findall(doc.text))


def _concerns(
    doc: _Doc, companies: list[_Company], agencies: list[FoundAgency], facilities: list[FoundFacility]
) -> list[FoundConcern]:
    text, rules = doc.text, doc.rules
    if not companies:
        return _unnamed_concerns(doc, agencies, facilities)
    by_name = {c.name: c for c in companies}
    # a unit in the host country of a foreign parent ("Virginia-based China Telecom Americas, the US
    # subsidiary of a Chinese carrier") is foreign-owned, not domestic
    owned_abroad = {
        c.name for c in companies if c.parent in by_name and by_name[c.parent].country not in (None, doc.host)
    }
    domestic = {c.name for c in companies if doc.host and c.country == doc.host and c.name not in owned_abroad}
    agency_spans = _agency_spans(doc, agencies)
    doc.officials = _officials(doc, agencies, agency_spans, companies)
    doc.officials_re = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(doc.officials, key=len, reverse=True)) + r")(?![\w-])"
    )
    all_agency_spans = SpanSet(s for spans in agency_spans.values() for s in spans)
    targets: set[tuple[int, int]] = set()
    buyers: set[str] = set()
    for co in companies:
        for s, e in co.mentions:
            sent = doc.sentence_at(s)
            pre = text[sent.start if sent else 0 : s]
            # the target of a deal, or a comparison ("Like Huawei, the firm..."), is not the subject
            if (
                rules.deal_before.search(pre[-60:])
                or _HELD_BEFORE.search(pre[-60:])
                or _COMPARISON.search(pre[-40:])
                or _SOLD_THING.search(pre[-80:])
                or _CHOSEN.search(pre[-80:])
            ):
                targets.add((s, e))
            if _SOLD_TO.search(pre[-100:]):
                buyers.add(co.name)
            if _FINDER.match(text, e, e + 30):
                targets.add((s, e))  # "after operator X found that the maker had remote access": a witness
            if _MEASURE_OBJECT.search(pre[-20:]):
                co.subject_score += 4
            if re.match(r"\s+(?:must|has\s+to|have\s+to|was\s+ordered\s+to)\s+", text[e : e + 30]):
                co.subject_score += 4
            co.subject_score += 1.5 if co.country and co.country != doc.host else 1
            if sent and (
                _categories(doc, sent.start, sent.end, all_agency_spans) or _status(doc, sent.start, sent.end)
            ):
                co.subject_score += 2
    if not any(c.country and c.country != doc.host for c in companies):
        domestic = set()  # a story about home companies only (a country's own champion)
    candidates = [c for c in companies if c.name not in domestic]
    if not candidates:
        return []
    foreign = [c for c in candidates if (c.country and c.country != doc.host) or c.name in owned_abroad]
    # the story's subject is a company known to be foreign, when there is one
    sold = {c.name for c in companies for m in c.mentions if m in targets}
    # the named buyer in "the sale of X to Y" is the case's subject, however often X is named
    # and so is a company that makes a deal for a target ("Flowserve renonce au rachat du canadien Velan")
    dealers = {c.name for c in foreign or candidates if c.name not in sold and _makes_deal(doc, c, targets)}
    # a parent and its unit named in the story are one party: their scores add up
    group_score = {
        c.name: c.subject_score
        + sum(o.subject_score for o in companies if o is not c and (o.parent == c.name or c.parent == o.name))
        for c in companies
    }
    pool = foreign or candidates
    # a firm named only where the story goes back to an earlier year ("In 2018 it blocked the takeover
    # of X by Y") has a case of its own, but is not the story's subject when another firm is there
    earlier = {c.name for c in pool if c.mentions and all(_told_of_an_earlier_year(doc, s) for s, _e in c.mentions)}
    main = max(
        [c for c in pool if c.name not in earlier] or pool,
        key=lambda c: (c.name in buyers and c.name not in sold, c.name in dealers and bool(sold), group_score[c.name]),
    )
    main_group = {main.name} | {c.name for c in companies if c.parent == main.name or c.name == main.parent}
    # a company of unknown origin is a concern's subject only as the story's main company, or when
    # it shares a measure with a foreign one: "added Chinese drone maker X and camera firm Y to its entity list"
    foreign_mentions = sorted(m for c in foreign for m in c.mentions if m not in targets)
    domestic |= {
        c.name
        for c in companies
        if not c.country and c.name not in main_group and not _listed_with(doc, c, foreign_mentions, targets)
    }
    rep = {c.name: _representative(c, companies, by_name) for c in companies}
    pairs: dict[tuple[str, str], dict] = {}
    statuses: dict[str, list[str]] = {}
    measured: dict[tuple[str, str], tuple[int, int]] = {}
    # before the story names its foreign company, a body's warning about a country's firms in
    # general is a case of its own with no company: "De Staatsveiligheid waarschuwt voor Chinese
    # investeerders in de havens", then, paragraphs on, the one terminal a Chinese firm runs
    first_named = min((s for c in companies if c.name not in domestic for s, e in c.mentions), default=len(text))
    # not in the sentence right before the company's first mention, which introduces the company
    # ("Chinese investors are buying into the port. COSCO holds 35 percent")
    before_named = [sent for sent in doc.content if sent.end <= first_named]
    general_end = before_named[-2].end if len(before_named) >= 2 and first_named < len(text) else first_named
    general: dict[str, tuple[int, int, str | None]] = {}
    last: tuple[int, Sentence | None, list[str]] = (-1, None, [])  # the sentence before, its foreign subjects
    for n_sent, sent in enumerate(doc.content):
        if sent.kind == "heading" and len(sent.text.split()) <= 5:
            continue  # a section heading ("Data on passengers", "Energieversorgung") states no concern
        negated = any(not _company_denial(doc, ns, ne) for ns, ne, _label in doc.cues_in(sent.start, sent.end, "neg"))
        here = [
            (s, e, c)
            for s, e, c in _mentions_in(companies, sent.start, sent.end)
            if c.name not in domestic and (s, e) not in targets
        ]
        speakers = {c.name for _s, e, c in here if _COMPANY_SPEAKS.match(text, e)}
        if speakers and not all_agency_spans.overlaps(sent.start, sent.end):
            if all(c.name in speakers for _s, _e, c in here):
                continue  # "Huawei zegt dat zijn apparaten voldoen": the company's own answer raises no concern
            # "Operator X said tests showed that Maker Y could access data": X speaks of Y
            here = [(s, e, c) for s, e, c in here if c.name not in speakers]
        sold_here = [c for _s, _e, c in _mentions_in(companies, sent.start, sent.end)]
        # "the sale of Y's plant to a Chinese investor" where the story names the main company as Y's buyer
        buyer_known = main.name in dealers and bool(sold_here) and all(c.name in sold for c in sold_here)
        if (
            not here
            and not buyer_known
            and _unnamed_buyer(doc, sent)
            and not _buyer_named_next(doc, sent, main, targets, companies)
        ):
            # "the purchase of X by a Chinese investor whose name was not given": the target is the case,
            # unless the next or previous sentence names the foreign buyer ("Der Fonds Y darf ... nicht kaufen")
            here = _mentions_in(companies, sent.start, sent.end)
        if not here and _state_subject(doc, sent) and not _status(doc, sent.start, sent.end):
            continue  # "The Chinese state is conducting cyber espionage": a state's conduct, not the company's
        # "Litauen hat bereits ein Gesetz verabschiedet, das chinesischen Herstellern ... untersagt":
        # another country's step against a country's firms in general, wherever it stands
        abroad = not here and _other_country_acts(doc, sent)
        if (
            not here
            and not negated
            and (sent.end <= general_end or abroad)
            and _generic_actors(doc, sent.start, sent.end)
            and (
                all_agency_spans.overlaps(sent.start, sent.end)
                or _government_acts(doc, sent.start, sent.end)
                or doc.cues_in(sent.start, sent.end, "gen")  # "volgens de inlichtingendienst"
                or abroad
            )
        ):
            status = _status(doc, sent.start, sent.end, all_agency_spans)
            cats = _categories(doc, sent.start, sent.end, all_agency_spans)
            if not (rules.deal_words.search(text, sent.start, sent.end) or _says_sale(doc, sent.start, sent.end)):
                # no deal in sight: "a law that prohibits Chinese makers remote access" bans, it blocks no deal
                cats.discard("investment_screening")
                status = "banned" if status == "blocked" else status
            for cat in sorted(cats):
                general.setdefault(cat, (sent.start, sent.end, status))
            if cats or abroad:
                continue
        units: list[tuple[int, int, list[_Company]]] = []
        subjects = list(dict.fromkeys(c.name for _s, _e, c in here))
        # a sentence that names no company goes on about the one company whose measure or danger the
        # sentence before it states ("The minister blocked the purchase of Y by X. The order said the
        # technology could serve the military"), when that company is of another group than the main one
        default = main
        if not subjects and last[0] == n_sent - 1:
            prev, names = last[1], last[2]
            # (checked only here: a measure or a danger in the sentence before)
            if (
                len(names) == 1
                and rep[names[0]] != rep[main.name]
                and (
                    _status(doc, prev.start, prev.end, all_agency_spans)
                    or _categories(doc, prev.start, prev.end, all_agency_spans)
                )
            ):
                default = by_name[names[0]]
        stated = [n for n in subjects if n not in sold and by_name[n].country and by_name[n].country != doc.host]
        last = (n_sent, sent, stated)
        if len(subjects) > 1:
            for a, b in _clauses(text, sent):
                names = list(dict.fromkeys(c.name for s, _e, c in here if a <= s < b))
                units.append((a, b, [by_name[n] for n in names] or [default]))
        else:
            units.append((sent.start, sent.end, [by_name[n] for n in subjects] or [default]))
        for a, b, subs in units:
            if len(subs) > 1 and any(c.name not in sold for c in subs):
                # "Sinochem's influence over Pirelli": a company the story has as a deal's target is not
                # a subject beside the company that holds or buys it
                subs = [c for c in subs if c.name not in sold]
            cats = set() if negated else _categories(doc, a, b, all_agency_spans)
            status = None if negated else _status(doc, a, b, all_agency_spans)
            if status == "divestment_ordered" or (
                status == "approved_with_conditions" and not _LICENCE_TERMS.search(text, a, b)
            ):
                # screening decisions by nature; conditions on a licence or an auction are not
                cats.add("investment_screening")
            elif (
                (
                    status == "under_review"
                    or (
                        status in ("blocked", "banned")
                        and (_STOPS_DEAL.search(text, a, b) or _hit_in(doc, _MAY_NOT_BUY, a, b))
                    )
                )
                and not (doc.may_hold((), _PRODUCT_SALE_WORDS) and _PRODUCT_SALE.search(text, a, b))
                and (
                    rules.deal_words.search(text, a, b)
                    or _says_sale(doc, a, b)
                    or (
                        status != "under_review"
                        and (
                            _LICENCE_DEAL.search(text, a, b)
                            or (_BUY_VERB.search(text, a, b) and not _PROCUREMENT.search(text, a, b))
                        )
                    )
                )
                and _government_acts(doc, a, b)
            ):
                # a government looking into a stake is a screening review, and stopping one a screening
                # decision: a sale "verboden" or "banned" by the state is a blocked deal
                cats.add("investment_screening")
                status = "blocked" if status == "banned" else status
            if not cats and not status:
                continue
            if (
                not status
                and cats == {"critical_infrastructure"}
                and sold_here
                and not subjects
                and not all_agency_spans.overlaps(a, b)
            ):
                # "the fundraising helps Rakuten pay for its mobile network": a home firm's own network,
                # no danger from the foreign one
                continue
            for co in subs:
                key = rep[co.name]
                if status:
                    statuses.setdefault(key, []).append(status)
                    measured.setdefault((key, status), (a, b))
                for cat in sorted(cats):  # a set: sorted, so the cases come out in the same order every run
                    old = pairs.get((key, cat))
                    named = any(a <= s < b for s, _e in co.mentions)
                    # a sentence that names the company and states its measure outdoes an earlier one that
                    # names no company and a weaker measure or none: "Both decisions were made under the
                    # Act" is not the case of the firm whose takeover "the government is also examining"
                    stronger = (
                        old is not None
                        and bool(status)
                        and old["status"] in (None, "under_review", "monitoring", "closed")
                        and STATUS_PRIORITY.index(status) < STATUS_PRIORITY.index(old["status"] or "closed")
                    )
                    if old is None or (old.get("implicit") and stronger and named):
                        pairs[(key, cat)] = {
                            "span": (a, b),
                            "status": status,
                            "companies": {key, co.name},
                            "implicit": not named,
                        }
    _implicit_concerns(doc, main, rep, agencies, pairs, statuses, measured)
    _shared_measure(main, rep, pairs, measured)
    _both_parties(doc, main, rep, foreign, sold, pairs)
    _side_bans(statuses, measured, pairs)
    if not pairs:
        _security_concern(doc, main, rep, by_name, pairs)
    _site_concerns(doc, companies, facilities, pairs)
    # the group's unit that makes the deal is a party to the group's case: "Cosco Shipping Ports, eine
    # Tochter des Cosco-Konzerns, wollte 35 Prozent ... übernehmen"
    for co in companies:
        if co.parent and rep[co.name] != co.name and _makes_deal(doc, co, targets):
            for (key, *_rest), info in pairs.items():
                if key == rep[co.name]:
                    info["companies"].add(co.name)
    concerns = []
    unstated: list[FoundConcern] = []
    borrowed: set[int] = set()  # concerns whose status is their agency's, not their sentence's
    sited: set[int] = set()  # kit seen at someone else's site: a sighting, not the measure
    for (key, cat, *_site), info in pairs.items():
        a, b = info["span"]
        ag = _concern_agency(
            doc, agencies, agency_spans, a, b, cat, info["status"], _lede_body(doc, key, by_name, agency_spans)
        )
        status = info["status"]
        if status == "blocked" and cat == "investment_screening" and "divestment_ordered" in statuses.get(key, []):
            # a deal already done is stopped by undoing it: "blocks takeover" in the headline, "ordered
            # X to sell the whole of Y" in the text is one divestment order
            status = "divestment_ordered"
        if status in (None, "under_review") and cat == "investment_screening":
            # a screening case stated without its outcome ("used its golden power rules on the stake"),
            # or by the review that led to it ("follows an intervention by CFIUS"), has the decision
            # stated elsewhere on the company ("will be barred from appointing ...", "has blocked")
            status = best_status([st for st in statuses.get(key, []) if st in _DECISIONS]) or status
        status = status or (_agency_status(doc, agency_spans.get(ag, [])) if ag else None)
        fac = info.get("facility") or _concern_facility(doc, facilities, key, by_name, a, b)
        # the quote is the statement itself, without a "STOCKHOLM, Oct 20 (Reuters) -" dateline
        dateline = _DATELINE.match(text, a, b)
        if dateline and (dateline.group(1) or dateline.group(2) or text[a : dateline.end()].strip()[:3].isupper()):
            a = dateline.end()
        quote = span(text, a, b)
        concerns.append(
            FoundConcern(
                categories=[cat],
                status=status or "other",
                quote=quote,
                summary=quote.quote[:300],
                companies=_subject_first(info["companies"] | _kin(key, by_name), key, by_name),
                agencies=[ag] if ag else [],
                facilities=[fac] if fac else [],
                host_country=doc.host,
                title=f"{key}: {cat.replace('_', ' ')}",
            )
        )
        if not status:
            unstated.append(concerns[-1])
            if _site:
                sited.add(id(concerns[-1]))
        elif not info["status"]:
            borrowed.add(id(concerns[-1]))
    # the danger a screening decision is about shares its fate: a deal blocked over know-how is a
    # blocked technology-transfer case, though the sentence naming the danger states no measure
    decided = {
        c.companies[0]: (c.status, bool(c.agencies))
        for c in concerns
        if "investment_screening" in c.categories and c.status in _DECISIONS and c.companies
    }
    # and a danger said of the deal under review shares the review: "het ministerie vreest dat de
    # technologie door de overname in handen van het Chinese leger kan komen"
    reviewed = {
        c.companies[0]
        for c in concerns
        if "investment_screening" in c.categories and c.status == "under_review" and c.companies
    }
    for c in concerns:
        key = c.companies[0] if c.companies else None
        if key not in reviewed or key in decided or c.status != "other" or len(c.categories) != 1:
            continue
        if rules.deal_words.search(text, c.quote.start, c.quote.end) or _says_sale(doc, c.quote.start, c.quote.end):
            c.status = "under_review"
    for c in concerns:
        if not c.companies or c.companies[0] not in decided or "investment_screening" in c.categories:
            continue
        status, by_body = decided[c.companies[0]]
        # and so does a danger whose sentence states no measure, rather than what its body did elsewhere
        # (a decision borrowed from the body's sentence on another company yields to the company's own)
        if (
            c in unstated
            or (by_body and id(c) in borrowed and c.status == "under_review")
            or (id(c) in borrowed and c.status in _DECISIONS and c.status != status)
        ):
            c.status = status
    # a danger stated with no measure, in a story whose only measure on the company is an open
    # review, is the review's: "Die Bundesregierung prüft ... Das BSI warnt, die Geräte könnten ..."
    for c in unstated:
        key = c.companies[0] if c.companies else None
        only_review = bool(key) and set(statuses.get(key, [])) == {"under_review"}
        # a state's review, not a newsroom's
        if (
            only_review
            and c.status == "other"
            and id(c) not in sited
            and _government_acts(doc, *measured[(key, "under_review")])
        ):
            c.status = "under_review"
    # a ban stated with no danger belongs to the company's dangers: "the government decided to ban
    # the app" and, two sentences on, "the authorities fear the users' data could reach Beijing"
    for key in {c.companies[0] for c in unstated if c.companies}:
        ban = measured.get((key, "banned"))
        if not ban or any(c.status == "banned" for c in concerns if c.companies and c.companies[0] == key):
            continue
        for c in unstated:
            if c.companies and c.companies[0] == key and c.status == "other" and id(c) not in sited:
                c.status = "banned"
                ag = _concern_agency(doc, agencies, agency_spans, *ban, c.categories[0], "banned")
                c.agencies = [ag] if ag else c.agencies
    # a ban that none of the company's cases took up is a case of its own ("other"): "the app could be
    # sold off under CFIUS's order ... a law also bars the app from government-issued devices"
    for (key, st), (a, b) in measured.items():
        if st != "banned" or not any(c.companies and c.companies[0] == key for c in concerns):
            continue
        if any(c.status == "banned" for c in concerns if c.companies and c.companies[0] == key):
            continue
        if _categories(doc, a, b, all_agency_spans):
            continue  # the ban's own sentence names a danger that some case already holds
        ag = _concern_agency(doc, agencies, agency_spans, a, b, "other", "banned")
        quote = span(text, a, b)
        concerns.append(
            FoundConcern(
                categories=["other"],
                status="banned",
                quote=quote,
                summary=quote.quote[:300],
                companies=_subject_first({key} | _kin(key, by_name), key, by_name),
                agencies=[ag] if ag else [],
                host_country=doc.host,
                title=f"{key}: other",
            )
        )
    # a review that ended without action closes the company's case: its review is no longer open, and
    # a finished review is no measure of the list ("other", as the corpus labels it)
    for c in concerns:
        key = c.companies[0] if c.companies else None
        done = "closed" in statuses.get(key, []) and not any(st in _DECISIONS for st in statuses.get(key, []))
        if c.status == "closed" or (done and c.status == "under_review"):
            c.status = "other"
    # a sanction is a measure of its own, outside the list of screening outcomes: it takes no
    # screening decision or review from the company's other cases ("was placed under sanctions")
    for c in concerns:
        if c.categories == ["sanctions"] and not (
            c.status == "banned" and _status(doc, c.quote.start, c.quote.end, all_agency_spans) == "banned"
        ):
            c.status = "other"
    if general:
        concerns.extend(_companyless_concerns(doc, agencies, facilities, general, body_measure=False))
    # one decision-maker orders all the divestments of a story, even where a clause leaves it unnamed
    kinds = {ag.name: ag.kind for ag in agencies}
    deciders = [
        c.agencies[0]
        for c in concerns
        if "investment_screening" in c.categories and c.agencies and kinds.get(c.agencies[0]) != "intelligence"
    ]
    for c in concerns:
        unnamed = not c.agencies or kinds.get(c.agencies[0]) == "intelligence"
        if deciders and "investment_screening" in c.categories and unnamed:
            c.agencies = [deciders[0]]
    return concerns


# a licence to a foreign firm is a deal the state can stop: "barred the university from licensing
# its technology to X", "ein Lizenzvertrag mit X", "un accord de licence"
_LICENCE_DEAL = re.compile(
    r"(?<![\w-])(?:licen[cs](?:e|es|ed|ing)|licentie\w*|Lizenz\w*|(?:accord|contrat)s?\s+de\s+licence|"
    r"sign(?:ing|ed)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?agreement)(?![\w-])",
    re.IGNORECASE,
)


# a state's own stop to a deal ("prohibited the acquisition"), not a way round one ("keep X from acquiring")
_STOPS_DEAL = re.compile(
    r"(?<![\w-])(?:ban|bans|banned|barred|barring|block\w*|veto\w*|prohibit\w*|refus\w*|reject\w*|untersag\w*|Untersagung|interdi\w*|bloqu\w*|"
    r"verbot\w*|verbied\w*|verboden|blokk\w*|geblokkeerd|tegengehouden|weiger\w*)(?![\w-])",
    re.IGNORECASE,
)


# what conditions attached to a licence or an auction are about: no investment screened
_LICENCE_TERMS = re.compile(
    r"(?<![\w-])(?:licen[cs]es?|auctions?|spectrum|frequenc\w+|Lizenz\w*|Frequenz\w*|Versteigerung\w*|licenties?|"
    r"vergunning\w*|veiling\w*|frequenties|enchères?|fréquences?)(?![\w-])",
    re.IGNORECASE,
)
# buying products is procurement, not a deal: "banned the Defense Department from buying drones"
_PROCUREMENT = re.compile(
    r"(?<![\w-])(?:buy\w*|bought|purchas\w*|procur\w*|kaufen|kauft|acheter|achète|kopen|koopt)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"{_PRODUCT_NOUNS}(?![\w-])",
    re.IGNORECASE,
)


# a country's firms in general: "Chinese investors", "entreprises chinoises", "Chinese bedrijven"
_GENERIC_ACTORS_AFTER = re.compile(
    r"(?:-(?:linked|backed|owned|controlled|based))?\s+(?:state-owned\s+|state\s+|staats\w*\s+)?"
    r"(?:companies|firms|investors|buyers|suppliers|vendors|enterprises|businesses|bedrijven|ondernemingen|"
    r"investeerders|leveranciers|kopers|Unternehmen|Firmen|Investoren|Konzernen?|Käufern?|Anbietern?|Herstellern?|"
    r"Lieferanten|"
    r"Staatskonzerne|Staatsunternehmen)(?![\w-])"
)
_GENERIC_ACTORS_BEFORE = re.compile(
    r"(?:entreprises|sociétés|investisseurs|groupes|acteurs|acheteurs|fournisseurs|capitaux|entités)\s+$"
)
# "three Chinese companies", "the five Chinese-linked investors": named firms counted, not firms in general
_COUNTED = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|these|those|both|the|deux|trois|quatre|cinq|ces|les\s+\w+|"
    r"twee|drie|vier|vijf|deze|die|zwei|drei|fünf|diese|beiden|die\s+\w+)\s+$",
    re.IGNORECASE,
)


def _other_country_acts(doc: _Doc, sent: Sentence) -> bool:
    """The sentence opens on another country than the host's, which acts: "Lithuania has already
    passed a law ...", "Ook Zweden heeft de leveranciers geweerd"."""
    hit = _opening_country(doc, sent)
    if hit is None or hit.kind != "country" or hit.key in (doc.host, "EU"):
        return False
    tail = doc.text[hit.end : min(sent.end, hit.end + 160)]
    return bool(_COUNTRY_ACTS.match(tail) or _COUNTRY_ACTS_LATE.match(tail) or _FOREIGN_LAW.match(tail))


_FOREIGN_LAW = re.compile(
    r"\s+(?:has|have|had|hat|hatte|heeft|a)\s+(?:already\s+|bereits\s+|schon\s+|al\s+|déjà\s+)?"
    r"(?:(?:a|an|its\s+own|ein|eine|een|une?)\s+(?:[\w-]+\s+)?)?(?:passed|adopted|introduced|verabschiedet|beschlossen|eingeführt|aangenomen|ingevoerd|adopté|voté)\b"
)


def _generic_actors(doc: _Doc, start: int, end: int) -> bool:
    """The clause speaks of a foreign country's firms in general, none of them counted or named."""
    for hit in doc.countries_in(start, end):
        if hit.kind != "adjective" or hit.key in (doc.host, "EU"):
            continue
        before = doc.text[max(start, hit.start - 20) : hit.start]
        if _GENERIC_ACTORS_AFTER.match(doc.text, hit.end) and not _COUNTED.search(before):
            return True
        if _GENERIC_ACTORS_BEFORE.search(doc.text, max(start, hit.start - 20), hit.start):
            return True
    return False


# a worry said in general words: "security issues tied to the use of Chinese technology", "warns against
# letting China in", "des risques pour la sécurité", "Sicherheitsbedenken", "veiligheidsrisico's"
_SECURITY_WORRY = re.compile(
    r"(?<![\w-])(?:(?:national\s+)?security\s+(?:issues?|concerns?|risks?|threats?|implications|grounds|reasons)|"
    r"warn(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?against|risques?\s+pour\s+la\s+sécurité|(?:raisons|motifs)\s+de\s+sécurité|"
    r"Sicherheitsbedenken|Sicherheitsrisik\w*|Sicherheitsgründen|veiligheidsrisico\w*|veiligheidsredenen|"
    r"veiligheidszorgen|dependency|dépendance|afhankelijkheid|Abhängigkeit)",
    re.IGNORECASE,
)
_INFRASTRUCTURE_SITES = {"energy_asset", "port_terminal", "airport", "data_centre", "logistics_hub"}


def _security_worry_case(doc: _Doc, companies: list[_Company], result: Extraction) -> list[FoundConcern]:
    """A story whose rules found no case but that names a foreign firm and a security worry in
    general words states one case: the foreign firm's, about the story's sites if they are
    infrastructure ("Romania exits its deal with CGN for the Cernavoda plant ... criticised over
    security issues"), else a screening case when a deal is told, else "other"."""
    # a story with no acting body still happens where its sites are
    host = doc.host or next((f.country for f in result.facilities if f.country), None)
    foreign = [c for c in result.companies if c.country and c.country != host]
    if not foreign or not host:
        return []
    worry = next(
        (
            sent
            for sent in doc.content
            if _SECURITY_WORRY.search(sent.text) and not doc.cues_in(sent.start, sent.end, "neg")
        ),
        None,
    )
    if worry is None:
        return []
    sites = [f for f in result.facilities if f.kind in _INFRASTRUCTURE_SITES]
    if sites:
        category = "critical_infrastructure"
    elif _hit_in(doc, DEAL_NOUN, 0, len(doc.text)):
        category = "investment_screening"
    else:
        category = "other"
    status = next((st for sent in doc.content if (st := _status(doc, sent.start, sent.end))), None) or "other"
    said = [a for a in result.agencies if any(worry.start <= e.start < worry.end for e in a.evidence)]
    acting = said or [a for a in result.agencies if a.country == doc.host and a.kind in ("intelligence", "screening")]
    quote = span(doc.text, worry.start, worry.end)
    subject = foreign[0].name
    return [
        FoundConcern(
            categories=[category],
            status=status,
            quote=quote,
            summary=quote.quote[:300],
            companies=[subject],
            agencies=[a.name for a in acting[:1]],
            facilities=[f.name for f in sites[:1]],
            host_country=host,
            title=f"{subject}: {category.replace('_', ' ')}",
        )
    ]


# a measure that settles a deal's fate makes a screening case: "ordered to sell", "approved on conditions"
_SCREENING_OUTCOMES = ("divestment_ordered", "approved_with_conditions")


def _side_measure_cases(doc: _Doc, companies: list[_Company], result: Extraction) -> list[FoundConcern]:
    """A foreign firm none of the story's cases takes in, named in a sentence that states a measure
    (a ban or a screening decision) and a security worry, is a case of its own: "Separately, the FCC
    voted to bar new equipment authorizations for DJI, citing national security risks" in a story
    about an entity listing.
    Only when the story has cases: a story with none is read whole by _security_worry_case."""
    if not result.concerns:
        return []
    parents = {c.name: c.parent for c in result.companies}
    covered = {n for c in result.concerns for n in c.companies}
    covered |= {parents.get(n) for n in covered} - {None}
    spans = _agency_spans(doc, result.agencies)
    found = []
    for co in companies:
        if co.name in covered or parents.get(co.name) in covered or not co.country or co.country == doc.host:
            continue
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            if sent is None or not doc.in_content(s) or not _SECURITY_WORRY.search(sent.text):
                continue
            status = _status(doc, sent.start, sent.end)
            if status not in ("banned", *_DECISIONS) or doc.cues_in(sent.start, sent.end, "neg"):
                continue
            category = "investment_screening" if status in _SCREENING_OUTCOMES else "other"
            agency = _concern_agency(doc, result.agencies, spans, sent.start, sent.end, category, status)
            quote = span(doc.text, sent.start, sent.end)
            found.append(
                FoundConcern(
                    categories=[category],
                    status=status,
                    quote=quote,
                    summary=quote.quote[:300],
                    companies=[co.name],
                    agencies=[agency] if agency else [],
                    host_country=doc.host,
                    title=f"{co.name}: {category.replace('_', ' ')}",
                )
            )
            break
    return found


def _unnamed_concerns(doc: _Doc, agencies: list[FoundAgency], facilities: list[FoundFacility]) -> list[FoundConcern]:
    """A story that names no company can still state a case: "Chinese buyers have bought land near
    the test range, which could be used for espionage". A sentence counts when a foreign country
    is named in it and the state acts or speaks there (a body, a government word, a measure)."""
    all_spans = SpanSet(s for sp in _agency_spans(doc, agencies).values() for s in sp)
    found: dict[str, tuple[int, int, str | None]] = {}
    # a security service's report, the story's one voice: each danger it lists is its view
    # (the foreign services it warns of are no voice: "les services de renseignement russes")
    intel = [ag for ag in agencies if ag.kind == "intelligence" and ag.country in (doc.host, None)]
    voice = (intel[0].evidence[0].start if intel[0].evidence else None) if len(intel) == 1 else None
    for sent in doc.content:
        if doc.cues_in(sent.start, sent.end, "neg"):
            continue
        foreign = any(h.key not in (doc.host, "EU") for h in doc.countries_in(sent.start, sent.end))
        if not foreign:
            continue
        cats = _categories(doc, sent.start, sent.end, all_spans)
        status = _status(doc, sent.start, sent.end)
        if status in _SCREENING_OUTCOMES:
            cats.add("investment_screening")
        if cats and (
            status
            or all_spans.overlaps(sent.start, sent.end)
            or _government_acts(doc, sent.start, sent.end)
            or doc.cues_in(sent.start, sent.end, "gen")  # "De inlichtingendienst ziet dat China ..."
            or (voice is not None and voice < sent.start)
        ):
            for cat in sorted(cats):
                found.setdefault(cat, (sent.start, sent.end, status))
    return _companyless_concerns(doc, agencies, facilities, found, body_measure=True)


def _companyless_concerns(
    doc: _Doc,
    agencies: list[FoundAgency],
    facilities: list[FoundFacility],
    found: dict[str, tuple[int, int, str | None]],
    *,
    body_measure: bool,
) -> list[FoundConcern]:
    """A case per category from its sentence [a, b) and status. With `body_measure`, a case that
    states no measure takes what its body did elsewhere in the story; a warning about a country's
    firms in general does not."""
    text = doc.text
    spans = _agency_spans(doc, agencies)
    concerns = []
    for cat, (a, b, status) in found.items():
        ag = _concern_agency(doc, agencies, spans, a, b, cat, status)
        if body_measure:
            status = status or (_agency_status(doc, spans.get(ag, [])) if ag else None)
        inside = [f.name for f in facilities if any(a <= ev.start < b for ev in f.evidence)]
        fac = inside[:1] or ([facilities[0].name] if len(facilities) == 1 else [])
        quote = span(text, a, b)
        concerns.append(
            FoundConcern(
                categories=[cat],
                status=status or "other",
                quote=quote,
                summary=quote.quote[:300],
                agencies=[ag] if ag else [],
                facilities=fac,
                host_country=doc.host,
                title=f"{fac[0] if fac else 'Unnamed company'}: {cat.replace('_', ' ')}",
            )
        )
    return concerns


_PAIRED = re.compile(r"\s*(?:,|and|en|et|und|&)\s*")


def _partner_cases(doc: _Doc, companies: list[_Company], concerns: list[FoundConcern]) -> list[FoundConcern]:
    """A warning about "Huawei en ZTE" goes on to say what it fears without naming either firm
    again ("het risico dat de apparatuur wordt gebruikt voor spionage"): each foreign firm named
    together with a case's subject gets a case of that kind too, one record per company."""
    foreign = {c.name: c for c in companies if c.country and c.country != doc.host}
    spans = sorted((s, e, c.name) for c in foreign.values() for s, e in c.mentions)
    partners: dict[str, set[str]] = {}
    for (_s1, e1, a), (s2, _e2, b) in pairwise(spans):
        if a != b and foreign[a].country == foreign[b].country and _PAIRED.fullmatch(doc.text, e1, s2):
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    found: list[FoundConcern] = []
    for concern in concerns:
        lead = concern.companies[0] if concern.companies else ""
        named = any(s < concern.quote.end and concern.quote.start < e for s, e, _n in spans)
        for partner in sorted(partners.get(lead, ())) if not named else ():
            if any(c.companies[:1] == [partner] and c.categories == concern.categories for c in [*concerns, *found]):
                continue
            found.append(dataclasses.replace(concern, companies=[partner], evidence=list(concern.evidence)))
    return found


def _subject_first(names: set[str], key: str, by_name: dict[str, _Company]) -> list[str]:
    """The case's subject, then the others in the order the story first names them (never the set's order)."""

    def place(n: str) -> tuple[bool, bool, int, str]:
        first = min((s for s, _e in by_name[n].mentions), default=None) if n in by_name else None
        return (n != key, first is None, first or 0, n)

    return sorted(names, key=place)


def _led_by_buyer(
    concerns: list[FoundConcern], targets: set[str], named_buyers: Sequence[str] = ()
) -> list[FoundConcern]:
    """A case led by the target (or the seller) of a deal whose buyer leads another case of the story,
    or is named as the buyer ("agreed to sell it to X"), is the buyer's: "Bund verbietet Übernahme von
    Leifeld" and "Yantai Taihai darf Leifeld nicht kaufen" are one case. A case so passed to the buyer
    joins the buyer's case of the same kind, the stronger status kept."""
    buyers = [c.companies[0] for c in concerns if c.companies and c.companies[0] not in targets]
    buyers += [n for n in named_buyers if n not in buyers]
    if not buyers:
        return concerns
    kept: list[FoundConcern] = []
    for concern in concerns:
        if not concern.companies or concern.companies[0] not in targets:
            kept.append(concern)
            continue
        kind = set(concern.categories)
        buyer = next(
            (c.companies[0] for c in concerns if c.companies and c.companies[0] in buyers and kind & set(c.categories)),
            buyers[0],
        )
        concern.companies = [buyer, *(n for n in concern.companies if n != buyer)]
        twin = next(
            (
                c
                for c in concerns
                if c is not concern and c.companies[:1] == [buyer] and c.categories == concern.categories
            ),
            None,
        )
        if twin is None:
            kept.append(concern)
            continue
        _merge_case(twin, concern)
    return kept


# "The orders require Yuxiao Fund, Black Stone Resources and Indian Ocean Shipping ... to dispose of":
# the firms between the order and the sale are each bound by it
_ORDERED_FIRMS = re.compile(_ORDER_VERB + rf"\s({_ORDER_GAP}+?)\bto\s+(?:sell|divest|dispose)\b")


def _firms_ordered(doc: _Doc, names: list[str], mentions: dict[str, list[tuple[int, int]]]) -> list[str]:
    """The names that the story's first order naming two or more of them binds to sell."""
    for sent in doc.content:
        order = _ORDERED_FIRMS.search(doc.text, sent.start, sent.end)
        if order:
            bound = [n for n in names if any(order.start(1) <= s and e <= order.end(1) for s, e in mentions.get(n, ()))]
            if len(bound) >= 2:
                return bound
    return []


def _one_case_per_firm_ordered(
    doc: _Doc, concerns: list[FoundConcern], companies: list[_Company]
) -> list[FoundConcern]:
    """One divestment case per firm an order names: a case is one company's (the store files a case
    under every company it involves), and one order binding three investors is three cases, each with
    the target and the other parties that are not bound."""
    mentions = {c.name: c.mentions for c in companies}
    out: list[FoundConcern] = []
    for concern in concerns:
        out.append(concern)
        if concern.status != "divestment_ordered" or len(concern.companies) < 2:
            continue
        bound = _firms_ordered(doc, concern.companies, mentions)
        if not bound:
            continue
        others = [n for n in concern.companies if n not in bound]
        concern.companies = [bound[0], *others]
        out += [dataclasses.replace(concern, companies=[name, *others]) for name in bound[1:]]
    return out


def _measure_kind_of_its_body(concerns: list[FoundConcern]) -> None:
    """A body's measure stated with no kind of danger is of the one kind its other measures of the
    story are: "the FCC stripped China Unicom Americas of its licence" over the network's security,
    then "revoked the authority of China Telecom Americas" and "turned down China Mobile"."""
    kinds: dict[str, set[str]] = {}
    firms: dict[str, set[str]] = {}  # the firms each body's measures of a named kind are about
    for c in concerns:
        if c.agencies and c.status in MEASURES and c.categories != ["other"]:
            kinds.setdefault(c.agencies[0], set()).update(c.categories)
            firms.setdefault(c.agencies[0], set()).update(c.companies[:1])
    for c in concerns:
        kind = kinds.get(c.agencies[0]) if c.agencies else None
        # another firm's: the same firm's measure of no named kind is a case of its own kind ("other")
        if (
            c.categories == ["other"]
            and c.status in MEASURES
            and kind
            and len(kind) == 1
            and not set(c.companies[:1]) & firms[c.agencies[0]]
        ):
            c.categories = sorted(kind)


def _no_bare_repeats(concerns: list[FoundConcern]) -> list[FoundConcern]:
    """A measure told again with no kind of danger ("the first time the golden power has been used")
    is the same firm's case of a named kind with that measure, not a case of its own."""
    kept: list[FoundConcern] = []
    for concern in concerns:
        twin = None
        if concern.categories == ["other"]:
            twin = next(
                (
                    c
                    for c in concerns
                    if c.categories != ["other"]
                    and c.companies
                    and c.companies[:1] == concern.companies[:1]
                    and c.status == concern.status
                    # one sentence stating two kinds ("Bruxelles soupçonne ... subventions étrangères") keeps both
                    and c.quote != concern.quote
                ),
                None,
            )
        if twin is None:
            kept.append(concern)
        else:
            _merge_case(twin, concern)
    return kept


def _one_case_per_group(concerns: list[FoundConcern], companies: list[FoundCompany]) -> list[FoundConcern]:
    """A case led by a parent and one of the same kind led by its unit are the unit's one case:
    "Syngenta ... owned by ChemChina" buys, and the veto is on Syngenta's deal."""
    parent_of = {c.name: c.parent for c in companies if c.parent}
    kept = []
    for concern in concerns:
        lead = concern.companies[0] if concern.companies else ""
        unit = next(
            (
                c
                for c in concerns
                if c is not concern
                and c.companies
                and parent_of.get(c.companies[0]) == lead
                and c.categories == concern.categories
            ),
            None,
        )
        if unit is None:
            kept.append(concern)
        else:
            _merge_case(unit, concern)
    return kept


def _merge_case(into: FoundConcern, other: FoundConcern) -> None:
    """One case told twice: the stronger status, every party, body, site and sentence of both."""
    into.status = best_status([into.status, other.status]) or into.status
    into.companies += [n for n in other.companies if n not in into.companies]
    into.agencies += [n for n in other.agencies if n not in into.agencies]
    into.facilities += [n for n in other.facilities if n not in into.facilities]
    into.evidence += [sp for sp in [other.quote, *other.evidence] if sp not in into.evidence]


def _transaction_parties(concerns: list[FoundConcern], companies: list[FoundCompany]) -> None:
    """A screening case is about a transaction: it involves every party of the story, not only its subject.

    The buyer, the seller, the target and their groups all take part in a reviewed or blocked
    deal, and so do the dangers raised about a company whose deal is screened in the story. A
    company that is the subject of another concern of the story belongs to that case. The
    subject stays first: it is what the case is matched and titled by.
    """
    subjects = {c.companies[0] for c in concerns if c.companies}
    dealt = {c.companies[0] for c in concerns if c.companies and _is_transaction(c)}
    for concern in concerns:
        if not (_is_transaction(concern) or (concern.companies and concern.companies[0] in dealt)):
            continue
        concern.companies.extend(
            fc.name for fc in companies if fc.name not in concern.companies and fc.name not in subjects
        )


def _is_transaction(concern: FoundConcern) -> bool:
    return "investment_screening" in concern.categories or concern.status in _TRANSACTION_STATUSES


# a contract to supply a sensitive site: "blocked Nuctech from supplying the scanners", "de levering van"
_SUPPLY_DEAL = re.compile(
    r"(?<![\w-])(?:suppl(?:y|ying)|contract|tender|fournir|fourniture|marché\s+public|leveren|levering|aanbesteding|"
    r"liefern|Lieferung|Auftrag|Ausschreibung)(?![\w-])",
    re.IGNORECASE,
)
_TURNED_DOWN = re.compile(
    r"(?<![\w-])(?:reject(?:s|ed)?|turned\s+down|rejet(?:é|ée|er|te)|refus(?:é|ée|er)|afgewezen|wees\s+\w+\s+af|"
    r"abgelehnt|lehnte)(?![\w-])",
    re.IGNORECASE,
)
_SALE_WORD = re.compile(r"(?<![\w-])(?:sale|verkoop|vente|cession|Verkauf|venta|vendita)(?![\w-])", re.IGNORECASE)
_SALE_WORDS = ("sale", "verkoop", "vente", "cession", "verkauf", "venta", "vendita")


def _says_sale(doc: _Doc, start: int, end: int) -> bool:
    """_SALE_WORD in [start, end); a text without one of its words is not searched."""
    return doc.may_hold((), _SALE_WORDS) and _SALE_WORD.search(doc.text, start, end) is not None


# goods sold, not a firm: "prohibits the sale or import of connected vehicles", "verbiedt de verkoop van
# beveiligingssoftware", "interdit la vente de smartphones": a ban on products is no screening decision
_PRODUCT_SALE = re.compile(
    r"(?<![\w-])(?:(?:sale|import)\s+or\s+(?:sale|import)|(?:sales?|verkoop|vente|Verkauf)\s+(?:of|van|de|des|von)\s+"
    r"(?:(?:its|their|zijn|hun|ses|leurs|seine[rn]?|ihre[rn]?)\s+)?(?:[a-zà-ÿ][\w-]*\s+){0,2}?[\w-]*(?:software|"
    r"products|produits|producten|Produkte\w*|devices|apparaten|appareils|Geräte\w*|vehicles|véhicules|voertuigen|"
    r"Fahrzeuge\w*|equipment|équipements?|apparatuur|phones|smartphones|téléphones|telefoons|drones|cameras|caméras|"
    r"Kameras|apps|applications|modems|routers|scanners|chips|puces|goods|marchandises|goederen|Waren))(?![\w-])",
    re.IGNORECASE,
)
# every match of _PRODUCT_SALE holds one of these in some case
_PRODUCT_SALE_WORDS = ("sale", "import", "verkoop", "vente", "verkauf")

_DECISIONS = ("divestment_ordered", "blocked", "approved_with_conditions")
_TRANSACTION_STATUSES = ("under_review", *_DECISIONS)

_BUYER_NOUN = re.compile(
    # "five Chinese-linked investors", "einen chinesischen Investor"
    r"(?:-(?:linked|backed|owned|controlled|based|affiliated))?\s+(?:[\w-]+\s+)?(?:investors?|buyers?|bidders?|acquirers?|Investors?|Käufers?|Bieters?|Erwerbers?|investisseurs?|"
    r"acquéreurs?|repreneurs?|acheteurs?|investeerders?|kopers?|overnemers?|"
    # "to block Chinese investment", "a Chinese national": money or people of that country
    r"investments?|investissements?|investeringen|Investitionen|nationals?|ressortissants?)(?![\w-])"
)


_BUYER_BEFORE = re.compile(r"(?:acquéreur|investisseur|repreneur|acheteur)s?\s+$")

_TAKEOVER_BY = re.compile(
    r"(?:takeover|acquisition|purchase|overname|aankoop|rachat|acquisition|Übernahme|Kauf|Erwerb)\b[^.;]{0,80}?"
    r"\b(?:by|door|par|durch)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SHARE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent|pour\s+cent|procent|Prozent)", re.IGNORECASE)


_LISTED_WITH = re.compile(r"\s*(?:,|and|et|en|und|as\s+well\s+as|ainsi\s+que|sowie|evenals)\s+(?:[\w-]+\s+){0,3}")


def _listed_with(doc: _Doc, co: _Company, foreign: list[tuple[int, int]], targets: set[tuple[int, int]]) -> bool:
    """The company is named right after a foreign subject in a list that a measure or danger covers."""
    for s, _e in co.mentions:
        if (s, _e) in targets:
            continue
        i = bisect_left(foreign, (s, s)) - 1
        if i < 0 or not _LISTED_WITH.fullmatch(doc.text, foreign[i][1], s):
            continue
        sent = doc.sentence_at(s)
        if doc.names_danger_or_measure(sent):
            return True
    return False


# the company buys: "X darf die Tochter nicht kaufen", "X wanted to buy", "X veut racheter"
_BUY_VERB = re.compile(
    r"(?<![\w-])(?:buy|buys|buying|bought|kaufen|kauft|kaufte|übernehmen|übernimmt|kopen|koopt|kocht|overnemen|"
    r"racheter|rachète|rachetait|acquérir)(?![\w-])",
    re.IGNORECASE,
)


def _makes_deal(doc: _Doc, co: _Company, targets: set[tuple[int, int]]) -> bool:
    """The company, not the object of a deal, is named before a stake in its sentence."""
    for s, e in co.mentions:
        sent = doc.sentence_at(s)
        if sent and (s, e) not in targets:
            rest = doc.text[e : sent.end]
            if _SHARE.search(rest) or doc.rules.deal_words.search(rest) or _BUY_VERB.search(rest):
                return True
            if _TAKEOVER_BY.search(doc.text, max(sent.start, s - 120), s):
                return True  # "de overname van Nowi door chipmaker X": the buyer comes after "door"
    return False


def _unnamed_buyer(doc: _Doc, sent: Sentence) -> bool:
    """A buyer known only by its country: "einen chinesischen Investor", "un acquéreur chinois"."""
    for hit in doc.countries_in(sent.start, sent.end):
        if hit.kind != "adjective":
            continue
        if _BUYER_NOUN.match(doc.text, hit.end) or _BUYER_BEFORE.search(
            doc.text, max(sent.start, hit.start - 16), hit.start
        ):
            return True
    return False


def _buyer_named_next(
    doc: _Doc, sent: Sentence, main: _Company, targets: set[tuple[int, int]], companies: list[_Company]
) -> bool:
    """The story's foreign main company is named as a buyer in the next sentence: "... durch einen
    chinesischen Investor untersagt. Der Fonds X darf die Tochter nicht kaufen" names the investor."""
    if not (main.country and main.country != doc.host):
        return False
    i = next((k for k, s in enumerate(doc.content) if s.start == sent.start), None)
    if i is None or i + 1 >= len(doc.content):
        return False
    nxt = doc.content[i + 1]
    # "... an einen chinesischen Investor untersagt. Das Kabinett stoppte die Übernahme durch die
    # schwedische Firma X, eine Tochter von Y": the buyer after "durch", or a unit of the main company
    group = [main, *(c for c in companies if c.parent == main.name)]
    return any(
        nxt.start <= s < nxt.end
        and (s, e) not in targets
        and bool(
            _BUY_VERB.search(doc.text, e, nxt.end)
            or doc.rules.deal_words.search(doc.text, e, nxt.end)
            or _TAKEOVER_BY.search(doc.text, max(nxt.start, s - 120), s)
        )
        for co in group
        for s, e in co.mentions
    )


def _government_acts(doc: _Doc, start: int, end: int) -> bool:
    """The clause has a state actor: a named agency, or a government/cabinet/ministry word."""
    if any(h.kind == "agency" and start <= h.start < end for h in doc.entity_hits):
        return True
    if _official_in(doc, start, end):
        return True  # "Kwarteng barred the university from ...": a minister named by surname
    return bool(doc.rules.government_re.search(doc.text, start, end)) or bool(
        re.search(
            # German compounds too: "das Bundeswirtschaftsministerium prüft", "Wirtschaftsminister Habeck"
            r"\b(?:ministry|minister|ministerie|ministère|\w*[Mm]inisterium|[A-ZÄÖÜ]\w*minister|kabinet|Kabinett|cabinet|Bund|"
            r"[A-ZÄÖÜ]\w*(?:regierung|verfassungsschutz|nachrichtendienst|behörde))\b"
            # a head of state or government, or a minister by title: "Trump has blocked", "US-Präsident"
            r"|(?<![\w-])(?:[Pp]resident|[Pp]résident|[Pp]räsident|[Pp]residente|[Pp]rime\s+[Mm]inister|[Pp]remier|"
            r"[Cc]hancellor|Kanzler\w*|[Tt]reasurer|[Ss]ecretary|White\s+House|Weiße\w*\s+Haus\w*)(?![\w-])",
            doc.text[start:end],
            re.IGNORECASE,
        )
    )


_EQUIPMENT = re.compile(
    r"(?<![\w-])(?:cameras?|equipment|kit|gear|devices?|hardware|scanners?|sensors?|systems?|routers?|antennas?|"
    r"caméras?|équipements?|matériel|appareils?|scanners?|capteurs?|camera's|apparatuur|systemen|Kameras?|Ausrüstung|"
    r"Geräte|Technik|Komponenten|components?|installed|installés?|geïnstalleerd|installiert)(?![\w-])",
    re.IGNORECASE,
)


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
            if (
                not fac.name[:1].isupper()
                or fac.kind not in ("office", "other")
                or (fac.operator and fac.operator in group)
            ):
                continue
            for ev in fac.evidence:
                # the company's kit is there ("Hikvision cameras are visible at"), not merely the company nearby
                if not _EQUIPMENT.search(doc.text, ev.start, ev.end):
                    continue
                if any(ev.start <= s < ev.end for c in group for s, _e in by_name[c].mentions):
                    pairs.setdefault(
                        (key, cat, fac.name),
                        {"span": (ev.start, ev.end), "status": None, "companies": {key}, "facility": fac.name},
                    )
                    break


_SECURITY_RISK = re.compile(
    r"(?<![\w-])(?:national[- ]security|security\s+(?:risks?|concerns?|threats?|grounds)|sécurité\s+nationale|"
    r"risques?\s+pour\s+la\s+sécurité|nationale\s+veiligheid|veiligheidsrisico\w*|nationalen?\s+Sicherheit|"
    r"Sicherheitsrisik\w*|Sicherheitsbedenken|öffentliche[n]?\s+(?:Ordnung\s+und\s+)?Sicherheit)(?![\w-])",
    re.IGNORECASE,
)


# the infrastructure a security worry may be about, in the four languages (any case)
_INFRASTRUCTURE = re.compile(
    r"(?<![\w-])(?:(?:sea)?ports?|harbou?rs?|terminals?|canal|waterway|grids?|pipelines?|power\s+(?:plants?|stations?)|"
    r"nuclear|airports?|réseau\s+électrique|gazoduc|oléoduc|aéroport|centrale|haven|stroomnet|pijpleiding|luchthaven|"
    r"kerncentrale|hafens?|stromnetz|flughafen|(?:atom)?kraftwerk)(?![\w-])",
    re.IGNORECASE,
)


def _security_concern(
    doc: _Doc, main: _Company, rep: dict[str, str], by_name: dict[str, _Company], pairs: dict[tuple[str, str], dict]
) -> None:
    """A story that names no danger and no measure but a security worry about its company is still a
    case ("Lawmakers have raised national security concerns about X, which bought a stake in the
    port"): the first such sentence about the company, else the first at all."""
    group = {main.name} | {c.name for c in by_name.values() if c.parent == main.name or c.name == main.parent}
    first = None
    for sent in doc.content:
        if doc.cues_in(sent.start, sent.end, "neg") or not _SECURITY_RISK.search(doc.text, sent.start, sent.end):
            continue
        named = any(sent.start <= s < sent.end for n in group for s, _e in by_name[n].mentions)
        if named or first is None:
            first = sent
        if named:
            break
    if first is None:
        return
    a, b = first.start, first.end
    status = _status(doc, a, b)
    screening = bool(doc.rules.deal_words.search(doc.text, a, b)) and _government_acts(doc, a, b)
    key = rep[main.name]
    cat = "investment_screening" if screening else "other"
    if cat == "other" and (_INFRASTRUCTURE.search(doc.text, a, b) or _INFRASTRUCTURE.search(doc.title)):
        cat = "critical_infrastructure"  # a security worry about a port, a grid, a pipeline
    pairs[(key, cat)] = {"span": (a, b), "status": status, "companies": {key, main.name}}


def _implicit_concerns(
    doc: _Doc,
    main: _Company,
    rep: dict[str, str],
    agencies: list[FoundAgency],
    pairs: dict[tuple[str, str], dict],
    statuses: dict[str, list[str]],
    measured: dict[tuple[str, str], tuple[int, int]] | None = None,
) -> None:
    """A measure with no stated danger is still a case; a screening body's interest is one."""
    key = rep[main.name]
    has_cat = any(k == key for k, _c in pairs)
    screening = [a for a in agencies if a.kind == "screening"]
    if screening and (key, "investment_screening") not in pairs:
        # the sentence stating the company's outcome, else the screening body's first mention
        best = best_status(statuses.get(key, []))
        if best in ("under_review", "monitoring") and "closed" in statuses.get(key, []):
            best = "closed"  # the review's end is the outcome
        ev = screening[0].evidence[0] if screening[0].evidence else None
        span = (measured or {}).get((key, best)) if best else None
        if span or ev:
            a, b = span or (ev.start, ev.end)
            names = SpanSet(sp for spans in _agency_spans(doc, agencies).values() for sp in spans)
            st = _status(doc, a, b, names)
            pairs[(key, "investment_screening")] = {"span": (a, b), "status": st, "companies": {key}}
            return
    for name, sts in statuses.items():
        best = best_status(sts)
        stated = (measured or {}).get((name, best))
        # a supplier shut out of a contract, or a proposal turned down, is a screening case of its own
        # beside the dangers it is about ("the government blocked Nuctech from supplying the scanners";
        # "rejected a $1 billion proposal from BYD"; "would give away its technology"); a deal stopped is
        # one already where its sentence says so (a state buying the stake itself is not)
        shut_out = (
            name == key
            and (key, "investment_screening") not in pairs
            and best in ("divestment_ordered", "blocked")
            and stated is not None
            and (
                (_SUPPLY_DEAL.search(doc.text, *stated) and not _PRODUCT_SALE.search(doc.text, *stated))
                or (best == "blocked" and _TURNED_DOWN.search(doc.text, *stated))
            )
        )
        if not shut_out and (any(k == name for k, _c in pairs) or (name == key and has_cat)):
            continue
        cat = (
            "investment_screening" if best in ("divestment_ordered", "blocked", "approved_with_conditions") else "other"
        )
        if name != key and cat == "other":
            continue  # a side company's "removed" or "monitored" is too thin for a case of its own
        # the sentence that stated this company's measure, else the first that states such a measure
        where = stated or next(
            ((sent.start, sent.end) for sent in doc.content if _status(doc, sent.start, sent.end) == best), None
        )
        if where:
            pairs[(name, cat)] = {"span": where, "status": best, "companies": {name}}


def _lede_body(
    doc: _Doc, key: str, by_name: dict[str, _Company], spans: dict[str, list[tuple[int, int]]]
) -> str | None:
    """The one listed body named in the first of the story's two opening sentences that names the company."""
    mentions = by_name[key].mentions if key in by_name else []
    for sent in doc.content[:2]:
        if any(sent.start <= s < sent.end for s, _e in mentions):
            names = [n for n, sp in spans.items() if any(sent.start <= s < sent.end for s, _e in sp)]
            return names[0] if len(names) == 1 else None
    return None


def _shared_measure(
    main: _Company,
    rep: dict[str, str],
    pairs: dict[tuple[str, ...], dict],
    measured: dict[tuple[str, str], tuple[int, int]],
) -> None:
    """Companies named in a measure that states no danger share the danger of the main company's same
    measure: "... banning equipment from X over its 5G risk; the rules also bar the sale of kit made by
    Y and Z" gives Y and Z the same case as X."""
    key = rep[main.name]
    for (name, status), (a, b) in measured.items():
        if name == key or status not in ("banned", "blocked", "divestment_ordered"):
            continue
        if any(k[0] == name for k in pairs):
            continue
        cats = [
            (info["span"], k[1])
            for k, info in pairs.items()
            if k[0] == key and len(k) == 2 and info["status"] == status
        ]
        if cats:
            cat = min(cats)[1]
            pairs[(name, cat)] = {"span": (a, b), "status": status, "companies": {name}}


_HOW_MANY = {
    "two": 2, "both": 2, "deux": 2, "twee": 2, "beide": 2, "zwei": 2, "beiden": 2, "three": 3, "trois": 3,
    "drie": 3, "drei": 3, "four": 4, "quatre": 4, "vier": 4, "five": 5, "cinq": 5, "vijf": 5, "fünf": 5,
    "six": 6, "zes": 6, "sechs": 6,
}  # fmt: skip
_BOTH = re.compile(
    r"(?<![\w-])(?P<n>" + "|".join(sorted(_HOW_MANY, key=len, reverse=True)) + r")\s+(?:[\w-]+\s+)?"
    r"(?:bidders?|buyers?|offers?|bids?|companies|firms|investors?|"
    r"acquirers?|suppliers?|makers?|vendors?|groups?|acheteurs?|candidats|repreneurs|offres|entreprises|sociétés|"
    r"fournisseurs|groupes|bieders|kopers|biedingen|bedrijven|leveranciers|fabrikanten|Bieter|Käufer|Investoren|"
    r"Angebote|Unternehmen|Firmen|Hersteller|Anbieter|Konzerne)(?![\w-])",
    re.IGNORECASE,
)


def _both_parties(
    doc: _Doc, main: _Company, rep: dict[str, str], foreign: list[_Company], sold: set[str], pairs: dict
) -> None:
    """A measure on "two foreign bidders", "both offers" or "all five companies", where the story has
    that many foreign parties, is a case of each: "block the sale of Ausgrid to two foreign bidders"
    (State Grid and CKI), "All five companies already sit on the FCC's Covered List"."""
    key = rep[main.name]
    others = {rep[c.name] for c in foreign if c.name not in sold and rep[c.name] != key}
    if not others:
        return
    for k, info in list(pairs.items()):
        if k[0] != key or len(k) != 2:
            continue
        m = _BOTH.search(doc.text, *info["span"])
        if not m or _HOW_MANY[m.group("n").lower()] != len(others) + 1:
            continue
        for other in others:
            if (other, k[1]) not in pairs and (len(others) > 1 or not any(p[0] == other for p in pairs)):
                pairs[(other, k[1])] = {"span": info["span"], "status": info["status"], "companies": {other}}


def _side_bans(
    statuses: dict[str, list[str]],
    measured: dict[tuple[str, str], tuple[int, int]],
    pairs: dict[tuple[str, ...], dict],
) -> None:
    """A side company banned on its own, with no danger stated and none shared, is still a case of
    its own kind ("other"): "the regulator has also designated X and Y as threats and barred them"."""
    for name, sts in statuses.items():
        if best_status(sts) == "banned" and not any(k[0] == name for k in pairs):
            pairs[(name, "other")] = {"span": measured[(name, "banned")], "status": "banned", "companies": {name}}


def _kin(key: str, by_name: dict[str, _Company]) -> set[str]:
    """The subject's parent and subsidiaries in the story are parties to its case: a foreign-owned
    firm in the host country ("het Nijmeegse Nexperia, in handen van het Chinese Wingtech") is
    the case as much as its owner."""
    parent = by_name[key].parent if key in by_name else None
    return {c.name for c in by_name.values() if c.parent == key or (parent and c.name == parent)}


def _representative(co: _Company, companies: list[_Company], by_name: dict[str, _Company]) -> str:
    """A parent and its subsidiaries are one party; the one the story names most stands for it."""
    group = {co.name}
    changed = True
    while changed:
        changed = False
        for c in companies:
            linked = c.parent in group or any(by_name[g].parent == c.name for g in group if g in by_name)
            if c.name not in group and linked:
                group.add(c.name)
                changed = True
    return max(group, key=lambda n: (len(by_name[n].mentions), n))


def _agency_spans(doc: _Doc, agencies: list[FoundAgency]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for ag in agencies:
        for form in {ag.name, *ag.aliases, *([ag.acronym] if ag.acronym else [])}:
            for found in name_spans(doc.text, form, ignore_case=len(form) > 5):
                spans.setdefault(ag.name, []).append(found)
    return spans


# an official named with the body's title: "The culture secretary, Lucy Frazer, has", "sagte
# Bundeswirtschaftsminister Robert Habeck"; the surname alone then stands for the body ("Frazer said")
_PERSON_AFTER = re.compile(r"(?:,\s+|\s+)(?-i:[A-Z][a-zà-ÿ'’-]+\s+){1,2}(?-i:([A-Z][a-zà-ÿ'’-]{2,}))(?=[\s,.;:])")
_NOT_A_NAME = re.compile(
    r"(?:The|Le|La|Les|De|Het|Der|Die|Das|On|In|At|And|Et|En|Und|Am|Im|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)$"
)


def _officials(
    doc: _Doc, agencies: list[FoundAgency], spans: dict[str, list[tuple[int, int]]], companies: list[_Company] = ()
) -> dict[str, str]:
    """Surnames of the officials the story names with a body's title, each with that body."""
    found: dict[str, str] = {}
    # "the Italian government, Sinochem Holdings and ...": a company named next to the body is no official
    firm_words = {w for c in companies for w in c.name.split()}
    firm_spans = SpanSet(m for c in companies for m in c.mentions)
    kinds = {ag.name: ag.kind for ag in agencies}
    for name, places in spans.items():
        if kinds.get(name) == "parliament":
            continue
        for _s, e in places:
            m = _PERSON_AFTER.match(doc.text, e)
            if not m or doc.text[e : m.start(1)].count("\n"):
                continue
            words = doc.text[e : m.end(1)].replace(",", " ").split()
            if any(_NOT_A_NAME.match(w) for w in words) or any(m.group(1) in (ag.name, *ag.aliases) for ag in agencies):
                continue
            if m.group(1) in firm_words or firm_spans.overlaps(e, m.end(1)) or doc.countries_in(e, m.end(1)):
                continue
            found.setdefault(m.group(1), name)
    return found


def _official_in(doc: _Doc, start: int, end: int) -> str | None:
    """The body of an official named by surname in the clause: "Kwarteng barred the university"."""
    officials = getattr(doc, "officials", None)
    if not officials:
        return None
    m = doc.officials_re.search(doc.text, start, end)
    return officials[m.group(0)] if m else None


_PRONOUN_START = re.compile(
    r"\s*[\"“]?(?:It|They|He|She|The\s+(?:agency|body|committee|panel|ministry|regulator)|Il|Elle|Ils|Elles|Het|Zij|Ze|Er|Sie)\b"
    # a demonstrative subject carries on the sentence before: "Die vormen een bedreiging voor ..."
    r"|\s*(?:This|These|That|Those|Die|Dat|Dit|Deze|Dies|Diese|Cela|Ceci)\s+(?-i:[a-zäöüéè])"
)
# a quote closed by a pronoun speaker: '"...", zei ze', '"...", he said', '« ... », a-t-elle dit'
_SPEAKER_PRONOUN = re.compile(
    r"[\"”»']\s*,?\s*(?:(?:said|says)\s+(?:he|she)|(?:he|she)\s+(?:said|says)|(?:zei|zegt)\s+(?:hij|ze|zij)|"
    r"(?:sagte|sagt)\s+(?:er|sie)|a-t-(?:il|elle)\s+(?:dit|déclaré|ajouté)|(?:dit|ajoute)-t?-?(?:il|elle))\b"
)
_MEMBERS = re.compile(
    r"(?<![\w-])(?:MPs|lawmakers|legislators|parliamentarians|senators|Kamerleden|parlementariërs|députés|"
    r"sénateurs|parlementaires|Abgeordneten?|Parlamentarier)(?![\w-])"
)
_DATELINE = re.compile(
    r"\s*[A-Z][\w .,'’/-]{1,40}?(\([\w .&-]{1,30}\))?\s*(?:—|--|–)\s+"
    r"|\s*[A-Z][\w .,'’/-]{1,40}?(\([\w .&-]{1,30}\))\s*-\s+"
)
_COUNTRY_VOICES = re.compile(
    r"\s+(?:officials\s+|authorities\s+)?(?:have\s+|has\s+|had\s+)?(?:voiced|warned|argued|expressed|raised|fear|fears|feared)\b"
)
_POSITION_OF_COUNTRY = re.compile(r"\b(?:according\s+to|selon|volgens|laut)\s+(?:the\s+)?$", re.IGNORECASE)


# the city as a subject, a lower-case verb after it: "Bruxelles soupçonne", not "Brussels Airlines"
_BRUSSELS_ACTS = re.compile(r"(?<![\w-])(?:Brussels|Bruxelles|Brussel|Brüssel)\s+(?!airport)[a-zà-ÿ]")


# "The United Kingdom is shutting ...", "Sweden has banned ...": a country as the subject that acts
_COUNTRY_ACTS_NEXT = re.compile(rf"\s+{_ACTION_VERBS}\b|\s+is\s+\w+ing\b")


# a country acting in a headline's present tense: "Italy curbs ...", "Norway blocks ...", "La France
# bloque ...", "Nederland verbiedt ...", "Deutschland untersagt ..."
_HEADLINE_ACTS = re.compile(
    r"\s+(?:blocks|bans|curbs|orders|vetoes|approves|clears|probes|rejects|halts|forces|restricts|limits|imposes|"
    r"stops|bars|reviews|scrutini[sz]es|investigates|tightens|bloque|interdit|ordonne|impose|refuse|autorise|"
    r"oppose|exclut|écarte|bannit|sanctionne|blokkeert|verbiedt|weigert|dwingt|onderzoekt|weert|sluit|blockiert|"
    r"verbietet|untersagt|stoppt|prüft|zwingt|schließt|verbannt|excludes|expels|shuts)(?![\w-])"
)


_AFTER_BODY_BEFORE = re.compile(
    r"(?<![\w-])(?:after|following|like|na|zoals|net\s+als|nach|wie|ebenso\s+wie|après|comme)\s+"
    r"(?:the\s+|de\s+|het\s+|der\s+|die\s+|dem\s+|den\s+|la\s+|le\s+|l['’]\s*)?$",
    re.IGNORECASE,
)


def _precedent_body(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Every mention of the body in [lo, hi) follows "after", "like", "na", "nach", "après"."""
    inside = [s for s, _e in spans if lo <= s < hi]
    return bool(inside) and all(_AFTER_BODY_BEFORE.search(text, max(lo, s - 20), s) for s in inside)


def _concern_agency(
    doc: _Doc,
    agencies: list[FoundAgency],
    spans: dict[str, list[tuple[int, int]]],
    a: int,
    b: int,
    category: str,
    status: str | None = None,
    lede: str | None = None,
) -> str | None:
    """The body that acted or spoke: one named in the sentence, the subject of the sentence before
    ("It will publish..."), the government of a country that acts ("The United Kingdom is shutting"),
    else the story's screening or intelligence body. A foreign country's view ("According to the
    US, ...") has no agency."""
    sent = doc.sentence_at(a)
    lo, hi = (sent.start, sent.end) if sent else (a, b)
    inside = [ag for ag in agencies if any(lo <= s < hi for s, _e in spans.get(ag.name, []))]
    order = {"intelligence": 0, "screening": 0, "regulator": 1, "ministry": 2, "other": 2, "parliament": 3}
    if status in (*_DECISIONS, "banned"):
        # a measure is taken by a government, a ministry or a regulator; a security service only advises
        order = {"screening": 0, "regulator": 1, "ministry": 2, "other": 2, "intelligence": 3, "parliament": 4}
    if inside and status in (*_DECISIONS, "banned") and all(ag.kind == "intelligence" for ag in inside):
        # "le régulateur ... s'appuie sur les évaluations de la Säpo": the body that decides is the
        # one "the regulator" points back to, not the service whose advice it followed
        named = _named_before(agencies, spans, doc.text, lo, hi)
        deciding = next((ag for ag in agencies if ag.name == named and ag.kind != "intelligence"), None)
        if deciding:
            return deciding.name
    if len(inside) > 1:
        # "Na de Vlaamse regering verbiedt nu ook de federale regering ...": the body that went
        # before is a precedent; the other one acts
        acting = [ag for ag in inside if not _precedent_body(doc.text, spans.get(ag.name, []), lo, hi)]
        inside = acting or inside
    if inside:
        return min(inside, key=lambda ag: order.get(ag.kind, 4)).name
    official = _official_in(doc, lo, hi)
    if official:
        return official
    text = doc.text
    for hit in doc.countries_in(lo, hi):
        if hit.kind not in ("country", "capital"):  # "Ottawa bloque la vente": a capital acts for its state
            continue
        if _POSITION_OF_COUNTRY.search(text[max(lo, hit.start - 25) : hit.start]) or _COUNTRY_VOICES.match(
            text[hit.end : hit.end + 40]
        ):
            return None  # another country's view, not a body's act
        if _COUNTRY_ACTS_NEXT.match(text, hit.end, hit.end + 30) or _HEADLINE_ACTS.match(text, hit.end, hit.end + 30):
            gov = next((ag for ag in agencies if ag.country == hit.key and _is_government_name(ag.name)), None)
            if gov:
                return gov.name
            # "Sweden has banned ..." in a story that names Sweden's regulator, not its government:
            # the country's own deciding body acted, not another country's that took a like measure
            own = [ag for ag in agencies if ag.country == hit.key and ag.kind in ("screening", "regulator", "ministry")]
            if own:
                return min(own, key=lambda ag: order.get(ag.kind, 4)).name
    named = _named_before(agencies, spans, text, lo, hi)
    if named:
        return named
    if _BRUSSELS_ACTS.search(text, lo, hi):
        # "Bruxelles soupçonne l'entreprise ...": the EU's seat stands for its Commission
        commission = [ag for ag in agencies if ag.country == "EU" and re.search(r"commission", ag.name, re.I)]
        if commission:
            return commission[0].name
    if re.search(
        r"\b(?:the\s+government|le\s+gouvernement|de\s+regering|die\s+Regierung)\b|"
        # "The Biden administration added ...", "l'administration Trump a ..."
        r"\b(?:[Tt]he\s+(?:[A-Z][\w-]+\s+)?administration|[Ll]['’]administration\s+[A-Z][\w-]+)\b|"
        r"(?<![\w-])(?:[Ll]['’]([EÉ])tat|[Tt]he\s+[Ss]tate|[Dd]e\s+[Ss]taat|[Dd]er\s+[Ss]taat)\s+(?!de\s|du\s|des\s|of\s)",
        text[lo:hi],
    ):
        gov = next((ag for ag in agencies if ag.country == doc.host and _is_government_name(ag.name)), None)
        if gov:
            return gov.name
        # no government listed: the host's one body that took a decision in the story acts for the state
        deciding = [
            ag
            for ag in agencies
            if ag.country == doc.host and _agency_status(doc, spans.get(ag.name, [])) in _DECISIONS
        ]
        if len(deciding) == 1:
            return deciding[0].name
        # else the host's one ministry or authority: "The Biden administration added ..." with only the
        # Commerce Department listed
        own = [ag for ag in agencies if ag.country == doc.host and ag.kind in ("screening", "regulator", "ministry")]
        if len(own) == 1:
            return own[0].name
    if _PRONOUN_START.match(text[lo:hi]) or _SPEAKER_PRONOUN.search(text, lo, hi):
        prev = [s for s in doc.content if s.end <= lo]
        if prev:
            before = [
                ag for ag in agencies if any(prev[-1].start <= s < prev[-1].end for s, _e in spans.get(ag.name, []))
            ]
            if before:
                return before[0].name
            # "Volgens het ministerie waren er tekortkomingen. Die vormen ...": the body the sentence
            # before points back to
            named = _named_before(agencies, spans, text, prev[-1].start, prev[-1].end)
            if named:
                return named
    if _MEMBERS.search(text, lo, hi):
        # "De Kamerleden vrezen", "MPs warned": the parliament they sit in voices the concern
        houses = [ag for ag in agencies if ag.kind == "parliament"]
        if len(houses) == 1:
            return houses[0].name
    if re.search(
        r"\b(?:security|intelligence|spy)\s+(?:service|agency)|renseignement|services\s+secrets|veiligheidsdienst|"
        r"inlichtingendienst|Nachrichtendienst|Geheimdienst",
        text[lo:hi],
        re.IGNORECASE,
    ):
        intel = [ag for ag in agencies if ag.kind == "intelligence"]
        if intel:
            return intel[0].name
    if status in (*_DECISIONS, "banned"):
        # the one body whose own sentences state this measure took it: "Le ministère de l'Économie a
        # refusé d'autoriser la vente" for a headline's "Le gouvernement a mis son veto"
        same = [ag for ag in agencies if _agency_status(doc, spans.get(ag.name, [])) == status]
        if len(same) == 1:
            return same[0].name
    for kind in ("screening", "intelligence", "regulator"):
        # the story's one screening body, else its one security service, else its one regulator
        pool = [ag for ag in agencies if ag.kind == kind]
        if len(pool) == 1:
            return pool[0].name
    # else the host's government, when it is the one taking a measure in the story
    govs = [ag for ag in agencies if ag.country == doc.host and _is_government_name(ag.name)]
    if len(govs) == 1 and _agency_status(doc, spans.get(govs[0].name, [])):
        return govs[0].name
    # else the one body that the first sentence on the company names: "Das BSI warnt vor ... X"
    return lede


# "the department said", "le ministère estime": a body named before, by the head of its name
_DEFINITE_BODY = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Ll]e|[Ll]a|[Ll]['’]|[Hh]et|[Dd]e|[Dd]as|[Dd]ie|[Dd]er)\s*(department|ministry|agency|"
    r"regulator|committee|commission|service|office|board|authority|watchdog|ministère|ministerie|Ministerium|agence|"
    r"autorité|régulateur|dienst|toezichthouder|Behörde|Amt|Dienst|Kommission|commissie|"
    # "le ministre estime", "the minister said": the minister speaks for the ministry named before
    r"minister|ministre|Minister)(?![\w-])",
    re.IGNORECASE,
)
_BODY_HEAD_EN = {
    "ministère": "ministry",
    "ministerie": "ministry",
    "ministerium": "ministry",
    "agence": "agency",
    "autorité": "authority",
    "régulateur": "regulator",
    "dienst": "service",
    "behörde": "authority",
    "amt": "office",
    "kommission": "commission",
    "minister": "ministry",
    "ministre": "ministry",
    "commissie": "commission",
    "toezichthouder": "authority",
}


def _named_before(
    agencies: list[FoundAgency], spans: dict[str, list[tuple[int, int]]], text: str, lo: int, hi: int
) -> str | None:
    """The body a definite noun points back to: the last one named before whose name has that head,
    else, for a word any body answers to ("volgens de dienst"), the last body named before."""
    best: tuple[int, str] | None = None
    generic = False
    for m in _DEFINITE_BODY.finditer(text, lo, hi):
        head = m.group(1).lower()
        generic = generic or head in _ANY_BODY_HEADS
        words = {head, _BODY_HEAD_EN.get(head, head)}
        for ag in agencies:
            forms = " ".join([ag.name, *ag.aliases]).lower()
            if not any(name_spans(forms, w) for w in words):
                continue
            last = max((s for s, _e in spans.get(ag.name, []) if s < lo), default=None)
            if last is not None and (best is None or last > best[0]):
                best = (last, ag.name)
    if best is None and generic:
        named = [
            (s, ag.name) for ag in agencies if ag.kind != "parliament" for s, _e in spans.get(ag.name, []) if s < lo
        ]
        best = max(named, default=None)
    return best[1] if best else None


_ANY_BODY_HEADS = {"agency", "service", "authority", "office", "dienst", "agence", "behörde", "amt"}


def _is_government_name(name: str) -> bool:
    return bool(
        re.search(r"government|gouvernement|regering|Regierung|administration|White House", name, re.IGNORECASE)
    )


def _agency_status(doc: _Doc, spans: list[tuple[int, int]]) -> str | None:
    """The strongest measure stated in the sentences that name an agency."""
    found = []
    for s, _e in spans:
        sent = doc.sentence_at(s)
        if sent and sent.is_content and not doc.cues_in(sent.start, sent.end, "neg"):
            st = _status(doc, sent.start, sent.end, spans)
            if st:
                found.append(st)
    return best_status(found)


def _concern_facility(
    doc: _Doc, facilities: list[FoundFacility], key: str, by_name: dict[str, _Company], a: int, b: int
) -> str | None:
    group = {key} | {c.name for c in by_name.values() if c.parent == key or key == c.parent}
    for fac in facilities:
        if any(ev.start <= a < ev.end or a <= ev.start < b for ev in fac.evidence):
            return fac.name
    own = [f for f in facilities if f.operator in group]
    return own[0].name if len(own) == 1 else None


# A country that acts or speaks in the story: "the U.S. has voiced worries", "Sweden banned ...".
_COUNTRY_ACTS = re.compile(
    # "Britain, which in July ordered Huawei kit stripped out": the relative clause is the country's act too
    r"(?:,\s+which\s+(?:[\w-]+\s+){0,3}?|\s+)(?:officials\s+|authorities\s+|lawmakers\s+)?"
    r"(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:also\s+|already\s+|earlier\s+|eerder\s+)?"
    r"(?:refused|refuses|weigerde|weigerden|weigert|a\s+refusé|verweigerte|verweigert|voiced|warned|argued|expressed|raised|criticised|criticized|protested|imposed|banned|blocked|barred|"
    r"ordered|sanctioned|excluded|restricted|condemned|accused|retaliated|summoned|rejected|announced|decided|"
    r"shutting|banning|blocking|ordering|a\s+interdit|a\s+bloqué|a\s+critiqué|a\s+averti|a\s+dénoncé|verbietet|verbot|"
    r"warnte|warnten|kritisierte|blokkeert|verbiedt|waarschuwde|waarschuwden|(?:hadden|heeft|hebben)\s+\w+\s+aangedrongen)\b"
)


# French, Dutch and German put the participle after the auxiliary, Dutch and German after the
# object too: "le Royaume-Uni a déjà décidé de bannir", "Landen als het Verenigd Koninkrijk en
# Zweden hadden de Chinese leveranciers al veel eerder geweerd"; a listed country shares the verb
_COUNTRY_ACTS_LATE = re.compile(
    r"(?:\s+(?:en|and|et|und)\s+[A-ZÀ-Þ][\w-]+)?\s+(?:"
    r"(?:a|ont)\s+(?:déjà\s+|aussi\s+|également\s+)?(?:décidé|fait\s+pression|exclu|banni|interdit|bloqué|imposé|ordonné)"
    r"|besloot|besloten|(?:had|hadden|heeft|hebben|hat|hatte|haben|hatten)\b[^.;:]{0,60}?\s"
    r"(?:geweerd|uitgesloten|verboden|geblokkeerd|verbannen|ausgeschlossen|untersagt|verboten|verbannt)\b)"
)


# at most two words between a country adjective and the name it introduces, none of them a stock listing
_ORIGIN_GAP = re.compile(r"(?:[\s-]+(?!listed|notierte?n?|cotée?s?|genoteerde?)[\w’'-]+){0,2}\s+")
_OWNED_AFTER = re.compile(
    r"-(?:owned|backed|controlled|linked|funded|financed)(?![\w-])|\s+(?:owners?|shareholders?|handen|eigenaars?|"
    r"eigenaren|aandeelhouders?|Hand|Händen|Eigentümers?|Eigentümern|Anteilseigner[ns]?|actionnaires?|propriétaires?)(?![\w-])"
)
_OWNED_BEFORE = re.compile(
    r"(?:(?:owned|backed|controlled|funded|held)\s+by\s+(?:the\s+|a\s+)?|(?:capitaux|contrôle|actionnaires?|"
    r"propriétaires?)\s+"
    # "whose ultimate owner is a Chinese state-owned fund"
    r"|\bowners?\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?)$"
)


_IN_COUNTRY_OPENING = re.compile(
    r"(?:^|[.;:!?]\s+|\n\s*)(?:In|Aux?|En|Im|Dans|Op)\s+(?:the\s+|les\s+|la\s+|le\s+|l['’]|den\s+|de\s+)?$"
)


_PARTY_SEATED_IN = re.compile(
    r"(?<![\w-])(?:company|firm|vehicle|entity|investor|buyer|fund|société|entreprise|fonds|acheteur|bedrijf|"
    rf"vennootschap|koper|Firma|Unternehmen|Gesellschaft|Käufer|Investor)\s+{SEATED_IN}(?:the\s+)?$",
    re.IGNORECASE,
)


_SEATED_PARTY_AFTER = re.compile(
    r"-(?:registered|based|headquartered|incorporated)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:company|firm|vehicle|entity|investor|buyer|fund|group|consortium)(?![\w-])"
)


_MADE_IN_BEFORE = re.compile(
    r"(?:made|manufactured|produced|built|assembled|fabriqu[ée]e?s?|gemaakt|geproduceerd|hergestellt|gefertigt|"
    r"produziert)\s+(?:in|en|au|aux)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MADE_AFTER = re.compile(r"-(?:made|built|manufactured)\b")


def _countries(doc: _Doc, result: Extraction, companies: list[_Company] = ()) -> list[str]:
    """Countries of the parties (companies, agencies, facilities), and any country whose measure
    or position the story reports; a country named in passing is not one of them."""
    codes: list[str | None] = []
    # a firm's home the story never names is the gazetteer's knowledge, not what the story is about
    # (the seller IFM Investors in a German story that never says Australia)
    named = {doc.place_country(h) for h in doc.place_hits if doc.in_content(h.start)}
    codes += [c.country for c in result.companies if c.country in named]
    codes += [a.country for a in result.agencies]
    codes += [f.country for f in result.facilities]
    text = doc.text
    for hit in doc.place_hits:
        if hit.kind not in ("country", "capital") or not doc.in_content(hit.start):
            continue
        before = text[max(0, hit.start - 25) : hit.start]
        after = text[hit.end : hit.end + 40]
        according = re.search(
            r"(?:according\s+to|selon|volgens|laut)\s+(?:the\s+|la\s+|le\s+|les\s+|de\s+)?$", before, re.IGNORECASE
        )
        late = _COUNTRY_ACTS_LATE.match(text, hit.end, hit.end + 120)
        if according or late or _COUNTRY_ACTS.match(after) or re.match(r"\s+pressure\b", after):
            codes.append(hit.key)
        elif _PARTY_SEATED_IN.search(text, max(0, hit.start - 60), hit.start) or _SEATED_PARTY_AFTER.match(
            text, hit.end
        ):
            # "bought in 2018 by a company registered in Hong Kong", "a Hong Kong-registered company":
            # an unnamed party's seat
            codes.append(hit.key)
        elif _IN_COUNTRY_OPENING.search(text, max(0, hit.start - 30), hit.start):
            # "Aux États-Unis, une loi … interdit déjà l'application": a measure taken there
            sent = doc.sentence_at(hit.start)
            if sent and any(label in MEASURE_CUES for _s, _e, label in doc.cues_in(sent.start, sent.end, "st:")):
                codes.append(hit.key)
    # the owners' country of a party: "Chinese-owned Nexperia", "owned by Chinese nationals", "à capitaux chinois"
    for hit in doc.country_hits:
        if hit.key == "EU" or not doc.in_content(hit.start):
            continue
        if hit.kind == "country" and text.startswith("-", hit.end) and _OWNED_AFTER.match(text, hit.end, hit.end + 24):
            codes.append(hit.key)  # "China-linked investors", "Qatar-backed fund": the owners' country by its name
            continue
        if hit.kind != "adjective":
            continue
        if _OWNED_AFTER.match(text, hit.end, hit.end + 24) or _OWNED_BEFORE.search(
            text, max(0, hit.start - 40), hit.start
        ):
            codes.append(hit.key)
        elif _BUYER_NOUN.match(text, hit.end, hit.end + 40) or _BUYER_BEFORE.search(
            text, max(0, hit.start - 16), hit.start
        ):
            # buyers known by their country, in a sentence stating a danger or a measure: "Chinese
            # buyers have bought land near the range, which could be used for espionage"
            sent = doc.sentence_at(hit.start)
            if doc.names_danger_or_measure(sent):
                codes.append(hit.key)
    # the origin of the goods a measure is about: "banned vehicles manufactured in China", "Chinese-made cars"
    for hit in doc.place_hits:
        if hit.kind not in ("country", "adjective") or hit.key == "EU" or not doc.in_content(hit.start):
            continue
        made = (
            _MADE_IN_BEFORE.search(text, max(0, hit.start - 30), hit.start)
            if hit.kind == "country"
            else _MADE_AFTER.match(text, hit.end)
        )
        sent = doc.sentence_at(hit.start) if made else None
        if doc.names_danger_or_measure(sent):
            codes.append(hit.key)
    # a case's subject of unknown origin, introduced by its country: "het Chinese staatsbedrijf X",
    # "des chinesischen Herstellers X", "le groupe chinois X"
    subjects = {n for c in result.concerns for n in c.companies[:1]}
    for co in companies:
        if co.country or co.name not in subjects:
            continue
        for s, _e in co.mentions[:6]:
            near = [h for h in doc.countries_in(max(0, s - 45), s) if h.kind == "adjective" and h.key != "EU"]
            if near and _ORIGIN_GAP.fullmatch(text, near[-1].end, s):
                codes.append(near[-1].key)
                break
    # the EU counts (as "EU") only where one of its institutions acts in a case, not where the
    # story names the Commission or the Union in passing
    acting = {name for c in result.concerns for name in c.agencies}
    eu_acts = any(a.country == "EU" and a.name in acting for a in result.agencies)
    return sorted({c for c in codes if c and (c != "EU" or eu_acts)})


def _events(doc: _Doc, published: object) -> list[FoundEvent]:
    import datetime as dt

    base = published if isinstance(published, dt.date) else None
    if isinstance(base, dt.datetime):  # a reader may hand over a timestamp
        base = base.date()
    events: list[FoundEvent] = []
    order = [
        "listing",
        "agreement",
        "divestment",
        "ban",
        "acquisition",
        "decision",
        "review_opened",
        "investment",
        "statement",
    ]
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
            events.append(
                FoundEvent(
                    date=parsed[0],
                    precision=parsed[1],
                    kind=kind,
                    description=sent.text.strip()[:300],
                    evidence=span(doc.text, sent.start, sent.end),
                )
            )
            break
    return events
