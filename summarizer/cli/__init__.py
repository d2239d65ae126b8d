"""The command line: thin wrappers that read input, call the library and report.

One module per command; importing them registers them on `app`. Exit codes: 0 all good,
1 the work ran but something was rejected or failed, 2 bad usage or unreadable input (a
one-line error naming the file on stderr).
"""

from summarizer.cli import batch, cache, check, evaluate, models, summarize  # noqa: F401  (registers)
from summarizer.cli.common import app

__all__ = ["app"]
