"""`factcheck check` as a CI gate: --fail-on, the line and jsonl formats, --fact/--kind/--source
filters, --version, and reports that are byte-identical from one run to the next."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from factcheck import __version__
from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
FACTS = str(ROOT / "facts")
# in the seeds: 000 and 003 contradict one name each, 002 two names; 001 agrees or omits everything
CONTRADICTING = {"person.blinken", "person.horne", "person.zelenskyy"}
LINE = re.compile(r"^(?P<path>[^:]+)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<fact>[\w.]+): "
                  r"(?P<verdict>AGREE|CONTRADICT|UNCLEAR|OMIT|UNREADABLE): (?P<message>.+)$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus one source that cannot be read."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    (root / "seeds" / "broken.txt").write_bytes(b"\x00\x01binary\xff" * 10)
    return root / "seeds"


def check(corpus: Path, *args: str) -> int:
    return main(["check", str(corpus), "--facts", FACTS, *args])


def stdout_of(capsys: pytest.CaptureFixture[str], corpus: Path, *args: str) -> tuple[int, str]:
    rc = check(corpus, "--output", "-", *args)
    return rc, capsys.readouterr().out


def seeds(*args: str) -> int:
    return main(["check", str(ROOT / "seeds"), "--facts", FACTS, *args])


# --- exit codes ----------------------------------------------------------------------------------


def test_default_gate_is_contradict(tmp_path: Path) -> None:
    out = str(tmp_path / "r.json")
    assert seeds("--output", out) == 1
    assert seeds("--output", out, "--fail-on", "contradict") == 1
    assert seeds("--output", out, "--fact", "summit.*") == 0  # no summit fact is contradicted
    assert seeds("--output", out, "--fact", "summit.*", "--fail-on", "omit") == 1  # some source omits one
    assert seeds("--output", out, "--fact", "summit.*", "--fail-on", "unclear", "--fail-on", "contradict") == 0
    # --fail-on replaces the default: gating on unclear alone ignores contradictions
    assert seeds("--output", out, "--fail-on", "unclear") == 0


def test_unreadable_sources_exit_3_when_nothing_fails(corpus: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "r.json")
    assert check(corpus, "--output", out) == 1  # a contradiction wins
    assert check(corpus, "--output", out, "--fact", "summit.*") == 3
    assert check(corpus, "--output", out, "--source", "001_*") == 0  # the broken source is filtered out


def test_bad_gate_or_a_filter_matching_nothing_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "r.json")
    assert seeds("--output", out, "--fail-on", "agree") == 2
    assert seeds("--output", out, "--fact", "no.such.*") == 2
    assert "no fact matches --fact no.such.*" in capsys.readouterr().err
    assert seeds("--output", out, "--kind", "colour") == 2
    assert seeds("--output", out, "--source", "nobody") == 2
    assert "no source matches --source nobody" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"factcheck {__version__}"


# --- filters -------------------------------------------------------------------------------------


def test_filters_restrict_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = stdout_of(capsys, ROOT / "seeds", "--format", "json", "--kind", "name", "--fact", "person.*",
                        "--source", "*/00[01]_*")
    data = json.loads(out)
    assert rc == 1
    assert {f["kind"] for f in data["facts"]} == {"name"}
    assert all(f["id"].startswith("person.") for f in data["facts"])
    assert [s["id"][:3] for s in data["sources"]] == ["000", "001"]  # matched by path
    assert data["totals"]["findings"] == 2 * len(data["facts"])
    # several patterns: any may match
    rc, out = stdout_of(capsys, ROOT / "seeds", "--format", "jsonl", "--fact", "summit.date", "--fact", "*.year")
    facts = {json.loads(ln)["fact"] for ln in out.splitlines()}
    assert "summit.date" in facts and all(f == "summit.date" or f.endswith(".year") for f in facts)


# --- line and jsonl ------------------------------------------------------------------------------


def test_line_format_is_one_greppable_finding_a_line(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = stdout_of(capsys, corpus, "--format", "line")
    assert rc == 1
    lines = out.splitlines()
    parsed = [LINE.match(ln) for ln in lines]
    assert all(parsed), [ln for ln, m in zip(lines, parsed) if not m]
    verdicts = [m["verdict"] for m in parsed if m]
    assert "AGREE" not in verdicts
    assert verdicts.count("UNREADABLE") == 1
    contradictions = [m for m in parsed if m and m["verdict"] == "CONTRADICT"]
    assert {m["fact"] for m in contradictions} == CONTRADICTING
    for m in contradictions:  # located at the quote: path:line:col, the path is the file read
        assert m["line"] and m["col"] and Path(m["path"]).is_file()
        assert "expected" in m["message"] and "found" in m["message"]
    blinken = next(m for m in contradictions if m["fact"] == "person.blinken")
    assert blinken["message"].startswith('expected Antony Blinken, found "Anthony Brinken"')
    assert any(m and m["verdict"] == "OMIT" and m["line"] is None for m in parsed)

    rc, verbose = stdout_of(capsys, corpus, "--format", "line", "-v")
    assert rc == 1
    agree = [ln for ln in verbose.splitlines() if ": AGREE: " in ln]
    assert agree and all(LINE.match(ln) for ln in agree)
    assert len(verbose.splitlines()) == len(lines) + len(agree)


def test_jsonl_is_one_object_a_finding(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = stdout_of(capsys, corpus, "--format", "jsonl")
    assert rc == 1
    rows = [json.loads(ln) for ln in out.split("\n") if ln]
    assert len(out.splitlines()) == len(rows)  # no object spans lines, even for Python's splitlines
    findings = [r for r in rows if r["verdict"] != "unreadable"]
    assert len(findings) == 5 * 37
    assert list(findings[0]) == ["source", "path", "fact", "kind", "verdict", "expected", "mentions"]
    [bad] = [r for r in rows if r["verdict"] == "unreadable"]
    assert bad["source"] == "broken" and bad["reason"]
    contradicting = {r["fact"] for r in findings if r["verdict"] == "contradict"}
    assert contradicting == CONTRADICTING


def test_jsonl_escapes_line_separators() -> None:
    from factcheck.model import Finding, Mention, Source, SourceResult
    from factcheck.report import FactInfo, build_report, render

    m = Mention("a\u2028b\x85c", 0, 5, 1, 1, "x", "agree", "r", sentence="s\u2029t\nu")
    rep = build_report([SourceResult(Source("s", ""), (Finding("s", "f.x", "agree", (m,)),))], [],
                       [FactInfo("f.x", "name", "x", "f.yaml:1")])
    out = render(rep, "jsonl")
    assert len(out.splitlines()) == 1
    assert json.loads(out)["mentions"][0]["text"] == "a\u2028b\x85c"


@pytest.mark.parametrize(("name", "start"), [("r.html", "<!DOCTYPE html>"), ("r.jsonl", '{"source": ')])
def test_output_format_follows_the_new_names(tmp_path: Path, name: str, start: str) -> None:
    assert seeds("--output", str(tmp_path / name)) == 1
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


# --- reproducible reports ------------------------------------------------------------------------


def test_reports_are_byte_identical_and_carry_no_clock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one, two = tmp_path / "one", tmp_path / "two"
    assert seeds("--reports", str(one)) == 1
    assert seeds("--reports", str(two)) == 1
    capsys.readouterr()
    for name in ("consistency.md", "consistency.json", "consistency.html"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    data = json.loads((one / "consistency.json").read_text(encoding="utf-8"))
    assert list(data)[:2] == ["format_version", "tool"] and "generated_at" not in data
    assert data["format_version"] == 2
    assert data["tool"] == {"name": "factcheck", "version": __version__}
    for fact in data["facts"]:  # per-fact counts: one per readable source
        assert list(fact["counts"]) == ["agree", "contradict", "unclear", "omit"]
        assert sum(fact["counts"].values()) == len(data["sources"])
    assert sum(f["counts"]["contradict"] for f in data["facts"]) == data["totals"]["contradict"]

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1638835200")
    rc, out = stdout_of(capsys, ROOT / "seeds", "--format", "json")
    data = json.loads(out)
    assert list(data)[:3] == ["format_version", "tool", "generated_at"]
    assert data["generated_at"] == "2021-12-07T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    rc, out = stdout_of(capsys, ROOT / "seeds", "--format", "json")
    assert "generated_at" not in json.loads(out)


def _with_severity(tmp_path: Path, facts: set[str], severity: str) -> Path:
    """A copy of the shipped base with `severity:` written under each fact id of `facts`."""
    out = tmp_path / "facts"
    shutil.copytree(ROOT / "facts", out)
    for path in out.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for fid in facts:
            text = re.sub(rf"^(\s*)- id: {re.escape(fid)}\n", rf"\g<0>\g<1>  severity: {severity}\n", text, flags=re.M)
        path.write_text(text, encoding="utf-8")
    return out


def test_warning_facts_are_reported_but_never_fail_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12 item 4: per-fact `severity:`. The seeds' three contradicted facts as warnings: the gate
    passes, the report still shows the contradictions and says the severity; one of them back to
    error fails it again."""
    base = _with_severity(tmp_path, CONTRADICTING, "warning")
    args = ["check", str(ROOT / "seeds"), "--facts", str(base), "--output", "-", "--format", "json"]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    sev = {f["id"]: f["severity"] for f in doc["facts"]}
    assert {sev[f] for f in CONTRADICTING} == {"warning"} and sev["summit.date"] == "error"
    assert sum(f["counts"]["contradict"] for f in doc["facts"] if f["id"] in CONTRADICTING) == 4
    base2 = _with_severity(tmp_path / "b", CONTRADICTING - {"person.horne"}, "info")
    assert main(["check", str(ROOT / "seeds"), "--facts", str(base2), "--output", str(tmp_path / "r.json")]) == 1


def test_a_bad_severity_is_a_lint_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = _with_severity(tmp_path, {"summit.date"}, "fatal")
    assert main(["lint", "--facts", str(base)]) == 1  # lint: 1 = problems found
    assert "FB020: unknown severity 'fatal'" in capsys.readouterr().out
