"""Where an article comes from and when, on texts written for these tests: the publisher, from the
page's site, a masthead line, a byline or a copyright footer; the wire credits and the outlets a story
cites, kept apart from it; and the publication date, from a date line, a dateline, the URL or a credit
line, but not from a photo caption. No database, no corpus files."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_helpers import run, small_gazetteer
from tracker.ingest.extract import _clean_byline, _spells_domain
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.textparts import DATE_RE, parse_date

OUTLETS = [
    {"name": "Reuters", "aliases": [], "kind": "wire"},
    {"name": "Nordic Press Agency", "aliases": ["NPA", "NPA News"], "kind": "wire"},
    {"name": "The Daily Ledger", "aliases": ["Daily Ledger"], "kind": "outlet"},
    {"name": "Der Morgenkurier", "aliases": [], "kind": "outlet"},
    {"name": "Kestrel News", "aliases": [], "kind": "outlet"},
    {"name": "The Northern Valley Courier", "aliases": [], "kind": "outlet"},
    {"name": "Avondpost", "aliases": [], "kind": "outlet", "domains": ["avp.example"]},
    {"name": "Wrenfield", "aliases": ["Wrenfield Business"], "kind": "outlet"},
    {"name": "Harbour Times", "aliases": [], "kind": "outlet"},
]
BODY = "\n\nThe ministry said it would review the purchase of the port terminal by Harbourline."


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(outlets=OUTLETS)


@pytest.fixture(scope="module")
def small_gaz() -> Gazetteer:
    """The small gazetteer of companies, bodies and outlets the other extractor tests share."""
    return small_gazetteer()


# -- the page's site -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "publisher"),
    [
        ("https://www.morgenkurier.example/wirtschaft/a", "Der Morgenkurier"),  # article dropped
        ("https://kestrel.example/a", "Kestrel News"),  # generic last word dropped
        ("https://www.nvc.example/a", "The Northern Valley Courier"),  # initials
        ("https://www.avp.example/a", "Avondpost"),  # a "domains" entry
        ("https://business.wrenfield.example/a", "Wrenfield Business"),  # section subdomain
        ("https://www.wrenfield.example/news/a", "Wrenfield"),
        ("https://www.harbour.example/news/a", "harbour.example"),  # no outlet: the host
        ("https://www.npanews.example/a", "NPA News"),  # a wire's own site goes by the site's name
    ],
)
def test_the_url_names_the_site_outlet(gaz: Gazetteer, url: str, publisher: str) -> None:
    assert run(gaz, "The ministry said it would review the deal.", url=url).publisher == publisher


def test_a_site_outlet_with_a_news_section_alias_takes_it() -> None:
    local = Gazetteer(outlets=[{"name": "Kestrel", "aliases": ["Kestrel News"], "kind": "outlet"}])
    assert run(local, "A review.", url="https://www.kestrel.example/news/a").publisher == "Kestrel News"
    assert run(local, "A review.", url="https://www.kestrel.example/sport/a").publisher == "Kestrel"


def test_publisher_falls_back_to_the_url_domain(small_gaz: Gazetteer) -> None:
    ex = run(small_gaz, "Harbourline is under review over espionage.", url="https://www.dailyledger.example/a")
    assert ex.publisher == "The Daily Ledger"  # a known outlet's domain
    ex = run(small_gaz, "Harbourline is under review over espionage.", url="https://www.harbour-watch.example/a")
    assert ex.publisher == "harbour-watch.example"


def test_an_unknown_site_goes_by_the_name_the_text_prints_for_it(gaz: Gazetteer) -> None:
    text = "Kamervragen over de scanners." + "\n\nDat meldt Zuidkust Nieuws op basis van documenten."
    assert run(gaz, text, url="https://www.zuidkustnieuws.example/a").publisher == "Zuidkust Nieuws"
    assert run(gaz, "a zuidkust nieuws item", url="https://zuidkustnieuws.example/a").publisher == (
        "zuidkustnieuws.example"
    )


def test_a_headline_may_end_in_its_sites_name(gaz: Gazetteer) -> None:
    ex = run(gaz, "A review.", title="Port sale blocked | Harbour Times", url="https://www.ht.example/a")
    assert ex.publisher == "Harbour Times"
    ex = run(gaz, "A review.", title="Port sale blocked - Zuidkust Nieuws", url="https://www.zuidkust.example/a")
    assert ex.publisher == "Zuidkust Nieuws"


def test_the_site_wins_over_an_outlet_or_wire_named_in_the_credits(gaz: Gazetteer) -> None:
    ex = run(gaz, "By Jane Doe, Reuters" + BODY, url="https://www.dailyledger.example/a")
    assert ex.publisher == "The Daily Ledger"
    assert ex.wire_credits == ["Reuters"]
    ex = run(gaz, "© Harbour Times" + BODY, url="https://www.dailyledger.example/a")
    assert ex.publisher == "The Daily Ledger"


def test_an_unknown_site_goes_by_the_name_it_prints_accents_and_all(gaz: Gazetteer) -> None:
    text = "Le Réveil Picard\nAccueil | Économie\n\nLe gouvernement a bloqué le rachat du port par un groupe chinois."
    ex = run(gaz, text, url="https://www.lereveilpicard.fr/economie/port")
    assert ex.publisher == "Le Réveil Picard"


def test_an_unknown_site_with_a_short_domain_is_its_acronym(gaz: Gazetteer) -> None:
    text = "Die Bundesregierung hat den Verkauf des Hafens an einen chinesischen Konzern untersagt."
    assert run(gaz, text, url="https://www.kbz.de/wirtschaft/hafen").publisher == "KBZ"


def test_an_unknown_site_printed_in_the_german_genitive(gaz: Gazetteer) -> None:
    text = "Der Dienst hat nach Informationen des Tagesblatts Bedenken angemeldet."
    assert run(gaz, text, url="https://www.tagesblatt.example/a").publisher == "Tagesblatt"


def test_a_hyphenated_domain_is_printed_as_words(gaz: Gazetteer) -> None:
    text = "The ministry said it would review the deal.\n\n© Courrier Éco 2024"
    assert run(gaz, text, url="https://www.courrier-eco.example/a").publisher == "Courrier Éco"


def test_a_hyphenated_domain_printed_in_a_dateline(gaz: Gazetteer) -> None:
    text = "WASHINGTON, Nov 25 (Wire Global) - The regulator said it would review the deal."
    assert run(gaz, text, url="https://www.wire-global.example/a").publisher == "Wire Global"


def test_a_known_site_goes_by_the_form_its_page_prints(gaz: Gazetteer) -> None:
    local = Gazetteer(outlets=[{"name": "Radio Kestrel", "aliases": ["Ici Kestrel"], "kind": "outlet"}])
    text = "Ici Kestrel\nInfo | Économie\n\n" + BODY.strip()
    assert run(local, text, url="https://ici.kestrel.example/a").publisher == "Ici Kestrel"


# -- a masthead line above the article -------------------------------------------------------------


@pytest.mark.parametrize(
    ("masthead", "publisher"),
    [
        ("Harbour Times • Economie • Buitenland", "Harbour Times"),  # a known outlet with its sections
        ("Morgenkurier | Wirtschaft", "Der Morgenkurier"),  # a known outlet printed without its article
        ("Daily Ledger / Business", "Daily Ledger"),  # an alias is the form the page prints
    ],
)
def test_a_masthead_line_names_a_known_outlet(gaz: Gazetteer, masthead: str, publisher: str) -> None:
    text = f"{masthead}\n\nPort sale under review\n\n" + BODY.strip()
    assert run(gaz, text, title="Port sale under review", url="https://www.example.org/a").publisher == publisher


def test_an_unknown_masthead_counts_only_when_it_spells_the_domain(gaz: Gazetteer) -> None:
    text = "Automotive Wire Europe\n\nPort sale under review\n\n" + BODY.strip()
    ex = run(gaz, text, title="Port sale under review", url="https://www.autowire.example/a")
    assert ex.publisher == "Automotive Wire Europe"
    ex = run(gaz, text, title="Port sale under review", url="https://www.carsdaily.example/a")
    assert ex.publisher == "carsdaily.example"


def test_a_two_letter_domain_is_spelled_by_a_two_word_masthead(gaz: Gazetteer) -> None:
    text = "Zuider Bode\nEconomie\n\nPort sale under review\n\n" + BODY.strip()
    assert run(gaz, text, title="Port sale under review", url="https://www.zb.example/a").publisher == "Zuider Bode"


def test_a_site_under_another_countrys_domain_is_not_the_known_outlet() -> None:
    local = Gazetteer(
        outlets=[{"name": "KRN Nieuwsradio", "aliases": ["KRN"], "kind": "outlet", "domains": ["krn.nl"]}]
    )
    assert run(local, BODY, url="https://krn.nl/a").publisher == "KRN Nieuwsradio"
    assert run(local, BODY, url="https://www.krn.bg/fr/a").publisher != "KRN Nieuwsradio"


def test_the_headline_is_not_a_masthead(gaz: Gazetteer) -> None:
    text = "Harbour Times\n\n" + BODY.strip()
    ex = run(gaz, text, title="Harbour Times", url="https://www.example.org/a")
    assert ex.publisher == "example.org"


@pytest.mark.parametrize(
    ("label", "name", "spells"),
    [
        ("autonews", "Automotive News Europe", True),
        ("faz", "Frankfurter Allgemeine Zeitung", True),
        ("zkdagblad", "Zuidkust Dagblad", False),  # a letter from the middle of a word
        ("news", "Automotive News", False),  # must start with the first word
        ("ab", "Alpha Beta", True),  # two letters: the initials of two words
        ("ab", "Alpha Beta Gamma", False),  # but not of a longer name
        ("ab", "Abbey", False),  # nor the start of one word
        ("taskandpurpose", "Task & Purpose", True),  # an ampersand is spelled out
    ],
)
def test_a_domain_spelled_from_word_starts(label: str, name: str, spells: bool) -> None:
    assert _spells_domain(label, name) is spells


# -- bylines and footers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe | The Daily Ledger",
        "Door Jan Jansen, Daily Ledger",
        "Von Eva Muster, The Daily Ledger",
        "By Jane Doe for The Daily Ledger",
    ],
)
def test_the_outlet_after_the_writers_name(gaz: Gazetteer, byline: str) -> None:
    assert run(gaz, byline + BODY).publisher in ("The Daily Ledger", "Daily Ledger")


@pytest.mark.parametrize(
    "footer",
    [
        "Der Morgenkurier GmbH – Alle Rechte vorbehalten",
        "© 2024 Der Morgenkurier GmbH & Co. KG",
        "Copyright © 2021 Der Morgenkurier. Tous droits réservés.",
        "Der Morgenkurier B.V. - alle rechten voorbehouden",
        "© Der Morgenkurier Mediengruppe 2020. All rights reserved.",
    ],
)
def test_a_copyright_footer_names_the_outlet_without_its_legal_words(gaz: Gazetteer, footer: str) -> None:
    assert run(gaz, "The ministry said it would review the deal.\n\n" + footer).publisher == "Der Morgenkurier"


@pytest.mark.parametrize(
    "footer",
    [
        "© 2024 Der Morgenkurier AB",
        "© Der Morgenkurier Oyj. All rights reserved.",
        "Copyright 2023 Der Morgenkurier A/S",
        "© Der Morgenkurier Pvt. Ltd. All rights reserved.",
        "© 2022 Der Morgenkurier sp. z o.o.",
    ],
)
def test_nordic_and_central_european_legal_forms_leave_the_outlets_name(gaz: Gazetteer, footer: str) -> None:
    assert run(gaz, "The ministry said it would review the deal.\n\n" + footer).publisher == "Der Morgenkurier"


def test_a_known_outlet_printed_without_its_article_goes_by_its_name(gaz: Gazetteer) -> None:
    ex = run(gaz, "The ministry said it would review the deal.\n\n© MORGENKURIER", url="https://morgenkurier.example/a")
    assert ex.publisher == "Der Morgenkurier"


def test_publisher_from_footer_with_wire_credit(small_gaz: Gazetteer) -> None:
    text = "Harbourline is under review.\n\nCopyright © Ledger Asia. Based on Reuters reporting."
    ex = run(small_gaz, text, url="https://asia.ledger.example/some-story")
    assert ex.publisher == "Ledger Asia"
    assert ex.wire_credits == ["Reuters"]


def test_our_newsroom_is_not_an_outlets_name(gaz: Gazetteer) -> None:
    assert run(gaz, "Door onze redactie" + BODY).publisher is None


@pytest.mark.parametrize(
    ("byline", "clean"),
    [
        ("Anna Berg (correspondent in Madrid)", "Anna Berg"),
        ("Daily Ledger newsdesk", "Daily Ledger"),
        ("Morgenkurier Redaktion", "Morgenkurier"),
        ("Avondpost redactie", "Avondpost"),
        ("Avondpost-redactie", "Avondpost"),
        ("kestrel online", "kestrel online"),
    ],
)
def test_a_byline_loses_a_trailing_aside_and_desk_words(byline: str, clean: str) -> None:
    assert _clean_byline(byline) == clean


@pytest.mark.parametrize(
    ("byline", "clean"),
    [
        ("April 7, 2020 // By Kestrel News staff", "Kestrel News"),
        ("Redactie Avondpost", "Avondpost"),
        ("City A.M.", "City A.M."),
        ("Kestrel News.", "Kestrel News"),
    ],
)
def test_a_byline_loses_a_date_line_and_desk_words_in_front(byline: str, clean: str) -> None:
    assert _clean_byline(byline) == clean


# -- wire credits and cited outlets ----------------------------------------------------------------


def test_wire_credits_stay_apart_from_the_publisher(gaz: Gazetteer) -> None:
    ex = run(gaz, BODY + "\n\nMit Material von NPA", byline="Reuters", url="https://www.dailyledger.example/a")
    assert ex.publisher == "The Daily Ledger"
    assert ex.wire_credits == ["Reuters", "Nordic Press Agency"]
    ex = run(gaz, "Von Eva Muster" + BODY + "\n\nmrc/NPA/Reuters", url="https://www.dailyledger.example/a")
    assert ex.wire_credits == ["Nordic Press Agency", "Reuters"]
    ex = run(gaz, "By The Daily Ledger staff" + BODY + " The Harbour Times reported the bid first.")
    assert ex.publisher == "The Daily Ledger"
    assert ex.cited_outlets == ["Harbour Times"]


def test_a_wire_dateline_is_a_wire_credit(small_gaz: Gazetteer) -> None:
    ex = run(small_gaz, "STOCKHOLM, Oct 20 (Reuters) - Sweden banned Qilin Mobile equipment from its 5G network.")
    assert ex.wire_credits == ["Reuters"]
    assert "Reuters" not in ex.cited_outlets


# -- publication dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("12 oktober 2025, 21:40 • aangepast 13 oktober 2025, 08:15", dt.date(2025, 10, 12)),
        ("Die Morgenzeitung | 18.12.2020 | Lesezeit: 3 Min.", dt.date(2020, 12, 18)),
        ("Par Anne Bauer, 18/12/2020, 12:05", dt.date(2020, 12, 18)),
        ("Last modified on Fri 18 Dec 2020 12.05 GMT", dt.date(2020, 12, 18)),
        ("Stand: 18.12.2020 12:05 Uhr", dt.date(2020, 12, 18)),
        ("Posted 12/18/2020", dt.date(2020, 12, 18)),
        ("Mis à jour le 12 décembre 2020 à 8h05", dt.date(2020, 12, 12)),
        ("Tom Kleijn en Huib Modderkolk 17 april 2021, 05:00", dt.date(2021, 4, 17)),
        ("Jan Jansen 17-04-2021, 05:00", dt.date(2021, 4, 17)),
        ("October 20, 20201:02 PM UTCUpdated 3 years ago", dt.date(2020, 10, 20)),
        ("31. Jänner 2017, 14:25", dt.date(2017, 1, 31)),  # Austrian German
        ("2021.09.21 13:47", dt.date(2021, 9, 21)),  # Lithuanian pages
        ("2021/09/21", dt.date(2021, 9, 21)),
    ],
)
def test_publication_date_lines(gaz: Gazetteer, line: str, day: dt.date) -> None:
    assert run(gaz, line + BODY).published == day


def test_published_date_from_a_dateline_or_byline_in_the_text(small_gaz: Gazetteer) -> None:
    assert run(small_gaz, "Published: 30 November 2023\n\nHarbourline is under review.").published == dt.date(
        2023, 11, 30
    )
    assert run(small_gaz, "By Jane Doe | March 3, 2024\n\nHarbourline is under review.").published == dt.date(
        2024, 3, 3
    )
    assert run(small_gaz, "Harbourline signed on 30 November 2023 in Brussels a deal worth far more.").published is None


def test_published_date_from_a_wire_dateline_but_not_from_a_sentence(small_gaz: Gazetteer) -> None:
    body = " - The ministry blocked the sale of Harbourline to a Chinese group on Monday, officials said."
    assert run(small_gaz, "Titel\n\nTHE HAGUE, March 3, 2025" + body).published == dt.date(2025, 3, 3)
    assert run(small_gaz, "Titel\n\nWASHINGTON, 5 June 2024 (Reuters)" + body).published == dt.date(2024, 6, 5)
    assert run(small_gaz, "Titel\n\nOn March 3, 2025" + body).published is None


def test_published_date_with_abbreviated_months_and_bullet_separators(small_gaz: Gazetteer) -> None:
    body = "\n\nHarbourline is under review."
    assert run(small_gaz, "Publié le 18 déc. 2020 à 19:05" + body).published == dt.date(2020, 12, 18)
    assert run(small_gaz, "Weekblad Nieuws • donderdag 18 april 2024, 12:04" + body).published == dt.date(2024, 4, 18)
    assert run(small_gaz, "26 mei 2024, 18:30" + body).published == dt.date(2024, 5, 26)


def test_published_date_from_the_url(small_gaz: Gazetteer) -> None:
    ex = run(small_gaz, "Harbourline is under review.", url="https://news.example/2023/11/30/harbourline")
    assert ex.published == dt.date(2023, 11, 30)


def test_a_url_with_the_month_as_a_word_dates_the_page(gaz: Gazetteer) -> None:
    ex = run(gaz, "The ministry said it would review the deal.", url="https://www.news.example/uk/2022/nov/16/story")
    assert ex.published == dt.date(2022, 11, 16)


def test_a_published_footer_at_the_end_dates_the_page(gaz: Gazetteer) -> None:
    text = "The ministry said it would review the deal." + BODY + "\n\nVeröffentlicht am 18.12.2020"
    assert run(gaz, text).published == dt.date(2020, 12, 18)


def test_a_date_in_a_credit_line_is_the_publication_date(gaz: Gazetteer) -> None:
    ex = run(gaz, BODY.strip(), byline="Door Redactie Avondpost, maandag 17 december 2018 19:20")
    assert ex.published == dt.date(2018, 12, 17)


def test_photo_caption_dates_are_not_the_publication_date(small_gaz: Gazetteer) -> None:
    text = (
        "The logo of Harbourline is seen at its office on Aug. 10, 2021.\n"
        "The logo of Harbourline is seen at its office on Aug. 10, 2021. Copyright Jane Doe/AP\n\n"
        "Harbourline is under review."
    )
    assert run(small_gaz, text).published is None


def test_a_date_line_above_a_wire_credit_dates_the_page(gaz: Gazetteer) -> None:
    text = "Der Hafen wird verkauft. Berlin prüft.\n\n14.05.2024, 10:47 Uhr\nVon Kestrel News / dpa" + BODY
    assert run(gaz, text).published == dt.date(2024, 5, 14)


def test_a_site_printed_in_lower_case_goes_by_its_full_printed_name() -> None:
    outlets = [{"name": "Kestrel Online", "aliases": ["kestrel"], "kind": "outlet", "domains": ["kestrel.example"]}]
    ex = run(Gazetteer(outlets=outlets), "Von kestrel online / dpa" + BODY, url="https://www.kestrel.example/a")
    assert ex.publisher.lower() == "kestrel online"


def test_hours_ago_resolve_against_a_known_date() -> None:
    base = dt.date(2020, 12, 18)
    for phrase in ("vor 3 Stunden", "3 hours ago", "il y a 2 heures", "2 uur geleden", "vor zwei Tagen"):
        m = DATE_RE.search(phrase)
        assert m is not None, phrase
        parsed = parse_date(m, base)
        assert parsed is not None and parsed[0] <= base, phrase
    assert run(Gazetteer(outlets=OUTLETS), "vor 3 Stunden" + BODY).published is None  # no known date


@pytest.mark.parametrize(
    ("byline", "publisher"),
    [
        ("Written By: Harrowgate Weekly staff", "Harrowgate Weekly"),
        ("By Harrowgate Weekly Business Desk", "Harrowgate Weekly"),
    ],
)
def test_a_desk_byline_names_its_outlet_without_the_section(gaz: Gazetteer, byline: str, publisher: str) -> None:
    text = f"{byline}\n\nThe ministry said it would review the takeover of Kestrel Ports by Qilin Holdings."
    assert run(gaz, text, url="https://www.harrowgateweekly.example/news/a").publisher == publisher


def test_a_wire_after_a_slash_in_the_byline_is_credited_apart_from_the_site(gaz: Gazetteer) -> None:
    text = "Published: 22 June 2022\nBy Harrowgate Weekly/Reuters\n" + BODY
    ex = run(gaz, text, url="https://www.harrowgateweekly.example/news/a")
    assert ex.publisher == "Harrowgate Weekly"
    assert ex.wire_credits == ["Reuters"]
