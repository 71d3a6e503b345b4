"""Verdict quality on every evaluation set the project has, written to benchmarks/results/quality.md
and quality.json (the figures tests/test_quality.py holds the project to: a ratchet).

    python benchmarks/quality.py            # every set found
    python benchmarks/quality.py --dump before.json   # and every verdict, for benchmarks/verdict_diff.py

Sets:
- the project's own golden sets, tests/golden/{unseen,holdout,final,last}: written by independent
  authors against the shipped fact base; each was scored once untuned (quality-*-first-score.md),
  then used in development;
- the shared single-story development set, ../shared/dev (when present);
- the four shared stories, ../shared/dev/stories/<story> (when present), each against the project's
  own fact base examples/<story>/facts/ written from the story's TRUTH.md. Their first score is in
  stories-first-score.md. Two figures per story, as the shared scorer gives them: `expressible` (the
  facts of the base) and `all` (a fact of the gold missing from the base counts as omitted).

`unclear` findings count as omit (no accusation): gold files have no such label.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.check import check  # noqa: E402
from factcheck.evaluate import Score, score  # noqa: E402
from factcheck.factbase.load import load_factbase  # noqa: E402
from factcheck.model import Source  # noqa: E402

SHARED = ROOT.parent / "shared" / "dev"
STORIES = ("artemis1", "france2022", "evergiven", "chile2010")


@dataclass(frozen=True)
class EvalSet:
    key: str  # short id, used by the ratchet
    title: str
    articles: list[Path]
    gold: dict[str, dict[str, str] | None]
    facts_dir: Path
    scored: list[str] | None  # facts scored; None = every fact of the base


def _golden(key: str, title: str, folder: Path, pattern: str) -> EvalSet | None:
    gold_path = folder / "gold.yaml"
    if not gold_path.exists():
        return None
    scored_file = folder / "facts_scored.txt"
    if not scored_file.exists():
        scored_file = folder / "facts_required.txt"
    return EvalSet(key, title, sorted(folder.glob(pattern)), yaml.safe_load(gold_path.read_text(encoding="utf-8")),
                   ROOT / "facts", scored_file.read_text(encoding="utf-8").split())


def _story_sets() -> list[str]:
    """The project's held-out story sets, tests/golden/stories<N>, in the order they were written."""
    found = [p.name for p in (ROOT / "tests" / "golden").glob("stories*") if p.name[7:].isdigit()]
    return sorted(found, key=lambda n: int(n[7:]))


def sets() -> list[EvalSet]:
    g = ROOT / "tests" / "golden"
    found = [
        _golden("unseen", "unseen (independent author; first score in quality-unseen-first-score.md; then used in "
                "development)", g / "unseen", "u[0-9]*.txt"),
        _golden("holdout", "holdout (independent author; first score in quality-holdout-first-score.md; then used in"
                " development)", g / "holdout", "h[0-9]*.txt"),
        _golden("final", "final (independent author; first score in quality-final-first-score.md; then used in "
                "development)", g / "final", "f[0-9]*.txt"),
        _golden("last", "last (independent author; first score in quality-last-first-score.md; then used in "
                "development)", g / "last", "l[0-9]*.txt"),
        _golden("dev", "shared single-story development set (../shared/dev)", SHARED, "articles/*.txt"),
    ]
    out = [s for s in found if s is not None]
    for story in STORIES:
        folder = SHARED / "stories" / story
        facts = ROOT / "examples" / story / "facts"
        if not (folder / "gold.yaml").exists() or not facts.exists():
            continue
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
        # as the shared scorer does: a hard pair ("agree?") is scored like any other
        gold = {a: {f: str(v).rstrip("?") for f, v in (fs or {}).items()} for a, fs in gold.items()}
        out.append(EvalSet(f"story:{story}", f"shared story {story} (examples/{story}/facts; first score in "
                           "stories-first-score.md)", sorted((folder / "articles").glob("*.txt")), gold, facts, None))
    for name in _story_sets():
        own = ROOT / "tests" / "golden" / name
        for folder in sorted(p for p in own.glob("*") if (p / "gold.yaml").exists() and (p / "facts").exists()):
            gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
            gold = {a: {f: str(v).rstrip("?") for f, v in (fs or {}).items()} for a, fs in gold.items()}
            out.append(EvalSet(f"{name}:{folder.name}", f"project story {folder.name} (tests/golden/{name}; first "
                               f"score in {name}-first-score.md, then used in development)",
                               sorted((folder / "articles").glob("*.txt")), gold, folder / "facts", None))
    return out


@dataclass(frozen=True)
class Measured:
    evalset: EvalSet
    expressible: Score
    all_facts: Score | None
    n_facts: int
    seconds: float
    verdicts: dict[str, dict[str, str]]  # article -> fact -> verdict as found (unclear kept)


def measure(es: EvalSet) -> Measured:
    fb = load_factbase(es.facts_dir)
    t = time.perf_counter()
    results = [check(Source(id=p.stem, text=p.read_text(encoding="utf-8")), fb) for p in es.articles]
    elapsed = time.perf_counter() - t
    base_ids = [f.id for f in fb.facts]
    scored = es.scored if es.scored is not None else base_ids
    expressible = score(es.gold, results, scored)
    all_facts = None
    if es.scored is None:  # a story: also the facts of the gold the base does not hold
        gold_ids = sorted({f for fs in es.gold.values() for f in (fs or {})} | set(base_ids))
        all_facts = score(es.gold, results, gold_ids)
    verdicts = {r.source.id: {f.fact: str(f.verdict) for f in r.findings} for r in results}
    return Measured(es, expressible, all_facts, len(scored), elapsed, verdicts)


def figures(s: Score) -> dict[str, float]:
    return {"contradict_p": s.precision("contradict"), "contradict_r": s.recall("contradict"),
            "agree_p": s.precision("agree"), "agree_r": s.recall("agree")}


def pooled(ms: list[Measured], which: str) -> Score:
    total = Score()
    for m in ms:
        s = m.expressible if which == "expressible" else (m.all_facts or m.expressible)
        total.confusion.update(s.confusion)
        total.hard[0] += s.hard[0]
        total.hard[1] += s.hard[1]
    return total


def dump(ms: list[Measured], path: Path) -> None:
    """Every verdict of every set beside its gold label, for `benchmarks/verdict_diff.py`."""
    rows: dict[str, dict[str, dict[str, list[str]]]] = {}
    for m in ms:
        facts = set(m.evalset.scored) if m.evalset.scored is not None else None
        per: dict[str, dict[str, list[str]]] = {}
        for art, found in m.verdicts.items():
            want = m.evalset.gold.get(art) or {}
            per[art] = {f: [v, str(want.get(f, "omit")).rstrip("?")] for f, v in sorted(found.items())
                        if facts is None or f in facts}
        rows[m.evalset.key] = per
    path.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--dump", type=Path, help="also write every verdict beside its gold label to this JSON file")
    parser.add_argument("--only", action="append", default=[],
                        help="measure only the sets whose key starts with this (repeatable); no report is written")
    args = parser.parse_args()
    chosen = [es for es in sets() if not args.only or any(es.key.startswith(o) for o in args.only)]
    ms = [measure(es) for es in chosen]
    if args.dump:
        dump(ms, args.dump)
    if args.only:
        return 0
    out = ["# Verdict quality", "",
           "Produced by `python benchmarks/quality.py`. Precision and recall per verdict over every",
           "(article, scored fact) pair; `unclear` counts as omit (no accusation); '?' cases need reasoning",
           "across sentences (counted apart). Figures held by tests/test_quality.py (quality.json).", ""]
    data: dict[str, dict[str, float]] = {}
    groups = [("story:", "the four shared stories")] + [(f"{n}:", f"the project's {n} set") for n in _story_sets()]
    for prefix, title in groups:
        group = [m for m in ms if m.evalset.key.startswith(prefix)]
        if not group:
            continue
        out += [f"## Summary of {title} (pooled)", "", "| lines | contradict P | contradict R |"
                " agree P | agree R |", "|---|---|---|---|---|"]
        for which in ("expressible", "all"):
            f = figures(pooled(group, which))
            data[f"{prefix.rstrip(':')}:pooled:{which}"] = f
            out.append(f"| {which} | {f['contradict_p']:.2f} | {f['contradict_r']:.2f} | {f['agree_p']:.2f} |"
                       f" {f['agree_r']:.2f} |")
        out.append("")
    for m in ms:
        data[m.evalset.key] = figures(m.expressible)
        out += [f"## {m.evalset.title}", "",
                f"{len(m.evalset.articles)} articles, {m.n_facts} facts, checked in {m.seconds:.2f} s", "",
                "```", m.expressible.render(), "```", ""]
        if m.all_facts is not None:
            data[m.evalset.key + ":all"] = figures(m.all_facts)
            out += ["All facts of the gold (a fact the base lacks counts as omitted):", "", "```",
                    m.all_facts.render(), "```", ""]
        if m.expressible.disagreements:
            out += ["Disagreements:", ""] + [f"- {d}" for d in m.expressible.disagreements] + [""]
    text = "\n".join(out)
    results = ROOT / "benchmarks" / "results"
    (results / "quality.md").write_text(text, encoding="utf-8")
    (results / "quality.json").write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
