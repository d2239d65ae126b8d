"""What the model answers: the schema of its one structured answer, bounded.

The text proposes every name, place, time and quotation (`candidates`); the model, reading
the article's opening with those marked by ids (`prompting`), writes `what`, adds a name
the candidates missed, as the article writes it, and names the speaker of each quote the
text could not attribute (`join` makes a draft of it). It does not list the candidates'
ids: the 1.5B model listed them in order, not by story, so its picks never changed the
dev-set numbers, and every id cost ~4 output tokens (benchmarks/RESULTS.md, rows T2 and
T6). Every list and string has a bound in the JSON schema, which a local server turns into
its sampling grammar: an answer cannot repeat itself forever. A remote model that ignores
the bounds is cut to them, not refused.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from summarizer.pipeline.candidates import Proposal

MAX_ADDED, ADDED_CHARS = 4, 60
# The prompt asks for one sentence of at most 25 words (~160 characters). The sampling
# grammar's bound is looser, so that a sentence a little over it is finished, not cut off
# mid-clause; a sentence cut at this bound is refused by rule 5 as not whole.
WHAT_CHARS = 240
MAX_SPEAKERS = 12
_SCHEMAS: dict[type, dict[str, Any]] = {}


class Speaker(BaseModel):
    q: int
    speaker: str = Field(max_length=60)


class Answer(BaseModel):
    """Summary"""  # the tool description: prompt tokens count; instructions are in the prompt

    # The tool's name, as the recorded requests (cassettes) have it: a new name is a new
    # input for the model.
    model_config = ConfigDict(title="Picks")

    # `what` first: an answer cut at max_tokens keeps it. All required: a local server's
    # grammar lets the model skip an optional field.
    what: str
    added: list[str]  # names, places or times the ids missed, as the article writes them

    @field_validator("added", mode="before")
    @classmethod
    def _cut_added(cls, value: Any) -> Any:
        """A list over its bound is cut (the first items kept), not refused."""
        if not isinstance(value, list):
            return value
        return [v[:ADDED_CHARS] if isinstance(v, str) else v for v in value[:MAX_ADDED]]

    @field_validator("what", mode="before")
    @classmethod
    def _cut_what(cls, value: Any) -> Any:
        return value[:WHAT_CHARS] if isinstance(value, str) else value

    @property
    def speakers(self) -> list[Speaker]:
        return []

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The bounded schema without titles and defaults (made once: it is per call)."""
        if args or kwargs:
            return _bounded(super().model_json_schema(*args, **kwargs))
        if cls not in _SCHEMAS:
            _SCHEMAS[cls] = _bounded(super().model_json_schema())
        return copy.deepcopy(_SCHEMAS[cls])


class AnswerWithSpeakers(Answer):
    """Summary"""

    model_config = ConfigDict(title="PicksWithSpeakers")

    # Asked only of an article with [Qn] marks: the 0.5B model invented speakers for
    # quotes that were not there (42 refusals on GUM), and each costs ~12 output tokens.
    quotes: list[Speaker]

    @field_validator("quotes", mode="before")
    @classmethod
    def _cut_quotes(cls, value: Any) -> Any:
        return value[:MAX_SPEAKERS] if isinstance(value, list) else value

    @property
    def speakers(self) -> list[Speaker]:
        return self.quotes


def answer_model(proposal: Proposal) -> type[Answer]:
    """The answer schema for an article: speakers only when a quote needs one."""
    return AnswerWithSpeakers if proposal.asked else Answer


def _lean(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _lean(v) for k, v in schema.items() if k not in {"title", "default"}}
    if isinstance(schema, list):
        return [_lean(v) for v in schema]
    return schema


def _bounded(schema: dict[str, Any]) -> dict[str, Any]:
    lean: dict[str, Any] = _lean(schema) | {"title": schema["title"]}
    props = lean["properties"]
    props["added"] |= {"maxItems": MAX_ADDED}
    props["added"]["items"] |= {"maxLength": ADDED_CHARS}
    props["what"] |= {"maxLength": WHAT_CHARS}
    if "quotes" in props:
        props["quotes"] |= {"maxItems": MAX_SPEAKERS}
    return lean
