"""A Markdown report for pull requests and newsroom wikis."""

from __future__ import annotations

from typing import TextIO

from ..records import Claim, Report
from . import heading_count, places, repeated_together, score_label


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _side(claim: Claim) -> str:
    who = f" — {claim.attribution.speaker}" if claim.attribution else ""
    return f"{_cell(claim.text)} ({claim.document_id}:{claim.line}{_cell(who)})"


def render_markdown(report: Report, out: TextIO) -> None:
    w = out.write
    w("# Consistency report\n\n")
    w(
        f"Model: `{report.model.name}` · {len(report.documents)} documents · {len(report.claims)} claims · "
        f"{report.pairs_scored} of {report.pairs_considered} pairs compared\n\n"
    )
    for note in report.notes:
        w(f"> {note}\n\n")
    for relation, heading in (("contradiction", "Contradictions"), ("update", "Updates"), ("agreement", "Agreements")):
        findings = [f for f in report.findings if f.relation == relation]
        groups = repeated_together(findings)
        w(f"## {heading} ({heading_count(findings, groups)})\n\n")
        if not findings:
            w("None.\n\n")
            continue
        w("| id | kind | score | claim A | claim B | also between |\n|---|---|---|---|---|---|\n")
        for group in groups:
            f = group[0]
            kind = f"{f.kind}: {_cell(f.detail)}" if f.detail else f.kind
            sides = f"{_side(f.pair.a)} | {_side(f.pair.b)}"
            w(f"| {f.id} | {kind} | {score_label(f)} | {sides} | {_cell(places(group))} |\n")
        w("\n")
    w("## Claims by article\n\n")
    for document in report.documents:
        w(f"### {document.id}{' — ' + _cell(document.title) if document.title else ''}\n\n")
        for claim in (c for c in report.claims if c.document_id == document.id):
            agree, dispute = report.support[claim.id]
            w(f"- **{report.claim_status[claim.id]}** (+{agree}/-{dispute}) line {claim.line}: {_side(claim)}\n")
        w("\n")
