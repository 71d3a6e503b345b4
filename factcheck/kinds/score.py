"""Scores: the result of a contest of two sides. "drew 3-3", "a 3–3 draw", "3:3", "won 4-2 on
penalties", "(4-2 pens)", "after extra time", "beat the visitors 2-1", "lost 1-2 to", "two-nil",
"three-all".

A pair of numbers is a score only near a word of a contest (factcheck/data/en/scores.yaml) or near
one of the fact's `cues`; percentages, dates ("3-3-2022"), clock times ("3:30") and ranges
("60-70 people", "aged 18-25") are not read. A reading is sure (it may contradict) only when a
result word stands beside it ("drew", "beat ... 2-1", "a 2-1 win"), it is marked as a shoot-out,
or the two sides frame it ("Northport 2-1 Eastfield"); an interim score ("led 2-0", "2-2 at
half-time") is not read at all.

The value is the final score, `3-3`, or the sets in a row, each perhaps with its tie-break
(`2-6 6-7(5) 6-4 6-4 7-5`: a wrong tie-break, "6-7 (4-7)", contradicts); the fact may add the
shoot-out (`penalties: 4-2`), whether extra time was played (`extra_time: true`) and the sides in
the order of the numbers (`sides: ['Northport', 'Eastfield|the visitors']`). A shoot-out score is compared with
`penalties` only, and a match score with the value only. The same pair in the other order never
contradicts: with `sides`, a sentence that says who won ("Eastfield lost 2-4 on penalties to
Northport") is put in the sides' order first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact, TimedRegex
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang, pack
from factcheck.segment import Sentence

Pair = tuple[int, int]

_VALUE = regex.compile(r"^\s*([0-9]{1,3})\s*[-–—:]\s*([0-9]{1,3})\s*$")
# one pair, or a score set by set: pairs separated by commas or spaces ("1-6 7-6 6-1 3-6 6-4")
# (each set perhaps with its tie-break in brackets: "2-6 6-7(5) 6-4", "6-7 (5-7)")
_TB = r"(?:\s*\(\s*[0-9]{1,2}(?:\s*[-–—:]\s*[0-9]{1,2})?\s*\))?"
VALUE_PATTERN = (r"^\s*[0-9]{1,3}\s*[-–—:]\s*[0-9]{1,3}" + _TB
                 + r"(?:\s*[,\s]\s*[0-9]{1,2}\s*[-–—:]\s*[0-9]{1,2}" + _TB + r")*\s*$")
_SET_PAIR = r"\d{1,2}\s*[-–—]\s*\d{1,2}(?:\s*\(\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\s*\))?"
# the same with colons, as German and French copies write sets ("5:7, 7:6 (7:4), 6:3"): a set of one
# digit after the colon (a clock's minutes have two), or of two with its tie-break beside it
# ("13:12 (7:3)"), which no clock has
_COLON_TB = r"\s*\(\s*\d{1,2}(?:\s*:\s*\d{1,2})?\s*\)"
_SET_PAIR_COLON = rf"\d{{1,2}}\s*:\s*(?:\d(?!\d)(?:{_COLON_TB})?|\d{{2}}{_COLON_TB})"
# in a text: two to five set scores in a row, each perhaps with its tie-break in brackets
_SET_RUN = regex.compile(rf"(?<![\d.,:/-])(?:(?:{_SET_PAIR}(?:\s*,\s*|\s+)){{1,4}}{_SET_PAIR}"
                         rf"|(?:{_SET_PAIR_COLON}(?:\s*,\s*|\s+)){{1,4}}{_SET_PAIR_COLON})(?![\d%]|[.,:]\d)")
_TIEBREAK = regex.compile(r"\s*\(\s*\d{1,2}(?:\s*[-–—:]\s*\d{1,2})?\s*\)")
_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")


@dataclass(frozen=True)
class Score:
    """A curated score: the two numbers in the order of `sides` (or as written), and the optional
    shoot-out, extra time and sides (their patterns as written)."""

    first: int
    second: int
    penalties: Pair | None = None
    extra_time: bool | None = None
    sides: tuple[str, str] | None = None
    # a score set by set ("1-6 7-6 6-1 3-6 6-4"): each set's pair; first/second are then the sets won
    sets: tuple[Pair, ...] | None = None
    # per set, the tie-break's loser's points when the value gives them ("6-7(5)", "6-7 (5-7)"), else None
    tiebreaks: tuple[int | None, ...] | None = None

    @property
    def pair(self) -> Pair:
        return (self.first, self.second)


@dataclass(frozen=True)
class ScoreRead:
    """A score read in a sentence. `part` is "penalties" when marked as a shoot-out, else "match";
    `oriented` is the pair in the order of the fact's sides, when the sentence says who won."""

    first: int
    second: int
    part: str
    certain: bool
    extra_time: bool
    oriented: Pair | None = None
    sets: tuple[Pair, ...] | None = None  # a score set by set ("1-6, 7-6 (8-6), 6-1, 3-6, 6-4")
    tiebreaks: tuple[int | None, ...] | None = None  # as `Score.tiebreaks`

    @property
    def pair(self) -> Pair:
        return (self.first, self.second)


def parse_pair(text: str) -> Pair | None:
    m = _VALUE.match(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def parse_sets(text: str) -> tuple[Pair, ...] | None:
    """"1-6 7-6 6-1 3-6 6-4", "1-6, 7-6 (8-6), 6-1": each set's pair (tie-breaks left out); None
    for fewer than two pairs."""
    pairs = [(int(a), int(b)) for a, b in regex.findall(r"(\d{1,2})\s*[-–—:]\s*(\d{1,2})", _TIEBREAK.sub("", text))]
    return tuple(pairs) if len(pairs) >= 2 else None


_SET_WITH_TB = regex.compile(r"(\d{1,2})\s*[-–—:]\s*(\d{1,2})"
                            r"(?P<tb>\s*\(\s*(?P<x>\d{1,2})(?:\s*[-–—:]\s*(?P<y>\d{1,2}))?\s*\))?")


def parse_tiebreaks(text: str) -> tuple[int | None, ...]:
    """Per set of `parse_sets(text)`, the tie-break's loser's points ("7-6 (8-6)": 6; "6-7(5)": 5), or
    None for a set written without one. The loser's points tell the whole tie-break (the winner has
    7, or two more past 5-5)."""
    out: list[int | None] = []
    for m in _SET_WITH_TB.finditer(text):
        if m.group("tb") is None:
            out.append(None)
        elif m.group("y") is None:
            out.append(int(m.group("x")))
        else:
            out.append(min(int(m.group("x")), int(m.group("y"))))
    return tuple(out)


def sets_won(sets: tuple[Pair, ...]) -> Pair:
    return (sum(a > b for a, b in sets), sum(b > a for a, b in sets))


def _words(key: str) -> list[str]:
    return [str(w) for w in pack("scores")[key]]


def _phrase(key: str) -> str:
    return alternation(_words(key))


@cache
def _res() -> dict[str, regex.Pattern[str]]:
    """The pack's word lists, compiled once."""
    units = {w: int(v) for w, v in lang().number_words.items() if v <= 20 and w not in ("a", "an")}
    nums = alternation(units)
    teens = alternation([w for w, v in units.items() if v < 20])
    zero = _phrase("zero_words")
    alls = _phrase("all_words")
    months = alternation([*lang().months, *lang().weekdays])
    word = r"[\p{L}'’-]+"
    join = _phrase("penalty_joiners")
    counted = _phrase("counted_joined")
    n = int(pack("scores")["before_words"])
    ic = regex.IGNORECASE
    return {
        # digits: "3-3", "3–3", "3 - 3", "3:3"; not inside a longer run of numbers ("3-3-2022", "1,500-2,000")
        "pair": regex.compile(r"(?<![\p{L}\d.,:/–—-])(?P<a>[0-9]{1,3})(?P<sep>\s?[-–—]\s?|:)(?P<b>[0-9]{1,3})"
                              r"(?![0-9]|[.,:][0-9]|\s?[-–—/]\s?[0-9]|\s?%)"),
        # a cricket total or bowling figures: "241/4", "241 for 4", "3 for 55" (scores.yaml `loose_joiners`),
        # "241 for eight" (a number word after "for": the wickets)
        "loose_pair": regex.compile(rf"(?<![\p{{L}}\d.,:/–—-])(?P<a>[0-9]{{1,3}})(?P<sep>{_phrase('loose_joiners')})"
                                    rf"(?:(?P<b>[0-9]{{1,3}})(?![0-9]|[.,:/][0-9]|\s?%)"
                                    rf"|(?<=for\s)(?P<wb>{teens})(?![\p{{L}}-]))", ic),
        # in words, joined as a loose pair is: "four to two", "seven points to three" (loose, like "4 to 2")
        "loose_words": regex.compile(rf"(?<![\p{{L}}-])(?P<wa>{nums})\s+(?:(?:{counted})\s+)?to\s+"
                                     rf"(?P<wb>{nums}|{zero})(?![\p{{L}}-])", ic),
        # "by 7 points to 3", "52 votes to 48": what the score counts between its numbers (loose)
        "counted_pair": regex.compile(rf"(?<![\p{{L}}\d.,:/–—-])(?P<a>[0-9]{{1,3}})\s+(?:{counted})\s+to\s+"
                                      r"(?P<b>[0-9]{1,3})(?![0-9]|[.,:/][0-9]|\s?%)", ic),
        # two number words joined by a hyphen: "three-one", "beat them four-two" (loose: "a one-two
        # finish" reads the same; not a compound number, "twenty-one")
        "hyphen_words": regex.compile(rf"(?<![\p{{L}}-])(?P<wa>{teens})-(?P<wb>{teens})(?![\p{{L}}-])", ic),
        # words: "two-nil", "three-all", "three apiece"
        "words": regex.compile(rf"(?<![\p{{L}}-])(?P<wa>{nums})[\s-](?P<wb>{zero}|{alls})(?![\p{{L}}-])", ic),
        "contest": regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('contest')})(?![\p{{L}}])", ic),
        "percent": regex.compile(rf"\A\s*(?:{alternation(pack('numbers')['percent_signs'])})", ic),
        "range_before": regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('range_before')})\s*$", ic),
        "result_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_phrase('result_before')})(?:\s+{word}){{0,{n}}},?\s*$", ic),
        "result_after": regex.compile(rf"\A\s*(?:{word}\s+)?(?:{_phrase('result_after')})(?![\p{{L}}])", ic),
        "interim_before": regex.compile(
            rf"(?<![\p{{L}}])(?:{_phrase('interim_before')})[:,–—-]?(?:\s+{word}){{0,2}}\s*$", ic),
        "interim_after": regex.compile(rf"\A\s*\(?\s*(?:{_phrase('interim_after')})(?![\p{{L}}])", ic),
        "running_before": regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('running_before')})\s*$", ic),
        "pens_after": regex.compile(rf"\A\s*\(?\s*(?:(?:{join})\s+)?(?:{_phrase('penalty_words')})(?![\p{{L}}])",
                                    ic),
        "pens_before": regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('penalty_words')})(?:\s+{word})?\s*[(:,]?\s*$",
                                     ic),
        "extra_after": regex.compile(rf"\A\s*\(?\s*(?:{_phrase('extra_time')})(?![\p{{L}}])", ic),
        "after_ok": regex.compile(rf"\A\s*(?:$|[.,;:!?)\]\"”’'—–(]|(?:{_phrase('after_words')})(?![\p{{L}}]))", ic),
        "capital_after": regex.compile(rf"\A\s*(?!(?:{months})(?![\p{{L}}]))\p{{Lu}}"),
        "cut": regex.compile(r"[;:()\[\]—–]"),
        "win": regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('win_verbs')})(?![\p{{L}}])", ic),
        "lose": regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('lose_verbs')})(?![\p{{L}}])", ic),
    }


@cache
def _number_word(w: str) -> int:
    w = w.lower()
    if w in {x.lower() for x in _words("zero_words")}:
        return 0
    return int(lang().number_words[w])


def _is_all(w: str) -> bool:
    return w.lower() in {x.lower() for x in _words("all_words")}


def find_loose_pairs(text: str) -> list[tuple[int, int, Pair]]:
    """(start, end, pair) of each pair joined as a cricket score is ("241/4", "241 for 4", "3 for 55"):
    a date ("19/11") or an offer ("2 for 1") is written the same way, so such a pair is read only
    loosely (it may agree, never accuse)."""
    out = [(m.start(), m.end(), (int(m.group("a")), int(m.group("b")) if m.group("b") else _number_word(m.group("wb"))))
           for key in ("loose_pair", "counted_pair") for m in _res()[key].finditer(text)]
    for m in (*_res()["loose_words"].finditer(text), *_res()["hyphen_words"].finditer(text)):
        wb = m.group("wb")
        out.append((m.start(), m.end(), (_number_word(m.group("wa")), _number_word(wb))))
    return sorted(out)


def find_pairs(text: str) -> list[tuple[int, int, Pair]]:
    """(start, end, pair) of each pair of numbers in `text` that looks like a score by its form
    alone (no contest word is looked for here)."""
    r = _res()
    out = []
    for m in r["pair"].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group("sep") == ":" and len(m.group("b")) == 2 and a <= 24:
            continue  # a clock time ("3:30")
        out.append((m.start(), m.end(), (a, b)))
    for m in r["words"].finditer(text):
        a = _number_word(m.group("wa"))
        wb = m.group("wb")
        out.append((m.start(), m.end(), (a, a if _is_all(wb) else _number_word(wb))))
    return sorted(out)


def _moment_is_cued(fact: Fact, phrases: list[str]) -> bool:
    """Is an interim score's moment ("at halftime", "HALF-TIME:", "at the break") one of the fact's
    cues? Then the score is the fact's own (a half-time score), not an interim one of the result."""
    return any(p.search(ph) for p in fact.cues for ph in phrases)


class ScoreKind:
    name: ClassVar[str] = "score"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "penalties": Key("str", doc="the penalty shoot-out's score, in the same order as the value ('4-2')"),
        "extra_time": Key("bool", doc="whether the score was reached after extra time (true or false)"),
        "sides": Key("list[regex]", doc="the two sides, in the order of the value's numbers "
                                        "(['Northport', 'Eastfield|the visitors'])"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string", "pattern": VALUE_PATTERN,
        "description": "the final score of two sides: '3-3', '2-1' (the first side's number first); set by set: "
                       "'2-6 6-7(5) 6-4 6-4 7-5' (a tie-break as the loser's points, or both: '6-7 (5-7)')"}

    # -- the fact ------------------------------------------------------------------------------
    def parse_value(self, raw: Any, options: dict[str, Any]) -> Score:
        sides = options.get("sides_text")
        pair = parse_pair(str(raw))
        if pair is None and regex.fullmatch(VALUE_PATTERN, str(raw)):
            sets = parse_sets(str(raw))
            if sets is not None:
                won = sets_won(sets)
                tbs = parse_tiebreaks(str(raw))
                return Score(won[0], won[1], options.get("penalties"), options.get("extra_time"), sides, sets,
                             tbs if any(t is not None for t in tbs) and len(tbs) == len(sets) else None)
        if pair is None:
            if regex.fullmatch(r"\s*\d+\s*[-–—:]\s*\d+\s*", str(raw)):
                raise FactValueError(f"cannot read {raw!r} as a score: a score's numbers have at most three digits",
                                     "bookmakers' odds ('5000-1') or a ratio is no score: write it as a `quantity` "
                                     r"(`value: 5000`, `unit: '-1|to\s+1'`: '5,000-1', '5,000 to 1') "
                                     "or an `outcome` of its wordings")
            raise FactValueError(f"cannot read {raw!r} as a score",
                                 "write the two numbers with a hyphen: `value: '3-3'`; a score set by set as "
                                 "its sets in a row: `value: '1-6 7-6 6-1 3-6 6-4'`")
        return Score(pair[0], pair[1], options.get("penalties"), options.get("extra_time"), sides)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"penalties": None, "extra_time": None, "sides": None, "sides_text": None}
        if "penalties" in options:
            raw = options["penalties"]
            pair = parse_pair(str(raw))
            if pair is None:
                raise FactValueError(f"`penalties` must be a score such as '4-2', not {str(raw)!r}",
                                     "write the shoot-out's score in the value's order: `penalties: '4-2'`")
            if pair[0] == pair[1]:
                raise FactValueError(f"`penalties` {str(raw)!r} is a draw, and a shoot-out has a winner",
                                     "write the shoot-out's final score: `penalties: '4-2'`")
            out["penalties"] = pair
        if "extra_time" in options:
            raw = str(options["extra_time"]).strip().lower()
            if raw not in _TRUE + _FALSE:
                raise FactValueError(f"`extra_time` must be true or false, not {str(options['extra_time'])!r}",
                                     "write `extra_time: true` or `extra_time: false`")
            out["extra_time"] = raw in _TRUE
        if "sides" in options:
            raw_sides = options["sides"]
            items = [raw_sides] if isinstance(raw_sides, str) else list(raw_sides or [])
            if len(items) != 2 or not all(isinstance(s, str) and s.strip() for s in items):
                shown = ", ".join(repr(s) for s in items) or "none"
                raise FactValueError(f"`sides` must name exactly two sides, in the order of the value's numbers; "
                                     f"it has {len(items)}: {shown}",
                                     "write `sides: ['first side', 'second side']`")
            try:
                compiled = tuple(TimedRegex(regex.compile(rf"(?<![\p{{L}}\d])(?:{s})(?![\p{{L}}\d])", regex.IGNORECASE))
                                 for s in items)  # matched with the per-match timeout, like every user pattern
            except regex.error as e:
                raise FactValueError(f"`sides` pattern does not compile: {e}", "check brackets and escapes") from None
            out["sides"] = compiled
            out["sides_text"] = (str(items[0]), str(items[1]))
        return out

    # -- reading -------------------------------------------------------------------------------
    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        if isinstance(fact.value, Score) and fact.value.sets is not None:
            return self._set_runs(sentence, fact)
        text = sentence.text
        r = _res()
        near = int(pack("scores")["near_chars"])
        sides: tuple[regex.Pattern[str], regex.Pattern[str]] | None = fact.options.get("sides")
        side_spans = _side_spans(text, sides)
        loose = {(a, b) for a, b, _ in find_loose_pairs(text)}
        # "rejected the deal by 432 votes to 202": a pair joined by what it counts, right after a
        # result word, is the result ("from 7 points to 3", a change, is skipped as a range below)
        counted = {(m.start(), m.end()) for m in r["counted_pair"].finditer(text)}
        pairs = sorted(find_pairs(text) + [p for p in find_loose_pairs(text)])
        # "beat Federer 7-6(5) 1-6 7-6(4) 4-6 13-12(3)": a score set by set, whose sets are each one
        # part of a match's score, not surely a score of its own (a reading the kind marks unsure)
        runs = [(m.start(), m.end()) for m in _SET_RUN.finditer(text)]
        out: list[Reading] = []
        prev_end = 0
        # the last framed pair: (end of the side after it, whether the sides were written swapped)
        prev_framed: tuple[int, bool] | None = None
        for a, b, pair in pairs:
            before_all = text[:a]
            after = text[b:]
            cut = max([prev_end, *(m.end() for m in r["cut"].finditer(text, prev_end, a))])
            before = text[cut:a]
            prev_end = b
            if r["percent"].match(after) or r["range_before"].search(before_all):
                continue
            framed = _framed(text, side_spans, a, b, pair)
            if not (r["after_ok"].match(after) or r["result_after"].match(after) or r["pens_after"].match(after)
                    or r["extra_after"].match(after) or framed is not None or r["capital_after"].match(after)):
                continue  # "60-70 people", "2-3 weeks"
            lo, hi = max(0, a - near), min(len(text), b + near)
            cue_near = any(m.start() < hi and m.end() > lo for p in fact.cues for m in p.finditer(text))
            if not (r["contest"].search(text, lo, hi) or cue_near):
                continue
            if r["running_before"].search(before):
                continue  # "with the shoot-out at 3-3": the contest's running score, whatever its cue
            result_after = bool(r["result_after"].match(after))
            im_after = r["interim_after"].match(after)
            im_before = None if result_after else r["interim_before"].search(before)
            if im_before is None and not result_after and cut > 0 and text[cut - 1] == ":":
                # "Half-time: Argentina 2-0 France": the moment as the label of the line
                im_before = r["interim_before"].search(text, max(0, cut - 40), cut)
            own_moment = False
            if im_after or im_before:
                # "led 12-6 at halftime": an interim score is no result, unless its moment is the
                # fact's own (a half-time score fact whose cue is "half-time")
                own_moment = _moment_is_cued(fact, [m.group(0) for m in (im_after, im_before) if m])
                if not own_moment:
                    continue  # "led 2-0", "2-2 at half-time": not the result
            pens = bool(r["pens_after"].match(after) or r["pens_before"].search(before))
            extra = bool(r["extra_after"].match(after))
            in_run = any(x <= a and b <= y for x, y in runs)
            other_side = sides is not None and not side_spans and (_other_winner(before_all)
                                                                     or _other_side_after(after))
            counted_result = (a, b) in counted and bool(r["result_before"].search(before))
            certain = bool(result_after or pens or framed is not None or r["result_before"].search(before)
                           or own_moment) and ((a, b) not in loose or counted_result) and not in_run \
                and not other_side
            oriented: Pair | None = None
            if framed is not None:
                oriented = framed[1]
                prev_framed = (framed[0], framed[2])
            elif prev_framed is not None and regex.fullmatch(r"\s*\(\s*", text[prev_framed[0]:a]):
                # "Northport 3-3 Eastfield (4-2 pens)": in the same order as the framed pair
                oriented = (pair[1], pair[0]) if prev_framed[1] else pair
            elif pair[0] == pair[1]:
                oriented = pair if sides else None
            elif sides:
                oriented = _by_winner(before_all, pair, side_spans, a)
            read = ScoreRead(pair[0], pair[1], "penalties" if pens else "match", certain, extra, oriented)
            shown = f"{pair[0]}-{pair[1]}"
            detail = f"read as {shown}" + (" on penalties" if pens else "") + (" after extra time" if extra else "")
            if (a, b) in loose and not counted_result:
                detail += " (joined as a cricket score is, as a date or an offer may be: unsure)"
            elif in_run:
                detail += " (one set of a score set by set: unsure)"
            elif other_side:
                detail += " (a side that is neither of the fact's won or lost: perhaps another match, unsure)"
            elif not certain:
                detail += " (no result word beside it: unsure)"
            out.append(Reading(start=sentence.start + a, end=sentence.start + b, text=text[a:b], value=read,
                               shown={"score": shown, "part": read.part, "extra_time": extra},
                               detail=detail))
        out += self._listed(sentence, side_spans, {(x.start, x.end) for x in out}, fact)
        return out

    @staticmethod
    def _set_runs(sentence: Sentence, fact: Fact) -> list[Reading]:
        """A score set by set ("beat Djokovic 1-6, 7-6 (8-6), 6-1, 3-6, 6-4"): two to five set scores
        in a row, near a word of a contest or one of the fact's cues. Sure when it has as many sets
        as the fact's (a shorter run may be the score after some sets)."""
        text = sentence.text
        r = _res()
        near = int(pack("scores")["near_chars"])
        v: Score = fact.value
        assert v.sets is not None
        sides: tuple[regex.Pattern[str], regex.Pattern[str]] | None = fact.options.get("sides")
        side_spans = _side_spans(text, sides)
        out = []
        for m in _SET_RUN.finditer(text):
            if r["percent"].match(text[m.end():]):
                continue
            sets = parse_sets(m.group(0))
            if sets is None:
                continue
            # near a word of a contest, a cue or a side; three sets or more, or a tie-break in
            # brackets, are a score's own shape, read with such a word anywhere in the sentence
            # ("She lost to Ajla Tomljanovic of Australia, then ranked 46th in the world, 7-5, 6-7 (4), 6-1")
            shaped = len(sets) >= 3 or _TIEBREAK.search(m.group(0)) is not None
            lo, hi = (0, len(text)) if shaped else (max(0, m.start() - near), min(len(text), m.end() + near))
            if not (r["contest"].search(text, lo, hi)
                    or any(c.start() < hi and c.end() > lo for p in fact.cues for c in p.finditer(text))
                    or any(a < hi and b > lo for a, b, _ in side_spans)):
                continue
            won = sets_won(sets)
            tbs = parse_tiebreaks(m.group(0))
            # "Williams lost to Tomljanovic 5-7, 7-6 (4), 1-6": the sets from the loser's side, put
            # in the order of the fact's sides when the sentence says who won
            flipped = False
            if side_spans and won[0] != won[1]:
                oriented = _by_winner(text[:m.start()], won, side_spans, m.start(), reach=_SET_REACH)
                flipped = oriented is not None and oriented != won
            if flipped:
                sets = tuple((b, a) for a, b in sets)
                won = (won[1], won[0])
            read = ScoreRead(won[0], won[1], "match", len(sets) == len(v.sets), False, None, sets,
                             tbs if len(tbs) == len(sets) else None)
            shown = ", ".join(f"{a}-{b}" for a, b in sets)
            detail = f"read as {len(sets)} sets: {shown}"
            if flipped:
                detail += " (written from the other side; the sentence says who won)"
            if not read.certain:
                detail += " (not as many sets as the fact: perhaps the score so far)"
            out.append(Reading(start=sentence.start + m.start(), end=sentence.start + m.end(), text=m.group(0),
                               value=read, shown={"score": shown, "part": "sets", "extra_time": False},
                               detail=detail))
        return out

    @staticmethod
    def _listed(sentence: Sentence, spans: list[tuple[int, int, int]], taken: set[tuple[int, int]],
                fact: Fact) -> list[Reading]:
        """"Final: Kansas City 25, San Francisco 22", "Northport 2, Eastfield 1 (a.e.t.)": the fact's
        two sides, each with its number, as box scores write a result. Sure only after a word of a
        result ("Final:", "won", "beat"); an interim line ("Chiefs 10, 49ers 3 at half-time") is not read."""
        text = sentence.text
        r = _res()
        out = []
        for a1, e1, s1 in spans:
            m1 = _SIDE_NUMBER.match(text, e1)
            if not m1 or not m1.group("sep"):
                continue
            other = next((sp for sp in spans if sp[0] == m1.end() and sp[2] != s1), None)
            m2 = _SIDE_NUMBER.match(text, other[1]) if other else None
            if other is None or m2 is None:
                continue
            a, b = sentence.start + a1, sentence.start + m2.end("n")
            if (a, b) in taken:
                continue
            before, after = text[max(0, a1 - 60):a1], text[m2.end("n"):]
            im = [m.group(0) for m in (r["interim_after"].match(after), r["interim_before"].search(before)) if m]
            own_moment = bool(im) and _moment_is_cued(fact, im)
            if im and not own_moment:
                continue
            n1, n2 = int(m1.group("n")), int(m2.group("n"))
            pair = (n1, n2)
            certain = bool(_result_head_re().search(before) or r["result_before"].search(before) or own_moment)
            read = ScoreRead(n1, n2, "match", certain, bool(r["extra_after"].match(after)),
                             pair if s1 == 0 else (n2, n1))
            shown = f"{n1}-{n2}"
            out.append(Reading(start=a, end=b, text=text[a1:m2.end("n")], value=read,
                               shown={"score": shown, "part": read.part, "extra_time": read.extra_time},
                               detail=f"read as {shown}, each side with its number"
                                      + ("" if certain else " (no result word before it: unsure)")))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        r: ScoreRead = reading.value
        v: Score = value
        if v.sets is not None or r.sets is not None:
            if v.sets is None or r.sets is None:
                return None  # a set-by-set score against a single pair: not the same measure
            if r.sets == v.sets:
                if v.tiebreaks and r.tiebreaks and any(
                        a is not None and b is not None and a != b for a, b in zip(r.tiebreaks, v.tiebreaks)):
                    # "6-7 (4-7)" for a second set lost 5-7 in the tie-break
                    return False if r.certain else None
                return True
            if tuple((b, a) for a, b in r.sets) == v.sets:
                return None  # written from the other side: who won is not read surely
            if len(r.sets) < len(v.sets) and r.sets == v.sets[: len(r.sets)]:
                return None  # the score after some sets
            return False if r.certain else None
        if r.part == "penalties":
            if v.penalties is None:
                return None  # the fact says nothing of a shoot-out
            target = v.penalties
        else:
            target = v.pair
            if v.penalties is not None and _same(r.pair, v.penalties) and not _same(r.pair, target):
                return None  # the shoot-out's score with no marker: which one is it?
        got = r.oriented if (r.oriented is not None and v.sides is not None) else r.pair
        if got == target:
            if r.extra_time and v.extra_time is False:
                return None  # "after extra time" where the fact says there was none
            return True
        if _same(got, target):
            return None  # the same pair in the other order: who won is not read surely
        return False if r.certain else None

    def render(self, value: Any) -> str:
        v: Score = value
        shown = f"{v.first}-{v.second}"
        if v.sets is not None:
            tbs = v.tiebreaks or (None,) * len(v.sets)
            shown = ", ".join(f"{a}-{b}" + (f"({t})" if t is not None else "") for (a, b), t in zip(v.sets, tbs))
            shown += f" ({v.first}-{v.second} in sets)"
        names = [_plain_name(s) for s in v.sides] if v.sides else []
        if len(names) == 2 and all(names):
            shown = f"{names[0]} {shown} {names[1]}"
        if v.extra_time:
            shown += " after extra time"
        if v.penalties is not None:
            shown += f", {v.penalties[0]}-{v.penalties[1]} on penalties"
        return shown


# after a side's name: its number, then (for the first side) a comma before the other side
_SIDE_NUMBER = regex.compile(r"\s+(?P<n>\d{1,3})(?![\d.,:]\d)(?P<sep>\s*[,;]\s*)?")
@cache
def _result_head_re() -> regex.Pattern[str]:
    """"Final: ", "Final score: ", "FT: " heading a box-score line (scores.yaml `result_heads`)."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('result_heads')})\s*[:—–-]\s*$", regex.IGNORECASE)


def _same(x: Pair, y: Pair) -> bool:
    return sorted(x) == sorted(y)


def _plain_name(pattern: str) -> str:
    """The first alternative of a side's pattern, when it is plain words ("Northport|the hosts")."""
    first = pattern.split("|", 1)[0].strip()
    return first if first and not regex.search(r"[\\()\[\]{}?*+^$.]", first) else ""


def _side_spans(text: str, sides: tuple[regex.Pattern[str], regex.Pattern[str]] | None) -> list[tuple[int, int, int]]:
    """(start, end, side index) of each mention of a side in `text`."""
    if not sides:
        return []
    out = [(m.start(), m.end(), i) for i, p in enumerate(sides) for m in p.finditer(text)]
    return sorted(out)


def _framed(text: str, spans: list[tuple[int, int, int]], a: int, b: int,
            pair: Pair) -> tuple[int, Pair, bool] | None:
    """"Northport 2-1 Eastfield": a side ends right before the pair and the other starts right after.
    Returns (end of the side after, the pair in the sides' order, whether the sides are swapped)."""
    if not spans:
        return None
    left = [s for s in spans if s[1] <= a and not text[s[1]:a].strip()]
    right = [s for s in spans if s[0] >= b and not text[b : s[0]].strip()]
    if not left or not right or left[-1][2] == right[0][2]:
        return None
    swapped = left[-1][2] == 1
    return right[0][1], ((pair[1], pair[0]) if swapped else pair), swapped


# words before a verb of winning or losing that name no side of their own ("He beat ...")
_NOT_A_SIDE = frozenset({"he", "she", "they", "it", "we", "i", "you", "the", "this", "that", "who", "which",
                         "and", "but", "then", "when", "while", "as", "so"})


def _other_winner(before: str) -> bool:
    """Does a capitalised name that is not a pronoun win or lose right before the score ("... in
    December 2022, when Argentina beat his side after a 3-3 draw")? Asked where neither of the
    fact's sides is named in the sentence: the score is then most likely another match's."""
    r = _res()
    for m in (*r["win"].finditer(before), *r["lose"].finditer(before), *_comeback_re().finditer(before)):
        # (past a relative pronoun: "Deportivo, who overturned a 4-1 first-leg defeat")
        word = _NAME_BEFORE_WHO.search(before, 0, m.start()) or _WORD_BEFORE.search(before, 0, m.start())
        if word is not None and word.group(1)[0].isupper() and word.group(1).lower() not in _NOT_A_SIDE:
            return True
    return False


def _other_side_after(after: str) -> bool:
    """Does a capitalised name win or lose right after the score, as a defeat's or a win's agent ("a
    4-1 first-leg defeat by AC Milan", "a 7-1 loss to Germany")? Asked where neither of the fact's
    sides is named in the sentence: another match's score."""
    m = _AGENT_AFTER.match(after)
    return m is not None and m.group(1).lower() not in _NOT_A_SIDE


@cache
def _comeback_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{_phrase('comeback_verbs')})(?![\p{{L}}])", regex.IGNORECASE)


_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}'’.-]*)\s+\Z")
_NAME_BEFORE_WHO = regex.compile(r"(\p{Lu}[\p{L}'’.-]*),\s+(?:who|which|that)\s+\Z")
# "... defeat by AC Milan", "... loss to Germany", "... win over France" (up to two words between)
_AGENT_AFTER = regex.compile(r"\A(?:[\s-]+[\p{Ll}][\p{L}-]*){0,2}\s+(?:defeat|loss|win|victory|thrashing|drubbing)"
                             r"\s+(?:by|to|over|against)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*)")


# how far after a verb of winning a score set by set may stand ("lost ... in the third round of the
# US Open against the Australian Ajla Tomljanovic with 5:7, 7:6 (7:4), 1:6")
_SET_REACH = 160


def _by_winner(before: str, pair: Pair, spans: list[tuple[int, int, int]], a: int,
               reach: int = 60) -> Pair | None:
    """The pair in the sides' order when the sentence says which side won or lost: the side named
    before the last verb of winning or losing ahead of the pair ("Northport beat ...", "Eastfield
    lost ..."), else the side between such a verb and the pair ("beat Eastfield 2-1")."""
    r = _res()
    verbs = [(m.start(), m.end(), True) for m in r["win"].finditer(before)]
    verbs += [(m.start(), m.end(), False) for m in r["lose"].finditer(before)]
    if not verbs:
        return None
    vs, ve, won = max(verbs)
    if a - ve > reach:
        return None
    subject = [s for s in spans if s[1] <= vs and vs - s[1] <= 80]
    if subject:
        side, subject_won = subject[-1][2], won
    else:
        obj = [s for s in spans if ve <= s[0] and s[1] <= a]
        if not obj:
            return None
        side, subject_won = obj[0][2], not won  # "beat Eastfield": the side named is the loser
    hi, lo = max(pair), min(pair)
    mine, theirs = (hi, lo) if subject_won else (lo, hi)
    return (mine, theirs) if side == 0 else (theirs, mine)


__all__ = ["Score", "ScoreKind", "ScoreRead", "find_loose_pairs", "find_pairs", "parse_pair"]
