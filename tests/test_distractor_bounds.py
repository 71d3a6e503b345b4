"""Distractors of a bounded fact: another figure is the figure written, never the fact's own bound,
and a bounded reading ("up to 195 mph") stands for its own figure only, not for every figure on its
open side (a new user's report: a distractor of 185 mph beside a fact of "more than 220 mph" became
"more than 185" and set aside a planted "up to 195 mph")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.model import Finding

_GUST = """  - id: gust
    kind: quantity
    value: 220 mph
    hedge: over
    distractors: [185 mph]
    cues: ['gusts?']
"""
_AID = """  - id: aid.pledged
    kind: money
    value: $14 billion
    hedge: over
    distractors: [$15 million]
    cues: ['pledged|aid']
"""
_TOLL = """  - id: deaths
    kind: quantity
    value: 50783
    unit: 'people|dead'
    distractors: [45000]
    cues: ['killed|dead|toll']
"""


@pytest.mark.parametrize("fact, text, verdict", [
    # a hurricane's gusts, the distractor its sustained winds
    (_GUST, "Gusts reached up to 195 mph on the island.", "contradict"),
    (_GUST, "Gusts reached 185 mph on the island.", "omit"),
    (_GUST, "Gusts reached 230 mph on the island.", "agree"),
    # a tsunami's aid pledges, the distractor one country's first pledge
    (_AID, "Governments pledged over 14 million dollars in aid.", "contradict"),
    (_AID, "Governments pledged $15 million in aid at first.", "omit"),
    # an earthquake's toll (no bound of its own), the distractor its toll a week on
    (_TOLL, "The quake killed up to 46,000 people, officials said.", "contradict"),
    (_TOLL, "By the first week the quake had killed 45,000 people.", "omit"),
])
def test_a_distractor_is_its_own_figure(finding_of: Callable[..., Finding], fact: str, text: str, verdict: str) -> None:
    assert finding_of("facts:\n" + fact, text).verdict == verdict
