"""The main event marked: which who, where and when items belong to the event `what`
states, as the evidence sentences give it.

Rule 5 finds the article events that state the summary's (`meaning`); their agents and
patients are the main event's who (a pronoun by whom it stands for), the places named in
them or in their clauses its where, and the time expressions of their clauses its when.
Items are marked `main` and put first; the others are "also named". With no model, the
text's own `what` (the lead's event) decides in the same way.
"""

from __future__ import annotations

from typing import TypeVar

from summarizer.grounding.parties import party
from summarizer.grounding.whatcheck import check_what
from summarizer.reading import Reading
from summarizer.reading.events import PLACE_LABELS, TIME_LABELS, Event, Role
from summarizer.reading.names import name_key, place_key, same_name
from summarizer.reading.textindex import normalize
from summarizer.schema import Summary, When, Where, Who

_PEOPLE = frozenset(["PERSON", "ORG", "NORP"])
Item = TypeVar("Item", Who, Where, When)


def _spans(reading: Reading, events: list[Event]) -> tuple[set[str], set[str], set[str]]:
    """Name keys of the events' parties, place keys and folded times of their clauses."""
    a = reading.parse
    people: set[str] = set()
    places: set[str] = set()
    times: set[str] = set()
    for event in events:
        for role in (event.agent, event.patient):
            found = party(a, role, reading)
            if found is not None:
                people |= found.keys
        clauses = [Role(event.verb, event.first, event.last)]
        clauses += [Role(f, *a.subtree_span(f)) for f in event.frames]
        for clause in clauses:
            start, end = a.starts[clause.first], a.ends[clause.last - 1]
            for e in a.entities.within(start, end):
                written = a.text[e.start : e.end]
                if e.label in PLACE_LABELS:
                    places.add(place_key(written))
                elif e.label in TIME_LABELS:
                    times.add(normalize(written, fold=True))
                elif e.label in _PEOPLE and _in_role(event, a.token_at(e.start)):
                    people.add(name_key(written))
    return people, places, times


def _in_role(event: Event, token: int) -> bool:
    return any(r is not None and r.first <= token < r.last for r in (event.agent, event.patient))


def _known(key: str, keys: set[str]) -> bool:
    return bool(key) and any(same_name(key, k) or same_name(k, key) for k in keys)


def marked(reading: Reading, summary: Summary) -> Summary:
    """`summary` with its main event's who, where and when items marked and first."""
    what = summary.what
    if what is None or what.summary is None:
        return summary
    verdict = check_what(reading, what.summary)
    if verdict.reason is not None or not verdict.events:
        return summary
    people, places, times = _spans(reading, verdict.events)
    who = [
        w.model_copy(update={"main": _known(name_key(w.text), people | places)})
        for w in summary.who
    ]
    where = [
        w.model_copy(update={"main": _known(place_key(w.text), places | people)})
        for w in summary.where
    ]
    when = [
        w.model_copy(update={"main": any(normalize(w.text, fold=True) in t for t in times)})
        for w in summary.when
    ]
    return summary.model_copy(
        update={"who": _first(who), "where": _first(where), "when": _first(when)}
    )


def _first(items: list[Item]) -> list[Item]:
    """Main items first, each group in its own order."""
    return [i for i in items if i.main] + [i for i in items if not i.main]
