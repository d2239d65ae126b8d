"""The "number_changed" kind: a count or amount replaced by another of the same kind the
article states, or tripled where it states none."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from .article import Article
from .edit import Sub, upper_first
from .sentences import Sent, off_event
from .syntax import phrase_head
from .words import NUMBER_LABELS, NUMBER_WORDS, SCALES


def number_changed(c: Sent) -> str | None:
    """A count or amount replaced by the article's nearest other one of the same kind
    (money for money, a percentage for a percentage) that the sentence does not state, or
    by three times its value where the article states no other; its "over", "about" and
    unit kept."""
    a, art = c.a, c.art
    numbers = [
        (e.label, core)
        for e in a.entities
        if e.label in NUMBER_LABELS and (core := _number_core(art, e.first, e.last))
    ]
    here = {_value(core.text) for _, core in numbers if c.first <= core.first < c.end}
    here |= {_value(a.word(t)) for t in range(c.first, c.end) if _numeric(a.word(t))}
    for label, own in sorted(numbers, key=lambda n: off_event(c, n[1].first)):
        if not c.first <= own.first < own.last <= c.end or c.quoted(own.first, own.last):
            continue
        value = _value(own.text)
        if value is None or value in (0, 1):
            continue
        best: tuple[float, str] | None = None
        for other_label, other in numbers:
            v = _value(other.text)
            if other_label != label or v is None or v in (0, 1) or v in here | {value}:
                continue
            distance = abs(math.log(v / value))
            if best is None or distance < best[0]:
                best = (distance, other.text)
        if best is not None:
            new = best[1]
        elif re.fullmatch(r"\d[\d,]*", own.text):  # three times the number
            tripled = int(own.text.replace(",", "")) * 3
            new = f"{tripled:,}" if "," in own.text else str(tripled)
        else:
            continue
        if own.first == c.first:
            new = upper_first(new)
        elif new.split()[0].lower() in NUMBER_WORDS:
            new = new[:1].lower() + new[1:]
        subs = [Sub(own.first, new), *(Sub(t, "") for t in range(own.first + 1, own.last))]
        return c.render([*c.tokens(hi=own.first), *subs, *c.tokens(lo=own.last)])
    return None


class _Span(NamedTuple):
    """Tokens [first, last) of a time or number expression, and its text."""

    first: int
    last: int
    text: str


def _value(text: str) -> float | None:
    """The number a numeric phrase states: "700" 700, "2 million" 2e6, "five thousand" 5e3."""
    total: float | None = None
    for word in re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower()):
        if word[0].isdigit():
            total = float(word.replace(",", ""))
        elif word in NUMBER_WORDS:
            total = (total or 0) + NUMBER_WORDS[word]
        elif word in SCALES and total is not None:
            total *= SCALES[word]
    return total


def _numeric(word: str) -> bool:
    low = word.lower()
    return bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?", word)) or low in NUMBER_WORDS or low in SCALES


def _number_core(art: Article, first: int, last: int) -> _Span | None:
    """The number words of an entity ("2 million" in "around 2 million"), if it is a count
    or amount and not a year, a clock time, a score or a part of a name."""
    a = art.a
    run = [t for t in range(first, last) if _numeric(a.word(t))]
    if not run or run != list(range(run[0], run[-1] + 1)):
        return None
    text = a.text[a.starts[run[0]] : a.ends[run[-1]]]
    whole = a.text[a.starts[first] : a.ends[last - 1]]
    if re.search(r"\d\s*[–:-]\s*\d|/", whole) or re.fullmatch(r"1[5-9]\d\d|20\d\d", text):
        return None
    head = phrase_head(a, first, last)
    if a.pos[a.heads[head]] == "PROPN" or a.word(run[0]).lower() in SCALES:
        return None
    return _Span(run[0], run[-1] + 1, text)
