
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
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import regex

from factcheck.baseindex import base_index
from factcheck.bind import MEDIUM, STRONG, Binder, Binding
from factcheck.entries import Entries, entries, stamp_span
from factcheck.evidence import (
    _ANY_EVENT_KINDS,
    _FIGURE_KINDS,
    _NOUN_KINDS,
    TraceStep,
    _beside_another_figure,
    _clause_excluded,
    _common_word,
    _figure_between,
    _flanked,
    _holds_point,
    _in_anothers_aside,
    _lists,
    _readings,
    _seg_at,
    _seg_index,
    _spans_near,
    _talk_near,
    _unit_after,
    behind_rival,
    counted_offset,
    cue_behind_rival,
    home_offset,
    other_tally_entry,
)
from factcheck.exclusion import ExclusionPasses
from factcheck.factbase.model import Fact, FactBase
from factcheck.judging import (
    _BULLETS,
    _WHEN_CLAUSE,
    Judged,
    _excluded_near,
    _month_only,
    _near_ok,
    _offset_re,
    _reported_on,
    _season_re,
    _soften,
    _weekday_only,
    judge,
    near_before,
    opening_cue,
    stamp_cue,
)
from factcheck.kinds import KINDS, Context, Reading
from factcheck.kinds.date import DateValue, read_dates, shift
from factcheck.lang import alternation, lang
from factcheck.model import Finding, LazyFindings, Mention, Source, SourceResult, combine
from factcheck.numbers import hedge_before
from factcheck.prefilter import cue_prefilter, per_base
from factcheck.quick import all_omitted, binds_nothing
from factcheck.roles import figure_roles
from factcheck.rules import table, tune, why
from factcheck.segment import Document, Sentence, segment
from factcheck.wholedoc import DocumentPasses


def _names_alias(text: str, aliases: tuple[str, ...]) -> bool:
    """Does `text` name one of the aliases, as a whole word with its capitals?"""
    return any(regex.search(rf"(?<![\p{{L}}\d]){regex.escape(a)}(?![\p{{L}}\d])", text) for a in aliases if a)


_SUBJECT_SPAN = 40  # characters: a cue this near a sentence's start is (part of) its subject


@cache
def _pronoun_lead() -> regex.Pattern[str]:
    """A sentence that opens with a personal pronoun as its subject ("He was 43 at the time")."""
    return regex.compile(rf"\W{{0,3}}(?-i:{alternation([w.capitalize() for w in lang().data['subject_pronouns']])})\b")


_SHORT_ANSWER = 40  # characters: a first answer this short ("On Friday, Nov. 17.") lets the next sentence answer too


class _Checker(DocumentPasses, ExclusionPasses):
    def __init__(self, source: Source, fb: FactBase, trace: bool = False):
        self.source = source
        self.fb = fb
        self.trace: list[TraceStep] | None = [] if trace else None
        self.clauses: list[tuple[Sentence, tuple[Binding, ...]]] = []
        self.bindings: dict[int, list[Binding]] = {}  # sentence index -> its clauses' bindings
        self.was_relevant = True
        self.doc: Document = segment(source.text)
        self.binder = Binder(fb, self.doc)
        self.ctx = Context(self.doc, self.binder.anchors)
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        self.seen: set[tuple[str, int, int]] = set()
        self.stamps: set[tuple[str, int, int, bool]] = set()  # (fact, start, end, firmly bound)
        self.named_stamps: set[tuple[str, int]] = set()  # (fact, start): stamps of lines naming the event
        self.seg_dates: dict[tuple[int, int], tuple[list[Reading], list[str]]] = {}
        self.exclude_cache: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self.seg_figures: dict[tuple[int, int], list[tuple[int, int]]] = {}
        # the base's static lists, built once per base (not per article)
        lists = per_base(fb, "check_lists", lambda: _lists(fb))
        self.by_event, self.event_facts, _, self.free_facts = lists
        # the same, indexed: the facts of an event, of a cue word, of a surname (baseindex.py), so
        # that an article visits the facts it may touch, not every fact of the base
        self.index = base_index(fb)
        # a fact bound by cues can bind only in an article that has one of its cues: the others are
        # looked for once per article, not sentence by sentence
        # (one scan of the article by the base's automaton says which cues may occur at all; only
        # those are searched for)
        self.cue_filter = cue_prefilter(fb)
        read = self.doc.reading or self.doc.text  # invisible characters moved out of words, same offsets
        possible = self.cue_filter.whole(read)
        self.cue_facts = [f for f in self.index.cue_candidates(possible)
                          if any((f.id, i) in possible and p.may_match(read) for i, p in enumerate(f.cues))]

    # -- evidence ---------------------------------------------------------------------------
    def record(self, fact: Fact, r: Reading, sentence: Sentence, j: Judged, rule: str,
               bound: tuple[str, ...] = (), certain: bool = True) -> None:
        """Keep a mention: `rule` is the human summary, `bound` the ids of the rules that bound the
        value, `j.rules` those that changed the verdict; only a certain binding accuses."""
        key = (fact.id, r.start, r.end)
        if key in self.seen:
            return
        restated = self._restates(fact, r)
        if restated is not None:
            # "16.30 local time New York (23.30 CET)": a conversion in brackets of a value that agreed
            # is that value restated, bound as firmly as it; the clause's own loose binding (the
            # bracket is a clause of its own) does not make a wrong conversion unsure
            wrong = j if j.verdict == "contradict" else None
            if j.verdict == "unclear" and all(table()[x].effect != "unsure" or x.startswith(("event.", "cue."))
                                              for x in j.rules):
                wrong = judge(r, fact, sentence, self.ctx)
                certain = restated
            if wrong is not None and wrong.verdict == "contradict":
                j = Judged("contradict", wrong.reason + "; " + why("value.restated"), (*wrong.rules, "value.restated"))
        ratio_of = getattr(KINDS[fact.kind], "ratio", None)
        if j.verdict == "contradict" and ratio_of is not None:
            q = ratio_of(r, fact.value)
            limit = tune("other_figure_ratio")
            if q is not None and (q > limit or q < 1 / limit) and fact.far != "contradict":
                # "366 metres" against a 1.6-mile bridge, "1.752 kg" against a 26 kg rover: a figure
                # off by that much is another quantity far more often than a wrong one
                j = j.unsure("figure.other_magnitude", f"{q:.2g} times the fact: probably another figure")
        if fact.kind in _FIGURE_KINDS:
            seg = _seg_at(sentence, r.start)
            read = self.doc.reading or self.doc.text
            before = read[seg.start if seg else sentence.start : r.start]
            roles = figure_roles(before, read[r.end : min(r.end + 60, sentence.end)])
            if fact.kind != "count":
                roles -= {"part"}  # "the first 27.85 %": a part is a count's role only
            if fact.figure == "part" and roles - {"part"}:
                # a count that is an addition ("another 12 cars"): a part or a plain figure, not a margin
                self.drop(fact, r, "figure.role_mismatch", f"stated as a {', '.join(sorted(roles - {'part'}))}")
                return
            if fact.figure == "value" and roles:
                # "lost the vote by about 300,000 ballots", "could deploy up to 10,000 more"
                self.drop(fact, r, "figure.role_mismatch", f"stated as a {', '.join(sorted(roles))}")
                return
            if fact.figure == "margin" and "margin" not in roles:
                j = j.unsure("figure.role_unstated", f"not stated as a {fact.figure}")
        if fact.distractors and restated is None:
            # a value that fits a known other figure is that figure's; one that fits the fact too is
            # the fact's ("within 130 km" beside a distractor of 127 km), unless the kind can tell it
            # is nearer the distractor ("127 km")
            kind = KINDS[fact.kind]
            distance = getattr(kind, "distance", None)

            def takes(d: Any) -> bool:
                if kind.compare(r, d.value, fact, self.ctx) is not True:
                    return False
                if j.verdict != "agree":
                    # a figure the fact would contradict goes to a distractor only if it can be that
                    # figure: "$11 billion" is not a round "$10 billion", though both are ±10 %
                    return _holds_point(r, d.value) is not False
                if distance is None:
                    return False
                mine, theirs = distance(r, fact.value), distance(r, d.value)
                return mine is not None and theirs is not None and theirs < mine

            other = next((d for d in fact.distractors if takes(d)), None)
            if other is not None:
                # another pass's altitude, a target date that was dropped: the curator's known other figure
                self.drop(fact, r, "fact.distractor", f"matches {kind.render(other.value)}"
                          + (f" ({other.note})" if other.note else ""))
                return
        self.seen.add(key)
        rules = tuple(dict.fromkeys((*bound, *j.rules)))
        certain = certain and not any(table()[x].effect == "unsure" for x in rules)
        if j.verdict == "contradict" and not certain:
            j = Judged("unclear", j.reason + "; the binding is not sure enough to accuse", j.rules)
        line, col = self.doc.line_col(r.start)
        self.mentions[fact.id].append(Mention(
            text=self.doc.text[r.start : self.doc.source_end(r.end)], start=r.start, end=self.doc.source_end(r.end),
            line=line, col=col,
            value=r.shown, verdict=j.verdict, rule=f"{rule}; {fact.kind}", sentence=sentence.text,
            sentence_start=sentence.start, reason=j.reason, rules=rules, certain=certain))
        self.note(fact, r, j.verdict, rules, j.reason)

    def _restates(self, fact: Fact, r: Reading) -> bool | None:
        """Is the value a conversion in brackets right after a value the fact agreed with ("16.30 local
        time New York (23.30 CET)", "400 metres (1,312 ft)")? None if not; else whether that value's
        binding was certain. No distractor takes a restatement: a wrong conversion is the article's
        error, not another figure."""
        read = self.doc.reading or self.doc.text
        if not (_OPEN_BRACKET.search(read, max(0, r.start - 3), r.start) and _CLOSE_BRACKET.match(read, r.end)):
            return None
        ratio_of = getattr(KINDS[fact.kind], "ratio", None)
        q = ratio_of(r, fact.value) if ratio_of is not None else None
        if _YEAR_LIKE.match(read, r.start) or (q is not None and not 0.5 <= q <= 2):
            return None  # "$125 billion (2005 dollars)": a year, or a figure of another size, is no conversion
        for m in self.mentions[fact.id]:
            if m.verdict == "agree" and m.end <= r.start and _BEFORE_BRACKET.fullmatch(read, m.end, r.start):
                return m.certain
        return None

    def note(self, fact: Fact, r: Reading, outcome: str, rules: tuple[str, ...], reason: str = "") -> None:
        """The trace: every value considered for a fact, what became of it and by which rules."""
        if self.trace is not None:
            line, col = self.doc.line_col(r.start)
            self.trace.append(TraceStep(fact.id, r.start, r.end, line, col, self.doc.text[r.start : r.end],
                                        r.shown, outcome, rules, reason))

    def note_fact(self, fact: Fact, sentence: Sentence, rule_id: str) -> None:
        """The trace: a fact set aside for a whole sentence before any value is read."""
        if self.trace is not None:
            line, col = self.doc.line_col(sentence.start)
            self.trace.append(TraceStep(fact.id, sentence.start, sentence.start, line, col, "", None, "dropped",
                                        (rule_id,), why(rule_id)))

    def drop(self, fact: Fact, r: Reading, rule_id: str, detail: str = "") -> None:
        self.note(fact, r, "dropped", (rule_id,), detail or why(rule_id))

    # -- event facts --------------------------------------------------------------------------
    def _routed(self, fact: Fact, r: Reading, sentence: Sentence, trace: bool = False) -> bool:
        """Does a value of this kind go to `fact` rather than to a sibling with a `near` cue?"""
        drop = self._unrouted(fact, r, sentence)
        if drop and trace:
            self.drop(fact, r, drop)
        return drop is None

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

    def _month_shared(self, fact: Fact) -> bool:
        """Does another event of the base fall in the month of the fact's date?"""
        v = fact.value
        if getattr(v, "year", None) is None or getattr(v, "month", None) is None:
            return False
        months = per_base(self.fb, "event_months", lambda: Counter(
            (e.date.year, e.date.month) for e in self.fb.events.values() if e.date is not None))
        return months[(v.year, v.month)] > 1

    def _decide(self, fact: Fact, r: Reading, sentence: Sentence, b: Binding) -> None:
        j = _soften(judge(r, fact, sentence, self.ctx), r, sentence, home_offset(self.fb, fact.event))
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
        if "value.timestamp" in j.rules and "event.in_story" in bound:
            # a live blog's stamp on an entry that does not name the event: the time of the report
            self.drop(fact, r, "value.timestamp")
            return
        if j.verdict == "contradict" and bound and bound[0] in ("event.words", "event.words_shared"):
            # the event's own word or name far from the value ("the crews reached the site on Friday after
            # a long night, days after the quake had struck"): bound, but only loosely
            spans = b.spans.get(ev, ())
            if spans and min(max(a - r.end, r.start - e, 0) for a, e in spans) > tune("cue_near"):
                j = j.unsure("event.word_far")
        if j.verdict == "contradict" and level < STRONG and self._after_another_event(sentence, ev):
            # "Hurricane Ida made landfall in 2021 as a Category 4. The post-Katrina levees held.": a
            # sentence that does not name the event, right after one that names another event (one
            # the base declares without facts, to keep its figures away) and not this one, may go on
            # about that one
            j = j.unsure("event.after_another")
        if j.verdict == "contradict" and not _weekday_only(r):  # a weekday fits a sibling by chance
            sibling = next((f for f in self.by_event[ev] if f is not fact and f.kind == fact.kind
                            and judge(r, f, sentence, self.ctx).verdict == "agree"), None)
            if sibling is not None:
                # "the operation began on Sunday" for the rescue's end date: the value is the right value
                # of another fact of the same event (its start date)
                self.drop(fact, r, "event.sibling_agrees", f"agrees with {sibling.id}")
                return
        if j.verdict == "contradict" and fact.kind == "time" and getattr(r.value, "zone", None) is None and any(
                (o.start, o.end) != (r.start, r.end) and judge(o, fact, sentence, self.ctx).verdict == "agree"
                for o in _readings(KINDS[fact.kind], sentence, fact, self.ctx)):
            # "the ceremony began at 8pm local time, which was 11am in the capital": the sentence gives the event's
            # time right, then the same instant on other clocks whose zone it may not name (a clock that
            # names its zone, "4 p.m. local (10:00 CET)", says which instant it means: a wrong one accuses)
            j = j.unsure("value.same_instant_elsewhere")
        if j.verdict == "contradict" and not isinstance(r.value, DateValue) and self._dated_elsewhere(sentence, ev):
            # "12 May — engineers finish the second tunnel after 40 days of work": the line's own date is
            # far from this event's, so its figures are another moment's
            j = j.unsure("event.dated_elsewhere")
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
                found = [f for e in sorted(others) for f in self.by_event[e]
                         if f.kind == fact.kind and self._routed(f, r, sentence)
                         and judge(r, f, sentence, self.ctx).verdict == "agree"]
                found += [f for f in self.cue_facts
                          if f.kind == fact.kind and any(p.search(sentence.text) for p in f.cues)
                          and not any(p.search(sentence.text) for p in f.exclude)
                          and judge(r, f, sentence, self.ctx).verdict == "agree"]
                rivals_found.append(found)
            return rivals_found[0]

        full_date = isinstance(r.value, DateValue) and bool(r.value.month and r.value.day)
        if (j.verdict == "contradict" and isinstance(r.value, DateValue)
                and self._far_from_event(r.value, ev, int(tune("far_event_days")))
                and not self._wrong_year(r.value, ev) and fact.far != "contradict"):
            # "Biden and Zelenskyy speak ... on January 2", "the old record set in April 1970": weeks
            # away from the event of the base: another occurrence rather than a wrong date
            j = j.unsure("event.far_date")
        elif j.verdict == "contradict" and _month_only(r) and not (
                "event.named" in bound and any(max(a - r.end, r.start - e) <= 25 for a, e in b.spans.get(ev, ()))):
            # "in June" in a story about an April vote: a month alone is too coarse to accuse, unless
            # it qualifies the event's name itself ("the July Geneva summit", not "this election ...
            # June's other vote")
            j = j.unsure("value.month_only")
        if (j.verdict == "contradict" and full_date
                and self._far_from_event(r.value, ev, int(tune("another_event_days")))
                and self._another_events_date(r.value, ev)):
            self.drop(fact, r, "event.another_events_date")  # "... by video on 7 December and by phone on 30 December"
            return
        if (j.verdict == "contradict" and "event.named" not in bound
                and self._near_events_day(r.value, ev, int(tune("another_event_days")), sentence.text)):
            # "the United Kingdom decided on Thursday 23.06.2016 to quit the EU", bound to the next
            # day's resignation by "quit": the day is exactly that of another event of the base a
            # day or two away, so the clause may well be about it
            j = j.unsure("event.another_events_day")
        if j.verdict == "contradict" and _weekday_only(r) and self._blog_day_is(ev, r.start):
            # "England are unchanged from the defeat of Australia here on Wednesday night" in a live
            # blog whose day line is the final's own day: the blog is written on the event's day, so
            # another weekday is another day (a step before, a plan after)
            j = j.unsure("event.blog_day")
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
        certain = level >= MEDIUM
        seg = _seg_at(sentence, r.start)
        if (j.verdict == "contradict" and bound and bound[-1] == "event.same_sentence"
                and seg is not None and len(seg.text.split()) > 6):
            # the value's clause, a clause of its own (not "On Friday, ..."), has no evidence of its own
            # ("the crowd filled the square on Tuesday night, waiting for the result of the vote"): it
            # agrees, never accuses
            j = j.unsure("event.borrowed")
        if len(b.candidates) == 1:
            if j.verdict == "contradict" and rival_agree():
                # the value is another event's ("Jan. 10" in a clause about the OSCE meeting)
                self.drop(fact, r, "event.rival_agrees", f"agrees with {rival_agree()[0].id}")
                return
            if j.verdict == "contradict" and level < MEDIUM:
                j = j.unsure("event.loosely_bound")
            elif (j.verdict == "contradict" and fact.near and b.by_reference and not _talk_near(sentence, r)
                  and not stamp_cue(fact, r, sentence)):
                # "Peskov said on Friday that Moscow would judge ... those talks": a statement's date
                # needs the event in the clause, not only a reference back to it
                j = j.unsure("event.reference_only")
            self.record(fact, r, sentence, j, rule, bound, certain)
            return
        nearest, clear = b.nearest(r.start, r.end)
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
            self.record(fact, r, sentence, j, rule + f"; nearest of {len(b.candidates)} events",
                        (*bound, "event.nearest_of_several"), certain)
        elif nearest == ev or nearest is None or not clear:
            self.record(fact, r, sentence,
                        j.unsure("event.several_candidates", f"the clause may be about {', '.join(b.candidates)}"),
                        rule, bound, False)
        else:
            self.drop(fact, r, "event.nearest_of_several", f"{nearest} is nearer")

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

    def _another_events_date(self, v: DateValue, event_id: str) -> bool:
        """Is the date, read in full, exactly another event's date?"""
        return any(e.id != event_id and e.date is not None and e.date.month == v.month and e.date.day == v.day
                   and (v.year is None or v.year == e.date.year) for e in self.fb.events.values())

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

    def _dated_elsewhere(self, sentence: Sentence, event_id: str) -> bool:
        """Does the sentence give a full date far from the event's, and none near it? Or does the
        timeline line it is on start with a stamp of another day ("15 August (Tue) — Semi-final:
        ... Sentence two of that line.")?"""
        d = self.fb.events[event_id].date
        if d is None:
            return False
        stamp = self._line_stamp(sentence)
        if stamp is not None and stamp.month and stamp.day:
            try:
                if abs((dt.date(stamp.year or d.year, stamp.month, stamp.day) - d).days) > 1:
                    return True  # a timeline's line is one moment: another day than the event's
            except ValueError:
                pass
        days = []
        for r in read_dates(sentence.text, sentence.start):
            v = r.value
            if v.month and v.day:
                try:
                    days.append(abs((dt.date(v.year or d.year, v.month, v.day) - d).days))
                except ValueError:
                    continue
        return bool(days) and min(days) > tune("far_event_days")

    def _line_far_from_events(self, sentence: Sentence) -> bool:
        """Does the sentence stand on a timeline line stamped with a full date far from every dated
        event of the base (so its figures are another moment's)?"""
        stamp = self._line_stamp(sentence)
        dates = [e.date for e in self.fb.events.values() if e.date is not None]
        if stamp is None or not (stamp.month and stamp.day) or not dates:
            return False
        far = tune("far_event_days")
        for d in dates:
            try:
                if abs((dt.date(stamp.year or d.year, stamp.month, stamp.day) - d).days) <= far:
                    return False
            except ValueError:
                continue
        return True

    def _line_of_other_event(self, sentence: Sentence, fact: Fact) -> bool:
        """Is the sentence on a timeline line stamped with the day of another event than the fact's:
        for a fact of an event, any other event of that day; for a fact of no event, an event of
        that day that has no facts of its own (the base declared it to keep its figures away)?"""
        stamp = self._line_stamp(sentence)
        if stamp is None or not (stamp.month and stamp.day):
            return False
        on_day = [e for e in self.fb.events.values() if e.date is not None and e.date.month == stamp.month
                  and e.date.day == stamp.day and stamp.year in (None, e.date.year)]
        if not on_day or any(e.id == fact.event for e in on_day):
            return False
        return fact.event is not None or all(not self.by_event.get(e.id) for e in on_day)

    def _line_stamp(self, sentence: Sentence) -> DateValue | None:
        """The date stamp heading the line a sentence is on ("20 July (Thu) — ..."; of a span of days,
        "27–28 Sep 2023 — ...", the first), if any."""
        text = self.doc.reading or self.doc.text
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

    def _wrong_year(self, v: DateValue, event_id: str) -> bool:
        """The event's day and month in another year ("7 December 2020" for 7 December 2021): a
        plain error, not another occurrence."""
        d = self.fb.events[event_id].date
        return d is not None and v.day == d.day and v.month == d.month and v.year not in (None, d.year)

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
            a_event = self.fb.events[b.candidates[0]]
            level = min(m_level, b.level)
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
                        self._record_relative(f, derived, sentence, level, f"{phrase.text} {r.text}")
            elif a_event.date is not None:
                d = a_event.date + dt.timedelta(days=off)
                v = DateValue(d.year, d.month, d.day, d.weekday())
                for f in self.by_event[m_event]:
                    if f.kind == "date" and not f.near:
                        derived = Reading(phrase.start, phrase.end, phrase.text, v, v.shown(),
                                          f"{phrase.text!r} {a_event.what} ({a_event.date})")
                        self._record_relative(f, derived, sentence, level, f"{phrase.text} {a_event.id}")

    def _record_relative(self, fact: Fact, r: Reading, sentence: Sentence, level: int, how: str) -> None:
        j = judge(r, fact, sentence, self.ctx)
        if level < MEDIUM:
            j = j.unsure("event.loosely_bound", "the clauses are only loosely about these events")
        self.record(fact, r, sentence, j, f"relative date ({how}), level {level}", ("relative.offset",),
                    level >= MEDIUM)

    # -- facts found by cues ------------------------------------------------------------------
    def _other_period(self, fact: Fact) -> bool:
        """The article dates itself (explicit dates) far outside the fact's period: its figures are
        other figures (a February 2022 story's troop count is not December's)."""
        if fact.when is None or not self.binder.explicit_anchors:
            return False
        lo, hi = fact.when[0] - dt.timedelta(days=15), fact.when[1] + dt.timedelta(days=15)
        return not any(lo <= a <= hi for a in self.binder.explicit_anchors)

    def _months_outside(self, fact: Fact, sentence: Sentence, reading: Reading) -> bool:
        """Does the value's clause date itself outside the fact's period ("in April, Moscow had
        massed more than 100,000")?"""
        if fact.when is None:
            return False
        lo, hi = fact.when
        # the part of the sentence between semicolons that holds the value ("Kyiv counts some 94,000
        # troops; in April, Moscow had massed more than 100,000")
        # the value's clause, and a short clause before it that dates it ("November 2021: Ukraine
        # reports about 90,000"; "In April, Moscow had massed more than 100,000"), not a later clause
        # ("..., and warned that an escalation could come at the end of January")
        segs = sentence.segments
        k = _seg_index(sentence, reading.start)
        parts = [segs[k]] if k is not None else []
        if k is not None and k > 0 and (len(segs[k - 1].text.split(maxsplit=5)) <= 4
                                        or _WHEN_CLAUSE.match(segs[k].text)
                                        or ":" in sentence.text[segs[k - 1].end - sentence.start:
                                                                segs[k].start - sentence.start]):
            # "... in April 2021, when Russia massed more than 100,000"; "In the first round on 22
            # October the picture was different: Massa led with 36.78 percent" (a colon elaborates)
            parts.append(segs[k - 1])
        for part in parts:
            key = (part.start, part.end)
            if key not in self.seg_dates:  # once per clause, however many values it holds
                self.seg_dates[key] = (read_dates(part.text, part.start),
                                       [m.group(0).lower() for m in _season_re().finditer(part.text)])
            dates, seasons = self.seg_dates[key]
            for r in dates:
                # "Turnout was about 76%, slightly below the 77.7% recorded in October": a month behind a
                # rival link after the value dates the rival
                if self._month_outside(r, lo, hi) and not behind_rival(reading, r.start, sentence.text, sentence.start):
                    return True
            for season in seasons:
                months = lang().data["seasons"][season]
                if not any(lo.replace(day=1) <= dt.date(y, mo, 1) <= hi
                           for y in range(lo.year, hi.year + 1) for mo in months):
                    return True
        return False

    @staticmethod
    def _month_outside(r: Reading, lo: dt.date, hi: dt.date) -> bool:
        """Does a date mention name a month outside [lo, hi] (in any year of the period)?"""
        v = r.value
        if not v.month:
            return False
        if v.day:
            # a full date says which day the figure is of ("29 March — ... some 369 vessels")
            for y in [v.year] if v.year else list(range(lo.year, hi.year + 1)):
                try:
                    if lo <= dt.date(y, v.month, v.day) <= hi:
                        return False
                except ValueError:
                    return False
            return True
        for y in [v.year] if v.year else list(range(lo.year, hi.year + 1)):
            # the month is what counts ("April 31" is no date, but it is April)
            first = dt.date(y, v.month, 1)
            last = dt.date(y, v.month, 28)
            if first <= hi and last >= lo.replace(day=1):
                return False
        return True

    def cue_sentence(self, sentence: Sentence) -> None:
        cands: list[tuple[Fact, list[tuple[int, int]]]] = []
        possible = self.cue_filter.candidates(sentence.text) if self.cue_facts else set()
        for fact in self.cue_facts:
            spans = sorted((sentence.start + m.start(), sentence.start + m.end())
                           for i, p in enumerate(fact.cues) if (fact.id, i) in possible
                           for m in p.finditer(sentence.text))
            if spans:
                cands.append((fact, spans))
        self.ctx.sentence_cues = {fact.id: spans for fact, spans in cands if fact.kind in ("year", "set")}
        kept = []
        for f, sp in cands:
            if self._other_period(f):
                self.note_fact(f, sentence, "cue.other_period")
            else:
                kept.append((f, sp))
        cands = kept
        by_kind: dict[str, list[tuple[Fact, list[tuple[int, int]]]]] = defaultdict(list)
        for fact, spans in cands:
            by_kind[fact.kind].append((fact, spans))
        for kind_name, group in by_kind.items():
            kind = KINDS[kind_name]
            for fact, spans in group:
                readings = _readings(kind, sentence, fact, self.ctx)
                for r in readings:
                    if self._months_outside(fact, sentence, r):
                        self.drop(fact, r, "cue.months_outside")
                        continue
                    if _excluded_near(fact, r, sentence):
                        self.drop(fact, r, "fact.exclude_near")  # as for an event's fact
                        continue
                    if fact.near and not _near_ok(fact, r, sentence):
                        self.drop(fact, r, "fact.not_near")
                        continue
                    eligible = [(f, sp) for f, sp in group if not self._excluded(f, r, sentence, sp)]
                    if fact not in [f for f, _ in eligible]:
                        self.drop(fact, r, self._excluded(fact, r, sentence, spans) or "cue.excluded")
                        continue
                    self._decide_cue(fact, r, sentence, eligible, spans, readings)

    def _decide_cue(self, fact: Fact, r: Reading, sentence: Sentence,
                    group: list[tuple[Fact, list[tuple[int, int]]]], spans: list[tuple[int, int]],
                    readings: Sequence[Reading] = ()) -> None:
        j = _soften(judge(r, fact, sentence, self.ctx), r, sentence)
        if j.verdict == "contradict" and fact.near and _near_after_only(fact, r, sentence):
            j = j.unsure("fact.near_after")  # "At 9 a.m. ..., hours before he was crowned"
        if (j.verdict == "contradict" and not isinstance(r.value, DateValue)
                and (self._line_far_from_events(sentence) or self._line_of_other_event(sentence, fact))):
            # "21 Aug 2017 (Mon) — ... Maximum totality about 2 min 40 s": a timeline line of a day far
            # from every event of the base speaks of another moment; "24 Sep 2023 (Sun) — ... Kipchoge
            # wins the men's race": a line stamped with the day of another event of the base (one the
            # base declares without facts, to keep its figures away) is that event's
            j = j.unsure("event.dated_elsewhere")
        if j.verdict == "contradict" and fact.kind in _FIGURE_KINDS and _figure_between(r, spans, readings):
            # "the quake killed 1,351 people in one province and 452 in <the fact's province>": the
            # cue's own figure stands between it and this one
            j = j.unsure("cue.figure_between")
        cue_text = ", ".join(sorted({self.doc.text[a:b] for a, b in _spans_near(spans, r, 400) or spans[:20]}))[:60]
        rule = f"cue {cue_text!r}"
        bound = ("cue.in_sentence",)
        seg = _seg_at(sentence, r.start)
        penalty = tune("other_clause_penalty")
        k = _seg_index(sentence, r.start)
        k = -1 if k is None else k

        def clause_cost(a: int) -> float:
            i = _seg_index(sentence, a)
            i = -10 if i is None else i
            return 0 if i == k else tune("next_clause_penalty") if abs(i - k) == 1 else penalty

        # only cues within reach can be near: a cue further than `window` costs more than cue_near anyway
        window = int(tune("cue_near") + tune("other_clause_penalty")) + 100
        reach = _spans_near(spans, r, window)
        closest = min((max(a - r.end, r.start - b, 0) + clause_cost(a) for a, b in reach), default=float("inf"))
        if closest > tune("cue_near"):
            # "the bow is now 30 metres from the quay" in a sentence about the ship: a cue far
            # from the figure binds it only loosely
            j = j.unsure("cue.far")
        elif (j.verdict == "contradict" and not r.extra.get("whole")
              and (fact.kind not in _NOUN_KINDS or r.extra.get("bare"))
              and all(_common_word((self.doc.reading or self.doc.text)[a:b]) for a, b in spans)):
            # "the first meetings held in the region since 1973" for a "deadliest since 1960" fact: a cue
            # that matched only a common word ("since", "first", "second") says little of which fact a
            # value is: "in what was only her second marathon, she won in 2:13:44" is no runner-up's
            # time. It may agree, never accuse; a value with its own noun ("the last man out, the 32nd
            # miner") or bound by the fact's own pattern ("X was the first miner") says more
            j = j.unsure("cue.common_word")
        if j.verdict == "contradict" and reach and all(cue_behind_rival(r, a, sentence) for a, _ in reach):
            # "took the Golden Boot with eight goals, one more than Messi", "583 points, ahead of
            # Finland's": the only cue near is after the value, behind a word naming a rival; it is
            # the one compared with, not the value's owner
            j = j.unsure("cue.behind_rival")
        if j.verdict == "contradict" and _in_anothers_aside(r, sentence, spans):
            # "Patricia Bullrich, who came third with 23.8%, backed Milei": an aside tells of the word it
            # follows; the fact's cue is outside it and is not that word
            j = j.unsure("cue.anothers_aside")
        rivals = [(f, sp) for f, sp in group if f is not fact]
        if fact.kind == "quote":
            # a quotation tells by itself which fact it is: only a fact that reads the same passage is a rival
            rivals = [(f, sp) for f, sp in rivals
                      if any((x.start, x.end) == (r.start, r.end)
                             for x in KINDS[f.kind].extract(sentence, f, self.ctx))]
        if not rivals:
            self.record(fact, r, sentence, j, rule, bound)
            return

        def dist(sp: list[tuple[int, int]]) -> float:
            # the unit noun right after a figure ("10,000 troops") is every troop fact's cue: only
            # the other cues tell the facts apart; a cue in another clause counts for less
            far = [(a, b) for a, b in sp if not _unit_after(fact, r, a, b, sentence)]
            # ... and so does a cue in another figure's phrase, past a phrase boundary ("$12bn in cash
            # and $4bn in shares": the cash is the 12bn's, not the 4bn's)
            return min((max(a - r.end, r.start - b, 0) + (0 if seg and seg.start <= a < seg.end else penalty)
                        + (penalty if _beside_another_figure(r, a, b, sentence.text, sentence.start) else 0)
                        for a, b in far), default=float("inf"))

        mine = dist(spans)
        others = min(dist(sp) for _, sp in rivals)
        # rivals that agree and are at least as near by their own cues: the value may be theirs
        rival_agree = [f for f, sp in rivals if judge(r, f, sentence, self.ctx).verdict == "agree"
                       and dist(sp) <= mine]
        if j.verdict == "agree":
            if rival_agree and others < mine:
                self.drop(fact, r, "cue.rival_nearer", f"{rival_agree[0].id} agrees and its cue is nearer")
                return
            if others < mine and all(_beside_another_figure(r, a, b, sentence.text, sentence.start)
                                     for a, b in _spans_near(spans, r, window)):
                # "$12bn in cash and $4bn in Facebook shares" for a cash fact of $4bn: its only cue
                # near is the 12bn's, and another fact's cue is in the 4bn's own phrase: the 4bn is
                # that fact's (a swapped pair contradicts both facts instead of agreeing crosswise)
                self.drop(fact, r, "cue.anothers_figure", "its cue is another figure's; another fact's is nearer")
                return
            self.record(fact, r, sentence, j, rule, bound)
        elif rival_agree:
            self.drop(fact, r, "cue.rival_nearer", f"{rival_agree[0].id} agrees and its cue is as near")
        elif mine <= tune("nearest_ratio") * others and mine < others:
            if j.verdict == "contradict":
                # a rival that reads the same words itself ("3 penalties" is no count of titles)
                agreeing = [f.id for f, _ in rivals
                            if any((x.start, x.end) == (r.start, r.end)
                                   for x in _readings(KINDS[f.kind], sentence, f, self.ctx))
                            and judge(r, f, sentence, self.ctx).verdict == "agree"]
                # (not when the sentence gives another figure too: "acquitted on three counts and
                # deadlocked on four", swapped, is two figures each nearest its own fact's cue)
                if agreeing and not any(x is not r and (x.start, x.end) != (r.start, r.end) for x in readings):
                    # "What followed lasted some three and a half minutes, from the thump of the birds
                    # to the splash": nearest the flight's cue, but the glide's, further on, fits it
                    j = j.unsure("cue.rival_agrees", f"{why('cue.rival_agrees')} ({', '.join(agreeing[:3])})")
            self.record(fact, r, sentence, j, rule + f"; nearest of {len(group)} facts",
                        (*bound, "cue.nearest_of_several"))
        elif mine <= others:
            # the rivals this fact's cue is not clearly nearer than (none is nearer)
            # (when both are 0, the cues at the value itself: every rival is as near)
            near = [f.id for f, sp in rivals if mine > tune("nearest_ratio") * dist(sp)] or [f.id for f, _ in rivals]
            self.record(fact, r, sentence, j.unsure("cue.as_near", f"{why('cue.as_near')} ({', '.join(near[:3])})"),
                        rule, bound, False)
        else:
            nearer = [f.id for f, sp in rivals if dist(sp) < mine]
            self.drop(fact, r, "cue.nearest_of_several", f"another fact's cue is nearer ({', '.join(nearer[:3])})")

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
                self.record(fact, r, sentence, j, why(rule_id), (rule_id,))

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
            if len(facts) != 1:
                continue  # "How many seats did Labour and the Tories win?": which figure is whose
            fact = facts[0]
            self._agree_only(fact, _readings(KINDS[kind_name], sentence, fact, self.ctx), sentence,
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
        subject = self.doc.sentences[j].text[:_SUBJECT_SPAN]
        cued: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.cue_facts:
            if (any(p.search(subject) for p in fact.cues)
                    and not any(p.search(sentence.text) for p in fact.cues)
                    and not any(p.search(t) for p in fact.exclude for t in (subject, sentence.text))):
                cued[fact.kind].append(fact)
        for kind_name, facts in cued.items():
            if len(facts) != 1:
                continue  # two facts of the kind open the sentence: which is the pronoun's is not said
            fact = facts[0]
            self._agree_only(fact, _readings(KINDS[kind_name], sentence, fact, self.ctx), sentence,
                             "cue.pronoun", "a pronoun's sentence binds a value only to agree",
                             f"the subject before: {subject[:60]!r}")

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
        before = self.doc.sentences[i - 1]
        if sentence.paragraph - before.paragraph > 1:
            return
        cued = [f for f in age_facts if any(p.search(before.text) for p in f.cues)
                and not any(p.search(sentence.text) for p in f.cues)
                and not any(p.search(t) for p in f.exclude for t in (before.text, sentence.text))]
        if len(cued) != 1:
            return  # two people's ages cued before: whose epithet it is cannot be told
        self._agree_only(cued[0], readings, sentence, "cue.from_epithet",
                         "an epithet binds the age of the person before only to agree",
                         f"the sentence before: {before.text[:60]!r}")

    @cached_property
    def entries(self) -> Entries:
        return entries(self.doc)

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
                span = stamp_span(first) if first is not None else None
                found = [r for r in _readings(kind, first, fact, self.ctx)
                         if span and r.start < span[1] and span[0] < r.end] if first is not None else []
            else:
                day = self.entries.day(sentence.start)
                found = [r for r in read_dates(self.doc.text[day[0]:day[1]], day[0])] if day else []
            for r in found[:1]:
                b = next(bd for bd in bindings if fact.event in bd.candidates and bd.level_of(fact.event) >= MEDIUM)
                j = judge(r, fact, sentence, self.ctx)
                if j.verdict != "agree":
                    self.drop(fact, r, "value.entry_stamp", "the entry's stamp or day does not fit: it says nothing")
                    continue
                self.record(fact, r, sentence, j, f"event {fact.event} ({b.why_text(fact.event)}); the entry's "
                            + ("stamp" if fact.kind == "time" else "day line"),
                            (*b.rules_of(fact.event), "value.entry_stamp"), False)

    def _blog_day_is(self, ev: str, pos: int) -> bool:
        """Is `pos` in a live-blog entry under a day line that gives event `ev`'s date?"""
        day = self.entries.day(pos) if self.entries.stamp_of else None
        date = self.fb.events[ev].date if ev in self.fb.events else None
        if day is None or date is None:
            return False
        read = read_dates(self.doc.text[day[0]:day[1]])
        v = read[0].value if read else None
        return v is not None and v.month == date.month and v.day == date.day and v.year in (None, date.year)

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


# "27–28 Sep 2023 — ...": the first day of a span heading a timeline line
# what ends a timeline's date stamp: a weekday in brackets, a clock time (with its zone and its
# conversion in brackets: "4 Nov 2022 (Fri), 12:00 (9:00 PT) - ..."), then a dash, bar or colon
_STAMP_TAIL = regex.compile(r"\s*(?:\([^)\n]{1,12}\)\s*)?"
                            r"(?:,?\s*\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\s*(?:\([^)\n]{1,24}\)\s*)?)?"
                            r"(?:[—–|:]|-\s)|\s+-\s")
_DAY_SPAN_HEAD = regex.compile(r"\s*(\d{1,2})\s*[–-]\s*(?=\d{1,2}\s+\p{L})")


def _near_after_only(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Was the value taken only because it opens its sentence and the fact's `near` cue comes later
    in it (not closely before it, nor as a timeline stamp's entry)?"""
    return (opening_cue(fact, r, sentence) and not stamp_cue(fact, r, sentence)
            and not near_before(fact, r, sentence))


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


# "The 23-year-old, ..." / "the 36-year-old's": an age opening a sentence as an epithet
_OPEN_BRACKET = regex.compile(r"\(\s*\Z")
_YEAR_LIKE = regex.compile(r"(?:1[89]|20)\d\d(?![\d,.])")
_CLOSE_BRACKET = regex.compile(r"\s*\)")
# between a value and its conversion in brackets: perhaps its zone or place words ("16.30 o'clock local
# time New York (23.30 ...")
_BEFORE_BRACKET = regex.compile(r"(?:\s+[\p{L}.'’]+){0,4}\s*\(\s*")
_EPITHET_HEAD = regex.compile(r"\s*[\"“‘']?(?:The|the)\s+")


@cache
def _epithet_after_quote() -> regex.Pattern[str]:
    """A quotation then its speaker as an epithet ("'It seems surreal to me,' said the 46-year-old")."""
    return regex.compile(rf"(?s).*[\"”’']\s*,?\s*(?:{alternation(lang().data['reporting_verbs'])})\s+the\s+",
                         regex.IGNORECASE)


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
