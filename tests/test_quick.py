"""The one-scan path for articles in which nothing of a base can bind (factcheck/quick.py).

`check` gives such an article every fact's omission without segmenting it; these tests hold that
this is what the full run finds, on every article of the project's evaluation sets checked against
the bases of other stories (the realistic off-topic article), and on made-up articles of no story.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.bind import party_finder
from factcheck.check import _Checker, check
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase
from factcheck.model import Source
from factcheck.prefilter import base_scan
from factcheck.quick import _quick, binds_nothing
from factcheck.segment import _DATELINE_DATED, _FUSED_DATE, _MAY_DATELINE, _dateline, reading_text

ROOT = Path(__file__).resolve().parents[1]
BASES = sorted(p for p in (ROOT / "tests" / "rules" / "bases").glob("*.yaml")) + [ROOT / "facts"] + sorted(
    (ROOT / "tests" / "golden").glob("stories*/*/facts"))
ARTICLES = sorted((ROOT / "tests" / "golden").glob("stories*/*/articles/*.txt")) + sorted(
    (ROOT / "seeds").glob("*.txt"))

OFF_TOPIC = [
    "Heavy rain is expected across the north-west this weekend, forecasters warned.\n"
    "Temperatures will stay below average until the middle of next month.",
    "Preheat the oven to 180C. Beat two eggs with 100g of sugar and fold in the flour.\n"
    "Bake for 25 minutes or until golden.",
    "The library reopens next Tuesday after a six-week refurbishment, with 12,000 new books.",
]


@cache
def _base(path: Path) -> FactBase:
    return load_factbase(path)


def _full(text: str, fb: FactBase) -> list[tuple[str, str]]:
    return [(f.fact, f.verdict) for f in _Checker(Source(id="a", text=text), fb).run().findings]


@pytest.mark.parametrize("base", BASES, ids=lambda p: str(p.relative_to(ROOT)))
def test_quick_path_finds_what_the_full_run_finds(base: Path) -> None:
    """Whenever the scan says nothing can bind, the full run binds nothing either, and `check`
    gives the full run's findings (every fact omitted, its expected value kept)."""
    fb = _base(base)
    for text in [p.read_text(encoding="utf-8") for p in ARTICLES] + OFF_TOPIC:
        if binds_nothing(text, fb):
            full = _Checker(Source(id="a", text=text), fb).run().findings
            assert all(f.verdict == "omit" and not f.mentions for f in full), text[:80]
            r = check(Source(id="a", text=text), fb)
            assert [(f.fact, f.verdict, f.expected, f.mentions) for f in r.findings] == [
                (f.fact, f.verdict, f.expected, f.mentions) for f in full]


@pytest.mark.parametrize("story", ["canal", "final", "quake"])
def test_the_quick_path_is_taken(story: str) -> None:
    """Not a test of nothing: articles of no story take the quick path for bases whose every
    pattern has a word to look for."""
    fb = _base(ROOT / "tests" / "rules" / "bases" / f"{story}.yaml")
    assert all(binds_nothing(t, fb) for t in OFF_TOPIC)


@pytest.mark.parametrize("text, why", [
    ("Lift-off came at dawn.", "an event's word"),
    ("CAPE CANAVERAL, Fla., Nov. 16 (Wire) - Crowds lined the beaches before dawn.", "a dateline on the day of "
     "an event without parties"),
    ("Charlie Blackwell-Thompson gave the final poll.", "a name fact's surname"),
])
def test_what_sends_an_article_down_the_full_path(text: str, why: str) -> None:
    assert not binds_nothing(text, _base(ROOT / "tests" / "rules" / "bases" / "launch.yaml")), why


def test_a_party_sends_an_article_down_the_full_path() -> None:
    fb = _base(ROOT / "tests" / "rules" / "bases" / "runoff.yaml")
    assert binds_nothing("The library reopens on Tuesday.", fb)
    assert not binds_nothing("Mr Bolsonaro reopened the library on Tuesday.", fb)
    assert not binds_nothing("Mr Bolsonarro reopened the library on Tuesday.", fb)  # the binder's fuzzy match


def test_the_shipped_base() -> None:
    fb = _base(ROOT / "facts")
    assert binds_nothing("The library reopens on Tuesday.", fb)
    assert not binds_nothing("Mr Bidden spoke on Tuesday.", fb)  # a misspelt alias: the binder's fuzzy match
    assert not binds_nothing("The B9 met on Tuesday.", fb)  # a cue of two characters, a letter and a digit


_FRAMES = ["The library reopens on Tuesday, {} wrote.", "The library reopens on Tuesday, “{}” wrote."]


@pytest.mark.parametrize("frame", _FRAMES)
@pytest.mark.parametrize("base, word", [
    ("facts", "Blinkin"),  # a name fact's surname, misspelt
    ("facts", "Peskow"),
    ("facts", "Putim"),  # a fuzzy alias, garbled
    ("facts", "Zelenskj"),
    ("examples/chile2010/facts", "Pinnera"),
    ("examples/chile2010/facts", "Golbourne"),
    ("examples/chile2010/facts", "Ĝolborne"),  # a capital of another script's letter: found by the set search
    ("examples/evergiven/facts", "Rabbie"),
    ("examples/artemis1/facts", "Blackwel Thompson"),  # a surname of two words, misspelt
    ("examples/artemis1/facts", "Blackwell-Tompson"),
    ("tests/rules/bases/runoff.yaml", "de Morais"),  # a particle opens the surname
    ("tests/rules/bases/runoff.yaml", "Bolsonarro"),
    ("tests/rules/bases/quake.yaml", "Sezzer"),
])
def test_a_misspelling_alone_sends_an_article_down_the_full_path(base: str, word: str, frame: str) -> None:
    """The quick path looks for surnames and garbled aliases only at the capitals of their first
    letters (factcheck/quick.py, `_Quick.capitals`): a near-miss of one, the one thing in the article the
    base may bind, is still found there."""
    fb = _base(ROOT / base)
    assert binds_nothing(frame.format(""), fb)  # the article without it: the quick path
    assert not binds_nothing(frame.format(word), fb)


@pytest.mark.parametrize("base", BASES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_quick_questions_are_the_binders(base: Path) -> None:
    """The quick path asks the binder whether it finds a party with what the base's one scan and
    the capitals tell (`PartyFinder.finds_any`): the binder's own answer, on every article. Where
    the scan says no alias may be, the binder finds none; where the capitals say no word may garble
    an alias, the binder's scan of every capitalised word finds none either."""
    fb = _base(base)
    if not fb.parties:
        return
    finder = party_finder(fb)
    assert set(base_scan(fb).keys["aliases"]) == set(finder.alias_owner)
    for text in [p.read_text(encoding="utf-8") for p in ARTICLES] + OFF_TOPIC:
        read = reading_text(text)
        found = base_scan(fb).scan(read)
        starts = _quick(fb).capitals.at(read)
        assert found["aliases"] or not finder.alias_matches(read)
        assert finder.garbled_at(read, starts) == finder._garbled_in(read)
        assert finder.finds_any(read, found["aliases"], bool(found["leaders"]), starts) == bool(finder.find(read, 0))


def test_every_dateline_opens_as_the_quick_test_says() -> None:
    """`dateline_lines` asks the three dateline patterns only of a line that opens as
    `_MAY_DATELINE` says: every line of the project's articles that one of them matches does."""
    lines = [line for p in ARTICLES for line in reading_text(p.read_text(encoding="utf-8")).split("\n")] + [
        "MOSCOW, December 31 (Reuters) - The talks", "WASHINGTON — The president",
        "  CAPE CANAVERAL, Fla. -- X", "Lima, 4 of June of 2019 (EFE).– The", "Rio de Janeiro, 12 May 2018 – The",
        "Frankfurt/Washington, 16.06.2022 – A", "Frankfurt / Washington, 16.06.2022 – A",
        "Mazatlán, Sin., 08/04/2024, 19:40 hours (Pacific time).- A", "Dec 7, 2021Putin and Biden",
        "7 December 2021Putin and Biden", " 12 May 2020, 10:15Biden said", "São Paulo, May 3 (Wire) The",
        "L'Aquila, 6 April 2009 -"]
    matched = [line for line in lines if _FUSED_DATE.match(line) or _dateline(line) or _DATELINE_DATED.match(line)]
    assert len(matched) > 100
    assert all(_MAY_DATELINE.match(line) for line in matched), [x for x in matched if not _MAY_DATELINE.match(x)]


_DATELINE_BITS = ["Rio", "de", "del", "Janeiro", "LIMA", "NEW YORK", "Sin.", "Fla.", "O'Neil", "São", "Frankfurt",
                  "On", "Friday", "May", "Dec.", "mai", "of", "12", "2019", "08/04/2024", "19:40", "hours", "(EFE)",
                  "(Pacific time)", ",", ", ", " ", "  ", "/", " / ", "–", " - ", ":", ".", ".–", "\t", "Putin", "the"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DATELINE_BITS), min_size=1, max_size=9))
def test_every_dateline_opens_as_the_quick_test_says_made_up(bits: list[str]) -> None:
    """The same of lines made of the pieces of datelines, in any order."""
    line = "".join(bits) + " The"
    if _FUSED_DATE.match(line) or _dateline(line) or _DATELINE_DATED.match(line):
        assert _MAY_DATELINE.match(line), line
