"""`Rows`: a read-only sequence whose items are made when asked for, from columns.

Per-token and per-character data of a long article is kept in columns of machine integers
(`array`), not as an object per item: an object with a few Python ints costs 100-200
bytes, several times the data it holds, for every token of a megabyte article.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Sequence
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
