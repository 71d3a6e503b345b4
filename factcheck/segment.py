"""Cut an article into paragraphs, sentences and clause segments, keeping character offsets.

Page furniture (page-date lines, datelines, bylines, related-link headlines, share bars) is
marked so that nothing in it is read as the article's claim: a scraped site's own date
("Thursday, June 20, 2024", seed 002) must bind to nothing.

What is read is `reading_text(text)`, a copy of the text of exactly the same length with the
characters that look like nothing, or like something else, made plain (docs/robustness.md):
zero-width spaces and joiners, word joiners, soft hyphens, stray BOMs and bidi marks are taken
out of the word they sit in and put back as spaces after it ("Blin\u00adken said" reads as
"Smith  said"); digits of any script and full-width forms become ASCII ("\uff19\uff14" = "94");
"94'300" and "94\u2019300" are 94,300; a word that mixes Latin with Cyrillic or Greek
look-alikes ("\u0412rinken") is read in Latin letters. `Sentence.text` and `Segment.text` hold the
reading text; `Document.text` stays the article's own, so every offset, line, column and quote
points into the original (a word that held invisible characters only ends a little early).
Everything here is linear in the length of the text: no pattern is tried against a growing
prefix, and the whole-line furniture patterns only run on lines short enough to be furniture.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from factcheck.lang import alternation, lang


@dataclass(frozen=True)
class Segment:
    """A clause-sized piece of a sentence. `anchor` segments introduce another event
    ("two days after the video call"): their values belong to the event they name."""

    start: int
    end: int
    text: str
    anchor: bool = False
    anchor_word: str = ""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int  # sentence number in the document
    segments: tuple[Segment, ...]
    caption: bool = False  # a line under a photo: its values only ever agree
    note: bool = False  # a translator's note ("[Machine translation from German. Original: ...]"): the same


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[Sentence, ...]
    furniture: tuple[tuple[int, int, str], ...]  # (start, end, why) spans not read as claims
    line_starts: tuple[int, ...]
    # runs of `text` (start, end) whose invisible characters the reading text moved to their end
    moved: tuple[tuple[int, int], ...] = ()
    reading: str = ""  # `reading_text(text)`, what sentences and segments hold (same length as `text`)

    def source_end(self, end: int) -> int:
        """The end, in the article's own text, of a span that ends at `end` in the reading text:
        past the invisible characters inside the word ("Blin\u00adken" is 8 characters, read as 7)."""
        import bisect

        i = bisect.bisect_left(self.moved, (end, end)) - 1
        if i < 0 or not self.moved[i][0] < end <= self.moved[i][1]:
            return end
        a, b = self.moved[i]
        visible = end - a
        for j in range(a, b):
            if not _INVISIBLE.match(self.text, j):
                visible -= 1
                if visible == 0:
                    return j + 1
        return end

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        import bisect

        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1


_MONTH = alternation(lang().months)
# ... and a translation's month names, in a dateline only ("Lyon, 12 mai 2018 –", "GIGLIO, 14. Januar 2012 -")
_ANY_MONTH = alternation([*lang().months, *lang().data["foreign_months"]])
_WEEKDAY = alternation(lang().weekdays)

# A line that is only a date (a page's own date line), optionally with a weekday and time.
_DATE_LINE_BODY = (
    rf"\W*(?:(?:{_WEEKDAY})\.?,?\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    r"(?:\s*[,|·-]?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
    # a reading time after the date: "21 August 2023 · 3 min read"
    r"(?:\s*[,|·•-]\s*\d{1,3}[- ]?min(?:ute)?s?\.?\s+read)?\W*$")
# the publication's name may come first: "The Harbor Review · August 8, 2024"
_DATE_LINE = regex.compile(rf"^(?:[^.!?|·•\n]{{1,40}}\s[·•]\s+)?{_DATE_LINE_BODY}", regex.IGNORECASE)
# ... and in the page's first lines, after a bar or a dash too: "MORNING BRIEFING | Monday, June 20,
# 2016", "MORNING MONEY — Tuesday, 16 September 2008, 6:45 a.m. ET" (further down, "THE CRASH —
# Tuesday 25 July 2000" heads a section of a timeline: its date is the section's)
_HEAD_DATE_LINE = regex.compile(rf"^[^.!?|·•\n]{{1,40}}\s(?:[|—–]|-)\s+{_DATE_LINE_BODY}", regex.IGNORECASE)
_HEAD_LINES = 3  # the page's first lines, not blank, where a named date line is the page's
# Lines that are page furniture by their look.
_FURNITURE_LINE = regex.compile(
    r"^\s*(?:\[ad_\d\]|source\s+link|leave\s+a\s+reply|comments?|most\s+popular|recent\s+comments|"
    r"related\s+articles|back\s+to\s+top(?:\s+button)?|share(?:\s+this)?(?:\s+(?:on|article|story))?|"
    r"no\s+script|please\s+wait\.*|advertisement|print|email|tweet|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published\.?|.*\bstar\s*add\s+to\s+favorites|"
    r"(?:also\s+)?read(?:\s+more|\s+also)?\s*:.*|related\s*:.*|see\s+also\s*:.*|more\s*:.*|"
    r"(?:by|from)\s+[^.]{1,60}?(?:[-–—|,]\s*.*\d{4})?|.*(?:folder_open|access_time).*|"
    r"(?:home|news)\s*[»>›].*|.*\s[»›]\s.*|photo\s*:.*|image\s*:.*|\(?(?:ap|reuters|afp)\s+photo.*|"
    r"(?:last\s+)?(?:updated|published|posted|first\s+published|modified)\b.{0,100}|tags?\s*:.*|"
    r"share\s*:.*|(?:we\s+use\s+)?cookies?\b.{0,200}|advertisement|sponsored.*|"
    # a newsletter's list of its other items ("Also today: the planets to watch on New Year's Eve")
    r"also\s+(?:today|inside|in\s+this\s+(?:issue|edition|newsletter))\s*:.*|in\s+other\s+news\s*:.*)\s*$",
    regex.IGNORECASE,
)
# Navigation bars, bylines and footers split by pipes ("News | Sport | Jobs", "Staff writer | 3 May
# 2019, 10:15 BST"), copyright lines, tickers ("Breaking: ..."), inline "... MORE" links: furniture
# whatever the story.
_PIPED = regex.compile(r"^[^|\n]{0,40}(?:\|[^|\n]{0,40}){2,}$"  # three short parts or more: a navigation bar
                       r"|^[^|\n]{0,40}\|[^|\n]{0,12}\d{1,2}[^|\n]{0,40}$"  # "Staff writer | 3 May 2019, 10:15 BST"
                       # "Saturday 14 October 2023, 07:30 BST | By Tom Reddin", and the other way round
                       r"|^[^|\n]{0,60}\|\s*(?i:by)\s+[^|\n]{1,50}$|^\s*(?i:by)\s+[^|\n]{1,50}\|[^|\n]{0,60}$"
                       # "By Ann Lee | Published Tuesday, August 22, 2023, 6:10 a.m. HST | 3 min read"
                       r"|^\s*(?i:by)\s+[^|\n]{1,50}(?:\|[^|\n]{0,80}){2,4}$")
# ... not a timeline's stamp row, one moment on several clocks ("11:55:46 UTC | 04:55:46 PDT | 13:55:46
# CEST", "Mon 11 Sep 2017 | 19:04 UTC | 12:04 PDT", "9 Sep 2017 | 00:08 UTC (at Saturn)"): every cell a
# date or a clock time with its zone, one clock time at least (a byline has a name or a word); in the
# page's head lines such a row is the page's own stamp, and stays furniture
_STAMP_CELL = regex.compile(
    r"\s*(?:~|about\s+|c\.\s*)?(?:"
    r"(?P<clock>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?\s*\p{Lu}{1,5}(?:\s*[+\u2212-]\s*\d{1,2}(?::\d{2})?)?)"
    r"|(?:(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}{0,6}\.?,?\s+)?(?:\d{1,2}\s+\p{L}{3,9}\.?(?:\s+\d{4})?|\p{L}{3,9}\.?\s+\d{1,2},?(?:\s+\d{4})?))"
    r"(?:\s*\([^()|\n]{1,20}\))?\s*")


def _stamp_row(line: str) -> bool:
    cells = line.split("|")
    matched = [_STAMP_CELL.fullmatch(c) for c in cells]
    if len(cells) >= 2 and all(matched) and any(m is not None and m.group("clock") for m in matched):
        return True
    # a fact box's row, every cell with a figure: a timeline's clocks in columns ("11:10 | 09:10 |
    # 05:10 - 40 km in 1:54:53", its zones in a header row) or results ("2nd: Korir 2:05:58 | 3rd:
    # Abate 2:06:28"); a navigation bar's cells are words ("News | Sport | Jobs")
    return len(cells) >= 2 and all(_DIGIT.search(c) for c in cells)


_DIGIT = regex.compile(r"\d")


_FOOTER_LINE = regex.compile(
    r"^\s*(?:(?i:©|\(c\)\s|copyright\b|all\s+rights\s+reserved|breaking(?:\s+news)?\s*[:—–-]|live\s*[:—–-]|"
    r"(?:accept|reject|manage)\s+(?:all\s+)?cookies|this\s+(?:site|website)\s+uses\s+cookies|"
    r"sign\s+(?:in|up)\b|subscribe\b|newsletter\b|skip\s+to\s+(?:main\s+)?content|"
    r"(?:caption|credit|photograph|pictured)\s*:)|.{0,150}\s(?:MORE|READ\s+MORE)\s*[›»>]?\s*$)",
)
# A photo's caption: read, but its values only ever agree (judging.py, rule value.caption): a
# caption's date is often the photo's ("... at Portland International Airport, Jan. 6, 2024. (AP
# Photo/Jenny Kane)"), a day after the event it shows
_CAPTION_LINE = regex.compile(
    r"^\s*(?i:(?:photo|image|picture|video)\s+caption\s*:)"
    r"|.{0,400}\((?i:[^()\n]{0,40}\bphoto(?:graph)?\b[^()\n]{0,40})\)\s*$",
)
# A translator's note in square brackets, with the original's title, source and date ("[Machine
# translation from German. Original: "...", Berlin, 05.10.2021]"): read (the original's title tells what
# the article is about), but its values only ever agree (judging.py, rule value.translators_note): its
# date is the original's publication, not the event's
_NOTE_LINE = regex.compile(r"^\s*\[[^\[\]\n]*\b(?i:translat)[^\[\]\n]*\]\s*$")
# A stored page date fused to the first words of a line: "Dec 7, 2021Putin and Biden held ..."
_FUSED_DATE = regex.compile(
    r"^\s*(?i:(?:" + _MONTH + r")\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:" + _MONTH + r")\.?\s+\d{4})"
    r"(?:\s*[,|•·-]?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?=\p{Lu})"
)
# Headers of lists of other articles; the lines after them, up to a blank line, are furniture too.
_LIST_HEADER = regex.compile(
    r"^\s*(?:most\s+(?:read|popular|viewed|shared)|related(?:\s+(?:articles|stories|news|coverage))?|"
    r"read\s+(?:more|next|also)|more\s+(?:from|on|stories|news)(?:\s+\S+){0,3}|trending(?:\s+now)?|"
    r"recommended(?:\s+for\s+you)?|you\s+may\s+(?:also\s+)?like|top\s+stories|latest\s+news|"
    r"editor'?s\s+picks?|also\s+on\s+\S+)\s*:?\s*$",
    regex.IGNORECASE,
)
# A dateline opening a paragraph: "MOSCOW, December 31 (Reuters) –", "WASHINGTON —", "MOSCOW - ",
# "PRETORIA, South Africa, Sept. 13, 2014 (Wire) --" (a region of up to three words after the city).
# The city is in capitals (case-sensitive); the month may be written any way ("Dec 31", "JANUARY 2").
# Two or three cities may share it: "BURBANK, Calif./NEW YORK, March 21 —".
_DATELINE_CITY = r"[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+){0,2})?"
_DATELINE = regex.compile(
    r"^\s*" + _DATELINE_CITY + r"(?:\s*/\s*" + _DATELINE_CITY + r"){0,2}(?:,\s*(?i:(?:" + _MONTH + r")\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?|\d{1,2}\s+(?:" + _MONTH + r")\.?(?:\s+\d{4})?))?\s*(?:\((?:[A-Za-z .]+)\))?\s*[-–—:]+\s+"
)


@cache
def _not_dateline_re() -> regex.Pattern[str]:
    """A label in capitals before a colon ("HALF-TIME:", "UPDATE:"): en.yaml `not_datelines`."""
    return regex.compile(rf"^\s*(?:{alternation(lang().data['not_datelines'])})\s*[-–—:]", regex.IGNORECASE)


def _dateline_alone(line: str) -> bool:
    """Is the line a dated dateline and nothing more ("KATHMANDU, April 26 (Wire)", "Bern,
    02.03.2020 (sda) –"): what `_dateline` or `_DATELINE_DATED` take before a story's first words,
    with a date in it?"""
    probe = line.rstrip() + " — X"
    m = _dateline(probe) or _DATELINE_DATED.match(probe)
    return m is not None and m.end() >= len(line.rstrip()) and bool(
        regex.search(r"\d", line)) and len(line.split()) <= 8


# a label in capitals before a colon, with no date, opening a line ("MVP: ", "U.S. TV: ", "NEW DELHI: ")
_COLON_LABEL = regex.compile(r"^[^\S\n]*[A-Z][A-Z .'-]{1,30}:[^\S\n]", regex.MULTILINE)


def _dateline(line: str) -> regex.Match[str] | None:
    """`_DATELINE`'s match, unless its capitals are a label rather than a place."""
    m = _DATELINE.match(line)
    return None if m is None or _not_dateline_re().match(line) else m

# The same with a place written in title case and a date of any form, as agencies and machine
# translations write it: "Lima, 4 of June of 2019 (EFE).–", "Bern, 02.03.2020 (sda)",
# "Lyon, 12 mai 2018 –", "Quito, 9 of May of 2016 (Agencies).–", "Frankfurt/Washington, 16.06.2022 –"
# a place in title case: "Lima", "New York", "Rio de Janeiro", "Frankfurt/Washington" (not a sentence:
# "Biden spoke with Macron on Monday, December 6." has lower-case words)
_PLACE_JOIN = r"de|del|da|do|di|la|le|am|sur|en|upon"  # lower-case words inside a place's name
_PLACE = (r"\p{Lu}[\p{L}.'’-]*(?:(?:\s+(?:(?:" + _PLACE_JOIN + r")\s+)?|\s*/\s*)"
          r"\p{Lu}[\p{L}.'’-]*){0,3}")
_DATELINE_DATED = regex.compile(
    # not a sentence that opens on a preposition ("On Thursday, 23 June. Polling stations ...", the
    # answer to "When did people vote?")
    # ... nor a timeline's stamp that opens on a weekday ("Friday, Sept. 18, 2015 - The agency ..."):
    # a weekday is no place
    r"^\s*(?!(?:On|In|At|By|From|Since|Until|Till|Before|After|Through|During|For)\s)"
    r"(?!(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,)" + _PLACE
    + r"(?:,\s*\p{Lu}\p{L}{0,5}\.)?,\s*(?i:(?:" + _ANY_MONTH + r")\.?\s+\d{1,2}(?:,?\s*\d{4})?"
    r"|\d{1,2}\.?\s+(?:of\s+|de\s+)?(?:" + _ANY_MONTH + r")\.?(?:\s+(?:of\s+|de\s+)?\d{4})?"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    # the time it was filed, with its zone ("Mazatlán, Sin., 08/04/2024, 19:40 hours (Pacific time).-")
    r"(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*(?i:hours|hrs|h))?(?:\s*\([^)\n]{1,40}\))?)?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*\.?\s*(?:[-–—:]+\s*|(?=\p{Lu}))"
)

# Sentence boundary: terminal punctuation, optional closing quote/bracket, space, then a capital,
# a digit or an opening quote. Abbreviations that end with a period are protected below.
# dot leaders after a space, or a run of four or more dots ("Kick-off ... 18:00", "Departs .... 20:16")
_DOT_LEADER = regex.compile(r"(?:\s\.{3,}|\.{4,})$")
_LEADS_TO = regex.compile(r"[~≈]?\d")
_SENT_END = regex.compile(r"(?<=[.!?])[”\"’')\]]*\s+(?=[“\"‘'(\[]?[\p{Lu}\d])")
_ABBREV = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Col|Lt|Maj|Brig|Capt|Adm|Cmdr|Sgt|Cpl|Pvt|Rev|Hon|Supt|Insp|Pres|Mt|"
    r"St|Jr|Sr|Prof|No|vs|etc|approx|Inc|Corp|Co|Ltd|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun|"
    r"Mio|Mrd|a\.m|p\.m|U\.S|U\.K|U\.N|E\.U|D\.C)\.|(?<![\p{L}\p{N}-])[A-Z]\."  # an initial, not "USB-C."
    r"|(?<=\p{Lu}[\p{L}\p{M}'’.-]*\s)v\.)$"  # a case name's "v." after a name: "Bush v. Gore", "Roe v. Wade"
)


@cache
def _clause_split_re() -> regex.Pattern[str]:
    lg = lang()
    anchors = alternation(lg.anchors)
    # Split before an anchor phrase (always a clause of its own), after ; and spaced dashes,
    # and at a comma before a clause opener or a participle (", ending a 69-day ordeal that ...").
    return regex.compile(
        # (what a cut can begin with, said first: the engine tries the branches only there)
        rf"(?=[\s;,():–—-]|(?<![\p{{L}}-])(?:{anchors})\b)(?:"
        rf"(?P<semi>\s*;\s*|\s+[–—-]{{1,2}}\s+|\s*\(\s*|\s*\)\s*|(?<!\d):\s+|(?<=\d):\s+(?=[\p{{L}}\u201c\u2018\x22]))"
        rf"|(?P<comma>,\s+)(?=(?:{alternation(lg.clause_openers)})\b"
        rf"|(?!(?:{alternation(lg.data['ing_prepositions'])})\b)(?-i:\p{{Ll}}{{2,}}ing)\s"
        # ... or an apposition that opens a relative clause (", the same pad that sent Apollo 11 to
        # the Moon": it tells of the noun before, not of what the clause was saying)
        rf"|(?:the|a|an)\s+(?:same\s+|very\s+)?(?:[\p{{L}}-]+\s+){{1,2}}(?:that|which|where|whose)\b)"
        # ("17 days later": the count and its unit stay together; "17 days after the collapse" is
        # still an anchor, an offset from another event; "after that" is "then", but "after that of
        # 1968" is "after the one of 1968")
        rf"|(?P<anchor>(?:,\s*)?(?<![\p{{L}}-])(?!(?<=(?:\d|(?<![\p{{L}}])(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several))\s)(?:days?|weeks?|months?|years?|hours?|minutes?)\s+(?:later|earlier)\b)(?P<phrase>(?:{anchors}))\b(?!\s+(?:of|to)\b)(?!\s+that\b(?!\s+of\b))"
        rf"(?!\s+(?:(?:just|nearly|about|almost|some|roughly|more\s+than|less\s+than|over|under)\s+)*"
        rf"(?:\d|an?\s+hour|half\s+an|(?:one|two|three|four|five|six|seven|eight|nine|ten|ninety|fifty)"
        # a spelled number is a span of time ("after two hours") only before a unit of time;
        # "after two failed countdowns" opens a clause of its own
        rf"(?:\s+[\p{{L}}-]+)?\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b))))",
        regex.IGNORECASE,
    )


# a comma inside a date: "Saturday, June 23", "June 23, 2018", "Monday, 8 July"
_DATE_COMMA = regex.compile(rf"(?<=(?:{_WEEKDAY})\.?|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?), "
                            rf"(?=(?:{_MONTH})\.?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})|\d{{4}}\b)",
                            regex.IGNORECASE)


# an abbreviation, ticker or code in brackets: "(CMA)", "(MSFT.O)", "(NYSE: ATVI)" — no figure, no verb
_SHORT_ASIDE = regex.compile(r"\s*\(\s*(?:the\s+)?\p{Lu}[\p{L}.&:\s-]{0,18}?\)\s*")


@cache
def _anchor_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{alternation(lang().anchors)})\b", regex.IGNORECASE)


# a person's name alone: 1 to 4 capitalised words ("Draymond Green", "Mr. Koum")
_NAME_ONLY = regex.compile(r"\s*(?:\p{Lu}[\p{L}'’-]*\.?\s+){0,3}\p{Lu}[\p{L}'’-]+")


@cache
def _not_name_words() -> frozenset[str]:
    """Capitalised words that open a sentence without being a name ("On Friday, who ..."): function
    words, months, weekdays, anchors."""
    lg = lang().data
    return frozenset(str(w).lower() for key in ("line_end_words", "common_words", "anchors", "months", "weekdays")
                     for w in lg[key])


def name_only(head: str) -> bool:
    """Is `head` a name alone ("Draymond Green", "Mr. Koum"), 1 to 4 capitalised words, none of them a
    function word, a month or a weekday?"""
    return (_NAME_ONLY.fullmatch(head) is not None
            and not any(w.rstrip(".").lower() in _not_name_words() for w in head.split()))


def _segments(text: str, start: int) -> tuple[Segment, ...]:
    cuts: list[int] = [0]
    # "The Competition and Markets Authority (CMA) cleared ...", "Microsoft (MSFT.O) said": a short
    # aside of a name or code belongs to its clause; it does not cut the subject from its verb
    asides = [(a.start(), a.end()) for a in _SHORT_ASIDE.finditer(text)] if "(" in text else []
    for m in _clause_split_re().finditer(text):
        if asides and any(a <= m.start() < b or a < m.end() <= b for a, b in asides):
            continue
        if m.group("anchor") is not None:
            # keep the anchor phrase at the head of the next segment; drop only the comma
            if m.start("phrase") == 0:
                continue
            cuts.append(m.start())
            cuts.append(m.start("phrase"))
            continue
        if m.start() == 0 and not m.group("semi"):
            continue
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(len(text))
    # an anchor clause ("After speaking with Zelensky, Biden held...") ends at its first comma
    spans = list(zip(cuts[0::2], cuts[1::2]))
    split: list[tuple[int, int]] = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(" ,"))
        if _anchor_re().match(piece[lead:]):
            c = piece.find(", ")
            while c > 0 and _DATE_COMMA.match(piece, c):
                c = piece.find(", ", c + 2)  # "after practice on Saturday, June 23, and ...": one date
            if c > 0:
                split.append((a, a + c))
                split.append((a + c, b))
                continue
        split.append((a, b))
    out: list[Segment] = []
    for a, b in split:
        piece = text[a:b]
        if not piece.strip():
            continue
        lead = len(piece) - len(piece.lstrip(" ,"))
        piece_s = piece[lead:].rstrip()
        am = _anchor_re().match(piece_s)
        word = am.group(0).lower() if am else ""
        if not am and out and out[-1].anchor and _PARTICIPLE.match(piece_s):
            # "53 years after that of 1968, conquered in Rome against Yugoslavia": a participle with no
            # subject of its own, to the sentence's end, goes on about the after/before clause's event
            word = out[-1].anchor_word
        out.append(
            Segment(
                start=start + a + lead,
                end=start + a + lead + len(piece_s),
                text=piece_s,
                anchor=bool(word),
                anchor_word=word,
            )
        )
    return tuple(out)


# a clause opening on a past participle, to the sentence's end with no other clause ("conquered in Rome
# against Yugoslavia.", "won at home against West Germany.")
_PARTICIPLE = regex.compile(
    r"(?:(?-i:\p{Ll})\p{L}+ed|won|held|built|made|fought|lost|beaten|taken|seen|given|written|begun|struck|shot)"
    r"\s+(?:in|at|on|by|against|from|with|for|after|before)\b[^,;:]*\Z")


_FURNITURE_MAX = 200  # characters: a longer line is never page furniture

# -- the reading text ------------------------------------------------------------------------------

# Format characters that show as nothing: zero-width space, non-joiner and joiner, word joiner,
# BOM, soft hyphen, Mongolian vowel separator, invisible operators, combining grapheme joiner,
# bidi marks, embeddings and isolates.
_INVISIBLE_CHARS = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064\u034f"
                    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_INVISIBLE = regex.compile(f"[{_INVISIBLE_CHARS}]")
_RUN_BEFORE = regex.compile(r"(?r)\S*")  # matched backwards from a position: the run's start
_RUN_AFTER = regex.compile(r"\S*")
# Latin look-alikes of Cyrillic and Greek letters, replaced only inside a word that also holds
# Latin letters (a Russian or Greek word is left alone)
_LOOKALIKES = {
    **dict(zip("АВЕКМНОРСТХаеорсухіјѕІЈЅԁԛԝҮһӏ", "ABEKMHOPCTXaeopcyxijsIJSdqwYhl")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ", "ABEZHIKMNOPTYXoikvptux")),
}
_LOOKALIKE = regex.compile("[" + "".join(_LOOKALIKES) + "]")
_WORD_BEFORE = regex.compile(r"(?r)[\p{L}\p{M}]*")
_WORD_AFTER = regex.compile(r"[\p{L}\p{M}]*")
_LATIN = regex.compile(r"\p{Latin}")
_APOSTROPHE_GROUPS = regex.compile(r"(?<![\d.,'’])[0-9]{1,3}(?:['’][0-9]{3})+(?![0-9'’])")


@cache
def _plain_forms() -> dict[int, str]:
    """One character for one: digits of every script Python knows, full-width ASCII forms, the
    Arabic decimal and thousands separators, figure and punctuation spaces (thin spaces)."""
    import re  # the standard module: its \d is exactly what unicodedata.decimal reads

    table: dict[int, str] = {}
    every = "".join(map(chr, range(0x80, 0x20000)))  # every decimal digit of Unicode 15 is below U+1FC00
    for m in re.finditer(r"\d", every):
        digit = unicodedata.decimal(m.group(0), None)
        if digit is not None:
            table[ord(m.group(0))] = str(digit)
    # digits the `regex` module knows (a newer Unicode) but Python cannot read as a number (U+11F50,
    # Kawi): no digit at all in the reading text, or `\d` would match what int() refuses
    for m in regex.finditer(r"\d", every):
        if ord(m.group(0)) not in table:
            table[ord(m.group(0))] = "\ufffd"
    for code in range(0xFF01, 0xFF5F):  # ！ .. ～
        table[code] = chr(code - 0xFEE0)
    table.update({0x066B: ".", 0x066C: ",", 0x2007: "\u2009", 0x2008: "\u2009"})
    return table


# How a line opens that `_FUSED_DATE`, `_DATELINE` or `_DATELINE_DATED` may match, in one cheap match
# (each cut short, so a line they match always opens so): a day's digit, or a month and a digit; two
# capitals (or a capital and a space, a point, an apostrophe or a hyphen); a place (`_PLACE`) and a
# comma. The place's words, white space and the whole of it are taken possessively: no character
# of a word can begin what follows it (white space, a slash, a comma), nor a comma another word,
# so a place that a comma follows is only ever read one way. Most lines of an article open with a
# capitalised word and a lower-case one, or with a name and a verb.
_PLACE_WORD = r"\p{Lu}[\p{L}.'’-]*+"
_MAY_DATELINE = regex.compile(
    r"\s*(?:\d|(?i:" + _MONTH + r")\.?\s+\d|[A-Z][A-Z .'-]|" + _PLACE_WORD
    + r"(?:(?:\s++(?:(?:" + _PLACE_JOIN + r")\s++)?|\s*+/\s*+)" + _PLACE_WORD + r"){0,3}+,)"
)


def dateline_lines(text: str) -> bool:
    """Does a line of `text` open as a dateline may (what `segment` would take for one, or more)?
    A line that does not open as `_MAY_DATELINE` says is not asked the three patterns: the quick
    path (factcheck/quick.py) asks this of every article of another story."""
    may = _MAY_DATELINE.match
    for line in text.split("\n"):
        if line and may(line) and (_FUSED_DATE.match(line) or _dateline(line) or _DATELINE_DATED.match(line)):
            return True
    return False


def reading_text(text: str) -> str:
    """The text as it is read: as long as `text`, character for character (see the module doc)."""
    return _reading(text)[0]


@lru_cache(maxsize=2)  # the quick scan (factcheck/quick.py) and then `segment` read the same text
def _reading(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The reading text, and the runs whose invisible characters were moved."""
    moved: tuple[tuple[int, int], ...] = ()
    ascii_only = text.isascii()  # no other digits, no invisible characters, no look-alikes to fold
    if not ascii_only:
        text = text.translate(_plain_forms())
        if _INVISIBLE.search(text):
            text, moved = _move_invisible(text)
    if "'" in text or "’" in text:
        text = _APOSTROPHE_GROUPS.sub(lambda m: m.group(0).replace("'", ",").replace("’", ","), text)
    if not ascii_only and _LOOKALIKE.search(text):
        text = _fold_mixed_words(text)
    if "\n" in text:
        text = _unwrapped(text)
    return text, moved


_WRAP_MIN = 40  # a line shorter than this is a heading or a list item, never a wrapped line
_NOT_CONTINUATION = regex.compile(
    r"\s*(?:$|[-–—•*·>#|]|\(?\d{1,3}[.)]\s|\d{1,2}[:.]\d{2}(?![\d,.])"
    # a timeline's next stamp: "24 Jun 2016 (Fri) —", "Jun 24:", "2016-06-24"
    r"|\d{1,2}\.?\s+\p{Lu}\p{Ll}{2}|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\b|\d{4}-\d\d-\d\d)")


@lru_cache(maxsize=1)
def _soft_end_re() -> regex.Pattern[str]:
    words = alternation(lang().data["line_end_words"])
    return regex.compile(rf"(?:,|(?<![\p{{L}}])(?:{words}))[ \t]*\r?$", regex.IGNORECASE)


_LOWER_END = regex.compile(r"[\p{Ll}\d%][ \t]*\r?$")
_LOWER_START = regex.compile(r"[ \t]*[\p{Ll}]")


_FILL_SLACK = 4  # writers' and tools' wrapping is not exact to the character
_WRAP_SLACK = 20  # a wrapped line ends within this many characters of the width (a long word moved on)
_WRAP_WIDTH_MIN = 60  # narrower texts are lists and headings, not wrapped prose
_HARD_END = regex.compile(r"[.!?:;\"”’)\]][ \t]*\r?$")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text is hard-wrapped at: its longest line's, when at least four lines (and a
    third of its lines) come within `_WRAP_SLACK` of it; None for a text that is not wrapped."""
    lengths = [len(x.rstrip()) for x in lines if x.strip()]
    if len(lengths) < 6:
        return None
    width = max(lengths)
    near = sum(1 for n in lengths if n >= width - _WRAP_SLACK)
    return width if width >= _WRAP_WIDTH_MIN and near >= max(4, len(lengths) // 3) else None


_STAMP_DASH = regex.compile(r"[^\n]{0,30}?(?:[—–|]|\s-\s)")  # "24 Jun 2016 (Fri) — ...": a timeline's stamp


@cache
def _date_start() -> regex.Pattern[str]:
    """A line opening on a date ("15 October 2013", "Oct. 15")."""
    months = alternation(lang().months)
    return regex.compile(rf"\s*(?:\d{{1,2}}\.?\s+(?:{months})(?![\p{{L}}])|(?:{months})\.?\s+\d{{1,2}}\b)",
                         regex.IGNORECASE)


def _filled(line: str, nxt: str, width: int) -> bool:
    """Would the next line's first word have overflowed the width on this line (so the break is
    the wrapping's, not the writer's)?"""
    first = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    return len(line.rstrip()) + 1 + len(first) > width - _FILL_SLACK


def _unwrapped(text: str) -> str:
    """Hard-wrapped prose joined: a line break inside a sentence (the line ends on a comma or a
    word that cannot end one, "to quit the" / "European Union, ...", or on a lower-case word
    before a line that starts in lower case) becomes a space, so the sentence is read whole.
    Lines shorter than `_WRAP_MIN` (headings, list items) and lines before a bullet, a number
    or a clock-time stamp are left as they are. The text keeps its length."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    joins: list[int] = []  # the line breaks that become spaces (most texts have none)
    width = _wrap_width(lines)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)
        nxt = lines[i + 1]
        if len(line.strip()) < _WRAP_MIN or not nxt.strip():
            pass
        elif not _NOT_CONTINUATION.match(nxt):
            if (_soft_end_re().search(line) or (_LOWER_END.search(line) and _LOWER_START.match(nxt))
                    or (width and _filled(line, nxt, width) and not _HARD_END.search(line))):
                # ... or, in a text wrapped at a width, a line the next line's first word would not
                # have fitted on, that does not end a sentence ("... closed at 22 o'clock Central" /
                # "European Summer Time.")
                joins.append(end)
        elif (width and _filled(line, nxt, width) and _soft_end_re().search(line) and _date_start().match(nxt)
              and not _STAMP_DASH.match(nxt)):
            # "... in Edinburgh on" / "15 October 2013. It gave ...": in a wrapped text, a date opening
            # a line after a word that cannot end a sentence continues it (not a timeline's stamp)
            joins.append(end)
        pos = end + 1
    if not joins:
        return text
    out = list(text)
    for end in joins:
        out[end] = " "
    return "".join(out)


def _move_invisible(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Each run of non-space characters holding invisible ones: without them, then as many spaces."""
    out: list[str] = []
    runs: list[tuple[int, int]] = []
    done = 0
    for m in _INVISIBLE.finditer(text):
        if m.start() < done:
            continue  # in a run already rewritten
        a = _RUN_BEFORE.match(text, done, m.start()).start()
        b = _RUN_AFTER.match(text, m.end()).end()
        run = text[a:b]
        kept = _INVISIBLE.sub("", run)
        out += [text[done:a], kept, " " * (len(run) - len(kept))]
        runs.append((a, b))
        done = b
    out.append(text[done:])
    return "".join(out), tuple(runs)


def _fold_mixed_words(text: str) -> str:
    """Cyrillic and Greek look-alikes in words that also hold Latin letters, as Latin letters."""
    out: list[str] = []
    done = 0
    for m in _LOOKALIKE.finditer(text):
        if m.start() < done:
            continue
        a = _WORD_BEFORE.match(text, done, m.start()).start()
        b = _WORD_AFTER.match(text, m.end()).end()
        word = text[a:b]
        if _LATIN.search(word):
            word = _LOOKALIKE.sub(lambda c: _LOOKALIKES[c.group(0)], word)
        out += [text[done:a], word]
        done = b
    out.append(text[done:])
    return "".join(out)


_OTHER_SCRIPT = regex.compile(r"[\p{Cyrillic}\p{Greek}]")


def mixed_script(word: str) -> str:
    """"" for a word in one script; for a Latin word holding Cyrillic or Greek letters, those
    letters named: "Cyrillic В", "Cyrillic і, Greek ο"."""
    if not _LATIN.search(word):
        return ""
    seen = dict.fromkeys(m.group(0) for m in _OTHER_SCRIPT.finditer(word))
    return ", ".join(f"{unicodedata.name(c, 'other').split()[0].title()} {c}" for c in seen)


_DAY_DOT = regex.compile(r"(?<![\d.,])\d{1,2}\.$")
# a translation's ordinal with a full stop after a determiner: "at the 48. BMW Berlin-Marathon", "its
# 75. anniversary" (the German "am 48. BMW Berlin-Marathon"): no sentence ends there
_ORDINAL_DOT = regex.compile(r"(?<![\p{L}])(?:the|its|his|her|their|our|this|a)\s+\d{1,3}\.$")


@cache
def _month_after_re() -> regex.Pattern[str]:
    # English months and the ones a translation leaves behind ("18. Juli")
    months = [*lang().months, *lang().data["foreign_months"]]
    return regex.compile(rf"(?:{alternation(months)})(?![\p{{L}}])", regex.IGNORECASE)


class _MonthAfter:
    def match(self, text: str, pos: int) -> bool:
        return bool(_month_after_re().match(text, pos))


_MONTH_AFTER = _MonthAfter()


_ABBREV_REACH = 12  # the longest abbreviation above with its period, and a character to spare


_AM_PM = regex.compile(r"\b[ap]\.m\.$", regex.IGNORECASE)
_NEXT_WORD = regex.compile(r"[“\"‘'(\[]?(\p{Lu}\p{Ll}+)(?:\s+(\p{L}+))?")


@cache
def _clock_words() -> frozenset[str]:
    """Words that may follow "a.m."/"p.m." in the same sentence: weekdays, months and the first
    words of zone names ("Eastern", "Moscow time")."""
    zones = {str(z).split()[0] for z in lang().data.get("zones", {})}
    return frozenset({*(w.lower() for w in lang().weekdays), *(w.lower() for w in lang().months),
                      *zones, "local", "noon", "midnight"})


def _clock_ends(line: str, near: int, end: int, after: int) -> bool:
    """Does a sentence end with a clock's "a.m."/"p.m." ("... began at 9:30 a.m. Murdaugh, 54, told
    the court", "at 6:41 p.m. The jury ...")? Not before a weekday, a month or a zone ("9 a.m.
    Monday", "11 a.m. Eastern", "8 p.m. Moscow time")."""
    if not _AM_PM.search(line, near, end):
        return False
    m = _NEXT_WORD.match(line, after)
    if m is None:
        return False
    return m.group(1).lower() not in _clock_words() and (m.group(2) or "").lower() != "time"


def _sentences(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(line):
        # only the end of the text since the last cut can be an abbreviation: look at that window
        # (with the text before it visible to \b and look-behinds), never at the whole growing head
        # ("Mr. Mr. Mr. ..." would make this quadratic)
        near = max(pos, m.start() - _ABBREV_REACH)
        if ((_ABBREV.search(line, near, m.start()) and not _clock_ends(line, near, m.start(), m.end()))
                or _DAY_DOT.search(line, near, m.start()) and _MONTH_AFTER.match(line, m.end())
                or _ORDINAL_DOT.search(line, near, m.start())
                or _DOT_LEADER.search(line, near, m.start()) and _LEADS_TO.match(line, m.end())):
            # "Dr. Smith"; "on 16. November 2022" (a day-first date); "at the 48. BMW Marathon"; a fact
            # box's label and its dot leaders before its figures ("FIRE near the upper fin ... 19:25")
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()]


def segment(text: str) -> Document:
    """Split `text` into sentences and clause segments; mark furniture."""
    sentences: list[Sentence] = []
    furniture: list[tuple[int, int, str]] = []
    line_starts = [0]
    for m in regex.finditer(r"\n", text):
        line_starts.append(m.end())
    paragraph = 0
    offset = 0
    in_list = False
    nonblank = 0
    reading, moved = _reading(text)
    # a fact box's labels in capitals ("MVP: Tom Brady", "U.S. TV: Fox"): on two lines or more of
    # the page, a label before a colon is no dateline's place
    box = len(_COLON_LABEL.findall(reading)) >= 2
    for raw_line in reading.split("\n"):
        line_start = offset
        offset += len(raw_line) + 1
        line = raw_line.rstrip("\r")
        if not line.strip():
            paragraph += 1
            in_list = False
            continue
        if in_list and len(line) < 160:
            # the headlines listed under "Most read", "Related", "More from": not this article's claims
            furniture.append((line_start, line_start + len(line), "list of other articles"))
            continue
        short = len(line) < _FURNITURE_MAX
        if short and _LIST_HEADER.match(line):
            furniture.append((line_start, line_start + len(line), "page furniture"))
            in_list = True
            continue
        head_line = nonblank < _HEAD_LINES
        nonblank += 1
        if short and (_DATE_LINE.match(line) or head_line and _HEAD_DATE_LINE.match(line)):
            furniture.append((line_start, line_start + len(line), "page date line"))
            continue
        # furniture is short: the length is tested first, so a long line never meets these
        # patterns (`.*x.*` alternatives cost time in proportion to the square of a long line)
        if short and _FURNITURE_LINE.match(line):
            furniture.append((line_start, line_start + len(line), "page furniture"))
            continue
        if short and ((_PIPED.match(line) and (head_line or not _stamp_row(line))) or _FOOTER_LINE.match(line)):
            furniture.append((line_start, line_start + len(line), "navigation, byline or footer"))
            continue
        caption = len(line) < 600 and _CAPTION_LINE.match(line) is not None
        note = len(line) < 600 and _NOTE_LINE.match(line) is not None
        body_start = 0
        dl = (_FUSED_DATE.match(line) or (None if box and _COLON_LABEL.match(line) else _dateline(line))
              or _DATELINE_DATED.match(line))
        if dl and dl.end() < len(line):
            furniture.append((line_start, line_start + dl.end(), "dateline"))
            body_start = dl.end()
        elif short and head_line and _dateline_alone(line):
            # "KATHMANDU, April 26 (Wire)" alone on one of the page's first lines, the story below it
            furniture.append((line_start, line_start + len(line), "dateline"))
            continue
        for a, b in _sentences(line[body_start:]):
            a += body_start
            b += body_start
            s_text = line[a:b]
            s_start = line_start + a
            sentences.append(
                Sentence(
                    start=s_start,
                    end=s_start + len(s_text),
                    text=s_text,
                    paragraph=paragraph,
                    index=len(sentences),
                    segments=_segments(s_text, s_start),
                    caption=caption,
                    note=note,
                )
            )
        paragraph += 1
    return Document(
        text=text,  # the article's own text: quotes are cut from it
        sentences=tuple(sentences),
        furniture=tuple(furniture),
        line_starts=tuple(line_starts),
        moved=moved,
        reading=reading,
    )
