"""`summarizer check`: ground a given summary in its article."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from summarizer.cli.common import EXIT_OK, EXIT_REJECTED, app, fail, ground_given, parse_date


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"


@app.command()
def check(
    article: Annotated[str, typer.Argument(help="The article's text file ('-': standard input).")],
    summary: Annotated[
        str, typer.Argument(help="A summary in the v1 JSON format ('-': likewise).")
    ],
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.json,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="The article's publication date (YYYY-MM-DD), for relative times."
        ),
    ] = None,
) -> None:
    """Ground a summary in its article and print the result.

    Offsets in the summary are ignored and recomputed. Exit status: 0 nothing rejected,
    1 something rejected, 2 bad usage or unreadable input.
    """
    from summarizer.html import summary_page
    from summarizer.inputs import InputError, read_article, read_summary
    from summarizer.render import to_json, to_markdown

    if article == "-" and summary == "-":
        raise fail("only one of ARTICLE and SUMMARY can be read from stdin")
    pub = parse_date(published, "--published")
    try:
        art = read_article(article)
        draft = read_summary(summary)
    except InputError as err:
        raise fail(str(err)) from None
    result = ground_given(art, draft, pub)
    if output_format is Format.html:
        sys.stdout.write(summary_page([(art.text, result)]))
    else:
        sys.stdout.write((to_markdown if output_format is Format.md else to_json)(result))
    raise typer.Exit(EXIT_REJECTED if result.rejected else EXIT_OK)
