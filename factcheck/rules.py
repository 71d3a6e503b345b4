"""The binding rules: a table of named rules, each with a strength and example sentences.

Every decision that ties a value to an event or a fact, or takes it away, or makes it unsure, is
one rule of `factcheck/data/rules.yaml`, looked up here by id (Duckling's `Rule { name, pattern,
prod }`: the name travels into every mention and the trace). A rule says:

- `effect`: `bind` (evidence that a clause is about an event or a fact, at `level` 1 loose,
  2 firm, 3 named), `drop` (the value is not about this fact), `unsure` (bound, but the verdict
  can only agree: a conflict is `unclear`) or `decide` (how a value shared by several events
  or facts is given to one);
- `what`: one line for people (shown in reports and `explain`).

Each rule's examples (Duckling's Corpus.hs) are sentences from at least two different stories, each
with the verdict it must give and whether the rule must or must not fire, in
`tests/rules/examples.yaml`, run against small fact bases of several stories in
`tests/rules/bases/` by `tests/test_rules.py` (they live under tests/ because nothing in the package
may name a story's people, places or events).

The tuning constants every rule shares (windows, ratios, days) are the table's `tuning:`
section, in one place. Ids are validated on load: code asking for an unknown rule fails at
import time in the tests, not silently at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

Effect = Literal["bind", "drop", "unsure", "decide"]
EFFECTS: tuple[Effect, ...] = ("bind", "drop", "unsure", "decide")


class RuleError(ValueError):
    """The rules table is malformed (a bug in the package data, caught by the tests)."""


@dataclass(frozen=True)
class Example:
    story: str  # which fact base: "seeds" (facts/) or an examples/<story> name
    text: str
    fact: str
    verdict: str  # agree | contradict | unclear | omit


@dataclass(frozen=True)
class Rule:
    id: str
    effect: Effect
    what: str
    level: int = 0  # for `bind` rules: 1 loose, 2 firm, 3 named
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Table:
    rules: dict[str, Rule]
    tuning: dict[str, float]

    def __getitem__(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise RuleError(f"unknown rule {rule_id!r}") from None


_VERDICTS = ("agree", "contradict", "unclear", "omit")


def _parse(data: Any) -> Table:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise RuleError("rules.yaml: expected a mapping with `rules:` and `tuning:`")
    tuning = {str(k): float(v) for k, v in (data.get("tuning") or {}).items()}
    rules: dict[str, Rule] = {}
    for rid, body in data["rules"].items():
        if not isinstance(body, dict):
            raise RuleError(f"rule {rid}: expected a mapping")
        effect = body.get("effect")
        if effect not in EFFECTS:
            raise RuleError(f"rule {rid}: effect {effect!r} is not one of {', '.join(EFFECTS)}")
        level = int(body.get("level", 0))
        if effect == "bind" and level not in (1, 2, 3):
            raise RuleError(f"rule {rid}: a bind rule needs `level` 1, 2 or 3")
        unknown = set(body) - {"effect", "what", "level", "examples"}
        if unknown:
            raise RuleError(f"rule {rid}: unknown keys {sorted(unknown)}")
        examples = []
        for ex in body.get("examples") or ():
            if not isinstance(ex, dict) or set(ex) != {"story", "text", "fact", "verdict"}:
                raise RuleError(f"rule {rid}: an example needs exactly story, text, fact, verdict")
            if ex["verdict"] not in _VERDICTS:
                raise RuleError(f"rule {rid}: example verdict {ex['verdict']!r}")
            examples.append(Example(str(ex["story"]), str(ex["text"]), str(ex["fact"]), str(ex["verdict"])))
        rules[str(rid)] = Rule(str(rid), effect, str(body.get("what", "")), level, tuple(examples))
    return Table(rules, tuning)


@cache
def table() -> Table:
    text = resources.files("factcheck.data").joinpath("rules.yaml").read_text(encoding="utf-8")
    return _parse(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))  # noqa: S506 - a safe loader


def rule(rule_id: str) -> Rule:
    """The rule `rule_id`; an unknown id is a RuleError."""
    return table()[rule_id]


def tune(name: str) -> float:
    """A tuning constant of the rules table (`tuning:` in rules.yaml)."""
    try:
        return table().tuning[name]
    except KeyError:
        raise RuleError(f"unknown tuning constant {name!r}") from None


def why(rule_id: str) -> str:
    """The rule's description, for reasons shown to people."""
    return rule(rule_id).what
