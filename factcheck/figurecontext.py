"""Where a figure stands in its sentence, for the checks of `factcheck/checkstate.py`: a bound that
holds the fact only because it is open (figure.loose_bound), a number that names something
(figure.designation), a running tally (figure.running_tally), an early count (figure.early_count), a
part of the story's area (figure.local_part) or of a group (figure.partitive), another person's own count
(figure.anothers_own), a distance from another place (quantity.other_place), the fact's figure under
the wrong scale word (figure.scale_slip), a figure of what would have been (figure.counterfactual), an
entry of a breakdown by place (figure.local_part); and whose a value is: another person's act
(event.anothers_act), an age epithet of another (age.anothers_epithet). Each reads the sentence and
the reading only."""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from factcheck.evidence import _digits_key
from factcheck.factbase.model import Fact
from factcheck.kinds import Reading
from factcheck.kinds._units import factor
from factcheck.kinds.quantity import QuantityValue
from factcheck.lang import alternation, lang, words_before_re, words_re
from factcheck.numbers import LOWER_HEDGES, UPPER_HEDGES, _numbers_pack, find_numbers
from factcheck.rules import tune
from factcheck.segment import Sentence


def loose_bound(r: Reading, q: float | None, fact_value: Any = None) -> bool:
    """Is the reading a bound ("more than 2,000", "up to 50") that holds the fact only because it is
    open: its figure more than `other_figure_ratio` times below the fact for a lower bound, or more
    than `upper_bound_ratio` times above the fact's top for an upper one ("winds of up to 295 mph"
    for 185 mph: a peak the fact never reached)? (rule figure.loose_bound)"""
    hedge = getattr(r.value, "hedge", "")
    if q is None or q <= 0:
        return False
    if hedge in LOWER_HEDGES:
        return q < 1 / tune("other_figure_ratio")
    if hedge in UPPER_HEDGES:
        middle, top = getattr(fact_value, "middle", None), getattr(fact_value, "hi", None)
        if isinstance(middle, (int, float)) and isinstance(top, (int, float)) and top > 0:
            q = q * middle / top  # a range's top, not its middle ("up to 2 cm" for 1 to 2 cm)
        return q > tune("upper_bound_ratio")
    return False


@cache
def _designation_re() -> regex.Pattern[str]:
    """A noun that a number names one of ("Flight 9525", "Game 7", "Route 66": `designations` in
    en.yaml), right before the number."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['designations'])})\s$", regex.IGNORECASE)


@cache
def _running_tally_re() -> regex.Pattern[str]:
    """Words that make a figure a running tally at the time of writing ("have already voted", "so
    far", "to date": `running_tally` in en.yaml)."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['running_tally'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


def counterfactual(sentence: Sentence, r: Reading) -> bool:
    """Is the figure what would have been ("the haul would have been closer to $18.4 billion", "the
    toll could have reached 100,000"): one of `counterfactual` in en.yaml in its clause, within 50
    characters before it, no clause break between (rule figure.counterfactual)?"""
    i = r.start - sentence.start
    head = regex.split(r"[;:.!?]|,\s", sentence.text[max(0, i - 50) : i])[-1]
    modal = words_re("counterfactual").search(head)
    # ... with the condition that did not hold written before it ("Had the allotment been counted",
    # "Without the warnings": `counterfactual_if`); "Microsoft would have paid $5 billion" alone is a
    # break-up fee's own conditional
    return modal is not None and bool(_counterfactual_if_re().search(sentence.text, 0, i - len(head) + modal.start()))


@cache
def _counterfactual_if_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['counterfactual_if'])})(?![\p{{L}}])",
                         regex.IGNORECASE)


def running_tally(sentence: Sentence, r: Reading) -> bool:
    """Is the figure a running tally ("Nearly 47 million people have already voted early", "So far
    4,000 homes have burned"): one of `running_tally` in its clause, within 40 characters after it
    or 30 before it, no clause break between? A tally of the moment of writing is no final figure."""
    i, j = r.start - sentence.start, r.end - sentence.start
    tail = regex.split(r"[;:.!?]|,\s", sentence.text[j : j + 40], maxsplit=1)[0]
    head = regex.split(r"[;:.!?]|,\s", sentence.text[max(0, i - 30) : i])[-1]
    before = sentence.text[:i]
    label = before[max(0, before.rfind(":") - 40) : before.rfind(":")] if ":" in before[-60:] else ""
    return bool(_running_tally_re().search(tail) or _running_tally_re().search(head)
                or _running_tally_re().search(label))  # "Our running count: Obama 297, McCain 139"


@cache
def _early_count_re() -> regex.Pattern[str]:
    """"The first newspaper counts ... gave", "Initial reports put the toll at": an early count's
    words (`early_count` in en.yaml: adjectives, then up to two words, then a noun)."""
    d = lang().data["early_count"]
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['adjectives'])})"
                         rf"(?![\s-]+(?:{alternation(d['not_before'])})(?![\p{{L}}]))(?:\s+[\p{{L}}'’-]+){{0,2}}?"
                         rf"\s+(?:{alternation(d['nouns'])})(?![\p{{L}}])", regex.IGNORECASE)


def early_count(sentence: Sentence, r: Reading) -> bool:
    """Is the figure an early count, since overtaken ("The first newspaper counts on the morning of
    May 7 gave 32 dead", "Initial reports put the death toll at 300"): an early count's words in its
    clause, before it, within 80 characters (rule figure.early_count)?"""
    i = r.start - sentence.start
    head = regex.split(r"[;:.!?]|,\s", sentence.text[max(0, i - 80) : i])[-1]
    return bool(_early_count_re().search(head))


@cache
def _local_part_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    d = lang().data
    units = alternation(d["local_units"])
    name = r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}"
    return (regex.compile(rf"^\W*(?:In|Across|Around)\s+(?:and\s+around\s+)?(?:the\s+)?"
                          rf"(?P<p>{name}\s+(?:{units}))(?![\p{{L}}])"),
            regex.compile(rf"(?<![\p{{L}}])(?:{units})(?![\p{{L}}])[^.;:!?]{{0,80}},\s+where\s+[^,;:]*$",
                          regex.IGNORECASE),
            regex.compile(rf"^[^,;:.]{{0,40}}?(?<![\p{{L}}])(?:{alternation(d['local_alone'])})(?![\p{{L}}])",
                          regex.IGNORECASE))


# a figure "in <Place>" in a breakdown by place: "94 people had died in Mexico City, 71 in Morelos, 43
# in Puebla"
_IN_PLACE = regex.compile(r"(?:\s+[\p{Ll}'’-]+){0,4}?\s+in\s+(?:the\s+)?"
                          r"(?P<p>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})")
_BREAKDOWN_ITEM = regex.compile(r"(?<![\d.,])\d[\d,.]*(?:\s+[\p{Ll}'’-]+){0,4}?\s+in\s+(?:the\s+)?\p{Lu}")


def in_breakdown(sentence: Sentence, r: Reading, fact: Fact) -> bool:
    """Is the figure one entry of a breakdown by place ("94 people had died in Mexico City, 71 in
    Morelos, 43 in Puebla"): "in <Place>" right after it, two or more such figures in the sentence,
    and no cue of the fact naming its place? A part is no whole's figure (rule figure.local_part)."""
    m = _IN_PLACE.match(sentence.text, r.end - sentence.start)
    if m is None or len(_BREAKDOWN_ITEM.findall(sentence.text)) < 2:
        return False
    return not any(c.search(m.group("p")) for c in fact.cues)


def local_part(sentence: Sentence, r: Reading, fact: Fact) -> bool:
    """Is the figure counted in one part of the story's area (`local_units`, `local_alone` in en.yaml:
    "In Beichuan county, ... 3,000 to 5,000 had died", "a city of 700,000 ..., where 3,629 were confirmed
    dead", "may have died there alone"), a place none of the fact's cues names? A part is no whole's
    figure (rule figure.local_part)."""
    opening, where, alone = _local_part_res()
    i, j = r.start - sentence.start, r.end - sentence.start
    m = opening.search(sentence.text[:i])
    if m is not None and any(p.search(m.group("p")) for p in fact.cues):
        return False  # "In Fukushima prefecture, 1,605 died" for the prefecture's own toll
    return bool(m or where.search(sentence.text[max(0, i - 160) : i]) or alone.search(sentence.text[j : j + 60]))


@cache
def _partitive_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    d = lang().data
    return (regex.compile(rf"\s+of\s+(?:{alternation(d['partitive_of'])})\s+\p{{L}}", regex.IGNORECASE),
            regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['partitive_whole'])})\s+(?:the\s+)?$", regex.IGNORECASE))


def partitive(sentence: Sentence, r: Reading) -> bool:
    """Does the figure count a part of a group named right after it ("three of the searchers", "40,000
    of the collapsed buildings"), not the group (rule figure.partitive)? Not "all 33 of the miners"."""
    of, whole = _partitive_res()
    i, j = r.start - sentence.start, r.end - sentence.start
    nums = find_numbers(r.text)
    if not nums or nums[-1].end != len(r.text.rstrip()):
        return False  # a measure with its unit ("2,170 hectares of the town") is no part of a group
    return bool(of.match(sentence.text, j)) and not whole.search(sentence.text[max(0, i - 12) : i])


def _possessive_before() -> regex.Pattern[str]:
    """A person's possessive right before a figure ("his", "her": en.yaml `personal_possessives`)."""
    return words_before_re("personal_possessives")


@cache
def _closed_relative_re() -> regex.Pattern[str]:
    """A relative clause closed by a comma ("Alcaraz, who beat Novak Djokovic, won"): a person named
    inside it is not the one a later "his" points back to."""
    who = alternation([w for w in lang().data["relative_pronouns"] if w != "that"] + ["whom", "whose"])
    return regex.compile(rf",\s*(?:{who})\b[^,;:()]{{1,120}},", regex.IGNORECASE)


def without_closed_relatives(head: str) -> str:
    """`head` with every closed relative clause blanked out, offsets kept."""
    return _closed_relative_re().sub(lambda m: " " * len(m.group()), head)


_PERSON = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+)+")


def anothers_own(sentence: Sentence, r: Reading, fact: Fact) -> bool:
    """Is the figure a person's own count, right after "his"/"her", that person named before it in
    the sentence and not by the fact's cues, with none of the fact's cues between ("Columbia's crew was
    led by Col. Rick Husband, 45, a former test pilot on his second spaceflight" for the orbiter's 28th
    flight)? (rule figure.anothers_own)"""
    head = sentence.text[: r.start - sentence.start]
    if not _possessive_before().search(head):
        return False
    people = list(_PERSON.finditer(without_closed_relatives(head)))
    if not people:
        return False
    last = people[-1]
    if any(c.search(last.group()) for c in fact.cues):
        return False  # "Carlos Alcaraz won his second Grand Slam title": the fact's own person
    return not any(c.search(head[last.end():]) for c in fact.cues)


# a person named in capitals, two words or more ("Frank DiPascali", "Sunny Balwani", "Lawyer Kevin Downey")
# a person's participle phrase up to the value: "..., Mario Draghi, sworn in on "
_PARTICIPLE_TAIL = regex.compile(r",[ \t]*\p{Ll}[^,;:()\p{Lu}]{0,40}\Z")
_NAMED = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{L}'’-]*\p{Ll}(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]*\p{Ll})+(?![\p{L}])")


@cache
def _titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in lang().data["titles"])


def _capital_words(text: str) -> set[str]:
    """The words in capitals of `text`, lower-cased, without titles and function words (en.yaml
    `titles`: "Judge", "The") and a possessive's "'s"."""
    titles = _titles()
    words = (regex.sub(r"['’]s$", "", w).lower() for w in regex.findall(r"(?<![\p{L}])\p{Lu}[\p{L}'’-]+", text))
    return {w for w in words if w not in titles and len(w) > 1}


def anothers_act(sentence: Sentence, r: Reading, what: str, own: tuple[Any, ...]) -> str | None:
    """The person the clause says did the event's act, when that is someone the event does not name
    (rule event.anothers_act): "Frank DiPascali, Madoff's longtime lieutenant, pleaded guilty on August
    11" for Madoff's plea. `what` is the event's description, `own` its names, words and the fact's
    cues (patterns). None when the event's `what` names nobody in capitals, when the person's words
    are the event's, or when one of the event's people, or a pronoun, stands between the person and
    the value ("Lawyer Kevin Downey said Holmes was arrested on June 20"); and only for a person set
    off by a comma, an appositive's ("Her chief operating officer, Sunny Balwani, was arrested"),
    not a body that did a part of the event ("London Fire Brigade logged the first 999 call")."""
    people = _capital_words(what)
    if not people:
        return None
    raw = sentence.text[: r.start - sentence.start]
    head = without_closed_relatives(raw)
    named = list(_NAMED.finditer(head))
    if not named or not head.startswith(",", named[-1].end()):
        # "which opened the way for Mario Draghi, sworn in on 13 February": the relative clause ends
        # on the person, and the value's clause is a participle that goes with them
        named = [m for m in _NAMED.finditer(raw) if _PARTICIPLE_TAIL.match(raw, m.end())][-1:]
        head = raw
    if not named:
        return None
    last = named[-1]
    if not head.startswith(",", last.end()):
        return None  # a subject set off by commas: "Frank DiPascali, his lieutenant, pleaded", ", Sunny Balwani, was"
    words = _capital_words(last.group())
    if len(words) < 2 or words & people or any(p.search(last.group()) for p in own):
        return None
    # (past the person's own appositive: "Frank DiPascali, Madoff's longtime lieutenant, pleaded")
    tail = regex.sub(r"\A\s*,[^,;:()]{1,80},", "", head[last.end():])
    if _capital_words(tail) & people or words_re("personal_pronouns").search(tail):
        return None
    return last.group()


# right after an age epithet, the one it describes, in capitals: "The 26-year-old Basler", "the
# 36-year-old Serb Novak Djokovic"
_EPITHET_HEAD = regex.compile(r"[ \t]+(?P<h>\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3})")


def epithet_of_another(sentence: Sentence, r: Reading, fact: Fact) -> str | None:
    """The one an age epithet describes, when none of the fact's cues names them: "The 26-year-old
    Basler lost to the Spaniard Rafael Nadal" for Nadal's age is the Basler's (rule
    age.anothers_epithet)."""
    if not r.text.rstrip().lower().endswith("old"):
        return None
    m = _EPITHET_HEAD.match(sentence.text, r.end - sentence.start)
    if m is None:
        return None
    words = m.group("h").split()
    if any(c.search(m.group("h")) for c in fact.cues) and (
            len(words) < 2 or any(c.search(words[-1]) for c in fact.cues)):
        # (a cue that names only a word before the name, "the 41-year-old US-American Dara Torres"
        # with a cue "American" for Phelps, names a nationality, not the person)
        return None
    # "Rodri, the 27-year-old Spain midfielder": an apposition to the cued person right before it
    head = sentence.text[max(0, r.start - sentence.start - 60) : r.start - sentence.start]
    ap = _APPOSITION.search(head)
    if ap is not None and any(c.search(ap.group("p")) for c in fact.cues):
        return None
    return m.group("h")


_APPOSITION = regex.compile(r"(?P<p>[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,2}),\s+(?:the|a|an)\s+$", regex.IGNORECASE)


@cache
def _from_place_re() -> regex.Pattern[str]:
    """Right after a distance, the place it is measured from ("2,400 miles from California", "80 km
    (50 miles) north-west of Chengdu"): a name in capitals after "from", "of", "off"."""
    compass = alternation(lang().data["compass_words"])
    return regex.compile(rf"\s*(?:\([^()\n]{{1,30}}\)\s*)?(?:(?:{compass})\s+)?(?:from|of|off)\s+(?:the\s+)?"
                         r"(?P<p>(?-i:\p{Lu})[\p{L}'’.-]+(?:\s+(?-i:\p{Lu})[\p{L}'’.-]+){0,3})", regex.IGNORECASE)


def from_another_place(fact: Fact, r: Reading, sentence: Sentence) -> str | None:
    """The place a distance is measured from, when none of the fact's cues names it and some cue
    names a place (a cue in capitals: "North\\s+Korea"): "some 2,400 miles from California" for the
    distance from North Korea is another distance (rule quantity.other_place)."""
    q = fact.value
    if fact.kind != "quantity" or not isinstance(q, QuantityValue) or not q.physical or not q.measure:
        return None
    if factor(q.measure, "kilometer") is None or not any(regex.search(r"\p{Lu}", p.source) for p in fact.cues):
        return None
    m = _from_place_re().match(sentence.text, r.end - sentence.start)
    if m is None or m.group("p").rstrip(".").lower() in lang().data["distance_from_any"]:
        return None
    # (the place's phrase: "from the Titanic's bow" is the bow's, a fact cued by "bow")
    phrase = regex.split(r"[,;:.()]", sentence.text[m.start("p") : m.start("p") + 40])[0]
    if any(p.compiled.search(phrase) for p in fact.cues):
        return None
    return m.group("p").rstrip(".")


@cache
def _scale_word_re() -> regex.Pattern[str]:
    """A scale word (the language's number words of a thousand and more, their plurals, and the
    short multipliers: "million", "millions", "Milliarden", "bn", "m")."""
    words = [w for w, v in lang().number_words.items() if v >= 1000]
    words += [w + "s" for w in words] + [str(k) for k in _numbers_pack()["short_multipliers"]]
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(words)})(?![\p{{L}}])", regex.IGNORECASE)


def scale_slip(q: float, written: str) -> bool:
    """Is a figure `q` times the fact's, with a scale word, the fact's figure under the wrong scale
    word ("11 million" for $11.02 billion, "2,25 millions Dollar" for $2.25 billion): a thousand, a
    million or a billion times off within 5 %, written with two significant digits or more? It
    contradicts as the same figure, not another (rule figure.scale_slip)."""
    if not _scale_word_re().search(written) or len(_digits_key(written)) < 2:
        return False
    return any(abs(q / k - 1) <= 0.05 for k in (1e-9, 1e-6, 1e-3, 1e3, 1e6, 1e9))


def designated(sentence: Sentence, r: Reading) -> bool:
    """Is the figure a number that names something ("crashed Germanwings Flight 9525", "Game 7 drew
    40,000"), right after a designation noun? It is no count or measure."""
    head = sentence.text[max(0, r.start - sentence.start - 20) : r.start - sentence.start]
    return r.text[:1].isdigit() and _designation_re().search(head) is not None
