"""The pytest plugin (factcheck.plugin), driven through pytester on copies of the fact base and
three seeds. Every inner run happens in pytester's temporary directory, so the real seeds never
fail this suite, and expected outcomes come from the core itself (`check`), so these tests pin
the plugin's behaviour, not the checker's current verdicts."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.corpus import read_corpus
from factcheck.factbase.load import load_factbase
from factcheck.model import Source
from factcheck.pytest_support.baseline import Baseline, Entry, load_baseline
from factcheck.pytest_support.messages import marked_sentence
from factcheck.report import render
from factcheck.runner import run

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("000_3cc3693bd4ee27e1.txt", "001_84e76b6fa355d121.txt", "002_716ac14c5b8b7321.txt")
BRINKEN = "seeds/000_3cc3693bd4ee27e1.txt::person.blinken"
OUTCOME = {"agree": "passed", "contradict": "failed", "omit": "skipped"}


def _entry_point_installed() -> bool:
    return any(ep.value == "factcheck.plugin" for ep in importlib.metadata.entry_points(group="pytest11"))


# Once the pytest11 entry point is installed, `-p factcheck.plugin` would register the module a
# second time (pytest refuses: "already registered under a different name").
PLUGIN = [] if _entry_point_installed() else ["-p", "factcheck.plugin"]

# Records every item's outcome in outcomes.json (on the xdist controller too).
OUTCOME_RECORDER = '''
import json

_OUT = {}

def pytest_configure(config):
    _OUT.clear()

def pytest_runtest_logreport(report):
    if report.when == "call" or report.outcome != "passed":
        xfail = report.skipped and getattr(report, "wasxfail", None) is not None
        _OUT[report.nodeid] = "xfailed" if xfail else report.outcome

def pytest_sessionfinish(session):
    if not hasattr(session.config, "workerinput"):
        with open("outcomes.json", "w") as fh:
            json.dump(_OUT, fh, indent=1, sort_keys=True)
'''


@pytest.fixture
def project(pytester: pytest.Pytester) -> Path:
    """pytester's directory with facts/, three seeds and the outcome recorder."""
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    (pytester.path / "seeds").mkdir()
    for name in SEEDS:
        shutil.copy(ROOT / "seeds" / name, pytester.path / "seeds" / name)
    pytester.makeconftest(OUTCOME_RECORDER)
    return pytester.path


def runpytest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*PLUGIN, "-p", "no:randomly", *args)


def outcomes(path: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads((path / "outcomes.json").read_text())
    return data


def core_verdicts(path: Path, corpus: str = "seeds") -> dict[str, str]:
    """What the core says, by the node id the plugin should use."""
    fb = load_factbase(path / "facts")
    out: dict[str, str] = {}
    for src in read_corpus([path / corpus]):
        assert isinstance(src, Source)
        rel = Path(src.path).relative_to(path).as_posix()
        for f in check(src, fb).findings:
            out[f"{rel}::{f.fact}"] = f.verdict
    return out


def expected_outcomes(path: Path) -> dict[str, str]:
    return {k: OUTCOME[v] for k, v in core_verdicts(path).items()}


# --- collection and outcomes -------------------------------------------------------------------


def test_one_item_per_source_and_fact_with_the_core_verdicts(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds")
    got = outcomes(project)
    want = expected_outcomes(project)
    assert got == want
    assert got[BRINKEN] == "failed"
    n_facts = len(load_factbase(project / "facts").facts)
    assert len(got) == len(SEEDS) * n_facts
    counts = {o: list(want.values()).count(o) for o in ("passed", "failed", "skipped")}
    result.assert_outcomes(**{k: v for k, v in counts.items() if v})
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_collect_only_node_ids(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds", "--collect-only", "-q")
    ids = [ln for ln in result.stdout.lines if "::" in ln]
    assert BRINKEN in ids
    assert ids == sorted(core_verdicts(project), key=ids.index)  # same set, corpus then fact-base order
    assert set(ids) == set(core_verdicts(project))
    assert not (project / "reports").exists()  # nothing ran, nothing written


def test_corpus_outside_testpaths_gets_the_same_node_ids(pytester: pytest.Pytester, project: Path) -> None:
    pytester.makeini("[pytest]\ntestpaths = tests\n")
    (project / "tests").mkdir()
    (project / "tests" / "test_unit.py").write_text("def test_unit():\n    pass\n")
    runpytest(pytester, "--corpus", "seeds")
    got = outcomes(project)
    assert got.pop("tests/test_unit.py::test_unit") == "passed"
    assert got == expected_outcomes(project)


def test_contradiction_failure_shows_the_evidence_without_traceback(pytester: pytest.Pytester,
                                                                    project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds", BRINKEN)
    out = result.stdout.str()
    assert outcomes(project) == {BRINKEN: "failed"}
    assert re.search(r"seeds/000_3cc3693bd4ee27e1\.txt:\d+:\d+: found \"Anthony Brinken\"", out)
    assert "expected:   Antony Blinken" in out
    assert re.search(r"defined at: facts/people\.yaml:\d+ \(kind name\)", out)
    assert "»Anthony Brinken«" in out
    assert "value read: Anthony Brinken" in out
    assert "rule:" in out
    for noise in ("Traceback", "def runtest", "plugin.py", "nodes.py", "raise ", "FactcheckFailure"):
        assert noise not in out


def test_omissions_are_skipped_with_a_reason(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds", "-rs")
    omitted = [k for k, v in core_verdicts(project).items() if v == "omit"]
    assert omitted
    fact = omitted[0].split("::")[1]
    result.stdout.re_match_lines([rf"SKIPPED \[1\] seeds/.*: omitted: the source does not mention {re.escape(fact)}.*"])


def test_unreadable_source_is_one_failing_item(pytester: pytest.Pytester, project: Path) -> None:
    (project / "seeds" / "zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    result = runpytest(pytester, "--corpus", "seeds")
    got = outcomes(project)
    assert got["seeds/zz_binary.txt::unreadable"] == "failed"
    assert not any(k.startswith("seeds/zz_binary.txt::") and not k.endswith("::unreadable") for k in got)
    result.stdout.fnmatch_lines(["UNREADABLE: seeds/zz_binary.txt (source zz_binary)", "reason: binary file, not text"])
    result.stdout.fnmatch_lines(["unreadable sources (1):", "seeds/zz_binary.txt: zz_binary: UNREADABLE: *"])


def test_jsonl_articles_are_nested_under_their_file(pytester: pytest.Pytester, project: Path) -> None:
    (project / "corpus").mkdir()
    rows = [{"id": "a1", "text": "Secretary of State Anthony Brinken spoke on Monday."},
            {"id": "a2", "text": "Secretary of State Antony Blinken spoke on Monday."}]
    (project / "corpus" / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    runpytest(pytester, "--corpus", "corpus", "-k", "person and blinken or feed:3")
    got = outcomes(project)
    assert got == {"corpus/feed.jsonl::a1::person.blinken": "failed",
                   "corpus/feed.jsonl::a2::person.blinken": "passed",
                   "corpus/feed.jsonl::feed:3": "failed"}


# --- selection: -k, -m, node ids, --lf, -x ----------------------------------------------------------


def test_k_selects_facts(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds", "-k", "person")
    got = outcomes(project)
    want = {k: v for k, v in expected_outcomes(project).items() if "::person." in k}
    assert got == want
    result.stdout.fnmatch_lines(["*deselected*", "factcheck: partial run *"])


def test_markers_per_kind_and_tag_pass_strict_markers(pytester: pytest.Pytester, project: Path) -> None:
    people = project / "facts" / "people.yaml"
    people.write_text(people.read_text().replace("  - id: person.psaki\n", "  - id: person.psaki\n    tags: [press]\n"))
    runpytest(pytester, "--corpus", "seeds", "--strict-markers", "-m", "name and not press")
    got = outcomes(project)
    fb = load_factbase(project / "facts")
    names = {f.id for f in fb.facts if f.kind == "name"} - {"person.psaki"}
    assert {k.split("::")[1] for k in got} == names
    runpytest(pytester, "--corpus", "seeds", "--strict-markers", "-m", "press")
    assert {k.split("::")[1] for k in outcomes(project)} == {"person.psaki"}
    result = runpytest(pytester, "--corpus", "seeds", "--markers")
    for marker in ("factcheck", "duration", "name", "press"):
        result.stdout.fnmatch_lines([f"@pytest.mark.{marker}: *"])


def test_node_id_argument_runs_one_item(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds", BRINKEN)
    assert outcomes(project) == {BRINKEN: "failed"}
    result.assert_outcomes(failed=1)


def test_last_failed_and_exitfirst(pytester: pytest.Pytester, project: Path) -> None:
    runpytest(pytester, "--corpus", "seeds")
    failed = {k for k, v in expected_outcomes(project).items() if v == "failed"}
    runpytest(pytester, "--corpus", "seeds", "--lf")
    assert set(outcomes(project)) == failed
    result = runpytest(pytester, "--corpus", "seeds", "-x")
    assert list(outcomes(project).values()).count("failed") == 1
    result.stdout.fnmatch_lines(["factcheck: partial run *"])


def test_each_source_is_checked_once(pytester: pytest.Pytester, project: Path) -> None:
    pytester.makeconftest(OUTCOME_RECORDER + '''
import factcheck.pytest_support.state as fc_state

CALLS = []

def pytest_sessionstart(session):
    real = fc_state.check_safely
    def counting(source, fb):
        CALLS.append(source.id)
        return real(source, fb)
    fc_state.check_safely = counting
    session.config.add_cleanup(lambda: setattr(fc_state, "check_safely", real))
    session.config.add_cleanup(lambda: open("calls.json", "w").write(json.dumps(CALLS)))
''')
    runpytest(pytester, "--corpus", "seeds")
    assert len(outcomes(project)) == len(SEEDS) * len(load_factbase(project / "facts").facts)
    assert sorted(json.loads((project / "calls.json").read_text())) == [Path(s).stem for s in SEEDS]


# --- junit, xdist, reports ------------------------------------------------------------------------


def test_junitxml(pytester: pytest.Pytester, project: Path) -> None:
    runpytest(pytester, "--corpus", "seeds", "--junitxml=junit.xml")
    suite = ET.parse(project / "junit.xml").getroot().find("testsuite")
    assert suite is not None
    want = expected_outcomes(project)
    assert int(suite.get("tests", "0")) == len(want)
    assert int(suite.get("failures", "0")) == list(want.values()).count("failed")
    assert int(suite.get("skipped", "0")) == list(want.values()).count("skipped")
    case = next(c for c in suite.iter("testcase")
                if c.get("name") == "person.blinken" and "000_3cc3693bd4ee27e1" in c.get("classname", ""))
    failure = case.find("failure")
    assert failure is not None
    assert "Brinken" in (failure.text or "") and "Traceback" not in (failure.text or "")
    assert failure.get("message") == ('CONTRADICT person.blinken: expected Antony Blinken, found "Anthony Brinken" '
                                      "(value read Anthony Brinken)")
    props = {p.get("name"): p.get("value") for p in case.iter("property")}
    sentence = props.pop("factcheck_sentence")
    assert "Secretary of State Anthony Brinken also had" in sentence
    assert props == {"factcheck_source": "000_3cc3693bd4ee27e1", "factcheck_fact": "person.blinken",
                     "factcheck_verdict": "contradict", "factcheck_expected": "Antony Blinken",
                     "factcheck_severity": "error", "factcheck_location": "seeds/000_3cc3693bd4ee27e1.txt:41:63",
                     "factcheck_quote": "Anthony Brinken", "factcheck_value": "Anthony Brinken",
                     "factcheck_rule": props["factcheck_rule"], "factcheck_baseline": "new"}
    assert props["factcheck_rule"].startswith("the person is named")


def test_report_matches_the_cli_report(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "seeds")
    fb = load_factbase("facts")
    cli = run(["seeds"], fb)
    assert (project / "reports" / "seeds" / "consistency.json").read_text() == render(cli, "json")
    assert (project / "reports" / "seeds" / "consistency.md").read_text() == render(cli, "markdown")
    result.stdout.fnmatch_lines(["*= factcheck consistency report =*", "legend: *",
                                 f"totals: {len(SEEDS)} sources, 0 unreadable, *",
                                 "factcheck: wrote reports*consistency.md and reports*consistency.json"])


def test_xdist_gives_the_same_outcomes_and_report(pytester: pytest.Pytester, project: Path) -> None:
    # Both runs in subprocesses, so both import the same version of the core.
    pytester.runpytest_subprocess(*PLUGIN, "-p", "no:randomly", "--corpus", "seeds")
    serial, serial_report = outcomes(project), (project / "reports" / "seeds" / "consistency.json").read_text()
    (project / "reports" / "seeds" / "consistency.json").unlink()
    result = pytester.runpytest_subprocess(*PLUGIN, "-p", "no:randomly", "--corpus", "seeds", "-n", "2")
    assert outcomes(project) == serial
    assert (project / "reports" / "seeds" / "consistency.json").read_text() == serial_report
    result.stdout.fnmatch_lines(["*= factcheck consistency report =*"])


# --- omissions ----------------------------------------------------------------------------------------


def test_omission_fail_and_pass(pytester: pytest.Pytester, project: Path) -> None:
    want = expected_outcomes(project)
    result = runpytest(pytester, "--corpus", "seeds", "--omission=fail")
    got = outcomes(project)
    # an omission fails in a source about the fact's event (skipped elsewhere: see the next test)
    assert {k: v for k, v in got.items() if want[k] != "skipped"} == {k: v for k, v in want.items() if v != "skipped"}
    assert {got[k] for k, v in want.items() if v == "skipped"} <= {"failed", "skipped"}
    assert got["seeds/000_3cc3693bd4ee27e1.txt::summit.start_time"] == "failed"
    result.stdout.fnmatch_lines(["OMIT: * in seeds/*", "*omissions fail (--omission=fail)*"])
    runpytest(pytester, "--corpus", "seeds", "--omission=pass")
    assert outcomes(project) == {k: "passed" if v == "skipped" else v for k, v in want.items()}


def test_omission_fail_applies_to_sources_about_the_facts_event(pytester: pytest.Pytester, project: Path) -> None:
    (project / "seeds" / "zz_scouts.txt").write_text("The scouts met on Thursday for a 90-minute video call "
                                                     "about their camping trip.\n")
    verdicts = core_verdicts(project)
    assert verdicts["seeds/000_3cc3693bd4ee27e1.txt::summit.start_time"] == "omit"
    assert verdicts["seeds/000_3cc3693bd4ee27e1.txt::summit.duration"] == "agree"
    result = runpytest(pytester, "--corpus", "seeds", "--omission=fail", "-rs")
    got = outcomes(project)
    # the seed is about the summit (it states its duration): leaving out its start time fails
    assert got["seeds/000_3cc3693bd4ee27e1.txt::summit.start_time"] == "failed"
    # the scouts' article is about no event of the base: its event facts are skipped, saying why
    fb = load_factbase(project / "facts")
    for fact in fb.facts:
        if fact.event:
            assert got[f"seeds/zz_scouts.txt::{fact.id}"] == "skipped", fact.id
    result.stdout.fnmatch_lines(["SKIPPED * seeds/zz_scouts.txt:* omitted: the source does not mention summit.date *"
                                 "omission: fail applies to sources about summit, and this one states no fact of it"])


def test_a_facts_own_omission_wins(pytester: pytest.Pytester, project: Path) -> None:
    verdicts = core_verdicts(project)
    omitted = [k.split("::")[1] for k, v in verdicts.items() if v == "omit" and k.split("::")[1].startswith("person.")]
    fact = omitted[0]
    people = project / "facts" / "people.yaml"
    people.write_text(people.read_text().replace(f"  - id: {fact}\n", f"  - id: {fact}\n    omission: fail\n"))
    runpytest(pytester, "--corpus", "seeds", "--omission=skip")
    got = outcomes(project)
    for key, verdict in verdicts.items():
        if key.endswith(f"::{fact}") and verdict == "omit":
            assert got[key] == "failed"
        else:
            assert got[key] == OUTCOME[verdict]


# --- baseline ---------------------------------------------------------------------------------------


def test_baseline_cycle(pytester: pytest.Pytester, project: Path) -> None:
    want = expected_outcomes(project)
    contradictions = {k for k, v in want.items() if v == "failed"}
    baseline = project / "factcheck-baseline.json"

    result = runpytest(pytester, "--corpus", "seeds", "--factcheck-update-baseline")
    assert result.ret == pytest.ExitCode.OK
    text = baseline.read_text()
    entries = json.loads(text)["entries"]
    assert entries == sorted(entries, key=lambda e: (e["source"], e["fact"], e["verdict"]))
    assert {(e["source"], e["fact"], e["verdict"]) for e in entries} == {
        (Path(k.split("::")[0]).stem, k.split("::")[1], "contradict") for k in contradictions}
    runpytest(pytester, "--corpus", "seeds", "--factcheck-update-baseline")
    assert baseline.read_text() == text  # deterministic

    result = runpytest(pytester, "--corpus", "seeds", "-rx")
    assert result.ret == pytest.ExitCode.OK
    assert outcomes(project) == {k: "xfailed" if v == "failed" else v for k, v in want.items()}
    result.stdout.fnmatch_lines([f"XFAIL {BRINKEN} - known contradict: recorded in factcheck-baseline.json"])

    # the article gets fixed: the recorded contradiction is now a strict failure
    seed = project / "seeds" / SEEDS[0]
    seed.write_text(seed.read_text().replace("Anthony Brinken", "Antony Blinken"))
    result = runpytest(pytester, "--corpus", "seeds")
    assert outcomes(project)[BRINKEN] == "failed"
    result.stdout.fnmatch_lines(["FIXED: person.blinken in seeds/000_3cc3693bd4ee27e1.txt*",
                                 "fixed: remove from baseline*"])

    # entries for a source or fact not in the run are named after a full run only
    data = json.loads(baseline.read_text())
    data["entries"].append({"source": "999_gone", "fact": "person.blinken", "verdict": "contradict"})
    data["entries"].append({"source": Path(SEEDS[1]).stem, "fact": "person.renamed", "verdict": "contradict"})
    baseline.write_text(json.dumps(data))
    result = runpytest(pytester, "--corpus", "seeds")
    result.stdout.fnmatch_lines(["factcheck: 2 stale baseline entries in factcheck-baseline.json*",
                                 f"    {Path(SEEDS[1]).stem} :: person.renamed (contradict)",
                                 "    999_gone :: person.blinken (contradict)"])
    result = runpytest(pytester, "--corpus", "seeds", "-k", "person")
    assert "999_gone" not in result.stdout.str()
    result.stdout.fnmatch_lines(["factcheck: partial run *stale baseline entries not looked for"])

    # updating after a full run drops the fixed and the stale entries
    runpytest(pytester, "--corpus", "seeds", "--factcheck-update-baseline")
    keys = {(e["source"], e["fact"]) for e in json.loads(baseline.read_text())["entries"]}
    assert (Path(SEEDS[0]).stem, "person.blinken") not in keys
    assert ("999_gone", "person.blinken") not in keys
    assert runpytest(pytester, "--corpus", "seeds").ret == pytest.ExitCode.OK


def test_partial_update_keeps_entries_of_pairs_that_did_not_run(tmp_path: Path) -> None:
    old = Baseline([Entry("a", "f1", "contradict", "accepted: typo in the wire copy"), Entry("b", "f2", "contradict")])
    new = old.updated({("a", "f1", "contradict")}, ran={("a", "f1")}, full=False)
    assert set(new.entries) == {("a", "f1", "contradict"), ("b", "f2", "contradict")}
    assert new.entries[("a", "f1", "contradict")].note == "accepted: typo in the wire copy"
    assert set(old.updated(set(), ran={("a", "f1")}, full=True).entries) == set()
    new.write(tmp_path / "b.json")
    assert load_baseline(tmp_path / "b.json", "b.json").entries == new.entries


def test_broken_baseline_is_a_usage_error(pytester: pytest.Pytester, project: Path) -> None:
    (project / "factcheck-baseline.json").write_text('{"entries": [{"source": "x", "fact": "y"}]}')
    result = runpytest(pytester, "--corpus", "seeds")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck: baseline factcheck-baseline.json, entry 1: *"])


# --- activation, configuration, usage errors ------------------------------------------------------


def test_without_a_corpus_the_plugin_does_nothing(pytester: pytest.Pytester, project: Path) -> None:
    (project / "facts" / "broken.yaml").write_text("facts:\n  - id: x\n    vaule: 3\n")
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    result = runpytest(pytester, "test_plain.py")
    assert result.ret == pytest.ExitCode.OK  # the broken fact base was never loaded
    out = result.stdout.str()
    assert "factcheck: corpus" not in out and "factcheck consistency report" not in out
    assert not (project / "reports").exists()


def test_broken_fact_base_is_a_usage_error_with_positions(pytester: pytest.Pytester, project: Path) -> None:
    (project / "facts" / "broken.yaml").write_text("facts:\n  - id: x.y\n    kind: year\n    vaule: 1991\n")
    result = runpytest(pytester, "--corpus", "seeds")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    err = result.stderr.str()
    assert re.search(r"facts/broken\.yaml:4:5: FB\d+: unknown key 'vaule'", err), err
    assert "Traceback" not in err + result.stdout.str()


def test_missing_corpus_is_a_usage_error(pytester: pytest.Pytester, project: Path) -> None:
    result = runpytest(pytester, "--corpus", "nosuch")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck: corpus nosuch: no such file or directory*"])


def test_ini_options(pytester: pytest.Pytester, project: Path) -> None:
    shutil.move(project / "facts", project / "kb")
    pytester.makeini("[pytest]\nfactcheck_corpus =\n    seeds\nfactcheck_facts = kb\nfactcheck_omission = pass\n")
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    runpytest(pytester)
    got = outcomes(project)
    assert got.pop("test_plain.py::test_plain") == "passed"
    assert got[BRINKEN] == "failed"
    assert "skipped" not in got.values()
    runpytest(pytester, "test_plain.py")  # named tests: the ini corpus stays out, like testpaths
    assert outcomes(project) == {"test_plain.py::test_plain": "passed"}


# --- the fixture ------------------------------------------------------------------------------------


def test_factbase_fixture(pytester: pytest.Pytester, project: Path) -> None:
    pytester.makepyfile(test_generated='''
        def test_findings(factbase):
            text = "On Monday, Secretary of State Anthony Brinken spoke with Ukrainian President Zelensky."
            findings = factbase.findings(text)
            assert set(findings) == {f.id for f in factbase.facts}
            assert findings["person.blinken"].verdict == "contradict"
            assert findings["person.blinken"].mentions[0].text == "Anthony Brinken"
            assert factbase.check(text).source.id == "text"
            assert factbase.verdicts("Secretary of State Antony Blinken said.")["person.blinken"] == "agree"
    ''')
    result = runpytest(pytester, "test_generated.py")
    result.assert_outcomes(passed=1)


def test_factbase_fixture_reports_a_broken_fact_base(pytester: pytest.Pytester, project: Path) -> None:
    (project / "facts" / "broken.yaml").write_text("facts:\n  - id: x.y\n    kind: year\n    vaule: 1991\n")
    pytester.makepyfile(test_generated="def test_it(factbase):\n    pass\n")
    result = runpytest(pytester, "test_generated.py")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*factcheck: the fact base facts has * problem*", "*facts/broken.yaml:4:5: *"])


# --- pure helpers -------------------------------------------------------------------------------------


def test_marked_sentence_cuts_long_context_and_escapes_controls() -> None:
    from factcheck.model import Mention

    sentence = "x" * 200 + " Anthony\u202eBrinken " + "y" * 200
    start = sentence.index("Anthony")
    m = Mention(text="Anthony\u202eBrinken", start=1000 + start, end=1000 + start + 15, line=1, col=1, value="",
                verdict="contradict", rule="r", sentence=sentence, sentence_start=1000)
    shown = marked_sentence(m)
    assert "»Anthony\\u202eBrinken«" in shown
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) < 220


# --- severity, node ids, failure lines, report location (issue 12) ------------------------------


def test_a_warning_facts_contradiction_xfails_with_its_quote(pytester: pytest.Pytester, project: Path) -> None:
    people = project / "facts" / "people.yaml"
    people.write_text(people.read_text().replace("  - id: person.blinken\n",
                                                 "  - id: person.blinken\n    severity: warning\n"))
    result = runpytest(pytester, "--corpus", "seeds", "-k", "person.blinken", "-rx")
    assert outcomes(project)[BRINKEN] == "xfailed"
    result.stdout.fnmatch_lines([f"XFAIL {BRINKEN} - warning fact (facts/people.yaml:*): CONTRADICT: expected "
                                 'Antony Blinken, found "Anthony Brinken" (value read Anthony Brinken) '
                                 "at line 41:63 *"])
    assert result.ret == pytest.ExitCode.OK
    # a warning fact is never recorded as a known discrepancy either
    runpytest(pytester, "--corpus", "seeds", "--factcheck-update-baseline")
    entries = json.loads((project / "factcheck-baseline.json").read_text())["entries"]
    assert not any(e["fact"] == "person.blinken" for e in entries)


def test_verbose_node_ids_can_be_pasted_back(pytester: pytest.Pytester, project: Path) -> None:
    names = ["a b.txt", "c::d.txt", "e[1].txt"]
    for name in names:
        shutil.copy(project / "seeds" / SEEDS[0], project / "seeds" / name)
    result = runpytest(pytester, "--corpus", "seeds", "-v", "-k", "person.blinken")
    for name in names:
        node = f"seeds/{name}::person.blinken"
        assert any(ln.startswith(node + " FAILED") for ln in result.stdout.lines), node
        again = runpytest(pytester, "--corpus", "seeds", node)
        again.assert_outcomes(failed=1)


def test_tb_line_and_the_short_summary_show_expected_vs_found(pytester: pytest.Pytester, project: Path) -> None:
    found = 'CONTRADICT person.blinken: expected Antony Blinken, found "Anthony Brinken" (value read Anthony Brinken)'
    result = runpytest(pytester, "--corpus", "seeds", "-k", "person.blinken", "--tb=line")
    result.stdout.fnmatch_lines([f"seeds/000_3cc3693bd4ee27e1.txt:41: {found}"])
    for extra in ([], ["-n", "2"]):  # through xdist's serialization too
        result = runpytest(pytester, "--corpus", "seeds", "-k", "person.blinken", "-rf", "-vv", *extra)
        result.stdout.fnmatch_lines([f"FAILED {BRINKEN} - {found}"])


def test_another_corpus_leaves_the_projects_reports_and_baseline_alone(pytester: pytest.Pytester,
                                                                      project: Path) -> None:
    # the project's own corpus, from the ini file, writes reports/
    pytester.makeini("[pytest]\nfactcheck_corpus = seeds\n")
    runpytest(pytester)
    shipped = (project / "reports" / "consistency.md").read_text()
    assert runpytest(pytester, "--factcheck-update-baseline").ret == 0
    # another corpus: its report goes to reports/<corpus>/, the seeds' entries are not stale
    (project / "other").mkdir()
    shutil.copy(project / "seeds" / SEEDS[1], project / "other" / "x.txt")
    result = runpytest(pytester, "--corpus", "other", "other", "--strict-baseline")
    assert (project / "reports" / "consistency.md").read_text() == shipped
    assert (project / "reports" / "other" / "consistency.md").is_file()
    assert "stale" not in result.stdout.str()
    assert result.ret == pytest.ExitCode.OK
    # an entry of a file of the run that is gone is stale all the same
    data = json.loads((project / "factcheck-baseline.json").read_text())
    data["entries"].append({"source": "gone", "path": "other/gone.txt", "fact": "person.blinken",
                            "verdict": "contradict"})
    (project / "factcheck-baseline.json").write_text(json.dumps(data))
    result = runpytest(pytester, "--corpus", "other", "other")
    result.stdout.fnmatch_lines(["factcheck: 1 stale baseline entry*", "    gone :: person.blinken (contradict)"])
    # the ini value factcheck_reports says where
    pytester.makeini("[pytest]\nfactcheck_corpus = seeds\nfactcheck_reports = out/fc\n")
    runpytest(pytester, "--corpus", "other", "other")
    assert (project / "out" / "fc" / "consistency.json").is_file()


def test_large_corpus_summarises_failures_one_line_each(pytester: pytest.Pytester, project: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest's long failure summary rescans every report for each failure (quadratic); from
    # LINE_TB_ITEMS corpus items, when no --tb was given, failures are summarised one line each
    import factcheck.plugin

    monkeypatch.setattr(factcheck.plugin, "LINE_TB_ITEMS", 100)  # 3 seeds x 37 facts = 111 items
    result = runpytest(pytester, "--corpus", "seeds")
    out = result.stdout.str()
    assert "111 corpus items: failures were summarised one line each" in out
    assert not re.search(r"^_{3,} .*::", out, re.MULTILINE)  # no long per-failure headline
    result = runpytest(pytester, "--corpus", "seeds", "--tb=short")
    out = result.stdout.str()
    assert "summarised one line each" not in out
    assert re.search(r"^_{3,} .*::", out, re.MULTILINE)  # the user's choice is kept
    monkeypatch.setattr(factcheck.plugin, "LINE_TB_ITEMS", 1000)
    assert "summarised one line each" not in runpytest(pytester, "--corpus", "seeds").stdout.str()


def test_per_source_one_item_per_source_same_report(pytester: pytest.Pytester, project: Path) -> None:
    # --factcheck-per source: one item per source, failing when any of its facts' items would fail
    # (all their messages in it), and the same consistency report as one item per (source, fact)
    per_fact = runpytest(pytester, "--corpus", "seeds")
    report_fact = json.loads((project / "reports" / "seeds" / "consistency.json").read_text())
    fails_by_source = {line.split("::")[0].removeprefix("FAILED ").strip()
                       for line in per_fact.stdout.lines if line.startswith("FAILED seeds/")}
    per_source = runpytest(pytester, "--corpus", "seeds", "--factcheck-per", "source", "-rf")
    report_source = json.loads((project / "reports" / "seeds" / "consistency.json").read_text())
    assert report_source["findings"] == report_fact["findings"]
    assert report_source["totals"] == report_fact["totals"]
    outcomes = per_source.parseoutcomes()
    assert outcomes.get("failed", 0) == len(fails_by_source) > 0
    assert outcomes.get("failed", 0) + outcomes.get("passed", 0) == len(SEEDS)
    failed_ids = {line.split(" ")[1] for line in per_source.stdout.lines if line.startswith("FAILED ")}
    assert failed_ids == {f"{s}::facts" for s in fails_by_source}
    # every per-fact failure's message is in its source's item
    out = per_source.stdout.str()
    for line in per_fact.stdout.lines:
        if line.startswith("FAILED seeds/"):
            assert f"CONTRADICT: {line.split('::')[1].split(' ')[0]} in " in out, line
    collected = runpytest(pytester, "--corpus", "seeds", "--factcheck-per", "source", "--collect-only", "-q")
    assert {ln for ln in collected.stdout.lines if "::" in ln} == {f"seeds/{s}::facts" for s in SEEDS}
