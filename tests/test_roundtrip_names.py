"""Round trip: a name written without accents, with a space for its hyphen, or with its particle
in another case is the same name; one substituted consonant is a misspelling."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase

SYLLABLE = st.tuples(st.sampled_from("bdgklmnprstvz"), st.sampled_from("aeiouáéíóú")).map("".join)
# surnames start with a consonant, first names with a vowel or h: a first name never joins a surname
WORD = st.lists(SYLLABLE, min_size=3, max_size=4).map(lambda s: "".join(s).capitalize())


def _strip(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _base(value: str) -> FactBase:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "f.yaml"
        path.write_text(f"facts:\n  - {{id: p.x, kind: name, value: '{value}', context: ['coach']}}\n",
                        encoding="utf-8")
        return load_factbase(path)


def _verdict(value: str, written: str) -> str:
    fb = _base(value)
    return check_text(f"The coach {written} praised the players.", fb).findings[0].verdict


@settings(max_examples=40, deadline=None)
@given(first=st.sampled_from(["Ana", "José", "Émile", "Hugo", "Inés"]), a=WORD, b=WORD,
       particle=st.sampled_from(["", "van ", "de ", "Di "]))
def test_spelling_round_trip(first: str, a: str, b: str, particle: str) -> None:
    value = f"{first} {particle}{a}-{b}"
    for written in (value, _strip(value), value.replace("-", " "), f"{first} {particle.capitalize()}{a}-{b}"):
        assert _verdict(value, written) == "agree", written
    # one consonant of the surname replaced by 'x' (not a transliteration alternation)
    i = next(i for i, c in enumerate(b) if i > 0 and c in "bdgklmnprstvz")
    wrong = f"{first} {particle}{a}-{b[:i]}x{b[i + 1:]}"
    assert _verdict(value, wrong) == "contradict", wrong


def _pattern_verdict(value: str, written: str) -> str:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "f.yaml"
        path.write_text(f"facts:\n  - {{id: p.x, kind: name, value: '{value}', context: ['coach'],"
                        " patterns: ['coach\\s+(?P<who>{party})']}\n", encoding="utf-8")
        fb = load_factbase(path)
    return check_text(f"The coach {written} praised the players.", fb).findings[0].verdict


@settings(max_examples=30, deadline=None)
@given(first=st.sampled_from(["Ana", "Hugo", "Inés"]), surname=WORD, k=st.integers(1, 4))
def test_pattern_spelling_round_trip(first: str, surname: str, k: int) -> None:
    # read by a pattern, the name is checked for spelling: the value agrees, and a surname with one
    # letter replaced (after its first), or two neighbouring letters swapped, contradicts
    value = f"{first} {surname}"
    assert _pattern_verdict(value, value) == "agree"
    i = min(k, len(surname) - 2)
    replaced = surname[:i] + ("x" if surname[i] != "x" else "q") + surname[i + 1:]
    assert _pattern_verdict(value, f"{first} {replaced}") == "contradict", replaced
    swapped = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2:]
    if swapped != surname:
        assert _pattern_verdict(value, f"{first} {swapped}") == "contradict", swapped
