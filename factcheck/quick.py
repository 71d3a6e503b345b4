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
"""

from __future__ import annotations

from typing import Any

from factcheck.baseindex import base_index
from factcheck.bind import bind_index, party_finder
from factcheck.factbase.model import FactBase
from factcheck.model import LazyFindings, Source, SourceResult
from factcheck.prefilter import cue_prefilter, event_prefilter
from factcheck.segment import dateline_lines, reading_text


def binds_nothing(text: str, fb: FactBase) -> bool:
    """True when nothing of the base can bind in `text` (then every finding is an omission)."""
    index = base_index(fb)
    if index.always_free:
        return False  # a fact that finds itself without a word to look for
    read = reading_text(text)
    if cue_prefilter(fb).whole(read) or event_prefilter(fb).whole(read):
        return False
    binding = bind_index(fb)
    if binding.places.whole(read):
        return False
    if index.named_free and index.surnames.any_in(read):
        return False
    if fb.parties and party_finder(fb).find(read, 0):
        return False
    return not (binding.no_party_on and dateline_lines(read))


def all_omitted(source: Source, fb: FactBase) -> SourceResult:
    """Every fact of the base omitted: the result of an article in which nothing binds."""
    blank: list[dict[str, Any]] = base_index(fb).blank
    return SourceResult(source, LazyFindings(source.id, blank))  # made when read
