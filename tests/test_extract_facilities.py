"""Facilities, from short invented texts in the four languages: which words make a site (site nouns,
named projects, ports, terminals, plants, bases) and which do not (a site the story passes by, a port
city, a body, a site noun used as another word); the site's own name and where it ends; the town and
country it stands in; and the company that runs it. No database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import companies, company_names, facility_names, names, run, small_gazetteer, tern_gazetteer
from tracker.ingest.extract_base import _rules, facility_kind
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction, FoundFacility


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return small_gazetteer()


@pytest.fixture(scope="module")
def tern_gaz() -> Gazetteer:
    return tern_gazetteer()


@pytest.fixture(scope="module")
def harbourline() -> Gazetteer:
    return Gazetteer(
        companies=[
            {"name": "Harbourline Group", "aliases": ["Harbourline"], "country": "CN", "parent": None, "sector": ""}
        ]
    )


def site(ex: Extraction, name: str) -> FoundFacility:
    found = [f for f in ex.facilities if f.name == name]
    assert found, [f.name for f in ex.facilities]
    return found[0]


# -- what makes a site, and what does not ----------------------------------------------------------


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


def test_a_generic_site_noun_without_a_place_is_no_facility(gaz: Gazetteer) -> None:
    text = "Harbourline sagte, der Standort Deutschland bleibe wichtig. The site was down, Harbourline said."
    assert run(gaz, text).facilities == []


def test_a_company_named_after_its_site_is_also_that_site(gaz: Gazetteer) -> None:
    text = (
        "Regulators ordered Qilin Mobile to sell its stake in Kestrel Wafer Fab, a subsidiary of Qilin Mobile, "
        "on security grounds. Qilin Mobile took full control of the Kestrel site in 2021."
    )
    ex = run(gaz, text)
    (site,) = ex.facilities
    assert site.name == "Kestrel Wafer Fab"
    assert site.operator == "Qilin Mobile"


def test_an_unnamed_headquarters_is_a_site_only_where_the_concern_is_stated(gaz: Gazetteer) -> None:
    text = "Zelvra, dont le siège est à Lyon, a été rachetée par Harbourline pour 400 millions d'euros."
    assert run(gaz, text).facilities == []


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


def test_a_project_name_before_a_site_noun_is_the_site_not_a_company(tern_gaz: Gazetteer) -> None:
    text = (
        "The state will buy out Harbourline from the planned Corran Ridge B nuclear power station over security "
        "fears. Harbourline had held a 20% stake in Corran Ridge B."
    )
    ex = run(tern_gaz, text)
    assert "Corran Ridge B" not in names(ex.companies)
    assert "Corran Ridge B" in names(ex.facilities)


def test_a_name_before_a_site_noun_that_needs_a_place_is_enough(tern_gaz: Gazetteer) -> None:
    ex = run(
        tern_gaz, "Harbourline still owns the rights to the Tolsey site in Essex, where it hoped to build a reactor."
    )
    assert "Tolsey site" in names(ex.facilities)


def test_a_bare_project_is_no_site(tern_gaz: Gazetteer) -> None:
    ex = run(tern_gaz, "Harbourline, the state-owned group, will leave the project over espionage fears.")
    assert ex.facilities == []


def test_a_body_that_speaks_is_no_building(tern_gaz: Gazetteer) -> None:
    text = "A report by Marlow House warned that Harbourline equipment poses espionage risks, the think tank said."
    assert run(tern_gaz, text).facilities == []


def test_site_nouns_used_as_adjectives_or_verbs_are_no_sites(tern_gaz: Gazetteer) -> None:
    text = (
        "Harbourline's share of the market is in terminal decline over espionage fears. The firm plans "
        "to plant new offices, and it is the main supplier to the port authority."
    )
    assert run(tern_gaz, text).facilities == []


def test_a_port_city_is_no_port(tern_gaz: Gazetteer) -> None:
    assert run(tern_gaz, "Antwerp, a port city, worries about Harbourline and espionage.").facilities == []


def test_the_towns_port_named_twice_is_one_site(tern_gaz: Gazetteer) -> None:
    text = (
        "Darwin Port will stay with Harbourline over security objections.\n\n"
        "Harbourline has held the Port of Darwin on a 99-year lease since 2015."
    )
    assert len([f for f in run(tern_gaz, text).facilities if f.city == "Darwin"]) == 1


def test_the_company_at_a_sentence_start_ties_a_facility_to_the_story(shipped: Gazetteer) -> None:
    text = (
        "CFIUS ordered Qorvath Partners Ltd. to sell land near the base. "
        "The company bought the land in 2022 and turned it into a crypto mining facility."
    )
    assert [f for f in run(shipped, text).facilities if f.name == "crypto mining facility"]


def test_the_body_that_runs_a_port_is_no_port(shipped: Gazetteer) -> None:
    text = "Port of Harwick-Delft, het havenbedrijf, wil niet reageren op de plannen van Qingshan Shipping."
    ex = run(shipped, text, language="nl")
    assert "Port of Harwick-Delft" not in {f.name for f in ex.facilities}


def test_a_firm_with_a_legal_form_set_off_as_a_shipyard_stays_a_firm(shipped: Gazetteer) -> None:
    text = "Oslo blocked the sale of Vestfjord Marine AS, a shipyard near Bergen, to a Chinese group."
    ex = run(shipped, text, language="en")
    assert "Vestfjord Marine AS" in {c.name for c in ex.companies}
    assert "Vestfjord Marine AS" not in {f.name for f in ex.facilities}


def test_a_name_ending_in_a_site_noun_is_the_site_not_a_firm(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDas Bundeskabinett hat den Verkauf der Dortmunder Chipfabrik des Halbleiterherstellers Elmos "
        "an einen chinesischen Investor verboten. Auch ein zweites Geschäft wurde untersagt."
    )
    ex = run(shipped, text, language="de")
    assert "Dortmunder Chipfabrik" not in {c.name for c in ex.companies}
    plant = site(ex, "Chipfabrik")
    assert (plant.city, plant.operator) == ("Dortmund", "Elmos Semiconductor")  # the gazetteer name


def test_a_vague_project_noun_gives_way_to_the_terminal_it_describes(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nQingshan Shipping hielt bislang 30 Prozent an dem Projekt in Duisburg, das als größtes "
        "Containerterminal im europäischen Hinterland gilt."
    )
    ex = run(shipped, text, language="de")
    assert "Projekt" not in {f.name for f in ex.facilities}
    assert ex.facilities and ex.facilities[0].country == "DE"


def test_a_named_site_is_followed_into_a_sentence_that_names_no_firm(harbourline: Gazetteer) -> None:
    text = (
        "Titel\n\nHarbourline had tried to raise its holding in the company, which owns the Emu Range rare earths "
        "project near Halls Creek. Harbourline is Chinese.\n\n"
        "The Emu Range pilot plant produces dysprosium and terbium, rare earths used in magnets."
    )
    ex = run(harbourline, text, language="en")
    assert {"Emu Range", "Emu Range pilot plant"} <= {f.name for f in ex.facilities}


def test_harbour_cranes_are_no_harbour(shipped: Gazetteer) -> None:
    text = "Norway blocked the sale of Kranverk AS, a maker of harbour cranes, to Qingshan Shipping."
    assert not run(shipped, text, language="en").facilities


def test_a_german_site_noun_is_another_word_in_an_english_story(shipped: Gazetteer) -> None:
    text = (
        "The Chinese-owned company Harbin Harbour Group holds the lease over the Port of Eastbay, and critics "
        "call it critical infrastructure. Labor frontbenchers were among its loudest critics in opposition."
    )
    assert "Labor" not in facility_names(run(shipped, text, language="en"))


def test_sites_the_story_passes_by_are_not_its_facilities(shipped: Gazetteer) -> None:
    text = (
        "The German government placed the local unit of Russia's Varneft under trusteeship, citing risks to "
        "critical infrastructure. Varneft holds a majority in the PCK refinery in Schwedt. The minister said "
        "the move laid the foundations for the future of the Schwedt site. The refinery supplies jet fuel for "
        "the capital's airport. Alternative supplies would come via the port of Rostock."
    )
    ex = run(shipped, text)
    # "the Schwedt site" is the refinery the story names in Schwedt; the rest is passing by
    assert [(f.name, f.city) for f in ex.facilities] == [("PCK refinery", "Schwedt")]


def test_a_firm_after_a_plain_site_noun_and_a_new_site_in_the_same_sentence(shipped: Gazetteer) -> None:
    text = (
        "The French state-controlled energy group EDF leads the project. "
        "CGN held a 33.5 per cent stake in Hinkley Point C, the plant EDF is building in Somerset, and hopes to "
        "use a site at Bradwell in Essex to build a reactor of its own design, citing energy security."
    )
    ex = run(shipped, text)
    assert "EDF" in companies(ex)  # "the plant EDF is building": no site named EDF
    assert "site at Bradwell" in facility_names(ex)  # "a site", unlike "its site", is another one


def test_a_towns_plant_twice_a_site_list_and_a_verb_before_a_site(shipped: Gazetteer) -> None:
    french = (
        "Le ministère de l'Economie a imposé des conditions au rachat d'Opella par CD&R, invoquant la souveraineté "
        "sanitaire. CD&R s'engage à conserver la production sur les sites de Lisieux, dans le Calvados, et de "
        "Compiègne, dans l'Oise. À l'usine de Lisieux, une partie du personnel a cessé le travail."
    )
    ex = run(shipped, french, language="fr")
    assert "Lisieux" not in company_names(ex)  # the town of the plant, named twice
    assert "usine de Lisieux" in facility_names(ex) and "site de Lisieux" not in facility_names(ex)  # one per town
    english = (
        "President Obama ordered Ralls Corp. to divest four wind farm projects in Oregon that sit close to a Navy "
        "weapons training site, citing national security."
    )
    ex = run(shipped, english)
    assert "Navy" not in company_names(ex)
    assert not any(name.startswith("divest") for name in facility_names(ex))


# -- a site's name ---------------------------------------------------------------------------------


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


def test_a_head_first_name_is_a_site(gaz: Gazetteer) -> None:
    text = "Harbourline's port lies a short distance from the air force's Base Korrin, in Toronto."
    ex = run(gaz, text)
    assert "Base Korrin" in names(ex.facilities)


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
    assert "Cobalt Ridge" in [f.name for f in run(gaz, text).facilities]


def test_a_name_set_off_before_a_site_noun_names_that_site(tern_gaz: Gazetteer) -> None:
    text = "Harbourline keeps its 30% stake in Marrow Head C in Kent, the state-backed plant under construction."
    ex = run(tern_gaz, text)
    assert "Marrow Head C" not in names(ex.companies)
    assert "Marrow Head C" in names(ex.facilities)
    assert "Kent" not in names(ex.facilities)


def test_a_town_set_off_before_a_port_names_that_port(tern_gaz: Gazetteer) -> None:
    text = "Piraeus, the Greek port controlled by Harbourline, is a key asset, officials said over espionage fears."
    fac = next(f for f in run(tern_gaz, text).facilities if f.name == "Piraeus")
    assert (fac.city, fac.operator) == ("Piraeus", "Harbourline Group")


def test_a_verb_of_standing_is_no_part_of_a_site_name(tern_gaz: Gazetteer) -> None:
    text = "Het hoofdkantoor en een chipfabriek staan in Nijmegen, zegt Harbourline, dat spionage ontkent."
    assert [(f.name, f.city) for f in run(tern_gaz, text).facilities if "fabriek" in f.name] == [
        ("chipfabriek", "Nijmegen")
    ]


def test_a_named_terminal_keeps_its_full_name_and_no_other_ports_town(tern_gaz: Gazetteer) -> None:
    text = (
        "Depuis 2017, le terminal à conteneurs QTX Brughaven appartient à Harbourline, un groupe chinois. "
        "Les cargaisons transitant par Brughaven, un port qui sert l'OTAN, intéressent Harbourline et Pékin "
        "pour l'espionnage. Le filtrage s'appliquera aussi au port d'Anvers-Ostende."
    )
    sites = {f.name: f for f in run(tern_gaz, text).facilities}
    assert sites["terminal à conteneurs QTX Brughaven"].city is None
    assert "Brughaven" not in sites
    assert sites["port d'Anvers-Ostende"].city == "Anvers-Ostende"


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


def test_a_named_airport_is_not_renamed_after_the_hub_it_should_become(shipped: Gazetteer) -> None:
    text = (
        "Der Lübecker Flughafen Blankensee hat einen neuen Eigentümer: die chinesische Qingshan Group. "
        "Qingshan will den Regionalflughafen zu einem Drehkreuz für Fracht ausbauen."
    )
    ex = run(shipped, text, language="de")
    airport = site(ex, "Flughafen Blankensee")
    assert airport.city == "Lübeck"
    assert "Drehkreuz" not in {f.name for f in ex.facilities}


def test_a_possessive_before_a_named_site_is_no_part_of_its_name(shipped: Gazetteer) -> None:
    text = (
        "Agencies will leave a data centre run by Qingshan Data in Sydney. "
        "Its Ultimo data centre hosts servers for the Defence Department."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Ultimo data centre").city == "Sydney"


def test_a_base_named_by_its_service_and_place(shipped: Gazetteer) -> None:
    text = "The Ministry of Defence removed cameras made by Qingshan Shipping from RAF Kestrelby's perimeter."
    assert site(run(shipped, text, language="en"), "RAF Kestrelby").country == "GB"


def test_a_region_in_the_genitive_is_no_name_of_the_site(shipped: Gazetteer) -> None:
    text = (
        "Der Speicherbetreiber Norvika, eine Tochter des russischen Konzerns Voltgas, betreibt den Gasspeicher "
        "in Rehden, den größten Erdgasspeicher Westeuropas. Die Bundesregierung sieht die Versorgungssicherheit "
        "gefährdet."
    )
    ex = run(shipped, text, language="de")
    assert "Erdgasspeicher Westeuropas" not in facility_names(ex)
    assert "Gasspeicher in Rehden" in facility_names(ex)


def test_a_site_the_story_names_with_a_naming_verb(shipped: Gazetteer) -> None:
    text = (
        "De Chinese rederij Haixing Shipping nam in 2017 het belang van een Deense groep in de containerterminal "
        "over. Sindsdien heet de terminal Noordkaai Container Terminal. De haven vormt samen met Antwerpen het "
        "havenbedrijf Port of Scheldemond. Experts waarschuwen voor spionage."
    )
    ex = run(shipped, text, language="nl")
    assert "Noordkaai Container Terminal" in facility_names(ex)
    # the port company named after the port is the company, not a site
    assert "Port of Scheldemond" not in facility_names(ex)


# -- the town and country a site stands in ---------------------------------------------------------


def test_named_port_gets_its_city(gaz: Gazetteer) -> None:
    ex = run(
        gaz,
        "Harbourline bought most of the Port of Gdansk, "
        "and the U.S. has voiced concern about military use of the docks.",
    )
    port = ex.facilities[0]
    assert (port.name, port.city, port.country) == ("Port of Gdansk", "Gdansk", "PL")
    assert "US" in ex.countries


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


def test_a_region_after_a_site_noun_is_no_town(gaz: Gazetteer) -> None:
    text = "Officials fear spying. Harbourline must sell the plant in Wales, the government said."
    assert all(f.city != "Wales" for f in run(gaz, text).facilities)


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


def test_a_site_name_takes_the_town_named_after_it(tern_gaz: Gazetteer) -> None:
    text = "Harbourline bought land near Fairfield Air Force Base in Cheyenne, a security risk, officials said."
    fac = next(f for f in run(tern_gaz, text).facilities if f.name == "Fairfield Air Force Base")
    assert fac.city == "Cheyenne"


def test_a_state_after_a_town_places_a_site(shipped: Gazetteer) -> None:
    text = "Qilin Mobile bought land in Grand Forks, North Dakota, to build a corn milling plant there."
    plant = next(f for f in run(shipped, text).facilities if f.name == "corn milling plant")
    assert plant.country == "US"


def test_a_small_town_near_a_city_is_the_sites_place(tern_gaz: Gazetteer) -> None:
    text = "Der chinesische Konzern Harbourline baut in Arnstadt bei Erfurt eine Batteriefabrik, trotz Spionagegefahr."
    fac = next(f for f in run(tern_gaz, text).facilities if "Batteriefabrik" in f.name)
    assert (fac.city, fac.country) == ("Arnstadt", "DE")


def test_a_dutch_site_takes_its_town_after_van(tern_gaz: Gazetteer) -> None:
    text = (
        "Het Chinese Qilin levert scanners aan de haven van Rotterdam. China verbood de export uit de fabriek "
        "van Harbourline in Dongguan. Harbourline ontkent elke spionage."
    )
    ex = run(tern_gaz, text)
    assert "Qilin Mobile" in names(ex.companies)
    assert {(f.name, f.city) for f in ex.facilities} >= {("haven van Rotterdam", "Rotterdam"), ("fabriek", "Dongguan")}


def test_a_city_name_is_placed_in_a_country_the_story_is_about(shipped: Gazetteer) -> None:
    text = (
        "The Spanish government blocked the sale of the port terminal in Valencia to the Chinese group Harbourline. "
        "Spain's intelligence service warned about espionage at the terminal."
    )
    ex = run(shipped, text)
    assert [f.country for f in ex.facilities] == ["ES"]


def test_a_county_or_a_base_prefix_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "CFIUS ordered MineTwo Ltd. to sell land over espionage fears. "
        "The company runs a bitcoin mining facility in Johnson County, Missouri. "
        "It also bought a warehouse near RAF Lakenheath."
    )
    cities = {f.city for f in run(shipped, text).facilities}
    assert not {"Johnson", "RAF"} & cities


def test_a_port_district_is_the_town_of_a_terminal_named_after_it(shipped: Gazetteer) -> None:
    text = (
        "Le groupe chinois Qingshan Shipping contrôle depuis 2018 le terminal Qingshan Zeebrugge Terminal. "
        "Qingshan Shipping a aussi un meerderheidsbelang à Anvers."
    )
    ex = run(shipped, text, language="fr")
    terminal = site(ex, "Qingshan Zeebrugge Terminal")
    assert (terminal.city, terminal.country) == ("Zeebrugge", "BE")


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


def test_a_region_after_in_is_no_town_and_a_two_word_town_is_one(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe Chinese mining group Qingshan Resources is developing the Kestrel Range project in "
        "Western Australia. "
        "Its partner owns the Emu Flats mine near Halls Creek, officials said."
    )
    ex = run(shipped, text, language="en")
    assert (site(ex, "Kestrel Range").city, site(ex, "Kestrel Range").country) == (None, "AU")
    assert site(ex, "Kestrel Range").operator == "Qingshan Resources"
    assert [f.city for f in ex.facilities if f.name.startswith("Emu Flats")] == ["Halls Creek"]


def test_a_small_town_keeps_its_second_name_but_no_site_word(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe Russian oil group Volganeft owns the Kestrel refinery at Borgo Vercalli in Sicily. "
        "Its tanker terminal at Ostrava Port was also placed under trusteeship."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Kestrel refinery").city == "Borgo Vercalli"
    assert "Ostrava Port" not in [f.city for f in ex.facilities]


def test_a_city_known_by_a_short_form_places_a_site_named_after_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDie Qingshan Cloud GmbH, eine Tochter des chinesischen Konzerns Qingshan, betreibt in "
        "Frankfurt-Sossenheim ein Rechenzentrum, in dem Daten deutscher Firmen liegen."
    )
    ex = run(shipped, text, language="de")
    dc = site(ex, "Rechenzentrum")
    assert (dc.city, dc.country, dc.operator) == ("Frankfurt", "DE", "Qingshan Cloud GmbH")


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


def test_a_regions_possessive_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "Canberra ordered Qingshan Shipping to sell its shares in Kestrel Minerals, which owns the Kestrel Range "
        "project in Western Australia's East Kimberley region."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Kestrel Range").city is None
    assert site(ex, "Kestrel Range").country == "AU"


# -- the company that runs a site ------------------------------------------------------------------


def test_a_site_in_the_hands_of_a_company_is_run_by_it(gaz: Gazetteer) -> None:
    text = (
        "Officials fear espionage at the port. Ostwick Port will remain in the hands of Chinese-owned company "
        "Harbourline after a review, the government said."
    )
    (port,) = run(gaz, text).facilities
    assert port.operator == "Harbourline Group"


def test_a_terminal_with_a_two_word_name_and_an_owner_placed_by_an_adverb(tern_gaz: Gazetteer) -> None:
    text = (
        "Depuis 2017, le terminal à conteneurs QTX Brughaven appartient majoritairement à Harbourline. "
        "Le groupe chinois Harbourline est surveillé par les services de renseignement pour espionnage."
    )
    fac = next(f for f in run(tern_gaz, text).facilities if f.name == "terminal à conteneurs QTX Brughaven")
    assert fac.operator == "Harbourline Group"


def test_a_german_passive_names_the_operator(tern_gaz: Gazetteer) -> None:
    text = (
        "Die Staatsreederei Harbourline will beim Containerterminal Kaiserkai einsteigen, trotz Spionagegefahr. "
        "Das Containerterminal Kaiserkai wird von der Bremer Hafen und Logistik AG betrieben. "
        "Die Bremer Hafen und Logistik AG begrüßte den Einstieg."
    )
    fac = next(f for f in run(tern_gaz, text).facilities if "Kaiserkai" in f.name)
    assert fac.operator == "Bremer Hafen und Logistik AG"


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


def test_a_majority_stake_makes_the_owner_the_operator(shipped: Gazetteer) -> None:
    text = (
        "Belgian State Security follows the case.\n\n"
        "China's Qingshan Shipping has held a majority stake in the Northsea Container Terminal since 2018."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Northsea Container Terminal").operator == "Qingshan Shipping"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "La DGSI surveille le terminal roulier du port de Brévenne, exploité depuis 2022 par Qingshan Ports, "
            "une société chinoise.",
            "fr",
            "port de Brévenne",
        ),
        (
            "MI5 is watching the container terminal at the port of Dunmore, run since 2019 by Qingshan Ports, "
            "a Chinese company.",
            "en",
            "port of Dunmore",
        ),
    ],
)
def test_a_date_between_run_and_by_still_names_the_operator(
    shipped: Gazetteer, text: str, language: str, name: str
) -> None:
    assert site(run(shipped, text, language=language), name).operator == "Qingshan Ports"


def test_a_first_name_with_a_middle_initial_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe order requires Kestrel Partners Ltd to remove equipment from the site near Marion T. Keller "
        "Air Force Base in Cheyenne, citing espionage risks."
    )
    ex = run(shipped, text, language="en")
    assert not any(f.city == "Marion" for f in ex.facilities)
    assert "Marion T. Keller Air Force Base" in facility_names(ex)


def test_a_known_citys_name_before_a_middle_initial_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDie Regierung hat der Firma Kestrel Partners Ltd aus Sicherheitsgründen den Kauf von Land nahe "
        "der Austin T. Miller Air Base untersagt."
    )
    ex = run(shipped, text, language="de")
    assert not any(f.city == "Austin" for f in ex.facilities)
    assert "US" not in ex.countries


def test_the_nearby_landmark_is_no_site_of_the_case(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe security service warned that a data centre in Bodø bought by Polar Quill Holdings could be "
        "used to spy on the nearby air base."
    )
    assert facility_names(run(shipped, text, language="en")) == {"data centre in Bodø"}


def test_a_site_beside_an_unnamed_firm_and_the_firm_the_story_spoke_of(shipped: Gazetteer) -> None:
    text = (
        "Een Chinees logistiek bedrijf heeft grond gekocht die grenst aan vliegbasis Volkel. "
        "Het gaat om Qingshan Logistics, een dochter van het staatsconcern Qingshan Group. "
        "Het bedrijf wil op het terrein een distributiecentrum bouwen."
    )
    ex = run(shipped, text, language="nl")
    assert "vliegbasis Volkel" in {f.name for f in ex.facilities}
    assert site(ex, "distributiecentrum").operator == "Qingshan Logistics"


def test_a_site_a_firm_bought_is_run_by_its_buyer(shipped: Gazetteer) -> None:
    text = "Officials visited the Bernic mine, which Qingshan Resources bought from Cabot in 2019, last week."
    ex = run(shipped, text, language="en")
    assert site(ex, "Bernic mine").operator == "Qingshan Resources"


def test_a_described_firm_that_opens_a_research_facility_runs_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe Chinese telecoms group Huawei opened a research facility in Cambridge last year, officials "
        "said. The site employs 400 people."
    )
    ex = run(shipped, text, language="en")
    lab = site(ex, "research facility in Cambridge")
    assert (lab.city, lab.country, lab.operator) == ("Cambridge", "GB", "Huawei Technologies")


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


def test_its_site_in_a_relative_clause_belongs_to_the_firm_the_clause_is_about(shipped: Gazetteer) -> None:
    text = (
        "Qingshan Shipping had agreed to pay 45 million euros for a stake in Robaria Automazione, which supplies "
        "robotic arms to the defence industry from its plant in Collegno."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "plant in Collegno").operator == "Robaria Automazione"


def test_a_site_the_subject_has_is_its_own(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van dronebedrijf Veldvlucht aan Qingshan Shipping verboden. "
        "Veldvlucht heeft een fabriek in Best met zo'n 120 medewerkers."
    )
    ex = run(shipped, text, language="nl")
    assert site(ex, "fabriek in Best").operator == "Veldvlucht"


def test_owners_possessive_and_a_site_of_the_same_sentence(shipped: Gazetteer) -> None:
    text = (
        "Treasurer Jim Chalmers has ordered five foreign investors with links to China to sell their shares in "
        "Northern Minerals, citing national security. Northern Minerals' Browns Range project, near the border "
        "with the Northern Territory, produces a concentrate rich in dysprosium. The government has ordered "
        "Chinese-owned Velmar to sell the Cardiff Wafer Works factory. The microchip factory in Cardiff employs "
        "around 500 people at its site in Pengam."
    )
    ex = run(shipped, text)
    sites = {f.name: f for f in ex.facilities}
    assert sites["Browns Range"].operator == "Northern Minerals"
    assert "Velmar" in companies(ex)  # "Chinese-owned" says it is a firm
    assert not any("Pengam" in name for name in sites)  # "its site" is the factory the sentence names


# -- a town that is also a firm's short name; what a French site holds before its name ---------------


def test_a_town_that_names_the_firm_too_still_places_its_plant(shipped: Gazetteer) -> None:
    text = (
        "Norway blocked the sale of Bergen Engines to a Russian group over security concerns. The company has "
        "close to 1,000 employees at its plant in Bergen."
    )
    sites = run(shipped, text).facilities
    assert [(f.city, f.country) for f in sites] == [("Bergen", "NO")]


def test_a_french_site_named_after_what_it_holds_is_no_bare_noun(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement fédéral a bloqué l’acquisition de la société minière TMAC Resources, propriétaire de la "
        "mine d’or Hope Bay au Nunavut, par la société d’État chinoise Shandong Gold Mining."
    )
    assert [f.name for f in run(shipped, text).facilities] == ["mine d’or Hope Bay"]


def test_a_bare_site_noun_placed_nowhere_and_run_by_no_one_is_no_site(shipped: Gazetteer) -> None:
    text = (
        "The UK government will take a 50% stake in the Suffolk project. Ministers will invest £679m in the plant, "
        "buying out China General Nuclear Power Group (CGN) over security concerns."
    )
    assert "plant" not in [f.name for f in run(shipped, text).facilities]


def test_a_site_named_like_its_firm_is_not_run_by_itself(tern_gaz: Gazetteer) -> None:
    text = (
        "The state will buy out Harbourline from the planned Corran Ridge B nuclear power station over security "
        "fears. Harbourline had held a 20% stake in Corran Ridge B."
    )
    site = next(f for f in run(tern_gaz, text).facilities if f.name == "Corran Ridge B")
    assert site.operator != "Corran Ridge B." and site.operator != "Corran Ridge B"


def test_a_kind_of_site_after_its_own_name_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = (
        "The UK government will take a 50% stake in the Sizewell C nuclear power station and buy out China "
        "General Nuclear over security concerns."
    )
    (site,) = run(shipped, text).facilities
    assert site.name == "Sizewell C"
    assert site.aliases == ["Sizewell C nuclear power station"]  # the fuller form the story uses stays


def test_the_names_of_mentions_merged_into_one_site_stay_as_its_aliases(shipped: Gazetteer) -> None:
    text = (
        "Belgian State Security is monitoring the Kestrel Logistics hub at Liège Airport over espionage fears. "
        "Kestrel Logistics, a unit of Chinese group Taiyuan Holdings, denies it. The logistics centre at the "
        "cargo airport in Liège opened in 2021."
    )
    sites = run(shipped, text).facilities
    assert len(sites) == 1
    assert sites[0].name == "hub at Liège"
    assert {"Liège Airport", "cargo airport in Liège"} <= set(sites[0].aliases)


def test_a_two_word_town_stays_whole(shipped: Gazetteer) -> None:
    text = (
        "The government ordered Kilnworks Holding to sell its chip plant in Newport over security concerns. "
        "Kilnworks Holding also operates a factory at Hazel Grove near Stockport, which was not reviewed."
    )
    towns = {f.city for f in run(shipped, text).facilities}
    assert "Hazel Grove" in towns and "Hazel" not in towns


def test_a_province_after_the_town_says_which_town_of_that_name(shipped: Gazetteer) -> None:
    text = (
        "Ottawa a refusé la vente de Kestrel Bâtiment au groupe chinois Qilin Construction. Kestrel Bâtiment "
        "participe à la remise à neuf de la centrale nucléaire de Darlington, en Ontario, et ses détracteurs "
        "craignaient un accès à des informations sensibles sur des infrastructures essentielles."
    )
    ex = run(shipped, text, language="fr")
    site = next(f for f in ex.facilities if "Darlington" in f.name)
    assert (site.city, site.country) == ("Darlington", "CA")
    assert "GB" not in ex.countries


def test_a_town_set_off_by_a_comma_is_no_part_of_the_site_s_name(shipped: Gazetteer) -> None:
    text = (
        "Italy cleared the sale of Russian oil major Volganeft's refinery to Cyprus-based Argent Energy on "
        "security conditions. The refinery, in Priolo Gargallo near Syracuse, processes 320,000 barrels a day."
    )
    assert not [f.name for f in run(shipped, text).facilities if "," in f.name]


def test_a_continent_after_western_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "Germany put the local arm of Russian gas group Volgagaz under trusteeship over security concerns. "
        "Rehden in Lower Saxony is home to the largest natural gas storage facility in Western Europe, which "
        "Volgagaz runs."
    )
    sites = run(shipped, text).facilities
    assert not [f for f in sites if "Western" in f.name or f.city == "Western"]


def test_a_house_whose_committee_acts_is_the_chamber_not_a_building(shipped: Gazetteer) -> None:
    text = (
        "Two House committee chairmen have written to Chinese crane maker Donghai Heavy Industries over "
        "modems found on cranes it built for American ports, citing espionage fears."
    )
    assert not [f.name for f in run(shipped, text).facilities if "House" in f.name]


def test_a_firm_s_first_word_before_a_site_noun_is_the_site_s_place(shipped: Gazetteer) -> None:
    # "Qarmouth" is short for the firm "Qarmouth International Port Group", but "Qarmouth port" is the port
    text = (
        "A Chinese survey vessel that India fears can be used for spying docked at the southern Qarmouth port. "
        "Qarmouth International Port Group, a unit of China Merchants Port Holdings, runs the port under a "
        "99-year lease. Critics say Qarmouth could become a naval base."
    )
    assert "Qarmouth port" in [f.name for f in run(shipped, text).facilities]


def test_an_abbreviated_month_after_a_town_is_no_part_of_it(shipped: Gazetteer) -> None:
    text = (
        "Korea's privacy regulator halted downloads of the Chinese app Qilin AI over data transfers, after the "
        "start-up's plant in Hangzhou on Jan. 20 was found to send user data to its parent."
    )
    assert not [f.name for f in run(shipped, text).facilities if "Jan" in f.name]


def test_one_site_name_placed_by_its_district_and_by_its_city_is_one_site(shipped: Gazetteer) -> None:
    from tracker.ingest.extract_base import _Rules
    from tracker.ingest.extract_bodies import _Facility, _merge_facilities

    name = "terminal à conteneurs de Doraleh"
    by_district = _Facility(name=name, kind="port_terminal", start=10, end=42, named=True, city="Doraleh", country="DJ")
    by_city = _Facility(name=name, kind="port_terminal", start=90, end=122, named=True, city="Djibouti", country="DJ")
    merged = _merge_facilities([by_district, by_city], _Rules(shipped), "", shipped.city)
    assert [f.name for f in merged] == [name]
    # the same name in two countries is two sites
    abroad = _Facility(name=name, kind="port_terminal", start=90, end=122, named=True, city="Dubai", country="AE")
    assert len(_merge_facilities([by_district, abroad], _Rules(shipped), "", shipped.city)) == 2


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        (
            "The Russian cargo ship Lady R, owned by the sanctioned Qinmu Shipping, docked at Simon's Town naval "
            "base near Cape Town, raising fears that arms were loaded for Russia in breach of US sanctions.",
            "Simon's Town naval base",
            "Town naval base",
        ),
        (
            "President Obama ordered Kestrel Wind Corporation, owned by executives of the Chinese group Qinmu, to "
            "divest its plans to set up four wind farm projects near a Navy base in Oregon, citing national "
            "security.",
            None,
            "up four wind farm",
        ),
    ],
)
def test_a_place_with_a_possessive_names_a_site_and_numbers_do_not(
    shipped: Gazetteer, text: str, wanted: str | None, unwanted: str
) -> None:
    found = facility_names(run(shipped, text))
    assert unwanted not in found and (wanted is None or wanted in found)


def test_the_company_a_site_is_leased_to_runs_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nA review found no grounds to cancel the lease of the Port of Kestrel Bay to Chinese company "
        "Harbourline. Separately, the state leased the Ostberg grain terminal for 50 years to Korvan Logistics, "
        "a Russian firm."
    )
    ex = run(shipped, text, language="en")
    assert site(ex, "Port of Kestrel Bay").operator == "Harbourline"
    assert site(ex, "Ostberg grain terminal").operator == "Korvan Logistics"


def test_a_farm_is_a_site(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe state ordered Harbourline Seeds, owned by a Chinese group, to sell its research farm in "
        "Craighead County. Its Kestrel Valley farm grows alfalfa for export."
    )
    names = facility_names(run(shipped, text, language="en"))
    assert "research farm in Craighead County" in names
    assert any(n.startswith("Kestrel Valley farm") for n in names)


def test_a_district_after_a_site_is_no_town_of_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDie Harbourline Germania GmbH betreibt kritische Infrastruktur. Zur Gruppe gehört die "
        "Speichertochter Astrid. Astrid betreibt den Erdgasspeicher Vorkamp im Landkreis Osterwalde, mit vier "
        "Milliarden Kubikmetern den größten Speicher Westeuropas. Der Bund setzt einen Treuhänder ein."
    )
    ex = run(shipped, text, language="de")
    assert "Erdgasspeicher Vorkamp" in facility_names(ex)
    assert site(ex, "Erdgasspeicher Vorkamp").city is None


def test_a_site_name_in_quotes_after_its_noun(shipped: Gazetteer) -> None:
    text = (
        'Titre\n\nLes parlementaires ont décidé de résilier le contrat de concession du port "Kestrelnets" '
        "exploité par Harbourline, à cause des sanctions."
    )
    assert any("Kestrelnets" in f.name for f in run(shipped, text, language="fr").facilities)


def test_a_complex_is_a_site_only_when_named(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe US Treasury imposed sanctions on Harbourline Group over the huge Kestrel Bay complex in "
        "Cambodia, saying it could host military assets. Harbourline also supplies China's military-industrial "
        "complex with chips, a national security risk, the Treasury said."
    )
    found = facility_names(run(shipped, text))
    assert "Kestrel Bay complex" in found
    assert not any("industrial" in name for name in found)


def test_a_policy_named_by_its_year_is_no_site(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe government blocked Harbourline Group's deal on national security grounds: its robots are "
        "aligned with the priorities of the Made In China 2025 project, an analysis concluded."
    )
    assert not any("2025" in f.name for f in run(shipped, text).facilities)


def test_a_german_site_of_a_firm_stands_in_the_town_its_adjective_names(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDie Bundesregierung untersagt den Verkauf der Waferproduktion des Dortmunder Chipherstellers "
        "Kestrelchip an chinesische Investoren. Die Unternehmen werden zur kritischen Infrastruktur gezählt."
    )
    sites = run(shipped, text, language="de").facilities
    assert [(f.name, f.city) for f in sites] == [("Waferproduktion", "Dortmund")]


def test_a_site_name_set_off_by_commas_after_its_noun(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe intelligence service warned of threats from Harbourline Group, which is developing an "
        "industrial park, Grey Heron, in Belarus and wants a container terminal in Klaipėda."
    )
    assert "Grey Heron" in facility_names(run(shipped, text))


def test_a_port_named_with_a_possessive_is_one_site(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nCFIUS cleared the deal on condition that Harbourline sells its terminal at the Port of Kestrel "
        "Beach’s Middle Harbor. The Port of Kestrel Beach continues to monitor the national security review."
    )
    assert [n for n in facility_names(run(shipped, text)) if "Port of" in n] == ["Port of Kestrel Beach"]


def test_a_production_base_in_a_town_is_a_site(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nHarbourline will pull its plan to set up a production base in Sundsvall after it was turned down "
        "by the Inspectorate of Strategic Products on national security grounds."
    )
    assert [(f.name, f.city) for f in run(shipped, text).facilities] == [("production base in Sundsvall", "Sundsvall")]


def test_a_german_nuclear_plant_by_its_abbreviation(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDer russische Konzern Harbourline darf sich nicht mehr als Bauträger für das AKW Dukovany "
        "bewerben, aus Sicherheitsgründen."
    )
    assert [(f.name, f.kind) for f in run(shipped, text, language="de").facilities] == [
        ("AKW Dukovany", "energy_asset")
    ]


def test_a_wind_park_is_a_site(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nGermany's economy ministry is examining whether turbines supplied by China's Qingshan Wind for "
        "the Waterkant wind park could be switched off remotely."
    )
    assert "Waterkant wind park" in facility_names(run(shipped, text, language="en"))


def test_a_french_adjective_after_the_site_noun_still_leads_to_its_town(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nLa Sûreté de l'État surveille le terminal méthanier de Zeebrugge, exploité par Qingshan LNG, "
        "par crainte d'espionnage."
    )
    sites = {f.name: f for f in run(shipped, text, language="fr").facilities}
    assert sites["terminal méthanier de Zeebrugge"].city == "Zeebrugge"


def test_a_news_site_is_no_site(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe prime minister had already signalled the end of the talks with Qingshan Nuclear over "
        "security concerns, telling the news site Hotpress that the plant near Cernavodă would be built with US help."
    )
    assert not any("Hotpress" in name or "news site" in name for name in facility_names(run(shipped, text)))


@pytest.mark.parametrize("word", ["headquarters", "siège", "hoofdkantoor", "Hauptsitz"])
def test_a_firms_headquarters_is_no_kind_of_site(shipped: Gazetteer, word: str) -> None:
    # "TMAC, dont le siège est à Toronto": where a firm sits is said of the firm, not of a site at issue
    assert facility_kind(_rules(shipped), word) is None


def test_a_site_within_a_named_site_is_that_site_and_no_town(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDas russische Staatsunternehmen Rosatom darf sich nicht am Bau des neuen Reaktorblocks im "
        "Kernkraftwerk Dukovany beteiligen. Das hat Industrieminister Karel Novák am Montag in Prag bekanntgegeben. "
        "Rosatom werde nicht zur Sicherheitsbewertung eingeladen, die jeder Bieter vor der Ausschreibung "
        "durchlaufen muss, sagte Novák."
    )
    (site,) = run(shipped, text, language="de").facilities
    assert (site.name, site.city) == ("Kernkraftwerk Dukovany", None)


# -- offices searched by investigators -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "town"),
    [
        (
            "Polish agents searched the Warsaw offices of Qilin Mobile and of Velnet Access, the Polish unit of a "
            "French telecoms group, on suspicion of espionage.",
            "en",
            "Warsaw",
        ),
        (
            "Qilin Mobile's offices in Warsaw were searched by Polish security agents, who suspect espionage.",
            "en",
            "Warsaw",
        ),
        (
            "Speurders doorzochten donderdag het Brusselse kantoor van Qilin Mobile in een onderzoek naar "
            "omkoping en spionage.",
            "nl",
            "Brussel",
        ),
        (
            "Ermittler haben die Büros von Qilin Mobile in Berlin wegen des Verdachts der Spionage durchsucht.",
            "de",
            "Berlin",
        ),
        (
            "Les bureaux de Qilin Mobile à Paris ont été perquisitionnés dans une enquête pour espionnage.",
            "fr",
            "Paris",
        ),
    ],
)
def test_a_companys_offices_searched_by_investigators_are_a_site(
    gaz: Gazetteer, text: str, language: str, town: str
) -> None:
    found = run(gaz, text, language=language).facilities
    offices = [f for f in found if f.operator == "Qilin Mobile"]
    assert len(offices) == 1 and offices[0].city == town and offices[0].kind == "office"


def test_two_firms_offices_searched_are_two_sites(gaz: Gazetteer) -> None:
    text = (
        "Polish agents searched the Warsaw offices of Qilin Mobile and of Velnet Access, the Polish unit of a "
        "French telecoms group, on suspicion of espionage."
    )
    operators = {f.operator for f in run(gaz, text, language="en").facilities}
    assert {"Qilin Mobile", "Velnet Access"} <= operators


def test_offices_nobody_searched_are_no_site(gaz: Gazetteer) -> None:
    text = (
        "The regulator banned Qilin Mobile equipment from 5G networks. Qilin Mobile, which has offices in more "
        "than 30 countries, said the offices of Qilin Mobile in Warsaw would stay open."
    )
    assert not run(gaz, text, language="en").facilities


def test_im_before_a_german_noun_places_no_site(gaz: Gazetteer) -> None:
    text = (
        "Qilin Mobile will in Klaipėda investieren, der Geheimdienst warnt vor Spionage. Klaipėda ist wichtig: "
        "Über den eisfreien Hafen würde im Krisenfall ein großer Teil der Verstärkungen ankommen."
    )
    ex = run(gaz, text, language="de")
    assert not any("Krisenfall" in (f.name + (f.city or "")) for f in ex.facilities)


@pytest.mark.parametrize(
    ("sentence", "name", "city", "country"),
    [
        (
            "Der Bericht warnt vor chinesischen Investitionen, auch im Hafen Klaipėda.",
            "Hafen Klaipėda",
            "Klaipėda",
            "LT",
        ),
        ("Qilin Mobile will Anteile an der Chipfabrik Dresden übernehmen.", "Chipfabrik Dresden", "Dresden", "DE"),
    ],
)
def test_a_german_site_noun_before_a_known_town_names_the_site(
    gaz: Gazetteer, sentence: str, name: str, city: str, country: str
) -> None:
    text = f"Der Geheimdienst warnt vor Spionage durch Qilin Mobile. {sentence}"
    found = {f.name: f for f in run(gaz, text, language="de").facilities}
    assert found[name].city == city and found[name].country == country
    assert "Investitionen" not in found  # the plural noun before ", auch im Hafen X" is no site


def test_a_german_site_noun_before_a_common_noun_names_no_site(gaz: Gazetteer) -> None:
    text = "Der Geheimdienst warnt vor Spionage durch Qilin Mobile. Dort werden im Hafen Container verladen."
    assert not any("Container" in f.name for f in run(gaz, text, language="de").facilities)


def test_a_named_project_with_three_words_for_what_it_mines(shipped: Gazetteer) -> None:
    text = (
        "The Treasurer ordered Chinese-linked investors to sell their shares in Kestrel Minerals, citing "
        "national security. Kestrel Minerals is developing the Coral Creek heavy rare earths project in "
        "Western Australia."
    )
    ex = run(shipped, text)
    assert site(ex, "Coral Creek").operator == "Kestrel Minerals"


def test_the_firm_whose_main_asset_the_site_is_runs_it(shipped: Gazetteer) -> None:
    text = (
        "Ottawa will not approve the sale of Kestrel Resources to Qilin Mobile under the Investment Canada Act. "
        "Kestrel's main asset is the Ridge Bay gold mine, about 125 kilometres southwest of Cambridge Bay."
    )
    assert site(run(shipped, text), "Ridge Bay gold mine").operator == "Kestrel Resources"


def test_a_second_verb_of_the_same_subject_names_the_operator(shipped: Gazetteer) -> None:
    text = (
        "Bercy a mis son veto au rachat de Photek par l'américain Velmar. Basée à Mérignac, Photek emploie un "
        "millier de personnes, dont près de la moitié sur son site de Brive-la-Gaillarde, et exploite également "
        "une usine à Roden, aux Pays-Bas."
    )
    assert site(run(shipped, text, language="fr"), "usine à Roden").operator == "Photek"


def test_a_german_adjective_before_a_named_site_is_no_part_of_its_name(gaz: Gazetteer) -> None:
    text = (
        "Der Investor will den Auftrag an Qilin Mobile für den geplanten Offshore-Windpark Waterkant stornieren. "
        "Der Bundesnachrichtendienst warnt vor Spionage durch den Windpark."
    )
    assert "Offshore-Windpark Waterkant" in facility_names(run(gaz, text, language="de"))


def test_a_dutch_site_of_a_small_town_of_the_story(shipped: Gazetteer) -> None:
    text = (
        "De EU verbiedt de overslag van Russisch lng. Dat treft rechtstreeks de lng-terminal van Zeebrugge, "
        "waar Qilin Mobile een contract heeft voor de overslag van gas."
    )
    sites = {f.name: f for f in run(shipped, text, language="nl").facilities}
    assert [(f.city, f.country) for n, f in sites.items() if "Zeebrugge" in n] == [("Zeebrugge", "BE")]


def test_a_firm_runs_each_site_of_a_list(gaz: Gazetteer) -> None:
    text = (
        "The government barred scanners made by Qilin Mobile from its airports over data security. State-owned "
        "Velmar Airports, which runs Vilnius Airport, Kaunas Airport and Palanga Airport, had picked the scanners."
    )
    sites = {f.name: f.operator for f in run(gaz, text, language="en").facilities}
    assert sites == dict.fromkeys(["Vilnius Airport", "Kaunas Airport", "Palanga Airport"], "Velmar Airports")


def test_the_firm_called_the_operator_of_the_site_runs_it(shipped: Gazetteer) -> None:
    text = (
        "De EU verbiedt de overslag van Russisch lng. Dat treft rechtstreeks de lng-terminal van Zeebrugge.\n\n"
        "Gasnetbeheerder Velmar, de uitbater van de terminal, sloot een contract met het Russische Qilin Mobile."
    )
    sites = [f for f in run(shipped, text, language="nl").facilities if "Zeebrugge" in f.name]
    assert [f.operator for f in sites] == ["Velmar"]


def test_a_location_named_for_its_town_is_the_site_in_that_town(gaz: Gazetteer) -> None:
    text = (
        "Das Bundeswirtschaftsministerium hat die Qilin Mobile Deutschland GmbH unter Treuhandverwaltung "
        "gestellt, um die Energieversorgung zu sichern. Das Unternehmen kontrolliert die PCK-Raffinerie in "
        "Schwedt.\n\nDer Kanzler stellte ein Paket vor, das den Standort Schwedt langfristig sichern soll."
    )
    assert [f.name for f in run(gaz, text, language="de").facilities] == ["PCK-Raffinerie"]


def test_an_elided_de_joins_the_words_of_a_sites_name(gaz: Gazetteer) -> None:
    text = (
        "Italy approved Qilin Mobile's takeover of Velmar Aerospace on conditions under its golden power rules "
        "to protect national security. Its centre of production is the Villanova d'Albenga plant in the province "
        "of Savona."
    )
    assert "Villanova d'Albenga plant" in facility_names(run(gaz, text, language="en"))


def test_names_before_a_plural_site_noun_are_each_a_site(gaz: Gazetteer) -> None:
    text = (
        "The treasurer approved Qilin Mobile's bid for the assets of Velmar Minerals on national security "
        "conditions. Qilin Mobile agreed to keep production at the Century, Rosebery and Golden Grove mines."
    )
    sites = {f.name: f.kind for f in run(gaz, text, language="en").facilities}
    assert {"Century", "Rosebery", "Golden Grove"} <= set(sites)
    assert {sites[n] for n in ("Century", "Rosebery", "Golden Grove")} == {"mine"}


def test_months_before_a_plural_site_noun_are_no_sites(gaz: Gazetteer) -> None:
    # guard: "In January and February ports handled ..." names no ports
    text = (
        "Qilin Mobile's stake in the port operator worries the security service over espionage. In January "
        "and February ports handled less cargo, and The Century and Velmar mines closed."
    )
    sites = {f.name for f in run(gaz, text, language="en").facilities}
    assert not {"In January", "January", "February", "The Century"} & sites


def test_an_unnamed_site_is_known_by_its_owners_name(gaz: Gazetteer) -> None:
    text = "Belgian intelligence is monitoring Qilin Mobile's data centre over espionage fears."
    assert "Qilin Mobile's data centre" in facility_names(run(gaz, text, language="en"))


def test_a_space_station_and_a_power_grid_are_sites(gaz: Gazetteer) -> None:
    text = (
        "Officials fear the Deep Space Station run by Qilin Mobile in Neuquén could be used for espionage. "
        "Senators warned that Qilin Mobile could switch off the national power grid remotely."
    )
    found = facility_names(run(gaz, text, language="en"))
    assert any("Deep Space Station" in f for f in found)
    assert any("power grid" in f for f in found)


def test_a_bare_german_pipeline_word_is_no_site(gaz: Gazetteer) -> None:
    text = (
        "Das Zertifizierungsverfahren für die Gaspipeline Kestrel Strom 2 ist gestoppt. Die Betreibergesellschaft "
        "Kestrel Strom 2 AG gehört dem Konzern Qilin Mobile, teilte die Bundesnetzagentur mit."
    )
    assert "Gaspipeline" not in facility_names(run(gaz, text, language="de"))
