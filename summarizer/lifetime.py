"""Child processes that do not outlive us: the model server and the parse workers."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
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


def exit_when_gone(pid: int, every: float = 1.0) -> None:
    """Call in a worker process that serves process `pid` (taken there): a daemon thread
    ends the worker once `pid` has ended, however it ended. The parse workers are the
    children of a fork server, not of `pid`, and the fork server outlives `pid` while
    they live (they hold its liveness pipe): seen, a SIGKILLed batch left both running,
    ~150 MB a worker, until the machine ran out of memory. Linux's pidfd sees an ended
    process that its parent has not reaped yet; elsewhere, a signal 0 probe."""

    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except (ProcessLookupError, PermissionError):  # ended; the number is reused
            return True
        return False

    def watch() -> None:
        try:
            handle = os.pidfd_open(pid)
        except (AttributeError, OSError):  # not Linux 5.3+, or `pid` has ended already
            while not gone():
                time.sleep(every)
        else:
            select.select([handle], [], [])  # readable once `pid` has ended
        os._exit(1)

    threading.Thread(target=watch, name="exit-when-gone", daemon=True).start()
