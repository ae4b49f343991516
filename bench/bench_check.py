"""Time `check` end to end: seeds (cold and from a warm cache), a generated 200x20 corpus, the real news corpus,
an incremental re-check, and corpora of real news paragraphs recombined into more articles than the news set has.

Usage: python bench/bench_check.py [--only seeds --only generated --only news --only scale] [--news CSV]
                                   [--news-articles N] [--scale 1000,3000,10000] [--repeat 3] [--save-news FILE]
                                   [--model ID_OR_PATH]
Prints wall time (median of --repeat runs for seeds), pairs considered/scored and peak RSS of each run; the scale
runs also the seconds per article, to show how the cost grows with the corpus.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generated_corpus, news_corpus, recombined_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# runs `check` and reports its own peak RSS: this process's children's peak is the largest of all runs so far
_PEAK_OF = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "sys.stderr.write(f'\\npeak_kb={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n'); sys.exit(code)"
)


def run_check(paths: list[str], *extra: str) -> dict:
    """Run `check` in a child process; return wall time, its peak RSS (MB) and the JSON summary."""
    check = [sys.executable, "-m", "checker", "check", *paths, "--format", "json", "--fail-on", "none", "-q", *extra]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK_OF, *check], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"check failed: {result.stderr.strip()}")
    peak = int(result.stderr.rsplit("peak_kb=", 1)[1].split()[0]) / 1024
    report = json.loads(result.stdout)
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(peak), **report["summary"], "_report": report}


def show(name: str, row: dict) -> None:
    fields = {k: v for k, v in row.items() if not k.startswith("_")}
    print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in fields.items()), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--only", action="append", choices=["seeds", "generated", "news", "scale"], help="runs to do (all but scale)"
    )
    parser.add_argument("--scale", default="1000,3000,10000", help="article counts of the recombined corpora")
    parser.add_argument("--news-articles", type=int, default=0, help="only the first N news articles (0: all)")
    parser.add_argument("--save-news", type=Path, help="keep the news run's JSON report here")
    parser.add_argument("--top", type=int, default=8, help="top findings of the news run to print")
    parser.add_argument("--model", help="check with this model instead of the shipped one")
    args = parser.parse_args()
    only = set(args.only or ["seeds", "generated", "news"])
    model = ("--model", args.model) if args.model else ()

    if "seeds" in only:
        runs = [run_check(["seeds"], "--no-cache", *model) for _ in range(args.repeat)]
        show("seeds (median)", {**runs[0], "wall_s": statistics.median(r["wall_s"] for r in runs)})
        with tempfile.TemporaryDirectory() as cache:  # a re-check before publication: every judgement cached
            run_check(["seeds"], "--cache-dir", cache, *model)
            warm = [run_check(["seeds"], "--cache-dir", cache, *model) for _ in range(args.repeat)]
        show("seeds, warm cache (median)", {**warm[0], "wall_s": statistics.median(r["wall_s"] for r in warm)})

    with tempfile.TemporaryDirectory() as temporary:
        if "generated" in only:
            run_generated(Path(temporary), model)
        if "news" in only:
            news = news_corpus(args.news, Path(temporary) / "news", args.news_articles)
            row = run_check([str(news)], "--no-cache", *model)
            show(f"real news corpus ({len(list(news.iterdir()))} articles)", row)
            if args.save_news:
                args.save_news.write_text(json.dumps(row["_report"]), encoding="utf-8")
            for finding in row["_report"]["findings"][: args.top]:
                print(
                    f"  {finding['relation']} [{finding['kind']}] {finding['score']:.2f}\n"
                    f"    A ({finding['a']['document']}): {finding['a']['text']}\n"
                    f"    B ({finding['b']['document']}): {finding['b']['text']}"
                )
        if "scale" in only:
            for articles in (int(n) for n in args.scale.split(",")):
                folder = recombined_corpus(args.news, Path(temporary) / f"mixed{articles}", articles)
                row = {k: v for k, v in run_check([str(folder)], "--no-cache", *model).items() if k != "_report"}
                show(f"recombined news, {articles} articles", {**row, "s_per_article": row["wall_s"] / articles})


def run_generated(temporary: Path, model: tuple[str, ...] = ()) -> None:
    """200 articles x 20 claims: no cache, filling a cache, and again after one article changed."""
    folder = generated_corpus(temporary / "generated")
    cache = str(temporary / "cache")
    show("generated 200x20, no cache", run_check([str(folder)], "--no-cache", *model))
    full = run_check([str(folder)], "--cache-dir", cache, *model)
    show("generated 200x20, full (filling cache)", full)
    target = folder / "article_100.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("said", "reported", 3), encoding="utf-8")
    incremental = run_check([str(folder)], "--cache-dir", cache, *model)
    show("generated 200x20, incremental after one article changed", incremental)
    print(f"incremental speed-up: {full['wall_s'] / incremental['wall_s']:.1f}x", flush=True)


if __name__ == "__main__":
    main()
