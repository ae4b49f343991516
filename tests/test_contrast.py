import json
import random
import re
from collections import Counter

import pytest
from conftest import CASES

from checker.lab.contrast import (
    EDITS,
    bound_number,
    build_passage_set,
    change_date,
    change_number,
    contrast_pairs,
    drop_detail,
    flip_attribution,
    is_probe,
    negate,
    news_passages,
    passage_pairs,
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


def _bound_holds(bounded: str, value: int) -> bool:
    word, figure = re.search(r"(more|fewer|less) than \$?([\d,]+)", bounded).groups()
    bound = int(figure.replace(",", ""))
    return value > bound if word == "more" else value < bound


def test_a_count_bound_is_labelled_by_which_side_of_the_count_it_falls():
    sentence = "The village had a population of 1,713 at the time of the 2011 Census."
    made = {bound_number(sentence, random.Random(seed)) for seed in range(40)}
    assert {label for _, label in made} == {"entailment", "contradiction"}
    for bounded, label in made:
        assert "2011" in bounded  # a year is a date, not a count
        assert label == ("entailment" if _bound_holds(bounded, 1713) else "contradiction"), bounded
    money = {bound_number("Gold sells for $1,250 an ounce.", random.Random(seed)) for seed in range(20)}
    assert all(re.search(r"(more|less) than \$[\d,]+ an ounce", bounded) for bounded, _ in money)
    # an amount already bounded, a percentage, a label and a small count are left alone
    alone = ("At least 25 people died.", "Prices rose 30% in May.", "Flight No. 370 vanished.", "Only 7 left.")
    for untouched in alone:
        assert bound_number(untouched, random.Random(0)) is None


def test_passage_pairs_hide_one_edited_sentence_in_the_whole_passage():
    passage = [
        "The mayor of Springfield opened the new bridge on Monday, officials said.",
        "The bridge cost the city 40 million dollars and took two years to build.",
        "Police chief Anna Berg said 300 residents attended the opening ceremony.",
    ]
    other = ["Heavy rain is expected across the region on Friday.", "Schools will stay open all week."]
    assert not any(is_probe(s, 10) for s in passage + other)
    pairs = list(passage_pairs([passage, other], seed=3))
    assert pairs == list(passage_pairs([passage, other], seed=3))
    whole = " ".join(passage)
    mine = [p for p in pairs if p.premise.startswith("The mayor")]
    assert {p.phenomenon for p in mine} >= {"passage_negation", "passage_number", "passage_number_bound"}
    for pair in mine:
        assert pair.phenomenon.startswith("passage_") and pair.label in LABELS
        if pair.phenomenon in ("passage_hedge_premise", "passage_detail_added"):
            # the passage carries a weaker copy of the sentence the hypothesis states in full
            assert pair.premise != whole and pair.hypothesis in passage and pair.label == "neutral"
        else:
            assert pair.premise == whole
            assert pair.hypothesis not in passage or pair.phenomenon == "passage_restated"  # the identity pair
    ballots = (f"Officials counted {n} ballots in the county on Monday." for n in range(200))
    probe = next(s for s in ballots if is_probe(s, 10))
    assert list(passage_pairs([[probe, *passage]], seed=3)) == []


def test_passages_are_short_runs_of_one_article_after_the_benchmark_articles(tmp_path):
    sentences = [f"Officials in Springfield counted {n} ballots on the {n}th day of the vote." for n in range(12, 24)]
    news = tmp_path / "news.csv"
    news.write_text(
        'Body ID,articleBody\n1,"The first article is skipped entirely. It is read by the benchmark."\n'
        f'2,"{" ".join(sentences)}"\n',
        encoding="utf-8",
    )
    passages = news_passages(news, skip=1, seed=0)
    assert passages and all(2 <= len(p) <= 4 and sum(len(s.split()) for s in p) <= 80 for p in passages)
    assert [s for p in passages for s in p] == sentences[: sum(len(p) for p in passages)]  # in order, no overlap
    out, probes = tmp_path / "passages.jsonl", tmp_path / "probes.jsonl"
    counts = build_passage_set(news, out, skip=1, per_phenomenon=2, bounds=3, probe_path=probes, seed=0)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == counts["passages"] + counts["bounds"] and counts["bounds"] <= 3
    held_apart = {s for s in sentences if is_probe(s, 10)}
    assert held_apart and counts["probes"]  # this article has sentences of the probe slice
    probe_rows = [json.loads(line) for line in probes.read_text(encoding="utf-8").splitlines()]
    assert all(any(s in row["premise"] for s in held_apart) for row in probe_rows)
    assert not any(s in row["premise"] for row in rows for s in held_apart if row["source"] == "contrast_passage")
    assert max(Counter(r["phenomenon"] for r in rows if r["source"] == "contrast_passage").values()) <= 2
    assert {r["source"] for r in rows} <= {"contrast_passage", "contrast_bound"} and "skipped" not in out.read_text()
