"""Property-based fuzzing of the whole pipeline: fact files -> load_with_problems -> check.

Properties, for every generated input:
- nothing raises;
- one source is checked within PER_SOURCE_BUDGET seconds;
- a fact base that is refused has at least one problem, each with a code FBnnn, a line and a
  column (1-based), and a file name;
- a loaded fact base gives one finding per fact for any article;
- bytes on disk (any encoding, any extension) become a Source or a SourceError with a reason.

The default suite runs a short, derandomized version (SHORT_EXAMPLES each). The long run:
    FACTCHECK_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -q -n 2 -m fuzz tests/fuzz/test_fuzz.py \
        --hypothesis-show-statistics
(docs/robustness.md records its figures).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from functools import cache
from pathlib import Path

import pytest
from fuzz_strategies import ROOT, articles, encoded_articles, fact_bytes
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factcheck.check import check
from factcheck.corpus import read_corpus
from factcheck.errors import Problem
from factcheck.factbase.load import load_factbase, load_with_problems
from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError

PER_SOURCE_BUDGET = 2.0  # seconds
SHORT_EXAMPLES = 100
LONG_EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "0") or 0)
_CODE = re.compile(r"FB\d{3}")
# The core bugs these properties found (a 309-digit number, a Kawi or Garay digit, "April 31"
# beside a cue, a control character in an HTML page, a 400-digit count value) have regression tests
# in tests/test_robustness.py; the generators keep producing such inputs.

SHORT = settings(max_examples=SHORT_EXAMPLES, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LONG = settings(max_examples=max(LONG_EXAMPLES, 1), deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
long_run = pytest.mark.skipif(not LONG_EXAMPLES, reason="set FACTCHECK_FUZZ_EXAMPLES=N to fuzz with N examples")


@cache
def shipped() -> FactBase:
    return load_factbase(ROOT / "facts")


def check_within_budget(source: Source, fb: FactBase) -> None:
    started = time.perf_counter()
    result = check(source, fb)
    elapsed = time.perf_counter() - started
    assert elapsed < PER_SOURCE_BUDGET, f"{elapsed:.2f} s for {len(source.text)} characters"
    assert [f.fact for f in result.findings] == [f.id for f in fb.facts]
    for f in result.findings:
        for m in f.mentions:
            assert source.text[m.start : m.end] == m.text and m.line >= 1 and m.col >= 1


def assert_problems_are_positioned(problems: list[Problem]) -> None:
    assert problems, "a refused fact base must say why"
    for p in problems:
        assert _CODE.fullmatch(p.code), p
        assert p.line >= 1 and p.col >= 1, p
        assert p.file and p.message, p


def load_bytes(data: bytes) -> tuple[FactBase | None, list[Problem]]:
    """load_with_problems on one fact file holding `data`."""
    with tempfile.TemporaryDirectory() as d:
        Path(d, "facts.yaml").write_bytes(data)
        return load_with_problems(d)


# --- the properties, shared by the short and the long runs -----------------------------------------


def prop_article(text: str) -> None:
    check_within_budget(Source(id="fuzz", text=text), shipped())


def prop_fact_file(data: bytes, text: str) -> None:
    fb, problems = load_bytes(data)
    if fb is None:
        event("fact file refused")
        assert_problems_are_positioned(problems)
        return
    event("fact file loaded")
    assert problems == []
    check_within_budget(Source(id="fuzz", text=text), fb)


def prop_bytes_on_disk(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d, "article" + suffix)
        path.write_bytes(data)
        items = list(read_corpus([path]))
        # every file gives a source or an error, except a JSONL file without a line of text: no article
        assert items or (suffix == ".jsonl" and not data.strip()), "no source and no error"
        for item in items:
            if isinstance(item, SourceError):
                assert item.reason and item.path == str(path)
            else:
                assert "\0" not in item.text and "\r" not in item.text
                check_within_budget(item, shipped())


SUFFIXES = st.sampled_from((".txt", ".md", ".html", ".jsonl", ".htm", ".dat"))


@SHORT
@given(articles())
def test_fuzz_articles_short(text: str) -> None:
    prop_article(text)


@SHORT
@given(fact_bytes(), articles(max_tokens=40))
def test_fuzz_fact_files_short(data: bytes, text: str) -> None:
    prop_fact_file(data, text)


@SHORT
@given(encoded_articles(), SUFFIXES)
def test_fuzz_bytes_on_disk_short(data: bytes, suffix: str) -> None:
    prop_bytes_on_disk(data, suffix)


@pytest.mark.fuzz
@long_run
@LONG
@given(articles())
def test_fuzz_articles_long(text: str) -> None:
    prop_article(text)


@pytest.mark.fuzz
@long_run
@LONG
@given(fact_bytes(), articles(max_tokens=40))
def test_fuzz_fact_files_long(data: bytes, text: str) -> None:
    prop_fact_file(data, text)


@pytest.mark.fuzz
@long_run
@LONG
@given(encoded_articles(), SUFFIXES)
def test_fuzz_bytes_on_disk_long(data: bytes, suffix: str) -> None:
    prop_bytes_on_disk(data, suffix)
