"""Render a value in the forms each numeric kind claims to read, read it back."""

from __future__ import annotations

from typing import Any

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.currencies import currency_forms
from factcheck.kinds.money import read_money
from factcheck.kinds.ordinal import OrdinalKind, read_ordinals, read_superlatives
from factcheck.kinds.percentage import read_percentages
from factcheck.lang import pack
from factcheck.numbers import find_numbers


@given(st.integers(0, 9999), st.integers(0, 99), st.sampled_from(["{i}.{d:02d} %", "{i},{d:02d} %",
                                                                  "{i}.{d:02d} per cent", "{i}.{d:02d}%",
                                                                  "{i},{d:02d} Prozent", "{i},{d:02d} pour cent"]))
def test_percentage_roundtrip(i: int, d: int, form: str) -> None:
    text = "the share was " + form.format(i=i, d=d)
    found = read_percentages(text, 0, "")
    assert len(found) == 1 and abs(found[0][0].value - (i + d / 100)) < 1e-9


@given(st.sampled_from(sorted(pack("numbers")["fractions"].items())),
       st.sampled_from(["{f} of the vote went to her", "$2 billion, of which {f} is a grant",
                        "12,000 runners, of them {f} from abroad", "more than {f} of the cars"]))
def test_fraction_share_roundtrip(frac: tuple[str, float], form: str) -> None:
    """Every fraction word of the data pack, written as a share ("of the", "of which", a hedge),
    reads back as its percent."""
    word, pct = frac
    found = read_percentages(form.format(f=word), 0, "")
    assert [(n.text.lower(), n.value) for n, _, _ in found] == [(word, float(pct))]


@given(st.integers(1, 999), st.sampled_from([("${v} million", 1e6, "USD"), ("EUR {v}bn", 1e9, "EUR"),
                                              ("€{v}m", 1e6, "EUR"), ("{v} billion dollars", 1e9, "USD"),
                                              ("{v} Milliarden Dollar", 1e9, "USD"),
                                              ("{v} Millionen Euro", 1e6, "EUR")]))
def test_money_roundtrip(v: int, form: tuple[str, float, str]) -> None:
    pattern, k, cur = form
    found = read_money("it cost " + pattern.format(v=v) + " in all", 0, "")
    assert [(n.value, c[0]) for n, c, _, _ in found] == [(v * k, cur)]


@given(st.integers(1, 999), st.sampled_from(["up to", "more than", "at least"]))
def test_money_hedge_roundtrip(v: int, hedge: str) -> None:
    # a money fact with its own hedge: the bound written as the fact says it agrees, as rendered
    from factcheck.kinds.base import Reading
    from factcheck.kinds.money import MoneyKind

    kind = MoneyKind()
    opts = kind.parse_options({"hedge": hedge})
    value = kind.parse_value(f"${v} million", opts)
    text = kind.render(value)  # "up to USD 42 million"
    found = read_money(f"it is {text} in all", 0, "")
    assert len(found) == 1, text
    n, codes, _, _ = found[0]
    r = Reading(start=0, end=1, text=text, value=n, shown=None, extra={"currency": codes[0], "factor": 1.0})
    assert kind.compare(r, value, None, None) is True, text  # type: ignore[arg-type]


@given(st.integers(100, 99_000), st.integers(1, 5_000), st.integers(0, 100))
def test_quantity_range_roundtrip(lo: int, width: int, pct: int) -> None:
    # a range value renders as it is written, reads back the same, and a figure inside it agrees
    from factcheck.kinds.base import Reading
    from factcheck.kinds.quantity import QuantityKind

    kind = QuantityKind()
    opts = kind.parse_options({})
    value = kind.parse_value(f"{lo:,} to {lo + width:,}", opts)
    assert kind.parse_value(kind.render(value), opts) == value
    inside = lo + width * pct // 100
    n = find_numbers(f"{inside} people")[0]
    r = Reading(start=0, end=1, text=str(inside), value=n, shown=None)
    assert kind.compare(r, value, None, None) is True  # type: ignore[arg-type]


@given(st.integers(1, 999))
def test_ordinal_roundtrip(v: int) -> None:
    text = f"the {OrdinalKind().render(v)} attempt"
    assert [x for _, _, x in read_ordinals(text)] == [v]


@given(st.integers(2, 999), st.sampled_from(["No. ", "No.", "No ", "Nr. "]))
def test_rank_as_number_roundtrip(v: int, no: str) -> None:
    assert [x for _, _, x in read_ordinals(f"the {no}{v} seed")] == [v]
    assert read_ordinals(f"there were no {v} seeds") == []


@given(st.sampled_from(["the", "its", "Britain's", "the country’s", "their"]),
       st.sampled_from(["busiest", "largest", "biggest", "deadliest", "costliest", "most expensive", "top",
                        "No. 1", "best"]),
       st.sampled_from(["", " since 1995", " in more than a century", " of the year"]))
def test_superlative_roundtrip(owner: str, word: str, limit: str) -> None:
    text = f"it is {owner} {word} port{limit}, officials said"
    found = read_superlatives(text, regex.compile(r"ports?"))
    assert [text[a:b] for a, b in found] == ([] if limit else [word])


_SPOKEN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@given(whole=st.integers(0, 9), decimals=st.lists(st.integers(0, 9), min_size=1, max_size=3),
       scale=st.sampled_from(["", " million", " billion"]))
def test_spoken_decimal_round_trip(whole: int, decimals: list[int], scale: str) -> None:
    """"one point three million", "nine point eight zero": spoken decimals read back as written."""
    text = f"it reached {_SPOKEN[whole]} point {' '.join(_SPOKEN[d] for d in decimals)}{scale} in all"
    k = {"": 1, " million": 1e6, " billion": 1e9}[scale]
    want = (whole + sum(d / 10 ** (j + 1) for j, d in enumerate(decimals))) * k
    found = [n for n in find_numbers(text) if not n.magnitude]
    assert len(found) == 1 and abs(found[0].value - want) < 1e-6 * max(1.0, want), (text, found)


@given(st.integers(1, 500), st.integers(1, 500), st.booleans(),
       st.sampled_from([("passengers", "flight attendants"), ("pilots", "cabin crew"), ("divers", "soldiers")]))
def test_two_groups_sum_round_trip(a: int, b: int, article: bool, nouns: tuple[str, str]) -> None:
    """"<a> <noun1> and <b> <noun2> were ..." reads as the sum a + b, loosely, when the fact counts
    both nouns ("and a <noun2>" for one); each part is then loose too."""
    import regex

    from factcheck.kinds.count import counted_numbers
    from factcheck.segment import segment

    second = "a" if article else str(b)
    b = 1 if article else b
    text = f"{a} {nouns[0]} and {second} {nouns[1]} were aboard."
    sentence = segment(text).sentences[0]
    counted = regex.compile("|".join(regex.escape(n) for n in nouns), regex.IGNORECASE)
    readings = counted_numbers(sentence, counted)
    sums = [r for r in readings if r.text.endswith(nouns[1])]
    assert [int(r.value.value) for r in sums] == [a + b], text
    assert all(r.extra.get("loose") for r in readings), text


@given(st.integers(1, 19), st.sampled_from([("a half", 0.5), ("a third", 1 / 3), ("a quarter", 0.25),
                                            ("three quarters", 0.75), ("three-quarters", 0.75),
                                            ("two thirds", 2 / 3), ("a fifth", 0.2)]),
       st.sampled_from(["", " million"]))
def test_fraction_after_number_words_round_trip(whole: int, frac: tuple[str, float], scale: str) -> None:
    """"<n> and <fraction>[ million]" in words reads back as one number: n + fraction (times the scale)."""
    from factcheck.lang import lang

    word = next(w for w, v in lang().number_words.items() if v == whole and w not in ("a", "an"))
    text = f"It took {word} and {frac[0]}{scale} hours."
    found = find_numbers(text)
    want = (whole + frac[1]) * (1_000_000 if scale else 1)
    assert len(found) == 1 and abs(found[0].value - want) < 1e-6 * max(1.0, want), (text, found)


@settings(deadline=None)  # the first call builds the readers of every currency
@given(st.sampled_from(sorted(currency_forms())),
       st.integers(1, 999), st.sampled_from([("{v} million {w}", 1e6), ("{c} {v}bn", 1e9), ("{s}{v}m", 1e6)]))
def test_any_currency_roundtrip(code: str, v: int, form: tuple[str, float]) -> None:
    """Any ISO 4217 currency, written with its plural word after the amount, its code before it, or
    its sign: reads back as that amount, the currency among those the form may stand for."""
    forms = currency_forms()[code]
    pattern, k = form
    signs = forms["before"] + [c for c in forms["codes"] if c.isalpha() and c.isupper() and len(c) == 3]
    if "{s}" in pattern and not forms["before"]:
        pattern = "{c} {v}m"
    elif "{s}" in pattern and any(c.isalpha() for c in forms["before"][0]):
        pattern = "{s} {v}m"  # "Dh 5m", "Rs 5m": letters stand apart from the amount
    text = "it cost " + pattern.format(v=v, w=forms["after"][-1], c=code, s=signs[0] if signs else code) + " in all"
    found = read_money(text, 0, "")
    assert len(found) == 1 and found[0][0].value == v * k and code in found[0][1], (text, found)


@given(st.integers(0, 999), st.integers(0, 10), st.sampled_from(["{a}/{b}", "{a} for {b}", "{a} to {b}"]))
def test_cricket_pair_roundtrip(a: int, b: int, form: str) -> None:
    """A total or bowling figures written as cricket does ("241/4", "241 for 4") reads back as the pair."""
    from factcheck.kinds.score import find_loose_pairs

    text = "Australia reached " + form.format(a=a, b=b) + " in the final."
    assert [p for _, _, p in find_loose_pairs(text)] == [(a, b)], text


def _unit_aliases() -> list[tuple[str, str]]:
    from factcheck.lang import pack

    units = pack("units")["physical"]
    # an alias that is also a scale word ("MN", million) reads as the scale in an article: left out
    return [(str(units[u][0]), str(a)) for u in units for a in units[u]
            if find_numbers(f"it is 2 {a} long")[0].value == 2]


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 9_999), st.sampled_from(_unit_aliases()), st.booleans())
def test_quantity_any_unit_alias_roundtrip(v: int, unit: tuple[str, str], hyphen: bool) -> None:
    # a figure written with any alias of a unit of units.yaml reads back as the fact in the unit's first
    # alias, and agrees; one a third larger contradicts ("2,230 grams" for `2230 g`, "4-ton" for `4 ton`)
    import tempfile
    from pathlib import Path

    from factcheck.check import check
    from factcheck.factbase.load import load_factbase
    from factcheck.model import Source

    canon, alias = unit
    sep = "-" if hyphen and " " not in alias and alias[-1] not in ".³²" else " "
    with tempfile.TemporaryDirectory() as d:
        Path(d, "f.yaml").write_text(
            f"facts:\n  - {{id: q.size, kind: quantity, value: '{v} {canon}', cues: ['size']}}\n", encoding="utf-8")
        base = load_factbase(d)
    for figure, want in ((v, "agree"), (v * 4 // 3 + 1, "contradict")):
        text = f"Its size is {figure:,}{sep}{alias}, officials said."
        got = check(Source(id="x", text=text), base).findings[0].verdict
        assert got == want, (text, canon)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 49).filter(lambda c: c % 10 != 0), st.booleans())  # a round fact ("50 °C") is 45-55
def test_temperature_converts_with_its_offset(celsius: int, glued: bool) -> None:
    # a temperature in °F agrees with the same temperature in °C, and one 9 °F off contradicts (the
    # scales differ by a factor and an offset: 21 °C is 69.8 °F, not 37.8)
    from factcheck.check import check
    from factcheck.model import Source

    base = _temperature_base(f"{celsius} °C")
    fahrenheit = round(celsius * 1.8 + 32)
    sep = "" if glued else " "
    # (not a round figure for the wrong one: "80 °F" stands for 75 to 85 °F)
    wrong = fahrenheit + (9 if (fahrenheit + 9) % 10 else 11)
    for figure, want in ((fahrenheit, "agree"), (wrong, "contradict")):
        text = f"The temperature was {figure}{sep}°F at kick-off."
        got = check(Source(id="x", text=text), base).findings[0].verdict
        assert got == want, text


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 49).filter(lambda c: c % 10 != 0), st.sampled_from(["-{v} °C", "−{v} °C", "minus {v} °C",
                                                                          "minus {v} degrees Celsius", "-{v}°C"]))
def test_negative_temperature_roundtrip(celsius: int, form: str) -> None:
    # a temperature below zero written with a minus sign or "minus" reads back as itself and agrees
    # with a fact below zero; the same figure without its sign contradicts it (its value is not 7 but -7)
    from factcheck.check import check
    from factcheck.model import Source

    base = _temperature_base(f"-{celsius} °C")
    for text, want in ((f"The temperature was {form.format(v=celsius)} at dawn.", "agree"),
                       (f"The temperature was {celsius} °C at dawn.", "contradict")):
        got = check(Source(id="x", text=text), base).findings[0].verdict
        assert got == want, text


def _temperature_base(value: str) -> Any:
    """A fact base of one temperature fact `w.temp` of `value`, cued by "temperature"."""
    import tempfile
    from pathlib import Path

    from factcheck.factbase.load import load_factbase

    with tempfile.TemporaryDirectory() as d:
        Path(d, "f.yaml").write_text(
            f"facts:\n  - {{id: w.temp, kind: quantity, value: '{value}', cues: ['temperature']}}\n",
            encoding="utf-8")
        return load_factbase(d)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(1, 99_999), min_size=2, max_size=4),
       st.sampled_from(["lost", "counted", "reported"]), st.sampled_from(["citizens", "deaths", "seats"]),
       st.booleans())
def test_gapped_list_roundtrip(values: list[int], verb: str, noun: str, brackets: bool) -> None:
    # "Kenya lost 32 citizens, Canada 18 and Ethiopia 9": each label reads back with its own number
    from factcheck.kinds.count import gapped_entries

    labels = ["Kenya", "Canada", "the United States", "Sri Lanka"][: len(values)]
    rest = [f"{lab} ({v:,})" if brackets else f"{lab} {v:,}" for lab, v in zip(labels[1:], values[1:])]
    tail = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
    text = f"{labels[0]} {verb} {values[0]:,} {noun}, {tail}, officials said."
    got = [(text[la:lb], v) for _, _, la, lb, v in gapped_entries(text)]
    assert got == [(lab, float(v)) for lab, v in zip(labels, values)], text


@given(st.integers(1, 999), st.integers(0, 9), st.sampled_from([("m", 1e6), ("bn", 1e9), ("k", 1e3), ("mn", 1e6)]),
       st.sampled_from(["people", "users", "runners"]))
def test_short_scale_count_round_trip(whole: int, tenth: int, scale: tuple[str, float], noun: str) -> None:
    """A count written with a short scale glued to it ("1.7m people", "450m users", "30k runners")
    reads back as the whole figure; glued to a noun the fact does not count it stays bare."""
    from factcheck.kinds.count import counted_numbers
    from factcheck.segment import segment

    counted = regex.compile(noun, regex.IGNORECASE)
    figure = f"{whole}.{tenth}" if tenth else f"{whole}"
    text = f"About {figure}{scale[0]} {noun} took part."
    want = round((whole + tenth / 10) * scale[1])
    sentence = segment(text).sentences[0]
    got = [round(r.value.value) for r in counted_numbers(sentence, counted)]
    assert got == [want]
    other = segment(f"A {whole}{scale[0]} wall fell.").sentences[0]
    assert counted_numbers(other, counted) == []


@given(st.integers(1, 999), st.sampled_from(["move", "pier", "Stage", "lap", "round"]),
       st.sampled_from(["{noun} {n}", "{noun} No. {n}", "{noun} number {n}"]))
def test_noun_and_number_roundtrip(n: int, noun: str, form: str) -> None:
    """A counted noun and its number ("move 8", "pier No. 9") reads back as that rank."""
    from factcheck.kinds.ordinal import _noun_numbers
    text = "It happened at " + form.format(noun=noun, n=n) + ", they said."
    counted = regex.compile(noun, regex.IGNORECASE)
    assert [v for _, _, v, _ in _noun_numbers(text, counted)] == [n]


@given(whole=st.integers(1, 999), frac=st.integers(0, 999), scale=st.sampled_from(["million", "billion", "m", "bn"]))
def test_three_decimals_before_an_english_scale(whole: int, frac: int, scale: str) -> None:
    """"2.875 million", "$1.175bn": before an English scale word, three digits after the point are
    decimals, whatever the article's convention (no thousands-of-millions reading)."""
    from factcheck.numbers import find_numbers
    k = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}[scale]
    space = " " if len(scale) > 2 else ""
    text = f"The prize was ${whole}.{frac:03d}{space}{scale} this year."
    found = find_numbers(text, 0, "unknown")
    assert len(found) == 1 and found[0].alt is None, text
    assert abs(found[0].value - (whole + frac / 1000) * k) < 1e-3 * k, text
