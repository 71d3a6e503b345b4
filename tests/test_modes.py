"""`mode` is an open attribute: a base can name a mode of its own and give its words (`mode_words`);
the mode tells apart events with the same parties, as video/phone/in person do."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase

BASES = {
    "union": """
parties:
  - {id: union, name: the dockers' union, aliases: [union, dockers]}
  - {id: port, name: the port authority, aliases: [port authority, port operator]}
events:
  - id: talks_in_person
    what: face-to-face talks on 3 March
    date: 2023-03-03
    mode: in_person
    parties: [union, port]
    facts: [{id: talks_in_person.date, kind: date, value: 2023-03-03}]
  - id: talks_radio
    what: talks over the harbour radio during the blockade, 7 March
    date: 2023-03-07
    mode: by_radio
    mode_words: ['over\\s+(?:the\\s+)?(?:harbour\\s+)?radio|by\\s+radio']
    parties: [union, port]
    facts: [{id: talks_radio.date, kind: date, value: 2023-03-07}]
""",
    "expedition": """
parties:
  - {id: base, name: base camp, aliases: [base camp]}
  - {id: team, name: the summit team, aliases: [summit team, climbers]}
events:
  - id: call_sat
    what: the summit team's satellite call to base camp
    date: 2019-05-22
    mode: by_satellite
    mode_words: ['satellite\\s+(?:phone|link|call)']
    parties: [base, team]
    facts: [{id: call_sat.date, kind: date, value: 2019-05-22}]
  - id: call_radio
    what: the team's radio call to base camp the day before
    date: 2019-05-21
    mode: by_radio
    mode_words: ['by\\s+radio|radio\\s+call']
    parties: [base, team]
    facts: [{id: call_radio.date, kind: date, value: 2019-05-21}]
""",
}


def base(tmp_path: Path, name: str) -> FactBase:
    d = tmp_path / name
    d.mkdir()
    (d / "f.yaml").write_text(BASES[name], encoding="utf-8")
    return load_factbase(d)


@pytest.mark.parametrize(("story", "text", "fact", "verdict"), [
    ("union", "The union and the port authority talked over the harbour radio on March 9.", "talks_radio.date",
     "contradict"),
    ("union", "The union and the port authority talked over the harbour radio on March 9.", "talks_in_person.date",
     "omit"),
    ("expedition", "The climbers reached base camp by satellite phone on May 22.", "call_sat.date", "agree"),
    ("expedition", "The climbers reached base camp by satellite phone on May 22.", "call_radio.date", "omit"),
])
def test_a_mode_of_the_base_tells_events_apart(tmp_path: Path, story: str, text: str, fact: str,
                                                verdict: str) -> None:
    fb = base(tmp_path, story)
    found = {f.fact: f.verdict for f in check_text(text, fb).findings}
    assert found[fact] == verdict, found


def test_a_mode_of_its_own_needs_its_words(tmp_path: Path) -> None:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "f.yaml").write_text("events:\n  - id: e\n    what: x\n    mode: by_radio\n", encoding="utf-8")
    from factcheck.factbase.load import load_with_problems

    _, problems = load_with_problems(d)
    assert any(p.code == "FB020" and "mode_words" in (p.fix or "") for p in problems), problems
