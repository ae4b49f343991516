"""`checker score` over generated claim pairs: pairs/s and peak RSS (bounded whatever the file size), on the local
engine and on a local Ray (`--engine ray`), in one run.

Usage: python bench/bench_score.py [--rows 1000000] [--engine local] [--engine ray] [--workers N]
On Ray the driver's peak RSS and each worker's (their VmHWM, read from /proc while the run goes) are reported apart.
On a cluster: start Ray on every machine (`ray start --head` / `ray start --address HEAD:6379`, checker installed
on each, the model at the same path), then `checker score PAIRS -o OUT --engine ray --address auto`; throughput
grows with the cores: one worker per core, each about what one core gives the local engine.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import threading
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


def _worker_peaks(stop: threading.Event, peaks: dict[int, int]) -> None:
    """Each Ray scoring worker's peak RSS in kB (VmHWM), polled until `stop`."""
    while not stop.wait(0.5):
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                if b"_Scorer" not in (proc / "cmdline").read_bytes():
                    continue
                status = (proc / "status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[int(proc.name)] = max(peaks.get(int(proc.name), 0), int(line.split()[1]))


def run(source: Path, output: Path, engine: str, workers: int) -> str:
    extra = ["--engine", "ray"] + (["--workers", str(workers)] if workers else []) if engine == "ray" else []
    stop, peaks = threading.Event(), {}
    watcher = threading.Thread(target=_worker_peaks, args=(stop, peaks), daemon=True)
    watcher.start()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    command = [sys.executable, "-m", "checker", "score", str(source), "-o", str(output), "-q", *extra]
    subprocess.run(command, check=True, cwd=ROOT)
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with output.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    workers_note = f" workers={len(peaks)} worker_peak_rss_mb={max(peaks.values()) / 1024:.0f}" if peaks else ""
    driver = f"peak_rss_mb={peak / 1024:.0f}" if peak > before else "peak_rss_mb=(as before)"
    return f"engine={engine} rows={rows} wall_s={wall:.1f} pairs_per_s={rows / wall:.0f} {driver}{workers_note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engine", action="append", choices=["local", "ray"], help="default: both")
    parser.add_argument("--workers", type=int, default=0, help="Ray workers (default: one per CPU)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        source = Path(temporary) / "pairs.csv"
        write_pairs(source, args.rows)
        for engine in args.engine or ["local", "ray"]:
            print(run(source, Path(temporary) / f"scored-{engine}.csv", engine, args.workers), flush=True)


if __name__ == "__main__":
    main()
