"""The "shortened" kind: the sentence without the modifiers its event does not need, as an
abstractive `what` leaves them out and the check must still keep it."""

from __future__ import annotations

from summarizer.reading import Analysis
from summarizer.reading.timeexpr import find_time

from .edit import Piece, Sub, capital, normalised, token_of
from .sentences import Sent, is_set_off
from .syntax import auxiliaries, kids, own_subject
from .words import (
    CLASSIFYING,
    CONDITIONS,
    CORE_DEPS,
    DROP_ADV,
    EVENT_LABELS,
    KEEP_ADJ,
    KEEP_ADJ_PREFIXES,
    KEEP_ADV,
)


def shortened(c: Sent) -> str | None:
    """The sentence without the modifiers its event does not need (see `_core` and
    `_modifier`), its commas and articles mended."""
    a = c.a
    keep: set[int] = set()
    stack = [(c.root, True)]
    while stack:
        node, top = stack.pop()
        keep.add(node)
        for k in a.children(node):
            if not c.first <= k < c.end or a.deps[k] in ("punct", "cc", "dep"):
                continue
            if _core(c, k) if top else not _modifier(c, k):
                stack.append((k, False))
    for t in range(c.first, c.end):  # a conjunction stays with the conjunct after it
        conj = next((u for u in range(t + 1, c.end) if a.deps[u] == "conj"), None)
        if a.deps[t] == "cc" and conj in keep:
            keep.add(t)
    for t in range(c.first, c.end):
        objects = kids(a, t, "pobj", "pcomp")
        if a.deps[t] == "prep" and objects and not keep.intersection(objects):
            keep.discard(t)  # a preposition whose object the parse hung elsewhere
        if a.deps[t] == "punct" and a.heads[t] in keep:
            keep.add(t)
    kept = _commas(c, sorted(keep))
    if not kept:
        return None
    pieces: list[Piece] = list(kept)
    if kept[0] != c.first:
        pieces[0] = capital(a, kept[0])
    claim = c.render(_articles(a, pieces))
    if len(claim.split()) < 5 or normalised(claim) == normalised(c.source):
        return None
    return claim


def _core(c: Sent, k: int) -> bool:
    """Whether the main verb's dependent `k` belongs to the event as the claim states it:
    its arguments, negation and auxiliaries, its time, place and number phrases, the first
    phrase after a verb without an object (its complement: "was placed on high alert"), a
    condition, a verb sharing its subject; not other adjuncts."""
    a = c.a
    dep = a.deps[k]
    lo, hi = a.subtree_span(k)
    if c.quoted(lo, hi):
        return True
    if dep == "dobj" and is_set_off(c, lo) and lo - 1 > c.root + 1:
        return False  # a noun phrase after a comma is no object: a misparse
    if dep in CORE_DEPS:
        return True
    if dep == "prep":
        if is_set_off(c, lo):
            objects = kids(a, k, "pobj")
            return bool(objects) and _event_phrase(c, objects[0], objects[0] + 1)
        if _event_phrase(c, lo, hi):
            return True
        between = range(c.root + 1, lo)
        first = all(a.deps[t] in ("prt", "advmod", "neg") for t in between)
        return c.obj is None and first
    if dep in ("npadvmod", "advmod", "nmod", "tmod"):
        kept = a.lemmas[k] in KEEP_ADV and not is_set_off(c, lo)
        return _event_phrase(c, lo, hi) or kept
    if dep == "advcl":
        return any(a.lemmas[m] in CONDITIONS for m in kids(a, k, "mark", "advmod"))
    if dep == "conj":  # a verb sharing the subject, after "and" or "or" ("claims" after a
        joined = any(a.pos[t] == "CCONJ" for t in range(c.root + 1, a.subtree_span(k)[1]))
        return a.pos[k] in ("VERB", "AUX") and not own_subject(a, k) and joined
    return False


def _modifier(c: Sent, k: int) -> bool:
    """Whether the phrase under `k` (below the main verb) is a modifier the event can do
    without: set-off clauses and appositions (any apposition to a name), parentheticals,
    adverbial clauses, qualities."""
    a = c.a
    dep, head = a.deps[k], a.heads[k]
    lo, hi = a.subtree_span(k)
    if c.quoted(lo, hi):
        return False
    if a.word(lo) == "(" or (lo > c.first and a.word(lo - 1) == "(" and a.word(hi) == ")"):
        return not _event_phrase(c, lo, hi)
    if dep in ("relcl", "acl") and is_set_off(c, lo):
        return True
    if dep == "appos":  # "Basya, spokesman for the military"; not "President Barack Obama"
        named = any(a.pos[t] == "PROPN" for t in range(lo, hi))
        if is_set_off(c, lo):
            return a.pos[head] == "PROPN" or not named
        return not named
    if dep == "prep" and is_set_off(c, lo):
        return not _event_phrase(c, lo, hi)
    if dep == "prep" and a.lemmas[k] == "than":
        return False
    if dep == "advcl":
        return not any(a.lemmas[m] in CONDITIONS for m in kids(a, k, "mark", "advmod"))
    if dep == "parataxis":
        return True
    if dep == "amod":
        return _qualitative(c, k)
    if dep == "advmod" and hi - lo == 1:
        lemma = a.lemmas[k]
        return lemma in DROP_ADV or (
            head == c.root and lemma.endswith("ly") and lemma not in KEEP_ADV
        )
    return False


def _event_phrase(c: Sent, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) hold a time, place or number (of the event they modify)."""
    a = c.a
    if any(c.art.entity_label(t) in EVENT_LABELS for t in range(lo, hi)):
        return True
    return find_time(a.text[a.starts[lo] : a.ends[hi - 1]]) is not None


def _qualitative(c: Sent, k: int) -> bool:
    """An adjective that says how something is, not what it is ("strong winds", not
    "legislative election" or "former president")."""
    a = c.a
    lemma, word = a.lemmas[k], a.word(k)
    glued = (k > 0 and a.starts[k] == a.ends[k - 1]) or a.ends[k] == a.starts[k + 1]
    if a.tags[k] != "JJ" or glued or not word.isalpha() or not word.islower():
        return False
    if len(a.children(k)) or a.ent_of[k] >= 0 or a.pos[k + 1] == "NUM":
        return False  # "a record 45,756 migrants"
    if lemma in KEEP_ADJ or lemma.startswith(KEEP_ADJ_PREFIXES):
        return False
    return not CLASSIFYING.search(lemma)


def _commas(c: Sent, kept: list[int]) -> list[int]:
    """Drop the commas and dashes that set off what was removed, keeping one after a phrase
    in front of the subject and those between three or more conjuncts; never one between
    the subject and its verb."""
    a = c.a
    marks = (",", "—", "–", "-")
    subject = [t for t in kept if c.subj == t or c.subj in a.ancestors(t)]
    subject_lo = subject[0] if subject else c.subj
    verb = {*auxiliaries(a, c.root), *kids(a, c.root, "neg"), c.root}
    out: list[int] = []
    for j, t in enumerate(kept):
        if a.word(t) not in marks or (a.word(t) == "-" and a.ends[t - 1] == a.starts[t]):
            out.append(t)
            continue
        prev = out[-1] if out else None
        nxt = kept[j + 1] if j + 1 < len(kept) else None
        if prev is None or nxt is None or a.word(prev) in marks:
            continue
        if nxt in verb and prev in subject:
            continue
        removed = any(u not in kept for u in range(prev + 1, nxt))
        fronted = nxt == subject_lo and prev < subject_lo
        listed = a.deps[nxt] == "conj" or (a.deps[nxt] == "cc" and not removed)
        if not removed or fronted or listed:
            out.append(t)
    return out


def _articles(a: Analysis, pieces: list[Piece]) -> list[Piece]:
    """ "a"/"an" fitted to the word that now follows it."""
    out = list(pieces)
    for k, p in enumerate(out[:-1]):
        tok, nxt = token_of(p), token_of(out[k + 1])
        if tok is None or nxt is None or a.lemmas[tok] not in ("a", "an") or nxt == tok + 1:
            continue
        word = a.word(nxt)
        an = word[:1].lower() in "aeiou"
        new = "an" if an else "a"
        out[k] = Sub(tok, new if a.word(tok).islower() else new.capitalize())
    return out
