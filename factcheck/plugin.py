"""pytest plugin: `pytest --corpus PATH` checks every (source, fact) pair of a corpus as a test.

    pytest --corpus seeds                 # one item per (source, fact), e.g.
                                          #   seeds/000_3cc3693bd4ee27e1.txt::person.blinken
    pytest --corpus seeds -k person -n 2  # -k, -m, --lf, -x, --junitxml, xdist all work

agree passes, contradict fails (with the evidence, no traceback), omit is skipped (see
`--omission` and a fact's `omission:`); a `warning` or `info` fact's contradiction xfails. Known
discrepancies go in a baseline (`--factcheck-baseline`, `--factcheck-update-baseline`) and are
reported as xfail. At the end the consistency report is printed and, after a full run, written
to consistency.md and .json in reports/ (the ini corpus), reports/<corpus>/ (a --corpus) or the
ini value factcheck_reports.

The plugin checks nothing itself: each source goes through `factcheck.runner.check_safely`.
Without a corpus (no `--corpus`, no `factcheck_corpus` ini value) it registers nothing and loads
no fact base; the `factbase` fixture loads the fact base when a test asks for it.

Docs: docs/pytest.md.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any

import pytest

from factcheck.check import check_text
from factcheck.errors import FactBaseError
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import Fact, FactBase
from factcheck.kinds import KINDS
from factcheck.model import Finding, SourceResult
from factcheck.pytest_support.baseline import Baseline, BaselineError, load_baseline, reads, render_compared
from factcheck.pytest_support.nodes import STATE_KEY, CorpusFile, _CorpusItem, corpus_nodeid
from factcheck.pytest_support.state import (
    OMISSION_MODES,
    PER_MODES,
    RESERVED_MARKS,
    State,
    WorkerInfo,
    resolve_facts,
    resolve_settings,
)
from factcheck.report import Report, render, write_atomic
from factcheck.report.table import contradiction_lines, error_lines, summary

REPORT_DIR = "reports"
MAX_TABLE_SOURCES = 60  # above this the terminal gets the totals and contradictions, not the matrix
# From this many corpus items, when the user chose no --tb, failures are summarised one line each
# (--tb=line): pytest's long failure summary rescans every report of the session for each failure
# (pytest-dev/pytest#13360), so with thousands of failures it cost more than the checks (900
# sources, 33,300 items, 2,023 failures: 288 s against 105 s with --tb=line, benchmarks/results/plugin.md)
LINE_TB_ITEMS = 1000
MAX_LINES = 100  # contradiction and error lines shown in the terminal for a large corpus
WORKER_KEY = "factcheck"


def pytest_addoption(parser: pytest.Parser) -> None:
    g = parser.getgroup("factcheck", "fact-consistency check of a corpus (factcheck)")
    g.addoption("--corpus", action="append", dest="factcheck_corpus", metavar="PATH", default=None,
                help="check this corpus file or directory against the fact base, one test per "
                     "(source, fact); repeatable. Overrides the ini value factcheck_corpus.")
    g.addoption("--facts", dest="factcheck_facts", metavar="DIR", default=None,
                help="fact base directory or file (default: ini factcheck_facts, else facts/ in rootdir)")
    g.addoption("--omission", dest="factcheck_omission", choices=OMISSION_MODES, default=None,
                help="outcome of a fact the source does not mention: skip (default), fail or pass; "
                     "a fact's own `omission:` wins")
    g.addoption("--factcheck-baseline", dest="factcheck_baseline", metavar="FILE", default=None,
                help="known discrepancies, reported as xfail (default: factcheck-baseline.json in "
                     "rootdir, if it exists)")
    g.addoption("--factcheck-update-baseline", dest="factcheck_update_baseline", action="store_true",
                default=False, help="write the baseline from this run's failures (every one xfails)")
    g.addoption("--factcheck-strict-baseline", "--strict-baseline", dest="factcheck_strict_baseline",
                action="store_true", default=False,
                help="after a full run, fail the session when the baseline has stale entries")
    g.addoption("--factcheck-per", dest="factcheck_per", choices=PER_MODES, default=None,
                help="one test per (source, fact) (fact, the default) or one per source (source: "
                     "fails when any fact fails; much faster on a large corpus)")
    parser.addini("factcheck_per", type="string", default="",
                  help="fact or source: one test per (source, fact) or one per source (default: fact)")
    parser.addini("factcheck_corpus", type="linelist", default=[],
                  help="corpus paths (relative to the ini file) checked when no test paths are given")
    parser.addini("factcheck_facts", type="string", default="",
                  help="fact base directory or file, relative to the ini file (default: facts)")
    parser.addini("factcheck_reports", type="string", default="",
                  help="directory of the report of a full run, relative to the ini file (default: reports/ "
                       "for the ini corpus, reports/<corpus>/ for a --corpus)")
    parser.addini("factcheck_omission", type="string", default="",
                  help="skip, fail or pass: outcome of an omitted fact (default: skip)")
    # the limits of `factcheck check`, with its defaults (docs/robustness.md)
    parser.addini("factcheck_max_bytes", type="string", default="",
                  help="refuse a corpus file (a JSONL line) over N bytes before reading it (as --max-bytes)")
    parser.addini("factcheck_max_chars", type="string", default="",
                  help="refuse an article text longer than N characters; 0: no limit (as --max-chars)")
    parser.addini("factcheck_timeout", type="string", default="",
                  help="give up on reading, or on checking, an article after S seconds; 0: none (as --timeout)")


def problems_text(shown: str, error: FactBaseError) -> str:
    n = len(error.problems)
    return "\n".join([f"factcheck: the fact base {shown} has {n} problem{'s' if n != 1 else ''}:",
                      *(p.render() for p in error.problems)])


def pytest_configure(config: pytest.Config) -> None:
    settings = resolve_settings(config)
    if settings is None:
        return
    try:
        fb = load_factbase(settings.facts)
    except FactBaseError as e:
        raise pytest.UsageError(problems_text(settings.facts_shown, e)) from None
    baseline = Baseline(path=settings.baseline_path)
    if settings.baseline_path.is_file():
        try:
            baseline = load_baseline(settings.baseline_path, settings.baseline_shown)
        except BaselineError as e:
            raise pytest.UsageError(f"factcheck: {e}") from None
    config.addinivalue_line("markers", "factcheck: a (source, fact) test of the corpus (factcheck --corpus)")
    for kind in KINDS:
        config.addinivalue_line("markers", f"{kind}: corpus tests of {kind} facts (factcheck)")
    for tag in sorted({t for f in fb.facts for t in f.tags} - set(KINDS)):
        if tag in RESERVED_MARKS or tag.startswith("_"):
            config.issue_config_time_warning(pytest.PytestConfigWarning(
                f"factcheck: tag {tag!r} is not used as a marker (reserved name)"), stacklevel=2)
            continue
        config.addinivalue_line("markers", f"{tag}: corpus tests of facts tagged {tag} (factcheck)")
    state = State(settings, fb, baseline)
    config.stash[STATE_KEY] = state
    _rewrite_args(config, state)
    config.pluginmanager.register(CorpusSession(config, state), "factcheck-corpus-session")


def _rewrite_args(config: pytest.Config, state: State) -> None:
    """A node id of a corpus file whose name pytest cannot take as a path ("a::b.txt",
    "x[1].txt": pytest splits at `::` and refuses `[` in a path) is given to pytest as the file's
    directory, and the session keeps only the items it names (docs/robustness.md)."""
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        return
    inv = config.invocation_params.dir
    for i, arg in enumerate(list(config.args)):
        base = arg.partition("::")[0]
        if "[" not in base and os.path.lexists(inv / base):
            continue  # pytest reads it as it is
        whole = os.path.abspath(inv / arg)
        for key in state.index():
            k = str(key)
            if whole == k or whole.startswith(k + "::"):
                directory = next(d for d in key.parents if "::" not in str(d) and "[" not in str(d))
                config.args[i] = os.path.relpath(directory, inv)
                state.wanted.append((directory, corpus_nodeid(config.rootpath, key) + whole[len(k):]))
                break


def _named(item: pytest.Item, wanted: list[tuple[Path, str]]) -> bool:
    """Is `item` among what a rewritten argument names (or outside every rewritten directory)?"""
    path = Path(os.path.abspath(item.path))
    mine = [nodeid for d, nodeid in wanted if d in path.parents]
    return not mine or any(item.nodeid == n or item.nodeid.startswith(n + "::") for n in mine)


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _ignored(config: pytest.Config, path: Path) -> bool:
    """--ignore / --ignore-glob for corpus files collected outside pytest's own walk."""
    ignore = [Path(os.path.abspath(p)) for p in config.getoption("ignore") or []]
    if any(path == p or p in path.parents for p in ignore):
        return True
    return any(fnmatch.fnmatch(str(path), os.path.abspath(g)) for g in config.getoption("ignore_glob") or [])


def _load_conftests(config: pytest.Config, directory: Path) -> None:
    """Make conftest.py hooks apply to corpus files outside pytest's walk, as they do inside it.

    pytest loads a directory's conftests when its Directory collector runs, and path-sensitive
    hooks (`item.ihook`, e.g. pytest_runtest_logreport) leave out the conftests of directories
    it never loaded. This is the call pytest's own `pytest_make_collect_report` makes.
    """
    load = getattr(config.pluginmanager, "_loadconftestmodules", None)
    if load is not None:
        load(directory, config.getoption("importmode"), rootpath=config.rootpath,
             consider_namespace_packages=config.getini("consider_namespace_packages"))


class CorpusSession:
    """The hooks of an active corpus session (registered only when there is a corpus)."""

    def __init__(self, config: pytest.Config, state: State):
        self.config = config
        self.state = state
        self.report: Report | None = None
        self.full = False
        self.notes: list[str] = []
        self.worker_infos: list[dict[str, Any] | None] = []

    # -- collection (the only process, or each xdist worker) -------------------------------------
    def pytest_report_header(self, config: pytest.Config) -> list[str]:
        s = self.state.settings
        baseline = (f"{s.baseline_shown} ({len(self.state.baseline)} entries)"
                    if s.baseline_path.is_file() else "none")
        return [f"factcheck: corpus {', '.join(s.corpus)}; facts {s.facts_shown} ({len(self.state.fb.facts)} facts); "
                f"omission {s.omission}; baseline {baseline}"
                + ("; updating the baseline" if s.update_baseline else "")]

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        key = Path(os.path.abspath(file_path))
        if not any(key == r or r in key.parents for r in self.state.settings.roots):
            return None
        if key not in self.state.index():
            return None
        self.state.made.add(key)
        return CorpusFile.from_parent(parent, path=file_path, nodeid=corpus_nodeid(self.config.rootpath, key))

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, session: pytest.Session, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        """Corpus files that pytest's walk did not reach (outside testpaths) join the session
        here, before -k/-m/--lf/--deselect select from the items. When a command-line argument
        names part of the corpus, only what it names is collected."""
        state = self.state
        if state.wanted:
            kept = [i for i in items if not isinstance(i, _CorpusItem) or _named(i, state.wanted)]
            if len(kept) < len(items):
                ids = {id(i) for i in kept}
                config.hook.pytest_deselected(items=[i for i in items if id(i) not in ids])
                items[:] = kept
        if state.settings.explicit:
            return
        dirs: set[Path] = set()
        for key in state.index():
            if key in state.collected or _ignored(config, key):
                continue
            state.collected.add(key)
            if key.parent not in dirs:
                dirs.add(key.parent)
                _load_conftests(config, key.parent)
            node = CorpusFile.from_parent(session, path=key, nodeid=corpus_nodeid(config.rootpath, key))
            if key in state.made:
                # pytest's walk made it, but `--lf` skipped its collection: its node id does not
                # parse back to its path ("a::b.txt"), so pytest cannot know it failed last time.
                # Collected here without the hook that skips it; --lf then keeps what failed.
                for child in node.collect():
                    items.extend(session.genitems(child))
            else:
                items.extend(session.genitems(node))

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.state.info.selected = sum(1 for i in session.items if isinstance(i, _CorpusItem))
        self._line_failures(self.state.info.selected)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        self._line_failures(len(ids))  # the xdist controller, which collects nothing itself

    def _line_failures(self, items: int) -> None:
        """Failures one line each (--tb=line) in a large corpus session where --tb was not given."""
        if items >= LINE_TB_ITEMS and self.config.option.tbstyle == "auto":
            self.config.option.tbstyle = "line"
            self.notes.append(f"factcheck: {items:,} corpus items: failures were summarised one line each "
                              "(--tb=line; pass --tb=short or --tb=long for the full summary, which pytest "
                              "makes in time quadratic in the number of tests)")

    # -- results ----------------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        if call.when == "call" and isinstance(item, _CorpusItem) and item.factcheck_payload is not None:
            report.factcheck = item.factcheck_payload  # travels to the xdist controller with the report
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data = getattr(report, "factcheck", None)
        if report.when == "call" and isinstance(data, (dict, list)) and not _is_worker(self.config):
            self.state.aggregate.add_report(data)

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        out = getattr(node, "workeroutput", None) or {}
        self.worker_infos.append(None if error else out.get(WORKER_KEY))

    # -- end of session (the only process, or the xdist controller) -------------------------------
    def _full_run(self, exitstatus: int) -> bool:
        infos = self.worker_infos if self.worker_infos else [self.state.info.to_json()]
        first = infos[0]
        if first is None or any(i != first for i in infos) or exitstatus == pytest.ExitCode.INTERRUPTED:
            return False
        info = WorkerInfo(**first)
        return info.expected > 0 and info.selected == info.expected and self.state.aggregate.reports == info.selected

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        state, s = self.state, self.state.settings
        if _is_worker(self.config):
            self.config.workeroutput[WORKER_KEY] = state.info.to_json()  # type: ignore[attr-defined]
            return
        agg = state.aggregate
        if agg.empty():
            return
        self.full = self._full_run(exitstatus)
        self.report = agg.report(state.fb)
        if self.full:
            out = s.reports
            if len(state.baseline) and not s.update_baseline:
                # new and known apart in the files too, as `factcheck check --baseline` writes them
                cmp = state.baseline.compare(self.report, ["contradict"])
                shown = str(s.baseline_shown)
                for name, fmt in (("consistency.md", "markdown"), ("consistency.json", "json")):
                    write_atomic(out / name, "".join(render_compared(self.report, fmt, cmp, ["contradict"], shown)))
            else:
                write_atomic(out / "consistency.md", render(self.report, "markdown"))
                write_atomic(out / "consistency.json", render(self.report, "json"))
            self.notes.append(f"factcheck: wrote {_rel(out / 'consistency.md')} and {_rel(out / 'consistency.json')}")
        else:
            self.notes.append(f"factcheck: partial run ({agg.reports} corpus tests ran): {_rel(s.reports)}/ not "
                              "rewritten and stale baseline entries not looked for")
        names = state.baseline_names()
        run_sources = {names.get(sid, sid) for sid in set(agg.sources) | {e.id for e in agg.errors.values()}}
        if self.full and not s.update_baseline:
            stale = state.baseline.stale({n for n in run_sources if n is not None}, set(state.facts_by_id))
            # an entry of a file outside this run's corpus belongs to another corpus, not a stale one
            stale = [e for e in stale if state.baseline.within(e, s.roots)]
            if stale:
                self.notes.append(f"factcheck: {len(stale)} stale baseline entr{'ies' if len(stale) != 1 else 'y'} "
                                  f"in {s.baseline_shown} (source or fact not in this run); remove them:")
                self.notes += [f"    {e}" for e in stale]
                if self.config.getoption("factcheck_strict_baseline"):
                    self.notes.append("factcheck: --strict-baseline: stale entries fail the run")
                    if session.exitstatus == pytest.ExitCode.OK:
                        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if s.update_baseline:
            read = {(sid, fid): reads(f) for sid, per in agg.findings.items() for fid, f in per.items()}
            paths = {sid: src.path for sid, src in agg.sources.items()}
            new = state.baseline.updated(agg.failing, agg.ran, self.full, read=read, paths=paths, names=names)
            try:
                new.write(s.baseline_path)
            except OSError as e:
                self.notes.append(f"factcheck: cannot write the baseline {s.baseline_shown}: {e.strerror or e}")
                return
            self.notes.append(f"factcheck: wrote {s.baseline_shown} ({len(new)} entr{'ies' if len(new) != 1 else 'y'}"
                              + ("" if self.full else "; entries of pairs that did not run were kept") + ")")

    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
        if self.report is None:
            return
        tr = terminalreporter
        tr.write_sep("=", "factcheck consistency report")
        for line in _terminal_report(self.report, self.state.settings.reports).rstrip("\n").splitlines():
            tr.write_line(line)
        for note in self.notes:
            tr.write_line(note)


def _rel(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _terminal_report(report: Report, reports: Path) -> str:
    if len(report.results) + len(report.errors) <= MAX_TABLE_SOURCES:
        return render(report, "table")
    out = [f"{len(report.results)} sources: the matrix is in {_rel(reports / 'consistency.md')} (after a full run)", ""]
    for title, lines in (("contradictions", contradiction_lines(report)), ("unreadable sources", error_lines(report))):
        out.append(f"{title} ({len(lines)}):")
        out += lines[:MAX_LINES]
        if len(lines) > MAX_LINES:
            out.append(f"... and {len(lines) - MAX_LINES} more")
        out.append("")
    out.append(f"totals: {summary(report)}")
    return "\n".join(out) + "\n"


# -- the fixture for users' own tests ------------------------------------------------------------

class FactBaseFixture:
    """The fact base, ready to check text written in a test:

        def test_summary(factbase):
            findings = factbase.findings(generate_summary())
            assert findings["summit.duration"].verdict != "contradict"
    """

    def __init__(self, base: FactBase):
        self.base = base

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self.base.facts

    def check(self, text: str, source_id: str = "text") -> SourceResult:
        """All findings for `text` (one per fact, omissions included)."""
        return check_text(text, self.base, source_id)

    def findings(self, text: str, source_id: str = "text") -> dict[str, Finding]:
        """The findings for `text` by fact id."""
        return {f.fact: f for f in self.check(text, source_id).findings}

    def verdicts(self, text: str, source_id: str = "text") -> dict[str, str]:
        """agree / contradict / omit for `text` by fact id."""
        return {f.fact: f.verdict for f in self.check(text, source_id).findings}


@pytest.fixture(scope="session")
def factbase(pytestconfig: pytest.Config) -> FactBaseFixture:
    """The fact base of --facts / ini factcheck_facts / facts/, as a `FactBaseFixture`."""
    state = pytestconfig.stash.get(STATE_KEY, None)
    if state is not None:
        return FactBaseFixture(state.fb)
    path = resolve_facts(pytestconfig)
    try:
        return FactBaseFixture(load_factbase(path))
    except FactBaseError as e:
        pytest.fail(problems_text(_rel(path), e), pytrace=False)
