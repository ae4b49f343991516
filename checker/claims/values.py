"""Values written in words: numbers ("fifty-six", "half a million"), units (pint), hedges and times.

Every function reads a few tokens or a short phrase and returns a plain value or None; binding a value to what it
counts is the job of `facts`, which walks the parse.
"""

from __future__ import annotations

import calendar
import importlib.util
import math
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..compare.quantities import HEDGES

SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# parts of a whole: "a third of all packs" is 33%, "half a million" is 500,000, "half a dozen" is 6
FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "tenth": 1 / 10, "dozen": 12.0}
CURRENCIES = {
    "$": "USD",
    "dollar": "USD",
    "usd": "USD",
    "€": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "rouble": "RUB",
    "ruble": "RUB",
}
PERCENT = {"percent", "per cent", "%", "pc", "percentage"}
# pint knows these words as units too, but in news they are nouns: "31 points", "a stone", "a grain of truth"
_NOT_UNITS = {"point", "points", "stone", "stones", "grain", "grains", "line", "lines", "pica", "cup", "cups", "bar"}
_MEASURES = {"[length]", "[length] ** 2", "[length] ** 3", "[mass]", "[temperature]"}
_NUMERIC = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k|m|mn|bn|b|tn)?$", re.I)


def number_value(words: list[str]) -> float | None:
    """The value of a number written in digits, words or both: "2.3 million", "fifteen hundred", "1.2bn"."""
    words = [w for w in words if w not in {"-", "and"}]
    if not words:
        return None
    value: float | None = None
    rest = words
    match = _NUMERIC.match(words[0])
    if match:
        value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        if match.group(3):
            value *= SUFFIXES[match.group(3).lower()]
        rest = words[1:]
    elif words[0].lower() in FRACTIONS and len(words) > 1:  # "half a million", "half a dozen"
        value, rest = FRACTIONS[words[0].lower()], [w for w in words[1:] if w.lower() not in {"a", "an"}]
        if rest and rest[0].lower() == "dozen":
            return value * 12
    else:  # words only: number-parser reads "fifteen hundred", "one hundred twenty", "fifty-six", "two million"
        return _spoken(" ".join(words).lower())
    for word in rest:
        scale = SCALES.get(word.lower())
        if scale is None:
            return None
        value = (1 if value is None else value) * scale  # "0.0 million" is none
    return float(value) if value is not None else None


@lru_cache(maxsize=4096)
def _spoken(words: str) -> float | None:
    """number-parser is slow (it rebuilds its tables on each call) and news repeats its number words."""
    from number_parser import parse_number

    spoken = parse_number(words)
    return float(spoken) if spoken is not None else None


def hedge_interval(value: float, hedge: str, exact_tolerance: float = 0.0) -> tuple[float, float]:
    """The interval a hedged figure allows: "about 3,000" is 2,700-3,300, "more than 3,000" has no top."""
    low, high = HEDGES.get(hedge.lower(), (1 - exact_tolerance, 1 + exact_tolerance))
    return value * low, value * high if not math.isinf(high) else math.inf


def find_hedge(before: str) -> str:
    """The hedge just before a figure ("roughly", "more than"), or ""."""
    before = re.sub(r"\s+an?$", "", before.lower().rstrip())  # "roughly a third"
    for hedge in sorted(HEDGES, key=len, reverse=True):
        if before.endswith(hedge) and (len(before) == len(hedge) or not before[-len(hedge) - 1].isalpha()):
            return hedge
    return ""


def round_tolerance(value: float) -> float:
    """How far a round figure may stand from the exact one, relatively: rounded at its last non-zero digit, as far
    as half that digit's unit, at most 5% ("3,000" may be 2,900, "$350" $349, "3,100" 3,060); "3,062" is exact, and
    so is a figure under 100 ("40 people" is no 41)."""
    if value < 100 or value != int(value):
        return 0.0
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    return min(0.5 * 10**zeros / value, 0.05) if zeros else 0.0


def currency(word: str) -> str | None:
    """The ISO code of a currency word or symbol."""
    word = word.lower()
    return CURRENCIES.get(word) or CURRENCIES.get(word.rstrip("s"))


@lru_cache(maxsize=1)
def _units():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def _unit_names() -> tuple[frozenset[str], frozenset[str]] | None:
    """(names, prefixes): every unit name, symbol and alias of pint's English definitions, and its prefixes, read
    from its file without importing pint. Building the registry costs a third of a second; most nouns after a number
    ("11,000 troops") cannot name a unit, and this says so without it. None where the file cannot be read."""
    spec = importlib.util.find_spec("pint")
    try:
        text = (Path(spec.origin).parent / "default_en.txt").read_text(encoding="utf-8")  # type: ignore[union-attr]
    except (AttributeError, TypeError, OSError, UnicodeDecodeError):
        return None
    names, prefixes = set(), set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("@") or "=" not in line:
            continue
        parts = [part.strip().lower() for part in line.split("=")]  # name = definition [= symbol] [= alias ...]
        words = [w for w in (parts[0], *parts[2:]) if w and w != "_"]
        if parts[0].endswith("-"):
            prefixes.update(w.rstrip("-") for w in words if w.rstrip("-"))
        else:
            names.update(words)
    return frozenset(names), frozenset(prefixes)


def _may_be_unit(word: str) -> bool:
    """Whether pint could read `word` (lower case) as a unit: a name or alias, maybe prefixed, maybe plural."""
    known = _unit_names()
    if known is None:
        return True
    names, prefixes = known
    stems = {word, word[:-1], word[:-2]} if word.endswith("s") else {word}
    return any(s in names or any(s.startswith(p) and s[len(p) :] in names for p in prefixes) for s in stems)


# unit words whose everyday use covers several definitions: "1 ton of TNT" in one outlet is "1 tonne" in another
_READINGS = {
    "ton": ("short_ton", "long_ton", "metric_ton"),
    "gallon": ("gallon", "imperial_gallon"),
    "pint": ("pint", "imperial_pint"),
    "quart": ("quart", "imperial_quart"),
}


def measure(value: float, unit_word: str) -> tuple[float, str, float] | None:
    """(value in base units, base unit, spread) for a physical unit word, via pint: "30,000 acres" -> (1.2e8,
    "meter ** 2", 0). A word with several definitions ("ton": short, long or metric) gives the middle of its readings
    and how far, relatively, they spread either side of it (about 6% for a ton)."""
    word = unit_word.lower().strip("-")
    readings = _READINGS.get(word) or _READINGS.get(word[:-1] if word.endswith("s") else "")
    if readings:
        registry = _units()
        values = [float(registry.Quantity(value, name).to_base_units().magnitude) for name in readings]
        unit = str(registry.Quantity(value, readings[0]).to_base_units().units)
        low, high = min(values), max(values)
        return (low + high) / 2, unit, (high - low) / (high + low)
    if word in _NOT_UNITS or len(word) < 2 or not word.isalpha():
        return None
    if word in {"celsius", "centigrade", "fahrenheit"}:
        word = "degC" if word != "fahrenheit" else "degF"
    elif not _may_be_unit(word):
        return None
    registry = _units()
    try:
        unit = registry.parse_units(word)
    except Exception:  # pint raises several error types for words that are not units
        return None
    if str(registry.get_dimensionality(unit)) not in _MEASURES:
        return None
    base = registry.Quantity(value, unit).to_base_units()
    return float(base.magnitude), str(base.units), 0.0


# times
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_DAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(_DAYS)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_RE})\.?|(?P<m2>{_MONTH_RE})\.?\s+"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?",
    re.I,
)
# "the last Friday of August", "the first Monday in May 2024": a day of a month
_NTH_WEEKDAY = re.compile(
    rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last)\s+(?P<day>{_DAY_RE})\s+(?:of|in)\s+(?P<m>{_MONTH_RE})\b"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?P<rel>last|next|this|on|since|by|until|from)?\s*(?P<day>{_DAY_RE})\b", re.I)
_YEAR = re.compile(r"\b(?P<rel>in|since|by|until|of|for|during)?\s*(?P<y>(?:19|20)\d\d)\b(?!\s*(?:-|–)\s*\d)", re.I)
_RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tomorrow|(?:last|next|this)\s+(?:year|month))\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?P<rel>last|next|in|this)\s+(?P<m>{_MONTH_RE})\b(?!\s*\d)", re.I)
_MONTH_OF_YEAR = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)
# a month that names an event ("at their June summit", "the March elections"): written in full, capitalised, before
# an event noun; never "May", a name as often ("Theresa May said"), and not a name ("the Women's March")
_EVENT_NOUNS = (
    r"summit|elections?|polls?|vote|referendum|meeting|talks|conference|visit|deal|agreement|ceasefire|truce|"
    r"attacks?|offensive|raids?|bombings?|shootings?|massacre|strikes?|protests?|crash|earthquake|quake|floods?|"
    r"storm|launch|report|ruling|hearing|trial|session|budget|deadline|announcement|survey|census|primary|primaries"
)
_EVENT_MONTHS = "|".join(m for m in calendar.month_name[1:] if m != "May")
_MONTH_NOUN = re.compile(rf"(?<!’s )(?<!'s )\b(?P<m>{_EVENT_MONTHS})\s+(?={_EVENT_NOUNS}\b)")
# a step from the article's year or month
_STEP = {"last": -1, "next": 1, "this": 0}


# a time of day: "23:14", "11 pm", "nine o'clock", "midnight", with its hedge ("shortly after", "about")
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_CLOCK = re.compile(
    r"\b(?P<hedge>(?:shortly|just|soon)\s+(?:after|before)|(?:at\s+)?(?:about|around|approximately|roughly))?\s*"
    r"(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?:\s*(?P<ap>[ap])(?:\.m\.|m\b))?|(?P<h2>\d{1,2})\s*(?P<ap2>[ap])(?:\.m\.|m\b)"
    rf"|(?P<word>midnight|noon|midday)|(?P<oc>{_HOUR_WORDS}|\d{{1,2}})\s+o['’]clock)",
    re.I,
)
# minutes a hedge allows either side of the time written; a time on the hour is a rounding
_CLOCK_HEDGES = {"shortly after": (0, 30), "just after": (0, 15), "soon after": (0, 30), "shortly before": (30, 0),
                 "just before": (15, 0), "soon before": (30, 0)}  # fmt: skip
_ABOUT, _ON_THE_HOUR = 15, 10


def clock_times(text: str) -> list[tuple[str, str, str, str]]:
    """(text, start, end, precision) of each time of day in `text`, as "HH:MM" minutes of the day; precision "time",
    or "time12" when it may be morning or evening ("nine o'clock", "11:30"), to be compared on a 12-hour dial."""
    found = []
    for match in _CLOCK.finditer(text):
        half = (match.group("ap") or match.group("ap2") or "").lower()
        if match.group("word"):
            hour, minute, half = (0 if match.group("word").lower() == "midnight" else 12), 0, "24"
        else:
            raw = match.group("h") or match.group("h2") or match.group("oc")
            hour = int(raw) if raw.isdigit() else _HOUR_WORDS.split("|").index(raw.lower()) + 1
            minute = int(match.group("m") or 0)
        if hour > 24 or (half and half != "24" and not 1 <= hour <= 12):
            continue
        if half in {"a", "p"}:
            hour = hour % 12 + (12 if half == "p" else 0)
        sure = bool(half) or hour == 0 or hour > 12 or (match.group("h") or "").startswith("0")
        hedge = " ".join((match.group("hedge") or "").lower().split()).removeprefix("at ")
        before, after = _CLOCK_HEDGES.get(hedge, (_ABOUT, _ABOUT) if hedge else (0, 0))
        if not hedge and minute == 0:
            before = after = _ON_THE_HOUR
        at = hour * 60 + minute
        low, high = max(0, at - before), min(24 * 60 - 1, at + after)
        found.append((match.group(0).strip(), f"{low // 60:02d}:{low % 60:02d}", f"{high // 60:02d}:{high % 60:02d}",
                      "time" if sure else "time12"))  # fmt: skip
    return found


def times_in(text: str, published: str | None, future: bool) -> list[tuple[str, str, str, str]]:
    """(text, start, end, precision) of each time in `text`; relative ones are resolved against `published`."""
    today = _iso(published)
    found: list[tuple[str, str, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], start: date | str, end: date | str, precision: str) -> None:
        if any(a < match.end() and match.start() < b for a, b in taken):
            return
        taken.append((match.start(), match.end()))
        found.append((match.group(0).strip(), str(start), str(end), precision))

    for match in _DATE.finditer(text):
        month = _MONTHS[(match.group("m1") or match.group("m2")).lower()]
        day = int(match.group("d1") or match.group("d2"))
        year = int(match.group("y")) if match.group("y") else (today.year if today else None)
        if not 1 <= day <= 31:
            continue
        if year is None:
            add(match, f"--{month:02d}-{day:02d}", f"--{month:02d}-{day:02d}", "day")
            continue
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        add(match, when, when, "day")
    stated = _stated_year(text, today) if today is not None else None
    for match in _NTH_WEEKDAY.finditer(text):
        month = _MONTHS[match.group("m").lower()]
        if match.group("y"):
            year = int(match.group("y"))
        elif today is not None:  # as "in August"
            year = _month_year(month, "in", today, future, stated)
        else:
            continue
        when = _nth_weekday(year, month, _DAYS[match.group("day").lower()], match.group("nth").lower())
        add(match, when, when, "day")
    if today is not None:
        for match in _WEEKDAY.finditer(text):
            target = _DAYS[match.group("day").lower()]
            rel = (match.group("rel") or "").lower()
            ahead = rel == "next" or (future and rel != "last")
            offset = (target - today.weekday()) % 7 if ahead else -((today.weekday() - target) % 7)
            if rel == "last" and offset == 0:
                offset = -7
            when = today + timedelta(days=offset)
            add(match, when, when, "day")
        for match in _RELATIVE.finditer(text):
            word = " ".join(match.group("word").lower().split())
            if word in {"yesterday", "today", "tomorrow"}:
                when = today + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
                add(match, when, when, "day")
            elif word.endswith("year"):
                year = today.year + _STEP[word.split()[0]]
                add(match, date(year, 1, 1), date(year, 12, 31), "year")
            else:
                month_start = today.replace(day=1)
                step = _STEP[word.split()[0]]
                month_start = _shift_month(month_start, step)
                add(match, month_start, _month_end(month_start), "month")
    for match in _MONTH_OF_YEAR.finditer(text):  # "in June 2024", "June of 2024"
        start = date(int(match.group("y")), _MONTHS[match.group("m").lower()], 1)
        add(match, start, _month_end(start), "month")
    if today is not None:
        for match in [*_MONTH_ONLY.finditer(text), *_MONTH_NOUN.finditer(text)]:
            month = _MONTHS[match.group("m").lower()]
            year = _month_year(month, match.groupdict().get("rel", "in").lower(), today, future, stated)
            start = date(year, month, 1)
            add(match, start, _month_end(start), "month")
    for match in _YEAR.finditer(text):
        year = int(match.group("y"))
        add(match, date(year, 1, 1), date(year, 12, 31), "year")
    return found


def _month_year(month: int, rel: str, today: date, future: bool, stated: int | None) -> int:
    """The year of a month named without one ("in October", "next March", "their June summit"): the year the text
    states ("last year"), else the next such month from the article's date when ahead, else the last before it
    ("in October" said in April), else the article's ("this October")."""
    if rel == "in" and stated is not None:
        return stated
    if rel == "next" or (rel != "last" and future):
        return today.year + (month <= today.month if rel == "next" else month < today.month)
    if rel in {"last", "in"}:
        return today.year - (month >= today.month if rel == "last" else month > today.month)
    return today.year


def _stated_year(text: str, today: date) -> int | None:
    """The one year a text gives by its article's ("last year"), for the months it names without one; None if none
    or several. A written year ("founded in 1998") may date anything in the sentence, so it is none."""
    words = (" ".join(m.group("word").lower().split()) for m in _RELATIVE.finditer(text))
    years = {today.year + _STEP[word.split()[0]] for word in words if word.endswith("year")}
    return years.pop() if len(years) == 1 else None


def _nth_weekday(year: int, month: int, weekday: int, nth: str) -> date:
    """The first to fourth, or the last, such weekday of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[-1] if nth == "last" else days[["first", "second", "third", "fourth"].index(nth)]


def _iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _shift_month(start: date, step: int) -> date:
    month = start.month - 1 + step
    return date(start.year + month // 12, month % 12 + 1, 1)


def _month_end(start: date) -> date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])
