"""The learned decision: its features, its file, and how relate uses it. Mechanics on decisions built here; the
shipped decision file only for loading and determinism."""

import json
import math

import pytest

from checker.decision import (
    CLASSES,
    DECISION_FILE,
    FEATURES,
    Decision,
    decision_from_json,
    features,
    fit,
    load_decision,
)
from checker.errors import ModelLoadError
from checker.judge import default_model_path
from checker.lab.decide import threshold_for
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
    assert values["parsed"] == 0.0 and values["fact_contradiction"] == 0.0
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
    assert decision.probabilities({})["none"] > 0  # every feature missing still gives a verdict


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


def test_the_shipped_decision_loads_and_scores_the_same_every_run():
    shipped = load_decision(default_model_path())
    assert shipped is not None and shipped.features == FEATURES
    values = features(REPORTED, CONFLICT, Judgement(0.05, 0.25, 0.70))
    first = shipped.probabilities(values)
    assert load_decision(default_model_path()).probabilities(values) == first
    assert set(first) == set(CLASSES) and sum(first.values()) == pytest.approx(1.0)
