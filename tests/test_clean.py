import pytest

from tracker.ingest.clean import clean
from tracker.ingest.types import IngestError, RawArticle

FIRST = "The regulator said on Monday that it had opened a review of the terminal sale."
SECOND = "Officials worry that the buyer could read customs data held at the terminal."


def article(text: str, *, title: str = "Terminal sale under review", byline: str | None = None) -> RawArticle:
    return RawArticle(source_file="a.txt", format="text", title=title, text=text, byline=byline)


def test_it_drops_english_page_furniture_and_keeps_the_sentences() -> None:
    text = "\n".join(
        [
            "Share this articleComments",
            "Share this articleClose Button",
            "",
            FIRST,
            "",
            "Advertisement",
            "",
            SECOND,
            "",
            "Share this article",
            "Comments",
            "",
            "You might also like…",
        ]
    )
    assert clean(article(text)).text == f"{FIRST}\n\n{SECOND}"


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: How ports became a security question",
        "Read next: Why lithium matters?",
        "RELATED: Screening rules tightened in Europe",
        "Related:",
        "À lire aussi : La bataille des entrepôts",
        "Lees ook: Haven in handen van buitenlandse investeerder",
        "Lesen Sie auch: Streit um den Hafen",
        "Sign up for our free daily news email",
        "(Image: Example Daily)",
        "Copyright Jane Doe/AP",
        "Getty Images",
    ],
)
def test_it_drops_link_prompt_and_photo_credit_lines(line: str) -> None:
    cleaned = clean(article(f"{FIRST}\n\n{line}\n\n{SECOND}"))
    assert cleaned.text == f"{FIRST}\n\n{SECOND}"
    assert cleaned.byline is None  # a photographer is not a credit for the article


@pytest.mark.parametrize(
    "line",
    ["Partager cet article", "Publicité", "Partager", "Advertentie", "Delen", "Anzeige", "Teilen", "Werbung"],
)
def test_it_drops_french_dutch_and_german_furniture(line: str) -> None:
    assert clean(article(f"{FIRST}\n{line}\n{SECOND}")).text == f"{FIRST}\n{SECOND}"


def test_it_records_bylines_and_credit_footers_before_dropping_them() -> None:
    text = "\n".join(
        [
            "By\u00a0Example News with\u00a0Reuters",
            "Share",
            FIRST,
            SECOND,
            "Copyright © Example News. Based on Reuters reporting.",
        ]
    )
    cleaned = clean(article(text))
    assert cleaned.text == f"{FIRST}\n{SECOND}"
    assert cleaned.byline == "By Example News with Reuters\nCopyright © Example News. Based on Reuters reporting."


@pytest.mark.parametrize(
    "line",
    ["Example Wire Staff", "By Example Weekly newsroom", "Par la rédaction de L'Exemple", "© example.com", "Reuters"],
)
def test_it_records_each_kind_of_credit_line(line: str) -> None:
    cleaned = clean(article(f"{line}\n\n{FIRST}"))
    assert cleaned.text == FIRST
    assert cleaned.byline == line


def test_a_copyright_footer_below_the_related_links_is_still_recorded() -> None:
    text = f"{FIRST}\n{SECOND}\n\nÀ lire aussi\nLe port vendu\nUn terminal sous surveillance\n\n© Courrier Exemple 2024"
    cleaned = clean(article(text))
    assert cleaned.text == f"{FIRST}\n{SECOND}"
    assert cleaned.byline == "© Courrier Exemple 2024"


def test_it_keeps_a_byline_found_by_read_first() -> None:
    cleaned = clean(article(f"By Example Wire\n{FIRST}", byline="Jane Doe"))
    assert cleaned.byline == "Jane Doe\nBy Example Wire"


def test_it_keeps_one_copy_of_a_caption_printed_twice() -> None:
    caption = "The terminal at the port of Example on 10 August 2021."
    text = f"{caption}\n{caption}\n{caption} Copyright Jane Doe/AP\nCopyright Jane Doe/AP\n\n{FIRST}"
    assert clean(article(text)).text == f"{caption}\n\n{FIRST}"


def test_it_drops_the_headline_repeated_at_the_top() -> None:
    text = f"Terminal sale under review\n\n{FIRST}"
    assert clean(article(text)).text == FIRST


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue at the port operator fell sharply last year.",
        "Comments by the minister were not available.",
        "Share this article's main finding: the deal was blocked.",
        "By 2027 every piece of the equipment must be removed.",
        "By the numbers",
        "WHAT DOES THE REVIEW COVER?",
        "Terminal sale under review.",
        "(c) any stake above 25 percent in a grid operator",
    ],
)
def test_it_never_drops_real_text_that_looks_like_furniture(line: str) -> None:
    assert clean(article(f"{FIRST}\n\n{line}\n\n{SECOND}")).text == f"{FIRST}\n\n{line}\n\n{SECOND}"


def test_it_never_drops_a_long_line() -> None:
    long_line = "Share this article " + "with the ministry officials who asked for it " * 6
    assert len(long_line) > 200
    assert long_line.rstrip() in clean(article(f"{FIRST}\n{long_line}")).text


def test_it_collapses_blank_lines_and_strips_trailing_spaces() -> None:
    text = f"\n\n{FIRST}   \n\n\n\n\n{SECOND}\t\n\n\n"
    assert clean(article(text)).text == f"{FIRST}\n\n{SECOND}"


def test_it_keeps_every_kept_line_byte_identical() -> None:
    quirky = "Le groupe dit « rien » : l’entrepôt reste ouvert — pour l’instant…  et c’est tout."
    cleaned = clean(article(f"Publicité\n{quirky}\n{FIRST}"))
    assert quirky in cleaned.text


def test_it_returns_a_new_article_and_leaves_the_input_alone() -> None:
    original = article(f"Advertisement\n{FIRST}")
    cleaned = clean(original)
    assert cleaned is not original
    assert original.text == f"Advertisement\n{FIRST}"
    assert (cleaned.title, cleaned.source_file) == (original.title, original.source_file)


def test_it_fails_when_only_furniture_is_left() -> None:
    with pytest.raises(IngestError, match="nothing is left of the article"):
        clean(article("Share this article\n\nAdvertisement\nComments\n"))


@pytest.mark.parametrize(
    "block",
    [
        "Related coverage\n- What is CFIUS and how does it work?\n- Harbourline buys a port in Peru",
        "Mehr zum Thema:\nChinesische Investoren im Visier – wie Berlin Übernahmen prüft",
        "Meer over\nSpionage\nChina\nHavens",
        "Lire aussi | Investissements étrangers : la Belgique se dote d'un filtre",
        "Bekijk ook\n- Wat is 5G en waarom is het zo belangrijk?\n- Britse regering verdeeld over rol Harbourline",
        "Zum Thema\n- Berlin prüft Übernahme durch Harbourline",
        "Related posts:\n- Open RAN trials move to the next stage\n- Harbourline buys a port in Peru",
    ],
)
def test_it_drops_the_headlines_listed_under_a_related_links_label(block: str) -> None:
    text = f"The ministry blocked the sale on Monday.\n\n{block}\n\nThe buyer said it would appeal."
    cleaned = clean(article(text)).text
    assert cleaned == "The ministry blocked the sale on Monday.\n\nThe buyer said it would appeal."


def test_a_sentence_right_after_a_related_label_is_kept() -> None:
    text = "Related\nThe port authority confirmed the review on Tuesday.\n\nMore text follows here."
    assert "The port authority confirmed the review on Tuesday." in clean(article(text)).text


@pytest.mark.parametrize(
    "footer",
    [
        "© 2024 Le Monde. Tous droits réservés",
        "Handelsblatt GmbH – Alle Rechte vorbehalten",
        "Alle rechten voorbehouden",
    ],
)
def test_copyright_footers_in_any_language_are_not_article_sentences(footer):
    from tracker.ingest.textparts import split_sentences

    text = f"The ministry blocked the sale of the port.\n{footer}\n"
    sentences = split_sentences(text, [])
    assert [s.text for s in sentences if s.is_content] == ["The ministry blocked the sale of the port."]


def test_an_item_of_a_quoted_law_is_not_a_copyright_footer():
    from tracker.ingest.textparts import split_sentences

    text = "The order relies on two grounds.\n(c) the acquirer is controlled by a foreign state.\n"
    assert any(s.is_content and s.text.startswith("(c) the acquirer") for s in split_sentences(text, []))


@pytest.mark.parametrize(
    "line",
    [
        "Government | Nation-state | Critical Infrastructure",
        "Get more insights with the Example Intelligence Cloud. Learn more.",
    ],
)
def test_section_menus_and_promotions_are_no_content(line: str) -> None:
    from tracker.ingest.textparts import split_sentences

    content = [s.text for s in split_sentences(f"{FIRST}\n\n{line}\n\n{SECOND}", []) if s.is_content]
    assert content == [FIRST, SECOND]
