"""`factcheck diff OLD.json NEW.json`: what changed between two runs, per source and fact.

Both files are JSON reports of `factcheck check` (`--format json`, or `reports/consistency.json`).
Sources are matched by id, facts by id; a fact that is in one report only is named in the header
and not compared. A finding's *values* are the distinct values read by its decisive mentions (the
mentions with the finding's verdict), as the reports show them.

Changes, in the order they are listed:

| change | old -> new |
|---|---|
| new contradiction | anything else -> contradict (and every contradiction of an added source) |
| value changed | contradict -> contradict, or unclear -> unclear, with other values |
| fixed | contradict -> agree or unclear |
| newly stated | omit -> agree or unclear |
| no longer stated | agree, unclear or contradict -> omit |
| verdict changed | agree <-> unclear |
| source added / source removed | a source in one report only (unreadable counts as absent) |

Exit status: 1 when there is a new contradiction, or a contradiction whose value changed (a
different wrong value is new); 0 otherwise; 2 for bad usage (a file that is missing or not a
factcheck JSON report).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from factcheck.report.json import value_text
from factcheck.report.table import clean

CHANGES = ("new contradiction", "value changed", "fixed", "newly stated", "no longer stated", "verdict changed",
           "source added", "source removed")
FORMAT_VERSION = 1  # of `factcheck diff --format json`
EXIT_SAME, EXIT_NEW, EXIT_USAGE = 0, 1, 2


class DiffError(Exception):
    """A file cannot be compared; the message names it."""


@dataclass(frozen=True)
class Read:
    """A finding as one report has it: its verdict, the distinct values of its decisive mentions
    and the first quote of each."""

    verdict: str
    values: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()

    def shown(self) -> str:
        quotes = " ".join(f'"{q}"' for q in self.quotes[:3]) + (" ..." if len(self.quotes) > 3 else "")
        return f"{self.verdict} {quotes}".strip()


@dataclass(frozen=True)
class Change:
    source: str
    fact: str  # "" for a whole source
    change: str
    old: Read | None  # None: not in that report (or a whole source)
    new: Read | None
    detail: str = ""

    @property
    def fails(self) -> bool:
        return self.change == "new contradiction" or (self.change == "value changed" and self.new is not None
                                                      and self.new.verdict == "contradict")

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "fact": self.fact or None, "change": self.change,
                "old": asdict(self.old) if self.old else None, "new": asdict(self.new) if self.new else None,
                "detail": self.detail, "fails": self.fails}


@dataclass
class _Run:
    findings: dict[tuple[str, str], Read]
    sources: dict[str, str]  # id -> path
    errors: dict[str, str]  # id -> reason
    facts: list[str]


def load_report(path: str) -> _Run:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise DiffError(f"cannot read {path}: {e.strerror or e}") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise DiffError(f"{path} is not valid JSON: {str(e)[:200]}") from None
    if not isinstance(data, dict) or "format_version" not in data or not isinstance(data.get("findings"), list):
        raise DiffError(f"{path} is not a factcheck JSON report (factcheck check --format json)")
    if data["format_version"] not in (1, 2):
        raise DiffError(f"{path}: report format_version {data['format_version']!r} is not one this factcheck reads")
    findings: dict[tuple[str, str], Read] = {}
    for n, f in enumerate(data["findings"], 1):
        if not (isinstance(f, dict) and all(isinstance(f.get(k), str) for k in ("source", "fact", "verdict"))
                and isinstance(f.get("mentions", []), list)):
            raise DiffError(f"{path}: finding {n} is not an object with source, fact, verdict and mentions")
        values: dict[str, str] = {}
        for m in f.get("mentions", []):
            if isinstance(m, dict) and m.get("verdict") == f["verdict"]:
                values.setdefault(value_text(m.get("value")), str(m.get("text", "")))
        findings[(f["source"], f["fact"])] = Read(f["verdict"], tuple(values), tuple(values.values()))
    sources = {str(s.get("id")): str(s.get("path") or "") for s in data.get("sources") or [] if isinstance(s, dict)}
    for sid, _ in findings:
        sources.setdefault(sid, "")
    errors = {str(e.get("id")): str(e.get("reason", "")) for e in data.get("errors") or [] if isinstance(e, dict)}
    facts = [str(f.get("id")) for f in data.get("facts") or [] if isinstance(f, dict)]
    if not facts:
        facts = list(dict.fromkeys(fid for _, fid in findings))
    return _Run(findings, sources, errors, facts)


def _pair(old: Read, new: Read) -> str | None:
    a, b = old.verdict, new.verdict
    if b == "contradict" and a != "contradict":
        return "new contradiction"
    if a == b:
        return "value changed" if a in ("contradict", "unclear") and set(old.values) != set(new.values) else None
    if a == "contradict":
        return "no longer stated" if b == "omit" else "fixed"
    if a == "omit":
        return "newly stated"
    if b == "omit":
        return "no longer stated"
    return "verdict changed"


def diff_runs(old: _Run, new: _Run) -> tuple[list[Change], list[str], list[str]]:
    """The changes, and the facts added and removed."""
    facts = [f for f in new.facts if f in set(old.facts)]
    added = [f for f in new.facts if f not in set(old.facts)]
    removed = [f for f in old.facts if f not in set(new.facts)]
    out: list[Change] = []
    for sid in sorted(set(old.sources) | set(new.sources)):
        if sid not in new.sources:
            why = f"unreadable now: {new.errors[sid]}" if sid in new.errors else ""
            out.append(Change(sid, "", "source removed", None, None, why))
            continue
        if sid not in old.sources:
            why = f"unreadable before: {old.errors[sid]}" if sid in old.errors else ""
            out.append(Change(sid, "", "source added", None, None, why))
            for fid in facts:
                f = new.findings.get((sid, fid))
                if f is not None and f.verdict == "contradict":
                    out.append(Change(sid, fid, "new contradiction", None, f, "in an added source"))
            continue
        for fid in facts:
            o, n = old.findings.get((sid, fid)), new.findings.get((sid, fid))
            if o is None or n is None:
                continue
            change = _pair(o, n)
            if change:
                out.append(Change(sid, fid, change, o, n))
    order = {c: i for i, c in enumerate(CHANGES)}
    out.sort(key=lambda c: (order[c.change], c.source, c.fact))
    return out, added, removed


def _counts(changes: list[Change]) -> dict[str, int]:
    seen = Counter(c.change for c in changes)
    return {c: seen[c] for c in CHANGES}


def render_diff_table(changes: list[Change], added: list[str], removed: list[str]) -> str:
    out = []
    if added:
        out.append(f"facts only in the new report (not compared): {', '.join(map(clean, added))}")
    if removed:
        out.append(f"facts only in the old report (not compared): {', '.join(map(clean, removed))}")
    if changes:
        rows = [[c.change, clean(c.source), clean(c.fact) or "-", clean(c.old.shown()) if c.old else "-",
                 clean(c.new.shown()) if c.new else "-", clean(c.detail)] for c in changes]
        out += [tabulate(rows, headers=["change", "source", "fact", "old", "new", "detail"], tablefmt="simple",
                         disable_numparse=True), ""]
    counts = _counts(changes)
    parts = [f"{n} {c}" for c, n in counts.items() if n]
    out.append(f"{len(changes)} change{'s' if len(changes) != 1 else ''}" + (f": {', '.join(parts)}" if parts else
                                                                             ": the reports agree"))
    return "\n".join(out) + "\n"


def render_diff_json(changes: list[Change], added: list[str], removed: list[str], old: str, new: str) -> str:
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "old": old,
        "new": new,
        "changes": [c.to_json() for c in changes],
        "counts": _counts(changes),
        "facts_added": added,
        "facts_removed": removed,
        "fails": any(c.fails for c in changes),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def cmd_diff(args: argparse.Namespace) -> int:
    try:
        old, new = load_report(args.old), load_report(args.new)
    except DiffError as e:
        print(f"factcheck diff: {e}", file=sys.stderr)
        return EXIT_USAGE
    changes, added, removed = diff_runs(old, new)
    if args.format == "json":
        sys.stdout.write(render_diff_json(changes, added, removed, args.old, args.new))
    else:
        sys.stdout.write(render_diff_table(changes, added, removed))
    sys.stdout.flush()
    return EXIT_NEW if any(c.fails for c in changes) else EXIT_SAME


def add_parser(sub: Any) -> None:
    d = sub.add_parser("diff", help="compare two JSON reports per source and fact (exit 1 on a new contradiction)")
    d.add_argument("old", metavar="OLD.json", help="the earlier report (factcheck check --format json)")
    d.add_argument("new", metavar="NEW.json", help="the later report")
    d.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    d.set_defaults(func=cmd_diff)
