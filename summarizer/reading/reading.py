"""`Reading`: one article chunk read once, and handed to every step that needs it.

Candidates, prompting, the answer's join, evidence and grounding all look at the same
things: the parse (sentences, tokens, entities), the normalised views claims are located
in, the cast with its quotation regions and narrated mentions, and whom the text gives
each quotation. They are built here, once per chunk, and passed along explicitly: no step
re-reads the text, and no cache keyed on it stands in for the object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from summarizer.reading.analysis import Analysis, parse
from summarizer.reading.attribution import Attributor
from summarizer.reading.cast import Cast, build_cast
from summarizer.reading.entitytypes import TypeBook
from summarizer.reading.events import Event, events_in
from summarizer.reading.quotations import Region
from summarizer.reading.structure import Structure, structure_of
from summarizer.reading.textindex import ArticleIndex


@dataclass(frozen=True, eq=False)
class Reading:
    """What the text itself says, for one article chunk (see the module docstring)."""

    text: str
    parse: Analysis  # spaCy's parse as plain arrays: tokens, sentences, entities
    index: ArticleIndex  # normalised views with offset maps, for locating claims
    cast: Cast  # people and organisations, mentions merged; quotation regions
    attributions: Attributor  # whom the text gives each quotation, worked out on demand
    structure: Structure  # the news body told from its furniture (headline, captions, …)

    @property
    def sha256(self) -> str:
        """Of the UTF-8 text, which every offset indexes."""
        return self.parse.sha256

    @property
    def regions(self) -> list[Region]:
        """The article's quotations, in text order."""
        return self.cast.regions

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """The parser's sentences as character spans: the one splitter of a parsed text."""
        return list(self.parse.sentences)

    @cached_property
    def types(self) -> TypeBook:
        """What each name names (person, organisation, place, thing, phrase) and the
        evidence for it: candidates file names by it, and grounding's type rule reads it."""
        return TypeBook(self.parse)

    @cached_property
    def events(self) -> list[list[Event]]:
        """Each sentence's events, in order (rule 5 compares a summary's with them); read
        on first use, as only a `what` needs them."""
        a = self.parse
        out = []
        for s in range(len(a.sent_first)):
            tokens = a.sentence_tokens(s)
            out.append(events_in(a, tokens.start, tokens.stop))
        return out

    @property
    def people(self) -> frozenset[str]:
        """Name keys of the people the article names."""
        return self.cast.people


def reading_of(text: str, parsed: Analysis | None = None) -> Reading:
    """Read `text` once; `parsed` is its parse when one was made already (in a worker
    process while the request waited)."""
    analysis = parsed if parsed is not None and parsed.text == text else parse(text)
    cast = build_cast(analysis)
    return Reading(text, analysis, ArticleIndex(text), cast, Attributor(cast), structure_of(text))
