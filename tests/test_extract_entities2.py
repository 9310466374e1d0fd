"""More companies, agencies and facilities from short invented texts: titles and seats of public
bodies, national subsidiaries, descriptors before a name. No database, no corpus files."""

from __future__ import annotations

from tests.extract_helpers import agency_names, run
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import Extraction


def company(ex: Extraction, name: str):
    return next(c for c in ex.companies if c.name == name or name in c.aliases)


def agency(ex: Extraction, name: str):
    return next(a for a in ex.agencies if a.name == name or name in a.aliases)


# -- public bodies -------------------------------------------------------------------------------


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


def test_a_capitalised_common_noun_mid_sentence_is_the_host_body(shipped: Gazetteer) -> None:
    text = (
        "De AIVD waarschuwt voor spionage door Zhenhai Scanners. "
        "De Douane gebruikt de scanners van Zhenhai Scanners nog altijd in de havens."
    )
    assert agency(run(shipped, text), "Douane").country == "NL"


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


# -- companies -----------------------------------------------------------------------------------


def test_a_subsidiary_said_of_a_company_links_the_parent(shipped: Gazetteer) -> None:
    text = "The regulator reviewed the deal. Tavro Systems is a subsidiary of Brenner Group, the regulator said."
    assert company(run(shipped, text), "Tavro Systems").parent == "Brenner Group"


def test_a_listed_or_seated_adjective_introduces_a_company(shipped: Gazetteer) -> None:
    text = "The chip plant is owned by the Shanghai-listed Wanqiao Technology, the regulator said."
    assert company(run(shipped, text), "Wanqiao Technology").country == "CN"


def test_a_french_descriptor_with_a_complement_introduces_a_company(shipped: Gazetteer) -> None:
    text = "Bercy examine le rachat par le géant chinois des caméras Dahai Vision d'une usine française."
    assert company(run(shipped, text), "Dahai Vision").country == "CN"


def test_a_national_subsidiary_and_its_parent_stay_apart(shipped: Gazetteer) -> None:
    text = "Telco Belgium, dochter van het Franse Telco, weert de apparatuur van Huawei uit zijn netwerk."
    ex = run(shipped, text)
    assert company(ex, "Telco Belgium").parent == "Telco"
    assert company(ex, "Telco").country == "FR"


def test_a_subsidiary_named_for_a_country_is_of_that_country(shipped: Gazetteer) -> None:
    text = (
        "Le gouvernement a ordonné à Lumen France, filiale du fabricant chinois de caméras de surveillance "
        "Zhejiang Lumen Vision, de fermer."
    )
    ex = run(shipped, text)
    assert company(ex, "Lumen France").parent == "Zhejiang Lumen Vision"
    assert company(ex, "Lumen France").country == "FR"
    assert company(ex, "Zhejiang Lumen Vision").country == "CN"


def test_a_web_address_slug_does_not_name_a_known_company(shipped: Gazetteer) -> None:
    text = (
        "Source: https://www.example.fr/a-brumath-l-usine-huawei-sous-surveillance\n"
        "Title: L'usine de Huawei\n\n"
        "L'équipementier chinois Huawei construit une usine à Brumath. La DGSI surveille Huawei."
    )
    assert not [n for c in run(shipped, text).companies for n in [c.name, *c.aliases] if n.islower()]


def test_a_title_run_into_a_name_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Die Übernahme durch den Fonds Fujian Harbour Fund ist gestoppt. "
        "Hinter dem Fonds steht der Geschäftsmann Liu Zhendong, sagte das Wirtschaftsministerium."
    )
    assert not [c for c in run(shipped, text).companies if "Liu" in c.name]


def test_a_cue_before_such_as_covers_the_list(shipped: Gazetteer) -> None:
    text = "De toezichthouder onderzoekt omvormers van Chinese makers als Huawei, Growatt en Sungrow op spionage."
    assert company(run(shipped, text), "Growatt")


def test_a_seat_said_of_a_company_gives_its_country(shipped: Gazetteer) -> None:
    text = (
        "The government ordered Qorvath Holding Limited to sell its stake in a chip designer. "
        "Qorvath Holding Limited is registered in the British Virgin Islands."
    )
    assert company(run(shipped, text), "Qorvath Holding Limited").country == "VG"


def test_a_utility_is_a_company_cue(shipped: Gazetteer) -> None:
    text = "Ofcom raised concerns. The grid went to Norvel Energy, an Irish utility, last year."
    assert company(run(shipped, text), "Norvel Energy").country == "IE"


# -- facilities ----------------------------------------------------------------------------------


def test_the_company_at_a_sentence_start_ties_a_facility_to_the_story(shipped: Gazetteer) -> None:
    text = (
        "CFIUS ordered Qorvath Partners Ltd. to sell land near the base. "
        "The company bought the land in 2022 and turned it into a crypto mining facility."
    )
    assert [f for f in run(shipped, text).facilities if f.name == "crypto mining facility"]


def test_people_named_as_owners_are_not_companies(shipped: Gazetteer) -> None:
    text = (
        "The Treasury ordered Qorvath Partners Ltd. to sell land near the base. "
        "Qorvath Partners Ltd. is controlled by Li Wei and Zhang Min, two Chinese nationals."
    )
    names = {c.name for c in run(shipped, text).companies}
    assert not {"Li Wei", "Zhang Min"} & names


def test_the_country_of_a_cue_covers_the_listed_names(shipped: Gazetteer) -> None:
    text = "De toezichthouder onderzoekt omvormers van Chinese makers als Huawei, Growatt en Sungrow op spionage."
    assert company(run(shipped, text), "Growatt").country == "CN"


def test_a_name_after_a_comma_is_not_a_listed_name(shipped: Gazetteer) -> None:
    text = "Italy imposed conditions on Chinese state-owned Sinochem, Pirelli’s top shareholder, to protect technology."
    assert company(run(shipped, text), "Pirelli").country != "CN"


def test_a_city_name_is_placed_in_a_country_the_story_is_about(shipped: Gazetteer) -> None:
    text = (
        "The Spanish government blocked the sale of the port terminal in Valencia to the Chinese group Harbourline. "
        "Spain's intelligence service warned about espionage at the terminal."
    )
    ex = run(shipped, text)
    assert [f.country for f in ex.facilities] == ["ES"]


def test_a_body_named_only_as_a_bases_owner_is_left_out(shipped: Gazetteer) -> None:
    text = (
        "CFIUS reviewed the purchase by MineTwo Partners Ltd. of land near the Royal Australian Air Force Base "
        "Tindal over espionage fears."
    )
    assert "Royal Australian Air Force" not in {a.name for a in run(shipped, text).agencies}


def test_a_descriptor_run_into_a_name_is_dropped(shipped: Gazetteer) -> None:
    text = "Die Bundesregierung untersagt die Übernahme. Käufer ist die Radartechnik-Spezialisten IMVO GmbH aus China."
    assert company(run(shipped, text), "IMVO GmbH").country == "CN"


def test_a_french_noun_with_its_article_is_no_part_of_the_name(shipped: Gazetteer) -> None:
    text = "Bercy a bloqué le rachat de Sarthe Valves. L'acheteur Corvel Industries est américain."
    assert "Corvel Industries" in {c.name for c in run(shipped, text).companies}


def test_a_hyphenated_cue_before_a_comma_does_not_make_a_company(shipped: Gazetteer) -> None:
    text = (
        "Das Bundesinnenministerium hat mit Telefónica Deutschland, der deutschen Tochter des spanischen "
        "Telefónica-Konzerns, Verträge geschlossen, um Huawei aus den Netzen zu entfernen."
    )
    assert "Verträge" not in {c.name for c in run(shipped, text).companies}


def test_a_title_naming_its_portfolio_stands_for_the_ministry(shipped: Gazetteer) -> None:
    text = (
        "The Foreign Investment Review Board advised the Treasurer to block Yuxiao Fund. "
        "The Minister for Resources, Madeleine King, said Australia wanted a secure industry. "
        "Secretary of State Antony Blinken welcomed the move."
    )
    names = agency_names(run(shipped, text))
    assert "Minister for Resources" in names
    assert not [n for n in names if "Blinken" in n]


def test_companies_designated_as_threats_are_parties(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission revoked a licence held by Qilin Mobile. "
        "It has also designated Harbourline Telecom and Tern Networks as national security threats."
    )
    names = {c.name for c in run(shipped, text).companies}
    assert {"Harbourline Telecom", "Tern Networks"} <= names


def test_and_its_subsidiary_points_at_the_company_before_and(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission is reviewing the licences of the carrier Qilin Americas "
        "and of the carrier Pacific Tern and its subsidiary TernNet over espionage fears."
    )
    assert company(run(shipped, text), "TernNet").parent == "Pacific Tern"


def test_a_county_or_a_base_prefix_is_no_town(shipped: Gazetteer) -> None:
    text = (
        "CFIUS ordered MineTwo Ltd. to sell land over espionage fears. "
        "The company runs a bitcoin mining facility in Johnson County, Missouri. "
        "It also bought a warehouse near RAF Lakenheath."
    )
    cities = {f.city for f in run(shipped, text).facilities}
    assert not {"Johnson", "RAF"} & cities


def test_a_nationality_before_an_unlisted_noun_gives_the_country(shipped: Gazetteer) -> None:
    text = "Het kabinet blokkeert de overname. De Mexicaanse bouwer Cemvo kocht het bedrijf."
    assert company(run(shipped, text), "Cemvo").country == "MX"


def test_a_nationality_said_of_a_company_gives_the_country(shipped: Gazetteer) -> None:
    text = "Bercy a bloqué le rachat de Sarthe Valves. L'acheteur Corvel Industries est américain."
    assert company(run(shipped, text), "Corvel Industries").country == "US"
