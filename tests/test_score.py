import csv
import json
import os
import signal
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import FakeJudge

from checker.errors import DataError
from checker.scoring import score_file


def write_csv(path, rows, header=("premise", "hypothesis")):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


ROWS = [
    ("Police said 3,000 protesters gathered.", "Some 5,000 protesters gathered."),
    ("The mayor resigned from the council.", "The mayor has not resigned from the council."),
    ("", "An empty premise."),
    ("The bridge opened in May.", "The bridge opened in May."),
]


def test_scores_every_row_and_keeps_input_columns(tmp_path):
    source = tmp_path / "pairs.csv"
    write_csv(source, ROWS)
    out = tmp_path / "out.jsonl"
    stats = score_file(source, out, FakeJudge(), both_directions=True)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert stats.rows == 4 and stats.errors == 1 and len(rows) == 4
    assert rows[0]["kind"] == "numeric" and rows[0]["relation"] == "contradiction"
    assert rows[1]["label"] == "contradiction"
    assert rows[2]["error"] == "missing text in column premise" and rows[2]["label"] is None
    assert rows[3]["label"] == "entailment" and rows[3]["relation"] == "agreement"
    assert {"premise", "hypothesis", "label", "entailment", "neutral", "contradiction", "kind"} <= set(rows[0])


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet"])
def test_formats_round_trip(tmp_path, suffix):
    source = tmp_path / "pairs.parquet"
    pq.write_table(
        pa.table({"claim_a": [a for a, _ in ROWS], "claim_b": [b for _, b in ROWS], "n": [1, 2, 3, 4]}), source
    )
    out = tmp_path / f"out{suffix}"
    score_file(source, out, FakeJudge())
    if suffix == ".parquet":
        table = pq.read_table(out)
        assert table.num_rows == 4 and "contradiction" in table.column_names and "n" in table.column_names
    else:
        assert out.read_text(encoding="utf-8").count("\n") >= 4


def test_missing_columns_name_the_columns_found(tmp_path):
    source = tmp_path / "pairs.csv"
    write_csv(source, [("a", "b")], header=("left", "right"))
    with pytest.raises(DataError, match="columns found: left, right"):
        score_file(source, tmp_path / "out.csv", FakeJudge())
    stats = score_file(source, tmp_path / "out.csv", FakeJudge(), columns="left,right")
    assert stats.rows == 1


def test_killed_run_resumes_to_the_same_output(tmp_path, tiny_model_dir):
    source = tmp_path / "pairs.csv"
    write_csv(
        source,
        [(f"Claim number {i} says {i * 7} people came.", f"Claim {i} is about {i} people.") for i in range(1500)],
    )
    command = [
        sys.executable,
        "-m",
        "checker",
        "score",
        str(source),
        "--model",
        str(tiny_model_dir),
        "--chunk-size",
        "50",
        "-q",
    ]
    clean = tmp_path / "clean.csv"
    subprocess.run([*command, "-o", str(clean)], check=True)

    resumed = tmp_path / "resumed.csv"
    parts = tmp_path / ".resumed.csv.parts"
    process = subprocess.Popen([*command, "-o", str(resumed)])
    deadline = time.time() + 120
    while time.time() < deadline and len(list(parts.glob("part-*.jsonl"))) < 5:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(list(parts.glob("part-*.jsonl")))
    assert 5 <= finished_before < 30 and not resumed.exists()
    subprocess.run([*command, "-o", str(resumed), "--resume"], check=True)
    assert resumed.read_bytes() == clean.read_bytes()
    assert not parts.exists()


def test_unreadable_data_files_are_one_line_errors_naming_the_file(tmp_path):
    from typer.testing import CliRunner

    from checker import cli

    binary = tmp_path / "pairs.jsonl"
    binary.write_bytes(b"\x00\x01\x02")
    for args, expected in (
        (["eval", str(binary)], "pairs.jsonl: cannot read as json"),
        (["score", str(binary), "-o", str(tmp_path / "out.csv")], "pairs.jsonl"),
        (
            ["contrast", "--news", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "c.jsonl")],
            "missing.csv: no such file",
        ),
        (["contrast", "--news", str(binary), "-o", str(tmp_path / "c.jsonl")], "no articleBody column"),
    ):
        result = CliRunner().invoke(cli.app, args)
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert not (tmp_path / "out.csv").exists() and not (tmp_path / "c.jsonl").exists()
