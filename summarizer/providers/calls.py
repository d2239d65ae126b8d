"""Structured calls to a model: the one seam between our path and instructor/openai.

`Model.ask` sends chat messages and returns the answer as the pydantic schema given,
bounded by that schema. It salvages what a cut or malformed answer still says, counts
usage, and raises our own `ProviderError` with the reason a user should read: nothing
above `providers/` sees an exception type of openai or instructor, nor the API key (an
answer that echoes it comes back redacted). Transport retries are the client's
(`client.py`), and so is the cause of a request that failed (`faults.py`); re-asks with
the validator's reasons are the path's. Each call is a record for the call log
(`calllog.py`): failed ones are written here, answered ones by the path once grounded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar, cast

import instructor
import openai
import pydantic_core
from instructor.core import Hooks, InstructorRetryException
from instructor.core.exceptions import IncompleteOutputException, InstructorError
from pydantic import BaseModel, ValidationError

from summarizer.providers.cache import ResponseCache
from summarizer.providers.calllog import Call, CallLog, host_of, recording
from summarizer.providers.client import Endpoint, TransportPolicy, Waiting, structured_client
from summarizer.providers.faults import AccessDeniedError, ProviderError
from summarizer.providers.redact import redact, remember

AnswerT = TypeVar("AnswerT", bound=BaseModel)
__all__ = ["AccessDeniedError", "Model", "ProviderError", "Usage", "open_model", "salvage"]


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


# instructor wraps a response model that is not yet its `ResponseSchema` in a new pydantic
# class on every call (twice: once to check it, once for the request), and then makes
# its JSON schema anew for that class (its schema cache is keyed on the class). Wrapped
# here once per answer class, the same class is sent every time: the same request, made
# without building a model class and a schema per call (~1 ms of CPU per article).
@cache
def prepared(schema: type[AnswerT]) -> type[AnswerT]:
    """`schema` as instructor's `ResponseSchema`, the one wrapped class for it."""
    return cast(type[AnswerT], instructor.response_schema(schema))


@dataclass(frozen=True)
class Model:
    """One endpoint's structured calls, through one client (see `open_model`), each
    written to `log` (if any) when its outcome is known."""

    endpoint: Endpoint
    client: instructor.AsyncInstructor
    log: CallLog | None = None

    def call(
        self, article_id: str, sha256: str, prompt_version: str, chunk: int, attempt: int
    ) -> Call:
        """The log's record of a call about to be made: pass it to `ask`, and `settle` it
        with the outcome once the answer is grounded."""
        host = host_of(self.endpoint.base_url)
        return Call(
            article_id, sha256, self.endpoint.model, host, prompt_version, chunk, attempt,
            log=self.log,
        )  # fmt: skip

    async def ask(
        self,
        messages: list[dict[str, str]],
        schema: type[AnswerT],
        *,
        usage: Usage,
        temperature: float,
        max_tokens: int,
        call: Call | None = None,
    ) -> AnswerT:
        """One structured call: the answer as `schema` (ProviderError if there is none,
        written to the log as failed; an answer is the caller's to settle), with any
        echo of the key taken out."""
        hooks = Hooks()
        hooks.on("completion:response", usage.add)
        with recording(call or Call(), lambda: (usage.prompt_tokens, usage.completion_tokens)):
            try:
                answer: AnswerT = await self.client.chat.completions.create(
                    model=self.endpoint.model,
                    response_model=prepared(schema),
                    messages=messages,  # type: ignore[arg-type]
                    max_retries=0,  # re-asks are the path's, with the validator's reasons
                    hooks=hooks,
                    temperature=temperature,
                    max_tokens=max_tokens,
                )
            except IncompleteOutputException as err:
                usage.cut_off += 1
                answer = salvage(err.last_completion, schema, max_tokens)
            except InstructorRetryException as err:
                if isinstance(err.__cause__, ProviderError):  # the transport's, with its cause
                    raise err.__cause__ from None
                # A server that says "tool_calls" for a call cut mid-JSON (llama-cpp-python),
                # or an answer with a raw line break in a string.
                cut = usage.last_completion >= max_tokens
                usage.cut_off += cut
                answer = salvage(err.last_completion, schema, max_tokens if cut else None)
            except InstructorError as err:  # anything else instructor could not answer with
                raise ProviderError(f"no usable answer from the model: {err}") from err
            except openai.APIError as err:
                raise ProviderError(f"{type(err).__name__}: {err}") from err
        dumped = answer.model_dump_json()
        return answer if redact(dumped) == dumped else schema.model_validate_json(redact(dumped))

    async def close(self) -> None:
        await self.client.client.close()  # type: ignore[union-attr]


def open_model(
    endpoint: Endpoint,
    policy: TransportPolicy | None = None,
    cache: ResponseCache | None = None,
    rate_limit: float | None = None,
    waiting: Callable[[], Waiting] | None = None,
    log: CallLog | None = None,
) -> Model:
    """Structured calls to `endpoint` (see `client.structured_client` for the transport),
    each written to `log` if given; close it when done (`Model.close`)."""
    remember(endpoint.api_key)
    client = structured_client(endpoint, policy or TransportPolicy(), cache, rate_limit, waiting)
    return Model(endpoint, client, log)
