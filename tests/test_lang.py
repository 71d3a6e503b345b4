"""The language data (factcheck/data/en.yaml) has the shape the code expects."""

from __future__ import annotations

import regex

from factcheck.lang import alternation, lang


def test_tables_have_their_types() -> None:
    lg = lang()
    assert lg.months["december"] == 12 and lg.months["dec"] == 12
    assert lg.weekdays["tuesday"] == 1
    assert set(lg.hedges.values()) <= {"about", "nearly", "just_under", "just_over", "over", "at_least",
                                        "up_to", "under"}
    assert all(isinstance(v, int) and v > 0 for v in lg.magnitudes.values())
    assert lg.duration_units["hour"] == 60
    assert all(-12 <= v <= 14 for v in lg.zones.values())
    assert set(lg.modes) == {"video", "phone", "in_person"}


def test_every_alias_list_compiles_to_a_pattern() -> None:
    lg = lang()
    for words in (lg.anchors, lg.event_nouns, lg.event_verbs, list(lg.hedges), list(lg.data["leaders"]),
                  lg.data["pair_words"], lg.data["not_talk"], lg.data["disputed"]):
        rx = regex.compile(alternation(words), regex.IGNORECASE)
        assert all(rx.fullmatch(w) for w in words)


def test_countries_and_leaders_agree() -> None:
    lg = lang()
    assert set(lg.data["leaders"].values()) - set(lg.countries) <= {"Israel", "Australia"}
    assert set(lg.data["demonyms"].values()) <= set(lg.countries)


def test_word_lists_hold_words_not_booleans() -> None:
    """YAML 1.1 reads on/off/yes/no as booleans: a word list written `[in, on, by]` held True, so "on" was
    silently no common word, no title word and no end of a count's phrase."""
    from importlib import resources

    from factcheck.lang import pack

    def booleans(x: object, path: str) -> list[str]:
        if isinstance(x, bool):
            return [path]
        if isinstance(x, dict):
            return [p for k, v in x.items() for p in booleans(v, f"{path}/{k}")]
        if isinstance(x, list):
            return [p for i, v in enumerate(x) for p in booleans(v, f"{path}[{i}]")]
        return []

    assert "on" in lang().data["common_words"]
    assert booleans(lang().data, "en") == []
    folder = resources.files("factcheck.data").joinpath("en")
    names = [p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")]
    # numbers.yaml's short multipliers say `space: true` on purpose: the only booleans of the packs
    found = [p for n in names for p in booleans(pack(n), n) if not p.startswith("numbers/short_multipliers/")]
    assert found == []
    assert "on" in pack("numbers")["group_ends"]
