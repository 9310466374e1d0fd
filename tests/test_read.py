import datetime as dt
import json
from pathlib import Path

import pytest

from tracker.ingest.read import _clear_language, detect_language, read_bytes, read_file
from tracker.ingest.types import IngestError

MB = 1024 * 1024
LIMIT = 10 * MB

BODY_EN = (
    "The ministry said on Tuesday that it would review the takeover of the port operator.\n\n"
    "Officials fear that the foreign buyer could gain access to sensitive shipping data."
)
BODY_FR = (
    "Le ministère a annoncé mardi qu'il examinerait le rachat de l'exploitant du port.\n\n"
    "Les responsables craignent que l'acheteur étranger accède à des données sensibles."
)


def read(data: bytes, name: str = "article.txt") -> list:
    return read_bytes(data, source_file=name, max_bytes=LIMIT)


def assert_fails(data: bytes, *words: str, name: str = "article.txt") -> str:
    with pytest.raises(IngestError) as info:
        read(data, name)
    message = str(info.value)
    for word in words:
        assert word in message, message
    # Shown to people as the job's reason: a short sentence, not a traceback.
    assert 10 < len(message) < 300 and "Traceback" not in message
    return message


# --- plain text -----------------------------------------------------------------------------


def test_it_takes_source_and_title_headers_as_metadata() -> None:
    data = f"Source: https://example.com/news/1\nTitle: Port deal under review\n\n{BODY_EN}\n".encode()
    [article] = read(data)
    assert article.format == "text"
    assert article.url == "https://example.com/news/1"
    assert article.title == "Port deal under review"
    assert article.text == BODY_EN
    assert article.language == "en"
    assert article.source_file == "article.txt"


def test_it_takes_a_headline_first_line_as_title_and_keeps_every_sentence() -> None:
    data = f"Port deal under review over spying fears\n\n{BODY_EN}\n".encode()
    [article] = read(data)
    assert article.title == "Port deal under review over spying fears"
    assert article.text == BODY_EN


def test_it_keeps_a_first_line_that_is_a_sentence_in_the_text() -> None:
    [article] = read(BODY_EN.encode())
    assert article.text == BODY_EN
    assert article.title.startswith("The ministry said")


def test_it_does_not_take_a_header_like_sentence_as_header() -> None:
    data = f"Title: a word that opens the first paragraph\n{BODY_EN}".encode()
    [article] = read(data)
    assert article.text.startswith("Title: a word")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_it_normalises_line_endings(newline: str) -> None:
    data = f"Title: Port deal{newline}{newline}{BODY_EN.replace(chr(10), newline)}".encode()
    [article] = read(data)
    assert article.text == BODY_EN
    assert "\r" not in article.text


def test_it_nfc_normalises_decomposed_accents() -> None:
    decomposed = "Lie\u0300ge airport hub is watched by the security service of Belgium."
    [article] = read(f"Title: Hub\n\n{decomposed}".encode())
    assert "Li\u00e8ge" in article.text


# --- encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_it_decodes_unicode_with_and_without_bom(encoding: str) -> None:
    text = f"Title: Liège\n\n{BODY_FR}"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # the BOM is what makes UTF-16 recognisable
        data = "\ufeff".encode(encoding) + data
    [article] = read(data)
    assert article.title == "Liège"
    assert article.text == BODY_FR
    assert article.language == "fr"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_it_decodes_eight_bit_western_text(encoding: str) -> None:
    text = f"Title: Liège €\n\n{BODY_FR} L’aéroport est surveillé."
    if encoding == "latin-1":
        text = text.replace("€", "").replace("’", "'")
    [article] = read(text.encode(encoding))
    assert "ministère" in article.text and "aéroport" in article.text


# --- HTML ------------------------------------------------------------------------------------------


def test_it_reads_main_text_and_metadata_of_an_html_page() -> None:
    html = f"""<!DOCTYPE html><html lang="en"><head><title>Port deal - Example Times</title>
    <link rel="canonical" href="https://example.com/port-deal">
    <meta property="og:site_name" content="Example Times">
    <meta property="article:published_time" content="2023-07-04T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Port deal</h1>
    <p>{BODY_EN.split(chr(10))[0]}</p><p>{BODY_EN.split(chr(10))[-1]}</p></article></body></html>"""
    [article] = read(html.encode(), "page.html")
    assert article.format == "html"
    assert article.url == "https://example.com/port-deal"
    assert article.publisher == "Example Times"
    assert article.published == dt.date(2023, 7, 4)
    assert article.language == "en"
    assert "review the takeover of the port operator" in article.text


def test_it_turns_hostile_html_into_plain_text() -> None:
    html = """<html><head><script>steal()</script></head><body>
    <p onclick="steal()">The regulator blocked the sale of the chip maker to the foreign bidder.</p>
    <script>document.cookie</script><style>p {color: red}</style>
    <img src="x" onerror="alert(1)"><a href="javascript:alert(2)">Read the decision</a>
    <iframe src="https://evil.example"></iframe><!-- hidden comment --></body></html>"""
    [article] = read(html.encode(), "page.html")
    assert "The regulator blocked the sale" in article.text
    for bad in ("<", ">", "steal", "alert", "javascript", "onerror", "cookie", "color", "hidden comment"):
        assert bad not in article.text


def test_it_detects_html_by_content_whatever_the_name() -> None:
    html = f"<html><body><p>{BODY_EN}</p></body></html>"
    [article] = read(html.encode(), "download.txt")
    assert article.format == "html"


# --- feeds -------------------------------------------------------------------------------------------


def test_it_reads_each_rss_item_as_an_article() -> None:
    rss = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
    <title>Example Wire</title><language>en-gb</language>
    <item><title>First</title><link>https://example.com/1</link>
    <description>&lt;p&gt;{BODY_EN}&lt;/p&gt;</description><pubDate>Tue, 04 Jul 2023 10:00:00 GMT</pubDate></item>
    <item><title>Second</title><link>https://example.com/2</link>
    <description>A second report says the buyer has withdrawn its offer for the port.</description></item>
    </channel></rss>"""
    articles = read(rss.encode(), "feed.xml")
    assert [a.entry_index for a in articles] == [0, 1]
    assert [a.title for a in articles] == ["First", "Second"]
    first = articles[0]
    assert first.format == "rss"
    assert first.url == "https://example.com/1"
    assert first.publisher == "Example Wire"
    assert first.published == dt.date(2023, 7, 4)
    assert first.language == "en"
    assert "<p>" not in first.text and "review the takeover" in first.text


def test_it_reads_an_atom_feed_with_html_content() -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Atom News</title><id>urn:x</id><updated>2024-01-02T00:00:00Z</updated>
    <entry><title>Deal blocked</title><id>urn:1</id><link href="https://example.com/a"/>
    <updated>2024-01-02T08:00:00Z</updated>
    <content type="html">&lt;p&gt;{BODY_EN}&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</content></entry></feed>"""
    [article] = read(atom.encode(), "atom.xml")
    assert article.url == "https://example.com/a"
    assert article.published == dt.date(2024, 1, 2)
    assert "Officials fear" in article.text and "x()" not in article.text


def test_it_never_splits_a_sentence_at_a_source_line_break_in_feed_html() -> None:
    rss = """<rss version="2.0"><channel><title>Wire</title><item><title>A</title><description>
    &lt;p&gt;The regulator
      blocked the sale&lt;br&gt;of the port.&lt;/p&gt;&lt;p&gt;Second paragraph here.&lt;/p&gt;
    </description></item></channel></rss>"""
    [article] = read(rss.encode(), "feed.rss")
    assert article.text == "The regulator blocked the sale\nof the port.\n\nSecond paragraph here."


# --- JSON ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("wrap", [lambda a: a, lambda a: [a, a], lambda a: {"articles": [a]}])
def test_it_reads_json_articles_in_each_shape(wrap) -> None:
    item = {
        "headline": "Port deal",
        "body": BODY_EN,
        "link": "https://example.com/j",
        "source": {"name": "Example Wire"},
        "date": "2023-07-04",
    }
    articles = read(json.dumps(wrap(item)).encode(), "articles.json")
    assert articles[0].format == "json"
    assert articles[0].title == "Port deal"
    assert articles[0].text == BODY_EN
    assert articles[0].url == "https://example.com/j"
    assert articles[0].publisher == "Example Wire"
    assert articles[0].published == dt.date(2023, 7, 4)
    assert [a.entry_index for a in articles] == list(range(len(articles)))


def test_it_reads_json_lines() -> None:
    lines = [{"title": "One", "text": BODY_EN, "language": "en-GB"}, {"title": "Deux", "content": BODY_FR}]
    data = "\n".join(json.dumps(item) for item in lines).encode()
    articles = read(data, "feed.jsonl")
    assert [(a.title, a.language) for a in articles] == [("One", "en"), ("Deux", "fr")]


# --- e-mail -------------------------------------------------------------------------------------------------


EMAIL_HEAD = (
    "From: Example Alerts <alerts@example.com>\nTo: desk@example.org\n"
    "Subject: Port deal under review\nDate: Tue, 04 Jul 2023 10:00:00 +0000\nMIME-Version: 1.0\n"
)


def test_it_reads_a_plain_text_email() -> None:
    data = (EMAIL_HEAD + "Content-Type: text/plain; charset=utf-8\n\n" + BODY_EN + "\n").encode()
    [article] = read(data, "alert.eml")
    assert article.format == "email"
    assert article.title == "Port deal under review"
    assert article.published == dt.date(2023, 7, 4)
    assert article.publisher == "Example Alerts"
    assert article.text == BODY_EN


def test_it_prefers_the_plain_part_and_falls_back_to_html() -> None:
    multipart = (
        EMAIL_HEAD + 'Content-Type: multipart/alternative; boundary="b"\n\n'
        "--b\nContent-Type: text/html; charset=utf-8\n\n<p>HTML copy of the report about the port deal.</p>\n"
        f"--b\nContent-Type: text/plain; charset=utf-8\n\n{BODY_EN}\n--b--\n"
    )
    [article] = read(multipart.encode(), "alert.eml")
    assert article.text == BODY_EN
    html_only = (
        EMAIL_HEAD + f"Content-Type: text/html; charset=utf-8\n\n<div><p>{BODY_EN}</p><script>x()</script></div>"
    )
    [article] = read(html_only.encode(), "alert.eml")
    assert "review the takeover" in article.text and "<" not in article.text and "x()" not in article.text


# --- bad input ---------------------------------------------------------------------------------------------


def test_it_rejects_an_empty_file() -> None:
    assert_fails(b"", "the file is empty")


def test_it_rejects_a_file_of_whitespace() -> None:
    assert_fails(b" \n\r\n\t  \n", "only whitespace")


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG"),
        (b"PK\x03\x04" + b"\x14\x00" * 20, "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"Some text\x00\x00\x01\x02 with NUL bytes", "binary"),
    ],
)
def test_it_rejects_binary_data_under_any_name(data: bytes, word: str) -> None:
    assert_fails(data, word, name="article.txt")


def test_it_rejects_mostly_non_text_bytes() -> None:
    data = bytes(range(1, 32)) * 40  # control characters without NULs
    assert_fails(data, "binary")


def test_it_rejects_text_in_no_known_encoding() -> None:
    assert_fails(b"\x81\x8d\x8f\x90\x9d" * 50, "encoding could not be recognised")


def test_it_decodes_utf16_without_bom_rather_than_calling_it_binary() -> None:
    [article] = read(f"Title: Port\n\n{BODY_EN}".encode("utf-16-le"))
    assert article.text == BODY_EN


def test_it_rejects_a_bom_that_lies() -> None:
    assert_fails(b"\xff\xfe" + b"\x00\xd8" * 3, "UTF-16")


def test_it_rejects_truncated_html_with_no_text() -> None:
    assert_fails(
        b"<!DOCTYPE html><html><head><title>Port deal</title><script>var a = 1", "no article text", name="page.html"
    )


def test_it_rejects_json_that_is_not_articles() -> None:
    for data in (b'{"status": "ok", "count": 3}', b"[1, 2, 3]", b'"just a string"', b"[]"):
        assert_fails(data, "no articles", name="x.json")
    assert_fails(b'[{"title": "Port deal", "text": "Body."}, {"title": "No body"}]', "article 2", "no text")


def test_it_says_where_json_is_broken() -> None:
    assert_fails(b'{\n  "title": "Port deal",\n  "text": "unfinished', "line 3", name="x.json")
    assert_fails(b'{"title": "a", "text": "b"}\n{"title": oops}\n', "line 2", name="x.jsonl")


def test_it_rejects_a_feed_without_entries() -> None:
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    assert_fails(rss, "no entries", name="feed.xml")


def test_it_rejects_a_broken_feed() -> None:
    rss = b'<rss version="2.0"><channel><title>x</title><item><title>A</title><description>Hi there'
    assert_fails(rss, "feed is broken", name="feed.xml")


def test_it_rejects_an_email_with_only_an_attachment() -> None:
    data = (
        EMAIL_HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n'
        "--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=r.pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjcK\n--b--\n"
    )
    assert_fails(data.encode(), "only attachments", name="alert.eml")


def test_it_rejects_unsupported_formats() -> None:
    assert_fails(b'<?xml version="1.0"?><invoice><total>3</total></invoice>', "not supported", name="a.xml")
    assert_fails(b"{\\rtf1\\ansi Port deal}", "RTF", name="a.rtf")


def test_it_rejects_bytes_over_the_limit() -> None:
    with pytest.raises(IngestError, match="over the 1 KB limit"):
        read_bytes(b"a" * 2048, source_file="big.txt", max_bytes=1024)


def test_it_rejects_a_big_file_before_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:  # sparse: large on paper, cheap to make
        f.truncate(int(12.3 * MB))

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(IngestError, match=r"^the file is 12.3 MB, over the 10 MB limit$"):
        read_file(path, max_bytes=LIMIT)


def test_it_reads_a_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(f"Source: https://example.com/x\nTitle: Port deal\n\n{BODY_EN}".encode())
    [article] = read_file(path, max_bytes=LIMIT)
    assert article.source_file == "story.txt" and article.text == BODY_EN


def test_it_reports_a_file_deleted_before_the_worker_reads_it(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"^the file no longer exists$"):
        read_file(tmp_path / "gone.txt", max_bytes=LIMIT)


PARAGRAPHS = {
    "en": "The government said on Monday that it had blocked the sale of the company to a Chinese buyer, "
    "which had offered to pay for the plant with cash from its parent, and that the decision was final.",
    "fr": "Le gouvernement a bloqué la vente de l'entreprise à un acheteur chinois, qui proposait de payer "
    "l'usine par des fonds de sa maison mère, et les services de renseignement sont inquiets pour le site.",
    "nl": "De regering heeft de verkoop van het bedrijf aan een Chinese koper tegengehouden, die voor de "
    "fabriek met geld van het moederbedrijf wilde betalen; de inlichtingendienst is niet gerust en dat blijft ook zo.",
    "de": "Die Regierung hat den Verkauf des Unternehmens an einen chinesischen Käufer untersagt, der das Werk "
    "mit Geld von der Muttergesellschaft bezahlen wollte; der Verfassungsschutz ist nicht beruhigt "
    "und sieht sich bestätigt.",
    # Other languages share few of those words: the statistical model decides them.
    "es": "El Gobierno ha decidido bloquear la compra de la empresa por parte de un grupo chino, según informó "
    "el ministerio en un comunicado. La operación afectaba a una planta en Madrid y los servicios de inteligencia "
    "habían expresado su preocupación.",
    "sv": "Regeringen har beslutat att stoppa försäljningen av företaget till en kinesisk köpare, meddelade "
    "departementet på måndagen. Säkerhetspolisen hade varnat för att affären kunde hota Sveriges säkerhet.",
}


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_the_language_is_told_by_function_words_where_they_are_clear_else_by_the_model(code):
    text = PARAGRAPHS[code]
    assert detect_language(text) == code
    assert _clear_language(text) == (code if code in {"en", "fr", "nl", "de"} else None)


def test_a_paragraph_mixing_two_languages_is_left_to_the_model():
    mixed = PARAGRAPHS["de"] + " " + PARAGRAPHS["en"]
    assert _clear_language(mixed) is None
    assert detect_language(mixed) in {"de", "en"}
