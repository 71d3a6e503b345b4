"""Which event is a clause about?

Each clause segment of a sentence (factcheck/segment.py) is matched against the events of the
fact base. The evidence, strongest first:

- level 3, the event's own name ("video summit", "NATO-Russia Council");
- level 2, all its parties and a word for a talk ("Biden's call with Zelenskyy"), or a word
  for a talk that refers back to the event the article is telling about ("Tuesday's meeting");
- level 1, its parties without such a word, one party and a word for a talk, or a reference back
  inside an "after/before ..." clause. Level 1 only ever agrees: a mismatch there is unclear.

Events with the same parties are told apart by `mode` (video, phone, in person) and by the time
the article is about (its explicit dates and the events it names): "on Wednesday" in a story
about the 30 December call cannot be about the 6 December call. A clause that is about none of
them binds nothing; a clause about several keeps all candidates and lets the checker decide
per value (the nearest event, or the one the value agrees with).
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

import ahocorasick
import regex

from factcheck.entries import Entries, TimelineStamp, entries, line_stamp, stamp_above, timeline_stamps
from factcheck.factbase.model import MATCH_TIMEOUT, Event, FactBase, Party, Pattern
from factcheck.kinds.date import DateValue, read_dates
from factcheck.lang import alternation, lang, levenshtein, words_re
from factcheck.prefilter import (
    LEADER_WORDS,
    GroupView,
    Prefilter,
    WordStarts,
    alias_pattern,
    event_prefilter,
    per_base,
    place_prefilter,
)
from factcheck.rules import rule, tune
from factcheck.segment import Document, Segment, Sentence

STRONG, MEDIUM, WEAK, NONE = 3, 2, 1, 0


def _r(rule_id: str) -> tuple[int, tuple[str, ...]]:
    """The level a bind rule gives (from the rules table) and the rule ids so far."""
    return rule(rule_id).level, (rule_id,)


def _lv(rule_id: str) -> int:
    return rule(rule_id).level


def _own_places(fb: FactBase) -> tuple[regex.Pattern[str], dict[str, str]] | None:
    """The distinctive names (two words or more, or with a digit: "Pad 39B", "Estádio Mineirão")
    that exactly one event's `place` facts accept (value and variants), as one whole-word pattern
    and each name's event; None when there are none."""
    def build() -> tuple[regex.Pattern[str], dict[str, str]] | None:
        owner: dict[str, set[str]] = {}
        for f in fb.facts:
            if f.kind != "place" or not f.event:
                continue
            for name in (str(f.value), *(str(v.value) for v in f.variants)):
                name = " ".join(name.split())
                if len(name.split()) >= 2 or regex.search(r"\d", name):
                    owner.setdefault(name.casefold(), set()).add(f.event)
        mine = {n: next(iter(es)) for n, es in owner.items() if len(es) == 1}
        if not mine:
            return None
        rx = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation(sorted(mine, key=len, reverse=True))})"
                           r"(?![\p{L}\p{N}])", regex.IGNORECASE)
        return rx, mine
    got: tuple[regex.Pattern[str], dict[str, str]] | None = per_base(fb, "own_places", build)
    return got


# the clause starts right after an opening bracket: "(1914 GMT)", "[19:14 CEST]"
_BRACKET_BEFORE = regex.compile(r"[(\[]\s*\Z")


def _first_why(bindings: list[Binding], event: str) -> tuple[str, ...]:
    return next((b.why[event] for b in bindings if event in b.why), ())


@dataclass(frozen=True)
class Hit:
    what: str  # party id, or "name:<event>", "place:<event>"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Binding:
    """The events a segment may be about. `spans[e]` is the evidence only `e` has (to find the
    event nearest a value); `why[e]` is the ids of the rules that bound it (factcheck/rules.py)."""

    candidates: tuple[str, ...] = ()
    level: int = NONE
    spans: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    why: dict[str, tuple[str, ...]] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)  # per candidate; `level` is the highest
    # events with the same evidence that the time of the article or the discourse set aside: a
    # value agreeing with one of them is not held against the candidates
    alternates: tuple[str, ...] = ()
    by_reference: bool = False  # bound by "the call", "the same sentence": no evidence of its own
    # events whose evidence is here but that a rule set aside (event id -> rule id), for the trace
    set_aside: dict[str, str] = field(default_factory=dict)
    # events whose names here only modify another event's name ("Phase 1 hearings"): their evidence
    # in that phrase is the head's (`_spans`; rule event.name_modifier)
    modifiers: frozenset[str] = frozenset()

    def level_of(self, event: str) -> int:
        return self.levels.get(event, self.level)

    def rules_of(self, event: str) -> tuple[str, ...]:
        return self.why.get(event, ())

    def why_text(self, event: str) -> str:
        """The rules that bound `event`, for people."""
        return "; ".join(rule(r).what for r in self.why.get(event, ()))

    def nearest(self, start: int, end: int) -> tuple[str | None, bool]:
        """The candidate whose own evidence is nearest [start, end), and whether it is clearly
        nearer than the next (at most 0.6 times the distance)."""
        if len(self.candidates) == 1:
            return self.candidates[0], True
        dists = []
        for e in self.candidates:
            spans = self.spans.get(e, ())
            if not spans:
                continue
            d = min(max(a - end, start - b, 0) for a, b in spans)
            dists.append((d, e))
        if not dists:
            return None, False
        dists.sort()
        if len(dists) == 1:
            return dists[0][1], True
        (d1, e1), (d2, _) = dists[0], dists[1]
        return e1, d1 <= 0.6 * d2 and d1 < d2


@cache
def _word_res() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, regex.Pattern[str]], regex.Pattern[str]]:
    lg = lang()
    nouns = regex.compile(rf"(?<![\p{{L}}-])(?:{alternation(lg.event_nouns)})(?![\p{{L}}])", regex.IGNORECASE)
    verbs = regex.compile(rf"(?<![\p{{L}}-])(?:{alternation(lg.event_verbs)})(?![\p{{L}}])", regex.IGNORECASE)
    modes = {m: regex.compile(rf"(?<![\p{{L}}])(?:{alternation(ws)})(?![\p{{L}}])", regex.IGNORECASE)
             for m, ws in lg.modes.items()}
    # "last" after "and" is the final one of a series, not a previous one ("the 22nd and last round")
    words = [w for w in lg.data["other_event_words"] if w != "last"]
    last = r"|(?<!\band\s)last" if "last" in lg.data["other_event_words"] else ""
    other = regex.compile(
        rf"(?<![\p{{L}}])(?:{alternation(words)}{last})\s+(?:\p{{L}}+\s+){{0,2}}?(?:{alternation(lg.event_nouns)})(?![\p{{L}}])",
        regex.IGNORECASE)
    return nouns, verbs, modes, other


def _irrealis_re() -> regex.Pattern[str]:
    return words_re("irrealis")


def _not_talk_re() -> regex.Pattern[str]:
    return words_re("not_talk")


def _again_re() -> regex.Pattern[str]:
    return words_re("again")


def _leaders_re() -> regex.Pattern[str]:
    return words_re("leaders", ignore_case=False)


def _norm_leader(name: str) -> str:
    return regex.sub(r"\s+", " ", name)


def _governs_talk(text: str) -> bool:
    """A negation or modal shortly before a word for a talk ("not expected to attend these talks
    or meet Putin"); not one in a reported clause after it ("warned Putin that an invasion would")."""
    nouns, verbs, _, _ = _word_res()
    for m in _irrealis_re().finditer(text):
        window = text[m.end() : m.end() + 45]
        if nouns.search(window) or verbs.search(window):
            return True
    return False


def _governs_words(text: str, spans: list[tuple[int, int]]) -> bool:
    """A negation or modal shortly before one of the events' own words ("could not lift off")."""
    if not spans:
        return False
    for m in _irrealis_re().finditer(text):
        if any(m.end() <= a <= m.end() + 45 for a, _ in spans):
            return True
    # "no launch at 1:30", "there was no run-off": the happening denied
    return any(_denied_before().search(text, max(0, a - 12), a) for a, _ in spans)


def _called_off(text: str, spans: dict[Any, list[tuple[int, int]]]) -> bool:
    """An event's word or name called off shortly after it ("Two launch attempts called off", "the
    refloating was called off"): the happening cancelled (en.yaml `called_off`). Not when the word
    of calling off is one of that event's own: the event is the cancellation ("the first attempt, on
    April 11, was scrubbed" for a scrub event whose words are "attempt|scrub")."""
    for own in spans.values():
        for _, b in own:
            m = _called_off_after().match(text, b)
            if m is not None and not any(a <= m.end() - 1 < e for a, e in own):
                return True
    return False


@cache
def _called_off_after() -> regex.Pattern[str]:
    return regex.compile(rf"[^.;:!?]{{0,24}}?(?<![\p{{L}}])(?:{alternation(lang().data['called_off'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


@cache
def _denied_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['denials'])})\s+\Z", regex.IGNORECASE)


_TITLE_AFTER = regex.compile(r"\A\s+(?:\p{Lu}[\p{L}-]*|\d+\p{L}?)(?![\p{L}])")


def _in_proper_name(text: str, a: int, b: int) -> bool:
    """Is a capitalised word followed by another capitalised word or a number, the start or middle of
    a proper name ("Launch Control Center", "Rescue Coordination Centre")? Then
    it names a thing, not the event."""
    return text[a : a + 1].isupper() and bool(_TITLE_AFTER.match(text[b : b + 40]))


@lru_cache(maxsize=20_000)
def _bounded(source: str, flags: int) -> regex.Pattern[str] | None:
    try:
        # (nor the second part of a hyphenated compound: `final` names no event in "quarter-final", nor
        # `launch` in "pre-launch")
        return regex.compile(rf"(?<![\p{{L}}])(?<!\p{{L}}[-‐‑])(?:{source})(?![\p{{L}}])", flags)
    except (regex.error, ValueError):
        return None  # a pattern that cannot be wrapped (a global flag inside it): matched as written


def _whole_words(p: Pattern, text: str) -> list[regex.Match[str]]:
    """The matches of an event's name or word pattern that are whole words. The pattern is tried with
    word bounds, so an alternative that only matches inside a longer word ("made land" in "made
    landfall") does not hide another that matches the whole word ("landfall")."""
    b = _bounded(p.source, int(p.compiled.flags))
    if b is None:
        return list(p.finditer(text))
    try:
        return list(b.finditer(text, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        return []


def _inside_word(text: str, a: int, b: int) -> bool:
    return (a > 0 and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha())


@cache
def _happening_after_re() -> regex.Pattern[str]:
    return regex.compile(rf"\A[\s-]+(?:{alternation(lang().data['other_happenings'])})(?![\p{{L}}])", regex.IGNORECASE)


def _names_other_happening(text: str, b: int) -> bool:
    """Is the event's name or word ending at `b` a modifier of another happening ("the only run-off
    debate", "the launch rehearsal")?"""
    return bool(_happening_after_re().match(text[b : b + 30]))


@cache
def _another_before_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['another_occurrence_before'])})\s+\Z",
                         regex.IGNORECASE)


def _another_occurrence(text: str, a: int) -> bool:
    """Does the event's name starting at `a` follow an indefinite ordinal or "another" ("a second
    state of national emergency", "another Hatay earthquake"): one more of its kind, not the event?
    (Not for an event's words: an event of a series, "the bounce" of a lander that bounced twice,
    is told by them as "a second bounce".)"""
    return bool(_another_before_re().search(text[max(0, a - 20) : a]))


@cache
def _topic_before_re() -> regex.Pattern[str]:
    d = lang().data
    when = alternation([str(k) for k in (*d["weekdays"], *d["months"])])
    # "on Friday arrested" is a day, not a topic
    capitalised = rf"(?!(?:{when})(?![\p{{L}}]))(?-i:\p{{Lu}})[\p{{L}}'’.-]*"
    between = rf"(?:the|this|that|an?|its|last\s+\w+['’]s|\d{{4}}|{capitalised})\s+"
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['topic_happenings'])})\s+"
                         rf"(?:{alternation(d['topic_prepositions'])})\s+(?:{between}){{0,4}}\Z", regex.IGNORECASE)


def _topic_of_other_happening(text: str, a: int) -> bool:
    """Is the event's name or word starting at `a` the topic of another happening ("an emergency
    summit on the tsunami", "an inquiry into the collapse")?"""
    return bool(_topic_before_re().search(text[max(0, a - 90) : a]))


_THEY = regex.compile(r"(?<![\p{L}])(?:they|the\s+two|both)(?![\p{L}])", regex.IGNORECASE)
_ELLIPSIS = regex.compile(r"(?:and|or|but|while)\s", regex.IGNORECASE)
_LEADERS = regex.compile(r"(?<![\p{L}])(?:leaders|presidents|heads\s+of\s+state)(?![\p{L}])", regex.IGNORECASE)
_RELATIVE = regex.compile(r"(?:which|who|whom|that|where)\b", regex.IGNORECASE)


@cache
def _back_start_re() -> regex.Pattern[str]:
    """A sentence opening on a word that refers back ("It", "They", "The operation")."""
    return regex.compile(rf"\s*(?:{alternation(lang().data['back_references'])})(?![\p{{L}}])", regex.IGNORECASE)


def _pair_re() -> regex.Pattern[str]:
    return words_re("pair_words")


class PartyFinder:
    """Finds parties in text: aliases (longest match wins), fuzzy one-word aliases, and
    "the leaders of X and Y" through the parties' countries."""

    def __init__(self, parties: dict[str, Party]):
        self.parties = parties
        alias_owner: dict[str, list[str]] = {}
        for p in parties.values():
            for a in (p.name, *p.aliases):
                alias_owner.setdefault(a.lower(), []).append(p.id)
        self.alias_owner = alias_owner
        # the aliases in the order of their alternation (longest first): at a position, the first
        # that matches is the one found there. The automaton finds where each alias's first word
        # (what stands before its first space, which the alternation reads as any whitespace)
        # occurs; there, only the aliases with that first word are tried, in that order
        ranked = sorted(alias_owner, key=lambda w: (-len(w), w))
        self._by_first: dict[str, list[str]] = {}
        for w in ranked:
            self._by_first.setdefault(w.split(" ", 1)[0], []).append(w)
        self._rank = {w: r for r, w in enumerate(ranked)}
        self._starts = WordStarts((f, f) for f in self._by_first) if "" not in self._by_first else None
        self._some: dict[frozenset[str], regex.Pattern[str]] = {}
        self._among: dict[frozenset[Hashable], regex.Pattern[str]] = {}  # `finds_any`'s alternations
        self._all: regex.Pattern[str] | None = None
        fuzzy_words = sorted({a for p in parties.values() if p.fuzzy for a in p.aliases
                              if regex.fullmatch(r"\p{Lu}\p{Ll}{4,}", a)}, key=len, reverse=True)
        owners: dict[str, list[str]] = {}
        for p in parties.values():
            for a in dict.fromkeys(p.aliases):
                owners.setdefault(a, []).append(p.id)
        self.fuzzy_owner = {w.lower(): owners[w] for w in fuzzy_words}
        # the aliases one edit away from a word share a string with it once one letter (or none) is
        # deleted from each: an index of those strings gives the few to compare with the word
        self._fuzzy_order = {w: i for i, w in enumerate(self.fuzzy_owner)}
        self._fuzzy_index: dict[str, set[str]] = {}
        for w in self.fuzzy_owner:
            for d in _deletions(w):
                self._fuzzy_index.setdefault(d, set()).add(w)
        # a word one edit away from an alias starts with its letter and is at most one letter
        # longer or shorter: the others are not looked up at all
        self._fuzzy_shapes = {(w[0], n) for w in self.fuzzy_owner for n in (len(w) - 1, len(w), len(w) + 1)}
        self._fuzzy_firsts = frozenset(w[0] for w in self.fuzzy_owner)
        self._garbled_memo: dict[str, str | None] = {}
        # a word one edit away from an alias keeps the alias's first half at its start or its
        # second half at its end (the edit is in one half or the other): one scan for those halves
        # tells which words to look at, instead of every capitalised word of the text
        self._halves: Any = None
        if self.fuzzy_owner:
            auto = ahocorasick.Automaton()
            for w in self.fuzzy_owner:
                k = len(w) // 2
                for part, where in ((w[:k], "start"), (w[k:], "end")):
                    got = auto.get(part, set()) if part in auto else set()
                    auto.add_word(part, got | {(where, len(part))})
            auto.make_automaton()
            self._halves = auto
        # "the leaders of France and Spain", "French and Spanish presidents"
        self.by_country: dict[str, str] = {p.country: p.id for p in parties.values() if p.country}
        self.country_alias: dict[str, str] = {}
        for canon, aliases in lang().countries.items():
            for a in (canon, *aliases):
                self.country_alias[a.lower()] = canon
        for extra, canon in lang().data.get("demonyms", {}).items():
            self.country_alias[str(extra).lower()] = str(canon)
        c = alternation(self.country_alias)
        self.leaders_re = regex.compile(
            rf"(?:leaders?|presidents?|heads?\s+of\s+state)\s+of\s+(?:the\s+)?(?P<a>{c})\s+and\s+(?:of\s+)?(?:the\s+)?(?P<b>{c})(?![\p{{L}}])"
            rf"|(?<![\p{{L}}])(?P<c>{c})\s+and\s+(?P<d>{c})\s+(?:leaders|presidents|heads\s+of\s+state)",
            regex.IGNORECASE)
        # every match of leaders_re holds one of these words: a text without them is not searched
        self._leader_words = Prefilter([(0, LEADER_WORDS)])

    @property
    def alias_re(self) -> regex.Pattern[str]:
        """Every alias in one alternation: what `find` searches a text the automaton cannot scan
        with (compiled the first time one comes)."""
        if self._all is None:
            self._all = regex.compile(
                rf"(?<![\p{{L}}])(?:{alternation(self.alias_owner)})(?![\p{{L}}])", regex.IGNORECASE)
        return self._all

    def _alias_re(self, firsts: frozenset[str]) -> regex.Pattern[str]:
        """The alternation of the aliases whose first word is one of `firsts`, in its order."""
        rx = self._some.get(firsts)
        if rx is None:
            some = sorted((w for f in firsts for w in self._by_first[f]), key=self._rank.__getitem__)
            rx = self._some[firsts] = regex.compile(
                rf"(?<![\p{{L}}])(?:{'|'.join(alias_pattern(w) for w in some)})(?![\p{{L}}])", regex.IGNORECASE)
        return rx

    def alias_matches(self, text: str) -> list[regex.Match[str]]:
        """What `alias_re.finditer(text, overlapped=True)` finds when there are aliases: at each
        position, the first alias of the alternation that matches there whole (no letter before or
        after it)."""
        starts = self._starts.starts(text) if self._starts is not None else None
        if starts is None:
            return list(self.alias_re.finditer(text, overlapped=True))
        at: dict[int, set[Any]] = {}
        n = len(text)
        for start, (first_word,) in starts:
            first = str(first_word)
            # an ASCII letter before the word, or right after it (where an alias has a space, read as
            # whitespace, or its end, where no letter may follow): no alias of this first word is here
            # ("us" in "status", in "use")
            if start and text[start - 1].isascii() and text[start - 1].isalpha():
                continue
            after = start + len(first)
            if after < n and text[after].isascii() and text[after].isalpha():
                continue
            at.setdefault(start, set()).add(first)
        out = []
        for start in sorted(at):
            m = self._alias_re(frozenset(at[start])).match(text, start)
            if m is not None:
                out.append(m)
        return out

    def _fuzzy_candidates(self, text: str) -> Iterable[regex.Match[str]]:
        """The capitalised words of `text` that may be one edit from a fuzzy alias: those that begin
        with the first half of one or end with its second half (every capitalised word when the
        lower-cased text is not of the same length)."""
        if self._halves is None or len(text) < _HALVES_FROM:
            return _CAP_WORD.finditer(text)  # a clause: its few words cost less than a scan
        low = text.lower()
        if len(low) != len(text):
            return _CAP_WORD.finditer(text)
        starts: set[int] = set()
        n = len(text)
        for end, kinds in self._halves.iter(low):
            for where, size in kinds:
                a = end - size + 1
                if where == "start":
                    if a == 0 or not text[a - 1].isalpha():
                        starts.add(a)
                elif end + 1 == n or not text[end + 1].isalpha():
                    while a > 0 and text[a - 1].isalpha():
                        a -= 1
                    starts.add(a)
        return [m for a in sorted(starts) if (m := _CAP_WORD.match(text, a)) is not None]

    def _garbled(self, w: str) -> str | None:
        """The first fuzzy alias (in their order) one edit away from the lower-cased word `w`,
        with its first letter; None if none is, or if `w` is an alias itself. (Remembered: the
        same capitalised words recur from article to article.)"""
        if (w[0], len(w)) not in self._fuzzy_shapes or w in self.alias_owner:
            return None
        if w in self._garbled_memo:
            return self._garbled_memo[w]
        close = {a for d in _deletions(w) for a in self._fuzzy_index.get(d, ()) if a[0] == w[0]}
        found = next((a for a in sorted(close, key=self._fuzzy_order.__getitem__) if levenshtein(a, w) <= 1), None)
        if len(self._garbled_memo) >= 100_000:
            self._garbled_memo.clear()
        self._garbled_memo[w] = found
        return found

    def _garbled_in(self, text: str) -> bool:
        """Does a capitalised word of `text` garble a fuzzy alias? Each distinct word asked once,
        without positions: most texts hold none, and then `find` does not look for where."""
        return any(self._garbled(w) is not None for w in set(map(str.lower, _CAP_WORD.findall(text))))

    def fuzzy_opens(self, c: str) -> bool:
        """May a capitalised word that begins with `c` garble a fuzzy alias (`_garbled` asks its
        lower-cased first letter first)?"""
        return c.lower()[:1] in self._fuzzy_firsts

    def garbled_at(self, text: str, starts: Iterable[int]) -> bool:
        """`_garbled_in(text)` asked of the capitalised words at `starts` alone: every position of a
        capital that `fuzzy_opens` (and perhaps others), so that no other word can garble an alias.
        The quick path's question (factcheck/quick.py): it spares a scan for every capitalised word."""
        if not self.fuzzy_owner:
            return False
        for p in starts:
            m = _CAP_WORD.match(text, p)
            if m is not None and self._garbled(m.group(0).lower()) is not None:
                return True
        return False

    def _leader_hits(self, text: str, offset: int) -> list[Hit]:
        """"The leaders of France and Spain": a hit of each leader of a party with that country."""
        hits: list[Hit] = []
        for m in self.leaders_re.finditer(text):
            for g in ("a", "b", "c", "d"):
                if m.group(g):
                    country = self.country_alias.get(_WS.sub(" ", m.group(g).lower()), "")
                    leader = self.by_country.get(country)
                    if leader:
                        hits.append(Hit(leader, offset + m.start(), offset + m.end(), m.group(0)))
        return hits

    def finds_any(self, text: str, aliases: Collection[Hashable], leaders: bool, starts: Iterable[int]) -> bool:
        """Would `find(text, 0)` find a party? (It keeps a hit of every text with some: a hit inside
        a longer one is dropped for the longer.) The quick path's question (factcheck/quick.py),
        asked with what its one scan of the base's automaton tells: `aliases`, those that may be in
        the text (no other can match: its literal word is not there; the base's automaton has
        them, prefilter.py `base_scan`); `leaders`, whether the leader words may be; `starts`,
        every position of a capital that `fuzzy_opens` (`garbled_at`)."""
        if aliases:
            # at a position, the first of them to match is the alias `alias_matches` finds there
            key = frozenset(aliases)
            rx = self._among.get(key)
            if rx is None:
                if len(self._among) >= 256:
                    self._among.clear()
                some = sorted(map(str, key), key=self._rank.__getitem__)
                rx = self._among[key] = regex.compile(
                    rf"(?<![\p{{L}}])(?:{'|'.join(map(alias_pattern, some))})(?![\p{{L}}])", regex.IGNORECASE)
            if rx.search(text) is not None and any(  # (most often none: one search costs less)
                    self.alias_owner.get(_WS.sub(" ", m.group(0).lower())) for m in rx.finditer(text, overlapped=True)):
                return True
        if self.garbled_at(text, starts):
            return True
        return bool(self.by_country and leaders and self._leader_hits(text, 0))

    def find(self, text: str, offset: int) -> list[Hit]:
        hits: list[Hit] = []
        for m in self.alias_matches(text):
            for pid in self.alias_owner.get(_WS.sub(" ", m.group(0).lower()), []):
                hits.append(Hit(pid, offset + m.start(), offset + m.end(), m.group(0)))
        if self.fuzzy_owner and self._garbled_in(text):
            # garbled names ("Binden", "Putiin", "Zelenskyyk"): capitalised words one edit away
            # from a one-word alias with the same first letter; an exact alias was found above
            for m in self._fuzzy_candidates(text):
                w = m.group(0).lower()
                alias = self._garbled(w)
                if alias is not None:
                    for pid in self.fuzzy_owner[alias]:
                        hits.append(Hit(pid, offset + m.start(), offset + m.end(), m.group(0)))
        # (only a party with a country is found by it)
        if self.by_country and self._leader_words.candidates(text):
            hits.extend(self._leader_hits(text, offset))
        # longest first; a shorter alias inside a longer one ("U.S." in "U.S. President") is dropped
        # a hit inside a longer one is dropped; hits are short, so only those starting within the
        # longest alias's length before it can overlap (linear, not quadratic, in the hits)
        by_start: dict[int, list[Hit]] = {}
        for h in hits:
            by_start.setdefault(h.start, []).append(h)
        longest = max((h.end - h.start for h in hits), default=0)
        kept: list[Hit] = []
        for h in hits:
            size = h.end - h.start
            near = hits if len(hits) <= 32 else [k for st in range(h.start - longest, h.end)
                                                 for k in by_start.get(st, ())]
            if any(k.start < h.end and h.start < k.end and (k.end - k.start) > size for k in near):
                continue
            kept.append(h)
        kept.sort(key=lambda h: (h.start, h.end))
        return kept


class _AnyOf:
    """The user's patterns for a mode of their own, searched with the per-match time limit."""

    def __init__(self, patterns: tuple[Pattern, ...]):
        self.patterns = patterns

    def search(self, text: str) -> bool:
        return any(p.search(text) is not None for p in self.patterns)


_WS = regex.compile(r"\s+")
_YEAR_BEFORE = regex.compile(r"(?<![\d.,])((?:1[89]|20)\d\d)(?:['’]s)?\s+(?:[\p{L}'’-]+\s+){0,2}$")


def _year_before(text: str, at: int) -> int | None:
    """A year standing right before position `at` ("the 2017 run-off", "its 2008 summit in")."""
    m = _YEAR_BEFORE.search(text[max(0, at - 40) : at])
    return int(m.group(1)) if m else None


def _deletions(word: str) -> set[str]:
    """The word, and the word with one letter deleted."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


_HALVES_FROM = 1000  # characters: a text this long is scanned for the halves of fuzzy aliases
_CAP_WORD = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}{3,}(?![\p{L}])")


def party_finder(fb: FactBase) -> PartyFinder:
    """One PartyFinder per fact base (its alternation is costly to build)."""
    found = _FINDERS.get(id(fb))
    if found is None or found[0] is not fb:
        found = (fb, PartyFinder(fb.parties))
        _FINDERS[id(fb)] = found
    return found[1]


_FINDERS: dict[int, tuple[FactBase, PartyFinder]] = {}




# after/before clauses that may carry the main event's own date ("after practice on Saturday");
# "days after", "the day before" shift it
_PLAIN_ANCHORS = frozenset({"after", "before", "following"})


@dataclass
class _SegInfo:
    seg: Segment
    hits: list[Hit]
    noun: bool
    verb: bool
    other_event: bool  # "another call", "their next meeting": not the event in discourse
    modes: set[str]
    names: dict[str, list[tuple[int, int]]]
    places: dict[str, list[tuple[int, int]]]
    pair: bool
    words: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # the events' own words
    # years right before a word for a talk or an event's word: "the alliance's 2008 summit", "the
    # 2017 run-off" speak of another occurrence than an event of another year
    noun_years: frozenset[int] = frozenset()
    word_years: dict[str, frozenset[int]] = field(default_factory=dict)
    name_years: dict[str, frozenset[int]] = field(default_factory=dict)
    # "Four years ago they lost the final": the page's year less four, and where the phrase stands
    ago_years: tuple[tuple[int, int], ...] = ()
    sentence_word: bool = False  # a word for a talk elsewhere in the sentence
    sentence_parties: frozenset[str] = frozenset()  # specific parties named anywhere in the sentence
    sentence_hits: tuple[Hit, ...] = ()
    irrealis: bool = False  # negated or hypothetical ("not expected to meet", "whether he would")
    again: bool = False  # "speak again": perhaps another occurrence
    leaders: frozenset[str] = frozenset()  # countries whose leaders the clause names


#: a line of clock times and their zones alone, at least two clocks ("18:02 WITA | 10:02 UTC | 10:02 BST",
#: "6.02pm local / 10.02 GMT", "14:45:28 EDT | 19:45:28 BST": to the second)
_CLOCK = r"\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?i:\s*[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,5}|(?i:local(?:\s+time)?)))?"
#: (perhaps hedged, "about 05:28 UTC / 22:28 PDT", and each clock perhaps with its day in brackets,
#: "05:31 UTC / 22:31 PDT (Sun 5 Aug) / 07:31 CEST (Mon 6 Aug)")
_ROW_HEDGE = r"(?:(?i:about|around|approx\.?|approximately|circa|ca\.|c\.)\s+|~\s*)?"
_PAREN_DAY = r"(?:\s*\([^()\n]{1,20}\))?"
#: ... perhaps after the line's day ("Mon 19 May - 14:28 CST / 06:28 UTC / 07:28 CEST")
_ROW_DAY = (r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}{0,6}\.?,?\s+)?"
            r"(?:\d{1,2}\.?\s+\p{L}{3,9}\.?(?:\s+\d{4})?|\p{L}{3,9}\.?\s+\d{1,2},?(?:\s+\d{4})?)")
#: ... a bracketed clock perhaps with its weekday inside ("02:15 (21:45 UTC, Sunday)"), the row perhaps
#: ending on the day ("06:30 (01:00 UTC), Monday 3 December")
_IN_BRACKET_DAY = r"(?:,\s*(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}{0,6}\.?)?"
_CLOCK_ROW = regex.compile(rf"{_ROW_HEDGE}{_CLOCK}{_PAREN_DAY}"
                           rf"(?:\s*[|/;,(]\s*{_CLOCK}{_IN_BRACKET_DAY}\)?{_PAREN_DAY})+"
                           rf"(?:,\s*(?:{_ROW_DAY}|(?i:mon|tue|wed|thu|fri|sat|sun)\p{{L}}{{0,6}}))?")
_DATED_CLOCK_ROW = regex.compile(rf"(?:{_ROW_DAY}\s*(?:[-–—,:]\s*)?)?{_CLOCK_ROW.pattern}")


@dataclass
class _Index:
    """What the binder needs of a whole base, built once per base, so that an article visits only the
    events it can touch: by party, by date, the base's own modes and places."""

    order: dict[str, int]  # event id -> its rank in the base
    by_party: dict[str, tuple[str, ...]]  # party id -> the events it is a party of
    no_party_on: dict[dt.date, tuple[str, ...]]  # date -> the events without parties on that day
    years: list[int]  # the years of the events, sorted
    first: dt.date | None  # the earliest and latest event dates
    last: dt.date | None
    modes: dict[str, Any]  # the base's own modes (`mode_words`)
    mode_count: dict[str | None, int]  # how many events have each mode
    places: GroupView  # which events' places an article may name (keyed by event id)
    place_res: dict[str, regex.Pattern[str]] = field(default_factory=dict)  # compiled when first needed

    @classmethod
    def build(cls, fb: FactBase) -> _Index:
        events = list(fb.events.values())
        by_party: dict[str, list[str]] = {}
        no_party_on: dict[dt.date, list[str]] = {}
        modes: dict[str, Any] = {}
        mode_count: dict[str | None, int] = {}
        for e in events:
            for p in dict.fromkeys(e.parties):
                by_party.setdefault(p, []).append(e.id)
            if not e.parties and e.date is not None:
                no_party_on.setdefault(e.date, []).append(e.id)
            if e.mode and e.mode_words:
                modes[e.mode] = _AnyOf(e.mode_words)
            mode_count[e.mode] = mode_count.get(e.mode, 0) + 1
        dates = [e.date for e in events if e.date is not None]
        return cls(order={e.id: i for i, e in enumerate(events)},
                   by_party={p: tuple(ids) for p, ids in by_party.items()},
                   no_party_on={d: tuple(ids) for d, ids in no_party_on.items()},
                   years=sorted({d.year for d in dates}), first=min(dates, default=None),
                   last=max(dates, default=None), modes=modes, mode_count=mode_count,
                   places=place_prefilter(fb))

    def place_re(self, fb: FactBase, event_id: str) -> regex.Pattern[str]:
        rx = self.place_res.get(event_id)
        if rx is None:
            place = fb.events[event_id].place or ""
            rx = self.place_res[event_id] = regex.compile(
                rf"(?<![\p{{L}}]){regex.escape(place)}(?![\p{{L}}])", regex.IGNORECASE)
        return rx


def bind_index(fb: FactBase) -> _Index:
    """The binder's tables of a base (events by party, by date, places), built once per base."""
    index: _Index = per_base(fb, "bind_index", lambda: _Index.build(fb))
    return index


class Binder:
    """Resolves segments to events, sentence by sentence, keeping the event in discourse."""

    def __init__(self, fb: FactBase, doc: Document):
        self.fb = fb
        self.doc = doc
        self.parties = party_finder(fb)
        self.current: str | None = None
        self.history: list[str] = []  # events the article has firmly been about, latest last
        self.prev_firm: tuple[str, ...] = ()  # the events the previous sentence was firmly about
        self.prev_question = False  # ... and whether it asked a question
        self._index: _Index = bind_index(fb)
        index = self._index
        self._member_sets = per_base(fb, "member_sets", lambda: {
            f.event: set(f.value) for f in fb.facts
            if f.event and f.kind == "set" and f.options.get("universe") == "countries"})
        # the parties the article names anywhere, and the events one of whose parties it names: a
        # "90-minute video call" among former scouts is no Biden-Putin summit
        # (the reading text: invisible characters moved out of words, same offsets)
        read = doc.reading or doc.text
        self._doc_hits = self.parties.find(read, 0)  # one pass over the text; clauses take their part
        self.named_parties = {h.what for h in self._doc_hits}
        self._hit_starts = [h.start for h in self._doc_hits]
        self._longest_hit = max((h.end - h.start for h in self._doc_hits), default=0)
        # modes: the language data's (video, phone, in person) and the base's own (`mode_words`)
        self.modes: dict[str, Any] = {**_word_res()[2], **index.modes}
        # an event is present when one of its parties is named, or (events of any kind: a launch, a
        # quake, a run-off) with no parties, when one of its names or words occurs: a scouts' "video call"
        # is no summit between leaders none of whom it names
        self.event_filter = event_prefilter(fb)
        self._in_doc = self.event_filter.whole(read)
        # (the events of the parties named, and those whose names or words the automaton found:
        # no loop over the base's events)
        maybe = {str(key[1]) for key in self._in_doc if isinstance(key, tuple)}
        self.present = {eid for p in self.named_parties for eid in index.by_party.get(p, ())}
        self.present |= {eid for eid in maybe if self._is_present(fb.events[eid], read)}
        by_rank = index.order.__getitem__
        # the events present, in the base's order; those with words of their own
        self._present_events = tuple(fb.events[eid] for eid in sorted(self.present, key=by_rank))
        self._word_events = tuple(e for e in self._present_events if e.words)
        # the events whose names the article has at all: only they are looked for clause by clause
        # (a base of thousands of events costs one search of each name per article, not per clause)
        self.named_in_doc = tuple(e for e in (fb.events[eid] for eid in sorted(maybe, key=by_rank))
                                  if e.names and any(("names", e.id, i) in self._in_doc and p.may_match(read)
                                                     for i, p in enumerate(e.names)))
        # the events whose place the article may name (the automaton's word for it is there)
        self._place_events = tuple(sorted((str(k) for k in index.places.whole(read)), key=by_rank))
        self._timeline: tuple[TimelineStamp, ...] | None = None  # a chronology's stamps, read when asked
        self._entries: Entries | None = None  # a live blog's entries and day lines, read when asked
        self.anchors: tuple[dt.date, ...] = ()
        self.explicit_anchors: tuple[dt.date, ...] = ()
        self._info_memo: dict[tuple[int, int, frozenset[str]], _SegInfo] = {}
        self.anchors = self._anchors()
        self.dated_event = self._dateline_event()

    def _stamp_event(self, s: Sentence, blog: bool) -> str | None:
        """The one event the article tells of (`present`) whose date is the full day stamping the
        sentence's timeline line ("Nov. 21 — ...") or its chronology entry ("30 October" / "Polls
        close at 17:00"), or with `blog`, the day line over its live-blog entry, if there is one."""
        if not any(e.date for e in self._present_events):
            return None
        v = line_stamp(self.doc, s)
        if v is None:
            if self._timeline is None:
                self._timeline = timeline_stamps(self.doc)
            above = stamp_above(self._timeline, self.doc, s) if self._timeline else None
            if above is not None and above.first == above.last:
                v = DateValue(*above.first)
        if v is None and blog:
            # a live blog's entry: the day line above it, against the event in discourse (with none,
            # rule value.entry_stamp lets the entry's stamp agree)
            v = self._blog_day(s)
        if v is None:
            return None
        if not (v.month and v.day):
            return None
        on_day = [e.id for e in self._present_events if e.date is not None and e.date.month == v.month
                  and e.date.day == v.day and v.year in (None, e.date.year)]
        return on_day[0] if len(on_day) == 1 else None

    def _stamp_row_heads(self, s: Sentence) -> str | None:
        """The one event named by the entry right below `s`, when `s` is a whole line of clock times
        and zones alone ("18:02 WITA | 10:02 UTC | 10:02 BST"), perhaps after its day ("Mon 19 May -
        14:28 CST / 06:28 UTC / 07:28 CEST"), heading that entry on the next line."""
        text = self.doc.text
        # (cheap tests first: most sentences open on a letter, or not at a line's start)
        if (s.index + 1 >= len(self.doc.sentences) or not s.text[:1].isalnum()
                or (s.start > 0 and text[s.start - 1] != "\n") or not _DATED_CLOCK_ROW.fullmatch(s.text.strip())):
            return None
        nxt = self.doc.sentences[s.index + 1]
        if text[s.end:nxt.start].count("\n") != 1 or text[s.end:nxt.start].strip():
            return None
        infos = [self._info(g, set()) for g in nxt.segments if not g.anchor]
        named = {e for i in infos for e in i.names} or {e for i in infos for e in i.words}
        return named.pop() if len(named) == 1 else None

    def _blog_day(self, s: Sentence) -> DateValue | None:
        """The day line in force over the live-blog entry the sentence is in ("Sunday 5 May · All
        times BST" above "14:20 — ..."), if any."""
        if self._entries is None:
            self._entries = entries(self.doc)
        if s.paragraph not in self._entries.stamp_of:
            return None
        day = self._entries.day(s.start)
        if day is None:
            return None
        read = read_dates((self.doc.reading or self.doc.text)[day[0]:day[1]])
        return read[0].value if read else None

    @cached_property
    def _page_year(self) -> int | None:
        """The year of the page's own date (its dateline, byline or "Published" line), if it gives one."""
        from factcheck.kinds.base import Context
        from factcheck.kinds.date import published

        day = published(Context(doc=self.doc))
        return int(day.year) if day is not None and day.year else None

    def _ago_years(self, text: str, start: int) -> tuple[tuple[int, int], ...]:
        """The years a clause dates itself to by "<n> years ago" from the page's year ("Four years ago
        they lost the final" in a page of 2012: 2008), each with where its phrase begins in the
        document; none without a dated page."""
        if "ago" not in text or self._page_year is None:
            return ()
        from factcheck.kinds.date import years_ago_any_re, years_count

        out = []
        for m in years_ago_any_re().finditer(text):
            n = years_count(m.group("n"))
            if n:
                out.append((self._page_year - n, start + m.start()))
        return tuple(out)

    def _dateline_event(self) -> str | None:
        """The one event of any kind (no parties) that falls on the day of the article's dateline
        ("CAPE CANAVERAL, Fla., Nov. 16 (Wire) —" for a launch on 16 November), if there is one."""
        from factcheck.kinds.date import read_dates

        years = self._index.years
        days: set[dt.date] = set()
        for a, b, what in self.doc.furniture:
            if what != "dateline":
                continue
            for r in read_dates((self.doc.reading or self.doc.text)[a:b], a):
                v = r.value
                if v.month and v.day:
                    for y in ([v.year] if v.year else years):
                        try:
                            days.add(dt.date(y, v.month, v.day))
                        except ValueError:
                            pass
        on_day = sorted((eid for d in days for eid in self._index.no_party_on.get(d, ())),
                        key=self._index.order.__getitem__)
        return on_day[0] if len(on_day) == 1 else None

    def _is_present(self, e: Event, text: str) -> bool:
        if e.parties:
            return bool(set(e.parties) & self.named_parties)
        return any((part, e.id, i) in self._in_doc and p.search(text)
                   for part in ("names", "words") for i, p in enumerate(getattr(e, part)))

    # -- the time the article is about -------------------------------------------------------
    def _anchors(self) -> tuple[dt.date, ...]:
        from factcheck.kinds.date import numeric_order, read_dates

        out: set[dt.date] = set()
        # numeric dates in the article's own order ("12.01.2010" in an article that also writes
        # "30.03.2010" is 12 January)
        order = numeric_order(self.doc.reading or self.doc.text)
        years = self._index.years or [dt.date.today().year]
        # page-date and "Updated ..." lines are not claims, but they do say when the page was written
        texts = [(s.text, s.start) for s in self.doc.sentences]
        texts += [((self.doc.reading or self.doc.text)[a:b], a) for a, b, _ in self.doc.furniture]
        for text, start in texts:
            for r in read_dates(text, start, day_first=order):
                v = r.value
                if v.month and v.day:
                    for y in ([v.year] if v.year else years):
                        try:
                            out.add(dt.date(y, v.month, v.day))
                        except ValueError:
                            pass
        if self._index.first is not None and self._index.last is not None:
            window = dt.timedelta(days=tune("article_window_days"))
            first, last = self._index.first - window, self._index.last + window
            self.explicit_anchors = tuple(sorted(x for x in out if first <= x <= last))
        for s in self.doc.sentences:
            for e in self.named_in_doc:
                if e.date and any(p.search(s.text) for p in e.names):
                    out.add(e.date)
        if not out:
            # no date in the text: the article is about the events it is firmly about
            probe = copy.copy(self)
            probe.current, probe.anchors, probe.history, probe.explicit_anchors = None, (), [], ()
            probe.dated_event = None
            for s in self.doc.sentences:
                for b in probe.sentence(s):
                    if len(b.candidates) == 1 and b.level >= MEDIUM:
                        d = self.fb.events[b.candidates[0]].date
                        if d:
                            out.add(d)
        # keep only dates near the events of the base: a far date (an anniversary, a page date)
        # says nothing about which of these events the article is about
        if self._index.first is not None and self._index.last is not None:
            window = dt.timedelta(days=tune("article_window_days"))
            lo, hi = self._index.first - window, self._index.last + window
            out = {d for d in out if lo <= d <= hi}
        return tuple(sorted(out))

    def near_anchor(self, event: Event, days: int | None = None) -> bool:
        if not self.anchors or event.date is None:
            return True
        limit = tune("near_anchor_days") if days is None else days
        return any(abs((event.date - a).days) <= limit for a in self.anchors)

    # -- evidence ------------------------------------------------------------------------------
    def _info(self, seg: Segment, sentence_modes: set[str]) -> _SegInfo:
        """What a clause holds (parties, names, words, places, modes ...): a function of its text,
        worked out once per article (the probe pass of `_anchors` and the real pass share it)."""
        key = (seg.start, seg.end, frozenset(sentence_modes))
        got = self._info_memo.get(key)
        if got is None:
            got = self._info_memo[key] = self._info_of(seg, sentence_modes)
        return got

    def _info_of(self, seg: Segment, sentence_modes: set[str]) -> _SegInfo:
        nouns, verbs, _, other = _word_res()
        modes = self.modes
        text = seg.text
        # "news conference", "press briefing": not a talk between the parties
        talk_text = _not_talk_re().sub(lambda m: " " * len(m.group(0)), text)
        names: dict[str, list[tuple[int, int]]] = {}
        possible = self.event_filter.candidates(text)
        for e in self.named_in_doc:
            for i, p in enumerate(e.names):
                if ("names", e.id, i) not in possible:
                    continue
                for m in _whole_words(p, text):
                    # whole words only: "video calls" (of a cloud outage) is not "video call"
                    if (_inside_word(text, m.start(), m.end()) or _names_other_happening(text, m.end())
                            or _topic_of_other_happening(text, m.start()) or _another_occurrence(text, m.start())):
                        continue
                    names.setdefault(e.id, []).append((seg.start + m.start(), seg.start + m.end()))
        # "the leaders of France, Germany, Spain and the United Kingdom": a list naming two or more
        # of an event's set members stands for the event, whatever the other members
        if self._member_sets:
            from factcheck.kinds.set import country_lists

            as_sentence = Sentence(seg.start, seg.end, seg.text, 0, -1, ())
            for a, b, members in country_lists(as_sentence):
                for eid, ms in self._member_sets.items():
                    if len(ms & set(members)) >= 2:
                        names.setdefault(eid, []).append((a, b))
        words: dict[str, list[tuple[int, int]]] = {}
        for e in self._word_events:
            for i, p in enumerate(e.words):
                if ("words", e.id, i) not in possible:
                    continue
                for m in _whole_words(p, text):
                    if not (_inside_word(text, m.start(), m.end()) or _in_proper_name(text, m.start(), m.end())
                            or _names_other_happening(text, m.end()) or _topic_of_other_happening(text, m.start())):
                        words.setdefault(e.id, []).append((seg.start + m.start(), seg.start + m.end()))
        if len(words) > 1:
            # "second round" is the second round's word, not also the round's ("round" inside it)
            every = [(a, b, e) for e, sp in words.items() for a, b in sp]
            words = {e: kept for e, sp in words.items()
                     if (kept := [(a, b) for a, b in sp
                                  if not any(o != e and c <= a and b <= d and (d - c) > (b - a) for c, d, o in every)])}
        places: dict[str, list[tuple[int, int]]] = {}
        for eid in self._place_events:
            for m in self._index.place_re(self.fb, eid).finditer(text):
                places.setdefault(eid, []).append((seg.start + m.start(), seg.start + m.end()))
        seg_modes = {m for m, rx in modes.items() if rx.search(text)}
        return _SegInfo(
            seg=seg, hits=self._clause_hits(seg), noun=bool(nouns.search(talk_text)),
            verb=bool(verbs.search(talk_text)), other_event=bool(other.search(talk_text)),
            # a mode said in another clause ("..., and ... on Tuesday's video call") is that clause's
            modes=seg_modes, names=names, places=places, words=words,
            noun_years=frozenset(y for m in nouns.finditer(talk_text) if (y := _year_before(text, m.start()))),
            word_years={e: frozenset(y for a, _ in sp if (y := _year_before(text, a - seg.start)))
                        for e, sp in words.items()},
            name_years={e: frozenset(y for a, _ in sp if (y := _year_before(text, a - seg.start)))
                        for e, sp in names.items()},
            ago_years=self._ago_years(text, seg.start),
            pair=bool(_pair_re().search(text)),
            irrealis=_governs_talk(text) or _governs_words(text, [(a - seg.start, b - seg.start)
                                                                   for sp in words.values() for a, b in sp])
            or _called_off(text, {e: [(a - seg.start, b - seg.start) for a, b in (*names.get(e, ()), *words.get(e, ()))]
                                  for e in {*names, *words}}),
            again=bool(_again_re().search(talk_text)),
            leaders=frozenset(lang().data["leaders"][_norm_leader(m.group(0))] for m in _leaders_re().finditer(text)),
        )

    def _clause_hits(self, seg: Segment) -> list[Hit]:
        """The parties a clause names: the article's hits inside it (the article was searched once,
        in the same reading text), unless a hit crosses the clause's edge, when the clause is
        searched alone (a shorter alias inside the crossing one is then the clause's)."""
        a, b = seg.start, seg.end
        hits = self._doc_hits
        i = bisect.bisect_left(self._hit_starts, a - self._longest_hit)
        inside = []
        for h in hits[i:]:
            if h.start >= b:
                break
            if h.end <= a:
                continue
            if h.start < a or h.end > b:
                return self.parties.find(seg.text, a)
            inside.append(h)
        return inside

    def _others_parties(self, e: Event, named: set[str] | frozenset[str]) -> bool:
        """Does a sentence that names none of `e`'s parties name every party of another event of
        the article (two at least)?"""
        if set(e.parties) & named:
            return False
        return any(o.id != e.id and len(o.parties) >= 2 and set(o.parties) <= named
                   for o in self._present_events)

    def _candidates(self, info: _SegInfo) -> Binding:
        found = {h.what for h in info.hits}
        if info.pair:
            # "the two presidents": the latest event between two heads of state (parties with a country)
            for eid in reversed(self.history):
                ps = self.fb.events[eid].parties
                if len(ps) == 2 and all(self.fb.parties[p].country for p in ps if p in self.fb.parties):
                    found |= set(ps)
                    break
        scored: list[tuple[int, float, str, tuple[str, ...], frozenset[str]]] = []
        set_aside: dict[str, str] = {}
        for e in self._present_events:
            if e.date is not None and (self._other_year(e, info) or self._ago_other_year(e, info)):
                # "the 2017 run-off" is not the 2022 one; "Four years ago they lost the final" in a page
                # of 2012 is no final of 2012
                set_aside[e.id] = "event.other_occurrence"
                continue
            named = e.id in info.names
            mine = found & set(e.parties)
            if not named and e.mode and info.modes and e.mode not in info.modes and self._mode_rival(e, mine, info):
                # "talk by telephone": not the video summit, which has the same parties; but a
                # video call named in the clause does not take away Biden's call with Zelenskyy
                continue
            specific = {p for p in mine if not self.fb.parties[p].generic}
            full = len(e.parties) >= 2 and len(mine) == len(e.parties)
            shared_word = e.id in info.words and any(
                o != e.id and any(a < d and c < b for a, b in info.words[e.id] for c, d in sp)
                for o, sp in info.words.items())
            if named:
                level, why = _r("event.named")
            elif e.id in info.words and not info.other_event:
                # the event's own words ("lifted off", "the quake", "the run-off"); a word several
                # events share binds them all loosely, and the value goes to the one it fits
                level, why = _r("event.words_shared" if shared_word else "event.words")
            elif full and info.noun:
                level, why = _r("event.parties_noun")
            elif full and info.verb:
                level, why = _r("event.parties_verb")
            elif full and info.sentence_word and (len(specific) >= 2 or _ELLIPSIS.match(info.seg.text)):
                # "..., and the union and the employers on Friday, May 5": the verb is the sentence's
                level, why = _r("event.parties_sentence_word")
            elif full and len(specific) >= 2:
                # "Putin on Tuesday presented Biden with a demand": persons named, no word for a talk
                level, why = _r("event.parties_only")
            elif (specific and info.noun and not info.other_event and len(e.parties) >= 2
                  and set(e.parties) <= found | info.sentence_parties):
                # "the premier wrote ... after saying she had a long conversation with the president"
                level, why = _r("event.sentence_parties_noun")
            elif specific and info.noun and not info.other_event:
                level, why = _r("event.one_party_noun")
            elif e.id in info.places and not info.other_event and (
                    info.noun or (info.verb and (info.pair or _THEY.search(info.seg.text)))):
                # "talks in Geneva", "they sat down together in Geneva"; not "is planned in Geneva"
                level, why = _r("event.place_talk")
            elif (e.mode and e.mode in info.modes and self._mode_unique(e) and (info.noun or info.verb)
                  and (info.sentence_parties or _LEADERS.search(info.seg.text))):
                # "the leaders last spoke on Dec. 7, by video": the only event held by video
                level, why = _r("event.mode_talk")
            else:
                continue
            if level > WEAK and not named and info.again and (
                    e.id not in info.words or self._again_after_word(info, e.id)):
                # "they spoke again"; for an event's own word, only "again" right after it ("the
                # quake struck again"), not "the ship sails again after six days of blockage"
                level, why = WEAK, (*why, "event.again")
            if named and self._third_leader(e, info):
                level, why = WEAK, (*why, "event.third_leader")
            if level > WEAK and not named and e.parties and why[0] in ("event.words", "event.words_shared") \
                    and self._others_parties(e, found | info.sentence_parties):
                # "Vondrousova ... after beating Ons Jabeur 6-4, 6-4 in Saturday's final": the final's
                # word, but the sentence names the players of another final and none of this one's
                level, why = WEAK, (*why, "event.others_parties")
            evidence = frozenset(mine | ({f"name:{e.id}"} if named else set())
                                 | ({f"place:{e.place}"} if e.id in info.places else set())
                                 | ({f"mode:{e.mode}"} if e.mode and e.mode in info.modes else set())
                                 | {f"word:{a}-{b}" for a, b in info.words.get(e.id, ())})
            score = len(mine) + (2 if e.id in info.places else 0) + (1 if e.mode in info.modes else 0)
            scored.append((level, score, e.id, why, evidence))
        if not scored:
            return Binding(set_aside=set_aside)
        # an event whose evidence is part of another's (at the same or a higher level) is not the
        # one meant: "Biden's call with Zelenskyy" is not about Biden's call with Putin
        best = [s for s in scored
                if not any((s[4] < o[4] and o[0] >= s[0]) or (s[4] == o[4] and o[0] > s[0]) for o in scored)]
        set_aside.update({s[2]: "event.evidence_subsumed" for s in scored if s not in best})
        alternates: list[str] = []
        groups: dict[frozenset[str], list[Any]] = {}
        for item in best:
            groups.setdefault(item[4], []).append(item)
        kept: list[Any] = []
        for group in groups.values():
            if len(group) > 1:
                near = [g for g in group if self.near_anchor(self.fb.events[g[2]])]
                if near and len(near) < len(group):
                    alternates += [g[2] for g in group if g not in near]
                    set_aside.update({g[2]: "event.dates_set_aside" for g in group if g not in near})
                    group = near
            if len(group) > 1 and all(g[3][0] == "event.sentence_parties_noun" for g in group):
                nearest = self._nearest_missing_party(group, info)
                set_aside.update({g[2]: "event.nearest_missing_party" for g in group if g not in nearest})
                group = nearest
            if len(group) > 1 and self.current in {g[2] for g in group}:
                # the same evidence fits several events ("the call between Biden and Putin"): read it
                # as the one the article is telling about; the others stay as alternates, so a value
                # that agrees with one of them is not held against it
                alternates += [g[2] for g in group if g[2] != self.current]
                set_aside.update({g[2]: "event.discourse_preferred" for g in group if g[2] != self.current})
                group = [g for g in group if g[2] == self.current]
            kept += group
        # the article dates itself far from an event it does not name (bound by its parties or its
        # words): another occurrence ("Biden spoke with Zelenskyy for nearly an hour on Sunday",
        # February 2022)
        kept = [(WEAK, sc, eid, (*why, "event.far_from_dates"), ev)
                if lvl > WEAK and why[0] != "event.named" and self._far(eid) and not self._dated_here(eid, info)
                else (lvl, sc, eid, why, ev)
                for lvl, sc, eid, why, ev in kept]
        if len(kept) == 1 and kept[0][3] == ("event.place_talk",) and alternates and not any(
                not self.fb.parties[h.what].generic and h.what not in self.fb.events[kept[0][2]].parties
                for h in info.hits):
            # "talks in Geneva on Jan. 10" in a story of January: the June summit in Geneva is set
            # aside by the article's dates, one event is left
            kept = [(_lv("event.place_dates"), kept[0][1], kept[0][2], ("event.place_dates",), kept[0][4])]
        if len(kept) == 1 and kept[0][3] == ("event.mode_talk",) and (
                info.pair or _LEADERS.search(info.seg.text)) and not info.irrealis and not any(
                not self.fb.parties[h.what].generic and h.what not in self.fb.events[kept[0][2]].parties
                for h in info.hits):
            # "the leaders last spoke on Dec. 7, by video": the only event held by video, between
            # heads of state, no one else named
            kept = [(_lv("event.mode_leaders"), kept[0][1], kept[0][2], ("event.mode_leaders",), kept[0][4])]
        if len(kept) == 1 and kept[0][3] == ("event.one_party_noun",):
            e = self.fb.events[kept[0][2]]
            foreign = {h.what for h in info.hits} - set(e.parties)
            if not any(not self.fb.parties[p].generic for p in foreign) and (
                    (e.mode and e.mode in info.modes) or e.id == self.current):
                # "Putin said ... at the Tuesday meeting" in a video clip: one party, its mode or the
                # event being told about, nothing else: firm enough
                kept = [(_lv("event.one_party_mode_or_story"), kept[0][1], kept[0][2],
                         ("event.one_party_mode_or_story",), kept[0][4])]
        cands = tuple(s[2] for s in sorted(kept, key=lambda s: (-s[0], -s[1], s[2])))
        spans, modifiers = self._spans(cands, info)
        return Binding(cands, max(s[0] for s in kept), spans, {s[2]: s[3] for s in kept},
                       {s[2]: s[0] for s in kept}, tuple(sorted(set(alternates))), set_aside=set_aside,
                       modifiers=modifiers)

    @staticmethod
    def _again_after_word(info: _SegInfo, event_id: str) -> bool:
        text, start = info.seg.text, info.seg.start
        return any(_again_re().search(text[b - start : b - start + 25]) for _, b in info.words.get(event_id, ()))

    @staticmethod
    def _other_year(e: Event, info: _SegInfo) -> bool:
        """Is the clause's word for this event (its own word, else a word for a talk) qualified by
        another year than the event's?"""
        assert e.date is not None
        if e.id in info.names:
            years = info.name_years.get(e.id, frozenset())
        elif e.id in info.words:
            years = info.word_years.get(e.id, frozenset())
        else:
            years = info.noun_years
        return bool(years) and e.date.year not in years

    @staticmethod
    def _ago_other_year(e: Event, info: _SegInfo) -> bool:
        """Does the clause name the event (or have its own word for it) after dating itself by "<n>
        years ago" to a year more than one from the event's ("Four years ago they lost the final" in a
        page of 2012, for a final of 2012)?"""
        assert e.date is not None
        spans = [*info.names.get(e.id, ()), *info.words.get(e.id, ())]
        if not info.ago_years or not spans:
            return False
        # (the phrase before the event's word: "Four years ago they lost the final", not "a settlement
        # of the lawsuit the players filed almost three years ago", whose phrase is the lawsuit's)
        first = min(a for a, _ in spans)
        before = [y for y, at in info.ago_years if at < first]
        return bool(before) and all(abs(e.date.year - y) > 1 for y in before)

    def _dated_here(self, event_id: str, info: _SegInfo) -> bool:
        """Does the clause itself give the event's date, to the month at least ("since its launch in
        November 2021" for a launch on 24 November 2021)? Then a column written years later still
        tells of this occurrence (event.far_from_dates does not apply)."""
        d = self.fb.events[event_id].date
        if d is None or not any(ch.isdigit() for ch in info.seg.text):
            return False
        for r in read_dates(info.seg.text):
            v: DateValue = r.value
            if v.year == d.year and v.month == d.month and v.day in (None, d.day):
                return True
        return False

    def _far(self, event_id: str, days: int | None = None) -> bool:
        d = self.fb.events[event_id].date
        if d is None or not self.explicit_anchors:
            return False
        limit = tune("far_article_days") if days is None else days
        return all(abs((d - a).days) > limit for a in self.explicit_anchors)

    def _third_leader(self, e: Event, info: _SegInfo) -> bool:
        """"Biden and Xi hold virtual summit": a leader of a country none of the event's parties
        leads, and not all the parties named."""
        countries = {self.fb.parties[p].country for p in e.parties if p in self.fb.parties}
        if len(countries - {None}) < 2:
            return False  # a talk between countries' leaders only: a leader congratulating a winner is no rival
        found = {h.what for h in info.hits}
        return bool(info.leaders - countries) and not set(e.parties) <= found

    def _mode_rival(self, e: Event, mine: set[str], info: _SegInfo) -> bool:
        """Is there another event with these parties whose mode the clause does say?"""
        if not mine:
            return True
        # (an event holding all of `mine` is among the events of any one of them)
        return any(x.id != e.id and mine <= set(x.parties) and (x.mode in info.modes or x.id in info.names)
                   for x in (self.fb.events[eid] for eid in self._index.by_party.get(next(iter(mine)), ())))

    def _mode_unique(self, e: Event) -> bool:
        return self._index.mode_count.get(e.mode, 0) == 1

    def _elsewhere(self, info: _SegInfo, event: str) -> bool:
        """Does the segment name a person or place of another event ("in Geneva", "Zelensky")?"""
        ev = self.fb.events[event]
        if any(h.what not in ev.parties and not self.fb.parties[h.what].generic for h in info.hits):
            return True
        return any(e != event and self.fb.events[e].place != ev.place for e in info.places)

    def _nearest_missing_party(self, best: list[Any], info: _SegInfo) -> list[Any]:
        """"Zelenskyy wrote ... after saying he had a conversation with Biden": of the events whose
        other party is named elsewhere in the sentence, the one whose party is named nearest."""
        seg = info.seg
        here = {h.what for h in info.hits}

        def dist(eid: str) -> int:
            missing = set(self.fb.events[eid].parties) - here
            ds = [max(seg.start - h.end, h.start - seg.end, 0) for h in info.sentence_hits if h.what in missing]
            return min(ds) if ds else 10**6

        ranked = sorted(best, key=lambda s: dist(s[2]))
        d1, d2 = dist(ranked[0][2]), dist(ranked[1][2])
        return [ranked[0]] if d1 <= 0.6 * d2 and d1 < d2 else best

    @staticmethod
    def _cap(b: Binding, info: _SegInfo) -> Binding:
        """A negated or hypothetical clause binds at most loosely: it can agree, never accuse."""
        if info.irrealis and b.level > WEAK:
            return Binding(b.candidates, WEAK, b.spans, {e: (*w, "event.irrealis") for e, w in b.why.items()},
                           {e: WEAK for e in b.candidates}, b.alternates)
        return b

    def _spans(self, cands: tuple[str, ...], info: _SegInfo) -> tuple[dict[str, tuple[tuple[int, int], ...]],
                                                                         frozenset[str]]:
        """Evidence that tells each candidate apart from the others, and the candidates with a name
        that only modifies another's."""
        parties_of = {e: set(self.fb.events[e].parties) for e in cands}
        shared = set.intersection(*parties_of.values()) if parties_of else set()
        out: dict[str, tuple[tuple[int, int], ...]] = {}
        modifiers: set[str] = set()
        for e in cands:
            # an event's name right before another's is a modifier, the other the head of the
            # phrase ("Phase 1 hearings", "the Apollo 11 splashdown"): where the phrase stands, the
            # evidence is the head's, not the modifier's (a word of an event after another's name is
            # no head: "the FA Cup final" is the cup's final, not the one the article is about)
            heads = {c for o in cands if o != e for c, _ in info.names.get(o, ())}
            names = [(a, b) for a, b in info.names.get(e, []) if not (heads & {b, b + 1})]
            if len(names) < len(info.names.get(e, [])):
                modifiers.add(e)
            spans = names + list(info.places.get(e, [])) + list(info.words.get(e, []))
            spans += [(h.start, h.end) for h in info.hits if h.what in parties_of[e] and h.what not in shared]
            out[e] = tuple(sorted(spans))
        return out, frozenset(modifiers)

    # -- sentences -----------------------------------------------------------------------------
    def sentence(self, s: Sentence) -> list[Binding]:
        modes = self.modes
        # modes said in the sentence's main clauses hold for all of it; an "after the video call"
        # clause speaks of another event and lends its mode to no one
        sentence_modes = {m for m, rx in modes.items() for g in s.segments if not g.anchor and rx.search(g.text)}
        infos = [self._info(g, sentence_modes) for g in s.segments]
        talk = any(i.noun or i.verb for i in infos)
        named = frozenset(h.what for i in infos for h in i.hits if not self.fb.parties[h.what].generic)
        all_hits = tuple(h for i in infos for h in i.hits)
        for i in infos:
            i.sentence_word = talk
            i.sentence_parties = named
            i.sentence_hits = all_hits
        out = [self._cap(self._candidates(i), i) for i in infos]
        # a relative clause speaks of what the clause before it is about (", which the ministry
        # said went on for about three hours")
        for k in range(1, len(out)):
            # (unless it has its own event's words and the clause before does not name its event:
            # "replaced him with Jeremy Hunt, who on Monday tore up the plan")
            if (_RELATIVE.match(infos[k].seg.text) and out[k - 1].candidates and not infos[k].names
                    and (out[k].level < MEDIUM or out[k - 1].level >= STRONG)):
                prev = out[k - 1]
                out[k] = Binding(prev.candidates, prev.level, prev.spans,
                                 {e: (*w, "event.relative_clause") for e, w in prev.why.items()},
                                 dict(prev.levels), prev.alternates, prev.by_reference, modifiers=prev.modifiers)
        # a clause naming both leaders loosely ("Biden warned Putin on Tuesday 7 December that ...")
        # in a sentence whose other main clause names the event (", as the two leaders held a video
        # call"): one sentence, one event
        firm_events = {e for b, i in zip(out, infos) if not i.seg.anchor and b.level >= MEDIUM
                       for e in b.candidates if b.level_of(e) >= MEDIUM}
        for k, (b, info) in enumerate(zip(out, infos)):
            if info.seg.anchor or b.level != WEAK or info.irrealis:
                continue
            shared = [e for e in b.candidates if e in firm_events]
            if len(shared) == 1:
                lv = _lv("event.sentence_names_it")
                out[k] = Binding((shared[0],), lv, {shared[0]: b.spans.get(shared[0], ())},
                                 {shared[0]: (*b.why.get(shared[0], ()), "event.sentence_names_it")},
                                 {shared[0]: lv}, b.alternates)
        # first the clauses that speak of a talk without naming it: the event in discourse
        for k, (b, info) in enumerate(zip(out, infos)):
            if b.candidates or not self.current or info.other_event or self._elsewhere(info, self.current):
                continue
            if not (info.noun or info.pair or (info.verb and not info.seg.anchor)):
                continue
            ev = self.fb.events[self.current]
            if ev.mode and info.modes and ev.mode not in info.modes:
                continue
            if ev.words and not ev.parties and not words_re("happening_verbs").search(info.seg.text):
                # a word for a talk ("an emergency summit", "leaders met") refers back to a talk; an
                # event of another kind with words of its own (a quake, a launch) is not one, though
                # a verb any happening takes ("the transaction was concluded") may refer to it
                continue
            # "They talked for just over two hours": a talk with no one else named in the clause
            firm = (info.noun or (info.verb and not info.hits)) and not info.seg.anchor
            rid = "event.in_discourse" if firm else "event.in_discourse_loose"
            out[k] = Binding((self.current,), _lv(rid), {self.current: ()}, {self.current: (rid,)},
                             by_reference=True)
        # then clauses with no event and no talk of their own take the sentence's ("On Monday, ...
        # Blinken had a conversation with Zelensky")
        main = [b for b, i in zip(out, infos) if b.candidates and not i.seg.anchor]
        main_events = tuple(dict.fromkeys(e for b in main for e in b.candidates))
        for k, (b, info) in enumerate(zip(out, infos)):
            if b.candidates or info.seg.anchor or not main or info.noun or info.verb:
                continue
            if any(self._elsewhere(info, e) for e in main_events):
                continue  # "..., and Zelensky on Thursday": another person, another event
            if all(";" in s.text[min(g.end, info.seg.start) - s.start : max(g.start, info.seg.end) - s.start]
                   for g, x in zip(s.segments, out) if x in main):
                continue  # "...had 30 members; North Macedonia had become the 30th in March 2020"
            # a bracket right after a clause glosses that clause ("struck at 1:14 p.m. on Tuesday
            # (1914 GMT), ... since the 1985 disaster"): it takes that clause's events, not the
            # sentence's
            glossed = (k > 0 and out[k - 1] in main and _BRACKET_BEFORE.search(s.text, 0, info.seg.start - s.start)
                       is not None)
            these = [out[k - 1]] if glossed else main
            taken = tuple(dict.fromkeys(e for b in these for e in b.candidates))
            rid = "event.bracket_gloss" if glossed else "event.same_sentence"
            lvl = min(x.level for x in these)
            spans: dict[str, tuple[tuple[int, int], ...]] = {}
            for x in these:
                for e, sp in x.spans.items():
                    spans[e] = spans.get(e, ()) + sp
            alts = tuple(sorted({a for x in these for a in x.alternates}))
            why_same = {e: (*_first_why(these, e), rid) for e in taken}
            out[k] = Binding(taken, lvl, spans, why_same,
                             {e: lvl for e in taken}, alts, by_reference=True,
                             modifiers=frozenset(e for x in these for e in x.modifiers))
        # an after/before clause with no evidence of its own, in a sentence about one event ("went
        # into the cave after practice on Saturday, June 23"): its date is loosely the event's; it
        # can agree, never accuse
        if len(main_events) == 1:
            rid = "event.anchor_plain"
            for k, (b, info) in enumerate(zip(out, infos)):
                if (not info.seg.anchor or info.seg.anchor_word not in _PLAIN_ANCHORS or b.candidates
                        or b.set_aside or info.other_event or info.hits or info.noun or info.verb
                        or info.irrealis or info.words or info.names):
                    continue
                e = main_events[0]
                out[k] = Binding((e,), _lv(rid), {e: ()}, {e: (rid,)}, {e: _lv(rid)}, by_reference=True)
        # a clause with no event of its own that names the place one event's place fact gives ("the
        # rocket climbed away from Pad 39B at the third attempt"): loosely about that event; it can
        # agree, never accuse
        own_places = _own_places(self.fb)
        if own_places is not None:
            rid = "event.own_place"
            for k, (b, info) in enumerate(zip(out, infos)):
                if b.candidates or b.set_aside or info.other_event or info.hits:
                    continue
                found = {(own_places[1][m.group(0).casefold()], m.start(), m.end())
                         for m in own_places[0].finditer(info.seg.text)}
                events = {e for e, _, _ in found}
                if len(events) != 1:
                    continue
                e = events.pop()
                at = tuple((info.seg.start + a, info.seg.start + z) for _, a, z in sorted(found))
                out[k] = Binding((e,), _lv(rid), {e: at}, {e: (rid,)}, by_reference=True)
        # a line of clock times alone ("18:02 WITA | 10:02 UTC | 10:02 BST") over the entry it stamps
        # ("Main shock: magnitude 7.5 ..."): loosely about the one event that entry names, not the
        # one in discourse (the entry before); it can agree, never accuse
        headed = self._stamp_row_heads(s) if any(not b.candidates for b in out) else None
        if headed is not None:
            rid = "event.stamp_heads_entry"
            for k, (b, info) in enumerate(zip(out, infos)):
                if b.candidates or b.set_aside or info.other_event or info.hits:
                    continue
                out[k] = Binding((headed,), _lv(rid), {headed: ()}, {headed: (rid,)}, by_reference=True)
        # events of any kind (no parties, bound by their own words): a clause with no evidence at all
        # is loosely about the event the article is telling about ("The rocket thundered off its pad
        # early Wednesday" after "... lifted off"); it can agree, never accuse
        cur = self.fb.events.get(self.current or self.dated_event or "")
        # ... or, before any clause has told which, the event that falls on the day of the dateline
        rid = "event.in_story" if self.current else "event.dateline_day"
        # ... but a timeline line stamped with the day of one event the article tells of ("Nov. 21 —
        # Orion skims the lunar surface at 130 km", under "30 October" / "Polls close at 17:00") is about
        # that event, not the one in discourse
        if any(not b.candidates for b in out):
            on_day = self._stamp_event(s, blog=cur is not None)
            if on_day is not None:
                cur, rid = self.fb.events[on_day], "event.stamp_day"
        if cur is not None and (not cur.parties or rid == "event.stamp_day"):
            for k, (b, info) in enumerate(zip(out, infos)):
                if b.candidates or b.set_aside or info.seg.anchor or info.other_event or info.hits:
                    continue
                out[k] = Binding((cur.id,), _lv(rid), {cur.id: ()}, {cur.id: (rid,)}, by_reference=True)
        # a sentence with no evidence of its own that answers the one before ("When did it strike?" /
        # "At 22:11 UTC on Friday 8 September") or refers back to it ("It crossed that line on
        # Saturday", "The operation began at 10:00"): loosely about the previous sentence's events;
        # it can agree, never accuse
        if self.prev_firm and (self.prev_question or _back_start_re().match(s.text)):
            rid = "event.previous_sentence"
            for k, (b, info) in enumerate(zip(out, infos)):
                if b.candidates or b.set_aside or info.other_event or info.hits or info.irrealis:
                    continue
                before = self.prev_firm
                out[k] = Binding(before, _lv(rid), {e: () for e in before}, {e: (rid,) for e in before},
                                 {e: _lv(rid) for e in before}, by_reference=True)
        firm_here = tuple(sorted({e for b, i in zip(out, infos) if not i.seg.anchor and b.level >= MEDIUM
                                  and not b.by_reference for e in b.candidates if b.level_of(e) >= MEDIUM}))
        self.prev_firm, self.prev_question = firm_here, s.text.rstrip().endswith("?")
        # the event in discourse: the one the sentence's main clauses are firmly about
        resolved = [b for b, i in zip(out, infos) if b.candidates and not i.seg.anchor
                    and (b.level >= MEDIUM or self.current is None)]
        evs = {e for b in resolved for e in b.candidates}
        if len(evs) == 1:
            self.current = next(iter(evs))
            if not self.history or self.history[-1] != self.current:
                self.history.append(self.current)
        return out
