from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase

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
