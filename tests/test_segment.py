"""Clause splitting (factcheck/segment.py): what opens a clause of its own."""

from __future__ import annotations

import pytest

from factcheck.segment import segment


def _clauses(text: str) -> list[tuple[str, bool]]:
    return [(g.text, g.anchor) for g in segment(text).sentences[0].segments]


@pytest.mark.parametrize("text, anchor_clause", [
    # a spelled number after "after"/"before" that is no span of time opens a clause (two stories)
    ("The rocket thundered off its pad early Wednesday, after two summer countdowns ended in scrubs.",
     "after two summer countdowns ended in scrubs."),
    ("The ship was freed on Monday after two tugboats pulled it clear.", "after two tugboats pulled it clear."),
])
def test_after_a_number_of_things_is_a_clause(text: str, anchor_clause: str) -> None:
    assert (anchor_clause, True) in _clauses(text)


@pytest.mark.parametrize("text", [
    "The two leaders spoke for an hour, after two hours of delays.",
    "The men were hoisted out after two long weeks of drilling.",
    "Rescuers reached them after three days underground.",
])
def test_after_a_span_of_time_stays_in_its_clause(text: str) -> None:
    assert not any(anchor and "after" in t for t, anchor in _clauses(text))


@pytest.mark.parametrize("line, dateline", [
    # a place written in title case, with a slash for two places, and a numeric date (machine translations)
    ("Frankfurt/Washington, 16.06.2022 – The US central bank raised rates by 0.75 points.",
     "Frankfurt/Washington, 16.06.2022 – "),
    ("Bern, 02.03.2020 (sda) The federal council met on Monday.", "Bern, 02.03.2020 (sda) "),
    ("Lahaina/Honolulu, 10/08/2023 – The fire destroyed the historic town.", "Lahaina/Honolulu, 10/08/2023 – "),
    # with the time it was filed and a region's abbreviation (machine translations from Spanish)
    ("Mazatlán, Sin., 08/04/2024, 19:40 hours (time of the Pacific).- The sky went dark at 11:07.",
     "Mazatlán, Sin., 08/04/2024, 19:40 hours (time of the Pacific).- "),
    ("Guadalajara, Jal., 12/09/2023, 20:15 h.- Apple presented its new phones.",
     "Guadalajara, Jal., 12/09/2023, 20:15 h.- "),
    # two cities in capitals, the first with its state (an agency's merger story; a launch)
    ("BURBANK, Calif./NEW YORK, March 21 — Walt Disney Co on Wednesday completed the deal.",
     "BURBANK, Calif./NEW YORK, March 21 — "),
    ("CAPE CANAVERAL, Fla./HOUSTON, Nov. 16 — The rocket lifted off on Wednesday.",
     "CAPE CANAVERAL, Fla./HOUSTON, Nov. 16 — "),
])
def test_a_dated_dateline_is_furniture(line: str, dateline: str) -> None:
    """The dateline's date is the article's, not a claim about the event (a rate decision, a wildfire)."""
    doc = segment(line + "\n")
    assert [(line[a:b], why) for a, b, why in doc.furniture] == [(dateline, "dateline")]


@pytest.mark.parametrize("text, n", [
    ("The new phones switch to USB-C. The Pro models are made of titanium.", 2),  # a launch event
    ("The ship reached Gate B-C. Tugs then pulled it north.", 2),  # a canal blockage
    ("Secretary of State Antony J. Blinken spoke on Monday.", 1),  # an initial stays in its sentence
])
def test_a_letter_after_a_hyphen_ends_a_sentence(text: str, n: int) -> None:
    assert len(segment(text).sentences) == n


@pytest.mark.parametrize("text, n", [
    # a case name's "v." between two names is no sentence's end: an election's court case, a trial's
    ("The Supreme Court decided Bush v. Gore on 12 December 2000, five votes to four.", 1),
    ("The justices overturned Roe v. Wade on Friday, 24 June 2022.", 1),
    ("The jury in Depp v. Heard returned its verdict on 1 June.", 1),
    # ... but a sentence ending after a case name still ends there
    ("The court decided Bush v. Gore. Gore conceded the next evening.", 2),
])
def test_a_case_name_is_one_sentence(text: str, n: int) -> None:
    assert len(segment(text).sentences) == n


@pytest.mark.parametrize("text, n", [
    # a rank or title before a name is no sentence's end (before: "Maj." ended the sentence, cutting
    # the name from its role)
    ("Adjutant General Maj. Gen. Joe Logan learns the alert was false.", 1),
    ("Brig. Gen. Kenneth Hara flew to the island on Sunday.", 1),
    ("Capt. Chesley Sullenberger landed the jet on the river.", 1),
    ("Rev. David Hoyle delivered the sermon at the abbey.", 1),
    ("The order came from Gen. Milley. Troops left the next day.", 2),
])
def test_a_rank_before_a_name_is_one_sentence(text: str, n: int) -> None:
    assert len(segment(text).sentences) == n


@pytest.mark.parametrize("text, first_clause_ends", [
    # a colon after a date's day or a number ends its clause when words follow (an election recount's
    # live blog, a canal blockage's update); a ratio or a clock "9: 30" is not cut
    ("36 days after the election of Tuesday, Nov. 7: the court's ruling came down late on Monday, Dec. 11.",
     "Nov. 7"),
    ("Update on Day 6: tugs freed the stern of the ship on Monday.", "Day 6"),
])
def test_a_colon_after_a_number_ends_a_clause(text: str, first_clause_ends: str) -> None:
    sentence = segment(text).sentences[0]
    heads = [text[g.start:g.end] for g in sentence.segments]
    assert any(h.endswith(first_clause_ends) for h in heads), heads
    assert not any(first_clause_ends + ":" in h for h in heads), heads


@pytest.mark.parametrize("text, n", [
    ("The hearing began at 9:30 a.m. Murdaugh, 54, told the court he was innocent.", 2),  # a trial
    ("The rocket lifted off at 1:47 a.m. The crowd on the causeway cheered.", 2),  # a launch
    ("The polls closed at 10 p.m. Turnout was 60 percent.", 2),  # an election
    # a weekday, a month or a zone after the clock stays in its sentence
    ("The hearing resumes at 9:30 a.m. Monday in Walterboro.", 1),
    ("The rocket lifted off at 1:47 a.m. Eastern on Wednesday.", 1),
    ("The polls closed at 10 p.m. Moscow time.", 1),
    ("Liftoff came at 1:47 a.m. EST (06:47 GMT).", 1),
])
def test_a_clock_may_end_a_sentence(text: str, n: int) -> None:
    assert len(segment(text).sentences) == n


@pytest.mark.parametrize("text, clause", [
    # an acquisition: the regulator's abbreviation; a launch: a ticker; an election: a party's initials
    ("The Competition and Markets Authority (CMA) cleared the takeover on Friday morning.",
     "The Competition and Markets Authority (CMA) cleared the takeover on Friday morning."),
    ("Activision (NYSE: ATVI) fell 2% on Friday.", "Activision (NYSE: ATVI) fell 2% on Friday."),
    ("The Liberal Democrats (LD) won 72 seats.", "The Liberal Democrats (LD) won 72 seats."),
])
def test_short_aside_stays_in_its_clause(text: str, clause: str) -> None:
    assert [g.text for g in segment(text).sentences[0].segments] == [clause]


def test_aside_with_a_figure_is_a_clause_of_its_own() -> None:
    # "Behind Macron (27.85 %) and Le Pen (23.15 %)": each figure goes with the name before it
    doc = segment("Behind Macron (27.85 %) and Le Pen (23.15 %) came Mélenchon.")
    segs = [g.text for g in doc.sentences[0].segments]
    assert "27.85 %" in segs


def test_hard_wrapped_prose_is_read_whole() -> None:
    """Plain-text wires and translations wrapped at a fixed width: a line break inside a sentence is a
    space (two stories: a referendum, a cave rescue); the text keeps its length and offsets."""
    text = ("At the end of a long night of counting, the United Kingdom has decided on Thursday 23.06.2016 "
            "to quit the\n"
            "European Union, forty-one years after a first referendum on the European question.\n"
            "The last four boys and their coach came out of the cave on Tuesday evening, and the\n"
            "divers who had guided them were the last to leave the flooded chamber, officials said.\n")
    doc = segment(text)
    assert [s.text.split()[-1] for s in doc.sentences] == ["question.", "said."]
    assert all(text[s.start : s.end].replace("\n", " ") == s.text for s in doc.sentences)


def test_text_wrapped_at_a_width_is_read_whole() -> None:
    """A text wrapped at a fixed width breaks lines between capitalised words too: a line the next
    line's first word would not have fitted on, ending no sentence, runs on (a referendum's
    translation: "... at 22 o'clock Central" / "European Summer Time."; a shuttle launch's wire:
    "... Kennedy Space" / "Center in Florida."), and a date after a word that cannot end a sentence
    ("... in Edinburgh on" / "15 October 2012."); a short line that ends early stays apart."""
    lines = ["The polling stations had opened at 8 o'clock of our time and closed at 22 o'clock Central",
             "European Summer Time. Already in the night of the count it was clear the Yes camp would lose.",
             "The shuttle lifted off at 11:38 a.m. on Tuesday from Launch Complex 39B at the Kennedy Space",
             "Center in Florida, watched by the families of the crew and schoolchildren across the country.",
             "The commission will publish its findings in June after hearings in Washington and Utah.",
             "The agreement was signed by both leaders at St Andrew's House in the city of Edinburgh on",
             "15 October 2012. It gave the parliament the power to hold a referendum on its own terms.",
             "Officials Said Nothing More",
             "Teachers across the country had followed the mission live in their classrooms all morning."]
    text = "\n".join(lines) + "\n"
    doc = segment(text)
    firsts = [s.text[:12] for s in doc.sentences]
    assert "European Sum" not in firsts and "Center in Fl" not in firsts and "15 October 2" not in firsts
    assert "Officials Sa" in firsts and "Teachers acr" in firsts
    assert all(text[s.start : s.end].replace("\n", " ") == s.text for s in doc.sentences)


def test_lines_that_are_not_wrapped_stay_apart() -> None:
    """Headings, bylines, list items, timeline stamps and short lines are not joined (a fire, an
    election count)."""
    text = ("Fire ravages the cathedral as its spire collapses in the evening\n"
            "By Jane Doe, Paris correspondent, with reporting from the scene by\n"
            "- 18:20 the alarm sounds for the first time in the roof space of the\n"
            "18:50 flames are seen above the roof by passers-by on the embankment of the\n"
            "24 Jun 2016 (Fri) — the count ends in Manchester and the officer declares the\n"
            "1. Leave wins\n")
    doc = segment(text)
    assert [s.text[:10] for s in doc.sentences] == ["Fire ravag", "By Jane Do", "- 18:20 th", "18:50 flam",
                                                    "24 Jun 201", "1.", "Leave wins"]


def test_an_answer_opening_on_a_preposition_is_no_dateline() -> None:
    """"On Thursday, 23 June." answering "When did people vote?" (a referendum) and "On Friday, Nov.
    17." answering "When was he fired?" (a chief executive's removal) are sentences, not datelines;
    "LONDON, June 24 (Wire) —" still is one."""
    for text in ("When did people vote?\nOn Thursday, 23 June. Polling stations were open for 15 hours.\n",
                 "When was he fired?\nOn Friday, Nov. 17. The board told him on a video call.\n"):
        doc = segment(text)
        assert doc.furniture == () and doc.sentences[1].text.startswith("On ")
    doc = segment("LONDON, June 24 (Wire) — Britain voted to leave.\n")
    assert [f[2] for f in doc.furniture] == ["dateline"]


@pytest.mark.parametrize("line", [
    # a city, then a country or state of two or three words (a trial verdict; a rocket launch)
    "PRETORIA, South Africa, Sept. 13, 2014 (Wire) -- Oscar Pistorius walked out of court on bail.",
    "BOCA CHICA, South Texas, April 20 (Wire) - The rocket exploded minutes after lift-off.",
    "WOOMERA, South Australia, Dec. 6 (Wire) — The capsule was found in the desert.",
])
def test_a_dateline_with_a_region_of_several_words_is_furniture(line: str) -> None:
    """The date of a dateline whose city is followed by a region of several words is the page's date,
    not a date the story tells (it accused a later event's date before)."""
    doc = segment(line + "\n")
    assert [f[2] for f in doc.furniture] == ["dateline"]
    assert not doc.sentences[0].text.startswith(line.split(",")[0])


@pytest.mark.parametrize("text, whole", [
    # "N days later": the count stays with its unit (a mine rescue; a bank's bankruptcy)
    ("A note scrawled in red showed, 17 days later, that every man had survived.", "17 days later"),
    ("Barclays bought the North American business, 5 days later, for $1.75 billion.", "5 days later"),
    # ... spelled too (a submarine's sinking; a launch)
    ("The navy had made the accident public only two days later and accepted help.", "only two days later"),
    ("A few weeks later the rocket flew again.", "A few weeks later"),
])
def test_a_count_stays_with_its_unit_before_later(text: str, whole: str) -> None:
    assert any(whole in t for t, _ in _clauses(text))


@pytest.mark.parametrize("text, aside", [
    # an apposition that opens a relative clause tells of the noun before it (two stories)
    ("The rocket lifted off from Launch Complex 39A, the same pad that sent Apollo 11 to the Moon in 1969.",
     "the same pad that sent Apollo 11 to the Moon in 1969."),
    ("Kiptum won in 2:00:35 in Chicago, a time that took 34 seconds off the 2022 world record.",
     "a time that took 34 seconds off the 2022 world record."),
])
def test_an_apposition_with_a_relative_clause_is_a_clause(text: str, aside: str) -> None:
    clauses = [t for t, _ in _clauses(text)]
    assert aside in clauses
    assert not any("Apollo 11" in t or "2022" in t for t in clauses if t != aside)


def test_a_plain_apposition_stays_in_its_clause() -> None:
    clauses = [t for t, _ in _clauses("Alcaraz, the 20-year-old Spaniard, won the final in five sets.")]
    assert len(clauses) == 1


@pytest.mark.parametrize("text, first", [
    # a publication's name, then a bar or a dash, then the date: the page's date line (a basketball
    # final's brief; a bank's bankruptcy in a morning newsletter)
    ("MORNING BRIEFING | Monday, June 20, 2016\n\nThe Cavaliers won Game 7 last night.\n", True),
    ("MORNING MONEY — Tuesday, 16 September 2008, 6:45 a.m. ET\n\nLehman filed yesterday.\n", True),
    # further down the page it heads a section (an air crash's timeline): its date is the section's
    ("FACT BOX | Concorde\n\nA chronology of the airliner.\nPublished 30 November 2012\n\n"
     "THE CRASH — Tuesday 25 July 2000\nMinutes before, a DC-10 departs.\n", False),
])
def test_a_named_date_line_at_the_head_is_the_pages(text: str, first: bool) -> None:
    doc = segment(text)
    named = [text[a:b] for a, b, why in doc.furniture
             if why == "page date line" and ("|" in text[a:b] or "—" in text[a:b])]
    assert bool(named) == first


@pytest.mark.parametrize("line", [
    "Friday, Sept. 18, 2015 - The agency issues a notice of violation to the carmaker.",  # a scandal
    "Wednesday, 13 October 2010 - The last of the miners reaches the surface.",  # a mine rescue
    "Sun., Nov. 16, 2022 – The rocket lifts off at the third attempt.",  # a launch
])
def test_a_timeline_stamp_opening_on_a_weekday_is_no_dateline(line: str) -> None:
    """A chronology's line stamped with a weekday and a date is a sentence of its own (the stamp is
    the event's date), not a dateline: a weekday is no place."""
    doc = segment(line + "\n")
    assert doc.furniture == () and doc.sentences[0].text.startswith(line.split(",")[0])


@pytest.mark.parametrize("text, dateline", [
    ("KATHMANDU, April 26 (Wire)\n\nThe death toll rose yesterday.\n", "KATHMANDU, April 26 (Wire)"),  # a quake
    ("Copiapó, 14.10.2010 (dpa)\n\nThe last miner was hoisted out.\n", "Copiapó, 14.10.2010 (dpa)"),  # a rescue
    ("BERLIN, Aug 16 (Wire) -\nBolt broke the record.\n", "BERLIN, Aug 16 (Wire) -"),  # a sprint
])
def test_a_dateline_alone_on_its_line_is_furniture(text: str, dateline: str) -> None:
    """A dated dateline on a line of its own, the story below it, is the article's date (it dates
    "yesterday"), not a sentence about the event."""
    doc = segment(text)
    assert [(text[a:b], why) for a, b, why in doc.furniture] == [(dateline, "dateline")]
    assert len(doc.sentences) == 1


def test_a_short_title_with_a_year_is_no_dateline() -> None:
    """"MOSCOW, 1999" under a heading, "The final, 2022": a year alone is no dateline's date."""
    for text in ("Results\nMOSCOW, 1999\nThe day.\n", "The final, 2022\nText.\n"):
        assert segment(text).furniture == ()


@pytest.mark.parametrize("text, anchor_clauses", [
    # "after that of 1968" is "after the one of 1968", an anchor ("after that" alone is "then")
    ("It is the second European title, 53 years after that of 1968, conquered in Rome against Yugoslavia.",
     ["after that of 1968", "conquered in Rome against Yugoslavia."]),
    # a participle with no subject, to the sentence's end, goes on about the anchor's event
    ("It was their first final since the World Cup of 1966, won at home against West Germany.",
     ["since the World Cup of 1966", "won at home against West Germany."]),
    ("The fire was the deadliest since the blaze of 1971, started by a faulty heater.",
     ["since the blaze of 1971", "started by a faulty heater."]),
    # ... not a main clause after it ("held on Sunday, the party won")
    ("After the vote, held on Sunday, the party won.", ["After the vote"]),
])
def test_a_participle_after_an_anchor_goes_on_about_its_event(text: str, anchor_clauses: list[str]) -> None:
    assert [t for t, anchor in _clauses(text) if anchor] == anchor_clauses



@pytest.mark.parametrize("note", [
    # a translator's note heading a machine translation, with the original's title and date (a
    # football final, a cloud outage, an air crash): read, marked as a note (its values only agree)
    '[Machine translation from German. Original: "Frankreich ist Weltmeister", Sportredaktion, 16.07.2018, 14:35 Uhr]',
    '[Machine translation from German. Original: "Facebook-Blackout", Berlin, 05.10.2021]',
    "[Automatic translation from French — original article: « Vol AF447 : le procès s'ouvre »]",
])
def test_a_translators_note_is_marked(note: str) -> None:
    doc = segment(note + "\n\nThe final was played on Sunday.")
    assert doc.furniture == ()
    assert [s.note for s in doc.sentences] == [True] * (len(doc.sentences) - 1) + [False]


def test_a_bracketed_sentence_without_translation_is_no_note() -> None:
    doc = segment("[The final was played on Sunday 15 July.]\n\nFrance won.")
    assert not any(s.note for s in doc.sentences)


@pytest.mark.parametrize("box", [
    "KEY FACTS\nMVP: Tom Brady, QB, New England\nU.S. TV: Fox; average audience 111.3 million\n",  # a Super Bowl
    "THE QUAKE\nMAGNITUDE: 7.8 at 04:17 local time\nEPICENTRE: near Pazarcik, Kahramanmaras\n",  # an earthquake
])
def test_a_fact_box_label_before_a_colon_is_no_dateline(box: str) -> None:
    """A fact box's labels in capitals before a colon, on two lines or more, are no dateline's place:
    the label stays in its line's sentence (the cue of a fact of the box)."""
    doc = segment(box)
    assert doc.furniture == ()
    labels = [line.split(":")[0] for line in box.splitlines()[1:]]
    assert [s.text.split(":")[0] for s in doc.sentences if ":" in s.text] == labels


def test_a_lone_label_before_a_colon_is_still_a_dateline() -> None:
    """"NEW DELHI: The ..." alone on its page is a dateline (an election; a heatwave)."""
    for text in ("NEW DELHI: The BJP won 240 seats.\n", "CHENNAI: Temperatures reached 45 degrees.\n"):
        assert [f[2] for f in segment(text).furniture] == ["dateline"]


_HEAD = "Timeline\n\nCompiled by the graphics desk.\n\nTHE DAY\n\n"


@pytest.mark.parametrize("row", [
    # a timeline's stamp row in the body: one moment on several clocks, or a date and a clock (a probe's
    # end, a football match, a launch)
    "11:55:46 UTC | 04:55:46 PDT | 06:55:46 EDT | 13:55:46 CEST",
    "Tue 7 May 2019 | 20:00 BST | 19:00 UTC | 21:00 CEST",
    "16 Nov 2022 | 06:47 UTC (at the pad)",
])
def test_a_stamp_row_in_the_body_is_read(row: str) -> None:
    """Pipes split it like a navigation bar, but every cell is a date or a clock time: its values are
    the timeline's, not the page's (before: all dropped as 'navigation, byline or footer')."""
    text = _HEAD + row + "\nThe signal is lost.\n"
    assert not any(text[a:b] == row for a, b, _ in segment(text).furniture)


@pytest.mark.parametrize("row", [
    "News | Sport | Jobs",
    "Staff writer | 3 May 2019, 10:15 BST",
    "Published 3 May 2019 | 10:15 BST",
])
def test_a_byline_or_navigation_row_stays_furniture(row: str) -> None:
    text = _HEAD + row + "\nThe signal is lost.\n"
    assert any(text[a:b] == row for a, b, _ in segment(text).furniture)


def test_a_stamp_row_in_the_page_head_is_the_page_stamp() -> None:
    text = "3 May 2019 | 10:15 BST\nThe match was played at Anfield.\n"
    assert [text[a:b] for a, b, _ in segment(text).furniture] == ["3 May 2019 | 10:15 BST"]
