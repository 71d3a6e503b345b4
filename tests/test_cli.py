"""The command line's contract: exit codes, output formats, explain on JSONL articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
FACTS = str(ROOT / "facts")


def test_missing_corpus_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope"), "--facts", FACTS, "--output", str(tmp_path / "o.json")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


def test_corpus_without_articles_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["check", str(tmp_path / "empty"), "--facts", FACTS, "--output", str(tmp_path / "o.json")]) == 2
    assert "no article found" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "first"), [("r.json", "{"), ("r.csv", "source,fact,verdict"),
                                             ("r.md", "# Fact-check report")])
def test_output_format_follows_the_file_name(tmp_path: Path, name: str, first: str) -> None:
    out = tmp_path / name
    assert main(["check", str(ROOT / "seeds"), "--facts", FACTS, "--output", str(out)]) == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith(first)
    if name.endswith(".json"):
        assert {"findings", "sources", "facts", "errors"} <= set(json.loads(text))


def test_a_format_unlike_the_file_name_is_written_and_said(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert main(["check", str(ROOT / "seeds"), "--facts", FACTS, "--format", "line", "--output", str(out)]) == 1
    assert not out.read_text(encoding="utf-8").startswith("{")  # written as asked
    assert "writing line format to" in capsys.readouterr().err
    same = tmp_path / "s.json"
    assert main(["check", str(ROOT / "seeds"), "--facts", FACTS, "--format", "json", "--output", str(same)]) == 1
    assert "note:" not in capsys.readouterr().err


def test_explain_names_one_article_of_a_jsonl_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a1", "text": "Biden and Putin held a video call on Wednesday."}\n'
                    '{"id": "a2", "text": "Blinken spoke."}\n', encoding="utf-8")
    assert main(["explain", str(feed), "summit.date", "--facts", FACTS]) == 2
    assert "name one as" in capsys.readouterr().err
    assert main(["explain", f"{feed}::a1", "summit.date", "--facts", FACTS]) == 0
    assert capsys.readouterr().out.startswith("a1 x summit.date: CONTRADICT")


def test_words_lists_what_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck words` lists the units, currencies, duration units, zones and hedges a fact base can
    use (users were told not to read the package to find them)."""
    from factcheck.cli import main

    assert main(["words", "units", "zones"]) == 0
    out = capsys.readouterr().out
    assert "acre: acre, acres" in out and "hectare: ha" in out and "CEST: 2" in out
    assert main(["words"]) == 0
    out = capsys.readouterr().out
    assert "USD: before $" in out and "Hedges before a number" in out and "Duration units" in out
    assert main(["words", "colours"]) == 2
