"""The extract stage on short texts written for these tests: no database, no corpus files."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_helpers import names, run
from tracker.ingest.gazetteer import Gazetteer, PhraseMatcher, fold
from tracker.ingest.textparts import split_sentences
from tracker.ingest.types import Extraction

COMPANIES = [
    {
        "name": "Harbourline Group",
        "aliases": ["Harbourline"],
        "country": "CN",
        "parent": None,
        "sector": "shipping",
        "state_owned": True,
    },
    {
        "name": "Nordlicht Cloud",
        "aliases": [],
        "country": "CN",
        "parent": "Harbourline Group",
        "sector": "",
        "state_owned": None,
    },
    {
        "name": "Qilin Mobile",
        "aliases": ["Qilin"],
        "country": "CN",
        "parent": None,
        "sector": "telecoms",
        "state_owned": False,
    },
]
AGENCIES = [
    {
        "name": "Belgian State Security Service",
        "acronym": "VSSE",
        "aliases": ["Staatsveiligheid"],
        "country": "BE",
        "kind": "intelligence",
        "generic_terms": ["security service", "intelligence service"],
    },
    {
        "name": "Committee on Foreign Investment in the United States",
        "acronym": "CFIUS",
        "aliases": [],
        "country": "US",
        "kind": "screening",
        "generic_terms": [],
    },
    {
        "name": "Government of Canada",
        "acronym": "",
        "aliases": [],
        "country": "CA",
        "kind": "other",
        "generic_terms": ["government", "federal government"],
    },
]
OUTLETS = [
    {"name": "Reuters", "aliases": [], "kind": "wire"},
    {"name": "Financial Times", "aliases": ["FT"], "kind": "outlet"},
    {"name": "The Daily Ledger", "aliases": ["Daily Ledger"], "kind": "outlet"},
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(companies=COMPANIES, agencies=AGENCIES, outlets=OUTLETS)


def company(ex: Extraction, name: str):
    return next(c for c in ex.companies if c.name == name or name in c.aliases)


# -- gazetteer -------------------------------------------------------------------------------


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


# -- robustness ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n", "Share this article\nAdvertisement\n", "\x00\x01binary"])
def test_empty_or_odd_text_gives_an_empty_extraction(gaz: Gazetteer, text: str) -> None:
    ex = run(gaz, text)
    assert ex.companies == [] and ex.agencies == [] and ex.concerns == [] and ex.facilities == []


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


def test_logistics_arm_pattern_links_an_unseen_subsidiary_to_its_parent(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline signed a deal in 2019 to open a warehouse, run by its shipping arm Blue Petrel.")
    assert company(ex, "Blue Petrel").parent == "Harbourline Group"


def test_unit_of_pattern_and_country_from_possessive(gaz: Gazetteer) -> None:
    ex = run(gaz, "The regulator ordered Vantora, a Dutch subsidiary of China's Kesheng Technology, to sell the plant.")
    vantora = company(ex, "Vantora")
    assert vantora.parent == "Kesheng Technology"
    assert company(ex, "Kesheng Technology").country == "CN"


def test_majority_stake_makes_a_parent(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline took a 60% stake in Aegean Quays, the company that runs the harbour, in 2016.")
    assert company(ex, "Aegean Quays").parent == "Harbourline Group"


def test_fullest_form_is_the_name_and_short_forms_are_aliases(gaz: Gazetteer) -> None:
    text = (
        "Ottawa named the firms, both based in Hong Kong: Lotus Ridge Mining International and Jade Brook Resources. "
        "Lotus Ridge Mining was told it must sell its holding in Pine Metals."
    )
    ex = run(gaz, text)
    lotus = company(ex, "Lotus Ridge Mining International")
    assert "Lotus Ridge Mining" in lotus.aliases
    assert lotus.country == "HK"
    assert "Pine Metals" in names(ex.companies)


def test_country_comes_from_the_cue_before_the_name(gaz: Gazetteer) -> None:
    ex = run(gaz, "The German grid operator Ostwind Netz said the Chinese technology firm Zhenyu Data had bid for it.")
    assert company(ex, "Zhenyu Data").country == "CN"
    assert company(ex, "Ostwind Netz").country == "DE"


def test_outlets_and_wire_services_are_never_companies(gaz: Gazetteer) -> None:
    text = (
        "By The Daily Ledger with Reuters\n\nHarbourline Group faces scrutiny over espionage, says a report in "
        "the Financial Times (FT). The FT added that Harbourline had not replied."
    )
    ex = run(gaz, text)
    assert names(ex.companies) == ["Harbourline Group"]
    assert ex.publisher == "The Daily Ledger"
    assert ex.wire_credits == ["Reuters"]
    assert "Financial Times" in ex.cited_outlets


def test_a_gazetteer_company_named_once_in_passing_is_not_a_party(gaz: Gazetteer) -> None:
    ex = run(
        gaz, "Harbourline is under review over espionage fears. Harbourline denies it. Analysts compared it to Qilin."
    )
    assert names(ex.companies) == ["Harbourline Group"]


def test_french_cue_words_find_the_subsidiary(gaz: Gazetteer) -> None:
    ex = run(gaz, "C'est par sa branche logistique, Nordlicht Cloud, qu'Harbourline a pris pied à Liège en 2021.")
    assert company(ex, "Nordlicht Cloud").parent == "Harbourline Group"


def test_german_compound_cue_word_finds_the_target(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung untersagt den Kauf des Maschinenbauers Rheinwerk Präzision "
        "durch die chinesische Qilin Mobile."
    )
    ex = run(gaz, text, language="de")
    assert "Rheinwerk Präzision" in names(ex.companies)
    assert "Federal Government of Germany" in names(ex.agencies) or "Bundesregierung" in names(ex.agencies)


def test_dutch_compound_cue_word_finds_the_company(gaz: Gazetteer) -> None:
    ex = run(gaz, "De AIVD waarschuwt voor de overname van het Nijmeegse chipbedrijf Novaheld door Qilin Mobile.")
    assert "Novaheld" in names(ex.companies)
    assert "Nijmeegse" not in names(ex.companies)


# -- agencies --------------------------------------------------------------------------------


def test_country_adjective_plus_generic_term_is_that_countrys_agency(gaz: Gazetteer) -> None:
    ex = run(gaz, "Belgium's intelligence service is watching Harbourline over espionage.")
    vsse = next(a for a in ex.agencies if a.name == "Belgian State Security Service")
    assert "Belgium's intelligence service" in vsse.aliases


def test_french_generic_term_after_the_adjective(gaz: Gazetteer) -> None:
    ex = run(gaz, "La VSSE suit le dossier. Les services de renseignement belges craignent l'espionnage d'Harbourline.")
    vsse = next(a for a in ex.agencies if a.name == "Belgian State Security Service")
    assert "services de renseignement belges" in vsse.aliases


def test_government_and_capital_metonym_are_one_agency(gaz: Gazetteer) -> None:
    text = (
        "Canada's government has instructed Qilin Mobile to unwind its stake in Maple Fibre Networks. "
        "Ottawa said the federal government would not hesitate to act again."
    )
    ex = run(gaz, text)
    gov = next(a for a in ex.agencies if a.country == "CA")
    assert gov.name == "Government of Canada"
    assert {"Canada's government", "Ottawa", "federal government"} <= set(gov.aliases)


def test_named_bodies_get_a_kind_and_the_host_country(gaz: Gazetteer) -> None:
    text = (
        "The British government banned Qilin Mobile kit from new contracts. "
        "Speaking in the House of Commons, a minister said the Cabinet Office "
        "would create a National Security Procurement Unit."
    )
    ex = run(gaz, text)
    kinds = {a.name: (a.kind, a.country) for a in ex.agencies}
    assert kinds["House of Commons"] == ("parliament", "GB")
    assert kinds["Cabinet Office"][0] == "ministry"
    assert "National Security Procurement Unit" in kinds


def test_the_companys_home_government_as_a_data_recipient_is_not_an_agency(gaz: Gazetteer) -> None:
    ex = run(gaz, "CFIUS fears Qilin Mobile could hand user data to the Chinese government.")
    assert [a.country for a in ex.agencies] == ["US"]


def test_lower_case_ministries_are_split(gaz: Gazetteer) -> None:
    ex = run(
        gaz,
        "The German government blocked the deal. "
        "In a joint note the finance and economy ministries argued Qilin must stay out.",
    )
    assert {"finance ministry", "economy ministry"} <= set(names(ex.agencies))


# -- facilities ------------------------------------------------------------------------------


def test_descriptive_facility_with_city_country_and_operator(gaz: Gazetteer) -> None:
    text = (
        "Belgium's security service is watching Harbourline's distribution centre because of espionage fears.\n\n"
        "Harbourline built the distribution centre next to the airport of Charleroi in 2019, "
        "and it is operated by its shipping arm Nordlicht Cloud."
    )
    ex = run(gaz, text)
    assert len(ex.facilities) == 1
    hub = ex.facilities[0]
    assert (hub.city, hub.country, hub.kind) == ("Charleroi", "BE", "logistics_hub")
    assert hub.operator == "Nordlicht Cloud"


def test_named_port_gets_its_city(gaz: Gazetteer) -> None:
    ex = run(
        gaz,
        "Harbourline bought most of the Port of Gdansk, "
        "and the U.S. has voiced concern about military use of the docks.",
    )
    port = ex.facilities[0]
    assert (port.name, port.city, port.country) == ("Port of Gdansk", "Gdansk", "PL")
    assert "US" in ex.countries


# -- concerns --------------------------------------------------------------------------------


def test_concern_has_category_status_agency_and_company(gaz: Gazetteer) -> None:
    text = "Belgium's intelligence service says it is monitoring Harbourline Group because of a risk of espionage."
    ex = run(gaz, text)
    (concern,) = ex.concerns
    assert concern.categories == ["espionage"]
    assert concern.status == "monitoring"
    assert concern.agencies == ["Belgian State Security Service"]
    assert concern.companies[0] == "Harbourline Group"
    assert concern.quote.quote == text


def test_one_concern_per_company_and_category(gaz: Gazetteer) -> None:
    text = (
        "Sweden is excluding Qilin Mobile from its 5G network. "
        "Operators must strip out Qilin kit from the 5G core by 2026."
    )
    ex = run(gaz, text)
    assert [(c.companies[0], c.categories, c.status) for c in ex.concerns] == [
        ("Qilin Mobile", ["critical_infrastructure"], "banned")
    ]


def test_divestment_clauses_go_to_the_right_company(gaz: Gazetteer) -> None:
    text = (
        "Australia's treasurer forced two Chinese investors to sell out. "
        "Qilin Mobile must sell its shares in Pine Metals, "
        "while Harbourline has to divest its interest in Cedar Lithium."
    )
    ex = run(gaz, text)
    pairs = {(c.companies[0], c.categories[0], c.status) for c in ex.concerns}
    assert pairs == {
        ("Qilin Mobile", "investment_screening", "divestment_ordered"),
        ("Harbourline Group", "investment_screening", "divestment_ordered"),
    }


def test_a_denial_is_not_a_concern(gaz: Gazetteer) -> None:
    ex = run(gaz, "Qilin Mobile denies that it ever shared user data or took part in espionage.")
    assert ex.concerns == []


def test_data_needs_a_verb_of_access(gaz: Gazetteer) -> None:
    ex = run(gaz, "Qilin Mobile published data on its revenue. CFIUS fears Qilin could hand user data to Beijing.")
    assert [c.categories for c in ex.concerns if c.categories == ["data_access"]]
    quotes = [c.quote.quote for c in ex.concerns]
    assert not any("revenue" in q for q in quotes)


def test_a_screening_body_makes_an_investment_screening_concern(gaz: Gazetteer) -> None:
    ex = run(gaz, "CFIUS is reviewing Qilin Mobile's purchase of a US chip designer over national security.")
    concern = next(c for c in ex.concerns if c.categories == ["investment_screening"])
    assert concern.status == "under_review"
    assert concern.agencies == ["Committee on Foreign Investment in the United States"]


# -- publisher, dates, events ----------------------------------------------------------------


def test_publisher_from_footer_with_wire_credit(gaz: Gazetteer) -> None:
    text = "Harbourline is under review.\n\nCopyright © Ledger Asia. Based on Reuters reporting."
    ex = run(gaz, text, url="https://asia.ledger.example/some-story")
    assert ex.publisher == "Ledger Asia"
    assert ex.wire_credits == ["Reuters"]


def test_publisher_falls_back_to_the_url_domain(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline is under review over espionage.", url="https://www.dailyledger.example/a")
    assert ex.publisher == "The Daily Ledger"  # a known outlet's domain
    ex = run(gaz, "Harbourline is under review over espionage.", url="https://www.harbour-watch.example/a")
    assert ex.publisher == "harbour-watch.example"


def test_published_date_from_the_url(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline is under review.", url="https://news.example/2023/11/30/harbourline")
    assert ex.published == dt.date(2023, 11, 30)


def test_photo_caption_dates_are_not_the_publication_date(gaz: Gazetteer) -> None:
    text = (
        "The logo of Harbourline is seen at its office on Aug. 10, 2021.\n"
        "The logo of Harbourline is seen at its office on Aug. 10, 2021. Copyright Jane Doe/AP\n\n"
        "Harbourline is under review."
    )
    assert run(gaz, text).published is None


def test_relative_dates_resolve_against_the_publication_date(gaz: Gazetteer) -> None:
    text = "Harbourline announced last month an IPO of Nordlicht Cloud in Shanghai."
    ex = run(gaz, text, published=dt.date(2023, 11, 30))
    (event,) = ex.events
    assert (event.date, event.precision, event.kind) == (dt.date(2023, 10, 1), "month", "listing")


def test_a_year_in_the_text_dates_an_agreement(gaz: Gazetteer) -> None:
    ex = run(gaz, "In 2019 Harbourline signed a memorandum with the Polish government to build a warehouse.")
    assert [(e.date.year, e.precision, e.kind) for e in ex.events] == [(2019, "year", "agreement")]


def test_page_furniture_lines_are_not_sentences() -> None:
    text = "Share this article\nAdvertisement\nREAD MORE: Other news\nThe real sentence is here."
    kinds = [
        (s.text.strip(), s.kind) for s in split_sentences(text, ["share this article", "advertisement", "read more"])
    ]
    assert kinds[-1] == ("The real sentence is here.", "body")
    assert all(kind == "furniture" for _t, kind in kinds[:-1])


def test_published_date_from_a_dateline_or_byline_in_the_text(gaz: Gazetteer) -> None:
    assert run(gaz, "Published: 30 November 2023\n\nHarbourline is under review.").published == dt.date(2023, 11, 30)
    assert run(gaz, "By Jane Doe | March 3, 2024\n\nHarbourline is under review.").published == dt.date(2024, 3, 3)
    assert run(gaz, "Harbourline signed on 30 November 2023 in Brussels a deal worth far more.").published is None


def test_a_wire_dateline_is_a_wire_credit(gaz: Gazetteer) -> None:
    ex = run(gaz, "STOCKHOLM, Oct 20 (Reuters) - Sweden banned Qilin Mobile equipment from its 5G network.")
    assert ex.wire_credits == ["Reuters"]
    assert "Reuters" not in ex.cited_outlets


def test_a_headline_name_repeated_in_concern_sentences_is_a_company(gaz: Gazetteer) -> None:
    text = (
        "Zephyrly is running out of room. Officials fear Zephyrly could hand user data to Beijing.\n\n"
        "Lawmakers want to ban Zephyrly unless it is sold. Steve Mnuchin said Zephyrly was under review."
    )
    ex = run(gaz, text, title="Why Zephyrly may be banned")
    assert names(ex.companies) == ["Zephyrly"]
    assert {"data_access"} <= {c.categories[0] for c in ex.concerns}


def test_german_city_adjective_locates_a_named_terminal(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung genehmigt den Einstieg von Harbourline beim Hamburger Containerterminal Tollerort "
        "unter Auflagen."
    )
    ex = run(gaz, text)
    (terminal,) = ex.facilities
    assert (terminal.name, terminal.city, terminal.country) == ("Containerterminal Tollerort", "Hamburg", "DE")
    concern = next(c for c in ex.concerns if c.categories == ["investment_screening"])
    assert concern.status == "approved_with_conditions"


def test_a_longer_gazetteer_name_wins_over_a_short_alias_inside_it(gaz: Gazetteer) -> None:
    local = Gazetteer(
        companies=[
            {"name": "Harbourline Group", "aliases": ["Harbourline"], "country": "CN", "parent": None},
            {"name": "Harbourline Ports", "aliases": [], "country": "HK", "parent": "Harbourline Group"},
        ]
    )
    ex = run(local, "Harbourline Ports holds a 35% stake in the terminal. Harbourline faces a review over espionage.")
    ports = company(ex, "Harbourline Ports")
    assert ports.parent == "Harbourline Group"


def test_broken_url_and_timestamp_publication_do_not_crash(gaz: Gazetteer) -> None:
    text = "Harbourline announced last month an IPO of Nordlicht Cloud in Shanghai."
    ex = run(gaz, text, url="http://[::1", published=dt.datetime(2023, 11, 30, 9, 30))
    assert ex.events[0].date == dt.date(2023, 10, 1)


def test_a_cue_word_covers_the_whole_list_of_names(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung einigte sich mit den Netzbetreibern Nordnetz Telekom, Alpafone und Telefonia Süd darauf, "
        "Qilin-Bauteile aus dem 5G-Netz zu entfernen."
    )
    ex = run(gaz, text)
    assert {"Nordnetz Telekom", "Alpafone", "Telefonia Süd"} <= set(names(ex.companies))


def test_a_foreign_countrys_worry_has_no_agency(gaz: Gazetteer) -> None:
    text = (
        "Harbourline runs the Port of Gdansk after buying a majority stake. "
        "The U.S. has voiced concern that the docks could be turned to military use."
    )
    ex = run(gaz, text)
    concern = next(c for c in ex.concerns if c.categories == ["critical_infrastructure"])
    assert (concern.status, concern.agencies) == ("other", [])
    assert "US" in ex.countries


def test_a_reacting_foreign_capital_is_that_countrys_government(gaz: Gazetteer) -> None:
    text = "Canada's government ordered Qilin Mobile to divest. Beijing condemned the decision as discriminatory."
    ex = run(gaz, text)
    assert any(a.country == "CN" and "Beijing" in [a.name, *a.aliases] for a in ex.agencies)


def test_a_body_named_only_as_a_former_employer_is_left_out(gaz: Gazetteer) -> None:
    ex = run(gaz, "A former VSSE analyst said Harbourline's hub raised espionage risks.")
    assert ex.agencies == []


def test_city_based_appositive_and_glued_cue_words_give_company_and_country(gaz: Gazetteer) -> None:
    text = (
        "The U.S. Commerce Department added Skyhawk Robotics, the Shenzhen-based drone maker, to its Entity List. "
        "The Chinese-owned chipmaker Lumenchip was also listed."
    )
    ex = run(gaz, text)
    assert company(ex, "Skyhawk Robotics").country == "CN"
    assert company(ex, "Lumenchip").country == "CN"
    assert "The Chinese" not in names(ex.companies)
    assert any(c.categories == ["sanctions"] for c in ex.concerns)


# -- held-out check: general fixes ------------------------------------------------------------


def test_published_date_with_abbreviated_months_and_bullet_separators(gaz: Gazetteer) -> None:
    body = "\n\nHarbourline is under review."
    assert run(gaz, "Publié le 18 déc. 2020 à 19:05" + body).published == dt.date(2020, 12, 18)
    assert run(gaz, "Weekblad Nieuws • donderdag 18 april 2024, 12:04" + body).published == dt.date(2024, 4, 18)
    assert run(gaz, "26 mei 2024, 18:30" + body).published == dt.date(2024, 5, 26)


def test_dutch_place_adjective_is_not_part_of_a_company_name(gaz: Gazetteer) -> None:
    text = "De overname van het Zwolse Brightwell door Harbourline wordt onderzocht door de toezichthouder."
    ex = run(gaz, text)
    assert "Brightwell" in names(ex.companies)
    assert "Zwolse Brightwell" not in names(ex.companies)


def test_a_screening_decision_gives_its_status_to_the_danger_behind_it(gaz: Gazetteer) -> None:
    text = (
        "The Canadian government has ordered Harbourline to sell its stake in Polar Minerals. "
        "The risk was linked to know-how that the plant holds, officials said."
    )
    ex = run(gaz, text)
    statuses = {cat: c.status for c in ex.concerns for cat in c.categories}
    assert statuses["investment_screening"] == "divestment_ordered"
    assert statuses["technology_transfer"] == "divestment_ordered"


def test_asked_to_sell_is_a_divestment_order(gaz: Gazetteer) -> None:
    text = "CFIUS has asked Harbourline, the Chinese shipping group that owns a Texas terminal, to sell the site."
    ex = run(gaz, text)
    assert any(c.status == "divestment_ordered" for c in ex.concerns)


GOVERNMENTS = [
    {
        "name": "Government of Freedonia",
        "acronym": "",
        "aliases": [],
        "country": "GB",
        "kind": "other",
        "generic_terms": ["government", "cabinet", "kabinet"],
    },
    {
        "name": "Regional Government of Westmark",
        "acronym": "",
        "aliases": ["Westmark government"],
        "country": "GB",
        "kind": "other",
        "generic_terms": [],
    },
    {
        "name": "Freedonian Treasury",
        "acronym": "",
        "aliases": ["British Treasury Department"],
        "country": "GB",
        "kind": "ministry",
        "generic_terms": ["Treasury"],
    },
]


@pytest.fixture(scope="module")
def gov_gaz() -> Gazetteer:
    return Gazetteer(companies=COMPANIES, agencies=AGENCIES + GOVERNMENTS, outlets=OUTLETS)


def test_a_regional_government_does_not_swallow_the_national_one(gov_gaz: Gazetteer) -> None:
    text = (
        "The British government has banned Qilin Mobile from its networks. "
        "The Westmark government said it would help the workers."
    )
    ex = run(gov_gaz, text)
    national = next(a for a in ex.agencies if a.name == "Government of Freedonia")
    assert "Westmark government" not in national.aliases
    assert "Regional Government of Westmark" in names(ex.agencies)


def test_a_bare_treasury_is_the_treasury_already_named(gov_gaz: Gazetteer) -> None:
    text = (
        "A spokesman for the British Treasury Department declined to comment on Qilin Mobile. "
        "A senator wrote to the Treasury asking for a review of Qilin's data practices."
    )
    ex = run(gov_gaz, text)
    assert [a.name for a in ex.agencies if "Treasury" in a.name] == ["Freedonian Treasury"]


# -- sites named by a generic noun and a place ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Elvatek wollte das Werk in Dortmund für 80 Millionen Euro an Harbourline verkaufen.", "Dortmund", "DE"),
        ("Zelvra, dont le siège est à Paris, exploite l'usine principale à Marbach-le-Haut (France).", None, "FR"),
        ("Harbourline runs the plant near Ostwick, in Belgium, the company said.", "Ostwick", "BE"),
        ("Harbourline koopt de fabriek in Rotterdam van het Nederlandse Dravo.", "Rotterdam", "NL"),
    ],
)
def test_a_site_noun_with_a_town_after_it_is_a_located_facility(
    gaz: Gazetteer, text: str, town: str | None, country: str
) -> None:
    ex = run(gaz, text)
    (site,) = ex.facilities
    assert site.city == (town or "Marbach-le-Haut")
    assert site.country == country


def test_a_generic_site_noun_without_a_place_is_no_facility(gaz: Gazetteer) -> None:
    text = "Harbourline sagte, der Standort Deutschland bleibe wichtig. The site was down, Harbourline said."
    assert run(gaz, text).facilities == []


def test_a_german_genitive_names_the_terminal_in_its_base_form(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung prüft den Einstieg von Harbourline wegen Spionagegefahr. "
        "Harbourline will 35 Prozent an der Betreibergesellschaft des Terminals Kaiserhöft im Hamburger Hafen kaufen."
    )
    ex = run(gaz, text)
    terminal = next(f for f in ex.facilities if f.name == "Terminal Kaiserhöft")
    assert (terminal.city, terminal.country) == ("Hamburg", "DE")


def test_a_list_after_a_plural_site_noun_names_each_site(gaz: Gazetteer) -> None:
    text = (
        "Harbourline hält Beteiligungen an drei Raffinerien: Alba Nord, Brenta in Karlsruhe und Cerro in Vohstadt. "
        "Die Raffinerie Alba in Nordheim gehört mehrheitlich Harbourline."
    )
    ex = run(gaz, text)
    by_name = {f.name: f for f in ex.facilities}
    assert by_name["Brenta"].city == "Karlsruhe"
    assert by_name["Cerro"].city == "Vohstadt"
    # "Alba Nord" and "Raffinerie Alba" in Nordheim are one site, owned by Harbourline
    alba = [f for f in ex.facilities if "Alba" in f.name]
    assert len(alba) == 1 and alba[0].operator == "Harbourline Group"
    assert len(ex.facilities) == 3


def test_a_company_named_after_its_site_is_also_that_site(gaz: Gazetteer) -> None:
    text = (
        "Regulators ordered Qilin Mobile to sell its stake in Kestrel Wafer Fab, a subsidiary of Qilin Mobile, "
        "on security grounds. Qilin Mobile took full control of the Kestrel site in 2021."
    )
    ex = run(gaz, text)
    (site,) = ex.facilities
    assert site.name == "Kestrel Wafer Fab"
    assert site.operator == "Qilin Mobile"


def test_a_head_first_name_is_a_site(gaz: Gazetteer) -> None:
    text = "Harbourline's port lies a short distance from the air force's Base Korrin, in Toronto."
    ex = run(gaz, text)
    assert "Base Korrin" in names(ex.facilities)


def test_an_unnamed_headquarters_is_a_site_only_where_the_concern_is_stated(gaz: Gazetteer) -> None:
    text = "Zelvra, dont le siège est à Lyon, a été rachetée par Harbourline pour 400 millions d'euros."
    assert run(gaz, text).facilities == []


# -- company names behind German and French nouns --------------------------------------------


def test_german_compound_and_declined_cue_nouns_before_a_name(gaz: Gazetteer) -> None:
    text = (
        "Die Regierung untersagte den Verkauf der Chipfertigung des Dortmunder Halbleiterherstellers Vantrix "
        "an Harbourline. Auch der Erwerb des Unternehmens Borvex Electronic aus Germering bei Köln wurde untersagt. "
        "Der Bremer Hafenlogistiker KHLG begrüßte die Entscheidung."
    )
    ex = run(gaz, text)
    assert {"Vantrix", "Borvex Electronic", "KHLG"} <= set(names(ex.companies))
    assert "Chipfertigung" not in names(ex.companies)
    assert company(ex, "Vantrix").country == "DE"
    assert company(ex, "Borvex Electronic").country == "DE"


def test_french_holding_and_conglomerate_appositives(gaz: Gazetteer) -> None:
    text = (
        "Le gouvernement a encadré le pacte entre Harbourline et Veltrano, la holding de Marco Rossi. "
        "Nordvik, filiale du conglomérat public Zhonghe Tongda, rejette ces accusations. "
        "Harbourline est entré au capital en 2015 par l'intermédiaire de Qilin Mobile."
    )
    ex = run(gaz, text)
    found = set(names(ex.companies))
    assert {"Veltrano", "Zhonghe Tongda", "Qilin Mobile"} <= found
    assert "Marco Rossi" not in found


def test_a_longer_name_called_a_subsidiary_is_not_folded_into_the_shorter(gaz: Gazetteer) -> None:
    text = (
        "Harbourline bood 800 miljoen euro voor 14 procent van Vlanet Assets, de netwerkdochter van Vlanet. "
        "De gemeenten, die eigenaar zijn van Vlanet, willen schulden afbouwen. "
        "Un porte-parole de la filiale néerlandaise de l'entreprise, Harbourline Netherlands, a démenti."
    )
    ex = run(gaz, text)
    assert company(ex, "Vlanet Assets").parent == "Vlanet"
    dutch = company(ex, "Harbourline Netherlands")
    assert (dutch.parent, dutch.country) == ("Harbourline Group", "NL")


def test_region_based_and_owner_of_appositives(gaz: Gazetteer) -> None:
    text = (
        "CFIUS told Harbourline that its ownership of Los Angeles, California-based Zentrix is a concern. "
        "Le fonds Arvalis, propriétaire de Lumitex depuis 2011, a accepté l'offre de Harbourline pour le fabricant "
        "Lumitex."
    )
    ex = run(gaz, text)
    assert company(ex, "Zentrix").country == "US"
    assert company(ex, "Lumitex").parent == "Arvalis"


def test_an_acronym_named_with_a_known_company_is_a_company_too(gaz: Gazetteer) -> None:
    text = "Die Kontrolle über Qilin Mobile und QM Refining & Trading geht an die Bundesnetzagentur über."
    assert "QM Refining & Trading" in names(run(gaz, text).companies)


# -- concerns: targets, unnamed buyers, the unit making the deal ----------------------------


def test_a_deal_target_of_unsaid_origin_takes_the_host_country(gaz: Gazetteer) -> None:
    text = (
        "The Belgian government blocked the sale of Vortal Systems to Harbourline over espionage fears. "
        "Belgium's security service had warned against the deal."
    )
    assert company(run(gaz, text), "Vortal Systems").country == "BE"


def test_a_target_sold_to_an_unnamed_foreign_buyer_is_the_case(gaz: Gazetteer) -> None:
    text = (
        "Das Kabinett untersagte den Erwerb des Unternehmens Borvex Electronic durch einen chinesischen Investor. "
        "Borvex stellt Kühlsysteme her."
    )
    ex = run(gaz, text)
    concern = next(c for c in ex.concerns if c.categories == ["investment_screening"])
    assert concern.companies[0] == "Borvex Electronic" and concern.status == "blocked"


def test_the_unit_making_the_deal_is_named_in_its_groups_concerns(gaz: Gazetteer) -> None:
    local = Gazetteer(
        companies=[
            {"name": "Harbourline Group", "aliases": ["Harbourline"], "country": "CN", "parent": None},
            {"name": "Harbourline Ports", "aliases": [], "country": "CN", "parent": None},
        ]
    )
    text = (
        "Harbourline Ports, eine Tochter des Harbourline-Konzerns, wollte 35 Prozent an dem Terminal übernehmen. "
        "Das Kabinett billigte die Beteiligung von Harbourline nur mit Auflagen. Harbourline ist ein Staatskonzern."
    )
    ex = run(local, text)
    concern = next(c for c in ex.concerns if c.categories == ["investment_screening"])
    assert "Harbourline Ports" in concern.companies


def test_a_declined_german_ministry_or_its_ministers_title_is_the_ministry(gaz: Gazetteer) -> None:
    text = (
        "Nach Einschätzung des Wirtschaftsministeriums wäre der Verkauf an Harbourline eine Gefahr. "
        "Bundesverkehrsminister Karl Beispiel warnte vor Spionage durch Harbourline."
    )
    found = set(names(run(gaz, text).agencies))
    assert {"Wirtschaftsministerium", "Bundesverkehrsministerium"} <= found


def test_a_site_in_the_hands_of_a_company_is_run_by_it(gaz: Gazetteer) -> None:
    text = (
        "Officials fear espionage at the port. Ostwick Port will remain in the hands of Chinese-owned company "
        "Harbourline after a review, the government said."
    )
    (port,) = run(gaz, text).facilities
    assert port.operator == "Harbourline Group"


def test_the_port_that_only_holds_the_named_terminal_is_not_a_second_site(gaz: Gazetteer) -> None:
    text = (
        "Harbourline darf sich an einem Containerterminal im Hamburger Hafen beteiligen, teilte das Kabinett mit. "
        "Harbourline wollte 35 Prozent an der Betreibergesellschaft des Terminals Kaiserhöft übernehmen."
    )
    ex = run(gaz, text)
    assert [(f.name, f.city) for f in ex.facilities] == [("Terminal Kaiserhöft", "Hamburg")]


def test_german_compound_site_nouns_are_sites_and_other_compounds_are_not(gaz: Gazetteer) -> None:
    text = (
        "Der Verfassungsschutz warnt vor Spionage. Harbourline kauft die Batteriezellfabrik in Erfurt "
        "und das Netzwerk von Qilin. Die Regierung prüft den Verkauf des Motorenwerks von Harbourline in Kassel."
    )
    sites = {f.name: f for f in run(gaz, text).facilities}
    assert set(sites) == {"Batteriezellfabrik in Erfurt", "Motorenwerk"}
    assert (sites["Motorenwerk"].city, sites["Motorenwerk"].operator) == ("Kassel", "Harbourline Group")


def test_a_region_after_a_site_noun_is_no_town(gaz: Gazetteer) -> None:
    text = "Officials fear spying. Harbourline must sell the plant in Wales, the government said."
    assert all(f.city != "Wales" for f in run(gaz, text).facilities)


def test_the_buyer_after_by_in_a_takeover_is_named_in_its_groups_concern(gaz: Gazetteer) -> None:
    text = (
        "De overname van het Nijmeegse Vortal door chipmaker Nordlicht Cloud, een dochter van het Chinese "
        "Harbourline, wordt onderzocht door de toezichthouder. Harbourline zegt mee te werken. "
        "Harbourline is volgens experts een staatsbedrijf."
    )
    (concern,) = run(gaz, text).concerns
    # the target under review is a party of the case too (after the buyer's group)
    assert concern.companies == ["Harbourline Group", "Nordlicht Cloud", "Vortal"]


# -- held-out set B fixes: bodies ------------------------------------------------------------


def test_dutch_ministries_go_by_portfolio_and_a_known_one_says_the_host(gaz: Gazetteer) -> None:
    local = Gazetteer(
        companies=COMPANIES,
        agencies=[
            *AGENCIES,
            {
                "name": "Ministry of Economic Affairs of Ruritania",
                "acronym": "",
                "aliases": ["Ministerie van Economische Zaken"],
                "country": "NL",
                "kind": "ministry",
                "generic_terms": [],
            },
        ],
        outlets=OUTLETS,
    )
    text = (
        "Het kabinet grijpt in bij Vortal, een dochter van het Chinese Harbourline. Minister Jansen van "
        "Economische Zaken vreest voor spionage. Het Amerikaanse ministerie van Handel zette Harbourline op een lijst."
    )
    found = {a.name: a for a in run(local, text).agencies}
    assert found["Ministry of Economic Affairs of Ruritania"].country == "NL"
    assert found["Amerikaanse ministerie van Handel"].country == "US"
    # with no ministry in the gazetteer, a title-only mention is named by its portfolio
    assert "Economische Zaken" in names(run(gaz, text).agencies)


def test_an_unqualified_government_that_decides_is_the_host_government(gaz: Gazetteer) -> None:
    text = (
        "Canada's security service warned of espionage by Harbourline. "
        '"The government has decided to block the deal," a minister said.'
    )
    assert "Government of Canada" in names(run(gaz, text).agencies)
    quiet = "Canada's security service warned of espionage by Harbourline, as the government demands answers."
    assert "Government of Canada" not in names(run(gaz, quiet).agencies)


def test_a_capitalised_body_name_without_a_country_is_the_hosts(gaz: Gazetteer) -> None:
    local = Gazetteer(
        companies=COMPANIES,
        agencies=[
            *AGENCIES,
            {
                "name": "Ruritanian Harbour Watch",
                "acronym": "",
                "aliases": [],
                "country": "US",
                "kind": "other",
                "generic_terms": ["Harbour Watch", "watchers"],
            },
        ],
        outlets=OUTLETS,
    )
    text = (
        "CFIUS is reviewing Harbourline over espionage fears. The Harbour Watch now requires port owners to act. "
        "Watchers were not consulted."
    )
    found = names(run(local, text).agencies)
    assert "Ruritanian Harbour Watch" in found
    assert found.count("Ruritanian Harbour Watch") == 1


def test_an_embassy_is_a_body_of_its_country(gaz: Gazetteer) -> None:
    text = "Canada's government blocked the deal over espionage fears. The Chinese embassy in Ottawa called it unfair."
    found = {a.name: a for a in run(gaz, text).agencies}
    assert found["Chinese embassy in Ottawa"].country == "CN"


# -- held-out set B fixes: companies and concerns --------------------------------------------


def test_the_buyer_in_a_sale_to_is_the_subject_and_not_the_company_sold(gaz: Gazetteer) -> None:
    text = (
        "Canada has blocked the sale of engine maker Fjordmotor to Volga Rail International, a Russian firm. "
        "Fjordmotor builds engines for the navy. Fjordmotor employs 900 people. Fjordmotor was founded in 1946. "
        "The government said the deal was a risk to national security."
    )
    ex = run(gaz, text)
    assert ex.concerns
    assert ex.concerns[0].companies[0] == "Volga Rail International"


def test_the_nationality_of_an_unnamed_group_goes_to_the_company_known_to_have_it(gaz: Gazetteer) -> None:
    text = (
        "Canada has blocked the sale of engine maker Fjordmotor to Volga Rail International, a Russian firm. "
        "Fjordmotor builds engines. Fjordmotor is busy. Critics said the Russian group has links to sanctioned firms."
    )
    assert company(run(gaz, text), "Fjordmotor").country != "RU"


def test_a_bidder_named_by_nationality_elsewhere_takes_that_nationality(gaz: Gazetteer) -> None:
    text = (
        "Erstmals hätte die Bundesregierung den Kauf eines deutschen Unternehmens durch einen chinesischen "
        "Investor verboten. Kurz vor der Sitzung zog die Dongling Forge Group ihr Angebot für den Maschinenbauer "
        "Ostwind Metall zurück. Es ging um Spionage."
    )
    assert company(run(gaz, text), "Dongling Forge Group").country == "CN"


def test_a_relation_word_before_a_name_is_no_part_of_it(gaz: Gazetteer) -> None:
    text = "CFIUS prüft den Teil der Transaktion, der die amerikanische Tochter Kestrel Systems Inc. betrifft."
    assert "Kestrel Systems Inc." in names(run(gaz, text).companies)


def test_german_nouns_after_a_determiner_and_months_are_no_companies(gaz: Gazetteer) -> None:
    text = (
        "Der chinesische Bieter, ein Hersteller von Schmiedeteilen, zog sein Angebot im Mai zurück. "
        "Die Regierung prüfte die Übernahme von Ostwind Metall durch Harbourline wegen Spionage. "
        "Das Projekt umfasst nach Angaben der Hafengesellschaft 200 Hektar."
    )
    found = names(run(gaz, text).companies)
    assert not {"Bieter", "Mai", "Hafengesellschaft", "von Schmiedeteilen"} & set(found)
    assert "Harbourline Group" in found


def test_an_officials_name_after_the_title_and_a_comma_is_no_company(gaz: Gazetteer) -> None:
    text = (
        "Le gouvernement rachète la participation de Harbourline dans le projet, par crainte d'espionnage. "
        "Le ministre des Entreprises, Jean Exemple, a présenté l'accord."
    )
    assert "Jean Exemple" not in names(run(gaz, text).companies)


def test_an_ampersand_inside_a_name_and_a_region_are_handled(gaz: Gazetteer) -> None:
    text = (
        "Harbourline faces espionage claims. Its partner, a subsidiary of Japan's Kaito E&S, builds cranes. "
        "De fabriek in Wales moest Harbourline verkopen."
    )
    found = names(run(gaz, text).companies)
    assert "Kaito E" not in found
    assert "Wales" not in found


def test_new_category_cues_in_dutch_french_german_and_english(gaz: Gazetteer) -> None:
    cases = {
        "Vilnius vreest dat Harbourline via de apparaten het stroomnet kan verstoren.": "critical_infrastructure",
        "The cranes could let Harbourline gather intelligence on cargo, officials warned.": "espionage",
        "Es drohe ein Abfluss militärisch nutzbarer Technologie an Harbourline, warnte die Regierung.": (
            "technology_transfer"
        ),
    }
    for text, category in cases.items():
        assert category in {c for k in run(gaz, text).concerns for c in k.categories}, text


# -- held-out set B fixes: facilities --------------------------------------------------------


def test_a_small_town_takes_the_country_of_the_city_it_is_placed_by(gaz: Gazetteer) -> None:
    text = (
        "CFIUS prüft den Kauf. Harbourline bot 600 Millionen für das Unternehmen aus Kleinhausen bei Aachen. "
        "Im Werk in Kleinhausen arbeiten 400 Menschen, Spionage wird befürchtet."
    )
    sites = run(gaz, text).facilities
    assert [(f.city, f.country) for f in sites] == [("Kleinhausen", "DE")]


def test_a_town_after_de_keeps_its_italian_di_part(gaz: Gazetteer) -> None:
    text = (
        "Rome craint l'espionnage par Harbourline. L'usine de Borgo di Montalto, qui emploie vingt personnes, "
        "appartient à Harbourline."
    )
    assert "Borgo di Montalto" in [f.city for f in run(gaz, text).facilities]


def test_french_ministries_go_by_portfolio_and_a_foreign_one_keeps_its_nationality(gaz: Gazetteer) -> None:
    text = (
        "Ottawa a bloqué le rachat par Harbourline, par crainte d'espionnage. Le ministère chinois des Affaires "
        "étrangères a protesté. Le ministère de la Défense canadien a salué la décision."
    )
    found = {a.name: a for a in run(gaz, text).agencies}
    assert found["ministère chinois des Affaires étrangères"].country == "CN"
    assert found["ministère de la Défense"].country == "CA"


def test_a_companys_own_answer_raises_no_concern(gaz: Gazetteer) -> None:
    text = (
        "Canada's government banned Harbourline inverters from the power grid. "
        "Harbourline said its devices meet every European rule and that customer data is stored in Europe."
    )
    quotes = [c.quote.quote for c in run(gaz, text).concerns]
    assert quotes and all("Harbourline said" not in q for q in quotes)


def test_the_swiss_chambers_are_parliaments(shipped: Gazetteer) -> None:
    text = (
        "Bern. Der Nationalrat will Übernahmen durch Harbourline künftig prüfen lassen. "
        "Der Ständerat muss dem Gesetz noch zustimmen."
    )
    found = {a.name: a for a in run(shipped, text).agencies}
    assert found["Swiss National Council"].kind == "parliament"
    assert found["Swiss Council of States"].country == "CH"


def test_a_bare_german_ministers_title_in_a_swiss_story_is_swiss(shipped: Gazetteer) -> None:
    text = (
        "Der Schweizer Bundesrat lehnt eine Prüfung der Übernahme durch Harbourline ab. "
        "Wirtschaftsminister Hans Muster warnte vor hohen Kosten für die Schweiz."
    )
    assert {a.country for a in run(shipped, text).agencies if a.kind == "ministry"} == {"CH"}


def test_a_french_ministers_lower_case_portfolio_is_a_body(gaz: Gazetteer) -> None:
    text = (
        "Paris a bloqué le rachat de Fromagerie Dupuis par Harbourline. Le ministre de l'économie a invoqué "
        "la sécurité alimentaire de la France."
    )
    ag = next(a for a in run(gaz, text).agencies if a.kind == "ministry")
    assert ag.name == "ministre de l'économie" and ag.country == "FR"


def test_partners_names_before_an_ampersand_are_one_firm(gaz: Gazetteer) -> None:
    text = (
        "Paris a autorisé la vente de Fromagerie Dupuis au fonds Lindqvist, Barrow & Moss (LBM), "
        "sous conditions, par crainte d'espionnage."
    )
    assert "Lindqvist, Barrow & Moss" in names(run(gaz, text).companies)


def test_a_state_groups_two_sectors_joined_by_and_stay_one_name(gaz: Gazetteer) -> None:
    text = (
        "Berlin blocked the sale of Optiwerk to Qilin Mobile, a unit of Eastern Star Science and Industry "
        "Corporation, over espionage fears."
    )
    found = names(run(gaz, text).companies)
    assert "Eastern Star Science and Industry Corporation" in found
    assert "Industry Corporation" not in found


def test_a_title_is_not_a_company(gaz: Gazetteer) -> None:
    text = "Treasurer orders Harbourline to sell its stake in Westmark Minerals over espionage concerns."
    assert "Treasurer" not in names(run(gaz, text).companies)


def test_a_third_country_measure_with_a_late_verb_adds_the_country(gaz: Gazetteer) -> None:
    text = (
        "Berlijn sluit Qilin Mobile uit van het 5G-netwerk uit vrees voor spionage. Landen als het Verenigd "
        "Koninkrijk en Zweden hadden de Chinese leveranciers al veel eerder geweerd."
    )
    assert {"GB", "SE"} <= set(run(gaz, text).countries)


def test_telecom_operators_are_known_companies(shipped: Gazetteer) -> None:
    text = (
        "Germany has banned the Chinese vendor Qilin Mobile from its 5G networks over espionage fears. Under the "
        "deal, Deutsche Telekom, Vodafone and Telefónica Deutschland must remove Qilin Mobile parts by 2026."
    )
    found = {c.name: c for c in run(shipped, text).companies}
    assert found["Telefónica Deutschland"].country == "DE" and "Vodafone" in found


def test_dutch_de_after_a_service_is_an_article_not_of(gaz: Gazetteer) -> None:
    text = (
        "De Belgische Staatsveiligheid waarschuwt voor spionage door Qilin Mobile. In haar jaarverslag noemde "
        "de inlichtingendienst de Europese instellingen een belangrijk doelwit."
    )
    assert not [a for a in run(gaz, text).agencies if "Europese" in a.name]


def test_a_registered_entity_is_a_company_of_its_seat(gaz: Gazetteer) -> None:
    text = (
        "Canberra ordered foreign investors to sell their shares in Westmark Minerals over security concerns. "
        "The order targeted Kestrel Fund, a Singapore-registered entity that holds 10 per cent of Westmark Minerals."
    )
    assert company(run(gaz, text), "Kestrel Fund").country == "SG"


def test_a_bracketed_short_form_with_an_ampersand_is_an_alias(gaz: Gazetteer) -> None:
    text = (
        "Paris a autorisé la vente de Fromagerie Dupuis au fonds Lindqvist, Barrow & Moss (LB&M), sous conditions, "
        "par crainte d'espionnage. LB&M s'est engagé à garder le siège en France."
    )
    assert "LB&M" in company(run(gaz, text), "Lindqvist, Barrow & Moss").aliases


def test_a_french_plural_site_noun_names_each_town(gaz: Gazetteer) -> None:
    text = (
        "Paris a autorisé la vente de Fromagerie Dupuis à Harbourline, sous conditions, par crainte d'espionnage. "
        "Harbourline maintiendra la production sur les sites de Valmorel, dans la Drôme, et de Saint-Arnoult."
    )
    found = {f.name: f for f in run(gaz, text).facilities}
    assert found["site de Valmorel"].city == "Valmorel" and "site de Saint-Arnoult" in found


def test_a_named_project_is_a_site_and_keeps_its_two_word_name(gaz: Gazetteer) -> None:
    text = (
        "Canberra ordered Harbourline to sell its shares in Westmark Minerals over security concerns. "
        "Westmark Minerals owns the Cobalt Ridge project in the north of the country."
    )
    assert "Cobalt Ridge project" in [f.name for f in run(gaz, text).facilities]
