"""docs/facts.md says of its "Kinds by example" that each file passes `factcheck lint`: every block
marked `<!-- kind: NAME -->` is loaded as a fact base, with no problem, and holds a fact of that kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.factbase.load import load_with_problems
from factcheck.kinds import KINDS

DOC = Path(__file__).resolve().parents[1] / "docs" / "facts.md"
BLOCKS = re.findall(r"<!-- kind: (\w+) -->\n```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_every_kind_has_an_example() -> None:
    assert {k for k, _ in BLOCKS} == set(KINDS)


@pytest.mark.parametrize("kind, block", BLOCKS, ids=[k for k, _ in BLOCKS])
def test_example_loads_without_problems(kind: str, block: str, tmp_path: Path) -> None:
    (tmp_path / "example.yaml").write_text(block, encoding="utf-8")
    fb, problems = load_with_problems(tmp_path)
    assert problems == [], "\n".join(p.render() for p in problems)
    assert fb is not None and any(f.kind == kind for f in fb.facts)


def test_kind_row_names_every_kind() -> None:
    """The fact table's `kind` row lists every kind a fact may have (a new user missed `outcome` there)."""
    row = next(line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `kind` |"))
    assert {k for k in KINDS if f"`{k}`" not in row} == set()
