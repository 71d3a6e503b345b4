from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shipped_facts() -> FactBase:
    """The fact base shipped in facts/."""
    return load_factbase(ROOT / "facts")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
