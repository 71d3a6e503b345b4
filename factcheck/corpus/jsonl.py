"""JSON Lines sources: one article per line, ``{"id": ..., "text": ...}``.

Optional keys: ``url`` and ``published`` (strings or null); others are ignored.
A JSONL file is usually a whole scraped corpus, so it is streamed line by line
and one bad line costs only that article: it becomes a SourceError with id
``"<file stem>:<line number>"`` and a reason naming the line, and the run goes
on. For the same reason ``max_bytes`` limits each line (each article), not the
file. Blank lines are skipped. Lines must be UTF-8, as JSON requires.
Uniqueness of ids across the run is the caller's job (see ``factcheck.corpus``).

The file is judged binary only when its first line is; after that each line is judged on its
own (one line of NUL bytes costs that line: "binary data, not text"). A line nested too deep
for the parser, or holding an integer too long to convert, is a bad line like any other: any
exception of the JSON parser costs its line only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import IO, Any

from factcheck.corpus.text import (
    BINARY_REASON,
    SNIFF_BYTES,
    blank_if_empty,
    looks_binary,
    normalize,
    os_error_reason,
)
from factcheck.model import Source, SourceError

_SKIP_CHUNK = 1 << 20


class _BadLine(Exception):
    """The problem with one line; ``str(self)`` is the reason without the line number."""


def read_jsonl(path: str, max_bytes: int) -> Iterator[Source | SourceError]:
    """Every article of ``path`` in line order, bad lines as SourceErrors."""
    stem = PurePath(path).stem
    try:
        with open(path, "rb") as handle:
            if looks_binary(handle.readline(SNIFF_BYTES)):
                yield SourceError(stem, path, BINARY_REASON)
                return
            handle.seek(0)
            for number, line in _lines(handle, max_bytes):
                if line is not None and not line.strip():
                    continue
                try:
                    yield _source(line, number, path)
                except _BadLine as exc:
                    yield SourceError(f"{stem}:{number}", path, f"line {number}: {exc}")
                except (Exception, RecursionError) as exc:  # noqa: BLE001 - one line never ends the file
                    reason = f"cannot read this line: {type(exc).__name__}: {str(exc)[:200]}"
                    yield SourceError(f"{stem}:{number}", path, f"line {number}: {reason}")
    except OSError as exc:
        yield SourceError(stem, path, os_error_reason(exc))


def _lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) pairs; None stands for a line longer than max_bytes.

    Over-long lines are skipped in bounded chunks, so one huge line cannot
    exhaust memory.
    """
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _source(line: bytes | None, number: int, path: str) -> Source:
    if line is None:
        raise _BadLine("longer than the size limit for one article")
    if looks_binary(line):
        raise _BadLine("binary data, not text")
    try:
        decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise _BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise _BadLine("not read: nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits (sys.set_int_max_str_digits)
        raise _BadLine(f"not read: {str(exc).split(';')[0]}") from exc
    if not isinstance(record, dict):
        raise _BadLine(f"not a JSON object but {_json_type(record)}")
    source_id = _required(record, "id")
    if not source_id.strip():
        raise _BadLine("'id' is empty")
    text, notes = blank_if_empty(*normalize(_required(record, "text")))
    return Source(
        id=source_id,
        text=text,
        path=path,
        url=_optional(record, "url"),
        published=_optional(record, "published"),
        notes=notes,
    )


def _required(record: dict[str, Any], key: str) -> str:
    if key not in record:
        raise _BadLine(f"missing '{key}'")
    value = record[key]
    if not isinstance(value, str):
        raise _BadLine(f"'{key}' must be a string, not {_json_type(value)}")
    # JSON may escape lone surrogates ("\ud800"), which no report could encode: replace them
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _optional(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise _BadLine(f"'{key}' must be a string or null, not {_json_type(value)}")
    return value


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
