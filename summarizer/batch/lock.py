"""One batch run per results store, whatever name reaches it.

The lock is an `flock` on the store itself (its file, or its directory), so it belongs to
the store's device and inode: a symbolic link, another spelling of the path and a hard
link in another directory all take the same lock (a lock file beside the path was two
locks for two hard links, and two runs wrote every article twice). The OS releases it
when the process ends, however it ends. `flock`, not `fcntl` locks: SQLite takes those
on the same file, and closing any descriptor of a file drops all of a process's `fcntl`
locks on it; nor `filelock`, which truncates the file it locks.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from summarizer.batch.stores import unusable

POLL_SECONDS = 0.1


class LockedError(Exception):
    """Another run holds the store; the message says so and what to do."""


def _open(path: Path, directory: bool) -> int:
    """A descriptor of the store to lock, made first if it is not there yet (an empty
    file is a new store of either kind)."""
    if directory:
        path.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o666)  # less the umask


@contextmanager
def store_lock(target: str, path: Path, directory: bool, wait: float) -> Iterator[None]:
    """Hold the store at `path` (named `target` by the user) for this run alone, waiting
    up to `wait` seconds for another run; `LockedError` if it is still held, `StoreError`
    if the store cannot be made or opened."""
    try:
        fd = _open(path, directory)
    except OSError as err:
        raise unusable(target, err) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"{target}: another batch run is writing it; this run exits without "
                        "touching it (--wait SECONDS to wait for it instead)"
                    ) from None
                time.sleep(POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # and with it the lock
