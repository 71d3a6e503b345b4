"""What the checker reads and weighs a value with: the trace step, a value's readings in a
sentence, the clause and segment it stands in, its neighbours (cues, figures, excludes), and the
tables of kinds and rules that several passes share (factcheck/check.py, factcheck/wholedoc.py)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import regex

from factcheck.bind import Binding
from factcheck.factbase.model import Fact, FactBase
from factcheck.kinds import Context, Reading
from factcheck.kinds._units import convert
from factcheck.kinds.date import DateValue
from factcheck.kinds.name import APPOSITIVE
from factcheck.kinds.time import TimeValue, zone_in
from factcheck.lang import alternation, lang, words_re
from factcheck.model import Interval
from factcheck.numbers import OPEN_BOUND_HEDGES, Number, find_numbers
from factcheck.rules import tune
from factcheck.segment import Segment, Sentence


@dataclass(frozen=True)
class TraceStep:
    """One value considered for one fact: what became of it (`agree`, `contradict`, `unclear`
    or `dropped`) and the rules that decided it. `explain` renders these; nothing is re-run."""

    fact: str
    start: int
    end: int
    line: int
    col: int
    text: str
    value: Any
    outcome: str
    rules: tuple[str, ...]
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"fact": self.fact, "line": self.line, "col": self.col, "start": self.start, "end": self.end,
                "text": self.text, "value": self.value, "outcome": self.outcome, "rules": list(self.rules),
                "reason": self.reason}


def _talk_near(sentence: Sentence, r: Reading) -> bool:
    """A word for a talk right around the value ("announced the call on Wednesday"), not only far
    off in the sentence ("said on Friday that Moscow would judge ... those talks")."""
    from factcheck.bind import _word_res

    nouns = _word_res()[0]
    a = max(0, r.start - sentence.start - int(tune("talk_near_before")))
    b = min(len(sentence.text), r.end - sentence.start + int(tune("talk_near_after")))
    return bool(nouns.search(sentence.text[a:b]))


def _unit_after(fact: Fact, r: Reading, a: int, b: int, sentence: Sentence) -> bool:
    """Is the cue span [a, b) the unit noun just after the figure ("10,000 Russian troops")?"""
    unit = fact.options.get("unit")
    if unit is None or not r.end <= a <= r.end + 25:
        return False
    return bool(unit.fullmatch(sentence.text[a - sentence.start : b - sentence.start]))


def home_offset(fb: FactBase, event_id: str | None) -> float | None:
    """Hours from UTC of the event's zone on its day (None without a zone)."""
    e = fb.events.get(event_id or "")
    if e is None or e.zone is None:
        return None
    import zoneinfo

    day = e.date or dt.date(2000, 1, 1)
    off = dt.datetime(day.year, day.month, day.day, 12, tzinfo=zoneinfo.ZoneInfo(e.zone)).utcoffset()
    return off.total_seconds() / 3600 if off is not None else None


def _exclude_owns(r: Reading, seg: Segment | None, excludes: list[tuple[int, int]],
                  figures: list[tuple[int, int]]) -> bool:
    """Is an `exclude` pattern of the figure's own clause nearer to this figure than to any other
    figure of the clause? ("she won 4.1 million votes in the first round"; but not "up to 175,000
    troops, roughly 70,000 of them already in place", where it is the 70,000's). `excludes`: where the
    fact's exclude patterns match in the sentence; `figures`: the clause's numbers (span_start, end)."""
    if seg is None:
        return False
    limit = tune("cue_near") / 2
    for a, b in excludes:
        if not (seg.start <= a and b <= seg.end) or a - r.end > limit or r.start - b > limit:
            continue  # only a match this near the figure can be its own
        near = [(max(a - e, s - b, 0), s) for s, e in figures if a - e <= 2 * limit and s - b <= 2 * limit]
        dists = sorted(near)
        if (dists and dists[0][0] <= limit and r.start <= dists[0][1] < r.end + 1
                and (len(dists) == 1 or dists[0][0] < dists[1][0])):
            return True
    return False


_DISTINCT_KINDS = frozenset({"quantity", "percentage", "money", "count"})
#: kinds whose mentions carry their own evidence (a name's likeness, a set's members): an agreement
#: elsewhere in the article does not make a conflicting mention unsure (see _agreed_elsewhere)
_OWN_EVIDENCE_KINDS = frozenset({"name", "set"})
#: evidence that names the event itself (its name, its parties): a value so bound stands against an
#: agreement elsewhere (see _agreed_elsewhere)
_NAMING = frozenset({"event.named", "event.parties_noun", "event.parties_verb", "event.sentence_parties_noun",
                     "event.mode_leaders", "event.place_dates", "event.sentence_names_it"})
_ACTOR_LINES = 2  # timeline lines naming the same event (one of them on another day): its name is an actor's
#: an agreement bound only by a reference back to the story's event ("the previous day") is no firm statement
_BACK_REFERENCES = frozenset({"event.in_discourse", "event.in_discourse_loose", "event.in_story"})
_DIGIT_RUN = regex.compile(r"\d(?:[\d,.'’\u00a0\u202f\u2009 ]*\d)?")


def _precise(text: str) -> bool:
    """Does a quoted value hold three digits or more ("1981", "27.85 %", "622 metres")?"""
    return sum(c.isdigit() for c in text) >= 3


def _digits_key(x: Any) -> str:
    """The significant digits of a number or of a figure as written: 18768639.0 and "18 768 639" ->
    "18768639", 27.85 and "27,85" -> "2785", 622.0 -> "622"."""
    if isinstance(x, (int, float)):
        text = f"{x:.6f}"
    elif isinstance(x, str):
        text = x
    else:
        return ""
    return _NON_DIGIT.sub("", text).strip("0")


_NON_DIGIT = regex.compile(r"\D")


def behind_rival(r: Reading, a: int, text: str, offset: int, counts_compare: bool = True) -> bool:
    """Is the text at `a` (absolute) after the value, behind a word that names a rival or an earlier
    value ("She scored 583 points, ahead of Finland's ...", "$1,199, up from $1,099 for last year's
    model")? What follows such a word is not the value's owner, so an `exclude` there does not take
    the value away."""
    if a < r.end or a - r.end > tune("rival_link_window"):
        return False
    between = text[r.end - offset : a - offset]
    # with `counts_compare` off, not "than" before a count: "less than four weeks after the vote" hedges
    # a count and compares no event (an exclude behind "more than 5,300 dead" is still that figure's)
    return any(counts_compare or not (m.group(0).lower() == "than" and _count_after().match(between, m.end()))
               for m in words_re("rival_links").finditer(between))


@cache
def _count_after() -> regex.Pattern[str]:
    """A count right after "than" ("than four", "than 80", "than a few"): digits or en.yaml's number words."""
    counts = alternation([w for w in lang().number_words if w not in ("a", "an")])
    return regex.compile(rf"\s+(?:\d|a\s+(?:few|dozen)\b|(?:{counts})\b)", regex.IGNORECASE)


def behind_rival_only(b: Binding, ev: str, r: Reading, sentence: Sentence, text: str) -> bool:
    """Is all of `ev`'s evidence in the sentence after the value, behind a word that names a rival
    ("Five hours and 24 minutes, second only to the 2012 final", "longer than the 2012 final")? The
    value is compared with that event, not its own."""
    spans = [a for a, _ in b.spans.get(ev, ()) if sentence.start <= a < sentence.end]
    return bool(spans) and all(behind_rival(r, a, text, 0, counts_compare=False) for a in spans)


def anchored_after(b: Binding, ev: str, r: Reading, sentence: Sentence, text: str) -> bool:
    """Is all of `ev`'s evidence in the sentence after the value, a few words behind a word of time
    that anchors the value's own event to it, right after the value ("convicted Weinstein on Tuesday
    25 February after five days of deliberations", "was refloated on 29 March, six days after it ran
    aground")? That event is the moment the value's event is placed against, not the one it dates."""
    spans = [a for a, _ in b.spans.get(ev, ()) if sentence.start <= a < sentence.end]
    if not spans or min(spans) < r.end:
        return False
    m = _ANCHOR_GAP.match(text, r.end, min(spans))
    if m is None:
        return False
    anchor = words_re("anchors").match(text, m.end(), min(spans))
    if anchor is None:
        return False
    between = text[anchor.end() : min(spans)]
    return len(_WORD.findall(between)) <= _ANCHOR_WORDS and not _STOP.search(between)


#: between the value and the anchoring word: a comma, perhaps a count of days ("29 March, six days after")
_ANCHOR_GAP = regex.compile(r"\s*,?\s*(?:(?:\p{L}+|\d+)\s+(?:days?|weeks?|months?|hours?)\s+)?(?=\p{L})",
                            regex.IGNORECASE)
#: words an anchor may have before the other event's evidence ("after five days of deliberations")
_ANCHOR_WORDS = 4


def after_than(b: Binding, ev: str, r: Reading, sentence: Sentence, text: str) -> bool:
    """Is all of `ev`'s evidence in the sentence before the value, with a "than" between them that
    opens a clause of its own before the value ("far more people died in the storm than the island
    had acknowledged for nearly a year"; not the hedge "more than 3,000")? The value measures the
    other side of the comparison."""
    spans = [(a, z) for a, z in b.spans.get(ev, ()) if sentence.start <= a < sentence.end]
    if not spans or max(z for _, z in spans) > r.start:
        return False
    last = max(z for _, z in spans)
    found = list(words_re("comparison_others").finditer(text, last, r.start))
    if not found:
        return False
    between = text[found[-1].end() : r.start]
    return len(_WORD.findall(between)) >= _THAN_CLAUSE_WORDS and not _STOP.search(between)


_WORD = regex.compile(r"\p{L}+")
_STOP = regex.compile(r"[.;:!?]")
#: words a "than" must have before the value to open a clause of its own ("than the island had
#: acknowledged for ..."), not hedge it ("more than 3,000", "less than a second")
_THAN_CLAUSE_WORDS = 2


def evidence_owns_next(b: Binding, ev: str, r: Reading, sentence: Sentence, others: Sequence[Reading],
                       text: str) -> bool:
    """Is all of `ev`'s evidence in the sentence after the value, past a coordinator, and followed
    closely by another value of the kind ("about 4.2 billion euros to the ECB and the arrears of 2.05
    billion to the IMF")? The evidence has its own value; the first is another's."""
    spans = sorted((a, z) for a, z in b.spans.get(ev, ()) if sentence.start <= a < sentence.end)
    if not spans or spans[0][0] < r.end:
        return False
    a0, z0 = spans[0]
    if not _coordinator_re().search(text, r.end, a0):
        return False
    return any((x.start, x.end) != (r.start, r.end) and z0 <= x.start <= z0 + _OWN_VALUE_REACH for x in others)


#: how far after an event's evidence a value may start to be that evidence's own ("the arrears of €2bn")
_OWN_VALUE_REACH = 12


def excluded_in(fact: Fact, r: Reading, text: str, offset: int, sentence: Sentence) -> bool:
    """Does one of the fact's `exclude` patterns occur in `text` (starting at absolute `offset`, in
    `sentence`), other than behind a rival link after the value, or in an aside about a name that
    does not hold the value ("Kipruto, last year's winner, finished second in 2:04:02")?"""
    asides = [(a, b) for a, b in _asides(sentence) if not (a <= r.start < b)]
    return any(not behind_rival(r, offset + m.start(), text, offset)
               and not any(a <= offset + m.start() < b for a, b in asides)
               and not (fact.kind in _FIGURE_KINDS
                        and _beside_another_figure(r, offset + m.start(), offset + m.end(), text, offset))
               and not (fact.kind == "time" and _another_clocks_zone(r, offset + m.start(), text, offset))
               for p in fact.exclude for m in p.finditer(text))


#: a clock time right before a word ("18:02 WITA", "6.02 pm local time"): the word is that clock's zone
_CLOCK_BEFORE_WORD = regex.compile(r"(?<![\d:.])\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?\s*\Z", regex.IGNORECASE)


def _another_clocks_zone(r: Reading, a: int, text: str, offset: int) -> bool:
    """Is the exclude at `a` the zone of another clock time than the value, which names its own zone
    ("18:02 WITA | 10:02 UTC | 10:02 BST": "WITA" is the first clock's zone, not the BST one's)?"""
    if not zone_in(r.text):
        return False
    clock = _CLOCK_BEFORE_WORD.search(text, max(0, a - offset - 24), a - offset)
    return clock is not None and not (r.start <= offset + clock.start() < r.end)


# between an exclude and the figure whose phrase it is in: at most two words, no punctuation
_BESIDE = regex.compile(r"\s*(?:[\p{L}'’-]+\s+){0,2}(?:\p{Sc}|[A-Z]{3}\s?)?")
_YEAR = regex.compile(r"1\d{3}|20\d{2}")


@lru_cache(maxsize=512)
def _figures_of(text: str, offset: int) -> tuple[tuple[int, int, str], ...]:
    """The figures of a text, (span start, end, text)."""
    # figures in digits only: a number word may be part of a name ("the Bucharest Nine"), and so may
    # a small number after a capitalised word ("Ship 24", "Booster 7", "Falcon 9")
    return tuple((n.span_start, n.end, n.text) for n in find_numbers(text, offset)
                 if not n.words
                 and not (_NAME_BEFORE.search(text, 0, n.start - offset) and _NAME_NUMBER.fullmatch(n.text)))


_NAME_BEFORE = regex.compile(r"(?-i:\p{Lu})[\p{L}-]*\s\Z")
_NAME_NUMBER = regex.compile(r"\d{1,3}")


@cache
def _boundary_re() -> regex.Pattern[str]:
    """Between two phrases of a clause: a comma, a semicolon, a joining word or a relative pronoun."""
    words = [*lang().data["phrase_joiners"], *lang().data["relative_pronouns"]]
    return regex.compile(rf"[,;]\s|\s(?:{alternation(words)})\s", regex.IGNORECASE)


@cache
def _restating() -> regex.Pattern[str]:
    """Between a figure (and its unit) and the value that restates it in another unit: ", or ", "("
    ("69.5 million votes, or 52.9 percent", "365 votes (68%)"): the two are one figure, with one owner."""
    hedges = alternation(lang().hedges)
    return regex.compile(rf"(?:\s+[\p{{L}}'’-]+){{0,2}}\s*(?:,\s*or|\()\s*(?:(?:{hedges})\s+)?", regex.IGNORECASE)


def _beside_another_figure(r: Reading, a: int, b: int, text: str, offset: int) -> bool:
    """Is the word at [a, b) (an exclude or a cue match) in another figure's own phrase, nearer it than
    the value and past a phrase boundary from it ("a magnitude 9.1 earthquake ... sent waves that killed about 230,000
    people": "killed" and "people" are the 230,000's, not the 9.1's; but in "scored twice in 97
    seconds" the seconds stay with "twice")?"""
    between = text[r.end - offset : a - offset] if r.end <= a else text[b - offset : r.start - offset]
    if not _boundary_re().search(between):
        return False
    mine = max(a - r.end, r.start - b, 0)
    for s, e, t in _figures_of(text, offset):
        if (s < r.end and r.start < e) or _YEAR.fullmatch(t):
            continue
        if e <= r.start and _restating().fullmatch(text, e - offset, r.start - offset):
            continue  # the value restates that figure ("69.5 million votes, or 52.9 percent"): one owner
        if b <= s:
            gap = text[b - offset : s - offset]
        elif e <= a:
            gap = text[e - offset : a - offset]
        else:
            continue
        # (not when a boundary parts the word from that figure too: "10 millions of dollars of damages
        # and interests compensatory and 5 millions of punitive damages": the word is no nearer one's)
        if _BESIDE.fullmatch(gap) and max(s - b, a - e) < mine and not _boundary_re().search(gap):
            return True
    return False


def _asides(sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence's asides after a word (absolute spans)."""
    return [(sentence.start + a, sentence.start + b) for a, b in _aside_spans(sentence.text)]


def _in_anothers_aside(r: Reading, sentence: Sentence, spans: Sequence[tuple[int, int]]) -> bool:
    """Is the value inside an aside ("X, who came third with 23.8%, ...") that holds none of the fact's
    cue matches and follows a noun phrase that holds none of them either ("the Bucharest Nine, a group
    of seven", "Ekkapol Chanthawong, aged 26," hold theirs)? The aside tells of that phrase."""
    for a, b in _asides(sentence):
        if a <= r.start and r.end <= b:
            head = sentence.text
            if _CONJUNCTION_BEFORE.search(head, 0, a - sentence.start):
                # "Nadal broke at 7-7 and, on his third championship point, at 9.15pm, Federer put a
                # forehand into the net": after a conjunction, an adverbial of the clause, no aside
                # telling of a noun phrase
                return False
            return not any(a <= s < b or (e <= a and _HEAD_GAP.fullmatch(head[e - sentence.start : a - sentence.start]))
                           for s, e in spans)
    return False


_CONJUNCTION_BEFORE = regex.compile(r"(?<![\p{L}])(?:and|but|or|yet|so|then|while)\s*\Z", regex.IGNORECASE)
# between a cue and the aside after its noun phrase: at most three more words ("Bucharest| Nine,")
_HEAD_GAP = regex.compile(r"[\p{L}\p{M}'’.-]*(?:\s+[\p{L}\p{M}'’.-]+){0,3}")


@lru_cache(maxsize=1024)
def _aside_spans(text: str) -> tuple[tuple[int, int], ...]:
    if "," not in text:
        return ()
    return tuple((m.start(), m.end()) for m in APPOSITIVE.finditer(text))




def other_tally_entry(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """A number of a tally ("KMT 52, DPP 51, TPP 8") is the entry of the label right before it: is
    none of the fact's cues in that label?"""
    label = r.extra.get("tally_label")
    if not label:
        return False
    a, b = label[0] - sentence.start, label[1] - sentence.start
    return not any(m.start() < b and a < m.end() for p in fact.cues for m in p.finditer(sentence.text[:b]))


def _clause_excluded(fact: Fact, r: Reading, sentence: Sentence) -> bool:
    """Does one of the fact's `exclude` patterns occur in the clause of the value?"""
    if not fact.exclude:
        return False
    seg = _seg_at(sentence, r.start)
    return (excluded_in(fact, r, seg.text, seg.start, sentence) if seg
            else excluded_in(fact, r, sentence.text, sentence.start, sentence))


_FAR = 2000  # characters: cues and excludes further from a value than this decide nothing about it
_FIGURE_KINDS = frozenset({"quantity", "count", "percentage", "money"})
#: values any event may have (a figure, a rank, a length) whether or not the base wrote such a fact for it
_ANY_EVENT_KINDS = _FIGURE_KINDS | {"ordinal", "duration"}
#: kinds whose values carry their own noun ("the 32nd miner", "1,100 injured"): the noun ties them to
#: a fact more than a common cue word does
_NOUN_KINDS = frozenset({"quantity", "count", "ordinal"})


def _inside_word(text: str, a: int, b: int) -> bool:
    """Does text[a:b] begin or end inside a longer word (a letter, or a hyphen and a letter, beside it)?"""
    before = text[max(0, a - 2) : a]
    after = text[b : b + 2]
    return bool(regex.search(r"(?:\p{L}|\p{L}-)$", before) or regex.match(r"\p{L}|-\p{L}", after))


def _readings(kind: Any, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
    """The kind's readings of a sentence, and the fact's own words for a number ("a hat-trick")."""
    # a name merely listed in the sentence (no pattern of the fact says it is who did it) counts
    # only for a fact bound by its cues: the cue says which role the sentence speaks of
    out = [r for r in kind.extract(sentence, fact, ctx) if fact.cues or not r.extra.get("listed")]
    for pattern, number in fact.value_words:
        for m in pattern.finditer(sentence.text):
            if _inside_word(sentence.text, m.start(), m.end()):
                continue  # "quarter-point" inside "three-quarter-point"
            a, b = sentence.start + m.start(), sentence.start + m.end()
            value: Any = int(number) if fact.kind == "ordinal" else Number(
                start=a, end=b, value=number, unit=1.0, text=m.group(0), words=True)
            out.append(Reading(start=a, end=b, text=m.group(0), value=value, shown=number,
                               detail=f"{m.group(0)!r} stands for {number:g} (value_words)"))
    return out


@cache
def _list_gap_re() -> regex.Pattern[str]:
    """What may stand between two values read as one phrase: "<city>, <region>", "A, B and C"."""
    joiners = alternation(lang().data["list_joiners"])
    return regex.compile(rf"[\s,;/]*(?:(?<![\p{{L}}])(?:{joiners})(?![\p{{L}}]))?[\s,]*", regex.IGNORECASE)


@cache
def _coordinator_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['coordinators'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lang().data["common_words"])


def _common_word(text: str) -> bool:
    return " ".join(text.lower().split()) in _common_words()


def _figure_between(r: Reading, spans: list[tuple[int, int]], readings: Sequence[Reading]) -> bool:
    """Is the value's nearest cue nearer still to another figure of the same reading (between them,
    or on the cue's other side: "A scored 4 goals and <cue> 7")? Then the cue is that figure's."""
    if not spans or len(readings) < 2:
        return False

    def dist(x: Reading, sp: tuple[int, int]) -> int:
        return max(sp[0] - x.end, x.start - sp[1], 0)

    cue = min(spans, key=lambda sp: dist(r, sp))
    mine = dist(r, cue)
    # the other end of a range ("grown from 16 members to 29") shares the cue: it is one phrase
    return any(dist(o, cue) < mine for o in readings
               if (o.start, o.end) != (r.start, r.end) and not o.extra.get("range"))

def _seg_index(sentence: Sentence, pos: int) -> int | None:
    """The index of the clause of `sentence` holding `pos` (bisect: a sentence of thousands of
    clauses stays linear)."""
    segs = sentence.segments
    i = bisect.bisect_right(segs, pos, key=lambda g: g.start) - 1
    return i if 0 <= i < len(segs) and segs[i].start <= pos < segs[i].end else None


def _seg_at(sentence: Sentence, pos: int) -> Segment | None:
    i = _seg_index(sentence, pos)
    return None if i is None else sentence.segments[i]


def _spans_near(spans: list[tuple[int, int]], r: Reading, window: int) -> list[tuple[int, int]]:
    """The spans (sorted by start) that begin within `window` characters of the reading (a cue is
    short: one beginning further away ends further away too)."""
    lo = bisect.bisect_left(spans, r.start - window - 200, key=lambda x: x[0])
    hi = bisect.bisect_right(spans, r.end + window, key=lambda x: x[0])
    return [(a, b) for a, b in spans[lo:hi] if a - r.end <= window and r.start - b <= window]


def _flanked(b: Binding, ev: str, r: Reading, seg: Segment | None, text: str) -> bool:
    """Is the value between the evidence of `ev` on one side and of another candidate on the other,
    all in the value's clause, with a word that starts another figure ("and the ...") between the
    value and `ev`'s evidence?"""
    lo, hi = (seg.start, seg.end) if seg is not None else (r.start - 200, r.end + 200)

    def sides(e: str) -> tuple[bool, bool]:
        spans = [(a, z) for a, z in b.spans.get(e, ()) if lo <= a < hi]
        return any(z <= r.start for _, z in spans), any(a >= r.end for a, _ in spans)

    before, after = sides(ev)
    if before == after:
        return False  # on both sides, or in no side of the clause
    mine = [(a, z) for a, z in b.spans.get(ev, ()) if lo <= a < hi]
    gap = (text[max(z for _, z in mine if z <= r.start) : r.start] if before
           else text[r.end : min(a for a, _ in mine if a >= r.end)])
    if not _coordinator_re().search(gap):
        return False  # "the mainshock measured 7.6, far larger than any aftershock": the value is its own
    for other in b.candidates:
        if other == ev:
            continue
        o_before, o_after = sides(other)
        if (before and o_after and not o_before) or (after and o_before and not o_after):
            return True
    return False


def _holds_point(r: Reading, value: Any) -> bool | None:
    """Does a figure read stand for the exact figure of `value` (a distractor's, read at the
    precision it is written with)? None for values that are no single figure."""
    point = getattr(value, "value", value)
    if isinstance(value, Interval):
        point = (value.lo + value.hi) / 2
    if isinstance(point, bool) or not isinstance(point, (int, float)):
        return None
    v = r.value
    if isinstance(v, Interval):
        if v.hi == float("inf") and v.lo > 0:
            # "more than five hours" stands for its own figure, not every length beyond it: no
            # distractor's 265 days (nor "less than three hours" every length below it)
            return v.lo <= point <= v.lo * 1.1
        if v.lo <= 0 < v.hi < float("inf"):
            return v.hi * 0.9 <= point <= v.hi
        return v.lo <= point <= v.hi
    if isinstance(v, Number):
        k, off = float(r.extra.get("factor", 1.0)), float(r.extra.get("offset", 0.0))
        read_unit, measure = r.extra.get("unit"), getattr(value, "measure", "")
        if getattr(value, "physical", False) and measure and isinstance(read_unit, str):
            # a distractor in another unit than the fact's ("4 lb" beside a fact in kilograms)
            k, off = convert(read_unit, measure) or (k, off)
        # a bound ("up to 190 mph", "over 14 million") stands for its own figure, not for every figure
        # on its open side: "up to 190 mph" is no distractor's 185 mph
        nums = [replace(n, hedge="") if n.hedge in OPEN_BOUND_HEDGES else n for n in v.readings()]
        return any(n.interval(k).shifted(off).lo <= point <= n.interval(k).shifted(off).hi for n in nums)
    return None



_DIGIT = regex.compile(r"\d")


def _distinct_instant(r: Reading) -> bool:
    """Is a date or time reading precise enough to stand for an event by itself: a date with its day
    and month written out (a number or a month's name: not "the following day", counted from
    another), a clock time with its zone named or with minutes ("22:11", not "10 a.m."), unhedged?"""
    v = r.value
    if r.extra.get("loose"):
        return False
    if isinstance(v, DateValue):
        low = r.text.lower()
        return (v.day is not None and v.month is not None and v.either is None
                and (any(c.isdigit() for c in low) or any(m in low for m in lang().months)))
    if isinstance(v, TimeValue):
        return not (v.lo or v.hi or r.extra.get("half_day")) and (
            (v.zone is not None and not v.zone.local) or v.local % 60 != 0)
    return False


def _instants_of_events(fb: FactBase) -> list[Fact]:
    """The date and time facts of events on whose day (at whose instant) no other event of the base
    falls."""
    facts = [f for f in fb.facts if f.kind in ("date", "time") and f.event]
    when: defaultdict[Any, set[str]] = defaultdict(set)

    def key(f: Fact) -> Any:
        v = f.value
        return ("time", v.utc if v.utc is not None else v.local) if isinstance(v, TimeValue) else ("date", v)

    for f in facts:
        when[key(f)].add(f.event or "")
    return [f for f in facts if len(when[key(f)]) == 1]


def _lists(fb: FactBase) -> tuple[defaultdict[str, list[Fact]], list[Fact], list[Fact], list[Fact]]:
    """Facts by event, the events' facts, the facts bound by cues, the facts that find themselves."""
    by_event: defaultdict[str, list[Fact]] = defaultdict(list)
    for f in fb.facts:
        if f.event:
            by_event[f.event].append(f)
    return (by_event, [f for f in fb.facts if f.event], [f for f in fb.facts if not f.event and f.cues],
            [f for f in fb.facts if not f.event and not f.cues])


# a short label at the head of a sentence, its colon right before the value ("Attendance announced: 89,966")
LABEL_BEFORE = regex.compile(r"\A[\W\d]{0,12}(?P<label>\p{L}[\p{L}'’, -]{0,40}):\s*(?:\p{L}+\s+)?\Z")


_UNIT_OFFSET = regex.compile(r"(?P<u>days?|weeks?)\s+(?P<d>after|before)\b", regex.IGNORECASE)


def counted_offset(sentence: Sentence, seg: Segment) -> tuple[int, regex.Match[str]] | None:
    """"five days after the wreck", "two weeks before the vote", the number standing before the
    anchor clause ("... go home five | days after the wreck"): (days, the phrase's match in the
    sentence's text), or None."""
    if not _UNIT_OFFSET.match(seg.text):
        return None
    at = seg.start - sentence.start
    m = next((x for x in _COUNT_BEFORE.finditer(sentence.text, 0, at + len(seg.text)) if x.start("u") == at), None)
    if m is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else lang().number_words.get(word)
    if n is None or not 0 < int(n) <= 60:
        return None
    days = int(n) * (7 if m.group("u").lower().startswith("week") else 1)
    return (days if m.group("d").lower() == "after" else -days), m


_COUNT_BEFORE = regex.compile(r"(?<![\p{L}\d])(?P<n>\d{1,2}|\p{L}+)\s+(?P<u>days?|weeks?)\s+(?P<d>after|before)\b",
                              regex.IGNORECASE)


def cue_behind_rival(r: Reading, a: int, sentence: Sentence) -> bool:
    """Does the cue at `a` stand after the value behind a rival link that follows the value closely,
    with no other figure between ("eight goals, one more than Messi"; not "360 ships and more than
    40 tugs were waiting", where the link is another figure's)?"""
    if a < r.end or not behind_rival(r, a, sentence.text, sentence.start):
        return False
    gap = sentence.text[r.end - sentence.start : a - sentence.start]
    link = words_re("rival_links").search(gap)
    return link is not None and link.start() <= _RIVAL_LINK_REACH and not regex.search(r"\d", gap[link.end():])


# how far after a value a rival link may start for a cue behind it to be the one compared with
_RIVAL_LINK_REACH = 25
