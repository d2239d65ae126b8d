"""Child processes that do not outlive us: the model server and the parse workers."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import threading
import time

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """Call in a child process (Linux): SIGKILL it when the thread that started it ends,
    even when we are killed by SIGKILL and no cleanup of ours runs. A no-op elsewhere."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def exit_when_orphaned(parent: int, every: float = 1.0) -> None:
    """Call in a worker process started by `parent` (its pid, taken in the parent): a
    daemon thread ends the worker once `parent` is no longer its parent. A spawned worker
    runs its initializer only after seconds of imports, and a parent killed meanwhile
    would go unnoticed by the parent-death signal (seen: a SIGKILLed batch left every
    parse worker running)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-when-orphaned", daemon=True).start()
