"""Property-based fuzzing of issue 11's hostile inputs (docs/robustness.md, rows 66-):

- JSONL structures: any JSON values, nested, huge integers, odd ids, bad lines among good ones:
  one item per line with text, every Source well formed, no exception;
- charsets: an HTML page declaring any charset (real, lying, junk) in any real encoding: a Source
  or a SourceError with a reason, never an exception;
- invisible characters: zero-width characters, soft hyphens, BOMs, bidi marks sprinkled into the
  words of an article, and its digits written in another script, change no verdict and move no
  mention's start; the reading text keeps the length;
- time per KB: segmenting and reading the numbers of a long unpunctuated run of the generated
  words stays within PER_KB seconds a kilobyte (a quadratic path at 30 KB blows it by far).

Short derandomized runs in the default suite; the long run as tests/fuzz/test_fuzz.py's:
    FACTCHECK_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -q -n 2 -m fuzz tests/fuzz/test_fuzz_hostile.py
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from fuzz_strategies import articles
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import LONG, SHORT, check_within_budget, long_run, shipped

from factcheck.check import check
from factcheck.corpus import read_corpus
from factcheck.model import Source, SourceError
from factcheck.numbers import _find_numbers, find_numbers
from factcheck.segment import reading_text, segment

PER_KB = 0.25  # seconds a kilobyte of unpunctuated text, for segment() and find_numbers() (measured: < 0.01)

# --- JSONL structures -------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
IDS = st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(["a::b", "x[1]", "../x", "\u202eid", " ", "a\0b"]))


@st.composite
def jsonl_lines(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["article", "value", "deep", "digits", "junk", "blank"]))
    if kind == "article":
        record: dict[str, Any] = {"id": draw(IDS), "text": draw(st.text(max_size=200))}
        if draw(st.booleans()):
            record["extra"] = draw(JSON_VALUES)
        return json.dumps(record, ensure_ascii=draw(st.booleans()))
    if kind == "value":
        return json.dumps(draw(JSON_VALUES))
    if kind == "deep":
        n = draw(st.integers(1, 3000))
        return '{"id": "deep", "text": "t", "x": ' + "[" * n + "]" * n + "}"
    if kind == "digits":
        return '{"id": "big", "n": ' + "9" * draw(st.integers(1, 6000)) + ', "text": "x"}'
    if kind == "junk":
        return draw(st.text(max_size=40)).replace("\n", " ")
    return ""


def prop_jsonl(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d, "feed.jsonl")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        items = list(read_corpus([path]))
    assert len(items) <= len(lines)
    for item in items:
        if isinstance(item, SourceError):
            assert item.reason
        else:
            assert isinstance(item.id, str) and item.id.strip() and isinstance(item.text, str)
            item.id.encode("utf-8")
            item.text.encode("utf-8")  # no lone surrogate


# --- charsets ---------------------------------------------------------------------------------------

CHARSETS = ("utf-8", "cp1252", "latin-1", "iso-8859-5", "koi8-r", "shift_jis", "gb2312", "big5", "utf-16",
            "utf-32", "utf-7", "undefined", "rot13", "base64", "hex", "no-such", "", "x" * 60, "idna", "punycode")
ENCODINGS = ("utf-8", "cp1252", "latin-1", "koi8-r", "shift_jis", "utf-16", "utf-8-sig")


def prop_charset(declared: str, encoding: str, body: str) -> None:
    page = f'<html><head><meta charset="{declared}"><title>t</title></head><body><p>{body}</p></body></html>'
    data = page.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d, "page.html")
        path.write_bytes(data)
        (item,) = list(read_corpus([path]))
    if isinstance(item, SourceError):
        assert item.reason
    else:
        assert "\0" not in item.text and "\r" not in item.text
        check_within_budget(item, shipped())


# --- invisible characters -----------------------------------------------------------------------------

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u2066\u2069"
BASE = ("President Joe Biden and Russian President Vladimir Putin held a video call on Tuesday, December 7, "
        "2021. Secretary of State Antony Blinken said Russia massed {n} troops near Ukraine.")


@st.composite
def sprinkled(draw: st.DrawFn) -> tuple[str, str]:
    """(the clean article, the same with invisible characters inside the figure and the name, and
    its digits in another script). Only there: the core looks for parties and for the words that
    make a fact worth reading (its cues) in the text as written (docs/robustness.md 'Still open')."""
    clean = BASE.format(n=draw(st.sampled_from(["94,300", "95,300", "94,000", "100,000", "90,500"])))
    first = clean.index("Blinken")
    out = [clean[:first]]
    for i, c in enumerate(clean[first:], first):
        out.append(c)
        inside = i + 1 < len(clean) and (c.isdigit() or c == ",") and clean[i + 1].isdigit() \
            or i < first + len("Blinken") - 1
        if inside and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
    text = "".join(out)
    digits = draw(st.sampled_from(["0123456789", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
                                   "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"]))
    head, tail = text[: text.index("massed")], text[text.index("massed"):]
    return clean, head + tail.translate({ord(str(i)): digits[i] for i in range(10)})


def prop_invisible(pair: tuple[str, str]) -> None:
    clean, text = pair
    assert len(reading_text(text)) == len(text)
    fb = shipped()
    want = {f.fact: (f.verdict, [m.col for m in f.mentions]) for f in check(Source(id="c", text=clean), fb).findings}
    got = check(Source(id="t", text=text), fb)
    for f in got.findings:
        assert f.verdict == want[f.fact][0], (f.fact, f.verdict, want[f.fact])
        for m in f.mentions:
            assert text[m.start : m.end] == m.text
        if f.fact == "troops.ukraine_estimate" and f.mentions:
            # the start of the number, in the text as written
            assert text[f.mentions[0].start].isdecimal()


# --- time per KB ---------------------------------------------------------------------------------------


def prop_time_per_kb(text: str) -> None:
    run = " ".join(w.strip(".!?\n") for w in text.split()) or "x"
    run = (run + " ") * (30_000 // (len(run) + 1) + 1)
    _find_numbers.cache_clear()
    started = time.perf_counter()
    segment(run)
    find_numbers(run)
    elapsed = time.perf_counter() - started
    assert elapsed / (len(run) / 1000) < PER_KB, f"{elapsed:.2f} s for {len(run)} characters"


# --- short and long runs -------------------------------------------------------------------------------


@SHORT
@given(st.lists(jsonl_lines(), min_size=1, max_size=8))
def test_fuzz_jsonl_structures_short(lines: list[str]) -> None:
    prop_jsonl(lines)


@SHORT
@given(st.sampled_from(CHARSETS), st.sampled_from(ENCODINGS), articles(max_tokens=30))
def test_fuzz_charsets_short(declared: str, encoding: str, body: str) -> None:
    prop_charset(declared, encoding, body)


@SHORT
@given(sprinkled())
def test_fuzz_invisible_characters_short(pair: tuple[str, str]) -> None:
    prop_invisible(pair)


@SHORT
@given(articles(max_tokens=60))
def test_fuzz_time_per_kb_short(text: str) -> None:
    prop_time_per_kb(text)


@pytest.mark.fuzz
@long_run
@LONG
@given(st.lists(jsonl_lines(), min_size=1, max_size=8))
def test_fuzz_jsonl_structures_long(lines: list[str]) -> None:
    prop_jsonl(lines)


@pytest.mark.fuzz
@long_run
@LONG
@given(st.sampled_from(CHARSETS), st.sampled_from(ENCODINGS), articles(max_tokens=30))
def test_fuzz_charsets_long(declared: str, encoding: str, body: str) -> None:
    prop_charset(declared, encoding, body)


@pytest.mark.fuzz
@long_run
@LONG
@given(sprinkled())
def test_fuzz_invisible_characters_long(pair: tuple[str, str]) -> None:
    prop_invisible(pair)


@pytest.mark.fuzz
@long_run
@LONG
@given(articles(max_tokens=60))
def test_fuzz_time_per_kb_long(text: str) -> None:
    prop_time_per_kb(text)
