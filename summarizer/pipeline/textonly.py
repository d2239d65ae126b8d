"""A summary from the text alone (`--model none`): what the article's reading proposes.

Everything the text proposes (`candidates`): people and organisations in `who`, places in
`where`, time expressions in `when`, one item per entity, and every direct quotation to
which attribution gives a speaker; `what` is the article's main-event sentence, shortened
(`textwhat`). The result is grounded like any summary, so it carries offsets and speaker
checks.
"""

from __future__ import annotations

import time
from datetime import date

from summarizer.grounding import ground_draft
from summarizer.grounding.mainevent import lead, marked
from summarizer.inputs import Article
from summarizer.pipeline.candidates import propose
from summarizer.pipeline.join import draft_of
from summarizer.pipeline.textwhat import text_what
from summarizer.reading import Analysis, reading_of
from summarizer.schema import Meta, Summary

NO_MODEL = "none"  # --model none: a summary from the text alone
TEXT_PROVIDER = "text"


def text_summary(
    article: Article, published: date | None = None, parsed: Analysis | None = None
) -> Summary:
    """The grounded summary the article's text gives without a model: every candidate in
    the field its label proposes, every quotation attribution gives a speaker. `parsed`:
    the article's parse, when one was made already."""
    started = time.monotonic()
    reading = reading_of(article.text, parsed)
    info = article.info(published)
    draft = draft_of(None, propose(reading))
    draft.published = info.published
    written = text_what(reading)  # grounded already, by rule 5
    grounded = ground_draft(reading, draft)
    meta = Meta(
        model=NO_MODEL,
        provider=TEXT_PROVIDER,
        attempts=0,
        seconds=round(time.monotonic() - started, 3),
        what_source="text" if written is not None else None,
    )
    summary = marked(reading, grounded.model_copy(update={"what": written}), lead(reading))
    return summary.model_copy(update={"article": info, "meta": meta})
