"""The report as a value: every finding of a run, normalised once, rendered many ways.

Renderers only read a `Report`; all ordering and gap-filling happens in
`build_report`, so every format shows the same findings in the same order and the
output is byte-identical however the results arrived (parallel runners finish in
any order).
"""

from __future__ import annotations

import dataclasses
import itertools
from abc import abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.model import VERDICTS, Finding, Mention, SourceError, SourceResult


@dataclass(frozen=True)
class FactInfo:
    """What the report needs to know about a fact of the base (not the fact itself,
    so the report does not depend on how fact bases are parsed)."""

    id: str
    kind: str
    expected: str  # the canonical value, rendered for people
    defined_at: str  # "facts/summit.yaml:12"
    severity: str = "error"  # only an error fact's findings fail a --fail-on gate


def _zero() -> dict[str, int]:
    return {v: 0 for v in VERDICTS}


def counts_of(result: SourceResult) -> dict[str, int]:
    """agree/contradict/unclear/omit counts of one (normalised) source."""
    out = _zero()
    for f in result.findings:
        out[f.verdict] += 1
    return out


class CountedResults(Sequence[SourceResult]):
    """Results that are not all in memory (`factcheck.report.store`): read back one at a time, in
    report order, with their verdicts counted on the way in, so totals need no pass over them."""

    @abstractmethod
    def get(self, source_id: str) -> SourceResult:
        """The result of one source (KeyError if unknown)."""

    @abstractmethod
    def tally(self) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
        """(totals, counts per fact id), over every result."""


@dataclass(frozen=True)
class Report:
    """Results sorted by source id, errors by id, facts in fact-base order.

    Build it with `build_report`, which sorts, validates and fills omissions (or read it from a
    `ReportStore`, whose results stay on disk); the constructor trusts its arguments.
    """

    results: Sequence[SourceResult]
    errors: Sequence[SourceError]
    facts: tuple[FactInfo, ...]

    def result(self, source_id: str) -> SourceResult:
        if isinstance(self.results, CountedResults):
            return self.results.get(source_id)
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.results):
            # built once (a frozen dataclass keeps it in __dict__): renderers look up every source
            index = {r.source.id: r for r in self.results}
            object.__setattr__(self, "_index", index)
        return index[source_id]

    def counts(self, source_id: str) -> dict[str, int]:
        """agree/contradict/omit counts for one source (KeyError if unknown)."""
        return counts_of(self.result(source_id))

    def totals(self) -> dict[str, int]:
        """agree/contradict/omit summed over all readable sources."""
        if isinstance(self.results, CountedResults):
            return dict(self.results.tally()[0])
        out = _zero()
        for r in self.results:
            for f in r.findings:
                out[f.verdict] += 1
        return out

    def fact_counts(self) -> dict[str, dict[str, int]]:
        """agree/contradict/unclear/omit counts per fact id, over all readable sources (one pass)."""
        if isinstance(self.results, CountedResults):
            per_fact = self.results.tally()[1]
            return {f.id: dict(per_fact[f.id]) for f in self.facts}
        out: dict[str, dict[str, int]] = {f.id: _zero() for f in self.facts}
        for r in self.results:
            for f in r.findings:
                out[f.fact][f.verdict] += 1
        return out

    def contradictions(self) -> list[tuple[SourceResult, Finding, Mention]]:
        """Every contradicting mention of every contradicting finding, in report
        order (source, fact, position in the text)."""
        return [
            (r, f, m)
            for r in self.results
            for f in r.findings
            if f.verdict == "contradict"
            for m in f.mentions
            if m.verdict == "contradict"
        ]

    def has_contradiction(self) -> bool:
        """Judged on finding verdicts, so a contradiction without recorded
        evidence still counts (exit status must not depend on evidence)."""
        if isinstance(self.results, CountedResults):
            return self.totals()["contradict"] > 0
        return any(f.verdict == "contradict" for r in self.results for f in r.findings)


def _mention_key(m: Mention) -> tuple[int, int, int, int, str, str, str, str]:
    # `value` is Any and may not be orderable; everything else is.
    return (m.start, m.end, m.line, m.col, m.verdict, m.rule, m.text, m.reason)


def normalise(result: SourceResult, facts: Sequence[FactInfo]) -> SourceResult:
    """One finding per fact in base order; omissions made explicit; mentions in
    text order; an empty `expected` filled from the fact base."""
    sid = result.source.id
    by_fact: dict[str, Finding] = {}
    known = {f.id for f in facts}
    for f in result.findings:
        if f.source != sid:
            raise ValueError(f"finding for source {f.source!r} filed under {sid!r}")
        if f.fact not in known:
            raise ValueError(f"source {sid!r}: finding for unknown fact {f.fact!r}")
        if f.fact in by_fact:
            raise ValueError(f"source {sid!r}: two findings for fact {f.fact!r}")
        by_fact[f.fact] = f
    findings = []
    for info in facts:
        found = by_fact.get(info.id)
        f = found or Finding(source=sid, fact=info.id, verdict="omit")
        f = dataclasses.replace(
            f,
            mentions=tuple(sorted(f.mentions, key=_mention_key)),
            expected=f.expected or info.expected,
        )
        findings.append(f)
    return dataclasses.replace(result, findings=tuple(findings))


def build_report(
    results: Iterable[SourceResult],
    errors: Iterable[SourceError],
    facts: Sequence[FactInfo],
) -> Report:
    """Normalise a run into a `Report`.

    Raises ValueError on inconsistent input (duplicate source or fact ids, a
    finding for a fact not in the base): silently dropping or merging such data
    would make the report lie.
    """
    fact_ids = [f.id for f in facts]
    if len(set(fact_ids)) != len(fact_ids):
        raise ValueError("duplicate fact ids in the fact base")
    ordered = sorted(results, key=lambda r: r.source.id)
    for a, b in itertools.pairwise(ordered):
        if a.source.id == b.source.id:
            raise ValueError(f"duplicate source id {a.source.id!r}")
    return Report(
        results=tuple(normalise(r, facts) for r in ordered),
        errors=tuple(sorted(errors, key=lambda e: (e.id, e.path, e.reason))),
        facts=tuple(facts),
    )
