"""`Rows`: a read-only sequence whose items are made when asked for, from columns.

Per-token and per-character data of a long article is kept in columns of machine integers
(`array`), not as an object per item: an object with a few Python ints costs 100-200
bytes, several times the data it holds, for every token of a megabyte article.
"""

from __future__ import annotations

from abc import abstractmethod
from array import array
from collections.abc import Iterator, Sequence
from sys import intern
from typing import TypeVar, overload

T = TypeVar("T")


class Rows(Sequence[T]):
    """Subclasses give `__len__` and `_row(i)` for 0 <= i < len; the rest follows."""

    __slots__ = ()

    @abstractmethod
    def _row(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self._row(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._row(i)

    def __iter__(self) -> Iterator[T]:
        return map(self._row, range(len(self)))


class Labels(Rows[str]):
    """Strings of a small vocabulary (dependency labels, tags, lemmas), kept as a code per
    item and the vocabulary once: a list of them cost a pointer (8 bytes) per item."""

    __slots__ = ("_code_of", "_codes", "_names")

    def __init__(self, typecode: str) -> None:
        self._codes = array(typecode)  # "H" for a tag set, "I" for an article's lemmas
        self._names: list[str] = []
        self._code_of: dict[str, int] = {}

    def append(self, name: str) -> None:
        code = self._code_of.get(name)
        if code is None:
            code = self._code_of[name] = len(self._names)
            self._names.append(intern(name))
        self._codes.append(code)

    def __len__(self) -> int:
        return len(self._codes)

    def _row(self, i: int) -> str:
        return self._names[self._codes[i]]

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        """As `Rows`, in one step: grounding reads these in its inner loops."""
        if isinstance(i, slice):
            return [self._names[c] for c in self._codes[i]]
        return self._names[self._codes[i]]
