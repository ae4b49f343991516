"""The article-body CSV of real news (../shared/data/news: columns `Body ID`, `articleBody`), read by the training
data generators (`checker contrast`, `checker story-pairs`)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from ..errors import DataError


def article_bodies(csv_path: str | Path, skip: int = 0) -> Iterator[tuple[str, str]]:
    """(id, body) of each article of an article-body CSV (columns `Body ID`, `articleBody`), after the first
    `skip` rows (keep apart the articles a benchmark reads: bench/bench_check.py reads the first ones)."""
    csv.field_size_limit(1 << 26)
    try:
        with open(csv_path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if "articleBody" not in (reader.fieldnames or ()):
                raise DataError(
                    f"{csv_path}: no articleBody column (columns found: {', '.join(reader.fieldnames or ())})"
                )
            for index, row in enumerate(reader):
                body = (row.get("articleBody") or "").strip()
                if index >= skip and body:
                    yield str(row.get("Body ID") or index), body
    except FileNotFoundError:
        raise DataError(f"{csv_path}: no such file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{csv_path}: cannot read it as a UTF-8 CSV ({error})") from None
