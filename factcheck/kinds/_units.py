"""Units of measure for the numeric kinds: aliases are data (factcheck/data/en/units.yaml),
conversion factors come from pint, built once and cached per pair of units."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import regex

from factcheck.lang import alternation, lang, pack


@cache
def aliases() -> dict[str, tuple[str, bool]]:
    """alias (as written, or lowercased when matched in any case) -> (canonical unit, physical)."""
    data = pack("units")
    out: dict[str, tuple[str, bool]] = {}
    for physical, section in ((True, "physical"), (False, "counted")):
        for canon, words in data[section].items():
            for w in [canon, *words] if not physical else words:
                w = str(w)
                out[w if len(w) <= 3 else w.lower()] = (str(canon), physical)
    return out


@cache
def label(unit: str) -> str:
    """How a report writes a unit: its first alias in units.yaml ("km", "bbl", "m3"), not pint's
    name ("kilometer", "oil_barrel", "meter**3"); a counted unit as it is ("TEU")."""
    words = pack("units")["physical"].get(unit)
    return str(words[0]) if words else unit


def lookup(text: str) -> tuple[str, bool] | None:
    t = regex.sub(r"\s+", " ", text.strip())
    table = aliases()
    return table.get(t) or table.get(t.lower())


@cache
def unit_after_re() -> regex.Pattern[str]:
    """A unit right after a number: "130 km", "72km", "400-metre", "30 000 m³"."""
    words = list(aliases())
    short = alternation([w for w in words if len(w) <= 3])
    long = alternation([w for w in words if len(w) > 3])
    return regex.compile(rf"\A[\s\u00a0\u202f-]?(?P<u>(?i:{long})|(?-i:{short}))(?![\p{{L}}\d])")


@cache
def _per_time_re() -> regex.Pattern[str]:
    """A time unit after a physical one, making it a rate: "/hour", "/h", " per second", " a day"
    (after a word the time is written in full; after a slash, short forms too)."""
    data = pack("units")
    full = [str(ws[0]) for ws in data["per_time"].values()]
    every = [str(w) for ws in data["per_time"].values() for w in ws]
    return regex.compile(
        rf"(?:\s*/\s*(?P<t>{alternation(every)})|\s+(?:{alternation(data['per_linkers'])})\s+(?P<t>{alternation(full)}))"
        r"(?![\p{L}\d])", regex.IGNORECASE)


def unit_after(after: str) -> tuple[str, bool, int] | None:
    """(canonical unit, physical, end offset in `after`) of the unit written first in `after`. A
    physical unit followed by a time ("179 kilometres/hour", "12 metres a second") is the rate
    ("kilometer/hour"), which converts to a speed and never to a length (rule quantity.rate_unit)."""
    m = unit_after_re().match(after)
    if not m:
        return None
    hit = lookup(m.group("u"))
    if not hit:
        return None
    if hit[1]:
        per = _per_time_re().match(after, m.end())
        if per is not None:
            return f"{hit[0]}/{_time_canon(per.group('t'))}", True, per.end()
    return hit[0], hit[1], m.end()


def _time_canon(word: str) -> str:
    for canon, ws in pack("units")["per_time"].items():
        if word.lower() in {str(w).lower() for w in ws}:
            return str(canon)
    return word


@cache
def fillers_re() -> regex.Pattern[str]:
    # and the partitive nouns a figure stands before when its unit follows "of" ("4,000 members of
    # the armed forces")
    words = [*pack('units')['fillers'], *lang().data['count_partitives']]
    return regex.compile(rf"(?:{alternation(words)})$|(?-i:\p{{Lu}}[\p{{L}}'’]+)$", regex.IGNORECASE)


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1024)
def convert(src: str, dst: str) -> tuple[float, float] | None:
    """(k, offset) such that x `src` is k * x + offset `dst` (mile -> kilometer: (1.609344, 0);
    degree_Celsius -> degree_Fahrenheit: (1.8, 32)); None when they do not convert."""
    if src == dst:
        return 1.0, 0.0
    import pint

    ureg = _registry()
    try:
        zero = float(ureg.Quantity(0.0, src).to(dst).magnitude)
        one = float(ureg.Quantity(1.0, src).to(dst).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError, AttributeError, ValueError):
        return None
    return one - zero, (zero if abs(zero) > 1e-9 else 0.0)


def factor(src: str, dst: str) -> float | None:
    """How many `dst` one `src` is (mile -> kilometer: 1.609344); None when they do not convert,
    or convert only with an offset (temperatures: see `convert`)."""
    c = convert(src, dst)
    return c[0] if c is not None and c[1] == 0.0 else None


def has_offset(unit: str) -> bool:
    """Is `unit` on a scale with an offset zero (°C, °F), where ratios of values mean nothing?"""
    c = convert(unit, "kelvin")
    return c is not None and c[1] != 0.0
