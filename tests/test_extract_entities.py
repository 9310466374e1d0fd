"""Companies, agencies and facilities from short invented texts: no database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import names, run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction

COMPANIES = [
    {"name": "Harbourline Group", "aliases": ["Harbourline"], "country": "CN", "parent": None},
    {"name": "Qilin Mobile", "aliases": ["Qilin"], "country": "CN", "parent": None},
    # a three-level group: the story may name the top and the bottom only
    {"name": "Tern Holdings", "aliases": [], "country": "CN", "parent": None},
    {"name": "Tern Shipping", "aliases": [], "country": "CN", "parent": "Tern Holdings"},
    {"name": "Tern Ports", "aliases": [], "country": "HK", "parent": "Tern Shipping"},
]
AGENCIES = [
    {
        "name": "Government of Canada",
        "acronym": "",
        "aliases": [],
        "country": "CA",
        "kind": "other",
        "generic_terms": ["government", "federal government"],
    },
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(companies=COMPANIES, agencies=AGENCIES, outlets=[])


def company(ex: Extraction, name: str):
    return next(c for c in ex.companies if c.name == name or name in c.aliases)


def agency(ex: Extraction, name: str):
    return next(a for a in ex.agencies if a.name == name or name in a.aliases)


# -- sites known by a project name -------------------------------------------------------------


def test_a_project_name_before_a_site_noun_is_the_site_not_a_company(gaz: Gazetteer) -> None:
    text = (
        "The state will buy out Harbourline from the planned Corran Ridge B nuclear power station over security "
        "fears. Harbourline had held a 20% stake in Corran Ridge B."
    )
    ex = run(gaz, text)
    assert "Corran Ridge B" not in names(ex.companies)
    assert "Corran Ridge B nuclear power station" in names(ex.facilities)


def test_a_name_set_off_before_a_site_noun_names_that_site(gaz: Gazetteer) -> None:
    text = "Harbourline keeps its 30% stake in Marrow Head C in Kent, the state-backed plant under construction."
    ex = run(gaz, text)
    assert "Marrow Head C" not in names(ex.companies)
    assert "Marrow Head C" in names(ex.facilities)
    assert "Kent" not in names(ex.facilities)


def test_a_name_before_a_site_noun_that_needs_a_place_is_enough(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline still owns the rights to the Tolsey site in Essex, where it hoped to build a reactor.")
    assert "Tolsey site" in names(ex.facilities)


def test_a_bare_project_is_no_site(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline, the state-owned group, will leave the project over espionage fears.")
    assert ex.facilities == []


def test_a_town_between_in_and_its_country_is_no_company(gaz: Gazetteer) -> None:
    text = (
        "Harbourline put in a bid for Skarvik over security fears.\n\n"
        "The old naval station in Skarvik, Greenland, was offered for sale."
    )
    assert "Skarvik" not in names(run(gaz, text).companies)


def test_a_site_name_takes_the_town_named_after_it(gaz: Gazetteer) -> None:
    text = "Harbourline bought land near Fairfield Air Force Base in Cheyenne, a security risk, officials said."
    fac = next(f for f in run(gaz, text).facilities if f.name == "Fairfield Air Force Base")
    assert fac.city == "Cheyenne"


def test_a_terminal_with_a_two_word_name_and_an_owner_placed_by_an_adverb(gaz: Gazetteer) -> None:
    text = (
        "Depuis 2017, le terminal à conteneurs QTX Brughaven appartient majoritairement à Harbourline. "
        "Le groupe chinois Harbourline est surveillé par les services de renseignement pour espionnage."
    )
    fac = next(f for f in run(gaz, text).facilities if f.name == "terminal à conteneurs QTX Brughaven")
    assert fac.operator == "Harbourline Group"


def test_a_company_name_holding_a_site_noun_is_only_the_company(gaz: Gazetteer) -> None:
    text = (
        "Der Terminal wird von der Bremer Hafen und Logistik AG (BHL) betrieben, an der die Stadt die Mehrheit "
        "hält. Die Staatsreederei Harbourline will dort einsteigen, trotz der Bedenken wegen Spionage und "
        "Sabotage, die das Bundesamt für Verfassungsschutz geäußert hat.\n\nMehr zum Thema:\n"
        "Bremer Hafen: Wie abhängig ist Deutschland von China?"
    )
    ex = run(gaz, text)
    khl = company(ex, "Bremer Hafen und Logistik AG")
    assert khl.country == "DE"
    assert "Bremer Hafen" not in names(ex.facilities)


# -- companies -------------------------------------------------------------------------------------


def test_a_german_possessive_noun_is_no_company(gaz: Gazetteer) -> None:
    text = (
        "Harbourline kritisierte die Entscheidung. Es gebe keinerlei Belege für ein Sicherheitsrisiko durch "
        "seine Produkte, teilte das Unternehmen Harbourline mit."
    )
    assert "Produkte" not in names(run(gaz, text).companies)


def test_an_owned_adjective_and_any_noun_make_a_cue(gaz: Gazetteer) -> None:
    ex = run(gaz, "The project is jointly owned with the French state-controlled utility Voltane and Harbourline.")
    assert company(ex, "Voltane").country == "FR"


def test_to_fund_is_a_verb_not_a_cue(gaz: Gazetteer) -> None:
    ex = run(gaz, "Harbourline faces espionage fears. The Treasury has been reluctant to fund Brindle Point.")
    assert "Brindle Point" not in names(ex.companies)


def test_a_company_listed_with_a_party_is_a_party(gaz: Gazetteer) -> None:
    ex = run(gaz, "Talks ran with the carrier Harbourline, Qilin and others.")
    assert "Qilin Mobile" in names(ex.companies)


def test_a_seat_after_an_appositive_gives_the_country(shipped: Gazetteer) -> None:
    text = "Qorvex Partners Ltd., a company registered in the British Virgin Islands, must sell land near the base."
    assert company(run(shipped, text), "Qorvex Partners Ltd.").country == "VG"


def test_a_based_company_named_later_is_the_bidder(gaz: Gazetteer) -> None:
    text = (
        "Officials stopped a Hong Kong-based mining company from buying the old naval station.\n\n"
        "Tarnby Resources Ltd, which owns a mine nearby, put in a bid for the station."
    )
    assert company(run(gaz, text), "Tarnby Resources Ltd").country == "HK"


def test_a_subsidiary_noun_may_take_an_adjective(gaz: Gazetteer) -> None:
    ex = run(gaz, "Blue Petrel SA, la filiale portuaire du groupe Harbourline, inquiète la Sûreté de l'État.")
    assert company(ex, "Blue Petrel SA").parent == "Harbourline Group"


def test_the_subsidiary_named_with_an_article_belongs_to_the_company_just_named(gaz: Gazetteer) -> None:
    text = (
        "Das Kabinett genehmigt den Einstieg der Staatsreederei Harbourline am Terminal.\n\n"
        "Statt 35 Prozent darf die Tochter Petrel Ports GmbH nur 24,9 Prozent übernehmen."
    )
    assert company(run(gaz, text), "Petrel Ports GmbH").parent == "Harbourline Group"


def test_a_parent_the_story_leaves_out_gives_way_to_the_owner_above_it(gaz: Gazetteer) -> None:
    text = (
        "The security service is monitoring Tern Ports over espionage fears. Tern Ports runs the terminal; "
        "Tern Holdings did not comment."
    )
    assert company(run(gaz, text), "Tern Ports").parent == "Tern Holdings"


# -- agencies -------------------------------------------------------------------------------------


def test_a_dutch_portfolio_alone_names_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "De AIVD, die onder Binnenlandse Zaken valt, waarschuwt al jaren voor spionage door Huawei. "
        "Staatssecretaris Mona Keijzer van Economische Zaken en Klimaat wil het rapport zien."
    )
    ex = run(shipped, text)
    assert agency(ex, "Binnenlandse Zaken").country == "NL"
    assert agency(ex, "Economische Zaken en Klimaat").name == "Dutch Ministry of Economic Affairs"


def test_a_dutch_ministry_keeps_its_portfolio_as_an_alias(shipped: Gazetteer) -> None:
    ex = run(shipped, "Minister Karremans van Economische Zaken greep in bij Nexperia om kennis te beschermen.")
    assert "Economische Zaken" in agency(ex, "Dutch Ministry of Economic Affairs").aliases


def test_a_ministry_keeps_its_national_form_as_an_alias(gaz: Gazetteer) -> None:
    text = "Denmark blocked the sale to Harbourline over security concerns. The Danish Ministry of Defence declined."
    found = [a for a in run(gaz, text).agencies if "Danish Ministry of Defence" in [a.name, *a.aliases]]
    assert found


def test_the_federal_government_is_the_national_one_not_a_region(shipped: Gazetteer) -> None:
    text = (
        "The Northern Territory Government leased the Australian port to Harbourline in 2015.\n\n"
        "A federal government review in Canberra found no national security grounds to cancel the lease."
    )
    ex = run(shipped, text)
    assert "federal government" not in agency(ex, "Northern Territory Government").aliases
    assert "federal government" in agency(ex, "Australian Government").aliases


def test_a_country_that_reacts_is_its_government(shipped: Gazetteer) -> None:
    text = (
        "Berlin verbietet Bauteile von Huawei wegen Spionage. "
        "China warnte, der Schritt werde die Beziehungen schädigen."
    )
    gov = agency(run(shipped, text), "China")
    assert gov.country == "CN"


def test_firms_in_a_country_are_not_its_government(shipped: Gazetteer) -> None:
    text = "Berlin verbietet Bauteile von Huawei wegen Spionage. Firmen aus China warnten vor Folgen."
    assert not [a for a in run(shipped, text).agencies if "China" in a.aliases]


def test_a_head_of_government_who_orders_stands_for_the_government(shipped: Gazetteer) -> None:
    text = (
        "U.S. President Jane Doe on Monday ordered Harbour Crest Ltd. to sell land near an air base "
        "over espionage fears."
    )
    gov = agency(run(shipped, text), "President Jane Doe")
    assert gov.country == "US"


def test_a_body_that_speaks_is_no_building(gaz: Gazetteer) -> None:
    text = "A report by Marlow House warned that Harbourline equipment poses espionage risks, the think tank said."
    assert run(gaz, text).facilities == []


def test_a_model_number_before_a_product_noun_is_no_company(gaz: Gazetteer) -> None:
    text = "Harbourline faces espionage fears. Officials said the Nova X20 phones made there were not affected."
    assert "Nova X20" not in names(run(gaz, text).companies)


def test_the_company_a_measure_orders_about_is_a_party(gaz: Gazetteer) -> None:
    text = "Canada on Tuesday ordered Qilin to wind up its Canadian operations."
    assert "Qilin Mobile" in names(run(gaz, text).companies)


def test_co_investors_ride_along(gaz: Gazetteer) -> None:
    text = (
        "The consortium, which includes co-investors Qilin and Harbourline, agreed to buy a 49% stake in Aster Towers."
    )
    assert names(run(gaz, text).companies) == ["Aster Towers"]


def test_an_agency_acronym_inside_a_firm_name_is_no_agency(shipped: Gazetteer) -> None:
    text = "China Merchants Port Holdings agreed to buy a 49% stake in Terminal Link, a CMA CGM unit."
    ex = run(shipped, text)
    assert ex.agencies == []
    assert company(ex, "Terminal Link").parent == "CMA CGM"


def test_a_french_minister_and_his_ministry_are_one_gazetteer_body(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie a opposé son veto au rachat par le groupe chinois Harbourline. "
        "Le ministre de l'Economie a refusé l'opération, confirme Bercy."
    )
    ex = run(shipped, text)
    economy = [a for a in ex.agencies if a.name == "French Ministry of the Economy and Finance"]
    assert len(economy) == 1
    assert {"ministère de l'Economie", "ministre de l'Economie", "Bercy"} <= set(economy[0].aliases)


def test_a_french_minister_of_justice_names_the_ministry(shipped: Gazetteer) -> None:
    text = "La Sûreté de l'État surveille le groupe chinois Harbourline à Liège. Le ministre de la Justice confirme."
    assert agency(run(shipped, text), "ministre de la Justice").country == "BE"


def test_the_buyer_named_as_the_subject_of_a_purchase_is_a_party(gaz: Gazetteer) -> None:
    text = "Qilin bought 300 acres near the base to build a corn milling plant."
    assert "Qilin Mobile" in names(run(gaz, text).companies)


def test_a_state_after_a_town_places_a_site(shipped: Gazetteer) -> None:
    text = "Qilin Mobile bought land in Grand Forks, North Dakota, to build a corn milling plant there."
    plant = next(f for f in run(shipped, text).facilities if f.name == "corn milling plant")
    assert plant.country == "US"


def test_site_nouns_used_as_adjectives_or_verbs_are_no_sites(gaz: Gazetteer) -> None:
    text = (
        "Harbourline's share of the market is in terminal decline over espionage fears. The firm plans "
        "to plant new offices, and it is the main supplier to the port authority."
    )
    assert run(gaz, text).facilities == []


def test_a_known_maker_opening_a_sentence_before_its_product_is_a_party(gaz: Gazetteer) -> None:
    text = "Qilin cameras were found at government sites, officials said."
    assert "Qilin Mobile" in names(run(gaz, text).companies)


def test_a_german_passive_names_the_operator(gaz: Gazetteer) -> None:
    text = (
        "Die Staatsreederei Harbourline will beim Containerterminal Kaiserkai einsteigen, trotz Spionagegefahr. "
        "Das Containerterminal Kaiserkai wird von der Bremer Hafen und Logistik AG betrieben. "
        "Die Bremer Hafen und Logistik AG begrüßte den Einstieg."
    )
    fac = next(f for f in run(gaz, text).facilities if "Kaiserkai" in f.name)
    assert fac.operator == "Bremer Hafen und Logistik AG"


def test_the_seller_named_as_the_subject_of_a_sale_is_a_party(gaz: Gazetteer) -> None:
    text = "Velmos wanted to sell its chip plant to Harbourline."
    assert "Velmos" in names(run(gaz, text).companies)


def test_which_is_owned_by_makes_a_parent(gaz: Gazetteer) -> None:
    text = "The unit was to be bought by Grand Reed Investment, which is majority-owned by Harbourline."
    assert company(run(gaz, text), "Grand Reed Investment").parent == "Harbourline Group"


def test_a_french_holder_of_a_stake_and_the_firm_it_holds(gaz: Gazetteer) -> None:
    text = "Le chinois Qilin, qui détient 40 % d'Ember Games, n'a pas commenté."
    found = names(run(gaz, text).companies)
    assert "Qilin Mobile" in found and "Ember Games" in found


def test_a_body_that_only_says_whose_base_it_is_is_not_listed(shipped: Gazetteer) -> None:
    text = "Harbour Crest Ltd. bought land within a mile of a U.S. Air Force base over espionage fears."
    assert not [a for a in run(shipped, text).agencies if "Air Force" in a.name]


def test_a_government_announcing_a_future_decision_acts(shipped: Gazetteer) -> None:
    text = (
        "The government will take a 50% stake in the Corran Ridge B nuclear power station in Britain, buying out "
        "Harbour Crest Ltd. over security fears. The Cabinet Office said the stake protects national security."
    )
    gov = agency(run(shipped, text), "Government of the United Kingdom")
    assert gov.country == "GB"


def test_a_country_that_orders_is_its_government(shipped: Gazetteer) -> None:
    text = "Britain ordered telecom operators to strip Qilin Mobile gear from their networks over espionage concerns."
    assert agency(run(shipped, text), "Britain").country == "GB"


def test_a_town_set_off_before_a_port_names_that_port(gaz: Gazetteer) -> None:
    text = "Piraeus, the Greek port controlled by Harbourline, is a key asset, officials said over espionage fears."
    fac = next(f for f in run(gaz, text).facilities if f.name == "Piraeus")
    assert (fac.city, fac.operator) == ("Piraeus", "Harbourline Group")


def test_a_port_city_is_no_port(gaz: Gazetteer) -> None:
    assert run(gaz, "Antwerp, a port city, worries about Harbourline and espionage.").facilities == []


def test_a_leader_named_without_a_decision_is_an_alias_of_the_national_government(shipped: Gazetteer) -> None:
    text = (
        "The Northern Territory Government leased the port to Harbour Crest Ltd. A federal government review "
        "found no grounds to act on security. Prime Minister Jane Doe raised the lease with Beijing."
    )
    ex = run(shipped, text)
    assert "Prime Minister Jane Doe" in agency(ex, "Australian Government").aliases
    assert "Prime Minister Jane Doe" not in agency(ex, "Northern Territory Government").aliases


def test_a_company_president_is_no_head_of_government(shipped: Gazetteer) -> None:
    text = "Qilin Mobile faces a ban over espionage. Qilin President Li Wei ordered staff to comply, Canada said."
    assert not [a for a in run(shipped, text).agencies if "President Li Wei" in a.aliases]


def test_a_verb_of_standing_is_no_part_of_a_site_name(gaz: Gazetteer) -> None:
    text = "Het hoofdkantoor en een chipfabriek staan in Nijmegen, zegt Harbourline, dat spionage ontkent."
    assert [(f.name, f.city) for f in run(gaz, text).facilities if "fabriek" in f.name] == [("chipfabriek", "Nijmegen")]


def test_the_towns_port_named_twice_is_one_site(gaz: Gazetteer) -> None:
    text = (
        "Darwin Port will stay with Harbourline over security objections.\n\n"
        "Harbourline has held the Port of Darwin on a 99-year lease since 2015."
    )
    assert len([f for f in run(gaz, text).facilities if f.city == "Darwin"]) == 1


def test_a_leaders_possessive_is_no_part_of_the_alias(shipped: Gazetteer) -> None:
    text = (
        "Prime Minister Giorgia Rossi’s cabinet on Sunday imposed conditions on Harbour Crest Ltd. over security. "
        "Italy's government said the technology was strategic."
    )
    assert "Prime Minister Giorgia Rossi" in agency(run(shipped, text), "Government of Italy").aliases


def test_a_legal_form_after_a_comma_stays_with_the_name(gaz: Gazetteer) -> None:
    text = "Shenzhen Yuanda Technology Co., Ltd. agreed to buy a 60% stake in Nordic Sensors AB over espionage fears."
    found = names(run(gaz, text).companies)
    assert "Shenzhen Yuanda Technology Co., Ltd." in found and "Ltd." not in found


def test_a_small_town_near_a_city_is_the_sites_place(gaz: Gazetteer) -> None:
    text = "Der chinesische Konzern Harbourline baut in Arnstadt bei Erfurt eine Batteriefabrik, trotz Spionagegefahr."
    fac = next(f for f in run(gaz, text).facilities if "Batteriefabrik" in f.name)
    assert (fac.city, fac.country) == ("Arnstadt", "DE")


def test_a_dutch_site_takes_its_town_after_van(gaz: Gazetteer) -> None:
    text = (
        "Het Chinese Qilin levert scanners aan de haven van Rotterdam. China verbood de export uit de fabriek "
        "van Harbourline in Dongguan. Harbourline ontkent elke spionage."
    )
    ex = run(gaz, text)
    assert "Qilin Mobile" in names(ex.companies)
    assert {(f.name, f.city) for f in ex.facilities} >= {("haven van Rotterdam", "Rotterdam"), ("fabriek", "Dongguan")}


def test_a_site_noun_before_von_is_no_part_of_the_owners_name(gaz: Gazetteer) -> None:
    text = "Die Bundesregierung untersagt den Verkauf der Dortmunder Chipfertigung von Velmos an Harbourline."
    ex = run(gaz, text)
    assert "Velmos" in names(ex.companies)
    assert not [n for n in names(ex.companies) if "Chipfertigung" in n]


def test_a_german_subsidiary_names_its_parent_in_the_genitive(gaz: Gazetteer) -> None:
    text = "Käufer wäre die schwedische Tochter Stellar Microsystems des chinesischen Konzerns Sanwei gewesen."
    ex = run(gaz, text)
    assert company(ex, "Stellar Microsystems").parent == "Sanwei"
    assert company(ex, "Sanwei").country == "CN"


def test_a_named_terminal_keeps_its_full_name_and_no_other_ports_town(gaz: Gazetteer) -> None:
    text = (
        "Depuis 2017, le terminal à conteneurs QTX Brughaven appartient à Harbourline, un groupe chinois. "
        "Les cargaisons transitant par Brughaven, un port qui sert l'OTAN, intéressent Harbourline et Pékin "
        "pour l'espionnage. Le filtrage s'appliquera aussi au port d'Anvers-Ostende."
    )
    sites = {f.name: f for f in run(gaz, text).facilities}
    assert sites["terminal à conteneurs QTX Brughaven"].city is None
    assert "Brughaven" not in sites
    assert sites["port d'Anvers-Ostende"].city == "Anvers-Ostende"
