"""The shared scorer (../shared/dev/score_stories.py) over the ids of each story's TRUTH.md table only.

A new user's fact base may add facts beyond TRUTH.md's table (other events as traps, helpers); the
gold lists nothing for them, so every agreement they find counts against agreement precision. This
runs the same scorer with the report's facts filtered to TRUTH's ids. Same arguments as
score_stories.py: `python benchmarks/score_truth.py PROJECT STORIES [--verbose]`."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "dev"))
import score_stories as ss  # noqa: E402

_run_check = ss.run_check


def truth_ids(story: Path) -> set[str]:
    """The `id` column of TRUTH.md's fact table (`| # | id | kind | ...`)."""
    ids = set()
    for line in (story / "TRUTH.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.split("|")]
        if len(cells) > 3 and re.fullmatch(r"\d+", cells[1]) and re.fullmatch(r"[\w.-]+", cells[2]):
            ids.add(cells[2])
    return ids


def run_check(py: str, project: Path, story: Path) -> dict[str, Any]:
    report: dict[str, Any] = _run_check(py, project, story)
    keep = truth_ids(story)
    report["facts"] = [f for f in report.get("facts", []) if f["id"] in keep]
    return report


if __name__ == "__main__":
    ss.run_check = run_check
    sys.exit(ss.main(sys.argv[1:]))
