
"""The core: `check(source, factbase) -> SourceResult`. Pure; no I/O.

For every fact of the base the source gets one Finding: `contradict` if any bound mention
contradicts, `agree` if at least one agrees and none contradicts, else `omit`. All bound
mentions are kept as evidence, `unclear` ones included (they never make a contradiction).

Binding, in short (details in bind.py and README "How binding works"):
- facts of an event bind to values in clauses about that event; when a clause may be about
  several events, a value goes to the event it agrees with, else to the clearly nearest event,
  else it is unclear;
- other facts bind in sentences where their `cues` occur and their `exclude` patterns do not;
- name facts find their person anywhere (the kind checks the context).

The checker is one class assembled from parts, one concern each: checkstate.py (the article's
state, the evidence kept and the trace), this module (event facts, the run and the entry points),
cuepass.py (facts found by cues), followups.py (values bound through a neighbour: relative dates,
answers, pronouns, epithets, live-blog stamps), eventcontext.py (where a value stands against the
events' dates), exclusion.py (exclude patterns) and wholedoc.py (the whole-article passes).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import regex

from factcheck.bind import MEDIUM, STRONG, WEAK, Binding
from factcheck.cuepass import CuePasses, _near_after_only
from factcheck.eventcontext import OTHER_YEAR_KINDS
from factcheck.evidence import (
    _ANY_EVENT_KINDS,
    TraceStep,
    _clause_excluded,
    _flanked,
    _readings,
    _seg_at,
    _talk_near,
    after_than,
    anchored_after,
    behind_rival_only,
    evidence_owns_next,
    home_offset,
    other_tally_entry,
)
from factcheck.factbase.model import Fact, FactBase
from factcheck.figurecontext import anothers_act
from factcheck.followups import FollowUpPasses
from factcheck.judging import (
    _BULLETS,
    Judged,
    _excluded_near,
    _future_re,
    _month_only,
    _near_ok,
    _reported_on,
    _soften,
    _weekday_only,
    denied_role,
    judge,
    stamp_cue,
)
from factcheck.kinds import KINDS, Reading
from factcheck.kinds.date import DateValue, published, read_dates
from factcheck.kinds.time import (
    TimeKind,
    TimeValue,
    label_out_of_season,
    on_clock_of,
    read_times,
    then_clock_re,
    zone_in,
)
from factcheck.lang import alternation, lang, words_re
from factcheck.model import Finding, LazyFindings, Source, SourceResult, combine
from factcheck.numbers import WRITTEN_YEAR
from factcheck.prefilter import per_base
from factcheck.quick import all_omitted, binds_nothing
from factcheck.rules import tune, why
from factcheck.segment import Document, Segment, Sentence
from factcheck.wholedoc import DocumentPasses

#: the bindings of a clause by an event's own words alone (no name, no parties)
_WORDS_ONLY = frozenset({"event.words", "event.words_shared", "event.in_story"})
#: kinds that measure (a figure, a length of time): another fact's cue in the clause may own the figure
_MEASURE_KINDS = frozenset({"quantity", "count", "percentage", "money", "duration"})


# a time fact's value that gives its day ("2019-03-19 21:02 PDT")
_DAY_WRITTEN = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _written_day(fact: Fact) -> str | None:
    """The day a time fact's value writes ("2019-03-19" of "2019-03-19 21:02 PDT"), if any."""
    m = _DAY_WRITTEN.search(str(fact.raw_value))
    return m.group(0) if m else None
# the last binding rule says the clause borrowed its event from another clause of the sentence
_BORROWED = frozenset({"event.same_sentence", "event.bracket_gloss"})

def _by_event_kind(by_event: dict[str, list[Fact]]) -> dict[tuple[str, str], list[Fact]]:
    """Each event's facts by kind, in the base's order: rivals are looked for among the facts of the
    value's kind, not among every fact of a big base."""
    out: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for e, facts in by_event.items():
        for f in facts:
            out[(e, f.kind)].append(f)
    return dict(out)


#: a weekday said of the writing's own week: "on Wednesday", "last Friday", "this Monday" (not "on a
#: Monday", "that Monday"), right before the weekday
_DEICTIC_DAY = regex.compile(r"(?<![\p{L}])(?:on|last|this|next|since|by|until)\s+\Z", regex.IGNORECASE)
#: ... and not one a date follows ("on Sunday, the 11.9.", "on Saturday 10 September")
_DATE_AFTER = regex.compile(r"\s*,?\s*(?:the\s+)?\d", regex.IGNORECASE)


# what stands between two clock times that give one instant on two clocks: "8 p.m. EDT — 01:00 GMT",
# "20:00 EDT (00:00 GMT)", "8 p.m. ET / 1 a.m. BST"
#: words of another moment in a live-blog entry: a countdown, a delay, a recap ("One hour to kick-off",
#: "the quake struck 40 minutes ago", "was due at ..."): its stamp may be hours off the event's instant
_OTHER_MOMENT = regex.compile(r"(?<![\p{L}])(?:hours?|hrs?|minutes?|mins?|ago|later|earlier|until|till|to\s+go|"
                              r"away|soon|expected|scheduled|due|will|countdown|T-minus|delay\w*|postpone\w*|"
                              r"since|after|before|yet|still|tomorrow|yesterday|tonight|morning|evening)(?![\p{L}])",
                              regex.IGNORECASE)
# "<noun> of [the] " right before a date: "the market events of May 6", "the attacks of September 11"
_NOUN_OF = regex.compile(r"(?<![\p{L}])(?P<noun>\p{L}{3,})\s+of\s+(?:the\s+)?\Z")


_OCCASION_BEFORE = regex.compile(r"(?<![\p{L}])(?:at|during|in|on)\s*\Z", regex.IGNORECASE)
_PHRASE_OPENER = regex.compile(r"(?<![\p{L}])(?:the|a|an|its|their|his|her|this|that)\s|[,;:(\"“”]", regex.IGNORECASE)


@cache
def _coordinated_vp() -> regex.Pattern[str]:
    """A clause that goes on with the subject of the one before: "and" or "but", then a word in lower
    case that is no subject ("and beat us 4-1"; not "and the jet crashed", "and he said")."""
    d = lang().data
    subjects = alternation([*d["subject_pronouns"], *d["coordinated_not_verbs"]])
    return regex.compile(rf"\A\W*(?:{alternation(d['coordinated_openers'])})\s+(?!(?:{subjects})(?![\p{{L}}]))"
                         r"\p{Ll}", regex.IGNORECASE)


@cache
def _time_of_nouns() -> frozenset[str]:
    """Nouns of a part of a day or a period before "of" and a date ("the morning of", "the end of"):
    the date is still the clause's."""
    return frozenset(str(w).lower() for w in lang().data["time_of_nouns"])


_CONVERSION_SEP = regex.compile(r"\s*(?:[—–(/=]|\s-\s|,\s+or)\s*\Z")


_CUE_BEFORE_KINDS = frozenset({"score", "count", "quantity", "percentage", "money"})
_GAP_BREAK = regex.compile(r"[,;:()\[\]—–]|\band\b|\bbut\b")


# a timeline's stamp row: clock times (replaced by "T") joined by slashes, bars, commas or range dashes
# from the line's start, then the entry's dash ("08:12–08:13 HST / 18:12 UTC / 1:12 p.m. EST — ...")
_STAMP_ROW = regex.compile(r"[ \t*•·>#\[\]-]*(?:T[ \t/|,;–-]*)*T[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?(?:[—–|]|\s-\s)")


def _clock_stamp(sentence: Sentence, r: Reading) -> bool:
    """Is the clock time `r` in the stamp row that opens a timeline's line (`_STAMP_ROW`)?"""
    text = sentence.text
    if not text.lstrip(_BULLETS)[:1].isdigit():
        return False
    clocks = read_times(text[:160], sentence.start)
    if not any(t.start == r.start for t in clocks):
        return False
    row, last = [], 0
    for t in clocks:
        row.append(text[last : t.start - sentence.start])
        row.append("T")
        last = t.end - sentence.start
    row.append(text[last : last + 30])
    m = _STAMP_ROW.match("".join(row))
    if m is None:
        return False
    # the clock must be inside the matched row: count the T's the row holds
    held = m.group().count("T")
    return [t.start for t in clocks].index(r.start) < held


class _Checker(DocumentPasses, CuePasses, FollowUpPasses):
    """One article's check: the passes of each sentence, then the whole-article passes."""

    # -- event facts --------------------------------------------------------------------------
    def _routed(self, fact: Fact, r: Reading, sentence: Sentence, trace: bool = False) -> bool:
        """Does a value of this kind go to `fact` rather than to a sibling with a `near` cue?"""
        drop = self._unrouted(fact, r, sentence)
        if drop and trace:
            self.drop(fact, r, drop)
        return drop is None

    def _anothers_cue_before(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Does a cue of another fact of the same kind, one bound by its cues, stand right before the
        value (at most three words between, no clause break; a label, not a name written with a
        capital), with none of this fact's own cues there?"""
        if fact.kind not in _CUE_BEFORE_KINDS:
            return False  # (a place's or a name's cue words are too common: "splashed down in the")
        lo = max(sentence.start, r.start - 40)
        head = sentence.text[lo - sentence.start : r.start - sentence.start]

        def right_before(pats: tuple[Any, ...]) -> bool:
            for p in pats:
                for m in p.finditer(head):
                    if m.group(0)[:1].isupper() and lo + m.start() > sentence.start:
                        continue  # a name as a cue ("Lula took 43.2%"): whose figure it is, not which
                    gap = head[m.end() :]
                    if len(gap.split()) <= 3 and not _GAP_BREAK.search(gap):
                        return True
            return False

        if right_before(tuple(fact.cues)):
            return False
        return any(g.kind == fact.kind and g is not fact and right_before(tuple(g.cues)) for g in self.cue_facts)

    def _unrouted(self, fact: Fact, r: Reading, sentence: Sentence) -> str | None:
        """The rule that takes the value away from `fact`, if any."""
        if other_tally_entry(fact, r, sentence):
            return "value.tally_label"
        if _excluded_near(fact, r, sentence):
            return "fact.exclude_near"
        if _clause_excluded(fact, r, sentence):
            return "fact.excluded"  # "... in the previous election", "the second pass's ..." in the clause
        ev = self.fb.events.get(fact.event or "")
        if _reported_on(fact, r, sentence, (*ev.words, *ev.names) if ev is not None else ()):
            return "value.report_time"
        if fact.near:
            # a conversion in brackets of a value that agreed stands where that value does
            return None if _near_ok(fact, r, sentence) or self._restates(fact, r) is not None else "fact.not_near"
        siblings = [s for s in self.by_event[fact.event or ""] if s.kind == fact.kind and s.near and s is not fact]
        return "fact.sibling_near" if any(_near_ok(s, r, sentence) for s in siblings) else None

    def event_sentence(self, sentence: Sentence, bindings: list[Binding]) -> None:
        # the dates the article is about: its own dates, and those of the events it has firmly
        # been about so far (a weekday of the summit in a story that also dates the 30 December call)
        told = {self.fb.events[e].date for e in self.binder.history} | {
            self.fb.events[e].date for b in bindings for e in b.candidates if b.level_of(e) >= MEDIUM}
        self.ctx.anchors = tuple(sorted(set(self.binder.anchors) | {d for d in told if d is not None}))
        seg_of = [(g.start, g.end) for g in sentence.segments]

        def binding_at(pos: int) -> Binding:
            for (a, b), bd in zip(seg_of, bindings):
                if a <= pos < b:
                    return bd
            return Binding()

        done: set[tuple[str, int, int]] = set()
        bound = {e for bd in bindings for e in bd.candidates}
        # only the facts of the events a clause is about (in the base's order): the others have nothing to read
        for fact in self.index.event_facts(bound):
            kind = KINDS[fact.kind]
            for r in _readings(kind, sentence, fact, self.ctx):
                b = binding_at(r.start)
                if fact.event not in b.candidates or (fact.id, r.start, r.end) in done:
                    continue
                done.add((fact.id, r.start, r.end))
                if not self._routed(fact, r, sentence, trace=True):
                    continue
                self._decide(fact, r, sentence, b)
        self._same_day_dates(sentence, bindings, binding_at, bound)

    def _same_day_dates(self, sentence: Sentence, bindings: list[Binding], binding_at: Any, bound: set[str]) -> None:
        """A date in a clause firmly about one event agrees with the date fact of another event of the
        base on the same day at the same place ("set a men's world record in Chicago yesterday" of the
        men's race, for the marathon's own date): the same occasion, the same day. It only agrees
        (event.same_day_sibling): the clause is not about that event."""
        siblings: dict[str, list[Fact]] = per_base(self.fb, "same_day_date_facts",
                                                   lambda: _same_day_date_facts(self.fb))
        todo = [(e, f) for e in sorted(bound) for f in siblings.get(e, ()) if f.event not in bound
                and not self.mentions.get(f.id)]
        if not todo:
            return
        kind = KINDS["date"]
        for e, fact in todo:
            readings = [r for r in _readings(kind, sentence, fact, self.ctx)
                        if (b := binding_at(r.start)).level_of(e) >= MEDIUM and e in b.candidates]
            self._agree_only(fact, readings, sentence, "event.same_day_sibling",
                             f"the clause is about {e}, not {fact.event}", f"event {e} on the same day as {fact.event}")

    def _page_weeks_after(self, ev: str) -> bool:
        """Is the page dated (its dateline, byline or date line) more than a week after the event's day?"""
        event = self.fb.events.get(ev)
        pub = published(self.ctx)
        if event is None or event.date is None or pub is None or None in (pub.year, pub.month, pub.day):
            return False
        assert pub.year and pub.month and pub.day
        return (dt.date(pub.year, pub.month, pub.day) - event.date).days > 7

    def _page_before(self, ev: str) -> bool:
        """Is the page dated (its dateline, byline or "Published" line) before the event's day?"""
        event = self.fb.events.get(ev)
        pub = published(self.ctx)
        if event is None or event.date is None or pub is None or None in (pub.year, pub.month, pub.day):
            return False
        return (pub.year, pub.month, pub.day) < (event.date.year, event.date.month, event.date.day)

    def _stamp_zone_slip(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is a live-blog stamp a whole one or two hours off the fact's instant, to the minute, on an
        entry that tells the event with no word of another moment ("1:47 a.m. — LIFTOFF!", "18:00 BST
        — Polls have now closed", not "19:00 — One hour to kick-off")? Its clock is on the wrong zone."""
        v = r.value
        if fact.kind != "time" or not isinstance(v, TimeValue) or v.lo or v.hi:
            return False
        if _OTHER_MOMENT.search(sentence.text, r.end - sentence.start):
            return False
        return any(judge(replace(r, value=replace(v, local=(v.local + shift) % 1440), detail=""),
                         fact, sentence, self.ctx).verdict == "agree" for shift in (-120, -60, 60, 120))

    def _converts_clock_before(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the clock time the same instant given on another clock, right after a clock time that
        ends the clause before, past a dash, a bracket or a slash ("at 8 p.m. EDT — 01:00 GMT Tuesday
        for our readers in London")? Its clause is that time's, not one of its own."""
        return self._clock_before(fact, r, sentence) is not None

    def _clock_before(self, fact: Fact, r: Reading, sentence: Sentence) -> Reading | None:
        """The clock time `r` gives on another clock (see `_converts_clock_before`), if any."""
        head = sentence.text[: r.start - sentence.start]
        sep = _CONVERSION_SEP.search(head)
        if sep is None:
            return None
        end = sentence.start + sep.start()
        return next((o for o in _readings(KINDS[fact.kind], sentence, fact, self.ctx)
                     if o is not r and o.end == end and isinstance(o.value, TimeValue)), None)

    def _first_clock(self, fact: Fact, r: Reading, sentence: Sentence) -> Reading:
        """The first clock time of the row of clocks `r` ends ("09:14 CEST / 07:14 UTC / 03:14 EDT"
        for each of them): whose clause the row's times share."""
        seen = {r.start}
        while (before := self._clock_before(fact, r, sentence)) is not None and before.start not in seen:
            seen.add(before.start)
            r = before
        return r

    def _later_told(self, j: Judged, fact: Fact, r: Reading, sentence: Sentence, bound: tuple[str, ...]) -> Judged:
        """A contradiction in a passage dated well after the story, in a clause that does not name
        the event ("... in the snap election of 23 February 2025 ... turnout, at 82.5 per cent"):
        unsure; so is one beside a year outside the story's (rule value.other_year)."""
        if j.verdict == "contradict" and self._future_on_later_page(fact, sentence, r):
            return j.unsure("value.future_later")  # "On Sunday the 50th Berlin Marathon will be run" years on
        if j.verdict == "contradict" and "event.named" not in bound and self._narrated_later(sentence, r):
            return j.unsure("value.narrated_later")
        if j.verdict == "contradict" and ("event.named" not in bound or self.opens_on_old_year(sentence, r)) \
                and self._narrated_earlier(sentence, r):
            return j.unsure("value.narrated_earlier")
        if j.verdict == "contradict" and fact.kind in OTHER_YEAR_KINDS and self._other_year_beside(sentence, r):
            return j.unsure("value.other_year")  # "... their loss to Australia in Melbourne in 2015"
        return j

    def _future_on_later_page(self, fact: Fact, sentence: Sentence, r: Reading) -> bool:
        """Is the value in a sentence about what will happen ("will be run", "is due to open"), on a
        page dated more than `later_narrative_days` after the value's event? The page tells of a later
        occurrence or step, not of the event it reported: "On Sunday the 50th Berlin Marathon will be
        run without him" in a column two years after the 48th."""
        ev = self.fb.events.get(fact.event or "")
        if ev is None or ev.date is None or isinstance(r.value, DateValue):
            return False
        a = max(0, r.start - sentence.start - 60)
        if not _future_re().search(sentence.text, a, r.end - sentence.start + 40):
            return False
        pub = published(self.ctx)
        if pub is None or not (pub.year and pub.month and pub.day):
            return False
        later = tune("later_narrative_days")
        if (dt.date(pub.year, pub.month, pub.day) - ev.date).days <= later:
            return False
        # (a stored page's date may be the day it was crawled: the text itself must tell of a day as
        # late, "Kiptum broke it in Chicago on 8 October 2023", for the page to be a retrospective)
        key = ("body_last_date",)
        if key not in self.ctx.cache:
            days = [dt.date(v.year, v.month, v.day) for st in self.doc.sentences
                    for v in (d.value for d in read_dates(st.text, st.start)) if v.year and v.month and v.day]
            self.ctx.cache[key] = max(days) if days else None
        last: dt.date | None = self.ctx.cache[key]
        return last is not None and (last - ev.date).days > later

    def _converts_clock_told_before(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the clock time, on a named clock, opened by words of the same moment ("In Germany it was
        then", "That was": zones.yaml `then_clock_before`) right after a sentence of the same paragraph
        with a clock time that agrees with the fact? It converts that time to another clock."""
        if sentence.index == 0 or not zone_in(r.text):
            return False
        head = sentence.text[: r.start - sentence.start]
        if not then_clock_re().search(head):
            return False
        prev = self.doc.sentences[sentence.index - 1]
        if prev.paragraph != sentence.paragraph:
            return False
        return any(judge(o, fact, prev, self.ctx).verdict == "agree"
                   for o in _readings(KINDS[fact.kind], prev, fact, self.ctx))

    def _own_other_day(self, fact: Fact, ev: str) -> bool:
        """Does the time fact write a day of its own other than its event's date ("2019-03-19 21:02
        PDT" for a deal closed on 20 March on New York's clock)? The event's date fact does not judge
        that day: the time fact does ("9:02 p.m. PT on March 20" accuses it)."""
        day, event = _written_day(fact), self.fb.events.get(ev)
        return day is not None and event is not None and event.date is not None and day != event.date.isoformat()

    def _day_told_against(self, fact: Fact, sibling: Fact, r: Reading) -> bool:
        """Is `r` a clock time that agrees with the time fact's own clock reading, the fact giving its
        day and the sibling none ("9:02 p.m. PT on March 20" for a fact of 21:02 PDT on 19 March, a
        sibling of 00:02 EDT): the sibling agrees by the clock alone, the day written says it is
        this fact's, a day off; it is not the sibling's to take."""
        if fact.kind != "time" or not isinstance(fact.value, TimeValue) or not isinstance(sibling.value, TimeValue):
            return False
        tk = KINDS["time"]
        return (_written_day(fact) is not None and _written_day(sibling) is None and isinstance(tk, TimeKind)
                and tk.clock_agrees(r, fact.value, self.ctx) is True)

    def _anothers_date_in_clause(self, r: Reading, sentence: Sentence, ev: str) -> bool:
        """Does the value's clause hold, besides it, a full date that is exactly another event's?"""
        seg = _seg_at(sentence, r.start)
        if seg is None:
            return False
        return any(o.start != r.start and o.value.month and o.value.day and self._another_events_date(o.value, ev)
                   for o in read_dates(seg.text, seg.start))

    def _glosses_distractor(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Does the clause right before the value's bracket hold a clock time that one of the fact's
        distractors takes and the fact does not (a distractor may be the fact's instant on another
        clock)?"""
        seg = _seg_at(sentence, r.start)
        k = sentence.segments.index(seg) if seg is not None else 0
        if k == 0:
            return False
        prev = sentence.segments[k - 1]
        kind = KINDS[fact.kind]
        return any(prev.start <= o.start < prev.end and kind.compare(o, fact.value, fact, self.ctx) is not True
                   and any(kind.compare(o, d.value, fact, self.ctx) is True for d in fact.distractors)
                   for o in _readings(kind, sentence, fact, self.ctx))

    def _dates_another_noun(self, r: Reading, sentence: Sentence, ev: str) -> bool:
        """Does the date stand right after "<noun> of" ("the market events of May 6", "the attacks of
        September 11"), a noun that is none of the event's names or words and no part of a day or a
        season ("the morning of", "the end of": en.yaml `time_of_nouns`)? It dates that noun."""
        head = sentence.text[: r.start - sentence.start]
        m = _NOUN_OF.search(head)
        event = self.fb.events.get(ev)
        if m is None or event is None or m.group("noun").lower() in _time_of_nouns():
            return False
        a, b = m.start("noun"), m.end("noun")
        # the noun's phrase, from its determiner or the last punctuation: "the Eurogroup meeting of 27
        # June" is the event's when "Eurogroup" names it
        opener = list(_PHRASE_OPENER.finditer(head, max(0, a - 40), a))
        start = opener[-1].end() if opener else max(0, a - 40)
        if _OCCASION_BEFORE.search(head, max(0, start - 30), opener[-1].start() if opener else start):
            return False  # "submitted at the Eurogroup meeting of 27 June": the occasion the event took place at
        return not any(start <= x.start() and x.end() <= b for p in (*event.names, *event.words)
                       for x in p.compiled.finditer(head, start, b))

    def _coordinated_unsure(self, j: Judged, ev: str, r: Reading, sentence: Sentence) -> Judged:
        """"Last April his PSG came to Montjuic ... and beat us 4-1": the clause goes on with the
        subject of the clause before, which names another event; the word here may be that one's."""
        other = self._coordinated_after_named(ev, r, sentence)
        return j.unsure("event.coordinated_after_named", f"the clause before names {other}") if other else j

    def _coordinated_after_named(self, ev: str, r: Reading, sentence: Sentence) -> str | None:
        """The event the clause before names, when the value's clause goes on from it with no subject
        of its own ("..., and beat us 4-1") and does not name this event itself."""
        bindings = self.bindings.get(sentence.index) or []
        segs = sentence.segments
        k = next((i for i, g in enumerate(segs) if g.start <= r.start < g.end), None)
        if not k or k >= len(bindings) or not _coordinated_vp().match(segs[k].text):
            return None
        if ev in bindings[k].candidates and bindings[k].level_of(ev) >= STRONG:
            return None
        prev = bindings[k - 1]
        named = [o for o in prev.candidates if o != ev and prev.level_of(o) >= STRONG]
        return named[0] if named and not (ev in prev.candidates and prev.level_of(ev) >= STRONG) else None

    def _year_before_other(self, r: Reading, sentence: Sentence, ev: str) -> bool:
        """Does a year other than the event's stand earlier in the sentence than a month alone ("In
        January 2025 the company put New Glenn into orbit, and in April a New Shepard flew")? The
        month is that year's, another occurrence's, never the event's month named wrongly."""
        d = self.fb.events[ev].date if ev in self.fb.events else None
        if d is None:
            return False
        years = {int(y) for y in WRITTEN_YEAR.findall(sentence.text, 0, r.start - sentence.start)}
        return bool(years) and d.year not in years

    def _decide(self, fact: Fact, r: Reading, sentence: Sentence, b: Binding) -> None:
        j = _soften(judge(r, fact, sentence, self.ctx), r, sentence, home_offset(self.fb, fact.event),
                    self.written_later())
        ev = fact.event or ""
        level = b.level_of(ev)
        bound = b.rules_of(ev)
        if level < MEDIUM and isinstance(r.value, DateValue) and r.value.day is None and r.value.weekday is None:
            if j.verdict != "agree" or self._month_shared(fact):
                # "January's talks" in a loose clause; or the month of several events of the base
                self.drop(fact, r, "value.month_only_loose")
                return
            # "the bridge opened in March 1977": the right month only agrees, loosely
            j = j.unsure("value.month_only_agrees")
        rule = f"event {ev} ({b.why_text(ev)}, level {level})"
        if fact.near:
            bound = (*bound, "fact.near")  # routed here: the value stands closely after a `near` cue
            if _near_after_only(fact, r, sentence):
                bound = (*bound, "fact.near_after")
        if "value.timestamp" in j.rules and ("event.in_story" in bound or "event.stamp_day" in bound):
            # a live blog's stamp on an entry that does not name the event: the time of the report
            self.drop(fact, r, "value.timestamp")
            return
        if "value.timestamp" in j.rules and level >= MEDIUM and self._stamp_zone_slip(fact, r, sentence):
            # "All times EDT ... 1:47 a.m. — LIFTOFF!" for 1:47 a.m. EST: the entry that tells the event
            # happening is stamped whole hours off its instant, to the minute: the blog's clock is on
            # the wrong zone, not late
            base = judge(r, fact, sentence, self.ctx)
            j = Judged(base.verdict, base.reason + "; " + why("value.stamp_zone_slip"),
                       (*base.rules, "value.stamp_zone_slip"))
        if j.verdict == "contradict" and bound and bound[0] in ("event.words", "event.words_shared"):
            # the event's own word or name far from the value ("the crews reached the site on Friday after
            # a long night, days after the quake had struck"): bound, but only loosely
            spans = b.spans.get(ev, ())
            if (spans and min(max(a - r.end, r.start - e, 0) for a, e in spans) > tune("cue_near")
                    and not _fronted(r, sentence) and not any(_across_aside(sentence, e, r) for _, e in spans)):
                j = j.unsure("event.word_far")
        if (j.verdict == "contradict" and fact.kind in ("date", "time") and bound
                and bound[0] in ("event.words", "event.words_shared")
                and (phase := _other_phase(self.fb.events[ev].what, sentence.text))):
            # "5 September 2015 -- Intensive downlink of the stored flyby data begins." for the day
            # the last of the data arrived: the event's words, at its other end
            j = j.unsure("event.other_phase", f"the sentence tells of the {phase}, the event is the other end")
        if (j.verdict == "contradict" and fact.kind in ("date", "time") and bound
                and bound[0] in ("event.named", "event.words", "event.words_shared")
                and not (event := self.fb.events[ev]).parties
                and (who := anothers_act(sentence, r, event.what, (*event.names, *event.words, *fact.cues)))):
            # "Frank DiPascali, Madoff's longtime lieutenant, pleaded guilty on August 11" for Madoff's
            # plea: the event's own verb, done by someone its description does not name
            j = j.unsure("event.anothers_act", f"{who} is not named by the event")
        if (j.verdict == "contradict" and bound and bound[0] in ("event.words", "event.words_shared")
                and _words_in_aside_before(b.spans.get(ev, ()), r, sentence)):
            # "the game lasted, without the interruption by rain, 4 hours and 38 minutes": the event's
            # words stand only in an aside right before the value, which is the main clause's
            j = j.unsure("event.word_in_aside")
        if j.verdict == "contradict" and _in_relative_aside(b.spans.get(ev, ()), r, sentence):
            # "At this afternoon's post-flight briefing, which began at 2 p.m., the team confirmed":
            # the value is the relative clause's antecedent's, not the event's
            j = j.unsure("value.relative_aside")
        if j.verdict == "contradict" and _next_in_series(b.spans.get(ev, ()), r, sentence):
            # "registered a first explosion, two minutes later a second much stronger with a strength
            # of 3.5": the clause names the first of a series, and the value comes after "a second"
            j = j.unsure("event.next_in_series")
        if j.verdict == "contradict" and isinstance(r.value, DateValue) and self._dates_another_noun(r, sentence, ev):
            # "a joint study ..., 'Findings Regarding the Market Events of May 6, 2010'" for the report's
            # date: a date after "<noun> of" dates that noun, another happening than the event
            j = j.unsure("value.noun_of_date")
        if j.verdict == "contradict" and level < STRONG and self._after_another_event(sentence, ev):
            # "Hurricane Ida made landfall in 2021 as a Category 4. The post-Katrina levees held.": a
            # sentence that does not name the event, right after one that names another event (one
            # the base declares without facts, to keep its figures away) and not this one, may go on
            # about that one
            j = j.unsure("event.after_another")
        if j.verdict == "contradict" and _weekday_only(r) and self._page_before(ev):
            # "our coverage continues tomorrow with Tuesday's emergency summit", on a page dated days
            # before the event: a weekday alone there is a day still to come from the writing, a plan
            # (often another meeting), not a report of the event's day
            j = j.unsure("value.before_event")
        if (j.verdict == "contradict" and _weekday_only(r) and not fact.near and self._page_weeks_after(ev)
                and _DEICTIC_DAY.search(sentence.text, 0, r.start - sentence.start)
                and not _DATE_AFTER.match(sentence.text, r.end - sentence.start)):
            # "stood in a federal courtroom in Boston on Wednesday and apologized to the victims of the
            # 2013 bombing", on a page dated two years on: "on Wednesday" is a day of the writing's
            # week, not the event's (not for a fact with a `near` cue, a statement's own day: "said
            # in a statement on Monday" is that fact's weekday, and a stored page's date header may
            # be the day it was saved, years on)
            j = j.unsure("value.page_week")
        if j.verdict == "contradict" and not _weekday_only(r):  # a weekday fits a sibling by chance
            # (not the event's weekday fact and its date facts: they judge two parts of one value)
            sibling = next((f for f in self.by_event[ev] if f is not fact and f.kind == fact.kind
                            and not (fact.kind == "date" and "weekday" in (f.options.get("part"),
                                                                            fact.options.get("part")))
                            and not self._day_told_against(fact, f, r)
                            and judge(r, f, sentence, self.ctx).verdict == "agree"), None)
            if sibling is not None:
                # "the operation began on Sunday" for the rescue's end date: the value is the right value
                # of another fact of the same event (its start date)
                self.drop(fact, r, "event.sibling_agrees", f"agrees with {sibling.id}")
                return
        if j.verdict == "contradict" and fact.kind == "place" and (other := self._another_events_place(r, ev)):
            # "9 Jul 2014 (Wed) — Semi-final, Sao Paulo: ...": the place read is another event's
            # declared place; the clause may well be about that event
            j = j.unsure("event.another_events_place", f"it is the place of {other}")
        if j.verdict == "contradict" and fact.kind == "time" and getattr(r.value, "zone", None) is None and any(
                (o.start, o.end) != (r.start, r.end) and judge(o, fact, sentence, self.ctx).verdict == "agree"
                for o in _readings(KINDS[fact.kind], sentence, fact, self.ctx)):
            # "the ceremony began at 8pm local time, which was 11am in the capital": the sentence gives the event's
            # time right, then the same instant on other clocks whose zone it may not name (a clock that
            # names its zone, "4 p.m. local (10:00 CET)", says which instant it means: a wrong one accuses)
            j = j.unsure("value.same_instant_elsewhere")
        if (j.verdict == "contradict" and fact.kind == "time" and fact.distractors and bound
                and bound[-1] == "event.bracket_gloss" and self._glosses_distractor(fact, r, sentence)):
            # "had just taken off at 15h24 local hour (20h24 hour of Paris)": the bracket glosses a
            # clock time that is a known other moment's (the take-off, not the ditching): it is that
            # moment on another clock, however wrong
            j = j.unsure("value.glosses_distractor")
        if (j.verdict == "contradict" and bound and bound[0] in _WORDS_ONLY
                and (place_of := self._names_anothers_place(sentence.text, ev))):
            # "The hearse has left Wellington Arch for Windsor, a drive of a little under two hours",
            # bound by the words "hearse" and "drive" to a drive days earlier: the sentence names the
            # place of another event of the base, whose happening the words may be
            j = j.unsure("event.anothers_place_named", f"the sentence names the place of {place_of}")
        if j.verdict == "contradict" and self._dated_elsewhere(sentence, ev) and (
                not isinstance(r.value, DateValue) or self._within_stamp(sentence, r.value, ev)):
            # "12 May — engineers finish the second tunnel after 40 days of work": the line's own date is
            # far from this event's, so its figures are another moment's; and a date inside the span
            # of its stamp ("June–November 2016" / "... notifies the Commission in October") too
            j = j.unsure("event.dated_elsewhere")
        if (j.verdict == "contradict" and "event.named" not in bound and fact.kind in _MEASURE_KINDS
                and (claim := self._cue_fact_in_clause(fact, r, sentence)) is not None):
            # "The fifth set alone had lasted 8:41 hours", bound to the match by "lasted": a fact of
            # the same kind whose own cue ("fifth set") is in the value's clause claims it
            j = j.unsure("event.cue_fact_claims", f"{claim}'s cue is in the value's clause")
        # which other events the value could be about: the clause's other candidates, those set
        # aside by the article's time; and, when the clause only refers back ("the talks"), any
        # event at all ("January's talks" in a story about the December summit)
        others = set(b.candidates) | set(b.alternates)
        if (b.by_reference and not _weekday_only(r)) or _month_only(r):
            # a weekday matches some event's by chance; a full date or a duration rarely does
            others |= set(self.by_event)
        others.discard(ev)
        rivals_found: list[list[Fact]] = []

        def rival_agree() -> list[Fact]:
            """The other events' facts (and the cue facts the sentence has: "the 26.31 percent recorded
            ... in this year's first round" is the first round's abstention, a cue fact, not the 2017
            share) that the value agrees with; worked out once, and only when a decision needs it
            (with a big base, `others` may be every event)."""
            if not rivals_found:
                key = (sentence.index, repr(r), fact.kind, frozenset(others))
                if key in self.rival_memo:
                    rivals_found.append(self.rival_memo[key])
                    return rivals_found[0]
                of_kind = per_base(self.fb, "event_kind_facts", lambda: _by_event_kind(self.by_event))
                found = [f for e in sorted(others) for f in of_kind.get((e, fact.kind), ())
                         if judge(r, f, sentence, self.ctx).verdict == "agree" and self._routed(f, r, sentence)]
                found += [f for f in self.cue_facts
                          if f.kind == fact.kind and any(p.search(sentence.text) for p in f.cues)
                          and not any(p.search(sentence.text) for p in f.exclude)
                          and judge(r, f, sentence, self.ctx).verdict == "agree"]
                rivals_found.append(found)
                self.rival_memo[key] = found
            return rivals_found[0]

        full_date = isinstance(r.value, DateValue) and bool(r.value.month and r.value.day)
        if (j.verdict == "contradict" and isinstance(r.value, DateValue)
                and self._far_from_event(r.value, ev, int(tune("far_event_days")))
                and not self._wrong_year(r.value, ev) and fact.far != "contradict"
                and not self._wrong_month(r.value, ev)):
            # "Biden and Zelenskyy speak ... on January 2", "the old record set in April 1970": weeks
            # away from the event of the base: another occurrence rather than a wrong date (not the
            # event's day in the month beside it, its year said or left out: a slipped month, "the
            # hearing on 11.03.1986" for 11 February, "arrested on June 7" for 7 July)
            j = j.unsure("event.far_date")
        elif j.verdict == "contradict" and _month_only(r) and (self._year_before_other(r, sentence, ev) or not (
                "event.named" in bound and any(max(a - r.end, r.start - e) <= 25 for a, e in b.spans.get(ev, ())))):
            # "in June" in a story about an April vote: a month alone is too coarse to accuse, unless
            # it qualifies the event's name itself ("the July Geneva summit", not "this election ...
            # June's other vote")
            j = j.unsure("value.month_only")
        if (j.verdict == "contradict" and full_date
                and self._far_from_event(r.value, ev, int(tune("another_event_days")))
                and (dated := self._another_events_date(r.value, ev))
                and not (bound == ("event.named",) and not dated & {*b.candidates, *b.alternates, *b.set_aside})):
            # "... by video on 7 December and by phone on 30 December"; but a clause that names this
            # event, and holds nothing of the other, swaps their dates ("Varoufakis's resignation on
            # 13 July", the day of the deal): it accuses
            self.drop(fact, r, "event.another_events_date")
            return
        if (j.verdict == "contradict" and full_date and b.by_reference and "event.named" not in bound
                and self._anothers_date_in_clause(r, sentence, ev)):
            # "..., a record for the tournament, which began on Aug. 29 and ends with the men's final on
            # Sept. 11", bound only by a word referring back to the match: the clause dates another
            # event of the base (the tournament's start), so its other dates are likely that thing's too
            j = j.unsure("event.another_events_date_beside")
        if (j.verdict == "contradict" and "event.named" not in bound
                and self._near_events_day(r.value, ev, int(tune("another_event_days")), sentence.text)):
            # "the United Kingdom decided on Thursday 23.06.2016 to quit the EU", bound to the next
            # day's resignation by "quit": the day is exactly that of another event of the base a
            # day or two away, so the clause may well be about it
            j = j.unsure("event.another_events_day")
        elif (j.verdict == "contradict" and _weekday_only(r) and "event.named" in bound
              and all(min(abs(r.start - z), abs(a - r.end)) > 20 for a, z in b.spans.get(ev, ()))
              and self._near_events_day(r.value, ev, 7, sentence.text)):
            # "This decided a civil jury in Santa Monica ... on Monday" for the liability verdict of
            # Tuesday 4 February, the same jury's award of damages on Monday 10 February an event of
            # the base: a weekday alone, away from the event's name, that of another event within the
            # week, may be that event's ("Saturday's final", right at the name, is the final's)
            j = j.unsure("event.another_events_day")
        elif (j.verdict == "contradict" and (full_date or _weekday_only(r))
              and self._sentence_binds_event_of_day(sentence, r.value, ev)):
            # "9 Jul 2014 (Wed) — Semi-final, Sao Paulo: Netherlands 0-0 Argentina": the line names
            # this event's (generic) name, but firmly binds another event of the base whose day the
            # date is exactly: it may well be that event's date
            j = j.unsure("event.another_events_day")
        if (j.verdict == "contradict" and fact.kind == "time" and self._has_date_fact(ev)
                and not self._own_other_day(fact, ev)
                and isinstance(tk := KINDS["time"], TimeKind) and tk.clock_agrees(r, fact.value, self.ctx)):
            # "The duel began on Monday, 21.06.2010, at 19.13 Uhr MESZ" for Tuesday 22 June, 18:13
            # BST: the clock agrees, the day beside it does not; the event's date fact judges the day
            j = j.unsure("time.day_beside_dated")
        if j.verdict == "contradict" and _weekday_only(r) and self._blog_day_is(ev, r.start):
            # "England are unchanged from the defeat of Australia here on Wednesday night" in a live
            # blog whose day line is the final's own day: the blog is written on the event's day, so
            # another weekday is another day (a step before, a plan after)
            j = j.unsure("event.blog_day")
        if (j.verdict == "contradict" and not isinstance(r.value, (DateValue, TimeValue))
                and self._entry_before_event((ev,), sentence)):
            # "15:00 - A magnitude 6.1 tremor shakes Donggala ... about ten injured", the quake at
            # 18:02: a live-blog entry stamped before the event tells of a moment before it
            j = j.unsure("value.entry_before_event")
        if j.verdict == "contradict" and _weekday_only(r) and self._alternate_weekday(r, fact, sentence, b):
            # another occurrence with the same parties, set aside only by the article's dates, fell
            # on that weekday: the weekday alone cannot tell which of them the clause means
            j = j.unsure("event.alternate_weekday", f"it is the weekday of {', '.join(b.alternates)}")
        if (isinstance(r.value, DateValue)
                and not sentence.text[: r.start - sentence.start].strip(_BULLETS)
                and regex.match(r"\s*(?:\([^()\n]{1,12}\)\s*)?(?:,\s*[^—–|\n]{1,20}?\s*)?(?:[—–|:]|-\s)|\s+-\s",
                                sentence.text[r.end - sentence.start :])):
            # a timeline's stamp ("30 August — Drilling begins", "14 June 2022 (Tue) — The committee
            # begins its meeting"): weighed against the timeline's other stamps at the end (see
            # _other_steps); those naming the event apart, as the name may be an actor's
            if "event.named" in bound:
                self.named_stamps.add((fact.id, r.start))
            else:
                self.stamps.add((fact.id, r.start, r.end, level >= MEDIUM))
        elif isinstance(r.value, TimeValue) and _clock_stamp(sentence, r):
            # a timeline's stamp row of clocks ("08:12 HST / 18:12 UTC / 1:12 p.m. EST — Cancellation
            # stops ..."): weighed against the other lines' stamps the same way
            self.stamps.add((fact.id, r.start, r.end, level >= MEDIUM))
        slipped = (j.verdict == "contradict" and full_date and level >= WEAK and len(b.candidates) == 1
                   and (self._wrong_year(r.value, ev) or self._wrong_month(r.value, ev)))
        if slipped and (level < MEDIUM or (bound and bound[-1] in _BORROWED)):
            # "On the night of June 7, 2022, by the dog kennels" for 7 June 2021, "made the first
            # powered flight on April 19, 2022" for 2021: the event's own day in another year (or in
            # the month beside it) is no other occurrence but a slip; weakly bound, it still accuses
            j = Judged(j.verdict, j.reason + "; " + why("value.slipped_date"), (*j.rules, "value.slipped_date"))
        if (j.verdict == "contradict" and not slipped and full_date and level >= WEAK and len(b.candidates) == 1
                and _weekday_off_calendar(r.value, fact.value)):
            # "Thursday 26 July 2024 - Judge ... sentences both men" for Friday 26 July 2024: the
            # event's own full date, year and all, under a weekday it never had; whichever line it
            # heads, the calendar says it is wrong, so even weakly bound it accuses
            j = Judged(j.verdict, j.reason + "; " + why("value.wrong_weekday"), (*j.rules, "value.wrong_weekday"))
            slipped = True
        if (j.verdict == "contradict" and not slipped and fact.kind == "time" and level >= WEAK
                and len(b.candidates) == 1 and self._converts_clock_told_before(fact, r, sentence)):
            # "Exactly at 12.51 o'clock local time, the moment in which one year ago the earth shook
            # ... In Germany it was then 1.51 o'clock CET": the same moment on a named clock, right
            # after a sentence that gives the fact's instant right: a wrong conversion accuses
            j = Judged(j.verdict, j.reason + "; " + why("time.converted_before"), (*j.rules, "time.converted_before"))
            slipped = True
        if (not slipped and j.verdict != "unclear" and fact.kind == "time" and level >= WEAK and len(b.candidates) == 1
                and isinstance(r.value, TimeValue) and isinstance(fact.value, TimeValue)
                and (season := label_out_of_season(r.value, fact.value)) is not None
                and on_clock_of(fact.value, season[1]) and self._converts_clock_told_before(fact, r, sentence)):
            # "... effective at 0.02 o'clock local time New York. In Germany was it then 6.02 o'clock
            # MESZ" in March: the moment told right just before, on the fact's clock under a label out of
            # season (time.label_out_of_season makes it a contradiction): a wrong conversion accuses
            j = Judged(j.verdict, j.reason, (*j.rules, "time.converted_before"))
            slipped = True
        certain = level >= MEDIUM or slipped
        seg = _seg_at(sentence, r.start)
        if (j.verdict == "contradict" and bound and bound[-1] in _BORROWED and not slipped
                and seg is not None and (len(_own_words(seg, sentence)) > 6 or _own_subject().match(seg.text))
                and not (fact.kind == "time" and self._converts_clock_before(fact, r, sentence)
                         and _seg_at(sentence, self._first_clock(fact, r, sentence).start) is not seg)):
            # the value's clause, a clause of its own (not "On Friday, ..."), has no evidence of its own
            # ("the crowd filled the square on Tuesday night, waiting for the result of the vote"): it
            # agrees, never accuses; nor does a short clause with a subject of its own ("He will be 77
            # when he takes office – he turned 77 on Thursday"). A clock time after another past a dash
            # or a slash is that time's instant on another clock: in a clause of its own it has that
            # time's clause, never borrowed; in the same clause ("- 09:14 CEST / 07:14 UTC / 03:14 EDT -
            # Halfway in 59:35") it is borrowed with it
            j = j.unsure("event.borrowed")
        if j.verdict == "contradict" and evidence_owns_next(
                b, ev, r, sentence, _readings(KINDS[fact.kind], sentence, fact, self.ctx),
                self.doc.reading or self.doc.text):
            # "about 4,2 milliards of euros to the ECB and the arrears of 2,05 milliards towards the
            # IMF": the event's evidence comes after the value, past "and", with a value of its own
            j = j.unsure("event.anothers_value")
        if j.verdict == "contradict" and self._anothers_cue_before(fact, r, sentence):
            # "With that the aggregate score was 3:3" for the match's 4-0, the base holding an
            # aggregate fact cued by "aggregate": the value stands right after that fact's cue, so it
            # is most likely that fact's figure, not this event's
            j = j.unsure("fact.anothers_cue_before")
        if j.verdict == "contradict" and behind_rival_only(b, ev, r, sentence, self.doc.reading or self.doc.text):
            # "Five hours and 24 minutes, second only to his defeat in the 2012 final": the event is
            # named only behind a word for a rival, after the value: the one compared with
            j = j.unsure("event.behind_rival")
        if j.verdict == "contradict" and after_than(b, ev, r, sentence, self.doc.reading or self.doc.text):
            # "a study that found far more people died than the island had acknowledged for nearly a
            # year": the value is in the clause "than" opens, after the event's evidence
            j = j.unsure("event.after_than")
        if len(b.candidates) == 1:
            if j.verdict == "contradict" and rival_agree():
                # the value is another event's ("Jan. 10" in a clause about the OSCE meeting)
                self.drop(fact, r, "event.rival_agrees", f"agrees with {rival_agree()[0].id}")
                return
            if j.verdict == "contradict" and level < MEDIUM and not slipped:
                j = j.unsure("event.loosely_bound")
            elif j.verdict == "contradict" and (unsure := self._coordinated_unsure(j, ev, r, sentence)) is not j:
                j = unsure
            elif (j.verdict == "contradict" and fact.near and b.by_reference and not _talk_near(sentence, r)
                  and not stamp_cue(fact, r, sentence)):
                # "Peskov said on Friday that Moscow would judge ... those talks": a statement's date
                # needs the event in the clause, not only a reference back to it
                j = j.unsure("event.reference_only")
            self.record(fact, r, sentence, self._later_told(j, fact, r, sentence, bound), rule, bound, certain)
            return
        nearest, clear = b.nearest(r.start, r.end)
        read = self.doc.reading or self.doc.text
        anchored = {o for o in b.candidates if o != ev and anchored_after(b, o, r, sentence, read)}
        if anchored and set(b.candidates) - anchored == {ev} and not anchored_after(b, ev, r, sentence, read):
            # "convicted Weinstein on Tuesday 25 February after five days of deliberations": the other
            # events stand after the value behind a word that anchors this one to them
            nearest, clear, bound = ev, True, (*bound, "event.anchored_other")
        if (nearest != ev or not clear) and _stretch_before(b, ev, r, sentence) and all(
                _past_comma(b, o, r, sentence) for o in b.candidates if o != ev):
            # "The crash began at 19.32 o'clock MESZ, the low point reached the index around 20.47": the
            # value ends the stretch that opens on this event's word; the others' words come only after a
            # comma, in the next clause
            nearest, clear, bound = ev, True, (*bound, "event.before_comma")
        if j.verdict == "agree":
            # several events of the clause may agree ("6 December 2021 - Biden confers with Macron ...;
            # Blinken speaks with Zelenskyy"): the value agrees with each, unless another agreeing
            # event is clearly the nearest ("90 minutes, shorter than his two-hour video summit")
            if clear and nearest != ev and any(f.event == nearest for f in rival_agree()):
                self.drop(fact, r, "event.nearest_of_several", f"{nearest} is nearer and agrees too")
                return
            self.record(fact, r, sentence, j, rule + f"; agrees with this of {len(b.candidates)} events",
                        (*bound, "event.agrees_one_of_several"), certain)
            return
        if rival_agree():
            self.drop(fact, r, "event.rival_agrees", f"agrees with {rival_agree()[0].id}")
            return
        if nearest == ev and clear and level >= MEDIUM and _flanked(b, ev, r, seg, self.doc.reading or self.doc.text):
            # "higher than the 31 percent of the last vote and the 28 percent counted in this one's
            # opening round": the value stands between the evidence of two events; which one a
            # figure belongs to is a matter of syntax, not of distance
            self.record(fact, r, sentence, j.unsure("event.flanked"), rule, (*bound, "event.nearest_of_several"),
                        False)
        elif nearest == ev and clear and level >= MEDIUM:
            unchecked = [o for o in b.candidates if o != ev and not any(f.kind == fact.kind for f in self.by_event[o])]
            if j.verdict == "contradict" and unchecked and fact.kind in _ANY_EVENT_KINDS:
                # "the Bank of England raises Bank Rate ...; its first increase in 15 years": another
                # event of the clause has no fact of this kind to hold the value against, so the value
                # may well be that event's
                j = j.unsure("event.other_unchecked", f"{', '.join(unchecked)} may be meant")
            elif j.verdict == "contradict":
                j = self._coordinated_unsure(j, ev, r, sentence)
            self.record(fact, r, sentence, self._later_told(j, fact, r, sentence, bound),
                        rule + f"; nearest of {len(b.candidates)} events",
                        (*bound, "event.nearest_of_several"), certain)
        elif nearest == ev or nearest is None or not clear:
            self.record(fact, r, sentence,
                        j.unsure("event.several_candidates", f"the clause may be about {', '.join(b.candidates)}"),
                        rule, bound, False)
        elif ev in b.modifiers:
            # "Monday 21 May 2018 — Phase 1 hearings open": the event's name modifies another's
            self.drop(fact, r, "event.name_modifier", f"its name modifies {nearest}'s here; {nearest} is nearer")
        else:
            self.drop(fact, r, "event.nearest_of_several", f"{nearest} is nearer")

    # -- names and other facts that find themselves ----------------------------------------
    def free_sentence(self, sentence: Sentence) -> None:
        # only the facts whose surname the sentence may spell (and those no index can rule out), in
        # the base's order: with a big base most sentences name none of its people
        for fact in self.index.free_facts(sentence.text):
            kind = KINDS[fact.kind]
            rule_id = "quote.in_text" if fact.kind == "quote" else "name.in_context"
            for r in _readings(kind, sentence, fact, self.ctx):
                if _clause_excluded(fact, r, sentence):
                    self.drop(fact, r, "fact.excluded")  # "freight to Conway, Pennsylvania"
                    continue
                j = judge(r, fact, sentence, self.ctx)
                if j.verdict == "contradict" and r.extra.get("loose"):
                    # "freight to Conway, Pennsylvania" after "Mayor Trent Conaway": perhaps another word
                    j = j.unsure("value.loose", str(r.extra.get("why_loose", "")))
                if j.verdict == "contradict" and r.extra.get("negated"):
                    j = denied_role(j, r)  # "without its captain Thiago Silva"
                self.record(fact, r, sentence, j, why(rule_id), (rule_id,))

    def relevant(self) -> bool:
        """Is the article about the fact base's events at all? It must name one of their parties
        (Biden, Russia, NATO, ...): a scouts' "90-minute video call on Thursday" binds nothing.
        Each event also needs one of its own parties named somewhere (see Binder.present)."""
        if not self.fb.parties:
            return True  # a base of cue facts and events of any kind: every article may hold them
        return bool(self.binder.named_parties) or bool(self.binder.present)

    def run(self) -> SourceResult:
        relevant = self.relevant()
        for sentence in self.doc.sentences:
            if relevant:
                bindings = self.binder.sentence(sentence)
                self.bindings[sentence.index] = bindings
                if self.trace is not None:
                    self.clauses.append((sentence, tuple(bindings)))
                self.event_sentence(sentence, bindings)
                self.entry_sentence(sentence, bindings)
                self.timeline_sentence(sentence, bindings)
                self.relative_sentence(sentence, bindings)
                self.cue_sentence(sentence)
                self.answer_sentence(sentence)
                self.pronoun_sentence(sentence)
                self.epithet_sentence(sentence)
            self.free_sentence(sentence)
        self.was_relevant = relevant
        self._other_steps()
        self._agreed_elsewhere()
        if relevant:
            self._distinctive()
            self._distinctive_instants()
        self.drop_local_agrees()
        sid = self.source.id
        # the findings of the facts with mentions; every other fact's omission is made when read
        findings: dict[int, Finding] = {}
        for fact_id, found in self.mentions.items():
            if not found:
                continue
            ms = sorted(found, key=lambda m: (m.start, m.end))
            verdict = combine([m.verdict for m in ms])
            for i in self.index.places.get(fact_id, ()):
                fact = self.fb.facts[i]
                findings[i] = Finding(sid, fact.id, verdict, tuple(ms), fact.expected)
        return SourceResult(self.source, LazyFindings(sid, self.index.blank, findings))


@cache
def _count_tail() -> regex.Pattern[str]:
    """A count of time at a clause's end, the anchor after it ("On Friday, 22 October, less than four" |
    "weeks after the vote"): the count is the anchor's, no word of the clause (hedges and number words
    from en.yaml)."""
    lg = lang()
    counts = alternation([w for w in lg.number_words if w not in ("a", "an")])
    return regex.compile(
        rf"\s*,?\s*(?:(?:{alternation(list(lg.hedges))})\s+)*(?:\d{{1,4}}|a\s+few|few|several|{counts})"
        rf"(?:\s+(?:days?|weeks?|months?|years?|hours?|minutes?))?\Z", regex.IGNORECASE)


def _own_words(seg: Segment, sentence: Sentence) -> list[str]:
    """The clause's words, but for a count of time at its end that an after/before clause right after
    it measures ("less than four" before "weeks after the vote")."""
    text = seg.text
    nxt = next((g for g in sentence.segments if g.start >= seg.end), None)
    if nxt is not None and nxt.anchor:
        tail = _count_tail().search(text)
        if tail is not None:
            text = text[: tail.start()]
    return text.split()


@cache
def _own_subject() -> regex.Pattern[str]:
    """A clause that opens with a subject pronoun and its verb ("he turned 77 on Thursday")."""
    return regex.compile(rf"(?:{alternation(lang().data['clause_subjects'])})\s+\p{{Ll}}", regex.IGNORECASE)


#: what may stand before a date or time that opens its sentence: a conjunction, a preposition, an article
_FRONT = regex.compile(r"[\W_]*(?:(?:but|and|then|so|yet)\s+)?(?:(?:on|at|by|in|early|late)\s+)?(?:the\s+)?",
                       regex.IGNORECASE)


# the first of a series, in or right before the event's evidence ("a first explosion", "the initial
# quake"), then, between it and the value, the next one ("a second", "another", "the next one")
_FIRST = regex.compile(r"(?<![\p{L}])(?:first|1st|initial)(?![\p{L}])", regex.IGNORECASE)
_NEXT = regex.compile(r"(?<![\p{L}])(?:(?:a|the)\s+(?:second|third|fourth|next|later|subsequent)|another)(?![\p{L}])",
                      regex.IGNORECASE)


def _next_in_series(spans: tuple[tuple[int, int], ...], r: Reading,
                    sentence: Sentence) -> bool:
    """Does the value follow "a second" (or "another", "the next") after evidence naming the first of
    a series ("a first explosion, two minutes later a second ... of 3.5")? Then it is most likely the
    next one's."""
    before = [(a, e) for a, e in spans if e <= r.start]
    if not before:
        return False
    a, e = max(before, key=lambda s: s[1])
    text = sentence.text
    base = sentence.start
    return (_FIRST.search(text, max(0, a - base - 12), e - base) is not None
            and _NEXT.search(text, e - base, r.start - base) is not None)


# a word for the event, then an aside set off by commas, then the rest of its clause up to the value
# ("The hour-long interview, recorded in New York where he was attending the summit, was broadcast at
# 4 a.m."): the aside is not the clause's
_ASIDE = regex.compile(r"[^,;:()—–]{0,20},\s[^,;:()—–\n]{1,160},\s(?P<rest>[^,;:()—–]*)")


def _words_in_aside_before(spans: Any, r: Reading, sentence: Sentence) -> bool:
    """Do all the event's words of the sentence stand in one aside set off by commas that ends right
    before the value ("lasted, without the interruption by rain, 4 hours")?"""
    if not spans:
        return False
    text, base = sentence.text, sentence.start
    head = text[: r.start - base]
    close = head.rstrip()
    if not close.endswith(","):
        return False
    opened = close.rfind(",", 0, len(close) - 1)
    if opened < 0 or "(" in close[opened:] or len(close) - opened > 120:
        return False
    return all(base + opened < a and e <= base + len(close) for a, e in spans)


# a relative clause's opening (", which began at 2 p.m."), and what closes it: a comma not inside a
# number, a semicolon, a dash or a bracket
_RELATIVE_OPEN = regex.compile(r",\s+(?:which|who|whom|whose)\s", regex.IGNORECASE)
_RELATIVE_CLOSE = regex.compile(r"(?<!\d),|,(?!\d)|;|\s[—–-]\s|\(")


def _in_relative_aside(spans: Any, r: Reading, sentence: Sentence) -> bool:
    """Is the value in a relative clause (", which began at 2 p.m.,") that holds none of the event's
    names or words, while the sentence has them outside it and none in the stretch right before it,
    its antecedent's ("At this afternoon's post-flight briefing, which began at 2 p.m., the team
    confirmed ...")? The clause tells of its antecedent, another thing than the event ("The first
    flight, which took place at 3:34 a.m." keeps its value: the event is the antecedent)."""
    if not spans:
        return False
    text, base = sentence.text, sentence.start
    head = text[: r.start - base]
    opens = list(_RELATIVE_OPEN.finditer(head))
    if not opens:
        return False
    o = opens[-1]
    if _RELATIVE_CLOSE.search(head, o.end()):
        return False  # the relative clause closed before the value
    close = _RELATIVE_CLOSE.search(text, r.end - base)
    a, e = base + o.start(), base + (close.start() if close else len(text))
    if any(a <= x and y <= e for x, y in spans):
        return False  # the clause has the event's own words
    # the antecedent's stretch (back to the break before it) holds the event's name or word: "the
    # phone call between both presidents, which aides said ran ..." is the event's
    breaks = list(_STRETCH_BREAK.finditer(text, 0, o.start()))
    stretch = base + (breaks[-1].end() if breaks else 0)
    return not any(stretch <= x and y <= a for x, y in spans)


_STRETCH_BREAK = regex.compile(r"(?<!\d),|,(?!\d)|:(?!\d)|[;()—–]")


def _stretch_before(b: Binding, ev: str, r: Reading, sentence: Sentence) -> bool:
    """Does one of the event's own spans stand before the value with no comma, colon, semicolon,
    bracket or dash between them (within `cue_near` characters)?"""
    text, base = sentence.text, sentence.start
    return any(e <= r.start and r.start - e <= tune("cue_near")
               and not _STRETCH_BREAK.search(text, e - base, r.start - base) for _, e in b.spans.get(ev, ()))


def _past_comma(b: Binding, other: str, r: Reading, sentence: Sentence) -> bool:
    """Are all of another event's spans after the value, past a comma or another break?"""
    spans = b.spans.get(other, ())
    text, base = sentence.text, sentence.start
    return bool(spans) and all(a >= r.end and _STRETCH_BREAK.search(text, r.end - base, a - base) is not None
                               for a, _ in spans)


def _across_aside(sentence: Sentence, word_end: int, r: Reading) -> bool:
    """Is the value near the event's word once an aside between them, set off by commas, is left
    out (the word the subject, the value in its predicate)?"""
    if word_end > r.start:
        return False
    m = _ASIDE.fullmatch(sentence.text, word_end - sentence.start, r.start - sentence.start)
    return m is not None and len(m.group("rest")) <= tune("cue_near")


def _phase(text: str) -> str:
    """ "start" or "end" when `text` tells only one of them (en.yaml `phase_start` / `phase_end`)."""
    start, end = bool(words_re("phase_start").search(text)), bool(words_re("phase_end").search(text))
    return "start" if start and not end else "end" if end and not start else ""


def _other_phase(what: str, text: str) -> str:
    """The phase the sentence tells when it is the other end of the event's (rule event.other_phase)."""
    mine, said = _phase(what), _phase(text)
    return said if mine and said and mine != said else ""


def _fronted(r: Reading, sentence: Sentence) -> bool:
    """Does a date or time open its sentence, set off by a comma ("But the Sunday 12 July, after 17
    hours of negotiations in Brussels, the leaders have concluded an agreement")? It dates the main
    clause that follows, however far that clause's words stand."""
    if not isinstance(r.value, (DateValue, TimeValue)):
        return False
    head = sentence.text[: r.start - sentence.start]
    return _FRONT.fullmatch(head) is not None and sentence.text[r.end - sentence.start :].startswith(",")


def _same_day_date_facts(fb: FactBase) -> dict[str, list[Fact]]:
    """For each dated event with a place, the date facts of the other events of the base on the same
    day at the same place (two calls of one day in different capitals are different occasions)."""
    by_day: dict[Any, list[str]] = defaultdict(list)
    for e in fb.events.values():
        if e.date is not None and e.place:
            by_day[(e.date, " ".join(e.place.lower().split()))].append(e.id)
    out: dict[str, list[Fact]] = {}
    for ids in by_day.values():
        if len(ids) < 2:
            continue
        for eid in ids:
            out[eid] = [f for f in fb.facts if f.kind == "date" and f.event in ids and f.event != eid]
    return out


def check(source: Source, factbase: FactBase) -> SourceResult:
    """Check one source against the fact base: one Finding per fact, omissions included."""
    if binds_nothing(source.text, factbase):
        return all_omitted(source, factbase)  # one scan: nothing of the base can bind (quick.py)
    return _Checker(source, factbase).run()


def check_text(text: str, factbase: FactBase, source_id: str = "text") -> SourceResult:
    """Convenience for hand-written tests: check a string."""
    return check(Source(id=source_id, text=text), factbase)


@dataclass(frozen=True)
class Traced:
    """A check with its trace: the result, every value considered and what became of it, and
    which events each clause was bound to (by which rules)."""

    result: SourceResult
    steps: tuple[TraceStep, ...]
    clauses: tuple[tuple[Sentence, tuple[Binding, ...]], ...]
    anchors: tuple[dt.date, ...]
    furniture: tuple[tuple[int, int, str], ...]
    relevant: bool
    doc: Document


def check_traced(source: Source, factbase: FactBase) -> Traced:
    """`check`, recording its trace (what `factcheck explain` shows). Same verdicts as `check`."""
    c = _Checker(source, factbase, trace=True)
    result = c.run()
    return Traced(result, tuple(c.trace or ()), tuple(c.clauses), tuple(c.binder.anchors),
                  tuple(c.doc.furniture), c.was_relevant, c.doc)


def _why_nothing(fact: Fact, fb: FactBase, t: Traced) -> str:
    """Why a fact bound nothing in an article: which name, word, party or cue was missing."""
    if not t.relevant:
        return "the article names none of the base's parties or events: nothing binds in it"
    if fact.event:
        ev = fb.events[fact.event]
        lines = sorted({t.doc.line_col(s.start)[0] for s, bs in t.clauses for b in bs if fact.event in b.candidates})
        if not lines:
            said = [f"names {', '.join(p.source for p in ev.names)}" if ev.names else "",
                    f"words {', '.join(p.source for p in ev.words)}" if ev.words else "",
                    f"parties {', '.join(ev.parties)}" if ev.parties else ""]
            return (f"no clause is about event {ev.id}: none of its {'; '.join(x for x in said if x) or 'evidence'}"
                    " occurs with what binds it (see the rules in factcheck/data/rules.yaml)")
        return (f"clauses about {ev.id} on line(s) {', '.join(map(str, lines[:12]))}, but no {fact.kind} value "
                "was read in them")
    if fact.cues:
        hits = sorted({t.doc.line_col(s.start)[0] for s, _ in t.clauses if any(p.search(s.text) for p in fact.cues)})
        if not hits:
            return f"none of its cues ({', '.join(p.source for p in fact.cues)}) occurs in the article"
        return f"its cues occur on line(s) {', '.join(map(str, hits[:12]))}, but no {fact.kind} value was read there"
    return f"no {fact.kind} value for it was read in the article"


def explain(source: Source, factbase: FactBase, fact_id: str) -> dict[str, Any]:
    """How one (source, fact) pair was decided, from the trace of the real run (nothing re-run):
    the clauses bound to the fact's event, every value considered with the rules that kept or
    dropped it, and, when nothing bound, why not."""
    fact = factbase.fact(fact_id)
    t = check_traced(source, factbase)
    finding = next(f for f in t.result.findings if f.fact == fact_id)
    clauses = []
    for s, bindings in t.clauses:
        if not (fact.event and any(fact.event in b.candidates for b in bindings)) and not (
                fact.cues and any(p.search(s.text) for p in fact.cues)):
            continue
        line, _ = t.doc.line_col(s.start)
        clauses.append({
            "line": line, "sentence": s.text,
            "segments": [{"text": g.text, "anchor": g.anchor, "events": list(b.candidates), "level": b.level,
                          "rules": {e: list(b.rules_of(e)) for e in b.candidates},
                          "why": {e: b.why_text(e) for e in b.candidates},
                          "set_aside": dict(b.set_aside)}
                         for g, b in zip(s.segments, bindings)],
        })
    steps = [st.to_json() for st in t.steps if st.fact == fact_id]
    return {
        "source": source.id, "fact": fact.id, "expected": fact.expected, "defined_at": fact.defined_at,
        "event": fact.event, "anchors": [d.isoformat() for d in t.anchors],
        "furniture": [{"text": t.doc.text[a:b], "why": w} for a, b, w in t.furniture],
        "clauses": clauses, "considered": steps, "verdict": finding.verdict,
        "mentions": [m.to_json() for m in finding.mentions],
        "why_nothing": "" if steps else _why_nothing(fact, factbase, t),
    }


def _weekday_off_calendar(read: DateValue, fact: Any) -> bool:
    """Is `read` the fact's own full date, year written, under a weekday that date never had?"""
    if not isinstance(fact, (dt.date, DateValue)) or read.weekday is None:
        return False
    if not (read.year and read.month and read.day):
        return False
    if (read.year, read.month, read.day) != (fact.year, fact.month, fact.day):
        return False
    return dt.date(read.year, read.month, read.day).weekday() != read.weekday
