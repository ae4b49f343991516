"""Odd and malformed inputs for `check` and `checker score`: every format the readers take, broken in the ways a
newsroom's CMS exports break. The fuzz tests write a few hundred; bench/fuzz.py writes 10,000 and times them.

Each generator writes files into a folder and returns their paths; the same seed gives the same files.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

SENTENCES = [
    "The city council approved a budget of 48 million dollars on Monday.",
    "The council did not approve the budget, officials said.",
    "A crowd of 41,200 watched the match in Arnby.",
    "Police said about 3,000 people marched through the centre.",
    "The bridge will reopen in September, the mayor told reporters.",
]
_ODD_TEXT = ["", " ", "\n\n\n", "\t", "\u00a0", "\ufeff", "[/bold]", "[red]x[/red]", "\ud800", "\x00", "🚀" * 50,
             "a" * 5000, "<script>alert(1)</script>", "..." * 200, "\u202e" + "reversed", "\\u0000"]  # fmt: skip
_ODD_VALUES = [None, 1, 2.5, True, [], {}, ["a"], {"a": 1}, "x" * 10, "", "2025-13-45", "[/bold]", "\ud800"]
_ODD_NAMES = ["a b.txt", "ünïcödé.txt", "new\nline.txt", "tab\t.txt", "-dash.txt", "$(echo).txt", "[x].md",
              "semi;colon.txt", "quote'\".txt", "%s%n.txt", "\u202etxt.exe.txt", "README.md"]  # fmt: skip


def _text(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def text_files(folder: Path, rng: random.Random) -> list[Path]:
    """.txt/.md with and without headers and front matter, broken encodings, odd content."""
    variants: list[bytes] = [
        _text(rng).encode(),
        f"date 2025-04-27 A title\n{_text(rng)}\n".encode(),
        f"date 2025-99-99 Bad date\n{_text(rng)}\n".encode(),
        f"---\ntitle: {rng.choice(_ODD_TEXT)!r}\ndate: {rng.choice(_ODD_TEXT)!r}\n---\n{_text(rng)}".encode(
            "utf-8", "surrogatepass"
        ),
        b"---\ntitle: never closed\n" + _text(rng).encode(),
        f"# {rng.choice(_ODD_TEXT)}\n\n{_text(rng)}".encode("utf-8", "surrogatepass"),
        rng.choice(_ODD_TEXT).encode("utf-8", "surrogatepass"),
        _text(rng).encode()[: rng.randint(1, 60)] + "é".encode()[:1],  # UTF-8 cut mid-character
        _text(rng).encode("utf-16"),  # with a BOM
        _text(rng).encode("utf-16-le"),  # without
        "Le café a fermé. ".encode("latin-1") * 3,
        _text(rng).encode() + b"\x00\x01\x02" + _text(rng).encode(),
        bytes(rng.randrange(256) for _ in range(rng.randint(1, 400))),  # binary junk
        ("- " + "\n- ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 50)))).encode(),
        ("\n" * rng.randint(1, 500)).encode(),
        (_text(rng, 1) + " ") * rng.randint(1, 30) + "word " * rng.randint(0, 2000),
    ]
    paths = []
    for index, data in enumerate(variants):
        path = folder / f"text_{index}{rng.choice(['.txt', '.md'])}"
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        paths.append(path)
    return paths


def html_files(folder: Path, rng: random.Random) -> list[Path]:
    depth = rng.choice([1, 50, 3000])
    variants = [
        f"<html><head><title>{rng.choice(_ODD_TEXT)}</title></head><body><p>{_text(rng)}</p></body></html>",
        "<div>" * depth + f"<p>{_text(rng)}</p>" + "</div>" * depth,
        f"<p>{_text(rng)}",  # never closed
        "<html><body></body></html>",
        f"<script>{_text(rng)}</script><style>p{{}}</style>",
        f"<p>{'&amp;' * 100}{_text(rng)}&#xD800;&#0;</p>",
        "<" * 1000 + _text(rng),
    ]
    return _written(folder, [(f"page_{i}.html", text) for i, text in enumerate(variants)])


def json_files(folder: Path, rng: random.Random) -> list[Path]:
    """.json and .jsonl: wrong types in every field, nesting, invalid JSON, empty lines."""
    records = []
    for field in ("text", "title", "date", "id", "url"):
        for value in rng.sample(_ODD_VALUES, 4):
            record = {"text": _text(rng), "title": "T", "date": "2025-04-27", "id": "x"}
            record[field] = value
            records.append(record)
    depth = rng.choice([10, 1000, 50000])
    variants = [
        json.dumps(rng.choice(records)),
        json.dumps(records[: rng.randint(0, len(records))]),
        "\n".join(json.dumps(r) for r in rng.sample(records, min(5, len(records)))),
        "[" * depth + "]" * depth,
        '{"text": ' + "[" * depth + "]" * depth + "}",
        '{"text": "unterminated',
        "\n\n" + json.dumps({"text": _text(rng)}) + "\n\nnot json\n",
        json.dumps({"text": _text(rng)}) + "\n" + json.dumps([1, 2]) + "\n",
        '{"text": "\\ud800 lone", "title": "\\udfff"}',
        "null",
        "",
    ]
    return _written(folder, [(f"data_{i}{rng.choice(['.json', '.jsonl'])}", t) for i, t in enumerate(variants)])


def _written(folder: Path, files: list[tuple[str, str]]) -> list[Path]:
    """The files written as UTF-8, lone surrogates kept as their (invalid) bytes."""
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    return [folder / name for name, _ in files]


def odd_names(folder: Path, rng: random.Random) -> list[Path]:
    paths = []
    for name in rng.sample(_ODD_NAMES, 4):
        path = folder / name
        path.write_text(_text(rng), encoding="utf-8")
        paths.append(path)
    raw = os.path.join(os.fsencode(folder), b"bytes\xff\xfe.txt")  # a name that is not UTF-8
    with open(raw, "wb") as handle:
        handle.write(_text(rng).encode())
    paths.append(Path(os.fsdecode(raw)))
    return paths


def special_files(folder: Path, rng: random.Random) -> list[Path]:
    """Symlink loops and links out, a pipe, an unreadable file (where the user can be refused)."""
    inner = folder / "links"
    inner.mkdir()
    (inner / "a.txt").write_text(_text(rng), encoding="utf-8")
    (inner / "loop").symlink_to(inner)
    (inner / "out.txt").symlink_to("/etc/hostname")
    (inner / "dangling.txt").symlink_to(folder / "gone.txt")
    pipe = folder / "pipe.txt"
    os.mkfifo(pipe)
    locked = folder / "locked.txt"
    locked.write_text(_text(rng), encoding="utf-8")
    locked.chmod(0)
    return [inner, pipe, locked]


def score_files(folder: Path, rng: random.Random) -> list[Path]:
    """Pair files for `checker score`: missing columns, empty texts, long fields, newlines and quotes, BOM."""
    good = ("The mayor resigned.", "The mayor quit.")
    variants = {
        "missing.csv": "left,right\na,b\n",
        "empty_texts.csv": 'premise,hypothesis\n"",""\n" ",x\n',
        "long_field.csv": f'premise,hypothesis\n"{"word " * rng.choice([10, 30000, 250000])}",short\n',
        "newlines.csv": 'premise,hypothesis\n"a\nb ""quoted""",c\n',
        "bom.csv": "\ufeffpremise,hypothesis\n" + ",".join(good) + "\n",
        "unclosed.csv": 'premise,hypothesis\n"never closed,x\n',
        "ragged.csv": "premise,hypothesis\na,b,c,d\ne\n",
        "nonobject.jsonl": json.dumps(dict(zip(("premise", "hypothesis"), good))) + '\n[1]\n"s"\nnull\n{bad\n',
        "types.jsonl": json.dumps({"premise": 5, "hypothesis": None}) + "\n",
        "empty.jsonl": "",
        "latin1.tsv": "premise\thypothesis\ncaf\xe9\tb\n",
    }
    paths = []
    for name, text in variants.items():
        path = folder / name
        path.write_bytes(text.encode("latin-1") if name == "latin1.tsv" else text.encode())
        paths.append(path)
    return paths


ARTICLE_GENERATORS: list[Callable[[Path, random.Random], list[Path]]] = [
    text_files,
    html_files,
    json_files,
    odd_names,
]
