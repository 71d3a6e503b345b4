"""Time in proportion to the input: no quadratic path (issue 11, item 4; docs/robustness.md).

No test here compares a time with a number of seconds: each compares the time of one input with
the time of the same input four times as long (best of five, taken in turn, so that a loaded
2-core machine does not fail it). Linear gives a ratio of about 4; quadratic, 16. The bound is 10.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
from fuzz_strategies import ROOT

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source
from factcheck.numbers import _find_numbers, find_numbers
from factcheck.segment import segment

pytestmark = pytest.mark.scaling
RATIO = 10.0  # linear is 4, quadratic 16: room for a loaded CI machine (7 failed once under load)

# one "sentence" with no full stop, of each shape that was quadratic in segment.py or numbers.py
SHAPES = {
    "digits": "1 2 3 4 5 6 7 8 9 10 ",  # the furniture patterns ran on a line of any length
    "abbreviations": "Mr. Dr. U. S. A. e.g. ",  # the abbreviation test ran on the growing head
    "names": "Biden, Putin, Blinken, Sullivan and ",
    "quotes": "\u201cHello\u201d he said (and \u201cbye\u201d) ",
    "multipliers": "x 5bn y 6m z ",  # "is there a currency before?" searched the whole prefix
    "magnitudes": "tens of thousands and 5 ",  # each magnitude filtered every number found
    "ranges": "from 5 to 7 and 8 ",  # "from"/"between" before a number: the whole prefix
    "invisible": "Blin\u00adken 94\u200b300 \u0412rinken ",
}


def _ratio(f: Callable[[str], object], unit: str, small: int) -> float:
    """time(4 x small) / time(small), each the best of five runs taken in turn, so that a burst of
    load on the machine hits both sizes alike."""
    def text(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    def timed(t: str) -> float:
        started = time.perf_counter()
        f(t)
        return time.perf_counter() - started

    a, b = text(small), text(4 * small)
    f(a)  # warm caches
    small_times, large_times = [], []
    for _ in range(5):
        small_times.append(timed(a))
        large_times.append(timed(b))
    return min(large_times) / max(min(small_times), 1e-4)


def _read(text: str) -> None:
    _find_numbers.cache_clear()
    segment(text)
    find_numbers(text)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_segmenting_and_reading_numbers_is_linear(shape: str) -> None:
    ratio = _ratio(_read, SHAPES[shape], 40_000)
    assert ratio < RATIO, f"{shape}: time(160k)/time(40k) = {ratio:.1f}"


TROOPS = "Russia massed 94,300 troops near Ukraine and "


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("FACTCHECK_SLOW"), reason="about 40 s: run with FACTCHECK_SLOW=1")
def test_checking_an_unpunctuated_sentence_is_linear() -> None:
    fb = load_factbase(ROOT / "facts")
    ratio = _ratio(lambda t: check(Source(id="x", text=t), fb), TROOPS, 5_000)
    assert ratio < RATIO, f"time(20k)/time(5k) = {ratio:.1f}"
