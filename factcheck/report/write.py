"""Atomic file output: a reader (CI, a watcher, a crashed run) sees either the old
report or the complete new one, never a truncated file."""

from __future__ import annotations

import os
import re
import secrets

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


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 (bytes exactly as given, no newline translation; a lone
    surrogate, which UTF-8 cannot carry, is written as U+FFFD: see `utf8_safe`).

    The temporary file lives in the target directory so `os.replace` is a
    same-filesystem rename. It is created with mode 0o666 under the umask (not
    mkstemp's 0o600) so the report gets ordinary permissions. Parent directories
    are created. A symlink at `path` is replaced, not followed. On any failure
    (disk full, permission denied, an interrupt) the temporary file is removed,
    the file at `path` is left as it was, and the exception propagates.
    """
    target = os.fspath(path)
    directory = os.path.dirname(target) or "."
    os.makedirs(directory, exist_ok=True)
    data = utf8_safe(text).encode("utf-8")
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
            fh.write(data)
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
