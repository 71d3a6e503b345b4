"""`LazyFindings`: `check` gives one finding per fact of the base, but makes only those of the facts
that bound something; every other omission is made when read. So an article costs the same with 30
facts as with 3,000 (issue 13: off-topic articles cost 11.7x more with 3,000 facts than with 30, nearly
all of it making 3,000 omissions per article; on-topic ones spent a third of their time there). The
findings are the full run's, compare equal to their tuple, survive pickling (results cross processes
with --jobs), and the report store counts them without making the omissions."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from factcheck import runner
from factcheck.check import _Checker, check
from factcheck.factbase.load import load_factbase
from factcheck.model import Finding, LazyFindings, Source, SourceResult
from factcheck.report.store import ReportStore

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
OFF = Source(id="off", text="Heavy rain is expected across the north-west this weekend, forecasters warned.")


def test_an_article_where_nothing_binds_gets_lazy_omissions_equal_to_the_full_run() -> None:
    fb = load_factbase(FACTS)
    quick = check(OFF, fb)
    assert isinstance(quick.findings, LazyFindings) and len(quick.findings) == len(fb.facts)
    full = _Checker(OFF, fb).run()
    assert isinstance(full.findings, LazyFindings) and not full.findings.found
    assert quick.findings == full.findings and full.findings == quick.findings and quick == full
    assert list(quick.findings) == list(full.findings)
    assert quick.findings[0] == full.findings[0] and quick.findings[-2:] == full.findings[-2:]
    assert all(isinstance(f, Finding) and f.verdict == "omit" and f.source == "off" for f in quick.findings)
    assert hash(quick) == hash(full)


def test_omissions_survive_pickling() -> None:
    fb = load_factbase(FACTS)
    quick = check(OFF, fb)
    back = pickle.loads(pickle.dumps(quick, protocol=5))
    assert back == quick and isinstance(back.findings, LazyFindings)


def test_the_store_counts_omissions_as_it_counts_their_findings() -> None:
    fb = load_factbase(FACTS)
    infos = runner.fact_infos(fb)
    on = check(Source(id="on", text=(ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")), fb)
    results = [check(Source(id=f"off{i}", text=OFF.text), fb) for i in range(3)] + [on]
    assert all(isinstance(r.findings, LazyFindings) for r in results[:3])
    as_tuples = [SourceResult(r.source, tuple(r.findings)) for r in results]
    with ReportStore(infos) as lazy, ReportStore(infos) as eager:
        for r in results:
            lazy.add(r)
        for r in as_tuples:
            eager.add(r)
        assert lazy.totals == eager.totals and lazy.per_fact == eager.per_fact
        assert lazy.report().results[0] == eager.report().results[0]
        assert [r.findings for r in lazy.report().results] == [r.findings for r in eager.report().results]


def test_omissions_of_other_facts_are_normalised_not_counted_blindly() -> None:
    fb = load_factbase(FACTS)
    infos = runner.fact_infos(fb)
    other = LazyFindings("x", [{"source": "", "fact": "nope", "verdict": "omit", "mentions": (), "expected": ""}])
    with ReportStore(infos) as store, pytest.raises(ValueError, match="unknown fact 'nope'"):
        store.add(SourceResult(Source(id="x", text=""), other))
