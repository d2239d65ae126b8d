"""Bounded work per article: a time limit that fails one article and lets the run go on,
and progress a user can see while a long article is read.

An article's work is partly awaited (the model's answers, a parse in a worker) and partly
plain CPU on the event loop's thread (its parse when no worker makes it, proposing,
grounding). The awaited part is cancelled at the deadline (`asyncio.timeout`), and a
parse in a worker stops itself there (`parse`'s deadline). Asyncio cannot stop the CPU
part: it acts only when the loop gets control back. So on the main thread a timer signal
(`ticking`) looks once a tick at the code that is running, and when it is an article's
past its deadline (the running task's context says whose), raises `ArticleTimeoutError` in
it. A run in another thread (the Python API's caller's) has the awaited part bounded only.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType
from typing import Any, TypeVar

# A news article takes seconds, a 4.5 MB one of 100,000 quotations ~3 minutes (--model
# none, 2 cores); this bound is for what never ends.
DEFAULT_ARTICLE_TIMEOUT = 600.0
TICK = 0.25  # seconds between looks at the running code
GRACE = 0.5  # past the deadline: the loop's own timeout acts first where it can
LONG_CHARS = 100_000  # ~25 news articles: an article this long shows how its parse goes

T = TypeVar("T")


class ArticleTimeoutError(Exception):
    """One article took longer than its limit; str() is the reason recorded for it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s (--article-timeout), stopped")
        self.seconds = seconds


@dataclass
class _Limit:
    seconds: float
    deadline: float  # time.monotonic()
    fired: bool = False


_limit: ContextVar[_Limit | None] = ContextVar("article_limit", default=None)


@contextmanager
def limited(seconds: float | None) -> Iterator[None]:
    """The block is one article's work, to be stopped `seconds` from now (None: never)."""
    if seconds is None:
        yield
        return
    token = _limit.set(_Limit(seconds, time.monotonic() + seconds))
    try:
        yield
    finally:
        _limit.reset(token)


def seconds_for(seconds: float | None) -> Callable[[], float | None]:
    """How long a parse asked for now may take once it begins: what is left of the running
    article's time, or, for a parse begun ahead of its article's turn, `seconds` (None:
    no limit). Ahead, it may wait behind others' parses: that wait is not its time."""

    def left() -> float | None:
        limit = _limit.get()
        return seconds if limit is None else limit.deadline - time.monotonic()

    return left


async def within(seconds: float | None, work: Coroutine[Any, Any, T]) -> T:
    """Await `work` as one article's work, stopped after `seconds`: `ArticleTimeoutError`."""
    import asyncio  # here: the command line imports this module for its default

    if seconds is None:
        return await work
    with limited(seconds):
        try:
            async with asyncio.timeout(seconds):
                return await work
        except TimeoutError:  # the loop's timeout, or a parse that met its deadline
            raise ArticleTimeoutError(seconds) from None


def _tick(_signum: int, _frame: FrameType | None) -> None:
    limit = _limit.get()  # the running code's context: whose work it is, if anyone's
    if limit is not None and not limit.fired and time.monotonic() >= limit.deadline + GRACE:
        limit.fired = True  # once: the article's own error handling is not interrupted
        raise ArticleTimeoutError(limit.seconds)


@contextmanager
def ticking() -> Iterator[None]:
    """Stop articles' CPU work at their deadlines while the block runs (on the main thread;
    elsewhere signals cannot be had, and this does nothing)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _tick)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def parse_shown(show: Callable[[str], None]) -> Iterator[None]:
    """While the block runs, the parse of a long article (in this process or a thread)
    tells `show` how far it has come: minutes with nothing on the screen looked hung."""
    from summarizer.reading.analysis import parse_progress  # here: it imports spaCy

    shown = None

    def report(done: int, total: int) -> None:
        nonlocal shown
        line = f"a long article ({total:,} characters): parsed {done * 100 // total} %"
        if total >= LONG_CHARS and line != shown:  # a hundred times an article at most
            show(line)
            shown = line

    token = parse_progress.set(report)
    try:
        yield
    finally:
        parse_progress.reset(token)
