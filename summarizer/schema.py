"""The summary contract, schema version 1: what every producer and consumer agrees on.

Items carry optional offsets so one model serves both sides of the grounding step: a
producer (a model, a person) may leave them out; after `summarizer.ground` every item that
survives has `start`, `end` and `match`, and `text == article_text[start:end]`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1


class Match(StrEnum):
    """How an item was found in the article, from strictest to loosest."""

    EXACT = "exact"
    NORMALIZED = "normalized"
    FUZZY = "fuzzy"


class _Item(BaseModel):
    """Common shape of a grounded item: its text and where the article says it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The item as the article writes it.")
    start: int | None = Field(default=None, ge=0, description="Offset of the first character.")
    end: int | None = Field(default=None, ge=0, description="Offset after the last character.")
    match: Match | None = Field(default=None, description="How the item was located.")


class _Named(_Item):
    """An item that may belong to the main event (`what`'s) or be named besides."""

    main: bool | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Whether it belongs to the main event, as `what`'s evidence gives it.",
    )


class Who(_Named):
    """A person or an organisation."""

    role: str | None = None


class Where(_Named):
    """A place."""


class When(_Named):
    """A time expression, with its ISO 8601 value when it can be resolved."""

    date: str | None = Field(
        default=None,
        description="ISO 8601, possibly partial ('--03-18', '2024-05') or an interval ('a/b').",
    )


class Quote(_Item):
    """A direct quotation (without its quote marks) and who said it."""

    speaker: str
    speaker_start: int | None = Field(default=None, ge=0)
    speaker_end: int | None = Field(default=None, ge=0)
    speaker_check: Literal["verified", "unverified"] | None = Field(
        default=None,
        description="After grounding: 'verified' when the article gives the quote to the "
        "speaker, 'unverified' when it gives it to no one the validator can resolve.",
    )
    speaker_reason: str | None = Field(
        default=None, description="After grounding: how the speaker was found, or why not."
    )


class Evidence(_Item):
    """A literal passage of the article that supports the `what` summary."""


class What(BaseModel):
    """The main event: one abstractive sentence plus literal evidence for it."""

    model_config = ConfigDict(extra="forbid")

    summary: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Rejection(BaseModel):
    """An item the validator refused, with a reason precise enough to send back to a model."""

    model_config = ConfigDict(extra="forbid")

    field: str
    item: dict[str, Any] | str
    reason: str

    @property
    def claim(self) -> str:
        """The refused text as the producer gave it (an item's `text`, or `what.summary`)."""
        return self.item if isinstance(self.item, str) else str(self.item.get("text", self.item))


class ArticleInfo(BaseModel):
    """Which article a summary is about; `sha256` is of the UTF-8 text the offsets index."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    source: str | None = None
    sha256: str | None = None
    title: str | None = None
    published: date | None = None


class Meta(BaseModel):
    """How the summary was made. Open to extra keys so producers can add their own."""

    model_config = ConfigDict(extra="allow")

    schema_version: Literal[1] = SCHEMA_VERSION
    model: str | None = None
    provider: str | None = None
    prompt_version: str | None = None
    attempts: int | None = None
    usage: dict[str, int] | None = None
    seconds: float | None = None
    # Written only when they apply (a v1 reader never saw them otherwise).
    chunks: int | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Parts a long article was split into.",
    )
    cut_off: int | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Answers cut at the output bound; their complete items were kept.",
    )
    what_source: Literal["model", "text"] | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Who wrote `what`: the model, or the text (its main-event sentence, "
        "shortened) where there was no model or the model's was refused.",
    )


class _Claims(BaseModel):
    """The fields of a summary, and what the validator refused of them."""

    model_config = ConfigDict(extra="forbid")

    who: list[Who] = Field(default_factory=list)
    what: What | None = None
    where: list[Where] = Field(default_factory=list)
    when: list[When] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)


class Summary(_Claims):
    """A structured summary of one article (schema version 1)."""

    article: ArticleInfo = Field(default_factory=ArticleInfo)
    meta: Meta = Field(default_factory=Meta)


class Draft(_Claims):
    """What a producer claims about one article before grounding: the fields of a summary
    as texts and names (offsets, if any, are recomputed), the refusals made so far, and the
    publication date that relative times ("on Monday") resolve against. Grounding turns a
    draft into a `Summary`; only a summary carries offsets for every item."""

    published: date | None = None

    @classmethod
    def of(cls, summary: Summary) -> Draft:
        """A summary's claims, to be grounded again (`summarizer check`)."""
        fields = summary.model_dump(include=set(FIELDS) | {"rejected"})
        return cls.model_validate(fields | {"published": summary.article.published})


FIELDS = ("who", "what", "where", "when", "quotes")
