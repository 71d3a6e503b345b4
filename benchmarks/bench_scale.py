"""Throughput of `factcheck check` on large synthetic corpora, with one and two processes.

Generates N synthetic articles in a temporary directory: the sentences of `seeds/*.txt`
recombined (each article takes SENTENCES consecutive-or-shuffled sentences from random seeds,
in paragraphs of two or three; one in seven has a garbled name or date, so there are
contradictions to report), then times, in fresh subprocesses, `runs` times each:

    factcheck check CORPUS --format json --output OUT --jobs J

for every N of --sizes and every J of --jobs, and writes the medians to
benchmarks/results/scale.md: wall-clock seconds (interpreter start-up included), sources per
second, and the peak resident set size of the largest process of the run (the main process or a
worker: `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`, measured per run through a fresh
wrapper process, so runs do not share the figure).

    python benchmarks/bench_scale.py                             # N = 1,000 and 10,000; J = 1, 2; 3 runs
    python benchmarks/bench_scale.py --sizes 500 --runs 1 --out /tmp/scale.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _common import clean_up, write_results  # benchmarks/_common.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "scale.md"
SENTENCES = (3, 8)  # sentences per synthetic article, inclusive
PER_DIR = 1000
SEED = 5
_SPLIT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")
_GARBLE = (("Blinken", "Brinken"), ("December 7", "December 8"), ("two hours", "three hours"),
           ("Zelenskyy", "Zelenskyyk"), ("Psaki", "Pzaki"))


def seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            out += [s.strip() for s in _SPLIT.split(para) if len(s.strip()) > 20]
    return out


def make_corpus(base: Path, n: int, rng: random.Random) -> tuple[Path, int]:
    """n articles under base/corpus (PER_DIR per sub-directory); returns the corpus and its size in bytes."""
    pool = seed_sentences()
    corpus = base / "corpus"
    total = 0
    for i in range(n):
        d = corpus / f"d{i // PER_DIR:03d}"
        if i % PER_DIR == 0:
            d.mkdir(parents=True)
        k = rng.randint(*SENTENCES)
        start = rng.randrange(len(pool))
        picked = pool[start : start + k] if rng.random() < 0.5 else rng.sample(pool, k)
        text = ""
        while picked:
            cut = rng.randint(2, 3)
            text += " ".join(picked[:cut]) + "\n\n"
            picked = picked[cut:]
        if i % 7 == 3:
            a, b = rng.choice(_GARBLE)
            text = text.replace(a, b)
        data = f"Synthetic article {i}\n\n{text}".encode()
        (d / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return corpus, total


@dataclass
class Run:
    seconds: float
    maxrss_kb: int
    rc: int


def measure(corpus: Path, out: Path, jobs: int) -> Run:
    """One `factcheck check` in a wrapper process that reports the run's wall time and peak RSS."""
    cmd = [sys.executable, "-m", "factcheck", "check", str(corpus), "--facts", str(ROOT / "facts"),
           "--format", "json", "--output", str(out), "--jobs", str(jobs)]
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "dt = time.perf_counter() - t\n"
        "print(json.dumps({'seconds': dt, 'rc': rc, "
        "'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    data = json.loads(proc.stdout)
    if data["rc"] not in (0, 1, 3):
        raise SystemExit(f"{' '.join(cmd)} failed with exit {data['rc']}")
    return Run(data["seconds"], data["maxrss_kb"], data["rc"])


@dataclass
class Row:
    n: int
    jobs: int
    runs: list[Run]
    sources: int
    errors: int

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)


def render(rows: list[Row], sizes: dict[int, int], runs: int, n_facts: int, load: str, seconds: float) -> str:
    by_n = {(r.n, r.jobs): r for r in rows}
    lines = []
    for r in rows:
        one = by_n.get((r.n, 1))
        speedup = f"{one.median / r.median:.2f}x" if one is not None else "-"
        lines.append(
            f"| {r.n:,} | {sizes[r.n] / 1e6:.1f} | {r.jobs} | **{r.median:.1f}** | "
            f"{min(x.seconds for x in r.runs):.1f} / {max(x.seconds for x in r.runs):.1f} | "
            f"**{r.n / r.median:,.0f}** | {speedup} | {max(x.maxrss_kb for x in r.runs) / 1024:,.0f} | "
            f"{r.errors} | {r.runs[0].rc} |"
        )
    command = "python benchmarks/bench_scale.py --sizes " + " ".join(str(n) for n in sizes) + f" --runs {runs}"
    return "\n".join([
        "# Throughput of `factcheck check` at scale",
        "",
        f"Generated by `{command}` on {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')} "
        f"(the whole benchmark took {seconds / 60:.1f} min).",
        "",
        f"Corpus: N synthetic articles, each {SENTENCES[0]} to {SENTENCES[1]} sentences of `seeds/*.txt` "
        "recombined (a run of consecutive sentences or a random sample), in paragraphs of two or three, "
        f"one in seven with a garbled name, date or duration; {PER_DIR:,} files per directory. Fact base: "
        f"`facts/` ({n_facts} facts). Command, run {runs} times each in a fresh process:",
        "",
        "    factcheck check CORPUS --format json --output OUT --jobs J",
        "",
        "Times are wall-clock seconds from process start to exit (interpreter start-up, reading, "
        "checking, rendering and writing the JSON report). Sources/s is N over the median. Peak RSS is "
        "the largest resident set of any one process of the run (main process or worker), the maximum "
        "over the runs.",
        "",
        "| N | corpus (MB) | jobs | median (s) | min / max (s) | sources/s | speed-up | peak RSS (MiB) | "
        "unreadable | exit |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *lines,
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average at start {load}.",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora (their path is printed)")
    args = ap.parse_args(argv)

    from factcheck.factbase.load import load_factbase

    n_facts = len(load_factbase(ROOT / "facts").facts)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    started = time.perf_counter()
    base = Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    rows: list[Row] = []
    sizes: dict[int, int] = {}
    try:
        for n in args.sizes:
            corpus, sizes[n] = make_corpus(base / f"n{n}", n, random.Random(SEED))
            print(f"N={n:,}: {sizes[n] / 1e6:.1f} MB in {corpus}", file=sys.stderr)
            reports: dict[int, bytes] = {}
            for jobs in args.jobs:
                out = base / f"n{n}" / f"report-j{jobs}.json"
                runs = []
                for k in range(args.runs):
                    runs.append(measure(corpus, out, jobs))
                    print(f"  jobs={jobs} run {k + 1}: {runs[-1].seconds:.1f} s, "
                          f"{runs[-1].maxrss_kb / 1024:.0f} MiB", file=sys.stderr)
                reports[jobs] = out.read_bytes()
                totals = json.loads(reports[jobs])["totals"]
                rows.append(Row(n, jobs, runs, totals["sources"], totals["errors"]))
            if len(set(reports.values())) != 1:
                raise SystemExit(f"N={n}: the reports differ between --jobs {args.jobs}")
        text = render(rows, sizes, args.runs, n_facts, load, time.perf_counter() - started)
        write_results(text, args.out)
    finally:
        clean_up(base, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
