"""Outcomes: what came of something, as one of known alternatives ("guilty" or "acquitted", "scaled
back" or "cancelled", "short of a majority" or "won a majority", "not sounded" or "sounded").

`value` is the outcome as a label, `variants` other wordings of the same outcome, `others` the
wordings of the outcomes that contradict it. Each of them is a phrase or a regular expression
(a space matches any run of white space or a hyphen; case is ignored; whole words only). Where
phrases overlap, the one that starts first wins, then the longest: `others: [not guilty]`
contradicts a value `guilty`, `others: [second-deadliest]` a value `deadliest earthquake`.

A phrase is a claim only when the words just before it in its clause neither deny it nor make it a
possibility: "was not found guilty", "could be cancelled", "if convicted", "rather than
cancelled" are read, with what made them unsure, and judged neither agree nor contradict (they
are `unclear`: a look tells). A denial the fact base means to accuse is written as a phrase of its
own ("not guilty", "never sounded"). The words are data (factcheck/data/en.yaml
`outcome_unsure`, with `negations` and `irrealis`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import MATCH_TIMEOUT, Fact
from factcheck.factbase.runaway import runs_away
from factcheck.kinds.base import Context, Reading, is_wording
from factcheck.lang import lang
from factcheck.segment import Sentence

WORDS_BEFORE = 4  # words before a phrase in which a denial or a possibility governs it
DENIAL_WORDS = 8  # ... and in which a denied finding ("no sign so far of a") governs it
_CLAUSE_CUT = regex.compile(r"[,;:()\[\]—–]|\s-\s")
_WORD = regex.compile(r"[\p{L}\p{N}'’]+")


@dataclass(frozen=True)
class Said:
    """The outcome phrase read (`key`: the phrase of the fact base it matched, normalised) and
    what makes it unsure (empty when it is stated as what happened)."""

    key: str
    unsure: str = ""


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


def _spaces(pattern: str) -> str:
    """The pattern with each literal run of spaces outside a character class matching any white
    space or a hyphen ("scaled back" reads "scaled-back")."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        if c == " " and not in_class:
            j = i
            while j < len(pattern) and pattern[j] == " ":
                j += 1
            out.append(r"[\s\-‐‑]+")
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


@cache
def _compiled(phrase: str) -> regex.Pattern[str]:
    try:
        alone = regex.compile(phrase, regex.IGNORECASE)  # the error's position is then the phrase's own
    except regex.error as e:
        raise FactValueError(f"the outcome phrase {phrase!r} does not compile (FB030's test): {e}",
                             "write a phrase ('found guilty') or a regular expression ('convict(?:ed|ion)')") from None
    if alone.search("") is not None:
        raise FactValueError(f"the outcome phrase {phrase!r} matches the empty string, so it matches everywhere "
                             "(FB032's test)",
                             "remove the empty alternative or the `*`/`?` that makes the whole phrase optional")
    probe = runs_away(alone)
    if probe is not None:
        raise FactValueError(f"the outcome phrase {phrase!r} can run away on long inputs (FB031's test: it "
                             f"times out on {probe!r}...)", "remove the nested repetition, e.g. `(a+)+`")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_spaces(phrase)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


def _phrase(raw: Any, what: str) -> str:
    if not is_wording(raw):
        raise FactValueError(f"{what} is an outcome's wording (a phrase), not {raw!r}",
                             "write e.g. `value: guilty`, `value: scaled back` or `value: not sounded`; "
                             "a yes/no outcome is written as its words ('sounded' / 'not sounded')")
    phrase = " ".join(raw.split())
    _compiled(phrase)
    return phrase


@cache
def _unsure_re() -> regex.Pattern[str]:
    words = [*lang().data["negations"], *lang().data["irrealis"], *lang().data["outcome_unsure"]]
    alts = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    parts = [(r"(?<![\p{L}])" if w[:1].isalpha() else "") + regex.escape(w).replace(r"\ ", r"\s+") for w in alts]
    return regex.compile(rf"(?:{'|'.join(parts)})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _denial_re() -> regex.Pattern[str]:
    alts = sorted({str(w) for w in lang().data["outcome_denials"]}, key=lambda w: (-len(w), w))
    parts = [regex.escape(w).replace(r"\ ", r"\s+") for w in alts]
    return regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(parts)})(?![\p{{L}}])", regex.IGNORECASE)


def unsure_before(before: str) -> str:
    """The word that denies or makes a possibility of what follows `before` (the text of the
    sentence up to a phrase): among the last `WORDS_BEFORE` words of its clause, or a denied
    finding ("no sign ... of") among its last `DENIAL_WORDS`; '' if none."""
    cut = [m.end() for m in _CLAUSE_CUT.finditer(before)]
    clause = before[cut[-1] :] if cut else before
    words = list(_WORD.finditer(clause))
    start = words[-WORDS_BEFORE].start() if len(words) >= WORDS_BEFORE else 0
    found = list(_unsure_re().finditer(clause, start))
    if found:
        return found[-1].group(0)
    start = words[-DENIAL_WORDS].start() if len(words) >= DENIAL_WORDS else 0
    denied = list(_denial_re().finditer(clause, start))
    return denied[-1].group(0) if denied else ""


class OutcomeKind:
    name: ClassVar[str] = "outcome"
    options: ClassVar[dict[str, Key]] = {
        "others": Key("list[str]", doc="wordings of the outcomes that contradict ('acquitted', 'not guilty')"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string", "minLength": 1,
        "description": "the outcome's wording (guilty, scaled back, not sounded); a phrase or a regular expression"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> str:
        phrase = _phrase(raw, "`value` and each variant")
        if _norm(phrase) in {_norm(o) for o in options.get("others", ())}:
            raise FactValueError(f"{phrase!r} is both the outcome (or a variant) and one of `others`",
                                 "a wording is either this outcome or another: remove it from one list")
        return phrase

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        others = options.get("others", [])
        if not isinstance(others, list):
            raise FactValueError("`others` is a list of the other outcomes' wordings",
                                 "write `others: [acquitted, not guilty]`")
        return {"others": [_phrase(o, "each of `others`") for o in others]}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        phrases = (str(fact.value), *(str(v.value) for v in fact.variants), *fact.options["others"],
                   *(str(d.value) for d in fact.distractors))
        text = sentence.text
        found: list[tuple[int, int, str]] = []
        for p in dict.fromkeys(phrases):
            try:
                found += [(m.start(), m.end(), _norm(p)) for m in _compiled(p).finditer(text, timeout=MATCH_TIMEOUT)]
            except TimeoutError:
                continue
        # overlapping phrases: the one that starts first wins, then the longest: a word before a
        # phrase qualifies it ("not guilty" over "guilty", "second-deadliest" over "deadliest
        # earthquake in its history")
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str]] = []
        for a, b, key in found:
            if not any(a < d and c < b for c, d, _ in kept):
                kept.append((a, b, key))
        out = []
        question = text.rstrip().endswith("?")
        for a, b, key in sorted(kept):
            why = unsure_before(text[:a]) or ("?" if question else "")
            detail = ("asked, not stated" if why == "?" else f"governed by {why!r}: not stated as what happened") \
                if why else ""
            out.append(Reading(start=sentence.start + a, end=sentence.start + b, text=text[a:b],
                               value=Said(key, why), shown=text[a:b], detail=detail))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        said: Said = reading.value
        if said.unsure:
            return None
        if said.key == _norm(str(value)):
            return True
        if said.key in {_norm(o) for o in fact.options["others"]}:
            return False
        return None

    def render(self, value: Any) -> str:
        return str(value)
