"""One renderer per output format; only the terminal renderer imports rich."""

from __future__ import annotations

from enum import Enum
from typing import TextIO

from ..records import Report


class Format(str, Enum):
    """Output formats of `check`."""

    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"


def render(report: Report, fmt: Format, out: TextIO, color: bool | None = None) -> None:
    """Write `report` to `out` in format `fmt`."""
    if fmt is Format.text:
        from .text import render_text

        render_text(report, out, color=color)
    elif fmt is Format.json:
        from .jsonout import render_json

        render_json(report, out)
    elif fmt is Format.csv:
        from .csvout import render_csv

        render_csv(report, out)
    elif fmt is Format.markdown:
        from .markdown import render_markdown

        render_markdown(report, out)
    elif fmt is Format.sarif:
        from .sarif import render_sarif

        render_sarif(report, out)
    else:
        from .junit import render_junit

        render_junit(report, out)
