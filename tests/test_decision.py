"""The learned decision: its features, its file, and how relate uses it. Mechanics on decisions built here; the
shipped decision file only for loading and determinism."""

import json
import math
from dataclasses import replace

import pytest

from checker.decision import (
    CLASSES,
    DECISION_FILE,
    FEATURES,
    Decision,
    decision_from_json,
    features,
    load_decision,
)
from checker.errors import DataError, ModelLoadError
from checker.judge import default_model_path
from checker.lab.decide import fit, threshold_for
from checker.records import Claim, ClaimPair, Facts, Judgement
from checker.relate import Thresholds, relate


def claim(doc: str, text: str, facts: Facts | None = None) -> Claim:
    return Claim(f"{doc}:1", doc, text, text, 0, len(text), 1, facts=facts)


REPORTED = ClaimPair(
    claim("a", "The Lebanese army detained the wife of Abu Bakr al-Baghdadi near the Syrian border."),
    claim("b", "Iraq said the woman detained in Lebanon was not the wife of Abu Bakr al-Baghdadi."),
)
CONFLICT = Judgement(0.02, 0.08, 0.90)
SAME = Judgement(0.95, 0.04, 0.01)


def by_contradiction(weight: float = 4.0) -> Decision:
    """A decision that reads only the model's mean contradiction and maximum entailment."""
    coef = [[0.0] * len(FEATURES) for _ in CLASSES]
    coef[0][FEATURES.index("contradiction_mean")] = weight
    coef[1][FEATURES.index("entailment_max")] = weight
    n = len(FEATURES)
    return Decision(FEATURES, (0.5,) * n, (0.25,) * n, tuple(map(tuple, coef)), (0.0, 0.0, 0.0), {
        "contradiction": 0.6, "agreement": 0.6})  # fmt: skip


def test_features_are_named_finite_and_need_no_facts():
    values = features(REPORTED, CONFLICT, CONFLICT)
    assert tuple(values) == FEATURES
    assert all(math.isfinite(v) for v in values.values())
    assert values["same_story"] == 1.0 and values["fact_agreement"] == 0.0  # no facts: read as nothing parsed
    assert values["negation"] == 1.0 and values["denial_one_side"] == 1.0
    parsed = ClaimPair(
        *(claim(c.document_id, c.text, Facts(story=("Baghdadi", "Lebanon"))) for c in (REPORTED.a, REPORTED.b))
    )
    assert features(parsed, CONFLICT, CONFLICT)["same_story"] == 1.0


def test_probabilities_sum_to_one_and_follow_the_weights():
    decision = by_contradiction()
    conflict = decision.probabilities(features(REPORTED, CONFLICT, CONFLICT))
    same = decision.probabilities(features(REPORTED, SAME, SAME))
    assert sum(conflict.values()) == pytest.approx(1.0)
    assert conflict["contradiction"] > 0.6 > same["contradiction"]
    assert same["agreement"] > 0.6
    # a value far outside training is clipped: it cannot outweigh every other feature
    far = decision.probabilities({**features(REPORTED, SAME, SAME), "contradiction_mean": 1e6})
    assert far == decision.probabilities({**features(REPORTED, SAME, SAME), "contradiction_mean": 0.5 + 5 * 0.25})


def test_relate_with_a_decision_scores_by_its_probability():
    decision = by_contradiction()
    thresholds = Thresholds(contradiction=0.6, agreement=0.6)
    found = relate(REPORTED, CONFLICT, CONFLICT, thresholds, decision)
    assert found is not None and found.relation == "contradiction" and found.kind == "negation"
    assert found.score == pytest.approx(
        decision.probabilities(features(REPORTED, CONFLICT, CONFLICT))["contradiction"], abs=1e-4
    )
    assert relate(REPORTED, Judgement(0.1, 0.8, 0.1), Judgement(0.1, 0.8, 0.1), thresholds, decision) is None
    strict = Thresholds(contradiction=0.999, agreement=0.999)  # a user's threshold applies to the probability
    assert relate(REPORTED, CONFLICT, CONFLICT, strict, decision) is None


def test_round_trip_and_file_errors(tmp_path):
    decision = by_contradiction()
    assert decision_from_json(json.loads(json.dumps(decision.to_json())), "x") == decision
    (tmp_path / DECISION_FILE).write_text(json.dumps(decision.to_json()))
    assert load_decision(tmp_path) == decision
    assert load_decision(tmp_path / "missing") is None  # no decision: the hand-set rules decide
    (tmp_path / DECISION_FILE).write_text("{not json")
    with pytest.raises(ModelLoadError, match="decision.json: not a valid decision file"):
        load_decision(tmp_path)
    broken = decision.to_json()
    broken["coef"] = broken["coef"][:2]
    with pytest.raises(ModelLoadError, match="differ in length"):
        decision_from_json(broken, "d.json")
    unknown = {**decision.to_json(), "features": ["colour", *FEATURES[1:]]}
    with pytest.raises(ModelLoadError, match="unknown features colour"):
        decision_from_json(unknown, "d.json")
    with pytest.raises(ModelLoadError, match="not a checker-decision/1 file"):
        decision_from_json({**decision.to_json(), "format": "other"}, "d.json")


def test_the_stance_of_each_claim_is_a_feature():
    """Two debunks of one rumour share a negative stance; a report against its debunk differs in stance. The stance
    comes from the words (a denial, "a hoax") or from the parse (a negated or denied claim)."""
    rumour = claim("a", "Actor Macaulay Culkin has died, a website reported.")
    debunk = claim("b", "Online rumours of actor Macaulay Culkin's death have been revealed to be a hoax.")
    negated = claim("c", "Macaulay Culkin is alive.", Facts(event="be", polarity="negated"))
    one = features(ClaimPair(rumour, debunk), CONFLICT, CONFLICT)
    both = features(ClaimPair(negated, debunk), CONFLICT, CONFLICT)
    assert (one["negative_one_side"], one["negative_both"]) == (1.0, 0.0)
    assert (both["negative_one_side"], both["negative_both"]) == (0.0, 1.0)
    assert both["negative_both_x_contradiction"] == pytest.approx(0.90)
    neither = features(ClaimPair(rumour, claim("d", "Culkin starred in Home Alone.")), SAME, SAME)
    assert (neither["negative_one_side"], neither["negative_both"]) == (0.0, 0.0)


def test_fit_learns_a_rule_from_labelled_features():
    rows, labels = [], []
    for i in range(60):
        value = i / 59
        row = dict.fromkeys(FEATURES, 0.0)
        row["contradiction_mean"] = value
        row["entailment_max"] = 1 - value
        rows.append(row)
        labels.append("contradiction" if value > 0.66 else "agreement" if value < 0.33 else "none")
    mean, scale, coef, intercept = fit(rows, labels, c=10.0)
    decision = Decision(FEATURES, mean, scale, coef, intercept, {"contradiction": 0.5, "agreement": 0.5})
    high = decision.probabilities({**rows[0], "contradiction_mean": 0.95, "entailment_max": 0.05})
    low = decision.probabilities({**rows[0], "contradiction_mean": 0.05, "entailment_max": 0.95})
    assert max(high, key=high.get) == "contradiction" and max(low, key=low.get) == "agreement"


def test_threshold_for_a_stated_precision():
    probabilities = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
    gold = [True, True, True, False, True, False, False, False]
    assert threshold_for(probabilities, gold, 1.0, least=1) == 0.7
    assert threshold_for(probabilities, gold, 0.8, least=1) == 0.5
    assert threshold_for(probabilities, gold, 0.6, least=6) == 0.4  # 4 of the 6 pairs from 0.4 up; 4 of 7 is less
    assert threshold_for(probabilities, gold, 0.9, least=6) == 0.5  # not reached by 6 or more: the default
    assert threshold_for(probabilities, [False] * 8, 0.7) == 0.5  # none reached: the neutral default


def test_the_shipped_decision_scores_fixed_pairs_as_recorded():
    """Recorded from the shipped decision.json: a retrained decision must update these on purpose."""
    shipped = load_decision(default_model_path())
    assert shipped is not None and shipped.features == FEATURES
    conflict = shipped.probabilities(features(REPORTED, CONFLICT, Judgement(0.05, 0.25, 0.70)))
    same = shipped.probabilities(features(REPORTED, SAME, SAME))
    assert {k: round(v, 4) for k, v in conflict.items()} == {
        "contradiction": 0.7075,
        "agreement": 0.1772,
        "none": 0.1153,
    }
    assert {k: round(v, 4) for k, v in same.items()} == {"contradiction": 0.1433, "agreement": 0.7822, "none": 0.0745}


def test_batch_scoring_decides_as_check_does(tmp_path, shipped_judge):
    """`checker score --both-directions` with the shipped model: its claims carry no parsed facts, and still a plain
    negation is a contradiction and two unrelated sentences no finding."""
    from checker.scoring import score_file

    source = tmp_path / "pairs.csv"
    source.write_text(
        "premise,hypothesis\n"
        "The mayor resigned on Monday.,The mayor did not resign.\n"
        "The council approved the budget on Monday.,Heavy rain flooded the village school.\n",
        encoding="utf-8",
    )
    score_file(source, tmp_path / "out.jsonl", shipped_judge, both_directions=True)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["relation"] for r in rows] == ["contradiction", "novelty"]


def _tiny_news(tmp_path):
    """Six stories of two articles each, as an article-body CSV, and labelled pairs of their sentences as spans."""
    import csv

    bodies, rows = {}, []
    for story in range(12):
        town = ["Arnby", "Selmorth", "Kelmont", "Tarsa", "Orren", "Calder", "Vessby", "Marl", "Dunmoor", "Ostrava",
                "Pellin", "Quarry"][story]  # fmt: skip
        first = (
            f"A giant crab was spotted on the beach at {town}. Officials in {town} said 40 homes were flooded. "
            f"The {town} bridge will reopen in May."
        )
        second = (
            f"The photo of a giant crab at {town} is a hoax, experts said. About 40 houses in {town} were flooded, "
            f"officials said. Schools in {town} stay shut this week."
        )
        bodies[f"{story}1"], bodies[f"{story}2"] = first, second
        pairs = [
            ("contradiction", f"A giant crab was spotted on the beach at {town}.", "The photo of"),
            ("agreement", f"Officials in {town} said 40 homes were flooded.", "About 40 houses"),
            ("related", f"The {town} bridge will reopen in May.", "Schools in"),
        ]
        for index, (relation, sentence_a, start_b) in enumerate(pairs):
            a_start = first.index(sentence_a)
            b_start = second.index(start_b)
            b_end = second.index(".", b_start) + 1
            rows.append({
                "pair_id": f"p{story}{index}", "story": str(story), "split": "train", "relation": relation,
                "direction": "both" if relation == "agreement" else None, "confidence": "high",
                "a": {"article": f"{story}1", "start": a_start, "end": a_start + len(sentence_a)},
                "b": {"article": f"{story}2", "start": b_start, "end": b_end},
            })  # fmt: skip
    news = tmp_path / "bodies.csv"
    with news.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(bodies.items())
    labels = tmp_path / "pairs.jsonl"
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return news, labels


def test_news_pairs_become_nli_rows_and_a_decision(tmp_path, tiny_model_dir):
    from typer.testing import CliRunner

    from checker import cli

    news, labels = _tiny_news(tmp_path)
    runner = CliRunner()
    rows_file = tmp_path / "news_pairs.jsonl"
    done = runner.invoke(
        cli.app, ["news-nli", str(labels), "--news", str(news), "-o", str(rows_file), "--skip-stories", "5"]
    )
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in rows_file.read_text().splitlines()]
    assert len(rows) == 66  # 11 stories x 3 pairs, both ways
    by_pair = {}
    for row in rows:
        by_pair.setdefault(row["pair_id"], []).append(row["label"])
    assert by_pair["p00"] == ["contradiction", "contradiction"] and by_pair["p01"] == ["entailment", "entailment"]
    assert by_pair["p02"] == ["neutral", "neutral"]
    assert rows[0]["premise"] == "A giant crab was spotted on the beach at Arnby."  # read back from its span

    output = tmp_path / "decision.json"
    args = ["decide-train", str(labels), "--news", str(news), "-o", str(output), "--model", str(tiny_model_dir)]
    done = runner.invoke(cli.app, [*args, "--cache-dir", str(tmp_path / "cache")])
    assert done.exit_code == 0, done.output
    trained = load_decision(tmp_path) if output.name == DECISION_FILE else None
    assert trained is not None and trained.features == FEATURES
    assert "labelled news pairs" in trained.trained_on and "stories kept apart: 0" in trained.trained_on
    assert 0 < trained.thresholds["contradiction"] <= 1 and 0 < trained.thresholds["agreement"] <= 1
    few = tmp_path / "few.jsonl"  # one story cannot make five folds with every class: one clear error
    few.write_text("".join(labels.read_text().splitlines(keepends=True)[:3]), encoding="utf-8")
    done = runner.invoke(cli.app, ["decide-train", str(few), *args[2:], "--cache-dir", str(tmp_path / "cache")])
    assert done.exit_code == 2 and "too few labelled stories for 5 folds" in done.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text(labels.read_text().replace('"related"', '"maybe"'), encoding="utf-8")
    done = runner.invoke(cli.app, ["news-nli", str(bad), "--news", str(news), "-o", str(tmp_path / "x.jsonl")])
    assert done.exit_code == 2 and "unknown relation 'maybe'" in done.output and not (tmp_path / "x.jsonl").exists()


def test_a_corrupt_decision_beside_a_model_is_one_clear_error(tmp_path):
    import shutil

    from typer.testing import CliRunner

    from checker import cli

    model = tmp_path / "model"
    shutil.copytree(default_model_path(), model)
    (model / DECISION_FILE).write_text('{"format": "checker-decision/1", "classes": []}', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    done = CliRunner().invoke(cli.check_app, [str(tmp_path / "a.txt"), "--model", str(model), "--no-cache"])
    assert done.exit_code == 2
    assert "decision.json: not a valid decision file" in done.output and "Traceback" not in done.output
    done = CliRunner().invoke(cli.check_app, [str(tmp_path / "a.txt"), "--model", str(model), "--no-cache", "--rules"])
    assert done.exit_code == 0, done.output  # the hand-set rules need no decision file


def test_pair_sampling_strata_ids_and_spans(tmp_path):
    from checker.lab.pair_sample import Span, pair_id, resolve, stratified, stratum

    first, second = Span("1", 0, 10), Span("2", 5, 30)
    assert pair_id(first, second) == pair_id(second, first) and len(pair_id(first, second)) == 12
    assert stratum("The mayor resigned.", "The mayor resigned.", 0.9, 0.7) == "nli-hi"
    assert stratum("The crab photo is a hoax.", "A giant crab was seen.", 0.4, 0.1) == "neg-lo"
    assert stratum("12 homes burned.", "Some 15 homes burned.", 0.8, 0.1) == "num-hi"
    rows = [{"stratum": "a", "n": i} for i in range(5)] + [{"stratum": "b", "n": i} for i in range(5)]
    picked = stratified(rows, {"a": 2, "b": 1})
    assert sorted(r["stratum"] for r in picked) == ["a", "a", "b"] and stratified(rows, {"a": 2, "b": 1}) == picked
    news = tmp_path / "bodies.csv"
    news.write_text('Body ID,articleBody\n7,"Police said the bridge fell on Monday. It was old."\n', encoding="utf-8")
    row = {"pair_id": "x", "a": {"article": "7", "start": 0, "end": 38, "text_start": 12, "text_end": 37},
           "b": {"article": "7", "start": 39, "end": 50}}  # fmt: skip
    resolved = resolve([row], news)[0]
    assert resolved["a"]["sentence"] == "Police said the bridge fell on Monday."
    assert resolved["a"]["text"] == "the bridge fell on Monday" and resolved["b"]["text"] == "It was old."
    with pytest.raises(DataError, match="no article 9"):
        resolve([{**row, "b": {"article": "9", "start": 0, "end": 3}}], news)


def test_what_the_decision_agrees_with_on_two_dates_is_a_date_conflict():
    from checker.claims.facts import facts_of_texts

    texts = ("A highway bridge collapsed into the river on Monday.", "The bridge fell on August 1, plunging cars.")
    parsed = facts_of_texts(list(texts), ["2026-08-04", "2026-08-04"])
    pair = ClaimPair(*(replace(claim(d, t), facts=replace(f, story=("bridge", "river")))
                       for d, t, f in zip("ab", texts, parsed)))  # fmt: skip
    decision, thresholds = by_contradiction(), Thresholds(contradiction=0.6, agreement=0.6)
    found = relate(pair, SAME, SAME, thresholds, decision)
    assert found is not None and (found.relation, found.kind) == ("contradiction", "date")
    same_day = ClaimPair(pair.a, replace(pair.b, facts=replace(parsed[0], story=("bridge", "river"))))
    assert relate(same_day, SAME, SAME, thresholds, decision).relation == "agreement"
