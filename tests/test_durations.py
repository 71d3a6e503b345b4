"""Durations from seconds to months, as one reading each, and the fact values that hold them; race
times ("9.80s", 9"80, "2:06:35" with `clock`, "won in 9.80" with `bare`)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.errors import FactValueError
from factcheck.kinds.duration import Bare, DurationKind, decimals_of, read_durations, units
from factcheck.model import Interval

KIND = DurationKind()
DAY = 1440.0


def one(sentence: str) -> tuple[str, Interval]:
    rs = read_durations(sentence)
    assert len(rs) == 1, (sentence, [r.text for r in rs])
    return rs[0].text, rs[0].value


def agrees(sentence: str, fact: str) -> bool:
    return one(sentence)[1].overlaps(KIND.parse_value(fact, {}))


@pytest.mark.parametrize(("sentence", "text", "fact", "want"), [
    # a space mission
    ("The capsule spent 25.5 days in space.", "25.5 days", "25.5 days", True),
    ("Die Kapsel war 25,5 days unterwegs.", "25,5 days", "25.5 days", True),
    ("The mission lasted 25 days, 10 hours and 53 minutes.", "25 days, 10 hours and 53 minutes", "25.5 days", True),
    ("The mission lasted 25 days, 10 hours and 53 minutes.", "25 days, 10 hours and 53 minutes", "24 days", False),
    ("The engine burn lasted 97 seconds.", "97 seconds", "97 seconds", True),
    ("The engine burn lasted 97 seconds.", "97 seconds", "121 min", False),
    # a mine rescue
    ("The miners spent 69 days underground.", "69 days", "about 69 days", True),
    ("The miners were trapped for nearly ten weeks.", "nearly ten weeks", "about 69 days", True),
    ("The miners were trapped for more than two months.", "more than two months", "about 69 days", True),
    ("The miners were trapped for nearly 18 days until contact was made.", "nearly 18 days", "17 days", True),
    ("The miners spent 59 days underground.", "59 days", "about 69 days", False),
    # a ship stuck in a canal
    ("The ship blocked the canal for six days.", "six days", "6 days", True),
    ("The six-day blockage cost billions.", "six-day", "6 days", True),
    # an adjective length is a whole count of its unit, the part cut or rounded up, not any length
    # within a tenth; a round figure stays "about" (a shuttle loss, a space capsule, a cave rescue)
    ("Seven people were coming home from a 16-day science mission.", "16-day", "15.93 days", True),
    ("Seven people were coming home from a 17-day science mission.", "17-day", "15.93 days", False),
    ("The capsule came home after a 26-day flight.", "26-day", "25.5 days", True),
    ("The capsule came home after a 24-day flight.", "24-day", "25.5 days", False),
    ("The boys were rescued after a 17-day ordeal in the cave.", "17-day", "17 days 7 hours", True),
    ("The boys were rescued after a 19-day ordeal in the cave.", "19-day", "17 days 7 hours", False),
    ("The leaders met for a three-hour summit.", "three-hour", "121 min", False),
    ("The ship ended a 100-day voyage.", "100-day", "93 days", True),
    ("He gave a 45-minute speech.", "45-minute", "49 minutes", True),  # a figure in fives stays about
    ("The probe ended a seven-year mission.", "seven-year", "2191 days", False),  # six years (a sample return)
    ("The probe ended a six-year mission.", "six-year", "2191 days", True),
    ("The ship was stuck for nearly a week.", "nearly a week", "6 days", True),
    ("The ship was stuck for the better part of a week.", "the better part of a week", "6 days", True),
    ("The ship was stuck for nearly a week.", "nearly a week", "3 days", False),
    ("The ship was stuck for 16 days.", "16 days", "6 days", False),
    # a summit and a flight
    ("The flight took an hour and 45 minutes.", "an hour and 45 minutes", "105 min", True),
    ("The flight took an hour and 45 minutes.", "an hour and 45 minutes", "121 min", False),
    ("The leaders spoke for two hours and one minute.", "two hours and one minute", "121 min", True),
    # minutes, then seconds with the symbol alone, as a fact box writes them (an air crash, a rocket)
    ("Fall from the stall to impact: 3 min 30 s", "3 min 30 s", "210 seconds", True),
    ("Fall from the stall to impact: 3 min 30 s", "3 min 30 s", "3 minutes", False),
    ("Main engine cut-off came after 8 min 05 s.", "8 min 05 s", "485 seconds", True),
])
def test_reading(sentence: str, text: str, fact: str, want: bool) -> None:
    got, _ = one(sentence)
    assert got == text
    assert agrees(sentence, fact) is want


@pytest.mark.parametrize("sentence", [
    "The ship's crew ate twice a day.",
    "A week later the canal reopened.",
    "The eye touched land at the 14.05 hour of Florida.",  # a clock time, translated word for word (a hurricane)
    "The lander touched down at the 18.04 hour, Indian time.",  # (a Moon landing)
])
def test_not_lengths(sentence: str) -> None:
    assert read_durations(sentence) == []


@pytest.mark.parametrize(("sentence", "loose"), [
    ("Two hours later the miners were out.", True),  # a mine rescue
    ("They were found on Monday, nine days after they went missing.", True),  # a cave rescue
    ("The ship was refloated on 20 May, 55 days after the collision.", True),  # a bridge collapse
    ("The ship sat pinned under the wreckage for almost two months before crews floated it free.", False),
])
def test_offsets_are_lengths_read_loosely(sentence: str, loose: bool) -> None:
    """A distance in time between two moments is how long passed between them: it may agree with an
    elapsed-time fact but never accuse, unless "for" makes it a length outright."""
    (r,) = read_durations(sentence)
    assert bool(r.extra.get("loose")) is loose


def test_compound_precision_is_the_smallest_unit() -> None:
    """A compound length is as precise as its smallest unit, rounded or cut: "53 minutes" is 52.5 up
    to 54 (a mission clock's 10:53:41 cut to the minute)."""
    _, iv = one("The mission lasted 25 days, 10 hours and 53 minutes.")
    total = 25 * DAY + 10 * 60 + 53
    assert iv.contains(total) and (iv.lo, iv.hi) == (total - 0.5, total + 1)


@pytest.mark.parametrize(("raw", "shown"), [
    ("6 days", "6 days"), ("25.5 days", "25.5 days"), ("121 min", "121 min"), ("97 seconds", "97 seconds"),
])
def test_fact_values_render(raw: str, shown: str) -> None:
    assert KIND.render(KIND.parse_value(raw, {})) == shown


def test_hedged_fact_value() -> None:
    iv = KIND.parse_value("about 69 days", {})
    assert iv.contains(69 * DAY) and iv.contains(66 * DAY) and not iv.contains(80 * DAY)


@pytest.mark.parametrize("raw", ["69 dayz", "two weeks and", "69"])
def test_bad_values(raw: str) -> None:
    with pytest.raises(FactValueError):
        KIND.parse_value(raw, {})


# -- race times (issue 9): "9.80s", decimal commas, 9"80, race clocks (`clock`), bare decimals (`bare`) --------

SEC = 1 / 60  # minutes


def seconds(sentence: str, **kw: object) -> list[tuple[str, Interval]]:
    return [(r.text, r.value) for r in read_durations(sentence, **kw)]  # type: ignore[arg-type]


def bare(value: str) -> Bare:
    return Bare(units()["seconds"], decimals_of(value))


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # a sprint final
    ("The Italian won the final in 9.80s.", "9.80s", 9.80),
    ("The Italian won the final in 9.80 s, a European record.", "9.80 s", 9.80),
    ("The Italian won the final in 9.80 sec.", "9.80 sec", 9.80),
    ("The Italian won the final in 9.80secs.", "9.80secs", 9.80),
    ("The azzurro won with the time of 9,80 seconds.", "9,80 seconds", 9.80),
    ("The azzurro won in 9,80s.", "9,80s", 9.80),
    ('The azzurro won in 9"80.', '9"80', 9.80),
    ("The azzurro won in 9''80.", "9''80", 9.80),
    ("The azzurro won in 9″80.", "9″80", 9.80),
    # a swimming final and a pit stop
    ("She won the freestyle in 47.02s.", "47.02s", 47.02),
    ("She won the freestyle in 47,02 seconds.", "47,02 seconds", 47.02),
    ("She won the freestyle in 47''02.", "47''02", 47.02),
    ("The pit stop took 1.82s.", "1.82s", 1.82),
    ("The pit stop took 1,82 sec.", "1,82 sec", 1.82),
])
def test_race_time_forms(sentence: str, text: str, value: float) -> None:
    got, iv = one(sentence)
    assert got == text
    assert iv.contains(value * SEC)
    assert not iv.contains((value + 0.01) * SEC) and not iv.contains((value - 0.01) * SEC)


def test_minutes_seconds_hundredths() -> None:
    _, iv = one("He won the 800 m in 1'43\"13.")
    assert iv.contains(103.13 * SEC) and not iv.contains(103.14 * SEC)


@pytest.mark.parametrize(("fact", "read", "want"), [
    ("9.80 seconds", "9.80s", True),
    ("9.80 seconds", "9.81s", False),   # hundredths do not touch
    ("9.80 seconds", "9.79s", False),
    ("9.80 seconds", "9.8s", True),     # 9.75 to 9.85
    ("9.84 seconds", "9.8s", True),
    ("9.86 seconds", "9.8s", False),
    ("9.8 seconds", "9.84s", True),
    ("47.02 seconds", "47''02", True),
    ("47.02 seconds", "47.03 s", False),
])
def test_race_time_precision(fact: str, read: str, want: bool) -> None:
    assert agrees(f"She won in {read} on Sunday.", fact) is want


def test_neighbouring_hundredths_never_overlap() -> None:
    for i in range(900, 1100):
        a = KIND.parse_value(f"{i / 100:.2f} seconds", {})
        b = KIND.parse_value(f"{(i + 1) / 100:.2f} seconds", {})
        assert not a.overlaps(b), i


@pytest.mark.parametrize("sentence", [
    "The boom of the 1980s changed the sport.",      # a decade
    "He was in his 20s when he first ran.",          # an age
    "He ran the 100 m in 10 s flat.",                # "s" after a whole number: not read
])
def test_s_only_after_decimals(sentence: str) -> None:
    assert read_durations(sentence) == []


def test_thousands_stay_thousands() -> None:
    _, iv = one("The engine test firing lasted 1,500 seconds.")
    assert iv.contains(1500 * SEC) and not iv.contains(1.5 * SEC)


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("He won the marathon in 2:06:35.", "2:06:35", 2 * 3600 + 6 * 60 + 35),            # h:mm:ss
    ("The time trial was won in 1:05:34 by the champion.", "1:05:34", 3934),
    ("She took the 1500m title in 3:43.13.", "3:43.13", 223.13),                      # m:ss.xx
    ("He won the 200 m freestyle in 1:44.65, a record.", "1:44.65", 104.65),
    ("She won in 3:43,13.", "3:43,13", 223.13),
    ("He won the marathon in just under 2:07:00.", "just under 2:07:00", 2 * 3600 + 6 * 60 + 50),
])
def test_clock_with_opt_in(sentence: str, text: str, value: float) -> None:
    assert seconds(sentence) == []  # not read without `clock`
    (got, iv), = seconds(sentence, clock=True)
    assert got == text and iv.contains(value * SEC)


@pytest.mark.parametrize("sentence", [
    "The rocket lifted off at 06:47:44 GMT.",     # a time of day with seconds
    "The quake struck at 04:17:35 local time.",
    "The match kicked off at 9:45 pm.",
    "The launch window opens at 1:20.",            # m:ss without hundredths: not read
])
def test_clock_not_time_of_day(sentence: str) -> None:
    assert seconds(sentence, clock=True) == []


@pytest.mark.parametrize(("sentence", "text"), [
    ("Jacobs won the final in 9.80, a European record.", "9.80"),
    ("Kerley 9.84, a personal best.", "9.84"),
    ("Kerley was second in 9,84, and De Grasse third.", "9,84"),
    ("She touched in 47.02 to win the freestyle.", "47.02"),
    ("He was never under 9.90 this season.", "under 9.90"),
])
def test_bare_with_opt_in(sentence: str, text: str) -> None:
    assert [t for t, _ in seconds(sentence)] == []  # not read without `bare`
    got = read_durations(sentence, bare=bare("9.80 seconds"))
    # (a hedged bound also says which side and at what figure: "under 9.90" is a bound at 9.90 s)
    flags = {k: v for k, v in got[0].extra.items() if k not in ("bound", "point")} if got else None
    assert [r.text for r in got] == [text] and flags == {"bare": True}


@pytest.mark.parametrize("sentence", [
    "Jacobs ran 9.8 in the heats.",                  # other decimals than the value
    "Tamberi cleared 2.37 metres.",                  # a unit
    "The high jump bar was at 2.37m.",
    "Their share rose to 9.80% in the poll.",        # a sign
    "The ticket cost $9.80 at the gate.",            # a currency
    "The gap was 9.80-9.85 in the heats.",           # a range
    "The rating was 9.80 points.",                   # a figure's word
    "Doors open at 9.45 pm.",                        # a dotted time of day
    "He ran 1.500 before lunch.",                    # thousands or decimals: cannot tell
    "The index rose 9.80 million.",
])
def test_bare_limits(sentence: str) -> None:
    assert read_durations(sentence, bare=bare("9.80 seconds")) == []


def test_bare_decimals_follow_the_value() -> None:
    got = read_durations("Jacobs ran 9.8 in the heats, 9.84 in the semi.", bare=bare("9.8 seconds"))
    assert [r.text for r in got] == ["9.8"]


@pytest.mark.parametrize(("raw", "options", "shown"), [
    ("9.80 seconds", {}, "9.80 seconds"), ("9.8 seconds", {}, "9.8 seconds"), ("9.80s", {}, "9.80 seconds"),
    ('9"80', {}, "9.80 seconds"), ("2:06:35", {"clock": True}, "2:06:35"), ("3:43.13", {"clock": True}, "3:43.13"),
    ("9.80 seconds", {"bare": units()["seconds"]}, "9.80 seconds"),
])
def test_race_time_values(raw: str, options: dict[str, object], shown: str) -> None:
    assert KIND.render(KIND.parse_value(raw, options)) == shown


@pytest.mark.parametrize(("options", "error"), [
    ({"bare": "furlongs"}, "`bare` must name"), ({"clock": "maybe"}, "`clock` must be true or false"),
])
def test_bad_race_options(options: dict[str, object], error: str) -> None:
    with pytest.raises(FactValueError, match=error):
        KIND.parse_options(options)


@pytest.mark.parametrize(("raw", "options"), [
    ("2:06:35", {}),                                      # a clock needs `clock: true`
    ("10 seconds", {"bare": units()["seconds"]}),         # `bare` needs the value's decimals
    ("9.80", {"bare": units()["seconds"]}),               # the value keeps its unit
])
def test_bad_race_values(raw: str, options: dict[str, object]) -> None:
    with pytest.raises(FactValueError):
        KIND.parse_value(raw, options)


def test_options_parse() -> None:
    assert KIND.parse_options({"clock": "yes", "bare": "Seconds"}) == {"clock": True, "bare": units()["seconds"]}
    assert KIND.parse_options({}) == {}


# -- round trips: a race time rendered in each form the kind reads, read back ---------------------

FORMS = ["{s}.{f:02d}s", "{s}.{f:02d} s", "{s}.{f:02d} sec", "{s}.{f:02d}secs", "{s}.{f:02d} seconds",
         "{s},{f:02d} seconds", "{s},{f:02d}s", '{s}"{f:02d}', "{s}''{f:02d}"]


@given(st.integers(1, 599), st.integers(0, 99), st.sampled_from([*FORMS, "bare"]))
@example(9, 80, "{s},{f:02d} seconds")
@example(9, 80, "bare")
def test_race_time_roundtrip(s: int, f: int, form: str) -> None:
    text = f"{s}.{f:02d}" if form == "bare" else form.format(s=s, f=f)
    found = read_durations(f"The winner finished in {text} on Sunday.", bare=bare("9.80 seconds"))
    assert [r.text for r in found] == [text]
    iv = found[0].value
    assert iv.overlaps(KIND.parse_value(f"{s}.{f:02d} seconds", {}))
    assert iv.contains((s + f / 100) * SEC)
    assert not iv.contains((s + f / 100 + 0.01) * SEC) and not iv.contains((s + f / 100 - 0.01) * SEC)


@given(st.integers(0, 9), st.integers(0, 59), st.integers(0, 59), st.integers(0, 99))
@example(2, 6, 35, 0)
@example(0, 3, 43, 13)
def test_race_clock_roundtrip(h: int, m: int, s: int, f: int) -> None:
    text = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}.{f:02d}"
    total = h * 3600 + m * 60 + s + (0 if h else f / 100)
    found = read_durations(f"She won the race in {text}, a course record.", clock=True)
    assert [r.text for r in found] == [text]
    assert found[0].value.contains(total * SEC)
    step = 1 if h else 0.01
    assert not found[0].value.contains((total + step) * SEC)
    assert KIND.parse_value(text, {"clock": True}) == found[0].value


@pytest.mark.parametrize("sentence, fact, same", [
    # minutes and seconds as sport reports mark them, without hundredths
    ("Shaw scored after only 1'57'' of the final.", "117 seconds", True),
    ("The fastest goal came after 1′57″.", "127 seconds", False),
    ("The record fell to 3'26\" for the mile.", "206 seconds", True),
    ("The record fell to 3'26\" for the mile.", "216 seconds", False),
])
def test_minutes_and_seconds_marked(sentence: str, fact: str, same: bool) -> None:
    assert agrees(sentence, fact) is same


@pytest.mark.parametrize(("sentence", "side", "years"), [
    # a hedged bound says its side and its figure (a sentence's maximum; a record's floor)
    ("He had faced a maximum of 30 years.", "up_to", 30),
    ("The record stood for more than 12 years.", "over", 12),
])
def test_a_bound_says_its_side_and_figure(sentence: str, side: str, years: int) -> None:
    got = read_durations(sentence)
    assert len(got) == 1 and got[0].extra.get("bound") == side
    assert abs(got[0].extra["point"] - years * 525960) / (years * 525960) < 0.01
