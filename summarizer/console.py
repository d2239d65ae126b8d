"""What a run prints on stderr: the progress bar and one line per failed article, with
control characters escaped (`printable`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer import bounded

Step = Callable[[str | None], None]


def progress_bar(
    total: int, console: Console, verb: str = "summarizing", long: bool = False
) -> Progress:
    """A progress bar on a terminal for more than one article, or a long one; nothing
    otherwise (off a terminal, rich's bar still ends with a line feed: a blank line in a
    log)."""
    return Progress(
        TextColumn(f"[bold]{verb}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=(total < 2 and not long) or not console.is_terminal,
        transient=True,
    )


@contextmanager
def progress(lengths: list[int], console: Console, verb: str) -> Iterator[Step]:
    """`progress_bar` for articles of `lengths` characters as one call: `step(None)` when
    one ends, `step(line)` to say how a long one is going (shown at once: the next refresh
    may come after it is done)."""
    total, long = len(lengths), max(lengths, default=0) >= bounded.LONG_CHARS
    with progress_bar(total, console, verb, long) as bar:
        task = bar.add_task("", total=total)

        def step(line: str | None) -> None:
            if line is None:
                bar.update(task, advance=1, description="")
            else:
                bar.update(task, description=line)
                bar.refresh()

        yield step


def printable(text: str) -> str:
    """`text` for a one-line message, control characters escaped as Python writes them
    (a line break as '\\n'): a file name cannot forge a second line, or drive a terminal."""
    return "".join(
        repr(c)[1:-1] if unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c for c in text
    )


def error_line(console: Console, source: str, reason: str) -> None:
    line = printable(f"summarizer: error: {source}: {reason}")
    console.print(line, markup=False, highlight=False)
