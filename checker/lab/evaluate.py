"""Accuracy, macro-F1, per-label precision/recall/F1 and a confusion matrix for labelled NLI files.

Two-way files (entailment / not_entailment) are scored by folding the model's neutral and
contradiction into not_entailment; files of not_contradiction / contradiction by folding entailment and
neutral into not_contradiction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..judge.labels import LABELS, NOT_CONTRADICTION, NOT_ENTAILMENT
from .nli_data import NLIExample, data_files, read_examples

Predictor = Callable[[Sequence[str], Sequence[str]], list[dict[str, float]]]


def fold(label: str, kept: str = "entailment") -> str:
    """Map a three-way label onto a two-way scheme: `kept` against the other two, folded."""
    if label == kept:
        return kept
    return NOT_ENTAILMENT if kept == "entailment" else NOT_CONTRADICTION


def metrics(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Scores of `predicted` against `gold`; the label set is the one `gold` uses."""
    kept = "entailment" if NOT_ENTAILMENT in gold else "contradiction" if NOT_CONTRADICTION in gold else None
    if kept:
        gold = [fold(g, kept) for g in gold]
        predicted = [fold(p, kept) for p in predicted]
    labels = [kept, fold("neutral", kept)] if kept else list(LABELS)
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
    per_label = {}
    for label in labels:
        tp = confusion[label][label]
        predicted_count = sum(confusion[g][label] for g in labels)
        gold_count = sum(confusion[label].values())
        precision = tp / predicted_count if predicted_count else 0.0
        recall = tp / gold_count if gold_count else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": gold_count}
    present = [label for label in labels if per_label[label]["support"]]
    n = len(gold)
    return {
        "n": n,
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0,
        "macro_f1": sum(per_label[label]["f1"] for label in present) / len(present) if present else 0.0,
        "per_label": per_label,
        "confusion": confusion,
    }


def argmax_label(probabilities: dict[str, float]) -> str:
    """The most probable of the three labels."""
    return max(LABELS, key=lambda label: probabilities[label])


def evaluate_examples(predict: Predictor, examples: Sequence[NLIExample]) -> dict:
    """Score one list of labelled pairs with a predictor."""
    probabilities = predict([e.premise for e in examples], [e.hypothesis for e in examples])
    return metrics([e.label for e in examples], [argmax_label(p) for p in probabilities])


def evaluate_paths(predict: Predictor, paths: Sequence[str | Path], limit: int = 0) -> dict[str, dict]:
    """Score every labelled file under `paths`; results keyed by file path."""
    results = {}
    for path in data_files(paths):
        examples = read_examples(path)
        if limit:
            examples = examples[:limit]
        results[str(path)] = evaluate_examples(predict, examples)
    return results


def torch_probabilities(
    model, tokenizer, pairs: Sequence[tuple[str, str]], max_length: int = 256, batch_size: int = 64
) -> list[dict[str, float]]:
    """Label probabilities of an in-memory torch NLI model (labels from its id2label), on the model's device."""
    import torch

    labels = [model.config.id2label[i] for i in range(len(model.config.id2label))]
    model.eval()
    rows: list[dict[str, float]] = []
    with torch.inference_mode():
        for start in range(0, len(pairs), batch_size):
            chunk = pairs[start : start + batch_size]
            encoded = tokenizer(
                [p for p, _ in chunk],
                [h for _, h in chunk],
                truncation=True,
                max_length=max_length,
                padding=True,
                return_tensors="pt",
            )
            probabilities = model(**encoded.to(model.device)).logits.float().softmax(-1).tolist()
            rows.extend(dict(zip(labels, row)) for row in probabilities)
    return rows


def accuracy_on(model, tokenizer, examples: Sequence[NLIExample], max_length: int, batch_size: int = 64) -> float:
    """Accuracy of an in-memory torch model whose labels are those of LABELS (used during training)."""
    pairs = [(e.premise, e.hypothesis) for e in examples]
    predicted = [argmax_label(p) for p in torch_probabilities(model, tokenizer, pairs, max_length, batch_size)]
    return metrics([e.label for e in examples], predicted)["accuracy"]
