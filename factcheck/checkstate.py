"""An article's check in progress: the article read and segmented, its binder and context, the
facts it may touch (set up once per article); the evidence kept (`record`, with the checks every kept
value passes: distractors, figure roles, a conversion restating a value), the trace (`note`), the
values set aside (`drop`). The base of the checker's passes (factcheck/check.py `_Checker`)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import replace
from typing import Any

import regex

from factcheck.baseindex import base_index
from factcheck.bind import Binder, Binding
from factcheck.evidence import _FIGURE_KINDS, TraceStep, _clause_excluded, _digits_key, _holds_point, _lists, _seg_at
from factcheck.exclusion import ExclusionPasses
from factcheck.factbase.model import Fact, FactBase
from factcheck.figurecontext import (
    anothers_own,
    counterfactual,
    designated,
    early_count,
    epithet_of_another,
    from_another_place,
    in_breakdown,
    local_part,
    loose_bound,
    partitive,
    running_tally,
    scale_slip,
)
from factcheck.judging import Judged, _excluded_near, heading_to, judge
from factcheck.kinds import KINDS, Context, Reading
from factcheck.kinds.date import DateValue, published
from factcheck.kinds.quantity import QuantityValue, on_another_facts_unit
from factcheck.kinds.set import reversed_scores
from factcheck.kinds.time import (
    TimeKind,
    TimeValue,
    Zone,
    conversion_re,
    label_out_of_season,
    on_a_nearer_facts_clock,
    on_another_facts_clock,
    on_clock_of,
    on_local_siblings_clock,
    zone_offsets,
)
from factcheck.model import Mention, Source
from factcheck.prefilter import cue_prefilter, per_base
from factcheck.roles import figure_roles
from factcheck.rules import table, tune, why
from factcheck.segment import Document, Sentence, segment

#: kinds whose values are stated in a role (factcheck/roles.py): the figures, and lengths of time
#: ("won by 7 minutes 29 seconds", "finished 1:38 ahead" are margins)
_ROLE_KINDS = _FIGURE_KINDS | {"duration"}


# a conversion in brackets right after a value ("16.30 local time New York (23.30 CET)"), not a year;
# the day a clock conversion may carry before its end ("22.23 Swedish time on the Friday evening",
# "(3 h 45 hour of Paris, the 21 April)")
_DAY_TAIL = (r"(?:\s+(?:on|of)\s+(?:the\s+)?\p{L}+day(?:\s+(?:morning|afternoon|evening|night))?"
             r"|\s+in\s+the\s+(?:night|morning|evening|afternoon)(?:\s+(?:to|of)\s+(?:the\s+)?\p{L}+day)?"
             r"|,\s*(?:the\s+)?\d{1,2}\s+\p{L}+|,\s*\p{L}+\s+\d{1,2})?")
# a day's number or year among the words between a value and its conversion ("19:29 local time on Sunday
# 31 May 2009 — that was 22:29 in Paris")
_DAY_WORDS = r"\d{1,4},?"
# (not the full stop of a month's abbreviation: "8:50 a.m. on Saturday, Oct. 8 (0450 GMT)")
_BREAK = regex.compile(r"\n|[!?]\s|(?<!(?<![\p{L}])(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec))\.\s")
_OPEN_BRACKET = regex.compile(r"\(\s*(?:the\s+)?\Z")  # a translation's "(the 7.38 in Italy)"
_YEAR_LIKE = regex.compile(r"(?:1[89]|20)\d\d(?![\d,.])")
_CLOSE_BRACKET = regex.compile(_DAY_TAIL + r"\s*\)")
# between a value and its conversion in brackets: perhaps its zone or place words ("16.30 o'clock local
# time New York (23.30 ...")
_BEFORE_BRACKET = regex.compile(rf"(?:\s+[\p{{L}}.'’]+,?|\s+{_DAY_WORDS}){{0,6}}\s*\(\s*(?:the\s+)?")
# ... or after a dash, up to the clause's end ("a top speed of 44.72km/h – roughly 27.8mph."), perhaps
# with words that say it is the same ("01.23 local time – that was 22.23 Swedish time", "15h55 hour of
# the East coast, that is to say 22h55 hour of Paris")
_SAME = r"(?:that\s+(?:was|is)(?:\s+to\s+say)?|that['’]s|i\.\s?e\.,?|which\s+(?:was|is)|which['’]s)\s+"
# ", or" before a figure in another unit ("0.07 grams per mile, or about 0.11 grams per kilometre")
_OR = r"or\s+"
_OPEN_DASH = regex.compile(rf"(?:\s[–—-]\s*(?:{_SAME})?|,\s*(?:{_SAME}|{_OR}))\Z")
_CLOSE_DASH = regex.compile(_DAY_TAIL + r"\s*(?:[–—,.;:)]|\Z)")
_BEFORE_DASH = regex.compile(rf"(?:\s+[\p{{L}}.'’]+|\s+{_DAY_WORDS}){{0,6}}"
                             rf"(?:\s+[–—-]\s*(?:{_SAME})?|,\s*(?:{_SAME}|{_OR}))")
# a clock's conversion may name the other clock's place first, as translations do ("at 0.30 o'clock
# German time, in Las Vegas it was 18.30 o'clock local time", "20.54 o'clock local time – in Germany it
# was already 1.54 o'clock", "16.52 o'clock Italian hour, when in Utah they were the 14.52")
_PLACE_IT_WAS = (r"(?:(?:when|while|as|and)\s+)?in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}"
                 r"\s+(?:it|they)\s+(?:was|were|is)\s+(?:(?:already|then|still|just)\s+){0,2}(?:the\s+)?")
_OPEN_DASH_CLOCK = regex.compile(rf"(?:\s[–—-]\s*(?:{_SAME}|{_PLACE_IT_WAS})?|,\s*(?:{_SAME}|{_OR}|{_PLACE_IT_WAS}))\Z")
_BEFORE_DASH_CLOCK = regex.compile(rf"(?:\s+[\p{{L}}.'’]+,?|\s+{_DAY_WORDS}){{0,6}}"
                                   rf"(?:\s+[–—-]\s*(?:{_SAME}|{_PLACE_IT_WAS})?|,\s*(?:{_SAME}|{_OR}|{_PLACE_IT_WAS}))")


# a conversion restating a value may be wrong by a unit's factor, or its square when the factor was
# applied the wrong way round ("130 km (about 210 miles)": 2.6 times; kilograms for pounds:
# 2.2), or left unconverted ("5 m (5 ft)": 3.3 times), or slipped by ten ("5 m (50 ft)" for 16 ft:
# 3.05 times): so far off, up to the ratio of another figure (`other_figure_ratio`, 4), it is still
# the same figure converted, not another one
_CONVERSION_SLIP = 4.0
# minutes written, not on the hour nor the half hour ("9:32", "19h15", "21.45"): a clock reading that
# names an instant rather than a round time
# minutes not on the hour or half hour: "11:28", "9.36", and a wire's "1002 GMT"
_MINUTES = regex.compile(r"\d[:.h]\s?(?!00|30)[0-5]\d(?!\d)|(?<!\d)[0-2]\d(?!00|30)[0-5]\d(?=\s?\p{Lu}{1,4}\b)")
_LOOSE_HEDGES = ("about", "nearly", "just_under", "just_over")  # hedges that only say a figure is rounded
# a row of one instant on several clocks ("11:28 PDT (18:28 UTC; 04:28 KST Sun 7 Jul)", "22:00 CDT |
# 03:00 UTC Sat 26 Aug | 23:00 EDT"): between two of its clock times only separators, clock times,
# zone abbreviations and a day (weekday or month abbreviations, names of days, day numbers)
_ROW_GAP = regex.compile(r"(?:[\s,;|/()]++|(?-i:\p{Lu}{2,5})(?![\p{L}])|(?-i:\p{Lu}\p{Ll}{2})\.?(?![\p{L}])"
                         r"|(?-i:\p{Lu}\p{Ll}{2,6}day)(?![\p{L}])|\d{1,2}(?:[:.h]\d\d)?(?!\d)|[ap]\.?\s?m\.?)*+")
_ROW_SEP = regex.compile(r"[;|/(]")
# a short label and its colon right before a clause: "The gap: ", "Winning margin: "
_COLON_LABEL_BEFORE = regex.compile(r"(?<![\p{L}])(?:\p{L}+\s+){0,3}\p{L}+:\s*\Z")
# a list's bullet opening a line: "- ", "• ", "* ", "– "
_BULLET = regex.compile(r"[^\S\n]*[-•*–][^\S\n]+")


class CheckState(ExclusionPasses):
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
        #: agreeing clock times on the event's clock, kept for the whole-article passes and taken out of
        #: the fact's mentions after them (rule time.local_sibling)
        self.local_agrees: set[tuple[str, int]] = set()
        self.named_stamps: set[tuple[str, int]] = set()  # (fact, start): stamps of lines naming the event
        self.excluded: set[tuple[str, int]] = set()  # (fact, start): values its `exclude` took from it
        self.seg_dates: dict[tuple[int, int], tuple[list[Reading], list[str]]] = {}
        self.exclude_cache: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self.seg_figures: dict[tuple[int, int], list[tuple[int, int]]] = {}
        # the facts of other events a reading agrees with (check.py `rival_agree`), once per reading
        self.rival_memo: dict[tuple[Any, ...], list[Fact]] = {}
        self._later: bool | None = None
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
        firm = False
        if restated is not None:
            # "16.30 local time New York (23.30 CET)": a conversion in brackets of a value that agreed
            # is that value restated, bound as firmly as it; the clause's own loose binding (the
            # bracket is a clause of its own) does not make a wrong conversion unsure
            wrong = j if j.verdict == "contradict" else None
            if j.verdict == "unclear" and all(table()[x].effect != "unsure" or x.startswith(("event.", "cue."))
                                              for x in j.rules):
                wrong = judge(r, fact, sentence, self.ctx)
                certain = restated
            if j.verdict == "agree" and getattr(r.value, "hedge", "") in _LOOSE_HEDGES:
                # "some 45 metres (about 138 feet)": a conversion is as exact as its digits; its hedge
                # says it is rounded, not that any figure a tenth off is the same one
                exact = judge(replace(r, value=replace(r.value, hedge=""), detail=""), fact, sentence, self.ctx)
                if exact.verdict == "contradict":
                    wrong, certain = Judged("contradict", exact.reason + " (a conversion, as exact as its digits)",
                                            exact.rules), restated
            if wrong is not None and wrong.verdict == "contradict":
                # (only where the binding was loose)
                instant = not restated and self._restates_instant(fact, r)
                by_digits = not restated and not instant and self._restates_exact(fact, r)
                firm = instant or by_digits
                rid = ("value.restated_instant" if instant else "value.restated_exact" if by_digits
                       else "value.restated")
                j = Judged("contradict", wrong.reason + "; " + why(rid), (*wrong.rules, rid))
        if (j.verdict != "agree" and restated is None and fact.kind == "time"
                and (self._in_agreeing_row(fact, r, sentence) or self._in_agreeing_list(fact, r, sentence))):
            # "11:28 PDT (18:28 UTC; 04:28 KST Sun 7 Jul)" for a KST fact of 03:28: the other clocks
            # of the row give the fact's instant, so the row is about it and a wrong clock in it is
            # a wrong conversion of it, however loosely the row's clause was bound
            wrong = j if j.verdict == "contradict" else None
            if j.verdict == "unclear" and all(table()[x].effect != "unsure" or x.startswith(("event.", "cue."))
                                              for x in j.rules):
                wrong = judge(r, fact, sentence, self.ctx)
            if wrong is not None and wrong.verdict == "contradict":
                j = Judged("contradict", wrong.reason + "; " + why("value.row_instant"),
                           (*wrong.rules, "value.row_instant"))
                firm = True
        if self._sibling_clock(fact, r):
            # "5.14pm local time — 05:14 GMT" with facts of 17:14 local and 04:14 UTC: the UTC fact's;
            # and "10:02 UTC" states the UTC fact, not the CEST one (the article gives no CEST clock)
            if j.verdict == "agree" and certain:
                # (it still gives the instant: a wrong clock right before its bracket, on this fact's
                # clock, is a wrong conversion of it: "22.00 MESZ (19.00 UTC)")
                self._converted_in_brackets(fact, r, sentence)
            self.drop(fact, r, "time.sibling_clock")
            return
        if self._local_sibling(fact, r, sentence):
            # "The quake struck at 12:51 p.m." with facts of 12:51 NZDT and 23:51 UTC: the local fact's
            # to judge; the UTC one is not stated. A wrong one accuses the local fact alone; a right
            # one still gives the instant to the passes over the whole article (a wrong conversion of
            # it accuses, another moment's clock beside it is unclear), then leaves this fact's mentions
            if j.verdict != "agree":
                self.drop(fact, r, "time.local_sibling")
                return
            self.local_agrees.add((fact.id, r.start))
        if j.verdict == "contradict" and self._place_before_clock(fact, r):
            # "Back home in London the game kicked off at 7.45pm" for a kick-off of 20:45 in Munich: a
            # bare clock after another place of one clock may be that place's
            j = j.unsure("time.place_before", f"{why('time.place_before')} ({r.extra['place_before']})")
        if j.verdict == "contradict" and self._nearer_clock(fact, r):
            # "20:41 local time (21:41 BST)" with facts of 18:41 UTC and 14:41 EDT: the wrong
            # conversion misstates the UTC fact, the nearest clock; the EDT one is not stated
            self.drop(fact, r, "time.nearest_clock")
            return
        if j.verdict == "contradict" and restated is not None and self._converted_from_own_clock(fact, r, sentence):
            # "shortly after 17 Uhr local time - in Germany it was then already 22 Uhr MEZ" with facts
            # of 17:00 EST and 22:00 GMT: the EST fact is stated right; the conversion is the other's
            self.drop(fact, r, "time.sibling_clock")
            return
        if j.verdict == "contradict" and self._sibling_unit(fact, r, sentence):
            # "winds of 130 km/h" with facts of 130 mph and 210 km/h: the km/h fact's to judge
            self.drop(fact, r, "quantity.sibling_unit")
            return
        ratio_of = getattr(KINDS[fact.kind], "ratio", None)
        if j.verdict == "contradict" and ratio_of is not None:
            q = ratio_of(r, fact.value)
            limit = tune("other_figure_ratio") if fact.far != "contradict" else tune("far_figure_ratio")
            if q is not None and (q > limit or q < 1 / limit) and scale_slip(q, r.text):
                # "11 million" for $11.02 billion: the fact's figure under the wrong scale word
                j = Judged("contradict", j.reason + "; " + why("figure.scale_slip"), (*j.rules, "figure.scale_slip"))
            elif q is not None and (q > limit or q < 1 / limit):
                # "366 metres" against a 1.6-mile bridge, "1.752 kg" against a 26 kg rover: a figure
                # off by that much is another quantity far more often than a wrong one; with `far:
                # contradict`, only beyond what a slipped digit's place makes ("about seven buildings"
                # for 250,000 homes, "1 to 2cm" of ash for a 90 km cable section)
                j = j.unsure("figure.other_magnitude", f"{q:.2g} times the fact: probably another figure")
        if fact.kind == "time" and j.verdict in ("agree", "contradict") and isinstance(r.value, TimeValue):
            j = self._season_slip(fact, r, j)
        if j.verdict == "agree" and ratio_of is not None and loose_bound(r, ratio_of(r, fact.value), fact.value):
            # "more than 2,000 trades" for 20,000 broken: true of the fact, but a figure that far
            # below it states another one (or the fact with a slipped digit); it neither agrees nor accuses
            j = Judged("unclear", j.reason + "; " + why("figure.loose_bound"), (*j.rules, "figure.loose_bound"))
        if j.verdict == "contradict" and fact.kind in ("count", "quantity") and designated(sentence, r):
            j = j.unsure("figure.designation")  # "crashed Germanwings Flight 9525 into the Alps"
        if j.verdict == "contradict" and (place := from_another_place(fact, r, sentence)) is not None:
            j = j.unsure("quantity.other_place", f"measured from {place}, which none of the fact's cues names")
        if j.verdict == "contradict" and fact.kind in ("count", "quantity") and (
                local_part(sentence, r, fact) or in_breakdown(sentence, r, fact)):
            j = j.unsure("figure.local_part")  # "In Beichuan county, ... 3,000 to 5,000 had died"
        if j.verdict == "contradict" and fact.kind == "place" and heading_to(sentence, r):
            j = j.unsure("place.heading")  # "The eyewall nears Cape Fear": where it was going
        if j.verdict == "contradict" and fact.kind in ("count", "ordinal") and fact.cues \
                and anothers_own(sentence, r, fact):
            j = j.unsure("figure.anothers_own")  # "... Rick Husband, ..., on his second spaceflight"
        if j.verdict == "contradict" and fact.kind == "age" and fact.cues \
                and (head := epithet_of_another(sentence, r, fact)) is not None:
            j = j.unsure("age.anothers_epithet", f"it describes {head!r}, which none of the fact's cues names")
        if j.verdict == "contradict" and fact.kind in ("count", "quantity") and partitive(sentence, r):
            j = j.unsure("figure.partitive")  # "killing three of the searchers", for 25,000 searchers
        if j.verdict == "contradict" and fact.kind in _FIGURE_KINDS and counterfactual(sentence, r):
            j = j.unsure("figure.counterfactual")  # "the haul would have been closer to $18.4 billion"
        if j.verdict == "contradict" and fact.kind in _FIGURE_KINDS and running_tally(sentence, r):
            j = j.unsure("figure.running_tally")  # "Nearly 47 million people have already voted early"
        if j.verdict == "contradict" and fact.kind in _FIGURE_KINDS and early_count(sentence, r):
            j = j.unsure("figure.early_count")  # "The first newspaper counts ... gave 32 dead"
        if j.verdict == "contradict" and fact.kind == "set" and reversed_scores(r, fact):
            j = j.unsure("set.reversed_score", "a member score written from the other side")
        if fact.kind in _ROLE_KINDS:
            seg = _seg_at(sentence, r.start)
            read = self.doc.reading or self.doc.text
            before = read[seg.start if seg else sentence.start : r.start]
            if seg is not None and not before.strip(" ,"):
                # "The gap: 274,077 votes": a label before a colon cut off as a clause of its own
                label = _COLON_LABEL_BEFORE.search(read, sentence.start, seg.start)
                before = read[label.start() : r.start] if label else before
            roles = figure_roles(before, read[r.end : min(r.end + 60, sentence.end)], fact.kind == "duration")
            if r.extra.get("margin"):
                roles |= {"margin"}  # the reading says so itself ("+7:29" in a results list)
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
                if self._nearer_in_own_year(fact, r, d.value):
                    return False  # "Sunday, 24.9." on a page of 26.09.2022: 2022's, not a 2023 distractor's
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
        if firm:
            # the instant restated was the fact's to the minute: that, not the clause, ties it to the fact
            rules = tuple(x for x in rules if table()[x].effect != "unsure")
        certain = firm or (certain and not any(table()[x].effect == "unsure" for x in rules))
        if j.verdict == "contradict" and not certain:
            j = Judged("unclear", j.reason + "; the binding is not sure enough to accuse", j.rules)
        line, col = self.doc.line_col(r.start)
        self.mentions[fact.id].append(Mention(
            text=self.doc.text[r.start : self.doc.source_end(r.end)], start=r.start, end=self.doc.source_end(r.end),
            line=line, col=col,
            value=r.shown, verdict=j.verdict, rule=f"{rule}; {fact.kind}", sentence=sentence.text,
            sentence_start=sentence.start, reason=j.reason, rules=rules, certain=certain))
        self.note(fact, r, j.verdict, rules, j.reason)
        if j.verdict == "agree" and certain and fact.kind == "time":
            # its conversion may stand in a clause of its own, bound elsewhere ("... before derailing
            # at 1:14 a.m. EDT on Saturday, July 6 — 06:14 GMT")
            self._restated_after(fact, r, sentence, "value.restated", True)
            self._converted_in_brackets(fact, r, sentence)

    def _restates_exact(self, fact: Fact, r: Reading) -> bool:
        """Is `r` a conversion restating a figure that agreed with the fact's own significant digits,
        three or more ("44.72km/h – roughly 31mph", "688 metres, or about 1,500 feet"), however loosely
        its clause was bound (rule value.distinctive, a reference back to the story)? So precise a
        figure is the fact's; its conversion right after it is the same figure, and a wrong one is
        the article's error about it (rule value.restated_exact)."""
        if fact.kind not in _FIGURE_KINDS:
            return False
        m = self._restated_mention(fact, r)
        if m is None:
            return False
        key = _digits_key(getattr(fact.value, "value", fact.value))
        return len(key) >= 3 and _digits_key(m.text) == key

    def _nearer_in_own_year(self, fact: Fact, r: Reading, other: Any) -> bool:
        """Is `r` a date without a year that, read in the fact's year, falls nearer the page's own
        date than the distractor `other` of another year does? A reader takes a yearless date in
        the year nearest the page ("on Sunday, 24.9." in a report of 26.09.2022 is 2022's, though
        24.9.2023 is a Sunday): the distractor does not take it (rule fact.distractor)."""
        v = r.value
        if (fact.kind != "date" or not isinstance(v, DateValue) or v.year is not None or v.month is None
                or v.day is None or not isinstance(fact.value, dt.date) or not isinstance(other, dt.date)
                or other.year == fact.value.year):
            return False
        pub = published(self.ctx)
        if pub is None or not (pub.year and pub.month and pub.day):
            return False
        try:
            mine = dt.date(fact.value.year, v.month, v.day)
        except ValueError:
            return False
        page = dt.date(pub.year, pub.month, pub.day)
        return abs((mine - page).days) < abs((other - page).days)

    def written_later(self) -> bool:
        """Is the page dated (dateline, byline, day line) more than `written_later_days` after the
        last event of the base? Then "which now ..." tells of the writing's present, not the story's."""
        if self._later is None:
            pub = published(self.ctx)
            dates = [e.date for e in self.fb.events.values() if e.date is not None]
            self._later = bool(pub is not None and pub.year and pub.month and pub.day and dates and (
                dt.date(pub.year, pub.month, pub.day) - max(dates)).days > tune("written_later_days"))
        return self._later

    def _sibling_unit(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is `r` a figure in the unit of another quantity fact that gives this fact's measure in that
        unit, and that may judge it: an event's fact, or a cued fact with a cue in the sentence (a
        cued fact whose cues are absent never reads it, so this fact judges it)? (rule
        quantity.sibling_unit)"""
        if fact.kind != "quantity" or not isinstance(fact.value, QuantityValue):
            return False
        others = per_base(self.fb, "quantity_facts", lambda: [
            f for f in self.fb.facts if f.kind == "quantity" and isinstance(f.value, QuantityValue)])
        return on_another_facts_unit(fact.value, r.extra.get("unit"), [
            o.value for o in others if o.value is not fact.value
            and (o.event is not None or any(c.search(sentence.text) for c in o.cues))])

    def _time_facts(self) -> list[Fact]:
        return per_base(self.fb, "time_facts", lambda: [f for f in self.fb.facts if f.kind == "time"])

    def _restates_instant(self, fact: Fact, r: Reading) -> bool:
        """Is `r` a clock time on a named clock ("(14:32 GMT)", "(15h15 hour of Paris)") restating a
        clock time that agreed with the fact to the minute, minutes written and not on the hour or a
        half hour ("9:32 a.m. EDT", "19h15 local hour")? Then the two name one instant, the fact's,
        whatever the clause is about: a wrong conversion is the article's error about that instant,
        sure enough to accuse (rule value.restated_instant)."""
        zone = getattr(r.value, "zone", None)
        if fact.kind != "time" or zone is None or zone.local or zone.reader:
            return False
        m = self._restated_mention(fact, r)
        return m is not None and _MINUTES.search(m.text) is not None

    def _restated_after(self, fact: Fact, r: Reading, sentence: Sentence, rule_id: str, certain: bool = False) -> None:
        """After a value that agreed, its conversion in brackets or after a dash ("at 19h15 hour local
        (15h15 hour of Paris)", "44.72km/h - roughly 31mph", "at 1:14 a.m. EDT on Saturday, July 6 —
        06:14 GMT"), which restates it, whatever clause or event the conversion's own words bind it
        to: a wrong one accuses (`record`, rules value.restated, value.restated_instant); as firmly
        bound as the value it restates when that was `certain`."""
        for o in KINDS[fact.kind].extract(sentence, fact, self.ctx):
            if o.start >= r.end and self._restated_mention(fact, o) is not None:
                # (`record` judges a hedged conversion as exact as its digits: "roughly 31mph")
                j = judge(o, fact, sentence, self.ctx)
                if j.verdict == "contradict" and (self._sibling_clock(fact, o) or self._nearer_clock(fact, o)):
                    continue  # (another fact's clock, or nearer another's: that fact judges it)
                if not (certain and j.verdict == "agree"):  # (a right one's own clause binds it)
                    self.record(fact, o, sentence, j, why(rule_id), (rule_id,), certain)

    def _in_agreeing_row(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the clock time `r`, on a named clock, one of a row of clock times on named clocks
        separated by brackets, semicolons, slashes or bars, on one line, whose others agree with the
        fact: two of them, or one with minutes not on the hour or half hour (rule value.row_instant)?"""
        zone = getattr(r.value, "zone", None)
        if zone is None or zone.local or zone.reader:
            return False
        read = self.doc.reading or self.doc.text
        if not _ROW_SEP.search(read, max(0, r.start - 60), r.end + 60):
            return False  # (no separator within reach: no row, and no readings extracted again)
        agreeing = []
        # (a bare clock of an article whose header names the clock of its bare times, "All times are
        # IST, with UTC in brackets": "02:15 (21:45 UTC, Sunday)", is on a named clock too)
        time_kind = KINDS["time"]
        headed = isinstance(time_kind, TimeKind) and time_kind.header(self.ctx) is not None
        for o in KINDS[fact.kind].extract(sentence, fact, self.ctx):
            oz = getattr(o.value, "zone", None)
            if o.start == r.start or (oz is None and not headed) or (oz is not None and (oz.local or oz.reader)):
                continue
            a, b = (o.end, r.start) if o.end <= r.start else (r.end, o.start)
            gap = read[a:b] if a <= b else ""
            if (not gap or len(gap) > 60 or "\n" in gap or not _ROW_SEP.search(gap)
                    or not _ROW_GAP.fullmatch(gap)):
                continue
            if _clause_excluded(fact, o, sentence) or _excluded_near(fact, o, sentence):
                if _excluded_by_own_zone(fact, o, sentence):
                    continue  # "18:02 WITA | 10:02 UTC" for a BST fact excluding "WITA": that clock's zone only
                return False  # "gathered at the memorial at 01:23 Kyiv time (2223 GMT)": the row's not the fact's
            if judge(o, fact, sentence, self.ctx).verdict == "agree" and not _hedged_clock(o):
                # (a hedged clock, "about 05:28 UTC" for 05:31, agrees only within its hedge: it does not
                # fix the row's instant, so the row's other clocks are not wrong conversions of it)
                agreeing.append(o)
        return len(agreeing) >= 2 or any(_MINUTES.search(o.text) for o in agreeing)

    def _in_agreeing_list(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the clock time `r`, on a named clock, the one clock of a bulleted line in a list of such
        lines, each on another clock ("- Beijing: Sunday, Aug 17, 11:07 a.m. CST / - New York:
        Saturday, Aug 16, 10:07 p.m. ET / - Berlin: ... 5:07 a.m. CEST"), whose others agree with the
        fact: two of them, or one with minutes not on the hour or half hour? One instant, clock by
        clock: a wrong one is a wrong conversion (rule value.row_instant). A timeline's lines, all on
        one clock, are several moments, not one."""
        zone = getattr(r.value, "zone", None)
        if zone is None or zone.local or zone.reader:
            return False
        read = self.doc.reading or self.doc.text
        start = read.rfind("\n", 0, sentence.start) + 1
        if not _BULLET.match(read, start):
            return False
        mine = self._list_line_clock(fact, start, read)
        if mine is None or (mine.start, mine.end) != (r.start, r.end):
            return False
        clocks = [mine]
        for step in (-1, 1):
            at = start
            for _ in range(8):
                if step < 0:
                    if at == 0:
                        break
                    at = read.rfind("\n", 0, at - 1) + 1
                else:
                    nl = read.find("\n", at)
                    if nl < 0:
                        break
                    at = nl + 1
                if not _BULLET.match(read, at):
                    break
                o = self._list_line_clock(fact, at, read)
                if o is None:
                    break
                clocks.append(o)
        labels = [str(getattr(o.value, "zone", None) and o.value.zone.label).lower() for o in clocks]
        if len(clocks) < 3 or len(set(labels)) != len(labels):
            return False  # (a list on one clock, or of two lines: a timeline's moments, not one instant)
        agreeing = [o for o in clocks[1:] if judge(o, fact, self._sentence_at(o.start), self.ctx).verdict == "agree"
                    and not _hedged_clock(o)]
        return len(agreeing) >= 2 or any(_MINUTES.search(o.text) for o in agreeing)

    def _sentence_at(self, pos: int) -> Sentence:
        k = bisect.bisect_right([x.start for x in self.doc.sentences], pos) - 1
        return self.doc.sentences[max(0, k)]

    def _list_line_clock(self, fact: Fact, start: int, read: str) -> Reading | None:
        """The one clock time on a named clock of the line at `start`, if it has exactly one."""
        end = read.find("\n", start)
        end = len(read) if end < 0 else end
        found: list[Reading] = []
        for x in self.doc.sentences:
            if x.end <= start or x.start >= end:
                continue
            for o in KINDS[fact.kind].extract(x, fact, self.ctx):
                oz = getattr(o.value, "zone", None)
                if oz is not None and not oz.local and not oz.reader:
                    found.append(o)
        return found[0] if len(found) == 1 else None

    def _converted_from_own_clock(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the wrong conversion `r` one of a clock time stated right on this fact's own clock, when
        another time fact gives the same instant on another clock? That fact judges the conversion
        (rule time.sibling_clock); this one was stated right."""
        if fact.kind != "time" or not isinstance(fact.value, TimeValue):
            return False
        m = self._restated_mention(fact, r)
        if m is None:
            return False
        mine = fact.value.offset_h
        said = next((o for o in KINDS["time"].extract(sentence, fact, self.ctx) if o.start == m.start), None)
        if said is None or not isinstance(said.value, TimeValue) or mine is None:
            return False
        zone = said.value.zone
        if zone is None or zone.reader:
            return False
        if zone.local:
            # "local time": the event's clock, this fact's when its offset is the event zone's
            ez = fact.value.event_zone
            own = ez is not None and mine * 60 in zone_offsets(Zone(label=ez, iana=ez), fact.value.day,
                                                                fact.value.local)
        else:
            own = replace(said.value, day=fact.value.day).offset_h == mine
        return own and any(g.value.utc == fact.value.utc and g.value.offset_h != mine
                           for g in self._time_facts() if g is not fact and isinstance(g.value, TimeValue))

    def _season_slip(self, fact: Fact, r: Reading, j: Judged) -> Judged:
        """A clock time whose label is out of season on the fact's day ("20.07 MESZ" in January; rule
        time.label_out_of_season): the clock or its label is wrong. It accuses the fact on the clock
        the label meant (its agreement by the literal instant too); it is unclear for the other facts
        of that instant when one of them is on that clock (that one judges it), and for every fact
        where it agreed; a contradiction on no fact's clock stands."""
        slip = label_out_of_season(r.value, fact.value)
        if slip is None:
            return j
        why_slip, real = slip
        rid = "time.label_out_of_season"
        if on_clock_of(fact.value, real):
            return Judged("contradict", (j.reason if j.verdict == "contradict" else f"read '{r.text}'")
                          + "; " + why_slip, (*j.rules, rid))
        instant = fact.value.utc
        judged_there = any(g is not fact and isinstance(g.value, TimeValue) and g.value.utc == instant
                           and on_clock_of(g.value, real) for g in self._time_facts())
        if judged_there:
            return Judged("unclear", f"{j.reason}; {why_slip} (the fact on that clock judges it)", (*j.rules, rid))
        # (an agreement by the literal instant is no agreement: no fact of the instant is on the clock the
        # label meant, so the slip accuses this one, as a contradiction on no fact's clock does)
        reason = f"read '{r.text}'" if j.verdict == "agree" else j.reason
        return Judged("contradict", f"{reason}; {why_slip}", (*j.rules, rid))

    def _sibling_clock(self, fact: Fact, r: Reading) -> bool:
        """Is `r` a clock time on the named clock of another time fact of the same instant, not on this
        fact's? ("05:14 GMT" with facts of 17:14 local and 04:14 UTC: the UTC fact's to judge; rule
        time.sibling_clock)"""
        if fact.kind != "time" or not isinstance(r.value, TimeValue) or not isinstance(fact.value, TimeValue):
            return False
        others = [g.value for g in self._time_facts() if g is not fact]
        return on_another_facts_clock(fact.value, r.value, others)

    def _local_sibling(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is `r` a clock time on no named clock (the event's own) when another time fact of the same
        instant is on the event's clock and this one is not? Not one opened as another clock's ("in
        Germany it was then already 16:05", "where it was five to two": zones.yaml `then_clock_before`,
        `conversion_before`). (rule time.local_sibling)"""
        return (fact.kind == "time" and isinstance(r.value, TimeValue) and isinstance(fact.value, TimeValue)
                and on_local_siblings_clock(fact.value, r.value,
                                            [g.value for g in self._time_facts() if g is not fact])
                and not conversion_re().search(sentence.text, 0, r.start - sentence.start)
                and isinstance(time_kind := KINDS["time"], TimeKind) and time_kind.on_event_clock(r, self.ctx))

    @staticmethod
    def _place_before_clock(fact: Fact, r: Reading) -> bool:
        """Is `r` a bare clock after a place of one clock named in its clause (time.py
        `_place_in_head`) whose offset on the fact's day is not the event's (rule time.place_before)?"""
        iana = r.extra.get("place_before")
        if not iana or fact.kind != "time" or not isinstance(fact.value, TimeValue):
            return False
        home, day = fact.value.event_zone, fact.value.day
        if home is None or day is None:
            return False
        place = zone_offsets(Zone(label=str(iana), iana=str(iana)), day, fact.value.local)
        return bool(place) and place != zone_offsets(Zone(label=home, iana=home), day, fact.value.local)

    def _nearer_clock(self, fact: Fact, r: Reading) -> bool:
        """Is `r` a clock time on a clock no time fact of its instant has, far from this fact's clock
        and nearer another's? (rule time.nearest_clock)"""
        return (fact.kind == "time" and isinstance(r.value, TimeValue) and isinstance(fact.value, TimeValue)
                and on_a_nearer_facts_clock(fact.value, r.value,
                                            [g.value for g in self._time_facts() if g is not fact],
                                            tune("far_zone_hours")))

    def _converted_in_brackets(self, fact: Fact, r: Reading, sentence: Sentence) -> None:
        """The agreeing clock time `r` in brackets right after another clock time on another named
        clock ("at the 17:30 Italian hour (the 10:30 in Washington)"): the bracket gives that time on
        the event's clock, so the two name one instant, and a wrong one before it accuses (rule
        value.converted_after), however its own clause was bound."""
        zone = getattr(r.value, "zone", None)
        read = self.doc.reading or self.doc.text
        if zone is None or zone.reader or not (_OPEN_BRACKET.search(read, max(0, r.start - 7), r.start)
                                               and _CLOSE_BRACKET.match(read, r.end)):
            return
        before = [o for o in KINDS[fact.kind].extract(sentence, fact, self.ctx) if o.end <= r.start]
        if not before:
            return
        o = max(before, key=lambda x: x.end)
        oz = getattr(o.value, "zone", None)
        if (oz is None or oz.reader or oz.local or not _BEFORE_BRACKET.fullmatch(read, o.end, r.start)
                or _BREAK.search(read, o.end, r.start)):
            return
        j = judge(o, fact, sentence, self.ctx)
        if j.verdict != "contradict" or self._sibling_clock(fact, o) or self._nearer_clock(fact, o):
            # (a wrong time on the clock of another fact of this instant is that fact's to judge)
            return
        j = Judged("contradict", j.reason + "; " + why("value.converted_after"), (*j.rules, "value.converted_after"))
        old = next((m for m in self.mentions[fact.id] if m.start == o.start), None)
        if old is None:
            self.record(fact, o, sentence, j, why("value.converted_after"), ("value.converted_after",), True)
            return
        if old.verdict in ("unclear", "contradict"):
            # (bound unsurely by its own clause: the bracket's instant settles what it names; and a
            # contradiction already made is the article's own statement of this instant, kept as it is)
            new = replace(old, verdict="contradict", certain=True, reason=j.reason,
                          rules=(*(x for x in old.rules if table()[x].effect != "unsure"), "value.converted_after"))
            self.mentions[fact.id] = [new if m is old else m for m in self.mentions[fact.id]]
            self.note(fact, o, "contradict", new.rules, new.reason)

    def _restates(self, fact: Fact, r: Reading) -> bool | None:
        """Is the value a conversion in brackets right after a value the fact agreed with ("16.30 local
        time New York (23.30 CET)", "400 metres (1,312 ft)")? None if not; else whether that value's
        binding was certain. No distractor takes a restatement: a wrong conversion is the article's
        error, not another figure."""
        m = self._restated_mention(fact, r)
        return None if m is None else m.certain

    def _restated_mention(self, fact: Fact, r: Reading) -> Mention | None:
        """The agreeing mention the value restates (see `_restates`), if any."""
        read = self.doc.reading or self.doc.text
        if _OPEN_BRACKET.search(read, max(0, r.start - 7), r.start) and _CLOSE_BRACKET.match(read, r.end):
            before = _BEFORE_BRACKET
        elif (fact.kind != "date" and _OPEN_DASH.search(read, max(0, r.start - 30), r.start)
              and _CLOSE_DASH.match(read, r.end)):
            # (not a date: "January 22, 1973 - June 24, 2022" is a span, its end no restatement)
            before = _BEFORE_DASH_CLOCK if fact.kind == "time" else _BEFORE_DASH
        elif (fact.kind == "time" and _OPEN_DASH_CLOCK.search(read, max(0, r.start - 60), r.start)
              and _CLOSE_DASH.match(read, r.end)):
            before = _BEFORE_DASH_CLOCK
        else:
            return None
        ratio_of = getattr(KINDS[fact.kind], "ratio", None)
        q = ratio_of(r, fact.value) if ratio_of is not None else None
        if _YEAR_LIKE.match(read, r.start) or (q is not None and not 1 / _CONVERSION_SLIP <= q <= _CONVERSION_SLIP):
            return None  # "$125 billion (2005 dollars)": a year, or a figure of another size, is no conversion
        for m in self.mentions[fact.id]:
            if (m.verdict == "agree" and m.end <= r.start and before.fullmatch(read, m.end, r.start)
                    and not _BREAK.search(read, m.end, r.start)):
                return m  # (in the same sentence: "4 Oct.\n\n5 Oct – 17 Oct" is a range of its own)
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

    def drop_local_agrees(self) -> None:
        """Take the agreeing clock times of `local_agrees` out of their facts' mentions (rule
        time.local_sibling), once the whole-article passes have used them."""
        rid = "time.local_sibling"
        for fact_id in {f for f, _ in self.local_agrees}:
            kept = []
            for m in self.mentions.get(fact_id, []):
                if (fact_id, m.start) in self.local_agrees and m.verdict == "agree":
                    if self.trace is not None:
                        self.trace.append(TraceStep(fact_id, m.start, m.end, m.line, m.col, m.text, m.value,
                                                    "dropped", (rid,), why(rid)))
                    continue
                kept.append(m)
            self.mentions[fact_id] = kept


def _hedged_clock(r: Reading) -> bool:
    """Is the clock time read hedged ("about 05:28 UTC": an interval of minutes, not one minute)?"""
    v = r.value
    return isinstance(v, TimeValue) and (v.lo != 0 or v.hi != 0)


def _excluded_by_own_zone(fact: Fact, o: Reading, sentence: Sentence) -> bool:
    """Do the fact's `exclude` patterns match in `o`'s clause only inside `o` itself (its zone: "18:02
    WITA" for a fact excluding "WITA")? Then they exclude that clock, not the row it stands in."""
    a, b = o.start - sentence.start, o.end - sentence.start
    blank = sentence.text[:a] + " " * (b - a) + sentence.text[b:]
    return not any(p.search(blank) for p in fact.exclude)
