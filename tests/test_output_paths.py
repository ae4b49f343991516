"""Where a report may be written: special files written through, symlinks kept, inputs and bad paths refused."""

import os
import stat

import pytest
from conftest import FakeJudge
from typer.testing import CliRunner

from checker import cli, pipeline

runner = CliRunner()


@pytest.fixture(autouse=True)
def use_fake_judge(monkeypatch):
    monkeypatch.setattr(pipeline, "load_judge", lambda *args, **kwargs: FakeJudge())


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The city council approved the new stadium budget on Monday.\n", encoding="utf-8")
    return path


def run(*args):
    return runner.invoke(cli.app, ["check", *map(str, args), "--fail-on", "none", "-q"])


def test_special_files_are_written_through_not_replaced(article, tmp_path):
    assert run(article, "-f", "json", "-o", os.devnull).exit_code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert run(article, "-f", "json", "-o", fifo).exit_code == 0
        assert b'"schema"' in os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_device_is_one_line(article):
    result = run(article, "-f", "json", "-o", "/dev/full")
    assert result.exit_code == 2 and "/dev/full: cannot write: No space left" in result.output
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_symlink_stays_a_link_and_its_target_is_written(article, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run(article, "-f", "json", "-o", link).exit_code == 0
    assert link.is_symlink() and '"schema"' in real.read_text(encoding="utf-8")


def test_bad_output_paths_are_one_line_errors(article, tmp_path):
    for target, message in (
        (tmp_path, "is a folder"),
        (article / "report.json", "cannot write"),  # under a file
        (article, "is one of the input articles"),
    ):
        result = run(article, "-f", "json", "-o", target)
        assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output, target
    assert article.read_text(encoding="utf-8").startswith("The city council")  # the input is untouched
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root writes anywhere
            pytest.skip("running as root: a read-only folder is writable")
        result = run(article, "-o", locked / "r.txt")
        assert result.exit_code == 2 and "cannot write" in result.output
    finally:
        locked.chmod(0o700)


def test_an_unexpected_error_exits_3_with_one_line(article, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "claims_of", broken)
    result = run(article)
    assert result.exit_code == 3
    assert "internal error: ZeroDivisionError: boom" in result.output and "Traceback" not in result.output


def test_lone_surrogates_and_markup_reach_every_format(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    record = '{"id": "x\\ud800", "title": "[bold]Budget\\udfff", "date": "[/bold]", "text": "%s"}'
    (folder / "a.json").write_text(record % "The council has approved the budget \\ud83d.", encoding="utf-8")
    (folder / "b.json").write_text(
        record.replace("x\\ud800", "y") % "The council has not approved the budget.", encoding="utf-8"
    )
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(b"The council has approved the budget today.\n")
    for fmt in ("text", "json", "csv", "markdown", "sarif", "junit", "html"):
        result = run(folder, "-f", fmt, "--width", "200")
        assert result.exit_code == 0, (fmt, result.output[-500:])
        assert "\ufffd" in result.output or fmt in ("csv", "sarif", "junit"), fmt
    text = run(folder, "--width", "200").output
    assert "[/bold]" in text and "[bold]Budget" in text  # printed as written, not read as markup
