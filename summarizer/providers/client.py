"""The transport to a model: an OpenAI-compatible endpoint, wrapped for instructor.

Two kinds of retry, kept apart as instructor does: transport retries (timeouts, dropped
connections, 429 honouring Retry-After, 5xx, a 200 whose body is not JSON) wrap the raw
chat-completions call here, with tenacity, exponential backoff with jitter, bounded;
validation re-asks (the model's answer did not ground) are the path's own, with the
validator's reasons (`pipeline.article`), never instructor's `max_retries`. The API key
comes only from the environment and is never printed, logged or recorded.
"""

from __future__ import annotations

import email.utils
import json
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from aiolimiter import AsyncLimiter
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_random_exponential

from summarizer.providers.cache import ResponseCache, request_key
from summarizer.providers.calllog import CURRENT
from summarizer.providers.faults import transport_failure

log = logging.getLogger("summarizer.calls")

OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT = 600.0  # seconds for one model answer; a local model on 2 cores is slow


@dataclass(frozen=True)
class Endpoint:
    """Where and how to call a model. `provider` is 'local', 'openai' or 'openai-compatible'."""

    base_url: str
    model: str
    provider: str
    mode: instructor.Mode
    api_key: str = field(default="not-needed", repr=False)
    timeout: float = DEFAULT_TIMEOUT

    @property
    def cache_scope(self) -> str:
        """Who answers: a local model is its pinned weights, wherever its server listens;
        a remote model name means something only at its URL."""
        return "local" if self.provider == "local" else f"{self.provider}:{self.base_url}"


def parse_mode(name: str | None, default: str = "tool_call") -> instructor.Mode:
    """An instructor mode by its value ('tool_call', 'tools_strict', …); ValueError names
    some that exist."""
    try:
        return instructor.Mode(name or default)
    except ValueError:
        raise ValueError(
            f"unknown mode '{name}' (for example tool_call, tools_strict, json_schema_mode)"
        ) from None


@dataclass(frozen=True)
class TransportPolicy:
    """Bounds of transport retries: attempts, and the longest single wait (seconds)."""

    attempts: int = 5
    max_wait: float = 60.0
    backoff: float = 1.0


def _retryable(exc: BaseException) -> bool:
    """Faults of the transport, worth the same request again: connection and timeout,
    429, 5xx, and a 200 whose body is not JSON (cut short by a proxy or a server that
    crashed mid-answer; the SDK raises JSONDecodeError while reading it)."""
    return isinstance(
        exc,
        openai.APIConnectionError
        | openai.RateLimitError
        | openai.InternalServerError
        | json.JSONDecodeError,
    )


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds a 429/503 response asks us to wait (Retry-After, seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if ms := headers.get("retry-after-ms"):
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time()) if when else None


def _wait(policy: TransportPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_random_exponential(multiplier=policy.backoff, max=policy.max_wait)

    def wait(state: RetryCallState) -> float:
        asked = retry_after(state.outcome.exception() if state.outcome else None)
        return min(asked, policy.max_wait) if asked is not None else backoff(state)

    return wait


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0
    log.warning(
        "transport error (%s); retry %d in %.1f s", type(exc).__name__, state.attempt_number, wait
    )


def with_transport_retries(
    create: Callable[..., Awaitable[Any]], policy: TransportPolicy, timeout: float = DEFAULT_TIMEOUT
) -> Callable[..., Awaitable[Any]]:
    """`create` retried on transport errors only; validation errors pass straight through.
    A request that fails for good raises a ProviderError naming its real cause (`faults`;
    `timeout`: the seconds each try had), and the tries are noted on the current call."""

    async def call(*args: Any, **kwargs: Any) -> Any:
        retrying = AsyncRetrying(
            retry=retry_if_exception(_retryable),
            stop=stop_after_attempt(policy.attempts),
            wait=_wait(policy),
            before_sleep=_log_retry,
            reraise=True,
        )

        async def attempt() -> Any:
            # A plain coroutine function: tenacity cannot tell that the SDK's decorated
            # `create` is async, and would not await it.
            return await create(*args, **kwargs)

        started = time.monotonic()
        try:
            response: Any = await retrying(attempt)
        except Exception as exc:
            failure = transport_failure(exc, retrying.statistics["attempt_number"], timeout)
            if failure is None:
                raise
            raise failure from exc
        finally:
            if (call := CURRENT.get()) is not None:
                call.tries += retrying.statistics.get("attempt_number", 0)
        usage = getattr(response, "usage", None)
        log.info(
            "model=%s seconds=%.1f prompt_tokens=%s completion_tokens=%s",
            kwargs.get("model"),
            time.monotonic() - started,
            getattr(usage, "prompt_tokens", "?"),
            getattr(usage, "completion_tokens", "?"),
        )
        return response

    return call


# Entered around each wait on the network (retries and back-off included): how a job
# scheduler lets other work use the CPU meanwhile (see summarizer.scheduling). What it
# yields, if anything, is called each time a request has been written to the connection.
Waiting = AbstractAsyncContextManager[Callable[[], None] | None]
_written: ContextVar[Callable[[], None] | None] = ContextVar("request_written", default=None)


def with_waiting(
    create: Callable[..., Awaitable[Any]], waiting: Callable[[], Waiting]
) -> Callable[..., Awaitable[Any]]:
    """`create` inside `waiting()`."""

    async def call(*args: Any, **kwargs: Any) -> Any:
        async with waiting() as written:
            told = _written.set(written)
            try:
                return await create(*args, **kwargs)
            finally:
                _written.reset(told)

    return call


async def _trace(event: str, _info: dict[str, Any]) -> None:
    """httpcore's "trace" extension, called in the asking task: once the request's body
    is written, the `waiting` around it is told."""
    if event.endswith(".send_request_body.complete") and (written := _written.get()):
        written()


async def _traced(request: Any) -> None:
    """An httpx request hook: the request is traced (`_trace`)."""
    request.extensions["trace"] = _trace


def with_cache(
    create: Callable[..., Awaitable[Any]], cache: ResponseCache, provider: str
) -> Callable[..., Awaitable[Any]]:
    """`create` answered from `cache` when the same request was answered before."""

    async def call(**kwargs: Any) -> Any:
        key = request_key(provider, kwargs)
        if (call := CURRENT.get()) is not None:
            call.request_key = key
        if (cached := cache.get(key)) is not None:
            log.info("model=%s answered from the cache", kwargs.get("model"))
            if call is not None:
                call.cached = True
            return cached
        started = time.monotonic()
        response = await create(**kwargs)
        cache.put(key, response, time.monotonic() - started, kwargs.get("max_tokens"))
        return response

    return call


def with_rate_limit(
    create: Callable[..., Awaitable[Any]], per_second: float
) -> Callable[..., Awaitable[Any]]:
    """`create` spaced to at most `per_second` requests, however many are in flight (each
    transport retry is a request and counts)."""
    limiter = AsyncLimiter(1, 1 / per_second)

    async def call(*args: Any, **kwargs: Any) -> Any:
        async with limiter:
            return await create(*args, **kwargs)

    return call


def structured_client(
    endpoint: Endpoint,
    policy: TransportPolicy,
    cache: ResponseCache | None = None,
    rate_limit: float | None = None,
    waiting: Callable[[], Waiting] | None = None,
) -> instructor.AsyncInstructor:
    """An async instructor client for `endpoint`: raw calls go through the cache (if any),
    then `waiting` (if any), then transport retries, then the rate limit (if any)."""
    client = openai.AsyncOpenAI(
        base_url=endpoint.base_url,
        api_key=endpoint.api_key,
        timeout=endpoint.timeout,
        max_retries=0,  # one retry policy, ours
        http_client=openai.DefaultAsyncHttpxClient(event_hooks={"request": [_traced]}),
    )
    # instructor patches whatever `chat.completions.create` is: give it ours.
    completions = client.chat.completions
    create: Callable[..., Awaitable[Any]] = completions.create
    if rate_limit:
        create = with_rate_limit(create, rate_limit)
    create = with_transport_retries(create, policy, endpoint.timeout)
    if waiting is not None:
        create = with_waiting(create, waiting)
    if cache is not None:
        create = with_cache(create, cache, endpoint.cache_scope)
    completions.create = create  # type: ignore[method-assign,assignment]
    return instructor.from_openai(client, mode=endpoint.mode)
