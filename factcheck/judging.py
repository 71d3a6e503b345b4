"""Judging one reading against one fact (`judge`), and what in the reading's own sentence makes a
conflict unsure (`_soften`: a value resolved loosely, disputed, corrected, negated, planned, a live
blog's stamp, a day span) or takes it from the fact (`near` / `exclude_near` cues, a statement's own
date). The binding of values to events and facts is in check.py and bind.py; kinds read and compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import regex

from factcheck.factbase.model import Fact, Pattern
from factcheck.kinds import KINDS, Context, Reading
from factcheck.kinds.date import DateValue
from factcheck.kinds.time import TimeValue, read_times, zone_in
from factcheck.lang import alternation, lang, reporting_re, words_before_re, words_re
from factcheck.model import Interval, MentionVerdict
from factcheck.numbers import OPEN_BOUND_HEDGES, Number
from factcheck.rules import tune, why
from factcheck.segment import Sentence


def _near_window() -> int:
    return int(tune("near_window"))


def _near_tail() -> int:
    return int(tune("near_tail"))


@cache
def _offset_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{alternation(lang().data['anchor_offsets'])})(?![\p{{L}}])", regex.IGNORECASE)

_BULLETS = " \t*•·-–—>#[]()"  # what may stand before a timeline's or a live blog's stamp
# a line's stamp before the value: bullets, and the stamp's first clock when the value is in its
# brackets ("06:10 WIB (" before "23:10 UTC Sun)")
_STAMP_LEAD = regex.compile(r"[\s*•·\-–—>#\[\]()]*(?:\d{1,2}[:.]\d\d(?:\s*\p{Lu}{2,5})?[\s(/|]*)?")


@dataclass(frozen=True)
class Judged:
    verdict: MentionVerdict
    reason: str
    rules: tuple[str, ...] = ()  # the rules (factcheck/rules.py) that changed the verdict

    def unsure(self, rule_id: str, because: str = "") -> Judged:
        """The same reading, bound unsurely by `rule_id`: a contradiction becomes unclear."""
        verdict: MentionVerdict = "unclear" if self.verdict == "contradict" else self.verdict
        return Judged(verdict, self.reason + "; " + (because or why(rule_id)), (*self.rules, rule_id))


_PRONOUN_SAYS = regex.compile(r"(?<![\p{L}])(?:he|she|they|the\s+(?:aide|spokesman|spokeswoman|spokesperson|"
                              r"official|agency|ministry|minister))\s+(?:\p{L}+\s+)?(?:said|says|noted|notes|added|"
                              r"told|stated|recalled|explained|confirmed)(?![\p{L}])", regex.IGNORECASE)


def _attributed(pattern: Pattern, sentence: Sentence, ctx: Context) -> bool:
    """Is the claim in `sentence` attributed to `pattern`'s source? In the sentence, or, when the
    sentence reports a pronoun's words ("He noted that ..."), in the two sentences before it."""
    if pattern.search(sentence.text):
        return True
    if not _PRONOUN_SAYS.search(sentence.text):
        return False
    before = ctx.doc.sentences[max(0, sentence.index - 2) : sentence.index]
    return any(pattern.search(s.text) for s in before)


def judge(kind_reading: Reading, fact: Fact, sentence: Sentence, ctx: Context) -> Judged:
    """Compare a reading with the fact's value and its accepted variants."""
    kind = KINDS[fact.kind]
    first = kind.compare(kind_reading, fact.value, fact, ctx)
    if first is True:
        return Judged("agree", f"matches {fact.expected}")
    for v in fact.variants:
        if v.attribution is not None and not _attributed(v.attribution, sentence, ctx):
            continue
        if first is False and _open_bound(v.value):
            # a variant that is a bound ("less than 4 hours" for 3 h 40 min) accepts that statement,
            # not every figure inside it: "three hours", or "less than three hours", which the fact's
            # own value rules out, still contradicts
            continue
        if kind.compare(kind_reading, v.value, fact, ctx) is True:
            why = f"matches accepted variant {kind.render(v.value)}"
            # (a variant accepted only from its source says what that source said, not the fact's
            # value: it does not make another value elsewhere unsure, see value.agreed_elsewhere)
            return Judged("agree", why + (f" ({v.note})" if v.note else ""),
                          ("value.attributed_variant",) if v.attribution is not None else ())
    if first is False:
        # (a kind may say what made a reading that looks right wrong: a clock's day beside it)
        why_false = getattr(kind, "why_false", None)
        note = why_false(kind_reading, fact.value, fact, ctx) if why_false is not None else None
        j = Judged("contradict", f"expected {fact.expected}, read {kind_reading.text!r}"
                   + (f" ({kind_reading.detail})" if kind_reading.detail else "") + (f"; {note}" if note else ""))
        flipped = _sign_flipped(kind_reading) if fact.kind in _SIGNED_CHANGE_KINDS else None
        if flipped is not None and any(kind.compare(flipped, v, fact, ctx) is True
                                       for v in (fact.value, *(x.value for x in fact.variants))):
            # "Lula's margin: -1.8 points", "shares (-3%)": a change written with its sign, the
            # fact without one; the same figure, perhaps the same claim
            return j.unsure("value.sign_only")
        return j
    return Judged("unclear", "cannot tell from this mention alone"
                  + (f" ({kind_reading.detail})" if kind_reading.detail else ""))


def _open_bound(value: Any) -> bool:
    """Is a fact's (variant's) value an open bound: an interval from zero or to infinity ("less than
    4 hours", "more than two months"), or a figure under a bound's hedge ("up to", "more than")?"""
    if isinstance(value, Interval):
        return value.lo <= 0 or value.hi == float("inf")
    return getattr(value, "hedge", "") in OPEN_BOUND_HEDGES


#: kinds whose figures are often changes written with a sign ("-3%", "-1.8 points")
_SIGNED_CHANGE_KINDS = frozenset({"percentage", "money"})


def _sign_flipped(r: Reading) -> Reading | None:
    """The reading with a negative figure's sign dropped, or None when its figure is not negative."""
    n = r.value
    if not isinstance(n, Number) or n.value >= 0:
        return None
    return replace(r, value=replace(n, value=-n.value, hi=None if n.hi is None else -n.hi,
                                    alt=None if n.alt is None else -n.alt))


# ("or rather", not "rather than", which sets the value after it aside: `value.contrasted`)
_CORRECTED = regex.compile(r"\W{0,4}(?:sorry|I\s+mean|rather(?!\s+than)|correction|make\s+that|that\s+is)\b",
                           regex.IGNORECASE)
_TIMESTAMP_AFTER = regex.compile(r"\s*(?:[—–|:]|-\s|\.\s*$|(?:\s*[A-Z]{2,5})?\s*[—–|])|\s+(?=\p{Lu})")
_WHEN_CLAUSE = regex.compile(r"(?:when|while|as|where)\b", regex.IGNORECASE)


def _season_re() -> regex.Pattern[str]:
    return words_re("seasons")


def _month_only(r: Reading) -> bool:
    return isinstance(r.value, DateValue) and r.value.day is None and r.value.weekday is None


def _disputed_re() -> regex.Pattern[str]:
    return words_re("disputed")


def heading_to(sentence: Sentence, r: Reading) -> bool:
    """Does a word for going toward it stand right before the place read ("The eyewall nears Cape
    Fear", "the team bus headed for Doha")? (rule place.heading)"""
    return bool(_heading_re().search(sentence.text[max(0, r.start - sentence.start - 40) : r.start - sentence.start]))


def _heading_re() -> regex.Pattern[str]:
    """Right before a place, a word for going toward it (en.yaml `heading_before`)."""
    return words_before_re("heading_before", r"(?:the\s+)?")


def _until_re() -> regex.Pattern[str]:
    """Right before a date, the word that makes it the end of a stretch of time (en.yaml `until_before`)."""
    return words_before_re("until_before")


def _contrasted_re() -> regex.Pattern[str]:
    """A contrast right before a value ("Unlike Vienna, Chicago was an open race", "rather than in Al
    Khor"): the value is the one set aside, not stated (en.yaml `contrast_before`)."""
    return words_before_re("contrast_before", r"(?:(?:the|a|an|in|at|on|from|to|its|his|her|their)\s+){0,2}")


@lru_cache(maxsize=256)
def _disputed(text: str) -> bool:
    """Does the sentence report a claim in order to dispute it? (Once per sentence: a str keeps its hash.)"""
    return bool(_disputed_re().search(text))


@cache
def _this_time_re() -> regex.Pattern[str]:
    data = lang().data
    return regex.compile(rf"(?<![\p{{L}}])(?<!(?:{alternation(data['this_time_not_after'])})\s+)"
                         rf"(?:{alternation(data['this_time'])})(?![\p{{L}}])", regex.IGNORECASE)


@lru_cache(maxsize=256)
def _this_time(text: str) -> bool:
    """Does the sentence contrast what it tells with an earlier occurrence ("this time")?"""
    return "this time" in text.lower() and bool(_this_time_re().search(text))


def denied_role(j: Judged, r: Reading) -> Judged:
    """A name read by a pattern whose words an absence word denies ("without its captain Thiago
    Silva", the name kind's `negated`): it cannot accuse."""
    return j.unsure("value.negated", f"{r.extra['negated']!r} before the pattern's words: the role is not theirs")


def _soften(j: Judged, r: Reading, sentence: Sentence, home: float | None = None, later: bool = False) -> Judged:
    """A contradiction the reading itself makes unsure: resolved from an earlier sentence, part of
    a range over time ("grew from 100,000 to 190,000"), or a claim the article reports to dispute."""
    if r.extra.get("listed"):
        return j.unsure("name.listed_only")
    if r.extra.get("relation"):
        j = Judged(j.verdict, f"{j.reason}; {r.extra['relation']}: {why('name.role_relation')}",
                   (*j.rules, "name.role_relation"))
    if j.verdict != "contradict":
        return j
    if r.extra.get("negated"):
        return denied_role(j, r)
    if r.extra.get("loose"):
        return j.unsure("value.loose", str(r.extra.get("why_loose", "resolved from an earlier sentence")))
    if sentence.caption:
        return j.unsure("value.caption")  # a photo's caption: its date may be the photo's
    if sentence.note:
        return j.unsure("value.translators_note")  # its date is the original's publication
    if _disputed(sentence.text):
        return j.unsure("value.disputed")
    if _this_time(sentence.text):
        return j.unsure("value.this_time")
    if sentence.text.rstrip().endswith("?"):
        # "Was this the first final to go to penalties?", "Didn't the agency promise 3,000 homes?": a
        # question asserts nothing (an explainer's answer follows it)
        return j.unsure("value.question")
    head = sentence.text[max(0, r.start - sentence.start - 45) : r.start - sentence.start]
    tail = sentence.text[r.end - sentence.start : r.end - sentence.start + 25]
    if _CORRECTED.match(tail):
        return j.unsure("value.corrected")
    if _contrasted_re().search(head):
        return j.unsure("value.contrasted")
    if isinstance(r.value, DateValue) and _until_re().search(head):
        # "the access road stayed blocked until Saturday, 7 August": the end of something that lasted,
        # not the day the event happened
        return j.unsure("value.until")
    if (isinstance(r.value, TimeValue) and _TIMESTAMP_AFTER.match(tail)
            and not sentence.text[: r.start - sentence.start].strip(_BULLETS)):
        # "10:32 ET — The ministry said ...", "21:15 The coach urges ...": a live blog's clock
        # stamp dates the entry; what the entry tells may have happened earlier (a timeline's date
        # stamp, "Nov. 16 — Liftoff", is the event's date and stays; and only a clock time is a
        # stamp: "England won on penalties." opening a line is what the entry tells)
        return j.unsure("value.timestamp")
    if isinstance(r.value, DateValue) and home is not None and (
            _far_zone_before(head, home) or _other_zone_day(head, tail_of(sentence, r, 60), home)):
        return j.unsure("value.far_zone_date")
    if _weekday_only(r) and (_day_span_re().search(head)
                             or _day_span_after_re().match(sentence.text, r.end - sentence.start)):
        # "the night of Friday to Saturday", "Friday night into Saturday": the event spans both days
        return j.unsure("value.day_span")
    if _negated_re().search(head):
        return j.unsure("value.negated")
    if _plans_re().search(head) or (_STAMP_LEAD.fullmatch(head)
                                    and _planned_entry_re().match(tail_of(sentence, r, 80))):
        # ... or a timeline's stamp whose entry is a plan ("06:10 WIB (23:10 UTC Sun) - Scheduled
        # departure.", "19:00 — Scheduled start"): the time planned, not the time it happened
        return j.unsure("value.planned")
    if _since_re().search(head):
        return j.unsure("value.since_then")
    if later and _present_re().search(head):
        # "Florida, which now carries 29 electoral votes" in a column of twenty years on
        return j.unsure("value.present_day")
    if later and _writing_present_re().search(sentence.text, 0, r.start - sentence.start):
        # "Today the prime minister is ...", "This July, Labour won 411 seats" in a column of years
        # on: the writing's present, not the story's
        return j.unsure("value.writing_present")
    if (not isinstance(r.value, (DateValue, TimeValue)) and _future_re().search(head)
            and _IN_YEAR.match(sentence.text, r.end - sentence.start)):
        # "Florida will carry 27 electoral votes in 2004", "the stadium will seat 45,000 by 2026": a
        # figure of a year still to come, not the event's
        return j.unsure("value.future_year")
    if _weekday_only(r) and _future_re().search(head):
        # "The Coromandel Express itself shall run again from Wednesday": a weekday still to come
        # is another moment than the event's (a full date stays: "will go on sale on Friday, Sept.
        # 23" of a launch is the sale's date, and a wrong one is wrong)
        return j.unsure("value.future")
    if not isinstance(r.value, str) and (
            _forecast_re().search(sentence.text, max(0, r.start - sentence.start - 70), r.start - sentence.start)
            or _FORECAST_AFTER.match(tail)):
        # "Expected wave height: 0.5 to 3 metres", "a queue of 450 ships is forecast": a predicted
        # figure (not a name or a place: "Edson Fachin is expected to speak")
        return j.unsure("value.forecast")
    return j


# the value's phrase, then "in/by <year>" ("27 electoral votes in 2004")
_IN_YEAR = regex.compile(r"[^.;:!?()\d]{0,30}?\b(?:in|by|from)\s+(?:19|20)\d\d\b", regex.IGNORECASE)


@cache
def _future_re() -> regex.Pattern[str]:
    return words_re("future_markers")


@cache
def _present_re() -> regex.Pattern[str]:
    return words_re("present_markers")


@cache
def _forecast_re() -> regex.Pattern[str]:
    """A word of a forecast (`forecasts` in en.yaml), not "as expected", "than expected"."""
    return regex.compile(rf"(?<![\p{{L}}])(?<!\b(?:as|than)\s)(?:{alternation(lang().data['forecasts'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


# the value's phrase, then "is forecast", "are expected" ("a queue of 450 ships is forecast")
_FORECAST_AFTER = regex.compile(
    r"[^.;:!?()\d]{0,20}?\b(?:is|are|was|were)\s+(?:forecast|expected|predicted)\b", regex.IGNORECASE)


@cache
def _writing_present_re() -> regex.Pattern[str]:
    """A sentence, or a clause after ";" or a dash, opening on a word of the writing's time
    (`present_openers` in en.yaml; "this", "last", "earlier this" before a month or a season)."""
    lg = lang()
    months = [str(m) for m in lg.months if len(str(m)) > 3]
    moments = alternation([*months, *lg.data["present_opener_seasons"]])
    openers = alternation(lg.data["present_openers"])
    opener = rf"(?:{openers}|(?:this|last|earlier\s+this)\s+(?:{moments}))"
    return regex.compile(rf"(?:^|[;—–]|\s-\s)[\s\W]*{opener}(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _since_re() -> regex.Pattern[str]:
    return words_re("since_markers")


@cache
def _planned_entry_re() -> regex.Pattern[str]:
    """After a line's stamp (its other clocks in brackets, a dash or colon), an entry opening on a
    word of plan (en.yaml `plan_entry_openers`)."""
    words = alternation(lang().data["plan_entry_openers"])
    return regex.compile(rf"[^\S\n]*(?:\([^()\n]{{0,40}}\)|[^()\n]{{0,20}}\))?[^\S\n]*[-–—:|][^\S\n]*(?:{words})"
                         r"(?![\p{L}])", regex.IGNORECASE)


@cache
def _plans_re() -> regex.Pattern[str]:
    return words_re("plans")


@cache
def _negated_re() -> regex.Pattern[str]:
    return words_re("negations")


@cache
def _day_span_after_re() -> regex.Pattern[str]:
    days = alternation(lang().weekdays)
    return regex.compile(rf"(?:\s+(?:night|evening))?\s*(?:to|into|through|-|–|/)\s*(?:{days})(?![\p{{L}}])",
                         regex.IGNORECASE)


@cache
def _day_span_re() -> regex.Pattern[str]:
    days = alternation(lang().weekdays)
    # ... and a translation's "in the night to Thursday" ("in der Nacht zu Donnerstag", "la nuit de
    # mercredi à jeudi"): the night before that day, so the evening of the day before too
    return regex.compile(rf"(?<![\p{{L}}])(?:(?:{days})(?:\s+(?:night|evening))?\s*(?:to|into|and|through|-|–|/)"
                         rf"|night\s+(?:to|before|into))\s*$", regex.IGNORECASE)


def _far_zone_before(head: str, home: float) -> bool:
    """A clock time in a zone far from the event's own (`home`, hours from UTC) right before a date
    ("2:00am AEDT on Wednesday" about an event in Washington): the date may be that zone's."""
    from factcheck.kinds.time import read_times

    times = read_times(head[-30:])
    return any(t.value.offset_h is not None and abs(t.value.offset_h - home) > tune("far_zone_hours")
               for t in times)


def tail_of(sentence: Sentence, r: Reading, width: int) -> str:
    return sentence.text[r.end - sentence.start : r.end - sentence.start + width]


def _other_zone_day(head: str, tail: str, home: float) -> bool:
    """A clock time in another zone beside a date, at an hour that is another day in the event's
    own zone (`home`, hours from UTC): "in the night to Friday around 1.40 o'clock German time" about
    a verdict at 19:40 in New York on Thursday. The date may be that zone's."""
    from factcheck.kinds.time import read_times

    for t in read_times(head[-30:]) + read_times(tail):
        off = t.value.offset_h
        if off is None or off == home:
            continue
        there = t.value.local + round((home - off) * 60)
        if not 0 <= there < 1440:
            return True
    return False


def _weekday_only(r: Reading) -> bool:
    return isinstance(r.value, DateValue) and r.value.day is None and r.value.weekday is not None


def _near_ok(fact: Fact, r: Reading, sentence: Sentence, converted: bool = True) -> bool:
    """Is one of the fact's `near` patterns closely before the value, or the noun right after it ("at
    the 4 p.m. close", "a $51 offer price"; not "$56.10 and closed at $63.59", nor after a comma)?
    A clock time that gives the same instant on another clock, right after one that is near the cue
    ("polls closed at 4 p.m. local time (10:00 CET)"), is near it too."""
    if near_before(fact, r, sentence):
        return True
    tail = sentence.text[r.end - sentence.start : r.end - sentence.start + 80]
    if tail[:1].isspace() and any(m.start() == 1 for p in fact.near for m in p.finditer(tail)):
        return True
    # past the value's conversion in brackets, or out of the brackets it is: "5 km (3 miles) deep",
    # "5 miles (8 km) below the surface"
    aside = _FIGURE_ASIDE.match(tail)
    if aside and any(m.start() == aside.end() for p in fact.near for m in p.finditer(tail)):
        return True
    if (stamp_cue(fact, r, sentence) or row_stamp_cue(fact, r, sentence) or opening_cue(fact, r, sentence)
            or copula_cue(fact, r, sentence)):
        return True
    if converted and fact.kind == "time" and zone_in(r.text):
        before = [t for t in read_times(sentence.text, sentence.start) if t.end <= r.start]
        if before and _CONVERSION_GAP.fullmatch(sentence.text[before[-1].end - sentence.start:
                                                                                  r.start - sentence.start]):
            return _near_ok(fact, before[-1], sentence, converted=False)
    return False


def near_before(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Does one of the fact's `near` patterns end closely before the value (`near_window`,
    `near_tail` in rules.yaml)?"""
    head = sentence.text[max(0, r.start - sentence.start - _near_window()) : r.start - sentence.start]
    return any(m.end() >= len(head) - _near_tail() for p in fact.near for m in p.finditer(head))


def stamp_cue(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Is the value a timeline line's stamp with one of the fact's `near` cues opening the entry after
    the dash ("4 July 2024 (Thu), 07:00 — Polls open")?"""
    if r.start - sentence.start > _STAMP_HEAD or not fact.near:
        return False
    tail = sentence.text[r.end - sentence.start : r.end - sentence.start + 80]
    dash = _STAMP_DASH.match(tail)
    return dash is not None and any(dash.end() <= m.start() <= dash.end() + _near_tail()
                                    for p in fact.near for m in p.finditer(tail))


def row_stamp_cue(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Is the value one clock of a timeline line's stamp row, one instant on several clocks ("c. 10:20
    p.m. ET | 03:20 BST (Sat) | 1:20 p.m. AEST (Sat): Williams nets a forehand on the sixth match
    point"), with one of the fact's `near` cues in the entry's first clause after the row?"""
    if not fact.near or fact.kind != "time":
        return False
    text = sentence.text
    a, b = r.start - sentence.start, r.end - sentence.start
    if not _ROW_HEAD.fullmatch(text, 0, a):
        return False
    rest = _ROW_REST.match(text, b)
    if rest is None or not (_ROW_SEPARATED.search(text, 0, a) or _ROW_SEPARATED.search(rest.group(0))):
        return False  # (a row: at least two clocks joined by bars or slashes)
    entry = _FIRST_CLAUSE.match(text, rest.end())
    return entry is not None and any(p.search(entry.group(0)) for p in fact.near)


# a stamp row before the value: bullets, "c.", and clocks with their zones and days, each closed by a bar
# or slash ("- c. 10:20 p.m. ET | 03:20 BST (Sat) | ")
_ROW_CLOCK = (r"\d{1,2}(?:[:.h]\d\d)?[^\S\n]*(?:[ap]\.?[^\S\n]?m\.?)?[^\S\n]*(?:\p{Lu}{2,5})?[^\S\n]*"
              r"(?:\((?:\p{Lu}\p{Ll}{1,8}\.?|\d{1,2}[^\S\n]\p{Lu}\p{Ll}{2}|\p{Lu}\p{Ll}{2}[^\S\n]\d{1,2})\))?[^\S\n]*")
_ROW_HEAD = regex.compile(r"[\s*•·\-–—>#]*(?:(?:c\.|ca\.|about|approx\.)[^\S\n]*)?(?:" + _ROW_CLOCK + r"[|/][^\S\n]*)*",
                          regex.IGNORECASE)
# the rest of the row after the value, to the colon or dash that opens the entry
_ROW_DAY = r"\((?:\p{Lu}\p{Ll}{1,8}\.?|\d{1,2}[^\S\n]\p{Lu}\p{Ll}{2}|\p{Lu}\p{Ll}{2}[^\S\n]\d{1,2})\)"
_ROW_REST = regex.compile(r"[^\S\n]*(?:" + _ROW_DAY + r")?"
                          r"[^\S\n]*(?:[|/][^\S\n]*" + _ROW_CLOCK + r")*(?::|[—–]|[^\S\n]-)[^\S\n]*")
_ROW_SEPARATED = regex.compile(r"[|/]")
_FIRST_CLAUSE = regex.compile(r"[^.;\n]{1,120}")


def copula_cue(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Is one of the fact's `near` cues the subject whose copula stands right before the value ("The
    kick-off at the Anfield Road was at 20 o'clock MESZ", "the landing on the lake's ice was at 16:05"),
    a few words of its own phrase between them, no clause break?"""
    head = sentence.text[max(0, r.start - sentence.start - 80) : r.start - sentence.start]
    cop = _COPULA_END.search(head)
    if cop is None:
        return False
    subject = head[: cop.start()]
    for p in fact.near:
        for m in p.finditer(subject):
            between = subject[m.end() :]
            if len(between.split()) <= _COPULA_WORDS and not _COPULA_BREAK.search(between):
                return True
    return False


# a copula right before the value ("was at", "is set for", "came at") and what may stand between the
# cue and it: a few words of the subject's own phrase ("at the Anfield Road"), no verb of its own
_COPULA_END = regex.compile(r"\s(?:was|is|were|will\s+be|had\s+been|has\s+been|came)\s+"
                            r"(?:(?:at|set\s+for|scheduled\s+for|fixed\s+for|for|around|about)\s+)?\Z")
_COPULA_WORDS = 5
_COPULA_BREAK = regex.compile(r"[,;:()—–]|\b(?:and|but|which|that|who|when|after|before|while)\b",
                              regex.IGNORECASE)


def opening_cue(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Does the value open its sentence ("At 12:02 p.m. (1102 GMT) the Archbishop lowered the
    crown", "Shortly after 10 a.m., the jury returned") with one of the fact's `near` cues later in
    its first 80 characters? Such a value is bound only loosely (`fact.near_after`): the cue may be
    another moment's ("At 9 a.m. guests took their seats, hours before he was crowned")."""
    if not fact.near or fact.kind not in ("time", "date"):
        return False
    if not _OPENING.fullmatch(sentence.text[: r.start - sentence.start]):
        return False
    tail = sentence.text[r.end - sentence.start : r.end - sentence.start + 80]
    return any(p.search(tail) for p in fact.near)


_OPENING = regex.compile(r"\W*(?:(?:at|by|around|about|shortly\s+after|just\s+after|soon\s+after|"
                         r"shortly\s+before|just\s+before|on|from)\s+)?", regex.IGNORECASE)


# after a value, a bracket with a figure in it ("(3 miles)"), or the bracket the value closes, then
# one space: a `near` cue right after it is as right after the value
_FIGURE_ASIDE = regex.compile(r"(?:\s*\((?=[^()\n]*\d)[^()\n]{1,30}\)|\))\s")


# a timeline line's stamp: the value heads the line (after its date), then a dash and the entry
_STAMP_HEAD = 30
_STAMP_DASH = regex.compile(r"\s*(?:\([^)\n]{1,24}\)\s*)?(?:[—–|:]|\s-)\s*")


# between a clock time and the same instant on another clock: "4 p.m. (0800 GMT)", "13h35 local hour,
# or 14h35 in Paris", "9 a.m. ET / 1400 GMT"
_CONVERSION_GAP = regex.compile(r"\s*(?:(?:[(\[,/–—]|--?)\s*)?"
                                r"(?:(?:or|i\.e\.|that\s+is|that['’]s|which\s+(?:is|was)|which['’]s)\s+)?",
                                regex.IGNORECASE)


def _reported_on(fact: Fact, r: Reading, sentence: Sentence, own: Sequence[Pattern] = ()) -> bool:
    """A date right after a reporting verb ("said on Monday") is the day of the statement; but not
    when the verb is one of the event's own words (`own`): an event that is a publication or a
    release ("the report, published on Aug. 6", "the update, released at 04:09 UTC")."""
    if fact.kind not in ("date", "time") or fact.near:
        return False
    head = sentence.text[max(0, r.start - sentence.start - _near_window()) : r.start - sentence.start]
    m = reporting_re().search(head)
    if m is None:
        # a reporting verb around its object, the value inside it ("the palace had made the death at
        # 19.30 o'clock public", "made the result known on Monday")
        a, b = r.start - sentence.start, r.end - sentence.start
        return any(x.start("obj") <= a and b <= x.end("obj") for x in _split_reporting_re().finditer(sentence.text))
    # the verb inside one of the event's own words ("the figures were published on ...")
    return not any(o.start() < m.end() and m.start() < o.end() for p in own for o in p.finditer(head))


@cache
def _split_reporting_re() -> regex.Pattern[str]:
    """A reporting verb in two parts around its object: "made ... public", "made ... known"."""
    d = lang().data["reporting_split"]
    obj = r"(?P<obj>(?:[^.;:!?]|(?<=\d)[.:](?=\d)){1,60}?)"  # "19.30" stays in it
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['heads'])})\s+{obj}\s+"
                         rf"(?:{alternation(d['tails'])})(?![\p{{L}}])", regex.IGNORECASE)


def _excluded_near(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """An `exclude_near` cue just before the value ("ended at 16:25") takes it from the fact."""
    if not fact.exclude_near:
        return False
    head = sentence.text[max(0, r.start - sentence.start - _near_window()) : r.start - sentence.start]
    return any(m.end() >= len(head) - _near_tail() for p in fact.exclude_near for m in p.finditer(head))
