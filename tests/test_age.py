"""The `age` kind: a person's age in whole years, in the forms articles write it, and what is no age
(lengths of time, groups, the ages of things)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.errors import FactValueError
from factcheck.kinds.age import AgeKind, read_ages

KIND = AgeKind()

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """English number words up to 120, written independently of the parser under test."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    return "one hundred" + (" and " + words(n % 100) if n % 100 else "")


def ages(sentence: str) -> list[tuple[str, int]]:
    return [(r.text, r.shown) for r in read_ages(sentence)]


@pytest.mark.parametrize(("sentence", "text", "age"), [
    # a sprinter
    ("Jacobs, 26, won the 100 metres final.", "26", 26),
    ("The 26-year-old Italian won the final.", "26-year-old", 26),
    ("Jacobs, aged 26, grew up in Italy.", "aged 26", 26),
    ("He won gold at 26, the first Italian to do so.", "at 26", 26),
    ("Marcell Jacobs (26) won in 9.80.", "26", 26),
    ("The twenty-six-year-old sprinter stunned the favourites.", "twenty-six-year-old", 26),
    # a boy rescued from a cave
    ("The youngest, Titan, aged just 11, was brought out first.", "aged just 11", 11),
    ("Titan was rescued at the age of eleven.", "at the age of eleven", 11),
    ("An eleven-year-old boy was the first carried out.", "eleven-year-old", 11),
    # a defendant
    ("The 45-year-old former officer was convicted.", "45-year-old", 45),
    ("The former officer, 45 years old, was convicted.", "45 years old", 45),
    ("Chauvin, 45, was sentenced in June.", "45", 45),
    # a miner
    ("The oldest miner, Mario Gomez (63), reached the surface.", "63", 63),
    ("Gomez is 63 years of age.", "63 years of age", 63),
    ("At age 63 he was the oldest of the 33.", "At age 63", 63),
    ("The miner, age 63, was the ninth out.", "age 63", 63),
    # after a verb of being, the clause ending there (a tennis final, a marathon, a sprint)
    ("Alcaraz is 20 and this is his second major.", "20", 20),
    ("Kiptum is twenty-three.", "twenty-three", 23),
    ("Kiptum, then 23, was back at the hotel by noon.", "23", 23),
    ("He was 26 on the night of the final.", "26", 26),
    ("Bankman-Fried, now thirty-two, told the court.", "thirty-two", 32),
    # a translation's "has ... years" (a rescued miner)
    ("Today he has 63 years.", "63 years", 63),
])
def test_reads(sentence: str, text: str, age: int) -> None:
    assert ages(sentence) == [(text, age)]


@pytest.mark.parametrize("sentence", [
    # lengths and distances in time: durations
    "The coach started out 26 years ago.",
    "He has coached for 26 years.",
    "It ended a 26-year career.",
    "The record stood for 26 years before he broke it.",
    # groups
    "The boys, aged between 11 and 16, were trapped.",
    "The boys, aged 11 to 16, were trapped.",
    "Those aged over 65 were evacuated first.",
    "Most of the team were 18-year-olds.",
    # the ages of things, other units and other numbers
    "He broke a 45-year-old record.",
    "The boy was aged 6 months.",
    "The bar was set at 26 degrees.",
    "The final was held at 26 September.",
    "The final began at 21:50 local time.",
    "In Tokyo, 26 athletes reached the semi-finals.",
    "However, 26, 27 and 28 were all possible.",
    "On Sunday, 1, 2 and 3 went to Italy.",
    "The rescue took 18 days.",
    # a verb of being before a number that is no age
    "It is 20.",
    "He was 26 years in the job.",
    "The score is 20 points.",
    "Turnout was 72 percent.",
    "Alcaraz was 2 sets down.",
    "She has 3 children.",
])
def test_not_ages(sentence: str) -> None:
    assert ages(sentence) == []


@pytest.mark.parametrize(("raw", "value"), [("26", 26), (26, 26), ("twenty-six", 26), ("0", 0), ("130", 130)])
def test_values(raw: object, value: int) -> None:
    assert KIND.parse_value(raw if isinstance(raw, str) else str(raw), {}) == value


@pytest.mark.parametrize("raw", ["26.5", "131", "-1", "26 years", "about 26", "", "true", "twenty-six and a half"])
def test_bad_values(raw: str) -> None:
    with pytest.raises(FactValueError):
        KIND.parse_value(raw, {})


def test_render() -> None:
    assert KIND.render(26) == "26 years old"


def test_hedged_age_is_an_interval() -> None:
    (r,) = read_ages("He was nearly 27 years old.")
    assert KIND.compare(r, 26, None, None) is True  # type: ignore[arg-type]
    assert KIND.compare(r, 30, None, None) is False  # type: ignore[arg-type]


# -- round trip: an age rendered in each form the kind reads, read back --------------------------------

FORMS = ["a {n}-year-old", "{n} years old", "{n}-year-old", "aged {n}", "age {n}", "at the age of {n}",
         "at {n},", "Smith, {n},", "Smith ({n})", "{w}-year-old", "aged {w}", "{n} year old", "{n}-years-old",
         "Smith is {n},", "he was {w} when", "Smith, then {n},", "she is {n}.", "he has {n} years,",
         "a man of {w},", "a woman of {n} years,", "Smith, {n} years,", "Smith, {n} ans,", "Smith, {n} Jahre,"]


@given(st.integers(2, 120), st.sampled_from(FORMS))
@example(26, "Smith, {n},")
@example(26, "{w}-year-old")
def test_age_roundtrip(n: int, form: str) -> None:
    text = form.format(n=n, w=words(n))
    found = read_ages(f"Yesterday {text} the winner said he was happy.")
    assert [r.shown for r in found] == [n], (text, found)
    assert KIND.compare(found[0], n, None, None) is True  # type: ignore[arg-type]
    assert KIND.compare(found[0], n + 1, None, None) is False  # type: ignore[arg-type]
