"""The JSON report: schema `checker.report/1`, a stable contract for other tools."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
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
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _parts(report)}


def _parts(report: Report) -> Iterator[tuple[str, object]]:
    """The report's top-level keys in order; documents and findings as iterators, one item at a time."""
    claims_by_doc: dict[str, list[Claim]] = {}
    for claim in report.claims:
        claims_by_doc.setdefault(claim.document_id, []).append(claim)
    yield "schema", SCHEMA
    yield (
        "model",
        {
            "name": report.model.name,
            "backend": report.model.backend,
            "path": report.model.path,
            **report.model.extra,
            **({"thresholds": report.thresholds} if report.thresholds else {}),
            "decision": report.decision,
        },
    )
    yield (
        "summary",
        {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "pairs_considered": report.pairs_considered,
            "pairs_scored": report.pairs_scored,
            "contradictions": report.count("contradiction"),
            "agreements": report.count("agreement"),
            "novel_claims": sum(1 for s in report.claim_status.values() if s == "novel"),
            "suppressed": report.suppressed,
        },
    )
    yield (
        "documents",
        (
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "date": d.date,
                "url": d.url,
                "claims": [_claim(c, report) for c in claims_by_doc.get(d.id, [])],
            }
            for d in report.documents
        ),
    )
    yield "findings", (finding_dict(f) for f in report.findings)
    yield "notes", list(report.notes)
    yield "unreadable", list(report.unreadable)


def _claim(c: Claim, report: Report) -> dict:
    return {
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


PRETTY_LIMIT = 2000  # findings; above this the report is written compact (C encoder, ~10x faster)


def render_json(report: Report, out: TextIO) -> None:
    if len(report.findings) <= PRETTY_LIMIT:
        out.write(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
        out.write("\n")
        return
    # compact, and written a document and a finding at a time: the same bytes as json.dumps of report_dict, without
    # the whole report held twice more, as a dict and as one string (the full news corpus: 43,000 findings)
    out.write("{")
    for number, (key, value) in enumerate(_parts(report)):
        out.write(f"{', ' if number else ''}{json.dumps(key)}: ")
        if isinstance(value, Iterator):
            out.write("[")
            for index, item in enumerate(value):
                out.write(f"{', ' if index else ''}{json.dumps(item, ensure_ascii=False)}")
            out.write("]")
        else:
            out.write(json.dumps(value, ensure_ascii=False))
    out.write("}\n")
