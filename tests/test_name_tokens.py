"""The name tokenizer's fast path (capitalised words, then particles looked for only before them)
finds what one regex over the whole text finds: the reference below is the pattern it replaced."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase
from factcheck.kinds.name import _L, _name_words, _particles
from factcheck.lang import alternation


def _reference(text: str) -> list[tuple[int, int]]:
    parts = alternation(_particles())
    rx = regex.compile(rf"(?<![{_L}'’])(?:\p{{Lu}}[{_L}]*(?:['’]\p{{Lu}}[{_L}]*)*(?:[\-‐‑]\p{{Ll}}[{_L}]*)?"
                       rf"|(?-i:{parts})(?=[\s\-]+\p{{Lu}}))(?![{_L}])")
    return [(m.start(), m.end()) for m in rx.finditer(text)]


_PIECES = ["van", "de", "der", "von", "la", "al", "bin", "Dijk", "Moraes", "Leyen", "O'Neill", "Kunde",
           "ade", "xde", "Él", "é", "e\u0301", "'", "’", " ", "  ", "\t", "\n", "-", ",", ".", "Mac", "Allister",
           "d", "Di", "María", "\u00a0", "9", "ABC", "Wen", "-je", "‑won"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_name_words_match_the_single_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _name_words(text) == _reference(text)


def test_particles_before_names() -> None:
    text = "Virgil van Dijk met Ursula von der Leyen and Alexandre de Moraes; Kunde Muller did not."
    words = [text[a:b] for a, b in _name_words(text)]
    assert words == ["Virgil", "van", "Dijk", "Ursula", "der", "Leyen", "Alexandre", "de", "Moraes", "Kunde",
                     "Muller"]


def test_a_pattern_name_at_the_end_of_a_sentence_is_quoted_without_its_full_stop(tmp_path: Path) -> None:
    # the evidence quotes the name, not the sentence's full stop; an abbreviation keeps its dots
    (tmp_path / "f.yaml").write_text(r"""
facts:
  - id: summit.requested_by
    kind: name
    value: Russia
    patterns: ['at\s+(?:the\s+)?request\s+of\s+(?P<who>{party})']
    others: [Biden, the U.S., Washington]
    cues: ['call|talks']
  - id: rescue.first_miner
    kind: name
    value: Florencio Ávalos
    variants: [Ávalos]
    others: [Mario Sepúlveda, Sepúlveda]
    patterns: ['first\s+man\s+out\s+was\s+(?P<who>{party})']
""", encoding="utf-8")
    fb = load_factbase(tmp_path)
    text = ("The call took place at the request of Russia.\nThe talks were held at the request of the U.S.\n"
            "The first man out was Florencio Ávalos.\n")
    quotes = {f.fact: [m.text for m in f.mentions] for f in check_text(text, fb).findings}
    assert quotes["summit.requested_by"] == ["Russia", "the U.S."]
    assert quotes["rescue.first_miner"] == ["Florencio Ávalos"]
