"""Batch scoring on Ray: the chunks of `checker score` judged by Ray actors, one judge per actor.

The driver reads the file, writes the parts and joins the output exactly as the local engine does (same columns,
row order, `error` rows and resume); only the judging moves to the workers. Each actor loads the model once and
scores whole chunks on one core. An actor that dies is restarted by Ray and its chunk run again; a chunk's part
is written once, by the driver, when its result arrives, so no row is lost or written twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import CheckerError, MissingBackendError
from .scoring import Done, Job, Settings

FAULT_ENV = "CHECKER_RAY_FAULT"  # tests: "N:FILE": the first actor to reach its Nth chunk dies (FILE marks it done)


@dataclass(frozen=True)
class RaySetup:
    """Where and how wide to run: `address` of a cluster (None: a local Ray on this machine's cores)."""

    model: str | None
    backend: str = "auto"
    address: str | None = None
    workers: int = 0  # actors; 0: one per CPU Ray offers
    in_flight: int = 2  # chunks queued per actor: keeps each busy while bounding the driver's memory


class _Scorer:
    """One worker's judge, loaded once; scores whole chunks."""

    def __init__(self, model: str | None, backend: str) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per actor, torch included
        from .decision import decision_for
        from .judge import load_judge

        self.judge = load_judge(model, backend=backend, threads=1)
        self.decision = decision_for(self.judge.info)
        self.chunks = 0

    def score(self, job: Job, settings: Settings) -> Done:
        from .scoring import run_job

        self.chunks += 1
        _maybe_fail(self.chunks)
        return run_job(self.judge, self.decision if settings.both_directions else None, job, settings)


def _maybe_fail(chunks: int) -> None:
    """Fault injection for the tests: die once, hard, on the given chunk."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    at, _, marker = spec.partition(":")
    if chunks == int(at) and marker and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)


def ray_engine(setup: RaySetup):
    """An engine for `score_file` that runs the chunks on Ray actors."""

    def run(jobs: Iterator[Job], settings: Settings) -> Iterable[Done]:
        ray = _start(setup.address)
        try:
            yield from _scored(ray, setup, jobs, settings)
        finally:
            if setup.address is None:
                ray.shutdown()

    return run


def _start(address: str | None):
    try:
        import ray
    except ImportError as error:
        raise MissingBackendError("--engine ray needs Ray", hint='pip install "checker[ray]"') from error
    if not ray.is_initialized():
        options = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        try:
            ray.init(address=address, **options) if address else ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as error:
            where = address or "a local Ray"
            raise CheckerError(f"cannot start Ray at {where}: {str(error).splitlines()[0][:200]}") from None
    return ray


def _scored(ray, setup: RaySetup, jobs: Iterator[Job], settings: Settings) -> Iterator[Done]:
    workers = setup.workers or max(1, int(ray.available_resources().get("CPU", 1)))
    scorer = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1)(_Scorer)
    actors = [scorer.remote(setup.model, setup.backend) for _ in range(workers)]
    pending: dict = {}  # result reference -> actor
    load = {index: 0 for index in range(len(actors))}
    limit = workers * setup.in_flight
    try:
        for job in jobs:
            if len(pending) >= limit:
                yield _collect(ray, pending, load)
            index = min(load, key=load.__getitem__)
            pending[actors[index].score.remote(job, settings)] = index
            load[index] += 1
        while pending:
            yield _collect(ray, pending, load)
    except ray.exceptions.RayTaskError as error:
        cause = error.cause if isinstance(getattr(error, "cause", None), Exception) else error
        if isinstance(cause, CheckerError):
            raise cause from None
        raise
    finally:
        for actor in actors:
            ray.kill(actor)


def _collect(ray, pending: dict, load: dict) -> Done:
    """The first chunk to finish, whichever actor ran it."""
    (reference,), _ = ray.wait(list(pending), num_returns=1)
    load[pending.pop(reference)] -= 1
    return ray.get(reference)
