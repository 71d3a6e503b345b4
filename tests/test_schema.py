"""The JSON Schema of fact files: shipped, up to date, accepted by the real facts, and in step with
the loader (property tests over fact files generated from the schema's keys)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.errors import Problem
from factcheck.factbase import schema
from factcheck.factbase.load import load_with_problems
from factcheck.factbase.yamlpos import split_lines
from factcheck.kinds import KINDS
from factcheck.lang import lang
from factcheck.lint import lint

HEADER = "# yaml-language-server: $schema=../factcheck/data/factbase.schema.json"


def schema_text() -> str:
    return json.dumps(schema.json_schema(), indent=2, ensure_ascii=False) + "\n"


# -- YAML as an editor reads it (YAML 1.2 core schema) -----------------------------------------

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def _scalar(node: yaml.ScalarNode) -> Any:
    v = node.value
    if node.style is not None:  # quoted or block scalar: a string
        return v
    if v in ("", "~", "null", "Null", "NULL"):
        return None
    if v in ("true", "True", "TRUE"):
        return True
    if v in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(v):
        return int(v[2:], 16) if v.startswith("0x") else int(v[2:], 8) if v.startswith("0o") else int(v)
    if _FLOAT.fullmatch(v):
        return float(v)
    return v


def editor_view(text: str) -> Any:
    """The document as yaml-language-server sees it: `2014` a number, `yes` and `10:07` strings."""

    def conv(n: yaml.Node) -> Any:
        if isinstance(n, yaml.MappingNode):
            return {str(k.value): conv(v) for k, v in n.value}
        if isinstance(n, yaml.SequenceNode):
            return [conv(v) for v in n.value]
        assert isinstance(n, yaml.ScalarNode)
        return _scalar(n)

    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return None if node is None else conv(node)


def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")  # a test-only dependency (the `test` extra)
    return jsonschema.Draft7Validator(schema.json_schema())


# -- the shipped schema --------------------------------------------------------------------------

def test_shipped_schema_is_up_to_date() -> None:
    shipped = resources.files("factcheck").joinpath("data/factbase.schema.json").read_text(encoding="utf-8")
    assert json.loads(shipped) == schema.json_schema(), (
        "factcheck/data/factbase.schema.json is stale: run "
        "`factcheck schema --output factcheck/data/factbase.schema.json`")
    assert shipped == schema_text()


def test_schema_is_a_valid_draft7_schema() -> None:
    type(validator()).check_schema(schema.json_schema())


def test_schema_command_writes_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()
    out = tmp_path / "s.json"
    assert main(["schema", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[1] / "facts").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_fact_files_validate_against_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(editor_view(text))]
    assert errors == []
    # the header's relative path leads to the shipped schema
    assert (path.parent / "../factcheck/data/factbase.schema.json").resolve().is_file()


def test_kind_keys_match_the_kinds() -> None:
    assert set(schema.KIND_KEYS) == set(KINDS) == set(schema.FACT["kind"].choices)
    for name, kind in KINDS.items():
        assert schema.KIND_KEYS[name] == kind.option_keys, name
    every = frozenset().union(*schema.KIND_KEYS.values())
    assert every <= set(schema.FACT)
    assert set(schema.KIND_VALUES) == set(KINDS)


def test_docs_cover_every_key_and_code(root: Path) -> None:
    doc = (root / "docs" / "facts.md").read_text(encoding="utf-8")
    for part in (schema.TOP, schema.PARTY, schema.EVENT, schema.FACT, schema.VARIANT, schema.WHEN):
        for key in part:
            assert f"`{key}`" in doc, key
    src = "".join((root / "factcheck" / p).read_text(encoding="utf-8")
                  for p in ("factbase/load.py", "factbase/yamlpos.py", "lint.py"))
    codes = set(re.findall(r'"(FB\d{3})"', src))
    assert len(codes) > 20
    for code in sorted(codes):
        assert f"| {code} |" in doc, code
    assert HEADER in doc


BASE = {"facts": [{"id": "summit.date", "kind": "date", "value": "2021-12-07", "cues": ["summit"]}]}


@pytest.mark.parametrize("change,where", [
    ({"vaule": "2021-12-07"}, "vaule"),
    ({"unit": "troops"}, "unit"),
    ({"kind": "dat"}, "dat"),
    ({"value": "2021-12-7"}, "2021-12-7"),
    ({"omission": "skipp"}, "skipp"),
    ({"when": {"from": "2021-12-01"}}, "to"),
    ({"variants": [{"note": "x"}]}, "value"),
    ({"kind": "count", "value": 9}, "counted"),
    ({"kind": "year", "value": 20144}, "20144"),
    ({"kind": "set", "value": "France"}, "France"),
    ({"kind": "name", "value": "Putin", "patterns": ["{party} asked"]}, "who"),
    ({"kind": "ordinal", "value": 3}, "counted"),
    ({"kind": "money", "value": "$9.6 billion", "per": "fortnight"}, "fortnight"),
    ({"kind": "set", "value": ["France"], "universe": "planets"}, "planets"),
    ({"kind": "percentage", "value": "58.55 %", "unit": "votes"}, "unit"),
    ({"kind": "place", "value": "Panama", "per": "day"}, "per"),
    ({"kind": "score", "value": "3-x"}, "3-x"),
    ({"kind": "score", "value": "3-3", "extra_time": "maybe"}, "maybe"),
    ({"kind": "quote", "value": "All of us are safe", "misquote": "accuse"}, "accuse"),
    ({"kind": "quote", "value": "All of us are safe", "penalties": "4-2"}, "penalties"),
    ({"id": "Summit Date"}, "Summit Date"),
])
def test_schema_rejects_what_the_loader_rejects(change: dict[str, Any], where: str) -> None:
    doc = {"facts": [{**BASE["facts"][0], **change}]}
    assert list(validator().iter_errors(doc)), change
    problems = _load_text(yaml.safe_dump(doc, sort_keys=False))
    assert problems, change


VALID_FACT: dict[str, dict[str, Any]] = {
    "date": {"value": "2021-12-07", "part": "weekday"},
    "time": {"value": "10:07 ET"},
    "duration": {"value": "9.80 seconds", "clock": True, "bare": "seconds"},
    "quantity": {"value": 94300, "unit": "troops", "hedge": "about"},
    "count": {"value": 9, "counted": "members"},
    "age": {"value": 26},
    "year": {"value": 2014},
    "set": {"value": ["France", "Italy"], "universe": "countries", "counted": "leaders"},
    "name": {"value": "Antony Blinken", "context": ["State Department"]},
    "percentage": {"value": "58.55 %"},
    "money": {"value": "$9.6 billion", "per": "day"},
    "ordinal": {"value": 3, "counted": "attempt|try"},
    "place": {"value": "Panama", "others": ["Liberia"], "role": "flag\\w*|registered"},
    "score": {"value": "3-3", "penalties": "4-2", "extra_time": True, "sides": ["Northport", "Eastfield"]},
    "quote": {"value": "All of us are safe", "match": 0.7, "misquote": "contradict"},
    "outcome": {"value": "guilty", "others": ["not guilty", "acquitted"]},
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_wrong_type_is_refused_by_the_schema_alone(kind: str) -> None:
    """Every key of a fact, set to each wrong kind of value: whatever the schema refuses, the loader
    refuses too (the schema is never stricter than the loader)."""
    wrong: list[Any] = [None, [], ["a", "b"], {"a": "b"}, "", "garbage value", 12345, -1, 1.5, True, [{"a": 1}]]
    base = {"id": "summit.x", "kind": kind, "cues": ["summit"], "note": "n", "sources": ["https://a.example"],
            **VALID_FACT[kind]}
    assert _load_text(yaml.safe_dump({"facts": [base]}, sort_keys=False)) == []
    checked = 0
    for key in sorted(set(schema.FACT) | {"vaule"}):
        for bad in wrong:
            doc = {"facts": [{**base, key: bad}]}
            text = yaml.safe_dump(doc, sort_keys=False)
            if list(validator().iter_errors(editor_view(text))):
                checked += 1
                assert _load_text(text, with_lint=False), \
                    f"the schema refuses {key}: {bad!r} for a {kind} fact, the loader accepts it"
    assert checked > 100


@pytest.mark.parametrize("section", ["parties", "events", "top"])
def test_no_wrong_type_is_refused_by_the_schema_alone_elsewhere(section: str) -> None:
    wrong: list[Any] = [None, [], ["a", "b"], {"a": "b"}, "", "garbage value", 12345, -1, 1.5, True, [{"a": 1}]]
    party = {"id": "biden", "name": "Joe Biden", "aliases": ["Biden"], "fuzzy": True, "country": "United States",
             "generic": False, "note": "n"}
    ev = {"id": "summit", "what": "the summit", "date": "2021-12-07", "mode": "video", "place": "Geneva",
          "parties": ["biden"], "names": ["video summit"], "words": ["talks|summit"], "zone": "Europe/Zurich",
          "note": "n", "sources": ["https://a.example"],
          "facts": [{"id": "summit.date", "kind": "date", "value": "2021-12-07"},
                    {"id": "summit.start", "kind": "time", "value": "13:05"}]}
    base: dict[str, Any] = {"version": "1", "parties": [party], "events": [ev]}
    assert _load_text(yaml.safe_dump(base, sort_keys=False)) == []
    keys = {"parties": schema.PARTY, "events": schema.EVENT, "top": schema.TOP}[section]
    for key in sorted(set(keys) | {"vaule"}):
        for bad in wrong:
            if section == "top":
                doc = {**base, key: bad}
            else:
                doc = {**base, section: [{**base[section][0], key: bad}]}
            text = yaml.safe_dump(doc, sort_keys=False)
            if list(validator().iter_errors(editor_view(text))):
                assert _load_text(text, with_lint=False), \
                    f"the schema refuses {section} {key}: {bad!r}, the loader accepts it"


def test_schema_accepts_the_base() -> None:
    assert list(validator().iter_errors(BASE)) == []
    assert _load_text(yaml.safe_dump(BASE, sort_keys=False)) == []


# -- property tests: fact files generated from the schema's keys ---------------------------------

def _load_text(text: str | bytes, with_lint: bool = True) -> list[Problem]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "f.yaml"
        p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        fb, problems = load_with_problems(p)
        assert (fb is None) == bool(problems)
        if with_lint:
            assert lint(p)[0] == problems  # lint and the loader agree
        _check_well_formed(problems, text)
        return problems


def _check_well_formed(problems: list[Problem], text: str | bytes) -> None:
    decoded = text.decode("utf-8-sig", "replace") if isinstance(text, bytes) else text.removeprefix("\ufeff")
    lines = split_lines(decoded)
    for p in problems:
        assert re.fullmatch(r"FB\d{3}", p.code), p
        assert p.message and p.fix, p
        assert 1 <= p.line <= max(1, len(lines) + 1), p
        assert p.col >= 1, p
        if p.line_text:
            assert p.line_text == lines[p.line - 1], p
    assert [(p.file, p.line, p.col) for p in problems] == sorted((p.file, p.line, p.col) for p in problems)


PATTERNS = st.sampled_from(["summit", "troops|soldiers", r"Crimea\w*", r"(?:NATO|alliance)\s+members?",
                            r"video[- ]?call", "talks?", r"\bB-?9\b"])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s != "")
IDS = st.from_regex(r"[a-z][a-z0-9_]{0,6}(?:\.[a-z0-9_]{1,5}){0,2}", fullmatch=True)
COUNTRIES = sorted(lang().countries)
ZONES = ["ET", "GMT", "UTC", "CET", "Moscow time", "EST", "EDT", "TRT", "UTC+3", "America/Santiago",
         "Europe/Istanbul", "Asia/Qatar"]
EVENT_ZONES = ["America/Santiago", "America/New_York", "Europe/Istanbul", "Asia/Qatar", "Europe/Paris"]
UNITS = ["km", "m", "miles", "feet", "lbf", "kN", "TEU", "tonnes", "vessels", "magnitude"]
CURRENCIES = ["$", "USD ", "EUR ", "€", "£", "GBP ", "CHF "]


def kind_value(kind: str, salt: int) -> st.SearchStrategy[Any]:
    """A valid `value` of each kind, as a curator would write it. `set/<universe>`: a set of that
    universe; `time/bare`: a clock time without a zone (in an event with a `zone`); `duration/bare`: a
    duration written with its decimals (a fact with `bare`)."""
    if kind == "date":
        return st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)).map(lambda d: d.isoformat())
    if kind in ("time", "time/bare"):
        clock = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
        day = st.one_of(st.just(""), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: f"{d} "))
        zone = st.sampled_from(ZONES).map(lambda z: f" {z}")
        if kind == "time/bare":
            zone = st.one_of(st.just(""), zone)
        return st.builds(lambda d, c, z: f"{d}{c}{z}", day, clock, zone)
    if kind == "duration":
        return st.one_of(
            st.builds(lambda n, u: f"{n} {u}", st.integers(1, 900),
                      st.sampled_from(["min", "minutes", "hours", "seconds", "days", "weeks", "months"])),
            st.builds(lambda n, u: f"{n}.5 {u}", st.integers(1, 90), st.sampled_from(["days", "hours"])),
            st.builds(lambda h, n, u: f"{h} {n} {u}", st.sampled_from(["about", "nearly", "more than"]),
                      st.integers(2, 90), st.sampled_from(["days", "minutes", "seconds"])))
    if kind == "quantity":
        return st.one_of(st.integers(100, 10**7), st.integers(1000, 10**6).map(lambda n: f"{n:,}"),
                         st.integers(1, 99).map(lambda n: f"{n / 10:g}"),
                         st.builds(lambda n, u: f"{n} {u}", st.integers(1, 30000), st.sampled_from(UNITS)),
                         st.builds(lambda n, u: f"{n / 10:g} million {u}", st.integers(1, 99),
                                   st.sampled_from(["lbf", "tonnes"])))
    if kind == "duration/bare":
        return st.builds(lambda n, d, u: f"{n}.{d:02d}{u}", st.integers(1, 99), st.integers(0, 99),
                         st.sampled_from([" seconds", "s", " sec", " min"]))
    if kind == "count":
        return st.integers(1, 999)
    if kind == "age":
        return st.one_of(st.integers(0, 130), st.sampled_from(["twenty-six", "eleven", "63"]))
    if kind == "year":
        return st.integers(1600, 2099)
    if kind in ("set", "set/countries"):
        return st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=4, unique=True)
    if kind == "set/years":
        return st.lists(st.integers(1600, 2099).map(str), min_size=1, max_size=4, unique=True)
    if kind == "set/people":
        return st.lists(st.sampled_from(["Reid Wiseman", "Victor Glover", "Christina Koch", "Jeremy Hansen"]),
                        min_size=1, max_size=4, unique=True)
    if kind == "set/labels":
        return st.lists(st.sampled_from(["Sinaloa", "Durango", "Pine Island", "iPhone 15 Plus"]),
                        min_size=1, max_size=4, unique=True)
    if kind == "set/dates":
        return st.lists(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()),
                        min_size=1, max_size=3, unique=True)
    if kind == "percentage":
        return st.builds(lambda n, u: f"{n / 100:g}{u}", st.integers(0, 10000),
                         st.sampled_from([" %", "%", " percent", " per cent", " points", " percentage points"]))
    if kind == "money":
        return st.one_of(
            st.builds(lambda c, n, m: f"{c}{n / 10:g}{m}", st.sampled_from(CURRENCIES), st.integers(1, 9999),
                      st.sampled_from([" million", " billion", "bn", ""])),
            st.builds(lambda n, w: f"{n} million {w}", st.integers(1, 999),
                      st.sampled_from(["dollars", "euros", "yen", "Egyptian pounds"])))
    if kind == "ordinal":
        return st.one_of(st.integers(1, 999), st.sampled_from(["first", "third", "33rd", "thirty-third", "2nd"]))
    if kind == "place":
        return st.one_of(st.sampled_from(COUNTRIES),
                         st.sampled_from(["Launch Complex 39B", "Lusail Stadium", "Pazarcık"]).map(
                             lambda p: f"{p} {salt}"))
    if kind == "score":
        return st.builds(lambda a, sep, b: f"{a}{sep}{b}", st.integers(0, 150),
                         st.sampled_from(["-", "–", ":", " - "]), st.integers(0, 150))
    if kind == "quote":
        return st.sampled_from(["All of us are safe", "The harbour will open again", "Estamos bien, los 33"]).map(
            lambda q: f"{q} {salt}")
    if kind == "outcome":
        return st.sampled_from(["guilty", "scaled back", r"fell\s+short\s+of\s+a\s+majority", "not sounded"]).map(
            lambda o: f"{o} {salt}")
    assert kind == "name"
    return st.sampled_from(["Anna", "Boris", "Clara", "Dmitri"]).map(lambda f: f"{f} Person{salt}")


WHO = st.sampled_from([r"(?P<who>{party})\s+asked\s+for\s+the\s+call", r"at\s+the\s+request\s+of\s+(?P<who>{party})"])

# Valid kind-specific keys of each kind: (required, optional) strategies.
KIND_OPTIONS: dict[str, tuple[dict[str, st.SearchStrategy[Any]], dict[str, st.SearchStrategy[Any]]]] = {
    "date": ({}, {"part": st.sampled_from(schema.FACT["part"].choices)}),
    "quantity": ({}, {"unit": PATTERNS, "hedge": st.sampled_from(["up to", "more than", "about"]),
                      "unit_words": st.sampled_from([{"boxes": "TEU"}, {"klicks": "km", "clicks": "km"}])}),
    "count": ({"counted": st.sampled_from(["members|countries", "states"])}, {}),
    "duration": ({}, {"clock": st.sampled_from([True, False, "yes"]),
                      "bare": st.sampled_from(schema.FACT["bare"].choices),
                      "after": st.sampled_from([r"lift-?off|launch", r"the\s+quake"])}),
    "set": ({}, {"universe": st.sampled_from(schema.FACT["universe"].choices), "counted": st.just("leaders"),
                 "member_words": st.sampled_from([{"Les Bleus": "France"}, {"the Albiceleste": "Argentina"}]),
                 "others": st.lists(st.sampled_from(["Chihuahua", "Marco Island"]), min_size=1, max_size=2)}),
    "name": ({}, {"context": st.lists(PATTERNS, min_size=1, max_size=2),
                  "patterns": st.lists(WHO, min_size=1, max_size=2),
                  "others": st.lists(st.sampled_from(["Biden", "the White House"]), min_size=1, max_size=2),
                  "spelling": st.sampled_from(["usual", "strict"])}),
    "money": ({}, {"per": st.sampled_from(schema.FACT["per"].choices),
                   "hedge": st.sampled_from(["up to", "more than", "about"])}),
    "percentage": ({}, {"hedge": st.sampled_from(["less than", "more than", "about"])}),
    "ordinal": ({"counted": st.sampled_from(["attempt|try|bid", "miner", "title|crown"])}, {}),
    "place": ({}, {"others": st.lists(st.sampled_from(["Launch Complex 39A", "Liberia", "Al Bayt Stadium"]),
                                      min_size=1, max_size=2),
                   "role": st.sampled_from(["owned|owner", r"flag\w*|registered", "struck|hit"])}),
    "score": ({}, {"penalties": st.sampled_from(["4-2", "5-4", "3:1"]),
                   "extra_time": st.sampled_from([True, False, "yes"]),
                   "sides": st.lists(st.sampled_from(["Northport", "Eastfield|the visitors", "Hawks"]), min_size=2,
                                     max_size=2, unique=True)}),
    "quote": ({}, {"match": st.sampled_from([0.6, 0.75, "0.8", 1]),
                   "misquote": st.sampled_from(["unclear", "contradict"])}),
    "outcome": ({}, {"others": st.lists(st.sampled_from(["not guilty", "cancelled altogether", r"won\s+a\s+majority"]),
                                        min_size=1, max_size=2)}),
}


def kind_options(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    required, optional = KIND_OPTIONS.get(kind, ({}, {}))
    return st.fixed_dictionaries(required, optional=optional)


COMMON: dict[str, Callable[[str, int], st.SearchStrategy[Any]]] = {
    "note": lambda k, i: TEXT,
    "sources": lambda k, i: st.lists(st.sampled_from(["https://a.example/1", "https://b.example/x"]), max_size=2),
    "tags": lambda k, i: st.lists(st.sampled_from(["smoke", "dates"]), min_size=1, max_size=2),
    "omission": lambda k, i: st.sampled_from(schema.FACT["omission"].choices),
    "severity": lambda k, i: st.sampled_from(schema.FACT["severity"].choices),
    "far": lambda k, i: st.sampled_from(schema.FACT["far"].choices),
    # `figure: part` is a count's only (lint says so: FB020)
    "figure": lambda k, i: st.sampled_from([c for c in schema.FACT["figure"].choices if c != "part" or k == "count"]),
    "value_words": lambda k, i: st.sampled_from([{"hat-trick": 3}, {"brace": 2, "double": "2"}]),
    "exclude": lambda k, i: st.lists(PATTERNS, min_size=1, max_size=2),
    "near": lambda k, i: st.lists(PATTERNS, min_size=1, max_size=2),
    "exclude_near": lambda k, i: st.lists(PATTERNS, min_size=1, max_size=2),
    "cues": lambda k, i: st.lists(PATTERNS, min_size=1, max_size=2),
    "when": lambda k, i: st.dates(dt.date(1000, 1, 1), dt.date(9000, 1, 1)).flatmap(
        lambda a: st.integers(0, 400).map(lambda n: {"from": a.isoformat(),
                                                     "to": (a + dt.timedelta(days=n)).isoformat()})
    ),
    "variants": lambda k, i: st.lists(st.one_of(
        kind_value(k, i + 1000), st.builds(lambda v, a: {"value": v, "attribution": a},
                                          kind_value(k, i + 2000), PATTERNS)), min_size=1, max_size=2),
    "distractors": lambda k, i: st.lists(st.one_of(
        kind_value(k, i + 3000), st.builds(lambda v, n: {"value": v, "note": n}, kind_value(k, i + 4000), TEXT)),
        min_size=1, max_size=2),
}


def test_every_schema_key_has_a_generator() -> None:
    generated = {"id", "kind", "value", *COMMON}
    for kind, (required, optional) in KIND_OPTIONS.items():
        assert {*required, *optional} == schema.KIND_KEYS[kind], kind
        generated |= {*required, *optional}
    assert set(schema.FACT) == generated
    assert all(schema.KIND_KEYS[k] == frozenset() for k in set(KINDS) - set(KIND_OPTIONS))


@st.composite
def fact(draw: st.DrawFn, i: int, in_event: bool, zone: str | None = None) -> dict[str, Any]:
    # (a year is read only beside a fact's cues, so it cannot be an event's fact: FB024)
    kind = draw(st.sampled_from(sorted(k for k in KINDS if not (in_event and k == "year"))))
    options = draw(kind_options(kind))
    # the form of the value: a set's follows its universe; a time may go without a zone in an
    # event that has one
    vkind = kind
    if kind == "set":
        vkind = f"set/{options.get('universe', 'countries')}"
        if options.get("universe", "countries") != "countries":
            options.pop("member_words", None)  # names of countries: refused for other members
        if options.get("universe") != "labels":
            options.pop("others", None)  # labels that are not members: only for a set of labels
    elif kind == "name" and "patterns" not in options:
        options.pop("others", None)  # read only with patterns, so refused without (FB019)
    elif kind == "time" and zone is not None:
        vkind = "time/bare"
    elif kind == "duration" and "bare" in options:
        vkind = "duration/bare"  # `bare` reads the value's decimals: the value must have some
    out: dict[str, Any] = {"id": f"{draw(IDS)}.f{i}", "kind": kind, "value": draw(kind_value(vkind, i))}
    out.update(options)
    for key in sorted(COMMON):
        if key == "cues" and not in_event and kind != "name":
            out[key] = draw(COMMON[key](vkind, i))
        elif in_event and key in ("cues", "when"):
            continue  # ignored on an event's fact, so refused there (FB018)
        elif key == "value_words" and kind not in ("count", "ordinal", "quantity"):
            continue  # a number's words: for facts holding a number only (FB016 elsewhere)
        elif draw(st.booleans()) and draw(st.booleans()):
            out[key] = draw(COMMON[key](vkind, i))
    return out


@st.composite
def fact_file(draw: st.DrawFn) -> dict[str, Any]:
    parties = [{"id": f"p{j}", "name": draw(TEXT), "aliases": draw(st.lists(TEXT, max_size=2)),
                "fuzzy": draw(st.booleans())} for j in range(draw(st.integers(0, 2)))]
    n = iter(range(1000))
    events = []
    for j in range(draw(st.integers(0, 2))):
        ev: dict[str, Any] = {"id": f"e{j}", "what": draw(TEXT)}
        if draw(st.booleans()):
            ev["date"] = draw(kind_value("date", 0))
        if draw(st.booleans()):
            ev["mode"] = draw(st.sampled_from(("video", "phone", "in_person")))
        if draw(st.booleans()) and parties:
            ev["parties"] = [p["id"] for p in parties]
        if draw(st.booleans()):
            ev["names"] = draw(st.lists(PATTERNS, min_size=1, max_size=2))
        if draw(st.booleans()):
            ev["words"] = draw(st.lists(PATTERNS, min_size=1, max_size=2))
        if draw(st.booleans()):
            ev["zone"] = draw(st.sampled_from(EVENT_ZONES))
        ev["facts"] = [draw(fact(next(n), True, ev.get("zone"))) for _ in range(draw(st.integers(1, 3)))]
        events.append(ev)
    facts = [draw(fact(next(n), False)) for _ in range(draw(st.integers(0 if events else 1, 3)))]
    doc: dict[str, Any] = {}
    if parties:
        doc["parties"] = parties
    if events:
        doc["events"] = events
    if facts:
        doc["facts"] = facts
    return doc


def dump(doc: Any) -> str:
    return HEADER + "\n" + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


# FACTCHECK_EXAMPLES=2000 for a longer hunt
PROPS = settings(max_examples=int(os.environ.get("FACTCHECK_EXAMPLES", "60")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(fact_file())
def test_valid_files_pass_the_schema_and_load(doc: dict[str, Any]) -> None:
    text = dump(doc)
    errors = [e.message for e in validator().iter_errors(editor_view(text))]
    assert errors == []
    problems = _load_text(text)
    assert problems == [], "\n".join(p.render() for p in problems)


def _entries(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mapping entry (party, event, fact), even after earlier mutations."""

    def dicts(x: Any) -> list[dict[str, Any]]:
        return [e for e in x if isinstance(e, dict)] if isinstance(x, list) else []

    out = dicts(doc.get("parties")) + dicts(doc.get("events")) + dicts(doc.get("facts"))
    for ev in dicts(doc.get("events")):
        out += dicts(ev.get("facts"))
    return out


WRONG = st.sampled_from([None, [], ["a", "b"], {"a": "b"}, "", "garbage value", 12345, True])
KEYS = sorted({*schema.FACT, *schema.EVENT, *schema.PARTY, "vaule", "kinds", "cue", "alias", "<x>"})


@st.composite
def broken(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(fact_file())
    for _ in range(draw(st.integers(1, 3))):
        entries = _entries(doc)
        if not entries:
            break
        e = draw(st.sampled_from(entries))
        how = draw(st.sampled_from(["drop", "add", "wrong", "kind", "dup", "id"]))
        if how == "drop" and e:
            e.pop(draw(st.sampled_from(sorted(e))))
        elif how == "add":
            e[draw(st.sampled_from(KEYS))] = draw(st.one_of(WRONG, TEXT))
        elif how == "wrong" and e:
            e[draw(st.sampled_from(sorted(e)))] = draw(WRONG)
        elif how == "kind":
            e["kind"] = draw(st.one_of(st.sampled_from(sorted(KINDS)), TEXT))
        elif how == "dup" and len(entries) > 1:
            e["id"] = draw(st.sampled_from(entries)).get("id", "x")
        else:
            e["id"] = draw(st.one_of(TEXT, WRONG))
    return doc


@PROPS
@given(broken())
def test_broken_files_never_raise_and_the_schema_is_never_stricter(doc: dict[str, Any]) -> None:
    text = dump(doc)
    problems = _load_text(text)
    if list(validator().iter_errors(editor_view(text))):
        assert problems, "the schema rejects a file the loader accepts:\n" + text


MUTATIONS = st.sampled_from([":", "- ", "[", "]", "{", "\t", "'", '"', "&a ", "*a ", "!!python/object:os.system ",
                             "\n", "  ", "\\", "#", "? ", "<<: ", "\x00", "\ufeff", "é"])


@PROPS
@given(fact_file(), st.lists(st.tuples(st.floats(0, 1), MUTATIONS, st.integers(0, 3)), min_size=1, max_size=4))
def test_mangled_text_never_raises(doc: dict[str, Any], edits: list[tuple[float, str, int]]) -> None:
    text = dump(doc)
    for where, insert, delete in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + delete:]
    _load_text(text)


@PROPS
@given(st.binary(max_size=300))
def test_any_bytes_never_raise(data: bytes) -> None:
    _load_text(data)


def test_generated_files_are_real_files(tmp_path: Path) -> None:
    """The generators' output, written as a fact directory, loads through the same path as facts/."""
    doc = {"facts": [{"id": "crimea.year", "kind": "year", "value": 2014, "cues": ["Crimea"]}]}
    (tmp_path / "a.yaml").write_text(dump(doc), encoding="utf-8")
    fb, problems = load_with_problems(tmp_path)
    assert problems == [] and fb is not None and fb.facts[0].value == 2014
    assert os.path.basename(fb.files[0]) == "a.yaml"


def test_the_documented_example_loads(root: Path, tmp_path: Path) -> None:
    doc = (root / "docs" / "facts.md").read_text(encoding="utf-8")
    block = doc.split("<!-- example -->\n```yaml\n", 1)[1].split("```", 1)[0]
    assert block.startswith(HEADER)
    assert list(validator().iter_errors(editor_view(block))) == []
    (tmp_path / "example.yaml").write_text(block, encoding="utf-8")
    fb, problems = load_with_problems(tmp_path)
    assert problems == [], "\n".join(p.render() for p in problems)
    assert fb is not None
    assert [f.id for f in fb.facts] == ["summit.date", "summit.duration", "troops.ukraine_estimate", "person.blinken"]
    assert fb.events["summit"].facts == ("summit.date", "summit.duration")


def test_schema_written_into_a_users_fact_folder(tmp_path: Path) -> None:
    """docs/facts.md: `factcheck schema --output facts/factbase.schema.json` in a user's project; the
    fact folder still loads (the .json is no fact file) and its files validate against that schema."""
    import jsonschema

    from factcheck.cli import main

    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "story.yaml").write_text(
        "# yaml-language-server: $schema=factbase.schema.json\n"
        "facts:\n  - id: crew.size\n    kind: count\n    value: 5\n    counted: 'crew|people'\n"
        "    cues: ['aboard']\n", encoding="utf-8")
    assert main(["schema", "--output", str(facts / "factbase.schema.json")]) == 0
    written = json.loads((facts / "factbase.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load((facts / "story.yaml").read_text(encoding="utf-8")), written)
    fb, problems = load_with_problems(facts)
    assert not problems and fb is not None and [f.id for f in fb.facts] == ["crew.size"]


def test_figure_part_is_for_counts_only() -> None:
    text = ("facts:\n  - id: ship.length\n    kind: quantity\n    value: 400 m\n    figure: part\n"
            "    cues: ['long']\n  - id: cars.fire\n    kind: count\n    value: 12\n    figure: part\n"
            "    counted: 'cars'\n    cues: ['fire']\n")
    problems = _load_text(text)
    assert [(p.code, p.line) for p in problems] == [("FB020", 5)], [p.render() for p in problems]


def test_a_year_under_an_event_is_refused_by_the_schema_and_the_loader() -> None:
    text = yaml.safe_dump({"events": [{"id": "nobel", "what": "the prize is announced",
                                       "facts": [{"id": "nobel.year", "kind": "year", "value": 2017}]}]})
    assert list(validator().iter_errors(editor_view(text)))
    assert [p.code for p in _load_text(text)] == ["FB024"]
