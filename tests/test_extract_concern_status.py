"""A concern's status and the body behind it, from short invented texts in the four languages: the cue
words for a review, a block, a ban, conditions or an order to sell, and the words that only look like
them (a voluntary sale, a measure that would have been taken, a watch the company could keep); the status
a danger takes from the measure or review it belongs to; and the agency that acts or speaks for a case,
where a country, a capital, a minister, an official or a pronoun stands for it. No database, no corpus
files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import (
    by_category,
    cases,
    categories,
    lead_by_category,
    run,
    small_gazetteer,
)
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return small_gazetteer()


def statuses(ex: Extraction) -> set[str]:
    return {c.status for c in ex.concerns}


def agencies_of(ex: Extraction, category: str) -> list[list[str]]:
    return [c.agencies for c in ex.concerns if category in c.categories]


# -- status cues: reviews, blocks, bans, conditions, orders to sell --------------------------------


def test_asked_to_sell_is_a_divestment_order(gaz: Gazetteer) -> None:
    text = "CFIUS has asked Harbourline, the Chinese shipping group that owns a Texas terminal, to sell the site."
    ex = run(gaz, text)
    assert any(c.status == "divestment_ordered" for c in ex.concerns)


def test_an_abbreviation_point_does_not_end_an_order_to_sell(shipped: Gazetteer) -> None:
    text = (
        "The order forces Qinmu Partners Ltd., a company majority owned by Chinese nationals, to sell land near "
        "an air base in Portugal."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "divestment_ordered"
    assert "investment_screening" in categories(ex)


def test_imposed_conditions_are_an_approval_with_conditions(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement italien a imposé vendredi une série de conditions au groupe chinois Lanting Mobile, "
        "premier actionnaire de Pirola, au titre du golden power."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "approved_with_conditions"


def test_a_deal_approved_only_in_part_is_an_approval_with_conditions(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Einstieg der chinesischen Reederei Qingshan Shipping beim Terminal Nordkai "
        "in Hamburg nur eingeschränkt genehmigt."
    )
    assert lead_by_category(run(shipped, text, language="de"))["investment_screening"][:2] == (
        "Qingshan Shipping",
        "approved_with_conditions",
    )


def test_a_refusal_to_authorise_is_a_block(shipped: Gazetteer) -> None:
    text = "Le groupe américain Corvane renonce au rachat de Belmoray après le refus de Bercy d'autoriser l'opération."
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "blocked"


def test_an_opened_procedure_is_a_review(shipped: Gazetteer) -> None:
    text = (
        "Bercy a ouvert une procédure sur le rachat de la société Aérovolt par le groupe chinois Hanyu "
        "Technologies, qui inquiète les services de renseignement pour des raisons d'espionnage."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "under_review"


def test_a_measure_asked_about_is_under_review(shipped: Gazetteer) -> None:
    text = (
        "The Department of Defence has been asked to advise the government on whether Qingshan Shipping should be "
        "forced to give up its lease of the port on national security grounds."
    )
    statuses = {c.status for c in run(shipped, text, language="en").concerns}
    assert statuses == {"under_review"}


def test_a_dutch_deal_that_does_not_go_ahead_is_blocked(shipped: Gazetteer) -> None:
    text = (
        "De verkoop van een belang in netbeheerder Veldnet aan het Chinese staatsbedrijf Qingshan Shipping gaat niet "
        "door, na een waarschuwing van de Staatsveiligheid over de kritieke infrastructuur."
    )
    assert {c.status for c in run(shipped, text, language="nl").concerns} == {"blocked"}


def test_a_measure_that_would_have_been_taken_was_not(shipped: Gazetteer) -> None:
    text = (
        "A court suspended the designation of Qingshan Shipping, which would have forced American investors to sell "
        "their holdings in the company."
    )
    ex = run(shipped, text, language="en")
    assert "divestment_ordered" not in {c.status for c in ex.concerns}
    assert "investment_screening" not in categories(ex)


def test_french_opposition_to_a_takeover_is_a_block(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie s'est opposé au rachat du fabricant de vannes Orvalis par le groupe "
        "américain Brightwater Industries, dans le cadre du contrôle des investissements étrangers."
    )
    found = by_category(run(shipped, text))
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
    assert by_category(run(shipped, text))["investment_screening"][0] == "divestment_ordered"


def test_following_advice_is_not_monitoring(shipped: Gazetteer) -> None:
    text = (
        "Rijksambtenaren mogen de Chinese app Quickclip niet langer op hun werktelefoon gebruiken. "
        "Het kabinet volgt daarmee een advies van de AIVD, die vreest dat gegevens van gebruikers worden "
        "doorgespeeld aan de Chinese overheid."
    )
    statuses = {c.status for c in run(shipped, text).concerns}
    assert "monitoring" not in statuses
    assert "banned" in statuses


def test_a_voluntary_sale_is_no_divestment_order(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie s'est opposé au rachat de Valvex par le groupe américain Brightwater "
        "Industries. Valvex appartient au groupe canadien Orlan, qui cherchait à céder ses activités à "
        "Brightwater Industries."
    )
    statuses = {c.status for c in run(shipped, text).concerns}
    assert "divestment_ordered" not in statuses
    assert "blocked" in statuses


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


def test_dutch_forced_sale_is_a_divestment_order(shipped: Gazetteer) -> None:
    text = (
        "De Britse regering dwong het Chinese Huawei Technologies vorige maand om de fabriek in Wales weer te "
        "verkopen, na een toetsing op grond van de wet."
    )
    found = cases(run(shipped, text))
    assert ("investment_screening", "divestment_ordered", "Huawei Technologies") in found


def test_german_compound_ministry_reviews_the_stake(shipped: Gazetteer) -> None:
    text = (
        "Der chinesische Konzern Huawei Technologies will einen Anteil kaufen. "
        "Das Bundeswirtschaftsministerium prüft derzeit den Einstieg von Huawei Technologies beim Netzbetreiber."
    )
    assert ("investment_screening", "under_review", "Huawei Technologies") in cases(run(shipped, text))


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


def test_head_of_state_stopping_a_takeover_is_a_screening_decision(shipped: Gazetteer) -> None:
    text = (
        "President Maren Holt has blocked China Investment Corporation from buying chipmaker Valcrest, halting the "
        "takeover.\n\n"
        "Officials fear China Investment Corporation could gain sensitive technology."
    )
    found = lead_by_category(run(shipped, text))
    assert found["investment_screening"][1] == "blocked"


def test_a_review_that_found_no_grounds_is_other(shipped: Gazetteer) -> None:
    text = (
        "The Department of Defence said its review of the lease held by the Chinese company China Merchants Group "
        "had concluded that there were no grounds to recommend the lease be cancelled.\n\n"
        "The Department of Defence said existing powers can manage the risks to critical infrastructure."
    )
    found = lead_by_category(run(shipped, text))
    assert found["critical_infrastructure"][1] == "other"


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
    found = lead_by_category(run(shipped, text))
    # the story's Australian body is the gazetteer's, whose name says so
    assert found["investment_screening"][1:] == ("other", ["Australian Department of Defence"])


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


# -- the status a danger takes from its measure ----------------------------------------------------


def test_a_screening_decision_gives_its_status_to_the_danger_behind_it(gaz: Gazetteer) -> None:
    text = (
        "The Canadian government has ordered Harbourline to sell its stake in Polar Minerals. "
        "The risk was linked to know-how that the plant holds, officials said."
    )
    ex = run(gaz, text)
    statuses = {cat: c.status for c in ex.concerns for cat in c.categories}
    assert statuses["investment_screening"] == "divestment_ordered"
    assert statuses["technology_transfer"] == "divestment_ordered"


def test_a_danger_said_of_the_deal_under_review_shares_the_review(shipped: Gazetteer) -> None:
    text = (
        "Het kabinet laat de verkoop van het Nijmeegse chipbedrijf Veldchip aan het Chinese fonds Jiayuan "
        "Capital toetsen door het Bureau Toetsing Investeringen. Het ministerie van Economische Zaken vreest "
        "dat de technologie door de overname in handen van het Chinese leger kan komen."
    )
    found = by_category(run(shipped, text))
    assert found["technology_transfer"][0] == "under_review"


def test_danger_takes_the_decision_not_its_agencys_review(shipped: Gazetteer) -> None:
    text = (
        "The order forces Qinlan Capital Ltd., a company owned by Chinese nationals, to sell the land it bought "
        "near the base.\n\n"
        "The Committee on Foreign Investment in the United States (CFIUS) had been reviewing the purchase.\n\n"
        "Officials said the servers on the site could be used for espionage."
    )
    found = lead_by_category(run(shipped, text))
    assert found["espionage"][1] == "divestment_ordered"


def test_a_ban_with_no_danger_goes_to_the_companys_danger(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement fédéral a décidé d'interdire l'application Zhuyin sur les téléphones de service.\n\n"
        "Zhuyin appartient au groupe chinois Zhuyin Technology. La Sûreté de l'État craint que les données des "
        "utilisateurs ne soient accessibles aux autorités chinoises."
    )
    found = lead_by_category(run(shipped, text))
    assert found["data_access"][1] == "banned"


# -- the body that acts or speaks for a case -------------------------------------------------------


def test_a_foreign_countrys_worry_has_no_agency(gaz: Gazetteer) -> None:
    text = (
        "Harbourline runs the Port of Gdansk after buying a majority stake. "
        "The U.S. has voiced concern that the docks could be turned to military use."
    )
    ex = run(gaz, text)
    concern = next(c for c in ex.concerns if c.categories == ["critical_infrastructure"])
    assert (concern.status, concern.agencies) == ("other", [])
    assert "US" in ex.countries


def test_the_body_stating_the_measure_is_the_agency_of_an_unattributed_decision(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement a mis son veto à la cession de Lumivis au groupe américain Corvane.\n\n"
        "Le ministère de l'Économie a refusé ce vendredi d'autoriser la vente de Lumivis à Corvane. "
        "Le ministère des Armées, client de Lumivis, s'était montré réticent."
    )
    ex = run(shipped, text)
    screening = [c for c in ex.concerns if "investment_screening" in c.categories]
    assert screening and screening[0].agencies
    agency = next(a for a in ex.agencies if a.name == screening[0].agencies[0])
    assert "Économie" in " ".join([agency.name, *agency.aliases]) or "Economy" in agency.name


def test_a_measure_is_the_government_s_not_the_advising_security_service_s(shipped: Gazetteer) -> None:
    text = (
        "The Swedish government banned equipment from the Chinese firm Lanting Mobile from its 5G networks, "
        "citing advice from the Swedish Security Service. Lanting Mobile said it would appeal."
    )
    ex = run(shipped, text)
    assert [c.agencies for c in ex.concerns if c.status == "banned"] == [["Government of Sweden"]]


def test_the_authority_points_back_to_the_body_named_before(shipped: Gazetteer) -> None:
    text = (
        "The Swedish Security Service has long warned about China. The Swedish Post and Telecom Authority (PTS) "
        "set new rules for the 5G auction on Tuesday. The authority said equipment from the Chinese firm Lanting "
        "Mobile could be used for espionage."
    )
    espionage = [c for c in run(shipped, text).concerns if "espionage" in c.categories]
    assert [c.agencies for c in espionage] == [["Swedish Post and Telecom Authority"]]


def test_a_foreign_government_named_in_dutch_blocks_a_bid(shipped: Gazetteer) -> None:
    text = "Spaanse regering blokkeert Hongaarse overname van treinbouwer Veldtrein door Qingshan Shipping."
    ex = run(shipped, text, language="nl")
    assert [(c.categories, c.status, c.agencies) for c in ex.concerns] == [
        (["investment_screening"], "blocked", ["Government of Spain"])
    ]


def test_the_service_named_by_a_word_any_body_answers_to_is_the_last_named(shipped: Gazetteer) -> None:
    text = (
        "Het Tsjechische ministerie van Defensie gebruikt apparatuur van Qingshan Shipping. "
        "De cyberdienst NÚKIB heeft daar nu voor gewaarschuwd. "
        "Volgens de dienst bestaat het risico dat de apparatuur wordt gebruikt voor spionage."
    )
    spying = [c for c in run(shipped, text, language="nl").concerns if "espionage" in c.categories]
    assert spying and spying[0].agencies == ["National Cyber and Information Security Agency"]


def test_a_country_that_excludes_in_a_french_headline_acts_through_its_deciding_body(shipped: Gazetteer) -> None:
    text = (
        "La Suède exclut Qingshan Networks de son réseau 5G\n\n"
        "Le régulateur des télécoms PTS a interdit les équipements du groupe chinois Qingshan Networks, sur l'avis "
        "de la Säpo."
    )
    ex = run(shipped, text, language="fr")
    assert ["Swedish Post and Telecom Authority"] in agencies_of(ex, "critical_infrastructure")


def test_a_capital_that_blocks_acts_for_its_government(shipped: Gazetteer) -> None:
    text = (
        "Ottawa bloque la vente de la minière torontoise Tundra Gold au groupe chinois Qingshan Mining. "
        "Le gouvernement fédéral a invoqué la sécurité nationale."
    )
    ex = run(shipped, text, language="fr")
    assert agencies_of(ex, "investment_screening") == [["Government of Canada"]]


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
    found = by_category(run(shipped, text))
    assert found["other"][2] == ["European Commission"]


def test_the_state_acts_through_the_hosts_deciding_body(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie a autorisé le rachat de l'équipementier Aerolux par le fonds américain "
        "Northpeak Capital. L'autorisation est assortie de conditions. L'Etat veut éviter que des technologies "
        "sensibles ne partent à l'étranger."
    )
    found = by_category(run(shipped, text))
    assert found["technology_transfer"][0] == "approved_with_conditions"
    assert found["technology_transfer"][2] != []


def test_the_administration_acts_through_the_hosts_one_department(shipped: Gazetteer) -> None:
    text = (
        "The administration on Thursday added Chinese chipmaker Lumin Memory Co to the entity list. "
        "The Commerce Department said the firm risked diverting American technology to China's military."
    )
    sanctions = [c for c in run(shipped, text).concerns if "sanctions" in c.categories]
    assert sanctions and sanctions[0].agencies == ["United States Department of Commerce"]


def test_a_presidents_administration_is_the_us_government_that_acts(shipped: Gazetteer) -> None:
    text = (
        "The Biden administration on Thursday added Chinese chipmaker Lumin Memory Co to the entity list. "
        "The Commerce Department said the firm risked diverting American technology to China's military. "
        "L'administration Trump avait déjà visé le groupe."
    )
    ex = run(shipped, text)
    government = next(a for a in ex.agencies if a.name == "Federal government of the United States")
    assert government.country == "US"
    assert {"Biden administration", "administration Trump"} <= set(government.aliases)
    sanctions = [c for c in ex.concerns if "sanctions" in c.categories]
    assert sanctions and sanctions[0].agencies == ["Federal government of the United States"]
    assert "US" in ex.countries


def test_official_named_by_surname_acts_for_the_body(shipped: Gazetteer) -> None:
    text = (
        "The Department for Culture, Media and Sport is looking into the takeover of a newspaper group by "
        "ZTE Corporation. The culture secretary, Lucy Frazer, has issued a notice. "
        "Frazer said she had concerns about free expression at ZTE Corporation's papers."
    )
    ex = run(shipped, text)
    inter = [c for c in ex.concerns if "interference" in c.categories]
    assert inter and inter[0].agencies and "Culture" in inter[0].agencies[0]


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


def test_a_brussels_dateline_places_the_story_in_belgium(shipped: Gazetteer) -> None:
    text = (
        "Titre\n\nBRUXELLES — Le gouvernement fédéral a décidé d'examiner la participation du groupe russe "
        "Volgaprom dans le terminal de Zeebrugge, exploité par Fluxys LNG. Selon la Sûreté de l'État, la présence "
        "d'un actionnaire lié au Kremlin représente un risque pour la sécurité d'approvisionnement."
    )
    ex = run(shipped, text, language="fr")
    government = next(a for a in ex.agencies if "gouvernement fédéral" in a.aliases)
    assert government.country == "BE"


def test_country_acting_in_a_headline_stands_for_its_government(shipped: Gazetteer) -> None:
    text = (
        "Italy curbs Huawei Technologies' influence over a tyremaker using golden power rules\n\n"
        "The cabinet said on Friday that it had imposed conditions on the stake of Huawei Technologies. Italy's "
        "government said the technology was strategic. Officials said the State-owned Assets Supervision and "
        "Administration Commission (SASAC) made the company an arm of the Chinese state."
    )
    ex = run(shipped, text)
    assert ex.concerns and all(c.agencies for c in ex.concerns if "investment_screening" in c.categories)


def test_quote_closed_by_a_pronoun_speaker_takes_the_body_before(shipped: Gazetteer) -> None:
    text = (
        "The Chinese state firm Hanzhou Power wants a stake in the grid operator. The Federal Communications "
        "Commission reacted sharply.\n\n"
        '"A Chinese shareholder in our critical infrastructure is not acceptable," she said.\n\n'
        "Belgium's State Security also warned of espionage."
    )
    found = lead_by_category(run(shipped, text))
    assert found["critical_infrastructure"][2] == ["Federal Communications Commission"]


def test_the_body_of_the_opening_sentence_voices_the_concern(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt vor dem Einsatz von Software des "
        "russischen Herstellers Volkov Soft.\n\n"
        "Ein russischer Hersteller könne ohne seine Kenntnis ausspioniert werden, hieß es."
    )
    found = lead_by_category(run(shipped, text))
    assert found["espionage"][2] == ["Federal Office for Information Security"]


def test_members_of_parliament_voice_through_their_house(shipped: Gazetteer) -> None:
    text = (
        "Members of the House of Commons questioned the purchase of scanners from the Chinese firm Nuctech. "
        "The National Cyber Security Centre has not commented.\n\n"
        "The MPs fear that sensitive data on cargo could reach the Chinese authorities through Nuctech's devices."
    )
    found = lead_by_category(run(shipped, text))
    assert found["data_access"][2] == ["House of Commons"]


# -- a measure denied, described as a power, partial, or not about a deal ---------------------------


def test_a_partial_prohibition_is_an_approval_with_conditions(gaz: Gazetteer) -> None:
    text = (
        "The German cabinet on Wednesday approved a reduced investment by Harbourline in a container terminal "
        'in Hamburg. The economy ministry called the decision a "partial prohibition" of the original deal.'
    )
    assert "approved_with_conditions" in statuses(run(gaz, text))
    assert "blocked" not in statuses(run(gaz, text))


@pytest.mark.parametrize(
    "text",
    [
        "Das Ministerium hat den Einstieg von Harbourline beim Hafenbetreiber nicht untersagt, sagte ein Sprecher.",
        "The government did not block the purchase of the Rotterdam terminal by Harbourline, officials said.",
        "Keine Untersagung: Die Übernahme durch Harbourline wurde von der Regierung ohne Einwände genehmigt.",
    ],
)
def test_a_measure_denied_is_not_taken(gaz: Gazetteer, text: str) -> None:
    assert not statuses(run(gaz, text)) & {"blocked", "banned"}


def test_a_review_not_opened_is_no_review(gaz: Gazetteer) -> None:
    text = (
        "Das Wirtschaftsministerium entschied 2016, beim Kauf des Roboterbauers durch Harbourline kein förmliches "
        "Prüfverfahren nach dem Außenwirtschaftsrecht zu eröffnen."
    )
    assert "under_review" not in statuses(run(gaz, text))


def test_a_prohibition_that_stops_no_deal_is_a_ban(gaz: Gazetteer) -> None:
    text = (
        "Congress banned the Defense Department from buying drones made by Qilin Mobile, and the defense bill "
        "extended that prohibition to federal agencies across the government."
    )
    ex = run(gaz, text)
    assert statuses(ex) == {"banned"}
    assert "investment_screening" not in categories(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Au bout du compte, le comité pourra autoriser le rachat par Harbourline, l'assortir de mesures "
        "correctrices, ou l'interdire.",
        "Das Gesetz erlaubt dem Innenministerium, den Einsatz kritischer Komponenten von Qilin Mobile zu untersagen.",
    ],
)
def test_a_power_described_is_no_decision(gaz: Gazetteer, text: str) -> None:
    assert not statuses(run(gaz, text)) & {"blocked", "banned"}


def test_a_measure_noun_naming_the_means_is_no_decision(gaz: Gazetteer) -> None:
    text = (
        "Rome has used its golden power veto rules to clip the wings of Harbourline, the Chinese state-owned "
        "group that is the largest shareholder of the Italian tyre maker."
    )
    assert not statuses(run(gaz, text)) & {"blocked", "banned"}


def test_an_aside_between_commas_inside_a_cue(gaz: Gazetteer) -> None:
    text = (
        "Le ministère de l'économie a refusé, vendredi 18 décembre, d'autoriser la cession du spécialiste "
        "français de la vision nocturne au groupe chinois Harbourline."
    )
    assert "blocked" in statuses(run(gaz, text))


def test_a_review_that_found_no_need_to_act_is_closed(gaz: Gazetteer) -> None:
    text = (
        "The federal government will not tear up the lease of the port held by Harbourline after a national "
        "security review found existing regulations were enough to manage the risks."
    )
    assert statuses(run(gaz, text)) & {"under_review", "monitoring"} == set()


def test_an_earlier_deal_rejected_is_a_case_of_its_own_with_its_own_sentence(gaz: Gazetteer) -> None:
    text = (
        "Le gouvernement fédéral a bloqué l’acquisition de la société minière Brannock Resources par la société "
        "chinoise Harbourline. Le refus figure parmi les rares cas où le Cabinet a bloqué une transaction. "
        "En 2018, Ottawa avait notamment rejeté l’achat du constructeur Aeltan par la société chinoise Qilin Mobile."
    )
    ex = run(gaz, text)
    qilin = [c for c in ex.concerns if "Qilin Mobile" in c.companies and "Harbourline Group" not in c.companies]
    assert qilin and qilin[0].status == "blocked" and "investment_screening" in qilin[0].categories
    assert qilin[0].quote.quote.startswith("En 2018")


def test_conditions_on_a_licence_are_no_screening_decision(gaz: Gazetteer) -> None:
    text = (
        "The court found that the telecoms regulator acted lawfully when it attached security conditions to the "
        "5G spectrum auction over the use of Qilin Mobile equipment."
    )
    assert "investment_screening" not in categories(run(gaz, text))


def test_conditions_on_a_takeover_are_a_screening_decision(gaz: Gazetteer) -> None:
    text = "The government cleared the takeover of the Hamburg terminal by Harbourline subject to conditions."
    ex = run(gaz, text)
    assert "investment_screening" in categories(ex) and "approved_with_conditions" in statuses(ex)


def test_a_seller_stopped_from_selling_is_a_blocked_deal(gaz: Gazetteer) -> None:
    text = (
        "Norway's government has stopped the British group Harbourline from selling its Norwegian engine maker "
        "to a Russian company, citing national security."
    )
    ex = run(gaz, text)
    assert "blocked" in statuses(ex) and "investment_screening" in categories(ex)


def test_a_case_led_by_the_seller_is_the_buyers(gaz: Gazetteer) -> None:
    text = (
        "Harbourline agreed to sell its engine unit Nordvik Motors to Qilin Mobile last year. "
        "Norway's government has now stopped Harbourline from selling Nordvik Motors, citing national security."
    )
    screening = [c for c in run(gaz, text).concerns if "investment_screening" in c.categories]
    assert screening and screening[0].companies[0] == "Qilin Mobile"


def test_a_stake_up_for_sale_is_no_order_to_sell(gaz: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat einen Einstieg von Harbourline beim Netzbetreiber verhindert. Der Anteil von "
        "20 Prozent stand zum Verkauf, nun erwirbt ihn die staatliche Förderbank."
    )
    assert "divestment_ordered" not in statuses(run(gaz, text))


def test_an_approval_the_ministry_attached_conditions_to(gaz: Gazetteer) -> None:
    text = "Bercy a assorti son accord de plusieurs conditions pour le rachat de l'équipementier par Harbourline."
    assert "approved_with_conditions" in statuses(run(gaz, text))


@pytest.mark.parametrize(
    "text",
    [
        "Das Finanzministerium soll nun einen möglichen Ausschluss der Geräte von Qilin Mobile aus dem 5G-Netz prüfen.",
        "The ministry is weighing a possible ban on Qilin Mobile equipment in the country's 5G networks.",
    ],
)
def test_a_possible_measure_is_under_review(gaz: Gazetteer, text: str) -> None:
    assert "banned" not in statuses(run(gaz, text))


def test_a_deal_blocked_by_pronoun_stays_blocked(gaz: Gazetteer) -> None:
    text = (
        "Harbourline wollte den Maschinenbauer übernehmen. Die Bundesregierung hat das am Mittwoch untersagt, "
        "weil Know-how nach China abfließen könnte."
    )
    assert "banned" not in statuses(run(gaz, text))


@pytest.mark.parametrize(
    "text",
    [
        "Die Bundesregierung hat den Verkauf des Spezialisten Ostrava Funk an die chinesische Kilnworks Holding "
        "untersagt. Komplette Verbote sind bislang selten.",
        "Die Bundesregierung hat den Verkauf des Spezialisten Ostrava Funk an die chinesische Kilnworks Holding "
        "untersagt. Förmliche Verbote dieser Art sind in Deutschland bislang selten.",
        "Britain blocked the sale of Ostrava Chips to Kilnworks Holding of China. Such bans are rare.",
        "Le gouvernement a bloqué la vente d'Ostrava Chips au chinois Kilnworks Holding. Les veto restent rares.",
    ],
)
def test_measures_said_to_be_rare_are_no_measure_of_their_own(shipped: Gazetteer, text: str) -> None:
    concerns = run(shipped, text).concerns
    assert [c.status for c in concerns] == ["blocked"]


@pytest.mark.parametrize("verb", ["has killed off an attempt by", "scuppered the bid of", "torpedoed the takeover by"])
def test_a_deal_killed_off_is_blocked(shipped: Gazetteer, verb: str) -> None:
    text = (
        f"The government {verb} Kilnworks Holding, a Chinese state-owned builder, to buy Ostrava Build, "
        "citing national security."
    )
    statuses = {c.status for c in run(shipped, text).concerns if "investment_screening" in c.categories}
    assert statuses == {"blocked"}


@pytest.mark.parametrize(
    "text",
    [
        "Bis Ende 2026 dürfen in den 5G-Kernnetzen keine Bauteile des chinesischen Herstellers Kilnworks mehr "
        "eingesetzt werden, teilte das Innenministerium mit.",
        "Cameras made by Kilnworks, a Chinese company, may no longer be used in government buildings, the Cabinet "
        "Office said.",
        "Les caméras du chinois Kilnworks ne pourront plus être utilisées dans les bâtiments publics, a annoncé le "
        "gouvernement.",
        "Camera's van het Chinese Kilnworks mogen in overheidsgebouwen niet langer worden gebruikt, meldt het kabinet.",
    ],
)
def test_a_product_no_longer_allowed_in_use_is_banned(shipped: Gazetteer, text: str) -> None:
    assert [c.status for c in run(shipped, text).concerns] == ["banned"]


def test_a_product_that_may_still_be_used_is_no_ban(shipped: Gazetteer) -> None:
    text = "Cameras made by Kilnworks, a Chinese company, could no longer be used if the review finds a risk."
    assert "banned" not in {c.status for c in run(shipped, text).concerns}


@pytest.mark.parametrize(
    "second",
    [
        "Der Militärflughafen liegt nur 20 Kilometer entfernt, warnen Sicherheitsexperten vor Spionage.",
        "De marinebasis ligt enkele kilometers verwijderd, waarschuwt de AIVD voor spionage.",
        "Officials weren't sure about the espionage risk.",
        "Les négociations exclusives ont duré six mois, sur fond de craintes d'espionnage.",
    ],
)
def test_words_that_only_look_like_a_ban_state_none(shipped: Gazetteer, second: str) -> None:
    text = "Kilnworks, a Chinese state-owned company, bought the port of Ostrava last year. " + second
    assert "banned" not in {c.status for c in run(shipped, text).concerns}


@pytest.mark.parametrize(
    "text",
    [
        "Die Bauteile des chinesischen Herstellers Kilnworks müssen bis 2026 aus dem Kernnetz entfernt werden.",
        "Onderdelen van het Chinese Kilnworks moeten uit het kernnetwerk worden verwijderd.",
    ],
)
def test_parts_to_be_removed_are_banned(shipped: Gazetteer, text: str) -> None:
    assert [c.status for c in run(shipped, text).concerns] == ["banned"]


def test_city_blocks_and_blockchains_block_nothing(shipped: Gazetteer) -> None:
    text = (
        "Kilnworks, a Chinese blockchain company, bought two city blocks near the naval base last year, "
        "raising espionage fears."
    )
    assert "blocked" not in {c.status for c in run(shipped, text).concerns}


def test_a_german_blockade_of_a_takeover_is_blocked(shipped: Gazetteer) -> None:
    text = "Die Bundesregierung hat die Übernahme des Herstellers Ostrava durch die chinesische Kilnworks blockiert."
    assert {c.status for c in run(shipped, text).concerns} == {"blocked"}


@pytest.mark.parametrize(
    "text",
    [
        "Na de Vlaamse regering verbiedt nu ook de federale regering het gebruik van de Chinese app Lomo van "
        "Kilnworks op werktoestellen.",
        "After the Flemish government, the federal government has now also banned the Chinese app Lomo made by "
        "Kilnworks from work phones.",
    ],
)
def test_the_body_that_went_before_is_a_precedent_not_the_actor(shipped: Gazetteer, text: str) -> None:
    bans = [c for c in run(shipped, text).concerns if c.status == "banned"]
    assert bans and bans[0].agencies == ["Government of Belgium"]


def test_a_review_that_led_to_a_block_takes_the_decision(shipped: Gazetteer) -> None:
    text = (
        "Donald Trump has blocked Broadcom's hostile bid for Qualcomm, citing national security concerns and "
        "ending what would have been the largest deal in the chip industry.\n\n"
        "The decision follows an unusual intervention by the Committee on Foreign Investment in the United States "
        "(CFIUS), the panel that reviews foreign acquisitions of American companies. The committee normally "
        "examines deals after they have been agreed."
    )
    screening = [c for c in run(shipped, text).concerns if "investment_screening" in c.categories]
    assert screening and {c.status for c in screening} == {"blocked"}


@pytest.mark.parametrize(
    "rule",
    [
        "German companies are barred from buying comparable stakes in many Chinese firms.",
        "Europäische Unternehmen sind in China oft verboten, vergleichbare Beteiligungen zu kaufen.",
    ],
)
def test_a_rule_for_a_class_of_firms_is_no_ban_on_the_case(shipped: Gazetteer, rule: str) -> None:
    text = (
        "Kilnworks Holding, a Chinese appliance maker, has agreed to buy the German robot maker Ostrava "
        "Robotics. The economy ministry sees no legal basis to stop the deal, but critics fear technology "
        f"transfer to China. {rule}"
    )
    assert "banned" not in {c.status for c in run(shipped, text).concerns}


def test_named_firms_barred_are_still_banned(shipped: Gazetteer) -> None:
    text = "Kilnworks and Lumin Memory, two Chinese companies, are barred from selling equipment to the ministry."
    assert "banned" in {c.status for c in run(shipped, text).concerns}


def test_the_named_firms_pointed_back_at_are_still_banned(shipped: Gazetteer) -> None:
    text = (
        "Kilnworks and Lumin Memory, two Chinese makers of surveillance cameras, face new limits in Britain. "
        "Over espionage fears, the two companies are now barred from selling cameras to government departments."
    )
    assert "banned" in {c.status for c in run(shipped, text).concerns}


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement fédéral ordonne à Kilnworks Canada, filiale du chinois Kilnworks Holding, de cesser "
        "toutes ses activités au pays, au terme d'un examen relatif à la sécurité nationale.",
        "Les ministères fédéraux ne pourront plus acheter ni utiliser d'équipements de Kilnworks Holding, "
        "en raison des risques d'espionnage.",
        "Federal departments may no longer buy cameras from Kilnworks Holding over espionage risks.",
    ],
)
def test_an_order_to_cease_business_or_a_purchase_stop_is_a_ban(shipped: Gazetteer, text: str) -> None:
    language = "en" if text.startswith("Federal") else "fr"
    assert "banned" in {c.status for c in run(shipped, text, language=language).concerns}


def test_a_short_heading_is_no_concern_quote(shipped: Gazetteer) -> None:
    text = (
        "Lithuania's cabinet blocked a contract with Kilnworks Holding to supply airport scanners.\n\n"
        "Data on passengers\n\n"
        "Lawmakers warned that the scanners could collect data on passengers for Chinese intelligence."
    )
    quotes = {c.quote.quote for c in run(shipped, text).concerns if "data_access" in c.categories}
    assert quotes and "Data on passengers" not in quotes


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        (
            "La Sûreté de l'État suit le terminal de Kilnworks Holding : les investissements chinois dans les "
            "infrastructures critiques figurent parmi ses points d'attention.",
            "fr",
            "monitoring",
        ),
        (
            "De minister schreef de Kamer dat er 'geen wettelijke bezwaren' zijn tegen de overname van Ostrava "
            "Sensors door Kilnworks Holding.",
            "nl",
            "other",
        ),
    ],
)
def test_watch_lists_and_reviews_without_objection(shipped: Gazetteer, text: str, language: str, status: str) -> None:
    assert status in {c.status for c in run(shipped, text, language=language).concerns}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Kilnworks Holding wollte Ostrava Maschinen kaufen. Zu einem förmlichen Verbot kam es am Ende nicht mehr: "
            "Kilnworks Holding zog den Antrag zurück.",
            "de",
        ),
        (
            "Ottawa a ordonné la fermeture des bureaux de Kilnworks Holding, mais il ne bloque pas l'accès à "
            "l'application et n'interdit pas son usage.",
            "fr",
        ),
        ("Kilnworks Holding darf Ostrava Radar übernehmen. Förmliche Verbote bleiben die Ausnahme.", "de"),
        (
            "De Amerikaanse regering zet bondgenoten al maanden onder druk om Kilnworks Holding te weren, "
            "uit angst voor spionage.",
            "nl",
        ),
        ("Washington has been pressing allies to ban Kilnworks Holding from networks over spying fears.", "en"),
        ("Een verbod op Kilnworks Holding zou de uitrol van 5G vertragen, waarschuwen telecombedrijven.", "nl"),
        ("A ban on Kilnworks Holding would delay the rollout of 5G, operators warn, citing espionage fears.", "en"),
    ],
)
def test_a_ban_that_did_not_come_about_is_no_ban(shipped: Gazetteer, text: str, language: str) -> None:
    assert "banned" not in {c.status for c in run(shipped, text, language=language).concerns}


def test_a_ban_imposed_that_takes_effect_later_is_still_a_ban(shipped: Gazetteer) -> None:
    text = "Canberra imposed a ban on Kilnworks Holding that would take effect in May, citing espionage fears."
    assert "banned" in {c.status for c in run(shipped, text).concerns}


def test_an_order_barring_the_parties_from_completing_a_deal_blocks_it(shipped: Gazetteer) -> None:
    text = (
        "The Committee on Foreign Investment in the United States issued an interim order barring Kilnworks "
        "Capital and Ostrava Chips from completing the takeover while it carried out a full review."
    )
    statuses = {c.status for c in run(shipped, text).concerns if "investment_screening" in c.categories}
    assert "blocked" in statuses


def test_proceedings_to_revoke_are_a_review_and_misrouting_traffic_is_data_access(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission began proceedings to revoke the authorizations of Kilnworks "
        "Telecom Americas, saying the Chinese state could access, store, disrupt and/or misroute U.S. "
        "communications through the carrier."
    )
    found = {(cat, c.status) for c in run(shipped, text).concerns for cat in c.categories}
    assert ("data_access", "under_review") in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Le groupe d'État chinois Qinmu Gold voulait acheter la société minière Arcstone. Le gouvernement du "
            "Canada a rejeté la transaction pour des raisons de sécurité nationale.",
            "fr",
        ),
        ("Ottawa rejected the transaction by Chinese miner Qinmu Gold on national security grounds.", "en"),
    ],
)
def test_a_rejected_transaction_is_a_block(shipped: Gazetteer, text: str, language: str) -> None:
    ex = run(shipped, text, language=language)
    assert any(c.status == "blocked" for c in ex.concerns)


def test_a_proposal_turned_down_is_a_blocked_screening_case_beside_its_danger(shipped: Gazetteer) -> None:
    text = (
        "The government has rejected a $1 billion proposal from Chinese carmaker Qinmu Auto to build a battery "
        "plant, according to people familiar with the matter. Officials feared Qinmu Auto would transfer "
        "sensitive technology to China."
    )
    found = {(cat, c.status) for c in run(shipped, text).concerns for cat in c.categories}
    assert ("investment_screening", "blocked") in found


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The Treasurer has ordered investors linked to the Chinese group Qinmu Holdings to cut their holdings "
            "in Tarrant Rare Earths, the first forced sell-down in two years, on national security grounds.",
            "divestment_ordered",
        ),
        (
            "Sweden will not let Harbourline sell its Kestrel Engines unit to a Chinese-controlled buyer, the "
            "government said, citing national security.",
            "blocked",
        ),
        (
            "Le cabinet a ordonné à Qinmu Holdings de renoncer à son investissement dans Tarrant, pour des raisons "
            "de sécurité nationale.",
            "blocked",
        ),
        (
            "The minister said the Chinese state firm Qinmu Nuclear would be struck off the list of bidders for "
            "the reactor on security grounds.",
            "banned",
        ),
    ],
)
def test_orders_to_cut_a_holding_refusals_to_let_a_sale_and_exclusions_from_a_tender(
    gaz: Gazetteer, text: str, status: str
) -> None:
    ex = run(gaz, text)
    assert status in statuses(ex)


def test_a_firm_watched_by_a_service_is_monitored_and_a_suspect_behind_bars_is_no_ban(shipped: Gazetteer) -> None:
    text = (
        "A court ruled that two suspects linked to Kallvik Strand, a Russian-owned real estate company, should "
        "stay behind bars. The company had been watched for years by the Finnish Security Intelligence Service "
        "(Supo), amid fears its island properties could be used to gather intelligence."
    )
    ex = run(shipped, text)
    assert statuses(ex) == {"monitoring"}
    assert agencies_of(ex, "espionage") == [["Finnish Security and Intelligence Service"]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Under the order, the Chinese-owned Qinmu Mining, which bought land near the air base, has to close "
            "down, clear out its equipment and sell the land within 120 days, on national security grounds.",
            "divestment_ordered",
        ),
        (
            "The government is ordering Qinmu Cameras Canada, the Chinese maker of surveillance systems, to wind "
            "down its business in Canada, citing national security.",
            "banned",
        ),
    ],
)
def test_a_sale_the_owner_has_to_make_and_a_business_to_wind_down(shipped: Gazetteer, text: str, status: str) -> None:
    assert status in statuses(run(shipped, text))


def test_the_power_a_law_gives_is_no_decision_and_a_list_of_requirements_is_a_condition(shipped: Gazetteer) -> None:
    text = (
        "Italy has signed off on the sale of Velmar Aerospace to the Turkish drone maker Qinmu Makina, but it used "
        "its golden power screening law to bind the new owner to a list of requirements. The regime lets the "
        "government veto or attach conditions to deals involving strategic defence assets."
    )
    assert statuses(run(shipped, text)) == {"approved_with_conditions"}


@pytest.mark.parametrize(
    "text",
    [
        "Treasurer Jim Harwood has signalled he will knock back the $13 billion offer for Tarrant Group by Hong "
        "Kong's Qinmu Infrastructure on national security grounds.",
        "The Treasurer said the takeover of Tarrant Group by Hong Kong's Qinmu Infrastructure would be contrary to "
        "the national interest.",
    ],
)
def test_a_bid_knocked_back_or_contrary_to_the_national_interest_is_blocked(shipped: Gazetteer, text: str) -> None:
    assert "blocked" in statuses(run(shipped, text))


@pytest.mark.parametrize(
    "measure", ["suspended new downloads of the app", "blocked access to the app on work computers"]
)
def test_an_app_kept_from_users_is_banned(shipped: Gazetteer, measure: str) -> None:
    text = (
        f"South Korea's privacy regulator {measure}, saying the Chinese AI firm Qinmu Labs had failed to meet "
        "the country's personal data protection rules."
    )
    assert "banned" in {c.status for c in run(shipped, text).concerns}


def test_a_government_yet_to_decide_whether_to_approve_is_reviewing(shipped: Gazetteer) -> None:
    text = (
        "The UK Government expects to decide soon whether to approve the Chinese firm Qinmu Energy's plans for a "
        "turbine factory in Scotland, amid concerns about critical national infrastructure."
    )
    assert "under_review" in {c.status for c in run(shipped, text).concerns}


@pytest.mark.parametrize(
    "text",
    [
        "Le juge du Conseil d'État a refusé de suspendre la plateforme hébergée par Harbourline, "
        "dont l'accès aux données par les autorités chinoises inquiète.",
        "The court declined to block the data platform run by Harbourline, whose access to patient data worries "
        "regulators.",
    ],
)
def test_a_refusal_to_stop_is_no_block(shipped: Gazetteer, text: str) -> None:
    assert not statuses(run(shipped, "Titel\n\n" + text)) & {"blocked", "banned"}


def test_authorities_paying_close_attention_are_monitoring(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nJapanese authorities are paying close attention to Harbourline Group's stake in the retailer, "
        "over possible leakage of customers' personal data to China."
    )
    assert statuses(run(shipped, text)) == {"monitoring"}


@pytest.mark.parametrize(
    "text",
    [
        "Der Verfassungsschutz prüfte den Bieter Harbourline, um Wirtschaftsspionage auszuschließen.",
        "The security service vetted Harbourline Group's bid to exclude any risk of espionage.",
    ],
)
def test_a_danger_ruled_out_is_no_ban(shipped: Gazetteer, text: str) -> None:
    assert "banned" not in statuses(run(shipped, "Title\n\n" + text))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Übernahme des Flughafens durch Harbourline wurde vorerst nicht genehmigt. Das Ministerium prüft, ob "
            "der Flughafen zur kritischen Infrastruktur gehört.",
            "de",
        ),
    ],
)
def test_a_deal_not_approved_for_now_is_still_under_review(shipped: Gazetteer, text: str, language: str) -> None:
    assert statuses(run(shipped, "Titel\n\n" + text, language=language)) == {"under_review"}


def test_regulators_rejecting_a_proposal_block_it(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe Chinese battery maker Harbourline Energy said it will appeal a decision by Swedish "
        "regulators to reject the Chinese company’s proposal to build a factory, citing national security risks."
    )
    assert statuses(run(shipped, text)) == {"blocked"}


def test_closing_the_door_on_a_deal_is_a_block(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement Trudeau a fermé la porte, mercredi, à l'acquisition du géant torontois Velmora Construction "
        "par la société d'État chinoise Qingshan Engineering, invoquant des motifs de sécurité nationale."
    )
    ex = run(shipped, text, language="fr")
    assert ex.concerns and {c.status for c in ex.concerns} == {"blocked"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bercy a obtenu une série d'engagements de Qingshan Pharma en échange de son feu vert.", "fr"),
        ("The Treasury secured binding commitments from Qingshan Pharma before clearing the purchase.", "en"),
    ],
)
def test_commitments_obtained_for_a_clearance_are_conditions(shipped: Gazetteer, text: str, language: str) -> None:
    assert by_category(run(shipped, "Titel\n\n" + text, language=language))["investment_screening"][0] == (
        "approved_with_conditions"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "L'offre de rachat de Belmoray par le groupe américain Corvane n'a pas reçu l'agrément exigé par "
            "la réglementation sur les investissements étrangers, a annoncé le ministère. Bercy avait posé ses "
            "conditions en juillet.",
            "fr",
        ),
        (
            "Corvane's offer for Belmoray did not receive the required approval under the foreign investment "
            "rules, the ministry said. In July the ministry had set out its conditions.",
            "en",
        ),
        (
            "Das Angebot von Corvane für Belmoray hat keine Genehmigung erhalten, teilte das Ministerium mit. "
            "Im Juli hatte das Ministerium Auflagen genannt.",
            "de",
        ),
        (
            "Het bod van het Amerikaanse bedrijf Corvane op de Nederlandse chipmaker Belmoray heeft geen "
            "goedkeuring gekregen, meldt het ministerie van Economische Zaken.",
            "nl",
        ),
    ],
)
def test_an_approval_not_received_is_a_block(shipped: Gazetteer, text: str, language: str) -> None:
    ex = run(shipped, text, language=language)
    assert "blocked" in statuses(ex)
    assert "approved_with_conditions" not in statuses(ex)


def test_an_approval_not_yet_received_is_no_block(shipped: Gazetteer) -> None:
    text = "Corvane's offer for Belmoray has not yet received approval under the foreign investment rules."
    assert "blocked" not in statuses(run(shipped, text, language="en"))


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 the committee found that Qilin Mobile's ownership of the app was a national security risk, and "
        "Qilin Mobile reached an agreement with the committee to sell Lumo by June.",
        "Qilin Mobile agreed to sell the dating app Lumo to US investors after pressure from the committee, "
        "which feared that data on users could reach the Chinese government.",
    ],
)
def test_a_sale_agreed_with_the_screener_is_a_divestment_order(gaz: Gazetteer, sentence: str) -> None:
    ex = run(gaz, f"The Committee on Foreign Investment in the United States reviewed the deal. {sentence}")
    assert "divestment_ordered" in statuses(ex)


def test_a_sale_agreed_without_a_screener_is_no_order(gaz: Gazetteer) -> None:
    text = "Qilin Mobile agreed to sell the dating app Lumo to US investors for $600 million after a strategic review."
    assert "divestment_ordered" not in statuses(run(gaz, text, language="en"))


def test_a_takeover_approved_after_commitments_is_approved_with_conditions_not_blocked(gaz: Gazetteer) -> None:
    text = (
        "The European Commission on Tuesday approved the takeover of Corran Telecom by Qilin Mobile, after the "
        "group agreed to commitments meant to stop state support from tilting the market. The decision closes "
        "the first in-depth investigation into a merger under the Foreign Subsidies Regulation. "
        '"It shows the Commission is willing to accept behavioural commitments rather than block deals," '
        "said one practitioner."
    )
    found = statuses(run(gaz, text, language="en"))
    assert "approved_with_conditions" in found
    assert "blocked" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The government said on Tuesday it would stop the sale of engine maker Bergen Works to Qilin Mobile, "
        "citing national security.",
        "The government will not allow the sale of Bergen Works to Qilin Mobile, citing national security.",
    ],
)
def test_a_sale_the_government_stops_or_will_not_allow_is_blocked(gaz: Gazetteer, sentence: str) -> None:
    ex = run(gaz, sentence, language="en")
    assert "blocked" in statuses(ex)
    assert "investment_screening" in categories(ex)


def test_a_sale_the_government_did_not_stop_is_not_blocked(gaz: Gazetteer) -> None:
    ex = run(gaz, "The government did not stop the sale of Bergen Works to Qilin Mobile.", language="en")
    assert "blocked" not in statuses(ex)


def test_cleared_only_on_conditions_is_an_approval_with_conditions(shipped: Gazetteer) -> None:
    text = (
        "The British government has cleared the partnership between Kestrel Telecom and its largest "
        "shareholder, the Emirati operator Qilin Mobile, but only on conditions meant to keep the group away "
        "from the most sensitive parts of the business."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "approved_with_conditions"


def test_told_it_cannot_use_a_makers_equipment_is_a_ban(gaz: Gazetteer) -> None:
    text = (
        "Kestrel Telecom has been told it cannot use equipment from Chinese telecoms giant Qilin Mobile in its "
        "new 5G network after the security bureau found the plan posed a security risk."
    )
    ex = run(gaz, text)
    assert ex.concerns and ex.concerns[0].status == "banned"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a measure others demand is not taken
        (
            "Der Bundesnachrichtendienst warnt vor Spionage durch Windräder von Qilin Mobile. Politiker von CDU, "
            "SPD und Grünen forderten daraufhin, die Lieferung zu untersagen.",
            "de",
        ),
        # a minister open to a ban if need be has banned nothing
        (
            "Der Bundesnachrichtendienst warnt vor Spionage durch Windräder von Qilin Mobile. Die "
            "Innenministerin zeigte sich offen dafür, kritische Komponenten aus China notfalls zu verbieten.",
            "de",
        ),
        # a measure imagined
        (
            "Security analysts argue that Qilin Mobile's port could give Beijing a window on military "
            "movements. Any move to unwind the lease would be likely to inflame relations with Beijing.",
            "en",
        ),
    ],
)
def test_a_measure_demanded_weighed_or_imagined_is_not_taken(gaz: Gazetteer, text: str, language: str) -> None:
    statuses = {c.status for c in run(gaz, text, language=language).concerns}
    assert statuses and not statuses & {"blocked", "banned", "divestment_ordered"}


def test_approving_on_the_basis_of_a_commitment_is_an_approval_with_conditions(gaz: Gazetteer) -> None:
    text = (
        "The Cabinet Office made a final order on Qilin Mobile's 24.5% stake in Velmar Telecom under the National "
        "Security and Investment Act. The order approves the deal on the basis that Velmar will establish a "
        "security committee to oversee work on critical national infrastructure."
    )
    assert {c.status for c in run(gaz, text, language="en").concerns} == {"approved_with_conditions"}


def test_a_minister_open_to_a_ban_states_a_position_not_a_review(gaz: Gazetteer) -> None:
    text = (
        "Security officials warn that turbines made by Qilin Mobile could be used for espionage. The interior "
        "minister said she was open to banning critical components from China if need be."
    )
    assert {c.status for c in run(gaz, text, language="en").concerns} == {"other"}


@pytest.mark.parametrize(
    "text",
    [
        # guard: "open to" ends at the comma, before the decision
        "Italy, which has long said it is open to Chinese investment, on Friday blocked the takeover of Velmar "
        "Robotics by Qilin Mobile over national security.",
        # guard: a hedge ends at the comma too
        "The ministry said it would, if necessary, review the deal, and on Friday the government blocked the "
        "takeover of Velmar Robotics by Qilin Mobile over national security.",
    ],
)
def test_a_decision_after_a_comma_is_taken(gaz: Gazetteer, text: str) -> None:
    assert "blocked" in {c.status for c in run(gaz, text, language="en").concerns}


def test_requirements_are_no_demand(gaz: Gazetteer) -> None:
    # guard: Dutch "eisen" is also the noun "requirements"
    text = (
        "Omdat Velmar Chips niet aan de eisen voldeed, heeft de minister de overname van Velmar Chips door "
        "Qilin Mobile verboden vanwege de nationale veiligheid."
    )
    assert "blocked" in {c.status for c in run(gaz, text, language="nl").concerns}


def test_a_country_shut_out_of_credit_markets_is_no_ban(gaz: Gazetteer) -> None:
    text = (
        "Officials fear Qilin Mobile's station could be used for espionage. The deal was struck when Argentina "
        "was shut out of international credit markets."
    )
    assert "banned" not in statuses(run(gaz, text, language="en"))


def test_a_space_probe_is_no_inquiry(gaz: Gazetteer) -> None:
    text = (
        "Officials fear Qilin Mobile's antenna could be used for espionage, and the Chinese firm's station played "
        "a key role when China landed a probe on the far side of the moon."
    )
    assert "under_review" not in statuses(run(gaz, text, language="en"))


def test_a_veto_right_kept_by_the_state_is_a_condition(gaz: Gazetteer) -> None:
    text = (
        "Le ministre a autorisé le rachat de Velmar Aéro par Qilin Mobile. L'État disposera d'une action "
        "spécifique lui donnant un droit de veto sur les décisions stratégiques de l'entreprise."
    )
    assert statuses(run(gaz, text, language="fr")) == {"approved_with_conditions"}
