"""A fact box's row of one moment on several clocks, alone on its line above its entry, may open on a
hedge ("about 05:28 UTC / 22:28 PDT") and give a clock's day in brackets ("22:31 PDT (Sun 5 Aug)"):
it stamps its entry like any row of clocks. A hedged clock agrees only within its hedge, so it does
not fix the row's instant: the row's other clocks are no wrong conversions of it (before, "about 05:28
UTC" agreed with 05:31 and "22:28 PDT" beside it accused the fact as a wrong conversion)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.model import Finding

_ROVER = """events:
  - id: landing
    what: the rover's landing is confirmed on Earth
    date: 2012-08-05
    zone: America/Los_Angeles
    words: ['touchdown|landed|landing']
    facts:
      - {id: confirm.pdt, kind: time, value: '22:31 PDT'}
  - id: entry
    what: the capsule enters the atmosphere
    date: 2012-08-05
    words: ['atmosphere']
"""
_ROCKET = """events:
  - id: launch
    what: the rocket lifts off
    date: 2022-11-16
    zone: America/New_York
    words: ['lift(?:s|ed)?\\s+off|liftoff|launch(?:ed|es)?']
    facts:
      - {id: launch.time, kind: time, value: '01:47 EST'}
  - id: separation
    what: the boosters separate
    date: 2022-11-16
    words: ['separat\\w*']
"""
_ROVER_BOX = ("THE NIGHT OF THE LANDING\n\nabout 05:28 UTC / 22:28 PDT / 07:28 CEST\nParachute opens, as relayed "
              "by an orbiter.\n\n{clock}\nTouchdown confirmed: "
              "mission control erupts.\n")
_ROCKET_BOX = ("THE NIGHT OF THE LAUNCH\n\nabout 01:40 EST / 06:40 UTC / 07:40 CET\nThe last hold ends and the "
               "count resumes.\n\n{clock}\nThe rocket lifts off from "
               "Pad 39B.\n")


@pytest.mark.parametrize("base, fact, box, row, verdicts", [
    (_ROVER, "confirm.pdt", _ROVER_BOX, "05:31 UTC / 22:31 PDT (Sun 5 Aug) / 07:31 CEST (Mon 6 Aug)", {"agree"}),
    (_ROCKET, "launch.time", _ROCKET_BOX, "01:47 EST (Wed 16 Nov) / 06:47 UTC / 07:47 CET", {"agree"}),
    # a wrong row of the event itself is read too, loosely bound: it does not accuse, and the hedged
    # row of the step before agrees only within its hedge
    (_ROVER, "confirm.pdt", _ROVER_BOX, "05:35 UTC / 22:35 PDT (Sun 5 Aug) / 07:35 CEST (Mon 6 Aug)",
     {"agree", "unclear"}),
    (_ROCKET, "launch.time", _ROCKET_BOX, "01:52 EST (Wed 16 Nov) / 06:52 UTC / 07:52 CET", {"agree", "unclear"}),
])
def test_a_hedged_row_of_another_step_is_no_statement_of_the_fact(finding_of: Callable[..., Finding], base: str,
                                                                  fact: str, box: str, row: str,
                                                                  verdicts: set[str]) -> None:
    found = finding_of(base, box.replace("{clock}", row), fact)
    assert found.verdict in verdicts, found.mentions
    # the hedged row of another step never accuses
    assert not [m for m in found.mentions if m.line == 3 and m.verdict == "contradict"], found.mentions
