"""Clock times with zones: "3:30 pm Eastern Time", "15:30 ET", "2030 GMT", "23.30 Moscow time".
Compared as the same instant (minutes after midnight UTC, modulo a day). A time without a zone
agrees when it is the fact's time in the fact's own zone; otherwise it cannot tell."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang
from factcheck.segment import Sentence


@dataclass(frozen=True)
class TimeValue:
    local: int  # minutes after local midnight
    zone: str | None  # canonical zone label as found
    offset_h: float | None  # hours from UTC

    @property
    def utc(self) -> int | None:
        if self.offset_h is None:
            return None
        return int(round(self.local - self.offset_h * 60)) % 1440

    def shown(self) -> str:
        s = f"{self.local // 60:02d}:{self.local % 60:02d}"
        return f"{s} {self.zone}" if self.zone else s


@cache
def _time_re() -> regex.Pattern[str]:
    zones = alternation(lang().zones)
    ampm = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
    return regex.compile(
        rf"(?<![\p{{L}}\d.,:])(?:"
        rf"(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*{ampm}(?:\s*\(?(?P<z1>{zones})\b)?"
        rf"|(?P<h2>\d{{1,2}})[:.](?P<mi2>\d{{2}})(?:\s*(?:hours|hrs|h))?(?:\s*\(?(?P<z2>{zones})\b)?"
        rf"|(?P<hm>[0-2]\d[0-5]\d)\s*(?:hours|hrs|h)?\s*\(?(?P<z3>{zones})\b"
        rf")(?![\d])",
        regex.IGNORECASE,
    )


def read_times(text: str, offset: int = 0) -> list[Reading]:
    zones = lang().zones
    out: list[Reading] = []
    for m in _time_re().finditer(text):
        if m.group("h") is not None:
            h, mi = int(m.group("h")), int(m.group("mi") or 0)
            if not 1 <= h <= 12:
                continue
            pm = m.group("ampm").lower().startswith("p")
            h = (h % 12) + (12 if pm else 0)
            z = m.group("z1")
        elif m.group("h2") is not None:
            h, mi = int(m.group("h2")), int(m.group("mi2"))
            z = m.group("z2")
            sep = text[m.start("h2") + len(m.group("h2"))]
            if sep == "." and not z:
                continue  # "1.30" without a zone is a decimal number
        else:
            hm = m.group("hm")
            h, mi = int(hm[:2]), int(hm[2:])
            z = m.group("z3")
        if h > 23 or mi > 59:
            continue
        zone = regex.sub(r"\s+", " ", z.lower()) if z else None
        v = TimeValue(h * 60 + mi, z.strip() if z else None, zones.get(zone) if zone else None)
        out.append(Reading(start=offset + m.start(), end=offset + m.end(), text=m.group(0).strip(),
                           value=v, shown=v.shown(),
                           detail="" if v.utc is None else f"{v.utc // 60:02d}:{v.utc % 60:02d} UTC"))
    return out


class TimeKind:
    name: ClassVar[str] = "time"
    option_keys: ClassVar[frozenset[str]] = frozenset()

    def parse_value(self, raw: Any, options: dict[str, Any]) -> TimeValue:
        if not isinstance(raw, str):
            raise FactValueError("a time is a string such as '15:30 ET'", "write e.g. `value: 15:30 ET`")
        rs = read_times(raw)
        hm = regex.match(r"\s*(\d{1,2})[:.](\d{2})", raw)
        if hm and (int(hm.group(1)) > 23 or int(hm.group(2)) > 59):
            raise FactValueError(f"{hm.group(0).strip()!r} is not a clock time", "hours run 00-23, minutes 00-59")
        known = ", ".join(sorted(lang().zones))
        if len(rs) == 1 and rs[0].value.zone is None and raw.strip().startswith(rs[0].text):
            rest = raw.strip()[len(rs[0].text):].strip()
            if rest:
                raise FactValueError(f"unknown zone {rest!r} in {raw!r}", f"use a zone factcheck knows: {known}")
        if len(rs) != 1 or rs[0].text.strip() != raw.strip():
            raise FactValueError(f"cannot read {raw!r} as one time and zone", "write HH:MM and a zone, e.g. '15:30 ET'")
        if rs[0].value.offset_h is None:
            known = ", ".join(sorted(lang().zones))
            raise FactValueError(f"{raw!r} has no zone factcheck knows", f"add a zone: one of {known}")
        v: TimeValue = rs[0].value
        return v

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        key = ("time", sentence.index)
        if key not in ctx.cache:
            ctx.cache[key] = read_times(sentence.text, sentence.start)
        readings: list[Reading] = ctx.cache[key]
        return readings

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        v: TimeValue = reading.value
        f: TimeValue = value
        if v.utc is not None:
            return v.utc == f.utc
        if v.local == f.local:
            return True
        return None

    def render(self, value: Any) -> str:
        v: TimeValue = value
        return f"{v.shown()} ({(v.utc or 0) // 60:02d}:{(v.utc or 0) % 60:02d} UTC)"
