"""The word gates in front of patterns skip a pattern only where it cannot match.

A gate is a tuple of words: a text (or line) that holds none of them is not searched. Each gate
is checked against the words its pattern itself requires, read from the parsed pattern, so a
pattern edited without its gate fails here rather than silently missing matches.
"""

from __future__ import annotations

import re
import sys
from re import _constants as sre  # the parser's opcodes: the only way to read a compiled pattern's parts
from re import _parser

import pytest

from tests.extract_helpers import run
from tracker.ingest import clean, extract, extract_bodies, extract_companies, textparts
from tracker.ingest.gazetteer import Gazetteer


def _needs_one_of(
    items: list, ignore_case: bool, words: tuple[str, ...], folded: tuple[str, ...], prefix: str = ""
) -> bool:
    """Whether every match of the parsed sequence `items` holds one of `words` as written or one of
    `folded` in lower case: some run of literals it must match holds one, or some part it must match
    (a group, each branch of an alternation, a repeat of one or more) does. The literals right
    before a group or an alternation run on into each of its branches: the parser takes a prefix
    all branches share out of them ("darf|durfte" is "d(?:arf|urfte)")."""
    literals = prefix
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            literals += chr(av)
            continue
        if any(w in literals.lower() for w in folded) or (not ignore_case and any(w in literals for w in words)):
            return True
        if op is sre.SUBPATTERN:
            _group, add, delete, sub = av
            scoped = (ignore_case or bool(add & re.IGNORECASE)) and not delete & re.IGNORECASE
            if _needs_one_of(list(sub), scoped, words, folded, literals if scoped == ignore_case else ""):
                return True
        elif op is sre.BRANCH:
            if all(_needs_one_of(list(branch), ignore_case, words, folded, literals) for branch in av[1]):
                return True
        elif (
            op in (sre.MAX_REPEAT, sre.MIN_REPEAT)
            and av[0] >= 1
            and _needs_one_of(list(av[2]), ignore_case, words, folded)
        ):
            return True
        literals = ""
    return False


def _gated(rx: re.Pattern, words: tuple[str, ...] = (), folded: tuple[str, ...] = ()) -> bool:
    return _needs_one_of(list(_parser.parse(rx.pattern, rx.flags)), bool(rx.flags & re.IGNORECASE), words, folded)


def _alternatives(rx: re.Pattern) -> list[list]:
    """The parsed pattern once for each branch of its outermost alternation (itself if it has none)."""
    items = list(_parser.parse(rx.pattern, rx.flags))
    for i, (op, av) in enumerate(items):
        if op is sre.SUBPATTERN and len(av[3]) == 1 and not (av[1] or av[2]):
            op, av = av[3][0]
        if op is sre.BRANCH:
            return [items[:i] + list(branch) + items[i + 1 :] for branch in av[1]]
    return [items]


GATES = [
    (extract_companies._PRECEDENT, (), extract_companies._PRECEDENT_WORDS),
    (extract_companies._NAME_OWNED, extract_companies._NAME_OWNED_WORDS, ()),
    (extract_companies._GROUP_COMPOUND, extract_companies._GROUP_COMPOUND_WORDS, ()),
    (extract_companies._OWNED_BY_PARENT, extract_companies._OWNED_BY_PARENT_WORDS, ()),
    (extract_companies._BACKED_BY, (), extract_companies._BACKED_BY_WORDS),
    (extract_companies._DEAL_BY_BEFORE, (), extract_companies._DEAL_BY_WORDS),
    (extract_companies._SOLD_TO_BEFORE, (), extract_companies._SOLD_TO_WORDS),
    (extract_bodies._NAMES_THEN_SITES, extract_bodies._NAMES_THEN_SITES_WORDS, ()),
    (extract_bodies._SEARCHED, (), extract_bodies._SEARCHED_WORDS),
    (extract_bodies._FR_PLURAL_SITES, extract_bodies._FR_PLURAL_SITES_WORDS, ()),
    (extract_bodies._NAMED_BASE, extract_bodies._NAMED_BASE_WORDS, ()),
    (extract_bodies._COORDINATED_DEPARTMENTS, extract_bodies._COORDINATED_WORDS, ()),
    (extract._TECH_NOUN, (), extract._TECH_NOUN_WORDS),
    (extract._SALE_WORD, (), extract._SALE_WORDS),
    (extract._PRODUCT_SALE, (), extract._PRODUCT_SALE_WORDS),
    (clean.RIGHTS_RE, (), clean.RIGHTS_WORDS),
    (textparts._CREDIT_RE, (), textparts._CREDIT_MARKS),
]


@pytest.mark.parametrize(("rx", "words", "folded"), GATES, ids=lambda g: getattr(g, "pattern", "")[:40])
def test_every_match_holds_a_word_of_its_gate(rx, words, folded):
    assert _gated(rx, words, folded)


def test_the_check_catches_a_gate_that_misses_a_branch():
    assert not _gated(extract_companies._SOLD_TO_BEFORE, (), ("sell", "sold", "sale"))
    assert not _gated(extract_companies._NAME_OWNED, ("-owned", "-backed"))
    # words as written do not gate a pattern that ignores case
    assert not _gated(extract._SALE_WORD, ("sale", "verkoop", "vente", "cession", "Verkauf", "venta", "vendita"))
    assert not _gated(extract_bodies._NAMED_BASE, (), ("raf", "fort", "station", "joint"))


@pytest.mark.parametrize("rx", [extract.DEAL_NOUN, extract._SALE, extract._SPY_TIES, extract._MAY_NOT_BUY])
def test_whole_text_patterns_need_a_word_of_each_group_of_a_branch(rx):
    # each branch of the pattern holds a word of every group of one of the gate's branches
    branches = extract._NEEDED_WORDS[rx.pattern]
    for alt in _alternatives(rx):
        assert any(all(_needs_one_of(alt, True, (), group) for group in branch) for branch in branches)


def test_credit_marks_have_no_other_case_forms():
    # _line_kind looks for them in the lowered line whatever its script: no other character may
    # match one of their letters when case is ignored
    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    for c in set("".join(textparts._CREDIT_MARKS)):
        assert {m.group() for m in re.finditer(re.escape(c), every, re.IGNORECASE)} <= {c, c.upper()}


def test_rights_reserved_lines_are_found_in_any_script():
    assert clean.is_copyright_line("Handelsblatt GmbH – Alle Rechte vorbehalten.")
    assert clean.is_copyright_line("All rights reserved")
    assert clean.is_copyright_line("ALL RIGHTS RESERVED by the Harbour Journal")
    assert clean.is_copyright_line("All righTſ reserved")  # `re` folds "ſ" to "s"; the gate lets it through
    assert not clean.is_copyright_line("The port was sold to a Chinese group.")


def test_a_gated_text_extracts_what_the_patterns_find():
    gaz = Gazetteer(companies=[{"name": "Velmora Ports", "aliases": [], "country": "CN"}])
    text = (
        "The Chinese-owned Kelmar Logistics, owned by Velmora Ports, bought the Rotterdam terminal. "
        "The government ordered Kelmar Logistics to sell its stake after the takeover by Velmora Ports."
    )
    found = run(gaz, text)
    assert {c.name for c in found.companies} >= {"Velmora Ports", "Kelmar Logistics"}


@pytest.mark.parametrize(
    "pre",
    [
        "des Maschinenbauers ",
        "des chinesischen Konzerns, ",
        "des chinesischen Konzerns ,\n",
        "die Radartechnik-Spezialisten ",
        "des Telefónica-Konzerns, ",
        "het Nijmeegse chipbedrijf ",
        "the law-maker ",
        "5G-Netzbetreiber ",
        "des Unternehmens",
        "des UNTERNEHMENS ",
        "Chipfertigung,, ",
        "a bid by the ",
        "ſtahlhersteller ",
        "",
        " , ",
    ],
)
def test_compound_cue_before_is_the_search_from_every_start(pre):
    from tracker.ingest.extract_base import _COMPOUND_CUE_BEFORE, compound_cue_before

    old, new = _COMPOUND_CUE_BEFORE.search(pre), compound_cue_before(pre)
    assert (old and (old.span(), old.groups())) == (new and (new.span(), new.groups()))
