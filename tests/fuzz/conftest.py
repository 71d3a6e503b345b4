"""Fuzzing and scale tests (issue #5). `slow` is registered here: pyproject.toml knows only `fuzz`."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a test that takes tens of seconds (deselect with -m 'not slow')")
    config.addinivalue_line("markers", "scaling: compares the time of an input with the time of the same input "
                                       "four times as long (best of five): robust on a loaded machine")
