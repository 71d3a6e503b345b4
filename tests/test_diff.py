"""`factcheck diff OLD.json NEW.json` (issue 12): what changed per source and fact, as a table and as
JSON; exit 1 on a new contradiction, 0 otherwise, 2 for usage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
FACTS = str(ROOT / "facts")
S0 = "000_3cc3693bd4ee27e1"


def _f(source: str, fact: str, verdict: str, *values: str) -> dict[str, Any]:
    return {"source": source, "fact": fact, "verdict": verdict, "expected": "",
            "mentions": [{"text": f"q:{v}", "value": v, "verdict": verdict} for v in values]}


def _report(path: Path, findings: list[dict[str, Any]], errors: list[dict[str, str]] | None = None) -> str:
    sources = sorted({f["source"] for f in findings})
    facts = list(dict.fromkeys(f["fact"] for f in findings))
    path.write_text(json.dumps({"format_version": 2, "findings": findings,
                                "sources": [{"id": s, "path": f"c/{s}.txt"} for s in sources],
                                "facts": [{"id": f} for f in facts], "errors": errors or []}))
    return str(path)


def _diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    rc = main(["diff", *args])
    return rc, capsys.readouterr().out


def _json(capsys: pytest.CaptureFixture[str], old: str, new: str) -> tuple[int, dict[str, Any]]:
    rc, out = _diff(capsys, old, new, "--format", "json")
    return rc, json.loads(out)


def test_every_kind_of_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _report(tmp_path / "old.json", [
        _f("a", "d", "agree", "2h"), _f("a", "n", "contradict", "Brinken"), _f("a", "m", "omit"),
        _f("a", "k", "agree", "9"), _f("a", "u", "agree", "x"), _f("a", "v", "contradict", "3h"),
        _f("gone", "d", "agree", "2h"), _f("gone", "n", "agree", "Blinken"), _f("gone", "m", "omit"),
        _f("gone", "k", "omit"), _f("gone", "u", "omit"), _f("gone", "v", "omit"),
    ])
    new = _report(tmp_path / "new.json", [
        _f("a", "d", "contradict", "7h"), _f("a", "n", "agree", "Blinken"), _f("a", "m", "agree", "5"),
        _f("a", "k", "omit"), _f("a", "u", "unclear", "y"), _f("a", "v", "contradict", "7h"),
        _f("added", "d", "contradict", "1h"), _f("added", "n", "omit"), _f("added", "m", "omit"),
        _f("added", "k", "omit"), _f("added", "u", "omit"), _f("added", "v", "omit"),
    ])
    rc, data = _json(capsys, old, new)
    assert rc == 1 and data["fails"]
    got = {(c["source"], c["fact"], c["change"]) for c in data["changes"]}
    assert got == {
        ("a", "d", "new contradiction"), ("a", "n", "fixed"), ("a", "m", "newly stated"),
        ("a", "k", "no longer stated"), ("a", "u", "verdict changed"), ("a", "v", "value changed"),
        ("added", None, "source added"), ("added", "d", "new contradiction"), ("gone", None, "source removed"),
    }
    v = next(c for c in data["changes"] if c["fact"] == "v")
    assert v["old"] == {"verdict": "contradict", "values": ["3h"], "quotes": ["q:3h"]} and v["fails"]
    assert data["counts"]["new contradiction"] == 2 and data["counts"]["source removed"] == 1
    # listed by kind of change first
    assert [c["change"] for c in data["changes"]][:3] == ["new contradiction"] * 2 + ["value changed"]

    rc, out = _diff(capsys, old, new)
    assert rc == 1
    assert out.splitlines()[0].split() == ["change", "source", "fact", "old", "new", "detail"]
    assert "new contradiction  a" in out and 'agree "q:2h"' in out and 'contradict "q:7h"' in out
    assert out.rstrip().splitlines()[-1].startswith("9 changes: 2 new contradiction, 1 value changed, 1 fixed")


def test_no_new_contradiction_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _report(tmp_path / "old.json", [_f("a", "n", "contradict", "Brinken"), _f("a", "d", "agree", "2h")])
    new = _report(tmp_path / "new.json", [_f("a", "n", "agree", "Blinken"), _f("a", "d", "agree", "2h")])
    assert _diff(capsys, old, new)[0] == 0
    rc, out = _diff(capsys, old, old)
    assert rc == 0 and out == "0 changes: the reports agree\n"
    # an agreeing value read differently is no change; an unclear one that changes value is
    new2 = _report(tmp_path / "new2.json", [_f("a", "n", "contradict", "Brinken"), _f("a", "d", "agree", "121m")])
    assert _json(capsys, old, new2) == (0, _json(capsys, old, old)[1] | {"new": str(tmp_path / "new2.json")})


def test_facts_in_one_report_only_are_named_not_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _report(tmp_path / "old.json", [_f("a", "n", "agree", "x"), _f("a", "old_fact", "contradict", "y")])
    new = _report(tmp_path / "new.json", [_f("a", "n", "agree", "x"), _f("a", "new_fact", "contradict", "y")])
    rc, data = _json(capsys, old, new)
    assert rc == 0 and data["changes"] == []
    assert data["facts_added"] == ["new_fact"] and data["facts_removed"] == ["old_fact"]
    rc, out = _diff(capsys, old, new)
    assert "facts only in the new report (not compared): new_fact" in out


def test_unreadable_source_counts_as_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _report(tmp_path / "old.json", [_f("a", "n", "agree", "x"), _f("b", "n", "agree", "x")])
    new = _report(tmp_path / "new.json", [_f("a", "n", "agree", "x")],
                  errors=[{"id": "b", "path": "c/b.txt", "reason": "binary file, not text"}])
    rc, data = _json(capsys, old, new)
    assert rc == 0
    assert data["changes"] == [{"source": "b", "fact": None, "change": "source removed", "old": None, "new": None,
                                "detail": "unreadable now: binary file, not text", "fails": False}]


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _report(tmp_path / "good.json", [_f("a", "n", "agree", "x")])
    assert main(["diff", good, str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{not json")
    assert main(["diff", str(tmp_path / "bad.json"), good]) == 2
    (tmp_path / "other.json").write_text('{"entries": []}')
    assert main(["diff", good, str(tmp_path / "other.json")]) == 2
    assert "not a factcheck JSON report" in capsys.readouterr().err
    (tmp_path / "broken.json").write_text('{"format_version": 2, "findings": [{"source": 1}]}')
    assert main(["diff", good, str(tmp_path / "broken.json")]) == 2
    assert main(["diff", good]) == 2
    assert main(["diff", good, good, "--format", "xml"]) == 2


def test_two_real_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The seeds, then one seed edited: a new contradiction and a fix, from real reports."""
    corpus = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", corpus)
    old, new = str(tmp_path / "old.json"), str(tmp_path / "new.json")
    assert main(["check", str(corpus), "--facts", FACTS, "--output", old, "-q"]) == 1
    seed = corpus / f"{S0}.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("held two-hour talks", "held seven-hour talks").replace("Anthony Brinken",
                                                                                      "Antony Blinken"),
                    encoding="utf-8")
    assert main(["check", str(corpus), "--facts", FACTS, "--output", new, "-q"]) == 1
    capsys.readouterr()
    rc, data = _json(capsys, old, new)
    assert rc == 1
    assert {(c["fact"], c["change"]) for c in data["changes"]} == {
        ("summit.duration", "new contradiction"), ("person.blinken", "fixed")}
    duration = next(c for c in data["changes"] if c["fact"] == "summit.duration")
    assert duration["new"]["quotes"] == ["seven-hour"] and "two-hour" in duration["old"]["quotes"]
    assert main(["diff", new, new]) == 0
