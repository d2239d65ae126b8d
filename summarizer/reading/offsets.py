"""`Offsets`: a sequence of character offsets kept as the runs in which it climbs by one.

A normalised view maps each of its characters back to the article. Those offsets climb by
one a character almost everywhere; only collapsed white space, a letter with combining
marks or a character that NFKC expands breaks the step. Kept as the places where the step
breaks (a few per paragraph), a view's offsets cost next to nothing, where a machine
integer a character cost 4 bytes, twice per view, and a Python int 36.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator

from summarizer.reading.rows import Rows


class Offsets(Rows[int]):
    """Integers appended in order; item i is i + the shift of the run that holds i."""

    __slots__ = ("_at", "_len", "_shift")

    def __init__(self) -> None:
        self._at = array("q")  # where each run begins
        self._shift = array("q")  # item - index, throughout the run
        self._len = 0

    def extend_run(self, first: int, count: int) -> None:
        """Append first, first + 1, ... (`count` items)."""
        if count <= 0:
            return
        if not self._shift or first - self._len != self._shift[-1]:
            self._at.append(self._len)
            self._shift.append(first - self._len)
        self._len += count

    def append(self, value: int) -> None:
        self.extend_run(value, 1)

    def set_last(self, value: int) -> None:
        """Replace the last item (white space collapsed into it)."""
        last = self._len - 1
        if self._at[-1] == last:
            self._shift[-1] = value - last
        elif value != last + self._shift[-1]:
            self._at.append(last)
            self._shift.append(value - last)

    def __len__(self) -> int:
        return self._len

    def _row(self, i: int) -> int:
        return i + self._shift[bisect_right(self._at, i) - 1]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._at[1:], self._len] if self._at else []
        for begin, end, shift in zip(self._at, ends, self._shift, strict=True):
            yield from range(begin + shift, end + shift)

    def bisect_right(self, value: int) -> int:
        """How many items are at most `value` (for items that never decrease)."""
        runs = range(len(self._at))
        run = bisect_right(runs, value, key=lambda r: self._at[r] + self._shift[r]) - 1
        if run < 0:
            return 0
        end = self._at[run + 1] if run + 1 < len(self._at) else self._len
        return min(end, value - self._shift[run] + 1)
