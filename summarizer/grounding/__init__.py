"""Grounding: the rules that judge a summary's claims against the article's reading.

The one-article path grounds its draft on the reading it built (`ground_draft`); `ground`
is the public entry for a summary made elsewhere (`summarizer check`, the Python API),
and builds the reading itself.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from threading import Lock
from typing import Any

from summarizer.grounding.mainevent import evidence_of, marked
from summarizer.grounding.rules import ground_draft, merge_duplicates
from summarizer.reading import Reading, reading_of
from summarizer.schema import FIELDS, Draft, Summary

# The one cache of readings, at the public entry: a caller that grounds many summaries of
# one article (claim by claim, as the benchmarks and a validation service do) reads it once.
_KEPT = 8
_readings: OrderedDict[str, Reading] = OrderedDict()
_lock = Lock()


def _reading(text: str) -> Reading:
    with _lock:
        if (hit := _readings.get(text)) is not None:
            _readings.move_to_end(text)
            return hit
    reading = reading_of(text)
    with _lock:
        _readings[text] = reading
        while len(_readings) > _KEPT:
            _readings.popitem(last=False)
    return reading


def ground(article: str | Reading, summary: Summary | Mapping[str, Any]) -> Summary:
    """Ground `summary` in the article (its text, or its reading): the summary with only
    what the article says.

    `summary` is a `Summary` or a plain dict in the v1 format; offsets in it are ignored
    and recomputed. Rejections already in it are kept.
    """
    given = summary if isinstance(summary, Summary) else Summary.model_validate(summary)
    reading = article if isinstance(article, Reading) else _reading(article)
    grounded = ground_draft(reading, Draft.of(given))
    grounded = marked(reading, grounded, evidence_of(reading, grounded))
    update = {name: getattr(grounded, name) for name in (*FIELDS, "rejected")}
    article_info = given.article.model_copy(update={"sha256": reading.sha256})
    return given.model_copy(update=update | {"article": article_info})


__all__ = ["ground", "ground_draft", "merge_duplicates"]
