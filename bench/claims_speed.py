"""Time and peak memory of the claim stage (documents -> claims, facts included) on the news corpus.

    python bench/claims_speed.py [--bodies ../shared/data/news/fnc1_train_bodies.csv] [--runs 3]

Reads every article body, extracts claims with no cache, and prints the median wall time of `--runs` runs, claims
per second and the process's peak resident memory. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from checker.claims import extract_all
from checker.lab.news_bodies import article_bodies
from checker.records import Document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="../shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = parser.parse_args()
    documents = [
        Document(id=f"news_{body_id}", path=f"news_{body_id}.txt", title="", date=None, text=text)
        for body_id, text in article_bodies(args.bodies)
    ]
    if args.limit:
        documents = documents[: args.limit]
    times, count = [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        count = len(extract_all(documents))
        times.append(time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    median = statistics.median(times)
    print(
        f"{len(documents)} articles, {count} claims: median {median:.1f} s of {args.runs} runs "
        f"({', '.join(f'{t:.1f}' for t in times)}), {count / median:.0f} claims/s, peak memory {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
