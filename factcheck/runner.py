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
  rest of its batch is checked again, each source in a process of its own, so the error names
  the source that killed it.

Results come out in corpus order whatever `jobs` is, and `build_report` sorts them, so the
report is byte-identical for any `jobs`.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from factcheck.check import check
from factcheck.corpus import DEFAULT_MAX_BYTES, read_corpus
from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError, SourceResult
from factcheck.report import FactInfo, Report, build_report

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_TIMEOUT", "Limits", "check_safely", "fact_infos", "iter_results", "run"]

DEFAULT_MAX_CHARS = 1_000_000  # ~25 s of checking at the measured 40-50k characters a second
DEFAULT_TIMEOUT = 60.0  # seconds per source; 0 or None: no limit
_BATCH_PER_JOB = 256


@dataclass(frozen=True)
class Limits:
    """Per-source limits of a run. `None` (or 0) switches a limit off."""

    timeout: float | None = None  # seconds of checking per source
    max_chars: int | None = None  # characters of article text per source


class _SourceTimeout(BaseException):
    """Raised by the SIGALRM handler; a BaseException so no `except Exception` in the core eats it."""


_FB: FactBase | None = None
_LIMITS = Limits()


def fact_infos(fb: FactBase) -> list[FactInfo]:
    return [FactInfo(id=f.id, kind=f.kind, expected=f.expected, defined_at=f.defined_at) for f in fb.facts]


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


def _init(fb: FactBase, limits: Limits) -> None:
    global _FB, _LIMITS
    _FB = fb
    _LIMITS = limits


def _work(source: Source) -> SourceResult | SourceError:
    assert _FB is not None
    return check_safely(source, _FB, timeout=_LIMITS.timeout, max_chars=_LIMITS.max_chars)


def _died(source: Source) -> SourceError:
    return SourceError(source.id, source.path,
                       "the worker process checking this source died (out of memory, or a crash)")


def _alone(source: Source, fb: FactBase, limits: Limits) -> SourceResult | SourceError:
    """Check one source in a process of its own, so that if it kills its process it is named."""
    with ProcessPoolExecutor(max_workers=1, initializer=_init, initargs=(fb, limits)) as pool:
        try:
            return pool.submit(_work, source).result()
        except BrokenProcessPool:
            return _died(source)


class _Pool:
    """A process pool that is replaced when a worker dies."""

    def __init__(self, jobs: int, fb: FactBase, limits: Limits):
        self.jobs, self.fb, self.limits = jobs, fb, limits
        self.pool: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init, initargs=(self.fb, self.limits))
        return self.pool

    def discard(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def results(self, sources: list[Source]) -> list[SourceResult | SourceError]:
        out: list[SourceResult | SourceError] = []
        try:
            for r in self.get().map(_work, sources, chunksize=8):
                out.append(r)
        except BrokenProcessPool:
            self.discard()
            out += [_alone(s, self.fb, self.limits) for s in sources[len(out):]]
        return out

    def close(self) -> None:
        self.discard()


def iter_results(
    items: Iterable[Source | SourceError], fb: FactBase, jobs: int = 1, limits: Limits | None = None
) -> Iterator[SourceResult | SourceError]:
    """Results in corpus order, whatever `jobs` is."""
    limits = limits or Limits()
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, SourceError) else check_safely(
                item, fb, timeout=limits.timeout, max_chars=limits.max_chars)
        return
    pool = _Pool(jobs, fb, limits)
    try:
        batch: list[Source | SourceError] = []

        def flush() -> Iterator[SourceResult | SourceError]:
            done = iter(pool.results([b for b in batch if isinstance(b, Source)]))
            for b in batch:
                yield b if isinstance(b, SourceError) else next(done)

        for item in items:
            batch.append(item)
            if len(batch) >= _BATCH_PER_JOB * jobs:
                yield from flush()
                batch = []
        yield from flush()
    finally:
        pool.close()


def run(paths: Sequence[str | os.PathLike[str]], fb: FactBase, jobs: int = 1,
        progress: Callable[[int], None] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
        limits: Limits | None = None, skip: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Check every source under `paths`; `max_bytes` bounds a file (a JSONL line) before it is read;
    `skip` (the run's own output) is never read."""
    results: list[SourceResult] = []
    errors: list[SourceError] = []
    for n, r in enumerate(iter_results(read_corpus(paths, max_bytes=max_bytes, skip=skip), fb, jobs, limits), 1):
        if isinstance(r, SourceError):
            errors.append(r)
        else:
            results.append(r)
        if progress:
            progress(n)
    return build_report(results, errors, fact_infos(fb))
