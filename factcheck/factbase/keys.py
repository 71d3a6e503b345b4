"""One key of a fact file: its type, whether it is required, its description and its choices.
The sections of a fact file are tables of these (factcheck/factbase/schema.py); each kind declares
its own keys the same way (`options` in factcheck/kinds/)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    type: str  # id | str | list[str] | list | map | date | regex | list[regex] | bool | enum | any
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()
