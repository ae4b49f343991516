"""The example CI workflow and the pre-commit hook run commands that work."""

import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS, FakeJudge
from typer.testing import CliRunner

from checker import cli, pipeline

runner = CliRunner()


@pytest.fixture(autouse=True)
def use_fake_judge(monkeypatch):
    monkeypatch.setattr(pipeline, "load_judge", lambda *args, **kwargs: FakeJudge())


def test_pre_commit_hook_command(tmp_path):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *arguments = shlex.split(hook["entry"])
    assert program == "check"
    staged = [str(SEEDS / "000_be98cb181ba6487c.txt"), str(SEEDS / "001_pyongyang_confirms.txt")]
    result = runner.invoke(cli.check_app, [*arguments, *staged])
    assert result.exit_code == 1  # these two articles contradict each other: the commit is refused
    assert "North Korea has not confirmed the dispatch" in result.stdout
    calm = runner.invoke(cli.check_app, [*arguments, str(SEEDS / "003_kyiv_reaction.html")])
    assert calm.exit_code == 0


def test_github_workflow_command(tmp_path, monkeypatch):
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions-check-articles.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["consistency"]["steps"]
    run = next(s["run"] for s in steps if "run" in s and "--against" in s["run"])
    line = next(li for li in run.splitlines() if li.strip().startswith("check "))
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    new = articles / "004_new.txt"
    new.write_text("North Korea has not confirmed the dispatch of troops to Kursk.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    Path(".checker-baseline.json").write_text('{"schema": "checker.baseline/1", "findings": []}', encoding="utf-8")
    words = shlex.split(line.replace('$(cat "$NEW_ARTICLES")', str(new)))
    assert words[0] == "check"
    result = runner.invoke(cli.check_app, words[1:])
    assert result.exit_code == 1, result.output
    assert Path("checker.sarif").exists()
    # accepting the findings in the baseline turns the gate green
    runner.invoke(cli.check_app, [*words[1:], "--update-baseline"])
    assert runner.invoke(cli.check_app, words[1:]).exit_code == 0
