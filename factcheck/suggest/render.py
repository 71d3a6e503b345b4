"""The output of `factcheck suggest`: YAML stubs ready to edit, the evidence in comments;
uncovered candidates first, then the covered ones commented out, so that pasting the whole output
never duplicates a fact."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from factcheck.suggest.model import Candidate, Suggestions, ValueMention, labelled
from factcheck.suggest.stubs import stub


def _excerpt(m: ValueMention, width: int = 90) -> str:
    s = m.sentence
    a, b = m.start - m.sentence_start, m.end - m.sentence_start
    pad = max(0, (width - (b - a)) // 2)
    lo, hi = max(0, a - pad), min(len(s), b + pad)
    if hi - lo < width:
        lo, hi = max(0, hi - width), min(len(s), lo + width)
    if lo > 0:
        sp = s.find(" ", lo)
        lo = sp + 1 if 0 <= sp < a else lo
    if hi < len(s):
        sp = s.rfind(" ", b, hi)
        hi = sp if sp > b else hi
    text = regex.sub(r"\s+", " ", s[lo:hi]).strip().replace('"', "'")
    return ("..." if lo > 0 else "") + text + ("..." if hi < len(s) else "")


def _render_one(c: Candidate) -> list[str]:
    vals = ", ".join(f"{g.shown} ({labelled(c, g.sources)})" for g in c.values)
    n = c.n_sources
    head = f"# {n} source{'s' if n != 1 else ''}; {c.fact_kind}; values: {vals}"
    if c.flag:
        head += f"  {c.flag}"
    out = [head]
    for d in c.flag_details[:4]:
        out.append(f"# !! {d}")
    if len(c.flag_details) > 4:
        out.append(f"# !! ... and {len(c.flag_details) - 4} more")
    shown_groups = c.values if c.flag else [c.main]
    for g in shown_groups[:4]:
        m = g.mentions[0]
        out.append(f'# context: "{_excerpt(m)}" ({m.path}:{m.line})')
    lines = stub(c)
    if c.covered:
        how = ", ".join(c.covered_by)
        judged = ", ".join(f"{k} {v}" for k, v in c.verdicts.items())
        extra = f" ({c.covered_mentions} of {len(c.mentions)} mentions; the checker says {judged})"
        out.insert(0, f"# covered by {how}{extra}")
        out.extend("# " + line for line in lines)
    else:
        out.extend(lines)
    return out


def render_suggestions(candidates: Sequence[Candidate], top: int = 25) -> str:
    """YAML stubs for the first `top` candidates, evidence in comments; ready to paste under
    `facts:` of a file in facts/ (the covered ones are commented out)."""
    shown = list(candidates)[: max(top, 0)]
    n_new = sum(not c.covered for c in candidates)
    lines: list[str] = []
    if isinstance(candidates, Suggestions):
        n_src = len(candidates.sources)
        head = f"# factcheck suggest: {len(candidates)} candidate facts from {n_src} source{'s' if n_src != 1 else ''}"
        head += (f" ({n_new} not in the fact base, {len(candidates) - n_new} covered)" if candidates.with_base
                 else " (no fact base: coverage not checked)")
        flags = Counter(c.flag for c in candidates if c.flag)
        if flags:
            head += "; " + ", ".join(f"{flags[f]} {f}" for f in ("DISAGREE", "DIFFER") if flags[f])
        lines.append(head)
        for e in candidates.errors:
            lines.append(f"# could not read {e.path}: {e.reason}")
    else:
        lines.append(f"# factcheck suggest: {len(candidates)} candidate facts")
    flagged = sorted((c for c in candidates if c.flag), key=lambda c: c.flag != "DISAGREE")
    for c in flagged[:10]:
        where = f"covered by {c.covered_by[0]}" if c.covered else "not in the fact base"
        lines.append(f"# {c.flag}: {c.id} ({c.main.shown}; {c.n_sources} sources; {where})")
    if len(flagged) > 10:
        lines.append(f"# ... and {len(flagged) - 10} more flagged")
    lines.append(f"# showing {len(shown)}, ranked by the number of sources stating each; DISAGREE: sources state "
                 "incompatible values, DIFFER: compatible but different figures or spellings")
    lines.append("# give each stub a real id, check its value and cues, and fill in its sources")
    lines.append("facts:")
    printed_covered = False
    for c in shown:
        if c.covered and not printed_covered:
            lines.append("")
            lines.append("# ---- already covered by the fact base ----")
            printed_covered = True
        lines.append("")
        lines.extend(_render_one(c))
    rest = len(candidates) - len(shown)
    if rest > 0:
        lines.append("")
        lines.append(f"# ... {rest} more candidate{'s' if rest != 1 else ''} (raise --top to see them)")
    # article text and ids reach the terminal: no control or bidi character goes out raw
    from factcheck.report.table import clean

    return "\n".join(clean(line) for line in lines) + "\n"
