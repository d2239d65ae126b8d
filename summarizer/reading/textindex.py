"""Normalised views of an article that still know where each character came from.

Grounding compares claims with the article after a fixed, small normalisation (Unicode NFKC,
one form for quote marks and apostrophes, one for dashes, collapsed white space, and case
folding for names). Every character of a view maps back to a span of the original text, so
a match found in a view is reported as offsets into the article's own characters.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from summarizer.reading.offsets import Offsets

_PUNCT_MAP = {ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc"}
_PUNCT_MAP |= {ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
_PUNCT_MAP |= {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"}

WORD_RE = re.compile(r"\w+")
KEEP_RUNS_TOKENS = 20_000  # about 120 kB of text: a news article and then some
# Printable ASCII with single spaces inside: a view copies such a run as it is (lowered
# when folded), in one step instead of one character at a time.
_PLAIN_RUN = re.compile(r"[!-~]+(?: [!-~]+)*")


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
    """A normalised copy of a text plus, per character, the original span it came from
    (as runs of offsets: see `Offsets`)."""

    text: str
    starts: Offsets
    ends: Offsets

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of this view back to offsets in the original text."""
        return self.starts[start], self.ends[end - 1]

    def position(self, offset: int) -> int:
        """The view character that the original `offset` falls in (or the one before)."""
        return max(0, self.starts.bisect_right(offset) - 1)


def normalize_view(text: str, fold: bool) -> View:
    """Build the normalised view of `text`, case-folded or not.

    Runs of plain ASCII are copied whole; the rest (white space, other characters, a
    letter with combining marks) goes character by character."""
    pieces: list[str] = []
    starts, ends = Offsets(), Offsets()
    done = 0
    for run in _PLAIN_RUN.finditer(text):
        start, end = run.span()
        if end < len(text) and unicodedata.combining(text[end]):
            end -= 1  # its last letter takes the marks that follow: character by character
        _normalize_chars(text, done, start, fold, pieces, starts, ends)
        if end > start:
            pieces.append(text[start:end].lower() if fold else text[start:end])
            starts.extend_run(start, end - start)
            ends.extend_run(start + 1, end - start)
        done = max(end, start)
    _normalize_chars(text, done, len(text), fold, pieces, starts, ends)
    return View("".join(pieces), starts, ends)


def _normalize_chars(
    text: str,
    begin: int,
    stop: int,
    fold: bool,
    pieces: list[str],
    starts: Offsets,
    ends: Offsets,
) -> None:
    """Append the view of text[begin:stop], one base character and its marks at a time;
    white space becomes one space, also across what is already in `pieces`."""
    for seg_start, seg_end in _segments(text[begin:stop]):
        seg_start, seg_end = seg_start + begin, seg_end + begin
        seg = text[seg_start:seg_end]
        if seg.isspace():
            norm = " "
        elif seg.isascii():
            norm = seg.lower() if fold else seg
        else:
            norm = _normalize_segment(seg, fold)
        for ch in norm:
            if ch.isspace():
                if pieces and pieces[-1][-1] == " ":
                    ends.set_last(seg_end)
                    continue
                ch = " "
            pieces.append(ch)
            starts.append(seg_start)
            ends.append(seg_end)


@dataclass
class ArticleIndex:
    """The normalised views of one article that claims are located in, each made on first
    use and kept with the article's reading.

    What is kept grows with the article by a small factor: runs of words for fuzzy
    matching are made per search, from the words' first letters and lengths, not kept
    for every length of run (that took gigabytes for a 4 MB article)."""

    text: str
    _kept: dict[tuple[int, str | None], tuple[list[str], list[int]]] = field(
        default_factory=dict, repr=False
    )

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
    def token_set(self) -> frozenset[str]:
        """The article's words (case-folded)."""
        return frozenset(self._words.where)

    @cached_property
    def _words(self) -> _Words:
        texts: list[str] = []
        at = array("i")
        for m in WORD_RE.finditer(self.folded.text):
            texts.append(sys.intern(m.group()))
            at.append(m.start())
        by_letter: dict[str, array[int]] = {}
        for i, word in enumerate(texts):
            by_letter.setdefault(word[0], array("i")).append(i)
        where: dict[str, array[int]] = {}
        for i, word in enumerate(texts):
            where.setdefault(word, array("i")).append(i)
        cumulative = array("i", accumulate(map(len, texts), initial=0))
        return _Words(texts, at, cumulative, by_letter, where)

    def words_span(self, first: int, count: int) -> tuple[int, int]:
        """The article's offsets of `count` words (tokens) from the `first`."""
        words, last = self._words, first + count - 1
        return self.folded.original(words.at[first], words.at[last] + len(words.texts[last]))

    def windows(
        self, size: int, letter: str | None = None, shortest: int = 0, longest: int = 1 << 30
    ) -> tuple[list[str], list[int]]:
        """Runs of `size` tokens joined by spaces, in article order, with their first
        token's index: those whose first token starts with `letter` (any when None) and
        whose length is within shortest..longest (what a similarity cut-off allows).

        A news-sized article keeps all its runs of each size and letter asked for, made
        once (more runs than asked for may come back); a longer one makes them per call."""
        if len(self._words.texts) <= KEEP_RUNS_TOKENS:
            if (size, letter) not in self._kept:
                self._kept[size, letter] = self._runs(size, letter, 0, 1 << 30)
            return self._kept[size, letter]
        return self._runs(size, letter, shortest, longest)

    def _runs(
        self, size: int, letter: str | None, shortest: int, longest: int
    ) -> tuple[list[str], list[int]]:
        words = self._words
        last = len(words.texts) - size
        firsts = words.by_letter.get(letter, array("i")) if letter else range(last + 1)
        cum, gaps = words.cumulative, size - 1
        picked = [
            i for i in firsts if i <= last and shortest <= cum[i + size] - cum[i] + gaps <= longest
        ]
        return [" ".join(words.texts[i : i + size]) for i in picked], picked

    def occurrences(self, word: str) -> array[int]:
        """Indices of the tokens that are `word` (case-folded)."""
        return self._words.where.get(word, array("i"))


@dataclass(frozen=True)
class _Words:
    """The article's tokens as words: text, start in the folded view, running length, and
    where each letter and word stands."""

    texts: list[str]
    at: array[int]
    cumulative: array[int]  # cumulative[i]: characters in texts[:i]
    by_letter: dict[str, array[int]]
    where: dict[str, array[int]]


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def at_word_bounds(text: str, start: int, end: int) -> bool:
    """True when a match neither starts nor ends inside a word of `text`."""
    if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        return False
    return not (end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]))
