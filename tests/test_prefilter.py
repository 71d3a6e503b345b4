"""The base's automaton (factcheck/prefilter.py) never rules out a pattern that matches."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.factbase.load import load_factbase
from factcheck.prefilter import Prefilter, required_literals

ROOT = Path(__file__).resolve().parents[1]
BASES = [ROOT / "facts", *sorted((ROOT / "examples").glob("*/facts")),
         *sorted((ROOT / "tests" / "golden").glob("stories*/*/facts")), *[ROOT / "tests" / "rules" / "bases"]]


def _patterns() -> list[str]:
    out = []
    for base in BASES:
        if not base.is_dir():
            continue
        fb = load_factbase(base)
        for f in fb.facts:
            out += [p.compiled.pattern for p in (*f.cues, *f.exclude, *f.near)]
        for e in fb.events.values():
            out += [p.compiled.pattern for p in (*e.names, *e.words)]
    return sorted(set(out))


PATTERNS = _patterns()
TEXTS = sorted({line for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/golden/**/*.txt")]
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()})


@pytest.mark.parametrize("source, words", [
    (r"deadliest|worst|since", {"deadliest", "worst", "since"}),
    (r"prime\s+minister", {"minister"}),
    (r"(?:earth)?quakes?\b|tremors?\b", {"quake", "tremor"}),
    (r"up\s+to|as\s+many\s+as", None),  # "up to" has no word of three letters: always a candidate
    (r"\p{L}+ed", None),  # the regex module's syntax: cannot tell
])
def test_required_literals(source: str, words: set[str] | None) -> None:
    got = required_literals(source)
    assert (None if got is None else set(got)) == words


def test_no_pattern_of_any_base_is_ruled_out_where_it_matches() -> None:
    """Every pattern of every shipped and test base, against every line of every article the project
    has: where the pattern matches, the prefilter names it."""
    assert len(PATTERNS) > 100 and len(TEXTS) > 500
    pf = Prefilter(enumerate(PATTERNS))
    compiled = [regex.compile(p, regex.IGNORECASE) for p in PATTERNS]
    missed = []
    for text in TEXTS:
        cands = pf.candidates(text)
        missed += [(PATTERNS[i], text[:60]) for i, rx in enumerate(compiled) if i not in cands and rx.search(text)]
    assert not missed, missed[:5]


def test_the_prefilter_rules_out_most_pairs() -> None:
    """It is worth its scan: most (line, pattern) pairs of the project's articles are ruled out."""
    pf = Prefilter(enumerate(PATTERNS))
    kept = sum(len(pf.candidates(t)) for t in TEXTS)
    assert kept < 0.25 * len(TEXTS) * len(PATTERNS)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_texts_around_the_words(data: st.DataObject) -> None:
    """Texts built from a pattern's own words, case changed, with noise around: a match is never
    ruled out."""
    source = data.draw(st.sampled_from(PATTERNS))
    words = sorted(required_literals(source) or {"x"})
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(words).map(str.upper), st.sampled_from(words),
                                          st.text(alphabet="abcé ÉS-s\n", max_size=6)), max_size=8))
    text = "".join(pieces)
    pf = Prefilter([(0, source)])
    if regex.search(source, text, flags=regex.IGNORECASE):
        assert 0 in pf.candidates(text)
