"""Fuzz `check` and `checker score` with thousands of odd inputs (checker/lab/fuzz.py) and the large pathological
ones of issue 25, in this process with the shipped model loaded once; report exit codes, tracebacks, timeouts and
the slowest inputs. Run by hand:

    python bench/fuzz.py --inputs 10000 [--news ../shared/data/news/fnc1_train_bodies.csv] [--timeout 30]

An input passes when it ends with exit 0, 1 or 2, no traceback or internal error, and a complete output file or
none. The large set: a 5 MB sentence with no newline, a 5 MB <p>, a 5 MB JSON text field and JSONL line, 100,000
short lines, bullets and JSONL documents, HTML nested 10,000 deep, and (with --news) a 19 MB text of real news.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

from checker import cli, pipeline  # noqa: E402
from checker.judge import load_judge  # noqa: E402
from checker.lab import fuzz  # noqa: E402


class Timeout(BaseException):  # not an Exception: the CLI would report it as an internal error (exit 3)
    pass


def _alarm(_signum, _frame):
    raise Timeout


def large_inputs(folder: Path, news: Path | None) -> list[Path]:
    rng = random.Random(1)
    sentence = " ".join(rng.choice(fuzz.SENTENCES).rstrip(".") for _ in range(70_000))[:5_000_000]
    files = {
        "sentence_5mb.txt": sentence,
        "paragraph_5mb.html": f"<html><body><p>{sentence}</p></body></html>",
        "field_5mb.json": json.dumps({"text": sentence}),
        "line_5mb.jsonl": json.dumps({"text": sentence}) + "\n",
        "lines_100k.txt": "\n".join(f"Line {i} of the ledger was filed." for i in range(100_000)),
        "bullets_100k.md": "\n".join(f"- item {i} was sold" for i in range(100_000)),
        "documents_100k.jsonl": "".join(json.dumps({"text": f"Report {i} was filed."}) + "\n" for i in range(100_000)),
        "nested_10k.html": "<div>" * 10_000 + "<p>The council approved the budget.</p>" + "</div>" * 10_000,
    }
    if news is not None:
        import csv

        csv.field_size_limit(2**31 - 1)
        with news.open(encoding="utf-8", newline="") as handle:
            bodies = [row["articleBody"] for row in csv.DictReader(handle)]
        text, size = [], 0
        while size < 19_000_000:
            body = rng.choice(bodies)
            text.append(body)
            size += len(body.encode()) + 2
        files["news_19mb.txt"] = "\n\n".join(text)[:19_000_000]
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run_one(runner: CliRunner, args: list[str], out: Path, timeout: int) -> tuple[int | str, float, bool]:
    signal.alarm(timeout)
    started = time.monotonic()
    try:
        result = runner.invoke(cli.app, args, catch_exceptions=True)
        code: int | str = result.exit_code
        crashed = "Traceback" in result.output or "internal error" in result.output or code not in (0, 1, 2)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            crashed, code = True, f"exception {type(result.exception).__name__}"
    except Timeout:
        code, crashed = "timeout", False
    finally:
        signal.alarm(0)
    elapsed = time.monotonic() - started
    if out.exists() and out.suffix == ".json":
        try:
            json.loads(out.read_text(encoding="utf-8"))
        except ValueError:
            crashed = True  # a half-written report
    return code, elapsed, crashed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=10_000, help="odd inputs to run (the large set comes on top)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds per input")
    parser.add_argument("--news", type=Path, help="article-body CSV for the 19 MB real-news file")
    parser.add_argument("--no-large", action="store_true", help="skip the large pathological inputs")
    args = parser.parse_args()

    judge = load_judge(None)
    pipeline.load_judge = lambda *a, **k: judge  # the shipped model, loaded once for every run
    signal.signal(signal.SIGALRM, _alarm)
    runner = CliRunner()
    records: list[tuple[str, int | str, float, bool]] = []
    with tempfile.TemporaryDirectory(prefix="checker-fuzz-") as work:
        work_dir = Path(work)
        seed = 0
        while len(records) < args.inputs:
            folder = work_dir / f"s{seed}"
            folder.mkdir()
            rng = random.Random(seed)
            generators = [*fuzz.ARTICLE_GENERATORS] + ([fuzz.special_files] if seed % 50 == 0 else [])
            for path in [p for generate in generators for p in generate(folder, rng)]:
                out = folder / f"out{len(records)}.json"
                command = ["check", str(path), "-f", "json", "-o", str(out), "--no-cache", "-q"]
                records.append((path.name, *run_one(runner, command, out, args.timeout)))
            if seed % 10 == 0:
                for path in fuzz.score_files(folder, rng):
                    out = folder / f"{path.stem}.scored.csv"
                    records.append((path.name, *run_one(runner, ["score", str(path), "-o", str(out)], out, 60)))
                print(f"{len(records)} inputs run", file=sys.stderr)
            seed += 1
        large = []
        if not args.no_large:
            big = work_dir / "large"
            big.mkdir()
            for path in large_inputs(big, args.news):
                out = big / f"{path.name}.report.json"  # not {path.stem}.json: field_5mb.json would be its own output
                command = ["check", str(path), "-f", "json", "-o", str(out), "--no-cache", "-q"]
                limit = 180 if path.name.startswith("news_") else args.timeout
                large.append((path.name, *run_one(runner, command, out, limit)))
                print(f"{path.name}: {large[-1][1]} in {large[-1][2]:.1f} s", file=sys.stderr)

    codes = Counter(str(code) for _, code, _, _ in records)
    times = [t for _, _, t, _ in records] or [0.0]
    print(f"odd inputs: {len(records)}; exit codes: {dict(sorted(codes.items()))}")
    print(f"tracebacks or internal errors: {sum(c for *_, c in records)}; timeouts: {codes.get('timeout', 0)}")
    print(f"time per input: median {statistics.median(times):.3f} s, max {max(times):.2f} s")
    print("slowest: " + "; ".join(f"{n!r} {t:.2f} s" for n, _, t, _ in sorted(records, key=lambda r: -r[2])[:5]))
    crashed = [(n, c) for n, c, _, bad in records if bad]
    for name, code in crashed[:20]:
        print(f"  crashed: {name!r} ({code})")
    if large:
        print("large inputs (name, exit, seconds):")
        for name, code, elapsed, bad in large:
            print(f"  {name}: {code}, {elapsed:.1f} s{' CRASHED' if bad else ''}")


if __name__ == "__main__":
    main()
