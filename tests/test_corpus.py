"""Tests for factcheck.corpus: reading files, directories, HTML and JSONL sources."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.corpus.text as corpus_text
from factcheck.corpus import iter_paths, read_corpus
from factcheck.corpus.text import Unreadable, decode
from factcheck.model import Source, SourceError

CP1252_TEXT = (
    "The minister said \u201cwe will act\u201d \u2014 the caf\u00e9\u2019s owner disagreed, and it cost \u20ac5."
)


def read_all(*paths: str | os.PathLike[str], max_bytes: int = 1 << 20) -> list[Source | SourceError]:
    return list(read_corpus(list(paths), max_bytes=max_bytes))


def only(*paths: str | os.PathLike[str], max_bytes: int = 1 << 20) -> Source | SourceError:
    results = read_all(*paths, max_bytes=max_bytes)
    assert len(results) == 1, results
    return results[0]


def source(*paths: str | os.PathLike[str], max_bytes: int = 1 << 20) -> Source:
    result = only(*paths, max_bytes=max_bytes)
    assert isinstance(result, Source), result
    return result


def error(*paths: str | os.PathLike[str], max_bytes: int = 1 << 20) -> SourceError:
    result = only(*paths, max_bytes=max_bytes)
    assert isinstance(result, SourceError), result
    return result


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- text decoding -------------------------------------------------------------


def test_utf8_text_is_read_verbatim(tmp_path: Path) -> None:
    text = "Caf\u00e9 \u2013 the summit lasted 3 hours.\nSecond line \u00bd.\n"
    got = source(write(tmp_path / "a.txt", text))
    assert got == Source(id="a", text=text, path=str(tmp_path / "a.txt"))


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    got = source(write(tmp_path / "bom.md", b"\xef\xbb\xbfHeadline\nbody"))
    assert got.text == "Headline\nbody"
    assert got.notes == ()


def test_cp1252_curly_quotes_and_accents(tmp_path: Path) -> None:
    got = source(write(tmp_path / "legacy.txt", CP1252_TEXT.encode("cp1252")))
    assert got.text == CP1252_TEXT
    assert "decoded as cp1252" in got.notes


def test_short_cp1252_is_not_mistaken_for_a_dos_code_page(tmp_path: Path) -> None:
    # charset_normalizer alone ranks cp1125 first for this one.
    text = "caf\u00e9 \u201cquote\u201d"
    got = source(write(tmp_path / "short.txt", text.encode("cp1252")))
    assert got.text == text
    assert "decoded as cp1252" in got.notes


def test_latin1_text(tmp_path: Path) -> None:
    text = "Se\u00f1or M\u00fcller a d\u00e9clar\u00e9 \u00e0 la presse qu'il \u00e9tait \u00e2g\u00e9 de 52 ans."
    got = source(write(tmp_path / "l1.txt", text.encode("latin-1")))
    assert got.text == text
    assert any(note.startswith("decoded as ") for note in got.notes)


def test_cp1250_text_keeps_its_own_letters(tmp_path: Path) -> None:
    text = (
        "Minister powiedzia\u0142, \u017ce spotkanie trwa\u0142o trzy godziny. \u0141\u00f3d\u017a, \u015bl\u0105sk. "
        * 3
    )
    got = source(write(tmp_path / "pl.txt", text.encode("cp1250")))
    assert got.text == text
    assert "decoded as cp1250" in got.notes


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    got = source(write(tmp_path / "u16.txt", "Notepad \u201cUnicode\u201d\r\n".encode("utf-16")))
    assert got.text == "Notepad \u201cUnicode\u201d\n"
    assert "decoded as utf-16" in got.notes


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    got = source(write(tmp_path / "dos.txt", b"one\r\ntwo\rthree\n\r\nfour"))
    assert got.text == "one\ntwo\nthree\n\nfour"


def test_isolated_nul_bytes_are_removed_with_a_note(tmp_path: Path) -> None:
    body = b"The talks lasted\x00 three hours and 120 delegates attended the summit.\x00\n" * 3
    got = source(write(tmp_path / "nul.txt", body))
    assert "\0" not in got.text
    assert got.text.startswith("The talks lasted three hours")
    assert "removed 6 NUL characters" in got.notes


def test_png_is_reported_as_binary(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4000)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise
    got = error(write(tmp_path / "photo.txt", png))
    assert got == SourceError("photo", str(tmp_path / "photo.txt"), "binary file, not text")


def test_nul_heavy_file_is_binary(tmp_path: Path) -> None:
    # UTF-16 without a byte-order mark: half the bytes are NUL.
    got = error(write(tmp_path / "wide.txt", ("plain words " * 50).encode("utf-16-le")))
    assert got.reason == "binary file, not text"


def test_binary_without_nuls_is_caught_by_detection(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(rng.choice(range(1, 256)) for _ in range(5000))
    assert b"\0" not in data
    assert error(write(tmp_path / "noise.txt", data)).reason == "binary file, not text"


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t \n"])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    got = source(write(tmp_path / "empty.txt", content))
    assert got.text == ""
    assert got.notes == ("empty",)


def test_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"x" * 11)
    got = error(path, max_bytes=10)
    assert got.id == "big"
    assert "11" in got.reason and "10" in got.reason and "too large" in got.reason
    # exactly at the limit is fine
    write(path, b"x" * 10)
    assert source(path, max_bytes=10).text == "x" * 10


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_decode_never_fails_unexpectedly(data: bytes) -> None:
    try:
        text, notes = decode(data)
    except Unreadable as exc:
        assert str(exc)
    else:
        assert "\r" not in text and "\0" not in text
        assert all(isinstance(note, str) for note in notes)


# --- paths, walking, errors ------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    assert error(missing) == SourceError("gone", str(missing), "no such file or directory")
    assert list(iter_paths([missing])) == []


def test_symlink_loop_directory_is_reported_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "a.txt", "alpha")
    write(root / "sub" / "b.txt", "beta")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)
    results = read_all(root)
    sources = [r for r in results if isinstance(r, Source)]
    errors = [r for r in results if isinstance(r, SourceError)]
    assert [s.text for s in sources] == ["alpha", "beta"]
    assert len(errors) == 1
    assert errors[0].path == str(root / "sub" / "back")
    assert "loop" in errors[0].reason


def test_symlinked_directory_elsewhere_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "far.txt", "far away")
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert source(root).text == "far away"


def test_symlink_loop_between_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    results = read_all(tmp_path)
    assert len(results) == 2
    assert all(isinstance(r, SourceError) and r.reason == "symlink loop" for r in results)


def test_unreadable_file_chmod_000(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "hidden text")
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as root: chmod 000 does not stop reading")
        assert error(path) == SourceError("secret", str(path), "permission denied")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_permission_error_on_open_becomes_a_source_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Same path as the chmod test, but also exercised when running as root.
    path = write(tmp_path / "secret.txt", "hidden text")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(corpus_text, "open", refuse, raising=False)
    assert error(path) == SourceError("secret", str(path), "permission denied")


def test_unreadable_directory_is_an_error_and_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", "first")
    write(tmp_path / "locked" / "b.txt", "never seen")
    write(tmp_path / "z.txt", "last")
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = read_all(tmp_path)
    assert [getattr(r, "text", None) for r in results] == ["first", None, "last"]
    assert results[1] == SourceError("locked", str(tmp_path / "locked"), "permission denied")


def test_fifo_given_explicitly_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def timeout(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("read_corpus blocked on a FIFO")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(5)
    try:
        got = error(fifo)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert got.reason == "not a regular file"


def test_directory_reads_known_extensions_only(tmp_path: Path) -> None:
    for name in ["a.txt", "b.MD", "c.csv", "d", "e.htm", "f.jsonl", ".hidden.txt", "g.txt~"]:
        write(tmp_path / name, '{"id": "f1", "text": "x"}' if name.endswith("jsonl") else "<p>x</p>")
    write(tmp_path / ".git" / "h.txt", "x")
    assert [Path(p).name for p in iter_paths([tmp_path])] == ["a.txt", "b.MD", "e.htm", "f.jsonl"]


def test_unknown_extension_is_read_when_named_explicitly(tmp_path: Path) -> None:
    path = write(tmp_path / "README", "explicit file with no extension")
    got = source(path)
    assert (got.id, got.text) == ("README", "explicit file with no extension")
    assert source(write(tmp_path / "notes.csv", "a,b")).text == "a,b"


def test_order_is_deterministic_by_relative_path(tmp_path: Path) -> None:
    names = ["b/z.txt", "a.txt", "a/y.txt", "a-b/x.txt", "B.txt", "b/a/w.md", "c.md"]
    for name in random.Random(1).sample(names, len(names)):
        write(tmp_path / name, name)
    expected = ["B.txt", "a/y.txt", "a-b/x.txt", "a.txt", "b/a/w.md", "b/z.txt", "c.md"]
    results = read_all(tmp_path)
    assert [r.text for r in results if isinstance(r, Source)] == expected
    assert list(iter_paths([tmp_path])) == [str(tmp_path / name) for name in expected]


def test_arguments_keep_their_order_and_files_are_read_once(tmp_path: Path) -> None:
    z = write(tmp_path / "z.txt", "zed")
    a = write(tmp_path / "a.txt", "ay")
    results = read_all(z, tmp_path, a)
    assert [r.text for r in results if isinstance(r, Source)] == ["zed", "ay"]


def test_a_single_string_is_one_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "one.txt", "single")
    monkeypatch.chdir(tmp_path)  # taken as characters, "." would be this directory
    got = list(read_corpus("one.txt"))
    assert got == [Source(id="one", text="single", path="one.txt")]


def test_directory_reached_twice_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "real" / "story.txt", "once")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "zlias").symlink_to(tmp_path / "real", target_is_directory=True)
    assert list(iter_paths([tmp_path, tmp_path / "real"])) == [str(tmp_path / "alias" / "story.txt")]


def test_corpus_is_not_modified(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"one\r\ntwo\x00")
    write(tmp_path / "b.html", "<html><body><nav>menu</nav><p>text</p></body></html>")
    write(tmp_path / "c.jsonl", '{"id": "c", "text": "x"}\nnot json\n')
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*")}
    read_all(tmp_path)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*")}
    assert before == after


def test_read_corpus_is_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "first")
    write(tmp_path / "b.txt", "second")
    results = read_corpus([tmp_path])
    first = next(results)
    assert isinstance(first, Source) and first.text == "first"
    (tmp_path / "b.txt").write_text("changed after the first was read")
    second = next(results)
    assert isinstance(second, Source) and second.text == "changed after the first was read"


# --- ids ---------------------------------------------------------------------


def test_duplicate_file_names_get_a_relative_prefix(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", "first")
    write(tmp_path / "b" / "x.txt", "second")
    write(tmp_path / "c" / "d" / "x.md", "third")
    got = [(r.id, r.text) for r in read_all(tmp_path) if isinstance(r, Source)]
    # every file of a shared name gets its relative path, whatever the order (issue 11 item 10)
    assert got == [("a/x", "first"), ("b/x", "second"), ("c/d/x", "third")]


def test_duplicate_names_across_directory_arguments(tmp_path: Path) -> None:
    write(tmp_path / "one" / "x.txt", "first")
    write(tmp_path / "two" / "x.txt", "second")
    got = [r.id for r in read_all(tmp_path / "one", tmp_path / "two")]
    # both clash relative to their directory argument: each gets its path as given
    assert got == [(tmp_path / "one" / "x").as_posix(), (tmp_path / "two" / "x").as_posix()]
    assert sorted(r.id for r in read_all(tmp_path / "two", tmp_path / "one")) == sorted(got)


def test_duplicate_jsonl_ids_are_errors(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "from a file")
    lines = [{"id": "a", "text": "clashes with a.txt"}, {"id": "n", "text": "1"}, {"id": "n", "text": "2"}]
    write(tmp_path / "b.jsonl", "\n".join(json.dumps(line) for line in lines))
    results = read_all(tmp_path)
    path = str(tmp_path / "b.jsonl")
    assert results[1:] == [
        SourceError("a", path, "duplicate source id"),
        Source(id="n", text="1", path=path),
        SourceError("n", path, "duplicate source id"),
    ]


def test_file_named_like_an_earlier_jsonl_id_is_renamed(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"id": "story", "text": "from jsonl"}')
    write(tmp_path / "sub" / "story.txt", "from a file")
    assert [r.id for r in read_all(tmp_path)] == ["story", "sub/story"]


# --- jsonl -------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        '{"id": "s1", "text": "Good one.\\r\\nSecond line.", "url": "https://x.test/1", "published": "2024-05-01"}',
        "",
        "{not json",
        "[1, 2]",
        '{"text": "no id"}',
        '{"id": 7, "text": "numeric id"}',
        '{"id": "s2"}',
        '{"id": "s3", "text": null}',
        '{"id": "  ", "text": "blank id"}',
        '{"id": "s4", "text": "bad url", "url": 5}',
        '{"id": "s5", "text": "   "}',
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    results = read_all(path)
    assert results[0] == Source(
        id="s1",
        text="Good one.\nSecond line.",
        path=str(path),
        url="https://x.test/1",
        published="2024-05-01",
    )
    assert results[-1] == Source(id="s5", text="", path=str(path), notes=("empty",))
    errors = results[1:-1]
    assert all(isinstance(e, SourceError) for e in errors)
    assert [e.id for e in errors] == [f"feed:{n}" for n in (3, 4, 5, 6, 7, 8, 9, 10)]
    for e, problem in zip(
        errors, ["JSON", "object", "missing 'id'", "'id'", "missing 'text'", "'text'", "empty", "'url'"]
    ):
        assert isinstance(e, SourceError)
        assert e.reason.startswith(f"line {e.id.split(':')[1]}: "), e.reason
        assert problem in e.reason, e.reason


def test_jsonl_invalid_utf8_and_overlong_lines_cost_one_line(tmp_path: Path) -> None:
    long_text = "y" * 200
    data = (
        b'{"id": "ok1", "text": "fine"}\n'
        + b'{"id": "bad", "text": "caf\xe9"}\n'
        + json.dumps({"id": "long", "text": long_text}).encode()
        + b'\n{"id": "ok2", "text": "also fine"}\n'
    )
    results = read_all(write(tmp_path / "f.jsonl", data), max_bytes=100)
    assert [r.id for r in results] == ["ok1", "f:2", "f:3", "ok2"]
    assert isinstance(results[1], SourceError) and "UTF-8" in results[1].reason
    assert isinstance(results[2], SourceError) and "line 3" in results[2].reason


def test_jsonl_binary_file_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "blob.jsonl", b"\x00\x01\x02" * 500)
    assert error(path) == SourceError("blob", str(path), "binary file, not text")


# --- html --------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Summit ends with deal on tariffs | Daily News</title>
<script>var tracker = "SCRIPTTEXT";</script><style>.x {{ color: red }}</style></head>
<body>
<header><h1 class="logo">Daily News</h1><div>HEADERTEXT</div></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAVTEXT</a></li></ul></nav>
<main><article>
{headline}
<p>The two leaders met for three hours on Tuesday in Geneva, officials said. The talks
covered trade, energy and a new framework for tariff reductions over five years.</p>
<p>According to the statement, 120 delegates attended the summit, which was the first
in-person meeting since 2019. Both sides called the outcome a significant step.</p>
<p>Markets reacted calmly; the index rose 0.4 percent by the close of trading, analysts
noted in their evening reports on the agreement.</p>
</article></main>
<aside>Related: ASIDETEXT other story</aside>
<footer>Copyright 2024 Daily News FOOTERTEXT. All rights reserved.</footer>
<script>console.log("SCRIPT2");</script>
</body></html>
"""
HEADLINE = "Summit ends with deal on tariffs"
PARAGRAPHS = [
    "The two leaders met for three hours on Tuesday in Geneva, officials said. The talks covered trade, "
    "energy and a new framework for tariff reductions over five years.",
    "According to the statement, 120 delegates attended the summit, which was the first in-person meeting "
    "since 2019. Both sides called the outcome a significant step.",
    "Markets reacted calmly; the index rose 0.4 percent by the close of trading, analysts noted in their "
    "evening reports on the agreement.",
]
BOILERPLATE = ("SCRIPTTEXT", "SCRIPT2", "HEADERTEXT", "NAVTEXT", "ASIDETEXT", "FOOTERTEXT", "color", "Daily News")


def check_article(text: str) -> None:
    """Headline first, then exactly the three article paragraphs, blank-line separated."""
    for junk in BOILERPLATE:
        assert junk not in text
    assert text.split("\n\n") == [HEADLINE, *PARAGRAPHS], text


def test_html_keeps_article_paragraphs_and_drops_boilerplate(tmp_path: Path) -> None:
    page = ARTICLE.format(headline="<h1>Summit ends with deal on tariffs</h1>")
    got = source(write(tmp_path / "story.html", page))
    assert got.id == "story"
    check_article(got.text)
    assert "html reduced to main text (trafilatura)" in got.notes


def test_html_headline_from_title_when_the_page_has_no_h1(tmp_path: Path) -> None:
    got = source(write(tmp_path / "story.htm", ARTICLE.format(headline="")))
    check_article(got.text)
    assert "headline restored" in got.notes


@pytest.mark.parametrize("extract", ["trafilatura", "fallback"])
def test_html_headline_in_the_articles_own_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extract: str
) -> None:
    # The page header holds a logo <h1>; the article's <header> holds the real one.
    if extract == "fallback":
        monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    page = ARTICLE.format(headline="<header><h1>Summit ends with deal\non tariffs</h1></header>")
    page = page.replace("<title>Summit ends with deal on tariffs |", "<title>World |")
    check_article(source(write(tmp_path / "story.html", page)).text)


def test_html_fallback_when_trafilatura_finds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    page = ARTICLE.format(headline="<h1>Summit ends with deal on tariffs</h1>")
    got = source(write(tmp_path / "story.html", page))
    check_article(got.text)
    assert not any("trafilatura)" in note for note in got.notes)
    assert any("lxml" in note for note in got.notes)


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"</head><body><article><p>{CP1252_TEXT} The rest of this paragraph is long enough "
        "to be kept as the main text of the page by the extractor.</p></article></body></html>"
    )
    got = source(write(tmp_path / "old.html", page.encode("cp1252")))
    assert CP1252_TEXT in got.text
    assert "decoded as windows-1252" in got.notes


def test_empty_html_page(tmp_path: Path) -> None:
    got = source(write(tmp_path / "blank.html", "  \n"))
    assert (got.text, got.notes) == ("", ("empty",))
