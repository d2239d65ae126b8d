"""What the model answers, and how its ids become the items of a draft summary.

The model answers with what the text proposed (`candidates`): ids for who/where/when (any
id in any field: the tagger calls "Sumy" a person at times, the model may know better), a
name as written for one the candidates missed, `what`, and a speaker for each quote the
text could not attribute. Every list and string has a bound in the JSON schema, which a local
server turns into its sampling grammar: an answer cannot repeat itself forever. A remote
model that ignores the bounds is cut to them, not refused.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import instructor
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from summarizer.candidates import FieldName, Proposal
from summarizer.evidence import supporting_sentences
from summarizer.grounding.names import is_org_name, looks_like_person, name_words
from summarizer.grounding.quotations import sentence_spans
from summarizer.grounding.timeexpr import is_time_expression
from summarizer.schema import Evidence, Quote, Rejection, Summary, What, When, Where, Who

# Items per list. The text proposes every candidate anyway (see `_answers`), so the ids
# matter where the model moves one to another field; the 1.5B model lists ids in order,
# and every id is ~4 output tokens (RESULTS.md row T3: 12/8/6 gave 110-135 per article).
BOUNDS: dict[str, int] = {"who": 6, "where": 6, "when": 4}
FIELDS: tuple[FieldName, ...] = ("who", "where", "when")
ID_PATTERN = "^[POLT][0-9]{1,3}$"  # who/where/when hold ids only: the grammar makes sure
MAX_ADDED, ADDED_CHARS = 4, 60
WHAT_CHARS = 160  # ~25 words: one sentence
MAX_SPEAKERS = 12
_ID = re.compile(r"\[?\s*([POLTQ])\s*(\d+)\s*\]?")
_MARK = re.compile(r"\[[POLTQ]\d+\]")
_SCHEMAS: dict[type, dict[str, Any]] = {}


class Speaker(BaseModel):
    q: int
    speaker: str = Field(max_length=60)


class Picks(instructor.OpenAISchema):
    """Summary"""  # the tool description: prompt tokens count; instructions are in the prompt

    # All required: a local server's grammar lets the model skip an optional field, and
    # the 1.5B model skipped who, where and when.
    who: list[str]
    where: list[str]
    when: list[str]
    added: list[str]  # names, places or times the ids missed, as the article writes them
    what: str

    @field_validator("who", "where", "when", mode="before")
    @classmethod
    def _cut(cls, value: Any, info: ValidationInfo) -> Any:
        """A list over its bound is cut (the first items kept), not refused."""
        return value[: BOUNDS[info.field_name or ""]] if isinstance(value, list) else value

    @field_validator("added", mode="before")
    @classmethod
    def _cut_added(cls, value: Any) -> Any:
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


class PicksWithSpeakers(Picks):
    """Summary"""

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


def answer_model(proposal: Proposal) -> type[Picks]:
    """The answer schema for an article: speakers only when a quote needs one."""
    return PicksWithSpeakers if proposal.asked else Picks


def _lean(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _lean(v) for k, v in schema.items() if k not in {"title", "default"}}
    if isinstance(schema, list):
        return [_lean(v) for v in schema]
    return schema


def _bounded(schema: dict[str, Any]) -> dict[str, Any]:
    lean: dict[str, Any] = _lean(schema) | {"title": schema["title"]}
    props = lean["properties"]
    for name, items in BOUNDS.items():
        props[name] |= {"maxItems": items}
        props[name]["items"] |= {"pattern": ID_PATTERN}
    props["added"] |= {"maxItems": MAX_ADDED}
    props["added"]["items"] |= {"maxLength": ADDED_CHARS}
    props["what"] |= {"maxLength": WHAT_CHARS}
    if "quotes" in props:
        props["quotes"] |= {"maxItems": MAX_SPEAKERS}
    return lean


def _as_id(answer: str) -> str | None:
    m = _ID.fullmatch(answer.strip())
    return f"{m.group(1)}{m.group(2)}" if m else None


def _name(answer: str, proposal: Proposal) -> str:
    """An id's candidate name; else the answer as written, without our marks."""
    found = proposal.by_id.get(_as_id(answer) or "")
    return found.name if found is not None else " ".join(_MARK.sub(" ", answer).split())


def _field_of(added: str) -> str:
    """The field a name the candidates missed goes to: a time to `when`, a person's or an
    organisation's name to `who`, anything else (a village the tagger did not know) to
    `where`. Grounding checks it there like any claim."""
    words = name_words(added)
    if is_time_expression(added, whole=True):
        return "when"
    return "who" if looks_like_person(added) or is_org_name(words) else "where"


def _first_sentence(text: str) -> str:
    """The contract's `what` is one sentence; a small model tends to copy the whole lede."""
    text = " ".join(_MARK.sub(" ", text).split())
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _quotes(picks: Picks, proposal: Proposal) -> tuple[list[Quote], list[Rejection]]:
    """Every quotation with a speaker: attribution's, else the model's answer for it."""
    answered = {f"Q{s.q}": s.speaker for s in picks.speakers}
    quotes, unknown = [], []
    for q in proposal.quotes:
        speaker = q.speaker or (_name(answered[q.id], proposal) if q.id in answered else None)
        if speaker:
            quotes.append(Quote(text=proposal.text[q.start : q.end], speaker=speaker))
    for qid in answered.keys() - proposal.asked.keys():
        item = {"text": f"[{qid}]", "speaker": answered[qid]}
        unknown.append(Rejection(field="quotes", item=item, reason=f"there is no [{qid}]"))
    return quotes, unknown


def _answers(picks: Picks, proposal: Proposal) -> tuple[dict[str, list[str]], list[Rejection]]:
    """Names per field: every candidate the text proposes for it, then the model's ids in
    the field it put them in ("Sumy", tagged a person, put in `where`), then what it
    added; an id that names no candidate is refused.

    The model adds, it does not filter: keeping only the ids the 1.5B model picked cut GUM
    recall from 0.80 to 0.38 (who), 0.70 to 0.43 (where) and 0.80 to 0.43 (when) at the
    same precision (benchmarks/RESULTS.md, row T2): it lists ids in order, not by story.
    """
    names: dict[str, list[str]] = {f: [c.name for c in proposal.of(f)] for f in FIELDS}
    unknown = []
    for field in BOUNDS:
        for answer in getattr(picks, field):
            found = proposal.by_id.get(_as_id(answer) or "")
            if found is None:
                reason = f"'{answer}' is not one of the ids marked in the article"
                unknown.append(Rejection(field=field, item={"text": answer}, reason=reason))
            else:
                names[field].append(found.name)
    for added in picks.added:
        names[_field_of(added)].append(_name(added, proposal))
    return {f: list(dict.fromkeys(filter(None, given))) for f, given in names.items()}, unknown


def draft_of(picks: Picks, proposal: Proposal) -> Summary:
    """The model's picks as a draft summary of names and texts, ready to be grounded."""
    roles = {c.name: ", ".join(c.roles) for c in proposal.candidates if c.roles}
    fields, unknown_ids = _answers(picks, proposal)
    quotes, unknown = _quotes(picks, proposal)
    what = _first_sentence(picks.what)
    evidence = [Evidence(text=s) for s in supporting_sentences(proposal.text, what)]
    return Summary(
        who=[Who(text=n, role=roles.get(n)) for n in fields["who"]],
        where=[Where(text=n) for n in fields["where"]],
        when=[When(text=n) for n in fields["when"]],
        what=What(summary=what or None, evidence=evidence),
        quotes=quotes,
        rejected=unknown_ids + unknown,
    )
