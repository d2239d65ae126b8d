"""`summarizer batch`: summarise what is new in a set of inputs into a results store.

A run takes the store's lock (never two runs on one store), reads every input and skips
those whose content hash is already in the store, starts the model only if anything is
left, and keeps each result as soon as it is made. Failures are recorded with their reason
and do not stop the others; the report says what happened.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console

from summarizer.batch.lock import LockedError, store_lock
from summarizer.batch.provider_batch import batch_endpoint, run_provider_batch
from summarizer.batch.stores import DirStore, Store, StoreError, open_store, store_kind
from summarizer.config import Settings
from summarizer.console import error_line, printable
from summarizer.inputs import Article, InputError, read_article
from summarizer.output import write_failure
from summarizer.run import Job, RunOptions, open_endpoint, summarize_jobs
from summarizer.schema import Summary


@dataclass
class BatchReport:
    """What a run did, for the closing lines and the exit status."""

    done: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    rejected_items: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def add(self, summary: Summary) -> None:
        self.done += 1
        self.rejected_items += len(summary.rejected)
        usage = summary.meta.usage or {}
        self.prompt_tokens += usage.get("prompt_tokens", 0)
        self.completion_tokens += usage.get("completion_tokens", 0)

    def lines(self) -> list[str]:
        return [
            f"batch: {self.done} done, {self.skipped} skipped (already done), "
            f"{len(self.failed)} failed, {self.rejected_items} items rejected, "
            f"{self.prompt_tokens} prompt + {self.completion_tokens} completion tokens, "
            f"{self.seconds:.1f} s"
        ]


@contextmanager
def locked_store(target: str, wait: float) -> Iterator[Store]:
    """The store at `target`, held by this run alone (`lock`); `LockedError` if another
    run has it."""
    kind = store_kind(target)  # a target of no kind is refused before anything is made
    with store_lock(target, Path(target), kind is DirStore, wait):
        store = open_store(target)  # opened (and repaired) only under the lock
        try:
            yield store
        finally:
            store.close()


def select_new(
    reads: Iterable[tuple[str, str | InputError]],
    store: Store,
    report: BatchReport,
    console: Console,
) -> list[int]:
    """The positions in `reads` — (source, its content hash or why it could not be read)
    — still to summarise: not in the store, and each text once. An unreadable input is
    recorded as failed; one already done is counted as skipped."""
    done = store.done()
    chosen: list[int] = []
    for position, (source, key) in enumerate(reads):
        if isinstance(key, InputError):
            report.failed.append((source, key.reason))
            store.fail("", source, key.reason)
            error_line(console, source, key.reason)
        elif key in done:
            report.skipped += 1
        else:
            done.add(key)  # the same text twice in one run: summarised once
            chosen.append(position)
    return chosen


def run_batch(
    sources: list[str],
    target: str,
    settings: Settings,
    options: RunOptions,
    published: date | None,
    console: Console,
    *,
    wait: float = 0.0,
    provider_batch: bool = False,
    ray: bool = False,
    address: str | None = None,
) -> BatchReport:
    """Summarise every source not yet in the store at `target`; `wait`: seconds to wait
    for another run that holds it (and, with `provider_batch`, for the provider's batch:
    `provider_batch.BatchRunningError` when it has not ended by then). With `ray`, on a
    Ray cluster (`ray_engine`): a local one, or the one at `address`."""
    started = time.monotonic()
    endpoint = batch_endpoint(settings) if provider_batch else None
    report = BatchReport()
    with locked_store(target, wait) as store:
        if ray:
            from summarizer.batch.ray_engine import run_on_ray

            run_on_ray(sources, store, report, settings, options, published, console, address)
            report.seconds = time.monotonic() - started
            return report
        articles: dict[int, Article] = {}
        keys: list[tuple[str, str | InputError]] = []
        for position, source in enumerate(sources):
            try:
                articles[position] = read_article(source)
                keys.append((source, articles[position].sha256))
            except InputError as err:
                keys.append((source, err))
        chosen = select_new(keys, store, report, console)
        jobs = [Job(articles[position], published) for position in chosen]
        if endpoint is not None:
            run_provider_batch(jobs, store, target, endpoint, options, console, report, wait)
        elif jobs:
            _summarize(jobs, store, settings, options, console, report)
    report.seconds = time.monotonic() - started
    return report


class Recorder:
    """Each outcome into the store and the report, and its line on the console: a
    summary kept (or, if the store cannot take it, this article failed), a failure
    recorded with its reason. Each article once: a second outcome for it is dropped (a
    Ray task retried after its worker died sends again what it had sent)."""

    def __init__(self, store: Store, report: BatchReport, console: Console) -> None:
        self.store, self.report, self.console = store, report, console
        self.seen: set[str] = set()

    def done(self, source: str, key: str, summary: Summary) -> None:
        if key in self.seen:
            return
        try:
            self.store.add(summary)
        except OSError as err:  # this article fails; the others go on
            self.failed(source, key, write_failure(err))
            return
        self.seen.add(key)
        self.report.add(summary)
        if not self.console.is_terminal:
            self.console.print(
                printable(
                    f"batch: done {source} ({summary.meta.seconds} s, "
                    f"{len(summary.rejected)} rejected)"
                ),
                markup=False,
                highlight=False,
            )

    def failed(self, source: str, key: str, reason: str) -> None:
        if key in self.seen:
            return
        self.seen.add(key)
        self.store.fail(key, source, reason)
        self.report.failed.append((source, reason))
        error_line(self.console, source, reason)


def _summarize(
    jobs: list[Job],
    store: Store,
    settings: Settings,
    options: RunOptions,
    console: Console,
    report: BatchReport,
) -> None:
    record = Recorder(store, report, console)
    with open_endpoint(settings) as endpoint:
        summarize_jobs(
            jobs, endpoint, options,
            lambda job, summary: record.done(job.article.source, job.article.sha256, summary),
            lambda job, reason: record.failed(job.article.source, job.article.sha256, reason),
            console, verb="batch",
        )  # fmt: skip


__all__ = ["BatchReport", "LockedError", "Recorder", "StoreError", "run_batch", "select_new"]
