"""Sentence embeddings for candidate pairing: all-MiniLM-L6-v2, shipped as int8 ONNX beside the NLI model and run
on onnxruntime (no torch), one text per run so that a text's vector never depends on what else is embedded."""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import MissingBackendError, ModelLoadError
from . import ONNX_FILES, map_in_chunks, shipped_model

EMBEDDER_DIR = "minilm-embedder"  # under the shipped models' folder


class SentenceEmbedder:
    """Unit vectors of texts. The session opens on first use, so runs that pair every claim never load it.

    Dynamic int8 quantization scales activations per run: a batch would make each vector depend on its neighbours
    in the batch, so each text runs alone, one single-threaded run per core in parallel (as the judge does)."""

    def __init__(self, directory: str | Path | None = None, threads: int = 0) -> None:
        self.directory = Path(directory) if directory else shipped_model(EMBEDDER_DIR)
        self.threads = threads
        self.name = f"{self.directory.name}/int8-onnx"  # what a cached vector was made by
        self._session = None

    def _load(self) -> None:
        try:
            from tokenizers import Tokenizer

            from ..cores import usable_cores
            from .onnx_backend import open_session
        except ImportError as error:
            raise MissingBackendError(
                "the sentence embedder needs onnxruntime and tokenizers", hint="pip install onnxruntime tokenizers"
            ) from error
        model_file = next((self.directory / f for f in ONNX_FILES if (self.directory / f).exists()), None)
        if model_file is None or not (self.directory / "tokenizer.json").exists():
            raise ModelLoadError(f"{self.directory}: no sentence embedder (model.int8.onnx with tokenizer.json)")
        config = json.loads((self.directory / "config.json").read_text(encoding="utf-8"))
        self.tokenizer = Tokenizer.from_file(str(self.directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(config.get("max_length", 256)))
        self.tokenizer.no_padding()
        self.workers = self.threads or usable_cores()
        self._session = open_session(model_file, 1)
        self.input_names = {i.name for i in self._session.get_inputs()}

    def _embed_one(self, text: str):
        import numpy as np

        encoding = self.tokenizer.encode(text)
        feed = {
            "input_ids": np.asarray([encoding.ids], dtype=np.int64),
            "attention_mask": np.asarray([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
        }
        return self._session.run(None, {k: v for k, v in feed.items() if k in self.input_names})[0][0]

    def __call__(self, texts: Sequence[str]):
        """Unit vectors, one row per text; repeated texts are embedded once."""
        import numpy as np

        if self._session is None:
            self._load()
        unique = list(dict.fromkeys(texts))
        # onnxruntime releases the GIL while it runs, so single-threaded runs on threads fill the cores
        with ThreadPoolExecutor(self.workers) as pool:
            vectors = list(map_in_chunks(pool, self._embed_one, unique))
        row = {text: index for index, text in enumerate(unique)}
        return np.asarray([vectors[row[text]] for text in texts], dtype=np.float32).reshape(len(texts), -1)
