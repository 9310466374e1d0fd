"""The extract stage as a whole, on short texts written for these tests: the gazetteer it matches
names with (case, acronyms, word boundaries, country words in the four languages, wildcards); empty, odd
or broken input; page furniture that is no sentence; evidence spans that quote the text exactly; and the
dated events of a story. Each kind of thing found has a file of its own: test_extract_companies.py,
test_extract_company_links.py, test_extract_agencies.py, test_extract_facilities.py,
test_extract_concerns.py, test_extract_concern_status.py and test_extract_sources.py. No database, no
corpus files."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_helpers import company_names, run, small_gazetteer
from tracker.ingest.gazetteer import Gazetteer, PhraseMatcher, fold
from tracker.ingest.textparts import split_sentences


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return small_gazetteer()


# -- the gazetteer ---------------------------------------------------------------------------------


def test_gazetteer_matches_long_names_in_any_case_and_acronyms_exactly(gaz: Gazetteer) -> None:
    hits = gaz.entity_hits("HARBOURLINE GROUP said the vsse and the VSSE met.")
    forms = [h.form for h in hits]
    assert "HARBOURLINE GROUP" in forms
    assert forms.count("VSSE") == 1  # lower-case "vsse" is not the acronym


def test_gazetteer_respects_word_boundaries(gaz: Gazetteer) -> None:
    assert gaz.entity_hits("The Qilinese dynasty") == []


def test_gazetteer_knows_country_words_in_four_languages(gaz: Gazetteer) -> None:
    assert gaz.country_code("Chinese") == "CN"
    assert gaz.country_code("belges") == "BE"
    assert gaz.country_code("Duitse") == "DE"
    assert gaz.country_code("chinesischen") == "CN"
    assert gaz.country_code("Ottawa") == "CA"


def test_phrase_matcher_handles_wildcards_and_keeps_offsets() -> None:
    text = "L’espionnage et l'ESPIONAGE"
    hits = PhraseMatcher({"esp": ["espion*"]}).find(fold(text))
    assert [text[s:e] for s, e, _ in hits] == ["espionnage", "ESPIONAGE"]


def test_gazetteer_can_be_built_from_the_shipped_data_dir() -> None:
    built = Gazetteer.from_data_dir()
    assert built.countries["BE"]["names"]


# -- odd input, page furniture and evidence --------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n", "Share this article\nAdvertisement\n", "\x00\x01binary"])
def test_empty_or_odd_text_gives_an_empty_extraction(gaz: Gazetteer, text: str) -> None:
    ex = run(gaz, text)
    assert ex.companies == [] and ex.agencies == [] and ex.concerns == [] and ex.facilities == []


def test_broken_url_and_timestamp_publication_do_not_crash(gaz: Gazetteer) -> None:
    text = "Harbourline announced last month an IPO of Nordlicht Cloud in Shanghai."
    ex = run(gaz, text, url="http://[::1", published=dt.datetime(2023, 11, 30, 9, 30))
    assert ex.events[0].date == dt.date(2023, 10, 1)


def test_page_furniture_lines_are_not_sentences() -> None:
    text = "Share this article\nAdvertisement\nREAD MORE: Other news\nThe real sentence is here."
    kinds = [
        (s.text.strip(), s.kind) for s in split_sentences(text, ["share this article", "advertisement", "read more"])
    ]
    assert kinds[-1] == ("The real sentence is here.", "body")
    assert all(kind == "furniture" for _t, kind in kinds[:-1])


def test_a_long_call_to_read_on_is_furniture_and_names_no_firm(gaz: Gazetteer) -> None:
    promo = "Catch all the Politics News, Business News, Breaking News Events and Latest News Updates on Example Mint."
    text = f"Belgium's security service is monitoring Harbourline over espionage.\n\n{promo}"
    assert split_sentences(text, [])[-1].kind == "furniture"
    assert "Politics News" not in company_names(run(gaz, text))


def test_every_span_quotes_the_text_exactly(gaz: Gazetteer) -> None:
    text = (
        "Belgium’s security service keeps watch on Harbourline’s distribution centre near Antwerp, "
        "citing “spying risks”.\n\n"
        "Harbourline rejects the claim."
    )
    ex = run(gaz, text)
    spans = [c.quote for c in ex.concerns] + [e for c in ex.companies for e in c.evidence]
    assert spans
    for sp in spans:
        assert text[sp.start : sp.end] == sp.quote


# -- events ----------------------------------------------------------------------------------------


def test_relative_dates_resolve_against_the_publication_date(gaz: Gazetteer) -> None:
    text = "Harbourline announced last month an IPO of Nordlicht Cloud in Shanghai."
    ex = run(gaz, text, published=dt.date(2023, 11, 30))
    (event,) = ex.events
    assert (event.date, event.precision, event.kind) == (dt.date(2023, 10, 1), "month", "listing")


def test_a_year_in_the_text_dates_an_agreement(gaz: Gazetteer) -> None:
    ex = run(gaz, "In 2019 Harbourline signed a memorandum with the Polish government to build a warehouse.")
    assert [(e.date.year, e.precision, e.kind) for e in ex.events] == [(2019, "year", "agreement")]


def test_cities_are_known_by_their_names_in_other_languages(gaz: Gazetteer) -> None:
    antwerp, cologne = gaz.city("Antwerp"), gaz.city("Köln")
    assert antwerp and gaz.city("Anvers") == gaz.city("Antwerpen") == antwerp
    assert cologne and gaz.city("Keulen") == gaz.city("Cologne") == cologne
    assert gaz.city("La Haye") == gaz.city("Den Haag") == gaz.city("The Hague")


@pytest.mark.parametrize(
    ("names", "country"),
    [
        (("Zaporizhzhia", "Saporischschja"), "UA"),
        (("Kiew", "Kyiv"), "UA"),
        (("Praha", "Prag"), "CZ"),
        (("Bombay",), "IN"),
    ],
)
def test_cities_are_known_by_the_spellings_the_press_uses(gaz: Gazetteer, names: tuple[str, ...], country: str) -> None:
    assert [(gaz.city(n) or ("?",))[0] for n in names] == [country] * len(names)


@pytest.mark.parametrize("goods", ["vehicles manufactured in China", "Chinese-made cars", "cars made in China"])
def test_the_origin_of_banned_goods_is_a_country_of_the_story(shipped: Gazetteer, goods: str) -> None:
    text = (
        f"WARSAW - Poland's armed forces have banned {goods} from entering protected military sites, citing the "
        "risk that their cameras and sensors could be used to harvest sensitive data."
    )
    assert "CN" in run(shipped, text).countries
