"""`summarizer logs`: the model calls of past runs, from the call log (`providers.calllog`).

For watching a scheduled job: when each call was made, for which article, to which model,
what it cost, and whether its answer was kept, refused (and why) or failed (and why).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import typer

from summarizer.cli.common import app


class Outcome(StrEnum):
    kept = "kept"
    refused = "refused"
    failed = "failed"


def _local(stamp: str) -> str:
    """An ISO time in UTC as the local time, to the second."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


def _one_line(text: str) -> str:
    """Control characters escaped: a reason cannot forge a second line."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], text)


def line(row: dict[str, Any]) -> str:
    """One call on one line: time, article, model, attempt, outcome, cost, reason."""
    cost = f"{row['prompt_tokens']}+{row['completion_tokens']} tokens, {row['seconds']:.2f} s"
    how = "cached" if row["cached"] else f"{row['tries']} {'try' if row['tries'] == 1 else 'tries'}"
    parts = [
        _local(row["time"]),
        row["article_id"],
        f"{row['model']}@{row['host']}",
        f"chunk {row['chunk']} attempt {row['attempt']}",
        row["outcome"],
        f"{cost} ({how})",
    ]
    text = "  ".join(parts) + (f"  {row['reason']}" if row["reason"] else "")
    return _one_line(text)


@app.command()
def logs(
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show the last N calls.")] = 20,
    article: Annotated[
        str | None, typer.Option(help="Only this article: its id (file name) or sha256 start.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Only calls to this model.")] = None,
    outcome: Annotated[Outcome | None, typer.Option(help="Only calls with this outcome.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the calls as JSON.")] = False,
    path: Annotated[bool, typer.Option("--path", help="Print where the log is.")] = False,
) -> None:
    """Show the last model calls and what became of them.

    Oldest first: when, article, model, tokens, seconds, and whether the answer was kept,
    refused or failed, with the reason. Every model call is logged unless --no-log is
    given, in an SQLite file beside the response cache ($SUMMARIZER_CACHE_DIR moves both;
    README: its table).
    """
    from summarizer.providers.calllog import CallLog, log_path  # openai: not for --help

    where = log_path()
    if path:
        sys.stdout.write(f"{where}\n")
        return
    rows: list[dict[str, Any]] = []
    if where.exists():
        calls = CallLog(where)
        try:
            rows = calls.recent(limit, article, model, outcome.value if outcome else None)
        finally:
            calls.close()
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif not rows:
        filtered = article or model or outcome
        sys.stderr.write(f"no calls {'match' if filtered else 'logged'} in {where}\n")
    else:
        sys.stdout.write("".join(line(row) + "\n" for row in rows))
