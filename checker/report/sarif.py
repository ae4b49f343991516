"""SARIF 2.1.0: one result per contradiction, located at the file and line of each claim; rule id = kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..records import Claim, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "numeric": "Two claims give counts of the same thing that cannot both be right.",
    "money": "Two claims give sums of money for the same thing that cannot both be right.",
    "percent": "Two claims give percentages of the same thing that cannot both be right.",
    "quantity": "Two claims give measures (lengths, areas, weights...) of the same thing that cannot both be right.",
    "vote": "Two claims give different tallies of the same vote.",
    "score": "Two claims give different scores of the same contest.",
    "date": "Two claims date the same thing differently.",
    "location": "Two claims place the same thing where both cannot be.",
    "cause": "Two claims give different causes of the same event.",
    "role": "Two claims swap who did what to whom.",
    "confirmation": "One claim says a source confirmed what the other says was not confirmed.",
    "negation": "One claim negates what the other asserts.",
    "attribution": "Two sources make claims that contradict each other.",
    "nli": "The NLI model judges the two claims contradictory.",
}


def _uri(path: str) -> str:
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return candidate.resolve().as_uri()


def _location(claim: Claim, path: str) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path)},
            "region": {"startLine": claim.line, "snippet": {"text": claim.sentence}},
        },
        "message": {"text": claim.text},
    }


def sarif_dict(report: Report) -> dict:
    paths = {d.id: d.path for d in report.documents}
    results = []
    for finding in report.findings:
        if finding.relation != "contradiction":
            continue
        a, b = finding.pair.a, finding.pair.b
        detail = f" ({finding.detail})" if finding.detail else ""
        results.append(
            {
                "ruleId": finding.kind,
                "level": "error",
                "message": {
                    "text": f'Contradiction{detail}: "{a.text}" ({a.document_id}:{a.line}) vs '
                    f'"{b.text}" ({b.document_id}:{b.line}); score {finding.score:.2f}'
                },
                "locations": [_location(a, paths[a.document_id]), _location(b, paths[b.document_id])],
                "partialFingerprints": {"checkerFindingId": finding.id},
                "properties": {"score": finding.score, "findingId": finding.id},
            }
        )
    rules = [{"id": kind, "shortDescription": {"text": text}} for kind, text in RULES.items()]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "checker", "version": __version__, "rules": rules}}, "results": results}],
    }


def render_sarif(report: Report, out: TextIO) -> None:
    json.dump(sarif_dict(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
