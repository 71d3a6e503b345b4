"""Atomic file output: a reader (CI, a watcher, a crashed run) sees either the old
report or the complete new one, never a truncated file."""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Iterable

_TMP_STEM = 64
# Lone surrogates cannot be encoded as UTF-8; they reach article text through JSON escapes such as
# "\\ud800" (json.loads accepts them).
_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD, so that it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


class NotAFileTarget(OSError):
    """`write_atomic` refuses to replace something that is not a regular file (a device, a FIFO,
    a socket, a directory): renaming over `/dev/null` would turn it into a file for every
    program on the machine."""


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """`-` and the names of standard output: the report is streamed there, never renamed over it."""
    return os.fspath(path) in STDOUT_NAMES


def output_problem(path: str | os.PathLike[str], protected: Iterable[str | os.PathLike[str]] = ()) -> str | None:
    """Why a report must not be written at `path` (None when it may): a directory, a name
    ending in a slash, anything that exists and is not a regular file (a device such as
    /dev/null, a FIFO, a socket), or one of the `protected` files (the fact files in use)."""
    text = os.fspath(path)
    if text.endswith(("/", os.sep)) or os.path.isdir(text):
        return "it is a directory; name a file (e.g. DIR/report.json)"
    try:
        info = os.stat(text)
    except OSError:
        return None  # to be created (or a path that cannot be written: write_atomic says why)
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file (a device, a FIFO or a socket); only regular files are replaced"
    for p in protected:
        try:
            other = os.stat(p)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return f"it is a fact file of the base in use ({os.fspath(p)})"
    return None


_REPORT_STARTS = (b'{\n  "format_version"', b"# Fact-check report", b"source,fact,verdict,expected,", b"legend: ")


def looks_like_report(path: str | os.PathLike[str]) -> bool:
    """True when the file at `path` starts like a report factcheck writes (any format), so that
    a run whose `--output` lies inside its corpus does not read its previous report back."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.startswith(_REPORT_STARTS)


def _fsync_dir(directory: str) -> None:
    """Make the rename itself durable; not possible on every OS, so best effort."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[str]) -> None:
    """Write `text` as UTF-8 (bytes exactly as given, no newline translation; a lone
    surrogate, which UTF-8 cannot carry, is written as U+FFFD: see `utf8_safe`). `text` may
    be an iterable of pieces (`factcheck.report.iter_render`): they are written as they come,
    so a report of any size needs no more memory than its largest piece.

    The temporary file lives in the target directory so `os.replace` is a
    same-filesystem rename. It is created with mode 0o666 under the umask (not
    mkstemp's 0o600) so the report gets ordinary permissions. Parent directories
    are created. A symlink at `path` is replaced, not followed (but one leading to something that is
    not a regular file is refused, like that thing itself: `NotAFileTarget`). On any failure
    (disk full, permission denied, an interrupt) the temporary file is removed,
    the file at `path` is left as it was, and the exception propagates.
    """
    target = os.fspath(path)
    if target.endswith(("/", os.sep)):
        raise NotAFileTarget(21, "Is a directory", target)
    try:
        info = os.stat(target)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise NotAFileTarget(21 if stat.S_ISDIR(info.st_mode) else 22,
                             "Is a directory" if stat.S_ISDIR(info.st_mode) else "Not a regular file", target)
    directory = os.path.dirname(target) or "."
    os.makedirs(directory, exist_ok=True)
    pieces: Iterable[str] = (text,) if isinstance(text, str) else text
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        # the name is cut so that a target name near the 255-byte limit still has a temp name
        stem = os.path.basename(target)[:_TMP_STEM]
        tmp = os.path.join(directory, f".{stem}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(utf8_safe(piece).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(directory)
