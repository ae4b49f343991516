"""JUnit XML for CI systems: a test case per document, a failure per contradiction it takes part in."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from ..records import Report


def render_junit(report: Report, out: TextIO) -> None:
    contradictions = [f for f in report.findings if f.relation == "contradiction"]
    suite = ET.Element(
        "testsuite",
        name="checker",
        tests=str(len(report.documents)),
        failures=str(
            sum(
                1
                for d in report.documents
                if any(d.id in (f.pair.a.document_id, f.pair.b.document_id) for f in contradictions)
            )
        ),
        errors="0",
    )
    for document in report.documents:
        case = ET.SubElement(suite, "testcase", classname="checker.consistency", name=document.id, file=document.path)
        for finding in contradictions:
            a, b = finding.pair.a, finding.pair.b
            if document.id not in (a.document_id, b.document_id):
                continue
            failure = ET.SubElement(
                case,
                "failure",
                type=finding.kind,
                message=f"{finding.id}: contradiction ({finding.kind}) score {finding.score:.2f}",
            )
            failure.text = f"A ({a.document_id}:{a.line}): {a.text}\nB ({b.document_id}:{b.line}): {b.text}" + (
                f"\n{finding.detail}" if finding.detail else ""
            )
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
