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
    assert not _missed(f"On Friday {frame.format(''.join(name))} said so.")


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
