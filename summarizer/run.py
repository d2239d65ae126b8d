"""Runs over many articles, shared by summarize, eval and batch: read them all, start the
model once, summarise them (one or more in flight) with a progress bar, and keep going
when one fails.

Bad input is found before the model starts (reading is cheap, starting a model is not),
and each failure is one line naming the article; the others are still summarised.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console

from summarizer import bounded
from summarizer.config import Settings, local_model_name, mode_of, resolve_endpoint
from summarizer.console import error_line, progress
from summarizer.inputs import Article, InputError, read_article
from summarizer.output import Summarized, write_failure
from summarizer.pipeline.options import Options
from summarizer.pipeline.prompting import load_prompt
from summarizer.providers.cache import ResponseCache
from summarizer.providers.models import resolve
from summarizer.reading import PipelineMissingError
from summarizer.scheduling import Gates, on_the_wire, take_turns
from summarizer.schema import Summary

# The model path (spaCy, openai: about a second of imports) is imported by the functions
# that run it, once the articles are read: a run whose every input is unreadable, like the
# checks before it, says so at once.
if TYPE_CHECKING:
    from summarizer.providers.calllog import CallLog
    from summarizer.providers.calls import Model
    from summarizer.providers.client import Endpoint
    from summarizer.reading.workers import Parser


@dataclass
class Report:
    """What a run did: summaries made, each with its article, and (source, reason) for each
    failure."""

    done: list[Summarized] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class RunOptions:
    """How a run goes, one object for the CLI, the Python API and batch: how to summarise
    each article, requests in flight, model requests a second at most, the response cache,
    the call log, seconds one article may take (None: no limit)."""

    article: Options = field(default_factory=Options)
    concurrency: int = 1
    rate_limit: float | None = None
    cache: ResponseCache | None = None
    calls: CallLog | None = None
    article_timeout: float | None = bounded.DEFAULT_ARTICLE_TIMEOUT


def options_for(settings: Settings) -> Options:
    """Options from settings (None: the default); a prompt that does not exist is a
    ValueError now, before any work starts."""
    defaults = Options()
    options = Options(
        prompt=settings.prompt or defaults.prompt,
        max_attempts=settings.max_attempts or defaults.max_attempts,
    )
    load_prompt(options.prompt)
    return options


@contextlib.contextmanager
def open_endpoint(settings: Settings) -> Iterator[Endpoint]:
    """The configured endpoint, or the embedded model's server for as long as needed."""
    from summarizer.providers.client import DEFAULT_TIMEOUT, Endpoint
    from summarizer.providers.server import local_server

    remote = resolve_endpoint(settings)
    if remote is not None:
        yield remote
        return
    model = resolve(local_model_name(settings))
    with local_server(model) as server:
        yield Endpoint(
            base_url=server.base_url,
            model=server.model,
            provider="local",
            mode=mode_of(settings.mode),
            timeout=settings.timeout or DEFAULT_TIMEOUT,
        )


@dataclass(frozen=True)
class Job:
    """One article to summarise, with its publication date (for relative times)."""

    article: Article
    published: date | None = None


OnDone = Callable[[Job, Summary], None]
OnFailed = Callable[[Job, str], None]


async def summarize_all(
    jobs: Iterable[Job],
    model: Model,
    options: RunOptions,
    on_done: OnDone,
    on_failed: OnFailed,
    parsers: Executor | None = None,
    gates: Gates | None = None,
) -> None:
    """Summarise every job, `options.concurrency` at a time (or as `gates` allow, shared
    with other calls); report each one as it ends.

    The callbacks run on the event loop, one at a time, so they may write output without
    locks. A model error fails its own job only; an endpoint that refuses our key
    (`AccessDeniedError`) ends them all, since none can succeed, and is raised.

    Answers are worked on in turns, first come first served (`scheduling`): grounding
    and writing one answer is not interleaved with the others'; a request that has a
    slot is sent before them, and an answer frees its slot once it is in. With `parsers`,
    each article's chunks are parsed in a worker process while other articles' requests
    wait; as many articles again as are in flight are parsed ahead, so that a slot that
    opens sends its next request at once (the prompt needs the parse: without it, the
    parse was on every article's path, and the workers idle while every request waited).
    """
    from summarizer.pipeline.article import summarize_article
    from summarizer.pipeline.chunking import split_article
    from summarizer.providers.calls import AccessDeniedError, ProviderError
    from summarizer.reading.workers import parser_in, parsing_ahead

    gates = gates or Gates(options.concurrency)
    parser = parser_in(parsers, bounded.seconds_for(options.article_timeout)) if parsers else None

    async def one(job: Job, parser: Parser | None) -> None:
        turn = take_turns(gates)
        await turn.take_slot()  # its time limit counts from here, not from its wait in line
        try:
            work = summarize_article(model, job.article, job.published, options.article, parser)
            summary = await bounded.within(options.article_timeout, work)
        except bounded.ArticleTimeoutError as err:
            on_failed(job, str(err))
        except AccessDeniedError:
            raise
        except ProviderError as err:
            on_failed(job, f"model error: {err}")
        else:
            on_done(job, summary)
        finally:
            turn.let_go()
            turn.free_slot()

    async def parsed_ahead(job: Job) -> None:
        async with gates.ahead:
            # Split only to parse ahead (the embedded model's runs do not: no parser).
            chunks = split_article(job.article.text, options.article.chunk_chars) if parser else []
            texts = [c.text for c in chunks]
            with parsing_ahead(parser, texts) as begun:  # what it leaves is cancelled
                await one(job, begun)

    tasks = [asyncio.ensure_future(parsed_ahead(job)) for job in jobs]
    try:
        await asyncio.gather(*tasks)
    finally:  # on the first error that ends the run, the others stop where they are
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


LOCAL_SLOTS = 1  # llama-cpp-python's server runs one request at a time


def slots_for(endpoint: Endpoint, wanted: int) -> int:
    """Requests in flight at once: no more than the embedded model serves."""
    return min(wanted, LOCAL_SLOTS) if endpoint.provider == "local" else wanted


async def run_jobs(
    jobs: list[Job],
    endpoint: Endpoint,
    options: RunOptions,
    on_done: OnDone,
    on_failed: OnFailed,
) -> None:
    """`summarize_all` with a model client made for the running event loop, its
    connections closed when done; with no model (`--model none`), each article's text
    summary."""
    from summarizer.pipeline.textonly import TEXT_PROVIDER, text_summary
    from summarizer.providers.calls import open_model
    from summarizer.reading.workers import parse_pool

    if endpoint.provider == TEXT_PROVIDER:
        for job in jobs:
            try:
                with bounded.limited(options.article_timeout):
                    summary = text_summary(job.article, job.published)
            except PipelineMissingError:
                raise
            except bounded.ArticleTimeoutError as err:  # a time limit's reason is its own
                on_failed(job, str(err))
            except Exception as err:
                on_failed(job, f"text analysis failed: {err}")
            else:
                on_done(job, summary)  # not under the except: a write error is not analysis
        return
    model = open_model(
        endpoint,
        cache=options.cache,
        rate_limit=options.rate_limit,
        waiting=on_the_wire,
        log=options.calls,
    )
    slots = slots_for(endpoint, options.concurrency)
    try:
        with parse_pool(slots, local=endpoint.provider == "local") as parsers:
            await summarize_all(
                jobs, model, replace(options, concurrency=slots), on_done, on_failed, parsers
            )
    finally:
        await model.close()


def summarize_jobs(
    jobs: list[Job],
    endpoint: Endpoint,
    options: RunOptions,
    on_done: OnDone,
    on_failed: OnFailed,
    console: Console,
    *,
    verb: str = "summarizing",
) -> None:
    """`run_jobs` with a progress bar, in an event loop of its own, CPU work bounded too
    (`bounded.ticking`). More in flight than the embedded model serves is lowered, noted."""
    wanted = options.concurrency
    if slots_for(endpoint, wanted) < wanted:
        console.print(
            f"{verb}: the embedded model serves {LOCAL_SLOTS} request at a time; "
            f"--jobs {wanted} lowered to {LOCAL_SLOTS}",
            highlight=False,
        )
    with progress([len(job.article.text) for job in jobs], console, verb) as step:

        def done(job: Job, summary: Summary) -> None:
            on_done(job, summary)
            step(None)

        def failed(job: Job, reason: str) -> None:
            on_failed(job, reason)
            step(None)

        with bounded.ticking(), bounded.parse_shown(step):
            asyncio.run(run_jobs(jobs, endpoint, options, done, failed))


def run(
    sources: list[str],
    settings: Settings,
    options: RunOptions,
    published: date | None,
    on_summary: Callable[[Summarized], None],
    console: Console,
) -> Report:
    """Summarise every source in order; call `on_summary` as each one is done."""
    report = Report()
    jobs: list[Job] = []
    for source in sources:
        try:
            jobs.append(Job(read_article(source), published))
        except InputError as err:
            report.failed.append((source, err.reason))
            error_line(console, source, err.reason)
    if not jobs:
        return report

    def done(job: Job, summary: Summary) -> None:
        result = Summarized(job.article, summary)
        try:
            on_summary(result)
        except OSError as err:  # this article's output fails; the others go on
            failed(job, write_failure(err))
            return
        report.done.append(result)

    def failed(job: Job, reason: str) -> None:
        report.failed.append((job.article.source, reason))
        error_line(console, job.article.source, reason)

    with open_endpoint(settings) as endpoint:
        summarize_jobs(jobs, endpoint, options, done, failed, console)
    return report
