"""What makes two mentions in different articles one entity: name keys and time keys.

One `Keys` serves a whole comparison, so "Zelensky" in one source and "Volodymyr Zelenskyy"
in another get one key (`name_key` gives each its surname, `KeyBook` finds the spelling
variant), and every module that keys by name (entities, quote speakers, quote contexts)
agrees with the others. People the sources name who share a surname ("Tanya Chan", "Gary
Chan") keep their full names as keys (`namesakes`), so they are two rows, not one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.reading.names import KeyBook, place_key
from summarizer.reading.namesakes import Namesakes, namesakes
from summarizer.reading.textindex import normalize
from summarizer.schema import Summary, When


@dataclass
class Keys:
    """Name keys canonical across the sources of one comparison."""

    book: KeyBook = field(default_factory=KeyBook)
    sakes: Namesakes = field(default_factory=Namesakes)

    def name(self, text: str) -> str:
        """The key of the entity `text` names, the same for its spelling variants."""
        return self.book.canonical(self.sakes.key(text))

    def place(self, text: str) -> str:
        """The key of the place `text` names ("Belgorod Region": "belgorod"), in the same
        book as names, since a tagger may give one source's place as another's name."""
        return self.book.canonical(place_key(text))


def keys_for(summaries: list[Summary]) -> Keys:
    """The key space of one comparison, knowing who shares a surname in any source (its
    people and its speakers; a surname alone stays the surname, since sources differ)."""
    names = [w.text for s in summaries for w in s.who]
    names += [q.speaker for s in summaries for q in s.quotes if q.speaker]
    return Keys(sakes=namesakes((0, name) for name in names))


def time_key(when: When) -> str:
    """A time by its resolved date ("18 March" and "March 18": "--03-18"), else by its
    words ("Monday" with no publication date to resolve it against)."""
    return when.date or normalize(when.text, fold=True)
