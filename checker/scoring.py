"""Batch scoring of claim-pair files: stream rows in chunks, judge them, write every input column plus scores.

Each finished chunk is written as its own part file (atomically) beside the output, so a run killed at any
point resumes after the last complete chunk without scoring a row twice or losing one; the parts are joined
into the output (atomically) at the end. Memory stays bounded by the chunk size, whatever the file size.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
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
ROW_ERROR = "\x00error"  # a reading problem of the row, carried to score_chunk (no input column has this name)


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
    # a BOM is not part of the first column's name; a byte that is not UTF-8 marks its row, not the whole file
    handle = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    if kind in ("csv", "tsv"):
        csv.field_size_limit(2**31 - 1)  # the csv module stops a whole file at 128 KB; a long text is a row error
        reader = csv.DictReader(handle, delimiter="\t" if kind == "tsv" else ",")
        try:
            columns = [_clean(c) for c in reader.fieldnames or []]
        except csv.Error as error:
            raise DataError(f"{path}: cannot read as {kind}: {error}") from None
        reader.fieldnames = columns
        return columns, _chunks(_checked(reader), chunk_size, path, handle)
    first = handle.readline()
    try:
        record = json.loads(first) if first.strip() else {}
        columns = list(record) if isinstance(record, dict) else []
    except json.JSONDecodeError:
        raise DataError(f"{path}:1: invalid JSON line") from None
    handle.seek(0)
    return columns, _chunks(_json_rows(handle), chunk_size, path, handle)


MAX_FIELD_CHARS = 1_000_000
_ENCODING_ERROR = re.compile(r"[\udc80-\udcff]")


def _clean(text: str) -> str:
    return _ENCODING_ERROR.sub("\ufffd", text)


def _checked(rows: Iterable[dict]) -> Iterator[dict]:
    """Rows with their problem (an undecodable byte, an over-long text) in `error`, every value printable."""
    for row in rows:
        problems = []
        for key, value in row.items():
            if isinstance(value, str) and _ENCODING_ERROR.search(value):
                problems.append(f"column {key}: not UTF-8 text")
                row[key] = _clean(value)
            elif isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                problems.append(f"column {key}: text over {MAX_FIELD_CHARS:,} characters")
                row[key] = value[:MAX_FIELD_CHARS]
        if None in row:  # more fields than the header names
            row.pop(None)
            problems.append("more fields than columns")
        yield {**row, ROW_ERROR: "; ".join(problems)} if problems else row


def _json_rows(handle) -> Iterator[dict]:
    """One row per non-empty JSON line; a line that is not a JSON object is a row with only its error."""
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            yield {ROW_ERROR: f"line {number}: invalid JSON"}
            continue
        if not isinstance(record, dict):
            yield {ROW_ERROR: f"line {number}: a JSON {type(record).__name__}, not an object"}
            continue
        yield from _checked([record])


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
    except csv.Error as error:  # a quote never closed: the rest of the file is one field
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
        problem = row.pop(ROW_ERROR, None)
        if problem is None and (not isinstance(a, str) or not a.strip() or not isinstance(b, str) or not b.strip()):
            problem = f"missing text in column {first if not isinstance(a, str) or not a.strip() else second}"
        if problem is not None:
            row.update({c: None for c in SCORE_COLUMNS})
            row["error"] = problem
            note(f"row {start_row + offset + 1}: {problem}")
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

        def tables():
            for part in parts:
                yield pa.Table.from_pylist([json.loads(line) for line in part.open(encoding="utf-8")])

        # one schema for all parts: a column empty in the first part (null) and text later is text
        empty = pa.schema([(c, pa.string()) for c in columns])
        schemas = [t.schema for t in tables()]
        schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else empty
        with pq.ParquetWriter(temporary, schema) as writer:
            for table in tables():
                writer.write_table(table.cast(schema))
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
    engine: Engine | None = None,
) -> ScoreStats:
    """Score every row of `source` into `output` (format from its suffix); chunks are scored here, one after
    another, or by `engine` (Ray's workers): reading, parts, resuming and the output are the same either way."""
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
    settings = {
        "source": str(source.resolve()),
        "source_size": source.stat().st_size,
        "chunk_size": chunk_size,
        "columns": [first, second],
        "both_directions": both_directions,
        "model": getattr(info, "name", None),
    }
    saved = parts_dir / "meta.json"
    if done_parts and saved.exists():
        before = json.loads(saved.read_text(encoding="utf-8"))
        changed = sorted(k for k in settings if before.get(k) != settings[k])
        if changed:  # the parts done would not fit the rest: rows lost or scored twice
            raise DataError(
                f"{output}: cannot resume: {', '.join(changed)} differ from the interrupted run",
                hint="run again with the same settings, or without --resume to start over",
            )
    saved.write_text(json.dumps(settings))
    counts = {"rows": 0}

    def jobs() -> Iterator[Job]:
        for index, chunk in enumerate(chunks):
            start_row = counts["rows"]
            counts["rows"] += len(chunk)
            if parts_dir / f"part-{index:08d}.jsonl" in done_parts:  # resumed: finished before the interruption
                advance(len(chunk))
                continue
            yield Job(index, start_row, chunk)

    settled = Settings(first, second, both_directions)
    run = engine or (lambda todo, how: local_engine(judge, decision, todo, how))
    scored = errors = 0
    for done in run(jobs(), settled):
        for message in done.errors[:20]:
            note(message)
        _write_part(done.rows, out_columns, parts_dir / f"part-{done.index:08d}.jsonl")
        errors += len(done.errors)
        scored += len(done.rows) - len(done.errors)
        advance(len(done.rows))
    _join_parts(sorted(parts_dir.glob("part-*.jsonl")), out_columns, output)
    shutil.rmtree(parts_dir, ignore_errors=True)
    return ScoreStats(rows=counts["rows"], scored=scored, errors=errors, resumed_from=len(done_parts) * chunk_size)


@dataclass(frozen=True)
class Job:
    """One chunk of rows to score: its place in the file (`index` names its part) and its first row's number."""

    index: int
    start_row: int
    rows: list[dict]


@dataclass(frozen=True)
class Settings:
    """How every chunk of a run is scored: the text columns, and whether both directions are judged."""

    first: str
    second: str
    both_directions: bool


@dataclass(frozen=True)
class Done:
    """A scored chunk: its rows with scores (or an `error`) and the problems found in them."""

    index: int
    rows: list[dict]
    errors: list[str]


# an engine scores the jobs it is given and yields them back scored, in any order (each names its part)
Engine = Callable[[Iterator[Job], Settings], Iterable[Done]]


def local_engine(judge: Judge, decision: Decision | None, jobs: Iterable[Job], settings: Settings) -> Iterator[Done]:
    """Score each chunk in this process, one after another."""
    for job in jobs:
        yield run_job(judge, decision, job, settings)


def run_job(judge: Judge, decision: Decision | None, job: Job, settings: Settings) -> Done:
    """One chunk scored: what every engine runs, wherever it runs."""
    errors: list[str] = []
    rows = score_chunk(
        judge,
        job.rows,
        settings.first,
        settings.second,
        settings.both_directions,
        job.start_row,
        errors.append,
        decision,
    )
    return Done(job.index, rows, errors)
