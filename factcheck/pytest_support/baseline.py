"""The baseline: known discrepancies that must not fail the run.

An entry is keyed by (source id, fact id, verdict), never by line numbers, so editing an
article elsewhere does not invalidate it. The file is JSON with one entry per line, sorted,
so it diffs well and is byte-identical for identical runs:

    {
      "comment": "...",
      "entries": [
        {"source": "000_3cc3693bd4ee27e1", "fact": "person.blinken", "verdict": "contradict"},
        ...
      ]
    }

An entry may carry a `note` (why the discrepancy is accepted); updating keeps it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.report import write_atomic

FAILING_VERDICTS = ("contradict", "omit")
COMMENT = (
    "Known discrepancies for `pytest --corpus`: a (source, fact, verdict) listed here is reported "
    "as xfail. Regenerate with `pytest --corpus ... --factcheck-update-baseline`."
)

Key = tuple[str, str, str]  # (source, fact, verdict)


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Entry:
    source: str
    fact: str
    verdict: str
    note: str = ""

    @property
    def key(self) -> Key:
        return (self.source, self.fact, self.verdict)

    def to_json_line(self) -> str:
        data = {"source": self.source, "fact": self.fact, "verdict": self.verdict}
        if self.note:
            data["note"] = self.note
        return json.dumps(data, ensure_ascii=False)

    def __str__(self) -> str:
        return f"{self.source} :: {self.fact} ({self.verdict})"


class Baseline:
    """The entries of one file (possibly none), looked up by (source, fact)."""

    def __init__(self, entries: Iterable[Entry] = (), path: Path | None = None):
        self.path = path
        self.entries: dict[Key, Entry] = {}
        for e in entries:
            self.entries.setdefault(e.key, e)
        self._by_pair: dict[tuple[str, str], set[str]] = {}
        for s, f, v in self.entries:
            self._by_pair.setdefault((s, f), set()).add(v)

    def __len__(self) -> int:
        return len(self.entries)

    def verdicts(self, source: str, fact: str) -> frozenset[str]:
        """The verdicts recorded for this (source, fact) pair (usually none or one)."""
        return frozenset(self._by_pair.get((source, fact), ()))

    def stale(self, sources: set[str], facts: set[str]) -> list[Entry]:
        """Entries naming a source or a fact that is not in the run."""
        return [e for k, e in sorted(self.entries.items()) if e.source not in sources or e.fact not in facts]

    def updated(self, failing: set[Key], ran: set[tuple[str, str]], full: bool) -> Baseline:
        """The baseline after this run: every failing (source, fact, verdict) of the run, plus,
        after a partial run, the old entries of pairs that did not run. Notes are kept."""
        keep = [] if full else [e for e in self.entries.values() if (e.source, e.fact) not in ran]
        new = [Entry(s, f, v, self.entries[(s, f, v)].note if (s, f, v) in self.entries else "")
               for s, f, v in failing]
        return Baseline([*keep, *new], self.path)

    def dumps(self) -> str:
        lines = [e.to_json_line() for _, e in sorted(self.entries.items())]
        body = ",\n".join(f"    {ln}" for ln in lines)
        entries = f"[\n{body}\n  ]" if lines else "[]"
        return f'{{\n  "comment": {json.dumps(COMMENT)},\n  "entries": {entries}\n}}\n'

    def write(self, path: Path) -> None:
        write_atomic(path, self.dumps())


def load_baseline(path: Path, shown: str) -> Baseline:
    """Read a baseline file; BaselineError (with `shown` as the name) when it is unusable."""
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
    entries = []
    for n, raw in enumerate(data["entries"], 1):
        where = f"baseline {shown}, entry {n}"
        if not isinstance(raw, dict):
            raise BaselineError(f"{where}: must be an object with source, fact and verdict")
        unknown = sorted(set(raw) - {"source", "fact", "verdict", "note"})
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
        entries.append(Entry(source, fact, verdict, note))
    return Baseline(entries, path)
