"""The YAML stub proposed for a candidate: its kind, id, value, cues."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

import regex

from factcheck.kinds.date import DateValue
from factcheck.kinds.time import TimeValue
from factcheck.lang import lang
from factcheck.suggest.model import Candidate
from factcheck.suggest.reading import date_shown, duration_text, fmt_money
from factcheck.suggest.words import stem


def _ascii_slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return regex.sub(r"[^a-z0-9]+", "_", t).strip("_")


def _top_words(c: Candidate, n: int, exclude: Iterable[str] = ()) -> list[str]:
    """The surface forms of the stems that weigh most in the candidate's contexts."""
    skip = set(exclude)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in c.mentions:
        for s, w in m.surfaces:
            forms[s][w] += 1
    ranked = sorted((t for t in c.vector if t not in skip and t in forms), key=lambda t: (-c.vector[t], t))
    out: list[str] = []
    for t in ranked[:n]:
        word = sorted(forms[t].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append(word)
    return out


def fact_kind(c: Candidate) -> str:
    """The kind of the stub: a figure with a noun is a count when it is a small whole number
    stated plainly, else a quantity."""
    if c.kind != "number":
        return c.kind
    main = c.main.value
    if (not main.measure and not main.open_ended and float(main.point).is_integer() and main.point < 1000
            and not main.hedge):
        return "count"
    return "quantity"


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _plain(s: str) -> str:
    """A YAML scalar: plain when that is safe, else single-quoted."""
    if regex.fullmatch(r"[\p{L}][\p{L}\p{M} .'-]*[\p{L}.]", s) and ": " not in s and " #" not in s:
        return s
    return _q(s)


def _alternation(found: Iterable[str]) -> str:
    return "|".join(regex.escape(w, special_only=True, literal_spaces=True) for w in dict.fromkeys(found))


def _figure(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def stub(c: Candidate) -> list[str]:
    kind = c.fact_kind
    main = c.main.value
    lines = [f"- id: {c.id}", f"  kind: {kind}"]
    units = [m.value.unit_text for m in c.mentions if m.value.unit_text]
    unit_stems = {stem(w) for u in units for w in u.split()}
    cue_words = _top_words(c, 3, exclude=unit_stems)
    bound = main.hedge and lang().hedges.get(main.hedge) != "about"  # "more than", "up to"
    if kind in ("quantity", "count") and main.measure:
        lines.append(f"  value: {_q(f'{_figure(main.point)} {main.measure}')}")
        if bound:
            lines.append(f"  hedge: {main.hedge}")
    elif kind in ("quantity", "count"):
        lines.append(f"  value: {_figure(main.point)}")
        if kind == "quantity" and bound:
            lines.append(f"  hedge: {main.hedge}")
        plain_units = [u for u in units if regex.fullmatch(r"[\p{L}\s'’-]+", u)]
        key = "unit" if kind == "quantity" else "counted"
        lines.append(f"  {key}: {_q(_alternation(sorted(set(plain_units), key=units.index)) or 'TODO')}")
        cue_words = [*dict.fromkeys(u for u in plain_units), *cue_words][:3]
    elif kind == "percentage":
        lines.append(f"  value: {_q(f'{main.point:g} {main.measure}')}")
    elif kind == "money":
        lines.append(f"  value: {_q(fmt_money(main.point, main.measure))}")
        if main.per:
            lines.append(f"  per: {main.per}")
    elif kind == "duration":
        minutes = float(main.data)
        iv = main.interval
        text = duration_text(minutes)
        if main.hedge:
            text = f"{main.hedge} {text}"
        elif iv is not None and iv.hi - iv.lo > 1.0 + 1e-9:
            text = f"about {text}"
        lines.append(f"  value: {_q(text)}")
    elif kind == "date":
        d: DateValue = main.data
        if d.year and d.month and d.day:
            lines.append(f"  value: {d.year:04d}-{d.month:02d}-{d.day:02d}")
        else:
            y = f"{d.year:04d}" if d.year else "YYYY"
            m = f"{d.month:02d}" if d.month else "MM"
            dd = f"{d.day:02d}" if d.day else "DD"
            lines.append(f"  value: {y}-{m}-{dd}  # {date_shown(d)}: complete the date")
    elif kind == "time":
        t: TimeValue = main.data
        zone = f" {t.zone}" if t.zone else ""
        note = "" if t.zone else "  # add a zone, e.g. ET"
        lines.append(f"  value: {_q(f'{t.local // 60:02d}:{t.local % 60:02d}{zone}')}{note}")
    elif kind == "year":
        lines.append(f"  value: {int(main.point)}")
    elif kind == "name":
        lines.append(f"  value: {_plain(main.shown)}")
        others = [g.shown for g in c.values if g is not c.main]
        if others:
            lines.append(f"  # other spellings read: {', '.join(others)} (list the legitimate ones as variants)")
    if kind != "name":
        lines.append(f"  cues: [{_q(_alternation(cue_words) or 'TODO')}]")
    lines.append("  sources: []")
    return lines


def stub_id(c: Candidate) -> str:
    """The stub's id, before it is made unique: TODO.<what it counts>, TODO.<a context
    word>.<kind>, TODO.person.<surname>."""
    kind = c.fact_kind
    main = c.main.value
    if kind == "name":
        slug = f"person.{_ascii_slug(main.data[1]) or 'someone'}"
    elif kind in ("quantity", "count"):
        slug = _ascii_slug(main.unit_text.split()[-1] if main.unit_text else "") or kind
    else:
        unit_stems = {stem(w) for g in c.values for w in g.value.unit_text.split()}
        found = _top_words(c, 1, exclude=unit_stems)
        slug = f"{_ascii_slug(found[0]) if found else 'something'}.{kind}"
    return f"TODO.{slug}"
