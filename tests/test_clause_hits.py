"""A clause's parties are taken from the article's one search (Binder._clause_hits): they must be
what searching the clause alone finds, on the project's corpora (the seeds and two golden sets of
other stories, parties of every shape: aliases, misspellings, leaders by country)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import bind
from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source

ROOT = Path(__file__).resolve().parent.parent
CASES = [(ROOT / "facts", sorted((ROOT / "seeds").glob("*.txt"))),
         (ROOT / "tests/golden/stories6/ian2022/facts",
          sorted((ROOT / "tests/golden/stories6/ian2022/articles").glob("*.txt"))),
         (ROOT / "tests/golden/stories11/wimbledon2023/facts",
          sorted((ROOT / "tests/golden/stories11/wimbledon2023/articles").glob("*.txt")))]


@pytest.mark.parametrize("facts,articles", CASES, ids=["seeds", "ian2022", "wimbledon2023"])
def test_clause_hits_equal_a_search_of_the_clause(facts: Path, articles: list[Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert articles
    fast = bind.Binder._clause_hits
    seen: list[int] = []

    def both(self: bind.Binder, seg: bind.Segment) -> list[bind.Hit]:
        got = fast(self, seg)
        alone = self.parties.find(seg.text, seg.start)
        assert [(h.what, h.start, h.end) for h in got] == [(h.what, h.start, h.end) for h in alone], seg.text
        seen.append(len(got))
        return got

    monkeypatch.setattr(bind.Binder, "_clause_hits", both)
    fb = load_factbase(facts)
    for p in articles:
        check(Source(id=p.stem, text=p.read_text(encoding="utf-8")), fb)
    assert seen and sum(seen) > 0  # clauses were compared, and some named parties


def test_a_hit_crossing_the_clause_edge_sends_the_clause_to_its_own_search() -> None:
    # a clause edge inside an article-level hit: the clause is searched alone (a shorter alias
    # inside the crossing one is the clause's), and hits outside the clause are not its
    from factcheck.segment import segment

    fb = load_factbase(ROOT / "facts")
    doc = segment("Biden spoke with Putin on Thursday, and Zelensky listened.")
    binder = bind.Binder(fb, doc)
    seg = doc.sentences[0].segments[0]
    assert [h.text for h in binder._clause_hits(seg)] == [h.text for h in binder.parties.find(seg.text, seg.start)]
    crossing = bind.Hit("invented", seg.end - 3, seg.end + 5, "crossing")
    binder._doc_hits = sorted([*binder._doc_hits, crossing], key=lambda h: (h.start, h.end))
    binder._hit_starts = [h.start for h in binder._doc_hits]
    binder._longest_hit = max(h.end - h.start for h in binder._doc_hits)
    got = binder._clause_hits(seg)
    assert "invented" not in {h.what for h in got}
    assert [h.text for h in got] == [h.text for h in binder.parties.find(seg.text, seg.start)]
