"""Companies a story only describes, and bodies named by a seat or a national-language
name, from short invented texts. No database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import agencies, agency_names, companies, company_names, run
from tracker.ingest.gazetteer import Gazetteer

# -- companies ------------------------------------------------------------------------------------


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


# -- bodies -----------------------------------------------------------------------------------------


def test_a_court_named_by_its_seat_is_a_body(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik warnte vor Produkten von Varnik. "
        "Varnik klagte dagegen, doch das Verwaltungsgericht Münster lehnte den Eilantrag ab."
    )
    ex = run(shipped, text, language="de")
    assert "Verwaltungsgericht Münster" in agency_names(ex)


def test_a_town_adjective_before_a_bare_authority_noun_is_no_body(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt vor der Software von Varnik. "
        "Das Risiko sei erheblich, heißt es in der Mitteilung der Bonner Behörde."
    )
    ex = run(shipped, text, language="de")
    assert "Bonner Behörde" not in agency_names(ex)


def test_national_language_names_of_known_bodies(shipped: Gazetteer) -> None:
    de = run(
        shipped,
        "Der Präsident hat den Kauf von Ostrava Chips durch einen chinesischen Fonds untersagt, teilte das "
        "Weiße Haus am Freitag mit. Nach Angaben des US-Finanzministeriums drohte ein Abfluss von Wissen.",
        language="de",
    )
    assert {"White House", "United States Department of the Treasury"} <= {a.name for a in de.agencies}
    fr = run(
        shipped,
        "Le gouvernement fédéral a interdit l'application Lomo sur les téléphones des fonctionnaires, a annoncé "
        "le Premier ministre belge à l'issue du Conseil national de sécurité.",
        language="fr",
    )
    names = {a.name for a in fr.agencies}
    assert "Belgian National Security Council" in names
    assert "Swiss National Council" not in names


def test_a_head_of_government_speaking_of_the_government_names_the_host_one(shipped: Gazetteer) -> None:
    text = (
        "Australia's Foreign Investment Review Board reviewed the lease of the port of Eastmere to Harlow Group. "
        "Prime Minister Dana Ruiz, who had opposed the lease, said the government would accept the advice."
    )
    ex = run(shipped, text)
    assert "Australian Government" in {a.name for a in ex.agencies}


def test_a_subsidiary_of_another_group_keeps_its_short_name_as_an_alias(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Verkauf der Fertigung von Dornau Semiconductor verboten. Das Kabinett "
        "untersagte die Übernahme durch Korvaline Systems, eine schwedische Tochter des chinesischen Konzerns "
        "Hexin Capital. Dornau wollte die Fertigung an Korvaline verkaufen."
    )
    ex = run(shipped, text, language="de")
    assert "Korvaline" not in {c.name for c in ex.companies}


# -- "citing national security" is no person; a seat in front of a name ----------------------


def test_a_firm_before_citing_national_security_is_still_a_firm(shipped: Gazetteer) -> None:
    text = "Norway has blocked the sale of Kranverk AS to Huayang Heavy Industries, citing national security."
    assert "Huayang Heavy Industries" in companies(run(shipped, text, language="en"))


def test_a_name_with_its_town_in_front_is_the_same_firm_without_it(shipped: Gazetteer) -> None:
    text = (
        "Norway has blocked the sale of Kranverk AS to Shenzhen Huayang Heavy Industries on security grounds. "
        "Huayang, which is controlled by the city government, said it regretted the decision. "
        "Huayang Heavy Industries had offered 40 million euros."
    )
    found = companies(run(shipped, text, language="en"))
    assert "Shenzhen Huayang Heavy Industries" in found
    assert not {"Huayang", "Huayang Heavy Industries"} & set(found)


def test_a_firm_glued_to_its_group_noun_is_named_and_runs_the_site(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung prüft eine Beteiligung der Reederei Qingshan Shipping am Container-Terminal "
        "Nordkai in Wilhelmshaven. Das Terminal wird von der Kranich-Gruppe betrieben."
    )
    ex = run(shipped, text, language="de")
    assert "Kranich" in companies(ex)
    assert {f.operator for f in ex.facilities} == {"Kranich"}


def test_a_fiscal_police_raid_names_the_agency(shipped: Gazetteer) -> None:
    text = "De FIOD heeft dinsdag een inval gedaan bij het Europese hoofdkantoor van Qingshan Shipping in Rotterdam."
    assert "Fiscal Information and Investigation Service" in agencies(run(shipped, text, language="nl"))


def test_a_question_headline_opens_no_company_name(shipped: Gazetteer) -> None:
    title = "Are Chinese cranes a Trojan horse in America's ports?"
    text = (
        f"{title}\n\nAre Chinese cranes a risk? Officials fear espionage at the ports. "
        "Are Chinese cranes spying, asked the committee, which warned of espionage."
    )
    assert "Are Chinese" not in companies(run(shipped, text, title=title, language="en"))


def test_a_name_another_country_also_uses_is_the_hosts_body(shipped: Gazetteer) -> None:
    text = (
        "Lithuania will remove baggage scanners made by Qingshan Shipping from its airports after the country's "
        "State Security Department warned they could collect data on passengers. "
        "Lithuanian Airports will replace them. The National Cyber Security Centre under the Ministry of National "
        "Defence had tested the devices and found they send data abroad."
    )
    found = agencies(run(shipped, text, language="en"))
    assert "Lithuanian National Cyber Security Centre" in found
    assert "National Cyber Security Centre" not in found


def test_a_name_opened_by_a_nationality_says_the_firms_country(shipped: Gazetteer) -> None:
    text = "Lithuanian Airports, the state company that runs the airports, will replace scanners made by Qingshan."
    assert companies(run(shipped, text, language="en"))["Lithuanian Airports"].country == "LT"


def test_a_firm_paired_with_a_cued_firm_is_one_too(shipped: Gazetteer) -> None:
    text = (
        "Marcheval et le canadien Alimentation Nordet ont renoncé à leur rapprochement après le veto du ministre. "
        "Nordet proposait 20 euros par action pour Marcheval."
    )
    assert {"Marcheval", "Alimentation Nordet"} <= set(companies(run(shipped, text, language="fr")))


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


def test_a_capital_that_decides_makes_its_country_the_host(shipped: Gazetteer) -> None:
    text = (
        "Ottawa bloque la vente de la minière torontoise Tundra Gold à Qingshan Shipping. "
        "Le gouvernement fédéral a invoqué la sécurité nationale."
    )
    found = agencies(run(shipped, text, language="fr"))
    assert {a.country for a in found.values()} == {"CA"}


def test_a_dutch_grid_operator_noun_cues_the_firm(shipped: Gazetteer) -> None:
    text = "De verkoop van een belang in netbeheerder Veldnet aan Qingshan Shipping gaat niet door."
    assert "Veldnet" in companies(run(shipped, text, language="nl"))


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


def test_german_half_compounds_and_sentence_adverbs_are_no_firms(shipped: Gazetteer) -> None:
    text = (
        "Der CFIUS hat der Übernahme des Augsburger Roboter- und Anlagenbauers Veldrobot durch den chinesischen "
        "Qingshan-Konzern zugestimmt. Damit ist die letzte Hürde genommen."
    )
    found = companies(run(shipped, text, language="de"))
    assert set(found) == {"Veldrobot", "Qingshan"}
    assert found["Veldrobot"].country == "DE"  # the Augsburg firm, though the US body decides


def test_a_government_as_a_customer_is_no_party(shipped: Gazetteer) -> None:
    text = (
        "The House passed a bill cutting Qingshan Shipping off from business with the federal government. "
        "The Senate Homeland Security and Governmental Affairs Committee advanced a narrower version."
    )
    found = agencies(run(shipped, text, language="en"))
    assert "Senate Committee on Homeland Security and Governmental Affairs" in found
    assert "Federal government of the United States" not in found


def test_a_rival_described_by_its_nationality_is_named_in_passing(shipped: Gazetteer) -> None:
    text = (
        "Le régulateur suédois a interdit les équipements de Qingshan Shipping dans la 5G. Le groupe chinois, "
        "dont le concurrent suédois Ericsson est l’un des principaux rivaux, envisage un recours. "
        "Ericsson n’a pas commenté."
    )
    assert "Ericsson" not in companies(run(shipped, text, language="fr"))


def test_an_apposition_that_says_who_owns_the_firm_gives_its_country(shipped: Gazetteer) -> None:
    text = (
        "Police raided properties belonging to Veldhelm, a Russian-owned real estate company, as part of a money "
        "laundering investigation, backed by the Finnish Border Guard."
    )
    ex = run(shipped, text, language="en")
    assert companies(ex)["Veldhelm"].country == "RU"
    assert "Finnish Border Guard" in agencies(ex)


def test_a_french_city_demonym_gives_the_firms_country(shipped: Gazetteer) -> None:
    text = (
        "Ottawa a rejeté l'acquisition du groupe torontois Tundra Gold par le groupe chinois Qingshan Mining, "
        "pour des raisons de sécurité nationale."
    )
    assert companies(run(shipped, text, language="fr"))["Tundra Gold"].country == "CA"


def test_a_german_unit_with_a_german_legal_form_is_german(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat die Kestrel Raffinerie GmbH, eine Tochter des russischen Konzerns Qingshan Oil, "
        "unter Treuhandverwaltung gestellt, um die Versorgungssicherheit zu sichern."
    )
    assert companies(run(shipped, text, language="de"))["Kestrel Raffinerie GmbH"].country == "DE"
