"""What runs inside a Ray cluster for `batch --engine ray`: an input read, and the worker
that summarises articles with the code `batch` runs (`run.summarize_all`).

A worker is a Ray actor, one per node, holding the node's CPUs: it is what
`batch` is on one machine, with a parse worker per core beside it (`reading.workers`), or
the embedded model's server; it and they load spaCy once each. It keeps one event loop,
one model client per URL, one parse pool and one set of in-flight gates for all the calls
Ray gives it, so that two calls at once share its slots: the next call's articles are
parsed while the last answers of the one before wait. It never writes the store: each
outcome goes back to the driver, which alone writes.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Coroutine, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from summarizer.config import Settings
from summarizer.inputs import Article, InputError, read_article
from summarizer.run import Job, OnDone, OnFailed, RunOptions, open_endpoint, slots_for
from summarizer.scheduling import Gates, on_the_wire

if TYPE_CHECKING:
    from summarizer.providers.calls import Model

T = TypeVar("T")
Row = dict[str, Any]


def read_row(row: Row) -> Row:
    """One input read (Ray Data's map): its article and content hash, or why it cannot
    be read. The article as columns of strings ('' for none): Arrow keeps them, where it
    pickled an object and made a column of nothing but None a float's NaN."""
    source = row["source"]
    try:
        article = read_article(source)
    except InputError as err:
        return {**row, "sha256": "", "reason": err.reason, "id": "", "text": "",
                "title": "", "published": ""}  # fmt: skip
    published = article.html_published.isoformat() if article.html_published else ""
    return {**row, "sha256": article.sha256, "reason": "", "id": article.id,
            "text": article.text, "title": article.html_title or "",
            "published": published}  # fmt: skip


def _article(batch: dict[str, Any], i: int) -> Article:
    published = str(batch["published"][i])
    return Article(
        str(batch["id"][i]), str(batch["source"][i]), str(batch["text"][i]),
        str(batch["title"][i]) or None, date.fromisoformat(published) if published else None,
    )  # fmt: skip


class ArticleWorker:
    """Summarises the articles of each batch Ray hands it; yields one row per article as
    it ends: (position, source, sha256, summary as JSON, or the reason it failed). Its
    coroutines are functions of the module: Ray makes a class with one an async actor,
    whose plain methods run one at a time (its calls ran in turn, not 4 at once)."""

    def __init__(
        self,
        settings: list[Settings],
        options: RunOptions,
        in_flight: int,
        published: date | None,
        stores: tuple[Path | None, Path | None],
    ) -> None:
        from summarizer.reading.pipeline import nlp

        nlp()  # once per worker, before its first article
        self.published = published
        self.loop = asyncio.new_event_loop()
        # The loop's thread lives as long as the worker: an embedded model's server,
        # started in it, is tied to it (`lifetime.die_with_parent`).
        threading.Thread(target=self.loop.run_forever, name="summarizer", daemon=True).start()
        self.exits = ExitStack()
        opened = _open(settings, options, in_flight, stores, self.exits)
        self.models, self.gates, self.parsers, self.options = self._on_loop(opened)

    def _on_loop(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result()

    def summarize(self, batch: dict[str, Any]) -> Iterator[Row]:
        """The batch's articles summarised (Ray's streaming generator): a row for each, in
        the batch's order."""
        outcomes: queue.SimpleQueue[Row | None] = queue.SimpleQueue()
        jobs = [Job(_article(batch, i), self.published) for i in range(len(batch["source"]))]
        position = {id(job): int(p) for job, p in zip(jobs, batch["position"], strict=True)}

        def row(job: Job, summary: str, reason: str) -> Row:
            key, source = job.article.sha256, job.article.source
            return {"position": position[id(job)], "source": source, "sha256": key,
                    "summary": summary, "reason": reason}  # fmt: skip

        def done(job: Job, summary: Any) -> None:
            outcomes.put(row(job, summary.model_dump_json(), ""))

        def failed(job: Job, reason: str) -> None:
            outcomes.put(row(job, "", reason))

        work = asyncio.run_coroutine_threadsafe(_run(self, jobs, done, failed, outcomes), self.loop)
        # In the batch's order, whatever order they end in: Ray retries the call of a worker
        # that died, and of what the retry yields it skips as many as were delivered. Sent
        # as they ended, a retry's first ones were not the first run's, and the article
        # skipped in their place was lost (a SIGKILLed worker: 39 of 40 written, exit 0).
        ended: dict[int, Row] = {}
        order = [int(p) for p in batch["position"]]
        while (outcome := outcomes.get()) is not None:
            ended[outcome["position"]] = outcome
            while order and order[0] in ended:
                yield ended.pop(order.pop(0))
        work.result()  # what ended the call early (a key the endpoint refuses) is raised


async def _open(
    fleet: list[Settings],
    options: RunOptions,
    in_flight: int,
    stores: tuple[Path | None, Path | None],
    exits: ExitStack,
) -> tuple[list[Model], Gates, Executor | None, RunOptions]:
    """A model per URL of the fleet, the gates and the parse pool, closed by `exits`, and
    the options with the slots the endpoint serves (on the loop: a server started here is
    tied to its thread)."""
    from summarizer.providers.cache import ResponseCache
    from summarizer.providers.calllog import CallLog
    from summarizer.providers.calls import open_model
    from summarizer.reading.workers import parse_pool

    cache = ResponseCache(stores[0]) if stores[0] else None
    calls = CallLog(stores[1]) if stores[1] else None
    models = []
    for settings in fleet:
        endpoint = exits.enter_context(open_endpoint(settings))
        in_flight = slots_for(endpoint, in_flight)
        model = open_model(
            endpoint, cache=cache, rate_limit=options.rate_limit, waiting=on_the_wire,
            log=calls,
        )  # fmt: skip
        models.append(model)
    parsers = exits.enter_context(parse_pool(in_flight, local=endpoint.provider == "local"))
    return models, Gates(in_flight), parsers, replace(options, concurrency=in_flight)


async def _run(
    worker: ArticleWorker,
    jobs: list[Job],
    done: OnDone,
    failed: OnFailed,
    outcomes: queue.SimpleQueue[Any],
) -> None:
    """The jobs spread over the fleet's URLs by position, through the shared gates."""
    from summarizer.run import summarize_all

    try:
        await asyncio.gather(*(
            summarize_all(jobs[i :: len(worker.models)], model, worker.options, done, failed,
                          worker.parsers, worker.gates)
            for i, model in enumerate(worker.models)
        ))  # fmt: skip
    finally:
        outcomes.put(None)
