"""The checker's per-base indexes (factcheck/baseindex.py, `SurnameIndex` in kinds/name.py) leave out
only facts that could not bind: the findings are those of the loops over every fact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import baseindex
from factcheck.baseindex import BaseIndex
from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.kinds.name import SurnameIndex, _tokens, _windows, name_spec
from factcheck.model import Finding, Source, omitted
from factcheck.segment import segment

ROOT = Path(__file__).resolve().parents[1]
BASES = [ROOT / "facts", *sorted((ROOT / "examples").glob("*/facts")),
         *sorted((ROOT / "tests" / "golden").glob("stories*/*/facts"))]
ARTICLES = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/golden/**/*.txt")])


def _names() -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for base in BASES:
        for f in load_factbase(base).facts:
            if f.kind == "name" and "patterns" not in f.options:
                out.append((str(f.value), tuple(str(v.value) for v in f.variants)))
    return sorted(set(out))


NAMES = _names()
SPECS = [name_spec(v, vs) for v, vs in NAMES]
INDEX = SurnameIndex(SPECS)


def _missed(text: str) -> list[str]:
    """The names `_windows` finds in `text` that the index does not name."""
    got = INDEX.candidates(text)
    toks = _tokens(text)
    return [NAMES[k][0] for k, spec in enumerate(SPECS) if _windows(toks, spec) and k not in got]


def test_every_name_of_every_base_in_every_sentence_of_the_project() -> None:
    assert len(SPECS) > 30 and len(ARTICLES) > 100
    for path in ARTICLES:
        for s in segment(path.read_text(encoding="utf-8", errors="replace")).sentences:
            assert not _missed(s.text), (path.name, s.text)


def test_any_in_answers_for_every_article_what_candidates_answers() -> None:
    """`any_in` (the quick path's question, factcheck/quick.py) is never False where a sentence of
    the article has a candidate; a base of one name each, so that most articles have none."""
    singles = [SurnameIndex([spec]) for spec in SPECS]
    seen = {True: 0, False: 0}
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences = [s.text for s in segment(text).sentences]
        for index in singles[::3]:
            named = bool(index.candidates(text)) or any(index.candidates(s) for s in sentences)
            assert index.any_in(text) or not named, (path.name, index.exact)
            seen[named] += 1
    assert seen[True] > 100 and seen[False] > 100  # both answers were asked for


def test_any_in_reads_particles_and_one_word_written_as_two() -> None:
    van = SurnameIndex([name_spec("Virgil van Dijk", ())])
    mac = SurnameIndex([name_spec("Alexis Mac Allister", ())])
    assert van.any_in("A header from van Dijk.") and van.any_in("A header from Van Dijk.")
    assert van.any_in("A header from van Dyk.")  # one edit
    assert not van.any_in("A header from Salah, then a van drove past.")
    assert mac.any_in("Mac Allister scored.") and mac.any_in("MacAllister scored.")
    assert not mac.any_in("Allister scored, then Mac left.") or mac.candidates("Allister scored, then Mac left.")


_EDITS = st.lists(st.tuples(st.sampled_from("ids"), st.integers(0, 30), st.sampled_from("aeklnorsvyzéñ'-")), max_size=4)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, len(NAMES) - 1), _EDITS, st.sampled_from(["{}", "Mr {}", "van {}", "{} Jr.", "J. {}"]))
def test_misspelt_names_are_never_ruled_out(k: int, edits: list[tuple[str, int, str]], frame: str) -> None:
    """Up to four edits (more than the kind accepts), hyphens and particles included."""
    name = list(NAMES[k][0])
    for op, i, c in edits:
        i %= len(name) + 1
        if op == "i":
            name.insert(i, c)
        elif name and i < len(name):
            if op == "d":
                del name[i]
            else:
                name[i] = c
    text = f"On Friday {frame.format(''.join(name))} said so."
    assert not _missed(text)
    assert INDEX.any_in(text) or not INDEX.candidates(text)


def test_checks_are_those_of_the_full_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same findings when every lookup returns every fact (the loops before the indexes)."""
    bases = [load_factbase(b) for b in BASES[:4]]
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES[::6]]
    indexed = [check(Source(str(i), t), fb) for fb in bases for i, t in enumerate(texts)]

    def everything(self: BaseIndex, *_: Any) -> list[Any]:
        return self.free

    def all_events(self: BaseIndex, events: Any) -> list[Any]:
        every = sorted((x for facts in self.by_event.values() for x in facts), key=lambda x: x[0])
        return [f for _, f in every if f.event in events]

    monkeypatch.setattr(BaseIndex, "free_facts", everything)
    monkeypatch.setattr(BaseIndex, "event_facts", all_events)
    monkeypatch.setattr(BaseIndex, "cue_candidates", lambda self, keys: [f for _, f in self.cue_facts.values()])
    full = [check(Source(str(i), t), fb) for fb in bases for i, t in enumerate(texts)]
    assert indexed == full


def test_an_omission_is_the_finding_its_constructor_makes() -> None:
    fb = load_factbase(ROOT / "facts")
    for fact, blank in zip(fb.facts, baseindex.base_index(fb).blank):
        made, built = omitted("src", blank), Finding("src", fact.id, "omit", (), fact.expected)
        assert made == built and repr(made) == repr(built) and vars(made) == vars(built)
        assert list(vars(made)) == list(vars(built)) and made.to_json() == built.to_json()


def test_any_in_reads_a_particle_inside_a_window() -> None:
    """`any_in` looks only from the capitals that may open a window; a particle before a word such a
    window takes (or one that opens a window itself) is a token of `candidates`, which it then asks:
    every arrangement of a few words of surnames with particles, on either side of other words."""
    from itertools import product

    indexes = [SurnameIndex([name_spec(n, ())]) for n in
               ("Luis da Silva Costa", "Maria de la Vega", "Jan van der Berg", "Virgil van Dijk", "Bin Salman")]
    # ("Da la Vega": the window from "Da" takes "la", and is one edit from "delavega")
    words = ["Da", "De", "Van", "Silva", "Costa", "Vega", "Berg", "Dijk", "Salman", "da", "de", "la", "van", "der",
             "bin", "the"]
    for k in (1, 2, 3):
        for combo in product(words, repeat=k):
            for text in (f"Then {' '.join(combo)} spoke.", f"{'-'.join(combo)} Ltd"):
                for index in indexes:
                    assert index.any_in(text) or not index.candidates(text), (text, index.exact)
