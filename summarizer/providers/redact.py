"""The API key kept out of everything that leaves the process: messages, log lines,
records, cached answers.

The key is the user's secret whoever repeats it: a server may echo it in an error body
(some do, with the request they refused), and that text would otherwise reach stderr,
the call log or a results store. Everything providers send upward passes `redact`; the
command line's log handler passes every line through `RedactingFilter`, other libraries'
included. Light on purpose (no openai import): the command line loads it at start.
"""

from __future__ import annotations

import logging
import os

REDACTED = "[redacted]"
# Shorter values are not keys (the local server's placeholder "not-needed" is not one
# either); replacing a one-letter "key" everywhere would garble every message.
_MIN_LENGTH = 8
_PLACEHOLDERS = frozenset({"not-needed"})
_known: set[str] = set()


def remember(secret: str) -> None:
    """Redact `secret` from now on, besides $OPENAI_API_KEY (an endpoint's own key)."""
    if len(secret) >= _MIN_LENGTH and secret not in _PLACEHOLDERS:
        _known.add(secret)


def _secrets() -> set[str]:
    env = os.environ.get("OPENAI_API_KEY") or ""
    found = set(_known)
    if len(env) >= _MIN_LENGTH and env not in _PLACEHOLDERS:
        found.add(env)
    return found


def redact(text: str) -> str:
    """`text` with every key replaced by '[redacted]'."""
    for secret in _secrets():
        text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """A log handler's filter: each record's final message, redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            # A traceback's text repeats the exception's message: format it now, redacted.
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
        return True
