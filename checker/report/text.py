"""The terminal report (rich): summary, contradictions side by side, agreements, novelty per article."""

from __future__ import annotations

from typing import TextIO

from ..records import Claim, Document, Finding, Report
from . import heading_count, places, repeated_together

MAX_AGREEMENTS = 15


def _who(claim: Claim) -> str:
    return f"{claim.attribution.speaker} ({claim.attribution.cue})" if claim.attribution else "the article"


def render_text(report: Report, out: TextIO, color: bool | None = None) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=color,
        no_color=color is False,
        width=None if color else 110,
        highlight=False,
        soft_wrap=False,
    )
    documents = {d.id: d for d in report.documents}
    summary = (
        f"{len(report.documents)} documents, {len(report.claims)} claims, "
        f"{report.pairs_scored} of {report.pairs_considered} pairs scored | "
        f"{report.count('contradiction')} contradictions, {report.count('update')} updates, "
        f"{report.count('agreement')} agreements, "
        f"{sum(1 for s in report.claim_status.values() if s == 'novel')} novel claims"
    )
    if report.suppressed:
        summary += f" | {report.suppressed} suppressed by baseline"
    console.print(Text("Consistency report", style="bold"), Text(f"  model: {report.model.name}", style="dim"))
    console.print(summary)
    for note in report.notes:
        console.print(Text(note, style="dim"))

    table = Table(title="Documents", show_lines=False, expand=False)
    for column in ("document", "date", "title", "claims", "corroborated", "contradicted", "novel"):
        table.add_column(column, overflow="fold")
    for document in report.documents:
        statuses = [report.claim_status[c.id] for c in report.claims if c.document_id == document.id]
        table.add_row(  # Text, not str: rich would read "[...]" in a title as markup and drop it
            Text(document.id),
            document.date or "-",
            Text(document.title or "-"),
            str(len(statuses)),
            str(statuses.count("corroborated") + statuses.count("mixed")),
            str(statuses.count("contradicted") + statuses.count("mixed")),
            str(statuses.count("novel")),
        )
    console.print(table)

    for relation, heading, colour, limit in (
        ("contradiction", "Contradictions", "red", None),
        ("update", "Updates", "yellow", None),
        ("agreement", "Agreements", "green", MAX_AGREEMENTS),
    ):
        findings = [f for f in report.findings if f.relation == relation]
        groups = repeated_together(findings)
        console.print(Text(f"\n{heading} ({heading_count(findings, groups)})", style=f"bold {colour}"))
        if not findings:
            console.print("  none")
        for group in groups[:limit]:
            body = _pair_text(group[0], documents)
            if len(group) > 1:
                more = "1 more pair" if len(group) == 2 else f"{len(group) - 1} more pairs"
                body += f"\nalso between {more} of articles: {places(group)}"
            # Text, not str: rich reads "[negation]" or a claim's "[sic]" as markup and drops it
            panel = Panel(
                Text(body), title=Text(_title(group[0])), title_align="left", border_style=colour, expand=True
            )
            console.print(panel)
        if limit is not None and len(groups) > limit:
            console.print(Text(f"  ... and {len(groups) - limit} more (--format json lists all)", style="dim"))

    console.print(Text("\nClaims by article", style="bold"))
    for document in report.documents:
        claims = [c for c in report.claims if c.document_id == document.id]
        console.print(Text(f"{document.id}  {document.title or ''}", style="bold cyan"))
        for claim in claims:
            status = report.claim_status[claim.id]
            agree, dispute = report.support[claim.id]
            style = {"novel": "yellow", "corroborated": "green", "contradicted": "red", "mixed": "magenta"}[status]
            tag = Text(f"  [{status}", style=style)
            tag.append(f" +{agree}/-{dispute}]" if status != "novel" else "]", style=style)
            tag.append(f" line {claim.line}: {claim.text}")
            if claim.attribution:
                tag.append(f"  — {_who(claim)}", style="dim")
            console.print(tag)


def _title(finding: Finding) -> str:
    detail = f": {finding.detail}" if finding.detail else ""
    return f"{finding.relation} [{finding.kind}{detail}] score {finding.score:.2f}  {finding.id}"


def _pair_text(finding: Finding, documents: dict[str, Document]) -> str:
    lines = []
    for label, claim in (("A", finding.pair.a), ("B", finding.pair.b)):
        document = documents.get(claim.document_id)
        date = f", {document.date}" if document and document.date else ""
        lines.append(f"{label}: {claim.text}")
        lines.append(f"   {claim.document_id}{date}, line {claim.line} — {_who(claim)}")
    return "\n".join(lines)
