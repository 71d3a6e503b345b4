"""A user pattern is matched from the start of a word (docs/facts.md, Patterns): a cue found inside
another word ("mine" in "determined", "long" in "Along") bound figures of other things; the end
of a match stays open and a pattern can still reach into words on purpose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.factbase.load import load_factbase
from factcheck.model import Finding

BASE = """\
events:
  - id: quake
    what: an earthquake
    date: 2023-02-06
    words: ['tremor']
    facts:
      - id: quake.magnitude
        kind: quantity
        value: 7.8
        exclude: ['after']
facts:
  - id: ship.length
    kind: quantity
    value: 400 m
    cues: ['long', 'ft', '\\w*quake']
    near: ['measur']
"""


@pytest.fixture(scope="module")
def fb(tmp_path_factory: pytest.TempPathFactory) -> object:
    d: Path = tmp_path_factory.mktemp("ws")
    (d / "f.yaml").write_text(BASE, encoding="utf-8")
    return load_factbase(d)


@pytest.mark.parametrize("text, found", [
    ("the ship is long", True),
    ("the ship is longer than most", True),      # the end stays open
    ("Along the bank", False),                   # not from the middle of a word
    ("a 394ft rocket", True),                    # a digit before is not a letter
    ("an earthquake struck", True),              # \w* reaches into the word on purpose
    ("the quake struck", True),
])
def test_cues_start_a_word(fb: object, text: str, found: bool) -> None:
    f = fb.fact("ship.length")  # type: ignore[attr-defined]
    assert any(p.search(text) for p in f.cues) is found


def test_every_user_pattern_key_starts_a_word(fb: object) -> None:
    f = fb.fact("ship.length")  # type: ignore[attr-defined]
    assert f.near[0].search("it measured 400 m") and not f.near[0].search("remeasured")
    q = fb.fact("quake.magnitude")  # type: ignore[attr-defined]
    assert q.exclude[0].search("after the quake") and not q.exclude[0].search("thereafter")
    e = fb.events["quake"]  # type: ignore[attr-defined]
    assert e.words[0].search("a tremor") and not e.words[0].search("extremor")


def test_the_source_is_kept_as_written(fb: object) -> None:
    """Reports, lint and the prefilter see the pattern the user wrote."""
    f = fb.fact("ship.length")  # type: ignore[attr-defined]
    assert [p.source for p in f.cues] == ["long", "ft", "\\w*quake"]


# an event's name or word is not read as the second part of a hyphenated compound: "quarter-final" names
# no final, "pre-launch" no launch (before: the final's date was accused by a quarter-final's line)
@pytest.mark.parametrize("names, words, date, text, verdict", [
    (["final"], [], "2019-07-07", "- Fri 28 June: Quarter-final, USA 2-1 France in Paris.", "omit"),
    (["final"], [], "2019-07-07", "- Fri 28 June: Final, USA 2-1 France in Paris.", "contradict"),
    ([], ["launch(?:ed)?"], "2022-11-16", "Pre-launch checks of the rocket began on Monday, 14 November.", "omit"),
    ([], ["launch(?:ed)?"], "2022-11-16", "The rocket launched on Monday, 14 November.", "contradict"),
])
def test_an_event_word_is_not_the_end_of_a_compound(finding_of: Callable[..., Finding], names: list[str],
                                                     words: list[str], date: str, text: str, verdict: str) -> None:
    found = finding_of(
        f"events:\n  - id: ev\n    what: the event\n    date: {date}\n    names: {names}\n    words: {words}\n"
        f"    facts:\n      - {{id: ev.date, kind: date, value: {date}}}\n", text)
    assert found.verdict == verdict, found.mentions
