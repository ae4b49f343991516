"""Claims' facts from the parse, and slot-by-slot comparison (examples from the issue and their near-misses)."""

from dataclasses import replace

import pytest

from checker.claims.facts import facts_of_texts
from checker.compare.facts import compare_facts
from checker.records import Claim


def _claim(text: str, document: str, day: str = "2026-08-04", story=("corran", "hills")) -> Claim:
    (facts,) = facts_of_texts([text], [day])
    return Claim(f"{document}:{text[:9]}", document, text, text, 0, len(text), 1, facts=replace(facts, story=story))


def _compare(a: str, b: str, day_b: str = "2026-08-04"):
    return compare_facts(_claim(a, "one"), _claim(b, "two", day_b))


def test_a_figure_is_bound_to_what_it_counts_with_its_hedge_and_unit():
    (facts,) = facts_of_texts(["A wildfire has burned about 12,000 hectares and Fifty-six homes were lost."], [None])
    area, homes = facts.amounts
    assert (area.unit, round(area.low), round(area.high)) == ("meter ** 2", 108_000_000, 132_000_000)
    assert (homes.thing, homes.low, homes.high, homes.event) == ("home", 56, 56, "lose")


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The airline cancelled 420 flights on the first day.",
            "The airline cancelled 260 flights on the first day.",
            "numeric",
        ),
        ("The budget passed by nine votes to two.", "The budget passed by seven votes to four.", "vote"),
        ("The Gulls beat the Foxes 104-98.", "The Foxes lost 101-96 to the Gulls.", "score"),
        ("It began near Holm, about 10 km north of Esterby.", "It broke out in a valley south of Esterby.", "location"),
    ],
)
def test_slots_that_cannot_both_hold_conflict(a, b, kind):
    found = _compare(a, b)
    assert found is not None and (found.kind, found.relation) == (kind, "contradiction")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A wildfire has burned about 12,000 hectares.", "The fire has now spread across roughly 30,000 acres."),
    ],
)
def test_the_same_measure_in_other_units_agrees(a, b):
    found = _compare(a, b)
    assert found is not None and found.relation == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different things counted, a part against its whole, another year, a plan, another named group
        ("About 3,000 residents have been ordered to leave.", "Esterby's 9,000 residents have been told to be ready."),
        ("Six miners died on Tuesday.", "Four of the dead came from the village."),
        ("It was backed by 124 deputies.", "A similar motion in 2024 was backed by 119 deputies."),
        ("The union wants a 15 percent rise.", "Management has offered 6 percent."),
        ("All 12 Green Alliance deputies voted for it.", "Only 131 deputies voted for it."),
    ],
)
def test_near_misses_do_not_conflict(a, b):
    found = _compare(a, b)
    assert found is None or found.relation != "contradiction"


def test_a_later_article_with_an_update_cue_reports_an_update():
    found = _compare(
        "19 people have died in the sinking.", "The toll has risen: 27 people have died in the sinking.", "2026-08-06"
    )
    assert found is not None and found.relation == "update"


def test_a_sentence_the_parser_mangles_yields_no_fact_and_no_error():
    texts = ["-- -- 3 3 3 ,,, of of", "", "!!!", "Four."]
    assert len(facts_of_texts(texts, [None] * len(texts))) == 4
