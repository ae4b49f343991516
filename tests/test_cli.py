import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import SEEDS, FakeJudge
from typer.testing import CliRunner

import checker
from checker import CheckerError, cli, pipeline
from checker.judge import load_judge as cli_load_judge

runner = CliRunner()


@pytest.fixture(autouse=True)
def use_fake_judge(monkeypatch):
    monkeypatch.setattr(pipeline, "load_judge", lambda *args, **kwargs: FakeJudge())


def run(*args):
    return runner.invoke(cli.app, list(args))


def test_json_report_has_the_contract_keys():
    result = run("check", str(SEEDS), "--format", "json", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "checker.report/1"
    assert set(report["summary"]) >= {
        "documents",
        "claims",
        "pairs_considered",
        "pairs_scored",
        "contradictions",
        "agreements",
        "novel_claims",
    }
    assert report["summary"]["documents"] == 4
    claim = report["documents"][0]["claims"][0]
    assert set(claim) >= {"id", "text", "start", "end", "line", "attribution", "status"}
    assert claim["status"] in ("corroborated", "contradicted", "mixed", "novel")
    finding = report["findings"][0]
    assert set(finding) >= {"id", "relation", "kind", "score", "a", "b", "probabilities"}
    assert set(finding["a"]) >= {"document", "claim", "text"}
    assert set(finding["probabilities"]) == {"entailment", "neutral", "contradiction"}


def test_exit_codes_follow_fail_on():
    assert run("check", str(SEEDS), "--format", "json").exit_code == 1  # the seeds contain contradictions
    assert run("check", str(SEEDS), "--format", "json", "--fail-on", "none").exit_code == 0


def test_every_format_renders(tmp_path):
    for fmt in ("text", "markdown", "csv", "sarif", "junit"):
        out = tmp_path / f"report.{fmt}"
        result = run("check", str(SEEDS), "--format", fmt, "--output", str(out), "--fail-on", "none")
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 100
    rows = list(csv.DictReader(io.StringIO((tmp_path / "report.csv").read_text(encoding="utf-8"))))
    assert rows and {"relation", "kind", "claim_a", "claim_b", "line_a", "document_b"} <= set(rows[0])
    sarif = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    result = sarif["runs"][0]["results"][0]
    assert len(result["locations"]) == 2 and result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_a_claim_pair_repeated_across_articles_is_shown_once_with_every_place(tmp_path):
    denial = "The city council has not approved the new stadium budget.\n"
    wire = "The city council has approved the new stadium budget.\n"
    for name, text in (("denial", denial), ("wire1", wire), ("wire2", wire), ("wire3", wire)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    as_json = json.loads(run("check", str(tmp_path), "--format", "json", "--fail-on", "none").stdout)
    conflicts = [f for f in as_json["findings"] if f["relation"] == "contradiction"]
    assert len(conflicts) == 3 and len({f["id"] for f in conflicts}) == 1  # JSON keeps every finding
    text = run("check", str(tmp_path), "--fail-on", "none", "--width", "200").stdout
    assert "Contradictions (3, 1 distinct pair of claims)" in text
    assert text.count("has not approved the new stadium budget") == 1 + 1  # one panel, and the claim list
    assert "also between 2 more pairs of articles" in text and "wire2:1" in text and "wire3:1" in text
    markdown = run("check", str(tmp_path), "--format", "markdown", "--fail-on", "none").stdout
    rows = [line for line in markdown.splitlines() if line.startswith("| C-")]
    assert len(rows) == 1 and rows[0].endswith("| denial:1 <-> wire2:1; denial:1 <-> wire3:1 |")


def test_a_large_json_report_is_written_piece_by_piece_and_reads_the_same(monkeypatch):
    # above PRETTY_LIMIT findings the report is streamed, a document and a finding at a time (the whole report as a
    # dict and as one string added hundreds of MB on the full news corpus): the bytes are json.dumps's
    from checker.report import jsonout

    report = checker.check([SEEDS], judge=FakeJudge())
    assert len(report.findings) >= 2
    monkeypatch.setattr(jsonout, "PRETTY_LIMIT", 1)
    written = io.StringIO()
    jsonout.render_json(report, written)
    assert written.getvalue() == json.dumps(jsonout.report_dict(report), ensure_ascii=False) + "\n"
    assert json.loads(written.getvalue())["findings"][1]["id"] == report.findings[1].id


def test_text_report_prints_square_brackets_as_written(tmp_path):
    # rich reads "[numeric: ...]" or an editor's "[sic]" as markup unless told otherwise, and drops it
    (tmp_path / "a.txt").write_text("Thirteen ships had docked at the port of Haifa [sic] on Monday.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Fifteen ships had docked at the port of Haifa on Monday.\n", "utf-8")
    text = run("check", str(tmp_path), "--fail-on", "none", "--width", "200").stdout
    assert "contradiction [numeric: Thirteen ships vs Fifteen ships] facts (model " in text
    assert text.count("the port of Haifa [sic] on Monday.") == 2  # the finding, and the claim list


@pytest.mark.parametrize(
    ("setup", "args", "expected"),
    [
        (lambda p: p.mkdir(), lambda p: [str(p)], "no articles found"),
        (lambda p: p.write_bytes(b""), lambda p: [str(p)], "empty file"),
        (lambda p: p.write_bytes(b"\x00\x01\x02"), lambda p: [str(p)], "binary file"),
        (lambda p: p.write_bytes("d\u00e9j\u00e0 vu".encode("latin-1")), lambda p: [str(p)], "not UTF-8"),
        (lambda p: None, lambda p: [str(p)], "no such file"),
        (lambda p: None, lambda p: [str(SEEDS), "--format", "yaml"], "--format"),
        (lambda p: None, lambda p: [str(SEEDS), "--fail-on", "sometimes"], "--fail-on"),
        (lambda p: p.write_text("x"), lambda p: [str(SEEDS), "--cache-dir", str(p)], "input.txt: not a directory"),
        (lambda p: None, lambda p: [str(SEEDS), "--max-file-mb", "0"], "--max-file-mb must be above 0"),
        (
            lambda p: p.with_suffix(".jsonl").write_text(
                "".join(f'{{"text": "Report {i} was filed."}}\n' for i in range(5))
            ),
            lambda p: [str(p.with_suffix(".jsonl")), "--max-documents", "4"],
            "input.jsonl holds 5 of them), over the limit of 4 a run",
        ),
    ],
    ids=[
        "empty-folder",
        "empty-file",
        "binary",
        "non-utf8",
        "missing",
        "unknown-format",
        "bad-fail-on",
        "cache-dir",
        "max-file-mb",
        "max-documents",
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_output_file(tmp_path, setup, args, expected):
    target = tmp_path / "input.txt"
    setup(target)
    out = tmp_path / "out.json"
    result = run("check", *args(target), "--output", str(out))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists() and not list(tmp_path.glob(".out.json.*"))


def test_a_model_error_is_one_line_and_comes_after_any_input_error(tmp_path, monkeypatch):
    from checker import judge

    monkeypatch.setattr(pipeline, "load_judge", judge.load_judge)  # the real loader
    missing_model = str(tmp_path / "no-model")
    result = run("check", str(SEEDS), "--model", missing_model)
    assert result.exit_code == 2 and "no such model directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    both = run("check", str(tmp_path / "no-articles"), "--model", missing_model)
    assert both.exit_code == 2 and "no such file" in both.stderr and "no such model" not in both.stderr


def test_fifty_megabyte_file_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run("check", str(big))
    assert result.exit_code == 2 and "big.txt" in result.stderr and "MB" in result.stderr


def test_baseline_round_trip(tmp_path):
    baseline = tmp_path / "baseline.json"
    first = run("check", str(SEEDS), "--baseline", str(baseline), "--update-baseline", "--format", "json")
    assert baseline.exists()
    second = run("check", str(SEEDS), "--baseline", str(baseline), "--format", "json")
    assert second.exit_code == 0, second.output
    report = json.loads(second.stdout)
    assert report["findings"] == []
    assert report["summary"]["suppressed"] == len(json.loads(first.stdout)["findings"]) > 0


def test_against_checks_only_new_articles(tmp_path):
    new = tmp_path / "new.txt"
    new.write_text("North Korea has confirmed the dispatch.\n", encoding="utf-8")
    result = run("check", str(new), "--against", str(SEEDS), "--format", "json", "--fail-on", "none")
    report = json.loads(result.stdout)
    assert all("new" in (f["a"]["document"], f["b"]["document"]) for f in report["findings"])
    assert any(f["relation"] == "contradiction" for f in report["findings"])


def test_every_command_has_help():
    for command in ("check", "eval", "train", "export", "unpack", "contrast", "passage-pairs", "story-pairs", "score"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage" in result.output, command
    assert runner.invoke(cli.check_app, ["--help"]).exit_code == 0


def test_cli_import_is_light():
    code = (
        "import sys, checker.cli; heavy = [m for m in ('torch', 'transformers', 'onnxruntime', 'datasets') "
        "if m in sys.modules]; print(heavy)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


def test_passage_pairs_command_writes_pairs_and_names_a_missing_csv(tmp_path):
    news = tmp_path / "news.csv"
    body = " ".join(f"Officials in Springfield counted {n} ballots on day {n} of the vote." for n in range(12, 20))
    news.write_text(f'Body ID,articleBody\n1,"{body}"\n', encoding="utf-8")
    out = tmp_path / "passages.jsonl"
    result = run("passage-pairs", "--news", str(news), "-o", str(out), "--skip", "0")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and f"{sum(r['source'] == 'contrast_passage' for r in rows)} passage pairs" in result.output
    result = run("passage-pairs", "--news", str(tmp_path / "gone.csv"), "-o", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2 and "gone.csv: no such file" in result.output
    assert not (tmp_path / "none.jsonl").exists()


def test_story_pairs_command_writes_pairs_and_names_a_bad_csv(tmp_path):
    news = tmp_path / "news.csv"
    body = "The mayor of Springfield opened the new bridge on Monday. The new bridge cost the city 40 million dollars."
    news.write_text(f'Body ID,articleBody\n1,"{body}"\n2,"{body}"\n', encoding="utf-8")
    out = tmp_path / "story.train.jsonl"
    result = run("story-pairs", "--news", str(news), "-o", str(out), "--skip", "1")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["document"] for row in rows] == ["2"] and rows[0]["label"] == "not_contradiction"

    other = tmp_path / "other.csv"
    other.write_text("id,text\n1,hello\n", encoding="utf-8")
    result = run("story-pairs", "--news", str(other), "-o", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2 and "other.csv: no articleBody column" in result.output
    assert not (tmp_path / "none.jsonl").exists()


def test_against_never_rechecks_the_corpus_when_names_collide(tmp_path):
    """A new "a.txt" beside a corpus "a.txt" once made the corpus's "a" new, and corpus pairs were reported."""
    corpus, new = tmp_path / "corpus", tmp_path / "new"
    corpus.mkdir()
    new.mkdir()
    (corpus / "a.txt").write_text("The Harbour Bridge reopened to traffic on Monday.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The Harbour Bridge did not reopen to traffic on Monday.\n", encoding="utf-8")
    (new / "a.txt").write_text("The city council approved a budget of 48 million dollars.\n", encoding="utf-8")
    alone = json.loads(run("check", str(corpus), "--format", "json", "--fail-on", "none").stdout)
    assert any(f["relation"] == "contradiction" for f in alone["findings"])  # the corpus conflicts with itself
    result = run("check", str(new), "--against", str(corpus), "--format", "json", "--fail-on", "none")
    report = json.loads(result.stdout)
    assert sorted(d["id"] for d in report["documents"]) == ["a", "a~2", "b"]
    assert all("a" in (f["a"]["document"], f["b"]["document"]) for f in report["findings"])


def test_text_report_fits_the_width_and_top_and_summary_cut_it_down(tmp_path):
    for name, text in (
        ("a", "date 2025-03-02 Budget\nThe city council of Springfield has not approved the new stadium budget.\n"),
        ("b", "date 2025-03-01 Budget\nThe city council of Springfield has approved the new stadium budget.\n"),
        ("c", "date 2025-03-03 Budget\nThe city council of Springfield approved the new stadium budget on Monday.\n"),
    ):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    ids = [f["id"] for f in json.loads(run("check", str(tmp_path), "--fail-on", "none", "--format", "json").stdout)[
        "findings"]]  # fmt: skip
    for width in ("60", "80", "132"):
        text = run("check", str(tmp_path), "--fail-on", "none", "--width", width).stdout
        assert max(len(line) for line in text.splitlines()) <= int(width), width
        assert all(f"id {i}" in text for i in ids), width  # whole at any width: a baseline lists it
    full = run("check", str(tmp_path), "--fail-on", "none", "--width", "200").stdout
    assert full.count("╭─ contradiction") == 2
    top = run("check", str(tmp_path), "--fail-on", "none", "--width", "200", "--top", "1").stdout
    assert top.count("╭─ contradiction") == 1 and "... and 1 more (--top N shows more" in top
    summary = run("check", str(tmp_path), "--fail-on", "none", "--summary").stdout
    assert "Documents" in summary and "╭─" not in summary and "Claims by article" not in summary
    assert "2 contradictions" in summary
    # A is the earlier article's claim (b is dated a day before a), whatever the order of the files
    report = json.loads(run("check", str(tmp_path), "--fail-on", "none", "--format", "json").stdout)
    dates = {d["id"]: d["date"] for d in report["documents"]}
    assert report["findings"] and all(
        dates[f["a"]["document"]] <= dates[f["b"]["document"]] for f in report["findings"]
    )


def test_version_and_defaults_in_help():
    assert run("check", "--version").stdout.strip() == f"checker {checker.__version__}"
    assert runner.invoke(cli.app, ["--version"]).stdout.strip() == f"checker {checker.__version__}"
    shown = runner.invoke(cli.app, ["check", "--help"], env={"COLUMNS": "300"}).stdout
    for default in ("within", "contradiction", "cache", "20", "auto", "the terminal's"):
        assert f"[default: ({default})]" in shown, default


def test_a_missing_baseline_is_an_error_before_the_run(tmp_path):
    result = run("check", str(SEEDS), "--baseline", str(tmp_path / "accepted.json"))
    assert result.exit_code == 2 and "accepted.json: no such baseline file" in result.output
    assert "Consistency report" not in result.output


def test_an_unreadable_file_is_reported_and_the_rest_checked(tmp_path):
    (tmp_path / "a.txt").write_text("The city council has approved the new stadium budget.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The city council has not approved the new stadium budget.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe not utf-8 \x00\x00")
    out = tmp_path / "report.json"
    result = run("check", str(tmp_path), "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    assert "c.txt: binary file, not text" in result.output and "Traceback" not in result.output
    report = json.loads(out.read_text(encoding="utf-8"))  # the rest is checked and its report written
    assert [d["id"] for d in report["documents"]] == ["a", "b"] and report["findings"]
    assert len(report["unreadable"]) == 1 and "c.txt" in report["unreadable"][0]
    result = run("check", str(tmp_path), "--format", "json", "--skip-unreadable", "--fail-on", "none")
    assert result.exit_code == 0 and "c.txt" in result.output
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.txt").unlink()
    result = run("check", str(tmp_path))  # nothing readable at all: one error, no report
    assert result.exit_code == 2 and "c.txt: binary file" in result.output and "Consistency" not in result.output


def test_a_hub_model_fails_fast_when_the_hub_cannot_be_reached(tmp_path, monkeypatch):
    import time

    pytest.importorskip("transformers")
    monkeypatch.setenv("HF_ENDPOINT", "https://hub.invalid")  # a name that never resolves
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(pipeline, "load_judge", cli_load_judge)
    started = time.monotonic()
    result = run("check", str(SEEDS), "--model", "someone/no-such-nli-model", "--no-cache")
    assert result.exit_code == 2 and "the Hugging Face Hub cannot be reached (hub.invalid" in result.output
    assert time.monotonic() - started < 5


def test_only_the_flag_lets_a_model_run_its_own_code(tmp_path, monkeypatch):
    from checker.config import load_config

    monkeypatch.setenv("CHECKER_TRUST_REMOTE_CODE", "1")
    result = run("check", str(SEEDS), "--fail-on", "none")
    assert result.exit_code == 2 and "CHECKER_TRUST_REMOTE_CODE: a model's own code runs only with" in result.output
    settings = tmp_path / "check.toml"
    settings.write_text("[check]\ntrust_remote_code = true\n", encoding="utf-8")
    monkeypatch.delenv("CHECKER_TRUST_REMOTE_CODE")
    with pytest.raises(CheckerError, match="check.toml: trust_remote_code: a model's own code runs only"):
        load_config(settings)
    assert load_config(trust_remote_code=True).trust_remote_code  # the flag


def test_the_documents_table_keeps_long_ids_whole_at_80_columns(tmp_path):
    for name, text in (
        ("001_council_approves", "The city council of Springfield has approved the new stadium budget.\n"),
        ("002_council_denies_it", "The city council of Springfield has not approved the new stadium budget.\n"),
    ):
        (tmp_path / f"{name}.txt").write_text(f"date 2025-03-0{name[2]} Budget\n{text}", encoding="utf-8")
    narrow = run("check", str(tmp_path), "--fail-on", "none", "--width", "80", "--summary").stdout
    assert "001_council_approves " in narrow and "002_council_denies_it " in narrow
    assert "2025-03-01" not in narrow  # under 100 columns the dates give way to whole ids
    wide = run("check", str(tmp_path), "--fail-on", "none", "--width", "120", "--summary").stdout
    assert "2025-03-01" in wide
