"""Sets: "the leaders of France, Germany, Italy and the United Kingdom" (countries, with aliases:
Britain = United Kingdom, Macron = France), "in 2014 and 2015" (years); and counts of the set
("the four major European leaders").

A listed member outside the set contradicts; the whole set agrees; a part of it cannot tell
(an article may name only some of the leaders)."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.count import counted_numbers
from factcheck.kinds.year import nearest_to_cues, years_in
from factcheck.lang import lang
from factcheck.segment import Sentence

UNIVERSES = ("countries", "years")


@cache
def _country_re() -> tuple[regex.Pattern[str], dict[str, str]]:
    alias_to: dict[str, str] = {}
    for canon, aliases in lang().countries.items():
        for a in [canon, *aliases]:
            alias_to[a.lower()] = canon
    # case-sensitive on purpose: "US" and "us" differ
    alts = sorted(alias_to, key=len, reverse=True)
    pats = []
    for a in alts:
        orig = next(x for c, xs in lang().countries.items() for x in [c, *xs] if x.lower() == a)
        pats.append(regex.escape(orig).replace(r"\ ", r"\s+"))
    return regex.compile(rf"(?<![\p{{L}}.])(?:the\s+)?(?P<c>{'|'.join(pats)})(?![\p{{L}}])"), alias_to


# between two members of a list: a comma or "and", maybe a first name ("Macron, Angela Merkel")
_JOIN = regex.compile(r"\A(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?(?:(?-i:\p{Lu}[\p{L}.'’-]+)\s+){0,4}\Z",
                      regex.IGNORECASE)
_INTRO = regex.compile(r"(?:leaders?|heads?\s+of\s+(?:state|government)|counterparts?|presidents?|"
                       r"prime\s+ministers?|chancellors?|allies)\s+(?:of|from|in)\s+(?:the\s+)?\Z|\bwith\s+(?:the\s+)?\Z",
                       regex.IGNORECASE)


# between two names of one member: titles and first names, or "of" ("Emmanuel Macron of France")
_TITLE = regex.compile(r"\A(?:\s+(?:(?-i:\p{Lu}[\p{L}.'’-]*)\s+){0,3}|\s+of\s+(?:the\s+)?|['’]s\s+)\Z")


def country_lists(sentence: Sentence) -> list[tuple[int, int, list[str]]]:
    """Coordinated lists of countries (or their leaders): (start, end, canonical members)."""
    rx, alias_to = _country_re()
    ms = list(rx.finditer(sentence.text))
    out: list[tuple[int, int, list[str]]] = []
    run: list[tuple[str, int, int]] = []  # (member, start, end of its last mention)

    def flush() -> None:
        if not run:
            return
        intro = _INTRO.search(sentence.text[max(0, run[0][1] - 40) : run[0][1]])
        if len(run) >= 3 or (len(run) >= 2 and intro):
            out.append((sentence.start + run[0][1], sentence.start + run[-1][2], [m for m, _, _ in run]))

    for m in ms:
        member = alias_to[regex.sub(r"\s+", " ", m.group("c")).lower()]
        gap = sentence.text[run[-1][2] : m.start()] if run else ""
        if run and run[-1][0] == member and _TITLE.match(gap):
            # "French President Emmanuel Macron": one member named twice
            run[-1] = (member, run[-1][1], m.end())
            continue
        if run and _JOIN.match(gap):
            run.append((member, m.start(), m.end()))
            continue
        flush()
        run = [(member, m.start(), m.end())]
    flush()
    return out


class SetKind:
    name: ClassVar[str] = "set"
    option_keys: ClassVar[frozenset[str]] = frozenset({"universe", "counted"})

    def parse_value(self, raw: Any, options: dict[str, Any]) -> frozenset[str]:
        if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
            raise FactValueError("a set is a list of members", "write e.g. `value: [France, Germany]`")
        universe = options.get("universe", "countries")
        if universe == "years":
            bad = [x for x in raw if not regex.fullmatch(r"\d{4}", x)]
            if bad:
                raise FactValueError(f"{bad[0]!r} is not a year", "write four-digit years: [2014, 2015]")
            return frozenset(raw)
        known = set(lang().countries)
        _, alias_to = _country_re()
        out = set()
        for x in raw:
            canon = alias_to.get(x.lower())
            if canon is None:
                raise FactValueError(f"{x!r} is not a country known to factcheck/data/en.yaml",
                                     f"use one of {', '.join(sorted(known))}, or add it to en.yaml")
            out.add(canon)
        return frozenset(out)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        universe = options.get("universe", "countries")
        if universe not in UNIVERSES:
            raise FactValueError(f"unknown universe {universe!r}", f"use one of: {', '.join(UNIVERSES)}")
        return {"universe": universe, "counted": compile_option(options, "counted")}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        out: list[Reading] = []
        if fact.options["universe"] == "years":
            items = years_in(sentence)
            near = nearest_to_cues(items, sentence, fact, limit=160, others=ctx.sentence_cues)
            if near:
                # the years listed together with the nearest one
                lo = min(a for a, _, _ in near)
                group = [it for it in items if abs(it[0] - lo) <= 20 or it in near]
                a, b = min(g[0] for g in group), max(g[1] for g in group)
                ys = sorted({str(g[2]) for g in group})
                out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=frozenset(ys), shown=ys))
            return out
        for a, b, members in country_lists(sentence):
            out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=frozenset(members),
                               shown=sorted(set(members))))
        counted = fact.options.get("counted")
        if counted is not None:
            for r in counted_numbers(sentence, counted):
                out.append(Reading(start=r.start, end=r.end, text=r.text, value=int(r.value.value),
                                   shown={"count": int(r.value.value)}, detail="a count of the set"))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        members: frozenset[str] = value
        if isinstance(reading.value, int):
            return reading.value == len(members)
        got: frozenset[str] = reading.value
        if got == members:
            return True
        if got - members:
            return False
        return None

    def render(self, value: Any) -> str:
        return "{" + ", ".join(sorted(value)) + "}"
