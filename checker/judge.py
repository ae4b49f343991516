"""NLI judges: score (premise, hypothesis) pairs as entailment / neutral / contradiction probabilities.

One small interface, `Judge.judge_batch`, with two real backends: ONNX Runtime + tokenizers for the shipped
int8 model (no torch import), and transformers + torch for any Hugging Face model id or directory.
Labels always come from the model's own `id2label`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from .errors import MissingBackendError, ModelLoadError
from .labels import LABELS, map_model_labels
from .records import Judgement, ModelInfo

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
    import importlib.util

    try:  # an installed package: models/ is installed as the data package checker.bundled_models
        spec = importlib.util.find_spec("checker.bundled_models")
    except ModuleNotFoundError:
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / DEFAULT_MODEL_NAME
        if candidate.exists():
            return candidate
    return Path(__file__).resolve().parent.parent / "models" / DEFAULT_MODEL_NAME


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


class OnnxJudge:
    """The shipped int8 model on ONNX Runtime; tokenisation by the `tokenizers` library."""

    def __init__(
        self,
        directory: Path,
        max_length: int = 256,
        batch_size: int = 64,
        threads: int = 0,
        label_map: dict[str, str] | None = None,
    ) -> None:
        try:
            import onnxruntime  # noqa: F401  (checked here, so a missing backend fails before any work)
            from tokenizers import Tokenizer
        except ImportError as error:
            raise MissingBackendError(
                "the ONNX backend needs onnxruntime and tokenizers", hint="pip install onnxruntime tokenizers"
            ) from error
        model_file = next((directory / f for f in ONNX_FILES if (directory / f).exists()), None)
        if model_file is None or not (directory / "tokenizer.json").exists():
            raise ModelLoadError(f"{directory}: no model.int8.onnx/model.onnx with tokenizer.json")
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.labels = map_model_labels({int(k): v for k, v in config["id2label"].items()}, label_map)
        limit = int(config.get("max_position_embeddings", 512))
        self.max_length = min(max_length, limit)
        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.no_padding()
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        self.workers = threads or usable
        # Dynamic int8 quantization picks one activation scale per tensor, i.e. per batch: a pair's scores would
        # move with whatever else shares its batch (4% of labels flipped on the seeds). So a quantized model runs
        # each pair alone -- its scores depend on that pair only, cached or not -- on one single-threaded call
        # per core in parallel. An fp32 model is batch-independent and runs in length-sorted batches.
        self.quantized = model_file.name == "model.int8.onnx"
        self.model_file = model_file
        # the session (most of the load time) opens on first use: a re-check answered from the cache needs none
        self._session = None
        self.info = ModelInfo(
            name=config.get("_name_or_path_display") or directory.name,
            backend="onnxruntime",
            path=str(directory),
            extra={"file": model_file.name, "scoring": "per-pair" if self.quantized else "batched"},
            thresholds=calibrated_thresholds(config.get(THRESHOLDS_KEY), directory / "config.json"),
        )

    def _open_session(self):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1 if self.quantized else self.workers
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            session = onnxruntime.InferenceSession(str(self.model_file), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own exception types for a damaged file
            raise ModelLoadError(f"{self.model_file}: cannot load it ({str(error).splitlines()[0][:200]})") from None
        self.input_names = {i.name for i in session.get_inputs()}
        return session

    def judge_batch(self, pairs: Sequence[tuple[str, str]], progress: Progress | None = None) -> list[Judgement]:
        if not pairs:
            return []
        if self._session is None:  # opened here, before the worker threads start
            self._session = self._open_session()
        order = _length_order(pairs)
        size = 1 if self.quantized else self.batch_size
        batches = [order[start : start + size] for start in range(0, len(order), size)]
        results: list[Judgement | None] = [None] * len(pairs)

        def run(indices: list[int]) -> list[int]:
            for index, judgement in zip(indices, self._score([pairs[i] for i in indices])):
                results[index] = judgement
            return indices

        from concurrent.futures import ThreadPoolExecutor

        # onnxruntime releases the GIL while it runs, so single-threaded runs on threads fill the cores
        with ThreadPoolExecutor(self.workers if self.quantized else 1) as pool:
            for indices in pool.map(run, batches):
                if progress:
                    progress(len(indices))
        return results  # type: ignore[return-value]

    def _score(self, batch: list[tuple[str, str]]) -> list[Judgement]:
        import numpy as np

        encodings = self.tokenizer.encode_batch(batch)
        width = max(len(e.ids) for e in encodings)
        feed = {
            "input_ids": np.zeros((len(batch), width), dtype=np.int64),
            "attention_mask": np.zeros((len(batch), width), dtype=np.int64),
            "token_type_ids": np.zeros((len(batch), width), dtype=np.int64),
        }
        for row, encoding in enumerate(encodings):
            n = len(encoding.ids)
            feed["input_ids"][row, :n] = encoding.ids
            feed["attention_mask"][row, :n] = 1
            feed["token_type_ids"][row, :n] = encoding.type_ids
        logits = self._session.run(None, {k: v for k, v in feed.items() if k in self.input_names})[0]
        return _to_judgements(_softmax_rows(logits), self.labels)


class TransformersJudge:
    """Any Hugging Face sequence-classification NLI model, on torch."""

    def __init__(
        self,
        model: str,
        max_length: int = 256,
        batch_size: int = 32,
        revision: str | None = None,
        trust_remote_code: bool = False,
        label_map: dict[str, str] | None = None,
    ) -> None:
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as error:
            raise MissingBackendError(
                "this model needs transformers and torch", hint="pip install transformers torch"
            ) from error
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()  # no load reports or progress bars in the user's report
        transformers_logging.disable_progress_bar()
        try:  # hub retry warnings would break the one-line error contract
            from huggingface_hub.utils import logging as hub_logging

            hub_logging.set_verbosity_error()
        except ImportError:
            pass
        local = Path(model).exists()
        offline = local or os.environ.get("HF_HUB_OFFLINE") == "1"
        options = {"revision": revision, "local_files_only": offline, "trust_remote_code": trust_remote_code}
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model, **options)
            self.model = AutoModelForSequenceClassification.from_pretrained(model, **options).eval()
        except Exception as error:  # OSError, ValueError, HTTP errors: one line naming the model
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise ModelLoadError(f"cannot load model {model!r}: {first[:300]}") from None
        self.torch = torch
        self.labels = map_model_labels(dict(self.model.config.id2label), label_map)
        limit = getattr(self.model.config, "max_position_embeddings", 512) or 512
        self.max_length = min(max_length, limit)
        self.batch_size = batch_size
        self.info = ModelInfo(
            name=model,
            backend="transformers",
            path=str(Path(model).resolve()) if local else None,
            thresholds=calibrated_thresholds(getattr(self.model.config, THRESHOLDS_KEY, None), model),
        )

    def judge_batch(self, pairs: Sequence[tuple[str, str]], progress: Progress | None = None) -> list[Judgement]:
        results: list[Judgement | None] = [None] * len(pairs)
        order = _length_order(pairs)
        with self.torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                indices = order[start : start + self.batch_size]
                encoded = self.tokenizer(
                    [pairs[i][0] for i in indices],
                    [pairs[i][1] for i in indices],
                    truncation=True,
                    max_length=self.max_length,
                    padding=True,
                    return_tensors="pt",
                )
                logits = self.model(**encoded).logits.float().numpy()
                for index, judgement in zip(indices, _to_judgements(_softmax_rows(logits), self.labels)):
                    results[index] = judgement
                if progress:
                    progress(len(indices))
        return results  # type: ignore[return-value]


def load_judge(
    model: str | None = None,
    backend: str = "auto",
    max_length: int = 256,
    batch_size: int = 64,
    trust_remote_code: bool = False,
    label_map: dict[str, str] | None = None,
    revision: str | None = None,
) -> Judge:
    """The judge for `model` (a directory or hub id; default: $CHECKER_MODEL, then the shipped model).

    A directory with model.int8.onnx/model.onnx runs on ONNX Runtime unless backend="transformers".
    """
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
        return OnnxJudge(path, max_length=max_length, batch_size=batch_size, label_map=label_map)
    return TransformersJudge(
        name,
        max_length=max_length,
        batch_size=min(batch_size, 32),
        revision=revision,
        trust_remote_code=trust_remote_code,
        label_map=label_map,
    )
