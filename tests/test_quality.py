"""Quality claims, tested against the real shipped model (loaded once per session)."""

import json
from collections import defaultdict

import pytest
from conftest import CASES, SEEDS

from checker.config import CheckConfig
from checker.pipeline import check

PROBES = CASES / "contrast_probes.jsonl"
# accuracy the shipped model must keep on the held-apart contrast probes (see models/*/README.md)
PROBE_TARGETS = {"negation": 0.95, "number": 0.95, "date": 0.95}


@pytest.fixture(scope="module")
def probe_accuracy(shipped_judge):
    rows = [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines()]
    judged = shipped_judge.judge_batch([(r["premise"], r["hypothesis"]) for r in rows])
    correct, total = defaultdict(int), defaultdict(int)
    for row, judgement in zip(rows, judged):
        total[row["phenomenon"]] += 1
        correct[row["phenomenon"]] += judgement.label == row["label"]
    return {p: correct[p] / total[p] for p in total}


@pytest.mark.parametrize("phenomenon", sorted(PROBE_TARGETS))
def test_contrast_probe_accuracy(probe_accuracy, phenomenon):
    assert probe_accuracy[phenomenon] >= PROBE_TARGETS[phenomenon]


@pytest.fixture(scope="module")
def seed_report(shipped_judge):
    return check([SEEDS], CheckConfig(cache=False), judge=shipped_judge)


def _find(report, relation, text_a, text_b):
    for finding in report.findings:
        texts = (finding.pair.a.text, finding.pair.b.text)
        if finding.relation == relation and any(text_a in t for t in texts) and any(text_b in t for t in texts):
            return finding
    return None


def test_denial_is_set_against_the_confirmation(seed_report):
    finding = _find(
        seed_report,
        "contradiction",
        "North Korea has not confirmed the dispatch",
        "North Korea has confirmed the dispatch",
    )
    assert finding is not None
    sides = {finding.pair.a.document_id, finding.pair.b.document_id}
    assert sides == {"000_be98cb181ba6487c", "001_pyongyang_confirms"}
    assert finding.pair.a.attribution is not None and finding.pair.b.attribution is not None


def test_differing_figures_are_numeric_conflicts(seed_report):
    troops = _find(seed_report, "contradiction", "some 11,000 troops", "some 15,000 troops")
    wounded = _find(seed_report, "contradiction", "Some 4,000 of them", "Some 6,000 of them")
    summit = _find(seed_report, "contradiction", "June summit", "July summit")
    assert troops is not None and troops.kind == "numeric"
    assert wounded is not None and wounded.kind == "numeric"
    assert summit is not None and summit.kind == "date"


def test_paraphrases_agree_and_are_not_contradictions(seed_report):
    denial = ("North Korea has not confirmed the dispatch", "Pyongyang has not confirmed that it sent troops")
    assert _find(seed_report, "contradiction", *denial) is None
    acknowledgement = (
        "Russia confirmed for the first time that North Korean troops",
        "For the first time, Moscow has acknowledged",
    )
    assert _find(seed_report, "contradiction", *acknowledgement) is None
    assert _find(seed_report, "agreement", *acknowledgement) is not None
    headline = (
        "Russia confirms for first time North Korean troop dispatch",
        "For the first time, Moscow has acknowledged",
    )
    assert _find(seed_report, "contradiction", *headline) is None
    assert _find(seed_report, "agreement", "some 11,000 troops", "Around 11,000 North Korean soldiers") is not None


# Every real conflict between the seed articles (a fragment of each claim). North Korea's confirmation (001, its
# headline and body) conflicts with both articles that say it has not confirmed (the seed and 002).
REAL_SEED_CONFLICTS = [
    ("North Korea has not confirmed the dispatch", "North Korea has confirmed the dispatch"),
    ("North Korea has not confirmed the dispatch", "North Korea confirms it sent troops"),
    ("North Korea has confirmed the dispatch", "Pyongyang has not confirmed"),
    ("North Korea confirms it sent troops", "Pyongyang has not confirmed"),
    ("some 11,000 troops", "some 15,000 troops"),
    ("some 15,000 troops", "Around 11,000 North Korean soldiers"),
    ("Some 4,000 of them", "Some 6,000 of them"),
    ("June summit", "July summit"),
]


def test_only_real_contradictions_in_the_seeds(seed_report):
    contradictions = [f for f in seed_report.findings if f.relation == "contradiction"]
    texts = [(f.pair.a.text, f.pair.b.text) for f in contradictions]
    false = [
        pair
        for pair in texts
        if not any((x in pair[0] and y in pair[1]) or (y in pair[0] and x in pair[1]) for x, y in REAL_SEED_CONFLICTS)
    ]
    assert false == []
    # and the real ones are found: all 8, by v6 with the hand-set rules and by v8 with its learned decision. The
    # closest two are Pyongyang's denial against North Korea's confirmation in other words ("sent troops" / "the
    # dispatch"): no parsed fact meets there, and the decision gives them 0.61 against its 0.354 (a threshold
    # chosen on labelled news, not on the seeds); at most these two may drop out when the decision is retrained
    missed = [
        (x, y) for x, y in REAL_SEED_CONFLICTS if not any((x in a and y in b) or (y in a and x in b) for a, b in texts)
    ]
    assert len(missed) <= 2 and all("Pyongyang has not confirmed" in pair for pair in missed)
    assert all(f.pair.a.document_id != f.pair.b.document_id for f in contradictions)


def test_gold_claim_pairs(shipped_judge):
    from checker.records import Claim, ClaimPair
    from checker.relate import relate, thresholds_for

    rows = [json.loads(line) for line in (CASES / "claim_pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    judged = shipped_judge.judge_batch([(r["a"], r["b"]) for r in rows] + [(r["b"], r["a"]) for r in rows])
    thresholds = thresholds_for(shipped_judge.info)  # the report thresholds calibrated for the shipped model
    assert (thresholds.contradiction, thresholds.agreement) == (0.8, 0.9)
    correct, false_contradictions = 0, 0
    for index, row in enumerate(rows):
        pair = ClaimPair(
            *(Claim(side, side, text, text, 0, len(text), 1) for side, text in (("a", row["a"]), ("b", row["b"])))
        )
        finding = relate(pair, judged[index], judged[len(rows) + index], thresholds)
        relation = finding.relation if finding else "novelty"
        correct += relation == row["relation"]
        false_contradictions += relation == "contradiction" and row["relation"] != "contradiction"
    # the hand-set rules' thresholds were calibrated for v6: 25 of 28 with v6 and v2, 24 with v9, 23 with v10, 24
    # with v11 (v10 missed two paraphrases it called neutral, and two contradictions fall below 0.8; see the model card)
    assert correct >= 23
    assert false_contradictions == 0


def test_speakers_are_named(seed_report):
    speakers = {c.attribution.speaker for c in seed_report.claims if c.attribution}
    assert "South Korea and the US" in speakers
    assert any(s.startswith("Valery Gerasimov") for s in speakers)
    assert any(s.startswith("Maria Zakharova") for s in speakers)


def test_the_new_facts_article_disputes_nothing(seed_report):
    """Kyiv's reaction adds facts (soldiers captured, Zelensky's appeal) and contradicts no other article. The learned
    decision corroborates some of them with the reports of the deployment ("It captured two North Korean soldiers in
    the Kursk region" entails that they were there, an agreement by the labelling guideline); the appeal stays novel."""
    claims = [c for c in seed_report.claims if c.document_id == "003_kyiv_reaction"]
    assert all(seed_report.claim_status[c.id] in ("novel", "corroborated") for c in claims)
    appeal = [c for c in claims if c.text.startswith("Ukrainian President Volodymyr Zelensky")]
    assert appeal and seed_report.claim_status[appeal[0].id] == "novel"
