"""Places: where something happened or what a ship flies, as a name among known alternatives.

`value` is the place, `variants` other accepted names ("Pad 39B", the larger site that holds it),
`others` the names that contradict (the neighbouring pad). A place named that is none of these is
not read at all: precision first, an article mentions many places.

When `value` is a country (as pycountry or factcheck/data/en/countries.yaml know it), the kind
reads the country's names and demonyms ("Panama-flagged", "the Panamanian flag"); another country
contradicts only when the fact's `role` pattern is right beside it ("Taiwanese-owned", "owned by
Japan"), since an article names many countries in other roles.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option
from factcheck.kinds.base import Context, Reading, is_wording
from factcheck.kinds.set import country_mentions, country_of, names_a_country
from factcheck.lang import alternation
from factcheck.segment import Sentence

ROLE_WINDOW = 16  # characters between a country and its role word ("Taiwanese-owned", "owned by Japan")


_BY = regex.compile(r"(?:by|to|in|of)\s+(?:the\s+)?$", regex.IGNORECASE)


def _norm(name: str) -> str:
    """A place's name as compared: a hyphen between words is a space ("fourth-floor flat", "Saint
    Denis"), any run of white space one space, lower case."""
    return " ".join(_JOIN.sub(" ", name).split()).lower()


#: a hyphen joining two words or a word and a number ("fourth-floor", "Launch Complex-39A")
_JOIN = regex.compile(r"(?<=[\p{L}\p{N}])[-‐‑](?=[\p{L}\p{N}])")


@cache
def _names_re(names: tuple[str, ...]) -> regex.Pattern[str]:
    # a space or a hyphen between two words of a name stands for either ("fourth floor", "fourth-floor")
    alts = alternation({_norm(n) for n in names}).replace(r"\s+", r"[\s\-‐‑]+")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)



# a clock time (with its zone, perhaps "in") right before a place: the place names the clock ("ended
# 11:47 p.m. CDT in Chicago", "at 9 a.m. in Paris"), not where the event was
_AFTER_CLOCK = regex.compile(r"(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
                             r"(?:\s+[A-Z]{2,5})?\s*(?:in\s+)?\Z")

class PlaceKind:
    name: ClassVar[str] = "place"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "others": Key("list[str]", doc="names of places that contradict ('Launch Complex 39A')"),
        "role": Key("regex", doc="with a country value: the role word beside another country that "
                                 "contradicts ('owned|owner')"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string", "minLength": 1,
        "description": "a place's name (Launch Complex 39B) or a country (Panama)"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> str:
        if not is_wording(raw):
            raise FactValueError("a place is a name", "write e.g. `value: Launch Complex 39B` or `value: Panama`")
        return " ".join(raw.split())

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        others = options.get("others", [])
        if not isinstance(others, list) or not all(isinstance(o, str) and o.strip() for o in others):
            raise FactValueError("`others` is a list of place names", "write `others: [Launch Complex 39A]`")
        return {"others": [" ".join(o.split()) for o in others], "role": compile_option(options, "role")}

    @staticmethod
    def _country(fact: Fact) -> str | None:
        """The country the fact's value names, when it names one itself ("Poland", not "Warsaw": a
        capital is a city, and its fact's `others` are other cities)."""
        return country_of(str(fact.value)) if names_a_country(str(fact.value)) else None

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        if self._country(fact) is not None:
            return self._extract_country(sentence, fact, ctx)
        # a distractor is read too, so that the longest phrase wins ("Colleton County Courthouse", a
        # distractor, is no "Colleton County")
        names = (str(fact.value), *(str(v.value) for v in fact.variants), *fact.options["others"],
                 *(str(d.value) for d in fact.distractors))
        out = []
        for m in _names_re(tuple(names)).finditer(sentence.text):
            if _AFTER_CLOCK.search(sentence.text, max(0, m.start() - 30), m.start()):
                continue  # "ended 11:47 p.m. CDT in Chicago": the clock's place, not where it happened
            a, b = sentence.start + m.start(), sentence.start + m.end()
            out.append(Reading(start=a, end=b, text=m.group(0), value=_norm(m.group(0)), shown=m.group(0)))
        return out

    def _extract_country(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        mine = self._country(fact)
        role: regex.Pattern[str] | None = fact.options.get("role")
        text = sentence.text
        out = []
        for a, b, canon in country_mentions(text):
            detail = ""
            if canon != mine:
                if role is None:
                    continue
                after = regex.match(rf"[\s\-–]{{0,3}}(?:{role.pattern})", text[b : b + ROLE_WINDOW + 20],
                                    regex.IGNORECASE)
                ahead = text[max(0, a - ROLE_WINDOW) : a]
                if not after and not (role.search(ahead) and _BY.search(ahead)):
                    continue
                detail = f"{canon} in the role {role.pattern!r}"
            out.append(Reading(start=sentence.start + a, end=sentence.start + b, text=text[a:b], value=canon,
                               shown=canon, detail=detail))
        # a country's places listed as they are ("Nicosia" a variant of Cyprus, "Crete" among `others`):
        # read literally, as a place that is no country is
        literal = tuple(n for n in (*(str(v.value) for v in fact.variants), *fact.options["others"],
                                    *(str(d.value) for d in fact.distractors)) if country_of(n) is None)
        if literal:
            for m in _names_re(literal).finditer(text):
                out.append(Reading(start=sentence.start + m.start(), end=sentence.start + m.end(), text=m.group(0),
                                   value=_norm(m.group(0)), shown=m.group(0), extra={"literal": True}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        got = str(reading.value)
        mine = country_of(str(value))
        if self._country(fact) is not None and reading.extra.get("literal"):
            # a place listed in the fact's variants or `others`, not a country
            if got == _norm(str(value)):
                return True
            return False if got in {_norm(o) for o in fact.options["others"]} else None
        if self._country(fact) is not None:
            if mine is not None and got == mine:
                return True
            return False if got != self._country(fact) else None
        if got == _norm(str(value)):
            return True
        if got in {_norm(o) for o in fact.options["others"]}:
            return False
        return None

    def render(self, value: Any) -> str:
        return str(value)
