"""Money: "$916 million", "USD 4.1 billion", "€1.2bn", "$9.6 billion a day". A fact's value names
its currency; a figure in another currency is not read for it unless a variant is in that
currency. With `per: day`, only rates are read, converted to the fact's period."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.currencies import currency_forms
from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.quantity import against_fact, doc_convention, hedge_option
from factcheck.lang import alternation, pack, trie_alternation
from factcheck.numbers import Number, find_numbers, hedge_before, interval
from factcheck.segment import Sentence


@dataclass(frozen=True)
class Money:
    value: float
    unit: float
    currency: str  # ISO code
    hedge: str = ""  # the fact's own hedge class ("up to $3 billion": `hedge: up to`)


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], frozenset[str]]:
    """Each written form (before / after the number, lower case) -> the codes that use it, the usual
    one first; and the ISO codes, which read in capitals only ("ALL 5,000", not "all 5,000")."""
    before: dict[str, tuple[str, ...]] = {}
    after: dict[str, tuple[str, ...]] = {}
    codes: set[str] = set()

    def add(table: dict[str, tuple[str, ...]], form: str, code: str) -> None:
        table[form.lower()] = tuple(dict.fromkeys((*table.get(form.lower(), ()), code)))

    for code, forms in currency_forms().items():
        # an ISO code the pack writes among its forms ("TRY", "MAD") is a code too: "Try 40 times"
        iso = [w for w in forms["before"] + forms["after"] if len(w) == 3 and w.isalpha() and w.isupper()]
        for w in forms["before"]:
            add(before, w, code)
        for w in forms["after"]:
            add(after, w, code)
        for w in [*forms["codes"], *iso]:
            add(before, w, code)
            add(after, w, code)
            codes.add(w)
    return before, after, frozenset(codes)


#: one-letter signs read only in capitals and glued to the figure ("R375,000" in South Africa; not
#: "grade R 5", "R&D"): money.yaml `glued`
@cache
def _glued() -> tuple[regex.Pattern[str], dict[str, str]]:
    signs = {str(k): str(v) for k, v in (pack("money").get("glued") or {}).items()}
    return regex.compile(rf"(?<![\p{{L}}\d.&-])(?P<c>{'|'.join(map(regex.escape, signs)) or '(?!)'})$"), signs


@cache
def _glued_at() -> regex.Pattern[str]:
    """A glued sign where it stands, right before the figure's first digit."""
    signs = _glued()[1]
    return regex.compile(rf"(?<![\p{{L}}\d.&-])(?:{'|'.join(map(regex.escape, signs)) or '(?!)'})(?=\d)")

#: how far before a number its currency sign or code may begin ("US $ ", "GH₵", "MOP$")
_SIGN_REACH = 12


def _forms_re(table: dict[str, tuple[str, ...]], codes: frozenset[str]) -> str:
    words = [w for w in table if w.upper() not in codes]
    # tries: every currency's forms (about 1,500) tried at each number cost their length, not their number
    return rf"{trie_alternation(words)}|(?-i:{trie_alternation(codes, fold=False)})"


@cache
def _before_re() -> regex.Pattern[str]:
    before, _, codes = _tables()
    return regex.compile(rf"(?:(?<![\p{{L}}])|(?<=\d))(?P<c>{_forms_re(before, codes)})\s*$", regex.IGNORECASE)


@cache
def _after_re() -> regex.Pattern[str]:
    _, after, codes = _tables()
    # "of dollars"; a French translation's leftover "de dollars", "d'euros"
    return regex.compile(rf"\A\s*-?\s*(?:(?:of|de)\s+|d['’]\s*)?(?P<c>{_forms_re(after, codes)})(?![\p{{L}}])",
                         regex.IGNORECASE)


#: a conversion in brackets right after a sum ("€60 ($66)", "£10m (€11.4m)"): a figure in it, no clause
_CONVERSION = regex.compile(r"\s*\((?=[^()\n]{0,8}\d)[^()\n;]{1,30}\)")


@cache
def _rate_re() -> regex.Pattern[str]:
    words = {str(w).lower(): str(u) for u, ws in pack("money")["rate_words"].items() for w in ws}
    # the rate may follow what the sum is of ("$9 billion worth of goods a day", "$15 million in
    # fees for each day", a translation's "de marchandises par jour"): up to four words, none a verb
    # of a new clause or a figure
    between = r"(?:(?:worth|of|in|from|at|on|de|en|an)\s+(?:[\p{L}-]+\s+){0,3}?)?"
    return regex.compile(rf"\A\s*{between}(?:for\s+)?(?P<r>{alternation(words)})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _rate_before_re() -> regex.Pattern[str]:
    """A period named before the sum, with no other figure and no end of clause between: "each
    day", "every week", "per month" (not "a day", which is as often "a day after")."""
    words = [str(w) for ws in pack("money")["rate_words"].values() for w in ws
             if str(w).lower().split()[0] in ("each", "every", "per")]
    return regex.compile(rf"(?<![\p{{L}}])(?P<r>{alternation(words)})(?![\p{{L}}])[^0-9;.!?]*\Z", regex.IGNORECASE)


def _rate_unit(phrase: str) -> str:
    p = regex.sub(r"\s+", " ", phrase.lower())
    return next(str(u) for u, ws in pack("money")["rate_words"].items() if p in [str(w).lower() for w in ws])


_THREE_DECIMALS = regex.compile(r"\d{1,3}\.\d{3}")


def read_money(text: str, offset: int, conv: str) -> list[tuple[Number, tuple[str, ...], str, int]]:
    """(number, currencies, rate unit or "", end) of each sum of money in `text`; the currencies are
    the codes its sign or word may stand for, the usual one first ("$": USD, then AUD, CAD ...)."""
    out: list[tuple[Number, tuple[str, ...], str, int]] = []
    glued, signs = _glued()
    # a one-letter sign glued to its figure ("R375,000") hides the figure from the number reader: read
    # the text with such signs blanked, offsets kept
    scan = _glued_at().sub(lambda m: " " * len(m.group()), text) if signs else text
    for n in find_numbers(scan, offset, conv):
        if n.magnitude:
            continue
        if n.alt is not None and n.alt > n.value and _THREE_DECIMALS.fullmatch(n.text):
            # "50.000 Euro", "a bonus of 120.000 euros": no sum is written to a tenth of a cent, so
            # the point groups thousands (a scale word keeps both: "€1.125 billion")
            n = replace(n, value=n.alt, unit=n.alt_unit, alt=None)
        head = text[: n.start - offset]
        end = n.end - offset
        b = _before_re().search(head, max(0, len(head) - _SIGN_REACH))  # a sign ends right before it
        cur: tuple[str, ...]
        if b is None and (g := glued.search(head)):
            # "R375,000", "R1 million": a one-letter sign, glued to the figure, in capitals
            cur = (signs[g.group("c")],)
            h = hedge_before(head[: g.start()])
            if h is not None and not n.hedge:
                n = replace(n, hedge=h[0], hedge_start=offset + h[1])
        elif b:
            cur = _tables()[0][b.group("c").lower()]
            h = hedge_before(head[: b.start()])
            if h is not None and not n.hedge:
                # "more than $30 billion", "up to €40bn": the hedge stands before the currency sign
                n = replace(n, hedge=h[0], hedge_start=offset + h[1])
        else:
            a = _after_re().match(text[end:])  # "27 Mio. US-Dollar", "a 20-dollar bill"
            if not a:
                continue
            cur = _tables()[1][a.group("c").lower()]
            end += a.end()
        r = _rate_re().match(text[end:])
        if r is None and (c := _CONVERSION.match(text[end:])):
            # "€60 ($66) a day": a conversion in brackets between the sum and its period
            r = _rate_re().match(text[end + c.end():])
            if r is not None:
                end += c.end()
        rate = ""
        if r:
            rate = _rate_unit(r.group("r"))
            end += r.end()
        out.append((n, cur, rate, offset + end))
    return out


class MoneyKind:
    name: ClassVar[str] = "money"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "per": Key("enum", doc="the period of a rate ('$9.6 billion a day')",
                   choices=("hour", "day", "week", "month", "year")),
        "hedge": Key("str", doc="the fact's own hedge ('up to', 'more than'): `value: $3 billion` with "
                                "`hedge: up to` for 'a break-up fee of up to $3 billion'"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "a currency and an amount: '$916 million', 'USD 4.1 billion', 'EUR 1.2bn'"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Money:
        text = str(raw).strip()
        found = read_money(text, 0, "dot_decimal")
        if len(found) != 1 or found[0][0].hedge or found[0][0].hi is not None or found[0][2]:
            raise FactValueError(f"cannot read {raw!r} as a sum of money",
                                 "write e.g. `value: $916 million`, `USD 4.1 billion` or `EUR 1.2bn` "
                                 "(a rate's period goes in `per:`)")
        n, cur, _, _ = found[0]
        return Money(n.value, n.unit, cur[0], options.get("hedge_class", ""))

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        per = options.get("per")
        hedge = hedge_option(options)
        if per is None:
            return {"per": "", **hedge}
        rates = pack("money")["rates"]
        if not isinstance(per, str) or per.strip().lower() not in rates:
            raise FactValueError(f"unknown period {per!r}", f"use one of: {', '.join(rates)}")
        return {"per": per.strip().lower(), **hedge}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        per: str = fact.options.get("per", "")
        currencies = {v.value.currency for v in fact.variants if isinstance(v.value, Money)}
        if isinstance(fact.value, Money):
            currencies.add(fact.value.currency)
        rates = pack("money")["rates"]
        out: list[Reading] = []
        for n, codes, rate, end in read_money(sentence.text, sentence.start, doc_convention(ctx)):
            if per and not rate:
                # a rate's fact: "Every week of the strike cost the carmakers $400 million", the period first
                before = _rate_before_re().search(sentence.text[: n.span_start - sentence.start][-80:])
                if before:
                    rate = _rate_unit(before.group("r"))
            cur = next((c for c in codes if c in currencies), "")
            if not cur or bool(rate) != bool(per):
                continue
            # "$5 million" for a fact in Australian dollars: the sign fits, but it may be another currency
            shared = cur != codes[0]
            k = float(rates[per]) / float(rates[rate]) if per else 1.0
            a, b = n.span_start - sentence.start, end - sentence.start
            iv = n.interval(k)
            out.append(Reading(start=n.span_start, end=end, text=sentence.text[a:b], value=n,
                               shown={"value": n.value, "currency": cur, "per": rate or None, "interval": str(iv)},
                               detail=f"read as {cur} {iv}" + (f" per {per}" if per else ""),
                               extra={"currency": cur, "per": rate, "factor": k,
                                      **({"loose": True, "why_loose": f"the sign or word is usually {codes[0]}"}
                                         if shared else {})}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        m: Money = value
        if reading.extra.get("currency") != m.currency:
            return None
        k = float(reading.extra.get("factor", 1.0))
        if m.hedge and k == 1.0:
            # a bound ("up to $3 billion"): the bound's own figure agrees, as for quantities
            found = {against_fact(n, m.value, m.unit, m.hedge) for n in reading.value.readings()}
            return found.pop() if len(found) == 1 else None
        exact = interval(m.value, m.unit)
        results = {n.interval(k).overlaps(exact) for n in reading.value.readings()}
        if len(results) > 1 and True in results and reading.value.alt is not None:
            # "170,799 billion Dollar" in a text writing both conventions, for $170.799 billion: one
            # reading is the fact's sum exactly, the other a thousand times off; the form agrees
            return True
        return results.pop() if len(results) == 1 else None

    def distance(self, reading: Reading, value: Any) -> float | None:
        """How far the sum read is from `value`, in its currency (to tell a fact from a distractor
        that both fit: "about $43 billion" is the $43 billion distractor's, not the $44 billion
        fact's); None in another currency."""
        m: Money = value
        if reading.extra.get("currency") != m.currency:
            return None
        return abs(float(reading.value.value) * float(reading.extra.get("factor", 1.0)) - m.value)

    def ratio(self, reading: Reading, value: Any) -> float | None:
        """The sum read over the fact's, in the fact's currency and rate (None if not comparable)."""
        m: Money = value
        if reading.extra.get("currency") != m.currency or not m.value:
            return None
        return float(reading.value.value) * float(reading.extra.get("factor", 1.0)) / m.value

    def render(self, value: Any) -> str:
        m: Money = value
        hedge = {"up_to": "up to ", "over": "more than ", "at_least": "at least ", "under": "less than ",
                 "about": "about ", "nearly": "nearly ", "just_over": "just over "}.get(m.hedge, "")
        for scale, word in ((1e9, "billion"), (1e6, "million")):
            if abs(m.value) >= scale:
                return f"{hedge}{m.currency} {m.value / scale:g} {word}"
        return f"{hedge}{m.currency} {m.value:,g}"
