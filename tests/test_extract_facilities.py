"""Facilities: named terminals and ports, their towns and their operators, from short invented
texts in the four languages. No database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction, FoundFacility


def site(ex: Extraction, name: str) -> FoundFacility:
    found = [f for f in ex.facilities if f.name == name]
    assert found, [f.name for f in ex.facilities]
    return found[0]


def test_a_terminal_named_after_its_town_and_its_own_name_is_run_by_the_company_that_operates_it(
    shipped: Gazetteer,
) -> None:
    text = (
        "The Chinese state-owned Qingshan Port Holdings won a tender in 2016 to operate the new "
        "Haifa Seagate terminal for 25 years. "
        "The terminal is being built next to the port of Haifa."
    )
    ex = run(shipped, text, language="en")
    terminal = site(ex, "Haifa Seagate terminal")
    assert (terminal.city, terminal.country, terminal.operator) == ("Haifa", "IL", "Qingshan Port Holdings")
    assert "port of Haifa" in {f.name for f in ex.facilities}


def test_a_short_form_in_brackets_does_not_hide_the_site_noun(shipped: Gazetteer) -> None:
    text = "Der Staatskonzern Qingshan Shipping gibt seinen Anteil am Duisburg Nordkai Terminal (DNT) ab."
    ex = run(shipped, text, language="de")
    assert site(ex, "Duisburg Nordkai Terminal").city == "Duisburg"


def test_a_named_terminal_is_not_swallowed_by_the_port_of_its_town(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet laat onderzoeken of de kranen in de haven van Rotterdam een risico vormen. "
        "Ook de Zuidkaap-terminal, waar de Chinese rederij Qingshan Shipping een belang heeft, werkt met die kranen."
    )
    ex = run(shipped, text, language="nl")
    assert {"haven van Rotterdam", "Zuidkaap-terminal"} <= {f.name for f in ex.facilities}
    assert site(ex, "Zuidkaap-terminal").city == "Rotterdam"


def test_a_site_noun_glued_to_a_name_is_no_company_and_its_relative_clause_names_the_operator(
    shipped: Gazetteer,
) -> None:
    text = (
        "De Chinese rederij Qingshan Shipping wil zijn belang in de Antwerp Noordkaai-terminal optrekken. "
        "De rest is in handen van Delta Ports uit Dubai, dat de terminal uitbaat."
    )
    ex = run(shipped, text, language="nl")
    assert "Antwerp Noordkaai-terminal" not in {c.name for c in ex.companies}
    terminal = site(ex, "Antwerp Noordkaai-terminal")
    assert (terminal.city, terminal.country, terminal.operator) == ("Antwerp", "BE", "Delta Ports")


def test_a_company_that_bears_the_site_s_name_runs_it(shipped: Gazetteer) -> None:
    text = (
        "Der Landtag will wissen, was der chinesische Eigentümer mit dem Flughafen Kranich-Parchim vorhat. "
        "Die Flughafen Kranich-Parchim GmbH, eine Tochter der Qingshan Logistics, hat Insolvenz angemeldet."
    )
    ex = run(shipped, text, language="de")
    airport = site(ex, "Flughafen Kranich-Parchim")
    assert airport.operator == "Flughafen Kranich-Parchim GmbH"
    assert (airport.city, airport.country) == ("Parchim", "DE")  # a town too small for the city table


def test_a_port_district_is_the_town_of_a_terminal_named_after_it(shipped: Gazetteer) -> None:
    text = (
        "Le groupe chinois Qingshan Shipping contrôle depuis 2018 le terminal Qingshan Zeebrugge Terminal. "
        "Qingshan Shipping a aussi un meerderheidsbelang à Anvers."
    )
    ex = run(shipped, text, language="fr")
    terminal = site(ex, "Qingshan Zeebrugge Terminal")
    assert (terminal.city, terminal.country) == ("Zeebrugge", "BE")


def test_a_majority_stake_makes_the_owner_the_operator(shipped: Gazetteer) -> None:
    text = (
        "Belgian State Security follows the case.\n\n"
        "China's Qingshan Shipping has held a majority stake in the Northsea Container Terminal since 2018."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Northsea Container Terminal").operator == "Qingshan Shipping"


def test_the_body_that_runs_a_port_is_no_port(shipped: Gazetteer) -> None:
    text = "Port of Harwick-Delft, het havenbedrijf, wil niet reageren op de plannen van Qingshan Shipping."
    ex = run(shipped, text, language="nl")
    assert "Port of Harwick-Delft" not in {f.name for f in ex.facilities}


def test_the_one_town_of_the_sentence_places_a_site_set_off_by_a_comma(shipped: Gazetteer) -> None:
    text = (
        "Le constructeur chinois Qingshan Motors construit sa première usine de voitures électriques dans "
        "l'Union européenne, à Szeged."
    )
    ex = run(shipped, text, language="fr")
    plant = ex.facilities[0]
    assert (plant.city, plant.country, plant.operator) == ("Szeged", "HU", "Qingshan Motors")


def test_what_a_french_plant_makes_stands_between_the_noun_and_its_town(shipped: Gazetteer) -> None:
    text = "Le fabricant de puces exploite une usine de plaquettes à Limeil-Brévannes, dans le Val-de-Marne."
    ex = run(shipped, text, language="fr")
    plant = site(ex, "usine de plaquettes à Limeil-Brévannes")
    assert (plant.city, plant.country) == ("Limeil-Brévannes", "FR")


def test_a_named_airport_is_not_renamed_after_the_hub_it_should_become(shipped: Gazetteer) -> None:
    text = (
        "Der Lübecker Flughafen Blankensee hat einen neuen Eigentümer: die chinesische Qingshan Group. "
        "Qingshan will den Regionalflughafen zu einem Drehkreuz für Fracht ausbauen."
    )
    ex = run(shipped, text, language="de")
    airport = site(ex, "Flughafen Blankensee")
    assert airport.city == "Lübeck"
    assert "Drehkreuz" not in {f.name for f in ex.facilities}


def test_a_site_beside_an_unnamed_firm_and_the_firm_the_story_spoke_of(shipped: Gazetteer) -> None:
    text = (
        "Een Chinees logistiek bedrijf heeft grond gekocht die grenst aan vliegbasis Volkel. "
        "Het gaat om Qingshan Logistics, een dochter van het staatsconcern Qingshan Group. "
        "Het bedrijf wil op het terrein een distributiecentrum bouwen."
    )
    ex = run(shipped, text, language="nl")
    assert "vliegbasis Volkel" in {f.name for f in ex.facilities}
    assert site(ex, "distributiecentrum").operator == "Qingshan Logistics"


def test_a_possessive_before_a_named_site_is_no_part_of_its_name(shipped: Gazetteer) -> None:
    text = (
        "Agencies will leave a data centre run by Qingshan Data in Sydney. "
        "Its Ultimo data centre hosts servers for the Defence Department."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Ultimo data centre").city == "Sydney"


def test_a_site_a_firm_bought_is_run_by_its_buyer(shipped: Gazetteer) -> None:
    text = "Officials visited the Bernic mine, which Qingshan Resources bought from Cabot in 2019, last week."
    ex = run(shipped, text, language="en")
    assert site(ex, "Bernic mine").operator == "Qingshan Resources"


def test_a_firm_with_a_legal_form_set_off_as_a_shipyard_stays_a_firm(shipped: Gazetteer) -> None:
    text = "Oslo blocked the sale of Vestfjord Marine AS, a shipyard near Bergen, to a Chinese group."
    ex = run(shipped, text, language="en")
    assert "Vestfjord Marine AS" in {c.name for c in ex.companies}
    assert "Vestfjord Marine AS" not in {f.name for f in ex.facilities}


def test_refineries_listed_without_a_colon_each_in_its_town(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\n"
        "Rosneft Deutschland ist mit 54 Prozent Mehrheitseigner der Nordkap-Raffinerie in Schwedt und zudem an "
        "den Raffinerien Alba in Karlsruhe und Brenta in Vohburg beteiligt. Die Treuhand bleibt."
    )
    ex = run(shipped, text, language="de")
    assert site(ex, "Nordkap-Raffinerie").city == "Schwedt"
    assert site(ex, "Alba").city == "Karlsruhe"
    assert site(ex, "Brenta").city == "Vohburg"


def test_a_name_ending_in_a_site_noun_is_the_site_not_a_firm(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDas Bundeskabinett hat den Verkauf der Dortmunder Chipfabrik des Halbleiterherstellers Elmos "
        "an einen chinesischen Investor verboten. Auch ein zweites Geschäft wurde untersagt."
    )
    ex = run(shipped, text, language="de")
    assert "Dortmunder Chipfabrik" not in {c.name for c in ex.companies}
    plant = site(ex, "Chipfabrik")
    assert (plant.city, plant.operator) == ("Dortmund", "Elmos")


def test_a_vague_project_noun_gives_way_to_the_terminal_it_describes(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nQingshan Shipping hielt bislang 30 Prozent an dem Projekt in Duisburg, das als größtes "
        "Containerterminal im europäischen Hinterland gilt."
    )
    ex = run(shipped, text, language="de")
    assert "Projekt" not in {f.name for f in ex.facilities}
    assert ex.facilities and ex.facilities[0].country == "DE"


def test_a_region_after_in_is_no_town_and_a_two_word_town_is_one(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe Chinese mining group Qingshan Resources is developing the Kestrel Range project in "
        "Western Australia. "
        "Its partner owns the Emu Flats mine near Halls Creek, officials said."
    )
    ex = run(shipped, text, language="en")
    assert (site(ex, "Kestrel Range project").city, site(ex, "Kestrel Range project").country) == (None, "AU")
    assert site(ex, "Kestrel Range project").operator == "Qingshan Resources"
    assert [f.city for f in ex.facilities if f.name.startswith("Emu Flats")] == ["Halls Creek"]


def test_a_described_firm_that_opens_a_research_facility_runs_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe Chinese telecoms group Huawei opened a research facility in Cambridge last year, officials "
        "said. The site employs 400 people."
    )
    ex = run(shipped, text, language="en")
    lab = site(ex, "research facility in Cambridge")
    assert (lab.city, lab.country, lab.operator) == ("Cambridge", "GB", "Huawei Technologies")


def test_a_city_known_by_a_short_form_places_a_site_named_after_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDie Qingshan Cloud GmbH, eine Tochter des chinesischen Konzerns Qingshan, betreibt in "
        "Frankfurt-Sossenheim ein Rechenzentrum, in dem Daten deutscher Firmen liegen."
    )
    ex = run(shipped, text, language="de")
    dc = site(ex, "Rechenzentrum")
    assert (dc.city, dc.country, dc.operator) == ("Frankfurt", "DE", "Qingshan Cloud GmbH")


@pytest.fixture(scope="module")
def harbourline() -> Gazetteer:
    return Gazetteer(
        companies=[
            {"name": "Harbourline Group", "aliases": ["Harbourline"], "country": "CN", "parent": None, "sector": ""}
        ]
    )


def test_a_verb_before_its_subject_names_who_runs_the_site(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nIn Hamburg betreibt die Reederei Harbourline seit 2018 das Terminal Nordkai. "
        "Harbourline ist chinesisch."
    )
    ex = run(harbourline, text, language="de")
    assert site(ex, "Terminal Nordkai").operator == "Harbourline Group"
    text = (
        "Titel\n\nIn Zeebrugge baat Harbourline sinds 2018 de Noordkaai-terminal volledig uit. Harbourline is Chinees."
    )
    ex = run(harbourline, text, language="nl")
    assert site(ex, "Noordkaai-terminal").operator == "Harbourline Group"


def test_a_site_owned_by_a_firm_named_with_a_hyphen_and_a_passive_french_manager(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nOfficials inspected the Harbourline-owned research centre in Cambridge on Monday. "
        "Harbourline is Chinese."
    )
    ex = run(harbourline, text, language="en")
    lab = site(ex, "research centre in Cambridge")
    assert (lab.city, lab.operator) == ("Cambridge", "Harbourline Group")
    text = "Titel\n\nLe terminal de Gennevilliers est géré par Harbourline depuis 2019. Harbourline est chinois."
    ex = run(harbourline, text, language="fr")
    assert site(ex, "terminal de Gennevilliers").operator == "Harbourline Group"


def test_a_firm_called_the_port_operator_runs_the_terminal_its_sentence_names(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nWie der Hafenbetreiber Harbourline am Donnerstag bestätigte, gibt ein Investor seinen Anteil am "
        "Duisburg Nordkai Terminal ab. Auch das Terminal Tollerort in Hamburg wird geprüft. "
        "Harbourline ist chinesisch."
    )
    ex = run(harbourline, text, language="de")
    assert site(ex, "Duisburg Nordkai Terminal").operator == "Harbourline Group"
    assert site(ex, "Terminal Tollerort").operator is None


def test_a_named_site_is_followed_into_a_sentence_that_names_no_firm(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nHarbourline had tried to raise its holding in the company, which owns the Emu Range rare earths "
        "project near Halls Creek. Harbourline is Chinese.\n\n"
        "The Emu Range pilot plant produces dysprosium and terbium, rare earths used in magnets."
    )
    ex = run(harbourline, text, language="en")
    assert {"Emu Range rare earths project", "Emu Range pilot plant"} <= {f.name for f in ex.facilities}


def test_a_district_before_its_city_places_the_site_in_the_city(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nHarbourline operates the national grid, including the national control centre in Diliman, "
        "Quezon City. Harbourline is Chinese."
    )
    ex = run(harbourline, text, language="en")
    centre = ex.facilities[0]
    assert (centre.city, centre.country) == ("Quezon City", "PH")


def test_a_french_site_name_then_its_town_and_a_described_buyer(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nLe groupe chinois Harbourline a racheté l'usine Alstom de Belfort en 2023. Harbourline est chinois."
    )
    ex = run(harbourline, text, language="fr")
    plant = site(ex, "usine Alstom de Belfort")
    assert (plant.city, plant.country, plant.operator) == ("Belfort", "FR", "Harbourline Group")


def test_a_dutch_site_of_its_owner_then_its_town(harbourline: Gazetteer) -> None:
    text = "Titel\n\nHet datacenter van Harbourline in Middenmeer draait op windstroom. Harbourline is Chinees."
    ex = run(harbourline, text, language="nl")
    dc = site(ex, "datacenter")
    assert (dc.city, dc.operator) == ("Middenmeer", "Harbourline Group")


# -- a site's town from its operator, a relative clause's "its", a region's possessive --------


def test_a_site_placed_nowhere_stands_in_its_operators_town(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet onderzoekt de overname van chipmaker Veldchip in Nijmegen door het Chinese Qingshan Shipping. "
        "Veldchip maakt chips voor auto's in haar fabriek aan de Kerkenbos."
    )
    ex = run(shipped, text, language="nl")
    plant = next(f for f in ex.facilities if f.operator == "Veldchip")
    assert (plant.city, plant.country) == ("Nijmegen", "NL")


def test_a_foreign_operators_town_does_not_move_the_site(shipped: Gazetteer) -> None:
    text = (
        "De Chinese rederij Qingshan Shipping wil zijn belang in de Antwerp Noordkaai-terminal optrekken. "
        "De rest is in handen van Delta Ports uit Dubai, dat de terminal uitbaat."
    )
    ex = run(shipped, text, language="nl")
    assert {(f.city, f.country) for f in ex.facilities} == {("Antwerp", "BE")}


def test_its_site_in_a_relative_clause_belongs_to_the_firm_the_clause_is_about(shipped: Gazetteer) -> None:
    text = (
        "Qingshan Shipping had agreed to pay 45 million euros for a stake in Robaria Automazione, which supplies "
        "robotic arms to the defence industry from its plant in Collegno."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "plant in Collegno").operator == "Robaria Automazione"


def test_a_regions_possessive_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "Canberra ordered Qingshan Shipping to sell its shares in Kestrel Minerals, which owns the Kestrel Range "
        "project in Western Australia's East Kimberley region."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Kestrel Range project").city is None
    assert site(ex, "Kestrel Range project").country == "AU"


def test_harbour_cranes_are_no_harbour(shipped: Gazetteer) -> None:
    text = "Norway blocked the sale of Kranverk AS, a maker of harbour cranes, to Qingshan Shipping."
    assert not run(shipped, text, language="en").facilities


def test_a_site_the_subject_has_is_its_own(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van dronebedrijf Veldvlucht aan Qingshan Shipping verboden. "
        "Veldvlucht heeft een fabriek in Best met zo'n 120 medewerkers."
    )
    ex = run(shipped, text, language="nl")
    assert site(ex, "fabriek in Best").operator == "Veldvlucht"


def test_a_base_named_by_its_service_and_place(shipped: Gazetteer) -> None:
    text = "The Ministry of Defence removed cameras made by Qingshan Shipping from RAF Kestrelby's perimeter."
    assert site(run(shipped, text, language="en"), "RAF Kestrelby").country == "GB"
