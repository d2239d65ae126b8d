"""`summarizer batch … --provider-batch`: the articles' requests through a provider's
Batch API (about half the price; answers within 24 hours), grounded and stored as `batch`
stores them.

A run that finds no batch of its own builds every request the new articles need (the
JSONL the Batch API takes, `custom_id` the article's sha256 and chunk index), uploads it,
makes a batch of it, and keeps the batch's id beside `--out` (`RESULTS.batch.json`,
written atomically) before it waits. It then polls, with backoff, for at most `--wait`
seconds. A batch still running then ends the run with `BatchRunningError` (exit 75); the next
run finds the file and polls that batch again instead of submitting anything: a batch is
never submitted twice, even by a run killed between making it and writing its id (the
file holds the uploaded file's id first, and a run that finds no batch id asks the
provider for the batch made of that file before it makes one). An ended batch's answers
are grounded as they are read; what it did not answer is recorded as failed, with the
reason, so the next run submits only that.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pydantic
from rich.console import Console

from summarizer.batch.provider_articles import Articles, Request, article_of
from summarizer.batch.stores import Store, StoreError
from summarizer.config import ConfigError, Settings, resolve_endpoint
from summarizer.output import write_atomic
from summarizer.pipeline.textonly import TEXT_PROVIDER
from summarizer.providers.batchapi import BatchApi, BatchApiError, BatchInfo, request_line
from summarizer.providers.client import Endpoint
from summarizer.providers.deferred import Answers
from summarizer.reading.workers import parse_pool
from summarizer.run import Job, RunOptions

if TYPE_CHECKING:
    from summarizer.batch.runner import BatchReport

# The Batch API's bounds on one input file (50,000 requests, 200 MB), with a margin.
MAX_REQUESTS, MAX_BYTES = 50_000, 190_000_000
POLL_FIRST, POLL_LONGEST = 1.0, 60.0  # seconds between polls: doubling, then every minute


class BatchRunningError(Exception):
    """The batch has not ended; the message says which, and that a later run collects it."""


class Submitted(pydantic.BaseModel):
    """One batch: the uploaded file, the batch made of it (None until known), and its
    requests: custom_id to the response cache's key of the request."""

    input_file_id: str
    batch_id: str | None = None
    requests: dict[str, str]


class BatchState(pydantic.BaseModel):
    """What `RESULTS.batch.json` holds: the batches of `--out` that are not collected."""

    base_url: str
    model: str
    batches: list[Submitted] = []


def batch_endpoint(settings: Settings) -> Endpoint:
    """The remote endpoint whose Batch API the run uses; ConfigError when there is none."""
    endpoint = resolve_endpoint(settings)
    if endpoint is None or endpoint.provider in {"local", TEXT_PROVIDER}:
        raise ConfigError(
            "--provider-batch needs a remote model with a Batch API: "
            "give --base-url URL and --model NAME (or an OpenAI --model)"
        )
    return endpoint


def state_path(target: str) -> Path:
    """Where a store's batch ids are kept: `RESULTS.batch.json` beside its real path."""
    path = Path(target).resolve()
    return path.with_name(path.name + ".batch.json")


def load_state(path: Path, endpoint: Endpoint) -> BatchState | None:
    if not path.exists():
        return None
    try:
        state = BatchState.model_validate_json(path.read_bytes())
    except (OSError, pydantic.ValidationError) as err:
        raise StoreError(
            f"{path}: not a batch state file ({err}); remove it to start anew"
        ) from None
    if (state.base_url, state.model) != (endpoint.base_url, endpoint.model):
        raise StoreError(
            f"{path}: its batches were submitted to {state.base_url} for model "
            f"{state.model}; run with those, or remove the file to abandon them"
        )
    return state


def save_state(path: Path, state: BatchState) -> None:
    if state.batches:
        write_atomic(path, state.model_dump_json(indent=1) + "\n")
    else:
        path.unlink(missing_ok=True)


def groups(requests: list[Request]) -> list[list[tuple[Request, str]]]:
    """The requests as input files within the Batch API's bounds, an article's requests
    in one file."""
    files: list[list[tuple[Request, str]]] = [[]]
    size = 0
    for request in requests:
        line = request_line(request.custom_id, request.body)
        line_bytes = len(line.encode())
        current = files[-1]
        starts_article = not current or article_of(current[-1][0].custom_id) != article_of(
            request.custom_id
        )
        full = len(current) >= MAX_REQUESTS or size + line_bytes > MAX_BYTES
        if current and full and starts_article:
            files.append([])
            size = 0
        files[-1].append((request, line))
        size += line_bytes
    return files


def in_progress(batches: list[BatchInfo], path: Path) -> str:
    said = ", ".join(f"{b.id} is {b.status} ({b.completed} of {b.total} answered)" for b in batches)
    return f"batch: {said}; a later run collects it (the batch id is kept in {path})"


class ProviderBatch:
    """One run: submit, or find the batches submitted before; poll; collect."""

    def __init__(self, api: BatchApi, state: BatchState, path: Path, articles: Articles):
        self.api, self.state, self.path, self.articles = api, state, path, articles

    async def submit(self, requests: list[Request]) -> None:
        for group in groups(requests):
            file_id = await self.api.upload("".join(line for _, line in group).encode())
            batch = Submitted(
                input_file_id=file_id, requests={r.custom_id: r.key for r, _ in group}
            )
            self.state.batches.append(batch)
            save_state(self.path, self.state)  # the file first: a kill now is resumable
            batch.batch_id = await self.api.create(file_id)
            save_state(self.path, self.state)
            self.articles.console.print(
                f"batch: submitted {batch.batch_id} ({len(group)} requests) to {self.api.base_url}",
                markup=False,
                highlight=False,
            )

    async def poll(self, wait: float) -> None:
        """Poll every batch until each has ended and is collected, for `wait` seconds at
        most (then `BatchRunningError`)."""
        deadline = time.monotonic() + wait
        delay = POLL_FIRST
        while True:
            running = []
            for batch in list(self.state.batches):
                if batch.batch_id is None:  # a run killed while it made the batch
                    found = await self.api.find(batch.input_file_id)
                    batch.batch_id = found or await self.api.create(batch.input_file_id)
                    save_state(self.path, self.state)
                info = await self.api.retrieve(batch.batch_id)
                if not info.ended:
                    running.append(info)
                    continue
                await self.articles.collect(info, batch.requests, self.api.download)
                self.state.batches.remove(batch)
                save_state(self.path, self.state)
            if not running:
                return
            if time.monotonic() >= deadline:
                raise BatchRunningError(in_progress(running, self.path))
            await asyncio.sleep(min(delay, max(deadline - time.monotonic(), 0.0)))
            delay = min(delay * 2, POLL_LONGEST)


async def _run(
    jobs: list[Job], store: Store, target: str, endpoint: Endpoint, options: RunOptions,
    console: Console, report: BatchReport, wait: float,
) -> None:  # fmt: skip
    path = state_path(target)
    state = load_state(path, endpoint)
    api = BatchApi(endpoint)
    slots = options.concurrency
    with parse_pool(slots, local=False) as pool:
        articles = Articles(
            jobs,
            store,
            Answers(endpoint, options.cache),
            options.article,
            report,
            console,
            slots,
            pool,
        )
        try:
            if state is None:
                state = BatchState(base_url=endpoint.base_url, model=endpoint.model)
                requests = await articles.requests()
                if not requests:
                    return
                run = ProviderBatch(api, state, path, articles)
                await run.submit(requests)
            else:
                run = ProviderBatch(api, state, path, articles)
            await run.poll(wait)
            if articles.waiting:
                console.print(
                    f"batch: {len(articles.waiting)} articles were in no batch; "
                    "the next run submits them",
                    highlight=False,
                )
        finally:
            await articles.close()
            await api.close()


def run_provider_batch(
    jobs: list[Job], store: Store, target: str, endpoint: Endpoint, options: RunOptions,
    console: Console, report: BatchReport, wait: float,
) -> None:  # fmt: skip
    """Summarise `jobs` through `endpoint`'s Batch API into `store` (see the module);
    `BatchRunningError` when a batch is still running after `wait` seconds."""
    asyncio.run(_run(jobs, store, target, endpoint, options, console, report, wait))


__all__ = ["BatchApiError", "BatchRunningError", "batch_endpoint", "run_provider_batch"]
