"""Names as people write them, countries and people as set members, places (factcheck/kinds/name.py,
set.py, place.py). Sentences from several stories: a launch, an election, a mine rescue, a football
final, a ship grounding, an earthquake."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase
from factcheck.kinds.name import name_key, name_spec, skeleton
from factcheck.kinds.set import country_mentions, country_of


@pytest.mark.parametrize(("written", "canon"), [
    ("Britain", "United Kingdom"), ("UK", "United Kingdom"), ("the US", "United States"),
    ("Holland", "Netherlands"), ("Ivory Coast", "Ivory Coast"), ("Côte d'Ivoire", "Ivory Coast"),
    ("Panamanian", "Panama"), ("Bolivian", "Bolivia"), ("Chilean", "Chile"), ("Chileans", "Chile"),
    ("Taiwanese", "Taiwan"), ("Argentina", "Argentina"), ("Morocco", "Morocco"), ("Qatar", "Qatar"),
    ("Norwegian", "Norway"), ("Filipinos", "Philippines"), ("Czechia", "Czech Republic"),
    ("Russian Federation", "Russia"), ("Macron", "France"), ("European Union", "European Union"),
])
def test_country_names_and_demonyms(written: str, canon: str) -> None:
    assert country_of(written) == canon


def test_country_mentions_are_case_sensitive_and_longest_first() -> None:
    got = [c for _, _, c in country_mentions("32 Chileans and one Bolivian; Papua New Guinea, us and the US")]
    assert got == ["Chile", "Bolivia", "Papua New Guinea", "United States"]


def test_unknown_country_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text("facts:\n  - {id: s, kind: set, value: [Atlantis, France], cues: [x]}\n")
    with pytest.raises(Exception, match="Atlantis"):
        load_factbase(tmp_path / "f.yaml")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Mohamed", "Mohammed", True), ("Zelenskiy", "Zelenskyy", True), ("Abdoulaye", "Abdulaye", True),
    ("Peskow", "Peskov", True), ("Brinken", "Blinken", False), ("Goldborne", "Golborne", False),
    ("Blackwell-Thomson", "Blackwell-Thompson", False), ("Kirbi", "Kirby", False),
])
def test_transliteration_rule(a: str, b: str, same: bool) -> None:
    assert (skeleton(name_key(a)) == skeleton(name_key(b))) is same


def test_surnames_with_particles_and_middle_words() -> None:
    assert set(name_spec("Marine Le Pen", ()).forms) == {"lepen"}
    assert set(name_spec("Virgil van Dijk", ()).forms) == {"vandijk"}
    assert set(name_spec("Randal Kolo Muani", ()).forms) == {"muani", "kolomuani"}
    assert name_spec("Mohammed VI", ()).value_suffix == "VI"
    assert name_spec("Martin Luther King Jr.", ()).value_suffix == "jr"


def _verdicts(tmp_path: Path, facts: str, article: str) -> dict[str, str]:
    (tmp_path / "f.yaml").write_text(facts, encoding="utf-8")
    fb = load_factbase(tmp_path / "f.yaml")
    return {f.fact: f.verdict for f in check_text(article, fb).findings}


NAMES = """facts:
  - {id: p.nelson, kind: name, value: Bill Nelson, context: ['NASA']}
  - {id: p.blinken, kind: name, value: Antony Blinken, context: ['Secretary of State']}
  - {id: p.golborne, kind: name, value: Laurence Golborne, context: ['minister']}
  - {id: p.king, kind: name, value: Mohammed VI, context: ['King']}
  - {id: p.mlk, kind: name, value: Martin Luther King Jr., context: ['civil rights']}
"""


@pytest.mark.parametrize(("article", "fact", "want"), [
    ("NASA Administrator Bill Nelson watched the launch.", "p.nelson", "agree"),
    ("Secretary of State Antony Brinken arrived.", "p.blinken", "contradict"),
    ("Mining minister Laurence Goldborne spoke to the families.", "p.golborne", "contradict"),
    ("Mining minister Laurence Golborne spoke to the families. Golborne wept.", "p.golborne", "agree"),
    ("King Mohammed VI sent condolences after the earthquake.", "p.king", "agree"),
    ("King Mohammed IV sent condolences after the earthquake.", "p.king", "contradict"),
    ("King Mohamed VI sent condolences after the earthquake.", "p.king", "unclear"),
    ("The civil rights leader Martin Luther King Jr. spoke.", "p.mlk", "agree"),
    ("The civil rights leader Martin Luther King Sr. spoke.", "p.mlk", "contradict"),
    ("Mohammed Salah scored twice on Sunday.", "p.king", "omit"),
])
def test_name_mentions(tmp_path: Path, article: str, fact: str, want: str) -> None:
    assert _verdicts(tmp_path, NAMES, article)[fact] == want


PLACES = """facts:
  - {id: pad, kind: place, value: Launch Complex 39B, variants: [Pad 39B, Kennedy Space Center],
     others: [Launch Complex 39A, Cape Canaveral Space Force Station], cues: ['launch\\w*|lift\\w*']}
  - {id: flag, kind: place, value: Panama, cues: ['flag\\w*|vessel|ship']}
  - {id: owner, kind: place, value: Japan, role: 'owned|owner', cues: ['owned|owner']}
"""


@pytest.mark.parametrize(("article", "fact", "want"), [
    ("The rocket lifted off from Kennedy Space Center.", "pad", "agree"),
    ("The rocket lifted off from Cape Canaveral Space Force Station.", "pad", "contradict"),
    ("The rocket lifted off near Titusville, Florida.", "pad", "omit"),
    ("The vessel sails under a Panamanian flag.", "flag", "agree"),
    ("The ship, owned by a Japanese firm, is Panama-flagged.", "owner", "agree"),
    ("The Taiwanese-owned ship was bound for Rotterdam.", "owner", "contradict"),
    ("The ship, owned by Shoei Kisen, was carrying Taiwanese cargo.", "owner", "omit"),
])
def test_place_mentions(tmp_path: Path, article: str, fact: str, want: str) -> None:
    assert _verdicts(tmp_path, PLACES, article)[fact] == want


SETS = """facts:
  - {id: crew, kind: set, universe: people, value: [Reid Wiseman, Victor Glover, Christina Koch, Jeremy Hansen],
     cues: ['crew|astronauts']}
  - {id: miners, kind: set, value: [Chile, Bolivia], cues: ['miners']}
  - {id: attempts, kind: set, universe: dates, value: [2022-08-29, 2022-09-03], cues: ['attempts?|scrub\\w*']}
"""


@pytest.mark.parametrize(("article", "fact", "want"), [
    ("The crew members Reid Wiseman and Christina Koch trained for years.", "crew", "agree"),
    ("The astronauts Reid Wiseman, Victor Glover and Christina Hock trained.", "crew", "contradict"),
    ("The astronauts Reid Wiseman, Victor Glover and Randy Bresnik trained.", "crew", "contradict"),
    # a possessive is the person's (a crew; a shoot-out's misses): no misspelling
    ("The crew's commander is Wiseman; Koch's and Glover's roles were set in 2023.", "crew", "agree"),
    ("The astronauts Reid Wiseman's, Victor Glover's and Christina Koch's suits fit.", "crew", "agree"),
    ("The miners, Chileans, Peruvians and Bolivians, were trapped.", "miners", "contradict"),
    ("The trapped miners were Chileans and Bolivians, officials said.", "miners", "omit"),  # two, no intro
    ("The presidents of Chile and Bolivia greeted the rescued miners.", "miners", "agree"),
    ("The attempt on August 29 was scrubbed.", "attempts", "agree"),
    ("Attempts on August 29 and September 5 were scrubbed.", "attempts", "contradict"),
])
def test_set_members(tmp_path: Path, article: str, fact: str, want: str) -> None:
    assert _verdicts(tmp_path, SETS, article)[fact] == want


TITLED = """facts:
  - id: commander
    kind: name
    value: Gennady Lyachin
    patterns: ['commanded\\s+by\\s+(?P<who>{party})']
    others: [Vyacheslav Popov, Dmitri Kolesnikov]
  - id: referee
    kind: name
    value: Szymon Marciniak
    patterns: ['refereed\\s+by\\s+(?P<who>{party})', 'referee\\s+(?P<who>{party})']
    others: [Daniele Orsato]
"""


@pytest.mark.parametrize(("article", "fact", "want"), [
    # a title the pattern's name takes in before the full name is no part of who it is (a submarine's
    # commander; a final's referee): the value agrees, another's name or a misspelling contradicts
    ("The Kursk was commanded by Captain Gennady Lyachin.", "commander", "agree"),
    ("The Kursk was commanded by Captain Dmitri Kolesnikov.", "commander", "contradict"),
    ("The Kursk was commanded by Captain Gennady Lyachkin.", "commander", "contradict"),
    ("The final was refereed by Referee Daniele Orsato.", "referee", "contradict"),
    ("The final was refereed by Referee Szymon Marciniack.", "referee", "contradict"),
    # someone the base does not list stays unclear
    ("The Kursk was commanded by Captain Ivan Petrov.", "commander", "unclear"),
    # a fact box's label and its colon ("Referee: ...", "Commander: ...")
    ("Final, Wembley. Referee: Daniele Orsato (Italy).", "referee", "contradict"),
    ("Final, Wembley. Referee: Szymon Marciniak (Poland).", "referee", "agree"),
])
def test_a_title_before_a_name_in_a_pattern(tmp_path: Path, article: str, fact: str, want: str) -> None:
    assert _verdicts(tmp_path, TITLED, article)[fact] == want


@pytest.mark.parametrize(("base", "fact_id", "text", "want"), [
    # a place right after a clock time names the clock, not where it happened (a football final, a
    # mine rescue); the same place as the event's location still accuses
    ("final.yaml", "final.city", "Argentina won the World Cup final, which kicked off at 18:00 in Doha.", "omit"),
    ("mine.yaml", "rescue.site", "The 33 miners were rescued; the last emerged at 9:55 p.m. in Santiago.", "omit"),
    ("final.yaml", "final.city", "Argentina won the World Cup final in Doha.", "contradict"),
    ("mine.yaml", "rescue.site", "The 33 miners were rescued in Santiago.", "contradict"),
])
def test_a_place_after_a_clock_time_is_the_clocks(base: str, fact_id: str, text: str, want: str) -> None:
    from factcheck.check import check
    from factcheck.model import Source

    fb = load_factbase(Path(__file__).parent / "rules" / "bases" / base)
    got = {f.fact: f.verdict for f in check(Source(id="t", text=text), fb).findings}
    assert got[fact_id] == want


def test_a_slow_cue_in_a_role_relation_does_not_abort_the_run() -> None:
    """A user's cue that times out on one sentence (regex timeout) means no relation there; it never
    raises out of the check (a fact-checking run over thousands of sources goes on)."""
    from types import SimpleNamespace

    from factcheck.kinds.name import _role_relation

    class Slow:
        def finditer(self, *args: object, **kwargs: object) -> object:
            raise TimeoutError("regex timed out")

        def search(self, *args: object, **kwargs: object) -> None:
            return None

        def match(self, *args: object, **kwargs: object) -> None:
            return None

    cue = SimpleNamespace(compiled=Slow(), search=lambda *a, **k: None, match=lambda *a, **k: None,
                          finditer=lambda *a, **k: iter(()))
    fact = SimpleNamespace(cues=(cue,))
    text = "The award went to Jane Smith at last."
    a = text.index("Jane")
    assert _role_relation(text, a, a + len("Jane Smith"), fact) is None
