"""Safe YAML with positions.

The fact files are composed (not constructed) with PyYAML's SafeLoader so that every value keeps
its line and column and stays the string the curator wrote: plain `yaml.safe_load` turns `10:30`
into 630, `no` into False and an invalid date into a bare ValueError with no location. Only the
standard tags are accepted (`!!python/object` and friends are refused with a position), and alias
expansion is bounded so a "billion laughs" file is refused instead of eating the machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

import yaml

from factcheck.errors import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass(frozen=True)
class Y:
    """A YAML value with its position: `value` is a str, a list of Y, a dict of str -> Y, or None."""

    value: Union[str, list["Y"], dict[str, "Y"], None]
    line: int
    col: int
    key_pos: dict[str, tuple[int, int]] | None = None  # mapping: where each key is written

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return isinstance(self.value, str)

    def plain(self) -> object:
        """The value without positions (strings, lists, dicts)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0


def load_yaml(path: str, text: str) -> tuple[Y | None, list[Problem]]:
    """Compose `text` into a positioned tree; problems carry path:line:col."""
    lines = text.splitlines()

    def problem(line: int, col: int, code: str, msg: str, fix: str = "") -> Problem:
        lt = lines[line - 1] if 0 < line <= len(lines) else ""
        return Problem(path, line, col, code, msg, fix, lt)

    if len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        return None, [problem(1, 1, "FB050", f"fact file larger than {MAX_FILE_BYTES} bytes",
                              "split it into several files in the same directory")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        msg = f"YAML syntax: {e.problem or e.context}"
        return None, [problem(line, col, "FB001", msg,
                              "check indentation, a missing colon or an unclosed quote or bracket "
                              "(quote regular expressions with single quotes)")]
    except yaml.YAMLError as e:
        return None, [problem(1, 1, "FB001", f"YAML error: {e}", "")]
    if node is None:
        return None, []
    problems: list[Problem] = []
    budget = _Budget()
    tree = _convert(node, problems, problem, budget)
    return tree, problems


def _convert(node: yaml.Node, problems: list[Problem], problem: object, budget: _Budget) -> Y | None:
    mk = problem  # a callable (line, col, code, msg, fix) -> Problem
    budget.nodes += 1
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if budget.nodes > MAX_NODES:
        if budget.nodes == MAX_NODES + 1:
            problems.append(mk(line, col, "FB003",  # type: ignore[operator]
                               f"the file expands to more than {MAX_NODES} values (alias bomb?)",
                               "remove anchors and aliases (&name / *name); write values out"))
        return None
    if node.tag not in _SAFE_TAGS:
        problems.append(mk(line, col, "FB002", f"tag {node.tag!r} is not allowed",  # type: ignore[operator]
                           "remove the tag: fact files hold plain strings, lists and mappings"))
        return None
    if isinstance(node, yaml.ScalarNode):
        return Y(None if node.tag.endswith(":null") and node.value in ("", "~", "null", "Null", "NULL")
                 else str(node.value), line, col)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(n, problems, problem, budget) for n in node.value]
        return Y([i for i in items if i is not None], line, col)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Y] = {}
        kpos: dict[str, tuple[int, int]] = {}
        for k, v in node.value:
            kl, kc = k.start_mark.line + 1, k.start_mark.column + 1
            if not isinstance(k, yaml.ScalarNode):
                problems.append(mk(kl, kc, "FB012", "a key must be a plain word",  # type: ignore[operator]
                                   "write `key: value`"))
                continue
            if k.value in out:
                problems.append(mk(kl, kc, "FB014", f"key {k.value!r} is given twice in this mapping",  # type: ignore[operator]
                                   "keep one of them"))
                continue
            cv = _convert(v, problems, problem, budget)
            if cv is not None:
                out[str(k.value)] = cv
                kpos[str(k.value)] = (kl, kc)
        return Y(out, line, col, kpos)
    return None
