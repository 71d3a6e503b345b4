"""Safe YAML with positions.

The fact files are composed (not constructed) with PyYAML's safe loader (libyaml's `CSafeLoader`
where PyYAML has it, see `compose`) so that every value keeps
its line and column and stays the string the curator wrote: plain `yaml.safe_load` turns `10:30`
into 630, `no` into False and an invalid date into a bare ValueError with no location. Only the
standard tags are accepted (`!!python/object` and friends are refused with a position), and the
tree is measured before it is built: a "billion laughs" file, a recursive alias or nesting deeper
than any fact file needs is refused at once instead of eating the machine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from factcheck.errors import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  # values the file may expand to, aliases expanded
MAX_DEPTH = 64  # nesting of lists and mappings (a fact file needs 6)

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"

# Fixes for PyYAML's syntax errors, by a fragment of its message.
_SYNTAX_FIXES = (
    ("found character '\\t'", "indent with spaces, never tabs"),
    ("expected a single document", "keep one document per file: remove the second `---`"),
    ("found undefined alias", "define the anchor (&name) before using it (*name), or write the value out"),
    ("could not find expected ':'", "a key needs a colon and a space: `key: value`"),
    ("mapping values are not allowed here",
     "a value containing ': ' must be quoted: `note: 'a: b'` (quote regular expressions with single quotes)"),
    ("found unexpected end of stream", "close the quote or bracket that is still open"),
    ("found unknown escape character",
     "inside double quotes a backslash starts an escape: use single quotes for regular expressions"),
    ("did not find expected key", "check the indentation: keys of one mapping start in the same column"),
    ("did not find expected '-' indicator", "check the indentation: items of one list start in the same column"),
)
# Errors PyYAML notices only further on: point at where the construct began instead.
_AT_CONTEXT = ("could not find expected ':'", "found unexpected end of stream")
_SYNTAX_DEFAULT_FIX = ("check indentation, a missing colon or an unclosed quote or bracket "
                       "(quote regular expressions with single quotes)")

# (line, col, code, message, fix) -> Problem
Report = Callable[[int, int, str, str, str], Problem]


@dataclass(frozen=True)
class Y:
    """A YAML value with its position: `value` is a str, a list of Y, a dict of str -> Y, or None.

    `refused` marks a value that was reported and dropped (a forbidden tag): the loader treats its
    key as present so that no second, misleading problem ("missing key") follows from it."""

    value: str | list[Y] | dict[str, Y] | None
    line: int
    col: int
    key_pos: dict[str, tuple[int, int]] | None = None  # mapping: where each key is written
    refused: bool = False

    def plain(self) -> object:
        """The value without positions (strings, lists, dicts)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The lines of `text` as YAML counts them (unlike str.splitlines, a form feed or a vertical tab
    does not end a line), so that line N of a problem is the line PyYAML's marks call N."""
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_yaml(path: str, text: str) -> tuple[Y | None, list[Problem]]:
    """Compose `text` into a positioned tree; problems carry path:line:col. Never raises."""
    lines = split_lines(text)

    def problem(line: int, col: int, code: str, msg: str, fix: str = "") -> Problem:
        lt = lines[line - 1] if 0 < line <= len(lines) else ""
        return Problem(path, line, col, code, msg, fix, lt)

    if len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        return None, [problem(1, 1, "FB050", f"fact file larger than {MAX_FILE_BYTES} bytes",
                              "split it into several files in the same directory")]
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and any(f in str(e.problem) for f in _AT_CONTEXT):
            mark = e.context_mark  # the key without a colon, the quote or bracket left open
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        if "unknown escape" in str(e.problem) and col > 1:
            col -= 1  # PyYAML marks the letter after the backslash
        what = e.problem or e.context or "invalid YAML"
        if e.context and e.problem:
            what = f"{e.problem} ({e.context})"
        fix = next((f for frag, f in _SYNTAX_FIXES if frag in str(e)), _SYNTAX_DEFAULT_FIX)
        return None, [problem(line, col, "FB001", f"YAML syntax: {what}", fix)]
    except RecursionError:
        return None, [problem(1, 1, "FB003", "the file nests lists or mappings too deeply to read",
                              f"a fact file needs a few levels of nesting; keep it under {MAX_DEPTH}")]
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, e.g. NUL
        before = split_lines(text[: e.position] + "|")
        return None, [problem(len(before), len(before[-1]), "FB001",
                              f"YAML syntax: character #x{e.character:04x} is not allowed in YAML"
                              if isinstance(e.character, int) else f"YAML syntax: {e.reason}",
                              "remove the control character (an editor may show it as a box or ^@)")]
    except yaml.YAMLError as e:
        return None, [problem(1, 1, "FB001", f"YAML error: {e}", "save the file as plain UTF-8 text")]
    if node is None:
        return None, []
    problems = _measure(node, problem)
    if problems:
        return None, problems
    tree = _convert(node, problems, problem)
    return tree, problems


#: libyaml's loader (PyYAML built with it: the wheels of every common platform), else None
_C_LOADER: type | None = getattr(yaml, "CSafeLoader", None)


def compose(text: str) -> yaml.Node | None:
    """`yaml.compose` with the safe loader: libyaml's (about 20 times faster: a 3,000-fact base
    starts in a fraction of the time) when PyYAML has it, the pure-Python one otherwise. Both give
    the same nodes, tags, values and marks (line, column) on every fact file; libyaml also refuses
    nesting over 1,000 levels instead of recursing. A file libyaml refuses for any reason is composed
    again by the pure-Python loader, so that a problem is reported with its messages and marks
    (the fixes of `_SYNTAX_FIXES` are written for them)."""
    if _C_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_C_LOADER)
        except Exception:  # noqa: BLE001 - the pure loader below says what is wrong, and where
            pass
    return yaml.compose(text, Loader=_PureLoader)


class _PureLoader(yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, reading plain scalars inside brackets and braces as libyaml
    (0.2.5 and later) and YAML 1.2 do: a "?" is text there (`{note: about 33 crore (agree?)}`), not
    the end of the scalar. Without this a file that loads on a machine with libyaml is refused on one
    without it. `scan_plain` is PyYAML 6's (MIT licence), with "?" left out of the flow stops."""

    def scan_plain(self) -> yaml.tokens.ScalarToken:
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] = []
        blank = "\0 \t\r\n\x85\u2028\u2029"
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                ch = self.peek(length)
                flow = ",[]{}" if self.flow_level else ""
                if ch in blank or ch in flow or (ch == ":" and self.peek(length + 1) in blank + flow):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces)
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark) or []
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return yaml.tokens.ScalarToken("".join(chunks), True, start_mark, end_mark)


def _measure(root: yaml.Node, problem: Report) -> list[Problem]:
    """Refuse a tree that aliases expand beyond MAX_NODES, that refers to itself, or that nests
    deeper than MAX_DEPTH, before anything is built (aliases make the node graph a DAG, so the
    expanded size is computed once per node)."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    # iterative post-order walk: (node, depth, children done?)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        nid = id(node)
        if done:
            on_path.discard(nid)
            kids = _children(node)
            total = 1 + sum(size[id(k)] for k in kids)
            size[nid] = total
            if total > MAX_NODES:
                # the first node whose expansion is too big while its parts are not: the bomb's top
                line, col = _pos(node)
                return [problem(line, col, "FB003",
                                f"the file expands to more than {MAX_NODES} values through aliases (alias bomb?)",
                                "remove anchors and aliases (&name / *name); write values out")]
            continue
        if nid in size:
            continue
        if nid in on_path:
            line, col = _pos(node)
            return [problem(line, col, "FB003", "an alias refers to a value that contains it (a recursive alias)",
                            "remove the alias (*name) inside its own anchor (&name)")]
        if depth > MAX_DEPTH:
            line, col = _pos(node)
            return [problem(line, col, "FB003", f"lists and mappings nested more than {MAX_DEPTH} deep",
                            "a fact file needs a few levels of nesting: flatten this value")]
        on_path.add(nid)
        stack.append((node, depth, True))
        for k in reversed(_children(node)):
            if id(k) not in size:
                stack.append((k, depth + 1, False))
    return []


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for kv in node.value for n in kv]
    return []


def _convert(node: yaml.Node, problems: list[Problem], problem: Report) -> Y:
    """The positioned tree; forbidden tags are reported and their values kept as refused."""
    line, col = _pos(node)
    if node.tag not in _SAFE_TAGS:
        problems.append(problem(line, col, "FB002", f"tag {node.tag!r} is not allowed",
                                "remove the tag: fact files hold plain strings, lists and mappings"))
        return Y(None, line, col, refused=True)
    if isinstance(node, yaml.ScalarNode):
        is_null = node.tag.endswith(":null") and node.value in ("", "~", "null", "Null", "NULL")
        return Y(None if is_null else str(node.value), line, col)
    if isinstance(node, yaml.SequenceNode):
        return Y([_convert(n, problems, problem) for n in node.value], line, col)
    assert isinstance(node, yaml.MappingNode)
    out: dict[str, Y] = {}
    kpos: dict[str, tuple[int, int]] = {}
    for k, v in node.value:
        kl, kc = _pos(k)
        if k.tag == _MERGE_TAG:
            problems.append(problem(kl, kc, "FB002", "merge keys (`<<: *name`) are not supported",
                                    "write the keys out in each mapping"))
            continue
        if not isinstance(k, yaml.ScalarNode) or k.tag not in _SAFE_TAGS:
            problems.append(problem(kl, kc, "FB012", "a key must be a plain word",
                                    "write `key: value` with a plain word before the colon"))
            continue
        key = str(k.value)
        if key in out:
            first = kpos[key]
            problems.append(problem(kl, kc, "FB014",
                                    f"key {key!r} is given twice in this mapping (first at line {first[0]})",
                                    "keep one of them (YAML would silently keep only the last)"))
            continue
        out[key] = _convert(v, problems, problem)
        kpos[key] = (kl, kc)
    return Y(out, line, col, kpos)
