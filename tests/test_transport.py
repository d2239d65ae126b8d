"""Transport retries: 429 (Retry-After honoured), 5xx and dropped connections are retried
with bounded backoff; other errors are not; validation re-asks are not transport's job."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx2
import openai
import pytest

from summarizer.providers.client import TransportPolicy, retry_after, with_transport_retries
from summarizer.providers.faults import ProviderError

REQUEST = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")


def status_error(
    cls: type[openai.APIStatusError], code: int, headers: dict[str, str] | None = None
) -> openai.APIStatusError:
    return cls(
        "error", response=httpx2.Response(code, headers=headers or {}, request=REQUEST), body=None
    )


class Flaky:
    """A create() that fails with the given errors, then answers."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self, **_kwargs: Any) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "answer"


FAST = TransportPolicy(attempts=4, max_wait=0.05, backoff=0.01)


def call(create: Flaky, policy: TransportPolicy) -> Any:
    async def go() -> Any:
        return await with_transport_retries(create, policy)(model="m")

    return asyncio.run(go())


def test_429_then_success_waits_as_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    create = Flaky(status_error(openai.RateLimitError, 429, {"retry-after": "2"}))
    policy = TransportPolicy(attempts=3, max_wait=30)
    assert call(create, policy) == "answer"
    assert create.calls == 2
    assert slept == [2.0]


@pytest.mark.parametrize(
    "error",
    [
        status_error(openai.InternalServerError, 500),
        status_error(openai.InternalServerError, 503),
        openai.APIConnectionError(request=REQUEST),
        openai.APITimeoutError(request=REQUEST),
        json.JSONDecodeError("Expecting value", '{"choices": [{"message": ', 25),
    ],
    ids=["500", "503", "dropped", "timeout", "200-not-json"],
)
def test_transient_errors_are_retried(error: Exception) -> None:
    create = Flaky(error, error)
    assert call(create, FAST) == "answer"
    assert create.calls == 3


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (status_error(openai.InternalServerError, 500), "server error 500 after 4 tries"),
        (
            json.JSONDecodeError("Expecting value", "{", 1),
            "the server's answer was not JSON after 4 tries",
        ),
    ],
    ids=["500", "200-not-json"],
)
def test_retries_are_bounded_and_the_failure_names_its_cause(error: Exception, reason: str) -> None:
    create = Flaky(*[error] * 10)
    with pytest.raises(ProviderError) as raised:
        call(create, FAST)
    assert create.calls == FAST.attempts
    assert str(raised.value) == reason


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (status_error(openai.BadRequestError, 400), "bad request (400)"),
        (status_error(openai.AuthenticationError, 401), "unauthorized (401): check OPENAI_API_KEY"),
    ],
    ids=["400", "401"],
)
def test_client_errors_are_not_retried(error: Exception, reason: str) -> None:
    create = Flaky(error)
    with pytest.raises(ProviderError) as raised:
        call(create, FAST)
    assert create.calls == 1
    assert str(raised.value) == reason


def test_retry_after_forms() -> None:
    assert retry_after(status_error(openai.RateLimitError, 429, {"retry-after": "7"})) == 7
    assert retry_after(status_error(openai.RateLimitError, 429, {"retry-after-ms": "250"})) == 0.25
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert (
        25
        < (retry_after(status_error(openai.RateLimitError, 429, {"retry-after": later})) or 0)
        <= 30
    )
    assert retry_after(status_error(openai.RateLimitError, 429)) is None
    assert retry_after(ValueError("not http")) is None
