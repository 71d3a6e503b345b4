"""Grouping mentions into candidate facts, by kind and by context.

The context of a mention is the content words of its sentence, stemmed, weighted by their nearness
to the value (words.py) and by how rare they are in the corpus (idf over sentences). A mention
joins the candidate whose context is most like its own when its value is close to the
candidate's values (agreement.py); a figure also needs the same unit noun, and every candidate
needs articles about the same thing (a market report's trading session of about two hours is not
the talks' length). Greedy and deterministic: the same corpus in the same order gives the same
candidates."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from factcheck.model import Source
from factcheck.suggest.agreement import FIGURES, NUMERIC, close
from factcheck.suggest.model import Candidate, ValueGroup, ValueMention
from factcheck.suggest.words import EVENT, TOKEN, is_stop, stem

# Context similarity (cosine) a mention needs to join a candidate, by how near its value is to the
# candidate's: (the same value, a close value, a value only roughly close). Figures also need the
# same unit, so they ask for little more; names are grouped by spelling alone.
_FIGURE = (0.02, 0.05, 0.45)
THRESHOLDS: dict[str, tuple[float, float, float]] = {
    "number": _FIGURE,
    "percentage": _FIGURE,
    "money": _FIGURE,
    "duration": (0.02, 0.03, 0.35),
    "date": (0.05, 0.20, 0.50),
    "time": (0.05, 0.15, 0.50),
    "year": (0.12, 0.25, 0.55),
    "name": (0.0, 0.0, 0.0),
}
TOPIC = 0.05  # a mention joins a candidate only if its article is about what one of the
# candidate's articles is about (cosine of whole articles): a market report's "session that lasted
# just over two hours" is not the summit's duration
_MAX_VECTORS = 64


def idf(mentions: Sequence[ValueMention], n_sentences: int) -> dict[str, float]:
    df: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for m in mentions:
        key = (m.source, m.sentence_start)
        if key in seen:
            continue
        seen.add(key)
        df.update({s for s, _ in m.context})
    n = max(n_sentences, 1)
    out = {t: math.log(1.0 + n / c) for t, c in df.items()}
    out[EVENT] = 1.5  # a concept, not a word: as telling wherever it occurs
    return out


def topics(sources: Sequence[Source]) -> Callable[[str, str], bool]:
    """Are two articles about the same thing? Cosine of their content words (tf-idf over the
    articles) of at least TOPIC; an article is always related to itself."""
    bags: dict[str, Counter[str]] = {}
    for s in sources:
        bags[s.id] = Counter(stem(w) for w in TOKEN.findall(s.text) if not is_stop(w))
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    vecs = {sid: {t: (1 + math.log(c)) * math.log(1.0 + n / df[t]) for t, c in bag.items()}
            for sid, bag in bags.items()}
    memo: dict[tuple[str, str], bool] = {}

    def related(a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in memo:
            memo[key] = _cosine(vecs.get(a, {}), vecs.get(b, {})) >= TOPIC
        return memo[key]

    return related


def _vector(m: ValueMention, weights: dict[str, float]) -> dict[str, float]:
    vec: dict[str, float] = defaultdict(float)
    for s, w in m.context:
        vec[s] += w * weights.get(s, 1.0)
    return dict(vec)


def _norm(a: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in a.values()))


def _cosine(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    """Cosine of two sparse vectors; pass their norms when known."""
    if not a or not b:
        return 0.0
    na = _norm(a) if na is None else na
    nb = _norm(b) if nb is None else nb
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    return dot / (na * nb) if na and nb else 0.0


def _units(c: Candidate) -> frozenset[str]:
    out: set[str] = set()
    for g in c.values:
        out |= g.value.units
    return frozenset(out)


def _joins(m: ValueMention, c: Candidate, sim: float) -> bool:
    v = m.value
    if v.kind == "name":
        return all(close(v, g.value, False) for g in c.values)
    if v.kind in FIGURES and not (v.units & _units(c)):
        return False
    same, near, wide = THRESHOLDS[v.kind]
    if sim < same:
        return False
    if any(g.value.key == v.key for g in c.values):
        return True
    if sim < near:
        return False
    loose = sim >= wide
    precise = [g.value for g in c.values if not g.value.open_ended] or [g.value for g in c.values]
    if v.open_ended and v.kind in NUMERIC:
        return any(close(v, p, loose) for p in precise)
    return all(close(v, p, loose) for p in precise)


def _add(c: Candidate, m: ValueMention, vec: dict[str, float], norm: float) -> None:
    c.mentions.append(m)
    if all(vec != v for v, _ in c.vectors[-8:]):  # syndicated copies say the same in the same words
        c.vectors.append((vec, norm))
    c.norm = -1.0
    for t, w in vec.items():
        c.vector[t] = c.vector.get(t, 0.0) + w
    for g in c.values:
        if g.value.key == m.value.key:
            g.mentions.append(m)
            if m.source not in g.sources:
                g.sources.append(m.source)
            break
    else:
        c.values.append(ValueGroup(m.value, m.value.shown, [m.source], [m]))
    if m.source not in c.sources:
        c.sources.append(m.source)


def _pool_keys(m: ValueMention, vec: dict[str, float]) -> Iterable[str]:
    """The index keys of the candidates `m` may join: a mention of a name joins by spelling, the
    others need a context word in common (a cosine of 0 is below every threshold)."""
    if m.value.kind == "name":
        return (f"name:{m.value.data[1][:1].lower()}",)
    return (f"{m.value.kind}:{t}" for t in vec)


def _sample(vectors: list[tuple[dict[str, float], float]]) -> list[tuple[dict[str, float], float]]:
    if len(vectors) <= _MAX_VECTORS:
        return vectors
    half = _MAX_VECTORS // 2
    return vectors[:half] + vectors[-half:]


def group(mentions: Sequence[ValueMention], weights: dict[str, float],
          related: Callable[[str, str], bool]) -> list[Candidate]:
    """Greedy, deterministic: precise values first, each joins the most alike candidate it may.
    The context of a candidate is its summed vector and its mentions' own vectors (identical ones
    once, at most _MAX_VECTORS of them: the first and the latest)."""
    candidates: list[Candidate] = []
    index: dict[str, list[int]] = defaultdict(list)  # kind:token -> candidates
    gate: dict[tuple[str, int], tuple[bool, int]] = {}  # (source, candidate) -> related, sources seen
    for m in mentions:
        vec = _vector(m, weights)
        norm = _norm(vec)
        keys = list(_pool_keys(m, vec))
        pool = sorted({i for k in keys for i in index.get(k, ())})
        best: int | None = None
        best_sim = -1.0
        for i in pool:
            c = candidates[i]
            ok, seen = gate.get((m.source, i), (False, 0))
            if not ok and seen < len(c.sources):
                ok = any(related(m.source, s) for s in c.sources[seen:])
                gate[(m.source, i)] = (ok, len(c.sources))
            if not ok:
                continue
            if c.norm < 0:
                c.norm = _norm(c.vector)
            sim = max(_cosine(vec, c.vector, norm, c.norm),
                      max((_cosine(vec, v, norm, nv) for v, nv in _sample(c.vectors)), default=0.0))
            if sim > best_sim + 1e-12 and _joins(m, c, sim):
                best, best_sim = i, sim
        if best is None:
            best = len(candidates)
            candidates.append(Candidate(kind=m.value.kind))
        c = candidates[best]
        _add(c, m, vec, norm)
        for k in keys:
            if not index[k] or index[k][-1] != best:
                if best not in index[k]:
                    index[k].append(best)
    return candidates
