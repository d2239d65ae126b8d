"""The main event's parties among its places, and its places among its organisations: a
country that wins or fires is a party (metonymy), as a reader lists it; an organisation's
name used only as where the event happens ("an exhibit at the University of Southern
Indiana") is its place.
"""

from __future__ import annotations

import re

from summarizer.grounding.mentioned import (
    AT,
    Located,
    Spans,
    in_dateline,
    item_key,
    root_of,
    within,
)
from summarizer.reading import Reading
from summarizer.reading.wordnet import names_an_agent
from summarizer.schema import Summary, Where, Who


def _party_role(reading: Reading, t: int) -> bool:
    """Whether token `t` (a place's) is a party of its verb: its subject; its object, or
    against, to or with whom it is done, when a place or an organisation does it ("Sweden
    beat South Korea", "the Kremlin accused Ukraine", "Tunisia lost to England"; not "the
    girls entered the United States"); a side before its score ("Panama 3–0"), which the
    parse hangs from the score."""
    a = reading.parse
    while a.deps[t] == "conj" and a.heads[t] != t:
        t = a.heads[t]
    if a.deps[t] == "nsubj":
        return True
    if a.deps[t] == "compound" and _a_score(reading, a.heads[t]):
        return True
    if a.deps[t] == "dobj":
        return _a_body_acts(reading, a.heads[t])
    if a.deps[t] != "pobj":
        return False
    prep = a.heads[t]
    return a.lemmas[prep] in ("against", "to", "with") and _a_body_acts(reading, a.heads[prep])


_BODIES = frozenset(["GPE", "LOC", "ORG", "NORP"])


def _a_body_acts(reading: Reading, verb: int) -> bool:
    """Whether the subject of `verb` is a place or an organisation, as the tagger has it."""
    a = reading.parse
    for child in a.children(verb):
        k = a.ent_of[child]
        if a.deps[child] == "nsubj" and k >= 0 and a.entities[k].label in _BODIES:
            return True
    return False


def _a_score(reading: Reading, t: int) -> bool:
    """A result such as "1–0" or "3-2": digits on both sides of a dash."""
    word = reading.parse.word(t)
    return any(d in word for d in "–-") and all(p.isdigit() for p in re.split("[–-]", word))


def _acts(reading: Reading, located: Located, item: Where, spans: Spans) -> bool:
    """A place that is a party of the event, not where it happens: the subject or the
    object of its verb ("Sweden beat South Korea", "North Korea fired shells")."""
    for start, end in within(located[item_key(item)], spans):
        if not in_dateline(reading, start) and _party_role(reading, root_of(reading, start, end)):
            return True
    return False


def _a_venue(reading: Reading, located: Located, item: Who, spans: Spans) -> bool:
    """An organisation's name used in the main event's sentences only as where it happens
    ("found on Castlefrank Road", "aboard the cruise ship, Freewinds", "an exhibit at the
    University of Southern Indiana"), never as a party; not a person, and not where someone
    works ("engineers at Google")."""
    found = within(located[item_key(item)], spans)
    if not found or reading.types.type_of(item.text).kind == "person":
        return False
    a = reading.parse
    for start, end in found:
        t = root_of(reading, start, end)
        if a.deps[t] == "appos":  # "the cruise ship, Freewinds"
            t = a.heads[t]
        if a.deps[t] != "pobj" or a.lemmas[a.heads[t]] not in AT:
            return False
        if names_an_agent(a.lemmas[a.heads[a.heads[t]]]):
            return False
    return True


def _moved(summary: Summary, to_who: list[Where], to_where: list[Who]) -> Summary:
    who = [w for w in summary.who if w not in to_where]
    where = [w for w in summary.where if w not in to_who]
    who += [Who.model_validate(w.model_dump(exclude={"main"})) for w in to_who]
    where += [Where.model_validate(w.model_dump(exclude={"main", "role"})) for w in to_where]
    return summary.model_copy(update={"who": who, "where": where})


def actors(
    reading: Reading, located: Located, summary: Summary, spans: Spans, then: Spans
) -> Summary:
    """Places that act in the main event's sentences (`spans`, `then`) moved to `who`: a
    country that wins or fires is a party of the event (metonymy), as a reader lists it;
    and organisations' names that are only where it happens, in the sentences that state it
    (`spans`), moved to `where` (`_a_venue`)."""
    acting = [w for w in summary.where if _acts(reading, located, w, spans + then)]
    venues = [w for w in summary.who if _a_venue(reading, located, w, spans)]
    return _moved(summary, acting, venues) if acting or venues else summary
