"""Large fact bases start fast (issue 13 item 7): the compiled patterns, the runaway analysis and the
prefilter's words are kept on disk between runs (factbase/load.py, `PatternCache`), and a base loads
the same, with the same problems, whether they come from there or not."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
import regex

import factcheck.factbase.load as load_module
from factcheck.check import check
from factcheck.factbase.load import PatternCache, cache_dir, load_factbase, load_with_problems
from factcheck.model import Source

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _plain(x: Any) -> Any:
    """A loaded base as plain values: a compiled pattern is its text and flags."""
    if isinstance(x, regex.Pattern):
        return ("pattern", x.pattern, int(x.flags))
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return (type(x).__name__, *(_plain(getattr(x, f.name)) for f in dataclasses.fields(x)))
    if isinstance(x, dict):
        return tuple((_plain(k), _plain(v)) for k, v in x.items())
    if isinstance(x, (list, tuple)):
        return tuple(_plain(v) for v in x)
    if hasattr(x, "compiled"):  # TimedRegex
        return _plain(x.compiled)
    return x


class _Compiles:
    """Counts the patterns of a base compiled by the regex module."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, sources: set[str]):
        self.sources, self.seen = sources, []
        real = regex.compile

        def counting(pattern: Any, flags: int = 0, **kw: Any) -> Any:
            if pattern in self.sources:
                self.seen.append(pattern)
            return real(pattern, flags, **kw)

        monkeypatch.setattr(load_module.regex, "compile", counting)


def _cue_sources(fb: Any) -> set[str]:
    """The patterns as compiled (from the start of a word: load.word_start_pattern)."""
    return {p.compiled.pattern for f in fb.facts for p in (*f.cues, *f.near, *f.exclude)}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(where))
    return where


def test_a_base_loads_the_same_from_the_cache_and_checks_the_same(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    assert cache_dir() is None
    plain = load_factbase(ROOT / "facts")
    assert not cache.exists()
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache))
    cold = load_factbase(ROOT / "facts")
    assert len(list(cache.glob("patterns-*.pickle"))) == 1
    counter = _Compiles(monkeypatch, _cue_sources(plain))
    warm = load_factbase(ROOT / "facts")
    assert counter.seen == []  # no pattern of the base compiled again
    assert _plain(plain) == _plain(cold) == _plain(warm)
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert check(Source(path.stem, text), plain) == check(Source(path.stem, text), warm)


def test_the_checks_of_a_pattern_are_made_again_when_it_comes_from_the_cache(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "f" / "facts.yaml"
    base.parent.mkdir()
    base.write_text("facts:\n  - id: x.year\n    kind: year\n    value: 1991\n    cues: ['founded', 'x?']\n",
                    encoding="utf-8")
    for _ in range(2):  # FB032 each time: a pattern that matches the empty string is never taken as cleared
        _, problems = load_with_problems(base.parent)
        assert [p.code for p in problems] == ["FB032"]
    base.write_text("facts:\n  - id: x.year\n    kind: year\n    value: 1991\n    cues: ['founded']\n",
                    encoding="utf-8")
    assert load_factbase(base.parent).facts[0].cues[0].source == "founded"
    monkeypatch.setattr(load_module, "runs_away", lambda rx: "aaaa")  # the probes, made again, now refuse it
    _, problems = load_with_problems(base.parent)
    assert [p.code for p in problems] == ["FB031"]


def test_an_edited_base_compiles_only_its_new_patterns(cache: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    facts = shutil.copytree(ROOT / "facts", tmp_path / "facts")
    fb = load_factbase(facts)
    edited = next(p for p in facts.rglob("*.yaml") if "cues:" in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("cues: [", "cues: ['newly written cue', ", 1),
                      encoding="utf-8")
    new = load_module.word_start_pattern("newly written cue")
    counter = _Compiles(monkeypatch, _cue_sources(fb) | {new})
    again = load_factbase(facts)
    assert counter.seen == [new]
    assert len(again.facts) == len(fb.facts)
    assert len(list(cache.glob("patterns-*.pickle"))) == 2  # the earlier state is kept too


def test_a_cache_file_holds_compiled_patterns_only(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> Any:
            return (exec, (f"open({str(marker)!r}, 'w')",))

    bad = tmp_path / "patterns-x-y.pickle"
    bad.write_bytes(pickle.dumps(Evil()))
    assert PatternCache._read(bad) is None
    assert not marker.exists()
    bad.write_bytes(b"\x80\x05 not a pickle")
    assert PatternCache._read(bad) is None
    bad.write_bytes(pickle.dumps(("another version of factcheck", {"x": regex.compile("x", regex.I)}, {}, {})))
    assert PatternCache._read(bad) is None
    assert PatternCache._read(tmp_path / "missing.pickle") is None


def test_the_cache_keeps_the_latest_files(cache: Path, tmp_path: Path) -> None:
    for k in range(load_module._CACHE_KEEP + 4):
        d = tmp_path / f"b{k}"
        d.mkdir()
        (d / "facts.yaml").write_text(
            f"facts:\n  - id: x.year\n    kind: year\n    value: {1900 + k}\n    cues: ['founded{k}']\n",
            encoding="utf-8")
        load_factbase(d)
    assert len(list(cache.glob("patterns-*.pickle"))) == load_module._CACHE_KEEP


def test_where_the_cache_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache_dir() == Path("/somewhere/factcheck")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    for off in ("off", "0", ""):
        monkeypatch.setenv("FACTCHECK_CACHE_DIR", off)
        assert cache_dir() is None
