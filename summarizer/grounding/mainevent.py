"""The main event marked: which who, where and when items belong to the event `what`
states, as the sentences that tell it give them.

With a model, rule 5 chose the sentences that state `what` (its evidence); with none, the
lead tells the main event: the body's first sentence (`lead`). An item is the main event's
when those sentences name it: its actor, those it acts on, its place and its time are named
where it is told. The body's next sentence adds its places and times (a lead's second
sentence often gives the day or the place: "On Monday, he said …"), and its parties only
when the first named none. A time is the event's only as a point in time: "twelve years" or "a
month" is how long, not when. Main items are put first; the others are "also named".
"""

from __future__ import annotations

import re
from typing import TypeVar

from summarizer.grounding.eventtime import gives_the_day, point_in_time
from summarizer.grounding.locate import locations
from summarizer.reading import Reading
from summarizer.reading.structure import dateline_end
from summarizer.reading.wordnet import names_an_agent
from summarizer.schema import Summary, When, Where, Who

Item = TypeVar("Item", Who, Where, When)
Spans = list[tuple[int, int]]


# Prepositions that put an event somewhere ("in Aceh", "off Sumatra"); not "from" (where
# people or things come from) nor "to".
_AT = frozenset(
    """in at near on across along inside outside into onto off throughout within around
    aboard""".split()
)
# Links from a name to the phrase it is part of: "Russia’s Belgorod region", "Mecca, Saudi
# Arabia", "Sumy and Kharkiv".
_PART_OF = frozenset(["compound", "poss", "conj", "appos", "nmod", "amod", "case"])
_LOCALE = frozenset(["compound", "poss", "nmod", "amod"])  # "the Hong Kong election"


# Every place the article names each item, found once for all the rules below (which
# filter it), keyed by what survives a move between fields: text and offsets.
Located = dict[tuple[str, int | None, int | None], Spans]


def _located(reading: Reading, summary: Summary) -> Located:
    located: Located = {}
    items: list[Who | Where | When] = [*summary.who, *summary.where, *summary.when]
    for item in items:
        found = {
            (at.start, at.end) for at in locations(reading.index, item.text, fold=True, fuzzy=False)
        }
        if item.start is not None and item.end is not None:
            found.add((item.start, item.end))
        located[_key(item)] = sorted(found)
    return located


def _key(item: Who | Where | When) -> tuple[str, int | None, int | None]:
    return item.text, item.start, item.end


def _within(found: Spans, spans: Spans) -> Spans:
    """The mentions of `found` inside one of `spans`."""
    return [(a, b) for a, b in found if any(s <= a and b <= e for s, e in spans)]


def _root(reading: Reading, start: int, end: int) -> int:
    a = reading.parse
    tokens = a.tokens_between(start, end)
    return (a.roots(tokens.start, tokens.stop) or [max(tokens.stop - 1, 0)])[-1]


def _head(reading: Reading, start: int, end: int) -> int:
    """The token a mention hangs from, climbing the phrase it is part of ("the coast of
    Aceh, Indonesia": "coast")."""
    a = reading.parse
    t = _root(reading, start, end)
    while a.heads[t] != t:
        if a.deps[t] in _PART_OF:
            t = a.heads[t]
        elif a.deps[t] == "pobj" and a.lemmas[a.heads[t]] == "of" and a.heads[a.heads[t]] != t:
            t = a.heads[a.heads[t]]
        else:
            break
    return t


def _in_dateline(reading: Reading, start: int) -> bool:
    """Whether `start` lies in a dateline that opens its sentence ("Taipei, Taiwan — …")."""
    a = reading.parse
    token = a.token_at(start)
    tokens = a.sentence_tokens(a.sentence_of(token))
    return token < dateline_end(a, tokens)


def _where_it_happens(reading: Reading, start: int, end: int) -> bool:
    """A place mentioned as where something happens: after a preposition of place ("off
    the coast of Aceh"), as the locale of a thing named ("the Hong Kong election", "Mecca's
    Grand Mosque"), or in a dateline before the lead's dash ("Taipei, Taiwan — …"); not as
    an actor ("Sweden beat …") nor as an origin ("seekers from Myanmar")."""
    a = reading.parse
    if _in_dateline(reading, start):
        return True
    if a.deps[_root(reading, start, end)] in _LOCALE:
        return True
    t = _head(reading, start, end)
    return a.deps[t] == "pobj" and a.lemmas[a.heads[t]] in _AT


_CITING = frozenset(["quote", "cite"])  # "quoting the news agency KCNA"


def _a_source(reading: Reading, start: int, end: int) -> bool:
    """A name given only as the source of the report ("according to the Civil Defense
    Authority", "quoting the news agency KCNA"), not as a party of the event."""
    a = reading.parse
    t = _head(reading, start, end)
    up = a.heads[t]
    if a.deps[t] == "dobj" and a.lemmas[up] in _CITING:
        return True
    return a.deps[t] == "pobj" and a.lemmas[up] == "to" and a.lemmas[a.heads[up]] == "accord"


def _named_in(reading: Reading, item: Who | Where | When, located: Spans, spans: Spans) -> bool:
    """Whether the sentences of `spans` name `item` (`located`: its mentions) as a part of
    their event: a party (not only a source), a place where it happens, a point in time."""
    found = _within(located, spans)
    if isinstance(item, Where):
        return any(_where_it_happens(reading, s, e) for s, e in found)
    if isinstance(item, Who):
        return any(not _a_source(reading, s, e) for s, e in found)
    return bool(found) and point_in_time(item.text)


def _next_sentence(reading: Reading, spans: Spans) -> Spans:
    """The body's sentence after the first of `spans` (the one that states the event), when
    `spans` do not have it already."""
    first = min(e for _, e in spans)
    for start, end in reading.sentences:
        if start >= first:
            fresh = reading.structure.in_body(start) and (start, end) not in spans
            return [(start, end)] if fresh else []
    return []


def _needs_more(items: list[Item], main: list[bool]) -> bool:
    """Whether the sentence after may add to what `main` marks: places always; parties
    only when none is marked; times unless one marked gives the day ("On Tuesday, …":
    the next sentence's "on April 12, 1981" is another event's; "this week" is refined
    by the next sentence's "On Monday")."""
    if not items or isinstance(items[0], Where):
        return True
    if isinstance(items[0], Who):
        return not any(main)
    return not any(m and gives_the_day(i.text) for i, m in zip(items, main, strict=True))


def _mark(
    reading: Reading, located: Located, items: list[Item], spans: Spans, then: Spans
) -> list[Item]:
    """Mark `items` named in `spans`, or in `then` too, the sentence after
    (`_needs_more`)."""
    found = [located[_key(i)] for i in items]
    main = [_named_in(reading, i, f, spans) for i, f in zip(items, found, strict=True)]
    if then and _needs_more(items, main):
        more = [_named_in(reading, i, f, then) for i, f in zip(items, found, strict=True)]
        main = [a or b for a, b in zip(main, more, strict=True)]
    if not any(main) and items and isinstance(items[0], Where):  # no other place given:
        main = [bool(_within(f, spans)) for f in found]  # "a boy from Irving"
    marked = [i.model_copy(update={"main": m}) for i, m in zip(items, main, strict=True)]
    return [i for i in marked if i.main] + [i for i in marked if not i.main]


def lead(reading: Reading) -> Spans:
    """The lead: the first sentence of the news body (a dateline before it included)."""
    structure = reading.structure
    for start, end in reading.sentences:
        if structure.in_body(start) and len(reading.text[start:end].split()) > 3:
            return [(start, end)]
    return []


def evidence_of(reading: Reading, summary: Summary) -> Spans:
    """The body's sentences that state `what` (rule 5's evidence); the lead when only the
    furniture does (a `what` that copies the headline: the lead tells the same event)."""
    what = summary.what
    if what is None or what.summary is None:
        return []
    spans = [(e.start, e.end) for e in what.evidence if e.start is not None and e.end]
    in_body = [(s, e) for s, e in spans if reading.structure.in_body(s)]
    return in_body or (lead(reading) if spans else [])


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
    for start, end in _within(located[_key(item)], spans):
        if not _in_dateline(reading, start) and _party_role(reading, _root(reading, start, end)):
            return True
    return False


def _a_venue(reading: Reading, located: Located, item: Who, spans: Spans) -> bool:
    """An organisation's name used in the main event's sentences only as where it happens
    ("found on Castlefrank Road", "aboard the cruise ship, Freewinds", "an exhibit at the
    University of Southern Indiana"), never as a party; not a person, and not where someone
    works ("engineers at Google")."""
    found = _within(located[_key(item)], spans)
    if not found or reading.types.type_of(item.text).kind == "person":
        return False
    a = reading.parse
    for start, end in found:
        t = _root(reading, start, end)
        if a.deps[t] == "appos":  # "the cruise ship, Freewinds"
            t = a.heads[t]
        if a.deps[t] != "pobj" or a.lemmas[a.heads[t]] not in _AT:
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


def _actors(
    reading: Reading, located: Located, summary: Summary, spans: Spans, then: Spans
) -> Summary:
    """Places that act in the main event's sentences (`spans`, `then`) moved to `who`: a
    country that wins or fires is a party of the event (metonymy), as a reader lists it;
    and organisations' names that are only where it happens, in the sentences that state it
    (`spans`), moved to `where` (`_a_venue`)."""
    acting = [w for w in summary.where if _acts(reading, located, w, spans + then)]
    venues = [w for w in summary.who if _a_venue(reading, located, w, spans)]
    return _moved(summary, acting, venues) if acting or venues else summary


def marked(reading: Reading, summary: Summary, spans: Spans) -> Summary:
    """`summary` with the who, where and when items that `spans` (the sentences that tell
    the main event) name marked main and put first; places that act in them are its
    parties (`_actors`)."""
    if not spans:
        return summary
    then = _next_sentence(reading, spans)
    located = _located(reading, summary)
    summary = _actors(reading, located, summary, spans, then)
    return summary.model_copy(
        update={
            "who": _mark(reading, located, summary.who, spans, then),
            "where": _mark(reading, located, summary.where, spans, then),
            "when": _mark(reading, located, summary.when, spans, then),
        }
    )
