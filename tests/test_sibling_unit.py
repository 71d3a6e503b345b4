"""quantity.sibling_unit: a figure in the unit of another quantity fact of the same measure is that
fact's to judge, but only when that fact may read it (an event's fact, or a cued fact with a cue in the
sentence). Before, a cued fact whose cues were absent took the figure away, and nothing judged it (a
pace car's "21.16 mph" for 21.16 km/h, the base giving the pace per mile as a fact cued "per mile")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.model import Finding

_RUN = """facts:
  - {id: speed, kind: quantity, value: 21.16 km/h, cues: ['speed|mph|km/h']}
  - {id: pace.mile, kind: quantity, value: 13.15 mph, cues: ['per\\\\s+mile|a\\\\s+mile']}
"""
_SHIP = """facts:
  - {id: ship.speed, kind: quantity, value: 13 knots, cues: ['speed|sailing']}
  - {id: ship.speed_kmh, kind: quantity, value: 24 km/h, cues: ['kilometres\\\\s+an\\\\s+hour']}
"""


@pytest.mark.parametrize("base, fact, text, verdict", [
    # a marathon's average speed
    (_RUN, "speed", "He ran the distance at an average speed of 21.16 mph.", "contradict"),
    (_RUN, "speed", "He ran the distance at an average speed of 13.15 mph.", "agree"),
    # with the sibling's cue there, the mph figure is the sibling's, not this fact's (the pace a mile,
    # read as a speed, agrees with this fact)
    (_RUN, "speed", "He ran the distance at an average speed of 21.16 mph, or 4:34 a mile.", "agree"),
    # a ship's speed before it ran aground
    (_SHIP, "ship.speed", "The ship was sailing at a speed of 13 km/h when it ran aground.", "contradict"),
    (_SHIP, "ship.speed", "The ship was sailing at a speed of 24 km/h when it ran aground.", "agree"),
])
def test_a_sibling_in_another_unit_judges_only_what_it_reads(finding_of: Callable[..., Finding], base: str,
                                                             fact: str, text: str, verdict: str) -> None:
    found = finding_of(base, text, fact)
    assert found.verdict == verdict, found.mentions
