"""The comparison contract, version 1: what `summarizer compare` promises its readers.

Like the summary's `schema_version`, `compare_version` changes only when a field changes
meaning or goes away. Everything a reader needs to show the comparison is here, offsets
included, so a view (Markdown, HTML) needs the article texts and nothing else: sources are
referred to by their index in `sources`, offsets are into that source's article text
(Python string indices, as in the summary).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

COMPARE_VERSION: Literal[1] = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """One compared article: where it came from and how it was summarised."""

    index: int = Field(description="Position in `sources`; what `source` fields refer to.")
    id: str | None = None
    source: str | None = Field(default=None, description="The file or URL it was read from.")
    title: str | None = None
    published: date | None = None
    sha256: str | None = Field(default=None, description="Of the UTF-8 text offsets index.")
    model: str | None = Field(default=None, description="The summary's model ('none': text).")


class Mention(_Model):
    """An item of one source's summary: its text and where the article says it."""

    source: int
    text: str
    start: int | None = None
    end: int | None = None


class EntityKind(StrEnum):
    who = "who"
    where = "where"
    when = "when"


class EntityRow(_Model):
    """One entity (person, organisation, place, time) across the sources that mention it."""

    kind: EntityKind
    key: str = Field(description="What identifies it: a name key, or an ISO date for times.")
    name: str = Field(description="How to show it: the fullest name, or the first time text.")
    date: str | None = Field(default=None, description="For times: the resolved ISO date.")
    sources: list[int] = Field(description="Indices of the sources that mention it, sorted.")
    mentions: list[Mention]


class QuoteRef(_Model):
    """A quote of one source's summary, with its offsets and speaker."""

    source: int
    index: int = Field(description="Position in that source summary's `quotes`.")
    text: str
    start: int | None = None
    end: int | None = None
    speaker: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_check: Literal["verified", "unverified"] | None = None


class QuoteLabel(StrEnum):
    """How two renderings of a quotation differ, from closest to loosest; `one_source`:
    no other source has it."""

    identical = "identical"
    typography = "typography"  # quote marks, dashes, case, white space, punctuation
    fragment = "fragment"  # one is contained in the other
    reworded = "reworded"  # the same speech in other words
    different_speakers = "different_speakers"  # the same words, given to someone else
    one_source = "one_source"


class DiffOp(_Model):
    """One step of the word-level diff from quote `a` to quote `b`."""

    op: Literal["equal", "insert", "delete"]
    text: str


class QuoteMatch(_Model):
    """A pair of quotes that render one speech (`b` set), or a quote alone (`b` None,
    label `one_source`). With more than two sources a quote can be in several pairs."""

    label: QuoteLabel
    a: QuoteRef
    b: QuoteRef | None = None
    same_speaker: bool | None = Field(default=None, description="Speakers share a name key.")
    similarity: float | None = Field(
        default=None, description="0-100, of the normalised words (rapidfuzz)."
    )
    diff: list[DiffOp] = Field(default_factory=list, description="Words, from `a` to `b`.")


class NumberMention(_Model):
    """A number one source states, with what it counts."""

    source: int
    text: str = Field(description="The number as written, with its noun: '12 people'.")
    value: float
    start: int
    end: int
    sentence: str = Field(description="The sentence it is in, for context.")


class NumberRow(_Model):
    """What one number counts, across the sources that state it; `differs` when they
    state different values."""

    key: str = Field(description="What is counted: the noun's lemma, with its qualifier.")
    differs: bool
    values: dict[int, list[float]] = Field(description="Source index to the values it states.")
    mentions: list[NumberMention]


class Comparison(_Model):
    """Several summaries of one event, aligned (contract version 1)."""

    compare_version: Literal[1] = COMPARE_VERSION
    sources: list[Source]
    entities: list[EntityRow] = Field(default_factory=list)
    quotes: list[QuoteMatch] = Field(default_factory=list)
    numbers: list[NumberRow] = Field(default_factory=list)
