"""checker/lab/gpu_sweep.py end to end on the CPU with the tiny model: pack, a two-run sweep, the best run shipped
in parts without its frozen embeddings, and unpacked into a model that checker loads."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "checker" / "lab" / "gpu_sweep.py"
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
        "warmup_ratio = 0.0\ncheckpoint_every = 3\nseed = 1\n[weights]\ntrain = 2.0\n",
        encoding="utf-8",
    )
    (tmp_path / "sweep.toml").write_text(
        '[runs.short]\nrecipe = "recipe.toml"\nmax_steps = 3\n\n'
        '[runs."longer-1.5"]\nrecipe = "recipe.toml"\nmax_steps = 6\nseed = 2\n'
        'weights = {"train:contradiction" = 3.0}\n\n'
        '[soups]\nboth = ["short", "longer-1.5"]\n',
        encoding="utf-8",
    )
    news = tmp_path / "news.csv"
    news.write_text(
        "Body ID,articleBody\n"
        '1,"Some 3,000 protesters marched on Monday. Police said the rally was peaceful."\n'
        '2,"Some 5,000 protesters marched on Monday. Police said the rally turned violent."\n',
        encoding="utf-8",
    )
    # a reader's labels for two of the pairs: the crowd figures conflict, the two police claims do not
    gold = _jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "a": "Some 3,000 protesters marched on Monday.",
                "b": "Some 5,000 protesters marched on Monday.",
                "relation": "contradiction",
            },
            {
                "a": "The rally turned violent.",
                "b": "The rally was peaceful.",
                "relation": "none",
            },
        ],
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
        "--news-gold",
        str(gold),
    )
    assert (packed / "train.jsonl.gz").exists() and (packed / "base" / "model.fp16.safetensors").exists()
    with gzip.open(packed / "news.jsonl.gz", "rt", encoding="utf-8") as handle:
        news_rows = [json.loads(line) for line in handle]
    # what relate reads beside the texts: one article or two, and who speaks
    assert any(row["a_document"] != row["b_document"] for row in news_rows)
    assert "Police" in {row[f"{side}_speaker"] for row in news_rows for side in "ab"}
    assert sorted(row["gold"] for row in news_rows if "gold" in row) == ["contradiction", "none"]
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
    assert set(results) == {"short", "longer-1.5", "both"}  # a dotted name is one run, not a nested table
    # the soup is the mean of its runs' weights, scored like a run
    assert results["both"]["soup_of"] == ["short", "longer-1.5"] and "target_mean" in results["both"]["accuracy"]
    runs = [load_file(work / name / "model" / "model.safetensors") for name in ("short", "longer-1.5")]
    soup = load_file(work / "both" / "model" / "model.safetensors")
    key = "classifier.weight"
    assert not torch.equal(runs[0][key], runs[1][key])
    assert torch.allclose(soup[key], (runs[0][key] + runs[1][key]) / 2)
    # a run's weights add to its recipe's
    assert results["longer-1.5"]["recipe"]["weights"] == {"train": 2.0, "train:contradiction": 3.0}
    assert results["short"]["recipe"]["weights"] == {"train": 2.0}
    assert set(results["short"]["accuracy"]) >= {"mini.dev", "probes", "probes:negation", "target_mean"}
    # the news pairs are counted as check would report them: the two crowd figures conflict whatever the model says
    assert results["short"]["news"]["contradiction:numeric"] == 1
    assert results["short"]["news"]["gold_real"] == 1 and results["short"]["news"]["gold_found"] == 1
    best = max(results.values(), key=lambda r: r["accuracy"]["target_mean"])["name"]
    assert list(summary["shipped"]) == [best]
    parts = [out / name for name in summary["shipped"][best]]
    shipped_keys = {key for part in parts for key in load_file(part)}
    assert shipped_keys and not any(key.startswith("bert.embeddings.") for key in shipped_keys)

    _sweep("unpack", *map(str, parts), "--packed", str(packed), "--out", str(tmp_path / "unpacked"))
    counted = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "count",
            "--packed",
            str(packed),
            str(tmp_path / "unpacked"),
            "--contradiction-thresholds",
            "0.55",
            "0.99",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert counted.returncode == 0, counted.stderr[-3000:]
    lines = counted.stdout.splitlines()
    assert [line.split(": ")[0].rsplit(" ", 1)[1] for line in lines] == ["@0.55", "@0.99"]  # one scoring, two bars
    assert all("gold_found=1" in line and "gold_real=1" in line for line in lines)  # the figures conflict anyway
    unpacked = AutoModelForSequenceClassification.from_pretrained(tmp_path / "unpacked").state_dict()
    trained = AutoModelForSequenceClassification.from_pretrained(work / best / "model").state_dict()
    for key, value in trained.items():
        assert torch.allclose(unpacked[key].float(), value.float(), atol=2e-3), key  # fp16 on the way back
    assert len(load_judge(str(tmp_path / "unpacked")).judge_batch([p[:2] for p in PAIRS])) == len(PAIRS)


def test_runs_over_the_news_bar_ship_after_those_under_it_fewest_first():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gpu_sweep", SCRIPT)
    sweep = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sweep)

    def result(name, accuracy, contradictions):
        return {"name": name, "accuracy": {"target_mean": accuracy}, "news": {"contradictions": contradictions}}

    results = [result("best", 0.7, 90), result("good", 0.6, 30), result("fair", 0.5, 20), result("near", 0.65, 40)]
    ranked = [r["name"] for r in sweep.ranked_for_shipping(results, max_news_contradictions=35)]
    assert ranked == ["good", "fair", "near", "best"]
    assert [r["name"] for r in sweep.ranked_for_shipping(results)] == ["best", "near", "good", "fair"]
