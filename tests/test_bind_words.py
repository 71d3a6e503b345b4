"""An event's word or name pattern matches whole words: an alternative that matches only inside a
longer word must not hide another alternative that matches the whole word (two users' event words
never bound: 'landfall|made\\s+land' on "made landfall", 'lift|liftoff' on "liftoff")."""

from __future__ import annotations

import pytest

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase

BASES = {
    "storm": """events:
  - id: landfall
    what: the storm comes ashore
    date: 2022-09-28
    zone: America/New_York
    words: ['landfall|made\\\\s+land']
    facts:
      - {id: landfall.date, kind: date, value: 2022-09-28}
""",
    "launch": """events:
  - id: launch
    what: the rocket lifts off
    date: 2022-11-16
    zone: America/New_York
    words: ['lift|liftoff']
    facts:
      - {id: launch.date, kind: date, value: 2022-11-16}
""",
}


@pytest.mark.parametrize("story, fact, text, verdict", [
    ("storm", "landfall.date", "The storm made landfall on Tuesday near Cayo Costa.", "contradict"),
    ("storm", "landfall.date", "The storm made landfall on Wednesday near Cayo Costa.", "agree"),
    ("launch", "launch.date", "The rocket's liftoff came on Wednesday, November 16.", "agree"),
    ("launch", "launch.date", "The rocket's liftoff came on Thursday, November 17.", "contradict"),
    ("launch", "launch.date", "The uplifting news came on Thursday, November 17.", "omit"),  # inside a word
])
def test_whole_word_alternatives_bind(tmp_path, story: str, fact: str, text: str, verdict: str) -> None:
    (tmp_path / "b.yaml").write_text(BASES[story], encoding="utf-8")
    fb = load_factbase(tmp_path / "b.yaml")
    got = {f.fact: f.verdict for f in check_text(text, fb).findings}
    assert got[fact] == verdict
