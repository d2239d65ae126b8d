"""The articles' side of `batch --provider-batch`: the requests each article needs, and
its answers, when they come, grounded and kept.

Both go through the same path as `batch` (`pipeline.article`), on a model that answers
from a batch's results and the response cache and writes down what it could not answer
(`providers.deferred`): the first pass learns each chunk's request, exactly as `batch`
would send it; the second grounds the answers. An article whose requests are all answered
already (the cache, or a chunk the text summarises alone) is summarised in the first pass.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console

from summarizer.batch.stores import Store
from summarizer.console import error_line, printable
from summarizer.output import write_failure
from summarizer.pipeline.article import summarize_article, summarize_chunk
from summarizer.pipeline.chunking import split_article
from summarizer.pipeline.options import Options
from summarizer.providers.batchapi import BatchInfo, read_result
from summarizer.providers.calls import ProviderError, Usage
from summarizer.providers.deferred import Answers, answering_model, quietly, recording
from summarizer.reading.workers import parser_in
from summarizer.run import Job
from summarizer.schema import Summary

if TYPE_CHECKING:
    from summarizer.batch.runner import BatchReport

CHANGED = (
    "the batch answered another request (the prompt, the model or the code changed since "
    "it was submitted); the next run submits it again"
)


@dataclass(frozen=True)
class Request:
    """One chunk's request: `custom_id` is the article's sha256 and the chunk's index."""

    custom_id: str
    key: str  # the response cache's key of `body`
    body: dict[str, Any]


def article_of(custom_id: str) -> str:
    return custom_id.rsplit(":", 1)[0]


async def bounded(slots: int, works: Iterable[Coroutine[Any, Any, None]]) -> None:
    """Run `works`, at most `slots` at once (the parse workers' share)."""
    gate = asyncio.Semaphore(slots)

    async def one(work: Coroutine[Any, Any, None]) -> None:
        async with gate:
            await work

    await asyncio.gather(*(one(w) for w in works))


@dataclass
class Articles:
    """The articles of a run not yet in the store, and where their summaries go."""

    jobs: list[Job]
    store: Store
    answers: Answers
    options: Options
    report: BatchReport
    console: Console
    slots: int = 1
    pool: Executor | None = None
    waiting: dict[str, Job] = field(default_factory=dict)  # by sha256: not yet settled

    def __post_init__(self) -> None:
        if self.options.max_attempts > 1:
            self.console.print(
                "batch: --provider-batch sends one request per chunk; a re-ask would be "
                "another batch, a day later, so none is sent",
                highlight=False,
            )
            self.options = replace(self.options, max_attempts=1)
        self.model = answering_model(self.answers)
        self.parser = parser_in(self.pool) if self.pool is not None else None
        self.waiting = {job.article.sha256: job for job in self.jobs}

    async def requests(self) -> list[Request]:
        """Every request the articles need, in article order; an article that needs none
        is summarised now."""
        found: dict[str, list[Request]] = {}

        async def one(sha: str, job: Job) -> None:
            chunks = split_article(job.article.text, self.options.chunk_chars)
            found[sha] = []
            for index, chunk in enumerate(chunks):
                # Unanswered (and recorded), or a cached answer that fails (again, later).
                with recording() as missed, contextlib.suppress(ProviderError):
                    await summarize_chunk(
                        self.model, chunk, job.published, self.options, Usage(), self.parser
                    )
                found[sha] += [
                    Request(f"{sha}:{index}", self.answers.key(body), body) for body in missed
                ]
            if not found[sha]:
                await self.settle(sha, None)

        with quietly():
            await bounded(self.slots, (one(sha, job) for sha, job in list(self.waiting.items())))
        return [r for sha in found for r in found[sha]]

    async def settle(self, sha: str, reason: str | None) -> None:
        """Summarise an article from its answers and keep it; or record why it failed."""
        job = self.waiting.pop(sha, None)
        if job is None:  # done already, or not among this run's inputs
            return
        if reason is None:
            with recording() as missed:
                try:
                    summary = await summarize_article(
                        self.model, job.article, job.published, self.options, self.parser
                    )
                except ProviderError as err:
                    reason = CHANGED if missed else f"model error: {err}"
                else:
                    self.keep(job, summary)
                    return
        self.fail(job, reason)

    def keep(self, job: Job, summary: Summary) -> None:
        try:
            self.store.add(summary)
        except OSError as err:  # this article fails; the others go on
            self.fail(job, write_failure(err))
            return
        self.report.add(summary)
        if not self.console.is_terminal:
            self.console.print(
                printable(f"batch: done {job.article.source} ({len(summary.rejected)} rejected)"),
                markup=False,
                highlight=False,
            )

    def fail(self, job: Job, reason: str) -> None:
        self.store.fail(job.article.sha256, job.article.source, reason)
        self.report.failed.append((job.article.source, reason))
        error_line(self.console, job.article.source, reason)

    async def collect(
        self,
        batch: BatchInfo,
        requests: dict[str, str],
        download: Callable[[str, IO[bytes]], Awaitable[None]],
    ) -> None:
        """Read an ended batch's output and error files, grounding each article as soon as
        its last answer is read; an article the batch did not answer fails, with why."""
        left: dict[str, set[str]] = {}
        keys: dict[str, list[str]] = {}
        for custom_id, key in requests.items():
            left.setdefault(article_of(custom_id), set()).add(custom_id)
            keys.setdefault(article_of(custom_id), []).append(key)
        refused: dict[str, str] = {}
        gate = asyncio.Semaphore(self.slots)
        tasks: list[asyncio.Task[None]] = []

        async def settle(sha: str, reason: str | None) -> None:
            try:
                await self.settle(sha, reason)
                self.answers.forget(keys[sha])
            finally:
                gate.release()

        for file_id in filter(None, (batch.output_file_id, batch.error_file_id)):
            with tempfile.TemporaryFile() as file:
                await download(file_id, file)
                file.seek(0)
                for line in filter(bytes.strip, file):
                    result = read_result(line)
                    if result is None or result.custom_id not in requests:
                        continue
                    sha = article_of(result.custom_id)
                    if result.completion is not None:
                        key = requests[result.custom_id]
                        self.answers.add(key, result.completion, self.options.max_output_tokens)
                    else:
                        refused.setdefault(sha, f"batch {batch.id}: {result.reason}")
                    pending = left.get(sha, set())
                    pending.discard(result.custom_id)
                    if not pending and left.pop(sha, None) is not None:
                        await gate.acquire()
                        tasks.append(asyncio.create_task(settle(sha, refused.get(sha))))
        await asyncio.gather(*tasks)
        why = f"batch {batch.id} {batch.status} without an answer to it"
        why += f" ({batch.errors})" if batch.errors else ""
        for sha in left:
            await self.settle(sha, why)

    async def close(self) -> None:
        await self.model.close()
