"""Sets: "the teams of Spain, Italy, Japan and the United Kingdom" (countries, with aliases
and demonyms: Britain = United Kingdom, Chilean = Chile, Macron = France), "in 2014 and 2015"
(years), "Reid Wiseman, Victor Glover and Christina Koch" (people, compared by the name rules),
"on August 29 and September 3" (dates); and counts of the set ("the four major European leaders").

Countries come from pycountry, with the short names, other names and demonyms of
factcheck/data/en/countries.yaml and the `countries:` of factcheck/data/en.yaml (leaders' names).

A listed member outside the set contradicts; the whole set agrees. A part of a set of countries or
years cannot tell (an article may name only some of the leaders); a part of a set of people or
dates agrees when every stated member is right (a crew member named, one of two launch attempts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any, ClassVar

import pycountry
import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.count import counted_numbers
from factcheck.kinds.date import read_dates
from factcheck.kinds.name import name_key, name_parts, name_spec, skeleton
from factcheck.kinds.year import nearest_to_cues, years_in
from factcheck.lang import alternation, calendar_words, lang, levenshtein, pack
from factcheck.segment import Sentence

UNIVERSES = ("countries", "years", "people", "dates", "labels")
_NO_PLURAL = regex.compile(r"(?:ese|ish|ch|sh|ss|s|x|z|i-Kiribati|Vanuatu)$")


def _plural(word: str) -> str | None:
    if _NO_PLURAL.search(word) or " " in word and word.split()[-1][0].islower():
        return None
    return word + "s"


@cache
def country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(alias as written -> canonical name, lower-case alias -> canonical name) for every country
    of pycountry, the names, aliases and demonyms of countries.yaml and en.yaml's `countries:`."""
    exact, lower = _country_names()
    exact, lower = dict(exact), dict(lower)
    ambiguous = {str(a) for a in pack("countries").get("ambiguous", [])}
    for canon, aliases in lang().countries.items():  # en.yaml: leaders' names, capitals, EU, NATO
        target = lower.get(canon.lower(), canon)
        for a in (canon, *aliases):
            a = " ".join(a.split())
            if a and a not in ambiguous:
                exact.setdefault(a, target)
            lower.setdefault(a.lower(), target)
    return exact, lower


def names_a_country(name: str) -> bool:
    """Is `name` a country's own name, alias or demonym ("Poland", "Holland"), not a word that stands
    for one in the story pack's lists (a capital, "Warsaw"; a leader's name)?"""
    key = " ".join(name.split()).lower()
    return key in _country_names()[1] or _THE.sub("", key) in _country_names()[1]


@cache
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    """`country_table` without en.yaml's `countries:` (capitals, leaders' names, EU, NATO)."""
    data = pack("countries")
    names = {str(k): str(v) for k, v in data.get("names", {}).items()}
    ambiguous = {str(a) for a in data.get("ambiguous", [])}
    exact: dict[str, str] = {}

    def add(alias: str, canon: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias not in ambiguous:
            exact.setdefault(alias, canon)

    canon_of: dict[str, str] = {}
    for c in pycountry.countries:
        canon = names.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        canon_of[c.alpha_2] = canon
        add(canon, canon)
    for c in pycountry.countries:  # ISO names second: a short name wins a clash
        canon = canon_of[c.alpha_2]
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n and "(" not in n:
                add(str(n), canon)
    for code, aliases in data.get("aliases", {}).items():
        for a in aliases:
            add(str(a), canon_of[str(code)])
    for code, words in data.get("demonyms", {}).items():
        for w in words:
            add(str(w), canon_of[str(code)])
            pl = _plural(str(w))
            if pl:
                add(pl, canon_of[str(code)])
    for canon, words in data.get("extra", {}).items():
        add(str(canon), str(canon))
        for w in words:
            add(str(w), str(canon))
            pl = _plural(str(w))
            if pl:
                add(pl, str(canon))
    lower = {a.lower(): c for a, c in exact.items()}
    return exact, lower


def country_of(name: str) -> str | None:
    """The canonical name of a country written any known way ("Holland" -> "Netherlands")."""
    key = " ".join(name.split())
    table = country_table()[1]
    return table.get(key.lower()) or table.get(_THE.sub("", key).lower())


_THE = regex.compile(r"(?i)^the\s+")


@cache
def _by_letter() -> dict[str, regex.Pattern[str]]:
    exact, _ = country_table()
    groups: dict[str, list[str]] = {}
    for a in exact:
        groups.setdefault(a[0], []).append(a)
    return {k: regex.compile("(?:" + "|".join(regex.escape(a).replace(r"\ ", r"\s+")
                                              for a in sorted(v, key=len, reverse=True)) + r")(?![\p{L}\p{M}])")
            for k, v in groups.items()}


_WORD_START = regex.compile(r"(?<![\p{L}\p{M}.'’])\p{Lu}")


@lru_cache(maxsize=256)
def country_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every country named in a text, as (start, end, canonical name), case-sensitive ("US" is a
    country, "us" is not), longest name first ("Papua New Guinea", not "Guinea")."""
    exact, _ = country_table()
    by_letter = _by_letter()
    out: list[tuple[int, int, str]] = []
    pos = 0
    for m in _WORD_START.finditer(text):
        if m.start() < pos:
            continue
        rx = by_letter.get(m.group(0))
        if rx is None:
            continue
        hit = rx.match(text, m.start())
        if hit is None:
            continue
        out.append((hit.start(), hit.end(), exact[" ".join(hit.group(0).split())]))
        pos = hit.end()
    return tuple(out)


# between two members of a list: a comma or "and", maybe a first name ("Macron, Angela Merkel")
@cache
def _count_word() -> str:
    return rf"(?:\d+|{alternation(lang().data['count_words'])})"


@cache
def _join_re() -> regex.Pattern[str]:
    return regex.compile(r"\A(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+|" + _count_word() + r"\s+)?"
                         r"(?:(?-i:\p{Lu}[\p{L}.'’-]+)\s+){0,4}\Z", regex.IGNORECASE)


@cache
def _count_before_re() -> regex.Pattern[str]:
    """A member counted by its people: "32 Chileans and one Bolivian" is a whole group, by nationality."""
    return regex.compile(r"(?<![\p{L}\d])" + _count_word() + r"\s+\Z", regex.IGNORECASE)
_INTRO = regex.compile(r"(?:leaders?|heads?\s+of\s+(?:state|government)|counterparts?|presidents?|"
                       r"prime\s+ministers?|chancellors?|allies)\s+(?:of|from|in)\s+(?:the\s+)?\Z|\bwith\s+(?:the\s+)?\Z",
                       regex.IGNORECASE)


# between two names of one member: titles and first names, or "of" ("Emmanuel Macron of France")
_TITLE = regex.compile(r"\A(?:\s+(?:(?-i:\p{Lu}[\p{L}.'’-]*)\s+){0,3}|\s+of\s+(?:the\s+)?|['’]s\s+)\Z")


def country_lists(sentence: Sentence, own: tuple[regex.Pattern[str], dict[str, str]] | None = None
                  ) -> list[tuple[int, int, list[str]]]:
    """Coordinated lists of countries (or their leaders): (start, end, canonical members); `own`: a
    base's own names for members (`member_words`), read first."""
    ms: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]] = country_mentions(sentence.text)
    if own is not None:
        mine = [(m.start(), m.end(), own[1][" ".join(m.group(0).lower().split())])
                for m in own[0].finditer(sentence.text)]
        if mine:
            ms = sorted([*mine, *(x for x in ms if not any(a < x[1] and x[0] < b for a, b, _ in mine))])
    out: list[tuple[int, int, list[str]]] = []
    run: list[tuple[str, int, int]] = []  # (member, start, end of its last mention)

    def flush() -> None:
        if not run:
            return
        intro = _INTRO.search(sentence.text[max(0, run[0][1] - 40) : run[0][1]])
        counted = all(_count_before_re().search(sentence.text, max(0, a - 12), a) for _, a, _ in run)
        if len(run) >= 3 or (len(run) >= 2 and (intro or counted)):
            out.append((sentence.start + run[0][1], sentence.start + run[-1][2], [m for m, _, _ in run]))

    for a, b, member in ms:
        gap = sentence.text[run[-1][2] : a] if run else ""
        if run and run[-1][0] == member and _TITLE.match(gap):
            # "French President Emmanuel Macron": one member named twice
            run[-1] = (member, run[-1][1], b)
            continue
        if run and _join_re().match(gap):
            run.append((member, a, b))
            continue
        flush()
        run = [(member, a, b)]
    flush()
    return out


# between two dates or two names of a list
_LIST_GAP = regex.compile(r"\A(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)(?:(?:on|then|again)\s+)?\Z")

_ASIDE = regex.compile(r"\s*\([^()]{1,60}\)")
# an article between two labels of one list ("a gale and an engine failure")
_LIST_ARTICLE = regex.compile(r"\s+(?:an?|the)\s*\Z", regex.IGNORECASE)


@cache
def _versus_re() -> regex.Pattern[str]:
    """Between the two sides of a match: "Spain v England", "Spain 1-0 England", "Spain beat
    England", "Spain's 1-0 win over England" (words in factcheck/data/en.yaml, `versus`)."""
    data = lang().data["versus"]
    return regex.compile(
        rf"\A(?:['’]s)?\s*(?:(?:{alternation(data['between'])})\.?"
        rf"|(?:\d{{1,3}}\s*[-–:]\s*\d{{1,3}}\s*)?(?:{alternation(data['result'])})?)(?:\s+the)?\s*\Z",
        regex.IGNORECASE)


def versus_pairs(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, str]]]:
    """Two sides of a match named next to each other: (start, end, (first, second)) in `text`."""
    out = []
    for (a1, b1, m1), (a2, b2, m2) in zip(spans, spans[1:]):
        gap = text[b1:a2]
        if m1 != m2 and gap.strip() and _versus_re().match(gap):
            out.append((a1, b2, (m1, m2)))
    return out


_DESCRIPTOR = regex.compile(r"(?<=\s)(?:(?P<c>\p{Lu}\p{Ll}+)\s+)?(?:the\s+)?\p{Ll}[\p{Ll}-]*\s+$")




@cache
def _says_after() -> regex.Pattern[str]:
    """A reporting verb right after a name ("..., Reuters reported", "..., Smith said")."""
    return regex.compile(rf"\s+(?:{alternation(lang().data['reporting_verbs'])})(?![\p{{L}}])", regex.IGNORECASE)


def _people_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised names joined by commas or "and": [(start, end) of each name]."""
    # an acronym ("NASA", "UN") is an institution, not a person
    # a short aside in brackets after a name ("Carla Denyer (Bristol Central), Adrian Ramsay ...") is
    # neither a member nor a break in the list
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)]
    # a country or its adjective alone ("Ukrainian singer Julia Sanina") describes a person, it is none
    names = [(m.start(), m.end()) for m in _full_name_re().finditer(text) if not m.group(0).isupper()
             and not any(x <= m.start() < y for x, y in asides)
             and not (" " not in m.group(0) and country_of(m.group(0)) is not None)
             and m.group(0).lower() not in calendar_words()]
    runs: list[list[tuple[int, int]]] = []
    closed = False  # "A, B and C": the list ends at the member after "and"
    for a, b in names:
        gap = _ASIDE.sub("", text[runs[-1][-1][1] : a]) if runs else ""
        if runs and not closed and not _LIST_GAP.match(gap):
            # "..., Hannah Waddingham and Ukrainian singer Julia Sanina": a descriptor before the name
            m = _DESCRIPTOR.search(gap)
            if m and (m.group("c") is None or country_of(m.group("c")) is not None):
                gap = gap[: m.start()] + " "
        if runs and not closed and _LIST_GAP.match(gap):
            runs[-1].append((a, b))
            closed = bool(regex.search(r"(?<![\p{L}])(?:and|or)(?![\p{L}])|&", gap))
        else:
            runs.append([(a, b)])
            closed = False
    return runs


@cache
def _full_name_re() -> regex.Pattern[str]:
    """A name of one to four words, particles included ("Virgil van Dijk")."""
    parts = "|".join(regex.escape(str(p)) for p in pack("names")["particles"])
    word = r"\p{Lu}[\p{L}\p{M}'’]*"
    # (a dot only after the first word and before the next word of the name, "J. Smith": the full
    # stop after the list's last name is no part of it, and "Gov. Mike DeWine" is a title and a name)
    # (middle initials before a next word: "Kip S. Thorne", "Edwin E. Aldrin")
    more = rf"[\s\-]+(?:\p{{Lu}}\.\s+)*(?:(?:{parts})\s+)?{word}"
    # (not from the middle of an abbreviation: "U.S. Attorneys Alison Moe" is no name "S. Attorneys ...")
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?<!\p{{L}}\.){word}(?:\.?{more}(?:{more}){{0,2}})?"
                         r"(?![\p{L}\p{M}])")


_POSSESSIVE = regex.compile(r"['’]s?\Z")
_TOKEN = regex.compile(r"\S+\s*")


def _is_title(word: str) -> bool:
    w = word.lower().rstrip(".")
    titles = lang_titles()
    return w in titles or (w.endswith("s") and w[:-1] in titles)


@cache
def lang_titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in lang().data["titles"])


def _title_length(written: str) -> int:
    """How many characters of titles open a written name, read as one by its capitals ("Attorneys
    Alison Moe", "Prime Minister Rishi Sunak", "President Joe Biden"): titles (`titles` in en.yaml, or
    their plurals), and a word right before one ("Prime Minister"); the last word is always kept."""
    tokens = list(_TOKEN.finditer(written))
    i = 0
    while i < len(tokens) - 1 and (_is_title(tokens[i].group(0).strip())
                                    or (i + 1 < len(tokens) - 1 and _is_title(tokens[i + 1].group(0).strip()))):
        i += 1
    return tokens[i].start() if tokens else 0


def _person_match(written: str, members: frozenset[str]) -> tuple[str | None, str]:
    """Which member a written name is: (member, "exact" | "translit" | "near"), or (None, "").
    The surname decides, by the rules of the name kind; a first name, when written, must be the
    member's (another first name is another person)."""
    p = name_parts(written)
    key = name_key(" ".join(p.surname))
    first = name_key(p.first) if p.first else ""
    best: tuple[str | None, str] = (None, "")
    for m in sorted(members):
        spec = name_spec(m, ())
        if first and spec.firsts and first not in spec.firsts:
            continue
        for form in spec.forms:
            if key == form:
                return m, "exact"
            if key[:1] == form[:1] and abs(len(key) - len(form)) <= 2:
                d = levenshtein(key, form)
                if 0 < d <= (1 if len(form) <= 7 else 2):
                    how = "translit" if skeleton(key) == skeleton(form) else "near"
                    if best[0] is None or how == "translit":
                        best = (m, how)
    return best


def _same_surname(name: Any, members: frozenset[Any]) -> Any:
    """The one member whose last word is `name`'s ("Kip Thorne" for "Kip S. Thorne"), else None."""
    if not isinstance(name, str) or not name.split():
        return None
    last = name.split()[-1].lower()
    found = [m for m in members if isinstance(m, str) and m.split() and m.split()[-1].lower() == last]
    return found[0] if len(found) == 1 else None


class SetKind:
    name: ClassVar[str] = "set"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "universe": Key("enum", doc="what the members are",
                        choices=("countries", "years", "people", "dates", "labels")),
        "others": Key("list[str]", doc="a set of labels: labels that are not members and contradict when listed"),
        "counted": Key("regex", doc="what the set's count counts ('the four leaders')"),
        "member_words": Key("map", doc="a set of countries: this story's own names for members "
                                       "({the Kiwis: New Zealand, les Bleus: France})"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "array", "minItems": 1, "items": {"type": ["string", "integer"]},
        "description": "members: countries (any English name), four-digit years, people's names "
                       "(universe: people), YYYY-MM-DD dates (universe: dates) or any names of things "
                       "(universe: labels: states, islands, models)"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> frozenset[Any]:
        if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
            raise FactValueError("a set is a list of members", "write e.g. `value: [France, Germany]`")
        universe = options.get("universe", "countries")
        if universe == "years":
            bad = [x for x in raw if not regex.fullmatch(r"\d{4}", x)]
            if bad:
                raise FactValueError(f"{bad[0]!r} is not a year", "write four-digit years: [2014, 2015]")
            return frozenset(raw)
        if universe in ("people", "labels"):
            return frozenset(" ".join(x.split()) for x in raw)
        if universe == "dates":
            out_d = set()
            for x in raw:
                try:
                    out_d.add(dt.date.fromisoformat(x.strip()))
                except ValueError:
                    raise FactValueError(f"{x!r} is not a date", "write YYYY-MM-DD: [2022-08-29, 2022-09-03]") from None
            return frozenset(out_d)
        out = set()
        for x in raw:
            canon = country_of(x)
            if canon is None:
                import difflib

                near = difflib.get_close_matches(str(x), sorted(set(country_table()[0].values())), n=1, cutoff=0.75)
                hint = f"did you mean {near[0]!r}? " if near else ""
                raise FactValueError(f"{x!r} is not a country known to pycountry or factcheck/data/en/countries.yaml",
                                     hint + "write a country's English name (Argentina, United Kingdom); "
                                     "the story's own names for it go in `member_words: {the Kiwis: New Zealand}`")
            out.add(canon)
        return frozenset(out)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        universe = options.get("universe", "countries")
        if universe not in UNIVERSES:
            raise FactValueError(f"unknown universe {universe!r}", f"use one of: {', '.join(UNIVERSES)}")
        out: dict[str, Any] = {"universe": universe, "counted": compile_option(options, "counted")}
        others = options.get("others")
        if others is not None:
            if universe != "labels" or not isinstance(others, list) or not all(isinstance(o, str) for o in others):
                raise FactValueError("`others` is a list of labels that are not members, for `universe: labels`",
                                     "write `universe: labels` and `others: [Oklahoma, Kansas]`")
            out["others"] = tuple(" ".join(o.split()) for o in others)
        words = options.get("member_words")
        if words is not None:
            if universe != "countries":
                raise FactValueError("`member_words` names countries: it is for a set of countries",
                                     "remove it, or write `universe: countries`")
            out["member_words"] = _member_words(words)
        return out

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        out: list[Reading] = []
        universe = fact.options["universe"]
        if universe == "years":
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
        if universe == "dates":
            return self._dates(sentence, ctx)
        if universe == "people":
            return self._people(sentence, fact, ctx)
        if universe == "labels":
            out = self._labels(sentence, fact, ctx)
            counted = fact.options.get("counted")
            if counted is not None:
                out += [Reading(start=r.start, end=r.end, text=r.text, value=int(r.value.value),
                                shown={"count": int(r.value.value)}, detail="a count of the set")
                        for r in counted_numbers(sentence, counted)]
            return out
        lists = country_lists(sentence, fact.options.get("member_words"))
        for a, b, members in lists:
            out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=frozenset(members),
                               shown=sorted(set(members))))
        if len(fact.value) == 2:
            out += _pairs(sentence, list(country_mentions(sentence.text)), lists, ctx)
        counted = fact.options.get("counted")
        if counted is not None:
            for r in counted_numbers(sentence, counted):
                out.append(Reading(start=r.start, end=r.end, text=r.text, value=int(r.value.value),
                                   shown={"count": int(r.value.value)}, detail="a count of the set"))
        return out

    @staticmethod
    def _labels(sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        out = SetKind._label_runs(sentence, fact, ctx)
        out = _beside_own(out, fact, ctx.doc.text)
        if len(fact.value) == 2:
            pat = _labels_re(tuple(sorted(fact.value)) + fact.options.get("others", ()))
            spans = [(m.start(), m.end(), m.group(0)) for m in pat.finditer(sentence.text)]
            runs: list[tuple[int, int, Any]] = [(r.start, r.end, None) for r in out if len(r.value[1]) > 1]
            out += [Reading(start=r.start, end=r.end, text=r.text, value=("labels", tuple(sorted(r.value))),
                            shown=sorted(r.value), detail=r.detail, extra=r.extra)
                    for r in _pairs(sentence, spans, runs, ctx)]
        return out

    @staticmethod
    def _label_runs(sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        """Runs of the fact's labels and its `others` joined as a list ("Sanibel, Captiva and Pine
        Island"): a run with a member or another label is read; who is who is the compare's. The
        labels of the fact's `variants` (other accepted sets) are looked for too."""
        members: frozenset[str] = frozenset(fact.value).union(
            *(v.value for v in fact.variants if isinstance(v.value, frozenset)))
        others: tuple[str, ...] = fact.options.get("others", ())
        pat = _labels_re(tuple(sorted(members)) + others)
        text = sentence.text
        hits = [(m.start(), m.end(), m.group(0)) for m in pat.finditer(text)]
        out: list[Reading] = []
        run: list[tuple[int, int, str]] = []
        for h in [*hits, None]:
            if h is not None and run and _LIST_GAP.match(_ASIDE.sub("", text[run[-1][1] : h[0]])):
                run.append(h)
                continue
            if run:
                a, b = sentence.start + run[0][0], sentence.start + run[-1][1]
                got = tuple(w for _, _, w in run)
                out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=("labels", got), shown=list(got)))
            run = [h] if h is not None else []
        return out

    @staticmethod
    def _dates(sentence: Sentence, ctx: Context) -> list[Reading]:
        """Runs of dates with a month and a day ("August 29 and September 3")."""
        ds = [r for r in read_dates(sentence.text, sentence.start) if r.value.month and r.value.day]
        out: list[Reading] = []
        run: list[Reading] = []
        for r in [*ds, None]:
            if r is not None and run and _LIST_GAP.match(ctx.doc.text[run[-1].end : r.start]):
                run.append(r)
                continue
            if run:
                a, b = run[0].start, run[-1].end
                vals = tuple((v.value.year, v.value.month, v.value.day) for v in run)
                out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=("dates", vals),
                                   shown=[v.shown for v in run]))
            run = [r] if r is not None else []
        return out

    @staticmethod
    def _people(sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        """Lists of names at least one of which is a member (or a near-miss of one). The members of
        the fact's `variants` (other accepted sets: "Md Amir Khan" for "Mohammad Amir Khan") are
        matched too; `compare` then counts each name for the set it is compared with."""
        members: frozenset[str] = frozenset(fact.value).union(
            *(v.value for v in fact.variants if isinstance(v.value, frozenset)))
        out: list[Reading] = []
        for run in _people_runs(sentence.text):
            if len(run) > 1 and _says_after().match(sentence.text, run[-1][1]):
                # "Wiseman, Glover, Koch, Hansen, Reuters reported": the last name says who reports
                run = run[:-1]
            got = []
            run = [(a + _title_length(sentence.text[a:b]), b) for a, b in run]
            for a, b in run:
                # (a possessive is the person's: "Saka's penalty was saved")
                written = _POSSESSIVE.sub("", sentence.text[a:b])
                m, how = _person_match(written, members)
                got.append((written, m, how))
            known = [g for g in got if g[1] is not None]
            if not known or (len(run) == 1 and known[0][2] != "exact" and not fact.cues):
                continue
            a, b = sentence.start + run[0][0], sentence.start + run[-1][1]
            out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=("people", tuple(got)),
                               shown=[g[0] for g in got]))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        members: frozenset[Any] = value
        if isinstance(reading.value, int):
            if reading.value == len(members):
                return True
            # "2,100 dead" beside "the four countries": a figure that far from the set's size counts
            # something else
            return False if 0 < reading.value <= 4 * len(members) else None
        if isinstance(reading.value, tuple) and reading.value[0] == "dates":
            ok = True
            for y, mo, d in reading.value[1]:
                if not any(x.month == mo and x.day == d and (y is None or x.year == y) for x in members):
                    ok = False
            return ok
        if isinstance(reading.value, tuple) and reading.value[0] == "labels":
            norm = {" ".join(m.lower().split()) for m in members}
            said = [" ".join(w.lower().split()) for w in reading.value[1]]
            if any(w not in norm for w in said):
                # each label a member of one accepted wording ("dollarize the economy" from a variant,
                # "close the central bank" from the value): the wordings mixed, nothing wrong said
                accepted = [fact.value, *(v.value for v in fact.variants if v.attribution is None)]
                worded = {" ".join(m.lower().split()) for acc in accepted if isinstance(acc, frozenset) for m in acc}
                if all(w in worded for w in said):
                    return True
                return False  # a listed label that is no member ("... and Oklahoma")
            return True  # every label stated is a member (a part of the set says nothing wrong)
        if isinstance(reading.value, tuple) and reading.value[0] == "people":
            # a name matched to a member of another accepted set (a variant "Kip S. Thorne") is this
            # set's member of the same surname ("Kip Thorne"), when it has exactly one
            got = [(w, m if m is None or m in members else _same_surname(m, members) or m, how)
                   for w, m, how in reading.value[1]]
            # the names that are members of this set (a name matched to a member of another accepted
            # set, a variant, is known but is no member of this one)
            mine = [(w, m, how) for w, m, how in got if m is not None and m in members]
            if any(how == "near" for _, _, how in mine):
                return False  # a member misspelt ("Christina Hock")
            if any(how == "translit" for _, _, how in mine):
                return None
            known = sum(1 for _, m, _ in got if m is not None)
            if len(mine) < len(got):
                # someone else in a list of the members: outside the set when the list is clearly it
                return False if known >= 2 else None
            return True
        got_c: frozenset[str] = reading.value
        if got_c == members:
            return True
        if got_c - members:
            return False
        return None

    def render(self, value: Any) -> str:
        return "{" + ", ".join(sorted(str(v) for v in value)) + "}"


def _pairs(sentence: Sentence, spans: list[tuple[int, int, str]], lists: list[tuple[int, int, Any]],
           ctx: Context) -> list[Reading]:
    """The two sides of a match as a set of two, loosely: they may be another match's ("Spain beat
    Sweden in the semi-final"), so a pair that is not the set is unclear, never a contradiction."""
    out = []
    for a, b, pair in versus_pairs(sentence.text, spans):
        a, b = sentence.start + a, sentence.start + b
        if any(x <= a < y or x < b <= y for x, y, _ in lists):
            continue  # already read as a list ("Spain and England")
        out.append(Reading(start=a, end=b, text=ctx.doc.text[a:b], value=frozenset(pair), shown=sorted(pair),
                           detail="two sides of a match",
                           extra={"loose": True, "why_loose": "two sides of a match: perhaps another match's"}))
    return out


def _beside_own(runs: list[Reading], fact: Fact, text: str) -> list[Reading]:
    """A run of labels that are all `others`, in a sentence where another run, apart from it (not
    joined to it as one list: "a gale and an engine failure"), names only the fact's own labels ("the
    court strikes down the Privacy Shield and says SCCs need extra safeguards"): the sentence names
    both, so the other label is most likely about something else. Read loosely: it may not accuse."""
    own = {" ".join(m.lower().split()) for m in fact.value}.union(
        *({" ".join(m.lower().split()) for m in v.value} for v in fact.variants if isinstance(v.value, frozenset)))

    def labels(r: Reading) -> list[str]:
        return [" ".join(w.lower().split()) for w in r.value[1]]

    mine = [r for r in runs if all(w in own for w in labels(r))]

    def apart(r: Reading) -> bool:
        gaps = [text[min(r.end, m.end):max(r.start, m.start)] for m in mine]
        return all(not _LIST_GAP.match(_LIST_ARTICLE.sub(" ", g)) for g in gaps)

    if not mine:
        return runs
    return [replace(r, extra={**r.extra, "loose": True,
                              "why_loose": "the sentence names the fact's own label too: this one may be about "
                                           "something else"})
            if not any(w in own for w in labels(r)) and apart(r) else r for r in runs]


@lru_cache(maxsize=4096)
def _labels_re(labels: tuple[str, ...]) -> regex.Pattern[str]:
    alts = "|".join(regex.escape(x).replace(r"\ ", r"\s+") for x in sorted(labels, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{alts})(?![\p{{L}}\d])", regex.IGNORECASE)


def _member_words(words: Any) -> tuple[regex.Pattern[str], dict[str, str]]:
    """`member_words: {the Kiwis: New Zealand}`: the pattern of the words, and word -> country."""
    if not isinstance(words, dict) or not words:
        raise FactValueError("`member_words` is a mapping of names to countries",
                             "write `member_words: {the Kiwis: New Zealand}`")
    table: dict[str, str] = {}
    for word, country in words.items():
        canon = country_of(str(country))
        if canon is None:
            raise FactValueError(f"`member_words`: {country!r} (for {word!r}) is not a country known to pycountry",
                                 "map the name to a country's English name (Argentina, United Kingdom)")
        table[" ".join(str(word).lower().split())] = canon
    alts = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(table, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{alts})(?![\p{{L}}\d])", regex.IGNORECASE), table


_SCORE_LABEL = regex.compile(r"\A(\d{1,3})\s*[-–—:]\s*(\d{1,3})\Z")


def reversed_scores(reading: Reading, fact: Fact) -> bool:
    """Is every label of `reading` that is no member of the fact a member score written the other way
    round ("6-3" for a member "3-6")? A score is written from the side of the sentence's subject ("The
    Serb took the fourth set 6-3", "Croatia lost 0-3"): without telling whose side it is, such a
    label says nothing wrong for sure (rule set.reversed_score)."""
    if not (isinstance(reading.value, tuple) and reading.value[0] == "labels"):
        return False
    accepted = [fact.value, *(v.value for v in fact.variants if v.attribution is None)]
    own: set[tuple[str, str]] = set()
    for acc in accepted:
        if isinstance(acc, frozenset):
            for m in acc:
                got = _SCORE_LABEL.match(" ".join(str(m).split()))
                if got:
                    own.add((got.group(1), got.group(2)))
    strays = []
    for w in reading.value[1]:
        got = _SCORE_LABEL.match(" ".join(str(w).split()))
        if got is None:
            return False
        if (got.group(1), got.group(2)) not in own:
            strays.append((got.group(2), got.group(1)))
    return bool(strays) and all(s in own for s in strays)
