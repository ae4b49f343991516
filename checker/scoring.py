"""Batch scoring of claim-pair files: stream rows in chunks, judge them, write every input column plus scores.

Each finished chunk is written as its own part file (atomically) beside the output, so a run killed at any
point resumes after the last complete chunk without scoring a row twice or losing one; the parts are joined
into the output (atomically) at the end. Memory stays bounded by the chunk size, whatever the file size.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .compare.quantities import find_conflict
from .decision import Decision, decision_for
from .errors import DataError, require
from .fileio import atomic_output
from .judge import Judge
from .records import Claim, ClaimPair
from .relate import relate, thresholds_for

FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet"}
PAIR_COLUMNS = (
    ("premise", "hypothesis"),
    ("claim_a", "claim_b"),
    ("sentence1", "sentence2"),
    ("text_a", "text_b"),
)
SCORE_COLUMNS = ("label", "entailment", "neutral", "contradiction", "kind")


@dataclass(frozen=True)
class ScoreStats:
    """What a scoring run did."""

    rows: int
    scored: int
    errors: int
    resumed_from: int


def file_format(path: Path) -> str:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise DataError(f"{path}: unsupported file type (use {', '.join(sorted(FORMATS))})")
    return kind


def read_rows(path: Path, chunk_size: int) -> tuple[list[str], Iterator[list[dict]]]:
    """The file's columns and an iterator over chunks of rows (dicts), streamed."""
    kind = file_format(path)
    if not path.exists():
        raise DataError(f"{path}: no such file")
    if kind == "parquet":
        pq = require("pyarrow.parquet", "reading Parquet", "parquet")
        try:
            reader = pq.ParquetFile(path)
        except Exception as error:
            raise DataError(f"{path}: cannot read Parquet: {str(error).splitlines()[0][:200]}") from None
        columns = reader.schema_arrow.names
        return columns, (batch.to_pylist() for batch in reader.iter_batches(batch_size=chunk_size))
    if kind in ("csv", "tsv"):
        handle = path.open(encoding="utf-8", newline="")
        reader = csv.DictReader(handle, delimiter="\t" if kind == "tsv" else ",")
        try:
            columns = list(reader.fieldnames or [])
        except (UnicodeDecodeError, csv.Error) as error:
            raise DataError(f"{path}: cannot read as {kind}: {error}") from None
        return columns, _chunks(reader, chunk_size, path, handle)
    handle = path.open(encoding="utf-8")
    first = handle.readline()
    try:
        columns = list(json.loads(first)) if first.strip() else []
    except (json.JSONDecodeError, TypeError):
        raise DataError(f"{path}:1: invalid JSON line") from None
    handle.seek(0)
    rows = (json.loads(line) for line in handle if line.strip())
    return columns, _chunks(rows, chunk_size, path, handle)


def _chunks(rows, size: int, path: Path, handle) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    try:
        for row in rows:
            chunk.append(row)
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
    except (UnicodeDecodeError, csv.Error, json.JSONDecodeError) as error:
        raise DataError(f"{path}: cannot read: {error}") from None
    finally:
        handle.close()


def find_pair_columns(columns: Sequence[str], path: Path, explicit: tuple[str, str] | None = None) -> tuple[str, str]:
    """Pick the two text columns of a pair file."""
    if explicit:
        missing = [c for c in explicit if c not in columns]
        if missing:
            raise DataError(f"{path}: no column {', '.join(missing)} (columns found: {', '.join(columns) or 'none'})")
        return explicit
    for first, second in PAIR_COLUMNS:
        if first in columns and second in columns:
            return first, second
    raise DataError(
        f"{path}: no pair columns (want premise/hypothesis, claim_a/claim_b, sentence1/sentence2 or "
        f"text_a/text_b, or pass --columns A,B; columns found: {', '.join(columns) or 'none'})"
    )


def pick_columns(columns: list[str], path: Path, explicit: str | None) -> tuple[str, str]:
    """The two text columns: --columns A,B, or a known pair of names."""
    if not explicit:
        return find_pair_columns(columns, path)
    names = tuple(c.strip() for c in explicit.split(","))
    if len(names) != 2:
        raise DataError(f"--columns wants two names separated by a comma, not {explicit!r}")
    return find_pair_columns(columns, path, names)  # type: ignore[arg-type]


def _claim(text: str, side: str) -> Claim:
    return Claim(id=side, document_id=side, text=text, sentence=text, start=0, end=len(text), line=1)


def score_chunk(
    judge: Judge,
    rows: list[dict],
    first: str,
    second: str,
    both_directions: bool,
    start_row: int,
    note: Callable[[str], None],
    decision: Decision | None = None,
) -> list[dict]:
    """Score one chunk; rows with a missing text get an `error` value instead of scores. With both directions the
    relation is decided by `decision` (the model's learned decision), else by the hand-set rules."""
    valid = []
    for offset, row in enumerate(rows):
        a, b = row.get(first), row.get(second)
        if not isinstance(a, str) or not a.strip() or not isinstance(b, str) or not b.strip():
            column = first if not isinstance(a, str) or not a.strip() else second
            row.update({c: None for c in SCORE_COLUMNS})
            row["error"] = f"missing text in column {column}"
            note(f"row {start_row + offset + 1}: missing text in column {column}")
            if both_directions:
                row["relation"] = None
        else:
            valid.append((offset, a, b))
    pairs = [(a, b) for _, a, b in valid] + ([(b, a) for _, a, b in valid] if both_directions else [])
    judgements = judge.judge_batch(pairs) if pairs else []
    thresholds = thresholds_for(getattr(judge, "info", None), decision=decision)
    for position, (offset, a, b) in enumerate(valid):
        forward = judgements[position]
        conflict = find_conflict(a, b)
        row = rows[offset]
        row.update(
            {
                "label": forward.label,
                "entailment": round(forward.entailment, 6),
                "neutral": round(forward.neutral, 6),
                "contradiction": round(forward.contradiction, 6),
                "kind": conflict.kind if conflict else None,
                "error": None,
            }
        )
        if both_directions:
            backward = judgements[len(valid) + position]
            finding = relate(ClaimPair(_claim(a, "a"), _claim(b, "b")), forward, backward, thresholds, decision)
            row["relation"] = finding.relation if finding else "novelty"
    return rows


def _write_part(rows: list[dict], columns: list[str], path: Path) -> None:
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
    os.replace(temporary, path)


def _join_parts(parts: list[Path], columns: list[str], output: Path) -> None:
    kind = file_format(output)
    if kind == "parquet":
        pa = require("pyarrow", "writing Parquet", "parquet")
        pq = require("pyarrow.parquet", "writing Parquet", "parquet")
        temporary = output.with_name(f".{output.name}.tmp")
        writer = None
        try:
            for part in parts:
                rows = [json.loads(line) for line in part.open(encoding="utf-8")]
                table = pa.Table.from_pylist(rows)
                if writer is None:
                    writer = pq.ParquetWriter(temporary, table.schema)
                writer.write_table(table.cast(writer.schema))
        finally:
            if writer is not None:
                writer.close()
        os.replace(temporary, output)
        return
    with atomic_output(output, newline="") as out:
        if kind in ("csv", "tsv"):
            writer = csv.DictWriter(
                out, fieldnames=columns, delimiter="\t" if kind == "tsv" else ",", lineterminator="\n"
            )
            writer.writeheader()
            for part in parts:
                for line in part.open(encoding="utf-8"):
                    writer.writerow(json.loads(line))
        else:
            for part in parts:
                with part.open(encoding="utf-8") as handle:
                    shutil.copyfileobj(handle, out)


def score_file(
    source: str | Path,
    output: str | Path,
    judge: Judge,
    columns: str | None = None,
    both_directions: bool = False,
    chunk_size: int = 2048,
    resume: bool = False,
    note: Callable[[str], None] = lambda _: None,
    advance: Callable[[int], None] = lambda _: None,
) -> ScoreStats:
    """Score every row of `source` into `output` (format from its suffix)."""
    source, output = Path(source), Path(output)
    file_format(output)
    found, chunks = read_rows(source, chunk_size)
    first, second = pick_columns(found, source, columns)
    info = getattr(judge, "info", None)  # the model's learned decision, read once and only where it is used
    decision = decision_for(info) if both_directions and info is not None else None
    out_columns = found + [
        c for c in (*SCORE_COLUMNS, *(("relation",) if both_directions else ()), "error") if c not in found
    ]
    parts_dir = output.with_name(f".{output.name}.parts")
    if parts_dir.exists() and not resume:
        shutil.rmtree(parts_dir)
    parts_dir.mkdir(parents=True, exist_ok=True)
    done_parts = sorted(parts_dir.glob("part-*.jsonl"))
    (parts_dir / "meta.json").write_text(json.dumps({"source": str(source.resolve()), "chunk_size": chunk_size}))
    rows = scored = errors = 0
    for index, chunk in enumerate(chunks):
        part = parts_dir / f"part-{index:08d}.jsonl"
        if part in done_parts:  # resumed: this chunk was finished before the interruption
            rows += len(chunk)
            advance(len(chunk))
            continue
        chunk_errors = []
        scored_rows = score_chunk(judge, chunk, first, second, both_directions, rows, chunk_errors.append, decision)
        for message in chunk_errors[:20]:
            note(message)
        _write_part(scored_rows, out_columns, part)
        rows += len(chunk)
        errors += len(chunk_errors)
        scored += len(chunk) - len(chunk_errors)
        advance(len(chunk))
    _join_parts(sorted(parts_dir.glob("part-*.jsonl")), out_columns, output)
    shutil.rmtree(parts_dir, ignore_errors=True)
    return ScoreStats(rows=rows, scored=scored, errors=errors, resumed_from=len(done_parts) * chunk_size)
