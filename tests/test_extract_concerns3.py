"""Concern cues and subject rules (third round), on short texts written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction


def pairs(ex: Extraction) -> set[tuple[str, str]]:
    """(category, company) for every company of every concern."""
    return {(cat, co) for c in ex.concerns for cat in c.categories for co in c.companies}


def statuses(ex: Extraction) -> set[str]:
    return {c.status for c in ex.concerns}


def test_political_pressure_is_interference(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung sieht den Einstieg des chinesischen Konzerns Huawei Technologies bei einem Stadtwerk "
        "kritisch. Der Konzern könne über die Beteiligung politischen Druck auf die Stadt ausüben, heißt es."
    )
    assert ("interference", "Huawei Technologies") in pairs(run(shipped, text))


def test_lobbying_campaign_is_interference(shipped: Gazetteer) -> None:
    text = (
        "The Dutch security service AIVD says the Chinese firm ZTE Corporation ran a lobbying effort aimed at "
        "members of parliament, and is monitoring its contacts."
    )
    assert ("interference", "ZTE Corporation") in pairs(run(shipped, text))


def test_german_spioniert_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Verfassungsschutz warnt: Über die Geräte von Huawei Technologies spioniert Peking "
        "womöglich deutsche Unternehmen aus."
    )
    assert ("espionage", "Huawei Technologies") in pairs(run(shipped, text))


def test_technological_sovereignty_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Économie a bloqué le rachat par le groupe chinois Huawei Technologies, estimant que "
        "les engagements proposés ne protégeaient pas la souveraineté technologique du pays."
    )
    assert ("technology_transfer", "Huawei Technologies") in pairs(run(shipped, text))


def test_dutch_kennis_weglekt_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet vreest dat via de overname door het Chinese ZTE Corporation kennis weglekt, en laat de deal "
        "onderzoeken."
    )
    assert ("technology_transfer", "ZTE Corporation") in pairs(run(shipped, text))


@pytest.mark.parametrize(
    "text",
    [
        "The regulator voted to revoke Huawei Technologies' authority to sell equipment in the country, "
        "citing espionage risks.",
        "Der Regulierer hat Huawei Technologies die Lizenz entzogen, wegen der Gefahr der Spionage.",
        "De toezichthouder heeft de vergunning ingetrokken van Huawei Technologies, uit vrees voor spionage.",
        "Ottawa a ordonné à Huawei Technologies de mettre fin à ses activités au pays, par crainte d'espionnage.",
    ],
)
def test_licence_revocation_is_a_ban(shipped: Gazetteer, text: str) -> None:
    assert statuses(run(shipped, text)) == {"banned"}


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


def test_information_gathering_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Le service de renseignement craint que le terminal exploité par le groupe chinois ZTE Corporation "
        "permette une collecte d'informations sur les convois qui y transitent."
    )
    assert ("espionage", "ZTE Corporation") in pairs(run(shipped, text))


def test_remote_switch_off_with_modal_is_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "De toezichthouder gaat onderzoeken of de omvormers van het Chinese Huawei Technologies op afstand "
        "kunnen worden uitgeschakeld."
    )
    assert ("critical_infrastructure", "Huawei Technologies") in pairs(run(shipped, text))
