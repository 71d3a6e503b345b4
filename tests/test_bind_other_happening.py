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


# "last" after "and" ends a series ("the 22nd and last round", "a fifth and last session"): the final
# one, not a previous one, so the clause is not set aside as another event's
@pytest.mark.parametrize("text, other", [
    ("Verstappen and Hamilton went into the 22nd and last round level on points.", False),
    ("Dredgers worked through a fifth and last session on Tuesday.", False),
    ("Biden recalled their last meeting in Geneva.", True),
    ("The last round of talks, in January, achieved nothing.", True),
])
def test_last_after_and_is_the_final_one(text: str, other: bool) -> None:
    from factcheck.bind import _word_res

    assert bool(_word_res()[3].search(text)) is other


def test_the_final_session_binds_the_event_in_discourse(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text("""events:
  - id: grounding
    what: the ship runs aground
    date: 2021-03-23
    zone: Africa/Cairo
    names: ['Ever\\s+Given']
    facts:
      - {id: grounding.date, kind: date, value: 2021-03-23}
""", encoding="utf-8")
    fb = load_factbase(tmp_path)
    text = "What happened to the Ever Given?\n\nDredgers worked through a fifth and last session on Tuesday."
    found = next(f for f in check_text(text, fb).findings if f.fact == "grounding.date")
    assert found.verdict == "agree"
