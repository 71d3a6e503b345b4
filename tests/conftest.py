from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase
from factcheck.model import Finding, Source

ROOT = Path(__file__).resolve().parents[1]

# property tests check behaviour, not speed (speed is measured in benchmarks/): no per-example
# deadline, which the first example of a process would miss while it compiles the readers' patterns
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

# the compiled-pattern cache (factcheck/factbase/load.py) of the test run stays out of the user's home,
# in a temporary folder removed when the process that made it ends (subprocesses inherit the variable)
if "FACTCHECK_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="factcheck-test-cache-")
    os.environ["FACTCHECK_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def shipped_facts() -> FactBase:
    """The fact base shipped in facts/."""
    return load_factbase(ROOT / "facts")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def finding_of(tmp_path: Path) -> Callable[..., Finding]:
    """A one-file base written to `tmp_path` and checked on one text: `finding_of(base_yaml, text)` is
    the finding of the base's first fact, `finding_of(base_yaml, text, "fact.id")` that fact's."""
    def _find(base: str, text: str, fact: str | None = None) -> Finding:
        (tmp_path / "f.yaml").write_text(base, encoding="utf-8")
        findings = check(Source(id="x", text=text), load_factbase(tmp_path)).findings
        return findings[0] if fact is None else next(f for f in findings if f.fact == fact)
    return _find
