"""The name tokenizer's fast path (capitalised words, then particles looked for only before them)
finds what one regex over the whole text finds: the reference below is the pattern it replaced."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.kinds.name import _L, _name_words, _particles
from factcheck.lang import alternation


def _reference(text: str) -> list[tuple[int, int]]:
    parts = alternation(_particles())
    rx = regex.compile(rf"(?<![{_L}'’])(?:\p{{Lu}}[{_L}]*(?:['’]\p{{Lu}}[{_L}]*)*"
                       rf"|(?-i:{parts})(?=[\s\-]+\p{{Lu}}))(?![{_L}])")
    return [(m.start(), m.end()) for m in rx.finditer(text)]


_PIECES = ["van", "de", "der", "von", "la", "al", "bin", "Dijk", "Moraes", "Leyen", "O'Neill", "Kunde",
           "ade", "xde", "Él", "é", "e\u0301", "'", "’", " ", "  ", "\t", "\n", "-", ",", ".", "Mac", "Allister",
           "d", "Di", "María", "\u00a0", "9", "ABC"]


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
