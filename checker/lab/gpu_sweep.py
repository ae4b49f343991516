"""Train several recipes at once on a lent GPU machine, and bring the best models back.

The GPU machine has no network, no `datasets` and no copy of ../shared, and files travel to it and back in a
few tens of MB. So the work is cut in three steps, each one command:

1. `pack` (here): the training pairs of a recipe, uncapped and with article premises already cut to their
   evidence sentences, the dev sets and the probes, one gzipped JSONL each, and the base model in fp16.
2. `run` (on the GPU machine): every run of a sweep file trains in its own process on the GPU (the recipe's
   caps, weights and seed apply there, through `checker.lab.train.train`), within a time budget, then is
   scored on every dev set and the probes, and, if news pairs were packed, counted: what `check` would report
   on them. A `[soups]` table (name = [run, ...]) adds the mean of those runs' weights, scored the same way.
   The best runs by the mean accuracy of the target dev sets (among those under
   --max-news-contradictions) come back as fp16 weights without the frozen embeddings (which the base already
   holds), with every run's metrics.
3. `unpack` (here): the weights of one run joined to the packed base's embeddings, saved as a model directory
   that `checker export` and `checker eval` take.

The same recipes train on a CPU with `checker train --config ...` (same code, hours instead of minutes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import tomllib

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checker.lab.nli_data import NLIExample, data_files, read_examples, select_evidence  # noqa: E402
from checker.lab.train import TrainConfig  # noqa: E402

# runs are ranked by their mean accuracy on these dev sets (on every dev set packed, if none of these is)
TARGET_DEV = ("snli_becel.dev", "xnli_en.dev", "anli.dev_r1")
SHARD_BYTES = 15_000_000  # files come back from the GPU machine at 16 MiB at most
FROZEN_PREFIX = "bert.embeddings."


def _write_examples(path: Path, rows: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def pack(
    recipe: Path,
    dev: list[str],
    probes: Path,
    out: Path,
    news: Path | None = None,
    articles: int = 150,
    news_gold: Path | None = None,
    base_model: Path | None = None,
) -> None:
    """Write train.jsonl.gz, dev.jsonl.gz, base/ (fp16) and, from a news CSV, news.jsonl.gz under `out` (with
    `news_gold`, each pair read by hand carries its label). `base_model` replaces the recipe's base: a finished
    model, to train on from where it ended."""
    from safetensors.torch import load_file, save_file

    from checker.lab.train import default_base_model

    config = TrainConfig.from_file(recipe)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for path in data_files(config.train):
        for e in read_examples(path):
            rows.append({"p": select_evidence(e.premise, e.hypothesis), "h": e.hypothesis, "l": e.label, "s": e.source})
    _write_examples(out / "train.jsonl.gz", rows)
    dev_rows = [
        {"p": e.premise, "h": e.hypothesis, "l": e.label, "f": path.name.removesuffix(".jsonl")}
        for path in data_files(dev)
        for e in read_examples(path)
    ]
    for line in probes.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dev_rows.append(
            {"p": row["premise"], "h": row["hypothesis"], "l": row["label"], "f": "probes", "ph": row["phenomenon"]}
        )
    _write_examples(out / "dev.jsonl.gz", dev_rows)
    base = Path(base_model or config.base or default_base_model())
    target = out / "base"
    target.mkdir(exist_ok=True)
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        if (base / name).exists():
            (target / name).write_bytes((base / name).read_bytes())
    state = load_file(base / "model.safetensors")
    save_file(
        {k: v.half() if v.is_floating_point() else v for k, v in state.items()}, target / "model.fp16.safetensors"
    )
    if news is not None:
        news_rows = news_pairs(news, articles)
        if news_gold is not None:
            news_rows = label_news_pairs(news_rows, news_gold)
        _write_examples(out / "news.jsonl.gz", news_rows)
    print(f"packed {len(rows)} training pairs, {len(dev_rows)} dev/probe pairs into {out}", file=sys.stderr)


def news_pairs(csv_path: Path, articles: int) -> list[dict]:
    """The claim pairs `check` scores on the first `articles` news bodies: texts, documents and speakers, all that
    `relate` reads ({"a", "b", "a_document", "b_document", "a_speaker", "b_speaker"})."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from corpus import news_corpus

    from checker.claims.extract import extract_all
    from checker.ingest import load_documents
    from checker.judge.embedding import SentenceEmbedder
    from checker.pairing import plan_pairs

    with tempfile.TemporaryDirectory() as folder:
        claims = extract_all(load_documents([news_corpus(csv_path, Path(folder), articles)]))
    plan = plan_pairs(claims, embed=SentenceEmbedder())
    return [
        {
            **{side: claim.text for side, claim in (("a", pair.a), ("b", pair.b))},
            **{f"{side}_document": claim.document_id for side, claim in (("a", pair.a), ("b", pair.b))},
            **{
                f"{side}_speaker": claim.attribution.speaker if claim.attribution else None
                for side, claim in (("a", pair.a), ("b", pair.b))
            },
        }
        for pair in plan.pairs
    ]


def label_news_pairs(rows: list[dict], gold: Path) -> list[dict]:
    """Mark the news pairs read by hand: `gold` is JSONL of {"a", "b", "relation": "contradiction" | "none"} or of
    {"id", "relation"} (the findings of earlier reports, judged by a reader: bench/read_findings.py). A model that
    reports fewer contradictions may just be blind, so a sweep also counts the real ones each run still finds."""
    from checker.lab.quality import read_finding_labels  # rows by text or by pair id
    from checker.relate import finding_id  # one key for a pair in either order, as report findings have

    labels = read_finding_labels(gold)
    labelled = []
    for row in rows:
        key = finding_id(row["a"], row["b"], "pair")
        labelled.append({**row, "gold": labels[key]} if key in labels else row)
    found = sum("gold" in row for row in labelled)
    print(f"{found} of {len(labels)} hand-read pairs are among the {len(rows)} news pairs", file=sys.stderr)
    return labelled


def _claim(row: dict, side: str):
    """A side of a packed news pair as the Claim `relate` reads (packs without documents: one per side)."""
    from checker.records import Attribution, Claim

    speaker = row.get(f"{side}_speaker")
    document = row.get(f"{side}_document", side)
    attribution = Attribution(speaker, "") if speaker else None
    return Claim(side, document, row[side], row[side], 0, 0, 1, attribution=attribution)


def _news_counts(model, tokenizer, rows: list[dict]) -> dict[str, int]:
    """What `check` would report on the packed news pairs with this torch model (see `news_counts`)."""
    from checker.lab.evaluate import torch_probabilities

    return news_counts(lambda texts: torch_probabilities(model, tokenizer, texts, batch_size=256), rows)


def news_counts(score, rows: list[dict]) -> dict[str, int]:
    """What `check` would report on the packed news pairs: contradictions by kind, agreements and, for the pairs
    read by hand, the real contradictions found (`gold_found` of `gold_real`) and the false ones (`gold_false`).

    Related sentences of one story read as "one scene" make false contradictions that dev sets do not show (the v3
    and v4 trials), so each run is also counted here; and a run that reports fewer may have stopped seeing real
    ones (the v5 story-pair trials), hence the hand-read pairs. `score` maps (premise, hypothesis) pairs to
    probability dicts."""
    return counts_from_probabilities(score(both_ways(rows)), rows)


def both_ways(rows: list[dict]) -> list[tuple[str, str]]:
    """Every packed news pair as (premise, hypothesis), all forward directions, then all backward."""
    return [(r["a"], r["b"]) for r in rows] + [(r["b"], r["a"]) for r in rows]


def counts_from_probabilities(probabilities: list[dict], rows: list[dict], thresholds=None) -> dict[str, int]:
    """`news_counts` from the probabilities of every pair both ways (all forward directions, then all backward),
    so one scoring serves several thresholds."""
    from collections import Counter

    from checker.records import ClaimPair, Judgement
    from checker.relate import Thresholds, relate

    thresholds = thresholds or Thresholds()
    counts: Counter[str] = Counter()
    counts["gold_real"] = sum(row.get("gold") == "contradiction" for row in rows)
    for index, row in enumerate(rows):
        pair = ClaimPair(_claim(row, "a"), _claim(row, "b"))
        forward, backward = (Judgement(**probabilities[i]) for i in (index, len(rows) + index))
        finding = relate(pair, forward, backward, thresholds)
        if finding is not None:
            counts[finding.relation + "s"] += 1
            if finding.relation == "contradiction":
                counts[f"contradiction:{finding.kind}"] += 1
                if "gold" in row:
                    counts["gold_found" if row["gold"] == "contradiction" else "gold_false"] += 1
    return dict(sorted(counts.items()))


def _fp32_base(packed: Path, work: Path) -> Path:
    """The packed fp16 base as an fp32 model directory (transformers may keep a file's dtype)."""
    from safetensors.torch import load_file, save_file

    target = work / "base"
    if (target / "model.safetensors").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    for path in (packed / "base").iterdir():
        if path.suffix != ".safetensors":
            (target / path.name).write_bytes(path.read_bytes())
    state = load_file(packed / "base" / "model.fp16.safetensors")
    save_file({k: v.float() if v.is_floating_point() else v for k, v in state.items()}, target / "model.safetensors")
    return target


def _evaluate(model_dir: Path, dev_rows: list[dict], news_rows: list[dict], device: str) -> dict:
    """Accuracy per dev file and per phenomenon on the probes; with news pairs, what `check` would report."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from checker.lab.evaluate import argmax_label, metrics, torch_probabilities

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir).to(device).eval()
    pairs = [(r["p"], r["h"]) for r in dev_rows]
    predicted = [argmax_label(p) for p in torch_probabilities(model, tokenizer, pairs, batch_size=256)]
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for row, label in zip(dev_rows, predicted):
        keys = [row["f"]] + ([f"probes:{row['ph']}"] if row.get("ph") else [])
        for key in keys:
            gold, guess = groups.setdefault(key, ([], []))
            gold.append(row["l"])
            guess.append(label)
    scores = {key: round(metrics(gold, guess)["accuracy"], 4) for key, (gold, guess) in sorted(groups.items())}
    news = _news_counts(model, tokenizer, news_rows) if news_rows else {}
    return {"accuracy": scores, "news": news}


def train_one(packed: Path, sweep: Path, name: str, work: Path, budget_minutes: float, device: str) -> None:
    """One run of the sweep: train on the GPU, then write metrics.json beside the model."""
    from checker.lab.train import train

    spec = tomllib.loads(sweep.read_text(encoding="utf-8"))
    run = dict(spec["runs"][name])
    recipe = (sweep.parent / run.pop("recipe")).resolve()
    output = work / name
    base_config = TrainConfig.from_file(recipe)
    for table in ("caps", "weights"):  # a run's caps and weights add to the recipe's, key by key
        if table in run:
            run[table] = {**getattr(base_config, table), **run[table]}
    config = TrainConfig.from_file(
        recipe,
        **run,
        output=str(output),
        base=str(_fp32_base(packed, work / name)),
        dev=(),
        device=device,
        bf16=device.startswith("cuda"),
        threads=2,
        time_budget_minutes=budget_minutes,
    )
    examples = [NLIExample(r["p"], r["h"], r["l"], r["s"]) for r in _read_rows(packed / "train.jsonl.gz")]
    started = time.monotonic()
    model_dir = train(config, examples=examples)
    seconds = time.monotonic() - started
    evaluation = _scored(packed, model_dir, device)
    result = {"name": name, "train_seconds": round(seconds), "recipe": asdict(replace(config))} | evaluation
    (output / "metrics.json").write_text(json.dumps(result, indent=1, default=list))


def _soup(packed: Path, work: Path, name: str, members: list[str], device: str) -> dict:
    """The mean of finished runs' weights (runs that started from one model stay in one basin, so their average
    is usually better than each), scored like a run."""
    from safetensors.torch import load_file, save_file

    from checker.lab.train import average_states

    states = [load_file(work / member / "model" / "model.safetensors") for member in members]
    model_dir = work / name / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    for path in (work / members[0] / "model").iterdir():
        if path.suffix != ".safetensors":
            (model_dir / path.name).write_bytes(path.read_bytes())
    save_file(average_states(states), model_dir / "model.safetensors", metadata={"format": "pt"})
    return {"name": name, "soup_of": members} | _scored(packed, model_dir, device)


def _scored(packed: Path, model_dir: Path, device: str) -> dict:
    """`_evaluate` on the packed dev sets, probes and news pairs, with the mean of the target dev sets added."""
    news_file = packed / "news.jsonl.gz"
    news_rows = _read_rows(news_file) if news_file.exists() else []
    evaluation = _evaluate(model_dir, _read_rows(packed / "dev.jsonl.gz"), news_rows, device)
    scores = evaluation["accuracy"]
    ranked = [k for k in TARGET_DEV if k in scores] or [k for k in scores if not k.startswith("probes")]
    scores["target_mean"] = round(sum(scores[k] for k in ranked) / len(ranked), 4)
    return evaluation


def _ship_weights(model_dir: Path, out: Path, name: str) -> list[str]:
    """The trained (not frozen) weights in fp16, cut into files under the size limit."""
    from safetensors.torch import load_file, save_file

    state = load_file(model_dir / "model.safetensors")
    shards: list[dict] = [{}]
    size = 0
    for key in sorted(state):
        if key.startswith(FROZEN_PREFIX):
            continue
        tensor = state[key].half() if state[key].is_floating_point() else state[key]
        if size + tensor.numel() * tensor.element_size() > SHARD_BYTES and shards[-1]:
            shards.append({})
            size = 0
        shards[-1][key] = tensor.contiguous()
        size += tensor.numel() * tensor.element_size()
    names = []
    for index, shard in enumerate(shards):
        names.append(f"{name}.part{index}.safetensors")
        save_file(shard, out / names[-1])
    return names


def ranked_for_shipping(results: list[dict], max_news_contradictions: int = 0, min_gold_found: int = 0) -> list[dict]:
    """Runs that pass the news bars (at most `max_news_contradictions` reported, at least `min_gold_found` of the
    hand-read real ones found) by dev accuracy, then the others by fewest news contradictions (so a sweep where
    none passes still brings back the ones nearest to it)."""

    def passes(result: dict) -> bool:
        news = result["news"]
        within = not max_news_contradictions or news.get("contradictions", 0) <= max_news_contradictions
        return within and news.get("gold_found", 0) >= min_gold_found

    by_accuracy = sorted(results, key=lambda r: -r["accuracy"]["target_mean"])
    failing = sorted((r for r in by_accuracy if not passes(r)), key=lambda r: r["news"].get("contradictions", 0))
    return [r for r in by_accuracy if passes(r)] + failing


def run(
    packed: Path,
    sweep: Path,
    out: Path,
    work: Path,
    budget_minutes: float,
    keep: int,
    device: str,
    max_news_contradictions: int = 0,
    min_gold_found: int = 0,
) -> None:
    """Train every run of the sweep in parallel, then ship the best `keep` and all metrics to `out`.

    With `max_news_contradictions`, a run that would report more contradictions on the packed news pairs comes
    after every run under it, however good its dev accuracy (the shipped model's count is the usual bar); with
    `min_gold_found`, so does a run that finds fewer of the hand-read real contradictions (`pack --news-gold`)."""
    spec = tomllib.loads(sweep.read_text(encoding="utf-8"))
    names = list(spec["runs"])
    work.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    processes = {}
    for name in names:
        log = open(work / f"{name}.log", "w")  # noqa: SIM115 - closed when the process ends
        env = dict(os.environ, PYTHONUNBUFFERED="1", OMP_NUM_THREADS="2")
        command = [
            sys.executable,
            __file__,
            "train-one",
            "--packed",
            str(packed),
            "--sweep",
            str(sweep),
            "--name",
            name,
            "--work",
            str(work),
            "--budget",
            str(budget_minutes),
            "--device",
            device,
        ]
        processes[name] = (subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env), log)
    results = []
    for name, (process, log) in processes.items():
        process.wait()
        log.close()
        metrics_file = work / name / "metrics.json"
        if process.returncode == 0 and metrics_file.exists():
            results.append(json.loads(metrics_file.read_text()))
        print(f"{name}: exit {process.returncode}", file=sys.stderr)
    finished = {r["name"] for r in results}
    for soup, members in spec.get("soups", {}).items():
        if set(members) <= finished:
            results.append(_soup(packed, work, soup, members, device))
        else:
            print(f"{soup}: not made, {sorted(set(members) - finished)} did not finish", file=sys.stderr)
    results.sort(key=lambda r: -r["accuracy"]["target_mean"])
    shipped = {}
    for result in ranked_for_shipping(results, max_news_contradictions, min_gold_found)[:keep]:
        shipped[result["name"]] = _ship_weights(work / result["name"] / "model", out, result["name"])
    (out / "sweep-metrics.json").write_text(json.dumps({"results": results, "shipped": shipped}, indent=1))
    with open(out / "sweep-logs.txt", "w") as combined:
        for name in names:
            combined.write(f"===== {name}\n{(work / f'{name}.log').read_text()[-20000:]}\n")
    for result in results:
        a = result["accuracy"]
        news = " ".join(f"news_{k}={v}" for k, v in result["news"].items() if ":" not in k)
        print(
            f"{result['name']}: "
            + " ".join(f"{k}={a[k]}" for k in (*TARGET_DEV, "probes", "target_mean") if k in a)
            + (f" {news}" if news else "")
        )


def count(packed: Path, models: list[str], contradiction_thresholds: list[float] | None = None) -> None:
    """(here) `news_counts` for finished models, as checker runs them (the shipped int8 file too), to set the bars;
    with `contradiction_thresholds`, once per threshold of the model contradiction (one scoring for all)."""
    from checker.judge import load_judge
    from checker.relate import Thresholds

    rows = _read_rows(packed / "news.jsonl.gz")
    for model in models:
        probabilities = [j.as_dict() for j in load_judge(model).judge_batch(both_ways(rows))]
        for threshold in contradiction_thresholds or [Thresholds().contradiction]:
            counts = counts_from_probabilities(probabilities, rows, Thresholds(contradiction=threshold))
            print(f"{model} @{threshold}: " + " ".join(f"{k}={v}" for k, v in counts.items()), flush=True)


def unpack(parts: list[Path], packed: Path, out: Path) -> None:
    """Join shipped weights to the packed base's frozen embeddings (fp16, as trained) into a model directory."""
    import tempfile

    from safetensors.torch import load_file
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from checker.judge.labels import LABELS

    shipped = {}
    for part in parts:
        shipped.update({k: v.float() if v.is_floating_point() else v for k, v in load_file(part).items()})
    # a student trained with keep_layers has fewer encoder layers than the base
    layers = {int(k.split(".")[3]) for k in shipped if k.startswith("bert.encoder.layer.")}
    with tempfile.TemporaryDirectory() as work:
        base = _fp32_base(packed, Path(work))
        model = AutoModelForSequenceClassification.from_pretrained(
            base,
            num_labels=3,
            id2label=dict(enumerate(LABELS)),
            label2id={n: i for i, n in enumerate(LABELS)},
            **({"num_hidden_layers": max(layers) + 1} if layers else {}),
        )
        tokenizer = AutoTokenizer.from_pretrained(base)
    state = model.state_dict()
    missing = sorted(k for k in state if k not in shipped and not k.startswith(FROZEN_PREFIX))
    unknown = sorted(k for k in shipped if k not in state)
    if missing or unknown:
        raise SystemExit(f"weights do not fit the base: missing {missing[:5]}, unknown {unknown[:5]}")
    state.update(shipped)
    model.load_state_dict(state)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    print(f"saved {out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    steps = parser.add_subparsers(dest="step", required=True)
    p = steps.add_parser("pack", help="(here) write the data and base model for the GPU machine")
    p.add_argument("--recipe", type=Path, required=True, help="recipe whose train list is packed")
    p.add_argument("--dev", nargs="+", required=True)
    p.add_argument("--probes", type=Path, default=Path("tests/cases/contrast_probes.jsonl"))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--news", type=Path, help="news CSV (../shared/data/news/...): also pack the pairs check scores")
    p.add_argument("--news-articles", type=int, default=150, help="how many news bodies (default 150)")
    p.add_argument(
        "--base", type=Path, help="model directory to pack instead of the recipe's base (to go on training it)"
    )
    p.add_argument(
        "--news-gold", type=Path, help='JSONL of hand-read news pairs {"a", "b", "relation": contradiction|none}'
    )
    r = steps.add_parser("run", help="(GPU machine) train the sweep, ship the best")
    r.add_argument("--packed", type=Path, required=True)
    r.add_argument(
        "--sweep",
        type=Path,
        required=True,
        help="TOML with [runs.NAME] tables (recipe = FILE, overrides) and an optional [soups] table",
    )
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--work", type=Path, default=Path("/tmp/sweep"))
    r.add_argument("--budget", type=float, default=5.0, help="training minutes per run")
    r.add_argument("--keep", type=int, default=2)
    r.add_argument("--device", default="cuda", help="cpu only to try the sweep out on a tiny slice")
    r.add_argument(
        "--max-news-contradictions", type=int, default=0, help="ship runs that report more on the news pairs last"
    )
    r.add_argument(
        "--min-gold-found", type=int, default=0, help="ship runs that find fewer hand-read real contradictions last"
    )
    t = steps.add_parser("train-one", help="(internal) one run of the sweep")
    t.add_argument("--packed", type=Path, required=True)
    t.add_argument("--sweep", type=Path, required=True)
    t.add_argument("--name", required=True)
    t.add_argument("--work", type=Path, required=True)
    t.add_argument("--budget", type=float, required=True)
    t.add_argument("--device", default="cuda")
    c = steps.add_parser("count", help="(here) what check reports on the packed news pairs, for finished models")
    c.add_argument("--packed", type=Path, required=True)
    c.add_argument("models", nargs="+", help="model directories (ONNX or transformers)")
    c.add_argument(
        "--contradiction-thresholds", type=float, nargs="+", help="count once per model contradiction threshold"
    )
    u = steps.add_parser("unpack", help="(here) rebuild a model directory from shipped weights")
    u.add_argument("parts", type=Path, nargs="+")
    u.add_argument("--packed", type=Path, required=True, help="the folder `pack` wrote (its base model)")
    u.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.step == "pack":
        pack(args.recipe, args.dev, args.probes, args.out, args.news, args.news_articles, args.news_gold, args.base)
    elif args.step == "run":
        run(
            args.packed,
            args.sweep,
            args.out,
            args.work,
            args.budget,
            args.keep,
            args.device,
            args.max_news_contradictions,
            args.min_gold_found,
        )
    elif args.step == "count":
        count(args.packed, args.models, args.contradiction_thresholds)
    elif args.step == "train-one":
        train_one(args.packed, args.sweep, args.name, args.work, args.budget, args.device)
    else:
        unpack(args.parts, args.packed, args.out)


if __name__ == "__main__":
    main()
