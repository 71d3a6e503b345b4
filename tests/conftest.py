from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase

ROOT = Path(__file__).resolve().parents[1]

# the compiled-pattern cache (factcheck/factbase/load.py) of the test run stays out of the user's home
os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="factcheck-test-cache-"))


@pytest.fixture(scope="session")
def shipped_facts() -> FactBase:
    """The fact base shipped in facts/."""
    return load_factbase(ROOT / "facts")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
