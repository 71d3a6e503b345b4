"""What the harness reads, listed from its language data (`factcheck words`): units of measure and
counted units, currencies and rate words, duration units, zone abbreviations and names, hedges.
Users write fact bases against these lists; they should not have to read the package to find them."""

from __future__ import annotations

from typing import Any

from factcheck.currencies import cldr_version, currency_forms
from factcheck.lang import lang, pack

TOPICS = ("units", "currencies", "durations", "zones", "hedges")


def _units() -> list[str]:
    u = pack("units")
    out = ["Units of measure (value: '<number> <unit>'; pint converts within a dimension):"]
    out += [f"  {name}: {', '.join(map(str, words))}" for name, words in u["physical"].items()]
    out.append("Counted units (no conversion; the word must follow the number):")
    out += [f"  {name}: {', '.join(map(str, words))}" for name, words in u["counted"].items()]
    return out


def _currencies() -> list[str]:
    m = pack("money")
    out = [f"Currencies (value: '<sign or code><amount>' or '<amount> <word>'; every ISO 4217 code, with CLDR "
           f"{cldr_version()}'s English names; a sign or word several share reads as the first listed):"]
    for code, spec in currency_forms().items():
        before = [*spec["before"], *spec["codes"]]
        out.append(f"  {code}: before {', '.join(before)}; after {', '.join(spec['after'])}")
    out.append("Rates (per: day, ...):")
    out += [f"  {unit}: {', '.join(words)}" for unit, words in m["rate_words"].items()]
    return out


def _durations() -> list[str]:
    units: dict[str, Any] = pack("durations")["units"]
    by_minutes: dict[float, list[str]] = {}
    for word, minutes in units.items():
        by_minutes.setdefault(round(float(minutes), 6), []).append(str(word))
    out = ["Duration units (minutes each):"]
    out += [f"  {m:g} min: {', '.join(ws)}" for m, ws in sorted(by_minutes.items())]
    return out


def _zones() -> list[str]:
    z = pack("zones")
    out = ["Zone abbreviations (hours east of UTC, or an IANA zone whose summer time is applied at the fact's date):"]
    out += [f"  {k}: {v}" for k, v in z["abbreviations"].items()]
    out.append("Zone names:")
    out += [f"  {k}: {v}" for k, v in z["names"].items()]
    out.append(f"Local time: {', '.join(map(str, z['local']))} (the event's own `zone`)")
    out.append("Also: any IANA name (Europe/Paris) and UTC+N / GMT-N offsets.")
    return out


def _hedges() -> list[str]:
    out = ["Hedges before a number (class):"]
    out += [f"  {word}: {cls}" for word, cls in lang().hedges.items()]
    out.append("Hedges before a clock time (the window in minutes; also before a time fact's value):")
    out += [f"  {word}: {lo:+d} to {hi:+d}" for word, (lo, hi) in pack("zones")["hedges"].items()]
    return out


def words(topic: str) -> str:
    """The lines of one topic."""
    table = {"units": _units, "currencies": _currencies, "durations": _durations, "zones": _zones,
             "hedges": _hedges}
    return "\n".join(table[topic]()) + "\n"
