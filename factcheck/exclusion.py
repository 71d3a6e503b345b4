"""Exclusion: when a fact's `exclude` patterns take a value away from it (rule cue.excluded), and
what may stand between them: a phrase boundary ("Paul was shot twice with a shotgun, Maggie with a
rifle"), another figure's phrase ("5,000 people in London, out of about 25,000"), the fact's own cue.
A mixin of the checker (factcheck/check.py `_Checker`), as the whole-article passes are
(factcheck/wholedoc.py)."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.evidence import (
    _FAR,
    _FIGURE_KINDS,
    LABEL_BEFORE,
    _exclude_owns,
    _readings,
    _seg_at,
    _spans_near,
    _unit_after,
    behind_rival,
    excluded_in,
    other_tally_entry,
)
from factcheck.factbase.model import Fact
from factcheck.kinds import KINDS, Context, Reading
from factcheck.lang import alternation, calendar_words, lang
from factcheck.numbers import WRITTEN_YEAR, find_numbers
from factcheck.rules import tune
from factcheck.segment import Document, Segment, Sentence, name_only

_RELATIVE_WHO = regex.compile(r"who\b")
_LABEL_COLON = regex.compile(r"\s*:\s*")
#: kinds whose value belongs to the cue of its own phrase, before an exclude past a phrase boundary
#: after it ("Modi, 73, took the oath from Vice President Dhankhar": the 73 is Modi's)
_OWN_PHRASE_KINDS = _FIGURE_KINDS | {"age", "ordinal", "duration"}
# a timeline line's stamp: a short head with a figure, before a dash ("• 31 Oct 2011 — ", "May 2010 - ",
# "December 1972 (Apollo 17) — "), and its most words
_STAMP_HEAD = regex.compile(r"[\s•·*-]*(?P<head>[^—–|\n]{0,40}?\d[^—–|\n]{0,40}?)\s+(?:[—–|]|-\s)\s*")
_STAMP_WORDS = 6
# a timeline line's stamp may give the moment on several clocks ("Tue 30 April 2019, 21:00 CEST (20:00
# BST) - First leg, ...") when it dates the whole entry (`_entry_excluded`)
_ENTRY_STAMP_WORDS = 10
# the label opening a timeline entry after its dash, up to its colon ("First leg, Camp Nou, Barcelona:")
_ENTRY_LABEL = regex.compile(r"(?P<label>[^.:;\n]{1,60}?):\s")
_ENTRY_LABEL_WORDS = 6
# a stamp that dates the line: a day and a month, or a numeric date
_ENTRY_DATE = regex.compile(r"\b\d{1,2}\s+\p{L}{3,9}\b|\b\p{L}{3,9}\.?\s+\d{1,2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_LABEL_WORDS = 4  # a fact box's label: "Cameras", "- Votes counted", "Turnout (official)"
# a fact box's line: a short label and its colon ("Glasgow: Yes 53.49%", "- Rescue bore: 622 m deep")
_LINE_LABEL = regex.compile(r"[\s•·*-]*(?P<label>\p{L}[\p{L}\d'’ ()-]{0,40}?):\s")


@cache
def _phrase_boundary() -> regex.Pattern[str]:
    """Where one phrase of a clause ends and the next, about another owner, begins ("Paul twice with a
    shotgun, Maggie with a rifle"), not an apposition ("50.9 percent, a share Bolsonaro had won")."""
    lg = lang()
    return regex.compile(rf",\s+(?!(?:{alternation(lg.data['apposition_openers'])})\b)"
                         rf"|\s+(?:{alternation(lg.data['phrase_joiners'])})\s+", regex.IGNORECASE)


# a timeline line's stamp before a colon ("- 11 March 1985: Mikhail Gorbachev, 54, chosen General
# Secretary", "Sun 8 Dec: At Viskuli, ..."): a short head with a figure, read as a stamp only when it
# opens on the date and holds a year or a month (a clock's colon has no space after it)
_COLON_STAMP_HEAD = regex.compile(r"[\s•·*-]*(?P<head>[^—–|:\n]{0,40}?\d[^—–|:\n]{0,40}?)\s*:\s+")


@cache
def _months() -> frozenset[str]:
    return frozenset(w.lower() for w in lang().months)


def _dated_colon_stamp(text: str) -> regex.Match[str] | None:
    if ": " not in text[:90]:
        return None
    m = _COLON_STAMP_HEAD.match(text)
    if m is None:
        return None
    head = m.group("head")
    first = head.split()[0].rstrip(".,").lower() if head.split() else ""
    if not (first[:1].isdigit() or first in calendar_words()):
        return None  # "Mission cost, 2001-2016: about $720 million": a fact box's label, no stamp
    if WRITTEN_YEAR.search(head) or any(w.lower().rstrip(".") in _months() for w in regex.findall(r"\p{L}+\.?", head)):
        return m
    return None



class ExclusionPasses:
    """The exclusion checks, as methods of the checker, which holds these (set in its __init__)."""

    doc: Document
    ctx: Context
    exclude_cache: dict[tuple[str, int], list[tuple[int, int]]]
    seg_figures: dict[tuple[int, int], list[tuple[int, int]]]

    def _figures(self, seg: Segment | None) -> list[tuple[int, int]]:
        """The numbers of a clause, (span start, end), once per clause."""
        if seg is None:
            return []
        key = (seg.start, seg.end)
        if key not in self.seg_figures:
            self.seg_figures[key] = [(n.span_start, n.end) for n in find_numbers(seg.text, seg.start)]
        return self.seg_figures[key]

    def _exclude_spans(self, fact: Fact, sentence: Sentence) -> list[tuple[int, int]]:
        """Where the fact's `exclude` patterns match in the sentence (once per sentence and fact)."""
        key = (fact.id, sentence.start)
        if key not in self.exclude_cache:
            self.exclude_cache[key] = [(sentence.start + m.start(), sentence.start + m.end())
                                       for p in fact.exclude for m in p.finditer(sentence.text)]
        return self.exclude_cache[key]

    def _excludes_are_others(self, fact: Fact, r: Reading, seg: Segment, sentence: Sentence) -> bool:
        """Is every `exclude` match of the figure's clause nearer another figure of the clause than
        this one? ("Alcaraz takes home £2.35m, Djokovic £1.75m as runner-up": the runner-up is the
        £1.75m's; "their coach, aged 26" has no other figure for the coach to be.)"""
        # the clause's other values of the fact's own kind ("four children and their coach, aged
        # 26": the four is no age, the coach is the 26's)
        figures = [(x.start, x.end) for x in _readings(KINDS[fact.kind], sentence, fact, self.ctx)
                   if seg.start <= x.start < seg.end and not (x.start < r.end and r.start < x.end)]
        if not figures:
            return False
        apart = self._phrase_apart
        for a, b in self._exclude_spans(fact, sentence):
            if not (seg.start <= a < seg.end):
                continue
            # a figure inside the exclude's own match is part of the excluded name ("A Falcon 9 has
            # nine engines", "the Boeing 737 carried 149 passengers"), not another figure it is about
            others = [(s, e) for s, e in figures if not (a <= s and e <= b)]
            if not others:
                return False
            # "5,000 people in London, out of about 25,000 worldwide": London is in the 5,000's
            # phrase, a comma away from the 25,000
            if (apart(b, r.start) if b <= r.start else apart(r.end, a)) and any(
                    not (apart(b, s) if b <= s else apart(e, a)) for s, e in others):
                continue
            mine = max(a - r.end, r.start - b, 0)
            if min(max(a - e, s - b, 0) for s, e in others) >= mine:
                return False
        return True

    def _excludes_after_own(self, fact: Fact, r: Reading, seg: Segment, sentence: Sentence,
                            spans: list[tuple[int, int]]) -> bool:
        """Does every `exclude` match of the figure's clause come after it, beyond a phrase boundary
        (a comma, "and", "plus", "while"), with one of the fact's own cues on the figure's side of it?
        ("Paul was shot twice with a shotgun, Maggie several times with a rifle": the rifle is
        Maggie's; "583 points, Käärijä second for Finland on 526": Finland's is the 526.) An exclude
        before the figure, or in its own phrase ("10 provinces for 3 months of emergency", "two
        firefighters were injured"), still takes it away."""
        excludes = sorted(a for a, _ in self._exclude_spans(fact, sentence) if seg.start <= a < seg.end)
        if not excludes or excludes[0] < r.end:
            return False
        gap = _phrase_boundary().search(self.doc.reading or self.doc.text, r.end, excludes[0])
        if gap is None:
            return False
        return any(seg.start <= a and b <= gap.start() and not (a < r.end and r.start < b)
                   and not _unit_after(fact, r, a, b, sentence) for a, b in spans)

    def _exclude_leads_phrase(self, r: Reading, seg: Segment | None, excludes: list[tuple[int, int]]) -> bool:
        """Does an `exclude` match open the figure's own phrase, before it with no phrase boundary
        between ("Kittinger himself had in 1960 jumped from 31,333 metres": the figure is
        Kittinger's however near the fact's own cue "jumped" stands)?"""
        if seg is None:
            return False
        return any(seg.start <= a and b <= r.start and not self._phrase_apart(b, r.start) for a, b in excludes)

    def _cue_in_label(self, seg: Segment, sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
        """Is one of the fact's cues in a short label right before the value's clause, across a colon
        ("Cameras: 23 (Curiosity: 17)", "Turnout: 79.4% (first round: 79.1%)")? The label is the
        value's own: an exclude elsewhere on the line is another entry's."""
        segs = sentence.segments
        k = next((i for i, g in enumerate(segs) if g is seg), None)
        if not k:
            return False
        label = segs[k - 1]
        read = self.doc.reading or self.doc.text
        return (_LABEL_COLON.fullmatch(read, label.end, seg.start) is not None
                and len(label.text.split()) <= _LABEL_WORDS
                and any(label.start <= a < label.end for a, _ in spans))

    def _subject_excluded(self, fact: Fact, r: Reading, seg: Segment | None, sentence: Sentence) -> bool:
        """Is the value in the predicate after a relative clause whose subject, a name alone opening
        the sentence, is one of the fact's `exclude` matches? ("Draymond Green, who missed Game 5
        through suspension, had 23 points and nine assists": the assists are Green's; in "Bolsonaro,
        who received 58.2 million votes, did not ..." the value is in the relative clause itself.)"""
        segs = sentence.segments
        if seg is None or len(segs) < 2 or seg is not segs[1] or not _RELATIVE_WHO.match(seg.text):
            return False
        aside_end = seg.text.find(", ")
        if aside_end < 0 or r.start < seg.start + aside_end:
            return False
        head = segs[0]
        return name_only(head.text) and any(head.start <= a < head.end for a, _ in self._exclude_spans(fact, sentence))

    def _stamp_excluded(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the value on a timeline line whose stamp (a short dated head before a dash opening the
        line: "• 31 Oct 2011 — Prime Minister George Papandreou calls a referendum", "• December 1972
        (Apollo 17) — the mission lasts 12.5 days") holds one of the fact's `exclude` matches? The
        stamp dates all the line, whatever clause the value is in."""
        m = _STAMP_HEAD.match(sentence.text) or _dated_colon_stamp(sentence.text)
        if m is None or r.start < sentence.start + m.end() or len(m.group("head").split()) > _STAMP_WORDS:
            return False
        end = sentence.start + m.end("head")
        return any(a < end for a, _ in self._exclude_spans(fact, sentence))

    def _entry_heading(self, sentence: Sentence) -> str:
        """The date line heading the chronology entry the sentence is in ("4 DECEMBER 2015" / "Supreme
        Court of Appeal, 5-0: ... Judgment read by Justice Eric Leach."); "" when none (the checker
        knows the chronology's stamps)."""
        return ""

    def _heading_excluded(self, fact: Fact, sentence: Sentence) -> bool:
        """Does the date line heading the value's chronology entry hold one of the fact's `exclude`
        matches? The heading dates all its entry, as a line's own stamp does (`_stamp_excluded`)."""
        heading = self._entry_heading(sentence)
        return bool(heading) and any(p.search(heading) for p in fact.exclude)

    def _entry_excluded(self, fact: Fact, r: Reading) -> bool:
        """Is the value on a timeline line whose dated stamp and the short label opening its entry after
        the dash, up to a colon, hold one of the fact's `exclude` matches, the value standing after the
        label, in any clause or sentence of that line ("Tue 30 April 2019, 21:00 CEST - First leg, Camp
        Nou, Barcelona: Barcelona 3-0 Liverpool. ... Referee Bjorn Kuipers (NED).")? A timeline's entry
        is about its one moment."""
        text = self.doc.reading or self.doc.text
        ls = text.rfind("\n", 0, r.start) + 1
        le = text.find("\n", r.start)
        le = len(text) if le < 0 else le
        m = _STAMP_HEAD.match(text, ls, le)
        if (m is None or len(m.group("head").split()) > _ENTRY_STAMP_WORDS or r.start < m.end()
                or not _ENTRY_DATE.search(m.group("head"))):
            return False
        label = _ENTRY_LABEL.match(text, m.end(), min(le, m.end() + 62))
        if label is None or len(label.group("label").split()) > _ENTRY_LABEL_WORDS or label.end() > r.start:
            return False  # (the stamp alone: `_stamp_excluded`)
        return any(p.search(text[ls : label.end()]) for p in fact.exclude)

    def _label_excluded(self, fact: Fact, r: Reading, sentence: Sentence) -> bool:
        """Is the value on a fact box's line whose short label holds one of the fact's `exclude`
        matches ("Glasgow: Yes 53.49%, turnout 75.0%", "Rescue bore: 622 m deep")? The label says
        whose all the line's figures are."""
        m = _LINE_LABEL.match(sentence.text)
        if m is None or r.start < sentence.start + m.end() or len(m.group("label").split()) > _LABEL_WORDS:
            return False
        text = self.doc.reading or self.doc.text
        if sentence.start > 0 and text[sentence.start - 1] != "\n":
            return False  # the label opens a line
        end = sentence.start + m.end("label")
        return any(a < end for a, _ in self._exclude_spans(fact, sentence))

    def _phrase_apart(self, x: int, y: int) -> bool:
        """Is there a phrase boundary between the two positions (see `_phrase_boundary`)?"""
        return _phrase_boundary().search(self.doc.reading or self.doc.text, min(x, y), max(x, y)) is not None

    def _excluded(self, fact: Fact, r: Reading, sentence: Sentence, spans: list[tuple[int, int]]) -> str | None:
        """Is the value taken away from the fact? By an `exclude` pattern in its clause (for figures:
        nearer to it than the fact's own cue), or, for a number standing alone, by no cue of the
        fact shortly before it."""
        if other_tally_entry(fact, r, sentence):
            return "value.tally_label"
        seg = _seg_at(sentence, r.start)

        def dist(a: int, b: int) -> int:
            outside = 0 if seg is None or seg.start <= a < seg.end else 100  # another clause counts less
            return max(a - r.end, r.start - b, 0) + outside

        if fact.kind == "quantity" and fact.exclude:
            excludes = [(a, b) for a, b in self._exclude_spans(fact, sentence)
                        if not behind_rival(r, a, sentence.text, sentence.start)]
            # figures: an exclude pattern counts when it is nearer the figure than the fact's own
            # distinctive cue ("returning to their bases ..., a fraction of the 94,300 that
            # Ukraine's defence minister said")
            # (within a window: in a sentence of thousands of characters the far cues decide nothing)
            close = _spans_near(spans, r, _FAR)
            own = min((dist(a, b) for a, b in close if not _unit_after(fact, r, a, b, sentence)), default=10**6)
            near_exclude = min((dist(a, b) for a, b in excludes
                                if a - r.end <= _FAR and r.start - b <= _FAR), default=10**6)
            if (near_exclude < own or _exclude_owns(r, seg, excludes, self._figures(seg))
                    or self._exclude_leads_phrase(r, seg, excludes)):
                # ... or in the figure's own clause ("she won 4.1 million votes in the first round")
                return "cue.excluded"
        elif fact.exclude and (excluded_in(fact, r, seg.text, seg.start, sentence) if seg
                               else excluded_in(fact, r, sentence.text, sentence.start, sentence)):
            if not (seg is not None
                    and (fact.kind in _FIGURE_KINDS and self._excludes_are_others(fact, r, seg, sentence)
                         or fact.kind in _OWN_PHRASE_KINDS
                         and self._excludes_after_own(fact, r, seg, sentence, spans))):
                return "cue.excluded"
        if fact.kind != "quantity" and fact.exclude and (self._stamp_excluded(fact, r, sentence)
                                                         or self._heading_excluded(fact, sentence)):
            return "cue.excluded"
        if fact.exclude and self._label_excluded(fact, r, sentence):
            return "cue.excluded"
        if fact.exclude and self._entry_excluded(fact, r):
            return "cue.excluded"
        cue_in_seg = seg is not None and (any(seg.start <= a < seg.end for a, _ in spans)
                                          or self._cue_in_label(seg, sentence, spans))
        if (fact.kind != "quantity" and not cue_in_seg and fact.exclude
                and excluded_in(fact, r, sentence.text, sentence.start, sentence)):
            return "cue.excluded"
        if fact.kind != "quantity" and fact.exclude and self._subject_excluded(fact, r, seg, sentence):
            return "cue.excluded"
        if r.extra.get("bare"):
            # a figure with no unit needs the fact's cue shortly before or just after it
            # ... in the figure's own clause ("Kyiv's current count, 94,300, is lower, but American
            # intelligence warns ..." gives 94,300 to no intelligence figure)
            before, after = tune("bare_cue_before"), tune("bare_cue_after")
            near = any(((b <= r.start and r.start - b <= before) or (r.end <= a and a - r.end <= after))
                       and (seg is None or seg.start <= a < seg.end) for a, b in spans)
            label = LABEL_BEFORE.search(sentence.text, 0, r.start - sentence.start)
            if not near and label is not None:
                # "Attendance announced: 89,966.": the cue in a short label, the value right after its colon
                near = any(sentence.start + label.start("label") <= a < sentence.start + label.end("label")
                           for a, _ in spans)
            return None if near else "cue.bare_needs_cue"
        return None
