"""A log of every model call, in SQLite beside the response cache, for `summarizer logs`
(and sqlite3 or datasette: the README documents the table).

One row a call, written when its outcome is known: the answer kept, refused by the
grounding rules (the reasons), or failed (the real cause, `faults`). A failed call is
written here in `providers` (`calls.Model.ask`); an answered one by the path once it has
grounded the answer (`Call.settle`). What the transport learns on the way (tries, an
answer from the cache, the request's cache key) reaches the record through `CURRENT`, set
for the call's task. Rows hold no prompt, answer or key: every text is redacted.

Several requests are in flight in a batch and several processes may share the file: WAL,
one short INSERT a call (autocommit) and a long busy timeout. A log that cannot be written
is a warning, once; the work never fails for it.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from summarizer.providers.cache import cache_dir, open_optional, use_wal
from summarizer.providers.redact import redact

log = logging.getLogger("summarizer.calls")

Outcome = Literal["kept", "refused", "failed"]
OUTCOMES: tuple[Outcome, ...] = ("kept", "refused", "failed")
LOG_NAME = "calls.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    article_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    host TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    chunk INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    tries INTEGER NOT NULL,
    cached INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    seconds REAL NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('kept', 'refused', 'failed')),
    reason TEXT NOT NULL,
    request_key TEXT
)"""


def host_of(base_url: str) -> str:
    """The endpoint's host (and port), without any user or password the URL holds."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    return f"{host}:{parts.port}" if parts.port else host


@dataclass
class Call:
    """One model call as the log keeps it. The path fills in what it knows (the article,
    the prompt, chunk and attempt); `Model.ask` and the transport the rest."""

    article_id: str = ""
    sha256: str = ""
    model: str = ""
    host: str = ""
    prompt_version: str = ""
    chunk: int = 1  # counted from 1; only some chunks call the model
    attempt: int = 1  # 1 the first ask, 2 and on the re-asks
    time: str = ""  # when it was sent: ISO 8601, UTC
    tries: int = 0  # HTTP requests it took (transport retries); 0 answered from the cache
    cached: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    outcome: Outcome = "failed"
    reason: str = ""
    request_key: str | None = None  # its key in the response cache, when one is used
    log: CallLog | None = field(default=None, repr=False, compare=False)

    def start(self) -> float:
        self.time = datetime.now(UTC).isoformat(timespec="milliseconds")
        return time.monotonic()

    def measure(self, started: float, prompt_tokens: int, completion_tokens: int) -> None:
        """What the call cost: seconds since `started` (`start`'s clock) and tokens."""
        self.seconds = round(time.monotonic() - started, 3)
        self.prompt_tokens, self.completion_tokens = prompt_tokens, completion_tokens

    def settle(self, outcome: Outcome, reason: str = "") -> None:
        """The call's outcome is known: write it to the log (if there is one)."""
        self.outcome, self.reason = outcome, reason
        if self.log is not None:
            self.log.write(self)


# The call the running task is making: the transport notes tries and cache hits on it.
CURRENT: ContextVar[Call | None] = ContextVar("summarizer_call", default=None)
_COLUMNS = [f.name for f in fields(Call) if f.name != "log"]


@contextmanager
def recording(call: Call, tokens: Callable[[], tuple[int, int]]) -> Iterator[Call]:
    """While `call` is made: it is `CURRENT` (the transport notes on it), what it cost is
    measured (`tokens`: prompt and completion tokens so far), and a failure is written at
    once, with its ProviderError's message as the reason."""
    started, before = call.start(), tokens()

    def measure() -> None:
        now = tokens()
        call.measure(started, now[0] - before[0], now[1] - before[1])

    from summarizer.providers.faults import ProviderError  # openai: only when calls are made

    token = CURRENT.set(call)
    try:
        yield call
    except ProviderError as err:
        measure()
        call.settle("failed", str(err))
        raise
    finally:
        CURRENT.reset(token)
    measure()


def log_path() -> Path:
    return cache_dir() / LOG_NAME


class CallLog:
    """The calls table in one SQLite file; one connection, autocommit."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or log_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        use_wal(self._db)
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash loses no committed row
        self._db.execute(SCHEMA)
        self._broken = False

    def write(self, call: Call) -> None:
        """Add `call` as one row, redacted; a failure to write is a warning, once."""
        if self._broken:
            return
        row = {name: getattr(call, name) for name in _COLUMNS}
        row = {k: redact(v) if isinstance(v, str) else v for k, v in row.items()}
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        try:
            self._db.execute(f"INSERT INTO calls ({names}) VALUES ({marks})", list(row.values()))
        except sqlite3.Error as err:
            self._broken = True
            log.warning("call log %s not written: %s", self.path, err)

    def recent(
        self,
        limit: int = 20,
        article: str | None = None,
        model: str | None = None,
        outcome: str | None = None,
    ) -> list[dict[str, Any]]:
        """The last `limit` calls, oldest first; `article` matches an article's id or the
        start of its sha256."""
        where, args = [], []
        if article:
            where.append("(article_id = ? OR sha256 LIKE ?)")
            args += [article, f"{article.lower()}%" if len(article) >= 4 else article]
        if model:
            where.append("model = ?")
            args.append(model)
        if outcome:
            where.append("outcome = ?")
            args.append(outcome)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        self._db.row_factory = sqlite3.Row
        rows = self._db.execute(
            f"SELECT * FROM (SELECT * FROM calls {clause} ORDER BY id DESC LIMIT ?) ORDER BY id",
            [*args, limit],
        ).fetchall()
        return [dict(row) | {"cached": bool(row["cached"])} for row in rows]

    def close(self) -> None:
        self._db.close()


def open_call_log(enabled: bool, warn: Callable[[str], object]) -> CallLog | None:
    """The call log, unless refused (--no-log); see `cache.open_optional`."""
    return open_optional(CallLog, enabled, warn, "call log not kept")
