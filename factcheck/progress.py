"""Progress of a long `factcheck check` on standard error (tqdm): sources done, rate and ETA.

Shown only when standard error is a terminal, the run is not `--quiet` and the corpus has more than
`THRESHOLD` sources; otherwise nothing is counted and nothing is printed. The bar goes to standard
error and is removed when the run ends, so standard output and every file written are the same with
or without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import PurePath
from typing import IO, Any

from factcheck.corpus import iter_paths

THRESHOLD = 20  # sources: a smaller run takes a few seconds and needs no bar

Progress = Callable[[int], None]


def _lines(path: str, limit: int) -> int:
    """The non-blank lines of a JSONL file (its articles, at most), stopping past `limit`."""
    n = 0
    try:
        with open(path, "rb") as fh:
            for line in fh:
                n += bool(line.strip())
                if n > limit:
                    break
    except OSError:
        return 1
    return n


def count_sources(paths: Sequence[str | os.PathLike[str]], skip: Sequence[str | os.PathLike[str]] = (),
                  limit: int | None = None) -> int:
    """About how many sources a run over `paths` has (a JSONL file counts its lines); stops
    counting once over `limit`."""
    n = 0
    for p in iter_paths(paths, skip):
        n += _lines(p, (limit or 10**12) - n) if PurePath(p).suffix.lower() == ".jsonl" else 1
        if limit is not None and n > limit:
            break
    return n


def wanted(stream: IO[str], quiet: bool) -> bool:
    try:
        return not quiet and stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


@contextmanager
def progress_bar(paths: Sequence[str | os.PathLike[str]], *, quiet: bool = False,
                 skip: Sequence[str | os.PathLike[str]] = (), stream: IO[str] | None = None,
                 threshold: int = THRESHOLD, force: bool = False) -> Iterator[Progress | None]:
    """A callback for `runner.run(progress=...)` (sources done so far), or None when no bar is
    shown. `force` shows it even when `stream` is not a terminal (tests)."""
    out = stream if stream is not None else sys.stderr
    if not force and not wanted(out, quiet):
        yield None
        return
    if count_sources(paths, skip, limit=threshold) <= threshold:
        yield None
        return
    from tqdm import tqdm  # imported only when a bar is shown

    bar: Any = tqdm(total=count_sources(paths, skip), file=out, unit="source", desc="factcheck",
                    leave=False, dynamic_ncols=True, mininterval=0.5, smoothing=0.1)

    def update(done: int) -> None:
        if done > bar.total:
            bar.total = done
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()
