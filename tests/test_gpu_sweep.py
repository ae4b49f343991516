"""scripts/gpu_sweep.py end to end on the CPU with the tiny model: pack, a two-run sweep, the best run shipped
in parts without its frozen embeddings, and unpacked into a model that checker loads."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gpu_sweep.py"
PAIRS = [
    ("A man is playing a guitar on stage.", "A man is performing music.", "entailment"),
    ("A man is playing a guitar on stage.", "Nobody is playing an instrument.", "contradiction"),
    ("Two dogs run through a field.", "The dogs are chasing a ball.", "neutral"),
]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _sweep(*args: str) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def test_a_sweep_ships_its_best_run_and_unpacks_to_the_trained_model(tiny_model_dir, tmp_path):
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModelForSequenceClassification

    from checker.judge import load_judge

    train = _jsonl(tmp_path / "train.jsonl", [{"premise": p, "hypothesis": h, "label": lab} for p, h, lab in PAIRS] * 8)
    dev = _jsonl(tmp_path / "mini.dev.jsonl", [{"premise": p, "hypothesis": h, "label": lab} for p, h, lab in PAIRS])
    probes = _jsonl(
        tmp_path / "probes.jsonl",
        [{"premise": p, "hypothesis": h, "label": lab, "phenomenon": "negation"} for p, h, lab in PAIRS[:2]],
    )
    (tmp_path / "recipe.toml").write_text(
        f'train = ["{train}"]\nbase = "{tiny_model_dir}"\nbatch_size = 8\nmax_length = 48\nlearning_rate = 3e-3\n'
        "warmup_ratio = 0.0\ncheckpoint_every = 3\nseed = 1\n",
        encoding="utf-8",
    )
    (tmp_path / "sweep.toml").write_text(
        '[runs.short]\nrecipe = "recipe.toml"\nmax_steps = 3\n\n'
        '[runs."longer-1.5"]\nrecipe = "recipe.toml"\nmax_steps = 6\nseed = 2\n',
        encoding="utf-8",
    )
    news = tmp_path / "news.csv"
    news.write_text(
        "Body ID,articleBody\n"
        '1,"Some 3,000 protesters marched on Monday. Police said the rally was peaceful."\n'
        '2,"Some 5,000 protesters marched on Monday. Police said the rally turned violent."\n',
        encoding="utf-8",
    )
    packed, out, work = tmp_path / "packed", tmp_path / "out", tmp_path / "work"
    _sweep(
        "pack",
        "--recipe",
        str(tmp_path / "recipe.toml"),
        "--dev",
        str(dev),
        "--probes",
        str(probes),
        "--out",
        str(packed),
        "--news",
        str(news),
    )
    assert (packed / "train.jsonl.gz").exists() and (packed / "base" / "model.fp16.safetensors").exists()
    with gzip.open(packed / "news.jsonl.gz", "rt", encoding="utf-8") as handle:
        news_rows = [json.loads(line) for line in handle]
    # what relate reads beside the texts: one article or two, and who speaks
    assert any(row["a_document"] != row["b_document"] for row in news_rows)
    assert "Police" in {row[f"{side}_speaker"] for row in news_rows for side in "ab"}
    _sweep(
        "run",
        "--packed",
        str(packed),
        "--sweep",
        str(tmp_path / "sweep.toml"),
        "--out",
        str(out),
        "--work",
        str(work),
        "--keep",
        "1",
        "--device",
        "cpu",
    )

    summary = json.loads((out / "sweep-metrics.json").read_text())
    results = {r["name"]: r for r in summary["results"]}
    assert set(results) == {"short", "longer-1.5"}  # a dotted name is one run, not a nested table
    assert set(results["short"]["accuracy"]) >= {"mini.dev", "probes", "probes:negation", "target_mean"}
    # the news pairs are counted as check would report them: the two crowd figures conflict whatever the model says
    assert results["short"]["news"]["contradiction:numeric"] == 1
    best = max(results.values(), key=lambda r: r["accuracy"]["target_mean"])["name"]
    assert list(summary["shipped"]) == [best]
    parts = [out / name for name in summary["shipped"][best]]
    shipped_keys = {key for part in parts for key in load_file(part)}
    assert shipped_keys and not any(key.startswith("bert.embeddings.") for key in shipped_keys)

    _sweep("unpack", *map(str, parts), "--packed", str(packed), "--out", str(tmp_path / "unpacked"))
    unpacked = AutoModelForSequenceClassification.from_pretrained(tmp_path / "unpacked").state_dict()
    trained = AutoModelForSequenceClassification.from_pretrained(work / best / "model").state_dict()
    for key, value in trained.items():
        assert torch.allclose(unpacked[key].float(), value.float(), atol=2e-3), key  # fp16 on the way back
    assert len(load_judge(str(tmp_path / "unpacked")).judge_batch([p[:2] for p in PAIRS])) == len(PAIRS)
