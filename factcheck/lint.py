"""`factcheck lint`: every problem of the fact base in one pass; with a corpus, the facts and
rules that match nothing anywhere (a rule that never fires is reported, never silent)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from factcheck.errors import Problem
from factcheck.factbase.load import load_with_problems
from factcheck.factbase.model import FactBase, Pattern


def _patterns(fb: FactBase) -> list[tuple[str, str, Pattern]]:
    out: list[tuple[str, str, Pattern]] = []
    for e in fb.events.values():
        out += [(f"event {e.id}", "names", p) for p in e.names]
    for f in fb.facts:
        for key in ("cues", "near"):
            out += [(f"fact {f.id}", key, p) for p in getattr(f, key)]
    return out


def unused_rules(fb: FactBase, corpus: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Lines `file:line:col: FB090: ...` for facts that bind nowhere and patterns that never match."""
    from factcheck.corpus import read_corpus
    from factcheck.model import Source
    from factcheck.runner import check_safely

    fired: set[int] = set()
    bound: set[str] = set()
    pats = _patterns(fb)
    for item in read_corpus(corpus):
        if not isinstance(item, Source):
            continue
        for i, (_, _, p) in enumerate(pats):
            if i not in fired and p.search(item.text):
                fired.add(i)
        res = check_safely(item, fb)
        if not isinstance(res, Source) and hasattr(res, "findings"):
            bound |= {f.fact for f in res.findings if f.mentions}
    lines = []
    for f in fb.facts:
        if f.id not in bound:
            lines.append(f"{f.position}: FB090: fact {f.id!r} binds to no mention anywhere in the corpus")
    for i, (owner, key, p) in enumerate(pats):
        if i not in fired:
            lines.append(f"{p.position}: FB091: {owner}: `{key}` pattern {p.source!r} matches nothing in the corpus")
    return lines


def lint(facts: str | os.PathLike[str], corpus: Sequence[str | os.PathLike[str]] = ()) -> tuple[list[Problem], list[str]]:
    fb, problems = load_with_problems(facts)
    if fb is None or not corpus:
        return problems, []
    return problems, unused_rules(fb, corpus)
