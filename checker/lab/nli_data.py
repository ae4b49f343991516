"""Labelled NLI pairs from JSONL/CSV/TSV/Parquet files or folders, loaded with the `datasets` library.

Three-way rows keep their label; two-way rows (entailment / not_entailment, paraphrase / not_paraphrase)
are kept as `not_entailment` so training can fold them (not_entailment = neutral + contradiction).
Whole-article premises (fnc1_stance, arc_stance) are cut to the sentences that share the most words
with the hypothesis, so the pair fits a short max length and keeps the evidence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataError, require
from ..judge.labels import normalize_label
from ..scoring import find_pair_columns

DATA_SUFFIXES = {".jsonl": "json", ".json": "json", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet"}
LONG_PREMISE_WORDS = 80
EVIDENCE_SENTENCES = 2
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an of to in and or is are was were be been for on at by with from that this it as has have had "
    "not he she they we you i his her their its our will would can could said says".split()
)


@dataclass(frozen=True)
class NLIExample:
    """One labelled pair; label is entailment, neutral, contradiction, not_entailment or not_contradiction."""

    premise: str
    hypothesis: str
    label: str
    source: str


def data_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the sorted list of data files they hold."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in DATA_SUFFIXES))
        elif path.is_file():
            if path.suffix.lower() not in DATA_SUFFIXES:
                raise DataError(f"{path}: unsupported data file type (use .jsonl, .json, .csv, .tsv, .parquet)")
            found.append(path)
        else:
            raise DataError(f"{path}: no such file or folder")
    return found


def load_table(path: Path):
    """Load one data file as a `datasets.Dataset`, with a one-line error for unreadable files."""
    datasets = require("datasets", "reading NLI data files", "train")
    datasets.disable_progress_bars()
    datasets.logging.set_verbosity(datasets.logging.CRITICAL)  # its log lines would double the one-line error
    kind = DATA_SUFFIXES[path.suffix.lower()]
    options = {"delimiter": "\t"} if path.suffix.lower() == ".tsv" else {}
    try:
        return datasets.load_dataset(kind, data_files=str(path), split="train", **options)
    except Exception as error:  # datasets wraps the real cause (a pyarrow parse error...); name the file and it
        while type(error).__module__.startswith("datasets") and (error.__cause__ or error.__context__):
            error = error.__cause__ or error.__context__
        raise DataError(f"{path}: cannot read as {kind}: {str(error).splitlines()[0][:200]}") from None


def read_examples(path: Path) -> list[NLIExample]:
    """Read one labelled file into examples; rows with unknown labels or empty texts are skipped."""
    table = load_table(path)
    first, second = find_pair_columns(table.column_names, path)
    if "label" not in table.column_names:
        raise DataError(f"{path}: no 'label' column (columns found: {', '.join(table.column_names)})")
    default_source = path.name.split(".")[0]
    has_source = "source" in table.column_names
    examples = []
    for row in table:
        label = normalize_label(row["label"])
        premise, hypothesis = row[first], row[second]
        if label is None or not premise or not hypothesis:
            continue
        source = (row["source"] if has_source else None) or default_source
        examples.append(NLIExample(str(premise).strip(), str(hypothesis).strip(), label, str(source)))
    return examples


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


@lru_cache(maxsize=4096)
def _sentences_of(text: str) -> tuple[str, ...]:
    from ..claims.sentences import split_sentences

    return tuple(text[s:e] for s, e in split_sentences(text))


def select_evidence(premise: str, hypothesis: str, keep: int = EVIDENCE_SENTENCES) -> str:
    """Cut a long premise to the `keep` sentences sharing most content words with the hypothesis, in order."""
    if len(premise.split()) <= LONG_PREMISE_WORDS:
        return premise
    sentences = _sentences_of(premise)
    wanted = _content_words(hypothesis)
    ranked = sorted(range(len(sentences)), key=lambda i: (-len(wanted & _content_words(sentences[i])), i))
    chosen = sorted(ranked[:keep])
    return " ".join(sentences[i] for i in chosen)


def cap_examples(examples: Iterable[NLIExample], caps: dict[str, int] | None = None, seed: int = 0) -> list[NLIExample]:
    """Group by source set (sets in name order), sample each capped set down with `seed`."""
    caps = caps or {}
    rng = random.Random(seed)
    by_source: dict[str, list[NLIExample]] = {}
    for example in examples:
        by_source.setdefault(example.source, []).append(example)
    capped: list[NLIExample] = []
    for source in sorted(by_source):
        rows = by_source[source]
        cap = caps.get(source)
        capped.extend(rng.sample(rows, cap) if cap is not None and cap < len(rows) else rows)
    return capped


def load_examples(
    paths: Iterable[str | Path],
    caps: dict[str, int] | None = None,
    seed: int = 0,
) -> list[NLIExample]:
    """Load every data file under `paths`, cap each source set, and shorten article-length premises."""
    rows = (example for path in data_files(paths) for example in read_examples(path))
    return [
        NLIExample(select_evidence(row.premise, row.hypothesis), row.hypothesis, row.label, row.source)
        for row in cap_examples(rows, caps, seed)
    ]
