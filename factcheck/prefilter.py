"""One automaton for a whole fact base: which patterns can match a text, in one scan of it.

Each user pattern (cues, event names and words) is reduced to the literal words it cannot match
without: for every top-level branch of the expression, its longest run of literal characters
(three or more) that every match of that branch contains ("prime\\s+minister" needs "minister";
"deadliest|worst" needs "deadliest" or "worst"). A pattern with a branch that has no such run (a
character class, an optional part only, a construct the parser does not know) is *always* a
candidate. One Aho–Corasick automaton (pyahocorasick) of every such word, over the lower-cased
text, then tells which patterns may match: the others cannot, and are not run. The prefilter is
conservative by construction: it never drops a pattern that could match; it only spares the regular
expressions that could not. Case: the patterns are matched with the `regex` module's IGNORECASE,
which takes a few characters for others that `str.casefold` keeps apart ("ı" for "I", "ſ" for "s",
"İ" for "i"); a text holding such a character for a letter of the patterns' words is not scanned,
every pattern is a candidate there (`_unsure`).

`WordStarts` is the same scan for literal phrases whose start positions matter (the parties'
aliases, factcheck/bind.py): where each may begin, to be confirmed by its own regex there.
`Capitals` tells where the capitals of a few letters stand (`str.find`, no scan of every
capitalised word): where a surname or a garbled alias may begin (factcheck/quick.py).
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
import string
import weakref
from collections.abc import Callable, Hashable, Iterable
from functools import cache
from typing import Any

import ahocorasick
import regex
from regex import _regex

from factcheck.lang import alternation

_MIN = 3  # a shorter literal ("of", "a") is in almost every text: it rules nothing out
_MAX_FORKS = 8  # at most this many spellings of one run of literals ("B-?9": "b-9", "b9")


#: `literals` by pattern text: a function of the text alone, which the loader keeps between runs
#: with the compiled patterns (factbase/load.py, `PatternCache`)
LITERALS: dict[str, tuple[frozenset[str] | None, frozenset[str]]] = {}
_MAX_LITERALS = 50_000


def literals(source: str) -> tuple[frozenset[str] | None, frozenset[str]]:
    """`required_literals(source)`, and every literal character of the pattern (what its words are
    made of, as written)."""
    got = LITERALS.get(source)
    if got is None:
        try:
            tree = P.parse(source, C.SRE_FLAG_IGNORECASE)
        except Exception:  # noqa: BLE001 - the `regex` module's syntax (\p{L}, possessives ...): cannot tell
            got = (None, frozenset())
        else:
            got = (_alternatives(list(tree)), frozenset(_literal_chars(tree, set())))
        if len(LITERALS) >= _MAX_LITERALS:
            LITERALS.clear()
        LITERALS[source] = got
    return got


def starts_with_letter(source: str) -> bool:
    """Does every match of `source` begin with a letter? (False when it cannot tell: the `regex`
    module's own syntax, a class, an optional start.)"""
    try:
        tree = P.parse(source, C.SRE_FLAG_IGNORECASE)
    except Exception:  # noqa: BLE001 - the `regex` module's syntax: cannot tell
        return False
    return _first_is_letter(list(tree))


def _first_is_letter(seq: list[Any]) -> bool:
    for op, arg in seq:
        if op is C.AT:
            continue  # \b, ^: zero-width, the next item starts the match
        if op is C.LITERAL:
            return chr(arg).isalpha()
        if op is C.BRANCH:
            return all(_first_is_letter(list(b)) for b in arg[1])
        if op is C.SUBPATTERN:
            return _first_is_letter(list(arg[-1]))
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            return arg[0] >= 1 and _first_is_letter(list(arg[2]))
        return False
    return False


def required_literals(source: str) -> frozenset[str] | None:
    """Case-folded words one of which every match of `source` contains; None when it cannot tell."""
    return literals(source)[0]


def _literal_chars(seq: Any, out: set[str]) -> set[str]:
    """Every literal character of a parsed pattern (the words of `required_literals` are made of them)."""
    for op, arg in seq:
        if op is C.LITERAL:
            out.add(chr(arg))
        elif op is C.SUBPATTERN:
            _literal_chars(arg[-1], out)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            _literal_chars(arg[2], out)
        elif op is C.BRANCH:
            for branch in arg[1]:
                _literal_chars(branch, out)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _literal_chars(arg[1], out)
    return out


def cases(ch: str) -> list[str]:
    """The characters the `regex` module's IGNORECASE matches for `ch`, `ch` included."""
    return [chr(c) for c in _regex.get_all_cases(regex.IGNORECASE, ord(ch))]


def _exotic(chars: Iterable[str], fold: Any) -> frozenset[str]:
    """The characters a text may hold for one of `chars` under IGNORECASE that `fold` does not fold
    like it: where they stand, a scan of the folded text could miss a match."""
    out: set[str] = set()
    for a in chars:
        for d in cases(a):
            if fold(d) != fold(a):
                out.add(d)
    return frozenset(out)


def _unsure(text: str, exotic: frozenset[str]) -> bool:
    """Does `text` hold one of the characters folding cannot be trusted with?"""
    if not exotic:
        return False
    if len(exotic) <= 8:
        return any(c in text for c in exotic)
    return not exotic.isdisjoint(text)


def _alternatives(seq: list[Any]) -> frozenset[str] | None:
    """The words one of which a match of this sequence must contain."""
    if len(seq) == 1 and seq[0][0] is C.BRANCH:
        out: set[str] = set()
        for branch in seq[0][1][1]:
            words = _alternatives(list(branch))
            if words is None:
                return None
            out |= words
        return frozenset(out)
    best: frozenset[str] | None = None
    runs: list[str] = [""]  # the current run of literals; an optional character forks it ("B-?9")

    def flush() -> None:
        nonlocal best, runs
        folded = {r.casefold() for r in runs}
        # "quakes?" forks into "quake" and "quakes": a match holds "quake" either way
        words = frozenset(w for w in folded if not any(o != w and o in w for o in folded))
        runs = [""]
        if all(_long_enough(w) for w in words) and (best is None or min(map(len, best)) < min(map(len, words))):
            best = words

    for op, arg in seq:
        if op is C.LITERAL and (arg == 32 or not chr(arg).isspace()):
            runs = [r + chr(arg) for r in runs]
            continue
        if _is_space(op, arg):
            runs = [r + " " for r in runs]  # "\s": the scanned text has each run of spaces as one
            continue
        if (op is C.MAX_REPEAT and len(arg[2]) == 1 and _is_space(*arg[2][0]) and len(runs) < _MAX_FORKS):
            # "\s+", "\s*", "\s?": one space in the scanned text, or (may be none) none
            runs = [r + " " for r in runs] + (runs if arg[0] == 0 else [])
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the literals on either side are still consecutive in any match
        if (op is C.MAX_REPEAT and arg[0] == 0 and arg[1] == 1 and len(arg[2]) == 1
                and arg[2][0][0] is C.LITERAL and len(runs) < _MAX_FORKS):
            runs = [r + chr(arg[2][0][1]) for r in runs] + runs  # "-?": with it and without it
            continue
        if op is C.BRANCH and runs != [""]:
            # the parser takes the common start out of a branch ("qlikel|qmusev" is "q" then
            # "likel|musev"): put it back before each branch's leading literals
            joined = _joined(runs, arg[1])
            if joined is not None:
                runs = [""]
                if best is None or min(map(len, joined)) > min(map(len, best)):
                    best = joined
                continue
        flush()
        inner: frozenset[str] | None = None
        if op is C.SUBPATTERN:
            inner = _alternatives(list(arg[-1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _alternatives(list(arg[2]))
        elif op is C.BRANCH:
            inner = _alternatives([(op, arg)])
        if inner and (best is None or min(map(len, inner)) > min(map(len, best))):
            best = inner
    flush()
    return best


def _joined(runs: list[str], branches: list[Any]) -> frozenset[str] | None:
    """Words every match of `runs` followed by one of `branches` holds: each run with the branch's
    leading literals; None when a branch gives no word long enough that way or of its own."""
    out: set[str] = set()
    for branch in branches:
        lead = ""
        for op, arg in branch:
            if op is not C.LITERAL or chr(arg).isspace():
                break
            lead += chr(arg)
        words = {(r + lead).casefold() for r in runs}
        own = _alternatives(list(branch))
        if all(_long_enough(w) for w in words) and (own is None or min(map(len, own)) <= min(map(len, words))):
            out |= words
        elif own is not None:
            out |= own
        else:
            return None
    return frozenset(out)


def _is_space(op: Any, arg: Any) -> bool:
    r"""Is this parsed item `\s` (any whitespace character)?"""
    return op is C.IN and len(arg) == 1 and arg[0] == (C.CATEGORY, C.CATEGORY_SPACE)


@cache
def _odd_spaces() -> frozenset[str]:
    r"""Characters `\s` matches that `str.split` does not split on (the scan's text joins runs of
    whitespace into one space; a text holding one of these is not scanned)."""
    return frozenset(c for c in map(chr, range(0x3100)) if regex.match(r"\s", c) and not c.isspace())


def _long_enough(word: str) -> bool:
    """Three characters or more; or two of a letter and a digit ("b9", "g7"): rare in any text."""
    return len(word) >= _MIN or (len(word) == 2 and any(c.isdigit() for c in word)
                                 and any(c.isalpha() for c in word))


def _unsure_chars(chars: set[str], by_word: dict[str, Any]) -> tuple[frozenset[str], bool]:
    """The characters that make a text unsure for these words, and whether a word has a space (the
    text is then scanned with each run of whitespace as one space)."""
    exotic = _exotic(chars, str.casefold)
    spaced = any(" " in w for w in by_word)
    return (exotic | _odd_spaces() if spaced else exotic), spaced


def _automaton(by_word: dict[str, Any]) -> Any:
    """One Aho–Corasick automaton of the words, each with the frozenset of its keys (None: no words)."""
    if not by_word:
        return None
    auto = ahocorasick.Automaton()
    for w, keys in by_word.items():
        auto.add_word(w, frozenset(keys))
    auto.make_automaton()
    return auto


class Prefilter:
    """Which of many patterns may match a text. Build once per fact base; `candidates` scans a text once."""

    def __init__(self, patterns: Iterable[tuple[Hashable, str]]):
        self.always: set[Hashable] = set()
        self.keys: set[Hashable] = set()
        by_word: dict[str, set[Hashable]] = {}
        chars: set[str] = set()
        for key, source in patterns:
            self.keys.add(key)
            words, used = literals(source)
            if not words:
                self.always.add(key)
                continue
            chars |= used
            for w in words:
                by_word.setdefault(w, set()).add(key)
        self._exotic, self._spaced = _unsure_chars(chars, by_word)
        self._last: tuple[str, frozenset[Hashable]] | None = None
        self._auto: Any = _automaton(by_word)

    def candidates(self, text: str) -> set[Hashable]:
        """The keys whose pattern may match `text` (a superset of those that do)."""
        last = self._last
        if last is not None and last[0] is text:
            return set(last[1])  # the same text again (the quick scan, then the checker)
        if _unsure(text, self._exotic):
            return set(self.keys)
        out = set(self.always)
        if self._auto is not None:
            low = text.casefold()
            if self._spaced:
                low = " ".join(low.split())
            for _, keys in self._auto.iter(low):
                out |= keys
        self._last = (text, frozenset(out))
        return out


class Groups:
    """Several prefilters of one base in one automaton: one scan of a text tells each group's
    candidates (the cues of the base's facts, the names and words of its events, its events'
    places). `view(group)` behaves as that group's own `Prefilter` (the same candidates, or more
    when the text holds a character one group's words make it unsure of)."""

    def __init__(self, groups: dict[str, Iterable[tuple[Hashable, str]]]):
        self.patterns = {g: list(ps) for g, ps in groups.items()}
        self.always: dict[str, set[Hashable]] = {g: set() for g in groups}
        self.keys: dict[str, set[Hashable]] = {g: set() for g in groups}
        by_word: dict[str, set[tuple[str, Hashable]]] = {}
        chars: set[str] = set()
        for g, patterns in self.patterns.items():
            for key, source in patterns:
                self.keys[g].add(key)
                words, used = literals(source)
                if not words:
                    self.always[g].add(key)
                    continue
                chars |= used
                for w in words:
                    by_word.setdefault(w, set()).add((g, key))
        self._exotic, self._spaced = _unsure_chars(chars, by_word)
        self._last: tuple[str, dict[str, frozenset[Hashable]]] | None = None
        self._auto: Any = _automaton(by_word)
        self._none = {g: frozenset(a) for g, a in self.always.items()}  # a text with none of the words

    def scan(self, text: str) -> dict[str, frozenset[Hashable]]:
        """Each group's candidates in `text` (remembered for the last text: the quick scan, then
        the checker, ask of the same one)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        if _unsure(text, self._exotic):
            out = {g: frozenset(k) for g, k in self.keys.items()}
        else:
            seen: set[frozenset[tuple[str, Hashable]]] = set()
            if self._auto is not None:
                low = text.casefold()
                if self._spaced:
                    low = " ".join(low.split())
                seen.update(keys for _, keys in self._auto.iter(low))
            if seen:
                found: dict[str, set[Hashable]] = {g: set(a) for g, a in self.always.items()}
                for keys in seen:
                    for g, k in keys:
                        found[g].add(k)
                out = {g: frozenset(k) for g, k in found.items()}
            else:
                out = self._none  # no word of the base: most articles of other stories
        self._last = (text, out)
        return out

    def view(self, group: str) -> GroupView:
        return GroupView(self, group, self.patterns[group])


class GroupView:
    """One group of a `Groups` scan, with `Prefilter`'s interface: `whole(text)` for a whole article
    (one scan serves every group), `candidates(text)` for a sentence or a clause (the group's own
    automaton: fewer words, fewer hits than all the groups')."""

    def __init__(self, groups: Groups, group: str, patterns: list[tuple[Hashable, str]]):
        self.groups = groups
        self.group = group
        self.always = groups.always[group]
        self.keys = groups.keys[group]
        self._patterns = patterns
        self._own: Prefilter | None = None

    def whole(self, text: str) -> set[Hashable]:
        return set(self.groups.scan(text)[self.group])

    def candidates(self, text: str) -> set[Hashable]:
        if self._own is None:
            self._own = Prefilter(self._patterns)
        return self._own.candidates(text)


class WordStarts:
    """Where literal words may begin in a text, in one scan: each word (as the regex module reads it
    case-insensitively) with the payloads given for it. The scan is of `text.lower()` (same length,
    so positions hold); a text it cannot be trusted with (a character IGNORECASE takes for a letter of
    the words that `str.lower` does not turn into it, a final sigma, a lower case of another length)
    gets None: the caller searches it otherwise."""

    def __init__(self, words: Iterable[tuple[str, Hashable]]):
        by_word: dict[str, list[Hashable]] = {}
        for word, payload in words:
            if not word:
                raise ValueError("an empty word starts everywhere")
            by_word.setdefault(word, []).append(payload)
        # a character that lower-cases to another than the word's letter (the word's own letter
        # too, when it is not lower case); str.lower makes a capital sigma final or not by what follows
        self._exotic = frozenset(d for a in {c for w in by_word for c in w} for d in cases(a)
                                 if d.lower() != a or d == "\u03a3")
        self._auto: Any = None
        if by_word:
            auto = ahocorasick.Automaton()
            for w, payloads in by_word.items():
                auto.add_word(w, (len(w) - 1, tuple(payloads)))
            auto.make_automaton()
            self._auto = auto

    def starts(self, text: str) -> list[tuple[int, tuple[Hashable, ...]]] | None:
        """(start, payloads) of every occurrence of a word, by end; None: cannot tell for this text."""
        if self._auto is None:
            return []
        if _unsure(text, self._exotic):
            return None
        low = text.lower()
        if len(low) != len(text):
            return None
        return [(end - back, payloads) for end, (back, payloads) in self._auto.iter(low)]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # the standard module's set search: faster than `regex`'s here
_UPPER = regex.compile(r"\p{Lu}")


class Capitals:
    """Where a capitalised word may start whose capital is one of some (`opens(c)`, asked once per
    character): the few capitals of the first letters of a base's names and fuzzy aliases
    (factcheck/quick.py). An article of another story holds a few dozen capitalised words; a
    regular expression for all of them tried at every character costs more than the rest of the
    quick path's questions together, and most of those words open nothing. `str.find` of each
    ASCII capital that opens costs a few hundredths of that; the other characters are looked at only
    in a text that has some (a set search). The caller matches its own word there (a position may
    start none: a capital inside a word)."""

    _MEMO = 10_000  # characters remembered: a bound over a long run of texts in many scripts

    def __init__(self, opens: Callable[[str], bool]):
        self._opens = opens
        self.ascii = "".join(c for c in string.ascii_uppercase if opens(c))
        self._other: dict[str, bool] = {}

    def opens(self, c: str) -> bool:
        """`opens(c)` for a capital `c` (False for a character that is not one); remembered."""
        got = self._other.get(c)
        if got is None:
            if len(self._other) >= self._MEMO:
                self._other.clear()
            got = self._other[c] = _UPPER.fullmatch(c) is not None and self._opens(c)
        return got

    def at(self, text: str) -> list[int]:
        """Every position of `text` that holds a capital that opens (in no particular order)."""
        out: list[int] = []
        find = text.find
        for c in self.ascii:
            i = find(c)
            while i >= 0:
                out.append(i)
                i = find(c, i + 1)
        if not text.isascii():
            opens = self.opens
            out.extend(m.start() for m in _NON_ASCII.finditer(text) if opens(m.group()))
        return out


_BY_BASE: dict[tuple[int, str], Any] = {}


def per_base(fb: Any, what: str, build: Any) -> Any:
    """`build()`, once per fact base (and per process): compiled tables that depend on the base only."""
    key = (id(fb), what)
    value = _BY_BASE.get(key)
    if value is None:
        value = _BY_BASE[key] = build()
        weakref.finalize(fb, _BY_BASE.pop, key, None)
    return value


#: every match of the binder's "the leaders of X and Y" (factcheck/bind.py, `PartyFinder.leaders_re`)
#: holds one of these words
LEADER_WORDS = r"leaders?|presidents?|heads?\s+of\s+state"


def alias_pattern(alias: str) -> str:
    """The pattern the binder matches a party's (lower-cased) alias by (`PartyFinder`, IGNORECASE)."""
    return alternation([alias])


def base_scan(fb: Any) -> Groups:
    """One automaton of a fact base's cues, event names and words, event places and the names of
    its place facts: one scan of an article serves `cue_prefilter`, `event_prefilter` and the
    binder's places; built once per base (and per worker process). The same scan tells the quick
    path (factcheck/quick.py) whether a party's alias or the leader words may be in the article
    ("aliases", keyed by the lower-cased alias, and "leaders"): a second and a third scan of every
    article otherwise."""
    groups: Groups = per_base(fb, "base_scan", lambda: Groups({
        "cues": [((f.id, i), p.source) for f in fb.facts for i, p in enumerate(f.cues)],
        "events": [((part, e.id, i), p.source) for e in fb.events.values()
                   for part in ("names", "words") for i, p in enumerate(getattr(e, part))],
        "places": [(e.id, regex.escape(e.place)) for e in fb.events.values() if e.place],
        # the names an event's `place` facts accept: the quick path's question of event.own_place
        # (factcheck/bind.py, `_own_places`) is asked only when one of them may be in the text
        "own_places": [(name, regex.escape(name)) for name in sorted({
            " ".join(str(v).split()) for f in fb.facts if f.kind == "place" and f.event
            for v in (f.value, *(x.value for x in f.variants))} - {""})],
        "aliases": [(a, alias_pattern(a)) for a in sorted({a.lower() for p in fb.parties.values()
                                                             for a in (p.name, *p.aliases)})],
        "leaders": [(0, LEADER_WORDS)],
    }))
    return groups


def cue_prefilter(fb: Any) -> GroupView:
    """The prefilter of every cue pattern of a fact base, keyed (fact id, cue index)."""
    view: GroupView = per_base(fb, "cues", lambda: base_scan(fb).view("cues"))
    return view


def event_prefilter(fb: Any) -> GroupView:
    """The prefilter of every event's names and words, keyed ("names" or "words", event id, index)."""
    view: GroupView = per_base(fb, "events", lambda: base_scan(fb).view("events"))
    return view


def place_prefilter(fb: Any) -> GroupView:
    """Which events' places an article may name, keyed by event id."""
    view: GroupView = per_base(fb, "places", lambda: base_scan(fb).view("places"))
    return view
