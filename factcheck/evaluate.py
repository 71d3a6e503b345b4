"""Score verdicts against a gold file (the format of tests/golden/unseen/gold.yaml): per verdict
precision and recall, and every disagreement. Verdicts ending in '?' need reasoning across
sentences; they are counted apart. Used by benchmarks/quality.py and the tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.model import SourceResult


@dataclass
class Score:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    hard: list[int] = field(default_factory=lambda: [0, 0])
    disagreements: list[str] = field(default_factory=list)

    def precision(self, label: str) -> float:
        tp = self.confusion[(label, label)]
        fp = sum(v for (w, h), v in self.confusion.items() if h == label and w != label)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, label: str) -> float:
        tp = self.confusion[(label, label)]
        fn = sum(v for (w, h), v in self.confusion.items() if w == label and h != label)
        return tp / (tp + fn) if tp + fn else 1.0

    def render(self) -> str:
        lines = []
        for label in ("agree", "contradict", "omit"):
            tp = self.confusion[(label, label)]
            fp = sum(v for (w, h), v in self.confusion.items() if h == label and w != label)
            fn = sum(v for (w, h), v in self.confusion.items() if w == label and h != label)
            lines.append(f"{label:10s} precision {self.precision(label):.3f}  recall {self.recall(label):.3f}"
                         f"  ({tp} right, {fp} wrongly given, {fn} missed)")
        lines.append(f"cases needing reasoning across sentences: {self.hard[0]} of {self.hard[1]} right")
        return "\n".join(lines)


def score(gold: dict[str, dict[str, str] | None], results: Iterable[SourceResult],
          facts: Iterable[str]) -> Score:
    got = {r.source.id: {f.fact: f.verdict for f in r.findings} for r in results}
    out = Score()
    fact_ids = list(facts)
    for src, expected in gold.items():
        for fact in fact_ids:
            want = (expected or {}).get(fact, "omit")
            have = got.get(src, {}).get(fact, "missing")
            if have == "unclear":
                have = "omit"  # "needs a look" is no accusation; gold files have no such label
            if want.endswith("?"):
                out.hard[0] += want[:-1] == have
                out.hard[1] += 1
            else:
                out.confusion[(want, have)] += 1
            if want.rstrip("?") != have:
                out.disagreements.append(f"{src}: {fact}: want {want}, got {have}")
    return out
