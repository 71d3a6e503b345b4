"""A run's results on disk, so that the memory of `factcheck check` does not grow with the corpus.

`ReportStore` takes results and errors in any order (as a run produces them), normalises each on
arrival (the checks of `build_report`: one finding per fact, known facts, unique source ids),
counts the verdicts as it goes (totals, per fact), and keeps the rest in a private temporary
SQLite database (the standard library's `sqlite3`: a B-tree on disk with a bounded page cache, so
sorting 1,000,000 sources by id costs no memory; nothing to install). What it keeps of a source is
compact: no article text (no report shows it; mentions keep their sentences) and no omission that
`build_report` would fill in anyway, so a source with no text (an empty JSONL line) costs a few
bytes, not one finding per fact.

The same database keeps the ids the corpus reader has taken (`TakenIds`): with them, nothing a
streamed run keeps grows with the number of sources (issue 13).

`store.report()` is a `Report` whose `results` and `errors` are read back from disk, sorted as
`build_report` sorts them, one source at a time, each normalised exactly as `build_report` would
(omissions made explicit): every renderer gives byte-identical output from it, and the streamed
formats (`iter_render`: JSON, JSONL, CSV, line) write a report of any size in flat memory.

Ordering: ids are stored as UTF-8 with lone surrogates passed through (`surrogatepass`), whose
byte order is code-point order, the order of Python's `sorted` on `str`.
"""

from __future__ import annotations

import dataclasses
import pickle
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, overload

from factcheck.model import VERDICTS, Finding, LazyFindings, SourceError, SourceResult
from factcheck.report.model import CountedResults, FactInfo, Report, _mention_key, normalise

__all__ = ["ReportStore", "TakenIds"]

_COMMIT_EVERY = 2000


def _key(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _connect() -> sqlite3.Connection:
    # "": a private temporary database on disk, deleted when the connection closes
    db = sqlite3.connect("", check_same_thread=False)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-8192")  # 8 MiB of page cache, whatever the corpus
    db.execute("CREATE TABLE results (id BLOB PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID")
    db.execute("CREATE TABLE errors (id BLOB, path BLOB, reason BLOB, data BLOB NOT NULL)")
    db.execute("CREATE TABLE taken (id BLOB PRIMARY KEY) WITHOUT ROWID")  # see TakenIds
    return db


class _StoredResults(CountedResults):
    def __init__(self, store: ReportStore):
        self._store = store

    def __len__(self) -> int:
        return self._store.n_results

    def __iter__(self) -> Iterator[SourceResult]:
        expand = self._store.expand
        for (data,) in self._store.rows("SELECT data FROM results ORDER BY id"):
            yield expand(data)

    @overload
    def __getitem__(self, index: int) -> SourceResult: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SourceResult]: ...

    def __getitem__(self, index: int | slice) -> SourceResult | Sequence[SourceResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(index)
        rows = list(self._store.rows("SELECT data FROM results ORDER BY id LIMIT 1 OFFSET ?", (index,)))
        return self._store.expand(rows[0][0])

    def get(self, source_id: str) -> SourceResult:
        rows = list(self._store.rows("SELECT data FROM results WHERE id = ?", (_key(source_id),)))
        if not rows:
            raise KeyError(source_id)
        return self._store.expand(rows[0][0])

    def tally(self) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
        return self._store.totals, self._store.per_fact


class _StoredErrors(Sequence[SourceError]):
    def __init__(self, store: ReportStore):
        self._store = store

    def __len__(self) -> int:
        return self._store.n_errors

    def __iter__(self) -> Iterator[SourceError]:
        for (data,) in self._store.rows("SELECT data FROM errors ORDER BY id, path, reason"):
            yield pickle.loads(data)

    @overload
    def __getitem__(self, index: int) -> SourceError: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SourceError]: ...

    def __getitem__(self, index: int | slice) -> SourceError | Sequence[SourceError]:
        return list(self)[index]


class TakenIds:
    """The source ids the corpus reader has taken so far (`read_corpus(taken=...)`, which refuses a
    JSONL id seen before and gives a file the next free id), in the store's database: a set in
    memory grows by about 90 bytes a source (9.4 MiB for 100,000, 86 MiB for 1,000,000), the only
    thing of a streamed run that did; here it costs about 4 µs a source (a check takes milliseconds)."""

    def __init__(self, store: ReportStore):
        self._store = store

    def __contains__(self, source_id: object) -> bool:
        if not isinstance(source_id, str):
            return False
        row = self._store._open().execute("SELECT 1 FROM taken WHERE id = ?", (_key(source_id),)).fetchone()
        return row is not None

    def add(self, source_id: str) -> None:
        self._store._insert("INSERT OR IGNORE INTO taken VALUES (?)", (_key(source_id),))


class ReportStore:
    """Results and errors of a run, kept on disk; see the module documentation."""

    def __init__(self, facts: Sequence[FactInfo]):
        ids = [f.id for f in facts]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate fact ids in the fact base")
        self.facts = tuple(facts)
        self._info = {f.id: f for f in self.facts}
        self._db: sqlite3.Connection | None = _connect()
        self._pending = 0
        self.n_results = 0
        self.n_errors = 0
        self.totals: dict[str, int] = dict.fromkeys(VERDICTS, 0)
        self._per_fact: dict[str, dict[str, int]] = {f.id: dict.fromkeys(VERDICTS, 0) for f in self.facts}
        self._omitted_sources = 0  # sources with every fact omitted, not yet in `_per_fact`
        self._plain_blank: object = None  # the last `Omissions.blank` seen to match the facts

    @property
    def per_fact(self) -> dict[str, dict[str, int]]:
        """The verdicts counted per fact."""
        if self._omitted_sources:
            for counts in self._per_fact.values():
                counts["omit"] += self._omitted_sources
            self._omitted_sources = 0
        return self._per_fact

    def _plain(self, omissions: LazyFindings) -> bool:
        """Are these the plain omissions of this store's facts (same facts, same order, same expected
        values)? Checked once per list of fields (a process's base keeps one)."""
        blank = omissions.blank
        if blank is self._plain_blank:
            return True
        ok = len(blank) == len(self.facts) and all(
            b["fact"] == f.id and b["expected"] == f.expected and b["verdict"] == "omit" and not b["mentions"]
            for b, f in zip(blank, self.facts))
        if ok:
            self._plain_blank = blank
        return ok

    # -- writing ----------------------------------------------------------------------------------

    def add(self, item: SourceResult | SourceError) -> None:
        if isinstance(item, SourceError):
            self._insert("INSERT INTO errors VALUES (?, ?, ?, ?)",
                         (_key(item.id), _key(item.path), _key(item.reason), pickle.dumps(item, protocol=5)))
            self.n_errors += 1
            return
        kept: list[Finding] = []
        lazy = item.findings if isinstance(item.findings, LazyFindings) and self._plain(item.findings) else None
        if not item.findings or lazy is not None:
            # nothing read (no text), or `check`'s findings: every fact omitted but those found, which
            # are counted in place of their omission; no omission is made
            self._omitted_sources += 1
            for i, f in sorted(lazy.found.items()) if lazy is not None else ():
                info = self.facts[i]
                if f.source != item.source.id or f.fact != info.id:
                    raise ValueError(f"source {item.source.id!r}: finding {f.fact!r} filed as fact {info.id!r}")
                f = dataclasses.replace(f, mentions=tuple(sorted(f.mentions, key=_mention_key)),
                                        expected=f.expected or info.expected)
                counts = self._per_fact[f.fact]
                counts["omit"] -= 1
                counts[f.verdict] += 1
                if f.verdict != "omit" or f.mentions or f.expected != info.expected:
                    kept.append(f)  # a plain omission is filled in again on the way out
        else:
            for f in normalise(item, self.facts).findings:
                self._per_fact[f.fact][f.verdict] += 1
                if f.verdict != "omit" or f.mentions or f.expected != self._info[f.fact].expected:
                    kept.append(f)  # a plain omission is filled in again on the way out
        counted = dict.fromkeys(VERDICTS, 0)
        for f in kept:
            counted[f.verdict] += 1
        counted["omit"] += len(self.facts) - len(kept)
        source = item.source if not item.source.text else dataclasses.replace(item.source, text="")
        data = pickle.dumps((source, tuple(kept)), protocol=5)
        try:
            self._insert("INSERT INTO results VALUES (?, ?)", (_key(source.id), data))
        except sqlite3.IntegrityError:
            raise ValueError(f"duplicate source id {source.id!r}") from None
        for v, n in counted.items():
            self.totals[v] += n
        self.n_results += 1

    def _insert(self, sql: str, row: tuple[Any, ...]) -> None:
        db = self._open()
        db.execute(sql, row)
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            db.commit()
            self._pending = 0

    def taken_ids(self) -> TakenIds:
        """Where the corpus reader of this run keeps the ids it has taken (on disk, beside the results)."""
        return TakenIds(self)

    # -- reading ----------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            raise ValueError("the report store is closed")
        return self._db

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        db = self._open()
        if self._pending:
            db.commit()
            self._pending = 0
        yield from db.execute(sql, params)

    def expand(self, data: bytes) -> SourceResult:
        """A stored source as `build_report` has it: one finding per fact, in base order."""
        source, kept = pickle.loads(data)
        by_fact = {f.fact: f for f in kept}
        sid = source.id
        findings = tuple(by_fact.get(info.id) or Finding(source=sid, fact=info.id, verdict="omit",
                                                         expected=info.expected)
                         for info in self.facts)
        return SourceResult(source, findings)

    def report(self) -> Report:
        """The run as a `Report` read from this store (valid until `close`)."""
        return Report(results=_StoredResults(self), errors=_StoredErrors(self), facts=self.facts)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
