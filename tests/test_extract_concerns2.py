"""Concern subject, status and agency rules (second round), on short texts written for these tests."""

from __future__ import annotations

from tests.extract_helpers import run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction


def by_cat(ex: Extraction) -> dict[str, tuple[str, str, list[str]]]:
    """category -> (first company, status, agencies)."""
    return {
        cat: (c.companies[0] if c.companies else "", c.status, c.agencies) for c in ex.concerns for cat in c.categories
    }


def test_danger_takes_the_decision_not_its_agencys_review(shipped: Gazetteer) -> None:
    text = (
        "The order forces Qinlan Capital Ltd., a company owned by Chinese nationals, to sell the land it bought "
        "near the base.\n\n"
        "The Committee on Foreign Investment in the United States (CFIUS) had been reviewing the purchase.\n\n"
        "Officials said the servers on the site could be used for espionage."
    )
    found = by_cat(run(shipped, text))
    assert found["espionage"][1] == "divestment_ordered"


def test_a_ban_with_no_danger_goes_to_the_companys_danger(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement fédéral a décidé d'interdire l'application Zhuyin sur les téléphones de service.\n\n"
        "Zhuyin appartient au groupe chinois Zhuyin Technology. La Sûreté de l'État craint que les données des "
        "utilisateurs ne soient accessibles aux autorités chinoises."
    )
    found = by_cat(run(shipped, text))
    assert found["data_access"][1] == "banned"


def test_unnamed_investor_named_in_the_next_sentence_is_the_subject(shipped: Gazetteer) -> None:
    text = (
        "US-Präsident Barack Obama hat die Übernahme des deutschen Anlagenbauers Heltron durch einen chinesischen "
        "Investor untersagt. Die China Investment Corporation darf das Unternehmen nicht kaufen, teilte das Weiße "
        "Haus mit. Obama folgte einer Empfehlung des CFIUS."
    )
    found = by_cat(run(shipped, text))
    assert found["investment_screening"][0] == "China Investment Corporation"
    assert found["investment_screening"][1] == "blocked"


def test_head_of_state_stopping_a_takeover_is_a_screening_decision(shipped: Gazetteer) -> None:
    text = (
        "President Maren Holt has blocked China Investment Corporation from buying chipmaker Valcrest, halting the "
        "takeover.\n\n"
        "Officials fear China Investment Corporation could gain sensitive technology."
    )
    found = by_cat(run(shipped, text))
    assert found["investment_screening"][1] == "blocked"


def test_telecommunications_equipment_is_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "The regulator said it was banning approvals of new telecommunications equipment from the Chinese "
        "makers Qiantel and Hongwei Networks."
    )
    assert "critical_infrastructure" in by_cat(run(shipped, text))


def test_ausspioniert_is_espionage(shipped: Gazetteer) -> None:
    text = (
        "Die Behörde warnt vor Software des russischen Herstellers Volkov Soft. Ein russischer Hersteller könne "
        "ohne seine Kenntnis ausspioniert werden, hieß es."
    )
    assert "espionage" in by_cat(run(shipped, text))


def test_technical_knowledge_flowing_abroad_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Einstieg des chinesischen Konzerns Huaxin Holdings bei dem Zulieferer untersagt. "
        "Es bestehe das Risiko, dass technisches Wissen an China abfließt."
    )
    assert "technology_transfer" in by_cat(run(shipped, text))


def test_a_review_that_found_no_grounds_is_other(shipped: Gazetteer) -> None:
    text = (
        "The Department of Defence said its review of the lease held by the Chinese company China Merchants Group "
        "had concluded that there were no grounds to recommend the lease be cancelled.\n\n"
        "The Department of Defence said existing powers can manage the risks to critical infrastructure."
    )
    found = by_cat(run(shipped, text))
    assert found["critical_infrastructure"][1] == "other"


def test_quote_closed_by_a_pronoun_speaker_takes_the_body_before(shipped: Gazetteer) -> None:
    text = (
        "The Chinese state firm Hanzhou Power wants a stake in the grid operator. The Federal Communications "
        "Commission reacted sharply.\n\n"
        '"A Chinese shareholder in our critical infrastructure is not acceptable," she said.\n\n'
        "Belgium's State Security also warned of espionage."
    )
    found = by_cat(run(shipped, text))
    assert found["critical_infrastructure"][2] == ["Federal Communications Commission"]


def test_the_body_of_the_opening_sentence_voices_the_concern(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt vor dem Einsatz von Software des "
        "russischen Herstellers Volkov Soft.\n\n"
        "Ein russischer Hersteller könne ohne seine Kenntnis ausspioniert werden, hieß es."
    )
    found = by_cat(run(shipped, text))
    assert found["espionage"][2] == ["Federal Office for Information Security"]


def test_companies_in_a_measure_with_no_danger_share_the_main_case(shipped: Gazetteer) -> None:
    text = (
        "The regulator said it was banning approvals of new telecommunications equipment from Huawei.\n\n"
        "The rules also bar the sale of some cameras made by Hikvision and Dahua Technology."
    )
    found = {(c.companies[0], cat, c.status) for c in run(shipped, text).concerns for cat in c.categories}
    assert ("Dahua Technology", "critical_infrastructure", "banned") in found


def test_members_of_parliament_voice_through_their_house(shipped: Gazetteer) -> None:
    text = (
        "Members of the House of Commons questioned the purchase of scanners from the Chinese firm Nuctech. "
        "The National Cyber Security Centre has not commented.\n\n"
        "The MPs fear that sensitive data on cargo could reach the Chinese authorities through Nuctech's devices."
    )
    found = by_cat(run(shipped, text))
    assert found["data_access"][2] == ["House of Commons"]


def test_a_states_own_espionage_is_not_the_companys_case(shipped: Gazetteer) -> None:
    text = (
        "Sweden's telecoms regulator has banned equipment from Huawei from its 5G networks.\n\n"
        '"The Chinese state is conducting cyber espionage to advance its own industry," the security service said.'
    )
    assert "espionage" not in by_cat(run(shipped, text))


def test_a_review_word_inside_a_body_name_states_no_review(shipped: Gazetteer) -> None:
    text = (
        "The Chinese company China Merchants Group leased the port in 2015 for 99 years.\n\n"
        "The lease did not need approval from the Foreign Investment Review Board at the time."
    )
    assert all(c.status != "under_review" for c in run(shipped, text).concerns)


def test_a_finished_review_is_the_screening_case_and_its_body_acts(shipped: Gazetteer) -> None:
    text = (
        "A federal review of the lease of the port to the Chinese company China Merchants Group has ended.\n\n"
        "The Department of Defence said its review had concluded that there were no grounds to cancel the lease.\n\n"
        "The lease did not need approval from the Foreign Investment Review Board at the time."
    )
    found = by_cat(run(shipped, text))
    assert found["investment_screening"][1:] == ("other", ["Department of Defence"])
