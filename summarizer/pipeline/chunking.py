"""Long articles: split on paragraph boundaries, summarise per chunk, merge.

A chunk is an exact slice of the article, so an item grounded in a chunk is grounded in
the article once its offsets are shifted by the chunk's start. Paragraphs longer than a
chunk are split at sentence ends, and sentences longer than that at white space: nothing
is ever cut off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from summarizer.grounding.rules import merge_duplicates
from summarizer.schema import Summary, What

_PARAGRAPH_END = re.compile(r"\n\s*")
_BOUNDARY_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)|\n")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen gov sen rep st jr sr prof lt col sgt capt maj adm rev inc corp ltd co
    no vs etc jan feb aug sept oct nov dec mt ft pres dept approx""".split()
)
_SENTENCE_OPENERS = "\"'(\u201c\u2018\u00ab\u201e["


@dataclass(frozen=True)
class Chunk:
    start: int
    text: str


def _pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces no longer than `limit`: paragraphs, else sentences, else words."""
    bounds = [0, *(m.end() for m in _PARAGRAPH_END.finditer(text)), len(text)]
    pieces = []
    for start, end in pairwise(bounds):
        if end - start <= limit:
            pieces.append((start, end))
            continue
        sentences = [(start + s, start + e) for s, e in rough_sentences(text[start:end])]
        cuts = [start, *(e for _, e in sentences[:-1]), end]
        for s, e in pairwise(cuts):
            while e - s > limit:  # one sentence longer than a chunk: cut at white space
                cut = text.rfind(" ", s + 1, s + limit) + 1 or s + limit
                pieces.append((s, cut))
                s = cut
            pieces.append((s, e))
    return [(s, e) for s, e in pieces if e > s]


def split_article(text: str, limit: int) -> list[Chunk]:
    """Consecutive chunks of at most `limit` characters that together are `text`."""
    if len(text) <= limit:
        return [Chunk(0, text)]
    chunks: list[Chunk] = []
    start = end = 0
    for _, piece_end in _pieces(text, limit):
        if piece_end - start > limit and end > start:
            chunks.append(Chunk(start, text[start:end]))
            start = end
        end = piece_end
    chunks.append(Chunk(start, text[start:end]))
    return chunks


def _shift(items: list[Any], by: int) -> list[Any]:
    out = []
    for item in items:
        update = {"start": item.start + by, "end": item.end + by}
        if getattr(item, "speaker_start", None) is not None:
            update |= {
                "speaker_start": item.speaker_start + by,
                "speaker_end": item.speaker_end + by,
            }
        out.append(item.model_copy(update=update))
    return out


def merge_chunks(chunks: list[Chunk], parts: list[Summary]) -> Summary:
    """One summary of the article from its chunks' summaries: items shifted to article
    offsets and merged; the main event (and its evidence) is that of the first chunk that
    has one, as news puts it first."""
    if len(parts) == 1:
        return parts[0]
    lead = next((i for i, p in enumerate(parts) if p.what and p.what.summary), None)
    what = None
    if lead is not None:
        lead_what = parts[lead].what
        assert lead_what is not None
        evidence = _shift(lead_what.evidence, chunks[lead].start)
        what = What(summary=lead_what.summary, evidence=evidence)

    def merged(field: str) -> list[Any]:
        shifted = [_shift(getattr(p, field), c.start) for c, p in zip(chunks, parts, strict=True)]
        return merge_duplicates([item for items in shifted for item in items])

    return Summary(
        who=merged("who"),
        where=merged("where"),
        when=merged("when"),
        quotes=merged("quotes"),
        what=what,
        rejected=[r for p in parts for r in p.rejected],
    )


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    if m.group() == "\n":
        return True
    word_start = m.start()
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start : m.start()].lower()
    if text[m.start()] == "." and (
        word in _ABBREVIATIONS or (re.fullmatch(r"(\w\.)*\w", word) and len(word) <= 3)
    ):
        return False
    rest = text[m.end() :].lstrip()
    return not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] in _SENTENCE_OPENERS


def rough_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of text that is not parsed, as (start, end), white space trimmed; line
    breaks always end one. For where a chunk may be cut before its parse, and for the
    model's own `what`; a parsed text's sentences are the parser's (`Analysis.sentences`).

    A rule set, not a model: it knows common abbreviations and initials (U.S., J. K.).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        if _ends_sentence(text, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed
