"""Run the pure check over a corpus, locally or on several processes, into one Report.

One bad source never aborts a run. Each of these becomes an entry of `Report.errors` (with its
reason) and the run goes on:

- a source the reader cannot read (see `factcheck.corpus`);
- an article longer than `max_chars` characters: refused before checking, because the check
  takes time in proportion to the text (about 20-50 µs a character) and a scraped dump of a
  whole site must not hold a run for an hour;
- an article whose check takes longer than `timeout` seconds (wall clock; POSIX, main thread
  only: the timer is SIGALRM, which every worker process of `jobs > 1` also has);
- an article the checker fails on (a bug): "internal error while checking: ...";
- an article whose worker process dies (killed for memory, a crash in a C extension): the
  sources of its chunk are checked again, each in a process of its own, so the error names
  the source that killed it.

`jobs` (default in the CLI: `default_jobs()`, every core this process may use) processes share one
pool for the whole run: each worker gets the fact base once (the initializer), arms itself to die
with its parent (`die_with_parent`), and is fed chunks of sources with a bounded number in flight.
Results come out in corpus order whatever `jobs` is, and `build_report` sorts them, so the
report is byte-identical for any `jobs`. `run` keeps the whole report in memory (with the article
texts: the self-test mutates them); `run_stored` keeps it on disk (`factcheck.report.store`), which
is what `factcheck check` uses, and can check on a Dask cluster (`factcheck.distributed`).
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

from factcheck.check import check
from factcheck.corpus import DEFAULT_MAX_BYTES, read_corpus
from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError, SourceResult
from factcheck.report import FactInfo, Report, ReportStore, build_report

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_TIMEOUT", "Limits", "SchedulerError", "check_safely", "default_jobs",
           "die_with_parent", "fact_infos", "iter_results", "run", "run_stored"]

DEFAULT_MAX_CHARS = 1_000_000  # ~25 s of checking at the measured 40-50k characters a second
DEFAULT_TIMEOUT = 60.0  # seconds per source; 0 or None: no limit
_CHUNK = 8  # sources sent to a worker at a time
_IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: enough to keep it busy, bounded memory


@dataclass(frozen=True)
class Limits:
    """Per-source limits of a run. `None` (or 0) switches a limit off."""

    timeout: float | None = None  # seconds of checking per source
    max_chars: int | None = None  # characters of article text per source


class SchedulerError(RuntimeError):
    """`--scheduler` cannot be used: dask is not installed, or no scheduler answers at the address
    (raised by `factcheck.distributed`)."""


class _SourceTimeout(BaseException):
    """Raised by the SIGALRM handler; a BaseException so no `except Exception` in the core eats it."""


_FB: FactBase | None = None
_LIMITS = Limits()
_STRIP = False


def fact_infos(fb: FactBase) -> list[FactInfo]:
    return [FactInfo(id=f.id, kind=f.kind, expected=f.expected, defined_at=f.defined_at, severity=f.severity)
            for f in fb.facts]


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise _SourceTimeout in this thread after `seconds` (no-op where SIGALRM is unavailable)."""
    if not seconds or seconds <= 0 or not _can_alarm():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _SourceTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:  # nested: an alarm that fires right here must not leave our handler installed
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def check_safely(source: Source, fb: FactBase, *, timeout: float | None = None,
                 max_chars: int | None = None) -> SourceResult | SourceError:
    """`check(source, fb)`, but any failure of this one source is a SourceError, never an exception
    (KeyboardInterrupt and SystemExit still propagate)."""
    if max_chars and len(source.text) > max_chars:
        return SourceError(source.id, source.path,
                           f"article too long: {len(source.text)} characters, limit is {max_chars} (--max-chars)")
    if not source.text:
        # "empty" sources (see corpus.text.blank_if_empty): nothing to read, every fact is omitted
        return SourceResult(source, ())
    try:
        with _deadline(timeout):
            return check(source, fb)
    except _SourceTimeout:
        return SourceError(source.id, source.path,
                           f"timed out: checking took longer than {timeout:g} s (--timeout)")
    except Exception as e:  # noqa: BLE001 - one source must never abort the run
        return SourceError(source.id, source.path, f"internal error while checking: {type(e).__name__}: {e}")


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity, as `os.process_cpu_count` of Python 3.13
    counts them; a container limited by `taskset` or cgroups cpusets gets what it was given)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this process end when `parent` does (issue 11 item 12: a killed `factcheck check` leaves
    no worker running and no pipe held open). On Linux the kernel sends SIGKILL when the parent dies
    (prctl PR_SET_PDEATHSIG); elsewhere a daemon thread polls the parent id. Called in every worker."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()


def _init(fb: FactBase, limits: Limits, parent: int | None = None, strip: bool = False) -> None:
    global _FB, _LIMITS, _STRIP
    if parent is not None:
        die_with_parent(parent)
    _FB = fb
    _LIMITS = limits
    _STRIP = strip


def without_text(r: SourceResult | SourceError) -> SourceResult | SourceError:
    """`r` without its article text, which no report shows (the mentions keep their sentences): what
    a streamed run keeps and what workers send back."""
    if isinstance(r, SourceResult) and r.source.text:
        return dataclasses.replace(r, source=dataclasses.replace(r.source, text=""))
    return r


def _work(source: Source) -> SourceResult | SourceError:
    assert _FB is not None
    r = check_safely(source, _FB, timeout=_LIMITS.timeout, max_chars=_LIMITS.max_chars)
    return without_text(r) if _STRIP else r


def _work_chunk(sources: list[Source]) -> list[SourceResult | SourceError]:
    return [_work(s) for s in sources]


def _died(source: Source) -> SourceError:
    return SourceError(source.id, source.path,
                       "the worker process checking this source died (out of memory, or a crash)")


def _alone(source: Source, fb: FactBase, limits: Limits, strip: bool) -> SourceResult | SourceError:
    """Check one source in a process of its own, so that if it kills its process it is named."""
    with ProcessPoolExecutor(max_workers=1, initializer=_init,
                             initargs=(fb, limits, os.getpid(), strip)) as pool:
        try:
            return pool.submit(_work, source).result()
        except BrokenProcessPool:
            return _died(source)


class _Pool:
    """One process pool for the whole run (the fact base reaches each worker once, through the
    initializer: inherited on fork, pickled once per worker elsewhere), fed chunks of sources with a
    bounded number in flight; replaced when a worker dies."""

    def __init__(self, jobs: int, fb: FactBase, limits: Limits, strip: bool):
        self.jobs, self.fb, self.limits, self.strip = jobs, fb, limits, strip
        self.pool: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init,
                                            initargs=(self.fb, self.limits, os.getpid(), self.strip))
        return self.pool

    def submit(self, chunk: list[Source]) -> Future[list[SourceResult | SourceError]]:
        return self.get().submit(_work_chunk, chunk)

    def discard(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def rescue(self, chunk: list[Source]) -> list[SourceResult | SourceError]:
        """The results of a chunk whose worker died: each source again, alone."""
        self.discard()
        return [_alone(s, self.fb, self.limits, self.strip) for s in chunk]


def source_chunks(items: Iterable[Source | SourceError], size: int) -> Iterator[list[Source | SourceError]]:
    """Runs of items holding `size` sources (errors ride along where they are, keeping the order)."""
    chunk: list[Source | SourceError] = []
    sources = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Source):
            sources += 1
            if sources >= size:
                yield chunk
                chunk, sources = [], 0
    if chunk:
        yield chunk


def iter_results(
    items: Iterable[Source | SourceError], fb: FactBase, jobs: int = 1, limits: Limits | None = None,
    *, strip_text: bool = False,
) -> Iterator[SourceResult | SourceError]:
    """Results in corpus order, whatever `jobs` is; with `strip_text` without the article texts (see
    `without_text`), which a streamed report never needs."""
    limits = limits or Limits()
    if jobs <= 1:
        for item in items:
            r = item if isinstance(item, SourceError) else check_safely(
                item, fb, timeout=limits.timeout, max_chars=limits.max_chars)
            yield without_text(r) if strip_text else r
        return
    pool = _Pool(jobs, fb, limits, strip_text)
    pending: deque[tuple[list[Source | SourceError], Future[list[SourceResult | SourceError]] | None]] = deque()
    # chunks in corpus order; None: a chunk of errors only

    def take() -> Iterator[SourceResult | SourceError]:
        chunk, future = pending.popleft()
        sources = [c for c in chunk if isinstance(c, Source)]
        done: list[SourceResult | SourceError] = []
        if future is not None:
            try:
                done = future.result()
            except (BrokenProcessPool, CancelledError):
                # a worker died: each source of the chunk again, alone, so the one that kills is named
                # (chunks in flight with it fail the same way and are rescued in their turn)
                done = pool.rescue(sources)
        it = iter(done)
        for c in chunk:
            yield c if isinstance(c, SourceError) else next(it)

    try:
        for chunk in source_chunks(items, _CHUNK):
            sources = [c for c in chunk if isinstance(c, Source)]
            pending.append((chunk, pool.submit(sources) if sources else None))
            while len(pending) > _IN_FLIGHT_PER_JOB * jobs:
                yield from take()
        while pending:
            yield from take()
    finally:
        pool.discard()


def _reading_limits(limits: Limits | None) -> dict[str, Any]:
    """The run's limits that also bound reading (decoding, HTML extraction, each JSONL line)."""
    if limits is None:
        return {}
    return {"timeout": limits.timeout or None, "max_chars": limits.max_chars or None}


def run(paths: Sequence[str | os.PathLike[str]], fb: FactBase, jobs: int = 1,
        progress: Callable[[int], None] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
        limits: Limits | None = None, skip: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Check every source under `paths`; `max_bytes` bounds a file (a JSONL line) before it is read;
    `skip` (the run's own output) is never read."""
    results: list[SourceResult] = []
    errors: list[SourceError] = []
    items = read_corpus(paths, max_bytes=max_bytes, skip=skip, **_reading_limits(limits))
    for n, r in enumerate(iter_results(items, fb, jobs, limits), 1):
        if isinstance(r, SourceError):
            errors.append(r)
        else:
            results.append(r)
        if progress:
            progress(n)
    return build_report(results, errors, fact_infos(fb))


def run_stored(paths: Sequence[str | os.PathLike[str]], fb: FactBase, jobs: int = 1,
               progress: Callable[[int], None] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
               limits: Limits | None = None, skip: Sequence[str | os.PathLike[str]] = (),
               check_on: Callable[[Iterable[Source | SourceError]], Iterable[SourceResult | SourceError]]
               | None = None) -> ReportStore:
    """`run`, in memory that does not grow with the corpus: results go to a `ReportStore` on disk as
    they come (without their article texts); `store.report()` renders byte-identical to `run`'s
    report. `check_on` checks the sources elsewhere than in local processes (the CLI's
    `--scheduler`: `factcheck.distributed.iter_results_dask` on a Dask cluster). The ids the reader
    has taken are kept in the store too (`ReportStore.taken_ids`), not in a set in memory. The caller
    closes the store (or drops it)."""
    store = ReportStore(fact_infos(fb))
    try:
        items = read_corpus(paths, max_bytes=max_bytes, skip=skip, taken=store.taken_ids(),
                            **_reading_limits(limits))
        if check_on is not None:
            results = check_on(items)
        else:
            results = iter_results(items, fb, jobs, limits, strip_text=True)
        for n, r in enumerate(results, 1):
            store.add(r)
            if progress:
                progress(n)
    except BaseException:
        store.close()
        raise
    return store
