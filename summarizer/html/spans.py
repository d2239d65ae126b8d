"""Offsets into a text → properly nested HTML elements, the text escaped.

Highlights overlap: a name inside a quote, a quote inside an evidence sentence, a speaker
mention that runs across the end of a name. HTML elements must nest, so the text is cut at
every span boundary and each span becomes one or more elements: where two spans cross, the
inner one is closed at the other's end and opened again after it (a *continuation*
fragment). Only a span's first fragment carries its `id`; every fragment carries the rest
of its attributes, so a reader (or a test) can join a span's fragments by `data-item`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """`text[start:end]` wrapped in `<tag ...attrs>`. Of two spans over the same range, the
    one of lower `rank` is outside. `ident` is the first fragment's `id`."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    rank: int = 0
    ident: str | None = None


def _open(span: Span, first: bool) -> Markup:
    attrs = list(span.attrs)
    if first and span.ident:
        attrs.insert(0, ("id", span.ident))
    if not first:
        attrs.append(("data-cont", "1"))
    rendered = Markup("").join(Markup(' {}="{}"').format(name, value) for name, value in attrs)
    return Markup("<{}{}>").format(Markup(span.tag), rendered)


def _close(span: Span) -> Markup:
    return Markup("</{}>").format(Markup(span.tag))


def usable(spans: Iterable[Span], length: int) -> list[Span]:
    """The spans that cover some of a text of `length` characters, in opening order: by
    start, the longer first, then by rank. Empty or out-of-range spans are dropped."""
    kept = [s for s in spans if 0 <= s.start < s.end <= length]
    return sorted(kept, key=lambda s: (s.start, -s.end, s.rank))


def nest(text: str, spans: Sequence[Span]) -> Markup:
    """`text`, escaped, with every span as properly nested elements."""
    ordered = usable(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in ordered), *(s.end for s in ordered)})
    starting: dict[int, list[Span]] = {}
    for span in ordered:
        starting.setdefault(span.start, []).append(span)
    out: list[Markup] = []
    stack: list[Span] = []
    for here, nxt in itertools.pairwise(cuts):
        _close_at(here, stack, out)
        for span in starting.get(here, []):
            out.append(_open(span, first=True))
            stack.append(span)
        out.append(escape(text[here:nxt]))
    _close_at(len(text), stack, out)
    return Markup("").join(out)


def _close_at(here: int, stack: list[Span], out: list[Markup]) -> None:
    """Close the spans that end at `here`; spans opened inside them that go on past `here`
    are closed with them and opened again, as continuations."""
    ending = [i for i, span in enumerate(stack) if span.end == here]
    if not ending:
        return
    lowest = ending[0]
    above = stack[lowest:]
    del stack[lowest:]
    out.extend(_close(span) for span in reversed(above))
    for span in above:
        if span.end != here:
            out.append(_open(span, first=False))
            stack.append(span)
