"""Rule 1, locate: find a claimed item in the article, exactly, normalised, or fuzzily.

Matching strictness is chosen per field by the caller: quotes and evidence are verbatim
(exact or normalised with case kept), times are normalised with case folded, and only
names and places may fall back to a fuzzy token-level match.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from summarizer.reading.names import fuzzy_threshold
from summarizer.reading.textindex import WORD_RE, ArticleIndex, View, at_word_bounds, normalize
from summarizer.schema import Match

MAX_FUZZY_TOKENS = 8


@dataclass(frozen=True)
class Located:
    """A span of the article's own text and how it was matched."""

    start: int
    end: int
    match: Match


def _occurrences(
    haystack: str, needle: str, lo: int = 0, hi: int | None = None
) -> Iterator[tuple[int, int]]:
    """Every whole-word occurrence of `needle` in `haystack` (within [lo, hi))."""
    if not needle:
        return
    pos = haystack.find(needle, lo, hi)
    while pos != -1:
        end = pos + len(needle)
        if at_word_bounds(haystack, pos, end):
            yield pos, end
        pos = haystack.find(needle, pos + 1, hi)


def _found(index: ArticleIndex, view: View | None, needle: str) -> Iterator[tuple[int, int]]:
    """`_occurrences` of `needle` in the article's text (`view` None) or in `view`.

    A long article is searched only around the occurrences of the needle's rarest word,
    which each occurrence of the needle holds: a search of the whole text for each of the
    100,000 quotations of a 4.5 MB article was quadratic. No such word (a needle without
    words, or one the index spells otherwise) searches the whole text."""
    haystack = index.text if view is None else view.text
    hits = None
    if len(haystack) > LONG_ARTICLE:
        words = WORD_RE.findall(normalize(needle, fold=True))
        hits = min((index.occurrences(w) for w in words), key=len, default=None)
    if not hits:
        yield from _occurrences(haystack, needle)
        return
    found: set[tuple[int, int]] = set()
    for i in hits:
        start = index.words_span(i, 1)[0]
        at = start if view is None else view.position(start)
        lo = max(0, at - len(needle))
        found.update(_occurrences(haystack, needle, lo, at + 2 * len(needle)))
    yield from sorted(found)


def fuzzy_name(index: ArticleIndex, claim: str) -> Located | None:
    """The best run of article tokens that spells `claim` nearly the same way.

    All tokens must be there, in order and contiguous (one token more or fewer in the run
    is allowed for joined or split words), and the first letter must agree: stricter than
    LangExtract's 75 % of tokens in order, which lets wrong names through.
    """
    words = WORD_RE.findall(normalize(claim, fold=True))
    if not words or len(words) > MAX_FUZZY_TOKENS:
        return None
    key = " ".join(words)
    threshold = fuzzy_threshold(len(key))
    if threshold is None:
        return None
    best: tuple[float, int, int] | None = None
    for size in (len(words), len(words) - 1, len(words) + 1):
        if size < 1:
            continue
        keys, firsts = index.windows(size, key[0], *_length_band(len(key), threshold))
        hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
        if hit is not None and (best is None or hit[1] > best[0]):
            best = (hit[1], firsts[hit[2]], size)
    if best is None:
        return None
    _, first, size = best
    return Located(*index.words_span(first, size), Match.FUZZY)


def _length_band(length: int, cutoff: float) -> tuple[int, int]:
    """The lengths a string may have to reach similarity `cutoff` (fuzz.ratio) with one of
    `length` characters: the rest need not be compared (nor built)."""
    r = cutoff / 100
    return math.ceil(length * r / (2 - r) - 1e-9), math.floor(length * (2 - r) / r + 1e-9)


def locations(index: ArticleIndex, claim: str, *, fold: bool, fuzzy: bool) -> Iterator[Located]:
    """Candidate spans for `claim`, best kind of match first, each span once."""
    claim = claim.strip()
    seen: set[tuple[int, int]] = set()
    for start, end in _found(index, None, claim):
        seen.add((start, end))
        yield Located(start, end, Match.EXACT)
    view = index.folded if fold else index.plain
    for vstart, vend in _found(index, view, normalize(claim, fold)):
        start, end = view.original(vstart, vend)
        if (start, end) not in seen:
            seen.add((start, end))
            yield Located(start, end, Match.NORMALIZED)
    if fuzzy and not seen:
        hit = fuzzy_name(index, claim)
        if hit is not None:
            yield hit


def locate(index: ArticleIndex, claim: str, *, fold: bool, fuzzy: bool) -> Located | None:
    """The first (best, earliest) location of `claim`, or None."""
    return next(locations(index, claim, fold=fold, fuzzy=fuzzy), None)


LONG_ARTICLE = 100_000  # characters; news articles are a few thousand
ANCHORS = 48  # places a long article is searched for a closest passage
PASSAGE_CUTOFF = 50
NAME_CUTOFF = 60


def closest_passage(index: ArticleIndex, claim: str, limit: int = 160) -> str | None:
    """The article passage most like `claim`, widened to whole words, for a rejection reason.

    A long article is searched only around the fewest occurrences of the claim's words
    (each search costs the length of what is searched, for every refused claim), so the
    cost of a claim does not grow with the article."""
    view = index.plain
    needle = normalize(claim)
    if not needle or not view.text:
        return None
    found = _best_alignment(index, needle)
    if found is None:
        return None
    start, end = view.original(*found)
    text = index.text
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    passage = " ".join(text[start:end].split())
    return passage if len(passage) <= limit else passage[: limit - 1] + "…"


def _best_alignment(index: ArticleIndex, needle: str) -> tuple[int, int] | None:
    """The span of the plain view most like `needle` (partial ratio ≥ 50), or None."""
    view = index.plain
    regions = [(0, len(view.text))] if len(view.text) <= LONG_ARTICLE else _anchored(index, needle)
    best: tuple[float, int, int] | None = None
    for lo, hi in regions:
        hit = fuzz.partial_ratio_alignment(needle, view.text[lo:hi])
        if hit is None or hit.dest_end <= hit.dest_start or hit.score < PASSAGE_CUTOFF:
            continue
        if best is None or hit.score > best[0]:
            best = (hit.score, lo + hit.dest_start, lo + hit.dest_end)
    return None if best is None else (best[1], best[2])


def _anchored(index: ArticleIndex, needle: str) -> list[tuple[int, int]]:
    """Stretches of the plain view around the rarest words of `needle` (at most ANCHORS
    places, each twice the needle's length either side), merged, in article order."""
    words = sorted(set(WORD_RE.findall(needle.casefold())), key=len, reverse=True)
    ranked = sorted(
        (hits for w in words if len(w) > 2 and len(hits := index.occurrences(w))),
        key=len,
    )
    places: list[int] = list(ranked[0][:ANCHORS]) if ranked else []
    for hits in ranked[1:]:
        if len(places) + len(hits) > ANCHORS:
            break
        places += hits
    view, reach = index.plain, 2 * len(needle)
    spans = sorted(
        (max(0, at - reach), min(len(view.text), at + reach))
        for at in (view.position(index.words_span(i, 1)[0]) for i in places)
    )
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def closest_name(index: ArticleIndex, claim: str) -> str | None:
    """The run of article words most like the name `claim`, for a rejection reason (in a
    long article, among runs that start with the same letter)."""
    words = WORD_RE.findall(normalize(claim, fold=True))
    if not words or len(words) > MAX_FUZZY_TOKENS:
        return None
    key = " ".join(words)
    letter = key[0] if len(index.text) > LONG_ARTICLE else None
    keys, firsts = index.windows(len(words), letter, *_length_band(len(key), NAME_CUTOFF))
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF)
    if hit is None:
        return None
    start, end = index.words_span(firsts[hit[2]], len(words))
    return index.text[start:end]
