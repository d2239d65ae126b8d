"""The main event marked: which who, where and when items belong to the event `what`
states, as the sentences that tell it give them.

With a model, rule 5 chose the sentences that state `what` (its evidence); with none, the
lead tells the main event: the body's first sentence (`lead`). An item is the main event's
when those sentences name it: its actor, those it acts on, its place and its time are named
where it is told. The body's next sentence adds its places and times (a lead's second
sentence often gives the day or the place: "On Monday, he said …"), and its parties only
when the first named none. The lead's dateline places the event too, whichever sentence
tells it ("Evansville, Indiana - …": a dateline says where the story happens). A time is the
event's only as a point in time: "twelve years" or "a month" is how long, not when. Main
items are put first; the others are "also named".
"""

from __future__ import annotations

from typing import TypeVar

from summarizer.grounding.eventparties import actors
from summarizer.grounding.eventtime import gives_the_day, point_in_time
from summarizer.grounding.mentioned import (
    AT,
    LOCALE,
    Located,
    Spans,
    head_of,
    in_dateline,
    item_key,
    located_items,
    root_of,
    within,
)
from summarizer.reading import Reading
from summarizer.reading.structure import dateline_end
from summarizer.schema import Summary, When, Where, Who

Item = TypeVar("Item", Who, Where, When)


def _where_it_happens(reading: Reading, start: int, end: int) -> bool:
    """A place mentioned as where something happens: after a preposition of place ("off
    the coast of Aceh"), as the locale of a thing named ("the Hong Kong election", "Mecca's
    Grand Mosque"), or in a dateline before the lead's dash ("Taipei, Taiwan — …"); not as
    an actor ("Sweden beat …") nor as an origin ("seekers from Myanmar")."""
    a = reading.parse
    if in_dateline(reading, start):
        return True
    if a.deps[root_of(reading, start, end)] in LOCALE:
        return True
    t = head_of(reading, start, end)
    return a.deps[t] == "pobj" and a.lemmas[a.heads[t]] in AT


_CITING = frozenset(["quote", "cite"])  # "quoting the news agency KCNA"


def _a_source(reading: Reading, start: int, end: int) -> bool:
    """A name given only as the source of the report ("according to the Civil Defense
    Authority", "quoting the news agency KCNA"), not as a party of the event."""
    a = reading.parse
    t = head_of(reading, start, end)
    up = a.heads[t]
    if a.deps[t] == "dobj" and a.lemmas[up] in _CITING:
        return True
    return a.deps[t] == "pobj" and a.lemmas[up] == "to" and a.lemmas[a.heads[up]] == "accord"


def _named_in(reading: Reading, item: Who | Where | When, located: Spans, spans: Spans) -> bool:
    """Whether the sentences of `spans` name `item` (`located`: its mentions) as a part of
    their event: a party (not only a source), a place where it happens, a point in time."""
    found = within(located, spans)
    if isinstance(item, Where):
        return any(_where_it_happens(reading, s, e) for s, e in found)
    if isinstance(item, Who):
        return any(not _a_source(reading, s, e) for s, e in found)
    return bool(found) and point_in_time(item.text)


def _next_sentence(reading: Reading, spans: Spans) -> Spans:
    """The body's sentence after the first of `spans` (the one that states the event), when
    `spans` do not have it already."""
    first = min(e for _, e in spans)
    for start, end in reading.sentences:
        if start >= first:
            fresh = reading.structure.in_body(start) and (start, end) not in spans
            return [(start, end)] if fresh else []
    return []


def _needs_more(items: list[Item], main: list[bool]) -> bool:
    """Whether the sentence after may add to what `main` marks: places always; parties
    only when none is marked; times unless one marked gives the day ("On Tuesday, …":
    the next sentence's "on April 12, 1981" is another event's; "this week" is refined
    by the next sentence's "On Monday")."""
    if not items or isinstance(items[0], Where):
        return True
    if isinstance(items[0], Who):
        return not any(main)
    return not any(m and gives_the_day(i.text) for i, m in zip(items, main, strict=True))


def _mark(
    reading: Reading, located: Located, items: list[Item], spans: Spans, then: Spans
) -> list[Item]:
    """Mark `items` named in `spans`, or in `then` too, the sentence after
    (`_needs_more`)."""
    found = [located[item_key(i)] for i in items]
    main = [_named_in(reading, i, f, spans) for i, f in zip(items, found, strict=True)]
    if then and _needs_more(items, main):
        more = [_named_in(reading, i, f, then) for i, f in zip(items, found, strict=True)]
        main = [a or b for a, b in zip(main, more, strict=True)]
    if not any(main) and items and isinstance(items[0], Where):  # no other place given:
        main = [bool(within(f, spans)) for f in found]  # "a boy from Irving"
    marked = [i.model_copy(update={"main": m}) for i, m in zip(items, main, strict=True)]
    return [i for i in marked if i.main] + [i for i in marked if not i.main]


def lead(reading: Reading) -> Spans:
    """The lead: the first sentence of the news body (a dateline before it included)."""
    structure = reading.structure
    for start, end in reading.sentences:
        if structure.in_body(start) and len(reading.text[start:end].split()) > 3:
            return [(start, end)]
    return []


def _dateline(reading: Reading) -> Spans:
    """The lead's dateline, when it opens with one ("Evansville, Indiana, United States -
    This past week …"): a story's dateline says where it happens, so its places are the
    main event's whichever sentence states `what`."""
    opening = lead(reading)
    if not opening:
        return []
    a = reading.parse
    start = opening[0][0]
    tokens = a.sentence_tokens(a.sentence_of(a.token_at(start)))
    end = dateline_end(a, tokens)
    return [(start, a.ends[end - 1])] if end > tokens.start else []


def evidence_of(reading: Reading, summary: Summary) -> Spans:
    """The body's sentences that state `what` (rule 5's evidence); the lead when only the
    furniture does (a `what` that copies the headline: the lead tells the same event)."""
    what = summary.what
    if what is None or what.summary is None:
        return []
    spans = [(e.start, e.end) for e in what.evidence if e.start is not None and e.end]
    in_body = [(s, e) for s, e in spans if reading.structure.in_body(s)]
    return in_body or (lead(reading) if spans else [])


def marked(reading: Reading, summary: Summary, spans: Spans) -> Summary:
    """`summary` with the who, where and when items that `spans` (the sentences that tell
    the main event) name marked main and put first, with the places of the lead's dateline;
    places that act in them are its parties (`eventparties.actors`)."""
    if not spans:
        return summary
    then = _next_sentence(reading, spans)
    located = located_items(reading, summary)
    summary = actors(reading, located, summary, spans, then)
    return summary.model_copy(
        update={
            "who": _mark(reading, located, summary.who, spans, then),
            "where": _mark(reading, located, summary.where, spans + _dateline(reading), then),
            "when": _mark(reading, located, summary.when, spans, then),
        }
    )
