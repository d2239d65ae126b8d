"""`summarizer batch --engine ray`: the same batch, its articles summarised across a Ray
cluster.

Ray Data reads the inputs (on this run's node: the paths are its paths); this process
hands them in batches to `ray_worker.ArticleWorker` actors, which summarise them with
`batch`'s own code and stream each outcome back as it ends. This process alone writes the
store, under `batch`'s lock, with `batch`'s choice of what is new (`runner.select_new`)
and its records (`runner.Recorder`), so the keys, the record format and exactly-once hold
unchanged: a worker that dies is started again and its calls retried by Ray, and what a
retried call sends again is dropped here, by key. Ray is imported here only.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from types import ModuleType
from typing import Any

from rich.console import Console

from summarizer.batch.runner import BatchReport, Recorder, select_new
from summarizer.batch.stores import Store
from summarizer.config import ConfigError, Settings, resolve_endpoint
from summarizer.console import progress_bar
from summarizer.inputs import InputError
from summarizer.run import LOCAL_SLOTS, RunOptions
from summarizer.schema import Summary

EXTRA = "pip install 'summarizer[ray]'"
# A worker runs this many batches at once, of half its slots each, and has as many more
# waiting: it begins twice as many articles as it has in flight, as `batch` does, and when
# one batch ends the next is there already (with two batches of all its slots, they ended
# together, and it idled while the next came).
CALLS = 4
# An article the cluster sent no outcome for (it should not happen; if it does, it fails
# with this reason, and the next run tries it again).
LOST = "the Ray cluster returned no summary and no failure for it; a rerun tries it again"


class RayError(Exception):
    """Ray is missing, or the cluster cannot be joined or run; the message says which."""


def import_ray(local: bool = False) -> ModuleType:
    """Ray, or a `RayError` that says which extra to install; `local`: for a cluster on
    this machine alone, whose every address is then 127.0.0.1 (read as Ray is imported)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing sent anywhere
    if local:  # else Ray swaps 127.0.0.1 for this machine's network address, everywhere
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    # Ray's C++ core logs to stderr a line per worker it starts ("constructor arguments in
    # the object store"); its errors reach us as exceptions, and all of it is in its logs.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayError(f"--engine ray needs Ray, which is not installed: {EXTRA}") from None
    return ray


@contextmanager
def cluster(address: str | None) -> Iterator[ModuleType]:
    """Connected to the cluster at `address` ('auto', 'ray://…'), or to a local one on
    this machine's cores for the run, stopped after it (no dashboard, on 127.0.0.1); or
    to the one this process is already connected to (a Python caller's), left as it is."""
    ray = import_ray(local=address is None)
    if ray.is_initialized():
        yield ray
        return
    quiet: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    try:
        with _stderr_silenced():
            _init(ray, address, quiet)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise RayError(f"cannot join the Ray cluster at {address}: {err}") from None
    # Ray Data logs each dataset it runs, and a failed task's traceback; the run says
    # what failed in one line, and Ray's logs have the rest.
    logging.getLogger("ray.data").setLevel(logging.CRITICAL)
    try:
        yield ray
    finally:
        ray.shutdown()


def _init(ray: ModuleType, address: str | None, quiet: dict[str, Any]) -> None:
    if address is None:
        ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False,
                 _node_ip_address="127.0.0.1", **quiet)  # fmt: skip
    else:
        ray.init(address=address, **quiet)


@contextmanager
def _stderr_silenced() -> Iterator[None]:
    """File descriptor 2 to /dev/null for the block: as it starts, Ray's C++ core writes
    there that it read RAY_BACKEND_LOG_LEVEL, a line of its log on the user's terminal.
    What goes wrong is raised, and Ray's processes started meanwhile log to their files."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "wb") as sink:
        os.dup2(sink.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def fleet(settings: Settings) -> list[Settings]:
    """One settings per URL of `--base-url` (several, comma-separated: a fleet of
    servers), each checked now; one for the embedded model."""
    urls = (settings.base_url or "").split(",")
    each = [replace(settings, base_url=url.strip() or None) for url in urls]
    remote = [resolve_endpoint(one) is not None for one in each]
    if len(each) > 1 and not all(remote):
        raise ConfigError("--base-url: several URLs must each be an http(s) URL")
    return each


def run_on_ray(
    sources: list[str],
    store: Store,
    report: BatchReport,
    settings: Settings,
    options: RunOptions,
    published: date | None,
    console: Console,
    address: str | None,
) -> None:
    """`runner.run_batch`'s work on a Ray cluster, into `store` (held by this run)."""
    servers = fleet(settings)
    with cluster(address) as ray:
        ray.data.DataContext.get_current().enable_progress_bars = False
        here = {"ray.io/node-id": ray.get_runtime_context().get_node_id()}
        items = [{"position": p, "source": s} for p, s in enumerate(sources)]
        from ray.data.expressions import col

        from summarizer.batch.ray_worker import read_row

        # A few blocks of many articles: a block each made every step a task each.
        blocks = max(1, min(len(items), 2 * int(ray.cluster_resources().get("CPU", 1))))
        read = ray.data.from_items(items, override_num_blocks=blocks)
        read = read.map(read_row, label_selector=here).materialize()
        rows = sorted(read.select_columns(["position", "source", "sha256", "reason"]).take_all(),
                      key=lambda row: row["position"])  # fmt: skip
        keys = [(r["source"], r["sha256"] or InputError(r["source"], r["reason"])) for r in rows]
        chosen = {rows[p]["position"] for p in select_new(keys, store, report, console)}
        if chosen:
            # Materialised before the workers start: they hold every CPU, and a filter
            # waiting for one would wait for ever.
            todo = read.filter(expr=col("position").is_in(sorted(chosen))).materialize()
            record = Recorder(store, report, console)
            _summarize(ray, todo, len(chosen), record, servers, options, published)
            for position in sorted(chosen):  # none may go missing unnoticed
                row = rows[position]
                if row["sha256"] not in record.seen:
                    record.failed(row["source"], row["sha256"], LOST)


def _summarize(
    ray: ModuleType,
    todo: Any,
    count: int,
    record: Recorder,
    servers: list[Settings],
    options: RunOptions,
    published: date | None,
) -> None:
    """The `count` chosen articles through `ArticleWorker`s; each outcome recorded as it
    comes, and counted on the progress bar `batch` shows on a terminal."""
    from summarizer.batch.ray_worker import ArticleWorker

    embedded = resolve_endpoint(servers[0]) is None
    nodes = [n for n in ray.nodes() if n["Alive"] and n["Resources"].get("CPU")]
    # One worker per node, holding its CPUs: it summarises as `batch` does on a machine of
    # its own, with a parse worker per core beside it (or the embedded model's server).
    workers = len(nodes)
    # The run's --jobs across the cluster; the embedded model's server takes one at a time.
    in_flight = LOCAL_SLOTS if embedded else -(-options.concurrency // workers)
    rate = options.rate_limit / workers if options.rate_limit else None
    stores = (options.cache.path if options.cache else None,
              options.calls.path if options.calls else None)  # fmt: skip
    shipped = replace(options, cache=None, calls=None, rate_limit=rate)  # reopened there
    # Actors, not Ray Data's pool of them: its scheduling loop and helper actors cost ~40 ms
    # of CPU a second, and a block each summary more (17 ms an article in all, measured at
    # 64 in flight on 2 cores). Started again when one dies, and its calls retried.
    actor = ray.remote(ArticleWorker).options(
        num_cpus=min(n["Resources"]["CPU"] for n in nodes),
        max_restarts=-1, max_task_retries=-1, max_concurrency=CALLS,
    )  # fmt: skip
    pool = [actor.remote(servers, shipped, in_flight, published, stores) for _ in range(workers)]
    batches = iter(todo.iter_batches(batch_size=-(-in_flight // 2), batch_format="numpy"))
    calls: dict[Any, Any] = {}  # each call's stream of outcomes -> its worker

    def call(worker: Any) -> None:
        batch = next(batches, None)
        if batch is not None:
            calls[worker.summarize.options(num_returns="streaming").remote(batch)] = worker

    try:
        for worker in pool:
            for _ in range(2 * CALLS):  # as many again waiting as it runs
                call(worker)
        with progress_bar(count, record.console, "batch") as bar:
            task = bar.add_task("", total=count)
            while calls:
                (ready,), _ = ray.wait(list(calls), num_returns=1)
                try:
                    row = ray.get(next(ready))
                except StopIteration:
                    call(calls.pop(ready))
                    continue
                if row["reason"]:
                    record.failed(row["source"], row["sha256"], row["reason"])
                else:
                    summary = Summary.model_validate_json(row["summary"])
                    record.done(row["source"], row["sha256"], summary)
                bar.advance(task)
    except ray.exceptions.RayError as err:
        cause = getattr(err, "cause", None) or err  # a worker's own exception, if any
        said = str(cause).strip().splitlines()
        raise RayError(
            f"the Ray run failed: {type(cause).__name__}: {said[0] if said else ''} "
            "(Ray's logs: /tmp/ray/session_latest/logs)"
        ) from None
    finally:
        for worker in pool:  # at once: a worker's exit has nothing to save (1.3 s of CPU)
            ray.kill(worker)
