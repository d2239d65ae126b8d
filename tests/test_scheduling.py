"""Requests in flight and the CPU turn (summarizer.scheduling).

An answer frees its request's slot as soon as it is in, and a request that has its slot is
sent before the answers waiting for the turn are worked on. Before, a slot was held until
the article's record was written, so the request an answer freed waited for that answer's
grounding (and those queued before it): at 16 in flight each slot's round trip took ~0.1 s
more than the endpoint's latency (benchmarks/batch.py measures the speed; these tests check
the order and the limit).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from summarizer.inputs import Article
from summarizer.providers.calls import open_model
from summarizer.providers.client import TransportPolicy, structured_client
from summarizer.run import Job, RunOptions, summarize_all
from summarizer.scheduling import Gates, TurnLock, on_the_wire, take_turns
from summarizer.schema import Summary
from tests.answers import ANSWER, picks
from tests.conftest import endpoint
from tests.scripted_server import Script, scripted_server, tool_call_reply


def test_a_request_about_to_be_sent_takes_the_turn_before_waiting_answers() -> None:
    order: list[str] = []

    async def waiter(lock: TurnLock, name: str, sending: bool) -> None:
        await lock.acquire(sending)
        order.append(name)
        lock.release()

    async def run() -> None:
        lock = TurnLock()
        await lock.acquire()
        waiting = [
            asyncio.create_task(waiter(lock, "answer 1", False)),
            asyncio.create_task(waiter(lock, "answer 2", False)),
            asyncio.create_task(waiter(lock, "request", True)),
        ]
        await asyncio.sleep(0)  # all three queued
        waiting[1].cancel()  # a job stopped while it waits loses its place, nothing else
        lock.release()
        await asyncio.gather(*waiting, return_exceptions=True)
        await asyncio.wait_for(lock.acquire(), 1)  # free again

    asyncio.run(run())
    assert order == ["request", "answer 1"]


def test_the_request_an_answer_frees_is_sent_before_that_answer_is_worked_on() -> None:
    events: list[str] = []

    async def job(gates: Gates, name: str) -> None:
        turn = take_turns(gates)
        async with on_the_wire() as written:
            events.append(f"{name} sent")
            assert written is not None
            written()  # the transport's word: the request is written
            await asyncio.sleep(0.05)  # the wait for the answer
        events.append(f"{name} worked on")  # with the turn
        turn.let_go()  # the job is done

    async def run() -> None:
        gates = Gates(1)
        await asyncio.gather(job(gates, "a"), job(gates, "b"), job(gates, "c"))

    asyncio.run(run())
    # One slot: b is sent once a's answer is in, and before a's answer is worked on.
    assert events == ["a sent", "b sent", "a worked on", "c sent", "b worked on", "c worked on"]


def test_the_transport_says_when_a_request_is_written_before_its_answer_comes() -> None:
    reply = tool_call_reply(ANSWER)
    reply.delay = 0.3
    told: list[float] = []

    @asynccontextmanager
    async def waiting() -> AsyncIterator[Callable[[], None]]:
        yield lambda: told.append(time.monotonic())

    async def ask(url: str) -> float:
        client = structured_client(endpoint(url), TransportPolicy(attempts=1), waiting=waiting)
        try:
            await client.chat.completions.create(
                response_model=None, model="scripted", messages=[{"role": "user", "content": "x"}]
            )
        finally:
            await client.client.close()  # type: ignore[union-attr]
        return time.monotonic()

    with scripted_server(Script([], default=reply)) as url:
        answered = asyncio.run(ask(url))
    # Told once, when the request went out: not when the answer came (the job would have
    # kept the turn for the whole wait, and every answer waited for it).
    assert len(told) == 1
    assert answered - told[0] >= 0.25


def test_no_more_requests_are_on_the_wire_than_the_run_has_slots() -> None:
    articles = [
        Article(f"a{n}", f"a{n}.txt", f"Maria Hale spoke in Lyon on day {n}.\n") for n in range(6)
    ]
    reply = tool_call_reply(picks("Maria Hale spoke in Lyon."))
    reply.delay = 0.3
    script = Script([], default=reply)
    done: list[Summary] = []
    failed: list[str] = []

    async def run(url: str) -> None:
        model = open_model(endpoint(url), TransportPolicy(attempts=1), waiting=on_the_wire)
        try:
            await summarize_all(
                [Job(a) for a in articles], model, RunOptions(concurrency=2),
                lambda _job, summary: done.append(summary),
                lambda job, reason: failed.append(f"{job.article.source}: {reason}"),
            )  # fmt: skip
        finally:
            await model.close()

    with scripted_server(script) as url:
        asyncio.run(run(url))
    assert failed == []
    assert len(done) == 6
    # Two slots: the third request went out only once the first answer was in.
    arrivals = script.arrivals
    assert all(b - a >= 0.25 for a, b in zip(arrivals[:-2], arrivals[2:], strict=True))
