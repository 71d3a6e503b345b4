"""Large fact bases load fast (issue 13 item 7): libyaml's loader where PyYAML has it, with the same
positioned tree and the same problems (file:line:col) as the pure-Python loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.factbase import yamlpos
from factcheck.factbase.yamlpos import load_yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for d in ("facts", "examples", "tests", "factcheck/data") for p in (ROOT / d).rglob("*.yaml"))
BROKEN = {
    "tab": "facts:\n\t- id: a\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "undefined alias": "a: *nope\n",
    "missing colon": "facts:\n  - id a\n    kind: date\n",
    "unclosed quote": "a: 'open\n",
    "escape": 'a: "\\d+"\n',
    "indentation": "a:\n  b: 1\n c: 2\n",
    "NUL": "a: b\x00\n",
    "python tag": "a: !!python/object:os.system x\n",
    "merge key": "a: &x {b: 1}\nc:\n  <<: *x\n",
    "duplicate key": "a: 1\na: 2\n",
    "deep": "facts: " + "[" * 3000 + "]" * 3000 + "\n",
    "unicode columns": "name: 'Zé 😀'\nk: [é, {x: 'ü'}]\nbad: 'x\n",
    "CRLF and BOM": "\ufeffa: b\r\nc: 'é'\r\n",
    # a "?" in a plain scalar inside braces or brackets is text for both (YAML 1.2, libyaml >= 0.2.5)
    "question mark in braces": "facts:\n  - {id: a, note: about 33 crore (agree?)}\n",
    "question mark in brackets": "a: [x, (y?)]\n",
    "billion laughs": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
}


def _pure(path: str, text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as m:
        m.setattr(yamlpos, "_C_LOADER", None)
        return load_yaml(path, text)


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML without libyaml")
def test_libyaml_composes_the_fact_files() -> None:
    assert yamlpos._C_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_tree_and_positions_with_either_loader(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(str(path), text) == _pure(str(path), text, monkeypatch)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_same_problems_with_either_loader(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BROKEN[name]
    assert load_yaml("f.yaml", text) == _pure("f.yaml", text, monkeypatch)


def test_question_mark_in_flow_is_text_for_the_pure_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A note such as `{value: 119 days, note: TRUTH leaves it "agree?"}` loads without libyaml too."""
    tree, problems = _pure("f.yaml", "a: {note: about 33 crore (agree?)}\nb: [x, y?z]\n", monkeypatch)
    assert not problems and tree is not None
    assert tree.value["a"].value["note"].value == "about 33 crore (agree?)"
    assert [y.value for y in tree.value["b"].value] == ["x", "y?z"]
