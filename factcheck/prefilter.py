"""One automaton for a whole fact base: which patterns can match a text, in one scan of it.

Each user pattern (cues, event names and words) is reduced to the literal words it cannot match
without: for every top-level branch of the expression, its longest run of literal characters
(three or more) that every match of that branch contains ("prime\\s+minister" needs "minister";
"deadliest|worst" needs "deadliest" or "worst"). A pattern with a branch that has no such run (a
character class, an optional part only, a construct the parser does not know) is *always* a
candidate. One Aho–Corasick automaton (pyahocorasick) of every such word, over the lower-cased
text, then tells which patterns may match: the others cannot, and are not run. The prefilter is
conservative by construction: it never drops a pattern that could match; it only spares the regular
expressions that could not.
"""

from __future__ import annotations

import re._constants as C
import re._parser as P
import weakref
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import Any

import ahocorasick

_MIN = 3  # a shorter literal ("of", "a") is in almost every text: it rules nothing out


@lru_cache(maxsize=8192)
def required_literals(source: str) -> frozenset[str] | None:
    """Case-folded words one of which every match of `source` contains; None when it cannot tell."""
    try:
        tree = P.parse(source, C.SRE_FLAG_IGNORECASE)
    except Exception:  # noqa: BLE001 - the `regex` module's syntax (\p{L}, possessives ...): cannot tell
        return None
    return _alternatives(list(tree))


def _alternatives(seq: list[Any]) -> frozenset[str] | None:
    """The words one of which a match of this sequence must contain."""
    if len(seq) == 1 and seq[0][0] is C.BRANCH:
        out: set[str] = set()
        for branch in seq[0][1][1]:
            words = _alternatives(list(branch))
            if words is None:
                return None
            out |= words
        return frozenset(out)
    best: frozenset[str] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best
        word = "".join(run).casefold()
        run.clear()
        if len(word) >= _MIN and (best is None or min(map(len, best)) < len(word)):
            best = frozenset({word})

    for op, arg in seq:
        if op is C.LITERAL:
            run.append(chr(arg))
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the literals on either side are still consecutive in any match
        flush()
        inner: frozenset[str] | None = None
        if op is C.SUBPATTERN:
            inner = _alternatives(list(arg[-1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _alternatives(list(arg[2]))
        elif op is C.BRANCH:
            inner = _alternatives([(op, arg)])
        if inner and (best is None or min(map(len, inner)) > min(map(len, best))):
            best = inner
    flush()
    return best


class Prefilter:
    """Which of many patterns may match a text. Build once per fact base; `candidates` scans a text once."""

    def __init__(self, patterns: Iterable[tuple[Hashable, str]]):
        self.always: set[Hashable] = set()
        by_word: dict[str, set[Hashable]] = {}
        for key, source in patterns:
            words = required_literals(source)
            if not words:
                self.always.add(key)
                continue
            for w in words:
                by_word.setdefault(w, set()).add(key)
        self._auto: Any = None
        if by_word:
            auto = ahocorasick.Automaton()
            for w, keys in by_word.items():
                auto.add_word(w, frozenset(keys))
            auto.make_automaton()
            self._auto = auto

    def candidates(self, text: str) -> set[Hashable]:
        """The keys whose pattern may match `text` (a superset of those that do)."""
        out = set(self.always)
        if self._auto is not None:
            for _, keys in self._auto.iter(text.casefold()):
                out |= keys
        return out


_BY_BASE: dict[tuple[int, str], Any] = {}


def per_base(fb: Any, what: str, build: Any) -> Any:
    """`build()`, once per fact base (and per process): compiled tables that depend on the base only."""
    key = (id(fb), what)
    value = _BY_BASE.get(key)
    if value is None:
        value = _BY_BASE[key] = build()
        weakref.finalize(fb, _BY_BASE.pop, key, None)
    return value


def _cached(fb: Any, what: str, build: Any) -> Prefilter:
    pf: Prefilter = per_base(fb, what, build)
    return pf


def cue_prefilter(fb: Any) -> Prefilter:
    """The prefilter of every cue pattern of a fact base, keyed (fact id, cue index); built once
    per base (and per worker process)."""
    return _cached(fb, "cues", lambda: Prefilter(
        ((f.id, i), p.compiled.pattern) for f in fb.facts for i, p in enumerate(f.cues)))


def event_prefilter(fb: Any) -> Prefilter:
    """The prefilter of every event's names and words, keyed ("names" or "words", event id, index)."""
    return _cached(fb, "events", lambda: Prefilter(
        ((part, e.id, i), p.compiled.pattern) for e in fb.events.values()
        for part in ("names", "words") for i, p in enumerate(getattr(e, part))))
