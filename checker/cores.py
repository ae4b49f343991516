"""How many cores this process may use: the judge's threads and the parser's worker processes follow it."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
