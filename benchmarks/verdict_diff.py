"""Compare two verdict dumps of `benchmarks/quality.py --dump` and list every verdict that moved.

    python benchmarks/quality.py --dump before.json     # before a change
    python benchmarks/quality.py --dump after.json      # after it
    python benchmarks/verdict_diff.py before.json after.json

Each moved verdict is GOOD (now equals the gold label, did not before), BAD (equalled it, no longer
does) or MOVE (wrong before and after). `unclear` counts as `omit`, as the scorers count it. Exit 1
when any verdict moved away from gold, so a change can be gated on it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _label(v: str) -> str:
    return "omit" if v in ("unclear", "missing") else v


def diff(before: dict[str, dict[str, dict[str, list[str]]]],
         after: dict[str, dict[str, dict[str, list[str]]]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key in sorted(set(before) | set(after)):
        b_set, a_set = before.get(key, {}), after.get(key, {})
        for art in sorted(set(b_set) | set(a_set)):
            b_art, a_art = b_set.get(art, {}), a_set.get(art, {})
            for fact in sorted(set(b_art) | set(a_art)):
                old = b_art.get(fact, ["missing", ""])
                new = a_art.get(fact, ["missing", ""])
                gold = new[1] or old[1]
                if _label(old[0]) == _label(new[0]):
                    continue
                tag = "GOOD" if _label(new[0]) == gold else "BAD" if _label(old[0]) == gold else "MOVE"
                out.append((tag, f"{key} {art} {fact}: {old[0]} -> {new[0]} (gold {gold})"))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: verdict_diff.py BEFORE.json AFTER.json\n")
        return 2
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv)
    moved = diff(before, after)
    for tag, line in moved:
        print(tag, line)
    counts = {t: sum(1 for m, _ in moved if m == t) for t in ("GOOD", "BAD", "MOVE")}
    print(f"{counts['GOOD']} toward gold, {counts['BAD']} away, {counts['MOVE']} moved between wrong verdicts")
    return 1 if counts["BAD"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
