"""How many of a report's contradictions a reader marked real, false, or has not read yet.

Dev accuracy does not say whether a model's findings on real news are worth a reader's time (v3 and v4 doubled
the contradictions reported there; the v5 trials stopped seeing real ones), so a change of model or rule is also
judged on reports of the same news slice against a reader's labels. Reports come from
`bench/bench_check.py --only news --news-articles 300 --save-news FILE`; labels are JSONL, one line per pair
read, either {"a", "b", "relation": "contradiction" | "none"} or, to keep the news text out of the project,
{"id": finding_id(a, b, "pair"), "relation": ...} (`python -m checker.lab.gpu_sweep pack --news-gold` reads both).
bench/labels/news300.jsonl holds the contradictions of the first 300 articles as checked on 2026-12-03 (92 read, 26
real), and those down to a threshold of 0.75 of v6 and of its per-token int8 variant (34 more, 4 real; check
--contradiction-threshold 0.75) and of the passage-contrast trial (configs/trial-v9-passages.toml in git history; 16
more, 1 real). The unread findings are printed so the reader can label them and the counts stay whole.

Usage: python bench/read_findings.py --gold bench/labels/news300.jsonl REPORT.json... [--show-unread]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.lab.quality import read_finding_labels, tally_findings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="+", type=Path, help="JSON reports of check (--format json)")
    parser.add_argument("--gold", type=Path, required=True, help="JSONL of pairs a reader labelled")
    parser.add_argument("--show-unread", action="store_true", help="print the findings not labelled yet")
    args = parser.parse_args()
    labels = read_finding_labels(args.gold)
    for path in args.reports:
        report = json.loads(path.read_text(encoding="utf-8"))
        counts, unread = tally_findings(report, labels)
        agreements = report["summary"]["agreements"]
        print(f"{path}: " + " ".join(f"{k}={v}" for k, v in counts.items()) + f" agreements={agreements}")
        for finding in unread if args.show_unread else []:
            print(f"  [{finding['kind']}] {finding['score']}")
            print(f"    A: {finding['a']['text']}\n    B: {finding['b']['text']}")


if __name__ == "__main__":
    main()
