"""Known and new discrepancies apart in every report of `factcheck check --baseline` (issue 12,
item 5): the table, markdown and line sections, the JSON's `"baseline"` object, the JSONL's
`"baseline"` status, the HTML's section; the files written to reports/ too. Without a baseline
every report is what it was (no key, no section, no suffix)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.model import Finding, Mention, Source, SourceResult
from factcheck.pytest_support.baseline import Baseline, Entry
from factcheck.report import build_report, render
from factcheck.report.json import iter_json, jsonable, report_json
from factcheck.report.model import FactInfo

ROOT = Path(__file__).resolve().parents[1]
FACTS = str(ROOT / "facts")
S0 = "000_3cc3693bd4ee27e1"
KNOWN = {(S0, "person.blinken"), ("002_716ac14c5b8b7321", "person.blinken"),
         ("002_716ac14c5b8b7321", "person.horne"), ("003_bc7be48bc935a77c", "person.zelenskyy")}
NEW = (S0, "person.psaki")


@pytest.fixture
def run(tmp_path: Path) -> Path:
    """The seeds with a baseline of their four contradictions, then one new contradiction."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    assert main(["check", str(seeds), "--facts", FACTS, "--baseline", str(tmp_path / "b.json"),
                 "--update-baseline", "-q", "--output", str(tmp_path / "first.json")]) == 0
    seed = seeds / f"{S0}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Jen Psaki", "Jen Psakie", 1), encoding="utf-8")
    return tmp_path


def _check(tmp: Path, *args: str) -> int:
    return main(["check", str(tmp / "seeds"), "--facts", FACTS, "--baseline", str(tmp / "b.json"), "-q", *args])


def _pairs(items: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(i["source"], i["fact"]) for i in items}


def test_json_has_a_baseline_object_with_each_section(run: Path) -> None:
    assert _check(run, "--output", str(run / "r.json")) == 1
    data = json.loads((run / "r.json").read_text())
    assert list(data)[-1] == "baseline"
    b = data["baseline"]
    assert b["file"] == str(run / "b.json") and b["fail_on"] == ["contradict"] and b["complete"] is True
    assert b["counts"] == {"new": 1, "known": 4, "fixed": 0, "stale": 0}
    assert _pairs(b["new"]) == {NEW} and _pairs(b["known"]) == KNOWN
    assert b["fixed"] == [] and b["stale"] == []
    new = b["new"][0]
    assert new["status"] == "new" and new["quote"] == "Jen Psakie" and new["line"] == 23
    assert new["value"] == "Jen Psakie" and "recorded" not in new
    blinken = next(i for i in b["known"] if i["source"] == S0)
    assert blinken["value"] == "Anthony Brinken"
    assert blinken["recorded"] == [{"verdict": "contradict", "value": "Anthony Brinken", "quote": "Anthony Brinken"}]
    # the rest of the document is the report without a baseline, byte for byte
    assert main(["check", str(run / "seeds"), "--facts", FACTS, "-q", "--output", str(run / "plain.json")]) == 1
    plain = (run / "plain.json").read_text()
    assert "baseline" not in json.loads(plain)
    with_b = (run / "r.json").read_text()
    assert with_b.startswith(plain[:-len("\n}\n")]) and with_b.endswith("\n}\n")


def test_a_changed_value_and_a_fixed_pair_say_what_is_recorded(run: Path) -> None:
    seed = run / "seeds" / f"{S0}.txt"
    text = seed.read_text(encoding="utf-8").replace("Jen Psakie", "Jen Psaki", 1)
    seed.write_text(text.replace("Anthony Brinken", "Tony Brinken", 1), encoding="utf-8")
    assert _check(run, "--output", str(run / "r.json")) == 1
    b = json.loads((run / "r.json").read_text())["baseline"]
    (changed,) = b["new"]
    assert changed["status"] == "changed" and changed["value"] == "Tony Brinken"
    assert changed["recorded"][0]["value"] == "Anthony Brinken"
    seed.write_text(text.replace("Anthony Brinken", "Antony Blinken", 1), encoding="utf-8")
    assert _check(run, "--output", str(run / "r.json")) == 0
    b = json.loads((run / "r.json").read_text())["baseline"]
    (fixed,) = b["fixed"]
    assert (fixed["source"], fixed["fact"], fixed["verdict"]) == (S0, "person.blinken", "agree")
    assert "status" not in fixed and fixed["recorded"][0]["verdict"] == "contradict"


def test_a_narrowed_run_does_not_look_for_stale_entries(run: Path) -> None:
    assert _check(run, "--fact", "person.blinken", "--output", str(run / "r.json")) == 0
    b = json.loads((run / "r.json").read_text())["baseline"]
    assert b["complete"] is False and b["counts"]["stale"] is None and b["stale"] is None


def test_jsonl_carries_a_status_on_each_object(run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(run, "--format", "jsonl", "--output", "-") == 1
    rows = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    status = {(r["source"], r["fact"]): r["baseline"] for r in rows}
    assert status[NEW] == "new"
    assert {k for k, v in status.items() if v == "known"} == KNOWN
    assert {v for k, v in status.items() if k != NEW and k not in KNOWN} == {None}
    assert list(rows[0])[:6] == ["source", "path", "fact", "kind", "verdict", "baseline"]
    # without a baseline: no key
    assert main(["check", str(run / "seeds"), "--facts", FACTS, "-q", "--format", "jsonl", "--output", "-"]) == 1
    assert all("baseline" not in json.loads(ln) for ln in capsys.readouterr().out.splitlines())


def test_line_format_tags_new_and_known(run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(run, "--format", "line", "--output", "-") == 1
    lines = capsys.readouterr().out.splitlines()
    new = [ln for ln in lines if ln.endswith(" [new]")]
    known = [ln for ln in lines if ln.endswith(" [known]")]
    assert len(new) == 1 and "person.psaki: CONTRADICT" in new[0]
    assert len(known) == 4
    assert main(["check", str(run / "seeds"), "--facts", FACTS, "-q", "--format", "line", "--output", "-"]) == 1
    assert not any(ln.endswith(("[new]", "[known]")) for ln in capsys.readouterr().out.splitlines())


def test_html_has_a_baseline_section(run: Path) -> None:
    assert _check(run, "--output", str(run / "r.html")) == 1
    page = (run / "r.html").read_text()
    assert '<section id="baseline"' in page
    new = page.split('id="baseline-new"')[1].split("</details>")[0]
    known = page.split('id="baseline-known"')[1].split("</details>")[0]
    assert "person.psaki" in new and "Jen Psakie" in new and "Anthony Brinken" not in new
    assert "Anthony Brinken" in known and "Emily Horn" in known and "person.zelenskyy" in known
    assert 'data-count="4"' in page.split('id="baseline-known"')[1][:20]
    assert main(["check", str(run / "seeds"), "--facts", FACTS, "-q", "--output", str(run / "plain.html")]) == 1
    assert 'id="baseline' not in (run / "plain.html").read_text()


def test_the_reports_directory_carries_the_sections(run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run / "reports"
    assert _check(run, "--reports", str(out)) == 1
    assert "## new contradictions (1)" in (out / "consistency.md").read_text()
    assert "## known (baseline) (4)" in (out / "consistency.md").read_text()
    assert json.loads((out / "consistency.json").read_text())["baseline"]["counts"]["known"] == 4
    assert '<section id="baseline"' in (out / "consistency.html").read_text()
    # the table on standard output has them too
    assert "known (baseline) (4):" in capsys.readouterr().out


def _hostile_report() -> tuple[SourceResult, Finding]:
    quote = "</td><script>alert(1)</script>"
    m = Mention(text=quote, start=0, end=len(quote), line=1, col=1, value=quote, verdict="contradict", rule="r",
                sentence=quote)
    f = Finding(source="evil", fact="person.blinken", verdict="contradict", mentions=(m,), expected="Antony Blinken")
    return SourceResult(Source(id="evil", text=quote, path="evil.txt"), (f,)), f


def test_html_section_escapes_article_text() -> None:
    r, _ = _hostile_report()
    info = FactInfo(id="person.blinken", kind="name", expected="Antony Blinken", defined_at="people.yaml:1")
    report = build_report([r], [], [info])
    cmp = Baseline([Entry("evil", "person.blinken", "contradict", read=(("x", "x"),))]).compare(report, ["contradict"])
    from factcheck.report.html import render_html

    page = render_html(report, baseline=cmp.to_json("b.json", ["contradict"]))
    section = page.split('<section id="baseline"')[1].split("</section>")[0]
    assert "<script>alert" not in section and "&lt;script&gt;alert(1)&lt;/script&gt;" in section


def test_json_with_a_baseline_streams_the_same_text() -> None:
    r, _ = _hostile_report()
    info = FactInfo(id="person.blinken", kind="name", expected="Antony Blinken", defined_at="people.yaml:1")
    report = build_report([r], [], [info])
    data = Baseline().compare(report, ["contradict"]).to_json("b.json", ["contradict"])
    whole = json.dumps(jsonable(report_json(report, data)), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    assert "".join(iter_json(report, data)) == whole
    assert render(report, "json") == json.dumps(jsonable(report_json(report)), indent=2, ensure_ascii=False,
                                                allow_nan=False) + "\n"


def test_csv_has_a_baseline_column(run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    assert _check(run, "--format", "csv", "--output", "-") == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    status = {(r["source"], r["fact"]): r["baseline"] for r in rows}
    assert status[NEW] == "new" and {status[k] for k in KNOWN} == {"known"}
    assert status[(S0, "summit.date")] == ""
    # without a baseline: no such column
    assert main(["check", str(run / "seeds"), "--facts", FACTS, "-q", "--format", "csv", "--output", "-"]) == 1
    assert "baseline" not in capsys.readouterr().out.splitlines()[0]
