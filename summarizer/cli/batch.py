"""`summarizer batch`: scheduled runs over folders of articles into one results store."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
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
from summarizer.providers.models import ModelError

EXIT_LOCKED = 75  # EX_TEMPFAIL: another run has the store; try again later


class Engine(StrEnum):
    """Where the articles are summarised."""

    process = "process"  # this process (asyncio, parse workers)
    ray = "ray"  # a Ray cluster (summarizer/batch/ray_engine.py)


@app.command()
@model_command
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Article files, and directories searched for them."),
    ],
    out: Annotated[
        str,
        typer.Option(
            metavar="STORE",
            help="Where the results go: a .jsonl file, a .db (SQLite) file, or a directory (DIR/).",
        ),
    ],
    jobs: Annotated[
        int, typer.Option(metavar="N", min=1, max=256, help="Articles in flight at once.")
    ] = 1,
    rate_limit: Annotated[
        float | None,
        typer.Option(metavar="N", min=0.001, help="At most N model requests a second."),
    ] = None,
    wait: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            min=0,
            help="How long to wait for another run on the same --out to end.",
        ),
    ] = 0,
    published: Published = None,
    provider_batch: Annotated[
        bool,
        typer.Option(
            "--provider-batch",
            help="Through the remote provider's Batch API (about half the price, answers "
            "within 24 h): submit, then collect on a later run (exit 75 while it runs); "
            "--wait SECONDS polls for it that long.",
        ),
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option(
            help="Where to summarize: this process, or a Ray cluster (pip install "
            "'summarizer[ray]'; a local one for the run unless --address is given).",
        ),
    ] = Engine.process,
    address: Annotated[
        str | None,
        typer.Option(
            metavar="ADDR",
            help="With --engine ray: the cluster to join ('auto', 'ray://HOST:10001').",
        ),
    ] = None,
    article_timeout: ArticleTimeout = DEFAULT_ARTICLE_TIMEOUT,
    *,
    choice: ModelChoice,
) -> None:
    """Summarize the articles that are not yet in the results store.

    Safe to kill, rerun and overlap: articles are keyed by content hash, so a rerun skips
    what is done and summarizes what changed. Exit status: 0 nothing failed, 1 some
    articles failed (recorded with their reasons), 2 bad usage or setup, 75 another run
    holds --out. With --engine ray, --base-url may name several servers, comma-separated.
    """
    from rich.console import Console

    from summarizer.batch.provider_batch import BatchApiError, BatchRunningError
    from summarizer.batch.ray_engine import RayError
    from summarizer.batch.runner import LockedError, StoreError, run_batch
    from summarizer.console import printable

    pub = parse_date(published, "--published")
    options = replace(
        choice.run, concurrency=jobs, rate_limit=rate_limit, article_timeout=article_timeout
    )
    on_ray = engine is Engine.ray
    if address is not None and not on_ray:
        raise fail("--address is for --engine ray")
    if on_ray and provider_batch:
        raise fail("--provider-batch sends the requests itself; it takes no --engine ray")
    if not on_ray and "," in (choice.settings.base_url or ""):
        raise fail("--base-url: several URLs (a fleet) are for --engine ray")
    if on_ray and "-" in inputs:
        raise fail("--engine ray reads files; standard input ('-') is not one")
    sources = article_sources(inputs)
    console = Console(stderr=True, soft_wrap=True)
    try:
        report = run_batch(
            sources, out, choice.settings, options, pub, console,
            wait=wait, provider_batch=provider_batch, ray=on_ray, address=address,
        )  # fmt: skip
    except (LockedError, BatchRunningError) as err:
        sys.stderr.write(f"summarizer: {printable(str(err))}\n")
        raise typer.Exit(EXIT_LOCKED) from None
    except (StoreError, ConfigError, ModelError, BatchApiError, RayError) as err:
        raise fail(str(err)) from None
    for line in report.lines():
        console.print(line, highlight=False, markup=False)
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)
