"""The self-test report as a value, and its renderers (table, markdown, json).

Rates per kind and per fact: `caught` of the wrong values (recall of contradictions; `doubted`
ones, shown unclear beside the right value stated firmly elsewhere, are counted apart), `kept` of
the same values in other words, `accused` of the wrong values moved into a clause about something else.
Every missed, lost or accused case is listed with the mutated sentence and what bound instead (the
verdict at the span and the rules that dropped or softened the value). Rendering is byte-identical
for identical reports: no timings, no absolute paths, fixed order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factcheck.report.table import clean

FORMATS = ("table", "markdown", "json")
_MODES = (("wrong", "caught", "missed"), ("same", "kept", "lost"), ("moved", "accused", "clean"))


@dataclass(frozen=True)
class Outcome:
    fact: str
    kind: str
    mode: str  # wrong | same | moved
    result: str  # caught/missed/doubted, kept/lost, clean/accused, or error
    source: str
    line: int
    origin: str  # source:line of the agreeing mention that was mutated
    original: str
    new: str
    how: str
    sentence: str  # the mutated sentence (failures only)
    verdict: str  # what the check made of the span: agree/contradict/unclear/dropped/unbound
    rules: tuple[str, ...]
    reason: str

    @property
    def failed(self) -> bool:
        return self.result in ("missed", "lost", "accused", "error")

    def to_json(self) -> dict[str, Any]:
        return {"fact": self.fact, "kind": self.kind, "mode": self.mode, "result": self.result,
                "source": self.source, "line": self.line, "origin": self.origin, "original": self.original,
                "new": self.new, "how": self.how, "sentence": self.sentence, "verdict": self.verdict,
                "rules": list(self.rules), "reason": self.reason}


@dataclass(frozen=True)
class NotMutated:
    fact: str
    kind: str
    reason: str


@dataclass(frozen=True)
class Tally:
    caught: int = 0
    missed: int = 0
    kept: int = 0
    lost: int = 0
    accused: int = 0
    clean: int = 0
    errors: int = 0
    doubted: int = 0  # wrong values shown unclear beside a firm agreement (value.agreed_elsewhere)

    @staticmethod
    def of(outcomes: list[Outcome] | tuple[Outcome, ...]) -> Tally:
        c = {k: 0 for k in ("caught", "missed", "kept", "lost", "accused", "clean", "error", "doubted")}
        for o in outcomes:
            c[o.result] += 1
        return Tally(c["caught"], c["missed"], c["kept"], c["lost"], c["accused"], c["clean"], c["error"],
                     c["doubted"])

    @property
    def recall(self) -> float | None:
        n = self.caught + self.missed
        return self.caught / n if n else None

    @property
    def kept_rate(self) -> float | None:
        n = self.kept + self.lost
        return self.kept / n if n else None

    @property
    def accused_rate(self) -> float | None:
        n = self.accused + self.clean
        return self.accused / n if n else None

    def to_json(self) -> dict[str, Any]:
        return {"caught": self.caught, "missed": self.missed, "doubted": self.doubted, "recall": _r(self.recall),
                "kept": self.kept, "lost": self.lost, "kept_rate": _r(self.kept_rate),
                "accused": self.accused, "moved": self.accused + self.clean, "accused_rate": _r(self.accused_rate),
                "errors": self.errors}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


@dataclass(frozen=True)
class SelftestReport:
    sources: int
    errors: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]  # (id, kind) in base order
    per_fact: int
    seed: int
    mentions: tuple[tuple[str, int], ...]  # fact -> agreeing mentions mutated
    outcomes: tuple[Outcome, ...]
    not_mutated: tuple[NotMutated, ...]

    def total(self) -> Tally:
        return Tally.of(self.outcomes)

    def kinds(self) -> list[str]:
        seen: list[str] = []
        for _, k in self.facts:
            if k not in seen:
                seen.append(k)
        return seen

    def by_kind(self) -> list[tuple[str, int, Tally]]:
        used = dict(self.mentions)
        out = []
        for k in self.kinds():
            ids = [f for f, kk in self.facts if kk == k]
            out.append((k, sum(used.get(f, 0) for f in ids), Tally.of([o for o in self.outcomes if o.kind == k])))
        return out

    def by_fact(self) -> list[tuple[str, str, int, Tally]]:
        used = dict(self.mentions)
        return [(f, k, used[f], Tally.of([o for o in self.outcomes if o.fact == f]))
                for f, k in self.facts if used.get(f)]

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.failed]


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


def _rows(rep: SelftestReport) -> tuple[list[str], list[list[str]], list[list[str]]]:
    head = ["", "mentions", "caught", "recall", "doubted", "kept", "kept%", "accused", "accused%"]

    def row(name: str, n: int, t: Tally) -> list[str]:
        return [name, str(n), f"{t.caught}/{t.caught + t.missed}", _pct(t.recall), str(t.doubted),
                f"{t.kept}/{t.kept + t.lost}",
                _pct(t.kept_rate), f"{t.accused}/{t.accused + t.clean}", _pct(t.accused_rate)]

    kinds = [row(k, n, t) for k, n, t in rep.by_kind()]
    kinds.append(row("all", sum(n for _, n in rep.mentions), rep.total()))
    facts = [row(f, n, t) for f, _, n, t in rep.by_fact()]
    return head, kinds, facts


def _failure_lines(o: Outcome) -> list[str]:
    c = clean
    what = {"missed": "MISSED (wrong value not contradicted)", "lost": "LOST (same value no longer agrees)",
            "accused": "ACCUSED (value about something else contradicts)", "error": "ERROR"}[o.result]
    return [f"{c(o.fact)} [{o.kind}] {what}",
            f"  {c(o.source)}:{o.line} (from {c(o.origin)}): {c(repr(o.original))} -> {c(repr(o.new))} ({c(o.how)})",
            f"  sentence: {c(o.sentence[:300])}",
            f"  at the span: {o.verdict}" + (f" [{', '.join(o.rules)}]" if o.rules else "")
            + (f": {c(o.reason)}" if o.reason else "")]


def _summary(rep: SelftestReport) -> str:
    t = rep.total()
    return (f"{rep.sources} article(s), {len(rep.facts)} facts, {sum(n for _, n in rep.mentions)} agreeing "
            f"mention(s) mutated (up to {rep.per_fact} a fact, seed {rep.seed}): recall {_pct(t.recall)} "
            f"({t.doubted} wrong value(s) unclear beside the right one stated elsewhere, not counted), "
            f"kept {_pct(t.kept_rate)}, accused {_pct(t.accused_rate)}")


def render_table(rep: SelftestReport) -> str:
    head, kinds, facts = _rows(rep)

    def table(rows: list[list[str]], first: str) -> list[str]:
        all_rows = [[first, *head[1:]], *rows]
        w = [max(len(r[i]) for r in all_rows) for i in range(len(head))]
        return ["  ".join(x.ljust(w[i]) if i == 0 else x.rjust(w[i]) for i, x in enumerate(r)) for r in all_rows]

    out = [_summary(rep), "", *table(kinds, "kind"), "", *table(facts, "fact")]
    fails = rep.failures()
    if fails:
        out += ["", f"{len(fails)} case(s) to look at:"]
        for o in fails:
            out += _failure_lines(o)
    if rep.not_mutated:
        out += ["", "not mutated:"]
        out += [f"  {clean(n.fact)} [{n.kind}]: {clean(n.reason)}" for n in rep.not_mutated]
    if rep.errors:
        out += ["", "unreadable sources:", *(f"  {clean(e)}" for e in rep.errors)]
    return "\n".join(out) + "\n"


def _md(x: str) -> str:
    return clean(x).replace("|", "\\|")


def render_markdown(rep: SelftestReport) -> str:
    head, kinds, facts = _rows(rep)

    def table(rows: list[list[str]], first: str) -> list[str]:
        return [f"| {first} | " + " | ".join(head[1:]) + " |", "|" + "---|" * len(head),
                *("| " + " | ".join(_md(x) for x in r) + " |" for r in rows)]

    out = ["# factcheck self-test", "", _summary(rep), "", "## Per kind", "", *table(kinds, "kind"), "",
           "## Per fact", "", *table(facts, "fact")]
    fails = rep.failures()
    if fails:
        out += ["", "## Cases to look at", ""]
        for o in fails:
            lines = _failure_lines(o)
            out += [f"- **{_md(lines[0])}**", *(f"  - {_md(x.strip())}" for x in lines[1:])]
    if rep.not_mutated:
        out += ["", "## Not mutated", ""]
        out += [f"- `{_md(n.fact)}` ({n.kind}): {_md(n.reason)}" for n in rep.not_mutated]
    if rep.errors:
        out += ["", "## Unreadable sources", "", *(f"- {_md(e)}" for e in rep.errors)]
    return "\n".join(out) + "\n"


def render_json(rep: SelftestReport) -> str:
    used = dict(rep.mentions)
    data = {
        "sources": rep.sources, "seed": rep.seed, "per_fact": rep.per_fact,
        "totals": rep.total().to_json(),
        "kinds": {k: {"mentions": n, **t.to_json()} for k, n, t in rep.by_kind()},
        "facts": {f: {"kind": k, "mentions": used.get(f, 0), **t.to_json()} for f, k, _, t in rep.by_fact()},
        "cases": [o.to_json() for o in rep.outcomes],
        "not_mutated": [{"fact": n.fact, "kind": n.kind, "reason": n.reason} for n in rep.not_mutated],
        "errors": list(rep.errors),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[SelftestReport], str]] = {
    "table": render_table, "markdown": render_markdown, "json": render_json}


def render(rep: SelftestReport, fmt: str) -> str:
    return RENDERERS[fmt](rep)
