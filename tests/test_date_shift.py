"""Moving a date by a number of days (relative phrases: "nine days after", "the next day")."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.kinds.date import DateValue, read_dates, shift
from factcheck.model import Source


def test_a_full_date_moves_without_its_weekday() -> None:
    # "2 July 2018 (Sun), ... nine days after they went missing": 2 July 2018 was a Monday, and the
    # phrase states no weekday, so the weekday written beside the date is not carried to 23 June
    moved = shift(DateValue(2018, 7, 2, 6), -9, ())
    assert (moved.year, moved.month, moved.day, moved.weekday) == (2018, 6, 23, None)


def test_a_weekday_alone_moves_as_a_weekday() -> None:
    assert shift(DateValue(weekday=0), -1, ()).weekday == 6  # the day before a Monday: a Sunday


@pytest.mark.parametrize("text, fact, verdict", [
    # "two days later" counts from the last date of its paragraph, however many sentences back (a
    # submarine's sinking; a volcano's eruption)
    ("The Kursk sank on 12 August 2000. At 11.28 sensors registered a blast. All 118 men died. "
     "The navy announced the accident two days later.", "2000-08-14", "agree"),
    ("The eruption began on 14 April 2010. Ash rose nine kilometres. Farms were evacuated. "
     "Airspace closed a day later.", "2010-04-15", "agree"),
])
def test_a_counted_day_from_its_paragraphs_last_date(tmp_path: Path, text: str, fact: str, verdict: str) -> None:
    (tmp_path / "f.yaml").write_text(
        "events:\n  - id: ev\n    what: the event\n    date: " + fact
        + "\n    words: ['announced\\s+the\\s+accident|[Aa]irspace\\s+closed']\n"
        "    facts:\n      - id: ev.date\n        kind: date\n        value: " + fact + "\n", encoding="utf-8")
    got = check(Source(id="x", text=text), load_factbase(tmp_path)).findings[0].verdict
    assert got == verdict


# "49 years: how long Roe v. Wade stood (January 22, 1973 - June 24, 2022)": the date after the dash
# ends a span; it restates nothing, so it never accuses the fact of the first date (rule
# value.restated; before: a contradiction)
@pytest.mark.parametrize("fact_id, value, text", [
    ("ruling.date", "1973-01-22",
     "Timeline\n\n49 years: how long Roe v. Wade stood (January 22, 1973 - June 24, 2022)"),
    ("accession.date", "1952-02-06",
     "Timeline\n\n70 years: how long Elizabeth II reigned (February 6, 1952 - September 8, 2022)"),
])
def test_a_date_after_a_dash_ends_a_span(tmp_path: Path, fact_id: str, value: str, text: str) -> None:
    ev = fact_id.split(".")[0]
    names = "Roe\\s+v\\.\\s+Wade" if ev == "ruling" else "Elizabeth\\s+II"
    (tmp_path / "f.yaml").write_text(
        f"events:\n  - id: {ev}\n    what: the event\n    date: {value}\n    names: ['{names}']\n"
        f"    facts:\n      - id: {fact_id}\n        kind: date\n        value: {value}\n", encoding="utf-8")
    found = next(f for f in check(Source(id="t", text=text), load_factbase(tmp_path)).findings if f.fact == fact_id)
    assert found.verdict == "agree", found


# a span of days in one month is read whole, from its first day to its last: a fact's day inside it
# agrees, one outside it contradicts (before: "from 19 to 21 May" was "21 May" alone, and accused a
# fact of the span's first day; "May 19-21, 2008" lost its year)
@pytest.mark.parametrize("text, shown", [
    ("three days of national mourning, from 19 to 21 May, with flags", "????-05-19 to 21"),
    ("The talks ran May 19-21, 2008, in Geneva.", "2008-05-19 to 21"),
    ("between 19 and 21 May 2008", "2008-05-19 to 21"),
    ("The summit, 16 – 17 June, ended early.", "????-06-16 to 17"),
    # not a date before a count after a spaced hyphen
    ("on May 19 - 20 people died", "????-05-19"),
])
def test_a_span_of_days_is_read_whole(text: str, shown: str) -> None:
    (r,) = read_dates(text)
    assert r.value.shown() == shown


# two days joined by "and" are two dates, each read (before: "on 19 and 21 May" was "21 May" alone and
# "May 23 and 24" was "May 23" alone); "and" then a count is no second day
@pytest.mark.parametrize("text, shown", [
    ("The talks were held on 19 and 21 May.", ["????-05-19", "????-05-21"]),
    ("The ship was refloated on March 28 and 29, 2021, after two attempts.", ["????-03-28", "2021-03-29"]),
    ("The mine collapsed on 5th and 6th August 2010.", ["2010-08-05", "2010-08-06"]),
    ("The quake struck on May 12 and 20 people died in one school.", ["????-05-12"]),
    ("He was aged 40 and 21 May was his birthday.", ["????-05-21"]),
    ("The swell reached the coast on June 3 and 40 km inland by night.", ["????-06-03"]),
    ("The polls opened on April 10 and 24.", ["????-04-10", "????-04-24"]),
])
def test_two_days_joined_by_and_are_both_read(text: str, shown: list[str]) -> None:
    assert [r.value.shown() for r in read_dates(text)] == shown


@pytest.mark.parametrize("value, text, verdict", [
    ("2008-05-19", "The state council declared three days of national mourning, from 19 to 21 May 2008.", "agree"),
    ("2008-05-20", "The state council declared three days of national mourning, from 19 to 21 May 2008.", "agree"),
    ("2008-05-18", "The state council declared three days of national mourning, from 19 to 21 May 2008.", "contradict"),
    ("2021-06-16", "The Geneva summit was held June 16-17, 2021.", "agree"),
    ("2021-06-15", "The Geneva summit was held June 16-17, 2021.", "contradict"),
    # two days joined by "and": either day agrees; neither contradicts
    ("2021-03-23", "The ship ran aground on 23 and 24 March, officials said.", "agree"),
    ("2021-03-25", "The ship ran aground on 23 and 24 March, officials said.", "contradict"),
    ("2010-10-13", "Rescue operations on October 12 and 13 brought the miners up.", "agree"),
    ("2010-10-12", "Rescue operations on October 12 and 13 brought the miners up.", "agree"),
    ("2010-10-14", "Rescue operations on October 12 and 13 brought the miners up.", "contradict"),
])
def test_a_span_of_days_agrees_when_it_holds_the_day(tmp_path: Path, value: str, text: str, verdict: str) -> None:
    words = next(w for w in ("mourning", "summit", "aground", "Rescue") if w in text)
    assert _event_date_verdict(tmp_path, value, words, text) == verdict


def _event_date_verdict(tmp_path: Path, value: str, words: str, text: str) -> str:
    """The verdict of a one-event base's date fact (the event bound by `words`) on `text`."""
    (tmp_path / "f.yaml").write_text(
        f"events:\n  - id: ev\n    what: the event\n    date: {value}\n    words: ['{words}']\n"
        f"    facts:\n      - id: ev.date\n        kind: date\n        value: {value}\n", encoding="utf-8")
    return next(f for f in check(Source(id="t", text=text), load_factbase(tmp_path)).findings
                if f.fact == "ev.date").verdict


# a weekday with its part of the day, a comma, then the date: one date with its weekday (before: the
# weekday alone went to a distractor of that weekday and the date agreed, its wrong weekday unseen)
@pytest.mark.parametrize("value, text, verdict", [
    ("2018-01-13", "The false missile alert came that Sunday morning, January 13, 2018.", "contradict"),
    ("2018-01-13", "The false missile alert came that Saturday morning, January 13, 2018.", "agree"),
    ("2010-08-05", "The mine collapsed on Thursday afternoon, 5 August 2010.", "agree"),
    ("2010-08-05", "The mine collapsed on Friday afternoon, 5 August 2010.", "contradict"),
])
def test_a_weekday_and_its_part_of_the_day_before_the_date(tmp_path: Path, value: str, text: str,
                                                          verdict: str) -> None:
    assert _event_date_verdict(tmp_path, value, "alert" if "alert" in text else "collapsed", text) == verdict
