"""Names that run over "and", brackets and titles; units named after their group or a town;
sites a story only passes by; bodies named after their house. Short invented texts, no
database, no corpus files."""

from __future__ import annotations

from tests.extract_helpers import agencies, companies, company_names, facility_names, run
from tracker.ingest.gazetteer import Gazetteer

# -- companies ------------------------------------------------------------------------------------


def test_a_short_form_that_spells_both_words_keeps_a_name_with_and_whole(shipped: Gazetteer) -> None:
    text = (
        "Harbor Arc bought Northern and Western Steam Packet Co., known as N&W, in a $2 billion takeover. "
        "Along with N&W came its subsidiary N&W Terminals Canada, which runs terminals in Halifax. "
        "Lawmakers said the deal could weaken port security and CFIUS reviewed it."
    )
    found = companies(run(shipped, text))
    assert "N&W" in found["Northern and Western Steam Packet Co."].aliases
    assert "Northern" not in company_names(run(shipped, text))  # it never stands alone
    # the unit named after the short form is a firm of its own, under the first
    assert found["N&W Terminals Canada"].parent == "Northern and Western Steam Packet Co."


def test_a_regional_arm_in_brackets_is_a_unit_and_answers_to_its_name_without_them(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission voted to revoke the authority of Korvex Telecom (Americas) Corp "
        "to provide services in the United States, citing national security risks. Korvex Telecom Americas, "
        "whose parent is Shanghai-listed Korvex Telecom Corp, said it would appeal."
    )
    found = companies(run(shipped, text))
    arm = found["Korvex Telecom (Americas) Corp"]
    assert arm.aliases == ["Korvex Telecom Americas"]
    assert arm.parent == "Korvex Telecom Corp"
    assert "Americas" not in company_names(run(shipped, text))  # the bracket is inside the name


def test_a_title_inside_a_capitalised_run_makes_it_a_person(shipped: Gazetteer) -> None:
    text = (
        "The Norwegian government will stop Arden Holdings from selling its Norwegian subsidiary Trondheim "
        "Marine to a company controlled by Russia's KRX Group, Justice Minister Kari Holm told parliament on "
        "Tuesday. KRX International, a Swiss-registered subsidiary of KRX Group, had agreed to buy it. "
        "The engines are built at a plant outside Trondheim."
    )
    ex = run(shipped, text)
    assert not any("Kari Holm" in n for n in company_names(ex))
    found = companies(ex)
    # the group the short name begins is the parent, not a firm called "KRX"
    assert found["KRX International"].parent == "KRX Group"
    assert "KRX" not in found
    # "Trondheim Marine" is no subsidiary of a firm called Trondheim: that is the town
    assert "Trondheim" not in found and found["Trondheim Marine"].parent == "Arden Holdings"


def test_a_national_arm_under_its_countrys_own_name(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat die deutsche Gazprom-Tochter Gazprom Germania unter ihre Kontrolle gebracht, "
        "um die kritische Infrastruktur zu schützen. Zum Konzern gehören unter anderem der Stromhändler Ravelo "
        "und der Speicherbetreiber Norvika."
    )
    found = companies(run(shipped, text, language="de"))
    assert found["Gazprom Germania"].parent == "Gazprom"
    assert "Ravelo" in found  # a trader named by its trade, like the operator after it


def test_a_towns_production_is_no_company(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Verkauf der Chipfabrik des Halbleiterherstellers Elmora an einen "
        "chinesischen Käufer untersagt. Das Unternehmen hatte den Verkauf der Dortmunder Fertigung im "
        "Dezember angekündigt."
    )
    assert "Dortmunder Fertigung" not in company_names(run(shipped, text, language="de"))


def test_firms_of_a_deal_recalled_as_earlier_background_are_no_parties(shipped: Gazetteer) -> None:
    text = (
        "Washington blocked the takeover of chip equipment maker Velteq by Fujian-based Minrong Capital, "
        "citing national security. Earlier this year, the takeover of robot maker Drexel by China's Hanlu "
        "sparked a heated debate about Chinese investment. Erst vor zwei Wochen hatte das Kabinett den "
        "Einstieg der Staatsreederei Ostwind bei einem Containerterminal zugelassen."
    )
    found = company_names(run(shipped, text))
    assert {"Velteq", "Minrong Capital"} <= found
    assert not {"Drexel", "Hanlu", "Ostwind"} & found


# -- facilities -----------------------------------------------------------------------------------


def test_a_german_site_noun_is_another_word_in_an_english_story(shipped: Gazetteer) -> None:
    text = (
        "The Chinese-owned company Harbin Harbour Group holds the lease over the Port of Eastbay, and critics "
        "call it critical infrastructure. Labor frontbenchers were among its loudest critics in opposition."
    )
    assert "Labor" not in facility_names(run(shipped, text, language="en"))


def test_sites_the_story_passes_by_are_not_its_facilities(shipped: Gazetteer) -> None:
    text = (
        "The German government placed the local unit of Russia's Varneft under trusteeship, citing risks to "
        "critical infrastructure. Varneft holds a majority in the PCK refinery in Schwedt. The minister said "
        "the move laid the foundations for the future of the Schwedt site. The refinery supplies jet fuel for "
        "the capital's airport. Alternative supplies would come via the port of Rostock."
    )
    ex = run(shipped, text)
    # "the Schwedt site" is the refinery the story names in Schwedt; the rest is passing by
    assert [(f.name, f.city) for f in ex.facilities] == [("PCK refinery", "Schwedt")]


def test_a_region_in_the_genitive_is_no_name_of_the_site(shipped: Gazetteer) -> None:
    text = (
        "Der Speicherbetreiber Norvika, eine Tochter des russischen Konzerns Voltgas, betreibt den Gasspeicher "
        "in Rehden, den größten Erdgasspeicher Westeuropas. Die Bundesregierung sieht die Versorgungssicherheit "
        "gefährdet."
    )
    ex = run(shipped, text, language="de")
    assert "Erdgasspeicher Westeuropas" not in facility_names(ex)
    assert "Gasspeicher in Rehden" in facility_names(ex)


def test_a_site_the_story_names_with_a_naming_verb(shipped: Gazetteer) -> None:
    text = (
        "De Chinese rederij Haixing Shipping nam in 2017 het belang van een Deense groep in de containerterminal "
        "over. Sindsdien heet de terminal Noordkaai Container Terminal. De haven vormt samen met Antwerpen het "
        "havenbedrijf Port of Scheldemond. Experts waarschuwen voor spionage."
    )
    ex = run(shipped, text, language="nl")
    assert "Noordkaai Container Terminal" in facility_names(ex)
    # the port company named after the port is the company, not a site
    assert "Port of Scheldemond" not in facility_names(ex)


# -- agencies -------------------------------------------------------------------------------------


def test_a_lower_case_ministry_joins_the_full_name_the_story_gave(shipped: Gazetteer) -> None:
    text = (
        "Norway blocked the sale of engine maker Trondheim Marine to a Russian group. According to the Ministry "
        "of Justice and Public Security, the technology could strengthen Russia's military. The justice ministry "
        "said the sale posed a national security risk."
    )
    found = agencies(run(shipped, text))
    assert "justice ministry" not in found
    assert "justice ministry" in found["Ministry of Justice and Public Security"].aliases


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


def test_the_countrys_services_are_those_of_the_country_the_sentence_named(shipped: Gazetteer) -> None:
    text = (
        "Lithuania's government barred scanner maker Qintech from a tender at Vilnius Airport, citing national "
        "security. Under French law, companies can be required to cooperate with the country's intelligence "
        "agencies."
    )
    ex = run(shipped, text)
    assert not any(a.country == "LT" and a.kind == "intelligence" for a in ex.agencies)


# -- parties, parents, sites (second round) -------------------------------------------------------


def test_a_rival_named_as_the_buyer_is_a_party(shipped: Gazetteer) -> None:
    text = (
        "US-Präsident Joe Biden hat die geplante Übernahme des Stahlkonzerns Keystone Steel durch den japanischen "
        "Konkurrenten Osaka Metals verboten. Die Transaktion gefährde die nationale Sicherheit, teilte das Weiße "
        "Haus mit."
    )
    ex = run(shipped, text, language="de")
    assert companies(ex)["Osaka Metals"].country == "JP"
    # a takeover forbidden is a screening decision, not a product ban
    assert [(c.categories, c.status) for c in ex.concerns] == [(["investment_screening"], "blocked")]


def test_a_firm_under_its_full_and_its_short_country_name_is_one(shipped: Gazetteer) -> None:
    text = (
        "Biden blocked the takeover of United States Steel by Osaka Metals on national security grounds. "
        "US Steel said it would challenge the decision in court."
    )
    found = companies(run(shipped, text))
    assert "US Steel" in found["United States Steel"].aliases


def test_part_of_a_group_names_the_parent_only_when_a_firm_follows(shipped: Gazetteer) -> None:
    text = (
        "The Business Secretary has ordered Q9T Fibre Holdings UK, part of the Ostrava investment group, to sell "
        "Netlink, a company building broadband in Wales. The final order requires Q9T Fibre Holdings UK to "
        "dispose of its holding on national security grounds. In another case, Sallow Networks, part of the "
        "Brevik group, was cleared."
    )
    found = companies(run(shipped, text))
    assert found["Q9T Fibre Holdings UK"].parent is None  # not Netlink, named after the comma
    assert "Q9T Fibre Holdings UK" in found


def test_a_unit_called_the_groups_compound_daughter_stands_apart(shipped: Gazetteer) -> None:
    text = (
        "Die Bundesregierung hat den Einstieg des Staatskonzerns Haixing am Hamburger Containerterminal Kattwyk "
        "genehmigt, aber nur mit Auflagen. Die Haixing-Tochter Haixing Ports Limited darf 24,9 Prozent an der "
        "Betreibergesellschaft des Container Terminals Kattwyk übernehmen. Haixing ist bereits an Terminals in "
        "Rotterdam, Antwerpen und Zeebrügge beteiligt."
    )
    ex = run(shipped, text, language="de")
    found = companies(ex)
    assert found["Haixing Ports Limited"].parent == "Haixing"
    assert "Kattwyk" not in found  # the terminal's own name, not its operating company
    # one terminal in Hamburg; the terminals listed town by town are background
    assert [(f.name, f.city) for f in ex.facilities] == [("Containerterminal Kattwyk", "Hamburg")]


def test_owners_possessive_and_a_site_of_the_same_sentence(shipped: Gazetteer) -> None:
    text = (
        "Treasurer Jim Chalmers has ordered five foreign investors with links to China to sell their shares in "
        "Northern Minerals, citing national security. Northern Minerals' Browns Range project, near the border "
        "with the Northern Territory, produces a concentrate rich in dysprosium. The government has ordered "
        "Chinese-owned Velmar to sell the Cardiff Wafer Works factory. The microchip factory in Cardiff employs "
        "around 500 people at its site in Pengam."
    )
    ex = run(shipped, text)
    sites = {f.name: f for f in ex.facilities}
    assert sites["Browns Range project"].operator == "Northern Minerals"
    assert "Velmar" in companies(ex)  # "Chinese-owned" says it is a firm
    assert not any("Pengam" in name for name in sites)  # "its site" is the factory the sentence names


def test_a_firms_product_after_its_possessive_is_no_firm_and_the_held_firm_is_the_target(shipped: Gazetteer) -> None:
    text = (
        "Cyber Grip sensor technology deemed 'critical', Chinese shareholder barred from naming CEO. The Italian "
        "government has used its golden power to limit the influence of Chinese state-owned group Sinochem over "
        "tyremaker Tyrella. The government said Tyrella's Cyber Grip technology, which collects data on "
        "vehicles, was a critical technology of national strategic importance."
    )
    ex = run(shipped, text)
    found = companies(ex)
    assert "Cyber Grip" not in found
    assert found["Tyrella"].country == "IT"  # the firm a foreign owner holds in the host country
    # one case, led by the foreign owner; a shareholder's right taken away is a condition, no ban
    assert {c.status for c in ex.concerns} == {"approved_with_conditions"}
    assert all("Sinochem Holdings" in c.companies for c in ex.concerns)


def test_a_division_named_by_a_compound_and_a_towns_trade_noun(shipped: Gazetteer) -> None:
    text = (
        "Der Verkauf des Augsburger Roboterbauers an den chinesischen Hausgerätekonzern Midea ist nach Prüfung "
        "durch. Um die Bedenken in Washington auszuräumen, verkaufte Kuka seine US-Luftfahrtsparte Kuka Systems "
        "Aerospace North America an den amerikanischen Anbieter Advanced Integration Technology. Der "
        "Roboterhersteller Kuka gilt als Vorzeigeunternehmen für die vernetzte Fabrik der Zukunft."
    )
    ex = run(shipped, text, language="de")
    found = companies(ex)
    assert "Augsburger Roboterbauers" not in found
    assert found["Kuka Systems Aerospace North America"].parent == "Kuka"
    assert not ex.facilities  # the factory of the future is an idea


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


def test_an_apposition_after_a_pair_says_both_are_firms(shipped: Gazetteer) -> None:
    text = (
        "Le Conseil constitutionnel a rejeté les recours de Veltis et Bouygues Telecom, qui contestaient le régime "
        "d'autorisation imposé aux équipements 5G de Huawei. Veltis et Bouygues Telecom, les deux opérateurs "
        "français qui ont bâti la moitié de leur réseau avec du matériel Huawei, invoquaient la sécurité nationale."
    )
    assert {"Veltis", "Bouygues Telecom"} <= company_names(run(shipped, text, language="fr"))


def test_a_firm_after_a_plain_site_noun_and_a_new_site_in_the_same_sentence(shipped: Gazetteer) -> None:
    text = (
        "The French state-controlled energy group EDF leads the project. "
        "CGN held a 33.5 per cent stake in Hinkley Point C, the plant EDF is building in Somerset, and hopes to "
        "use a site at Bradwell in Essex to build a reactor of its own design, citing energy security."
    )
    ex = run(shipped, text)
    assert "EDF" in companies(ex)  # "the plant EDF is building": no site named EDF
    assert "site at Bradwell" in facility_names(ex)  # "a site", unlike "its site", is another one


def test_german_descriptors_before_a_name_and_a_founders_initial(shipped: Gazetteer) -> None:
    german = (
        "Das Bundeskabinett hat den Verkauf des Kamp-Lintforter Funktechnik-Spezialisten Ravtek an einen "
        "chinesischen Staatskonzern untersagt. Zuvor hatte die Regierung den Verkauf der britischen Felder des "
        "Gasförderers Dorna an Ineos geprüft."
    )
    found = company_names(run(shipped, german, language="de"))
    assert {"Ravtek", "Dorna"} <= found
    assert not any("Spezialisten" in n or "Gasförderer" in n for n in found)
    english = (
        "Treasurer Scott Morrison blocked the sale of S. Kidman & Co, the country's largest private landholder, to "
        "foreign buyers on national security grounds. The Kidman holdings cover 101,000 square kilometres. The NSW "
        "Government had been seeking to lease the NSW electricity network Ausgrid."
    )
    found = companies(run(shipped, "Kidman sale blocked over cattle station inside weapons range\n\n" + english))
    assert "S. Kidman & Co" in found and "Kidman" not in found  # one firm, not a second called "Kidman"
    assert "NSW" not in found  # New South Wales, by its short name


def test_a_towns_plant_twice_a_site_list_and_a_verb_before_a_site(shipped: Gazetteer) -> None:
    french = (
        "Le ministère de l'Economie a imposé des conditions au rachat d'Opella par CD&R, invoquant la souveraineté "
        "sanitaire. CD&R s'engage à conserver la production sur les sites de Lisieux, dans le Calvados, et de "
        "Compiègne, dans l'Oise. À l'usine de Lisieux, une partie du personnel a cessé le travail."
    )
    ex = run(shipped, french, language="fr")
    assert "Lisieux" not in company_names(ex)  # the town of the plant, named twice
    assert "usine de Lisieux" in facility_names(ex) and "site de Lisieux" not in facility_names(ex)  # one per town
    english = (
        "President Obama ordered Ralls Corp. to divest four wind farm projects in Oregon that sit close to a Navy "
        "weapons training site, citing national security."
    )
    ex = run(shipped, english)
    assert "Navy" not in company_names(ex)
    assert not any(name.startswith("divest") for name in facility_names(ex))


def test_a_buyer_named_by_a_copula_after_its_role(shipped: Gazetteer) -> None:
    text = (
        "Das Bundeskabinett hat die Übernahme des Maschinenbauers Leifeld untersagt. Bei dem Bieter handelt es sich "
        "um die Yantai Taihai Gruppe aus der Provinz Shandong. Käufer sollte die Norlin Co., Ltd. sein. Die "
        "Regierung prüft Übernahmen durch ausländische Käufer auf Sicherheitsrisiken."
    )
    found = company_names(run(shipped, text, language="de"))
    assert {"Yantai Taihai Gruppe", "Norlin Co., Ltd."} <= found
    assert "Sicherheitsrisiken" not in found


def test_a_groups_international_unit_and_a_firm_known_by_its_shareholders(shipped: Gazetteer) -> None:
    english = (
        "Ottawa blocked the takeover of builder Aecon by CCCC International Holding Ltd., a subsidiary of China "
        "Communications Construction Company Ltd, on national security grounds."
    )
    found = companies(run(shipped, english))
    assert found["CCCC International Holding Ltd."].parent.startswith("China Communications Construction Company")
    french = (
        "L'État soutient l'offre de General Electric pour la branche énergie d'Orvane, à condition de devenir "
        "actionnaire du groupe. L'État rachètera cette participation à Bouygues, premier actionnaire d'Orvane, "
        "au nom de la souveraineté industrielle."
    )
    assert "Orvane" in company_names(run(shipped, french, language="fr"))
