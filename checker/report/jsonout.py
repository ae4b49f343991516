"""The JSON report: schema `checker.report/1`, a stable contract for other tools."""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from typing import TextIO

from ..records import Claim, Finding, Report

SCHEMA = "checker.report/1"


def _side(claim: Claim) -> dict:
    return {
        "document": claim.document_id,
        "claim": claim.id,
        "text": claim.text,
        "line": claim.line,
        "attribution": _attribution(claim),
    }


def _facts(claim: Claim) -> dict | None:
    """The claim's parsed facts; an open interval's missing end ("more than 3,000") is null."""
    if claim.facts is None:
        return None
    facts = asdict(claim.facts)
    for amount in facts["amounts"]:
        amount["high"] = None if math.isinf(amount["high"]) else amount["high"]
    return facts


def _attribution(claim: Claim) -> dict | None:
    if claim.attribution is None:
        return None
    return {"speaker": claim.attribution.speaker, "cue": claim.attribution.cue}


def finding_dict(finding: Finding) -> dict:
    """One finding as the JSON contract spells it."""
    return {
        "id": finding.id,
        "relation": finding.relation,
        "kind": finding.kind,
        "score": finding.score,
        "basis": finding.basis,
        "detail": finding.detail,
        "a": _side(finding.pair.a),
        "b": _side(finding.pair.b),
        "probabilities": {k: round(v, 4) for k, v in finding.probabilities().items()},
    }


def report_dict(report: Report) -> dict:
    """The whole report as plain data."""
    claims_by_doc: dict[str, list[Claim]] = {}
    for claim in report.claims:
        claims_by_doc.setdefault(claim.document_id, []).append(claim)
    return {
        "schema": SCHEMA,
        "model": {
            "name": report.model.name,
            "backend": report.model.backend,
            "path": report.model.path,
            **report.model.extra,
            **({"thresholds": report.thresholds} if report.thresholds else {}),
            "decision": report.decision,
        },
        "summary": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "pairs_considered": report.pairs_considered,
            "pairs_scored": report.pairs_scored,
            "contradictions": report.count("contradiction"),
            "agreements": report.count("agreement"),
            "novel_claims": sum(1 for s in report.claim_status.values() if s == "novel"),
            "suppressed": report.suppressed,
        },
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "date": d.date,
                "url": d.url,
                "claims": [
                    {
                        "id": c.id,
                        "text": c.text,
                        "sentence": c.sentence,
                        "start": c.start,
                        "end": c.end,
                        "line": c.line,
                        "attribution": _attribution(c),
                        "status": report.claim_status[c.id],
                        "corroborated_by": report.support[c.id][0],
                        "disputed_by": report.support[c.id][1],
                        "title": c.is_title,
                        "facts": _facts(c),
                    }
                    for c in claims_by_doc.get(d.id, [])
                ],
            }
            for d in report.documents
        ],
        "findings": [finding_dict(f) for f in report.findings],
        "notes": list(report.notes),
        "unreadable": list(report.unreadable),
    }


PRETTY_LIMIT = 2000  # findings; above this the report is written compact (C encoder, ~10x faster)


def render_json(report: Report, out: TextIO) -> None:
    data = report_dict(report)
    indent = 2 if len(report.findings) <= PRETTY_LIMIT else None
    out.write(json.dumps(data, ensure_ascii=False, indent=indent))
    out.write("\n")
