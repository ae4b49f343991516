"""Two claims' facts compared slot by slot: the same thing counted, dated, placed or caused in two ways.

Figures are compared only where they belong to the same thing: the same counted noun or the same predicate (by
lemma), in the same modality (a fact against a fact, an offer against an offer), both asserted, neither a part of a
whole, and with no different year or different named actor between the claims. Values compare as intervals after
unit conversion (pint's base units; money only in one currency). Two claims of one article must share both noun
and predicate: an article giving two figures for one noun ("3,000 residents ordered out", "its 9,000 residents
told to be ready") is usually counting two things.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import product

from ..records import Amount, Claim, Facts, When
from .vocabulary import CALENDAR, CAUSE_VERBS
from .words import content_words, names_spelled_out

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
    same_article = a.document_id == b.document_id
    if not same_article and not same_story(fa, fb):
        return None
    polarity = _polarities(a, b) or (None if same_article else _elsewhere(fa, fb))
    if polarity is None and {fa.polarity, fb.polarity} == {"negated", "asserted"}:
        found = _none_and_some(fa, fb, same_article)  # the negation read as a count of 0
        polarity = found if found is not None and _comparable_frames(fa, fb, negated=True) else None
    if polarity is not None or not _comparable_frames(fa, fb):
        return polarity
    strict = same_article or len(content_words(a.text) & content_words(b.text)) < 2
    fit = None
    for compare in (
        lambda: _tallies(fa, fb, same_article),
        lambda: _amounts(fa, fb, strict),
        lambda: _times(fa, fb, same_article),
        lambda: _clocks(fa, fb, same_article),
        lambda: _places(fa, fb),
        lambda: _causes(fa, fb, same_article),
        lambda: _roles(fa, fb),
    ):
        found = compare()
        if found is not None and found.relation != "agreement":
            return found
        fit = fit or found
    return fit


def _polarities(a: Claim, b: Claim) -> SlotFinding | None:
    """One claim asserts what the other denies or has not confirmed: the same event ("No tsunami warning was
    issued" / "Authorities issued a tsunami warning"), or a confirmation against a refusal to confirm ("Police
    confirmed that a fuel tanker ..." / "declined to confirm reports that a fuel tanker ..."), told apart from two
    events by the words the claims share. Two claims of one article only when two named sources say them."""
    fa, fb = a.facts, b.facts
    if (found := _denied_in_its_words(a, b)) is not None:
        return found
    if fa.polarity == fb.polarity or "asserted" not in (fa.polarity, fb.polarity):
        return None
    asserted, other = (fa, fb) if fa.polarity == "asserted" else (fb, fa)
    guessed = other.modality == "guess" and other.polarity != "negated"  # "could not yet confirm" is no guess
    if asserted.modality != "fact" or not (other.modality == "fact" or guessed):
        return None  # a plan, a rumour or a guess is not denied by a fact
    if a.document_id == b.document_id and not two_sources(a, b):
        return None
    if _years(fa) != _years(fb) and (_years(fa) and _years(fb)) or _different_places(fa, fb):
        return None  # "issued a tsunami warning in 2011", "arrested two suspects in Leeds" / "... in Bradford"
    shared = content_words(a.text) & content_words(b.text) - {"confirm", "confirmed", "confirms"}
    if other.polarity == "unconfirmed":
        confirmers = [_confirmer(c) for c in (a, b)]
        if asserted.event == "confirm" and len(shared) >= 2 and not _different_actors(*confirmers):
            return SlotFinding("confirmation", "contradiction", f"confirmed vs {other.polarity}")
        return None  # "Russia confirmed ..." / "Pyongyang has not confirmed ...": two sources, no conflict
    if asserted.event != other.event or asserted.event in LIGHT or len(shared) < 2:
        return None
    if _different_actors(fa.agent, fb.agent) or not _same_participants(fa, fb):
        return None  # "had not executed American citizens" / "executed doctors": other people
    return SlotFinding("negation", "contradiction", f"{asserted.event} vs {other.polarity} {other.event}")


def _denied_in_its_words(a: Claim, b: Claim) -> SlotFinding | None:
    """One claim denies the other word for word ("Ilse Varga rejected that the mine had not been inspected ..." /
    "The mine had not been inspected ..."; claims.denials), whatever the other's own polarity."""
    if a.document_id == b.document_id and not two_sources(a, b):
        return None
    for denial, other in ((a, b), (b, a)):
        said = _plain(other.text)
        if denial.facts.polarity != "denied" or other.facts.polarity == "denied" or len(said.split()) < 5:
            continue
        if f" that {said}" in _plain(denial.text):
            return SlotFinding("negation", "contradiction", f"{other.facts.polarity} vs denied")
    return None


def _plain(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".!?”\"' ")


def _confirmer(claim: Claim) -> str:
    """Who confirms or does not: the subject of "confirm" in the claim, else the speaker of its frame ("Police
    declined to confirm reports that ...")."""
    if claim.facts.event == "confirm" or not claim.attribution:
        return claim.facts.agent
    return claim.attribution.speaker


def _same_participants(a: Facts, b: Facts) -> bool:
    """The claims share a participant word, and their objects, where both name one, share a word."""
    words_a, words_b = set(f"{a.agent} {a.patient}".lower().split()), set(f"{b.agent} {b.patient}".lower().split())
    return bool(words_a & words_b) and not _apart(a.patient, b.patient)


def _elsewhere(a: Facts, b: Facts) -> SlotFinding | None:
    """One named thing's event put in two places that share no name: "The ferry Solenne sank ... off the northern
    tip of Tarsa Island" / "The ferry Solenne sank ... just outside the harbour at Port Cassel"."""
    named = {a.agent, a.patient} & {b.agent, b.patient} - {""}
    if not _same_event(a, b) or not any(n[:1].isupper() for n in named) or a.polarity != b.polarity:
        return None
    if _years(a) != _years(b) or a.modality != "fact" or _other_days(a, b):
        return None
    places_a, places_b = ({p.name for p in f.places if p.name.lower() not in CALENDAR} for f in (a, b))
    if not places_a or not places_b or places_a & places_b or named & (places_a | places_b):
        return None
    return SlotFinding("location", "contradiction", f"{a.places[0].text} vs {b.places[0].text}")


def _other_days(a: Facts, b: Facts) -> bool:
    """Both claims give days and no day of one is a day of the other: two events, not one in two places."""
    # a day with no year ("--08-03", as `_times` skips it) cannot be told from a dated one
    days_a, days_b = (
        {t.start for t in f.times if t.precision == "day" and not t.start.startswith("--")} for f in (a, b)
    )
    return bool(days_a and days_b and not days_a & days_b)


def two_sources(a: Claim, b: Claim) -> bool:
    """Two named voices, each its own: what makes two claims of one article comparable."""
    speakers = [c.attribution.speaker if c.attribution else "" for c in (a, b)]
    return all(speakers) and speakers[0] != speakers[1]


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
        or all(any(t.precision in _CLOCKS for t in f.times) for f in (a, b))  # a time of day each (`_clocks`)
    )


def _comparable_frames(a: Facts, b: Facts, negated: bool = False) -> bool:
    """`negated`: a plain negation is a frame too (a count of none, `_none_and_some`)."""
    allowed = {"asserted", "negated"} if negated else {"asserted"}
    if a.polarity not in allowed or b.polarity not in allowed:
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
    written = [t for t in facts.times if t.precision == "year" or t.precision in _DATED and t.start[:4] in t.text]
    return {t.start[:4] for t in written if t.start[:4] != own}  # "in 2013", "in September 2013", "Nov. 22, 2012"


def _different_actors(x: str, y: str) -> bool:
    """Two named actors with no name in common ("Jaylen Ross" / "Okoye"); an alias is the name it stands for
    ("Pyongyang" / "North Korea" is one actor)."""
    if not x or not y or x[0].islower() or y[0].islower():
        return False
    return not set(names_spelled_out(x).lower().split()) & set(names_spelled_out(y).lower().split())


def _same_measure(q: Amount, r: Amount, a: Facts, b: Facts, strict: bool) -> bool:
    """The same thing counted: the same noun (with the names that narrow it) and, where the claims say little else
    alike or come from one article, the same predicate too; a figure with no noun needs the same predicate and
    actor ("Libraries will get $42 million" / "Transit will get $88 million" are two shares)."""
    same_event = q.event == r.event and q.event != ""
    deaths = q.thing.startswith("death") and r.thing.startswith("death")
    revised = q.revised or r.revised  # one figure is what a change gave: "rose to 23", "revised up ... to 610,000"
    if deaths and (q.thing == r.thing or "death" in (q.thing, r.thing) and revised):
        # the dead are one count whatever the verb, a toll counts them all ("six miners died" / "the toll rose to
        # nine"), but not two counts of one article with different verbs ("five died in the first blast" /
        # "twelve were killed by the second")
        return same_event or not strict or revised
    if q.thing != r.thing and not _named_by_verb(q, r):
        return False
    if q.thing in DURATIONS:
        return False
    if q.thing and revised:
        return True  # an update names the count it revises ("raised prices on 300 products" revises no count)
    if _named_by_verb(q, r):
        return True
    if not q.thing and not (same_event and (a.agent == b.agent or not a.agent or not b.agent or _same_patient(a, b))):
        return False
    return same_event or not strict or (q.thing and not (q.event and r.event))


def _named_by_verb(q: Amount, r: Amount) -> bool:
    """One figure's verb names what the other's noun counts, in the same period: "costing it 8 million euros a day"
    / "put the cost at 12 million euros for each day", "save 300 million dollars a year" / "annual savings of"."""
    for x, y in ((q, r), (r, q)):
        base, _, rate = f" {x.thing}".partition(" per ")
        if base.strip() or not x.event:
            continue
        other, _, other_rate = f" {y.thing}".partition(" per ")
        other = other.strip()
        if other and rate == other_rate:
            return other in {x.event, f"{x.event.removesuffix('e')}ing"}
    return False


def _same_patient(a: Facts, b: Facts) -> bool:
    """The same thing acted on, other than a figure ("had the fire 10 percent contained" / "... 45 percent")."""
    figures = " ".join(q.text.lower() for q in (*a.amounts, *b.amounts))
    return bool(a.patient) and a.patient == b.patient and a.patient not in figures


def _amounts(a: Facts, b: Facts, strict: bool) -> SlotFinding | None:
    """`strict`: the claims share fewer than two content words, or come from one article. A figure conflicts when no
    figure of the other claim for the same measure fits it ("from the 16th to the 22nd" / "the 22nd" fit)."""
    fit = None
    if _different_actors(a.agent, b.agent):
        return None
    for q in a.amounts:
        if q.part and not _of_a_whole(q) or _written_none(q) or _unnamed_in_a_list(q, a):
            continue
        matched = [
            r
            for r in b.amounts
            if r.unit == q.unit
            and (not r.part if not q.part else _parts_alike(q, r))  # a part meets only parts of one whole and act
            and not _written_none(r)
            and not _unnamed_in_a_list(r, b)
            and _same(q, r, a, b, strict)
        ]
        if matched and _update_or_contradiction(a, b) == "update" and all(_point(q) != _point(r) for r in matched):
            return SlotFinding(_amount_kind(q.unit), "update", _detail(q, matched[0]))
        fitting = [r for r in matched if _meets(q, r)]
        if fitting:
            r = fitting[0]
            fit = fit or SlotFinding(_amount_kind(q.unit), "agreement", _detail(q, r))
        elif matched and (relation := _figures_relation(a, b)):
            return SlotFinding(_amount_kind(q.unit), relation, _detail(q, matched[0]))
    return fit or _same_figure(a, b)


# a figure this large, given by two claims of one story, is one fact however each names what it counts ("Around
# 55,000 passengers" / "Fifty-five thousand travellers"); smaller ones count many things alike ("two children")
DISTINCTIVE = 100


# how near two such figures are to be one ("18,250 fans" / "some 18,000 spectators")
NEAR = 0.05


def _same_figure(a: Facts, b: Facts) -> SlotFinding | None:
    """Two claims that give one figure in other words agree, though their predicates or nouns differ: the same
    number of dead ("Six miners died" / "Half a dozen workers were killed"), or a large figure that is each claim's
    only one of its unit, within `NEAR` ("Around 55,000 passengers" / "Fifty-five thousand travellers"). Both
    figures bounded ("up to $5,000" or "more than 135" fit too much) and of the same rate. Never a conflict: figures
    that differ under different nouns or verbs may count two things. Other small figures of one noun are left to the
    model: in news they are mostly the story's setting ("the five jihadists", "two cars"), not its claim."""
    sole_a, sole_b = _sole_units(a), _sole_units(b)
    for q, r in product(_bounded(a), _bounded(b)):
        if q.unit != r.unit or f" {q.thing}".partition(" per ")[2] != f" {r.thing}".partition(" per ")[2]:
            continue
        dead = q.thing.startswith("death") and r.thing.startswith("death")
        large = q.unit in sole_a and r.unit in sole_b and min(_point(q), _point(r)) >= DISTINCTIVE
        if dead and _point(q) == _point(r) or large and abs(_point(q) - _point(r)) <= NEAR * max(_point(q), _point(r)):
            return SlotFinding(_amount_kind(q.unit), "agreement", _detail(q, r))
    return None


def _bounded(facts: Facts) -> list[Amount]:
    """The figures of a claim that are neither a part nor open-ended, years aside."""
    return [q for q in facts.amounts if not q.part and q.low > 0 and not math.isinf(q.high) and not _year_like(q)]


def _sole_units(facts: Facts) -> set[str]:
    """The units a claim gives one figure of."""
    units = Counter(q.unit for q in facts.amounts)
    return {unit for unit, count in units.items() if count == 1}


def _year_like(q: Amount) -> bool:
    return q.unit == "count" and q.text.isdigit() and 1800 <= _point(q) <= 2100


def _same(q: Amount, r: Amount, a: Facts, b: Facts, strict: bool) -> bool:
    """The same measure, or a physical one in another unit that lands within `CONVERTED` of it."""
    physical = q.unit not in {"count", "percent"} and len(q.unit) != 3
    return _same_measure(q, r, a, b, strict) or (physical and _meets(q, r, CONVERTED))


def _of_a_whole(q: Amount) -> bool:
    """A part named by its whole ("Some 4,000 of them"): comparable with another part of the same whole, as the thing
    they count is the same ("of them"), never with the whole."""
    return q.part and q.thing.startswith("of ")


def _parts_alike(q: Amount, r: Amount) -> bool:
    """Two parts of one whole that did one thing ("Some 4,000 of them have been wounded" / "Some 6,000 of them have
    been wounded"), not two parts that are two things ("Two of the victims were police officers" / "Three of the
    victims were tourists")."""
    return _of_a_whole(r) and q.event == r.event and q.event not in LIGHT


def _detail(q: Amount, r: Amount) -> str:
    return f"{q.text} vs {r.text}"


def _unnamed_in_a_list(q: Amount, facts: Facts) -> bool:
    """One of several different figures for one predicate with nothing to say which is which ("priced at $500
    for the steel model and up to $5,000 for the gold one", read without its "for"): none of them compares."""
    if q.thing.partition(" per ")[0].strip():
        return False
    return any(o is not q and o.unit == q.unit and o.event == q.event and _point(o) != _point(q) for o in facts.amounts)


def _point(q: Amount) -> float:
    """The figure as written, hedge aside: "at least 11" is 11, "up to 40,000" is 40,000, "about 3,000" is 3,000."""
    if math.isinf(q.high):
        return q.low
    return q.high if q.low == 0 else round((q.low + q.high) / 2, 6)


def _meets(q: Amount, r: Amount, slack: float = 0.0) -> bool:
    return q.low * (1 - slack) <= r.high * (1 + slack) and r.low * (1 - slack) <= q.high * (1 + slack)


def _amount_kind(unit: str) -> str:
    if unit == "count":
        return "numeric"
    if unit == "percent":
        return "percent"
    return "money" if len(unit) == 3 and unit.isupper() else "quantity"


def _written_none(q: Amount) -> bool:
    """A count of nothing written without a figure ("no one", "none of the workers"): compared only as a negation,
    by `_none_and_some`, never as a figure ("no one had come forward" counts no residents of Managua)."""
    return q.high == 0 and q.text.split(" ", 1)[0].lower() in {"no", "none", "nobody", "no-one", "noone"}


def _none_and_some(a: Facts, b: Facts, same_article: bool) -> SlotFinding | None:
    """One claim counts none of what the other counts some of, for the same verb: "No one was injured" / "Two people
    were injured", "None of the rescue workers was hurt" / "Two rescue workers were hurt". Any part of a count (one
    who died) is already more than none. Deaths are one count whatever the verb, across articles: no death at all
    meets any death ("No one has been killed" / "A firefighter died"), no death of soldiers only one of soldiers."""
    for x, y in ((a, b), (b, a)):
        for zero in (q for q in x.amounts if q.unit == "count" and q.high == 0):
            for some in (r for r in y.amounts if r.unit == "count" and r.low >= 1):
                if zero.thing.startswith("death") or some.thing.startswith("death"):
                    died = zero.thing == some.thing or zero.thing == "death" and some.thing.startswith("death")
                    meets = died and not same_article
                else:
                    things = {zero.thing, some.thing}
                    meets = zero.event == some.event and (len(things) == 1 or things <= {"people", "person"})
                if meets and (relation := _figures_relation(a, b)):
                    first, second = (zero, some) if x is a else (some, zero)
                    return SlotFinding("numeric", relation, _detail(first, second))
    return None


def _figures_relation(a: Facts, b: Facts) -> str | None:
    """What two different figures of one measure are: an update, a contradiction, or nothing when they are of two
    different days ("3 killed in Monday's blast" / "5 in Tuesday's": two events)."""
    relation = _update_or_contradiction(a, b)
    return None if relation == "contradiction" and _other_days(a, b) else relation


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


# the times compared as dates: a day or a month ("will open in September" / "now expected to open in December");
# years are another event's (`_years`)
_DATED = frozenset({"day", "month"})


def _times(a: Facts, b: Facts, same_article: bool) -> SlotFinding | None:
    days_a, days_b = _one_thing(a, b, _DATED, same_article)
    if not days_a or not days_b:
        return None
    if any(_overlap(t, u) for t in days_a for u in days_b):  # "on March 3" is in March
        return SlotFinding("date", "agreement", f"{days_a[0].text} vs {days_b[0].text}")
    return _two_dates(days_a, days_b)


def _two_dates(days_a: list[When], days_b: list[When]) -> SlotFinding | None:
    """A date conflict of one date each that cannot be the same (with more, which dates the event?)."""
    if len(days_a) != 1 or len(days_b) != 1 or _overlap(days_a[0], days_b[0]):
        return None
    t, u = days_a[0], days_b[0]
    return SlotFinding("date", "contradiction", f"{t.text} ({t.start}) vs {u.text} ({u.start})")


def _dated(facts: Facts, precisions: frozenset[str] = _DATED) -> list[When]:
    """A claim's times of these precisions whose date is known (a bare "March 3" of no known year is not)."""
    return [t for t in facts.times if t.precision in precisions and t.start[:2] != "--"]


def _one_thing(a: Facts, b: Facts, precisions: frozenset[str], same_article: bool) -> tuple[list[When], list[When]]:
    """The times of these precisions that date one thing in two articles: all of them when the claims' event is the
    same, else those whose anchors meet ("survived a vote on Wednesday" / "a vote held late on Tuesday"); none for
    two people's events."""
    times_a, times_b = _dated(a, precisions), _dated(b, precisions)
    if same_article or _two_peoples(a, b):
        return [], []
    if not _same_event(a, b):
        dated = {x for t in times_a for x in t.anchors} & {x for t in times_b for x in t.anchors} - LIGHT
        if not dated or a.modality != b.modality:
            return [], []
        times_a, times_b = ([t for t in ts if set(t.anchors) & dated] for ts in (times_a, times_b))
    return times_a, times_b


_CLOCKS = frozenset({"time", "time12"})


def _clocks(a: Facts, b: Facts, same_article: bool) -> SlotFinding | None:
    """One time of day in other words agrees ("The quake hit at 23:14" / "It struck shortly after 11 pm", "nine
    o'clock" / "about 21:00"): one moment of a story told twice, whatever the verbs, unless the claims give other
    days or two people's acts. Never a conflict: a time of day rarely says which of a story's events it dates ("the
    quake hit at 23:14" / "an aftershock hit at 02:30")."""
    if same_article or _two_peoples(a, b) or _other_days(a, b):
        return None
    clocks_a, clocks_b = ([t for t in f.times if t.precision in _CLOCKS] for f in (a, b))
    if len(clocks_a) != 1 or len(clocks_b) != 1:
        return None
    t, u = clocks_a[0], clocks_b[0]
    spans = [(_minutes(x.start), _minutes(x.end)) for x in (t, u)]
    if "time12" in (t.precision, u.precision):  # on a 12-hour dial
        spans = [(low % 720, low % 720 + high - low) for low, high in spans]
    (low_t, high_t), (low_u, high_u) = spans
    if low_t <= high_u and low_u <= high_t:
        return SlotFinding("time", "agreement", f"{t.text} vs {u.text}")
    return None


def _minutes(clock: str) -> int:
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes)


def _overlap(t: When, u: When) -> bool:
    """Two times that may be one. A month with no year written has the year its article's date suggests, which two
    articles a season apart set differently: such a month meets by month alone ("opened in September" / "opened in
    September")."""
    if any(x.precision == "month" and x.start[:4] not in x.text for x in (t, u)):
        return t.start[5:7] <= u.end[5:7] and u.start[5:7] <= t.end[5:7]
    return t.start <= u.end and u.start <= t.end


def _two_peoples(a: Facts, b: Facts) -> bool:
    """Two people's acts: named actors or participants that share no word ("The aid worker was kidnapped in March
    2013" / "The journalist ... in May 2013")."""
    return _different_actors(a.agent, b.agent) or _apart(a.patient, b.patient)


def _apart(x: str, y: str) -> bool:
    """Two participants that share no word ("aid worker" / "Mr. Foley")."""
    return bool(x and y and not set(x.lower().split()) & set(y.lower().split()))


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
    if not (a.effect and a.effect == b.effect or _same_event(a, b) or _both_causings(a, b)):
        return None
    words_a, words_b = set(a.cause.split()), set(b.cause.split())
    if words_a & words_b:
        return SlotFinding("cause", "agreement", f"{a.cause} vs {b.cause}")
    return SlotFinding("cause", "contradiction", f"caused by {a.cause} vs by {b.cause}")


def _both_causings(a: Facts, b: Facts) -> bool:
    """Each claim is a statement of what caused something ("The fire was started by lightning" / "A power line ...
    sparked the blaze"): in two articles of one story, the story's event, however each names it; not a cause said
    inside a doubt or a belief ("raised doubts about whether ... was caused by")."""
    return a.event in CAUSE_VERBS and b.event in CAUSE_VERBS and bool(a.effect and b.effect)


def _roles(a: Facts, b: Facts) -> SlotFinding | None:
    if not (a.event and a.event == b.event and a.agent and a.patient) or a.event in LIGHT:
        return None
    if a.agent == b.patient and a.patient == b.agent and a.agent != a.patient and a.agent[0].isupper():
        detail = f"{a.agent} {a.event} {a.patient} vs {b.agent} {b.event} {b.patient}"
        return SlotFinding("role", "contradiction", detail)
    return None


def dated_apart(a: Claim, b: Claim) -> SlotFinding | None:
    """A date conflict of two claims the decision reads as one statement ("A highway bridge collapsed ... on Monday"
    / "The Route 9 bridge ... fell on April 21"): `_times` with the decision's agreement standing for "one event",
    which the parse cannot see in two verbs and the model reads past the dates. Two articles of one story, facts that
    may be compared (`_comparable_frames`), two people's acts aside. Only where the decision already agrees."""
    fa, fb = a.facts, b.facts
    if fa is None or fb is None or a.document_id == b.document_id or not same_story(fa, fb):
        return None
    if not _comparable_frames(fa, fb) or fa.modality != fb.modality or _two_peoples(fa, fb):
        return None
    return _two_dates(_dated(fa), _dated(fb))
