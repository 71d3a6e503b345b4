"""Per-article speed of two versions of factcheck in the same run, as a ratio to a scan floor.

    python benchmarks/bench_compare.py OLD_REV [NEW_REV] [--runs 5] [--out benchmarks/results/compare.md]

Each revision is checked out in a temporary git worktree (NEW_REV defaults to the working tree) and
runs, in a fresh subprocess, `check()` over the same articles (the seeds and the project's golden
sets: 83 articles of the shipped story) against its own `facts/`, `runs` times; the median wall time
of the checking loop (start-up and fact loading excluded) is reported. The floor, measured in the
same process, is one pass of a pyahocorasick automaton of every literal word of the fact base's
patterns over each article (what a prefilter that only finds which sentences touch which facts would
cost). The headline is check/floor: machines differ, ratios in one run do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKER = r'''
import json, pathlib, re, statistics, sys, time
root = pathlib.Path(sys.argv[1]); runs = int(sys.argv[2]); corpus = pathlib.Path(sys.argv[3])
sys.path.insert(0, str(root))
from factcheck.factbase.load import load_factbase
from factcheck.check import check
from factcheck.model import Source
fb = load_factbase(root / "facts")
texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
for t in texts[:3]:
    check(Source("warm", t), fb)
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        check(Source(str(i), t), fb)
    times.append(time.perf_counter() - t0)
floor = []
try:
    import ahocorasick
    words = set()
    for f in fb.facts:
        for p in (*f.cues, *f.near, *f.exclude):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", p.source)}
    for e in fb.events.values():
        for p in (*e.names, *getattr(e, "words", ())):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", p.source)}
    for party in fb.parties.values():
        words |= {a.lower() for a in party.aliases}
    A = ahocorasick.Automaton()
    for w in words:
        A.add_word(w, w)
    A.make_automaton()
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            for _ in A.iter(t.lower()):
                pass
        floor.append(time.perf_counter() - t0)
except ImportError:
    pass
print(json.dumps({"n": len(texts), "chars": sum(map(len, texts)), "median": statistics.median(times),
                  "floor": statistics.median(floor) if floor else None}))
'''


def _corpus(tmp: Path) -> Path:
    out = tmp / "corpus"
    out.mkdir()
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    for d in ("unseen", "holdout", "final", "last"):
        sources += sorted((ROOT / "tests" / "golden" / d).glob("*.txt"))
    for i, p in enumerate(sources):
        (out / f"{i:03d}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return out


def _measure(tree: Path, runs: int, corpus: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", WORKER, str(tree), str(runs), str(corpus)],
                          capture_output=True, text=True, check=True, cwd=tree)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new", nargs="?", default="")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "compare.md"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        corpus = _corpus(tmp)
        trees = {}
        for label, rev in (("old", args.old), ("new", args.new)):
            if not rev:
                trees[label] = (ROOT, "working tree")
                continue
            wt = tmp / label
            subprocess.run(["git", "worktree", "add", "-q", "--detach", str(wt), rev], cwd=ROOT, check=True)
            trees[label] = (wt, subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True,
                                               capture_output=True, text=True).stdout.strip())
        try:
            res = {label: _measure(tree, args.runs, corpus) for label, (tree, _) in trees.items()}
        finally:
            for label, rev in (("old", args.old), ("new", args.new)):
                if rev:
                    subprocess.run(["git", "worktree", "remove", "--force", str(tmp / label)], cwd=ROOT)
    lines = [f"# Speed of two versions in one run ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)", "",
             f"`python benchmarks/bench_compare.py {args.old} {args.new}`. {res['old']['n']} articles "
             f"({res['old']['chars'] / 1000:.0f} K characters: the seeds and the golden sets), each version "
             f"against its own facts/, median of {args.runs} runs of the checking loop.", "",
             "| version | seconds | articles/s | floor (s) | check / floor |", "|---|---:|---:|---:|---:|"]
    for label, (_, name) in trees.items():
        r = res[label]
        ratio = f"{r['median'] / r['floor']:.0f}x" if r["floor"] else "-"
        floor = f"{r['floor']:.4f}" if r["floor"] else "-"
        lines.append(f"| {label}: {name} | {r['median']:.3f} | {r['n'] / r['median']:.1f} | {floor} | {ratio} |")
    lines += ["", f"new / old time: {res['new']['median'] / res['old']['median']:.2f}", "",
              f"Machine: {platform.platform()}, Python {platform.python_version()}."]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
