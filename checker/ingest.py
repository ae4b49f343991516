"""Read articles from files and folders: .txt/.md (seed header or front matter), .html, .json, .jsonl.

Every document keeps where its body starts in the source file, so claim spans and line numbers point
at the file a reader opens. Unreadable inputs raise InputError naming the file; unsupported files
inside folders are skipped with a note.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError, NoDocumentsError
from .records import Document, with_unique_ids

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_FILE_MB = 20.0

_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_MD_TITLE = re.compile(r"^\s*#\s+(.+?)\s*#*\s*$")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Note = Callable[[str], None]


def collect_files(paths: Iterable[str | Path], note: Note = lambda _: None) -> list[Path]:
    """Expand paths into supported files (folders recursively, in sorted order)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            if any(part.startswith(".") for part in candidate.relative_to(path).parts) if path.is_dir() else False:
                continue  # hidden files and folders (.git, .checker-cache)
            if candidate.suffix.lower() in SUPPORTED and candidate.name.lower() != "readme.md":
                files.append(candidate)
            elif candidate.name.lower() != "readme.md":
                note(f"skipped {candidate}: not a supported article format ({', '.join(sorted(SUPPORTED))})")
    return files


def read_text(path: Path, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> str:
    """Read a file as UTF-8 text, refusing binary, non-UTF-8, empty and oversized files."""
    try:
        size = path.stat().st_size
        if size > max_file_mb * 1024 * 1024:
            raise InputError(
                f"{path}: file is {size / 1024 / 1024:.1f} MB, over the {max_file_mb:g} MB limit",
                hint="split it, or raise --max-file-mb",
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})",
            hint="convert it with iconv -t UTF-8",
        ) from None
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def load_documents(
    paths: Iterable[str | Path], note: Note = lambda _: None, max_file_mb: float = DEFAULT_MAX_FILE_MB
) -> list[Document]:
    """Read every article under `paths`; ids are unique file stems (or the JSON `id`)."""
    documents: list[Document] = []
    for path in collect_files(paths, note):
        text = read_text(path, max_file_mb)
        suffix = path.suffix.lower()
        if suffix in HTML_SUFFIXES:
            documents.append(parse_html(path, text))
        elif suffix in JSON_SUFFIXES:
            documents.extend(parse_json(path, text))
        else:
            documents.append(parse_text(path, text))
    if not documents:
        raise NoDocumentsError(f"{', '.join(str(p) for p in paths) or '(no paths)'}: no articles found")
    return with_unique_ids(documents, "~")


def parse_text(path: Path, text: str) -> Document:
    """A .txt/.md article: seed header line, Markdown front matter, or a leading '# Title'."""
    title, date, offset, title_line = "", None, 0, 1
    front = _FRONT_MATTER.match(text)
    first_line = text.split("\n", 1)[0]
    if front:
        fields = _front_matter_fields(front.group(1))
        title, date, offset = fields.get("title", ""), _normalise_date(fields.get("date")), front.end()
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


def _normalise_date(raw: object) -> str | None:
    if not raw:
        return None
    match = _DATE.search(str(raw))
    return match.group(0) if match else str(raw)


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
                date=_normalise_date(record.get("date")),
                text=record["text"],
                url=record.get("url"),
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


def parse_html(path: Path, text: str) -> Document:
    """The article text of an HTML page: no scripts, styles, navigation, headers, footers or forms."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    title_node = tree.css_first("h1") or tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node else ""
    date = None
    for selector, attribute in (
        ('meta[property="article:published_time"]', "content"),
        ('meta[name="date"]', "content"),
        ("time[datetime]", "datetime"),
    ):
        node = tree.css_first(selector)
        if node and node.attributes.get(attribute):
            date = _normalise_date(node.attributes[attribute])
            break
    tree.strip_tags(
        [
            "script",
            "style",
            "noscript",
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "iframe",
            "svg",
            "button",
            "template",
        ]
    )
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    blocks = []
    for node in root.css("p, li, blockquote, h2, h3, h4") if root else []:
        words = " ".join(node.text(deep=True).split())
        if words and not (node.tag in ("h2", "h3", "h4") and words == title):
            blocks.append(words)
    if not blocks and root is not None:
        blocks = [" ".join(root.text(separator=" ").split())]
    body = "\n\n".join(b for b in blocks if b)
    if not body.strip():
        raise InputError(f"{path}: no article text in the HTML page")
    title_at = re.search(rf"<{title_node.tag}\b", text, re.I) if title_node else None
    return Document(
        id=path.stem,
        path=str(path),
        title=title,
        date=date,
        text=body,
        source_lines=_source_lines(text, blocks),
        title_line=text.count("\n", 0, title_at.start()) + 1 if title_at else 1,
    )


def _source_lines(html: str, blocks: list[str]) -> tuple[int, ...]:
    """For each line of the extracted body, the HTML line where its paragraph starts (found by its first words)."""
    lines: list[int] = []
    cursor = 0
    for block in blocks:
        words = block.split()[:4]
        pattern = r"\W+(?:<[^>]*>\W*)*".join(re.escape(w) for w in words)
        found = re.compile(pattern).search(html, cursor) if words else None
        position = found.start() if found else cursor
        cursor = found.end() if found else cursor
        lines.extend([html.count("\n", 0, position) + 1] * 2)  # the block's line and the blank line after it
    return tuple(lines)
