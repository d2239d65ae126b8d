"""`summarizer eval`: quality and cost of a model and prompt on gold data, as numbers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli.common import EXIT_FAILED, EXIT_OK, ModelChoice, app, fail, model_command
from summarizer.config import ConfigError
from summarizer.providers.models import ModelError


@app.command("eval")
@model_command
def eval_command(
    gold: Annotated[
        list[Path], typer.Argument(metavar="FILE", help="Gold JSONL files (eval/README.md).")
    ],
    limit: Annotated[
        int | None,
        typer.Option(metavar="N", min=1, help="Score only the first N articles of each file."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Where to write every number as JSON (eval-MODEL.json)."),
    ] = None,
    main_event: Annotated[
        list[Path] | None,
        typer.Option(
            "--main-event",
            metavar="FILE",
            help="Main-event gold (eval/README.md) for the items a summary marks as main; "
            "may be given more than once.",
        ),
    ] = None,
    *,
    choice: ModelChoice,
) -> None:
    """Summarize gold articles and score the summaries.

    Prints a table and writes the numbers as JSON; answers are cached, so a rerun is free.
    Exit status: 0 every article summarized, 1 some failed (scored as empty), 2 bad usage
    or an unusable gold file.
    """
    from rich.console import Console

    from summarizer.evaluation.gold import GoldError, attach_main_events, load_gold
    from summarizer.evaluation.runner import evaluate
    from summarizer.evaluation.table import table
    from summarizer.output import write_atomic
    from summarizer.run import open_endpoint

    settings = choice.settings
    console = Console(stderr=True, soft_wrap=True)
    try:
        golds = {path: load_gold(path)[:limit] for path in gold}  # all checked before the model
        for path in main_event or []:
            attach_main_events(path, list(golds.values()))
        with open_endpoint(settings) as endpoint:
            results = [
                evaluate(path, rows, endpoint, choice.run, console) for path, rows in golds.items()
            ]
    except (GoldError, ConfigError, ModelError) as err:
        raise fail(str(err)) from None
    Console(width=max(100, Console().width)).print(table(results))
    target = out or Path(f"eval-{results[0]['model']}.json")
    write_atomic(target, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    sys.stderr.write(f"wrote {target}\n")
    raise typer.Exit(EXIT_FAILED if any(r["failed"] for r in results) else EXIT_OK)
