"""Which candidates the fact base already covers: a candidate is covered when the checker
(factcheck/check.py) bound a mention of some fact to the same span as one of its mentions, or to a
span containing it (the set "2014 and 2015"), in the same source."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.clitools import SourceLimits
from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError
from factcheck.suggest.model import Candidate

Spans = dict[str, list[tuple[int, int, str, str]]]


def coverage(sources: Sequence[Source], fb: FactBase, limits: SourceLimits | None = None) -> Spans:
    """Per source: (start, end, fact id, verdict) of every mention the checker bound (none for a
    source the checker fails on, or that is over a limit)."""
    from factcheck.runner import check_safely

    out: Spans = {}
    for s in sources:
        spans: list[tuple[int, int, str, str]] = []
        result = check_safely(s, fb, **(limits or SourceLimits()).checking())
        if not isinstance(result, SourceError):
            for f in result.findings:
                for m in f.mentions:
                    spans.append((m.start, m.end, f.fact, m.verdict))
        out[s.id] = spans
    return out


def mark_covered(c: Candidate, spans: Spans) -> None:
    """Set the facts covering `c` (those binding most decisive mentions first), how many of its
    mentions they bind, and the checker's verdicts on those."""
    facts: Counter[str] = Counter()
    decisive: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    n = 0
    for m in c.mentions:
        hit: set[str] = set()
        for a, b, fid, verdict in spans.get(m.source, ()):
            if a <= m.start and m.end <= b:  # the same span, or one containing it ("2014 and 2015")
                facts[fid] += 1
                if verdict != "unclear":
                    decisive[fid] += 1
                hit.add(verdict)
        if hit:
            n += 1
            verdicts["contradict" if "contradict" in hit else "agree" if "agree" in hit else "unclear"] += 1
    c.covered_by = sorted(facts, key=lambda f: (-decisive[f], -facts[f], f))
    c.covered_mentions = n
    c.verdicts = dict(sorted(verdicts.items()))
