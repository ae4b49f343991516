"""Compare two NLI models pair by pair on labelled files: accuracy of each, and McNemar's z of the difference.

A new model is committed only when it measurably beats the one before; McNemar's test looks at the pairs where
exactly one of the two is right, so it tells a real gain from noise on the same rows.

Usage: python bench/compare_models.py OLD_MODEL NEW_MODEL FILE... [--limit N]
(model directories or hub ids, as `check --model` takes them; both are scored the way checker scores pairs).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.judge import load_judge  # noqa: E402
from checker.judge.labels import NOT_ENTAILMENT  # noqa: E402
from checker.lab.evaluate import argmax_label, fold  # noqa: E402
from checker.lab.nli_data import data_files, read_examples  # noqa: E402


def mcnemar_z(only_old: int, only_new: int) -> float:
    """Positive when the new model is right more often where the two disagree."""
    discordant = only_old + only_new
    return (only_new - only_old) / math.sqrt(discordant) if discordant else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--limit", type=int, default=0, help="first N rows of each file (0: all)")
    args = parser.parse_args()
    judges = [load_judge(args.old), load_judge(args.new)]
    print("| file | n | old | new | only old right | only new right | McNemar z |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in data_files(args.files):
        examples = read_examples(path)[: args.limit or None]
        pairs = [(e.premise, e.hypothesis) for e in examples]
        right = []
        for judge in judges:
            labels = [argmax_label(j.as_dict()) for j in judge.judge_batch(pairs)]
            right.append(
                [(fold(label) if e.label == NOT_ENTAILMENT else label) == e.label for label, e in zip(labels, examples)]
            )
        only_old = sum(o and not n for o, n in zip(*right))
        only_new = sum(n and not o for o, n in zip(*right))
        n = len(examples)
        print(
            f"| {path.name.removesuffix('.jsonl')} | {n} | {sum(right[0]) / n:.3f} | {sum(right[1]) / n:.3f} | "
            f"{only_old} | {only_new} | {mcnemar_z(only_old, only_new):+.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
