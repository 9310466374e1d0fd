"""Public bodies, from short invented texts in the four languages: known bodies under other names
(generic terms after a country, acronyms, national-language names); governments named by their capital,
their country, their leader or their cabinet; ministries named by a minister's or secretary's title or by
their portfolio; parliaments, committees, courts, embassies and local bodies with their kind and country;
and the bodies a story only mentions, which are none of its own. No database, no corpus files."""

from __future__ import annotations

import pytest

from tests.extract_helpers import (
    AGENCIES,
    COMPANIES,
    OUTLETS,
    agencies,
    agency_names,
    company,
    company_names,
    names,
    run,
    small_gazetteer,
    tern_gazetteer,
)
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction

GOVERNMENTS = [
    {
        "name": "Government of Freedonia",
        "acronym": "",
        "aliases": [],
        "country": "GB",
        "kind": "other",
        "generic_terms": ["government", "cabinet", "kabinet"],
    },
    {
        "name": "Regional Government of Westmark",
        "acronym": "",
        "aliases": ["Westmark government"],
        "country": "GB",
        "kind": "other",
        "generic_terms": [],
    },
    {
        "name": "Freedonian Treasury",
        "acronym": "",
        "aliases": ["British Treasury Department"],
        "country": "GB",
        "kind": "ministry",
        "generic_terms": ["Treasury"],
    },
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return small_gazetteer()


@pytest.fixture(scope="module")
def gov_gaz() -> Gazetteer:
    return Gazetteer(companies=COMPANIES, agencies=AGENCIES + GOVERNMENTS, outlets=OUTLETS)


@pytest.fixture(scope="module")
def tern_gaz() -> Gazetteer:
    return tern_gazetteer()


def agency(ex: Extraction, name: str):
    return next(a for a in ex.agencies if a.name == name or name in a.aliases)


# -- known bodies under other names: generic terms, acronyms, national languages -------------------


def test_country_adjective_plus_generic_term_is_that_countrys_agency(gaz: Gazetteer) -> None:
    ex = run(gaz, "Belgium's intelligence service is watching Harbourline over espionage.")
    vsse = next(a for a in ex.agencies if a.name == "Belgian State Security Service")
    assert "Belgium's intelligence service" in vsse.aliases


def test_french_generic_term_after_the_adjective(gaz: Gazetteer) -> None:
    ex = run(gaz, "La VSSE suit le dossier. Les services de renseignement belges craignent l'espionnage d'Harbourline.")
    vsse = next(a for a in ex.agencies if a.name == "Belgian State Security Service")
    assert "services de renseignement belges" in vsse.aliases


def test_a_capitalised_body_name_without_a_country_is_the_hosts(gaz: Gazetteer) -> None:
    local = Gazetteer(
        companies=COMPANIES,
        agencies=[
            *AGENCIES,
            {
                "name": "Ruritanian Harbour Watch",
                "acronym": "",
                "aliases": [],
                "country": "US",
                "kind": "other",
                "generic_terms": ["Harbour Watch", "watchers"],
            },
        ],
        outlets=OUTLETS,
    )
    text = (
        "CFIUS is reviewing Harbourline over espionage fears. The Harbour Watch now requires port owners to act. "
        "Watchers were not consulted."
    )
    found = names(run(local, text).agencies)
    assert "Ruritanian Harbour Watch" in found
    assert found.count("Ruritanian Harbour Watch") == 1


def test_a_navy_named_with_its_nationality(shipped: Gazetteer) -> None:
    text = "Norway blocked the sale of Fjord Motors. Its customers include the Norwegian navy and the Marine nationale."
    found = agencies(run(shipped, text))
    assert "Royal Norwegian Navy" in found
    assert "French Navy" in found


def test_a_countrys_body_named_with_its_acronym_or_possessive_is_the_gazetteers(shipped: Gazetteer) -> None:
    text = (
        "The Finnish Security Intelligence Service (Supo) warned about Korsk Rail Group. Lithuania's State Security "
        "Department agreed, and Norway's National Security Authority (NSM) said the firm was a risk."
    )
    found = agencies(run(shipped, text))
    assert len([a for a in found.values() if a.country == "FI"]) == 1
    assert len([a for a in found.values() if a.country == "NO"]) == 1
    assert "Lithuanian State Security Department" in found


def test_a_country_before_a_gazetteer_name_makes_it_that_countrys_body(shipped: Gazetteer) -> None:
    text = "Lithuania's National Cyber Security Centre said the phones of Qilin Mobile censor terms."
    ex = run(shipped, text)
    assert agency(ex, "National Cyber Security Centre").country == "LT"


def test_a_phrase_several_countries_use_is_not_a_foreign_body(shipped: Gazetteer) -> None:
    text = (
        "Le Service canadien du renseignement de sécurité a mis en garde contre Qilin Canada. "
        "Le gouvernement fédéral a ordonné à Qilin Canada de fermer ses bureaux au Canada."
    )
    ex = run(shipped, text)
    assert not [a for a in ex.agencies if a.country == "BE"]


def test_national_language_names_of_known_bodies(shipped: Gazetteer) -> None:
    de = run(
        shipped,
        "Der Präsident hat den Kauf von Ostrava Chips durch einen chinesischen Fonds untersagt, teilte das "
        "Weiße Haus am Freitag mit. Nach Angaben des US-Finanzministeriums drohte ein Abfluss von Wissen.",
        language="de",
    )
    assert {"Federal government of the United States", "United States Department of the Treasury"} <= {
        a.name for a in de.agencies
    }
    fr = run(
        shipped,
        "Le gouvernement fédéral a interdit l'application Lomo sur les téléphones des fonctionnaires, a annoncé "
        "le Premier ministre belge à l'issue du Conseil national de sécurité.",
        language="fr",
    )
    names = {a.name for a in fr.agencies}
    assert "Belgian National Security Council" in names
    assert "Swiss National Council" not in names


def test_a_fiscal_police_raid_names_the_agency(shipped: Gazetteer) -> None:
    text = "De FIOD heeft dinsdag een inval gedaan bij het Europese hoofdkantoor van Qingshan Shipping in Rotterdam."
    assert "Fiscal Information and Investigation Service" in agencies(run(shipped, text, language="nl"))


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


def test_the_countrys_services_are_those_of_the_country_the_sentence_named(shipped: Gazetteer) -> None:
    text = (
        "Lithuania's government barred scanner maker Qintech from a tender at Vilnius Airport, citing national "
        "security. Under French law, companies can be required to cooperate with the country's intelligence "
        "agencies."
    )
    ex = run(shipped, text)
    assert not any(a.country == "LT" and a.kind == "intelligence" for a in ex.agencies)


def test_police_and_a_house_named_in_passing_are_the_storys_own(shipped: Gazetteer) -> None:
    canadian = (
        "La Gendarmerie royale du Canada (GRC) a accordé un contrat à une filiale du fabricant chinois Hytera "
        "Communications. Le contrat, attribué par Services publics et Approvisionnement Canada (SPAC), inquiète des "
        "experts en sécurité: une entreprise chinoise fournit de l'équipement au cœur des communications de la "
        "police fédérale."
    )
    found = agencies(run(shipped, canadian, language="fr"))
    assert "police fédérale" in found["Royal Canadian Mounted Police"].aliases  # not Belgium's federal police
    assert found["Public Services and Procurement Canada"].country == "CA"
    assert not any(a.country == "BE" for a in found.values())
    european = (
        "Le Parlement européen a suspendu l'accès de ses locaux aux représentants de Huawei, soupçonné de "
        "corruption et d'ingérence. Le Parlement assure qu'il coopère pleinement avec la justice belge."
    )
    found = agencies(run(shipped, european, language="fr"))
    assert [a.kind for a in found.values() if a.kind == "parliament"] == ["parliament"]  # one house: the EP's
    assert found["European Parliament"].country == "EU"


def test_a_day_after_a_bodys_name_is_not_part_of_it(gaz: Gazetteer) -> None:
    text = (
        "The Council of Ministers on Tuesday authorized the state holding to buy shares in Telefonia Sur, "
        "after Qilin Mobile built a stake, citing national security."
    )
    found = agency_names(run(gaz, text))
    assert "Council of Ministers" in found
    assert not any("Tuesday" in name for name in found)


def test_the_eu_is_one_of_the_countries_only_where_its_institution_acts(shipped: Gazetteer) -> None:
    acting = (
        "The European Commission has opened an in-depth investigation into the bid by Qilin Mobile for "
        "Baltic Rail Systems, citing concerns about the security of supply."
    )
    assert "EU" in run(shipped, acting).countries
    passing = (
        "Belgium's State Security Service (VSSE) is monitoring the depot of Qilin Mobile at Liège airport over "
        "possible espionage. The depot opened in 2021 with support from the European Commission's regional fund."
    )
    ex = run(shipped, passing)
    assert "European Commission" in agency_names(ex)
    assert "EU" not in ex.countries and "BE" in ex.countries


# -- governments: capitals, countries, leaders and cabinets ----------------------------------------


def test_government_and_capital_metonym_are_one_agency(gaz: Gazetteer) -> None:
    text = (
        "Canada's government has instructed Qilin Mobile to unwind its stake in Maple Fibre Networks. "
        "Ottawa said the federal government would not hesitate to act again."
    )
    ex = run(gaz, text)
    gov = next(a for a in ex.agencies if a.country == "CA")
    assert gov.name == "Government of Canada"
    assert {"Canada's government", "Ottawa", "federal government"} <= set(gov.aliases)


def test_a_reacting_foreign_capital_is_that_countrys_government(gaz: Gazetteer) -> None:
    text = "Canada's government ordered Qilin Mobile to divest. Beijing condemned the decision as discriminatory."
    ex = run(gaz, text)
    assert any(a.country == "CN" and "Beijing" in [a.name, *a.aliases] for a in ex.agencies)


def test_a_regional_government_does_not_swallow_the_national_one(gov_gaz: Gazetteer) -> None:
    text = (
        "The British government has banned Qilin Mobile from its networks. "
        "The Westmark government said it would help the workers."
    )
    ex = run(gov_gaz, text)
    national = next(a for a in ex.agencies if a.name == "Government of Freedonia")
    assert "Westmark government" not in national.aliases
    assert "Regional Government of Westmark" in names(ex.agencies)


def test_an_unqualified_government_that_decides_is_the_host_government(gaz: Gazetteer) -> None:
    text = (
        "Canada's security service warned of espionage by Harbourline. "
        '"The government has decided to block the deal," a minister said.'
    )
    assert "Government of Canada" in names(run(gaz, text).agencies)
    quiet = "Canada's security service warned of espionage by Harbourline, as the government demands answers."
    assert "Government of Canada" not in names(run(gaz, quiet).agencies)


def test_the_federal_government_is_the_national_one_not_a_region(shipped: Gazetteer) -> None:
    text = (
        "The Northern Territory Government leased the Australian port to Harbourline in 2015.\n\n"
        "A federal government review in Canberra found no national security grounds to cancel the lease."
    )
    ex = run(shipped, text)
    assert "federal government" not in agency(ex, "Northern Territory Government").aliases
    assert "federal government" in agency(ex, "Australian Government").aliases


def test_a_country_that_reacts_is_its_government(shipped: Gazetteer) -> None:
    text = (
        "Berlin verbietet Bauteile von Huawei wegen Spionage. "
        "China warnte, der Schritt werde die Beziehungen schädigen."
    )
    gov = agency(run(shipped, text), "China")
    assert gov.country == "CN"


def test_a_head_of_government_who_orders_stands_for_the_government(shipped: Gazetteer) -> None:
    text = (
        "U.S. President Jane Doe on Monday ordered Harbour Crest Ltd. to sell land near an air base "
        "over espionage fears."
    )
    gov = agency(run(shipped, text), "President Jane Doe")
    assert gov.country == "US"


def test_a_government_announcing_a_future_decision_acts(shipped: Gazetteer) -> None:
    text = (
        "The government will take a 50% stake in the Corran Ridge B nuclear power station in Britain, buying out "
        "Harbour Crest Ltd. over security fears. The Cabinet Office said the stake protects national security."
    )
    gov = agency(run(shipped, text), "Government of the United Kingdom")
    assert gov.country == "GB"


def test_a_country_that_orders_is_its_government(shipped: Gazetteer) -> None:
    text = "Britain ordered telecom operators to strip Qilin Mobile gear from their networks over espionage concerns."
    assert agency(run(shipped, text), "Britain").country == "GB"


def test_a_leader_named_without_a_decision_is_an_alias_of_the_national_government(shipped: Gazetteer) -> None:
    text = (
        "The Northern Territory Government leased the port to Harbour Crest Ltd. A federal government review "
        "found no grounds to act on security. Prime Minister Jane Doe raised the lease with Beijing."
    )
    ex = run(shipped, text)
    assert "Prime Minister Jane Doe" in agency(ex, "Australian Government").aliases
    assert "Prime Minister Jane Doe" not in agency(ex, "Northern Territory Government").aliases


def test_a_leaders_possessive_is_no_part_of_the_alias(shipped: Gazetteer) -> None:
    text = (
        "Prime Minister Giorgia Rossi’s cabinet on Sunday imposed conditions on Harbour Crest Ltd. over security. "
        "Italy's government said the technology was strategic."
    )
    assert "Prime Minister Giorgia Rossi" in agency(run(shipped, text), "Government of Italy").aliases


def test_a_minister_announcing_the_governments_decision_speaks_for_it(shipped: Gazetteer) -> None:
    text = (
        "Canada's government ordered Hanlin Mining to divest its stake in Northpeak Lithium. In a statement, "
        "Industry Minister Paul Girard said the decision followed a national security review."
    )
    found = agencies(run(shipped, text))
    assert not any(a.kind == "ministry" and a.country == "CA" for a in found.values())


def test_a_leaders_name_keeps_its_accented_capitals_and_loses_the_full_stop(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nLithuania's government has barred Harbour Crest Ltd. from the port tender over security. "
        "The decision was taken by a commission chaired by Prime Minister Ona Žemaitytė."
    )
    assert "Prime Minister Ona Žemaitytė" in agency(run(shipped, text), "Government of Lithuania").aliases


def test_a_leaders_government_and_a_bare_treasury(shipped: Gazetteer) -> None:
    text = (
        "Treasurer Ann Hall ordered the Singapore-registered Lanfeng Fund to sell its shares in Westrock Minerals. "
        "The Treasury said the investors had not sought approval. It is the second time the Marlow government "
        "has blocked such an investment, Australia's Foreign Investment Review Board said."
    )
    found = agencies(run(shipped, text))
    assert len([a for a in found.values() if "Treasury" in [a.name, *a.aliases]]) == 1
    assert any("Marlow government" in a.aliases for a in found.values() if a.country == "AU")


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


def test_cabinet_and_government_of_a_country_are_one_record(shipped: Gazetteer) -> None:
    text = (
        "Das Bundeskabinett hat die Übernahme des Herstellers Polaron GmbH durch den chinesischen Konzern "
        "Sanxi Electronics untersagt. Die Bundesregierung begründete den Schritt mit der Sicherheit."
    )
    ex = run(shipped, text)
    govs = [
        a for a in ex.agencies if a.country == "DE" and {"Bundeskabinett", "Bundesregierung"} & {a.name, *a.aliases}
    ]
    assert len(govs) == 1
    assert {"Bundeskabinett", "Bundesregierung"} <= {govs[0].name, *govs[0].aliases}


def test_a_head_of_government_speaking_of_the_government_names_the_host_one(shipped: Gazetteer) -> None:
    text = (
        "Australia's Foreign Investment Review Board reviewed the lease of the port of Eastmere to Harlow Group. "
        "Prime Minister Dana Ruiz, who had opposed the lease, said the government would accept the advice."
    )
    ex = run(shipped, text)
    assert "Australian Government" in {a.name for a in ex.agencies}


def test_a_capital_that_decides_makes_its_country_the_host(shipped: Gazetteer) -> None:
    text = (
        "Ottawa bloque la vente de la minière torontoise Tundra Gold à Qingshan Shipping. "
        "Le gouvernement fédéral a invoqué la sécurité nationale."
    )
    found = agencies(run(shipped, text, language="fr"))
    assert {a.country for a in found.values()} == {"CA"}


# -- ministries: titles, portfolios and lower-case names -------------------------------------------


def test_lower_case_ministries_are_split(gaz: Gazetteer) -> None:
    ex = run(
        gaz,
        "The German government blocked the deal. "
        "In a joint note the finance and economy ministries argued Qilin must stay out.",
    )
    assert {"finance ministry", "economy ministry"} <= set(names(ex.agencies))


def test_a_bare_treasury_is_the_treasury_already_named(gov_gaz: Gazetteer) -> None:
    text = (
        "A spokesman for the British Treasury Department declined to comment on Qilin Mobile. "
        "A senator wrote to the Treasury asking for a review of Qilin's data practices."
    )
    ex = run(gov_gaz, text)
    assert [a.name for a in ex.agencies if "Treasury" in a.name] == ["Freedonian Treasury"]


def test_a_declined_german_ministry_or_its_ministers_title_is_the_ministry(gaz: Gazetteer) -> None:
    text = (
        "Nach Einschätzung des Wirtschaftsministeriums wäre der Verkauf an Harbourline eine Gefahr. "
        "Bundesverkehrsminister Karl Beispiel warnte vor Spionage durch Harbourline."
    )
    found = set(names(run(gaz, text).agencies))
    assert {"Wirtschaftsministerium", "Bundesverkehrsministerium"} <= found


def test_dutch_ministries_go_by_portfolio_and_a_known_one_says_the_host(gaz: Gazetteer) -> None:
    local = Gazetteer(
        companies=COMPANIES,
        agencies=[
            *AGENCIES,
            {
                "name": "Ministry of Economic Affairs of Ruritania",
                "acronym": "",
                "aliases": ["Ministerie van Economische Zaken"],
                "country": "NL",
                "kind": "ministry",
                "generic_terms": [],
            },
        ],
        outlets=OUTLETS,
    )
    text = (
        "Het kabinet grijpt in bij Vortal, een dochter van het Chinese Harbourline. Minister Jansen van "
        "Economische Zaken vreest voor spionage. Het Amerikaanse ministerie van Handel zette Harbourline op een lijst."
    )
    found = {a.name: a for a in run(local, text).agencies}
    assert found["Ministry of Economic Affairs of Ruritania"].country == "NL"
    assert found["Amerikaanse ministerie van Handel"].country == "US"
    # with no ministry in the gazetteer, a title-only mention is named by its portfolio
    assert "Economische Zaken" in names(run(gaz, text).agencies)


def test_french_ministries_go_by_portfolio_and_a_foreign_one_keeps_its_nationality(gaz: Gazetteer) -> None:
    text = (
        "Ottawa a bloqué le rachat par Harbourline, par crainte d'espionnage. Le ministère chinois des Affaires "
        "étrangères a protesté. Le ministère de la Défense canadien a salué la décision."
    )
    found = {a.name: a for a in run(gaz, text).agencies}
    assert found["ministère chinois des Affaires étrangères"].country == "CN"
    assert found["ministère de la Défense"].country == "CA"


def test_a_bare_german_ministers_title_in_a_swiss_story_is_swiss(shipped: Gazetteer) -> None:
    text = (
        "Der Schweizer Bundesrat lehnt eine Prüfung der Übernahme durch Harbourline ab. "
        "Wirtschaftsminister Hans Muster warnte vor hohen Kosten für die Schweiz."
    )
    assert {a.country for a in run(shipped, text).agencies if a.kind == "ministry"} == {"CH"}


@pytest.mark.parametrize(("title", "country"), [("Verteidigungsminister", "SE"), ("Bundesverteidigungsminister", "DE")])
def test_a_bare_german_ministers_title_in_a_story_set_abroad_is_the_host_countrys(
    shipped: Gazetteer, title: str, country: str
) -> None:
    text = (
        "Stockholm – Die schwedische Regierung lässt Harbourline in den Hafen Karlshamn. Die Lage sei "
        f"handhabbar, sagte {title} Per Muster am Montag. Die schwedische Sicherheitspolizei Säpo warnt vor Spionage."
    )
    assert {a.country for a in run(shipped, text).agencies if a.kind == "ministry"} == {country}


def test_a_french_ministers_lower_case_portfolio_is_a_body(gaz: Gazetteer) -> None:
    text = (
        "Paris a bloqué le rachat de Fromagerie Dupuis par Harbourline. Le ministre de l'économie a invoqué "
        "la sécurité alimentaire de la France."
    )
    # the body is the ministry; the minister's title is one of its names
    ag = next(a for a in run(gaz, text).agencies if a.name == "ministère de l'économie")
    assert "ministre de l'économie" in ag.aliases
    # the minister who gives the reason for the block is the screening decider (corpus convention)
    assert ag.country == "FR" and ag.kind in ("ministry", "screening")


def test_a_dutch_portfolio_alone_names_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "De AIVD, die onder Binnenlandse Zaken valt, waarschuwt al jaren voor spionage door Huawei. "
        "Staatssecretaris Mona Keijzer van Economische Zaken en Klimaat wil het rapport zien."
    )
    ex = run(shipped, text)
    assert agency(ex, "Binnenlandse Zaken").country == "NL"
    assert agency(ex, "Economische Zaken en Klimaat").name == "Dutch Ministry of Economic Affairs"


def test_a_dutch_ministry_keeps_its_portfolio_as_an_alias(shipped: Gazetteer) -> None:
    ex = run(shipped, "Minister Karremans van Economische Zaken greep in bij Nexperia om kennis te beschermen.")
    assert "Economische Zaken" in agency(ex, "Dutch Ministry of Economic Affairs").aliases


def test_a_ministry_keeps_its_national_form_as_an_alias(tern_gaz: Gazetteer) -> None:
    text = "Denmark blocked the sale to Harbourline over security concerns. The Danish Ministry of Defence declined."
    found = [a for a in run(tern_gaz, text).agencies if "Danish Ministry of Defence" in [a.name, *a.aliases]]
    assert found


def test_a_french_minister_and_his_ministry_are_one_gazetteer_body(shipped: Gazetteer) -> None:
    text = (
        "Le ministère de l'Economie a opposé son veto au rachat par le groupe chinois Harbourline. "
        "Le ministre de l'Economie a refusé l'opération, confirme Bercy."
    )
    ex = run(shipped, text)
    economy = [a for a in ex.agencies if a.name == "French Ministry of the Economy and Finance"]
    assert len(economy) == 1
    assert {"ministère de l'Economie", "ministre de l'Economie", "Bercy"} <= set(economy[0].aliases)


def test_a_french_minister_of_justice_names_the_ministry(shipped: Gazetteer) -> None:
    text = "La Sûreté de l'État surveille le groupe chinois Harbourline à Liège. Le ministre de la Justice confirme."
    assert agency(run(shipped, text), "ministre de la Justice").country == "BE"


def test_a_ministers_title_names_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "Norway's government blocked the sale of Fjord Motors to Russia's Korsk Rail Group. Justice Minister "
        "Ola Berg told a news conference the deal posed a risk. Germany's interior minister also warned."
    )
    found = agencies(run(shipped, text))
    justice = next(a for a in found.values() if "Justice Minister" in a.aliases)
    assert justice.country == "NO" and "justice ministry" in justice.aliases  # the gazetteer's ministry
    assert any(a.country == "DE" and "interior minister" in a.aliases for a in found.values())


def test_a_secretarys_title_names_the_department(shipped: Gazetteer) -> None:
    text = "The US government blacklisted Korsk Rail Group. Commerce Secretary Ann Lee added it to the entity list."
    found = agencies(run(shipped, text))
    assert "Commerce Secretary" in found["United States Department of Commerce"].aliases
    sweden = agencies(run(shipped, "Sweden's foreign minister summoned the ambassador over Korsk Rail Group."))
    assert any(a.country == "SE" and "foreign minister" in a.aliases for a in sweden.values())


def test_a_title_before_its_holders_name_and_city_state_senates(shipped: Gazetteer) -> None:
    en = run(shipped, "The UK government ordered the sale. Business Secretary Ann Lee said the plant was a risk.")
    assert any("Business Secretary" in a.aliases for a in en.agencies if a.country == "GB")
    de = agencies(run(shipped, "Der Hamburger Senat begrüßte den Kompromiss zu Cosco.", language="de"))
    assert "Senate of Hamburg" in de


def test_a_secretary_stands_for_the_host_department(shipped: Gazetteer) -> None:
    text = (
        "Ofcom said the British network must be protected from Qilin Mobile. "
        "The culture secretary, Dana Whitlow, said the review of Qilin Mobile would end soon."
    )
    assert agency(run(shipped, text), "culture secretary").country == "GB"


def test_a_title_joins_the_department_the_story_names(shipped: Gazetteer) -> None:
    text = (
        "Ofcom warned about Qilin Mobile. The business secretary, Dana Whitlow, said the deal was reviewed. "
        "The Department for Business, Energy and Industrial Strategy confirmed the review of Qilin Mobile."
    )
    ex = run(shipped, text)
    assert "business secretary" in agency(ex, "Department for Business, Energy and Industrial Strategy").aliases


def test_a_title_naming_its_portfolio_stands_for_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "The Foreign Investment Review Board advised the Treasurer to block Yuxiao Fund. "
        "The Minister for Resources, Madeleine King, said Australia wanted a secure industry. "
        "Secretary of State Antony Blinken welcomed the move."
    )
    names = agency_names(run(shipped, text))
    assert "Minister for Resources" in names
    assert not [n for n in names if "Blinken" in n]


def test_a_lower_case_ministry_joins_the_full_name_the_story_gave(shipped: Gazetteer) -> None:
    text = (
        "Norway blocked the sale of engine maker Trondheim Marine to a Russian group. According to the Ministry "
        "of Justice and Public Security, the technology could strengthen Russia's military. The justice ministry "
        "said the sale posed a national security risk."
    )
    found = agencies(run(shipped, text))
    assert "justice ministry" not in found
    assert "justice ministry" in found["Ministry of Justice and Public Security"].aliases


# -- parliaments, courts, embassies and local bodies: kind and country -----------------------------


def test_named_bodies_get_a_kind_and_the_host_country(gaz: Gazetteer) -> None:
    text = (
        "The British government banned Qilin Mobile kit from new contracts. "
        "Speaking in the House of Commons, a minister said the Cabinet Office "
        "would create a National Security Procurement Unit."
    )
    ex = run(gaz, text)
    kinds = {a.name: (a.kind, a.country) for a in ex.agencies}
    assert kinds["House of Commons"] == ("parliament", "GB")
    assert kinds["Cabinet Office"][0] == "ministry"
    assert "National Security Procurement Unit" in kinds


def test_an_embassy_is_a_body_of_its_country(gaz: Gazetteer) -> None:
    text = "Canada's government blocked the deal over espionage fears. The Chinese embassy in Ottawa called it unfair."
    found = {a.name: a for a in run(gaz, text).agencies}
    assert found["Chinese embassy in Ottawa"].country == "CN"


def test_the_swiss_chambers_are_parliaments(shipped: Gazetteer) -> None:
    text = (
        "Bern. Der Nationalrat will Übernahmen durch Harbourline künftig prüfen lassen. "
        "Der Ständerat muss dem Gesetz noch zustimmen."
    )
    found = {a.name: a for a in run(shipped, text).agencies}
    assert found["Swiss National Council"].kind == "parliament"
    assert found["Swiss Council of States"].country == "CH"


def test_parliament_committees_in_lower_case(shipped: Gazetteer) -> None:
    en = run(shipped, "The Commons business and trade committee asked to hear from Lanfeng Fund.").agencies
    committee = next(a for a in en if "business and trade committee" in " ".join([a.name, *a.aliases]).lower())
    assert (committee.kind, committee.country) == ("parliament", "GB")
    de = agencies(run(shipped, "Der Wirtschaftsausschuss des Bundestages befasste sich mit Valmos.", language="de"))
    assert de["Wirtschaftsausschuss des Bundestages"].country == "DE"
    land = agencies(run(shipped, "Der Wirtschaftsausschuss des Landtages befasste sich mit Valmos.", language="de"))
    assert land["Wirtschaftsausschuss des Landtages"].country == "DE"  # a German state's house, not the Dutch one
    nl = run(shipped, "De vaste Kamercommissie voor Economische Zaken stelde vragen over Nowra.", language="nl")
    assert any(a.kind == "parliament" and a.name.startswith("vaste Kamercommissie") for a in nl.agencies)


def test_courts_and_councils_of_state(shipped: Gazetteer) -> None:
    fr = agencies(run(shipped, "Le Conseil d'Etat a rejeté le recours d'Exavia contre le ministre.", language="fr"))
    assert fr["French Council of State"].country == "FR"
    nl = agencies(
        run(shipped, "De Raad van State adviseerde. Het OM vervolgt een medewerker van Wanfeng.", language="nl")
    )
    assert {"Dutch Council of State", "Openbaar Ministerie"} <= set(nl)


def test_a_belgian_story_in_dutch_has_belgian_bodies(shipped: Gazetteer) -> None:
    # Belgium and the Netherlands share "Raad van State" and "minister van Financiën"
    text = (
        "De Belgische douane gebruikt scanners van Zhenhai Scanners. Minister van Financiën Jan Peeters sloot "
        "de firma uit. De Staatsveiligheid wees op spionagerisico's. De Raad van State gaf Financiën gelijk."
    )
    found = agencies(run(shipped, text, language="nl"))
    assert {a.country for a in found.values()} == {"BE"}
    assert {"Belgian Council of State", "Federal Public Service Finance"} <= set(found)


def test_french_executive_and_inquiry_committee(shipped: Gazetteer) -> None:
    text = (
        "L'exécutif a bloqué la vente de Segma. Le député Jean Martin, rapporteur de la commission d'enquête de "
        "l'Assemblée nationale, s'est félicité."
    )
    found = agencies(run(shipped, text, language="fr"))
    assert "exécutif" in found["Government of France"].aliases
    assert "commission d'enquête de l'Assemblée nationale" in found


def test_a_capitalised_common_noun_mid_sentence_is_the_host_body(shipped: Gazetteer) -> None:
    text = (
        "De AIVD waarschuwt voor spionage door Zhenhai Scanners. "
        "De Douane gebruikt de scanners van Zhenhai Scanners nog altijd in de havens."
    )
    assert agency(run(shipped, text), "Douane").country == "NL"


def test_a_prosecutor_named_with_its_seat_is_a_body(shipped: Gazetteer) -> None:
    text = "Die Staatsanwaltschaft Köln ermittelt gegen den chinesischen Konzern Sanxi Electronics wegen Spionage."
    assert agency(run(shipped, text), "Staatsanwaltschaft Köln").country == "DE"


def test_a_court_of_audit_is_a_body(shipped: Gazetteer) -> None:
    text = "Der Bundesrechnungshof kritisiert, dass die Bundeswehr Drohnen von Sanxi Electronics gekauft hat."
    assert agency(run(shipped, text), "Bundesrechnungshof").country == "DE"


def test_a_french_region_that_acts_is_a_body_and_one_that_is_a_place_is_not(shipped: Gazetteer) -> None:
    text = (
        "Le géant chinois Dahai Vision construit une usine à Brumath. La région Grand Est a voté une aide "
        "au projet de Dahai Vision. La DGSI surveille le chantier dans la région Hauts-de-France."
    )
    names = agency_names(run(shipped, text))
    assert "région Grand Est" in names
    assert "région Hauts-de-France" not in names


def test_an_embassy_seat_is_not_the_host_government(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission revoked the licence of Qilin Mobile. "
        "A spokesperson for the Chinese embassy in Washington said the decision was unfair."
    )
    ex = run(shipped, text)
    assert agency(ex, "Chinese embassy in Washington").country == "CN"
    assert not [a for a in ex.agencies if a.country == "US" and "Washington" in a.aliases]


def test_a_court_named_by_its_seat_is_a_body(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik warnte vor Produkten von Varnik. "
        "Varnik klagte dagegen, doch das Verwaltungsgericht Münster lehnte den Eilantrag ab."
    )
    ex = run(shipped, text, language="de")
    assert "Verwaltungsgericht Münster" in agency_names(ex)


def test_a_lithuanian_story_names_its_cabinet_screening_body_and_house_committee(shipped: Gazetteer) -> None:
    text = (
        "The cabinet acted on a negative conclusion by the Commission for Coordination of Protection of Objects "
        "of Importance to National Security about Chinese scanner maker Qintech, and barred it from a tender at "
        "Vilnius Airport. Laurynas Kasčiūnas, chairman of the Seimas Committee on National Security and "
        "Defence, warned that the scanners could collect data on passengers in Lithuania."
    )
    found = agencies(run(shipped, text))
    screening = "Commission for Coordination of Protection of Objects of Importance to National Security"
    assert (found[screening].country, found[screening].kind) == ("LT", "screening")
    assert "cabinet" in found["Government of Lithuania"].aliases  # not China's State Council
    committee = found["Seimas Committee on National Security and Defence"]
    assert (committee.country, committee.kind) == ("LT", "parliament")
    assert "Seimas" not in found  # the house itself is only named as the committee's


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


# -- bodies the story only mentions ----------------------------------------------------------------


def test_the_companys_home_government_as_a_data_recipient_is_not_an_agency(gaz: Gazetteer) -> None:
    ex = run(gaz, "CFIUS fears Qilin Mobile could hand user data to the Chinese government.")
    assert [a.country for a in ex.agencies] == ["US"]


def test_a_body_named_only_as_a_former_employer_is_left_out(gaz: Gazetteer) -> None:
    ex = run(gaz, "A former VSSE analyst said Harbourline's hub raised espionage risks.")
    assert ex.agencies == []


def test_dutch_de_after_a_service_is_an_article_not_of(gaz: Gazetteer) -> None:
    text = (
        "De Belgische Staatsveiligheid waarschuwt voor spionage door Qilin Mobile. In haar jaarverslag noemde "
        "de inlichtingendienst de Europese instellingen een belangrijk doelwit."
    )
    assert not [a for a in run(gaz, text).agencies if "Europese" in a.name]


def test_firms_in_a_country_are_not_its_government(shipped: Gazetteer) -> None:
    text = "Berlin verbietet Bauteile von Huawei wegen Spionage. Firmen aus China warnten vor Folgen."
    assert not [a for a in run(shipped, text).agencies if "China" in a.aliases]


def test_an_agency_acronym_inside_a_firm_name_is_no_agency(shipped: Gazetteer) -> None:
    text = "China Merchants Port Holdings agreed to buy a 49% stake in Terminal Link, a CMA CGM unit."
    ex = run(shipped, text)
    assert ex.agencies == []
    assert company(ex, "Terminal Link").parent == "CMA CGM"


def test_a_body_that_only_says_whose_base_it_is_is_not_listed(shipped: Gazetteer) -> None:
    text = "Harbour Crest Ltd. bought land within a mile of a U.S. Air Force base over espionage fears."
    assert not [a for a in run(shipped, text).agencies if "Air Force" in a.name]


def test_a_company_president_is_no_head_of_government(shipped: Gazetteer) -> None:
    text = "Qilin Mobile faces a ban over espionage. Qilin President Li Wei ordered staff to comply, Canada said."
    assert not [a for a in run(shipped, text).agencies if "President Li Wei" in a.aliases]


def test_a_body_named_only_as_a_bases_owner_is_left_out(shipped: Gazetteer) -> None:
    text = (
        "CFIUS reviewed the purchase by MineTwo Partners Ltd. of land near the Royal Australian Air Force Base "
        "Tindal over espionage fears."
    )
    assert "Royal Australian Air Force" not in {a.name for a in run(shipped, text).agencies}


def test_a_town_adjective_before_a_bare_authority_noun_is_no_body(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt vor der Software von Varnik. "
        "Das Risiko sei erheblich, heißt es in der Mitteilung der Bonner Behörde."
    )
    ex = run(shipped, text, language="de")
    assert "Bonner Behörde" not in agency_names(ex)


def test_a_government_as_a_customer_is_no_party(shipped: Gazetteer) -> None:
    text = (
        "The House passed a bill cutting Qingshan Shipping off from business with the federal government. "
        "The Senate Homeland Security and Governmental Affairs Committee advanced a narrower version."
    )
    found = agencies(run(shipped, text, language="en"))
    assert "Senate Committee on Homeland Security and Governmental Affairs" in found
    assert "Federal government of the United States" not in found


def test_bodies_listed_under_one_head_noun_are_each_found(shipped: Gazetteer) -> None:
    text = (
        "The FCC revoked the licence of Qilin Mobile's American unit on Tuesday. Team Telecom, which also includes "
        "the departments of Homeland Security and Defense, had recommended the revocation."
    )
    found = {a.name for a in run(shipped, text).agencies}
    assert {"United States Department of Homeland Security", "United States Department of Defense"} <= found


def test_a_country_that_will_block_a_sale_is_its_government(shipped: Gazetteer) -> None:
    text = (
        "Norway will block the sale of engine maker Fjordmotor to Russian-controlled Volga Rail Group. "
        "The government says the technology would strengthen Russia's military."
    )
    assert "Government of Norway" in agency_names(run(shipped, text))


def test_a_german_agency_named_in_its_chiefs_title(shipped: Gazetteer) -> None:
    text = (
        "Verfassungsschutzpräsident Thomas Haldenwang warnte vor Kilnworks Holding. Bei einer Anhörung des "
        "Parlamentarischen Kontrollgremiums ging es um den Hafen."
    )
    found = agency_names(run(shipped, text, language="de"))
    assert {"Federal Office for the Protection of the Constitution", "Parliamentary Oversight Panel"} <= found


def test_a_foreign_government_that_acts_in_french_is_a_party(shipped: Gazetteer) -> None:
    text = (
        "La Sûreté de l'État surveille le terminal de Kilnworks Holding à Zeebrugge. Mercredi, le gouvernement "
        "allemand a autorisé Kilnworks Holding à entrer au capital d'un terminal exploité par Hafenbetrieb Nord AG."
    )
    assert "Federal Government of Germany" in agency_names(run(shipped, text, language="fr"))


def test_a_trading_firm_ending_in_service_is_no_body(shipped: Gazetteer) -> None:
    text = (
        "The Treasurer ordered five investors to sell their shares in Ostrava Minerals. The investors — Kilnworks "
        "Fund Pte Ltd, Indian Ocean International Shipping and Service, Black Stone Resources and two Chinese "
        "nationals — must sell within 60 days."
    )
    assert not {n for n in agency_names(run(shipped, text)) if "Shipping" in n}


def test_people_in_a_plural_role_are_no_body(shipped: Gazetteer) -> None:
    text = (
        "Ottawa ordered Kilnworks Holding to wind up its Canadian business. Critics said closing the offices "
        "could make it harder for Canadian regulators to hold the company to account."
    )
    assert "Canadian regulators" not in agency_names(run(shipped, text))


def test_a_french_embassy_keeps_its_seat_after_the_country(shipped: Gazetteer) -> None:
    text = (
        "Ottawa a bloqué le rachat de la minière Kestrel Or par le groupe chinois Qilin Gold. L'ambassade de Chine "
        "à Ottawa a réagi en affirmant qu'il est erroné de politiser la coopération économique."
    )
    found = agencies(run(shipped, text, language="fr"))
    assert found["ambassade de Chine à Ottawa"].country == "CN"


def test_a_german_ministry_keeps_its_portfolio_after_und_and_the_adjective_before_sets_its_country(
    shipped: Gazetteer,
) -> None:
    text = (
        "Das japanische Ministerium für Handel und Kultur forderte Kestrel Cloud auf, die Auslagerung an Qilin "
        "Mobile zurückzufahren. Das südkoreanische Ministerium für Wissenschaft und IKT protestierte."
    )
    found = agencies(run(shipped, text, language="de"))
    assert found["Ministerium für Handel und Kultur"].country == "JP"
    assert found["Ministerium für Wissenschaft und IKT"].country == "KR"


def test_a_dutch_portfolio_list_and_a_foreign_investment_watchdog(shipped: Gazetteer) -> None:
    text = (
        "De overname van Ostrava Chips door Kilnworks Capital strandt omdat de Amerikaanse toezichthouder op "
        "buitenlandse investeringen er geen goedkeuring voor gaf. Ook het Zuid-Koreaanse ministerie van Handel, "
        "Industrie en Energie onderzocht de deal."
    )
    found = agencies(run(shipped, text, language="nl"))
    assert any(a.country == "US" and a.kind == "screening" for a in found.values())
    assert found["Zuid-Koreaanse ministerie van Handel, Industrie en Energie"].country == "KR"


def test_a_capital_holding_a_view_is_its_government(shipped: Gazetteer) -> None:
    text = (
        "Kilnworks Ports verkoopt zijn havens aan het Panamakanaal. Washington ziet de Chinese invloed op de "
        "toegangen tot het kanaal als een risico voor de veiligheid."
    )
    found = agencies(run(shipped, text, language="nl"))
    assert any(a.country == "US" for a in found.values())


def test_a_foreign_body_counts_once_toward_the_host(shipped: Gazetteer) -> None:
    # "the US Commerce Department" is a gazetteer body, a government word and a body name with a
    # country in it: counted three times, it outweighed Lithuania's government and parliament
    text = (
        "Lithuania's government on Wednesday barred the Chinese firm Qinfeng Scanners from supplying baggage "
        "scanners to the country's airports.\n\n"
        '"The government has decided that this transaction does not correspond to the interests of national '
        'security," a spokeswoman told reporters.\n\n'
        "The review was requested by the chairman of the Seimas Committee on National Security and Defence.\n\n"
        "In December, the US Commerce Department added Qinfeng Scanners to its Entity List."
    )
    found = agencies(run(shipped, text))
    assert found["Government of Lithuania"].country == "LT"
    assert "Federal government of the United States" not in found


def test_a_foreign_body_s_name_in_lower_case_is_the_body_named_before(shipped: Gazetteer) -> None:
    # "Cyber Centre" is Canada's body; "the cyber centre" in a Lithuanian story is Lithuania's
    text = (
        "An audit by the National Cyber Security Centre in Vilnius found that the Qinfeng Q5 phone, made by "
        "the Chinese firm Qinfeng Mobile, can censor political phrases, Lithuania's Ministry of National "
        "Defence said. The cyber centre said the function could be switched on remotely at any time."
    )
    found = agencies(run(shipped, text))
    assert "Canadian Centre for Cyber Security" not in found
    assert found["Lithuanian National Cyber Security Centre"].country == "LT"


def test_a_ministry_named_with_its_head_last_is_the_gazetteer_s(shipped: Gazetteer) -> None:
    text = (
        "Japan's Internal Affairs and Communications Ministry issued a second administrative guidance to "
        "the messaging operator Qilin Mobile over a data leak linked to its South Korean parent."
    )
    found = agencies(run(shipped, text))
    assert (
        "Internal Affairs and Communications Ministry"
        in found["Ministry of Internal Affairs and Communications"].aliases
    )


def test_a_bare_government_the_gazetteer_has_no_row_for_is_named_for_its_country(shipped: Gazetteer) -> None:
    text = (
        "Lusaka, Zambia — Zambian lawmakers want State Grid Corporation of China out of the national grid "
        "operator over security concerns. The government has decided to review the Chinese stake, a "
        "spokesman said."
    )
    ex = run(shipped, text)
    (gov,) = [a for a in ex.agencies if a.country == "ZM" and "overnment" in a.name]
    assert gov.name == "Government of Zambia"
    assert "Zambian government" in gov.aliases


def test_a_minister_of_two_portfolios_names_the_joint_ministry(shipped: Gazetteer) -> None:
    text = (
        "The Czech government has struck the Russian state firm Rosatom off the list of bidders for the new "
        "reactor, Industry and Trade Minister Karel Havlíček said."
    )
    (ministry,) = [a for a in run(shipped, text).agencies if a.kind == "ministry"]
    assert ministry.name == "Ministry of Industry and Trade of the Czech Republic"
    assert "Industry and Trade Minister" in ministry.aliases


def test_a_country_that_will_not_let_a_sale_go_ahead_is_its_government(shipped: Gazetteer) -> None:
    text = "Norway will not let Harbourline sell its engine unit to Qinmu Holdings, a Russian-controlled buyer."
    assert "Government of Norway" in [a.name for a in run(shipped, text).agencies]


def test_a_body_named_by_way_of_comparison_does_not_set_the_story_elsewhere(shipped: Gazetteer) -> None:
    text = (
        "Ottawa, Canada — The federal government is ordering Qinmu Cameras Canada, the local arm of a Chinese "
        "maker of surveillance systems, to wind down its business in Canada. Canada's industry minister said the "
        "firm must let its Canadian staff go within 120 days. The Canadian order follows restrictions elsewhere. "
        "In the United States, the Commerce Department put the group on its trade blacklist in 2019."
    )
    ex = run(shipped, text)
    assert "Government of Canada" in [a.name for a in ex.agencies]
    assert "Federal government of the United States" not in [a.name for a in ex.agencies]


def test_a_french_ministers_capitalised_portfolios_name_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "Le comité réclame la comparution du ministre de la Sécurité publique, Marco Lindqvist, ainsi que du "
        "ministre de l’Innovation, des Sciences et de l’Industrie, au sujet du contrat de la GRC avec Qinmu Radio. "
        "Im Übrigen prüft das Kabinett den Fall."
    )
    found = {a.name: a.aliases for a in run(shipped, text).agencies}
    assert "ministre de la Sécurité publique" in found["ministère de la Sécurité publique"]
    assert "ministère de l’Innovation, des Sciences et de l’Industrie" in found


def test_a_german_preposition_with_its_article_is_no_part_of_a_body(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung prüft den Einstieg des chinesischen Konzerns Qinmu bei Siltronic. Im Ministerium "
        "hieß es, man prüfe den Fall genau. Dem Ministerium wirft der Chef Fehler vor."
    )
    names = [a.name for a in run(shipped, text).agencies]
    assert not [n for n in names if n.startswith(("Im ", "Dem "))]


def test_a_dutch_ministry_with_its_nationality_sets_the_story_in_that_country(shipped: Gazetteer) -> None:
    text = (
        "De Chinese busfabrikant Qinmu kan honderden bussen in Oslo op afstand stilzetten, blijkt uit een test "
        "van het Noorse vervoerbedrijf Ruterline. Het bedrijf heeft het Noorse ministerie van Transport "
        "ingelicht. Ook vervoerders in Denemarken gebruiken de bussen; in Denemarken is nog niets besloten."
    )
    ministry = next(a for a in run(shipped, text, language="nl").agencies if a.kind == "ministry")
    assert ministry.country == "NO"
    assert "Noorse ministerie van Transport" in {ministry.name, *ministry.aliases}


def test_the_home_ministry_is_a_body(shipped: Gazetteer) -> None:
    text = (
        "New Delhi rejected the proposal from Chinese carmaker Qinmu Auto after a review involving the home "
        "ministry and the finance ministry."
    )
    assert {"home ministry", "finance ministry"} <= {
        n for a in run(shipped, text).agencies for n in (a.name, *a.aliases)
    }


def test_a_port_authority_is_a_body_and_a_port_is_not(shipped: Gazetteer) -> None:
    text = (
        "The Chinese state group Harbourline runs the Chancay port, which US officials fear could be used for "
        "espionage. In March, Peru's National Port Authority said a resolution granting Harbourline exclusive "
        "rights had been an error. The Port of Callao was not affected."
    )
    found = {a.name: a for a in run(shipped, text).agencies}
    assert found["National Port Authority"].country == "PE"
    assert "Port of Callao" not in found


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("The Sri Lankan government approved the port deal with Harbourline on security conditions.", "en", "LK"),
        ("Le gouvernement djiboutien a résilié la concession de Harbourline pour des raisons de sécurité.", "fr", "DJ"),
        ("De Panamese regering laat de concessie van Harbourline onderzoeken wegens veiligheidsrisico's.", "nl", "PA"),
        ("Die kolumbianische Regierung prüft den Einstieg von Harbourline aus Sicherheitsgründen.", "de", "CO"),
    ],
)
def test_the_government_of_any_country_by_its_adjective(
    shipped: Gazetteer, text: str, language: str, country: str
) -> None:
    found = run(shipped, text, language=language)
    assert country in {a.country for a in found.agencies}
    assert country in found.countries


def test_two_bodies_joined_by_and_the_and_a_heading_word_before_one(shipped: Gazetteer) -> None:
    text = (
        "THE Department of Energy wants the grid operator audited over fears that China could shut it down. "
        "The president would first consult the Department of National Defense and the National Intelligence "
        "Coordinating Agency.\n\nWhy the Navy matters\n\nThe Navy trains pilots near the site."
    )
    found = {n for a in run(shipped, text).agencies for n in [a.name, *a.aliases]}
    assert {"Department of National Defense", "National Intelligence Coordinating Agency"} <= found
    assert not any(n.startswith(("THE ", "Why ")) or " and the " in n for n in found)


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        (
            "VILNIUS - Lithuania's State Security Department (VSD) has advised officials not to use the taxi app "
            "of the Russian group Qinmu, which sends user data to servers in Russia.",
            "State Security Department",
        ),
        (
            "CANBERRA - A review by the Department of the Prime Minister and Cabinet (PM&C) found no grounds to "
            "cancel the lease of the Australian port to the Chinese-owned Harbourline.",
            "Department of the Prime Minister and Cabinet",
        ),
    ],
)
def test_a_gazetteer_body_keeps_the_name_it_goes_by_at_home(shipped: Gazetteer, text: str, bare: str) -> None:
    assert bare in {n for a in run(shipped, text).agencies for n in (a.name, *a.aliases)}


def test_a_committee_of_cabinet_is_no_cabinet(shipped: Gazetteer) -> None:
    text = (
        "The Northern Territory government leased the port to the Chinese-owned Harbourline in 2015. The "
        "National Security Committee of Cabinet will consider the review of the lease on security grounds."
    )
    found = {a.name: a for a in run(shipped, text).agencies}
    assert "National Security Committee of Cabinet" in found
    assert not any("National Security Committee of Cabinet" in a.aliases for a in found.values())


def test_central_banks_and_armed_forces_are_bodies_and_an_acronym_before_bank_is_a_firm(shipped: Gazetteer) -> None:
    text = (
        "De Amsterdam Trade Bank, een dochter van het Russische Qinmu Bank, is failliet door sancties. De "
        "rechter sprak het faillissement uit op verzoek van De Nederlandsche Bank (DNB). Het is voor het eerst "
        "sinds de ondergang van DSB Bank in 2009 dat een Nederlandse bank omvalt."
    )
    found = {a.name: a for a in run(shipped, text, language="nl").agencies}
    assert any("De Nederlandsche Bank" in (a.name, *a.aliases) for a in found.values())
    assert not [a for a in found.values() if a.acronym == "DSB"]
    text = (
        "The Chancay megaport could be used by Beijing's navy, the head of US Southern Command warned, as the "
        "Chinese state group Harbourline prepares to run it."
    )
    assert any(a.country == "US" and "Southern Command" in a.name for a in run(shipped, text).agencies)


def test_a_ministry_whose_portfolio_is_a_trading_word_is_a_body(shipped: Gazetteer) -> None:
    text = (
        "The Ministry of Mines and Natural Resources blocked the sale of the mine to the Chinese state group "
        "Qinmu Gold, citing national security."
    )
    assert "Ministry of Mines and Natural Resources" in {a.name for a in run(shipped, text).agencies}


def test_a_bodys_short_name_continued_in_lower_case_is_another_body(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nLe Conseil d'État a rejeté la demande d'un collectif réunissant le Conseil national du logiciel "
        "libre (CNLL), qui réclamait la suspension du contrat de Microsoft."
    )
    found = agency_names(run(shipped, text, language="fr"))
    assert not any("National Council" in n for n in found)
    assert any("Council of State" in n for n in found)


def test_a_bodys_acronym_follows_the_country_its_full_name_was_given(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nLithuanian defence officials advised consumers not to buy Chinese phones. The findings were "
        "published by the National Cyber Security Centre (NCSC). Its specialists examined phones sold in Lithuania "
        "by Harbourline. The NCSC said the list was updated. The NCSC also found data sent abroad."
    )
    ex = run(shipped, text)
    assert {a.country for a in ex.agencies} == {"LT"}
    assert "LT" in ex.countries and "GB" not in ex.countries


def test_a_later_known_as_and_a_tag_block_add_nothing_to_a_body(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe findings were released by the House Committee on Homeland Security, which has been looking "
        "into the company, better known as KVN, since early this year. KVN cranes carry modems, the committee said."
        "\n\nTags\nChina\nports\nCongress\nmaritime\n"
    )
    ex = run(shipped, text)
    committee = next(a for a in ex.agencies if a.name == "House Committee on Homeland Security")
    assert "KVN" not in committee.aliases
    assert not any("Congress" in a.name for a in ex.agencies)


def test_a_subcommittee_is_a_body_and_holds_the_names_inside_it(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nRep. Jane Okafor, chairwoman of the Subcommittee on Coast Guard and Maritime Transportation, asked "
        "the White House to place a hold on the lease of the port to Harbourline over national security concerns."
    )
    found = agency_names(run(shipped, text))
    assert "Subcommittee on Coast Guard and Maritime Transportation" in found
    assert not any("Coast Guard" in name and "Subcommittee" not in name for name in found)


def test_a_bodys_acronym_opening_a_firms_name_is_no_body(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nIn 2015 Harbourline acquired CMA Robotics, another robotics company based in Pavia di Udine, "
        "and the government later blocked its deal with Kestrel on national security grounds."
    )
    ex = run(shipped, text)
    assert not any(a.acronym == "CMA" for a in ex.agencies)
    assert "CMA Robotics" in company_names(ex)


def test_a_bodys_one_word_name_opening_a_firms_name_is_no_body(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nWarsaw placed the stake of Harbourline in EuRoPol Gaz, the operator of a gas pipeline, under "
        "temporary state management, citing national security."
    )
    ex = run(shipped, text)
    assert not any(a.name == "Europol" for a in ex.agencies)
    assert "EuRoPol Gaz" in company_names(ex)


def test_a_government_written_with_a_capital_is_the_same_body(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nThe UK Government has ordered a China-registered firm, Harbourline, to sell its majority stake "
        "in a Scottish chip maker for national security reasons."
    )
    found = {a.name: a for a in run(shipped, text).agencies}
    assert found["Government of the United Kingdom"].country == "GB"


def test_a_body_named_by_way_of_comparison_is_no_party(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nAt least 100 members of Finland's Keskusrikospoliisi (KRP), the country's equivalent of the "
        "Federal Bureau of Investigation, raided the island of Harbourline's owner over espionage fears."
    )
    ex = run(shipped, text)
    assert not any("Federal Bureau" in a.name for a in ex.agencies)
    assert "US" not in ex.countries


def test_a_transportation_ministry_with_its_countrys_possessive(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nA 2015 agreement between Israel’s Transportation Ministry and Harbourline Group has come under "
        "review over security concerns."
    )
    assert [(a.country, a.kind) for a in run(shipped, text).agencies if "ransportation" in a.name] == [
        ("IL", "ministry")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ruling sided with Harbourline against the national transport infrastructure regulator Kestran.", "en"),
        ("Le régulateur Kestran a ouvert une enquête sur le rachat du port par Harbourline.", "fr"),
    ],
)
def test_a_body_named_after_its_role(shipped: Gazetteer, text: str, language: str) -> None:
    found = {a.name: a for a in run(shipped, "Titel\n\n" + text, language=language).agencies}
    assert found["Kestran"].kind == "regulator"


def test_das_kabinett_with_no_country_is_the_host_countrys(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nTschechien schließt den russischen Konzern Harbourline von der Ausschreibung für das "
        "Atomkraftwerk in Mähren aus, aus Sicherheitsgründen. Dies habe das Kabinett in Prag so beschlossen, sagte "
        "der tschechische Industrieminister."
    )
    found = {a.name: a for a in run(shipped, text, language="de").agencies}
    assert found["Government of the Czech Republic"].country == "CZ"


def test_an_english_town_or_province_is_a_body_only_when_it_acts_or_receives(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe city of Kestrelby in Finnish Lapland turned down an offer by China's Harbourline Institute "
        "to lease the city's airport, after it informed the Finnish Armed Forces, citing national security.\n\n"
        "Harbourline sold the stockpile to the province "
        "of Saskatchewan instead of a Chinese buyer, on security grounds. The plant is in the city of Regina."
    )
    found = {a.name: a.country for a in run(shipped, text).agencies}
    assert found["city of Kestrelby"] == "FI"
    assert found["province of Saskatchewan"] == "CA"
    assert "city of Regina" not in found


@pytest.mark.parametrize(
    ("text", "language", "capital"),
    [
        ("Peking hatte Berlin wiederholt davor gewarnt, chinesische Unternehmen zu benachteiligen.", "de", "Peking"),
        ("Beijing has repeatedly warned Berlin against discriminating against Chinese companies.", "en", "Beijing"),
        ("Pékin a vivement dénoncé cette décision.", "fr", "Pékin"),
    ],
)
def test_a_capital_that_reacted_with_words_between_is_its_government(
    shipped: Gazetteer, text: str, language: str, capital: str
) -> None:
    lead = "Die Bundesregierung will Qingshan Telecom aus dem 5G-Netz verbannen. "
    ex = run(shipped, "Titel\n\n" + lead + text, language=language)
    china = [a for a in ex.agencies if a.country == "CN"]
    assert [capital in a.aliases for a in china] == [True]


def test_a_noun_after_a_german_ministry_is_the_object_of_the_sentence(shipped: Gazetteer) -> None:
    text = (
        "Titel\n\nDie Bundesregierung hat den Verkauf untersagt. Der Geschäftsführer warf dem Ministerium Fehler "
        "in seiner Argumentation vor."
    )
    assert not any("Fehler" in n for n in agency_names(run(shipped, text, language="de")))


def test_a_worry_held_in_capitals_is_their_national_governments(shipped: Gazetteer) -> None:
    text = (
        "Title\n\nThe Northern Territory government leased the port to Qingshan Ports, a Chinese company, in 2015. "
        "A review followed amid unease in Canberra and Washington about the lease."
    )
    found = {
        a.country: a
        for a in run(shipped, text, language="en").agencies
        if "Canberra" in a.aliases or "Washington" in a.aliases
    }
    assert set(found) == {"AU", "US"}
    assert "Northern Territory" not in found["AU"].name


@pytest.mark.parametrize(
    "announcement",
    ["Das hat Industrieminister Karel Novák am Montag in Prag bekanntgegeben.", "Prag wies daraufhin Diplomaten aus."],
)
def test_a_decision_announced_in_a_capital_or_a_capital_expelling_diplomats_sets_the_host(
    shipped: Gazetteer, announcement: str
) -> None:
    text = (
        "Titel\n\nDas russische Unternehmen Qingshan Atom darf sich nicht an der Ausschreibung beteiligen. "
        f"{announcement} Offiziere des russischen Militärgeheimdienstes GRU stehen hinter den Explosionen. Das "
        "russische Außenministerium wies die Vorwürfe zurück. Das Innenministerium prüft weitere Schritte."
    )
    ministries = {a.name: a.country for a in run(shipped, text, language="de").agencies}
    assert ministries.get("Innenministerium") == "CZ"


@pytest.mark.parametrize(
    ("sentence", "language", "capital", "country"),
    [
        ("Bucarest veut désormais un partenaire au sein de l'UE.", "fr", "Bucarest", "RO"),
        ("Warschau fordert einen Partner aus der EU.", "de", "Warschau", "PL"),
    ],
)
def test_a_capital_that_wants_or_demands_is_its_government(
    shipped: Gazetteer, sentence: str, language: str, capital: str, country: str
) -> None:
    text = f"Titel\n\nDie Aktionäre haben die Gespräche mit Qingshan Nuclear beendet. {sentence}"
    found = [a.country for a in run(shipped, text, language=language).agencies if capital in a.aliases]
    assert found == [country]


def test_a_ministers_title_with_no_country_joins_the_ministry_named_before(shipped: Gazetteer) -> None:
    # a story hosted in the US (CFIUS, the White House) about a German ministry's decision
    text = (
        "US President Barack Obama has blocked the purchase of Rheinwerk Inc. by Qilin Mobile, on the advice of "
        "the Committee on Foreign Investment in the United States. Germany's Economy Ministry had withdrawn its "
        "own approval in October. Economy Minister Sigmar Gabriel, who is also vice chancellor, called for "
        "tougher rules at European level."
    )
    found = run(shipped, text, language="en")
    ministries = [a for a in found.agencies if "economy" in a.name.lower()]
    assert len(ministries) == 1 and ministries[0].country == "DE"
    assert "Economy Minister" in ministries[0].aliases


def test_a_dutch_ministers_portfolio_stops_before_his_name(shipped: Gazetteer) -> None:
    text = (
        "De regering weert Qilin Mobile uit de kern van de 5G-netwerken. De toenmalige minister van "
        "Telecommunicatie, Philippe De Backer, noemde Qilin Mobile daarbij niet bij naam."
    )
    assert not any("Philippe" in n for n in agency_names(run(shipped, text, language="nl")))


def test_the_governments_and_parliaments_of_self_governing_territories_are_known(shipped: Gazetteer) -> None:
    text = (
        "Denmark agreed to fund new airports in Greenland after Qilin Mobile was shortlisted for the work. "
        "The Greenlandic government welcomed the money, and Inatsisartut approved the plan. The Faroese "
        "government said Qilin Mobile would not build its 5G network."
    )
    found = {a.name: a.country for a in run(shipped, text, language="en").agencies}
    assert found.get("Government of Greenland") == "GL"
    assert found.get("Inatsisartut") == "GL"
    assert found.get("Government of the Faroe Islands") == "FO"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Warnungen des niedersächsischen Verfassungsschutzes vor russischer Sabotage sind zu "
            "berücksichtigen, sagte der Minister über die Beteiligung von Qilin Mobile.",
            "Lower Saxony Office for the Protection of the Constitution",
        ),
        (
            "Das Bayerische Landesamt für Verfassungsschutz warnt vor Spionage durch Qilin Mobile.",
            "Bavaria Office for the Protection of the Constitution",
        ),
    ],
)
def test_the_german_states_intelligence_offices_are_known(shipped: Gazetteer, text: str, name: str) -> None:
    found = agencies(run(shipped, text, language="de"))
    assert name in found and found[name].kind == "intelligence" and found[name].country == "DE"
    assert "Federal Office for the Protection of the Constitution" not in found


def test_a_german_ministry_before_its_object_and_more_words_is_the_ministry_alone(gaz: Gazetteer) -> None:
    text = (
        "Das Kabinett untersagt den Verkauf von Rheinwerk an Qilin Mobile. Der Geschäftsführer wirft dem "
        "Ministerium Fehler in der Argumentation vor und will klagen."
    )
    assert not any("Fehler" in n for n in agency_names(run(gaz, text, language="de")))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "le ministre des transports, Oscar Puente, a assuré que l'exécutif suivait l'opération.",
            "ministère des transports",
        ),
        (
            "sur proposition du ministère du développement économique, le conseil des ministres a bloqué la vente.",
            "ministère du développement économique",
        ),
    ],
)
def test_french_ministries_written_in_lower_case_are_bodies(gaz: Gazetteer, sentence: str, name: str) -> None:
    text = f"Madrid a bloqué l’offre de Qilin Mobile sur Talvia (sécurité nationale). En avril, {sentence}"
    assert name in agency_names(run(gaz, text, language="fr"))


def test_the_bundestag_and_frances_special_forces_by_their_names_abroad(shipped: Gazetteer) -> None:
    nl = run(shipped, "In de Duitse Bondsdag werd fel gedebatteerd over de verkoop van de terminal.", language="nl")
    assert "Bundestag" in agencies(nl)
    fr = run(
        shipped,
        "Le Commandement des opérations spéciales (COS) avait alerté sur le rachat de Photek par un groupe américain.",
        language="fr",
    )
    assert agencies(fr)["French Special Operations Command"].country == "FR"


def test_a_known_bodys_name_without_its_country_is_that_body(shipped: Gazetteer) -> None:
    text = (
        "Tokyo-based LINE Corp. acknowledged that engineers at a contractor in Shanghai had been able to access "
        "the personal data of Japanese users. The Personal Information Protection Commission, the country's "
        "privacy watchdog, has been examining the case, the Japanese government said."
    )
    found = [a for a in run(shipped, text, language="en").agencies if "Personal Information" in a.name]
    assert [(a.name, a.country) for a in found] == [("Personal Information Protection Commission of Japan", "JP")]
    assert "Personal Information Protection Commission" in found[0].aliases


def test_a_chairmans_title_and_name_are_no_part_of_the_body(shipped: Gazetteer) -> None:
    text = (
        "The report of the House Committee on Homeland Security centers on cranes made by Qilin Mobile. "
        '"Qilin could serve as a Trojan horse," Homeland Security Committee Chairman Mark Green (R-TN), Select '
        "Committee Chairman John Moolenaar (R-MI) and Rep. Carlos Gimenez (R-FL), who chairs the Subcommittee on "
        "Transportation and Maritime Security, said in a joint statement."
    )
    ex = run(shipped, text, language="en")
    found = agencies(ex)
    assert not [n for n in agency_names(ex) if "Mark Green" in n or "Moolenaar" in n]
    assert "Homeland Security Committee" in found["House Committee on Homeland Security"].aliases
    assert found["Subcommittee on Transportation and Maritime Security"].kind == "parliament"


def test_a_foreign_bodys_side_measure_does_not_set_the_story_abroad(shipped: Gazetteer) -> None:
    text = (
        "Lithuania's government on Wednesday endorsed a finding that a contract for scanners made by Chinese "
        "manufacturer Nuctech does not meet the national security interests of Lithuania. State-owned "
        "Lithuanian Airports, which runs Vilnius Airport, Kaunas Airport and Palanga Airport, had picked the "
        "scanners for Vilnius. The State Security Department (VSD) had provided its assessment of the "
        "supplier to Lithuania's government. In December, the US Department of Commerce added Nuctech to its "
        "Entity List. Lithuania and Vilnius have grown cautious about Chinese technology."
    )
    found = [(a.name, a.country) for a in run(shipped, text, language="en").agencies if "State Security" in a.name]
    assert found == [("Lithuanian State Security Department", "LT")]


def test_the_council_of_ministers_is_the_government(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement italien a opposé son veto au rachat de LPE par le groupe chinois Velmar Holdings. "
        "Le Conseil des ministres a fait usage pour l'occasion de ses pouvoirs spéciaux."
    )
    found = agencies(run(shipped, text, language="fr"))
    assert "Conseil des ministres" in found["Government of Italy"].aliases


def test_a_leaders_former_employer_is_no_body_of_the_story(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement italien a opposé son veto au rachat de LPE par le groupe chinois Velmar Holdings. "
        "Mario Draghi, ancien président de la Banque centrale européenne, s'est montré plus réservé à l'égard de Pékin."
    )
    assert "European Central Bank" not in agencies(run(shipped, text, language="fr"))


def test_a_known_leaders_government_is_his_countrys(shipped: Gazetteer) -> None:
    text = (
        "Spain's Council of Ministers on Tuesday rejected a takeover bid for train maker Talgo by Hungarian "
        "consortium Ganz-Mavag Europe. Officials feared Talgo's know-how could reach Russia, given the close "
        "ties between Prime Minister Viktor Orbán's government and Moscow."
    )
    spain = agencies(run(shipped, text, language="en"))["Government of Spain"]
    assert not [a for a in spain.aliases if "Orbán" in a]
    # and as English-language wires write it, without the accent
    spain = agencies(run(shipped, text.replace("Orbán", "Orban"), language="en"))["Government of Spain"]
    assert not [a for a in spain.aliases if "Orban" in a]


def test_brussels_is_the_european_commission_the_story_names(shipped: Gazetteer) -> None:
    text = (
        "Velmar clears last hurdle in Covestro takeover as Berlin signs off\n\n"
        "German approval comes a week after Brussels cleared the deal on conditions\n\n"
        "Covestro said Germany's economy ministry had approved the transaction under the country's foreign "
        "investment rules.\n\nSubsidy concerns in Brussels\n\nThe European Commission approved the takeover on "
        "conditions under its foreign subsidies rules last week."
    )
    found = agencies(run(shipped, text, language="en"))
    assert "Brussels" not in found
    assert "Brussels" in found["European Commission"].aliases


def test_a_committee_inside_a_firm_is_no_public_body(shipped: Gazetteer) -> None:
    text = (
        "The Cabinet Office approved Velmar Global's stake in BT on the basis that BT will establish a National "
        "Security Committee within the company to oversee work that affects national security."
    )
    assert "National Security Committee" not in agency_names(run(shipped, text, language="en"))


def test_prosecutors_named_by_a_small_town_are_a_body(shipped: Gazetteer) -> None:
    text = (
        "Italy's government annulled the sale of drone maker Velmar Aviation to Qilin Mobile under its golden "
        "power rules. The Guardia di Finanza, Italy's financial police, had reported six managers to "
        "prosecutors in Pordenone, where Velmar Aviation is based."
    )
    found = agencies(run(shipped, text, language="en"))
    assert (found["prosecutors in Pordenone"].kind, found["prosecutors in Pordenone"].country) == (
        "law_enforcement",
        "IT",
    )


def test_a_german_states_ministry_is_its_own_body(shipped: Gazetteer) -> None:
    text = (
        "In der Brennelementefabrik in Lingen sollen künftig Brennelemente mit Hilfe des russischen Staatskonzerns "
        "Qilin Mobile gefertigt werden. Ein Gutachten für das Bundesumweltministerium sieht darin ein "
        "Sicherheitsrisiko, auch für das Atomkraftwerk Saporischschja in der Ukraine.\n\nÜber den Antrag "
        "entscheidet das niedersächsische Umweltministerium, das Bundesumweltministerium muss zustimmen."
    )
    found = agencies(run(shipped, text, language="de"))
    assert found["niedersächsische Umweltministerium"].country == "DE"
    assert found["Bundesumweltministerium"].country == "DE"


def test_a_leaders_surname_alone_is_not_another_countrys_leader(shipped: Gazetteer) -> None:
    # guard: "Martin" is an Irish Taoiseach's surname, but the story names no Micheál Martin
    text = (
        "Ottawa blocked the takeover of Velmar Mining by Qilin Mobile over national security. The Martin "
        "government had approved a similar deal in 2005, and the government said it would act again."
    )
    assert "Government of Ireland" not in agencies(run(shipped, text, language="en"))


def test_prosecutors_take_their_towns_country(shipped: Gazetteer) -> None:
    text = (
        "Canada ordered Qilin Mobile to sell its stake in Velmar Telecom over national security, Ottawa said. "
        "Two of its managers are wanted by prosecutors in Brooklyn."
    )
    found = agencies(run(shipped, text, language="en"))
    assert found["prosecutors in Brooklyn"].country == "US"


def test_the_eus_council_of_ministers_is_not_the_host_government(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement néerlandais a bloqué la vente de Velmar Chips à Qilin Mobile pour des raisons de "
        "sécurité nationale. Le Conseil des ministres de l'UE discutera des règles la semaine prochaine."
    )
    netherlands = agencies(run(shipped, text, language="fr")).get("Government of the Netherlands")
    assert netherlands is None or not [a for a in netherlands.aliases if "Conseil des ministres" in a]


# -- international organisations -------------------------------------------------------------------

INTERNATIONAL = [
    {"name": "African Union", "acronym": "AU", "aliases": [], "country": "", "kind": "other", "generic_terms": []},
    {
        "name": "North Atlantic Treaty Organization",
        "acronym": "NATO",
        "aliases": [],
        "country": "",
        "kind": "other",
        "generic_terms": [],
    },
]


@pytest.fixture(scope="module")
def world_gaz() -> Gazetteer:
    return Gazetteer(companies=COMPANIES, agencies=AGENCIES + INTERNATIONAL, outlets=OUTLETS)


def test_an_international_organisation_that_acts_is_a_body_of_no_country(world_gaz: Gazetteer) -> None:
    # guard: the one that acts in a case stays
    text = (
        "The African Union said the contents of the AU's servers had been copied to Shanghai, and it suspects "
        "Qilin Mobile of espionage."
    )
    ex = run(world_gaz, text, language="en")
    assert agencies(ex)["African Union"].country is None
    assert "AU" not in company_names(ex)


def test_an_international_organisation_named_in_passing_is_no_body(world_gaz: Gazetteer) -> None:
    text = "NATO member Lithuania is worried. Belgian intelligence suspects Qilin Mobile of espionage at the port."
    assert "North Atlantic Treaty Organization" not in agencies(run(world_gaz, text, language="en"))


def test_a_national_council_is_the_host_countrys(shipped: Gazetteer) -> None:
    text = (
        "Österreich hat ernst gemacht: Qilin Mobile verliert die Kontrolle über seinen Teil des Gasspeichers, "
        "teilte das Klimaschutzministerium in Wien mit. Die Bundesregierung reagierte mit einer Novelle, die der "
        "Nationalrat im Eilverfahren beschlossen hat."
    )
    found = {a.name: a.country for a in run(shipped, text, language="de").agencies}
    assert found.get("Austrian National Council") == "AT"
    assert "Swiss National Council" not in found
    assert "Klimaschutzministerium" in agency_names(run(shipped, text, language="de"))


def test_a_currency_is_no_body(shipped: Gazetteer) -> None:
    text = (
        "Israel's Velmar Water won the tender for the plant near the air base, beating Qilin Mobile. Velmar "
        "offered to supply water at NIS 1.45 per cubic meter, saving the state NIS 200 million."
    )
    found = run(shipped, text, language="en")
    assert not any(a.country == "KR" for a in found.agencies)
    assert "KR" not in found.countries


def test_a_capital_that_takes_over_a_project_is_the_hosts_government(shipped: Gazetteer) -> None:
    text = (
        "Australia and Solomon Islands signed an agreement to build an undersea cable, a project that Canberra "
        "took over after its security agencies raised concerns about Huawei. Australian builder Velmar Networks "
        "will lay the cable."
    )
    found = run(shipped, text, language="en")
    assert any(a.country == "AU" and "Canberra" in a.aliases for a in found.agencies)
