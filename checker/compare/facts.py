"""Two claims' facts compared slot by slot: the same thing counted, dated, placed or caused in two ways.

Figures are compared only where they belong to the same thing: the same counted noun or the same predicate (by
lemma), in the same modality (a fact against a fact, an offer against an offer), both asserted, neither a part of a
whole, and with no different year or different named actor between the claims. Values compare as intervals after
unit conversion (pint's base units; money only in one currency). Two claims of one article must share both noun
and predicate: an article giving two figures for one noun ("3,000 residents ordered out", "its 9,000 residents
told to be ready") is usually counting two things.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from ..records import Amount, Claim, Facts
from .words import content_words

# predicates that say nothing about which event a figure belongs to
LIGHT = frozenset({"be", "have", "say", "make", "take", "get", "do", "give", "put", "go", "come", "see"})
# a figure in another unit that lands this close is the same measurement ("30,000 acres" / "12,000 hectares")
CONVERTED = 0.03
_COMPARABLE_MODALITY = {"fact", "forecast"}
# "2 hours, 7 minutes and 41 seconds" is one duration in three figures: durations are not compared figure by figure
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


@dataclass(frozen=True)
class SlotFinding:
    """The outcome of comparing one slot: a conflict or a fit, with both values as written."""

    kind: str  # numeric | money | percent | quantity | vote | score | date | location | cause | role
    relation: str  # contradiction | agreement | update
    detail: str


def compare_facts(a: Claim, b: Claim) -> SlotFinding | None:
    """The first conflicting slot of two claims, else a fitting one, else None."""
    fa, fb = a.facts, b.facts
    if fa is None or fb is None or " ".join(a.text.split()) == " ".join(b.text.split()):
        return None
    if not _comparable_frames(fa, fb):
        return None
    same_article = a.document_id == b.document_id
    if not same_article and not same_story(fa, fb):
        return None
    strict = same_article or len(content_words(a.text) & content_words(b.text)) < 2
    fit = None
    for compare in (
        lambda: _tallies(fa, fb, same_article),
        lambda: _amounts(fa, fb, strict),
        lambda: _times(fa, fb, same_article),
        lambda: _places(fa, fb),
        lambda: _causes(fa, fb, same_article),
        lambda: _roles(fa, fb),
    ):
        found = compare()
        if found is not None and found.relation != "agreement":
            return found
        fit = fit or found
    return fit


def same_story(a: Facts, b: Facts) -> bool:
    """Two articles on one story: they mention the same names most (two of them, or the only one one has)."""
    shared = set(a.story) & set(b.story)
    return len(shared) >= min(2, len(a.story), len(b.story)) and bool(shared or not (a.story or b.story))


def may_compare(a: Facts | None, b: Facts | None) -> bool:
    """Whether two claims have slots that could be compared (pairing keeps such pairs for the decision); claims of
    two stories never are (`compare_facts` would refuse them), so they are not sent to the model either."""
    if a is None or b is None or not same_story(a, b):
        return False
    units_a = {q.unit for q in a.amounts}
    return bool(
        units_a & {q.unit for q in b.amounts}
        or (a.tallies and b.tallies)
        or (a.cause and b.cause)
        or ({p.name for p in a.places} & {p.name for p in b.places})
        or (a.event and a.event == b.event and a.event not in LIGHT and (a.times and b.times or a.agent == b.patient))
    )


def _comparable_frames(a: Facts, b: Facts) -> bool:
    if a.polarity != "asserted" or b.polarity != "asserted":
        return False  # a denial or an unconfirmed report is compared by the negation checks, not here
    if a.modality != b.modality and not {a.modality, b.modality} <= _COMPARABLE_MODALITY:
        return False
    if a.modality not in _COMPARABLE_MODALITY | {"demand", "offer"}:
        return False  # plans, guesses, rumours, conditions and capacities state no fact to contradict
    years_a, years_b = _years(a), _years(b)
    if years_a != years_b and (years_a or years_b):
        return False  # "a similar motion in 2024", "the last major quake, in 1987": another event
    if _different_places(a, b):
        return False  # "killed five people in Gava" / "killing eight people in the village of Shaffa"
    return True


def _different_places(a: Facts, b: Facts) -> bool:
    """Both claims place their event the same way (in, at, near) and share no name."""
    for relation in ("in", "at", "near"):
        names_a = {p.name for p in a.places if p.relation == relation}
        names_b = {p.name for p in b.places if p.relation == relation}
        if names_a and names_b and not names_a & names_b:
            return True
    return False


def _years(facts: Facts) -> set[str]:
    """The years a claim names other than its article's: a past or future event, not the one reported."""
    own = (facts.published or "")[:4]
    return {t.start[:4] for t in facts.times if t.precision == "year" and t.start[:4] != own}


def _different_actors(x: str, y: str) -> bool:
    """Two named actors with no name in common ("Jaylen Ross" / "Okoye")."""
    if not x or not y or x[0].islower() or y[0].islower():
        return False
    return not set(x.lower().split()) & set(y.lower().split())


def _same_measure(q: Amount, r: Amount, a: Facts, b: Facts, strict: bool) -> bool:
    """The same thing counted: the same noun (with the names that narrow it) and, where the claims say little else
    alike or come from one article, the same predicate too; a figure with no noun needs the same predicate and
    actor ("Libraries will get $42 million" / "Transit will get $88 million" are two shares)."""
    same_event = q.event == r.event and q.event != ""
    if q.thing != r.thing or q.thing in DURATIONS:
        return False
    if not q.thing and not (same_event and (a.agent == b.agent or not a.agent or not b.agent)):
        return False
    return same_event or not strict


def _amounts(a: Facts, b: Facts, strict: bool) -> SlotFinding | None:
    """`strict`: the claims share fewer than two content words, or come from one article. A figure conflicts when no
    figure of the other claim for the same measure fits it ("from the 16th to the 22nd" / "the 22nd" fit)."""
    fit = None
    if _different_actors(a.agent, b.agent):
        return None
    for q in a.amounts:
        if q.part:
            continue
        matched = [r for r in b.amounts if r.unit == q.unit and not r.part and _same(q, r, a, b, strict)]
        fitting = [r for r in matched if _meets(q, r)]
        if fitting:
            r = fitting[0]
            fit = fit or SlotFinding(_amount_kind(q.unit), "agreement", _detail(q, r))
        elif matched:
            return SlotFinding(_amount_kind(q.unit), _update_or_contradiction(a, b), _detail(q, matched[0]))
    return fit


def _same(q: Amount, r: Amount, a: Facts, b: Facts, strict: bool) -> bool:
    """The same measure, or a physical one in another unit that lands within `CONVERTED` of it."""
    physical = q.unit not in {"count", "percent"} and len(q.unit) != 3
    return _same_measure(q, r, a, b, strict) or (physical and _meets(q, r, CONVERTED))


def _detail(q: Amount, r: Amount) -> str:
    return f"{q.text} vs {r.text}"


def _meets(q: Amount, r: Amount, slack: float = 0.0) -> bool:
    return q.low * (1 - slack) <= r.high * (1 + slack) and r.low * (1 - slack) <= q.high * (1 + slack)


def _amount_kind(unit: str) -> str:
    if unit == "count":
        return "numeric"
    if unit == "percent":
        return "percent"
    return "money" if len(unit) == 3 and unit.isupper() else "quantity"


def _update_or_contradiction(a: Facts, b: Facts) -> str:
    """A later article that reports a changed figure with an update cue ("rose to") revises, not contradicts."""
    if not (a.published and b.published) or a.published == b.published:
        return "contradiction"
    later = a if a.published > b.published else b
    return "update" if later.update else "contradiction"


def _tallies(a: Facts, b: Facts, same_article: bool) -> SlotFinding | None:
    """Votes and scores of one contest: the same kind on the same scale ("104-98" and "101-96", not a half-time
    "55-48" or a series "3-1")."""
    for t, u in product(a.tallies, b.tallies):
        if t.kind != u.kind or same_article and a.event != b.event:
            continue
        total_t, total_u = t.first + t.second, u.first + u.second
        if -1 not in (t.first, u.first) and not (total_t / 1.5 <= total_u <= total_t * 1.5):
            continue
        if -1 in (t.first, u.first):  # "unanimous": no count against, whatever the count for
            if (t.second, u.second) != (0, 0):
                return SlotFinding(t.kind, "contradiction", f"{t.text} vs {u.text}")
            continue
        if sorted((t.first, t.second)) == sorted((u.first, u.second)):
            return SlotFinding(t.kind, "agreement", f"{t.text} vs {u.text}")
        return SlotFinding(t.kind, _update_or_contradiction(a, b), f"{t.text} vs {u.text}")
    return None


def _same_event(a: Facts, b: Facts) -> bool:
    return bool(a.event and a.event == b.event and a.event not in LIGHT and a.modality == b.modality)


def _times(a: Facts, b: Facts, same_article: bool) -> SlotFinding | None:
    days_a = [t for t in a.times if t.precision == "day" and not t.start.startswith("--")]
    days_b = [t for t in b.times if t.precision == "day" and not t.start.startswith("--")]
    if not days_a or not days_b or not _same_event(a, b) or same_article:
        return None
    if {t.start for t in days_a} & {t.start for t in days_b}:
        return SlotFinding("date", "agreement", f"{days_a[0].text} vs {days_b[0].text}")
    if len(days_a) == 1 and len(days_b) == 1:
        detail = f"{days_a[0].text} ({days_a[0].start}) vs {days_b[0].text} ({days_b[0].start})"
        return SlotFinding("date", "contradiction", detail)
    return None


def _places(a: Facts, b: Facts) -> SlotFinding | None:
    for p, q in product(a.places, b.places):
        if p.name == q.name and _opposite(p.relation, q.relation):
            return SlotFinding("location", "contradiction", f"{p.text} vs {q.text}")
    return None


def _opposite(x: str, y: str) -> bool:
    axes = ({"north", "south"}, {"east", "west"})
    return any(x in axis and y in axis and x != y for axis in axes)


def _causes(a: Facts, b: Facts, same_article: bool) -> SlotFinding | None:
    if not (a.cause and b.cause) or same_article:
        return None
    if not (a.effect and a.effect == b.effect) and not _same_event(a, b):
        return None
    words_a, words_b = set(a.cause.split()), set(b.cause.split())
    if words_a & words_b:
        return SlotFinding("cause", "agreement", f"{a.cause} vs {b.cause}")
    return SlotFinding("cause", "contradiction", f"caused by {a.cause} vs by {b.cause}")


def _roles(a: Facts, b: Facts) -> SlotFinding | None:
    if not (a.event and a.event == b.event and a.agent and a.patient) or a.event in LIGHT:
        return None
    if a.agent == b.patient and a.patient == b.agent and a.agent != a.patient and a.agent[0].isupper():
        detail = f"{a.agent} {a.event} {a.patient} vs {b.agent} {b.event} {b.patient}"
        return SlotFinding("role", "contradiction", detail)
    return None
