"""People's names for `suggest`: runs of capitalised words, of which the last two (a first name
and a surname, with the surname's capitalised particles: "Anne Le Roux") are a person's name.

This reader is local: the name kind (factcheck/kinds/name.py) reads only the spellings of a name
it is given (a fact's value and variants), and no kind finds names no fact holds. The particles
are the name kind's data (factcheck/data/en/names.yaml); words that are never part of a name are
language data (titles, months, weekdays, number words, countries, demonyms, and the `not_name`
words of factcheck/data/en/suggest.yaml)."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.lang import alternation, lang, levenshtein, pack
from factcheck.segment import Sentence
from factcheck.suggest.model import Value
from factcheck.suggest.words import is_stop, title_case, words

Span = tuple[int, int]


@cache
def _particles() -> frozenset[str]:
    return frozenset(str(p).lower() for p in pack("names")["particles"])


@cache
def _run_re() -> regex.Pattern[str]:
    """A run of two or more capitalised words, with initials ("Anna J. Smith"); a word may
    open with a lower-case particle and a hyphen ("Omar al-Rashid"). A particle standing alone in
    lower case ends the run: "Rue de Lyon" and "Pont de Pierre" are no one's names."""
    parts = alternation(_particles())
    word = r"(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
    token = rf"(?:(?-i:{parts})-)?{word}"
    gap = r"\s+(?:\p{Lu}\.\s+)?"
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}'’-]){token}(?:{gap}{token})+(?![\p{{L}}\p{{M}}])")


@cache
def _part_re() -> regex.Pattern[str]:
    """The parts of a run: words, initials, particles."""
    return regex.compile(r"[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*\.?")


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(str(s).rstrip(".") for s in pack("names")["suffixes"])


@cache
def _not_name_words() -> frozenset[str]:
    """Words that are never part of a person's name (lower case)."""
    lg = lang()
    out: set[str] = set(lg.months) | set(lg.weekdays) | set(lg.number_words)
    out.update(str(t).lower() for t in lg.data["titles"])
    for country in lg.countries:
        out.update(w.lower() for w in country.split())
    for demonym in lg.data.get("demonyms", {}):
        out.add(str(demonym).lower())
    for forms in pack("countries").get("demonyms", {}).values():
        out.update(str(f).lower() for f in forms)
    return frozenset(out | words("not_name"))


@cache
def _not_first_names() -> frozenset[str]:
    """Words that do not open a name although they may end one: the other names of countries in
    en.yaml (capitals, governments) are never a first name; some are surnames."""
    out: set[str] = set()
    for aliases in lang().countries.values():
        out.update(a.lower() for a in aliases if " " not in a)
    return frozenset(out)


def _bad(word: str) -> bool:
    bad = _not_name_words()
    w = word.lower().replace("’", "'")
    return w in bad or "-" in w and any(p in bad for p in w.split("-"))


def read_names(sentence: Sentence, taken: list[Span]) -> list[tuple[int, int, Value]]:
    """The people named in full in `sentence`: (start, end, value) outside the `taken` spans."""
    if title_case(sentence):
        return []
    out: list[tuple[int, int, Value]] = []
    particles = _particles()
    for m in _run_re().finditer(sentence.text):
        parts = list(_part_re().finditer(m.group(0)))
        while len(parts) > 2 and parts[-1].group(0).rstrip(".") in _suffixes():
            parts.pop()  # "Martin Luther King Jr": the suffix is no surname
        # the surname: the last word and the particles before it ("Le Roux", "van Berg")
        i = len(parts) - 1
        while i > 0 and parts[i - 1].group(0).lower() in particles:
            i -= 1
        j = i - 1
        if j >= 1 and regex.fullmatch(r"\p{Lu}\.", parts[j].group(0)):
            j -= 1  # "Anna J. Smith": the initial is neither first name nor surname
        if j < 0:
            continue  # "Le Roux", "Al Nour": no first name
        first = parts[j].group(0)
        surname = " ".join(p.group(0) for p in parts[i:])
        named = [first] + [p.group(0) for p in parts[i:] if p.group(0).lower() not in particles]
        if any(_bad(w) for w in named):
            continue
        if len(first) < 2 or first.endswith(".") or first.lower() in particles or is_stop(first) \
                or first.lower() in _not_first_names():
            continue  # "Although Smith", "When Jones"
        a = sentence.start + m.start() + parts[j].start()
        b = sentence.start + m.start() + parts[-1].end()
        if any(a < y and x < b for x, y in taken):
            continue
        shown = " ".join(sentence.text[a - sentence.start : b - sentence.start].split()).replace("’", "'")
        out.append((a, b, Value("name", ("name", shown), shown, data=(first, surname))))
    return out


def _similar_word(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return levenshtein(a, b) <= (1 if min(len(a), len(b)) <= 5 else 2)


def same_person(a: Value, b: Value) -> bool:
    """Could two names be spellings of one person's (the surnames a few edits apart, the first
    names too or one an initial)?"""
    (f1, l1), (f2, l2) = a.data, b.data
    initial = f1[0] == f2[0] and (len(f1) <= 2 or len(f2) <= 2)
    return _similar_word(l1, l2) and (_similar_word(f1, f2) or initial)
