"""Verdict quality on the evaluation sets, written to benchmarks/results/quality.md.

    python benchmarks/quality.py            # every set found
Sets: tests/golden/unseen and tests/golden/holdout (written independently of the rules, then used
during development: the holdout's first, untuned score is kept in quality-holdout-first-score.md),
tests/golden/final (written independently, scored once, not tuned against), and the shared
development set ../shared/dev when it is present."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from factcheck.check import check
from factcheck.evaluate import score
from factcheck.factbase.load import load_factbase
from factcheck.model import Source

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "unseen (independent author; used while developing)": (ROOT / "tests/golden/unseen", "u[0-9]*.txt"),
    "holdout (independent author; first scored untuned, see quality-holdout-first-score.md; then used"
    " in development)": (ROOT / "tests/golden/holdout", "h[0-9]*.txt"),
    "final (independent author; first score in quality-final-first-score.md; then used in development)":
        (ROOT / "tests/golden/final", "f[0-9]*.txt"),
    "last (independent author; first score in quality-last-first-score.md; then used in development)":
        (ROOT / "tests/golden/last", "l[0-9]*.txt"),
    "shared dev set (../shared/dev)": (ROOT.parent / "shared/dev", "articles/*.txt"),
}


def main() -> int:
    fb = load_factbase(ROOT / "facts")
    out = ["# Verdict quality", "", "Produced by `python benchmarks/quality.py`. Precision and recall per",
           "verdict over every (article, scored fact) pair; '?' cases need reasoning across sentences", ""]
    for name, (folder, pattern) in SETS.items():
        gold_path = folder / "gold.yaml"
        if not gold_path.exists():
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        scored_file = folder / "facts_scored.txt"
        if not scored_file.exists():
            scored_file = folder / "facts_required.txt"
        scored = scored_file.read_text(encoding="utf-8").split()
        t = time.perf_counter()
        results = [check(Source(id=p.stem, text=p.read_text(encoding="utf-8")), fb)
                   for p in sorted(folder.glob(pattern))]
        elapsed = time.perf_counter() - t
        s = score(gold, results, scored)
        out += [f"## {name}", "", f"{len(results)} articles, {len(scored)} facts, checked in {elapsed:.2f} s", "",
                "```", s.render(), "```", ""]
        if s.disagreements:
            out += ["Disagreements:", ""] + [f"- {d}" for d in s.disagreements] + [""]
    text = "\n".join(out)
    (ROOT / "benchmarks/results/quality.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
