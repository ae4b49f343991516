"""Pairs per second of the shipped int8 ONNX model vs other ONNX exports and torch fp32 on the same weights.

Usage: checker unpack models/checker-nli-minilm -o runs/v6-fp32   # the shipped weights, back in fp32 for torch
       python bench/bench_model.py [--torch-model runs/v6-fp32] [--onnx-model DIR]... [--repeat 3] [--padded]
Short pairs are <= 48 tokens, long pairs <= 256; batch sizes 1, 16 and 64 (pairs handed to the judge per call).
A dynamic int8 judge scores each pair alone (one single-threaded run per core in parallel: dynamic quantization
would otherwise make scores depend on batch neighbours), so for it "batch" is only how many pairs it can spread over
the cores; a static int8 export (`checker export --static`), fp32 ONNX and torch run real padded batches, length
sorted. Medians of --repeat runs, every judge in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_pairs(dev: Path, tokenizer, limit: int, shortest: bool) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    pairs = [(r["premise"], r["hypothesis"]) for r in rows]
    lengths = [len(tokenizer.encode(p, h).ids) for p, h in pairs]
    if shortest:
        chosen = [pair for pair, n in zip(pairs, lengths) if n <= 48]
    else:  # long: pad premises up to ~256 tokens by joining neighbours
        chosen = [(" ".join(p for p, _ in pairs[i : i + 8]), pairs[i][1]) for i in range(0, len(pairs) - 8, 8)]
    return chosen[:limit]


def rate(judge, pairs, batch: int, repeat: int) -> float:
    judge.batch_size = batch
    judge.judge_batch(pairs[: batch * 2])  # warm-up
    chunks = [pairs[start : start + batch] for start in range(0, len(pairs), batch)]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for chunk in chunks:
            judge.judge_batch(chunk)
        times.append(time.perf_counter() - started)
    return len(pairs) / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--torch-model", type=Path, help="transformers directory with the fp32 weights")
    parser.add_argument("--onnx-model", type=Path, action="append", default=[], help="another ONNX model directory")
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/data/nli/dev/xnli_en.dev.jsonl")
    parser.add_argument("--pairs", type=int, default=512)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--padded",
        action="store_true",
        help="also the shipped int8 graph on real padded batches: an upper bound of what batching could give (its "
        "scores then depend on the batch, so `check` never runs it so)",
    )
    args = parser.parse_args()

    from checker.judge import default_model_path
    from checker.judge.onnx_backend import OnnxJudge
    from checker.judge.transformers_backend import TransformersJudge

    onnx = OnnxJudge(default_model_path())
    judges = {f"shipped ({onnx.info.extra['scoring']})": onnx}
    for directory in args.onnx_model:
        other = OnnxJudge(directory)
        judges[f"{directory.name} ({other.info.extra['scoring']})"] = other
    if args.padded:
        padded = OnnxJudge(default_model_path())
        padded.quantized = False  # before its session opens: length-sorted padded batches on every core
        judges["shipped, padded"] = padded
    if args.torch_model:
        judges["torch-fp32"] = TransformersJudge(str(args.torch_model))
    for name, shortest in (("short (<=48 tokens)", True), ("long (<=256 tokens)", False)):
        pairs = load_pairs(args.dev, onnx.tokenizer, args.pairs if shortest else args.pairs // 4, shortest)
        for batch in (1, 16, 64):
            cells = [f"{label}={rate(judge, pairs, batch, args.repeat):.0f}/s" for label, judge in judges.items()]
            print(f"{name} batch {batch}: " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
