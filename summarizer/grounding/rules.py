"""The rules: check every field of a draft against the article's reading, keep what it says.

The rules are applied field by field; an item that fails is moved to `rejected` with a
reason that can be sent back to a model as it is. Items that pass carry the offsets of the
article's own text (and `text` becomes that text), so `text == article[start:end]` holds
for every item of the output. Pure: no I/O, no model, no prompt; the rules read the
article's one reading (`summarizer.reading`), which the caller builds and hands over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from summarizer.grounding.fieldtypes import (
    people_in,
    when_problem,
    where_problem,
    who_problem,
)
from summarizer.grounding.locate import Located, closest_name, closest_passage, locate, locations
from summarizer.grounding.speakers import judge, named_in_article
from summarizer.grounding.whatcheck import check_what, kept_what
from summarizer.reading import Reading
from summarizer.reading.names import LEADING_WORDS
from summarizer.reading.quotations import region_index
from summarizer.reading.textindex import ArticleIndex
from summarizer.reading.timeexpr import resolve_date
from summarizer.schema import (
    ArticleInfo,
    Draft,
    Evidence,
    Quote,
    Rejection,
    Summary,
    What,
    When,
    Where,
    Who,
)

_NEGATION_BEFORE = re.compile(
    r"\b(not|never|no|nor|neither|hardly|\w+n['\u2019]t)\W*$", re.IGNORECASE
)
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb "
Item = TypeVar("Item", Who, Where, When, Quote, Evidence)


class _Rejections:
    """Collects what the rules refuse, with the claim as the producer wrote it."""

    def __init__(self, earlier: list[Rejection]) -> None:
        self.items = list(earlier)

    def add(self, field: str, item: Who | Where | When | Quote | Evidence | str, why: str) -> None:
        claim: dict[str, Any] | str = (
            item
            if isinstance(item, str)
            else item.model_dump(
                mode="json",
                exclude={
                    "start",
                    "end",
                    "match",
                    "speaker_start",
                    "speaker_end",
                    "speaker_check",
                    "speaker_reason",
                },
                exclude_none=True,
            )
        )
        self.items.append(Rejection(field=field, item=claim, reason=why))


def _not_found(index: ArticleIndex, claim: str, kind: str) -> str:
    """Why a claim was not located, with the nearest article text to help a re-ask."""
    verbatim = " verbatim" if kind in {"quote", "passage"} else ""
    message = f"{kind} not found{verbatim} in the article"
    passage = closest_name(index, claim) if kind == "name" else closest_passage(index, claim)
    return f"{message}; closest passage: '{passage}'" if passage else message


def _placed(index: ArticleIndex, item: Item, at: Located) -> Item:
    return item.model_copy(
        update={
            "text": index.text[at.start : at.end],
            "start": at.start,
            "end": at.end,
            "match": at.match,
        }
    )


def _ground_located(
    reading: Reading,
    items: list[Item],
    field: str,
    rejections: _Rejections,
    check: Callable[[str, str], str | None],
    kind: str,
) -> list[Item]:
    """Locate each item (fuzzily only for names and places), in the news body when the
    body has it (a headline's "Belgorod" is placed at the body's), then apply the field's
    own type check to the article's span."""
    index, structure = reading.index, reading.structure
    kept = []
    for item in items:
        found = list(locations(index, item.text, fold=True, fuzzy=kind == "name"))
        at = next((f for f in found if structure.in_body(f.start)), found[0] if found else None)
        if at is None:
            rejections.add(field, item, _not_found(index, item.text, kind))
            continue
        why = check(item.text, index.text[at.start : at.end])
        if why:
            rejections.add(field, item, why)
        else:
            kept.append(_placed(index, item, at))
    return kept


def _ground_quotes(reading: Reading, quotes: list[Quote], rejections: _Rejections) -> list[Quote]:
    """Rules 2 and 3: verbatim inside the article's quotation marks, and the speaker the
    article gives it (verified), or none it can resolve (unverified); else refused."""
    index = reading.index
    kept = []
    for quote in quotes:
        claim = quote.text.strip(_QUOTE_MARKS)
        why = None
        for at in locations(index, claim, fold=False, fuzzy=False) if claim else ():
            why, placed = _attributed(reading, quote, at)
            if placed is not None:
                kept.append(placed)
                break
        else:
            rejections.add("quotes", quote, why or _not_found(index, claim, "quote"))
    return kept


def _attributed(reading: Reading, quote: Quote, at: Located) -> tuple[str | None, Quote | None]:
    """Rules 2 and 3 for one location of a quote: (reason refused, or the placed quote)."""
    index, text, cast = reading.index, reading.text, reading.cast
    region = region_index(cast.regions, at.start, at.end)
    if region is None:
        return "found in the article but not inside quotation marks: not a direct quote", None
    opened = cast.regions[region].start
    negation = _NEGATION_BEFORE.search(text[opened : at.start])
    if negation:
        return f"leaves out the '{negation.group(1)}' that precedes it in the quote", None
    if not named_in_article(cast, index.token_set, quote.speaker) and not locate(
        index, quote.speaker, fold=True, fuzzy=True
    ):
        return f"speaker '{quote.speaker}' is not named in the article", None
    verdict = judge(cast, reading.attributions.attribution(region), quote.speaker)
    if verdict.check == "rejected":
        return verdict.reason, None
    start, end = verdict.mention or (None, None)
    update = {
        "speaker": verdict.name or _speaker_name(index, quote.speaker),
        "speaker_start": start,
        "speaker_end": end,
        "speaker_check": verdict.check,
        "speaker_reason": verdict.reason,
    }
    return None, _placed(index, quote, at).model_copy(update=update)


def _speaker_name(index: ArticleIndex, claimed: str) -> str:
    """The claimed speaker as the article writes the name, without titles, as located."""
    words = claimed.split()
    while len(words) > 1 and words[0].lower().strip(",") in LEADING_WORDS:
        words = words[1:]
    full = locate(index, " ".join(words), fold=True, fuzzy=True)
    return index.text[full.start : full.end] if full else claimed


def _ground_what(reading: Reading, what: What | None, rejections: _Rejections) -> What | None:
    """Rule 5 for the summary sentence; its evidence is the article sentences that state its
    events (chosen by the check). A refused summary leaves the evidence it was given, each
    item located like any passage."""
    if what is None:
        return None
    index = reading.index
    summary = what.summary
    if summary is not None:
        verdict = check_what(reading, summary)
        if verdict.reason is None:
            return kept_what(reading, summary, verdict)
        rejections.add("what.summary", summary, verdict.reason)
        summary = None
    evidence = []
    for item in what.evidence:
        at = locate(index, item.text, fold=False, fuzzy=False)
        if at is None:
            rejections.add("what.evidence", item, _not_found(index, item.text, "passage"))
        else:
            evidence.append(_placed(index, item, at))
    return What(summary=summary, evidence=merge_duplicates(evidence))


def merge_duplicates(items: list[Item]) -> list[Item]:
    """Merge items that point at the same span (and speaker), keeping the first's details."""
    seen: dict[tuple[Any, ...], int] = {}
    out: list[Item] = []
    for item in items:
        ident = (item.start, item.end, getattr(item, "speaker", None))
        if ident in seen:
            first = out[seen[ident]]
            if isinstance(first, Who) and isinstance(item, Who) and not first.role and item.role:
                out[seen[ident]] = first.model_copy(update={"role": item.role})
            continue
        seen[ident] = len(out)
        out.append(item)
    return out


def ground_draft(reading: Reading, draft: Draft) -> Summary:
    """The summary of what of `draft` the article says: every item located in `reading` and
    checked by its field's rules, what fails moved to `rejected` (rejections already there
    kept); `article` says which text the offsets index and when it was published."""
    rejections = _Rejections(draft.rejected)
    people = people_in(reading, [q.speaker for q in draft.quotes], [w.text for w in draft.who])
    who = _ground_located(
        reading, draft.who, "who", rejections, lambda _, span: who_problem(reading, span), "name"
    )
    where = _ground_located(
        reading,
        draft.where,
        "where",
        rejections,
        lambda claim, span: where_problem(reading, claim, span, people),
        "name",
    )
    located = _ground_located(
        reading, draft.when, "when", rejections, lambda _, span: when_problem(span), "time"
    )
    when = [w.model_copy(update={"date": resolve_date(w.text, draft.published)}) for w in located]
    quotes = _ground_quotes(reading, draft.quotes, rejections)
    return Summary(
        who=merge_duplicates(who),
        what=_ground_what(reading, draft.what, rejections),
        where=merge_duplicates(where),
        when=merge_duplicates(when),
        quotes=merge_duplicates(quotes),
        rejected=rejections.items,
        article=ArticleInfo(sha256=reading.sha256, published=draft.published),
    )
