"""Read articles from files and folders: .txt/.md (seed header or front matter), .html, .json, .jsonl.

Every document keeps where its body starts in the source file, so claim spans and line numbers point
at the file a reader opens. Unreadable inputs raise InputError naming the file; unsupported files
inside folders are skipped with a note.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from ..errors import InputError, NoDocumentsError
from ..records import Document, with_unique_ids
from .html import parse_html
from .jsonl import parse_json
from .text import parse_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_FILE_MB = 20.0


Note = Callable[[str], None]


def collect_files(paths: Iterable[str | Path], note: Note = lambda _: None) -> list[Path]:
    """Expand paths into supported files (folders recursively, in sorted order)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        root = path.resolve() if path.is_dir() else None
        for candidate in candidates:
            if any(part.startswith(".") for part in candidate.relative_to(path).parts) if path.is_dir() else False:
                continue  # hidden files and folders (.git, .checker-cache)
            if root is not None and not candidate.resolve().is_relative_to(root):
                note(f"skipped {candidate}: a link to a file outside {path}")
                continue
            if candidate.suffix.lower() in SUPPORTED and candidate.name.lower() != "readme.md":
                files.append(candidate)
            elif candidate.name.lower() != "readme.md":
                note(f"skipped {candidate}: not a supported article format ({', '.join(sorted(SUPPORTED))})")
    return files


def read_text(path: Path, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> str:
    """Read a file as UTF-8 text, refusing binary, non-UTF-8, empty and oversized files."""
    limit = int(max_file_mb * 1024 * 1024)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe would block, a device (/dev/zero) never end
            raise InputError(f"{path}: not a regular file")
        if info.st_size > limit:
            raise InputError(
                f"{path}: file is {info.st_size / 1024 / 1024:.1f} MB, over the {max_file_mb:g} MB limit",
                hint="split it, or raise --max-file-mb",
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grows while read stops at the limit too
        if len(data) > limit:
            raise InputError(f"{path}: file grew past the {max_file_mb:g} MB limit while read")
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
    paths: Iterable[str | Path],
    note: Note = lambda _: None,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    unreadable: list[InputError] | None = None,
) -> list[Document]:
    """Read every article under `paths`; ids are unique file stems (or the JSON `id`). A file that cannot be read
    raises its error, or with `unreadable` given is added to it and skipped, so one bad file does not stop a run."""
    paths = list(paths)
    documents: list[Document] = []
    for path in collect_files(paths, note):
        try:
            documents.extend(_read_document(path, max_file_mb))
        except InputError as error:
            if unreadable is None:
                raise
            unreadable.append(error)
    documents = [prepared(d) for d in documents]
    if not documents:
        if unreadable:
            raise (
                unreadable[0]
                if len(unreadable) == 1
                else NoDocumentsError(
                    f"no readable articles: {len(unreadable)} files could not be read, the first {unreadable[0]}"
                )
            )
        raise NoDocumentsError(f"{', '.join(str(p) for p in paths) or '(no paths)'}: no articles found")
    return with_unique_ids(documents, "~")


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _printable(document: Document) -> Document:
    """Lone surrogates (a JSON "\\ud800", an undecodable byte in a file name) as U+FFFD: they cannot be encoded,
    so they would crash the cache's digest and every report."""
    fields = {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "date": document.date,
        "text": document.text,
        "url": document.url,
    }
    if not any(isinstance(v, str) and _LONE_SURROGATE.search(v) for v in fields.values()):
        return document
    return replace(
        document, **{k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in fields.items()}
    )


# A document is checked on its first MAX_SENTENCES sentences (line breaks and sentence ends, counted cheaply) and
# at most MAX_CHARS characters, so the claim stage and pairing take bounded time whatever the file holds: a news
# article has a few hundred sentences (the 1,683 real bodies: at most 364) and tens of thousands of characters;
# 100,000 one-line bullets would otherwise be 100,000 claims, and a 5 MB sentence a minute of segmenting.
MAX_SENTENCES = 1000
MAX_CHARS = 500_000
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s|\n")


def _bounded(document: Document) -> Document:
    """The document cut to the reading limits; `full_length` says how long it was (the report notes it)."""
    cut = len(document.text)
    for count, end in enumerate(_SENTENCE_END.finditer(document.text, 0, MAX_CHARS), 1):
        if count == MAX_SENTENCES:
            cut = end.end()
            break
    else:
        if cut > MAX_CHARS:
            space = document.text.rfind(" ", 0, MAX_CHARS)
            cut = space if space > MAX_CHARS // 2 else MAX_CHARS
    if not document.text[cut:].strip():
        return document
    return replace(document, text=document.text[:cut], full_length=len(document.text))


def prepared(document: Document) -> Document:
    """A document as every reader leaves it, and as `check` takes one given directly: printable, within limits."""
    return _bounded(_printable(document))


def _read_document(path: Path, max_file_mb: float) -> list[Document]:
    text = read_text(path, max_file_mb)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [parse_html(path, text)]
    if suffix in JSON_SUFFIXES:
        return parse_json(path, text)
    return [parse_text(path, text)]
