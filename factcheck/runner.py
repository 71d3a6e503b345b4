"""Run the pure check over a corpus, locally or on several processes, into one Report.

One bad source never aborts a run: a source the reader cannot read, or one the checker fails on
(a bug), becomes an entry of `Report.errors` and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from factcheck.check import check
from factcheck.corpus import read_corpus
from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError, SourceResult
from factcheck.report import FactInfo, Report, build_report

_FB: FactBase | None = None


def fact_infos(fb: FactBase) -> list[FactInfo]:
    return [FactInfo(id=f.id, kind=f.kind, expected=f.expected, defined_at=f.defined_at) for f in fb.facts]


def check_safely(source: Source, fb: FactBase) -> SourceResult | SourceError:
    try:
        return check(source, fb)
    except Exception as e:  # noqa: BLE001 - one source must never abort the run
        return SourceError(source.id, source.path, f"internal error while checking: {type(e).__name__}: {e}")


def _init(fb: FactBase) -> None:
    global _FB
    _FB = fb


def _work(source: Source) -> SourceResult | SourceError:
    assert _FB is not None
    return check_safely(source, _FB)


def iter_results(
    items: Iterable[Source | SourceError], fb: FactBase, jobs: int = 1
) -> Iterator[SourceResult | SourceError]:
    """Results in corpus order, whatever `jobs` is."""
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, SourceError) else check_safely(item, fb)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(fb,)) as pool:
        batch: list[Source | SourceError] = []

        def flush() -> Iterator[SourceResult | SourceError]:
            sources = [b for b in batch if isinstance(b, Source)]
            done = iter(pool.map(_work, sources, chunksize=8))
            for b in batch:
                yield b if isinstance(b, SourceError) else next(done)

        for item in items:
            batch.append(item)
            if len(batch) >= 256 * jobs:
                yield from flush()
                batch = []
        yield from flush()


def run(paths: Sequence[str | os.PathLike[str]], fb: FactBase, jobs: int = 1,
        progress: Callable[[int], None] | None = None) -> Report:
    results: list[SourceResult] = []
    errors: list[SourceError] = []
    for n, r in enumerate(iter_results(read_corpus(paths), fb, jobs), 1):
        (errors if isinstance(r, SourceError) else results).append(r)  # type: ignore[arg-type]
        if progress:
            progress(n)
    return build_report(results, errors, fact_infos(fb))
