"""Time `check` end to end: seeds, a generated 200x20 corpus, the real news corpus, and an incremental re-check.

Usage: python bench/bench_check.py [--news ../shared/data/news/fnc1_train_bodies.csv] [--repeat 3] [--skip-news]
Prints wall time (median of --repeat runs for seeds), pairs considered/scored and peak RSS of each run.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generated_corpus, news_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run_check(paths: list[str], *extra: str) -> dict:
    """Run `check` in a child process; return wall time, peak RSS (MB) and the JSON summary."""
    command = [sys.executable, "-m", "checker", "check", *paths, "--format", "json", "--fail-on", "none", "-q", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"check failed: {result.stderr.strip()}")
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    report = json.loads(result.stdout)
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(peak), **report["summary"], "_report": report}


def show(name: str, row: dict) -> None:
    fields = {k: v for k, v in row.items() if not k.startswith("_")}
    print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in fields.items()), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-news", action="store_true")
    parser.add_argument("--top", type=int, default=8, help="top findings of the news run to print")
    args = parser.parse_args()

    runs = [run_check(["seeds"], "--no-cache") for _ in range(args.repeat)]
    show("seeds (median)", {**runs[0], "wall_s": statistics.median(r["wall_s"] for r in runs)})

    with tempfile.TemporaryDirectory() as temporary:
        folder = generated_corpus(Path(temporary) / "generated")
        cache = str(Path(temporary) / "cache")
        show("generated 200x20, no cache", run_check([str(folder)], "--no-cache"))
        full = run_check([str(folder)], "--cache-dir", cache)
        show("generated 200x20, full (filling cache)", full)
        target = folder / "article_100.txt"
        target.write_text(target.read_text(encoding="utf-8").replace("said", "reported", 3), encoding="utf-8")
        incremental = run_check([str(folder)], "--cache-dir", cache)
        show("generated 200x20, incremental after one article changed", incremental)
        print(f"incremental speed-up: {full['wall_s'] / incremental['wall_s']:.1f}x", flush=True)

        if not args.skip_news:
            news = news_corpus(args.news, Path(temporary) / "news")
            row = run_check([str(news)], "--no-cache")
            show("real news corpus", row)
            for finding in row["_report"]["findings"][: args.top]:
                print(
                    f"  {finding['relation']} [{finding['kind']}] {finding['score']:.2f}\n"
                    f"    A ({finding['a']['document']}): {finding['a']['text']}\n"
                    f"    B ({finding['b']['document']}): {finding['b']['text']}"
                )


if __name__ == "__main__":
    main()
