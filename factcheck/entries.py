"""The structure of a live blog: entries opened by a clock stamp, under day lines.

A live blog writes "14:20 — IT'S OVER. The last climber is out of the cave." and, above its
entries, a day ("Saturday 4 May 2024 · All times local", "Sunday 5 May"). The entry's
stamp is when the entry was written, which for a breaking entry is when the thing happened; the day
line dates every entry under it. Neither is said in the sentence that tells of the event, so the
checker uses them only to agree (rule `value.entry_stamp`): a stamp or a day that does not fit the
event's fact says nothing (the entry may recap an earlier step, or be posted late).

A chronology writes a date alone on a line and its entry on the line below ("Monday 13 June 2016" /
"The deal is announced before the US market opens"); its stamps may be a day, a month, months or
a year ("June–November 2016", "2002"). The stamp dates the whole entry: it may be the event's
date (rule `value.entry_stamp`, to agree only), and an entry stamped outside the event's day tells
of another moment (rule `event.dated_elsewhere`).

This module only finds where stamps and day lines are; the kinds read their values.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.kinds.date import DateValue, read_dates
from factcheck.kinds.time import header_zone
from factcheck.segment import Document, Sentence

# a clock stamp opening an entry: "15:05 —", "1:47 a.m. —", "04:11 GMT -", "18h30 |", "20:00 Polls ..." ...
# ... and the same moment on other clocks after it, a fact box's row ("08:07 HST / 18:07 UTC / 1:07
# p.m. EST — ..."): `t` is the first clock, `row` all of them
# (seconds too, "09:14:35 CEST / 07:14:35 UTC -"; clocks apart by a slash or a bar; a list's dash or
# bullet before the row, "- 08:29 CEST / 06:29 UTC - 5 km in 14:10"; a hedge before it, "about 05:28
# UTC / 22:28 PDT"; a clock's day in brackets after it, "22:31 PDT (Sun 5 Aug)")
_CLOCK = r"\d{1,2}(?:[:.h]\d\d)(?::\d\d)?(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?"
_STAMP = regex.compile(
    # ... or alone on its line, the entry below it ("17:26" / "Here it is: ...")
    rf"[ \t*•·>#]*(?:[-–]\s+)?(?:(?i:about|around|approx\.?|approximately|circa|ca\.|c\.)\s+|~\s*)?"
    rf"(?P<row>(?P<t>{_CLOCK})(?:\s*\([^()\n]{{1,20}}\))?(?:\s*[/|]\s*{_CLOCK}(?:\s*\([^()\n]{{1,20}}\))?)*)\s*"
    r"(?:[—–|]|-\s|$|(?-i:(?<=\s)(?=\p{Lu}\p{Ll})))",
    regex.IGNORECASE)
_MIN_STAMPS = 2  # a document with fewer stamped entries is no live blog
_DAY_LINE_WORDS = 14  # a day line is short: the date and perhaps "All times GMT · Refresh for updates"


@dataclass(frozen=True)
class Entries:
    """Per paragraph: the sentence whose opening stamp dates the entry, and the day line in force."""

    stamp_of: dict[int, Sentence]  # paragraph -> the entry's first sentence, which opens with a stamp
    days: tuple[tuple[int, int, int], ...]  # (offset of the day line, start, end of its date) in text order

    def stamp(self, sentence: Sentence) -> Sentence | None:
        """The stamped first sentence of `sentence`'s entry, when it is another sentence."""
        first = self.stamp_of.get(sentence.paragraph)
        return first if first is not None and first.index != sentence.index else None

    def day(self, pos: int) -> tuple[int, int] | None:
        """The span of the date of the day line in force at `pos` (the last one above it)."""
        found = None
        for at, a, b in self.days:
            if at > pos:
                break
            found = (a, b)
        return found


def stamp_span(sentence: Sentence) -> tuple[int, int] | None:
    """The span (in the document) of the clock stamp that opens `sentence`, if any."""
    m = _STAMP.match(sentence.text)
    return (sentence.start + m.start("t"), sentence.start + m.end("t")) if m else None


def stamp_row_span(sentence: Sentence) -> tuple[int, int] | None:
    """The span of the clock stamp that opens `sentence` with the same moment on other clocks after
    it ("08:07 HST / 18:07 UTC / 1:07 p.m. EST"), if any."""
    m = _STAMP.match(sentence.text)
    return (sentence.start + m.start("row"), sentence.start + m.end("row")) if m else None


# what a timeline's stamp line may hold beside its dates: punctuation, figures (a clock time, the
# first day of a span), a zone, a part of the day ("Friday 11 March, 14:46 (05:46 GMT)",
# "June–November 2016", "Saturday 12 March, evening")
_STAMP_REST = regex.compile(
    r"[\s\p{P}\p{S}\d]*(?:(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,5}|(?i:morning|afternoon|evening|night|early|late"
    r"|midday|noon|midnight|hours?|hrs|h|local(?:\s+time)?|about|around|approx|approximately|circa|ca|c))"
    r"[\s\p{P}\p{S}\d]*)*")
_YEAR_LINE = regex.compile(r"[\s\p{P}]*((?:1[5-9]|20)\d\d)[\s\p{P}]*")
_MIN_TIMELINE_STAMPS = 3  # fewer lines of a date alone, each above an entry, make no chronology
_STAMP_WORDS = 12  # a date and its clocks: "MONDAY 21 OCTOBER 2014, about 10:35 SAST (08:35 UTC; 04:35 ET)"


Ymd = tuple[int | None, int | None, int | None]  # (year, month, day), any of them unknown


@dataclass(frozen=True)
class TimelineStamp:
    """A chronology's stamp: a line of a date alone ("5 May 2003", "June–November 2016", "2011")
    above the line of its entry. `first` and `last` are (year or None, month or None, day or None):
    the span the stamp gives, a day, a month, months or a year (a stamp without a year takes the
    year of the last year line above it, "2011" / "Wednesday 9 March")."""

    start: int  # the stamp line in the document
    end: int
    entry: int  # where its entry's line starts
    first: Ymd
    last: Ymd


def _stamp_of_line(line: str, start: int, year: int | None) -> tuple[Ymd, Ymd] | None:
    """The span a line that is only a date gives, or None (not a stamp line)."""
    if len(line.split()) > _STAMP_WORDS:
        return None
    y = _YEAR_LINE.fullmatch(line)
    if y:
        return (int(y.group(1)), None, None), (int(y.group(1)), None, None)
    found = [r for r in read_dates(line, start) if r.value.month]
    if not found:
        return None
    rest, at = [], start
    for r in found:
        rest.append(line[at - start : r.start - start])
        at = r.end
    rest.append(line[at - start :])
    if not all(_STAMP_REST.fullmatch(x) for x in rest):
        return None
    a, b = found[0].value, found[-1].value
    last_year = b.year or year
    return (a.year or last_year, a.month, a.day), (last_year, b.month, b.day)


def timeline_stamps(doc: Document) -> tuple[TimelineStamp, ...]:
    """The stamps of a chronology, in order: lines of a date alone, each right above a line of text
    (its entry), at least three of them in the document; none otherwise."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[TimelineStamp] = []
    year: int | None = None
    for k, (start, line) in enumerate(lines):
        if not line.strip():
            continue
        got = _stamp_of_line(line, start, year)
        if got is None:
            continue
        if got[0][1] is None:
            year = got[0][0]  # a year line: the year of the stamps below it
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is None or not nxt[1].strip() or _stamp_of_line(nxt[1], nxt[0], year) is not None:
            continue  # no entry right below it (a heading of stamps, or a page's date line)
        out.append(TimelineStamp(start, start + len(line), nxt[0], got[0], got[1]))
    return tuple(out) if len(out) >= _MIN_TIMELINE_STAMPS else ()


def year_above(text: str, pos: int) -> int | None:
    """The year of the last line above `pos` that is a year alone ("2000"): a timeline's year heading."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        y = _YEAR_LINE.fullmatch(text, start, end) if text[start:end].strip() else None
        if y:
            return int(y.group(1))
        end = start - 1
    return None


def stamp_above(stamps: tuple[TimelineStamp, ...], doc: Document, sentence: Sentence) -> TimelineStamp | None:
    """The stamp of the chronology's entry `sentence` is in (its paragraph begins on the line below
    the stamp), if any."""
    found = None
    for st in stamps:
        if st.entry > sentence.start:
            break
        found = st
    if found is None:
        return None
    first = next((s for s in doc.sentences if s.start >= found.entry), None)
    return found if first is not None and first.paragraph == sentence.paragraph else None


# what ends a timeline's date stamp: a weekday in brackets, a clock time (with its zone and its
# conversions in brackets: "4 Nov 2022 (Fri), 12:00 (9:00 PT) - ...", "May 11 (Sunday), 3:00 p.m.
# EDT (19:00 GMT; 21:00 in Paris and Berlin) — ..."), then a dash, bar or colon
_STAMP_TAIL = regex.compile(r"\s*(?:\([^)\n]{1,12}\)\s*)?"
                            r"(?:,?\s*\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\s*(?:\([^)\n]{1,60}\)\s*)?)?"
                            r"(?:[—–|:]|-\s)|\s+-\s")
# "27–28 Sep 2023 — ...": the first day of a span heading a timeline line
_DAY_SPAN_HEAD = regex.compile(r"\s*(\d{1,2})\s*[–-]\s*(?=\d{1,2}\s+\p{L})")


def line_stamp(doc: Document, sentence: Sentence) -> DateValue | None:
    """The date stamp heading the line a sentence is on ("20 July (Thu) — ..."; of a span of days,
    "27–28 Sep 2023 — ...", the first), if any."""
    text = doc.reading or doc.text
    start = text.rfind("\n", 0, sentence.start) + 1
    head = text[start : min(len(text), start + 40)]
    span = _DAY_SPAN_HEAD.match(head)
    lead = span.end() if span else 0
    for r in read_dates(head, start):
        if r.start - start - lead <= 2 and _STAMP_TAIL.match(text, r.end):
            v: DateValue = r.value
            if span and v.day:
                v = DateValue(v.year, v.month, int(span.group(1)))
            return v
        break
    return None


def entries(doc: Document) -> Entries:
    """The live-blog entries of `doc` (none unless at least two paragraphs open with a stamp)."""
    firsts: dict[int, Sentence] = {}
    for s in doc.sentences:
        firsts.setdefault(s.paragraph, s)
    stamp_of = {p: s for p, s in firsts.items() if stamp_span(s) is not None}
    if len(stamp_of) < _MIN_STAMPS:
        return Entries({}, ())
    days: list[tuple[int, int, int]] = []
    pos = 0
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip() or len(line.split()) > _DAY_LINE_WORDS or _STAMP.match(line):
            continue
        dated = [r for r in read_dates(line, start) if r.value.month and r.value.day]
        rest = line[dated[0].end - start:] if dated else ""
        if dated and (not regex.search(r"[—–|]\s*\p{L}", rest.split("·")[0]) or header_zone(rest) is not None):
            # "Sunday 5 May", "Last updated 4 May 2024 · All times BST", "Sunday 24 April — all
            # times Paris (CEST)"; not a timeline's "4 May — The climbers set off", which is an
            # entry of its own
            days.append((start, dated[0].start, dated[0].end))
    return Entries(stamp_of, tuple(days))
