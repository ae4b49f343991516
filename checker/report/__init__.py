"""One renderer per output format; only the terminal renderer imports rich."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TextIO

from ..records import Claim, Finding, Report


class Format(str, Enum):
    """Output formats of `check`."""

    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"
    html = "html"


@dataclass(frozen=True)
class View:
    """How much of a report the text view shows: its width in columns (None: the console's own), the top N
    findings of each relation (None: all contradictions and updates, 15 agreements), or only the summary."""

    width: int | None = None
    top: int | None = None
    summary_only: bool = False


def render(report: Report, fmt: Format, out: TextIO, color: bool | None = None, view: View = View()) -> None:
    """Write `report` to `out` in format `fmt`; the machine formats (json, csv, sarif, junit) always hold all."""
    if fmt is Format.text:
        from .text import render_text

        render_text(report, out, color=color, width=view.width, top=view.top, summary_only=view.summary_only)
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
    elif fmt is Format.html:
        from .html import render_html

        render_html(report, out)
    else:
        from .junit import render_junit

        render_junit(report, out)


def repeated_together(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Findings between the same two claim texts (one id) in several pairs of articles, grouped in report order.

    Wire copy repeats sentences across outlets: on the 1,683 real news articles 1,131 contradictions are 916
    distinct pairs of claims (one pair 15 times). A reader wants each conflict once, with every place it is made."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.id, []).append(finding)
    return list(groups.values())


def places(group: Sequence[Finding], shown: int = 5) -> str:
    """Where the later findings of a group are: "doc:line <-> doc:line", sides in the first finding's order."""
    first = group[0].pair.a.text
    sides: list[tuple[Claim, Claim]] = [
        (f.pair.a, f.pair.b) if f.pair.a.text == first else (f.pair.b, f.pair.a) for f in group[1:]
    ]
    listed = [f"{a.document_id}:{a.line} <-> {b.document_id}:{b.line}" for a, b in sides[:shown]]
    more = f" and {len(sides) - shown} more" if len(sides) > shown else ""
    return "; ".join(listed) + more


def heading_count(findings: Sequence[Finding], groups: Sequence[Sequence[Finding]]) -> str:
    """ "8", or where claim pairs repeat across articles "1131, 916 distinct pairs of claims"."""
    if len(groups) == len(findings):
        return str(len(findings))
    return f"{len(findings)}, {len(groups)} distinct {'pair' if len(groups) == 1 else 'pairs'} of claims"


def document_counts(report: Report) -> dict[str, dict[str, int]]:
    """Per document: its claims and how many are corroborated, contradicted, mixed (both) or novel; these four
    add up to the claims."""
    counts = {
        d.id: dict.fromkeys(("claims", "corroborated", "contradicted", "mixed", "novel"), 0) for d in report.documents
    }
    for claim in report.claims:
        row = counts[claim.document_id]
        row["claims"] += 1
        row[report.claim_status[claim.id]] += 1
    return counts


def score_label(finding: Finding) -> str:
    """ "score 0.93", or for a finding the parsed facts settle "facts (model 0.12)": its score is then the model's
    own probability, which did not decide it."""
    if finding.basis == "facts":
        return f"facts (model {finding.score:.2f})"
    return f"score {finding.score:.2f}"
