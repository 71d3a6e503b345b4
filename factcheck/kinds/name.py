"""Names: legitimate variants (Zelensky, Zelenskiy, Zelenskyy) agree; near-misses that are not
listed variants (Brinken, Zelenskyyk, "Anthony" Blinken, "Jenn" Psaki) contradict.

A name is read as tokens: capitalised words, and the lower-case particles of
factcheck/data/en/names.yaml ("van", "de", "le", ...) before a capitalised word; hyphens and
spaces separate tokens alike, so "Blackwell-Thompson" and "Blackwell Thompson" are one name, and
accents are ignored (Piñera = Pinera). The surname of a value is its last word with the particles
before it ("Marine Le Pen": Le Pen; "Virgil van Dijk": van Dijk); the middle words of a longer
name may belong to it too ("Randal Kolo Muani": Muani or Kolo Muani). A suffix after the name
("Jr.", a regnal number "VI") must be the value's when both are written ("Mohammed IV" contradicts
"Mohammed VI").

Near-misses are windows of tokens a small edit distance from a surname form (with the same first
letter). A spelling that differs from a form only by the transliteration alternations of
names.yaml (doubled letters, ou/u, iy/y, ...: "Mohamed" for "Mohammed") is read as unclear, never
as a contradiction, unless it is a listed variant (then it agrees). A lone surname counts only with
the fact's `context` in the sentence, or when the person was already named in full or with their
role earlier in the article, so an ordinary word ("horn") never does; a lone near-miss counted only
that way and written as a place is ("Conway, Pennsylvania", "Hardmon Street") is read loosely.

With `patterns` (regular expressions with a `(?P<who>...)` group, `{party}` standing for a name),
a name fact reads who did something ("Russia had asked for the call") instead: `value`/`variants`
agree, `others` contradict.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, ClassVar, NamedTuple

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact, TimedRegex
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, calendar_words, lang, levenshtein, pack
from factcheck.prefilter import Capitals
from factcheck.segment import Sentence, mixed_script

_L = r"\p{L}\p{M}"
# who, in a `patterns` fact: a capitalised name of up to four words, or "the <Adjective> side" (any
# country's adjective: "the Russian side", "the French president")
_PARTY = (r"(?:the\s+)?(?:(?-i:[\p{Lu}][\p{L}.]*)\s+(?:side|leader|president|government|delegation)"
          r"|(?-i:{never}[\p{Lu}][\p{L}'’.-]*(?:(?:\s+[(\"“‘][\p{Lu}][\p{L}'’.-]*[)\"”’])?\s+[\p{Lu}][\p{L}'’.-]*){0,3}))")


@cache
def _party() -> str:
    """`{party}` in a fact's `patterns`: a name, never opening on a capitalised function word ("The
    capsule docked" reads no name "The"; "The Endeavour capsule" reads "Endeavour")."""
    never = alternation([str(w) for w in _names()["never_start"]])
    return _PARTY.replace("{never}", rf"(?!(?:{never})(?![\p{{L}}]))")
# (a nickname in brackets or quotes may stand between the words: 'Francis R. (Dick) Scobee')
_ROMAN = regex.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")


@cache
def _names() -> dict[str, Any]:
    return pack("names")


@cache
def _particles() -> frozenset[str]:
    return frozenset(str(p).lower() for p in _names()["particles"])


@cache
def _suffix_words() -> dict[str, str]:
    """Written suffix (lower case, no dot) -> its canonical form."""
    out: dict[str, str] = {}
    for s in _names()["suffixes"]:
        k = str(s).rstrip(".").lower()
        out[k] = {"junior": "jr", "senior": "sr"}.get(k, k)
    return out


def _suffix(word: str) -> str | None:
    """The canonical suffix a word stands for ("Jr." -> "jr", "VI" -> "VI"), or None."""
    w = word.strip(",")
    if w and _ROMAN.fullmatch(w):
        return w
    return _suffix_words().get(w.rstrip(".").lower())


@cache
def _translit_rules() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple((regex.compile(str(p)), str(r)) for p, r in _names()["transliteration"])


@lru_cache(maxsize=4096)
def skeleton(key: str) -> str:
    """A plain spelling with the transliteration alternations of names.yaml undone."""
    for rx, rep in _translit_rules():
        key = rx.sub(rep, key)
    return key


def _runs(key: str) -> list[tuple[str, int]]:
    return [(m.group(1), len(m.group(0))) for m in regex.finditer(r"(\p{L})\1*", key)]


@lru_cache(maxsize=4096)
def transliterated(a: str, b: str) -> bool:
    """Are two different spellings transliterations of each other? Their skeletons match, and
    doubled letters only go one way: "Mohammed"/"Mohamed" and "Zelenskyy"/"Zelensky" are,
    "Zelenskky"/"Zelenskyy" (one letter changed for another) is not."""
    if skeleton(a) != skeleton(b):
        return False
    undoubled = [(rx, rep) for rx, rep in _translit_rules() if "\\1" not in rep]
    for rx, rep in undoubled:
        a, b = rx.sub(rep, a), rx.sub(rep, b)
    ra, rb = _runs(a), _runs(b)
    if [c for c, _ in ra] != [c for c, _ in rb]:
        return True  # the alternations made them equal in another way
    diffs = [na - nb for (_, na), (_, nb) in zip(ra, rb) if na != nb]
    return all(d > 0 for d in diffs) or all(d < 0 for d in diffs)


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    """Lower case without accents or apostrophes: "Volodímir" and "Volodimir" are the same."""
    if word.isascii():  # nothing to decompose: the same, at a fraction of the cost
        return word.replace("'", "").lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c) and c not in "'’").lower()


def name_key(name: str) -> str:
    """The comparable form of a name: no accents, case, spaces, hyphens or apostrophes
    ("Blackwell-Thompson" = "blackwell thompson" = "BlackwellThompson")."""
    return "".join(_plain(t) for t in _KEY_SPLIT.split(name) if t)


_KEY_SPLIT = regex.compile(r"[\s\-‐‑–]+")


def _key(word: str) -> str:
    """A token's plain form, as `_tokens` makes it ("Wen-je" -> "wenje")."""
    return name_key(word) if "-" in word or "‐" in word or "‑" in word else _plain(word)


def _first_letters(spec: NameSpec) -> frozenset[str]:
    return frozenset(f[:1] for f in spec.forms)


@dataclass(frozen=True)
class NameSpec:
    first: str
    last: str  # the surname as written in the value
    forms: dict[str, int]  # every accepted surname form (name_key) -> its number of tokens
    firsts: frozenset[str]  # accepted first names, plain
    suffixes: frozenset[str]  # suffixes of the value and its variants ("VI", "jr")
    value_suffix: str | None
    maxn: int  # the most tokens of a form
    #: the middle initials of the value and its variants that write any ("r" for Harry R. Truman)
    initials: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Parts:
    first: str
    middle: tuple[str, ...]
    surname: tuple[str, ...]
    suffix: str | None


# a given name of two romanised syllables joined by a hyphen, the second in lower case ("Wen-je")
_GIVEN_SYLLABLES = regex.compile(r"\p{Lu}\p{Ll}+[\-‐‑]\p{Ll}+")


def _parts(full: str) -> Parts:
    words = full.replace('"', " ").split()
    suffix = None
    if len(words) > 1 and _suffix(words[-1]) is not None:
        suffix = _suffix(words[-1])
        words = words[:-1]
    words = [w.rstrip(",") for w in words]
    # initials ("Antony J. Blinken") are neither first name nor surname
    core = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and regex.fullmatch(r"\p{L}\.?", w))]
    if len(core) == 1:
        return Parts("", (), (core[0],), suffix)
    if len(core) == 2 and _GIVEN_SYLLABLES.fullmatch(core[1]) and not _GIVEN_SYLLABLES.fullmatch(core[0]):
        # "Ko Wen-je", "Tsai Ing-wen", "Lee Jae-myung": a romanised Chinese or Korean name, family name
        # first; its given name is the hyphenated one ("Wen-je Ko" written the Western way reads as usual)
        return Parts(core[1], (), (core[0],), suffix)
    i = len(core) - 1
    while i > 1 and core[i - 1].lower() in _particles():
        i -= 1
    if i == 1 and core[0].lower() in _particles():
        return Parts("", (), tuple(core), suffix)  # "van Dijk"
    return Parts(core[0], tuple(core[1:i]), tuple(core[i:]), suffix)


name_parts = _parts


def _ntok(words: tuple[str, ...]) -> int:
    """Tokens a surname is written in: "Blackwell-Thompson" two, "Kolo Muani" two, "Wen-je" one (a
    lower-case syllable after a hyphen belongs to the word, as `_token_re` reads it)."""
    return sum(len([t for t in regex.split(r"[\-‐‑–]+(?=\p{Lu})", w) if t]) for w in words)


def _split(full: str) -> tuple[str, str]:
    p = _parts(full)
    return p.first, " ".join(p.surname)


def _misspells(who: str, value: str) -> bool:
    """Is the name `who` (read by a pattern) the value with its surname misspelled: the same given
    name or none, a surname of the same first letter a near-miss away (`_max_edits`), not the same?"""
    got, want = who.split(), value.split()
    if not got or not want:
        return False
    g, w = name_key(got[-1]), name_key(want[-1])
    if g == w or not g or g[0] != w[0] or g.startswith(w) or (levenshtein(g, w) > _max_edits(w) and not _swapped(g, w)):
        return False  # ... or the value with an ending ("Californian"): a word made from it
    return len(got) == 1 or len(want) == 1 or name_key(got[0]) == name_key(want[0])


def _swapped(a: str, b: str) -> bool:
    """Is `a` the word `b` with two neighbouring letters swapped ("Tsirpas", "Tsipras")?"""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _max_edits(word: str) -> int:
    """Edits a near-miss of a surname form may have: none for a form of three letters or fewer (one
    edit is a third of "Lee" or "Inc", and makes "In", "Le", "Ink" near-misses), one up to seven
    letters, two beyond."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


@cache
def name_spec(value: str, variants: tuple[str, ...]) -> NameSpec:
    forms: dict[str, int] = {}
    firsts: set[str] = set()
    suffixes: set[str] = set()
    initials: set[str] = set()
    vp = _parts(value)
    for i, full in enumerate((value, *variants)):
        p = _parts(full)
        keys = [(name_key(" ".join(p.surname)), _ntok(p.surname))]
        if p.middle and not any(w.lower() in _particles() for w in p.surname):
            # "Randal Kolo Muani": the surname may be "Kolo Muani"
            for j in range(len(p.middle)):
                words = p.middle[j:] + p.surname
                keys.append((name_key(" ".join(words)), _ntok(words)))
        for k, n in keys:
            forms.setdefault(k, n)
        if p.first and (i == 0 or keys[0][0] in forms):
            firsts.add(name_key(p.first))
        if p.suffix:
            suffixes.add(p.suffix)
        if (mid := _middle_initials(full)) and (i == 0 or keys[0][0] in forms):
            initials.add(mid)
    return NameSpec(vp.first, " ".join(vp.surname), forms, frozenset(firsts), frozenset(suffixes),
                    vp.suffix, max(forms.values()), frozenset(initials))


def _middle_initials(full: str) -> str:
    """The middle initials of a full name, lower case ("Harry R. Truman": "r"; "George H. W. Bush": "hw")."""
    words = [w.rstrip(",") for w in full.replace('"', " ").split()]
    return "".join(w[0].lower() for i, w in enumerate(words)
                   if 0 < i < len(words) - 1 and regex.fullmatch(r"\p{L}\.?", w))


@dataclass(frozen=True)
class NameRead:
    """What a name mention says: the surname as written, whether it is an accepted form, a
    transliteration of one, the first name before it and whether that is the person's."""

    word: str
    exact: bool
    first: str
    first_ok: bool | None
    translit: bool = False
    suffix: str | None = None
    initials: str = ""  # middle initials written between the first name and the surname ("s")

    def __iter__(self) -> Any:  # unpacks like the (word, exact, first, first_ok) tuple of old
        return iter((self.word, self.exact, self.first, self.first_ok))


def _why(r: NameRead, spec: NameSpec) -> str:
    parts = []
    if r.suffix and spec.value_suffix and r.suffix not in spec.suffixes:
        parts.append(f"{r.suffix!r} is not {spec.value_suffix!r}")
    if r.first_ok is False:
        parts.append(f"{r.first!r} is not a spelling of the first name {spec.first!r}")
    mixed = mixed_script(r.word)  # "Вrinken (Cyrillic В)": letters of another script in a Latin name
    word = f"{r.word} ({mixed})" if mixed else r.word
    if r.translit:
        parts.append(f"{word!r} differs from {spec.last!r} only by a transliteration alternation, "
                     "and is not a listed variant")
    elif mixed:
        parts.append(f"{word!r} mixes scripts: it reads like a spelling of {spec.last!r} but is not one")
    elif not r.exact:
        parts.append(f"{word!r} is a near-miss of {spec.last!r}, not a listed spelling")
    return "; ".join(parts) or "a listed spelling"


class Tok(NamedTuple):  # a tuple: made for every capitalised word of every article (a frozen
    # dataclass's __init__ cost three times as much)
    start: int
    end: int
    plain: str
    chunk: int  # tokens of one chunk are written together ("Randal Kolo Muani", "Blackwell-Thompson")
    spaced: bool  # separated from the token before by white space (not a hyphen)
    caps: bool  # written all in capitals and longer than three letters (an acronym, a headline)
    initial: bool  # a single letter ("J.")


@cache
def _token_re() -> regex.Pattern[str]:
    """A capitalised word ("Biden", "O'Neill", "McAllister")."""
    # a romanised given name's lower-case second syllable is part of the word ("Wen-je", "Ching-te")
    return regex.compile(rf"(?<![{_L}'’])\p{{Lu}}[{_L}]*(?:['’]\p{{Lu}}[{_L}]*)*(?:[\-‐‑]\p{{Ll}}[{_L}]*)?(?![{_L}])")


@cache
def _particle_before_re() -> regex.Pattern[str]:
    """A capital letter right after a particle written as a word and white space or hyphens: where
    `_name_words` makes a token of the particle (and sometimes where it does not: after an
    apostrophe). Looked for at the capitals only, behind them: a third of the cost of looking for
    the particles everywhere."""
    alt = "|".join(sorted(map(regex.escape, _particle_set()[0])))
    return regex.compile(rf"\p{{Lu}}(?<=(?<![\p{{L}}])(?:{alt})[\s\x1c-\x1f\-]+\p{{Lu}})")


@cache
def _next_word_re() -> regex.Pattern[str]:
    """White space, points or hyphens, then a capitalised word (group 1): the next token of a chunk
    (`_tokens`), or more."""
    return regex.compile(r"[\s.\-‐‑–]+(" + _token_re().pattern + ")")


@cache
def _next_particle_re() -> regex.Pattern[str]:
    """White space, points or hyphens, then a particle written as a word before a capitalised word
    (what `_particle_before_re` finds): the next token of a chunk is a particle, or may be."""
    alt = "|".join(sorted(map(regex.escape, _particle_set()[0])))
    return regex.compile(rf"[\s.\-‐‑–]+(?:{alt})[\s\x1c-\x1f\-]+\p{{Lu}}")


@lru_cache(maxsize=64)
def _particles_opening(firsts: frozenset[str]) -> regex.Pattern[str] | None:
    """A particle written as a word whose plain form begins with one of `firsts`, before a
    capitalised word (what `_particle_before_re` finds, for those particles alone, looked for
    forwards: a few literal words; None: there are none): a window of `candidates` may open there."""
    some = sorted(p for p in _particle_set()[0] if not _plain(p) or _plain(p)[0] in firsts)
    if not some:
        return None
    return regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(map(regex.escape, some))})[\s\x1c-\x1f\-]+\p{{Lu}}")


@cache
def _particle_set() -> tuple[frozenset[str], int]:
    ps = frozenset(str(p) for p in _particles())
    return ps, max(map(len, ps), default=0)


def _name_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each capitalised word and of each particle right before one ("van" in "van
    Dijk", "de" in "de Moraes"), in order. The particles are looked for only before capitalised
    words: an alternation tried at every position of a text cost three times the scan for them."""
    out: list[tuple[int, int]] = []
    particles, longest = _particle_set()
    for m in _token_re().finditer(text):
        a = m.start()
        k = a  # back over the white space or hyphens before the word, then over a short word
        while k > 0 and (text[k - 1].isspace() or text[k - 1] == "-"):
            k -= 1
        if 0 < k < a:
            j = k
            while j > 0 and text[j - 1].isalpha() and k - j <= longest:
                j -= 1
            if text[j:k] in particles and not (j > 0 and (text[j - 1] in "'’" or _mark(text[j - 1]))) \
                    and not (out and j < out[-1][1]):  # not the lower-case end of the word before ("Wen-je")
                out.append((j, k))
        out.append((a, m.end()))
    return out


def _mark(c: str) -> bool:
    return unicodedata.category(c).startswith("M")


_GAP = regex.compile(r"\A(?:\s+|[\-‐‑–])\Z")
_INITIAL_GAP = regex.compile(r"\A\.?\s+\Z")


# a nickname between a person's names, in a `patterns` fact's reading ('Francis R. (Dick) Scobee')
_NICK_IN = regex.compile(r"\s+[(\"“‘](\p{Lu}[\p{L}'’.\-]*)[)\"”’]\s+")


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[Tok, ...]:
    """The name tokens of a sentence (shared by every name fact)."""
    out: list[Tok] = []
    chunk = 0
    prev_end = -1
    prev_initial = False
    for a, b in _name_words(text):
        w = text[a:b]
        spaced = True
        if out:
            gap = text[prev_end:a]
            if _GAP.match(gap):
                spaced = gap[0].isspace()
            elif not (prev_initial and _INITIAL_GAP.match(gap)):
                chunk += 1
        initial = len(w) == 1
        plain = name_key(w) if "-" in w or "‐" in w or "‑" in w else _plain(w)  # "Wen-je" -> "wenje"
        out.append(Tok(a, b, plain, chunk, spaced, w.isupper() and len(w) > 3, initial))
        prev_end, prev_initial = b, initial
    return tuple(out)


_BEST: dict[tuple[int, str, int], tuple[NameSpec, tuple[int, str] | None]] = {}
_BEST_MAX = 100_000  # windows remembered: a bound on memory over a long run


def _best_form(spec: NameSpec, key: str, n: int) -> tuple[int, str] | None:
    """(edits, form) of the spec's surname form closest to a window of `n` tokens spelling `key`,
    or None; remembered (with the spec itself, so that another spec at a reused address is not
    taken for it), since the same words recur from sentence to sentence."""
    memo_key = (id(spec), key, n)
    got = _BEST.get(memo_key)
    if got is not None and got[0] is spec:
        return got[1]
    best: tuple[int, str] | None = None
    for f, fn in spec.forms.items():
        if f[:1] != key[:1]:
            continue
        if fn != n:
            if key == f:
                best = (0, f)
            continue
        if len(f) > 3 and key == f + "s":
            # "the Murdochs", "Simpsons villa" (a translated possessive): the family, or the person
            # with the apostrophe lost, not a misspelling (not "+es": "Gilles" is no family of Gill)
            best = (0, f)
            break
        allowed = _max_edits(f) + (1 if len(f) >= 6 else 0)
        if abs(len(f) - len(key)) > allowed:
            continue
        d = levenshtein(f, key)
        if d <= allowed and (best is None or d < best[0]):
            best = (d, f)
    if len(_BEST) >= _BEST_MAX:
        _BEST.clear()
    _BEST[memo_key] = (spec, best)
    return best


def _windows(toks: tuple[Tok, ...], spec: NameSpec) -> list[tuple[int, int, int, str]]:
    """Windows of tokens (start index, number of tokens, edits, form) at most one edit more than
    `_max_edits` from a surname form with the same first letter (the extra edit is kept only after
    the person's own first name: "Dmitri Peskoff"); overlapping windows keep the closest, then
    the longest. A window of another number of tokens than the form must match it exactly
    ("MacAllister" = "Mac Allister")."""
    found: list[tuple[int, int, int, str]] = []
    letters = _first_letters(spec)
    for i, t in enumerate(toks):
        if t.initial or t.plain[:1] not in letters:
            continue  # every form compared below must start with the window's first letter
        key = ""
        for n in range(1, spec.maxn + 1):
            if i + n > len(toks) or toks[i + n - 1].chunk != t.chunk:
                break
            key += toks[i + n - 1].plain
            best = _best_form(spec, key, n)
            if best is not None:
                found.append((i, n, best[0], best[1]))
    if len(found) <= 1:
        return found
    found.sort(key=lambda w: (w[2], -w[1], w[0]))
    used: set[int] = set()
    out = []
    for i, n, d, f in found:
        span = set(range(i, i + n))
        if span & used:
            continue
        used |= span
        out.append((i, n, d, f))
    return sorted(out)


class SurnameIndex:
    """Which of many names a sentence may hold, by one pass over its tokens rather than one
    `_windows` per name: with a big base, most sentences name none of hundreds of people.

    It asks what `_windows` asks, once for all the names: a window of n tokens of one chunk, not
    starting with an initial, is a candidate for a form of n tokens with the same first letter,
    at most `_max_edits(form)` edits away, one more for a form of six letters or more (the edit
    `_windows` allows after the person's first name), or for a form of any number of tokens that
    it spells exactly (one word written as two). So every name for which `_windows` finds a
    window is among the candidates (`extract` still decides); the answer for a window is kept,
    the same tokens recurring from sentence to sentence."""

    _MEMO = 100_000  # windows remembered: a bound on memory over a long run

    def __init__(self, specs: list[NameSpec]):
        self.maxn = max((s.maxn for s in specs), default=0)
        self.exact: dict[str, set[int]] = {}
        # (first letter, tokens, length) -> (form, edits allowed, index of the name)
        self.near: dict[tuple[str, int, int], list[tuple[str, int, int]]] = {}
        self.always: set[int] = set()
        for k, spec in enumerate(specs):
            for f, fn in spec.forms.items():
                if not f:
                    self.always.add(k)  # a surname of no letters ("'"): left to `_windows`
                    continue
                self.exact.setdefault(f, set()).add(k)
                allowed = _max_edits(f) + (1 if len(f) >= 6 else 0)
                self.near.setdefault((f[0], fn, len(f)), []).append((f, allowed, k))
        self.reach = max((a for forms in self.near.values() for _, a, _ in forms), default=0)
        # a window's key starts with its first word's first letter, and every form it may be (exact
        # or near) starts with that letter too: a word no form starts with opens no window
        self.firsts = frozenset(f[0] for spec in specs for f in spec.forms if f)
        self._memo: dict[tuple[str, int], frozenset[int]] = {}
        self._capitals: Capitals | None = None

    def _window(self, key: str, n: int) -> frozenset[int]:
        """The names a window of `n` tokens spelling `key` may be (`_windows`' test, for all of them)."""
        got = self._memo.get((key, n))
        if got is None:
            out = set(self.exact.get(key, ()))
            for length in range(len(key) - self.reach, len(key) + self.reach + 1):
                for f, allowed, k in self.near.get((key[0], n, length), ()):
                    if k not in out and abs(length - len(key)) <= allowed and levenshtein(f, key) <= allowed:
                        out.add(k)
            if len(self._memo) >= self._MEMO:
                self._memo.clear()
            got = self._memo[(key, n)] = frozenset(out)
        return got

    def opens(self, c: str) -> bool:
        """May a capitalised word that begins with the capital `c` open a window: does its plain form
        begin with a letter a form begins with (or with none of its own: then the next one does)?"""
        plain = _plain(c)
        return not plain or plain[0] in self.firsts

    def capitals(self) -> Capitals:
        """Where the capitalised words that may open a window begin (`any_in`'s `starts`)."""
        if self._capitals is None:
            self._capitals = Capitals(self.opens)
        return self._capitals

    def any_in(self, text: str, starts: Iterable[int] | None = None) -> bool:
        """Whether `candidates` may hold a name in a sentence of `text` (True more often, never
        less). For an article of another story (factcheck/quick.py), which names nobody of the
        base, this is the one question, and tokens cost four times as much as the answer.

        A window opens at a capitalised word (never at an initial) whose plain form begins with a
        letter a form begins with (`starts`: every position of such a capital, and perhaps others;
        `capitals().at(text)` when not given; found by `str.find`, not by a scan for every
        capitalised word). From each, it takes the capitalised words that follow it in its chunk:
        each after white space, points or hyphens alone (`_tokens` keeps a token in its chunk after
        white space, one hyphen, or a point after an initial; a sentence is a piece of the text, so
        its chunks are pieces of these). A particle written as a word ("van Dijk") is a token of
        `candidates` too: one that such a window would take, or one anywhere that begins with such a
        letter itself, and the text is asked `candidates`."""
        if self.always:
            return True
        if starts is None:
            starts = self.capitals().at(text)
        token, maxn, firsts = _token_re(), self.maxn, self.firsts
        memo, window, opens = self._memo, self._window, self.capitals().opens
        next_word, next_particle = _next_word_re(), _next_particle_re()
        for p in starts:
            if not opens(text[p]):
                continue  # a capital that opens no window (`starts` may serve other questions too)
            m = token.match(text, p)
            if m is None:
                continue  # a capital inside a word, or after an apostrophe: no token begins there
            first = m.group(0)
            w = _key(first)
            if len(first) <= 1 or not w or w[0] not in firsts:
                continue  # an initial (`candidates` opens no window there), or a word no form begins with
            got = memo.get((w, 1))
            if got if got is not None else window(w, 1):
                return True
            key, end = w, m.end()
            for n in range(2, maxn + 1):
                nxt = next_word.match(text, end)
                if nxt is None:
                    if next_particle.match(text, end):
                        return bool(self.candidates(text))  # "Maria da Silva": the particle is a token
                    break
                key += _key(nxt.group(1))
                end = nxt.end()
                got = memo.get((key, n))
                if got if got is not None else window(key, n):
                    return True
        opening = _particles_opening(self.firsts)
        return opening is not None and opening.search(text) is not None and bool(self.candidates(text))

    def candidates(self, text: str) -> set[int]:
        """The indexes (in `specs`) of the names `_windows` may find in the sentence `text`."""
        out = set(self.always)
        toks = _tokens(text)
        for i, t in enumerate(toks):
            if t.initial or not t.plain:
                continue  # `_windows` skips these too (a token of no letters: but for a surname of none)
            key = ""
            for n in range(1, self.maxn + 1):
                if i + n > len(toks) or toks[i + n - 1].chunk != t.chunk:
                    break
                key += toks[i + n - 1].plain
                out |= self._window(key, n)
        return out


@cache
def _titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in lang().data["titles"])


# a suffix right after a name: "Mohammed VI", "Martin Luther King Jr.", "King, Jr."
_AFTER = regex.compile(r"\A(?:,\s*(?=[JS])|\s+)(\p{Lu}[\p{L}]*\.?)(?![\p{L}])")


# an aside set off by commas right after a word ("Kipruto, last year's winner, finished"; "Jacobs,
# 26, won"): it starts in lower case or with a digit, so a list of names is none
# (a decimal point is no full stop: "Bullrich, who came third with 23.8%, backed Milei")
APPOSITIVE = regex.compile(r"(?<=[\p{L}\p{M}]),\s+(?=[\p{Ll}0-9])(?:[^,;:.()\n]|(?<=\d)[.,](?=\d)){1,60}?,(?=\s)")

# an appositive right after a name that says who the person is ("Captain Ernst Lehmann, the Zeppelin
# company's senior officer travelling as an observer, ...")
_OWN_ROLE_APPOSITIVE = regex.compile(r",\s+(?:the|a|an)\s+[^,;:.()\n]{3,80}")

# a verb phrase of the name's own before "and" and the pattern's verb ("Novak Djokovic saved two
# championship points and beat Roger Federer"; "Sepúlveda came up shouting and handed out rocks"): it
# starts in lower case, holds no capital, no figure's punctuation, no clause break, at most nine words
COORDINATED = regex.compile(r"(?<=[\p{L}\p{M}])\s+\p{Ll}[\p{L}\p{M}'’-]*"
                            r"(?:\s+(?:\p{Ll}[\p{L}\p{M}'’-]*|\d[\d,.]*\d|\d)){0,8}\s+and(?=\s+\p{Ll})")


# after a name: more names of a list (", and D'Angelo", " and Brockman", ", Sutskever,")
_LIST_GOES_ON = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
                              r"(?-i:\p{Lu})[\p{L}'’.-]*(?:\s+(?-i:\p{Lu})[\p{L}'’.-]*)*"
                              r"\s*(?:,|\band\b|[.;—–-]|$)")


# a label's colon before a capitalised name ("Referee: Björn Kuipers", "Coach: Roberto Mancini")
# after a pattern's words: the rest of a name and a possessive ("Melvin| Capital's "), before a name
_ROLE_OF_NEXT = regex.compile(r"(?:\s+(?-i:\p{Lu})[\p{L}.&-]*){0,3}['’]s\s+")
# a name right after a pattern's role words: two capitalised words ("program manager Earl Maize")
_NAME_NEXT = regex.compile(r"\s(?-i:\p{Lu}\p{Ll}+)\s+(?-i:\p{Lu}\p{Ll}+)\b")
_LABEL_COLON = regex.compile(r"(?<=\p{L}):(?=\s+\p{Lu})")
# a role word, a copula, then a name: "The referee was Switzerland's Urs Meier", "the winner is Sweden's
# Loreen"; read as "referee Urs Meier" (the copula, and a possessive place before the name, blanked out)
_ROLE_COPULA = regex.compile(r"(?<=(?-i:\p{Ll})\p{L}*)\s+(?:was|is|will\s+be|has\s+been|had\s+been)"
                             r"(?:\s+(?-i:\p{Lu})[\p{L}.-]*['’]s)?(?=\s+(?-i:\p{Lu}))")


# a possessive pronoun right before (or opening) a pattern's role words: "Its commander, ...", "his coach"
#: "her backup, Idaho teacher ...": a pronoun's noun, a comma, and up to two words (an article or
#: capitalised: not "his second major, was presented ...") before the pattern
_POSSESSIVE_APPOSED = regex.compile(r"(?<![\p{L}])(?:its|his|her|their)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?,\s+"
                                   r"(?:(?:the|an?|(?-i:\p{Lu})[\p{L}.'’-]*)\s+){0,2}$", regex.IGNORECASE)
_POSSESSIVE_PRONOUN = regex.compile(r"(?<![\p{L}])(?:its|his|her|their)\s+(?=\p{L})", regex.IGNORECASE)


@cache
def _tied_person_after(possessive: bool = False) -> regex.Pattern[str]:
    """A word for a person tied to another, right after a possessive (" clerk", " son"), or the
    possessive's ending and that word ("'s clerk")."""
    ending = "['’]s" if possessive else ""
    return regex.compile(rf"{ending}\s+(?:{alternation(lang().data['tied_persons'])})(?![\p{{L}}-])",
                         regex.IGNORECASE)


def _mid_word(text: str, a: int, b: int) -> bool:
    """Does the match text[a:b] begin or end inside a word? A pattern's "(?:victory|win)" matching the
    "win" of "Massa's only wins are ..." says nothing: the words are whole words (as Vale's rules take them)."""
    return ((b < len(text) and text[b - 1].isalpha() and text[b].isalpha())
            or (a > 0 and text[a].isalpha() and text[a - 1].isalpha()))


@cache
def _title_modifier_before() -> regex.Pattern[str]:
    """A title modifier (`title_modifiers` in the language pack) right before the end ("Deputy ",
    "former ", "ex-")."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['title_modifiers'])})(?:\s+|-)$",
                         regex.IGNORECASE)


@cache
def _absence_before() -> regex.Pattern[str]:
    """An absence word (`absences` in the language pack) at most two words before the end."""
    return regex.compile(rf"(?<![\p{{L}}])({alternation(lang().data['absences'])})\s+(?:[\p{{L}}'’.-]+\s+){{0,2}}$",
                         regex.IGNORECASE)


class NameKind:
    name: ClassVar[str] = "name"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "context": Key("list[regex]", doc="words that show a lone surname is this person"),
        "patterns": Key("list[regex]", doc="patterns with (?P<who>{party}) reading who did something"),
        "others": Key("list[str]", doc="with patterns: the names that contradict"),
        "spelling": Key("enum", doc="`strict`: a spelling that differs only by a transliteration alternation "
                                    "(a doubled letter, ou/u) contradicts, for a name with one settled "
                                    "spelling (Viollet-le-Duc); `usual` (default): it is unclear",
                        choices=("usual", "strict")),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": ["string", "number", "boolean"], "minLength": 1,
        "description": "a person's name as it should be spelled"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise FactValueError("a name is a string", "write e.g. `value: Antony Blinken`")
        return raw.strip()

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        ctx = options.get("context")
        if ctx is not None:
            if not isinstance(ctx, list) or not all(isinstance(c, str) for c in ctx):
                raise FactValueError("`context` is a list of regular expressions",
                                     "write `context: ['Secretary of State']`")
            out["context"] = [self._compile(c, "context") for c in ctx]
        pats = options.get("patterns")
        if pats is not None:
            if not isinstance(pats, list) or not all(isinstance(p, str) for p in pats):
                raise FactValueError("`patterns` is a list of regular expressions", "")
            compiled = []
            for p in pats:
                if "(?P<who>" not in p:
                    raise FactValueError(f"pattern {p!r} has no (?P<who>...) group",
                                         "mark the name with (?P<who>{party})")
                compiled.append(self._compile(p.replace("{party}", _party()), "patterns"))
            out["patterns"] = compiled
        spelling = options.get("spelling", "usual")
        if spelling not in ("usual", "strict"):
            raise FactValueError(f"`spelling` is `usual` or `strict`, not {spelling!r}",
                                 "write `spelling: strict` for a name with one settled spelling")
        out["strict"] = spelling == "strict"
        others = options.get("others", [])
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise FactValueError("`others` is a list of names", "write `others: [Biden, Washington]`")
        out["others"] = [o.lower() for o in others]
        return out

    @staticmethod
    @lru_cache(maxsize=1024)  # a pattern written in many facts (or loaded again) is compiled once
    def _compile(p: str, key: str) -> TimedRegex:
        try:
            return TimedRegex(regex.compile(p, regex.IGNORECASE))
        except regex.error as e:
            raise FactValueError(f"`{key}` pattern {p!r} does not compile: {e}", "check brackets and escapes") from None

    def _spec(self, fact: Fact, ctx: Context) -> NameSpec:
        key = ("namespec", fact.id)
        if key not in ctx.cache:
            ctx.cache[key] = name_spec(fact.value, tuple(str(v.value) for v in fact.variants))
        spec: NameSpec = ctx.cache[key]
        return spec

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        if "patterns" in fact.options:
            return self._extract_who(sentence, fact)
        spec = self._spec(fact, ctx)
        out: list[Reading] = []
        text = sentence.text
        tkey = ("name_tokens", sentence.index, sentence.start)
        if tkey not in ctx.cache:
            # once per sentence, whatever the number of name facts: its tokens, and the first
            # letters of its words (a surname form is only compared with a word of its own letter)
            toks0 = _tokens(text)
            ctx.cache[tkey] = (toks0, frozenset(t.plain[:1] for t in toks0 if not t.initial))
        toks, letters = ctx.cache[tkey]
        lkey = ("name_letters", fact.id)
        if lkey not in ctx.cache:
            ctx.cache[lkey] = _first_letters(spec)
        if not letters & ctx.cache[lkey]:
            return out
        matches = _windows(toks, spec)
        if not matches:
            return out
        has_context = any(c.search(text) for c in fact.options.get("context", []))
        doc_context = ctx.cache.get(("doc_context", fact.id))
        if doc_context is None:
            doc_context = any(c.search(ctx.doc.text) for c in fact.options.get("context", []))
            ctx.cache[("doc_context", fact.id)] = doc_context
        established = ctx.cache.setdefault(("established", fact.id), False)
        for i, n, edits, form in matches:
            win = toks[i : i + n]
            if any(t.caps for t in win):
                continue
            a, b = win[0].start, win[-1].end
            # as written (the sentence is read with look-alike letters made Latin: segment.py);
            # a name that mixes scripts is never a listed spelling
            word = ctx.doc.text[sentence.start + a : sentence.start + b]
            mixed = bool(mixed_script(word))
            exact = edits == 0 and not mixed
            if not exact and word.lower().rstrip(".") in calendar_words():
                continue  # a timeline's "(Sun)" is no misspelt "Son", "May" no misspelt "Mayo"
            if not exact and n == 1 and word.lower() in _lower_words(ctx):
                continue  # "Final group - Woods, Finau" beside "the final round": the word, no misspelt Finau
            # the first name: the word written before the surname, past an initial ("Antony J.")
            j = i - 1
            while j >= 0 and toks[j].initial and toks[j].chunk == win[0].chunk:
                j -= 1
            first_tok = toks[j] if j >= 0 and toks[j].chunk == win[0].chunk and toks[j + 1].spaced else None
            first = first_tok.plain if first_tok is not None and not first_tok.initial else ""
            initials = "".join(t.plain[:1] for t in toks[j + 1 : i] if t.initial) if first else ""
            first_start = first_tok.start if first_tok is not None else 0
            if first:
                # a hyphenated first name is one: "Jean-Claude Galet" has the first name "Jean-Claude",
                # not "Claude" (another given name, another person)
                k = j
                while k > 0 and not toks[k].spaced and toks[k - 1].chunk == toks[k].chunk and not toks[k - 1].initial:
                    k -= 1
                if k < j:
                    first = "".join(t.plain for t in toks[k : j + 1])
                    first_start = toks[k].start
            if not exact and edits > _max_edits(form):
                if not first or first not in spec.firsts:
                    continue
            first_ok: bool | None = None
            first_translit = False
            given_after = None
            nxt = toks[i + n] if i + n < len(toks) else None
            if not first and nxt is not None and nxt.chunk == win[-1].chunk and nxt.spaced and nxt.plain in spec.firsts:
                # "Ko Wen-je", "Tsai Ing-wen": the given name after the family name, as Chinese and
                # Korean names are written
                given_after = nxt
            if given_after is not None:
                first, first_ok = given_after.plain, True
            elif first and spec.firsts:
                if first in spec.firsts:
                    first_ok = True
                elif any(_first_transliterated(first, f) for f in spec.firsts):
                    # "Chalifa Haftar" for Khalifa Haftar (a German transliteration): the same person
                    # perhaps, a spelling not listed: unclear, never a contradiction
                    first_ok = first_translit = True
                elif any(_near_first(first, f) for f in spec.firsts):
                    first_ok = False
                elif not exact and first not in _titles():
                    # another first name: another person ("Olena Zelenska" is not a misspelt Zelenskyy)
                    continue
                elif first not in _titles() and _given_name(first_tok, text, ctx):
                    # "Paul Murdaugh" for Alex Murdaugh: another of the family, not the person
                    continue
            after = _AFTER.match(text[b : b + 16])
            suffix = _suffix(after.group(1)) if after else None
            if suffix == "I" and spec.value_suffix is None:
                suffix = None  # "..., said Blinken. I": a pronoun, not a number
            if suffix is not None:
                assert after is not None
                b += after.end(1)
            translit = (not exact and not mixed and transliterated(_key_of(win), form)) or first_translit
            if spec.value_suffix and suffix is None and not spec.first:
                # "Mohammed" alone is not "Mohammed VI": only with the person's context, and not
                # when another name follows ("Mohammed Ali")
                nxt = toks[i + n] if i + n < len(toks) else None
                if not has_context or (nxt is not None and nxt.chunk == win[0].chunk):
                    continue
            # an exact spelling needs the person's context somewhere in the article ("a player named
            # Kirby" in a sports report is not John Kirby); a near-miss needs it in the sentence
            distinctive = exact and (len(form) >= 6 or n > 1)  # Blinken, Le Pen; not Kirby, Horne
            if not (has_context or established or first_ok is not None or (exact and (doc_context or distinctive))):
                continue
            ctx.cache[("established", fact.id)] = True
            established = True
            if given_after is not None:
                b = given_after.end
            elif first_ok is not None:
                assert first_tok is not None
                a = first_start
            read = NameRead(word, exact, first, first_ok, translit, suffix, initials)
            whole = ctx.doc.text[sentence.start + a : sentence.start + b]
            # a lone near-miss, with no first name and no context in its sentence, counts only because
            # the person was named before: perhaps another word ("freight to Conway, Pennsylvania"
            # after "Mayor Trent Conaway"): it cannot accuse
            lone = not exact and first_ok is None and not has_context and _placelike(text, b)
            out.append(Reading(start=sentence.start + a, end=sentence.start + b, text=whole,
                               value=read, shown=whole, detail=_why(read, spec),
                               extra={"loose": True, "why_loose": "a lone near-miss surname with no context "
                                      "in its sentence"} if lone else {}))
        return out

    def _extract_who(self, sentence: Sentence, fact: Fact) -> list[Reading]:
        out: list[Reading] = []
        # the patterns also read the sentence with its asides after a name blanked out ("Kipruto,
        # last year's winner, finished second" as "Kipruto finished second"): same length, so the
        # offsets hold
        texts = [sentence.text]
        bare = APPOSITIVE.sub(lambda m: " " * len(m.group(0)), sentence.text)
        if bare != sentence.text:
            texts.append(bare)
        # ... and with a verb phrase before "and" blanked out ("Djokovic saved two championship points
        # and beat Federer" as "Djokovic beat Federer"): the name is the subject of both verbs most
        # often, not surely ("Federer hit 25 aces and beat his record"), so such a reading is loose
        # ... and with a fact box's label colon read as a space ("Referee: Björn Kuipers (Netherlands)"
        # as "Referee Björn Kuipers"): same length
        if ":" in sentence.text:
            boxed = _LABEL_COLON.sub(" ", sentence.text)
            if boxed != sentence.text:
                texts.append(boxed)
        said = _ROLE_COPULA.sub(lambda m: " " * len(m.group(0)), bare)
        if said != bare:
            texts.append(said)
        joined = COORDINATED.sub(lambda m: " " * len(m.group(0)), bare)
        loose_from = len(texts) + 1  # the texts from here on are the joined one
        if joined != bare:
            texts.append(joined)
        seen: set[tuple[int, int]] = set()
        for p in fact.options["patterns"]:
            ms: list[tuple[Any, bool]] = []
            for k, text in enumerate(texts, 1):
                try:
                    ms += [(m, k >= loose_from) for m in p.finditer(text, timeout=0.25)
                           if (m.start("who"), m.end("who")) not in seen and not _mid_word(text, m.start(), m.end())]
                except TimeoutError:
                    continue
                seen |= {(m.start("who"), m.end("who")) for m, _ in ms}
            for m, coordinated in ms:
                a, b = sentence.start + m.start("who"), sentence.start + m.end("who")
                who = m.group("who")
                if regex.search(r"\p{Ll}\.$", who):
                    who, b = who[:-1], b - 1  # "at the request of Russia." ends the sentence, not the name
                extra: dict[str, Any] = {"whole": m.group(0)}
                text = sentence.text
                if coordinated:
                    extra.update(loose=True, why_loose="the name is the subject of another verb joined by "
                                 "'and' to the pattern's words: most likely, not surely, theirs")
                if (text[: m.start("who")].rstrip().endswith(",")
                        and _LIST_GOES_ON.match(text, m.end("who"))):
                    # "Bret Taylor in the chair, Larry Summers, and D'Angelo": after a comma and before
                    # more names, a member of a list, not surely the one the pattern's words are about
                    extra.update(loose=True, why_loose="a name in a list after the pattern's words")
                run_on = _ROLE_OF_NEXT.match(text, m.end()) if m.end("who") < m.end() else None
                if run_on is not None and any(x == run_on.end() - m.end() for x, _, _ in
                                              _listed(text[m.end() : m.end() + 60], _forms(fact))):
                    # "Ken Griffin, Melvin Capital's Gabe Plotkin": the pattern's role words run on into
                    # a possessive before another listed name; the role is that name's
                    extra.update(loose=True, why_loose="the pattern's words run on into a possessive before "
                                 "another listed name, whose role they are")
                if (m.end("who") < m.end() and not extra.get("loose")
                        and (_NAME_NEXT.match(text, m.end())
                             or any(x <= 1 for x, _, _ in _listed(text[m.end() : m.end() + 60], _forms(fact))))):
                    # "JPL director Michael Watkins, program manager Earl Maize": the pattern's role words
                    # after a comma stand right before another name, whose title they are (a list of
                    # people with their titles), not surely in apposition to the name before them
                    extra.update(loose=True, why_loose="the pattern's role words after the name stand right "
                                 "before another name, whose title they may be")
                if not extra.get("loose") and (
                        (regex.search(r"['’]s$", who) and _tied_person_after().match(text, m.end("who")))
                        or _tied_person_after(True).match(text, m.end("who"))):
                    # "read by Judge Lance Ito's clerk, Deirdre Robertson": the name is the possessor
                    # of the person the pattern's words are about (a clerk, a son, a lawyer)
                    extra.update(loose=True, why_loose="the name, in the possessive, is another person's tie "
                                 "(\"Ito's clerk\"): the pattern's words are about that person")
                if _POSSESSIVE_PRONOUN.search(text, max(0, m.start() - 8), m.start("who")):
                    # "The Northern Fleet declares ... Its commander, Admiral Popov, apologises": the
                    # pattern's role is said of whatever "its" refers to, which may be another's
                    extra.update(loose=True, why_loose="the pattern's role is said of a pronoun's antecedent "
                                 "(\"its commander\"), which may be another's")
                elif _POSSESSIVE_APPOSED.search(text, max(0, m.start() - 40), m.start()):
                    # "her backup, Idaho teacher Barbara Morgan", "his deputy, striker Olivier Giroud":
                    # the pattern's words stand in apposition to someone's other role (a pronoun's
                    # backup, deputy, successor): that person holds the role named, not surely the fact's
                    extra.update(loose=True, why_loose="the pattern's words stand in apposition to another "
                                 "role of a pronoun's antecedent (\"her backup, teacher ...\")")
                if m.start() < m.start("who") and _title_modifier_before().search(text, max(0, m.start() - 30),
                                                                                   m.start()):
                    # "Deputy Prime Minister Winston Peters" for "Prime Minister X": the pattern's role
                    # words are part of another title, another person's role
                    extra.update(loose=True, why_loose="the pattern's role words are part of another title "
                                 "(\"Deputy Prime Minister\", \"former captain\")")
                if (not extra.get("loose") and m.end() == m.end("who") and m.start() < m.start("who")
                        and text[m.start()].isupper()
                        and (app := _OWN_ROLE_APPOSITIVE.match(text, m.end("who"))) is not None
                        and not any(c.search(app.group(0)) for c in fact.cues)):
                    # "Captain Ernst Lehmann, the Zeppelin company's senior officer travelling as an
                    # observer": a title before the name, then an appositive that gives the person's
                    # own role without the fact's words: the title may be a rank, not the role
                    extra.update(loose=True, why_loose="a title before the name, then an appositive that gives "
                                 "the person's own role (\"Captain X, the company's senior officer\"): the title "
                                 "may be a rank")
                denied = _absence_before().search(text, max(0, m.start() - 60), m.start())
                if denied:
                    # "without its captain Thiago Silva", "in place of referee Orsato": the pattern's
                    # words are said of someone who did not hold the role
                    extra["negated"] = denied.group(1)
                out.append(Reading(start=a, end=b, text=who, value=who, shown=who, extra=extra))
        # the listed names (value, variants, others) written anywhere else in the sentence: no
        # pattern says they are who did it, so they are read as listed only (the check may let them
        # agree near the fact's cue, never accuse)
        taken = [(r.start, r.end) for r in out]
        for a, b, form in _listed(sentence.text, _forms(fact)):
            a, b = sentence.start + a, sentence.start + b
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            relation = _role_relation(sentence.text, a - sentence.start, b - sentence.start, fact)
            out.append(Reading(start=a, end=b, text=sentence.text[a - sentence.start : b - sentence.start],
                               value=form, shown=form,
                               extra={"relation": relation} if relation else {"listed": True}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        if "patterns" in fact.options:
            nick = _NICK_IN.search(str(reading.value))
            if nick:
                # 'Francis R. (Dick) Scobee': the name without its nickname, or the nickname and the
                # surname ("Dick Scobee"), whichever the fact knows
                got = [self.compare(replace(reading, value=v), value, fact, ctx) for v in (
                    _NICK_IN.sub(" ", str(reading.value)),
                    nick.group(1) + " " + str(reading.value)[nick.end():])]
                return True if True in got else (False if got == [False, False] else None)
            # (a possessive is the name's: "blocked Andre Iguodala's layup")
            # (a word's closing dot aside: "Jack Swigert Jr." is "Jack Swigert Jr", "John L Swigert")
            who = _dotless(regex.sub(r"['’]s?$", "", regex.sub(r"\s+", " ", str(reading.value)).strip().lower()))
            who_bare = regex.sub(r"^the\s+", "", who)
            if who == _dotless(value.lower()) or who_bare == _dotless(value.lower()):
                return True
            others = _dotless_all(tuple(fact.options["others"]))
            if who in others or who_bare in others:
                return False
            # "Midfielder Aitana Bonmatí", "Shift foreman Luis Urzúa": a capitalised title before the
            # full name (given name and surname), which the pattern's name took in
            if " " in value.strip() and who.endswith(" " + value.lower()):
                return True
            # ... before another's full name, or before the value's misspelled ("Captain Dmitri
            # Kolesnikov", "Captain Gennady Lyachkin"): the title is no part of who it is
            # (not a name read across a blanked aside: "David Hoyle [...] Justin Welby")
            words = who_bare.split() if not regex.search(r"\s{2}", str(reading.value)) else []
            tails = [" ".join(words[k:]) for k in range(1, min(3, len(words) - 2) + 1)]
            if any(tail in others for tail in tails):
                return False
            if str(value) == str(fact.value) and any(_misspells(x, str(value)) for x in (who_bare, *tails)):
                # "Prime Minister Alexis Tsirpas": the pattern says who held the role, and the name
                # it read is the value's with its surname misspelled
                return False
            return None
        r: NameRead = reading.value
        if str(value) != str(fact.value):
            # another name than the fact's (a distractor, "Charles II" beside Charles III): the reading
            # is that name when it spells it, accents and case aside
            return True if name_key(reading.text) == name_key(str(value)) else None
        spec = self._spec(fact, ctx)
        # the fact's value decides the suffix and the first name; variants only add spellings
        if r.suffix is not None and spec.value_suffix is not None and r.suffix not in spec.suffixes:
            return False  # "Mohammed IV" for Mohammed VI
        if r.first_ok is False:
            return False
        if r.first_ok and r.initials and spec.initials and r.initials not in spec.initials:
            return False  # "Harry S. Truman" for Harry R. Truman, "George H. W. Bush" for George W. Bush
        if not r.exact or r.translit:
            return None if r.translit and not fact.options.get("strict") else False
        if r.suffix is not None and spec.value_suffix is None and _ROMAN.fullmatch(r.suffix):
            return None  # "Charles III" for a Charles without a number: perhaps another bearer
        return True

    def render(self, value: Any) -> str:
        return str(value)


def _given_name(tok: Tok | None, text: str, ctx: Context) -> bool:
    """Is the capitalised word before a surname a given name (so another person's, when it is not the
    value's)? Not when the article also writes it in lower case ("But Murdaugh", "Yesterday
    Newman": a sentence's first word) or it is one of the language's common words."""
    if tok is None:
        return False
    word = text[tok.start : tok.end]
    if not word[:1].isupper() or "-" in word or (tok.start > 0 and text[tok.start - 1] in "-‐‑"):
        return False  # the end of a compound ("Paul-Henri Nargeolet") is left as before
    low = word.lower()
    if low in _common_lower():
        return False
    return low not in _lower_words(ctx)


def _lower_words(ctx: Context) -> frozenset[str]:
    """The words the article writes in lower case, once per document: a capitalised word among them
    is that word opening a sentence or a heading ("But Murdaugh", "Final group"), not a name."""
    key = ("lower_words", id(ctx.doc))
    words = ctx.cache.get(key)
    if words is None:
        words = frozenset(regex.findall(r"(?<![\p{L}'’])\p{Ll}+(?![\p{L}])", ctx.doc.text))
        ctx.cache[key] = words
    return words


@cache
def _common_lower() -> frozenset[str]:
    """Words that open sentences before a name: the language's clause openers, common words, back
    references, reporting verbs and days ("Yesterday")."""
    d = lang().data
    return frozenset(str(w).lower() for k in ("clause_openers", "common_words", "back_references",
                                              "reporting_verbs", "anchors", "coordinators", "deictic_days")
                     for w in d.get(k, ()))


def _first_transliterated(first: str, value_first: str) -> bool:
    """Is a first name the value's in another transliteration of its letters ("Chalifa" for "Khalifa",
    "Mustapha" for "Mustafa")? Not a doubled or single letter: "Jenn" for Jen, "Marcel" for
    Marcell are misspellings."""
    if first == value_first:
        return False
    letters = [(rx, rep) for rx, rep in _translit_rules() if "\\1" not in rep]
    a, b = first, value_first
    for rx, rep in letters:
        a, b = rx.sub(rep, a), rx.sub(rep, b)
    return a == b


def _near_first(first: str, value_first: str) -> bool:
    """Is `first` a misspelling of the value's first name: one edit (two for a name of five letters
    or more), or two neighbouring letters swapped ("Kier" for Keir, "Lionle" for Lionel)?"""
    if regex.fullmatch(rf"(?:{regex.escape(value_first)}){{e<={1 if len(value_first) <= 4 else 2}}}", first):
        return True
    if len(first) != len(value_first) or first == value_first:
        return False
    diff = [i for i, (x, y) in enumerate(zip(first, value_first)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and first[diff[0]] == value_first[diff[1]] \
        and first[diff[1]] == value_first[diff[0]]


def _key_of(win: tuple[Tok, ...]) -> str:
    return "".join(t.plain for t in win)


__all__ = ["NameKind", "NameRead", "NameSpec", "alternation", "name_key", "name_parts", "name_spec", "skeleton"]


def _dotless(name: str) -> str:
    """A name without its words' closing dots ("john l. swigert jr." -> "john l swigert jr")."""
    return _WORD_DOT.sub("", name) if "." in name else name


@lru_cache(maxsize=1024)
def _dotless_all(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_dotless(n) for n in names)


_WORD_DOT = regex.compile(r"(?<=\p{L})\.(?=\s|$)")


@cache
def _role_words() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The role relations' words (names.yaml): after a name, before it, and what may end the cue."""
    data = pack("names")
    after = regex.compile(rf"(?:\s*,\s*who|\s*,[^,;:()\n]{{1,80}},)?\s+(?P<verb>{alternation(data['role_after'])})\s+",
                          regex.IGNORECASE)
    before = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(data['role_before'])})\s+$", regex.IGNORECASE)
    ends = regex.compile(rf"\s*(?:[,.;:!?()\]\"”]|$)|\s+(?:{alternation(data['role_cue_ends'])}|[–—])(?![\p{{L}}])",
                         regex.IGNORECASE)
    return after, before, ends


# what may stand between a relation's words and the cue: an article, "new", "as", a few capitalised
# title words ("has been named World Series MVP", "was named the new head coach")
_ROLE_GAP = regex.compile(r"(?:(?:as|the|this\s+year['’]s|new|(?-i:\p{Lu})[\p{L}.-]*)\s+){0,4}", regex.IGNORECASE)
_BY_AGENT = regex.compile(r"\s+by\s+(?:(?-i:\p{Ll})\p{L}*\s+){0,2}", regex.IGNORECASE)
# after an office's abstract noun ("chairmanship", "presidency", "captaincy"): "of", an article and at
# most two lower-case title words before its holder's name
_OF_HOLDER = regex.compile(r"\s+of\s+(?:the\s+)?(?:(?-i:\p{Ll})\p{L}*\s+){0,2}", regex.IGNORECASE)
_LABEL_START = regex.compile(r"(?:^|[—–;|•]\s*)(?:[-*]\s*)?$")
_SPACE = regex.compile(r"\s+")


def _cue_at(fact: Fact, text: str, start: int) -> regex.Match[str] | None:
    """A match of one of the fact's cues at `start`, or after a few title words from there
    (`_ROLE_GAP`), that ends its noun phrase (names.yaml `role_cue_ends`)."""
    ends = _role_words()[2]
    gap = _ROLE_GAP.match(text, start)
    stops = [start] + [start + w.end() for w in regex.finditer(r"\S+\s+", text[start : gap.end() if gap else start])]
    for pos in stops:
        for cue in fact.cues or ():
            m = cue.compiled.match(text, pos, timeout=0.25)
            if m and m.end() > m.start() and not _mid_word(text, m.start(), m.end()) and ends.match(text, m.end()):
                return m
    return None


def _role_relation(text: str, a: int, b: int, fact: Fact) -> str | None:
    """Does the sentence `text` say that the listed name at [a, b) holds what the fact's cue names,
    in a relation any story writes the same way (names.yaml `role_after`, `role_before`, a cue in the
    past participle and "by", an office's noun and "of", a label)? Its name ("wins the ...", "named
    ...", "chaired by", "label"), else None. Only the fact's own cues count: a relation to another
    word says nothing of this fact."""
    if not fact.cues:
        return None
    after, before, _ = _role_words()
    m = after.match(text, b)
    if m and _cue_at(fact, text, m.end()):
        return f"'{m.group('verb')}' the cue"
    m = before.search(text, max(0, a - 30), a)
    space = _SPACE.match(text, b)
    if m and space and _cue_at(fact, text, space.end()):
        return f"'{m.group(0).strip()}' the name, then the cue"
    for cue in fact.cues:
        try:
            found = list(cue.compiled.finditer(text, 0, a, timeout=0.25))
        except TimeoutError:
            continue  # a user's pattern too slow on this sentence: no relation, the run goes on
        for c in found:
            if _mid_word(text, c.start(), c.end()):
                continue
            between = text[c.end() : a]
            if c.group(0).lower().endswith("ed") and _BY_AGENT.fullmatch(between):
                return f"'{c.group(0)} by'"
            if c.group(0).lower().endswith(("ship", "ncy", "acy")) and _OF_HOLDER.fullmatch(between):
                return f"'{c.group(0)} of'"  # "under the chairmanship of the engineer Ron Carter"
            if regex.fullmatch(r"\s*:\s*", between) and _LABEL_START.search(text[: c.start()]):
                return "the cue as a label"
    return None


def _forms(fact: Fact) -> tuple[str, ...]:
    """A `patterns` fact's listed names, longest first: value, variants, others."""
    forms = {str(fact.value).lower(), *(str(v.value).lower() for v in fact.variants), *fact.options["others"]}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Lower case without accents, one character for one (offsets kept)."""
    out = []
    for c in text:
        base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
        out.append(base.lower() if len(base) == 1 else c.lower())
    return "".join(out)


@lru_cache(maxsize=1024)
def _listed_re(forms: tuple[str, ...]) -> regex.Pattern[str]:
    alts = "|".join(regex.escape(_fold(f)).replace(r"\ ", r"\s+") for f in forms if f)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\d])(?:{alts})(?![\p{{L}}\p{{M}}\d])")


def _listed(text: str, forms: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, listed form) of each listed name in `text`, accents and case aside."""
    if not forms:
        return []
    folded = _fold(text)  # once per sentence (cached), whatever the number of facts
    by_fold = _by_fold(forms)
    return [(m.start(), m.end(), by_fold.get(" ".join(m.group(0).split()), m.group(0)))
            for m in _listed_re(forms).finditer(folded)]


@lru_cache(maxsize=1024)
def _by_fold(forms: tuple[str, ...]) -> dict[str, str]:
    return {" ".join(_fold(f).split()): f for f in forms}



@cache
def _places() -> frozenset[str]:
    """Countries and their regions (pycountry: states, provinces, counties), in lower case."""
    import pycountry

    names = {getattr(c, a, "") for c in pycountry.countries for a in ("name", "common_name", "official_name")}
    return frozenset({*(n.lower() for n in names if n), *(sd.name.lower() for sd in pycountry.subdivisions)})


@cache
def _place_after_re() -> regex.Pattern[str]:
    """What follows a place's name: ", Pennsylvania", ", Pa.", " Street" (en.yaml `place_after`)."""
    words = alternation(lang().data["place_after"]["words"])
    return regex.compile(rf"\s*,\s*(?P<p>\p{{Lu}}[\p{{L}}.]*(?:\s+\p{{Lu}}[\p{{L}}.]*)?)"
                         rf"|\s+(?:{words})(?![\p{{L}}])")


def _placelike(text: str, end: int) -> bool:
    """Is the name ending at `end` followed as a place is ("Conway, Pennsylvania", "Hardmon Street")?"""
    m = _place_after_re().match(text, end)
    if m is None:
        return False
    if m.group("p") is None:
        return True
    p = m.group("p").lower().rstrip(".")
    return p in _places() or p in lang().data["place_after"]["abbreviations"]
