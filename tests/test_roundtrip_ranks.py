"""Round trip: a rank written after a ranking word, as "No. N", "number <word>" or an ordinal word
("the world No. 7", "world number seven", "seeded seventh"), reads back as N; another N contradicts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase
from factcheck.lang import lang, pack

WORDS = {int(v): str(w) for w, v in lang().number_words.items() if 2 <= v <= 20}
ORDINALS = {int(v): str(w) for w, v in pack("numbers")["ordinals"].items() if 2 <= int(v) <= 20}


def _verdict(value: int, sentence: str) -> str:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "f.yaml"
        path.write_text(f"facts:\n  - {{id: p.rank, kind: ordinal, value: {value}, "
                        "counted: 'world\\s+No\\.?|world\\s+number|seeded|ranked', cues: ['Alvarez']}\n",
                        encoding="utf-8")
        fb = load_factbase(path)
    return check_text(sentence, fb).findings[0].verdict


@settings(max_examples=30, deadline=None)
@given(value=st.integers(2, 20), other=st.integers(2, 20),
       form=st.sampled_from(["world No. {n}", "world number {w}", "seeded {o}", "ranked {o}"]))
def test_rank_after_ranking_word(value: int, other: int, form: str) -> None:
    def said(n: int) -> str:
        return form.format(n=n, w=WORDS[n], o=ORDINALS[n])

    assert _verdict(value, f"Alvarez, {said(value)}, won the final.") == "agree"
    if other != value:
        assert _verdict(value, f"Alvarez, {said(other)}, won the final.") == "contradict"
