"""Load and validate the fact base: every problem in every file, in one pass, with a position.

`load_factbase(dir)` returns a FactBase or raises FactBaseError listing each mistake as
`file:line:col: CODE: message` with the offending line and a fix. Unknown keys are errors (a
typo such as `vaule:` must never silently drop a fact), values are parsed by their kind, patterns
are compiled and tried against runaway inputs (factbase/runaway.py, as `factcheck lint` does).
A mistake never hides the next one: an entry with a bad id or a missing key still has its other
keys checked. The codes are listed in docs/facts.md.

Compiling the patterns is most of the time a large base takes to load (the `regex` module parses
each in Python), so the compiled patterns are kept on disk between runs (`PatternCache`): one file
per fact base content, in `$FACTCHECK_CACHE_DIR` (`off` for none), else `$XDG_CACHE_HOME/factcheck`
or `~/.cache/factcheck`. What is kept depends on a pattern's text alone (and on the code that made
it, part of the key): its compiled code, whether the runaway analysis clears it, the words the
checker's automaton needs of it (factcheck/prefilter.py). Every check of a pattern (matches the
empty string, runs away on the probes it needs) is made again at each load, so a base loads with
the same problems and the same patterns whether the cache is there or not.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from factcheck import prefilter
from factcheck.errors import FactBaseError, FactValueError, Problem
from factcheck.factbase import runaway, schema
from factcheck.factbase.model import Event, Fact, FactBase, Party, Pattern, Variant
from factcheck.factbase.runaway import RUNAWAY_TIMEOUT as RUNAWAY_TIMEOUT  # lint's, and the tests'
from factcheck.factbase.runaway import runs_away, shown
from factcheck.factbase.yamlpos import MAX_FILE_BYTES, Y, load_yaml, split_lines
from factcheck.kinds import KINDS
from factcheck.kinds.date import set_weekday_apart
from factcheck.lang import lang
from factcheck.model import Position
from factcheck.numbers import find_numbers

_ID = regex.compile(schema.ID_PATTERN)
_DATE = regex.compile(schema.DATE_PATTERN)
_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")
_PATTERN_KEYS = ("cues", "exclude", "near", "exclude_near")
_PREFILTERED = ("cues", "names", "words")  # the patterns the automaton of factcheck/prefilter.py is built of


# -- compiled patterns kept between runs -------------------------------------------------------------

_CACHE_FORMAT = 1
_CACHE_KEEP = 16  # cache files kept (the most recently used): bases loaded in turn each keep theirs


def cache_dir() -> Path | None:
    """Where compiled patterns are kept: $FACTCHECK_CACHE_DIR (`off`, `0` or empty: nowhere), else
    $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck."""
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    root = os.environ.get("XDG_CACHE_HOME")
    if not root:
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None  # no home directory: nowhere to keep them
        root = os.path.join(home, ".cache")
    return Path(root) / "factcheck"


class _OnlyPatterns(pickle.Unpickler):
    """Unpickles compiled patterns and plain data, nothing else: a cache file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if name == "compile" and module in ("regex._regex", "_regex"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a pattern cache")


@functools.cache
def _fingerprint() -> str:
    """What a kept entry depends on besides its text: Python, the regex module, this loader, the
    runaway analysis and the prefilter's words (their source)."""
    h = hashlib.sha256(f"{_CACHE_FORMAT} {sys.version} {regex.__version__}".encode())
    for mod in (__file__, runaway.__file__, prefilter.__file__):
        try:
            h.update(Path(mod).read_bytes())
        except OSError:
            h.update(mod.encode())
    return h.hexdigest()


class PatternCache:
    """Compiled patterns by text, the runaway analysis's verdict and the prefilter's words (for the
    patterns of cues, event names and words: factcheck/prefilter.py) by text, read from the cache
    file of a base's content (`patterns-<where>-<content>.pickle`: the same files loaded from any
    directory), else from the latest file of the same directory (a base edited since keeps most of
    its patterns); written back when the load compiled or analysed anything new. The entries are
    keyed by the pattern's text: whichever file they come from, they are right for it."""

    def __init__(self, texts: Iterable[str], where: Path | None = None, base: str = ""):
        self.dir = where
        self.compiled: dict[str, regex.Pattern[str]] = {}
        self.cleared: dict[str, bool] = {}
        self.literals: dict[str, tuple[frozenset[str] | None, frozenset[str]]] = {}
        self.used: set[str] = set()
        self.fresh = False
        self.path: Path | None = None
        if where is None:
            return
        h = hashlib.sha256(_fingerprint().encode())
        for t in texts:
            b = t.encode("utf-8", "surrogatepass")
            h.update(len(b).to_bytes(8, "big") + b)
        content = h.hexdigest()[:32]
        home = hashlib.sha256(base.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.path = where / f"patterns-{home}-{content}.pickle"
        got = None
        for same in [self.path, *self._files(f"patterns-*-{content}.pickle")]:
            got = self._read(same)
            if got is not None:
                break
        if got is None or same != self.path:
            self.fresh = True
        if got is None:
            for earlier in self._files(f"patterns-{home}-*.pickle")[:1]:
                got = self._read(earlier)
        if got is not None:
            self.compiled, self.cleared, self.literals = got
            runaway.ANALYSED.update(self.cleared)
            prefilter.LITERALS.update(self.literals)
            if not self.fresh:
                try:
                    os.utime(self.path)  # recently used: kept by the pruning
                except OSError:
                    pass

    def _files(self, glob: str = "patterns-*.pickle") -> list[Path]:
        """The cache files (but this base's), newest first."""
        assert self.dir is not None
        try:
            found = [(p.stat().st_mtime, p) for p in self.dir.glob(glob)]
        except OSError:
            return []
        return [p for _, p in sorted(found, reverse=True) if p != self.path]

    @staticmethod
    def _read(path: Path) -> tuple[dict[str, regex.Pattern[str]], dict[str, bool],
                                   dict[str, tuple[frozenset[str] | None, frozenset[str]]]] | None:
        try:
            with open(path, "rb") as f:
                data = _OnlyPatterns(f).load()
            if not (isinstance(data, tuple) and len(data) == 4 and data[0] == _fingerprint()):
                return None
            compiled, cleared, lits = data[1:]
            if not (isinstance(compiled, dict) and isinstance(cleared, dict) and isinstance(lits, dict)):
                return None

            def words(x: object) -> bool:
                return isinstance(x, frozenset) and all(isinstance(w, str) for w in x)

            return ({k: v for k, v in compiled.items() if isinstance(k, str) and isinstance(v, regex.Pattern)
                     and v.pattern == k and v.flags & regex.IGNORECASE},
                    {k: v for k, v in cleared.items() if isinstance(k, str) and v is False},
                    {k: v for k, v in lits.items() if isinstance(k, str) and isinstance(v, tuple) and len(v) == 2
                     and (v[0] is None or words(v[0])) and words(v[1])})
        except Exception:  # noqa: BLE001 - a missing, stale or damaged cache is no cache
            return None

    def get(self, src: str) -> regex.Pattern[str] | None:
        self.used.add(src)
        return self.compiled.get(src)

    def put(self, src: str, rx: regex.Pattern[str]) -> None:
        self.compiled[src] = rx
        self.fresh = True

    def save(self) -> None:
        """Write what this load used (if it compiled or analysed anything), and keep the newest files."""
        cleared = {s: False for s in self.used if runaway.ANALYSED.get(s) is False}
        lits = {s: v for s in self.used if (v := prefilter.LITERALS.get(s)) is not None}
        if self.path is None or self.dir is None or not (
                self.fresh or cleared.keys() - self.cleared.keys() or lits.keys() - self.literals.keys()):
            return
        compiled = {s: rx for s, rx in self.compiled.items() if s in self.used}
        try:
            self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".patterns-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((_fingerprint(), compiled, cleared, lits), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
            for old in self._files()[_CACHE_KEEP - 1 :]:
                old.unlink(missing_ok=True)
        except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
            pass


class _Ctx:
    """One file being loaded: its lines (for the problem's line_text) and its problems."""

    def __init__(self, path: str, text: str, patterns: PatternCache | None = None):
        self.path = path
        self.lines = split_lines(text)
        self.problems: list[Problem] = []
        self.patterns = patterns if patterns is not None else PatternCache(())

    def add(self, line: int, col: int, code: str, msg: str, fix: str) -> None:
        lt = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.problems.append(Problem(self.path, line, col, code, msg, fix, lt))

    def at(self, y: Y, code: str, msg: str, fix: str) -> None:
        self.add(y.line, y.col, code, msg, fix)

    def pos(self, y: Y) -> Position:
        return Position(self.path, y.line, y.col)


@dataclass
class _State:
    """What the files share: ids seen, and what can only be checked once every file is read."""

    parties: dict[str, Party] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    seen: dict[str, Position] = field(default_factory=dict)
    party_refs: list[tuple[str, _Ctx, Y]] = field(default_factory=list)  # (event id, file, party item)
    spellings: list[tuple[str, str, _Ctx, Y]] = field(default_factory=list)  # (fact id, spelling, file, where)


def fact_files(directory: str | os.PathLike[str]) -> list[Path]:
    d = Path(directory)
    if d.is_file():
        return [d]
    return sorted(p for p in d.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_factbase(directory: str | os.PathLike[str]) -> FactBase:
    """Load every *.yaml/*.yml under `directory` (or one file). Raises FactBaseError."""
    fb, problems = load_with_problems(directory)
    if problems or fb is None:
        raise FactBaseError(problems)
    return fb


def load_with_problems(directory: str | os.PathLike[str]) -> tuple[FactBase | None, list[Problem]]:
    """The fact base and no problem, or None and every problem found (sorted by file and position).
    Never raises for anything a fact file contains."""
    if not Path(directory).exists():
        return None, [Problem(str(directory), 1, 1, "FB052", "no such fact directory or file",
                              "pass --facts DIR with the fact base (default: facts/)")]
    try:
        files = fact_files(directory)
    except OSError as e:
        return None, [Problem(str(directory), 1, 1, "FB052", f"cannot list the fact directory: {e.strerror or e}",
                              "check that the directory exists and is readable")]
    if not files:
        return None, [Problem(str(directory), 1, 1, "FB051", "no fact files (*.yaml) found",
                              "add a YAML file with `facts:` or `events:`")]
    st = _State()
    ctxs: list[_Ctx] = []
    problems: list[Problem] = []
    texts: list[tuple[str, str]] = []
    for path in files:
        shown = _shown_path(path)
        text, problem = _read(path, shown)
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None
        texts.append((shown, text))
    patterns = PatternCache((t for _, t in texts), cache_dir(), _base_key(directory))
    for shown, text in texts:
        c = _Ctx(shown, text, patterns)
        ctxs.append(c)
        tree, yproblems = load_yaml(shown, text)
        c.problems.extend(yproblems)
        if tree is not None:
            _load_file(tree, c, st)
        elif not yproblems:
            c.add(1, 1, "FB051", "the file is empty: it defines no parties, events or facts",
                  "add a top-level `facts:` (or `events:`, `parties:`) list, or delete the file")
    _check_party_refs(st)
    _check_collisions(st)
    set_weekday_apart(st.facts)
    patterns.save()
    for c in ctxs:
        problems.extend(c.problems)
    if problems:
        return None, sorted(dict.fromkeys(problems), key=lambda p: (p.file, p.line, p.col, p.code))
    return FactBase(parties=st.parties, events=st.events, facts=tuple(st.facts),
                    files=tuple(_shown_path(f) for f in files)), []


def _base_key(directory: str | os.PathLike[str]) -> str:
    try:
        return str(Path(directory).resolve())
    except (OSError, RuntimeError):
        return str(directory)


def _read(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(shown, 1, 1, "FB050", f"fact file is {size} bytes, more than {MAX_FILE_BYTES}",
                                 "split it into several files in the same directory")
        raw = path.read_bytes()
    except OSError as e:
        return None, Problem(shown, 1, 1, "FB053", f"cannot read fact file: {e.strerror or e}",
                             "check that the file exists and is readable")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
        start = max(e.start, bom)
        before = split_lines(raw[bom:start].decode("utf-8", "replace") + "|")
        lines = split_lines(raw[bom:].decode("utf-8", "replace"))
        line, col = len(before), len(before[-1])
        text = lines[line - 1] if line <= len(lines) else ""
        return None, Problem(shown, line, col, "FB053",
                             f"the file is not UTF-8: byte 0x{raw[start]:02x} cannot be decoded",
                             "save the file as UTF-8 (it is probably Latin-1 or Windows-1252)", text)


def _shown_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    best = _closest(word, choices)
    return f"did you mean {best!r}?" if best else ""


def _closest(word: str, choices: Iterable[str]) -> str | None:
    choices = list(choices)
    for c in choices:
        if c.lower() == word.lower():
            return c
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
        close = [next(c for c in choices if c.lower() == close[0])] if close else []
    return close[0] if close else None


def _describe(y: Y) -> str:
    if isinstance(y.value, dict):
        return "a mapping"
    if isinstance(y.value, list):
        return "a list"
    if y.value is None:
        return "nothing"
    return f"the single value {y.value!r}"


def _mapping(y: Y, what: str, c: _Ctx, example: str) -> dict[str, Y] | None:
    if y.refused:
        return None
    if not isinstance(y.value, dict):
        c.at(y, "FB012", f"{what} must be a mapping (key: value lines), not {_describe(y)}", f"write {example}")
        return None
    return y.value


def _check_keys(y: Y, v: dict[str, Y], keys: dict[str, schema.Key], what: str, c: _Ctx,
                also: Iterable[str] = (), elsewhere: dict[str, tuple[str, str]] | None = None,
                required: Iterable[str] = ()) -> bool:
    """Unknown keys (FB010, or FB016 for a key of another kind), missing or empty required keys (FB011).
    False when a required key is missing or empty."""
    allowed = set(keys) | set(also)
    elsewhere = elsewhere or {}
    assert y.key_pos is not None
    suggested: set[str] = set()
    for k in v:
        if k in allowed:
            continue
        line, col = y.key_pos[k]
        if k in elsewhere:
            c.add(line, col, "FB016", *elsewhere[k])
            continue
        best = _closest(k, allowed)
        if best is not None:
            suggested.add(best)
        fix = f"did you mean {best!r}?" if best else f"allowed keys: {', '.join(sorted(allowed))}"
        if best is None and (" " in k or k[:1].isdigit() or v[k].value in (None, "")):
            # (a bare word with no value: "{value: 63 months, note: defence request, low}")
            # "{..., note: worldwide on Friday, 5,000 flights}": a comma inside a value of a {...} mapping
            fix = ("a comma inside a value of a {...} mapping ends the value: quote the value "
                   "(note: 'a, b') or write the mapping on several lines; " + fix)
        c.add(line, col, "FB010", f"unknown key {k!r} in {what}", fix)
    ok = True
    for k in [*(k for k, s in keys.items() if s.required), *required]:
        if k not in v:
            ok = False
            if k not in suggested:  # `vaule:` already said "did you mean 'value'?"
                doc = (keys.get(k) or schema.FACT.get(k) or schema.Key("str")).doc
                c.at(y, "FB011", f"{what} is missing required key {k!r}",
                     f"add `{k}: ...`" + (f" ({doc})" if doc else ""))
        elif v[k].value is None and not v[k].refused:
            ok = False
            line, col = y.key_pos[k]
            c.add(line, col, "FB011", f"required key {k!r} of {what} is empty", f"write a value after `{k}:`")
    return ok


def _str(y: Y | None, c: _Ctx, what: str) -> str | None:
    if y is None or y.refused:
        return None
    if not isinstance(y.value, str):
        if y.value is None:
            c.at(y, "FB012", f"`{what}` is empty", f"write a value after `{what}:` or remove the key")
        else:
            c.at(y, "FB012", f"`{what}` must be a single value, not {_describe(y)}", f"write `{what}: text`")
        return None
    return y.value


def _str_list(y: Y | None, c: _Ctx, what: str) -> list[Y]:
    if y is None or y.refused:
        return []
    if isinstance(y.value, str):
        return [y]  # one string is a list of one
    if not isinstance(y.value, list):
        if y.value is None:
            c.at(y, "FB012", f"`{what}` is empty", f"write `{what}: [a, b]` or remove the key")
        else:
            c.at(y, "FB012", f"`{what}` must be a list, not {_describe(y)}", f"write `{what}: [a, b]`")
        return []
    out = []
    for item in y.value:
        if item.refused:
            continue
        if not isinstance(item.value, str):
            c.at(item, "FB012", f"each item of `{what}` must be a single value, not {_describe(item)}",
                 "write one value per item; quote it if it contains ': ' or starts with a bracket")
            continue
        out.append(item)
    return out


def _bool(y: Y | None, c: _Ctx, what: str) -> bool:
    s = _str(y, c, what)
    if s is None or y is None:
        return False
    if s.lower() in _TRUE:
        return True
    if s.lower() not in _FALSE:
        c.at(y, "FB020", f"`{what}` must be true or false, not {s!r}", f"write `{what}: true` or `{what}: false`")
    return False


def _choice(y: Y | None, c: _Ctx, what: str, choices: tuple[str, ...]) -> str | None:
    s = _str(y, c, what)
    if s is None or y is None:
        return None
    if s not in choices:
        c.at(y, "FB020", f"unknown {what} {s!r}",
             _did_you_mean(s, choices) or f"use one of: {', '.join(choices)}")
        return None
    return s


def _date(y: Y | None, c: _Ctx, what: str) -> dt.date | None:
    s = _str(y, c, what)
    if s is None or y is None:
        return None
    try:
        if not _DATE.match(s):
            raise ValueError("not written YYYY-MM-DD")
        return dt.date.fromisoformat(s.strip())
    except ValueError as e:
        c.at(y, "FB020", f"`{what}` {s!r} is not a date: {e}", "write YYYY-MM-DD, e.g. 2021-12-07")
        return None


def word_start_pattern(source: str) -> str:
    r"""A user pattern as it is matched: from the start of a word. A match that begins with a letter
    begins a word, so the cue `mine` is not read in "determined" nor `level` in "Cleveland"; the end
    stays open (`launch` matches "launched"), and a pattern may still reach into a word on purpose
    (`\w*quake` matches "earthquake"). Digits do not count as letters: `ft` matches "394ft"."""
    if prefilter.starts_with_letter(source):
        return rf"(?<!\p{{L}})(?:{source})"  # the cheaper form, when every match starts with a letter
    return rf"(?:(?<!\p{{L}})|(?!\p{{L}}))(?:{source})"


def compile_pattern(y: Y, c: _Ctx, what: str, owner: str = "", word_start: bool = True) -> Pattern | None:
    """A user pattern, compiled case-insensitively and matched from the start of a word
    (`word_start_pattern`): FB030 does not compile, FB031 runs away (on the
    probes `factcheck lint` uses, factbase/runaway.py), FB032 matches the empty string. Long patterns
    are shown cut. `owner` ("fact `x.troops`") names a kind's key in FB031 and FB032 as lint does."""
    src = str(y.value)
    named = f"`{what}` of {owner}" if owner else f"`{what}`"
    key = word_start_pattern(src) if word_start else src
    rx = c.patterns.get(key)  # compiled in an earlier run (the checks below are made all the same)
    if rx is None:
        try:
            rx = regex.compile(key, regex.IGNORECASE)
        except regex.error as e:
            c.at(y, "FB030", f"`{what}` pattern {shown(src)} does not compile: {e}",
                 "check brackets, escapes and groups; quote patterns with single quotes in YAML")
            return None
        except (ValueError, OverflowError, RecursionError, TypeError, MemoryError) as e:
            c.at(y, "FB030", f"`{what}` pattern {shown(src)} is not usable: {e}", "simplify the pattern")
            return None
        c.patterns.put(key, rx)
    try:
        empty = rx.search("", timeout=RUNAWAY_TIMEOUT) is not None
    except TimeoutError:
        empty = False
    if empty:
        c.at(y, "FB032", f"{named} pattern {shown(src)} matches the empty string, so it matches everywhere",
             "remove the empty alternative or the `*`/`?` that makes the whole pattern optional")
        return None
    probe = runs_away(rx)
    if probe is not None:
        c.at(y, "FB031", f"{named} pattern {shown(src)} can run away (catastrophic backtracking on {probe!r}...)",
             "avoid nested repetition such as (a+)+ or (a|aa)+; make alternatives exclusive")
        return None
    if what in _PREFILTERED:
        prefilter.literals(src)  # what the checker's automaton will ask of it, kept with the pattern
    return Pattern(src, rx, c.pos(y))


def _patterns(y: Y | None, c: _Ctx, what: str, owner: str = "", word_start: bool = True) -> tuple[Pattern, ...]:
    out = []
    for item in _str_list(y, c, what):
        p = compile_pattern(item, c, what, owner, word_start)
        if p is not None:
            out.append(p)
    return tuple(out)


def _register(y: Y | None, c: _Ctx, st: _State, what: str) -> str | None:
    """Check and record an id (parties, events and facts have separate namespaces)."""
    fid = _str(y, c, "id")
    if fid is None or y is None:
        return None
    key = fid if what == "fact" else f"{what}:{fid}"
    if not _ID.match(fid):
        better = regex.sub(r"[^a-z0-9_.-]+", "_", fid.strip().lower()).strip("_.-") or "summit.duration"
        c.at(y, "FB015", f"{what} id {fid!r} is not a valid id",
             f"use lower-case letters, digits and _ separated by dots, e.g. {better!r}")
        return None
    if key in st.seen:
        p = st.seen[key]
        c.at(y, "FB021", f"duplicate {what} id {fid!r} (first defined at {p})", "give each id once: rename one")
        return None
    st.seen[key] = c.pos(y)
    return fid


def _load_file(tree: Y, c: _Ctx, st: _State) -> None:
    top = _mapping(tree, "a fact file", c, "top-level keys `parties:`, `events:` and `facts:`")
    if top is None:
        return
    reported = len(c.problems)
    _check_keys(tree, top, schema.TOP, "the fact file", c)
    if "version" in top:
        _str(top["version"], c, "version")
    entries = 0
    for section in ("parties", "events", "facts"):
        sy = top.get(section)
        if sy is None or sy.refused:
            continue
        if isinstance(sy.value, list):
            entries += len(sy.value)
        elif sy.value is None:
            line, col = tree.key_pos[section] if tree.key_pos else (sy.line, sy.col)
            c.add(line, col, "FB012", f"`{section}` is empty",
                  "list entries under it, each starting with `- id: ...`, or remove the key")
        else:
            c.at(sy, "FB012", f"`{section}` must be a list of entries, not {_describe(sy)}",
                 "start each entry with `- id: ...`")
    if entries == 0 and len(c.problems) == reported:
        present = [s for s in ("parties", "events", "facts") if s in top]
        line, col = tree.key_pos[present[0]] if present and tree.key_pos else (tree.line, tree.col)
        c.add(line, col, "FB051", "this file defines no parties, events or facts",
              "add entries to a top-level `facts:` (or `events:`, `parties:`) list, or delete the file")
    for py in _items(top, "parties"):
        _party(py, c, st)
    for ey in _items(top, "events"):
        _event(ey, c, st)
    for fy in _items(top, "facts"):
        f = _fact(fy, c, st, None)
        if f:
            st.facts.append(f)


def _items(top: dict[str, Y], key: str) -> list[Y]:
    y = top.get(key)
    return [i for i in y.value if not i.refused] if y is not None and isinstance(y.value, list) else []


def _party(y: Y, c: _Ctx, st: _State) -> None:
    v = _mapping(y, "a party", c, "`- id: putin` with `name:` and `aliases:` below it")
    if v is None:
        return
    n0 = len(c.problems)
    _check_keys(y, v, schema.PARTY, "party", c)
    pid = _register(v.get("id"), c, st, "party")
    aliases = tuple(str(a.value) for a in _str_list(v.get("aliases"), c, "aliases"))
    fuzzy = _bool(v.get("fuzzy"), c, "fuzzy")
    generic = _bool(v.get("generic"), c, "generic")
    name = _str(v.get("name"), c, "name")
    country = _str(v.get("country"), c, "country")
    if country is not None and country not in lang().countries:
        from factcheck.kinds.set import country_of, country_table

        cy = v["country"]
        canon = country_of(country)
        if canon is None:
            c.at(cy, "FB020", f"unknown country {country!r}",
                 _did_you_mean(country, sorted(set(country_table()[0].values())))
                 or "write a country's English name (Argentina, United Kingdom), as pycountry or "
                    "factcheck/data/en/countries.yaml has it")
        else:
            country = canon
    _str(v.get("note"), c, "note")
    if pid is None or len(c.problems) > n0:
        return
    st.parties[pid] = Party(pid, name or pid, aliases, fuzzy, country, c.pos(y), generic)


def _zone(y: Y | None, c: _Ctx) -> str | None:
    """An IANA zone name, checked against the zone database (zoneinfo + tzdata)."""
    name = _str(y, c, "zone")
    if name is None or y is None:
        return None
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        known = sorted(zoneinfo.available_timezones())
        c.at(y, "FB023", f"unknown time zone {name!r}",
             _did_you_mean(name, known) or "write an IANA zone name such as Europe/Paris or America/Santiago")
        return None
    return name


def _event(y: Y, c: _Ctx, st: _State) -> None:
    v = _mapping(y, "an event", c, "`- id: summit` with `what:`, `date:` and `facts:` below it")
    if v is None:
        return
    n0 = len(c.problems)
    _check_keys(y, v, schema.EVENT, "event", c)
    eid = _register(v.get("id"), c, st, "event")
    what = _str(v.get("what"), c, "what")
    date = _date(v.get("date"), c, "date")
    mode_words = _patterns(v.get("mode_words"), c, "mode_words")
    mode = _str(v.get("mode"), c, "mode")
    known_modes = tuple(lang().modes)
    if mode is not None and mode not in known_modes and not mode_words:
        c.at(v["mode"], "FB020", f"unknown mode {mode!r}",
             _did_you_mean(mode, known_modes)
             or f"use one of: {', '.join(known_modes)}, or give the words of your mode in `mode_words:`")
        mode = None
    place = _str(v.get("place"), c, "place")
    party_ys = _str_list(v.get("parties"), c, "parties")
    names = _patterns(v.get("names"), c, "names")
    words = _patterns(v.get("words"), c, "words")
    zone = _zone(v.get("zone"), c)
    _str(v.get("note"), c, "note")
    _str_list(v.get("sources"), c, "sources")
    fy = v.get("facts")
    fact_ys: list[Y] = []
    if fy is not None and not fy.refused:
        if isinstance(fy.value, list):
            fact_ys = [i for i in fy.value if not i.refused]
        else:
            c.at(fy, "FB012", f"`facts` of an event must be a list, not {_describe(fy)}",
                 "start each fact with `- id: ...`")
    ok = eid is not None and len(c.problems) == n0
    ev_facts = []
    for f_y in fact_ys:
        f = _fact(f_y, c, st, eid or "?", (date, zone))  # "?": still an event's fact (no FB017)
        if f is not None and ok:
            st.facts.append(f)
            ev_facts.append(f.id)
    id_y = v.get("id")
    shown_id = eid or (id_y.value if id_y is not None and isinstance(id_y.value, str) else "?")
    st.party_refs.extend((shown_id, c, p) for p in party_ys)
    if eid is None or not ok:
        return
    st.events[eid] = Event(id=eid, what=what or eid, date=date, mode=mode, place=place,
                           parties=tuple(str(p.value) for p in party_ys), names=names,
                           facts=tuple(ev_facts), position=c.pos(y), words=words, zone=zone,
                           mode_words=mode_words)


_KIND_KEYS = frozenset().union(*(k.option_keys for k in KINDS.values()))


@functools.cache  # read only: the same for every fact of a kind
def _kind_keys_elsewhere(kind: str) -> dict[str, tuple[str, str]]:
    """For FB016: each kind-specific key a `kind` fact does not take, with the message and the fix."""
    own = KINDS[kind].option_keys
    takes = ", ".join(sorted(own)) or "no kind-specific keys"
    out = {}
    for k in _KIND_KEYS - own:
        owners = [n for n, kd in KINDS.items() if k in kd.option_keys]
        out[k] = (f"key {k!r} does not apply to {_a(kind)} fact",
                  f"`{k}` is for {' and '.join(owners)} facts; a {kind} fact takes {takes}: remove it or fix `kind`")
    return out


def _locate(msg: str, nodes: Iterable[Y], default: Y) -> Y:
    """The node a kind's error message is about: the (item) whose value it quotes."""
    for node in nodes:
        items = (node.value if isinstance(node.value, list)
                 else list(node.value.values()) if isinstance(node.value, dict) else [node])
        for item in items:
            if isinstance(item.value, str) and repr(item.value) in msg:
                return item
    return default


_NUMBER_KINDS = ("count", "ordinal", "quantity")


def _a(word: str) -> str:
    """The word with its article: "a date", "an outcome"."""
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _value_words(y: Y | None, kind: str | None, c: _Ctx) -> tuple[tuple[Pattern, float], ...]:
    """`value_words: {hat-trick: 3, brace: 2}`: words of the story that stand for a number."""
    if y is None or y.refused:
        return ()
    if kind not in _NUMBER_KINDS:
        c.at(y, "FB016", f"`value_words` does not apply to {_a(kind or '?')} fact",
             f"`value_words` is for {', '.join(_NUMBER_KINDS)} facts: remove it or fix `kind`")
        return ()
    if not isinstance(y.value, dict):
        c.at(y, "FB012", f"`value_words` must be a mapping, not {_describe(y)}", "write `value_words: {hat-trick: 3}`")
        return ()
    out = []
    for k, vy in y.value.items():
        word = str(k)
        try:
            number = float(str(vy.value).replace(",", ""))
        except ValueError:
            c.at(vy, "FB020", f"`value_words`: {word!r} must stand for a number, not {vy.value!r}",
                 "write the number it stands for: `hat-trick: 3`")
            continue
        phrase = regex.escape(word).replace(r"\ ", r"\s+")
        compiled = regex.compile(rf"(?<![\p{{L}}\d])(?:{phrase})(?![\p{{L}}])", regex.IGNORECASE)
        out.append((Pattern(word, compiled, c.pos(vy)), number))
    return tuple(out)


def _fact(y: Y, c: _Ctx, st: _State, event: str | None,
          event_info: tuple[dt.date | None, str | None] = (None, None)) -> Fact | None:
    v = _mapping(y, "a fact", c, "`- id: summit.date` with `kind:` and `value:` below it")
    if v is None:
        return None
    n0 = len(c.problems)
    kind_y = v.get("kind")
    kind = _str(kind_y, c, "kind") if kind_y is not None and kind_y.value is not None else None
    kind_obj = KINDS.get(kind) if kind else None
    if kind_y is not None and kind is not None and kind_obj is None:
        c.at(kind_y, "FB013", f"unknown kind {kind!r}",
             _did_you_mean(kind, KINDS) or f"use one of: {', '.join(KINDS)}")
    common = {k: s for k, s in schema.FACT.items() if k not in _KIND_KEYS}
    if kind_obj is not None and kind is not None:
        keys_ok = _check_keys(y, v, common, "fact", c, also=kind_obj.option_keys,
                              elsewhere=_kind_keys_elsewhere(kind),
                              required=schema.KIND_REQUIRED.get(kind, ()))
    else:
        keys_ok = _check_keys(y, v, common, "fact", c, also=_KIND_KEYS)
    fid = _register(v.get("id"), c, st, "fact")
    id_y = v.get("id")
    shown_id = fid or (id_y.value if id_y is not None and isinstance(id_y.value, str) else "?")

    # kind-specific keys: their patterns first (with positions), then the kind's own checks
    options: dict[str, Any] | None = None
    if kind_obj is not None and kind is not None:
        n_opts = len(c.problems)
        for k in sorted(kind_obj.option_keys & set(v), key=lambda k: y.key_pos[k] if y.key_pos else (0, 0)):
            t = schema.FACT[k].type
            if t == "regex":
                s = _str(v[k], c, k)
                if s is not None:
                    compile_pattern(v[k], c, k, f"fact `{shown_id}`", word_start=False)
            elif t == "list[regex]":
                _patterns(v[k], c, k, f"fact `{shown_id}`", word_start=False)
            elif t == "list[str]":
                _str_list(v[k], c, k)
            elif t == "map":
                if not isinstance(v[k].value, dict):
                    c.at(v[k], "FB012", f"`{k}` must be a mapping, not {_describe(v[k])}",
                         f"write `{k}: {{word: value}}`")
            else:
                _str(v[k], c, k)
        missing = [k for k in schema.KIND_REQUIRED.get(kind, ()) if k not in v]
        if len(c.problems) == n_opts and not missing:
            raw_opts = {k: v[k].plain() for k in kind_obj.option_keys if k in v}
            if kind == "time":
                # a clock time is an instant on the event's day, in its place's zone
                raw_opts.update({"_date": event_info[0], "_zone": event_info[1]})
            order = sorted(kind_obj.option_keys & set(v), key=lambda k: y.key_pos[k] if y.key_pos else (0, 0))
            try:
                options = kind_obj.parse_options(raw_opts)
            except FactValueError as e:
                # the key the message names ("`unit_words`: 'degC' ..."), else the item it quotes
                named = [k for k in order if f"`{k}`" in str(e)]
                at = _locate(str(e), [v[k] for k in named + order], v[(named or order)[0]] if order else y)
                c.at(at, "FB020", f"fact {shown_id!r}: {e}", e.fix or "see docs/facts.md for the kind's keys")
            except Exception as e:  # noqa: BLE001 - a bug in a kind must not hide the other problems
                _kind_failed(c, v[order[0]] if order else y, shown_id, kind, "keys", e)

    value: Any = None
    value_y = v.get("value")
    if options is not None and kind_obj is not None and kind is not None and value_y is not None \
            and value_y.value is not None and not value_y.refused:
        value = _parse_value(kind, value_y, options, c, shown_id)
    variants, spellings = _variants(kind, v.get("variants"), options, c, shown_id)
    distractors, _ = _variants(kind, v.get("distractors"), options, c, shown_id, "distractors")

    when = None
    wy = v.get("when")
    if wy is not None:
        wv = _mapping(wy, "`when`", c, "`when: {from: 2021-11-01, to: 2021-12-31}`")
        if wv is not None and _check_keys(wy, wv, schema.WHEN, "`when`", c):
            a, b = _date(wv["from"], c, "from"), _date(wv["to"], c, "to")
            if a and b:
                if a > b:
                    c.at(wv["to"], "FB020", f"`when` ends ({b}) before it starts ({a})",
                         "swap `from` and `to`, or fix the year")
                else:
                    when = (a, b)
    omission = _choice(v.get("omission"), c, "omission", schema.FACT["omission"].choices)
    figure = _choice(v.get("figure"), c, "figure", schema.FACT["figure"].choices) or "value"
    if figure == "part" and kind != "count":
        c.at(v["figure"], "FB020", "`figure: part` is for counts only (another 12 cars, four more)",
             "use `kind: count`, or another `figure`")
        figure = "value"
    severity = _choice(v.get("severity"), c, "severity", schema.FACT["severity"].choices) or "error"
    far = _choice(v.get("far"), c, "far", schema.FACT["far"].choices) or "unclear"
    value_words = _value_words(v.get("value_words"), kind, c)
    pats = {k: _patterns(v.get(k), c, k) for k in _PATTERN_KEYS}
    sources = tuple(str(s.value) for s in _str_list(v.get("sources"), c, "sources"))
    tags = tuple(str(t.value) for t in _str_list(v.get("tags"), c, "tags"))
    note = _str(v.get("note"), c, "note") or ""
    cues_y = v.get("cues")
    no_cues = cues_y is None or (isinstance(cues_y.value, list) and not cues_y.value)
    if event is not None:
        for key in ("cues", "when"):
            if key in v:
                c.at(v[key], "FB018", f"fact {shown_id!r} is an event's fact: `{key}` is ignored there",
                     "an event's fact binds in clauses about its event; use `near:` for words that must stand"
                     " before the value, `exclude:` for words that take it away, or move the fact to the "
                     "top-level `facts:` list")
    if kind == "name" and "others" in v and "patterns" not in v:
        c.at(v["others"], "FB019", f"fact {shown_id!r}: `others` is read only with `patterns`, so it is ignored here",
             "a near-miss of the name's spelling contradicts by itself; list other people's names as "
             "`distractors` (set aside), or add `patterns` that read who did what")
    if event is not None and kind == "year":
        c.at(y, "FB024", f"fact {shown_id!r} is a year under an event: a year is read only beside the fact's "
             "`cues`, which an event's fact does not have, so it can never bind",
             "move it to the top-level `facts:` list with `cues: ['word|other word']` (\"The 2017 Nobel "
             "Prize\": `cues: ['Nobel']`)")
    if event is None and kind not in ("name", "quote") and no_cues:
        c.at(y, "FB017", f"fact {shown_id!r} belongs to no event and has no `cues`, so it can never bind",
             "add `cues: ['word|other word']`, or move the fact under an event's `facts:`")
    if len(c.problems) > n0 or not keys_ok or fid is None or kind is None or kind_obj is None \
            or options is None or value is None or value_y is None:
        return None
    if kind == "name" and "patterns" not in options:
        st.spellings.append((fid, str(value), c, value_y))
        st.spellings.extend((fid, s, c, sy) for s, sy in spellings)
    return Fact(
        id=fid, kind=kind, value=value, raw_value=value_y.plain(), position=c.pos(y), event=event,
        variants=variants, distractors=distractors, cues=pats["cues"], exclude=pats["exclude"], near=pats["near"],
        exclude_near=pats["exclude_near"], when=when, options=options, sources=sources, note=note,
        omission=omission, tags=tags, expected=kind_obj.render(value), figure=figure, value_words=value_words,
        severity=severity, far=far,
    )


def _parse_value(kind: str, y: Y, options: dict[str, Any], c: _Ctx, fid: str) -> Any:
    kind_obj = KINDS[kind]
    raw = y.plain()
    try:
        value = kind_obj.parse_value(raw, options)
        kind_obj.render(value)
    except FactValueError as e:
        c.at(_locate(str(e), [y], y), "FB020", f"fact {fid!r}: {e}", e.fix or "see docs/facts.md for the kind's values")
        return None
    except Exception as e:  # noqa: BLE001 - a bug in a kind must not hide the other problems
        _kind_failed(c, y, fid, kind, "value", e)
        return None
    left = _leftover(kind, raw)
    if left:
        hedge_where = ("a hedge goes in `hedge:`" if "hedge" in schema.KIND_KEYS.get(kind, frozenset()) else
                       f"a {kind} fact states its exact figure (an approximate one: `kind: quantity` with `hedge:`)")
        c.at(y, "FB020", f"fact {fid!r}: {left}", "write the number alone: digits (94300, 94,300) or number words "
             f"(ninety-four thousand); {hedge_where}")
        return None
    return value


def _kind_failed(c: _Ctx, y: Y, fid: str, kind: str, what: str, e: Exception) -> None:
    c.at(y, "FB029", f"fact {fid!r}: the {kind} kind failed on this {what} ({type(e).__name__}: {e})",
         "this is a bug in factcheck: please report it with this fact; meanwhile write the value another way")


def _leftover(kind: str, raw: object) -> str:
    """Quantities and counts: the kinds read the first number in the value and would drop the rest
    ("ninety-fiv" read as 90, "up to 175000" as exactly 175000): nothing else may be written."""
    if kind not in ("quantity", "count") or not isinstance(raw, str):
        return ""
    nums = find_numbers(raw)
    if len(nums) != 1:
        return ""
    n = nums[0]
    if n.hedge:
        return f"the value {raw!r} carries a hedge; a fact's value is the number alone"
    if kind == "quantity":
        return ""  # the rest is a unit, read (or refused with its own message) by the kind
    rest = (raw[: n.span_start] + " " + raw[n.end :]).strip(" \t,.-")
    return f"cannot read {raw!r} as one number: {rest!r} is left over" if rest else ""


def _variants(kind: str | None, y: Y | None, options: dict[str, Any] | None, c: _Ctx,
              fid: str, key: str = "variants") -> tuple[tuple[Variant, ...], list[tuple[str, Y]]]:
    """The variants (or, with `key="distractors"`, the distractors), and (spelling, where) of each
    for the name collision check."""
    if y is None or y.refused:
        return (), []
    if not isinstance(y.value, list):
        c.at(y, "FB012", f"`{key}` must be a list, not {_describe(y)}", f"write `{key}: [value, value]`")
        return (), []
    items = [i for i in y.value if not i.refused]
    out: list[Variant] = []
    spellings: list[tuple[str, Y]] = []
    if key == "distractors" and options is not None:
        # another figure is the figure written, never the fact's own bound ("more than 220 mph" made a
        # distractor of 185 mph "more than 185", which then set aside a wrong 200 mph)
        options = {k: v for k, v in options.items() if k not in ("hedge", "hedge_class")}
    for item in items:
        vy: Y | None = item
        attr = None
        note = ""
        if isinstance(item.value, dict):
            iv = item.value
            keys = schema.VARIANT if key == "variants" else {k: v for k, v in schema.VARIANT.items()
                                                              if k != "attribution"}
            _check_keys(item, iv, keys, "variant" if key == "variants" else "distractor", c)
            vy = iv.get("value")
            if vy is not None and (vy.value is None or vy.refused):
                vy = None
            if "attribution" in iv and _str(iv["attribution"], c, "attribution") is not None:
                attr = compile_pattern(iv["attribution"], c, "attribution")
            note = _str(iv.get("note"), c, "note") or ""
        elif item.value is None:
            c.at(item, "FB012", f"a {'variant' if key == 'variants' else 'distractor'} is empty",
                 "write a value, or `- value: ...` with `attribution:`" if key == "variants"
                 else "write a value, or `- value: ...` with `note:`")
            continue
        if vy is None or kind is None or options is None:
            continue
        value = _parse_value(kind, vy, options, c, fid)
        if value is not None:
            out.append(Variant(value, attr, note))
            spellings.append((str(value), vy))
    return tuple(out), spellings


def _check_party_refs(st: _State) -> None:
    for eid, c, y in st.party_refs:
        if y.value not in st.parties:
            c.at(y, "FB022", f"event {eid!r} names unknown party {y.value!r}",
                 _did_you_mean(str(y.value), st.parties) or "define it under `parties:` (in any fact file)")


def _check_collisions(st: _State) -> None:
    """A name variant listed for two different people makes one of them unfalsifiable (FB040)."""
    owner: dict[str, tuple[str, _Ctx, Y]] = {}
    for fid, spelling, c, y in st.spellings:
        key = " ".join(spelling.lower().split())
        if key in owner and owner[key][0] != fid:
            ofid, oc, oy = owner[key]
            c.at(y, "FB040", f"name {spelling!r} of {fid!r} is also a name of {ofid!r} ({oc.path}:{oy.line})",
                 "keep each spelling under one person")
        owner.setdefault(key, (fid, c, y))
