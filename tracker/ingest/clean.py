"""Drop page furniture from an article's text; what is left is the text that gets stored.

Evidence quotes must stay exact substrings, so lines are dropped whole or kept byte for
byte, never rewritten (apart from trailing spaces). When in doubt a line is kept: a
stray "Advertisement" costs little, a lost sentence loses evidence.
"""

from __future__ import annotations

import dataclasses
import re

from tracker.ingest.types import IngestError, RawArticle

# A line longer than this is article text whatever it looks like.
MAX_FURNITURE_LENGTH = 200

# Whole lines that are buttons, labels or ads, compared casefolded with "…", ":" trimmed
# (labels of related-link lists are in LINK_LIST_LABELS below).
FURNITURE_LINES = {
    # English
    "share", "share this", "share this article", "share this articlecomments",
    "share this articleclose button", "share this story", "share on facebook", "share on twitter",
    "close button", "close", "advertisement", "advertisements", "sponsored", "sponsored content",
    "comments", "comment", "view comments", "show comments", "leave a comment", "print", "email", "e-mail",
    "facebook", "twitter", "linkedin", "whatsapp", "copy link", "listen to this article",
    "skip to content", "skip advertisement", "continue reading", "story continues below",
    "story continues below advertisement", "article continues below", "scroll to continue",
    # French
    "partager", "partager cet article", "publicité", "commentaires", "commenter", "lire la suite", "imprimer",
    # Dutch
    "advertentie", "delen", "deel dit artikel", "reacties", "gesponsord",
    # German
    "anzeige", "werbung", "teilen", "artikel teilen", "kommentare", "drucken",
}  # fmt: skip

# A label alone on a line that opens a list of links to other stories ("Related coverage",
# then "- What is CFIUS?"): their headlines name other companies, bodies and countries.
LINK_LIST_LABELS = {
    "read more", "related", "related articles", "related stories", "related coverage", "related content",
    "related story", "more on this story", "more on this", "more on this topic", "more stories",
    "see more stories", "you might also like", "you may also like", "more from this section", "recommended",
    "most read", "top stories", "lire aussi", "à lire aussi", "a lire aussi", "sur le même sujet",
    "les plus lus", "lees ook", "lees meer", "meer over", "meer over dit onderwerp", "meest gelezen",
    "mehr zum thema", "auch interessant", "lesen sie auch", "meistgelesen", "das könnte sie auch interessieren",
    "à lire également", "a lire également", "lire également", "voir aussi", "dans la même rubrique",
    "read also", "see also", "related links", "related topics", "more news", "ook interessant",
    "gerelateerde artikelen", "gerelateerd", "weitere informationen", "weitere artikel", "mehr dazu",
    "bekijk ook", "zie ook", "meer nieuws", "meer artikelen", "ook gelezen", "lees hier meer", "zum thema",
    "mehr nachrichten", "weitere nachrichten", "das könnte sie interessieren", "vous aimerez aussi",
    "à voir aussi", "a voir aussi", "sur le même thème", "en lien", "dans l'actualité", "related news",
    "latest news", "more coverage", "further reading", "editor's picks", "editors' picks", "recent stories",
    "trending now", "more from us", "read more about this", "related posts", "related reading", "more like this",
    "similar articles", "popular posts", "recent posts", "latest posts", "you may be interested in",
    "articles liés", "articles similaires", "gerelateerde berichten", "verwandte artikel", "ähnliche artikel",
}  # fmt: skip
# At most this many headline lines follow such a label; a real sentence ends the list sooner.
MAX_LINK_LIST_LINES = 8

# "READ MORE: <headline>" links: the label makes them furniture even if the headline ends in "?".
LINK_LABEL_RE = re.compile(
    r"^(?:read more|read next|read also|also read|see also|related|more on this|recommended"
    r"|(?:à |a )?lire aussi|lire également|voir aussi|lees ook|lees meer|lees verder|bekijk ook|zie ook"
    r"|lesen sie auch|mehr zum thema|auch interessant|leggi anche|lee también)\s*[:：\-–—|]",
    re.IGNORECASE,
)
# "By Euronews with Reuters", "Par la rédaction de ...", "Von ...", "Door ...".
# The next word must look like a name, so a "By the numbers" subheading stays.
BYLINE_RE = re.compile(r"^(?:By|BY|Par|PAR|Von|Door)\s+(?:[A-ZÀ-Ý]|la rédaction|the [A-Z]|our )")
# A wire service alone on a line credits the article, like a byline.
WIRE_LINE_RE = re.compile(r"^(?:reuters|afp|ap|dpa|belga|anp|ansa|efe|bloomberg)$", re.IGNORECASE)
# "Scroll.in Staff", "By Economy Watch newsroom", "Evening Standard Reporter".
STAFF_BYLINE_RE = re.compile(
    r"^[\w.&'’ -]{2,60}\s(?:staff|reporter|correspondent|newsroom|news desk)$",
    re.IGNORECASE,
)
# "All rights reserved" in the four languages: ends a footer, and what stands before it is the outlet.
RIGHTS_RE = re.compile(
    r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+r[ée]serv[ée]s"
    r"|alle\s+rechten\s+voorbehouden|droits\s+de\s+reproduction\s+r[ée]serv[ée]s",
    re.IGNORECASE,
)
# every match of RIGHTS_RE holds one of these in some case
RIGHTS_WORDS = ("rights", "rechte", "droits")
# "Copyright © Nikkei Asia. Based on Reuters reporting.", "© kvnutalk.com": they name the
# publisher and wire services, so they are kept in RawArticle.byline before being dropped.
# Not "(c)": that also opens item (c) of a quoted law.
COPYRIGHT_FOOTER_RE = re.compile(
    r"^(?:copyright\s*)?©|^copyright\s+\d{4}\b|^(?:" + RIGHTS_RE.pattern + ")", re.IGNORECASE
)


def is_copyright_line(line: str) -> bool:
    """A copyright footer: opens with ©/"Copyright 2024"/"All rights reserved", or reserves the rights."""
    return bool(COPYRIGHT_FOOTER_RE.match(line) or (_may_reserve_rights(line) and RIGHTS_RE.search(line)))


def _may_reserve_rights(line: str) -> bool:
    """Whether the line may hold a match of RIGHTS_RE: a cheap look for its words, the line
    lowered. Lowering stands in for the pattern's ignored case only in ASCII ("ſ" matches "s")."""
    if not line.isascii():
        return True
    low = line.lower()
    return any(word in low for word in RIGHTS_WORDS)


# "Copyright Mark Schiefelbein/AP": a photographer's credit says nothing about the article.
PHOTO_CREDIT_RE = re.compile(
    r"^(?:(?:copyright|©)\s*[^©/]{1,80}/[^/]{1,60}"
    r"|\(?(?:image|photo|picture|photograph|foto|bild|crédit photo|credit|source image)s?\s*:\s*[^.]{1,80}\)?"
    r"|(?:[\w ]{1,40} via )?getty images|shutterstock|dr)$",
    re.IGNORECASE,
)
# Newsletter and subscription prompts ("Sign up for our free daily news email").
PROMPT_RE = re.compile(
    r"^(?:sign up|subscribe|newsletter|inscrivez-vous|abonnez-vous|abonneer|melden sie sich)\b", re.IGNORECASE
)


def clean(article: RawArticle) -> RawArticle:
    credits: list[str] = [article.byline] if article.byline else []
    kept: list[str] = []
    previous = ""  # last kept non-empty line, to spot a caption printed twice
    lines = article.text.split("\n")
    title_line = _repeated_title_index(lines, article.title)
    links_left = 0  # headline lines still expected after a "Related coverage" label
    for index, raw_line in enumerate(lines):
        line = raw_line.rstrip()
        if not line.strip():
            kept.append("")
            continue
        if links_left and _is_link_headline(_plain(line)):
            links_left -= 1
            if _furniture(line, previous=previous) == "credit":
                credits.append(_plain(line))  # "© Courrier Éco 2024" right below the related links
            continue
        links_left = 0
        if _plain(line).casefold().rstrip(":…. ") in LINK_LIST_LABELS:
            links_left = MAX_LINK_LIST_LINES
            continue
        verdict = "drop" if index == title_line else _furniture(line, previous=previous)
        if verdict == "credit":
            credits.append(_plain(line))
        if verdict:
            continue
        kept.append(line)
        previous = line

    text = _collapse_blank_lines(kept)
    if not text.strip():
        raise IngestError("nothing is left of the article once page furniture is removed")
    byline = "\n".join(dict.fromkeys(credits)) or None
    return dataclasses.replace(article, text=text, byline=byline)


def _repeated_title_index(lines: list[str], title: str) -> int | None:
    """The first line when it repeats the headline (already stored as the title) and text follows."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not title or len(filled) < 2:
        return None
    first = _plain(lines[filled[0]])
    if first.casefold() != _plain(title).casefold() or _ends_sentence(first):
        return None
    return filled[0]


def _furniture(line: str, *, previous: str) -> str | None:
    """Why the line is furniture: "credit" (keep its words as a credit), "drop", or None to keep it."""
    plain = _plain(line)
    if previous and (plain == _plain(previous) or _is_repeat_with_credit(plain, _plain(previous))):
        return "drop"  # the second copy of a caption; the first stays
    if len(plain) > MAX_FURNITURE_LENGTH:
        return None
    if COPYRIGHT_FOOTER_RE.match(plain) and not PHOTO_CREDIT_RE.match(plain):
        return "credit"
    if LINK_LABEL_RE.match(plain):
        return "drop"
    if _ends_sentence(plain):
        return None  # a real sentence is never furniture
    key = plain.casefold().rstrip(":…. ").strip()
    if key in FURNITURE_LINES or PHOTO_CREDIT_RE.match(plain) or PROMPT_RE.match(plain):
        return "drop"
    if _is_byline(plain):
        return "credit"
    return None


def _is_link_headline(line: str) -> bool:
    """A linked headline: a short bulleted line, or a short line that is not a finished statement."""
    if len(line) > 160 or len(line.split()) > 22:
        return False
    return line.startswith(("- ", "• ", "· ", "* ", "> ", "» ")) or not line.endswith((".", "!", "”", '"', "»"))


def _ends_sentence(line: str) -> bool:
    return line.endswith((".", "!", "?", "”", '"', "»"))


def _is_repeat_with_credit(line: str, previous: str) -> bool:
    """A caption printed again with its photo credit appended."""
    if not line.startswith(previous) or line == previous:
        return False
    rest = line[len(previous) :].strip()
    return bool(PHOTO_CREDIT_RE.match(rest) or COPYRIGHT_FOOTER_RE.match(rest))


def _is_byline(line: str) -> bool:
    words = line.split()
    if len(words) > 10:
        return False
    return bool(BYLINE_RE.match(line) or STAFF_BYLINE_RE.match(line) or WIRE_LINE_RE.match(line))


def _plain(line: str) -> str:
    # Scraped bylines often hold no-break spaces ("By\u00a0Euronews"); compare them as spaces.
    return " ".join(line.replace("\u00a0", " ").split())


def _collapse_blank_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    # Dropped furniture leaves runs of blank lines; one blank line still marks a paragraph.
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
