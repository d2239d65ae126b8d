"""The article's structure: its news body told from its furniture.

Plain text keeps no markup, so the cues are those of layout, as a reader sees them: the
first line is the headline when it reads as one (short, no full stop); a line that repeats
an earlier one is furniture; a short line with no full stop inside the body is a
subheading; a date alone, a byline, a view count and a caption with its credit ("Image:
…") are furniture; so are link lines ("ALSO READ: …", "Read more"), newsletter, cookie
and share boilerplate, and every line after a "Sources" or "References" heading (the list
that ends a story cites other pages). Everything else is body. Candidates propose names
from the body (a headline's name counts where the body names it too), the text's `what`
comes from the body, and the HTML view can show the furniture as such.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from summarizer.reading.analysis import Analysis
from summarizer.reading.timeexpr import find_time

Kind = Literal[
    "headline", "subheading", "dateline", "byline", "caption", "link", "boilerplate", "body"
]

HEADLINE_WORDS = 20  # a headline or subheading is shorter than this
# Link lines and boilerplate, by how they begin: other stories, not this one's news.
_LINK = re.compile(
    r"^\s*(also read|read more|read also|see also|related( stories| articles)?\b|more from|"
    r"recommended|show all|click here|watch:|listen:|trending|top stories|most read)",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(sign up|subscribe|join our|follow us|share (this|on)|newsletter|we use cookies|"
    r"this (site|website) uses cookies|accept (all )?cookies|all rights reserved|copyright|©|"
    r"advertisement|\d[\d,.]*k? (views|shares|comments)\b)",
    re.IGNORECASE,
)
# The heading of the list of sources or links that ends a story.
_SOURCES = re.compile(
    r"^\s*(sources?|references|external links|related news|further reading)\s*:?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(by|reporting by|written by|edited by)\s+[A-Z]", re.IGNORECASE)
_CREDIT = re.compile(r"\b(Image|Photo|Photograph|Video|Credit|Picture)s?:\s", re.IGNORECASE)
_OPENING_MARKS = frozenset("\"“‘«„'")
_END = re.compile(r"[.!?…][\"'\u201d\u2019)\]]*\s*$")


@dataclass(frozen=True)
class Part:
    """One paragraph (line) of the article: its span and what it is."""

    start: int
    end: int
    kind: Kind


@dataclass(frozen=True)
class Structure:
    """The article's paragraphs in order, each with its kind."""

    parts: list[Part]

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.parts]  # once, not at each call (quadratic in all)

    def kind_at(self, offset: int) -> Kind:
        """The kind of the paragraph that holds character `offset` ("body" between them)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.parts[i].end:
            return self.parts[i].kind
        return "body"

    def in_body(self, offset: int) -> bool:
        return self.kind_at(offset) == "body"

    @property
    def headline(self) -> Part | None:
        return next((p for p in self.parts if p.kind == "headline"), None)


def _title_like(line: str) -> bool:
    """A line set as a title: no full stop at its end, and short."""
    words = line.split()
    return 0 < len(words) < HEADLINE_WORDS and not _END.search(line)


def _only_a_date(text: str) -> bool:
    """A line that is a date and nothing else ("Wednesday, September 7, 2016")."""
    hit = find_time(text)
    if hit is None:
        return False
    rest = text[: hit[1].start()] + text[hit[1].end() :]
    words = [w for w in re.split(r"[\W_]+", rest) if w]
    return all(w.lower() in _WEEKDAYS for w in words)


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _kind(line: str, first: bool, seen: set[str]) -> Kind:
    text = line.strip()
    if text.casefold() in seen:
        return "headline"  # repeated: a title set twice
    if _LINK.search(text):
        return "link"
    if _BOILERPLATE.search(text):
        return "boilerplate"
    if _CREDIT.search(text):
        return "caption"
    if _BYLINE.search(text) and len(text.split()) <= 8:
        return "byline"
    if text[:1] in _OPENING_MARKS:
        return "body"  # a pull quote ("“…” - Matthew Ingram"): speech of this story
    if _title_like(text) and _only_a_date(text):
        return "dateline"
    if text.endswith(":") and not _SOURCES.match(text):
        return "body"  # it introduces what follows: "…, the Church denied these allegations:"
    if _title_like(text):
        return "headline" if first else "subheading"
    return "body"


def structure_of(text: str) -> Structure:
    """The structure of `text` (see the module docstring)."""
    parts: list[Part] = []
    seen: set[str] = set()
    offset = 0
    first, sources = True, False
    for line in text.split("\n"):
        if line.strip():
            kind = _kind(line, first, seen)
            if sources:  # a list of sources ends the story: its lines cite other pages
                kind = "link"
            elif kind == "subheading":
                sources = bool(_SOURCES.match(line))
            parts.append(Part(offset, offset + len(line), kind))
            seen.add(line.strip().casefold())
            first = False
        offset += len(line) + 1
    return Structure(parts)


_DATELINE_DASHES = ("\u2013", "\u2014", "--")  # a hyphen joins words ("concert-like")


def dateline_end(a: Analysis, tokens: range) -> int:
    """The first token after a dateline that opens a sentence ("KYIV, Ukraine (AP) —",
    "Evansville, Indiana - This week"), else the sentence's first token."""
    for i in tokens[:10]:
        dashed = a.word(i) in _DATELINE_DASHES or (a.word(i) == "-" and spaced(a, i))
        if dashed and not any(a.pos[j] == "VERB" for j in range(tokens.start, i)):
            return i + 1
    return tokens.start


def spaced(a: Analysis, i: int) -> bool:
    """Whether token `i` stands between spaces (a dash), not inside a word ("concert-like")."""
    return 0 < i < len(a) - 1 and a.ends[i - 1] < a.starts[i] and a.ends[i] < a.starts[i + 1]
