"""A model that answers from answers already made: a batch's results, then the response
cache; a request with no answer is written down, not sent.

`batch --provider-batch` runs every article through the same path as `batch` twice, with
this model in place of the network: once to learn the requests the path sends (the body
of each is the Batch API's request, exactly what `Model.ask` would have sent), and once,
when the batch has answered them, to ground the answers. Requests are matched by the
response cache's key, so an answer serves only the request it was made for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from openai.types.chat import ChatCompletion

from summarizer.providers.cache import ResponseCache, request_key
from summarizer.providers.calls import Model
from summarizer.providers.client import Endpoint

# The requests without an answer, of the article being worked on (one list per task).
_missed: ContextVar[list[dict[str, Any]] | None] = ContextVar("missed", default=None)


class NoAnswerError(Exception):
    """No answer was made for this request yet; it was written down (`recording`)."""


@contextmanager
def recording() -> Iterator[list[dict[str, Any]]]:
    """The requests asked without an answer inside this block (in this task)."""
    missed: list[dict[str, Any]] = []
    token = _missed.set(missed)
    try:
        yield missed
    finally:
        _missed.reset(token)


@contextmanager
def quietly() -> Iterator[None]:
    """instructor logs every call that fails at ERROR, twice; a request written down for
    a batch is not a failure, and `-v` should not show one for each article."""
    logger = logging.getLogger("instructor")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


@dataclass
class Answers:
    """Answers by request key: a batch's results as they are read; then the cache."""

    endpoint: Endpoint
    cache: ResponseCache | None = None
    found: dict[str, ChatCompletion] = field(default_factory=dict)

    def key(self, request: dict[str, Any]) -> str:
        return request_key(self.endpoint.cache_scope, request)

    def add(self, key: str, completion: ChatCompletion, max_tokens: int) -> None:
        """Keep an answer for its request, and in the cache (which takes only complete
        ones), so that a rerun or an `eval` asks nothing."""
        self.found[key] = completion
        if self.cache is not None:
            self.cache.put(key, completion, 0.0, max_tokens)

    def forget(self, keys: list[str]) -> None:
        """Answers used: out of memory (the cache keeps them)."""
        for key in keys:
            self.found.pop(key, None)

    def get(self, key: str) -> ChatCompletion | None:
        found = self.found.get(key)
        if found is None and self.cache is not None:
            found = self.cache.get(key)
        return found


def answering_model(answers: Answers) -> Model:
    """A `Model` whose calls are answered by `answers`; one without an answer is written
    down (`recording`) and fails as a `ProviderError`. Nothing is sent anywhere."""
    endpoint = answers.endpoint
    client = openai.AsyncOpenAI(base_url=endpoint.base_url, api_key="unused", max_retries=0)

    async def create(**request: Any) -> ChatCompletion:
        found = answers.get(answers.key(request))
        if found is not None:
            return found
        missed = _missed.get()
        if missed is not None:
            missed.append(request)
        raise NoAnswerError("no answer made for this request yet")

    client.chat.completions.create = create  # type: ignore[method-assign,assignment]
    return Model(endpoint, instructor.from_openai(client, mode=endpoint.mode))
