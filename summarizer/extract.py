"""A summary from the text alone (`--model none`): what the article's own parse proposes.

Names from spaCy's entities (people and organisations in `who`, places in `where`), one
item per entity, merged by name key ("Zelenskyy" with "Volodymyr Zelenskyy", written as
the article's fullest name); times as our time-expression rules find them inside spaCy's
date and time entities ("Monday", not "Monday in a video address"); and every direct
quotation to which attribution gives a speaker. No `what`: writing it needs a model. The
result is grounded like any summary, so it carries offsets and speaker checks.
"""

from __future__ import annotations

import time
from datetime import date

from summarizer.config import NO_MODEL, TEXT_PROVIDER
from summarizer.grounding import ground
from summarizer.grounding.attribution import attributor_of
from summarizer.grounding.cast import cast_of
from summarizer.grounding.names import KeyBook, name_key, name_words
from summarizer.grounding.timeexpr import find_time
from summarizer.inputs import Article
from summarizer.schema import Meta, Quote, Summary, When, Where, Who
from summarizer.text import Analysis, analyse

WHO_LABELS = frozenset(["PERSON", "ORG"])
WHERE_LABELS = frozenset(["GPE", "LOC", "FAC"])
TIME_LABELS = frozenset(["DATE", "TIME"])


def _names(a: Analysis, labels: frozenset[str]) -> list[str]:
    """One name per entity of `labels`, in order of first mention, fullest form kept."""
    book = KeyBook()
    fullest: dict[str, str] = {}
    for e in a.entities:
        if e.label not in labels:
            continue
        name = a.text[e.start : e.end].removeprefix("the ").removesuffix("'s")
        key = name_key(name)
        if not key:
            continue
        known = book.find(key)
        if known is None:
            book.add(key)
            fullest[key] = name
        elif len(name_words(name)) > len(name_words(fullest[known])):
            fullest[known] = name
    return list(fullest.values())


def _times(a: Analysis) -> list[str]:
    found: dict[str, None] = {}
    for e in a.entities:
        if e.label in TIME_LABELS and (hit := find_time(a.text[e.start : e.end])):
            found[hit[1].group()] = None
    return list(found)


def _quotes(a: Analysis) -> list[Quote]:
    cast = cast_of(a)
    attributions = attributor_of(cast)
    quotes = []
    for i, region in enumerate(cast.regions):
        speaker = attributions.attribution(i).speaker
        # "…rightful,” he said": the comma belongs to the sentence around the quote.
        body = a.text[region.start : region.end].strip().rstrip(",")
        if speaker is not None and body:
            quotes.append(Quote(text=body, speaker=speaker.name))
    return quotes


def text_summary(article: Article, published: date | None = None) -> Summary:
    """The grounded summary the article's text gives without a model."""
    started = time.monotonic()
    a = analyse(article.text)
    draft = Summary(
        who=[Who(text=n) for n in _names(a, WHO_LABELS)],
        where=[Where(text=n) for n in _names(a, WHERE_LABELS)],
        when=[When(text=t) for t in _times(a)],
        quotes=_quotes(a),
        article=article.info(published),
    )
    grounded = ground(article.text, draft)
    meta = Meta(
        model=NO_MODEL,
        provider=TEXT_PROVIDER,
        attempts=0,
        seconds=round(time.monotonic() - started, 3),
    )
    return grounded.model_copy(update={"meta": meta})
