"""The one-scan path for articles in which nothing of a base can bind (factcheck/quick.py).

`check` gives such an article every fact's omission without segmenting it; these tests hold that
this is what the full run finds, on every article of the project's evaluation sets checked against
the bases of other stories (the realistic off-topic article), and on made-up articles of no story.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from factcheck.check import _Checker, check
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase
from factcheck.model import Source
from factcheck.quick import binds_nothing

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
