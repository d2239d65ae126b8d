"""An on-disk cache of model responses, so a rerun of eval, summarize or batch costs no
model time.

The key is the sha256 of the whole request as sent: the model (and the provider serving it),
the rendered prompt (so the prompt version and the article text, hence its hash), the tool
schema the answer must fill (so the schema version) and the sampling parameters. Whatever
changes any of them misses the cache; a re-ask after a cached answer is the same request
again and hits too. Grounding is not cached: it runs on every answer, so a change to the
rules applies to cached answers at once.

SQLite (WAL, one transaction per write) makes each entry complete or absent and lets
several processes share the file. Only complete answers are kept (not ones cut off at
max_tokens), and only answers: errors are never cached. An answer that echoes the API key
is kept with the key redacted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pydantic

if TYPE_CHECKING:  # openai is imported where an answer is read or kept: the command line
    from openai.types.chat import ChatCompletion  # opens the cache before it needs openai

from summarizer.providers.redact import redact

COMPLETE = {"stop", "tool_calls", "function_call"}
WAL_TRIES = 50  # 0.1 s apart: another process making the same new file WAL at that moment


def use_wal(db: sqlite3.Connection) -> None:
    """Put `db` in WAL mode (readers and one writer at once: several runs share a file).
    Two processes that open a new file at once both ask for the switch, and SQLite answers
    the second "database is locked" at once, without its busy wait: so it is asked again."""
    for attempt in range(WAL_TRIES):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == WAL_TRIES - 1:
                raise
            time.sleep(0.1)


StoreT = TypeVar("StoreT")


def open_optional(
    make: Callable[[], StoreT], enabled: bool, warn: Callable[[str], object], unused: str
) -> StoreT | None:
    """An SQLite file the work does not need (this cache, the call log), unless refused;
    one that cannot be opened is a warning (`unused`: what it says first), not a failure."""
    if not enabled:
        return None
    try:
        return make()
    except (OSError, sqlite3.Error) as err:
        warn(f"{unused}: {err}")
        return None


def open_cache(enabled: bool, warn: Callable[[str], object]) -> ResponseCache | None:
    """The on-disk response cache, unless refused (--no-cache)."""
    return open_optional(ResponseCache, enabled, warn, "response cache not used")


def cache_dir() -> Path:
    """$SUMMARIZER_CACHE_DIR, else $XDG_CACHE_HOME/summarizer, else ~/.cache/summarizer."""
    if env := os.environ.get("SUMMARIZER_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


def request_key(provider: str, request: dict[str, Any]) -> str:
    """The cache key of a chat-completions request: sha256 of its canonical JSON."""
    canonical = json.dumps(
        {"provider": provider, "request": request},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """Chat completions by request key, in one SQLite file; counts its hits and misses.

    One connection for the cache's life, in autocommit mode: every write is one statement,
    so one transaction. Used from one event loop, so there is nothing to lock in-process.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "responses.sqlite3"
        self.hits = self.misses = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        use_wal(self._db)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT, "
            "created REAL, seconds REAL, response TEXT NOT NULL)"
        )

    def get(self, key: str) -> ChatCompletion | None:
        from openai.types.chat import ChatCompletion

        row = self._db.execute("SELECT response FROM responses WHERE key = ?", (key,)).fetchone()
        try:
            response = None if row is None else ChatCompletion.model_validate_json(row[0])
        except pydantic.ValidationError:  # damaged (or from an older SDK): ask again
            response = None
        if response is None:
            self.misses += 1
        else:
            self.hits += 1
        return response

    def put(self, key: str, response: Any, seconds: float, max_tokens: int | None = None) -> None:
        """Keep `response` if it is a complete chat completion; ignore anything else (an
        answer that used all of `max_tokens` was cut off, whatever its finish reason)."""
        from openai.types.chat import ChatCompletion

        if not isinstance(response, ChatCompletion):
            return
        if not response.choices or response.choices[0].finish_reason not in COMPLETE:
            return
        used = response.usage.completion_tokens if response.usage else 0
        if max_tokens is not None and used >= max_tokens:
            return
        self._db.execute(
            "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?)",
            (key, response.model, time.time(), seconds, redact(response.model_dump_json())),
        )

    def stats(self) -> dict[str, Any]:
        """Entries and bytes on disk, for `summarizer cache`."""
        count, size = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(response)), 0) FROM responses"
        ).fetchone()
        return {"path": str(self.path), "entries": count, "bytes": size}

    def clear(self) -> int:
        """Remove every entry; return how many there were."""
        removed: int = self._db.execute("DELETE FROM responses").rowcount
        self._db.execute("VACUUM")
        return removed
