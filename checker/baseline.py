"""Baselines: finding ids a newsroom has accepted, suppressed in later runs so CI fails only on new ones."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .fileio import atomic_output
from .pipeline import claim_statuses
from .records import Report

BASELINE_SCHEMA = "checker.baseline/1"


def read_baseline(path: str | Path) -> set[str]:
    """The accepted finding ids in a baseline file. A missing file is an error, not an empty baseline: a typo in
    its path would otherwise let every accepted finding fail CI again, or hide that none is suppressed."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such baseline file (write one with --update-baseline)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(entry["id"]) for entry in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(f"{path}: not a checker baseline file (expected {BASELINE_SCHEMA} JSON)") from None


def write_baseline(path: str | Path, report: Report) -> None:
    """Write every finding of the report into the baseline, atomically."""
    entries = [
        {"id": f.id, "relation": f.relation, "kind": f.kind, "a": f.pair.a.text, "b": f.pair.b.text}
        for f in report.findings
    ]
    with atomic_output(path) as out:
        json.dump({"schema": BASELINE_SCHEMA, "findings": entries}, out, ensure_ascii=False, indent=2)
        out.write("\n")


def apply_baseline(report: Report, path: str | Path) -> Report:
    """The report without the findings the baseline lists; statuses are recomputed."""
    accepted = read_baseline(path)
    kept = tuple(f for f in report.findings if f.id not in accepted)
    status, support = claim_statuses(report.claims, kept)
    return replace(
        report,
        findings=kept,
        claim_status=status,
        support=support,
        suppressed=report.suppressed + len(report.findings) - len(kept),
    )
