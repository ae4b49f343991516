"""Turn `checker eval --format json` output (and probe accuracy) into the Markdown tables of the model card.

Usage: python bench/eval_table.py runs/eval.json [--probes tests/cases/contrast_probes.jsonl]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def dev_table(results: dict) -> str:
    lines = ["| dev set | n | accuracy | macro-F1 |", "|---|---:|---:|---:|"]
    for path, result in sorted(results.items()):
        name = Path(path).name.removesuffix(".jsonl")
        lines.append(f"| {name} | {result['n']} | {result['accuracy']:.3f} | {result['macro_f1']:.3f} |")
    return "\n".join(lines)


def probe_table(probes: Path) -> str:
    from checker.judge import load_judge

    rows = [json.loads(line) for line in probes.read_text(encoding="utf-8").splitlines()]
    judged = load_judge().judge_batch([(r["premise"], r["hypothesis"]) for r in rows])
    correct, total = defaultdict(int), defaultdict(int)
    for row, judgement in zip(rows, judged):
        total[row["phenomenon"]] += 1
        correct[row["phenomenon"]] += judgement.label == row["label"]
    lines = ["| probe phenomenon | n | accuracy |", "|---|---:|---:|"]
    for name in sorted(total):
        lines.append(f"| {name} | {total[name]} | {correct[name] / total[name]:.3f} |")
    overall = sum(correct.values()) / sum(total.values())
    lines.append(f"| all | {sum(total.values())} | {overall:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_json", type=Path)
    parser.add_argument("--probes", type=Path)
    args = parser.parse_args()
    print(dev_table(json.loads(args.eval_json.read_text(encoding="utf-8"))))
    if args.probes:
        print()
        print(probe_table(args.probes))


if __name__ == "__main__":
    main()
