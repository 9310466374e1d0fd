"""Concern rules (con2 round): modal prohibitions, sanctions status, officials by surname,
a sentence that goes on about the company before it, forced sales in four languages."""

from __future__ import annotations

from tests.extract_helpers import run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction


def cases(ex: Extraction) -> set[tuple[str, str, str]]:
    """(category, status, first company) of every concern."""
    return {(cat, c.status, c.companies[0] if c.companies else "") for c in ex.concerns for cat in c.categories}


def test_german_modal_prohibition_blocks_the_deal(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Einstieg des chinesischen Konzerns Huawei Technologies bei einem Netzbetreiber "
        "untersagt. Zudem darf ein chinesischer Investor den Beatmungsgerätehersteller Heyer Medical GmbH aus "
        "Bad Ems nicht übernehmen."
    )
    found = cases(run(shipped, text))
    assert ("investment_screening", "blocked", "Heyer Medical GmbH") in found


def test_sanctions_keep_their_own_status(shipped: Gazetteer) -> None:
    text = (
        "The government has ordered Huawei Technologies to sell its stake in a British broadband firm on national "
        "security grounds. Huawei Technologies was placed under US sanctions in 2019."
    )
    found = cases(run(shipped, text))
    assert ("investment_screening", "divestment_ordered", "Huawei Technologies") in found
    assert ("sanctions", "other", "Huawei Technologies") in found


def test_official_named_by_surname_acts_for_the_body(shipped: Gazetteer) -> None:
    text = (
        "The Department for Culture, Media and Sport is looking into the takeover of a newspaper group by "
        "ZTE Corporation. The culture secretary, Lucy Frazer, has issued a notice. "
        "Frazer said she had concerns about free expression at ZTE Corporation's papers."
    )
    ex = run(shipped, text)
    inter = [c for c in ex.concerns if "interference" in c.categories]
    assert inter and inter[0].agencies and "Culture" in inter[0].agencies[0]


def test_sentence_without_company_goes_on_about_the_one_before(shipped: Gazetteer) -> None:
    text = (
        "The UK government has ordered Huawei Technologies to sell a chip plant. Officials told "
        "Huawei Technologies to sell within months. Huawei Technologies said it would appeal. "
        "In a separate order, the government blocked ZTE Corporation from buying a British design firm. "
        "The order said the technology could be used by the Chinese military."
    )
    found = cases(run(shipped, text))
    assert ("technology_transfer", "blocked", "ZTE Corporation") in found


def test_dutch_forced_sale_is_a_divestment_order(shipped: Gazetteer) -> None:
    text = (
        "De Britse regering dwong het Chinese Huawei Technologies vorige maand om de fabriek in Wales weer te "
        "verkopen, na een toetsing op grond van de wet."
    )
    found = cases(run(shipped, text))
    assert ("investment_screening", "divestment_ordered", "Huawei Technologies") in found


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


def test_local_arm_of_foreign_group_does_not_make_the_host_foreign(shipped: Gazetteer) -> None:
    text = (
        "The federal government has ordered Huawei Canada, the local arm of Chinese telecoms giant Huawei "
        "Technologies, to cease operations in Canada following a national security review. "
        "Huawei Technologies was added to a U.S. trade blacklist in 2019. Huawei Canada said it would appeal. "
        "The United States banned the sale of new Huawei Technologies equipment in 2022."
    )
    ex = run(shipped, text)
    assert ex.concerns and all(
        not c.agencies or "United States" not in c.agencies[0] for c in ex.concerns if c.status == "banned"
    )
    assert {c.status for c in ex.concerns if c.categories == ["sanctions"]} == {"other"}


def test_german_compound_ministry_reviews_the_stake(shipped: Gazetteer) -> None:
    text = (
        "Der chinesische Konzern Huawei Technologies will einen Anteil kaufen. "
        "Das Bundeswirtschaftsministerium prüft derzeit den Einstieg von Huawei Technologies beim Netzbetreiber."
    )
    assert ("investment_screening", "under_review", "Huawei Technologies") in cases(run(shipped, text))


def test_watching_ship_or_flight_movements_is_espionage(shipped: Gazetteer) -> None:
    en = "US officials fear Huawei Technologies would be in a position to monitor US ship movements in the port."
    nl = (
        "Het Chinese bedrijf Huawei Technologies heeft een distributiecentrum naast de vliegbasis gekocht. "
        "Volgens de inlichtingendienst kan het centrum worden gebruikt om vliegbewegingen te volgen."
    )
    for text in (en, nl):
        assert any("espionage" in c.categories for c in run(shipped, text).concerns), text


def test_knowledge_ending_up_with_the_army_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet heeft de verkoop van een scheepswerf aan het Chinese Huawei Technologies verboden. Het "
        "ministerie vreesde dat militaire kennis bij het Volksbevrijdingsleger terecht zou komen."
    )
    assert any("technology_transfer" in c.categories for c in run(shipped, text).concerns)


def test_a_watch_the_company_could_keep_is_no_monitoring_status(shipped: Gazetteer) -> None:
    text = (
        "Former officials warned that Huawei Technologies, which won the tender to run the new terminal, would be "
        "in a position to monitor US ship movements closely."
    )
    ex = run(shipped, text)
    assert any("espionage" in c.categories for c in ex.concerns)
    assert "monitoring" not in {c.status for c in ex.concerns}


def test_state_acting_to_prevent_a_takeover_blocks_it(shipped: Gazetteer) -> None:
    text = (
        "Le ministre de l'Économie a annoncé que l'État allait exercer son droit de préemption sur le chantier "
        "naval pour empêcher le chinois Huawei Technologies d'en prendre le contrôle."
    )
    found = cases(run(shipped, text))
    assert ("investment_screening", "blocked", "Huawei Technologies") in found


def test_state_land_bodies_review_like_the_federal_ones(shipped: Gazetteer) -> None:
    text = (
        "Die chinesische Huawei Technologies übernimmt den insolventen Flughafen. Der Landesverfassungsschutz "
        "prüft, ob von dem Investor Risiken ausgehen. Die Landesregierung will verhindern, dass sensible Daten "
        "über Flugbewegungen in chinesische Hände geraten."
    )
    found = cases(run(shipped, text))
    assert ("data_access", "under_review", "Huawei Technologies") in found


def test_country_acting_in_a_headline_stands_for_its_government(shipped: Gazetteer) -> None:
    text = (
        "Italy curbs Huawei Technologies' influence over a tyremaker using golden power rules\n\n"
        "The cabinet said on Friday that it had imposed conditions on the stake of Huawei Technologies. Italy's "
        "government said the technology was strategic. Officials said the State-owned Assets Supervision and "
        "Administration Commission (SASAC) made the company an arm of the Chinese state."
    )
    ex = run(shipped, text)
    assert ex.concerns and all(c.agencies for c in ex.concerns if "investment_screening" in c.categories)


def test_the_target_beside_its_holder_is_not_a_second_subject(shipped: Gazetteer) -> None:
    text = (
        "The government has imposed conditions on Huawei Technologies, which holds 37 per cent of ZTE Corporation. "
        "Under the measures, ZTE Corporation's management must remain independent of Huawei Technologies, and "
        "data on its users must be shielded from the Chinese shareholder."
    )
    ex = run(shipped, text)
    assert ex.concerns and all(c.companies[0] == "Huawei Technologies" for c in ex.concerns)


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
