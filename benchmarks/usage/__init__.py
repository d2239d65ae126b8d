"""What the processes under this one use, read from /proc (Linux): CPU seconds, and the
resident memory of the workers (for benchmarks/batch.py).

A local Ray cluster's processes (its GCS, raylet, workers), and batch's parse workers'
fork server, are this process's descendants and are not waited for until it stops, so
`resource.getrusage` does not see them: each one's own time is read from /proc, sampled
while a run lasts (`descendants_cpu`).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stats() -> dict[int, list[str]]:
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            found[int(stat.parent.name)] = stat.read_text().rsplit(")", 1)[1].split()
    return found


def descendants(
    root: int, but: frozenset[int] = frozenset(), stats: dict[int, list[str]] | None = None
) -> dict[int, list[str]]:
    """The /proc stat fields (after the name) of every live descendant of `root`, apart
    from the processes `but` and theirs; from `stats` when a caller has read them."""
    stats = _stats() if stats is None else stats
    parent = {pid: int(fields[1]) for pid, fields in stats.items()}

    def under(pid: int) -> bool:
        if pid in but:
            return False
        while pid > 1:
            pid = parent.get(pid, 0)
            if pid in but:
                return False
            if pid == root:
                return True
        return False

    return {pid: fields for pid, fields in stats.items() if under(pid)}


def _cpu_by_pid(but: frozenset[int], only: bytes) -> dict[int, float]:
    me, stats = os.getpid(), _stats()
    if only:
        but |= {p for p, f in stats.items() if int(f[1]) == me and only not in _cmdline(p)}
    return {  # utime, stime: a child's own time, sampled, not again in its parent's cutime
        pid: (int(fields[11]) + int(fields[12])) / TICKS
        for pid, fields in descendants(me, but, stats).items()
    }


@contextmanager
def descendants_cpu(
    but: frozenset[int] = frozenset(), only: bytes = b"", every: float = 0.25
) -> Iterator[list[float]]:
    """The CPU seconds this process's descendants use while the block runs (in the one
    item of the list yielded, once it ends), apart from the processes `but` and theirs;
    with `only`, of this process's children whose command line holds it, and theirs.
    Each one's own time, sampled every `every` seconds: one that ends meanwhile (a Ray
    worker, a parse worker) counts up to its last sample, where a difference of two sums
    took all its seconds out, or counted them twice (its own, then in its parent's)."""
    first = _cpu_by_pid(but, only)
    last = dict(first)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            last.update(_cpu_by_pid(but, only))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    used = [0.0]
    try:
        yield used
    finally:
        stop.set()
        thread.join()
        last.update(_cpu_by_pid(but, only))
        used[0] = sum(seconds - first.get(pid, 0.0) for pid, seconds in last.items())


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def worker_rss(title: bytes, every: float = 0.5) -> Iterator[dict[int, float]]:
    """The highest resident memory (MB) seen of each descendant whose command line holds
    `title`, sampled every `every` seconds while the block runs."""
    peak: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            for pid in descendants(os.getpid()):
                if title in _cmdline(pid):
                    with contextlib.suppress(OSError):  # ended meanwhile
                        peak[pid] = max(peak.get(pid, 0.0), _rss_mb(pid))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()
