"""Scores of what a summary marks as its main event, and of its items' types.

Main-event gold (eval/README.md: `*_main_event.jsonl`) lists, per article, the who, where
and when of the event its lead reports. An item marked `main` is right when it is one of
them (by name key or normalised text, or overlapping its span, as `metrics` matches), and
a gold item is found when a main item is it.

Two more figures read the article's own gold lists:
- who typed right: of the `who` items that are an entity of the gold at all (a who or a
  where), the share that its who list has (people and organisations, not places);
- recall of the body's entities: the gold entities the news body names, found. Names that
  only the furniture has (a caption's photographer, a headline's) are not proposed, by
  design, so this is the recall of what should be.
"""

from __future__ import annotations

from typing import Any

from summarizer.evaluation.metrics import FIELDS, Tally, entity, overlap, people_of, same, span
from summarizer.reading.namesakes import Namesakes
from summarizer.reading.structure import structure_of
from summarizer.schema import Summary


def _hits(
    field: str, item: Any, text: str, golds: list[dict[str, Any]], sakes: Namesakes
) -> set[int]:
    """The indexes of the gold items (one field) that `item` is (`sakes`: the article's
    people who share a surname, told apart as `metrics` does)."""
    at, key = span(item, text), entity(field, item.text, sakes, item.start)
    return {
        i
        for i, g in enumerate(golds)
        if same(field, entity(field, g["text"], sakes, g["start"]), key)
        or overlap(at, span(g, text))
    }


def score_main(gold: dict[str, Any], main: dict[str, Any], summary: Summary, tally: Tally) -> None:
    """Add the main-event scores of one article (`main`: its main-event gold row)."""
    text, sakes = gold["text"], people_of(gold)
    for field in FIELDS:
        golds = main.get(field, [])
        marked = [i for i in getattr(summary, field) if i.main]
        found: set[int] = set()
        right = 0
        for item in marked:
            hits = _hits(field, item, text, golds, sakes)
            right += bool(hits)
            found |= hits
        tally.add(**{f"main_{field}_gold": len(golds), f"main_{field}_pred": len(marked),
                     f"main_{field}_found": len(found), f"main_{field}_right": right})  # fmt: skip


def score_types(gold: dict[str, Any], summary: Summary, tally: Tally) -> None:
    """Who typed right, and recall of the entities the body names (module docstring)."""
    text, sakes = gold["text"], people_of(gold)
    known = right = 0
    for item in summary.who:
        is_who = bool(_hits("who", item, text, gold["who"], sakes))
        is_where = bool(_hits("where", item, text, gold["where"], sakes))
        known += is_who or is_where
        right += is_who
    tally.add(who_known=known, who_typed_right=right)
    structure = structure_of(text)
    for field in FIELDS:
        entities: dict[str, list[dict[str, Any]]] = {}
        for g in gold[field]:
            entities.setdefault(entity(field, g["text"], sakes, g["start"]), []).append(g)
        body = [gs for gs in entities.values() if any(structure.in_body(g["start"]) for g in gs)]
        found = sum(
            any(_hits(field, item, text, gs, sakes) for item in getattr(summary, field))
            for gs in body
        )
        tally.add(**{f"{field}_body_gold": len(body), f"{field}_body_found": found})


def report_main(tally: Tally) -> dict[str, Any]:
    """The headline numbers of `score_main` and `score_types`."""
    out: dict[str, Any] = {"who_typed_right": tally.rate("who_typed_right", "who_known")}
    for field in FIELDS:
        out[f"{field}_recall_body"] = tally.rate(f"{field}_body_found", f"{field}_body_gold")
        out[f"main_{field}_recall"] = tally.rate(f"main_{field}_found", f"main_{field}_gold")
        out[f"main_{field}_precision"] = tally.rate(f"main_{field}_right", f"main_{field}_pred")
    return out
