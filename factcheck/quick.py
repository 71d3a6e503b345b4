"""Articles in which nothing of a fact base can bind, told by one scan, before any segmenting.

Most articles of a crawl are about other stories. The checker segments an article, dates it and
binds it clause by clause before it can say that it holds none of the base's facts; for an article
that names none of the base's parties, none of its events' names, words or places, none of its
cues and none of its people, that work finds nothing. `binds_nothing` says so from the base's
automata (factcheck/prefilter.py: conservative, a word it may hold is a candidate) and a look at
the datelines, and `check` then gives every fact its omission directly: the same findings as the
full run (tests/test_quick.py runs both on the project's corpora and fact bases).

What may bind, and so sends an article down the full path:
- a party's alias, a misspelling of one, or a leader by country (the binder's own `PartyFinder`);
- a name or word of any event, or an event's place;
- a cue of a fact bound by cues;
- the surname of a name fact that finds itself, or any fact that finds itself otherwise (a quote);
- a dateline, when the base has a dated event without parties: such an event binds the clauses
  of an article datelined on its day though they have no evidence (rule event.dateline_day).

An article of another story should cost about what reading it and one pass of an automaton over it
cost (the scan floor of benchmarks/bench_truth.py), whatever the size of the base: so the question
is one pass of the base's one automaton (cues, events' words, names and places, aliases, the leader
words), `str.find` of the capitals of a few letters (where a surname or a garbled alias may begin:
the binder's own questions are asked there alone), and one short match at the opening of each line
(`dateline_lines`).
"""

from __future__ import annotations

from typing import Any

from factcheck.baseindex import base_index
from factcheck.bind import _own_places, bind_index, party_finder
from factcheck.factbase.model import FactBase
from factcheck.model import LazyFindings, Source, SourceResult
from factcheck.prefilter import Capitals, base_scan, per_base
from factcheck.segment import dateline_lines, reading_text


class _Quick:
    """What `binds_nothing` asks of a base, found once per base (one lookup an article, not one
    per table). It holds the base's tables, never the base (`per_base` forgets them with it)."""

    def __init__(self, fb: FactBase):
        index = base_index(fb)
        self.always_free = index.always_free
        self.surnames = index.surnames if index.named_free else None
        self.finder = party_finder(fb) if fb.parties else None
        self.scan = base_scan(fb)
        self.datelines = bool(bind_index(fb).no_party_on)
        surnames, finder = self.surnames, self.finder
        #: where a capitalised word may begin that may be a name fact's surname (or a misspelling
        #: of one) or garble a fuzzy alias: the capitals of their first letters, found once for both
        self.capitals = Capitals(lambda c: (surnames is not None and surnames.opens(c))
                                 or (finder is not None and finder.fuzzy_opens(c)))


def _quick(fb: FactBase) -> _Quick:
    quick: _Quick = per_base(fb, "quick", lambda: _Quick(fb))
    return quick


def binds_nothing(text: str, fb: FactBase) -> bool:
    """True when nothing of the base can bind in `text` (then every finding is an omission).

    One scan of the base's automaton (factcheck/prefilter.py, `base_scan`) tells whether a cue, an
    event's name, word or place, an alias or the leader words may be in the text; the capitals of
    the first letters of the surnames and fuzzy aliases (`_Quick.capitals`) tell where the only
    words that may be a surname or garble an alias begin. The binder's own questions
    (`PartyFinder.finds_any`, `SurnameIndex.any_in`) are asked only there: the same answers."""
    quick = _quick(fb)
    if quick.always_free:
        return False  # a fact that finds itself without a word to look for
    read = reading_text(text)
    found = quick.scan.scan(read)
    if found["cues"] or found["events"] or found["places"]:
        return False
    own = _own_places(fb) if found["own_places"] else None  # (the scan's words hold its names)
    if own is not None and own[0].search(read):
        return False  # a place an event's place fact gives binds a clause by itself (event.own_place)
    surnames, finder = quick.surnames, quick.finder
    starts = quick.capitals.at(read) if surnames is not None or finder is not None else []
    if surnames is not None and surnames.any_in(read, starts):
        return False
    if finder is not None and finder.finds_any(read, found["aliases"], bool(found["leaders"]), starts):
        return False
    return not (quick.datelines and dateline_lines(read))


def all_omitted(source: Source, fb: FactBase) -> SourceResult:
    """Every fact of the base omitted: the result of an article in which nothing binds."""
    blank: list[dict[str, Any]] = base_index(fb).blank
    return SourceResult(source, LazyFindings(source.id, blank))  # made when read
