"""`summarizer cache`: where the response cache is, how big, and clearing it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from summarizer.cli.common import app


@app.command()
def cache(
    clear: Annotated[bool, typer.Option("--clear", help="Remove every cached answer.")] = False,
) -> None:
    """Show the model-response cache (or clear it). $SUMMARIZER_CACHE_DIR moves it."""
    from summarizer.providers.cache import ResponseCache

    store = ResponseCache()
    if clear:
        sys.stdout.write(f"removed {store.clear()} cached answers from {store.path}\n")
        return
    stats = store.stats()
    sys.stdout.write(
        f"{stats['path']}: {stats['entries']} cached answers, {stats['bytes'] / 1e6:.1f} MB\n"
    )
