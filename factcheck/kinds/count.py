"""Counts: "nine NATO members", "30 member states", "a group of eight NATO countries".
A number counts only when the fact's `counted` noun follows it closely."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option, whole_word, with_translated_nouns
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.quantity import doc_convention
from factcheck.lang import alternation, lang, pack, words_re
from factcheck.numbers import Number, find_numbers, short_scaled
from factcheck.segment import Sentence

_WORD = regex.compile(r"\A[\s-]+(?P<w>[\p{L}][\p{L}.'’-]*)")
@cache
def _not_gap_re() -> regex.Pattern[str]:
    """Words that end the number's noun phrase (en.yaml `count_phrase_ends`): the noun after them is
    another phrase's ("the second leg for Italy's relay", "three seats from the Conservatives")."""
    return regex.compile(rf"(?:{alternation(lang().data['count_phrase_ends'])})$", regex.IGNORECASE)


_GAP = regex.compile(r"\A[\s-]+")


def _counted_follows(after: str, counted: regex.Pattern[str], max_gap: int = 2) -> bool:
    """Does the counted noun follow, after at most `max_gap` other words ("nine eastern-flank NATO
    members", "30-member alliance")?"""
    return _counted_end(after, counted, max_gap) is not None


def _counted_end(after: str, counted: regex.Pattern[str], max_gap: int = 2) -> int | None:
    """Where the counted noun that follows ends in `after` (as `_counted_follows`), or None."""
    pos = 0
    for k in range(max_gap + 1):
        m = _GAP.match(after[pos:])
        if not m:
            return None
        c = counted.match(after[pos + m.end() :])
        if c:
            return pos + m.end() + c.end()
        w = _WORD.match(after[pos:])
        if not w or _not_gap_re().match(w.group("w")) or (k == 0 and _not_next_re().match(w.group("w"))):
            return None
        pos += w.end()
    return None


@cache
def _not_next_re() -> regex.Pattern[str]:
    """Words never right after a number and before its noun (en.yaml `count_not_next`: "third a minute")."""
    return regex.compile(rf"(?:{alternation(lang().data['count_not_next'])})$", regex.IGNORECASE)


_FROM_COUNTED_TO = regex.compile(r"\bfrom\s+\w+\s+[\w\s-]{0,30}?\s+to\s+$", regex.IGNORECASE)


_HYPHEN_WORD = regex.compile(r"\A-(\p{L}+)(?![\p{L}-])")
_OF_GROUP = regex.compile(r"\A\s+of\s+(?:the|its|their|these|those)\s", regex.IGNORECASE)
@cache
def _of_total_re() -> regex.Pattern[str]:
    """"of the 650", "out of 30", "of roughly 7,500", "of the approximately 7 500", "of the
    country's 24": the total a part is counted from (a hedge may stand before it)."""
    hedges = alternation(lang().hedges)
    return regex.compile(rf"\A\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:\p{{L}}+['’]s\s+)?(?:(?i:{hedges})\s+)?"
                         r"(?:\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d[\d,]*|\p{L}+)(?=[\s-])")


def _adjective_of(after: str, counted: regex.Pattern[str]) -> bool:
    """"a 411-seat majority", "a 12-member jury": the counted noun in the singular, joined to the
    number by a hyphen (the noun as an adjective), for a `counted` written in the plural."""
    m = _HYPHEN_WORD.match(after)
    if not m:
        return False
    word = m.group(1)
    return any(counted.fullmatch(word + end) for end in ("s", "es")) and not counted.fullmatch(word)


@cache
def _partitive_re() -> regex.Pattern[str]:
    """"4,000 members of the armed forces": a noun of `en.yaml` `count_partitives`, "of" (and an
    article), then what is counted."""
    nouns = alternation(lang().data["count_partitives"])
    return regex.compile(rf"\A\s+(?:{nouns})\s+of\s+(?:the\s+|its\s+|their\s+)?(?=\S)", regex.IGNORECASE)


def _partitive(after: str, counted: regex.Pattern[str]) -> bool:
    m = _partitive_re().match(after)
    return bool(m) and _counted_follows(after[m.end() - 1:], counted, 0)


def _part_of(after: str, counted: regex.Pattern[str]) -> bool:
    """"won 411 of the 650 seats", "nine out of 30 members": the number counts the noun that
    follows the total (the total itself is skipped: "of the" before it)."""
    m = _of_total_re().match(after)
    if m and _counted_follows(after[m.end():], counted):
        return True
    # "five of the cars held vinyl chloride": a number of the group, no total written
    g = _OF_GROUP.match(after)
    return bool(g) and _counted_follows(after[g.end() - 1:], counted)


@cache
def _verb_after_re() -> regex.Pattern[str]:
    return regex.compile(rf"\A\s+(?:\p{{Ll}}+ed|{alternation(lang().data['verbs_after_subject'])})(?![\p{{L}}])")


@cache
def _link_re() -> regex.Pattern[str]:
    # a hedge may follow the link ("a congregation of about 2,000", "the toll stood at nearly 300")
    return regex.compile(rf"\s+(?:{alternation(lang().data['count_links'])})\s+"
                         rf"(?:(?:{alternation(lang().hedges)})\s+)?$", regex.IGNORECASE)


_WORD_BACK = regex.compile(r"[\s,]+[\p{L}'’.-]+$")


# a fact box's label: "Messi's final goals: 2", "Deaths: 1,833", "Staff: about 25,000 worldwide"
@cache
def _colon_link_re() -> regex.Pattern[str]:
    return regex.compile(rf"\s*:\s*(?:(?:{alternation(lang().hedges)})\s+)?$", regex.IGNORECASE)


# what may follow a fact box's number to the end of its line: a few words and a bracket ("Staff: about
# 25,000 worldwide", "Passengers: 150 (plus 5 crew)")
_BOX_TAIL = regex.compile(r"\A(?:\s+[\p{L}'’.-]+){0,3}\s*(?:\([^()]{0,40}\))?\s*\.?\s*\Z"
                          # or a gloss after a spaced dash ("Killed: 583 - all 248 aboard the KLM jet ...")
                          r"|\A\s+[-–—]\s+(?!\d).*\Z")
# (its words may be parted by commas: "Deaths, New York City: 43", "Deaths, U.S., including indirect:")
_BOX_LABEL = regex.compile(r"\A\W{0,3}[\p{L}'’-]+(?:(?:\s+|,\s*)[\p{L}'’.-]+){0,5},?\Z")


@cache
def _when_after_re() -> regex.Pattern[str]:
    """When or by whom, right after the number ("the number of people evacuated was put at 3,000 overnight",
    "the toll stood at 102 on Monday", "... at 35 according to officials")."""
    words = [*lang().data["deictic_days"], *lang().data["count_link_tails"]]
    return regex.compile(rf"\A\s+(?:{alternation(words)})(?![\p{{L}}])", regex.IGNORECASE)


def _noun_of(head: str, after: str, counted: regex.Pattern[str]) -> bool:
    """"a jury of 12.", "a crew of 25 and ...", "the death toll now stands at 102.", "Messi's final
    goals: 2 ·", "the remains of 115 of the 118 crew" (a part of a total): the counted noun
    (up to two words before the link), a linking word, then the number, which no other noun follows
    ("members of 30 countries" counts countries)."""
    tail = head[-80:]
    m = _link_re().search(tail)
    box = False
    if m is None:
        m = _colon_link_re().search(tail)
        # a line of a fact box: a short label opening the sentence, the number, a short tail
        box = m is not None and bool(_BOX_LABEL.match(tail[: m.start()])) and len(tail) == len(head)
    if not m or not (_ELLIPSIS_AFTER.match(after) or _verb_after_re().match(after) or _when_after_re().match(after)
                     or (not box and _preposition_after_re().match(after))
                     or (box and _BOX_TAIL.match(after)) or (not box and _of_total_re().match(after))):
        return False
    before = tail[: m.start()]
    for _ in range(5 if box else 3):  # a fact box's label may name its noun first ("Attendance confirmed by UEFA:")
        before = before.rstrip(",") if box else before  # "Deaths, New York City:": the noun, then a comma
        if any(c.end() == len(before) for c in counted.finditer(before)):
            return True
        w = _WORD_BACK.search(before)
        if not w:
            return False
        before = before[: w.start()]
    return False


@cache
def _whole_before_re() -> regex.Pattern[str]:
    """"411 of the ", "each of the ", "3,700 of roughly ": before the size of the group a part is
    taken from."""
    hedges = alternation(lang().hedges)
    return regex.compile(rf"(?:\bof\s+the\s+|\b(?:one|each)\s+of\s+|\d\s+(?:out\s+)?of\s+)"
                         rf"(?:(?:{hedges})\s+)?\s*$", regex.IGNORECASE)


@cache
def _out_of_re() -> regex.Pattern[str]:
    """", out of about ": before the whole a counted part was taken from."""
    return regex.compile(rf"\bout\s+of\s+(?:(?:{alternation(lang().hedges)})\s+)?$", regex.IGNORECASE)


_NUMBER_THEN_WORDS = regex.compile(r"\d[\d,.]*\s+(?:[\p{L}'’-]+\s+){0,2}?")


def _counted_number_before(head: str, counted: regex.Pattern[str]) -> bool:
    """Does the sentence before hold a number of the counted noun ("5,000 people in London, out of")?"""
    tail = head[-120:]
    return any(counted.match(tail, m.end()) for m in _NUMBER_THEN_WORDS.finditer(tail))


@cache
def _idiom_re() -> regex.Pattern[str]:
    """Phrases whose number word counts nothing ("at one point", "at one stage", "one by one":
    `count_idioms` in en.yaml)."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['count_idioms'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


def _in_idiom(text: str, n: Number, sentence: Sentence) -> bool:
    """Is the number word inside one of `count_idioms`?"""
    a, b = n.start - sentence.start, n.end - sentence.start
    return any(m.start() <= a and b <= m.end() for m in _idiom_re().finditer(text, max(0, a - 12), b + 12))


def counted_numbers(sentence: Sentence, counted: regex.Pattern[str], conv: str | None = None) -> list[Reading]:
    """The numbers of what is counted; `conv`, the document's number convention ("15.899" is
    fifteen thousand in a text whose decimals have a comma), by default the sentence's own."""
    text = sentence.text
    out: list[Reading] = []
    for n in find_numbers(text, sentence.start, conv):
        after = text[n.end - sentence.start :]
        short = short_scaled(n, after)
        if short is not None and _counted_follows(short[1], counted):
            n, after = short  # "1.7m people", "30k runners"
        if n.alt is not None and not n.value.is_integer() and n.alt.is_integer():
            # "the dead confirmed are 15.899" in a text that writes both conventions: a count is whole,
            # so the dot groups thousands
            n = replace(n, value=n.alt, unit=n.alt_unit, alt=None)
        if n.magnitude or not (n.value.is_integer() or n.value >= 10000):  # "18.77 million votes" reads
            continue
        if n.words and n.value == 1 and _in_idiom(text, n, sentence):
            continue  # "At one point the toll stood at 63": a moment, no count of one
        head = text[: n.start - sentence.start]
        # "grown from 16 members to 29": the end of the range counts the same thing, and is the
        # figure the sentence ends on (the start is history)
        range_end = bool(_FROM_COUNTED_TO.search(head)) and bool(counted.search(_FROM_COUNTED_TO.search(head)[0]))
        # "one of the four phones", "every one of them": one of a group, not a count of it
        part = n.value > 1 and _part_of(after, counted)
        group = False
        if not range_end and not (_counted_follows(after, counted) or _adjective_of(after, counted)
                                  or part or _partitive(after, counted) or _noun_of(head, after, counted)):
            # "A jury of 12 found ...", "topped a field of twelve": the size of a group named by a
            # collective noun; which group is not said, so it only agrees
            group = n.value > 1 and _group_of(head, after)
            # "about 5,000 people in London, out of about 25,000 worldwide": the whole the counted
            # part was taken from, a count of the same noun (it only agrees)
            whole_of_part = bool(_out_of_re().search(head)) and bool(_counted_number_before(head, counted))
            if not (group or whole_of_part):
                continue
        if regex.search(r"\d[.:]\s*$", head):
            continue
        if n.value <= 31 and not n.words and _day_of_month(head, after):
            continue  # "On Saturday 21 December eleven republics joined": the 21 is a date's day
        # "411 of the 650 seats", "the last of the 15 states", "each of the 12 jurors": the size of the
        # group a part is taken from; it agrees with a count of the whole, never accuses (a count of
        # the part may stand beside it)
        whole = bool(_whole_before_re().search(head)) or bool(_out_of_re().search(head))
        if n.value <= 2 and regex.search(r"\b(?:the|these|those|both|its|their)\s+$", head, regex.IGNORECASE):
            continue  # "the two countries": a reference, not a count
        from factcheck.kinds.quantity import in_range

        extra: dict[str, object] = {}
        if group:
            extra = {"loose": True, "why_loose": "the size of a group named by a collective noun (a jury of 12)"}
        elif whole:
            extra = {"loose": True, "why_loose": "the size of the group a part is taken from (... of the N ...)"}
        elif not range_end and in_range(text, n.span_start - sentence.start, n.end - sentence.start):
            extra = {"loose": True, "range": True, "why_loose": "one end of a range over time (from ... to ...)"}
        quote = text[n.span_start - sentence.start : n.end - sentence.start]
        out.append(Reading(start=n.span_start, end=n.end, text=quote, value=n, shown=int(n.value),
                           detail=f"read as {n.interval()}", extra=extra))
    out += _fronted_part(sentence, counted, {r.start for r in out})
    if out:
        out += [_gapped_after_counted(sentence, counted, r) for r in _elliptical(sentence, {r.start for r in out})]
    return _with_sums(sentence, counted, out)


@cache
def _month_re() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    mon = alternation(sorted(lang().months, key=len, reverse=True))
    return (regex.compile(rf"\A\s*(?:of\s+)?(?P<m>{mon})\b\.?", regex.IGNORECASE),
            regex.compile(rf"\b(?P<m>{mon})\.?\s+\Z", regex.IGNORECASE))


def _day_of_month(head: str, after: str) -> bool:
    """Is the number right after or before a capitalised month ("21 December", "Dec. 21"): a date's
    day, whatever counted noun follows the month?"""
    after_re, before_re = _month_re()
    m = after_re.match(after) or before_re.search(head)
    return m is not None and m.group("m")[0].isupper()


def _gapped_after_counted(sentence: Sentence, counted: regex.Pattern[str], r: Reading) -> Reading:
    """"Isner served 112 aces, Mahut 93": a number right after a label that follows a comma, right
    after a number with the counted noun, repeats that noun: read firmly, as the label's own
    (`tally_label`, rule value.tally_label keeps it to a fact whose cue names the label)."""
    head = sentence.text[: r.start - sentence.start]
    m = _AFTER_COUNTED_ITEM.search(head)
    if m is None or not counted.fullmatch(m.group("noun")):
        return r
    return replace(r, detail=f"read as {r.value.interval()}; the counted noun of the number before, left out",
                   extra={"tally_label": (sentence.start + m.start("label"), sentence.start + m.end("label"))})


# "... 112 aces, Mahut 93": a number and its noun, a comma, then a label of one to three capitalised
# words right before the number
_AFTER_COUNTED_ITEM = regex.compile(r"\d[\d,.]*\s+(?P<noun>\p{L}[\p{L}-]*)\s*,\s*(?:and\s+)?"
                          r"(?P<label>(?-i:\p{Lu})[\p{L}'’.-]*(?:\s+(?-i:\p{Lu})[\p{L}'’.-]*){0,2})\s+\Z")


# "Of the 176 riders who set off from Bilbao, 150 reached Paris", "Out of 33 miners, 32 were
# Chilean": a sentence that opens on the group; the first bare number after the comma counts its part
_FRONTED_GROUP = regex.compile(r"\A\s*(?:of|out\s+of)\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?", regex.IGNORECASE)
_PART_AFTER = regex.compile(r",\s*(?:only\s+|just\s+|some\s+|about\s+|nearly\s+|almost\s+)?\Z", regex.IGNORECASE)


def _fronted_part(sentence: Sentence, counted: regex.Pattern[str], taken: set[int]) -> list[Reading]:
    text = sentence.text
    head = _FRONTED_GROUP.match(text)
    if head is None:
        return []
    nums = find_numbers(text, sentence.start)
    total = next((n for n in nums if n.span_start - sentence.start == head.end()), None)
    if total is None or _counted_end(text[total.end - sentence.start :], counted) is None:
        return []
    comma = text.find(",", total.end - sentence.start)
    for n in nums:
        at = n.span_start - sentence.start
        if n is total or comma < 0 or at <= comma or n.span_start in taken:
            continue
        if (not n.value.is_integer() or n.magnitude or n.value >= total.value
                or not _PART_AFTER.search(text[:at]) or _YEAR_LIKE.match(n.text.replace(",", ""))
                or not (_ELLIPSIS_AFTER.match(text[n.end - sentence.start :])
                        or _verb_after_re().match(text[n.end - sentence.start :]))):
            return []
        return [Reading(start=n.span_start, end=n.end, text=text[at : n.end - sentence.start], value=n,
                        shown=int(n.value), detail=f"read as {n.interval()}; a part of the group the sentence opens "
                        "on (Of the N ..., M ...)",
                        extra={"loose": True, "why_loose": "a part of the group the sentence opens on (Of the N ..., "
                               "M ...): it may count another part than the fact's"})]
    return []


@cache
def _member_of_group_re() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """What stands before the group's number ("the last of the") and what may follow it ("to", ",")."""
    members = alternation(lang().data["group_members"])
    after = alternation(lang().data["group_member_after"])
    return regex.compile(rf"(?<![\p{{L}}])(?:{members})\s+of\s+(?:the|its|their|these|those)\s+$", regex.IGNORECASE), \
        regex.compile(rf"\A(?:\s+(?:{after})(?![\p{{L}}])|\s*[,.;:)]|\s*$)", regex.IGNORECASE)


def _member_of_group(sentence: Sentence) -> list[Reading]:
    """"the last of the 12 to leave the cave": the group's count, its noun left out (loosely)."""
    before, after = _member_of_group_re()
    text = sentence.text
    out = []
    for n in find_numbers(text, sentence.start):
        a, b = n.span_start - sentence.start, n.end - sentence.start
        if (n.hedge or n.magnitude or not n.value.is_integer() or n.value < 2
                or _YEAR_LIKE.match(n.text.replace(",", ""))
                or not before.search(text[max(0, a - 30):a]) or not after.match(text[b:])):
            continue
        out.append(Reading(start=n.span_start, end=n.end, text=text[a:b], value=n, shown=int(n.value),
                           detail=f"read as {n.interval()}; a group whose noun is left out (the last of the N ...)",
                           extra={"loose": True, "why_loose": "a group whose noun is left out (\"the last of the "
                                  "12 to leave\"): perhaps another group than the fact's"}))
    return out


# "seven passengers and a flight attendant", "two pilots and four flight attendants": two groups
# counted together, each a number and a noun of one to three words
_SUM_TAIL = regex.compile(r"\s+(?P<w1>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2}?)\s+(?:and|plus)\s+"
                          r"(?:(?P<one>an?|one)\s+)?", regex.IGNORECASE)
@cache
def _sum_noun_re() -> regex.Pattern[str]:
    """The second group's noun, up to the end of the phrase: a punctuation mark or a word that
    ends a noun phrase (data/en/numbers.yaml `group_ends`)."""
    ends = alternation([str(w) for w in pack("numbers")["group_ends"]])
    return regex.compile(rf"(?P<w2>[\p{{L}}'’-]+(?:\s+[\p{{L}}'’-]+){{0,2}}?)(?=\s*(?:[,.;:!?)]|\s+(?:{ends})\b|$))",
                         regex.IGNORECASE)


def _with_sums(sentence: Sentence, counted: regex.Pattern[str], out: list[Reading]) -> list[Reading]:
    """A count of two groups, "seven passengers and a flight attendant were injured": their sum
    (8), loosely (it agrees with a count of the whole; another sum is unclear), when the counted
    noun is each group's; the parts then never accuse a count of the whole."""
    text = sentence.text
    nums = [n for n in find_numbers(text, sentence.start) if not n.magnitude and n.value.is_integer() and not n.hedge]
    sums: list[Reading] = []
    for i, n1 in enumerate(nums):
        m = _SUM_TAIL.match(text, n1.end - sentence.start)
        if not m:
            continue
        if m.group("one"):
            second, at = 1.0, m.end()
        else:
            n2 = nums[i + 1] if i + 1 < len(nums) else None
            if n2 is None or n2.start - sentence.start != m.end():
                continue
            second, at = n2.value, n2.end - sentence.start
            at = at + 1 if text[at:at + 1] == " " else at
        w = _sum_noun_re().match(text, at)
        if not w:
            continue
        # both groups are of what the fact counts ("passengers and a flight attendant" for people
        # injured; not "three locomotives and 194 wagons" for the wagons)
        if not (counted.search(m.group("w1")) and counted.search(w.group("w2"))):
            continue
        a, b = n1.span_start - sentence.start, w.end()
        total = Number(start=n1.span_start, end=sentence.start + b, value=n1.value + second, unit=1.0,
                       text=text[a:b], words=n1.words)
        sums.append(Reading(start=sentence.start + a, end=sentence.start + b, text=text[a:b], value=total,
                            shown=int(total.value), detail=f"{n1.value:g} + {second:g} = {total.value:g}",
                            extra={"loose": True, "why_loose": "two groups counted together: their sum"}))
    if not sums:
        return out
    kept = []
    for r in out:
        if any(s.start <= r.start < s.end for s in sums) and not r.extra.get("loose"):
            r = Reading(start=r.start, end=r.end, text=r.text, value=r.value, shown=r.shown, detail=r.detail,
                        extra={**r.extra, "loose": True, "why_loose": "one of two groups counted together"})
        kept.append(r)
    return kept + sums


def _how_many(question: str, counted: regex.Pattern[str]) -> bool:
    """Does a question ask for a count of the noun ("How many ships were waiting?")?"""
    m = words_re("how_many").search(question)
    return bool(m) and question.rstrip().endswith("?") and _counted_follows(" " + question[m.end():], counted, 1)


# sentences back (in one paragraph) a noun left out may have been counted, through sentences that
# leave it out too
_ELLIPSIS_CHAIN = 3
# after a count whose noun is left out: the clause or list goes on, or ends
@cache
def _group_re() -> regex.Pattern[str]:
    """"a jury of ", "the crew of ": an article, a collective noun of `en.yaml`, then "of"."""
    nouns = alternation(lang().data["collective_nouns"])
    return regex.compile(rf"(?<![\p{{L}}])(?:an?|the|its|their)\s+(?:{nouns})\s+of\s+$", regex.IGNORECASE)


def _group_of(head: str, after: str) -> bool:
    """Is the number the size of a group named just before it ("a jury of 12 found", "a field of
    twelve,"), with no noun of its own after it?"""
    return bool(_group_re().search(head[-40:])) and bool(_ELLIPSIS_AFTER.match(after) or _verb_after_re().match(after))


_ELLIPTICAL_WHY = "a number whose noun is left out (elliptical)"


@cache
def _preposition_after_re() -> regex.Pattern[str]:
    """A preposition right after the number ends its noun phrase: "sending a crowd of 96,920 into
    delirium", "drew a crowd of 88,966 to Lusail" (no other noun of the number's follows):
    `count_phrase_end_prepositions` in en.yaml."""
    words = alternation(lang().data["count_phrase_end_prepositions"])
    return regex.compile(rf"\A\s+(?:{words})(?![\p{{L}}])", regex.IGNORECASE)


_ELLIPSIS_AFTER = regex.compile(
    r"\A\s*(?:[,;.)·|(]|\Z|(?:and|while|whereas|but|with|in|at|across|among|against|opposed)\b"
    r"|of\s+(?:them|those|these|whom)\b)")  # "147 deaths ... Seventy-two of them were in the United States"
_YEAR_LIKE = regex.compile(r"\A(?:1[89]|20)\d\d\Z")


@cache
def _comparative_after_re() -> regex.Pattern[str]:
    """"583 points, 57 ahead of Finland": a comparative right after the number, the noun left out."""
    return regex.compile(rf"\A\s+(?:{alternation(lang().data['ellipsis_comparatives'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


@cache
def _place_after_re() -> regex.Pattern[str]:
    """"all 248 on the KLM jet and 335 on the Pan Am jet": where the left-out noun was (a vehicle, a
    place), not when ("422 on Sunday", "on the same day"): `ellipsis_places` in the language pack."""
    places = lang().data["ellipsis_places"]
    before = "|".join(str(p).replace(" ", r"\s+") for p in places["before"])
    return regex.compile(rf"\A\s+(?:{before})(?![\p{{L}}])(?!\s+(?:{alternation(places['not'])})(?![\p{{L}}]))",
                         regex.IGNORECASE)


@cache
def _month_before_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().months)})\.?\s+$", regex.IGNORECASE)


def _elliptical(sentence: Sentence, taken: set[int]) -> list[Reading]:
    """"Labour won 411 seats, while the Conservatives were reduced to 121": in a sentence that
    counts the noun once (or right after one that does), a bare whole number with no word of its
    own after it counts the same noun. Read loosely: it may agree, never accuse (another figure may be meant).
    In a tally ("KMT 52, DPP 51, TPP 8") each number carries its label's span (`tally_label`)."""
    text = sentence.text
    out = []
    entry_ends = _tally_entries(text)
    for n in find_numbers(text, sentence.start):
        if n.span_start in taken or n.magnitude or n.words and n.value <= 1 or not n.value.is_integer():
            continue
        after = text[n.end - sentence.start :]
        if _YEAR_LIKE.match(n.text.replace(",", "")) or not (
                _ELLIPSIS_AFTER.match(after) or _place_after_re().match(after) or _comparative_after_re().match(after)):
            continue
        head = text[: n.span_start - sentence.start]
        if regex.search(r"(?:\d[.:/-]|[$€£¥%#]|\bNo\.?)\s*$", head) or _month_before_re().search(head):
            continue  # a date ("Sept. 8"), a time, money, a number sign
        if n.words and (n.text[:1].isupper() and head.strip() or regex.search(r"\bthe\s+$", head, regex.IGNORECASE)):
            continue  # a group's name ("known as the Nine", "the Big Four"), not a count
        quote = text[n.span_start - sentence.start : n.end - sentence.start]
        out.append(Reading(start=n.span_start, end=n.end, text=quote, value=n, shown=int(n.value),
                           detail=f"read as {n.interval()}; its noun is the sentence's counted noun, left out",
                           extra={"loose": True, "why_loose": _ELLIPTICAL_WHY, "elliptical": True,
                                  **({"tally_label": (sentence.start + entry_ends[n.end - sentence.start][0],
                                                      sentence.start + entry_ends[n.end - sentence.start][1])}
                                     if n.end - sentence.start in entry_ends else {})}))
    return out


# a tally: labels of one to three words, each with its number, joined by commas (the last perhaps
# by "and"), after a colon, a dash or the start ("Final result: Labour 411, Conservatives 121, Lib
# Dems 72 and Greens 4")
_W = r"\p{L}[\p{L}'’.&-]*"
_ITEM = rf"{_W}(?:[ \t]+{_W}){{0,2}}[ \t]+\d{{1,3}}(?:,\d{{3}})*(?![\d,]\d)"
_TALLY = regex.compile(rf"(?:\A|(?<=[:;(—–]))\s*{_ITEM}(?:\s*[,;]\s*{_ITEM})+(?:\s*,?\s+and\s+{_ITEM})?"
                       r"(?=\s*(?:[,;.)]|\Z))")
_ENTRY = regex.compile(rf"(?P<label>{_W}(?:[ \t]+{_W}){{0,2}})[ \t]+\d{{1,3}}(?:,\d{{3}})*(?![\d,]\d)")
# a tally has at least this many entries
_TALLY_MIN = 3
# how many sentences around a tally, in its paragraph, may say what it counts
_TALLY_REACH = 3


def _tally_entries(text: str) -> dict[int, tuple[int, int]]:
    """Where the numbers of the sentence's tallies end, each with its label's span (none when the
    sentence has no tally)."""
    out: dict[int, tuple[int, int]] = {}
    for m in _TALLY.finditer(text):
        entries = {m.start() + e.end(): (m.start() + e.start("label"), m.start() + e.end("label"))
                   for e in _ENTRY.finditer(m.group())}
        if len(entries) >= _TALLY_MIN:
            out.update(entries)
    return out


def _labelled_counts(sentence: Sentence, counted: regex.Pattern[str]) -> list[Reading]:
    """A tally's entry whose label is the counted noun itself: "KMT 52, DPP 51, TPP 8, independents
    2" counts 2 independents, as plainly as "2 independents"."""
    text = sentence.text
    out = []
    entries = _tally_entries(text)
    numbers = {x.end - sentence.start: x for x in find_numbers(text, sentence.start)} if entries else {}
    for end, (a, b) in entries.items():
        # one word, the noun itself ("independents 2"); not a kind of it ("container ships 120" in
        # "Waiting by type: bulk carriers 130, container ships 120, ...": a part of the count)
        if " " in text[a:b].strip() or counted.fullmatch(text, a, b) is None:
            continue
        n = numbers.get(end)
        if n is None or not n.value.is_integer():
            continue
        out.append(Reading(start=n.span_start, end=n.end, text=text[n.span_start - sentence.start : end],
                           value=n, shown=int(n.value),
                           detail=f"read as {n.interval()}; an entry of a tally whose label is what is counted"))
    return out


def _is_tally(text: str) -> bool:
    return bool(_tally_entries(text))


def _paragraph_counts(sentence: Sentence, counted: regex.Pattern[str], ctx: Context) -> bool:
    """Does a sentence near `sentence`, in its paragraph, count the fact's noun (a number with the
    noun, not one whose noun is left out)?"""
    sentences = ctx.doc.sentences
    lo, hi = max(0, sentence.index - _TALLY_REACH), min(len(sentences), sentence.index + _TALLY_REACH + 1)
    return any(s.paragraph == sentence.paragraph and s.index != sentence.index
               and (any(r.extra.get("why_loose") != _ELLIPTICAL_WHY for r in counted_numbers(s, counted))
                    or s.index == sentence.index - 1 and counted.search(s.text) is not None)
               for s in sentences[lo:hi])


# a fact box's line: a short label, a colon, perhaps a hedge, then a figure ("- Sri Lanka: about 35,000")
_BOX_LINE = regex.compile(r"\A\W{0,3}[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,4}\s*:\s*(?:[\p{L}]+\s+){0,2}\d")
_BOX_REACH = 12  # box lines a heading may stand above
_HEADING_WORDS = 8


def _box_heading_counts(sentence: Sentence, counted: regex.Pattern[str], ctx: Context) -> bool:
    """Is `sentence` a fact box's line ("Sri Lanka: about 35,000") whose heading, the short line
    without a figure above the box's lines ("THE TOLL (dead or missing)"), names the counted noun?"""
    if not _BOX_LINE.match(sentence.text):
        return False
    sentences = ctx.doc.sentences
    for back in range(1, _BOX_REACH + 1):
        k = sentence.index - back
        if k < 0:
            return False
        s = sentences[k]
        if _BOX_LINE.match(s.text):
            continue
        if len(s.text.split()) > _HEADING_WORDS or any(ch.isdigit() for ch in s.text):
            return False
        return counted.search(s.text) is not None
    return False


_NO = regex.compile(r"(?<![\p{L}])no\s+(?=\p{L})", regex.IGNORECASE)


def _none_of(sentence: Sentence, counted: Any) -> list[Reading]:
    """"No deaths", "no casualties": none of what the fact counts, right after "no". Read only for a
    fact of 0 (any count agrees with "no ..." less surely than with a number: "no new deaths" on a
    later day), loosely: it agrees, never accuses."""
    out = []
    for m in _NO.finditer(sentence.text):
        if counted.match(sentence.text, m.end()) is None or not _counted_follows(sentence.text[m.end() - 1 :], counted):
            continue
        a, b = sentence.start + m.start(), sentence.start + m.end() - 1
        n = Number(start=a, end=b, value=0.0, unit=1.0, text="no")
        out.append(Reading(start=a, end=b, text=sentence.text[m.start() : m.end()].rstrip(), value=n, shown=0,
                           detail="'no' before what is counted",
                           extra={"loose": True, "why_loose": "'no ...' before what is counted: none, said loosely"}))
    return out


# A gapped list: "Kenya lost 32 citizens, Canada 18 and Ethiopia nine", "followed by Canada (18) and
# Ethiopia (9)": after a first item that says the verb and the noun, items of a capitalised label and
# a number only ("Canada 18") leave both out. Each number is its label's, read loosely.
_LABEL = r"(?:the\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,2}"
_GAP_ITEM = regex.compile(rf"(?P<label>{_LABEL})\s+"
                          rf"(?:\((?P<pn>\d{{1,3}}(?:,\d{{3}})*)\)|(?P<n>\d{{1,3}}(?:,\d{{3}})*|\p{{Ll}}+))"
                          r"(?=\s*(?:[,;.)]|\s+and\b|\s+each\b|\Z))")
_GAP_JOIN = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def gapped_entries(text: str) -> list[tuple[int, int, int, int, float]]:
    """(number start, end, label start, end, value) of each item of the sentence's gapped lists:
    a first item with its label, verb, number and noun ("Kenya lost 32 citizens"), then items of a
    label and a number only, joined by commas or "and" ("Canada 18 and Ethiopia nine")."""
    words = lang().number_words
    found: list[tuple[int, int, int, int, float]] = []
    for m in _GAP_ITEM.finditer(text):
        raw = m.group("pn") or m.group("n")
        if raw.isalpha():
            if raw.lower() not in words:
                continue
            value = float(words[raw.lower()])
        else:
            value = float(raw.replace(",", ""))
        a, b = m.span("pn") if m.group("pn") else m.span("n")
        found.append((a, b, m.start("label"), m.end("label"), value))
    out: list[tuple[int, int, int, int, float]] = []

    def end(k: int) -> int:  # after the number and its closing bracket ("Canada (18)")
        b = found[k][1]
        return b + 1 if text[b:b + 1] == ")" else b

    i = 0
    while i < len(found):
        # a run of items joined by commas or "and", after a first item that says what is counted
        # (without it, "KMT 52, DPP 51, TPP 8" says nothing of what the numbers are)
        j = i
        while j + 1 < len(found) and _GAP_JOIN.fullmatch(text, end(j), found[j + 1][2]):
            j += 1
        first = _FIRST_LABELLED.search(text, 0, found[i][2])
        if first is not None:
            out.append((first.start("n"), first.end("n"), first.start("label"), first.end("label"),
                        float(first.group("n").replace(",", ""))))
            out.extend(found[i:j + 1])
        i = j + 1
    return out


# the first item of a gapped list, with its verb and noun, right before the next: "Kenya lost 32
# citizens, "
_FIRST_LABELLED = regex.compile(rf"(?<![\p{{L}}])(?P<label>{_LABEL})\s+(?:\p{{Ll}}+\s+){{1,2}}"
                                r"(?P<n>\d{1,3}(?:,\d{3})*)\s+\p{Ll}+\s*,\s*(?:and\s+)?$")


def _gapped(sentence: Sentence) -> list[Reading]:
    out = []
    for a, b, la, lb, value in gapped_entries(sentence.text):
        n = Number(start=sentence.start + a, end=sentence.start + b, value=value, unit=1.0,
                   text=sentence.text[a:b])
        out.append(Reading(start=n.start, end=n.end, text=n.text, value=n, shown=int(value),
                           detail="an item of a list that leaves out its verb and noun",
                           extra={"loose": True, "why_loose": "an item of a list that leaves out its verb and noun",
                                  "tally_label": (sentence.start + la, sentence.start + lb)}))
    return out


# a scale word or a short multiplier after the digits: "16.4 million", "44.2m", "3.5bn", "12k"
_SCALED = regex.compile(r"\d\s*(?:thousand|million|billion|trillion|mn|bn|m|k)\b", regex.IGNORECASE)


class CountKind:
    name: ClassVar[str] = "count"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "counted": Key("regex", doc="what is counted, right after the number (members|countries)"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ("counted",)
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": ["integer", "string"], "description": "a whole number, e.g. 9"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> int:
        if isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
            if len(raw.strip()) > 9:
                raise FactValueError(f"{raw.strip()[:20]}... is too large to be a count",
                                     "write it with its magnitude, as articles round it: `value: 3.5 billion` "
                                     "(read in '3.5 billion users', 'about 3.5 billion people')")
            return int(raw.strip())
        nums = find_numbers(raw) if isinstance(raw, str) else []
        if len(nums) == 1 and nums[0].value.is_integer() and not nums[0].magnitude:
            return int(nums[0].value)
        raise FactValueError(f"a count is a whole number, not {raw!r}", "write e.g. `value: 9`")

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        if "counted" not in options:
            raise FactValueError("a count needs `counted`: what is counted",
                                 "add e.g. `counted: 'members|countries|states'`")
        counted = compile_option(options, "counted")
        assert counted is not None
        # the counted noun is a whole word: 'crew' counts no "crewmates", 'member' no "membership"
        # (a stem to widen is written so: 'injur\w*')
        whole = whole_word(counted)
        # "9.000 humans died", "275 persons": a translation's words for people count as people
        return {"counted": with_translated_nouns(whole)}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        counted = fact.options["counted"]
        out = counted_numbers(sentence, counted, doc_convention(ctx))
        if out:
            # "elected with 395 votes in favour and 313 against": a bare number after a counted one
            # in the same sentence counts the same noun, left out (loosely)
            first = min(r.start for r in out)
            taken = {r.value.span_start for r in out if isinstance(r.value, Number)} | {r.start for r in out}
            out = [*out, *(e for e in _elliptical(sentence, taken) if e.start > first
                           and not any(r.start <= e.start < r.end for r in out))]
        if not out:
            out = _labelled_counts(sentence, counted)
        if fact.value == 0 or any(v.value == 0 for v in fact.variants):
            out += _none_of(sentence, counted)
        if not out and 0 < sentence.index < len(ctx.doc.sentences):
            # "Labour won 411 seats. The Greens won four.": the noun of the sentence before, left out;
            # or of one further back, through sentences that leave it out too ("Reform UK won five
            # seats. The DUP also won five. The Greens won four.")
            before = ctx.doc.sentences[sentence.index - 1]
            if sentence.paragraph - before.paragraph <= 2 and _how_many(before.text, counted):
                return _elliptical(sentence, set())  # "How many ships were waiting?" / "369, by ..."
            for back in range(1, _ELLIPSIS_CHAIN + 1):
                if sentence.index - back < 0:
                    break
                before = ctx.doc.sentences[sentence.index - back]
                if sentence.paragraph - before.paragraph > (1 if back == 1 else 0):
                    break
                if any(not r.extra.get("loose") for r in counted_numbers(before, counted)):
                    out = _elliptical(sentence, set())
                    break
                if not _elliptical(before, set()):
                    break  # a sentence between that counts nothing: the list has ended
        if not out and _is_tally(sentence.text) and _paragraph_counts(sentence, counted, ctx):
            # "Legislative Yuan result: KMT 52, DPP 51, TPP 8, independents 2. That's 113 seats.":
            # a tally (labels, each with its number) in a paragraph that says what is counted
            out = _elliptical(sentence, set())
        if not out and _box_heading_counts(sentence, counted, ctx):
            # "THE TOLL (dead or missing)" / "- Sri Lanka: about 35,000": a fact box's line under a
            # heading that says what its numbers count
            out = _elliptical(sentence, set())
        if not out:
            out = _member_of_group(sentence)
        if not out and fact.cues:
            # "Kenya lost 32 citizens, Canada 18 and Ethiopia nine": the label's own number, for a
            # fact whose cue names the label (rule value.tally_label keeps it to that fact)
            out = _gapped(sentence)
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        n: Number = reading.value
        if not n.hedge and n.unit > 1 and _SCALED.search(n.text):
            # "16.4 million votes" for 16,394,815: a figure under a scale word is rounded to its last
            # digit written; it agrees within it, and a figure outside accuses
            return n.interval().contains(float(value))
        if not n.hedge:
            return int(n.value) == int(value)
        if n.interval().contains(float(value)):
            return True
        if float(n.value) == float(value) and n.hi is None:
            # "more than 200 homes" for 200, "raced over 21 stages" for 21: the number is the
            # fact's, only the hedge's bound leaves it out (a rounded truth, or "over" as "across")
            return None
        return False

    def distance(self, reading: Reading, value: Any) -> float | None:
        """How far the count read is from `value` (to tell a fact from a distractor that both fit:
        "at least 288 dead" is the 288 distractor's, not the 296 fact's)."""
        n: Number = reading.value
        return abs(n.value - float(value))

    def ratio(self, reading: Reading, value: Any) -> float | None:
        """The count read over the fact's (None when the fact is 0): "two different countries" against
        32 teams is most likely another count."""
        n: Number = reading.value
        return n.value / float(value) if value else None

    def render(self, value: Any) -> str:
        return str(value)
