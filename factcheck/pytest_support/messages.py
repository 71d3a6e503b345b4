"""What a failing, skipped or xfailed corpus item says: plain text, no Python traceback.

Article text is untrusted, so every quote goes through `factcheck.report.table.clean` (one
line, control and bidi characters made visible).
"""

from __future__ import annotations

from factcheck.factbase.model import Fact
from factcheck.model import Finding, Mention, Source, SourceError
from factcheck.report.json import value_text
from factcheck.report.table import clean

CONTEXT = 90  # characters of sentence kept on each side of a marked mention
MARK_OPEN, MARK_CLOSE = "»", "«"


def marked_sentence(m: Mention, context: int = CONTEXT) -> str:
    """The sentence with the mention between »«, cut to `context` characters each side."""
    s = m.sentence
    a, b = m.start - m.sentence_start, m.end - m.sentence_start
    if not (0 <= a <= b <= len(s)) or s[a:b] != m.text:
        i = s.find(m.text) if m.text else -1
        if i < 0:
            return f"{MARK_OPEN}{clean(m.text)}{MARK_CLOSE}"
        a, b = i, i + len(m.text)
    before, mid, after = s[:a], s[a:b], s[b:]
    if len(before) > context:
        before = "…" + before[len(before) - context:].lstrip()
    if len(after) > context:
        after = after[:context].rstrip() + "…"
    return f"{clean(before)}{MARK_OPEN}{clean(mid)}{MARK_CLOSE}{clean(after)}"


def _q(text: str) -> str:
    return '"' + clean(text) + '"'


def _where(source: Source) -> str:
    return clean(source.path or source.id)


def _mention_block(source: Source, m: Mention) -> list[str]:
    return [
        f"{_where(source)}:{m.line}:{m.col}: found {_q(m.text)}",
        f"    sentence:   {marked_sentence(m)}",
        f"    value read: {clean(value_text(m.value))}",
        f"    rule:       {clean(m.rule)}",
        *([f"    why:        {clean(m.reason)}"] if m.reason else []),
    ]


def _others(finding: Finding, shown: str) -> list[str]:
    rest = [m for m in finding.mentions if m.verdict != shown]
    if not rest:
        return []
    out = ["", "other mentions bound to this fact:"]
    out += [f"    {m.line}:{m.col} {m.verdict} {_q(m.text)}"
            + (f" ({clean(m.reason)})" if m.reason and m.verdict == "unclear" else "") for m in rest]
    return out


def _head(verdict: str, source: Source, fact: Fact) -> list[str]:
    return [
        f"{verdict.upper()}: {fact.id} in {_where(source)} (source {clean(source.id)})",
        f"expected:   {clean(fact.expected)}",
        f"defined at: {fact.defined_at} (kind {fact.kind})",
        "",
    ]


def _hints(source: Source, fact: Fact, facts_shown: str, jsonl: bool) -> list[str]:
    out = [""]
    if not jsonl and source.path:
        out.append(f"explain:    factcheck explain {clean(source.path)} {fact.id} --facts {facts_shown}")
    out.append("accept:     record it as known with --factcheck-update-baseline (reported as xfail after that)")
    return out


def contradiction_text(source: Source, fact: Fact, finding: Finding, *, facts_shown: str,
                       jsonl: bool = False, note: str = "") -> str:
    decisive = [m for m in finding.mentions if m.verdict == "contradict"]
    out = _head("contradict", source, fact)
    if not decisive:
        out.append("(no contradicting mention was recorded)")
    for n, m in enumerate(decisive):
        if n:
            out.append("")
        out += _mention_block(source, m)
    out += _others(finding, "contradict")
    if note:
        out += ["", note]
    out += _hints(source, fact, facts_shown, jsonl)
    return "\n".join(out)


def omission_text(source: Source, fact: Fact, finding: Finding, *, origin: str, facts_shown: str,
                  jsonl: bool = False, note: str = "") -> str:
    out = _head("omit", source, fact)
    out.append(f"no mention in the source agrees with or contradicts this fact; omissions fail ({origin})")
    out += _others(finding, "omit")
    if note:
        out += ["", note]
    out += _hints(source, fact, facts_shown, jsonl)
    return "\n".join(out)


def fixed_text(source: Source, fact: Fact, finding: Finding, recorded: frozenset[str], baseline: str) -> str:
    was = ", ".join(sorted(recorded))
    out = [
        f"FIXED: {fact.id} in {_where(source)} (source {clean(source.id)})",
        f"the baseline {baseline} records it as {was}, but the verdict is now {finding.verdict}",
        f"expected:   {clean(fact.expected)}",
        "",
        "fixed: remove from baseline (delete the entry, or rerun with --factcheck-update-baseline)",
    ]
    agreeing = [m for m in finding.mentions if m.verdict == "agree"]
    if agreeing:
        out += ["", "now agreeing:"]
        out += [f"    {_where(source)}:{m.line}:{m.col} {_q(m.text)}" for m in agreeing]
    return "\n".join(out)


def unreadable_text(error: SourceError) -> str:
    return "\n".join([
        f"UNREADABLE: {clean(error.path or error.id)} (source {clean(error.id)})",
        f"reason: {clean(error.reason)}",
    ])


def skip_reason(fact: Fact, finding: Finding, not_about: str = "") -> str:
    """An omission that is skipped; `not_about` (an event id, or "its cues"): `omission: fail`
    does not apply, the source is not about the fact's event."""
    unclear = sum(1 for m in finding.mentions if m.verdict == "unclear")
    extra = f"; {unclear} unclear mention{'s' if unclear != 1 else ''}" if unclear else ""
    if not_about:
        extra += (f"; omission: fail applies to sources about {not_about}, and this one states no fact of it"
                  if not_about != "its cues" else "; omission: fail applies to sources where its cues occur")
    return f"omitted: the source does not mention {fact.id} (expected {clean(fact.expected)}){extra}"


def _found(finding: Finding) -> str:
    """`found "quote" (value read V)` of the first decisive mention, or why there is none."""
    ms = [m for m in finding.mentions if m.verdict == finding.verdict]
    if not ms:
        return "not mentioned" if finding.verdict == "omit" else f"no {finding.verdict} mention recorded"
    more = f" (+{len(ms) - 1} more)" if len(ms) > 1 else ""
    return f"found {_q(ms[0].text)} (value read {clean(value_text(ms[0].value))}){more}"


def crash(source: Source, fact: Fact, finding: Finding) -> tuple[str, int, str]:
    """The one-line summary of a failing finding at its first decisive mention: expected vs found
    (what `--tb=line` and `-rf` print)."""
    ms = [m for m in finding.mentions if m.verdict == finding.verdict]
    return (_where(source), ms[0].line if ms else 1,
            f"{finding.verdict.upper()} {fact.id}: expected {clean(fact.expected)}, {_found(finding)}")


def fixed_crash(source: Source, fact: Fact, finding: Finding, recorded: frozenset[str]) -> tuple[str, int, str]:
    return (_where(source), 1, f"FIXED {fact.id}: the baseline records {', '.join(sorted(recorded))}; "
                               f"now {finding.verdict} (expected {clean(fact.expected)})")


def unreadable_crash(error: SourceError) -> tuple[str, int, str]:
    return (clean(error.path or error.id), 1, f"UNREADABLE: {clean(error.reason)}")


def severity_reason(fact: Fact, finding: Finding) -> str:
    """A contradiction (or failing omission) of a `warning` or `info` fact: xfailed, never failed,
    with its evidence in the reason (`-rx`)."""
    ms = [m for m in finding.mentions if m.verdict == finding.verdict]
    where = f" at line {ms[0].line}:{ms[0].col} in {marked_sentence(ms[0], 50)}" if ms else ""
    return (f"{fact.severity} fact ({fact.defined_at}): {finding.verdict.upper()}: expected {clean(fact.expected)}, "
            f"{_found(finding)}{where}")


def evidence_properties(source: Source, fact: Fact, finding: Finding) -> list[tuple[str, object]]:
    """The evidence as `user_properties` (JUnit XML `<property>`, pytest-json-report's
    `user_properties`): where, what was expected and what was read."""
    ms = [m for m in finding.mentions if m.verdict == finding.verdict]
    out: list[tuple[str, object]] = [("factcheck_source", source.id), ("factcheck_fact", fact.id),
                                     ("factcheck_verdict", finding.verdict), ("factcheck_expected", fact.expected),
                                     ("factcheck_severity", fact.severity)]
    if ms:
        m = ms[0]
        out += [("factcheck_location", f"{source.path or source.id}:{m.line}:{m.col}"), ("factcheck_quote", m.text),
                ("factcheck_value", value_text(m.value)), ("factcheck_sentence", m.sentence),
                ("factcheck_rule", m.rule)]
    return out


def unclear_reason(fact: Fact, finding: Finding) -> str:
    """An unclear finding is skipped with its evidence: the first unsure mention, quoted."""
    ms = [m for m in finding.mentions if m.verdict == "unclear"]
    if not ms:
        return f"unclear: {fact.id} (expected {clean(fact.expected)})"
    m = ms[0]
    more = f" (+{len(ms) - 1} more)" if len(ms) > 1 else ""
    return (f"unclear: {fact.id} expected {clean(fact.expected)}, line {m.line}:{m.col} reads {_q(m.text)}"
            f" in {marked_sentence(m, 50)}: {clean(m.reason)}{more}")


def xfail_reason(verdict: str, baseline: str, updating: bool) -> str:
    if updating:
        return f"known {verdict}: being recorded in {baseline}"
    return f"known {verdict}: recorded in {baseline}"
