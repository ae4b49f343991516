import json
import random
from collections import Counter

import pytest
from conftest import CASES

from checker.contrast import (
    EDITS,
    change_date,
    change_number,
    contrast_pairs,
    drop_detail,
    flip_attribution,
    is_probe,
    negate,
    remove_negation,
    rephrase_polarity,
    restate,
    round_number,
)

PROBES = CASES / "contrast_probes.jsonl"
LABELS = {"entailment", "neutral", "contradiction"}


def test_edits_label_by_construction():
    rng = random.Random(0)
    assert negate("The council has approved the plan.", rng) == (
        "The council has not approved the plan.",
        "contradiction",
    )
    assert remove_negation("North Korea has not confirmed the dispatch.", rng) == (
        "North Korea has confirmed the dispatch.",
        "contradiction",
    )
    changed, label = change_number("Police counted 3,000 protesters.", rng)
    assert label == "contradiction" and "3,000" not in changed
    rounded, label = round_number("Police counted 3,127 protesters.", rng)
    assert label == "entailment" and "3,127" not in rounded
    moved, label = change_date("The museum opens in March 2025.", rng)
    assert label == "contradiction" and moved != "The museum opens in March 2025."
    assert flip_attribution("The minister said the talks had collapsed overnight.", rng) == (
        "The minister denied that the talks had collapsed overnight.",
        "contradiction",
    )


def test_restatements_and_details_are_never_contradictions():
    rng = random.Random(1)
    sentence = "Kim has not appeared in public since early September, state media said on Monday."
    restated = {restate(sentence, rng) for _ in range(20)}
    assert (sentence, "entailment") in restated  # the identity pair
    assert (
        "Kim hasn't appeared in public since early September, state media said on Monday.",
        "entailment",
    ) in restated
    shorter, label = drop_detail(sentence, random.Random(2))
    assert label == "entailment" and len(shorter) < len(sentence) and shorter.startswith("Kim has not appeared")
    assert drop_detail("The council met.", rng) is None
    pairs = list(contrast_pairs([sentence], seed=0))
    added = [p for p in pairs if p.phenomenon == "detail_added"]
    assert added and all(p.label == "neutral" and len(p.premise) < len(p.hypothesis) for p in added)


def test_a_negative_word_and_a_negated_positive_are_restatements_both_ways():
    assert rephrase_polarity("That report, however, is false.", None) == (
        "That report, however, is not true.",
        "entailment",
    )
    assert rephrase_polarity("It is not clear how he died.", None) == ("It is unclear how he died.", "entailment")
    assert rephrase_polarity("It was not a good day.", None) is None
    pairs = [
        p
        for p in contrast_pairs(["Reports that the minister resigned are untrue."])
        if p.phenomenon == "polarity_rephrased"
    ]
    assert {(p.premise, p.hypothesis) for p in pairs} == {
        ("Reports that the minister resigned are untrue.", "Reports that the minister resigned are not true."),
        ("Reports that the minister resigned are not true.", "Reports that the minister resigned are untrue."),
    }


def test_generator_is_deterministic():
    sentences = [
        "The council has approved the budget of 1.2 billion euros on Monday.",
        "Police said 3,127 protesters gathered in the square in March 2024.",
    ]
    assert list(contrast_pairs(sentences, seed=3)) == list(contrast_pairs(sentences, seed=3))


def test_probe_file_is_valid_and_held_apart():
    rows = [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 500
    counts = Counter(r["phenomenon"] for r in rows)
    assert set(counts) <= set(EDITS) | {"hedge_premise", "fact_added", "detail_added"}
    assert {"negation", "number", "date"} <= set(counts)
    for row in rows:
        assert row["label"] in LABELS and row["premise"] and row["hypothesis"]
        assert row["premise"] != row["hypothesis"] or row["phenomenon"] == "restated"
    originals = {r["premise"] for r in rows if r["phenomenon"] in ("clause_dropped", "fact_added", "role_swap")}
    assert all(is_probe(p, 10) for p in originals)  # probes come only from the held-apart slice


@pytest.mark.parametrize("phenomenon", ["negation", "number", "date"])
def test_probe_phenomena_have_enough_rows(phenomenon):
    rows = [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines()]
    assert sum(r["phenomenon"] == phenomenon for r in rows) >= 100
