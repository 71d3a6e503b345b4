"""Ordinals: "third attempt", "the 33rd miner", "at the third time of asking". An ordinal counts
only when the fact's `counted` noun follows it closely (as for `count`). A superlative after a
determiner or a possessive ("the busiest port", "Microsoft's biggest acquisition", "the country's
No. 1 harbour") reads as 1, loosely: it may agree with a first, never accuse (its scope may be
narrower than the fact's); limited ("the deadliest since 1995") it is not read."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.count import _counted_end, _counted_follows
from factcheck.lang import alternation, lang, pack
from factcheck.segment import Sentence

# after an ordinal (and its superlative: "fourth-biggest"), "of" and the group it ranks in: "of the",
# "of Wall Street's", "of all the"
_PARTITIVE_OF = regex.compile(r"(?:-\p{L}+)?\s+of\s+(?:all\s+)?(?:the\s+|its\s+|their\s+|"
                              r"(?:\p{Lu}[\p{L}.&-]*\s+){0,2}\p{Lu}[\p{L}.&-]*['’]s?\s+)?")


@cache
def _ordinals() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in pack("numbers")["ordinals"].items()}


@cache
def _ordinal_re() -> regex.Pattern[str]:
    tens = alternation([w for w, v in lang().number_words.items() if 20 <= v < 100 and v % 10 == 0])
    suffixes = alternation(pack("numbers")["ordinal_suffixes"])
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?P<d>[0-9]{{1,6}})(?:{suffixes})|(?:(?P<t>{tens})[\s-])?(?P<w>{alternation(_ordinals())})"
        # a rank as a number: "the No. 2 bank failure", "Nr. 3" (No. 1 is read as a superlative, loosely)
        rf"|(?-i:No\.?|Nr\.|NO\.)\s?(?P<no>[2-9]|[1-9][0-9]{{1,2}})(?![.,]\d)"
        # "the 110. edition", "its 75. anniversary": an ordinal as German and other languages
        # write it, a number and a full stop, after a determiner and before a word
        rf"|(?<=(?<![\p{{L}}])(?:the|its|his|her|their|our)\s)(?P<dot>[1-9][0-9]{{0,3}})\.(?=[ \t]+\p{{L}}))"
        rf"(?![\p{{L}}\d])", regex.IGNORECASE)


_BIG_BEFORE = regex.compile(r"(?<![\p{L}])(?:thousand|million)(?:[\s-]+and)?[\s-]+$", regex.IGNORECASE)
# "the hundred-and-tenth edition", "the two hundred and first": hundreds before the ordinal's words
_HUNDREDS_BEFORE = regex.compile(r"(?<![\p{L}])(?:(?P<h>\p{L}+)[\s-]+)?hundred(?:[\s-]+and)?[\s-]+$", regex.IGNORECASE)


@cache
def _adverb_after_re() -> regex.Pattern[str]:
    """A verb in the past right after an ordinal word ("first became", "first appeared")."""
    verbs = alternation(lang().data["ordinal_adverb_verbs"])
    return regex.compile(rf"\s+(?:\p{{Ll}}+ed|{verbs})(?![\p{{L}}-])")


# what may stand before an ordinal that ranks a noun: a determiner, a possessive, a number ("the
# first", "his third", "Spain's second", "a record fourth"), or the start of the text
_RANKING_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:the|a|an|his|her|its|their|our|my|your|this|that|record|all-time)"
                                r"|['’]s?|\d)\s*$", regex.IGNORECASE)


def _adverbial(text: str, a: int, b: int) -> bool:
    """Is the ordinal word at text[a:b] an adverb ("Kasparov first became world champion"): no
    determiner before it, a verb in the past after it?"""
    return (_adverb_after_re().match(text, b) is not None and a > 0
            and _RANKING_BEFORE.search(text, max(0, a - 20), a) is None)


# after the counted noun, its number: "move 8", "pier 9", "lap 12", "Stage 7" (not "move 8.5", "move
# 8-10", "pier 9 metres", "round 3%": a figure of something else)
_NUMBER_AFTER = regex.compile(r"[ \u00a0](?:(?i:No\.?|number)\s?)?(?P<n>[1-9][0-9]{0,2})(?![\d.,:/–-]\d|[%\p{L}\d])"
                              r"(?!\s*(?i:%|per\b|percent|metres?|meters?|m\b|km|kilomet\w*|feet|foot|ft\b|miles?|"
                              r"inch\w*|kg|kilo\w*|tons?|tonnes?|pounds?|lbs?|years?|months?|weeks?|days?|hours?|"
                              r"minutes?|mins?|seconds?|secs?|points?|times)(?!\p{L}))")


@cache
def _rank_words_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['rank_words'])})$", regex.IGNORECASE)


@cache
def _number_word_after(marked: bool) -> regex.Pattern[str]:
    """After a ranking word, "No." or "number" (unless the noun ends with it) and a number in words:
    "world number two", "seeded number six"."""
    words = {w: v for w, v in lang().number_words.items() if 1 <= v <= 20}
    mark = "" if marked else r"[ \u00a0](?i:No\.?|number)"
    return regex.compile(rf"{mark}\s(?P<w>{alternation(words)})(?![\p{{L}}\d])", regex.IGNORECASE)


def _noun_numbers(text: str, counted: regex.Pattern[str]) -> list[tuple[int, int, int, bool]]:
    """(start, end, value, ranked) of each counted noun followed by its number ("move 8", "pier No.
    9"); a plural noun ("moves 8") is none. `ranked`: a ranking word, then "No." or "number" ("world
    No. 2", "seeded number six"): a rank, not a label."""
    out = []
    for m in counted.finditer(text):
        word = m.group(0)
        if not word or (word.endswith("s") and not word.endswith("ss") and len(word) > 3):
            continue
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue  # inside another word
        # the noun's first word a ranking word ("world No.", "seeded"), "No." or "number" in the noun
        # or right after it
        ranked = _rank_words_re().search(word.split()[0]) is not None
        marked_in = regex.search(r"(?i:No\.?|number)\s*$", word) is not None
        n = _NUMBER_AFTER.match(text, m.end())
        if marked_in and n is None:
            n = _NUMBER_AFTER.match(" " + text[m.end():].lstrip(), 0)
            if n is not None:  # "world No.2": the counted noun took the space
                skip = len(text[m.end():]) - len(text[m.end():].lstrip()) - 1
                out.append((m.start(), m.end() + skip + n.end(), int(n.group("n")), ranked))
                continue
        if n is not None:
            marked = marked_in or bool(regex.match(r"[ \u00a0](?i:No\.?|number)", text[m.end():n.start("n")]))
            out.append((m.start(), n.end(), int(n.group("n")), ranked and marked))
        elif ranked and (w := _number_word_after(marked_in).match(text, m.end())) is not None:
            out.append((m.start(), w.end(), int(lang().number_words[w.group("w").lower()]), True))
    return out


def _ranked_before(text: str, a: int, counted: regex.Pattern[str]) -> bool:
    """Does a ranking participle of the counted noun stand right before the ordinal at `a` ("seeded
    sixth", "ranked second in the world")?"""
    head = text[max(0, a - 30) : a]
    m = regex.search(r"(?<![\p{L}])(\p{L}+)\s+$", head)
    return (m is not None and _rank_words_re().search(m.group(1)) is not None
            and counted.fullmatch(m.group(1)) is not None)


def read_ordinals(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of each ordinal in `text`."""
    out = []
    for m in _ordinal_re().finditer(text):
        if m.group("d") or m.group("no") or m.group("dot"):
            v = int(m.group("d") or m.group("no") or m.group("dot"))
        else:
            if _BIG_BEFORE.search(text, 0, m.start()):
                continue  # "the thousand and first night": a larger ordinal than the words read
            tens = int(lang().number_words[m.group("t").lower()]) if m.group("t") else 0
            v = _ordinals()[m.group("w").lower()] + tens
            big = _HUNDREDS_BEFORE.search(text, 0, m.start())
            if big is not None:
                h = lang().number_words.get((big.group("h") or "").lower())
                if h is not None and 1 <= int(h) <= 9:  # "two hundred and first", "a hundred and fifth"
                    out.append((big.start(), m.end(), v + 100 * int(h)))
                else:  # "the hundred-and-tenth": from "hundred"
                    out.append((big.start() + big.group(0).lower().index("hundred"), m.end(), v + 100))
                continue
        out.append((m.start(), m.end(), v))
    return out


@cache
def _superlative_re() -> regex.Pattern[str]:
    sup = pack("numbers")["superlatives"]
    owners = "|".join(str(w) for w in sup["owners"])
    words = "|".join(str(w) for w in sup["words"])
    # ("second-busiest" is read as the ordinal it starts with, not as a superlative)
    return regex.compile(
        rf"(?<![\p{{L}}'’-])(?:{owners})\s+(?:(?:very|single|all-time|ever|own)\s+)?"
        rf"(?P<s>(?<![\p{{L}}-])(?:\p{{L}}{{2,}}est|{words}))"
        # "the shortest-serving prime minister", "the best-selling album", "the highest-paid"
        rf"(?P<tail>-\p{{L}}+(?:ing|ed))?(?![\p{{L}}-])", regex.IGNORECASE)


@cache
def _not_superlative() -> frozenset[str]:
    return frozenset(str(w).lower() for w in pack("numbers")["superlatives"]["not"])


@cache
def _limits() -> str:
    """The alternation of the words that limit a superlative or a first to a period."""
    return "|".join(str(w) for w in pack("numbers")["superlatives"]["limits"])


@cache
def _limit_re() -> regex.Pattern[str]:
    limits = _limits()
    return regex.compile(rf"\A[^;:]{{0,40}}?(?<![\p{{L}}])(?:{limits})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _period_re() -> regex.Pattern[str]:
    """A limit to a period right after an ordinal's noun ("the first Tour since the war", "the first
    final in 20 years", numbers.yaml `ordinal_limits`); not "of the year" ("the third increase of
    the year": the year's count), nor "this year" ("its 75th anniversary this year"), nor one a
    comma away ("his 15th major, his first since 2008"), nor one spanning all time ("the
    third-largest quake since records began", numbers.yaml `overall`)."""
    sup = pack("numbers")["superlatives"]
    limits = "|".join(str(w) for w in sup["ordinal_limits"])
    overall = "|".join(str(w) for w in sup["overall"])
    return regex.compile(rf"\A[^,;:()]{{0,12}}?(?<![\p{{L}}])(?!{overall})(?:{limits})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _compound_head_re() -> regex.Pattern[str]:
    """A noun right after the counted one that makes it a modifier: "title defender", "record holder"."""
    return regex.compile(rf"[\s-]+(?:{alternation(lang().data['compound_heads'])})(?![\p{{L}}])", regex.IGNORECASE)


def read_superlatives(text: str, counted: regex.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each superlative followed by the counted noun, with no limit after it."""
    out = []
    for m in _superlative_re().finditer(text):
        word = m.group("s")
        if word.lower() in _not_superlative() or not _counted_follows(text[m.end():], counted):
            continue
        if _limit_re().match(text[m.end():]):
            continue  # "the deadliest since 1995": first of a period, not overall
        out.append((m.start("s"), m.end()))
    return out


@cache
def _for_the_re() -> regex.Pattern[str]:
    """"for the ", "for a record ": before the ordinal of "... for the third time"."""
    words = alternation(lang().data["nth_time_words"])
    return regex.compile(rf"(?<![\p{{L}}])for\s+(?:the|a)\s+(?:(?:{words})\s+)?$", regex.IGNORECASE)


@cache
def _time_after_re() -> regex.Pattern[str]:
    words = alternation(lang().data["nth_time_words"])
    return regex.compile(rf"\s+(?:(?:{words})\s+)?times?(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _limit_after_re() -> regex.Pattern[str]:
    """A limit right after "time" ("for the first time since 1966", "... in 40 years")."""
    return regex.compile(rf"\s+(?:{_limits()})(?![\p{{L}}])", regex.IGNORECASE)


_WORDS_BACK = regex.compile(r"(?:[\s,]+[\p{L}'’-]+){0,2}[\s,]*$")


def _nth_time_of(text: str, a: int, b: int, counted: regex.Pattern[str]) -> bool:
    """"won the Champions League for the first time", "to win the World Cup for a record fourth
    time": the counted noun (at most two words before "for") is won or done for the n-th time,
    so it is the n-th. Not "for the first time in 20 years" (first of a period)."""
    head = text[max(0, a - 120):a]
    f = _for_the_re().search(head)
    t = _time_after_re().match(text, b)
    if f is None or t is None or _limit_after_re().match(text, t.end()):
        return False
    before = head[: f.start()]
    gap = _WORDS_BACK.search(before)
    lo = gap.start() if gap else len(before)
    if any(m.end() >= lo and (m.end() == len(before) or not before[m.end()].isalpha())
           for m in counted.finditer(before)):
        return True
    # "Australia are world champions for a sixth time": a holder of a title (`nth_time_holders`)
    # for the n-th time holds the n-th title, for a fact that ranks titles
    holders = _holders_re().search(before, lo)
    return holders is not None and any(counted.fullmatch(w) for w in _holder_nouns())


# a match minute marked with an apostrophe ("62'", "67’"): not minutes and seconds ("1'57''"), not added
# time ("90+3'"), not a decade ("the 80's") nor feet and inches ("6'2")
_MINUTE_MARK = regex.compile(r"(?<![\d+.,'’′])(1[0-2]\d|[1-9]?\d)['’′](?![\d'’′\"″”]|s\b)")


@cache
def _holders_re() -> regex.Pattern[str]:
    words = alternation(lang().data["nth_time_holders"]["holders"])
    return regex.compile(rf"(?<![\p{{L}}])(?:{words})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _holder_nouns() -> tuple[str, ...]:
    return tuple(str(w) for w in lang().data["nth_time_holders"]["nouns"])


# the indefinite article right before an ordinal ("a third flight", "A second referendum")
_INDEFINITE_BEFORE = regex.compile(r"(?<![\p{L}])an?\s+\Z", regex.IGNORECASE)


class OrdinalKind:
    name: ClassVar[str] = "ordinal"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "counted": Key("regex", doc="what is ranked, right after the ordinal (attempt|try|bid)"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ("counted",)
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": ["integer", "string"], "description": "a rank: 3 or 'third'"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> int:
        text = str(raw).strip()
        if text.isascii() and text.isdigit() and len(text) <= 6:
            return int(text)
        found = read_ordinals(text)
        if len(found) == 1 and found[0][:2] == (0, len(text)):
            return found[0][2]
        raise FactValueError(f"cannot read {raw!r} as an ordinal", "write e.g. `value: 3` or `value: third`")

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        if "counted" not in options:
            raise FactValueError("an ordinal needs `counted`: what is ranked",
                                 "add e.g. `counted: 'attempt|try|bid'`")
        return {"counted": compile_option(options, "counted")}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        counted: regex.Pattern[str] = fact.options["counted"]
        out = []
        for a, b, v in read_ordinals(sentence.text):
            extra: dict[str, object] = {}
            if not sentence.text[a].isdigit() and _adverbial(sentence.text, a, b):
                continue  # "Kasparov first became world champion in 1985": an adverb, no rank
            end = _counted_end(sentence.text[b:], counted)
            if end is not None and _period_re().match(sentence.text[b + end:]):
                continue  # "the first Berlin Marathon since the pandemic": first of a period, no edition
            if end is not None and not _compound_head_re().match(sentence.text, b + end):
                detail = f"read as {v}"
            elif ((of := _PARTITIVE_OF.match(sentence.text, b))
                  and _counted_end(" " + sentence.text[of.end():], counted) is not None):
                # "the fourth-biggest of Wall Street's investment banks": a rank in a group, loosely
                # ("the third of the big banks to fall" ranks by another measure)
                detail = f"read as {v}"
                extra = {"loose": True,
                         "why_loose": "a rank within a group (... of the <noun>s), perhaps by another measure"}
            elif _nth_time_of(sentence.text, a, b, counted):
                detail = f"read as {v} ('... for the {sentence.text[a:b]} time')"
            elif _ranked_before(sentence.text, a, counted):
                detail = f"read as {v} (after {sentence.text[:a].split()[-1]!r})"  # "seeded sixth"
            else:
                continue  # no counted noun; or "the first title defender" ranks a defender, not a title
            if not extra and v > 1 and _INDEFINITE_BEFORE.search(sentence.text, max(0, a - 4), a):
                # "A third crewed flight is expected before the end of the year", "a second referendum":
                # one more of its kind, perhaps another than the fact's; it may agree ("won a second
                # term"), never accuse
                extra = {"loose": True, "why_loose": "after \"a\": one more of its kind, perhaps another"}
            out.append(Reading(start=sentence.start + a, end=sentence.start + b, text=sentence.text[a:b],
                               value=v, shown=v, detail=detail, extra=extra))
        taken = [(r.start, r.end) for r in out]
        for a, b, v, ranked in _noun_numbers(sentence.text, counted):
            # "Game 6, move 8 — Deep Blue sacrifices a knight", "the stays on pier 9": a rank written as
            # the noun and its number, loosely (it names which one; it may agree, never accuse); after
            # a ranking word and "No." ("world No. 2", "seeded number six") a rank, firmly
            if not any(x < sentence.start + b and sentence.start + a < y for x, y in taken):
                loose = {} if ranked else {
                    "loose": True, "why_loose": "a noun and its number names which one (\"move 7\", \"pier 9\"): "
                                                "perhaps not the one the fact ranks"}
                out.append(Reading(start=sentence.start + a, end=sentence.start + b, text=sentence.text[a:b],
                                   value=v, shown=v, detail=f"read as {v} (the noun and its number)", extra=loose))
        if counted.search("minute"):
            taken = [(r.start, r.end) for r in out]
            for m in _MINUTE_MARK.finditer(sentence.text):
                # "At the 62' the equaliser", "Bonucci 67'": a match minute as reports mark it
                a, b = sentence.start + m.start(), sentence.start + m.end()
                if not any(x < b and a < y for x, y in taken):
                    v = int(m.group(1))
                    out.append(Reading(start=a, end=b, text=m.group(0), value=v, shown=v,
                                       detail=f"read as {v} (a minute mark)"))
        taken = [(r.start, r.end) for r in out]
        for a, b in read_superlatives(sentence.text, counted):
            a, b = sentence.start + a, sentence.start + b
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(Reading(start=a, end=b, text=sentence.text[a - sentence.start : b - sentence.start],
                               value=1, shown=1, detail="a superlative, read as first",
                               extra={"loose": True,
                                      "why_loose": "a superlative (its scope may be narrower than the fact's)"}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        return int(reading.value) == int(value)

    def render(self, value: Any) -> str:
        v = int(value)
        suffix = "th" if 10 <= v % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(v % 10, "th")
        return f"{v}{suffix}"
