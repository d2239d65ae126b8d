"""The event sentences claims are made from, and editing one of them: narrated sentences
(not the headline, a caption or a quotation) with a finite main verb and its subject,
the lead first, as those are what a `what` restates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.reading import Analysis
from summarizer.reading.names import TITLES

from .article import Article
from .edit import Piece, Sub, render_pieces
from .syntax import finite, kids
from .words import CLOSED, DATELINE, EVENT_LABELS, FIRST_PERSON, KEEP_CASE, PLACE_DATELINE, RUN_IN


@dataclass(frozen=True)
class Sent:
    """One event sentence: its words are tokens [first, end), `end` being its full stop, or
    (`period` false) the token after it when its last word holds the stop ("D.C.")."""

    art: Article
    first: int
    end: int
    root: int
    subj: int
    obj: int | None
    n: int  # its place among the article's picks, to vary the modal used
    period: bool = True

    @property
    def a(self) -> Analysis:
        return self.art.a

    def tokens(self, lo: int | None = None, hi: int | None = None) -> list[Piece]:
        return list(range(self.first if lo is None else lo, self.end if hi is None else hi))

    def render(self, pieces: Sequence[Piece]) -> str:
        return render_pieces(self.a, [*pieces, self.end] if self.period else pieces)

    def splice(self, lo: int, hi: int, new: Sequence[Piece], closing: bool = True) -> list[Piece]:
        """The sentence with tokens [lo, hi) replaced by `new` (and, with `closing`, a comma
        that closed a phrase set off inside them: "Basya, spokesman for the military, said")."""
        a = self.a
        if hi - 1 > lo and a.word(hi - 1) == ",":
            hi -= 1  # a comma at its end belongs to what follows
        inner = any(a.word(t) == "," for t in range(lo, hi))
        if closing and inner and hi < self.end and a.word(hi) == "," and hi < self.root:
            hi += 1
        if len(new) == 1 and isinstance(new[0], str):  # keep the spacing of what it replaces
            end = hi - 1 if hi > lo and a.word(hi - 1) != "," else hi - 2
            new = [Sub(lo, new[0], end)]
        return [*self.tokens(hi=lo), *new, *self.tokens(lo=hi)]

    @property
    def source(self) -> str:
        last = self.end if self.period else self.end - 1
        return self.art.text[self.a.starts[self.first] : self.a.ends[last]]

    def quoted(self, lo: int, hi: int) -> bool:
        return any(self.art.cast.quoted[t] for t in range(lo, hi))

    def lemmas(self) -> set[str]:
        return {self.a.lemmas[t] for t in range(self.first, self.end)}


def event_sentences(art: Article, per_article: int) -> list[Sent]:
    """Up to `per_article` event sentences in article order, chosen from the lead on with a
    preference for those with an object and a time, place or number."""
    a, text = art.a, art.text
    captions = [m.start() for m in re.finditer(r"Image:|Photo:", text)]
    found: list[tuple[int, int, int, int, int | None]] = []
    weight: list[int] = []
    periods: list[bool] = []
    for s in range(len(a.sent_first)):
        toks = a.sentence_tokens(s)
        first, last = toks.start, toks.stop - 1
        period = a.word(last) == "."
        abbreviation = re.fullmatch(r"(?:[A-Z]\.){2,}", a.word(last)) is not None  # "D.C."
        end = last if period else toks.stop
        start, stop = a.starts[first], a.ends[last]
        body = text[start:stop]
        para = (text.rfind("\n", 0, start) + 1, (text.find("\n", stop) + 1 or len(text) + 1) - 1)
        if start < art.body_start or not (period or abbreviation) or not body[:1].isupper():
            continue
        if any(para[0] <= c < para[1] for c in captions) or "\n" in body:
            continue
        if re.search(r"[:;]", body) or RUN_IN.search(body) or DATELINE.match(body):
            continue
        if PLACE_DATELINE.match(body) or art.quoted(start, stop, 3):
            continue
        if any(a.word(t).lower() in FIRST_PERSON and a.tags[t].startswith("PRP") for t in toks):
            continue
        words = sum(1 for i in range(first, end) if a.pos[i] != "PUNCT")
        roots = [i for i in range(first, end) if a.heads[i] == i]
        if not 8 <= words <= 45 or len(roots) != 1:
            continue
        root = roots[0]
        subj = kids(a, root, "nsubj", "nsubjpass")
        if a.pos[root] != "VERB" or len(subj) != 1 or not finite(a, root) or subj[0] > root:
            continue
        obj = [k for k in kids(a, root, "dobj") if k > root]
        if obj and "," in [a.word(t) for t in range(root, a.subtree_span(obj[0])[0])]:
            obj = []  # a noun phrase after a comma is no object: a misparse
        found.append((first, end, root, subj[0], obj[0] if obj else None))
        periods.append(period)
        labels = {art.entity_label(t) for t in range(first, end)}
        weight.append((0 if obj else 6) + (0 if labels & EVENT_LABELS else 3))
    # The lead first; a sentence counts as six sentences later without an object, three
    # without a time, place or number.
    ranked = sorted(range(len(found)), key=lambda k: k + weight[k])
    picked = sorted(ranked[:per_article])
    return [Sent(art, *found[k], n, periods[k]) for n, k in enumerate(picked)]


def is_set_off(c: Sent, lo: int) -> bool:
    return lo > c.first and c.a.word(lo - 1) in (",", "(", "—", "–")


def lowered(art: Article, i: int) -> Piece:
    """Token `i` as it reads inside a sentence rather than at its start: lower case, unless
    it is a name (tagged as one, a title before a name, or capitalised after a lower-case
    word elsewhere in the article)."""
    a = art.a
    word = a.word(i)
    low = word[:1].lower() + word[1:]
    if a.pos[i] in CLOSED and word != "I":
        return Sub(i, low)
    if word == "I" or (len(word) > 1 and word.isupper()) or art.entity_label(i) in KEEP_CASE:
        return i
    if low in TITLES and i + 1 < len(a) and a.pos[i + 1] == "PROPN":
        return i
    inside = re.search(rf"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*,? {re.escape(word)}\b", art.text)
    return i if inside else Sub(i, low)


def off_event(c: Sent, tok: int) -> tuple[bool, int]:
    """Sorts the phrases of the main verb's own clause ("was held on Sunday") before those
    of a clause or phrase within it ("published ... in 1989"), then by position."""
    a = c.a
    verb = next((t for t in a.ancestors(tok) if a.pos[t] in ("VERB", "AUX")), c.root)
    return verb != c.root, tok
