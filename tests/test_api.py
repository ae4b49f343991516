"""The Python API on texts and Document objects, as the README shows it, with the shipped model."""

import os
import re
from pathlib import Path

import pytest

from checker import CheckerError, Document, check, check_texts, load_config

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_example_runs_and_writes_no_cache(tmp_path, monkeypatch, capsys):
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(example.strip().splitlines()) <= 10
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert capsys.readouterr().out.startswith("contradiction 0.99")
    assert os.listdir(tmp_path) == []  # no .checker-cache unless asked


def test_texts_get_ids_and_documents_keep_theirs():
    report = check_texts({"x": "The mayor resigned on Friday.", "y": "The mayor did not resign on Friday."})
    assert [d.id for d in report.documents] == ["x", "y"]
    assert [f.relation for f in report.findings] == ["contradiction"]
    report = check_texts(["The mayor resigned on Friday."])
    assert [d.id for d in report.documents] == ["text-1"] and report.findings == ()
    # the later article's claim is B, whatever the order given
    later = Document(id="later", text="The mayor did not resign on Friday.", date="2025-05-02")
    earlier = Document(id="earlier", text="The mayor resigned on Friday.", date="2025-05-01")
    (finding,) = check([later, earlier]).findings
    assert (finding.pair.a.document_id, finding.pair.b.document_id) == ("earlier", "later")


def test_a_text_given_as_a_path_and_bad_documents_are_clear_errors(tmp_path):
    with pytest.raises(CheckerError, match="check_texts"):
        check("The bridge reopened on Monday.")
    with pytest.raises(CheckerError, match="check_texts"):
        check("The bridge reopened on Monday. " * 500)  # too long a name for the file system to look up
    with pytest.raises(CheckerError, match="document 'a': no text"):
        check([Document(id="a", text="  ")])
    with pytest.raises(CheckerError, match="expected a string"):
        check_texts([3])


def test_the_cache_is_written_only_when_asked(tmp_path):
    config = load_config(cache=True, cache_dir=str(tmp_path / "asked"))
    check_texts(["The mayor resigned on Friday.", "The mayor did not resign on Friday."], config)
    assert (tmp_path / "asked").is_dir()


def test_documents_given_directly_are_cleaned_and_bounded_as_files_are():
    from checker import ingest

    long = Document(id="long", text="word " * 200_000, date="2025-01-01")
    odd = Document(id="odd\ud800", text="The mayor resigned on Friday \ud800.")
    report = check([long, odd])
    assert [d.id for d in report.documents] == ["long", "odd\ufffd"]
    assert len(report.documents[0].text) <= ingest.MAX_CHARS and report.documents[0].full_length == 1_000_000
    assert any("long: only its first" in note for note in report.notes)
