"""One CSV row per finding: both claims, their documents and lines, relation, kind and scores."""

from __future__ import annotations

import csv
from typing import TextIO

from ..records import Report

COLUMNS = (
    "id",
    "relation",
    "kind",
    "score",
    "basis",
    "detail",
    "document_a",
    "line_a",
    "speaker_a",
    "claim_a",
    "document_b",
    "line_b",
    "speaker_b",
    "claim_b",
    "entailment",
    "neutral",
    "contradiction",
)


def render_csv(report: Report, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in report.findings:
        p = f.probabilities()
        a, b = f.pair.a, f.pair.b
        writer.writerow(
            [
                f.id,
                f.relation,
                f.kind,
                f"{f.score:.4f}",
                f.basis,
                f.detail,
                a.document_id,
                a.line,
                a.attribution.speaker if a.attribution else "",
                a.text,
                b.document_id,
                b.line,
                b.attribution.speaker if b.attribution else "",
                b.text,
                f"{p['entailment']:.4f}",
                f"{p['neutral']:.4f}",
                f"{p['contradiction']:.4f}",
            ]
        )
