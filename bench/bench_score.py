"""`checker score` over generated claim pairs: pairs/s and peak RSS (bounded whatever the file size).

Usage: python bench/bench_score.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBJECTS = ["The council", "Police", "The ministry", "Acme Corp", "The army", "Officials", "The union"]
VERBS = ["said", "reported", "confirmed", "denied", "estimated"]
OBJECTS = ["protesters gathered", "homes were damaged", "jobs were cut", "troops were sent", "people fled"]


def write_pairs(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "premise", "hypothesis"])
        for index in range(rows):
            a = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(1, 90) * 100:,} {rng.choice(OBJECTS)}."
            b = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(1, 90) * 100:,} {rng.choice(OBJECTS)}."
            writer.writerow([index, a, b])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        source, output = Path(temporary) / "pairs.csv", Path(temporary) / "scored.csv"
        write_pairs(source, args.rows)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "checker", "score", str(source), "-o", str(output), "-q"], check=True, cwd=ROOT
        )
        wall = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with output.open(encoding="utf-8") as handle:
            written = sum(1 for _ in handle) - 1
        print(
            f"rows={args.rows} written={written} wall_s={wall:.1f} pairs_per_s={args.rows / wall:.0f} "
            f"peak_rss_mb={peak:.0f}"
        )


if __name__ == "__main__":
    main()
