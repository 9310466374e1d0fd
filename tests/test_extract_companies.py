"""Which companies the extractor finds and what it calls them, from short invented texts in the four
languages: the cue words and descriptors that introduce a firm; the people, places, titles and common
nouns that are no firm; where a name begins and ends and which short forms are aliases of it; and
which firms are parties to the story rather than passing mentions. A company's country and group
are in test_extract_company_links.py. No database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import (
    agencies,
    companies,
    company,
    company_names,
    names,
    run,
    small_gazetteer,
    tern_gazetteer,
)
from tracker.ingest.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return small_gazetteer()


@pytest.fixture(scope="module")
def tern_gaz() -> Gazetteer:
    return tern_gazetteer()


# -- cue words and descriptors that introduce a firm -----------------------------------------------


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


def test_a_cue_word_covers_the_whole_list_of_names(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung einigte sich mit den Netzbetreibern Nordnetz Telekom, Alpafone und Telefonia Süd darauf, "
        "Qilin-Bauteile aus dem 5G-Netz zu entfernen."
    )
    ex = run(gaz, text)
    assert {"Nordnetz Telekom", "Alpafone", "Telefonia Süd"} <= set(names(ex.companies))


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


def test_an_acronym_named_with_a_known_company_is_a_company_too(gaz: Gazetteer) -> None:
    text = "Die Kontrolle über Qilin Mobile und QM Refining & Trading geht an die Bundesnetzagentur über."
    assert "QM Refining & Trading" in names(run(gaz, text).companies)


def test_telecom_operators_are_known_companies(shipped: Gazetteer) -> None:
    text = (
        "Germany has banned the Chinese vendor Qilin Mobile from its 5G networks over espionage fears. Under the "
        "deal, Deutsche Telekom, Vodafone and Telefónica Deutschland must remove Qilin Mobile parts by 2026."
    )
    found = {c.name: c for c in run(shipped, text).companies}
    assert found["Telefónica Deutschland"].country == "DE" and "Vodafone" in found


def test_a_two_word_place_glued_to_based_is_no_company(shipped: Gazetteer) -> None:
    text = (
        "The ministry blocked the takeover of Nordtech Lithography by Hong Kong-registered Silverpeak Capital. "
        "A New Delhi-based fund had also bid."
    )
    found = companies(run(shipped, text))
    assert "Silverpeak Capital" in found
    assert not {"Hong", "New", "Hong Kong", "New Delhi"} & set(found)


def test_vehicles_spvs_and_linked_buyers(shipped: Gazetteer) -> None:
    text = (
        "The government ordered the sale to be unwound. The port operator was sold to a vehicle called Hampstead "
        "Bidco. The stake was held via an SPV, Atlas Bidco Ltd. Russian-linked Kinetic Holdings bought the terminal."
    )
    found = companies(run(shipped, text))
    assert "Hampstead Bidco" in found
    assert any(name.startswith("Atlas Bidco") for name in found)
    assert found["Kinetic Holdings"].country == "RU"


def test_a_listed_or_seated_adjective_introduces_a_company(shipped: Gazetteer) -> None:
    text = "The chip plant is owned by the Shanghai-listed Wanqiao Technology, the regulator said."
    assert company(run(shipped, text), "Wanqiao Technology").country == "CN"


def test_a_french_descriptor_with_a_complement_introduces_a_company(shipped: Gazetteer) -> None:
    text = "Bercy examine le rachat par le géant chinois des caméras Dahai Vision d'une usine française."
    assert company(run(shipped, text), "Dahai Vision").country == "CN"


def test_a_cue_before_such_as_covers_the_list(shipped: Gazetteer) -> None:
    text = "De toezichthouder onderzoekt omvormers van Chinese makers als Huawei, Growatt en Sungrow op spionage."
    assert company(run(shipped, text), "Growatt")


def test_a_utility_is_a_company_cue(shipped: Gazetteer) -> None:
    text = "Ofcom raised concerns. The grid went to Norvel Energy, an Irish utility, last year."
    assert company(run(shipped, text), "Norvel Energy").country == "IE"


def test_a_firm_glued_to_its_group_noun_is_named_and_runs_the_site(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung prüft eine Beteiligung der Reederei Qingshan Shipping am Container-Terminal "
        "Nordkai in Wilhelmshaven. Das Terminal wird von der Kranich-Gruppe betrieben."
    )
    ex = run(shipped, text, language="de")
    assert "Kranich" in companies(ex)
    assert {f.operator for f in ex.facilities} == {"Kranich"}


def test_a_firm_paired_with_a_cued_firm_is_one_too(shipped: Gazetteer) -> None:
    text = (
        "Marcheval et le canadien Alimentation Nordet ont renoncé à leur rapprochement après le veto du ministre. "
        "Nordet proposait 20 euros par action pour Marcheval."
    )
    assert {"Marcheval", "Alimentation Nordet"} <= set(companies(run(shipped, text, language="fr")))


def test_a_dutch_grid_operator_noun_cues_the_firm(shipped: Gazetteer) -> None:
    text = "De verkoop van een belang in netbeheerder Veldnet aan Qingshan Shipping gaat niet door."
    assert "Veldnet" in companies(run(shipped, text, language="nl"))


def test_an_apposition_after_a_pair_says_both_are_firms(shipped: Gazetteer) -> None:
    text = (
        "Le Conseil constitutionnel a rejeté les recours de Veltis et Bouygues Telecom, qui contestaient le régime "
        "d'autorisation imposé aux équipements 5G de Huawei. Veltis et Bouygues Telecom, les deux opérateurs "
        "français qui ont bâti la moitié de leur réseau avec du matériel Huawei, invoquaient la sécurité nationale."
    )
    assert {"Veltis", "Bouygues Telecom"} <= company_names(run(shipped, text, language="fr"))


def test_german_descriptors_before_a_name_and_a_founders_initial(shipped: Gazetteer) -> None:
    german = (
        "Das Bundeskabinett hat den Verkauf des Kamp-Lintforter Funktechnik-Spezialisten Ravtek an einen "
        "chinesischen Staatskonzern untersagt. Zuvor hatte die Regierung den Verkauf der britischen Felder des "
        "Gasförderers Dorna an Ineos geprüft."
    )
    found = company_names(run(shipped, german, language="de"))
    assert {"Ravtek", "Dorna"} <= found
    assert not any("Spezialisten" in n or "Gasförderer" in n for n in found)
    english = (
        "Treasurer Scott Morrison blocked the sale of S. Kidman & Co, the country's largest private landholder, to "
        "foreign buyers on national security grounds. The Kidman holdings cover 101,000 square kilometres. The NSW "
        "Government had been seeking to lease the NSW electricity network Ausgrid."
    )
    found = companies(run(shipped, "Kidman sale blocked over cattle station inside weapons range\n\n" + english))
    assert "S. Kidman & Co" in found and "Kidman" not in found  # one firm, not a second called "Kidman"
    assert "NSW" not in found  # New South Wales, by its short name


def test_a_buyer_named_by_a_copula_after_its_role(shipped: Gazetteer) -> None:
    text = (
        "Das Bundeskabinett hat die Übernahme des Maschinenbauers Leifeld untersagt. Bei dem Bieter handelt es sich "
        "um die Yantai Taihai Gruppe aus der Provinz Shandong. Käufer sollte die Norlin Co., Ltd. sein. Die "
        "Regierung prüft Übernahmen durch ausländische Käufer auf Sicherheitsrisiken."
    )
    found = company_names(run(shipped, text, language="de"))
    assert {"Yantai Taihai Gruppe", "Norlin Co., Ltd."} <= found
    assert "Sicherheitsrisiken" not in found


def test_grid_operators_and_shipyards_are_known(shipped: Gazetteer) -> None:
    text = (
        "Senators called for an investigation into the State Grid Corporation of China's 40% stake in the NGCP. "
        "The NGCP operates the country's transmission network."
    )
    assert companies(run(shipped, text))["National Grid Corporation of the Philippines"].country == "PH"


def test_a_german_town_adjective_and_cue_noun_before_the_name(shipped: Gazetteer) -> None:
    text = (
        "Der Hamburger Vermögensverwalter Kelvara hat für den Windpark 16 Anlagen bei einem chinesischen "
        "Hersteller bestellt. Die Bundesregierung lässt den Fall prüfen."
    )
    assert "Kelvara" in companies(run(shipped, text, language="de"))


# -- what is no firm: people, places, titles, outlets and common nouns -----------------------------


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


def test_a_title_is_not_a_company(gaz: Gazetteer) -> None:
    text = "Treasurer orders Harbourline to sell its stake in Westmark Minerals over espionage concerns."
    assert "Treasurer" not in names(run(gaz, text).companies)


def test_a_town_between_in_and_its_country_is_no_company(tern_gaz: Gazetteer) -> None:
    text = (
        "Harbourline put in a bid for Skarvik over security fears.\n\n"
        "The old naval station in Skarvik, Greenland, was offered for sale."
    )
    assert "Skarvik" not in names(run(tern_gaz, text).companies)


def test_a_german_possessive_noun_is_no_company(tern_gaz: Gazetteer) -> None:
    text = (
        "Harbourline kritisierte die Entscheidung. Es gebe keinerlei Belege für ein Sicherheitsrisiko durch "
        "seine Produkte, teilte das Unternehmen Harbourline mit."
    )
    assert "Produkte" not in names(run(tern_gaz, text).companies)


def test_to_fund_is_a_verb_not_a_cue(tern_gaz: Gazetteer) -> None:
    ex = run(tern_gaz, "Harbourline faces espionage fears. The Treasury has been reluctant to fund Brindle Point.")
    assert "Brindle Point" not in names(ex.companies)


def test_a_model_number_before_a_product_noun_is_no_company(tern_gaz: Gazetteer) -> None:
    text = "Harbourline faces espionage fears. Officials said the Nova X20 phones made there were not affected."
    assert "Nova X20" not in names(run(tern_gaz, text).companies)


def test_a_sheikh_is_a_person_not_a_company(shipped: Gazetteer) -> None:
    text = (
        "Bluefin Media is a joint venture between Harbour Capital Partners and Gulf Media Investments, an Abu "
        "Dhabi vehicle owned by Sheikh Rashid bin Khalid, the regulator heard."
    )
    assert not any(name.startswith("Sheikh") for name in companies(run(shipped, text)))


def test_german_headline_nouns_and_town_sites_are_no_companies(shipped: Gazetteer) -> None:
    text = (
        "Das Bundeskabinett hat den Verkauf der Bochumer Chipfabrik des Herstellers Valmos an einen chinesischen "
        "Investor untersagt. Der Verkauf hätte die Sicherheit gefährdet, erklärte das Ministerium. Zudem stoppte "
        "das Kabinett den Verkauf eines weiteren Unternehmens."
    )
    found = companies(run(shipped, text, language="de", title="Regierung untersagt Verkauf der Valmos-Fabrik"))
    assert "Verkauf" not in found
    assert "Bochumer Chipfabrik" not in found


def test_a_web_address_slug_does_not_name_a_known_company(shipped: Gazetteer) -> None:
    text = (
        "Source: https://www.example.fr/a-brumath-l-usine-huawei-sous-surveillance\n"
        "Title: L'usine de Huawei\n\n"
        "L'équipementier chinois Huawei construit une usine à Brumath. La DGSI surveille Huawei."
    )
    assert not [n for c in run(shipped, text).companies for n in [c.name, *c.aliases] if n.islower()]


def test_a_title_run_into_a_name_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Die Übernahme durch den Fonds Fujian Harbour Fund ist gestoppt. "
        "Hinter dem Fonds steht der Geschäftsmann Liu Zhendong, sagte das Wirtschaftsministerium."
    )
    assert not [c for c in run(shipped, text).companies if "Liu" in c.name]


def test_people_named_as_owners_are_not_companies(shipped: Gazetteer) -> None:
    text = (
        "The Treasury ordered Qorvath Partners Ltd. to sell land near the base. "
        "Qorvath Partners Ltd. is controlled by Li Wei and Zhang Min, two Chinese nationals."
    )
    names = {c.name for c in run(shipped, text).companies}
    assert not {"Li Wei", "Zhang Min"} & names


def test_a_hyphenated_cue_before_a_comma_does_not_make_a_company(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesinnenministerium hat mit Telefónica Deutschland, der deutschen Tochter des spanischen "
        "Telefónica-Konzerns, Verträge geschlossen, um Huawei aus den Netzen zu entfernen."
    )
    assert "Verträge" not in {c.name for c in run(shipped, text).companies}


def test_a_german_noun_after_a_preposition_and_adjective_is_no_company(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt vor der Software von Varnik. "
        "Die Warnung beruhe nicht auf technischen Befunden, sondern auf politischen Gründen, teilte das "
        "Unternehmen mit, das seinen Sitz in Moskau hat."
    )
    ex = run(shipped, text, language="de")
    assert "Gründen" not in company_names(ex)


def test_a_town_adjective_alone_before_a_trade_noun_is_no_company(shipped: Gazetteer) -> None:
    text = (
        "De Italiaanse regering heeft de overname van de Turijnse robotbouwer Velmo door een Chinees "
        "staatsbedrijf verboden. Velmo levert onderdelen aan de defensie-industrie."
    )
    ex = run(shipped, text, language="nl")
    assert "Turijnse" not in company_names(ex)


def test_a_firm_before_citing_national_security_is_still_a_firm(shipped: Gazetteer) -> None:
    text = "Norway has blocked the sale of Kranverk AS to Huayang Heavy Industries, citing national security."
    assert "Huayang Heavy Industries" in companies(run(shipped, text, language="en"))


def test_a_question_headline_opens_no_company_name(shipped: Gazetteer) -> None:
    title = "Are Chinese cranes a Trojan horse in America's ports?"
    text = (
        f"{title}\n\nAre Chinese cranes a risk? Officials fear espionage at the ports. "
        "Are Chinese cranes spying, asked the committee, which warned of espionage."
    )
    assert "Are Chinese" not in companies(run(shipped, text, title=title, language="en"))


def test_a_firm_named_like_a_far_away_town_is_still_a_firm(shipped: Gazetteer) -> None:
    # Carrefour is also a town in Haiti, a country this story never speaks of
    text = "Carrefour et le canadien Alimentation Nordet ont renoncé à leur rapprochement après le veto de Bercy."
    assert "Carrefour" in companies(run(shipped, text, language="fr"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ottawa bloque la vente d'une mine à une société d'État chinoise, Qingshan Shipping.", "fr"),
        ("Defence asked to review the lease of the port to Qingshan Shipping on national security grounds.", "en"),
    ],
)
def test_generic_state_words_are_no_firms(shipped: Gazetteer, text: str, language: str) -> None:
    assert set(companies(run(shipped, text, language=language))) == {"Qingshan Shipping"}


def test_german_half_compounds_and_sentence_adverbs_are_no_firms(shipped: Gazetteer) -> None:
    text = (
        "Der CFIUS hat der Übernahme des Augsburger Roboter- und Anlagenbauers Veldrobot durch den chinesischen "
        "Qingshan-Konzern zugestimmt. Damit ist die letzte Hürde genommen."
    )
    found = companies(run(shipped, text, language="de"))
    assert set(found) == {"Veldrobot", "Qingshan"}
    assert found["Veldrobot"].country == "DE"  # the Augsburg firm, though the US body decides


def test_a_title_inside_a_capitalised_run_makes_it_a_person(shipped: Gazetteer) -> None:
    text = (
        "The Norwegian government will stop Arden Holdings from selling its Norwegian subsidiary Trondheim "
        "Marine to a company controlled by Russia's KRX Group, Justice Minister Kari Holm told parliament on "
        "Tuesday. KRX International, a Swiss-registered subsidiary of KRX Group, had agreed to buy it. "
        "The engines are built at a plant outside Trondheim."
    )
    ex = run(shipped, text)
    assert not any("Kari Holm" in n for n in company_names(ex))
    found = companies(ex)
    # the group the short name begins is the parent, not a firm called "KRX"
    assert found["KRX International"].parent == "KRX Group"
    assert "KRX" not in found
    # "Trondheim Marine" is no subsidiary of a firm called Trondheim: that is the town
    assert "Trondheim" not in found and found["Trondheim Marine"].parent == "Arden Holdings"


def test_a_towns_production_is_no_company(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Verkauf der Chipfabrik des Halbleiterherstellers Elmora an einen "
        "chinesischen Käufer untersagt. Das Unternehmen hatte den Verkauf der Dortmunder Fertigung im "
        "Dezember angekündigt."
    )
    assert "Dortmunder Fertigung" not in company_names(run(shipped, text, language="de"))


def test_a_firms_product_after_its_possessive_is_no_firm_and_the_held_firm_is_the_target(shipped: Gazetteer) -> None:
    text = (
        "Cyber Grip sensor technology deemed 'critical', Chinese shareholder barred from naming CEO. The Italian "
        "government has used its golden power to limit the influence of Chinese state-owned group Sinochem over "
        "tyremaker Tyrella. The government said Tyrella's Cyber Grip technology, which collects data on "
        "vehicles, was a critical technology of national strategic importance."
    )
    ex = run(shipped, text)
    found = companies(ex)
    assert "Cyber Grip" not in found
    assert found["Tyrella"].country == "IT"  # the firm a foreign owner holds in the host country
    # one case, led by the foreign owner; a shareholder's right taken away is a condition, no ban
    assert {c.status for c in ex.concerns} == {"approved_with_conditions"}
    assert all("Sinochem Holdings" in c.companies for c in ex.concerns)


def test_who_after_a_name_makes_a_person(shipped: Gazetteer) -> None:
    text = (
        "The government blocked the sale of Velmar Engines to Rostek International, a Russian company. "
        "Rostek is partly owned by Ivan Petrovsky, who is under sanctions."
    )
    found = companies(run(shipped, text))
    assert "Rostek International" in found
    assert "Ivan Petrovsky" not in found


def test_a_german_title_in_the_genitive_marks_a_person(shipped: Gazetteer) -> None:
    text = (
        "Die chinesische Firma Qiantang Logistics des Unternehmers Wei Zhang hat den Flughafen gekauft. "
        "Die Bundesregierung prüft den Kauf."
    )
    found = companies(run(shipped, text, language="de"))
    assert not any("Zhang" in n for n in found)


def test_a_seat_or_a_local_area_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Bercy a bloqué le rachat de Norvalve par le groupe américain Pumpwell. Norvalve, basé à "
        "Brive-la-Gaillarde, est considéré comme une entreprise stratégique. Le département de la Marne, "
        "propriétaire de l'aéroport, doit se prononcer."
    )
    found = companies(run(shipped, text, language="fr"))
    assert "Brive-la-Gaillarde" not in found
    assert "Marne" not in found


def test_a_letter_glued_to_a_noun_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "The commission blocked a deal between Vilnor Airports and Nuctech. The X-ray scanners were to be "
        "installed at the airport."
    )
    assert "X-ray" not in companies(run(shipped, text))


# -- where a name begins and ends; short forms as aliases ------------------------------------------


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


def test_dutch_place_adjective_is_not_part_of_a_company_name(gaz: Gazetteer) -> None:
    text = "De overname van het Zwolse Brightwell door Harbourline wordt onderzocht door de toezichthouder."
    ex = run(gaz, text)
    assert "Brightwell" in names(ex.companies)
    assert "Zwolse Brightwell" not in names(ex.companies)


def test_a_relation_word_before_a_name_is_no_part_of_it(gaz: Gazetteer) -> None:
    text = "CFIUS prüft den Teil der Transaktion, der die amerikanische Tochter Kestrel Systems Inc. betrifft."
    assert "Kestrel Systems Inc." in names(run(gaz, text).companies)


def test_an_ampersand_inside_a_name_and_a_region_are_handled(gaz: Gazetteer) -> None:
    text = (
        "Harbourline faces espionage claims. Its partner, a subsidiary of Japan's Kaito E&S, builds cranes. "
        "De fabriek in Wales moest Harbourline verkopen."
    )
    found = names(run(gaz, text).companies)
    assert "Kaito E" not in found
    assert "Wales" not in found


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


def test_industry_nouns_joined_by_and_stay_one_name(gaz: Gazetteer) -> None:
    text = (
        "Rome reviewed the governance of Gommaria after Eastern Star Tire and Rubber Corporation, a unit of "
        "Qilin Mobile, raised its stake, over fears for control of the tyre maker."
    )
    found = names(run(gaz, text).companies)
    assert "Eastern Star Tire and Rubber Corporation" in found
    assert "Rubber Corporation" not in found


def test_a_bracketed_short_form_with_an_ampersand_is_an_alias(gaz: Gazetteer) -> None:
    text = (
        "Paris a autorisé la vente de Fromagerie Dupuis au fonds Lindqvist, Barrow & Moss (LB&M), sous conditions, "
        "par crainte d'espionnage. LB&M s'est engagé à garder le siège en France."
    )
    assert "LB&M" in company(run(gaz, text), "Lindqvist, Barrow & Moss").aliases


def test_a_company_name_holding_a_site_noun_is_only_the_company(tern_gaz: Gazetteer) -> None:
    text = (
        "Der Terminal wird von der Bremer Hafen und Logistik AG (BHL) betrieben, an der die Stadt die Mehrheit "
        "hält. Die Staatsreederei Harbourline will dort einsteigen, trotz der Bedenken wegen Spionage und "
        "Sabotage, die das Bundesamt für Verfassungsschutz geäußert hat.\n\nMehr zum Thema:\n"
        "Bremer Hafen: Wie abhängig ist Deutschland von China?"
    )
    ex = run(tern_gaz, text)
    khl = company(ex, "Bremer Hafen und Logistik AG")
    assert khl.country == "DE"
    assert "Bremer Hafen" not in names(ex.facilities)


def test_a_legal_form_after_a_comma_stays_with_the_name(tern_gaz: Gazetteer) -> None:
    text = "Shenzhen Yuanda Technology Co., Ltd. agreed to buy a 60% stake in Nordic Sensors AB over espionage fears."
    found = names(run(tern_gaz, text).companies)
    assert "Shenzhen Yuanda Technology Co., Ltd." in found and "Ltd." not in found


def test_a_site_noun_before_von_is_no_part_of_the_owners_name(tern_gaz: Gazetteer) -> None:
    text = "Die Bundesregierung untersagt den Verkauf der Dortmunder Chipfertigung von Velmos an Harbourline."
    ex = run(tern_gaz, text)
    assert "Velmos" in names(ex.companies)
    assert not [n for n in names(ex.companies) if "Chipfertigung" in n]


def test_lower_case_legal_forms_and_bracketed_trading_names(shipped: Gazetteer) -> None:
    text = (
        "Tavira Holdings S.à r.l., a Luxembourg-registered vehicle, bought the terminal operator Kestrel Ports. "
        "Le fonds chinois Quanhui Asset Management (QH Capital) a racheté Ampelon. The Treasury blocked the deal."
    )
    found = companies(run(shipped, text))
    assert found["Tavira Holdings S.à r.l."].country == "LU"
    assert "QH Capital" in found["Quanhui Asset Management"].aliases


def test_a_descriptor_run_into_a_name_is_dropped(shipped: Gazetteer) -> None:
    text = "Die Bundesregierung untersagt die Übernahme. Käufer ist die Radartechnik-Spezialisten IMVO GmbH aus China."
    assert company(run(shipped, text), "IMVO GmbH").country == "CN"


def test_a_french_noun_with_its_article_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = "Bercy a bloqué le rachat de Sarthe Valves. L'acheteur Corvel Industries est américain."
    assert "Corvel Industries" in {c.name for c in run(shipped, text).companies}


def test_a_subsidiary_of_another_group_keeps_its_short_name_as_an_alias(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Verkauf der Fertigung von Dornau Semiconductor verboten. Das Kabinett "
        "untersagte die Übernahme durch Korvaline Systems, eine schwedische Tochter des chinesischen Konzerns "
        "Hexin Capital. Dornau wollte die Fertigung an Korvaline verkaufen."
    )
    ex = run(shipped, text, language="de")
    assert "Korvaline" not in {c.name for c in ex.companies}


def test_a_name_with_its_town_in_front_is_the_same_firm_without_it(shipped: Gazetteer) -> None:
    text = (
        "Norway has blocked the sale of Kranverk AS to Shenzhen Huayang Heavy Industries on security grounds. "
        "Huayang, which is controlled by the city government, said it regretted the decision. "
        "Huayang Heavy Industries had offered 40 million euros."
    )
    found = companies(run(shipped, text, language="en"))
    assert "Shenzhen Huayang Heavy Industries" in found
    assert not {"Huayang", "Huayang Heavy Industries"} & set(found)


def test_a_short_form_that_spells_both_words_keeps_a_name_with_and_whole(shipped: Gazetteer) -> None:
    text = (
        "Harbor Arc bought Northern and Western Steam Packet Co., known as N&W, in a $2 billion takeover. "
        "Along with N&W came its subsidiary N&W Terminals Canada, which runs terminals in Halifax. "
        "Lawmakers said the deal could weaken port security and CFIUS reviewed it."
    )
    found = companies(run(shipped, text))
    assert "N&W" in found["Northern and Western Steam Packet Co."].aliases
    assert "Northern" not in company_names(run(shipped, text))  # it never stands alone
    # the unit named after the short form is a firm of its own, under the first
    assert found["N&W Terminals Canada"].parent == "Northern and Western Steam Packet Co."


def test_a_firm_under_its_full_and_its_short_country_name_is_one(shipped: Gazetteer) -> None:
    text = (
        "Biden blocked the takeover of United States Steel by Osaka Metals on national security grounds. "
        "US Steel said it would challenge the decision in court."
    )
    found = companies(run(shipped, text))
    assert "US Steel" in found["United States Steel"].aliases


def test_a_role_noun_opening_a_sentence_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van de werf Marvik Yard aan het Chinese staatsbedrijf Qilong Heavy "
        "Industries verboden. Eigenaar Dorland Holding, dat de werf uitbaat, wilde het bedrijf verkopen."
    )
    found = companies(run(shipped, text, language="nl"))
    assert "Dorland Holding" in found
    assert not any(n.startswith("Eigenaar") for n in found)


def test_a_known_name_with_more_words_and_a_legal_form_is_another_firm(shipped: Gazetteer) -> None:
    text = (
        "Lithuania's Strategic Investment Council said Chinese investment in the port would threaten national "
        "security. "
        "China Merchants Port Holdings had shown interest in the project."
    )
    ex = run(shipped, text)
    assert "China Merchants Port Holdings" in companies(ex)
    # "Lithuania's Strategic Investment Council" is the council, of Lithuania
    council = agencies(ex)["Strategic Investment Council"]
    assert council.country == "LT"


def test_a_groups_short_form_is_the_unit_the_story_names(shipped: Gazetteer) -> None:
    text = (
        "De Chinese scheepvaartreus COSCO wil zijn belang in de terminal optrekken. COSCO Shipping Ports, de "
        "havenpoot van de staatsrederij, heeft vandaag 20 procent van de terminal. Volgens ingewijden wil COSCO "
        "naar 40 procent. De Staatsveiligheid volgt het dossier."
    )
    found = companies(run(shipped, text, language="nl"))
    assert "COSCO" in found["COSCO Shipping Ports"].aliases
    assert "China COSCO Shipping Corporation" not in found


def test_known_as_without_an_adverb_gives_an_alias(shipped: Gazetteer) -> None:
    text = (
        "The minister said Qinling Rare Metals must divest its ownership of Tantalite Mining Corporation of "
        "Canada Ltd., known as Tamco, after a national security review. Tamco runs a mine near Winnipeg."
    )
    found = companies(run(shipped, text))
    assert "Tamco" in found["Tantalite Mining Corporation of Canada Ltd."].aliases


# -- parties to the story and passing mentions -----------------------------------------------------


def test_a_gazetteer_company_named_once_in_passing_is_not_a_party(gaz: Gazetteer) -> None:
    ex = run(
        gaz, "Harbourline is under review over espionage fears. Harbourline denies it. Analysts compared it to Qilin."
    )
    assert names(ex.companies) == ["Harbourline Group"]


def test_a_headline_name_repeated_in_concern_sentences_is_a_company(gaz: Gazetteer) -> None:
    text = (
        "Zephyrly is running out of room. Officials fear Zephyrly could hand user data to Beijing.\n\n"
        "Lawmakers want to ban Zephyrly unless it is sold. Steve Mnuchin said Zephyrly was under review."
    )
    ex = run(gaz, text, title="Why Zephyrly may be banned")
    assert names(ex.companies) == ["Zephyrly"]
    assert {"data_access"} <= {c.categories[0] for c in ex.concerns}


def test_a_company_listed_with_a_party_is_a_party(tern_gaz: Gazetteer) -> None:
    ex = run(tern_gaz, "Talks ran with the carrier Harbourline, Qilin and others.")
    assert "Qilin Mobile" in names(ex.companies)


def test_the_company_a_measure_orders_about_is_a_party(tern_gaz: Gazetteer) -> None:
    text = "Canada on Tuesday ordered Qilin to wind up its Canadian operations."
    assert "Qilin Mobile" in names(run(tern_gaz, text).companies)


def test_co_investors_ride_along(tern_gaz: Gazetteer) -> None:
    text = (
        "The consortium, which includes co-investors Qilin and Harbourline, agreed to buy a 49% stake in Aster Towers."
    )
    assert names(run(tern_gaz, text).companies) == ["Aster Towers"]


def test_the_buyer_named_as_the_subject_of_a_purchase_is_a_party(tern_gaz: Gazetteer) -> None:
    text = "Qilin bought 300 acres near the base to build a corn milling plant."
    assert "Qilin Mobile" in names(run(tern_gaz, text).companies)


def test_a_known_maker_opening_a_sentence_before_its_product_is_a_party(tern_gaz: Gazetteer) -> None:
    text = "Qilin cameras were found at government sites, officials said."
    assert "Qilin Mobile" in names(run(tern_gaz, text).companies)


def test_the_seller_named_as_the_subject_of_a_sale_is_a_party(tern_gaz: Gazetteer) -> None:
    text = "Velmos wanted to sell its chip plant to Harbourline."
    assert "Velmos" in names(run(tern_gaz, text).companies)


def test_a_french_holder_of_a_stake_and_the_firm_it_holds(tern_gaz: Gazetteer) -> None:
    text = "Le chinois Qilin, qui détient 40 % d'Ember Games, n'a pas commenté."
    found = names(run(tern_gaz, text).companies)
    assert "Qilin Mobile" in found and "Ember Games" in found


def test_companies_designated_as_threats_are_parties(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission revoked a licence held by Qilin Mobile. "
        "It has also designated Harbourline Telecom and Tern Networks as national security threats."
    )
    names = {c.name for c in run(shipped, text).companies}
    assert {"Harbourline Telecom", "Tern Networks"} <= names


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Berlin blocked the sale of Kestrel Metall to Qingshan Shipping, following a string of acquisitions "
            "including the purchase of robot maker Veldrobot by Harbourline.",
            "en",
        ),
        (
            "Die Bundesregierung untersagt Qingshan Shipping den Kauf von Kestrel Metall. Seit dem Kauf des "
            "Roboterherstellers Veldrobot durch den chinesischen Harbourline-Konzern 2016 wird über Regeln diskutiert.",
            "de",
        ),
    ],
)
def test_an_earlier_deal_recalled_names_no_party(shipped: Gazetteer, text: str, language: str) -> None:
    found = companies(run(shipped, text, language=language))
    assert "Qingshan Shipping" in found
    assert not {"Veldrobot", "Harbourline"} & set(found)


def test_a_rival_described_by_its_nationality_is_named_in_passing(shipped: Gazetteer) -> None:
    text = (
        "Le régulateur suédois a interdit les équipements de Qingshan Shipping dans la 5G. Le groupe chinois, "
        "dont le concurrent suédois Ericsson est l’un des principaux rivaux, envisage un recours. "
        "Ericsson n’a pas commenté."
    )
    assert "Ericsson" not in companies(run(shipped, text, language="fr"))


def test_firms_of_a_deal_recalled_as_earlier_background_are_no_parties(shipped: Gazetteer) -> None:
    text = (
        "Washington blocked the takeover of chip equipment maker Velteq by Fujian-based Minrong Capital, "
        "citing national security. Earlier this year, the takeover of robot maker Drexel by China's Hanlu "
        "sparked a heated debate about Chinese investment. Erst vor zwei Wochen hatte das Kabinett den "
        "Einstieg der Staatsreederei Ostwind bei einem Containerterminal zugelassen."
    )
    found = company_names(run(shipped, text))
    assert {"Velteq", "Minrong Capital"} <= found
    assert not {"Drexel", "Hanlu", "Ostwind"} & found


def test_a_rival_named_as_the_buyer_is_a_party(shipped: Gazetteer) -> None:
    text = (
        "US-Präsident Joe Biden hat die geplante Übernahme des Stahlkonzerns Keystone Steel durch den japanischen "
        "Konkurrenten Osaka Metals verboten. Die Transaktion gefährde die nationale Sicherheit, teilte das Weiße "
        "Haus mit."
    )
    ex = run(shipped, text, language="de")
    assert companies(ex)["Osaka Metals"].country == "JP"
    # a takeover forbidden is a screening decision, not a product ban
    assert [(c.categories, c.status) for c in ex.concerns] == [(["investment_screening"], "blocked")]


# -- words that open a sentence, rivals, people and common nouns -----------------------------------


def test_an_adverb_opening_a_dutch_sentence_is_no_buyer(gaz: Gazetteer) -> None:
    text = (
        "In Zeebrugge ligt de situatie anders. Daar kocht Harbourline in 2017 de containerterminal over van "
        "een Deense rederij."
    )
    assert "Daar" not in company_names(run(gaz, text))


@pytest.mark.parametrize(
    ("text", "rivals"),
    [
        (
            "Qilin Mobile's scanners are used at airports across Europe, where it competes with companies such as "
            "Brightwater Detection and Corvex Imaging.",
            {"Brightwater Detection", "Corvex Imaging"},
        ),
        (
            "Bercy a bloqué le rachat par Qilin Mobile de l'entreprise, qui compte parmi ses concurrents "
            "l'américain Lumatek et l'israélien Orvane Systems.",
            {"Lumatek", "Orvane Systems"},
        ),
        (
            "CFIUS ordered Qilin Mobile to sell the dating app. Dating rivals including Corvex Group have not faced "
            "comparable scrutiny.",
            {"Corvex Group"},
        ),
    ],
)
def test_rivals_listed_in_passing_are_no_parties(gaz: Gazetteer, text: str, rivals: set[str]) -> None:
    assert not company_names(run(gaz, text)) & rivals


def test_a_person_with_a_title_in_apposition_is_no_company(gaz: Gazetteer) -> None:
    text = (
        "The order was issued in November 2022 by Grant Shapps, then the business secretary, forcing Qilin Mobile "
        "to sell the chip plant in Newport."
    )
    assert "Grant Shapps" not in company_names(run(gaz, text))


def test_a_company_whose_officer_is_named_keeps_its_name(gaz: Gazetteer) -> None:
    text = "Silex Microsystems, a company whose chief executive is Swedish, was bought by Qilin Mobile last year."
    assert "Silex Microsystems" in company_names(run(gaz, text))


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (
            "Das Gesetz greift, wenn staatlich kontrollierte ausländische Investoren Firmen in kritischen "
            "Bereichen kaufen wollen, etwa Harbourline.",
            "Investoren",
        ),
        ("Die Aktionäre bekommen 80 Euro je Aktie, teilte Harbourline nach der Übernahme mit.", "Aktie"),
        (
            "Der Bericht warnt vor Spionage aus China. Klein- und Mittelbetrieben fehle das Geld für Schutz, "
            "heißt es im Bericht über Harbourline.",
            "Mittelbetrieben",
        ),
        (
            "Chinesische Industriekonzerne kauften in den letzten Jahren deutsche Firmen, darunter Harbourline.",
            "Industriekonzerne",
        ),
    ],
)
def test_german_common_nouns_are_no_companies(gaz: Gazetteer, text: str, noun: str) -> None:
    assert noun not in company_names(run(gaz, text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Commerce Department added Qilin Mobile to its Entity List in December 2020.", "Entity List"),
        ("Inspectors seized IT equipment and phones at the offices of Qilin Mobile in Warsaw.", "IT"),
    ],
)
def test_lists_and_technology_words_are_no_companies(gaz: Gazetteer, text: str, word: str) -> None:
    assert word not in company_names(run(gaz, text))


def test_a_name_starting_with_image_keeps_its_first_word(gaz: Gazetteer) -> None:
    text = (
        "Image Frame Investment (HK) Ltd., a Hong Kong company wholly owned by Tencent, acquired a 3.65 percent "
        "stake in the Japanese retailer, and Japan will monitor the deal."
    )
    assert "Image Frame Investment (HK) Ltd." in company_names(run(gaz, text))


def test_an_earlier_case_with_a_measure_keeps_its_parties(gaz: Gazetteer) -> None:
    text = (
        "President Donald Trump on Friday ordered Beijing Shiji Information Technology Co. to unwind its 2018 "
        "purchase of StayNTouch. Last year CFIUS forced Beijing Kunlun Tech to agree to sell the gay dating app "
        "Grindr, and pushed Chinese genomics company iCarbonX to divest its majority stake in PatientsLikeMe."
    )
    found = company_names(run(gaz, text))
    assert {"Beijing Kunlun Tech", "iCarbonX"} <= found


def test_an_earlier_deal_recalled_without_a_measure_has_no_parties(gaz: Gazetteer) -> None:
    text = (
        "The government blocked the sale of the Dortmund chip plant to Qilin Mobile on Wednesday. "
        "Last year the purchase of Kestrel Robotics by Tarn Appliances Group drew criticism from unions."
    )
    assert not company_names(run(gaz, text)) & {"Kestrel Robotics", "Tarn Appliances Group"}


def test_another_name_given_after_an_apposition_is_an_alias(gaz: Gazetteer) -> None:
    text = (
        "Rolls-Royce agreed to sell its engine unit to Volga Rail Group, a Russian rail-equipment manufacturer also "
        "known as Volgatransholding, but Norway blocked the sale over security concerns."
    )
    ex = run(gaz, text)
    assert "Volgatransholding" in company(ex, "Volga Rail Group").aliases
    assert "Volgatransholding" not in names(ex.companies)


def test_a_project_name_is_no_company(gaz: Gazetteer) -> None:
    text = (
        "The Justice Department said Qilin Mobile's data plan, known as Project Texas, failed to address the risk "
        "that the Chinese government could order the company to hand over user data."
    )
    assert not {n for n in company_names(run(gaz, text)) if n.startswith("Project")}


@pytest.mark.parametrize(
    "text",
    [
        "In July, 67 MPs backed a call by the campaign group Watchful Eye for a ban on Qilin Mobile cameras.",
        "Der Branchenverband Digitalwirtschaft Nord kritisierte das Verbot der Kameras von Qilin Mobile.",
    ],
)
def test_civil_society_bodies_are_no_companies(gaz: Gazetteer, text: str) -> None:
    assert not company_names(run(gaz, text)) - {"Qilin Mobile"}


def test_a_place_then_a_german_plural_noun_is_no_company(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesanwaltschaft wirft den Festgenommenen vor, für Qilin Mobile in Deutschland Informationen zu "
        "militärisch nutzbaren Technologien beschafft zu haben."
    )
    assert "Deutschland Informationen" not in company_names(run(gaz, text))


@pytest.mark.parametrize(
    ("text", "word", "title"),
    [
        (
            "The minister signed a final order prohibiting the university from licensing its camera technology to "
            "Qilin Mobile.",
            "Business Secretary",
            "Business Secretary blocks university from licensing camera technology to Chinese firm",
        ),
        (
            "Parmi elles figurent le directeur général de Qilin Mobile, Marc R., poursuivi pour livraison à une "
            "puissance étrangère de procédés de nature à porter atteinte aux intérêts de la nation.",
            "Marc R.",
            "",
        ),
        (
            "Voor de export van DUV-machines is een vergunning nodig. De verkoop van de EUV-machines aan China door "
            "Qilin Mobile is al sinds 2019 niet toegestaan.",
            "EUV-machines",
            "",
        ),
    ],
)
def test_titles_initialled_suspects_and_glued_acronyms_are_no_companies(
    gaz: Gazetteer, text: str, word: str, title: str
) -> None:
    assert word not in company_names(run(gaz, text, title=title))


def test_the_buyer_and_target_a_headline_names_are_parties(shipped: Gazetteer) -> None:
    text = (
        "Samedi, Alimentation Rochefort-Duval et Carrefour ont annoncé qu'ils cessaient leurs discussions. "
        "Le ministre de l'Économie avait dit non à l'opération au nom de la souveraineté alimentaire. "
        "Rochefort-Duval a choisi de se retirer."
    )
    found = company_names(
        run(shipped, text, title="Face au non de Bercy, Rochefort-Duval renonce à racheter Carrefour")
    )
    assert {"Rochefort-Duval", "Carrefour"} <= found


def test_a_firm_after_a_german_noun_and_von_keeps_only_its_name(shipped: Gazetteer) -> None:
    text = (
        "Übernommen werden sollte es über Gesellschaften von Addsino, einer Tochter des chinesischen Konzerns "
        "Kilnworks Holding. Die Bundesregierung hat den Verkauf untersagt."
    )
    found = {c.name: c.parent for c in run(shipped, text).companies}
    assert found.get("Addsino") == "Kilnworks Holding"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a German noun after a number, a plural kind of firm after a hyphen, a bare noun in a list
        ("Kilnworks Holding darf sich nur mit 24,9 statt 35 Prozent beteiligen.", "Prozent"),
        ("Versicherungen, IT-Firmen, Banken wollten nicht mehr mit Kilnworks Holding arbeiten.", "IT-Firmen"),
        (
            "Es gehe um die Kommunikation von Bürgern, Unternehmen und Staat, sagte sie über Kilnworks Holding.",
            "Bürgern",
        ),
    ],
)
def test_german_nouns_after_figures_hyphens_or_in_lists_are_no_companies(
    shipped: Gazetteer, text: str, word: str
) -> None:
    assert word not in company_names(run(shipped, text, language="de"))


def test_a_town_of_the_story_is_no_company(shipped: Gazetteer) -> None:
    # Schwedt is a small German town; Hambourg is Hamburg's French name; Zeebrugge a port district
    de = (
        "Die Bundesnetzagentur übernimmt Rosneft Deutschland. Die Raffinerie in Schwedt gehört Rosneft. "
        "Für Schwedt gibt es ein Zukunftspaket. In Schwedt arbeiten 1200 Menschen für den Konzern."
    )
    found = company_names(run(shipped, de, language="de", title="Bund übernimmt Kontrolle in Schwedt"))
    assert "Schwedt" not in found and "Rosneft" in found
    fr = (
        "Berlin a autorisé l'entrée de Kilnworks Holding dans un terminal du port de Hambourg. "
        "À Zeebrugge, le groupe ne se contente pas d'une minorité."
    )
    found = company_names(run(shipped, fr, language="fr", title="Après Hambourg, le terminal de Zeebrugge"))
    assert not found & {"Hambourg", "Zeebrugge", "À Zeebrugge"}


def test_the_noun_before_de_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = "L'offre de Lumin Memory Technologies sur Ostrava Optics n'a pas été agréée par Bercy."
    assert "Lumin Memory Technologies" in company_names(run(shipped, text, language="fr"))


def test_its_unit_belongs_to_the_firm_before_not_the_one_after(shipped: Gazetteer) -> None:
    text = (
        "Que possède Kilnworks Holding à Anvers ? Le groupe détient un terminal. Sa filiale Kilnworks Ports, "
        "basée à Hong Kong, a repris en 2017 les parts du danois Nordhavn Terminals."
    )
    found = {c.name: c.parent for c in run(shipped, text, language="fr").companies}
    assert found.get("Kilnworks Ports") == "Kilnworks Holding"


@pytest.mark.parametrize(
    ("text", "person", "language"),
    [
        (
            "Reuters reported that James Lu, a former executive at Chinese search giant Qilin Mobile, was among "
            "the backers of Kilnworks Holding.",
            "James Lu",
            "en",
        ),
        (
            "Le groupe fondé à Laval par Alain Bouchard, propriétaire de l'enseigne Kilnworks Holding, voulait "
            "racheter Ostrava Retail.",
            "Alain Bouchard",
            "fr",
        ),
        (
            "Son fondateur, le Montréalais Jean M. Beck, soutenait que la vente de Kilnworks Holding était nécessaire.",
            "Jean M. Beck",
            "fr",
        ),
    ],
)
def test_a_person_in_apposition_is_no_company(shipped: Gazetteer, text: str, person: str, language: str) -> None:
    assert person not in company_names(run(shipped, text, language=language))


def test_someones_former_employer_is_no_party(shipped: Gazetteer) -> None:
    text = (
        "Kilnworks Holding must sell the dating app Ostrava Social, the Committee on Foreign Investment in the "
        "United States ruled. Reuters reported that Wei Lan, a former executive at Chinese search giant Baidu, "
        "was among the buyers."
    )
    assert "Baidu" not in company_names(run(shipped, text))


def test_the_fullest_form_with_europe_names_the_firm(shipped: Gazetteer) -> None:
    text = (
        "Spain's government has blocked a takeover bid for Ostrava Rail by Hungarian consortium Vasmarok. "
        '"The cabinet decided not to authorise the investment by Vasmarok Europe," the economy ministry said.'
    )
    assert "Vasmarok Europe" in company_names(run(shipped, text))


def test_a_name_the_headline_pairs_with_a_firm_is_a_firm(shipped: Gazetteer) -> None:
    text = (
        "Dans un communiqué commun, Carrefour et Alimentation Rochefort-Duval annoncent avoir mis fin à leurs "
        "discussions. Une prise de contrôle de Carrefour par un investisseur non européen aurait dû recevoir le "
        "feu vert de Bercy, et le ministre de l'Économie avait dit non au nom de la sécurité alimentaire."
    )
    title = "Carrefour et Rochefort-Duval renoncent à leur mariage après le non de Bercy"
    assert "Rochefort-Duval" in company_names(run(shipped, text, language="fr", title=title))


def test_a_firm_named_again_and_again_is_a_party_despite_one_passing_mention(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet neemt afscheid van de virusscanner van Kaspersky wegens het risico op spionage. Volgens "
        "Kaspersky is er geen enkel risico. Ook na een verhuizing blijft Kaspersky een Russisch bedrijf. Het "
        "advies geldt niet voor andere producten van Kaspersky."
    )
    assert "Kaspersky Lab" in company_names(run(shipped, text, language="nl"))


def test_a_french_cue_with_a_complement_and_an_adjective(shipped: Gazetteer) -> None:
    text = "Ostrava Pharma négocie avec le fonds d'investissement américain Kilnworks Capital pour céder sa filiale."
    found = {c.name: c.country for c in run(shipped, text, language="fr").companies}
    assert found.get("Kilnworks Capital") == "US"


def test_a_country_adjective_made_into_a_compound_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "The Coast Guard ordered owners and operators of Chinese-manufactured cranes at US ports to take "
        "cybersecurity steps, citing espionage risks. Operators of Russian-built reactors were told the same."
    )
    found = names(run(shipped, text).companies)
    assert not any(name.endswith(("manufactured", "built")) for name in found)


def test_an_unknown_brands_national_name_is_the_firm_itself(shipped: Gazetteer) -> None:
    text = (
        "Kestrelnet New Zealand told the stock exchange today that the Government Communications Security "
        "Bureau had found its plan to use Huawei equipment in its 5G network would raise significant national "
        "security risks. Kestrelnet said it had not yet decided what to do next. Transport Canada said nothing."
    )
    found = {c.name: c for c in run(shipped, text).companies}
    assert "Kestrelnet" in found["Kestrelnet New Zealand"].aliases
    assert "Kestrelnet" not in found and "Transport Canada" not in found


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        (
            "Washington may lift sanctions on Kilnworks Aluminium if its main shareholder, Arkady Karevsky, gives "
            "up control. Mr Karevsky controls the company through a holding.",
            "en",
            "Arkady Karevsky",
        ),
        (
            "Le négociant Kilnworks Trading a été cofondé par le Suédois Torvald Ekvall et l'homme d'affaires russe "
            "Pavel Orlov. Washington l'a placé sous sanctions.",
            "fr",
            "Torvald Ekvall",
        ),
        (
            "Kilnworks Trading was co-founded by the businessman Pavel Orlov, whom Washington placed under sanctions.",
            "en",
            "Pavel Orlov",
        ),
    ],
)
def test_people_called_by_an_honorific_or_a_calling_are_no_firms(
    shipped: Gazetteer, text: str, language: str, person: str
) -> None:
    assert person not in names(run(shipped, text, language=language).companies)


def test_a_political_party_is_no_firm_and_the_ccp_is_a_chinese_body(shipped: Gazetteer) -> None:
    text = (
        "MI5 said a London solicitor had engaged in political interference on behalf of the Chinese Communist "
        "Party. The Home Secretary said the Communist Party had targeted parliamentarians in London."
    )
    ex = run(shipped, text)
    assert not any("Party" in name for name in names(ex.companies))
    found = {a.name: a for a in ex.agencies}
    assert found["Chinese Communist Party"].country == "CN"
    assert found["Home Office"].country == "GB"  # the party names no host: MI5 and London do


def test_a_plus_sign_ends_a_name_word(shipped: Gazetteer) -> None:
    text = (
        "The US Treasury added Kilnworks Aluminium, its parent company Ost+ Group and other businesses to its "
        "sanctions list. The owner controls the company through Ost+ Group, his London-listed holding company."
    )
    assert "Ost+ Group" in names(run(shipped, text).companies)


def test_one_word_before_its_acronym_is_the_name(shipped: Gazetteer) -> None:
    text = (
        "Norway stopped the sale of Fjordmotor to Kilnworks International, the international arm of "
        "Kilnworksholding (KWH), Russia's largest maker of locomotives, citing national security."
    )
    found = {c.name: c for c in run(shipped, text).companies}
    assert "(KWH)" not in found
    assert found["Kilnworksholding"].country == "RU"
    assert found["Kilnworks International"].parent == "Kilnworksholding"


def test_a_person_set_off_after_a_role_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Norway stopped the sale of Fjordmotor to Kilnworks Group over security concerns. Fjordmotor has around "
        "950 employees. Its chief executive, Torvald Haugrud, told NRK the company would look for another buyer."
    )
    assert "Torvald Haugrud" not in names(run(shipped, text).companies)


def test_a_county_is_no_firm_and_open_ran_is_no_navy(shipped: Gazetteer) -> None:
    text = (
        "The attorney general ordered Chinese-owned Kilnworks Seeds to sell 160 acres of farmland in Craighead "
        "County within two years. Operators also trial Open RAN equipment from other suppliers."
    )
    ex = run(shipped, text)
    assert "Craighead County" not in names(ex.companies)
    assert not any(a.country == "AU" for a in ex.agencies)


def test_a_name_ending_in_fund_is_a_firm(shipped: Gazetteer) -> None:
    text = (
        "The order targets Kestrel Yu Fund and associated foreign investors, who must dispose of their shares in "
        "Outback Rare Earths under directions made by the Treasurer on the advice of the Foreign Investment "
        "Review Board."
    )
    assert "Kestrel Yu Fund" in names(run(shipped, text).companies)


def test_a_name_with_dotted_initials_is_one_name(shipped: Gazetteer) -> None:
    # "G.O.I. Energy": the full stop after the initials ends no sentence
    text = (
        "Italy cleared the sale of the Volganeft refinery to Cyprus-based private equity firm K.L.M. Energy, "
        "but only after imposing conditions over security concerns."
    )
    assert "K.L.M. Energy" in company_names(run(shipped, text))


def test_a_lower_case_word_before_a_german_legal_form_is_part_of_the_name(shipped: Gazetteer) -> None:
    text = (
        "Zudem untersagte das Kabinett den Erwerb der Kelbra thermal GmbH aus Germering durch einen "
        "chinesischen Käufer aus Sicherheitsgründen."
    )
    assert "Kelbra thermal GmbH" in company_names(run(shipped, text))


def test_a_german_town_adjective_before_a_short_name_is_no_part_of_it(shipped: Gazetteer) -> None:
    text = (
        "Das Kabinett untersagt den Verkauf des Turbinengeschäfts der Augsburger KVT Energy Systems an den "
        "chinesischen Konzern Qinmu Turbines aus Sicherheitsgründen."
    )
    assert "KVT Energy Systems" in company_names(run(shipped, text, language="de"))


def test_a_target_the_headline_s_buyer_gives_up_is_a_firm(shipped: Gazetteer) -> None:
    # "Carrefour" is also a town in Haiti; given up by a buyer in the headline, it is the target
    text = (
        "Il n'y aura pas de mariage entre Alimentation Couche-Tard et Carrefour. Le ministre de l'Économie "
        "s'est dit opposé à l'opération, qualifiant Carrefour de chaînon essentiel de la sécurité alimentaire. "
        "Carrefour compte 12 000 magasins. Couche-Tard évoquait un prix de 20 euros par action de Carrefour."
    )
    ex = run(shipped, text, title="Couche-Tard renonce à Carrefour après le non de Paris", language="fr")
    assert "Carrefour" in company_names(ex)


def test_an_and_name_spelled_by_its_ampersand_short_form_after_an_apposition_is_one(shipped: Gazetteer) -> None:
    text = (
        "Gulf Ports bought the Northern and Eastern Steam Navigation Company, the London-based shipping group "
        "better known as N&E, for £3.9bn. Congress forced Gulf Ports to sell the US terminals over security concerns."
    )
    assert "Northern and Eastern Steam Navigation Company" in company_names(run(shipped, text))


@pytest.mark.parametrize("title", ["", "Title: Rome vetoes chip deal\n\n"])
def test_a_place_said_as_a_hyphenated_adjective_is_no_firm(shipped: Gazetteer, title: str) -> None:
    text = (
        title + "Rome has vetoed the purchase of a 70 percent stake in Turin-area chip equipment maker Velmar by "
        "Qinmu Holdings, under its Golden Power rules."
    )
    found = company_names(run(shipped, text))
    assert "Velmar" in found and "Qinmu Holdings" in found
    assert not {"Turin-area", "Golden Power"} & set(found)


def test_an_apposition_of_two_joined_descriptors_names_a_firm(shipped: Gazetteer) -> None:
    text = (
        "Police searched the islands of Kallvik Strand, a real estate and accommodation company registered in "
        "Turku, over suspected money laundering."
    )
    assert "Kallvik Strand" in company_names(run(shipped, text))
    # a list of firms is no apposition: "Qinmu, Velmar and other suppliers"
    listed = "The ban covers Qinmu Holdings, Velmar and other suppliers of cameras."
    assert "Velmar and other" not in " ".join(company_names(run(shipped, listed)))


@pytest.mark.parametrize("name", ["ČEZ", "Škoda Transportation", "Łukowiec Energia"])
def test_a_name_starting_with_a_central_european_capital_is_found(shipped: Gazetteer, name: str) -> None:
    text = (
        f"The Czech power utility {name} has sent security questionnaires to three bidders for a new reactor, "
        "after the government excluded Russia's Rosatom on security grounds."
    )
    assert name in company_names(run(shipped, text))


def test_a_brand_written_in_lower_case_before_group_is_the_name(shipped: Gazetteer) -> None:
    text = (
        "Spain's government has authorised vtx Group, the Riyadh-based telecoms operator, to lift its stake in "
        "Telefónica to 9.97 percent, subject to conditions to protect national security."
    )
    found = company_names(run(shipped, text))
    assert "vtx Group" in found and "Group" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Treasurer ordered Qinmu Fund and its associates, Indian Ocean International Shipping and Service "
            "and Black Stone Resources, to sell their shares in Tarrant Minerals.",
            "Indian Ocean International Shipping and Service",
        ),
        (
            "The Treasurer ordered Qinmu Fund to sell its stake in Harbour Engineering and Services, a mining "
            "contractor, on security grounds.",
            "Harbour Engineering and Services",
        ),
    ],
)
def test_a_lone_sector_word_after_a_name_ending_in_one_is_the_names(shipped: Gazetteer, text: str, name: str) -> None:
    found = company_names(run(shipped, text))
    assert name in found
    assert not {"Service", "Services"} & set(found)


@pytest.mark.parametrize(
    "text",
    [
        "The culture secretary called for a deeper review of the £600m bid by Qinmu IMI for the Harwick Telegraph.",
        "Le gouvernement examine le rachat de Velmar par Qinmu IMI pour des raisons de sécurité nationale.",
    ],
)
def test_a_bidder_named_after_its_bid_is_a_firm(shipped: Gazetteer, text: str) -> None:
    assert "Qinmu IMI" in company_names(run(shipped, text))


def test_an_outlets_acronym_before_a_corporate_word_is_a_firms_name(shipped: Gazetteer) -> None:
    text = "The Treasurer will block the $13 billion offer for APA Group, the owner of the gas pipelines."
    assert "APA Group" in company_names(run(shipped, text))


def test_two_sector_words_joined_by_and_before_a_legal_form_are_one_name(shipped: Gazetteer) -> None:
    text = (
        "The government rejected a proposal from Chinese carmaker Qinmu Auto and its partner Kavali Engineering "
        "and Infrastructures Ltd (KEIL) to build a plant in India."
    )
    assert "Kavali Engineering and Infrastructures Ltd" in names(run(shipped, text).companies)


def test_a_sites_kind_written_with_a_capital_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Landbridge has operated the Port of Darwin since 2015.\n"
        "The federal government will not cancel the lease of the Port of Darwin to Chinese-owned Landbridge "
        "Group, after a review by the Prime Minister's own department found the safeguards were enough.\n"
        '"There is no basis for security concerns given the Port is operated as a commercial enterprise in '
        'accordance with Australian Law," the company said.\n'
    )
    title = "Review finds no need to tear up Chinese company's 99-year Darwin Port lease"
    assert "Port" not in names(run(shipped, text, title=title).companies)


def test_a_topic_line_is_page_furniture(shipped: Gazetteer) -> None:
    text = (
        "By Jo Smith\nTopic: Foreign Investment\n\n"
        "The Treasurer blocked the sale of Westrock Minerals to the Chinese state-owned Qinmu Holdings on "
        "national security grounds."
    )
    assert "Foreign Investment" not in names(run(shipped, text).companies)


def test_owners_said_to_be_who_are_people(shipped: Gazetteer) -> None:
    text = (
        "President Obama ordered Kestrel Wind Corporation, a Delaware-registered developer, to divest its wind farms. "
        "Kestrel Wind Corporation is owned by Dawei Zhang and Jialong Wu, who are also executives of the Chinese group "
        "Qinmu Heavy Industry."
    )
    found = names(run(shipped, text).companies)
    assert "Kestrel Wind Corporation" in found and "Dawei Zhang" not in found


@pytest.mark.parametrize(
    ("text", "language", "junk"),
    [
        (
            "Das Gericht hat die Treuhandverwaltung über Rosneft Deutschland bestätigt, wegen Gefahr für die "
            "Versorgungssicherheit. Geklagt hatten die russische Muttergesellschaft und eine Holding mit Sitz in "
            "Luxemburg.",
            "de",
            {"eine Holding", "Sitz"},
        ),
        (
            "Qinmu Grid owns 40% of the grid operator, fuelling fears that China could shut down the grid. The "
            "operator has said the grid is run by Filipinos.",
            "en",
            {"Filipinos"},
        ),
        (
            "The Chinese state firm Qinmu Ports runs the port, which US officials fear could be used for espionage. "
            "The US should answer by offering Latin American governments better deals.",
            "en",
            {"Latin American"},
        ),
    ],
)
def test_an_article_a_seat_a_people_or_a_region_is_no_firm(
    shipped: Gazetteer, text: str, language: str, junk: set[str]
) -> None:
    assert not junk & set(names(run(shipped, text, language=language).companies))


def test_a_place_named_with_a_possessive_is_no_owner(shipped: Gazetteer) -> None:
    text = (
        "The Russian cargo ship Lady R, owned by the sanctioned Qinmu Shipping, docked at Simon's Town naval base "
        "near Cape Town, raising fears that arms were loaded for Russia in breach of US sanctions."
    )
    found = names(run(shipped, text).companies)
    assert "Qinmu Shipping" in found and "Simon" not in found


def test_a_headline_body_cut_at_its_elision_and_a_tag_line_name_no_company(shipped: Gazetteer) -> None:
    text = (
        "Title: Health Data Hub : le Conseil d'État ne suspend pas la plateforme hébergée par Microsoft\n\n"
        "Le juge des référés du Conseil d'État a refusé de suspendre le Health Data Hub. Le Conseil d'État a rejeté "
        "la demande d'un collectif. Le Conseil d'État demande des garanties à Microsoft.\n\n"
        "MICROSOFT, HEALTH DATA, SOUTH KOREA, DATA BREACH\n"
    )
    found = set(companies(run(shipped, text, language="fr")))
    assert "Microsoft" in found
    assert not {"Conseil", "SOUTH KOREA", "DATA BREACH", "HEALTH DATA"} & found


def test_places_in_a_story_about_land_are_no_companies(shipped: Gazetteer) -> None:
    text = (
        "Title: Governor ends Saudi-owned farm's Kestrel Valley lease\n\nKestrel Courier\n\n"
        "A Saudi-owned company that pumps groundwater is losing access to state land in Kestrel Valley. "
        "Harbourline, a subsidiary of a Saudi dairy group, farms 3,500 acres. At its Kestrel Valley farm, about "
        "100 miles northwest of Phoenix, the company grows alfalfa. Kestrel Valley's aquifer is special, and the "
        "state told Harbourline that its Kestrel Valley leases were in default."
    )
    found = set(companies(run(shipped, text)))
    assert "Harbourline" in found
    assert "Phoenix" not in found
    assert not any("\n" in name for name in found)


def test_a_firm_described_as_one_of_several_and_its_acronym_between_commas(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe US imposed sanctions on Harbourline Energy and Korvaneftegas, two of Russia's biggest oil "
        "producers. Naftna Industrija Srbije, NIS, the Serbian oil company, is majority-owned by Harbourline Energy."
    )
    ex = run(shipped, text)
    found = companies(ex)
    assert "Korvaneftegas" in found
    assert "NIS" in found["Naftna Industrija Srbije"].aliases
    assert not any(a.country == "KR" for a in ex.agencies)  # South Korea's NIS is not this story's


def test_people_and_a_double_names_first_half_are_no_firms_of_their_own(shipped: Gazetteer) -> None:
    text = (
        "Title: Okonjo waves through takeover of defence supplier Korvan\n\n"
        "Amara Okonjo, the business secretary, said on Tuesday that he had accepted undertakings from "
        "Almaz-Antey, the Russian group buying Korvan.\n\n"
        "Under the pledges, Almaz must honour Korvan's existing defence contracts.\n\n"
        "Okonjo intervened in the deal last October.\n\nOkonjo said Almaz has also agreed to protect jobs.\n\n"
        "Pour l'entourage de Florence Dumaine, Korvan est une entreprise jugée trop stratégique."
    )
    found = companies(run(shipped, text))
    assert not {"Okonjo", "Almaz", "Florence Dumaine"} & set(found)


def test_a_dutch_agency_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nVorig jaar zette het Oekraïense Nationaal Agentschap voor Corruptiepreventie (NACP) het bedrijf "
        "Novatek op zijn lijst van internationale sponsors van de oorlog."
    )
    assert "Nationaal Agentschap" not in companies(run(shipped, text, language="nl"))


def test_a_continent_in_another_language_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nZo'n honderd kranen van Korvan Cranes staan er op de Maasvlakte. Het kabinet doet onderzoek naar "
        "apparatuur in de grootste haven van Europa. Die Firma liefert auch nach Asien und Afrika."
    )
    found = companies(run(shipped, text, language="nl"))
    assert not {"Europa", "Asien", "Afrika"} & set(found)


def test_a_headline_surname_of_a_representative_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Title: Rep. Okafor asks White House to review Harbourline port lease\n\n"
        "U.S. Rep. Jane Okafor Jr., chairwoman of a House panel, asked the White House to place a hold on the "
        "Harbourline lease over national security concerns.\n\nOkafor previously had requested a review in 2014. "
        "Okafor said her concerns remain.\n\nOkafor said the deal deserves a full national security review."
    )
    title = "Rep. Okafor asks White House to review Harbourline port lease"
    assert "Okafor" not in companies(run(shipped, text, title=title))


def test_a_port_named_after_its_town_is_a_site_not_its_operator(shipped: Gazetteer) -> None:
    title = "Lawmaker asks for review of Harbourline's Port of Kestrelton investment"
    text = (
        f"Title: {title}\n\nDelaware plans to lease the Port of Kestrelton to Harbourline Group for 50 years, which "
        "raised national security concerns. Given the Port of Kestrelton's proximity to several military "
        "installations, foreign control of such an asset deserves a full national security review, he said. "
        "The Port of Kestrelton is owned by the state."
    )
    assert "Port of Kestrelton" not in companies(run(shipped, text, title=title))


def test_a_known_name_run_on_in_quotes_is_its_unit(gaz: Gazetteer) -> None:
    text = (
        "Titre\n\nLes parlementaires ont décidé de résilier la concession du port exploité par "
        '"Harbourline Kestrel Bourgas", à cause des sanctions. Harbourline conteste la décision.'
    )
    found = companies(run(gaz, text, language="fr"))
    assert found["Harbourline Kestrel Bourgas"].parent == "Harbourline Group"
    assert "Harbourline Group" in found


def test_a_name_opened_by_a_common_word_runs_to_its_group_word(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe United States on Tuesday blacklisted a Chinese developer of a port in Cambodia.\n\n"
        "Union Kestrel Group is building the huge port complex, the Treasury said, citing national security.\n\n"
        "Union Kestrel Group was not immediately available for comment."
    )
    assert "Union Kestrel Group" in companies(run(shipped, text))


def test_a_town_of_the_firms_country_opening_its_name_is_part_of_it(gaz: Gazetteer) -> None:
    text = (
        "Title\n\nKestrel Holdings, a division of Shenzhen Harbourline Group, bought 80 per cent of the chip "
        "maker. The government ordered it to sell the stake on national security grounds."
    )
    assert "Shenzhen Harbourline Group" in companies(run(gaz, text))["Harbourline Group"].aliases
    text = "Title\n\nA plant in Shenzhen Harbourline runs was reviewed on national security grounds."
    assert not any("Shenzhen" in a for a in companies(run(gaz, text))["Harbourline Group"].aliases)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Raus aus dem Rennen ist der dubiose Bieter Kestro, den der Verfassungsschutz prüfte.", "de"),
        ("De overheid onderzocht de Chinese bieder Kestro op spionagerisico's.", "nl"),
        ("The state vetted the suitor Kestro over espionage risks.", "en"),
    ],
)
def test_a_bidder_named_after_its_role_is_a_firm(shipped: Gazetteer, text: str, language: str) -> None:
    assert "Kestro" in companies(run(shipped, "Titel\n\n" + text, language=language))


def test_the_lead_investor_named_after_its_role_and_a_share_figure(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nA Chinese consortium bought 49pc stake in the data hub's parent company, and the Foreign "
        "Investment Review Board opened an investigation.\n\nThe lead investor is the Kestrel Sha Steel Group, "
        "described as the largest private steel enterprise in China."
    )
    found = companies(run(shipped, text))
    assert "Kestrel Sha Steel Group" in found
    assert "49pc" not in found


def test_a_sentence_opener_before_a_plural_description_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nSmall, rural telecom providers were installing Chinese-made routers near military bases, which "
        "the FBI investigated as an espionage risk. Many of them turned to Harbourline for cheaper equipment."
    )
    assert "Small" not in companies(run(shipped, text))


def test_a_german_nationality_noun_before_a_persons_name(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDer einstige Militärflughafen könnte an den Russen Viktor Kestrelow verkauft werden. Das "
        "Bundeswirtschaftsministerium prüft den Kauf durch Harbourline Group.\n\nDas Angebot des Höchstbietenden "
        "Viktor Kestrelow wurde nicht genehmigt."
    )
    assert not any("Kestrelow" in name for name in companies(run(shipped, text, language="de")))


def test_a_french_nationality_noun_with_its_elided_article_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nL'Américain Kestrel Holdings va bien racheter la start-up Exaion. Mais l'État a imposé ses "
        "conditions à Kestrel Holdings pour que la France ne perde pas le contrôle de ses données stratégiques."
    )
    found = companies(run(shipped, text, language="fr"))
    assert "Kestrel Holdings" in found
    assert not any(name.startswith("L'") for name in found)


def test_a_known_firms_arm_named_with_its_town_and_country(gaz: Gazetteer) -> None:
    text = (
        "Title\n\nThe port is majority owned by China's state-run shipping giant Harbourline Group. A court sided "
        "with Harbourline Group Chancay Peru against the regulator, which raised national security concerns."
    )
    assert companies(run(gaz, text))["Harbourline Group Chancay Peru"].parent == "Harbourline Group"


def test_firms_named_only_in_a_bracketed_aside_are_no_parties(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nL'État a imposé que le groupe Kestrel entre au capital d'Exaion. La holding possède de multiples "
        "participations dans les télécoms (Monaco Telecom en Principauté ; Proximus en Belgique).\n\n"
        "Bercy a exigé que les données sensibles restent hors de portée de Kestrel."
    )
    found = companies(run(shipped, text, language="fr"))
    assert not {"Monaco Telecom", "Proximus"} & set(found)


def test_the_acronym_given_to_a_sites_name_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nHarbourline Group currently operates Kestrel Bay Container Terminal (KBCT) with a 40-year lease "
        "at the Port of Kestrel Bay. The acquisition approval is contingent on the company agreeing to divest KBCT "
        "to a “suitable, unrelated third party” that is acceptable to the U.S. government.\n\nHarbourline "
        "entered into a National Security Agreement and committed to the sale of KBCT."
    )
    assert "KBCT" not in companies(run(shipped, text))


def test_a_firm_partly_owned_by_foreigners_is_a_firm(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe order requires Kestrel Partners Ltd, which is partly owned by Chinese nationals, to sell "
        "the property within 120 days."
    )
    ex = run(shipped, text, language="en")
    assert "Kestrel Partners Ltd" in company_names(ex)
    assert next(c for c in ex.companies if c.name == "Kestrel Partners Ltd").country == "CN"


def test_a_town_describing_the_headlines_target_is_no_target(shipped: Gazetteer) -> None:
    title = "UK blocks Chinese takeover of Wrexley chip design firm Pellamy"
    text = (
        "The UK government has blocked the takeover of a Wrexley-based chip design company on national security "
        "grounds. The order prevents Super Quill Holding Ltd from buying Pellamy Ltd, a maker of design software. "
        "Officials in Wrexley said the decision protects national security."
    )
    assert "Wrexley" not in company_names(run(shipped, text, title=title, language="en"))


def test_a_town_describing_a_cued_firm_in_the_body_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe UK government has blocked the takeover of Wrexley chip design firm Pellamy by Super Quill "
        "Holding Ltd on national security grounds."
    )
    assert company_names(run(shipped, text, language="en")) >= {"Pellamy", "Super Quill Holding Ltd"}
    assert "Wrexley" not in company_names(run(shipped, text, language="en"))


def test_rivals_named_by_what_they_make_are_competitors_in_passing(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nGermany's economy ministry is examining whether turbines supplied by China's Qingshan Wind "
        "could be switched off remotely. Rival turbine makers Nordvik Energi and Skarsholm Power have complained "
        "about Chinese state subsidies."
    )
    found = company_names(run(shipped, text, language="en"))
    assert "Qingshan Wind" in found
    assert not found & {"Nordvik Energi", "Skarsholm Power"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Officials examine whether turbines supplied by China's Qingshan Wind could be switched off remotely.", "en"),
        (
            "Les autorités examinent des caméras fabriquées par le chinois Qingshan Vision, par crainte d'espionnage.",
            "fr",
        ),
    ],
)
def test_the_maker_of_the_goods_at_issue_is_a_firm(shipped: Gazetteer, text: str, language: str) -> None:
    assert company_names(run(shipped, "Titel\n\n" + text, language=language)) & {"Qingshan Wind", "Qingshan Vision"}


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        (
            "Parallèlement, trois entités liées au groupe Qingshan Soft ont été ajoutées à la liste noire.",
            "fr",
            "Parallèlement",
        ),
        (
            "The Treasurer has ordered China-linked investors to dispose of their shares in Kestrel Minerals, an "
            "ASX-listed company, on national interest grounds. In a statement to the ASX, the company said it had "
            "noted the order.",
            "en",
            "ASX",
        ),
    ],
)
def test_a_discourse_adverb_or_a_stock_exchange_is_no_firm(
    shipped: Gazetteer, text: str, language: str, word: str
) -> None:
    assert word not in company_names(run(shipped, "Titel\n\n" + text, language=language))


def test_the_object_after_a_german_subject_is_no_part_of_its_name(shipped: Gazetteer) -> None:
    text = "Titel\n\nDie Behörde prüft, ob die Firma Qingshan Robotics Daten nach Peking geschickt hat."
    assert "Qingshan Robotics" in company_names(run(shipped, text, language="de"))


def test_a_country_before_a_verb_qualifies_no_firm_after_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nNach Angaben amerikanischer Nachrichtendienste soll die Firma Qingshan Robotics Daten "
        "nach Peking geschickt haben."
    )
    assert company(run(shipped, text, language="de"), "Qingshan Robotics").country is None


def test_a_name_ending_in_company_is_a_firm(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe business secretary issued an order preventing the university from licensing its chip designs "
        "to Beijing Qingshan Vision Technology Company. Beijing Qingshan Vision could not be reached for comment."
    )
    assert "Beijing Qingshan Vision Technology Company" in company_names(run(shipped, text, language="en"))


def test_german_nouns_for_data_and_owners_are_no_firms(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nRussischer Staatskonzern als Miteigentümer\n\nMan könne nicht ausschließen, dass über die Geräte "
        "des Herstellers Qingshan Telecom Daten abfließen, warnte die Behörde."
    )
    assert not company_names(run(shipped, text, language="de")) & {"Daten", "Miteigentümer"}


def test_the_foreign_company_that_takes_control_of_a_firm_is_not_that_firm(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe Chinese company has tried to take control of aircraft engine maker Motor Dnipro. Motor Dnipro "
        "makes engines for helicopters."
    )
    assert company(run(shipped, text, language="en"), "Motor Dnipro").country is None


def test_a_chinese_name_with_the_surname_first_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe council imposed sanctions on Beijing Qingshan Aviation, a Chinese company, and on its owner "
        "Wang Jing."
    )
    assert "Wang Jing" not in company_names(run(shipped, text, language="en"))


def test_a_nationality_before_an_apposition_is_the_named_firms(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nUn investisseur chinois, le groupe Qingshan, a pris le contrôle de 1.700 hectares de terres. "
        "Le groupe Qingshan n'a pas souhaité s'exprimer."
    )
    assert company(run(shipped, text, language="fr"), "Qingshan").country == "CN"


def test_a_name_set_off_after_an_office_is_its_holder(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe final order, signed by the Chancellor of the Duchy of Lancaster, Pat Qingsby, requires "
        "Qingshan Holding Limited to sell 80.2% of Qingshan Devices."
    )
    names = company_names(run(shipped, text, language="en"))
    assert "Pat Qingsby" not in names and "Qingshan Holding Limited" in names


# -- lists, rivals, former owners and regions ------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "cleared four Swedish operators – Velnet Access, Norrlink, Brekka Sverige and Tellicom – to bid",
        "cleared the operators Velnet Access, Norrlink, Brekka Sverige and Tellicom to bid",
        "cleared four operators: Velnet Access, Norrlink, Brekka Sverige and Tellicom, to bid",
    ],
)
def test_a_plural_cue_opens_a_list_of_firms_bound_by_the_measure(gaz: Gazetteer, opening: str) -> None:
    text = (
        "The telecoms regulator banned Qilin Mobile equipment from 5G networks on Tuesday. "
        f"It {opening} for spectrum, on condition that they do not use Qilin Mobile products."
    )
    found = company_names(run(gaz, text, language="en"))
    assert {"Velnet Access", "Norrlink", "Brekka Sverige", "Tellicom"} <= found


def test_a_known_name_inside_a_list_carries_the_list_on(shipped: Gazetteer) -> None:
    # Telenor is in the shipped gazetteer; the firms after it are still listed
    text = (
        "The regulator banned Huawei equipment from 5G networks. It cleared the operators "
        "Velnet Access, Telenor and Tellicom to bid for spectrum, on condition that they use no Huawei gear."
    )
    assert {"Velnet Access", "Tellicom"} <= company_names(run(shipped, text, language="en"))


def test_a_german_genitive_is_no_plural_cue(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung untersagt den Einstieg von Qilin Mobile. Das Ministerium stuft das Wissen "
        "des Unternehmens als Schlüssel-Know-how für die Rüstung ein."
    )
    assert "Schlüssel-Know-how" not in company_names(run(gaz, text, language="de"))


def test_a_rival_described_in_apposition_is_named_in_passing(gaz: Gazetteer) -> None:
    text = (
        "The regulator banned Qilin Mobile equipment from 5G networks on Tuesday. Beijing reacted angrily, "
        "prompting concern at Orvik Networks, Qilin Mobile's main competitor, about possible retaliation."
    )
    assert "Orvik Networks" not in company_names(run(gaz, text, language="en"))


def test_the_firm_a_company_was_spun_out_of_is_no_party(gaz: Gazetteer) -> None:
    text = (
        "The government ordered Qilin Mobile to sell the Brenford Wafer Works plant on national security grounds. "
        "Qilin Mobile was spun out of the Dutch chip group Halvard Semiconductors in 2017."
    )
    assert "Halvard Semiconductors" not in company_names(run(gaz, text, language="en"))


def test_a_german_compound_before_a_known_name_says_what_kind_it_is(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung erlaubt nur eine Minderheitsbeteiligung. Die Hafensparte des Reederei-Konzerns "
        "China Cosco Shipping sollte 35 Prozent am Terminal übernehmen."
    )
    assert "Reederei" not in company_names(run(shipped, text, language="de"))


def test_an_acronym_with_more_words_and_a_legal_form_is_the_groups_unit() -> None:
    port = Gazetteer(
        companies=[
            {"name": "Kieler Hafen und Logistik AG", "aliases": ["KHL"], "country": "DE", "parent": None},
            {"name": "Qilin Mobile", "aliases": [], "country": "CN", "parent": None},
        ],
        agencies=[],
        outlets=[],
    )
    text = (
        "Die Kieler Hafen und Logistik AG und Qilin Mobile hatten sich geeinigt: Qilin Mobile sollte 35 Prozent "
        "an der KHL Container Terminal Nordkai GmbH (CTN) übernehmen. Die Bundesregierung erlaubte nur 24,9 "
        "Prozent. Die KHL begrüßte die Entscheidung."
    )
    found = companies(run(port, text, language="de"))
    assert "KHL Container Terminal Nordkai GmbH" in found
    assert "KHL" not in found["KHL Container Terminal Nordkai GmbH"].aliases
    assert "KHL" in found["Kieler Hafen und Logistik AG"].aliases


@pytest.mark.parametrize(
    "text",
    [
        "Qilin Mobile was barred from buying the airfield. China has made no secret of its interest in the Arctic.",
        "Qilin Mobile was barred from buying the airfield near Rovaniemi, in Finnish Lapland, and its interest "
        "in Lapland worried the defence ministry.",
    ],
)
def test_a_region_of_the_world_or_of_a_country_is_no_firm(gaz: Gazetteer, text: str) -> None:
    assert not {"Arctic", "Lapland"} & company_names(run(gaz, text, language="en"))


def test_a_region_in_the_headline_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Canada rejected the sale of Tamlin Resources, owner of the Ridge Bay gold mine in Nunavut, to "
        "Qilin Mobile. Nunavut officials said the sale would have helped the territory. Nunavut has few "
        "roads, and the review said the sale posed a risk to national security in Nunavut."
    )
    ex = run(gaz, text, language="en", title="Ottawa blocks sale of Nunavut’s Ridge Bay gold mine")
    assert "Nunavut" not in company_names(ex)


def test_a_german_adverb_opening_a_sentence_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung verhinderte, dass Qilin Mobile einen Anteil am Netzbetreiber übernimmt. "
        "Stattdessen kaufte die staatliche Förderbank das Paket."
    )
    assert "Stattdessen" not in company_names(run(gaz, text, language="de"))


def test_a_product_after_its_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "The government annulled the takeover of drone maker Vellari Aviation by Qilin Mobile. "
        "Its Strix drone relays video to soldiers in the field."
    )
    assert "Strix" not in company_names(run(gaz, text, language="en"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Bundesregierung untersagt den Kauf von Rheinwerk durch Qilin Mobile. Die Regeln waren verschärft "
            "worden, nachdem die Übernahme des Augsburger Roboterbauers Kebra durch den chinesischen "
            "Hausgerätehersteller Tamsa eine heftige Debatte ausgelöst hatte.",
            "de",
        ),
        (
            "Germany blocked the purchase of Rheinwerk by Qilin Mobile. Chinese buyers have spent billions on German "
            "companies this year, most prominently in home appliance group Tamsa's purchase of robot maker Kebra.",
            "en",
        ),
    ],
)
def test_an_earlier_takeover_recalled_names_no_party(gaz: Gazetteer, text: str, language: str) -> None:
    assert not {"Kebra", "Tamsa"} & company_names(run(gaz, text, language=language))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tamsa Dairy's $600 million bid for Corran Milk has collapsed after the Treasurer said it would be "
        "contrary to the national interest.",
        "Tamsa Dairy's planned takeover of Corran Milk was blocked by the Treasurer on national interest grounds.",
    ],
)
def test_the_firm_whose_bid_the_story_names_is_the_bidder(gaz: Gazetteer, sentence: str) -> None:
    ex = run(gaz, sentence, language="en")
    assert "Tamsa Dairy" in company_names(ex)
    assert any(c.companies and c.companies[0] == "Tamsa Dairy" for c in ex.concerns)


def test_a_plural_cue_before_the_prime_minister_names_no_firm(gaz: Gazetteer) -> None:
    text = (
        "La loi interdit à Qilin Mobile d'équiper les réseaux 5G. Elle impose aux opérateurs d’obtenir du "
        "Premier ministre une autorisation avant d’installer les antennes."
    )
    assert "Premier" not in company_names(run(gaz, text, language="fr"))


@pytest.mark.parametrize(("word", "code"), [("Faroese", "FO"), ("Greenlandic", "GL"), ("Congolese", "CD")])
def test_the_adjectives_of_smaller_countries_and_territories_are_no_firms(gaz: Gazetteer, word: str, code: str) -> None:
    text = (
        f"Qilin Mobile was excluded from the 5G network after {word} officials raised security concerns. "
        f"The {word} telecoms operator Velnet Access picked a European supplier instead."
    )
    ex = run(gaz, text, language="en")
    assert word not in company_names(ex)
    assert companies(ex)["Velnet Access"].country == code


def test_the_exchange_a_firm_is_listed_on_is_no_party(gaz: Gazetteer) -> None:
    text = (
        "Romania ended talks with Qilin Mobile on the reactors. Velnet Nuclear, listed on the Bucharest Stock "
        "Exchange, is majority-owned by the Romanian state through the energy ministry."
    )
    assert "Bucharest Stock Exchange" not in company_names(run(gaz, text, language="en"))


def _acronym_gazetteer() -> Gazetteer:
    firm = {"name": "Harbour State Shipyards", "aliases": ["HSSY"], "country": "CN", "parent": None}
    return small_gazetteer(firm)


def test_an_acronym_the_story_spells_out_for_a_body_is_not_the_known_firm() -> None:
    text = (
        "Portugal's Superior Cyberspace Security Council (HSSY) ruled Qilin Mobile a high-risk supplier for "
        "5G networks. The HSSY said operators must stop using its equipment."
    )
    assert "Harbour State Shipyards" not in company_names(run(_acronym_gazetteer(), text, language="en"))


def test_an_acronym_the_story_spells_out_as_the_firms_own_name_keeps_it() -> None:
    text = (
        "Harbour State Shipyards (HSSY) will not bid for the naval dock, after the government raised "
        "espionage concerns. HSSY said it regretted the decision."
    )
    assert "Harbour State Shipyards" in company_names(run(_acronym_gazetteer(), text, language="en"))


def test_rivals_a_story_says_its_subject_competed_with_and_their_owner_are_no_parties(gaz: Gazetteer) -> None:
    text = (
        "Taiwan's Investment Commission ordered Qilin Mobile to divest its shopping platform over national "
        "security concerns. The platform launched in 2019 and has competed with local platforms such as "
        "Velmart and Shopzo, which is owned by Singapore's Oceanic Ltd."
    )
    assert not {"Velmart", "Shopzo", "Oceanic Ltd."} & company_names(run(gaz, text, language="en"))


@pytest.mark.parametrize(
    "sentence",
    [
        # a singular noun before "als" is no list cue ("bedrijven als X" is)
        "Das Verteidigungsministerium stuft das Wissen der Firma als Schlüssel-Know-how für die Rüstung ein.",
        # an amount
        "Das Unternehmen mit rund 165 Beschäftigten und zuletzt etwa 14 Millionen Euro Umsatz gehört "
        "großteils dem Gründer.",
        # the object after the subject, a plain noun
        "Dafür braucht das Unternehmen Lizenzen und Know-how von Qilin Mobile.",
    ],
)
def test_german_common_nouns_after_a_company_noun_are_no_firms(gaz: Gazetteer, sentence: str) -> None:
    text = f"Die Bundesregierung untersagt den Einstieg von Qilin Mobile bei Rheinwerk. {sentence}"
    found = company_names(run(gaz, text, language="de"))
    assert not {"Schlüssel-Know-how", "Millionen Euro Umsatz", "Euro Umsatz", "Lizenzen"} & found


def test_a_takeover_recalled_with_its_year_names_no_party(gaz: Gazetteer) -> None:
    text = (
        "Germany blocked the sale of Rheinwerk to Qilin Mobile. Berlin has tightened its screening regime "
        "repeatedly since Chinese appliance maker Tamsa bought robot maker Kebra in 2016."
    )
    assert not {"Tamsa", "Kebra"} & company_names(run(gaz, text, language="en"))


def test_one_model_of_an_aircraft_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Italy cancelled the sale of Rheinwerk Aviation to Qilin Mobile. Rheinwerk Aviation makes ultralight "
        "aircraft and the Strix drone, used by Italian troops.\n\n[Photo: A Strix drone on display.]"
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Strix" not in found
    assert "Rheinwerk Aviation" in found


def test_a_drone_maker_named_once_as_a_firm_stays_one(gaz: Gazetteer) -> None:
    text = (
        "Italy blocked the sale of drone maker Skyfal to Qilin Mobile on national security grounds. "
        "The Skyfal drone is used by the army."
    )
    assert "Skyfal" in company_names(run(gaz, text, language="en"))


def test_a_pandemic_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Madrid a bloqué l'offre de Qilin Mobile sur Talvia. C'est l'une des rares fois que Madrid utilise le "
        "« bouclier anti-OPA » instauré en 2020, au début de la pandémie de Covid-19, pour protéger les "
        "entreprises stratégiques."
    )
    assert "Covid-19" not in company_names(run(gaz, text, language="fr"))


def test_a_sale_told_in_the_past_perfect_is_background(gaz: Gazetteer) -> None:
    text = (
        "India let the sale of the Talegaon plant to Qilin Mobile lapse without security clearance. General "
        "Motors, which stopped selling cars in India in 2017, had earlier sold its Halol plant in Gujarat to "
        "Velmar Motor, which makes SUVs there. General Motors said its strategy was unchanged."
    )
    assert "Velmar Motor" not in company_names(run(gaz, text, language="en"))


def test_rivals_named_after_a_nationality_and_a_group_noun_are_in_passing(gaz: Gazetteer) -> None:
    text = (
        "The Cabinet Office ordered Qilin Mobile to sell its stake in Rheinwerk Chips over national security "
        "risks. The firm competes with much larger players such as US groups Velmar and Corran Labs in the "
        "market for USB interface chips."
    )
    assert not {"Velmar", "Corran Labs"} & company_names(run(gaz, text, language="en"))


def test_a_stock_quote_names_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Ottawa has blocked the takeover of Ridge Bay Resources (TSX:RBR) by Qilin Mobile over national "
        "security concerns.\n\nCompanies in this story: (TSX:RBR)"
    )
    found = company_names(run(gaz, text, language="en"))
    assert {"Ridge Bay Resources", "Qilin Mobile"} <= found
    assert not {"TSX", "RBR"} & found


def test_domestic_players_named_as_examples_are_in_passing() -> None:
    gaz = small_gazetteer(
        {"name": "Velmar Motors", "aliases": [], "country": "IN", "parent": None},
        {"name": "Corran & Corran", "aliases": [], "country": "IN", "parent": None},
    )
    text = (
        "India's government blocked the takeover of Rheinwerk Chips by Qilin Mobile over security concerns. "
        "Tesla said it expected to make a significant investment in India, while domestic players such as "
        "Velmar Motors and Corran & Corran are widening their electric line-ups."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Qilin Mobile" in found
    assert not {"Velmar Motors", "Corran & Corran"} & found


def test_local_makers_as_a_subject_still_count(gaz: Gazetteer) -> None:
    # guard: "local" before a maker without "such as" is a description of the firm, not a list of rivals
    text = "The minister blocked the sale of local maker Velmar Motors to Qilin Mobile over security concerns."
    assert "Velmar Motors" in company_names(run(gaz, text, language="en"))


def test_a_past_employer_is_no_party() -> None:
    gaz = small_gazetteer({"name": "Velmar Group", "aliases": ["Velmar"], "country": "GB", "parent": None})
    text = (
        "The Cabinet Office approved Qilin Mobile's stake in Rheinwerk Chips with conditions to protect "
        "national security. Tomas Berg, a former chief executive of Velmar Egypt, joined the Rheinwerk board."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Qilin Mobile" in found
    assert not {"Velmar Egypt", "Velmar Group"} & found


def test_a_weapon_designation_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "US officials warned that Qilin Mobile's port terminal could be used for espionage. The Gulf state "
        "is seeking to buy F-35 stealth fighters and armed drones in a package worth $23 billion. Washington "
        "wants to protect the technology of the F-35."
    )
    assert "F-35" not in company_names(run(gaz, text, language="en"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "L'État a imposé des conditions à la vente de Talvia à Qilin Mobile. La production reste sur ses deux "
            "sites, à Lisoire (Calvados) et à Compiègne (Oise). Quelque 250 personnes travaillent à l'usine de "
            "Lisoire, qui fabrique l'essentiel du produit.",
            "fr",
        ),
        (
            "The government imposed conditions on the sale of Talvia to Qilin Mobile. Production stays at its "
            "plant in Lisoire (Normandy), and the plant at Lisoire employs 250 people.",
            "en",
        ),
    ],
)
def test_a_town_with_its_region_in_brackets_is_no_firm(gaz: Gazetteer, text: str, language: str) -> None:
    found = company_names(run(gaz, text, language=language))
    assert "Qilin Mobile" in found
    assert not {"Lisoire", "Calvados", "Normandy", "Oise"} & found


def test_a_firm_and_its_acronym_in_brackets_stay_a_firm(gaz: Gazetteer) -> None:
    # guard: a name before a bracketed short form is not a town with its region
    text = "The Ministry of Defence blocked the sale of Bergen Motors to Velmar Holdings (VH) over security fears."
    found = company_names(run(gaz, text, language="en"))
    assert "Velmar Holdings" in found


def test_a_german_adjective_before_a_plural_in_turen_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Das BSI warnt vor der Virenschutzsoftware von Qilin Mobile. Betroffen sind Unternehmen mit "
        "besonderen Sicherheitsinteressen sowie Betreiber Kritischer Infrastrukturen."
    )
    assert "Kritischer Infrastrukturen" not in company_names(run(gaz, text, language="de"))


def test_two_legal_names_on_one_short_form_are_two_firms(gaz: Gazetteer) -> None:
    text = (
        "The Japanese government will keep watch over Velmaro Group Inc. after Qilin Mobile took a stake in "
        "the e-commerce operator, amid concerns that customer data could end up in China.\n\n"
        "Qilin Mobile acquired a 3.65 percent stake in Velmaro for about 65.7 billion yen.\n\n"
        "Velmaro Mobile Inc., the group's mobile carrier unit, is building a nationwide 5G network."
    )
    found = companies(run(gaz, text, language="en"))
    assert {"Velmaro Group Inc.", "Velmaro Mobile Inc."} <= set(found)
    assert "Velmaro" in found["Velmaro Group Inc."].aliases
    assert "Velmaro Group Inc." not in found["Velmaro Mobile Inc."].aliases


def test_the_rival_bidder_is_in_passing(gaz: Gazetteer) -> None:
    text = (
        "The president blocked Qilin Mobile's proposed acquisition of Ostrava Steel Corp., citing national "
        "security. Qilin Mobile agreed in 2023 to pay $55 a share, beating a rival offer from Ohio-based "
        "Velmar-Cliffs."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Ostrava Steel Corp." in found
    assert "Velmar-Cliffs" not in found


def test_western_suppliers_named_as_examples_are_in_passing(gaz: Gazetteer) -> None:
    text = (
        "Lawmakers warned that cranes made by Qilin Mobile could serve Chinese espionage at US ports. "
        "Western suppliers such as Velmacranes and Ostherr build only a fraction of the cranes Qilin turns out."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Qilin Mobile" in found
    assert not {"Velmacranes", "Ostherr"} & found


def test_the_outlets_owner_is_no_party(gaz: Gazetteer) -> None:
    text = (
        "Lawmakers warned that routers made by Qilin Mobile could be turned into a tool for Chinese state "
        "hackers.\n\nThe Daily Ledger is an editorially independent unit of Ledgerline Media."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Qilin Mobile" in found
    assert "Ledgerline Media" not in found


def test_a_chamber_and_a_department_in_a_headline_are_no_firms(gaz: Gazetteer) -> None:
    title = "House China committee leaders urge Commerce to investigate Qilin Mobile routers"
    text = (
        f"{title}\n\n"
        "The leaders of the House Select Committee on the Chinese Communist Party are pressing the Commerce "
        "Department to look into Qilin Mobile, warning that its routers could be used for espionage. The "
        "request lands on the desk of Commerce's Office of Information and Communications Technology and "
        "Services. The Commerce Department has not said whether it will act on the House China committee's "
        "letter to Commerce."
    )
    found = company_names(run(gaz, text, title=title, language="en"))
    assert "Qilin Mobile" in found
    assert not {"House China", "Commerce", "House"} & found


def test_a_german_plural_in_inen_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Der Bundesnachrichtendienst warnt vor Spionage durch Windräder von Qilin Mobile. Stattdessen habe "
        "sich das Unternehmen Turbinen des Konkurrenten Velmar Wind reserviert."
    )
    assert "Turbinen" not in company_names(run(gaz, text, language="de"))


def test_shares_of_is_no_part_of_the_name(gaz: Gazetteer) -> None:
    text = (
        "The president blocked Qilin Mobile's takeover of Ostrava Steel, citing national security.\n\n"
        "Shares of Ostrava Steel fell in morning trading."
    )
    assert "Shares of Ostrava Steel" not in company_names(run(gaz, text, language="en"))


def test_a_german_verb_may_stand_between_a_firm_and_its_description(gaz: Gazetteer) -> None:
    text = (
        "Das Bundeskabinett hat den Verkauf der Chipfabrik von Rheinwerk verboten. Sie sollte für rund 85 "
        "Millionen Euro an Velmar Systems gehen, ein Unternehmen mit Sitz in Schweden."
    )
    found = companies(run(gaz, text, language="de"))
    assert found["Velmar Systems"].country == "SE"


def test_two_registered_names_joined_by_und_are_two_firms(gaz: Gazetteer) -> None:
    text = (
        "Das Bundeswirtschaftsministerium hat die beiden deutschen Qilin-Töchter Qilin Deutschland GmbH und "
        "RN Velmar & Marketing GmbH unter Treuhandverwaltung gestellt, um die Versorgungssicherheit zu schützen."
    )
    found = company_names(run(gaz, text, language="de"))
    assert {"Qilin Deutschland GmbH", "RN Velmar & Marketing GmbH"} <= found
    assert not [n for n in found if " und " in n or n.startswith("Qilin-Töchter")]


def test_a_french_town_with_a_hyphenated_name_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "De sancties treffen de terminal van Qilin Mobile in Zeebrugge, maar ook andere terminals in Europa, "
        "zoals die in het Franse Montoir-de-Bretagne."
    )
    assert "Montoir-de-Bretagne" not in company_names(run(gaz, text, language="nl"))


def test_a_body_named_by_its_acronym_is_no_firm(shipped: Gazetteer) -> None:
    text = (
        "Finland's National Bureau of Investigation (NBI) says two employees of the property company Velmar "
        "Helmi are being held, following a raid on Russian-owned island sites near naval sea lanes that the "
        "security service has watched for espionage. The NBI said seven people had been questioned, and "
        "officers were backed by the Border Guard and Finnish Customs."
    )
    ex = run(shipped, text, language="en")
    assert not {"NBI", "Border Guard"} & company_names(ex)
    assert "NBI" in agencies(ex)["National Bureau of Investigation"].aliases


def test_the_leader_of_a_bidding_consortium_is_a_party(gaz: Gazetteer) -> None:
    text = (
        "The federal government has stopped the sale of S Velmar & Co to foreign bidders over national "
        "security. A consortium led by China's Shanghai Pengxin Group was understood to be the preferred bidder."
    )
    found = companies(run(gaz, text, language="en"))
    assert found["Shanghai Pengxin Group"].country == "CN"
    assert found["S Velmar & Co"].country != "CN"


def test_a_founders_initial_opens_the_registered_name(gaz: Gazetteer) -> None:
    text = (
        "The treasurer blocked the sale of S Velmar & Co to Qilin Mobile over national security. "
        "Velmar's biggest cattle station lies inside a weapons testing range, and Velmar may apply again."
    )
    found = companies(run(gaz, text, language="en"))
    assert "Velmar" in found["S Velmar & Co"].aliases
    assert "Velmar" not in found


def test_a_groups_international_arm_is_a_firm_of_its_own(shipped: Gazetteer) -> None:
    text = (
        "The federal cabinet ordered a national security review of the proposed acquisition of Velmar Energy "
        "by CNPC International Holding Ltd.\n\nThe proposed sale to CNPC International has drawn criticism from "
        "security experts. CNPC International is the overseas arm of China National Petroleum Corporation."
    )
    found = companies(run(shipped, text, language="en"))
    assert "CNPC International" in found["CNPC International Holding Ltd."].aliases
    assert found["CNPC International Holding Ltd."].parent == "China National Petroleum Corporation"
    assert not {"CNPC International", "CNPC International Holding Ltd."} & set(
        found["China National Petroleum Corporation"].aliases
    )


def test_a_groups_business_of_two_words_is_a_unit_of_its_own(gaz: Gazetteer) -> None:
    text = (
        "The treasurer approved a bid by Chinese state-owned Harbourline Non-ferrous Metals for the assets of "
        "Velmar Minerals on conditions. Harbourline Non-ferrous Metals is a subsidiary of Harbourline Group."
    )
    assert {"Harbourline Non-ferrous Metals", "Harbourline Group"} <= set(companies(run(gaz, text, language="en")))


def test_a_site_named_in_a_headline_is_no_firm(gaz: Gazetteer) -> None:
    title = "Swan approves Qilin Mobile bid for Velmar assets, but Prominent Hill stays off limits"
    text = (
        f"{title}\n\nThe treasurer approved Qilin Mobile's bid for Velmar Minerals on conditions. The approval "
        "does not extend to Velmar's Prominent Hill copper and gold mine, because the mine lies inside a weapons "
        "testing range, a national security concern. Prominent Hill will be Velmar's main asset, and Prominent "
        "Hill stays off limits to any foreign buyer on national security grounds."
    )
    ex = run(gaz, text, title=title, language="en")
    assert "Prominent Hill" not in company_names(ex)
    assert "Prominent Hill copper and gold mine" in {f.name for f in ex.facilities}


def test_a_seat_right_before_a_firm_beats_a_nationality_further_back(gaz: Gazetteer) -> None:
    text = (
        "The government approved a revised bid by Chinese state-owned Qilin Mobile for most of the mining "
        "assets of debt-laden, Melbourne-based OZ Velmar, after the Chinese company agreed to undertakings."
    )
    assert companies(run(gaz, text, language="en"))["OZ Velmar"].country == "AU"


def test_the_town_of_a_site_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Deux semaines après la reprise en main par l'Etat djiboutien du terminal à conteneurs de Doraleh, "
        "exploité jusque-là par le groupe Qilin Mobile, l'affaire prend une dimension géopolitique: Washington "
        "redoute une mainmise chinoise.\n\nAvec une capacité de 1,25 million de conteneurs par an, Doraleh est "
        "le premier employeur du pays. Doraleh, le port principal, inquiète Washington."
    )
    assert "Doraleh" not in company_names(run(gaz, text, language="fr"))


def test_a_familys_name_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Italy approved Qilin Mobile's takeover of Velmar Aerospace on conditions under its golden power rules. "
        "Qilin Mobile is best known for its TB2 Bayraktar drones. The firm is run by the Bayraktar brothers: "
        "Haluk Bayraktar is chief executive."
    )
    assert "Bayraktar" not in company_names(run(gaz, text, language="en"))


def test_a_firms_officials_leave_it_a_firm(gaz: Gazetteer) -> None:
    # guard: "officials" after a name is no body's head word
    title = "Velmaro faces security probe in Canada"
    text = (
        f"{title}\n\nCanada ordered a national security review of Velmaro over espionage concerns. Velmaro "
        "officials met the minister on Monday. Velmaro said it would cooperate with the review of Velmaro."
    )
    assert "Velmaro" in company_names(run(gaz, text, title=title, language="en"))


def test_a_family_that_owns_a_firm_leaves_it_a_firm(gaz: Gazetteer) -> None:
    # guard: "the X family" may be the owners of a firm named after them
    text = (
        "France's economy ministry blocked the sale of Velmarco to Qilin Mobile over national security. "
        "The Velmarco family controls the group, and the Velmarco family said it would appeal."
    )
    assert "Velmarco" in company_names(run(gaz, text, language="en"))


def test_a_listing_before_a_firm_does_not_override_its_description(gaz: Gazetteer) -> None:
    # guard: "-listed" is no seat, and the name's own description says where the firm is from
    text = (
        "The treasurer blocked the sale of Northvale Mining to London-listed Velmaro Resources, a Chinese "
        "state-owned company."
    )
    assert companies(run(gaz, text, language="en"))["Velmaro Resources"].country == "CN"


# -- names a law, a region or a legal form's spelling give ------------------------------------------


def test_a_laws_title_names_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Qilin Mobile wants to buy Velmar Semiconductor. Velmar also said it would have its Korean unit withdraw "
        "an application concerning the merger that it had submitted under the Act on Prevention of Divulgence "
        "and Protection of Industrial Technology."
    )
    assert "Protection of Industrial Technology" not in company_names(run(gaz, text, language="en"))


def test_a_firm_before_a_laws_title_stays_a_firm(gaz: Gazetteer) -> None:
    # guard: the title's words start after "and the"
    text = "Qilin Mobile agreed to buy Velmar Holdings and the Defense Production Act review began."
    assert "Velmar Holdings" in company_names(run(gaz, text, language="en"))


def test_a_regions_adjective_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "The move kills a deal after the consortium led by Qilin Mobile gave an undertaking to sell Velmar's "
        "Western Australian pipelines and gas storage assets, leaving foreign investment approval as the last hurdle."
    )
    assert "Western Australian" not in company_names(run(gaz, text, language="en"))


def test_a_legal_form_spelled_short_is_the_registered_firm_not_another() -> None:
    gaz = small_gazetteer(
        {"name": "Velmar Grid Corporation of the Philippines", "aliases": ["VGCP"], "country": "PH", "parent": None},
        {"name": "Velmar Grid plc", "aliases": ["Velmar Grid"], "country": "GB", "parent": None},
    )
    text = (
        "Senators asked to audit the Velmar Grid Corp. of the Philippines (VGCP), which Qilin Mobile partly "
        "owns, over fears the grid could be switched off."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Velmar Grid plc" not in found
    assert "Velmar Grid Corporation of the Philippines" in found or "Velmar Grid Corp. of the Philippines" in found


def test_an_acronym_spelling_both_sides_of_and_keeps_one_name(gaz: Gazetteer) -> None:
    text = (
        "The station is run by China Satellite Launch and Tracking Control General (CLTC), an organisation "
        "that reports to the army, and Qilin Mobile supplied its antennas."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "China Satellite Launch" not in found


def test_two_firms_joined_by_and_stay_two_when_the_acronym_is_the_second_ones(gaz: Gazetteer) -> None:
    # guard: the acronym spells the second name alone
    text = "Qilin Mobile and Velmar Tracking Control (VTC) signed the deal, the ministry said it would review it."
    found = company_names(run(gaz, text, language="en"))
    assert "Qilin Mobile" in found


def test_a_seat_or_a_role_before_a_name_is_no_part_of_it(gaz: Gazetteer) -> None:
    text = (
        "India revoked the clearance of Velmar Airport Services, a unit of Istanbul-headquartered Velmar "
        "Aviation Holding. Developer Kestrel Wind Energy bought the land near the base from Qilin Mobile."
    )
    found = company_names(run(gaz, text, language="en"))
    assert {"Velmar Aviation Holding", "Kestrel Wind Energy"} <= found
    assert not {"Istanbul-headquartered Velmar Aviation Holding", "Developer Kestrel Wind Energy"} & found


def test_a_lawmaker_is_no_company_cue(gaz: Gazetteer) -> None:
    text = (
        'Qilin Mobile can stop the buses remotely, the operator said. "It is time we put security first," '
        "Progress Party lawmaker Bård Hoksrud said."
    )
    assert "Bård Hoksrud" not in company_names(run(gaz, text, language="en"))


def test_a_corporate_word_alone_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Die Nationale Behörde für Cyber- und Informationssicherheit (NÚKIB) hat am Montag eine Warnung vor der "
        "Nutzung von Software und Hardware der Unternehmen Qilin Mobile Co., Ltd. und Velmar Corporation "
        "veröffentlicht. Die Warnung gilt für Software, die Qilin Mobile liefert."
    )
    assert "Software" not in company_names(run(gaz, text, language="de"))


def test_a_senators_title_is_no_firm(gaz: Gazetteer) -> None:
    text = "Lawmakers filed a bill, backed by Sens. Ted Cruz and Marco Rubio, that would stop Qilin Mobile's wind farm."
    assert not {"Sens", "Sens."} & company_names(run(gaz, text, language="en"))


def test_a_ship_is_no_firm(gaz: Gazetteer) -> None:
    text = (
        "Taiwan's coast guard intercepted the freighter Shunxing-39 after the cable run by Qilin Mobile was cut. "
        "Shunxing-39 is owned by Jie Yang Trading Ltd, a Hong Kong firm."
    )
    found = company_names(run(gaz, text, language="en"))
    assert "Shunxing-39" not in found
    assert "Jie Yang Trading Ltd" in found
