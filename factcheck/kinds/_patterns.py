"""Compiling the kind-specific pattern options of a fact (`unit`, `counted`, ...): each is a
`TimedRegex`, so every match is time-limited like the fact's other patterns."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.model import TimedRegex
from factcheck.lang import alternation, lang


def compile_option(options: dict[str, Any], key: str, default: str | None = None) -> TimedRegex | None:
    raw = options.get(key, default)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise FactValueError(f"`{key}` must be one regular expression (a string)",
                             f"write `{key}: 'troops|soldiers'`")
    return _compiled(raw, key)


@lru_cache(maxsize=1024)  # a pattern written in many facts (or loaded again) is compiled once
def _compiled(raw: str, key: str) -> TimedRegex:
    try:
        return TimedRegex(regex.compile(raw, regex.IGNORECASE))
    except regex.error as e:
        raise FactValueError(f"`{key}` does not compile: {e}", "check brackets and escapes") from None


def whole_word(pattern: TimedRegex) -> TimedRegex:
    """The pattern, ending only at the end of a word, perhaps after a plural's "s" or "es" ('crew'
    no longer matches "crewmates"; 'year' still matches "years")."""
    return _compiled(f"(?:{pattern.pattern})(?:e?s)?(?![\\p{{L}}])", "counted")


def with_translated_nouns(pattern: TimedRegex) -> TimedRegex:
    """A `counted` or `unit` pattern that names people or votes, widened to a translation's words
    for them ("9.000 humans died", "the 34 persons on board", "18 768 639 voices": en.yaml
    `translated_nouns`); any other pattern as it is."""
    extra = [w for noun, words in lang().data["translated_nouns"].items() if pattern.fullmatch(noun)
             for w in words if not pattern.fullmatch(w)]
    if not extra:
        return pattern
    return _compiled(f"(?:{pattern.pattern})|(?:{alternation(extra)})(?![\\p{{L}}])", "counted")
