"""The binding rules by example (factcheck/data/rules.yaml, factcheck/rules.py).

Each example of tests/rules/examples.yaml is a short article from one story, checked against that
story's small fact base (tests/rules/bases/<story>.yaml, or the shipped facts/ for `seeds`): the
finding for `fact` must be `verdict`, and the rule must (`fires: true`) or must not
(`fires: false`) be in the trace for that fact: in the rules of a step about the fact, or, for
rules that bind or decide an event, in the binding of a clause about the fact's event.

An example with `xfail: "<reason>"` documents a rule that could not be shown in a second story, or
that fires where a careful reader would say it should not: it must fail (strict), so that a fix
of the package shows up here.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.check import Traced, check_traced
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase
from factcheck.model import Source
from factcheck.rules import table

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "rules"
VERDICTS = {"agree", "contradict", "unclear", "omit"}
KEYS = {"rule", "story", "text", "fact", "verdict", "fires", "xfail", "note"}


def _examples() -> list[dict[str, Any]]:
    data = yaml.safe_load((HERE / "examples.yaml").read_text(encoding="utf-8"))
    out = []
    for rule_id, items in data["rules"].items():
        for ex in items:
            out.append({"rule": rule_id, **ex})
    return out


EXAMPLES = _examples()


@cache
def base(story: str) -> FactBase:
    if story == "seeds":
        return load_factbase(ROOT / "facts")
    path = HERE / "bases" / f"{story}.yaml"
    return load_factbase(path if path.exists() else HERE / "bases" / story)


def fired(t: Traced, fb: FactBase, fact_id: str) -> set[str]:
    """Every rule id in the trace for `fact_id`: its steps, and the bindings of clauses about
    its event."""
    out = {r for st in t.steps if st.fact == fact_id for r in st.rules}
    event = fb.fact(fact_id).event
    if event:
        for _, bindings in t.clauses:
            for b in bindings:
                out |= set(b.rules_of(event))
                if event in b.set_aside:
                    out.add(b.set_aside[event])
    return out


def _id(ex: dict[str, Any]) -> str:
    return f"{ex['rule']}-{ex['story']}-{'fires' if ex['fires'] else 'not'}-{ex['text'][:30]}"


def _params() -> list[Any]:
    out = []
    for ex in EXAMPLES:
        marks = [pytest.mark.xfail(reason=str(ex["xfail"]), strict=True)] if ex.get("xfail") else []
        out.append(pytest.param(ex, id=_id(ex), marks=marks))
    return out


def test_examples_are_well_formed() -> None:
    rules = table().rules
    for ex in EXAMPLES:
        assert set(ex) <= KEYS, ex
        assert ex["rule"] in rules, f"unknown rule {ex['rule']}"
        assert ex["verdict"] in VERDICTS, ex
        assert isinstance(ex["fires"], bool), ex
        fb = base(ex["story"])
        fb.fact(ex["fact"])  # the fact exists in the story's base


@pytest.mark.parametrize("ex", _params())
def test_rule_example(ex: dict[str, Any]) -> None:
    fb = base(ex["story"])
    t = check_traced(Source(id="example", text=ex["text"]), fb)
    finding = next(f for f in t.result.findings if f.fact == ex["fact"])
    rules = fired(t, fb, ex["fact"])
    assert finding.verdict == ex["verdict"], (
        f"{ex['fact']}: expected {ex['verdict']}, got {finding.verdict}; rules in trace: {sorted(rules)}")
    if ex["fires"]:
        assert ex["rule"] in rules, f"{ex['rule']} did not fire; rules in trace: {sorted(rules)}"
    else:
        assert ex["rule"] not in rules, f"{ex['rule']} fired; rules in trace: {sorted(rules)}"


def _coverage() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per rule, the stories of its passing `fires: true` examples, and of its xfail ones (a
    finding: the rule could not be shown there, or misfires there)."""
    shown: dict[str, set[str]] = defaultdict(set)
    documented: dict[str, set[str]] = defaultdict(set)
    for ex in EXAMPLES:
        if ex.get("xfail"):
            documented[ex["rule"]].add(ex["story"])
        elif ex["fires"]:
            shown[ex["rule"]].add(ex["story"])
    return shown, documented


def test_every_rule_has_examples_from_two_stories() -> None:
    """Every bind, drop and unsure rule fires in examples of at least two stories. A rule shown in
    fewer is a gap unless an xfail example documents why (a rule that only one story's wording
    can trigger, or one the trace never records): those are findings, listed in the xfails."""
    shown, documented = _coverage()
    gaps = []
    for rid, r in table().rules.items():
        if r.effect not in ("bind", "drop", "unsure"):
            continue
        if len(shown[rid]) >= 2:
            continue
        if shown[rid] | documented[rid] and len(shown[rid] | documented[rid]) >= 2:
            continue  # documented by an xfail example: a finding, not a missing example
        gaps.append(f"{rid} (shown in {sorted(shown[rid]) or 'no story'})")
    assert not gaps, "rules without examples from two stories: " + ", ".join(gaps)


def test_rules_with_must_not_examples() -> None:
    """Most rules also have a near miss they must not fire on."""
    must_not = {ex["rule"] for ex in EXAMPLES if not ex["fires"]}
    rules = [rid for rid, r in table().rules.items() if r.effect in ("bind", "drop", "unsure")]
    missing = [rid for rid in rules if rid not in must_not]
    assert len(missing) <= len(rules) // 4, "rules without a must-not example: " + ", ".join(missing)
