"""`compare`: the summaries of several articles aligned into one `Comparison`."""

from __future__ import annotations

from summarizer.compare.model import Comparison, Source
from summarizer.schema import Summary


def sources_of(articles: list[tuple[Summary, str]]) -> list[Source]:
    """Each article as a source of the comparison, numbered in the order given."""
    return [
        Source(
            index=i,
            id=s.article.id,
            source=s.article.source,
            title=s.article.title,
            published=s.article.published,
            sha256=s.article.sha256,
            model=s.meta.model,
        )
        for i, (s, _) in enumerate(articles)
    ]


def compare(articles: list[tuple[Summary, str]]) -> Comparison:
    """Align grounded summaries, each given with its article text (what offsets index)."""
    return Comparison(sources=sources_of(articles))
