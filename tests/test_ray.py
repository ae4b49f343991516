"""`checker score --engine ray` on a local Ray: the same output as the local engine, bad rows kept, a dead worker
costs nothing. The judge is a tiny int8 model built in the test."""

import csv
import json

import pytest

pytest.importorskip("ray")

from typer.testing import CliRunner  # noqa: E402

from checker.cli import app  # noqa: E402
from checker.lab.export import export_onnx  # noqa: E402
from checker.ray_engine import FAULT_ENV  # noqa: E402

SUBJECTS = ["The council", "A spokesman", "The company", "Police", "The union", "Doctors", "The minister", "Fans"]
VERBS = ["approved", "rejected", "confirmed", "denied", "delayed", "announced", "criticised", "welcomed"]


@pytest.fixture(scope="module")
def tiny_int8(tiny_model_dir, tmp_path_factory):
    return export_onnx(tiny_model_dir, tmp_path_factory.mktemp("ray-model") / "int8")


@pytest.fixture(scope="module")
def pairs_file(tmp_path_factory):
    """2,000 rows; three have a missing text and must come back as error rows in their place."""
    path = tmp_path_factory.mktemp("ray-data") / "pairs.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "premise", "hypothesis"])
        for i in range(2000):
            subject, verb = SUBJECTS[i % 8], VERBS[(i // 8) % 8]
            premise = f"{subject} {verb} the plan on day {i}."
            hypothesis = (
                "" if i in (7, 999, 1998) else f"{SUBJECTS[(i + 3) % 8]} {VERBS[i % 8]} it after {i % 13} weeks."
            )
            writer.writerow([i, premise, hypothesis])
    return path


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _score(pairs_file, model, output, *extra):
    result = run("score", pairs_file, "-o", output, "--model", model, "--chunk-size", "128", "-q", *extra)
    assert result.exit_code == 0, result.output
    return output.read_bytes()


def test_ray_scores_exactly_as_the_local_engine(pairs_file, tiny_int8, tmp_path):
    local = _score(pairs_file, tiny_int8, tmp_path / "local.csv")
    on_ray = _score(pairs_file, tiny_int8, tmp_path / "ray.csv", "--engine", "ray", "--workers", "2")
    assert on_ray == local
    rows = list(csv.DictReader((tmp_path / "ray.csv").open(encoding="utf-8")))
    assert [int(r["id"]) for r in rows] == list(range(2000))
    errors = [int(r["id"]) for r in rows if r["error"]]
    assert errors == [7, 999, 1998] and all(rows[i]["label"] == "" for i in errors)
    assert all(r["label"] in ("entailment", "neutral", "contradiction") for r in rows if not r["error"])


def test_a_worker_killed_mid_run_loses_and_repeats_no_row(pairs_file, tiny_int8, tmp_path, monkeypatch):
    local = _score(pairs_file, tiny_int8, tmp_path / "local.jsonl")
    marker = tmp_path / "died"
    monkeypatch.setenv(FAULT_ENV, f"3:{marker}")  # the first actor to start its third chunk exits hard
    on_ray = _score(pairs_file, tiny_int8, tmp_path / "ray.jsonl", "--engine", "ray", "--workers", "2")
    assert marker.exists()  # a worker did die
    assert on_ray == local
    ids = [json.loads(line)["id"] for line in on_ray.decode().splitlines()]
    assert ids == [str(i) for i in range(2000)]


def test_ray_options_are_refused_where_they_do_not_apply(pairs_file, tiny_int8, tmp_path):
    workers = run("score", pairs_file, "-o", tmp_path / "x.csv", "--model", tiny_int8, "--workers", "2")
    engine = run("score", pairs_file, "-o", tmp_path / "x.csv", "--model", tiny_int8, "--engine", "spark")
    assert workers.exit_code == 2 and "--address and --workers apply to --engine ray" in workers.output
    assert engine.exit_code == 2 and "--engine spark: use local or ray" in engine.output
    assert not (tmp_path / "x.csv").exists()
