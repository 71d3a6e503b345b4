"""The passes over a whole article, after its sentences (factcheck/check.py runs them): a
distinctive figure, date or clock time stated anywhere agrees; a value the article also states
rightly elsewhere, or on another line of a timeline, is demoted to unclear."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache
from typing import Protocol

import regex

from factcheck.bind import Binder, Binding
from factcheck.entries import line_stamp
from factcheck.evidence import (
    _ACTOR_LINES,
    _BACK_REFERENCES,
    _DIGIT,
    _DIGIT_RUN,
    _DISTINCT_KINDS,
    _FIGURE_KINDS,
    _NAMING,
    _NON_DIGIT,
    _OWN_EVIDENCE_KINDS,
    TraceStep,
    _clause_excluded,
    _digits_key,
    _distinct_instant,
    _instants_of_events,
    _list_gap_re,
    _precise,
    _readings,
    _seg_index,
)
from factcheck.factbase.model import Fact, FactBase
from factcheck.judging import _CONVERSION_GAP, Judged, judge
from factcheck.kinds import KINDS, Context, Reading
from factcheck.kinds.date import _last_date_before
from factcheck.kinds.time import TimeValue, clock_slip, conversion_re, zone_in
from factcheck.lang import alternation, lang
from factcheck.model import Mention
from factcheck.numbers import find_numbers
from factcheck.prefilter import per_base
from factcheck.rules import why
from factcheck.segment import Document, Sentence

#: after a clock time and the bracket of its conversion, a restatement on a third clock ("(1728 GMT
#: Saturday), or 2:58 a.m. in South Australia"): a day word may close the bracket's time
_CLOSED_CONVERSION_GAP = regex.compile(r"\s*(?:\p{L}+\s*)?\)\s*,?\s*(?:or|i\.e\.|that\s+is|that['’]s)\s+",
                                       regex.IGNORECASE)


def _then_clock_gap(gap: str) -> bool:
    """Is `gap`, between two clock times, a short stretch of one sentence that ends on words giving
    the same moment on another clock (" -- in Germany it was ", ", which was ")?"""
    return (len(gap) <= 60 and not _SENTENCE_END.search(gap)
            and (conversion_re().search(gap) is not None or _PLACE_CLOCK_GAP.search(gap) is not None))


_SENTENCE_END = regex.compile(r"[.!?]\s")
# "-- in Germany it was ", ", in New York it was already "
_PLACE_CLOCK_GAP = regex.compile(r"(?<![\p{L}])in\s+(?:the\s+)?(?-i:\p{Lu})[\p{L}.-]*"
                                 r"(?:\s+(?-i:\p{Lu})[\p{L}.-]*){0,2},?\s+it\s+(?:was|is)"
                                 r"(?:\s+(?:then|already|just|exactly|now))*\s*\Z", regex.IGNORECASE)


@cache
def _numeric_day_re() -> regex.Pattern[str]:
    return regex.compile(r"\d[./-]\d")


@cache
def _instant_hint_re() -> regex.Pattern[str]:
    """Minutes ("22:11", "7.47", "15h05"), four digits ("0300 GMT"), a capitalised label ("GMT",
    "CEST") or "time" ("Paris time"): what a distinctive clock time has (a cheap test before reading)."""
    return regex.compile(r"\d[:.h]\d\d|\d{4}|\b[A-Z]{2,5}\b|[Tt]ime\b|[Zz]eit")


@cache
def _month_names() -> tuple[str, ...]:
    return tuple(sorted({m.lower() for m in lang().months if len(m) >= 3}))


def _has_month(text: str) -> bool:
    low = text.lower()
    return any(m in low for m in _month_names())


def _runs(text: str) -> frozenset[str]:
    """The runs of digits a value is written with, as written ("4 h 42 min" -> "4", "42")."""
    return frozenset(_NON_DIGIT.sub("", m.group(0)) for m in _DIGIT_RUN.finditer(text))


def _distinct_key(fact: Fact) -> str:
    """The significant digits a figure fact is written with: its value's for a count, a quantity, a
    percentage or a sum of money; for a duration, the digits of the value as the fact writes it
    ("633 days" -> "633", "2:13:44" -> "21344", "4 min 28 s" -> "428"), which articles write the same
    way. "" when the fact has no such figure."""
    if fact.kind in _DISTINCT_KINDS:
        return _digits_key(getattr(fact.value, "value", fact.value))
    if fact.kind == "duration" and isinstance(fact.raw_value, (str, int, float)):
        return _digits_key(str(fact.raw_value))
    return ""


# kinds whose readings carry their noun or unit ("33 men", "69 days", "622 metres"): two digits
# with it are distinctive enough
_NOUN_FIGURES = frozenset({"count", "duration", "quantity"})


@cache
def _worded_re() -> regex.Pattern[str]:
    """A number word of ten or more ("twelve", "thirty", "hundred")."""
    words = sorted((w for w, v in lang().number_words.items() if v >= 10), key=len, reverse=True)
    return regex.compile(r"\b(?:" + "|".join(map(regex.escape, words)) + r")\b", regex.IGNORECASE)


def _worded_keys(text: str) -> frozenset[str]:
    """The significant digits of the numbers `text` writes in words ("Thirty-three" -> "33")."""
    if not _worded_re().search(text):
        return frozenset()
    return frozenset(_digits_key(n.value) for n in find_numbers(text) if n.words)


def _cued_for_another(host: _Host, fact: Fact, sentence: Sentence, r: Reading) -> bool:
    """Is another fact of the fact's kind cued in the sentence, one that does not declare the value
    read a distractor of its own? (A rescue's days until first contact, in a sentence that also cues
    the whole ordeal's length: the ordeal's fact lists those days as its other figure.)"""
    kind = KINDS[fact.kind]
    return any(f.kind == fact.kind and f is not fact and any(p.search(sentence.text) for p in f.cues)
               and not any(kind.compare(r, d.value, f, host.ctx) is True for d in f.distractors)
               for f in host.cue_facts)


def _unsettled(host: _Host, fact: Fact) -> bool:
    """Has nothing settled the fact yet: no value bound to it, or only values bound too loosely to
    accuse that do not agree (a figure of another thing a cue reached from behind a rival)?"""
    return all(m.verdict != "agree" and not m.certain for m in host.mentions.get(fact.id, ()))


def _bound_to_another(host: _Host, fact: Fact, r: Reading) -> bool:
    """Is the value read already bound to another fact (its cue took it)?"""
    return any(m.start == r.start for f, ms in host.mentions.items() if f != fact.id for m in ms)


#: the rules of a conversion restating an agreeing value (or restated by one in brackets after it): its own
#: statement of the fact, kept as it is
_RESTATED = frozenset({"value.restated", "value.restated_instant", "value.restated_exact", "value.converted_after",
                       "value.row_instant"})


class _Host(Protocol):
    """What the passes use of the checker (factcheck/check.py `_Checker`)."""

    fb: FactBase
    doc: Document
    binder: Binder
    ctx: Context
    cue_facts: list[Fact]
    mentions: dict[str, list[Mention]]
    bindings: dict[int, list[Binding]]
    trace: list[TraceStep] | None
    stamps: set[tuple[str, int, int, bool]]
    named_stamps: set[tuple[str, int]]
    excluded: set[tuple[str, int]]

    def record(self, fact: Fact, r: Reading, sentence: Sentence, j: Judged, rule: str,
               bound: tuple[str, ...] = (), certain: bool = True) -> None: ...

    def drop(self, fact: Fact, r: Reading, rule_id: str, detail: str = "") -> None: ...

    def _unrouted(self, fact: Fact, r: Reading, sentence: Sentence) -> str | None: ...

    def _restated_mention(self, fact: Fact, r: Reading) -> Mention | None: ...

    def _demote(self, fact_id: str, starts: set[int], rule_id: str) -> None: ...

    def _mark(self, fact_id: str, starts: set[int], rule_id: str) -> None: ...

    def _distinctive_one(self, fact: Fact, r: Reading, sentence: Sentence, bindings: list[Binding]) -> None: ...

    def _restated_after(self, fact: Fact, r: Reading, sentence: Sentence, rule_id: str,
                        certain: bool = False) -> None: ...

    def _under_anothers_day(self, fact: Fact, r: Reading, sentence: Sentence) -> bool: ...


class DocumentPasses:
    """The whole-article passes, as methods of the checker (a mixin of `_Checker`)."""

    def _distinctive(self: _Host) -> None:
        """A figure, a count or a duration of three significant digits or more ("18 768 639 votes",
        "27,85 %", "622 metres", "583 points": a count's noun read with it; "633 days", "2:13:44")
        equal to a fact's value agrees wherever it stands in an article where the fact could bind
        (its event is present, or one of its cues occurs), though no clause tied it to the fact: so
        precise a number is seldom another figure. (When nothing else settled the fact: no value of
        it agrees or is bound surely; a value bound too loosely to accuse, a figure its cue reached
        from far away, does not stop this pass.) Two significant digits are enough for a count,
        a duration or a quantity read with its noun or unit ("Thirty-three men", "69 days", "6.7
        inches"), in digits or words, where no other fact of the kind is cued in the sentence. It only
        ever agrees (rule value.distinctive)."""
        keyed = per_base(self.fb, "distinctive", lambda: [
            (f, k, _runs(str(f.raw_value)) if f.kind == "duration" else frozenset({k}))
            for f in self.fb.facts
            if len(k := _distinct_key(f)) >= 3 or (len(k) == 2 and f.kind in _NOUN_FIGURES)])
        if not keyed:
            return

        def runs_of(text: str) -> frozenset[str]:
            # a figure's significant digits ("18 768 639" -> "18768639"), and each run of digits as
            # written (a duration's "4 hours and 42 minutes" -> "4", "42")
            found = [m.group(0) for m in _DIGIT_RUN.finditer(text)]
            return frozenset([_digits_key(x) for x in found] + [_NON_DIGIT.sub("", x) for x in found])

        text = self.doc.reading or self.doc.text
        in_doc = runs_of(text)
        # "Thirty-three men", "seventeen days": numbers in words of two digits or more, per sentence
        worded = ({s.index: _worded_keys(s.text) for s in self.doc.sentences}
                  if _worded_re().search(text) else {})
        for keys in worded.values():
            in_doc |= keys
        todo = [(f, k, runs) for f, k, runs in keyed if runs <= in_doc and _unsettled(self, f)]
        if not todo:
            return
        cue_ids = {f.id for f in self.cue_facts}
        keys_of = {s.index: runs_of(s.text) | worded.get(s.index, frozenset()) for s in self.doc.sentences}
        for fact, key, runs in todo:
            if not (fact.id in cue_ids or (fact.event and fact.event in self.binder.present)):
                continue
            kind = KINDS[fact.kind]
            for sentence in self.doc.sentences:
                if not runs <= keys_of[sentence.index]:
                    continue
                for r in _readings(kind, sentence, fact, self.ctx):
                    if _clause_excluded(fact, r, sentence) or (
                            (fact.id, r.start) in self.excluded and self.mentions.get(fact.id)):
                        # (a fact with an unsure value of its own: not a value its `exclude` took away)
                        self.drop(fact, r, "fact.excluded")  # "the discount rate to 1.75%": excluded here too
                        continue
                    if self.mentions.get(fact.id) and _bound_to_another(self, fact, r):
                        continue  # "killed 5,900 people in Turkey and 50,783 in Syria": a swapped pair
                    j = judge(r, fact, sentence, self.ctx)
                    read_key = _digits_key(r.text if fact.kind == "duration" else getattr(r.value, "value", ""))
                    if not read_key and worded:
                        words = _worded_keys(r.text)  # "sixty-nine days"
                        read_key = next(iter(words)) if len(words) == 1 else ""
                    if len(key) == 2 and (r.extra.get("bare") or r.extra.get("loose")
                                          or _cued_for_another(self, fact, sentence, r)):
                        # two digits are distinctive only with their noun or unit, and where no other
                        # fact of the kind is cued ("11 of them tank cars carrying vinyl chloride")
                        continue
                    if j.verdict == "agree" and read_key == key:
                        self.record(fact, r, sentence, j, why("value.distinctive"), ("value.distinctive",), False)
                        self._restated_after(fact, r, sentence, "value.distinctive")

    def _distinctive_instants(self: _Host) -> None:
        """A date written out with its day and month ("on 29 March 2021", "at the 10 april", "on
        05.08.") equal to an event's date, or a clock time with its zone or its minutes ("at 22:11
        UTC", "at 7.27 o'clock German time") at an event's instant, agrees though no clause tied it to
        the event, in an article about the story (a fact of the base bound firmly in it, an event of
        the base named, or the event present), when no other
        event of the base falls on that day or at that instant: an explainer's answer ("When did it
        strike?" / "At 22:11 UTC on Friday 8 September"), a machine translation's "the opening pleas
        followed at the 29. March". Not in a clause about another event whose day the base does not
        say, not at the head of a line about another event ("Nov. 25 — Orion passes Apollo 13's
        record"), not where the value is the time of a report ("published on 6 August"). It only
        ever agrees (rule value.distinctive_date / value.distinctive_time)."""
        # the article is about the story: a fact of the base bound firmly somewhere in it, an event
        # without parties present by its names or words, or the fact's own event present (a cloud
        # outage "at 10:07 a.m. ET" on the day of a summit names the United States, one party of
        # some talks, and nothing of the base binds)
        story = any(m.certain for ms in self.mentions.values() for m in ms) or any(
            not self.fb.events[e].parties for e in self.binder.present)
        todo = [f for f in per_base(self.fb, "distinctive_instants", lambda: _instants_of_events(self.fb))
                if not self.mentions.get(f.id) and (story or f.event in self.binder.present)]
        if not todo:
            return
        # the date facts by their day, the time facts in a list: a sentence's readings (the same for
        # every fact of a kind) are looked up, not every fact tried on every sentence
        # (times by their minute modulo 15: zones differ by whole hours, half and quarter hours)
        by_day: dict[tuple[int, int], list[Fact]] = defaultdict(list)
        by_minute: dict[int, list[Fact]] = defaultdict(list)
        for f in todo:
            if f.kind == "date":
                by_day[(f.value.month, f.value.day)].append(f)
            else:
                by_minute[f.value.local % 15].append(f)
        for sentence in self.doc.sentences:
            bindings = self.bindings.get(sentence.index)
            if bindings is None:
                continue
            pairs: list[tuple[Reading, Fact]] = []
            # (only sentences that may write out a day, with a month's name or as "05.08.", or a
            # clock time with minutes or a zone: most sentences with figures have neither)
            if by_day and (_numeric_day_re().search(sentence.text) or _has_month(sentence.text)):
                for r in KINDS["date"].extract(sentence, todo[0], self.ctx):
                    if _distinct_instant(r):
                        pairs += [(r, f) for f in by_day.get((r.value.month, r.value.day), ())]
            if by_minute and _DIGIT.search(sentence.text) and _instant_hint_re().search(sentence.text):
                for r in KINDS["time"].extract(sentence, todo[0], self.ctx):
                    if _distinct_instant(r):
                        pairs += [(r, f) for f in by_minute.get(r.value.local % 15, ())]
            for r, fact in pairs:
                if not self.mentions.get(fact.id):
                    self._distinctive_one(fact, r, sentence, bindings)

    def _distinctive_one(self: _Host, fact: Fact, r: Reading, sentence: Sentence, bindings: list[Binding]) -> None:
        seg = _seg_index(sentence, r.start)
        b = bindings[seg] if seg is not None and seg < len(bindings) else Binding()
        if b.candidates and fact.event not in b.candidates and any(
                self.fb.events[e].date is None for e in b.candidates):
            return  # the clause is about another event, whose day the base does not say
        others = {e for bd in bindings for e in bd.candidates} - {fact.event}
        if others and not sentence.text[:r.start - sentence.start].strip():
            return  # "Nov. 25 — Orion passes Apollo 13's record": the value heads a line about another event
        if self._unrouted(fact, r, sentence):
            return
        if fact.kind == "time" and self._under_anothers_day(fact, r, sentence):
            return  # "2 October — First round ...\nPolls close at 17:00 in Brasília": the first round's
        j = judge(r, fact, sentence, self.ctx)
        if j.verdict == "agree":
            rule_id = f"value.distinctive_{fact.kind}"
            self.record(fact, r, sentence, j, why(rule_id), (rule_id,), False)
            self._restated_after(fact, r, sentence, rule_id)

    def _under_anothers_day(self: _Host, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the last day written before the clock time, in its paragraph, a day heading its line (a
        chronology's stamp) that is another event's day and not the fact's event's? Then the time is
        that event's moment ("2 October — First round: Lula leads.\nPolls close at 17:00 in Brasília",
        for the run-off's closing time)."""
        before = _last_date_before(sentence, r.start, self.ctx)
        if before is None:
            return False
        # (only a day heading a line, a chronology's stamp: "on Sunday 31 May" in a sentence before
        # dates that sentence, and a time after it may be past midnight)
        held = next((x for x in self.doc.sentences if x.start <= before.start < x.end), None)
        day = line_stamp(self.doc, held) if held is not None else None
        if day is None or not day.month or not day.day:
            return False
        own = self.fb.events[fact.event].date if fact.event else None
        if own is not None and (own.month, own.day) == (day.month, day.day):
            return False
        return any(e.date is not None and (e.date.month, e.date.day) == (day.month, day.day)
                   for e in self.fb.events.values() if e.id != fact.event)

    def _agreed_elsewhere(self: _Host) -> None:
        """An article that states a fact's value with a firm binding, and elsewhere another value bound
        to the same fact (a "national record" and another athlete's "world record"; the final's ground
        and another match's; the rescue's last day right in the lead and "the operation began on
        Sunday" further down): the other value belongs to another thing of the story far more often
        than the article contradicts itself (20 of 23 such pairs in the first scores of four new
        evaluation sets; none of those 20 named the event or its parties in the conflicting clause).
        It is shown as unclear, with its quote, beside the agreement. Not when the conflicting clause
        names the event or its parties ("Biden and Zelenskyy's call on Friday"): that is the article's
        own statement of this event, and a fact-checker wants it. Not for names
        (a misspelling beside the right spelling is the article's own error, and a surname alone
        agreeing says nothing of a misspelt full name) nor sets (each member agrees or not), nor for a
        value beside the agreeing one ("born in <city>, <region>": the region agrees, the city does
        not). The agreement must be firm: one bound only by a reference back to the story's event ("the
        previous day") does not count."""
        for fact_id, ms in self.mentions.items():
            fact = self.fb.fact(fact_id)
            if fact.kind in _OWN_EVIDENCE_KINDS:
                continue
            # a firm agreement; or one bound loosely by a cue that states a precise figure ("the highest
            # rate since December 1981" with the cue far away): equal to the fact's value by chance
            # far less often than a loose weekday or a small count
            agreed = [m for m in ms if m.verdict == "agree" and not set(m.rules) <= _BACK_REFERENCES
                      and "value.attributed_variant" not in m.rules
                      and (m.certain or (set(m.rules) & {"cue.far"} and _precise(m.text)))]
            if not agreed:
                continue
            text = self.doc.text
            # values in one phrase or list are one statement ("born in <city>, <region>", "A, B and D"),
            # except figures, which a list pairs with other things ("6.1-inch and 6.7-inch screens")
            listed = fact.kind not in _FIGURE_KINDS
            # "14h00 local time (10h30 Paris time)": a clock that names its zone, right after the agreeing
            # one, gives the same instant on another clock; a wrong one is the article's own error
            # ... and so does one after the bracket that closes such a conversion ("2:28 a.m. Japan time
            # (1728 GMT Saturday), or 2:58 a.m. in South Australia")
            # ... and so does one the sentence gives as the moment on another clock ("at 10.07 o'clock
            # local time -- in Germany it was 19.07 o'clock MESZ"), or the next sentence ("In Germany
            # was it then 6.02 o'clock MESZ": time.converted_before)
            converted = {m.start for m in ms if m.verdict == "contradict" and fact.kind == "time"
                         and zone_in(m.text) and any(a.end <= m.start and (
                             _CONVERSION_GAP.fullmatch(text[a.end:m.start])
                             or _CLOSED_CONVERSION_GAP.fullmatch(text[a.end:m.start])
                             or _then_clock_gap(text[a.end:m.start])) for a in agreed)
                         or "time.converted_before" in m.rules}
            # "0051 GMT" beside a right local "12:51 p.m." for a UTC fact of 23:51: the fact's own
            # clock, its minutes, whole hours off: a slipped conversion, the article's own error
            slipped = {m.start for m in ms if m.verdict == "contradict" and fact.kind == "time"
                       and isinstance(fact.value, TimeValue) and clock_slip(fact.value, m.text)}
            apart = {m.start for m in ms if m.verdict == "contradict" and not set(m.rules) & _NAMING
                     and m.start not in converted | slipped and not _RESTATED & set(m.rules)
                     and not (listed and any(_list_gap_re().fullmatch(text[min(m.end, a.end):max(m.start, a.start)])
                                             for a in agreed))}
            self._demote(fact_id, apart, "value.agreed_elsewhere")
            if slipped:
                self._mark(fact_id, slipped, "time.own_clock_slip")
            if fact.kind in ("date", "time", "place"):
                # "between the Friday blog post and the Tuesday-night announcement": one sentence that
                # gives the event's day right, firmly, and another day beside it; the other day is
                # another moment's, even where the sentence names the event (at the right day). So for
                # a place beside the fact's own value, written as it is ("After skirting Georgia and South
                # Carolina, it made landfall over Cape Hatteras"); not beside a variant, which may be the
                # wider place ("at the Javits Center in Manhattan"), nor listed with an agreeing one
                # ("second-degree murder, third-degree murder and first-degree manslaughter")
                beside = {m.start for m in self.mentions[fact_id] if m.verdict == "contradict"
                          and m.start not in converted | slipped and not _RESTATED & set(m.rules)
                          and any(a.sentence_start == m.sentence_start and a.value != m.value
                                  and (fact.kind != "place" or _same_place(a.value, fact.value))
                                  for a in agreed)
                          and not (fact.kind == "place" and any(
                              a.sentence_start == m.sentence_start and _list_gap_re().fullmatch(
                                  text[min(m.end, a.end):max(m.start, a.start)]) for a in agreed))}
                self._demote(fact_id, beside, "value.agreed_beside")
            if fact.kind == "place" and fact.event is not None:
                # an event's place (not a cued fact's list of labels, "second-degree murder, third-degree
                # murder and first-degree manslaughter", which states the list)
                self._demote(fact_id, _enumerated(self.mentions[fact_id], text), "place.enumerated")

    def _mark(self: _Host, fact_id: str, starts: set[int], rule_id: str) -> None:
        """The mentions of `fact_id` beginning at `starts` keep their verdict, decided by `rule_id` as
        well (in the trace too)."""
        out = []
        for m in self.mentions[fact_id]:
            if m.start in starts:
                m = replace(m, rules=(*m.rules, rule_id), reason=m.reason + "; " + why(rule_id))
                if self.trace is not None:
                    self.trace.append(TraceStep(fact_id, m.start, m.end, m.line, m.col, m.text, m.value,
                                                m.verdict, m.rules, m.reason))
            out.append(m)
        self.mentions[fact_id] = out

    def _demote(self: _Host, fact_id: str, starts: set[int], rule_id: str) -> None:
        """The contradicting mentions of `fact_id` beginning at `starts` become unclear by `rule_id`
        (in the trace too)."""
        out = []
        for m in self.mentions[fact_id]:
            if m.verdict == "contradict" and m.start in starts:
                m = replace(m, verdict="unclear", certain=False, rules=(*m.rules, rule_id),
                            reason=m.reason + "; " + why(rule_id))
                if self.trace is not None:
                    self.trace.append(TraceStep(fact_id, m.start, m.end, m.line, m.col, m.text, m.value,
                                                "unclear", m.rules, m.reason))
            out.append(m)
        self.mentions[fact_id] = out

    def _other_steps(self: _Host) -> None:
        """A timeline that dates the event right on one line, firmly ("22 August — a borehole reaches
        the refuge"), and gives another date on a line tied to it by a word only ("30 August —
        Drilling begins on the second shaft"): that line tells of another step, so it cannot accuse."""
        for fact_id, ms in self.mentions.items():
            stamped: dict[int, bool] = {}
            for f, a, _, firm in self.stamps:
                if f == fact_id:
                    stamped[a] = stamped.get(a, False) or firm  # (a stamp recorded twice: firm if either is)
            named = {a for f, a in self.named_stamps if f == fact_id}
            if any(m.verdict == "agree" and (stamped.get(m.start) or m.start in named) for m in ms):
                # a line naming the event on other days ("14 June — The committee begins its meeting",
                # "15 June — The committee raises rates"; "6 Sep — The Queen appoints Truss at
                # Balmoral", "8 Sep — The Queen dies at Balmoral"): the name is an actor's (or a
                # place's), present on several steps, so it dates no line more than a word would
                steps = set(stamped) | (named if len(named) >= _ACTOR_LINES else set())
                # (not the agreeing line's own stamps: a wrong clock beside a right one in a row,
                # "08:07 HST / 18:07 UTC / 2:07 p.m. EST — ...", is a wrong conversion of it)
                text = self.doc.text
                right = {text.rfind("\n", 0, m.start) for m in ms
                         if m.verdict == "agree" and (stamped.get(m.start) or m.start in named)}
                steps = {a for a in steps if text.rfind("\n", 0, a) not in right}
                self._demote(fact_id, steps, "value.stamp_other_line")


def _same_place(shown: object, value: object) -> bool:
    """Is a place read (`shown`) the fact's own value as written, not a variant of it?"""
    return " ".join(str(shown).split()).casefold() == " ".join(str(value).split()).casefold()


@cache
def _joined_re() -> regex.Pattern[str]:
    """A word that joins the last item of a list ("and", "or": en.yaml `list_joiners`)."""
    joiners = alternation(lang().data["list_joiners"])
    return regex.compile(rf"(?<![\p{{L}}])(?:{joiners})(?![\p{{L}}])", regex.IGNORECASE)


def _enumerated(ms: list[Mention], text: str) -> set[int]:
    """The starts of contradicting places in an enumeration joined by "and" or "or" that lists the
    fact's place too ("The three other shuttles -- Discovery, Atlantis and Endeavour -- are grounded"):
    the list names several, none of them as this fact's (rule place.enumerated). A pair joined by a
    comma alone ("in Lusail, Doha") is one place and its region, and still accuses."""
    out: set[int] = set()
    ordered = sorted(ms, key=lambda m: m.start)
    run: list[Mention] = []
    joined = False
    for m in [*ordered, None]:
        gap = text[run[-1].end : m.start] if run and m is not None and m.start >= run[-1].end else None
        if m is not None and gap is not None and m.sentence_start == run[-1].sentence_start \
                and _list_gap_re().fullmatch(gap):
            run.append(m)
            joined = joined or bool(_joined_re().search(gap))
            continue
        if joined and any(x.verdict == "agree" for x in run):
            out |= {x.start for x in run if x.verdict == "contradict"}
        run, joined = ([m], False) if m is not None else ([], False)
    return out
