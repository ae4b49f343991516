"""Activation scales of the int8 model: one per call (shipped), one per pair, or one per token.

Dynamic int8 quantization (onnxruntime's DynamicQuantizeLinear) picks one activation scale for the whole input of
each matrix product, so in a batch a pair's scores depend on its neighbours and checker scores every pair alone.
This script rewrites the graph so each pair (or each token) gets its own scale and zero point: per-pair scores are
bit for bit the shipped file's, per-token ones are a finer rounding; both are the same alone or in padded batches.
It writes the variants, checks that, and times them (pairs/s on the pairs of a dev file of --min-tokens to
--max-tokens).

Usage: python bench/int8_activation_scales.py [--model models/checker-nli-minilm] [--out runs/int8-scales]
then e.g. `checker eval ../shared/data/nli/dev --model runs/int8-scales/per-token` for accuracy (scored one pair at
a time there, as for any int8 file). Session 12 figures are in the model card ("Size and speed").
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rewrite(model, per_token: bool):
    """Replace each DynamicQuantizeLinear with a per-pair (or per-token) one; correct the zero point after the product.

    onnxruntime's MatMulInteger takes one zero point for its input, so the product runs with none and
    zero_point * (column sums of the int8 weights) is subtracted from its int32 result, which is exact."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    constants = [
        numpy_helper.from_array(np.array([-1], np.int64), "scales/last_axis"),
        numpy_helper.from_array(np.array(0.0, np.float32), "scales/zero"),
        numpy_helper.from_array(np.array(255.0, np.float32), "scales/levels"),
        numpy_helper.from_array(np.array([-1], np.int64), "scales/flat"),
    ]
    nodes = [
        helper.make_node("Cast", ["attention_mask"], ["scales/mask"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["scales/mask", "scales/last_axis"], ["scales/mask3"]),
    ]
    zero_points = {}
    for index, node in enumerate(graph.node):
        if node.op_type == "MatMulInteger":
            source, weight, source_zero, weight_zero = node.input
            columns = numpy_helper.to_array(weights[weight]).astype(np.int64).sum(axis=0).astype(np.int32)
            constants.append(numpy_helper.from_array(columns, weight + "_column_sums"))
            out = node.output[0]
            nodes += [
                helper.make_node("MatMulInteger", [source, weight, "", weight_zero], [out + "_raw"]),
                helper.make_node("Mul", [zero_points[source_zero], weight + "_column_sums"], [out + "_offset"]),
                helper.make_node("Sub", [out + "_raw", out + "_offset"], [out]),
            ]
            continue
        if node.op_type != "DynamicQuantizeLinear":
            nodes.append(node)
            continue
        x = node.input[0]
        quantized, scale, zero_point = node.output
        p = f"scales/{index}/"
        tokens = not x.startswith("/bert/pooler")  # [batch, tokens, features]; the pooler's input is [batch, features]
        axes = ([2] if per_token else [1, 2]) if tokens else [1]
        ranged = x
        if tokens and not per_token:  # padding must not widen a pair's range
            nodes.append(helper.make_node("Mul", [x, "scales/mask3"], [p + "masked"]))
            ranged = p + "masked"
        nodes += [
            helper.make_node("ReduceMax", [ranged], [p + "max0"], keepdims=1, axes=axes),
            helper.make_node("ReduceMin", [ranged], [p + "min0"], keepdims=1, axes=axes),
            helper.make_node("Max", [p + "max0", "scales/zero"], [p + "max"]),  # the range holds 0, as onnxruntime's
            helper.make_node("Min", [p + "min0", "scales/zero"], [p + "min"]),
            helper.make_node("Sub", [p + "max", p + "min"], [p + "span"]),
            helper.make_node("Div", [p + "span", "scales/levels"], [scale]),
            helper.make_node("Div", [p + "min", scale], [p + "min_steps"]),
            helper.make_node("Neg", [p + "min_steps"], [p + "zero0"]),
            helper.make_node("Clip", [p + "zero0", "scales/zero", "scales/levels"], [p + "zero1"]),
            helper.make_node("Round", [p + "zero1"], [p + "zero2"]),
            helper.make_node("Cast", [p + "zero2"], [zero_point], to=TensorProto.UINT8),
            helper.make_node("Cast", [zero_point], [p + "zero32"], to=TensorProto.INT32),
            helper.make_node("Reshape", [scale, "scales/flat"], [p + "scale1"]),
            helper.make_node("Reshape", [zero_point, "scales/flat"], [p + "zero1d"]),
        ]
        zero_points[zero_point] = p + "zero32"
        if per_token and tokens:  # QuantizeLinear scales along one axis: flatten tokens into rows
            nodes += [
                helper.make_node("Shape", [x], [p + "shape"]),
                helper.make_node("Flatten", [x], [p + "rows"], axis=2),
                helper.make_node("QuantizeLinear", [p + "rows", p + "scale1", p + "zero1d"], [p + "q"], axis=0),
                helper.make_node("Reshape", [p + "q", p + "shape"], [quantized]),
            ]
        else:
            nodes.append(helper.make_node("QuantizeLinear", [x, p + "scale1", p + "zero1d"], [quantized], axis=0))
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(constants)
    return model


def main() -> None:
    import numpy as np
    import onnx
    import onnxruntime
    from tokenizers import Tokenizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=ROOT / "models/checker-nli-minilm")
    parser.add_argument("--out", type=Path, default=ROOT / "runs/int8-scales")
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/data/nli/dev/xnli_en.dev.jsonl")
    parser.add_argument("--pairs", type=int, default=512)
    parser.add_argument("--min-tokens", type=int, default=0, help="shortest pair kept")
    parser.add_argument("--max-tokens", type=int, default=48, help="longest pair kept (48: the short pairs)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    variants = {"per-call": args.model / "model.int8.onnx"}
    for name, per_token in (("per-pair", False), ("per-token", True)):
        directory = args.out / name
        directory.mkdir(parents=True, exist_ok=True)
        for extra in ("config.json", "tokenizer.json"):
            shutil.copyfile(args.model / extra, directory / extra)
        model = rewrite(onnx.load(str(variants["per-call"])), per_token)
        onnx.checker.check_model(model)
        onnx.save(model, str(directory / "model.int8.onnx"))
        variants[name] = directory / "model.int8.onnx"

    tokenizer = Tokenizer.from_file(str(args.model / "tokenizer.json"))
    rows = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines()]
    encodings = tokenizer.encode_batch([(r["premise"], r["hypothesis"]) for r in rows])
    kept = [e for e in encodings if args.min_tokens <= len(e.ids) <= args.max_tokens][: args.pairs]
    short = sorted(kept, key=lambda e: len(e.ids))

    def feed(batch):
        width = max(len(e.ids) for e in batch)
        arrays = {k: np.zeros((len(batch), width), np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
        for row, e in enumerate(batch):
            arrays["input_ids"][row, : len(e.ids)] = e.ids
            arrays["attention_mask"][row, : len(e.ids)] = 1
            arrays["token_type_ids"][row, : len(e.ids)] = e.type_ids
        return arrays

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads, options.log_severity_level = 1, 1, 3
    sessions = {
        name: onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        for name, path in variants.items()
    }
    alone = {name: np.concatenate([s.run(None, feed([e]))[0] for e in short]) for name, s in sessions.items()}
    for name in ("per-pair", "per-token"):
        shuffled = np.random.default_rng(0).permutation(len(short))
        batched = np.zeros_like(alone[name])
        for start in range(0, len(short), 64):
            chosen = shuffled[start : start + 64]
            batched[chosen] = sessions[name].run(None, feed([short[i] for i in chosen]))[0]
        print(
            f"{name}: padded batches of 64 == alone: {np.array_equal(batched, alone[name])}; "
            f"== shipped file alone: {np.array_equal(alone[name], alone['per-call'])} "
            f"({(alone[name].argmax(1) != alone['per-call'].argmax(1)).sum()} of {len(short)} labels differ)"
        )

    def pairs_alone():
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda e: sessions["per-call"].run(None, feed([e])), short))

    def batches(name, size):
        chunks = [short[start : start + size] for start in range(0, len(short), size)]
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda chunk: sessions[name].run(None, feed(chunk)), chunks))

    cases = {"per-call, each pair alone": pairs_alone}
    for name in ("per-pair", "per-token"):
        for size in (16, 64):
            cases[f"{name}, length-sorted batches of {size}"] = lambda n=name, s=size: batches(n, s)
    rates = {case: [] for case in cases}
    for _ in range(args.repeat):  # alternated, so a noisy machine slows every case alike
        for case, run in cases.items():
            started = time.perf_counter()
            run()
            rates[case].append(len(short) / (time.perf_counter() - started))
    for case, values in rates.items():
        print(f"{case}: {statistics.median(values):.0f} pairs/s (2 threads)")


if __name__ == "__main__":
    main()
