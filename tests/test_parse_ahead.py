"""Articles are parsed ahead of their slot in a run.

The prompt needs the article's parse (its candidates, marked by ids), so a parse begun only
when a slot opened put the parse on every article's path: with one request in flight, each
article waited for its own parse and then for the model, and the workers sat idle while
every request waited (benchmarks/batch.py: 87 % of the bound at 1 in flight, less at 16 and
64). Now the next articles' parses are begun while earlier requests wait. The order is
checked here, not the speed (which benchmarks/batch.py measures).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from summarizer.inputs import Article
from summarizer.providers.calls import open_model
from summarizer.providers.client import TransportPolicy
from summarizer.run import Job, RunOptions, summarize_all
from summarizer.schema import Summary
from tests.answers import ANSWER
from tests.conftest import endpoint
from tests.scripted_server import Script, scripted_server, tool_call_reply

TEXT = "Report {n}.\n\nMaria Hale spoke in Lyon. “We will rebuild {n} homes,” Hale said.\n"


class Recorded(ThreadPoolExecutor):
    """A pool that notes, for each parse it is given, how many requests the model server
    had received by then."""

    def __init__(self, script: Script) -> None:
        super().__init__(1)
        self.script = script
        self.seen: list[tuple[str, int]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        text = args[0]
        self.seen.append((text.split(".")[0], len(self.script.requests)))
        return super().submit(fn, *args, **kwargs)


def test_the_next_article_is_parsed_while_the_request_before_it_waits() -> None:
    articles = [Article(f"a{n}", f"a{n}.txt", TEXT.format(n=n)) for n in range(3)]
    reply = tool_call_reply(ANSWER)
    reply.delay = 0.2  # each answer takes a while: the time a parse ahead uses
    script = Script([], default=reply)
    done: list[Summary] = []
    failed: list[str] = []

    async def run(url: str, pool: Recorded) -> None:
        model = open_model(endpoint(url), TransportPolicy(attempts=1))
        try:
            await summarize_all(
                [Job(a) for a in articles], model, RunOptions(concurrency=1),
                lambda _job, summary: done.append(summary),
                lambda job, reason: failed.append(f"{job.article.source}: {reason}"),
                pool,
            )  # fmt: skip
        finally:
            await model.close()

    with scripted_server(script) as url, Recorded(script) as pool:
        asyncio.run(run(url, pool))
    assert failed == []
    assert [s.article.id for s in done] == ["a0", "a1", "a2"]
    # One request in flight, and the second article's parse given out before the first
    # article's request reached the server (before: once the first was done, with 1).
    assert pool.seen[:2] == [("Report 0", 0), ("Report 1", 0)]
    assert [name for name, _ in pool.seen] == ["Report 0", "Report 1", "Report 2"]
