"""Values bound through a neighbour or a derivation: a relative date ("two days after the summit"),
a question's cue for its answer, the subject of the sentence before for a pronoun or an epithet, a
live-blog entry's stamp or day line. All but the relative dates bind only to agree (a mixin of
factcheck/check.py `_Checker`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

import regex

from factcheck.bind import MEDIUM, STRONG, Binding
from factcheck.entries import line_stamp, stamp_row_span
from factcheck.eventcontext import EventContext
from factcheck.evidence import _readings, counted_offset
from factcheck.factbase.model import Fact
from factcheck.judging import _offset_re, _soften, judge
from factcheck.kinds import KINDS, Reading
from factcheck.kinds.date import DateValue, read_dates, shift
from factcheck.lang import alternation, lang
from factcheck.numbers import hedge_before
from factcheck.segment import Sentence

_SUBJECT_SPAN = 40  # characters: a cue this near a sentence's start is (part of) its subject


def _days_apart(a: Any, b: Any) -> int:
    """Days between a reading's date and a fact's full date; a reading without its year is taken in
    the fact's year or the one beside it, whichever is nearest (a large number when either date has
    no day)."""
    fact = _full_day(b)
    if fact is None or not (isinstance(a, DateValue) and a.month and a.day):
        return 10**6
    years = [a.year] if a.year else [fact.year - 1, fact.year, fact.year + 1]
    gaps = []
    for y in years:
        try:
            gaps.append(abs((dt.date(y, a.month, a.day) - fact).days))
        except ValueError:
            continue  # 29 February of a common year
    return min(gaps, default=10**6)


def _full_day(v: Any) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, DateValue) and v.year and v.month and v.day:
        return dt.date(v.year, v.month, v.day)
    return None


def _counted_after(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Is the count read with the fact's counted noun right after it ("156 units"), not left out?"""
    counted = fact.options.get("counted")
    if counted is None or r.extra.get("loose"):
        return False
    rest = sentence.text[r.end - sentence.start :]
    return counted.match(sentence.text, len(sentence.text) - len(rest.lstrip())) is not None


@cache
def _pronoun_lead() -> regex.Pattern[str]:
    """A sentence that opens with a personal pronoun as its subject ("He was 43 at the time")."""
    return regex.compile(rf"\W{{0,3}}(?-i:{alternation([w.capitalize() for w in lang().data['subject_pronouns']])})\b")


@cache
def _fronted() -> regex.Pattern[str]:
    """A fronted adverbial before a sentence's subject, set off by a comma: one that opens on a word
    of time or place ("Ten years ago today, on 4 November 2008, Democrat Barack Obama ...", "In a
    speech in Chicago, ...") or holds a date within its first three words ("Sunday 18 May, ...",
    "Ten years ago today, ...": not "The tower was completed in 1981, ...", a clause with its subject)."""
    lg = lang()
    openers = alternation(lg.data["fronted_openers"])
    dated = alternation([*lg.months, *lg.weekdays, *lg.data["years_ago"]])
    return regex.compile(rf"\W{{0,3}}(?:(?:{openers})(?![\p{{L}}])[^,;:]{{0,60}}"
                         rf"|(?:[^\s,;:]+\s+){{0,2}}(?:(?<![\p{{L}}])(?:{dated})(?![\p{{L}}])|\d)[^,;:]{{0,40}}?),\s+",
                         regex.IGNORECASE)


def subject_of(text: str) -> str:
    """The opening of a sentence where its subject stands, past up to two fronted adverbials."""
    at = 0
    for _ in range(2):
        m = _fronted().match(text, at)
        if m is None:
            break
        at = m.end()
    return text[at : at + _SUBJECT_SPAN]


def _subject_excluded(fact: Fact, subject: str) -> bool:
    """Is the subject another's, one of the fact's `exclude` patterns starting at or before its cue
    ("Raisa Gorbachev died in 1999. She was 67" for his age, excluding `Raisa`)? One after the cue
    is what the subject did then, not who it is ("Gorbachev came to power in 1985. He resigned ...
    at the age of 60" keeps 60 for an age excluding `came to power`)."""
    cue_ends = [m.end() for p in fact.cues for m in [p.search(subject)] if m is not None]
    if not cue_ends:
        return False
    return any(m.start() < min(cue_ends) for p in fact.exclude for m in [p.search(subject)] if m is not None)


_SHORT_ANSWER = 40  # characters: a first answer this short ("On Friday, Nov. 17.") lets the next sentence answer too


# "The 23-year-old, ..." / "the 36-year-old's": an age opening a sentence as an epithet
_EPITHET_HEAD = regex.compile(r"\s*[\"“‘']?(?:The|the)\s+")


@cache
def _epithet_after_quote() -> regex.Pattern[str]:
    """A quotation then its speaker as an epithet ("'It seems surreal to me,' said the 46-year-old",
    "'I am shocked,' the 68-year-old said")."""
    return regex.compile(rf"(?s).*[\"”’']\s*,?\s*(?:(?:{alternation(lang().data['reporting_verbs'])})\s+)?the\s+",
                         regex.IGNORECASE)


# "two months to | the day after the quake", "a year to | the day before": the anchor clause's "the day
# after" ends an idiom for "exactly (so long) after", not one day after
_TO_THE_DAY = regex.compile(r"(?<![\p{L}])to\s*$", regex.IGNORECASE)


_CAPITALISED = regex.compile(r"(?<![\p{L}\d'’-])\p{Lu}[\p{L}'’.-]*")
# a capitalised first word that is no name ("The champion has arrived.", "On Sunday ...")
_OPENER = regex.compile(r"(?:The|A|An|He|She|His|Her|It|Its|This|That|Then|Now|After|Before|On|In|At|By|Today)",
                        regex.IGNORECASE)


_QUOTE_MARKS = regex.compile(r"[\"“”]")
# between a chronology's stamp line and its entry's first sentence: the line break, a bullet
_ENTRY_OPENS = regex.compile(r"\s*(?:[-–—•*·]\s*)?")


def _quote_opened_before(text: str) -> bool:
    """Does the sentence close a quotation it did not open ('Above all, I am stunned," the
    68-year-old said')?"""
    marks = _QUOTE_MARKS.findall(text)
    return bool(marks) and (marks[0] == "”" or len(marks) % 2 == 1)


def _opens_quote(text: str) -> bool:
    """Does the sentence open a quotation it does not close ('"I am shocked by the events.')?"""
    marks = _QUOTE_MARKS.findall(text)
    return bool(marks) and marks[0] != "”" and len(marks) % 2 == 1


def _names_no_one_else(sentence: Sentence, fact: Fact) -> bool:
    """Does the sentence name no one but the person the fact's cues find: every capitalised word is
    inside a cue's match or right before it (a first name), or is the sentence's first word and no
    name ("Kasparov has arrived.", "Mario Gómez was the oldest", "Kiptum broke the record."; not
    "Karpov congratulated Kasparov", nor "... on Sunday": a day may be another's)?"""
    spans = [(m.start(), m.end()) for p in fact.cues for m in p.finditer(sentence.text)]
    if not spans:
        return False
    for k, m in enumerate(_CAPITALISED.finditer(sentence.text)):
        if any(a <= m.start() and m.end() <= b for a, b in spans):
            continue
        if any(regex.fullmatch(r"[ \u00a0]", sentence.text[m.end() : a]) for a, _ in spans):
            continue  # the first name before the cued surname ("Mario Gómez")
        if k == 0 and not sentence.text[: m.start()].strip() and _OPENER.fullmatch(m.group(0)):
            continue
        return False
    return True


class FollowUpPasses(EventContext):
    # -- "two days after the video summit" ----------------------------------------------------
    def relative_sentence(self, sentence: Sentence, bindings: list[Binding]) -> None:
        """A clause placing the main event relative to another: the date one of them is given
        implies the other's. "the ministers met on Friday, two days after the summit" says the summit
        was on Wednesday; "the day before the summit, the minister gave an interview" says the
        interview was the day before the summit's (true) date."""
        offsets = lang().data["anchor_offsets"]
        main = [(g, b) for g, b in zip(sentence.segments, bindings) if not g.anchor and b.candidates]
        main_events = {e for _, b in main for e in b.candidates}
        if len(main_events) != 1:
            return
        m_event = next(iter(main_events))
        m_level = min(b.level for _, b in main)
        for seg, b in zip(sentence.segments, bindings):
            if not seg.anchor or len(b.candidates) != 1 or b.candidates[0] == m_event:
                continue
            pm = _offset_re().match(seg.text)
            counted = None if pm else counted_offset(sentence, seg)
            if not pm and counted is None:
                continue
            if pm:
                off = int(offsets[regex.sub(r"\s+", " ", pm.group(0).lower())])
            else:
                assert counted is not None
                off, pm = counted
            head = sentence.text[: (pm.start() if counted is not None else seg.start - sentence.start)]
            if hedge_before(head):
                continue  # "more than two weeks after the accident": no day can be worked out
            if pm.group(0).lower().startswith("the day") and _TO_THE_DAY.search(head):
                continue  # "two months to the day after the quake": an idiom for "exactly two months after"
            a_event = self.fb.events[b.candidates[0]]
            level = min(m_level, b.level)
            # "two weeks after the quake": a count of weeks is a round measure (10 to 17 days are
            # "two weeks"), so a day it misses by half a week or less cannot accuse
            slack = 3 if counted is not None and pm.group("u").lower().startswith("week") else 0
            phrase = Reading(start=seg.start, end=seg.start + pm.end(), text=pm.group(0), value=None, shown=None)
            if counted is not None:
                # the number stands before the anchor clause ("go home five | days after the wreck")
                phrase = Reading(start=sentence.start + pm.start(), end=sentence.start + pm.end(), text=pm.group(0),
                                 value=None, shown=None)
            main_dates = [r for g, _ in main for r in read_dates(g.text, g.start)]
            if main_dates:
                for f in self.by_event[a_event.id]:
                    if f.kind != "date" or f.near:
                        continue
                    for r in main_dates:
                        v = shift(r.value, -off, tuple(a.year for a in self.binder.anchors))
                        derived = Reading(phrase.start, phrase.end, phrase.text, v, v.shown(),
                                          f"{phrase.text!r} {r.text!r}")
                        self._record_relative(f, derived, sentence, level, f"{phrase.text} {r.text}", slack)
            elif a_event.date is not None:
                d = a_event.date + dt.timedelta(days=off)
                v = DateValue(d.year, d.month, d.day, d.weekday())
                for f in self.by_event[m_event]:
                    if f.kind == "date" and not f.near:
                        derived = Reading(phrase.start, phrase.end, phrase.text, v, v.shown(),
                                          f"{phrase.text!r} {a_event.what} ({a_event.date})")
                        self._record_relative(f, derived, sentence, level, f"{phrase.text} {a_event.id}", slack)

    def _record_relative(self, fact: Fact, r: Reading, sentence: Sentence, level: int, how: str,
                         slack: int = 0) -> None:
        j = judge(r, fact, sentence, self.ctx)
        if level < MEDIUM:
            j = j.unsure("event.loosely_bound", "the clauses are only loosely about these events")
        if j.verdict == "contradict" and slack and _days_apart(r.value, fact.value) <= slack:
            j = j.unsure("relative.round_weeks")
        self.record(fact, r, sentence, j, f"relative date ({how}), level {level}", ("relative.offset",),
                    level >= MEDIUM)

    def answer_sentence(self, sentence: Sentence) -> None:
        """An explainer's answer takes the cue of its question ("How much did the stadium cost?" /
        "About $1.9 billion, paid mostly by the city."): the first sentence after a question reads the value of
        the one fact of each kind the question cues and the answer does not. It only agrees
        (cue.from_question): an answer may go on to other figures."""
        i = sentence.index
        if i == 0 or not self.cue_facts or sentence.text.rstrip().endswith("?"):
            return
        question = self.doc.sentences[i - 1]
        if (not question.text.rstrip().endswith("?") and i >= 2 and len(question.text) <= _SHORT_ANSWER
                and question.paragraph == sentence.paragraph):
            # "When was Altman fired, and how?" / "On Friday, Nov. 17. Chief scientist Ilya Sutskever
            # had asked him ...": a short first answer ("On Friday, Nov. 17.") and the sentence after it
            question = self.doc.sentences[i - 2]
        if not question.text.rstrip().endswith("?") or sentence.paragraph - question.paragraph > 2:
            return
        cued: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.cue_facts:
            if (any(p.search(question.text) for p in fact.cues)
                    and not any(p.search(sentence.text) for p in fact.cues)
                    and not any(p.search(t) for p in fact.exclude for t in (question.text, sentence.text))):
                cued[fact.kind].append(fact)
        for kind_name, facts in cued.items():
            read = self._reading_facts(kind_name, facts, sentence)
            if len(read) != 1:
                continue  # "How many seats did Labour and the Tories win?": which figure is whose
            fact, readings = read[0]
            self._agree_only(fact, readings, sentence,
                             "cue.from_question", "the question's cue binds an answer's value only to agree",
                             f"the question before: {question.text[:60]!r}")

    def pronoun_sentence(self, sentence: Sentence) -> None:
        """A sentence opening with "He" or "She" goes on about the subject of the paragraph's last
        sentence that did not ("An Austrian skydiver from Salzburg, ... He was 43 at the time"): it
        reads the value of the one fact of each kind whose cue opens that sentence (its subject) and
        which this sentence does not cue. It only agrees (cue.pronoun): a pronoun may point elsewhere."""
        i = sentence.index
        if i == 0 or not self.cue_facts or not _pronoun_lead().match(sentence.text):
            return
        j = i - 1
        while j >= 0 and _pronoun_lead().match(self.doc.sentences[j].text):
            j -= 1
        if j < 0 or self.doc.sentences[j].paragraph != sentence.paragraph:
            return
        subject = subject_of(self.doc.sentences[j].text)
        cued: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.cue_facts:
            if (any(p.search(subject) for p in fact.cues)
                    and not any(p.search(sentence.text) for p in fact.cues)
                    and not _subject_excluded(fact, subject)
                    and not any(p.search(sentence.text) for p in fact.exclude)):
                cued[fact.kind].append(fact)
        for kind_name, facts in cued.items():
            read = self._reading_facts(kind_name, facts, sentence)
            if len(read) != 1:
                continue  # two facts of the kind open the sentence: which is the pronoun's is not said
            fact, readings = read[0]
            rule = f"the subject before: {subject[:60]!r}"
            first = judge(readings[0], fact, sentence, self.ctx) if len(readings) == 1 else None
            if (fact.kind == "count" and first is not None and first.verdict != "agree"
                    and _counted_after(fact, readings[0], sentence)
                    and not any(g.kind == fact.kind and g is not fact and any(p.search(sentence.text) for p in g.cues)
                                for g in self.cue_facts)):
                # "The tower was completed in 1981 ... It held 156 units.": the pronoun's count with
                # its counted noun, the one figure of the sentence the subject's fact reads, accuses
                # when it does not agree (an agreeing one is cue.pronoun's) (and no
                # other count's cue is in the sentence: "She was convicted on four counts" after a
                # sentence on the deadlocked ones is the convictions')
                r = readings[0]
                judged = _soften(first, r, sentence, later=self.written_later())
                self.record(fact, r, sentence, judged, rule, ("cue.pronoun_counted",), True)
                continue
            self._agree_only(fact, readings, sentence,
                             "cue.pronoun", "a pronoun's sentence binds a value only to agree", rule)

    def _reading_facts(self, kind_name: str, facts: list[Fact], sentence: Sentence) -> list[tuple[Fact, list[Reading]]]:
        """The facts that read a value in the sentence, with their readings: a count whose noun is not
        there ("assists" in "He scored seven goals") cannot be the one meant."""
        out = [(f, list(_readings(KINDS[kind_name], sentence, f, self.ctx))) for f in facts]
        return [(f, rs) for f, rs in out if rs] if len(out) > 1 else out

    def _agree_only(self, fact: Fact, readings: Sequence[Reading], sentence: Sentence, rule_id: str,
                    dropped: str, rule: str) -> None:
        """Record the readings that agree with the fact, bound by `rule_id` (which binds only to
        agree); drop the others with the reason `dropped`."""
        for r in readings:
            j = judge(r, fact, sentence, self.ctx)
            if j.verdict != "agree":
                self.drop(fact, r, rule_id, dropped)
                continue
            self.record(fact, r, sentence, j, rule, (rule_id,), False)

    def epithet_sentence(self, sentence: Sentence) -> None:
        """A sentence that opens on a person's age as an epithet ("Kiptum broke the record. The
        23-year-old, running only his third marathon, ...") speaks of the person of the sentence
        before: it reads the age of the one age fact cued there and not here. It only agrees
        (cue.from_epithet): the epithet may be another person's."""
        i = sentence.index
        if i == 0 or not self.cue_facts:
            return
        age_facts = [f for f in self.cue_facts if f.kind == "age"]
        if not age_facts:
            return
        readings = [r for r in KINDS["age"].extract(sentence, age_facts[0], self.ctx)
                    if _EPITHET_HEAD.fullmatch(sentence.text[: r.start - sentence.start])
                    or _epithet_after_quote().fullmatch(sentence.text[: r.start - sentence.start])]
        if not readings:
            return
        j = i - 1
        if _quote_opened_before(sentence.text):
            # '"I am shocked ... days. Above all, I am stunned ...," the 68-year-old said': the
            # quotation began sentences earlier; the speaker is the one named before it
            while j > 0 and self.doc.sentences[j].paragraph == sentence.paragraph and not _opens_quote(
                    self.doc.sentences[j].text):
                j -= 1
            if self.doc.sentences[j].paragraph == sentence.paragraph and _opens_quote(self.doc.sentences[j].text):
                j -= 1
        if j < 0:
            return
        before = self.doc.sentences[j]
        if sentence.paragraph - before.paragraph > 2:  # the same line, the next, or past one blank line
            return
        cued = [f for f in age_facts if any(p.search(before.text) for p in f.cues)
                and not any(p.search(sentence.text) for p in f.cues)
                and not any(p.search(t) for p in f.exclude for t in (before.text, sentence.text))]
        if len(cued) != 1:
            return  # two people's ages cued before: whose epithet it is cannot be told
        if before.paragraph == sentence.paragraph and _names_no_one_else(before, cued[0]):
            # "Kasparov has arrived. The 35-year-old champion walked in ...": no one else to be
            for r in readings:
                if _EPITHET_HEAD.fullmatch(sentence.text[: r.start - sentence.start]):
                    self.record(cued[0], r, sentence, judge(r, cued[0], sentence, self.ctx),
                                f"the sentence before names only the person: {before.text[:60]!r}",
                                ("cue.from_epithet_sole",))
            readings = [r for r in readings if not _EPITHET_HEAD.fullmatch(sentence.text[: r.start - sentence.start])]
        self._agree_only(cued[0], readings, sentence, "cue.from_epithet",
                         "an epithet binds the age of the person before only to agree",
                         f"the sentence before: {before.text[:60]!r}")

    def timeline_sentence(self, sentence: Sentence, bindings: list[Binding]) -> None:
        """A chronology's entry that tells of an event without a date of its own ("Monday 13 June
        2016" above "The deal is announced before the US market opens"): the day of the stamp above
        it may be the event's date. It only agrees (value.entry_stamp): an entry can recap an
        earlier step, and a stamp that does not fit says nothing."""
        stamp = self._timeline_stamp(sentence)
        found: list[Reading] = []
        what = "the chronology's stamp above the entry"
        if stamp is not None and stamp.first == stamp.last and stamp.first[2] is not None:
            found = [r for r in read_dates(self.doc.text[stamp.start:stamp.end], stamp.start) if r.value.day]
        elif stamp is None and (head := self._stamp_before(sentence)) is not None:
            # "Wednesday 16 August — Putin comments publicly for the first time. Russia accepts
            # British and Norwegian help.": a later sentence of a stamped line, dated by the line
            found, what = [head], "the stamp heading its line"
        if not found:
            return  # no chronology, or a stamp of a month, months or a year
        firm = {e for b in bindings for e in b.candidates if b.level_of(e) >= MEDIUM}
        kind = KINDS["date"]
        # the entry opens by naming one event ("22 JANUARY 2026" above "- Verdict: the judge sentences
        # ..."): the stamp, a full date right above, is that event's day, and a wrong one accuses
        opening = [e for e in (bindings[0].candidates if bindings else ())
                   if bindings[0].level_of(e) >= STRONG and "event.named" in bindings[0].rules_of(e)]
        named = (opening[0] if stamp is not None and stamp.first[0] is not None and len(opening) == 1
                 and _ENTRY_OPENS.fullmatch(self.doc.text, stamp.end, sentence.start) else None)
        for fact in self.event_facts:
            if fact.event not in firm or fact.kind != "date" or _readings(kind, sentence, fact, self.ctx):
                continue  # not this entry's event, or the sentence dates itself
            self._stamp_agrees(fact, found[:1], sentence, bindings, what, accuse=fact.event == named)

    def _stamp_before(self, sentence: Sentence) -> Reading | None:
        """The day stamp heading the timeline line a sentence is on, when an earlier sentence of that
        line holds it (not the sentence's own stamp)."""
        text = self.doc.reading or self.doc.text
        start = text.rfind("\n", 0, sentence.start) + 1
        if start >= sentence.start or not text[start:sentence.start].strip() or line_stamp(self.doc, sentence) is None:
            return None
        found = [r for r in read_dates(text[start : start + 40], start) if r.value.day and r.value.month]
        return found[0] if found and found[0].start - start <= 12 else None

    def entry_sentence(self, sentence: Sentence, bindings: list[Binding]) -> None:
        """A live-blog entry that tells of an event without a time or date of its own ("14:20 — IT'S
        OVER. The last climber is out of the cave."; "Sunday 5 May" above "00:40 — DONE. <the last
        boat> is in"): the entry's stamp and the day line above it may be the event's time and
        date. They only agree (value.entry_stamp): an entry can recap an earlier step or come late."""
        if not self.entries.stamp_of:
            return
        firm = {e for b in bindings for e in b.candidates if b.level_of(e) >= MEDIUM}
        for fact in self.event_facts:
            if fact.event not in firm or fact.kind not in ("time", "date"):
                continue
            kind = KINDS[fact.kind]
            if _readings(kind, sentence, fact, self.ctx):
                continue  # the sentence dates itself
            if fact.kind == "time":
                first = self.entries.stamp(sentence)
                span = stamp_row_span(first) if first is not None else None
                found = [r for r in _readings(kind, first, fact, self.ctx)
                         if span and r.start < span[1] and span[0] < r.end] if first is not None else []
            else:
                day = self.entries.day(sentence.start)
                found = [r for r in read_dates(self.doc.text[day[0]:day[1]], day[0])] if day else []
            # (every clock of a stamp row: each time fact finds its own clock there)
            self._stamp_agrees(fact, found if fact.kind == "time" else found[:1], sentence, bindings,
                               "the entry's " + ("stamp" if fact.kind == "time" else "day line"))

    def _stamp_agrees(self, fact: Fact, found: Sequence[Reading], sentence: Sentence, bindings: list[Binding],
                      what: str, accuse: bool = False) -> None:
        """Record a stamp's value read for the firmly bound event's fact if it agrees (value.entry_stamp,
        never certain); drop it otherwise: a stamp that does not fit says nothing. With `accuse`
        (an entry that opens by naming the event, under a full date), a wrong one contradicts
        (value.named_entry_stamp)."""
        ev = fact.event or ""
        for r in found:
            b = next(bd for bd in bindings if ev in bd.candidates and bd.level_of(ev) >= MEDIUM)
            j = judge(r, fact, sentence, self.ctx)
            if accuse and j.verdict == "contradict":
                self.record(fact, r, sentence, j, f"event {ev} ({b.why_text(ev)}); {what}",
                            (*b.rules_of(ev), "value.named_entry_stamp"), True)
                continue
            if j.verdict == "contradict" and _own_day_other_weekday(r.value, fact.value):
                # "Wed., Aug. 26" above "Board releases Volume I of its report" for Tuesday 26 August
                # 2003: the stamp is the event's own day, so its entry is that day's; the weekday the
                # event's date never had is the stamp's error
                self.record(fact, r, sentence, j, f"event {ev} ({b.why_text(ev)}); {what}",
                            (*b.rules_of(ev), "value.stamp_weekday"), True)
                continue
            if j.verdict != "agree":
                self.drop(fact, r, "value.entry_stamp", f"{what} does not fit: it says nothing")
                continue
            self.record(fact, r, sentence, j, f"event {ev} ({b.why_text(ev)}); {what}",
                        (*b.rules_of(ev), "value.entry_stamp"), False)
            if fact.kind == "time":
                # a timeline's line dated right by its stamp: the other lines' stamps are other
                # steps (wholedoc `_other_steps`)
                self.stamps.add((fact.id, r.start, r.end, True))


def _own_day_other_weekday(read: Any, fact: Any) -> bool:
    """Is `read` the date fact's own day and month (its year, or none written) under another weekday?"""
    if not isinstance(read, DateValue) or not isinstance(fact, dt.date) or read.weekday is None:
        return False
    if (read.month, read.day) != (fact.month, fact.day) or read.year not in (None, fact.year):
        return False
    return read.weekday != fact.weekday() and read.either is None and read.to_day is None
