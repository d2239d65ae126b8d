"""How precise a time item is, for the main event: a point in time or a duration, a day
or something coarser. Text rules on the time expression alone (`timeexpr`)."""

from __future__ import annotations

from summarizer.reading.timeexpr import find_time

_DAY_KINDS = frozenset(["iso", "mdy", "dmy", "wday", "clock"])
_DAYS = frozenset(["today", "tonight", "yesterday", "tomorrow"])


def point_in_time(text: str) -> bool:
    """Not a duration ("twelve years") nor a bare unit of time ("a month")."""
    found = find_time(text)
    return found is not None and found[0] not in ("span", "noun")


def gives_the_day(text: str) -> bool:
    """Whether `text` gives the day ("Tuesday", "March 18", "yesterday", "last Friday"),
    not a coarser time ("this week", "2015")."""
    found = find_time(text)
    if found is None:
        return False
    kind, m = found
    if kind == "rel":
        return m.group("wday") is not None
    return kind in _DAY_KINDS or (kind == "vague" and m.group(0).lower() in _DAYS)
