"""Quotations a story repeats: a slogan, a note, a famous line ("All of us are safe in the
tunnel", "The harbour will open again"). The value is the quotation; `variants` are translations
and other wordings.

Reads the text inside quotation marks ("...", “...”, „...“, «...», »...«, ‘...’, '...') and
compares it with each form after normalising case, punctuation, accents and whitespace: the same
words agree, and so does a quoted passage holding the whole form or a faithful fragment of it (at
least three words and half the form). A passage that is clearly the same quotation with a word or
two changed (most of its words shared, `match`, 0.6 by default) is unclear: a misquote is worth a
look, never an accusation, unless the fact says `misquote: contradict`. A passage sharing fewer
words is not read at all.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.segment import Document, Sentence

DEFAULT_MATCH = 0.6
#: a fragment of a form agrees when it has at least this many words and this share of the form
FRAGMENT_WORDS = 3
FRAGMENT_SHARE = 0.5
#: a misquote differs from its form by at most max(MISQUOTE_WORDS, MISQUOTE_SHARE x its words) words
MISQUOTE_WORDS = 2
MISQUOTE_SHARE = 0.2
MAX_QUOTE_CHARS = 1200

# Pairs of quotation marks; the inner text may not cross a paragraph. A straight or curly single
# quote must not be an apostrophe ("the workers' families", "we’re").
_QUOTED = regex.compile(
    r'"(?P<q>[^"\n]{1,1200})"'
    r"|“(?P<q>[^“”\n]{1,1200})[”“]"
    r"|„(?P<q>[^„“”\n]{1,1200})[“”]"
    r"|«(?P<q>[^«»\n]{1,1200})»"
    r"|»(?P<q>[^«»\n]{1,1200})«"
    r"|(?<![\p{L}\d])‘(?P<q>(?:[^‘’\n]|’(?=\p{L})){1,1200})’(?![\p{L}\d])"
    r"|(?<![\p{L}\d'])'(?=\S)(?P<q>(?:[^'\n]|'(?=\p{L})){1,1200}?)(?<=\S)'(?![\p{L}\d])",
)
_APOSTROPHES = regex.compile(r"['’ʼ`´]")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def normalise(text: str) -> tuple[str, ...]:
    """The words of `text` without case, accents, apostrophes or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    bare = _APOSTROPHES.sub("", bare)
    return tuple(w for w in _NON_WORD.split(bare) if w)


@dataclass(frozen=True)
class Quote:
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class QuoteRead:
    text: str
    words: tuple[str, ...]


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _shared_words(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """The words two passages share in order (their longest common subsequence). difflib's blocks
    are greedy and undercount repeated words ("we we water we we we" v six "we": 3, not 5); a
    dynamic programme is exact, and cheap at a quotation's length (difflib past 250,000 cells)."""
    if len(a) * len(b) > 250_000:
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return sum(x.size for x in sm.get_matching_blocks())
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def relation(passage: tuple[str, ...], form: tuple[str, ...], share: float = DEFAULT_MATCH) -> str:
    """How a quoted passage stands to a form of the quotation: `same` (the same words, the whole
    form inside a longer passage, or a fragment of it), `near` (the same quotation with a few words
    changed) or `other`."""
    if not passage or not form:
        return "other"
    if passage == form or _contains(passage, form):
        return "same"
    if (_contains(form, passage) and len(passage) >= FRAGMENT_WORDS
            and len(passage) >= FRAGMENT_SHARE * len(form)):
        return "same"
    shared = _shared_words(passage, form)
    changed = max(len(passage), len(form)) - shared
    if (shared >= share * len(form) and shared >= share * len(passage)
            and 0 < changed <= max(MISQUOTE_WORDS, int(MISQUOTE_SHARE * len(form)))):
        return "near"
    return "other"


def quoted_passages(doc: Document, ctx: Context | None = None) -> list[tuple[int, int, str]]:
    """(start, end, text) of the inside of every quotation in the document (cached per document)."""
    key = ("quote.passages", id(doc))
    if ctx is not None and key in ctx.cache:
        cached: list[tuple[int, int, str]] = ctx.cache[key]
        return cached
    out = []
    for m in _QUOTED.finditer(doc.text):
        a, b = m.span("q")
        inner = doc.text[a:b]
        strip_a = len(inner) - len(inner.lstrip())
        strip_b = len(inner.rstrip())
        if strip_b <= strip_a:
            continue
        out.append((a + strip_a, a + strip_b, inner[strip_a:strip_b]))
    if ctx is not None:
        ctx.cache[key] = out
    return out


_SHARE_FIX = "write a share of the words between 0 and 1, e.g. `match: 0.6` (the default)"


class QuoteKind:
    name: ClassVar[str] = "quote"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "match": Key("str", doc="the share of words a quoted passage must have in common with the quote "
                                "(or a variant) to be read as the same quote with words changed (default 0.6)"),
        "misquote": Key("enum", doc="what a quote with a word or two changed is: `unclear` (the default) or "
                                    "`contradict`", choices=("unclear", "contradict")),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": ["string", "number", "boolean"],
        "description": "the quotation as it should read, without quotation marks: 'All of us are safe'"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Quote:
        if isinstance(raw, (list, dict)):
            raise FactValueError("a quotation is one text, not a list or a mapping",
                                 "write `value: 'All of us are safe'` and other wordings under `variants:`")
        text = " ".join(str(raw).split())
        text = text.strip("\"“”„«»‘’' ")
        words = normalise(text)
        if not words:
            raise FactValueError(f"cannot read {raw!r} as a quotation: it has no words",
                                 "write the words of the quotation: `value: 'All of us are safe'`")
        return Quote(text, words)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"match": DEFAULT_MATCH, "misquote": "unclear"}
        if "match" in options:
            raw = str(options["match"]).strip()
            try:
                share = float(raw.rstrip("% ")) / (100 if raw.endswith("%") else 1)
            except ValueError:
                raise FactValueError(f"`match` must be a share of the words, not {raw!r}", _SHARE_FIX) from None
            if not 0 < share <= 1:
                raise FactValueError(f"`match` must be between 0 and 1, not {raw!r}", _SHARE_FIX)
            out["match"] = share
        if "misquote" in options:
            raw = str(options["misquote"]).strip()
            if raw not in ("unclear", "contradict"):
                raise FactValueError(f"`misquote` must be unclear or contradict, not {raw!r}",
                                     "write `misquote: unclear` (the default) or `misquote: contradict`")
            out["misquote"] = raw
        return out

    def _forms(self, fact: Fact) -> list[Quote]:
        forms = [fact.value, *(v.value for v in fact.variants), *(d.value for d in fact.distractors)]
        return [f for f in forms if isinstance(f, Quote)]

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        share = float(fact.options.get("match", DEFAULT_MATCH))
        forms = self._forms(fact)
        out = []
        for a, b, text in quoted_passages(ctx.doc, ctx):
            if not sentence.start <= a < sentence.end:
                continue
            words = normalise(text)
            rel = [relation(words, f.words, share) for f in forms]
            if all(x == "other" for x in rel):
                continue  # a quotation of something else
            out.append(Reading(start=a, end=b, text=text, value=QuoteRead(text, words), shown=text,
                               detail="the same words" if "same" in rel else "the quotation with words changed"))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        r: QuoteRead = reading.value
        q: Quote = value
        rel = relation(r.words, q.words, float(fact.options.get("match", DEFAULT_MATCH)))
        if rel == "same":
            return True
        if rel == "near" and fact.options.get("misquote") == "contradict":
            return False
        return None

    def render(self, value: Any) -> str:
        q: Quote = value
        return f"“{q.text}”"


__all__ = ["Quote", "QuoteKind", "QuoteRead", "normalise", "quoted_passages", "relation"]
