"""The CPU turn: answers are worked on one at a time, first come, first served.

With many requests in flight, asyncio would advance every answer a step at a time
together, so none became a record (or freed its slot for the next article) until all of
them had been worked through. A job holds the turn while it uses the CPU (parsing,
grounding, writing) and lets go of it while its request waits on the network: the
provider's transport enters `off_turn()` around each wait.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Turn:
    """One job's claim on the run's CPU turn."""

    lock: asyncio.Lock
    held: bool = False

    def let_go(self) -> None:
        if self.held:
            self.held = False
            self.lock.release()


_turn: ContextVar[Turn | None] = ContextVar("cpu_turn", default=None)


def take_turns(lock: asyncio.Lock) -> Turn:
    """This job's turn on `lock` (the run's one lock; FIFO), for this task's context only."""
    turn = Turn(lock)
    _turn.set(turn)
    return turn


@contextlib.asynccontextmanager
async def off_turn() -> AsyncIterator[None]:
    """Let go of the turn for a wait on the network; queue for it again when it is over
    (however it ended). Outside a job with a turn, nothing."""
    turn = _turn.get()
    if turn is None:
        yield
        return
    turn.let_go()
    try:
        yield
    finally:
        await turn.lock.acquire()
        turn.held = True


PARSED_AHEAD = 2  # articles begun per slot: the one in flight, and the next one's parse


@dataclass
class Gates:
    """What the jobs of a run share: `concurrency` slots for requests in flight, twice as
    many articles begun (parsed ahead), and the one CPU turn. A run makes its own; a Ray
    worker keeps one for all its calls, so that one call's articles fill the slots another
    call's last answers leave (a call's tail, else, idled its slots)."""

    concurrency: int
    slots: asyncio.Semaphore = field(init=False)
    ahead: asyncio.Semaphore = field(init=False)
    turn: asyncio.Lock = field(init=False, default_factory=asyncio.Lock)  # FIFO

    def __post_init__(self) -> None:
        self.slots = asyncio.Semaphore(self.concurrency)
        self.ahead = asyncio.Semaphore(PARSED_AHEAD * self.concurrency)
