"""Companies for the extract stage: gazetteer matches plus patterns for names seen the first time
("X's logistics arm Y", "Y, a unit of X", "stake in X", legal-form suffixes), their aliases,
parents and countries, and the test of whether a company is a party to the story."""

from __future__ import annotations

import re

from .extract_base import (
    _CAPW,
    _COMPOUND_CUE,
    _COMPOUND_CUE_BEFORE,
    _COMPOUND_NOUNS,
    _LOWER_LEGAL,
    DE_PLURAL_NOUN_END,
    DEAL_NOUN,
    KNOWN_AS,
    LEGAL_FORM_END,
    MEASURE_CUES,
    PEOPLE_MAKERS,
    SEATED_IN,
    _cap_phrases,
    _Company,
    _country_in,
    _Doc,
    _is_prefix,
    _is_title_case_line,
    _mentions_in,
    _norm_key,
    _overlaps,
    _place_code,
    _Rules,
    _tokens,
    compound_cue_before,
    facility_kind,
    name_spans,
    site_after_name,
)
from .extract_bodies import (
    _GERMAN_SITE_BEFORE_TOWN,
    _LOCATIVE_BEFORE,
    _TOWN_ADJECTIVE_BEFORE,
    LOCATIVE_WORD,
    _body_names,
    _kind_of_body,
    _story_town,
)
from .gazetteer import SEA_WORDS, Hit, SpanSet
from .textparts import (
    Sentence,
    span,
)
from .types import (
    FoundCompany,
)


def _extend_name(doc: _Doc, start: int, end: int, country: str | None = None) -> tuple[int, int]:
    """Grow a gazetteer match over legal-form words ("Alibaba" + " Group Holding"), a country name
    fused in front ("China" + " State Grid") and a town of the firm's country that opens its
    registered name ("Beijing" + " Jianguang Asset Management")."""
    text = doc.text
    while True:
        m = re.match(r"\s+([A-Z][\w.]*)", text[end : end + 30])
        if m and m.group(1) == "International":
            # "CCCC International Holding Ltd.", "the sale to CCCC International": a unit of its own,
            # named after the group
            break
        if m and m.group(1).rstrip(".") in doc.rules.suffixes | {"Holding", "Holdings", "Group"}:
            end += m.end() - (1 if m.group(1).endswith(".") and not m.group(1).endswith("Co.") else 0)
            continue
        break
    m = re.search(r"([A-Z][\w]+)\s+$", text[max(0, start - 30) : start])
    if not m:
        return start, end
    word, at = m.group(1), start - len(m.group(0))
    code = doc.gaz.country_names.get(word)
    fused_country = bool(code and word in (doc.gaz.countries.get(code, {}).get("names") or ()))
    own_town = (
        bool(country)
        and (doc.gaz.city(word) or [None])[0] == country
        and not _LOCATIVE_BEFORE.search(text, max(0, at - 8), at)
        and doc.sentence_at(at) is doc.sentence_at(start)
    )
    if fused_country or own_town:
        start = at
    return start, end


# the goods a maker is named with: "Hikvision cameras", "turbines supplied by X"
_PRODUCT_NOUNS = (
    r"(?:equipment|kit|gear|cameras?|products?|devices?|chips?|hardware|software|phones?|handsets?|"
    r"components|modules|drones?|routers?|base\s+stations?|équipements?|matériel|apparatuur|Ausrüstung|Komponenten|"
    r"scanners?|sensors?|turbines?|inverters?|batteries|cranes?|servers?|modems?|Scanner|Sensoren|Kameras|"
    r"Turbinen|camera's|caméras|capteurs)"
)
_PRODUCT_AFTER = re.compile(
    rf"\s+{_PRODUCT_NOUNS}\b"
    # the supplier: "Nuctech levert scanners", "Hikvision supplies cameras"
    r"|\s+(?:supplies|supplied|provides|provided|levert|leverde|liefert|lieferte|fournit|a\s+fourni)\s"
)


# "Pirelli's Cyber Tyre technology", "Its Strix drone": a product after its owner's possessive
_OWNER_POSSESSIVE = re.compile(r"(?<![\w-])(?:([A-Z][\w&-]*)['’]s|[Ii]ts|[Tt]heir)\s$")
# "makes ultralight aircraft and the Strix drone", "A Strix drone on display": one model of a kind
_MODEL_ARTICLE = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s$")
_MODEL_KINDS = r"(?:drone|aircraft|helicopter|missile|rifle|jet|tank|vessel|satellite|rocket)"
_MODEL_KIND_AFTER = re.compile(rf"\s+{_MODEL_KINDS}\b")
# a weapon's designation before what it is: "F-35 stealth fighters", "S-400 systems", "MQ-9 drones"
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?")
_WEAPON_AFTER = re.compile(
    rf"\s+(?:[a-z-]+\s+)?(?:{_MODEL_KINDS}s?|fighters?|fighter\s+jets?|bombers?|systems?|Kampfjets?|Drohnen|avions?|"
    r"chasseurs?|gevechtsvliegtuigen)\b"
)
_TECHNOLOGY_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:technology|technologie|Technologie|system|platform|software)\b")
_PARENT_OF_BEFORE = re.compile(
    r"(?:subsidiary|unit|arm|division|affiliate|filiale|branche|dochter\w*|Tochter\w*)\s+(?:of|de|du|van|von)\s+"
    r"(?:the\s+|het\s+|de\s+|la\s+|le\s+|l['’]|der\s+|des\s+)?(?:[\w-]+['’]s\s+|[a-zà-ÿA-Z][\w-]*\s+)?$",
    re.IGNORECASE,
)
_TURKISH_FORMAL = re.compile(r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w]*){0,3}\s+Sanayi\s+ve\s+Ticaret(?:\s+A\.Ş\.?)?")
_LOWER_BRAND_BEFORE = re.compile(r"(?<![\w&-])([a-z][a-z&]{1,4})\s+$")
_GROUP_WORD = re.compile(r"Group|Groupe|Groep|Gruppe|Holdings?")
# fmt: off
_NOT_BRANDS = {
    "the", "its", "our", "his", "her", "this", "that", "whole", "said", "new", "their", "a", "an", "of", "and",
    "le", "la", "les", "du", "des", "de", "het", "die", "der", "den", "das", "van", "von", "et", "en", "und",
    "for", "by", "to", "in", "at", "on", "with", "from", "as", "or", "is", "was",
    "ein", "eine", "einer", "einem", "einen", "eines", "dem", "jede", "diese", "seine", "ihre", "zur",
    "zum", "beim", "vom", "mit", "aus", "een", "dit", "deze", "zijn", "haar", "hun", "naar", "door", "uit",
    "un", "une", "sa", "son", "ses", "leur", "ce", "cet", "au", "aux", "par", "sur", "any", "one", "each",
    "every", "some", "such", "own", "big", "top", "key", "main", "last", "next", "first",
}
# fmt: on
# "a stake in Milan-area chip maker LPE": a place said as an adjective, before the name
_PLACE_COMPOUND = re.compile(
    r"[A-Z][\w'’.]*(?:[\s-][A-Z][\w'’.]*)*-(?:area|based|born|region|registered|headquartered|listed|owned|"
    r"controlled|backed|linked|made)"
)
_NOT_COMPANY_ENDINGS = {
    "List",  # "the Entity List", "the Covered List"
    "Bill",
    "Act",
    "Law",
    "Treaty",
    "Initiative",
    "Programme",
    "Program",
    "Strategy",
    "Regulation",
    "Directive",
    "Road",
    "Street",
    "Avenue",
    "Square",
    "Prize",
    "Award",
    "Index",
    "Summit",
    "Forum",
    "Conference",
    "County",  # "Craighead County", "Comté de X": places
    "Province",
    "Parish",
    "Borough",
    "Prefecture",
    "Oblast",
    "Party",  # "the Communist Party", "the Labour Party": political parties
    "Partei",
    "Partij",
}


_NP_STOP = {
    "that",
    "which",
    "who",
    "whose",
    "where",
    "when",
    "of",
    "de",
    "du",
    "van",
    "von",
    "qui",
    "que",
    "dont",
    "dat",
    "die",
    "der",
    "said",
    "says",
    # a verb: "de Florence Parly, Photonis est une entreprise jugée ...": a new clause, no apposition
    "is",
    "was",
    "are",
    "est",
    "sont",
    "était",
    "ist",
    "sind",
    "and",
    "et",
    "en",
    "und",
    "to",
}


_NP_AND = {"and", "et", "en", "und"}
_NP_AND_NOT_AFTER = {"other", "others", "several", "many", "some", "autres", "andere", "anderen", "weitere"}


_ONE_OF = re.compile(r"^(?:one|two|three|both|each|een|twee|drie)\s+(?:of|van)\s+(?:the\s+|de\s+)?", re.IGNORECASE)


def _np_like(words: str) -> bool:
    """An appositive is a noun phrase: no clause words, verbs or figures inside."""
    words = _ONE_OF.sub("", words)  # "one of Russia's biggest oil producers"
    split = words.split()
    for i, w in enumerate(split):
        low = w.lower()
        # "a real estate and accommodation company": an "and" between two lower-case descriptors, not a list of firms
        if low in _NP_AND and 0 < i < len(split) - 1:
            before, after = split[i - 1], split[i + 1]
            if before.islower() and after.islower() and after not in _NP_AND_NOT_AFTER:
                continue
        if low in _NP_STOP or any(c.isdigit() for c in w) or (low.endswith("ed") and "-" not in low):
            return False
    return len(split) <= 5


# the name as the subject of a purchase: the buyer
_BUYS_AFTER = re.compile(
    r"\s+(?:(?:has|had|have|on\s+\w+day|last\s+\w+|also)\s+)?(?:bought|acquired|purchased|took\s+over|invested|"
    r"agreed\s+to\s+(?:buy|acquire|purchase|take\s+over)|(?:wants|plans|planned|sought|seeks|tried)\s+to\s+"
    r"(?:buy|acquire|purchase|take\s+over|build)|a\s+racheté|rachète|a\s+acquis|acquiert|a\s+pris\s+le\s+contrôle|"
    # "Couche-Tard renonce à racheter Carrefour", "X veut racheter", "X cherche à acquérir"
    r"(?:renonce|renoncé|cherche|cherchait|tente|tentait|souhaite|souhaitait|veut|voulait|projette|projetait)\s+"
    r"(?:à\s+|de\s+|d['’])?(?:racheter|acquérir|reprendre)|"
    r"kaufte|kauft|übernahm|übernimmt|erwarb|erwirbt|kocht|koopt|nam|neemt|"
    # the seller, and the holder of a stake: "Elmos wanted to sell", "Tencent, qui détient 40 %"
    r"sold|(?:wanted|wants|plans|planned|agreed|tried|sought)\s+to\s+sell|is\s+selling|a\s+vendu|vend|cède|"
    r"verkaufte|verkauft|verkocht|verkoopt)\b"
    r"|,?\s+(?:which|that|qui|die|dat|der)\s+(?:holds|owns|controls|détient|possède|contrôle|bezit|houdt|hält|besitzt)\s+"
    r"(?:(?:a|an|about|some|around|already|déjà|environ)\s+)?\d"
)
# the cue may end in a comma, or open a list with a colon or a dash: "four operators – Telia, Tele2 and Telenor –"
_TAIL_WORDS = re.compile(r"(?:([\w'’-]+)\s+)?([\w'’-]+|[A-Z](?:\.[A-Z])+\.-[a-z]+)\s*[,:–—]?\s*$")
_OWNED_ADJECTIVE = re.compile(
    r"(?:state|privately|government|publicly)-(?:owned|backed|controlled|held|run|listed)", re.IGNORECASE
)


_ROLE_IS_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:Bieter|Käufer|Erwerber|Interessent(?:en)?)\s+(?:handelt\s+es\s+sich\s+um|sollte|soll|war|ist|wäre|sei)|"
    r"[Tt]he\s+(?:(?:lead|main|largest|biggest|prospective|preferred)\s+)?(?:buyer|bidder|acquirer|investor|purchaser|"
    r"suitor)\s+(?:is|was|would\s+be)|[Ll]['’]acquéreur\s+(?:est|était|serait)|"
    r"[Dd]e\s+(?:koper|bieder)\s+(?:is|was|zou\s+zijn))\s+(?:(?:die|der|den|das|the|le|la|de|het)\s+|l['’])?$"
)
_HELD_FIRM_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:shareholder|actionnaire|aandeelhouder|Aktionär|Anteilseigner|Großaktionär)s?|"
    r"(?:branche|division|Sparte|tak)\s+[a-zà-ÿ]+)\s+(?:of|de|du|des|d['’]|van|von)\s*$"
)
_PAIR_AFTER = re.compile(r"\s+(?:and|et|en|und)\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}(?=\s*,)")
# "SFR et Bouygues Telecom, les deux opérateurs", "Gazprom Neft and Surgutneftegas, two of Russia's biggest"
_TWO_AFTER = re.compile(r"\s*,\s*(?:(?:the|les|de|die)\s+(?:two|deux|twee|beiden|zwei)|(?:two|both)(?:\s+of)?)\s")
_OWNED_BY_NAMED = re.compile(r"[A-Z][\w.]*(?:-[A-Z][\w.]*)*-(?:owned|backed|controlled)")
_SEATED_ADJECTIVE = re.compile(r"[A-Z][\w.]*(?:-[A-Z][\w.]*)*-(?:listed|based|headquartered|registered)")


_SUCH_AS = re.compile(
    r"\s+(?:such\s+as|like|including|als|zoals|waaronder|comme|tels?\s+que|notamment|wie|etwa|darunter)\s*$"
)


# an apposition that says the names before it are people
_PERSON_AFTER = re.compile(
    r"(?:\s+(?:and|et|en|und)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})?\s*,\s*(?:(?:a|an|the|two|three|both|un|une|deux|"
    r"een|twee|ein|eine|zwei|der|die|le|la|les|de|het)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:nationals?|citizens?|business(?:man|men|woman|women)|entrepreneurs?|(?:co-)?founders?|tycoons?|billionaires?|"
    r"executives?(?!\s+(?:search|jets?|orders?|branch))|"
    r"ressortissants?|(?:homme|femme)s?\s+d['’]affaires|fondat(?:eur|rice)s?|milliardaires?|staatsburgers?|zaken(?:man|vrouw)|"
    r"oprichters?|miljardairs?|Staatsbürger(?:in|n)?|Geschäfts(?:mann|männer|frau)|Gründer(?:in)?|Milliardär(?:in|e)?)\b"
    # "Huayang Heavy Industries, citing national security": an adjective, no person
    r"(?!\s+(?:security|interests?|defen[cs]e|sovereignty|grounds|concerns?|reasons?|risks?))"
    # "owned by Andrei Bokarev, who is listed ...": only people are "who"
    r"|\s*,\s*who\s"
)


_SAID_NATIONAL = re.compile(
    r",?\s+(?:is|was|est|ist|war|is\s+een)\s+(?:(?:a|an|un|une|een|ein|eine)\s+)?(?=[A-Za-zÀ-ÿ])"
)


def _cue_before(rules: _Rules, pre: str) -> int | None:
    """Where a cue noun right before a name starts ("grid operator 50Hertz", "state-owned X",
    "sa branche logistique, Cainiao"), as an offset into `pre`; a set lookup, not a regex scan."""
    such = _SUCH_AS.search(pre, max(0, len(pre) - 20))
    if such and such.group().strip() == "als" and not re.search(r"(?:en|s)$", pre[: such.start()]):
        return None  # "bedrijven als Huawei" lists firms; "das Wissen der Firma als Schlüssel-Know-how" does not
    if such:
        # "Chinese makers such as Huawei": the cue noun stands before the connective
        pre = pre[: such.start()] + " "
    m = _TAIL_WORDS.search(pre, max(0, len(pre) - 40))
    if m:
        two = f"{m.group(1)} {m.group(2)}".lower() if m.group(1) else ""
        if two in rules.cue_words:
            return m.start(1)
        last = re.sub(r"^[ld]['’]", "", m.group(2).lower())  # "L'acheteur Corvel"
        if (m.group(1) or "").lower() in ("to", "will", "would", "could"):
            return None  # "reluctant to fund Sizewell C": a verb, not the noun "fund"
        # "chipmaker SMIC", "tyremaker Pirelli", "carmaker Geely": English glues the cue on
        if (
            last in rules.cue_words
            # "the operators Telia and Tele2", "Chinese suppliers Huawei and ZTE": a plural cue opens a list
            # (a lower-case one: "des Unternehmens" is a German genitive)
            or (last.endswith("s") and last[:-1] in rules.cue_words and m.group(2)[:1].islower())
            or _OWNED_ADJECTIVE.fullmatch(m.group(2))
            or (last.endswith(("maker", "makers")) and not last.startswith(PEOPLE_MAKERS))
        ):
            return m.start(2)
        if _SEATED_ADJECTIVE.fullmatch(m.group(2)):
            return m.start(2)  # "owned by the Shanghai-listed Wingtech": only a firm is listed or seated
        if _OWNED_BY_NAMED.fullmatch(m.group(2)):
            return m.start(2)  # "ordered Chinese-owned Velmar to sell", "Alibaba-backed Lazada"
        if m.group(1) and _OWNED_ADJECTIVE.fullmatch(m.group(1)) and m.group(2).islower():
            return m.start(1)  # "the French state-controlled utility EDF": any noun after the adjective
        if m.group(2).lower() in ("owned", "backed", "controlled", "held") and (m.group(1) or "").lower() in (
            "state",
            "privately",
            "government",
            "publicly",
        ):
            return m.start(1)
    fr = rules.cue_before_fr.search(pre, max(0, len(pre) - 60))
    return fr.start() if fr else None


def _site_noun(rules: _Rules, m: re.Match | None) -> bool:
    """A facility noun that names a site on its own; "site" or "hub" alone may be a web site or a
    figure of speech, so they say nothing about the name before them."""
    if not m:
        return False
    term = m.group(1) or m.group(2)
    return term not in rules.facility_need_place and facility_kind(rules, term) is not None


# "a firm partly owned by Chinese nationals", "a fund backed by the United Arab Emirates", "détenue par
# des investisseurs chinois", "in handen van Chinese investeerders", "im Besitz chinesischer Investoren"
_BACKED_BY = re.compile(
    # "X, which the Treasury described as majority owned by": an authority's words for it count too
    r"\s*,?\s+(?:(?:which|that)\s+(?:is|(?:[\w'’-]+\s+){1,3}(?:described|identified|named)\s+as)\s+)?"
    r"(?:(?:partly|partially|wholly|majority|largely|ultimately|indirectly|jointly|"
    r"mainly)[- ])?(?:owned|controlled|backed|funded|financed|held)\s+by\s+(?:the\s+|a\s+|an\s+)?"
    r"|\s*,?\s+(?:(?:en\s+partie|majoritairement|entièrement|indirectement)\s+)?(?:détenue?s?|contrôlée?s?|financée?s?|"
    r"soutenue?s?)\s+par\s+(?:des\s+|de\s+|le\s+|la\s+|les\s+|l['’])?"
    r"|\s*,?\s+(?:(?:deels|grotendeels|volledig)\s+)?(?:in\s+handen|eigendom)\s+van\s+(?:het\s+|de\s+|een\s+)?"
    r"|\s*,?\s+(?:(?:teilweise|mehrheitlich)\s+)?im\s+Besitz\s+(?:von\s+|des\s+|der\s+|eines\s+|einer\s+)?"
    r"|\s*,?\s+(?:kontrolliert|finanziert|unterstützt)\s+(?:von|durch)\s+(?:de[mnr]\s+|eine[mnr]?\s+)?",
    re.IGNORECASE,
)
# every match of _BACKED_BY holds one of these in some case
_BACKED_BY_WORDS = (
    *("owned", "controlled", "backed", "funded", "financed", "held", "détenu", "contrôlé", "financé", "soutenu"),
    *("handen", "eigendom", "besitz", "kontrolliert", "finanziert", "unterstützt"),
)
# "Renova Group, the holding of Russian billionaire Viktor Vekselberg": whose firm it is
_OF_BACKER = re.compile(r"\s+(?:of|de|du|des|van|von|der)\s+(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+)?")
# owners that are people or a state, not a company whose nationality would be its own
_BACKER_NOUN = re.compile(
    r"\s+(?:nationals?|citizens?|investors?|individuals?|interests|entities|owners?|shareholders?|businessm[ae]n|"
    r"billionaires?|oligarchs?|state|government|military|ressortissants?|investisseurs?|actionnaires?|intérêts|"
    r"État|gouvernement|staatsburgers?|investeerders?|aandeelhouders?|staat|overheid|Staatsbürger\w*|Investoren|"
    r"Anteilseigner\w*|Staat\w*|Regierung)\b",
    re.IGNORECASE,
)


_NATIONALS_OF = re.compile(
    r"(?:nationals?|citizens?|residents?|ressortissants?|onderdanen|Staatsbürger\w*|Staatsangehörige\w*)\s+"
    r"(?:of|from|de|du|des|d['’]|van|aus)\s+(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+|der\s+)?"
)


def _backer_country(doc: _Doc, at: int) -> str | None:
    """The country of owners or backers named from `at` on: a country's name, or its adjective
    before a word for people or a state ("Chinese nationals", "the Russian state")."""
    hit = next(iter(doc.countries_in(at, at + 60)), None)
    if hit is None:
        return None
    if _NATIONALS_OF.fullmatch(doc.text, at, hit.start):
        return hit.key  # "nationals of the People's Republic of China"
    if not re.fullmatch(r"(?:[a-zà-ÿ][\w-]*\s+)?", doc.text[at : hit.start]):
        return None
    if hit.kind == "adjective":
        return hit.key if _BACKER_NOUN.match(doc.text, hit.end) else None
    if re.match(r"['’]s", doc.text[hit.end : hit.end + 2]):
        return None  # "backed by China's Geely": a parent company, not the country
    return hit.key


# an article before a nationality that stands for a firm: "le chinois", "l'américain", "het Chinese"
_ARTICLE_END = re.compile(r"(?:\b(?:le|du|au|het)\s+|\bl['’]\s*)$")
_SEATED_BEFORE = re.compile(
    r"(?<![\w-])(?:het|de|die|der|das|den|dem|des|een|eine[nmrs]?|the|a)\s+(?:in|te|im)\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:gevestigde|geregistreerde|beursgenoteerde|registrierte[nmrs]?|ansässige[nmrs]?|beheimatete[nmrs]?|"
    r"gelistete[nmrs]?|börsennotierte[nmrs]?)\s+(?:[\w-]+\s+){0,2}$"
)
# "the sale of engine maker Bergen Engines by Britain's Rolls-Royce": the seller owns what it sells.
# Read from the seller (the text before it) for its evidence, from the thing sold for the link.
_SALE_OF = r"(?<![\w-])(?:sale|vente|cession|verkoop|Verkauf)\s+(?:of|de|du|des|d['’]|van|von)\s+"
_BY_SELLER = (
    r"\s+(?:by|par|door|durch)\s+(?:(?:the|its\s+owner|sa\s+maison\s+mère|le|la|l['’]|het|de|den)\s*)?"
    r"(?:[A-Z][\w.-]*['’]s\s+|[a-zà-ÿ][\w-]*\s+){0,2}"
)
_SOLD_BY_BEFORE = re.compile(_SALE_OF + r"[^.;]{1,60}?" + _BY_SELLER + "$")
_SALE_OF_BEFORE = re.compile(
    _SALE_OF + r"(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+)?(?:[a-zà-ÿ][\w-]*\s+){0,3}$", re.IGNORECASE
)
_SOLD_BY = re.compile(_BY_SELLER)
# "turbines supplied by China's Qingshan Wind", "des caméras fabriquées par X": the maker of the goods
_MADE_BY_BEFORE = re.compile(
    rf"{_PRODUCT_NOUNS}\s+"
    r"(?:(?:supplied|made|manufactured|built|produced|provided|delivered)\s+by|(?:fournie?s?|fabriquée?s?|livrée?s?|"
    r"produite?s?)\s+par|(?:geleverd|gemaakt|gebouwd|geproduceerd)\s+door|(?:geliefert|hergestellt|gebaut)\s+von)\s+"
    r"(?:the\s+|la\s+|le\s+|l['’]|het\s+|de\s+|der\s+|dem\s+)?(?:[A-Z][\w-]*['’]s\s+)?$"
)

_SUBSIDIARY_WORD = (
    r"(?:[a-zà-ÿ]*dochter\w*|[A-Za-zäöü]*[Tt](?:ochter|öchter)\w*|[A-Za-zäöü-]*[Ss]parten?|filiales?|subsidiar(?:y|ies)|"
    r"units?|arms?|divisions?)"
)
# "les deux filiales françaises de Velan, Segault et Velan SAS", "its units in Europe, A and B" are
# listed after the parent the subsidiary word names. Read from a listed unit for its evidence, from
# the parent for the link.
_SUBSIDIARIES_OF = (
    rf"(?<![\w-])(?i:{_SUBSIDIARY_WORD})(?:\s+[a-zà-ÿ][\w-]*){{0,2}}\s+(?:of|de|du|des|van|von|der|d['’])\s*"
    r"(?:(?:the|la|le|het|die)\s+|l['’])?"
)
_CAP_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*"
_LISTED_AFTER = re.compile(rf"\s*[,:]\s*(?:{_CAP_NAME}(?:\s*,\s*|\s+(?:and|et|en|und)\s+))*")
_SUBSIDIARIES_OF_BEFORE = re.compile(_SUBSIDIARIES_OF + "$", re.IGNORECASE)
_LISTED_SUBSIDIARY_BEFORE = re.compile(_SUBSIDIARIES_OF + _CAP_NAME + _LISTED_AFTER.pattern + "$")


_POSSESSOR_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s\s+$")
_LISTED_ON_BEFORE = re.compile(
    r"(?<![\w-])(?:listed|traded|quoted|cotée?s?|notiert|gelistet|genoteerd)\s+(?:on|in|at|à|an|aan|op)\s+"
    r"(?:the\s+|la\s+|le\s+|der\s+|de\s+|het\s+)?$",
    re.IGNORECASE,
)
_MINISTER_AFTER = re.compile(r"\s+(?:ministre|minister|ministro|minister-president)(?![\w-])")
# the bidder before its bid: "X's $600 million bid for Y", "X's planned takeover of Y", "X's offer to buy Y"
_BID_AFTER = re.compile(
    r"['’]s?\s+(?:[\w$€£.,-]+\s+){0,4}?(?:bid|offer|takeover|acquisition|purchase|buyout)\s+(?:for|of|to\s+buy)\s"
)
# a relative clause saying what the firm makes or runs
_MAKES_AFTER = re.compile(
    r"\s*,\s*(?:which|that)\s+(?:makes|made|produces|manufactures|builds|designs|develops|supplies|operates|runs)\s"
    r"|\s*,\s*qui\s+(?:fabrique|produit|conçoit|développe|construit|exploite|fournit)\s"
    r"|\s*,\s*(?:dat|die)\s+(?:maakt|produceert|ontwikkelt|bouwt|levert|exploiteert|ontwerpt)\s"
)


def _repeated(text: str, name: str) -> bool:
    """The name stands twice in the text as whole words; counting the bare substring first is
    cheap and rules most names out."""
    return text.count(name) >= 2 and len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2


def _company_evidence(doc: _Doc, sent: Sentence, s: int, e: int) -> tuple[set[str], str | None]:
    """Why the capitalised run text[s:e] is a company, and the country its context gives."""
    key = (sent.start, sent.end, s, e)
    found = doc.evidence.get(key)
    if found is None:
        found = doc.evidence[key] = _evidence(doc, sent, s, e)
    return set(found[0]), found[1]  # a copy: callers add to their set


_CALLED_BEFORE = re.compile(
    r"(?:^|\s)(\S+(?:\s+\S+)?)\s+(?:called|named|dubbed|known\s+as|appelée?|nommée?|baptisée?|genaamd|genoemd|"
    r"namens|genannt|mit\s+dem\s+Namen)\s+$"
)
_NEXT_LOWER_WORD = re.compile(r"\s+([a-zà-ÿ][\w-]*)")
_FROM_PLACE_AFTER = re.compile(r",?\s+(?:aus|from|uit)\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+\s+(?:bei|near|nabij|bij)\s+)?")
_CO_INVESTORS_BEFORE = re.compile(
    r"(?:co-investors?|co-investisseurs?|mede-investeerders?|Mitinvestoren)\s+"
    r"(?:(?:[A-Z][\w&.'’-]*|and|et|en|und),?\s+){0,6}$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s\s")
_OF_ENDINGS = ("of", "de", "du", "von", "van", "d'", "d’")
_PREPOSITION_IN = re.compile(r"\s(?:to|near|from|with|at|on|for|of|in|into|towards)\s")
_OF_AFTER_WORDS = re.compile(r"(\S+(?:\s+\S+){0,2})(?:\s+(?P<of>of|de|du|von|van)\s+|\s+d['’])$")
_ACCORDING_TO_BEFORE = re.compile(r"(?:according\s+to|selon|volgens|laut)\s+$", re.IGNORECASE)
_MUST_SELL_AFTER = re.compile(
    r"\s+(?:must|has\s+to|have\s+to|was\s+ordered\s+to|were\s+ordered\s+to|is\s+required\s+to|will\s+have\s+to|doit|moet|muss)\s+"
    r"(?:sell|divest|give\s+up|pull\s+out|dispose|exit|céder|verkopen|verkaufen)"
)
# an article or a describing word before a listed name: "l'américain L3Harris", "der schwedische"
_LIST_ITEM_LEAD = r"(?:(?:l['’]|le\s+|la\s+|les\s+|the\s+|der\s+|die\s+|den\s+|de\s+|het\s+)?(?:[a-zà-ÿ][\w-]*\s+)?)"
_INITIALLED_PERSON = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?\s+[A-Z]\.?")
_ACRONYM_GLUED = re.compile(r"[A-Z0-9]{2,}-[a-zà-ÿ]{3,}")
# the bodies of civil society: campaigners, unions, trade bodies, think tanks
_NON_PROFIT_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:campaign|pressure|advocacy|lobby|lobbying|civil[- ]liberties|privacy|human[- ]rights|"
    r"environmental|industry|trade|business)\s+(?:group|organi[sz]ation|body|association|lobby)|think[- ]tank|NGO|"
    r"charity|non-profit|nonprofit|trade\s+union|union|watchdog\s+group|Denkfabrik|Lobbygruppe|Lobbyverband|"
    r"Bürgerrechtsorganisation|Menschenrechtsorganisation|Gewerkschaft|Branchenverband|Industrieverband|Verband|"
    r"groupe\s+de\s+pression|ONG|syndicat|association|organisation\s+patronale|fédération|denktank|"
    r"belangengroep|belangenorganisatie|vakbond|brancheorganisatie|ngo|lobbygroep|actiegroep)"
    r"(?:\s+(?:called|named|genannt|appelée?|genaamd))?\s+(?:the\s+|de\s+|het\s+|die\s+|der\s+|la\s+|le\s+|l['’])?$",
    re.IGNORECASE,
)
# a continent's or a region's adjective alone is no name ("American Tower" keeps its second word)
_REGION_ADJECTIVES = {
    *("Asian", "European", "African", "American", "Western", "Eastern", "Arab", "Nordic", "Scandinavian"),
    *("Baltic", "Pacific", "Atlantic", "Latin", "Asiatische", "Europäische", "Aziatische", "Europese"),
    *("Latin American", "South American", "North American", "Central American", "Middle Eastern"),
    *("Southeast Asian", "South-East Asian", "East Asian", "Central Asian", "West African", "East African"),
    # regions of the world that are no one country: "interest in the Arctic"
    *("Arctic", "Antarctic", "Antarctica", "Arktis", "Arctique", "Noordpool", "North Pole", "Balkans", "Baltics"),
    *("Mediterranean", "Caucasus", "Sahel", "Scandinavia", "Indo-Pacific", "Middle East", "Far East", "Gulf"),
}


def _people_of(doc: _Doc, name: str) -> bool:
    """A nation's people in the plural: "Filipinos", "Americans"."""
    return name.endswith("s") and " " not in name and name[:-1].lower() in doc.gaz.adjectives


_SPUN_OUT_OF_BEFORE = re.compile(
    r"(?<![\w-])(?:spun\s+(?:out|off)\s+(?:of|from)|carved\s+out\s+of|split\s+off\s+from|demerged\s+from|"
    r"ausgegliedert\s+aus|abgespalten\s+von|afgesplitst\s+van|scindée?\s+d[eu]|issue?\s+de\s+la\s+scission\s+d[eu])"
    r"\s+(?:the\s+|de\s+|het\s+|der\s+|dem\s+|la\s+|le\s+|l['’])?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_RIVAL_NOUN = re.compile(r"rival|competitor|concurrent|concurrente|Konkurrent|Wettbewerber", re.IGNORECASE)
_RIVALS_BEFORE = re.compile(
    # "beating a rival offer from Ohio-based Cleveland-Cliffs": the bidder that lost
    r"(?:(?:[Rr]ival|[Cc]ompeting|[Cc]ounter)[- ](?:offer|bid|bidder|proposal|approach)s?\s+(?:from|by)|"
    r"[Rr]ivals?|[Cc]ompetitors?|concurrents?|concurrenten|Konkurrenten|Wettbewerber|compet(?:es|ed|ing|e)\s+with|"
    r"concurrence\s+avec|concurreert\s+met|konkurriert\s+mit|"
    # "domestic players such as Tata Motors and Mahindra": the host country's own firms, named as examples
    # "Western suppliers such as Konecranes and Liebherr": the alternatives, named as examples
    r"(?:[Dd]omestic|[Ll]ocal|[Hh]ome-?grown|einheimische[n]?|heimische[n]?|binnenlandse|lokale|locaux|nationaux|"
    r"[Ww]estern|[Ee]uropean|[Aa]lternative|[Cc]ompeting|westliche[n]?|europäische[n]?|westerse|Europese|"
    r"occidentaux|européens|concurrents)\s+"
    r"(?:[a-z]+\s+)?(?:players|makers|manufacturers|producers|carmakers|automakers|brands|firms|companies|"
    r"suppliers|vendors|providers|Lieferanten|leveranciers|fournisseurs|"
    r"Hersteller|Anbieter|spelers|fabrikanten|acteurs|constructeurs|fabricants)(?=\s+(?:such\s+as|like|wie|zoals|comme|tels))"
    r")"
    # "Rival turbine makers Siemens Gamesa and Vestas": what the rivals make may come between
    # "competes with much larger players such as US groups Microchip and Silicon Labs"
    r"(?:\s+(?:[a-z]+\s+){1,2}(?:makers|manufacturers|suppliers|operators|producers|companies|firms|groups|platforms|"
    r"players|brands|vendors|retailers|carriers))?"
    r"(?:\s+(?:(?:[A-Z]{2,3}|[A-Z][a-z]+)\s+(?=(?:companies|firms|groups)\b))?"
    r"(?:companies|firms|groups|such\s+as|like|including|als|comme|wie|zoals|notamment|waaronder|darunter)){0,3}\s+"
    # "le concurrent suédois Ericsson", "ses concurrents l'américain L3Harris et l'israélien Elbit Systems",
    # "competes with companies such as Smiths Detection and Rapiscan"
    + _LIST_ITEM_LEAD
    + r"(?:(?:[A-Z][\w&.-]*\s+){1,3},?\s*(?:and\s+|et\s+|en\s+|und\s+|or\s+|ou\s+|oder\s+)?"
    + _LIST_ITEM_LEAD
    + r"){0,3}(?:[A-Z][\w&.-]*\s+){0,3}$"
)
_AGENT_BEFORE = re.compile(
    r"(?<![\w-])(?:by|durch|par|door)\s+(?:(?:the|its|den|dem|seinen|le|la|l['’]|son|de|het|zijn)\s*)?"
    r"(?:[a-zà-ÿ][\w-]*\s+)?$"
)
_BASED_IN_BEFORE = re.compile(
    r"([A-Z][\w'’]+(?:[\s-][A-Z][\w'’]+)?)-(?:based|listed|headquartered|registered)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_STAKE_OF_BEFORE = re.compile(
    r"\d\s*(?:%|percent|per\s+cent|pour\s+cent|procent|Prozent)\s+(?:stake\s+)?(?:(?:of|in|de|van|an)\s+|d['’])(?:the\s+)?$"
)
_MEASURE_VERB_BEFORE = re.compile(
    r"(?<![\w-])(?:ordered|orders|forced|told|required|requires|instructed|compelled|barred|banned|prohibited|blocked|"
    r"sommé|ordonné\s+à|obligé|bevolen|gedwongen|verboden|angewiesen|gezwungen|untersagt)\s+(?:the\s+)?$"
)
_TO_AFTER = re.compile(r"\s+(?:to|de|d['’]|om|zu)\s")
_LISTED_VERB_BEFORE = re.compile(
    r"(?<![\w-])(?:designated|designates|blacklisted|sanctioned|placed|put|added)\s+(?:the\s+)?$"
)
_LISTED_AS_AFTER = re.compile(r"(?:\s+(?:and|,)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?\s+(?:as|on|to)\s")
_WORD_CHAR = re.compile(r"[\w]")
_MODEL_NUMBER_IN = re.compile(r"(?<![\w-])[A-Za-z]+\d+\b")
_CLAUSE_PUNCT = re.compile(r"[,.;]")


_LOWER_WORDS_BEFORE = re.compile(r"((?:[a-zà-ÿ][\w'’-]*\s+){1,3})$")


def _site_words_before(rules: _Rules, pre: str) -> bool:
    """One of the (up to three) lower-case words just before a name is a word for a site
    ("le terminal à conteneurs QTX")."""
    words = _LOWER_WORDS_BEFORE.search(pre)
    return bool(words) and any(facility_kind(rules, w) for w in words.group(1).split())


# "100 miles northwest of", "outside", "from": more ways than "in" to say where a town lies
_AWAY_FROM_BEFORE = re.compile(
    r"(?<![\w-])(?:outside|from|(?:north|south|east|west|\w+west|\w+east|miles|kilometres|km|outskirts)\s+of)\s+$",
    re.IGNORECASE,
)
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Z&.]{1,8}\)")


_APPOSITION_ARTICLE = re.compile(r"\s*,\s*(?:le|la|les|l['’]|the|de|het|der|die|das)\s*")


def _country_in_apposition(doc: _Doc, sent: Sentence, cue_start: int) -> Hit | None:
    """ "Un investisseur chinois, le groupe Hongyang": the nationality of the phrase the cue restates."""
    hits = doc.countries_in(max(sent.start, cue_start - 40), cue_start)
    return hits[-1] if hits and _APPOSITION_ARTICLE.fullmatch(doc.text, hits[-1].end, cue_start) else None


def _evidence(doc: _Doc, sent: Sentence, s: int, e: int) -> tuple[set[str], str | None]:
    text, rules = doc.text, doc.rules
    why: set[str] = set()
    country = None
    name = text[s:e]
    pre = text[max(sent.start, s - 60) : s]
    # "Transmashholding (TMH), Russia's largest manufacturer": what follows the acronym is said of the name
    acronym = _ACRONYM_AFTER.match(text, e, sent.end)
    if acronym:
        e = acronym.end()
    post = text[e : min(sent.end + 1, e + 140)]
    cue_at = _cue_before(rules, pre)
    if cue_at is not None:
        why.add("cue")
        cue_start = s - len(pre) + cue_at
        hit = doc.country_before(cue_start, sent.start, words=3) or _country_in_apposition(doc, sent, cue_start)
        inside = doc.countries_in(cue_start, s)  # "le groupe américain Teledyne"
        # the nationality between the cue and the name is the company's own: "le rachat du canadien
        # Velan par le groupe américain Flowserve" makes Flowserve American, not Canadian
        if inside:
            country = inside[-1].key
        elif hit:
            country = hit.key
    pair = _PAIR_AFTER.match(post)
    single = rules.appositive.match(post)
    verb = _GERMAN_VERB_END.match(post) if single is None and doc.language == "de" else None
    if verb and (single := rules.appositive.match(post[verb.end() :])):
        # "an Silex Microsystems gehen, ein Unternehmen mit Sitz in Schweden": German puts the verb
        # between the name and what describes it
        post = post[verb.end() :]
        e += verb.end()
    if single and single.end() > single.end(2) and not _TWO_AFTER.match(post):
        single = None  # "Small, rural telecom providers were installing": a plural describes no one firm
    apposition = (
        single
        or rules.described_as.match(post)
        # "SFR et Bouygues Telecom, les deux opérateurs français": the apposition after the pair
        or (pair and _TWO_AFTER.match(post, pair.end()) and rules.appositive.match(post[pair.end() :]))
    )
    if apposition and (
        not _np_like(apposition.group(1))
        # "100 miles northwest of Phoenix, the company grows alfalfa": a town, and a new clause
        or (doc.gaz.city(name) and (_LOCATIVE_BEFORE.search(pre) or _AWAY_FROM_BEFORE.search(pre)))
    ):
        apposition = None
    if (
        apposition
        and post[: apposition.start(2)].strip() == ","
        and re.match(r"(?:s|en)?\s*(?:,|\s(?:und|and|et|en|oder|or|ou|sowie)\s)", post[apposition.end(2) :])
    ):
        apposition = None  # "von Bürgern, Unternehmen und Staat": a bare noun in a list, no apposition
    if apposition and _RIVAL_NOUN.fullmatch(apposition.group(2)):
        # "Ericsson, Huawei's main competitor": a rival described, in passing like "rivals such as X"
        why.add("passing")
    elif apposition:
        why.add("appositive")
        # "X GmbH, eine Tochter des russischen Konzerns Y": the nationality is the parent's
        if not _UNIT_OF_WORDS.search(apposition.group(1)):
            country = country or _country_in(doc, apposition.group(1) + " ")
        owned = re.search(r"([A-Z][\w-]*)-(?:owned|controlled)\b", apposition.group(1))
        if owned and not country:
            country = doc.gaz.adjectives.get(owned.group(1).lower())  # "X, a Russian-owned real estate company"
        for hit in doc.place_hits_in(e + apposition.start(1), e + apposition.end(1)):
            # "the Shenzhen-based drone maker", "a Singapore-registered entity": the seat is the country
            if re.match(r"-(?:based|registered|headquartered|incorporated)\b", doc.text[hit.end : hit.end + 14]):
                country = doc.place_country(hit)
        # "MineOne Partners Ltd., a company registered in the British Virgin Islands"
        seat = re.match(
            rf"\s+{SEATED_IN}(?:the\s+|de\s+|den\s+)?",
            post[apposition.end() :],
        )
        if seat:
            at = e + apposition.end() + seat.end()
            starts = [h for h in doc.place_hits_in(at, at + 40) if h.start == at]
            place = max(starts, key=lambda h: h.end, default=None)  # "British Virgin Islands", not "British"
            if place:
                country = country or (doc.gaz.cities[place.key][0] if place.kind == "city" else place.key)
        backed = _BACKED_BY.match(post, apposition.end()) or _OF_BACKER.match(post, apposition.end())
        if backed:
            country = country or _backer_country(doc, e + backed.end())
        region = re.search(r"([A-Z][\w'’]+(?:[\s-][A-Z][\w'’]+)?)-based\b", apposition.group(1))
        if region and doc.gaz.region_code(region.group(1)):
            country = country or doc.gaz.region_code(region.group(1))  # "a Shandong-based conglomerate"
    if _PARENT_OF_BEFORE.search(pre) or _HELD_FIRM_BEFORE.search(pre):
        # "a Dutch subsidiary of China's Wingtech", "dochterbedrijf van het Chinese Wingtech", "la branche
        # énergie d'Alstom", "premier actionnaire d'Alstom": a firm has units and shareholders
        why.add("owner")
    # "the sale of Rolls-Royce's Bergen Engines": the seller's name may stand between
    owner_s = _POSSESSOR_BEFORE.search(pre)
    if (
        rules.deal_before.search(pre)
        or _STAKE_OF_BEFORE.search(pre)
        or (owner_s and rules.deal_before.search(pre[: owner_s.start()]))
    ) and not _MODIFIES_CUED_NAME.match(text, e):
        why.add("deal")
    if _MAKES_AFTER.match(post):
        why.add("appositive")  # "Bergen Engines, which makes engines for ships": what a firm does
    if _BID_AFTER.match(post):
        why.add("deal")  # "China Mengniu Dairy's $600 million bid for Lion": the bidder
    nationality = doc.country_before(s, sent.start)
    if nationality and nationality.kind == "adjective" and text[nationality.end : s].isspace():
        before = text[max(sent.start, nationality.start - 60) : nationality.start]
        if rules.deal_before.search(before):
            why.add("deal")  # "le rachat du canadien Velan", "the takeover of German Kelmar"
        # "le chinois Wanfeng", "l'américain Teledyne", "het Chinese Wingtech": a firm by its nationality
        if doc.language in ("fr", "nl") and _ARTICLE_END.search(before[-6:]):
            why.add("cue")
    if rules.owner_of_unit.match(post):
        why.add("owner")  # "Anhui Kelan's Dutch unit Kelan Europe": the owner of a named subsidiary
    called = _CALLED_BEFORE.search(pre)
    if called and (rules.company_cue.search(called.group(1)) or _COMPOUND_CUE.search(called.group(1).split()[-1])):
        why.add("cue")  # "a vehicle called Hampstead Bidco", "een bedrijf genaamd X"
    seated = _SEATED_BEFORE.search(pre)
    if seated:
        # "het in Hongkong gevestigde Jiuzi Holdings", "die in Luxemburg registrierte Gesellschaft X"
        why.add("cue")
        at = s - len(pre) + seated.start("place")
        place = next(iter(doc.place_hits_in(at, at + 40)), None)
        if place and place.start == at:
            country = country or (place.key if place.kind != "city" else doc.gaz.cities[place.key][0])
    if _SOLD_BY_BEFORE.search(pre):
        why.add("deal")  # "the sale of engine maker X by Britain's Y": the seller is a party
    if _MADE_BY_BEFORE.search(pre):
        why.add("product")  # "turbines supplied by China's Qingshan Wind": the maker of the goods at issue
    if _LISTED_SUBSIDIARY_BEFORE.search(pre):
        why.add("list")  # "les deux filiales françaises de Velan, Segault et Velan SAS"
    if doc.may_hold(_OWNED_BY_PARENT_WORDS) and _OWNED_BY_PARENT.match(post) and not _site_words_before(rules, pre):
        # "Newport Wafer Fab, owned by Nexperia": a firm with an owner; "le terminal QTX appartient à
        # Harbourline": a site with one
        why.add("owner")
    backed = _BACKED_BY.match(post) if doc.may_hold((), _BACKED_BY_WORDS) else None
    if backed:
        country = country or _backer_country(doc, e + backed.end())  # "X, owned by Chinese investors"
    if _BUYS_AFTER.match(post):
        why.add("deal")  # "Fufeng Group bought 300 acres", "Yantai Taihai übernahm"
    compound = compound_cue_before(pre)
    if compound:
        why.add("cue")  # "chipbedrijf Nowi", "des Maschinenbauers Leifeld"
        # "des chinesischen Konzerns Sanan": the nationality before the compound noun
        hit = doc.country_before(s - len(pre) + compound.start(), sent.start)
        if hit and hit.kind == "adjective":
            country = country or hit.key
        # "des Augsburger Roboter- und Anlagenbauers Kuka": a German town's adjective before the noun
        town = re.search(r"([A-ZÄÖÜ][a-zäöüß]+er)\s+(?:[\w-]+\s+(?:und|&)\s+)?$", pre[: compound.start()])
        place = _german_town_adjective(doc, town.group(1)) if town and doc.language == "de" else None
        if place:
            country = country or place[0]
    # "the Welsh factory", "het Nijmeegse chipbedrijf": a modifier of the noun that follows
    nxt = _NEXT_LOWER_WORD.match(post)
    if nxt and (
        rules.company_cue.fullmatch(nxt.group(1))
        or _site_noun(rules, rules.facility_term_re.match(nxt.group(1)))
        or _COMPOUND_CUE.fullmatch(nxt.group(1))
    ):
        why.add("modifier")
    adj = doc.country_before(s, sent.start)
    if adj and adj.kind == "adjective" and not re.match(r"['’]s", text[adj.end : s]):
        country = country or adj.key  # "die chinesische Yantai Taihai", "l'américain Teledyne"
    if country is None and why:
        # "De Mexicaanse bouwer Cemvo": a nationality and a noun the cue list lacks
        adj = doc.country_before(s, sent.start, words=1)
        if adj and adj.kind == "adjective" and re.fullmatch(r"\s+[a-zà-ÿ][\w-]+\s+", text[adj.end : s]):
            country = adj.key
    said = _SAID_NATIONAL.match(post) if country is None else None
    if said:
        # "L'acheteur Corvel est américain", "Cemvo is a Mexican firm"
        hit = next(iter(doc.countries_in(e + said.end(), e + said.end() + 20)), None)
        if hit is not None and hit.kind == "adjective" and hit.start == e + said.end():
            country = hit.key
    based = re.match(
        # "FTDI Holding is registered in the British Virgin Islands": said of it, not only in apposition
        rf",?\s+(?:(?:which|that|qui|die|dat)\s+)?(?:(?:is|was|est|ist|is\s+now)\s+)?{SEATED_IN}(?:the\s+|de\s+|den\s+)?",
        post,
    )
    if based:
        place = next(iter(doc.place_hits_in(e + based.end(), e + based.end() + 40)), None)
        if place and place.start == e + based.end():
            country = country or (place.key if place.kind != "city" else doc.gaz.cities[place.key][0])
            if re.search(r"headquartered|registered|incorporated|immatricul|geregistreerd|registriert", based.group(0)):
                why.add("appositive")  # "Velmora, which is headquartered in Shenzhen": a firm's seat
    # "ERS Electronic aus Germering bei München": the first known place of the phrase
    origin = _FROM_PLACE_AFTER.match(post)
    if origin:
        place = next(iter(doc.place_hits_in(e + origin.end(), e + origin.end() + 30)), None)
        if place and place.start == e + origin.end():
            country = country or (place.key if place.kind != "city" else doc.gaz.cities[place.key][0])
    # "des Dortmunder Halbleiterherstellers Elmos", "het Nijmeegse chipbedrijf X": a town's adjective
    town_adj = _TOWN_ADJECTIVE_BEFORE.search(pre)
    if town_adj and doc.gaz.city(town_adj.group(1)) and (cue_at is not None or compound_cue_before(pre)):
        country = country or doc.gaz.city(town_adj.group(1))[0]
    # a capitalised first word ("Surveillance cameras ...") is not yet a name
    opener = not _WORD_CHAR.search(text[sent.start : s]) and " " not in name
    # "Galaxy S24 phones": a model number makes the name a product's, not its maker's
    if (
        _PRODUCT_AFTER.match(post)
        and not opener
        and not _MODEL_NUMBER_IN.search(name)
        and not _MODIFIES_CUED_NAME.match(text, e)  # "Wrexley chip design firm Pellamy": the firm's town
    ):
        why.add("product")
    # "ordered Hytera Communications to wind up": the company a measure is aimed at
    if _MEASURE_VERB_BEFORE.search(pre) and _TO_AFTER.match(post):
        why.add("measure")
    # "it has designated Huawei and ZTE as national security threats", "placed X on the entity list"
    if _LISTED_VERB_BEFORE.search(pre) and _LISTED_AS_AFTER.match(post):
        why.add("measure")
    # "co-investors Silver Lake and Temasek" ride along in a consortium; they are not its subject
    if _CO_INVESTORS_BEFORE.search(pre):
        why.add("passing")
    # the owner of a site: "X's logistics hub", "la plateforme logistique d'X"
    if _POSSESSIVE_AFTER.match(post):
        fm = rules.facility_term_re.search(post, 0, 45)
        # "X's proximity to military installations": a site after a preposition is not X's
        if (
            _site_noun(rules, fm)
            and not _CLAUSE_PUNCT.search(post[: fm.start()])
            and not _PREPOSITION_IN.search(post, 0, fm.start())
        ):
            why.add("site")
    # a match ends the text in "of", "de", "d'"...: tried from every start it is slow, so look first
    om = _OF_AFTER_WORDS.search(pre) if pre.rstrip().endswith(_OF_ENDINGS) else None
    if om:
        fm = rules.facility_term_re.search(om.group(1))
        # "l'usine de Brumath" names a town; a company is named again elsewhere in the story.
        # German and Dutch put a town after "in": "die Chipfertigung von Elmos" is Elmos's
        if (
            fm
            and (_site_noun(rules, fm) or om.group("of") in ("von", "van"))
            and facility_kind(rules, fm.group(1) or fm.group(2)) is not None
            and fm.end() == len(om.group(1))
            and (om.group("of") in ("von", "van") or _repeated(text, name))
            # "l'usine de Lisieux" twice is still the town's plant
            and not (" " not in name and _story_town(doc, name))
        ):
            why.add("site")
    if _ROLE_IS_BEFORE.search(pre):
        why.add("cue")  # "Bei dem Bieter handelt es sich um die Yantai Taihai Gruppe", "Käufer sollte die X sein"
    if _ACCORDING_TO_BEFORE.search(pre):
        why.add("passing")
    if _MUST_SELL_AFTER.match(post):
        why.add("divest")
    if (doc.may_hold((), _SOLD_TO_WORDS) and _SOLD_TO_BEFORE.search(pre)) or (
        doc.may_hold((), _DEAL_BY_WORDS) and _DEAL_BY_BEFORE.search(pre)
    ):
        # "agreed to sell its engine unit to TMH Group", "the £600m bid by RedBird IMI": the buyer
        why.add("deal")
    toks = _tokens(name)
    if (
        len(toks) >= 2
        and toks[-1].strip("()")
        and (
            toks[-1] in rules.suffixes
            or (toks[-1].startswith("(") and len(toks) >= 3 and toks[-2] in rules.suffixes)
            # "Indian Ocean International Shipping and Service": the corporate word before the last pair
            or (len(toks) >= 4 and toks[-2] in ("and", "&") and toks[-3] in rules.suffixes)
        )
    ) and not _is_title_case_line(sent):
        why.add("suffix")
    if not why and _national_brand(doc, name):
        why.add("suffix")  # "Spark New Zealand", later "Spark": a brand's national company
    colon = text.rfind(":", sent.start, s)
    if colon != -1 and re.search(
        r"\b(?:companies|firms|groups|investors|entreprises|sociétés|bedrijven|Unternehmen|Firmen)\b",
        text[sent.start : colon],
        re.IGNORECASE,
    ):
        why.add("list")
        based = re.search(r"based\s+in\s+((?:[A-Z][\w]+\s*){1,3})", text[sent.start : colon])
        if based:
            country = country or _place_code(doc, based.group(1))
    if _SPUN_OUT_OF_BEFORE.search(pre):
        # "Nexperia was spun out of the Dutch chip group NXP in 2017": a former owner, recalled in passing
        why -= {"cue"}
        why.add("passing")
    # "rivals such as X" is a competitor in passing; "operators such as X" are bound by the measure
    rival = _RIVALS_BEFORE.search(pre)
    # "the takeover of US Steel by its Japanese rival Nippon Steel": the rival is the buyer
    if rival and not _AGENT_BEFORE.search(pre, 0, rival.start()):
        why -= {"cue", "list"}  # "Rival turbine makers X and Y": the cue word names the rivals
        why.add("passing")
    hit = doc.country_before(s, sent.start)
    if hit and re.match(r"['’]s|-based", text[hit.end : s]):
        country = country or hit.key
    # "West Hollywood, California-based Grindr", "a Shandong-based conglomerate X"
    based_in = _BASED_IN_BEFORE.search(pre)
    if based_in:
        where = based_in.group(1)
        city = doc.gaz.city(where)
        seat = doc.gaz.region_code(where) or (city[0] if city else None)
        # "a bid by Chinese state-owned X for the assets of debt-laden, Melbourne-based OZ Minerals":
        # the seat right before the name beats a nationality further back (not one the name's own
        # apposition gives, nor a listing: "London-listed X, a Chinese state-owned company")
        headquartered = re.search(r"-(?:based|headquartered)\s", based_in.group(0))
        described = apposition and re.match(
            r"\s*,\s*(?:a|an|the|its|une?|la|le|les|l['’]|een|de|het|eine?|der|die|das)\s", post, re.IGNORECASE
        )
        country = seat if seat and headquartered and not described else country or seat
    return why, country


# a body's first word before a country: "Transport Canada", "Business Finland", "Visit Britain"
_BODY_BRAND = {
    "transport", "health", "statistics", "business", "invest", "visit", "team", "global", "public", "export",
    "innovation", "justice", "defence", "defense", "environment", "agriculture", "heritage", "tourism", "sport",
    "trade", "finance", "parks", "immigration", "employment", "industry", "enterprise", "energy", "made",
    # "the House China committee": a chamber and its subject
    "house", "senate", "congress", "parliament", "government", "police", "army", "navy", "embassy",
}  # fmt: skip


def _national_brand(doc: _Doc, name: str) -> bool:
    """A one-word brand and a country, the brand also named alone: "Spark New Zealand" / "Spark",
    "Telekom Austria" / "Telekom"."""
    brand, _, place = name.partition(" ")
    if not place or not brand[:1].isupper() or brand.lower() in _BODY_BRAND or brand in doc.rules.stopwords:
        return False
    if doc.gaz.country_code(place) is None or _place_code(doc, brand) or doc.gaz.city(brand):
        return False
    alone = re.compile(rf"(?<![\w-]){re.escape(brand)}(?:['’]s)?(?![\w-])(?!\s+{re.escape(place)})")
    return alone.search(doc.text) is not None


_BRACKETED_SHORT_END = re.compile(r"\s+\(([A-Z][A-Z&.-]+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){1,2})\)$")
_REGION_IN_BRACKETS = r"\s*\([A-Z][a-zà-ÿ'’-]+(?:[ -][A-Z][a-zà-ÿ'’-]+)?\)"
_TOWN_BEFORE_BRACKET = re.compile(rf"(?<![\w-])(?i:{LOCATIVE_WORD})\s+[A-Z][\w'’-]+\s*\($")


def _town_with_region(text: str, s: int, e: int) -> bool:
    """ "à Lisieux (Calvados)", "in Lisieux (Normandy)": a one-word town after a locative word with
    its region in brackets, anywhere in the story ("l'usine de Lisieux" is then the town's plant),
    and that region; no firms."""
    if text[s - 1 : s] == "(":
        return text[e : e + 1] == ")" and bool(_TOWN_BEFORE_BRACKET.search(text, max(0, s - 40), s))
    name = text[s:e]
    if " " in name or f"{name} (" not in text:
        return False
    pattern = rf"(?<![\w-])(?i:{LOCATIVE_WORD})\s+{re.escape(name)}{_REGION_IN_BRACKETS}"
    return re.search(pattern, text) is not None


_VON_JOINT = re.compile(r"\s(?:von|van|of)\s")
_LETTER_GLUED = re.compile(r"[A-Z]-[a-z]+")
_SHARE_FIGURE = re.compile(r"\d+(?:[.,]\d+)?(?:pc|pct|per\s*cent)")
_LAST_WORD = re.compile(r"[-\s](\w+)$")
_NAME_OWNED = re.compile(rf"({_CAPW}(?:[^\S\n]+{_CAPW})*)-(?:owned|backed|controlled)\b")  # within a line
# every match of _NAME_OWNED holds one of these (a text with none is not scanned)
_NAME_OWNED_WORDS = ("-owned", "-backed", "-controlled")


def _companies(doc: _Doc) -> list[_Company]:
    text, rules, gaz = doc.text, doc.rules, doc.gaz
    by_index: dict[int, _Company] = {}
    pattern: list[_Company] = []
    paired: list[tuple[int, str]] = []  # (where the partner starts, name) of names joined to another by "and"
    found_at: set[int] = set()  # where the names found by their own evidence start
    taken = SpanSet(doc.outlet_spans)
    if ":" in text:
        for m in _TICKER.finditer(text):
            taken.add(m.start(), m.end())
    if doc.may_hold((" Act", " Law", " Bill", " Ordinance", " Decree", " Directive", " Regulation")):
        for m in _LAW_TITLE.finditer(text):
            taken.add(m.start(), m.end())
    known_at: dict[int, int] = {}  # start -> end of each known company's name in the text
    # known names a cue word introduces ("Chinese makers such as Huawei"), with the cue's country
    known_cued: dict[int, str | None] = {}
    for hit in doc.entity_hits:
        if hit.kind != "company" or not doc.in_content(hit.start) or _overlaps(hit.start, hit.end, doc.outlet_spans):
            continue
        row = gaz.companies[hit.key]
        if hit.form.islower() and not row["name"].islower():
            continue  # "l-usine-huawei-sous-surveillance": a web address's slug, not the name
        s, e = _extend_name(doc, hit.start, hit.end, row.get("country"))
        # the registered form of a Turkish firm's name runs on: "Baykar Makina Sanayi ve Ticaret A.Ş."
        formal = _TURKISH_FORMAL.match(text, e)
        e = formal.end() if formal else e
        co = by_index.setdefault(
            hit.key,
            _Company(
                name=row["name"],
                gaz_index=hit.key,
                country=row.get("country") or None,
                sector=row.get("sector") or "",
                state_owned=row.get("state_owned"),
            ),
        )
        co.forms.add(text[s:e])
        co.why.add("gazetteer")
        known_at[s] = e
        sent = doc.sentence_at(s)
        if sent:
            # a known name still needs a part in this story: a stake, a cue word, a list
            why, cue_country = _company_evidence(doc, sent, s, e)
            co.why |= why - {"suffix", "modifier"}
            if why & {"cue", "list"}:
                known_cued[s] = cue_country
            if _PRODUCT_AFTER.match(text, e):
                co.why.add("product")  # "Hikvision cameras were found ...": a known maker opening a sentence
        taken.add(s, e)
    for hit in doc.entity_hits:
        if hit.kind in ("agency", "outlet"):
            taken.add(hit.start, hit.end)
    for sent in doc.content:
        # "Committee on Foreign Investment" holds no company called "Foreign Investment"
        for bs, be in _body_names(doc, sent):
            taken.add(bs, be)
    for sent in doc.content:
        prev_end, prev_company, prev_known, prev_cued = -1, False, False, False
        list_country: str | None = None
        for s, e, _pos in _cap_phrases(text, sent.start, sent.end, rules.stopwords, doc.phrase_runs):
            s0, s = s, _drop_leading_adjective(doc, s, e)
            # "Clayton, Dubilier & Rice (CD&R)": the bracketed short form is not part of the name
            # so is a trading name: "Jianguang Asset Management (JAC Capital)"
            short = _BRACKETED_SHORT_END.search(text[s:e])
            if short and (_place_code(doc, short.group(1)) or doc.gaz.region_code(short.group(1))):
                short = None  # "Zangge Mining Investment (Chengdu)" keeps its seat
            # "Transmashholding (TMH)": one word before an acronym is a name too
            if short and (" " in text[s : e - len(short.group(0))] or short.group(1).isupper()):
                e -= len(short.group(0))
            # "die Dortmunder Chipfertigung von Elmos": a site noun before "von" is no part of the name
            joint = _VON_JOINT.search(text[s:e])
            if (
                joint
                and (
                    facility_kind(rules, text[s : s + joint.start()].split()[-1])
                    # "die Verträge von Huawei Deutschland": a German noun before "von" is no part either
                    or (
                        " " not in text[s : s + joint.start()]
                        and _german_common_noun(doc, sent.start, s, s + joint.start())
                    )
                )
            ):
                s = s + joint.end()
            # "stc Group", "e& Group": a brand written in lower case before the group word is the name's
            brand = _LOWER_BRAND_BEFORE.search(text, max(sent.start, s - 8), s)
            if brand and _GROUP_WORD.fullmatch(text, s, e) and brand.group(1).lower() not in _NOT_BRANDS:
                s = brand.start(1)
            name = text[s:e]
            if name in rules.stopwords or name in _REGION_ADJECTIVES:
                continue  # "het Amerikaanse Congres" once the adjective is dropped; "Asian chip supplies"
            # "the operators Deutsche Telekom, Vodafone and Telefónica": the cue covers the whole list
            listed = prev_company and re.fullmatch(
                r"\s*(?:,|,?\s+(?:and|und|et|en|y|e|or|oder|ou|of))\s*", text[prev_end:s]
            )
            # "Rosneft Deutschland und RN Refining & Marketing": a corporate-looking name (an acronym,
            # an ampersand, a figure; not a person's) listed with a known company is one too
            listed = listed or (
                prev_known
                and _AND_GAP.fullmatch(text, prev_end, s)
                and re.search(r"(?:^|\s)(?:[A-Z]{2,}|&|\d)", text[s:e])
            )
            # "makers such as Huawei, Growatt and Sungrow": the cue before the first covers the list
            listed = listed or (prev_cued and _OR_GAP.fullmatch(text, prev_end, s))
            if not listed:
                list_country = None
            if s in known_cued:
                list_country = known_cued[s]
            prev_known = known_at.get(s) == e
            prev_cued = s in known_cued
            # "Hi3G Access, Telia Sverige and Teracom": a known name inside a list carries it on
            prev_end, prev_company = e, bool(listed and prev_known)
            # exploité par "LUKOIL Neftochim Bourgas": a known name run on inside quotes is a unit's full name
            quoted = s in known_at and _QUOTED.fullmatch(text, max(0, s - 1), min(len(text), e + 1)) is not None
            # "Nuctech Netherlands", called a subsidiary, is more than the known "Nuctech" inside it
            extends_known = (
                s in known_at
                and known_at[s] < e
                and (
                    _unit_of(doc, name, text[s : known_at[s]])
                    # "China Merchants Port Holdings": more words and a legal form make another firm
                    or _named_arm(doc, text[known_at[s] : e])
                    or quoted
                )
            )
            if (
                (_overlaps(s, e, taken) and not extends_known)
                or _town_with_region(text, s, e)
                or (_place_code(doc, name) and not _far_town(doc, name))
                or doc.gaz.region_code(name)  # "in Wales", "in Shandong"
                # "APA's Western Australian pipelines": a region's adjective
                or (name.endswith("n") and doc.gaz.region_code(name[:-1]))
                # "Software und Hardware der Unternehmen Huawei": a corporate word alone names no firm
                or name in rules.suffixes
                # "À Zeebrugge, le groupe ...": a port district or small town of the story, said as a place
                or (
                    " " not in name
                    and _LOCATIVE_BEFORE.search(text[max(0, s - 8) : s].lower())
                    and _story_town(doc, name)
                )
                # "der Verkauf der Chipfertigung": a site, not a firm
                or ((site := rules.facility_term_re.fullmatch(name)) and facility_kind(rules, site.group(2) or name))
                # "de Antwerp Gateway-terminal", "der Dortmunder Chipfabrik": a name ending in a site noun
                or (
                    (glued := _LAST_WORD.search(name))
                    and facility_kind(rules, glued.group(1))
                    and not LEGAL_FORM_END.search(name)
                )
                or name.split()[-1] in _NOT_COMPANY_ENDINGS
                or _site_of_place(rules, name)
                or _site_acronym(doc, name)
                or _PLACE_COMPOUND.fullmatch(name)
                or name.endswith("-")  # "die Augsburger Roboter- und Anlagenbauer": half a compound
                # "an der Chipfabrik Dresden": a site and its town
                or ((town_site := _GERMAN_SITE_BEFORE_TOWN.fullmatch(name)) and doc.gaz.city(town_site.group(2)))
            ):
                continue
            if rules.person_titles.fullmatch(name.split()[0]) and " " in name:
                continue  # "der Geschäftsmann Liu Zhendong": a person with the title run into the name
            if (
                _TOWN_ADJECTIVE_ABSTRACT.fullmatch(name)
                or (len(name.split()) == 2 and _DESCRIPTOR_WORD.fullmatch(name.split()[1]))
            ) and _german_town_adjective(doc, name.split()[0]):
                continue  # "der Dortmunder Fertigung", "des Augsburger Roboterbauers": what the town has, no name
            if any(rules.person_titles.fullmatch(word) for word in name.split()[1:-1]):
                continue  # "Justice Minister Monica Mæland", "Foreign Secretary James Cleverly": people
            if rules.person_titles.search(text[max(sent.start, s - 25) : s].split(",")[-1]) or _titled_apposition(
                doc, sent.start, s, e
            ):
                continue
            if _german_common_noun(doc, sent.start, s, e) or _lone_place_adjective(doc, s, e) or _town_site(doc, name):
                continue
            if _person_apposition(rules, text, e, sent.end):
                continue  # "Grant Shapps, then the business secretary": a person
            if rules.person_titles.fullmatch(name.split()[-1]) or _INITIALLED_PERSON.fullmatch(name):
                continue  # "the Business Secretary"; "Marc R.", "Thomas R.": a suspect named as the press does
            if _MINISTER_AFTER.match(text, e):
                continue  # "du Premier ministre", "the Prime minister": an office, no firm
            if _LISTED_ON_BEFORE.search(text, max(sent.start, s - 30), s):
                continue  # "listed on the Bucharest Stock Exchange": where shares trade, no party
            if _SHARE_FIGURE.fullmatch(name):
                continue  # "bought 49pc stake": a share, not a name
            if _ACRONYM_GLUED.fullmatch(name):
                continue  # "EUV-machines", "5G-netwerk": an acronym glued to a common noun
            if (made := _MADE_IN.fullmatch(name)) and doc.gaz.adjectives.get(made.group(1).lower()):
                continue  # "Chinese-manufactured cranes", "Russian-built reactors": where things come from
            if _NON_PROFIT_BEFORE.search(text, max(sent.start, s - 45), s):
                continue  # "the campaign group Big Brother Watch", "der Verband X": no company
            if _LETTER_GLUED.fullmatch(name):
                continue  # "X-ray scanners", "E-mail": a letter glued to a common noun
            if _PLACE_BEFORE.search(text[max(sent.start, s - 40) : s]):
                continue  # "basé à Brive-la-Gaillarde", "le département de la Marne": a place
            if _PERSON_AFTER.match(text, e):
                continue  # "controlled by Li Wei and Zhang Min, two Chinese nationals": people
            if _personal_name(rules, name) or _titled_person(doc, sent, s, name):
                continue  # "James Lu, a former executive", "Alain Bouchard, propriétaire de": a person
            why, country = _company_evidence(doc, sent, s, e)
            if not why and s0 != s:
                # "de overname van het Nijmeegse Nowi": the cue stands before the adjective
                why, country = _company_evidence(doc, sent, s0, e)
            if listed:
                why.add("list")
                if re.match(r"\s*,?\s+(?:and|und|et|en|or|oder|ou|of)\s", text[e : e + 8]) or re.search(
                    r"\s(?:and|und|et|en|or|oder|ou|of)\s+$", text[max(0, s - 6) : s]
                ):
                    # "Chinese makers such as Huawei, Growatt and Sungrow"; not "Sinochem, Pirelli's owner"
                    country = country or list_country
            elif "cue" in why:
                list_country = country
            prev_company = bool(why & {"cue", "list"}) and "modifier" not in why
            if _kind_of_body(doc, name)[0] and "appositive" not in why:
                continue
            if "modifier" in why:
                continue
            if extends_known and (quoted or _national_arm(doc, name, text[s : known_at[s]])):
                why.add("relation")  # "Huawei Deutschland": a known firm's national arm
            if not why or why == {"passing"}:
                joined = _AND_FIRM.match(text, e)
                word = joined["word"].lower() if joined else ""
                if not why and joined and (doc.gaz.adjectives.get(word) or word in rules.cue_words):
                    paired.append((joined.end(), name))
                continue
            pattern.append(_Company(name=name, forms={name}, country=country, why=why))
            if quoted:
                pattern[-1].subsidiary_of = text[s : known_at[s]]
            found_at.add(s)
    # "Carrefour et le canadien Alimentation Couche-Tard": a name paired with a firm is one too
    pattern += [
        _Company(name=name, forms={name}, why={"list"}) for at, name in paired if at in found_at | set(known_at)
    ]
    for m in _NAME_OWNED.finditer(text) if doc.may_hold(_NAME_OWNED_WORDS) else ():
        # "Alibaba-owned Lazada" names an owner; "The Chinese-owned chipmaker" names a country
        name = re.sub(r"^(?:The|A|An|Le|La|De|Het|Die|Der)\s+", "", m.group(1))
        if (
            doc.in_content(m.start())
            and not _place_code(doc, name)
            and name not in rules.stopwords
            and not _overlaps(m.start(1), m.end(1), taken)
            # "the Chinese Government-owned power utility": a state, not a firm
            and name.lower().split()[-1] not in ("government", "state", "regierung", "gouvernement", "overheid")
            and name.lower()
            not in (
                "state",
                "government",
                "foreign",
                "privately",
                "publicly",
                "family",
                "employee",
                # regions, not owners: "Gulf-backed vehicle Tarfeeh Capital"
                "gulf",
                "arab",
                "western",
                "european",
                "asian",
            )
        ):
            pattern.append(_Company(name=name, forms={name}, why={"owner"}))
    for m in _GROUP_COMPOUND.finditer(text) if doc.may_hold(_GROUP_COMPOUND_WORDS) else ():
        # "von der Eurogate-Gruppe betrieben", "het Huawei-concern": the firm before the hyphen
        name = m.group(1)
        known = next((c for c in by_index.values() if known_at.get(m.start(1)) and name in c.forms), None)
        if not doc.in_content(m.start()) or _place_code(doc, name) or doc.gaz.region_code(name):
            continue
        after = _SPACE_RUN.match(text, m.end())
        if not known and after.end() in known_at:
            continue  # "des Reederei-Konzerns China Cosco Shipping": the compound says what kind the next name is
        if known:
            known.why.add("cue")
        elif name not in rules.stopwords and not _overlaps(m.start(1), m.end(1), taken):
            pattern.append(_Company(name=name, forms={name}, why={"cue"}))
    pattern += _title_subjects(doc, taken, {c.name for c in pattern} | {f for c in by_index.values() for f in c.forms})
    pattern = _without_site_names(doc, pattern)
    companies = _merge_companies(list(by_index.values()), pattern, doc)
    claimed = {f for c in companies for f in c.forms}
    for co in list(companies):
        _add_aliases(doc, co, claimed - co.forms)
        claimed |= co.forms  # a short form taken by one company is not another's too
        if co.gaz_index is None or len(co.forms) > 1:
            co.name = _fullest_form(co.forms)
        _find_mentions(doc, co)
        if co.gaz_index is None:
            _regional_form(doc, co)
        short = co.subsidiary_of
        # "TMH International, a subsidiary of TMH Group": the group the short name begins
        group = short and next(
            (c for c in companies if c is not co and any(_is_prefix(short, f) for f in c.forms)), None
        )
        if short and group is not None and not any(short in c.forms or c.name == short for c in companies):
            co.subsidiary_of = group.name
        elif short and (_place_code(doc, short) or _story_town(doc, short)):
            co.subsidiary_of = None  # "its Norwegian subsidiary Bergen Engines": Bergen is the town
        elif short and not any(short in c.forms or c.name == short for c in companies):
            parent = _Company(name=short, forms={short}, why={"relation"})
            _find_mentions(doc, parent)
            parent.mentions = [(s, e) for s, e in parent.mentions if not _overlaps(s, e, co.mentions)]
            if parent.mentions:
                s, _e = parent.mentions[0]
                adj = doc.country_before(s, max(0, s - 40))
                parent.country = adj.key if adj and adj.kind == "adjective" else None
                companies.append(parent)
    _settle_shared_mentions(companies)
    companies = _merge_known_as(doc, [c for c in companies if c.mentions])
    companies = _group_short_form_to_named_unit(doc, companies)
    _company_relations(doc, companies)
    _company_countries(doc, companies)

    # "Pirelli's Cyber Tyre technology": a firm's product named after its possessive, no firm itself
    def owned_product(s: int, e: int) -> bool:
        owner = _OWNER_POSSESSIVE.search(text, max(0, s - 40), s)
        return bool(
            owner
            and not (owner.group(1) and _place_code(doc, owner.group(1)))
            and (_PRODUCT_AFTER.match(text, e) or _TECHNOLOGY_AFTER.match(text, e))
        )

    def model(s: int, e: int) -> bool:
        return bool(
            _MODEL_KIND_AFTER.match(text, e) and " " not in text[s:e] and _MODEL_ARTICLE.search(text, max(0, s - 5), s)
        )

    companies = [
        c
        for c in companies
        if c.gaz_index is not None
        or not (
            any(owned_product(*m) for m in c.mentions)
            or (c.mentions and all(model(*m) for m in c.mentions))
            # "buy F-35 stealth fighters ... the technology of the F-35": a designation once said a weapon's is one
            or (_DESIGNATION.fullmatch(c.name) and any(_WEAPON_AFTER.match(text, e) for _s, e in c.mentions))
        )
    ]
    # "Recorded Future News is an editorially independent unit of Recorded Future": the outlet's owner
    companies = [c for c in companies if not (c.mentions and all(_owns_outlet(doc, s) for s, _e in c.mentions))]
    # "in het Franse Montoir-de-Bretagne", "Boulogne-sur-Mer": a French town's name, no firm's
    companies = [c for c in companies if c.gaz_index is not None or not _FRENCH_TOWN.fullmatch(c.name)]
    # "The firm is run by the Bayraktar brothers": a family's name, no firm's
    companies = [
        c
        for c in companies
        if c.gaz_index is not None
        or " " in c.name
        or not any(_FAMILY_AFTER.match(text, e) for _s, e in name_spans(text, c.name, stop_after=""))
    ]
    precedents = precedent_spans(doc)
    # "following the purchase of robot maker Kuka by Midea": an earlier case recalled, not a party
    companies = [
        c
        for c in companies
        if not (c.mentions and all(any(ps <= s and e <= pe for ps, pe in precedents) for s, e in c.mentions))
    ]
    return _parties(doc, companies)


_SPACE_RUN = re.compile(r"\s*")
# the end of a German clause: "gehen", "verkauft werden", before a comma
_GERMAN_VERB_END = re.compile(r"\s+(?:[a-zäöüß]+\s+)?[a-zäöüß]+(?=,)")
# not "family": "the Bolloré family controls the group" names a firm's owners by the firm's name
_FAMILY_AFTER = re.compile(r"\s+(?:brothers|siblings|sisters|Brüder|Geschwister|frères|sœurs|broers|zussen)\b")
_FRENCH_TOWN = re.compile(
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)*-(?:de|du|des|sur|sous|en|lès|lez|le|la|les|aux|au)"
    r"-[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)*"
)
_OUTLET_OWNED_BY = re.compile(
    r"\s+(?:is|are)\s+(?:[\w-]+\s+){0,3}?(?:unit|part|subsidiary|division|arm|member|publication|brand|owned\s+by|"
    r"filiale|onderdeel|Tochter\w*|Teil)\s+(?:of\s+|by\s+|de\s+|van\s+|von\s+)?(?:the\s+)?$"
)


def _owns_outlet(doc: _Doc, at: int) -> bool:
    """Whether the firm named at `at` is said to own the outlet the sentence opens on."""
    sent = doc.sentence_at(at)
    if sent is None:
        return False
    return any(
        sent.start <= os <= sent.start + 4 and oe < at and _OUTLET_OWNED_BY.fullmatch(doc.text, oe, at)
        for os, oe in doc.outlet_spans
    )


# a stock quote: "(TSX:TMR)", "(NYSE: BABA)", "(HKEX: 9988)": an exchange and a ticker, no firms
_TICKER = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|TSX-V|CSE|ASX|NZX|LSE|AIM|HKEX|HKSE|SEHK|HKG|SGX|SSE|SZSE|KRX|KOSDAQ|TYO|TSE|"
    r"JPX|NSE|BSE|FRA|ETR|Xetra|XETRA|EPA|AMS|BRU|LIS|MIL|BIT|BME|MCX|MOEX|OTC|OTCQX|OTCQB|SIX|OSE|OMX|STO|CPH|HEL|"
    r"JSE|TASE|BVMF|WSE|GPW|IDX|SET|TWSE|TPEX)\s*:\s*[A-Z0-9][A-Z0-9.-]{0,9}\)"
)
_GROUP_COMPOUND = re.compile(rf"(?<![\w-])({_CAPW})-(?:Gruppe|Konzern|Konzerns|groep|concern)(?![\w-])")
# every match of _GROUP_COMPOUND holds one of these (a text with none is not scanned)
_GROUP_COMPOUND_WORDS = ("-Gruppe", "-Konzern", "-groep", "-concern")
# a law's title: "the Act on Prevention of Divulgence and Protection of Industrial Technology", "the
# Foreign Investment Risk Review Modernization Act": its capitalised words name no firm
_LAW_WORD = r"(?:Act|Law|Bill|Ordinance|Decree|Directive|Regulation)"
_LAW_TITLE = re.compile(
    rf"\b{_LAW_WORD}\s+(?:on|of|for|to|concerning|regarding)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:\s+(?:(?:and|of|on|for|in|the|to|&)\s+)*[A-Z][\w'’-]*)*"
    rf"|(?<![\w-])[A-Z][\w'’-]*(?:\s+(?:(?:and|of|on|for|&)\s+)?[A-Z][\w'’-]*)*\s+{_LAW_WORD}\b"
)


# an earlier deal recalled as background: "including the purchase of X by Y", "seit dem Kauf des
# Herstellers X durch Y", "depuis le rachat de X par Y", "sinds de overname van X door Y"
_PRECEDENT = re.compile(
    r"(?<![\w-])(?:following|after|since|like|such\s+as|including|seit|seitdem|nach|nachdem|wie|depuis|après|"
    r"comme|sinds|na|nadat|zoals)"
    r"\s+(?:[\w-]+\s+){0,6}?(?:purchase|takeover|acquisition|sale|Kauf|Übernahme|Verkauf|rachat|vente|overname|verkoop)"
    r"\s+(?:of|des|der|von|de|du|d['’]|van)\s+[^.;]{0,120}?\s(?:by|durch|par|door)\s+[^.;,]{0,80}"
    # the buyer first: "most prominently in home appliance group Midea's purchase of robot maker Kuka"
    r"|(?<![\w-])(?:following|after|since|like|such\s+as|including|notably|most\s+prominently|prominently|"
    r"in\s+particular)\s+(?:[\w-]+\s+){0,6}?[\w&.-]+['’]s\s+(?:[\w-]+\s+)?"
    r"(?:purchase|takeover|acquisition|buyout)\s+of\s+[^.;,]{0,80}",
    re.IGNORECASE,
)
# the same told with a verb, and a year: "since Chinese appliance maker Midea bought robot maker Kuka in
# 2016"; or in the past perfect: "had earlier sold its Halol plant in Gujarat to SAIC Motor"
_PRECEDENT_VERB = re.compile(
    r"(?<![\w-])(?:since|after|when|seit|seitdem|nachdem|als|depuis\s+que|après\s+que|lorsque|sinds|nadat|toen)\s+"
    r"[^.;]{0,80}?\s(?:bought|acquired|purchased|took\s+over|kaufte|übernahm|übernommen\s+hatte|gekauft\s+hatte|"
    r"a\s+racheté|avait\s+racheté|racheta|acquit|overnam|kocht|had\s+overgenomen)\s+[^.;,]{0,80}?\s"
    r"(?:in|im|en|in\s+het\s+jaar)\s+(?:19|20)\d\d\b"
    r"|(?<![\w-])had\s+(?:earlier|previously|already)\s+(?:sold|bought|acquired)\s+[^.;]{0,80}?\s(?:to|from)\s+[^.;,]{0,60}",
    re.IGNORECASE,
)
# every match of _PRECEDENT holds one of these deal nouns in some case ("Verkauf" holds "kauf"): a
# text with none is not scanned
_PRECEDENT_WORDS = (
    *("purchase", "takeover", "acquisition", "buyout", "sale", "kauf", "übernahme", "rachat", "vente"),
    *("overname", "verkoop"),
)
# every match of _PRECEDENT_VERB holds one of these (a text with none is not scanned)
_PRECEDENT_VERB_WORDS = (
    "bought",
    "acquired",
    "purchased",
    "took",
    "kaufte",
    "übernahm",
    "übernommen",
    "gekauft",
    "racheté",
    "racheta",
    "acquit",
    "overnam",
    "kocht",
    "overgenomen",
    "sold",
)


# a sentence that opens on an earlier time and tells of a deal: "Earlier this year, the takeover
# of Kuka by China's Midea sparked a debate", "Erst vor zwei Wochen hatte das Kabinett den Einstieg
# der Staatsreederei Cosco ... zugelassen"
_EARLIER_OPENING = re.compile(
    r"(?:Earlier\s+this\s+(?:year|month)|Last\s+(?:year|month)|(?:Two|Three|Four|Six|A\s+few|Several)\s+"
    r"(?:weeks|months|years)\s+(?:ago|earlier)|(?:Erst\s+|Bereits\s+)?[Vv]or\s+(?:zwei|drei|vier|sechs|einigen|wenigen)\s+"
    r"(?:Wochen|Monaten|Jahren)|Im\s+vergangenen\s+(?:Jahr|Monat)|Letztes\s+Jahr|Plus\s+tôt\s+cette\s+année|"
    r"L['’]an(?:née)?\s+dern(?:ier|ière)|Il\s+y\s+a\s+(?:deux|trois|quelques)\s+(?:semaines|mois|ans)|Vorig\s+jaar|"
    r"Eerder\s+dit\s+jaar|(?:Twee|Drie|Enkele)\s+(?:weken|maanden|jaar)\s+geleden)\b"
)


def precedent_spans(doc: _Doc) -> list[tuple[int, int]]:
    """Where the story recalls an earlier deal as background: its parties are no parties here."""
    if doc.precedents is None:
        nouns, verbs = doc.may_hold((), _PRECEDENT_WORDS), doc.may_hold((), _PRECEDENT_VERB_WORDS)
        doc.precedents = [(m.start(), m.end()) for m in _PRECEDENT.finditer(doc.text)] if nouns else []
        doc.precedents += [(m.start(), m.end()) for m in _PRECEDENT_VERB.finditer(doc.text)] if verbs else []
        doc.precedents += [
            (sent.start, sent.end)
            for sent in doc.content
            if _EARLIER_OPENING.match(sent.text)
            and DEAL_NOUN.search(sent.text)
            # "Last year CFIUS forced X to sell Y and pushed Z to divest": an earlier measure is a case too
            and not any(label in MEASURE_CUES for _s, _e, label in doc.cues_in(sent.start, sent.end, "st:"))
        ]
    return doc.precedents


_FEW_WORDS = re.compile(r"(?:[\w'’-]+\s+){0,4}")
# "China Telecom Americas, whose parent is Hong Kong-listed China Telecom Corp"
_WHOSE_PARENT = re.compile(
    r"\s*,\s*(?:(?:whose|dont\s+la|wiens|deren|dessen)\s+(?:parent(?:\s+company|\s+group)?|owner|maison\s+mère|"
    r"société\s+mère|moederbedrijf|Mutterkonzern|Muttergesellschaft)\s+(?:is|was|est|était|ist|war)\s+"
    # "L1T FM Holdings UK, part of the LetterOne investment group"
    r"|(?:now\s+|itself\s+)?(?:part\s+of|onderdeel\s+van|Teil\s+(?:des|der|von))\s+(?:the\s+|het\s+)?)",
    re.IGNORECASE,
)


def _gaz_ancestors(doc: _Doc, index: int) -> set[str]:
    names: set[str] = set()
    parent = doc.gaz.companies[index].get("parent")
    while parent and parent not in names and len(names) < 5:
        names.add(parent)
        row = next((r for r in doc.gaz.companies if r["name"] == parent), None)
        parent = row.get("parent") if row else None
    return names


# "die Cosco-Tochter Cosco Shipping Ports Limited", "de Huawei-dochter"
_SUBSIDIARY_COMPOUND_BEFORE = re.compile(r"[\w]-(?:Tochter|dochter|filiale)\w*\s+$", re.IGNORECASE)


def _group_short_form_to_named_unit(doc: _Doc, companies: list[_Company]) -> list[_Company]:
    """A known group named only by a short form its named unit starts with is that unit, not the
    group's head: "COSCO Shipping Ports ... COSCO wil naar 40 procent" names the unit."""
    known = [c for c in companies if c.gaz_index is not None]
    dropped: set[int] = set()
    for unit in known:
        ancestors = _gaz_ancestors(doc, unit.gaz_index)
        if not ancestors:
            continue
        for group in known:
            if group is unit or id(group) in dropped or doc.gaz.companies[group.gaz_index]["name"] not in ancestors:
                continue
            # every form the story uses for the group opens the unit's name: "COSCO", not "China COSCO"
            if not group.forms or not all(
                any(f.split()[0].lower() == w.split()[0].lower() for w in unit.forms) and len(f.split()) == 1
                for f in group.forms
            ):
                continue
            # "Hikvision Canada", "die Tochter COSCO Shipping Ports", "Rosneft Deutschland GmbH": a national
            # arm or a unit the story calls a subsidiary stands apart from its group
            short = min(group.forms, key=lambda f: (len(f), f))
            if any(
                _national_arm(doc, " ".join(form.split()[: len(short.split()) + 1]), short)
                or _called_subsidiary(doc.text, form, short)
                for form in unit.forms
            ) or any(
                doc.rules.subsidiary_cue.search(doc.text, max(0, s - 40), s)
                or _SUBSIDIARY_COMPOUND_BEFORE.search(doc.text, max(0, s - 40), s)
                for s, _e in unit.mentions
            ):
                continue
            if any(doc.rules.parent_cue_end.search(doc.text, max(0, s - 30), s) for s, _e in group.mentions):
                continue  # "Gazprom Neft and its parent Gazprom": the story names the group as such
            unit.forms |= group.forms
            unit.why |= group.why
            unit.mentions = sorted(set(unit.mentions) | set(group.mentions))
            # "De Chinese scheepvaartreus COSCO": the nationality the story gives wins over the listing's seat
            said = [h for s, _e in group.mentions if (h := doc.country_before(s, max(0, s - 60), words=2))]
            said = [h for h in said if h.kind == "adjective"]
            unit.country = said[0].key if said else unit.country or group.country
            unit.parent = unit.parent or doc.gaz.companies[group.gaz_index]["name"]  # still the group's unit
            dropped.add(id(group))
    return [c for c in companies if id(c) not in dropped]


_CAP_RUN = re.compile(rf"{_CAPW}(?:\s+{_CAPW})*")


def _merge_known_as(doc: _Doc, companies: list[_Company]) -> list[_Company]:
    """'TMH, also known as Transmashholding', 'Sinochem (aussi appelée ChemChina)': one company
    under two names; the second joins the first."""
    starts = {s: c for c in companies for s, _e in c.mentions}
    gone: set[int] = set()
    for co in companies:
        if id(co) in gone:
            continue
        for _s, e in co.mentions:
            m = KNOWN_AS.match(doc.text, e)
            other = starts.get(m.end()) if m else None
            if m and other is None:
                # "Volga Rail, also known as Volgatransholding": the other name is an alias
                alias = _CAP_RUN.match(doc.text, m.end(), m.end() + 60)
                if alias and not _place_code(doc, alias.group(0).rstrip(".,")):
                    co.forms.add(alias.group(0).rstrip(".,"))
                continue
            if other is None or other is co or id(other) in gone:
                continue
            short = next(doc.text[ms:me] for ms, me in other.mentions if ms == m.end())
            if short != other.name and _is_prefix(short, other.name) and _unit_of(doc, other.name, short):
                # "... Co., known as P&O" and later "its subsidiary P&O Ports North America": the
                # short form names the first firm, not the unit named after it
                other.forms.discard(short)
                co.forms.add(short)
                co.mentions = sorted(co.mentions + [sp for sp in other.mentions if doc.text[sp[0] : sp[1]] == short])
                other.mentions = [sp for sp in other.mentions if doc.text[sp[0] : sp[1]] != short]
                other.subsidiary_of = other.subsidiary_of or co.name
                continue
            co.forms |= other.forms
            co.why |= other.why
            co.mentions = sorted(co.mentions + other.mentions)
            co.country = co.country or other.country
            gone.add(id(other))
    return [c for c in companies if id(c) not in gone]


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|und|et|en|or|oder|ou|of|sowie))\s*")
# between two names of one list, an article may open the second: "Vodafone und die Telekom"
_NAME_ARTICLE = r"(?:\s+(?:die|der|den|dem|das|the|la|le|les|het|de))?"
_AND_GAP = re.compile(rf"\s*(?:,|,?\s+(?:and|und|et|en)){_NAME_ARTICLE}\s*")
_OR_GAP = re.compile(rf"\s*(?:,|,?\s+(?:and|und|et|en|or|oder|ou|of)){_NAME_ARTICLE}\s*")


def _parties(doc: _Doc, companies: list[_Company]) -> list[_Company]:
    """The parties, and the companies the story lists with one of them: "mit der Deutschen
    Telekom, Vodafone und Telefónica Deutschland ... Verträge geschlossen" binds all three."""
    party = {id(c) for c in companies if _is_party(doc, c)}
    starts = {s: c for c in companies for s, _e in c.mentions}
    ends = {e: c for c in companies for _s, e in c.mentions}
    changed = True
    while changed:
        changed = False
        for co in companies:
            if id(co) in party or "passing" in co.why:
                continue
            for s, e in co.mentions:
                after = _LIST_GAP.match(doc.text, e)
                before = re.search(
                    r"(?:,|,?\s+(?:and|und|et|en|or|oder|ou|of|sowie))\s*$", doc.text[max(0, s - 12) : s]
                )
                nxt = starts.get(after.end()) if after else None
                prev = ends.get(s - len(before.group(0))) if before else None
                if (nxt and id(nxt) in party) or (prev and id(prev) in party):
                    party.add(id(co))
                    changed = True
                    break
    # "platforms such as Shopee, which is owned by Singapore's Sea Ltd.": the owner of a firm named in
    # passing, named in the same sentence only, is in passing too
    for rival in companies:
        if id(rival) in party or "passing" not in rival.why:
            continue
        asides = [doc.sentence_at(s) for s, _e in rival.mentions]
        for co in companies:
            if (
                id(co) in party
                and (co.name == rival.parent or co.parent == rival.name)
                # a part of its own, not only its tie to the rival (or a deal told with it)
                and not (co.why & (_PART_REASONS - {"deal", "owner", "relation"}))
                and all(doc.sentence_at(s) in asides for s, _e in co.mentions)
            ):
                party.discard(id(co))
    return [c for c in companies if id(c) in party]


# what a site's name earns from "a stake in Sizewell C" or a headline; a firm has more to show
_WEAK_EVIDENCE = {"deal", "passing", "list", "title", "divest"}


def _without_site_names(doc: _Doc, pattern: list[_Company]) -> list[_Company]:
    """A project known only by its name ("Sizewell C nuclear power station", "Hinkley Point C,
    the EDF-led plant") is the site, not a company, when nothing else calls it a firm."""
    verdict: dict[str, bool] = {}
    weak: dict[str, bool] = {}
    for co in pattern:
        weak[co.name] = weak.get(co.name, True) and co.why <= _WEAK_EVIDENCE
    for name in weak:
        if name.lower() in doc.rules.facility_terms or _people_of(doc, name):
            # "the Port is operated as a commercial enterprise": a site's kind; "run by Filipinos": a people
            verdict[name] = True
            continue
        if LEGAL_FORM_END.search(name):
            continue  # "Nordvik Marine AS, a shipyard": a firm
        spans = name_spans(doc.text, name, stop_after="'’-")
        if weak[name]:
            verdict[name] = any(site_after_name(doc.rules, doc.text, e) or _placed_as_town(doc, s, e) for s, e in spans)
        # "am Containerterminal Tollerort", "des Container Terminals Tollerort (CTT)": the site's own name
        verdict[name] = verdict.get(name) or any(_site_noun_before(doc, s) for s, _e in spans)
    return [co for co in pattern if not verdict.get(co.name)]


def _site_noun_before(doc: _Doc, s: int) -> bool:
    """A noun that puts the site's own name after it ("Containerterminal Tollerort", "des Container
    Terminals Tollerort"); not any site noun ("the plant EDF is building")."""
    word = re.search(r"([A-Za-zÀ-ÿ]+?)(?:s|es)?\s$", doc.text[max(0, s - 30) : s])
    return bool(word and _HEAD_FIRST_END.search(word.group(1)))


_HEAD_FIRST_END = re.compile(
    r"(?:Terminal|terminal|Flughafen|flughafen|Aéroport|Luchthaven|luchthaven|Raffinerie|Raffinaderij)$"
)


def _placed_as_town(doc: _Doc, s: int, e: int) -> bool:
    """ "the naval station in Grønnedal, Greenland": a name between "in" and its country is a place."""
    if not re.search(r"(?:\bin|\bnear|\bat|\bà|\bbei|\bnabij|\bte)\s+$", doc.text[max(0, s - 8) : s]):
        return False
    comma = re.match(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", doc.text[e : e + 40])
    if not comma:
        return False
    return any(h.start == e + comma.start(1) for h in doc.countries_in(e, e + 40)) or bool(
        doc.gaz.region_code(comma.group(1))
    )


_APPOSITION_BEFORE = re.compile(r"([^,;]{0,40}),\s*$")
_COMMA_AFTER = re.compile(r"\s*,")


def _titled_apposition(doc: _Doc, floor: int, s: int, e: int) -> bool:
    """'Le ministre des Entreprises, Grant Shapps, a présenté': a name set off by commas right
    after an official's title is that official."""
    before = _APPOSITION_BEFORE.search(doc.text[max(floor, s - 45) : s])
    if not before or not _COMMA_AFTER.match(doc.text[e : e + 2]):
        return False
    return bool(doc.rules.person_titles.search(before.group(1)))


_DE_DETERMINER = re.compile(
    r"(?<![\w-])(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e|en|em|es|er)?|[Kk]ein(?:e|en|em|es|er)?|"
    # possessives and demonstratives: "durch seine Produkte", "diese Anlagen"
    r"[Ss]ein(?:e|en|em|es|er)?|[Ii]hr(?:e|en|em|es|er)?|[Uu]nser(?:e|en|em|es|er)?|[Dd]ies(?:e|en|em|es|er)|"
    r"[Jj]ede(?:n|m|s|r)?|[Aa]lle(?:n|m|s|r)?)"
    r"\s+(?:[a-zäöüß][\w-]*\s+){0,2}$"
)


_APPOSITION_LEAD = re.compile(
    r",\s+(?:(?:then|now|at\s+the\s+time|alors|toen|damals|inzwischen)\s+)?"
    r"(?:(?:the|a|an|its|his|her|former|le|la|l['’]|un|une|ancien|ancienne|de|het|een|voormalig|der|die|ein|eine|ehemalige[rn]?)\s*)?"
)
# a word that may stand before the title ("the business secretary", "then Germany's economy minister"),
# but not one that makes the apposition a company's ("a company whose chairman", "a unit controlled by")
_TITLE_MODIFIER = re.compile(
    r"(?!(?:company|firm|group|unit|subsidiary|maker|manufacturer|arm|owner|operator|investor|fund|whose|which|"
    r"that|by|of|entreprise|société|groupe|filiale|dont|par|bedrijf|dochter\w*|door|Unternehmen|Konzern|Firma|"
    r"Tochter\w*|von|deren|dessen)\b)[\w'’-]+\s+"
)


def _person_apposition(rules: _Rules, text: str, e: int, end: int) -> bool:
    """The name is followed by a person's title in apposition: "Grant Shapps, then the business
    secretary", "Thierry Breton, le commissaire européen"."""
    lead = _APPOSITION_LEAD.match(text, e, end)
    at = lead.end() if lead else -1
    for _ in range(3):  # the title, or up to two words before it
        if at < 0:
            return False
        title = rules.person_titles_any_case.match(text, at, min(end, at + 40))
        if title and not re.match(r"[\w-]", text[title.end() : title.end() + 1]):
            return True
        word = _TITLE_MODIFIER.match(text, at, end)
        at = word.end() if word else -1
    return False


_REGIONAL_WORD_AFTER = re.compile(r"\s+(?:Europe|Europa)(?![\w-])")


def _regional_form(doc: _Doc, co: _Company) -> None:
    """'Ganz-MaVag' and, in the ministry's words, 'Ganz-MaVag Europe': the fuller form is the
    firm's name (the corpus names a company by the fullest form the story uses)."""
    for i, (s, e) in enumerate(co.mentions):
        m = _REGIONAL_WORD_AFTER.match(doc.text, e)
        if m and not any(fs <= e < fe for fs, fe in co.mentions if (fs, fe) != (s, e)):
            co.mentions[i] = (s, m.end())
            co.forms.add(doc.text[s : m.end()])
    co.name = _fullest_form(co.forms)


def _fullest_form(forms: set[str]) -> str:
    """The name a company goes by: its fullest form; the form itself breaks ties, so the choice
    never depends on the set's order."""
    return max(forms, key=lambda f: (len(_tokens(f)), not f.isupper(), len(f), f))


# a romanised Chinese given name of one or two syllables ("Jing", "Guangxin"), or a Korean one
# with its hyphen ("Jae-yong")
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)"
)
_EAST_ASIAN_GIVEN_NAME = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}|[a-z]+-[a-z]+")


_COMMA_BEFORE = re.compile(r",\s*$")
_OFFICE_TAIL = re.compile(r"(?:\s+(?:of|for|the|de|du|des|la|le|l['’]|van|von|der|für)|\s+[A-Z][\w'’-]*)*\s*,\s*")
_PLAIN_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+)?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+")


def _titled_person(doc: _Doc, sent: Sentence, s: int, name: str) -> bool:
    """ "the Chancellor of the Duchy of Lancaster, Pat McFadden, requires": two or three plain words
    set off after an office are the holder's name."""
    toks = name.split()
    if not 2 <= len(toks) <= 3 or not all(_PLAIN_NAME_WORD.fullmatch(t) for t in toks) or LEGAL_FORM_END.search(name):
        return False
    if toks[-1] in doc.rules.suffixes or not _COMMA_BEFORE.search(doc.text, max(sent.start, s - 3), s):
        return False
    # the office runs up to the comma in capitalised words and joiners only: "Chancellor of the Duchy of
    # Lancaster, X"; not "un porte-parole de la filiale néerlandaise de l'entreprise, X"
    return any(
        _OFFICE_TAIL.fullmatch(doc.text, m.end(), s)
        for m in doc.rules.person_titles_any_case.finditer(doc.text, max(sent.start, s - 60), s)
    )


def _personal_name(rules: _Rules, name: str) -> bool:
    """A given name and one or two plain surnames, with no legal form: a person, however the
    sentence describes them (a firm named after its founder is known to the gazetteer or says Ltd).
    Chinese and Korean names put the surname first ("its owner Wang Jing")."""
    toks = name.split()
    if len(toks) == 2 and toks[0] in rules.surnames_first and toks[1][:1].isupper():
        return bool(_EAST_ASIAN_GIVEN_NAME.fullmatch(toks[1].lower()))
    return (
        2 <= len(toks) <= 3
        and toks[0] in rules.given_names
        # "Jean M. Beck": a middle initial too
        and all(t[:1].isupper() and (t[1:].islower() or "-" in t or re.fullmatch(r"[A-Z]\.", t)) for t in toks[1:])
        and not re.fullmatch(r"[A-Z]\.", toks[-1])
        and not LEGAL_FORM_END.search(name)
    )


def _german_common_noun(doc: _Doc, floor: int, s: int, e: int) -> bool:
    """'der chinesische Bieter', 'an der Hafengesellschaft', 'von Schmiedeteilen': German capitalises
    every noun, so one word after a determiner, or a phrase opening with a preposition, is no name."""
    if doc.language != "de":
        return False
    name = doc.text[s:e]
    if re.match(r"(?:von|vom|zu|zur|zum|für|mit|aus)\s|[\w]+-\s+(?:und|oder)\s", name):
        return True  # "Klein- und Mittelbetrieben": two nouns sharing an ending
    if " " in name:
        # "in Deutschland Informationen beschafft": a place, then a plural noun
        return bool(DE_PLURAL_NOUN_END.search(name.split()[-1]))
    if _COMPOUND_CUE.fullmatch(name) or DE_PLURAL_NOUN_END.search(name) or _DE_PLURAL_KIND.search(name):
        return True  # "Industriekonzerne", "Raumfahrtorganisationen", "IT-Firmen": what kind of body, not which
    before = doc.text[max(floor, s - 40) : s]
    # "aus politischen Gründen", "mit chinesischen Investoren": a preposition and an inflected
    # adjective before one capitalised word make it a noun; "an Silex" keeps the name
    if _DE_DETERMINER.search(before) or _DE_PREPOSITION_ADJECTIVE.search(before) or _DE_NOUN_LEAD.search(before):
        return True
    # "staatlich kontrollierte ausländische Investoren": an inflected adjective that names no country
    # ("die chinesische Midea" keeps the name)
    adjective = _DE_ADJECTIVE_BEFORE.search(before)
    return bool(adjective) and not doc.gaz.country_code(adjective.group(1))


# "80 Euro je Aktie", "Klein- und Mittelbetrieben": only a common noun stands there
# and after a number: "35 Prozent", "rund 225 Arbeitsplätze", "drei Firmen"
_DE_NOUN_LEAD = re.compile(
    r"(?<![\w-])(?:je|pro|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|"
    r"tausend|einige|mehrere|viele|wenige)\s+$|\d\s+$|[\w]-\s+(?:und|oder|bzw\.)\s+$"
)
# a kind of firm in the plural after a hyphen: "IT-Firmen", "KI-Konzerne" (but "BASF-Konzern" names one)
_DE_PLURAL_KIND = re.compile(r"-(?:Firmen|Konzerne|Gruppen|Gesellschaften|Investoren|Betriebe|Banken|Händler)$")
_DE_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([a-zäöüß][a-zäöüß-]{2,}(?:e|en|er|es|em))\s+$")


_DE_PREPOSITION_ADJECTIVE = re.compile(
    r"(?<![\w-])(?:[Aa]us|[Aa]uf|[Mm]it|[Vv]on|[Vv]or|[Nn]ach|[Bb]ei|[Uu]nter|[Üü]ber|[Ww]egen|[Gg]egen|[Dd]urch|"
    r"[Ff]ür|[Zz]u|[Ii]n|[Aa]n|[Oo]hne|[Ss]eit|[Aa]ngesichts|[Tt]rotz)"
    r"\s+(?:[a-zäöüß][\w-]*(?:en|er|em|es|e)\s+){1,2}$"
)


def _town_site(doc: _Doc, name: str) -> bool:
    """'die Dortmunder Chipfabrik', 'das Hamburger Terminal': a town's adjective and a word for a
    site name a plant, not a firm."""
    toks = name.split()
    if len(toks) != 2 or not doc.rules.facility_term_re.fullmatch(toks[1]):
        return False
    return _german_town_adjective(doc, toks[0]) is not None


_ARTICLE_BEFORE = re.compile(r"\b(?:the|het|de|een|a|an)\s+$", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-zà-ÿ]")


_TOWN_ADJECTIVE_ABSTRACT = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er [A-ZÄÖÜ][a-zäöüß]+(?:ung|heit|keit|schaft)")


_MADE_IN = re.compile(
    r"([A-Z][\w]+)-(?:made|manufactured|built|produced|designed|supplied|sourced|flagged|registered|linked|"
    r"connected|affiliated|based|headquartered|funded|financed|sponsored)",
    re.IGNORECASE,
)


def _lone_place_adjective(doc: _Doc, s: int, e: int) -> bool:
    """'de Turijnse robotbouwer', 'the Genoese toolmaker': a town's adjective alone before a
    lower-case noun describes the firm and is no name of its own."""
    name = doc.text[s:e]
    if " " in name or not _LOWER_WORD_AFTER.match(doc.text[e : e + 3]):
        return False
    if not _ARTICLE_BEFORE.search(doc.text[max(0, s - 5) : s]):
        return False
    return bool(
        re.fullmatch(r"[A-Z][a-zà-ÿ]+ese", name)
        or (doc.language == "nl" and re.fullmatch(r"[A-Z][a-zà-ÿ]+(?:se|sche)", name))
    )


_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Secretary|Chairman|Chairwoman|Chief|CEO|Senator|Governor|Prime|Premier"
    r"|Rep|Sen|Gov|Representative|Congressman|Congresswoman|Mayor|Ambassador|Judge|Sir|Lord|Chancellor"
    r"|ministre|président|minister|Präsident|Kanzler)\.?\s+(?:[A-Z][\w-]*\s+)?$"
)


# a German compound cue run into the name: "die Radartechnik-Spezialisten IMST GmbH"
_DESCRIPTOR_WORD = re.compile(rf"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ-]*{_COMPOUND_NOUNS}(?:n|s|e|en|es)?", re.IGNORECASE)


_QUOTED = re.compile(r"[\"“«„'‘][^\"”»“'’\n]+[\"”»“'’]")


def _named_arm(doc: _Doc, rest: str) -> bool:
    """The words after a known name make another firm when they end in a legal form but do not
    start with one: "China Merchants" + " Port Holdings", not "Huawei" + " Technologies Co"."""
    words = rest.split()
    forms = doc.rules.suffixes | {"Holding", "Holdings", "Group"}
    first = words[0].rstrip(".") if words else ""
    return (
        len(words) >= 2
        and words[-1].rstrip(".") in forms
        and (first not in forms or (first == "International" and len(words) >= 3))
    )


# what names a place, not a firm: a seat ("based in", "basé à") or a local authority's area
_PLACE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:based|located|headquartered|situated)\s+in|(?:basée?s?|située?s?|installée?s?|implantée?s?)\s+à|"
    r"gevestigd\s+(?:in|te)|gelegen\s+(?:in|te)|(?:ansässig|beheimatet)\s+in|mit\s+Sitz\s+in|"
    r"(?:département|région|commune|ville|province)\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’])|"
    r"(?:city|county|province|state|region)\s+of|(?:gemeente|provincie|stad|regio)|"
    r"(?:Landkreis|Kreis|Stadt|Gemeinde|Bundesland|Land)(?:es)?)\s*$"
)


# a party's role said before its name; capitalised when it opens a sentence
_ROLE_NOUNS = {
    "owner", "operator", "buyer", "seller", "acquirer", "shareholder", "eigenaar", "uitbater", "koper",
    "verkoper", "aandeelhouder", "propriétaire", "exploitant", "acheteur", "vendeur", "actionnaire",
    "eigentümer", "betreiber", "käufer", "verkäufer", "aktionär", "anteilseigner",
    "developer", "builder", "contractor", "supplier", "investor", "bidder", "lender", "landlord", "tenant",
    "ontwikkelaar", "leverancier", "investeerder", "promoteur", "fournisseur", "investisseur", "entwickler",
    "lieferant", "bieter",
}  # fmt: skip


_FIRST_WORD = re.compile(r"[^\s]+\s+")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|het|de|le|la|les|l['’]|een|a|an)\s+$", re.IGNORECASE)
_ELIDED_WORD = re.compile(r"[LlDd]['’][a-zà-ÿ][\w-]*")


def _german_nationality_noun(doc: _Doc, word: str) -> bool:
    """'Russen', 'Chinesen', 'Amerikaner': a German noun for a nation's people, from its adjective."""
    stem = re.sub(r"(?:en|e|er|n)$", "", word.lower())
    return stem != word.lower() and any(doc.gaz.adjectives.get(stem + end) for end in ("isch", "ische"))


def _drop_leading_adjective(doc: _Doc, s: int, e: int) -> int:
    """'het Chinese Wingtech' names Wingtech; 'die Deutsche Telekom' keeps its adjective (German
    writes adjectives in lower case, so a capitalised one there is part of the name)."""
    first = _FIRST_WORD.match(doc.text[s:e])
    if not first:
        return s
    word = first.group(0).strip()
    if _SEATED_ADJECTIVE.fullmatch(word) or _OWNED_BY_NAMED.fullmatch(word):
        return s + first.end()  # "Istanbul-headquartered Çelebi Aviation Holding": the seat, then the name
    if word in doc.rules.relation_nouns or word.lower() in _ROLE_NOUNS:
        # "die amerikanische Tochter Aixtron Inc.", "Eigenaar Schelde Holding, dat ...": the relation or
        # role opening a sentence is no part of the name
        return s + first.end()
    if (_DESCRIPTOR_WORD.fullmatch(word) or _ELIDED_WORD.fullmatch(word)) and not doc.text[
        s + first.end() : e
    ].startswith("("):  # "Transmashholding (TMH)": the word its acronym abbreviates is the name
        # "die Radartechnik-Spezialisten IMST GmbH", "L'acheteur Corvel": the descriptor, not the name,
        # nor the "de" that joins them: "L'offre de Teledyne Technologies"
        joint = re.match(r"(?:de|du|des|of|van|von)\s+|d['’]", doc.text[s + first.end() : e])
        return s + first.end() + (joint.end() if joint else 0)
    elided = re.fullmatch(r"[LlDd]['’](\w+)", word)
    if elided and doc.gaz.adjectives.get(elided.group(1).lower()) and " " in doc.text[s:e].strip():
        return s + first.end()  # "L'Américain MARA Holdings va racheter Exaion": the nationality, then the name
    if doc.language == "de":
        # "an den Russen Viktor Charitonin", "der Chinese Li Wei": a nationality noun before a name
        if _german_nationality_noun(doc, word) and " " in doc.text[s + first.end() : e].strip():
            return s + first.end()
        # "Der Hamburger Vermögensverwalter Luxcara": a town's adjective and a cue noun before the name
        two = re.match(r"[A-ZÄÖÜ][\w-]*[a-zäöüß]er\s+([A-ZÄÖÜ][\w-]+)\s+(?=\S)", doc.text[s:e])
        if two and (two.group(1).lower() in doc.rules.cue_words or _DESCRIPTOR_WORD.fullmatch(two.group(1))):
            return s + two.end()
        # "der Augsburger MAN Energy Solutions": a town's adjective before a short name in capitals;
        # "Hamburger Hafen und Logistik AG", "Berliner Volksbank" keep theirs
        town = re.match(r"([A-ZÄÖÜ][\w-]*[a-zäöüß])er\s+(?=[A-ZÄÖÜ]{2,}\b)", doc.text[s:e])
        if town and doc.gaz.city(town.group(1)) and not LEGAL_FORM_END.search(doc.text[s:e]):
            return s + town.end()
        return s
    article = _DETERMINER_BEFORE.search(doc.text[max(0, s - 8) : s])
    code = doc.gaz.adjectives.get(word.lower())
    if article and code and word not in doc.gaz.countries.get(code, {}).get("names", []):
        return s + first.end()
    # Dutch place adjectives end in -se/-sche ("het Nijmeegse Nowi", "de Rotterdamse haven"):
    # no table lists every town's, but the ending gives them away before a capitalised name
    if article and doc.language == "nl" and re.fullmatch(r"[A-Z][a-zà-ÿ]+(?:se|sche)", word):
        return s + first.end()
    return s


_ELIDED_OF_AFTER = re.compile(r"\s+d['’][A-ZÀ-Þ]")


# "takeover of Bristol chip design firm Pulsic": the words before a cued name describe that name
_MODIFIES_CUED_NAME = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:firm|company|maker|group|manufacturer|supplier|operator|developer|start-?up)"
    r"\s+[A-Z]"
)


def _title_subjects(doc: _Doc, taken: SpanSet, firms: set[str] = frozenset()) -> list[_Company]:
    """A name the headline puts up front and the body repeats in its concern sentences is the
    story's company even with no cue word ("... whether TikTok survives in America")."""
    text, rules = doc.text, doc.rules
    found = []
    names = set()
    dealt: set[str] = set()  # the buyer and the target of a deal the headline states
    phrases = _cap_phrases(doc.title, 0, len(doc.title), rules.stopwords)
    for i, (s, e, _pos) in enumerate(phrases):
        if _ELIDED_OF_AFTER.match(doc.title, e):
            continue  # "le Conseil d'État", "la Cour d'Appel": the head of a longer name
        toks = doc.title[s:e].split()
        # "Why Zephyrly", "Canada Orders Zephyrly": headlines glue other capitalised words on
        names |= {" ".join(toks[k:]) for k in range(len(toks))}
        # "Couche-Tard renonce à racheter Carrefour"
        if (
            _BUYS_AFTER.match(doc.title, e) or rules.deal_before.search(doc.title[max(0, s - 40) : s])
        ) and not _MODIFIES_CUED_NAME.match(doc.title, e):
            dealt.add(" ".join(toks))
        # "Carrefour et Couche-Tard renoncent": a name the headline pairs with a firm is a firm's
        if i and _AND_GAP.fullmatch(doc.title, phrases[i - 1][1], s):
            before = doc.title[phrases[i - 1][0] : phrases[i - 1][1]]
            if before in firms and not _place_code(doc, " ".join(toks)):
                dealt.add(" ".join(toks))
    for name in sorted(names, key=lambda n: (len(n), n), reverse=True):
        if (
            len(name) < 3
            or (name.isupper() and len(name) > 6)
            # a town the story is not about is no place here when the headline buys or sells it: "Carrefour"
            or (_place_code(doc, name) and not (name in dealt and _far_town(doc, name)))
            or doc.gaz.region_code(name)  # "sale of Nunavut's gold mine": a region's, not a firm's
            or _kind_of_title_word(doc, name)
        ):
            continue
        occurrences = [
            (s, e) for s, e in name_spans(text, name, stop_after="") if doc.in_content(s) and not _overlaps(s, e, taken)
        ]
        # "House China committee leaders urge Commerce to investigate" ... "the Commerce Department",
        # "Commerce's Office of ...": the word names a body, not a firm
        if any(_BODY_HEAD_AFTER.match(text, e) for _s, e in occurrences):
            continue
        if len(occurrences) < (1 if name in dealt else 3):
            continue
        if any(_german_common_noun(doc, max(0, s - 40), s, e) for s, e in occurrences):
            continue  # "untersagt Verkauf der ..." ... "den Verkauf": a German noun, not a name
        if any(_person_apposition(rules, text, e, e + 60) for _s, e in occurrences):
            continue  # "Kwarteng waves through ..." ... "Kwasi Kwarteng, the business secretary": a person
        if (
            " " not in name
            and _story_town(doc, name)
            and any(_LOCATIVE_BEFORE.search(text, max(0, s - 8), s) for s, _e in occurrences)
        ):
            continue  # "übernimmt Kontrolle in Schwedt" ... "die Raffinerie in Schwedt": a town of the story
        # "Steve Mnuchin" ... "Mnuchin": a surname, not a company (a headline's buyer or target is not one)
        if (
            name not in dealt
            and any(
                re.search(r"(?<![.!?]\s)\b[A-Z][a-z][\w-]*\s+$", text[max(0, s - 25) : s])
                and not re.search(r"(?:^|\n)\s*\S+\s+$", text[max(0, s - 25) : s])
                for s, _e in occurrences
            )
        ) or any(_TITLE_BEFORE.search(text[max(0, s - 40) : s]) for s, _e in occurrences):
            continue
        cue_sentences = [sent for s, _e in occurrences if doc.names_danger_or_measure(sent := doc.sentence_at(s))]
        if cue_sentences or name in dealt:
            found.append(_Company(name=name, forms={name}, why={"title"}))
    return found


_BODY_HEAD_AFTER = re.compile(
    r"['’]s\s+(?:Office|Bureau|Department)\b|\s+(?:committee|Committee|panel|Panel|Department|Secretary|Ministry|"
    r"ministry|department|Commission|Ministerium|ministerie|ministère)\b"
)
_SITE_OF = re.compile(r"(?P<site>[A-Z]\w+)\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")


def _site_acronym(doc: _Doc, name: str) -> bool:
    """'Long Beach Container Terminal (LBCT)': the acronym a site's name is given stands for the site."""
    if not name.isupper() or len(name) < 2:
        return False
    at = doc.text.find(f" ({name})")
    head = re.search(r"(\w+)$", doc.text[max(0, at - 30) : at]) if at > 0 else None
    return bool(head) and facility_kind(doc.rules, head.group(1).lower()) is not None


def _site_of_place(rules: _Rules, name: str) -> bool:
    """'Port of Wilmington', 'Airport of Lyon': a site named after its place, not the firm running it."""
    m = _SITE_OF.fullmatch(name)
    return bool(m) and facility_kind(rules, m.group("site").lower()) is not None


def _kind_of_title_word(doc: _Doc, name: str) -> bool:
    """Agencies, outlets and bare common words in a headline are not company names."""
    low = name.lower()
    if (
        _site_of_place(doc.rules, name)
        or name.split()[-1] in _NOT_COMPANY_ENDINGS
        or _PLACE_COMPOUND.fullmatch(name)
        or low in {w.lower() for w in doc.rules.stopwords}
    ):
        return True
    return any(h.kind in ("agency", "outlet") and h.form.lower() == low for h in doc.entity_hits)


def _settle_shared_mentions(companies: list[_Company]) -> None:
    """Two entries can claim the same words ("Cosco" inside "Cosco Shipping Ports", or the same
    "Cosco" for a group and its ports arm): the longer match wins, then the company named most."""
    claims = sorted(
        ((s, e, co) for co in companies for s, e in co.mentions),
        key=lambda t: (-(t[1] - t[0]), -len(t[2].mentions), t[0]),
    )
    taken = SpanSet()
    kept: dict[int, list[tuple[int, int]]] = {id(co): [] for co in companies}
    for s, e, co in claims:
        if not taken.overlaps(s, e):
            taken.add(s, e)
            kept[id(co)].append((s, e))
    for co in companies:
        co.mentions = sorted(kept[id(co)])


_SUBSIDIARY_AFTER = re.compile(
    rf"\s*,\s*(?:[\w'’-]+\s+){{0,3}}?{_SUBSIDIARY_WORD}(?:\s+[a-zà-ÿ][\w-]*)?\s+(?:of|van|de|du|des|von|der)\s+"
    r"(?:[\w'’-]+\s+){0,2}?"
)
_WORD_GAP = re.compile(r"[\w'’-]+\s+")
_COMMA_THE = re.compile(r"\s*,\s*(?:the\s+)?")
_POSSESSED_UNIT = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_SUBSIDIARY_WORD}\b")
_OF_WORD = re.compile(r"\s(?:of|de|du|des|d['’]|van|von|der)(?:\s|(?<=['’]))")
# "its subsidiary X", "die Cosco-Tochter X"
_SUBSIDIARY_BEFORE = re.compile(rf"(?:(?<![\w-])|(?<=\w-)){_SUBSIDIARY_WORD}\b[^.;:]{{0,50}}$")


def _called_subsidiary(text: str, long: str, short: str, named: bool = False) -> bool:
    """The story says the longer name is a subsidiary: "Eandis Assets, de netwerkdochter van
    Eandis", "la filiale néerlandaise de l'entreprise, Nuctech Netherlands". With `named`, only
    a parent called by the short name counts: "Korva Systems, eine Tochter des Konzerns Hexin"
    does not make "Korva" its parent."""
    # plain string search and fixed patterns: a pattern per name would evict the regex cache
    at = text.find(long)
    while at != -1:
        end = at + len(long)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            after = _SUBSIDIARY_AFTER.match(text, end)
            if after and not named and not text.startswith(short, end):
                return True  # "Hikvision Canada, filiale du fabricant chinois ...": a firm of its own
            pos = after.end() if after else -1
            for _ in range(3 if after else 0):
                # "filiale du français Orange": up to two words before the parent's name
                if text.startswith(short, pos):
                    return True
                word = _WORD_GAP.match(text, pos)
                if not word:
                    break
                pos = word.end()
            # "Naver Cloud, Naver's cloud computing unit"
            comma = _COMMA_THE.match(text, end)
            if comma and text.startswith(short, comma.end()) and _POSSESSED_UNIT.match(text, comma.end() + len(short)):
                return True
            before = _SUBSIDIARY_BEFORE.search(text, max(0, at - 70), at)
            # with `named`, "eine Tochter des Konzerns Tianyun Technology" names the parent; "la filiale
            # de l'entreprise, Nuctech Netherlands" and "the Dutch subsidiary Nexperia" the subsidiary
            if before and (not named or before.group(0).rstrip().endswith(",") or not _OF_WORD.search(before.group(0))):
                return True
        at = text.find(long, end)
    return False


_REGIONAL_ARMS = {
    "Europe", "Europa", "EMEA", "Benelux", "Americas", "North America", "Latin America", "Asia", "Asia Pacific",
    "APAC", "Africa", "Middle East",
}  # fmt: skip


# a country's own name, as national arms are called: "Gazprom Germania", "Huawei Italia"
_NATIVE_COUNTRY_NAMES = {
    "Germania", "Italia", "España", "Espana", "Polska", "Česko", "Sverige", "Norge", "Danmark", "Suomi",
    "Österreich", "Schweiz", "Suisse", "Svizzera", "Nederland", "België", "Belgique", "Hellas", "Magyarország",
    "România", "Hrvatska", "Slovensko", "Lietuva", "Latvija", "Eesti", "Éire", "Brasil", "Nippon", "Rossiya",
}  # fmt: skip


def _national_arm(doc: _Doc, long: str, short: str) -> bool:
    """'Huawei Deutschland', 'Hikvision UK', 'ZTE Europe': a known firm's name and a country or
    region is its arm there, a company of its own. An unknown brand's national name is the firm
    itself: "Spark New Zealand", later "Spark"."""
    if not long.startswith(short + " "):
        return False
    words = long[len(short) + 1 :].split()
    while len(words) > 1 and words[-1].rstrip(".,") in doc.rules.suffixes:
        words.pop()  # "Hikvision Canada Inc.": the legal form after the country
    tail = " ".join(words).strip("()")  # "China Telecom (Americas) Corp"
    if tail in _REGIONAL_ARMS:
        return True
    known = any(
        h.kind == "company" and h.end - h.start == len(short) and doc.text.startswith(short, h.start)
        for h in doc.entity_hits
    )
    # "Cosco Shipping Ports Chancay Peru": a town before the country is the arm's seat
    if known and len(words) == 2 and words[0].istitle() and doc.gaz.country_code(words[1]):
        return True
    return known and (tail in _NATIVE_COUNTRY_NAMES or (tail[:1].isupper() and bool(doc.gaz.country_code(tail))))


def _unit_of(doc: _Doc, long: str, short: str) -> bool:
    """The longer name is a unit of the shorter: called a subsidiary, or its national arm."""
    return _called_subsidiary(doc.text, long, short) or _national_arm(doc, long, short)


# " and the Canadian ", " et le canadien ", " und die Reederei ": a nationality or a firm's noun between two firms
_AND_FIRM = re.compile(
    r"\s+(?:and|et|en|und)\s+(?:(?:the|le|la|les|l['’]|de|het|die|der|den|das)\s*)?(?P<word>[a-zà-ÿA-Z][\w-]*)\s+"
)


def _double_name_head(short: str, long: str) -> bool:
    """`short` is the first half of the double name `long`: "Parker" of "Parker-Hannifin"."""
    head, dash, rest = long.partition("-")
    return bool(dash) and head == short and len(short) >= 4 and " " not in long and rest[:1].isupper()


def _is_tail(doc: _Doc, short: str, long: str) -> bool:
    """Whether `short` is the last words of `long` and a name on its own, not a sector or legal
    word ("Technologies", "Shipping Ports") nor a place."""
    a, b = _tokens(short), _tokens(long)
    return (
        0 < len(a) < len(b)
        and b[-len(a) :] == a
        and a[0] not in doc.rules.suffixes
        and len(short) >= 4
        and not _place_code(doc, short)
    )


def _far_town(doc: _Doc, name: str) -> bool:
    """A one-word name that is only a town in a country the story never speaks of: "Carrefour"
    (a town in Haiti) in a French story is the retailer, and may still prove to be a firm."""
    return " " not in name and not doc.gaz.country_code(name) and not _story_town(doc, name)


def _without_seat(doc: _Doc, name: str) -> str:
    """The name without a town or country in front: "Shenzhen Huayang" is also "Huayang"; nor a
    founder's initial: "S. Kidman & Co" is also "Kidman"."""
    name = re.sub(r"^[A-Z]\.\s+(?=[A-Z])", "", name)
    first, _, rest = name.partition(" ")
    if rest and rest.split()[0] not in doc.rules.suffixes and (doc.gaz.city(first) or _place_code(doc, first)):
        return rest
    return name


_COUNTRY_ABBREVIATIONS = re.compile(r"^(?:United\s+States|U\.S\.|United\s+Kingdom|U\.K\.)(?=\s)")


def _abbreviated(name: str) -> str:
    """'United States Steel' as 'US Steel': one firm under its full and its short country name."""
    return _COUNTRY_ABBREVIATIONS.sub(lambda m: "UK" if "K" in m.group(0) else "US", name)


def _merge_companies(known: list[_Company], found: list[_Company], doc: _Doc) -> list[_Company]:
    merged = list(known)
    for co in found:
        target = None
        for other in merged:
            # a fixed order (shortest first), so which form is matched never depends on the set's order
            forms = sorted(other.forms | {other.name}, key=lambda f: (len(f), f))
            same = next((f for f in forms if _norm_key(_abbreviated(f)) == _norm_key(_abbreviated(co.name))), None)
            # "S Kidman & Co", later "Kidman": a founder's initials open the registered name
            same = same or next(
                (f for f in forms if _norm_key(_INITIALS.sub("", f)) == _norm_key(_INITIALS.sub("", co.name))), None
            )
            prefix = next((f for f in forms if _is_prefix(f, co.name) or _is_prefix(co.name, f)), None)
            if same is None and prefix is None:
                # "Shenzhen Huayang Heavy Industries", later "Huayang Heavy Industries" or "Huayang"
                bare = _without_seat(doc, co.name)
                seated = ((f, _without_seat(doc, f)) for f in forms)
                same = next(
                    (
                        f
                        for f, b in seated
                        if _norm_key(b) == _norm_key(bare) or _is_prefix(bare, b) or _is_prefix(b, bare)
                    ),
                    None,
                )
            if same is None and prefix is None:
                # "Alimentation Couche-Tard", later "Couche-Tard": the long name's distinctive tail;
                # "Parker-Hannifin", later "Parker": the first of a double name
                same = next(
                    (
                        f
                        for f in forms
                        if _is_tail(doc, co.name, f)
                        or _is_tail(doc, f, co.name)
                        or _double_name_head(co.name, f)
                        or _double_name_head(f, co.name)
                    ),
                    None,
                )
            if same is None and prefix is not None and _other_extension(forms, prefix, co.name):
                # "Rakuten Group Inc." and "Rakuten Mobile Inc.": two names that extend one short
                # form each their own way are two firms, whichever the short "Rakuten" joined first
                continue
            if same is None and prefix is not None:
                # "Lukoil International GmbH", "Qilin Mobile International Holding Ltd.": the group's
                # international arm, registered under the group's full name and a legal form
                longest = max((f for f in forms if _is_prefix(f, co.name)), key=len, default="")
                if longest and _INTERNATIONAL_ARM.fullmatch(co.name[len(longest) :]):
                    co.subsidiary_of = longest
                    continue
                # which of the two names extends the other decides who may be the subsidiary
                # "HHLA Container Terminal Tollerort GmbH": a group's acronym, more words and a legal form
                # name the group's unit ("Huayang Heavy Industries" is still Huayang)
                if _is_prefix(prefix, co.name) and (
                    co.subsidiary_of == prefix
                    or _unit_of(doc, co.name, prefix)
                    or (prefix.isupper() and LEGAL_FORM_END.search(co.name) and _named_arm(doc, co.name[len(prefix) :]))
                ):
                    co.subsidiary_of = prefix
                    continue
                if _is_prefix(co.name, prefix) and _unit_of(doc, prefix, co.name):
                    other.subsidiary_of = co.name
                    continue
            if same is not None or prefix is not None:
                target = other
                break
        if target is None:
            merged.append(co)
        else:
            target.forms |= co.forms
            target.why |= co.why
            target.country = target.country or co.country
    return merged


# a full legal name: "Rakuten Mobile Inc.", "LINE Corp."
_FORMAL_NAME = re.compile(rf"{LEGAL_FORM_END.pattern}|\s(?:Corp\.?|Corporation|Co\.?)$")


_INTERNATIONAL_ARM = re.compile(
    rf"\s+International(?:\s+(?:Holdings?|Investments?|Trading|Development))?(?:{_FORMAL_NAME.pattern})"
)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s+)+(?=[A-Z][a-z])")


_GROUP_WORDS = {"Corporation", "Corp", "Corp.", "Group", "Holding", "Holdings", "Co", "Co.", "Company", "Ltd", "Ltd.",
                "Limited", "Inc", "Inc."}  # fmt: skip


def _other_extension(forms: list[str], prefix: str, name: str) -> bool:
    """Whether `forms` hold another full legal name that extends `prefix` otherwise than `name` does,
    or the group's own registered name while `name` adds a business of two words or more ("China
    Minmetals Corporation" and its unit "China Minmetals Non-ferrous Metals")."""
    if not _is_prefix(prefix, name):
        return False
    extra = _tokens(name)[len(_tokens(prefix)) :]
    if len([w for w in extra if w not in _GROUP_WORDS]) >= 2 and any(
        _is_prefix(prefix, f) and all(w in _GROUP_WORDS for w in _tokens(f)[len(_tokens(prefix)) :]) for f in forms
    ):
        return True
    if not _FORMAL_NAME.search(name):
        return False
    key = _norm_key(_abbreviated(name))
    return any(
        _is_prefix(prefix, f) and _FORMAL_NAME.search(f) and _norm_key(_abbreviated(f)) != key
        and not _is_prefix(f, name) and not _is_prefix(name, f)
        for f in forms
    )  # fmt: skip


_TOWN_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:city|town|port|village|municipality)\s+of|ville\s+(?:de|d['’])|commune\s+(?:de|d['’])|"
    r"stad|gemeente|Stadt|Gemeinde|near|outside|près\s+de|bij|nabij|bei)\s+(?:the\s+)?$"
)
# "Tavira Holdings S.à r.l.": a lower-case legal form still belongs to the longer name
_LOWER_LEGAL_AFTER = re.compile(rf"\s+{_LOWER_LEGAL}")


# an acronym or short name in brackets right after a name
_BRACKETED_SHORT = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,7}|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){1,2})\)")


def _bracketed_after(text: str, form: str) -> re.Match | None:
    """The first bracketed short form right after an occurrence of `form` (as a substring)."""
    at = text.find(form) if form else -1
    while at != -1:
        m = _BRACKETED_SHORT.match(text, at + len(form))
        # "China Telecom (Americas) Corp": a bracket inside a longer name is part of that name
        if m and not re.match(r" [A-Z]", text[m.end() : m.end() + 2]):
            return m
        at = text.find(form, at + 1)
    return None


_INITIALS_BETWEEN_COMMAS = re.compile(r"\s*,\s*([A-Z]{2,8}),")


def _add_aliases(doc: _Doc, co: _Company, claimed: set[str]) -> None:
    """Shorter forms of the name used elsewhere ("Chengze Lithium" for "... International"),
    and an acronym given in brackets right after a form."""
    text, rules = doc.text, doc.rules
    full = max(co.forms, key=lambda f: (len(_tokens(f)), f))
    toks = _tokens(full)
    bare = " ".join(t for t in toks if not t.startswith("("))
    candidates = {bare} | {" ".join(toks[:n]) for n in range(1, len(toks))}
    if bare != " ".join(toks):
        # "China Telecom (Americas) Corp" is also "China Telecom Americas"
        opened = [t.strip("()") for t in toks]
        candidates |= {" ".join(opened), " ".join(opened[:-1]) if opened[-1].rstrip(".") in rules.suffixes else ""}
    if len(toks) > 1 and _place_code(doc, toks[0]):
        # "China COSCO Shipping" is also "COSCO Shipping" and "COSCO"
        candidates |= {" ".join(toks[1:n]) for n in range(2, len(toks) + 1)}
    if _INITIALS.match(bare):
        # "S Kidman & Co" is also "Kidman": a founder's initials open the registered name
        rest = _tokens(_INITIALS.sub("", bare))
        candidates |= {" ".join(rest[:n]) for n in range(1, len(rest) + 1)}
    inside = SpanSet(name_spans(text, full))
    # longest first, in a fixed order: two short forms may each pass for the parent, and a set's
    # order (which changes with the hash seed) must not pick between them
    for cand in sorted(candidates, key=lambda c: (-len(c), c)):
        if cand in co.forms or cand in claimed or not cand or cand in rules.stopwords or _place_code(doc, cand):
            continue
        if len(_tokens(cand)) == 1 and (cand in rules.suffixes or len(cand) < 3):
            continue
        if not co.subsidiary_of and (
            _called_subsidiary(text, full, cand, named=True) or _national_arm(doc, full, cand)
        ):
            # "Orange Belgium, dochter van het Franse Orange": the short name is the parent
            co.subsidiary_of = cand
            continue
        # the shorter form must stand on its own somewhere, not only inside the long one
        for ms, me in name_spans(text, cand, possessive=True):
            if inside.overlaps(ms, me):
                continue  # "Peninsular and Oriental Steam Navigation Co.": not "Peninsular" alone
            after = text[me : me + 2]
            before = text[max(0, ms - 30) : ms]
            if (
                doc.in_content(ms)
                and not re.match(r"\s[A-Z(&]", after)
                and not _LOWER_LEGAL_AFTER.match(text, me, me + 12)
                and not re.search(r"[A-Z][\w-]*\s$", before)
                # "the western city of Bergen" is the town in "Bergen Engines", not the firm
                and not _TOWN_BEFORE.search(before)
            ):
                co.forms.add(cand)
                break
    for form in list(co.forms):
        # an ampersand may stand inside it: "Clayton, Dubilier & Rice (CD&R)"
        m = _bracketed_after(text, form)
        if m and not _place_code(doc, m.group(1)) and not doc.gaz.region_code(m.group(1)):
            co.forms.add(m.group(1))
        # "Naftna Industrija Srbije, NIS, the Serbian oil company": the initials between commas
        initials = "".join(w[0] for w in form.split() if w[:1].isupper())
        if len(initials) >= 2 and f"{initials}," in text:  # a cheap test first: most stories have none
            after = (_INITIALS_BETWEEN_COMMAS.match(text, e) for _s, e in name_spans(text, form))
            if any(m and m.group(1) == initials for m in after):
                co.forms.add(initials)


def _find_mentions(doc: _Doc, co: _Company) -> None:
    spans = SpanSet()
    outlets = SpanSet(doc.outlet_spans)
    for form in sorted(co.forms, key=lambda f: (len(f), f), reverse=True):
        ignore_case = not (len(form) <= 5 or form.isupper())
        for s, e in name_spans(doc.text, form, stop_after="", ignore_case=ignore_case):
            if doc.in_content(s) and not _overlaps(s, e, spans) and not outlets.overlaps(s, e):
                spans.add(s, e)
    co.mentions = sorted(spans)


# "Nexperia, a Dutch subsidiary of China's Wingtech", "Nexperia, dochterbedrijf van het Chinese Wingtech"
_SUBSIDIARY_OF = re.compile(
    # or said of it: "Tavro is a unit of ...", "X est une filiale de ...", "X ist eine Tochter von ..."
    r"(?:\s*,\s*(?:which\s+is\s+|qui\s+est\s+|die\s+(?:is|ist)\s+|dat\s+is\s+)?|\s*,?\s+(?:is|was|est|ist|war|is\s+now|est\s+désormais)\s+)"
    r"(?:(?:a|an|the|une?|la|le|een|het|de|eine?|die)\s+)?(?:[\w.-]+\s+){0,2}?"
    r"(?:subsidiary|unit|arm|division|affiliate|filiale|branche|[a-z]*dochter\w*|Tochter\w*)"
    # one adjective may follow the noun: "la filiale portuaire du groupe", "the unit wholly of"
    r"(?:\s+(?!of\b|de\b|du\b|van\b|von\b|des\b|der\b)[a-zà-ÿ][\w-]*)?\s+(?:of|de|du|van|von|des|der)\s+",
    re.IGNORECASE,
)


_OWNER_OF = re.compile(
    r"\s*,\s*(?:(?:the|l['’]|le|de|het|der|die)\s*)?(?:new\s+|nouveau\s+|nieuwe\s+|neue\s+)?"
    r"(?:owner|propriétaire|eigenaar|Eigentümer|Besitzer)\s+(?:of|de|du|d['’]|van|von|des)\s*(?:the\s+|het\s+)?",
    re.IGNORECASE,
)


_UNIT_NOUNS = (
    r"(?:subsidiary|unit|arm|division|affiliate|branch|vehicle|filiale|branche|pôle|véhicule|dochter\w*|"
    r"Tochter\w*|Sparte|Zweckgesellschaft|Beteiligungsgesellschaft)"
)
_ITS_UNIT_AFTER = re.compile(
    rf"\s*,\s*(?:its|sa|son|zijn|haar|seine|ihre)\s+(?:[\w'’-]+\s+){{0,4}}?{_UNIT_NOUNS}(?![\w-])", re.IGNORECASE
)
_GLUED_OWNER_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w]*(?:-[A-Z][\w]*)*)-(?:Tochter|dochter)\w*\s+$")
# "der ehemaligen Qilin-Tochter": a former owner
_FORMER_BEFORE = re.compile(r"(?:ehemalig|früher|voormalig|former|ex-)\w*\s+$", re.IGNORECASE)
_THAT_OWNS_AFTER = re.compile(
    r"\s*,\s*(?:(?:the|a|an|la|le|l['’]|de|het|die|der|un|une|een|eine?)\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:that|which|qui|die|dat|der)\s+(?:owns|controls|détient|possède|contrôle|bezit|besitzt|kontrolliert)\s+"
    r"(?:(?:the|la|le|l['’]|de|het|die|den|das)\s+)?(?:[a-zà-ÿ][\w'’-]*\s+){0,3}?"
)
_NAMED_UNIT_AFTER = re.compile(
    rf"\s*,\s*(?:the|la|le|de|het|die|der)\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_UNIT_NOUNS}(?![\w-])"
)
_VEHICLE_BEFORE = re.compile(
    r"(?<![\w-])(?:Zweckgesellschaft|vehicle|\w*vehikel|véhicule(?:\s+d['’](?:investissement|acquisition))?|"
    r"special[- ]purpose\s+vehicle)\s+$",
    re.IGNORECASE,
)
_AND_ITS = re.compile(r"\s*,?\s+(?:and|et|en|und|with|avec|met|mit)\s+")

# "Grand Chip Investment, which is owned by ...", "Volvo Cars, which is majority-owned by China's Geely"
# and with a description between: "Syngenta, the Swiss-based agrochemicals business owned by ChemChina"
_OWNED_BY_PARENT = re.compile(
    # the rest of a longer form of the name may come first: "Syngenta Crop Protection, ..."
    r"(?:\s+[A-Z][\w&'’-]*){0,3}"
    r"(?:(?:\s*,\s*(?:which\s+is\s+|itself\s+|is\s+|was\s+|that\s+is\s+|qui\s+est\s+|die\s+|"
    r"(?:the|a|an|la|le|une?|l['’])\s+(?:[\w'’-]+\s+){0,4}?(?:business|company|firm|group|maker|unit|"
    r"société|groupe|entreprise|fabricant)\s+)?"
    # or said outright: "Silverpeak is majority-owned by", "X est détenue par"
    r"|\s+(?:is|was|has\s+been|est|était)\s+(?:(?:now|still|also|ultimately|indirectly|partly)\s+)?)"
    r"(?:(?:majority|wholly|fully|partly|partially|largely|jointly|indirectly|ultimately)[- ])?"
    r"(?:owned|controlled|détenue?|contrôlée?)\s+(?:by|par)\s+"
    # "Photonis appartient au fonds Ardian", "X has belonged to", "Kuka gehört dem Konzern Midea",
    # "Nexperia is sinds 2019 in handen van"
    r"|\s*,?\s+(?:(?:is|was|has|had|now|still|also|ultimately|(?:since|depuis|seit|sinds)\s+\d{4})\s+)*"
    # "Yamal LNG is voor 50,1 procent in handen van het Russische gasbedrijf Novatek": a majority
    r"(?:(?:voor|for|zu|à|pour)\s+(?:rund\s+|about\s+)?(?:[5-9]\d|100)(?:[,.]\d+)?\s*"
    r"(?:procent|percent|per\s+cent|%|Prozent|pour\s+cent)\s+)?"
    r"(?:belongs\s+to|belonged\s+to|appartient\s+(?:à|au|aux)|appartenait\s+(?:à|au|aux)|gehört(?:\s+zu)?|"
    r"gehörte(?:\s+zu)?|in\s+handen\s+van|eigendom\s+van|behoort\s+tot)\s+)"
    r"(?:(?:the|la|le|l['’]|dem|der|zum|zur|het|de)\s*)?"
    # "owned by China's state-run ChemChina"
    r"(?:[A-Z][\w-]+['’]s\s+)?(?:state-(?:run|owned|controlled)\s+)?"
)
# every match of _OWNED_BY_PARENT holds one of these (a text with none is not searched)
_OWNED_BY_PARENT_WORDS = (
    *("owned", "controlled", "détenu", "contrôlé", "gehört", "behoort", "belong", "appart", "handen", "eigendom"),
)


def _company_relations(doc: _Doc, companies: list[_Company]) -> None:
    text, rules = doc.text, doc.rules
    by_name = {c.name: c for c in companies}

    def link(child: _Company, parent: _Company, sent: Sentence, inherit: bool) -> None:
        if child is parent or child.parent or _ancestor(parent, child, by_name):
            return
        child.parent = parent.name
        child.parent_evidence = span(text, sent.start, sent.end)
        child.inherit_country = inherit
        child.why.add("relation")
        parent.why.add("relation")

    previous: list[tuple[int, int, _Company]] = []

    def its_owner(child: _Company, s: int, here: list) -> _Company | None:
        # "Sa filiale X a repris les parts du danois Y": "its" points back at the firm named before
        # the unit in the sentence, else at the story's last one; not at a firm named after it
        earlier = next((oc for os, oe, oc in here if oc is not child and oe <= s), None)
        return earlier or (previous[-1][2] if previous else None)

    for sent in doc.content:
        here = _mentions_in(companies, sent.start, sent.end)
        for s, e, child in here:
            pre = text[sent.start : s]
            post = text[e : sent.end]
            # "its" points at the sentence's subject, the first other company named that is not a
            # deal's target ("Sinochem holds a stake in Pirelli through its unit X" -> Sinochem)
            others = [
                oc
                for os, oe, oc in here
                if oc is not child and not rules.deal_before.search(text[max(sent.start, os - 40) : os])
            ]
            nearest = others[0] if others else (previous[-1][2] if previous else None)
            sub = rules.owned_unit_end.search(pre)
            if sub:
                own = sub.group("own")
                owner = next(
                    (
                        oc
                        for os, oe, oc in here
                        if oc is not child
                        # "Anhui Kelan's Dutch unit": the possessor's full name ends at the 's
                        and oe == sent.start + sub.start("own") + len(re.sub(r"['’]s?$", "", own))
                    ),
                    None,
                )
                if owner is None and own.lower() in (
                    "its",
                    "sa",
                    "son",
                    "ses",
                    "zijn",
                    "haar",
                    "seine",
                    "ihre",
                    "their",
                    "leur",
                ):
                    # "Pacific Networks and its subsidiary ComNet": the company just before "and its"
                    joined = next(
                        (
                            oc
                            for os, oe, oc in here
                            if oc is not child and oe <= s and _AND_ITS.fullmatch(text, oe, sent.start + sub.start())
                        ),
                        None,
                    )
                    owner = joined or its_owner(child, s, here) or nearest
                if owner is not None:
                    link(child, owner, sent, inherit=True)
            elif rules.the_subsidiary_end.search(pre) and nearest is not None:
                # "darf die Tochter COSCO Shipping Ports nur 24,9 Prozent übernehmen": the subsidiary
                # of the company the story has just named
                link(child, nearest, sent, inherit=True)
            # "die schwedische Tochter STE Microsystems des chinesischen Konzerns Sanan"
            if rules.subsidiary_cue_end.search(pre):
                owner = next(
                    (
                        oc
                        for os, oe, oc in here
                        if oc is not child
                        and e < os <= e + 60
                        and re.fullmatch(
                            r"\s+(?:des|der|van\s+het|van|du|de\s+l['’]|of\s+the|of)\s+(?:[\w-]+\s+){0,3}", text[e:os]
                        )
                    ),
                    None,
                )
                if owner is not None:
                    link(child, owner, sent, inherit=False)
            # "Opella, its consumer health unit", "Opella, sa branche de médicaments": the unit of the
            # firm "its" points back at
            if _ITS_UNIT_AFTER.match(post):
                owner = its_owner(child, s, here)
                if owner is not None:
                    link(child, owner, sent, inherit=True)
            # "die Gazprom-Germania-Tochter Astora", "de Huawei-dochter X": the owner glued to the noun
            glued = _GLUED_OWNER_BEFORE.search(pre)
            if glued and not _FORMER_BEFORE.search(pre, 0, glued.start()):
                key = _norm_key(glued.group(1).replace("-", " "))
                owner = next(
                    (
                        oc
                        for oc in companies
                        if oc is not child and any(_norm_key(f) == key for f in oc.forms | {oc.name})
                    ),
                    None,
                )
                if owner is not None:
                    link(child, owner, sent, inherit=True)
            # "Beijing Kunlun Tech, the Chinese gaming company that owns Grindr": what the firm owns
            owns = _THAT_OWNS_AFTER.match(post)
            if owns:
                owned = next((oc for os, oe, oc in here if os == e + owns.end() and oc is not child), None)
                if owned is not None:
                    link(owned, child, sent, inherit=False)
            # "L1T FM Holdings UK, the LetterOne vehicle that owns Upp": the firm the apposition names
            # owns it (what it owns is the deal's target, a case of its own)
            m = _NAMED_UNIT_AFTER.match(post)
            if m:
                at = e + m.start("name")
                owner = next((oc for os, oe, oc in here if os == at and oc is not child), None)
                if owner is not None:
                    link(child, owner, sent, inherit=False)
            # "Über die Zweckgesellschaft Grand Chip Investment bietet FGC": the vehicle of the bidder
            if _VEHICLE_BEFORE.search(pre):
                # or the sentence's subject: "Wise Road Capital ... kondigde de overname aan via het
                # investeringsvehikel South Dearborn Limited"
                bidder = next((oc for os, oe, oc in here if oc is not child and os > e), None) or next(
                    (oc for os, oe, oc in here if oc is not child and os - sent.start < 4), None
                )
                if bidder is not None:
                    link(child, bidder, sent, inherit=True)
            # "Le fonds Ardian, propriétaire de Photonis depuis 2011", "X, the owner of Y"
            m = _OWNER_OF.match(post)
            if m:
                owned = next((oc for os, oe, oc in here if os == e + m.end() and oc is not child), None)
                if owned:
                    link(owned, child, sent, inherit=False)
            m = _OWNED_BY_PARENT.match(post)
            if m:
                at = e + m.end()
                parent = next(
                    (
                        oc
                        for os, oe, oc in here
                        if at <= os <= at + 50  # "the Chinese state-owned conglomerate Huaxin"
                        and oc is not child
                        and re.fullmatch(r"(?:[\w'’-]+\s+){0,3}", text[at:os])
                    ),
                    None,
                )
                if parent:
                    link(child, parent, sent, inherit=False)
            # "the sale of engine maker Bergen Engines by Britain's Rolls-Royce": the seller owns it
            if _SALE_OF_BEFORE.search(pre):
                by = _SOLD_BY.match(text, e)
                seller = by and next((oc for os, oe, oc in here if os == by.end() and oc is not child), None)
                if seller:
                    link(child, seller, sent, inherit=False)
            # "the sale of Rolls-Royce's Bergen Engines": the possessor sells what it owns
            seller = next(
                (
                    oc
                    for os, oe, oc in here
                    if oc is not child
                    and re.fullmatch(r"['’]s\s+", text[oe:s])
                    and _SALE_OF_BEFORE.search(text, max(sent.start, os - 60), os)
                ),
                None,
            )
            if seller is not None:
                link(child, seller, sent, inherit=False)
            # the parent, and the subsidiary word before it, of a list the child stands in
            listed_under = next(
                (
                    (oc, head)
                    for os, oe, oc in here
                    if oc is not child
                    and oe <= s
                    and _LISTED_AFTER.fullmatch(text, oe, s)
                    and (head := _SUBSIDIARIES_OF_BEFORE.search(text, max(sent.start, os - 80), os))
                ),
                None,
            )
            if listed_under is not None:
                lister, head = listed_under
                link(child, lister, sent, inherit=False)
                # "les deux filiales françaises de Velan": the subsidiaries' own nationality
                adjectives = [h for h in doc.countries_in(head.start(), head.end()) if h.kind == "adjective"]
                if adjectives and not child.country:
                    child.country = adjectives[0].key
            m = _SUBSIDIARY_OF.match(post)
            whose = None if m else _WHOSE_PARENT.match(post)
            if m or whose:
                at = e + (m or whose).end()
                parent = next(
                    (
                        oc
                        for os, oe, oc in here
                        if at <= os <= at + 60
                        and oc is not child
                        # "part of the Ostrava investment group, to sell Netlink": no firm is named there
                        and (m or _FEW_WORDS.fullmatch(text, at, os))
                    ),
                    None,
                )
                if parent:
                    link(child, parent, sent, inherit=True)
            m = rules.parent_apposition.match(post)
            if m:
                own = (m.group("own") or "").strip()
                sub_co = next((oc for os, oe, oc in here if oc is not child and own.startswith(text[os:oe])), None)
                if sub_co is None:
                    sub_co = _main_other(companies, child)
                if sub_co is not None:
                    link(sub_co, child, sent, inherit=False)
            m = rules.parent_cue_end.search(pre)
            if m:
                owner_m = re.search(r"([\w'’]+)\s+(?:[\w-]+\s+){0,2}?$", pre[: m.start()])
                sub_co = None
                if owner_m:
                    own = owner_m.group(1).rstrip("'’s").rstrip("'’")
                    sub_co = next((oc for os, oe, oc in here if oc is not child and text[os:oe] == own), None)
                sub_co = sub_co or _main_other(companies, child)
                if sub_co is not None:
                    link(sub_co, child, sent, inherit=False)
        for m in re.finditer(
            r"(?P<verb>holds?|owns?|took|takes|acquired|has|bought|controls?|now\s+owns)\s+(?:a\s+|an\s+|about\s+|some\s+|around\s+|already\s+)?"
            r"(?P<n>\d+(?:[.,]\d+)?)\s*(?:%|percent|per\s+cent|pour\s+cent|procent|Prozent)\s+(?:stake\s+|holding\s+|share\s+)?(?:in|of)\s+",
            text[sent.start : sent.end],
        ):
            if float(m.group("n").replace(",", ".")) <= 50:
                continue
            at = sent.start + m.end()
            child = next((c for s, e, c in here if s == at), None)
            owner_before = [c for s, e, c in here if s < sent.start + m.start()]
            if child and owner_before:
                link(child, owner_before[-1], sent, inherit=False)
        previous.extend(here)
    for co in companies:
        parent = next((c for c in companies if c is not co and co.subsidiary_of in c.forms | {c.name}), None)
        if parent is not None and not co.parent and not _ancestor(parent, co, by_name):
            co.parent = parent.name
            co.inherit_country = False  # "Nuctech Netherlands" is Dutch, its parent Chinese
            co.why.add("relation")
            parent.why.add("relation")
    # ownership the gazetteer already knows; a parent the story leaves out gives way to the nearest
    # owner above it that the story names (COSCO Shipping Ports -> China COSCO Shipping)
    rows_by_name: dict[str, dict] = {}

    def named(co: _Company, parent_name: str) -> _Company | None:
        return next(
            (
                p
                for p in companies
                if p is not co
                and (
                    p.name == parent_name
                    or parent_name in p.forms
                    or (p.gaz_index is not None and doc.gaz.companies[p.gaz_index]["name"] == parent_name)
                )
            ),
            None,
        )

    for co in companies:
        if co.gaz_index is not None and not co.parent:
            parent_name = doc.gaz.companies[co.gaz_index].get("parent")
            parent = None
            for _ in range(4):
                parent = named(co, parent_name) if parent_name else None
                if parent or not parent_name:
                    break
                rows_by_name = rows_by_name or {r["name"]: r for r in doc.gaz.companies}
                parent_name = (rows_by_name.get(parent_name) or {}).get("parent")
            # "Biden blocked Nippon Steel's takeover of U.S. Steel": the story is about the deal that
            # made (or would make) the owner the gazetteer knows, so the link is not yet a fact of it
            if parent and not _ancestor(parent, co, by_name) and not _takeover_told(doc, parent, co):
                co.parent = parent.name
                co.inherit_country = True
                if _is_party(doc, co):
                    parent.why.add("relation")  # a party's owner, named in the story, is a party too


_TAKEOVER_BETWEEN = re.compile(
    r"(?:['’]s?\s+(?:[\w$.,-]+\s+){0,5}?(?:takeover|acquisition|purchase|bid|buyout|offer)\s+(?:of|for)|"
    r"\s+(?:[\w-]+\s+){0,4}?to\s+(?:buy|acquire|take\s+over)|"
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:Übernahme|rachat|overname)\s+(?:von|de|du|d['’]|van))\s+"
    r"(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


# a deal not (or not yet) done: "the proposed acquisition", "blocked the takeover", "its bid for"
_DEAL_NOT_DONE = re.compile(
    r"(?<![\w-])(?:proposed|planned|pending|attempted|blocked|block|blocks|vetoed|rejected|prohibited|bid|offer|"
    r"would|wants|plans|seeks|sought|geplante\w*|untersagt\w*|verboten|projet\w*|bloqué\w*|voorgenomen|geblokkeerd)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _takeover_told(doc: _Doc, parent: _Company, co: _Company) -> bool:
    """Whether a sentence tells `parent` taking over `co` in a deal not (yet) done ("Nippon Steel Corp.'s
    proposed $14.9 billion acquisition of Pittsburgh-based United States Steel Corp."); "Wingtech
    acquired Nexperia in 2019" is the ownership itself."""
    for _ps, pe in parent.mentions:
        for cs, _ce in co.mentions:
            if pe < cs <= pe + 160 and _TAKEOVER_BETWEEN.fullmatch(doc.text, pe, cs):
                sent = doc.sentence_at(cs)
                if sent and _DEAL_NOT_DONE.search(doc.text, sent.start, sent.end):
                    return True
    return False


_OWNER_PHRASE = re.compile(
    r"(?:\bby|\bpar|\bdoor|\bvon|\bvan|\bzu|\bthrough|\bintermédiaire\s+d\w*)\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+|die\s+|der\s+)?$",
    re.IGNORECASE,
)


_SHARE_OF = re.compile(
    r"\d\s*(?:%|percent|per\s+cent|pour\s+cent|procent|Prozent)\s+(?:stake\s+)?(?:of|in|de|van|an)\s+(?:the\s+)?$"
)


# "to limit the influence of Chinese state-owned group Sinochem over Pirelli": the firm held
_INFLUENCE_OVER = re.compile(
    r"(?<![\w-])(?:influence|control|grip|sway|Einfluss|Kontrolle|invloed|zeggenschap|contrôle)\s+"
    r"(?:(?:of|von|des|der|van|de|du)\s+[^.;]{0,80}?\s+)?(?:over|on|auf|über|op|sur)\s+(?:the\s+|die\s+|het\s+|de\s+|le\s+|la\s+)?(?:[a-z][\w-]*\s+)?$"
)


_DEAL_COMPOUND_AFTER = re.compile(r"-(?:Übernahme|Verkauf|Deal|overname|verkoop|deal|takeover|buyout)\b")
# the bidder between the bid and its target: "a $13bn bid by a Hong Kong consortium for APA Group",
# "das Angebot des Konzerns X für Y", "l'offre de X sur Y", "het bod van X op Y"
_BID_BY_FOR = re.compile(
    r"(?<![\w-])(?:bid|offer|approach|Angebot|Übernahmeangebot|offre|bod|overnamebod)\s+(?:by|from|des|der|von|de|d['’]|du|van)\s*"
    r"[^.;:]{1,60}?\s(?:for|für|sur|pour|op)\s+(?:the\s+|die\s+|den\s+|la\s+|le\s+|l['’]|het\s+|de\s+)?$",
    re.IGNORECASE,
)


def _compound_target_in(title: str, form: str) -> bool:
    """The headline glues the name to a deal noun: "Aixtron-Übernahme". A plain string search: a
    pattern per name would evict the regex cache."""
    at = title.find(form + "-")
    while at != -1:
        if (at == 0 or not (title[at - 1].isalnum() or title[at - 1] == "-")) and _DEAL_COMPOUND_AFTER.match(
            title, at + len(form)
        ):
            return True
        at = title.find(form + "-", at + 1)
    return False


def deal_targets(doc: _Doc, companies: list[_Company]) -> set[str]:
    """Companies a deal is made for ("stake in X", "la cession de X", "den Erwerb des Unternehmens
    X"), not those that own or make it ("owned by X")."""
    found = set()
    for co in companies:
        # "Obama stoppt Aixtron-Übernahme": the headline's compound names the target
        if any(_compound_target_in(doc.title, f) for f in co.forms):
            found.add(co.name)
        for s, e in co.mentions:
            sent = doc.sentence_at(s)
            if sent is None:
                continue
            pre = doc.text[max(sent.start, s - 60) : s]
            pre = _COMPOUND_CUE_BEFORE.sub("", pre) if compound_cue_before(pre) else pre
            deal = doc.rules.deal_before.search(pre) and not _OWNER_PHRASE.search(pre)
            if (
                deal
                or _SHARE_OF.search(pre)
                or _BID_BY_FOR.search(doc.text, max(sent.start, s - 90), s)
                or _INFLUENCE_OVER.search(doc.text, max(sent.start, s - 120), s)
                or _DEAL_COMPOUND_AFTER.match(doc.text, e)  # "die Aixtron-Übernahme"
            ):
                found.add(co.name)
    return found


# the seller of a deal: "stopped Rolls-Royce from selling", "Elmos wollte seine Fertigung verkaufen"
_SELLS_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:has|had|have|also)\s+)?(?:agreed\s+to\s+sell|(?:wanted|planned|sought)\s+to\s+sell|from\s+selling|"
    r"sold|sells|is\s+selling|was\s+selling|a\s+vendu|a\s+cédé|vendait|verkaufte|verkocht|verkoopt|wollte\s+(?:[\w-]+\s+){1,4}"
    r"verkaufen)(?![\w-])",
    re.IGNORECASE,
)


def deal_sellers(doc: _Doc, companies: list[_Company]) -> set[str]:
    """Companies the story has selling what a deal is for; their case is the buyer's."""
    return {co.name for co in companies for _s, e in co.mentions if _SELLS_AFTER.match(doc.text, e)}


# the bidder named after its bid: "the £600m bid by RedBird IMI", "le rachat par X", "die Übernahme durch X"
_DEAL_BY_BEFORE = re.compile(
    r"(?<![\w-])(?:bid|offer|takeover|acquisition|purchase|buyout|approach|rachat|offre|overname|bod|Übernahme|"
    r"Angebot|Kauf|Erwerb)\s+(?:[^\s.;]+\s+){0,4}?(?:by|from|par|door|durch)\s+(?:the\s+|la\s+|le\s+|de\s+|die\s+|den\s+)?$"
    # "das Übernahmeangebot von FGC": an offer "von" someone is theirs (a takeover "von" X is of X)
    r"|(?<![\w-])(?:Übernahme|Kauf)?angebots?\s+(?:[^\s.;]+\s+){0,3}?von\s+(?:der\s+|dem\s+|den\s+)?$"
    # "A consortium led by China's Shanghai Pengxin Group was the preferred bidder": the bidders' leader
    r"|(?<![\w-])(?:consortium|consortia|bidding\s+group|investor\s+group|group\s+of\s+investors|consortium\s+\w+)\s+"
    r"(?:led|headed|fronted)\s+by\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$"
    r"|(?<![\w-])(?:consortium|Konsortium|consortium)\s+(?:mené|emmené|conduit|geleid|angeführt|geführt)\s+"
    r"(?:par|door|von)\s+(?:le\s+|la\s+|l['’]|het\s+|de\s+|dem\s+|der\s+)?$",
    re.IGNORECASE,
)
# every match of _DEAL_BY_BEFORE holds one of these in some case
_DEAL_BY_WORDS = (
    *("bid", "offer", "takeover", "acquisition", "purchase", "buyout", "approach", "rachat", "offre", "overname"),
    *("bod", "übernahme", "angebot", "kauf", "erwerb", "investor", "consorti", "konsortium"),
)
# the buyer a sale goes to: "agreed to sell its engine unit to TMH Group", "le Verkauf ... an Silex"
_SOLD_TO_BEFORE = re.compile(
    r"(?<![\w-])(?:sell|sells|sold|selling|sale\s+of|verkauf\w*|Verkauf|vente|vendre|cession|céder|verkoop|verkopen)"
    # what is sold is a business: a name, or a unit or a stake ("sells its ore to" is trade, no deal)
    r"\s+(?:(?:its|their|the|a|an|his|her|seine\w*|ihre\w*|die|den|das|des|der|sa|son|ses|la|le|les|de|du|zijn|haar|het)\s+)?"
    r"(?:(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,4}|(?:[\w'’-]+\s+){0,3}(?:unit|business|subsidiary|"
    r"division|stake|shares|company|firm|maker|operator|Tochter\w*|Sparte|Anteile|Beteiligung|Firma|Unternehmen|"
    r"filiale|participation|activités|belang|dochter\w*|bedrijf)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,4})"
    r"[^.;]{0,40}?\s(?:to|an|à|aan)\s+(?:the\s+|die\s+|den\s+|le\s+|la\s+|l['’]|de\s+|het\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# every match of _SOLD_TO_BEFORE holds one of these in some case
_SOLD_TO_WORDS = ("sell", "sold", "sale", "verkauf", "vente", "vendre", "cession", "céder", "verkoop", "verkopen")


def deal_buyers(doc: _Doc, companies: list[_Company]) -> list[str]:
    """Companies the story names as the buyer in a sale, in the order it names them."""
    found = []
    for co in companies:
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            if (
                sent
                and (
                    (doc.may_hold((), _SOLD_TO_WORDS) and _SOLD_TO_BEFORE.search(doc.text, max(sent.start, s - 140), s))
                    # "the bid by X"
                    or (
                        doc.may_hold((), _DEAL_BY_WORDS)
                        and _DEAL_BY_BEFORE.search(doc.text, max(sent.start, s - 60), s)
                    )
                )
                and co.name not in found
            ):
                found.append(co.name)
    return found


def _ancestor(candidate: _Company, of: _Company, by_name: dict[str, _Company]) -> bool:
    """True when `of` is already above `candidate` (a link would make a cycle)."""
    seen = set()
    cur = candidate
    while cur.parent and cur.parent not in seen:
        seen.add(cur.parent)
        if cur.parent == of.name:
            return True
        cur = by_name.get(cur.parent) or cur
        if cur.name in seen:
            break
    return False


def _main_other(companies: list[_Company], exclude: _Company) -> _Company | None:
    others = [c for c in companies if c is not exclude]
    return max(others, key=lambda c: len(c.mentions)) if others else None


def _describes_another(doc: _Doc, main: _Company, companies: list[_Company], at: int) -> bool:
    """ "Skyrizon, the Chinese company that tried to take control of Motor Sich": the phrase is
    another firm's apposition, or the main company comes later in its sentence as someone else."""
    sent = doc.sentence_at(at)
    if sent is None:
        return False
    if any(at < s < sent.end for s, _e in main.mentions):
        return True
    # the phrase opens on ", the": where its article starts, after the comma
    phrase = doc.text.rfind(",", max(sent.start, at - 8), at)
    return (
        phrase != -1
        and bool(_APPOSITION_ARTICLE.fullmatch(doc.text, phrase, at))
        and any(o is not main and any(sent.start <= s < at for s, _e in o.mentions) for o in companies)
    )


def _bracketed_seat(doc: _Doc, inside: str) -> str | None:
    """The country a bracket in a firm's name gives: a place ("(Shanghai)") or an ISO code ("(HK)", "(UK)")."""
    if re.fullmatch(r"[A-Z]{2}", inside):
        code = "GB" if inside == "UK" else inside
        return code if code in doc.gaz.countries else None
    return _place_code(doc, inside)


def _company_countries(doc: _Doc, companies: list[_Company]) -> None:
    text, _rules = doc.text, doc.rules
    for co in companies:
        toks = _tokens(co.name)
        # "Hikvision Canada, filiale du fabricant chinois ...": a subsidiary named for its country
        last, head = toks[-1], " ".join(toks[:-1])
        if (
            head
            and co.parent
            and co.gaz_index is None
            and last in doc.gaz.countries.get(doc.gaz.country_names.get(last, ""), {}).get("names", [])
        ):
            co.country = doc.gaz.country_names[last]
        # "Image Frame Investment (HK) Ltd.", "Huawei Technologies (UK) Co.": the seat the name
        # itself gives, before any guess from the parent or the sentence
        paren = re.search(r"\(([^)]+)\)", co.name)
        if paren and (code := _bracketed_seat(doc, paren.group(1))):
            co.country = code
            continue
        if co.country:
            continue
        first = toks[0]
        if first in doc.gaz.country_names and first in doc.gaz.countries.get(doc.gaz.country_names[first], {}).get(
            "names", []
        ):
            co.country = doc.gaz.country_names[first]
            continue
        # "Lithuanian Airports", "Deutsche Telekom", "Swiss Re": a nationality opens the name
        if (
            len(toks) > 1
            and first[:1].isupper()
            and toks[1] not in SEA_WORDS  # "Indian Ocean International Shipping": a sea, no nationality
            and (code := doc.gaz.adjectives.get(first.lower()))
        ):
            co.country = code
            continue
        # "Hong Kong Aolong Holdings", "Saudi Arabian Mining": a two-word country or territory opens the name
        if len(toks) > 2 and doc.gaz.country_code(" ".join(toks[:2])):
            co.country = doc.gaz.country_code(" ".join(toks[:2]))
            continue
        # "Jiangsu Hengrui Medicine", "Ningbo Joyson Electronic": a province or a big city opens the name
        city = doc.gaz.city(first) if len(toks) > 1 else None
        if len(toks) > 1 and (doc.gaz.region_code(first) or (city and city[3] >= 1_000_000)):
            co.country = doc.gaz.region_code(first) or city[0]
            continue
        # "Hamburger Hafen und Logistik AG", "Münchener Rück": a German town's adjective opens the name
        town = _german_town_adjective(doc, first) if doc.language == "de" and " " in co.name else None
        if town:
            co.country = town[0]
            continue
        # a national subsidiary of another company in the story: "Nuctech Netherlands" ("Lithium
        # Chile" alone is only a name)
        if (
            head
            and last in doc.gaz.countries.get(doc.gaz.country_names.get(last, ""), {}).get("names", [])
            and any(o is not co and head in o.forms | {o.name} for o in companies)
        ):
            co.country = doc.gaz.country_names[last]
            continue
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            if not sent:
                continue
            _why, country = _company_evidence(doc, sent, s, _e)
            if country:
                co.country = country
                break
    # "the Chinese company" / "le groupe chinois" points back at the story's main company
    ranked = sorted(companies, key=lambda c: len(c.mentions), reverse=True)
    main = ranked[0] if ranked else None
    if main and len(ranked) > 1 and len(ranked[1].mentions) * 2 > len(main.mentions):
        main = None  # no company dominates the story, so "the Chinese company" is ambiguous
    if main and not main.country:
        # "the Russian group" means the company already known to be Russian, when there is one
        known = {o.country for o in companies if o is not main and o.country}
        for hit in doc.country_hits:
            if not doc.in_content(hit.start) or hit.key in known:
                continue
            points_back = (
                re.search(r"\b[Tt]he\s+$", text[max(0, hit.start - 5) : hit.start])
                and re.match(
                    r"\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|giant|app|operator)\b", text[hit.end : hit.end + 40]
                )
            ) or re.search(
                r"\b(?:le|la)\s+(?:groupe|société|entreprise|géant)\s+$", text[max(0, hit.start - 20) : hit.start]
            )
            if points_back and not _describes_another(doc, main, companies, hit.start):
                main.country = hit.key
                break
    _unnamed_buyer_country(doc, companies)
    by_name = {c.name: c for c in companies}
    for co in companies:
        if not co.country and co.inherit_country and co.parent in by_name:
            co.country = by_name[co.parent].country


_UNIT_OF_WORDS = re.compile(
    r"\b(?:subsidiary|unit|arm|division|affiliate|filiale|branche|dochter\w*|tochter\w*)\s+(?:of|de|du|des|van|von|der)\b",
    re.IGNORECASE,
)


def _german_town_adjective(doc: _Doc, word: str) -> tuple | None:
    """The city behind "Hamburger", "Bremer", "Münchner", "Kölner"."""
    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er", word):
        return None
    base = word[:-2]
    for cand in (base, base + "en", base + "n", word[:-3] + "en"):
        place = doc.gaz.city(cand)
        if place:
            return place
    return None


_BUYER_WORD = re.compile(
    r"\s+(?:investors?|buyers?|bidders?|acquirers?|Investors?|Käufers?|Bieters?|Erwerbers?|investisseurs?|"
    r"acquéreurs?|repreneurs?|acheteurs?|investeerders?|kopers?|overnemers?|bieders?)(?![\w-])"
)


_BASED_UNNAMED = re.compile(
    r"-based\s+(?:[a-z][\w-]*\s+){0,2}(?:company|firm|group|conglomerate|investor|buyer|bidder)(?![\w-])(?!,?\s+[A-Z])"
)


_SELL_WORD = re.compile(r"sell|sold|sale|verkauf|verkoop|verkocht|vend|vente|cède|céd|cession|veräußer", re.IGNORECASE)


def _unnamed_buyer_country(doc: _Doc, companies: list[_Company]) -> None:
    """'durch einen chinesischen Investor ... zog die Yantai Taihai Group ihr Angebot zurück': the
    buyer the story names by nationality only is its one bidder whose origin is otherwise unsaid."""
    text = doc.text
    codes = {
        hit.key
        for hit in doc.country_hits
        if doc.in_content(hit.start)
        and (
            (hit.kind == "adjective" and _BUYER_WORD.match(text, hit.end))
            # "a Hong Kong-based mining company", with no name after it
            or _BASED_UNNAMED.match(text, hit.end)
        )
    }
    if len(codes) != 1:
        return
    bidders = []
    for co in companies:
        if co.country:
            continue
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            # the bidder comes before its bid ("X zog ihr Angebot zurück"); a deal named first
            # ("die Übernahme des Maschinenbauers X") makes X the target
            deal = doc.rules.deal_words.search(text, s, sent.end) if sent else None
            if (
                deal
                and not doc.rules.deal_words.search(text, sent.start, s)
                # "Kuka hatte zugesagt, sein US-Geschäft zu verkaufen": a seller, no bidder
                and not _SELL_WORD.match(deal.group(0))
            ):
                bidders.append(co)
                break
    if len(bidders) == 1:
        bidders[0].country = codes.pop()
        bidders[0].subject_score += 3  # the bidder the story is about, named once or not


# a firm's part in a project beyond a deal: an interest, a tender, a contract, a lease, a concession
_PART_WORDS = re.compile(
    r"(?<![\w-])(?:(?:shown|showed|shows|expressed)\s+interest|tender(?:s|ed)?|contracts?|concessions?|leased?|"
    r"invest(?:s|ed)?\s+in|intérêt\s+pour|appels?\s+d['’]offres|contrats?|belangstelling|aanbesteding(?:en)?|"
    r"concessies?|Interesse\s+an|Ausschreibung(?:en)?|Auftrag|Aufträge|Konzession(?:en)?|Pachtvertrag)(?![\w-])",
    re.IGNORECASE,
)


# someone the story calls by an honorific or a calling: "Mr Deripaska", "l'homme d'affaires russe X"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Mme|Mlle|Herr|Frau|dhr|mevrouw|meneer)\.?"
_CALLING_BEFORE = re.compile(
    r"(?<![\w-])(?:businessman|businesswoman|tycoon|oligarch|billionaire|magnate|founder|co-?founder|"
    r"homme\s+d['’]affaires|femme\s+d['’]affaires|milliardaire|oligarque|fondateur|cofondateur|"
    r"zakenman|zakenvrouw|miljardair|oligarch|oprichter|Geschäftsmann|Geschäftsfrau|Unternehmer|Milliardär|"
    r"Oligarch|Gründer)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# "Its chief executive, Jon Arne Røv, told NRK": a person's role set off before the name
_ROLE_COMMA_BEFORE = re.compile(
    r"(?<![\w-])(?:chief\s+executive(?:\s+officer)?|CEO|chair(?:man|woman|person)?|president|founder|"
    r"director(?:-general)?|managing\s+director|spokes(?:man|woman|person)|mayor|head|directeur\s+général|"
    r"président|fondateur|porte-parole|maire|topman|topvrouw|directeur|voorzitter|oprichter|woordvoerder|"
    r"burgemeester|Chef|Vorstandschef|Geschäftsführer|Gründer|Sprecher(?:in)?|Bürgermeister(?:in)?),\s+$",
    re.IGNORECASE,
)
# English "who" is said of people only (a firm is "which"); the name may head a pair of people
_WHO_AFTER = re.compile(r"(?:\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?,?\s+(?:who|whom)\b")
_HONORIFIC_BEFORE = re.compile(rf"(?<![\w-]){_HONORIFIC}\s+$")
_NATIONAL_NOUN_BEFORE = re.compile(r"(?<![\w-])(?:le|la|du|au|l['’])\s*([A-ZÉ][a-zéèëï]+)\s+$")


def _named_person(doc: _Doc, name: str) -> bool:
    """Two or three plain words, no legal form, and the last one after an honorific somewhere,
    or the name right after a person's calling."""
    toks = name.split()
    if not 2 <= len(toks) <= 3 or LEGAL_FORM_END.search(name) or not all(t[:1].isupper() for t in toks):
        return False
    if not all(t[1:].islower() or "-" in t for t in toks):
        return False
    text = doc.text
    if any(_HONORIFIC_BEFORE.search(text, max(0, at - 20), at) for at, _ in name_spans(text, toks[-1])):
        return True
    for at, end in name_spans(text, name):
        if _CALLING_BEFORE.search(text, max(0, at - 50), at) or _ROLE_COMMA_BEFORE.search(text, max(0, at - 40), at):
            return True
        if _WHO_AFTER.match(text, end):
            return True  # "owned by Dawei Duan and Jialiang Wu, who are also executives of Sany"
        # "par le Suédois Torbjörn Törnqvist": a French nationality noun, capitalised, is a person
        noun = _NATIONAL_NOUN_BEFORE.search(text, max(0, at - 30), at)
        if noun and doc.language == "fr" and noun.group(1).lower() in doc.gaz.adjectives:
            return True
    return False


def _in_brackets(text: str, at: int) -> bool:
    """Whether `at` lies inside a bracketed aside of its line."""
    opened = text.rfind("(", max(0, at - 200), at)
    if opened == -1 or text.find(")", opened, at) != -1 or "\n" in text[opened:at]:
        return False
    closed = text.find(")", at, at + 200)
    return closed != -1 and "\n" not in text[at:closed]


# the reasons that give a firm a part in the story (not only a name that looks like one)
_PART_REASONS = frozenset(
    {"cue", "appositive", "deal", "divest", "list", "owner", "relation", "product", "site", "title", "measure"}
)


def _is_party(doc: _Doc, co: _Company) -> bool:
    """Companies with a part in the story; a gazetteer name dropped once in passing is not."""
    strong = co.why & _PART_REASONS
    # "competes with companies such as X and Y" (a rival's owner is no tie either: "rivals such as
    # Shopee, which is owned by Sea Ltd."); but a firm the story names again and again is its
    # subject, whatever one mention ("volgens Kaspersky") says
    if "passing" in co.why and not (strong - {"cue", "list", "owner", "relation"}) and len(co.mentions) < 4:
        return False
    if co.gaz_index is not None and co.mentions and all(_employer_mention(doc.text, s, e) for s, e in co.mentions):
        return False  # "James Lu, a former executive at Chinese search giant Baidu": someone's employer
    if co.mentions and all(_FORMER_ROLE_BEFORE.search(doc.text, max(0, s - 80), s) for s, _e in co.mentions):
        return False  # "Hatem Dowidar, a former chief executive of Vodafone Egypt": someone's past employer
    if co.gaz_index is None and _named_person(doc, co.name):
        return False  # "its main shareholder, Oleg Deripaska", later "Mr Deripaska": a person
    if strong:
        return True
    if co.mentions and all(_in_brackets(doc.text, s) for s, _e in co.mentions):
        return False  # "dans les télécoms (Monaco Telecom ; Salt en Suisse ; Proximus en Belgique)": an aside
    if len(co.mentions) >= 2:
        return True
    for s, _e in co.mentions:
        sent = doc.sentence_at(s)
        if doc.names_danger_or_measure(sent):
            return True
        if sent and doc.rules.deal_words.search(doc.text, sent.start, sent.end):
            return True
        if sent and _PART_WORDS.search(doc.text, sent.start, sent.end):
            return True
        if sent and any(h.kind == "agency" and sent.start <= h.start < sent.end for h in doc.entity_hits):
            return True
    return False


# someone's employer: "a former executive at search giant X", "a former X engineer"
# the firm someone works or worked for, after the role: "at search giant X", "de l'entreprise X"
_EMPLOYER_OF = (
    r"\s+(?:at|of|with|for|chez|de|du|bij|van|bei|von)\s+"
    r"(?:the\s+|le\s+|la\s+|l['’]|het\s+|de\s+|der\s+|dem\s+)?(?:[\w-]+\s+){0,3}$"
)
_EMPLOYER_BEFORE = re.compile(
    r"(?<![\w-])(?:executives?|employees?|engineers?|managers?|directors?|staffers?|workers?|officials?|"
    r"cadres?|dirigeants?|employés?|ingénieurs?|medewerkers?|werknemers?|Mitarbeiter(?:in|innen)?|Ingenieur(?:e|in)?)"
    + _EMPLOYER_OF
)
# someone's past post: "a former chief executive of X", "l'ancien patron de X", "der frühere Chef von X"
_FORMER_ROLE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:former|onetime|one-time|ancien(?:ne)?|ex|voormalige?|ehemalige[rnm]?|frühere[rnm]?)\s+|(?:ex|oud)-)"
    r"(?:[a-z-]+\s+){0,2}(?:chief\s+executive|chief\s+\w+\s+officer|executive|CEO|chairman|chairwoman|chair|president|"
    r"head|boss|director|manager|employee|engineer|official|adviser|advisor|partner|directeur|directrice|président(?:e)?|"
    r"patron(?:ne)?|dirigeant(?:e)?|PDG|topman|topvrouw|baas|bestuursvoorzitter|Chef(?:in)?|Vorstandschef(?:in)?|"
    r"Manager(?:in)?|Mitarbeiter(?:in)?|Geschäftsführer(?:in)?)" + _EMPLOYER_OF
)
_EMPLOYEE_AFTER = re.compile(r"['’]?s?\s+(?:executives?|employees?|engineers?|managers?|staffers?|workers?)\b")


def _employer_mention(text: str, s: int, e: int) -> bool:
    return bool(
        _EMPLOYER_BEFORE.search(text, max(0, s - 70), s)
        or (re.search(r"\bformer\s+$", text[max(0, s - 8) : s]) and _EMPLOYEE_AFTER.match(text, e))
    )


_STATE_OWNED = re.compile(
    r"state[- ](?:owned|backed|controlled|run)|government[- ](?:owned|backed|controlled)|staatseigen\w*|staatsbedrijf|"
    r"staatliche\w*|Staats(?:konzern|reederei|unternehmen|bank|fonds)|contrôlée?\s+par\s+l['’]État|public\s+chinois|"
    r"d['’]État|controlled\s+by\s+the\s+(?:\w+\s+)?state",
    re.IGNORECASE,
)


def _said_state_owned(doc: _Doc, co: _Company) -> bool:
    """'the state-owned group', 'der chinesischen Staatsreederei Cosco', 'controlled by the Chinese state'."""
    for s, e in co.mentions:
        if _STATE_OWNED.search(doc.text, max(0, s - 45), s) or _STATE_OWNED.search(doc.text, e, e + 80):
            return True
    return False


def _found_companies(companies: list[_Company], doc: _Doc) -> list[FoundCompany]:
    found = []
    for co in companies:
        evidence = []
        for s, _e in co.mentions:
            sent = doc.sentence_at(s)
            if sent:
                sp = span(doc.text, sent.start, sent.end)
                if sp not in evidence:
                    evidence.append(sp)
        aliases = sorted(f for f in co.forms if f != co.name)
        if co.gaz_index is not None:
            canonical = doc.gaz.companies[co.gaz_index]["name"]
            if canonical != co.name and canonical not in aliases:
                aliases.append(canonical)
        found.append(
            FoundCompany(
                name=co.name,
                aliases=aliases,
                country=co.country,
                parent=co.parent,
                sector=co.sector,
                state_owned=co.state_owned or _said_state_owned(doc, co) or None,
                evidence=evidence,
                parent_evidence=co.parent_evidence,
            )
        )
    return found
