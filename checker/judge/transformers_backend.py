"""Any Hugging Face sequence-classification NLI model, on transformers and torch."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import MissingBackendError, ModelLoadError
from ..records import Judgement, ModelInfo
from . import THRESHOLDS_KEY, Progress, _length_order, _softmax_rows, _to_judgements, calibrated_thresholds
from .labels import map_model_labels


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
        import importlib.util

        local = Path(model).exists()
        offline = local or os.environ.get("HF_HUB_OFFLINE") == "1"
        if not offline and importlib.util.find_spec("transformers") is not None:  # else: the missing extra, below
            unreachable = hub_unreachable()
            if unreachable and not _in_hub_cache(model, revision):
                raise ModelLoadError(
                    f"cannot download model {model!r}: the Hugging Face Hub cannot be reached ({unreachable})",
                    hint="pass --model a local model directory, or connect and retry",
                )
            offline = bool(unreachable)  # cached: load it from there instead of retrying the network for a minute
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as error:
            raise MissingBackendError(
                "this model needs transformers and torch", hint='pip install "checker[transformers]"'
            ) from error
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()  # no load reports or progress bars in the user's report
        transformers_logging.disable_progress_bar()
        try:  # hub retry warnings would break the one-line error contract
            from huggingface_hub.utils import logging as hub_logging

            hub_logging.set_verbosity_error()
        except ImportError:
            pass
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


def hub_unreachable(timeout: float = 3.0) -> str | None:
    """Why the Hub cannot be reached (None when it can): one TCP connection with a short timeout, so a machine
    without network fails in seconds instead of the hub client's minute of retries. Behind a proxy, not probed."""
    import socket
    from urllib.parse import urlparse

    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None
    endpoint = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    host, port = endpoint.hostname or "huggingface.co", endpoint.port or (80 if endpoint.scheme == "http" else 443)
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as error:
        return f"{host}: {error.strerror or type(error).__name__}"
    return None


def _in_hub_cache(model: str, revision: str | None) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache

        return isinstance(try_to_load_from_cache(model, "config.json", revision=revision), str)
    except Exception:  # an id the hub client refuses is not cached either
        return False
