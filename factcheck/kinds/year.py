"""Years: "in 2014", "the 1962 Cuban missile crisis". Of the years in a sentence, the one nearest
the fact's cue is read (a sentence may hold the years of several facts)."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.date import published, read_dates
from factcheck.lang import alternation, lang
from factcheck.segment import Sentence

# not a figure ("2,500 troops", "1990 km") nor a decade ("the late 2010s"; "2018's" stays a year)
YEAR = regex.compile(r"(?<![\p{L}\d,.$€£-])(1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|s(?![\p{L}])"
                     r"|\s*(?:troops|soldiers|people|km|miles))")
# the same from 1000: read only for a fact whose own year is that old ("construction began in 1163"),
# since a four-digit number before 1600 in the news is seldom a year
OLD_YEAR = regex.compile(r"(?<![\p{L}\d,.$€£-])(1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d|s(?![\p{L}])"
                         r"|\s*(?:troops|soldiers|people|km|miles))")
OLDEST_USUAL = 1600
# ... and up to 2199 only for a fact whose own year is that late ("a projected release date in 2139")
LATE_YEAR = regex.compile(r"(?<![\p{L}\d,.$€£-])(1[6-9]\d\d|20\d\d|21\d\d)(?![\d%]|[.,]\d|s(?![\p{L}])"
                          r"|\s*(?:troops|soldiers|people|km|miles))")
LATEST_USUAL = 2099


def years_in(sentence: Sentence, old: bool = False, late: bool = False) -> list[tuple[int, int, int]]:
    """(start, end, year) in source offsets; with `old`, years from 1000 (else from 1600); with
    `late`, up to 2199 (else 2099)."""
    pattern = OLD_YEAR if old else LATE_YEAR if late else YEAR
    return [(sentence.start + m.start(), sentence.start + m.end(), int(m.group(1)))
            for m in pattern.finditer(sentence.text)]


#: between a year and a cue after it: the start of the next phrase of a list or a clause of its own
_NEXT_PHRASE = regex.compile(r"[,;]\s*(?:and|or|but|while|whereas)\s|;", regex.IGNORECASE)
_NEXT_PHRASE_COST = 100


def nearest_to_cues(items: list[tuple[int, int, int]], sentence: Sentence, fact: Fact,
                    limit: int = 120, others: dict[str, list[tuple[int, int]]] | None = None
                    ) -> list[tuple[int, int, int]]:
    """The items nearest the fact's cue, of those no other fact's cue is nearer to."""
    cue_spans = [(sentence.start + m.start(), sentence.start + m.end())
                 for c in fact.cues for m in c.finditer(sentence.text)]
    if not cue_spans or not items:
        return []

    def dist(it: tuple[int, int, int], spans: list[tuple[int, int]]) -> int:
        # a cue after the year past ", and" or ";" opens the next phrase of a list ("... Miriam Haley,
        # at his apartment in 2006, and of third-degree rape of Jessica Mann, ... in 2013"): the year
        # is the phrase's before it
        return min(max(a - it[1], it[0] - b, 0)
                   + (_NEXT_PHRASE_COST if a >= it[1] and _NEXT_PHRASE.search(
                       sentence.text, it[1] - sentence.start, a - sentence.start) else 0)
                   for a, b in spans)

    rival = [sp for fid, sp in (others or {}).items() if fid != fact.id and sp]
    owned = [it for it in items if all(dist(it, cue_spans) < dist(it, sp) for sp in rival)]
    # an item as near another fact's cue as ours is ours only if nothing is clearly ours
    owned = owned or [it for it in items if all(dist(it, cue_spans) <= dist(it, sp) for sp in rival)]
    if not owned:
        return []
    best = min(dist(it, cue_spans) for it in owned)
    return [it for it in owned if dist(it, cue_spans) == best and best <= limit]


@cache
def _spoken_year_re() -> regex.Pattern[str]:
    """A year in words: "nineteen sixty-four", "nineteen-oh-five", "twenty twelve", "two thousand
    and eight" (a column's or a transcript's way)."""
    nums = lang().data["numbers"]
    teens = [w for w, v in nums["units"].items() if 10 <= int(v) <= 19]
    # from sixteen hundred, as for years in digits: "at twelve thirty" is a clock time
    centuries = [w for w, v in nums["units"].items() if 16 <= int(v) <= 19] + ["twenty"]
    units = [w for w, v in nums["units"].items() if 1 <= int(v) <= 9 and w not in ("a", "an")]
    tens = list(nums["tens"])
    century = alternation(centuries)
    rest = (rf"(?:{alternation(tens)})(?:[\s-]+(?:{alternation(units)}))?|(?:{alternation(teens)})"
            rf"|(?:oh|o)[\s-]+(?:{alternation(units)})")
    return regex.compile(rf"(?<![\p{{L}}-])(?:(?P<c>{century})[\s-]+(?P<r>{rest})"
                         rf"|two[\s-]+thousand[\s-]+(?:and[\s-]+)?(?P<u>{alternation(units + teens)}))"
                         # "two thousand eight hundred", "nineteen sixty people": a count
                         rf"(?![\p{{L}}-])(?!\s+(?:hundred|thousand|million|people|of)\b)", regex.IGNORECASE)


def spoken_years(sentence: Sentence) -> list[tuple[int, int, int]]:
    """(start, end, year) of the years the sentence says in words."""
    nums = lang().data["numbers"]
    words = {str(k).lower(): int(v) for k, v in {**nums["units"], **nums["tens"]}.items()}
    out = []
    for m in _spoken_year_re().finditer(sentence.text):
        if m.group("c"):
            c = words[m.group("c").lower()]
            parts = [w for w in regex.split(r"[\s-]+", m.group("r").lower()) if w not in ("oh", "o")]
            year = c * 100 + sum(words[w] for w in parts)
        else:
            year = 2000 + words[m.group("u").lower()]
        if 1000 <= year <= 2099:
            out.append((sentence.start + m.start(), sentence.start + m.end(), year))
    return out


_SPAN_BEFORE = regex.compile(r"\b(?:\d+|\p{L}+)\s+(?:years?|months?|weeks?|decades?)\s*,?\s*$", regex.IGNORECASE)


def _with_cue(item: tuple[int, int, int], sentence: Sentence, fact: Fact) -> bool:
    """A year counts for a fact when its clause holds the fact's cue, or it stands in a short
    clause of its own ("In 2014, when Moscow annexed Crimea"); not "moved in 1998, seven years
    after Ukraine declared independence"."""
    seg = next((g for g in sentence.segments if g.start <= item[0] < g.end), None)
    if seg is None or len(sentence.segments) == 1 or any(c.search(seg.text) for c in fact.cues):
        return True
    for g in sentence.segments:
        if g is seg or not g.anchor or not any(c.search(g.text) for c in fact.cues):
            continue
        head = sentence.text[max(0, g.start - sentence.start - 25) : g.start - sentence.start]
        if _SPAN_BEFORE.search(head):
            return False  # the year is "seven years after" the cue's event, not its year
    return True


@cache
def _relation_before() -> regex.Pattern[str]:
    """A cue's relation word and a determiner, then the year: "settlement over the 2010 ..."."""
    words = alternation(lang().data["year_of_another"])
    return regex.compile(rf"\s+(?:{words})\s+(?:the|a|an|its|their|his|her)\s+$", regex.IGNORECASE)


# the phrase a year stands before: up to four words, to the first word that links it to another
_PHRASE_WORD = (r"(?!(?:of|the|a|an|in|on|at|to|for|and|or|but|by|with|from|that|which|who|was|were|is|are|"
                r"has|had|have)(?![\p{L}]))[\p{L}\p{N}'’-]+")
_PHRASE_AFTER = regex.compile(rf"\s+({_PHRASE_WORD}(?:\s+{_PHRASE_WORD}){{0,3}})", regex.IGNORECASE)


def _dates_another(a: int, b: int, sentence: Sentence, fact: Fact) -> str | None:
    """The phrase a year dates when it stands between a relation word after the fact's cue and a
    noun phrase without the cue ("BP's settlement over the 2010 Deepwater Horizon disaster": the
    disaster's year, not the settlement's), else None."""
    text, at = sentence.text, sentence.start
    ends = [m.end() for c in fact.cues for m in c.finditer(text) if m.end() <= a - at]
    if not ends or not _relation_before().fullmatch(text, max(ends), a - at):
        return None
    after = _PHRASE_AFTER.match(text, b - at)
    if after is None or any(c.search(after.group(1)) for c in fact.cues):
        return None
    return after.group(1)


@cache
def _reference_before() -> regex.Pattern[str]:
    """A word right before a year that makes it a point of reference (en.yaml `year_reference_before`:
    "before 2012", "until 2016", "prior to 2000")."""
    words = alternation(lang().data["year_reference_before"])
    return regex.compile(rf"(?<![\p{{L}}])(?:{words})\s+(?:the\s+(?:end|start)\s+of\s+)?$", regex.IGNORECASE)


@cache
def _relative_re() -> regex.Pattern[str]:
    words = alternation([str(w) for w in lang().data["relative_years"]])
    return regex.compile(rf"(?<![\p{{L}}])(?P<w>{words})(?![\p{{L}}])", regex.IGNORECASE)


def relative_years(sentence: Sentence, ctx: Context) -> list[tuple[int, int, int]]:
    """"this year", "at the end of the year", "last year": (start, end, year) from the year of the
    page's own date; none when the page gives no date."""
    if "year" not in sentence.text.lower():
        return []
    pub = published(ctx)
    if pub is None or pub.year is None:
        return []
    offsets = {" ".join(str(k).lower().split()): int(v) for k, v in lang().data["relative_years"].items()}
    return [(sentence.start + m.start(), sentence.start + m.end(),
             pub.year + offsets[" ".join(m.group("w").lower().split())])
            for m in _relative_re().finditer(sentence.text)]


class YearKind:
    name: ClassVar[str] = "year"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {}
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999},
                                                            {"type": "string", "pattern": r"^\s*\d{4}\s*$"}],
                                                  "description": "four digits, e.g. 2014"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> int:
        if isinstance(raw, str) and regex.fullmatch(r"\d{4}", raw.strip()):
            return int(raw)
        raise FactValueError(f"a year is four digits, not {raw!r}", "write e.g. `value: 2014`")

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        out = []
        # the year of a full date ("10 June 2022 (Fri) — ...") is that day's, not a year the
        # sentence states ("the highest since December 1981" stays)
        days = [(r.start, r.end) for r in read_dates(sentence.text, sentence.start) if r.value.day]
        old = min([int(fact.value), *(int(v.value) for v in fact.variants)]) < OLDEST_USUAL
        late = max([int(fact.value), *(int(v.value) for v in fact.variants)]) > LATEST_USUAL
        items = [it for it in years_in(sentence, old, late) + spoken_years(sentence) if _with_cue(it, sentence, fact)
                 and not any(a <= it[0] < b for a, b in days)]
        relative = relative_years(sentence, ctx)
        items += [it for it in relative if _with_cue(it, sentence, fact)]
        for a, b, y in nearest_to_cues(items, sentence, fact, others=ctx.sentence_cues):
            if (a, b, y) in relative:
                text = sentence.text[a - sentence.start : b - sentence.start]
                out.append(Reading(start=a, end=b, text=text, value=y, shown=y,
                                   detail=f"{text!r} from the page's year",
                                   extra={"loose": True, "why_loose": "a year said from the page's own date"}))
            elif _reference_before().search(sentence.text, max(0, a - sentence.start - 20), a - sentence.start):
                # "the last time before 2012 that a club ...", "unbeaten until 2016": a year the fact's
                # own is measured against, not surely the fact's
                out.append(Reading(start=a, end=b, text=sentence.text[a - sentence.start : b - sentence.start],
                                   value=y, shown=y, extra={"loose": True, "why_loose": (
                                       "a year after \"before\" or \"until\": a point the fact is measured "
                                       "against, not surely its own year")}))
            elif (dated := _dates_another(a, b, sentence, fact)) is not None:
                out.append(Reading(start=a, end=b, text=sentence.text[a - sentence.start : b - sentence.start],
                                   value=y, shown=y, extra={"loose": True, "why_loose": (
                                       f"the year dates {dated!r}, a phrase the cue only relates to")}))
            else:
                out.append(Reading(start=a, end=b, text=sentence.text[a - sentence.start : b - sentence.start],
                                   value=y, shown=y))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        return bool(reading.value == value)

    def render(self, value: Any) -> str:
        return str(value)
