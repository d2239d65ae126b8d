"""`parse`: an article parsed into plain data, the base of its one reading.

The article is parsed paragraph by paragraph (a line break always ends a sentence in news
text, and no paragraph comes near spaCy's length limit), and the Doc objects are turned into
flat arrays indexed by token, in the manner of spaCy's `Doc.to_array`: offsets are into the
article's own characters, heads are absolute token indices. Plain data pickles cheaply, so
a parse can be made in a worker process, and costs a few tens of bytes per token.
"""

from __future__ import annotations

import hashlib
import time
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from sys import intern

from spacy.tokens import Doc

from summarizer.reading.namespan import name_span
from summarizer.reading.pipeline import nlp
from summarizer.reading.rows import Labels, Rows
from summarizer.reading.trees import subtree_spans

_PIECE = 100_000  # characters of one parsed piece at most (spaCy's limit is 1,000,000)
# Characters of paragraphs parsed together. The tok2vec layer's working arrays take ~3 kB
# per character of its batch (32 paragraphs of 500 characters held 46 MB), so it runs on
# parts of a batch of about 4,000; the other components take the whole batch, as the
# parser slows on small ones (batches of 5,000 characters throughout cost 5-15 % more
# time; 8,000 with tok2vec parts of 4,000 cost none measurable and held 12 MB at most).
_BATCH_CHARS = 8_000
_TOK2VEC_CHARS = 4_000


@dataclass(frozen=True)
class Entity:
    """A named entity: character span, spaCy label, and its tokens [first, last)."""

    start: int
    end: int
    label: str
    first: int
    last: int


class Entities(Rows[Entity]):
    """The article's entities, kept as columns (an Entity object took ~170 bytes)."""

    __slots__ = ("_ends", "_firsts", "_labels", "_lasts", "_starts")

    def __init__(self) -> None:
        self._starts, self._ends, self._firsts, self._lasts = (array("i") for _ in range(4))
        self._labels: list[str] = []

    def append(self, start: int, end: int, label: str, first: int, last: int) -> None:
        self._starts.append(start)
        self._ends.append(end)
        self._labels.append(intern(label))
        self._firsts.append(first)
        self._lasts.append(last)

    def __len__(self) -> int:
        return len(self._starts)

    def within(self, start: int, end: int) -> Iterator[Entity]:
        """The entities inside the characters [start, end), in order (by bisection)."""
        for i in range(bisect_left(self._starts, start), bisect_left(self._starts, end)):
            if self._ends[i] <= end:
                yield self._row(i)

    def _row(self, i: int) -> Entity:
        return Entity(
            self._starts[i], self._ends[i], self._labels[i], self._firsts[i], self._lasts[i]
        )


class _Sentences(Rows[tuple[int, int]]):
    """An analysis' sentences as character spans, made from its token columns."""

    __slots__ = ("_a",)

    def __init__(self, a: Analysis) -> None:
        self._a = a

    def __len__(self) -> int:
        return len(self._a.sent_first)

    def _row(self, s: int) -> tuple[int, int]:
        tokens = self._a.sentence_tokens(s)
        return self._a.starts[tokens.start], self._a.ends[tokens.stop - 1]


@dataclass(frozen=True, eq=False)
class Analysis:
    """The parse of one article as arrays indexed by token (see the module docstring)."""

    text: str
    sha256: str
    starts: array[int]
    ends: array[int]
    heads: array[int]
    deps: Labels
    lemmas: Labels
    pos: Labels
    tags: Labels  # fine-grained (Penn) tags: NNS, PRP, WP ...
    ent_of: array[int]  # index into `entities`, or -1
    sent_first: array[int]  # first token of each sentence
    entities: Entities = field(default_factory=Entities)

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    @property
    def sentences(self) -> Sequence[tuple[int, int]]:
        """Sentences as character spans."""
        return _Sentences(self)

    @cached_property
    def _dependants(self) -> tuple[array[int], array[int]]:
        """Every token's children, in token order, as one array and where each token's
        run of it begins (a list of lists took ~100 bytes a token)."""
        n = len(self)
        begin = array("i", bytes(4 * (n + 1)))
        for i, head in enumerate(self.heads):
            if head != i:
                begin[head + 1] += 1
        begin = array("i", accumulate(begin))
        kids = array("i", bytes(4 * begin[n]))
        free = begin[:n]
        for i, head in enumerate(self.heads):
            if head != i:
                kids[free[head]] = i
                free[head] += 1
        return begin, kids

    def children(self, i: int) -> array[int]:
        """The tokens whose head is `i`, in order."""
        begin, kids = self._dependants
        return kids[begin[i] : begin[i + 1]]

    def sentence_of(self, i: int) -> int:
        """The index of the sentence that holds token `i`."""
        return bisect_right(self.sent_first, i) - 1

    def sentence_tokens(self, s: int) -> range:
        end = self.sent_first[s + 1] if s + 1 < len(self.sent_first) else len(self)
        return range(self.sent_first[s], end)

    def tokens_between(self, start: int, end: int) -> range:
        """Tokens that lie within the characters [start, end)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def token_at(self, offset: int) -> int:
        """The token at or after character `offset` (len(self) if none)."""
        return bisect_left(self.ends, offset + 1)

    def entity(self, i: int) -> Entity | None:
        e = self.ent_of[i]
        return self.entities[e] if e >= 0 else None

    def roots(self, first: int, last: int) -> list[int]:
        """The tokens of [first, last) whose head lies outside it: a name's head word
        ("Museum" in "the Museum of Flight"); more than one where the tagger's span is not
        one phrase ("Ukraine’s Sumy": "Ukraine" and "Sumy")."""
        return [t for t in range(first, last) if not first <= self.heads[t] < last]

    def ancestors(self, i: int) -> Iterator[int]:
        while self.heads[i] != i:
            i = self.heads[i]
            yield i

    def subtree_span(self, i: int) -> tuple[int, int]:
        """First and last+1 token of the subtree under `i` (projective parses)."""
        lo, hi = self._subtrees
        return lo[i], hi[i]

    @cached_property
    def _subtrees(self) -> tuple[array[int], array[int]]:
        return subtree_spans(self.heads, *self._dependants)


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs (lines) with their offsets; an overlong one is cut at white space."""
    offset = 0
    for line in text.split("\n"):
        start = 0
        while len(line) - start > _PIECE:
            cut = line.rfind(" ", start, start + _PIECE)
            cut = cut if cut > start else start + _PIECE
            yield offset + start, line[start:cut]
            start = cut
        if line[start:].strip():
            yield offset + start, line[start:]
        offset += len(line) + 1


def _batches(text: str) -> Iterator[list[tuple[int, str]]]:
    """The pieces in runs of at most `_BATCH_CHARS` characters (or one longer piece)."""
    batch: list[tuple[int, str]] = []
    size = 0
    for piece in _pieces(text):
        if batch and size + len(piece[1]) > _BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[1])
    if batch:
        yield batch


def _docs(text: str) -> Iterator[tuple[int, Doc]]:
    """Each piece's offset and Doc, parsed a batch at a time (see `_BATCH_CHARS`)."""
    for batch in _batches(text):
        size = sum(len(p) for _, p in batch)
        part = max(1, len(batch) * _TOK2VEC_CHARS // size)  # pieces of ~_TOK2VEC_CHARS
        docs = nlp().pipe(
            (p for _, p in batch),
            batch_size=len(batch),
            component_cfg={"tok2vec": {"batch_size": part}},
        )
        for (offset, _), doc in zip(batch, docs, strict=True):
            yield offset, doc


# Told how far a parse made in this context has come (characters parsed, characters in
# all): a long article's progress on a terminal. Unset (and in a worker process), nothing.
parse_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar(
    "parse_progress", default=None
)


def _parse(text: str, sha: str, deadline: float | None) -> Analysis:
    starts, ends, heads, ent_of, sent_first = (array("i") for _ in range(5))
    deps, pos, tags = Labels("H"), Labels("H"), Labels("H")
    lemmas = Labels("I")
    entities = Entities()
    report = parse_progress.get()
    for offset, doc in _docs(text):
        if deadline is not None and time.time() > deadline:
            raise TimeoutError("the article's time is up")
        if report is not None:
            report(offset, len(text))
        base = len(starts)
        ent_base = len(entities)
        labels = [-1] * len(doc)
        for k, ent in enumerate(doc.ents):
            start, end = name_span(ent)
            first, last = doc[start], doc[end - 1]
            entities.append(
                offset + first.idx,
                offset + last.idx + len(last.text),
                ent.label_,
                base + start,
                base + end,
            )
            labels[start:end] = [ent_base + k] * (end - start)
        for tok in doc:
            starts.append(offset + tok.idx)
            ends.append(offset + tok.idx + len(tok.text))
            heads.append(base + tok.head.i)
            deps.append(tok.dep_)
            lemmas.append(tok.lemma_.lower())
            pos.append(tok.pos_)
            tags.append(tok.tag_)
            if tok.is_sent_start:
                sent_first.append(base + tok.i)
        ent_of.extend(labels)
    if report is not None:
        report(len(text), len(text))
    return Analysis(
        text, sha, starts, ends, heads, deps, lemmas, pos, tags, ent_of, sent_first, entities
    )


def parse(text: str, deadline: float | None = None) -> Analysis:
    """The parse of `text` (about 170 ms of CPU for a news article): made once per article
    chunk by whoever reads it (`reading_of`), and handed along, never kept here. Past
    `deadline` (`time.time()`: a worker process's clock too) a TimeoutError."""
    return _parse(text, hashlib.sha256(text.encode("utf-8")).hexdigest(), deadline)
