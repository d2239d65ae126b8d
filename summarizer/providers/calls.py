"""Structured calls to a model: the one seam between our path and instructor/openai.

`Model.ask` sends chat messages and returns the answer as the pydantic schema given,
bounded by that schema. It salvages what a cut or malformed answer still says, counts
usage, and raises our own `ProviderError` with the reason a user should read: nothing
above `providers/` sees an exception type of openai or instructor. Transport retries are
the client's (`client.py`); re-asks with the validator's reasons are the path's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import instructor
import openai
import pydantic_core
from instructor.core import Hooks, InstructorRetryException
from instructor.core.exceptions import IncompleteOutputException, InstructorError
from pydantic import BaseModel, ValidationError

from summarizer.providers.cache import ResponseCache
from summarizer.providers.client import Endpoint, TransportPolicy, Waiting, structured_client

AnswerT = TypeVar("AnswerT", bound=BaseModel)


class ProviderError(Exception):
    """The model gave nothing usable for a request; the message says why."""


@dataclass
class Usage:
    """What one article's calls cost: calls, tokens, and answers cut at the output bound."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    last_completion: int = 0
    cut_off: int = 0

    def add(self, response: Any) -> None:
        self.calls += 1
        usage = getattr(response, "usage", None)
        self.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
        self.last_completion = getattr(usage, "completion_tokens", 0) or 0
        self.completion_tokens += self.last_completion

    def as_dict(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }


def _arguments(completion: Any) -> str:
    """The raw tool-call arguments of a completion ('' when it has none)."""
    try:
        return str(completion.choices[0].message.tool_calls[0].function.arguments or "")
    except (AttributeError, IndexError, TypeError):
        return ""


def salvage(completion: Any, schema: type[AnswerT], cut_at: int | None) -> AnswerT:
    """What an answer instructor could not read still says: read as lenient JSON (a raw
    line break inside a string, which a small model writes and strict JSON refuses), with a
    missing list empty and a missing string blank; and when it was cut at `cut_at` output
    tokens, its complete items (a runaway list of "Croydon"s keeps the items before it).
    The caller's grounding checks all of it."""
    raw = _arguments(completion)
    try:
        answer = json.loads(raw, strict=False)
    except ValueError as err:
        if cut_at is None:
            raise ProviderError(f"no usable answer from the model: {err}") from err
        try:
            answer = pydantic_core.from_json(raw, allow_partial=True)
        except ValueError:
            raise ProviderError(
                f"the model's answer was cut off at {cut_at} output tokens"
            ) from err
    empty: dict[str, Any] = {
        name: "" if field.annotation is str else [] for name, field in schema.model_fields.items()
    }
    try:
        return schema.model_validate(empty | (answer if isinstance(answer, dict) else {}))
    except ValidationError as err:
        raise ProviderError(f"no usable answer from the model: {err}") from err


@dataclass(frozen=True)
class Model:
    """One endpoint's structured calls, through one client (see `open_model`)."""

    endpoint: Endpoint
    client: instructor.AsyncInstructor

    async def ask(
        self,
        messages: list[dict[str, str]],
        schema: type[AnswerT],
        *,
        usage: Usage,
        temperature: float,
        max_tokens: int,
    ) -> AnswerT:
        """One structured call: the answer as `schema` (ProviderError if there is none)."""
        hooks = Hooks()
        hooks.on("completion:response", usage.add)
        try:
            answer: AnswerT = await self.client.chat.completions.create(
                model=self.endpoint.model,
                response_model=schema,
                messages=messages,  # type: ignore[arg-type]
                max_retries=0,  # re-asks are the path's, with the validator's reasons
                hooks=hooks,
                temperature=temperature,
                max_tokens=max_tokens,
            )
            return answer
        except IncompleteOutputException as err:
            usage.cut_off += 1
            return salvage(err.last_completion, schema, max_tokens)
        except InstructorRetryException as err:
            # A server that says "tool_calls" for a call cut mid-JSON (llama-cpp-python), or
            # an answer with a raw line break in a string.
            cut = usage.last_completion >= max_tokens
            usage.cut_off += cut
            return salvage(err.last_completion, schema, max_tokens if cut else None)
        except InstructorError as err:  # anything else instructor could not make an answer of
            raise ProviderError(f"no usable answer from the model: {err}") from err
        except openai.APIError as err:
            raise ProviderError(str(err)) from err

    async def close(self) -> None:
        await self.client.client.close()  # type: ignore[union-attr]


def open_model(
    endpoint: Endpoint,
    policy: TransportPolicy | None = None,
    cache: ResponseCache | None = None,
    rate_limit: float | None = None,
    waiting: Callable[[], Waiting] | None = None,
) -> Model:
    """Structured calls to `endpoint` (see `client.structured_client` for the transport);
    close it when done (`Model.close`)."""
    client = structured_client(endpoint, policy or TransportPolicy(), cache, rate_limit, waiting)
    return Model(endpoint, client)
