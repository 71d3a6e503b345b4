"""Broken fact files, one kind of mistake per row: each must give its code, a message that says
what is wrong, the line and column of the offending key or value, and a fix, without a traceback.

A row's `at` is a piece of the file with `^` where the problem must point (the first occurrence).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factcheck.errors import FactBaseError, Problem
from factcheck.factbase.load import load_factbase, load_with_problems
from factcheck.factbase.yamlpos import MAX_DEPTH, MAX_FILE_BYTES


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes]
    code: str
    fragment: str  # in the message
    at: str  # piece of the file, `^` where the problem points
    where: str = "a.yaml"
    fix: str = ""  # in the fix (the fix itself must never be empty)
    only: bool = True  # the only problem reported (no cascade)
    extra_codes: tuple[str, ...] = field(default=())


def event(facts: str, head: str = "") -> str:
    """An event file whose `facts:` are `facts` (each line already indented by 6)."""
    return ("events:\n  - id: summit\n    what: the video summit\n" + head + "    facts:\n" + facts)


PARTIES = """parties:
  - id: biden
    name: Joe Biden
  - id: putin
    name: Vladimir Putin
"""

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)
)

CASES: list[Case] = [
    Case("yaml syntax: key without colon", {"a.yaml": "facts:\n  - id: summit.date\n    kind date\n"
                                                      "    value: 2021-12-07\n"},
         "FB001", "could not find expected ':'", "    ^kind date", fix="colon"),
    Case("yaml syntax: unclosed quote", {"a.yaml": "facts:\n  - id: x\n    cues: ['(unclosed]\n"},
         "FB001", "end of stream", "cues: [^'(unclosed", fix="close the quote"),
    Case("yaml syntax: tab indentation", {"a.yaml": "facts:\n\t- id: x\n"},
         "FB001", "'\\t'", "^\t- id", fix="spaces"),
    Case("yaml syntax: backslash in double quotes", {"a.yaml": 'facts:\n  - id: x\n    cues: ["\\d+"]\n'},
         "FB001", "unknown escape", '["^\\d', fix="single quotes"),
    Case("yaml syntax: two documents", {"a.yaml": "facts: []\n---\nfacts: []\n"},
         "FB001", "another document", "^---", fix="one document"),
    Case("yaml syntax: undefined alias", {"a.yaml": "facts:\n  - id: x\n    value: *nothing\n"},
         "FB001", "undefined alias", "value: ^*nothing", fix="anchor"),
    Case("yaml syntax: a control character", {"a.yaml": "facts:\n  - id: x\x00y\n"},
         "FB001", "character #x0000 is not allowed", "id: x^\x00", fix="control character"),
    Case("unknown key with did-you-mean", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                           "        vaule: 2021-12-07\n")},
         "FB010", "unknown key 'vaule' in fact", "        ^vaule", fix="did you mean 'value'?"),
    Case("unknown top-level key", {"a.yaml": "fact:\n  - id: x\n"},
         "FB010", "unknown key 'fact'", "^fact:", fix="did you mean 'facts'?"),
    Case("unknown party key", {"a.yaml": "parties:\n  - id: biden\n    alias: [Biden]\n"},
         "FB010", "unknown key 'alias' in party", "^alias:", fix="did you mean 'aliases'?"),
    Case("missing required key", {"a.yaml": event("      - id: summit.date\n        value: 2021-12-07\n")},
         "FB011", "missing required key 'kind'", "      - ^id: summit.date", fix="add `kind: ...`"),
    Case("event without what", {"a.yaml": "events:\n  - id: summit\n    date: 2021-12-07\n"},
         "FB011", "event is missing required key 'what'", "  - ^id: summit", fix="add `what: ...`"),
    Case("required key left empty", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                     "        value:\n")},
         "FB011", "required key 'value' of fact is empty", "        ^value:", fix="write a value"),
    Case("when without to", {"a.yaml": "facts:\n  - id: troops.n\n    kind: count\n    value: 9\n"
                                       "    counted: troops\n    cues: [troops]\n    when: {from: 2021-12-01}\n"},
         "FB011", "missing required key 'to'", "when: ^{from", fix="add `to: ...`"),
    Case("count without counted", {"a.yaml": event("      - id: summit.count\n        kind: count\n"
                                                   "        value: 9\n")},
         "FB011", "missing required key 'counted'", "      - ^id: summit.count", fix="counted"),
    Case("mapping where a list is expected", {"a.yaml": "facts:\n  id: crimea.year\n  kind: year\n"},
         "FB012", "`facts` must be a list of entries, not a mapping", "  ^id: crimea", fix="- id:"),
    Case("list where a single value is expected", {"a.yaml": "events:\n  - id: summit\n    what: [a, b]\n"},
         "FB012", "`what` must be a single value, not a list", "what: ^[a, b]", fix="`what: text`"),
    Case("a fact that is not a mapping", {"a.yaml": event("      - summit.date\n")},
         "FB012", "a fact must be a mapping", "      - ^summit.date", fix="kind:"),
    Case("a key that is not a word", {"a.yaml": "? [a, b]\n: c\nfacts: []\n"},
         "FB012", "a key must be a plain word", "? ^[a, b]", fix="key: value", only=False),
    Case("an empty optional key", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                   "        value: 2021-12-07\n        note:\n")},
         "FB012", "`note` is empty", "note:^\n", fix="remove the key"),
    Case("unknown kind, did you mean", {"a.yaml": event("      - id: summit.date\n        kind: dat\n"
                                                        "        value: 2021-12-07\n")},
         "FB013", "unknown kind 'dat'", "kind: ^dat", fix="did you mean 'date'?"),
    Case("duplicate key in one mapping", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                          "        value: 2021-12-07\n        value: 2021-12-08\n")},
         "FB014", "key 'value' is given twice in this mapping (first at line 7)", "        ^value: 2021-12-08",
         fix="keep one"),
    Case("invalid id", {"a.yaml": event("      - id: Summit Date\n        kind: date\n        value: 2021-12-07\n")},
         "FB015", "fact id 'Summit Date' is not a valid id", "id: ^Summit Date", fix="'summit_date'"),
    Case("kind-specific key on the wrong kind", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                                 "        value: 2021-12-07\n        unit: troops\n")},
         "FB016", "key 'unit' does not apply to a date fact", "        ^unit: troops",
         fix="`unit` is for quantity facts"),
    Case("hedge on a count", {"a.yaml": event("      - id: summit.count\n        kind: count\n        value: 9\n"
                                              "        counted: members\n        hedge: about\n")},
         "FB016", "key 'hedge' does not apply", "        ^hedge: about", fix="count fact takes counted"),
    Case("fact outside events without cues", {"a.yaml": "facts:\n  - id: crimea.year\n    kind: year\n"
                                                        "    value: 2014\n"},
         "FB017", "belongs to no event and has no `cues`", "  - ^id: crimea.year", fix="cues:"),
    Case("fact outside events with an empty cue list", {"a.yaml": "facts:\n  - id: crimea.year\n    kind: year\n"
                                                                 "    value: 2014\n    cues: []\n"},
         "FB017", "has no `cues`", "  - ^id: crimea.year", fix="cues:"),
    Case("a year under an event", {"a.yaml": event("      - id: summit.year\n        kind: year\n"
                                                   "        value: 2021\n")},
         "FB024", "is a year under an event", "      - ^id: summit.year", fix="top-level `facts:`"),
    Case("13th month in a date", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                  "        value: 2021-13-07\n")},
         "FB020", "month must be in 1..12", "value: ^2021-13-07", fix="YYYY-MM-DD"),
    Case("30 February in an event date", {"a.yaml": "events:\n  - id: summit\n    what: x\n    date: 2021-02-30\n"},
         "FB020", "day is out of range for month", "date: ^2021-02-30", fix="YYYY-MM-DD"),
    Case("25:00 time", {"a.yaml": event("      - id: summit.time\n        kind: time\n        value: 25:00 ET\n")},
         "FB020", "'25:00' is not a clock time", "value: ^25:00 ET", fix="hours run 00-23"),
    Case("time window too wide",
         {"a.yaml": event("      - id: summit.time\n        kind: time\n        value: 10:07 ET ±500 min\n")},
         "FB020", "a window of ±500 min in '10:07 ET ±500 min'", "value: ^10:07 ET", fix="1 to 180 minutes"),
    Case("unknown zone", {"a.yaml": event("      - id: summit.time\n        kind: time\n        value: 10:07 XYZ\n")},
         "FB020", "unknown zone 'XYZ'", "value: ^10:07 XYZ", fix="zone"),
    Case("value_words on a date fact",
         {"a.yaml": event("      - id: summit.date\n        kind: date\n        value: 2021-12-07\n"
                          "        value_words: {hat-trick: 3}\n")},
         "FB016", "`value_words` does not apply to a date fact", "value_words: ^{hat-trick", fix="count"),
    Case("unit_words mapped to an unknown unit",
         {"a.yaml": event("      - id: ship.capacity\n        kind: quantity\n        value: 20124 TEU\n"
                          "        unit_words: {boxes: crates}\n")},
         "FB020", "'crates' (for 'boxes') is not a unit", "unit_words: {boxes: ^crates}", fix="units.yaml"),
    Case("unit_words mapped to an unknown unit, after another key of the kind",
         {"a.yaml": "facts:\n  - id: tank.temperature\n    kind: quantity\n    value: 200 °C\n"
                    "    hedge: more than\n    unit_words: {degrees: degC}\n    cues: ['tank']\n"},
         "FB020", "'degC' (for 'degrees') is not a unit", "unit_words: {degrees: ^degC}", fix="units.yaml"),
    Case("member_words mapped to an unknown country",
         {"a.yaml": "facts:\n  - id: final.teams\n    kind: set\n    value: [Argentina, France]\n"
                    "    member_words: {Les Bleus: Frankreich}\n    cues: ['final']\n"},
         "FB020", "'Frankreich' (for 'Les Bleus') is not a country", "member_words: {Les Bleus: ^Frankreich}",
         fix="English name"),
    Case("unit_words not a mapping",
         {"a.yaml": event("      - id: ship.capacity\n        kind: quantity\n        value: 20124 TEU\n"
                          "        unit_words: boxes\n")},
         "FB012", "`unit_words` must be a mapping", "unit_words: ^boxes", fix="{word: value}"),
    Case("cues on an event's fact (ignored there)",
         {"a.yaml": event("      - id: summit.date\n        kind: date\n        value: 2021-12-07\n"
                          "        cues: ['summit']\n")},
         "FB018", "`cues` is ignored there", "cues: ^['summit']", fix="near:"),
    Case("others on a name fact without patterns (ignored there)",
         {"a.yaml": "facts:\n  - id: judge.name\n    kind: name\n    value: Clifton Newman\n"
                    "    others: [Clifford Newman]\n"},
         "FB019", "`others` is read only with `patterns`", "others: ^[Clifford", fix="distractors"),
    Case("unknown IANA zone on an event",
         {"a.yaml": "events:\n  - id: quake\n    what: x\n    zone: Europe/Pariss\n"},
         "FB023", "unknown time zone 'Europe/Pariss'", "zone: ^Europe/Pariss", fix="Europe/Paris"),
    Case("'ninety-fiv' quantity", {"a.yaml": event("      - id: summit.troops\n        kind: quantity\n"
                                                   "        value: ninety-fiv\n")},
         "FB020", "unknown unit '-fiv'", "value: ^ninety-fiv", fix="units.yaml"),
    Case("hedge written in a quantity's value", {"a.yaml": event("      - id: summit.troops\n        kind: quantity\n"
                                                                 "        value: up to 175000\n")},
         "FB020", "carries a hedge", "value: ^up to", fix="`hedge:`"),
    Case("hedge written in a count's value (counts take no `hedge:`)",
         {"a.yaml": event("      - id: summit.cars\n        kind: count\n        value: about 50\n"
                          "        counted: cars\n")},
         "FB020", "carries a hedge", "value: ^about 50", fix="`kind: quantity` with `hedge:`"),
    Case("a comma inside a value of a {...} mapping",
         {"a.yaml": "facts:\n  - {id: a.b, kind: quantity, value: 1, note: on Friday, 5000 flights, cues: ['x']}\n"},
         "FB010", "unknown key '5000 flights'", "Friday, ^5000 flights", fix="quote the value"),
    Case("a comma inside a {...} mapping leaving a bare word",
         {"a.yaml": "facts:\n  - {id: a.b, kind: quantity, value: 1, note: defence request, low, cues: ['x']}\n"},
         "FB010", "unknown key 'low'", "request, ^low", fix="quote the value"),
    Case("duration that does not parse", {"a.yaml": event("      - id: summit.duration\n        kind: duration\n"
                                                          "        value: two hourz\n")},
         "FB020", "cannot read 'two hourz' as one duration", "value: ^two hourz", fix="a number and a unit"),
    Case("set member that is not a known country", {"a.yaml": event(
        "      - id: summit.who\n        kind: set\n        value: [France, Germny, Italy]\n")},
         "FB020", "'Germny' is not a country", "France, ^Germny", fix="Germany"),
    Case("year set member that is not a year", {"a.yaml": event(
        "      - id: summit.years\n        kind: set\n        universe: years\n        value: [2014, 20155]\n")},
         "FB020", "'20155' is not a year", "2014, ^20155", fix="four-digit"),
    Case("year 20144", {"a.yaml": "facts:\n  - id: crimea.year\n    kind: year\n    value: 20144\n"
                                  "    cues: [Crimea]\n"},
         "FB020", "a year is four digits, not '20144'", "value: ^20144", fix="2014"),
    Case("variant that does not parse", {"a.yaml": event(
        "      - id: summit.duration\n        kind: duration\n        value: 121 min\n"
        "        variants: [122 min, lots]\n")},
         "FB020", "cannot read 'lots'", "122 min, ^lots", fix="a number and a unit"),
    Case("when ending before it starts", {"a.yaml":
        "facts:\n  - id: troops.n\n    kind: count\n    value: 9\n    counted: troops\n    cues: [troops]\n"
        "    when: {from: 2021-12-31, to: 2021-11-20}\n"},
         "FB020", "`when` ends (2021-11-20) before it starts (2021-12-31)", "to: ^2021-11-20", fix="swap"),
    Case("unknown mode", {"a.yaml": event("      - id: summit.date\n        kind: date\n        value: 2021-12-07\n",
                                          head="    mode: vidoe\n")},
         "FB020", "unknown mode 'vidoe'", "mode: ^vidoe", fix="did you mean 'video'?"),
    Case("unknown omission", {"a.yaml": event("      - id: summit.date\n        kind: date\n        value: 2021-12-07\n"
                                              "        omission: skipp\n")},
         "FB020", "unknown omission 'skipp'", "omission: ^skipp", fix="did you mean 'skip'?"),
    Case("unknown hedge", {"a.yaml": event("      - id: summit.troops\n        kind: quantity\n        value: 175000\n"
                                           "        hedge: upto-ish\n")},
         "FB020", "unknown hedge 'upto-ish'", "hedge: ^upto-ish", fix="up to"),
    Case("unknown universe", {"a.yaml": event("      - id: summit.who\n        kind: set\n        universe: planets\n"
                                              "        value: [Mars]\n")},
         "FB020", "unknown universe 'planets'", "universe: ^planets", fix="countries, years"),
    Case("name patterns without (?P<who>...)", {"a.yaml": event(
        "      - id: summit.requested_by\n        kind: name\n        value: Putin\n        others: [Biden]\n"
        "        context: ['Kremlin']\n        patterns:\n          - '(?P<who>{party}) asked for the call'\n"
        "          - '{party} requested the call'\n")},
         "FB020", "has no (?P<who>...) group", "          - ^'{party} requested", fix="(?P<who>{party})"),
    Case("fuzzy that is not true or false", {"a.yaml": "parties:\n  - id: biden\n    fuzzy: maybe\n"},
         "FB020", "`fuzzy` must be true or false, not 'maybe'", "fuzzy: ^maybe", fix="`fuzzy: true`"),
    Case("party of an unknown country", {"a.yaml": "parties:\n  - id: biden\n    country: Untied States\n"},
         "FB020", "unknown country 'Untied States'", "country: ^Untied", fix="did you mean 'United States'?"),
    Case("duplicate id across two files", {
        "a.yaml": event("      - id: summit.date\n        kind: date\n        value: 2021-12-07\n"),
        "b.yaml": "facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n    cues: [Crimea]\n"
                  "  - id: summit.date\n    kind: year\n    value: 2021\n    cues: [summit]\n"},
         "FB021", "duplicate fact id 'summit.date' (first defined at ", "  - id: ^summit.date", where="b.yaml",
         fix="give each id once"),
    Case("event naming an unknown party", {"a.yaml": PARTIES + "events:\n  - id: summit\n    what: x\n"
                                                     "    parties: [biden, putn]\n"},
         "FB022", "event 'summit' names unknown party 'putn'", "biden, ^putn", fix="did you mean 'putin'?"),
    Case("variant colliding with another person's name", {"a.yaml": (
        "facts:\n  - id: person.psaki\n    kind: name\n    value: Jen Psaki\n    variants: [Jennifer Psaki]\n"
        "  - id: person.other\n    kind: name\n    value: Mary Smith\n    variants: [M. Smith, Jennifer Psaki]\n")},
         "FB040", "name 'Jennifer Psaki' of 'person.other' is also a name of 'person.psaki' (", "Smith, ^Jennifer",
         fix="one person"),
    Case("cue that does not compile", {"a.yaml": "facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n"
                                                 "    cues: ['Crimea', '(unclosed']\n"},
         "FB030", "`cues` pattern '(unclosed' does not compile", "'Crimea', ^'(unclosed'", fix="brackets"),
    Case("name pattern that does not compile", {"a.yaml": event(
        "      - id: summit.requested_by\n        kind: name\n        value: Putin\n"
        "        patterns: ['(?P<who>{party}) asked [']\n")},
         "FB030", "`patterns` pattern", "patterns: [^'(?P<who>", fix="brackets"),
    Case("attribution that does not compile", {"a.yaml": event(
        "      - id: summit.duration\n        kind: duration\n        value: 121 min\n        variants:\n"
        "          - value: 122 min\n            attribution: 'TASS|(Kremlin'\n")},
         "FB030", "`attribution` pattern 'TASS|(Kremlin' does not compile", "attribution: ^'TASS", fix="brackets"),
    Case("cue that can run away", {"a.yaml": "facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n"
                                             "    cues: ['(a|aa)+$']\n"},
         "FB031", "can run away", "cues: [^'(a|aa)", fix="nested repetition"),
    Case("exclude that can run away on its own letters", {"a.yaml": (
        "facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n    cues: [Crimea]\n"
        "    exclude: ['(x|xx)+y']\n")},
         "FB031", "can run away", "exclude: [^'(x|xx)+y'", fix="nested repetition"),
    Case("cue matching the empty string", {"a.yaml": "facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n"
                                                     "    cues: ['Crimea|']\n"},
         "FB032", "matches the empty string", "cues: [^'Crimea|'", fix="empty alternative"),
    Case("empty event name pattern", {"a.yaml": "events:\n  - id: summit\n    what: x\n    names: ['']\n"},
         "FB032", "matches the empty string", "names: [^'']", fix="empty alternative"),
    Case("!!python/object/apply tag refused", {"a.yaml": event(
        "      - id: summit.date\n        kind: date\n        value: !!python/object/apply:os.system ['echo hi']\n")},
         "FB002", "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed", "value: ^!!python",
         fix="remove the tag"),
    Case("merge key refused", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                               "        value: 2021-12-07\n        <<: {note: x}\n")},
         "FB002", "merge keys", "        ^<<:", fix="write the keys out"),
    Case("billion laughs", {"a.yaml": BILLION_LAUGHS},
         "FB003", "more than 200000 values through aliases", "f: ^&f", fix="anchors and aliases"),
    Case("recursive alias", {"a.yaml": "facts: &loop\n  - *loop\n"},
         "FB003", "recursive alias", "facts: ^&loop", fix="remove the alias"),
    Case("nesting deeper than any fact file", {"a.yaml": "facts: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)},
         "FB003", f"nested more than {MAX_DEPTH} deep", "[" * (MAX_DEPTH - 1) + "^[", fix="flatten"),
    Case("nesting deeper than the YAML reader", {"a.yaml": "facts: " + "[" * 20000 + "]" * 20000},
         "FB003", "too deeply", "^facts", fix="nesting"),
    Case("file too large", {"a.yaml": "# " + "x" * (MAX_FILE_BYTES + 10) + "\nfacts: []\n"},
         "FB050", f"more than {MAX_FILE_BYTES}", "^# xxx", fix="split"),
    Case("empty file", {"a.yaml": ""}, "FB051", "the file is empty", "^", fix="facts:"),
    Case("only comments", {"a.yaml": "# to do\n"}, "FB051", "the file is empty", "^# to do", fix="facts:"),
    Case("no facts", {"a.yaml": "facts: []\n"}, "FB051", "defines no parties, events or facts", "^facts",
         fix="add entries"),
    Case("non-UTF-8 file", {"a.yaml": b"facts:\n  - id: caf\xe9.date\n"},
         "FB053", "not UTF-8: byte 0xe9", "id: caf^", fix="UTF-8"),
]


def _write(tmp: Path, files: dict[str, str | bytes], prefix: str = "") -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        p = tmp / (prefix + name)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text, encoding="utf-8")
    return tmp


def _where(case: Case) -> tuple[int, int]:
    """Line and column (1-based) of the `^` in `case.at`, found in the file."""
    raw = case.files[case.where]
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    before, _, after = case.at.partition("^")
    idx = text.find(before + after)
    assert idx >= 0, f"{case.name}: {case.at!r} is not in the file"
    off = idx + len(before)
    line = text.count("\n", 0, off) + 1
    col = off - (text.rfind("\n", 0, off) + 1) + 1
    return line, col


def _matching(problems: list[Problem], case: Case, file_name: str) -> list[Problem]:
    return [p for p in problems if p.code == case.code and os.path.basename(p.file) == file_name
            and case.fragment in p.message]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_fact_file(case: Case, tmp_path: Path) -> None:
    d = _write(tmp_path / "facts", case.files)
    fb, problems = load_with_problems(d)
    assert fb is None
    found = _matching(problems, case, case.where)
    assert found, f"no {case.code} with {case.fragment!r}; got:\n" + "\n".join(p.render() for p in problems)
    p = found[0]
    assert (p.line, p.col) == _where(case), p.render()
    assert p.fix, f"{case.code} has no fix: {p.render()}"
    assert case.fix in p.fix, p.render()
    if case.only:
        assert len(problems) == 1, "expected one problem, got:\n" + "\n".join(x.render() for x in problems)
    # the problem quotes the offending line
    if p.line_text:
        assert p.render().count("\n") >= 2


def test_every_case_in_one_pass(tmp_path: Path) -> None:
    """All the broken files side by side: one call reports every case, without a traceback."""
    d = tmp_path / "facts"
    for i, case in enumerate(CASES):
        _write(d, case.files, prefix=f"{i:02d}_")
    t0 = time.monotonic()
    fb, problems = load_with_problems(d)
    assert time.monotonic() - t0 < 30
    assert fb is None
    for i, case in enumerate(CASES):
        found = _matching(problems, case, f"{i:02d}_{case.where}")
        assert found, f"{case.name}: no {case.code} in the combined run"
        assert (found[0].line, found[0].col) == _where(case), case.name
    with pytest.raises(FactBaseError) as e:
        load_factbase(d)
    assert e.value.problems == problems
    assert "FB020" in str(e.value)


def test_several_problems_in_one_file_in_file_order(tmp_path: Path) -> None:
    text = (
        "events:\n"
        "  - id: summit\n"
        "    what: the video summit\n"
        "    mode: vidoe\n"  # 4: FB020
        "    parties: [nobody]\n"  # 5: FB022
        "    facts:\n"
        "      - id: summit.date\n"
        "        kind: date\n"
        "        vaule: 2021-12-07\n"  # 9: FB010
        "      - id: Summit.Time\n"  # 10: FB015
        "        kind: time\n"
        "        value: 25:00 ET\n"  # 12: FB020
        "facts:\n"
        "  - id: crimea.year\n"  # 14: FB017
        "    kind: year\n"
        "    value: 20144\n"  # 16: FB020
        "    unit: troops\n"  # 17: FB016
        "  - id: bad.cue\n"
        "    kind: year\n"
        "    value: 2014\n"
        "    cues: ['(a|aa)+$', '(open']\n"  # 21: FB031, FB030
    )
    d = _write(tmp_path / "facts", {"a.yaml": text})
    fb, problems = load_with_problems(d)
    assert fb is None
    got = [(p.line, p.code) for p in problems]
    assert got == [(4, "FB020"), (5, "FB022"), (9, "FB010"), (10, "FB015"), (12, "FB020"), (14, "FB017"),
                   (16, "FB020"), (17, "FB016"), (21, "FB031"), (21, "FB030")]
    assert [p.col for p in problems][-2:] == [12, 24]
    assert all(p.fix for p in problems)


def test_problems_sorted_by_file_then_position(tmp_path: Path) -> None:
    d = _write(tmp_path / "facts", {
        "b.yaml": "facts:\n  - id: x\n    kind: year\n    value: 99\n    cues: [x]\n",
        "a.yaml": "facts:\n  - id: y\n    kind: yaer\n    value: 2014\n    cues: [y]\n",
    })
    _, problems = load_with_problems(d)
    assert [(os.path.basename(p.file), p.line, p.code) for p in problems] == [("a.yaml", 3, "FB013"),
                                                                              ("b.yaml", 4, "FB020")]


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    d = _write(tmp_path / "facts", {"a.yaml": BILLION_LAUGHS})
    t0 = time.monotonic()
    _, problems = load_with_problems(d)
    assert time.monotonic() - t0 < 2.0
    assert [p.code for p in problems] == ["FB003"]


def test_aliases_within_the_budget_are_fine(tmp_path: Path) -> None:
    text = ("facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n    sources: &src [https://a.example]\n"
            "    cues: [Crimea]\n  - id: minsk.year\n    kind: year\n    value: 2015\n    sources: *src\n"
            "    cues: [Minsk]\n")
    fb = load_factbase(_write(tmp_path / "facts", {"a.yaml": text}))
    assert [f.sources for f in fb.facts] == [("https://a.example",), ("https://a.example",)]


def test_missing_directory_and_no_files(tmp_path: Path) -> None:
    _, problems = load_with_problems(tmp_path / "nope")
    assert [p.code for p in problems] == ["FB052"] and problems[0].fix
    (tmp_path / "empty").mkdir()
    _, problems = load_with_problems(tmp_path / "empty")
    assert [p.code for p in problems] == ["FB051"] and problems[0].fix


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _write(tmp_path / "facts", {"a.yaml": "facts: []\n", "b.yaml": "facts: [1]\n"})
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _, problems = load_with_problems(d)
    assert [(os.path.basename(p.file), p.code) for p in problems] == [("a.yaml", "FB053"), ("b.yaml", "FB012")]
    assert "Permission denied" in problems[0].message and problems[0].fix


def test_one_file_can_be_loaded_alone(root: Path) -> None:
    fb = load_factbase(root / "facts" / "people.yaml")
    assert fb.facts and all(f.kind == "name" for f in fb.facts)


def test_shipped_facts_load_clean(root: Path) -> None:
    fb, problems = load_with_problems(root / "facts")
    assert problems == [], "\n".join(p.render() for p in problems)
    assert fb is not None and len(fb.facts) > 20


def test_rendered_problem_points_at_the_value(tmp_path: Path) -> None:
    d = _write(tmp_path / "facts", {"a.yaml": event("      - id: summit.date\n        kind: date\n"
                                                    "        value: 2021-13-07\n")})
    _, problems = load_with_problems(d)
    lines = problems[0].render().splitlines()
    assert lines[0].endswith("FB020: fact 'summit.date': '2021-13-07' is not a date: month must be in 1..12")
    assert lines[1] == "            value: 2021-13-07"
    assert lines[2] == "                   ^"
    assert lines[3].startswith("    fix: ")


def test_caret_lines_up_under_tabs() -> None:
    p = Problem("f.yaml", 2, 4, "FB020", "bad", "fix it", "\tx: y")
    assert p.render().splitlines()[1:3] == ["    \tx: y", "    \t  ^"]
    past_the_end = Problem("f.yaml", 1, 6, "FB001", "bad", "fix it", "ab")
    assert past_the_end.render().splitlines()[2] == "         ^"


def test_a_bug_in_a_kind_is_a_problem_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.kinds import KINDS

    def broken(raw: object, options: dict[str, object]) -> object:
        raise TypeError("boom")

    monkeypatch.setattr(KINDS["year"], "parse_value", broken)
    text = "facts:\n  - id: crimea.year\n    kind: year\n    value: 2014\n    cues: [Crimea]\n"
    _, problems = load_with_problems(_write(tmp_path / "facts", {"a.yaml": text}))
    assert [(p.code, p.line, p.col) for p in problems] == [("FB029", 4, 12)]
    assert "TypeError: boom" in problems[0].message and "bug" in problems[0].fix


def test_a_count_too_large_in_digits_points_to_its_magnitude_and_that_works(tmp_path: Path) -> None:
    """A count of ten digits or more is refused with a fix that works: written with its magnitude,
    as articles round it, the same count is read in those articles (a cloud outage's users, a
    messaging app's users)."""
    d = _write(tmp_path / "bad", {"a.yaml": "facts:\n  - id: users.count\n    kind: count\n"
                                            "    value: 3500000000\n    counted: 'users|people'\n"
                                            "    cues: ['users']\n"})
    fb, problems = load_with_problems(d)
    assert fb is None and "value: 3.5 billion" in problems[0].fix
    good = _write(tmp_path / "good", {"a.yaml": "facts:\n  - id: users.count\n    kind: count\n"
                                                "    value: 3.5 billion\n    counted: 'users|people'\n"
                                                "    cues: ['users|people']\n"})
    fb, problems = load_with_problems(good)
    assert fb is not None and not problems
    from factcheck.check import check
    from factcheck.model import Source
    for text, want in [("About 3.5 billion people use its apps.", "agree"),
                       ("WhatsApp has 3.5 billion users.", "agree"),
                       ("WhatsApp has 2.5 billion users.", "contradict")]:
        got = {f.fact: f.verdict for f in check(Source(id="t", text=text), fb).findings}
        assert got["users.count"] == want, text
