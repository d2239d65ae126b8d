"""What every command shares: the Typer app, exit codes, one-line errors, and turning
options + config file + environment into settings."""

from __future__ import annotations

import logging
import sqlite3
import sys
from datetime import date
from typing import Annotated

import typer

from summarizer import __version__
from summarizer.config import (
    ConfigError,
    Settings,
    config_path,
    from_environment,
    load_config,
    parse_mode,
)
from summarizer.prompting import load_prompt
from summarizer.providers.cache import ResponseCache
from summarizer.summarize import Options

app = typer.Typer(
    help="Structured, grounded summaries of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_FAILED = 1

# Options shared by the commands that call a model.
BaseUrl = Annotated[
    str | None, typer.Option(help="OpenAI-compatible endpoint [env: OPENAI_BASE_URL].")
]
Model = Annotated[
    str | None, typer.Option(help="Model name; a local model's name runs it embedded.")
]
Mode = Annotated[str | None, typer.Option(help="instructor mode (tool_call, …).")]
MaxAttempts = Annotated[
    int | None, typer.Option(min=1, max=10, help="Model calls per article, re-asks included.")
]
Prompt = Annotated[str | None, typer.Option(help="Prompt name in prompts/.")]
Config = Annotated[str | None, typer.Option(help="TOML config file.")]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Call the model even for answers cached on disk."),
]
Timeout = Annotated[
    float | None, typer.Option(min=0.1, help="Seconds to wait for one model answer [600].")
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log every model call.")]


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit for bad input."""
    sys.stderr.write(f"summarizer: error: {message}\n")
    return typer.Exit(EXIT_USAGE)


def parse_date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise fail(f"{option}: not a date in the form YYYY-MM-DD: '{value}'") from None


def model_settings(given: Settings, config: str | None, verbose: bool) -> tuple[Settings, Options]:
    """Options > config file > environment, checked before any work starts."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)
    try:
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
    return settings, options


def response_cache(no_cache: bool) -> ResponseCache | None:
    """The on-disk response cache, unless refused; a cache that cannot be opened is a
    warning (the work does not need it), not a failure."""
    if no_cache:
        return None
    try:
        return ResponseCache()
    except (OSError, sqlite3.Error) as err:
        sys.stderr.write(f"summarizer: warning: response cache not used: {err}\n")
        return None


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
