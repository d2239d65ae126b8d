"""What makes two mentions in different articles one entity: name keys and time keys.

One `Keys` serves a whole comparison, so "Zelensky" in one source and "Volodymyr Zelenskyy"
in another get one key (`name_key` gives each its surname, `KeyBook` finds the spelling
variant), and every module that keys by name (entities, quote speakers, quote contexts)
agrees with the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.reading.names import KeyBook, name_key, place_key
from summarizer.reading.textindex import normalize
from summarizer.schema import When


@dataclass
class Keys:
    """Name keys canonical across the sources of one comparison."""

    book: KeyBook = field(default_factory=KeyBook)

    def name(self, text: str) -> str:
        """The key of the entity `text` names, the same for its spelling variants."""
        return self.book.canonical(name_key(text))

    def place(self, text: str) -> str:
        """The key of the place `text` names ("Belgorod Region": "belgorod"), in the same
        book as names, since a tagger may give one source's place as another's name."""
        return self.book.canonical(place_key(text))


def time_key(when: When) -> str:
    """A time by its resolved date ("18 March" and "March 18": "--03-18"), else by its
    words ("Monday" with no publication date to resolve it against)."""
    return when.date or normalize(when.text, fold=True)
