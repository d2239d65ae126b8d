"""Every kind of claim for each event sentence of an article, less those that are no test:
an edit that changed nothing, and a wrong claim the article states word for word."""

from __future__ import annotations

from collections.abc import Callable

from .edit import normalised
from .factuality import modality, negated
from .model import KEEP_KINDS, REFUSE_KINDS, Claim
from .numbers import number_changed
from .parties import actor_replaced, object_replaced, role_swap
from .places import place_changed
from .read import read_article
from .reworded import passive, reordered
from .sentences import Sent, event_sentences
from .shortened import shortened
from .times import time_changed


def _true(c: Sent) -> str | None:
    return c.source


_MAKERS: dict[str, Callable[[Sent], str | None]] = {
    "true": _true,
    "shortened": shortened,
    "reordered": reordered,
    "passive": passive,
    "role_swap": role_swap,
    "actor_replaced": actor_replaced,
    "negated": negated,
    "modality": modality,
    "time_changed": time_changed,
    "place_changed": place_changed,
    "number_changed": number_changed,
    "object_replaced": object_replaced,
}


def claims(article_id: str, text: str, per_article: int = 6) -> list[Claim]:
    """Labelled claims about up to `per_article` event sentences of the article."""
    art = read_article(article_id, text)
    out: list[Claim] = []
    for sent in event_sentences(art, per_article):
        source = sent.source
        start, end = sent.a.starts[sent.first], sent.a.ends[sent.end]
        for kind, make in _MAKERS.items():
            claim = make(sent)
            if not claim:
                continue
            same = normalised(claim) == normalised(source)
            if (kind != "true" and same) or (kind in REFUSE_KINDS and art.states(claim)):
                continue
            expect = "keep" if kind in KEEP_KINDS else "refuse"
            out.append(Claim(article_id, kind, claim, source, start, end, expect))
    return out
