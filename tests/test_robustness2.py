"""Hostile input, second round (issue 11): each test failed on the code before its fix.

Rows 55- of docs/robustness.md. Most tests drive `factcheck.cli.main` in-process; the plugin ones
run pytest through pytester. No test may damage the machine when the code under test is wrong: an
autouse fixture makes `os.replace` refuse any target under /dev or /proc (a report renamed over
/dev/null turns it into a regular file for every program).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import factcheck.corpus.html as corpus_html
from factcheck.cli import EXIT_CONTRADICTION, EXIT_OK, EXIT_USAGE, main
from factcheck.corpus import read_corpus
from factcheck.model import Source, SourceError

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
SEEDS = ROOT / "seeds"
# binds person.blinken of the shipped base as a contradiction (a garbled name)
ARTICLE = ("President Joe Biden and Russian President Vladimir Putin held a video call on Tuesday, "
           "December 7, 2021. Secretary of State Anthony Brinken briefed allies afterwards.\n")
CLEAN = "President Joe Biden and Russian President Vladimir Putin held a video call on Tuesday, December 7, 2021.\n"
ESC = "\x1b[2J\x1b]0;owned\x07\u202e"


@pytest.fixture(autouse=True)
def _never_replace_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def guarded(src: Any, dst: Any, **kw: Any) -> None:
        given = os.path.abspath(os.fspath(dst))
        if any(t.startswith(("/dev/", "/proc/")) for t in (given, os.path.realpath(given))):
            raise AssertionError(f"the test stopped a rename over {dst}")
        real(src, dst, **kw)

    monkeypatch.setattr(os, "replace", guarded)


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str]):
        self.capsys, self.out, self.err = capsys, "", ""

    def __call__(self, *args: str | os.PathLike[str]) -> int:
        self.capsys.readouterr()
        rc = main([os.fspath(a) for a in args])
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return rc


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def report_of(cli: Cli, tmp_path: Path, *args: str | os.PathLike[str]) -> tuple[int, Any]:
    out = tmp_path / "out" / "report.json"
    rc = cli("check", *args, "--facts", FACTS, "--output", out)
    return rc, json.loads(out.read_text(encoding="utf-8"))


def errors(report: Any) -> dict[str, str]:
    return {e["id"]: e["reason"] for e in report["errors"]}


def source_ids(report: Any) -> list[str]:
    return [s["id"] for s in report["sources"]]


# --- item 1: only regular files are replaced ---------------------------------------------------


@pytest.fixture
def special_files(tmp_path: Path) -> Iterator[dict[str, Path]]:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock.json"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.fspath(sock_path))
    yield {"fifo": fifo, "socket": sock_path, "device": Path("/dev/null")}
    sock.close()


def test_output_that_is_not_a_regular_file_is_refused(cli: Cli, tmp_path: Path,
                                                      special_files: dict[str, Path]) -> None:
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    for name, target in special_files.items():
        before = os.stat(target).st_mode
        assert cli("check", corpus, "--facts", FACTS, "--output", target) == EXIT_USAGE, name
        assert "refusing to write the report" in cli.err and "not a regular file" in cli.err
        assert os.stat(target).st_mode == before  # still a FIFO, a socket, a device
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    # a symlink to a device is the device
    (tmp_path / "link.json").symlink_to("/dev/null")
    assert cli("check", corpus, "--facts", FACTS, "--output", tmp_path / "link.json") == EXIT_USAGE


def test_output_over_a_fact_file_of_the_base_is_refused(cli: Cli, tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    target = sorted(facts.glob("*.yaml"))[0]
    before = target.read_bytes()
    assert cli("check", corpus, "--facts", facts, "--output", target) == EXIT_USAGE
    assert "fact file of the base in use" in cli.err
    assert target.read_bytes() == before


def test_output_dev_stdout_is_streamed(cli: Cli, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    for target in ("/dev/stdout", "-"):
        assert cli("check", corpus, "--facts", FACTS, "--format", "json", "--output", target) == EXIT_CONTRADICTION
        assert json.loads(cli.out)["sources"][0]["id"] == "a"


def test_output_naming_a_directory_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    (tmp_path / "existing").mkdir()
    for target in (f"{tmp_path}/new/", f"{tmp_path}/existing", f"{tmp_path}/existing/"):
        assert cli("check", corpus, "--facts", FACTS, "--output", target) == EXIT_USAGE, target
        assert "is a directory" in cli.err
    assert not (tmp_path / "new").exists()
    assert list((tmp_path / "existing").iterdir()) == []


# --- item 2: no single input aborts a run ------------------------------------------------------

HOSTILE_JSONL = "".join([
    json.dumps({"id": "good1", "text": CLEAN}) + "\n",
    "[" * 1000 + "]" * 1000 + "\n",
    '{"id": "big", "n": ' + "9" * 5000 + ', "text": "x"}\n',
    '{"id": "deep", "text": "t", "x": ' + "[" * 5000 + "]" * 5000 + "}\n",
    json.dumps({"id": "good2", "text": ARTICLE}) + "\n",
])


def test_jsonl_lines_too_deep_or_with_huge_integers_cost_their_line(cli: Cli, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c" / "feed.jsonl", HOSTILE_JSONL).parent
    rc, report = report_of(cli, tmp_path, corpus)
    assert rc == EXIT_CONTRADICTION
    assert source_ids(report) == ["good1", "good2"]
    errs = errors(report)
    assert errs["feed:2"] == "line 2: not read: nested too deeply"
    assert errs["feed:3"].startswith("line 3: not read: Exceeds the limit (4300 digits)")
    assert errs["feed:4"] == "line 4: not read: nested too deeply"


@pytest.mark.parametrize("charset", ["undefined", "utf-16", "utf-32", "utf-7", "rot13", "base64", "no-such"])
def test_html_with_an_impossible_or_lying_charset_is_read(cli: Cli, tmp_path: Path, charset: str) -> None:
    page = (f'<html><head><meta charset="{charset}"><title>t</title></head><body>'
            f"<p>{ARTICLE}</p><p>Caf\u00e9.</p></body></html>").encode("cp1252")
    corpus = write(tmp_path / "c" / "page.html", page).parent
    write(corpus / "b.txt", CLEAN)
    rc, report = report_of(cli, tmp_path, corpus)
    assert rc == EXIT_CONTRADICTION, cli.err
    assert source_ids(report) == ["b", "page"]
    text = next(s for s in report["sources"] if s["id"] == "page")
    assert "decoded as cp1252" in text["notes"]


def test_an_extractor_exception_costs_one_source(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(markup: str) -> tuple[str, tuple[str, ...]]:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(corpus_html, "html_to_text", boom)
    corpus = write(tmp_path / "c" / "page.html", f"<p>{ARTICLE}</p>").parent
    write(corpus / "b.txt", ARTICLE)
    rc, report = report_of(cli, tmp_path, corpus)
    assert rc == EXIT_CONTRADICTION
    assert source_ids(report) == ["b"]
    assert errors(report) == {"page": "cannot read: RecursionError: maximum recursion depth exceeded"}


def test_other_front_ends_survive_the_hostile_jsonl(cli: Cli, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c" / "feed.jsonl", HOSTILE_JSONL).parent
    assert cli("lint", corpus, "--facts", FACTS) in (0, 1), cli.err
    assert "internal error" not in cli.err
    assert cli("suggest", corpus, "--facts", FACTS) == 0, cli.err
    assert "# could not read" in cli.out and "nested too deeply" in cli.out
    assert cli("explain", f"{corpus / 'feed.jsonl'}::good2", "person.blinken", "--facts", FACTS) == 0, cli.err
    assert "CONTRADICT" in cli.out


# --- item 7: a JSONL file is judged line by line -----------------------------------------------


def test_a_jsonl_line_of_nul_bytes_costs_that_line_only(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", b"".join([
        json.dumps({"id": "a", "text": CLEAN}).encode() + b"\n",
        b"\0" * 3000 + b"\n",
        json.dumps({"id": "b", "text": CLEAN}).encode() + b"\n",
    ]))
    items = list(read_corpus([path]))
    assert [i.id for i in items if isinstance(i, Source)] == ["a", "b"]
    assert [(e.id, e.reason) for e in items if isinstance(e, SourceError)] == [
        ("feed:2", "line 2: binary data, not text")]
    # a file that starts with binary is still one error
    write(tmp_path / "bin.jsonl", b"\0" * 5000)
    assert [(e.id, e.reason) for e in read_corpus([tmp_path / "bin.jsonl"])] == [("bin", "binary file, not text")]


# --- item 9: terminal safety -------------------------------------------------------------------


def test_suggest_and_csv_on_stdout_escape_control_and_bidi_characters(cli: Cli, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c" / f"x{ESC}y.txt",
                   f"Secretary of State Anthony Brinken{ESC} met Putin on December 7, 2021. "
                   "Russia massed 94,300 troops near Ukraine.\n").parent
    assert cli("suggest", corpus, "--facts", FACTS) == 0
    assert "\x1b" not in cli.out and "\u202e" not in cli.out and "\x07" not in cli.out
    assert "\\u001b" in cli.out
    assert cli("check", corpus, "--facts", FACTS, "--format", "csv", "--output", "-") == EXIT_CONTRADICTION
    assert "\x1b" not in cli.out and "\u202e" not in cli.out and "\x07" not in cli.out
    assert "\\u001b" in cli.out


# --- item 11: the harness never reads its own output -------------------------------------------


def test_reports_and_output_inside_the_corpus_are_not_read(cli: Cli, tmp_path: Path) -> None:
    corpus = write(tmp_path / "c" / "a.txt", CLEAN).parent
    write(corpus / "reports" / "consistency.md", "# old\n" + ARTICLE)  # a report quoting a contradiction
    assert cli("check", corpus, "--facts", FACTS, "--reports", corpus / "reports") == EXIT_OK, cli.err
    assert "consistency" not in cli.out
    assert (corpus / "reports" / "consistency.json").exists()
    # --output inside the corpus, run twice: the second run does not read the first report
    for fmt in ("markdown", "json", "csv", "table"):
        target = corpus / f"report-{fmt}.md"
        for _ in range(2):
            assert cli("check", corpus, "--facts", FACTS, "--format", fmt, "--output", target,
                       "--reports", corpus / "reports") == EXIT_OK, (fmt, cli.err)
        target.unlink()
    rc, report = report_of(cli, tmp_path, corpus, "--reports", corpus / "reports")
    assert rc == EXIT_OK and source_ids(report) == ["a"]


def _plugin_project(pytester: pytest.Pytester) -> Path:
    shutil.copytree(FACTS, pytester.path / "facts")
    write(pytester.path / "corpus" / "a.txt", CLEAN)
    return pytester.path


def test_plugin_does_not_read_its_own_reports(pytester: pytest.Pytester) -> None:
    path = _plugin_project(pytester)
    write(path / "reports" / "consistency.md", "# old\n" + ARTICLE)
    result = pytester.runpytest("-p", "no:randomly", "--corpus", ".", "-q")
    assert result.ret == 0, result.stdout.str()
    assert (path / "reports" / "consistency.json").exists()
    listed = pytester.runpytest("-p", "no:randomly", "--corpus", ".", "--collect-only", "-q").stdout.str()
    assert "corpus/a.txt::person.blinken" in listed
    assert "reports/" not in listed


# --- item 2 and 13 in the plugin ---------------------------------------------------------------


def test_plugin_survives_the_hostile_jsonl(pytester: pytest.Pytester) -> None:
    path = _plugin_project(pytester)
    write(path / "corpus" / "feed.jsonl", HOSTILE_JSONL)
    result = pytester.runpytest("-p", "no:randomly", "--corpus", "corpus", "-q", "-rf")
    out = result.stdout.str()
    assert "INTERNALERROR" not in out
    assert "nested too deeply" in out
    assert result.ret == 1


@pytest.mark.parametrize("content", ["[" * 100_000, '{"entries": [], "n": ' + "9" * 5000 + "}", None])
def test_a_corrupt_baseline_or_a_folder_is_a_usage_error(pytester: pytest.Pytester, content: str | None) -> None:
    path = _plugin_project(pytester)
    baseline = path / "base.json"
    if content is None:
        baseline.mkdir()
    else:
        write(baseline, content)
    for extra in ([], ["--factcheck-update-baseline"]):
        result = pytester.runpytest("-p", "no:randomly", "--corpus", "corpus", "--factcheck-baseline",
                                    "base.json", *extra)
        assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
        assert result.ret == pytest.ExitCode.USAGE_ERROR
        assert "factcheck: " in result.stderr.str()
