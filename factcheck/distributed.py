"""Checking on a Dask cluster, when one machine is not enough (`factcheck check --scheduler ADDRESS`).

Dask's distributed scheduler does what a hand-written cluster layer would have to (placing tasks on
workers, moving data, retrying on a worker that dies, dashboards) and runs on what users already
have: a laptop (`--scheduler local` starts a `LocalCluster`), a batch system (dask-jobqueue: SLURM,
PBS, SGE, LSF) or Kubernetes (dask-kubernetes, the Dask Helm chart). See docs/scale.md.

How a run goes: the corpus is read here, on the machine that runs `factcheck` (so `--max-bytes`,
ids and unreadable sources are decided as in a local run); the fact base is sent once to every
worker (`Client.scatter(broadcast=True)`); sources are partitioned, a partition of `PARTITION`
consecutive sources being one task, with a bounded number of tasks in flight (memory does not grow
with the corpus); results come back without their article texts and are yielded in corpus order,
so the report is byte-identical to a local run's.

Limits: `--max-chars` applies on the workers as locally. `--timeout` cannot: a Dask task runs in a
worker thread, where no SIGALRM timer can interrupt it (see `factcheck.runner`); bound a run with
the cluster's own means (worker lifetimes, the batch system's wall time). A partition whose worker
dies (out of memory, a crash) is checked again source by source (Dask retries a task on another
worker first, `distributed.scheduler.allowed-failures`); a source that still kills its worker
becomes an error of the report, and the run goes on.

Dask is an optional extra (`pip install 'factcheck[dask]'`); this module is imported only when
`--scheduler` is given.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.factbase.model import FactBase
from factcheck.model import Source, SourceError, SourceResult
from factcheck.runner import Limits, SchedulerError, check_safely, default_jobs, source_chunks, without_text

__all__ = ["PARTITION", "SchedulerError", "iter_results_dask"]

CONNECT_TIMEOUT = 30  # seconds to reach a remote scheduler
PARTITION = 32  # sources per task: large enough that scheduling costs little, small enough to balance
_IN_FLIGHT_PER_WORKER = 4


def check_partition(sources: list[Source], fb: FactBase, limits: Limits | None) -> list[SourceResult | SourceError]:
    """A task: check each source of a partition (on a worker), without their texts coming back."""
    lim = limits or Limits()
    return [without_text(check_safely(s, fb, timeout=lim.timeout, max_chars=lim.max_chars)) for s in sources]


def _died(source: Source, why: BaseException) -> SourceError:
    return SourceError(source.id, source.path,
                       f"the Dask worker checking this source died ({type(why).__name__}: {str(why)[:200]})")


def connect(scheduler: str, workers: int | None = None) -> tuple[Any, Any]:
    """(client, cluster): a client of the scheduler at `scheduler`, or of a LocalCluster started here
    for "local" (`workers` processes of one thread each; default: every core); cluster is None for
    a remote scheduler."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise SchedulerError("--scheduler needs Dask: pip install 'factcheck[dask]' "
                             "(dask[distributed])") from e
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as e:
        raise SchedulerError(f"no Dask scheduler answers at {scheduler}: {e}") from e


def iter_results_dask(items: Iterable[Source | SourceError], fb: FactBase, scheduler: str,
                      limits: Limits | None = None, *, workers: int | None = None,
                      partition: int = PARTITION) -> Iterator[SourceResult | SourceError]:
    """Results in corpus order, checked on the Dask cluster at `scheduler` ("local": one started here
    with `workers` processes); see the module documentation."""
    client, cluster = connect(scheduler, workers)
    try:
        base = client.scatter(fb, broadcast=True)  # once per worker, not once per task
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[tuple[list[Source | SourceError], Any]] = deque()

        def one(source: Source) -> SourceResult | SourceError:
            try:
                return client.submit(check_partition, [source], base, limits, pure=False).result()[0]
            except Exception as e:  # noqa: BLE001 - the worker died under this source
                return _died(source, e)

        def take() -> Iterator[SourceResult | SourceError]:
            chunk, future = pending.popleft()
            sources = [c for c in chunk if isinstance(c, Source)]
            done: list[SourceResult | SourceError] = []
            if future is not None:
                try:
                    done = future.result()
                except Exception:  # noqa: BLE001 - a worker died: each source alone, to name the one
                    done = [one(s) for s in sources]
            it = iter(done)
            for c in chunk:
                yield c if isinstance(c, SourceError) else next(it)

        for chunk in source_chunks(items, partition):
            sources = [c for c in chunk if isinstance(c, Source)]
            future = client.submit(check_partition, sources, base, limits, pure=False) if sources else None
            pending.append((chunk, future))
            while len(pending) > _IN_FLIGHT_PER_WORKER * n_workers:
                yield from take()
        while pending:
            yield from take()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
