"""Plain-text articles (.txt, .md): a seed header ("date YYYY-MM-DD Title"), YAML-like front matter or a Markdown
title, then the body."""

from __future__ import annotations

import re
from pathlib import Path

from ..records import Document

_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*?)\s*$")


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


_MD_TITLE = re.compile(r"^\s*#\s+(.+?)\s*#*\s*$")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_text(path: Path, text: str) -> Document:
    """A .txt/.md article: seed header line, Markdown front matter, or a leading '# Title'."""
    title, date, offset, title_line = "", None, 0, 1
    front = _FRONT_MATTER.match(text)
    first_line = text.split("\n", 1)[0]
    if front:
        fields = _front_matter_fields(front.group(1))
        title, date, offset = fields.get("title", ""), normalise_date(fields.get("date")), front.end()
        title_line = 1 + next(
            (n for n, line in enumerate(text[:offset].splitlines()) if line.lower().startswith("title:")), 0
        )
    elif header := _SEED_HEADER.match(first_line):
        date, title, offset = header.group(1), header.group(2), len(first_line) + 1
    elif heading := _MD_TITLE.match(first_line):
        title, offset = heading.group(1), len(first_line) + 1
    body = text[offset:]
    return Document(
        id=path.stem,
        path=str(path),
        title=title,
        date=date,
        text=body,
        body_offset=offset,
        line_offset=text[:offset].count("\n"),
        title_line=title_line,
    )


def _front_matter_fields(block: str) -> dict[str, str]:
    fields = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields


def normalise_date(raw: object) -> str | None:
    if not raw:
        return None
    match = _DATE.search(str(raw))
    return match.group(0) if match else str(raw)
