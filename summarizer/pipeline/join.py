"""The join: the model's answer and what the text proposed, as one draft to ground.

Every candidate the text proposes goes to its field; a name the model added goes to the
field its shape says (refused, with the reason, when it is not shaped as a name); each
quotation gets attribution's speaker, else the model's answer for it; `what` is the
model's first sentence (its evidence is chosen by rule 5, when it is grounded).
"""

from __future__ import annotations

import re

from summarizer.pipeline.answer import WHAT_CHARS, Answer
from summarizer.pipeline.candidates import FieldName, Proposal
from summarizer.pipeline.chunking import rough_sentences
from summarizer.reading.names import CONNECTORS, is_org_name, looks_like_person, name_words
from summarizer.reading.timeexpr import is_time_expression
from summarizer.schema import Draft, Quote, Rejection, What, When, Where, Who

FIELDS: tuple[FieldName, ...] = ("who", "where", "when")
_ID = re.compile(r"\[?\s*([POLTQ])\s*(\d+)\s*\]?")
_MARK = re.compile(r"\[[POLTQ]\d+\]")
_PARTS = re.compile(r",\s*|\s+and\s+|\s*&\s*")  # of a list: "Syria and Yemen"
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_JOINS = CONNECTORS | {"and"}


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
    spans = rough_sentences(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _quotes(answer: Answer, proposal: Proposal) -> tuple[list[Quote], list[Rejection]]:
    """Every quotation with a speaker: attribution's, else the model's answer for it."""
    answered = {f"Q{s.q}": s.speaker for s in answer.speakers}
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


def _answers(answer: Answer, proposal: Proposal) -> tuple[dict[str, list[str]], list[Rejection]]:
    """Names per field: every candidate the text proposes for it, then what the model
    added (a name the candidates missed; an id given there is its candidate's name)."""
    names: dict[str, list[str]] = {f: [c.name for c in proposal.of(f)] for f in FIELDS}
    refused = []
    for added in filter(None, (_added(a, proposal) for a in answer.added)):
        field, name, reason = added
        if reason is None:
            names[field].append(name)
        elif name:
            refused.append(Rejection(field=field, item={"text": name}, reason=reason))
    return {f: list(dict.fromkeys(filter(None, given))) for f, given in names.items()}, refused


def draft_of(answer: Answer | None, proposal: Proposal) -> Draft:
    """The model's answer joined to what the text proposed, as a draft of names and texts,
    ready to be grounded; with no answer (`--model none`), the text's alone."""
    roles = {c.name: ", ".join(c.roles) for c in proposal.candidates if c.roles}
    given = answer or Answer(what="", added=[])
    fields, refused = _answers(given, proposal)
    quotes, unknown = _quotes(given, proposal)
    what = None
    if answer is not None:
        what = What(summary=_first_sentence(answer.what) or None)
        if len(answer.what) >= WHAT_CHARS and what.summary == " ".join(answer.what.split()):
            why = f"cut off at {WHAT_CHARS} characters, mid-sentence"
            refused.append(Rejection(field="what.summary", item=what.summary, reason=why))
            what = What(summary=None)
    return Draft(
        who=[Who(text=n, role=roles.get(n)) for n in fields["who"]],
        where=[Where(text=n) for n in fields["where"]],
        when=[When(text=n) for n in fields["when"]],
        what=what,
        quotes=quotes,
        rejected=refused + unknown,
    )
