"""Concerns, from short invented texts in the four languages: what a concern is and is not (a denial,
a company's own answer); its categories, from the cue words for each danger; its subject, the companies a
case is about, before a witness, a rival or a side company; cases that name no company; the parties of a
screened transaction and the merging of a group's and its unit's cases; and the countries a story lists.
A concern's status and the body that acts are in test_extract_concern_status.py. No database, no corpus
files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import (
    by_category,
    cases,
    categories,
    companies,
    lead_by_category,
    run,
    small_gazetteer,
)
from tracker.ingest.extract import _measure_kind_of_its_body, _one_case_per_group
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction, FoundCompany, FoundConcern, Span


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return small_gazetteer()


def pairs(ex: Extraction) -> set[tuple[str, str]]:
    """(first company, category) of every concern."""
    return {(c.companies[0] if c.companies else "", cat) for c in ex.concerns for cat in c.categories}


def category_companies(ex: Extraction) -> set[tuple[str, str]]:
    """(category, company) for every company of every concern."""
    return {(cat, co) for c in ex.concerns for cat in c.categories for co in c.companies}


# -- a concern in outline --------------------------------------------------------------------------


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


def test_a_denial_is_not_a_concern(gaz: Gazetteer) -> None:
    ex = run(gaz, "Qilin Mobile denies that it ever shared user data or took part in espionage.")
    assert ex.concerns == []


def test_a_companys_own_answer_raises_no_concern(gaz: Gazetteer) -> None:
    text = (
        "Canada's government banned Harbourline inverters from the power grid. "
        "Harbourline said its devices meet every European rule and that customer data is stored in Europe."
    )
    quotes = [c.quote.quote for c in run(gaz, text).concerns]
    assert quotes and all("Harbourline said" not in q for q in quotes)


# -- categories: the danger a concern names --------------------------------------------------------


def test_data_needs_a_verb_of_access(gaz: Gazetteer) -> None:
    ex = run(gaz, "Qilin Mobile published data on its revenue. CFIUS fears Qilin could hand user data to Beijing.")
    assert [c.categories for c in ex.concerns if c.categories == ["data_access"]]
    quotes = [c.quote.quote for c in ex.concerns]
    assert not any("revenue" in q for q in quotes)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "De Staatsveiligheid waarschuwt dat het Chinese bedrijf Qingshan Robotics gegevens naar Peking kan sturen.",
            "nl",
        ),
        ("Das BSI warnt, die chinesische Firma Qingshan Robotics könnte Daten nach Peking schicken.", "de"),
        ("L'ANSSI craint que l'entreprise chinoise Qingshan Robotics puisse envoyer des données vers la Chine.", "fr"),
    ],
)
def test_sending_data_home_is_data_access_in_dutch_german_and_french(
    shipped: Gazetteer, text: str, language: str
) -> None:
    assert by_category(run(shipped, "Titel\n\n" + text, language=language))["data_access"][1] == ["Qingshan Robotics"]


def test_data_a_thing_does_not_send_is_no_danger(gaz: Gazetteer) -> None:
    text = (
        "CFIUS blocked the licence to Qilin Mobile. The chips analyse what a camera sees without sending data "
        "elsewhere."
    )
    assert "data_access" not in categories(run(gaz, text))


def test_dual_use_is_technology_transfer(gaz: Gazetteer) -> None:
    ex = run(gaz, "CFIUS blocked the licence to Qilin Mobile because the chips have dual-use applications.")
    assert "technology_transfer" in categories(ex)
    assert "critical_infrastructure" not in categories(ex)


def test_a_strategic_asset_controlled_by_a_foreign_firm_is_critical_infrastructure(gaz: Gazetteer) -> None:
    text = (
        "CFIUS has long worried about a strategic harbour on the northern coast being controlled by Harbourline, "
        "a company with close ties to the Chinese state."
    )
    assert by_category(run(gaz, text))["critical_infrastructure"][1] == ["Harbourline Group"]


def test_a_screening_body_makes_an_investment_screening_concern(gaz: Gazetteer) -> None:
    ex = run(gaz, "CFIUS is reviewing Qilin Mobile's purchase of a US chip designer over national security.")
    concern = next(c for c in ex.concerns if c.categories == ["investment_screening"])
    assert concern.status == "under_review"
    assert concern.agencies == ["Committee on Foreign Investment in the United States"]


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


def test_censorship_is_interference(shipped: Gazetteer) -> None:
    text = (
        "Estonia's cyber agency said phones made by the Chinese firm Lanting Mobile can detect and censor "
        "political terms. Lanting Mobile denies it."
    )
    assert "interference" in categories(run(shipped, text))


def test_a_5g_handset_is_no_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "Estonia's cyber agency found that the Chinese firm Lanting Mobile's Orca 12X 5G sends usage data to a "
        "server abroad. Its Orca 9 5G phone also had a flaw."
    )
    found = categories(run(shipped, text))
    assert "critical_infrastructure" not in found
    assert "data_access" in found


def test_5g_networks_stay_critical_infrastructure(shipped: Gazetteer) -> None:
    text = "Portugal's government banned equipment from the Chinese firm Lanting Mobile from its 5G networks."
    assert "critical_infrastructure" in categories(run(shipped, text))


def test_a_technology_said_to_move_abroad_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement portugais a imposé des règles au groupe chinois Lanting Mobile. Il craint que la "
        "technologie des capteurs, qui collectent des informations sur la route, ne soit transférée vers la Chine."
    )
    assert "technology_transfer" in categories(run(shipped, text))


def test_a_stopped_deal_is_a_screening_decision_but_a_way_round_one_is_not(shipped: Gazetteer) -> None:
    stopped = run(
        shipped,
        "The Portuguese government prohibited the acquisition of Tejo Optics by the Chinese firm Qinmu, "
        "citing the risk of espionage.",
    )
    assert "investment_screening" in categories(stopped)
    kept_out = run(
        shipped,
        "Portugal's government had a state bank buy the shares to keep the Chinese firm Qinmu Grid from acquiring "
        "a stake in the grid operator, to protect critical infrastructure.",
    )
    assert "investment_screening" not in categories(kept_out)


def test_turbines_that_can_be_switched_off_from_afar_are_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "Der Verfassungsschutz warnt vor Windturbinen des chinesischen Herstellers Mingfeng Wind. "
        "Die Turbinen könnten aus der Ferne abgeschaltet werden."
    )
    assert "critical_infrastructure" in categories(run(shipped, text))


def test_a_security_worry_without_danger_or_measure_is_still_a_case(shipped: Gazetteer) -> None:
    text = (
        "Lawmakers in Denmark have raised national security concerns about the Chinese shipping company Haixing "
        "Lines, which bought a 20 percent stake in a Danish port last year. Haixing Lines said its interest was "
        "purely commercial."
    )
    # about a port: critical infrastructure, as the corpus labels worries about a port's owner
    assert pairs(run(shipped, text)) == {("Haixing Lines", "critical_infrastructure")}


def test_the_federation_looking_into_a_stake_is_a_screening_review(shipped: Gazetteer) -> None:
    text = "Der Bund prüft den Einstieg des chinesischen Konzerns Haixing Lines beim Hafen Wilhelmshaven."
    ex = run(shipped, text)
    assert pairs(ex) == {("Haixing Lines", "investment_screening")}
    assert ex.concerns[0].status == "under_review"


def test_german_compounds_of_data_are_data_access(shipped: Gazetteer) -> None:
    text = (
        "Der Bundesnachrichtendienst hat Bedenken gegen die Beteiligung von Qingshan Shipping angemeldet. "
        "Er befürchtet, dass China über die Beteiligung Zugriff auf sensible Logistikdaten erhalten könnte."
    )
    assert "data_access" in categories(run(shipped, text, language="de"))


def test_unfair_state_subsidies_are_a_concern_of_their_own(shipped: Gazetteer) -> None:
    text = "De Europese Commissie vermoedt dat Qingshan Shipping oneerlijke staatssteun heeft ontvangen."
    assert "other" in categories(run(shipped, text, language="nl"))


def test_german_infrastructure_compounds_are_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "Sechs Ministerien hatten sich gegen den Einstieg von Qingshan Shipping ausgesprochen, weil er den Einfluss "
        "Chinas auf die deutsche Verkehrsinfrastruktur ausweite."
    )
    assert "critical_infrastructure" in categories(run(shipped, text, language="de"))


def test_protecting_the_technology_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Rome blocked the sale to Qingshan Shipping, saying the deal posed a risk for the protection of the technology."
    )
    assert "technology_transfer" in categories(run(shipped, text, language="en"))


def test_a_chinese_military_companies_listing_is_a_sanction(shipped: Gazetteer) -> None:
    text = (
        "The Department of Defense has added the Chinese drone maker Qingshan Drones to its Chinese military "
        "companies list."
    )
    assert categories(run(shipped, text, language="en")) == {"sanctions"}


def test_technology_for_a_foreign_military_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "The business secretary blocked the acquisition of Kestrel Design by Hong Kong-registered Jade Orbit "
        "Holding. The government said there was a risk that the technology could be used by the Chinese military."
    )
    assert "technology_transfer" in by_category(run(shipped, text))


@pytest.mark.parametrize(
    "danger",
    [
        "the technology could strengthen China's defence and space capabilities",
        "the technology could go abroad",
    ],
)
def test_technology_for_defence_or_leaving_the_country_is_transfer(shipped: Gazetteer, danger: str) -> None:
    text = (
        "The business secretary blocked the acquisition of Kestrel Design by Hong Kong-registered Jade Orbit "
        f"Holding. The government said there was a risk that {danger}."
    )
    assert "technology_transfer" in by_category(run(shipped, text))


def test_a_foreign_grip_on_ports_is_an_infrastructure_danger(shipped: Gazetteer) -> None:
    text = (
        "De Staatsveiligheid waarschuwt voor de toenemende greep van Chinese investeerders op de Belgische "
        "havens. In Zeebrugge baat het Chinese Zhonghai Shipping een terminal uit."
    )
    assert any("critical_infrastructure" in c.categories for c in run(shipped, text).concerns)


def test_embargo_plural_is_sanctions(shipped: Gazetteer) -> None:
    text = (
        "Wegen des Embargos gegen russisches Öl verweigerten Banken die Zusammenarbeit mit dem russischen "
        "Staatskonzern Rosneft, erklärte die Bundesregierung."
    )
    assert any("sanctions" in c.categories for c in run(shipped, text).concerns)


def test_knowledge_into_chinese_hands_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet laat de overname van een Eindhovense chipontwerper door Huawei Technologies toetsen. "
        "Kamerleden vrezen dat kennis van de Nederlandse chipsector zo in Chinese handen zou komen."
    )
    assert any("technology_transfer" in c.categories for c in run(shipped, text).concerns)


def test_watching_ship_or_flight_movements_is_espionage(shipped: Gazetteer) -> None:
    en = "US officials fear Huawei Technologies would be in a position to monitor US ship movements in the port."
    nl = (
        "Het Chinese bedrijf Huawei Technologies heeft een distributiecentrum naast de vliegbasis gekocht. "
        "Volgens de inlichtingendienst kan het centrum worden gebruikt om vliegbewegingen te volgen."
    )
    for text in (en, nl):
        assert any("espionage" in c.categories for c in run(shipped, text).concerns), text


def test_collecting_information_on_military_movements_is_espionage_in_french(shipped: Gazetteer) -> None:
    text = (
        "La DGSI surveille un terminal exploité par Qingshan Ports, une société chinoise. Les services craignent "
        "qu'il ne serve à recueillir des renseignements sur les mouvements de troupes."
    )
    assert any("espionage" in c.categories for c in run(shipped, text, language="fr").concerns)


def test_monitoring_naval_activity_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Sweden's security service warned against selling land next to the port to Qingshan Marine, a Chinese "
        "company. It said the site could be used to monitor naval activity in the Baltic Sea."
    )
    assert ("Qingshan Marine", "espionage") in pairs(run(shipped, text, language="en"))


def test_knowledge_ending_up_with_the_army_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van een scheepswerf aan het Chinese Huawei Technologies verboden. Het "
        "ministerie vreesde dat militaire kennis bij het Volksbevrijdingsleger terecht zou komen."
    )
    assert any("technology_transfer" in c.categories for c in run(shipped, text).concerns)


def test_company_complaint_of_interference_raises_no_interference_case(shipped: Gazetteer) -> None:
    text = (
        "Het ministerie van Economische Zaken heeft ingegrepen bij het Chinese Huawei Technologies omdat kennis "
        "naar China zou worden overgebracht. Huawei Technologies spreekt van 'buitensporige inmenging'."
    )
    ex = run(shipped, text)
    cats = {cat for c in ex.concerns for cat in c.categories}
    assert "technology_transfer" in cats and "interference" not in cats


def test_chip_supply_is_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "Volgens het ministerie zou het beleid van het Chinese Huawei Technologies de beschikbaarheid van chips "
        "voor de Europese auto-industrie in gevaar kunnen brengen."
    )
    assert any("critical_infrastructure" in c.categories for c in run(shipped, text).concerns)


def test_telecommunications_equipment_is_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "The regulator said it was banning approvals of new telecommunications equipment from the Chinese "
        "makers Qiantel and Hongwei Networks."
    )
    assert "critical_infrastructure" in lead_by_category(run(shipped, text))


def test_ausspioniert_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Die Behörde warnt vor Software des russischen Herstellers Volkov Soft. Ein russischer Hersteller könne "
        "ohne seine Kenntnis ausspioniert werden, hieß es."
    )
    assert "espionage" in lead_by_category(run(shipped, text))


def test_technical_knowledge_flowing_abroad_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Einstieg des chinesischen Konzerns Huaxin Holdings bei dem Zulieferer untersagt. "
        "Es bestehe das Risiko, dass technisches Wissen an China abfließt."
    )
    assert "technology_transfer" in lead_by_category(run(shipped, text))


def test_a_states_own_espionage_is_not_the_companys_case(shipped: Gazetteer) -> None:
    text = (
        "Sweden's telecoms regulator has banned equipment from Huawei from its 5G networks.\n\n"
        '"The Chinese state is conducting cyber espionage to advance its own industry," the security service said.'
    )
    assert "espionage" not in lead_by_category(run(shipped, text))


def test_political_pressure_is_interference(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung sieht den Einstieg des chinesischen Konzerns Huawei Technologies bei einem Stadtwerk "
        "kritisch. Der Konzern könne über die Beteiligung politischen Druck auf die Stadt ausüben, heißt es."
    )
    assert ("interference", "Huawei Technologies") in category_companies(run(shipped, text))


def test_lobbying_campaign_is_interference(shipped: Gazetteer) -> None:
    text = (
        "The Dutch security service AIVD says the Chinese firm ZTE Corporation ran a lobbying effort aimed at "
        "members of parliament, and is monitoring its contacts."
    )
    assert ("interference", "ZTE Corporation") in category_companies(run(shipped, text))


def test_german_spioniert_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Verfassungsschutz warnt: Über die Geräte von Huawei Technologies spioniert Peking "
        "womöglich deutsche Unternehmen aus."
    )
    assert ("espionage", "Huawei Technologies") in category_companies(run(shipped, text))


def test_technological_sovereignty_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Économie a bloqué le rachat par le groupe chinois Huawei Technologies, estimant que "
        "les engagements proposés ne protégeaient pas la souveraineté technologique du pays."
    )
    assert ("technology_transfer", "Huawei Technologies") in category_companies(run(shipped, text))


def test_dutch_kennis_weglekt_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet vreest dat via de overname door het Chinese ZTE Corporation kennis weglekt, en laat de deal "
        "onderzoeken."
    )
    assert ("technology_transfer", "ZTE Corporation") in category_companies(run(shipped, text))


def test_information_gathering_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Le service de renseignement craint que le terminal exploité par le groupe chinois ZTE Corporation "
        "permette une collecte d'informations sur les convois qui y transitent."
    )
    assert ("espionage", "ZTE Corporation") in category_companies(run(shipped, text))


def test_remote_switch_off_with_modal_is_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "De toezichthouder gaat onderzoeken of de omvormers van het Chinese Huawei Technologies op afstand "
        "kunnen worden uitgeschakeld."
    )
    assert ("critical_infrastructure", "Huawei Technologies") in category_companies(run(shipped, text))


# -- the subject: which companies a case is about --------------------------------------------------


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


def test_a_target_sold_to_an_unnamed_foreign_buyer_is_the_case(gaz: Gazetteer) -> None:
    text = (
        "Das Kabinett untersagte den Erwerb des Unternehmens Borvex Electronic durch einen chinesischen Investor. "
        "Borvex stellt Kühlsysteme her."
    )
    ex = run(gaz, text)
    concern = next(c for c in ex.concerns if c.categories == ["investment_screening"])
    assert concern.companies[0] == "Borvex Electronic" and concern.status == "blocked"


def test_the_buyer_in_a_sale_to_is_the_subject_and_not_the_company_sold(gaz: Gazetteer) -> None:
    text = (
        "Canada has blocked the sale of engine maker Fjordmotor to Volga Rail International, a Russian firm. "
        "Fjordmotor builds engines for the navy. Fjordmotor employs 900 people. Fjordmotor was founded in 1946. "
        "The government said the deal was a risk to national security."
    )
    ex = run(gaz, text)
    assert ex.concerns
    assert ex.concerns[0].companies[0] == "Volga Rail International"


def test_kit_at_a_site_makes_a_site_case_but_a_nearby_site_does_not(shipped: Gazetteer) -> None:
    text = (
        "Portugal's government ordered the Chinese-backed firm Qinmu Partners to divest, citing espionage. "
        "Qinmu Partners had bought land a mile from Montejunto Air Base in 2022."
    )
    espionage = [c for c in run(shipped, text).concerns if "espionage" in c.categories]
    assert len(espionage) == 1


def test_the_supplier_chosen_instead_is_not_a_subject(shipped: Gazetteer) -> None:
    text = (
        "Portugal banned the Chinese firm Lanting Mobile from its 5G networks. "
        "One operator has chosen Ericsson and Nokia for its 5G network, while another used Lanting Mobile kit."
    )
    assert {name for name, _cat in pairs(run(shipped, text))} == {"Lanting Mobile"}


def test_the_buyer_not_the_target_is_the_subject() -> None:
    small = Gazetteer(
        companies=[
            {"name": "Corvane", "aliases": [], "country": "US", "parent": None},
            {"name": "Belmoray", "aliases": [], "country": "CA", "parent": None},
        ],
        agencies=[],
        outlets=[],
    )
    text = (
        "Le groupe américain Corvane a renoncé au rachat du canadien Belmoray, après le refus du gouvernement "
        "français d'autoriser l'opération. Belmoray, basé à Montréal, emploie 900 personnes; Belmoray a pris acte. "
        "Depuis 2020, le gouvernement français a abaissé le seuil du contrôle des investissements étrangers."
    )
    ex = run(small, text)
    assert ("Corvane", "investment_screening") in pairs(ex)
    assert all(c.companies[0] != "Belmoray" for c in ex.concerns)


def test_unnamed_linked_investors_leave_the_target_as_the_subject(shipped: Gazetteer) -> None:
    text = (
        "The Australian government ordered five Chinese-linked investors to sell their shares in the miner Karrow "
        "Rare Earths, an Australian company. Karrow Rare Earths sells its ore to the Chinese group Hengda Metals, "
        "and Hengda Metals has a plant near Perth."
    )
    screening = [c for c in run(shipped, text).concerns if "investment_screening" in c.categories]
    assert screening and screening[0].companies[0] == "Karrow Rare Earths"


def test_the_company_that_found_the_flaw_is_a_witness_not_a_subject(shipped: Gazetteer) -> None:
    text = (
        "Britain's security services are examining whether buses made by the Chinese manufacturer Yuwei Motors "
        "could be switched off remotely, after Norwegian operator Fjordbuss found that the maker had remote access "
        "to their control systems. Fjordbuss said tests showed that Yuwei Motors could access battery data."
    )
    ex = run(shipped, text)
    assert {name for name, _cat in pairs(ex)} == {"Yuwei Motors"}
    assert "data_access" in categories(ex)  # the witness speaks of the maker: the maker's case


def test_a_company_listed_with_a_foreign_subject_under_a_measure_is_a_subject(shipped: Gazetteer) -> None:
    text = (
        "The U.S. Commerce Department on Tuesday added Chinese drone maker Skyfold Robotics and surveillance "
        "camera firm Lumina Vision to its entity list. Skyfold said it would challenge the listing."
    )
    assert pairs(run(shipped, text)) == {("Skyfold Robotics", "sanctions"), ("Lumina Vision", "sanctions")}


def test_a_banned_sale_to_a_described_buyer_is_the_buyer_s_blocked_deal(shipped: Gazetteer) -> None:
    text = (
        "Den Haag. Het kabinet heeft de verkoop van het Eindhovense chipbedrijf Optiwave aan het Chinese "
        "investeringsfonds Jinhua Capital verboden. Volgens minister van Economische Zaken vormt de overname een "
        "risico, omdat "
        "gevoelige technologie in Chinese handen zou komen. Optiwave zegt het besluit te betreuren."
    )
    ex = run(shipped, text)
    assert pairs(ex) == {("Jinhua Capital", "investment_screening"), ("Jinhua Capital", "technology_transfer")}
    assert {c.status for c in ex.concerns} == {"blocked"}
    assert "CN" in ex.countries


def test_a_case_led_by_a_deals_target_is_the_buyers(shipped: Gazetteer) -> None:
    title = "Chinesischer Investor zieht Angebot für Kestrel Metall zurück – Regierung hält ihr Veto bereit"
    text = (
        f"{title}\n\nDie Regierung wollte erstmals den Kauf eines deutschen Unternehmens durch einen chinesischen "
        "Investor untersagen. Nun hat der Staatskonzern Qingshan Shipping sein Angebot für den Maschinenbauer Kestrel "
        "Metall zurückgezogen; das Kabinett hätte die Übernahme verboten."
    )
    screening = [
        c for c in run(shipped, text, title=title, language="de").concerns if "investment_screening" in c.categories
    ]
    assert [c.companies[0] for c in screening] == ["Qingshan Shipping"]
    assert screening[0].status == "blocked"


def test_a_fear_about_two_firms_named_together_is_a_case_for_each(shipped: Gazetteer) -> None:
    text = (
        "De Tsjechische cyberdienst NÚKIB waarschuwt voor apparatuur van de Chinese bedrijven Qingshan Shipping en "
        "Harbourline. Volgens de dienst bestaat het risico dat de apparatuur wordt gebruikt voor spionage."
    )
    spying = {c.companies[0] for c in run(shipped, text, language="nl").concerns if "espionage" in c.categories}
    assert spying == {"Qingshan Shipping", "Harbourline"}


def test_the_buyer_named_after_durch_in_the_next_sentence_is_the_case(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Verkauf der Chipfertigung des Halbleiterherstellers Rheinchip an einen "
        "chinesischen Investor untersagt. Das Kabinett stoppte die Übernahme durch die schwedische Firma "
        "Nordwafer, eine Tochter des chinesischen Konzerns Huaxin Micro."
    )
    screening = [c for c in run(shipped, text).concerns if "investment_screening" in c.categories]
    assert len(screening) == 1
    assert screening[0].status == "blocked"


def test_a_ban_no_case_took_up_is_a_case_of_its_own(shipped: Gazetteer) -> None:
    text = (
        "CFIUS is reviewing the purchase of the app Quickclip by ByteDance, over fears that it could hand "
        "sensitive information on users to Beijing. The app could be sold off as the government demands. "
        "Separately, a new law bars Quickclip from government-issued devices."
    )
    found = {(cat, c.status) for c in run(shipped, text).concerns for cat in c.categories}
    assert ("other", "banned") in found


def test_sentence_without_company_goes_on_about_the_one_before(shipped: Gazetteer) -> None:
    text = (
        "The UK government has ordered Huawei Technologies to sell a chip plant. Officials told "
        "Huawei Technologies to sell within months. Huawei Technologies said it would appeal. "
        "In a separate order, the government blocked ZTE Corporation from buying a British design firm. "
        "The order said the technology could be used by the Chinese military."
    )
    found = cases(run(shipped, text))
    assert ("technology_transfer", "blocked", "ZTE Corporation") in found


def test_the_target_beside_its_holder_is_not_a_second_subject(shipped: Gazetteer) -> None:
    text = (
        "The government has imposed conditions on Huawei Technologies, which holds 37 per cent of ZTE Corporation. "
        "Under the measures, ZTE Corporation's management must remain independent of Huawei Technologies, and "
        "data on its users must be shielded from the Chinese shareholder."
    )
    ex = run(shipped, text)
    assert ex.concerns and all(c.companies[0] == "Huawei Technologies" for c in ex.concerns)


def test_unnamed_investor_named_in_the_next_sentence_is_the_subject(shipped: Gazetteer) -> None:
    text = (
        "US-Präsident Barack Obama hat die Übernahme des deutschen Anlagenbauers Heltron durch einen chinesischen "
        "Investor untersagt. Die China Investment Corporation darf das Unternehmen nicht kaufen, teilte das Weiße "
        "Haus mit. Obama folgte einer Empfehlung des CFIUS."
    )
    found = lead_by_category(run(shipped, text))
    assert found["investment_screening"][0] == "China Investment Corporation"
    assert found["investment_screening"][1] == "blocked"


def test_companies_in_a_measure_with_no_danger_share_the_main_case(shipped: Gazetteer) -> None:
    text = (
        "The regulator said it was banning approvals of new telecommunications equipment from Huawei.\n\n"
        "The rules also bar the sale of some cameras made by Hikvision and Dahua Technology."
    )
    found = {(c.companies[0], cat, c.status) for c in run(shipped, text).concerns for cat in c.categories}
    assert ("Dahua Technology", "critical_infrastructure", "banned") in found


def test_side_company_barred_alone_is_its_own_case(shipped: Gazetteer) -> None:
    text = (
        "The regulator is investigating ZTE Corporation over espionage risks.\n\n"
        "Earlier it designated Hikvision as a threat, barring carriers from using subsidies to buy its gear."
    )
    found = run(shipped, text)
    assert any(c.companies[:1] == ["Hikvision"] and c.categories == ["other"] for c in found.concerns)


def test_parent_and_unit_together_outweigh_a_side_company(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission revoked the licence of China Telecom Americas, the US unit of "
        "China Telecom, citing espionage risks.\n\n"
        "China Telecom Americas said it would appeal the decision of the US regulator.\n\n"
        "In 2019 the FCC refused an application by China Mobile. China Mobile remains barred from the US market.\n"
    )
    found = run(shipped, text)
    esp = [c for c in found.concerns if "espionage" in c.categories]
    assert esp and esp[0].companies[:2] == ["China Telecom Americas", "China Telecom"]
    # the side company's case is told in its own sentence, not in the main company's
    assert all("China Mobile" in c.quote.quote for c in found.concerns if c.companies[0] == "China Mobile")


# -- cases that name no company --------------------------------------------------------------------


def test_a_story_naming_no_company_still_states_its_case(shipped: Gazetteer) -> None:
    text = (
        "The Swedish Security Service has warned that Chinese buyers have bought land close to a test range in "
        "northern Sweden, and that the purchases could be used for espionage. The service said it was monitoring "
        "the situation. Local officials said they had not been told who the buyers were."
    )
    ex = run(shipped, text)
    assert ex.companies == []
    assert [(c.categories, c.companies) for c in ex.concerns] == [(["espionage"], [])]
    assert {"CN", "SE"} <= set(ex.countries)


def test_a_story_naming_no_company_and_no_foreign_party_states_no_case(shipped: Gazetteer) -> None:
    text = "The Swedish government said the new law on espionage would come into force in July."
    assert run(shipped, text).concerns == []


def test_a_warning_about_a_countrys_firms_before_the_named_one_is_a_case_without_company(shipped: Gazetteer) -> None:
    text = (
        "Volgens de inlichtingendienst kunnen Chinese bedrijven in de havens gevoelige informatie verzamelen "
        "voor spionage. De dienst wijst op de Chinese inlichtingenwet van 2017. "
        "In de haven van Zeebrugge levert het Chinese Huawei Technologies de netwerkapparatuur. "
        "De Staatsveiligheid volgt dat nauwgezet op."
    )
    ex = run(shipped, text)
    assert any(not c.companies and "espionage" in c.categories for c in ex.concerns)


def test_counted_firms_are_the_named_ones_not_firms_in_general(shipped: Gazetteer) -> None:
    text = (
        "Three Chinese companies have been told by Canada's government to sell their holdings in lithium "
        "miners. Sinomine (Hong Kong) Rare Metals Resources must sell its holding in Power Metals."
    )
    assert all(c.companies for c in run(shipped, text).concerns)


def test_another_countrys_law_against_a_countrys_makers_is_an_unnamed_ban(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung prüft, ob sie Wechselrichter von Huawei in Solaranlagen beschränken soll. "
        "Das BSI warnt, die Geräte könnten aus der Ferne abgeschaltet werden. Litauen hat bereits ein Gesetz "
        "verabschiedet, das chinesischen Herstellern den Fernzugriff auf Solaranlagen untersagt."
    )
    ex = run(shipped, text)
    unnamed = [c for c in ex.concerns if not c.companies]
    assert [(c.categories, c.status) for c in unnamed] == [(["critical_infrastructure"], "banned")]
    named = [c for c in ex.concerns if c.companies]
    assert {c.status for c in named} == {"under_review"}


# -- the parties of a screened transaction; a group's and its unit's cases -------------------------


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


def test_the_buyer_after_by_in_a_takeover_is_named_in_its_groups_concern(gaz: Gazetteer) -> None:
    text = (
        "De overname van het Nijmeegse Vortal door chipmaker Nordlicht Cloud, een dochter van het Chinese "
        "Harbourline, wordt onderzocht door de toezichthouder. Harbourline zegt mee te werken. "
        "Harbourline is volgens experts een staatsbedrijf."
    )
    (concern,) = run(gaz, text).concerns
    # the target under review is a party of the case too (after the buyer's group)
    assert concern.companies == ["Harbourline Group", "Nordlicht Cloud", "Vortal"]


def test_an_owned_subsidiary_in_the_host_country_is_a_party_to_the_case() -> None:
    small = Gazetteer(
        companies=[
            {"name": "Qinmu Holdings", "aliases": ["Qinmu"], "country": "CN", "parent": None},
            {"name": "Velderchip", "aliases": [], "country": "NL", "parent": "Qinmu Holdings"},
        ],
        agencies=[
            {"name": "Dutch government", "aliases": ["kabinet"], "country": "NL", "kind": "other", "acronym": ""},
        ],
        outlets=[],
    )
    text = (
        "Het kabinet grijpt in bij chipbedrijf Velderchip, dat in handen is van het Chinese Qinmu. "
        "Het kabinet wil voorkomen dat technologische kennis en capaciteiten naar China verdwijnen. "
        "Qinmu noemt dat buitensporig. Qinmu is beursgenoteerd in Shanghai."
    )
    ex = run(small, text)
    assert any("Velderchip" in c.companies for c in ex.concerns if "technology_transfer" in c.categories)


def test_a_screening_case_involves_every_party_of_the_deal(shipped: Gazetteer) -> None:
    text = (
        "The Norwegian government has blocked the sale of Nordvik Marine AS, a shipyard near Bergen, "
        "to Harbourline Holdings, a Chinese state-owned group, citing national security. "
        "Harbourline Holdings had agreed to pay 120 million euros for the yard."
    )
    ex = run(shipped, text)
    screening = [c for c in ex.concerns if "investment_screening" in c.categories]
    assert screening
    names = {n for c in screening for n in c.companies}
    assert {"Nordvik Marine AS", "Harbourline Holdings"} <= names


def test_a_company_with_a_case_of_its_own_is_not_added_to_another(shipped: Gazetteer) -> None:
    from tracker.ingest.extract import _transaction_parties
    from tracker.ingest.types import FoundCompany, FoundConcern, Span

    quote = Span(0, 4, "text")
    first = FoundConcern(["investment_screening"], "blocked", quote, companies=["Alpha Ports"])
    second = FoundConcern(["investment_screening"], "blocked", quote, companies=["Beta Chips"])
    ban = FoundConcern(["espionage"], "banned", quote, companies=["Gamma Phones"])
    companies = [FoundCompany(name=n) for n in ["Alpha Ports", "Beta Chips", "Gamma Phones", "Delta Fund"]]
    _transaction_parties([first, second, ban], companies)
    assert first.companies == ["Alpha Ports", "Delta Fund"]
    assert second.companies == ["Beta Chips", "Delta Fund"]
    assert ban.companies == ["Gamma Phones"]  # a ban is not a transaction


def test_a_danger_of_a_company_under_screening_involves_the_deals_parties_too() -> None:
    from tracker.ingest.extract import _transaction_parties
    from tracker.ingest.types import FoundCompany, FoundConcern, Span

    quote = Span(0, 4, "text")
    review = FoundConcern(["investment_screening"], "under_review", quote, companies=["Alpha Energy"])
    danger = FoundConcern(["espionage"], "banned", quote, companies=["Alpha Energy"])
    companies = [FoundCompany(name=n) for n in ["Alpha Energy", "Alpha Energy America"]]
    _transaction_parties([review, danger], companies)
    assert danger.companies == ["Alpha Energy", "Alpha Energy America"]


def test_a_parent_and_its_buying_unit_share_one_case(shipped: Gazetteer) -> None:
    text = (
        "Rome has used its golden power rules to veto the purchase of seed producer Veldzaad by Harbourline Crop "
        "Protection, the Swiss-based agrochemicals business owned by China's state-run Qingshan Shipping. "
        "Italy vetoes Qingshan Shipping's seed deal, a person familiar with the matter said."
    )
    ex = run(shipped, text, language="en")
    assert len([c for c in ex.concerns if "investment_screening" in c.categories]) == 1
    assert companies(ex)["Harbourline Crop Protection"].parent == "Qingshan Shipping"


def test_cases_of_a_parent_and_its_unit_merge_into_the_units() -> None:
    quote = Span(0, 4, "Veto")
    parent = FoundConcern(["investment_screening"], "under_review", quote, companies=["Group"], agencies=["Rome"])
    unit = FoundConcern(["investment_screening"], "blocked", Span(5, 9, "Deal"), companies=["Unit", "Target"])
    other = FoundConcern(["espionage"], "monitoring", quote, companies=["Group"])
    merged = _one_case_per_group([parent, unit, other], [FoundCompany("Unit", parent="Group"), FoundCompany("Group")])
    assert merged == [unit, other]
    assert (unit.status, unit.companies, unit.agencies) == ("blocked", ["Unit", "Target", "Group"], ["Rome"])
    assert quote in unit.evidence


# -- the countries a story lists -------------------------------------------------------------------


def test_a_third_country_measure_with_a_late_verb_adds_the_country(gaz: Gazetteer) -> None:
    text = (
        "Berlijn sluit Qilin Mobile uit van het 5G-netwerk uit vrees voor spionage. Landen als het Verenigd "
        "Koninkrijk en Zweden hadden de Chinese leveranciers al veel eerder geweerd."
    )
    assert {"GB", "SE"} <= set(run(gaz, text).countries)


def test_a_country_that_acted_in_a_relative_clause_is_listed(shipped: Gazetteer) -> None:
    text = (
        "Portugal banned the Chinese firm Lanting Mobile from its 5G networks. The move follows that of Norway, "
        "which in July ordered Lanting Mobile kit to be stripped out."
    )
    assert "NO" in run(shipped, text).countries


def test_a_country_that_refused_is_listed(shipped: Gazetteer) -> None:
    text = (
        "De Douane gebruikt scanners van het Chinese Lanting Mobile, wat Kamerleden zorgen baart over spionage. "
        "Noorwegen weigerde eerder de scanners te installeren."
    )
    assert "NO" in run(shipped, text).countries


def test_the_owners_country_of_a_party_is_listed(shipped: Gazetteer) -> None:
    for text in (
        "Portugal's government ordered the Chinese-owned firm Tejo Wafers to sell its plant, citing know-how.",
        "Portugal's government ordered Tejo Wafers, majority owned by Chinese nationals, to sell its plant.",
    ):
        assert "CN" in run(shipped, text).countries


def test_a_subject_introduced_by_its_country_brings_that_country(shipped: Gazetteer) -> None:
    for text in (
        "Het kabinet laat onderzoeken of de overname van een belang in een Rotterdamse terminal door het Chinese "
        "staatsbedrijf Haiyun Havens een risico vormt. Haiyun Havens zegt alleen commerciële belangen te hebben.",
        "Das Bundesamt für Verfassungsschutz warnt vor Windkraftanlagen des chinesischen Herstellers Mingfeng "
        "Wind. Über die Anlagen könnten sensible Daten abfließen.",
    ):
        assert "CN" in run(shipped, text).countries


def test_the_country_of_money_or_people_in_a_measure_is_a_country_of_the_story(shipped: Gazetteer) -> None:
    text = (
        "Treasurer Ann Hall ordered Lanfeng Fund, whose sole director is a Chinese national, to sell its shares in "
        "Westrock Minerals. It is the second time the government has moved to block Chinese investment in the "
        "critical minerals sector."
    )
    assert "CN" in run(shipped, text).countries


def test_the_supplier_operators_picked_is_no_subject(gaz: Gazetteer) -> None:
    text = (
        "Les opérateurs doivent exclure Qilin Mobile du cœur du réseau 5G. Proximus et Orange Belgium ont "
        "annoncé qu'ils avaient retenu l'équipementier finlandais Nokia pour moderniser leur réseau."
    )
    assert all("Nokia" not in c.companies[:1] for c in run(gaz, text).concerns)


def test_a_services_report_speaks_even_when_it_names_foreign_services(shipped: Gazetteer) -> None:
    text = (
        "Le Service de renseignement de la Confédération (SRC) a présenté lundi son rapport annuel à Berne. "
        "Les services de renseignement russes restent très actifs à Genève. Pour le service, la menace que "
        "représentent les activités d'espionnage étrangères, avant tout chinoises, demeure élevée."
    )
    assert "espionage" in {cat for c in run(shipped, text).concerns for cat in c.categories}


def test_a_country_where_a_measure_was_taken_is_involved(gaz: Gazetteer) -> None:
    text = (
        "Le Conseil national de sécurité interdit l'application de Qilin Mobile sur les téléphones de service des "
        "fonctionnaires fédéraux belges. Aux États-Unis, une loi adoptée fin 2022 interdit déjà l'application sur "
        "les appareils de l'administration."
    )
    assert "US" in run(gaz, text).countries


def test_a_host_country_unit_of_a_foreign_parent_is_the_foreign_subject(shipped: Gazetteer) -> None:
    text = (
        "WASHINGTON (Reuters) - The U.S. Federal Communications Commission on Tuesday voted to revoke the "
        "authorization for Kilnworks Americas, the U.S. subsidiary of one of China's biggest state-owned carriers, "
        "to operate in the United States, citing national security risks.\n\n"
        "The 4-0 vote gives Herndon, Virginia-based Kilnworks Americas 60 days to stop providing services in the "
        "United States. The unit is owned by Kilnworks Telecom Corp Ltd, which is majority-controlled by the "
        "Chinese state.\n\n"
        "In 2019 the FCC rejected China Mobile's bid to provide telecommunications services in the United States, "
        "citing national security."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].companies[0] == "Kilnworks Americas"


def test_a_home_firms_own_network_is_no_danger_from_the_foreign_investor(shipped: Gazetteer) -> None:
    text = (
        "TOKYO - Japanese authorities will monitor e-commerce firm Sakura Rakuichi after a unit of China's "
        "Kilnworks Holding became a major shareholder, amid concerns that customer information could leak to "
        "China.\n\nThe fundraising is meant to help Sakura Rakuichi pay for the rollout of its mobile network."
    )
    found = {(cat, c.status) for c in run(shipped, text).concerns for cat in c.categories}
    assert ("data_access", "monitoring") in found
    assert "critical_infrastructure" not in {cat for cat, _status in found}


@pytest.mark.parametrize(
    "denial",
    ["a claim the company denies", "which it denies", "but Kilnworks Holding has denied the allegations"],
)
def test_a_company_denying_the_charge_leaves_the_measure_standing(shipped: Gazetteer, denial: str) -> None:
    text = (
        "In 2019 the US Commerce Department added Kilnworks Holding to its entity list, accusing it of "
        f"supplying the Chinese military, {denial}."
    )
    assert "sanctions" in {cat for c in run(shipped, text).concerns for cat in c.categories}


def test_ties_to_an_intelligence_service_are_espionage(shipped: Gazetteer) -> None:
    text = (
        "De Staatsveiligheid waarschuwde voor de Chinese netbeheerder Kilnworks Holding. Volgens de brief zou "
        "Kilnworks Holding banden hebben met de Chinese inlichtingendiensten."
    )
    assert "espionage" in {cat for c in run(shipped, text, language="nl").concerns for cat in c.categories}


def test_pressure_on_the_government_is_no_interference_by_the_firm(shipped: Gazetteer) -> None:
    text = (
        "Bercy a refusé le rachat d'Ostrava Optique par Kilnworks Holding. Entre-temps, la pression politique "
        "était montée d'un cran."
    )
    assert "interference" not in {cat for c in run(shipped, text, language="fr").concerns for cat in c.categories}


def test_the_buyer_described_at_length_leads_the_case(shipped: Gazetteer) -> None:
    text = (
        "Seoul-based Hanbit Semiconductor has called off its planned sale to Chinese private equity firm "
        "Kilnworks Capital after failing to win the approval of the Committee on Foreign Investment in the "
        "United States. Hanbit Semiconductor's chief executive had said Kilnworks Capital was a purely "
        "financial investor that would not interfere in management."
    )
    ex = run(shipped, text)
    screening = [c for c in ex.concerns if "investment_screening" in c.categories]
    assert screening and screening[0].companies[0] == "Kilnworks Capital"
    assert "interference" not in {cat for c in ex.concerns for cat in c.categories}


def test_a_measure_on_both_bidders_is_a_case_of_each(shipped: Gazetteer) -> None:
    text = (
        "The Federal Government has moved to block the sale of electricity network Ostrava Grid to two foreign "
        "bidders, declaring both offers contrary to the national interest. The only two bidders were Kilnworks "
        "Holding, the Chinese Government-owned power utility, and Hong Kong-listed Lumin Infrastructure."
    )
    ex = run(shipped, text)
    assert "Chinese Government" not in {c.name for c in ex.companies}
    leads = {c.companies[0] for c in ex.concerns if "investment_screening" in c.categories}
    assert {"Kilnworks Holding", "Lumin Infrastructure"} <= leads


@pytest.mark.parametrize(
    ("text", "category", "status"),
    [
        (
            "The European Commission cleared Qilin Mobile's takeover of Danube Telecom after Qilin Mobile offered "
            "commitments in the first in-depth review under the Foreign Subsidies Regulation.",
            "investment_screening",
            "approved_with_conditions",
        ),
        (
            "Saudi group Qilin Mobile needs the government's authorization, which is still pending, before it can "
            "exercise its voting rights in Iberia Telecom.",
            "investment_screening",
            "under_review",
        ),
    ],
)
def test_foreign_subsidy_reviews_and_pending_authorisations(
    shipped: Gazetteer, text: str, category: str, status: str
) -> None:
    found = by_category(run(shipped, text))
    assert category in found
    assert found[category][0] == status


def test_a_strategic_company_is_no_infrastructure_by_that_word_alone(shipped: Gazetteer) -> None:
    # labellers keep "critical infrastructure" for networks, ports, grids: "actifs stratégiques" and
    # "a strategic asset" said of a drone or night-vision maker are the screening's reason, no danger of its own
    text = (
        "Rome set conditions on Turkish group Qarda Defence's takeover of Piavento Aerospace under its golden "
        "power rules. The industry minister called Piavento a strategic asset for the country."
    )
    assert "critical_infrastructure" not in by_category(run(shipped, text))


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        (
            "Die Bundesregierung hat den Verkauf von Ostwerk an Kilnworks Holding untersagt, weil die Gefahr bestehe, "
            "dass Technologie an Erwerber aus Nicht-EU-Staaten abfließe.",
            "de",
            "technology_transfer",
        ),
        (
            "In Zuid-Korea werd gevreesd dat waardevolle kennis over chips zo via Kilnworks Holding naar China zou "
            "verdwijnen.",
            "nl",
            "technology_transfer",
        ),
        (
            "The Treasurer blocked the bid by Kilnworks Holding for Sydney Grid, citing the critical electricity and "
            "communications services the network provides.",
            "en",
            "critical_infrastructure",
        ),
        (
            "Kilnworks Holding was barred from the national broadband network on the advice of the domestic spy "
            "agency.",
            "en",
            "critical_infrastructure",
        ),
    ],
)
def test_more_words_for_technology_leaving_and_for_critical_services(
    shipped: Gazetteer, text: str, language: str, category: str
) -> None:
    assert category in categories(run(shipped, text, language=language))


def test_the_firms_feared_home_government_does_not_set_the_story_and_network_access_is_data_access(
    shipped: Gazetteer,
) -> None:
    text = (
        "De Chinese netwerkleverancier Kilnworks Holding had ongecontroleerd toegang tot het mobiele netwerk van "
        "Polderlink. Ook de nummers van de toenmalige premier en van ministers lagen binnen bereik. Verschillende "
        "Kamerleden willen opheldering van het kabinet.\n\n"
        "De Verenigde Staten beschuldigen Kilnworks Holding ervan dat het voor de Chinese overheid zou kunnen "
        "spioneren; het bedrijf ontkent dat."
    )
    ex = run(shipped, text, language="nl")
    assert lead_by_category(ex)["data_access"][0] == "Kilnworks Holding"
    assert {c.host_country for c in ex.concerns} == {"NL"}


def test_an_unnamed_buyers_seat_is_one_of_the_countries(shipped: Gazetteer) -> None:
    text = (
        "Drone maker Kestrel Aviation, based in Pordenone, was bought in 2018 by a company registered in Hong Kong. "
        "Italy's finance police are investigating the purchase under the golden power rules."
    )
    assert "HK" in run(shipped, text).countries


@pytest.mark.parametrize(
    "text",
    [
        "The order cites the potential for the technology to be used to build defensive or technological "
        "capabilities that may present a risk, after Kilnworks Holding agreed to buy Bristol Chipsoft.",
        "Bucharest ended talks with Kilnworks Holding, which Washington accuses of trying to acquire advanced "
        "nuclear technology for diversion to military uses.",
    ],
)
def test_capabilities_and_diversion_to_military_use_are_technology_transfer(shipped: Gazetteer, text: str) -> None:
    assert "technology_transfer" in categories(run(shipped, text))


def test_a_measure_on_all_five_companies_is_a_case_of_each(shipped: Gazetteer) -> None:
    text = (
        "The FCC voted to bar equipment authorizations for gear made by Chinese firms Kilnworks Telecom and "
        "Qilin Radio, and to restrict those for Chinese camera makers Jadeview, Lotusvision and Redpine Radio. "
        "All five companies already sit on the FCC's Covered List, the register of communications equipment "
        "deemed to pose an unacceptable risk to national security."
    )
    leads = {c.companies[0] for c in run(shipped, text).concerns if "critical_infrastructure" in c.categories}
    assert {"Jadeview", "Lotusvision", "Redpine Radio"} <= leads


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Paris opposed the takeover of the grocer Valmont by Canadian group Northway, calling Valmont an "
            "essential link in France's food security.",
            "en",
        ),
        (
            "Bercy s'oppose au rachat de l'épicier Valmont par le groupe canadien Northway au nom de la sécurité "
            "alimentaire des Français.",
            "fr",
        ),
    ],
)
def test_food_security_is_a_concern_of_its_own(shipped: Gazetteer, text: str, language: str) -> None:
    assert "other" in by_category(run(shipped, text, language=language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "De Amerikaanse overheid verbiedt de verkoop van beveiligingssoftware van het Russische bedrijf Volkov "
            "Lab in de Verenigde Staten, omdat de software gevoelige gegevens aan Moskou zou kunnen doorspelen.",
            "nl",
        ),
        (
            "The US government banned the sale of security software made by Russian firm Volkov Lab, citing the "
            "risk that it could pass sensitive data to Moscow.",
            "en",
        ),
    ],
)
def test_a_ban_on_selling_products_is_no_screening_decision(shipped: Gazetteer, text: str, language: str) -> None:
    found = by_category(run(shipped, text, language=language))
    assert "data_access" in found
    assert "investment_screening" not in found


def test_no_evidence_of_a_danger_states_none(shipped: Gazetteer) -> None:
    text = (
        "The Interior Department grounded its fleet of drones made by Chinese firm Skyward Dynamics. Whether or "
        "not Skyward is right, there is no public evidence that its drones have been used by Chinese spies."
    )
    assert "espionage" not in by_category(run(shipped, text))


def test_a_measure_ruled_out_is_none(shipped: Gazetteer) -> None:
    text = (
        "Berlin put the German arm of Russian gas group Volgagaz under trusteeship. The government has ruled "
        "out an immediate embargo on Russian gas imports, warning that it would severely damage the economy."
    )
    assert "sanctions" not in by_category(run(shipped, text))


def test_a_firm_s_home_the_story_never_names_is_none_of_its_countries(shipped: Gazetteer) -> None:
    # IFM Investors is Australian in the gazetteer; a German story that never says so is not about Australia
    text = (
        "The German government has turned to its state bank to keep China's State Grid out of the grid operator "
        "Nordnetz. The shares were being sold by IFM Investors. Berlin cited the security of critical infrastructure."
    )
    ex = run(shipped, text)
    assert "IFM Investors" in {c.name for c in ex.companies}
    assert "AU" not in ex.countries
    assert "DE" in ex.countries


def test_a_supplier_shut_out_of_a_contract_is_a_screening_case_beside_its_dangers(shipped: Gazetteer) -> None:
    text = (
        "Estonia's government on Wednesday blocked the Chinese manufacturer Qinmu Scan from supplying baggage "
        "scanners to the airport in Tallinn, citing national security. An MP had warned that the machines could "
        "collect data on passengers that would be within reach of China's intelligence services."
    )
    found = {(c.categories[0], c.status) for c in run(shipped, text).concerns}
    assert ("investment_screening", "blocked") in found
    assert ("data_access", "blocked") in found


def test_a_view_into_military_activity_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Die Projektgesellschaft Harbourline AG, die dem russischen Staatskonzern Qinmu gehört, will im Hafen "
        "Karlshamn Rohre lagern. Kritiker befürchten, dass der Schiffsverkehr Moskau Einblick in militärische "
        "Aktivitäten verschaffen könnte."
    )
    assert "espionage" in {cat for c in run(shipped, text, language="de").concerns for cat in c.categories}


def test_a_window_on_military_activity_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "The government will not cancel the lease of the port to the Chinese-owned Qinmu Ports. Critics say a "
        "Chinese-owned operator gives Beijing a window on military activity in the north."
    )
    assert "espionage" in {cat for c in run(shipped, text).concerns for cat in c.categories}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chinese state group Harbourline wants to invest in the planned expansion. Lawmakers said "
            "Chinese money in Harbourline's plans for the seaport would raise national security questions.",
            "critical_infrastructure",
        ),
        (
            "The Chinese state group Harbourline wants to buy a stake in the retailer. Lawmakers said Chinese "
            "money in Harbourline's plans would raise national security questions.",
            "other",
        ),
    ],
)
def test_a_security_worry_about_a_port_is_about_critical_infrastructure(
    shipped: Gazetteer, text: str, expected: str
) -> None:
    assert expected in {cat for c in run(shipped, text).concerns for cat in c.categories}


def test_people_of_interest_to_a_states_special_services_fear_espionage(shipped: Gazetteer) -> None:
    text = (
        "Lithuania's State Security Department has advised people who could be of interest to Russia's special "
        "services not to use the taxi app of the Russian group Qinmu."
    )
    assert "espionage" in {cat for c in run(shipped, text).concerns for cat in c.categories}


def test_a_category_denied_by_a_negative_determiner_is_no_concern(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDas Bundeswirtschaftsministerium prüft den Kauf des Flughafens durch Harbourline Group. "
        "Harbourline findet sich auf keiner EU-Sanktionsliste."
    )
    assert "sanctions" not in categories(run(shipped, text, language="de"))


def test_a_security_worry_in_general_words_states_the_foreign_firms_case(shipped: Gazetteer) -> None:
    text = (
        "Title: Romania breaks agreement with Chinese constructor for nuke plant expansion\n\n"
        "Romanian state-controlled producer Kestrelectrica will begin talks to end the agreement signed with "
        "China General Nuclear Power (CGN) for the construction of reactors 3 and 4 of the Cernavoda Nuclear Power "
        "Plant.\n\nThe agreement has been criticized by Romania's partners. The criticism was related to security "
        "issues tied to the use of Chinese technology."
    )
    ex = run(shipped, text)
    assert [(c.categories, c.companies) for c in ex.concerns] == [
        (["critical_infrastructure"], ["China General Nuclear Power"])
    ]


def test_no_worry_no_case(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nKestrelectrica signed an agreement with China General Nuclear Power (CGN) for the construction "
        "of reactors 3 and 4 of the Cernavoda Nuclear Power Plant."
    )
    assert run(shipped, text).concerns == []


def test_a_capital_deciding_in_a_relative_clause_sets_the_host(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nL’ambassade de Chine rejette le geste d’Ottawa qui bloque la prise de contrôle par les Chinois "
        "d’un projet de mine d’or au Nunavut pour des motifs de sécurité nationale.\n\nLes actionnaires du canadien "
        "Kestrel Resources et ceux du chinois Harbourline Gold Mining avaient déjà approuvé le rachat."
    )
    ex = run(shipped, text, language="fr")
    assert {c.host_country for c in ex.concerns} == {"CA"}


def test_an_unnamed_partys_seat_and_its_owners_country_are_countries_of_the_story(shipped: Gazetteer) -> None:
    text = (
        "Norway's security service has warned that a data centre in Bodø bought by a Hong Kong-registered company "
        "could be used for espionage. It was sold to Polar Quill Holdings, whose ultimate owner is a Chinese "
        "state-owned investment fund."
    )
    assert {"CN", "HK", "NO"} <= set(run(shipped, text, language="en").countries)


def test_a_side_firm_with_a_measure_of_its_own_gets_its_own_case(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe US Commerce Department added Shenzhen Qingshan Robotics to its Entity List on Thursday. "
        "Separately, the Federal Communications Commission voted to bar new equipment authorizations for DJI, the "
        "world's largest drone maker, citing national security risks."
    )
    ex = run(shipped, text, language="en")
    side = [c for c in ex.concerns if c.companies == ["DJI"]]
    assert [(c.status, c.agencies) for c in side] == [("banned", ["Federal Communications Commission"])]
    assert any(c.companies[:1] == ["Shenzhen Qingshan Robotics"] and "sanctions" in c.categories for c in ex.concerns)


def test_a_side_firm_merely_named_gets_no_case(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe US Commerce Department added Shenzhen Qingshan Robotics to its Entity List on Thursday. DJI, the "
        "world's largest drone maker, said it had no comment on national security risks."
    )
    assert not any(c.companies == ["DJI"] for c in run(shipped, text, language="en").concerns)


def test_owners_known_by_their_countrys_name_add_the_country(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe Treasurer has ordered a group of China-linked investors to dispose of their shares in "
        "Kestrel Minerals, a listed miner, on national security grounds."
    )
    assert "CN" in run(shipped, text, language="en").countries


def test_a_headline_compound_names_the_target_and_an_offer_von_names_the_buyer(shipped: Gazetteer) -> None:
    title = "Obama stoppt Velmora-Übernahme durch chinesische Investoren"
    text = (
        "Barack Obama hat am Freitag per Anordnung untersagt, dass das amerikanische Geschäft des "
        "deutschen Chipanlagenbauers Velmora an den Fujian Qingshan Fund geht. Das Übernahmeangebot von Fujian "
        "Qingshan Fund hatte die Freigabe in den USA zur Bedingung. Das Risiko für die nationale Sicherheit ergebe "
        "sich aus den "
        "militärischen Anwendungen des technischen Wissens von Velmora."
    )
    ex = run(shipped, text, title=title, language="de")
    assert ex.concerns and all(c.companies[0] == "Fujian Qingshan Fund" for c in ex.concerns)


def test_a_blocked_sale_to_a_foreign_buyer_is_a_screening_decision_in_french(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nEn 2016, le gouvernement danois avait bloqué la vente d'un terminal portuaire du sud du "
        "Groenland à un investisseur chinois."
    )
    assert by_category(run(shipped, text, language="fr"))["investment_screening"][0] == "blocked"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Bundesregierung erlaubte Qilin Mobile nur 24,9 Prozent am Terminal. Der Hafenbetreiber hat stets "
            "betont, dass Qilin Mobile weder Zugriff auf IT-Systeme und Daten des Terminals noch auf "
            "strategisches Know-how erhalte.",
            "de",
        ),
        (
            "The government let Qilin Mobile take only 24.9 percent of the terminal. The port operator has always "
            "stressed that Qilin Mobile would gain neither access to the terminal's data nor any know-how.",
            "en",
        ),
    ],
)
def test_neither_nor_denies_the_danger(gaz: Gazetteer, text: str, language: str) -> None:
    assert not {"data_access", "technology_transfer"} & categories(run(gaz, text, language=language))


def test_an_order_binding_several_firms_is_one_case_each(gaz: Gazetteer) -> None:
    text = (
        "Treasurer orders China-linked investors to sell down stakes in rare earths miner Corran Minerals\n\n"
        "The Treasurer has ordered four investors with links to China to sell their shares in Corran Minerals "
        "on national security grounds. The orders, signed on Sunday, require Velmar Fund Pte Ltd, Black Reef "
        "Resources, Indian Ocean International Shipping and Service Company and two individuals to dispose of "
        "shares equal to 10.4 per cent of the company within 60 days."
    )
    ex = run(gaz, text, language="en")
    leads = {c.companies[0] for c in ex.concerns if c.status == "divestment_ordered"}
    assert {
        "Velmar Fund Pte Ltd",
        "Black Reef Resources",
        "Indian Ocean International Shipping and Service Company",
    } <= leads


def test_an_order_naming_one_firm_stays_one_case(gaz: Gazetteer) -> None:
    text = (
        "The Treasurer has ordered Velmar Fund Pte Ltd to sell its shares in Corran Minerals on national "
        "security grounds, after a review of the fund's stake."
    )
    ex = run(gaz, text, language="en")
    assert len([c for c in ex.concerns if c.status == "divestment_ordered"]) == 1


def test_a_deal_blocked_in_an_earlier_year_is_a_case_of_its_own_not_the_storys(gaz: Gazetteer) -> None:
    text = (
        "Ottawa has refused to let a Chinese state-owned company buy the owner of a gold mine in Nunavut, "
        "citing national security. Qilin Mobile had agreed in May 2020 to buy Ridge Bay Resources, and Qilin "
        "Mobile said it regretted the decision.\n\n"
        "It is not the first time the government has shut the door on a Chinese buyer. In 2018 it blocked the "
        "takeover of Toronto-based construction firm Aecon Group by Harbourline Group, citing national security."
    )
    ex = run(gaz, text, language="en")
    found = pairs(ex)
    assert ("Qilin Mobile", "investment_screening") in found
    assert ("Harbourline Group", "investment_screening") in found
    # the sentence that names no firm is about the story's subject, not the firm of 2018
    unnamed = next(c for c in ex.concerns if c.quote.quote.startswith("Ottawa"))
    assert unnamed.companies[0] == "Qilin Mobile"


def test_signals_intelligence_is_espionage_and_a_military_facility_at_a_port_is_infrastructure(
    gaz: Gazetteer,
) -> None:
    text = (
        "US intelligence agencies found that China was secretly building what they suspected was a military "
        "facility at a port run by Harbourline Group. Vessels of a type the Chinese military uses to gather "
        "signals intelligence had been seen calling at the Harbourline terminal."
    )
    found = pairs(run(gaz, text, language="en"))
    assert {("Harbourline Group", "critical_infrastructure"), ("Harbourline Group", "espionage")} <= found


def test_a_measure_stated_without_its_body_is_the_one_measure_takers(shipped: Gazetteer) -> None:
    text = (
        "Deutschland drängt den chinesischen Netzwerkausrüster Qilin Mobile schrittweise aus seinen "
        "5G-Mobilfunknetzen. Bis Ende 2026 dürfen keine Bauteile von Qilin Mobile mehr im 5G-Kernnetz eingesetzt "
        "werden. Mit dem Schritt soll verhindert werden, dass der chinesische Staat über die Technik Zugriff auf "
        "Daten erhält. Das IT-Sicherheitsgesetz erlaubt dem Innenministerium, den Einsatz kritischer Bauteile zu "
        "untersagen."
    )
    ex = run(shipped, text, language="de")
    assert ex.concerns
    assert all(c.agencies == ["Federal Ministry of the Interior"] for c in ex.concerns)


def test_trade_sanctions_on_a_countrys_goods_are_no_case(gaz: Gazetteer) -> None:
    text = (
        "Security analysts argue that Qilin Mobile's port could give Beijing a window on military movements. "
        "Relations are at their lowest point after a string of trade sanctions on Australian barley, wine and coal."
    )
    assert "sanctions" not in categories(run(gaz, text, language="en"))


def test_sanctions_on_a_countrys_companies_are_a_case(gaz: Gazetteer) -> None:
    # guard: the firms named are the sanctions' target
    text = "Washington imposed sanctions on Chinese companies such as Qilin Mobile over its support for Russia's army."
    assert "sanctions" in categories(run(gaz, text, language="en"))


def test_a_trojan_horse_is_espionage(gaz: Gazetteer) -> None:
    text = '"Qilin Mobile could, if desired, serve as a Trojan horse" for the Chinese state, the lawmakers said.'
    assert "espionage" in categories(run(gaz, text, language="en"))


def test_sanctions_on_a_countrys_makers_are_a_case(gaz: Gazetteer) -> None:
    # guard: a kind of firm after the nationality is no goods
    text = "Washington imposed sanctions on Chinese chipmakers, including Qilin Mobile, over national security."
    assert "sanctions" in categories(run(gaz, text, language="en"))


def test_a_bid_by_a_buyer_for_a_target_is_the_buyers_case(gaz: Gazetteer) -> None:
    text = (
        "The government has moved to block a $13bn bid by a Hong Kong consortium for Velmar Pipelines, "
        "the country's largest gas pipeline company. The Foreign Investment Review Board told the consortium "
        "led by Qilin Mobile that the deal raised national security concerns."
    )
    ex = run(gaz, text, language="en")
    screening = [c for c in ex.concerns if "investment_screening" in c.categories]
    assert [c.companies[0] for c in screening] == ["Qilin Mobile"]
    assert screening[0].status == "blocked"


def test_sanctions_for_breaking_a_rule_are_no_sanctions_case(gaz: Gazetteer) -> None:
    text = (
        "The Italian government vetoed the takeover of Velmar Seeds by Qilin Mobile. Under the decree, any "
        "breach would be punished with the sanctions set out in the 2012 golden power law."
    )
    assert "sanctions" not in categories(run(gaz, text, language="en"))


def test_a_measure_told_again_with_no_danger_is_the_same_case(gaz: Gazetteer) -> None:
    text = (
        "The Italian government vetoed the takeover of Velmar Seeds by Qilin Mobile. It is the first time "
        "the golden power has been used to protect the agri-food sector and the food supply."
    )
    ex = run(gaz, text, language="en")
    assert [c.categories for c in ex.concerns if c.companies[:1] == ["Qilin Mobile"]] == [["investment_screening"]]


def test_sanctions_threatened_for_a_broken_promise_are_no_sanctions_case(gaz: Gazetteer) -> None:
    text = (
        "Le gouvernement a autorisé le rachat de Velmar Énergie par Qilin Mobile. Concrètement, le décret "
        "subordonne le rachat à l'engagement formel de l'acquéreur d'assurer la pérennité des activités, "
        "sous peine de sanctions."
    )
    assert "sanctions" not in categories(run(gaz, text, language="fr"))


def test_a_bodys_measure_with_no_danger_named_is_of_its_other_measures_kind(gaz: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission banned Chinese carrier Velmar Mobile from the US market, saying "
        "it posed a risk to critical infrastructure. In October the commission revoked the authority of Kestrel "
        "Telecom Americas, the US subsidiary of Kestrel Telecom."
    )
    ex = run(gaz, text, language="en")
    assert {c.companies[0]: c.categories for c in ex.concerns if c.companies} == {
        "Velmar Mobile": ["critical_infrastructure"],
        "Kestrel Telecom Americas": ["critical_infrastructure"],
    }


def test_a_firms_own_measure_of_no_named_kind_stays_other() -> None:
    # guard: the kind passes to another firm's measure only ("The order prohibits the merger" is the
    # same firm's case of no named kind)
    def concern(categories: list[str], company: str) -> FoundConcern:
        quote = Span(0, 1, "x")
        return FoundConcern(categories, "banned", quote, companies=[company], agencies=["FCC"])

    own, sibling = concern(["other"], "Velmar Mobile"), concern(["other"], "Kestrel Telecom")
    _measure_kind_of_its_body([concern(["critical_infrastructure"], "Velmar Mobile"), own, sibling])
    assert own.categories == ["other"]
    assert sibling.categories == ["critical_infrastructure"]
