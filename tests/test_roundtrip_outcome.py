"""The `outcome` kind: write an outcome's phrase in the forms the kind claims to read (any case, any
white space or hyphen between its words, inside a sentence), read it back as the value; the same
phrase denied or made a possibility is read but judged neither way; of overlapping phrases the first
then the longest wins; a
wrong phrase is refused at load with a position."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.outcome import OutcomeKind
from factcheck.lang import lang
from factcheck.model import Position
from factcheck.segment import segment

KIND = OutcomeKind()
_NOT_WORDS = {str(w).lower() for k in ("negations", "irrealis", "outcome_unsure") for w in lang().data[k]} | {
    "true", "false", "yes", "null", "off",
    # the words of the sentences the phrase is written into ("... the plan was end in the end.")
    "officials", "said", "the", "plan", "was", "end", "board", "that", "week", "history", "jury", "not"}
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).filter(lambda w: w not in _NOT_WORDS)
GAP = st.sampled_from([" ", "  ", "-", "\u00a0", "\t"])
CASE = st.sampled_from([str.lower, str.upper, str.title, str.capitalize])
DENIALS = ["did not", "was never", "could not be", "if", "whether it was", "rather than"]


def fact(value: str, others: tuple[str, ...] = (), **raw: Any) -> Fact:
    options = KIND.parse_options({"others": list(others), **raw})
    return Fact(id="event.outcome", kind="outcome", value=KIND.parse_value(value, options), raw_value=value,
                position=Position("t.yaml", 1, 1), options=options)


def read(text: str, f: Fact) -> list[tuple[Reading, bool | None]]:
    doc = segment(text)
    ctx = Context(doc)
    return [(r, KIND.compare(r, f.value, f, ctx)) for s in doc.sentences for r in KIND.extract(s, f, ctx)]


@given(st.lists(WORD, min_size=1, max_size=3), GAP, CASE)
def test_phrase_read_back_in_any_case_and_spacing(words: list[str], gap: str, case: Any) -> None:
    value = " ".join(words)
    written = case(gap.join(words))
    got = read(f"Officials said the plan was {written} in the end.", fact(value))
    assert [(r.text, v) for r, v in got] == [(written, True)]


@given(st.lists(WORD, min_size=1, max_size=2), st.sampled_from(DENIALS))
def test_denied_or_possible_is_neither(words: list[str], denial: str) -> None:
    value = " ".join(words)
    assume(value != "zzqx")  # found by hypothesis: the value may not be its own other outcome
    got = read(f"The board {denial} {value} that week.", fact(value, others=("zzqx",)))
    assert len(got) == 1 and got[0][1] is None and got[0][0].detail


@given(st.lists(WORD, min_size=1, max_size=2), WORD)
def test_qualified_phrase_wins_over_a_longer_one_after_it(words: list[str], tail: str) -> None:
    value = " ".join(words)
    f = fact(f"{value} {tail} in history", others=(f"second-{words[0]}",))
    got = read(f"It was the second-{value} {tail} in history.", f)
    assert [(r.text, v) for r, v in got] == [(f"second-{words[0]}", False)]


@given(st.lists(WORD, min_size=1, max_size=2))
def test_longest_phrase_wins(words: list[str]) -> None:
    value = " ".join(words)
    f = fact(value, others=(f"not {value}",))
    got = read(f"In the end the jury said it was not {value}.", f)
    assert [(r.text, v) for r, v in got] == [(f"not {value}", False)]


def test_other_outcome_contradicts_and_unknown_is_not_read() -> None:
    f = fact("scaled back", others=("cancelled altogether", "went ahead as planned"))
    assert [(r.text, v) for r, v in read("The flypast went ahead as planned.", f)] == [("went ahead as planned", False)]
    assert read("The flypast was postponed.", f) == []
    assert read("The flypast was scaled backwards.", f) == []  # whole words only


def test_question_is_not_a_statement() -> None:
    got = read("Will the referendum end with leave winning?", fact("leave winning"))
    assert got and got[0][1] is None and "asked" in got[0][0].detail


@pytest.mark.parametrize("bad, message", [
    ("value: 'yes'", "is an outcome's wording"),
    ("value: '(guilty'", "does not compile"),
    ("value: guilty\n        others: ['(?:x)?']", "matches the empty string"),
    ("value: guilty\n        others: ['(a+)+$']", "can run away"),
    ("value: approved\n        others: [approved, rejected]", "both the outcome"),
    ("value: guilty\n        others: ['x(']", "missing ) at position 2"),
])
def test_bad_phrase_is_a_positioned_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str,
                                          message: str) -> None:
    (tmp_path / "f.yaml").write_text(
        "events:\n  - id: trial\n    what: a trial\n    date: 2023-03-02\n    words: ['verdict']\n    facts:\n"
        f"      - id: trial.verdict\n        kind: outcome\n        {bad}\n", encoding="utf-8")
    assert main(["lint", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "f.yaml:" in out and message in out, out
