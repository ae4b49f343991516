"""Mechanics of the model code on a tiny model built in the test: judges, export, training, eval."""

import json
import shutil
from pathlib import Path

import pytest

from checker.errors import ConfigError, LabelMappingError
from checker.judge import load_judge
from checker.judge.labels import map_model_labels, parse_label_map
from checker.judge.onnx_backend import OnnxJudge
from checker.judge.transformers_backend import TransformersJudge
from checker.lab.evaluate import evaluate_paths, metrics
from checker.lab.export import export_onnx
from checker.lab.nli_data import NLIExample, cap_examples, load_examples
from checker.lab.train import TrainConfig, folded_loss, latest_checkpoint, linear_schedule, resolve_device, train

PAIRS = [
    ("A man is playing a guitar on stage.", "A man is performing music."),
    ("A man is playing a guitar on stage.", "Nobody is playing an instrument."),
    ("The council approved the budget on Monday.", "The council rejected the budget."),
    ("Two dogs run through a field.", "Animals are outside."),
    ("The company hired 300 workers in Ohio.", "The company fired 300 workers in Ohio."),
    ("She is reading a book in the library.", "A woman is sleeping at home."),
]


def test_label_mapping_reads_id2label_and_refuses_unknown_labels():
    assert map_model_labels({0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"}) == {
        0: "contradiction",
        1: "entailment",
        2: "neutral",
    }
    with pytest.raises(LabelMappingError) as caught:
        map_model_labels({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    assert caught.value.code == "E011" and "--label-map" in str(caught.value)
    mapping = parse_label_map("LABEL_0=contradiction,LABEL_1=entailment,LABEL_2=neutral")
    assert map_model_labels({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, mapping)[1] == "entailment"


def test_transformers_judge_and_onnx_export_agree(tiny_model_dir, tmp_path):
    torch_judge = TransformersJudge(str(tiny_model_dir))
    expected = torch_judge.judge_batch(PAIRS)
    assert all(abs(j.entailment + j.neutral + j.contradiction - 1) < 1e-5 for j in expected)

    fp32_dir = export_onnx(tiny_model_dir, tmp_path / "fp32", quantize=False)
    fp32 = OnnxJudge(fp32_dir)
    for a, b in zip(expected, fp32.judge_batch(PAIRS)):
        assert a.label == b.label
        assert abs(a.contradiction - b.contradiction) < 1e-4

    int8_dir = export_onnx(tiny_model_dir, tmp_path / "int8")
    assert (int8_dir / "model.int8.onnx").exists() and not (int8_dir / "model.onnx").exists()
    int8 = load_judge(str(int8_dir))
    assert isinstance(int8, OnnxJudge) and int8.info.backend == "onnxruntime"
    assert len(int8.judge_batch(PAIRS)) == len(PAIRS)
    assert isinstance(load_judge(str(tiny_model_dir)), TransformersJudge)


@pytest.fixture(scope="module")
def tiny_int8_dir(tiny_model_dir, tmp_path_factory):
    return export_onnx(tiny_model_dir, tmp_path_factory.mktemp("tiny") / "int8")


def test_int8_scores_do_not_depend_on_batch_neighbours(tiny_int8_dir):
    """Dynamic int8 quantization scales activations per call, so the judge scores each pair alone."""
    int8 = OnnxJudge(tiny_int8_dir)
    alone = [int8.judge_batch([pair])[0] for pair in PAIRS]
    together = int8.judge_batch(PAIRS)
    reversed_order = int8.judge_batch(PAIRS[::-1])[::-1]
    assert together == alone and reversed_order == alone
    assert int8.info.extra["scoring"] == "per-pair"  # part of the cache key: old batched scores are not reused


def test_a_judge_hands_its_pool_a_chunk_of_runs_at_a_time_and_keeps_the_order(tiny_int8_dir, monkeypatch):
    """Executor.map submits every task at once: the full news corpus held 400 MB of futures for its one-pair runs."""
    from checker import judge as judge_module
    from checker.judge import onnx_backend

    submitted = []

    def chunked(pool, function, items, chunk=3):
        submitted.append(len(items))
        for start in range(0, len(items), chunk):
            yield from pool.map(function, items[start : start + chunk])

    int8 = OnnxJudge(tiny_int8_dir)
    alone = [int8.judge_batch([pair])[0] for pair in PAIRS]
    monkeypatch.setattr(onnx_backend, "map_in_chunks", chunked)
    assert int8.judge_batch(PAIRS * 3) == alone * 3 and submitted[-1] == len(PAIRS) * 3
    calls = []

    class Pool:
        def map(self, function, items):
            calls.append(len(items))
            return map(function, items)

    assert list(judge_module.map_in_chunks(Pool(), str, range(10), chunk=4)) == [str(i) for i in range(10)]
    assert calls == [4, 4, 2]


def test_a_static_int8_model_scores_a_pair_the_same_in_any_batch(tiny_model_dir, tmp_path):
    """Static quantization fixes every activation scale at export, so the judge batches and a pair's scores do not
    depend on its neighbours or on the padding a longer neighbour brings; it unpacks to its own int8 weights."""
    import random

    import numpy as np
    import onnx
    from onnx import numpy_helper

    from checker.lab.unpack import unpack_onnx

    calibration = tmp_path / "calibration.jsonl"
    rows = [{"premise": a, "hypothesis": b, "label": "neutral"} for a, b in PAIRS * 3]
    calibration.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    static = export_onnx(tiny_model_dir, tmp_path / "static", calibration=[calibration], calibration_pairs=12)
    config = json.loads((static / "config.json").read_text(encoding="utf-8"))
    assert config["checker_quantization"] == {"mode": "static", "method": "minmax", "calibration_pairs": 12}
    judge = OnnxJudge(static, batch_size=16)
    assert judge.info.extra["scoring"] == "batched"
    many = PAIRS + [
        (f"{a} It happened in {year}.", f"{b} Nobody said why.") for year in range(1990, 2050) for a, b in PAIRS[:1]
    ]
    alone = [judge.judge_batch([pair])[0] for pair in many]
    for seed in (1, 2):
        shuffled = list(range(len(many)))
        random.Random(seed).shuffle(shuffled)
        for size in (16, 64):
            judge.batch_size = size
            together = judge.judge_batch([many[i] for i in shuffled])
            assert [together[shuffled.index(i)] for i in range(len(many))] == alone

    def weights(directory: Path) -> dict:
        graph = onnx.load(str(directory / "model.int8.onnx")).graph
        return {t.name: numpy_helper.to_array(t) for t in graph.initializer if t.name.endswith("_quantized")}

    again = export_onnx(unpack_onnx(static, tmp_path / "unpacked"), tmp_path / "again", calibration=[calibration])
    before, after = weights(static), weights(again)
    assert before.keys() == after.keys() and len(before) >= 8
    assert all(np.array_equal(before[name], after[name]) for name in before)


def test_an_unpacked_int8_model_exports_to_the_same_int8_weights(tiny_model_dir, tiny_int8_dir, tmp_path):
    """The shipped int8 file is its own training checkpoint: unpack, export, and every quantized weight comes back."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    from checker.errors import ModelLoadError
    from checker.lab.unpack import unpack_onnx

    def quantized(directory: Path) -> dict:
        graph = onnx.load(str(directory / "model.int8.onnx")).graph
        return {t.name: numpy_helper.to_array(t) for t in graph.initializer if t.name.endswith("_quantized")}

    unpacked = unpack_onnx(tiny_int8_dir, tmp_path / "unpacked")
    again = export_onnx(unpacked, tmp_path / "again")
    before, after = quantized(tiny_int8_dir), quantized(again)
    assert before.keys() == after.keys() and len(before) >= 8  # 6 encoder projections, pooler, classifier
    assert all(np.array_equal(before[name], after[name]) for name in before)
    assert OnnxJudge(again).judge_batch(PAIRS) == OnnxJudge(tiny_int8_dir).judge_batch(PAIRS)

    # an fp32 export unpacks to the trained weights themselves
    from transformers import AutoModelForSequenceClassification

    fp32 = unpack_onnx(export_onnx(tiny_model_dir, tmp_path / "fp32", quantize=False), tmp_path / "fp32-unpacked")
    original = AutoModelForSequenceClassification.from_pretrained(tiny_model_dir).state_dict()
    rebuilt = AutoModelForSequenceClassification.from_pretrained(fp32).state_dict()
    assert all(np.allclose(original[k].numpy(), rebuilt[k].numpy(), atol=1e-6) for k in original)
    with pytest.raises(ModelLoadError, match="no model.int8.onnx/model.onnx"):
        unpack_onnx(tiny_model_dir, tmp_path / "nothing")


def test_a_recheck_answered_from_the_cache_never_opens_the_model(tiny_int8_dir, tmp_path):
    from checker.cache import Cache, CachedJudge

    int8_dir = tiny_int8_dir
    cache = Cache(tmp_path / "cache")
    first = CachedJudge(OnnxJudge(int8_dir), cache)
    scores = first.judge_batch(PAIRS)
    again = OnnxJudge(int8_dir)
    assert CachedJudge(again, cache).judge_batch(PAIRS) == scores
    assert again._session is None  # the ONNX session, most of the load time, was never needed
    cache.close()


def test_a_model_brings_its_calibrated_report_thresholds(tiny_model_dir, tiny_int8_dir, tmp_path):
    from checker.errors import ModelLoadError

    assert load_judge(str(tiny_int8_dir)).info.thresholds == {}  # none given: check uses the general defaults
    for source, name in ((tiny_int8_dir, "int8"), (tiny_model_dir, "torch")):
        directory = Path(shutil.copytree(source, tmp_path / name))
        config = json.loads((directory / "config.json").read_text())
        config["checker_thresholds"] = {"contradiction": 0.8, "agreement": 0.9}
        (directory / "config.json").write_text(json.dumps(config))
        assert load_judge(str(directory)).info.thresholds == {"contradiction": 0.8, "agreement": 0.9}
        config["checker_thresholds"] = {"contradiction": 80}
        (directory / "config.json").write_text(json.dumps(config))
        with pytest.raises(ModelLoadError, match="checker_thresholds must map"):
            load_judge(str(directory))


def test_a_missing_model_directory_is_named_without_asking_the_hub(tmp_path):
    from checker.errors import ModelLoadError

    with pytest.raises(ModelLoadError, match="no such model directory"):
        load_judge(str(tmp_path / "no-model"))


def test_a_damaged_onnx_file_is_a_clear_model_error(tiny_int8_dir, tmp_path):
    from checker.errors import ModelLoadError

    int8_dir = Path(shutil.copytree(tiny_int8_dir, tmp_path / "int8"))
    (int8_dir / "model.int8.onnx").write_bytes(b"not a model" * 100)
    with pytest.raises(ModelLoadError, match="model.int8.onnx: cannot load it"):
        load_judge(str(int8_dir)).judge_batch(PAIRS)


def test_folded_loss_sums_neutral_and_contradiction():
    import torch

    logits = torch.tensor([[2.0, 0.0, 0.0]])
    neutral_only = folded_loss(logits, torch.tensor([[0.0, 1.0, 0.0]]), torch.ones(1))
    folded = folded_loss(logits, torch.tensor([[0.0, 1.0, 1.0]]), torch.ones(1))
    probabilities = torch.softmax(logits, -1)[0]
    assert folded.item() == pytest.approx(-torch.log(probabilities[1] + probabilities[2]).item(), rel=1e-5)
    assert folded.item() < neutral_only.item()


def test_a_weight_per_source_and_label_comes_before_the_source_weight():
    from checker.lab.train import example_weight

    weights = {"fnc1_stance": 2.0, "fnc1_stance:contradiction": 4.0}
    assert example_weight(NLIExample("p", "h", "contradiction", "fnc1_stance"), weights) == 4.0
    assert example_weight(NLIExample("p", "h", "neutral", "fnc1_stance"), weights) == 2.0
    assert example_weight(NLIExample("p", "h", "contradiction", "snli"), weights) == 1.0


def test_not_contradiction_rows_fold_entailment_and_neutral():
    import torch

    from checker.judge.labels import normalize_label
    from checker.lab.train import LABEL_MASKS

    mask = torch.tensor([LABEL_MASKS[normalize_label("not_contradiction")]])
    leaning_entailment = folded_loss(torch.tensor([[3.0, 0.0, 0.0]]), mask, torch.ones(1))
    leaning_neutral = folded_loss(torch.tensor([[0.0, 3.0, 0.0]]), mask, torch.ones(1))
    leaning_contradiction = folded_loss(torch.tensor([[0.0, 0.0, 3.0]]), mask, torch.ones(1))
    assert leaning_entailment.item() == pytest.approx(leaning_neutral.item())  # the model keeps the choice
    assert leaning_contradiction.item() > 10 * leaning_neutral.item()


def _write_pairs(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def tiny_data(tmp_path):
    three_way = [
        {"premise": p, "hypothesis": h, "label": lab, "source": "tiny"}
        for (p, h), lab in zip(
            PAIRS, ["entailment", "contradiction", "contradiction", "entailment", "contradiction", "neutral"]
        )
    ] * 8
    two_way = [{"premise": p, "hypothesis": h, "label": "not_entailment"} for p, h in PAIRS[1:3]] * 4
    _write_pairs(tmp_path / "three.jsonl", three_way)
    _write_pairs(tmp_path / "two.jsonl", two_way)
    return tmp_path


def tiny_recipe(tiny_model_dir, tiny_data, **changes) -> TrainConfig:
    """A few quick steps on the tiny model; `changes` override the defaults."""
    settings = {
        "train": (str(tiny_data / "three.jsonl"), str(tiny_data / "two.jsonl")),
        "output": str(tiny_data / "run"),
        "base": str(tiny_model_dir),
        "epochs": 6,
        "batch_size": 8,
        "learning_rate": 3e-3,
        "warmup_ratio": 0.0,
        "checkpoint_every": 10,
        "max_length": 48,
        "seed": 1,
    }
    return TrainConfig(**{**settings, **changes})


def test_training_lowers_loss_writes_a_loadable_model_and_resumes(tiny_model_dir, tiny_data):
    losses = []
    config = tiny_recipe(tiny_model_dir, tiny_data)
    model_dir = train(config, on_step=lambda step, loss: losses.append(loss))
    assert sum(losses[-5:]) / 5 < sum(losses[:5]) / 5
    judge = load_judge(str(model_dir))
    assert len(judge.judge_batch(PAIRS)) == len(PAIRS)
    assert json.loads((model_dir / "config.json").read_text())["id2label"]["0"] == "entailment"

    checkpoint = latest_checkpoint(tiny_data / "run" / "checkpoints")
    assert checkpoint is not None
    resumed_steps = []
    longer = TrainConfig(**{**config.__dict__, "epochs": 8})
    train(longer, resume=True, on_step=lambda step, loss: resumed_steps.append(step))
    assert resumed_steps and resumed_steps[0] == int(checkpoint.name.split("-")[1]) + 1


def test_a_time_budget_shortens_the_run_and_the_schedule_still_ends_at_zero(tiny_model_dir, tiny_data, monkeypatch):
    """The speed is timed after a few warm-up steps; a budget too small for more ends the run right there."""
    import torch

    import checker.lab.train

    monkeypatch.setattr(checker.lab.train, "BUDGET_WARMUP_STEPS", 5)
    monkeypatch.setattr(checker.lab.train, "BUDGET_TIMED_STEPS", 20)

    rates = []
    original_step = torch.optim.AdamW.step

    def recording_step(self, *args, **kwargs):
        rates.append(self.param_groups[0]["lr"])
        return original_step(self, *args, **kwargs)

    monkeypatch.setattr(torch.optim.AdamW, "step", recording_step)
    config = tiny_recipe(
        tiny_model_dir,
        tiny_data,
        epochs=1000,
        max_steps=900,
        checkpoint_every=1000,
        time_budget_minutes=1e-6,
        warmup_ratio=0.01,
    )
    steps = []
    train(config, on_step=lambda step, loss: steps.append(step))
    assert steps[-1] == 26  # planned 900, cut once the speed was known
    assert latest_checkpoint(tiny_data / "run" / "checkpoints").name == "step-0000026"
    # the decay was stretched to end at the new last step: the last step runs at the end of the schedule
    assert rates[-1] == pytest.approx(3e-3 * (26 - 25) / (26 - 9))
    assert rates[20] == pytest.approx(3e-3 * (900 - 20) / (900 - 9))
    resumed = []
    train(config, resume=True, on_step=lambda step, loss: resumed.append(step))
    assert resumed == []  # the same recipe resumed: the cut holds, the run is complete


def test_linear_schedule_reads_the_planned_total_at_each_step():
    plan = {"total": 100}
    factor = linear_schedule(10, plan)
    assert factor(0) == 0.0 and factor(5) == 0.5 and factor(10) == 1.0 and factor(55) == 0.5
    plan["total"] = 60
    assert factor(35) == 0.5 and factor(60) == 0.0


def test_device_names_are_checked():
    import torch

    assert resolve_device("cpu") == "cpu"
    assert resolve_device("auto") == ("cuda" if torch.cuda.is_available() else "cpu")
    with pytest.raises(ConfigError, match="use auto, cpu, cuda"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ConfigError, match="sees no CUDA GPU"):
            resolve_device("cuda")


def test_preloaded_examples_are_capped_like_files(tiny_data):
    """`train(examples=...)` (the GPU sweep) samples the same pairs as reading the files with the caps."""
    from_files = load_examples([tiny_data / "three.jsonl", tiny_data / "two.jsonl"], caps={"tiny": 5}, seed=3)
    uncapped = load_examples([tiny_data / "three.jsonl", tiny_data / "two.jsonl"])
    assert len(from_files) == 5 + 8 and len(uncapped) == 48 + 8
    assert cap_examples(uncapped, {"tiny": 5}, seed=3) == from_files
    assert cap_examples([NLIExample("a", "b", "neutral", "x")], {"x": 0}) == []


def test_average_with_soups_the_run_with_another_model(tiny_model_dir, tiny_data):
    import torch
    from transformers import AutoModelForSequenceClassification

    with pytest.raises(ConfigError, match="not a model directory"):  # before any training, not after it
        train(tiny_recipe(tiny_model_dir, tiny_data, average_with=(str(tiny_data / "nothing"),)))
    config = tiny_recipe(
        tiny_model_dir,
        tiny_data,
        train=(str(tiny_data / "three.jsonl"),),
        output=str(tiny_data / "soup"),
        epochs=1,
        checkpoint_every=500,
        seed=13,
        average_with=(str(tiny_model_dir),),
    )
    souped = train(config)
    final = torch.load(latest_checkpoint(tiny_data / "soup" / "checkpoints") / "model.pt", weights_only=True)
    base = AutoModelForSequenceClassification.from_pretrained(tiny_model_dir).state_dict()
    weights = AutoModelForSequenceClassification.from_pretrained(souped).state_dict()
    key = "classifier.weight"
    assert not torch.equal(final[key], base[key])  # training moved it, and the soup sits half way
    assert torch.allclose(weights[key], (final[key] + base[key]) / 2, atol=1e-6)


def test_keep_layers_trains_a_smaller_student_from_the_base_layers(tiny_model_dir, tiny_data):
    import torch
    from transformers import AutoModelForSequenceClassification

    two_layers = AutoModelForSequenceClassification.from_pretrained(tiny_model_dir, num_hidden_layers=2)
    two_layers.save_pretrained(tiny_data / "two-layers")
    (tiny_data / "two-layers" / "tokenizer.json").write_bytes((tiny_model_dir / "tokenizer.json").read_bytes())
    for name in ("tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        if (tiny_model_dir / name).exists():
            (tiny_data / "two-layers" / name).write_bytes((tiny_model_dir / name).read_bytes())
    with pytest.raises(ConfigError, match="keep_layers"):
        train(tiny_recipe(tiny_data / "two-layers", tiny_data, keep_layers=(1, 0)))
    student = train(tiny_recipe(tiny_data / "two-layers", tiny_data, keep_layers=(1,), learning_rate=0.0))
    weights = AutoModelForSequenceClassification.from_pretrained(student).state_dict()
    assert AutoModelForSequenceClassification.from_pretrained(student).config.num_hidden_layers == 1
    key = "bert.encoder.layer.{}.attention.self.query.weight"
    assert torch.equal(weights[key.format(0)], two_layers.state_dict()[key.format(1)])  # the base's second layer
    assert len(load_judge(str(student)).judge_batch(PAIRS[:2])) == 2


def test_eval_on_three_way_and_two_way_files(tiny_model_dir, tiny_data):
    judge = load_judge(str(tiny_model_dir))

    def predict(premises, hypotheses):
        return [j.as_dict() for j in judge.judge_batch(list(zip(premises, hypotheses)))]

    results = evaluate_paths(predict, [tiny_data / "three.jsonl", tiny_data / "two.jsonl"])
    three, two = results[str(tiny_data / "three.jsonl")], results[str(tiny_data / "two.jsonl")]
    assert three["n"] == 48 and set(three["confusion"]) == {"entailment", "neutral", "contradiction"}
    assert set(two["confusion"]) == {"entailment", "not_entailment"}
    assert 0.0 <= two["accuracy"] <= 1.0


def test_metrics_by_hand():
    result = metrics(
        ["entailment", "neutral", "contradiction", "contradiction"],
        ["entailment", "contradiction", "contradiction", "neutral"],
    )
    assert result["accuracy"] == 0.5
    assert result["per_label"]["contradiction"]["precision"] == 0.5
    assert result["confusion"]["neutral"]["contradiction"] == 1
    folded = metrics(["entailment", "not_entailment"], ["neutral", "contradiction"])
    assert folded["accuracy"] == 0.5
    consistent = metrics(
        ["not_contradiction", "not_contradiction", "contradiction"], ["entailment", "neutral", "neutral"]
    )
    assert set(consistent["confusion"]) == {"contradiction", "not_contradiction"}
    assert consistent["accuracy"] == pytest.approx(2 / 3)
