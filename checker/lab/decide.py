"""Train the learned decision (checker/decision.py) on labelled news claim pairs.

Each labelled claim is replaced by the claim `check` extracts from its article today (same text, or same sentence),
so the features are the ones `check` computes: its facts, its speaker. Pairs are judged both ways by the NLI model.
Report thresholds are chosen on out-of-fold probabilities (folds by story, so no story informs its own score): the
lowest probability at which the contradictions reported reach the stated precision, and the same for agreements.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..decision import CLASSES, FEATURES, Decision, features
from ..errors import DataError, require
from ..records import ClaimPair, Document
from .quality import LabelledPair

# the precision each relation's threshold is chosen for, on out-of-fold probabilities of the labelled train split
TARGET_PRECISION = {"contradiction": 0.5, "agreement": 0.8}
GOLD_CLASS = {"contradiction": "contradiction", "agreement": "agreement", "related": "none", "unrelated": "none"}


def with_article_claims(labelled: Sequence[LabelledPair], news_csv: Path, cache_dir: str | None) -> list[LabelledPair]:
    """The labelled pairs with each claim as `check` extracts it from its article (facts, speaker), where the
    article still yields that claim: the same text, else the claim of the same sentence that holds most of the
    labelled text's words (at least half); otherwise the labelled text stands alone."""
    from ..cache import Cache
    from ..pipeline import claims_of
    from .news_bodies import article_bodies

    wanted = {side.document_id for p in labelled for side in (p.pair.a, p.pair.b)}
    documents = [Document(id=a, path=a, text=body) for a, body in article_bodies(news_csv) if a in wanted]
    cache = Cache(cache_dir) if cache_dir else None
    try:
        claims = claims_of(documents, cache)
    finally:
        if cache is not None:
            cache.close()
    from ..compare.words import content_words

    by_text = {(c.document_id, " ".join(c.text.split())): c for c in claims}
    by_sentence: dict[tuple[str, str], list] = {}
    for c in claims:
        by_sentence.setdefault((c.document_id, " ".join(c.sentence.split())), []).append(c)

    def current(claim):
        found = by_text.get((claim.document_id, " ".join(claim.text.split())))
        if found is None:
            words = content_words(claim.text)
            parts = by_sentence.get((claim.document_id, " ".join(claim.sentence.split())), [])
            best = max(parts, key=lambda c: len(words & content_words(c.text)), default=None)
            if best is not None and words and len(words & content_words(best.text)) >= len(words) / 2:
                found = best
        return replace(found, id=claim.id) if found is not None else claim

    return [replace(p, pair=ClaimPair(current(p.pair.a), current(p.pair.b))) for p in labelled]


@dataclass(frozen=True)
class TrainingSet:
    """The train split of labelled pair files, with each pair's story, confidence and agreement direction."""

    labelled: list[LabelledPair]
    stories: dict[str, str]
    confidence: dict[str, str]
    directions: dict[str, str | None]


def read_training_pairs(paths: Sequence[Path], news_csv: Path, skip_stories: set[str]) -> TrainingSet:
    """The train split of labelled pair files. A file may give claims as text (../shared/data/news-pairs) or as
    spans of the article-body CSV (bench/labels/news_pairs_more.jsonl)."""
    from .pair_sample import resolve
    from .quality import GOLD_RELATIONS, _labelled_claim

    labelled, stories, confidence, directions = [], {}, {}, {}
    for path in paths:
        try:
            rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, json.JSONDecodeError) as error:
            raise DataError(f"{path}: cannot read labelled pairs ({error})") from None
        try:
            rows = [r for r in rows if r.get("split") == "train" and str(r.get("story")) not in skip_stories]
            spans = [r for r in rows if "text" not in r["a"]]
            if spans:
                rows = [r for r in rows if "text" in r["a"]] + resolve(spans, news_csv)
            for row in rows:
                if row.get("relation") not in GOLD_RELATIONS:
                    raise DataError(f"{path}: pair {row.get('pair_id')}: unknown relation {row.get('relation')!r}")
                sides = (_labelled_claim(row["pair_id"], side, row[side]) for side in ("a", "b"))
                labelled.append(LabelledPair(row["pair_id"], "train", row["relation"], ClaimPair(*sides)))
                stories[row["pair_id"]] = str(row["story"])
                confidence[row["pair_id"]] = row.get("confidence", "high")
                directions[row["pair_id"]] = row.get("direction")
        except (KeyError, TypeError, AttributeError) as error:
            raise DataError(
                f"{path}: not a labelled pair file (pair_id, story, split, relation, a, b): {error}"
            ) from None
    return TrainingSet(labelled, stories, confidence, directions)


def story_half(story: str) -> int:
    """1 or 2: which half of the stories a story falls in, fixed by its id (for cross-fitted training: a model
    tuned on one half judges the pairs the decision learns from in the other)."""
    import hashlib

    return int(hashlib.sha1(story.encode()).hexdigest(), 16) % 2 + 1


def nli_rows(labelled: Sequence[LabelledPair], directions: dict[str, str | None]) -> list[dict]:
    """Labelled news pairs as NLI training rows, both ways: a contradiction contradicts both ways; an agreement
    entails in its direction (`directions[pair_id]`: a>b, b>a, both) and does not contradict the other way;
    related and unrelated claims are neutral."""
    rows = []
    for item in labelled:
        a, b = item.pair.a.text, item.pair.b.text
        if item.relation == "contradiction":
            labels = ("contradiction", "contradiction")
        elif item.relation == "agreement":
            direction = directions.get(item.pair_id) or "both"
            labels = (
                "entailment" if direction in ("a>b", "both") else "not_contradiction",
                "entailment" if direction in ("b>a", "both") else "not_contradiction",
            )
        else:
            labels = ("neutral", "neutral")
        rows.append({"premise": a, "hypothesis": b, "label": labels[0], "pair_id": item.pair_id})
        rows.append({"premise": b, "hypothesis": a, "label": labels[1], "pair_id": item.pair_id})
    return rows


@dataclass(frozen=True)
class Example:
    """One labelled pair's features, its gold class and its story (for folds)."""

    values: dict[str, float]
    gold: str
    story: str
    weight: float = 1.0


def examples(
    labelled: Sequence[LabelledPair], stories: dict[str, str], judge, confidence: dict[str, str], by_half=None
) -> list:
    """Features of each labelled pair, judged as `check` judges it (the reverse direction skipped where check skips
    it); low-confidence labels weigh half. With `by_half` ({1: judge, 2: judge}), a pair of a story in half h is
    judged by by_half[h]: the model that was not tuned on that half."""
    from ..compare.facts import compare_facts
    from ..config import CheckConfig
    from ..pipeline import judge_pairs
    from ..relate import settled

    skip = CheckConfig().skip_neutral
    if by_half is None:
        judged = judge_pairs(judge, [p.pair for p in labelled], skip_neutral=skip)
    else:
        judged = [None] * len(labelled)
        for half, other in by_half.items():
            chosen = [i for i, p in enumerate(labelled) if story_half(stories.get(p.pair_id, p.pair_id)) == half]
            for i, result in zip(chosen, judge_pairs(other, [labelled[i].pair for i in chosen], skip_neutral=skip)):
                judged[i] = result
    out = []
    for item, (forward, backward) in zip(labelled, judged):
        slot = compare_facts(item.pair.a, item.pair.b)
        if settled(item.pair, slot) is not None:
            continue  # check reports these as the facts show them: the decision never sees such a pair
        values = features(item.pair, forward, backward, slot)
        weight = 0.5 if confidence.get(item.pair_id) == "low" else 1.0
        out.append(Example(values, GOLD_CLASS[item.relation], stories.get(item.pair_id, item.pair_id), weight))
    return out


def out_of_fold(items: Sequence[Example], folds: int = 5, c: float = 1.0, seed: int = 0) -> list[dict[str, float]]:
    """Each example's probabilities from a decision trained without its story."""
    stories = sorted({e.story for e in items})
    random.Random(seed).shuffle(stories)
    fold_of = {story: i % folds for i, story in enumerate(stories)}
    probabilities: list[dict[str, float]] = [{} for _ in items]
    for fold in range(folds):
        train = [e for e in items if fold_of[e.story] != fold]
        if {e.gold for e in train} != set(CLASSES):
            raise DataError(
                f"too few labelled stories for {folds} folds: a fold's training part has no pair of some class "
                f"({len(stories)} stories, {len(items)} pairs)"
            )
        decision = _decision(train, c, {"contradiction": 0.5, "agreement": 0.5})
        for index, e in enumerate(items):
            if fold_of[e.story] == fold:
                probabilities[index] = decision.probabilities(e.values)
    return probabilities


def threshold_for(probabilities: Sequence[float], gold: Sequence[bool], precision: float, least: int = 10) -> float:
    """The lowest threshold at which the pairs at or above it (at least `least` of them) reach `precision`, read
    only after the last of a run of equal probabilities; 0.5 when no threshold does."""
    ranked = sorted(zip(probabilities, gold), reverse=True)
    best, hits = None, 0
    for count, (value, is_gold) in enumerate(ranked, 1):
        hits += is_gold
        tied_with_next = count < len(ranked) and ranked[count][0] == value
        if not tied_with_next and count >= least and hits / count >= precision:
            best = value
    return round(best, 4) if best is not None else 0.5


def fit(
    rows: Sequence[dict[str, float]],
    labels: Sequence[str],
    weights: Sequence[float] | None = None,
    c: float = 1.0,
) -> tuple[tuple[float, ...], tuple[float, ...], tuple[tuple[float, ...], ...], tuple[float, ...]]:
    """Mean, scale, coefficients and intercepts of a logistic regression on the named features (scikit-learn, at
    training time only: `check` reads the numbers from decision.json)."""
    import numpy as np

    LogisticRegression = require("sklearn.linear_model", "training a decision", "train").LogisticRegression

    missing = [name for name in CLASSES if name not in set(labels)]
    if missing:
        raise DataError(
            f"no labelled pair of class {', '.join(missing)} to learn from (need all of {', '.join(CLASSES)})"
        )
    x = np.array([[row[name] for name in FEATURES] for row in rows], dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    y = np.array([CLASSES.index(label) for label in labels])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((x - mean) / scale, y, sample_weight=None if weights is None else np.asarray(weights))
    coef = np.zeros((len(CLASSES), len(FEATURES)))
    intercept = np.zeros(len(CLASSES))
    for row, label in enumerate(model.classes_):
        coef[label] = model.coef_[row]
        intercept[label] = model.intercept_[row]
    return (
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(tuple(float(v) for v in row) for row in coef),
        tuple(float(v) for v in intercept),
    )


def _decision(items: Sequence[Example], c: float, thresholds: dict[str, float], **meta: str) -> Decision:
    mean, scale, coef, intercept = fit([e.values for e in items], [e.gold for e in items], [e.weight for e in items], c)
    return Decision(FEATURES, mean, scale, coef, intercept, thresholds, **meta)


def train_decision(items: Sequence[Example], c: float = 1.0, model: str = "", trained_on: str = "") -> Decision:
    """A decision on all `items`, with thresholds chosen on out-of-fold probabilities for TARGET_PRECISION."""
    oof = out_of_fold(items, c=c)
    thresholds = {
        relation: threshold_for([p[relation] for p in oof], [e.gold == relation for e in items], target)
        for relation, target in TARGET_PRECISION.items()
    }
    return _decision(items, c, thresholds, model=model, trained_on=trained_on)


def write_decision(decision: Decision, path: Path) -> None:
    from ..fileio import atomic_output

    with atomic_output(path) as handle:
        handle.write(json.dumps(decision.to_json(), indent=1) + "\n")


__all__ = ["CLASSES", "Example", "examples", "train_decision", "with_article_claims", "write_decision"]
