"""Runaway patterns: the inputs a user pattern is tried on, and which patterns need trying.

The loader and `factcheck lint` share this module, so they agree on which pattern can backtrack
for ever (FB031). `runs_away(rx)` tries a compiled pattern on `runaway_probes(src)` (long runs of
what it names, each search limited to RUNAWAY_TIMEOUT) unless `needs_probes(src)` shows it cannot
backtrack catastrophically; the verdict is cached by pattern text and flags, so a pattern written
in many facts (or loaded, then linted) is probed once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

RUNAWAY_TIMEOUT = 0.2  # seconds a probe may take before the pattern is said to run away

SHOWN = 60  # characters of a pattern shown in a message; a longer one is cut


def shown(pattern: str) -> str:
    """A pattern for a message: repr, cut after SHOWN characters."""
    return repr(pattern) if len(pattern) <= SHOWN else repr(pattern[:SHOWN]) + f"... ({len(pattern)} characters)"


# -- the probes ------------------------------------------------------------------------------------

_PROBE_LEN = 3000
_MAX_PROBES = 24
_ESCAPE = regex.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|x\{([0-9A-Fa-f]{1,6})\}"
                        r"|N\{([^}]{1,80})\}|([^\w\s]))")
# what is no literal text: a class escape (\d, \p{L}), a group opening, a repetition
_OPERATOR = regex.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\\[A-Za-z]|\(\?(?:P?<[^>]*>|[a-zA-Z-]*[:)]|[=!<>]{1,2})?"
                          r"|\{\d*,?\d*\}|[|()\[\]?*+{}^$.]")
_BASE_PROBES = ("a" * 4000 + "!", " " * 4000 + "!", "aa " * 1500 + "!", "1," * 2000 + "x", "1" * 4000 + "!")


def _escaped(m: regex.Match[str]) -> str:
    """The character an escape stands for (a space when it names none)."""
    code = m.group(1) or m.group(2) or m.group(3) or m.group(4)
    if code:
        try:
            return chr(int(code, 16))
        except (ValueError, OverflowError):
            return " "
    if m.group(5):
        try:
            return unicodedata.lookup(m.group(5))
        except KeyError:
            return " "
    return m.group(6)  # \. \- \| ...: the character itself


def literal_chunks(src: str) -> list[str]:
    """The literal texts of a pattern, between its operators, with escapes decoded:
    '(?:\\u00e9|\\u00e9\\u00e9)+z' gives ['é', 'éé', 'z']; '(?:ab|ab)+c' gives ['ab', 'ab', 'c']."""
    chunks: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(src):
        esc = _ESCAPE.match(src, i)
        op = None if esc else _OPERATOR.match(src, i)
        if esc:
            current.append(_escaped(esc))
            i = esc.end()
        elif op:
            chunks.append("".join(current))
            current = []
            i = op.end()
        else:
            current.append(src[i])
            i += 1
    chunks.append("".join(current))
    return [c for c in chunks if c.strip()]


def runaway_probes(src: str) -> list[str]:
    """Inputs a pattern is tried on: long runs of what it names, so that nested repetition such as
    (a|aa)+$, (?:ab|ab)+c or (?:\\u00e9|\\u00e9\\u00e9)+z backtracks for ever on one of them: runs
    of each character of its literal chunks (escapes decoded) and of each whole chunk."""
    chunks = literal_chunks(src)
    probes = list(_BASE_PROBES)
    chars = dict.fromkeys(ch for c in chunks for ch in c.lower() if not ch.isspace())
    for ch in list(chars)[:_MAX_PROBES]:
        probes.append(ch * _PROBE_LEN + "\u0001")
    for c in list(dict.fromkeys(c.lower() for c in chunks if len(c) > 1))[:_MAX_PROBES]:
        probes.append(c * max(2, _PROBE_LEN // len(c)) + "\u0001")
    return probes


# -- which patterns need probing -------------------------------------------------------------------
#
# A backtracking matcher runs away when it can split the same text among repetitions in very many
# ways: a repeated group whose body can itself match in several ways ((a|aa)+, (x+x+)+, (\w+\s?)+),
# two unbounded repetitions on one path that can take the same characters (\d+\d+x, .*.*=,
# \w+\s*\w+$), or very many alternatives and optional parts in a row (a?a?a?...aaa). A pattern with
# none of these tries, from each start, at most one unbounded repetition's lengths times a few
# choices, so no probe can make it run away. Two unbounded repetitions are kept apart when the first
# is followed by a character it cannot take (`\s+` then a letter in 'took\s+off', `\w+` then a
# space): its end is then fixed. Anything the parser does not model (backreferences, fuzzy
# matching, recursion, conditionals, verbose mode, nested sets) is probed.

LONG = 16  # a bounded repetition of more than this many is counted as unbounded
UNROLL = 8  # a group repeated at most this many times is analysed as that many copies
MAX_WALK = 20_000  # items the analysis may visit (a group unrolled in an unrolled group...)
MAX_CHOICES = 64  # at most this many ways through the pattern from one start (unbounded repetition = 1)


class _Unknown(Exception):
    """A construct the analysis does not model: the pattern is probed."""


@dataclass(slots=True)
class _Group:
    alts: list[list[_Item]] = field(default_factory=lambda: [[]])
    look: bool = False  # a lookaround: zero-width, its first characters unknown


@dataclass(slots=True)
class _Item:
    group: _Group | None = None  # None: one character, class or assertion
    lo: int = 1
    hi: int | None = 1  # None: unbounded
    char: str | None = None  # the literal text (one character when repeated)
    toks: frozenset[str] | None = None  # what a set or class escape takes: characters, class names
    zero: bool = False  # an assertion (\b, ^, $): takes no character
    copy: int = 0  # a copy of an unrolled repeated group: the ways its count adds (first copy), or 1
    starts: set[str] | None = None  # _starts, once computed
    known: bool = False  # `starts` is computed


_REPEATS = regex.compile(r"[*+?{(]")
_QUANT = regex.compile(r"(?:([*+?])|\{(\d*)(,?)(\d*)\})[?+]?")
_GROUP_OPEN = regex.compile(r"\((?:\?(?::|>|\||P?<(?![=!])[^>]*>|(=|!|<=|<!)|[imsua]*(?:-[imsua]+)?:))?")
_FLAGS = regex.compile(r"\(\?[imsua]+(?:-[imsua]+)?\)|\(\?-[imsua]+\)")  # not x (verbose), f, V0/V1, L
_COMMENT = regex.compile(r"\(\?#[^)]*\)")
_CLASS_ESCAPE = regex.compile(r"\\(?:[pPN]\{[^}]*\}|[pP][A-Za-z]|x\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{2}"
                              r"|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|0[0-7]{0,2}|[^1-9gLQ])")
_FUZZY = regex.compile(r"\{[eisd0-9<=>+*,\s-]*[eisd][eisd0-9<=>+*,\s-]*\}")
_LITERALS = regex.compile(r"[^\\\[()|*+?{.^$]+")  # up to the next character with a meaning
_CLASSES = {"s": "space", "w": "word", "d": "digit", "W": "nonword"}  # (never a one-character name)
_CLASS_RX = {name: regex.compile("\\" + esc, regex.IGNORECASE) for esc, name in _CLASSES.items()}


def _skip_class(src: str, i: int) -> int:
    """The index after the character class that opens at src[i] ('[')."""
    j = i + 1
    if j < len(src) and src[j] == "^":
        j += 1
    if j < len(src) and src[j] == "]":
        j += 1  # a first ']' is literal
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            m = _CLASS_ESCAPE.match(src, j)
            if m is None:
                raise _Unknown
            j = m.end()
        elif ch == "[":
            if not src.startswith("[:", j) or src.find(":]", j + 2) < 0:
                raise _Unknown  # a nested set (regex V1 set operations)
            j = src.find(":]", j + 2) + 2
        elif ch == "]":
            return j + 1
        else:
            j += 1
    raise _Unknown


def _set_tokens(body: str) -> frozenset[str] | None:
    """What a set `[body]` takes, as characters and class names; None for a negated set, a
    property (\\p{L}), a POSIX class, a range not between two ASCII characters."""
    if body.startswith("^"):
        return None
    out: set[str] = set()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            esc = body[i + 1 : i + 2]
            i += 2
            if esc in _CLASSES:
                out.add(_CLASSES[esc])
                continue  # (a following '-' is literal or an error: read on)
            if not esc or esc.isalnum():
                return None
            ch = esc
        elif ch == "[":
            return None
        else:
            i += 1
        if body[i : i + 1] == "-" and i + 1 < len(body):
            hi = body[i + 1]
            if hi in "\\[" or not (ch.isascii() and hi.isascii() and ch <= hi):
                return None
            out.update(chr(c) for c in range(ord(ch), ord(hi) + 1))
            i += 2
        else:
            out.add(ch)
    return frozenset(out) if out else None


def _escape_item(text: str) -> _Item:
    if len(text) == 2 and text[1] in _CLASSES:
        return _Item(toks=frozenset([_CLASSES[text[1]]]))
    if len(text) == 2 and text[1] in "bBAZG":
        return _Item(zero=True)
    if len(text) == 2 and not text[1].isalnum():
        return _Item(char=text[1])  # \. \- \(
    return _Item()


def _quantify(seq: list[_Item], q: regex.Match[str]) -> None:
    if not seq or (seq[-1].lo, seq[-1].hi) != (1, 1):
        raise _Unknown  # nothing to repeat, or a repeated repetition (a{2}{3})
    item = seq[-1]
    if q.group(1):
        item.lo, item.hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[q.group(1)]
    else:
        item.lo = int(q.group(2) or 0)
        item.hi = item.lo if not q.group(3) else (int(q.group(4)) if q.group(4) else None)
    if item.hi is not None and item.hi > LONG:
        item.hi = None


def _parse(src: str) -> _Group:
    root = _Group()
    stack = [root]
    i = 0
    while i < len(src):
        seq = stack[-1].alts[-1]
        ch = src[i]
        if ch == "\\":
            m = _CLASS_ESCAPE.match(src, i)
            if m is None:
                raise _Unknown  # a backreference, named list or quoting
            seq.append(_escape_item(m.group()))
            i = m.end()
        elif ch == "[":
            end = _skip_class(src, i)
            seq.append(_Item(toks=_set_tokens(src[i + 1 : end - 1])))
            i = end
        elif ch == "(":
            skip = _FLAGS.match(src, i) or _COMMENT.match(src, i)
            if skip:
                i = skip.end()
                continue
            m = _GROUP_OPEN.match(src, i)
            if m is None or (src.startswith("(?", i) and m.end() == i + 1):
                raise _Unknown  # (?R), (?(1)...), (?P=name), (?x)...
            group = _Group(look=m.group(1) is not None)
            seq.append(_Item(group))
            stack.append(group)
            i = m.end()
        elif ch == ")":
            if len(stack) == 1:
                raise _Unknown
            stack.pop()
            i += 1
        elif ch == "|":
            stack[-1].alts.append([])
            i += 1
        elif ch in "*+?{":
            q = _QUANT.match(src, i)
            if q is None or (q.group(1) is None and not (q.group(2) or q.group(4))):
                if ch != "{" or _FUZZY.match(src, i):
                    raise _Unknown
                seq.append(_Item(char="{"))  # a literal brace ('{party}')
                i += 1
                continue
            _quantify(seq, q)
            i = q.end()
        elif ch in ".^$":
            seq.append(_Item(zero=ch != "."))
            i += 1
        else:
            run = _LITERALS.match(src, i)
            assert run is not None
            text = run.group()
            if run.end() < len(src) and src[run.end()] in "*+?{" and len(text) > 1:
                seq.append(_Item(char=text[:-1]))  # what a repetition takes is the last character
                text = text[-1]
            seq.append(_Item(char=text))
            i = run.end()
    if len(stack) != 1:
        raise _Unknown
    return root


def _has_choice(g: _Group) -> bool:
    """Can the group match in more than one way: an alternation or a repetition inside."""
    return len(g.alts) > 1 or any(
        (it.lo, it.hi) != (1, 1) or (it.group is not None and _has_choice(it.group)) for alt in g.alts for it in alt)


def _starts(it: _Item) -> set[str] | None:
    """What the text an item takes (once) can begin with: literal characters and the names of
    \\s, \\w, \\d; None when any character might ('.', a set, a lookaround, an empty branch)."""
    if it.known:
        return it.starts
    out: set[str] | None = set()
    if it.group is None:
        out = _token(it)
    elif it.group.look:
        out = None
    else:
        for alt in it.group.alts:
            f = _afters(alt, None)[0]
            if f is None or out is None:
                out = None
                break
            out |= f
    it.starts, it.known = out, True
    return out


def _afters(seq: list[_Item], follow: set[str] | None) -> list[set[str] | None]:
    """For each n, what the text from seq[n] on (then `follow`) can begin with; the last entry is
    `follow` itself."""
    out: list[set[str] | None] = [follow]
    for it in reversed(seq):
        nxt = out[-1]
        if it.zero:
            out.append(nxt)
            continue
        own = _starts(it)
        if own is None or it.lo >= 1:
            out.append(own)
        else:
            out.append(None if nxt is None else own | nxt)
    out.reverse()
    return out


def _prefix(seq: list[_Item]) -> str:
    """The ASCII text a sequence must begin with, lower-cased (up to its first other character)."""
    out = []
    for it in seq:
        if it.group is not None or it.char is None or (it.lo, it.hi) != (1, 1):
            break
        head = _ASCII.match(it.char)
        assert head is not None
        out.append(head.group().lower())
        if head.end() < len(it.char):
            break
    return "".join(out)


_ASCII = regex.compile(r"[\x00-\x7f]*")
MAX_PAIRS = 2000  # branches compared two by two beyond this: the alternation counts as ambiguous


def _exclusive(starts: list[set[str] | None], prefixes: list[str]) -> bool:
    """Can at most one branch go past its first few characters on any text? True when any two
    branches begin with characters no text can have in common, or their ASCII prefixes differ
    somewhere (case-insensitively): neither prefix begins the other."""
    plain = [i for i, f in enumerate(starts) if f is not None and all(len(c) == 1 and c.isascii() for c in f)]
    other = [i for i in range(len(starts)) if i not in set(plain)]
    if len(other) * len(starts) > MAX_PAIRS:
        return False
    for i in other:  # sets, classes, non-ASCII first characters: each against every branch
        for j in range(len(starts)):
            if j != i and not _disjoint(starts[i], starts[j]) and not _differ(prefixes[i], prefixes[j]):
                return False
    buckets: dict[str, list[int]] = {}
    for i in plain:
        for c in {c.lower() for c in starts[i] or ()}:
            buckets.setdefault(c, []).append(i)
    for members in buckets.values():
        ordered = sorted(prefixes[i] for i in members)
        if any(_begins(x, y) for x, y in zip(ordered, ordered[1:], strict=False)):
            return False  # one prefix begins the next (sorted: if any begins another, one begins its next)
    return True


def _differ(a: str, b: str) -> bool:
    return not _begins(a, b) and not _begins(b, a)


def _begins(a: str, b: str) -> bool:
    """Does `a` begin `b` (an empty prefix begins everything: nothing tells the branches apart)?"""
    return b.startswith(a)


_APART_CLASSES = {frozenset(p) for p in (("space", "word"), ("space", "digit"), ("word", "nonword"),
                                          ("digit", "nonword"))}


@lru_cache(maxsize=4096)
def _apart(a: str, b: str) -> bool:
    """Can no character be both `a` and `b` (each a character or the name of \\s, \\w, \\d, \\W)
    in a case-insensitive pattern? The `regex` module itself tells (its case folding included)."""
    if len(a) > 1 and len(b) > 1:
        return frozenset((a, b)) in _APART_CLASSES
    if len(a) > 1 or len(b) > 1:
        name, c = (a, b) if len(a) > 1 else (b, a)
        return _CLASS_RX[name].fullmatch(c) is None
    return regex.fullmatch(regex.escape(a), b, regex.IGNORECASE) is None


def _disjoint(a: set[str] | None, b: set[str] | None) -> bool:
    return a is not None and b is not None and all(_apart(x, y) for x in a for y in b)


def _token(it: _Item) -> set[str] | None:
    """What a repeated item takes: its character or class."""
    if it.toks is not None:
        return set(it.toks)
    return {it.char[0]} if it.char is not None else None


def _unrolled(it: _Item) -> list[_Item]:
    """A group repeated at most UNROLL times, as that many copies (the first `lo` of them required):
    '(?:\\w+\\s+){0,2}' is read as two optional '(?:\\w+\\s+)'."""
    if it.group is None or it.hi is None or not 1 < it.hi <= UNROLL:
        return [it]
    return [_Item(it.group, lo=1 if k < it.lo else 0, copy=it.hi - it.lo + 1 if k == it.lo else 1)
            for k in range(it.hi)]


def _walk(seq: list[_Item], run: int, follow: set[str] | None,
          budget: list[int]) -> tuple[int, int, int, set[str] | None]:
    """(most unbounded repetitions in one run on a path, the run at the end, ways through, what it
    can begin with) of a sequence entered with `run` repetitions not yet kept apart; raises _Unknown
    for nested repetition, or when more than `budget` items were walked (unrolled groups in groups).
    A choice counts as one way when only one of its options can go on past its first characters
    (their first characters, or first letters, differ), and as several otherwise."""
    most, ways = run, 1
    seq = [c for it in seq for c in _unrolled(it)]
    budget[0] -= len(seq)
    if budget[0] < 0:
        raise _Unknown
    afters = _afters(seq, follow)
    for n, it in enumerate(seq):
        after = afters[n + 1]
        if it.group is not None:
            if (it.hi is None or it.hi > 1) and _has_choice(it.group):
                raise _Unknown
            end, counts, starts = run, [], []
            for alt in it.group.alts:
                m, e, w, f = _walk(alt, run, after, budget)
                most, end = max(most, m), max(end, e)
                counts.append(w)
                starts.append(f)
            run = end
            exclusive = len(counts) == 1 or _exclusive(starts, [_prefix(alt) for alt in it.group.alts])
            ways *= max(counts) if exclusive else sum(counts)
        if it.hi is None:
            run += 1
            most = max(most, run)
            if it.group is None and _disjoint(_token(it), after):
                run = 0  # its end is fixed: what follows starts a new run
        elif it.hi > it.lo:
            # '(?:x)?' or 'x{1,3}': taken or not, unless what follows cannot begin like it; the
            # optional copies of an unrolled group choose only how many are taken
            ways *= 1 if _disjoint(_starts(it), after) else (it.copy or it.hi - it.lo + 1)
        ways = min(ways, MAX_CHOICES + 1)
    return most, run, ways, afters[0]


#: `needs_probes` by pattern text: the analysis is a function of the text alone, so the loader
#: keeps it between runs with the compiled patterns (factbase/load.py, `PatternCache`)
ANALYSED: dict[str, bool] = {}


def needs_probes(src: str) -> bool:
    """False when the pattern cannot backtrack catastrophically: no repeated group that can match in
    several ways, no two unbounded repetitions (or of more than LONG) on a path that can take the
    same text, at most MAX_CHOICES ways through it, and nothing the analysis does not model. True
    otherwise (probe it)."""
    known = ANALYSED.get(src)
    if known is None:
        if len(ANALYSED) >= _MAX_VERDICTS:
            ANALYSED.clear()
        known = ANALYSED[src] = _needs_probes(src)
    return known


def _needs_probes(src: str) -> bool:
    if not _REPEATS.search(src):
        return False  # no group, no repetition: each branch is tried once from each start
    try:
        most, _, ways, _ = _walk([_Item(_parse(src))], 0, None, [MAX_WALK])
    except _Unknown:
        return True
    return most > 1 or ways > MAX_CHOICES


# -- probing, once per pattern ---------------------------------------------------------------------

_VERDICTS: dict[tuple[str, int], str | None] = {}
_MAX_VERDICTS = 50_000


def runs_away(rx: regex.Pattern[str]) -> str | None:
    """The start of the probe on which `rx` backtracks for ever (times out), or None; patterns that
    `needs_probes` clears are not tried. Cached by pattern text and flags."""
    key = (rx.pattern, int(rx.flags))
    if key in _VERDICTS:
        return _VERDICTS[key]
    verdict = None
    if needs_probes(rx.pattern):
        for probe in runaway_probes(rx.pattern):
            try:
                rx.search(probe, timeout=RUNAWAY_TIMEOUT)
            except TimeoutError:
                verdict = probe[:12]
                break
    if len(_VERDICTS) >= _MAX_VERDICTS:
        _VERDICTS.clear()
    _VERDICTS[key] = verdict
    return verdict
