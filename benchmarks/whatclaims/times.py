"""The "time_changed" kind: a time of the sentence replaced by another the article names
that covers other days (not "Tuesday" for "this week", which holds it)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial
from typing import NamedTuple

from summarizer.reading.timeexpr import find_time, resolve_date

from .article import Article
from .edit import normalised, upper_first
from .sentences import Sent, off_event
from .syntax import phrase_head
from .words import BARE_TIMES, TIME_LABELS, TIME_PREP


def time_changed(c: Sent) -> str | None:
    """A time expression replaced by another of the article that names other days (not
    "Tuesday" for "this week", which holds it), with the preposition it takes."""
    times = _times(c.art)
    for own in sorted(times, key=lambda t: off_event(c, t.first)):
        if not c.first <= own.first < own.last <= c.end or c.quoted(own.first, own.last):
            continue
        lo = own.prep if own.prep is not None else own.first
        for new in sorted(times, key=partial(_time_rank, c, own)):
            if new.days[0] <= own.days[1] and own.days[0] <= new.days[1]:
                continue
            words = _time_words(c, own, new)
            if words is None or normalised(words) in normalised(c.source):
                continue
            if lo == c.first:
                words = upper_first(words)
            return c.render(c.splice(lo, own.last, [words], closing=False))
    return None


class _Time(NamedTuple):
    first: int
    last: int
    text: str
    shape: str  # find_time's pattern name
    days: tuple[date, date]
    prep: int | None  # the preposition in front of it ("on" Monday)


def _interval(value: str | None) -> tuple[date, date] | None:
    """The days an ISO 8601 value covers (a year, month, day or an interval)."""
    if not value or value.startswith("--"):
        return None
    try:
        if "/" in value:
            lo, hi = value.split("/")
            return date.fromisoformat(lo), date.fromisoformat(hi)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", value):
            y, m = map(int, value.split("-"))
            nxt = date(y + m // 12, m % 12 + 1, 1)
            return date(y, m, 1), nxt - timedelta(days=1)
        day = date.fromisoformat(value)
        return day, day
    except ValueError:
        return None


def _time_at(art: Article, first: int, last: int) -> _Time | None:
    """The time point tokens [first, last) name, if they are a whole time adverbial (not
    "the Thursday opening") that resolves to days."""
    a = art.a
    head = phrase_head(a, first, last)
    lo, hi = a.subtree_span(head)
    if (lo, hi) != (first, last) or a.deps[head] not in ("pobj", "npadvmod", "advmod", "tmod"):
        return None
    prep = a.heads[head] if a.deps[head] == "pobj" else None
    if prep is not None and prep != first - 1:
        return None
    text = a.text[a.starts[first] : a.ends[last - 1]]
    found = find_time(text)
    if found is None or ":" in text:
        return None
    shape, m = found
    if (shape not in TIME_PREP and shape not in BARE_TIMES) or len(m.group()) * 2 < len(text):
        return None
    if shape == "ago" and not re.search(r"\b(ago|from now)\b", text, re.IGNORECASE):
        return None  # "an hour later": after another event, not a date
    if shape == "rel" and re.search(r"(year|month|week|day)s$", text, re.IGNORECASE):
        return None  # "this years"
    days = _interval(resolve_date(text, art.published))
    return None if days is None else _Time(first, last, text, shape, days, prep)


def _times(art: Article) -> list[_Time]:
    found = [_time_at(art, e.first, e.last) for e in art.a.entities if e.label in TIME_LABELS]
    times = [t for t in found if t is not None]
    if art.dateline[1] and art.published:  # the publication date, as the dateline gives it
        text = art.text[art.dateline[0] : art.dateline[1]]
        day = (art.published, art.published)
        times.append(_Time(-1, -1, text, "mdy", day, None))
    return times


def _time_words(c: Sent, own: _Time, new: _Time) -> str | None:
    """The words that say `new` where `own` stood, with the preposition it takes: "on
    Monday", "in 2014", "last week" (none)."""
    a = c.a
    text = new.text
    if new.shape in BARE_TIMES:
        if own.prep is not None and a.lemmas[own.prep] not in ("on", "in", "at"):
            return None  # "since last week"
        named = find_time(text.split()[0]) is not None and text.split()[0].istitle()
        return text if named and new.shape == "rel" else text[:1].lower() + text[1:]
    if own.prep is None or a.lemmas[own.prep] in ("on", "in", "at"):
        return f"{TIME_PREP[new.shape]} {text}"
    return f"{a.word(own.prep)} {text}"


def _time_rank(c: Sent, own: _Time, other: _Time) -> tuple[bool, bool, int]:
    """Times that take the same preposition first, the dateline last, then the nearest."""
    same = TIME_PREP.get(other.shape) == TIME_PREP.get(own.shape)
    distance = abs(c.a.starts[max(other.first, 0)] - c.a.starts[c.first])
    return (not same, other.first < 0, distance)
