"""An event's name or word used as the modifier of another happening ("the only run-off debate",
"the launch rehearsal", en.yaml's `other_happenings`) does not name the event: a date beside it is the
other happening's (a timeline line of a run-off's debate contradicted the run-off's date)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase

BASES = {
    "runoff": """events:
  - id: runoff
    what: a presidential run-off
    date: 2023-11-19
    zone: America/Argentina/Buenos_Aires
    names: ['run-?off|ballotage']
    facts:
      - {id: runoff.date, kind: date, value: 2023-11-19}
""",
    "launch": """events:
  - id: launch
    what: the rocket lifts off
    date: 2022-11-16
    zone: America/New_York
    words: ['launch|launched|liftoff']
    facts:
      - {id: launch.date, kind: date, value: 2022-11-16}
""",
}


@pytest.mark.parametrize("story, fact, text, verdict", [
    ("runoff", "runoff.date", "12 Nov 2023 (Sun) — The only run-off debate, at the law school.", "omit"),
    ("runoff", "runoff.date", "12 Nov 2023 (Sun) — The run-off is held; Milei wins.", "contradict"),
    ("runoff", "runoff.date", "19 Nov 2023 (Sun) — The run-off is held; Milei wins.", "agree"),
    ("launch", "launch.date", "The launch rehearsal ended on Monday, November 14, 2022.", "omit"),
    ("launch", "launch.date", "The launch came on Monday, November 14, 2022.", "contradict"),
    ("launch", "launch.date", "The launch came on Wednesday, November 16, 2022.", "agree"),
])
def test_modifier_of_another_happening(tmp_path: Path, story: str, fact: str, text: str, verdict: str) -> None:
    (tmp_path / "b.yaml").write_text(BASES[story], encoding="utf-8")
    fb = load_factbase(tmp_path / "b.yaml")
    got = {f.fact: f.verdict for f in check_text(text, fb).findings}
    assert got[fact] == verdict
