"""The base's automaton (factcheck/prefilter.py) never rules out a pattern that matches, and the
party aliases it finds (factcheck/bind.py) are those the one alternation of every alias finds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.bind import Binder, PartyFinder
from factcheck.factbase.load import load_factbase
from factcheck.prefilter import Prefilter, WordStarts, required_literals
from factcheck.segment import segment

ROOT = Path(__file__).resolve().parents[1]
BASES = [ROOT / "facts", *sorted((ROOT / "examples").glob("*/facts")),
         *sorted((ROOT / "tests" / "golden").glob("stories*/*/facts")), *[ROOT / "tests" / "rules" / "bases"]]


def _base_patterns(base: Path) -> list[str]:
    fb = load_factbase(base)
    out = []
    for f in fb.facts:
        out += [p.source for p in (*f.cues, *f.exclude, *f.near)]
    for e in fb.events.values():
        out += [p.source for p in (*e.names, *e.words)]
    return sorted(set(out))


def _lines(paths: list[Path]) -> list[str]:
    return sorted({line for path in paths
                   for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()})


def _own_articles(base: Path) -> list[Path]:
    """The articles written for a base: a story's own articles beside its facts, the seeds and the
    shipped story's golden sets for the shipped base; none for the rule-example bases."""
    if base == ROOT / "facts":
        return [*ROOT.glob("seeds/*.txt"), *[p for p in ROOT.glob("tests/golden/*/*.txt")]]
    return sorted(base.parent.glob("articles/*.txt"))


BASE_DIRS = [b for b in BASES if b.is_dir()]
PATTERNS = sorted({p for base in BASE_DIRS for p in _base_patterns(base)})
TEXTS = _lines([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/golden/**/*.txt")])
# every base's patterns meet its own articles and this fixed sample of all the others' lines (every
# 12th line of the sorted set, so ~1,500 lines): each new story adds its own lines and patterns, not
# a product of the two over every story (that grew to 17 minutes at 130 stories)
SAMPLE = TEXTS[::12]


@pytest.mark.parametrize("source, words", [
    (r"deadliest|worst|since", {"deadliest", "worst", "since"}),
    (r"prime\s+minister", {"prime minister"}),  # the scan joins each run of whitespace into one space
    (r"(?:earth)?quakes?\b|tremors?\b", {"quake", "tremor"}),
    (r"up\s+to|as\s+many\s+as", {"up to", "as many as"}),
    (r"\bB-?9\b", {"b9", "b-9"}),  # an optional character forks the run; a letter and a digit are rare enough
    (r"\bup\b", None),  # no word of three letters: always a candidate
    (r"\p{L}+ed", None),  # the regex module's syntax: cannot tell
])
def test_required_literals(source: str, words: set[str] | None) -> None:
    got = required_literals(source)
    assert (None if got is None else set(got)) == words


@pytest.mark.parametrize("base", BASE_DIRS, ids=lambda b: str(b.relative_to(ROOT)))
def test_no_pattern_of_any_base_is_ruled_out_where_it_matches(base: Path) -> None:
    """Every pattern of every shipped and test base, against every line of its own articles and a
    fixed sample of every other article's lines: where the pattern matches, the prefilter of the
    base's patterns names it."""
    patterns = _base_patterns(base)
    texts = sorted({*_lines(_own_articles(base)), *SAMPLE})
    assert patterns and len(texts) > 500
    pf = Prefilter(enumerate(patterns))
    compiled = [regex.compile(p, regex.IGNORECASE) for p in patterns]
    missed = []
    for text in texts:
        cands = pf.candidates(text)
        missed += [(patterns[i], text[:60]) for i, rx in enumerate(compiled) if i not in cands and rx.search(text)]
    assert not missed, missed[:5]


def test_every_base_is_checked_against_its_own_articles() -> None:
    """The story sets' bases find their articles, so the check above is not only the sample."""
    stories = [b for b in BASE_DIRS if "stories" in str(b)]
    assert len(stories) > 100
    assert all(_own_articles(b) for b in [*stories, ROOT / "facts"])
    assert len(PATTERNS) > 1000 and len(SAMPLE) > 1000


def test_the_prefilter_rules_out_most_pairs() -> None:
    """It is worth its scan: most (line, pattern) pairs of the project's articles are ruled out."""
    pf = Prefilter(enumerate(PATTERNS))
    kept = sum(len(pf.candidates(t)) for t in TEXTS)
    assert kept < 0.25 * len(TEXTS) * len(PATTERNS)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_texts_around_the_words(data: st.DataObject) -> None:
    """Texts built from a pattern's own words, case changed, with noise around: a match is never
    ruled out."""
    source = data.draw(st.sampled_from(PATTERNS))
    words = sorted(required_literals(source) or {"x"})
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(words).map(str.upper), st.sampled_from(words),
                                          st.text(alphabet="abcé ÉS-s\n", max_size=6)), max_size=8))
    text = "".join(pieces)
    pf = Prefilter([(0, source)])
    if regex.search(source, text, flags=regex.IGNORECASE):
        assert 0 in pf.candidates(text)


# --- case the automaton cannot fold -----------------------------------------------------------------


@pytest.mark.parametrize("source, text", [
    ("istanbul", "talks in İSTANBUL"),  # the regex module takes "İ" for "i"; casefold makes it "i̇"
    ("Iran", "ıran"),  # ... and dotless "ı" for "I"
])
def test_a_character_ignorecase_takes_for_a_letter_keeps_every_pattern(source: str, text: str) -> None:
    assert regex.search(source, text, flags=regex.IGNORECASE)
    pf = Prefilter([(0, source), (1, "zebra")])
    assert pf.candidates(text) == {0, 1}
    assert pf.candidates("talks in Istanbul and Iran") == {0}


def test_word_starts_are_positions_in_the_text() -> None:
    ws = WordStarts([("us", "a"), ("u.s.", "b"), ("status", "c")])
    assert ws.starts("US and U.S. status") == [(0, ("a",)), (7, ("b",)), (12, ("c",)), (16, ("a",))]
    assert ws.starts("ſtatus") is None  # long s: "s" for IGNORECASE, not for str.lower
    assert ws.starts("nothing here") == []


# --- party aliases: the automaton's way and the one alternation find the same -----------------------

# sentences of two stories, with aliases that are also common words ("US" and the pronoun "us",
# "the incumbent"), aliases inside longer ones ("U.S." in "U.S. officials"), across line breaks,
# in capitals, garbled, and with characters the automaton cannot fold
PARTY_SENTENCES = [
    "US officials told us the US-Russia talks would go on; Biden spoke with Putin for two hours.",
    "The U.S. president and the Russian leader held a video call, the Kremlin said. Thus, for us, status quo.",
    "President Biden warned President Putin; Zelenskyy, Zelensky and Binden were named, as was Putiin.",
    "US\nofficials and U.S.\tdiplomats met Russian  officials; the USA and the US Senate, Washington.",
    "The leaders of the United States and Russia spoke, said the top US diplomat, Secretary of State Blinken.",
    "THE U.S. PRESIDENT TOLD US: the American president, not the President of Russia.",
    "Lula beat Bolsonaro in the run-off; the former president and the incumbent met in a debate.",
    "Luiz Inácio Lula da Silva, the leftist, defeated Jair Bolsonaro and President Bolsonaro conceded.",
    "İSTANBUL, ıran, ſtatus: the ﬁrst US president met LULA DA SILVA and Bolsanaro, the far-right president.",
    "",
    "us",
]


def _finders() -> list[PartyFinder]:
    return [PartyFinder(load_factbase(ROOT / "facts").parties),
            PartyFinder(load_factbase(ROOT / "tests" / "rules" / "bases" / "runoff.yaml").parties)]


FINDERS = _finders()


def _spans(matches: list[regex.Match[str]]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@pytest.mark.parametrize("text", PARTY_SENTENCES)
def test_party_aliases_are_found_alike_with_and_without_the_automaton(text: str) -> None:
    for finder in FINDERS:
        assert _spans(finder.alias_matches(text)) == _spans(list(finder.alias_re.finditer(text, overlapped=True)))
        plain = copy.copy(finder)
        plain._starts = None  # the one alternation over the whole text, as before the automaton
        assert finder.find(text, 7) == plain.find(text, 7)


def test_the_alias_us_is_not_the_pronoun_inside_words() -> None:
    hits = FINDERS[0].find("US officials told us about the status of the bus.", 0)
    assert [(h.what, h.text) for h in hits] == [("us_delegation", "US officials"), ("us_delegation", "us")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["US", "us", "U.S.", "u.s. ", "officials", "president", " ", "\n", "-", ".",
                                 "Biden", "Putin", "Lula", "the former", "the", "status", "İ", "ı", "ſ", "a",
                                 "Russian", "leader", "Kremlin", "Bolsonaro", "da Silva", "Luiz Inácio"]),
                max_size=14))
def test_party_aliases_in_random_texts(pieces: list[str]) -> None:
    text = "".join(pieces)
    for finder in FINDERS:
        assert _spans(finder.alias_matches(text)) == _spans(list(finder.alias_re.finditer(text, overlapped=True)))


# --- the binder visits the events it can touch, and finds what a visit of every event finds -----------

def test_the_events_present_are_those_a_visit_of_every_event_finds() -> None:
    for base in (ROOT / "facts", ROOT / "tests" / "rules" / "bases"):
        fb = load_factbase(base)
        for path in [*ROOT.glob("seeds/*.txt"), *sorted((ROOT / "tests" / "golden").glob("*/*.txt"))[:40]]:
            doc = segment(path.read_text(encoding="utf-8", errors="replace"))
            b = Binder(fb, doc)
            read = doc.reading or doc.text
            assert b.present == {e.id for e in fb.events.values() if b._is_present(e, read)}
            assert b.named_in_doc == tuple(e for e in fb.events.values() if e.names and any(
                p.may_match(read) for p in e.names))
            places = {e.id for e in fb.events.values() if e.place and any(
                regex.search(rf"(?<![\p{{L}}]){regex.escape(e.place)}(?![\p{{L}}])", s.text, flags=regex.IGNORECASE)
                for s in doc.sentences)}
            assert places <= set(b._place_events)
