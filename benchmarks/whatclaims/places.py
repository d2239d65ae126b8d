"""The "place_changed" kind: a place replaced by another the article names, of the same
rank and not one it lies in or holds, so the claim is wrong and not merely vaguer."""

from __future__ import annotations

from .article import Name, place_key
from .edit import upper_first, word_set
from .sentences import Sent, off_event
from .syntax import phrase_head
from .words import COUNTRIES, PLACE_LABELS


def place_changed(c: Sent) -> str | None:
    """A place the sentence names replaced by another the article names: of the same kind
    (a country for a country, a city or region for a city or region), not one the article
    sets it in or in it, not a variant of its name."""
    a, art = c.a, c.art
    words = word_set(c.source)
    places = {p.key for p in art.places}
    for e in sorted(a.entities, key=lambda e: off_event(c, e.first)):
        if e.label not in PLACE_LABELS or not c.first <= e.first < e.last <= c.end:
            continue
        span = _place_phrase(c, e.first, e.last)
        key = place_key(a.text[a.starts[e.first] : a.ends[e.last - 1]])
        if span is None or key not in places or c.quoted(*span):
            continue
        lo, hi = span
        if hi - 1 > lo and a.word(hi - 1) == ",":
            hi -= 1  # the comma that closed an apposed place ("Irving, Texas,")
        if hi < len(a) and a.pos[hi] == "PROPN" and a.starts[hi] == a.ends[hi - 1] + 1:
            continue  # the name goes on ("Washington D.C.")
        groups = {"GPE": {"GPE", "LOC"}, "LOC": {"LOC", "GPE"}, "FAC": {"FAC"}}[e.label]
        best: Name | None = None
        for place in art.places:
            if place.label not in groups or place.key == key or _acronym(key, place.key):
                continue
            if frozenset([key, place.key]) in art.place_links:
                continue
            if _place_rank(key) != _place_rank(place.key):
                continue
            if word_set(place.text) & (words | set(key.split())):
                continue
            if best is None or (place.count, -place.first) > (best.count, -best.first):
                best = place
        if best is None:
            continue
        text = best.text
        if a.deps[phrase_head(a, e.first, e.last)] in ("compound", "nmod"):
            text = text.removeprefix("the ")
        text = upper_first(text) if lo == c.first else text
        return c.render(c.splice(lo, hi, [text], closing=False))
    return None


def _place_rank(key: str) -> str:
    return "country" if key in COUNTRIES else "place"


def _acronym(a: str, b: str) -> bool:
    """ "us" for "united states" (and the reverse)."""
    short, long = sorted((a.replace(" ", ""), b), key=len)
    words = [w for w in long.split() if w not in ("of", "the", "and")]
    return len(words) > 1 and short == "".join(w[0] for w in words)


def _place_phrase(c: Sent, first: int, last: int) -> tuple[int, int] | None:
    """The tokens a place name at [first, last) stands on, if it names where something is
    or happens: after a preposition ("in Texas", "from Irving, Texas", "at the Kennedy
    Space Center (KSC)"), as a possessor ("Russia's Belgorod region", its "'s" left out)
    or as a modifier of a common noun ("the Taipei lantern festival")."""
    a = c.a
    head = phrase_head(a, first, last)
    dep = a.deps[head]
    while last > first and a.word(last - 1) in ("'s", "\u2019s", "'", "\u2019"):
        last -= 1
    if dep in ("poss", "compound", "nmod"):
        if dep != "poss" and a.pos[a.heads[head]] != "NOUN":
            return None
        lo = first - 1 if first > c.first and a.lemmas[first - 1] == "the" else first
        return lo, last
    if dep != "pobj":
        return None
    lo, hi = a.subtree_span(head)
    for t in range(lo, hi):  # "the", an apposed place, a parenthesised short name
        inside = (
            first <= t < last or a.word(t) in (",", "(", ")") or (t == lo and a.lemmas[t] == "the")
        )
        named = c.art.entity_label(t) in PLACE_LABELS or a.pos[t] == "PROPN"
        if not inside and not named:
            return None
    return lo, hi
