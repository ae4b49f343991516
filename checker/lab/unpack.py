"""Rebuild a transformers model from an ONNX export, so the shipped model can be fine-tuned further or timed on torch.

The int8 file keeps every weight as int8 values with their scales; multiplying them back gives fp32 weights that
`checker export` turns into the very same int8 file again (the per-channel scales are recovered exactly), so the
shipped model is its own training checkpoint: no separate fp32 copy has to be kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import MissingBackendError, ModelLoadError
from ..judge import ONNX_FILES

# a projection's weight sits behind the MatMul of its module: "/bert/encoder/layer.0/attention/self/query/MatMul"
_MATMULS = ("MatMul", "MatMulInteger")
_HINT = "give a directory written by `checker export`"


def unpack_onnx(model_dir: str | Path, output: str | Path) -> Path:
    """Write a transformers directory (config.json, model.safetensors, tokenizer.json) rebuilt from `model_dir`."""
    try:
        import numpy as np
        import onnx
        import torch
        from onnx import numpy_helper
        from transformers import AutoConfig, AutoModelForSequenceClassification
    except ImportError as error:
        raise MissingBackendError(
            "unpack needs onnx, torch and transformers", hint='pip install "checker[train]"'
        ) from error
    model_dir, output = Path(model_dir), Path(output)
    model_file = next((model_dir / name for name in ONNX_FILES if (model_dir / name).exists()), None)
    if model_file is None or not (model_dir / "config.json").is_file():
        raise ModelLoadError(f"{model_dir}: no model.int8.onnx/model.onnx with config.json to unpack", hint=_HINT)
    try:
        graph = onnx.load(str(model_file)).graph
    except Exception as error:  # onnx raises protobuf's DecodeError and others for a damaged file
        raise ModelLoadError(f"{model_file}: cannot read it ({str(error).splitlines()[0][:200]})", hint=_HINT) from None
    stored = {tensor.name: numpy_helper.to_array(tensor) for tensor in graph.initializer}
    # a static (QDQ) file feeds each weight through a DequantizeLinear node: its output stands for the weight
    behind = {n.output[0]: n.input[0] for n in graph.node if n.op_type == "DequantizeLinear" and n.input[0] in stored}
    axes = {n.input[0]: _axis(n) for n in graph.node if n.op_type == "DequantizeLinear"}

    def weight(name: str) -> np.ndarray:
        if name in behind:
            name = behind[name].removesuffix("_quantized")
        if name not in stored and name + "_quantized" in stored:
            values = stored[name + "_quantized"].astype(np.float32)
            scale, zero = stored[name + "_scale"], stored[name + "_zero_point"].astype(np.float32)
            if scale.ndim and values.ndim > 1:  # per channel, along the axis its DequantizeLinear names
                shape = [1] * values.ndim
                shape[axes.get(name + "_quantized", 1)] = -1
                scale, zero = scale.reshape(shape), zero.reshape(shape)
            return (values - zero) * scale
        return stored[name].astype(np.float32)

    state = {}
    for name, values in stored.items():
        if name.startswith("onnx::") or "." not in name:
            continue  # torch's own names (onnx::MatMul_N) are found through their nodes below
        if name.endswith("_quantized"):
            base = name.removesuffix("_quantized")
            if not base.endswith("_Transposed"):
                state[base] = weight(base)  # quantized embedding tables
        elif values.dtype == np.float32 and values.ndim:
            state[name] = values  # biases and LayerNorm weights keep their parameter names
    for node in graph.node:
        if node.op_type == "Identity" and node.input[0] in stored:  # torch shares equal tensors (fresh LayerNorms)
            state[node.output[0]] = stored[node.input[0]].astype(np.float32)
        if node.op_type not in _MATMULS or not (node.input[1] in behind or _is_weight(node.input[1], stored)):
            continue
        base = behind.get(node.input[1], node.input[1]).removesuffix("_quantized")
        if base.endswith("_Transposed"):  # a Gemm turned MatMul: its initializer is named after the parameter
            name = base[: -len("_Transposed")]
        else:  # torch named the transposed copy onnx::MatMul_N; the node's path names the module
            name = node.output[0].lstrip("/").split("/MatMul")[0].replace("/", ".") + ".weight"
        state[name] = weight(base).T
    config = AutoConfig.from_pretrained(model_dir, local_files_only=True)
    model = AutoModelForSequenceClassification.from_config(config)
    expected = set(model.state_dict())
    missing = sorted(expected - set(state))
    if missing:
        raise ModelLoadError(
            f"{model_file}: cannot rebuild {', '.join(missing[:3])} (not a BERT-style export?)", hint=_HINT
        )
    model.load_state_dict({k: torch.from_numpy(np.array(state[k], dtype=np.float32)) for k in expected}, strict=True)
    output.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(output)
    shutil.copyfile(model_dir / "config.json", output / "config.json")  # keeps checker_thresholds and the labels
    for extra in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        if (model_dir / extra).exists():
            shutil.copyfile(model_dir / extra, output / extra)
    return output


def _axis(node) -> int:
    """The axis a DequantizeLinear node's scales run along (ONNX's default: 1)."""
    return next((a.i for a in node.attribute if a.name == "axis"), 1)


def _is_weight(name: str, stored: dict) -> bool:
    return name in stored or name.removesuffix("_quantized") + "_scale" in stored
