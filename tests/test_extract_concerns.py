"""Concerns, their agency and status, and the countries list, on short texts written for these tests."""

from __future__ import annotations

from tests.extract_helpers import companies, run
from tracker.ingest.extract import _one_case_per_group
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction, FoundCompany, FoundConcern, Span


def pairs(ex: Extraction) -> set[tuple[str, str]]:
    """(first company, category) of every concern."""
    return {(c.companies[0] if c.companies else "", cat) for c in ex.concerns for cat in c.categories}


def categories(ex: Extraction) -> set[str]:
    return {cat for c in ex.concerns for cat in c.categories}


# -- categories ------------------------------------------------------------------------------


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


# -- subjects ---------------------------------------------------------------------------------


def test_an_abbreviation_point_does_not_end_an_order_to_sell(shipped: Gazetteer) -> None:
    text = (
        "The order forces Qinmu Partners Ltd., a company majority owned by Chinese nationals, to sell land near "
        "an air base in Portugal."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "divestment_ordered"
    assert "investment_screening" in categories(ex)


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


def test_unnamed_linked_investors_leave_the_target_as_the_subject(shipped: Gazetteer) -> None:
    text = (
        "The Australian government ordered five Chinese-linked investors to sell their shares in the miner Karrow "
        "Rare Earths, an Australian company. Karrow Rare Earths sells its ore to the Chinese group Hengda Metals, "
        "and Hengda Metals has a plant near Perth."
    )
    screening = [c for c in run(shipped, text).concerns if "investment_screening" in c.categories]
    assert screening and screening[0].companies[0] == "Karrow Rare Earths"


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


# -- status and agency --------------------------------------------------------------------------


def test_imposed_conditions_are_an_approval_with_conditions(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement italien a imposé vendredi une série de conditions au groupe chinois Lanting Mobile, "
        "premier actionnaire de Pirola, au titre du golden power."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "approved_with_conditions"


def test_a_refusal_to_authorise_is_a_block(shipped: Gazetteer) -> None:
    text = "Le groupe américain Corvane renonce au rachat de Belmoray après le refus de Bercy d'autoriser l'opération."
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "blocked"


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


# -- countries --------------------------------------------------------------------------------


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


def test_turbines_that_can_be_switched_off_from_afar_are_critical_infrastructure(shipped: Gazetteer) -> None:
    text = (
        "Der Verfassungsschutz warnt vor Windturbinen des chinesischen Herstellers Mingfeng Wind. "
        "Die Turbinen könnten aus der Ferne abgeschaltet werden."
    )
    assert "critical_infrastructure" in categories(run(shipped, text))


def test_an_opened_procedure_is_a_review(shipped: Gazetteer) -> None:
    text = (
        "Bercy a ouvert une procédure sur le rachat de la société Aérovolt par le groupe chinois Hanyu "
        "Technologies, qui inquiète les services de renseignement pour des raisons d'espionnage."
    )
    ex = run(shipped, text)
    assert ex.concerns and ex.concerns[0].status == "under_review"


def test_the_company_that_found_the_flaw_is_a_witness_not_a_subject(shipped: Gazetteer) -> None:
    text = (
        "Britain's security services are examining whether buses made by the Chinese manufacturer Yuwei Motors "
        "could be switched off remotely, after Norwegian operator Fjordbuss found that the maker had remote access "
        "to their control systems. Fjordbuss said tests showed that Yuwei Motors could access battery data."
    )
    ex = run(shipped, text)
    assert {name for name, _cat in pairs(ex)} == {"Yuwei Motors"}
    assert "data_access" in categories(ex)  # the witness speaks of the maker: the maker's case


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


def test_a_measure_is_the_government_s_not_the_advising_security_service_s(shipped: Gazetteer) -> None:
    text = (
        "The Swedish government banned equipment from the Chinese firm Lanting Mobile from its 5G networks, "
        "citing advice from the Swedish Security Service. Lanting Mobile said it would appeal."
    )
    ex = run(shipped, text)
    assert [c.agencies for c in ex.concerns if c.status == "banned"] == [["Government of Sweden"]]


def test_a_security_worry_without_danger_or_measure_is_still_a_case(shipped: Gazetteer) -> None:
    text = (
        "Lawmakers in Denmark have raised national security concerns about the Chinese shipping company Haixing "
        "Lines, which bought a 20 percent stake in a Danish port last year. Haixing Lines said its interest was "
        "purely commercial."
    )
    assert pairs(run(shipped, text)) == {("Haixing Lines", "other")}


def test_the_federation_looking_into_a_stake_is_a_screening_review(shipped: Gazetteer) -> None:
    text = "Der Bund prüft den Einstieg des chinesischen Konzerns Haixing Lines beim Hafen Wilhelmshaven."
    ex = run(shipped, text)
    assert pairs(ex) == {("Haixing Lines", "investment_screening")}
    assert ex.concerns[0].status == "under_review"


def test_a_company_listed_with_a_foreign_subject_under_a_measure_is_a_subject(shipped: Gazetteer) -> None:
    text = (
        "The U.S. Commerce Department on Tuesday added Chinese drone maker Skyfold Robotics and surveillance "
        "camera firm Lumina Vision to its entity list. Skyfold said it would challenge the listing."
    )
    assert pairs(run(shipped, text)) == {("Skyfold Robotics", "sanctions"), ("Lumina Vision", "sanctions")}


def test_the_authority_points_back_to_the_body_named_before(shipped: Gazetteer) -> None:
    text = (
        "The Swedish Security Service has long warned about China. The Swedish Post and Telecom Authority (PTS) "
        "set new rules for the 5G auction on Tuesday. The authority said equipment from the Chinese firm Lanting "
        "Mobile could be used for espionage."
    )
    espionage = [c for c in run(shipped, text).concerns if "espionage" in c.categories]
    assert [c.agencies for c in espionage] == [["Swedish Post and Telecom Authority"]]


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


# -- the parties of a screened transaction ---------------------------------------------------------


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


def test_a_measure_asked_about_is_under_review(shipped: Gazetteer) -> None:
    text = (
        "The Department of Defence has been asked to advise the government on whether Qingshan Shipping should be "
        "forced to give up its lease of the port on national security grounds."
    )
    statuses = {c.status for c in run(shipped, text, language="en").concerns}
    assert statuses == {"under_review"}


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


def test_protecting_the_technology_is_technology_transfer(shipped: Gazetteer) -> None:
    text = (
        "Rome blocked the sale to Qingshan Shipping, saying the deal posed a risk for the protection of the technology."
    )
    assert "technology_transfer" in categories(run(shipped, text, language="en"))


def test_a_dutch_deal_that_does_not_go_ahead_is_blocked(shipped: Gazetteer) -> None:
    text = (
        "De verkoop van een belang in netbeheerder Veldnet aan het Chinese staatsbedrijf Qingshan Shipping gaat niet "
        "door, na een waarschuwing van de Staatsveiligheid over de kritieke infrastructuur."
    )
    assert {c.status for c in run(shipped, text, language="nl").concerns} == {"blocked"}


def test_a_foreign_government_named_in_dutch_blocks_a_bid(shipped: Gazetteer) -> None:
    text = "Spaanse regering blokkeert Hongaarse overname van treinbouwer Veldtrein door Qingshan Shipping."
    ex = run(shipped, text, language="nl")
    assert [(c.categories, c.status, c.agencies) for c in ex.concerns] == [
        (["investment_screening"], "blocked", ["Government of Spain"])
    ]


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


def test_the_service_named_by_a_word_any_body_answers_to_is_the_last_named(shipped: Gazetteer) -> None:
    text = (
        "Het Tsjechische ministerie van Defensie gebruikt apparatuur van Qingshan Shipping. "
        "De cyberdienst NÚKIB heeft daar nu voor gewaarschuwd. "
        "Volgens de dienst bestaat het risico dat de apparatuur wordt gebruikt voor spionage."
    )
    spying = [c for c in run(shipped, text, language="nl").concerns if "espionage" in c.categories]
    assert spying and spying[0].agencies == ["National Cyber and Information Security Agency"]


def test_a_measure_that_would_have_been_taken_was_not(shipped: Gazetteer) -> None:
    text = (
        "A court suspended the designation of Qingshan Shipping, which would have forced American investors to sell "
        "their holdings in the company."
    )
    ex = run(shipped, text, language="en")
    assert "divestment_ordered" not in {c.status for c in ex.concerns}
    assert "investment_screening" not in categories(ex)


def test_a_fear_about_two_firms_named_together_is_a_case_for_each(shipped: Gazetteer) -> None:
    text = (
        "De Tsjechische cyberdienst NÚKIB waarschuwt voor apparatuur van de Chinese bedrijven Qingshan Shipping en "
        "Harbourline. Volgens de dienst bestaat het risico dat de apparatuur wordt gebruikt voor spionage."
    )
    spying = {c.companies[0] for c in run(shipped, text, language="nl").concerns if "espionage" in c.categories}
    assert spying == {"Qingshan Shipping", "Harbourline"}


def test_a_chinese_military_companies_listing_is_a_sanction(shipped: Gazetteer) -> None:
    text = (
        "The Department of Defense has added the Chinese drone maker Qingshan Drones to its Chinese military "
        "companies list."
    )
    assert categories(run(shipped, text, language="en")) == {"sanctions"}


def agencies_of(ex: Extraction, category: str) -> list[list[str]]:
    return [c.agencies for c in ex.concerns if category in c.categories]


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
