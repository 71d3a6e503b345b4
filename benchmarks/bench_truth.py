"""How `factcheck check` scales with the corpus and the fact base, against a scan floor, in one run.

    python benchmarks/bench_truth.py                  # default: 1k and 10k articles, 30/300/3,000 facts
    python benchmarks/bench_truth.py --big            # also 100k articles (CLI runs only; long)
    python benchmarks/bench_truth.py --sizes 1000 --facts 30 300 --runs 1 --out /tmp/t.json   # quick

Everything is generated in a temporary directory (kept with --keep):

* Corpora: on-topic articles recombine sentences of `seeds/*.txt` (the shipped story) and of
  /work/shared/dev/stories/*/articles/*.txt (other stories; what is absent is skipped), one story per
  article, one in seven with a digit changed (so there are contradictions); off-topic articles are
  sports results, weather reports and market summaries written by templates, keeping only sentences
  in which no pattern, alias or name of the fact base matches (checked with the base's own regexes).
* Fact bases of 30, 300 and 3,000 facts: the first 30 are real facts of the shipped bases (`facts/`
  and `examples/*/facts`, every kind represented, unchanged); the rest are renamed replicas of all
  the shipped facts: new ids (`_r<k>`), values moved (dates by k days, clock times by k minutes,
  numbers by k in their last digit), and every literal word of three letters or more in their
  patterns, aliases and names replaced by a made-up word of the replica ("qbafoten"), so a replica
  is a valid fact (checked with `factcheck lint`) that no generated article is about. So the
  30-fact base is what every article could touch, and 300 and 3,000 add facts it does not touch: the
  cost of a big base whose facts are mostly about other stories.

Measured in the same run (same machine, same load, so the ratios hold across machines):

* one core, in process: `check()` over the preloaded articles of the first corpus size (median of
  --runs), articles/s and MB/s (UTF-8 bytes of article text); fact loading and start-up excluded;
* the scan floor: reading each article file and one pass of a pyahocorasick automaton of every
  literal word (three letters or more) of the base's cues, near/context/counted patterns, event
  names and words, party aliases and name values over its lower-cased text (median of --runs);
  check/floor is the headline;
* the CLI, in fresh processes: `factcheck check CORPUS --facts BASE --format json --output OUT
  --jobs J` for J = 1 and 2 on every corpus size (30-fact base; --cli-facts), wall time, speed-up, and the peak
  RSS of the largest process (ru_maxrss of the wrapper's children); the base's compiled patterns are
  in the run's cache directory by then (FACTCHECK_CACHE_DIR, unless set), as in a second run;
* where the time goes: cProfile of `check()` over 300 on-topic articles (300-fact base), top 10 by
  cumulative time;
* what a prefilter would save: for every (sentence, fact) and (article, fact) pair, whether the
  sentence (article) has none of the fact's literal words; and, from `check_traced`, how many such
  pairs the checker did bind a value in (the prefilter would have been wrong there);
* with `--before DIR` (a directory holding an earlier copy of the `factcheck/` package): every
  in-process cell also by that copy, in a fresh process, right after the same cell by this tree
  (same articles, same base, median of --runs), for a before/after ratio from one run.

Results: benchmarks/results/truth.json, and the table between the markers of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the working tree's factcheck, whatever is installed
STORIES = Path("/work/shared/dev/stories")
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "truth.json"
README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- truth:begin -->", "<!-- truth:end -->"
PER_DIR = 1000
SEED = 13
SENTENCES = (3, 8)
_SPLIT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"0-9])")
PATTERN_KEYS = ("cues", "exclude", "near", "exclude_near", "names", "words", "context", "counted", "unit",
                "attribution", "patterns")
GATE_KEYS = ("cues", "near", "context", "counted")  # a fact's own words that let it bind (with its event's)


# ---------------------------------------------------------------------------------------------
# made-up words, and patterns with their literal words replaced

_CONS, _VOW = "bdfgklmnprstvz", "aeiou"


def pseudo(word: str, k: int) -> str:
    """A made-up word for `word` in replica k: 'q' + consonant (never English), same case style."""
    h = hashlib.blake2b(f"{k}:{word.lower()}".encode(), digest_size=32).digest()
    n = max(len(word), 5)
    s = "q" + "".join((_CONS if i % 2 == 0 else _VOW)[(h[i % 32] + i) % (14 if i % 2 == 0 else 5)]
                      for i in range(n))
    if word.isupper():
        return s.upper()
    return s.capitalize() if word[0].isupper() else s


_GROUP = re.compile(r"\(\?(?:P?<(?![=!])\w+>|P=\w+\)|[a-zA-Z]+[):]|[:=!]|<[=!])")


def _walk_regex(src: str, on_run: Any, depth: list[int] | None = None) -> str:
    """Rebuild `src` with each letter run outside escapes, classes, braces and group syntax
    replaced by on_run(run, next_char)."""
    out: list[str] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            if i + 2 < n and src[i + 1] in "pPN" and src[i + 2] == "{":
                j = src.find("}", i)
                j = n - 1 if j < 0 else j
                out.append(src[i : j + 1])
                i = j + 1
            else:
                out.append(src[i : i + 2])
                i += 2
            continue
        if c == "{":
            j = src.find("}", i)
            if j < 0:
                out.append(c)
                i += 1
            else:
                out.append(src[i : j + 1])
                i = j + 1
            continue
        if c == "[":
            j = i + 1
            if j < n and src[j] == "^":
                j += 1
            if j < n and src[j] == "]":
                j += 1
            while j < n and src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            out.append(src[i : j + 1])
            i = j + 1
            continue
        if src.startswith("(?", i):
            m = _GROUP.match(src, i)
            if m:
                out.append(m.group())
                i = m.end()
                if depth is not None and m.group().endswith((":", ">", "=", "!")):
                    depth[0] += 1
                continue
        if depth is not None and c == "(":
            depth[0] += 1
        if depth is not None and c == ")":
            depth[0] -= 1
        if c.isalpha():
            j = i
            while j < n and src[j].isalpha():
                j += 1
            out.append(on_run(src[i:j], src[j] if j < n else ""))
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def map_regex(src: str, k: int) -> str:
    return _walk_regex(src, lambda run, _nxt: pseudo(run, k) if len(run) >= 3 else run)


def map_literal(text: str, k: int) -> str:
    return re.sub(r"[^\W\d_]{3,}", lambda m: pseudo(m.group(), k), text)


def regex_words(src: str) -> set[str]:
    """The literal words (>= 3 letters, lower-cased) of a pattern; a letter made optional by a
    quantifier after the run is dropped (`Russian?` gives 'russia')."""
    found: set[str] = set()

    def keep(run: str, nxt: str) -> str:
        w = run[:-1] if nxt in ("?", "*", "{") else run
        if len(w) >= 3:
            found.add(w.lower())
        return run

    _walk_regex(src, keep)
    return found


def required_words(src: str) -> tuple[set[str], bool]:
    """For a word prefilter: per top-level branch of the pattern, the longest literal run outside
    any group (a branch needs all of those, so one of them is enough to look for); a branch with
    none gives all the words of its groups. The flag says whether every branch gave a word."""
    out: set[str] = set()
    ok = True
    for b in _branches(src):
        top: list[str] = []
        depth = [0]

        def at_top(run: str, nxt: str, top: list[str] = top, depth: list[int] = depth) -> str:
            w = run[:-1] if nxt in ("?", "*", "{") else run
            if len(w) >= 3 and depth[0] == 0:
                top.append(w.lower())
            return run

        _walk_regex(b, at_top, depth)
        if top:
            out.add(max(top, key=len))
        else:
            ws = regex_words(b)
            out |= ws
            ok = ok and bool(ws)
    return out, ok


def literal_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}


# ---------------------------------------------------------------------------------------------
# fact bases


def _shipped() -> list[tuple[str, dict[str, Any]]]:
    """(story, merged YAML tree) of facts/ and every examples/<story>/facts present."""
    dirs = [("shipped", ROOT / "facts")] + [(d.parent.name, d) for d in sorted((ROOT / "examples").glob("*/facts"))]
    out = []
    for story, d in dirs:
        tree: dict[str, list[Any]] = {"parties": [], "events": [], "facts": []}
        for p in sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml")):
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            for key in tree:
                tree[key] += data.get(key) or []
        if tree["events"] or tree["facts"]:
            out.append((story, tree))
    return out


def _bump_number(text: str, k: int) -> str:
    """Add k to the last digit place of the first number in text ('4.1 billion' -> '4.3 billion')."""
    m = re.search(r"\d+(?:\.(\d+))?", text)
    if not m:
        return text
    decimals = len(m.group(1) or "")
    v = float(m.group()) + k * 10 ** -decimals
    return text[: m.start()] + f"{v:.{decimals}f}" + text[m.end() :]


def _move_value(kind: str, v: Any, k: int, universe: str | None) -> Any:
    if isinstance(v, dt.date):
        return v + dt.timedelta(days=k)
    if isinstance(v, list):
        return [_move_value(kind, x, k, universe) for x in v]
    if kind in ("name", "place") or (kind == "set" and universe == "people"):
        return map_literal(v, k) if isinstance(v, str) else v
    if kind in ("ordinal",) or (kind == "set" and universe in ("countries", None)):
        return v
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v + k * (1 if v < 10_000 else 100)
    if isinstance(v, float):
        return round(v + k * 0.01, 2)
    if isinstance(v, str) and kind == "time":
        m = re.match(r"(\d{1,2}):(\d{2})(.*)$", v)
        if m:
            t = (int(m.group(1)) * 60 + int(m.group(2)) + k) % 1440
            return f"{t // 60:02d}:{t % 60:02d}{m.group(3)}"
        return v
    if isinstance(v, str) and kind in ("quantity", "money", "percentage", "duration", "count", "year"):
        return _bump_number(v, k)
    return v


def _replicate_fact(f: dict[str, Any], k: int) -> dict[str, Any]:
    g: dict[str, Any] = {}
    universe = f.get("universe")
    for key, v in f.items():
        if key == "id":
            g[key] = f"{v}_r{k}"
        elif key in PATTERN_KEYS:
            g[key] = [map_regex(p, k) for p in v] if isinstance(v, list) else map_regex(v, k)
        elif key in ("value", "variants", "others"):
            if key == "variants" and isinstance(v, list):
                g[key] = [({**x, "value": _move_value(f["kind"], x["value"], k, universe),
                            **({"attribution": map_regex(x["attribution"], k)} if "attribution" in x else {})}
                           if isinstance(x, dict) else _move_value(f["kind"], x, k, universe)) for x in v]
            else:
                g[key] = _move_value(f["kind"], v, k, universe)
        elif key == "when" and isinstance(v, dict):
            g[key] = {a: (b + dt.timedelta(days=k) if isinstance(b, dt.date) else b) for a, b in v.items()}
        elif key in ("note", "sources"):
            continue
        else:
            g[key] = v
    return g


def _replica(tree: dict[str, Any], k: int) -> dict[str, Any]:
    """Replica k of one story's base (k = 0: the story itself)."""
    if k == 0:
        return tree
    parties = [{**p, "id": f"{p['id']}_r{k}", "name": map_literal(p.get("name", p["id"]), k),
                "aliases": [map_literal(a, k) for a in p.get("aliases") or []]} for p in tree["parties"]]
    for p in parties:
        p.pop("note", None)
    events = []
    for e in tree["events"]:
        f2 = [_replicate_fact(f, k) for f in e.get("facts") or []]
        ev = {key: v for key, v in e.items() if key not in ("facts", "note", "sources")}
        ev["id"] = f"{e['id']}_r{k}"
        ev["what"] = map_literal(e.get("what", ""), k)
        if isinstance(e.get("date"), dt.date):
            ev["date"] = e["date"] + dt.timedelta(days=k)
        if e.get("place"):
            ev["place"] = map_literal(e["place"], k)
        ev["parties"] = [f"{p}_r{k}" for p in e.get("parties") or []]
        for key in ("names", "words"):
            if e.get(key):
                ev[key] = [map_regex(p, k) for p in e[key]]
        ev["facts"] = f2
        events.append(ev)
    return {"parties": parties, "events": events, "facts": [_replicate_fact(f, k) for f in tree["facts"]]}


def _facts_of(tree: dict[str, Any]) -> list[tuple[str | None, dict[str, Any]]]:
    return [(e["id"], f) for e in tree["events"] for f in e.get("facts") or []] + [(None, f) for f in tree["facts"]]


def _prune(tree: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    events = []
    for e in tree["events"]:
        fs = [f for f in e.get("facts") or [] if f["id"] in keep]
        if fs:
            events.append({**e, "facts": fs})
    used = {p for e in events for p in e.get("parties") or []}
    return {"parties": [p for p in tree["parties"] if p["id"] in used], "events": events,
            "facts": [f for f in tree["facts"] if f["id"] in keep]}


def _first_real(stories: list[tuple[str, dict[str, Any]]], n: int) -> dict[str, set[str]]:
    """n real fact ids, round robin over kinds, then over stories within a kind: every kind appears."""
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for story, tree in stories:
        for _, f in _facts_of(tree):
            by_kind[f["kind"]].append((story, f["id"]))
    for kind, items in by_kind.items():  # interleave the stories within a kind
        per: dict[str, list[str]] = defaultdict(list)
        for s, fid in items:
            per[s].append(fid)
        inter = []
        while any(per.values()):
            for s in list(per):
                if per[s]:
                    inter.append((s, per[s].pop(0)))
        by_kind[kind] = inter
    chosen: dict[str, set[str]] = defaultdict(set)
    count = 0
    while count < n and any(by_kind.values()):
        for kind in sorted(by_kind):
            if by_kind[kind] and count < n:
                s, fid = by_kind[kind].pop(0)
                chosen[s].add(fid)
                count += 1
    return chosen


def build_base(out: Path, n: int, stories: list[tuple[str, dict[str, Any]]], real: int = 30) -> dict[str, Any]:
    """A base of n facts under `out`: `real` real facts plus replicas 1, 2, ... of every story."""
    out.mkdir(parents=True)
    chosen = _first_real(stories, min(real, n))
    count = 0
    trees: list[tuple[str, dict[str, Any]]] = []
    for story, tree in stories:
        t = _prune(tree, chosen.get(story, set()))
        count += len(_facts_of(t))
        trees.append((f"{story}_r0", t))
    k = 1
    while count < n:
        for story, tree in stories:
            if count >= n:
                break
            rep = _replica(tree, k)
            ids = [f["id"] for _, f in _facts_of(rep)][: n - count]
            t = _prune(rep, set(ids))
            count += len(ids)
            trees.append((f"{story}_r{k}", t))
        k += 1
    for name, t in trees:
        data = {key: v for key, v in t.items() if v}
        if data:
            (out / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200),
                                              encoding="utf-8")
    return {"facts": count, "replicas": k - 1, "files": len(trees)}


def gates(tree_dir: Path) -> tuple[dict[str, set[str]], dict[str, bool], set[str]]:
    """Per fact id: its literal words (its own gate patterns, its event's names and words, its
    event's parties' aliases, a name's spellings), whether every gate pattern has a literal word in
    each top-level branch (else a word prefilter cannot skip it), and the union (the floor's words)."""
    parties: dict[str, list[str]] = {}
    events: dict[str, dict[str, Any]] = {}
    facts: list[tuple[str | None, dict[str, Any]]] = []
    for p in sorted(tree_dir.glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for party in t.get("parties") or []:
            parties[party["id"]] = list(party.get("aliases") or []) + [party.get("name", "")]
        for e in t.get("events") or []:
            events[e["id"]] = e
            facts += [(e["id"], f) for f in e.get("facts") or []]
        facts += [(None, f) for f in t.get("facts") or []]
    words: dict[str, set[str]] = {}
    complete: dict[str, bool] = {}
    floor: set[str] = set()
    for eid, f in facts:
        pats: list[str] = []
        lits: list[str] = []
        for key in GATE_KEYS:
            v = f.get(key)
            pats += v if isinstance(v, list) else ([v] if v else [])
        if eid is not None:
            e = events[eid]
            pats += list(e.get("names") or []) + list(e.get("words") or [])
            for pid in e.get("parties") or []:
                lits += parties.get(pid, [])
        if f["kind"] == "name":
            for key in ("value", "variants"):
                v = f.get(key)
                lits += [x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str)]
        w: set[str] = set()
        ok = bool(pats or lits)
        for pat in pats:
            ws, good = required_words(pat)
            w |= ws
            ok = ok and good
            floor |= regex_words(pat)
        for s in lits:
            lw = literal_words(s)
            if lw:
                w.add(max(lw, key=len))
            ok = ok and bool(lw)
            floor |= lw
        words[f["id"]] = w
        complete[f["id"]] = ok and bool(w)
    for al in parties.values():
        for a in al:
            floor |= literal_words(a)
    return words, complete, floor | set().union(*words.values()) if words else floor


def _branches(src: str) -> list[str]:
    """Top-level alternatives of a pattern."""
    out, depth, cur, i, in_class = [], 0, [], 0, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            cur.append(src[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def all_patterns(tree_dir: Path) -> list[Any]:
    """Every pattern, alias and name spelling of a base, compiled (for keeping off-topic text off)."""
    import regex

    out = []
    for p in sorted(tree_dir.glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for party in t.get("parties") or []:
            for a in (party.get("aliases") or []) + [party.get("name", "")]:
                out.append(regex.compile(r"(?<!\w)" + regex.escape(a) + r"(?!\w)", regex.I))
        items: list[dict[str, Any]] = list(t.get("facts") or [])
        for e in t.get("events") or []:
            items.append(e)
            items += e.get("facts") or []
        for f in items:
            for key in PATTERN_KEYS:
                v = f.get(key)
                for s in (v if isinstance(v, list) else [v] if v else []):
                    if isinstance(s, str):
                        try:
                            out.append(regex.compile(s.replace("{party}", r"\w+"), regex.I))
                        except regex.error:
                            pass
            if f.get("kind") in ("name", "place"):
                for key in ("value", "variants", "others"):
                    v = f.get(key)
                    for s in (v if isinstance(v, list) else [v] if v else []):
                        if isinstance(s, str):
                            out.append(regex.compile(r"(?<!\w)" + regex.escape(s) + r"(?!\w)", regex.I))
    return out


# ---------------------------------------------------------------------------------------------
# corpora


def _sentences(text: str) -> list[str]:
    out = []
    for para in text.split("\n"):
        out += [s.strip() for s in _SPLIT.split(para) if len(s.strip()) > 20]
    return out


def story_pools() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    seeds = [s for p in sorted((ROOT / "seeds").glob("*.txt")) for s in _sentences(p.read_text(encoding="utf-8"))]
    if seeds:
        pools["shipped"] = seeds
    if STORIES.is_dir():
        for d in sorted(STORIES.iterdir()):
            files = sorted((d / "articles").glob("*.txt"))
            sents = [s for p in files for s in _sentences(p.read_text(encoding="utf-8"))]
            if sents:
                pools[d.name] = sents
    return pools


_TEAMS = ["Riverton Rovers", "Ashby Athletic", "Kelso Harriers", "Dunmore Wanderers", "Port Ellis Albion",
          "Brackley Town", "Hollin Vale", "Westmarch City", "Corran Rangers", "Fenby United"]
_TOWNS = ["Ashby", "Kelso", "Dunmore", "Port Ellis", "Brackley", "Hollin", "Westmarch", "Corran", "Fenby", "Riverton"]
_STOCKS = ["Harlow Mills", "Quarry Gate", "Tindale Foods", "Bexmoor Paper", "Ostrel Brewing", "Calder Textiles",
           "Penrick Tools", "Marsh Lane Dairy"]
_WEATHER = ["sunny spells", "light drizzle", "heavy showers", "patchy fog", "a brisk northerly breeze", "hail",
            "clear skies", "low cloud", "sleet on high ground", "a mild south-westerly"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _off_sentence(rng: random.Random) -> str:
    t, u = rng.sample(_TEAMS, 2)
    town, day, weather = rng.choice(_TOWNS), rng.choice(_DAYS), rng.choice(_WEATHER)
    a, b = rng.sample(_STOCKS, 2)
    r = rng.randint
    pct = f"{r(0, 5)}.{r(0, 99):02d}%"
    forms = [
        f"{t} beat {u} {r(1, 6)}-{r(0, 3)} at home on {day}, with {r(2, 30):,} fans watching.",
        f"{t} drew {r(0, 3)}-all with {u} in a scrappy game decided by the wind.",
        f"The {r(4, 9)}th-placed {t} host {u} next {day}, kick-off at {r(12, 19)}:{rng.choice(['00', '30'])}.",
        f"{t} have now gone {r(2, 11)} games unbeaten, their best run in years.",
        f"Expect {weather} over {town} on {day}, with highs near {r(3, 28)} degrees.",
        f"Overnight lows in {town} dip to {r(-4, 12)}C, with {weather} by dawn.",
        f"Rainfall at {town} reached {r(1, 40)} mm in {r(2, 12)} hours, the wettest {day} in months.",
        f"Wind gusts of {r(30, 90)} km/h are likely on the coast near {town} until {day} evening.",
        f"Shares of {a} rose {pct} to {r(2, 90)}.{r(10, 99)} pence in busy trading.",
        f"{a} slipped {pct} after a cautious trading update, while {b} edged up.",
        f"The small-caps index closed {rng.choice(['up', 'down'])} {pct} at {r(3000, 9000):,} points.",
        f"{b} reported turnover of {r(2, 80)}.{r(1, 9)} million pounds, a little ahead of forecasts.",
    ]
    return rng.choice(forms)


def off_pool(rng: random.Random, banned: list[Any], n: int = 3000) -> tuple[list[str], int]:
    """n distinct template sentences in which no pattern of the base matches; and how many were dropped."""
    pool: list[str] = []
    seen: set[str] = set()
    dropped = 0
    tries = 0
    while len(pool) < n and tries < n * 20:
        tries += 1
        s = _off_sentence(rng)
        if s in seen:
            continue
        seen.add(s)
        if any(p.search(s) for p in banned):
            dropped += 1
            continue
        pool.append(s)
    return pool, dropped


def make_corpus(base: Path, n: int, topic: str, pools: dict[str, list[str]], offs: list[str],
                rng: random.Random) -> tuple[Path, int]:
    corpus = base / f"{topic}-{n}"
    total = 0
    names = sorted(pools)
    for i in range(n):
        d = corpus / f"d{i // PER_DIR:03d}"
        if i % PER_DIR == 0:
            d.mkdir(parents=True)
        k = rng.randint(*SENTENCES)
        if topic == "on":
            pool = pools[names[i % len(names)]]
            start = rng.randrange(len(pool))
            picked = pool[start : start + k] if rng.random() < 0.5 else rng.sample(pool, min(k, len(pool)))
            title = f"Report {i}"
        else:
            picked = rng.sample(offs, k)
            title = f"Roundup {i}"
        text = ""
        while picked:
            cut = rng.randint(2, 3)
            text += " ".join(picked[:cut]) + "\n\n"
            picked = picked[cut:]
        if topic == "on" and i % 7 == 3:
            digits = [m.start() for m in re.finditer(r"\d", text)]
            if digits:
                j = rng.choice(digits)
                text = text[:j] + str((int(text[j]) + 1) % 10) + text[j + 1 :]
        data = f"{title}\n\n{text}".encode()
        (d / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return corpus, total


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


# ---------------------------------------------------------------------------------------------
# measurements


def automaton(words: set[str]) -> Any:
    import ahocorasick

    a = ahocorasick.Automaton()
    for w in sorted(words):
        a.add_word(w, w)
    a.make_automaton()
    return a


def time_check(texts: list[str], fb: Any, runs: int) -> list[float]:
    from factcheck.check import check
    from factcheck.model import Source

    for t in texts[:3]:
        check(Source("warm", t), fb)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for i, t in enumerate(texts):
            check(Source(str(i), t), fb)
        times.append(time.perf_counter() - t0)
    return times


_BEFORE = r'''
import json, pathlib, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from factcheck.factbase.load import load_factbase
from factcheck.check import check
from factcheck.model import Source
import factcheck.check
assert pathlib.Path(factcheck.check.__file__).is_relative_to(sys.argv[1]), factcheck.check.__file__
fb = load_factbase(sys.argv[2])
runs = int(sys.argv[3])
texts = [pathlib.Path(p).read_text(encoding="utf-8") for p in sys.argv[4:]]
for t in texts[:3]:
    check(Source("warm", t), fb)
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        check(Source(str(i), t), fb)
    times.append(time.perf_counter() - t0)
print(json.dumps(times))
'''


def time_check_before(before: Path, facts: Path, files: list[Path], runs: int) -> list[float]:
    """`time_check` by an earlier copy of the package, in a fresh process (its own imports)."""
    proc = subprocess.run([sys.executable, "-c", _BEFORE, str(before), str(facts), str(runs), *map(str, files)],
                          capture_output=True, text=True, check=True, cwd=before)
    times: list[float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return times


def time_floor(files: list[Path], auto: Any, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for p in files:
            for _hit in auto.iter(p.read_text(encoding="utf-8").lower()):
                pass
        times.append(time.perf_counter() - t0)
    return times


_WRAPPER = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "dt = time.perf_counter() - t\n"
    "print(json.dumps({'seconds': dt, 'rc': rc, "
    "'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
)


def cli_run(corpus: Path, facts: Path, out: Path, jobs: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "factcheck", "check", str(corpus), "--facts", str(facts), "--format", "json",
           "--output", str(out), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, check=True,
                          cwd=ROOT, env=env)
    data = json.loads(proc.stdout)
    if data["rc"] not in (0, 1, 3):
        raise SystemExit(f"{' '.join(cmd)} failed with exit {data['rc']}")
    return data


def lint_base(facts: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--facts", str(facts)], capture_output=True,
                          text=True, cwd=ROOT, env=env)
    problems = [ln for ln in proc.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", ln)]
    return {"exit": proc.returncode, "problems": len(problems), "first": problems[:5]}


def profile_top(texts: list[str], fb: Any, n: int = 10) -> list[dict[str, Any]]:
    from factcheck.check import check
    from factcheck.model import Source

    prof = cProfile.Profile()
    prof.enable()
    for i, t in enumerate(texts):
        check(Source(str(i), t), fb)
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        rel = os.path.relpath(file, ROOT) if file.startswith(str(ROOT)) else os.path.basename(file)
        rows.append({"function": f"{rel}:{line}({func})", "calls": nc, "tottime": round(tt, 3),
                     "cumtime": round(ct, 3)})
    total = max(r["cumtime"] for r in rows)
    by_cum = sorted(rows, key=lambda r: -r["cumtime"])[:n]
    by_tot = sorted(rows, key=lambda r: -r["tottime"])[:n]
    return [{"total": total}, {"by_cumulative": by_cum}, {"by_tottime": by_tot}]


def prefilter_stats(texts: list[str], fb: Any, words: dict[str, set[str]], complete: dict[str, bool],
                    union: set[str], traced: bool) -> dict[str, Any]:
    """(sentence, fact) and (article, fact) pairs with none of the fact's literal words; and the
    pairs among them where check_traced bound a value anyway (a word prefilter would be wrong)."""
    from factcheck.check import check_traced
    from factcheck.model import Source
    from factcheck.segment import segment

    auto = automaton(union)
    fact_ids = [f.id for f in fb.facts]
    s_pairs = s_skip = a_pairs = a_skip = 0
    s_miss = a_miss = 0
    per_article: list[float] = []
    missed_facts: Counter[str] = Counter()
    for i, t in enumerate(texts):
        low = t.lower()
        sents = segment(t).sentences
        starts = [s.start for s in sents]
        hits_by_sent: list[set[str]] = [set() for _ in sents]
        all_hits: set[str] = set()
        for end, w in auto.iter(low):
            pos = end - len(w) + 1
            all_hits.add(w)
            j = _index(starts, pos)
            if j is not None:
                hits_by_sent[j].add(w)
        bound: set[tuple[int, str]] = set()
        bound_facts: set[str] = set()
        if traced:
            tr = check_traced(Source(str(i), t), fb)
            for st in tr.steps:
                j = _index(starts, st.start)
                bound.add((j if j is not None else -1, st.fact))
                bound_facts.add(st.fact)
        skip_here = 0
        for fid in fact_ids:
            fw = words.get(fid, set())
            ok = complete.get(fid, False)
            a_pairs += 1
            if ok and not (fw & all_hits):
                a_skip += 1
                if fid in bound_facts:
                    a_miss += 1
            for j, hs in enumerate(hits_by_sent):
                s_pairs += 1
                if ok and not (fw & hs):
                    s_skip += 1
                    skip_here += 1
                    if (j, fid) in bound:
                        s_miss += 1
                        missed_facts[fid.split("_r")[0]] += 1
        per_article.append(skip_here / max(1, len(sents) * len(fact_ids)))
    return {
        "articles": len(texts), "facts": len(fact_ids),
        "facts_with_complete_words": sum(1 for f in fact_ids if complete.get(f)),
        "sentence_fact_pairs": s_pairs, "sentence_pairs_skippable": s_skip,
        "sentence_skippable_share": round(s_skip / max(1, s_pairs), 4),
        "sentence_skippable_per_article": round(s_skip / max(1, len(texts)), 1),
        "sentence_share_per_article_min_median_max": [round(min(per_article), 4),
                                                       round(statistics.median(per_article), 4),
                                                       round(max(per_article), 4)] if per_article else None,
        "sentence_pairs_wrongly_skippable": s_miss if traced else None,
        "sentence_misses_by_fact": dict(missed_facts.most_common(8)) if traced else None,
        "article_fact_pairs": a_pairs, "article_pairs_skippable": a_skip,
        "article_skippable_share": round(a_skip / max(1, a_pairs), 4),
        "article_pairs_wrongly_skippable": a_miss if traced else None,
    }


def _index(starts: list[int], pos: int) -> int | None:
    import bisect

    j = bisect.bisect_right(starts, pos) - 1
    return j if j >= 0 else None


# ---------------------------------------------------------------------------------------------
# rendering


def render_table(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        f"Generated by `{res['command']}` on {res['when']} in {res['seconds'] / 60:.1f} min; "
        f"{m['platform']}, Python {m['python']}, {m['cpus']} CPUs ({m['cpu']}), load average at start "
        f"{m['load']}, at the end {m.get('load_at_end', 'n/a')} (other processes share the machine).",
        "",
        f"One core, in process, {res['inprocess_articles']:,} articles per cell, median of {res['runs']}:",
        "",
    ]
    before = any("before_s" in r for r in res["inprocess"])
    if before:
        lines += ["| topic | facts | articles/s | MB/s | check (s) | floor (s) | check/floor | cost vs 30 facts "
                  "| before (s) | before: check/floor | before: cost vs 30 | before/after |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    else:
        lines += ["| topic | facts | articles/s | MB/s | check (s) | floor (s) | check/floor | cost vs 30 facts |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["inprocess"]:
        row = (f"| {r['topic']} | {r['facts']:,} | **{r['articles_per_s']:,.1f}** | {r['mb_per_s']:.3f} | "
               f"{r['check_s']:.2f} | {r['floor_s']:.3f} | **{r['check_over_floor']:,.0f}** | "
               f"{r['cost_vs_30']:.2f}x |")
        if before:
            row += (f" {r['before_s']:.2f} | {r['before_over_floor']:,.0f} | {r['before_cost_vs_30']:.2f}x | "
                    f"**{r['before_s'] / r['check_s']:.2f}x** |")
        lines.append(row)
    if before:
        lines += ["", f"Before: {res['before']} (`--before`), each cell right after this tree's, in a fresh "
                  "process, same articles and base."]
    lines += ["", f"CLI (`factcheck check ... --jobs J`, fresh processes, {res['cli_facts']}-fact base, "
              "start-up included):", "",
              "| topic | articles | MB | jobs | wall (s) | articles/s | speed-up | peak RSS (MiB) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["cli"]:
        lines.append(f"| {r['topic']} | {r['articles']:,} | {r['mb']:.1f} | {r['jobs']} | {r['seconds']:.1f} | "
                     f"{r['articles_per_s']:,.1f} | {r['speedup'] if r['speedup'] else '-'} | "
                     f"{r['maxrss_mib']:,.0f} |")
    pf = res.get("prefilter") or {}
    if pf:
        lines += ["", "Prefilter (pairs with none of the fact's literal words; `wrong`: the checker bound a "
                  "value there anyway):", "",
                  "| topic | facts | articles | (sentence, fact) pairs | skippable | wrong | "
                  "(article, fact) skippable | wrong |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for key, p in pf.items():
            topic, facts = key.split("/")
            w1 = "-" if p["sentence_pairs_wrongly_skippable"] is None else f"{p['sentence_pairs_wrongly_skippable']:,}"
            w2 = "-" if p["article_pairs_wrongly_skippable"] is None else f"{p['article_pairs_wrongly_skippable']:,}"
            lines.append(f"| {topic} | {int(facts):,} | {p['articles']} | {p['sentence_fact_pairs']:,} | "
                         f"{p['sentence_skippable_share']:.1%} | {w1} | {p['article_skippable_share']:.1%} | {w2} |")
    for prof in res.get("profiles") or []:
        lines += ["", f"cProfile of `check()` over {prof['articles']} on-topic articles, {prof['facts']:,}-fact base "
                  f"({prof['total']:.1f} s under the profiler), top 10 by cumulative time, then by own time:", "",
                  "| function | calls | tottime (s) | cumtime (s) |", "|---|---:|---:|---:|"]
        for r in prof["by_cumulative"]:
            lines.append(f"| `{r['function']}` | {r['calls']:,} | {r['tottime']:.2f} | {r['cumtime']:.2f} |")
        lines.append("| *by own time:* | | | |")
        for r in prof["by_tottime"]:
            lines.append(f"| `{r['function']}` | {r['calls']:,} | {r['tottime']:.2f} | {r['cumtime']:.2f} |")
    return "\n".join(lines)


def update_readme(table: str) -> None:
    if not README.exists():
        return
    text = README.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        README.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000], help="corpus sizes (articles)")
    ap.add_argument("--big", action="store_true", help="also 100,000 articles (CLI, --jobs 2 only)")
    ap.add_argument("--facts", type=int, nargs="+", default=[30, 300, 3000], help="fact base sizes")
    ap.add_argument("--runs", type=int, default=3, help="in-process repetitions (median)")
    ap.add_argument("--inprocess", type=int, default=300,
                    help="articles per in-process cell (the first of the smallest corpus)")
    ap.add_argument("--cli-facts", type=int, default=30,
                    help="the base the CLI runs use (the report holds a finding per (source, fact): "
                         "10,000 articles x 300 facts is about 5 GB)")
    ap.add_argument("--cli-j1-max", type=int, default=10_000,
                    help="largest corpus also run with --jobs 1 (the bigger ones: --jobs 2 only)")
    ap.add_argument("--profile", type=int, default=300, help="on-topic articles under cProfile (0: skip)")
    ap.add_argument("--profile-facts", type=int, nargs="+", default=[300, 3000], help="bases to profile with")
    ap.add_argument("--prefilter", type=int, default=300, help="articles per topic for the prefilter counts")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-readme", action="store_true", help="do not update the table in benchmarks/README.md")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--before", type=Path, help="a directory holding an earlier copy of the factcheck/ package: "
                    "every in-process cell also by it, in the same run")
    args = ap.parse_args(argv)
    sizes = sorted(set(args.sizes + ([100_000] if args.big else [])))
    fact_sizes = sorted(set(args.facts))

    from factcheck.factbase.load import load_factbase

    started = time.perf_counter()
    load = _load()
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-truth-"))
    # compiled patterns kept between runs (factbase/load.py) in the run's own directory: the bases
    # are loaded here first, so the CLI runs start as a second run of the same base would
    os.environ.setdefault("FACTCHECK_CACHE_DIR", str(tmp / "pattern-cache"))
    res: dict[str, Any] = {}

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {msg}", file=sys.stderr, flush=True)

    try:
        stories = _shipped()
        bases: dict[int, Path] = {}
        base_info: dict[str, Any] = {}
        for n in fact_sizes:
            bases[n] = tmp / f"facts-{n}"
            info = build_base(bases[n], n, stories)
            info["lint"] = lint_base(bases[n])
            if info["lint"]["exit"] != 0 or info["lint"]["problems"]:
                raise SystemExit(f"generated base of {n} facts does not lint: {info['lint']}")
            fb = load_factbase(bases[n])
            info["loaded_facts"] = len(fb.facts)
            info["kinds"] = dict(sorted(Counter(f.kind for f in fb.facts).items()))
            info["events"] = len(fb.events)
            info["parties"] = len(fb.parties)
            base_info[str(n)] = info
            log(f"base {n}: {info['loaded_facts']} facts, {info['events']} events, lint ok")

        rng = random.Random(SEED)
        pools = story_pools()
        # the off-topic sentences must miss every pattern of every base (the real facts are the
        # ones that could match; replicas use made-up words)
        union_dir = tmp / "all-real"
        union_dir.mkdir()
        for story, t in stories:
            (union_dir / f"{story}.yaml").write_text(yaml.safe_dump({k: v for k, v in t.items() if v},
                                                                    sort_keys=False, allow_unicode=True),
                                                     encoding="utf-8")
        banned = all_patterns(union_dir)
        offs, dropped = off_pool(rng, banned)
        log(f"pools: {', '.join(f'{k} {len(v)}' for k, v in pools.items())}; off-topic {len(offs)} "
            f"sentences ({dropped} dropped for touching a pattern)")
        corpora: dict[tuple[str, int], tuple[Path, int]] = {}
        for n in sizes:
            for topic in ("on", "off"):
                corpora[(topic, n)] = make_corpus(tmp, n, topic, pools, offs, random.Random(SEED + n))
                log(f"corpus {topic}-{n}: {corpora[(topic, n)][1] / 1e6:.1f} MB")

        # ---- one core, in process
        first = sizes[0]
        inproc = []
        fbs = {n: load_factbase(bases[n]) for n in fact_sizes}
        gate = {n: gates(bases[n]) for n in fact_sizes}
        for topic in ("on", "off"):
            files = corpus_files(corpora[(topic, first)][0])[: args.inprocess]
            texts = [p.read_text(encoding="utf-8") for p in files]
            nbytes = sum(len(t.encode()) for t in texts)
            for n in fact_sizes:
                ct = time_check(texts, fbs[n], args.runs)
                ft = time_floor(files, automaton(gate[n][2]), args.runs)
                c, f = statistics.median(ct), statistics.median(ft)
                inproc.append({"topic": topic, "facts": n, "articles": len(texts), "bytes": nbytes,
                               "check_s": round(c, 3), "check_runs": [round(x, 3) for x in ct],
                               "floor_s": round(f, 4), "floor_runs": [round(x, 4) for x in ft],
                               "floor_words": len(gate[n][2]),
                               "articles_per_s": round(len(texts) / c, 2), "mb_per_s": round(nbytes / 1e6 / c, 4),
                               "check_over_floor": round(c / f, 1)})
                log(f"in process {topic} {n} facts: {len(texts) / c:.1f} articles/s, check/floor {c / f:.0f}")
                if args.before:
                    bt = time_check_before(args.before, bases[n], files, args.runs)
                    b = statistics.median(bt)
                    inproc[-1].update({"before_s": round(b, 3), "before_runs": [round(x, 3) for x in bt],
                                       "before_over_floor": round(b / f, 1)})
                    log(f"  before: {len(texts) / b:.1f} articles/s, check/floor {b / f:.0f}, before/after {b / c:.2f}")
        for r in inproc:
            ref = next((x for x in inproc if x["topic"] == r["topic"] and x["facts"] == fact_sizes[0]), r)
            r["cost_vs_30"] = round(r["check_s"] / ref["check_s"], 3)
            if "before_s" in r and "before_s" in ref:
                r["before_cost_vs_30"] = round(r["before_s"] / ref["before_s"], 3)

        # ---- CLI, fresh processes
        cli = []
        cf = bases[args.cli_facts if args.cli_facts in bases else fact_sizes[len(fact_sizes) // 2]]
        reports: dict[tuple[str, int], set[bytes]] = defaultdict(set)
        for n in sizes:
            for topic in ("on", "off"):
                corpus, nbytes = corpora[(topic, n)]
                one = None
                for jobs in ((1, 2) if n <= args.cli_j1_max else (2,)):
                    out = tmp / f"report-{topic}-{n}-j{jobs}.json"
                    d = cli_run(corpus, cf, out, jobs)
                    reports[(topic, n)].add(out.read_bytes())
                    if jobs == 1:
                        one = d["seconds"]
                    cli.append({"topic": topic, "articles": n, "mb": round(nbytes / 1e6, 2), "jobs": jobs,
                                "seconds": round(d["seconds"], 2), "articles_per_s": round(n / d["seconds"], 1),
                                "speedup": f"{one / d['seconds']:.2f}x" if (one and jobs > 1) else None,
                                "maxrss_mib": round(d["maxrss_kb"] / 1024, 1), "exit": d["rc"]})
                    log(f"CLI {topic}-{n} jobs {jobs}: {d['seconds']:.1f} s, {d['maxrss_kb'] / 1024:.0f} MiB")
        same = all(len(v) == 1 for v in reports.values())

        # ---- where the time goes
        profs = []
        on_texts = [p.read_text(encoding="utf-8") for p in corpus_files(corpora[("on", first)][0])]
        off_texts = [p.read_text(encoding="utf-8") for p in corpus_files(corpora[("off", first)][0])]
        if args.profile:
            for pn in args.profile_facts:
                if pn not in fbs:
                    continue
                sample = on_texts[: args.profile]
                top = profile_top(sample, fbs[pn])
                profs.append({"articles": len(sample), "facts": pn, "total": top[0]["total"],
                              "by_cumulative": top[1]["by_cumulative"], "by_tottime": top[2]["by_tottime"]})
                log(f"profile {pn} facts done")

        # ---- what a prefilter would save
        pre = {}
        if args.prefilter:
            for topic, texts in (("on", on_texts), ("off", off_texts)):
                for n in fact_sizes:
                    w, comp, union = gate[n]
                    traced = n <= 300  # check_traced over 3,000 facts is slow; replicas never bind anyway
                    pre[f"{topic}/{n}"] = prefilter_stats(texts[: args.prefilter], fbs[n], w, comp, union, traced)
                    log(f"prefilter {topic}/{n}: {pre[f'{topic}/{n}']['sentence_skippable_share']:.1%} of "
                        f"(sentence, fact) pairs skippable")

        res = {
            "command": "python benchmarks/bench_truth.py" + (" " + " ".join(argv or sys.argv[1:])).rstrip(),
            "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": {"platform": platform.platform(), "python": platform.python_version(),
                        "cpus": os.cpu_count(), "cpu": _cpu(), "load": load},
            "runs": args.runs, "inprocess_articles": min(args.inprocess, first),
            "bases": base_info,
            "corpora": {f"{t}-{n}": {"articles": n, "bytes": b} for (t, n), (_, b) in corpora.items()},
            "story_pools": {k: len(v) for k, v in pools.items()},
            "off_topic_sentences": len(offs), "off_topic_dropped": dropped,
            "inprocess": inproc, "cli_facts": int(cf.name.split("-")[1]), "cli": cli,
            "cli_reports_identical_across_jobs": same,
            "profiles": profs, "prefilter": pre,
        }
        if args.before:
            res["before"] = str(args.before)
        res["seconds"] = round(time.perf_counter() - started, 1)
        res["machine"]["load_at_end"] = _load()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        table = render_table(res)
        if not args.no_readme:
            update_readme(table)
        print(table)
        print(f"wrote {args.out}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
