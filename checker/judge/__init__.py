"""NLI judges: score (premise, hypothesis) pairs as entailment / neutral / contradiction probabilities.

One small interface, `Judge.judge_batch`, with two real backends: ONNX Runtime + tokenizers for the shipped
int8 model (no torch import), and transformers + torch for any Hugging Face model id or directory.
Labels always come from the model's own `id2label`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import ModelLoadError
from ..records import Judgement, ModelInfo
from .labels import LABELS

DEFAULT_MODEL_NAME = "checker-nli-minilm"
MODEL_ENV = "CHECKER_MODEL"
ONNX_FILES = ("model.int8.onnx", "model.onnx")

Progress = Callable[[int], None]


class Judge(Protocol):
    """Anything that turns text pairs into judgements."""

    info: ModelInfo

    def judge_batch(self, pairs: Sequence[tuple[str, str]], progress: Progress | None = None) -> list[Judgement]:
        """One judgement per (premise, hypothesis), in order."""
        ...


def default_model_path() -> Path:
    """The shipped model: package data after `pip install .`, or models/ in a checkout."""
    return shipped_model(DEFAULT_MODEL_NAME)


def shipped_model(name: str) -> Path:
    """A model shipped in the package (the judge, the sentence embedder): package data after `pip install .`, or
    models/NAME in a checkout."""
    import importlib.util

    try:  # an installed package: models/ is installed as the data package checker.bundled_models
        spec = importlib.util.find_spec("checker.bundled_models")
    except ModuleNotFoundError:
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / name
        if candidate.exists():
            return candidate
    return Path(__file__).resolve().parents[2] / "models" / name


def _softmax_rows(logits) -> list[list[float]]:
    import numpy as np

    logits = np.asarray(logits, dtype=np.float64)
    logits = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return (exp / exp.sum(axis=1, keepdims=True)).tolist()


def _to_judgements(rows: list[list[float]], index_to_label: dict[int, str]) -> list[Judgement]:
    judgements = []
    for row in rows:
        scores = {index_to_label[i]: p for i, p in enumerate(row)}
        judgements.append(Judgement(*(float(scores[label]) for label in LABELS)))
    return judgements


# tasks handed to a thread pool at once: Executor.map submits every task before the first result, and a future is
# about 1.7 KB, so the 230,000 one-pair runs of the full news corpus held 400 MB of futures; 4,096 hold 7 MB
POOL_CHUNK = 4096


def map_in_chunks(pool, function: Callable, items: Sequence, chunk: int = POOL_CHUNK):
    """`pool.map(function, items)`, in order, with at most `chunk` tasks submitted at a time."""
    for start in range(0, len(items), chunk):
        yield from pool.map(function, items[start : start + chunk])


def _length_order(pairs: Sequence[tuple[str, str]]) -> list[int]:
    return sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))


THRESHOLDS_KEY = "checker_thresholds"  # in a model's config.json: {"contradiction": 0.8, "agreement": 0.9}


def calibrated_thresholds(raw: object, source: object) -> dict[str, float]:
    """The report thresholds a model ships with: each model scores news pairs on its own scale (a model trained
    longer is surer of itself), so the bar that gives a readable report is measured per model and kept beside it."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        key in ("contradiction", "agreement") and isinstance(value, (int, float)) and 0 < value <= 1
        for key, value in raw.items()
    ):
        raise ModelLoadError(f"{source}: {THRESHOLDS_KEY} must map contradiction/agreement to numbers in (0, 1]")
    return {key: float(value) for key, value in raw.items()}


def load_judge(
    model: str | None = None,
    backend: str = "auto",
    max_length: int = 256,
    batch_size: int = 64,
    trust_remote_code: bool = False,
    label_map: dict[str, str] | None = None,
    revision: str | None = None,
    threads: int = 0,
) -> Judge:
    """The judge for `model` (a directory or hub id; default: $CHECKER_MODEL, then the shipped model).

    A directory with model.int8.onnx/model.onnx runs on ONNX Runtime unless backend="transformers", on `threads`
    cores (0: all this process may use).
    """
    from .onnx_backend import OnnxJudge  # the backends are imported on use: `check --help` loads neither
    from .transformers_backend import TransformersJudge

    name = model or os.environ.get(MODEL_ENV) or str(default_model_path())
    path = Path(name)
    has_onnx = path.is_dir() and any((path / f).exists() for f in ONNX_FILES)
    if not model and not os.environ.get(MODEL_ENV) and not path.exists():
        raise ModelLoadError(f"the shipped model is missing at {path}")
    if not path.exists() and (path.is_absolute() or name.startswith((".", "~")) or name.count("/") > 1):
        raise ModelLoadError(f"{name}: no such model directory")
    if backend == "onnx" or (backend == "auto" and has_onnx):
        if not has_onnx:
            raise ModelLoadError(f"{name}: no ONNX file (model.int8.onnx or model.onnx) for --backend onnx")
        return OnnxJudge(path, max_length=max_length, batch_size=batch_size, threads=threads, label_map=label_map)
    return TransformersJudge(
        name,
        max_length=max_length,
        batch_size=min(batch_size, 32),
        revision=revision,
        trust_remote_code=trust_remote_code,
        label_map=label_map,
    )
