"""The checker's per-base tables, so that the work per article follows the article, not the base.

A base of thousands of facts is mostly about stories an article does not tell. Without these
tables the checker visited every fact for every article (the cue facts, the omissions) and every
event fact and every name fact for every sentence. With them it visits only the facts of the events
a clause is about, the cue facts whose words the base's automaton found (factcheck/prefilter.py),
and the name facts whose surname a sentence may spell (`SurnameIndex`), always in the base's order,
so that what it records, and in which order, is what the full loops recorded.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from factcheck.factbase.model import Fact, FactBase
from factcheck.kinds import KINDS
from factcheck.kinds.name import NameKind, SurnameIndex, name_spec
from factcheck.prefilter import per_base


def _surname_only(fact: Fact) -> bool:
    """Does the fact read nothing but the name kind's surname windows in a sentence (no `patterns`,
    no `value_words`)? Only such a fact can be left out of a sentence where no window fits it."""
    return (fact.kind == "name" and type(KINDS.get(fact.kind)) is NameKind
            and "patterns" not in fact.options and not fact.value_words)


_FEW_NAMES = 8  # up to this many name facts, trying each in a sentence costs less than the index


class BaseIndex:
    """What the checker looks up in a base instead of scanning it. Built once per base."""

    def __init__(self, fb: FactBase):
        facts = fb.facts
        #: event id -> (place in the base, fact) of its facts
        self.by_event: dict[str, list[tuple[int, Fact]]] = {}
        for i, f in enumerate(facts):
            if f.event:
                self.by_event.setdefault(f.event, []).append((i, f))
        #: fact id -> (place, fact) of the facts bound by cues (no event)
        self.cue_facts = {f.id: (i, f) for i, f in enumerate(facts) if not f.event and f.cues}
        #: the facts that find themselves (no event, no cues): the names among them by their surnames
        self.free = [f for f in facts if not f.event and not f.cues]
        self._named = [k for k, f in enumerate(self.free) if _surname_only(f)]
        self._always = [k for k, f in enumerate(self.free) if not _surname_only(f)]
        self._all_free = list(self.free)
        #: is there a fact that finds itself otherwise than by a surname (a quote, a name with
        #: `patterns`), and are there name facts found by their surnames (factcheck/quick.py)
        self.always_free = bool(self._always)
        self.named_free = bool(self._named)
        self.surnames = SurnameIndex([name_spec(f.value, tuple(str(v.value) for v in f.variants))
                                      for f in (self.free[k] for k in self._named)])
        #: the fields of each fact's omission, the source left blank (see `omitted`)
        self.blank = [{"source": "", "fact": f.id, "verdict": "omit", "mentions": (), "expected": f.expected}
                      for f in facts]
        #: fact id -> its place(s) in the base
        self.places: dict[str, list[int]] = {}
        for i, f in enumerate(facts):
            self.places.setdefault(f.id, []).append(i)

    def event_facts(self, events: Iterable[str]) -> list[Fact]:
        """The facts of these events, in the base's order."""
        found = [x for e in events for x in self.by_event.get(e, ())]
        found.sort(key=lambda x: x[0])
        return [f for _, f in found]

    def cue_candidates(self, keys: Iterable[Hashable]) -> list[Fact]:
        """The cue facts named by prefilter keys (fact id, cue index), in the base's order."""
        found = dict(self.cue_facts[k[0]] for k in keys if isinstance(k, tuple) and k[0] in self.cue_facts)
        return [found[i] for i in sorted(found)]

    def free_facts(self, text: str) -> list[Fact]:
        """The facts that find themselves which may find themselves in the sentence `text`, in order."""
        if len(self._named) <= _FEW_NAMES:
            return self._all_free  # a few name facts cost less to try than to look up
        ks = set(self._always)
        if self._named:
            ks.update(self._named[j] for j in self.surnames.candidates(text))
        return [self.free[k] for k in sorted(ks)]


def base_index(fb: FactBase) -> BaseIndex:
    """The base's `BaseIndex`, built once per base (and per process)."""
    index: BaseIndex = per_base(fb, "base_index", lambda: BaseIndex(fb))
    return index
