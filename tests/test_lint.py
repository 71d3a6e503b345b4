"""`factcheck lint [--facts DIR] [CORPUS ...]`: exit 0 clean, 1 problems, 2 usage."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.factbase.load import load_with_problems
from factcheck.lint import lint, unused

FACTS = """facts:
  - id: crimea.annexation_year
    kind: year
    value: 2014
    cues: ['Crimea\\w*']
  - id: minsk.year
    kind: year
    value: 2015
    cues: ['Minsk', 'Belarus capital']
"""

BROKEN = """events:
  - id: summit
    what: the video summit
    facts:
      - id: summit.date
        kind: date
        vaule: 2021-12-07
      - id: summit.duration
        kind: duration
        value: two hourz
"""


@pytest.fixture()
def facts(tmp_path: Path) -> Path:
    d = tmp_path / "facts"
    d.mkdir()
    (d / "a.yaml").write_text(FACTS, encoding="utf-8")
    return d


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "one.txt").write_text("Russia annexed Crimea in 2014.\n", encoding="utf-8")
    return d


def test_shipped_facts_are_clean(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--facts", str(root / "facts")]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "0 problem(s)" in err


def test_default_facts_directory(root: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(root)
    assert main(["lint"]) == 0
    assert "0 problem(s)" in capsys.readouterr().err


def test_problems_exit_1_and_are_all_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "facts"
    d.mkdir()
    (d / "a.yaml").write_text(BROKEN, encoding="utf-8")
    assert main(["lint", "--facts", str(d)]) == 1
    out, err = capsys.readouterr()
    assert "a.yaml:7:9: FB010: unknown key 'vaule' in fact" in out
    assert "fix: did you mean 'value'?" in out
    assert "a.yaml:10:16: FB020: fact 'summit.duration': cannot read 'two hourz' as one duration" in out
    assert out.index("FB010") < out.index("FB020")
    assert "2 problem(s)" in err


def test_missing_facts_directory_is_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--facts", str(tmp_path / "nope")]) == 2
    out, err = capsys.readouterr()
    assert "no such fact directory" in err


def test_missing_corpus_is_usage(facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--facts", str(facts), str(tmp_path / "nope")]) == 2
    assert "no such corpus" in capsys.readouterr().err


def test_bad_option_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-such-option"]) == 2
    capsys.readouterr()


def test_corpus_lists_facts_and_patterns_that_match_nothing(facts: Path, corpus: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--facts", str(facts), str(corpus)]) == 1
    out, err = capsys.readouterr()
    lines = [ln for ln in out.splitlines() if ": FB09" in ln]
    assert [ln.split(": ", 2)[0].rsplit("/", 1)[-1] + " " + ln.split(": ", 2)[1] for ln in lines] == [
        "a.yaml:6:5 FB090",  # minsk.year binds nowhere
        "a.yaml:9:12 FB091",  # 'Minsk' never fires
        "a.yaml:9:21 FB091",  # 'Belarus capital' never fires
    ]
    assert "fact 'minsk.year' binds to no mention anywhere in the corpus" in out
    assert "`cues` pattern 'Belarus capital' matches nothing in the corpus" in out
    assert "fix: widen the pattern" in out
    assert "crimea" not in out
    assert "3 fact(s) or pattern(s) that match nothing" in err


def test_corpus_where_everything_fires_is_clean(facts: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (facts / "a.yaml").write_text(FACTS.replace(", 'Belarus capital'", ""), encoding="utf-8")
    art = tmp_path / "art.txt"
    art.write_text("Russia annexed Crimea in 2014, and the deal signed in Minsk in 2015 did not hold.\n",
                   encoding="utf-8")
    assert main(["lint", "--facts", str(facts), str(art)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "0 fact(s) or pattern(s)" in err


def test_broken_base_with_corpus_reports_the_base(tmp_path: Path, corpus: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "broken"
    d.mkdir()
    (d / "a.yaml").write_text(BROKEN, encoding="utf-8")
    assert main(["lint", "--facts", str(d), str(corpus)]) == 1
    out, err = capsys.readouterr()
    assert "FB010" in out and "FB09" not in out
    assert "the corpus was not read" in err


def test_lint_and_loader_agree(tmp_path: Path) -> None:
    d = tmp_path / "facts"
    d.mkdir()
    (d / "a.yaml").write_text(BROKEN, encoding="utf-8")
    problems, lines = lint(d)
    assert problems == load_with_problems(d)[1] and len(problems) == 2
    assert lines == []


def test_unused_on_the_shipped_facts_and_seeds(root: Path, shipped_facts: object) -> None:
    from factcheck.factbase.model import FactBase

    assert isinstance(shipped_facts, FactBase)
    found = unused(shipped_facts, [root / "seeds"])
    assert all(p.code in ("FB090", "FB091") and p.fix and p.line >= 1 for p in found)
    ids = {f.id for f in shipped_facts.facts}
    bound_nowhere = {p.message.split("'")[1] for p in found if p.code == "FB090"}
    assert bound_nowhere < ids  # most facts bind somewhere in the seeds


def test_lint_takes_a_lone_folder_of_fact_files_as_the_fact_base(tmp_path, capsys):
    """`factcheck lint my_facts/` lints my_facts/ (two users ran it so and got the default base linted);
    a folder of articles stays a corpus."""
    from factcheck.cli import main

    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "base.yaml").write_text("facts:\n  - {id: x.count, kind: count, value: 9, counted: 'seats',"
                                     " cues: ['Labour'], bogus: 1}\n", encoding="utf-8")
    assert main(["lint", str(facts)]) == 1  # its own problem (an unknown key), not the shipped base's
    out = capsys.readouterr()
    assert "bogus" in out.out + out.err and "as the fact base" in out.err
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Labour won 411 seats.\n", encoding="utf-8")
    assert main(["lint", "--facts", str(facts), str(corpus)]) == 1
    assert "as the fact base" not in capsys.readouterr().err


def test_lint_flushes_the_problems_before_the_summary(tmp_path: Path) -> None:
    # with stdout and stderr sent to one file, the summary must not land inside a buffered problem line
    import io

    from factcheck.lint import run_lint

    (tmp_path / "f.yaml").write_text("facts:\n  - {id: x, kind: count, value: 3, counted: 'x', "
                                     "distractors: [{value: 2, foo: 1}]}\n", encoding="utf-8")
    events: list[str] = []

    class Out(io.StringIO):
        def flush(self) -> None:
            events.append("out.flush")
            super().flush()

    class Err(io.StringIO):
        def write(self, s: str) -> int:
            events.append("err.write")
            return super().write(s)

    out, err = Out(), Err()
    run_lint(tmp_path, out=out, err=err)
    assert "FB010" in out.getvalue() and "problem(s)" in err.getvalue()
    assert "out.flush" in events and events.index("out.flush") < events.index("err.write")
