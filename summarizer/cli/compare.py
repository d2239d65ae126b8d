"""`summarizer compare`: several articles on one event, aligned (see `summarizer.compare`)."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summarizer.cli.common import (
    EXIT_FAILED,
    ModelChoice,
    Published,
    app,
    fail,
    ground_given,
    model_command,
)
from summarizer.cli.common import parse_date as parse_date_option
from summarizer.config import ConfigError
from summarizer.providers.models import ModelError

if TYPE_CHECKING:  # the library is imported as the command runs (see `common`)
    from summarizer.inputs import Article
    from summarizer.schema import Summary


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def _given_summaries(articles: list[Article], paths: list[str], pub: date | None) -> list[Summary]:
    """Summaries from files, one per article in order, grounded in it (offsets recomputed,
    as `check` does); a summary of another article is bad input."""
    from summarizer.inputs import InputError, read_summary

    if len(paths) != len(articles):
        raise fail(f"--summary given {len(paths)} times for {len(articles)} articles (one each)")
    grounded = []
    for art, path in zip(articles, paths, strict=True):
        try:
            draft = read_summary(path)
        except InputError as err:
            raise fail(str(err)) from None
        sha = draft.article.sha256
        if sha is not None and sha != art.sha256:
            raise fail(
                f"{path}: is a summary of another text (sha256 {sha[:12]}…), not of {art.source}"
            )
        grounded.append(ground_given(art, draft, pub))
    return grounded


def _made_summaries(
    articles: list[Article], choice: ModelChoice, pub: date | None
) -> list[Summary]:
    """Summaries made as `summarize` makes them (cache, model options, `--model none`)."""
    from rich.console import Console

    from summarizer.run import run

    console = Console(stderr=True, soft_wrap=True)
    sources = [a.source for a in articles]
    try:
        report = run(sources, choice.settings, choice.run, pub, lambda _: None, console)
    except (ConfigError, ModelError) as err:
        raise fail(str(err)) from None
    if report.failed:  # each already named on stderr; a comparison with a gap would mislead
        console.print(f"compared nothing: {len(report.failed)} of {len(sources)} articles failed")
        raise typer.Exit(EXIT_FAILED)
    by_source = {r.article.source: r.summary for r in report.done}
    return [by_source[s] for s in sources]


@app.command("compare")
@model_command
def compare_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Two or more articles on one event (files or directories)."
        ),
    ],
    summaries: Annotated[
        list[str] | None,
        typer.Option(
            "--summary",
            "--summaries",
            metavar="FILE",
            help="A summary (v1 JSON) of each article, in the articles' order, given once per "
            "article; then no model is run.",
        ),
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.json,
    out: Annotated[
        str | None,
        typer.Option(metavar="FILE", help="Where to write the output (whole or not at all)."),
    ] = None,
    published: Published = None,
    *,
    choice: ModelChoice,
) -> None:
    """Compare articles on one event: names, quotes and numbers.

    Shows the people, places and times the sources share and those only one names; quotes
    matched across sources (identical, typography, fragment, reworded, different speakers,
    one source); and numbers stated differently. Exit status: 0 compared, 1 an article
    could not be summarized, 2 bad usage or input.
    """
    from summarizer.compare import compare
    from summarizer.compare.brief import to_brief
    from summarizer.html import compare_page
    from summarizer.inputs import InputError, collect_articles, read_article
    from summarizer.output import write_atomic

    pub = parse_date_option(published, "--published")
    sources = collect_articles(paths)
    if len(sources) < 2:
        raise fail(f"compare needs two articles or more, got {len(sources)}")
    try:
        articles = [read_article(s) for s in sources]
    except InputError as err:
        raise fail(str(err)) from None
    if summaries:
        made = _given_summaries(articles, summaries, pub)
    else:
        made = _made_summaries(articles, choice, pub)
    texts = [a.text for a in articles]
    comparison = compare(list(zip(made, texts, strict=True)))
    if output_format is Format.html:
        text = compare_page(comparison, texts)
    elif output_format is Format.md:
        text = to_brief(comparison)
    else:
        text = comparison.model_dump_json(indent=2) + "\n"
    if out is None or out == "-":
        sys.stdout.write(text)
    else:
        write_atomic(Path(out), text)
