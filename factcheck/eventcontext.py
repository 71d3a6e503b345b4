"""Where a value stands against the base's events in time: another event's date or day, a
timeline line stamped with another day, a date far from the event's, a live blog's day line. The
questions the checker's passes ask before accusing (a mixin of factcheck/check.py `_Checker`)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from functools import cache, cached_property
from typing import Any

import regex

from factcheck.bind import MEDIUM, STRONG, Binding
from factcheck.checkstate import CheckState
from factcheck.entries import Entries, TimelineStamp, entries, line_stamp, stamp_above, stamp_span, timeline_stamps
from factcheck.factbase.model import Fact
from factcheck.judging import judge
from factcheck.kinds import Context, Reading
from factcheck.kinds.date import DateValue, counted_shift_re, read_dates, shift_count
from factcheck.kinds.time import TimeValue, Zone, header_zone, read_times, zone_offsets
from factcheck.lang import alternation, lang
from factcheck.prefilter import per_base
from factcheck.rules import tune
from factcheck.segment import Sentence


def _names_alias(text: str, aliases: tuple[str, ...]) -> bool:
    """Does `text` name one of the aliases, as a whole word with its capitals?"""
    return any(regex.search(rf"(?<![\p{{L}}\d]){regex.escape(a)}(?![\p{{L}}\d])", text) for a in aliases if a)


def _folded(name: str) -> str:
    """A place's name with letter case, accents and spacing set aside ("Sao Paulo", "São  Paulo")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _place_parts(place: str) -> list[str]:
    """A declared place and its parts of a capitalised word of four letters or more ("St George's
    Chapel, Windsor" -> itself, "St George's Chapel", "Windsor")."""
    parts = [place, *regex.split(r",\s*|\s+and\s+", place)]
    return [p.strip() for p in dict.fromkeys(parts) if regex.search(r"\p{Lu}\p{L}{3,}", p)]


def _place_table(fb: Any) -> tuple[dict[str, tuple[str, ...]], Any]:
    """Each event's declared place parts, folded, and one pattern that finds any of them as whole
    words in folded text (None when no event declares a place): built once per base."""
    parts = {e.id: tuple(dict.fromkeys(_folded(p) for p in _place_parts(e.place)))
             for e in fb.events.values() if e.place}
    words = sorted({f for fs in parts.values() for f in fs}, key=len, reverse=True)
    if not words:
        return parts, None
    return parts, regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}])")


def _story_span(fb: Any) -> tuple[dt.date, dt.date] | None:
    """The story's first and last days: the dates of its events that have facts (not those a base
    declares without facts, to keep another moment's figures away: an earlier mission, a later
    visit) and its date facts' full days."""
    with_facts = {f.event for f in fb.facts}
    days = [e.date for e in fb.events.values() if e.date is not None and e.id in with_facts]
    for f in fb.facts:
        v = f.value
        if f.kind == "date" and isinstance(v, DateValue) and v.year and v.month and v.day:
            days.append(dt.date(v.year, v.month, v.day))
    return (min(days), max(days)) if days else None


#: kinds whose value a year beside it ties to another occurrence (rule value.other_year): a place
#: (venues recur: finals, summits, launches); not a figure, which may be the fact's own of that year
#: ("$157.4bn of deposits at the end of 2022", "a tower built in 1974 stood 67 metres tall")
OTHER_YEAR_KINDS = frozenset({"place"})


@cache
def _year_beside_re() -> regex.Pattern[str]:
    """A year as a sentence writes it of an occurrence: "in 2015", "the 2015 final", "2015's"."""
    before = alternation(lang().data["year_before"])
    return regex.compile(rf"(?:(?<![\p{{L}}])(?:{before})\s+(?P<y>(?:19|20)\d\d)|(?P<y>(?:19|20)\d\d)(?=['’]s))"
                         r"(?![\p{L}\p{N}]|[.,]\d)", regex.IGNORECASE)


@cache
def _told_later_units() -> dict[str, int]:
    """Days in each unit of en.yaml `told_later` ("weeks": 7)."""
    return {str(k).lower(): int(v) for k, v in lang().data["told_later"]["units"].items()}


def _told_later(head: str) -> bool:
    """Does `head` (a sentence up to a value) say that what follows is at least `later_relative_days`
    after the moment told before ("Six weeks later", "A year on")?"""
    if "later" not in head and " on" not in head and "after" not in head:
        return False
    units = _told_later_units()
    for m in counted_shift_re("told_later", 99).finditer(head):  # "six weeks later", "a year on"
        if shift_count(m) * units[m.group("u").lower()] >= tune("later_relative_days"):
            return True
    return False


def _first_day(v: DateValue, year: int) -> dt.date:
    """The first day a date mention can mean (its year, else `year`; its day, else the 1st)."""
    try:
        return dt.date(v.year or year, v.month or 1, v.day or 1)
    except ValueError:
        return dt.date(v.year or year, v.month or 1, 1)


def _utc_instant(v: Any) -> tuple[dt.datetime, Zone] | None:
    """A time fact's instant in UTC, with its zone, when its day and zone are known."""
    if not isinstance(v, TimeValue) or v.day is None or v.zone is None:
        return None
    offsets = zone_offsets(v.zone, v.day, v.local)
    if len(offsets) != 1:
        return None
    local = dt.datetime(v.day.year, v.day.month, v.day.day) + dt.timedelta(minutes=v.local + v.lo)
    return local - dt.timedelta(minutes=next(iter(offsets))), v.zone


def _found(part: str, named: set[str]) -> bool:
    """Was `part` among the matches, itself or as the whole-word start of a longer part matched at
    the same place (the alternation gives one match per position, the longest)?"""
    return part in named or any(len(m) > len(part) and m.startswith(part) and not m[len(part)].isalpha()
                                for m in named)


# a year alone, then a "when" clause that holds the value ("in 1976, when the official toll was 242,769"):
# the value is that year's
# a sentence opening on a year ("In 1994 they lost the final itself to Brazil, 3-2 on penalties"):
# its values are that year's while no other year follows
_YEAR_OPENING = regex.compile(r"\W*(?:(?:Back|Already|Earlier)\s+)?In\s+((?:1[5-9]|20)\d\d)(?!\d)")
_YEAR = regex.compile(r"(?<![\d\p{L}])((?:1[5-9]|20)\d\d)(?!\d)")
# (a translation's "where": "since Tangshan 1976, where more than 240.000 humans died")
_YEAR_WHEN = regex.compile(r"(?<![\d\p{L}])((?:1[5-9]|20)\d\d)\s*,\s*(?:when|where)\s[^,;:.()]*$")


class EventContext(CheckState):
    def _month_shared(self, fact: Fact) -> bool:
        """Does another event of the base fall in the month of the fact's date?"""
        v = fact.value
        if getattr(v, "year", None) is None or getattr(v, "month", None) is None:
            return False
        months = per_base(self.fb, "event_months", lambda: Counter(
            (e.date.year, e.date.month) for e in self.fb.events.values() if e.date is not None))
        return months[(v.year, v.month)] > 1

    def _after_another_event(self, sentence: Sentence, ev: str) -> bool:
        """Does the sentence before, in the same paragraph, name another event of the base, one it
        declares without facts, and bind no clause to `ev`?"""
        if sentence.index == 0:
            return False
        before = self.doc.sentences[sentence.index - 1]
        bindings = self.bindings.get(before.index)
        if before.paragraph != sentence.paragraph or not bindings:
            return False
        if any(ev in bd.candidates for bd in bindings):
            return False
        # (an event the base declares without facts: one whose figures it keeps away from the story's)
        return any(bd.level_of(e) >= STRONG and not self.by_event.get(e) for bd in bindings for e in bd.candidates)

    def _alternate_weekday(self, r: Reading, fact: Fact, sentence: Sentence, b: Binding) -> bool:
        loose = Context(self.doc)  # no anchors: any date may be meant
        return any(judge(r, f, sentence, loose).verdict == "agree"
                   for e in b.alternates for f in self.by_event[e] if f.kind == fact.kind and not f.near)

    def _another_events_date(self, v: DateValue, event_id: str) -> set[str]:
        """The other events whose date the date, read in full, is exactly."""
        return {e.id for e in self.fb.events.values()
                if e.id != event_id and e.date is not None and e.date.month == v.month and e.date.day == v.day
                and (v.year is None or v.year == e.date.year)}

    def _another_events_place(self, r: Reading, event_id: str) -> str | None:
        """The id of another event of the base whose declared `place` is the place read (letter
        case, accents and spacing aside), unless it is this event's place too."""
        said = {_folded(r.text), _folded(str(r.value))}
        this = self.fb.events[event_id].place
        if this is not None and _folded(this) in said:
            return None
        return next((e.id for e in self.fb.events.values()
                     if e.id != event_id and e.place and _folded(e.place) in said), None)

    def _names_anothers_place(self, text: str, event_id: str) -> str | None:
        """The id of another event whose declared `place` (or a part of it: "St George's Chapel,
        Windsor") the text names, when this event declares none or not that one."""
        parts, said = per_base(self.fb, "place_parts", lambda: _place_table(self.fb))
        if said is None:
            return None
        named = {m.group() for m in said.finditer(_folded(text), overlapped=True)}
        if not named:
            return None
        mine = set(parts.get(event_id, ()))
        for e, folded in parts.items():
            if e != event_id and any(f not in mine and _found(f, named) for f in folded):
                return e
        return None

    def _near_events_day(self, v: Any, event_id: str, days: int, text: str) -> bool:
        """Is the date (or weekday) read that of another event of the base within `days` of this one,
        and may the sentence be about it (it names no party of this event that the other lacks:
        "Alcaraz won the final on Saturday" is the men's final's, not the women's of that day)?"""
        this = self.fb.events[event_id]
        d = this.date
        if not isinstance(v, DateValue) or d is None:
            return False
        for e in self.fb.events.values():
            if e.id == event_id or e.date is None or e.date == d or abs((e.date - d).days) > days:
                continue
            if any(_names_alias(text, self.fb.parties[p].aliases)
                   for p in set(this.parties) - set(e.parties) if p in self.fb.parties):
                continue
            if v.month and v.day:
                if (e.date.month, e.date.day) == (v.month, v.day) and v.year in (None, e.date.year):
                    return True
            elif v.weekday is not None and not v.month and v.weekday == e.date.weekday():
                return True
        return False

    def _sentence_binds_event_of_day(self, sentence: Sentence, v: DateValue, event_id: str) -> bool:
        """Does a clause of the sentence bind, firmly (level >= MEDIUM), another event of the base
        whose date is exactly the full date read, or, for a weekday alone, another event of that
        weekday less than a week from this one ("The subway has now been shut for 24 hours: trains
        stopped running at 7 p.m. Sunday", a closure on Sunday, about a restart on Thursday)?"""
        own = self.fb.events[event_id].date if event_id in self.fb.events else None
        weekday_only = v.weekday is not None and not (v.month and v.day)
        if weekday_only and own is None:
            return False
        for bd in self.bindings.get(sentence.index, ()):
            for e in bd.candidates:
                d = self.fb.events[e].date if e in self.fb.events else None
                if e == event_id or d is None or bd.level_of(e) < MEDIUM:
                    continue
                if weekday_only:
                    if own is not None and d.weekday() == v.weekday and 0 < abs((d - own).days) < 7:
                        return True
                elif (d.month, d.day) == (v.month, v.day) and v.year in (None, d.year):
                    return True
        return False

    def _dated_elsewhere(self, sentence: Sentence, event_id: str) -> bool:
        """Does the sentence give a full date far from the event's, and none near it? Or does the
        timeline line it is on start with a stamp of another day ("15 August (Tue) — Semi-final:
        ... Sentence two of that line."), or stand in a chronology's entry whose stamp above it
        ("5 May 2003", "June–November 2016") is not the event's day?"""
        d = self.fb.events[event_id].date
        if d is None:
            return False
        span = self._stamp_span(sentence, d.year)
        if span is not None and not span[0] - dt.timedelta(days=1) <= d <= span[1] + dt.timedelta(days=1):
            return True  # a timeline's line is one moment: another day than the event's
        days = []
        for r in read_dates(sentence.text, sentence.start):
            v = r.value
            if v.month and v.day and self._anothers_named_date(sentence, r.start, v.year, v.month, v.day, event_id):
                continue  # "... since the Sept. 19, 1985 disaster": another event's own day, named
            if v.month and v.day:
                try:
                    days.append(abs((dt.date(v.year or d.year, v.month, v.day) - d).days))
                except ValueError:
                    continue
        return bool(days) and min(days) > tune("far_event_days")

    def _anothers_named_date(self, sentence: Sentence, at: int, year: int | None, month: int, day: int,
                             event_id: str) -> bool:
        """Is the date at `at` in a clause that names one other event of the base, alone, whose own
        date it is ("drills held every year since the Sept. 19, 1985 disaster")? It dates that event,
        not the sentence."""
        for g, bd in zip(sentence.segments, self.bindings.get(sentence.index, ())):
            if not g.start <= at < g.end:
                continue
            if len(bd.candidates) != 1 or bd.candidates[0] == event_id:
                return False
            e = bd.candidates[0]
            d = self.fb.events[e].date if e in self.fb.events else None
            return (d is not None and "event.named" in bd.why.get(e, ()) and (d.month, d.day) == (month, day)
                    and year in (None, d.year))
        return False

    def _line_far_from_events(self, sentence: Sentence) -> bool:
        """Does the sentence stand on a timeline line stamped with a full date (or in a chronology's
        entry stamped with a span) far from every dated event of the base (so its figures are
        another moment's)?"""
        dates = [e.date for e in self.fb.events.values() if e.date is not None]
        if not dates or (self._line_stamp(sentence) is None and self._timeline_stamp(sentence) is None):
            return False
        far = dt.timedelta(days=tune("far_event_days"))
        for d in dates:
            span = self._stamp_span(sentence, d.year)
            if span is None or span[0] - far <= d <= span[1] + far:
                return False
        return True

    def _narrated_later(self, sentence: Sentence, r: Reading) -> bool:
        """Is the value told in a passage dated well after the story ("... in the snap election of 23
        February 2025 his party fell to 16.4 per cent. ... turnout, at 82.5 per cent, was the
        highest"; "the rotation flights that followed, starting with Crew-1 that November, turned six
        months in orbit into ...")? The date nearest before the value (in its sentence; when the
        sentence has no date, the last of the nearest sentence before it in the same paragraph, two
        at most) falls more than `later_narrative_days` after the story's last day
        (its events' dates and its date facts' days). A date without its year is taken in the year of
        the story's first day (so "25 December" of a story from December to July is its own). So is a
        value after "six weeks later", "a month later" in its sentence (a later moment, counted from
        the one told before: at least `later_relative_days`)."""
        if isinstance(r.value, DateValue):
            return False
        if _told_later(sentence.text[: max(0, r.start - sentence.start)]):
            return True  # "Six weeks later he produced an unbeaten 135": a later moment's figure
        span = per_base(self.fb, "story_span", lambda: _story_span(self.fb))
        if span is None:
            return False
        first, end = span
        own = [d for d in read_dates(sentence.text, sentence.start) if d.value.month]
        before = [d for d in own if d.end <= r.start]
        if own and not before:
            return False  # the sentence dates what follows the value ("..., only released in July")
        nearest = before[-1] if before else None
        k = sentence.index
        while nearest is None and k > 0 and sentence.index - k < 2:
            k -= 1
            prev = self.doc.sentences[k]
            if prev.paragraph != sentence.paragraph:
                break
            dates = [d for d in read_dates(prev.text, prev.start) if d.value.month]
            nearest = dates[-1] if dates else None
        if nearest is None:
            return False
        return _first_day(nearest.value, first.year) > end + dt.timedelta(days=tune("later_narrative_days"))

    def _narrated_earlier(self, sentence: Sentence, r: Reading) -> bool:
        """Is the value told of a moment long before the story: its sentence's full date nearest
        before it (day, month and year written) falls more than `earlier_narrative_days` before the
        story's first day ("The Wrights' first flight, at Kitty Hawk on Dec. 17, 1903, ... covered 120
        feet" in a story of 2021)? Only the sentence's own dates count, and only full ones: a year
        alone ("since 2015") may head a figure of the story's own time, unless a "when" clause after
        it holds the value ("since Tangshan in 1976, when the official toll was 242,769") or the
        sentence opens on it, no later year before the value ("In 1994 they lost the final ...")."""
        if isinstance(r.value, DateValue) or not regex.search(r"(?:1[5-9]|20)\d\d", sentence.text):
            return False
        span = per_base(self.fb, "story_span", lambda: _story_span(self.fb))
        if span is None:
            return False
        when = _YEAR_WHEN.search(sentence.text, 0, r.start - sentence.start)
        if when is not None and int(when.group(1)) < span[0].year - 1:
            return True  # "since Tangshan in 1976, when the official toll was 242,769"
        if self.opens_on_old_year(sentence, r):
            return True  # "In 1994 they lost the final itself to Brazil, 3-2 on penalties"
        before = [d for d in read_dates(sentence.text, sentence.start) if d.end <= r.start]
        if not before:
            return False
        v = before[-1].value
        if not (v.year and v.month and v.day):
            return False
        try:
            day = dt.date(v.year, v.month, v.day)
        except ValueError:
            return False
        return day < span[0] - dt.timedelta(days=tune("earlier_narrative_days"))

    def opens_on_old_year(self, sentence: Sentence, r: Reading) -> bool:
        """Does the value's sentence open on a year long before the story ("In 1994 they lost the
        final itself to Brazil, 3-2 on penalties"), no later year before the value? The sentence
        dates itself: even a clause naming the event (by a name such events share, "the final")
        tells of that year's."""
        opening = _YEAR_OPENING.match(sentence.text)
        if opening is None or opening.end() > r.start - sentence.start or isinstance(r.value, DateValue):
            return False
        span = per_base(self.fb, "story_span", lambda: _story_span(self.fb))
        if span is None:
            return False
        years = [int(y) for y in _YEAR.findall(sentence.text, 0, r.start - sentence.start)]
        return all(y < span[0].year - 1 for y in years)

    def _other_year_beside(self, sentence: Sentence, r: Reading) -> bool:
        """Is the year written nearest the value, within `other_year_chars` of it in its sentence, a
        year outside the story's ("their loss to Australia in Melbourne in 2015", "lost the 2015
        final to Australia in Melbourne" in a story of 2019)? The value is that year's occurrence's,
        most likely. A year is four digits after "in", "the", "of", "during" ... (`year_before` in
        en.yaml) or before "'s"."""
        if isinstance(r.value, DateValue) or "19" not in sentence.text and "20" not in sentence.text:
            return False
        span = per_base(self.fb, "story_span", lambda: _story_span(self.fb))
        if span is None:
            return False
        width = int(tune("other_year_chars"))
        best: tuple[int, int] | None = None
        for m in _year_beside_re().finditer(sentence.text):
            a, b = sentence.start + m.start("y"), sentence.start + m.end("y")
            if r.start <= a < r.end:
                continue  # the value's own digits
            gap = r.start - b if b <= r.start else a - r.end
            if gap <= width and (best is None or gap < best[0]):
                best = (gap, int(m.group("y")))
        return best is not None and not span[0].year <= best[1] <= span[1].year

    def _line_of_other_event(self, sentence: Sentence, fact: Fact) -> bool:
        """Is the sentence on a timeline line (or in a chronology's entry) stamped with the day (the
        days) of another event than the fact's: for a fact of an event, any other event of that day;
        for a fact of no event, only events that have no facts of their own (the base declared them
        to keep their figures away)?"""
        if self._stamps_of(sentence) == (None, None):
            return False  # no stamp: the common case, asked before any event's
        on_day = [e for e in self.fb.events.values() if e.date is not None
                  and (span := self._stamp_span(sentence, e.date.year)) is not None and span[0] <= e.date <= span[1]]
        if not on_day or any(e.id == fact.event for e in on_day):
            return False
        return fact.event is not None or all(not self.by_event.get(e.id) for e in on_day)

    def _within_stamp(self, sentence: Sentence, v: DateValue, event_id: str) -> bool:
        """Is the date read inside the span that the stamp above its chronology entry gives ("in
        October" under "June–November 2016"): a date of the moment the entry tells of, not of the
        event?"""
        d = self.fb.events[event_id].date
        if d is None or not v.month or self._line_stamp(sentence) is not None:
            return False  # a line's own stamp is the value that dates it: it may well be wrong
        span = self._stamp_span(sentence, d.year)
        if span is None:
            return False
        for year in [v.year] if v.year else range(span[0].year, span[1].year + 1):  # no year: the stamp's
            try:
                first = dt.date(year, v.month, v.day or 1)
                last = dt.date(year, v.month, v.day) if v.day else dt.date(
                    year + (v.month == 12), v.month % 12 + 1, 1) - dt.timedelta(days=1)
            except ValueError:
                continue
            if span[0] <= first and last <= span[1]:
                return True
        return False

    @cached_property
    def _timeline(self) -> tuple[TimelineStamp, ...]:
        return timeline_stamps(self.doc)

    def _entry_heading(self, sentence: Sentence) -> str:
        st = self._timeline_stamp(sentence)
        return (self.doc.reading or self.doc.text)[st.start : st.end] if st is not None else ""

    def _timeline_stamp(self, sentence: Sentence) -> TimelineStamp | None:
        """The stamp above the chronology's entry the sentence is in ("5 May 2003" / "The site goes
        live."), when the document is a chronology of such stamps (factcheck/entries.py)."""
        return stamp_above(self._timeline, self.doc, sentence) if self._timeline else None

    def _stamp_span(self, sentence: Sentence, year: int) -> tuple[dt.date, dt.date] | None:
        """The days (first, last) the sentence's stamp gives: its line's own stamp, a day, or the
        stamp above its chronology entry, a day, a month, months or a year; `year` for a stamp
        without one."""
        stamp, above = self._stamps_of(sentence)
        if stamp is not None:
            if not (stamp.month and stamp.day):
                return None
            try:
                day = dt.date(stamp.year or year, stamp.month, stamp.day)
            except ValueError:
                return None
            return day, day
        if above is None:
            return None
        (y1, m1, d1), (y2, m2, d2) = above.first, above.last
        try:
            first = dt.date(y1 or year, m1 or 1, d1 or 1)
            end_year, end_month = y2 or year, m2 or 12
            if d2 is None:
                nxt = dt.date(end_year + (end_month == 12), end_month % 12 + 1, 1)
                return first, nxt - dt.timedelta(days=1)
            return first, dt.date(end_year, end_month, d2)
        except ValueError:
            return None

    def _stamps_of(self, sentence: Sentence) -> tuple[DateValue | None, TimelineStamp | None]:
        """The sentence's line stamp and, without one, its chronology stamp; read once per sentence
        (a contradiction may ask of every event of a big base)."""
        cache: dict[int, tuple[DateValue | None, TimelineStamp | None]] = self.__dict__.setdefault("_stamp_cache", {})
        got = cache.get(sentence.index)
        if got is None:
            line = self._line_stamp(sentence)
            got = cache[sentence.index] = (line, None if line is not None else self._timeline_stamp(sentence))
        return got

    def _line_stamp(self, sentence: Sentence) -> DateValue | None:
        """The date stamp heading the line a sentence is on (factcheck/entries.py `line_stamp`)."""
        return line_stamp(self.doc, sentence)

    def _wrong_year(self, v: DateValue, event_id: str) -> bool:
        """The event's day and month in another year ("7 December 2020" for 7 December 2021): a
        plain error, not another occurrence."""
        d = self.fb.events[event_id].date
        return d is not None and v.day == d.day and v.month == d.month and v.year not in (None, d.year)

    def _wrong_month(self, v: DateValue, event_id: str) -> bool:
        """The event's day and year in the month before or after ("11.03.1986" for 11 February 1986,
        "28 September 2022" for 28 October): a slipped month, not another occurrence."""
        d = self.fb.events[event_id].date
        return (d is not None and v.day == d.day and v.year in (None, d.year) and v.month is not None
                and abs(v.month - d.month) == 1)

    def _far_from_event(self, v: DateValue, event_id: str, days: int = 14) -> bool:
        d = self.fb.events[event_id].date
        if d is None or v.month is None:
            return False
        if v.day is None:
            # "April 1970" beside a November 2022 event; a month alone without a year is never far
            return v.year is not None and abs((v.year - d.year) * 12 + v.month - d.month) > 1
        try:
            read = dt.date(v.year or d.year, v.month, v.day)
        except ValueError:
            return False
        return abs((read - d).days) > days

    @cached_property
    def entries(self) -> Entries:
        return entries(self.doc)

    def _cue_fact_in_clause(self, fact: Fact, r: Reading, sentence: Sentence) -> str | None:
        """The id of a cue-bound fact (no event) of the same kind whose cue is in the value's clause
        and none of whose `exclude` patterns is, if any."""
        seg = next((g for g in sentence.segments if g.start <= r.start < g.end), None)
        if seg is None:
            return None
        for f in self.cue_facts:
            if f.kind == fact.kind and f.id != fact.id and any(p.search(seg.text) for p in f.cues) \
                    and not any(p.search(seg.text) for p in f.exclude):
                return f.id
        return None

    def _has_date_fact(self, ev: str) -> bool:
        """Does event `ev` have a fact of kind date in the base (which judges the day itself)?"""
        dated = per_base(self.fb, "events_with_date_facts",
                         lambda: frozenset(f.event for f in self.fb.facts if f.kind == "date" and f.event))
        return ev in dated

    def _clause_events(self, fact: Fact, sentence: Sentence) -> tuple[str, ...]:
        """The events a value of `fact` in `sentence` may be of: the fact's own, else every event
        bound in the sentence."""
        if fact.event:
            return (fact.event,)
        return tuple(sorted({e for b in self.bindings.get(sentence.index, ()) for e in b.candidates}))

    def _entry_before_event(self, events: set[str] | tuple[str, ...], sentence: Sentence) -> bool:
        """Is the sentence in a live-blog entry stamped, under a day line, `entry_before_minutes` or
        more before the earliest own time of every one of `events` (their facts of kind time: "15:00 -
        A magnitude 6.1 tremor shakes Donggala ... about ten injured" under "Friday 28 September", the
        quake at 18:02)? The entry tells of a moment before those events: its values are not theirs.
        The stamp's clock is on its own zone, else the blog's header zone, else the event's."""
        first = self.entries.stamp_of.get(sentence.paragraph) if self.entries.stamp_of else None
        span = stamp_span(first) if first is not None else None
        day = self.entries.day(sentence.start) if span is not None else None
        if span is None or day is None or not events:
            return False
        days = [d.value for d in read_dates(self.doc.text[day[0]:day[1]])]
        stamps = [t.value for t in read_times(self.doc.text[span[0]:span[1]]) if isinstance(t.value, TimeValue)]
        if not days or not stamps or not days[0].month or not days[0].day:
            return False
        earliest: dt.datetime | None = None
        zone: Zone | None = None
        for ev in events:
            own = [utc for f in self.fb.event_facts(ev, "time") if (utc := _utc_instant(f.value)) is not None]
            if not own:
                return False  # an event of no known time: the stamp cannot be weighed against it
            first_own = min(own, key=lambda t: t[0])
            if earliest is None or first_own[0] < earliest:
                earliest = first_own[0]
                zone = first_own[1]
        stamp = stamps[0]
        zone = stamp.zone or header_zone(self.doc.text) or zone
        if earliest is None or zone is None:
            return False
        year = days[0].year or earliest.year
        stamp_local = dt.datetime(year, days[0].month, days[0].day) + dt.timedelta(minutes=stamp.local)
        offsets = zone_offsets(zone, stamp_local.date(), stamp.local)
        if len(offsets) != 1:
            return False
        stamp_utc = stamp_local - dt.timedelta(minutes=next(iter(offsets)))
        return stamp_utc <= earliest - dt.timedelta(minutes=tune("entry_before_minutes"))

    def _blog_day_is(self, ev: str, pos: int) -> bool:
        """Is `pos` in a live-blog entry under a day line that gives event `ev`'s date?"""
        day = self.entries.day(pos) if self.entries.stamp_of else None
        date = self.fb.events[ev].date if ev in self.fb.events else None
        if day is None or date is None:
            return False
        read = read_dates(self.doc.text[day[0]:day[1]])
        v = read[0].value if read else None
        return v is not None and v.month == date.month and v.day == date.day and v.year in (None, date.year)
