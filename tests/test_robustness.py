"""Reliability and security of the whole tool (issue #5), end to end through the CLI.

Most tests call `factcheck.cli.main([...])` in-process; two run `python -m factcheck` in a
subprocess. Every bad input of docs/robustness.md has its test here (or in tests/fuzz/). Bugs of
the core found on the way are the `xfail(strict=True)` tests at the end of each section.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import factcheck.corpus.text as corpus_text
import factcheck.factbase.load as load_module
import factcheck.report.write as report_write
import factcheck.runner as runner
from factcheck.check import check
from factcheck.cli import EXIT_CONTRADICTION, EXIT_FAILED, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main
from factcheck.corpus import read_corpus
from factcheck.factbase.load import load_factbase, load_with_problems
from factcheck.model import Source, SourceError, SourceResult
from factcheck.runner import check_safely

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "facts"
SEEDS = ROOT / "seeds"

# One article that binds three facts of the shipped base: two agree, one contradicts (a garbled
# name). Every non-ASCII character of it exists in cp1252; LATIN1_ARTICLE is the same in latin-1.
ARTICLE = (
    "WASHINGTON (AP) \u2014 President Joe Biden and Russian President Vladimir Putin held a video call on "
    "Tuesday, December 7, 2021. The call lasted two hours, the White House said.\n\n"
    "Secretary of State Anthony Brinken briefed the caf\u00e9 owners\u2019 \u201callies\u201d afterwards.\n"
)
LATIN1_ARTICLE = (
    ARTICLE.replace("\u2014", "-").replace("\u2019", "'").replace("\u201c", "\u00ab").replace("\u201d", "\u00bb")
)
CLEAN_ARTICLE = (
    "President Joe Biden and Russian President Vladimir Putin held a video call on Tuesday, December 7, 2021."
)

# Budgets that catch a hang, with room for a loaded 2-core machine (speed itself is benchmarked).
SLACK = 3


# --- helpers -----------------------------------------------------------------------------------


class Cli:
    """`factcheck ...` in-process: exit code, stdout and stderr."""

    def __init__(self, capsys: pytest.CaptureFixture[str]):
        self.capsys = capsys
        self.out = ""
        self.err = ""

    def __call__(self, *args: str | os.PathLike[str]) -> int:
        self.capsys.readouterr()
        rc = main([os.fspath(a) for a in args])
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return rc


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)


def check_json(cli: Cli, out_dir: Path, *args: str | os.PathLike[str], facts: Path = FACTS) -> tuple[int, Any]:
    """`factcheck check ARGS --format json --output OUT`: exit code and the parsed report (strict JSON)."""
    out = out_dir / f"report-{time.monotonic_ns()}.json"
    rc = cli("check", *args, "--facts", facts, "--format", "json", "--output", out)
    return rc, strict_json(out.read_bytes())


def strict_json(data: bytes) -> Any:
    """Parse bytes as strict UTF-8 JSON: no NaN/Infinity, no lone surrogates."""
    def no_constants(name: str) -> None:
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(data.decode("utf-8"), parse_constant=no_constants)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def facts_file(directory: Path, text: str) -> Path:
    write(directory / "facts.yaml", text)
    return directory


def by_source(report: Any) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in report["sources"]}


def errors_by_id(report: Any) -> dict[str, str]:
    return {e["id"]: e["reason"] for e in report["errors"]}


def findings(report: Any, source: str) -> list[tuple[str, str, list[tuple[str, int, int, int, int]]]]:
    """(fact, verdict, [(quote, line, col, start, end)]) of one source, omissions left out."""
    return [
        (f["fact"], f["verdict"], [(m["text"], m["line"], m["col"], m["start"], m["end"]) for m in f["mentions"]])
        for f in report["findings"]
        if f["source"] == source and f["verdict"] != "omit"
    ]


def tree_state(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under `root`: (sha256 or link target, mode, mtime_ns); symlinks are not followed."""
    state: dict[str, tuple[str, int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in [*dirnames, *filenames]:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                digest = "link:" + os.readlink(p)
            elif stat.S_ISREG(st.st_mode) and st.st_mode & 0o444:
                try:
                    digest = hashlib.sha256(Path(p).read_bytes()).hexdigest()
                except PermissionError:
                    digest = "unreadable"
            else:
                digest = "dir" if stat.S_ISDIR(st.st_mode) else "other"
            # a directory's mtime changes when an entry is added to it: only files keep theirs
            mtime = 0 if stat.S_ISDIR(st.st_mode) else st.st_mtime_ns
            state[os.path.relpath(p, root)] = (digest, st.st_mode, mtime)
    return state


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    """A corpus with one of each bad input the readers know, plus good articles."""
    c = tmp_path / "corpus"
    write(c / "good.txt", ARTICLE)
    write(c / "cp1252.txt", ARTICLE.encode("cp1252"))
    write(c / "latin1.txt", LATIN1_ARTICLE.encode("latin-1"))
    write(c / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    write(c / "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    write(c / "nul.txt", ARTICLE.replace("Tuesday", "Tues\0day\0").encode("utf-8"))
    write(c / "binary.txt", bytes(range(256)) * 40)
    write(c / "empty.txt", b"")
    write(c / "blank.md", b"  \n\t\r\n")
    write(c / "controls.txt", "Biden \x1b[31mred\x1b[0m and Putin \u202egnp.exe\u202c spoke.\x07\n")
    write(c / "lines.jsonl", "\n".join([
        json.dumps({"id": "j-good", "text": ARTICLE}),
        "this line is not JSON",
        json.dumps(["an", "array"]),
        json.dumps({"id": "j-notext"}),
        json.dumps({"id": 7, "text": "x"}),
        json.dumps({"id": "../../etc/passwd", "text": CLEAN_ARTICLE}),
        json.dumps({"id": "=HYPERLINK(\"http://evil.example\")", "text": CLEAN_ARTICLE}),
        json.dumps({"id": "j-good", "text": "a duplicate id"}),
    ]) + "\n")
    write(c / "page.html", f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p></article></body>")
    write(c / "sub" / "good.txt", CLEAN_ARTICLE)  # same name in a subdirectory: gets the id "sub/good"
    (c / "loop").mkdir()
    os.symlink("..", c / "loop" / "up")
    os.symlink("dangling-target.txt", c / "dangling.txt")
    os.symlink("self.txt", c / "self.txt")
    return c


# --- 1. corpus robustness through the CLI --------------------------------------------------------


def test_cp1252_and_latin1_articles_are_decoded_noted_and_read_like_utf8(cli: Cli, tmp_path: Path) -> None:
    c = tmp_path / "c"
    write(c / "utf8.txt", ARTICLE)
    write(c / "cp1252.txt", ARTICLE.encode("cp1252"))
    write(c / "latin1.txt", LATIN1_ARTICLE.encode("latin-1"))
    write(c / "latin1ref.txt", LATIN1_ARTICLE)
    rc, report = check_json(cli, tmp_path, c)
    assert rc == EXIT_CONTRADICTION
    src = by_source(report)
    assert src["utf8"]["notes"] == []
    assert src["cp1252"]["notes"] == ["decoded as cp1252"]
    # latin-1 is read as cp1252, which decodes every printable latin-1 byte identically
    assert src["latin1"]["notes"] == ["decoded as cp1252"]
    assert findings(report, "cp1252") == findings(report, "utf8")
    assert findings(report, "latin1") == findings(report, "latin1ref")
    assert ("person.blinken", "contradict", [("Anthony Brinken", 3, 20, 192, 207)]) in findings(report, "cp1252")
    md = tmp_path / "r.md"
    assert cli("check", c, "--facts", FACTS, "--format", "markdown", "--output", md) == EXIT_CONTRADICTION
    assert "- cp1252: decoded as cp1252" in md.read_text(encoding="utf-8")


def test_utf8_bom_is_stripped_and_positions_do_not_move(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", ARTICLE)
    write(tmp_path / "b" / "x.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    _, plain = check_json(cli, tmp_path, tmp_path / "a")
    _, bom = check_json(cli, tmp_path, tmp_path / "b")
    assert findings(bom, "x") == findings(plain, "x")
    assert bom["sources"][0]["notes"] == []
    assert all(not m["sentence"].startswith("\ufeff") for f in bom["findings"] for m in f["mentions"])


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_give_the_same_lines_and_columns(cli: Cli, tmp_path: Path, newline: str) -> None:
    write(tmp_path / "a" / "x.txt", ARTICLE)
    write(tmp_path / "b" / "x.txt", ARTICLE.replace("\n", newline))
    _, lf = check_json(cli, tmp_path, tmp_path / "a")
    _, other = check_json(cli, tmp_path, tmp_path / "b")
    assert findings(other, "x") == findings(lf, "x") != []


def test_nul_bytes_are_removed_and_noted(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "c" / "x.txt", ARTICLE.replace("Tuesday", "Tues\0day\0").encode("utf-8"))
    write(tmp_path / "ref" / "x.txt", ARTICLE)
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    _, ref = check_json(cli, tmp_path, tmp_path / "ref")
    assert rc == EXIT_CONTRADICTION
    assert report["sources"][0]["notes"] == ["removed 2 NUL characters"]
    assert findings(report, "x") == findings(ref, "x")


@pytest.mark.parametrize("name, data", [
    ("random.txt", bytes(range(256)) * 40),
    ("png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(2000)),
    ("utf16-no-bom.txt", "Biden and Putin".encode("utf-16-le") * 100),
    ("page.html", b"\0\1\2\3" * 3000),
    ("lines.jsonl", b"\0" * 5000),
])
def test_binary_file_is_an_unreadable_source_and_exit_3(cli: Cli, tmp_path: Path, name: str, data: bytes) -> None:
    write(tmp_path / "c" / name, data)
    write(tmp_path / "c" / "ok.txt", CLEAN_ARTICLE)
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert rc == EXIT_UNREADABLE
    assert list(errors_by_id(report).values()) == ["binary file, not text"]
    assert [s["id"] for s in report["sources"]] == ["ok"]


def test_empty_and_blank_files_are_sources_noted_empty(cli: Cli, tmp_path: Path) -> None:
    for name, data in [("empty.txt", b""), ("blank.md", b" \n\t\r\n"), ("bom-only.txt", b"\xef\xbb\xbf"),
                       ("empty-page.html", b""), ("script-only.html", b"<html><script>var a=1</script></html>")]:
        write(tmp_path / "c" / name, data)
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert rc == EXIT_OK
    assert report["errors"] == []
    assert {s["id"] for s in report["sources"]} == {"empty", "blank", "bom-only", "empty-page", "script-only"}
    assert all("empty" in s["notes"] for s in report["sources"])
    assert all(f["verdict"] == "omit" for f in report["findings"])


def _fifty_mb(path: Path) -> Path:
    chunk = (SEEDS / "000_3cc3693bd4ee27e1.txt").read_bytes() + b"\n\n"
    with open(path, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    return path


def test_50mb_article_is_refused_by_the_size_limit_within_a_time_budget(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    big = _fifty_mb(tmp_path / "c" / "huge.txt")
    assert big.stat().st_size > 50 * 1024 * 1024
    write(tmp_path / "c" / "ok.txt", CLEAN_ARTICLE)
    started = time.monotonic()
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert time.monotonic() - started < 10 * SLACK
    assert rc == EXIT_UNREADABLE
    reason = errors_by_id(report)["huge"]
    assert reason.startswith("file too large: 52") and reason.endswith("limit is 8388608 bytes")
    # raising the byte limit does not make it a 20-minute check: the character limit refuses it
    started = time.monotonic()
    rc, report = check_json(cli, tmp_path, tmp_path / "c", "--max-bytes", str(64 * 1024 * 1024))
    assert time.monotonic() - started < 20 * SLACK
    assert rc == EXIT_UNREADABLE
    assert re.fullmatch(r"article too long: \d+ characters, limit is 1000000 \(--max-chars\)",
                        errors_by_id(report)["huge"])


def test_jsonl_bad_lines_cost_one_line_each(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.jsonl", b"\n".join([
        json.dumps({"id": "first", "text": CLEAN_ARTICLE}).encode(),
        b"not json {",
        b"",
        json.dumps([1, 2]).encode(),
        json.dumps({"text": "no id"}).encode(),
        json.dumps({"id": "t", "text": 5}).encode(),
        b'{"id": "latin", "text": "caf\xe9"}',
        json.dumps({"id": "long", "text": "x" * 5000}).encode(),
        json.dumps({"id": "first", "text": "again"}).encode(),
        json.dumps({"id": "last", "text": CLEAN_ARTICLE, "url": None, "extra": {"ignored": True}}).encode(),
    ]) + b"\n")
    rc, report = check_json(cli, tmp_path, tmp_path / "c", "--max-bytes", "1000")
    assert rc == EXIT_UNREADABLE
    assert [s["id"] for s in report["sources"]] == ["first", "last"]
    assert errors_by_id(report) == {
        "a:2": "line 2: not valid JSON (Expecting value at column 1)",
        "a:4": "line 4: not a JSON object but an array",
        "a:5": "line 5: missing 'id'",
        "a:6": "line 6: 'text' must be a string, not a number",
        "a:7": "line 7: not valid UTF-8 (invalid continuation byte at byte 28)",
        "a:8": "line 8: longer than the size limit for one article",
        "first": "duplicate source id",
    }


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_chmod_000(cli: Cli, tmp_path: Path) -> None:
    f = write(tmp_path / "c" / "secret.txt", CLEAN_ARTICLE)
    write(tmp_path / "c" / "ok.txt", CLEAN_ARTICLE)
    f.chmod(0)
    try:
        rc, report = check_json(cli, tmp_path, tmp_path / "c")
    finally:
        f.chmod(0o644)
    assert rc == EXIT_UNREADABLE
    assert errors_by_id(report) == {"secret": "permission denied"}


def test_unreadable_file_permission_error_even_as_root(cli: Cli, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "c" / "secret.txt", CLEAN_ARTICLE)
    write(tmp_path / "c" / "ok.txt", CLEAN_ARTICLE)
    real_open = open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(corpus_text, "open", guarded_open, raising=False)
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert rc == EXIT_UNREADABLE
    assert errors_by_id(report) == {"secret": "permission denied"}
    assert [s["id"] for s in report["sources"]] == ["ok"]


def test_symlink_loops_and_dangling_links_are_errors_and_the_run_goes_on(cli: Cli, tmp_path: Path) -> None:
    c = tmp_path / "c"
    write(c / "ok.txt", CLEAN_ARTICLE)
    (c / "d").mkdir()
    os.symlink("..", c / "d" / "up")  # directory loop
    os.symlink("self.txt", c / "self.txt")  # a link to itself
    os.symlink("b.txt", c / "a.txt")
    os.symlink("a.txt", c / "b.txt")  # two links to each other
    os.symlink("nowhere.txt", c / "dangling.txt")
    started = time.monotonic()
    rc, report = check_json(cli, tmp_path, c)
    assert time.monotonic() - started < 10 * SLACK
    assert rc == EXIT_UNREADABLE
    assert errors_by_id(report) == {
        "a": "symlink loop", "b": "symlink loop", "self": "symlink loop",
        "up": "symlink loop: leads back to a directory being read",
        "dangling": "no such file or directory",
    }
    assert [s["id"] for s in report["sources"]] == ["ok"]


def test_missing_path_fifo_and_device_are_errors(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", CLEAN_ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    rc, report = check_json(cli, tmp_path, tmp_path / "ok.txt", tmp_path / "missing.txt", tmp_path / "pipe.txt",
                            "/dev/null")
    assert rc == EXIT_UNREADABLE
    assert errors_by_id(report) == {"missing": "no such file or directory", "pipe": "not a regular file",
                                    "null": "not a regular file"}


def test_file_name_that_is_not_utf8_still_gives_a_valid_report(cli: Cli, tmp_path: Path) -> None:
    c = tmp_path / "c"
    c.mkdir()
    name = os.fsdecode(b"caf\xe9 \xff.txt")  # surrogate-escaped on POSIX
    write(c / name, ARTICLE)
    rc, report = check_json(cli, tmp_path, c)
    assert rc == EXIT_CONTRADICTION
    assert report["sources"][0]["id"] == "caf\ufffd \ufffd"
    md = tmp_path / "r.md"
    assert cli("check", c, "--facts", FACTS, "--format", "markdown", "--output", md) == EXIT_CONTRADICTION
    md.read_bytes().decode("utf-8")
    assert cli("check", c, "--facts", FACTS, "--reports", tmp_path / "rep") == EXIT_CONTRADICTION
    cli.out.encode("utf-8")


def test_lone_surrogates_from_jsonl_escapes_still_give_a_valid_report(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.jsonl",
          '{"id": "s\\ud800", "text": "Biden \\udc00 and Putin held a video call. '
          'Secretary of State Anthony Brinken \\ud83d listened."}\n')
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert rc == EXIT_CONTRADICTION
    assert report["sources"][0]["id"] == "s\ufffd"
    for fmt in ("markdown", "csv", "table"):
        out = tmp_path / f"r.{fmt}"
        assert cli("check", tmp_path / "c", "--facts", FACTS, "--format", fmt, "--output", out) == EXIT_CONTRADICTION
        out.read_bytes().decode("utf-8")
    assert cli("check", tmp_path / "c", "--facts", FACTS, "--reports", tmp_path / "rep") == EXIT_CONTRADICTION


def test_html_hostile_pages(cli: Cli, tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "TOKEN-8c1f0e")
    c = tmp_path / "c"
    write(c / "xxe.html", f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
                          "<html><body><p>Biden said &x; on the video call.</p></body></html>")
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    write(c / "billion-laughs.html", f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{lol}]>'
                                     "<html><body><p>&l9;</p></body></html>")
    write(c / "deep.html", "<html><body>" + "<div>" * 100_000 + "Biden spoke." + "</div>" * 100_000 + "</body></html>")
    write(c / "bogus-charset.html", b"<html><head><meta charset='x-nonsense'></head><body><p>Caf\xe9.</p></body>")
    write(c / "entities.html", "<p>" + "&amp;" * 100_000 + "</p>")
    started = time.monotonic()
    rc, report = check_json(cli, tmp_path, c)
    assert time.monotonic() - started < 30 * SLACK
    assert rc == EXIT_OK
    text = json.dumps(report)
    assert "TOKEN-8c1f0e" not in text  # external entities are never resolved
    assert "lollollol" not in text  # nor internal ones
    src = by_source(report)
    assert set(src) == {"xxe", "billion-laughs", "deep", "bogus-charset", "entities"}
    assert src["bogus-charset"]["notes"][0] == "decoded as cp1252"
    # the parser's depth limit drops text nested 100,000 deep; the source says it is empty
    assert "empty" in src["deep"]["notes"]


def test_a_source_the_checker_fails_on_is_an_error_and_the_run_goes_on(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_check = runner.check

    def flaky(source: Source, fb: Any) -> SourceResult:
        if source.id == "boom":
            raise ZeroDivisionError("simulated checker bug")
        return real_check(source, fb)

    monkeypatch.setattr(runner, "check", flaky)
    write(tmp_path / "c" / "boom.txt", CLEAN_ARTICLE)
    write(tmp_path / "c" / "ok.txt", ARTICLE)
    for jobs in ("1", "2"):  # workers are forked, so they see the patched function
        rc, report = check_json(cli, tmp_path, tmp_path / "c", "--jobs", jobs)
        assert rc == EXIT_CONTRADICTION  # the contradiction in ok.txt still counts
        assert errors_by_id(report) == {
            "boom": "internal error while checking: ZeroDivisionError: simulated checker bug"}


def test_a_worker_that_dies_is_named_and_the_run_goes_on(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_check = runner.check

    def killer(source: Source, fb: Any) -> SourceResult:
        if source.id == "crash":
            os._exit(9)  # what the OOM killer or a segfault in a C extension does to a worker
        return real_check(source, fb)

    monkeypatch.setattr(runner, "check", killer)
    for i in range(12):
        write(tmp_path / "c" / f"a{i:02d}.txt", CLEAN_ARTICLE)
    write(tmp_path / "c" / "crash.txt", CLEAN_ARTICLE)
    write(tmp_path / "c" / "z.txt", ARTICLE)
    rc, report = check_json(cli, tmp_path, tmp_path / "c", "--jobs", "2")
    assert rc == EXIT_CONTRADICTION
    assert errors_by_id(report) == {
        "crash": "the worker process checking this source died (out of memory, or a crash)"}
    assert len(report["sources"]) == 13


def test_per_source_timeout(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_check = runner.check

    def slow(source: Source, fb: Any) -> SourceResult:
        if source.id == "slow":
            while True:
                time.sleep(0.01)
        return real_check(source, fb)

    monkeypatch.setattr(runner, "check", slow)
    write(tmp_path / "c" / "slow.txt", CLEAN_ARTICLE)
    write(tmp_path / "c" / "ok.txt", CLEAN_ARTICLE)
    for jobs in ("1", "2"):
        started = time.monotonic()
        rc, report = check_json(cli, tmp_path, tmp_path / "c", "--timeout", "0.5", "--jobs", jobs)
        assert time.monotonic() - started < 10 * SLACK
        assert rc == EXIT_UNREADABLE
        assert errors_by_id(report) == {"slow": "timed out: checking took longer than 0.5 s (--timeout)"}


def test_check_safely_limits_leave_no_timer_behind() -> None:
    import signal

    fb = load_factbase(FACTS)
    before = signal.getsignal(signal.SIGALRM)
    result = check_safely(Source(id="x", text=ARTICLE), fb, timeout=30)
    assert isinstance(result, SourceResult)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    too_long = check_safely(Source(id="x", text="a" * 11), fb, max_chars=10)
    assert isinstance(too_long, SourceError) and too_long.reason.startswith("article too long: 11 characters")


@pytest.mark.parametrize("case, expected", [
    ("clean", EXIT_OK),
    ("contradiction", EXIT_CONTRADICTION),
    ("contradiction+unreadable", EXIT_CONTRADICTION),
    ("unreadable", EXIT_UNREADABLE),
    ("missing-path", EXIT_USAGE),  # the only path given is missing: a usage error
    ("broken-facts", EXIT_USAGE),
    ("missing-facts", EXIT_USAGE),
    ("jobs-0", EXIT_USAGE),
    ("unknown-option", EXIT_USAGE),
    ("bad-timeout", EXIT_USAGE),
    ("bad-max-bytes", EXIT_USAGE),
    ("output-not-writable", EXIT_FAILED),
])
def test_exit_codes(cli: Cli, tmp_path: Path, case: str, expected: int) -> None:
    c = tmp_path / "c"
    write(c / "a.txt", ARTICLE if case.startswith("contradiction") else CLEAN_ARTICLE)
    if "unreadable" in case:
        write(c / "bin.txt", bytes(range(256)) * 10)
    broken = facts_file(tmp_path / "broken", "facts:\n  - id: x.y\n    kind: yaer\n    vaule: 1\n")
    cases: dict[str, list[str | os.PathLike[str]]] = {
        "missing-path": [tmp_path / "nope"],
        "broken-facts": [c, "--facts", broken],
        "missing-facts": [c, "--facts", tmp_path / "nothing"],
        "jobs-0": [c, "--jobs", "0"],
        "unknown-option": [c, "--colour"],
        "bad-timeout": [c, "--timeout", "nan"],
        "bad-max-bytes": [c, "--max-bytes", "0"],
        "output-not-writable": [c, "--output", c / "a.txt" / "report.json"],
    }
    args = cases.get(case, [c])
    if "--facts" not in args:
        args += ["--facts", FACTS]
    if "--output" not in args:
        args += ["--output", tmp_path / "out.json"]
    assert cli("check", *args) == expected, cli.err
    if case == "broken-facts":
        assert "facts.yaml:3:11: FB013: unknown kind 'yaer'" in cli.err
        assert "facts.yaml:4:5: FB010: unknown key 'vaule' in fact" in cli.err  # every problem, in one pass
    if case == "output-not-writable":
        assert "cannot write" in cli.err and "Traceback" not in cli.err


def test_subprocess_exit_codes_and_stderr(tmp_path: Path) -> None:
    c = tmp_path / "c"
    write(c / "ok.txt", CLEAN_ARTICLE)
    write(c / "bin.txt", bytes(range(256)) * 10)
    out = tmp_path / "r.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", str(c), "--facts", str(FACTS),
                           "--format", "json", "--output", str(out)], capture_output=True, text=True, env=env,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == EXIT_UNREADABLE, done.stderr
    assert done.stderr == f"factcheck: wrote {out} (1 sources, 1 unreadable, {len(load_factbase(FACTS).facts)} facts)\n"
    assert strict_json(out.read_bytes())["errors"] == [{"id": "bin", "path": str(c / "bin.txt"),
                                                        "reason": "binary file, not text"}]
    # the default corpus (seeds/) has contradictions: exit 1; reports/ is written under the cwd
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--facts", str(FACTS), str(SEEDS)],
                          capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == EXIT_CONTRADICTION, done.stderr
    assert "CONTRADICT" in done.stdout
    assert sorted(os.listdir(tmp_path / "reports")) == ["consistency.html", "consistency.json", "consistency.md"]


# --- 2. fact-base safety -----------------------------------------------------------------------


def test_python_object_tag_is_refused_with_a_position_and_never_run(cli: Cli, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    fb = facts_file(tmp_path / "f", (
        "facts:\n"
        "  - id: x.year\n"
        "    kind: year\n"
        f"    value: !!python/object/apply:os.system ['touch {marker}']\n"
        "    cues: ['founded']\n"
        "  - id: y.year\n"
        "    kind: year\n"
        "    value: !!python/name:os.system\n"
        "    cues: ['founded']\n"
    ))
    write(tmp_path / "c" / "a.txt", CLEAN_ARTICLE)
    assert cli("check", tmp_path / "c", "--facts", fb, "--output", tmp_path / "o.json") == EXIT_USAGE
    assert re.search(r"facts\.yaml:4:12: FB002: tag 'tag:yaml\.org,2002:python/object/apply:os\.system' is not "
                     r"allowed", cli.err)
    assert re.search(r"facts\.yaml:8:12: FB002: tag 'tag:yaml\.org,2002:python/name:os\.system'", cli.err)
    assert "FB011" not in cli.err  # the refused value does not also read as "missing value"
    assert not marker.exists()
    assert not (tmp_path / "o.json").exists()


def test_alias_bomb_and_recursive_alias_are_refused_fast(cli: Cli, tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = facts_file(tmp_path / "bomb", "\n".join(lines) + "\nfacts: *j\n")  # 9^10 values once expanded
    started = time.monotonic()
    assert cli("lint", "--facts", bomb) == 1
    assert time.monotonic() - started < 2 * SLACK
    assert re.search(r"facts\.yaml:\d+:\d+: FB003: the file expands to more than 200000 values", cli.out)
    recursive = facts_file(tmp_path / "rec", "facts: &x\n  - id: a.b\n    kind: year\n    value: *x\n")
    started = time.monotonic()
    assert cli("check", SEEDS, "--facts", recursive, "--output", tmp_path / "o.json") == EXIT_USAGE
    assert time.monotonic() - started < 2 * SLACK
    assert "FB003: an alias refers to a value that contains it" in cli.err


def test_oversized_and_non_utf8_fact_files_are_refused(cli: Cli, tmp_path: Path) -> None:
    big = facts_file(tmp_path / "big", "facts:\n" + "# padding padding padding padding\n" * 70_000)
    assert (big / "facts.yaml").stat().st_size > 2 * 1024 * 1024
    started = time.monotonic()
    assert cli("check", SEEDS, "--facts", big, "--output", tmp_path / "o.json") == EXIT_USAGE
    assert time.monotonic() - started < 2 * SLACK
    assert re.search(r"facts\.yaml:1:1: FB050: fact file is \d+ bytes, more than 2097152", cli.err)
    latin = tmp_path / "latin"
    text = "facts:\n  - id: x.name\n    kind: name\n    value: Jos\u00e9 Blanco\n"
    write(latin / "facts.yaml", text.encode("latin-1"))
    assert cli("lint", "--facts", latin) == 1
    assert re.search(r"facts\.yaml:4:15: FB053: the file is not UTF-8: byte 0xe9", cli.out)


# (not "(x+x+)+y": regex 2026.11 no longer backtracks for ever on it behind the word-start guard)
@pytest.mark.parametrize("pattern", [r"(a|aa)+$", r"(x|xx)+y", r"(\w+\s?)+$", r"(?:b|bb)+c", r"(?:[0-9]|[0-9][0-9])+$"])
def test_lint_reports_a_catastrophic_pattern_instead_of_hanging(cli: Cli, tmp_path: Path, pattern: str) -> None:
    fb = facts_file(tmp_path / "f", f"facts:\n  - id: x.year\n    kind: year\n    value: 1991\n"
                                    f"    cues: ['{pattern}']\n")
    started = time.monotonic()
    assert cli("lint", "--facts", fb) == 1
    assert time.monotonic() - started < 5 * SLACK
    assert re.search(r"facts\.yaml:5:12: FB031: `cues` pattern .* can run away", cli.out), cli.out


# A runaway written with escapes: é as \u00e9. The loader's probes (and lint's) decode escapes and
# refuse it (test_lint_catches_runaway_pattern_written_with_escapes); the check-time tests below
# switch the probes off to get it past the loader, as a runaway no probe finds would be.
ESCAPED_RUNAWAY = (
    "parties:\n  - {id: biden, name: Joe Biden, aliases: [Biden]}\n"  # an article must name a party to be read
    "facts:\n  - id: x.year\n    kind: year\n    value: 1991\n    cues: ['(?:\\u00e9|\\u00e9\\u00e9)+z']\n"
)


def _no_probes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let every pattern past the loader's runaway probes."""
    monkeypatch.setattr(load_module, "runs_away", lambda rx: None)


def test_match_timeout_cuts_a_runaway_pattern_at_check_time(cli: Cli, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _no_probes(monkeypatch)
    fb_dir = facts_file(tmp_path / "f", ESCAPED_RUNAWAY)
    fb = load_factbase(fb_dir)
    article = "Biden said the party was founded in 1990. " + "\u00e9" * 3000 + "!"
    started = time.monotonic()
    result = check(Source(id="x", text=article), fb)
    assert time.monotonic() - started < 2 * SLACK
    assert result.findings[0].verdict == "omit"  # the cut match counts as no match
    # many such sentences: each match is cut at 0.25 s, and the per-source timeout bounds the sum
    write(tmp_path / "c" / "many.txt", " ".join(["Biden said in 1990 " + "\u00e9" * 60 + "!"] * 100))
    write(tmp_path / "c" / "ok.txt", "Biden said the party was founded in 1991.")
    started = time.monotonic()
    rc, report = check_json(cli, tmp_path, tmp_path / "c", "--timeout", "2", facts=fb_dir)
    assert time.monotonic() - started < 8 * SLACK
    assert rc == EXIT_UNREADABLE
    assert errors_by_id(report) == {"many": "timed out: checking took longer than 2 s (--timeout)"}
    assert [s["id"] for s in report["sources"]] == ["ok"]


def test_a_huge_count_value_is_a_problem_with_a_position(cli: Cli, tmp_path: Path) -> None:
    fb = facts_file(tmp_path / "f", f"facts:\n  - id: x.count\n    kind: count\n    value: '{'9' * 400}'\n"
                                    "    counted: members\n    cues: ['NATO']\n")
    rc = cli("check", SEEDS, "--facts", fb, "--output", tmp_path / "o.json")
    assert rc == EXIT_USAGE
    assert "facts.yaml:4:12: FB020" in cli.err
    assert not (tmp_path / "o.json").exists()


def test_a_loader_bug_never_exits_1(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.clitools as cli_module

    def broken_loader(directory: Any) -> Any:
        raise OverflowError("simulated loader bug")

    monkeypatch.setattr(cli_module, "load_factbase", broken_loader)
    rc = cli("check", SEEDS, "--output", tmp_path / "o.json")
    assert rc == EXIT_FAILED
    assert "internal error while loading the fact base facts: OverflowError: simulated loader bug" in cli.err
    assert not (tmp_path / "o.json").exists()


def test_load_with_problems_never_raises_on_a_huge_count_value(tmp_path: Path) -> None:
    fb_dir = facts_file(tmp_path / "f", f"facts:\n  - id: x.count\n    kind: count\n    value: '{'9' * 400}'\n"
                                        "    counted: members\n    cues: ['NATO']\n")
    fb, problems = load_with_problems(fb_dir)
    assert fb is None and problems and problems[0].line == 4


def test_lint_catches_runaway_pattern_written_with_escapes(tmp_path: Path) -> None:
    fb, problems = load_with_problems(facts_file(tmp_path / "f", ESCAPED_RUNAWAY))
    assert [p.code for p in problems] == ["FB031"]


@pytest.mark.xfail(strict=True, reason="core gap: a user pattern cut by the per-match timeout at check time "
                   "(Pattern.search returns None) leaves no trace in the result or the report")
def test_a_match_cut_by_the_timeout_is_reported(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_probes(monkeypatch)
    fb_dir = facts_file(tmp_path / "f", ESCAPED_RUNAWAY)
    write(tmp_path / "c" / "x.txt", "Biden said the party was founded in 1990. " + "\u00e9" * 60 + "!")
    _, report = check_json(cli, tmp_path, tmp_path / "c", facts=fb_dir)
    assert report["errors"] or report["sources"][0]["notes"]


# --- 3. output safety ----------------------------------------------------------------------------


def _no_temp_files(directory: Path) -> bool:
    return not [n for n in os.listdir(directory) if n.endswith(".tmp")]


@pytest.mark.parametrize("where", ["replace", "write", "fsync", "interrupt"])
def test_crash_while_writing_the_report_keeps_the_old_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = {"consistency.md": b"old markdown\n", "consistency.json": b'{"old": true}\n'}
    for name, data in old.items():
        write(out / name, data)
    write(tmp_path / "c" / "a.txt", ARTICLE)

    def fail(*args: Any, **kwargs: Any) -> Any:
        if where == "interrupt":
            raise KeyboardInterrupt
        raise OSError(28, "No space left on device")

    if where == "replace":
        monkeypatch.setattr(report_write.os, "replace", fail)
    elif where == "fsync":
        monkeypatch.setattr(report_write.os, "fsync", fail)
    elif where == "interrupt":
        monkeypatch.setattr(report_write.os, "replace", fail)
    else:
        real_fdopen = os.fdopen

        class HalfWriter(io.RawIOBase):
            def __init__(self, fd: int):
                self.fh = real_fdopen(fd, "wb")

            def write(self, data: Any) -> int:
                self.fh.write(bytes(data)[: len(data) // 2])
                self.fh.flush()
                raise OSError(28, "No space left on device")

            def close(self) -> None:
                self.fh.close()
                super().close()

        monkeypatch.setattr(report_write.os, "fdopen", lambda fd, mode: HalfWriter(fd))
    rc = cli("check", tmp_path / "c", "--facts", FACTS, "--reports", out)
    if where == "interrupt":
        assert rc == 130
        assert "interrupted; no report was half-written" in cli.err
    else:
        assert rc == EXIT_FAILED
        assert "No space left on device; any previous report there is unchanged" in cli.err
        assert "Traceback" not in cli.err
    for name, data in old.items():
        assert (out / name).read_bytes() == data
    assert _no_temp_files(out)
    assert sorted(os.listdir(out)) == sorted(old)


def test_output_file_name_near_the_length_limit(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.txt", CLEAN_ARTICLE)
    out = tmp_path / ("r" * 250 + ".json")
    assert cli("check", tmp_path / "c", "--facts", FACTS, "--format", "json", "--output", out) == EXIT_OK
    strict_json(out.read_bytes())
    assert _no_temp_files(tmp_path)


def test_markdown_escapes_article_text(cli: Cli, tmp_path: Path) -> None:
    # the file name reaches the contradiction lines (path:line:col), the ids the matrix
    feed = "x|<script>alert(1)</script> | y.jsonl"
    ids = ["a|<script>alert(2)</script>\n# heading", "b | `code` *em* [link](http://e.x) <b>&amp;", "c\r\n- item"]
    write(tmp_path / "c" / feed, "".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in ids))
    out = tmp_path / "r.md"
    assert cli("check", tmp_path / "c", "--facts", FACTS, "--format", "markdown", "--output", out) == EXIT_CONTRADICTION
    md = out.read_text(encoding="utf-8")
    assert "<script>" not in md and "</script>" not in md and "<b>" not in md
    assert "x\\|\\<script\\>alert(1)\\</script\\> \\| y.jsonl:3:20: person.blinken: CONTRADICT" in md
    table = [ln for ln in md.splitlines() if ln.startswith("|")]
    assert len(table) == 2 + len(load_factbase(FACTS).facts) + 4  # transposed: a row per fact, 4 totals
    assert len({len(re.findall(r"(?<!\\)\|", ln)) for ln in table}) == 1, table  # no id breaks the table
    assert not [ln for ln in md.splitlines() if ln.startswith(("# heading", "- item", "<"))]


def test_csv_cells_never_start_a_formula(cli: Cli, tmp_path: Path) -> None:
    ids = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]
    write(tmp_path / "c" / "a.jsonl", "".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in ids))
    write(tmp_path / "c" / "=cmd.txt", ARTICLE)
    out = tmp_path / "r.csv"
    assert cli("check", tmp_path / "c", "--facts", FACTS, "--format", "csv", "--output", out) == EXIT_CONTRADICTION
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    assert len(rows) == 1 + 7 * len(load_factbase(FACTS).facts)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert {r[0] for r in rows[1:]} == {"'" + i for i in ids} | {"'=cmd"}


def test_json_is_always_strict_and_valid_on_a_hostile_corpus(cli: Cli, hostile_corpus: Path, tmp_path: Path) -> None:
    rc, report = check_json(cli, tmp_path, hostile_corpus)
    assert rc == EXIT_CONTRADICTION
    assert set(report) == {"format_version", "tool", "findings", "sources", "facts", "errors", "totals"}
    assert report["totals"]["sources"] == len(report["sources"])
    assert report["totals"]["errors"] == len(report["errors"]) >= 8
    assert report["totals"]["findings"] == len(report["sources"]) * len(report["facts"])


def test_terminal_table_carries_no_escape_sequences(cli: Cli, hostile_corpus: Path, tmp_path: Path) -> None:
    assert cli("check", hostile_corpus, "--facts", FACTS, "--reports", tmp_path / "r") == EXIT_CONTRADICTION
    for text in (cli.out, (tmp_path / "r" / "consistency.md").read_text(encoding="utf-8")):
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text and "\0" not in text


def test_source_ids_are_never_used_as_paths(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "deep" / "work"
    corpus = work / "c"
    ids = ["../../etc/passwd", "../../../outside", "/tmp/absolute", "..", ".", "a/b/c", "con", "x\0y", "reports"]
    write(corpus / "a.jsonl", "".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in ids))
    monkeypatch.chdir(work)
    before = tree_state(tmp_path)
    assert cli("check", "c", "--facts", FACTS) == EXIT_CONTRADICTION
    after = tree_state(tmp_path)
    created = sorted(set(after) - set(before))
    assert created == [os.path.join("deep", "work", "reports"),
                       os.path.join("deep", "work", "reports", "consistency.html"),
                       os.path.join("deep", "work", "reports", "consistency.json"),
                       os.path.join("deep", "work", "reports", "consistency.md")]
    assert {k: v for k, v in after.items() if k in before} == before
    report = strict_json((work / "reports" / "consistency.json").read_bytes())
    assert [s["id"] for s in report["sources"]] == sorted(ids)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_corpus_is_never_modified(cli: Cli, hostile_corpus: Path, tmp_path: Path, jobs: str) -> None:
    os.utime(hostile_corpus / "good.txt", (1_000_000_000, 1_000_000_000))
    before = tree_state(hostile_corpus)
    assert cli("check", hostile_corpus, "--facts", FACTS, "--jobs", jobs, "--reports", tmp_path / "r") == 1
    assert tree_state(hostile_corpus) == before


def test_report_over_a_corpus_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    article = write(tmp_path / "c" / "a.txt", ARTICLE)
    os.link(article, tmp_path / "hardlink.txt")
    for target in (article, tmp_path / "hardlink.txt"):
        assert cli("check", tmp_path / "c", "--facts", FACTS, "--output", target) == EXIT_USAGE
        assert "refusing to write the report" in cli.err
        assert article.read_text(encoding="utf-8") == ARTICLE
    # a corpus that holds reports/ (factcheck check .): reports/ is the run's own output, never read
    # (issue 11, test_robustness2.py::test_reports_and_output_inside_the_corpus_are_not_read)
    write(tmp_path / "c" / "reports" / "consistency.md", "an old report")
    assert cli("check", tmp_path / "c", "--facts", FACTS, "--reports", tmp_path / "c" / "reports") == EXIT_CONTRADICTION
    assert "an old report" not in (tmp_path / "c" / "reports" / "consistency.md").read_text()


# --- 4. determinism ------------------------------------------------------------------------------


def _reports(cli: Cli, out: Path, corpus: list[Path], jobs: str) -> dict[str, bytes]:
    got = {}
    for fmt in ("json", "markdown", "csv", "table"):
        target = out / f"{fmt}-{jobs}-{time.monotonic_ns()}"
        cli("check", *corpus, "--facts", FACTS, "--format", fmt, "--output", target, "--jobs", jobs)
        got[fmt] = target.read_bytes()
    return got


def test_same_inputs_give_byte_identical_reports_across_runs_and_jobs(
    cli: Cli, hostile_corpus: Path, tmp_path: Path
) -> None:
    corpus = [SEEDS, hostile_corpus]
    first = _reports(cli, tmp_path, corpus, "1")
    assert _reports(cli, tmp_path, corpus, "1") == first
    assert _reports(cli, tmp_path, corpus, "2") == first
    assert _reports(cli, tmp_path, corpus, "3") == first
    assert b"person.blinken" in first["json"]


def test_findings_are_sorted_stably(cli: Cli, hostile_corpus: Path, tmp_path: Path) -> None:
    _, report = check_json(cli, tmp_path, SEEDS, hostile_corpus, "--jobs", "2")
    fact_order = [f["id"] for f in report["facts"]]
    keys = [(f["source"], fact_order.index(f["fact"])) for f in report["findings"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for f in report["findings"]:
        spans = [(m["start"], m["end"]) for m in f["mentions"]]
        assert spans == sorted(spans)
    assert [s["id"] for s in report["sources"]] == sorted(s["id"] for s in report["sources"])
    errors = [(e["id"], e["path"], e["reason"]) for e in report["errors"]]
    assert errors == sorted(errors)


def test_argument_order_does_not_change_the_report(cli: Cli, tmp_path: Path) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    _, forward = check_json(cli, tmp_path, *files)
    _, backward = check_json(cli, tmp_path, *reversed(files))
    assert forward == backward


# --- core bugs found by fuzzing (see tests/fuzz/) -------------------------------------------------


def test_check_survives_a_309_digit_number() -> None:
    fb = load_factbase(FACTS)
    check(Source(id="x", text="Russia massed " + "9" * 400 + " troops near Ukraine."), fb)


def test_check_survives_digits_newer_than_pythons_unicode() -> None:
    fb = load_factbase(FACTS)
    check(Source(id="x", text="Russia massed \U00011f50 troops near Ukraine."), fb)


@pytest.mark.parametrize("day", ["April 31", "February 29, 2021", "February 30"])
def test_check_survives_an_impossible_date_beside_a_cue(day: str) -> None:
    fb = load_factbase(FACTS)
    check(Source(id="x", text=f"Russia massed 100,000 troops on {day}."), fb)


def test_a_309_digit_number_goes_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "c" / "digits.txt", "Russia massed " + "9" * 400 + " troops near Ukraine.")
    write(tmp_path / "c" / "ok.txt", ARTICLE)
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert rc == EXIT_CONTRADICTION
    assert [s["id"] for s in report["sources"]] == ["digits", "ok"] and report["errors"] == []


def test_jsonl_reader_yields_no_lone_surrogates(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"id": "s\\ud800", "text": "Biden \\udc00 spoke."}\n')
    [item] = list(read_corpus([tmp_path / "a.jsonl"]))
    assert isinstance(item, Source)
    (item.id + item.text).encode("utf-8")


def test_html_reader_survives_control_characters(tmp_path: Path) -> None:
    page = write(tmp_path / "a.html", b"Biden\x08 spoke with Putin.")
    items = list(read_corpus([page]))
    assert len(items) == 1


def test_html_with_control_characters_goes_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.html", b"Biden\x08 spoke with Putin.")
    write(tmp_path / "c" / "b.txt", ARTICLE)
    rc, report = check_json(cli, tmp_path, tmp_path / "c")
    assert rc == EXIT_CONTRADICTION  # b.txt contradicts; a.html is read
    assert [s["id"] for s in report["sources"]] == ["a", "b"] and report["errors"] == []


def test_an_internal_error_never_exits_1(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug outside one source's check (here: the reader) stops the run; it says so and exits 4,
    never 1, which CI reads as "contradictions found"."""
    import factcheck.corpus as corpus

    def broken_reader(*args: Any, **kwargs: Any) -> Any:
        yield Source(id="x", text=ARTICLE)
        raise ValueError("simulated reader bug")

    monkeypatch.setattr(runner, "read_corpus", broken_reader)
    assert corpus.read_corpus is not broken_reader
    write(tmp_path / "c" / "b.txt", ARTICLE)
    rc = cli("check", tmp_path / "c", "--facts", FACTS, "--output", tmp_path / "o.json")
    assert rc == EXIT_FAILED
    assert "factcheck: internal error: ValueError: simulated reader bug" in cli.err
    assert "a bug in factcheck" in cli.err
    assert not (tmp_path / "o.json").exists()


def _name_run_seconds(n: int, fb: Any) -> float:
    # CPU time of this process: another test process on the machine does not count (wall time made
    # the ratio below flaky under `-n 2`)
    started = time.process_time()
    check(Source(id="x", text="Anthony Brinken " * n), fb)
    return time.process_time() - started


def test_check_time_is_linear_in_an_unpunctuated_run_of_names() -> None:
    fb = load_factbase(FACTS)
    _name_run_seconds(50, fb)  # warm caches
    small = min(_name_run_seconds(500, fb) for _ in range(2))
    large = min(_name_run_seconds(2000, fb) for _ in range(2))
    assert large / small < 8, (small, large)  # linear: about 4; quadratic: about 16


class _CountingResults(tuple[SourceResult, ...]):
    """A tuple of results that counts the steps of every iteration over it."""

    steps = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            type(self).steps += 1
            yield item


def _render_steps(report: Any) -> int:
    import dataclasses

    from factcheck.report import render

    _CountingResults.steps = 0
    counted = dataclasses.replace(report, results=_CountingResults(report.results))
    render(counted, "json")
    render(counted, "markdown")
    return _CountingResults.steps


def _synthetic_results(n: int) -> tuple[list[SourceResult], list[Any]]:
    from factcheck.report import FactInfo

    facts = [FactInfo(id="x.year", kind="year", expected="1991", defined_at="f.yaml:1")]
    return [SourceResult(Source(id=f"s{i:05d}", text="")) for i in range(n)], facts


def test_rendering_is_linear_in_the_number_of_sources() -> None:
    """Renderers look up every source (Report.counts): the lookup must not scan all results."""
    from factcheck.report import build_report

    results, facts = _synthetic_results(1000)
    steps = _render_steps(build_report(results, [], facts))
    assert steps < 20 * 1000, steps

