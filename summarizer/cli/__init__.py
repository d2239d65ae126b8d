"""The command line: thin wrappers that read input, call the library and report.

One module per command; importing them registers them on `app`. Exit codes: 0 all good,
1 the work ran but something was rejected or failed, 2 bad usage or unreadable input (a
one-line error naming the file on stderr), 75 another batch run holds the results, and
128 + N when ended by signal N (130 Ctrl-C, 143 SIGTERM).
"""

import signal
import sys
from types import FrameType

from summarizer.cli import (  # noqa: F401  (registers)
    batch,
    cache,
    check,
    compare,
    evaluate,
    logs,
    models,
    summarize,
)
from summarizer.cli.common import EXIT_USAGE, app
from summarizer.reading import PipelineMissingError

__all__ = ["app", "main"]


def _exit_on_signal(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    """The `summarizer` command. SIGTERM, SIGHUP and Ctrl-C end it through every `finally`
    (the embedded model's server stopped, results stores closed and unlocked); by default
    SIGTERM ends a process on the spot, and the server was left finishing its answer."""
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, _exit_on_signal)
    try:
        app()
    except PipelineMissingError as err:  # a broken install: say what to install, exit 2
        sys.stderr.write(f"summarizer: error: {err}\n")
        sys.exit(EXIT_USAGE)
