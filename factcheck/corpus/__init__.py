"""Read a corpus of news articles into ``Source`` values, one file at a time.

``read_corpus(paths)`` is a generator: it holds one file (one JSONL line) in
memory at a time, never writes to the corpus, and never raises for a bad
input: anything that cannot be read is yielded as a ``SourceError`` so a
report can list it while the run goes on.

What is read
    Arguments are taken in the order given. A file named explicitly is always
    read (``.html``/``.htm`` as HTML, ``.jsonl`` as JSON Lines, anything else
    as text). Directories are walked recursively, each level sorted by name
    (code-point order, so the result is the same on every machine), and only
    ``.txt``, ``.md``, ``.html``, ``.htm`` and ``.jsonl`` files are read
    (extension case ignored). Other files, and hidden entries (names starting
    with ".", e.g. ``.git`` or editor lock files) are skipped without error.
    Symlinks are followed, except one that leads back to a directory being
    walked: that is a loop and is reported. A file or directory reached twice
    (listed twice, hard links, symlinks) is read once, the first time.

Source ids
    A file's id is its name without extension; a JSONL article's id is its
    ``id`` field. Files are walked before any is read, so ids do not depend on
    the order of the arguments: when several files share a name (``a/x.txt``
    and ``b/x.txt``), *each* of them gets its path relative to its directory
    argument without extension (``a/x``, ``b/x``); where those clash too (two
    directory arguments), each gets its whole path as given or joined
    (``one/x``, ``two/x``), and last its relative path with the extension
    (``x.txt``, ``x.md``). A file whose id a JSONL article took earlier in the
    run gets the next of these forms. A JSONL article whose id is taken is a
    ``SourceError`` "duplicate source id": its id was chosen by whoever wrote
    the file, so renaming it would hide the clash.

Skipped paths
    ``skip`` names files and directories the walk leaves out (compared by device and
    inode, so any spelling of the path matches): the run's own output (``reports/``, the
    ``--output`` file), which must never be read back as articles.

Limits (the same as ``factcheck check``'s, docs/robustness.md)
    ``max_bytes`` refuses a file (a JSONL line) before it is read; ``max_chars``
    refuses an article whose text is longer ("article too long", as the checker
    says); ``timeout`` bounds the reading of one file (decoding, HTML extraction)
    and of each JSONL line: "timed out: reading took longer than S s (--timeout)".

Errors
    Any exception of a reader or of an extractor on one file (a decoder, lxml,
    trafilatura) makes that file a ``SourceError`` ("cannot read: ..."), never the end of
    the run; in a JSONL file it costs only its line.
    A path that does not exist gives reason "no such file or directory"; see
    ``text.os_error_reason`` for the others.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from factcheck.corpus.html import read_html
from factcheck.corpus.jsonl import read_jsonl
from factcheck.corpus.text import Expired, FileRef, deadline, os_error_reason, read_text
from factcheck.model import Source, SourceError

__all__ = ["DEFAULT_MAX_BYTES", "KNOWN_EXTENSIONS", "IdSet", "iter_paths", "read_corpus", "too_long", "read_timed_out"]

DEFAULT_MAX_BYTES = 8 * 1024 * 1024  # `factcheck check --max-bytes`: a saved news page is rarely over 3 MB
HTML_EXTENSIONS = frozenset({".html", ".htm"})
KNOWN_EXTENSIONS = frozenset({".txt", ".md", ".jsonl"}) | HTML_EXTENSIONS

PathArg = str | os.PathLike[str]


class IdSet(Protocol):
    """The source ids a run has taken so far, as `read_corpus` keeps them: a `set` unless told
    otherwise. `factcheck check` keeps them on disk (`ReportStore.taken_ids`): a set of 1,000,000
    ids takes about 86 MiB, and every other thing the run keeps per source is on disk already."""

    def __contains__(self, source_id: object, /) -> bool: ...

    def add(self, source_id: str, /) -> None: ...


@dataclass(frozen=True)
class _Found:
    """A file the walk will read: path as given/joined, path relative to its argument."""

    path: str
    relative: str


def read_corpus(paths: Sequence[PathArg], *, max_bytes: int = DEFAULT_MAX_BYTES,
                skip: Sequence[PathArg] = (), timeout: float | None = None,
                max_chars: int | None = None, taken: IdSet | None = None) -> Iterator[Source | SourceError]:
    """Every article under ``paths`` as a Source, or a SourceError saying why not (see the
    module doc for the limits). ``taken``: where the ids taken so far are kept (see `IdSet`;
    empty at the start, filled as the run goes; default: a set in memory)."""
    if taken is None:
        taken = set()
    found = list(_walk(paths, skip))  # metadata only: the ids of files depend on all their names
    ids = _file_ids([f for f in found if isinstance(f, _Found)])
    for item in found:
        if isinstance(item, SourceError):
            yield item
            continue
        suffix = PurePath(item.path).suffix.lower()
        if suffix == ".jsonl":
            for result in _guarded_jsonl(item.path, max_bytes, timeout):
                if isinstance(result, Source):
                    if result.id in taken:
                        result = SourceError(result.id, result.path, "duplicate source id")
                    else:
                        taken.add(result.id)
                yield _within(result, max_chars)
            continue
        source_id = next((i for i in ids[item.path] if i not in taken), None)
        if source_id is None:
            yield SourceError(PurePath(item.path).stem, item.path, "duplicate source id")
            continue
        taken.add(source_id)
        yield _within(_read_file(FileRef(item.path, source_id), suffix, max_bytes, timeout), max_chars)


def too_long(source: Source, max_chars: int) -> SourceError:
    """The error of an article over ``max_chars`` characters (the checker's words)."""
    return SourceError(source.id, source.path,
                       f"article too long: {len(source.text)} characters, limit is {max_chars} (--max-chars)")


def read_timed_out(source_id: str, path: str, timeout: float) -> SourceError:
    return SourceError(source_id, path, f"timed out: reading took longer than {timeout:g} s (--timeout)")


def _within(item: Source | SourceError, max_chars: int | None) -> Source | SourceError:
    if max_chars and isinstance(item, Source) and len(item.text) > max_chars:
        return too_long(item, max_chars)
    return item


def _read_file(ref: FileRef, suffix: str, max_bytes: int, timeout: float | None) -> Source | SourceError:
    try:
        with deadline(timeout):
            return read_html(ref, max_bytes) if suffix in HTML_EXTENSIONS else read_text(ref, max_bytes)
    except Expired:
        assert timeout is not None
        return read_timed_out(ref.source_id, ref.path, timeout)
    except Exception as exc:  # noqa: BLE001 - a decoder or extractor bug costs this file only
        return SourceError(ref.source_id, ref.path, _crash_reason(exc))


def _crash_reason(exc: BaseException) -> str:
    return f"cannot read: {type(exc).__name__}: {str(exc)[:200]}"


def _guarded_jsonl(path: str, max_bytes: int, timeout: float | None = None) -> Iterator[Source | SourceError]:
    """``read_jsonl``, but an exception it did not expect ends that file with one error, not the run;
    each line is read within ``timeout`` (a line that is not costs the rest of the file)."""
    lines = read_jsonl(path, max_bytes)
    while True:
        try:
            with deadline(timeout):
                item = next(lines, None)
        except Expired:
            assert timeout is not None
            yield read_timed_out(_name_id(path), path, timeout)
            return
        except Exception as exc:  # noqa: BLE001
            yield SourceError(_name_id(path), path, _crash_reason(exc))
            return
        if item is None:
            return
        yield item


def iter_paths(paths: Sequence[PathArg], skip: Sequence[PathArg] = ()) -> Iterator[str]:
    """The files ``read_corpus`` would open, in the same order.

    Paths it would report as errors without opening anything (missing paths,
    loops, unreadable directories) are left out.
    """
    for item in _walk(paths, skip):
        if isinstance(item, _Found):
            yield item.path


def _id_forms(found: _Found) -> list[str]:
    """The id forms of a file, shortest first: stem, relative path, whole path, relative path
    with its extension (see the module doc)."""
    return [PurePath(found.path).stem, _without_suffix(found.relative),
            _without_suffix(PurePath(found.path).as_posix()), PurePath(found.relative).as_posix()]


def _file_ids(files: list[_Found]) -> dict[str, list[str]]:
    """Each file's ids to try, best first: the shortest form no other file of the run shares,
    then the longer ones (for a file whose id a JSONL article took). Independent of the order
    of `files`."""
    forms = {f.path: _id_forms(f) for f in files}
    out: dict[str, list[str]] = {}
    for level in range(4):
        counts = Counter(v[level] for k, v in forms.items() if k not in out)
        for path, v in forms.items():
            if path not in out and (counts[v[level]] == 1 or level == 3):
                out[path] = list(dict.fromkeys(v[level:]))
    return out


def _without_suffix(posix: str) -> str:
    path = PurePath(posix)
    return path.with_suffix("").as_posix() if path.suffix else posix


def _identities(paths: Sequence[PathArg]) -> set[tuple[int, int]]:
    keys = set()
    for p in [paths] if isinstance(paths, (str, os.PathLike)) else paths:
        try:
            keys.add(_key(os.stat(p)))
        except (OSError, ValueError):
            continue
    return keys


def _walk(paths: Sequence[PathArg], skip: Sequence[PathArg] = ()) -> Iterator[_Found | SourceError]:
    # A lone str is a Sequence[str] too: take it as one path, not as characters.
    arguments = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    # (device, inode) of files and directories; what is to be skipped counts as seen already
    seen: set[tuple[int, int]] = _identities(skip)
    for argument in arguments:
        path = os.fspath(argument)
        try:
            info = os.stat(path)
        except OSError as exc:
            yield SourceError(_name_id(path), path, os_error_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            if _key(info) not in seen:
                seen.add(_key(info))
                yield from _walk_dir(path, "", frozenset({_key(info)}), seen)
        elif not stat.S_ISREG(info.st_mode):
            yield SourceError(_name_id(path), path, "not a regular file")
        elif _key(info) not in seen:
            seen.add(_key(info))
            relative = PurePath(os.path.normpath(path)).as_posix()
            yield _Found(path, relative)


def _walk_dir(
    directory: str,
    relative: str,
    ancestors: frozenset[tuple[int, int]],
    seen: set[tuple[int, int]],
) -> Iterator[_Found | SourceError]:
    """Depth first, entries sorted by name: files come out ordered by relative path,
    compared component by component."""
    try:
        with os.scandir(directory) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as exc:
        yield SourceError(_name_id(directory), directory, os_error_reason(exc))
        return
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(directory, name)
        rel = f"{relative}{name}"
        wanted = PurePath(name).suffix.lower() in KNOWN_EXTENSIONS
        try:
            info = os.stat(path)
        except OSError as exc:  # dangling or looping symlink, vanished entry
            if wanted:
                yield SourceError(_name_id(path), path, os_error_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            if _key(info) in ancestors:
                reason = "symlink loop: leads back to a directory being read"
                yield SourceError(_name_id(path), path, reason)
            elif _key(info) not in seen:  # else already walked, through another link
                seen.add(_key(info))
                yield from _walk_dir(path, f"{rel}/", ancestors | {_key(info)}, seen)
        elif not wanted:
            continue
        elif not stat.S_ISREG(info.st_mode):
            yield SourceError(_name_id(path), path, "not a regular file")
        elif _key(info) not in seen:
            seen.add(_key(info))
            yield _Found(path, rel)


def _key(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)


def _name_id(path: str) -> str:
    """An id for an error about ``path``: its name without extension."""
    return PurePath(path).stem or path
