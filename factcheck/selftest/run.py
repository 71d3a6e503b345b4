"""The self-test run: a normal check of the corpus, then, for each fact, up to N agreeing mentions
mutated in memory (factcheck/selftest/mutate.py) and each mutated article checked again with
`check_traced`. Nothing is written; the core is only called.

Three kinds of case per mention:
- `wrong`: the value in the quoted span replaced by a wrong one in the same style; expected
  `contradict` at the span (caught) — else missed, with what the trace says bound instead; or
  doubted: unclear only because the article states the right value firmly elsewhere
  (value.agreed_elsewhere, precision first), counted apart from recall;
- `same`: the value in other words; expected `agree` at the span (kept) — else lost;
- `moved`: the wrong value put in the value slot of a clause the check bound to ANOTHER event
  (or, for a cue-bound fact, to another cue-bound fact) of the same kind; expected not to make
  this fact contradict there (clean) — else accused.

Deterministic for a seed: mentions and letters are chosen with `random.Random(f"{seed}/...")`
(string seeds do not depend on PYTHONHASHSEED) and cases are checked in a fixed order, on one
process or many.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from factcheck.check import check_traced
from factcheck.factbase.model import Fact, FactBase
from factcheck.model import Mention, Source
from factcheck.runner import Limits, run
from factcheck.selftest.mutate import MUTATORS, Edit, Mutator, moved_text, verified
from factcheck.selftest.report import NotMutated, Outcome, SelftestReport

_FIGURES = frozenset({"quantity", "count", "percentage", "money", "duration"})


@dataclass(frozen=True)
class Case:
    """One mutated article to check, and what to look for at [start, end)."""

    fact: str
    kind: str
    mode: str  # wrong | same | moved
    source: str  # the article checked (for `moved`, the host article)
    path: str
    text: str
    start: int
    end: int
    original: str
    new: str
    how: str
    origin: str  # the article and line the agreeing mention came from


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _sentence_at(text: str, start: int, end: int) -> str:
    from factcheck.segment import segment

    doc = segment(text)
    s = next((s for s in doc.sentences if s.start <= start < s.end), None)
    return " ".join((s.text if s else text[max(0, start - 80) : end + 80]).split())


def evaluate(case: Case, fb: FactBase) -> Outcome:
    """Check the mutated article and judge the case from the trace."""
    try:
        t = check_traced(Source(id=case.source, text=case.text, path=case.path), fb)
    except Exception as e:  # noqa: BLE001 - one case must never abort the run
        return _outcome(case, "error", "error", (), f"internal error while checking: {type(e).__name__}: {e}")
    finding = next(f for f in t.result.findings if f.fact == case.fact)
    at = [m for m in finding.mentions if m.start < case.end and case.start < m.end]
    steps = [s for s in t.steps if s.fact == case.fact and s.start < case.end and case.start < s.end]
    verdicts = {m.verdict for m in at}
    if case.mode == "wrong":
        ok = "contradict" in verdicts
        # the wrong value beside the right one stated firmly elsewhere in the article is shown unclear
        # by design (value.agreed_elsewhere): counted apart, in neither caught nor missed
        doubted = not ok and any("value.agreed_elsewhere" in m.rules for m in at)
        result = "caught" if ok else "doubted" if doubted else "missed"
    elif case.mode == "same":
        ok = verdicts == {"agree"} and finding.verdict != "contradict"
        result = "kept" if ok else "lost"
    else:
        ok = "contradict" not in verdicts
        result = "clean" if ok else "accused"
    if at:
        m = _worst(at, case.mode)
        return _outcome(case, result, m.verdict, m.rules, m.reason + f" [{m.rule}]")
    if steps:
        s = steps[-1]
        return _outcome(case, result, s.outcome, s.rules, s.reason)
    why = ("no value of this kind was read at the span, or no rule bound it to the fact"
           + (f" (the fact is {finding.verdict} here)" if finding.verdict != "omit" else " (the fact is omitted)"))
    return _outcome(case, result, "unbound", (), why)


def _worst(ms: list[Mention], mode: str) -> Mention:
    order = ["contradict", "unclear", "agree"] if mode == "moved" else ["agree", "unclear", "contradict"]
    if mode == "wrong":
        order = ["agree", "unclear", "contradict"]
    return sorted(ms, key=lambda m: (order.index(m.verdict), m.start))[0]


def _outcome(case: Case, result: str, verdict: str, rules: tuple[str, ...], reason: str) -> Outcome:
    return Outcome(fact=case.fact, kind=case.kind, mode=case.mode, result=result, source=case.source,
                   line=_line(case.text, case.start), origin=case.origin, original=case.original, new=case.new,
                   how=case.how, sentence=_sentence_at(case.text, case.start, case.end) if result in
                   ("missed", "lost", "accused", "error") else "", verdict=verdict, rules=tuple(rules), reason=reason)


# -- choosing mentions and building cases ----------------------------------------------------------


@dataclass(frozen=True)
class _Agree:
    source: Source
    mention: Mention


def _hosts(fact: Fact, fb: FactBase, agreeing: dict[str, list[_Agree]]) -> list[tuple[Fact, _Agree]]:
    """Clauses about another event (or another cue-bound fact) holding a value of the same kind."""
    out = []
    mine = fb.events[fact.event] if fact.event else None
    for g in fb.facts:
        if g.id == fact.id or g.kind != fact.kind:
            continue
        if mine is not None:
            if not g.event or g.event == fact.event:
                continue
        elif not fact.cues or g.event or not g.cues:
            continue
        for a in agreeing.get(g.id, []):
            s = a.mention.sentence
            if mine is not None and any(p.search(s) for p in (*mine.names, *mine.words)):
                continue
            if any(p.search(s) for p in fact.cues):
                continue
            out.append((g, a))
    return out


def build_cases(fb: FactBase, sources: Sequence[Source], agreeing: dict[str, list[_Agree]], per_fact: int,
                seed: int) -> tuple[list[Case], list[NotMutated], dict[str, int]]:
    """The cases to check, the facts not mutated (with why), and mentions mutated per fact."""
    cases: list[Case] = []
    skipped: list[NotMutated] = []
    used: dict[str, int] = {}
    for fact in fb.facts:
        mine = agreeing.get(fact.id, [])
        if fact.kind not in MUTATORS:
            skipped.append(NotMutated(fact.id, fact.kind, f"no mutator for kind {fact.kind}"))
            continue
        if not mine:
            skipped.append(NotMutated(fact.id, fact.kind, "no agreeing mention in the corpus"))
            continue
        rng = random.Random(f"{seed}/{fact.id}")
        order = list(mine)
        rng.shuffle(order)
        # distinct surface forms first ("Tuesday", "Tuesday's", then a second "Tuesday")
        firsts: dict[str, _Agree] = {}
        for a in order:
            firsts.setdefault(a.mention.text.lower(), a)
        fresh = list(firsts.values())
        order = fresh + [a for a in order if all(a is not b for b in fresh)]
        hosts = _hosts(fact, fb, agreeing)
        n = 0
        for a in order:
            if n >= per_fact:
                break
            m, src = a.mention, a.source
            r = random.Random(f"{seed}/{fact.id}/{src.id}/{m.start}")
            mut = MUTATORS[fact.kind]
            wrong = verified(fb, fact, src.text, _edits(mut.wrong, m, fact, fb, r), "contradict", 2)
            same = verified(fb, fact, src.text, _edits(mut.same, m, fact, fb, r), "agree", 1)
            if not wrong and not same:
                continue
            n += 1
            origin = f"{src.id}:{_line(src.text, m.start)}"
            for mode, edits in (("wrong", wrong), ("same", same)):
                for e in edits:
                    cases.append(_case(fact, mode, src, e, m.text, origin))
            if wrong and hosts:
                local = [h for h in hosts if h[1].source.id == src.id] or hosts
                _, h = local[r.randrange(len(local))]
                moved = moved_text(h.mention.text, wrong[0].new) if fact.kind in _FIGURES else wrong[0].new
                e = Edit(h.mention.start, h.mention.end, moved, f"{wrong[0].how}, moved into a clause "
                         f"bound to {_bound_to(h.mention)}")
                cases.append(_case(fact, "moved", h.source, e, h.mention.text, origin))
        used[fact.id] = n
        if n == 0:
            skipped.append(NotMutated(fact.id, fact.kind, f"none of its {len(mine)} agreeing mention(s) could be "
                                      "mutated into a value the kind itself judges wrong or the same"))
    return cases, skipped, used


def _edits(fn: Mutator, m: Mention, fact: Fact, fb: FactBase, r: random.Random) -> list[Edit]:
    """A mutator's edits; one that fails on an odd surface form makes none (the mention is then
    reported among those that could not be mutated), never a failed run."""
    try:
        return fn(m.text, m.start, fact, fb, r)
    except Exception:  # noqa: BLE001
        return []


def _bound_to(m: Mention) -> str:
    return m.rule.split(";")[0].split(" (")[0]


def _case(fact: Fact, mode: str, src: Source, e: Edit, original: str, origin: str) -> Case:
    return Case(fact=fact.id, kind=fact.kind, mode=mode, source=src.id, path=src.path, text=e.apply(src.text),
                start=e.start, end=e.start + len(e.new), original=original, new=e.new, how=e.how, origin=origin)


# -- running -----------------------------------------------------------------------------------------

_FB: FactBase | None = None


def _init(fb: FactBase) -> None:
    global _FB
    _FB = fb


def _work(case: Case) -> Outcome:
    assert _FB is not None
    return evaluate(case, _FB)


def selftest(paths: Sequence[str | os.PathLike[str]], fb: FactBase, *, per_fact: int = 3, seed: int = 0,
             jobs: int = 1, limits: Limits | None = None,
             progress: Callable[[str], None] | None = None) -> SelftestReport:
    """Run the self-test of `fb` on the corpus under `paths` (read, never written)."""
    base = run(paths, fb, jobs=jobs, limits=limits)
    agreeing: dict[str, list[_Agree]] = {}
    for r in base.results:
        for f in r.findings:
            if f.verdict == "agree":
                agreeing.setdefault(f.fact, []).extend(_Agree(r.source, m) for m in f.mentions if m.verdict == "agree")
    cases, skipped, used = build_cases(fb, [r.source for r in base.results], agreeing, per_fact, seed)
    if progress:
        progress(f"{len(base.results)} article(s), {len(cases)} mutated article(s) to check")
    if jobs <= 1 or len(cases) < 2:
        outcomes = [evaluate(c, fb) for c in cases]
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(fb,)) as pool:
            outcomes = list(pool.map(_work, cases, chunksize=max(1, len(cases) // (jobs * 4))))
    return SelftestReport(
        sources=len(base.results), errors=tuple(f"{e.id}: {e.reason}" for e in base.errors),
        facts=tuple((f.id, f.kind) for f in fb.facts), per_fact=per_fact, seed=seed,
        mentions=tuple(sorted(used.items())), outcomes=tuple(outcomes), not_mutated=tuple(skipped))
