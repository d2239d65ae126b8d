"""The main event marked: which who, where and when items belong to the event `what`
states, as the sentences that tell it give them.

With a model, rule 5 chose the sentences that state `what` (its evidence); with none, the
lead tells the main event: the body's first sentence (`lead`). An item is the main event's
when those sentences name it: its actor, those it acts on, its place and its time are named
where it is told. The body's next sentence adds its places and times (a lead's second
sentence often gives the day or the place: "On Monday, he said …"), and its parties only
when the first named none. A time is the event's only as a point in time: "twelve years" or "a
month" is how long, not when. Main items are put first; the others are "also named".
"""

from __future__ import annotations

from typing import TypeVar

from summarizer.grounding.locate import locations
from summarizer.reading import Reading
from summarizer.reading.timeexpr import find_time
from summarizer.schema import Summary, When, Where, Who

Item = TypeVar("Item", Who, Where, When)
Spans = list[tuple[int, int]]


def _named_in(reading: Reading, item: Who | Where | When, spans: Spans) -> bool:
    """Whether the article names `item` inside one of `spans`."""
    if item.start is not None and any(s <= item.start < e for s, e in spans):
        return True
    found = locations(reading.index, item.text, fold=True, fuzzy=False)
    return any(s <= at.start and at.end <= e for at in found for s, e in spans)


def _next_sentence(reading: Reading, spans: Spans) -> Spans:
    """The body's sentence after the first of `spans` (the one that states the event), when
    `spans` do not have it already."""
    first = min(e for _, e in spans)
    for start, end in reading.sentences:
        if start >= first:
            fresh = reading.structure.in_body(start) and (start, end) not in spans
            return [(start, end)] if fresh else []
    return []


def _point_in_time(item: Who | Where | When) -> bool:
    """Not a duration ("twelve years") nor a bare unit of time ("a month")."""
    if not isinstance(item, When):
        return True
    found = find_time(item.text)
    return found is not None and found[0] not in ("span", "noun")


def _mark(reading: Reading, items: list[Item], spans: Spans, then: Spans) -> list[Item]:
    """Mark `items` named in `spans`, or in `then` too: the sentence after, for a place
    or a time always, for a party only when `spans` name none."""
    main = [_point_in_time(i) and _named_in(reading, i, spans) for i in items]
    if then and (not any(main) or not isinstance(items[0], Who)):
        more = [_point_in_time(i) and _named_in(reading, i, then) for i in items]
        main = [a or b for a, b in zip(main, more, strict=True)]
    marked = [i.model_copy(update={"main": m}) for i, m in zip(items, main, strict=True)]
    return [i for i in marked if i.main] + [i for i in marked if not i.main]


def lead(reading: Reading) -> Spans:
    """The lead: the first sentence of the news body (a dateline before it included)."""
    structure = reading.structure
    for start, end in reading.sentences:
        if structure.in_body(start) and len(reading.text[start:end].split()) > 3:
            return [(start, end)]
    return []


def evidence_of(summary: Summary) -> Spans:
    """The spans of the sentences that state `what` (rule 5's evidence)."""
    what = summary.what
    if what is None or what.summary is None:
        return []
    return [(e.start, e.end) for e in what.evidence if e.start is not None and e.end]


def marked(reading: Reading, summary: Summary, spans: Spans) -> Summary:
    """`summary` with the who, where and when items that `spans` (the sentences that tell
    the main event) name marked main and put first."""
    if not spans:
        return summary
    then = _next_sentence(reading, spans)
    return summary.model_copy(
        update={
            "who": _mark(reading, summary.who, spans, then),
            "where": _mark(reading, summary.where, spans, then),
            "when": _mark(reading, summary.when, spans, then),
        }
    )
