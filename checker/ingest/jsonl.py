"""JSON and JSON Lines articles: one object (or one per line) with a text or body, and optional id, title, date
and url."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..records import Document
from .text import normalise_date


def parse_json(path: Path, text: str) -> list[Document]:
    """Objects with `text` (and optional id, title, date, url): a .jsonl line each, or a .json object/list."""
    records: list[tuple[int, object]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                records.append((number, _load_json(path, line, number)))
    else:
        loaded = _load_json(path, text, None)
        items = loaded if isinstance(loaded, list) else [loaded]
        records = [(index + 1, item) for index, item in enumerate(items)]
    documents = []
    for number, record in records:
        where = f"{path}:{number}" if path.suffix.lower() == ".jsonl" else f"{path} item {number}"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            raise InputError(f"{where}: expected an object with a non-empty 'text' field")
        identifier = str(record.get("id") or (path.stem if len(records) == 1 else f"{path.stem}-{number}"))
        documents.append(
            Document(
                id=identifier,
                path=str(path),
                title=str(record.get("title") or ""),
                date=normalise_date(record.get("date")),
                text=record["text"],
                url=record["url"] if isinstance(record.get("url"), str) else None,  # a link, or nothing
                line_offset=number - 1 if path.suffix == ".jsonl" else 0,
            )
        )
    return documents


def _load_json(path: Path, text: str, line: int | None) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"{path}:{line}" if line else f"{path}:{error.lineno}"
        raise InputError(f"{where}: invalid JSON: {error.msg}") from None
    except RecursionError:  # arrays or objects nested thousands deep: no article is
        raise InputError(f"{path}{f':{line}' if line else ''}: JSON nested too deeply") from None
