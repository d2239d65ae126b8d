"""Why a request failed, in a user's words, from what the transport raised.

A request that failed for good (after its transport retries, `client.py`) is a
`ProviderError` whose message names the real cause: "rate limited (429) after 5 tries",
"server error 503 after 5 tries", "timed out after 30 s on each of 5 tries", "connection
refused", "unauthorized (401): check OPENAI_API_KEY". instructor wraps whatever our
transport raises in its own exception; `calls.py` takes ours back out of it, so the cause
is never lost to instructor's "no usable answer" (as it was: every failure read "Expecting
value: line 1 column 1"). 401 and 403 are `AccessDeniedError`: no request can succeed with
that key, so a run ends at once. Every message is redacted (`redact`).
"""

from __future__ import annotations

import http
import json
import re
import socket

import openai

from summarizer.providers.models import ModelError
from summarizer.providers.redact import redact

_DETAIL_CHARS = 200


class ProviderError(Exception):
    """The model gave nothing usable for a request; the message says why (never the key)."""

    def __init__(self, message: str) -> None:
        super().__init__(redact(message))


class AccessDeniedError(ProviderError, ModelError):
    """The endpoint refused our credentials (401, 403): no article can succeed, so the
    run ends with this one line (a ModelError: the model cannot be used as configured)."""


def _detail(err: openai.APIStatusError) -> str:
    """The server's own words, short and on one line: its error message if it gave one."""
    body = err.body
    said = body.get("message") if isinstance(body, dict) else body
    if said is None:
        return ""
    text = said if isinstance(said, str) else json.dumps(said, default=str)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > _DETAIL_CHARS:
        text = text[: _DETAIL_CHARS - 1] + "…"
    return f": {text}" if text else ""


def _status(err: openai.APIStatusError, tries: str) -> ProviderError:
    code, detail = err.status_code, _detail(err)
    if code == 401:
        return AccessDeniedError(f"unauthorized (401): check OPENAI_API_KEY{detail}")
    if code == 403:
        return AccessDeniedError(
            f"forbidden (403): OPENAI_API_KEY may not use this model or endpoint{detail}"
        )
    if code == 429:
        return ProviderError(f"rate limited (429){tries}{detail}")
    if code >= 500:
        return ProviderError(f"server error {code}{tries}{detail}")
    try:
        phrase = http.HTTPStatus(code).phrase.lower()
    except ValueError:
        phrase = "HTTP error"
    return ProviderError(f"{phrase} ({code}){detail}")


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc` and what caused it, outermost first."""
    found: list[BaseException] = []
    while exc is not None and exc not in found:
        found.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return found


def _connection(exc: BaseException, tries: str) -> str:
    """What a failed connection met: refused, a name that does not resolve, a connection
    dropped without an answer, or the innermost error's own words."""
    chain = _chain(exc)
    for cause in chain:
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused{tries}"
        if isinstance(cause, socket.gaierror):
            return f"the endpoint's host name does not resolve ({cause.strerror}){tries}"
    words = str(chain[-1]) or type(chain[-1]).__name__
    if "disconnected" in words.lower():
        return f"the server closed the connection without an answer{tries}"
    return f"connection failed ({words}){tries}"


def transport_failure(exc: BaseException, tries: int, timeout: float) -> ProviderError | None:
    """The ProviderError for what a request raised after `tries` tries of at most
    `timeout` seconds each; None when it is not the transport's (validation, a bug)."""
    after = f" after {tries} tries" if tries > 1 else ""
    if isinstance(exc, openai.APITimeoutError):
        each = f" on each of {tries} tries" if tries > 1 else ""
        return ProviderError(f"timed out after {timeout:g} s{each}")
    if isinstance(exc, openai.APIConnectionError):
        return ProviderError(_connection(exc, after))
    if isinstance(exc, openai.APIStatusError):
        return _status(exc, after)
    if isinstance(exc, json.JSONDecodeError):  # a 200 whose body is not JSON
        return ProviderError(f"the server's answer was not JSON{after}")
    if isinstance(exc, openai.APIError):
        return ProviderError(f"{type(exc).__name__}: {exc}")
    return None
