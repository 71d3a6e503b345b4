"""The baseline: known discrepancies that must not fail a run (pytest plugin and `factcheck check`).

An entry names a (source, fact) pair, the verdict it had and the value read with its quote, never
line numbers, so editing an article elsewhere does not invalidate it, while a *different* wrong
value for the same fact ("three hours" becoming "seven hours") is a new discrepancy. The file is
JSON with one entry per line, sorted, so it diffs well and is byte-identical for identical runs:

    {
      "format": 2,
      "comment": "...",
      "entries": [
        {"source": "000_3cc3693bd4ee27e1", "path": "seeds/000_3cc3693bd4ee27e1.txt", "fact": "person.blinken",
         "verdict": "contradict", "value": "Anthony Brinken", "quote": "Anthony Brinken"},
        ...
      ]
    }

Source identity. A source id can depend on the order of the corpus arguments (two files named
`x.txt` in two directories: the one read second gets `b/x`). So an entry of a file source also
records its `path`, relative to the baseline file's directory, and a run's sources are matched to
entries by that path first, then by id (an article of a JSONL file, a file moved elsewhere, or an
entry of the old format). See `Baseline.resolve`.

Values. `value` and `quote` are those of the first decisive mention (the mentions with the
finding's verdict); further distinct values go in `other_values` (`[{"value", "quote"}]`). A
failing finding is *known* when its verdict is recorded and every value it reads now is one of the
recorded values. An entry without `value` (an omission, or an entry of the old format) matches any
value.

Old format (no `"format"` key, entries of source, fact, verdict and an optional note) is read
as is (migrated on load: no path, any value); the next update writes the new format. An entry
may carry a `note` (why the discrepancy is accepted); updating keeps it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from factcheck.model import Finding, SourceResult
from factcheck.report import Report, iter_render, render, write_atomic
from factcheck.report.csv import iter_csv
from factcheck.report.html import render_html
from factcheck.report.json import iter_json, value_text
from factcheck.report.line import finding_line, iter_jsonl
from factcheck.report.table import clean, md

FORMAT = 2
FAILING_VERDICTS = ("contradict", "unclear", "omit")
COMMENT = (
    "Known discrepancies (`pytest --corpus`, `factcheck check --baseline`): a (source, fact) listed here "
    "with its verdict and value read does not fail the run. Regenerate with "
    "`pytest --corpus ... --factcheck-update-baseline` or `factcheck check --baseline FILE --update-baseline`."
)
_KEYS_V1 = {"source", "fact", "verdict", "note"}
_KEYS_V2 = _KEYS_V1 | {"path", "value", "quote", "other_values"}

Key = tuple[str, str, str]  # (source, fact, verdict)
Read = tuple[str, str]  # (value read, its quote)


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file and the problem."""


def reads(finding: Finding) -> tuple[Read, ...]:
    """The distinct values of the decisive mentions (those with the finding's verdict), in text
    order, each with its first quote."""
    out: dict[str, str] = {}
    for m in finding.mentions:
        if m.verdict == finding.verdict:
            out.setdefault(value_text(m.value), m.text)
    return tuple(out.items())


@dataclass(frozen=True)
class Entry:
    source: str
    fact: str
    verdict: str
    note: str = ""
    #: the values read and their quotes; None: not recorded (old format), any value matches
    read: tuple[Read, ...] | None = None
    #: the file, posix, relative to the baseline's directory ("" for a JSONL article or an old entry)
    path: str = ""

    @property
    def key(self) -> Key:
        return (self.source, self.fact, self.verdict)

    @property
    def values(self) -> frozenset[str] | None:
        return None if self.read is None else frozenset(v for v, _ in self.read)

    def to_json_line(self) -> str:
        data: dict[str, object] = {"source": self.source}
        if self.path:
            data["path"] = self.path
        data.update(fact=self.fact, verdict=self.verdict)
        if self.read:
            data["value"], data["quote"] = self.read[0]
            if len(self.read) > 1:
                data["other_values"] = [{"value": v, "quote": q} for v, q in self.read[1:]]
        if self.note:
            data["note"] = self.note
        return json.dumps(data, ensure_ascii=False)

    def shown_value(self) -> str:
        if not self.read:
            return ""
        return ", ".join(repr(v) for v, _ in self.read)

    def __str__(self) -> str:
        return f"{self.source} :: {self.fact} ({self.verdict})"


@dataclass(frozen=True)
class Judgement:
    """What the baseline says about one finding of a run.

    status: "known" (a recorded discrepancy, same verdict and values: does not fail), "new" (a
    discrepancy not recorded), "changed" (recorded with this verdict but another value: fails as
    new), "fixed" (recorded, but the pair no longer fails that way), "ok" (nothing recorded, nothing
    failing)."""

    status: str
    entries: tuple[Entry, ...] = ()
    now: tuple[Read, ...] = ()

    @property
    def recorded(self) -> frozenset[str]:
        return frozenset(e.verdict for e in self.entries)

    def note(self, shown: str, fails_as: str) -> str:
        """Why a recorded pair fails all the same (empty when nothing is recorded)."""
        if not self.entries:
            return ""
        if self.status == "changed":
            e = next(x for x in self.entries if x.verdict == fails_as)
            now = ", ".join(repr(v) for v, _ in self.now) or "nothing"
            return (f"note: the baseline {shown} records this pair as {fails_as} with the value {e.shown_value()}; "
                    f"the value read is now {now} (a different wrong value is a new discrepancy)")
        return (f"note: the baseline {shown} records this pair as {', '.join(sorted(self.recorded))}, "
                f"not {fails_as}")


Compared = tuple[SourceResult, Finding, Judgement]


@dataclass
class Comparison:
    """A run against a baseline: every (source, fact) the gate looks at, sorted out."""

    new: list[Compared] = field(default_factory=list)  # status "new" and "changed"
    known: list[Compared] = field(default_factory=list)
    fixed: list[Compared] = field(default_factory=list)
    stale: list[Entry] = field(default_factory=list)
    complete: bool = True  # were stale entries looked for (an unfiltered run)

    def summary(self, shown: str) -> str:
        stale = f", {len(self.stale)} stale" if self.complete else " (narrowed run: stale entries not looked for)"
        return (f"baseline {shown}: {len(self.new)} new, {len(self.known)} known, "
                f"{len(self.fixed)} fixed{stale}")

    def statuses(self) -> dict[tuple[str, str], str]:
        """(source id, fact) -> "new" (new or changed), "known" or "fixed": what `--format jsonl` says."""
        out: dict[tuple[str, str], str] = {}
        for status, items in (("new", self.new), ("known", self.known), ("fixed", self.fixed)):
            for r, f, _ in items:
                out[(r.source.id, f.fact)] = status
        return out

    def to_json(self, shown: str, gate: Iterable[str]) -> dict[str, object]:
        """The `"baseline"` object of the JSON report (and the data of the HTML report's section):
        the file, the gate, the counts and each section's pairs with the value read."""
        return {
            "file": shown,
            "fail_on": sorted(set(gate)),
            "complete": self.complete,
            "counts": {"new": len(self.new), "known": len(self.known), "fixed": len(self.fixed),
                       "stale": len(self.stale) if self.complete else None},
            "new": [_compared_json(*c) for c in self.new],
            "known": [_compared_json(*c) for c in self.known],
            "fixed": [_compared_json(*c) for c in self.fixed],
            "stale": [json.loads(e.to_json_line()) for e in self.stale] if self.complete else None,
        }


def _run_sources(report: Report) -> list[tuple[str, str]]:
    return [(r.source.id, r.source.path) for r in report.results] + [(e.id, e.path) for e in report.errors]


def _new_title(gate: Iterable[str]) -> str:
    g = sorted(set(gate))
    return "new contradictions" if g == ["contradict"] else f"new discrepancies ({', '.join(g)})"


def _read_json(read: tuple[Read, ...] | None) -> dict[str, object]:
    """`value`, `quote` and `other_values`, as a baseline entry writes them (nothing when none)."""
    if not read:
        return {}
    out: dict[str, object] = {"value": read[0][0], "quote": read[0][1]}
    if len(read) > 1:
        out["other_values"] = [{"value": v, "quote": q} for v, q in read[1:]]
    return out


def _compared_json(r: SourceResult, f: Finding, j: Judgement) -> dict[str, object]:
    """One pair of a section: where, the verdict now, the value read now and what is recorded."""
    out: dict[str, object] = {"source": r.source.id, "path": r.source.path, "fact": f.fact, "verdict": f.verdict}
    if j.status in ("new", "changed"):
        out["status"] = j.status  # changed: recorded with this verdict but another value
    decisive = [m for m in f.mentions if m.verdict == f.verdict]
    if decisive:
        out["line"], out["col"] = decisive[0].line, decisive[0].col
    out.update(_read_json(j.now))
    if j.entries:
        out["recorded"] = [{"verdict": e.verdict, **_read_json(e.read)} for e in j.entries]
    return out


def _compared_line(r: SourceResult, f: Finding, j: Judgement, tag: str = "") -> str:
    """A finding of a section; `tag` ("new", "known": the line format's suffix, so that a grep or a
    problem matcher tells them apart without the section headers)."""
    line = finding_line(r, f)
    recorded = ""
    if j.status == "changed":
        e = next(x for x in j.entries if x.verdict == f.verdict)
        recorded = f"the baseline records the value {clean(e.shown_value())}"
    if tag:
        return line + f" [{tag}" + (f": {recorded}" if recorded else "") + "]"
    return line + (f" [{recorded}]" if recorded else "")


def _fixed_line(r: SourceResult, f: Finding, j: Judgement) -> str:
    was = "; ".join(f"{e.verdict}" + (f" {clean(e.shown_value())}" if e.read else "") for e in j.entries)
    return (f"{clean(r.source.path or r.source.id)}: {clean(f.fact)}: FIXED: the baseline records {was}; "
            f"now {f.verdict}")


def _stale_line(e: Entry) -> str:
    where = f" ({clean(e.path)})" if e.path else ""
    return f"{clean(str(e))}{where}: stale (source or fact not in this run)"


def comparison_sections(cmp: Comparison, gate: Iterable[str], shown: str,
                        tags: bool = False) -> list[tuple[str, list[str]]]:
    """The sections `factcheck check --baseline` adds to its table, markdown and line output
    (`tags`: each new and known line ends with `[new]` or `[known]`, for the line format)."""
    out = [
        (_new_title(gate), [_compared_line(*c, tag="new" if tags else "") for c in cmp.new]),
        ("known (baseline)", [_compared_line(*c, tag="known" if tags else "") for c in cmp.known]),
        ("fixed since the baseline", [_fixed_line(*c) for c in cmp.fixed]),
    ]
    if cmp.complete:
        out.append(("stale baseline entries", [_stale_line(e) for e in cmp.stale]))
    return out


def render_comparison(cmp: Comparison, gate: Iterable[str], shown: str, fmt: str) -> str:
    """The baseline sections for `fmt` (table, markdown or line; "" for the others)."""
    sections = comparison_sections(cmp, gate, shown, tags=fmt == "line")
    if fmt == "table":
        lines: list[str] = []
        for title, items in sections:
            lines += [f"{title} ({len(items)}):", *items, ""]
        return "\n".join([*lines, cmp.summary(shown)]) + "\n"
    if fmt == "markdown":
        lines = []
        for title, items in sections:
            lines += [f"## {title} ({len(items)})", "", *([f"- {md(i)}" for i in items] or ["None."]), ""]
        return "\n".join([*lines, f"**Baseline:** {md(cmp.summary(shown))}"]) + "\n"
    if fmt == "line":  # headers are comments, so that every other line stays `path:line:col: ...`
        lines = []
        for title, items in sections:
            lines += [f"# {title} ({len(items)})", *items]
        return "".join(ln + "\n" for ln in [*lines, f"# {cmp.summary(shown)}"])
    return ""


def render_line_with_baseline(report: Report, cmp: Comparison, gate: Iterable[str], shown: str,
                              verbose: bool = False) -> str:
    """`--format line --baseline`: each finding once, those the baseline sorts out in its sections."""
    sorted_out = {(r.source.id, f.fact) for r, f, _ in [*cmp.new, *cmp.known, *cmp.fixed]}
    lines = [finding_line(r, f) for r in report.results for f in r.findings
             if (verbose or f.verdict != "agree") and (r.source.id, f.fact) not in sorted_out]
    lines += [f"{clean(e.path or e.id)}: {clean(e.id)}: UNREADABLE: {clean(e.reason)}" for e in report.errors]
    return "".join(ln + "\n" for ln in lines) + render_comparison(cmp, gate, shown, "line")


def render_compared(report: Report, fmt: str, cmp: Comparison, gate: Iterable[str], shown: str,
                    verbose: bool = False) -> Iterator[str]:
    """`report` in `fmt` with the run against the baseline in it, in pieces (`iter_render`):
    sections in the table, markdown and line formats, a `"baseline"` object in the JSON, a
    `"baseline"` status on each JSONL object and a `baseline` column in the CSV, a section in the HTML."""
    gate = list(gate)
    if fmt == "line":
        yield render_line_with_baseline(report, cmp, gate, shown, verbose=verbose)
    elif fmt in ("table", "markdown"):
        yield render(report, fmt) + "\n" + render_comparison(cmp, gate, shown, fmt)
    elif fmt == "json":
        yield from iter_json(report, baseline=cmp.to_json(shown, gate))
    elif fmt == "jsonl":
        yield from iter_jsonl(report, statuses=cmp.statuses())
    elif fmt == "html":
        yield render_html(report, baseline=cmp.to_json(shown, gate))
    elif fmt == "csv":
        yield from iter_csv(report, statuses=cmp.statuses())
    else:
        yield from iter_render(report, fmt)


class Baseline:
    """The entries of one file (possibly none), looked up by (source, fact)."""

    def __init__(self, entries: Iterable[Entry] = (), path: Path | None = None, migrated: bool = False):
        self.path = path
        self.migrated = migrated  # read from the old format (no values, no paths)
        self.entries: dict[Key, Entry] = {}
        for e in entries:
            self.entries.setdefault(e.key, e)
        self._by_pair: dict[tuple[str, str], list[Entry]] = {}
        for _k, e in sorted(self.entries.items()):
            self._by_pair.setdefault((e.source, e.fact), []).append(e)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def directory(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def relative(self, path: str) -> str:
        """A file source's identity: its path, posix, relative to the baseline's directory. A JSONL
        article (many in one file) and a source without a path have none ("")."""
        if not path or PurePath(path).suffix.lower() == ".jsonl":
            return ""
        try:
            return PurePath(os.path.relpath(os.path.abspath(path), self.directory)).as_posix()
        except ValueError:  # another drive (Windows)
            return PurePath(os.path.abspath(path)).as_posix()

    def resolve(self, sources: Iterable[tuple[str, str]]) -> dict[str, str | None]:
        """Run source id -> the source name its entries are filed under (None: no entry may apply).

        `sources` are every (id, path) of the run. A source whose path some entry records gets that
        entry's source name, whatever id this run gave it (so the order of the corpus arguments does
        not matter); any other source gets its own id, unless that name is already claimed through a
        path by another source of the run."""
        pairs = list(sources)
        by_path: dict[str, str] = {}
        for e in self.entries.values():
            if e.path:
                by_path.setdefault(e.path, e.source)
        out: dict[str, str | None] = {}
        claimed: set[str] = set()
        for sid, path in pairs:
            name = by_path.get(self.relative(path)) if by_path else None
            if name is not None:
                out[sid] = name
                claimed.add(name)
        for sid, _ in pairs:
            if sid not in out:
                out[sid] = None if sid in claimed else sid
        return out

    def within(self, entry: Entry, roots: Iterable[Path]) -> bool:
        """Is the entry's file (its `path`, from the baseline's directory) inside one of `roots`?
        An entry without a path (a JSONL article, the old format) may be anywhere: True."""
        if not entry.path:
            return True
        where = Path(os.path.abspath(os.path.join(self.directory, entry.path)))
        return any(where == r or r in where.parents for r in roots)

    def lookup(self, name: str | None, fact: str) -> tuple[Entry, ...]:
        return tuple(self._by_pair.get((name, fact), ())) if name is not None else ()

    def verdicts(self, source: str, fact: str) -> frozenset[str]:
        """The verdicts recorded for this (source, fact) pair (usually none or one)."""
        return frozenset(e.verdict for e in self.lookup(source, fact))

    def judge(self, name: str | None, finding: Finding, fails_as: str | None) -> Judgement:
        """The finding of a pair (filed under `name`, see `resolve`) against the entries of that
        pair. `fails_as`: the verdict it fails as in this run (None when it passes)."""
        entries = self.lookup(name, finding.fact)
        now = reads(finding)
        if not fails_as:
            fixed = entries and finding.verdict not in {e.verdict for e in entries}
            return Judgement("fixed" if fixed else "ok", entries, now)
        same = [e for e in entries if e.verdict == fails_as]
        if not same:
            return Judgement("new", entries, now)
        values = same[0].values
        if values is None or {v for v, _ in now} <= values:
            return Judgement("known", entries, now)
        return Judgement("changed", entries, now)

    def stale(self, sources: set[str], facts: set[str]) -> list[Entry]:
        """Entries naming a source (a name, see `resolve`) or a fact that is not in the run."""
        return [e for k, e in sorted(self.entries.items()) if e.source not in sources or e.fact not in facts]

    def updated(self, failing: set[Key], ran: set[tuple[str, str]], full: bool,
                read: Mapping[tuple[str, str], tuple[Read, ...]] | None = None,
                paths: Mapping[str, str] | None = None,
                names: Mapping[str, str | None] | None = None) -> Baseline:
        """The baseline after this run: every failing (source, fact, verdict) of the run, with the
        values read (`read`, by (source, fact)) and the source's path (`paths`, by source id), plus,
        after a partial run, the old entries of pairs that did not run. Keys are run source ids;
        `names` (from `resolve`) finds the old entries of a source whose id changed. Notes are kept."""
        read, paths, names = read or {}, paths or {}, names or {}

        def name(sid: str) -> str | None:
            return names.get(sid, sid)

        ran_names = {(name(s), f) for s, f in ran}
        keep = [] if full else [e for e in self.entries.values() if (e.source, e.fact) not in ran_names]
        new = []
        for s, f, v in failing:
            old = next((e for e in self.lookup(name(s), f) if e.verdict == v), None)
            new.append(Entry(s, f, v, old.note if old else "", read.get((s, f)),
                             self.relative(paths.get(s, ""))))
        return Baseline([*keep, *new], self.path)

    def compare(self, report: Report, gate: Iterable[str], full: bool = True) -> Comparison:
        """`factcheck check --baseline`: every finding of the run against the entries. After a
        `full` run (not narrowed by --fact/--kind/--source) stale entries are listed as well."""
        gate = set(gate)
        names = self.resolve(_run_sources(report))
        out = Comparison(complete=full)
        for r in report.results:
            for f in r.findings:
                fails_as = f.verdict if f.verdict in gate else None
                j = self.judge(names.get(r.source.id), f, fails_as)
                if j.status == "known":
                    out.known.append((r, f, j))
                elif j.status in ("new", "changed"):
                    out.new.append((r, f, j))
                elif j.status == "fixed":
                    out.fixed.append((r, f, j))
        if full:
            out.stale = self.stale({n for n in names.values() if n is not None}, {f.id for f in report.facts})
        return out

    def from_report(self, report: Report, gate: Iterable[str], full: bool = True) -> Baseline:
        """`factcheck check --update-baseline`: the baseline recording every finding of the run whose
        verdict is in the gate (after a narrowed run, the entries of pairs that did not run are kept)."""
        gate = set(gate)
        failing: set[Key] = {(r.source.id, f.fact, f.verdict)
                             for r in report.results for f in r.findings if f.verdict in gate}
        read = {(r.source.id, f.fact): reads(f) for r in report.results for f in r.findings}
        paths = {r.source.id: r.source.path for r in report.results}
        ran = {(r.source.id, f.fact) for r in report.results for f in r.findings}
        return self.updated(failing, ran, full, read=read, paths=paths, names=self.resolve(_run_sources(report)))

    def dumps(self) -> str:
        lines = [e.to_json_line() for _, e in sorted(self.entries.items())]
        body = ",\n".join(f"    {ln}" for ln in lines)
        entries = f"[\n{body}\n  ]" if lines else "[]"
        return f'{{\n  "format": {FORMAT},\n  "comment": {json.dumps(COMMENT)},\n  "entries": {entries}\n}}\n'

    def write(self, path: Path) -> None:
        write_atomic(path, self.dumps())


def _read(raw: object, where: str) -> tuple[Read, ...] | None:
    """`value`/`quote`/`other_values` of an entry (None when no value is recorded)."""
    if not isinstance(raw, dict) or "value" not in raw:
        if isinstance(raw, dict) and ("quote" in raw or "other_values" in raw):
            raise BaselineError(f"{where}: quote and other_values need a value")
        return None
    first = (raw["value"], raw.get("quote", ""))
    others = raw.get("other_values", [])
    if not isinstance(others, list) or not all(isinstance(o, dict) and set(o) <= {"value", "quote"}
                                               and "value" in o for o in others):
        raise BaselineError(f'{where}: other_values must be a list of {{"value", "quote"}} objects')
    out = [first, *((o["value"], o.get("quote", "")) for o in others)]
    if not all(isinstance(v, str) and isinstance(q, str) for v, q in out):
        raise BaselineError(f"{where}: value and quote must be strings")
    return tuple(out)


def load_baseline(path: Path, shown: str) -> Baseline:
    """Read a baseline file, either format; BaselineError (with `shown` as the name) when it is unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise BaselineError(f"cannot read baseline {shown}: {e.strerror or e}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(f"baseline {shown} is not valid JSON: {e}") from None
    except RecursionError:
        raise BaselineError(f"baseline {shown} is not a baseline: nested too deeply") from None
    except ValueError as e:  # an integer of more than 4,300 digits
        raise BaselineError(f"baseline {shown} is not a baseline: {str(e).split(';')[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f'baseline {shown} must be an object with an "entries" list')
    version = data.get("format", 1)
    if version not in (1, FORMAT) or isinstance(version, bool):
        raise BaselineError(f"baseline {shown}: format {version!r} is not one this factcheck reads (1 or {FORMAT}); "
                            "it may come from a newer factcheck")
    allowed = _KEYS_V1 if version == 1 and "format" in data else _KEYS_V2
    entries = []
    for n, raw in enumerate(data["entries"], 1):
        where = f"baseline {shown}, entry {n}"
        if not isinstance(raw, dict):
            raise BaselineError(f"{where}: must be an object with source, fact and verdict")
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise BaselineError(f"{where}: unknown key(s) {', '.join(unknown)}")
        values = [raw.get(k) for k in ("source", "fact", "verdict")]
        if not all(isinstance(v, str) and v for v in values):
            raise BaselineError(f"{where}: source, fact and verdict must be non-empty strings")
        source, fact, verdict = (str(v) for v in values)
        if verdict not in FAILING_VERDICTS:
            raise BaselineError(f"{where}: verdict {verdict!r} is not one of {', '.join(FAILING_VERDICTS)}")
        note = raw.get("note", "")
        if not isinstance(note, str):
            raise BaselineError(f"{where}: note must be a string")
        rel = raw.get("path", "")
        if not isinstance(rel, str):
            raise BaselineError(f"{where}: path must be a string")
        entries.append(Entry(source, fact, verdict, note, _read(raw, where), rel))
    return Baseline(entries, path, migrated="format" not in data)
