"""Facts found by cues: the values of a sentence that holds a fact's cue, weighed by the cue's
distance, the clause's own dates, and the rival facts whose cues are nearer (`cue_sentence`,
`_decide_cue`; a mixin of factcheck/check.py `_Checker`)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import regex

from factcheck.entries import year_above
from factcheck.eventcontext import OTHER_YEAR_KINDS, EventContext, _folded
from factcheck.evidence import (
    _FIGURE_KINDS,
    _NOUN_KINDS,
    _beside_another_figure,
    _common_word,
    _digits_key,
    _figure_between,
    _in_anothers_aside,
    _readings,
    _seg_at,
    _seg_index,
    _spans_near,
    _unit_after,
    behind_rival,
    cue_behind_rival,
)
from factcheck.factbase.model import Fact
from factcheck.judging import (
    _WHEN_CLAUSE,
    _excluded_near,
    _near_ok,
    _season_re,
    _soften,
    judge,
    near_before,
    opening_cue,
    stamp_cue,
)
from factcheck.kinds import KINDS, Reading
from factcheck.kinds.date import DateValue, read_dates
from factcheck.kinds.year import relative_years
from factcheck.lang import calendar_words, lang, pack
from factcheck.rules import tune, why
from factcheck.segment import Sentence
from factcheck.wholedoc import _distinct_key

#: kinds that may both count the same heads ("500,000 people": a count, or a quantity in people)
_HEAD_COUNT_KINDS = frozenset({"count", "quantity"})


def _near_after_only(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Was the value taken only because it opens its sentence and the fact's `near` cue comes later
    in it (not closely before it, nor as a timeline stamp's entry)?"""
    return (opening_cue(fact, r, sentence) and not stamp_cue(fact, r, sentence)
            and not near_before(fact, r, sentence))


def _folded_words(text: str) -> list[str]:
    """The words of a name, letter case and accents set aside."""
    return regex.findall(r"\p{L}+", _folded(text))


def _resembles(read: str, fact: Fact) -> bool:
    """Does a name read resemble the fact's name or one of its variants: its last word (the surname)
    within a letter or two (SequenceMatcher ratio 0.75 or more, accents and case aside)?"""
    said = _folded_words(read)
    if not said:
        return False
    for name in (str(fact.raw_value), *(str(v.value) for v in fact.variants)):
        words = _folded_words(name)
        if words and difflib.SequenceMatcher(None, said[-1], words[-1]).ratio() >= _RESEMBLES:
            return True
    return False


_RESEMBLES = 0.75


#: between a cue and a number whose noun is left out: at most two short words of a verb, a preposition
#: or a hedge ("the DPP won 52", "Arsenal on 70", "Sri Lanka about 16,000")
_BESIDE_GAP = regex.compile(r"\s*(?:[\p{L}'’]{1,10}\s+){0,2}\Z")


def _cue_right_before(spans: Sequence[tuple[int, int]], r: Reading, text: str) -> bool:
    """Does one of the fact's cues end at most two short words before the reading?"""
    return any(0 <= r.start - b <= 30 and _BESIDE_GAP.match(text, b, r.start) is not None for _, b in spans)


class CuePasses(EventContext):
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
            # "In October and November of last year": the months of the year the page's date gives
            rel = [y for a, _, y in relative_years(sentence, self.ctx) if part.start <= a < part.end]
            if rel:
                dates = [replace(r, value=replace(r.value, year=rel[0])) if r.value.year is None else r
                         for r in dates]
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
        return self._stamp_outside(sentence, lo, hi)

    def _stamp_outside(self, sentence: Sentence, lo: dt.date, hi: dt.date) -> bool:
        """Is the sentence on a timeline line whose stamp, in the year of the year line above it
        ("2000" / ... / "November — The autumn diving ends with 12 bodies recovered"), dates it outside
        [lo, hi]? Without a year line, only a stamp that gives its own year counts."""
        stamp = self._line_stamp(sentence)
        if stamp is None or not stamp.month:
            return False
        year = stamp.year or year_above(self.doc.reading or self.doc.text, sentence.start)
        if year is None:
            return False
        v = DateValue(year, stamp.month, stamp.day)
        return self._month_outside(Reading(0, 0, "", v, None), lo, hi)

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
                        self.excluded.add((fact.id, r.start))
                        why_out = self._excluded(fact, r, sentence, spans) or "cue.excluded"
                        self.drop(fact, r, why_out)
                        if why_out == "cue.excluded" and not eligible:
                            self._excluded_agrees(fact, r, sentence, spans, readings)
                        continue
                    cross = [f for f, _ in cands if f.kind != fact.kind and {f.kind, fact.kind} <= _HEAD_COUNT_KINDS]
                    self._decide_cue(fact, r, sentence, eligible, spans, readings, cross)

    def _cross_kind_agrees(self, r: Reading, sentence: Sentence, cross: Sequence[Fact]) -> str:
        """The id of a fact of `cross` (facts of the other head-count kind cued in the sentence: a
        quantity of people for a count, or the other way) that reads the same figure and agrees with
        it; "" if none."""
        for f in cross:
            for x in _readings(KINDS[f.kind], sentence, f, self.ctx):
                if x.start < r.end and r.start < x.end and judge(x, f, sentence, self.ctx).verdict == "agree":
                    return f.id
        return ""

    def _excluded_agrees(self, fact: Fact, r: Reading, sentence: Sentence, spans: list[tuple[int, int]],
                         readings: Sequence[Reading]) -> None:
        """A value the fact's `exclude` took away, no other fact of its kind cued for it, that is the
        fact's value exactly (no hedge, no range) where the sentence states no other value for the
        fact: it agrees, loosely (rule cue.excluded_agrees). An exclude word keeps other figures
        away; one in the clause of the very figure the fact states ("the 2015 quake killed 8,964,
        the worst since 1934") does not make it another. Not for names: a person is named in many
        roles."""
        value: Any = r.value
        hedge, hi = getattr(value, "hedge", None), getattr(value, "hi", None)
        if fact.kind == "name" or hedge or hi is not None:
            return
        key = _distinct_key(fact)
        if key and _digits_key(r.text if fact.kind == "duration" else getattr(value, "value", value)) != key:
            return  # within the fact's rounding ("380 metres" for 400 m), not its very figure
        j = judge(r, fact, sentence, self.ctx)
        if j.verdict != "agree":
            return
        for other in readings:
            if other is r or self._excluded(fact, other, sentence, spans):
                continue
            if judge(other, fact, sentence, self.ctx).verdict != "agree":
                return  # the sentence gives the fact another value too: the excluded one may be another's
        self.record(fact, r, sentence, j.unsure("cue.excluded_agrees"),
                    "the value agrees exactly though an exclude word stands in its clause", ("cue.excluded_agrees",),
                    False)

    def _decide_cue(self, fact: Fact, r: Reading, sentence: Sentence,
                    group: list[tuple[Fact, list[tuple[int, int]]]], spans: list[tuple[int, int]],
                    readings: Sequence[Reading] = (), cross: Sequence[Fact] = ()) -> None:
        beside = (bool(r.extra.get("elliptical")) and "tally_label" not in r.extra  # (a tally has its own rules)
                  and _cue_right_before(spans, r, self.doc.reading or self.doc.text))
        if beside:
            # "the DPP won 52 and the KMT 51", "Sri Lanka about 16,000", "one ahead of Arsenal on 70": a
            # number whose noun is left out, right after the fact's own cue, is that cue's figure
            r = replace(r, extra={k: v for k, v in r.extra.items() if k not in ("loose", "why_loose")})
        j = _soften(judge(r, fact, sentence, self.ctx), r, sentence, later=self.written_later())
        if j.verdict == "contradict" and fact.near and _near_after_only(fact, r, sentence):
            j = j.unsure("fact.near_after")  # "At 9 a.m. ..., hours before he was crowned"
        if (j.verdict == "contradict" and not isinstance(r.value, DateValue)
                and (self._line_far_from_events(sentence) or self._line_of_other_event(sentence, fact))):
            # "21 Aug 2017 (Mon) — ... Maximum totality about 2 min 40 s": a timeline line of a day far
            # from every event of the base speaks of another moment; "24 Sep 2023 (Sun) — ... Kipchoge
            # wins the men's race": a line stamped with the day of another event of the base (one the
            # base declares without facts, to keep its figures away) is that event's
            j = j.unsure("event.dated_elsewhere")
        if j.verdict == "contradict" and self._narrated_later(sentence, r):
            j = j.unsure("value.narrated_later")  # "... in the snap election of 23 February 2025 ..."
        if j.verdict == "contradict" and self._narrated_earlier(sentence, r):
            j = j.unsure("value.narrated_earlier")  # "... at Kitty Hawk on Dec. 17, 1903, ... covered 120 feet"
        if (j.verdict == "contradict" and not isinstance(r.value, DateValue)
                and self._entry_before_event(self._clause_events(fact, sentence), sentence)):
            j = j.unsure("value.entry_before_event")  # "15:00 - A 6.1 tremor ... about ten injured"
        if j.verdict == "contradict" and fact.kind in OTHER_YEAR_KINDS and self._other_year_beside(sentence, r):
            j = j.unsure("value.other_year")  # "... their loss to Australia in Melbourne in 2015"
        if j.verdict == "contradict" and (other_kind := self._cross_kind_agrees(r, sentence, cross)):
            # "more than 500,000 people ... were exposed" for a count of the dead cued by "Officials",
            # with a quantity fact of the exposed (500,000 to 600,000 people) cued in the sentence: the
            # figure fits that fact, read the same way (a rival of another kind)
            j = j.unsure("cue.rival_agrees", f"{why('cue.rival_agrees')} ({other_kind})")
        if j.verdict == "contradict" and fact.kind in _FIGURE_KINDS and _figure_between(r, spans, readings):
            # "the quake killed 1,351 people in one province and 452 in <the fact's province>": the
            # cue's own figure stands between it and this one
            j = j.unsure("cue.figure_between")
        cue_text = ", ".join(sorted({self.doc.text[a:b] for a, b in _spans_near(spans, r, 400) or spans[:20]}))[:60]
        rule = f"cue {cue_text!r}"
        bound: tuple[str, ...] = ("cue.in_sentence", "cue.beside_elliptical") if beside else ("cue.in_sentence",)
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
        if (j.verdict == "contradict" and spans
                and _pronoun_of_another(sentence, spans, self.doc.reading or self.doc.text)):
            # "Jane said she was 14 when the abuse began" for an age cued by "she": the pronoun is
            # the person named before it, not the fact's
            j = j.unsure("cue.pronoun_of_another")
        if j.verdict == "contradict" and reach and all(cue_behind_rival(r, a, sentence) for a, _ in reach):
            # "took the Golden Boot with eight goals, one more than Messi", "583 points, ahead of
            # Finland's": the only cue near is after the value, behind a word naming a rival; it is
            # the one compared with, not the value's owner
            j = j.unsure("cue.behind_rival")
        if j.verdict == "contradict" and _in_anothers_aside(r, sentence, spans):
            # "Patricia Bullrich, who came third with 23.8%, backed Milei": an aside tells of the word it
            # follows; the fact's cue is outside it and is not that word
            j = j.unsure("cue.anothers_aside")
        # (not a fact of another period than the value's clause gives: "In March, about 800 people were
        # evacuated" is no April count's, whose figure it is)
        rivals = [(f, sp) for f, sp in group if f is not fact and not self._months_outside(f, sentence, r)]
        if fact.kind == "quote":
            # a quotation tells by itself which fact it is: only a fact that reads the same passage is a rival
            rivals = [(f, sp) for f, sp in rivals
                      if any((x.start, x.end) == (r.start, r.end)
                             for x in KINDS[f.kind].extract(sentence, f, self.ctx))]
        elif fact.kind == "name" and _resembles(r.text, fact):
            # "Surfside Mayor Charles Burket" with two mayors cued by "Mayor": a name that resembles
            # this fact's (its surname within a letter or two) and not another's is this fact's
            # (`cue.name_resembles`), misspelt or not
            kept = [(f, sp) for f, sp in rivals if f.kind != "name" or _resembles(r.text, f)]
            if len(kept) < len(rivals):
                bound = (*bound, "cue.name_resembles")
            rivals = kept
        elif fact.kind in _NOUN_KINDS:
            # a rank, a count or a measure read with its own noun: a fact whose noun is not there
            # cannot read the value ("his 21st Grand Slam title" is no seeding, though "Nadal" cues
            # both), so it is no rival
            rivals = [(f, sp) for f, sp in rivals
                      if any(x.start < r.end and r.start < x.end
                             for x in _readings(KINDS[f.kind], sentence, f, self.ctx))]
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
        elif _off_scale_for(r, fact, [f for f, sp in rivals if dist(sp) < mine]):
            # "in a distance of only 12.500 miles over the surface" for a flyby's 12,500 km, with the
            # Earth's distance (4.77 billion km) cued by "distance", nearer: a figure no slipped digit
            # or unit makes that fact's is not its, and it is near this fact's own
            if j.verdict == "contradict" and not _same_digits(r.text, str(fact.raw_value)):
                # "each share ... will be exchanged for $51.572626 in cash" for a bid of $38 a share:
                # claimed from an off-scale rival, a figure of other digits than the fact's may be
                # another figure of this fact's sort; only the same digits under another unit (a unit
                # slip) accuse
                j = j.unsure("cue.rivals_off_scale_digits")
            self.record(fact, r, sentence, j, rule, (*bound, "cue.rivals_off_scale"))
        else:
            nearer = [f.id for f, sp in rivals if dist(sp) < mine]
            self.drop(fact, r, "cue.nearest_of_several", f"another fact's cue is nearer ({', '.join(nearer[:3])})")


_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}'’])\p{Lu}[\p{L}\p{M}'’-]+")


def _pronoun_of_another(sentence: Sentence, spans: Sequence[tuple[int, int]], read: str) -> bool:
    """Did every cue of the fact in the sentence match only a personal pronoun, with a capitalised
    word before the first of them that is no sentence opener nor a calendar word ("Jane said she
    was 14")? The pronoun then most likely stands for that person (rule cue.pronoun_of_another)."""
    pronouns = frozenset(str(w).lower() for w in lang().data["personal_pronouns"])
    if not all(" ".join(read[a:b].lower().split()) in pronouns for a, b in spans):
        return False
    first = min(a for a, _ in spans)
    openers = frozenset(str(w).lower() for w in pack("names")["never_start"])
    return any(m.group(0).lower() not in openers and m.group(0).lower() not in calendar_words()
               for m in _CAPITALISED.finditer(read, sentence.start, first))


_FIRST_NUMBER = regex.compile(r"\d(?:[\d.,'’\u202f ]*\d)?")


def _same_digits(a: str, b: str) -> bool:
    """Do the first numbers of `a` and `b` have the same digits, separators and trailing zeros aside
    ("12.500 miles" and "12,500 km", "1.7 miles" and "1.7 km")?"""
    ma, mb = _FIRST_NUMBER.search(a), _FIRST_NUMBER.search(b)
    if ma is None or mb is None:
        return False
    da, db = (regex.sub(r"\D", "", m.group(0)).rstrip("0") for m in (ma, mb))
    return da == db


def _off_scale_for(r: Reading, fact: Fact, nearer: list[Fact]) -> bool:
    """Is the figure within `other_figure_ratio` of `fact` and more than `far_figure_ratio` off every
    fact in `nearer` (of the same kind), so that no slipped digit or unit word makes it theirs?"""
    ratio = getattr(KINDS[fact.kind], "ratio", None)
    if ratio is None or not nearer or any(f.kind != fact.kind for f in nearer):
        return False
    mine = ratio(r, fact.value)
    near, far = tune("other_figure_ratio"), tune("far_figure_ratio")
    if mine is None or not 1 / near <= mine <= near:
        return False
    theirs = [ratio(r, f.value) for f in nearer]
    return all(q is not None and (q > far or q < 1 / far) for q in theirs)
