"""Deterministic number, amount and date conflicts between two claims about the same thing.

Each quantity becomes an interval: "3,000" is exact up to its rounding at the last non-zero digit, at most 15%
(2,550-3,450), "about 3,000" allows 10%, "more than 3,000" is open above. Two claims conflict when they count the
same unit (troops/soldiers, dollars, percent) in intervals that cannot overlap, and otherwise say nearly the same
words. Formats are normalised: "3 000", "3k", "$2.5 billion" = "2.5 billion dollars", "six".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .vocabulary import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    METRES_PER,
    MONTHS,
    SCALES,
    SECONDS_PER,
    STOP_WORDS,
    WEEKDAYS,
    WORD_NUMBERS,
)
from .words import content_words, same_topic, stems

SYNONYMS = {
    "soldier": "troop",
    "troop": "troop",
    "fighter": "troop",
    "serviceman": "troop",
    "servicemen": "troop",
    "people": "person",
    "person": "person",
    "protester": "protester",
    "demonstrator": "protester",
    "percent": "percent",
    "per cent": "percent",
    "%": "percent",
    "pc": "percent",
    "casualty": "casualty",
    "death": "death",
    "dead": "death",
    "killed": "death",
    "fatality": "death",
    "child": "child",
    "children": "child",
    "men": "man",
    "women": "woman",
}
HEDGES = {
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "some": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "approx": (0.9, 1.1),
    "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.0),
    "just under": (0.9, 1.0),
    "more than": (1.0, math.inf),
    "over": (1.0, math.inf),
    "at least": (1.0, math.inf),
    "upwards of": (1.0, math.inf),
    "in excess of": (1.0, math.inf),
    "just over": (1.0, 1.15),
    "up to": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "no more than": (0.0, 1.0),
    "not more than": (0.0, 1.0),
    "no fewer than": (1.0, math.inf),  # a floor: "no fewer than 12" is 12 or more, not "fewer than 12"
    "no less than": (1.0, math.inf),
    "not less than": (1.0, math.inf),
    "not fewer than": (1.0, math.inf),
    "within": (0.0, 1.0),  # "passed within 22,000 miles of Earth"
    # a ceiling or a floor, not the amount: "as many as 34 variants", "prices start at $349"
    "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0),
    "as high as": (0.0, 1.0),
    "as few as": (1.0, math.inf),
    "as little as": (1.0, math.inf),
    "as low as": (1.0, math.inf),
    "start at": (1.0, math.inf),
    "starts at": (1.0, math.inf),
    "starting at": (1.0, math.inf),
    "start from": (1.0, math.inf),
    "starts from": (1.0, math.inf),
    "starting from": (1.0, math.inf),
    "several": (0.5, 3.0),
    "tens of": (1.0, 10.0),
    "hundreds of": (1.0, 10.0),
    "thousands of": (1.0, 10.0),
}
# between a part and its whole: "300 out of 400 soldiers", "3 of the 7 attackers"
_PART_OF = re.compile(r"\s+(?:out\s+of|of)(?:\s+(?:the|all))?\s*", re.I)
# a modal of possibility or a negation earlier in the figure's clause ("may" in lower case only: "in May 2014" is a
# date): "it could sell for $4,000", "the audio does not capture the one or two shots" state no amount
_UNSTATED = re.compile(r"(?:\b(?:[Cc]ould|[Mm]ight|may|not|never)\b|n['’]t\b)[^,;:.!?]*$")
_DIMENSIONS = re.compile(r"\s*[x×]\s*\d")
_DIMENSIONS_BEFORE = re.compile(r"\d\s*[x×]\s*$")
INCREMENTAL = re.compile(r"\b(another|additional|extra|further|more)\s*$", re.I)
_INCREMENT_AFTER = re.compile(r"\s+(additional|extra|further|other)\b", re.I)  # "14 additional officers"
# a number followed by one of these is a difference between two amounts ("a $150 premium", "5% more than")
DIFFERENCE = re.compile(
    r"\s*(premium|discount|markup|surcharge|more|less|fewer|higher|lower|cheaper|dearer|extra|increase|rise|"
    r"jump|hike|gain|drop|fall|decline|cut|reduction|decrease|off)\b",
    re.I,
)
_LENGTH_WORDS = re.compile(r"\s*(tall|long|high|wide|deep|away|above|below|from|of\s+water)\b", re.I)
# "$500 for the steel model": the amount is about the thing named after "for"
_QUALIFIER = re.compile(r"\s+(?:for|on)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?((?:[\w-]+\s*){1,3})", re.I)

_HEDGE_RE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
# "6 1/2", "6½", "3/4": halves, thirds, quarters and eighths only ("24/7" and "9/11" are not amounts)
_FRACTION = r"(?:\d+\s)?[1-7]/[2348](?![\d/])|\d*[½⅓⅔¼¾⅛]"
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅛": 0.125}
# "9,34,200" is Indian grouping (lakhs) for 934,200
_NUM = _FRACTION + r"|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = "|".join(WORD_NUMBERS)
_QUANTITY = re.compile(
    rf"(?:(?P<hedge>\b(?:{_HEDGE_RE}))\s+(?:an?\s+)?)?(?P<currency>[$€£¥])?\s?(?P<number>{_NUM}|\b(?:{_WORDNUM})\b)"
    rf"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|tn|[kKmMbB])\b)?"
    rf"(?:\s?(?P<percent>%|percent\b|per cent\b))?"
    rf"(?=(?P<after>(?:\s+[a-zA-Z][\w-]*){{0,3}}))",  # a lookahead: "one that is over two metres" keeps its "over"
    re.I,
)
_VOTE_WORDS = r"vote|voted|ruling|ruled|decision|margin|majority"
_VOTE = re.compile(
    rf"\b(?P<a>\d+|{_WORDNUM})\s*(?:to|-|–)\s*(?P<b>\d+|{_WORDNUM})\b(?=[^.]*\b({_VOTE_WORDS})\b)|"
    rf"\b({_VOTE_WORDS})\b[^.]*?\b(?P<c>\d+|{_WORDNUM})\s*(?:to|-|–)\s*(?P<d>\d+|{_WORDNUM})\b",
    re.I,
)
# the first number of a range, just before a quantity: "$720 to $3,800", "$120-$360", "between 4,000 and 5,000"
_RANGE_START = re.compile(
    rf"(?:(?P<between>\bbetween\s+)?[$€£¥]?(?P<number>{_NUM}|\b(?:{_WORDNUM})))\s*(?P<joint>-|–|to|and|or)\s*$", re.I
)
# a rate after an amount of money: "$29.11 per gram", "$4 a gallon"
_RATE = re.compile(r"\s+(?:per|an?)\s+(?:troy\s+)?([a-z]+)\b", re.I)  # a troy ounce is what "an ounce" of gold means
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = re.compile(
    r"\b(?P<prep>in|on|by|since|until|from|during|before|after)?\s*(?P<month>" + "|".join(MONTHS) + r")\b", re.I
)
_WEEKDAY = re.compile(r"\b(?P<prep>on|by|since|until|from|last|next)?\s*(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number in a claim, as the interval it allows, with the thing it counts."""

    text: str
    value: float
    low: float
    high: float
    unit: str | None
    incremental: bool  # "another 3,000": an addition, not a total
    about: frozenset[str] = frozenset()  # content words of a "for the steel model" qualifier
    unstated: bool = False  # "it could sell for $4,000": a guess or a denial in its clause, no figure anyone states


@dataclass(frozen=True)
class QuantityConflict:
    """Why two claims cannot both be right."""

    kind: str  # numeric | quantity | date
    detail: str


def _parse_number(raw: str) -> float | None:
    raw = raw.lower()
    if raw in WORD_NUMBERS:
        return float(WORD_NUMBERS[raw])
    if raw[-1] in _VULGAR:
        return float(raw[:-1] or 0) + _VULGAR[raw[-1]]
    if "/" in raw:
        whole, _, fraction = raw.rpartition(" ")
        numerator, denominator = fraction.split("/")
        if int(numerator) >= int(denominator):
            return None
        return float(whole or 0) + int(numerator) / int(denominator)
    cleaned = re.sub(r"[,\u202f\u00a0 ]", "", raw)
    try:
        return float(cleaned)
    except ValueError:
        return None


def _precision(number_text: str, scale: float) -> float:
    """How far a reporter's rounding may stretch a number: '3,000' -> 450, '3,127' -> 0.5, '1.2' bn -> 0.05 bn.

    A round number is read as rounded at its last non-zero digit, capped at 15% of its value.
    """
    if "/" in number_text or number_text[-1] in _VULGAR:
        return 0.01 * scale  # a fraction is exact
    digits = re.sub(r"[^\d.]", "", number_text)
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    if not zeros or not digits.rstrip("0"):
        return 0.5 * scale
    return min(0.5 * 10**zeros, 0.15 * float(digits)) * scale


def _unit(after: str, currency: str | None, percent: str | None) -> str | None:
    """The thing counted: the first plural or known noun after the number ('6,000 North Korean soldiers')."""
    if percent:
        return "percent"
    if currency:
        rate = _RATE.match(after)
        return CURRENCY_SYMBOLS[currency] + (f" per {rate.group(1).lower()}" if rate else "")
    words = [w.lower().strip(".,;:") for w in after.split()]
    for word in words:
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word]
    if words[:2] == ["of", "them"] or words[:2] == ["of", "those"]:
        return "them"
    if words[:2] == ["of", "the"]:
        words = words[2:]
    if not words or words[0] in STOP_WORDS or words[0] in ("of", "to", "per", "a") or words[0] in WORD_NUMBERS:
        return None  # "three of the seven attackers": the count of a part, whose unit comes from its whole
    for word in words[:3]:
        if word in STOP_WORDS:
            break
        singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if word in SYNONYMS or singular in SYNONYMS:
            return SYNONYMS.get(word) or SYNONYMS[singular]
        if word.endswith("s") and not word.endswith("ss"):
            return singular
    return words[0][:-1] if words[0].endswith("s") else words[0]


def _unit_words(after: str, unit: str) -> str:
    """The words after a number up to the one that names its unit ('of them', 'North Korean soldiers')."""
    taken = []
    for word in after.split()[:4]:
        taken.append(word.strip(".,;:"))
        lowered = taken[-1].lower()
        singular = lowered[:-1] if lowered.endswith("s") else lowered
        if unit in (lowered, singular, SYNONYMS.get(lowered), SYNONYMS.get(singular), CURRENCY_WORDS.get(lowered)):
            return " ".join(taken)
    return taken[0] if taken else ""


def _core_end(match: re.Match[str], scale_word: str) -> int:
    """Where the number itself ends: after its percent sign or scale word, before the words it counts."""
    if match.group("percent"):
        return match.end("percent")
    return match.end("scale") if scale_word else match.end("number")


# a span of time counted back from now is a point in time, not an amount: "Six years ago she married ..." and "...
# crossed from Syria nine days ago" give no durations to compare
_AGO = re.compile(r"\s+(?:full\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+ago\b", re.I)


@lru_cache(maxsize=65536)
def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Every countable quantity in a claim (years are dates, not quantities)."""
    found: list[Quantity] = []
    ends: list[int] = []  # where each found number ends, to drop the lower end of a range
    starts: list[int] = []  # where each found quantity starts, to find "300 out of 400 soldiers"
    for match in _QUANTITY.finditer(text):
        number_text = match.group("number")
        value = _parse_number(number_text)
        if value is None:
            continue
        scale_word = (match.group("scale") or "").lower()
        after = match.group("after") or ""
        spaced = match.start("scale") > match.end("number") if scale_word else False
        if (
            scale_word in ("m", "b")
            and after.strip()[:1].isalpha()
            and not match.group("currency")
            and (spaced or _LENGTH_WORDS.match(after))
        ):
            scale_word = ""  # "3 m tall" or "5 b" are not millions/billions; "1m peso" and "2m people" are
        if not scale_word and re.match(r"\s*(thousand|million|billion|trillion)\b", after, re.I):
            continue
        scale = SCALES.get(scale_word, 1.0)
        plain = not match.group("currency") and not match.group("percent") and not scale_word
        if plain and _YEAR.fullmatch(number_text):
            continue
        if (
            text[match.end("number") : match.end("number") + 1] in ("-", "/", ":")
            or text[match.start("number") - 1 : match.start("number")] in ("/", ":")
            or re.match(r"\s*(am|pm|a\.m|p\.m|years? old|year-old)\b", text[match.end("number") :], re.I)
            or _AGO.match(text, match.end("number"))  # "six years ago": when, not how long
            or _DIMENSIONS.match(text, match.end("number"))  # "a 1366 x 768 pixel display"
            or _DIMENSIONS_BEFORE.search(text, 0, match.start("number"))
        ):
            continue
        hedge = (match.group("hedge") or "").strip().lower()
        value *= scale
        precision = _precision(number_text, scale) if number_text[0].isdigit() else 0.0
        low_factor, high_factor = HEDGES.get(hedge, (1.0, 1.0))
        if hedge:  # the hedge states the allowed range itself
            low, high = value * low_factor, value * high_factor if math.isfinite(high_factor) else math.inf
        else:  # a bare number is read as rounded at its last non-zero digit
            low, high = value - precision, value + precision
        range_start = _range_start(text[: match.start()], value, scale)
        if range_start is not None:  # the upper end of a range: the range is the amount, its lower end not another
            low = min(low, range_start[0])
            if ends and ends[-1] > range_start[1]:
                found.pop()
                ends.pop()
                starts.pop()
        begins = range_start[1] if range_start else match.start()  # "another four or five shots" adds them all
        incremental = bool(INCREMENTAL.search(text[:begins]) or _INCREMENT_AFTER.match(after))
        unit = _unit(after, match.group("currency"), match.group("percent"))
        if unit is None and found and re.match(r"\s+more\b", after, re.I):
            # "six gunshots followed by four more": the count before is a part, not the whole
            found[-1] = replace(found[-1], incremental=True)
        end = _core_end(match, scale_word)
        for per, base in ((METRES_PER, "metre"), (SECONDS_PER, "second")):
            if unit in per:
                factor = per[unit]
                value, low, high, unit = value * factor, low * factor, high * factor, base
        if unit and DIFFERENCE.match(text, end):  # "$150 premium" compares with differences, not with prices
            unit = f"{unit} difference"
        core = text[begins:end].strip()
        if match.group("percent") or not unit:
            label = core
        elif match.group("currency"):  # "$1,200 per troy ounce", "$500"
            label = f"{core} per {unit.split(' per ')[1]}" if " per " in unit else core
        else:
            label = f"{core} {_unit_words(after, unit)}".strip()
        qualifier = _QUALIFIER.match(text, end)
        if qualifier is None and unit and not match.group("currency"):  # "6 million units for the first quarter"
            counted = _unit_words(after, unit)
            if counted and counted in after:
                qualifier = _QUALIFIER.match(text, end + after.index(counted) + len(counted))
        about = content_words(qualifier.group(1)) if qualifier else frozenset()
        unstated = bool(_UNSTATED.search(text[:begins]))
        found.append(Quantity(label, value, max(low, 0.0), high, unit, incremental, about, unstated))
        ends.append(match.end("number"))
        starts.append(match.start())
    for index in range(len(found) - 1):  # "killed 300 out of 400 soldiers": the part counts soldiers too
        part, whole = found[index], found[index + 1]
        if part.unit is None and whole.unit and _PART_OF.fullmatch(text, ends[index], starts[index + 1]):
            found[index] = replace(part, unit=whole.unit, text=f"{part.text} of {whole.text}")
    return tuple(found)


def _range_start(before: str, value: float, scale: float) -> tuple[float, int] | None:
    """The lower end of a range that ends at `value` ("$720 to" before "$3,800"; "between 4 and" before "5
    billion" takes the scale of its upper end) and where the range's text begins, or None when the text before
    the number is no range."""
    match = _RANGE_START.search(before)
    if match is None or (match.group("joint").lower() == "and" and not match.group("between")):
        return None  # "5 and 6" is a list; only "between 5 and 6" is a range
    start = _parse_number(match.group("number"))
    if start is None:
        return None
    if start * scale <= value:
        start *= scale
    return (start, match.start()) if start < value else None


@lru_cache(maxsize=16384)  # asked by the relation and again by the decision's features for one pair
def find_conflict(a: str, b: str, min_overlap: float = 0.6) -> QuantityConflict | None:
    """A number, vote or date conflict between two claims that talk about the same thing, or None."""
    if not same_topic(a, b, min_overlap):
        return None
    return _vote_conflict(a, b) or _quantity_conflict(a, b) or _date_conflict(a, b)


def _quantity_conflict(a: str, b: str) -> QuantityConflict | None:
    """Amounts of one unit on both sides where neither side's amount fits any of the other's.

    A claim that names several amounts of a unit ("$500 for steel, $4,000 for gold") conflicts only when one of
    the other claim's amounts matches none of them; an amount qualified by "for the X" counts only against a
    claim that mentions X too; a guess ("might just cost $4,999") or a denial is no amount anyone states.
    """
    years_a, years_b = set(_YEAR.findall(a)), set(_YEAR.findall(b))
    if years_a and years_b and not years_a & years_b:
        return None  # amounts of different years are two facts ("59,000 arrests in 2010" / "by 2013, 28,000")
    words_a, words_b = content_words(a), content_words(b)
    left = [q for q in extract_quantities(a) if q.unit and not q.incremental and q.about <= words_b]
    right = [r for r in extract_quantities(b) if r.unit and not r.incremental and r.about <= words_a]
    for q in left:
        same_unit = [r for r in right if r.unit == q.unit]
        if q.unstated or not same_unit or any(_intervals_meet(q, r) for r in same_unit):
            continue  # a guessed or denied amount may reconcile two claims but sets up no conflict
        unmatched = [
            r for r in same_unit if not r.unstated and not any(_intervals_meet(p, r) for p in left if p.unit == r.unit)
        ]
        if not unmatched:
            continue
        r = unmatched[0]
        money = ("percent", *CURRENCY_SYMBOLS.values(), *CURRENCY_WORDS.values())
        kind = "quantity" if q.unit.removesuffix(" difference").split(" per ")[0] in money else "numeric"
        return QuantityConflict(kind, f"{q.text} vs {r.text}")
    return None


def figures_differ(a: str, b: str) -> bool:
    """Both claims count the same unit and no count of one fits any count of the other ("another 3,000 soldiers"
    vs "some 15,000 troops"): related facts, but not one fact told twice, so they cannot corroborate each other."""
    left = [q for q in extract_quantities(a) if q.unit]
    right = [r for r in extract_quantities(b) if r.unit]
    units = {q.unit for q in left} & {r.unit for r in right}
    return any(
        not any(_intervals_meet(q, r) for q in left if q.unit == unit for r in right if r.unit == unit)
        for unit in units
    )


def same_figures_written_apart(a: str, b: str) -> bool:
    """Every amount of a unit the claims share matches one on the other side, and a matching pair is written in
    other numerals ("39 feet" / "12 metres", "934,200" / "9,34,200"). NLI models compare numerals, not amounts:
    on real news they scored such pairs 0.98-0.99 contradictions."""
    left = [q for q in extract_quantities(a) if q.unit]
    right = [r for r in extract_quantities(b) if r.unit]
    units = {q.unit for q in left} & {r.unit for r in right}
    matched = []
    for unit in units:
        ours, theirs = [q for q in left if q.unit == unit], [r for r in right if r.unit == unit]
        pairs = [(q, r) for q in ours for r in theirs if _intervals_meet(q, r)]
        if {q for q, _ in pairs} != set(ours) or {r for _, r in pairs} != set(theirs):
            return False
        matched += pairs
    return any(_numerals(q.text) != _numerals(r.text) for q, r in matched)


def _numerals(text: str) -> str:
    return re.sub(r"[^\d.,/½⅓⅔¼¾⅛]", "", text)


def _intervals_meet(q: Quantity, r: Quantity) -> bool:
    return q.low <= r.high and r.low <= q.high


def _vote_conflict(a: str, b: str) -> QuantityConflict | None:
    va, vb = _vote(a), _vote(b)
    if va and vb and va != vb:
        return QuantityConflict("numeric", f"vote {va[0]}-{va[1]} vs {vb[0]}-{vb[1]}")
    return None


def _vote(text: str) -> tuple[int, int] | None:
    match = _VOTE.search(text)
    if not match:
        return None
    first, second = (match.group("a"), match.group("b")) if match.group("a") else (match.group("c"), match.group("d"))
    x, y = _parse_number(first), _parse_number(second)
    return (int(x), int(y)) if x is not None and y is not None else None


def _date_conflict(a: str, b: str) -> QuantityConflict | None:
    """Different months, weekdays or years on each side, where a date of each is said of the same thing: the words
    around them meet ("divorced in 2011" vs "In 2014 DC Toys Collector earned" are two facts, not one)."""
    for pattern, group, show in ((_MONTH, "month", _names), (_WEEKDAY, "day", _names), (_YEAR, 1, _years)):
        left, right = _dates(pattern, group, a), _dates(pattern, group, b)
        if left and right and not left.keys() & right.keys():
            if any(_same_context(x, y) for x in left.values() for y in right.values()):
                return QuantityConflict("date", f"{show(set(left))} vs {show(set(right))}")
    return None


# a date that names which report, video or issue ("the December 2014 report has now been confirmed as a hoax")
# identifies the item, it says nothing of when the story happened: two of one hoax template's debunks, "the December
# 2014 report" and "the February 2015 report", were the full news corpus's top date conflict
_ITEM_AFTER_DATE = re.compile(
    r"\s*(?:\d{4}\s+)?(?:report|story|article|hoax|rumou?r|post|video|tweet|photo|picture|clip|edition|issue|"
    r"interview|episode|statement|announcement|press release)s?\b",
    re.I,
)

# a deadline or a starting point, not the date of an event: "on sale before the end of April" fits "by the end of
# March", and "a person of interest from at least 2011" fits "questioned in 2010"
_BOUND_BEFORE = re.compile(
    r"\b(?:by|before|until|till|since|after|from|at\s+least|no\s+later\s+than)\s+"
    r"(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?:early\s+|late\s+|mid-?)?$",
    re.I,
)


def _dates(pattern: re.Pattern[str], group: str | int, text: str) -> dict[str, frozenset[str]]:
    """Each date of one kind in a text, with the words around all its mentions (not one that names an item)."""
    found: dict[str, frozenset[str]] = {}
    for match in pattern.finditer(text):
        if (
            not _is_may_modal(match, text)
            and not _ITEM_AFTER_DATE.match(text, match.end())
            and not _BOUND_BEFORE.search(text, 0, match.start(group))
        ):
            key = match.group(group).lower()
            found[key] = found.get(key, frozenset()) | _date_context(text, match)
    return found


def _same_context(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two words in common (one, if a side has only one): "joined the Central Public Works Department in 1980" and
    "last appearing for work in December 1990" share only "work", and are two facts."""
    return len(x & y) >= max(1, min(2, len(x), len(y)))


def _date_context(text: str, match: re.Match[str], width: int = 5) -> frozenset[str]:
    """Stems of the content words within `width` words either side of a date."""
    before = text[: match.start()].split()[-width:]
    after = text[match.end() :].split()[:width]
    return stems(" ".join(before + after))


def _names(words: set[str]) -> str:
    return "/".join(sorted(w.capitalize() for w in words))


def _years(years: set[str]) -> str:
    return "/".join(sorted(years))


def _is_may_modal(match: re.Match[str], text: str) -> bool:
    if match.re is _YEAR:
        return False
    if match.group(0).strip().lower() != "may" and not match.group(0).lower().endswith(" may"):
        return False
    following = text[match.end() : match.end() + 12]
    return not re.match(r"\s*(\d|,|\.|$)", following) and not match.group("prep")
