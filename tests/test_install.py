"""What checking needs: the shipped judge and embedder on onnxruntime, no torch, no training stack."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap

HEAVY = ("torch", "transformers", "sentence_transformers", "datasets", "pyarrow", "sklearn")

PEOPLE = ["Mayor Ana Ruiz", "The harbour board", "Coach Tom Berry", "The fire service", "Senator Ida Holm",
          "The rail operator", "Dr. Omar Said", "The city council", "The museum", "Police chief Lena Ek"]  # fmt: skip
DEEDS = ["approved {n} new buses", "counted {n} visitors", "reported {n} injuries", "hired {n} teachers",
         "planted {n} trees", "closed {n} roads", "sold {n} tickets", "repaired {n} bridges",
         "rescued {n} hikers", "opened {n} clinics"]  # fmt: skip
PLACES = ["Arnby", "Selmorth", "Port Cassel", "Tarsa", "Kelvik", "Dunmoor", "Vesterby", "Oakridge"]
DAYS = ["on Monday", "on Tuesday", "last week", "in March", "on Friday"]


def corpus(folder, articles: int = 20, sentences: int = 20) -> None:
    """Articles of short factual sentences, 400 claims in all: more than pairing every claim allows (300)."""
    rng = random.Random(7)
    for a in range(articles):
        lines = [
            f"{rng.choice(PEOPLE)} {rng.choice(DEEDS).format(n=rng.randint(2, 900))} in {rng.choice(PLACES)} "
            f"{rng.choice(DAYS)}."
            for _ in range(sentences)
        ]
        (folder / f"article_{a:02d}.txt").write_text(f"Report {a}\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")


def test_checking_400_claims_imports_no_torch_and_uses_no_network(tmp_path):
    """Above 300 claims pairing embeds them (candidate pairs by nearest neighbours): on the shipped ONNX embedder,
    so neither it nor the judge nor the parser imports torch or the training stack, even where they are installed.
    Run with the network blocked: nothing (telemetry, a hub lookup) tries to reach it."""
    corpus(tmp_path)
    script = textwrap.dedent(
        f"""
        import socket, sys
        attempts = []
        def blocked(*args, **kwargs):
            attempts.append(repr(args[:2]))
            raise OSError("network blocked by the test")
        socket.socket.connect = socket.socket.connect_ex = blocked
        socket.getaddrinfo = socket.create_connection = blocked
        from checker import check, load_config
        report = check([{str(tmp_path)!r}], load_config(cache=False))
        print(len(report.claims), report.pairs_scored, len(attempts))
        print(sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r})))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    counts, heavy = result.stdout.strip().splitlines()[-2:]
    claims, scored, attempts = (int(v) for v in counts.split())
    assert claims >= 400 and scored > 0 and attempts == 0
    assert heavy == "[]"


def test_embedder_vector_depends_on_its_text_only():
    """The shipped int8 embedder runs each text alone: a text's vector is the same whatever else is embedded."""
    import numpy as np

    from checker.judge.embedding import SentenceEmbedder

    embed = SentenceEmbedder()
    alone = embed(["The council approved the budget on Monday."])
    among = embed(["A storm closed the port.", "The council approved the budget on Monday.", "Prices rose."])
    assert alone.shape == (1, 384) and among.shape == (3, 384)
    assert np.array_equal(alone[0], among[1])
    assert abs(float(np.linalg.norm(among[1])) - 1.0) < 1e-3  # unit vectors: a dot product is the cosine
    similar = embed(["The council passed the budget on Monday.", "A storm closed the port."])
    assert float(among[1] @ similar[0]) > float(among[1] @ similar[1])


def test_missing_extra_is_one_line_naming_it(tmp_path):
    """Without pyarrow, `checker score` on a Parquet file says which extra installs it, in one line, exit 2."""
    source = tmp_path / "pairs.parquet"
    source.write_bytes(b"PAR1")
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["pyarrow"] = None  # as on an install without the parquet extra
        sys.modules["pyarrow.parquet"] = None
        from checker.cli import main
        sys.argv = ["checker", "score", {str(source)!r}, "-o", {str(tmp_path / "out.csv")!r}]
        main()
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert 'pip install "checker[parquet]"' in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.csv").exists()
