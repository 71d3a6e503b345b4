"""The baseline that remembers values (issue 12): entries keyed by a source identity that does not
depend on the order of the corpus arguments and by the fact, with the verdict, the value read and its
quote; the old format still read; `factcheck check --baseline/--update-baseline/--strict-baseline`;
the pytest plugin sharing it; and the progress bar, which never changes stdout or a file."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.model import Finding, Mention
from factcheck.progress import count_sources, progress_bar
from factcheck.pytest_support.baseline import FORMAT, Baseline, BaselineError, Entry, load_baseline, reads

ROOT = Path(__file__).resolve().parents[1]
FACTS = str(ROOT / "facts")
S0, S2 = "000_3cc3693bd4ee27e1", "002_716ac14c5b8b7321"


def _mention(text: str, value: object, verdict: str = "contradict") -> Mention:
    return Mention(text=text, start=0, end=len(text), line=1, col=1, value=value, verdict=verdict,  # type: ignore[arg-type]
                   rule="r")


def _finding(verdict: str, *values: str, fact: str = "summit.duration") -> Finding:
    return Finding(source="s", fact=fact, verdict=verdict,  # type: ignore[arg-type]
                   mentions=tuple(_mention(v, v, verdict) for v in values))  # type: ignore[arg-type]


# --- the model ------------------------------------------------------------------------------------


def test_a_different_wrong_value_is_new() -> None:
    b = Baseline([Entry("s", "summit.duration", "contradict", read=(("three hours", "three hours"),))])
    assert b.judge("s", _finding("contradict", "three hours"), "contradict").status == "known"
    changed = b.judge("s", _finding("contradict", "seven hours"), "contradict")
    assert changed.status == "changed"
    assert "'three hours'" in changed.note("b.json", "contradict") and "'seven hours'" in changed.note("b.json",
                                                                                                       "contradict")
    # one more wrong value next to the recorded one is new as well
    assert b.judge("s", _finding("contradict", "three hours", "seven hours"), "contradict").status == "changed"
    assert b.judge("s", _finding("agree", "two hours"), None).status == "fixed"
    assert b.judge("other", _finding("contradict", "three hours"), "contradict").status == "new"
    assert b.judge(None, _finding("contradict", "three hours"), "contradict").status == "new"


def test_reads_are_the_distinct_decisive_values_with_their_first_quote() -> None:
    f = Finding("s", "person.horne", "contradict", mentions=(
        _mention("Emily Horn", "Emily Horn"), _mention("Horn", "Horn"), _mention("Ms Horn", "Horn"),
        _mention("Emily Horne", "Emily Horne", "agree")))
    assert reads(f) == (("Emily Horn", "Emily Horn"), ("Horn", "Horn"))
    dict_value = Finding("s", "d", "contradict", mentions=(_mention("seven hours", {"minutes": 420.0}),))
    assert reads(dict_value) == (('{"minutes": 420.0}', "seven hours"),)


def test_old_format_is_migrated_on_load(tmp_path: Path) -> None:
    old = tmp_path / "factcheck-baseline.json"
    old.write_text(json.dumps({"comment": "x", "entries": [
        {"source": "s", "fact": "summit.duration", "verdict": "contradict", "note": "wire typo"}]}))
    b = load_baseline(old, "old")
    assert b.migrated
    e = b.entries[("s", "summit.duration", "contradict")]
    assert e.read is None and e.note == "wire typo" and e.path == ""
    # no value recorded: any value of the recorded verdict is known (as before)
    assert b.judge("s", _finding("contradict", "seven hours"), "contradict").status == "known"
    # the next update writes the new format, values included, and keeps the note
    new = b.updated({("s", "summit.duration", "contradict")}, {("s", "summit.duration")}, True,
                    read={("s", "summit.duration"): (("seven hours", "seven hours"),)})
    new.write(old)
    data = json.loads(old.read_text())
    assert data["format"] == FORMAT
    assert data["entries"] == [{"source": "s", "fact": "summit.duration", "verdict": "contradict",
                                "value": "seven hours", "quote": "seven hours", "note": "wire typo"}]
    again = load_baseline(old, "new")
    assert not again.migrated and again.entries == new.entries


@pytest.mark.parametrize("body, message", [
    ({"format": 3, "entries": []}, "format 3"),
    ({"format": 2, "entries": [{"source": "s", "fact": "f", "verdict": "contradict", "quote": "q"}]}, "need a value"),
    ({"format": 2, "entries": [{"source": "s", "fact": "f", "verdict": "contradict", "value": 3}]}, "strings"),
    ({"format": 2, "entries": [{"source": "s", "fact": "f", "verdict": "agree"}]}, "not one of"),
    ({"format": 1, "entries": [{"source": "s", "fact": "f", "verdict": "omit", "value": "x"}]}, "unknown key"),
])
def test_bad_baselines_are_refused(tmp_path: Path, body: object, message: str) -> None:
    p = tmp_path / "b.json"
    p.write_text(json.dumps(body))
    with pytest.raises(BaselineError, match=message):
        load_baseline(p, "b.json")


def test_source_identity_does_not_depend_on_argument_order(tmp_path: Path) -> None:
    b = Baseline([Entry("x", "f", "contradict", path="a/x.txt"), Entry("b/x", "f", "contradict", path="b/x.txt"),
                  Entry("feed1", "f", "contradict")], path=tmp_path / "b.json")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, bb = str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")
    assert b.resolve([("x", a), ("b/x", bb)]) == {"x": "x", "b/x": "b/x"}
    # the other order: b/x.txt is read first and gets the id "x"
    assert b.resolve([("x", bb), ("a/x", a)]) == {"x": "b/x", "a/x": "x"}
    # a JSONL article is known by its id; a source whose id another path claims gets no entry
    assert b.resolve([("feed1", str(tmp_path / "feed.jsonl")), ("x", bb)]) == {"feed1": "feed1", "x": "b/x"}
    assert b.resolve([("x", bb), ("b/x", str(tmp_path / "c" / "x.txt"))])["b/x"] is None


# --- factcheck check --baseline ----------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "seeds"


def _check(corpus: Path, baseline: Path, *args: str) -> int:
    return main(["check", str(corpus), "--facts", FACTS, "--baseline", str(baseline), "--output", "-", *args])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_cli_gate_with_a_baseline(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    b = tmp_path / "ci" / "baseline.json"
    assert main(["check", str(corpus), "--facts", FACTS, "--output", str(tmp_path / "r.json"), "-q"]) == 1
    assert _check(corpus, b, "--update-baseline", "--format", "line") == 0
    first = b.read_text()
    entries = json.loads(first)["entries"]
    assert {(e["source"], e["fact"]) for e in entries} == {
        (S0, "person.blinken"), (S2, "person.blinken"), (S2, "person.horne"), ("003_bc7be48bc935a77c",
                                                                            "person.zelenskyy")}
    blinken = next(e for e in entries if e["source"] == S0)
    assert blinken == {"source": S0, "path": f"../seeds/{S0}.txt", "fact": "person.blinken",
                       "verdict": "contradict", "value": "Anthony Brinken", "quote": "Anthony Brinken"}
    assert _check(corpus, b, "--update-baseline", "-q") == 0
    assert b.read_text() == first  # deterministic
    capsys.readouterr()

    # the bar of the issue: known discrepancies pass the gate ...
    assert _check(corpus, b, "--fail-on", "contradict") == 0
    out = capsys.readouterr().out
    assert "new contradictions (0):" in out and "known (baseline) (4):" in out
    assert "fixed since the baseline (0):" in out
    assert "baseline " in out and "0 new, 4 known, 0 fixed, 0 stale" in out

    # ... one edit of a seed that makes a new contradiction fails it
    _edit(corpus / f"{S0}.txt", "Jen Psaki", "Jen Psakie")
    assert _check(corpus, b, "--fail-on", "contradict") == 1
    out = capsys.readouterr().out
    new = out.split("new contradictions (1):\n")[1].split("\n\n")[0].splitlines()
    assert len(new) == 1 and "person.psaki: CONTRADICT" in new[0] and '"Jen Psakie"' in new[0]
    assert "known (baseline) (4):" in out

    # a different wrong value for a recorded pair is new, and says what was recorded
    _edit(corpus / f"{S0}.txt", "Jen Psakie", "Jen Psaki")
    _edit(corpus / f"{S0}.txt", "Anthony Brinken", "Tony Brinken")
    assert _check(corpus, b) == 1
    out = capsys.readouterr().out
    new = out.split("new contradictions (1):\n")[1].split("\n\n")[0].splitlines()
    assert '"Tony Brinken"' in new[0] and "the baseline records the value 'Anthony Brinken'" in new[0]

    # fixed: reported apart, passes the gate, fails under --strict-baseline
    _edit(corpus / f"{S0}.txt", "Tony Brinken", "Antony Blinken")
    assert _check(corpus, b) == 0
    out = capsys.readouterr().out
    assert "fixed since the baseline (1):" in out and f"{S0}.txt: person.blinken: FIXED" in out
    assert _check(corpus, b, "--strict-baseline") == 1
    assert "--strict-baseline" in capsys.readouterr().err


def test_stale_entries_are_listed_and_fail_when_strict(corpus: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    b = tmp_path / "b.json"
    assert _check(corpus, b, "--update-baseline", "-q") == 0
    data = json.loads(b.read_text())
    data["entries"].append({"source": "999_gone", "path": "seeds/999_gone.txt", "fact": "person.blinken",
                            "verdict": "contradict", "value": "X", "quote": "X"})
    b.write_text(json.dumps(data))
    capsys.readouterr()
    assert _check(corpus, b, "--format", "markdown") == 0
    out = capsys.readouterr().out
    assert "## stale baseline entries (1)" in out and "999\\_gone :: person.blinken (contradict)" in out
    assert "## known (baseline) (4)" in out
    assert _check(corpus, b, "--strict-baseline") == 1
    # a narrowed run does not look for stale entries
    capsys.readouterr()
    assert _check(corpus, b, "--strict-baseline", "--fact", "person.*") == 0
    assert "stale entries not looked for" in capsys.readouterr().out


def test_line_output_lists_each_finding_once(corpus: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    b = tmp_path / "b.json"
    assert _check(corpus, b, "--update-baseline", "-q") == 0
    capsys.readouterr()
    _edit(corpus / f"{S0}.txt", "Jen Psaki", "Jen Psakie")
    assert _check(corpus, b, "--format", "line") == 1
    lines = capsys.readouterr().out.splitlines()
    assert [ln for ln in lines if ln.startswith("# ")][:3] == [
        "# new contradictions (1)", "# known (baseline) (4)", "# fixed since the baseline (0)"]
    findings = [ln for ln in lines if not ln.startswith("# ")]
    assert len(findings) == len(set(findings))
    assert sum("CONTRADICT" in ln for ln in findings) == 5


def test_baseline_usage_errors(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(corpus, tmp_path / "missing.json") == 2
    assert "no such file (create it with --update-baseline)" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{")
    assert _check(corpus, tmp_path / "bad.json") == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["check", str(corpus), "--facts", FACTS, "--strict-baseline", "--output", "-"]) == 2
    assert _check(corpus, Path(FACTS) / "people.yaml", "--update-baseline") == 2  # never over a fact file


def test_old_format_baseline_keeps_working_in_the_cli(corpus: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"comment": "old", "entries": [
        {"source": S0, "fact": "person.blinken", "verdict": "contradict"},
        {"source": S2, "fact": "person.blinken", "verdict": "contradict"},
        {"source": S2, "fact": "person.horne", "verdict": "contradict"},
        {"source": "003_bc7be48bc935a77c", "fact": "person.zelenskyy", "verdict": "contradict"}]}))
    assert _check(corpus, b) == 0
    assert "old format" in capsys.readouterr().err
    assert _check(corpus, b, "--update-baseline", "-q") == 0
    assert json.loads(b.read_text())["format"] == FORMAT


def test_argument_order_does_not_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two files named x.txt: the one read second gets another id. The baseline still knows both."""
    for d, seed in (("a", S0), ("b", S2)):
        (tmp_path / d).mkdir()
        shutil.copy(ROOT / "seeds" / f"{seed}.txt", tmp_path / d / "x.txt")
    b = tmp_path / "b.json"
    a_dir, b_dir = str(tmp_path / "a"), str(tmp_path / "b")
    base = ["check", "--facts", FACTS, "--baseline", str(b), "--output", "-", "-q"]
    assert main([*base, a_dir, b_dir, "--update-baseline"]) == 0
    capsys.readouterr()
    assert main([*base, b_dir, a_dir]) == 0
    out = capsys.readouterr().out
    assert "0 new, 3 known, 0 fixed, 0 stale" in out


# --- the pytest plugin shares it -------------------------------------------------------------------

pytest_plugins = ["pytester"]


def test_plugin_fails_a_different_wrong_value(pytester: pytest.Pytester) -> None:
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    (pytester.path / "seeds").mkdir()
    seed = pytester.path / "seeds" / f"{S0}.txt"
    shutil.copy(ROOT / "seeds" / seed.name, seed)
    node = f"seeds/{seed.name}::person.blinken"
    args = ["-p", "no:randomly", "--corpus", "seeds", "-k", "person.blinken", "-rx"]
    # the old format keeps working: the recorded pair xfails
    (pytester.path / "factcheck-baseline.json").write_text(json.dumps({"entries": [
        {"source": S0, "fact": "person.blinken", "verdict": "contradict"}]}))
    result = pytester.runpytest(*args)
    result.stdout.fnmatch_lines([f"XFAIL {node} - known contradict*"])
    assert result.ret == 0
    # updating writes the value; another wrong value then fails, naming the recorded one
    assert pytester.runpytest("-p", "no:randomly", "--corpus", "seeds", "--factcheck-update-baseline").ret == 0
    data = json.loads((pytester.path / "factcheck-baseline.json").read_text())
    assert data["format"] == FORMAT
    assert data["entries"][0]["value"] == "Anthony Brinken" and data["entries"][0]["path"] == f"seeds/{seed.name}"
    _edit(seed, "Anthony Brinken", "Tony Brinken")
    result = pytester.runpytest(*args)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*records this pair as contradict with the value 'Anthony Brinken'*"])


def test_plugin_strict_baseline_fails_on_stale_entries(pytester: pytest.Pytester) -> None:
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    (pytester.path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "001_84e76b6fa355d121.txt", pytester.path / "seeds")
    (pytester.path / "factcheck-baseline.json").write_text(json.dumps({"format": 2, "entries": [
        {"source": "999_gone", "fact": "person.blinken", "verdict": "contradict"}]}))
    assert pytester.runpytest("-p", "no:randomly", "--corpus", "seeds").ret == 0
    result = pytester.runpytest("-p", "no:randomly", "--corpus", "seeds", "--strict-baseline")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*1 stale baseline entry*", "*999_gone :: person.blinken*"])


# --- progress -------------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def many(tmp_path: Path) -> Path:
    d = tmp_path / "many"
    d.mkdir()
    for n in range(24):
        (d / f"a{n:02}.txt").write_text(f"Biden and Putin spoke for two hours on Tuesday. Item {n}.\n")
    return d


def test_progress_only_on_a_terminal_and_not_quiet(many: Path, tmp_path: Path) -> None:
    assert count_sources([str(many)]) == 24
    (tmp_path / "feed.jsonl").write_text('{"id": "1", "text": "a"}\n\n{"id": "2", "text": "b"}\n')
    assert count_sources([str(tmp_path / "feed.jsonl")]) == 2
    with progress_bar([str(many)], stream=io.StringIO()) as p:
        assert p is None  # not a terminal
    with progress_bar([str(many)], stream=_Tty(), quiet=True) as p:
        assert p is None
    with progress_bar([str(many)], stream=_Tty(), threshold=30) as p:
        assert p is None  # a small run
    tty = _Tty()
    with progress_bar([str(many)], stream=tty) as p:
        assert p is not None
        for n in range(1, 25):
            p(n)
    assert "/24" in tty.getvalue() and "source/s" in tty.getvalue()


def test_progress_changes_no_output(many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def run(*extra: str) -> tuple[str, str, bytes]:
        reports = tmp_path / "reports"
        tty = _Tty()
        monkeypatch.setattr(sys, "stderr", tty)
        rc = main(["check", str(many), "--facts", FACTS, "--reports", str(reports), *extra])
        monkeypatch.undo()
        assert rc in (0, 1)
        return capsys.readouterr().out, tty.getvalue(), (reports / "consistency.json").read_bytes()

    out, err, report = run()
    assert "factcheck:" in err and "source/s" in err and "/24" in err  # the bar was drawn
    out_q, err_q, report_q = run("-q")
    assert err_q == "" and out_q == out and report_q == report


def test_plugin_reports_keep_new_and_known_apart(pytester: pytest.Pytester) -> None:
    """Issue 12 item 5: the plugin's own consistency.md/.json (a full run) carry the baseline
    sections, as `factcheck check --baseline` does."""
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    shutil.copytree(ROOT / "seeds", pytester.path / "seeds")
    assert pytester.runpytest("-p", "no:randomly", "--corpus", "seeds", "--factcheck-update-baseline").ret == 0
    _edit(pytester.path / "seeds" / f"{S0}.txt", "Jen Psaki", "Jen Psakie")
    assert pytester.runpytest("-p", "no:randomly", "--corpus", "seeds").ret == 1
    reports = pytester.path / "reports" / "seeds"
    if not reports.is_dir():
        reports = pytester.path / "reports"
    data = json.loads((reports / "consistency.json").read_text())
    assert data["baseline"]["counts"]["new"] == 1 and data["baseline"]["counts"]["known"] == 4
    assert "new contradictions" in (reports / "consistency.md").read_text().lower()
