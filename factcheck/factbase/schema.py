"""The shape of a fact file, as data: which keys each part takes, which are required, and what
each holds. The loader validates against it; `factcheck schema` writes it out as JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Key:
    type: str  # str | list[str] | list | map | date | regex | list[regex] | bool | enum
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()


TOP: dict[str, Key] = {
    "version": Key("str", doc="schema version of this file (optional)"),
    "parties": Key("list", doc="who takes part in events"),
    "events": Key("list", doc="events, each with its facts"),
    "facts": Key("list", doc="facts that belong to no single event (figures, years, names)"),
}

PARTY: dict[str, Key] = {
    "id": Key("str", True, "unique id, referenced by events' `parties`"),
    "name": Key("str", doc="the party's name for people"),
    "aliases": Key("list[str]", doc="literal phrases articles use for the party (case-insensitive)"),
    "fuzzy": Key("bool", doc="also match near-misses of one-word aliases (garbled names)"),
    "country": Key("str", doc="the country the party leads, for 'the leaders of X and Y'"),
    "generic": Key("bool", doc="a country or institution named everywhere: binds only beside a word for a talk"),
    "note": Key("str"),
}

EVENT: dict[str, Key] = {
    "id": Key("str", True, "unique id; facts of the event are usually named <event>.<fact>"),
    "what": Key("str", True, "one line saying what happened"),
    "date": Key("date", doc="when it happened (YYYY-MM-DD); places the article in time"),
    "mode": Key("enum", doc="how: a video call, a phone call or in person",
                choices=("video", "phone", "in_person")),
    "place": Key("str", doc="where, when it tells this event from others with the same parties"),
    "parties": Key("list[str]", doc="ids from `parties`"),
    "names": Key("list[regex]", doc="regular expressions naming this event ('video summit')"),
    "facts": Key("list", doc="facts of this event"),
    "note": Key("str"),
    "sources": Key("list[str]"),
}

FACT: dict[str, Key] = {
    "id": Key("str", True, "unique id, e.g. summit.duration"),
    "kind": Key("enum", True, "the kind of value",
                choices=("date", "time", "duration", "quantity", "count", "year", "set", "name")),
    "value": Key("any", True, "the true value, written as the kind expects"),
    "variants": Key("list", doc="other accepted values: a value, or {value, attribution, note}"),
    "cues": Key("list[regex]", doc="facts outside events: a sentence must match one of these"),
    "exclude": Key("list[regex]", doc="a sentence matching one of these is not about the fact"),
    "near": Key("list[regex]", doc="the value must follow one of these closely ('statement on')"),
    "exclude_near": Key("list[regex]", doc="a value closely after one of these is not about the fact"),
    "when": Key("map", doc="{from: date, to: date}: the period a figure is about"),
    "note": Key("str"),
    "sources": Key("list[str]", doc="where the truth comes from (URLs)"),
    "omission": Key("enum", doc="how the pytest plugin reports an omission of this fact",
                    choices=("skip", "fail", "pass")),
    "tags": Key("list[str]", doc="markers for the pytest plugin (-m TAG)"),
    # kind-specific keys
    "unit": Key("regex", doc="quantity: the noun counted (troops|soldiers)"),
    "hedge": Key("str", doc="quantity: the fact's own hedge ('up to', 'more than')"),
    "counted": Key("regex", doc="count/set: what a count counts (members|countries)"),
    "universe": Key("enum", doc="set: what the members are", choices=("countries", "years")),
    "context": Key("list[regex]", doc="name: words that show a lone surname is this person"),
    "patterns": Key("list[regex]", doc="name: patterns with (?P<who>{party}) reading who did something"),
    "others": Key("list[str]", doc="name with patterns: names that contradict"),
}

KIND_KEYS: dict[str, frozenset[str]] = {}  # filled from the kinds registry by the loader

VARIANT: dict[str, Key] = {
    "value": Key("any", True, "the accepted value"),
    "attribution": Key("regex", doc="accepted only when the sentence matches (e.g. 'TASS|Kremlin')"),
    "note": Key("str"),
}

WHEN: dict[str, Key] = {
    "from": Key("date", True),
    "to": Key("date", True),
}


def _json_type(k: Key) -> dict[str, Any]:
    if k.type in ("str", "regex", "date"):
        out: dict[str, Any] = {"type": "string"}
        if k.type == "date":
            out["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
        return out
    if k.type == "bool":
        return {"type": ["boolean", "string"]}
    if k.type == "enum":
        return {"enum": list(k.choices)}
    if k.type in ("list[str]", "list[regex]"):
        return {"type": "array", "items": {"type": "string"}}
    if k.type == "map":
        return {"type": "object"}
    if k.type == "list":
        return {"type": "array"}
    return {}


def _obj(keys: dict[str, Key], **overrides: Any) -> dict[str, Any]:
    props = {}
    for name, k in keys.items():
        p = _json_type(k)
        if k.doc:
            p["description"] = k.doc
        props[name] = p
    props.update(overrides)
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [n for n, k in keys.items() if k.required],
        "properties": props,
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for fact files, for editors (yaml-language-server)."""
    variant = _obj(VARIANT)
    fact = _obj(
        FACT,
        variants={"type": "array", "items": {"anyOf": [{"type": ["string", "number", "array"]}, variant]}},
        when=_obj(WHEN),
    )
    event = _obj(EVENT, facts={"type": "array", "items": {"$ref": "#/$defs/fact"}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factcheck.invalid/factbase.schema.json",
        "title": "factcheck fact file",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "version": {"type": ["string", "number"]},
            "parties": {"type": "array", "items": {"$ref": "#/$defs/party"}},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
            "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
        },
        "$defs": {"party": _obj(PARTY), "event": event, "fact": fact},
    }
