"""What the processes under this one use, read from /proc (Linux): CPU seconds, and the
resident memory of the Ray workers (for benchmarks/batch.py --engine ray).

A local Ray cluster's processes (its GCS, raylet, workers) are this process's descendants
and are not waited for until it stops, so `resource.getrusage` does not see them: each one
is read from /proc, with the time of its own children that have ended (`cutime`, `cstime`:
the workers the raylet has reaped).
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


def descendants(root: int) -> dict[int, list[str]]:
    """The /proc stat fields (after the name) of every live descendant of `root`."""
    stats = _stats()
    parent = {pid: int(fields[1]) for pid, fields in stats.items()}

    def under(pid: int) -> bool:
        while pid > 1:
            pid = parent.get(pid, 0)
            if pid == root:
                return True
        return False

    return {pid: fields for pid, fields in stats.items() if under(pid)}


def descendants_cpu(root: int | None = None) -> float:
    """CPU seconds of the live descendants of `root` (this process), their ended children
    included."""
    total = 0
    for fields in descendants(root or os.getpid()).values():
        total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / TICKS


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
                with contextlib.suppress(OSError):
                    if title in Path(f"/proc/{pid}/cmdline").read_bytes():
                        peak[pid] = max(peak.get(pid, 0.0), _rss_mb(pid))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()
