"""Names: legitimate variants (Zelensky, Zelenskiy, Zelenskyy) agree; near-misses that are not
listed variants (Brinken, Zelenskyyk, "Anthony" Blinken, "Jenn" Psaki) contradict.

Near-misses are capitalised words a small edit distance from a surname form (with the same first
letter; accents ignored). A lone surname counts only with
the fact's `context` in the sentence, or when the person was already named in full or with their
role earlier in the article, so an ordinary word ("horn") never does.

With `patterns` (regular expressions with a `(?P<who>...)` group, `{party}` standing for a name),
a name fact reads who did something ("Russia had asked for the call") instead: `value`/`variants`
agree, `others` contradict.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang, levenshtein
from factcheck.segment import Sentence

_L = r"\p{L}\p{M}"
_PARTY = (r"(?:the\s+)?(?:(?:Russian|American|U\.?S\.?|Ukrainian)\s+(?:side|leader|president)"
          r"|(?-i:[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}))")


@dataclass(frozen=True)
class NameSpec:
    first: str
    last: str
    forms: frozenset[str]  # every accepted surname form, lower case
    firsts: frozenset[str]  # accepted first names, lower case


def _split(full: str) -> tuple[str, str]:
    parts = full.replace('"', "").split()
    return (parts[0] if len(parts) > 1 else "", parts[-1])


def _max_edits(word: str) -> int:
    return 1 if len(word) <= 7 else 2


@cache
def name_spec(value: str, variants: tuple[str, ...]) -> NameSpec:
    first, last = _split(value)
    forms = {last.lower()}
    firsts = {first.lower()} if first else set()
    for v in variants:
        f, s = _split(v)
        forms.add(s.lower())
        if f and s.lower() in forms:
            firsts.add(f.lower())
    return NameSpec(first, last, frozenset(forms), frozenset(firsts))


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    """Lower case without accents: "Volodímir" and "Volodimir" are the same transliteration."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _why(word: str, exact: bool, first: str, first_ok: bool | None, spec: NameSpec) -> str:
    if exact and first_ok is not False:
        return "a listed spelling"
    parts = []
    if first_ok is False:
        parts.append(f"{first!r} is not a spelling of the first name {spec.first!r}")
    if not exact:
        parts.append(f"{word!r} is a near-miss of {spec.last!r}, not a listed spelling")
    return "; ".join(parts)


_CAPITALISED = regex.compile(rf"(?<![{_L}])\p{{Lu}}[{_L}]*(?![{_L}])")


def _near_words(text: str, spec: NameSpec) -> list[tuple[regex.Match[str], int]]:
    """Capitalised words at most one edit more than `_max_edits` from a surname form with the same
    first letter (the extra edit is kept only after the person's own first name: "Dmitri
    Peskoff"), with their distance (a Levenshtein distance on short words: cheaper than fuzzy
    regular expressions over every sentence)."""
    out = []
    for m, w in _capitalised(text):
        best = None
        for f in spec.forms:
            if f[:1] != w[:1]:
                continue
            allowed = _max_edits(f) + (1 if len(f) >= 6 else 0)
            if abs(len(f) - len(w)) > allowed:
                continue
            d = levenshtein(f, w)
            if d <= allowed and (best is None or d < best):
                best = d
        if best is not None:
            out.append((m, best))
    return out


@lru_cache(maxsize=256)
def _capitalised(text: str) -> list[tuple[regex.Match[str], str]]:
    """The capitalised words of a sentence with their plain form (shared by every name fact)."""
    return [(m, _plain(m.group(0))) for m in _CAPITALISED.finditer(text)]


@cache
def _titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in lang().data["titles"])


class NameKind:
    name: ClassVar[str] = "name"
    option_keys: ClassVar[frozenset[str]] = frozenset({"context", "patterns", "others"})

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
                compiled.append(self._compile(p.replace("{party}", _PARTY), "patterns"))
            out["patterns"] = compiled
        others = options.get("others", [])
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise FactValueError("`others` is a list of names", "write `others: [Biden, Washington]`")
        out["others"] = [o.lower() for o in others]
        return out

    @staticmethod
    def _compile(p: str, key: str) -> regex.Pattern[str]:
        try:
            return regex.compile(p, regex.IGNORECASE)
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
        matches = _near_words(text, spec)
        if not matches:
            return out
        has_context = any(c.search(text) for c in fact.options.get("context", []))
        doc_context = ctx.cache.get(("doc_context", fact.id))
        if doc_context is None:
            doc_context = any(c.search(ctx.doc.text) for c in fact.options.get("context", []))
            ctx.cache[("doc_context", fact.id)] = doc_context
        established = ctx.cache.setdefault(("established", fact.id), False)
        for m, edits in matches:
            word = m.group(0)
            if word.isupper() and len(word) > 3:
                continue
            exact = _plain(word) in spec.forms
            if not exact and (edits == 0 or word[:1].lower() != next(iter(sorted(spec.forms)))[:1]
                              and not any(word[:1].lower() == f[:1] for f in spec.forms)):
                continue
            if not exact and edits > min(_max_edits(f) for f in spec.forms if f[:1] == word[:1].lower()):
                before = regex.search(rf"([\p{{Lu}}][{_L}]+)\s+$", text[max(0, m.start() - 60) : m.start()])
                if not before or before.group(1).lower() not in spec.firsts:
                    continue
            start = sentence.start + m.start()
            window = max(0, m.start() - 60)  # a bounded look back: linear in the sentence
            first_m = regex.search(rf"([\p{{Lu}}][{_L}]+)\.?\s+(?:[\p{{Lu}}]\.\s+)?$", text[window : m.start()])
            first = _plain(first_m.group(1)) if first_m else ""
            first_ok: bool | None = None
            if first and spec.firsts:
                fl = first.lower()
                if fl in spec.firsts:
                    first_ok = True
                elif any(regex.fullmatch(rf"(?:{regex.escape(f)}){{e<={1 if len(f) <= 4 else 2}}}", fl)
                         for f in spec.firsts):
                    first_ok = False
                elif not exact and fl not in _titles():
                    # another first name: another person ("Olena Zelenska" is not a misspelt Zelenskyy)
                    continue
            # an exact spelling needs the person's context somewhere in the article ("a player named
            # Kirby" in a sports report is not John Kirby); a near-miss needs it in the sentence
            distinctive = exact and len(word) >= 6  # Blinken, Peskov, Zelenskyy; not Kirby, Horne
            if not (has_context or established or first_ok is not None or (exact and (doc_context or distinctive))):
                continue
            ctx.cache[("established", fact.id)] = True
            established = True
            if first_ok is not None:
                assert first_m is not None
                start = sentence.start + window + first_m.start(1)
            whole = ctx.doc.text[start : sentence.start + m.end()]
            out.append(Reading(start=start, end=sentence.start + m.end(), text=whole,
                               value=(word, exact, first, first_ok), shown=whole,
                               detail=_why(word, exact, first, first_ok, spec)))
        return out

    def _extract_who(self, sentence: Sentence, fact: Fact) -> list[Reading]:
        out: list[Reading] = []
        for p in fact.options["patterns"]:
            try:
                ms = list(p.finditer(sentence.text, timeout=0.25))
            except TimeoutError:
                continue
            for m in ms:
                a, b = sentence.start + m.start("who"), sentence.start + m.end("who")
                who = m.group("who")
                out.append(Reading(start=a, end=b, text=who, value=who, shown=who, extra={"whole": m.group(0)}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        if "patterns" in fact.options:
            who = regex.sub(r"\s+", " ", str(reading.value)).strip().lower()
            who_bare = regex.sub(r"^the\s+", "", who)
            if who in (value.lower(),) or who_bare == value.lower():
                return True
            if who in fact.options["others"] or who_bare in fact.options["others"]:
                return False
            return None
        word, exact, first, first_ok = reading.value
        spec = self._spec(fact, ctx)
        # the value itself (not variants) decides; variants are checked by the caller
        if not exact:
            return False
        if first_ok is False:
            return False
        v_first, v_last = _split(value)
        if word.lower() == v_last.lower() and (not first or not v_first or first.lower() == v_first.lower()
                                                 or first_ok is None):
            return True
        return word.lower() in spec.forms and first_ok is not False

    def render(self, value: Any) -> str:
        return str(value)


__all__ = ["NameKind", "alternation"]
