"""The times, places, numbers and names a stretch of text gives, to compare two texts'.

Rule 5 asks that what a `what` sentence says of its event (when, where, how many, who
else) is what the evidence sentences say, not something found elsewhere in the article.
A number is compared by value ("three" is 3), a time by its words or its resolved date, a
name or a place by its key ("Belgorod region" is "Belgorod"), with the text itself as the
fallback where the small tagger labels a name differently in the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.reading.analysis import Analysis
from summarizer.reading.names import name_key, place_key, same_name
from summarizer.reading.numbers import numbers
from summarizer.reading.textindex import normalize
from summarizer.reading.timeexpr import find_time

_NAMES = frozenset(["PERSON", "ORG", "GPE", "LOC", "FAC"])
_TIMES = frozenset(["DATE", "TIME"])
_NUMBERS = frozenset(["CARDINAL", "QUANTITY", "MONEY", "PERCENT"])
_TRIVIAL = frozenset(["1", "one"])


@dataclass
class Mentions:
    """What one or more spans of a parse give: their text (folded), number values, time
    expressions and name keys."""

    folded: str = ""
    values: set[str] = field(default_factory=set)
    times: list[str] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)  # (as written, key)

    def first_missing(
        self, given: Mentions, around: Mentions | None = None, counts: Mentions | None = None
    ) -> str | None:
        """The first of these mentions that `given` does not give, quoted; times and
        places may also come from `around` (the sentence of an event: "said on Monday
        that …" dates what was said), and a small count from `counts` (a headline's "five
        nationalities" for the five the sentence names)."""
        wide = given if around is None else around
        for written, value in numbers(self.folded):
            if value in given.values or written in _TRIVIAL:
                continue
            if counts is None or not _counted(value, counts):
                return f"'{written}'"
        for time in self.times:
            if normalize(time, fold=True) not in wide.folded:
                return f"'{time}'"
        for written, key in self.names:
            if not (_given(written, key, given) or _given(written, key, wide)):
                return f"'{written}'"
        return None


def _counted(value: str, around: Mentions) -> bool:
    """A small count the wider text gives ("five nationalities" in a headline, for the five
    the sentence lists by name)."""
    return value in around.values and value.isdigit() and int(value) <= 12


def _given(written: str, key: str, given: Mentions) -> bool:
    if normalize(written, fold=True) in given.folded:
        return True
    return bool(key) and any(key == g or same_name(key, g) for _, g in given.names)


def mentions_in(
    a: Analysis,
    spans: list[tuple[int, int]],
    named: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> Mentions:
    """The mentions of `a` within the character spans; names inside `named` (the parties
    of an event, which are compared as such) are left out."""
    found = Mentions()
    parts = []
    for start, end in spans:
        text = a.text[start:end]
        parts.append(text)
        found.values |= {value for _, value in numbers(text)}
        if re.search(r"\bone\b", text, re.I):
            found.values.add("1")
    found.folded = normalize(" ".join(parts), fold=True)
    for e in (e for start, end in spans for e in a.entities.within(start, end)):
        written = a.text[e.start : e.end]
        if e.label in ("PERSON", "ORG") and any(s <= e.start and e.end <= t for s, t in named):
            continue
        if e.label in _TIMES:
            hit = find_time(written)
            if hit is not None:
                found.times.append(hit[1].group())
        elif e.label in _NAMES:
            key = place_key(written) if e.label != "PERSON" else name_key(written)
            found.names.append((written, key))
    return found
