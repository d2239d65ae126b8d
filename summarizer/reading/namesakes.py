"""People who share a surname: "Tanya Chan" and "Gary Chan", "Thomas Sam" and his wife
"Manju Sam". A person's name key is their surname (`names.name_key`), so that "Chan" is the
"Tanya Chan" named before; where an article names two people so, each keeps their whole name
as key, and a surname alone is the one of them named in full nearest before it, as a reader
takes it ("Gary Chan lost. Chan said ..."). Built once per article, with its cast, and used
by whatever keys a person's mention: the cast, the candidates, the scorer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from summarizer.reading.names import is_org_name, name_key, name_words


def two_people(a: str, b: str) -> bool:
    """Whether the full-name keys `a` and `b` (one surname) name two people: their given
    names share no word, none is an initial of the other's, and the first ones differ by
    more than a letter, a spelling variant or a typing slip ("tanya chan", "gary chan";
    not "l ron hubbard" and "ron hubbard", "j smith" and "john smith", "kristen wilkins"
    and "kristin wilkins")."""
    given_a, given_b = a.split()[:-1], b.split()[:-1]
    if not given_a or not given_b or set(given_a) & set(given_b):
        return False
    for short, long in ((given_a, given_b), (given_b, given_a)):
        if any(len(s) == 1 and any(w.startswith(s) for w in long) for s in short):
            return False
    return Levenshtein.distance(given_a[0], given_b[0]) > 1


@dataclass(frozen=True)
class Namesakes:
    """Per surname shared by two people or more: (start, key) of each full-name mention in
    text order, the key being the first full name of that person."""

    shared: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def key(self, name: str, start: int | None = None) -> str:
        """The key of the person `name` names at offset `start`: `name_key`, unless two
        people share the surname; then the person's full name, or for a surname alone the
        one named in full nearest before `start` (the first one after, if none is before;
        the bare surname without `start`)."""
        key = name_key(name)
        rows = self.shared.get(key)
        if not rows:
            return key
        words = name_words(name)
        if len(words) > 1:
            full = " ".join(words)
            return next((k for _, k in rows if not two_people(k, full)), full)
        if start is None:
            return key
        before = bisect_right(rows, start, key=lambda row: row[0])
        return rows[before - 1][1] if before else rows[0][1]


def namesakes(mentions: Iterable[tuple[int, str]]) -> Namesakes:
    """The namesakes among people's mentions, given as (start, name)."""
    fulls: dict[str, list[tuple[int, str]]] = {}
    for start, name in sorted(mentions):
        words = name_words(name)
        if len(words) > 1 and not is_org_name(words):
            fulls.setdefault(words[-1], []).append((start, " ".join(words)))
    shared: dict[str, list[tuple[int, str]]] = {}
    for surname, found in fulls.items():
        people: list[str] = []
        rows = []
        for start, full in found:
            key = next((k for k in people if not two_people(k, full)), None)
            if key is None:
                people.append(full)
                key = full
            rows.append((start, key))
        if len(people) > 1:
            shared[surname] = rows
    return Namesakes(shared)
