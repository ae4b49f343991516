"""Accuracy, macro-F1, per-label precision/recall/F1 and a confusion matrix for labelled NLI files.

Two-way files (entailment / not_entailment) are scored by folding the model's neutral and
contradiction into not_entailment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .labels import LABELS, NOT_ENTAILMENT
from .nli_data import NLIExample, data_files, read_examples

Predictor = Callable[[Sequence[str], Sequence[str]], list[dict[str, float]]]


def fold(label: str) -> str:
    """Map a three-way label onto the two-way scheme."""
    return "entailment" if label == "entailment" else NOT_ENTAILMENT


def metrics(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Scores of `predicted` against `gold`; the label set is the one `gold` uses."""
    two_way = any(label == NOT_ENTAILMENT for label in gold)
    if two_way:
        gold = [fold(g) for g in gold]
        predicted = [fold(p) for p in predicted]
    labels = ["entailment", NOT_ENTAILMENT] if two_way else list(LABELS)
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


def accuracy_on(model, tokenizer, examples: Sequence[NLIExample], max_length: int, batch_size: int = 64) -> float:
    """Accuracy of an in-memory torch model whose label order is LABELS (used during training)."""
    import torch

    model.eval()
    predicted: list[str] = []
    with torch.inference_mode():
        for start in range(0, len(examples), batch_size):
            chunk = examples[start : start + batch_size]
            encoded = tokenizer(
                [e.premise for e in chunk],
                [e.hypothesis for e in chunk],
                truncation=True,
                max_length=max_length,
                padding=True,
                return_tensors="pt",
            )
            logits = model(**encoded.to(model.device)).logits
            predicted.extend(LABELS[i] for i in logits.argmax(-1).tolist())
    return metrics([e.label for e in examples], predicted)["accuracy"]
