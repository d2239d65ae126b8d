"""`compare`: the summaries of several articles aligned into one `Comparison`."""

from __future__ import annotations

from summarizer.compare.entities import entity_rows
from summarizer.compare.keys import keys_for
from summarizer.compare.model import Comparison, Source
from summarizer.compare.numbers import number_rows
from summarizer.compare.quotes import match_quotes, voices
from summarizer.reading import parse
from summarizer.schema import Summary


def sources_of(summaries: list[Summary]) -> list[Source]:
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
        for i, s in enumerate(summaries)
    ]


def compare(articles: list[tuple[Summary, str]]) -> Comparison:
    """Align grounded summaries, each given with its article text (what offsets index).

    Sources are referred to by their position in `articles`. Each text is parsed once,
    for its quotes' words and its numbers."""
    summaries = [s for s, _ in articles]
    parses = [parse(text) for _, text in articles]
    keys = keys_for(summaries)  # one key space for the whole comparison
    entities = entity_rows(summaries, keys)
    by_source = [
        voices(i, s, a, keys) for i, (s, a) in enumerate(zip(summaries, parses, strict=True))
    ]
    return Comparison(
        sources=sources_of(summaries),
        entities=entities,
        quotes=match_quotes(by_source),
        numbers=number_rows(parses),
    )
