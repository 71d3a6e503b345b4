"""Runaway patterns at load time (issue 13 item 7, issue 11 item 5): the loader and lint share one
set of probes (factcheck/factbase/runaway.py), probe each pattern once, skip the probes for
patterns that cannot backtrack catastrophically, show long patterns cut; the kinds' option
patterns apply the per-match timeout like the fact's other patterns."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
import regex

import factcheck.factbase.load as load_module
import factcheck.factbase.runaway as runaway_module
from factcheck.factbase.load import load_with_problems
from factcheck.factbase.model import MATCH_TIMEOUT, TimedRegex
from factcheck.factbase.runaway import needs_probes, runs_away
from factcheck.kinds import KINDS
from factcheck.kinds._patterns import compile_option
from factcheck.lint import lint

# Every one backtracks for ever (exponentially, or with a power of three or more) on some input.
CATASTROPHIC = [
    r"(a|aa)+$", r"(x+x+)+y", r"(\w+\s?)+$", r"(?:b|bb)+c", r"(?:[0-9]|[0-9][0-9])+$", r"(a+)+", r"(.*a){12}",
    r"(?:\u00e9|\u00e9\u00e9)+z", r"(?:ab|ab)+c", r"\d+\d+x", r".*.*=", r"\s*\s*$", r"x|\d+\d+", r"\w+\s*\w+$",
    r"a+(?:b)?a+x", r"\s+(?:x\s+)?\s+y", r"\w+(?=a)\w+", r"(?:\w+\s*){0,3}$", r"ba+a+x", r"[a-z]+\u212a+x",
    r"[ab]+[bc]+x", r"\W+\s+x", r"(?:\w+\s*){0,8}x", r"\d+?1+?a+", "a?" * 30 + "a" * 30, "(?:a|ab)" * 8 + "c",
    r"(?:a|aa){3}(?:a|aa){3}(?:a|aa){3}(?:a|aa){3}",
]

# Each repetition is kept apart from the next by what follows it, and the choices are few.
SIMPLE = [
    "Biden|Putin", r"took\s+off", r"launch\w*|lift(?:s|ed)?[- ]?off", r"\bvideo\s+(?:call|summit)s?\b",
    r"x\s+(?:\w+\s+){0,2}y", "qab|qcd|qef", "A[-\u2013\\s]+B\\s+C", r"\W+(?:\w+\W+){0,5}?Crimea", r"\d{1,2}:\d{2}",
    r"(?<![\p{L}\d])(?:hat-trick)(?![\p{L}])", r"troops|soldiers|servicemen|forces",
]

# What the analysis does not model is always probed.
UNKNOWN = [r"(a)\1+", r"(?:abc){e<=1}", r"(?x) a + b", r"(?R)?x", r"(?(1)a|b)", r"[[a-z]--[aeiou]]+x",
           r"(?P<n>a)(?P=n)", r"(a|b)\g<1>+x"]


@pytest.mark.parametrize("src", CATASTROPHIC)
def test_catastrophic_patterns_are_probed(src: str) -> None:
    assert needs_probes(src)


@pytest.mark.parametrize("src", SIMPLE)
def test_patterns_that_cannot_run_away_are_not_probed(src: str) -> None:
    assert not needs_probes(src)


@pytest.mark.parametrize("src", UNKNOWN)
def test_constructs_the_analysis_does_not_model_are_probed(src: str) -> None:
    assert needs_probes(src)


def test_patterns_beyond_the_analysis_budget_are_probed() -> None:
    assert needs_probes("((((((a?b){8}c){8}d){8}e){8}f){8})")  # 8**5 unrolled copies
    assert needs_probes("(?:" + "|".join(f"\\w{i}x" for i in range(3000)) + ")\\s+y")  # 3000 x 3000 pairs
    assert not needs_probes("(?:" + "|".join(f"name{i}x" for i in range(500)) + ")\\s+y")  # sorted, not paired


def test_a_branch_that_begins_another_is_a_choice() -> None:
    assert not needs_probes(r"(?:they|the)\s+said")
    assert needs_probes(r"(?:the|they)" * 7 + r"\s*x")  # 2**7 ways through
    assert not needs_probes(r"(?:them|they)" * 7 + r"\s*x")  # one way


def test_the_shipped_bases_need_few_probes(root: Path) -> None:
    """Most real patterns are cleared by the analysis (the start-up cost), none of them is refused."""
    sources = []
    for d in [root / "facts", *sorted((root / "examples").glob("*/facts"))]:
        fb, problems = load_with_problems(d)
        assert fb is not None, problems
        sources += [p.source for f in fb.facts for p in (*f.cues, *f.exclude, *f.near, *f.exclude_near)]
        sources += [p.source for e in fb.events.values() for p in (*e.names, *e.words)]
    distinct = set(sources)
    probed = [s for s in distinct if needs_probes(s)]
    assert len(distinct) > 50 and len(probed) < len(distinct) / 10, probed


def _base(tmp_path: Path, text: str) -> Path:
    d = tmp_path / "f"
    d.mkdir(exist_ok=True)
    (d / "facts.yaml").write_text(text, encoding="utf-8")
    return d


def _year(i: int, cue: str) -> str:
    return f"  - id: x.year{i}\n    kind: year\n    value: 199{i}\n    cues: ['{cue}']\n"


def test_a_pattern_written_in_many_facts_is_probed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cue = r"(?:video|phone)\s+(?:call|summit)\s*(?:held\s+)?\w*"  # probed: \s* then \w* can share a space
    assert needs_probes(cue)
    calls: list[str] = []
    real = runaway_module.runaway_probes

    def counted(src: str) -> list[str]:
        calls.append(src)
        return real(src)

    monkeypatch.setattr(runaway_module, "runaway_probes", counted)
    monkeypatch.setattr(runaway_module, "_VERDICTS", {})
    fb, problems = load_with_problems(_base(tmp_path, "facts:\n" + "".join(_year(i, cue) for i in range(5))))
    assert fb is not None and not problems
    probed = load_module.word_start_pattern(cue)  # the pattern as matched, from the start of a word
    assert calls == [probed]
    lint(tmp_path / "f")  # lint after load: the verdict is known
    assert calls == [probed]


def test_load_and_lint_refuse_the_same_runaways(tmp_path: Path) -> None:
    base = ("facts:\n" + _year(1, r"(?:ab|ab)+c") +
            "  - id: x.troops\n    kind: quantity\n    value: 100\n    unit: '(?:\\u00e9|\\u00e9\\u00e9)+z'\n"
            "    cues: ['troops']\n")
    fb, problems = load_with_problems(_base(tmp_path, base))
    assert fb is None
    assert [(p.line, p.col, p.code) for p in problems] == [(5, 12, "FB031"), (9, 11, "FB031")]
    assert problems[0].message.startswith("`cues` pattern '(?:ab|ab)+c' can run away")
    assert problems[1].message.startswith("`unit` of fact `x.troops` pattern ")  # as lint names it
    lint_problems, _ = lint(tmp_path / "f")
    assert [(p.line, p.col, p.code) for p in lint_problems] == [(5, 12, "FB031"), (9, 11, "FB031")]


@pytest.mark.parametrize(("cue", "code"), [("(unclosed" + "x" * 100, "FB030"), ("(a|aa)+$|" + "x" * 100, "FB031"),
                                           ("x" * 100 + "|", "FB032")])
def test_long_patterns_are_shown_cut(tmp_path: Path, cue: str, code: str) -> None:
    fb, problems = load_with_problems(_base(tmp_path, "facts:\n" + _year(1, cue)))
    assert [p.code for p in problems] == [code]
    assert cue not in problems[0].message
    assert f"... ({len(cue)} characters)" in problems[0].message


def test_runs_away_names_the_probe() -> None:
    assert runs_away(regex.compile(r"(?:ab|ab)+c", regex.IGNORECASE)) == "ababababab" + "ab"
    assert runs_away(regex.compile(r"took\s+off", regex.IGNORECASE)) is None


# -- the kinds' option patterns ---------------------------------------------------------------------


class _Stub:
    """A compiled pattern that is always cut by the time limit, and records the limit it was given."""

    pattern = "stub"
    flags = 0

    def __init__(self) -> None:
        self.timeouts: list[Any] = []

    def _cut(self, *args: Any, timeout: Any = None, **kwargs: Any) -> Any:
        self.timeouts.append(timeout)
        if timeout is None:
            return "unbounded"
        raise TimeoutError

    search = match = fullmatch = finditer = sub = _cut


def test_timed_regex_applies_the_match_timeout_to_every_method() -> None:
    stub = _Stub()
    t = TimedRegex(stub)  # type: ignore[arg-type]
    assert t.search("x") is None and t.match("x") is None and t.fullmatch("x") is None
    assert t.finditer("x") == []
    assert t.sub("y", "text") == "text"
    assert stub.timeouts == [MATCH_TIMEOUT] * 5


def test_timed_regex_behaves_like_the_pattern() -> None:
    rx = regex.compile(r"troops|soldiers", regex.IGNORECASE)
    t = TimedRegex(rx)
    text = "10,000 Troops and soldiers"
    assert t.pattern == rx.pattern and t.flags == rx.flags
    assert t.search(text)[0] == "Troops"  # type: ignore[index]
    assert t.match(text, 7)[0] == "Troops"  # type: ignore[index]
    assert t.fullmatch("soldiers") is not None and t.fullmatch("soldiers!") is None
    assert [m[0] for m in t.finditer(text)] == ["Troops", "soldiers"]
    assert t.sub("men", text) == "10,000 men and men"
    assert pickle.loads(pickle.dumps(t)) == t  # shipped to workers with the fact base
    assert hash(TimedRegex(regex.compile(r"troops|soldiers", regex.IGNORECASE))) == hash(t)


def test_the_kinds_option_patterns_are_timed() -> None:
    assert isinstance(compile_option({"unit": "troops"}, "unit"), TimedRegex)
    assert isinstance(compile_option({}, "unit", "troops|soldiers"), TimedRegex)
    opts = KINDS["name"].parse_options({"context": ["Secretary of State"], "patterns": ["(?P<who>{party}) asked"]})
    assert all(isinstance(p, TimedRegex) for p in (*opts["context"], *opts["patterns"]))
    for kind, options in [("count", {"counted": "members"}), ("ordinal", {"counted": "term"}),
                          ("quantity", {"unit": "troops"}), ("place", {"role": "owned"})]:
        parsed = KINDS[kind].parse_options(options)
        assert isinstance(parsed[next(iter(options))], TimedRegex), kind


def test_the_loaders_timeout_is_shared(tmp_path: Path) -> None:
    assert load_module.RUNAWAY_TIMEOUT == runaway_module.RUNAWAY_TIMEOUT
