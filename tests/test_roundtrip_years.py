"""Years said from the page's own date ("last year", "at the end of the year") read back as the
page's year plus their offset."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck.factbase.load import load_factbase
from factcheck.kinds import KINDS, Context
from factcheck.segment import segment

_DIR = Path(tempfile.mkdtemp())
(_DIR / "f.yaml").write_text("facts:\n  - {id: x.year, kind: year, value: 2000, cues: ['leave']}\n",
                             encoding="utf-8")
_FACT = load_factbase(_DIR).fact("x.year")
_PHRASES = {"this year": 0, "at the end of the year": 0, "last year": -1, "next year": 1,
            "later this year": 0, "at the end of last year": -1}


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)), st.sampled_from(sorted(_PHRASES)))
def test_relative_year_roundtrip(page: dt.date, phrase: str) -> None:
    text = f"By Desk | {page.day} {page.strftime('%B')} {page.year}\n\nThe chief executive will leave {phrase}.\n"
    doc = segment(text)
    ctx = Context(doc=doc)
    sentence = next(s for s in doc.sentences if "leave" in s.text)
    got = [r.value for r in KINDS["year"].extract(sentence, _FACT, ctx)]
    assert got == [page.year + _PHRASES[phrase]], (text, got)


@given(st.integers(1000, 2099), st.integers(1000, 2099))
def test_year_of_any_age_read_back_for_its_fact(value: int, written: int) -> None:
    """A fact's year is read from 1000 when the fact is that old, from 1600 otherwise; read back, it is
    the year written."""
    from factcheck.kinds.year import OLDEST_USUAL, years_in

    doc = segment(f"Construction began in {written} under the bishop.")
    got = [y for _, _, y in years_in(doc.sentences[0], old=value < OLDEST_USUAL)]
    assert got == ([written] if written >= OLDEST_USUAL or value < OLDEST_USUAL else [])
