"""A fact of a date's weekday alone (`part: weekday`): it judges the weekday written alone or beside a
date, and the event's other date facts then judge the day alone (before: a base could not say it;
users wrote weekday facts as outcomes or as dates with long `exclude` lists, and a right date under
a wrong weekday accused the date)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source

BASE = """events:
  - id: ev
    what: the event
    date: {day}
    words: ['{words}']
    facts:
      - id: ev.date
        kind: date
        value: {day}
      - id: ev.weekday
        kind: date
        value: {day}
        part: weekday
"""


def _verdicts(tmp_path: Path, day: str, words: str, text: str) -> dict[str, str]:
    (tmp_path / "f.yaml").write_text(BASE.format(day=day, words=words), encoding="utf-8")
    found = check(Source(id="t", text=text), load_factbase(tmp_path)).findings
    return {f.fact: f.verdict for f in found}


@pytest.mark.parametrize("day, words, text, date, weekday", [
    # a right date under a wrong weekday: the weekday fact accuses, the date fact agrees
    ("2005-05-25", "final", "Liverpool won the final of Tuesday evening, 25.05.2005, in Istanbul.", "agree",
     "contradict"),
    ("2021-04-19", "lifted off", "On Sunday, 19 April 2021, the helicopter lifted off in Jezero crater.",
     "agree", "contradict"),
    # both right
    ("2005-05-25", "final", "Liverpool won the final on Wednesday, May 25, 2005, in Istanbul.", "agree", "agree"),
    # a weekday alone is the weekday fact's
    ("2021-04-19", "lifted off", "The helicopter lifted off on Monday in Jezero crater.", "omit", "agree"),
    ("2021-04-19", "lifted off", "The helicopter lifted off on Sunday in Jezero crater.", "omit", "contradict"),
    # a date with no weekday says nothing of the weekday; a wrong day still accuses the date
    ("2005-05-25", "final", "Liverpool won the final on 26 May 2005 in Istanbul.", "contradict", "omit"),
])
def test_a_weekday_fact_and_its_date(tmp_path: Path, day: str, words: str, text: str, date: str,
                                     weekday: str) -> None:
    got = _verdicts(tmp_path, day, words, text)
    assert (got["ev.date"], got["ev.weekday"]) == (date, weekday), (text, got)


def test_a_weekday_part_must_be_weekday(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(BASE.format(day="2005-05-25", words="final").replace(
        "part: weekday", "part: month"), encoding="utf-8")
    with pytest.raises(Exception, match="part"):
        load_factbase(tmp_path)
