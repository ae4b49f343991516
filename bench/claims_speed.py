"""Time and peak memory of the claim stage (documents -> claims, facts included) on the news corpus.

    python bench/claims_speed.py [--bodies ../shared/data/news/fnc1_train_bodies.csv] [--runs 3]

Reads every article body, extracts claims with no cache (`--cache`: into a new cache, as `check` does by default),
and prints the median wall time of `--runs` runs, claims per second, and the peak resident memory of the process and
of its largest worker process. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time

from checker.claims import extract_all
from checker.lab.news_bodies import article_bodies
from checker.records import Document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="../shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", action="store_true", help="extract into a new cache each run, as `check` does")
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
        count = len(_extract(documents, args.cache))
        times.append(time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest parser process
    median = statistics.median(times)
    print(
        f"{len(documents)} articles, {count} claims: median {median:.1f} s of {args.runs} runs "
        f"({', '.join(f'{t:.1f}' for t in times)}), {count / median:.0f} claims/s, peak memory {peak_mb:.0f} MB "
        f"(the largest worker process {worker_mb:.0f} MB)"
    )


def _extract(documents: list[Document], cache: bool) -> list:
    if not cache:
        return extract_all(documents)
    from checker.cache import Cache
    from checker.pipeline import claims_of

    with tempfile.TemporaryDirectory() as folder:
        store = Cache(folder)
        try:
            return claims_of(documents, store)
        finally:
            store.close()


if __name__ == "__main__":
    main()
