"""A value two facts' cues both reach: the finding names the other fact (a new user's request: which
fact took it, or made it unclear)."""

from __future__ import annotations

from pathlib import Path

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source

BASE = """facts:
  - {id: layoffs.count, kind: count, value: 3700, counted: 'employees|jobs', cues: ['cuts']}
  - {id: staff.before, kind: count, value: 7500, counted: 'employees|jobs', cues: ['workforce']}
"""


def _finding(tmp_path: Path, text: str, fact: str):  # type: ignore[no-untyped-def]
    (tmp_path / "f.yaml").write_text(BASE, encoding="utf-8")
    result = check(Source(id="x", text=text), load_factbase(tmp_path))
    return next(f for f in result.findings if f.fact == fact)


def test_a_cue_as_near_names_the_other_fact(tmp_path: Path) -> None:
    # both cues beside the figure: unclear, and the other fact is named
    f = _finding(tmp_path, "Workforce cuts: 2,000 jobs.", "layoffs.count")
    assert f.verdict == "unclear"
    assert any("cue.as_near" in m.rules and "staff.before" in m.reason for m in f.mentions), f.mentions


def test_a_cue_nearly_as_near_names_the_other_fact(tmp_path: Path) -> None:
    # this fact's cue nearer, but not clearly: the other fact is named, never an empty list
    f = _finding(tmp_path, "2,000 jobs were lost to cuts in the workforce.", "layoffs.count")
    assert f.verdict == "unclear"
    assert any("cue.as_near" in m.rules and "(staff.before)" in m.reason for m in f.mentions), f.mentions


PERIODS = """facts:
  - {id: flank.evacuated, kind: quantity, value: 500, hedge: about, unit: 'people|residents',
     cues: ['evacuat\\w*'], when: {from: 2010-03-20, to: 2010-03-31}}
  - {id: summit.evacuated, kind: quantity, value: 800, hedge: about, unit: 'people|residents',
     cues: ['evacuat\\w*'], when: {from: 2010-04-14, to: 2010-04-30}}
  - {id: queue.peak, kind: count, value: 369, counted: 'ships|vessels', cues: ['waiting'],
     when: {from: 2021-03-28, to: 2021-03-30}}
  - {id: queue.first_day, kind: count, value: 150, counted: 'ships|vessels', cues: ['waiting'],
     when: {from: 2021-03-24, to: 2021-03-24}}
"""


def _verdict(tmp_path: Path, text: str, fact: str) -> str:
    (tmp_path / "f.yaml").write_text(PERIODS, encoding="utf-8")
    result = check(Source(id="x", text=text), load_factbase(tmp_path))
    return next(f.verdict for f in result.findings if f.fact == fact)


def test_a_rival_of_another_period_is_no_rival(tmp_path: Path) -> None:
    # two facts with the same words, of two periods (an eruption's two evacuations; a canal's queue on
    # two days): the value's clause dates it, so the other period's fact that it fits is no rival
    april = "REYKJAVIK, April 16, 2010 - "
    assert _verdict(tmp_path, april + "In March, about 800 people were evacuated from farms.", "flank.evacuated") \
        == "contradict"
    assert _verdict(tmp_path, april + "In April, about 800 people were evacuated.", "summit.evacuated") == "agree"
    assert _verdict(tmp_path, "On 29 March, 150 ships were waiting at either end.", "queue.peak") == "contradict"
    assert _verdict(tmp_path, "On 24 March, 150 ships were waiting at either end.", "queue.first_day") == "agree"
    # undated, the value goes to the fact it fits
    assert _verdict(tmp_path, april + "About 800 people were evacuated.", "flank.evacuated") == "omit"
