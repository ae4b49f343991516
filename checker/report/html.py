"""The HTML report: one self-contained file (inline CSS and JS, nothing fetched) a newsroom can open or mail.

A summary, each finding with its two claims side by side and the words that differ marked, filters by relation,
kind and article, and a view per article with each claim's status; a claim's place links to that view and to
the source file.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from html import escape
from pathlib import Path
from typing import TextIO

from ..records import Claim, Document, Finding, Report
from . import document_counts, repeated_together, score_label

_TOKEN = re.compile(r"\w+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)
_STATUSES = ("corroborated", "contradicted", "mixed", "novel")
_HEADINGS = (("contradiction", "Contradictions"), ("update", "Updates"), ("agreement", "Agreements"))

_CSS = """
:root{--red:#b3261e;--green:#1e6b35;--amber:#8a5a00;--violet:#6b2fa0;--ink:#1b1b1b;--mute:#5f6368;--line:#ddd}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,sans-serif;color:var(--ink);margin:0 auto;max-width:1200px;
padding:1rem 1.5rem}h1{margin:.2rem 0}h2{border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
.summary{font-size:1.05rem}.notes{color:var(--mute);font-size:.9rem;padding-left:1.2rem}.problem{color:var(--red)}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 0;display:flex;
flex-wrap:wrap;gap:1rem;align-items:center;z-index:1}nav label{white-space:nowrap}#shown{color:var(--mute)}
.finding{border:1px solid var(--line);border-left:5px solid var(--mute);border-radius:4px;margin:.8rem 0;
padding:.5rem .8rem}.finding.contradiction{border-left-color:var(--red)}.finding.agreement{border-left-color:
var(--green)}.finding.update{border-left-color:var(--amber)}.finding h3{font-size:.95rem;margin:0 0 .4rem;
font-weight:600}.finding h3 .id{color:var(--mute);font-weight:400;font-family:monospace}.sides{display:grid;
grid-template-columns:1fr 1fr;gap:1rem}@media(max-width:700px){.sides{grid-template-columns:1fr}}
.side blockquote{margin:.2rem 0;font-size:1.02rem}.meta{color:var(--mute);font-size:.85rem}
mark{background:#ffe08a;padding:0 .1em;border-radius:2px}.also{color:var(--mute);font-size:.85rem;margin:.3rem 0 0}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .6rem;border-bottom:1px solid var(--line);
text-align:right}th:first-child,td:first-child,td.text{text-align:left}.claims{list-style:none;padding:0}
.claims li{padding:.25rem 0;border-bottom:1px dotted var(--line)}.status{display:inline-block;min-width:7.5em;
font-size:.8rem;font-weight:600;text-transform:uppercase}.s-corroborated{color:var(--green)}
.s-contradicted{color:var(--red)}.s-mixed{color:var(--violet)}.s-novel{color:var(--amber)}
.claims li:target{background:#fff6d5}.claims li,.doc,.finding{scroll-margin-top:3.5rem}
.doc h3{margin-bottom:.2rem}[hidden]{display:none!important}
"""

_JS = """
(function(){
  const q=(s)=>Array.from(document.querySelectorAll(s));
  function apply(){
    const relations=new Set(q('input[name=relation]:checked').map(i=>i.value));
    const kind=document.getElementById('kind').value, doc=document.getElementById('article').value;
    let shown=0;
    q('.finding').forEach(f=>{
      const ok=relations.has(f.dataset.relation)&&(!kind||f.dataset.kind===kind)&&
        (!doc||f.dataset.docs.split(' ').includes(doc));
      f.hidden=!ok; if(ok) shown++;
    });
    q('section.relation').forEach(s=>{s.hidden=!relations.has(s.dataset.relation);});
    q('.doc').forEach(d=>{d.hidden=!!doc&&d.dataset.doc!==doc;});
    document.getElementById('shown').textContent=shown+' findings shown';
  }
  q('nav input, nav select').forEach(e=>e.addEventListener('change',apply));
  apply();
})();
"""


def render_html(report: Report, out: TextIO) -> None:
    """Write the report as one HTML page."""
    documents = {d.id: d for d in report.documents}
    w = out.write
    w('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w(f"<title>Consistency report: {len(report.documents)} articles</title>\n<style>{_CSS}</style>\n</head>\n<body>\n")
    w(f'<header>\n<h1>Consistency report</h1>\n<p class="summary">{escape(_summary(report))}</p>\n')
    w(f'<p class="meta">model: {escape(report.model.name)} ({escape(report.decision)} decision)</p>\n')
    if report.notes or report.unreadable:
        w('<ul class="notes">\n')
        for problem in report.unreadable:
            w(f'<li class="problem">Not checked: {escape(problem)}</li>\n')
        for note in report.notes:
            w(f"<li>{escape(note)}</li>\n")
        w("</ul>\n")
    w("</header>\n")
    _filters(report, w)
    w('<main>\n<section id="findings">\n')
    for relation, heading in _HEADINGS:
        findings = [f for f in report.findings if f.relation == relation]
        w(f'<section class="relation" data-relation="{relation}">\n<h2>{heading} ({len(findings)})</h2>\n')
        if not findings:
            w("<p>none</p>\n")
        for group in repeated_together(findings):
            _finding(group, documents, w)
        w("</section>\n")
    w('</section>\n<section id="articles">\n<h2>Articles</h2>\n')
    _articles(report, w)
    w(f"</section>\n</main>\n<script>{_JS}</script>\n</body>\n</html>\n")


def _summary(report: Report) -> str:
    novel = sum(1 for s in report.claim_status.values() if s == "novel")
    text = (
        f"{len(report.documents)} articles, {len(report.claims)} claims, {report.pairs_scored} of "
        f"{report.pairs_considered} pairs compared: {report.count('contradiction')} contradictions, "
        f"{report.count('update')} updates, {report.count('agreement')} agreements, {novel} novel claims"
    )
    return text + (f"; {report.suppressed} suppressed by the baseline" if report.suppressed else "")


def _filters(report: Report, w) -> None:
    counts = Counter(f.relation for f in report.findings)
    kinds = Counter(f.kind for f in report.findings)
    w('<nav aria-label="filters">\n<span>Show:</span>\n')
    for relation, heading in _HEADINGS:
        w(
            f'<label><input type="checkbox" name="relation" value="{relation}" checked> '
            f"{heading.lower()} ({counts[relation]})</label>\n"
        )
    w('<label>kind <select id="kind"><option value="">all kinds</option>')
    for kind, count in sorted(kinds.items()):
        w(f'<option value="{escape(kind)}">{escape(kind)} ({count})</option>')
    w('</select></label>\n<label>article <select id="article"><option value="">all articles</option>')
    for document in report.documents:
        w(f'<option value="{escape(document.id)}">{escape(document.id)}</option>')
    w('</select></label>\n<span id="shown"></span>\n</nav>\n')


def _finding(group: list[Finding], documents: dict[str, Document], w) -> None:
    finding = group[0]
    docs = {d for f in group for d in (f.pair.a.document_id, f.pair.b.document_id)}
    detail = f": {finding.detail}" if finding.detail else ""
    w(
        f'<article class="finding {finding.relation}" id="{escape(finding.id)}" data-relation="{finding.relation}" '
        f'data-kind="{escape(finding.kind)}" data-docs="{escape(" ".join(sorted(docs)))}">\n'
        f"<h3>{finding.relation} · {escape(finding.kind)}{escape(detail)} · {score_label(finding)} "
        f'<span class="id">{escape(finding.id)}</span></h3>\n<div class="sides">\n'
    )
    marked_a, marked_b = differing_words(finding.pair.a.text, finding.pair.b.text)
    for label, claim, marked in (("A", finding.pair.a, marked_a), ("B", finding.pair.b, marked_b)):
        w(f'<div class="side"><div class="meta">{label} · {_place(claim, documents)}</div>\n')
        w(f"<blockquote>{marked}</blockquote></div>\n")
    w("</div>\n")
    if len(group) > 1:
        places = "; ".join(
            f"{_place(f.pair.a, documents, dated=False)} ↔ {_place(f.pair.b, documents, dated=False)}"
            for f in group[1:]
        )
        w(f'<p class="also">also between {len(group) - 1} more pairs of articles: {places}</p>\n')
    w("</article>\n")


def _place(claim: Claim, documents: dict[str, Document], dated: bool = True) -> str:
    """ "doc, line N" linking to the claim in the article view; the date and who says it."""
    document = documents.get(claim.document_id)
    link = f'<a href="#{escape(_anchor(claim))}">{escape(claim.document_id)}, line {claim.line}</a>'
    if not dated:
        return link
    parts = [link]
    if document is not None and document.date:
        parts.append(escape(document.date))
    parts.append(
        escape(f"{claim.attribution.speaker} ({claim.attribution.cue})" if claim.attribution else "the article")
    )
    return " · ".join(parts)


def _anchor(claim: Claim) -> str:
    return f"{claim.document_id}-L{claim.line}-{claim.id.rsplit(':', 1)[-1]}"


def _articles(report: Report, w) -> None:
    counts = document_counts(report)
    by_document: dict[str, list[Claim]] = {}
    for claim in report.claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    for document in report.documents:
        source = ""
        if document.path:
            uri = Path(document.path).resolve().as_uri()
            source = f' · <a href="{escape(uri)}">{escape(Path(document.path).name)}</a>'
        w(f'<article class="doc" id="doc-{escape(document.id)}" data-doc="{escape(document.id)}">\n')
        w(f"<h3>{escape(document.id)}: {escape(document.title or '(no title)')}</h3>\n")
        w(f'<p class="meta">{escape(document.date or "undated")}{source}</p>\n<table><tr>')
        columns = ("claims", *_STATUSES)
        w("".join(f"<th>{c}</th>" for c in columns) + "</tr><tr>")
        w("".join(f"<td>{counts[document.id][c]}</td>" for c in columns) + '</tr></table>\n<ol class="claims">\n')
        for claim in by_document.get(document.id, []):
            status = report.claim_status[claim.id]
            agree, dispute = report.support[claim.id]
            support = f" +{agree}/−{dispute}" if status != "novel" else ""
            who = f' <span class="meta">— {escape(claim.attribution.speaker)}</span>' if claim.attribution else ""
            w(
                f'<li id="{escape(_anchor(claim))}"><span class="status s-{status}">{status}{support}</span> '
                f'<span class="meta">line {claim.line}</span> {escape(claim.text)}{who}</li>\n'
            )
        w("</ol>\n</article>\n")


def differing_words(a: str, b: str) -> tuple[str, str]:
    """Both texts as HTML with the words the other lacks in <mark>: "3,000" against "5,000", "not"."""
    tokens_a, tokens_b = _spans(a), _spans(b)
    words_a = [a[s:e].lower() for s, e in tokens_a]
    words_b = [b[s:e].lower() for s, e in tokens_b]
    same_a, same_b = set(), set()
    for block in difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks():
        same_a.update(range(block.a, block.a + block.size))
        same_b.update(range(block.b, block.b + block.size))
    return _marked(a, tokens_a, same_a), _marked(b, tokens_b, same_b)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _marked(text: str, spans: list[tuple[int, int]], same: set[int]) -> str:
    """The text as written, each run of differing words in one <mark> ("<mark>Moscow’s aggression</mark>", not a
    mark per token, whose padding reads as spaces inside "Moscow’s")."""
    differs = [index not in same and bool(text[start:end].strip(".,;:")) for index, (start, end) in enumerate(spans)]
    parts, at, open_ = [], 0, False
    for index, (start, end) in enumerate(spans):
        if open_ and not differs[index]:
            parts.append("</mark>")
            open_ = False
        parts.append(escape(text[at:start]))
        if differs[index] and not open_:
            parts.append("<mark>")
            open_ = True
        parts.append(escape(text[start:end]))
        at = end
    if open_:
        parts.append("</mark>")
    parts.append(escape(text[at:]))
    return "".join(parts)
