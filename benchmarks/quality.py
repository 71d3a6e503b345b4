"""Verdict quality on every evaluation set the project has, written to benchmarks/results/quality.md
and quality.json (the figures tests/test_quality.py holds the project to: a ratchet).

    python benchmarks/quality.py            # every set found

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
    for name in ("stories2", "stories3", "stories4", "stories5", "stories6", "stories7", "stories8", "stories9",
                 "stories10", "stories11", "stories12", "stories13", "stories14", "stories15", "stories16",
                 "stories17", "stories18", "stories19", "stories20", "stories21", "stories22",
                 "stories23", "stories24", "stories25", "stories26", "stories27", "stories28",
                 "stories29", "stories30", "stories31", "stories32", "stories33", "stories34",
                 "stories35", "stories36", "stories37", "stories38", "stories39", "stories40",
                 "stories41", "stories42", "stories43", "stories44", "stories45"):
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
    return Measured(es, expressible, all_facts, len(scored), elapsed)


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


def main() -> int:
    ms = [measure(es) for es in sets()]
    out = ["# Verdict quality", "",
           "Produced by `python benchmarks/quality.py`. Precision and recall per verdict over every",
           "(article, scored fact) pair; `unclear` counts as omit (no accusation); '?' cases need reasoning",
           "across sentences (counted apart). Figures held by tests/test_quality.py (quality.json).", ""]
    data: dict[str, dict[str, float]] = {}
    for prefix, title in (("story:", "the four shared stories"), ("stories2:", "the project's stories2 set"),
                          ("stories3:", "the project's stories3 set"), ("stories4:", "the project's stories4 set"),
                          ("stories5:", "the project's stories5 set"), ("stories6:", "the project's stories6 set"),
                          ("stories7:", "the project's stories7 set"), ("stories8:", "the project's stories8 set"),
                          ("stories9:", "the project's stories9 set"),
                          ("stories10:", "the project's stories10 set"),
                          ("stories11:", "the project's stories11 set"),
                          ("stories12:", "the project's stories12 set"),
                          ("stories13:", "the project's stories13 set"),
                          ("stories14:", "the project's stories14 set"),
                          ("stories15:", "the project's stories15 set"),
                          ("stories16:", "the project's stories16 set"),
                          ("stories17:", "the project's stories17 set"),
                          ("stories18:", "the project's stories18 set"),
                          ("stories19:", "the project's stories19 set"),
                          ("stories20:", "the project's stories20 set"),
                          ("stories21:", "the project's stories21 set"),
                          ("stories22:", "the project's stories22 set"),
                          ("stories23:", "the project's stories23 set"),
                          ("stories24:", "the project's stories24 set"),
                          ("stories25:", "the project's stories25 set"),
                          ("stories26:", "the project's stories26 set"),
                          ("stories27:", "the project's stories27 set"),
                          ("stories28:", "the project's stories28 set"),
                          ("stories29:", "the project's stories29 set"),
                          ("stories30:", "the project's stories30 set"),
                          ("stories31:", "the project's stories31 set"),
                          ("stories32:", "the project's stories32 set"),
                          ("stories33:", "the project's stories33 set"),
                          ("stories34:", "the project's stories34 set"),
                          ("stories35:", "the project's stories35 set"),
                          ("stories36:", "the project's stories36 set"),
                          ("stories37:", "the project's stories37 set"),
                          ("stories38:", "the project's stories38 set"),
                          ("stories39:", "the project's stories39 set"),
                          ("stories40:", "the project's stories40 set"),
                          ("stories41:", "the project's stories41 set"),
                          ("stories42:", "the project's stories42 set"),
                          ("stories43:", "the project's stories43 set"),
                          ("stories44:", "the project's stories44 set"),
                          ("stories45:", "the project's stories45 set")):
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
