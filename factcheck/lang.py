"""Language knowledge, loaded once from factcheck/data/en.yaml.

Code asks this module for word lists and compiled alternations; the words themselves are data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import regex
import yaml


def alternation(words: list[str] | tuple[str, ...] | set[str] | Any) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in items)


def trie_alternation(words: list[str] | tuple[str, ...] | set[str] | Any, fold: bool = True) -> str:
    """The alternation of `alternation`, as a trie (common prefixes factored out: "dollar(?:s)?"),
    so that matching costs the length of the text tried, not the number of phrases: a table of
    every currency's names (1,500 phrases) tried at each number. Longer matches are preferred, as
    in `alternation`; with `fold`, the phrases are lower-cased (for a pattern compiled IGNORECASE)."""
    trie: dict[str, Any] = {}
    for w in {str(x).lower() if fold else str(x) for x in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else regex.escape(ch)
            branches.append(piece + emit(node[ch]))
        end = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie) or "(?!)"


@dataclass(frozen=True)
class Lang:
    data: dict[str, Any]

    @cached_property
    def months(self) -> dict[str, int]:
        return dict(self.data["months"])

    @cached_property
    def weekdays(self) -> dict[str, int]:
        return dict(self.data["weekdays"])

    @cached_property
    def hedges(self) -> dict[str, str]:
        """Phrase -> hedge class (about, nearly, over, ...)."""
        out: dict[str, str] = {}
        for cls, phrases in self.data["hedges"].items():
            for p in phrases:
                out[str(p).lower()] = str(cls)
        return out

    @cached_property
    def magnitudes(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.data["magnitudes"].items()}

    @cached_property
    def number_words(self) -> dict[str, float]:
        n = self.data["numbers"]
        out: dict[str, float] = {}
        for table in ("units", "tens", "scales"):
            out.update({str(k): float(v) for k, v in n[table].items()})
        return out

    @cached_property
    def duration_units(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.data["duration_units"].items()}

    @cached_property
    def zones(self) -> dict[str, float]:
        return {str(k): float(v) for k, v in self.data["zones"].items()}

    @cached_property
    def relative_days(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.data["relative_days"].items()}

    @cached_property
    def event_nouns(self) -> list[str]:
        return [str(w) for w in self.data["event_words"]["nouns"]]

    @cached_property
    def event_verbs(self) -> list[str]:
        return [str(w) for w in self.data["event_words"]["verbs"]]

    @cached_property
    def modes(self) -> dict[str, list[str]]:
        return {str(k): [str(w) for w in v] for k, v in self.data["event_words"]["modes"].items()}

    @cached_property
    def anchors(self) -> list[str]:
        return [str(w) for w in self.data["anchors"]]

    @cached_property
    def clause_openers(self) -> list[str]:
        return [str(w) for w in self.data["clause_openers"]]

    @cached_property
    def countries(self) -> dict[str, list[str]]:
        return {str(k): [str(a) for a in v] for k, v in self.data["countries"].items()}


# libyaml's C parser where PyYAML was built with it (the packs need no positions): loading them was
# about a fifth of a run's start-up with the pure-Python one
_Safe: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _WordsLoader(_Safe):
    """YAML 1.1 reads the words on, off, yes, no, y and n as booleans: a word list holding "on" would hold
    True. The packs are lists of words, so only true and false are booleans here."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load_words(text: str) -> Any:
    """A language data file, read with `on`, `no` and the like as the words they are."""
    return yaml.load(text, Loader=_WordsLoader)  # noqa: S506 - a SafeLoader subclass


@cache
def lang() -> Lang:
    text = resources.files("factcheck.data").joinpath("en.yaml").read_text(encoding="utf-8")
    return Lang(load_words(text))


@cache
def pack(name: str, locale: str = "en") -> dict[str, Any]:
    """A language data pack by concern: `factcheck/data/<locale>/<name>.yaml` (units, zones,
    countries, ...). Packs are plain YAML mappings, loaded once."""
    text = resources.files("factcheck.data").joinpath(locale, f"{name}.yaml").read_text(encoding="utf-8")
    data = load_words(text)
    if not isinstance(data, dict):
        raise ValueError(f"language pack {locale}/{name}.yaml is not a mapping")
    return data


@cache
def calendar_words() -> frozenset[str]:
    """Weekdays and months with their abbreviations, lower case: capitalised words that name no one
    ("..., Hansen, Monday"; a timeline's "(Sun)" is no misspelt Son)."""
    lg = lang()
    return frozenset(str(w).lower() for w in [*lg.weekdays, *lg.months])


def reporting_re() -> regex.Pattern[str]:
    """A reporting verb ending just before a position: 'said on ', 'told reporters '."""
    return _reporting_re()


@cache
def _reporting_re() -> regex.Pattern[str]:
    words = alternation(lang().data["reporting_verbs"])
    # ... not a verb of a restatement: "15h55 East coast time, that is to say 22h55 Paris time"
    not_after = alternation(lang().data["not_reporting_after"])
    # ... nor a name's last word ("the United States on Sunday" is no "states on Sunday")
    names = alternation(lang().data["not_reporting_in_names"])
    # "said on Monday", "told reporters on Monday", "published by the statistics office on Monday"
    # (the look back runs only where a verb matched: "(?<!is to )say" before it would run everywhere)
    return regex.compile(rf"(?<![\p{{L}}])(?:{words})(?<!(?<![\p{{L}}])(?-i:{names})\s+\p{{L}}+)"
                         rf"(?<!(?<![\p{{L}}])(?:{not_after})\s+\p{{L}}+)"
                         rf"(?:(?:\s+(?:reporters|journalists|the\s+press|Reuters|AFP|AP))?"
                         rf"\s+(?:on\s+|late\s+|early\s+|last\s+|at\s+|shortly\s+after\s+)?"
                         rf"|\s+by\s+(?:[\p{{L}}'’-]+\s+){{0,3}}[\p{{L}}'’-]+\s+on\s+)$", regex.IGNORECASE)


@cache
def words_before_re(key: str, between: str = "") -> regex.Pattern[str]:
    """One of the phrases listed under `key` in en.yaml ending right before a position, perhaps with
    `between` (a pattern) after it: searched in the text before a value ("until ", "headed for the ",
    "his ")."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data[key])})\s+{between}$", regex.IGNORECASE)


@cache
def words_re(key: str, ignore_case: bool = True) -> regex.Pattern[str]:
    """Whole-word alternation of the phrases listed under `key` in en.yaml."""
    data = lang().data[key]
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(data)})(?![\p{{L}}])",
                         regex.IGNORECASE if ignore_case else 0)


def levenshtein(a: str, b: str) -> int:
    """Edit distance of two short words (names, aliases)."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
