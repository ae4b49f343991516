"""Export a trained transformers model to ONNX and quantize it to int8 for the torch-free runtime."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..errors import MissingBackendError, ModelLoadError


def export_onnx(model_dir: str | Path, output: str | Path, quantize: bool = True, opset: int = 17) -> Path:
    """Write model.onnx (or model.int8.onnx), tokenizer.json and config.json into `output`."""
    model_dir, output = Path(model_dir), Path(output)
    tokenizer, model = _load_local(model_dir, "AutoModelForSequenceClassification")
    output.mkdir(parents=True, exist_ok=True)
    sample = tokenizer(["A premise sentence."], ["A hypothesis."], return_tensors="pt")
    _write_onnx(model, tokenizer, sample, "logits", output, opset)
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    (output / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    if quantize:
        _quantize(output)
    return output


def export_embedder(model_dir: str | Path, output: str | Path, quantize: bool = True) -> Path:
    """Write a sentence-transformers mean-pooling model (all-MiniLM-L6-v2) as one ONNX graph whose output is the
    unit-length sentence vector, with tokenizer.json and a config.json holding its maximum length: pairing then
    runs on onnxruntime, without torch."""
    model_dir, output = Path(model_dir), Path(output)
    tokenizer, encoder = _load_local(model_dir, "AutoModel")
    settings = model_dir / "sentence_bert_config.json"
    max_length = 256  # sentence-transformers' own default
    if settings.exists():
        max_length = json.loads(settings.read_text(encoding="utf-8")).get("max_seq_length", max_length)
    import torch

    class MeanPooled(torch.nn.Module):
        """The encoder, its token vectors averaged over the real tokens, scaled to unit length."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask, token_type_ids):
            tokens = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    output.mkdir(parents=True, exist_ok=True)
    sample = tokenizer(["A sentence to embed."], return_tensors="pt")
    _write_onnx(MeanPooled().eval(), tokenizer, sample, "embedding", output)
    config = {"kind": "sentence-embedder", "pooling": "mean", "normalized": True, "max_length": int(max_length)}
    (output / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    if quantize:
        _quantize(output)
    return output


def _load_local(model_dir: Path, kind: str):
    """The tokenizer and the model (`kind`: a transformers Auto class) of a local model directory, traceable."""
    try:
        import transformers
    except ImportError as error:
        raise MissingBackendError("export needs torch and transformers", hint='pip install "checker[train]"') from error
    if not (model_dir / "config.json").is_file():
        raise ModelLoadError(f"{model_dir}: not a model directory (no config.json); export needs a local model")
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        model = getattr(transformers, kind).from_pretrained(
            model_dir, local_files_only=True, attn_implementation="eager"
        )  # plain ops trace cleanly
    except Exception as error:
        raise ModelLoadError(f"cannot load {model_dir}: {str(error).splitlines()[0][:200]}") from None
    return tokenizer, model.eval()


def _write_onnx(model, tokenizer, sample, output_name: str, output: Path, opset: int = 17) -> None:
    """Trace `model` on `sample` into output/model.onnx (batch and length dynamic) and save tokenizer.json."""
    import torch

    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]
    axes = {n: {0: "batch", 1: "sequence"} for n in names} | {output_name: {0: "batch"}}
    with torch.inference_mode():
        torch.onnx.export(
            model,
            tuple(sample[n] for n in names),
            str(output / "model.onnx"),
            input_names=names,
            output_names=[output_name],
            dynamic_axes=axes,
            opset_version=opset,
            dynamo=False,
        )
    tokenizer.save_pretrained(output)
    for extra in ("special_tokens_map.json", "tokenizer_config.json", "vocab.txt"):
        (output / extra).unlink(missing_ok=True)  # tokenizer.json alone drives the runtime


def _quantize(output: Path) -> None:
    """model.onnx -> model.int8.onnx, dynamic int8 with per-channel weight scales."""
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as error:
        raise MissingBackendError("quantization needs onnxruntime", hint="pip install onnxruntime") from error
    fp32 = output / "model.onnx"
    # per-channel weight scales keep fp32 accuracy (SNLI dev 77.9% vs 76.7% with one scale per tensor)
    quantize_dynamic(str(fp32), str(output / "model.int8.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    shutil.rmtree(output / ".cache", ignore_errors=True)
