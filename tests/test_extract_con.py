"""Concern rules of the concerns round: status cues in four languages, unnamed cases, agencies."""

from __future__ import annotations

import pytest

from tests.extract_helpers import run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction


def by_cat(ex: Extraction) -> dict[str, tuple[str, list[str], list[str]]]:
    return {cat: (c.status, c.companies, c.agencies) for c in ex.concerns for cat in c.categories}


def test_french_opposition_to_a_takeover_is_a_block(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie s'est opposé au rachat du fabricant de vannes Orvalis par le groupe "
        "américain Brightwater Industries, dans le cadre du contrôle des investissements étrangers."
    )
    found = by_cat(run(shipped, text))
    assert found["investment_screening"][0] == "blocked"


def test_a_shareholder_barred_from_appointing_is_a_condition_not_a_ban(shipped: Gazetteer) -> None:
    text = (
        "The Italian government used its golden power rules on the stake of Chinese group Huanyu Chemical "
        "in tyre maker Ravello Gomme. Under the decree, Huanyu Chemical will be barred from appointing the "
        "chief executive."
    )
    statuses = {c.status for c in run(shipped, text).concerns}
    assert "approved_with_conditions" in statuses
    assert "banned" not in statuses


def test_an_annulled_purchase_is_a_divestment_order(shipped: Gazetteer) -> None:
    text = (
        "Rome has ordered the reversal of the sale of drone maker Falco Droni to the Hong Kong company "
        "Zhenhai Holdings, after finding that the deal was hidden from the authorities."
    )
    assert by_cat(run(shipped, text))["investment_screening"][0] == "divestment_ordered"


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


def test_a_country_that_acts_is_its_own_regulator_not_a_like_minded_government(shipped: Gazetteer) -> None:
    text = (
        "Sweden has banned Huawei from supplying equipment for its 5G networks. The Swedish Post and Telecom "
        "Authority (PTS) set the conditions for the auction. Britain ordered operators to strip Huawei kit "
        "out of their 5G networks."
    )
    ex = run(shipped, text)
    first = next(c for c in ex.concerns if "critical_infrastructure" in c.categories)
    assert first.agencies == ["Swedish Post and Telecom Authority"]


def test_brussels_as_subject_is_the_commission(shipped: Gazetteer) -> None:
    text = (
        "La Commission européenne a mené des inspections inopinées chez le fabricant chinois Nuctech. "
        "Bruxelles soupçonne l'entreprise d'avoir bénéficié de subventions étrangères."
    )
    found = by_cat(run(shipped, text))
    assert found["other"][2] == ["European Commission"]


def test_technology_for_a_foreign_military_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "The business secretary blocked the acquisition of Kestrel Design by Hong Kong-registered Jade Orbit "
        "Holding. The government said there was a risk that the technology could be used by the Chinese military."
    )
    assert "technology_transfer" in by_cat(run(shipped, text))


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
    assert "technology_transfer" in by_cat(run(shipped, text))


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


def test_following_advice_is_not_monitoring(shipped: Gazetteer) -> None:
    text = (
        "Rijksambtenaren mogen de Chinese app Quickclip niet langer op hun werktelefoon gebruiken. "
        "Het kabinet volgt daarmee een advies van de AIVD, die vreest dat gegevens van gebruikers worden "
        "doorgespeeld aan de Chinese overheid."
    )
    statuses = {c.status for c in run(shipped, text).concerns}
    assert "monitoring" not in statuses
    assert "banned" in statuses


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


def test_a_danger_said_of_the_deal_under_review_shares_the_review(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet laat de verkoop van het Nijmeegse chipbedrijf Veldchip aan het Chinese fonds Jiayuan "
        "Capital toetsen door het Bureau Toetsing Investeringen. Het ministerie van Economische Zaken vreest "
        "dat de technologie door de overname in handen van het Chinese leger kan komen."
    )
    found = by_cat(run(shipped, text))
    assert found["technology_transfer"][0] == "under_review"


def test_the_state_acts_through_the_hosts_deciding_body(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie a autorisé le rachat de l'équipementier Aerolux par le fonds américain "
        "Northpeak Capital. L'autorisation est assortie de conditions. L'Etat veut éviter que des technologies "
        "sensibles ne partent à l'étranger."
    )
    found = by_cat(run(shipped, text))
    assert found["technology_transfer"][0] == "approved_with_conditions"
    assert found["technology_transfer"][2] != []


def test_a_foreign_grip_on_ports_is_an_infrastructure_danger(shipped: Gazetteer) -> None:
    text = (
        "De Staatsveiligheid waarschuwt voor de toenemende greep van Chinese investeerders op de Belgische "
        "havens. In Zeebrugge baat het Chinese Zhonghai Shipping een terminal uit."
    )
    assert any("critical_infrastructure" in c.categories for c in run(shipped, text).concerns)


def test_the_administration_acts_through_the_hosts_one_department(shipped: Gazetteer) -> None:
    text = (
        "The Biden administration on Thursday added Chinese chipmaker Lumin Memory Co to the entity list. "
        "The Commerce Department said the firm risked diverting American technology to China's military."
    )
    sanctions = [c for c in run(shipped, text).concerns if "sanctions" in c.categories]
    assert sanctions and sanctions[0].agencies == ["United States Department of Commerce"]


def test_a_voluntary_sale_is_no_divestment_order(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie s'est opposé au rachat de Valvex par le groupe américain Brightwater "
        "Industries. Valvex appartient au groupe canadien Orlan, qui cherchait à céder ses activités à "
        "Brightwater Industries."
    )
    statuses = {c.status for c in run(shipped, text).concerns}
    assert "divestment_ordered" not in statuses
    assert "blocked" in statuses
