"""Text structure for the extract stage: lines, page furniture, sentences, clauses, dates.

Kept apart from extract.py so the entity rules there read without the offset bookkeeping.
Every span here indexes the article text unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .clean import is_copyright_line
from .types import Span

# Abbreviations that end with a dot but do not end a sentence.
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "co",
    "inc",
    "ltd",
    "corp",
    "vs",
    "e.g",
    "i.e",
    "jr",
    "sr",
    "prof",
    "gen",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "p.m",
    "a.m",
    "approx",
    "dept",
    "est",
    "etc",
    "bzw",
    "z.b",
    "ca",
    "mio",
    "mrd",
    "nr",
    "m",
    "mme",
    "cf",
}

MONTHS = {
    # en
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # fr (with the abbreviations French sites print in datelines: "18 déc. 2020")
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "janv": 1,
    "févr": 2,
    "fevr": 2,
    "avr": 4,
    "juil": 7,
    "déc": 12,
    # nl
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "oktober": 10,
    "mei": 5,
    "mrt": 3,
    "okt": 10,
    # de
    "januar": 1,
    "jänner": 1,  # Austria
    "feber": 2,
    "februar": 2,
    "märz": 3,
    "juli_": 7,
    "dezember": 12,
    "dez": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "zaterdag": 5,
    "zondag": 6,
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonntag": 6,
}
_MONTH_RE = "|".join(sorted((m for m in MONTHS if not m.endswith("_")), key=len, reverse=True))

# Lines that carry a picture credit; the line before them is the caption itself.
_CREDIT_RE = re.compile(
    r"^\(?\s*(image|photo|picture|foto|bild|credit|crédit)s?(?:\s+(?:caption|credit))?\s*:|^(?:caption|légende)\s*:|"
    r"\bcopyright\b[^.]*/|getty images|/\s*(ap|afp|reuters|epa|dpa|belga|anp)\s*\)?\s*$",
    re.IGNORECASE,
)
# every match of _CREDIT_RE holds one of these (no letter of them matches another in any case)
_CREDIT_MARKS = (":", "/", "getty")
_INLINE_CREDIT_RE = re.compile(r"(photo|image|foto|bild)\s*:\s*\S+.{0,40}$", re.IGNORECASE)
_BYLINE_RE = re.compile(
    r"^\s*(?:(?:by|par|door|von)\s+(?P<by>.+?)|(?P<staff>.+?)\s+(?:staff|newsroom|reporter|desk|team))\s*$",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'-]{2,30}?)(?:,\s+(?P<date>[^,()—–-]{3,30}(?:,\s+\d{4})?))?"
    r"\s*(?:\([^)]*\)\s*)?(?:—|--|–|-)\s+"
)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    line: int
    kind: str = "body"  # body, heading, caption, byline, furniture

    @property
    def is_content(self) -> bool:
        return self.kind in ("body", "heading")


def span(text: str, start: int, end: int) -> Span:
    """A Span trimmed of surrounding blanks, so quote == text[start:end] stays true."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


_LINE_END_PUNCT = re.compile(r"[.!?:;\"”»]\s*$")


_TAGS_HEADER_RE = re.compile(
    r"(?:Tags|Topics|Related\s+topics|Tagged|Mots-clés|Thèmes|Sujets|Trefwoorden|Tags\s+bij\s+dit\s+artikel|"
    r"Onderwerpen|Schlagwörter|Stichwörter|Themen)\s*:?",
    re.IGNORECASE,
)
# a page's tags: "LINE, NAVER, SOFTBANK GROUP, SOUTH KOREA, DATA BREACH", "Huawei, 5G, Germany, Security"
_TAG = r"[A-ZÀ-Þ0-9][\w&.'’-]*(?:\s+[A-ZÀ-Þ0-9&][\w&.'’-]*){0,3}"
_TAG_LIST_RE = re.compile(rf"(?:{_TAG}\s*,\s*){{3,}}{_TAG}")
# a section menu: "Government | Nation-state | Critical Infrastructure"
_MENU_RE = re.compile(rf"(?:{_TAG}\s*\|\s*){{2,}}{_TAG}")


# an outlet's call to read on, longer than the short boilerplate lines: "Catch all the Politics News,
# Business News, Breaking News Events and Latest News Updates on Live Mint."
_PROMO_RE = re.compile(
    r"(?:catch all the|get all the latest|download the \w+(?: \w+)? app|follow us on|stay updated with|"
    # "Get more insights with the Recorded Future Intelligence Cloud. Learn more."
    r"get more insights|.{0,120}\blearn more\.?$)"
)


def _line_kind(line: str, boilerplate: list[str]) -> str:
    low = line.strip().lower()
    if not low:
        return "furniture"
    if len(low) > 300:  # a whole paragraph (or a whole page on one line) is never furniture
        return "body"
    if is_copyright_line(low):
        return "furniture"
    if (any(m in low for m in _CREDIT_MARKS) and _CREDIT_RE.search(low)) or (
        ":" in line and _INLINE_CREDIT_RE.search(line)  # it needs the colon
    ):
        return "caption"
    if _PROMO_RE.match(low):
        return "furniture"
    if len(low) < 90:
        for phrase in boilerplate:
            if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
                return "furniture"
    if len(low) < 80 and _BYLINE_RE.match(line) and not low.endswith((".", "?", "!")):
        return "byline"
    if _TAG_LIST_RE.fullmatch(line.strip()) or _MENU_RE.fullmatch(line.strip()):
        return "furniture"
    if not _LINE_END_PUNCT.search(line.strip()) and len(line.split()) <= 25:
        return "heading"
    return "body"


def split_lines(text: str, boilerplate: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) for every non-empty line, with captions and furniture marked."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        if text[start:end].strip():
            lines.append((start, end, _line_kind(text[start:end], boilerplate)))
    # A caption is printed twice on many sites (once bare, once with its credit), and the
    # line just before a credit line is the caption it belongs to.
    bodies = [text[s:e].strip() for s, e, _ in lines]
    # "Tags" and one tag a line under it ("China", "ports", "Congress"): page furniture
    for i, body in enumerate(bodies):
        if _TAGS_HEADER_RE.fullmatch(body):
            for j in range(i, len(lines)):
                if j > i and (lines[j][2] != "heading" or len(bodies[j].split()) > 4):
                    break
                lines[j] = (lines[j][0], lines[j][1], "furniture")
    for i, (s, e, kind) in enumerate(lines):
        if kind == "caption" and i > 0 and _CREDIT_RE.search(bodies[i].lower()):
            ps, pe, pkind = lines[i - 1]
            if pkind in ("body", "heading") and len(bodies[i - 1]) < 220:
                lines[i - 1] = (ps, pe, "caption")
        if kind in ("body", "heading"):
            # the credited copy of a caption follows it within a line or two
            for j in range(i + 1, min(i + 3, len(bodies))):
                other = bodies[j]
                if (
                    len(other) > len(bodies[i]) + 3
                    and other.startswith(bodies[i])
                    and (
                        lines[j][2] == "caption"
                        or _CREDIT_RE.search(other[len(bodies[i]) :].lower())
                        or "copyright" in other[len(bodies[i]) :].lower()
                    )
                ):
                    lines[i] = (s, e, "caption")
                    lines[j] = (lines[j][0], lines[j][1], "caption")
    return lines


_INITIALISM = re.compile(r"(?:[a-z]\.){2,}[a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"”’»)]*\s+(?=[\"“‘«(]?[A-ZÀ-ÖØ-ÞĀ-Ž0-9])")


def split_sentences(text: str, boilerplate: list[str]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for n, (start, end, kind) in enumerate(split_lines(text, boilerplate)):
        line = text[start:end]
        cut = start
        for m in _SENTENCE_BREAK.finditer(line):
            before = line[: m.start()].rsplit(None, 1)
            last = before[-1].lower().rstrip(".") if before else ""
            if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or _INITIALISM.fullmatch(last):
                continue  # "G.O.I. Energy" like "U.S. Steel": initials, no full stop
            stop = start + m.end()
            sentences.append(Sentence(cut, stop, text[cut:stop], n, kind))
            cut = stop
        if cut < end:
            sentences.append(Sentence(cut, end, text[cut:end], n, kind))
    return sentences


def dateline_place(sentences: list[Sentence]) -> tuple[str, int, int] | None:
    """'OTTAWA -- ...' or 'WASHINGTON — ...' at the start of the body."""
    for sent in sentences[:12]:
        if sent.kind != "body":
            continue
        m = _DATELINE_RE.match(sent.text)
        if m:
            word = m.group("place").strip()
            return word, sent.start + m.start("place"), sent.start + m.start("place") + len(word)
        return None
    return None


def byline_text(line: str) -> str | None:
    m = _BYLINE_RE.match(line.strip())
    if not m:
        return None
    return (m.group("by") or m.group("staff") or "").strip()


# -- dates ---------------------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# a scraped page may glue the time to the year: "October 20, 20201:02 PM UTC"
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d\d))"
DATE_RE = re.compile(
    rf"(?P<dmy>\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|e)?\.?\s+(?P<m1>{_MONTH_RE})\.?,?\s+(?P<y1>(?:19|20)\d\d){_YEAR_END})"
    rf"|(?P<mdy>\b(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d){_YEAR_END})"
    rf"|(?P<md>\b(?P<m4>{_MONTH_RE})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[,.]?\s*(?:19|20)\d\d))"
    rf"|(?P<my>\b(?:in\s+|en\s+|im\s+)?(?P<m3>{_MONTH_RE})\.?\s+(?P<y3>(?:19|20)\d\d)\b)"
    # "2021-09-21", and "2021.09.21" or "2021/09/21" as Baltic and East Asian pages print it
    r"|(?P<iso>\b(?P<y5>(?:19|20)\d\d)(?P<isep>[-./])(?P<m5>\d\d)(?P=isep)(?P<d5>\d\d)(?!\d))"
    r"|(?P<num>\b(?P<d6>\d{1,2})(?P<sep>[/.-])(?P<m6>\d{1,2})(?P=sep)(?P<y6>(?:19|20)\d\d)\b)"
    r"|(?P<rel>\b(?:last|this|next|earlier this|later this|vorige|vorig|afgelopen|dit|le mois|l'année|l’année|"
    r"letzte[nm]?|vergangene[nm]?|diese[nms]?)\s+"
    r"(?:month|year|week|maand|jaar|week|dernier|dernière|Monat|Jahr|Woche)s?\b(?:\s+dernier|\s+dernière)?)"
    r"|(?P<ago>\b(?P<n7>\w+)\s+(?P<u7>years?|months?|weeks?|days?|hours?|minutes?|mins?)\s+ago\b"
    r"|\bil y a\s+(?P<n8>\w+)\s+(?P<u8>ans?|mois|semaines?|jours?|heures?|minutes?)\b"
    r"|\bvor\s+(?P<n10>\w+)\s+(?P<u10>Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag|Stunden?|Minuten?)\b"
    r"|\b(?P<n11>\w+)\s+(?P<u11>jaar|maanden|maand|weken|week|dagen|dag|uur|minuten|minuut)\s+geleden\b)"
    rf"|(?P<wd>\b(?:on\s+|last\s+|this\s+)?(?P<w>{'|'.join(WEEKDAYS)})\b)"
    r"|(?P<year>\b(?:in|since|by|until|en|depuis|in het jaar|im Jahr|seit|sinds)\s+(?P<y9>(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "ein": 1,
    "einem": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "a": 1,
    "an": 1,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
}


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_date(m: re.Match, base: dt.date | None) -> tuple[dt.date, str] | None:
    """Resolve one DATE_RE match to (date, precision); relative forms need `base`."""
    g = m.groupdict()
    if g["dmy"]:
        d = _safe_date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
        return (d, "day") if d else None
    if g["mdy"]:
        d = _safe_date(int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]))
        return (d, "day") if d else None
    if g["iso"]:
        d = _safe_date(int(g["y5"]), int(g["m5"]), int(g["d5"]))
        return (d, "day") if d else None
    if g["num"]:
        # "18/12/2020" day first as in Europe; "12/18/2020" can only be American
        d = _safe_date(int(g["y6"]), int(g["m6"]), int(g["d6"])) or _safe_date(int(g["y6"]), int(g["d6"]), int(g["m6"]))
        return (d, "day") if d else None
    if g["my"]:
        return dt.date(int(g["y3"]), MONTHS[g["m3"].lower()], 1), "month"
    if g["year"]:
        return dt.date(int(g["y9"]), 1, 1), "year"
    if base is None:
        return None
    if g["md"]:
        month = MONTHS[g["m4"].lower()]
        # "July 9" without a year: the most recent such day not after publication
        d = _safe_date(base.year, month, int(g["d4"]))
        if d and d > base:
            d = _safe_date(base.year - 1, month, int(g["d4"]))
        return (d, "day") if d else None
    if g["rel"]:
        low = g["rel"].lower()
        last = any(w in low for w in ("last", "vorig", "afgelopen", "dernier", "dernière", "letzt", "vergangen"))
        nxt = "next" in low
        step = -1 if last else (1 if nxt else 0)
        if any(w in low for w in ("month", "maand", "mois", "monat")):
            return _shift_months(base, step), "month"
        if any(w in low for w in ("week", "semaine", "woche")):
            return base + dt.timedelta(weeks=step), "day"
        return dt.date(base.year + step, 1, 1), "year"
    if g["ago"]:
        n_word = (g["n7"] or g["n8"] or g["n10"] or g["n11"] or "").lower()
        unit = (g["u7"] or g["u8"] or g["u10"] or g["u11"] or "").lower()
        n = int(n_word) if n_word.isdigit() else _NUMBER_WORDS.get(n_word)
        if n is None:
            return None
        if unit.startswith(("year", "an", "jahr", "jaar")):
            return dt.date(base.year - n, 1, 1), "year"
        if unit.startswith(("month", "mois", "monat", "maand")):
            return _shift_months(base, -n), "month"
        if unit.startswith(("week", "semaine", "woche")):
            return base - dt.timedelta(weeks=n), "day"
        if unit.startswith(("hour", "heure", "stunde", "uur", "min")):
            return base, "day"  # "3 hours ago", "vor 3 Stunden": the day of the known date
        return base - dt.timedelta(days=n), "day"
    if g["wd"]:
        # News copy uses a bare weekday for the most recent one (today counts).
        wanted = WEEKDAYS[g["w"].lower()]
        return base - dt.timedelta(days=(base.weekday() - wanted) % 7), "day"
    return None


_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d\d)[/-](\d\d)(?:[/-](\d\d))?(?:/|-|$)|[/-]((?:19|20)\d\d)(\d\d)(\d\d)[/-]"
    r"|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"
)
_PUBLISHED_LINE_RE = re.compile(
    r"^\s*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)|publié|mis à jour|mis en ligne|modifié"
    r"|(?:dernière\s+)?mise à jour|gepubliceerd|bijgewerkt|aangepast|geplaatst|geüpdatet|laatst bijgewerkt"
    r"|veröffentlicht|aktualisiert|erschienen|publiziert|zuletzt aktualisiert|stand|date|datum)"
    r"\b(?:\s+(?:on|le|op|am|om))?\s*:?\s*",
    re.IGNORECASE,
)


# "/business/2022/nov/16/story": the month as a word
_URL_WORD_DATE_RE = re.compile(r"/((?:19|20)\d\d)/([a-z]{3,9})/(\d\d)(?:/|$)", re.IGNORECASE)


def date_from_url(url: str | None) -> dt.date | None:
    if not url:
        return None
    m = _URL_DATE_RE.search(url)
    if not m:
        w = _URL_WORD_DATE_RE.search(url)
        month = MONTHS.get(w.group(2).lower()) if w else None
        return _safe_date(int(w.group(1)), month, int(w.group(3))) if w and month else None
    if m.group(1):
        # a year and month alone ("/2023/11/") do not say which day the page went up
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m.group(3) else None
    if m.group(4):
        return _safe_date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    return _safe_date(int(m.group(7)), int(m.group(8)), int(m.group(9)))


_TIME_OR_WEEKDAY = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|uhr|gmt|utc|cet|cest|bst|et|est|edt|pt|h)?\b|"
    r"\b(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so)\b\.?"
    r"|[|,•·–—-]|\b(?:à|at|um|om|le|on)\b",
    re.IGNORECASE,
)


# "Tom Kleijn en Huib Modderkolk": writers' names, all that is left of a date line
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’.-]*|van|von|de|der|den|du|le|la|ter|ten)"
_NAMES_ONLY_RE = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s+(?:en|and|und|et)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})?$"
)
_UPDATE_WORDS = re.compile(
    r"(?:updated|modified|aktualisiert|bijgewerkt|aangepast|mis à jour|modifié)\b", re.IGNORECASE
)
_LINE_SEPARATOR = re.compile(r"\s[|•·]\s|\|")


def _date_only(line: str) -> bool:
    return bool(DATE_RE.search(line)) and not _TIME_OR_WEEKDAY.sub("", DATE_RE.sub("", line)).strip()


def date_from_lines(text: str, lines: list[tuple[int, int, str]], base: dt.date | None = None) -> dt.date | None:
    """A 'Published: 30 November 2023' line, a dateline such as 'Thursday 30 November 2023 14:00',
    or a byline ending in '| March 3, 2024'. Dates inside sentences (and photo captions) are not
    the publication date. A relative one ('vor 3 Stunden') counts only against a known `base`."""
    # the head of the page, and a 'Published ...' footer at its end
    tail = [line for line in lines[-5:] if line not in lines[:15]]
    for start, end, kind in lines[:15] + tail:
        line = text[start:end]
        # a caption's date is the photo's, but a line of only a date and time is the page's own,
        # even where a credit below made it look like a caption ("14.05.2024, 10:47 Uhr")
        if kind == "caption" and not _date_only(line):
            continue
        rest = line
        m = _PUBLISHED_LINE_RE.match(line)
        if m:
            rest = line[m.end() :]
        elif tail and (start, end, kind) in tail:
            continue
        elif _LINE_SEPARATOR.search(line) and len(line) < 120:
            # "NOS Nieuws • donderdag 18 april 2024", "By X | March 3, 2024", "12 oktober 2025 •
            # aangepast 13 oktober 2025": the first part that holds a date is the publication
            parts = _LINE_SEPARATOR.split(line)
            rest = next((p for p in parts if DATE_RE.search(p)), parts[0])
            pm = _PUBLISHED_LINE_RE.match(rest.strip())
            if pm:
                rest = rest.strip()[pm.end() :]
        elif len(line.strip()) > 60 and not (kind == "byline" and len(line.strip()) < 100):
            # a wire story's dateline: "THE HAGUE, March 3, 2025 (Reuters) - The ..."
            line_start = _DATELINE_RE.match(line)
            dm = line_start and line_start.group("date") and DATE_RE.fullmatch(line_start.group("date").strip())
            parsed = dm and parse_date(dm, base)
            if parsed and parsed[1] == "day" and not dm.group("rel"):
                return parsed[0]
            continue
        rest = re.sub(r"(\d)T(\d)", r"\1 \2", rest)  # ISO 8601 "2023-11-30T10:00"
        for dm in DATE_RE.finditer(rest):
            parsed = parse_date(dm, base)  # without a base, weekdays and "last month" are skipped
            if not parsed or parsed[1] != "day" or dm.group("wd") or dm.group("rel"):
                continue
            # the time, a weekday, an "updated 3 hours ago" beside the date say nothing else
            leftover = _TIME_OR_WEEKDAY.sub("", _UPDATE_WORDS.sub("", DATE_RE.sub("", rest)))
            # "Anne Bauer, 18.12.2020, 12:05": a byline may carry the writers' names with the date
            if m or len(leftover.strip()) < 8 or kind == "byline" or _NAMES_ONLY_RE.match(leftover.strip()):
                return parsed[0]
    return None


# Words a date expression can start with; DATE_RE is only tried at these, which is far
# cheaper than scanning every position with its long alternation.
_DATE_TRIGGERS = (
    set(MONTHS)
    | set(WEEKDAYS)
    | set(_NUMBER_WORDS)
    | {
        "in",
        "en",
        "im",
        "since",
        "seit",
        "sinds",
        "by",
        "until",
        "on",
        "il",
        "last",
        "this",
        "next",
        "earlier",
        "later",
        "vorige",
        "vorig",
        "afgelopen",
        "dit",
        "letzten",
        "letzte",
        "letztem",
        "vergangenen",
        "vergangene",
        "diese",
        "diesen",
        "dieses",
        "diesem",
        "le",
        "l",
        "in het",
        "vor",
    }
)


_WORD = re.compile(r"\w+")


def find_dates(text: str, start: int, end: int) -> list[re.Match]:
    found: list[re.Match] = []
    pos = start
    for w in _WORD.finditer(text[start:end]):
        at = start + w.start()
        if at < pos:
            continue
        word = w.group(0).lower()
        if not (word[0].isdigit() or word in _DATE_TRIGGERS):
            continue
        m = DATE_RE.match(text, at, end)
        if m:
            found.append(m)
            pos = m.end()
    return found
