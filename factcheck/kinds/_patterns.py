"""Compiling the kind-specific pattern options of a fact (`unit`, `counted`, ...)."""

from __future__ import annotations

from typing import Any

import regex

from factcheck.errors import FactValueError


def compile_option(options: dict[str, Any], key: str, default: str | None = None) -> regex.Pattern[str] | None:
    raw = options.get(key, default)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise FactValueError(f"`{key}` must be one regular expression (a string)",
                             f"write `{key}: 'troops|soldiers'`")
    try:
        return regex.compile(raw, regex.IGNORECASE)
    except regex.error as e:
        raise FactValueError(f"`{key}` does not compile: {e}", "check brackets and escapes") from None
