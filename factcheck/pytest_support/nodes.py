"""Collection nodes: one `CorpusFile` per corpus file, one `FactItem` per (source, fact).

    seeds/000_3cc3693bd4ee27e1.txt::person.smith          a text, HTML or markdown file
    corpus/articles.jsonl::<article id>::person.smith    one JSONL article (an `ArticleNode`)
    seeds/broken.txt::unreadable                            a file that cannot be read
    corpus/articles.jsonl::articles:12                     a bad JSONL line

Node ids depend only on the corpus and the fact base, so every xdist worker collects the same
ids. Collection reads the corpus (ids and readability depend on it) but checks nothing: the
first item of a source to run calls `check_safely`, and the result is cached per process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import regex

from factcheck.factbase.model import Fact
from factcheck.model import Finding, Source, SourceError
from factcheck.pytest_support import messages
from factcheck.pytest_support.state import RESERVED_MARKS, State, payload

if TYPE_CHECKING:
    from _pytest._code.code import ReprExceptionInfo, TerminalRepr

STATE_KEY = pytest.StashKey["State"]()
UNREADABLE = "unreadable"


class FactcheckFailure(Exception):
    """A corpus item failed; the message says everything (shown without a traceback). `crash`:
    (path, line, one-line message), what `--tb=line`, the short summary (`-rf`), JUnit XML's
    failure message and pytest-json-report's `crash` show: expected vs found."""

    def __init__(self, text: str, crash: tuple[str, int, str] | None = None):
        super().__init__(text)
        self.crash = crash


def failure_repr(text: str, crash: tuple[str, int, str]) -> ReprExceptionInfo:
    """The failure as pytest's own representation of an exception: the text as is (no traceback,
    no `E` prefixes) and a crash line (`path:line: message`). Unlike a plain string it keeps the
    crash line through xdist's serialization."""
    from _pytest._code.code import ReprEntry, ReprExceptionInfo, ReprFileLocation, ReprTraceback

    entry = ReprEntry(lines=text.splitlines(), reprfuncargs=None, reprlocals=None, reprfileloc=None, style="value")
    return ReprExceptionInfo(reprtraceback=ReprTraceback([entry], None, "value"),
                             reprcrash=ReprFileLocation(crash[0], crash[1], crash[2]))


def get_state(config: pytest.Config) -> State:
    return config.stash[STATE_KEY]


def corpus_nodeid(rootpath: Path, path: Path) -> str:
    """The path part of a node id: relative to rootdir, also for files outside it."""
    try:
        rel = path.relative_to(rootpath).as_posix()
    except ValueError:
        rel = Path(os.path.relpath(path, rootpath)).as_posix()
    return rel


_NODE_ESCAPES = regex.compile(r"%|\[|\]|:{2,}|\A:|:\Z")


def node_name(source_id: str) -> str:
    """A JSONL article id as one node-id segment, one to one (two ids never share a node id, so
    each is selectable and `--lf` reruns it): `%`, `[`, `]` and the colons of `::` (or of a
    colon at either end) are written %25, %5B, %5D, %3A; "p::q" is p%3A%3Aq, "r[1]" is r%5B1%5D,
    "r(1)" and "p:q" stay as they are."""
    return _NODE_ESCAPES.sub(lambda m: "".join(f"%{ord(c):02X}" for c in m.group(0)), source_id) or "%"


def _marks(state: State, fact: Fact) -> list[pytest.MarkDecorator]:
    """`factcheck`, the fact's kind and its tags (made once per fact: collection makes many items)."""
    cached = state.marks.get(fact.id)
    if cached is None:
        names = ["factcheck", fact.kind]
        names += [t for t in fact.tags if t not in RESERVED_MARKS and not t.startswith("_") and t not in names]
        cached = state.marks[fact.id] = [getattr(pytest.mark, n) for n in names]
    return cached


class _CorpusItem(pytest.Item):
    """What fact items and unreadable-source items share."""

    factcheck_payload: dict[str, Any] | list[dict[str, Any]] | None = None
    _line = 0

    def reportinfo(self) -> tuple[Path, int, str]:
        # The domain (the title of a failure's section) is the node id, plus a space: `pytest -v`
        # rewrites a domain that ends its line as a Python path ("." -> "::"), which would print
        # "seeds/a::txt::person::smith"; with the space it prints the node id as it is, one
        # that can be pasted back.
        return self.path, self._line, self.nodeid + " "

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, FactcheckFailure):
            text = str(excinfo.value)
            crash = excinfo.value.crash or (self.nodeid.partition("::")[0], self._line + 1, text.partition("\n")[0])
            return failure_repr(text, crash)
        return super().repr_failure(excinfo, style)


class FactItem(_CorpusItem):
    def __init__(self, *, source: Source, fact: Fact, source_key: str, jsonl: bool, **kw: Any):
        super().__init__(**kw)
        self.source = source
        self.fact = fact
        self.source_key = source_key
        self.jsonl = jsonl

    def runtest(self) -> None:
        run_fact(self, get_state(self.config))


SOURCE_ITEM = "facts"  # the name of a source's one item with --factcheck-per source


class SourceItem(_CorpusItem):
    """Every fact of one source in one test (--factcheck-per source): it fails when any fact's test
    would fail, with all their messages; xfails when the only failures are known (baseline) or
    tolerated (a warning or info fact). Findings and the report are those of the per-fact tests."""

    def __init__(self, *, source: Source, source_key: str, jsonl: bool, **kw: Any):
        super().__init__(**kw)
        self.source = source
        self.source_key = source_key
        self.jsonl = jsonl

    def runtest(self) -> None:
        run_source(self, get_state(self.config))


@dataclass
class _FactRun:
    """What `run_fact` needs of an item, for one fact of a source item."""

    source: Source
    fact: Fact
    source_key: str
    jsonl: bool
    _line: int = 0
    factcheck_payload: dict[str, Any] | list[dict[str, Any]] | None = None
    user_properties: list[tuple[str, object]] = field(default_factory=list)


def run_source(item: SourceItem, state: State) -> None:
    """Each fact's test of the source, run in turn; one outcome for them all."""
    failures: list[FactcheckFailure] = []
    xfails: list[str] = []
    payloads: list[dict[str, Any]] = []
    for fact in state.fb.facts:
        one = _FactRun(item.source, fact, item.source_key, item.jsonl)
        try:
            run_fact(one, state)  # type: ignore[arg-type]  # the attributes of a FactItem it uses
        except FactcheckFailure as e:
            failures.append(e)
            if isinstance(one.factcheck_payload, dict) and one.factcheck_payload.get("error"):
                item.factcheck_payload = one.factcheck_payload  # unreadable: one error, not one per fact
                raise
        except pytest.xfail.Exception as e:
            xfails.append(f"{fact.id}: {e.msg}")
        except pytest.skip.Exception:
            pass
        if isinstance(one.factcheck_payload, dict):
            payloads.append(one.factcheck_payload)
        item.user_properties += one.user_properties
    item.factcheck_payload = payloads
    if failures:
        first = failures[0].crash
        crash = None if first is None else (first[0], first[1], f"{len(failures)} failing: {first[2]}")
        raise FactcheckFailure("\n\n".join(str(e) for e in failures), crash)
    if xfails:
        pytest.xfail("; ".join(xfails))


class UnreadableItem(_CorpusItem):
    def __init__(self, *, error: SourceError, **kw: Any):
        super().__init__(**kw)
        self.error = error

    def runtest(self) -> None:
        self.factcheck_payload = payload(None, None, self.error, None)
        raise FactcheckFailure(messages.unreadable_text(self.error), messages.unreadable_crash(self.error))


def _add_marks(item: pytest.Item, marks: list[pytest.MarkDecorator]) -> None:
    """What `item.add_marker` does, without its per-call lookups (a corpus makes many items)."""
    for m in marks:
        item.keywords[m.name] = m
        item.own_markers.append(m.mark)


def _fact_items(parent: pytest.Collector, source: Source, jsonl: bool) -> Iterator[_CorpusItem]:
    state = get_state(parent.config)
    key = parent.nodeid
    if state.settings.per == "source":
        one = SourceItem.from_parent(parent, name=SOURCE_ITEM, source=source, source_key=key, jsonl=jsonl)
        _add_marks(one, [pytest.mark.factcheck])
        yield one
        return
    for fact in state.fb.facts:
        item = FactItem.from_parent(parent, name=fact.id, source=source, fact=fact, source_key=key, jsonl=jsonl)
        _add_marks(item, _marks(state, fact))
        yield item


def _unreadable(parent: pytest.Collector, name: str, error: SourceError) -> UnreadableItem:
    item = UnreadableItem.from_parent(parent, name=name, error=error)
    _add_marks(item, [pytest.mark.factcheck])
    return item


class ArticleNode(pytest.Collector):
    """One article of a JSONL file."""

    def __init__(self, *, source: Source, **kw: Any):
        super().__init__(**kw)
        self.source = source

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        yield from _fact_items(self, self.source, jsonl=True)


class CorpusFile(pytest.File):
    """One file of the corpus."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        state = get_state(self.config)
        key = Path(os.path.abspath(self.path))
        entry = state.index().get(key)
        if entry is None:
            return
        # collected here, not when the node was made: a file whose collection `--lf` skipped (its
        # node id does not parse back to its path, "a::b.txt") is made again by the plugin
        state.collected.add(key)
        if not entry.jsonl and len(entry.items) == 1:
            only = entry.items[0]
            if isinstance(only, SourceError):
                yield _unreadable(self, UNREADABLE, only)
            else:
                yield from _fact_items(self, only, jsonl=False)
            return
        for it in entry.items:
            if isinstance(it, SourceError):
                yield _unreadable(self, node_name(it.id), it)
            else:
                yield ArticleNode.from_parent(self, name=node_name(it.id), source=it)


def run_fact(item: FactItem, state: State) -> None:
    """Turn the verdict for (source, fact) into a pytest outcome. The check itself is the core's."""
    s = state.settings
    source, fact = item.source, item.fact
    result, by_fact = state.checked(item.source_key, source)
    if isinstance(result, SourceError):
        item.factcheck_payload = payload(source, None, result, None)
        raise FactcheckFailure(messages.unreadable_text(result), messages.unreadable_crash(result))
    finding = by_fact.get(fact.id) or Finding(source=source.id, fact=fact.id, verdict="omit",
                                              expected=fact.expected)
    verdict = finding.verdict
    decisive = [m for m in finding.mentions if m.verdict == verdict]
    item._line = decisive[0].line - 1 if decisive else 0
    mode, origin = state.omission_for(fact)
    # `omission: fail` asks the sources about the fact's event to state it, not every article
    about = mode != "fail" or verdict != "omit" or state.about(fact, source, by_fact)
    wrong = verdict if verdict == "contradict" or (verdict == "omit" and mode == "fail" and about) else None
    fails_as = wrong if fact.severity == "error" else None  # a warning or info fact never fails
    item.factcheck_payload = payload(source, finding, None, fails_as)
    item.user_properties += messages.evidence_properties(source, fact, finding)
    tolerated = bool(wrong) and not fails_as
    judged = None if s.update_baseline or tolerated else state.judge(source, finding, fails_as)
    if judged is not None:
        item.user_properties.append(("factcheck_baseline", judged.status))
    recorded = judged.recorded if judged else frozenset[str]()
    if fails_as:
        if judged is None or judged.status == "known":
            pytest.xfail(messages.xfail_reason(fails_as, s.baseline_shown, s.update_baseline))
        note = judged.note(s.baseline_shown, fails_as)
        if verdict == "contradict":
            text = messages.contradiction_text(source, fact, finding, facts_shown=s.facts_shown,
                                               jsonl=item.jsonl, note=note)
        else:
            text = messages.omission_text(source, fact, finding, origin=origin, facts_shown=s.facts_shown,
                                          jsonl=item.jsonl, note=note)
        raise FactcheckFailure(text, messages.crash(source, fact, finding))
    if tolerated:
        pytest.xfail(messages.severity_reason(fact, finding))
    if judged is not None and judged.status == "fixed":
        raise FactcheckFailure(messages.fixed_text(source, fact, finding, recorded, s.baseline_shown),
                               messages.fixed_crash(source, fact, finding, recorded))
    if verdict == "omit" and mode == "fail":  # not about the fact's event
        raise pytest.skip.Exception(messages.skip_reason(fact, finding, not_about=fact.event or "its cues"),
                                    _use_item_location=True)
    if verdict == "omit" and mode == "skip":
        raise pytest.skip.Exception(messages.skip_reason(fact, finding), _use_item_location=True)
    if verdict == "unclear":
        # bound, but not sure enough to accuse: never a failure, shown with its quote (-rs)
        raise pytest.skip.Exception(messages.unclear_reason(fact, finding), _use_item_location=True)
