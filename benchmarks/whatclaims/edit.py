"""Pieces of an edited sentence and their rendering: an edit lists the article's tokens it
keeps, rewrites or adds, and the text keeps the article's own spacing, so a claim differs
from its source only where the edit meant it to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from summarizer.reading import Analysis

from .syntax import auxiliaries
from .verbs import be_form, third_person


class Sub(NamedTuple):
    """A token of the article written differently (inflected, re-cased, or removed: ""), or
    tokens [tok, last] replaced by other words."""

    tok: int
    text: str
    last: int = -1


Piece = int | Sub | str  # an article token as it is, one written differently, new words


def token_of(p: Piece) -> int | None:
    return p if isinstance(p, int) else p.tok if isinstance(p, Sub) else None


def render_pieces(a: Analysis, pieces: Sequence[Piece]) -> str:
    """The sentence the pieces make: tokens keep their own spacing where they stay next to
    each other, anything else is one space apart; punctuation and case are tidied."""
    out: list[str] = []
    for k, p in enumerate(pieces):
        if isinstance(p, str):
            if p:
                out.append(" " + p + " ")
            continue
        tok = token_of(p)
        assert tok is not None
        word = a.word(tok) if isinstance(p, int) else p.text
        tok = p.last if isinstance(p, Sub) and p.last >= 0 else tok
        after = token_of(pieces[k + 1]) if k + 1 < len(pieces) else None
        glued = after == tok + 1 and tok + 1 < len(a) and a.ends[tok] == a.starts[tok + 1]
        out.append(word + ("" if glued and word else " "))
    return _tidy("".join(out))


def _tidy(s: str) -> str:
    s = " ".join(s.split())
    s = re.sub(r" ([,.;:!?%)])", r"\1", s)
    s = re.sub(r"\( ", "(", s)
    s = re.sub(r"\(\)", "", s)
    s = re.sub(r"([,;]\s*)+,", ",", s)
    s = re.sub(r"\s*[,;:—–-]\s*([.!?])$", r"\1", s)
    s = re.sub(r"^[,;:—–-]\s*", "", s).strip()
    s = " ".join(s.split())
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if s[-1] not in ".!?":
        s += "."
    return re.sub(r"\.\.$", ".", s)


def normalised(s: str) -> str:
    """Words only, lower case: for "the article states it verbatim" and "unchanged"."""
    return " ".join(re.findall(r"\w+", s.lower()))


def word_set(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def phrase_in_case(a: Analysis, lo: int, hi: int, table: dict[str, str]) -> list[Piece]:
    """A phrase's tokens, a lone personal pronoun in the case `table` gives."""
    if hi - lo == 1 and a.tags[lo] == "PRP":
        word = a.word(lo)
        new = table.get(word.lower(), word.lower() if word != "I" else word)
        return [Sub(lo, new)]
    return list(range(lo, hi))


def capital(a: Analysis, i: int) -> Sub:
    word = a.word(i)
    return Sub(i, word[:1].upper() + word[1:])


def cap(a: Analysis, p: Piece) -> Piece:
    """A piece as it reads at the start of a sentence."""
    if isinstance(p, int):
        return capital(a, p)
    if isinstance(p, Sub):
        return Sub(p.tok, upper_first(p.text))
    return upper_first(p)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def agree(a: Analysis, root: int, plural: bool) -> dict[int, Piece]:
    """The finite verb of `root`'s clause in the form a subject of that number takes."""
    auxes = auxiliaries(a, root)
    verb = auxes[0] if auxes else root
    tag, lemma = a.tags[verb], a.lemmas[verb]
    if tag == "MD":
        return {}
    if lemma == "be" and tag in ("VBD", "VBZ", "VBP"):
        return {verb: Sub(verb, be_form(tag == "VBD", plural))}
    if tag == "VBZ" and plural:
        return {verb: Sub(verb, lemma)}
    if tag == "VBP" and not plural:
        return {verb: Sub(verb, third_person(lemma))}
    return {}


def apply(pieces: Sequence[Piece], subs: dict[int, Piece]) -> list[Piece]:
    return [subs.get(p, p) if isinstance(p, int) else p for p in pieces]
