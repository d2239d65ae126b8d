"""The Python API: summarize articles with one call, as the command line does.

    from summarizer import summarize
    summary = summarize("article.txt")                      # the embedded model
    summary = summarize(text, model="gpt-4o-mini")          # OpenAI (OPENAI_API_KEY)

Settings resolve as on the command line: the arguments, then the config file, then the
environment; with nothing configured, the embedded local model, whose server is started
for the call (for `summarize_many`, once for all its articles) and stopped after it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Iterable
from datetime import date
from pathlib import Path
from typing import TypedDict, Unpack

from summarizer.config import Settings, resolve_settings
from summarizer.inputs import ARTICLE_SUFFIXES, Article, InputError, article_from_text
from summarizer.inputs import read_article as read_article_file
from summarizer.providers.cache import open_cache
from summarizer.providers.calllog import open_call_log
from summarizer.providers.client import Endpoint
from summarizer.run import Job, RunOptions, open_endpoint, options_for, run_jobs
from summarizer.schema import Summary

log = logging.getLogger("summarizer")

Source = str | os.PathLike[str]


class ArticleError(Exception):
    """An article that was not summarized; `source` names it and `reason` says why (the
    command line's one-line error), e.g. 'a.txt: is empty' or 'text 2: model error: …'."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelOptions(TypedDict, total=False):
    """The keyword arguments every call takes, as the command line's options: each one
    not given comes from the config file, then the environment, then the default."""

    model: str | None  # a local model's name runs it embedded; another one is OpenAI's
    base_url: str | None  # any OpenAI-compatible server (with `model`)
    mode: str | None  # instructor mode: tool_call, tools_strict, json_schema_mode, …
    prompt: str | None  # a prompt's name in prompts/
    max_attempts: int | None  # model calls per article, re-asks included
    timeout: float | None  # seconds to wait for one model answer
    config: Source | None  # a TOML config file instead of the usual one
    cache: bool  # keep and reuse model answers on disk (default True)
    log: bool  # record every model call in the call log (default True; `summarizer logs`)
    published: date | str | None  # publication date, for relative times ("on Monday")


def summarize(text_or_path: Source, **options: Unpack[ModelOptions]) -> Summary:
    """Summarize one article and ground every item in it.

    `text_or_path`: a path (a `Path`, or a string naming an existing file or ending in
    .txt, .md, .html or .htm), or the article's text itself. Raises ArticleError when the
    article cannot be read or the model gives nothing usable; ConfigError or ModelError
    when the settings or the local model are not usable.
    """
    (result,) = summarize_many([text_or_path], **options)
    if isinstance(result, ArticleError):
        raise result
    return result


def summarize_many(
    items: Iterable[Source],
    *,
    jobs: int = 1,
    rate_limit: float | None = None,
    **options: Unpack[ModelOptions],
) -> list[Summary | ArticleError]:
    """Summarize every article (`summarize` says what an item may be), `jobs` in flight
    at once, at most `rate_limit` model requests a second. Returns one result per item,
    in order: its Summary, or the ArticleError that stopped it (the others go on).

    For code outside an event loop; inside one, `await asummarize_many(...)`.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # none running: the usual case
        return asyncio.run(asummarize_many(items, jobs=jobs, rate_limit=rate_limit, **options))
    raise RuntimeError("summarize_many cannot run inside an event loop: use asummarize_many")


async def asummarize_many(
    items: Iterable[Source],
    *,
    jobs: int = 1,
    rate_limit: float | None = None,
    **options: Unpack[ModelOptions],
) -> list[Summary | ArticleError]:
    """`summarize_many` for callers in an event loop: the same results, awaited."""
    settings = resolve_settings(_settings(options), _str_or_none(options.get("config")))
    article_options = options_for(settings)
    published = _published(options.get("published"))
    results: list[Summary | ArticleError] = []
    work: list[Job] = []
    place: dict[int, int] = {}  # id(job) -> its index in results
    for number, item in enumerate(items, 1):
        try:
            job = Job(read_item(item, number), published)
        except InputError as err:  # found before any model starts; the others go on
            results.append(ArticleError(err.source, err.reason))
            continue
        place[id(job)] = len(results)
        results.append(ArticleError(job.article.source, "not summarized"))  # until done
        work.append(job)
    if not work:
        return results

    def done(job: Job, summary: Summary) -> None:
        results[place[id(job)]] = summary

    def failed(job: Job, reason: str) -> None:
        results[place[id(job)]] = ArticleError(job.article.source, reason)

    cache = open_cache(options.get("cache", True), log.warning)
    calls = open_call_log(options.get("log", True), log.warning)
    run = RunOptions(article_options, jobs, rate_limit, cache, calls)
    async with _endpoint(settings) as endpoint:
        await run_jobs(work, endpoint, run, done, failed)
    return results


def read_item(item: Source, number: int) -> Article:
    """An item of `summarize_many`: the file it names, or the text it is (its source is
    then 'text N', N counted from 1)."""
    if isinstance(item, os.PathLike) or _names_a_file(item):
        return read_article_file(os.fspath(item))
    return article_from_text(item, f"text {number}", f"text-{number}")


def _names_a_file(item: str) -> bool:
    """A string is a path when it is one line naming an existing file or an article
    file's name (a missing 'a.txt' is 'no such file', not a three-word article). A line
    the system cannot take for a name (a paragraph: "File name too long") is text."""
    if "\n" in item or len(item) > 4096:
        return False
    if item.lower().endswith(ARTICLE_SUFFIXES):
        return True
    try:
        return Path(item).is_file()
    except OSError:  # ENAMETOOLONG
        return False


def _settings(options: ModelOptions) -> Settings:
    return Settings(
        base_url=options.get("base_url"),
        model=options.get("model"),
        mode=options.get("mode"),
        max_attempts=options.get("max_attempts"),
        timeout=options.get("timeout"),
        prompt=options.get("prompt"),
    )


def _str_or_none(path: Source | None) -> str | None:
    return None if path is None else os.fspath(path)


def _published(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"published: not a date in the form YYYY-MM-DD: '{value}'") from None


@contextlib.asynccontextmanager
async def _endpoint(settings: Settings) -> AsyncIterator[Endpoint]:
    """`open_endpoint` without blocking the event loop while the embedded model's server
    starts (seconds) or stops. Its worker thread started the server, and the server's
    parent-death signal follows that thread: asyncio's pool keeps it until shutdown."""
    stack = contextlib.ExitStack()
    endpoint = await asyncio.to_thread(stack.enter_context, open_endpoint(settings))
    try:
        yield endpoint
    finally:
        await asyncio.to_thread(stack.close)
