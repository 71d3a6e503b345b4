"""Plain-text sources: bounded reading, binary sniffing, decoding, normalizing.

Articles arrive from scrapers, exports and old archives, so the bytes on disk are
often not clean UTF-8. Rather than failing the run (or silently producing
mojibake that later breaks number and quote matching), every decision taken here
is recorded in ``Source.notes`` so a report can show *why* a text looks the way
it does.

Decoding order:

1. a UTF-16/UTF-32 byte-order mark (Windows "Unicode" exports) decides outright;
2. the binary sniff (NUL and control-byte density of the first 8 KB);
3. UTF-8, with a leading BOM stripped;
4. an encoding hint (the ``charset`` an HTML page declares), if any;
5. ``charset_normalizer``. It often ranks Baltic or DOS code pages first for
   short Western text, so cp1252 is preferred whenever it is one of the
   near-best candidates: news corpora are overwhelmingly Western, and cp1252
   decodes latin-1's printable range identically;
6. cp1252, then latin-1 (which never fails).
"""

from __future__ import annotations

import codecs
import errno
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

import charset_normalizer

from factcheck.model import Source, SourceError

SNIFF_BYTES = 8192
BINARY_REASON = "binary file, not text"
# A NUL is never text, but stray ones do occur in scraped or badly converted
# files; these shares of the sniffed bytes separate "a few" from "binary".
_MAX_NUL_SHARE = 0.01
_MAX_CONTROL_SHARE = 0.05
_SNIFF_FLOOR = 1024  # small files: judge their bytes against at least this many
# Candidates this close to the best guess count as equally likely.
_CHAOS_MARGIN = 0.05
_CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\r\f\v\x1b")
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Unreadable(Exception):
    """A file that exists but cannot become a Source; ``str(self)`` is the reason."""


class Expired(BaseException):
    """Raised by `deadline` when its time is up; a BaseException, so that no `except Exception`
    in a decoder, an extractor or the checker can swallow it."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `Expired` in this thread after `seconds` of wall-clock time (POSIX SIGALRM, main
    thread only; elsewhere, and for None or 0, no limit). Never yield inside it: the time of the
    caller's own work would count.

    A timer already running (pytest-timeout, an outer limit) is respected: when it would fire
    first, it governs alone; otherwise it is set again afterwards with what is left of it.
    Work inside a C extension is cut when it returns to Python (lxml parses a page in one call:
    corpus/html.py bounds what it gives lxml instead).
    """
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer, interval = signal.getitimer(signal.ITIMER_REAL)
    if outer and outer <= seconds:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Expired

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:  # nested: an alarm right here must not leave this handler installed
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
            if outer:
                signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3), interval)


def os_error_reason(exc: OSError) -> str:
    """A short, stable, lower-case reason for an OS error (no Python repr)."""
    known = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symlink loop",
        errno.EISDIR: "is a directory",
        errno.ENAMETOOLONG: "file name too long",
    }
    if exc.errno in known:
        return known[exc.errno]
    return (exc.strerror or type(exc).__name__).lower()


def read_limited(path: str, max_bytes: int) -> bytes:
    """All bytes of ``path``, refusing files over ``max_bytes`` before reading them.

    The size is checked on the open handle and again by reading one byte more
    than the limit, so a file that grows, or reports no size, still cannot
    exhaust memory.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise Unreadable(too_large(size, max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Unreadable(too_large(len(data), max_bytes))
    return data


def too_large(size: int, max_bytes: int) -> str:
    return f"file too large: {size} bytes, limit is {max_bytes} bytes"


def looks_binary(data: bytes, *, control_share: float = _MAX_CONTROL_SHARE) -> bool:
    """True when the first 8 KB hold more NUL or control bytes than text ever does."""
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    size = max(len(sample), _SNIFF_FLOOR)
    if sample.count(0) / size > _MAX_NUL_SHARE:
        return True
    # bytes.translate deletes in C: ~50x faster than a Python loop over 8 KB
    controls = len(sample) - len(sample.translate(None, bytes(sorted(_CONTROL_BYTES))))
    return controls / size > control_share


def decode(data: bytes, *, hint: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Bytes to normalized text plus notes; raises Unreadable for binary data."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Unreadable(f"invalid {encoding} after byte-order mark: {exc.reason}") from exc
            return _finish(text, (f"decoded as {encoding}",))
    if looks_binary(data):
        raise Unreadable(BINARY_REASON)
    try:
        return _finish(data.decode("utf-8-sig"), ())
    except UnicodeDecodeError:
        pass
    for encoding in _legacy_candidates(data, _usable_hint(hint)):
        try:
            text = data.decode(encoding)
        # a declared charset may name a codec that cannot decode at all ("undefined", "rot13")
        except (UnicodeError, LookupError, TypeError, ValueError):
            continue
        return _finish(text, (f"decoded as {encoding}",))
    raise AssertionError("unreachable: latin-1 decodes any bytes")


def _usable_hint(hint: str | None) -> str | None:
    """A declared charset, unless it cannot be true of bytes that are neither wide-BOM'd nor
    UTF-8: a text codec that is not an ASCII-compatible byte encoding (utf-16/32 without a BOM,
    "undefined", utf-7, rot13, base64...) is a lie, and the page is read as if it declared none."""
    if not hint:
        return None
    try:
        info = codecs.lookup(hint)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _LYING:
        return None
    try:
        if b"<a href=x>1".decode(info.name) != "<a href=x>1":
            return None
    except (UnicodeError, ValueError, TypeError):
        return None
    return hint


_LYING = frozenset({"undefined", "utf-7", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def _legacy_candidates(data: bytes, hint: str | None) -> list[str]:
    """Encodings to try, best first, once UTF-8 has failed."""
    candidates = [hint] if hint else []
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        # Nothing fits; unless it is plainly text, detection is calling it binary.
        if looks_binary(data, control_share=_MAX_CONTROL_SHARE / 10):
            raise Unreadable(BINARY_REASON)
    else:
        near_best = [m for m in matches if m.chaos <= best.chaos + _CHAOS_MARGIN]
        if any("cp1252" in m.could_be_from_charset for m in near_best):
            candidates.append("cp1252")
        candidates.append(best.encoding)
    return [*candidates, "cp1252", "latin-1"]


def normalize(text: str) -> tuple[str, tuple[str, ...]]:
    """LF line ends and no NULs: offsets and line numbers must mean one thing."""
    notes: tuple[str, ...] = ()
    nuls = text.count("\0")
    if nuls:
        text = text.replace("\0", "")
        notes = (f"removed {nuls} NUL character{'s' if nuls != 1 else ''}",)
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes


def _finish(text: str, notes: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    text, more = normalize(text)
    return text, notes + more


def blank_if_empty(text: str, notes: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Whitespace-only text becomes "" with the note "empty", so callers can skip it."""
    if text.strip():
        return text, notes
    return "", (*notes, "empty")


@dataclass(frozen=True)
class FileRef:
    """A file to read: its path as given or joined, and the id chosen for it."""

    path: str
    source_id: str


def read_text(ref: FileRef, max_bytes: int) -> Source | SourceError:
    """One .txt/.md (or explicitly named) file as a Source, or why it is not one."""
    try:
        text, notes = decode(read_limited(ref.path, max_bytes))
    except Unreadable as exc:
        return SourceError(ref.source_id, ref.path, str(exc))
    except OSError as exc:
        return SourceError(ref.source_id, ref.path, os_error_reason(exc))
    text, notes = blank_if_empty(text, notes)
    return Source(id=ref.source_id, text=text, path=ref.path, notes=notes)
