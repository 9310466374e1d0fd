"""Read one ingested file into RawArticles: detect the format from the content, decode, get metadata.

Everything that can go wrong with the content ends as an IngestError whose message is shown
to people as the failed job's reason, so messages describe the file, not the parser.
"""

from __future__ import annotations

import datetime as dt
import email
import email.utils
import functools
import json
import re
import unicodedata
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import charset_normalizer
import dateparser
import feedparser
import lxml.etree
import lxml.html
import trafilatura
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from tracker.ingest.types import IngestError, RawArticle

# Checked before decoding, so a renamed image or archive fails with a useful name.
MAGIC_NUMBERS = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
]

BOMS = [
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]

# Languages the detector may answer with; fewer candidates make it faster and less error-prone.
DETECTED_LANGUAGES = [
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.DUTCH, Language.SPANISH,
    Language.ITALIAN, Language.PORTUGUESE, Language.POLISH, Language.CZECH, Language.SWEDISH,
    Language.DANISH, Language.FINNISH, Language.GREEK, Language.HUNGARIAN, Language.ROMANIAN,
    Language.BULGARIAN, Language.LITHUANIAN, Language.RUSSIAN, Language.UKRAINIAN,
    Language.TURKISH, Language.ARABIC, Language.CHINESE, Language.JAPANESE, Language.KOREAN,
]  # fmt: skip

# Header lines of scraped plain-text files ("Source: <url>", "Title: <headline>").
TEXT_HEADER_RE = re.compile(
    r"^(source|url|link|title|headline|date|published|publisher|author|byline|language)\s*:\s*(.*)$",
    re.IGNORECASE,
)
EMAIL_HEADER_RE = re.compile(r"^[A-Za-z0-9-]+:")
EMAIL_MARKER_HEADERS = {"from", "message-id", "mime-version", "received", "return-path", "delivered-to"}
FEED_RE = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
HTML_RE = re.compile(r"<(!doctype\s+html|html|head|body|p|div|article|h1|title|meta)[\s>/]", re.IGNORECASE)
UNSUPPORTED_NAMES = {".csv": "a CSV table", ".tsv": "a TSV table", ".xls": "a spreadsheet", ".xlsx": "a spreadsheet"}

# Elements whose content is never article text (and may be hostile).
DROPPED_TAGS = [
    "nav",
    "aside",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "head",
    "form",
]
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "pre", "figure", "figcaption", "dd", "dt",
}  # fmt: skip

# Encodings news text actually comes in; exotic ones make random bytes "decode" as CJK soup.
COMMON_ENCODINGS = [
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "iso8859_7",
    "cp1254", "cp1257", "cp1256", "mac_roman", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]  # fmt: skip
WESTERN_ENCODINGS = {"cp1252", "latin_1", "iso8859_15"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
JSON_TEXT_KEYS = ("text", "body", "content", "article", "article_text", "full_text")
JSON_TITLE_KEYS = ("title", "headline")
JSON_URL_KEYS = ("url", "link", "canonical_url", "source_url")
JSON_PUBLISHER_KEYS = ("publisher", "source", "site_name", "sitename", "site", "outlet")
JSON_DATE_KEYS = ("published", "date", "published_at", "publication_date", "pubDate", "datePublished")
JSON_LANGUAGE_KEYS = ("language", "lang")
JSON_BYLINE_KEYS = ("byline", "author", "authors")


def read_file(path: Path, *, max_bytes: int) -> list[RawArticle]:
    path = Path(path)
    try:
        # Size first: a huge file must fail without being loaded into the worker's memory.
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError("this is a folder, not a file")
        if size > max_bytes:
            raise IngestError(_too_big_message(size, max_bytes))
        with path.open("rb") as f:
            # One byte more than allowed catches a file that grew after stat().
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError("the file no longer exists") from None
    except PermissionError:
        raise IngestError("the file cannot be read (permission denied)") from None
    except OSError as e:
        raise IngestError(f"the file cannot be read ({e.strerror or e})") from None
    return read_bytes(data, source_file=path.name, max_bytes=max_bytes)


def read_bytes(data: bytes, *, source_file: str, max_bytes: int) -> list[RawArticle]:
    try:
        return _read_bytes(data, source_file=source_file, max_bytes=max_bytes)
    except IngestError:
        raise
    except Exception as e:  # a parser bug on odd content must fail the job, not crash the worker
        raise IngestError(f"the file could not be read ({type(e).__name__}: {e})") from e


def _read_bytes(data: bytes, *, source_file: str, max_bytes: int) -> list[RawArticle]:
    if len(data) > max_bytes:
        raise IngestError(_too_big_message(len(data), max_bytes))
    if not data:
        raise IngestError("the file is empty")
    _reject_binary(data)
    text = _decode(data)
    if not text.strip():
        raise IngestError("the file contains only whitespace")
    _reject_garbage(text)

    suffix = Path(source_file).suffix.lower()
    head = text.lstrip()[:4096]
    if suffix in JSON_SUFFIXES or (head.startswith(("{", "[")) and not head.startswith("{\\rtf")):
        articles = _read_json(text, source_file)
    elif re.match(r"<[!?A-Za-z]", head):
        articles = _read_markup(text, head, source_file)
    elif _looks_like_email(text):
        articles = _read_email(data, text, source_file)
    else:
        _reject_unsupported_text(head, suffix)
        articles = [_read_plain_text(text, source_file)]

    for article in articles:
        article.text = _normalise(article.text).strip("\n")
        article.title = " ".join(_normalise(article.title).split())
        if not article.language:
            article.language = detect_language(article.title + "\n" + article.text)
    return articles


def _too_big_message(size: int, max_bytes: int) -> str:
    return f"the file is {_human_size(size)}, over the {_human_size(max_bytes)} limit"


def _human_size(n: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= factor:
            value = f"{n / factor:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    return f"{n} bytes"


# --- bytes -> text ---------------------------------------------------------------------------


def _reject_binary(data: bytes) -> None:
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise IngestError(f"the file is {kind}, not a text article")
    if data[8:12] == b"WEBP" or data[4:8] == b"ftyp":
        raise IngestError("the file is an image or video, not a text article")
    has_bom = any(data.startswith(bom) for bom, _ in BOMS)
    # UTF-16 text legitimately contains NULs; without a BOM it shows as NULs in every other byte.
    if not has_bom and not _utf16_without_bom(data) and b"\x00" in data[:65536]:
        raise IngestError("the file contains binary data (NUL bytes), not text")


def _utf16_without_bom(data: bytes) -> str | None:
    """The byte order of BOM-less UTF-16 text in a Latin script (every other byte NUL), else None."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for encoding, zeros, letters in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.1 * len(letters):
            return encoding
    return None


def _decode(data: bytes) -> str:
    if encoding := _utf16_without_bom(data):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise IngestError(f"the file looks like {encoding.upper()} text but cannot be decoded as such") from None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(
                    f"the file starts with a {encoding.upper()} marker but is not valid {encoding.upper()} text"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: most often Windows-1252 / Latin-1 from older sites; let charset-normalizer choose.
    matches = charset_normalizer.from_bytes(data, cp_isolation=COMMON_ENCODINGS)
    best = matches.best()
    if best is None:
        raise IngestError("the text encoding could not be recognised (not UTF-8, UTF-16 or a common 8-bit encoding)")
    # On short texts it cannot tell Windows-1252 from 1250 ("ministère" vs "ministčre"); equal
    # scores go to Western European, the likelier source for this tracker.
    for match in matches:
        if match.encoding in WESTERN_ENCODINGS and match.chaos <= best.chaos + 0.01:
            return str(match)
    return str(best)


def _reject_garbage(text: str) -> None:
    sample = text[:20000]
    visible = len(sample) - len(_WHITESPACE.findall(sample))
    # Regexes find the candidates in C; only the few non-ASCII ones need a Unicode category.
    odd = len(_ASCII_CONTROL.findall(sample)) + sum(1 for c in _NON_ASCII.findall(sample) if _is_garbage_char(c))
    if visible and odd / visible > 0.05:
        raise IngestError("the file looks like binary data, not text (too many control characters)")


_WHITESPACE = re.compile(r"\s")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # \t-\r and \x1c-\x1f are whitespace to Python
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _is_garbage_char(c: str) -> bool:
    return not c.isspace() and (c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn"))


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _reject_unsupported_text(head: str, suffix: str) -> None:
    if head.startswith("{\\rtf"):
        raise IngestError("the file is an RTF document; this format is not supported (save it as plain text)")
    if head.startswith("%!PS"):
        raise IngestError("the file is a PostScript document; this format is not supported")
    if suffix in UNSUPPORTED_NAMES:
        raise IngestError(f"the file is {UNSUPPORTED_NAMES[suffix]}; this format is not supported")


# --- plain text --------------------------------------------------------------------------------


def _read_plain_text(text: str, source_file: str, *, detect_headline: bool = True) -> RawArticle:
    text = _normalise(text)
    article = RawArticle(source_file=source_file, format="text", title="", text="")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    body_start = _read_text_headers(lines, article)
    body = lines[body_start:]
    while body and not body[0].strip():
        body.pop(0)
    if not article.title and body and detect_headline:
        article.title = body[0].strip()[:300]
        if _is_headline(body):
            body = body[1:]
    article.text = "\n".join(body).strip("\n")
    if not article.text.strip():
        raise IngestError("the file has header lines but no article text")
    return article


def _read_text_headers(lines: list[str], article: RawArticle) -> int:
    """Take leading `Key: value` lines as metadata; return the index where the body starts."""
    values: dict[str, str] = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        match = TEXT_HEADER_RE.match(lines[i].strip())
        if not match:
            break
        values.setdefault(match.group(1).lower(), match.group(2).strip())
        i += 1
    # Only a header block that ends with a blank line (or the file) counts: otherwise a first
    # sentence such as "Title: ..." could be mistaken for one.
    if not values or (i < len(lines) and lines[i].strip()):
        return 0
    article.url = values.get("source") or values.get("url") or values.get("link") or None
    article.title = values.get("title") or values.get("headline") or ""
    article.published = parse_date(values.get("published") or values.get("date"))
    article.publisher = values.get("publisher") or None
    article.byline = values.get("byline") or values.get("author") or None
    article.language = _language_code(values.get("language"))
    return i


def _is_headline(body: list[str]) -> bool:
    """True when the first line is plainly a headline: short, no sentence ending, then a blank line."""
    first = body[0].strip()
    rest = "\n".join(body[1:]).strip()
    return (
        len(body) > 2
        and not body[1].strip()
        and bool(rest)
        and len(first) <= 200
        and len(first.split()) <= 25
        and not first.endswith((".", "!", "?", ":", ";", ",", "…"))
        and (first[0].isupper() or first[0].isdigit())
    )


# --- HTML and feeds -----------------------------------------------------------------------------


def _read_markup(text: str, head: str, source_file: str) -> list[RawArticle]:
    if FEED_RE.search(head):
        return _read_feed(text, source_file)
    if HTML_RE.search(head) or re.search(r"<(html|body|p)[\s>]", text[:65536], re.IGNORECASE):
        return [_read_html(text, source_file)]
    if re.search(r"<svg[\s>]", head, re.IGNORECASE):
        raise IngestError("the file is an SVG image, not a text article")
    if head.startswith("<?xml"):
        raise IngestError("the file is an XML document but not an RSS or Atom feed; this format is not supported")
    raise IngestError(
        "the file starts with markup that is neither HTML nor an RSS/Atom feed; this format is not supported"
    )


def _read_html(html: str, source_file: str, *, fmt: str = "html") -> RawArticle:
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    except Exception:  # trafilatura fails on some broken pages; the fallback copes
        doc = None
    meta: dict[str, Any] = doc.as_dict() if doc is not None else {}
    body = (meta.get("text") or "").strip()
    if not body:
        # trafilatura skips very short pages; a short article is still an article.
        body = html_to_text(html)
    # A page whose only words are a link label or two is not an article.
    if len(body.split()) < 3:
        raise IngestError("no article text could be found in the HTML page (it may be truncated or broken)")
    return RawArticle(
        source_file=source_file,
        format=fmt,
        title=meta.get("title") or _html_title(html),
        text=body,
        url=meta.get("url") or None,
        publisher=meta.get("sitename") or None,
        published=parse_date(meta.get("date")),
        language=_language_code(meta.get("language")) or _html_lang(html),
        byline=meta.get("author") or None,
    )


def html_to_text(html: str) -> str:
    """Plain text of an HTML page or fragment, paragraphs on their own lines, no markup at all."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>" if "<html" not in html[:2048].lower() else html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    body = root.find(".//body")
    root = body if body is not None else root
    for el in list(root.iter(*DROPPED_TAGS, lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        el.drop_tree()
    # Source line breaks mean nothing in HTML: fold them first, so a sentence is never split
    # over two lines, then mark where blocks end.
    for el in root.iter():
        el.text = re.sub(r"\s+", " ", el.text) if el.text else el.text
        el.tail = re.sub(r"\s+", " ", el.tail) if el.tail else el.tail
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = ("\n" if el.tag.lower() == "br" else "\n\n") + (el.tail or "")
    raw = root.text_content()
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _html_title(html: str) -> str:
    match = re.search(r"<title[^>]*>(.*?)</title>", html[:65536], re.IGNORECASE | re.DOTALL)
    return html_to_text(match.group(1)) if match else ""


def _html_lang(html: str) -> str | None:
    match = re.search(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z-]+)", html[:8192], re.IGNORECASE)
    return _language_code(match.group(1)) if match else None


def _read_feed(text: str, source_file: str) -> list[RawArticle]:
    parsed = feedparser.parse(text)
    error = parsed.get("bozo_exception")
    # A truncated feed still yields the entries before the break; storing half a feed would
    # hide the problem, so any XML error fails the file. Undefined HTML entities (&nbsp;) are
    # common in real feeds and harmless, so those pass.
    benign = error is None or "undefined entity" in str(error)
    benign = benign or isinstance(error, feedparser.CharacterEncodingOverride)
    if parsed.get("bozo") and not benign:
        where = f" at line {error.getLineNumber()}" if hasattr(error, "getLineNumber") else ""
        raise IngestError(f"the feed is broken: XML error{where} ({error})")
    if not parsed.entries:
        raise IngestError("the feed has no entries")
    feed = parsed.get("feed", {})
    articles = []
    for index, entry in enumerate(parsed.entries):
        body = _entry_text(entry)
        if not body.strip():
            continue
        articles.append(
            RawArticle(
                source_file=source_file,
                format="rss",
                title=html_to_text(entry.get("title", "")),
                text=body,
                url=entry.get("link") or None,
                publisher=html_to_text(feed.get("title", "")) or None,
                published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                language=_language_code(feed.get("language")),
                byline=entry.get("author") or None,
                entry_index=index,
            )
        )
    if not articles:
        raise IngestError(f"none of the feed's {len(parsed.entries)} entries has any text")
    return articles


def _entry_text(entry: Any) -> str:
    # Full content beats the summary, which is often a teaser of the same text.
    candidates = [c for c in entry.get("content", []) if c.get("value")]
    detail = candidates[0] if candidates else entry.get("summary_detail")
    if not detail or not detail.get("value"):
        return ""
    if detail.get("type") == "text/plain":
        return detail["value"]
    return html_to_text(detail["value"])


def _struct_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except (ValueError, AttributeError):
        return None


# --- JSON -------------------------------------------------------------------------------------


def _read_json(text: str, source_file: str) -> list[RawArticle]:
    try:
        data: Any = json.loads(text)
    except RecursionError:
        raise IngestError("the JSON is nested too deeply to be an article file") from None
    except json.JSONDecodeError as e:
        if e.msg != "Extra data":
            raise IngestError(f"the JSON is broken at line {e.lineno}, column {e.colno}: {e.msg}") from None
        data = _parse_json_lines(text)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        items = data["articles"]
    elif isinstance(data, dict):
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        items = []
    if not items:
        raise IngestError(_NOT_ARTICLES)
    return [_json_article(item, i, source_file) for i, item in enumerate(items)]


_NOT_ARTICLES = (
    "the JSON holds no articles: expected an article object with a title and a text, "
    'a list of them, or {"articles": [...]}'
)


def _parse_json_lines(text: str) -> list[Any]:
    items = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise IngestError(f"the JSON Lines file is broken at line {lineno}, column {e.colno}: {e.msg}") from None
    return items


def _json_article(item: Any, index: int, source_file: str) -> RawArticle:
    if not isinstance(item, dict) or not any(key in item for key in JSON_TEXT_KEYS + JSON_TITLE_KEYS):
        raise IngestError(_NOT_ARTICLES)
    body = _first_str(item, JSON_TEXT_KEYS)
    if not body.strip():
        which = f"article {index + 1}" if index else "the article"
        raise IngestError(f"{which} in the JSON has no text (looked for {', '.join(JSON_TEXT_KEYS[:3])})")
    if re.search(r"<(p|div|br|span|a|b|i|em|strong|script)[\s>/]", body, re.IGNORECASE):
        body = html_to_text(body)
    publisher = _first_str(item, JSON_PUBLISHER_KEYS)
    url = _first_str(item, JSON_URL_KEYS)
    if publisher.startswith(("http://", "https://")):  # "source" is sometimes the page address
        url, publisher = url or publisher, ""
    source = item.get("source")
    if not publisher and isinstance(source, dict):  # {"source": {"name": "Reuters"}} as news APIs give it
        publisher = _first_str(source, ("name", "title"))
    return RawArticle(
        source_file=source_file,
        format="json",
        title=_first_str(item, JSON_TITLE_KEYS),
        text=body,
        url=url or None,
        publisher=publisher or None,
        published=parse_date(_first_str(item, JSON_DATE_KEYS)),
        language=_language_code(_first_str(item, JSON_LANGUAGE_KEYS)),
        byline=_byline_value(item),
        entry_index=index,
    )


def _first_str(item: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _byline_value(item: dict[str, Any]) -> str | None:
    for key in JSON_BYLINE_KEYS:
        value = item.get(key)
        if isinstance(value, list):
            value = ", ".join(v for v in value if isinstance(v, str))
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# --- e-mail -----------------------------------------------------------------------------------


def _looks_like_email(text: str) -> bool:
    block = text.lstrip().split("\n\n", 1)[0].split("\n")
    if block[0].startswith("From "):  # mbox separator line before the headers
        block = block[1:]
    names = set()
    for line in block:
        if line[:1] in (" ", "\t"):
            continue  # folded header continuation
        if not EMAIL_HEADER_RE.match(line):
            return False
        names.add(line.split(":", 1)[0].lower())
    return bool(names & EMAIL_MARKER_HEADERS) and bool(names & {"subject", "date", "to", "from"})


def _read_email(data: bytes, text: str, source_file: str) -> list[RawArticle]:
    # Raw bytes keep each part's own charset; a BOM-marked file is re-encoded from the decoded text.
    raw = data if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else text.encode("utf-8")
    msg = email.message_from_bytes(raw.removeprefix(b"\xef\xbb\xbf"), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    subject = str(msg.get("subject", "") or "")
    parts = [p for p in (msg.get_body(preferencelist=(kind,)) for kind in ("plain", "html")) if p is not None]
    if not parts:
        if any(True for _ in msg.iter_attachments()):
            raise IngestError("the e-mail has only attachments and no text body")
        raise IngestError("the e-mail has no text body")
    part, content = _email_body(parts)

    if part.get_content_subtype() == "html":
        article = _read_html(content, source_file, fmt="email")
    else:
        article = _read_plain_text(content, source_file, detect_headline=not subject)
        article.format = "email"
    article.title = subject or article.title
    article.published = _email_date(msg.get("date")) or article.published
    if not article.publisher:
        article.publisher = _sender_name(msg) or None
    return [article]


def _email_body(parts: list[Any]) -> tuple[Any, str]:
    """The first part with text, plain before HTML (some mailers send an empty plain part)."""
    for part in parts:
        try:
            content = part.get_content()
        except (LookupError, UnicodeError) as e:
            raise IngestError(f"the e-mail body cannot be decoded ({e})") from None
        if isinstance(content, str) and content.strip():
            return part, content
    raise IngestError("the e-mail has an empty text body")


def _email_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(str(value)).date()
    except (TypeError, ValueError, IndexError):
        return parse_date(str(value))


def _sender_name(msg: EmailMessage) -> str:
    try:
        header = msg["from"]
        addresses = header.addresses if header is not None else ()
    except (AttributeError, IndexError, ValueError):
        return ""  # a malformed From: header is no reason to fail the article
    return addresses[0].display_name if addresses else ""


# --- shared helpers -------------------------------------------------------------------------------


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A calendar date from metadata in any common form, or None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser raises assorted errors on junk; junk means "unknown"
        return None
    return parsed.date() if parsed else None


def _language_code(value: str | None) -> str | None:
    match = re.match(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$", value or "")
    return match.group(1).lower() if match else None


@functools.cache
def _detector() -> LanguageDetector:
    # Built once per process and only when needed: building is cheap, the models load lazily.
    return LanguageDetectorBuilder.from_languages(*DETECTED_LANGUAGES).with_low_accuracy_mode().build()


# Words frequent in one of the four languages the extractor reads and rare in the others (and
# in the other languages detected): a paragraph full of one set and nearly free of the rest is
# that language without asking the statistical model.
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "that", "for", "with", "was", "said", "has", "which", "from", "have", "this"},
    "fr": {"le", "les", "des", "et", "une", "du", "dans", "pour", "qui", "sur", "au", "par", "est", "aux", "ont"},
    "nl": {"het", "een", "van", "dat", "voor", "met", "niet", "zijn", "wordt", "ook", "naar", "bij", "heeft"},
    "de": {"der", "das", "und", "ist", "nicht", "mit", "den", "von", "für", "auf", "dem", "eine", "sich", "wird"},
}
_WORD = re.compile(r"[^\W\d_]+")


def _clear_language(sample: str) -> str | None:
    """The language whose function words fill the sample (8 or more, 4x any other), else None."""
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in _WORD.findall(sample.lower()):
        for code, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[code] += 1
    first, second = sorted(counts.values(), reverse=True)[:2]
    return max(counts, key=counts.__getitem__) if first >= 8 and first >= 4 * second else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    # A paragraph tells the language as well as a page does, at a fraction of the cost.
    sample = text[:800]
    if len(sample.strip()) < 20:
        return None
    if clear := _clear_language(sample):
        return clear
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
