"""The role in which a figure is stated: as the value itself, as a margin ("won by 17 points",
"421,308 votes behind"), or as a projection ("could deploy up to 175,000", "exit polls gave him
58 %"). Words are data (factcheck/data/en/roles.yaml); a fact's `figure:` says which role it is."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.lang import alternation, lang, pack

ROLES = ("value", "margin", "projection", "part")  # what a fact's `figure:` may say


@cache
def _res() -> dict[str, dict[str, regex.Pattern[str]]]:
    data = pack("roles")
    hedges = alternation(lang().hedges)
    joins = alternation([*lang().data["list_joiners"], *lang().data["clause_openers"]])
    out: dict[str, dict[str, regex.Pattern[str]]] = {}
    for role, parts in data.items():
        res: dict[str, regex.Pattern[str]] = {}
        if parts.get("before"):
            res["before"] = regex.compile(
                rf"(?<![\p{{L}}])(?:{alternation(parts['before'])})\s+(?:(?:{hedges})\s+)?(?:an?\s+)?$",
                regex.IGNORECASE)
        for key, name in (("by_after", "by"), ("by_after_change", "by_change")):
            if parts.get(key):
                res[name] = regex.compile(
                    rf"(?<![\p{{L}}])(?:{alternation(parts[key])})\s+(?:[\p{{L}}'’-]+\s+){{0,4}}?by\s+"
                    rf"(?:(?:{hedges})\s+)?$", regex.IGNORECASE)
        if parts.get("after"):
            # the words between are the figure's unit ("12 points ahead"), never a word joining
            # another figure ("4,000 troops and more than 11,500 police": not a margin)
            # (nor an auxiliary: "800 people were evacuated" states the figure, "the eight hikers
            # rescued on Sunday" a part)
            res["after"] = regex.compile(
                rf"\A(?:\s*(?!(?:{joins}|was|were|is|are|be|been|being|had|has|have|got)(?![\p{{L}}]))"
                rf"[\p{{L}}%$€£.-]+){{0,2}}?\s*-?"
                rf"(?:{alternation(parts['after'])})(?![\p{{L}}])",
                regex.IGNORECASE)
            # a reading that holds its unit ("7 minutes 29 seconds"): the phrase right after it, or
            # after "of" ("of difference"); not "40 days stuck at more than 500 metres"
            res["after_unit"] = regex.compile(
                rf"\A\s*(?:of\s+)?-?(?:{alternation(parts['after'])})(?![\p{{L}}])", regex.IGNORECASE)
        if parts.get("adjacent"):
            res["adjacent"] = regex.compile(rf"\A\s*(?:{alternation(parts['adjacent'])})(?![\p{{L}}])",
                                            regex.IGNORECASE)
        if parts.get("clause"):
            res["clause"] = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(parts['clause'])})(?![\p{{L}}])",
                                          regex.IGNORECASE)
        out[str(role)] = res
    return out


def _near_part(before: str, width: int = 40) -> str:
    """The words governing a figure: after the last comma, colon or dash, at most `width` characters
    ("Biden plans to brief the Nine, a group of seven members": not "plans to")."""
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("—"), before.rfind(" – "))
    return before[cut + 1 :][-width:]


@cache
def _next_figure() -> regex.Pattern[str]:
    """A figure right after the role's phrase: the phrase is that figure's hedge, not this figure's
    role ("climbed 30,000 feet in less than ten minutes", "40 days stuck at more than 500 metres")."""
    words = alternation([w for w, v in lang().number_words.items() if v >= 1])
    return regex.compile(rf"\s*(?:an?\s+)?(?:[0-9$€£]|(?:{words})(?![\p{{L}}]))", regex.IGNORECASE)


@cache
def _tally_to() -> regex.Pattern[str]:
    """"... to 173" right after the figure and its unit: "by 365 electoral votes to 173", "by three
    sets to two" state both sides' figures (a tally), not a margin."""
    words = alternation([w for w, v in lang().number_words.items() if v >= 0])
    return regex.compile(rf"\A(?:\s+[\p{{L}}'’-]+){{0,3}}?\s+to\s+(?:[0-9]|(?:{words})(?![\p{{L}}]))",
                         regex.IGNORECASE)


@cache
def _restatement() -> regex.Pattern[str]:
    """"that is to say", "that's to say": a restatement, no projection ("is to")."""
    return regex.compile(rf"(?<![\p{{L}}])(?:that\s+|that['’]s\s+)(?:{alternation(['is to say', 'to say'])})"
                         r"(?![\p{L}])", regex.IGNORECASE)


def figure_roles(clause_before: str, after: str, with_unit: bool = False) -> frozenset[str]:
    """The roles a figure is stated in, from its clause before it and the text right after it;
    `with_unit`: the figure's reading already holds its unit (a length of time)."""
    found = set()
    near = _restatement().sub(lambda m: " " * len(m.group(0)), _near_part(clause_before))
    for role, res in _res().items():
        after_re = res.get("after_unit" if with_unit else "after")
        if "before" in res and res["before"].search(clause_before[-60:]):
            found.add(role)
        elif "by_change" in res and res["by_change"].search(clause_before[-80:]):
            found.add(role)
        elif "by" in res and res["by"].search(clause_before[-80:]) and not _tally_to().match(after):
            found.add(role)
        elif (after_re is not None and (m := after_re.match(after[:40])) is not None
              and not _next_figure().match(after, m.end())):
            found.add(role)
        elif "adjacent" in res and not with_unit and res["adjacent"].match(after):
            found.add(role)
        elif "clause" in res and res["clause"].search(near):
            found.add(role)
    return frozenset(found)
