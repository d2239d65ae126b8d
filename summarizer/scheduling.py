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
from dataclasses import dataclass


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
