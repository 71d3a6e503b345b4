"""Start-up with a large fact base (issue 13 item 7): loading 30, 300 and 3,000 facts, with libyaml's
loader and with the pure-Python one, without and with the compiled patterns kept from an earlier
run (factbase/load.py, `PatternCache`), in fresh processes, in the same run.

The bases are `bench_truth.py`'s (real facts of the shipped bases, then renamed replicas; every
kind). For each base and variant, `load_factbase(BASE)` is timed in a fresh interpreter (median of
--runs; interpreter start-up and imports excluded), with the share of it spent composing YAML and
in `compile_pattern` (compiling the fact file's patterns and trying them for runaway backtracking),
then the first `check()` of one seed article (the per-base tables it builds: automatons, indexes):
load + first check is the time to a first result. Variants: the pure-Python YAML loader and
libyaml's, with no pattern cache (a first run: FACTCHECK_CACHE_DIR=off), and libyaml's with the
cache filled by an earlier load of the same base (every later run).
With `--before DIR` (a directory holding an earlier copy of the `factcheck/` package), the same
bases are also loaded by that copy (libyaml loader), in the same run, for a before/after ratio.

    python benchmarks/bench_startup.py                 # 30, 300, 3,000 facts; 3 runs
    python benchmarks/bench_startup.py --facts 3000 --runs 1
    python benchmarks/bench_startup.py --before /tmp/fc-before   # /tmp/fc-before/factcheck/...

Results: benchmarks/results/startup.md (copied into benchmarks/README.md by hand).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import clean_up, write_results  # benchmarks/_common.py, beside this script
from bench_truth import _shipped, build_base

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "startup.md"

_PROBE = """
import json, pathlib, sys, time
sys.path.insert(0, sys.argv[3])
import yaml
import factcheck.factbase.yamlpos as yp
from factcheck.factbase.load import load_factbase
if sys.argv[2] == "python":
    yp._C_LOADER = None
spent = [0.0]
real = yp.compose
def timed(text):
    t = time.perf_counter()
    try:
        return real(text)
    finally:
        spent[0] += time.perf_counter() - t
yp.compose = timed
import factcheck.factbase.load as ld
patterns = [0.0]
real_compile = ld.compile_pattern
def timed_compile(*args, **kwargs):
    t = time.perf_counter()
    try:
        return real_compile(*args, **kwargs)
    finally:
        patterns[0] += time.perf_counter() - t
ld.compile_pattern = timed_compile
from factcheck.check import check
from factcheck.model import Source
article = sorted(pathlib.Path(sys.argv[4]).glob("*.txt"))[0].read_text(encoding="utf-8")
t = time.perf_counter()
fb = load_factbase(sys.argv[1])
loaded = time.perf_counter()
check(Source("first", article), fb)
print(json.dumps({"load_s": loaded - t, "yaml_s": spent[0], "patterns_s": patterns[0],
                  "first_check_s": time.perf_counter() - loaded, "facts": len(fb.facts), "tree": ld.__file__}))
"""


def probe(base: Path, loader: str, tree: Path = ROOT, cache: Path | None = None) -> dict[str, Any]:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache) if cache else "off"}
    out = subprocess.run([sys.executable, "-c", _PROBE, str(base), loader, str(tree), str(ROOT / "seeds")],
                         check=True, capture_output=True, text=True, cwd=tree, env=env).stdout
    got: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    assert Path(got["tree"]).is_relative_to(tree), got["tree"]  # the copy asked for, not another
    return got


def _medians(got: list[dict[str, Any]]) -> tuple[float, float, float, float, int]:
    return (statistics.median(g["load_s"] for g in got), statistics.median(g["yaml_s"] for g in got),
            statistics.median(g["patterns_s"] for g in got), statistics.median(g["first_check_s"] for g in got),
            int(got[0]["facts"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, nargs="+", default=[30, 300, 3000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--before", type=Path, help="a directory holding an earlier copy of the factcheck/ package")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fc-startup-"))
    stories = _shipped()
    rows = ["| facts | YAML loader | compiled patterns | load (s) | of which YAML (s) | of which patterns (s) "
            "| first check (s) | load + first check (s) | load speed-up |",
            "|---:|---|---|---:|---:|---:|---:|---:|---:|"]
    compare = ["| facts | before: load (s) | before: load + first check (s) | after, first run | after, "
               "later runs | before/after (later runs, load + first check) |",
               "|---:|---:|---:|---:|---:|---:|"]
    variants = {"python": ("python", "none (first run)"), "libyaml": ("libyaml", "none (first run)"),
                "cached": ("libyaml", "kept from a first run")}
    try:
        for n in args.facts:
            base = tmp / f"base{n}"
            build_base(base, n, stories)
            cache = tmp / f"cache{n}"
            probe(base, "libyaml", ROOT, cache)  # a first run fills the cache the "cached" variant reads
            medians = {}
            trees = [("python", ROOT), ("libyaml", ROOT), ("cached", ROOT)]
            trees += [("before", args.before)] if args.before else []
            for _ in range(args.runs):  # interleaved, so a change of load hits every variant alike
                for name, tree in trees:
                    loader = "python" if name == "python" else "libyaml"
                    medians.setdefault(name, []).append(probe(base, loader, tree, cache if name == "cached" else None))
            m = {name: _medians(got) for name, got in medians.items()}
            for name, (loader, kept) in variants.items():
                load, spent, pats, first, facts = m[name]
                gain = m["python"][0] / load
                rows.append(f"| {facts:,} | {loader} | {kept} | **{load:.2f}** | {spent:.2f} | {pats:.2f} | "
                            f"{first:.2f} | {load + first:.2f} | {gain:.2f}x |")
                print(rows[-1], file=sys.stderr, flush=True)
            if args.before:
                (b, _, _, bf, facts), (a, _, _, af, _), (c, _, _, cf, _) = m["before"], m["libyaml"], m["cached"]
                compare.append(f"| {facts:,} | {b:.2f} | {b + bf:.2f} | {a:.2f} + {af:.2f} | **{c:.2f} + {cf:.2f}** | "
                               f"**{(b + bf) / (c + cf):.1f}x** |")
                print(compare[-1], file=sys.stderr, flush=True)
    finally:
        clean_up(tmp, args.keep)
    head = (f"Generated by `python benchmarks/bench_startup.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; "
            f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; median of {args.runs} fresh processes each.")
    text = head + "\n\n" + "\n".join(rows) + "\n"
    if args.before:
        text += (f"\nBefore ({args.before}: an earlier copy of the package) and after (this tree), libyaml's "
                 "loader, same bases, same run (after: load + first check, in seconds):\n\n"
                 + "\n".join(compare) + "\n")
    write_results(text, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
