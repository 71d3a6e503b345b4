"""Errors with positions: every problem in a fact file says file:line:col, what and how to fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    col: int  # 1-based
    code: str  # stable code, e.g. FB010
    message: str
    fix: str = ""
    line_text: str = ""

    def render(self) -> str:
        out = f"{self.file}:{self.line}:{self.col}: {self.code}: {self.message}"
        if self.line_text:
            # the caret under the column, tabs kept so that it lines up whatever the tab width
            pad = "".join("\t" if ch == "\t" else " " for ch in self.line_text[: max(0, self.col - 1)])
            pad += " " * max(0, self.col - 1 - len(self.line_text))
            out += f"\n    {self.line_text}\n    {pad}^"
        if self.fix:
            out += f"\n    fix: {self.fix}"
        return out


class FactBaseError(Exception):
    """The fact base could not be loaded; `problems` lists every mistake found in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))


class FactValueError(ValueError):
    """A kind could not parse a value; `fix` says how to write it."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.fix = fix
