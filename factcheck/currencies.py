"""Every currency an article may write, for the `money` kind: the language pack's own forms
(`data/en/money.yaml`: the usual reading of a shared sign or word first, translations' leftovers)
merged with the Unicode CLDR's English names and signs of every ISO 4217 currency in use
(`data/en/currencies.json`: "Nigerian naira", "nairas", "₦", "Kenyan shillings", "Ksh", "CFA francs").

That file is generated from CLDR through Babel (`python -m factcheck.data.cldr_currencies`), so that
a run needs neither Babel nor its 0.8 s of reading a hundred locales.

A form several currencies share ("$", "dollars", "pesos", "rupees") keeps the pack's order, the
other currencies after it: it reads as the first, and matches a fact in another one loosely (it
may agree, never accuse)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from factcheck.lang import pack


@cache
def _cldr() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("factcheck.data").joinpath("en", "currencies.json").read_text(encoding="utf-8"))
    return data


@cache
def currency_forms() -> dict[str, dict[str, list[str]]]:
    """Code -> {"before": signs, "after": words, "codes": letters matched in capitals only}: the
    pack's currencies first (in its order), then every other CLDR currency."""
    own = {str(c): {"before": [str(w) for w in f.get("before", [])], "after": [str(w) for w in f.get("after", [])],
                    "codes": []} for c, f in pack("money")["currencies"].items()}
    for code, forms in _cldr()["currencies"].items():
        entry = own.setdefault(str(code), {"before": [], "after": [], "codes": []})
        seen = {w.lower() for w in entry["before"] + entry["after"]}
        for key in ("after", "before", "codes"):
            entry[key] += [str(w) for w in forms.get(key, []) if str(w).lower() not in seen]
    return own


def cldr_version() -> str:
    """The CLDR release the generated table comes from (for `factcheck words`)."""
    return str(_cldr().get("cldr", ""))
