"""What a run prints on stderr: the progress bar and one line per failed article, with
control characters escaped (`printable`)."""

from __future__ import annotations

import unicodedata

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def progress_bar(total: int, console: Console, verb: str = "summarizing") -> Progress:
    """A progress bar on a terminal for more than one article; nothing otherwise (off a
    terminal, rich's bar still ends with a line feed: a blank line in a log)."""
    return Progress(
        TextColumn(f"[bold]{verb}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=total < 2 or not console.is_terminal,
        transient=True,
    )


def printable(text: str) -> str:
    """`text` for a one-line message, control characters escaped as Python writes them
    (a line break as '\\n'): a file name cannot forge a second line, or drive a terminal."""
    return "".join(
        repr(c)[1:-1] if unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c for c in text
    )


def error_line(console: Console, source: str, reason: str) -> None:
    line = printable(f"summarizer: error: {source}: {reason}")
    console.print(line, markup=False, highlight=False)
