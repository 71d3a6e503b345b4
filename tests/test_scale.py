"""Scale (issue 13 items 3 and 4, issue 11 items 6 and 12): every core by default, one pool whose
workers die with their parent, results on disk and reports streamed, byte-identical output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

from factcheck import runner
from factcheck.cli import build_parser, main
from factcheck.corpus import read_corpus
from factcheck.factbase.load import load_factbase
from factcheck.model import Source, SourceError, SourceResult
from factcheck.report import FORMATS, ReportStore, build_report, iter_render, render
from factcheck.report.json import iter_json, jsonable, report_json
from factcheck.report.line import fails, select

ROOT = Path(__file__).resolve().parents[1]
FACTS = str(ROOT / "facts")
SEEDS = ROOT / "seeds"


def _mixed_corpus(tmp_path: Path) -> Path:
    """The seeds, a JSONL feed of seed texts, empty texts, odd ids and bad lines."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i, t in enumerate(texts):
        (corpus / f"s{i}.txt").write_text(t, encoding="utf-8")
    lines = [json.dumps({"id": f"j{i:02d}", "text": texts[i % len(texts)]}) for i in range(4)]
    lines += [json.dumps({"id": f"empty{i}", "text": ""}) for i in range(5)]
    lines += [json.dumps({"id": "Zé\u202e", "text": texts[0][:400]}), json.dumps({"id": "a0", "text": "   "}),
              "{not json", json.dumps({"id": 3, "text": "x"}), json.dumps({"id": "j00", "text": "dup"})]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def _outputs(tmp_path: Path, corpus: Path, *extra: str, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    out = {}
    for fmt in formats:
        target = tmp_path / f"{fmt}-{'_'.join(extra)}-{time.monotonic_ns()}"
        rc = main(["check", str(corpus), "--facts", FACTS, "--format", fmt, "--output", str(target), "-q", *extra])
        assert rc == 1
        out[fmt] = target.read_bytes()
    return out


# -- every core, one pool ------------------------------------------------------------------------

def test_jobs_default_to_every_core_this_process_may_use() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert runner.default_jobs() == cores
    assert build_parser().parse_args(["check"]).jobs == cores


def test_jobs_give_byte_identical_reports_in_every_format(tmp_path: Path) -> None:
    corpus = _mixed_corpus(tmp_path)
    one = _outputs(tmp_path, corpus, "--jobs", "1")
    assert _outputs(tmp_path, corpus, "--jobs", "2") == one
    assert _outputs(tmp_path, corpus, "--jobs", "3", formats=("json",)) == {"json": one["json"]}
    assert b"duplicate source id" in one["json"] and b'"empty4"' in one["json"]


def test_one_pool_for_the_run_and_the_base_sent_once_per_worker(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "inits"
    real = runner._init

    def counting(*args: object) -> None:
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_init", counting)  # workers are forked: they call the patched one
    fb = load_factbase(FACTS)
    items: list[Source | SourceError] = [Source(id=f"s{i:03d}", text="No news today." if i % 3 else "")
                                         for i in range(300)]
    items.insert(7, SourceError("bad", "bad.txt", "cannot read"))
    got = list(runner.iter_results(items, fb, jobs=2))
    assert [r.source.id if isinstance(r, SourceResult) else r.id for r in got] == \
        [i.id for i in items]  # corpus order
    pids = log.read_text().split()
    assert len(pids) == len(set(pids)) <= 2  # at most one initializer call per worker, one pool


_PARENT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from factcheck import runner
    from factcheck.factbase.load import load_factbase
    from factcheck.model import Source

    def forever(source, fb):
        while True:
            time.sleep(0.05)

    runner.check = forever  # the forked workers inherit it: they never finish
    fb = load_factbase({facts!r})
    sources = [Source(id=f"s{{i}}", text="Some text.") for i in range(64)]
    for _ in runner.iter_results(sources, fb, jobs=2):
        pass
""")


def _children(pid: int) -> set[int]:
    out = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            out.add(int(entry))
    return out


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")  # a zombie is dead, waiting to be reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_die_with_the_parent(tmp_path: Path, sig: signal.Signals) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_PARENT.format(root=str(ROOT), facts=FACTS), encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.1)
            workers = {p for p in _children(parent.pid) if _running(p)}
        assert len(workers) >= 2, "the pool never started its two workers"
        parent.send_signal(sig)
        parent.wait(timeout=60)
        deadline = time.monotonic() + 60
        while any(_running(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _running(p)], "workers outlived their parent"
    finally:
        for p in workers:  # never leave them behind, even when the test fails
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        if parent.poll() is None:
            parent.kill()
            parent.wait()


# -- results on disk, reports streamed ----------------------------------------------------------

def _in_memory_and_stored(tmp_path: Path) -> tuple[object, ReportStore]:
    corpus = _mixed_corpus(tmp_path)
    fb = load_factbase(FACTS)
    report = runner.run([corpus], fb, jobs=1)
    store = runner.run_stored([corpus], fb, jobs=1)
    return report, store


def test_a_stored_report_renders_byte_identical_to_build_report(tmp_path: Path) -> None:
    report, store = _in_memory_and_stored(tmp_path)
    with store:
        stored = store.report()
        assert len(stored.results) == len(report.results) and len(stored.errors) == len(report.errors)  # type: ignore[attr-defined]
        for fmt in FORMATS:
            assert "".join(iter_render(stored, fmt)) == render(report, fmt), fmt  # type: ignore[arg-type]
            assert "".join(iter_render(report, fmt)) == render(report, fmt), fmt  # type: ignore[arg-type]
        assert stored.totals() == report.totals()  # type: ignore[attr-defined]
        assert stored.fact_counts() == report.fact_counts()  # type: ignore[attr-defined]
        assert stored.has_contradiction() and fails(stored, ["contradict"]) and fails(stored, ["omit"])
        sid = report.results[3].source.id  # type: ignore[attr-defined]
        assert stored.counts(sid) == report.counts(sid)  # type: ignore[attr-defined]
        assert list(stored.results)[3] == stored.results[3]
        chosen = {"facts": ["summit.*"], "sources": ["j0*", "s1"]}
        for fmt in FORMATS:
            assert render(select(stored, **chosen), fmt) == render(select(report, **chosen), fmt)  # type: ignore[arg-type]


def test_streamed_json_is_json_dumps_of_the_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report, store = _in_memory_and_stored(tmp_path)
    store.close()
    for epoch in ("", "1700000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        for rep in (report, build_report([], [SourceError("x", "x.txt", "no")], report.facts)):  # type: ignore[attr-defined]
            expected = json.dumps(jsonable(report_json(rep)), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
            assert "".join(iter_json(rep)) == expected


def test_the_text_of_articles_is_not_kept(tmp_path: Path) -> None:
    _, store = _in_memory_and_stored(tmp_path)
    with store:
        assert all(r.source.text == "" for r in store.report().results)


def test_a_source_without_text_costs_a_few_bytes_whatever_the_base(tmp_path: Path) -> None:
    """Issue 11 item 6: 100,000 empty JSONL lines took 6 GB (one finding per fact each)."""
    fb = load_factbase(FACTS)
    infos = runner.fact_infos(fb)
    n = 20_000
    with ReportStore(infos) as store:
        tracemalloc.start()
        try:
            for i in range(n):
                store.add(SourceResult(Source(id=f"feed:{i}", text="", path="feed.jsonl"), ()))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 4 * 1024 * 1024  # bytes: the rows are on disk (in memory: 20,000 x 37 findings, 60 MB)
        rows = list(store.rows("SELECT length(data) FROM results"))
        assert max(length for (length,) in rows) < 200
        first = store.report().results[0]
        assert len(first.findings) == len(infos) and {f.verdict for f in first.findings} == {"omit"}
        assert store.report().totals()["omit"] == n * len(infos)


def test_duplicate_source_ids_are_refused_by_the_store_as_by_build_report() -> None:
    fb = load_factbase(FACTS)
    with ReportStore(runner.fact_infos(fb)) as store:
        store.add(SourceResult(Source(id="a", text="")))
        with pytest.raises(ValueError, match="duplicate source id 'a'"):
            store.add(SourceResult(Source(id="a", text="")))


def test_the_ids_the_reader_has_taken_are_kept_on_disk(tmp_path: Path) -> None:
    """Issue 13: the reader's set of taken ids was what grew in a streamed run (about 90 bytes a
    source: 9.4 MiB for 100,000). In the store it reads a corpus exactly as the set does."""
    corpus = _mixed_corpus(tmp_path)
    (corpus / "a").mkdir()
    (corpus / "a" / "j02.txt").write_text("read before feed.jsonl, whose j02 is then a duplicate", encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "j01.txt").write_text("named like a JSONL id taken before it", encoding="utf-8")
    fb = load_factbase(FACTS)
    with ReportStore(runner.fact_infos(fb)) as store:
        on_disk = list(read_corpus([corpus], taken=store.taken_ids()))
        assert on_disk == list(read_corpus([corpus]))
        assert "j02" in store.taken_ids() and "nobody" not in store.taken_ids() and 3 not in store.taken_ids()
    assert [(i.id, i.path) for i in on_disk if isinstance(i, SourceError) and i.reason == "duplicate source id"] == [
        ("j02", str(corpus / "feed.jsonl")), ("j00", str(corpus / "feed.jsonl"))]
    assert [i.id for i in on_disk if isinstance(i, Source) and i.path.endswith("j01.txt")] == ["sub/j01"]
    n = 20_000
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{i:07d}", "text": ""}) + "\n" for i in range(n)), encoding="utf-8")
    tracemalloc.start()
    try:
        store = runner.run_stored([feed], fb, jobs=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    with store:
        assert len(store.report().results) == n
    assert peak < 1024 * 1024  # bytes; with the ids in a set: 3.6 MiB


def test_ids_sort_in_code_point_order_on_disk() -> None:
    fb = load_factbase(FACTS)
    ids = ["b", "a", "é", "Z", "a\udc80", "\U0001f600", "\uffff", "a b", ""]
    with ReportStore(runner.fact_infos(fb)) as store:
        for i in ids:
            store.add(SourceResult(Source(id=i, text="")))
        for i in ids:
            store.add(SourceError(i, "p", "r"))
        assert [r.source.id for r in store.report().results] == sorted(ids)
        assert [e.id for e in store.report().errors] == sorted(ids)


# -- a Dask cluster -----------------------------------------------------------------------------

def test_a_dask_cluster_gives_the_same_report_as_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = _mixed_corpus(tmp_path)
    formats = ("json", "markdown")
    one = _outputs(tmp_path, corpus, "--jobs", "1", formats=formats)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        on_dask = _outputs(tmp_path, corpus, "--scheduler", cluster.scheduler_address, formats=formats)
    assert on_dask == one


def test_an_unusable_scheduler_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from factcheck import distributed as fd

    monkeypatch.setattr(fd, "CONNECT_TIMEOUT", 2)
    out = tmp_path / "r.json"
    rc = main(["check", str(SEEDS), "--facts", FACTS, "--scheduler", "tcp://127.0.0.1:9", "--output", str(out)])
    assert rc == 2
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not out.exists()
