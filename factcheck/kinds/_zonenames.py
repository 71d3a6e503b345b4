"""Zone names from maintained data, for "<place> time" beside a clock time: every IANA zone's city
("Kuala Lumpur time", "Nairobi time") and every country whose zones keep one clock ("Malaysia
time", "Malaysian time", "Japanese time"), from tzdata's zone.tab and pycountry, and the big cities
tzdata does not name ("Rio de Janeiro", "Beijing", "Mumbai"), from GeoNames. The hand-written
names of zones.yaml come first; these fill the rest of the world."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

import pycountry

from factcheck.lang import pack

#: IANA areas whose zones are places people write ("Etc/GMT+5", "Antarctica/Troll" are not)
_AREAS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
#: two instants a country's zones must agree on (winter and summer in both hemispheres)
_PROBES = (dt.datetime(2024, 1, 15, 12, tzinfo=dt.UTC), dt.datetime(2024, 7, 15, 12, tzinfo=dt.UTC))


def _zone_tab() -> dict[str, list[str]]:
    """ISO 3166 country code -> its IANA zones (tzdata's zone.tab); empty without tzdata's files."""
    out: dict[str, list[str]] = {}
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return out
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            out.setdefault(parts[0], []).append(parts[2])
    return out


def _one_clock(zones: list[str]) -> str | None:
    """The first of a country's zones when all keep the same clock (Malaysia: Kuala Lumpur and
    Kuching); None when they differ (the United States, Russia, Brazil)."""
    try:
        offsets = {tuple(p.astimezone(ZoneInfo(z)).utcoffset() for p in _PROBES) for z in zones}
    except (KeyError, ValueError, OSError):
        return None
    return zones[0] if len(offsets) == 1 else None


@cache
def _big_cities() -> dict[str, str]:
    """Lower-case city -> IANA zone for the big cities tzdata does not name (data/en/cities.json,
    generated from GeoNames by factcheck/data/geonames_cities.py): "Rio de Janeiro", "Beijing"."""
    try:
        text = resources.files("factcheck.data").joinpath("en", "cities.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return {str(k): str(v) for k, v in json.loads(text).get("cities", {}).items()}


def _places(demonyms: bool) -> Iterator[tuple[str, str]]:
    """(lower-case place, IANA zone): the cities of tzdata, then the one-clock countries by their
    names and aliases (and, with `demonyms`, their adjectives: "French"), then the big cities of
    GeoNames."""
    for zone in sorted(available_timezones()):
        area, _, rest = zone.partition("/")
        if area in _AREAS and rest:
            yield rest.rsplit("/", 1)[-1].replace("_", " ").lower(), zone
    data = pack("countries")
    names = {str(k): str(v) for k, v in data.get("names", {}).items()}
    for code, zones in _zone_tab().items():
        clock = _one_clock(zones)
        country = pycountry.countries.get(alpha_2=code)
        if clock is None or country is None:
            continue
        words = {names.get(code, ""), getattr(country, "common_name", ""), country.name,
                 *(str(a) for a in data.get("aliases", {}).get(code, [])),
                 *((str(d) for d in data.get("demonyms", {}).get(code, [])) if demonyms else ())}
        for w in words:
            if w and "," not in w and "(" not in w:
                yield w.lower(), clock
    yield from _big_cities().items()


@cache
def multi_clock_countries() -> frozenset[str]:
    """Lower-case names of the countries whose zones keep several clocks ("Portugal": Lisbon and the
    Azores; "the United States"): "local time" there names no one clock."""
    data = pack("countries")
    names = {str(k): str(v) for k, v in data.get("names", {}).items()}
    out: set[str] = set()
    for code, zones in _zone_tab().items():
        country = pycountry.countries.get(alpha_2=code)
        if country is None or _one_clock(zones) is not None:
            continue
        words = {names.get(code, ""), getattr(country, "common_name", ""), country.name,
                 *(str(a) for a in data.get("aliases", {}).get(code, []))}
        out |= {w.lower() for w in words if w and "," not in w and "(" not in w}
    return frozenset(out)


@cache
def generated_names() -> dict[str, str]:
    """Lower-case "<place> time" -> IANA zone, for cities and one-clock countries."""
    out: dict[str, str] = {}
    for place, zone in _places(demonyms=True):
        out.setdefault(f"{place} time", zone)
    return out


#: places whose name is as often another's with another clock (the US state of Georgia, Jersey City),
#: and tzdata's old links named by a compass point or an abbreviation ("Australia/South", "Australia/ACT"):
#: "in the south", "in South Carolina" and "in the west" name no clock
_NOT_AFTER_IN = frozenset({"georgia", "jersey", "north", "south", "west", "east", "act", "nsw", "lhi"})


@cache
def generated_places() -> dict[str, str]:
    """Lower-case "<place>" -> IANA zone for the zone pack's `places` (regions with a clock of their
    own: "peninsular Spain", "the East Coast"), the cities of tzdata and the one-clock countries by
    their names (no demonyms): what "3pm in <place>" names the clock of."""
    out = {str(k).lower(): str(v) for k, v in pack("zones").get("places", {}).items()}
    for place, zone in _places(demonyms=False):
        if place not in _NOT_AFTER_IN:
            out.setdefault(place, zone)
    return out
