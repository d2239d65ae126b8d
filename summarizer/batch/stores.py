"""Where a batch keeps its results: a JSONL file, a directory, or a SQLite database.

Every store is keyed by the article's content hash (`article.sha256` of the summary) and
makes each record complete or absent, so a run killed at any moment (SIGKILL included)
leaves only whole records, and a rerun skips exactly what is there:
- JSONL: one v1 summary per line, appended by a single write and fsynced; a line cut
  short by a kill during that write is cut off when the file is next opened.
- directory: one `<id>.<sha256>.json` per article, written to a temporary name and renamed;
  temporaries left by a kill are removed when the directory is next opened. An id too
  long for a file name is cut, with a hash of it (`stored_name`); the record has it whole.
- SQLite: one row per article, one transaction each (WAL).
Failures of the latest run sit beside the results (`*.failures.jsonl`, or a table), each
with its reason; a rerun tries those articles again.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Protocol

from summarizer.inputs import parse_json
from summarizer.output import (
    is_directory_target,
    remove_stale_temporaries,
    stored_name,
    write_atomic,
)
from summarizer.schema import Summary


class StoreError(Exception):
    """A results target that cannot be used; the message names it."""


class Store(Protocol):
    """What a batch needs of a results store."""

    path: Path

    def done(self) -> set[str]:
        """Content hashes of the articles already summarised."""
        ...

    def add(self, summary: Summary) -> None:
        """Keep one summary, durably, before returning."""
        ...

    def fail(self, key: str, source: str, reason: str) -> None:
        """Record why an article failed in this run (`key` is '' for unreadable input)."""
        ...

    def close(self) -> None: ...


class _FailuresFile:
    """This run's failures, rewritten whole (atomically) at each new one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[dict[str, Any]] = []
        remove_stale_temporaries(path.parent, path.name)
        path.unlink(missing_ok=True)  # the last run's failures are being retried now

    def add(self, key: str, source: str, reason: str) -> None:
        self.rows.append({"sha256": key, "source": source, "reason": reason, "time": time.time()})
        write_atomic(
            self.path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.rows)
        )


class JsonlStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._repair_tail()
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)  # less the umask
        self._failures = _FailuresFile(path.with_name(path.name + ".failures.jsonl"))

    def _repair_tail(self) -> None:
        """Cut off a last line without its newline: a write a kill interrupted. Reads
        back from the end only as far as the last newline, not the whole file."""
        if not self.path.exists():
            return
        with self.path.open("rb+") as f:
            end = keep = f.seek(0, os.SEEK_END)
            f.seek(max(end - 1, 0))
            if end == 0 or f.read(1) == b"\n":
                return
            while keep > 0:
                start = max(keep - 65536, 0)
                f.seek(start)
                newline = f.read(keep - start).rfind(b"\n")
                keep = start + newline + 1 if newline >= 0 else start
                if newline >= 0:
                    break
            f.truncate(keep)
            f.flush()
            os.fsync(f.fileno())

    def done(self) -> set[str]:
        keys = set()
        with self.path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                try:
                    keys.add(parse_json(line)["article"]["sha256"])
                except (ValueError, KeyError, TypeError):
                    raise StoreError(
                        f"{self.path}:{number}: not a summary line; is this a batch's output?"
                    ) from None
        return keys

    def add(self, summary: Summary) -> None:
        line = (summary.model_dump_json() + "\n").encode("utf-8")
        size = os.lseek(self._fd, 0, os.SEEK_END)
        written = os.write(self._fd, line)  # one system call: the line, or a cut-off tail
        if written != len(line):  # disk full: take the part back, fail this record
            os.ftruncate(self._fd, size)
            raise OSError(f"{self.path}: short write ({written} of {len(line)} bytes)")
        os.fsync(self._fd)

    def fail(self, key: str, source: str, reason: str) -> None:
        self._failures.add(key, source, reason)

    def close(self) -> None:
        os.close(self._fd)


class DirStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)
        self._failures = _FailuresFile(path / "failures.jsonl")

    def done(self) -> set[str]:
        return {p.stem.rsplit(".", 1)[-1] for p in self.path.glob("*.*.json") if p.is_file()}

    def add(self, summary: Summary) -> None:
        suffix = f".{summary.article.sha256}.json"
        name = stored_name(summary.article.id or "article", suffix, self.path)
        write_atomic(self.path / name, summary.model_dump_json(indent=2) + "\n")

    def fail(self, key: str, source: str, reason: str) -> None:
        self._failures.add(key, source, reason)

    def close(self) -> None:
        pass


class SqliteStore:
    SCHEMA = (
        "CREATE TABLE IF NOT EXISTS summaries (sha256 TEXT PRIMARY KEY, source TEXT, "
        "model TEXT, prompt_version TEXT, created REAL, summary TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS failures (sha256 TEXT, source TEXT, reason TEXT, "
        "created REAL, PRIMARY KEY (sha256, source))",
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, timeout=60, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            for statement in self.SCHEMA:
                self._db.execute(statement)
            self._db.execute("DELETE FROM failures")  # retried in this run
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: not a usable SQLite database ({err})") from None

    def done(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT sha256 FROM summaries")}

    def add(self, summary: Summary) -> None:
        try:
            self._db.execute(  # one statement in autocommit mode: one transaction
                "INSERT OR IGNORE INTO summaries VALUES (?, ?, ?, ?, ?, ?)",
                (summary.article.sha256, summary.article.source, summary.meta.model,
                 summary.meta.prompt_version, time.time(), summary.model_dump_json()),
            )  # fmt: skip
        except sqlite3.Error as err:  # a full disk, a read-only file: this record fails
            raise OSError(0, str(err), str(self.path)) from err

    def fail(self, key: str, source: str, reason: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)",
            (key, source, reason, time.time()),
        )

    def close(self) -> None:
        self._db.close()


def store_kind(target: str) -> type[JsonlStore | SqliteStore | DirStore]:
    """The kind of store `target` names: `*.jsonl`, `*.db` (or .sqlite, .sqlite3), or a
    directory (an existing one, or a path ending in '/')."""
    suffix = Path(target).suffix.lower()
    if suffix == ".jsonl":
        return JsonlStore
    if suffix in {".db", ".sqlite", ".sqlite3"}:
        return SqliteStore
    if is_directory_target(target):
        return DirStore
    raise StoreError(
        f"{target}: --out must be a .jsonl file, a .db file, or a directory (end it with /)"
    )


def open_store(target: str) -> Store:
    """The store `target` names (`store_kind`), opened."""
    kind = store_kind(target)
    try:
        return kind(Path(target))
    except OSError as err:
        raise unusable(target, err) from None


def unusable(target: str, err: OSError) -> StoreError:
    return StoreError(f"{target}: cannot be used for results ({err.strerror or err})")
