"""Companies and agencies round (co2): role nouns, people, places, named arms, lone mentions
in a project, local bodies; short invented texts. No database, no corpus files."""

from __future__ import annotations

from tests.extract_helpers import agencies, companies, run
from tracker.ingest.gazetteer import Gazetteer


def test_a_role_noun_opening_a_sentence_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van de werf Marvik Yard aan het Chinese staatsbedrijf Qilong Heavy "
        "Industries verboden. Eigenaar Dorland Holding, dat de werf uitbaat, wilde het bedrijf verkopen."
    )
    found = companies(run(shipped, text, language="nl"))
    assert "Dorland Holding" in found
    assert not any(n.startswith("Eigenaar") for n in found)


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


def test_tochter_des_konzerns_names_the_parent(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung prüft den Fall. Die Weiyun Cloud GmbH, eine Tochter des chinesischen Konzerns "
        "Weiyun Technology, betreibt in Frankfurt ein Rechenzentrum. Weiyun erklärte, alle Daten blieben in Europa."
    )
    found = companies(run(shipped, text, language="de"))
    assert found["Weiyun Cloud GmbH"].parent == "Weiyun Technology"
    assert found["Weiyun Technology"].parent is None
    assert "Weiyun" not in found


def test_local_bodies_with_their_place(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van scheepswerf Marvik Yard aan het Chinese staatsbedrijf Qilong Heavy "
        "Industries verboden. De provincie Zeeland onderzoekt nu of een Nederlandse koper kan worden gevonden."
    )
    found = agencies(run(shipped, text, language="nl"))
    assert "provincie Zeeland" in found
    text = (
        "Kritik kommt aus Kiel. Der Landesverfassungsschutz Schleswig-Holstein prüft, ob von dem chinesischen "
        "Investor Risiken ausgehen. Der Flughafen liegt im Landkreis Ostholstein."
    )
    found = agencies(run(shipped, text, language="de"))
    assert found["Landesverfassungsschutz Schleswig-Holstein"].kind == "intelligence"
    assert "Landkreis Ostholstein" not in found  # said as a place


def test_an_embassy_seat_keeps_embassies_apart(shipped: Gazetteer) -> None:
    text = (
        "The government took control of the steelworks from its Chinese owner Jingye. The Chinese embassy in "
        "London said it was concerned."
    )
    ag = agencies(run(shipped, text))["Chinese embassy in London"]
    assert "Chinese embassy" not in ag.aliases


def test_grid_operators_and_shipyards_are_known(shipped: Gazetteer) -> None:
    text = (
        "Senators called for an investigation into the State Grid Corporation of China's 40% stake in the NGCP. "
        "The NGCP operates the country's transmission network."
    )
    assert companies(run(shipped, text))["National Grid Corporation of the Philippines"].country == "PH"


def test_a_groups_short_form_is_the_unit_the_story_names(shipped: Gazetteer) -> None:
    text = (
        "De Chinese scheepvaartreus COSCO wil zijn belang in de terminal optrekken. COSCO Shipping Ports, de "
        "havenpoot van de staatsrederij, heeft vandaag 20 procent van de terminal. Volgens ingewijden wil COSCO "
        "naar 40 procent. De Staatsveiligheid volgt het dossier."
    )
    found = companies(run(shipped, text, language="nl"))
    assert "COSCO" in found["COSCO Shipping Ports"].aliases
    assert "China COSCO Shipping Corporation" not in found


def test_a_seller_named_by_a_possessive_and_a_seated_adjective(shipped: Gazetteer) -> None:
    text = (
        "Norway's government blocked the sale of Brennvik's Fjordmotor Engines to a Russian-controlled company. "
        "Fjordmotor Engines, which makes engines for ships, sits next to a naval base. "
        "The buyer had bought a mine from U.S.-based Calloway Corporation in 2019."
    )
    found = companies(run(shipped, text))
    assert "Fjordmotor Engines" in found
    assert found["Calloway Corporation"].country == "US"


def test_a_german_town_adjective_and_cue_noun_before_the_name(shipped: Gazetteer) -> None:
    text = (
        "Der Hamburger Vermögensverwalter Kelvara hat für den Windpark 16 Anlagen bei einem chinesischen "
        "Hersteller bestellt. Die Bundesregierung lässt den Fall prüfen."
    )
    assert "Kelvara" in companies(run(shipped, text, language="de"))


def test_known_as_without_an_adverb_gives_an_alias(shipped: Gazetteer) -> None:
    text = (
        "The minister said Qinling Rare Metals must divest its ownership of Tantalite Mining Corporation of "
        "Canada Ltd., known as Tamco, after a national security review. Tamco runs a mine near Winnipeg."
    )
    found = companies(run(shipped, text))
    assert "Tamco" in found["Tantalite Mining Corporation of Canada Ltd."].aliases


def test_a_national_arm_with_a_legal_form_stands_apart_from_its_group(shipped: Gazetteer) -> None:
    text = (
        "The federal government has ordered Hikvision Canada, the local arm of Chinese video surveillance giant "
        "Hikvision, to cease operations. The government has determined that Hikvision Canada Inc. poses a risk."
    )
    found = companies(run(shipped, text))
    assert found["Hikvision Canada Inc."].parent == "Hikvision"
