"""Fuzzing and scale tests (issue #5). `slow` is registered here: pyproject.toml knows only `fuzz`."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a test that takes tens of seconds (deselect with -m 'not slow')")
