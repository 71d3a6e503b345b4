"""The money kind's table of every currency (factcheck/data/en/currencies.json, generated from CLDR):
it is what the generator makes, and every currency in it reads by its code, its names and its word."""

from __future__ import annotations

import json

import pytest

from factcheck.currencies import currency_forms
from factcheck.kinds.money import MoneyKind, read_money
from factcheck.lang import pack


def test_table_is_what_cldr_gives() -> None:
    babel = pytest.importorskip("babel")
    from babel.core import get_cldr_version

    from factcheck.data.cldr_currencies import TABLE, cldr_table

    on_disk = json.loads(TABLE.read_text(encoding="utf-8"))
    on_disk.pop("about")
    if str(get_cldr_version()) != on_disk["cldr"]:
        pytest.skip(f"Babel {babel.__version__} carries CLDR {get_cldr_version()}, the table CLDR {on_disk['cldr']}: "
                    "regenerate with `python -m factcheck.data.cldr_currencies`")
    assert cldr_table() == on_disk


def test_every_currency_reads_by_code_and_plural_word() -> None:
    """For each currency: 'CODE 5 million' is a fact value of that currency, and '7 million <plural>'
    reads with it among the currencies the word may stand for."""
    kind = MoneyKind()
    failures = []
    for code, forms in currency_forms().items():
        try:
            value = kind.parse_value(f"{code} 5 million", kind.parse_options({}))
        except Exception as e:  # noqa: BLE001 - collect every failure
            failures.append(f"{code}: {e}")
            continue
        if value.currency != code or value.value != 5e6:
            failures.append(f"{code}: parsed as {value}")
        word = forms["after"][-1]
        found = read_money(f"It cost 7 million {word} in all.", 0, "dot_decimal")
        if not found or code not in found[0][1] or found[0][0].value != 7e6:
            failures.append(f"{code}: '7 million {word}' read as {found}")
    assert not failures, failures[:10]
    assert len(currency_forms()) > 150


@pytest.mark.parametrize("text, code", [
    ("fined the lender ₦5 billion", "NGN"),        # a local sign (CLDR en_NG)
    ("a budget of Ksh 40.9 billion", "KES"),       # letters of a local sign, in the case written
    ("250 million Ghanaian cedis", "GHS"),         # the CLDR plural name
    ("2,35 million Pound", "GBP"),                 # a translation's capitalised singular
    ("1.2 trillion pesos", "MXN"),                 # a shared word reads as the pack's usual one first
])
def test_reads_currency(text: str, code: str) -> None:
    found = read_money(text, 0, "dot_decimal")
    assert found and found[0][1][0] == code


@pytest.mark.parametrize("text", ["all 5,000 workers", "the top 3 million households", "Try 40 times"])
def test_codes_that_are_words_read_only_in_capitals(text: str) -> None:
    assert read_money(text, 0, "dot_decimal") == []


def test_pack_forms_come_first() -> None:
    """A sign the pack lists under several currencies keeps the pack's order: "$" is USD first."""
    before = {str(c): f.get("before", []) for c, f in pack("money")["currencies"].items()}
    assert "$" in before["USD"]
    found = read_money("$5 million", 0, "dot_decimal")
    assert found[0][1][0] == "USD" and "AUD" in found[0][1] and "NAD" in found[0][1]


@pytest.mark.parametrize("text, value", [
    ("a fine of Rs 5m", 5e6),            # a sign in letters before "m": millions, as after "$"
    ("a grant of Dh 2.5m", 2.5e6),
    ("a budget of Ksh 40m", 40e6),
    ("a prize of kr. 3m", 3e6),
])
def test_m_after_a_sign_in_letters(text: str, value: float) -> None:
    found = read_money(text, 0, "dot_decimal")
    assert found and found[0][0].value == value


@pytest.mark.parametrize("text, value", [
    # a one-letter sign glued to its figure, in capitals (money.yaml `glued`): rand in South Africa (a
    # trial's compensation offer and bail; a World Cup's stadium budget)
    ("The family rejected his offer of R375,000 as blood money.", 375_000.0),
    ("Bail was set at R1 million, R100,000 of it in cash.", 1_000_000.0),
    ("The stadiums cost about R17.4 billion in the end.", 17.4e9),
])
def test_a_glued_one_letter_sign(text: str, value: float) -> None:
    (n, codes, _, _), *_ = read_money(text, 0, "")
    assert codes == ("ZAR",) and n.value == value


@pytest.mark.parametrize("text", ["R&D 5 million", "grade R 5 pupils", "the MR2 and the TR6", "R. 5 Kelly"])
def test_a_one_letter_sign_apart_or_inside_a_word_is_no_money(text: str) -> None:
    assert read_money(text, 0, "") == []
