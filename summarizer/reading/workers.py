"""Parsing in worker processes, so that a batch keeps every core busy.

A parse costs ~170 ms of CPU per news article, which at many requests in flight makes our
own process, not the model endpoint, the limit. Workers parse an article's chunks while
other articles' requests wait on the network; the plain-data parse comes back pickled and
is handed to the article's reading (`reading_of`). Should a parse fail, the reading
parses in-process: the result is the same either way.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import Context, copy_context
from typing import Any

from summarizer.lifetime import exit_when_gone
from summarizer.reading.analysis import Analysis, parse
from summarizer.reading.pipeline import nlp


def _start_worker(batch: int) -> None:
    exit_when_gone(batch)  # a worker ends with the process it parses for, however it ends
    nlp()  # loaded in the fork server already, unless another started that server


@contextmanager
def parse_pool(in_flight: int, local: bool) -> Iterator[Executor | None]:
    """Where to parse ahead, shut down on exit: nowhere next to the embedded model (it
    uses every core); a thread for one request at a time (the wait leaves this process
    idle, and a thread costs no start-up); else a process per core."""
    if local:
        yield None
        return
    pool: Executor
    if in_flight <= 1:
        pool = ThreadPoolExecutor(1)
    else:
        # A fork server, not a fork of this process (an event loop and client threads are
        # not safe to fork): it loads the pipeline once (`warm`), and forks the workers.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["summarizer.reading.warm"])
        pool = ProcessPoolExecutor(
            os.cpu_count() or 1,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# How the path gets a chunk's parse made elsewhere: None where it was not (the reading
# then parses in-process, with the same result).
Parser = Callable[[str], Coroutine[Any, Any, Analysis | None]]


@contextmanager
def parsing_ahead(parser: Parser | None, texts: list[str]) -> Iterator[Parser | None]:
    """`parser`, with the parses of `texts` (an article's chunks) begun now, in order: the
    article's prompt needs its parse, so one begun while earlier articles' requests wait
    is one its request does not wait for. Those the article has not taken when the block
    ends are cancelled: an article stopped by its time limit left its other chunks'
    parses queued in front of every later article's."""
    if parser is None:
        yield None
        return
    begun = {text: asyncio.ensure_future(parser(text)) for text in texts}

    async def parsed(text: str) -> Analysis | None:
        future = begun.pop(text, None)
        return await (future if future is not None else parser(text))

    try:
        yield parsed
    finally:
        for future in begun.values():
            future.cancel()


def _parse_for(text: str, seconds: float | None, context: Context | None = None) -> Analysis:
    """`parse`, stopped `seconds` after it begins (a TimeoutError), not after it was asked
    for: a parse waits in the pool's queue behind others. In `context` when given (a
    thread's: the asking task's, where `parse_progress` is)."""
    if context is not None:
        return context.run(_parse_for, text, seconds)
    return parse(text, None if seconds is None else time.time() + seconds)


def parser_in(pool: Executor, seconds: Callable[[], float | None] = lambda: None) -> Parser:
    """A `Parser` that parses in `pool`, the event loop free meanwhile, and stops once it has
    taken `seconds()` (asked when the parse is; a TimeoutError). A thread runs it in the
    asking task's context (`parse_progress`); a process cannot."""

    async def parsed(text: str) -> Analysis | None:
        context = copy_context() if isinstance(pool, ThreadPoolExecutor) else None
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(pool, _parse_for, text, seconds(), context)
        except TimeoutError:
            raise
        except Exception:
            return None

    return parsed
