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


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_bad_row_is_an_error_row_not_a_failed_file(tmp_path):
    source = tmp_path / "pairs.csv"
    good = "The mayor resigned.,The mayor quit.\n"
    data = b"\xef\xbb\xbfpremise,hypothesis\n" + good.encode()  # a BOM before the header
    data += b"The caf\xe9 closed.,The cafe is open.\n" + good.encode()  # a latin-1 byte
    data += ('"' + "long " * 210_000 + '",Short.\n').encode() + good.encode()  # a 1 MB field
    source.write_bytes(data)
    out = tmp_path / "out.jsonl"
    stats = score_file(source, out, FakeJudge())
    rows = _rows(out)
    assert stats.rows == 5 and stats.errors == 2 and [r["error"] is None for r in rows] == [1, 0, 1, 0, 1]
    assert rows[1]["error"] == "column premise: not UTF-8 text" and rows[1]["premise"] == "The caf\ufffd closed."
    assert rows[3]["error"] == "column premise: text over 1,000,000 characters"
    assert "premise" in rows[0] and rows[0]["label"] is not None
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text(
        '{"premise": "The mayor resigned.", "hypothesis": "The mayor quit."}\n[1, 2]\n{"premise": \n"just text"\n',
        encoding="utf-8",
    )
    stats = score_file(jsonl, out, FakeJudge())
    errors = [r["error"] for r in _rows(out)]
    assert stats.rows == 4 and errors == [None, "line 2: a JSON list, not an object", "line 3: invalid JSON",
                                          "line 4: a JSON str, not an object"]  # fmt: skip


def test_parquet_output_of_empty_and_late_text_columns(tmp_path):
    source = tmp_path / "pairs.jsonl"
    lines = [{"premise": "The mayor resigned.", "hypothesis": "The mayor quit.", "note": None}] * 3
    lines += [{"premise": "The mayor resigned.", "hypothesis": "The mayor quit.", "note": "checked"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "out.parquet"
    score_file(source, out, FakeJudge(), chunk_size=2)  # the first part's "note" column holds only nulls
    assert pq.read_table(out).column("note").to_pylist() == [None, None, None, "checked"]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DataError):  # no columns to find the texts in: one error, no output
        score_file(empty, tmp_path / "empty.parquet", FakeJudge())
    header_only = tmp_path / "header.csv"
    write_csv(header_only, [])
    score_file(header_only, tmp_path / "none.parquet", FakeJudge())
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


def test_resume_refuses_other_settings(tmp_path):
    source = tmp_path / "pairs.csv"
    write_csv(source, [("The mayor resigned.", "The mayor quit.")] * 10)
    out = tmp_path / "out.csv"
    parts = tmp_path / ".out.csv.parts"
    score_file(source, out, FakeJudge(), chunk_size=4)
    parts.mkdir()  # as if killed after its first chunk
    (parts / "part-00000000.jsonl").write_text("{}\n", encoding="utf-8")
    (parts / "meta.json").write_text(
        json.dumps(
            {
                "source": str(source.resolve()),
                "source_size": source.stat().st_size,
                "chunk_size": 4,
                "columns": ["premise", "hypothesis"],
                "both_directions": False,
                "model": "fake",
            }
        )  # fmt: skip
    )
    with pytest.raises(DataError, match="cannot resume: chunk_size differ"):
        score_file(source, out, FakeJudge(), chunk_size=3, resume=True)
    with pytest.raises(DataError, match="cannot resume: both_directions differ"):
        score_file(source, out, FakeJudge(), chunk_size=4, both_directions=True, resume=True)
