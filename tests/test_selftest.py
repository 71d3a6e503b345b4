"""`factcheck selftest` (issue 10): mutations are what they say, a broken cue shows up as missed
with a reason, the run is deterministic, and the run on the shipped seeds reports rates per kind."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.cli import main
from factcheck.factbase.load import load_factbase
from factcheck.model import Source
from factcheck.selftest import render, selftest
from factcheck.selftest.mutate import MUTATORS, Edit, verified, verify

ROOT = Path(__file__).resolve().parent.parent

# sentences from two stories: the shipped seeds' summit, and the Chilean mine rescue (examples/)
SUMMIT = ("Biden and Putin spoke by secure video link on Tuesday, December 7, for two hours and one minute, "
          "the White House said. Jen Psaki told reporters the call was 'useful'. "
          "Russia has massed about 94,000 troops near the border, Ukraine's defence minister said. "
          "Russia annexed Crimea in 2014.\n")
MINE = ("The collapse on 5 August 2010 trapped 33 miners about 700 metres underground in the San José mine. "
        "Mining minister Laurence Golborne said President Sebastián Piñera would attend the rescue.\n")


def _agreeing(fb, text: str, sid: str = "t") -> list[tuple[object, object]]:
    res = check(Source(id=sid, text=text), fb)
    return [(fb.fact(f.fact), m) for f in res.findings if f.verdict == "agree" for m in f.mentions
            if m.verdict == "agree"]


def _cases() -> list[tuple[str, object, str, object]]:
    out = []
    for facts, text in (("facts", SUMMIT), ("examples/chile2010/facts", MINE)):
        fb = load_factbase(str(ROOT / facts))
        for fact, m in _agreeing(fb, text):
            out.append((facts, fb, text, (fact, m)))
    return out


CASES = _cases()


def test_both_stories_give_agreeing_mentions_of_several_kinds():
    kinds = {fm[0].kind for _, _, _, fm in CASES}
    assert {"date", "duration", "quantity", "name", "year", "count"} <= kinds, kinds
    assert {facts for facts, *_ in CASES} == {"facts", "examples/chile2010/facts"}


@pytest.mark.parametrize("facts,fb,text,fm", CASES,
                         ids=[f"{c[0].split('/')[-2] if '/' in c[0] else 'seeds'}-{c[3][0].id}-{c[3][1].start}"
                              for c in CASES])
def test_mutations_are_what_they_say(facts, fb, text, fm):
    fact, m = fm
    if fact.kind not in MUTATORS:
        pytest.skip(f"no mutator for {fact.kind}")
    mut = MUTATORS[fact.kind]
    rng = random.Random(f"0/{fact.id}")
    wrong = verified(fb, fact, text, mut.wrong(m.text, m.start, fact, fb, rng), "contradict", 5)
    same = verified(fb, fact, text, mut.same(m.text, m.start, fact, fb, rng), "agree", 5)
    assert wrong or same, f"{fact.id}: nothing could be made of {m.text!r}"
    for e in (*wrong, *same):
        new = e.apply(text)
        # the mutated text differs only in the span
        assert (e.start, e.end) == (m.start, m.end)
        assert new[: e.start] == text[: e.start] and new[e.start + len(e.new) :] == text[e.end :]
        assert e.new != m.text
    for e in wrong:  # wrong by the kind's own compare
        assert verify(fb, fact, e.apply(text), e.start, e.start + len(e.new)) == "contradict", e
    for e in same:  # the same value by the kind's own compare
        assert verify(fb, fact, e.apply(text), e.start, e.start + len(e.new)) == "agree", e


@pytest.mark.parametrize("kind,text,expect_wrong,expect_same", [
    ("quantity", "about 94,000", "about 141,000", "about 94000"),
    ("duration", "two hours and one minute", "three hours and one minute", "2 hours and 1 minute"),
    ("count", "33", "35", "thirty-three"),
    ("year", "2014", "2017", None),
])
def test_surface_style_is_kept(kind, text, expect_wrong, expect_same):
    fact = next(f for f in load_factbase(str(ROOT / "facts")).facts if f.kind == kind)
    fb = load_factbase(str(ROOT / "facts"))
    mut = MUTATORS[kind]
    wrong = [e.new for e in mut.wrong(text, 0, fact, fb, random.Random(0))]
    same = [e.new for e in mut.same(text, 0, fact, fb, random.Random(0))]
    assert expect_wrong in wrong
    if expect_same:
        assert expect_same in same


def test_a_weekday_is_never_moved_onto_another_events_weekday():
    fb = load_factbase(str(ROOT / "facts"))
    fact = fb.fact("summit.date")
    (e,) = [e for e in MUTATORS["date"].wrong("Tuesday", 0, fact, fb, random.Random(0)) if "weekday" in e.how]
    assert isinstance(e, Edit) and e.new == "Saturday"  # every other weekday is some event's


BROKEN = """\
facts:
  - id: trapped.depth
    kind: quantity
    value: 700
    hedge: about
    unit: 'metres|meters'
    cues: ['underground|deep']
  - id: ramp.length
    kind: quantity
    value: 2000
    unit: 'metres|meters'
    # broken: the ramp's cue is the depth's cue too, so a wrong depth may be the ramp's length
    cues: ['underground|deep|ramp']
"""


def test_a_broken_cue_shows_up_as_missed_with_a_reason(tmp_path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "base.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(MINE, encoding="utf-8")
    fb = load_factbase(str(tmp_path / "facts"))
    rep = selftest([tmp_path / "corpus"], fb)
    missed = [o for o in rep.outcomes if o.fact == "trapped.depth" and o.result == "missed"]
    assert missed, render(rep, "table")
    assert missed[0].verdict == "unclear" and "cue.as_near" in missed[0].rules, missed[0]
    assert "another fact's cue" in missed[0].reason
    text = render(rep, "table")
    assert "MISSED" in text and "cue.as_near" in text and "about 1050 metres underground" in text


def test_deterministic_for_a_seed_and_any_jobs(tmp_path):
    args = ["selftest", str(ROOT / "seeds"), "--facts", str(ROOT / "facts"), "--per-fact", "1", "--format", "json"]
    outs = []
    for extra in ([], [], ["--jobs", "2"]):
        out = tmp_path / f"r{len(outs)}.json"
        assert main([*args, *extra, "--output", str(out)]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    other = tmp_path / "seed7.json"
    assert main([*args, "--seed", "7", "--output", str(other)]) == 0
    assert json.loads(other.read_bytes())["seed"] == 7


def test_seeds_with_defaults_report_rates_per_kind(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["selftest", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sources"] == 5
    for kind in ("date", "duration", "quantity", "name", "year"):
        k = data["kinds"][kind]
        assert k["mentions"] > 0 and k["recall"] is not None, kind
        assert {"caught", "missed", "kept", "lost", "accused", "moved", "kept_rate", "accused_rate"} <= set(k)
    assert data["totals"]["recall"] >= 0.8
    assert data["totals"]["accused"] == 0
    assert any(n["reason"].startswith("no agreeing mention") for n in data["not_mutated"])
    # every missed case says what bound instead
    for c in data["cases"]:
        if c["result"] == "missed":
            assert c["sentence"] and c["verdict"] and (c["rules"] or c["reason"])


def test_min_recall_and_usage_exit_codes(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["selftest", "--per-fact", "1", "--min-recall", "1"]) in (0, 1)
    assert main(["selftest", "--per-fact", "1", "--min-recall", "0.5"]) == 0
    assert main(["selftest", "no/such/corpus"]) == 2
    assert main(["selftest", "--min-recall", "2"]) == 2
    assert main(["selftest", "--facts", "no/such/facts"]) == 2


AGES = """facts:
  - {id: sprinter.age, kind: age, value: 26, cues: ['Jacobs']}
  - {id: foreman.age, kind: age, value: 54, cues: ['Urz[uú]a|foreman']}
"""


def test_age_facts_are_mutated_and_caught(tmp_path):
    """Ages (a sprinter's, a mine foreman's): '26-year-old' made '28-year-old' contradicts, the same
    age in words agrees."""
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "base.yaml").write_text(AGES, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(
        "The 26-year-old Jacobs won the final.\n\nShift foreman Luis Urzúa, aged 54, was the last man out.\n",
        encoding="utf-8")
    rep = selftest([tmp_path / "corpus"], load_factbase(str(tmp_path / "facts")))
    by = {(o.fact, o.result) for o in rep.outcomes}
    assert ("sprinter.age", "caught") in by and ("foreman.age", "caught") in by, render(rep, "table")
    assert ("sprinter.age", "kept") in by, render(rep, "table")
