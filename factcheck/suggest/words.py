"""Words around a value: the stemmer, the stop words and the weighted context of a mention.

The words are data: factcheck/data/en/suggest.yaml, with the number words, months, weekdays,
hedges, fractions and duration units of the other packs."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from factcheck.lang import lang, pack
from factcheck.segment import Sentence

WINDOW = 12  # context words nearer than this many words weigh more
OTHER_CLAUSE = 0.35  # weight of a context word in another clause of the sentence
EVENT = "<event>"  # the concept every word for a talk stands for

TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*")


@cache
def words(key: str) -> frozenset[str]:
    """A word list of factcheck/data/en/suggest.yaml, lower case."""
    return frozenset(str(w).lower() for w in pack("suggest")[key])


@cache
def stem(word: str) -> str:
    """A small suffix-stripping stemmer: workers -> worker, lasted -> last, meeting -> meet."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) <= 3:
        return w
    for suffixes in ((("ies", "y"), ("sses", "ss"), ("s", "")), (("ing", ""), ("ed", ""))):
        for suf, rep in suffixes:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                if suf == "s" and (w.endswith("ss") or w.endswith("us") or w.endswith("is")):
                    continue
                w = w[: len(w) - len(suf)] + rep
                break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # planned -> plann -> plan
    return w


@cache
def value_words() -> frozenset[str]:
    """Words that are values, not context: number words, months, weekdays, hedges, fractions,
    duration units."""
    lg = lang()
    out = set(lg.number_words) | set(lg.months) | set(lg.weekdays)
    for phrase in lg.hedges:
        out.update(phrase.split())
    out.update(str(w) for w in pack("numbers").get("fractions", {}))
    out.update(lg.duration_units)
    return frozenset(out)


@cache
def not_units() -> frozenset[str]:
    """Nouns after a number that make no figure: spans of time ("the past two months", read by
    the duration kind when it is a length), "times", ordinal suffixes ("21st")."""
    suffixes = {str(s).lower() for s in pack("numbers")["ordinal_suffixes"]}
    spans = {str(u).lower() for u in pack("durations")["units"]}  # the duration kind's unit words
    return frozenset(spans | suffixes | words("not_units"))


@cache
def is_stop(word: str) -> bool:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w in words("stop") or w in value_words() or len(w) < 2


@cache
def _event_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lang().event_nouns if " " not in w)


def context(sentence: Sentence, start: int, end: int, skip: Sequence[tuple[int, int]] = ()
            ) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, str], ...]]:
    """Content words of `sentence` outside [start, end) and the `skip` spans, weighted by their
    distance (in words) from the value: ((stem, weight), ...), ((stem, word as written), ...)."""
    toks = [(sentence.start + m.start(), sentence.start + m.end(), m.group(0)) for m in TOKEN.finditer(sentence.text)]
    seg = next(((g.start, g.end) for g in sentence.segments if g.start <= start < g.end),
               (sentence.start, sentence.end))
    events = _event_nouns()
    before = [i for i, (a, _, _) in enumerate(toks) if a < start]
    after = [i for i, (a, _, _) in enumerate(toks) if a >= end]
    ctx: list[tuple[str, float]] = []
    surf: list[tuple[str, str]] = []
    for order in (list(reversed(before)), after):
        gap = 0
        for i in order:
            a, _, w = toks[i]
            if any(x <= a < y for x, y in skip) or start <= a < end:
                continue
            gap += 1
            if is_stop(w):
                continue
            s = stem(w)
            weight = 1.0 / (1.0 + gap / 3.0) if gap <= WINDOW else 0.15
            if not seg[0] <= a < seg[1]:
                weight *= OTHER_CLAUSE  # another clause of the sentence: probably about something else
            ctx.append((s, weight))
            if w.lower() in events:
                ctx.append((EVENT, weight * 0.7))  # talks, meeting, call, discussion: one concept
            surf.append((s, w.lower().replace("’", "'").removesuffix("'s")))
    return tuple(ctx), tuple(surf)


def title_case(sentence: Sentence) -> bool:
    """A headline in title case ("Mayor Opens New Bridge Downtown"): no lower-case content word."""
    found = TOKEN.findall(sentence.text)
    lower = [w for w in found if w[0].islower() and not is_stop(w)]
    return sum(w[0].isupper() for w in found) >= 3 and len(lower) <= 1
