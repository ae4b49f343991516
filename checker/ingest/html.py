"""HTML articles: the title, date and paragraphs of the page, with each line mapped back to its source line."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..records import Document
from .text import normalise_date


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
            date = normalise_date(node.attributes[attribute])
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
