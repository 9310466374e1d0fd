"""Companies, their countries and owners, and public bodies named by a title or in lower case,
from short invented texts. No database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import agencies, companies, run
from tracker.ingest.gazetteer import Gazetteer

# -- companies ------------------------------------------------------------------------------------


def test_the_nationality_after_the_cue_is_the_buyers_own(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie a refusé le rachat du canadien Norvalve par le groupe américain Pumpwell. "
        "Norvalve, basé à Montréal, a pris acte de la décision."
    )
    found = companies(run(shipped, text, language="fr"))
    assert found["Pumpwell"].country == "US"
    assert found["Norvalve"].country == "CA"


def test_owners_or_backers_named_by_nationality_give_the_country(shipped: Gazetteer) -> None:
    text = (
        "The order forces Corvane Partners Ltd., a firm partly owned by Chinese nationals, to sell the land. "
        "Bluefin Media, a fund backed by the United Arab Emirates, bid for the newspaper. "
        "Tavro Holdings, owned by Russian businessmen, bought Kelmar Networks."
    )
    found = companies(run(shipped, text))
    assert found["Corvane Partners Ltd."].country == "CN"
    assert found["Bluefin Media"].country == "AE"
    assert found["Tavro Holdings"].country == "RU"
    assert found["Tavro Holdings"].parent is None  # the people after "owned by" are no parent company


def test_subsidiaries_listed_after_their_parent(shipped: Gazetteer) -> None:
    text = (
        "Bercy a bloqué le rachat de Norvalve. En cause : les deux filiales françaises de Norvalve, Sorgault et "
        "Norvalve SAS, qui fabriquent des vannes pour la Marine nationale."
    )
    found = companies(run(shipped, text, language="fr"))
    assert found["Sorgault"].parent == "Norvalve"
    assert found["Norvalve SAS"].parent == "Norvalve"  # a subsidiary, not another name of its parent


def test_the_seller_in_a_sale_of_x_by_y_owns_x(shipped: Gazetteer) -> None:
    text = (
        "The government blocked the sale of engine maker Fjord Motors by Britain's Kestrel Aero to Russia's "
        "Korsk Rail Group, citing national security."
    )
    found = companies(run(shipped, text))
    assert found["Fjord Motors"].parent == "Kestrel Aero"


def test_also_known_as_joins_two_names_and_a_registered_subsidiary_keeps_its_seat(shipped: Gazetteer) -> None:
    text = (
        "Norway blocked the sale of Fjord Motors to Russia's Korsk Rail Group. Korsk Rail, also known as "
        "Korsktransholding, makes railway equipment. Its Swiss-registered subsidiary, Korsk Rail International "
        "AG, was to buy the business."
    )
    found = companies(run(shipped, text))
    assert "Korsktransholding" not in found
    assert "Korsktransholding" in found["Korsk Rail Group"].aliases
    assert found["Korsk Rail International AG"].country == "CH"
    assert found["Korsk Rail International AG"].parent == "Korsk Rail Group"


def test_a_sheikh_is_a_person_not_a_company(shipped: Gazetteer) -> None:
    text = (
        "Bluefin Media is a joint venture between Harbour Capital Partners and Gulf Media Investments, an Abu "
        "Dhabi vehicle owned by Sheikh Rashid bin Khalid, the regulator heard."
    )
    assert not any(name.startswith("Sheikh") for name in companies(run(shipped, text)))


def test_lower_case_legal_forms_and_bracketed_trading_names(shipped: Gazetteer) -> None:
    text = (
        "Tavira Holdings S.à r.l., a Luxembourg-registered vehicle, bought the terminal operator Kestrel Ports. "
        "Le fonds chinois Quanhui Asset Management (QH Capital) a racheté Ampelon. The Treasury blocked the deal."
    )
    found = companies(run(shipped, text))
    assert found["Tavira Holdings S.à r.l."].country == "LU"
    assert "QH Capital" in found["Quanhui Asset Management"].aliases


def test_a_two_word_territory_opening_a_name_gives_its_country(shipped: Gazetteer) -> None:
    text = "Die Beteiligungsgesellschaft Hong Kong Jinlong Holdings kaufte den Flughafen. Das Ministerium prüft."
    assert companies(run(shipped, text, language="de"))["Hong Kong Jinlong Holdings"].country == "HK"


def test_german_headline_nouns_and_town_sites_are_no_companies(shipped: Gazetteer) -> None:
    text = (
        "Das Bundeskabinett hat den Verkauf der Bochumer Chipfabrik des Herstellers Valmos an einen chinesischen "
        "Investor untersagt. Der Verkauf hätte die Sicherheit gefährdet, erklärte das Ministerium. Zudem stoppte "
        "das Kabinett den Verkauf eines weiteren Unternehmens."
    )
    found = companies(run(shipped, text, language="de", title="Regierung untersagt Verkauf der Valmos-Fabrik"))
    assert "Verkauf" not in found
    assert "Bochumer Chipfabrik" not in found


# -- agencies -------------------------------------------------------------------------------------


def test_a_ministers_title_names_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "Norway's government blocked the sale of Fjord Motors to Russia's Korsk Rail Group. Justice Minister "
        "Ola Berg told a news conference the deal posed a risk. Germany's interior minister also warned."
    )
    found = agencies(run(shipped, text))
    assert found["justice ministry"].country == "NO"
    assert "Justice Minister" in found["justice ministry"].aliases
    assert any(a.country == "DE" and "interior minister" in a.aliases for a in found.values())


def test_a_minister_announcing_the_governments_decision_speaks_for_it(shipped: Gazetteer) -> None:
    text = (
        "Canada's government ordered Hanlin Mining to divest its stake in Northpeak Lithium. In a statement, "
        "Industry Minister Paul Girard said the decision followed a national security review."
    )
    found = agencies(run(shipped, text))
    assert not any(a.kind == "ministry" and a.country == "CA" for a in found.values())


def test_a_navy_named_with_its_nationality(shipped: Gazetteer) -> None:
    text = "Norway blocked the sale of Fjord Motors. Its customers include the Norwegian navy and the Marine nationale."
    found = agencies(run(shipped, text))
    assert "Royal Norwegian Navy" in found
    assert "French Navy" in found


def test_a_leaders_government_and_a_bare_treasury(shipped: Gazetteer) -> None:
    text = (
        "Treasurer Ann Hall ordered the Singapore-registered Lanfeng Fund to sell its shares in Westrock Minerals. "
        "The Treasury said the investors had not sought approval. It is the second time the Marlow government "
        "has blocked such an investment, Australia's Foreign Investment Review Board said."
    )
    found = agencies(run(shipped, text))
    assert len([a for a in found.values() if "Treasury" in [a.name, *a.aliases]]) == 1
    assert any("Marlow government" in a.aliases for a in found.values() if a.country == "AU")


def test_parliament_committees_in_lower_case(shipped: Gazetteer) -> None:
    en = agencies(run(shipped, "The Commons business and trade committee asked to hear from Lanfeng Fund."))
    assert en["Commons business and trade committee"].kind == "parliament"
    de = agencies(run(shipped, "Der Wirtschaftsausschuss des Bundestages befasste sich mit Valmos.", language="de"))
    assert de["Wirtschaftsausschuss des Bundestages"].country == "DE"
    land = agencies(run(shipped, "Der Wirtschaftsausschuss des Landtages befasste sich mit Valmos.", language="de"))
    assert land["Wirtschaftsausschuss des Landtages"].country == "DE"  # a German state's house, not the Dutch one
    nl = run(shipped, "De vaste Kamercommissie voor Economische Zaken stelde vragen over Nowra.", language="nl")
    assert any(a.kind == "parliament" and a.name.startswith("vaste Kamercommissie") for a in nl.agencies)


def test_owners_named_by_a_possessive_or_a_copula_and_a_billionaires_holding(shipped: Gazetteer) -> None:
    text = (
        "The government blocked the takeover of Firecomms. The buyer, Hexin Capital, is a Hong Kong subsidiary of "
        "Beijing-based Tianyi Group. Anhui Kelan's Dutch unit Kelan Europe BV also bid. A consortium led by Renova "
        "Group, the holding of Russian billionaire Viktor Vekselberg, made an offer. Gulf-backed vehicle Tarfeeh "
        "Capital bought a stake in Delta Port."
    )
    found = companies(run(shipped, text))
    assert found["Hexin Capital"].parent == "Tianyi Group"
    assert found["Kelan Europe BV"].parent == "Anhui Kelan"
    assert found["Renova Group"].country == "RU"
    assert "Gulf" not in found
    assert not any(name.endswith(".") and not name.endswith("Ltd.") for name in found)


def test_a_countrys_body_named_with_its_acronym_or_possessive_is_the_gazetteers(shipped: Gazetteer) -> None:
    text = (
        "The Finnish Security Intelligence Service (Supo) warned about Korsk Rail Group. Lithuania's State Security "
        "Department agreed, and Norway's National Security Authority (NSM) said the firm was a risk."
    )
    found = agencies(run(shipped, text))
    assert len([a for a in found.values() if a.country == "FI"]) == 1
    assert len([a for a in found.values() if a.country == "NO"]) == 1
    assert "Lithuanian State Security Department" in found


def test_a_firm_named_by_its_nationality_in_french_and_dutch(shipped: Gazetteer) -> None:
    fr = companies(
        run(shipped, "Le ministre de l'Economie a bloqué le rachat d'Exavia par le chinois Wanfeng.", language="fr")
    )
    assert fr["Wanfeng"].country == "CN"
    assert "Exavia" in fr
    nl = run(shipped, "Het kabinet blokkeert de overname van Exavia door het Chinese Wanfeng.", language="nl")
    assert companies(nl)["Wanfeng"].country == "CN"
    assert any(a.country == "NL" for a in nl.agencies)  # a Dutch story naming no country is set in the Netherlands


def test_courts_and_councils_of_state(shipped: Gazetteer) -> None:
    fr = agencies(run(shipped, "Le Conseil d'Etat a rejeté le recours d'Exavia contre le ministre.", language="fr"))
    assert fr["Conseil d'État"].country == "FR"
    nl = agencies(
        run(shipped, "De Raad van State adviseerde. Het OM vervolgt een medewerker van Wanfeng.", language="nl")
    )
    assert {"Raad van State", "Openbaar Ministerie"} <= set(nl)


def test_a_firm_said_to_be_headquartered_or_registered_somewhere(shipped: Gazetteer) -> None:
    text = (
        "The government reviewed the deal. Velmora, which is headquartered in Shenzhen, bid for it. "
        "Orvex Networks is a UK-registered company controlled by Chinese state investors."
    )
    found = companies(run(shipped, text))
    assert found["Velmora"].country == "CN"
    assert found["Orvex Networks"].country == "GB"  # its registration says where it is from


def test_a_secretarys_title_names_the_department(shipped: Gazetteer) -> None:
    text = "The US government blacklisted Korsk Rail Group. Commerce Secretary Ann Lee added it to the entity list."
    found = agencies(run(shipped, text))
    assert "Commerce Secretary" in found["United States Department of Commerce"].aliases
    sweden = agencies(run(shipped, "Sweden's foreign minister summoned the ambassador over Korsk Rail Group."))
    assert any(name.endswith("foreign ministry") for name in sweden)


def test_a_province_or_big_city_opening_a_name_gives_its_country(shipped: Gazetteer) -> None:
    text = (
        "The government blocked the sale to Hubei Xinming Chemicals Group Co. Ltd, a maker of chemicals. "
        "Jiangsu Hengda Medicine Co., Ltd. also bid."
    )
    found = companies(run(shipped, text))
    assert found["Hubei Xinming Chemicals Group Co. Ltd"].country == "CN"
    assert found["Jiangsu Hengda Medicine Co., Ltd."].country == "CN"


def test_the_country_of_money_or_people_in_a_measure_is_a_country_of_the_story(shipped: Gazetteer) -> None:
    text = (
        "Treasurer Ann Hall ordered Lanfeng Fund, whose sole director is a Chinese national, to sell its shares in "
        "Westrock Minerals. It is the second time the government has moved to block Chinese investment in the "
        "critical minerals sector."
    )
    assert "CN" in run(shipped, text).countries


def test_vehicles_spvs_and_linked_buyers(shipped: Gazetteer) -> None:
    text = (
        "The government ordered the sale to be unwound. The port operator was sold to a vehicle called Hampstead "
        "Bidco. The stake was held via an SPV, Atlas Bidco Ltd. Russian-linked Kinetic Holdings bought the terminal."
    )
    found = companies(run(shipped, text))
    assert "Hampstead Bidco" in found
    assert any(name.startswith("Atlas Bidco") for name in found)
    assert found["Kinetic Holdings"].country == "RU"


def test_a_firm_introduced_by_its_seat_in_dutch_and_german(shipped: Gazetteer) -> None:
    de = run(
        shipped,
        "Die Bundesregierung prüft den Verkauf. Der Käufer, die in Luxemburg registrierte Gesellschaft Tavira "
        "Holdings, gehört chinesischen Investoren. Hinter dem Investor steht der chinesische Staatsfonds CIC.",
        language="de",
    )
    assert companies(de)["Tavira Holdings"].country == "LU"
    assert "China Investment Corporation" in companies(de)
    nl = run(
        shipped,
        "Het kabinet onderzoekt de overname. De koper is het in Hongkong gevestigde Jiuzi Holdings.",
        language="nl",
    )
    assert companies(nl)["Jiuzi Holdings"].country == "HK"


def test_a_president_signing_an_executive_order_acts_for_the_government(shipped: Gazetteer) -> None:
    text = "US President Dana Ruiz signed an executive order banning transactions with Korsk Rail Group."
    ex = run(shipped, text)
    assert "US" in ex.countries
    assert any(a.country == "US" for a in ex.agencies)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Der französische Präsident Luc Morel unterzeichnete ein Dekret gegen Korsk Rail.", True),
        ("Der französische Präsident Luc Morel unterzeichnete ein Abkommen mit Korsk Rail.", False),
    ],
)
def test_a_leader_signing_a_decree_acts_but_signing_anything_does_not(
    shipped: Gazetteer, text: str, acts: bool
) -> None:
    ex = run(shipped, text, language="de")
    assert any(a.country == "FR" for a in ex.agencies) is acts


def test_a_known_firms_national_arm_is_its_own_company(shipped: Gazetteer) -> None:
    de = companies(
        run(
            shipped,
            "Die Bundesnetzagentur prüft die Verträge von Huawei Deutschland. "
            "Die Bundesregierung will Huawei verbieten.",
            language="de",
        )
    )
    assert de["Huawei Deutschland"].country == "DE"
    assert de["Huawei Deutschland"].parent == "Huawei Technologies"
    en = companies(run(shipped, "The government ordered Hikvision UK to remove cameras. Hikvision said it complied."))
    assert en["Hikvision UK"].parent == "Hikvision"


def test_a_title_before_its_holders_name_and_city_state_senates(shipped: Gazetteer) -> None:
    en = run(shipped, "The UK government ordered the sale. Business Secretary Ann Lee said the plant was a risk.")
    assert any("Business Secretary" in a.aliases for a in en.agencies if a.country == "GB")
    de = agencies(run(shipped, "Der Hamburger Senat begrüßte den Kompromiss zu Cosco.", language="de"))
    assert "Senate of Hamburg" in de


def test_french_executive_and_inquiry_committee(shipped: Gazetteer) -> None:
    text = (
        "L'exécutif a bloqué la vente de Segma. Le député Jean Martin, rapporteur de la commission d'enquête de "
        "l'Assemblée nationale, s'est félicité."
    )
    found = agencies(run(shipped, text, language="fr"))
    assert "exécutif" in found["Government of France"].aliases
    assert "commission d'enquête de l'Assemblée nationale" in found
