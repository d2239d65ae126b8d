"""The CPU turn and the request slots: how many requests are on the wire, and which job
uses the CPU next.

With many requests in flight, asyncio would advance every answer a step at a time
together, so none became a record until all of them had been worked through. A job holds
the turn while it uses the CPU (grounding, writing) and lets go of it while its request
waits on the network: the provider's transport enters `on_the_wire()` around each wait.

An article takes one of the run's `concurrency` slots when it begins (its time limit
counts from then) and frees it as soon as its answer is in, not once the answer is
grounded; a later request of the article (a re-ask, the next chunk) takes one again. And
sending goes before grounding: a job whose request has a slot takes the turn ahead of the
answers waiting for it, and lets go of it once the request is written (the transport says
so). Before, the slot an answer freed went to the next article only after that answer,
and those queued before it, were grounded (~25 ms each): at 16 in flight every slot's
round trip took ~0.1 s longer than the endpoint's latency.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field


class TurnLock:
    """A lock granted first come, first served, but to a request about to be sent before
    any answer waiting to be worked on."""

    def __init__(self) -> None:
        self._held = False
        self._sending: deque[asyncio.Future[None]] = deque()
        self._working: deque[asyncio.Future[None]] = deque()

    async def acquire(self, sending: bool = False) -> None:
        if not self._held and not self._sending and not self._working:
            self._held = True
            return
        granted = asyncio.get_running_loop().create_future()
        (self._sending if sending else self._working).append(granted)
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():  # granted, then cancelled
                self.release()
            raise

    def release(self) -> None:
        """To the next waiter still waiting (the lock stays held), else free."""
        for queue in (self._sending, self._working):
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)
                    return
        self._held = False


@dataclass
class Gates:
    """What the jobs of a run share: `concurrency` slots for requests in flight, twice as
    many articles begun (parsed ahead), and the one CPU turn. A run makes its own; a Ray
    worker keeps one for all its calls, so that one call's articles fill the slots another
    call's last answers leave (a call's tail, else, idled its slots)."""

    concurrency: int
    slots: asyncio.Semaphore = field(init=False)
    ahead: asyncio.Semaphore = field(init=False)
    turn: TurnLock = field(init=False, default_factory=TurnLock)

    def __post_init__(self) -> None:
        self.slots = asyncio.Semaphore(self.concurrency)
        self.ahead = asyncio.Semaphore(PARSED_AHEAD * self.concurrency)


PARSED_AHEAD = 2  # articles begun per slot: the one in flight, and the next one's parse


@dataclass
class Turn:
    """One job's claims on its run: the CPU turn (`held`), and a request slot (`slot`)."""

    gates: Gates
    held: bool = False
    slot: bool = False

    async def take(self, sending: bool = False) -> None:
        if not self.held:
            await self.gates.turn.acquire(sending)
            self.held = True

    def let_go(self) -> None:
        if self.held:
            self.held = False
            self.gates.turn.release()

    async def take_slot(self) -> None:
        if not self.slot:
            await self.gates.slots.acquire()
            self.slot = True

    def free_slot(self) -> None:
        if self.slot:
            self.slot = False
            self.gates.slots.release()


_turn: ContextVar[Turn | None] = ContextVar("cpu_turn", default=None)


def take_turns(gates: Gates) -> Turn:
    """This job's claims on `gates`, for this task's context only (it starts with
    neither)."""
    turn = Turn(gates)
    _turn.set(turn)
    return turn


@contextlib.asynccontextmanager
async def on_the_wire() -> AsyncIterator[Callable[[], None] | None]:
    """A request's wait on the network: it has a slot (the article's own, else it waits
    for one), takes the turn to be sent (before waiting answers), and yields what the
    transport calls once the request is written: the turn is let go then, for the wait.
    When the answer is in, the slot is freed and the request it lets go is sent; then
    (however the request ended) this job queues for the turn. Outside a job, nothing."""
    turn = _turn.get()
    if turn is None:
        yield None
        return
    turn.let_go()
    try:
        await turn.take_slot()
        await turn.take(sending=True)
        try:
            yield turn.let_go
        finally:
            turn.let_go()
        # An answer frees the slot. A failure keeps it until the job has dealt with it: a
        # refused key ends the run, and no other request may go out meanwhile.
        turn.free_slot()
        await asyncio.sleep(0)  # the job the slot went to asks for the turn first
    finally:
        await turn.take()
