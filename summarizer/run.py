"""A summarize run over many articles: read them all, start the model once, go through
them one by one, and keep going when one fails.

Bad input is found before the model starts (reading is cheap, starting a model is not),
and each failure is one line naming the article; the others are still summarised.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

import openai
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.config import Settings, local_model_name, parse_mode, resolve_endpoint
from summarizer.inputs import Article, InputError, read_article
from summarizer.providers.client import Endpoint, TransportPolicy, structured_client
from summarizer.providers.models import resolve
from summarizer.providers.server import local_server
from summarizer.schema import Summary
from summarizer.summarize import Options, SummarizeError, summarize_article

log = logging.getLogger("summarizer")


@dataclass
class Report:
    """What a run did: summaries made, and (source, reason) for each failure."""

    done: list[Summary] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


@contextlib.contextmanager
def open_endpoint(settings: Settings) -> Iterator[Endpoint]:
    """The configured endpoint, or the embedded model's server for as long as needed."""
    remote = resolve_endpoint(settings)
    if remote is not None:
        yield remote
        return
    model = resolve(local_model_name(settings))
    with local_server(model) as server:
        yield Endpoint(
            base_url=server.base_url,
            model=server.model,
            provider="local",
            mode=parse_mode(settings.mode),
            timeout=settings.timeout or 600.0,
        )


def _failed(report: Report, console: Console, source: str, reason: str) -> None:
    report.failed.append((source, reason))
    console.print(f"summarizer: error: {source}: {reason}", markup=False, highlight=False)


def _progress(total: int, console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]summarizing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=total < 2,
        transient=True,
    )


def run(
    sources: list[str],
    settings: Settings,
    options: Options,
    published: date | None,
    on_summary: Callable[[Summary], None],
    console: Console,
) -> Report:
    """Summarise every source; call `on_summary` as each one is done."""
    report = Report()
    articles: list[Article] = []
    for source in sources:
        try:
            articles.append(read_article(source))
        except InputError as err:
            _failed(report, console, source, err.reason)
    if not articles:
        return report
    with open_endpoint(settings) as endpoint, _progress(len(articles), console) as bar:
        client = structured_client(endpoint, TransportPolicy())
        task = bar.add_task("", total=len(articles))
        for article in articles:
            bar.update(task, description=article.id)
            try:
                summary = summarize_article(client, endpoint, article, published, options)
            except (SummarizeError, openai.APIError) as err:
                reason = f"model error: {err}"
                report.failed.append((article.source, reason))
                console.print(
                    f"summarizer: error: {article.source}: {reason}", markup=False, highlight=False
                )
            else:
                report.done.append(summary)
                on_summary(summary)
            bar.advance(task)
    return report
