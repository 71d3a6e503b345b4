"""Mine candidate facts from a corpus: `factcheck suggest [CORPUS ...]`.

Every value the readers can read is collected with its sentence (reading.py): figures with the
noun they count ("12,000 Canadian nurses"), percentages, sums of money, measures, durations, dates,
clock times, years, and people named in full. Mentions are grouped into candidate facts by kind
and by context (grouping.py): a mention joins the candidate whose context is most like its own
when its value is close to the candidate's values (12,000 vs 12,300 vs about 13,000 nurses; "two
hours and one minute" vs "just over two hours"). The grouping is greedy and deterministic: the
same corpus in the same order gives the same output, byte for byte.

Candidates are ranked by the number of distinct sources stating them. Within a candidate the
distinct values are listed with the sources stating each; DISAGREE and DIFFER flag sources that
do not say the same thing (agreement.py). With a fact base, a candidate the checker already binds
is covered (coverage.py). The output is YAML stubs ready to edit (stubs.py, render.py).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import Any

from factcheck.clitools import SourceLimits
from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError
from factcheck.suggest.agreement import assess
from factcheck.suggest.coverage import coverage, mark_covered
from factcheck.suggest.grouping import group, idf, topics
from factcheck.suggest.model import KIND_ORDER, Candidate, Suggestions, ValueGroup, ValueMention
from factcheck.suggest.reading import read_mentions
from factcheck.suggest.render import render_suggestions
from factcheck.suggest.stubs import fact_kind, stub_id
from factcheck.suggest.words import stem

__all__ = [
    "Candidate",
    "Suggestions",
    "ValueGroup",
    "ValueMention",
    "read_mentions",
    "render_suggestions",
    "stem",
    "suggest",
]

PathArg = str | os.PathLike[str]


def suggest(paths: Sequence[PathArg], factbase: FactBase | None = None,
            limits: SourceLimits | None = None) -> Suggestions:
    """Candidate facts mined from the corpus at `paths`, ranked (see the module docstring).
    `limits` (default: `check`'s) bound the reading, the mining and the check of each source: a
    source over a limit is listed among the errors, like one that cannot be read."""
    from factcheck.corpus import read_corpus
    from factcheck.corpus.text import Expired, deadline

    limits = limits or SourceLimits.defaults()
    read: list[Source] = []
    errors: list[SourceError] = []
    for item in read_corpus(list(paths), **limits.reading()):
        if isinstance(item, SourceError):
            errors.append(item)
        else:
            read.append(item)
    mentions: list[ValueMention] = []
    sources: list[Source] = []
    n_sentences = 0
    for s in read:
        try:
            with deadline(limits.timeout):
                ms = read_mentions(s)
        except Expired:
            errors.append(SourceError(s.id, s.path, f"timed out: reading values took longer than {limits.timeout:g} s "
                                                    "(--timeout)"))
            continue
        sources.append(s)
        mentions.extend(ms)
        n_sentences += len({m.sentence_start for m in ms})
    order = {s.id: i for i, s in enumerate(sources)}
    labels = _labels([s.id for s in sources])
    # precise values first, then bounds ("more than", "tens of thousands"): a bound joins a
    # candidate whose figures it allows and never bridges two candidates
    mentions.sort(key=lambda m: (KIND_ORDER.index(m.value.kind), m.value.open_ended, order[m.source], m.start))
    candidates = group(mentions, idf(mentions, n_sentences), topics(sources))
    for c in candidates:
        c.mentions.sort(key=lambda m: (order[m.source], m.start))
        c.sources.sort(key=order.__getitem__)
        for g in c.values:
            g.sources.sort(key=order.__getitem__)
            g.mentions.sort(key=lambda m: (order[m.source], m.start))
        c.values.sort(key=lambda g: (-len(g.sources), order[g.mentions[0].source], g.mentions[0].start))
        c.labels = labels
        c.fact_kind = fact_kind(c)
        assess(c)
    if factbase is not None:
        spans = coverage(sources, factbase, limits)
        for c in candidates:
            mark_covered(c, spans)

    def rank(c: Candidate) -> tuple[Any, ...]:
        first = c.mentions[0]
        return (c.covered, -c.n_sources, {"DISAGREE": 0, "DIFFER": 1}.get(c.flag, 2), _vague(c), -len(c.mentions),
                KIND_ORDER.index(c.kind), order[first.source], first.start)

    candidates.sort(key=rank)
    taken: Counter[str] = Counter()
    for c in candidates:
        base = stub_id(c)
        taken[base] += 1
        c.id = base if taken[base] == 1 else f"{base}_{taken[base]}"
    return Suggestions(candidates, sources=[s.id for s in sources], errors=errors, labels=labels,
                       with_base=factbase is not None)


def _vague(c: Candidate) -> bool:
    """A weekday or a month alone: relative, it makes a poor fact on its own."""
    return c.kind == "date" and all(not (g.value.data.month and g.value.data.day) for g in c.values)


def _labels(ids: Sequence[str]) -> dict[str, str]:
    """Short labels for people: the part of each id before its first '_' when those are unique
    ("000_3cc3693bd4ee27e1" -> "000"), else the whole id."""
    short = {i: i.split("_", 1)[0] for i in ids}
    if len(set(short.values())) == len(short) and all(short.values()):
        return short
    return {i: i for i in ids}
