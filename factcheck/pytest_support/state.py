"""Per-session state of the plugin, kept in `config.stash` (never in module globals, so
in-process pytester runs and xdist workers never share it).

Three parts:
- `Settings`: what the options and ini values say, paths resolved;
- the corpus index and a small per-process cache of check results, used where items are
  collected and run (the only process without xdist, each worker with it);
- `Aggregate`: the findings received in `pytest_runtest_logreport`, from which the controller
  (or the only process) rebuilds the consistency report at the end of the session.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import pytest
import regex

from factcheck.clitools import SourceLimits
from factcheck.corpus import read_corpus
from factcheck.factbase.model import Fact, FactBase
from factcheck.model import Finding, Mention, Source, SourceError, SourceResult
from factcheck.pytest_support.baseline import Baseline, Judgement, Key
from factcheck.report import Report, build_report
from factcheck.report.json import jsonable
from factcheck.runner import check_safely, fact_infos

OMISSION_MODES = ("skip", "fail", "pass")
PER_MODES = ("fact", "source")
DEFAULT_FACTS = "facts"
DEFAULT_BASELINE = "factcheck-baseline.json"
REPORT_DIR = "reports"  # where the session writes its report, under rootdir
CACHE_SIZE = 256  # check results kept per process; items of one source usually run together
RESERVED_MARKS = frozenset({"skip", "skipif", "xfail", "parametrize", "usefixtures", "filterwarnings",
                            "tryfirst", "trylast", "factcheck"})


@dataclass(frozen=True)
class Settings:
    corpus: tuple[str, ...]  # as handed to read_corpus (relative to the current directory when given so)
    roots: tuple[Path, ...]  # the same, absolute
    from_cli: bool  # --corpus (else the ini value factcheck_corpus)
    facts: Path
    facts_shown: str
    omission: str
    omission_origin: str  # "--omission", "factcheck_omission" or "default"
    baseline_path: Path
    baseline_shown: str
    update_baseline: bool
    explicit: bool  # a positional argument names (part of) the corpus: collect only what it names
    skip: tuple[Path, ...] = ()  # the session's own output (reports/ under rootdir): never read as articles
    #: where a full run writes consistency.md and .json (`report_dir`)
    reports: Path = Path(REPORT_DIR)
    # `factcheck check`'s limits and defaults (ini factcheck_max_bytes, factcheck_max_chars, factcheck_timeout)
    limits: SourceLimits = field(default_factory=SourceLimits.defaults)
    #: "fact": one test per (source, fact); "source": one per source (--factcheck-per, ini factcheck_per)
    per: str = "fact"


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def resolve_facts(config: pytest.Config) -> Path:
    """--facts (from the current directory), else the ini value factcheck_facts (from the ini
    file's directory), else facts/ in rootdir, else facts/ in the current directory."""
    opt: str | None = config.getoption("factcheck_facts")
    ini: str = config.getini("factcheck_facts") or ""
    if opt:
        return Path(os.path.abspath(config.invocation_params.dir / opt))
    if ini:
        base = config.inipath.parent if config.inipath else config.rootpath
        return Path(os.path.abspath(base / ini))
    # facts/ in rootdir; when a corpus outside the project makes rootdir something else, facts/
    # in the directory pytest was started from
    for base in (config.rootpath, config.invocation_params.dir):
        if (base / DEFAULT_FACTS).exists():
            return base / DEFAULT_FACTS
    return config.rootpath / DEFAULT_FACTS


def resolve_settings(config: pytest.Config) -> Settings | None:
    """None when the plugin has nothing to do in this session (no corpus, or only an ini
    corpus while the command line names other tests). UsageError for bad values."""
    inv = config.invocation_params.dir
    ini_base = config.inipath.parent if config.inipath else config.rootpath
    cli: list[str] = config.getoption("factcheck_corpus") or []
    ini: list[str] = config.getini("factcheck_corpus") or []
    if cli:
        corpus = tuple(cli)
        roots = tuple(Path(os.path.abspath(inv / p)) for p in cli)
    elif ini:
        roots = tuple(Path(os.path.abspath(ini_base / p)) for p in ini)
        corpus = tuple(_shown(r) for r in roots)
    else:
        return None
    explicit = False
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        for arg in config.args:
            p = Path(os.path.abspath(inv / arg.partition("::")[0]))
            explicit = explicit or any(_within(p, r) for r in roots)
    if not cli and config.args_source == pytest.Config.ArgsSource.ARGS and not explicit:
        return None  # like testpaths: an ini corpus is for runs that name no tests
    for shown, root in zip(corpus, roots):
        if not os.path.lexists(root):
            raise pytest.UsageError(f"factcheck: corpus {shown}: no such file or directory")

    facts = resolve_facts(config)
    omission_opt: str | None = config.getoption("factcheck_omission")
    omission_ini: str = config.getini("factcheck_omission") or ""
    if omission_opt:
        omission, origin = omission_opt, "--omission"
    elif omission_ini:
        omission, origin = omission_ini.strip(), "factcheck_omission"
    else:
        omission, origin = "skip", "default"
    if omission not in OMISSION_MODES:
        raise pytest.UsageError(f"factcheck: {origin} must be one of {', '.join(OMISSION_MODES)}, not {omission!r}")

    baseline_opt: str | None = config.getoption("factcheck_baseline")
    update: bool = bool(config.getoption("factcheck_update_baseline"))
    baseline = Path(os.path.abspath(inv / baseline_opt)) if baseline_opt else config.rootpath / DEFAULT_BASELINE
    if baseline.is_dir():
        raise pytest.UsageError(f"factcheck: baseline {_shown(baseline)} is a directory; name a JSON file "
                                "(--factcheck-baseline FILE)")
    if baseline_opt and not update and not baseline.is_file():
        raise pytest.UsageError(f"factcheck: --factcheck-baseline {baseline_opt}: no such file "
                                "(create it with --factcheck-update-baseline)")
    reports = report_dir(config, roots, from_ini=not cli)
    per_opt: str | None = config.getoption("factcheck_per")
    per = per_opt or (config.getini("factcheck_per") or "").strip() or "fact"
    if per not in PER_MODES:
        raise pytest.UsageError(f"factcheck: factcheck_per must be one of {', '.join(PER_MODES)}, not {per!r}")
    return Settings(corpus=corpus, roots=roots, from_cli=bool(cli), facts=facts, facts_shown=_shown(facts),
                    omission=omission, omission_origin=origin, baseline_path=baseline,
                    baseline_shown=_shown(baseline), update_baseline=update, explicit=explicit,
                    skip=(config.rootpath / REPORT_DIR, reports), limits=resolve_limits(config),
                    reports=reports, per=per)


def _slug(root: Path, rootdir: Path) -> str:
    """A directory name for one corpus root: its path under rootdir ("seeds", "corpus-2024"), "" for
    rootdir itself, or, outside rootdir, its name and a hash of its absolute path (two `news/`
    never share one)."""
    if not _within(root, rootdir):
        digest = hashlib.sha256(str(root).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        return _clean_slug(f"{root.name or 'corpus'}-{digest}")
    rel = root.relative_to(rootdir).as_posix()
    return "" if rel == "." else _clean_slug(rel.replace("/", "-"))


def _clean_slug(name: str) -> str:
    return regex.sub(r"[^\w.+-]", "_", name).lstrip(".") or "corpus"


def report_dir(config: pytest.Config, roots: tuple[Path, ...], from_ini: bool) -> Path:
    """Where a full run writes its report: the ini value factcheck_reports (from the ini file's
    directory); else reports/ under rootdir for the project's own corpus (the ini factcheck_corpus,
    or rootdir itself); else, for a `--corpus`, reports/<corpus>/ (`_slug`), so that checking
    another corpus never replaces the project's reports/consistency.md."""
    ini: str = (config.getini("factcheck_reports") or "").strip()
    if ini:
        base = config.inipath.parent if config.inipath else config.rootpath
        return Path(os.path.abspath(base / ini))
    slugs = [_slug(r, config.rootpath) for r in roots]
    if from_ini or not all(slugs):  # the project's own corpus, or the whole project
        return config.rootpath / REPORT_DIR
    return config.rootpath / REPORT_DIR / "+".join(slugs)


LIMIT_INIS = ("factcheck_max_bytes", "factcheck_max_chars", "factcheck_timeout")


def resolve_limits(config: pytest.Config) -> SourceLimits:
    """The ini values factcheck_max_bytes, factcheck_max_chars and factcheck_timeout (also `-o
    name=value`), each as `factcheck check`'s option of the same name; unset: its default."""
    import argparse

    from factcheck.clitools import count_arg, positive_int, seconds_arg

    given = SourceLimits.defaults()
    values: dict[str, Any] = {"max_bytes": given.max_bytes, "max_chars": given.max_chars, "timeout": given.timeout}
    for name, parse in zip(LIMIT_INIS, (positive_int, count_arg, seconds_arg)):
        raw = str(config.getini(name) or "").strip()
        if not raw:
            continue
        try:
            values[name.removeprefix("factcheck_")] = parse(raw) or None
        except argparse.ArgumentTypeError as e:
            raise pytest.UsageError(f"factcheck: {name} = {raw!r}: {e} (as --{name[10:].replace('_', '-')} "
                                    "of `factcheck check`)") from None
    return SourceLimits(**values)


@dataclass
class CorpusEntry:
    """One file of the corpus and what read_corpus made of it (one item, or one per JSONL line)."""

    path: Path  # absolute
    jsonl: bool
    items: list[Source | SourceError] = field(default_factory=list)


def build_index(corpus: tuple[str, ...], skip: tuple[Path, ...] = (),
                limits: SourceLimits | None = None) -> dict[Path, CorpusEntry]:
    """Read the corpus once (ids depend on the whole corpus), grouped by file, in corpus order;
    `skip` (the session's own reports) is never read; `limits` bound the reading of each file."""
    index: dict[Path, CorpusEntry] = {}
    for item in read_corpus(corpus, skip=skip, **(limits or SourceLimits.defaults()).reading()):
        key = Path(os.path.abspath(item.path or item.id))
        entry = index.get(key)
        if entry is None:
            entry = index[key] = CorpusEntry(key, PurePath(item.path).suffix.lower() == ".jsonl")
        entry.items.append(item)
    return index


Checked = tuple[SourceResult | SourceError, dict[str, Finding]]


@dataclass
class WorkerInfo:
    """What the collecting process knows about completeness (sent to the controller by xdist)."""

    expected: int = 0  # corpus items a full collection makes
    selected: int = 0  # corpus items left in the session (after --lf, -k, -m, --deselect, node ids)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class State:
    def __init__(self, settings: Settings, fb: FactBase, baseline: Baseline):
        self.settings = settings
        self.fb = fb
        self.baseline = baseline
        self.facts_by_id: dict[str, Fact] = {f.id: f for f in fb.facts}
        self._index: dict[Path, CorpusEntry] | None = None
        self.collected: set[Path] = set()  # corpus files whose items were made (CorpusFile.collect)
        self.made: set[Path] = set()  # corpus files pytest's own walk made a node for
        # (directory given to pytest, node id asked for) of arguments pytest could not take (plugin._rewrite_args)
        self.wanted: list[tuple[Path, str]] = []
        self._cache: OrderedDict[str, Checked] = OrderedDict()
        self.info = WorkerInfo()
        self.worker_infos: list[dict[str, Any] | None] = []
        self.aggregate = Aggregate()
        self.marks: dict[str, list[pytest.MarkDecorator]] = {}
        self._names: dict[str, str | None] | None = None

    def baseline_names(self) -> dict[str, str | None]:
        """Source id -> the name its baseline entries are filed under (`Baseline.resolve`, over the
        whole corpus, so every process and every xdist worker agrees)."""
        if self._names is None and not self.baseline.entries:
            self._names = {}  # every source is its own name: no need to read the corpus here
        if self._names is None:
            self._names = self.baseline.resolve((i.id, i.path) for e in self.index().values() for i in e.items)
        return self._names

    def judge(self, source: Source, finding: Finding, fails_as: str | None) -> Judgement:
        """The finding against the baseline (values included: another wrong value is new)."""
        return self.baseline.judge(self.baseline_names().get(source.id, source.id), finding, fails_as)

    def index(self) -> dict[Path, CorpusEntry]:
        if self._index is None:
            self._index = build_index(self.settings.corpus, self.settings.skip, self.settings.limits)
            per_source = len(self.fb.facts) if self.settings.per == "fact" else 1
            self.info.expected = sum(per_source if isinstance(i, Source) else 1
                                     for e in self._index.values() for i in e.items)
        return self._index

    def about(self, fact: Fact, source: Source, by_fact: dict[str, Finding]) -> bool:
        """Is the source about the fact's event (does `omission: fail` apply to it)? Yes when the
        check bound a value to another fact of the event in it (agree, contradict or unclear): a
        mere "video call" in a scouts' story names no event of the base. For a fact of no event,
        when one of its cues occurs in the text; a fact with neither applies everywhere."""
        if fact.event:
            return any(f.event == fact.event and f.id != fact.id and by_fact.get(f.id) is not None
                       and by_fact[f.id].verdict != "omit" for f in self.fb.facts)
        if fact.cues:
            return any(p.search(source.text) for p in fact.cues)
        return True

    def omission_for(self, fact: Fact) -> tuple[str, str]:
        """(mode, where it comes from): the fact's own `omission:` beats the session's."""
        if fact.omission:
            return fact.omission, f"omission: {fact.omission} at {fact.defined_at}"
        return self.settings.omission, (f"{self.settings.omission_origin}={self.settings.omission}"
                                        if self.settings.omission_origin != "default" else "default")

    def _check(self, source: Source) -> SourceResult | SourceError:
        """`check_safely` within the session's limits (`factcheck check`'s messages)."""
        from factcheck.corpus import too_long
        from factcheck.corpus.text import Expired, deadline

        limits = self.settings.limits
        if limits.max_chars and len(source.text) > limits.max_chars:
            return too_long(source, limits.max_chars)
        try:
            with deadline(limits.timeout):
                return check_safely(source, self.fb)
        except Expired:
            return SourceError(source.id, source.path,
                               f"timed out: checking took longer than {limits.timeout:g} s (--timeout)")

    def checked(self, key: str, source: Source) -> Checked:
        """The check of one source, once per process while it stays in the cache."""
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        result = self._check(source)
        by_fact = {f.fact: f for f in result.findings} if isinstance(result, SourceResult) else {}
        self._cache[key] = (result, by_fact)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return result, by_fact


# -- what travels from the item to the controller ------------------------------------------------

def source_json(s: Source) -> dict[str, Any]:
    return {"id": s.id, "path": s.path, "url": s.url, "published": s.published, "notes": list(s.notes)}


def mention_json(m: Mention) -> dict[str, Any]:
    return {"text": m.text, "start": m.start, "end": m.end, "line": m.line, "col": m.col,
            "value": jsonable(m.value), "verdict": m.verdict, "rule": m.rule, "sentence": m.sentence,
            "sentence_start": m.sentence_start, "reason": m.reason, "rules": list(m.rules), "certain": m.certain}


def payload(source: Source | None, finding: Finding | None, error: SourceError | None,
            fails_as: str | None) -> dict[str, Any]:
    return {
        "source": source_json(source) if source else None,
        "finding": None if finding is None else {
            "fact": finding.fact, "verdict": finding.verdict, "expected": finding.expected,
            "mentions": [mention_json(m) for m in finding.mentions]},
        "error": None if error is None else {"id": error.id, "path": error.path, "reason": error.reason},
        "fails_as": fails_as,
    }


class Aggregate:
    """Findings and errors as received from the items' reports, whatever process ran them."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.findings: dict[str, dict[str, Finding]] = {}
        self.errors: dict[tuple[str, str, str], SourceError] = {}
        self.failing: set[Key] = set()
        self.ran: set[tuple[str, str]] = set()
        self.reports = 0

    def add_report(self, data: dict[str, Any] | list[dict[str, Any]]) -> None:
        """The payload of one item's report: one finding (or error), or a source item's list."""
        if isinstance(data, list):
            for d in data:
                self.add(d)
            self.reports -= len(data) - 1  # one item, one report
        else:
            self.add(data)

    def add(self, data: dict[str, Any]) -> None:
        self.reports += 1
        err = data.get("error")
        if err:
            e = SourceError(err["id"], err["path"], err["reason"])
            self.errors[(e.id, e.path, e.reason)] = e
        src = data.get("source")
        f = data.get("finding")
        if not src or not f:
            return
        s = Source(id=src["id"], text="", path=src["path"], url=src["url"], published=src["published"],
                   notes=tuple(src["notes"]))
        self.sources.setdefault(s.id, s)
        mentions = tuple(Mention(**{**m, "rules": tuple(m.get("rules", ()))}) for m in f["mentions"])
        self.findings.setdefault(s.id, {})[f["fact"]] = Finding(
            source=s.id, fact=f["fact"], verdict=f["verdict"], mentions=mentions, expected=f["expected"])
        self.ran.add((s.id, f["fact"]))
        if data.get("fails_as"):
            self.failing.add((s.id, f["fact"], data["fails_as"]))

    def empty(self) -> bool:
        return not self.reports

    def report(self, fb: FactBase) -> Report:
        """The consistency report of what ran: the facts and sources seen, in base order."""
        seen = {fid for per in self.findings.values() for fid in per}
        infos = [i for i in fact_infos(fb) if i.id in seen] or fact_infos(fb)
        results = [SourceResult(s, tuple(self.findings[sid].values())) for sid, s in self.sources.items()]
        return build_report(results, self.errors.values(), infos)
