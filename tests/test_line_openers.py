"""A value that opens a line and ends its sentence is what the line tells, not a live blog's stamp:
only a clock time is a stamp ("21:15." / "21:15 — ..."). Before, "England won on penalties." opening a
paragraph was read as a stamp and was only unclear."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source

BASE = """events:
  - id: final
    what: the final, Italy beat England on penalties
    date: 2021-07-11
    words: ['final|shoot-?out|penalties']
    facts:
      - id: final.winner
        kind: outcome
        value: 'Italy\\s+won(?:\\s+on\\s+penalties)?'
        others: ['England\\s+won(?:\\s+on\\s+penalties)?']
  - id: runoff
    what: the presidential run-off, Macron beat Le Pen
    date: 2022-04-24
    words: ['run-?off|second\\s+round']
    facts:
      - id: runoff.winner
        kind: outcome
        value: 'Macron\\s+won(?:\\s+the\\s+run-?off)?'
        others: ['Le\\s+Pen\\s+won(?:\\s+the\\s+run-?off)?']
"""


@pytest.mark.parametrize("text, fact, want", [
    ("Italy and England met in the final at Wembley.\n\nEngland won on penalties.", "final.winner", "contradict"),
    ("Italy and England met in the final at Wembley.\n\nItaly won on penalties.", "final.winner", "agree"),
    ("France voted in the run-off on Sunday.\n\nLe Pen won the run-off.", "runoff.winner", "contradict"),
])
def test_a_line_opening_value_is_no_stamp(tmp_path: Path, text: str, fact: str, want: str) -> None:
    (tmp_path / "f.yaml").write_text(BASE, encoding="utf-8")
    found = check(Source(id="x", text=text), load_factbase(tmp_path)).findings
    assert next(f.verdict for f in found if f.fact == fact) == want
