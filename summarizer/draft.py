"""What the model fills in, and how its answer becomes a grounded summary.

The model-facing schema is smaller than the v1 contract: no offsets, no rejections, and
quotes by passage number ([Qn]) with a speaker, because every output token costs a local
model about a tenth of a second. `Draft`'s validator grounds the answer; while attempts
remain, anything refused is raised as a validation error, which instructor sends back to
the model (a re-ask). On the last attempt the refusals are kept in `rejected` instead,
so a summary is always produced.
"""

from __future__ import annotations

import copy
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import instructor
from pydantic import BaseModel, Field, model_validator

from summarizer.evidence import supporting_sentences
from summarizer.grounding import ground
from summarizer.grounding.ground import merge_duplicates
from summarizer.grounding.locate import locate
from summarizer.grounding.quotations import Region, sentence_spans
from summarizer.grounding.textindex import index_article
from summarizer.schema import Rejection, Summary

_TRAILING = " ,;:\u2013\u2014-"
_SCHEMAS: dict[type, dict[str, Any]] = {}
_MARK = re.compile(r"\[Q\d+\]")
_LIST = re.compile(r",\s*|;\s*|\s+and\s+")


class DraftQuote(BaseModel):
    q: int
    speaker: str


class Draft(instructor.OpenAISchema):
    """Summary"""  # the tool description: prompt tokens count; instructions are in the prompt

    # An instructor schema class of its own (not wrapped anew by instructor on every call)
    # with its JSON schema made once: per-call work that capped batch throughput.

    who: list[str] = Field(default_factory=list)
    where: list[str] = Field(default_factory=list)
    when: list[str] = Field(default_factory=list)
    what: str = ""
    quotes: list[DraftQuote] = Field(default_factory=list)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema without titles and defaults: the model needs only names and types
        (the top-level title stays: it names the function)."""
        if args or kwargs:
            return _lean_schema(super().model_json_schema(*args, **kwargs))
        if cls not in _SCHEMAS:
            _SCHEMAS[cls] = _lean_schema(super().model_json_schema())
        return copy.deepcopy(_SCHEMAS[cls])

    @model_validator(mode="before")
    @classmethod
    def _count_attempt(cls, data: Any) -> Any:
        state = current_state.get()
        if state is not None:
            state.attempts += 1
        return data

    @model_validator(mode="after")
    def _ground(self) -> Draft:
        state = current_state.get()
        if state is None:
            return self
        grounded = state.accept(self)
        if grounded.rejected and state.attempts < state.max_attempts:
            raise ValueError(reask_message(grounded.rejected))
        return self


@dataclass
class GroundingState:
    """One article's grounding across attempts (seen by validation through
    `current_state`). `max_attempts` has no default here: summarize.Options holds it."""

    text: str
    passages: list[Region]
    published: date | None = None
    max_attempts: int = field(kw_only=True)
    attempts: int = 0
    summary: Summary | None = field(default=None)

    def accept(self, draft: Draft) -> Summary:
        """Ground `draft` and return its refusals' summary; keep, as the result, what every
        attempt so far grounded: a re-ask answer that fixes one item and forgets the rest
        (seen with the 1.5B model) must not lose what the first answer got right."""
        grounded = to_summary(draft, self)
        self.summary = grounded if self.summary is None else _union(self.summary, grounded)
        return grounded


# The article being grounded, for Draft's validators. Not instructor's `context`: that
# would also make instructor render the messages as Jinja templates, and an article's own
# "{{" or "{%" would then be evaluated (or crash the call). Each asyncio task has its own
# copy, so articles in flight at once do not see each other's state.
current_state: ContextVar[GroundingState | None] = ContextVar("grounding_state", default=None)


def _union(earlier: Summary, later: Summary) -> Summary:
    """Items grounded in either attempt (each is grounded on its own); the later attempt's
    main event when it has one, and only its refusals (the earlier ones were re-asked)."""
    merged = {
        name: merge_duplicates([*getattr(earlier, name), *getattr(later, name)])
        for name in ("who", "where", "when", "quotes")
    }
    what = later.what if later.what and later.what.summary else earlier.what
    return later.model_copy(update=merged | {"what": what})


def _lean_schema(schema: dict[str, Any]) -> dict[str, Any]:
    lean: dict[str, Any] = _lean(schema)
    return lean | {"title": schema["title"]}


def _lean(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _lean(v) for k, v in schema.items() if k not in {"title", "default"}}
    if isinstance(schema, list):
        return [_lean(v) for v in schema]
    return schema


def reask_message(rejected: list[Rejection]) -> str:
    """The refusals as the model should read them: what to fix, item by item."""
    lines = ["These items are not supported by the article; fix or remove them:"]
    for r in rejected:
        speaker = r.item.get("speaker") if isinstance(r.item, dict) else None
        said = f" (speaker '{speaker}')" if speaker else ""
        lines.append(f"- {r.field}: '{r.claim}'{said}: {r.reason}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    """The model's text without the [Qn] marks we put into the article."""
    return " ".join(_MARK.sub(" ", text).split())


def _first_sentence(text: str) -> str:
    """The contract's `what` is one sentence; the 1.5B model tends to copy the whole lede."""
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _separate(names: list[str], text: str) -> list[str]:
    """Names as separate claims: the 1.5B model writes "Belgorod region, Sumy" as one place.
    A name the article has as written ("Washington, D.C.") stays whole."""
    index = index_article(text)
    out: list[str] = []
    for name in filter(None, map(_clean, names)):
        if locate(index, name, fold=True, fuzzy=True) is None and _LIST.search(name):
            out += [part.strip() for part in _LIST.split(name) if part.strip()]
        else:
            out.append(name)
    return out


def to_summary(draft: Draft, state: GroundingState) -> Summary:
    """Turn the model's draft into a grounded v1 summary of `state.text`."""
    quotes, unknown = [], []
    for quote in draft.quotes:
        if 1 <= quote.q <= len(state.passages):
            region = state.passages[quote.q - 1]
            text = state.text[region.start : region.end].rstrip(_TRAILING)
            quotes.append({"text": text, "speaker": quote.speaker})
        else:
            unknown.append(
                Rejection(
                    field="quotes",
                    item={"text": f"[Q{quote.q}]", "speaker": quote.speaker},
                    reason=f"there is no passage [Q{quote.q}] in the article",
                )
            )
    what = _first_sentence(_clean(draft.what))
    evidence = [{"text": s} for s in supporting_sentences(state.text, what)]
    summary = {
        "who": [{"text": w} for w in _separate(draft.who, state.text)],
        "where": [{"text": w} for w in _separate(draft.where, state.text)],
        "when": [{"text": w} for w in map(_clean, draft.when) if w],
        "what": {"summary": what or None, "evidence": evidence},
        "quotes": quotes,
        "rejected": [r.model_dump() for r in unknown],
        "article": {"published": state.published},
    }
    return ground(state.text, summary)
