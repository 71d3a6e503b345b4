"""What the benchmark scripts share: writing their results and removing their scratch corpus."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def write_results(text: str, out: Path) -> None:
    """Write the results file (creating its folder), echo it, say where it went."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {out}", file=sys.stderr)


def clean_up(base: Path, keep: bool) -> None:
    """Remove the generated corpus unless --keep asked to keep it."""
    if keep:
        print(f"kept {base}", file=sys.stderr)
    else:
        shutil.rmtree(base, ignore_errors=True)
