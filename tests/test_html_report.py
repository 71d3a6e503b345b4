"""The HTML report: one self-contained file, article text that never becomes markup, and (when a
browser is at hand) the page as a reader uses it, checked in a real Chromium through Playwright.

The browser tests need `playwright` (a PyPI package) and a Chromium: the system's (`chromium`,
`chromium-browser`, e.g. Debian's `apt-get install chromium`) or one Playwright downloaded itself.
Without either they are skipped, saying which is missing; the unit tests always run.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.model import Finding, Mention, Source, SourceError, SourceResult, Verdict
from factcheck.report import FactInfo, Report, build_report, render
from factcheck.report.html import report_data, script_json
from factcheck.report.json import jsonable

ROOT = Path(__file__).resolve().parents[1]
BLOB = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
# each would set window.__pwned if it ever ran
PAYLOADS = (
    "</script><script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "</textarea><svg onload=\"window.__pwned = 3\"></svg>",
    "<!--<script>window.__pwned = 4</script>-->",
    "]]></style><script>window.__pwned = 5</script>\u2028\u2029&amp;",
)
HOSTILE = " ".join(PAYLOADS)


# --- reports to render -------------------------------------------------------------------------


def _mention(text: str, sentence: str, verdict: str, *, line: int = 3, reason: str = "") -> Mention:
    at = sentence.index(text)
    return Mention(text=text, start=100 + at, end=100 + at + len(text), line=line, col=at + 1, value=text,
                   verdict=verdict,  # type: ignore[arg-type]
                   rule="event summit; name", sentence=sentence, sentence_start=100,
                   reason=reason or f"read {text!r}", rules=("name.in_context",))


def sample() -> Report:
    facts = (
        FactInfo("summit.date", "date", "2021-12-07", "facts/events.yaml:20"),
        FactInfo("summit.duration", "duration", "121 min", "facts/events.yaml:25"),
        FactInfo("person.blinken", "name", "Antony Blinken", "facts/people.yaml:9"),
    )
    sentence = "On Monday, Secretary of State Anthony Brinken spoke to Zelensky."
    results = [
        SourceResult(Source("a-wire", "", "corpus/a-wire.txt"), (
            Finding("a-wire", "person.blinken", "contradict",
                    (_mention("Anthony Brinken", sentence, "contradict", line=41),)),
            Finding("a-wire", "summit.date", "agree",
                    (_mention("7 December", "They met on 7 December by video.", "agree"),)),
        )),
        SourceResult(Source("b-post", "", "corpus/b-post.txt"), (
            Finding("b-post", "summit.duration", "unclear",
                    (_mention("two hours", "The talks took two hours, one aide said.", "unclear"),)),
        )),
    ]
    return build_report(results, [SourceError("z-bad", "corpus/z-bad.pdf", "binary file")], facts)


def hostile() -> Report:
    """Every string an article (or a file name) can put in a report carries the payloads."""
    facts = (FactInfo("event.name", "name", "Antony Blinken " + HOSTILE, "facts/x.yaml:1"),)
    sentence = f"Before {HOSTILE} after."
    sid = "evil" + PAYLOADS[1]
    m = _mention(HOSTILE, sentence, "contradict", reason=HOSTILE)
    src = Source(sid, "", "corpus/" + PAYLOADS[0] + ".txt", url="javascript:window.__pwned=6",
                 published=PAYLOADS[2], notes=(HOSTILE,))
    results = [SourceResult(src, (Finding(sid, "event.name", "contradict", (m,)),))]
    errors = [SourceError("bad" + PAYLOADS[0], "corpus/" + PAYLOADS[1], HOSTILE)]
    return build_report(results, errors, facts)


def big(n_sources: int = 1000, n_facts: int = 300, seed: int = 7) -> Report:
    """A run of `n_sources` x `n_facts` with a plausible mix: about two thirds omissions, the rest
    mostly agreements, a mention or two with its sentence for every value read."""
    rnd = random.Random(seed)
    kinds = ("date", "duration", "quantity", "count", "year", "name")
    facts = tuple(FactInfo(f"event{i // 5:02d}.fact{i % 5}", kinds[i % len(kinds)], f"value {i}",
                           f"facts/events.yaml:{i + 1}") for i in range(n_facts))
    words = "the talks between the two leaders lasted about two hours officials said on Tuesday".split()
    results = []
    for s in range(n_sources):
        sid = f"source{s:04d}"
        findings = []
        for f in facts:
            verdict: Verdict = rnd.choices(("omit", "agree", "contradict", "unclear"), (65, 27, 5, 3))[0]
            if verdict == "omit":
                continue
            mentions = []
            for _ in range(rnd.choice((1, 1, 2))):
                quote = f"value {rnd.randrange(1000)}"
                sentence = " ".join(rnd.choices(words, k=12)) + f" {quote} " + " ".join(rnd.choices(words, k=8))
                mentions.append(_mention(quote, sentence, verdict, line=rnd.randrange(1, 80)))
            findings.append(Finding(sid, f.id, verdict, tuple(mentions)))
        results.append(SourceResult(Source(sid, "", f"corpus/{sid}.txt"), tuple(findings)))
    return build_report(results, [], facts)


def mention_fields(data: dict[str, Any], row: list[Any]) -> dict[str, Any]:
    """One mention of the blob by field name, pooled strings resolved."""
    fields = dict(zip(data["mention_fields"], row))
    for name in ("value", "rule", "reason", "sentence"):
        fields[name] = data["strings"][fields[name]]
    fields["rules"] = [data["strings"][i] for i in fields["rules"]]
    return fields


def blob(html: str) -> str:
    [text] = BLOB.findall(html)
    return text


def outside_blob(html: str) -> str:
    return BLOB.sub("", html)


# --- unit tests: always ------------------------------------------------------------------------


def test_page_is_one_self_contained_file() -> None:
    html = render(sample(), "html")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    page = outside_blob(html)
    # no external resource of any kind: styles and script are inline, the CSP forbids the network
    for needle in ("<link", " src=", "@import", "url(", "http://", "https://"):
        assert needle not in page, needle
    assert page.count("<script") == 1 and page.count("<style>") == 1
    assert "default-src 'none'" in page and "script-src 'sha256-" in page
    assert render(sample(), "html") == html  # reruns are byte-identical: no wall clock


def test_csp_hashes_match_the_inline_script_and_style() -> None:
    import base64
    import hashlib

    html = render(sample(), "html")

    def digest(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    script = re.search(r"<script>(.*?)</script>", html, re.S)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert script and style
    assert f"script-src '{digest(script.group(1))}'" in html
    assert f"style-src '{digest(style.group(1))}'" in html


def test_json_blob_round_trips() -> None:
    for report in (sample(), hostile()):
        html = render(report, "html")
        data = json.loads(blob(html))
        assert data == jsonable(report_data(report))
    data = json.loads(blob(render(sample(), "html")))
    assert [f["id"] for f in data["facts"]] == ["summit.date", "summit.duration", "person.blinken"]
    assert data["cells"] == ["aoc", "ouo"]  # a-wire, b-post; one letter a fact
    [m] = data["details"]["0:2"]
    fields = mention_fields(data, m)
    assert fields["text"] == "Anthony Brinken" and fields["line"] == 41
    assert fields["sentence"][fields["hl_start"]:fields["hl_end"]] == "Anthony Brinken"
    assert fields["rules"] == ["name.in_context"] and fields["verdict"] == "contradict"
    assert data["errors"] == [{"id": "z-bad", "path": "corpus/z-bad.pdf", "reason": "binary file"}]


def test_highlight_offsets_are_utf16_units() -> None:
    sentence = "🙂 On Monday 😀 Anthony Brinken spoke."
    m = _mention("Anthony Brinken", sentence, "contradict")
    rep = build_report([SourceResult(Source("s", ""), (Finding("s", "x.name", "contradict", (m,)),))], [],
                       (FactInfo("x.name", "name", "Antony Blinken", "f.yaml:1"),))
    data = report_data(rep)
    fields = mention_fields(data, data["details"]["0:0"][0])
    units = sentence.encode("utf-16-le")
    assert units[2 * fields["hl_start"]:2 * fields["hl_end"]].decode("utf-16-le") == "Anthony Brinken"


def test_hostile_article_text_is_escaped() -> None:
    html = render(hostile(), "html")
    text = blob(html)
    # the blob has no character that could end or change the element, and still decodes exactly
    for ch in "<>&\u2028\u2029":
        assert ch not in text
    data = json.loads(text)
    assert mention_fields(data, data["details"]["0:0"][0])["sentence"] == f"Before {HOSTILE} after."
    assert data["details"]["0:0"][0][0] == HOSTILE
    # outside the blob, nothing of the payloads survives as markup
    page = outside_blob(html)
    assert page.count("<script") == 1  # the page's own script
    for needle in ("<img", "<svg", "</textarea", 'onerror="', 'onload="', "<!--<script", "</style>]"):
        assert needle not in page, needle
    assert "<script>window.__pwned" not in page
    # what Jinja renders itself (unreadable sources) is escaped, not dropped
    assert "&lt;/script&gt;&lt;script&gt;" in page
    assert script_json("</script>") == '"\\u003c/script\\u003e"'


def test_script_json_escapes_line_separators_and_keeps_other_text() -> None:
    assert script_json({"a": "x\u2028y\u2029z & é"}) == '{"a":"x\\u2028y\\u2029z \\u0026 é"}'
    assert json.loads(script_json({"a": "<!-- </SCRIPT >"})) == {"a": "<!-- </SCRIPT >"}


def test_source_date_epoch_is_the_only_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert "1970-" not in render(sample(), "html")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    html = render(sample(), "html")
    assert "2023-11-14T22:13:20Z" in outside_blob(html)
    assert json.loads(blob(html))["generated_at"] == "2023-11-14T22:13:20Z"


def test_big_report_size_is_linear_in_the_data() -> None:
    rep = big(200, 60)
    html = render(rep, "html")
    data = json.loads(blob(html))
    assert len(data["cells"]) == 200 and all(len(row) == 60 for row in data["cells"])
    # the page itself is small: the matrix and the details are built from the blob by the script
    assert len(outside_blob(html)) < 40_000


# --- in a real browser ----------------------------------------------------------------------------


def _chromium_candidates() -> list[str | None]:
    """System Chromium executables first, then None for Playwright's own download."""
    found = [shutil.which(n) for n in ("chromium", "chromium-browser")]
    return [*(p for p in found if p), None]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright): browser tests skipped")
    manager = sync_playwright()
    try:
        pw = manager.start()
    except Error as e:  # the driver cannot start on this machine
        pytest.skip(f"playwright could not start: {e}")
    problems = []
    for exe in _chromium_candidates():
        try:
            b = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        except Error as e:
            problems.append(f"{exe or 'playwright chromium'}: {str(e).splitlines()[0]}")
            continue
        try:
            yield b
        finally:
            b.close()
            pw.stop()
        return
    pw.stop()
    pytest.skip("no Chromium to run the browser tests (apt-get install chromium, or playwright install "
                "chromium): " + "; ".join(problems))


class Page:
    """A page with every console error and uncaught exception recorded."""

    def __init__(self, browser: Any, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        started = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready]", timeout=30_000)
        self.load_seconds = time.perf_counter() - started

    def close(self) -> None:
        self.page.close()


def _open(browser: Any, tmp_path: Path, report: Report, name: str = "report.html") -> Page:
    target = tmp_path / name
    target.write_text(render(report, "html"), encoding="utf-8")
    return Page(browser, target)


def test_page_loads_without_console_errors_and_a_click_shows_the_quote(browser: Any, tmp_path: Path) -> None:
    p = _open(browser, tmp_path, sample())
    page = p.page
    assert page.locator("#matrix td.c").count() == 6  # 2 sources x 3 facts
    assert page.locator("#matrix td.c").all_inner_texts() == ["✓", "·", "✗", "·", "?", "·"]
    assert page.locator("#detail").is_hidden()
    page.locator("#matrix td.v-c").first.click()
    detail = page.locator("#detail")
    assert detail.is_visible()
    text = detail.inner_text()
    assert "CONTRADICT" in text and "a-wire" in text and "person.blinken" in text
    assert "41:" in text and "Antony Blinken" in text and "name.in_context" in text
    assert page.locator("#detail mark").inner_text() == "Anthony Brinken"
    page.keyboard.press("Escape")
    assert detail.is_hidden()
    # the unreadable source is listed; summaries are there
    assert "z-bad" in page.locator("#unreadable").inner_text()
    assert page.locator("#fact-summary tbody tr").first.inner_text().startswith("person.blinken")
    assert p.errors == []
    p.close()


def test_filters_and_sorting_work(browser: Any, tmp_path: Path) -> None:
    p = _open(browser, tmp_path, sample())
    page = p.page
    page.select_option("#f-verdict", "u")
    assert page.locator("#matrix tbody tr").count() == 1
    assert page.locator("#matrix td.c:not(.dim)").all_inner_texts() == ["?"]
    page.select_option("#f-verdict", "")
    page.select_option("#f-kind", "name")
    assert page.locator("#matrix td.c").count() == 2
    page.select_option("#f-kind", "")
    from playwright.sync_api import expect  # waits without eval: the page's CSP forbids it

    page.fill("#f-source", "b-*")
    expect(page.locator("#matrix tbody tr")).to_have_count(1)
    page.fill("#f-source", "")
    expect(page.locator("#matrix tbody tr")).to_have_count(2)
    page.locator("#matrix th.cnt.v-u").click()  # sort by unclear, most first
    assert page.locator("#matrix td.src").first.inner_text() == "b-post"
    assert p.errors == []
    p.close()


def test_hostile_article_does_not_execute(browser: Any, tmp_path: Path) -> None:
    p = _open(browser, tmp_path, hostile())
    page = p.page
    page.locator("#matrix td.c").first.click()
    page.locator("#matrix td.src").first.hover()
    text = page.locator("#detail").inner_text()
    assert "</script><script>window.__pwned = 1</script>" in text  # shown as text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "</textarea>" in text
    assert page.locator("#detail img, #detail svg, #detail script, #detail textarea").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.locator("body img, body svg").count() == 0
    assert p.errors == []
    p.close()


def test_a_run_of_1000_sources_by_300_facts_loads_in_seconds(browser: Any, tmp_path: Path) -> None:
    started = time.perf_counter()
    rep = big()
    html = render(rep, "html")
    render_seconds = time.perf_counter() - started
    (tmp_path / "big.html").write_text(html, encoding="utf-8")
    p = Page(browser, tmp_path / "big.html")
    page = p.page
    print(f"\n1000x300: {len(html.encode()) / 1e6:.1f} MB, built and rendered in {render_seconds:.1f} s, "
          f"loaded in {p.load_seconds:.2f} s")
    assert p.load_seconds < 10, p.load_seconds
    assert page.locator("#matrix tbody tr").count() == 100  # one page of rows
    assert page.locator("#matrix thead tr").nth(1).locator("th").count() == 300
    page.locator("#matrix td.v-c").first.click()
    assert page.locator("#detail .mention").count() >= 1
    started = time.perf_counter()
    page.click("#next")
    assert page.locator("#matrix td.src").first.inner_text() == "source0100"
    # a bound against a page that hangs, not a speed measure (benchmarks measure speed): the next
    # page took 5.4 s once on a 2-core machine shared with six other processes
    assert time.perf_counter() - started < 15
    assert p.errors == []
    p.close()


def test_seed_report_in_the_browser(browser: Any, tmp_path: Path, shipped_facts: Any) -> None:
    from factcheck.runner import run

    rep = run([ROOT / "seeds"], shipped_facts)
    p = _open(browser, tmp_path, rep)
    p.page.locator("#matrix td.v-c").first.click()
    assert "CONTRADICT" in p.page.locator("#detail").inner_text()
    assert p.errors == []
    p.close()
