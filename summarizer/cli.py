"""The command line: thin wrappers that read input, call the library and report.

Exit codes: 0 all good, 1 the work ran but something was rejected or failed, 2 bad usage
or unreadable input (a one-line error naming the file on stderr).
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from summarizer import __version__
from summarizer.grounding import ground
from summarizer.inputs import InputError, read_article, read_summary
from summarizer.render import to_json, to_markdown

app = typer.Typer(
    help="Structured, grounded summaries of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class Format(StrEnum):
    json = "json"
    md = "md"


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit for bad input."""
    sys.stderr.write(f"summarizer: error: {message}\n")
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"summarizer {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Structured, grounded summaries of news articles."""


@app.command()
def check(
    article: Annotated[str, typer.Argument(help="The article text file ('-' for stdin).")],
    summary: Annotated[str, typer.Argument(help="A summary in the v1 JSON format ('-': stdin).")],
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.json,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for resolving relative times."),
    ] = None,
) -> None:
    """Ground a summary in its article and print the result.

    Offsets in the summary are ignored and recomputed. Exit status: 0 nothing rejected,
    1 something rejected, 2 bad usage or unreadable input.
    """
    if article == "-" and summary == "-":
        raise fail("only one of ARTICLE and SUMMARY can be read from stdin")
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:
        raise fail(f"--published: not a date in the form YYYY-MM-DD: '{published}'") from None
    try:
        art = read_article(article)
        draft = read_summary(summary)
    except InputError as err:
        raise fail(str(err)) from None
    info = art.info(pub or draft.article.published)
    given = draft.article.model_dump(exclude_none=True, exclude={"sha256"})
    draft = draft.model_copy(update={"article": info.model_copy(update=given)})
    if pub:
        draft.article.published = pub
    result = ground(art.text, draft)
    render = to_markdown if output_format is Format.md else to_json
    sys.stdout.write(render(result))
    raise typer.Exit(EXIT_REJECTED if result.rejected else EXIT_OK)
