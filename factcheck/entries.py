"""The structure of a live blog: entries opened by a clock stamp, under day lines.

A live blog writes "14:20 — IT'S OVER. The last climber is out of the cave." and, above its
entries, a day ("Saturday 4 May 2024 · All times local", "Sunday 5 May"). The entry's
stamp is when the entry was written, which for a breaking entry is when the thing happened; the day
line dates every entry under it. Neither is said in the sentence that tells of the event, so the
checker uses them only to agree (rule `value.entry_stamp`): a stamp or a day that does not fit the
event's fact says nothing (the entry may recap an earlier step, or be posted late).

This module only finds where stamps and day lines are; the kinds read their values.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.kinds.date import read_dates
from factcheck.segment import Document, Sentence

# a clock stamp opening an entry: "15:05 —", "1:47 a.m. —", "04:11 GMT -", "18h30 |" ...
_STAMP = regex.compile(
    # ... or alone on its line, the entry below it ("17:26" / "Here it is: ...")
    r"[ \t*•·>#]*(?P<t>\d{1,2}(?:[:.h]\d\d)(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?)\s*(?:[—–|]|-\s|$)",
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
        if dated and not regex.search(r"[—–|]\s*\p{L}", line[dated[0].end - start:].split("·")[0]):
            # "Sunday 5 May", "Last updated 4 May 2024 · All times BST"; not a timeline's
            # "4 May — The climbers set off", which is an entry of its own
            days.append((start, dated[0].start, dated[0].end))
    return Entries(stamp_of, tuple(days))
