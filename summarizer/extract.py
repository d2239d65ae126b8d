"""A summary from the text alone (`--model none`): what the article's own parse proposes.

Everything the text proposes (`candidates`): people and organisations in `who`, places in
`where`, time expressions in `when`, one item per entity, and every direct quotation to
which attribution gives a speaker. No `what`: writing it needs a model. The result is
grounded like any summary, so it carries offsets and speaker checks.
"""

from __future__ import annotations

import time
from datetime import date

from summarizer.candidates import propose
from summarizer.config import NO_MODEL, TEXT_PROVIDER
from summarizer.grounding import ground
from summarizer.inputs import Article
from summarizer.picks import draft_of
from summarizer.schema import Meta, Summary
from summarizer.text import analyse


def text_summary(article: Article, published: date | None = None) -> Summary:
    """The grounded summary the article's text gives without a model: every candidate in
    the field its label proposes, every quotation attribution gives a speaker."""
    started = time.monotonic()
    draft = draft_of(None, propose(analyse(article.text)))
    draft.article = article.info(published)
    grounded = ground(article.text, draft)
    meta = Meta(
        model=NO_MODEL,
        provider=TEXT_PROVIDER,
        attempts=0,
        seconds=round(time.monotonic() - started, 3),
    )
    return grounded.model_copy(update={"meta": meta})
