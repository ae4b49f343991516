"""Atomic output: write to a temporary file beside the target, then rename, so no half-written file is left.

A special file (/dev/null, /dev/stdout, a pipe) is written through, never replaced by a regular file; a symlink
stays a symlink (its target is replaced); a path that cannot be written is one OutputError naming it."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .errors import OutputError


@contextlib.contextmanager
def atomic_output(path: str | Path | None, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a text stream; on success it becomes `path` (stdout when path is None or '-')."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.exists() and not target.is_dir() and not target.resolve().is_file():  # a device or a pipe
        try:
            with open(target, "w", encoding="utf-8", newline=newline) as handle:
                yield handle
        except OSError as error:
            raise OutputError(f"{target}: cannot write: {error.strerror or error}") from None
        return
    target = target.resolve() if target.is_symlink() else target  # replace what the link points at, keep the link
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name for the output")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{target}: cannot write: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
