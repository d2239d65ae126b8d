"""What a run prints on stderr: the progress bar and one line per failed article."""

from __future__ import annotations

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


def error_line(console: Console, source: str, reason: str) -> None:
    console.print(f"summarizer: error: {source}: {reason}", markup=False, highlight=False)
