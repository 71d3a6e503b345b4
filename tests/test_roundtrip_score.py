"""The `score` kind: render a score in the forms the kind claims to read, read it back; forms it
must not read (percentages, dates, clock times, ranges, interim scores) are never read; the side
order and the shoot-out never make an accusation; its keys are checked with a position."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.score import Score, ScoreKind, find_pairs
from factcheck.lang import lang
from factcheck.model import Position
from factcheck.segment import segment

KIND = ScoreKind()
SCORES = st.integers(0, 150)
SEPARATORS = st.sampled_from(["-", "–", " - ", "—"])


def fact(value: str, cues: tuple[Any, ...] = (), **raw: Any) -> Fact:
    options = KIND.parse_options(raw)
    return Fact(id="contest.score", kind="score", value=KIND.parse_value(value, options), raw_value=value,
                position=Position("t.yaml", 1, 1), cues=cues, options=options)


def read(text: str, f: Fact) -> list[Reading]:
    doc = segment(text)
    ctx = Context(doc)
    return [r for s in doc.sentences for r in KIND.extract(s, f, ctx)]


def verdicts(text: str, f: Fact) -> list[bool | None]:
    doc = segment(text)
    ctx = Context(doc)
    return [KIND.compare(r, f.value, f, ctx) for s in doc.sentences for r in KIND.extract(s, f, ctx)]


# -- round trips -------------------------------------------------------------------------------

@given(SCORES, SCORES, SEPARATORS, st.sampled_from([
    "The hosts won {s} in the final on Sunday.",
    "It was a {s} win for the hosts in the final.",
    "The hosts beat the visitors {s} in the final.",
    "The final score was {s}, the organisers said.",
    "The visitors lost {s} to the hosts in the match.",
    "The final finished {s}.",
]))
def test_match_scores_read_back(a: int, b: int, sep: str, template: str) -> None:
    text = template.format(s=f"{a}{sep}{b}")
    f = fact(f"{a}-{b}")
    rs = read(text, f)
    assert [(r.value.pair, r.value.part, r.value.certain) for r in rs] == [((a, b), "match", True)], text
    assert verdicts(text, f) == [True]


@given(st.integers(0, 99), st.integers(0, 9))
def test_colon_scores_read_back(a: int, b: int) -> None:
    text = f"The match ended {a}:{b} after a long evening."
    assert [r.value.pair for r in read(text, fact(f"{a}-{b}"))] == [(a, b)]


@given(st.integers(0, 20), st.sampled_from(["{w}-all", "{w} all", "{w} apiece"]))
def test_drawn_scores_in_words_read_back(n: int, form: str) -> None:
    word = next(w for w, v in lang().number_words.items() if v == n and w not in ("a", "an"))
    text = f"The two sides drew {form.format(w=word)} in the final."
    assert [r.value.pair for r in read(text, fact(f"{n}-{n}"))] == [(n, n)], text


@given(st.integers(1, 20), st.sampled_from(["nil", "love"]))
def test_scores_to_nil_read_back(n: int, zero: str) -> None:
    word = next(w for w, v in lang().number_words.items() if v == n and w not in ("a", "an"))
    text = f"The hosts won {word}-{zero} in the final."
    assert [r.value.pair for r in read(text, fact(f"{n}-0"))] == [(n, 0)], text


@given(st.integers(1, 30), st.integers(0, 30), st.sampled_from([
    "The hosts won {s} on penalties in the final.",
    "The hosts took the final {s} in the shoot-out.",
    "The final: hosts 2-2 visitors ({s} pens).",
    "They won the penalty shoot-out {s} in the final.",
    "The hosts won the final via a {s} penalty shoot-out.",
]))
def test_shootout_scores_read_back(a: int, b: int, template: str) -> None:
    if a == b:
        b += 1
    text = template.format(s=f"{a}-{b}")
    f = fact("2-2", penalties=f"{a}-{b}")
    rs = [r for r in read(text, f) if r.value.pair == (a, b)]
    assert [r.value.part for r in rs] == ["penalties"], text
    assert KIND.compare(rs[0], f.value, f, Context(segment(text))) is True


@given(st.integers(1, 60), st.integers(0, 60), st.sampled_from([
    "{w} beat {l} {hi}-{lo} in the final.",
    "{w} beat {l} {lo}-{hi} in the final.",
    "{l} lost {lo}-{hi} to {w} in the final.",
    "{l} lost {hi}-{lo} to {w} in the final.",
    "{l} were beaten {hi}-{lo} by {w} in the final.",
    "In the final, {w} {hi}-{lo} {l}.",
    "In the final, {l} {lo}-{hi} {w}.",
]), st.booleans())
def test_side_order_is_read_from_the_sentence(x: int, y: int, template: str, first_won: bool) -> None:
    hi, lo = max(x, y) + 1, min(x, y)
    sides = ["Northport", "Eastfield United"]
    w, lw = (sides[0], sides[1]) if first_won else (sides[1], sides[0])
    value = f"{hi}-{lo}" if first_won else f"{lo}-{hi}"  # in the sides' order
    text = template.format(w=w, l=lw, hi=hi, lo=lo)
    assert verdicts(text, fact(value, sides=sides)) == [True], text


# -- what is not a score ---------------------------------------------------------------------------

@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from([
    "The match drew {a}-{b}% more viewers.",
    "The match was played on {a}-{b}-2022 in the rain.",
    "The match drew {a}-{b} people to the ground.",
    "The game is for players aged {a}-{b}.",
    "The match lasted {a}-{b} minutes longer than planned.",
    "The game was between {a}-{b} in the table.",
    "The hosts led {a}-{b} at half-time in the final.",
    "The hosts went {a}-{b} up in the final.",
    "A goal made it {a}-{b} in the final.",
    "The bus to the match left from gate {a}-{b}.",
]))
def test_what_is_not_a_score_is_not_read(a: int, b: int, template: str) -> None:
    text = template.format(a=a, b=b)
    assert read(text, fact("1-0")) == [], text


@given(st.integers(0, 23), st.integers(10, 59))
def test_clock_times_are_not_scores(h: int, m: int) -> None:
    text = f"The final kicked off at {h}:{m} on Sunday."
    assert read(text, fact("1-0")) == []


def test_a_pair_far_from_any_contest_word_is_not_read() -> None:
    text = "The committee met in room 12, and the report ran to 3-2 pages of notes in a thick folder."
    assert read(text, fact("3-2")) == []
    assert find_pairs("ran 3-2 laps") == [(4, 7, (3, 2))]  # the form alone would be a score


# -- no accusation without a sure reading ------------------------------------------------------------

@given(st.integers(0, 40), st.integers(0, 40))
def test_the_same_pair_reversed_is_never_a_contradiction(a: int, b: int) -> None:
    if a == b:
        b += 1
    assert verdicts(f"The visitors won the final {b}-{a}.", fact(f"{a}-{b}")) == [None]
    assert verdicts(f"The visitors won the final {a}-{b}.", fact(f"{a}-{b}")) == [True]


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
def test_shootout_and_match_scores_never_accuse_each_other(a: int, b: int, p: int, q: int) -> None:
    if p == q:
        q += 1
    f = fact(f"{a}-{b}", penalties=f"{p}-{q}")
    # a marked shoot-out score is compared with the shoot-out only
    shoot = verdicts(f"The hosts won the final {p}-{q} on penalties.", f)
    assert shoot == [True]
    # an unmarked pair equal to the shoot-out's may be the shoot-out: never a contradiction
    if sorted((p, q)) != sorted((a, b)):
        assert verdicts(f"The hosts won the final {p}-{q}.", f) == [None]
    # a shoot-out score for a fact without one says nothing of the match score
    assert verdicts(f"The hosts won the final {p}-{q} on penalties.", fact(f"{a}-{b}")) == [None]


@given(st.integers(0, 40), st.integers(0, 40), st.integers(1, 5))
def test_a_sure_different_score_contradicts_an_unsure_one_does_not(a: int, b: int, d: int) -> None:
    f = fact(f"{a}-{b}")
    wrong = f"{a + d}-{b}"
    assert verdicts(f"The two sides drew {wrong} in the final.", f) == [False]
    assert verdicts(f"The final, {wrong} in the end, was a classic.", f) == [None]


def test_a_shootout_of_a_fact_with_sides_keeps_the_framed_order() -> None:
    f = fact("3-3", penalties="4-2", sides=["Northport", "Eastfield"])
    assert verdicts("Final result: Eastfield 3-3 Northport (2-4 pens).", f) == [True, True]
    assert verdicts("Final result: Northport 3-3 Eastfield (2-4 pens).", f) == [True, None]


def test_render() -> None:
    assert KIND.render(fact("3-3", penalties="4-2", extra_time="true", sides=["Northport|the hosts", "Eastfield"])
                       .value) == "Northport 3-3 Eastfield after extra time, 4-2 on penalties"
    assert KIND.render(Score(2, 1)) == "2-1"


# -- the fact file ------------------------------------------------------------------------------------

@pytest.mark.parametrize("key_line,where,message", [
    ("value: '3-x'", "6:12", "cannot read '3-x' as a score"),
    ("value: '5000-1'", "6:12", "bookmakers' odds ('5000-1') or a ratio is no score"),
    ("value: '3-3'\n    penalties: 4:4", "7:16", "`penalties` '4:4' is a draw"),
    ("value: '3-3'\n    penalties: four-two", "7:16", "`penalties` must be a score such as '4-2'"),
    ("value: '3-3'\n    extra_time: maybe", "7:17", "`extra_time` must be true or false, not 'maybe'"),
    ("value: '3-3'\n    sides: [Northport, Eastfield, Westbury]", "7:13", "`sides` must name exactly two sides"),
    ("value: '3-3'\n    sides: ['North(port', Eastfield]", "7:13", "FB030"),
])
def test_lint_reports_bad_keys_with_their_position(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  key_line: str, where: str, message: str) -> None:
    d = tmp_path / "facts"
    d.mkdir()
    (d / "a.yaml").write_text("facts:\n  - id: final.score\n    kind: score\n    cues: ['final']\n"
                              "    note: a cup final\n    " + key_line + "\n", encoding="utf-8")
    assert main(["lint", "--facts", str(d)]) == 1
    out = capsys.readouterr().out
    assert f"a.yaml:{where}: " in out and message in out, out


def test_valid_keys_lint_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "facts"
    d.mkdir()
    (d / "a.yaml").write_text("facts:\n  - id: final.score\n    kind: score\n    value: 3-3\n    penalties: 4-2\n"
                              "    extra_time: true\n    sides: ['Northport|the hosts', Eastfield]\n"
                              "    cues: ['final']\n", encoding="utf-8")
    assert main(["lint", "--facts", str(d)]) == 0, capsys.readouterr().out


@given(st.integers(0, 150), st.integers(0, 150), st.integers(0, 30), st.integers(0, 30), st.booleans())
def test_the_rendered_value_reads_back(a: int, b: int, p: int, q: int, extra: bool) -> None:
    if p == q:
        q += 1
    f = fact(f"{a}-{b}", penalties=f"{p}-{q}", extra_time=str(extra).lower(), sides=["Northport", "Eastfield"])
    text = f"The final ended {KIND.render(f.value)}."
    assert verdicts(text, f) == [True, True], text
    assert [r.value.part for r in read(text, f)] == ["match", "penalties"]


# -- scores set by set ------------------------------------------------------------------------

SET_SCORES = st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda p: p[0] != p[1])


@given(st.lists(SET_SCORES, min_size=2, max_size=5), st.sampled_from([", ", " "]), st.booleans(),
       st.sampled_from(["The champion won the final {s}.", "In the final it finished {s}, a long evening."]))
def test_set_scores_read_back(sets: list[tuple[int, int]], sep: str, tiebreak: bool, template: str) -> None:
    """A score set by set, written with commas or spaces, perhaps a tie-break in brackets after
    its first set, reads back as the same sets and agrees; a fact's sets in another order of sides
    or another set never agree."""
    parts = [f"{a}-{b}" for a, b in sets]
    if tiebreak:
        parts[0] += " (7-5)"
    text = template.format(s=sep.join(parts))
    value = " ".join(f"{a}-{b}" for a, b in sets)
    f = fact(value)
    assert f.value.sets == tuple(sets)
    assert [r.value.sets for r in read(text, f)] == [tuple(sets)], text
    assert verdicts(text, f) == [True], text
    flipped = fact(" ".join(f"{b}-{a}" for a, b in sets))
    assert verdicts(text, flipped) == [None], text  # written from the other side: never an accusation


@given(SET_SCORES, st.sampled_from(["Djokovic took the fourth set {s}.", "She won the opening set {s}."]))
def test_one_set_never_accuses_a_set_by_set_fact(pair: tuple[int, int], template: str) -> None:
    text = template.format(s=f"{pair[0]}-{pair[1]}")
    assert verdicts(text, fact("1-6 7-6 6-1 3-6 6-4")) in ([], [None])


@given(st.lists(SET_SCORES, min_size=2, max_size=5), st.integers(0, 15), st.integers(1, 4),
       st.sampled_from(["({x})", "({x}-{w})", "({w}-{x})"]), st.booleans())
def test_tiebreaks_read_back(sets: list[tuple[int, int]], loser: int, off: int, form: str, fact_both: bool) -> None:
    """A fact's tie-break (the loser's points, or both) agrees when an article gives the same in any
    form, contradicts when it gives another, and agrees when the article gives none."""
    winner = 7 if loser <= 5 else loser + 2
    value = " ".join(f"{a}-{b}" for a, b in sets)
    first = f"{sets[0][0]}-{sets[0][1]}"
    fact_tb = f"({loser}-{winner})" if fact_both else f"({loser})"
    f = fact(first + fact_tb + value[len(first):])
    assert f.value.sets == tuple(sets) and f.value.tiebreaks is not None and f.value.tiebreaks[0] == loser

    def said(x: int) -> str:
        w = 7 if x <= 5 else x + 2
        return "The champion won the final " + ", ".join(
            [first + " " + form.format(x=x, w=w), *(f"{a}-{b}" for a, b in sets[1:])]) + "."

    assert verdicts(said(loser), f) == [True], said(loser)
    assert verdicts(said(loser + off), f) == [False], said(loser + off)
    assert verdicts("The champion won the final " + ", ".join(f"{a}-{b}" for a, b in sets) + ".", f) == [True]


@pytest.mark.parametrize(("text", "sides", "value"), [
    # another team wins or loses, neither of the fact's sides is named: another match's score, unsure
    # (a football final: the coach's next final; a rugby final: the next tournament's)
    ("He came close again in December 2022, when Argentina beat his side after a 3-3 draw in Lusail.",
     ["France", "Croatia"], "4-2"),
    ("Four years later South Africa beat them 15-6 in the final in Paris.", ["England", "Australia"], "20-17"),
])
def test_another_side_winning_makes_the_score_unsure(text: str, sides: list[str], value: str) -> None:
    got = read(text, fact(value, sides=sides))
    assert len(got) == 1 and not got[0].value.certain, (text, got)


@pytest.mark.parametrize(("text", "sides", "value"), [
    # a side of the fact is named, or the winner is a pronoun: the score is read as sure as before
    ("France beat Croatia 4-2 in the final in Moscow.", ["France", "Croatia"], "4-2"),
    ("He beat them 4-2 in the final.", ["France", "Croatia"], "4-2"),
    ("South Africa beat England 32-12 in the final in Yokohama.", ["South Africa", "England"], "32-12"),
])
def test_a_side_of_the_fact_keeps_the_score_sure(text: str, sides: list[str], value: str) -> None:
    got = read(text, fact(value, sides=sides))
    assert len(got) == 1 and got[0].value.certain, (text, got)
