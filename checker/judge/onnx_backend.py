"""The shipped int8 model on ONNX Runtime, tokenised by the `tokenizers` library (no torch)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..cores import usable_cores
from ..errors import MissingBackendError, ModelLoadError
from ..records import Judgement, ModelInfo
from . import (
    ONNX_FILES,
    THRESHOLDS_KEY,
    Progress,
    _length_order,
    _softmax_rows,
    _to_judgements,
    calibrated_thresholds,
    map_in_chunks,
)
from .labels import map_model_labels

QUANTIZATION_KEY = "checker_quantization"  # written by `checker export --static`: {"mode": "static", ...}


def open_session(model_file: Path, threads: int):
    """An onnxruntime session on the CPU with `threads` threads per run; a damaged file is a clear error."""
    import onnxruntime

    onnxruntime.disable_telemetry_events()  # no telemetry host looked up at run time
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own exception types for a damaged file
        raise ModelLoadError(f"{model_file}: cannot load it ({str(error).splitlines()[0][:200]})") from None


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
        self.workers = threads or usable_cores()
        # Dynamic int8 quantization picks one activation scale per tensor, i.e. per batch: a pair's scores would
        # move with whatever else shares its batch (4% of labels flipped on the seeds). So a dynamically quantized
        # model runs each pair alone -- its scores depend on that pair only, cached or not -- on one
        # single-threaded call per core in parallel. An fp32 model, or a static int8 one (its scales fixed when it
        # was exported), is batch-independent and runs in length-sorted batches.
        static = (config.get(QUANTIZATION_KEY) or {}).get("mode") == "static"
        self.quantized = model_file.name == "model.int8.onnx" and not static
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
        session = open_session(self.model_file, 1 if self.quantized else self.workers)
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
            for indices in map_in_chunks(pool, run, batches):
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
