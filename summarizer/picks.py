"""What the model answers, and how it joins what the text proposed in a draft summary.

The text proposes every name, place, time and quotation (`candidates`); the model, reading
the article's opening with those marked by ids (`prompting`), writes `what`, adds a name
the candidates missed, as the article writes it, and names the speaker of each quote the
text could not attribute. It does not list the candidates' ids: the 1.5B model listed them
in order, not by story, so its picks never changed the dev-set numbers, and every id cost
~4 output tokens (benchmarks/RESULTS.md, rows T2 and T6). Every list and string has a bound
in the JSON schema, which a local server turns into its sampling grammar: an answer cannot
repeat itself forever. A remote model that ignores the bounds is cut to them, not refused.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import instructor
from pydantic import BaseModel, Field, field_validator

from summarizer.candidates import FieldName, Proposal
from summarizer.evidence import supporting_sentences
from summarizer.grounding.names import CONNECTORS, is_org_name, looks_like_person, name_words
from summarizer.grounding.quotations import sentence_spans
from summarizer.grounding.timeexpr import is_time_expression
from summarizer.schema import Evidence, Quote, Rejection, Summary, What, When, Where, Who

FIELDS: tuple[FieldName, ...] = ("who", "where", "when")
MAX_ADDED, ADDED_CHARS = 4, 60
WHAT_CHARS = 160  # ~25 words: one sentence
MAX_SPEAKERS = 12
_ID = re.compile(r"\[?\s*([POLTQ])\s*(\d+)\s*\]?")
_MARK = re.compile(r"\[[POLTQ]\d+\]")
_PARTS = re.compile(r",\s*|\s+and\s+|\s*&\s*")  # of a list: "Syria and Yemen"
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_JOINS = CONNECTORS | {"and"}
_SCHEMAS: dict[type, dict[str, Any]] = {}


class Speaker(BaseModel):
    q: int
    speaker: str = Field(max_length=60)


class Picks(instructor.OpenAISchema):
    """Summary"""  # the tool description: prompt tokens count; instructions are in the prompt

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


def _is_time(text: str) -> bool:
    """A time expression, or a list of them: "Friday, September 9, 2016"."""
    return all(is_time_expression(part, whole=True) for part in _PARTS.split(text) if part)


def _field_of(added: str) -> FieldName:
    """The field a name the candidates missed goes to: a time to `when`, a person's or an
    organisation's name to `who`, anything else (a village the tagger did not know) to
    `where`. Grounding checks it there like any claim."""
    words = name_words(added)
    if _is_time(added):
        return "when"
    return "who" if looks_like_person(added) or is_org_name(words) else "where"


def _is_name(text: str) -> bool:
    """Shaped as a proper name: it begins and ends with a capitalised word or a number, and
    the words between are such or connectors ("Institute for the Study of War"); not a
    phrase of the article ("attorney for Scientology", "Greek court has ruled that")."""
    words = _WORD.findall(text)
    shaped = [w[0].isupper() or w[0].isdigit() or w.casefold() in _JOINS for w in words]
    return (
        bool(words)
        and all(shaped)
        and words[0].casefold() not in _JOINS
        and (words[-1].casefold() not in _JOINS)
    )


def _proposed(name: str, proposal: Proposal) -> bool:
    """The text proposed this name already (the model did not see it marked): a
    candidate's name, or a mention that is part of it ("Zelensky"; not "Manju Sam", whom
    a shared surname merged into "Thomas Sam")."""
    folded = name.casefold()
    return any(
        c.name.casefold() == folded
        or (
            folded in c.name.casefold()
            and any(proposal.text[s:e].casefold() == folded for s, e in c.mentions)
        )
        for c in proposal.candidates
    )


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


def _added(added: str, proposal: Proposal) -> tuple[FieldName, str, str | None] | None:
    """The field, name and refusal reason (None: none) of a name the model added; None
    when the text proposed it already (alone, or each part of "Syria and Yemen"): the
    candidate keeps its field. A time may be lowercase ("last year"); a name is shaped as
    one (`_is_name`)."""
    name = _name(added, proposal)
    parts = [p for p in _PARTS.split(name) if p]
    if parts and all(_proposed(p, proposal) for p in parts):
        return None
    field = _field_of(name)
    if field != "when" and not _is_name(name):
        return field, name, f"'{name}' is not a name: a name's words are capitalised"
    return field, name, None


def _answers(picks: Picks, proposal: Proposal) -> tuple[dict[str, list[str]], list[Rejection]]:
    """Names per field: every candidate the text proposes for it, then what the model
    added (a name the candidates missed; an id given there is its candidate's name)."""
    names: dict[str, list[str]] = {f: [c.name for c in proposal.of(f)] for f in FIELDS}
    refused = []
    for added in filter(None, (_added(a, proposal) for a in picks.added)):
        field, name, reason = added
        if reason is None:
            names[field].append(name)
        elif name:
            refused.append(Rejection(field=field, item={"text": name}, reason=reason))
    return {f: list(dict.fromkeys(filter(None, given))) for f, given in names.items()}, refused


def draft_of(picks: Picks | None, proposal: Proposal) -> Summary:
    """The model's picks joined to what the text proposed, as a draft summary of names and
    texts, ready to be grounded; with no picks (`--model none`), the text's alone."""
    roles = {c.name: ", ".join(c.roles) for c in proposal.candidates if c.roles}
    answer = picks or Picks(what="", added=[])
    fields, refused = _answers(answer, proposal)
    quotes, unknown = _quotes(answer, proposal)
    what = None
    if picks is not None:
        sentence = _first_sentence(picks.what)
        evidence = [Evidence(text=s) for s in supporting_sentences(proposal.text, sentence)]
        what = What(summary=sentence or None, evidence=evidence)
    return Summary(
        who=[Who(text=n, role=roles.get(n)) for n in fields["who"]],
        where=[Where(text=n) for n in fields["where"]],
        when=[When(text=n) for n in fields["when"]],
        what=what,
        quotes=quotes,
        rejected=refused + unknown,
    )
