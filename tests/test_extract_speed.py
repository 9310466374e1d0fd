"""The extractor's shortcuts give exactly what the regexes they replace gave.

Literal name searches, prefilters on words a pattern needs, alternations grouped by first
character and the per-text caches are checked against the plain regex (or a fresh run) on
texts written for these tests.
"""

from __future__ import annotations

import re
import sys

import pytest

from tests.extract_helpers import run
from tracker.ingest import extract, extract_base, extract_bodies, extract_companies
from tracker.ingest.extract_base import _alternation, _cap_phrases, _Doc, _is_word_char, _rules, name_spans
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.textparts import split_sentences

SAFE = "".join(chr(c) for c in range(sys.maxunicode + 1) if extract_base._LOWER_IS_EXACT.fullmatch(chr(c)))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(
        companies=[{"name": "Velmora Ports", "aliases": [], "country": "CN"}],
        agencies=[{"name": "Investment Screening Office", "acronym": "ISO", "country": "NL", "kind": "screening"}],
    )


def _doc(gaz: Gazetteer, text: str) -> _Doc:
    rules = _rules(gaz)
    sentences = split_sentences(text, rules.boilerplate)
    return _Doc(
        text=text,
        sentences=sentences,
        content=[s for s in sentences if s.is_content],
        entity_hits=gaz.entity_hits(text),
        place_hits=gaz.place_hits(text),
        rules=rules,
        gaz=gaz,
    )


# -- name_spans: a literal search with the regex's boundaries --------------------------------


def test_word_characters_are_those_of_backslash_w():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    assert [m.start() for m in re.finditer(r"\w", every)] == [i for i, c in enumerate(every) if _is_word_char(c)]


def test_lowered_text_matches_like_ignorecase_for_the_characters_it_is_used_on():
    assert all(len(c.lower()) == 1 for c in SAFE)
    for c in SAFE:
        by_re = {m.start() for m in re.finditer(re.escape(c), SAFE, re.IGNORECASE)}
        assert by_re == {i for i, d in enumerate(SAFE) if d.lower() == c.lower()}, repr(c)
    # the characters that `re` folds unlike str.lower() are outside it
    assert not any(extract_base._lower_is_exact(c) for c in "ſıİµ\u212a")


def _by_regex(text: str, name: str, stop_after: str = "-", possessive: bool = False, ignore_case: bool = False):
    suffix = "(?:['’]s)?" if possessive else ""
    rx = rf"(?<![\w-]){re.escape(name)}{suffix}(?![\w{re.escape(stop_after)}])"
    return [m.span() for m in re.finditer(rx, text, re.IGNORECASE if ignore_case else 0)]


TEXTS = [
    "Velmora said Velmora's unit, Velmora-Ports and AVelmora were not Velmoras; velmora VELMORA.",
    "Liège and LIÈGE and liège-Nord, Liègeois, the port of Liège’s terminal (Liège).",
    "aaa aa aaaa a-aa aa's aa’s aa'sx aa'",
    "Ørsted Øresund ørsted_x ØRSTED 2Ørsted Ørsted2 Ørsted-",
    "Straße STRASSE strasse Straẞe",
    "Kelvin ſtate state İstanbul istanbul ıstanbul",
    "Zeebrugge\nZeebrugge\n",
    "",
]
NAMES = [
    "Velmora",
    "velmora",
    "aa",
    "a",
    "Liège",
    "Ørsted",
    "Straße",
    "state",
    "Istanbul",
    "Zeebrugge",
    "'s",
    "Vel mora",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name", NAMES)
def test_name_spans_finds_what_the_regex_found(text, name):
    for stop_after in ("-", "", "'’-"):
        for possessive in (False, True):
            for ignore_case in (False, True):
                assert name_spans(
                    text, name, stop_after=stop_after, possessive=possessive, ignore_case=ignore_case
                ) == _by_regex(text, name, stop_after, possessive, ignore_case), (stop_after, possessive, ignore_case)


def test_name_spans_honours_boundaries_case_and_accents():
    text = "Liège, liège-Nord, LIÈGE and Liège’s port; XLiège Liègeois"
    assert [text[s:e] for s, e in name_spans(text, "Liège")] == ["Liège", "Liège"]  # "’s" is no word
    assert [text[s:e] for s, e in name_spans(text, "Liège", ignore_case=True)] == ["Liège", "LIÈGE", "Liège"]
    assert [text[s:e] for s, e in name_spans(text, "Liège", possessive=True)] == ["Liège", "Liège’s"]
    assert name_spans(text, "Liege", ignore_case=True) == []  # accents are not folded away


def test_an_empty_name_is_left_to_the_regex():
    assert name_spans("a b", "") == _by_regex("a b", "")


def test_bracketed_short_form_is_the_first_after_any_occurrence():
    text = "Tavira Group said. Tavira Group (TG) and Tavira Group (Tavira Holdings) agreed."
    old = re.search(
        r"Tavira\ Group\s*\(([A-Z][A-Za-z&]{1,7}|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){1,2})\)",
        text,
    )
    new = extract_companies._bracketed_after(text, "Tavira Group")
    assert new is not None and (new.group(1), new.end()) == (old.group(1), old.end())
    assert extract_companies._bracketed_after(text, "Nobody") is None
    assert extract_companies._bracketed_after(text, "") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("port of Genoa", "Genoa"),
        ("port of Genoa\n", "Genoa"),
        ("port of XGenoa", "Genoa"),
        ("port of-Genoa", "Genoa"),
        ("Genoa", "Genoa"),
        ("Genoa\n\n", "Genoa"),
        ("the Genoa terminal", "Genoa"),
        ("terminal", ""),
        ("terminal\n", ""),
        ("", ""),
    ],
)
def test_ends_with_name_is_the_regex_anchored_at_the_end(text, name):
    expected = re.search(rf"(?<![\w-]){re.escape(name)}$", text) is not None
    assert extract_bodies._ends_with_name(text, name) is expected


def test_repeated_counts_whole_words_like_the_regex():
    text = "Ghent and Ghentish Ghent; the Ghent port"
    assert extract_companies._repeated(text, "Ghent") is True
    assert extract_companies._repeated("Ghentish Ghent", "Ghent") is False


# -- alternations grouped by first character ---------------------------------------------------


def test_grouped_alternation_matches_like_the_plain_one():
    terms = ["port", "port terminal", "Port", "plant", "pilot plant", "Werk", "Werft", "Werkstatt", "p", "-hub", "hub"]
    plain = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    grouped = _alternation(terms)
    text = "the port  terminal, a pilot plant, Werkstatt and Werft; p-hub hub Port terminals portal"
    for wrap in (r"(?<![\w])({})", r"({})(?![\w-])", r"({})s?\s+(\w+)"):
        old, new = re.compile(wrap.format(plain)), re.compile(wrap.format(grouped))
        assert [(m.span(), m.groups()) for m in old.finditer(text)] == [
            (m.span(), m.groups()) for m in new.finditer(text)
        ]
    assert _alternation([]) == ""


# -- prefilters: words every match needs ------------------------------------------------------

MINISTRY_TEXT = (
    "The finance ministry and the Ministry of Defence spoke. Justice Minister Aldo Brenn agreed, the economy "
    "secretary said. Das Bundeswirtschaftsministerium prüft. Het ministerie van Economische Zaken en Klimaat "
    "en staatssecretaris Vonk van Financiën. De AIVD valt onder Binnenlandse Zaken. The MINISTRY OF TRADE. "
    "Nothing here at all. The port was sold."
)


def test_ministry_prefilter_skips_only_sentences_without_a_match(gaz):
    doc = _doc(gaz, MINISTRY_TEXT)
    found = 0
    for sent in doc.sentences:
        expected = [m.span() for m in doc.rules.ministry_re.finditer(doc.text, sent.start, sent.end)]
        assert [m.span() for m in doc.ministry_matches(sent.start, sent.end)] == expected
        found += len(expected)
    assert found >= 7


def test_ministry_matches_fall_back_to_the_regex_when_lowering_is_not_exact(gaz):
    doc = _doc(gaz, "The ſtate's finance miniſtry said so.")
    assert doc.lower is None
    expected = [m.span() for m in doc.rules.ministry_re.finditer(doc.text, 0, len(doc.text))]
    assert expected  # `re` folds "ſ" to "s"; lower() would not have
    assert [m.span() for m in doc.ministry_matches(0, len(doc.text))] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Agents were told to monitor the movements of staff.",
        "Ze probeerden de bewegingen van het personeel te volgen.",
        "Sie wollten die Bewegungen der Mitarbeiter überwachen.",
        "The government ordered the group to sell its stake.",
        "Het kabinet dwong de eigenaar de fabriek te verkopen.",
        "Die Regierung zwang den Konzern, die Anteile zu verkaufen.",
        "Le gouvernement a contraint le groupe à céder sa participation.",
        "Regulators forced the buyer, a Velmora unit, to give up the stake.",
        "The ministry asked whether the group would sell; it gives no answer.",
        "Het kabinet verplichtte Velmora om de aandelen af te stoten.",
        "Le ministère a sommé la société de se séparer du terminal.",
        "Nothing of the sort happened here.",
    ],
)
def test_whole_text_patterns_are_skipped_only_without_a_word_they_need(gaz, sentence):
    doc = _doc(gaz, sentence)
    for rx in (extract._WATCHES_MOVES, extract._ORDER_TO_SELL):
        expected = [m.span() for m in rx.finditer(sentence)]
        assert extract._hit_in(doc, rx, 0, len(sentence)) is any(e <= len(sentence) for _s, e in expected)
        if expected:
            assert extract._may_match(sentence.lower(), extract._NEEDED_WORDS[rx.pattern])


# -- per-text caches ----------------------------------------------------------------------------


def test_capitalised_runs_from_the_cache_follow_each_callers_stopwords():
    text = "The Government of Velmora Ports said Harbour Authority's plan, and Kelmar Group, Inc. agreed."
    cache: dict = {}
    for stop in ({"The"}, {"The", "Government"}, set()):
        assert _cap_phrases(text, 0, len(text), stop, cache) == _cap_phrases(text, 0, len(text), stop)
    assert list(cache) == [(0, len(text))]


def test_caches_belong_to_one_text(gaz):
    one, two = _doc(gaz, "A text."), _doc(gaz, "Another text.")
    for name in (
        *("range_matches", "body_kinds", "phrase_runs", "evidence", "category_signals"),
        *("body_cache", "match_cache"),
    ):
        assert getattr(one, name) is not getattr(two, name)


def test_a_text_extracts_the_same_after_another_one(gaz):
    # the same offsets hold different words in the two texts: nothing may carry over
    first = (
        "The finance ministry said Velmora Ports, a Chinese port operator, must sell its stake in the "
        "container terminal in Rotterdam. The Investment Screening Office (ISO) reviewed the deal."
    )
    second = (
        "The defence ministry said Kelmar Logistics, a Russian logistics group, must sell its holding in "
        "the logistics hub in Antwerp. The Investment Screening Office blocked the sale over espionage."
    )
    alone = run(gaz, second)
    run(gaz, first)
    assert run(gaz, second) == alone


def test_evidence_from_the_cache_is_a_copy(gaz):
    text = "The Chinese operator Kelmar Logistics bought the port terminal."
    doc = _doc(gaz, text)
    s = text.index("Kelmar")
    sent = doc.sentence_at(s)
    why, _country = extract_companies._company_evidence(doc, sent, s, s + len("Kelmar Logistics"))
    why.add("list")
    again, _country = extract_companies._company_evidence(doc, sent, s, s + len("Kelmar Logistics"))
    assert "list" not in again


def test_first_characters_used_as_case_insensitive_keys_keep_their_matches_apart():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    keys = [c for c in every[:0x100] if extract_base._CASE_KEYS.fullmatch(c)]
    lowers_of: dict[int, set[str]] = {}
    for key in keys:
        matched = {m.start() for m in re.finditer(re.escape(key), every, re.IGNORECASE)}
        # the lowered key, written as the group's head, matches what the key itself matched
        assert matched == {m.start() for m in re.finditer(re.escape(key.lower()), every, re.IGNORECASE)}, key
        for at in matched:
            lowers_of.setdefault(at, set()).add(key.lower())
    assert all(len(lowers) == 1 for lowers in lowers_of.values())


def test_case_insensitive_grouped_alternation_matches_like_the_plain_one():
    terms = ["acquisition of", "Acquisition", "Übernahme von", "über seine Tochter", "bid for", "Buy", "sale of"]
    plain = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    grouped = _alternation(terms, ignore_case=True)
    assert grouped != plain
    text = "the ACQUISITION OF X, übernahme  von Y, ÜBER SEINE TOCHTER Z; a bid for, buy-out, the sale of"
    for wrap in (r"(?<![\w-])(?:{})", r"(?:{})\s*$"):
        old, new = re.compile(wrap.format(plain), re.I), re.compile(wrap.format(grouped), re.I)
        assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)]
    # a first character outside the checked keys keeps the plain alternation
    assert _alternation(["ſale", "sale"], ignore_case=True) == "ſale|sale"


@pytest.mark.parametrize(
    "pre",
    [
        "the logistics hub of ",
        "la plateforme logistique d’",
        "la plateforme logistique d'\n",
        "die Chipfertigung von  ",
        "het terminal van\n",
        "a stake in the ",
        "the port of",
        "of ",
        "",
    ],
)
def test_site_of_pattern_is_tried_only_where_it_can_match(pre):
    if extract_companies._OF_AFTER_WORDS.search(pre):
        assert pre.rstrip().endswith(extract_companies._OF_ENDINGS)


def test_outlets_cited_as_sources_are_still_found(gaz):
    ex = run(gaz, "The Harbour Journal reported that Velmora Ports had sold the terminal.\n\nNothing else.")
    assert "Harbour Journal" in ex.cited_outlets
    assert run(gaz, "The harbour authority reported that the terminal was sold.").cited_outlets == []


BODY_SAMPLES = [
    "Das Verwaltungsgericht Köln, das Oberlandesgericht Hamm und die Staatsanwaltschaft Bochum ermitteln.",
    "De rechtbank Rotterdam en het Parket Amsterdam; le tribunal administratif de Paris et le parquet de Lyon.",
    "De provincie Zeeland en de gemeente Maashorst; die Landesregierung Sachsen und der Landkreis Parchim.",
    "Le département du Nord, le conseil départemental de la Somme et la préfecture de Lyon ont réagi.",
    "The Chinese embassy in Oslo, die chinesische Botschaft and l'ambassade de Chine objected.",
    "Le ministère de l'Économie français et le ministre de l'économie ont parlé.",
    "The Minister for Trade and the Secretary of State for Business agreed.",
    "President Aldo Brenn ordered the sale; Prime Minister Vera Lint and Chancellor Otto Fenn agreed.",
    "Bundeskanzlerin Maja Roth und Premierminister Ivo Kahl; le président Marc Lune a ordonné; premier Li Wen.",
    "Minister-president Karel Smit besloot het.",
    "The Commons business committee, der Wirtschaftsausschuss des Bundestages, de vaste Kamercommissie voor "
    "Economische Zaken en la commission des affaires économiques du Sénat.",
]


@pytest.mark.parametrize(
    ("pattern", "words", "folded"),
    [
        (extract_bodies._SEATED_BODY, extract_bodies._SEATED_BODY_WORDS, extract_bodies._SEATED_BODY_FOLDED),
        (extract_bodies._LOCAL_BODY, extract_bodies._LOCAL_BODY_WORDS, ()),
        (extract_bodies._EMBASSY, extract_bodies._EMBASSY_WORDS, ()),
        (extract_bodies._FR_MINISTRY, extract_bodies._FR_MINISTRY_WORDS, ()),
        (extract_bodies._PORTFOLIO_TITLE, extract_bodies._PORTFOLIO_TITLE_WORDS, ()),
        (extract_bodies._FR_MINISTER, extract_bodies._FR_MINISTER_WORDS, ()),
        (extract_bodies._LEADER_DECIDES, extract_bodies._LEADER_DECIDES_WORDS, ()),
        (extract_bodies._COMMITTEE, extract_bodies._COMMITTEE_WORDS, ()),
    ],
)
def test_body_patterns_are_skipped_only_in_text_without_a_word_they_need(gaz, pattern, words, folded):
    found = 0
    for sample in BODY_SAMPLES:
        for m in pattern.finditer(sample):
            found += 1
            assert _doc(gaz, m.group(0)).may_hold(words, folded), m.group(0)
    assert found
    assert not _doc(gaz, "Nothing of the kind is said here.").may_hold(words, folded)


def test_cues_by_label_family_are_those_of_the_whole_list(gaz):
    text = (
        "The regulator blocked the deal over espionage and data access. It is reviewing the sale, "
        "the ministry said, and may ban the firm; the review is not closed. Officials monitor the port."
    )
    doc = _doc(gaz, text)
    assert doc.cues
    for prefix in ("cat:", "st:", "gen", "neg", "ev:", "datanoun"):
        for start in range(0, len(text), 7):
            for end in (start + 10, start + 60, len(text)):
                expected = [c for c in doc.cues if c[2].startswith(prefix) and start <= c[0] < end and c[1] <= end]
                assert doc.cues_in(start, end, prefix) == expected


@pytest.mark.parametrize(
    "piece",
    ["Ministry of Trade", "the Federal Ministry for Economic Affairs", "Velmora Ports", "Investment Committee", ""],
)
def test_body_head_pattern_is_tried_only_on_pieces_with_a_head_word(piece):
    if extract_bodies._BODY_HEAD_RE.search(piece):
        assert any(h in piece for h in extract_bodies._START_HEADS)


def test_straight_quotes_is_the_translation_table_it_replaced():
    from tracker.ingest.gazetteer import _QUOTES, straight_quotes

    table = str.maketrans(_QUOTES)
    every = "".join(chr(c) for c in range(0x3000)) + "It’s the “Velmora” port’s ‘deal’ ʼ"
    assert straight_quotes(every) == every.translate(table)


def test_status_cues_with_a_gap_are_skipped_only_without_their_words(gaz):
    rules = _rules(gaz)
    cues = [w for ws in gaz.lexicon["statuses"].values() for w in ws if "*" in w.rstrip("*")]
    assert len(cues) == len(rules.status_gaps) > 0
    for cue, (_status, rx, head, words) in zip(cues, rules.status_gaps, strict=True):
        sample = "Then they " + cue.replace("*", "the new") + " today."
        assert rx.search(sample), sample
        for text in (sample, sample.upper(), sample.title()):
            for m in rx.finditer(text):
                low = m.group(0).lower()
                assert head in low and all(w in low for w in words), (cue, text)
