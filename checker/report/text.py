"""The terminal report (rich): summary, contradictions side by side, agreements, novelty per article."""

from __future__ import annotations

from typing import TextIO

from ..records import Claim, Document, Finding, Report
from . import document_counts, heading_count, places, repeated_together, score_label

MAX_AGREEMENTS = 15


def _who(claim: Claim) -> str:
    return f"{claim.attribution.speaker} ({claim.attribution.cue})" if claim.attribution else "the article"


def render_text(
    report: Report,
    out: TextIO,
    color: bool | None = None,
    width: int | None = None,
    top: int | None = None,
    summary_only: bool = False,
) -> None:
    """The report for a terminal: `width` columns (default: the console's own width, 80 where it has none), at
    most `top` findings of each relation (default: all contradictions and updates, 15 agreements), and with
    `summary_only` no findings or claims, just the counts."""
    from rich import box
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=color,
        no_color=color is False,
        width=width,
        highlight=False,
        soft_wrap=False,
    )
    documents = {d.id: d for d in report.documents}
    summary = (
        f"{len(report.documents)} documents, {len(report.claims)} claims, "
        f"{report.pairs_scored} of {report.pairs_considered} pairs compared | "
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
    for problem in report.unreadable:
        console.print(Text(f"Not checked: {problem}", style="bold red"))

    table = Table(title="Documents", box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    columns = ("claims", "corroborated", "contradicted", "mixed", "novel")
    with_titles = console.width >= 120  # the counts first, then dates and titles where the width leaves room
    # under 100 columns the dates go (each finding shows its articles' dates), so ids fold less ("001_pyongyang_co /
    # nfirms" at 80 columns)
    with_dates = console.width >= 100
    table.add_column("document", overflow="fold")
    if with_dates:
        table.add_column("date", no_wrap=True)
    if with_titles:
        # one line each, cut to what the document, date and counts leave
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=console.width - 90)
    for column in columns:
        table.add_column(column, justify="right", no_wrap=True)
    counts = document_counts(report)
    for document in report.documents:
        title = (Text(document.title or "-"),) if with_titles else ()
        table.add_row(  # Text, not str: rich would read "[...]" in a title as markup and drop it
            Text(document.id),
            *((Text(document.date or "-"),) if with_dates else ()),
            *title,
            *(str(counts[document.id][c]) for c in columns),
        )
    console.print(table)
    console.print(
        Text(
            "corroborated: another article agrees; contradicted: another article conflicts; mixed: both; "
            "novel: no other article says it or its opposite. Score: see README (what a score means).",
            style="dim",
        )
    )
    if summary_only:
        return

    for relation, heading, colour, limit in (
        ("contradiction", "Contradictions", "red", top),
        ("update", "Updates", "yellow", top),
        ("agreement", "Agreements", "green", MAX_AGREEMENTS if top is None else top),
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
            console.print(
                Text(f"  ... and {len(groups) - limit} more (--top N shows more; --format json lists all)", style="dim")
            )

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
    return f"{finding.relation} [{finding.kind}{detail}] {score_label(finding)}"


def _pair_text(finding: Finding, documents: dict[str, Document]) -> str:
    lines = []
    for label, claim in (("A", finding.pair.a), ("B", finding.pair.b)):
        document = documents.get(claim.document_id)
        date = f", {document.date}" if document and document.date else ""
        lines.append(f"{label}: {claim.text}")
        lines.append(f"   {claim.document_id}{date}, line {claim.line} — {_who(claim)}")
    lines.append(f"id {finding.id}")  # in the body, whole at any width: what a baseline file lists to accept it
    return "\n".join(lines)
