"""What every command shares: the Typer app, exit codes, one-line errors, and turning
options + config file + environment into settings."""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarizer import __version__
from summarizer.cli.helpstyle import PlainGroup
from summarizer.config import ConfigError, Settings, resolve_settings
from summarizer.providers.redact import RedactingFilter  # standard library only

# The library is imported by the commands as they run, not here: `--help` and a usage
# error print at once, without importing pydantic, spaCy or openai (benchmarks/startup.py).
if TYPE_CHECKING:
    from summarizer.inputs import Article
    from summarizer.pipeline.options import Options as ArticleOptions
    from summarizer.providers.cache import ResponseCache
    from summarizer.providers.calllog import CallLog
    from summarizer.run import RunOptions
    from summarizer.schema import Summary

app = typer.Typer(
    help="Structured, grounded summaries of news articles.",
    cls=PlainGroup,
    rich_markup_mode=None,  # plain text, paragraphs wrapped whole (`helpstyle`)
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_FAILED = 1


@dataclass(frozen=True)
class ModelChoice:
    """What a model-calling command was told: endpoint settings, and how to run (summarize
    options, the response cache)."""

    settings: Settings
    run: RunOptions


# The options every model-calling command takes, added to its signature by
# `model_command`: (name, annotation), all defaulting to None/False.
_MODEL_OPTIONS: list[tuple[str, Any, Any]] = [
    ("base_url", Annotated[str | None, typer.Option(metavar="URL",
        help="The OpenAI-compatible endpoint to call (env: OPENAI_BASE_URL).")], None),
    ("model", Annotated[str | None, typer.Option(metavar="NAME",
        help="The model to call; a local model's name runs it embedded. With 'none', no "
        "model is called: the summary is the text's own (names, places, times, and quotes "
        "with their speakers; no 'what').")], None),
    ("mode", Annotated[str | None, typer.Option(metavar="MODE",
        help="How the answer is asked for: an instructor mode (tool_call, tools_strict, "
        "…).")], None),
    ("max_attempts", Annotated[int | None, typer.Option(metavar="N",
        min=1, max=10, help="Model calls per article at most, re-asks included.")], None),
    ("prompt", Annotated[str | None, typer.Option(metavar="NAME",
        help="The prompt to use, by its name in prompts/.")], None),
    ("timeout", Annotated[float | None, typer.Option(metavar="SECONDS",
        min=0.1, help="How long to wait for one model answer (default 600).")], None),
    ("config", Annotated[str | None, typer.Option(metavar="FILE",
        help="The TOML config file to read.")], None),
    ("no_cache", Annotated[bool, typer.Option(
        "--no-cache", help="Call the model even for answers cached on disk.")], False),
    ("no_log", Annotated[bool, typer.Option(
        "--no-log", help="Keep no record of the model calls (see `summarizer logs`).")], False),
    ("verbose", Annotated[bool, typer.Option(
        "--verbose", "-v", help="Log every model call.")], False),
]  # fmt: skip
_SETTINGS = ("base_url", "model", "mode", "max_attempts", "prompt", "timeout")


def model_command(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command the model options; it receives them resolved as `choice`.

    One declaration of the options for summarize, batch and eval: the wrapper's signature
    (what Typer reads) is the command's own parameters, less `choice`, plus the options.
    """
    own = inspect.signature(func, eval_str=True).parameters.values()
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=ann)
        for name, ann, default in _MODEL_OPTIONS
    ]

    @functools.wraps(func)
    def command(**kwargs: Any) -> None:
        from summarizer.run import RunOptions

        given = Settings(**{name: kwargs.pop(name) for name in _SETTINGS})
        config, no_cache, no_log, verbose = (
            kwargs.pop("config"),
            kwargs.pop("no_cache"),
            kwargs.pop("no_log"),
            kwargs.pop("verbose"),
        )
        settings, options = model_settings(given, config, verbose)
        run = RunOptions(options, cache=response_cache(no_cache), calls=call_log(no_log))
        func(**kwargs, choice=ModelChoice(settings, run))

    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own if p.name != "choice"]
    command.__signature__ = inspect.Signature(params + added)  # type: ignore[attr-defined]
    command.__annotations__ = {}  # Typer reads the signature's annotations
    return command


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit for bad input."""
    from summarizer.console import printable

    sys.stderr.write(f"summarizer: error: {printable(message)}\n")
    return typer.Exit(EXIT_USAGE)


Published = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="The articles' publication date (YYYY-MM-DD)."),
]
ArticleTimeout = Annotated[
    float,
    typer.Option(
        metavar="SECONDS",
        min=0.1,
        help="How long one article may take; one that takes longer fails, and the others go on.",
    ),
]


def article_sources(paths: list[str]) -> list[str]:
    """The article files `paths` name (directories searched); none at all is bad usage."""
    from summarizer.inputs import collect_articles

    sources = collect_articles(paths)
    if not sources:
        raise fail("no article files found in " + ", ".join(paths))
    return sources


def parse_date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise fail(f"{option}: not a date in the form YYYY-MM-DD: '{value}'") from None


_log_handler: logging.Handler | None = None


def configure_logging(verbose: bool) -> None:
    """Our warnings (transport retries) on stderr; with -v, every model call and other
    libraries' log lines too. Without -v those stay off: instructor logs each failed
    answer twice at ERROR, beside the one-line error that already reports it."""
    global _log_handler
    root = logging.getLogger()
    if _log_handler is not None:  # a second command in one process (tests)
        root.removeHandler(_log_handler)
    _log_handler = logging.StreamHandler(sys.stderr)
    _log_handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT))
    _log_handler.addFilter(RedactingFilter())  # a server may echo the key in an error
    if not verbose:
        _log_handler.addFilter(logging.Filter("summarizer"))
    root.addHandler(_log_handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def model_settings(
    given: Settings, config: str | None, verbose: bool
) -> tuple[Settings, ArticleOptions]:
    """Options > config file > environment, checked before any work starts."""
    from summarizer.run import options_for

    configure_logging(verbose)
    try:
        settings = resolve_settings(given, config)
        return settings, options_for(settings)  # a missing prompt: a usage error, found now
    except (ConfigError, ValueError) as err:
        raise fail(str(err)) from None


def _warn(why: str) -> None:
    sys.stderr.write(f"summarizer: warning: {why}\n")


def response_cache(no_cache: bool) -> ResponseCache | None:
    from summarizer.providers.cache import open_cache

    return open_cache(not no_cache, _warn)


def call_log(no_log: bool) -> CallLog | None:
    from summarizer.providers.calllog import open_call_log

    return open_call_log(not no_log, _warn)


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


def ground_given(article: Article, draft: Summary, published: date | None) -> Summary:
    """A summary someone gave (`check`, `compare --summary`) grounded in its article: its
    own article fields kept, the text's sha256 and `--published` over them, offsets
    recomputed."""
    from summarizer.grounding import ground  # spaCy: imported when a command grounds

    given = draft.article.model_dump(exclude_none=True, exclude={"sha256"})
    given |= {"published": published} if published else {}
    info = article.info().model_copy(update=given)
    return ground(article.text, draft.model_copy(update={"article": info}))
