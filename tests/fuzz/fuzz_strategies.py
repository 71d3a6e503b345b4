"""Hypothesis strategies for the robustness fuzzing of factcheck (issue #5).

Articles are built from the pieces that make the checker work hard: news words taken from the
seed corpus, the parties' names and garbled names, numbers with hedges, dates, weekdays, clock
times with zones, durations, punctuation that ends (or seems to end) sentences, quotes, list
separators, control and bidi characters, and arbitrary Unicode.

Fact files are YAML texts: valid ones assembled from known-good parts (every kind, events with
parties, cue facts), and broken ones made from them by mutations (a typo in a key, a value of the
wrong shape, an unknown kind, a dangerous tag, an alias, a tab, a cut in the middle, random
characters or bytes spliced in).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


@cache
def seed_words() -> tuple[str, ...]:
    """Distinct words (and the punctuation glued to them) of the seed articles."""
    words: dict[str, None] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for w in path.read_text(encoding="utf-8").split():
            words[w] = None
    return tuple(words)


@cache
def seed_sentences() -> tuple[str, ...]:
    """Sentences of the seed articles (cut on '. ')."""
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for part in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            if part.strip():
                out.append(part.strip())
    return tuple(out)


NAMES = (
    "Biden", "Joe Biden", "President Biden", "Putin", "Vladimir Putin", "Kremlin", "Zelenskyy",
    "Zelensky", "Zelenskyyk", "Binden", "Antony Blinken", "Anthony Brinken", "Tony Blinken",
    "Jen Psaki", "Jenn Psaki", "Dmitry Peskov", "Peskow", "Emily Horne", "Macron", "Scholz",
    "Draghi", "Johnson", "Jake Sullivan", "Yuri Ushakov", "TASS", "RIA Novosti", "NATO", "Ukraine",
    "Russia", "the United States", "France", "Germany", "Italy", "United Kingdom", "Kyiv", "Kiev",
    "Geneva", "U.S. president", "Russian leader", "Secretary of State",
)  # fmt: skip
EVENT_WORDS = (
    "video call", "video summit", "videoconference", "virtual meeting", "phone call", "call",
    "talks", "meeting", "summit", "conversation", "secure video link", "in person",
)  # fmt: skip
HEDGES = (
    "", "about ", "around ", "roughly ", "some ", "nearly ", "almost ", "just under ", "just over ",
    "more than ", "over ", "at least ", "up to ", "as many as ", "less than ", "fewer than ",
    "an estimated ", "close to ",
)  # fmt: skip
NUMBER_WORDS = (
    "one", "two", "three", "ten", "twelve", "ninety-four", "a hundred", "thousand", "thousands",
    "tens of thousands", "hundreds", "dozens", "half", "a half", "million", "billion", "zero",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan.", "Feb.", "Dec.", "Sept.",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Tues.", "today",
            "yesterday", "tomorrow", "last week", "next month", "the same day", "two days after")
ZONES = ("ET", "EST", "GMT", "UTC", "CET", "Moscow time", "MSK", "a.m.", "p.m.", "am", "pm", "local time", "")
UNITS = ("troops", "soldiers", "minutes", "hours", "hour", "min", "countries", "members", "allies", "people",
         "percent", "%", "km", "days", "years", "leaders")
PUNCTUATION = (
    ".", ",", ";", ":", "!", "?", "...", "…", "—", "–", "-", "(", ")", "[", "]", "\"", "'", "“", "”",
    "‘", "’", "«", "»", "/", "\\", "|", "&", "*", "#", "$", "€", "%", "\n", "\n\n", "\r\n", "\t", " ",
    "  ", "U.S.", "Mr.", "Dr.", "No.", "e.g.", "a.m.", "(AP)", "—AP", "Source link", "Share:",
)  # fmt: skip
CONTROLS = (
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1b[31m", "\x7f", "\x85", "\u00a0", "\u200b",
    "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff", "\ufffd",
    "\ud7ff", "\U0001f600", "\u0301", "\u0338", "\u3000", "\uff11\uff12", "\u0663\u0664",
)  # fmt: skip


@st.composite
def numbers(draw: st.DrawFn) -> str:
    n = draw(st.one_of(
        st.integers(min_value=0, max_value=10**12).map(str),
        st.integers(min_value=1000, max_value=10**9).map(lambda i: f"{i:,}"),
        st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.2f}"),
        st.sampled_from(NUMBER_WORDS),
        st.sampled_from(("1.5", "2.5", "0.5", "94,300", "175,000", "100 000", "10 000", "1,2,3", "3-4", "2-3",
                         "9999999999999999999999", "9" * 400, "1" + "0" * 308, "1e9", "-5", "+7", "½", "¾", "1/2",
                         "0x1F", "١٢", "٣", "\U00011f50\U00011f51", "\U00010d40")),  # Kawi, Garay digits
    ))
    return draw(st.sampled_from(HEDGES)) + n


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.integers(min_value=0, max_value=40))
    month = draw(st.sampled_from(MONTHS))
    year = draw(st.integers(min_value=1, max_value=9999))
    forms = (
        f"{month} {day}, {year}", f"{day} {month} {year}", f"{month} {day}", f"{day} {month}",
        f"{year}-{day:02d}-{day:02d}",
        f"{year}-12-07", f"{draw(st.sampled_from(WEEKDAYS))}", f"on {draw(st.sampled_from(WEEKDAYS))}, {month} {day}",
        f"{month} {year}", f"in {year}", f"since {year}", f"{day}/{day}/{year}", f"the {day}th", f"{year}s",
        f"{year}–{year + 1}", f"between {year} and {year}",
    )
    return draw(st.sampled_from(forms))


@st.composite
def times(draw: st.DrawFn) -> str:
    h = draw(st.integers(min_value=0, max_value=30))
    m = draw(st.integers(min_value=0, max_value=70))
    zone = draw(st.sampled_from(ZONES))
    forms = (f"{h}:{m:02d} {zone}", f"{h:02d}{m:02d} {zone}", f"{h} {zone}", f"{h}.{m:02d} {zone}", "noon",
             "midnight", f"{h}:{m:02d}–{h + 1}:{m:02d} {zone}", f"at {h} o'clock")
    return draw(st.sampled_from(forms)).strip()


@st.composite
def durations(draw: st.DrawFn) -> str:
    forms = ("two hours", "two hours and one minute", "121 minutes", "2 hours", "an hour", "half an hour",
             "90 minutes", "about two hours", "a two-hour call", "more than two hours", "two-hour", "1h 30m",
             "hours", "minutes", "a minute", "0 minutes", "99999 hours")
    counted = st.builds(lambda n, u: f"{n} {u}", numbers(), st.sampled_from(UNITS))
    return draw(st.one_of(st.sampled_from(forms), counted))


def tokens() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(seed_words()),
        st.sampled_from(seed_words()),
        st.sampled_from(NAMES),
        st.sampled_from(EVENT_WORDS),
        numbers(),
        st.builds(lambda n, u: f"{n} {u}", numbers(), st.sampled_from(UNITS)),
        dates(),
        times(),
        durations(),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(CONTROLS),
        st.text(max_size=12),
        st.characters().map(str),
    )


@st.composite
def articles(draw: st.DrawFn, max_tokens: int = 120) -> str:
    """An article: news-like tokens joined by spaces (or not), sometimes around whole seed sentences."""
    parts = draw(st.lists(tokens(), max_size=max_tokens))
    glue = draw(st.sampled_from((" ", " ", "", "\n", ". ", ", ")))
    text = glue.join(parts)
    if draw(st.booleans()):
        sentences = draw(st.lists(st.sampled_from(seed_sentences()), max_size=4))
        pos = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:pos] + " " + " ".join(sentences) + " " + text[pos:]
    return text


# -- fact files ---------------------------------------------------------------------------------

PATTERNS = (
    "troops|soldiers", "summit", "video[- ]?call", "withdraw\\w*", "NATO\\s+members?", "founded|since",
    "leaders|allies", "(?:call|talks)\\s+with", "Kremlin|TASS", "began|started", "\\bended\\b", "independen\\w+",
)  # fmt: skip
BAD_PATTERNS = ("(a|aa)+$", "(x+x+)+y", "(", "[z-a]", "a{2,1}", "summit|", "a*", "(?P<who", "\\", "(?<!a+)b",
                "(\\w+\\s?)+$", "[[:alpha:]]", "\\p{Nope}", "(?i)(?u)x", "x{99999999999}")
GOOD_FACTS: tuple[tuple[str, dict[str, object]], ...] = (
    ("date", {"value": "2021-12-07"}),
    ("time", {"value": "10:07 ET"}),
    ("time", {"value": "15:07 GMT", "near": ["began|started"]}),
    ("duration", {"value": "121 min", "variants": [{"value": "122 min", "attribution": "TASS|Kremlin"}]}),
    ("duration", {"value": "about 90 min"}),
    ("quantity", {"value": "94300", "unit": "troops|soldiers"}),
    ("quantity", {"value": "175000", "hedge": "up to"}),
    ("count", {"value": "30", "counted": "members|countries"}),
    ("year", {"value": "1991"}),
    ("set", {"value": ["France", "Germany", "Italy", "United Kingdom"], "universe": "countries",
             "counted": "leaders|allies"}),
    ("set", {"value": ["2014", "2015"], "universe": "years"}),
    ("name", {"value": "Antony Blinken", "variants": ["Tony Blinken"], "context": ["Secretary\\s+of\\s+State"]}),
)
BAD_VALUES = ("", "2021-13-45", "25:99 XT", "ninety-fiv", "20144", "[a, b]", "{x: 1}", "null", "~", "yes", "0x10",
              "-1", "1e400", "not a value", "10:30", "2021-02-30", "∞", "\x00", "'", "\"")
KINDS = ("date", "time", "duration", "quantity", "count", "year", "set", "name")


@st.composite
def fact_entry(draw: st.DrawFn, event: str | None, index: int) -> dict[str, object]:
    kind, extra = draw(st.sampled_from(GOOD_FACTS))
    fid = f"{event or 'bg'}.f{index}_{kind}"
    entry: dict[str, object] = {"id": fid, "kind": kind, **extra}
    if event is None and kind != "name":
        entry["cues"] = draw(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        entry["exclude"] = draw(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=2, unique=True))
    if draw(st.booleans()):
        entry["note"] = draw(st.text(max_size=30))
    if draw(st.booleans()):
        entry["when"] = {"from": "2021-11-20", "to": "2021-12-31"}
    return entry


@st.composite
def valid_fact_tree(draw: st.DrawFn) -> dict[str, object]:
    """A fact base that should load: parties, an event or two with facts, background facts."""
    parties = [
        {"id": "biden", "name": "Joe Biden", "aliases": ["Biden", "U.S. president"], "fuzzy": draw(st.booleans())},
        {"id": "putin", "name": "Vladimir Putin", "aliases": ["Putin", "Kremlin leader"], "country": "Russia"},
    ]
    events = []
    for i in range(draw(st.integers(min_value=0, max_value=2))):
        eid = f"event{i}"
        facts = [draw(fact_entry(eid, j)) for j in range(draw(st.integers(min_value=0, max_value=4)))]
        events.append({
            "id": eid, "what": draw(st.sampled_from(("a video summit", "a phone call", "talks in Geneva"))),
            "date": draw(st.sampled_from(("2021-12-07", "2021-06-16", "2021-12-30"))),
            "mode": draw(st.sampled_from(("video", "phone", "in_person"))),
            "parties": ["biden", "putin"],
            "names": draw(st.lists(st.sampled_from(PATTERNS), max_size=2, unique=True)),
            "facts": [f for f in facts if f["kind"] != "name"],
        })
    background = [draw(fact_entry(None, j)) for j in range(draw(st.integers(min_value=1, max_value=4)))]
    # a spelling may belong to one person only (FB040)
    names = [f for f in background if f["kind"] == "name"]
    background = [f for f in background if f["kind"] != "name"] + names[:1]
    tree: dict[str, object] = {"parties": parties, "facts": background}
    if events:
        tree["events"] = events
    return tree


def dump(tree: object) -> str:
    return yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, width=200)


def _mutate_tree(tree: dict[str, object], draw: st.DrawFn) -> dict[str, object]:
    facts = tree["facts"]
    assert isinstance(facts, list) and facts
    victim = draw(st.sampled_from(facts))
    how = draw(st.sampled_from(("typo", "kind", "value", "value", "option", "option", "drop", "pattern", "id",
                                "shape", "dup", "extra_kind_key")))
    if how == "typo":
        key = draw(st.sampled_from(sorted(victim)))
        victim[key[:-1] + "x"] = victim.pop(key)
    elif how == "kind":
        victim["kind"] = draw(st.sampled_from(("dat", "number", "Date", "", "durations", "names")))
    elif how == "value":
        victim["value"] = draw(st.one_of(st.sampled_from(BAD_VALUES), numbers(), dates(), times(), durations(),
                                         st.text(max_size=20), st.lists(st.text(max_size=8), max_size=3)))
    elif how == "option":
        key = draw(st.sampled_from(("unit", "hedge", "counted", "universe", "context", "patterns", "others",
                                    "near", "exclude_near", "when", "omission", "tags", "variants")))
        victim[key] = draw(st.one_of(st.sampled_from(PATTERNS + BAD_PATTERNS + HEDGES + BAD_VALUES),
                                     st.text(max_size=20), st.lists(st.sampled_from(PATTERNS + BAD_VALUES), max_size=3),
                                     st.just({"from": "2021-12-31", "to": "2021-01-01"}),
                                     st.just([{"value": "x", "attribution": "(a|aa)+$"}])))
    elif how == "drop":
        victim.pop(draw(st.sampled_from(("id", "kind", "value"))))
    elif how == "pattern":
        victim["cues"] = [draw(st.sampled_from(BAD_PATTERNS))]
    elif how == "id":
        victim["id"] = draw(st.sampled_from(("Bad Id", "", "a..b", "-x", "UPPER", "ü.x", "a b")))
    elif how == "shape":
        victim["cues"] = {"a": "b"}
    elif how == "dup":
        facts.append(dict(victim))
    else:
        victim["universe" if victim["kind"] != "set" else "hedge"] = "countries"
    return tree


TEXT_MUTATIONS = ("tab", "cut", "tag", "alias_bomb", "recursive", "splice_text", "merge", "bad_indent", "two_docs",
                  "dquote_escape", "deep")


@st.composite
def broken_fact_text(draw: st.DrawFn) -> str:
    """A fact file with at least one mistake (most of the time: a few mutations may be harmless)."""
    tree = draw(valid_fact_tree())
    if draw(st.booleans()):
        return dump(_mutate_tree(tree, draw))
    text = dump(tree)
    how = draw(st.sampled_from(TEXT_MUTATIONS))
    lines = text.split("\n")
    if how == "tab":
        i = draw(st.integers(min_value=1, max_value=max(1, len(lines) - 1)))
        lines[i] = "\t" + lines[i]
    elif how == "cut":
        return text[: draw(st.integers(min_value=0, max_value=len(text)))]
    elif how == "tag":
        tag = draw(st.sampled_from(("!!python/object/apply:os.system ['true']", "!!python/name:os.system",
                                    "!foo bar", "!!binary aGVsbG8=", "!!set {a, b}")))
        return text.replace("value: ", f"value: {tag} #", 1) if "value: " in text else f"x: {tag}\n" + text
    elif how == "alias_bomb":
        bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for k in range(1, 9):
            prev, cur = chr(ord("a") + k - 1), chr(ord("a") + k)
            bomb.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
        return "\n".join(bomb) + "\nfacts: *i\n"
    elif how == "recursive":
        return "facts: &x\n  - *x\n"
    elif how == "splice_text":
        junk = draw(st.text(min_size=1, max_size=20))
        pos = draw(st.integers(min_value=0, max_value=len(text)))
        return text[:pos] + junk + text[pos:]
    elif how == "merge":
        return "base: &b {kind: year, value: '1991'}\nfacts:\n  - <<: *b\n    id: x.y\n    cues: [since]\n"
    elif how == "bad_indent":
        i = draw(st.integers(min_value=1, max_value=max(1, len(lines) - 1)))
        lines[i] = " " + lines[i]
    elif how == "two_docs":
        return text + "---\n" + text
    elif how == "dquote_escape":
        return text + 'more: "\\d+"\n'
    else:
        return "facts:\n" + "  - " * 100 + "x\n"
    return "\n".join(lines)


def fact_texts() -> st.SearchStrategy[str]:
    """Valid and broken fact files, as text."""
    return st.one_of(valid_fact_tree().map(dump), broken_fact_text(), st.text(max_size=200))


def fact_bytes() -> st.SearchStrategy[bytes]:
    """Fact files as bytes: texts in UTF-8, with a BOM, in Latin-1, or random bytes."""
    return st.one_of(
        fact_texts().map(lambda t: t.encode("utf-8", "surrogatepass")),
        fact_texts().map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass")),
        valid_fact_tree().map(lambda t: (dump(t) + "# café\n").encode("latin-1", "replace")),
        st.binary(max_size=300),
    )


@st.composite
def encoded_articles(draw: st.DrawFn) -> bytes:
    """An article as bytes on disk: UTF-8 (with or without a BOM, CRLF), a legacy or wide encoding, a
    JSON Lines file, an HTML page, a truncated multi-byte sequence, or random bytes."""
    text = draw(articles(max_tokens=60))
    how = draw(st.sampled_from(("utf-8", "bom", "crlf", "cp1252", "latin-1", "utf-16", "jsonl", "html", "cut",
                                "random", "nul")))
    if how == "random":
        return draw(st.binary(max_size=2000))
    if how == "jsonl":
        import json

        lines = [json.dumps({"id": f"a{i}", "text": text}) for i in range(draw(st.integers(1, 3)))]
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=30)))
        return "\n".join(lines).encode("utf-8", "surrogatepass")
    if how == "html":
        text = f"<html><head><title>{text[:40]}</title></head><body><article><p>{text}</p></article></body></html>"
    if how in ("cp1252", "latin-1", "utf-16"):
        return text.encode(how, "replace")
    data = text.encode("utf-8", "surrogatepass")
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "crlf":
        return data.replace(b"\n", b"\r\n")
    if how == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if how == "nul":
        pos = draw(st.integers(0, len(data)))
        return data[:pos] + b"\0" * draw(st.integers(1, 40)) + data[pos:]
    return data
