"""Load and validate the fact base: every problem in every file, in one pass, with a position.

`load_factbase(dir)` returns a FactBase or raises FactBaseError listing each mistake as
`file:line:col: CODE: message` with the offending line and a fix. Unknown keys are errors (a
typo such as `vaule:` must never silently drop a fact), values are parsed by their kind, patterns
are compiled and tried against runaway inputs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

from factcheck.errors import FactBaseError, FactValueError, Problem
from factcheck.factbase import schema
from factcheck.factbase.model import Event, Fact, FactBase, Party, Pattern, Variant
from factcheck.factbase.yamlpos import Y, load_yaml
from factcheck.kinds import KINDS
from factcheck.lang import lang
from factcheck.model import Position

_ID = regex.compile(r"^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$")
_RUNAWAY_PROBES = ("a" * 4000 + "!", " " * 4000 + "!", "aa " * 1500 + "!", "1," * 2000 + "x")
RUNAWAY_TIMEOUT = 0.2


class _Ctx:
    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    def add(self, line: int, col: int, code: str, msg: str, fix: str = "") -> None:
        lt = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.problems.append(Problem(self.path, line, col, code, msg, fix, lt))

    def pos(self, y: Y) -> Position:
        return Position(self.path, y.line, y.col)


def fact_files(directory: str | os.PathLike[str]) -> list[Path]:
    d = Path(directory)
    if d.is_file():
        return [d]
    return sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_factbase(directory: str | os.PathLike[str]) -> FactBase:
    """Load every *.yaml/*.yml under `directory` (or one file). Raises FactBaseError."""
    fb, problems = load_with_problems(directory)
    if problems or fb is None:
        raise FactBaseError(problems)
    return fb


def load_with_problems(directory: str | os.PathLike[str]) -> tuple[FactBase | None, list[Problem]]:
    files = fact_files(directory)
    if not Path(directory).exists():
        return None, [Problem(str(directory), 1, 1, "FB052", "no such fact directory or file",
                              "pass --facts DIR with the fact base (default: facts/)")]
    if not files:
        return None, [Problem(str(directory), 1, 1, "FB051", "no fact files (*.yaml) found",
                              "add a YAML file with `facts:` or `events:`")]
    parties: dict[str, Party] = {}
    events: dict[str, Event] = {}
    facts: list[Fact] = []
    problems: list[Problem] = []
    seen_ids: dict[str, Position] = {}
    event_refs: list[tuple[Event, _Ctx, list[Y]]] = []
    for path in files:
        shown = _shown_path(path)
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            problems.append(Problem(shown, 1, 1, "FB053", f"cannot read fact file: {e}",
                                    "save the file as UTF-8 text"))
            continue
        c = _Ctx(shown, text)
        tree, yproblems = load_yaml(shown, text)
        c.problems.extend(yproblems)
        if tree is not None:
            _load_file(tree, c, parties, events, facts, seen_ids, event_refs)
        problems.extend(c.problems)
    for ev, c, ys in event_refs:
        for y in ys:
            if y.value not in parties:
                c.add(y.line, y.col, "FB022", f"event {ev.id!r} names unknown party {y.value!r}",
                      _did_you_mean(str(y.value), parties) or "define it under `parties:`")
        problems.extend(p for p in c.problems if p not in problems)
    problems.extend(_collisions(facts))
    if problems:
        return None, sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.code))
    return FactBase(parties=parties, events=events, facts=tuple(facts),
                    files=tuple(_shown_path(f) for f in files)), []


def _shown_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def _check_keys(y: Y, keys: dict[str, schema.Key], what: str, c: _Ctx, extra: Iterable[str] = ()) -> bool:
    if not isinstance(y.value, dict):
        c.add(y.line, y.col, "FB012", f"{what} must be a mapping (key: value lines)",
              f"write the {what} as `key: value` lines")
        return False
    allowed = set(keys) | set(extra)
    assert y.key_pos is not None
    for k in y.value:
        if k not in allowed:
            line, col = y.key_pos[k]
            hint = _did_you_mean(k, allowed)
            c.add(line, col, "FB010", f"unknown key {k!r} in {what}",
                  hint or f"allowed keys: {', '.join(sorted(allowed))}")
    ok = True
    for k, spec in keys.items():
        if spec.required and k not in y.value:
            c.add(y.line, y.col, "FB011", f"{what} is missing required key {k!r}", f"add `{k}: ...` ({spec.doc})")
            ok = False
    return ok


def _str(y: Y | None, c: _Ctx, what: str) -> str | None:
    if y is None:
        return None
    if not isinstance(y.value, str):
        c.add(y.line, y.col, "FB012", f"{what} must be a single value", f"write `{what}: text`")
        return None
    return y.value


def _str_list(y: Y | None, c: _Ctx, what: str) -> list[Y]:
    if y is None:
        return []
    if isinstance(y.value, str):
        return [y]  # one string is a list of one
    if not isinstance(y.value, list):
        c.add(y.line, y.col, "FB012", f"{what} must be a list", f"write `{what}: [a, b]`")
        return []
    out = []
    for item in y.value:
        if not isinstance(item.value, str):
            c.add(item.line, item.col, "FB012", f"each item of {what} must be a plain value", "")
            continue
        out.append(item)
    return out


def _date(y: Y | None, c: _Ctx, what: str) -> dt.date | None:
    s = _str(y, c, what)
    if s is None or y is None:
        return None
    try:
        return dt.date.fromisoformat(s.strip())
    except ValueError as e:
        c.add(y.line, y.col, "FB020", f"{what} {s!r} is not a date: {e}", "write YYYY-MM-DD, e.g. 2021-12-07")
        return None


def compile_pattern(y: Y, c: _Ctx, what: str) -> Pattern | None:
    src = str(y.value)
    try:
        rx = regex.compile(src, regex.IGNORECASE)
    except regex.error as e:
        c.add(y.line, y.col, "FB030", f"{what} pattern {src!r} does not compile: {e}",
              "check brackets, escapes and groups; quote patterns with single quotes in YAML")
        return None
    except (ValueError, OverflowError, RecursionError) as e:
        c.add(y.line, y.col, "FB030", f"{what} pattern {src!r} is not usable: {e}", "simplify the pattern")
        return None
    if rx.search("") is not None and src.strip():
        c.add(y.line, y.col, "FB032", f"{what} pattern {src!r} matches the empty string, so it matches everywhere",
              "remove the empty alternative or the `*`/`?` that makes the whole pattern optional")
        return None
    for probe in _RUNAWAY_PROBES:
        try:
            rx.search(probe, timeout=RUNAWAY_TIMEOUT)
        except TimeoutError:
            c.add(y.line, y.col, "FB031", f"{what} pattern {src!r} can run away (catastrophic backtracking)",
                  "avoid nested repetition such as (a+)+ or (a|aa)+; make alternatives exclusive")
            return None
    return Pattern(src, rx, c.pos(y))


def _patterns(y: Y | None, c: _Ctx, what: str) -> tuple[Pattern, ...]:
    out = []
    for item in _str_list(y, c, what):
        p = compile_pattern(item, c, what)
        if p is not None:
            out.append(p)
    return tuple(out)


def _register(fid: str, y: Y, c: _Ctx, seen: dict[str, Position], what: str) -> bool:
    """Record an id (parties, events and facts have separate namespaces: `what` prefixes them)."""
    bare = fid
    fid = fid if what == "fact" else f"{what}:{fid}"
    if not _ID.match(bare):
        c.add(y.line, y.col, "FB015", f"{what} id {bare!r} is not a valid id",
              "use lower-case letters, digits and _ separated by dots, e.g. summit.duration")
        return False
    if fid in seen:
        p = seen[fid]
        c.add(y.line, y.col, "FB021", f"duplicate {what} id {bare!r} (first defined at {p})", "give each id once")
        return False
    seen[fid] = c.pos(y)
    return True


def _load_file(tree: Y, c: _Ctx, parties: dict[str, Party], events: dict[str, Event], facts: list[Fact],
               seen: dict[str, Position], event_refs: list[tuple[Event, _Ctx, list[Y]]]) -> None:
    if not _check_keys(tree, schema.TOP, "fact file", c):
        return
    assert isinstance(tree.value, dict)
    if not any(k in tree.value for k in ("parties", "events", "facts")):
        c.add(tree.line, tree.col, "FB051", "this file defines no parties, events or facts",
              "add a top-level `facts:` (or `events:`, `parties:`) list")
    for section in ("parties", "events", "facts"):
        sy = tree.value.get(section)
        if sy is not None and not isinstance(sy.value, list):
            c.add(sy.line, sy.col, "FB012", f"`{section}` must be a list of entries", f"start each entry with `- id: ...`")
    for py in _items(tree, "parties"):
        party = _party(py, c, seen)
        if party:
            parties[party.id] = party
    for ey in _items(tree, "events"):
        _event(ey, c, seen, events, facts, event_refs)
    for fy in _items(tree, "facts"):
        f = _fact(fy, c, seen, None)
        if f:
            facts.append(f)


def _items(tree: Y, key: str) -> list[Y]:
    assert isinstance(tree.value, dict)
    y = tree.value.get(key)
    return list(y.value) if y is not None and isinstance(y.value, list) else []


def _party(y: Y, c: _Ctx, seen: dict[str, Position]) -> Party | None:
    if not _check_keys(y, schema.PARTY, "party", c):
        return None
    assert isinstance(y.value, dict)
    pid = _str(y.value["id"], c, "id")
    if pid is None or not _register(pid, y.value["id"], c, seen, "party"):
        return None
    aliases = tuple(str(a.value) for a in _str_list(y.value.get("aliases"), c, "aliases"))
    fuzzy = (_str(y.value.get("fuzzy"), c, "fuzzy") or "false").lower() in ("true", "yes", "on", "1")
    generic = (_str(y.value.get("generic"), c, "generic") or "false").lower() in ("true", "yes", "on", "1")
    return Party(pid, _str(y.value.get("name"), c, "name") or pid, aliases, fuzzy,
                 _str(y.value.get("country"), c, "country"), c.pos(y), generic)


def _event(y: Y, c: _Ctx, seen: dict[str, Position], events: dict[str, Event], facts: list[Fact],
           event_refs: list[tuple[Event, _Ctx, list[Y]]]) -> None:
    if not _check_keys(y, schema.EVENT, "event", c):
        return
    assert isinstance(y.value, dict)
    v = y.value
    eid = _str(v["id"], c, "id")
    if eid is None or not _register(eid, v["id"], c, seen, "event"):
        return
    mode = _str(v.get("mode"), c, "mode")
    if mode is not None and mode not in schema.EVENT["mode"].choices:
        my = v["mode"]
        c.add(my.line, my.col, "FB020", f"unknown mode {mode!r}",
              _did_you_mean(mode, schema.EVENT["mode"].choices) or "use video, phone or in_person")
        mode = None
    fact_ys = list(v["facts"].value) if "facts" in v and isinstance(v["facts"].value, list) else []
    party_ys = _str_list(v.get("parties"), c, "parties")
    ev_facts = []
    for fy in fact_ys:
        f = _fact(fy, c, seen, eid)
        if f:
            facts.append(f)
            ev_facts.append(f.id)
    ev = Event(id=eid, what=_str(v["what"], c, "what") or eid, date=_date(v.get("date"), c, "date"),
               mode=mode, place=_str(v.get("place"), c, "place"),
               parties=tuple(str(p.value) for p in party_ys), names=_patterns(v.get("names"), c, "names"),
               facts=tuple(ev_facts), position=c.pos(y))
    events[eid] = ev
    event_refs.append((ev, c, party_ys))


def _fact(y: Y, c: _Ctx, seen: dict[str, Position], event: str | None) -> Fact | None:
    if not isinstance(y.value, dict):
        _check_keys(y, schema.FACT, "fact", c)
        return None
    kind_y = y.value.get("kind")
    kind = _str(kind_y, c, "kind") if kind_y is not None else None
    kind_obj = KINDS.get(kind) if kind else None
    if kind_y is not None and kind is not None and kind_obj is None:
        c.add(kind_y.line, kind_y.col, "FB013", f"unknown kind {kind!r}",
              _did_you_mean(kind, KINDS) or f"use one of: {', '.join(KINDS)}")
    kind_keys = set().union(*(k.option_keys for k in KINDS.values()))
    common = {k: s for k, s in schema.FACT.items() if k not in kind_keys}
    allowed_extra = kind_obj.option_keys if kind_obj else kind_keys
    if not _check_keys(y, common, "fact", c, extra=allowed_extra):
        return None
    v = y.value
    if kind_obj is not None:
        for k in v:
            if k in kind_keys and k not in kind_obj.option_keys:
                line, col = y.key_pos[k]  # type: ignore[index]
                c.add(line, col, "FB016", f"key {k!r} does not apply to a {kind} fact",
                      f"{kind} facts take: {', '.join(sorted(kind_obj.option_keys)) or 'no kind-specific keys'}")
    fid = _str(v["id"], c, "id")
    if fid is None or not _register(fid, v["id"], c, seen, "fact"):
        return None
    if kind_obj is None or kind is None:
        return None
    raw_opts = {k: v[k].plain() for k in kind_obj.option_keys if k in v}
    n_before = len(c.problems)
    try:
        options = kind_obj.parse_options(raw_opts)
    except FactValueError as e:
        at = next((v[k] for k in kind_obj.option_keys if k in v), y)
        c.add(at.line, at.col, "FB020", f"fact {fid!r}: {e}", e.fix)
        return None
    value_y = v["value"]
    value = _parse_value(kind_obj, value_y, options, c, fid)
    variants = _variants(kind_obj, v.get("variants"), options, c, fid)
    when = None
    if "when" in v:
        wy = v["when"]
        if _check_keys(wy, schema.WHEN, "when", c):
            assert isinstance(wy.value, dict)
            a, b = _date(wy.value["from"], c, "from"), _date(wy.value["to"], c, "to")
            if a and b:
                if a > b:
                    c.add(wy.line, wy.col, "FB020", f"`when` ends ({b}) before it starts ({a})", "swap from and to")
                when = (a, b)
    omission = _str(v.get("omission"), c, "omission")
    if omission is not None and omission not in schema.FACT["omission"].choices:
        oy = v["omission"]
        c.add(oy.line, oy.col, "FB020", f"unknown omission {omission!r}", "use skip, fail or pass")
    cues = _patterns(v.get("cues"), c, "cues")
    if event is None and not cues and kind != "name":
        c.add(y.line, y.col, "FB017", f"fact {fid!r} belongs to no event and has no `cues`, so it can never bind",
              "add `cues: ['word|other word']`, or move the fact under an event's `facts:`")
    fact = Fact(
        id=fid, kind=kind, value=value, raw_value=value_y.plain(), position=c.pos(y), event=event,
        variants=variants, cues=cues, exclude=_patterns(v.get("exclude"), c, "exclude"),
        near=_patterns(v.get("near"), c, "near"), exclude_near=_patterns(v.get("exclude_near"), c, "exclude_near"),
        when=when, options=options,
        sources=tuple(str(s.value) for s in _str_list(v.get("sources"), c, "sources")),
        note=_str(v.get("note"), c, "note") or "", omission=omission,
        tags=tuple(str(t.value) for t in _str_list(v.get("tags"), c, "tags")),
        expected=kind_obj.render(value) if value is not None else "",
    )
    if len(c.problems) > n_before or value is None:
        return None
    return fact


def _parse_value(kind_obj: Any, y: Y, options: dict[str, Any], c: _Ctx, fid: str) -> Any:
    try:
        return kind_obj.parse_value(y.plain(), options)
    except FactValueError as e:
        c.add(y.line, y.col, "FB020", f"fact {fid!r}: {e}", e.fix)
        return None


def _variants(kind_obj: Any, y: Y | None, options: dict[str, Any], c: _Ctx, fid: str) -> tuple[Variant, ...]:
    if y is None:
        return ()
    if not isinstance(y.value, list):
        c.add(y.line, y.col, "FB012", "`variants` must be a list", "write `variants: [value, value]`")
        return ()
    out = []
    for item in y.value:
        if isinstance(item.value, dict):
            if not _check_keys(item, schema.VARIANT, "variant", c):
                continue
            vy = item.value["value"]
            value = _parse_value(kind_obj, vy, options, c, fid)
            attr = None
            if "attribution" in item.value:
                attr = compile_pattern(item.value["attribution"], c, "attribution")
            note = _str(item.value.get("note"), c, "note") or ""
            if value is not None:
                out.append(Variant(value, attr, note))
        else:
            value = _parse_value(kind_obj, item, options, c, fid)
            if value is not None:
                out.append(Variant(value))
    return tuple(out)


def _collisions(facts: list[Fact]) -> list[Problem]:
    """A name variant listed for two different people makes one of them unfalsifiable."""
    out: list[Problem] = []
    owner: dict[str, Fact] = {}
    for f in facts:
        if f.kind != "name" or "patterns" in f.options:
            continue
        for v in [f.value, *(x.value for x in f.variants)]:
            key = str(v).lower()
            if key in owner and owner[key].id != f.id:
                o = owner[key]
                out.append(Problem(f.position.file, f.position.line, f.position.col, "FB040",
                                   f"name {v!r} of {f.id!r} is also a name of {o.id!r} ({o.defined_at})",
                                   "keep each spelling under one person"))
            owner.setdefault(key, f)
    return out


def known_hedges() -> list[str]:
    return sorted(lang().hedges)
