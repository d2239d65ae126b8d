"""`summarizer summarize`: one-off summaries of files, directories or stdin."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from summarizer.bounded import DEFAULT_ARTICLE_TIMEOUT
from summarizer.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    ArticleTimeout,
    ModelChoice,
    Published,
    app,
    article_sources,
    fail,
    model_command,
    parse_date,
)
from summarizer.config import ConfigError
from summarizer.output import Format as OutFormat
from summarizer.output import Summarized, is_directory_target, write_all, write_one
from summarizer.providers.models import ModelError


@app.command()
@model_command
def summarize(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Article files (.txt, .md, .html), directories, or '-'."
        ),
    ],
    output_format: Annotated[
        OutFormat,
        typer.Option(
            "--format",
            help="Output format. html: a page with the article's text highlighted; several "
            "articles make one page with a section each, or a page each into --out DIR/.",
        ),
    ] = OutFormat.json,
    out: Annotated[
        str | None,
        typer.Option(
            metavar="PATH", help="Where to write: a file, or a directory (a file per article)."
        ),
    ] = None,
    published: Published = None,
    article_timeout: ArticleTimeout = DEFAULT_ARTICLE_TIMEOUT,
    *,
    choice: ModelChoice,
) -> None:
    """Summarize articles into grounded summaries.

    With no endpoint configured, runs the embedded local model. Exit status: 0 all
    summarized, 1 some articles failed (each named on stderr), 2 bad usage or setup.
    """
    from rich.console import Console

    from summarizer.run import run

    pub = parse_date(published, "--published")
    settings = choice.settings
    sources = article_sources(paths)
    to_dir = out is not None and is_directory_target(out)

    def keep(result: Summarized) -> None:
        if to_dir and out is not None:
            write_one(result, Path(out), output_format)

    console = Console(stderr=True, soft_wrap=True)  # an error is one line, however long
    try:
        options = replace(choice.run, article_timeout=article_timeout)
        report = run(sources, settings, options, pub, keep, console)
    except (ConfigError, ModelError) as err:
        raise fail(str(err)) from None
    if not to_dir and report.done:
        try:
            write_all(report.done, out, output_format)
        except OSError as err:
            raise fail(f"{out}: cannot be written ({err.strerror or err})") from None
    if len(sources) > 1 or report.failed:
        console.print(
            f"summarized {len(report.done)} of {len(sources)} articles"
            + (f", {len(report.failed)} failed" if report.failed else ""),
            highlight=False,
        )
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)
