"""The shape of a fact file, as data: which keys each part takes, which are required, and what
each holds. The loader validates against it; `factcheck schema` writes it out as JSON Schema,
shipped as factcheck/data/factbase.schema.json for editors (a test keeps the two equal).

The JSON Schema describes the file as an editor reads it (YAML 1.2: `2014` is a number, `yes` a
string), so it accepts numbers wherever the loader reads text. It checks the shape and the simple
values; the loader also parses each value by its kind, compiles the patterns and checks ids across
files, which no schema can.
"""

from __future__ import annotations

from typing import Any

from factcheck.factbase.keys import Key
from factcheck.kinds import KINDS

ID_PATTERN = r"^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$"
DATE_PATTERN = r"^\s*\d{4}-\d{2}-\d{2}\s*$"
BOOL_WORDS = ("true", "false", "yes", "no", "on", "off")  # any case


TOP: dict[str, Key] = {
    "version": Key("str", doc="schema version of this file (optional, not checked)"),
    "parties": Key("list", doc="who takes part in events"),
    "events": Key("list", doc="events, each with its facts"),
    "facts": Key("list", doc="facts that belong to no single event (figures, years, names)"),
}

PARTY: dict[str, Key] = {
    "id": Key("id", True, "unique id, referenced by events' `parties`"),
    "name": Key("str", doc="the party's name for people"),
    "aliases": Key("list[str]", doc="literal phrases articles use for the party (case-insensitive)"),
    "fuzzy": Key("bool", doc="also match near-misses of one-word aliases (garbled names)"),
    "country": Key("str", doc="the country the party leads, as factcheck/data/en.yaml names it, "
                              "for 'the leaders of X and Y'"),
    "generic": Key("bool", doc="a country or institution named everywhere: binds only beside a word for a talk"),
    "note": Key("str", doc="free text for curators"),
}

EVENT: dict[str, Key] = {
    "id": Key("id", True, "unique id; facts of the event are usually named <event>.<fact>"),
    "what": Key("str", True, "one line saying what happened"),
    "date": Key("date", doc="when it happened (YYYY-MM-DD); places the article in time"),
    "mode": Key("str", doc="how it happened, when that tells it from others with the same parties: video, "
                           "phone or in_person (their words are factcheck's), or a mode of your own with "
                           "its words in `mode_words`"),
    "mode_words": Key("list[regex]", doc="the words of a mode of your own ('by satellite|satellite link')"),
    "place": Key("str", doc="where, when it tells this event from others with the same parties"),
    "parties": Key("list[str]", doc="ids from `parties`"),
    "names": Key("list[regex]", doc="regular expressions naming this event ('video summit')"),
    "words": Key("list[regex]", doc="the event's own words for what happened ('launch|lifted off', "
                                    "'quake|tremor'): a clause with one of them is about the event, "
                                    "with or without parties"),
    "zone": Key("str", doc="IANA time zone of the event's place ('America/Santiago'): local and bare "
                           "clock times of the event are read in it"),
    "facts": Key("list", doc="facts of this event"),
    "note": Key("str", doc="free text for curators"),
    "sources": Key("list[str]", doc="where the truth comes from (URLs)"),
}

FACT: dict[str, Key] = {
    "id": Key("id", True, "unique id, e.g. summit.duration"),
    "kind": Key("enum", True, "the kind of value", choices=tuple(KINDS)),
    "value": Key("any", True, "the true value, written as the kind expects"),
    "variants": Key("list", doc="other accepted values: a value, or {value, attribution, note}"),
    "distractors": Key("list", doc="values of other figures that articles give near this fact's words "
                                   "(another flyby's altitude, a dropped target date): a value that "
                                   "matches one is not about this fact, never a contradiction; "
                                   "a value, or {value, note}"),
    "cues": Key("list[regex]", doc="facts outside events: a sentence must match one of these"),
    "exclude": Key("list[regex]", doc="a sentence matching one of these is not about the fact"),
    "near": Key("list[regex]", doc="the value must follow one of these closely ('statement on')"),
    "exclude_near": Key("list[regex]", doc="a value closely after one of these is not about the fact"),
    "when": Key("map", doc="{from: date, to: date}: the period a figure is about"),
    "note": Key("str", doc="free text for curators"),
    "sources": Key("list[str]", doc="where the truth comes from (URLs)"),
    "figure": Key("enum", doc="for figures and lengths of time: in which role articles state it: `value` (the "
                              "default), `margin` ('won by 17 points', '421,308 votes behind', '7:29 ahead') "
                              "or `projection` ('could deploy "
                              "up to 175,000', 'exit polls gave') or, for a count that is itself an addition, "
                              "`part` ('another 12 cars', 'twelve more'); a figure stated in another role is "
                              "not about this fact",
                  choices=("value", "margin", "projection", "part")),
    "value_words": Key("map", doc="count, ordinal and quantity facts: words that stand for a number in this "
                                  "story ({hat-trick: 3, brace: 2}); read like the number where the fact binds"),
    "omission": Key("enum", doc="how the pytest plugin reports an omission of this fact",
                    choices=("skip", "fail", "pass")),
    "tags": Key("list[str]", doc="markers for the pytest plugin (-m TAG)"),
    "far": Key("enum", doc="unclear (the default): a value far from the fact (a full date weeks from its event, "
                           "a figure several times off) is unclear, as it is most often another occurrence or "
                           "another figure; contradict: such a value contradicts, for a fact the story has no "
                           "other date or figure of that size for",
               choices=("unclear", "contradict")),
    "severity": Key("enum", doc="error (the default): a finding of this fact in the --fail-on gate fails "
                                "the run; warning or info: reported, never failing it",
                    choices=("error", "warning", "info")),
}

# Each kind declares its own keys, the keys it requires and what its `value` holds (its module in
# factcheck/kinds/): the tables below are gathered from them, so a kind is described in one place.
KIND_KEYS: dict[str, frozenset[str]] = {name: kind.option_keys for name, kind in KINDS.items()}
KIND_REQUIRED: dict[str, tuple[str, ...]] = {name: kind.required_keys for name, kind in KINDS.items()
                                             if kind.required_keys}


def _kind_key(name: str) -> Key:
    """A kind-specific key as the fact table shows it: one key several kinds share ("counted")
    carries each kind's description."""
    owners = [(kname, kind.options[name]) for kname, kind in KINDS.items() if name in kind.options]
    first = owners[0][1]
    docs: dict[str, list[str]] = {}
    for kname, k in owners:
        docs.setdefault(k.doc, []).append(kname)
    doc = "; ".join(f"{', '.join(kinds)}: {d}" for d, kinds in docs.items())
    choices = tuple(dict.fromkeys(c for _, k in owners for c in k.choices))
    return Key(first.type, False, doc, choices)


FACT.update({name: _kind_key(name) for name in sorted(frozenset().union(*KIND_KEYS.values()))})

VARIANT: dict[str, Key] = {
    "value": Key("any", True, "the accepted value"),
    "attribution": Key("regex", doc="accepted only when the sentence matches (e.g. 'TASS|Kremlin')"),
    "note": Key("str", doc="free text for curators"),
}

WHEN: dict[str, Key] = {
    "from": Key("date", True, "first day of the period (YYYY-MM-DD)"),
    "to": Key("date", True, "last day of the period (YYYY-MM-DD)"),
}

# -- JSON Schema ----------------------------------------------------------------------------------

_SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean"]}
_DATE: dict[str, Any] = {"type": "string", "pattern": DATE_PATTERN}

# What `value` (and each variant's value) holds, by kind, as an editor reads the YAML.
KIND_VALUES: dict[str, dict[str, Any]] = {name: dict(kind.value_schema) for name, kind in KINDS.items()}


def _bool_pattern() -> str:
    words = "|".join("".join(f"[{ch.upper()}{ch}]" for ch in w) for w in BOOL_WORDS)
    return f"^(?:{words})$"


def _json_type(k: Key) -> dict[str, Any]:
    if k.type == "id":
        return {"type": ["string", "number", "boolean"], "pattern": ID_PATTERN, "minimum": 0}
    if k.type in ("str", "regex"):
        return dict(_SCALAR)
    if k.type == "date":
        return dict(_DATE)
    if k.type == "bool":
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": _bool_pattern()}]}
    if k.type == "enum":
        return {"enum": list(k.choices)}
    if k.type in ("list[str]", "list[regex]"):
        return {"anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}]}
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
    for name, p in overrides.items():
        props[name] = {**p, "description": keys[name].doc} if name in keys and keys[name].doc else p
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [n for n, k in keys.items() if k.required],
        "properties": props,
    }


def _variant(value: dict[str, Any]) -> dict[str, Any]:
    return _obj(VARIANT, value=value)


def _per_kind() -> list[dict[str, Any]]:
    """One if/then per kind: its value, its variants, its required and forbidden keys."""
    every = frozenset().union(*KIND_KEYS.values())
    out = []
    for kind, own in KIND_KEYS.items():
        value = KIND_VALUES[kind]
        props: dict[str, Any] = {
            "value": value,
            "variants": {"type": "array", "items": {"anyOf": [value, _variant(value)]}},
            "distractors": {"type": "array", "items": {"anyOf": [value, _variant(value)]}},
        }
        for k in sorted(own):
            if FACT[k].type in ("list[str]", "list[regex]"):  # the kinds take these as lists only
                items: dict[str, Any] = dict(_SCALAR)
                if k == "patterns":
                    items = {"type": "string", "pattern": r"\(\?P<who>"}
                props[k] = {"type": "array", "items": items}
        props.update({k: False for k in sorted(every - own)})
        then: dict[str, Any] = {"properties": props}
        if KIND_REQUIRED.get(kind):
            then["required"] = list(KIND_REQUIRED[kind])
        out.append({"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]}, "then": then})
    return out


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft-07, which yaml-language-server and jsonschema both read) for fact files."""
    fact = _obj(
        FACT,
        variants={"type": "array", "items": {"anyOf": [_SCALAR, {"type": "array"}, _variant({})]}},
        when=_obj(WHEN),
        hedge={"type": "string", "examples": ["up to", "more than", "about", "at least", "nearly"]},
    )
    fact["allOf"] = _per_kind()
    # an event's fact binds in clauses about its event: `cues` and `when` are refused there (FB018),
    # and a year, read only beside a fact's cues, cannot be one (FB024)
    event_fact = {"allOf": [{"$ref": "#/definitions/fact"},
                            {"not": {"anyOf": [{"required": ["cues"]}, {"required": ["when"]},
                                               {"properties": {"kind": {"const": "year"}}, "required": ["kind"]}]}}]}
    event = _obj(EVENT, facts={"type": "array", "items": event_fact})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://factcheck.invalid/factbase.schema.json",
        "title": "factcheck fact file",
        "description": "A fact file of factcheck: parties, events with their facts, and facts of no single "
                       "event. See docs/facts.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "version": {**_SCALAR, "description": TOP["version"].doc},
            "parties": {"type": "array", "items": {"$ref": "#/definitions/party"},
                        "description": TOP["parties"].doc},
            "events": {"type": "array", "items": {"$ref": "#/definitions/event"},
                       "description": TOP["events"].doc},
            "facts": {"type": "array", "items": {"$ref": "#/definitions/fact"},
                      "description": TOP["facts"].doc},
        },
        "anyOf": [{"required": [s], "properties": {s: {"minItems": 1}}} for s in ("parties", "events", "facts")],
        "definitions": {"party": _obj(PARTY), "event": event, "fact": fact},
    }
