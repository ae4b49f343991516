from pathlib import Path

import pytest
from conftest import SEEDS

from checker.errors import InputError, NoDocumentsError
from checker.ingest import load_documents


def test_seed_header_gives_title_date_and_body_offset():
    [document] = [d for d in load_documents([SEEDS]) if d.id == "000_be98cb181ba6487c"]
    assert document.date == "2025-04-27"
    assert document.title.startswith("Russia confirms for first time North Korean troop dispatch")
    source = Path(document.path).read_text(encoding="utf-8")
    assert source[document.body_offset :] == document.text
    assert document.text.lstrip().startswith("Seoul: Russia confirmed")


def test_every_seed_format_is_read():
    documents = {d.id: d for d in load_documents([SEEDS])}
    assert set(documents) == {
        "000_be98cb181ba6487c",
        "001_pyongyang_confirms",
        "002_moscow_acknowledges",
        "003_kyiv_reaction",
    }
    assert documents["002_moscow_acknowledges"].title == "Moscow acknowledges North Korean soldiers fought in Kursk"
    assert documents["002_moscow_acknowledges"].date == "2025-04-27"


def test_html_keeps_article_text_only():
    document = next(d for d in load_documents([SEEDS]) if d.id == "003_kyiv_reaction")
    assert document.date == "2025-04-28"
    assert document.title.startswith("Kyiv says Russia's admission")
    assert "Zelensky called on China" in document.text
    for junk in ("Subscribe", "analytics", "Copyright", "ten recipes", "font-family"):
        assert junk not in document.text


def test_json_and_jsonl(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "x1", "text": "One thing happened today in town.", "date": "2024-01-02"}\n'
        '{"text": "Another thing happened.", "title": "T"}\n',
        encoding="utf-8",
    )
    (tmp_path / "b.json").write_text('[{"id": "y", "text": "A third thing.", "url": "http://e.x"}]', encoding="utf-8")
    documents = {d.id: d for d in load_documents([tmp_path])}
    assert set(documents) == {"x1", "a-2", "y"}
    assert documents["x1"].date == "2024-01-02" and documents["y"].url == "http://e.x"


def test_unsupported_files_are_skipped_with_a_note(tmp_path):
    (tmp_path / "story.txt").write_text("Something happened in the city today.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    notes = []
    documents = load_documents([tmp_path], note=notes.append)
    assert [d.id for d in documents] == ["story"]
    assert any("image.png" in n for n in notes)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n", "empty file"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "not UTF-8"),
        ("bad.jsonl", b'{"text": "ok"}\n{not json}\n', "invalid JSON"),
        ("notext.json", b'{"title": "no text"}', "non-empty 'text'"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_documents([path])
    assert name in str(caught.value) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="50.0 MB"):
        load_documents([path])


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_documents([tmp_path / "nope"])
    with pytest.raises(NoDocumentsError):
        load_documents([tmp_path])


def test_html_claims_point_at_their_html_lines():
    from checker.claims.extract import extract_claims

    document = next(d for d in load_documents([SEEDS]) if d.id == "003_kyiv_reaction")
    source = Path(document.path).read_text(encoding="utf-8").splitlines()
    for claim in extract_claims(document):
        assert claim.sentence.split()[0] in source[claim.line - 1]  # the title too: it is on its <h1> line


def test_front_matter_title_claim_points_at_its_line():
    from checker.claims.extract import extract_claims

    document = next(d for d in load_documents([SEEDS]) if d.id == "002_moscow_acknowledges")
    title = extract_claims(document)[0]
    assert title.is_title and title.line == 2


def test_pipes_devices_and_links_out_of_a_folder_are_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "waiting.txt")
    with pytest.raises(InputError, match="waiting.txt: not a regular file"):
        load_documents([tmp_path / "waiting.txt"])  # would block forever on open
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # its size reads 0: the size limit alone never stops it
    with pytest.raises(InputError, match="zero.txt: not a regular file"):
        load_documents([tmp_path / "zero.txt"])
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The mayor resigned on Friday.\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "loop").symlink_to(folder)
    notes = []
    documents = load_documents([folder], note=notes.append)
    assert [d.id for d in documents] == ["a"]
    assert any("passwd.txt: a link to a file outside" in n for n in notes)


def test_a_document_is_read_to_its_first_sentences_and_characters_with_a_note(tmp_path):
    from checker import ingest

    lines = tmp_path / "lines.txt"
    lines.write_text("".join(f"Line {i} of the ledger was filed.\n" for i in range(3000)), encoding="utf-8")
    sentence = tmp_path / "sentence.txt"
    sentence.write_text("word " * 200_000, encoding="utf-8")  # a million characters and no full stop
    by_lines, by_chars = load_documents([lines, sentence])
    assert by_lines.text.count("\n") == ingest.MAX_SENTENCES
    assert by_lines.text.endswith(f"Line {ingest.MAX_SENTENCES - 1} of the ledger was filed.\n")
    assert len(by_chars.text) <= ingest.MAX_CHARS and by_chars.text.startswith("word word")
    assert by_chars.full_length == 1_000_000 and by_lines.full_length > len(by_lines.text)
    (tmp_path / "short.txt").write_text("The mayor resigned.\n" * 5, encoding="utf-8")
    short = load_documents([tmp_path / "short.txt"])[0]
    assert short.text == "The mayor resigned.\n" * 5 and short.full_length == 0
    # the report says what was left unread
    from conftest import FakeJudge

    from checker import check
    from checker.config import CheckConfig

    report = check([sentence], CheckConfig(), judge=FakeJudge())
    assert any(
        "sentence.txt: only its first" in n and "of 1,000,000 characters were checked" in n for n in report.notes
    )
