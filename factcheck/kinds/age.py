"""Ages of people, in whole years: "a 26-year-old", "26 years old", "aged 26", "age 26", "at the age
of 26", "at 26", "Smith, 26,", "Smith (26)"; in digits or words ("a twenty-six-year-old").

A length of time is no age: "26 years ago", "for 26 years", "a 26-year career" are durations and
are not read, nor a group's ages ("aged between 20 and 30", "aged 18 to 25", "those aged over 65",
"18-year-olds"). The words are data (the `ages` lists of factcheck/data/en.yaml); numbers and
hedges come from factcheck/numbers.py.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang
from factcheck.numbers import Number, find_numbers
from factcheck.segment import Sentence

OLDEST = 130  # years: a larger value is no age


@cache
def _words() -> dict[str, list[str]]:
    return {str(k): [str(w) for w in v] for k, v in lang().data["ages"].items()}


def _phrase(words: list[str]) -> str:
    """An alternation of phrases whose words may be joined by spaces or hyphens ("year-old")."""
    return alternation(words).replace(r"\s+", r"[\s\u00a0-]+")


@cache
def _after_re() -> regex.Pattern[str]:
    # "26-year-old", "26 years old", "26 years of age"; not "18-year-olds" (a group)
    return regex.compile(rf"\A[\s\u00a0-]*(?:{_phrase(_words()['after'])})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _person_of_re() -> regex.Pattern[str]:
    """"a man of ", "a woman of ": a person's noun and "of" right before an age."""
    persons = alternation(_words()["persons"])
    return regex.compile(rf"(?<![\p{{L}}])an?[\s\u00a0]+(?:{persons})[\s\u00a0]+of[\s\u00a0]+$", regex.IGNORECASE)


@cache
def _thing_re() -> regex.Pattern[str]:
    # "a 26-year-old record": the age of a thing, not a person's
    return regex.compile(rf"\A[\s\u00a0]+(?:{alternation(_words()['things'])})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _before_re() -> regex.Pattern[str]:
    # "aged 26", "at the age of 26", "aged just 13" (matched backwards from the number)
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(_words()['before'])})[\s\u00a0]+"
                         rf"(?:(?:{alternation(_words()['qualifiers'])})[\s\u00a0]+)?$", regex.IGNORECASE)


@cache
def _at_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])at[\s\u00a0]+(?:(?:{alternation(_words()['qualifiers'])})[\s\u00a0]+)?$",
                         regex.IGNORECASE)


@cache
def _at_end_re() -> regex.Pattern[str]:
    # "retired at 26.", "won gold at 26, the oldest", "at 26 he became"; not "at 26 degrees"
    return regex.compile(rf"\A(?:\s*(?:[,;:.!?)\]—–]|$)|[\s\u00a0]+(?:{alternation(_words()['at_followers'])})"
                         rf"(?![\p{{L}}]))", regex.IGNORECASE)


_UPPER_WORD = r"(?<![\p{L}'’.-])(?P<w>(?-i:\p{Lu})[\p{L}'’.-]*)"


@cache
def _copula_re() -> regex.Pattern[str]:
    # "Alcaraz is 20", "he was 26", "who is now 68"
    w = _words()
    # "The manager, Claudio Ranieri, is sixty-four": the name may close an aside before the verb
    # a qualifier may follow the verb ("who was all of forty-nine", "is only 17")
    return regex.compile(rf"(?:(?<![\p{{L}}])(?P<p>{alternation(w['subjects'])})|{_UPPER_WORD},?)[\s\u00a0]+"
                         rf"(?:{alternation(w['copulas'])})[\s\u00a0]+"
                         rf"(?:(?:{alternation(w['qualifiers'])})[\s\u00a0]+)?$", regex.IGNORECASE)


@cache
def _list_label_re() -> regex.Pattern[str]:
    """A line labelled as a list of ages: "Ages on Election Day:", "Age:"."""
    labels = alternation(_words()["list_labels"])
    return regex.compile(rf"\A\W*(?:{labels})(?![\p{{L}}])[^:\n]{{0,40}}:", regex.IGNORECASE)


# "16- and 17-year-olds": the first age of a pair, its hyphen suspended before "and" / "or" / "to"
_SUSPENDED = regex.compile(r"(?<![\d.,])(?P<n>\d{1,3})-[\s\u00a0]*(?:and|or|to|&)[\s\u00a0]+$", regex.IGNORECASE)
_NAME_THEN = regex.compile(r"(?<![\p{L}'’.-])(?P<w>\p{Lu}[\p{L}'’.-]*)[\s\u00a0]+$")
_LIST_NEXT = regex.compile(r"\A[\s\u00a0]*(?:[,;.]|and\b|$)")


@cache
def _have_re() -> regex.Pattern[str]:
    # machine translation: "today he has 26 years"
    w = _words()
    return regex.compile(rf"(?:(?<![\p{{L}}])(?P<p>{alternation(w['subjects'])})|{_UPPER_WORD})[\s\u00a0]+"
                         rf"(?:{alternation(w['have'])})[\s\u00a0]+$", regex.IGNORECASE)


@cache
def _comma_time_re() -> regex.Pattern[str]:
    # "Kiptum, then 23, ..."
    return regex.compile(rf"{_UPPER_WORD}\s*,[\s\u00a0]*(?:{alternation(_words()['comma_times'])})[\s\u00a0]+$",
                         regex.IGNORECASE)


@cache
def _clause_end_re() -> regex.Pattern[str]:
    # after "is 20": the clause ends, or goes on with a word that is no unit ("on the night", "when")
    w = _words()
    followers = alternation([*w["at_followers"], *w["copula_followers"]])
    return regex.compile(rf"\A(?:\s*(?:[,;:.!?)\]—–]|$)|[\s\u00a0]+(?:{followers})(?![\p{{L}}]))", regex.IGNORECASE)


@cache
def _now_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(_words()['now_words'])})[\s\u00a0]+$", regex.IGNORECASE)


@cache
def _birthday_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(_words()['birthday_verbs'])})[\s\u00a0]+$", regex.IGNORECASE)


@cache
def _years_after_re() -> regex.Pattern[str]:
    """"years" right after an age, or a translation's leftover word for it (`years_words` in
    `en.yaml`: "Charles, 74 ans, ...", "he has 26 years")."""
    return regex.compile(rf"\A[\s\u00a0]+(?:{alternation(_words()['years_words'])})(?![\p{{L}}])", regex.IGNORECASE)


# "Smith, 26," / "Smith (26)": a capitalised word right before the comma or the bracket
_NAME_COMMA = regex.compile(r"(?<![\p{L}'’.-])(?P<w>\p{Lu}[\p{L}'’.-]*)\s*,[\s\u00a0]*$")
# "Messi, of 35 years": a translation's "de 35 años"
_NAME_COMMA_OF = regex.compile(r"(?<![\p{L}'’.-])(?P<w>\p{Lu}[\p{L}'’.-]*)\s*,[\s\u00a0]*of[\s\u00a0]+$")
_NAME_PAREN = regex.compile(r"(?<![\p{L}'’.-])(?P<w>\p{Lu}[\p{L}'’.-]*)[\s\u00a0]*\([\s\u00a0]*$")
# (or a semicolon, in a list of names with their ages: "Kobe Bryant, 41; Gianna Bryant, 13; ...")
_COMMA_AFTER = regex.compile(r"\A[\s\u00a0]*[,;](?![\s\u00a0]*[0-9])")
_PAREN_AFTER = regex.compile(r"\A[\s\u00a0]*\)")
_SENTENCE_END = regex.compile(r"\A[\s\u00a0]*[.!?]?[\s\u00a0]*\Z")
# "aged 6 months", "at 26 %": a number of something else
_OTHER_UNIT = regex.compile(r"\A(?:[\s\u00a0-]*(?:months?|weeks?|days?|hours?|minutes?|seconds?)(?![\p{L}])"
                            r"|\s*[%‰°\p{Sc}]|[.,:][0-9])", regex.IGNORECASE)
# a group's ages: "those aged over 65", "aged under 18"
_GROUP_HEDGES = frozenset({"over", "under", "at_least", "up_to"})


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words before ", 26," that name no one: sentence openers, months, weekdays."""
    lg = lang()
    words = [*lg.data["common_words"], *lg.clause_openers, *lg.months, *lg.weekdays, *_words()["not_subjects"],
             "however", "meanwhile", "overall", "today", "yesterday", "now", "then", "also", "still"]
    return frozenset(str(w).lower() for w in words)


def _name_match(pattern: regex.Pattern[str], head: str) -> regex.Match[str] | None:
    """`pattern`'s match at the end of `head` when its word (group `w`) names someone, else None."""
    m = pattern.search(head[-80:])
    if m is None:
        return None
    w = m.group("w")
    return m if w is None or w.strip(".").lower() not in _not_names() else None


def _name_before(pattern: regex.Pattern[str], head: str) -> bool:
    return _name_match(pattern, head) is not None


def read_ages(text: str, offset: int = 0) -> list[Reading]:
    """Every age in `text` (offsets shifted by `offset`), each a Reading whose value is the Number."""
    out: list[Reading] = []
    for n in find_numbers(text, offset):
        if n.magnitude or n.hi is not None or n.ambiguous or not n.value.is_integer() \
                or not 0 < n.value <= OLDEST:
            continue
        a, b = n.span_start - offset, n.end - offset
        head, tail = text[:a], text[b:]
        digits = not n.words
        end = b
        bare = writer = False
        after = _after_re().match(tail)
        if after:
            if _thing_re().match(tail[after.end() :]):
                continue  # "a 26-year-old record"
            end = b + after.end()
        elif _OTHER_UNIT.match(tail):
            continue
        elif _before_re().search(head[-40:]):
            if n.hedge in _GROUP_HEDGES:
                continue  # "those aged over 65": a group, not one person's age
            m = _before_re().search(head[-40:])
            assert m is not None
            a = a - (len(head[-40:]) - m.start())
        elif _at_re().search(head[-20:]) and _at_end_re().match(tail) and n.value >= 2:
            m = _at_re().search(head[-20:])
            assert m is not None
            a = a - (len(head[-20:]) - m.start())
            bare = True  # "at 26" says nothing of what the number is: the fact's cue must be near
        elif not n.hedge and n.value <= 120 and (_COMMA_AFTER.match(tail) or _SENTENCE_END.match(tail)) \
                and _name_before(_NAME_COMMA, head):
            bare = True  # "Smith, 26, won", "The job went to Sunak, 42.": an age set off by commas after a name
        elif (not n.hedge and n.value <= 120 and (y := _years_after_re().match(tail))
              and (_COMMA_AFTER.match(tail[y.end():]) or _SENTENCE_END.match(tail[y.end():]))
              and (_name_before(_NAME_COMMA, head) or _name_before(_NAME_COMMA_OF, head))):
            # "Maggie Murdaugh, 52 years, and her son", "Messi, of 35 years, lifted" (translations)
            end, bare = b + y.end(), True
        elif (n.value <= 120 and _person_of_re().search(head[-40:])
              and _clause_end_re().match(tail[(y.end() if (y := _years_after_re().match(tail)) else 0):])):
            # "a man of fifty-one", "a woman of 75 years"
            end = b + (y.end() if y else 0)
            m = _person_of_re().search(head[-40:])
            assert m is not None
            a = a - (len(head[-40:]) - m.start())
        elif n.value <= 120 and _clause_end_re().match(tail) and (cm := _name_match(_copula_re(), head)):
            # "Alcaraz is 20.", "He was 26 on the night of the final": a name's age needs the fact's cue
            # near (the name is one); a pronoun's is the person the sentence is about
            bare = cm.group("w") is not None
            writer = cm.group("w") == "I"  # "I was seventeen on the day Scotland voted": the writer's own
        elif n.value <= 120 and _COMMA_AFTER.match(tail) and _name_before(_comma_time_re(), head):
            bare = True  # "Kiptum, then 23, was back"
        elif (n.value <= 120 and (y := _years_after_re().match(tail)) and _clause_end_re().match(tail[y.end():])
              and _name_before(_have_re(), head)):
            end = b + y.end()  # "Today he has 26 years" (a translation)
        elif not n.hedge and digits and n.value <= 120 and _PAREN_AFTER.match(tail) \
                and _name_before(_NAME_PAREN, head):
            pass  # "Smith (26)": the brackets make a clause of their own, so no cue can share it
        elif (not n.hedge and digits and n.value <= 120 and _LIST_NEXT.match(tail)
              and _name_before(_NAME_THEN, head) and _list_label_re().match(text)):
            bare = True  # "Ages on Election Day: Obama 47, McCain 72": a name's number in a list of ages
        else:
            continue
        quote = text[a:end]
        extra: dict[str, Any] = {"bare": True} if bare else {}
        if _now_re().search(head[-30:]):
            extra.update(loose=True, why_loose="an age at the time of writing (\"now 32\"), perhaps not at the event")
        elif _birthday_re().search(head[-30:]):
            extra.update(loose=True, why_loose="an age at a birthday (\"who turned 31 on Wednesday\"), perhaps "
                                               "not at the event")
        if writer:
            extra.update(loose=True, why_loose="the writer's own age (\"I was 17\"), not surely a fact's")
        pair = _SUSPENDED.search(head[-16:]) if after else None
        if pair is not None:
            # "16- and 17-year-olds": a group of two ages, each read, neither one person's: loose
            extra.update(loose=True, why_loose="one of the ages of a group (\"16- and 17-year-olds\")")
            first = next((x for x in find_numbers(pair.group("n"), offset + a - len(head[-16:]) + pair.start("n"))),
                         None)
            if first is not None and first.value.is_integer():
                out.append(Reading(start=first.span_start, end=offset + end, text=text[first.span_start - offset:end],
                                   value=first, shown=int(first.value),
                                   detail=f"read as an age of {int(first.value)}", extra=dict(extra)))
        out.append(Reading(start=offset + a, end=offset + end, text=quote, value=n, shown=int(n.value),
                           detail=f"read as an age of {n.interval()} years" if n.hedge
                           else f"read as an age of {int(n.value)}",
                           extra=extra))
    return out


class AgeKind:
    name: ClassVar[str] = "age"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {}
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "anyOf": [{"type": "integer", "minimum": 0, "maximum": OLDEST}, {"type": "string"}],
        "description": "a person's age in whole years, e.g. 26"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> int:
        text = str(raw).strip() if isinstance(raw, str) else ""
        value: int | None = None
        if text.isascii() and text.isdigit() and len(text) <= 3:
            value = int(text)
        else:
            nums = find_numbers(text) if text else []
            if len(nums) == 1 and nums[0].words and nums[0].text.strip() == text and nums[0].value.is_integer() \
                    and not nums[0].hedge and not nums[0].magnitude:
                value = int(nums[0].value)
        if value is None or not 0 <= value <= OLDEST:
            raise FactValueError(f"an age is a whole number of years from 0 to {OLDEST}, not {raw!r}",
                                 "write e.g. `value: 26` (or `value: twenty-six`)")
        return value

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        key = ("age", sentence.index)
        if key not in ctx.cache:
            ctx.cache[key] = read_ages(sentence.text, sentence.start)
        readings: list[Reading] = ctx.cache[key]
        return readings

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        n: Number = reading.value
        return bool(n.interval().contains(float(value))) if n.hedge else int(n.value) == int(value)

    def render(self, value: Any) -> str:
        return f"{value} years old"
