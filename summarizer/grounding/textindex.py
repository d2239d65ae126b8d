"""Normalised views of an article that still know where each character came from.

Grounding compares claims with the article after a fixed, small normalisation (Unicode NFKC,
one form for quote marks and apostrophes, one for dashes, collapsed white space, and case
folding for names). Every character of a view maps back to a span of the original text, so
a match found in a view is reported as offsets into the article's own characters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

_PUNCT_MAP = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc"}
_PUNCT_MAP |= {ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
_PUNCT_MAP |= {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"}

WORD_RE = re.compile(r"\w+")


def _normalize_segment(segment: str, fold: bool) -> str:
    out = unicodedata.normalize("NFKC", segment).translate(_PUNCT_MAP)
    return out.casefold() if fold else out


def _segments(text: str) -> list[tuple[int, int]]:
    """Split text into base characters with their combining marks, as (start, end)."""
    bounds: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if bounds and unicodedata.combining(ch):
            bounds[-1] = (bounds[-1][0], i + 1)
        else:
            bounds.append((i, i + 1))
    return bounds


def normalize(text: str, fold: bool = False) -> str:
    """Normalise a claim as `View` normalises the article, stripped; no offset map, so fast.

    NFKC over the whole string can compose across what the view treats as separate
    characters (Hangul jamo); such a claim then fails to match, which is safe.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PUNCT_MAP)
    return " ".join((text.casefold() if fold else text).split())


@dataclass(frozen=True)
class View:
    """A normalised copy of a text plus, per character, the original span it came from."""

    text: str
    starts: list[int]
    ends: list[int]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of this view back to offsets in the original text."""
        return self.starts[start], self.ends[end - 1]


def normalize_view(text: str, fold: bool) -> View:
    """Build the normalised view of `text`, case-folded or not."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for seg_start, seg_end in _segments(text):
        seg = text[seg_start:seg_end]
        if seg.isspace():
            norm = " "
        elif seg.isascii():
            norm = seg.lower() if fold else seg
        else:
            norm = _normalize_segment(seg, fold)
        for ch in norm:
            if ch.isspace():
                if chars and chars[-1] == " ":
                    ends[-1] = seg_end
                    continue
                ch = " "
            chars.append(ch)
            starts.append(seg_start)
            ends.append(seg_end)
    return View("".join(chars), starts, ends)


@dataclass(frozen=True)
class Token:
    """A word of the case-folded view, with its original offsets."""

    text: str
    start: int
    end: int


@dataclass
class ArticleIndex:
    """Everything grounding needs to know about one article, computed once and cached."""

    text: str
    _windows: dict[int, dict[str, tuple[list[str], list[int]]]] = field(default_factory=dict)
    _all_windows: dict[int, tuple[list[str], list[int]]] = field(default_factory=dict)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def plain(self) -> View:
        """NFKC, quotes, dashes and white space normalised; case kept (quotes, evidence)."""
        return normalize_view(self.text, fold=False)

    @cached_property
    def folded(self) -> View:
        """As `plain`, and case-folded (names, places, times)."""
        return normalize_view(self.text, fold=True)

    @cached_property
    def tokens(self) -> list[Token]:
        view = self.folded
        return [
            Token(m.group(), *view.original(m.start(), m.end()))
            for m in WORD_RE.finditer(view.text)
        ]

    @cached_property
    def token_set(self) -> frozenset[str]:
        return frozenset(t.text for t in self.tokens)

    def windows(self, size: int) -> dict[str, tuple[list[str], list[int]]]:
        """Runs of `size` tokens joined by spaces, with their first token's index, grouped
        by first letter: fuzzy search compares a name only with runs that start alike."""
        if size not in self._windows:
            groups: dict[str, tuple[list[str], list[int]]] = {}
            toks = self.tokens
            for i in range(len(toks) - size + 1):
                key = " ".join(t.text for t in toks[i : i + size])
                keys, firsts = groups.setdefault(key[0], ([], []))
                keys.append(key)
                firsts.append(i)
            self._windows[size] = groups
        return self._windows[size]

    def all_windows(self, size: int) -> tuple[list[str], list[int]]:
        """All runs of `size` tokens, whatever their first letter (closest-name search)."""
        if size not in self._all_windows:
            keys: list[str] = []
            firsts: list[int] = []
            for group_keys, group_firsts in self.windows(size).values():
                keys += group_keys
                firsts += group_firsts
            self._all_windows[size] = (keys, firsts)
        return self._all_windows[size]


@lru_cache(maxsize=64)
def index_article(text: str) -> ArticleIndex:
    """The cached index of an article, so that grounding item by item stays cheap."""
    return ArticleIndex(text)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def at_word_bounds(text: str, start: int, end: int) -> bool:
    """True when a match neither starts nor ends inside a word of `text`."""
    if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        return False
    return not (end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]))
