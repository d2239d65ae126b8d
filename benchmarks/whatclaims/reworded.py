"""The "reordered" and "passive" kinds: the same event in another word order, which the
check must keep though the words no longer stand as the article has them."""

from __future__ import annotations

import re

from summarizer.reading import Analysis
from summarizer.reading.timeexpr import find_time

from .edit import Piece, Sub, cap, capital, phrase_in_case
from .sentences import Sent, is_set_off, lowered
from .syntax import auxiliaries, is_plural, kids, shared_subject_conj
from .verbs import be_form, past_participle
from .words import (
    ACCUSATIVE,
    MOVE_PREPS,
    NOMINATIVE,
    NOT_PASSIVE,
    PLACE_LABELS,
    PLACE_PREPS,
    TIME_LABELS,
    TIME_MARKS,
)


def reordered(c: Sent) -> str | None:
    """A time or place phrase of the main verb moved: to the front, from the end or from
    between the verb and what follows it (where no other verb comes before it that it could
    belong to); or from the front to the end, or, where a clause follows the verb that it
    could then seem to belong to, to just after the verb and its object."""
    for k in c.a.children(c.root):
        if _movable(c, k):
            moved = _to_front(c, k) or _from_front(c, k)
            if moved:
                return moved
    return None


def _movable(c: Sent, k: int) -> bool:
    """A time expression, or a time or place phrase, of the main verb."""
    a = c.a
    lo, hi = a.subtree_span(k)
    if c.quoted(lo, hi):
        return False
    if a.deps[k] in ("npadvmod", "advmod", "tmod"):
        ent = a.entity(k)
        return ent is not None and ent.label in TIME_LABELS and (ent.first, ent.last) == (lo, hi)
    if a.deps[k] == "advcl":  # "after he brought a clock to school"
        return any(a.lemmas[m] in TIME_MARKS for m in kids(a, k, "mark", "advmod") if m == lo)
    objects = kids(a, k, "pobj")
    if a.deps[k] != "prep" or not objects:
        return False
    if a.lemmas[k] in MOVE_PREPS:
        return True
    label = c.art.entity_label(objects[0])
    timed = label in TIME_LABELS or find_time(a.text[a.starts[lo] : a.ends[hi - 1]])
    return a.lemmas[k] in PLACE_PREPS and bool(timed or label in PLACE_LABELS)


def _to_front(c: Sent, k: int) -> str | None:
    a, art = c.a, c.art
    marks = (",", ";", "—", "–")
    lo, hi = a.subtree_span(k)
    if lo <= c.root or a.subtree_span(c.subj)[0] != c.first or kids(a, c.root, "conj"):
        return None  # not after the verb, something in front already, or two clauses
    if a.deps[k] == "advcl" and hi != c.end:
        return None
    set_off = a.word(lo - 1) == ","
    before = range(c.root + 1, lo - 1 if set_off else lo)
    if any(a.pos[t] in ("VERB", "AUX") or a.word(t) in marks for t in before):
        return None
    followed = hi < c.end and a.word(hi) in marks  # only by another phrase of the verb
    if followed and (a.heads[hi + 1] != c.root or a.deps[hi + 1] not in ("prep", "advcl")):
        return None
    rest = c.tokens(hi=lo - 1 if set_off else lo)
    rest[0] = lowered(art, c.first)
    after = c.tokens(lo=hi)
    if set_off and after and a.word(hi) in marks:
        after = after[1:]
    return c.render([capital(a, lo), *range(lo + 1, hi), ",", *rest, *after])


def _from_front(c: Sent, k: int) -> str | None:
    a, art = c.a, c.art
    marks = (",", ";", "—", "–")
    lo, hi = a.subtree_span(k)
    subject_lo = a.subtree_span(c.subj)[0]
    comma = hi < c.end and a.word(hi) == ","
    if lo != c.first or (hi + 1 if comma else hi) != subject_lo or a.deps[k] == "advcl":
        return None
    rest = c.tokens(lo=subject_lo)
    rest[0] = capital(a, subject_lo)
    phrase: list[Piece] = [lowered(art, lo), *range(lo + 1, hi)]
    after_root = range(c.root + 1, c.end)
    if not any(a.pos[t] in ("VERB", "AUX") or a.word(t) in marks for t in after_root):
        return c.render([*rest, *phrase])  # to the end
    # Before the clause that follows the verb and its object (not inside either).
    objects = [t for t in a.children(c.root) if a.deps[t] in ("dobj", "prt") and t > c.root]
    at = max([c.root, *(a.subtree_span(t)[1] - 1 for t in objects)]) + 1
    clause = [t for t in a.children(c.root) if a.deps[t] in ("ccomp", "xcomp") and t >= at]
    inside = range(c.root + 1, at)
    if not clause or any(a.pos[t] in ("VERB", "AUX") or a.word(t) in marks for t in inside):
        return None
    if a.subtree_span(clause[0])[0] != at or a.lemmas[at] == "that":
        return None
    split = rest.index(at)
    return c.render([*rest[:split], *phrase, *rest[split:]])


def passive(c: Sent) -> str | None:
    """ "X confirmed the report" -> "The report was confirmed by X", for a transitive verb
    whose object is a noun phrase next to it that can move as a whole."""
    a, art = c.a, c.art
    root, obj = c.root, c.obj
    if obj is None or a.lemmas[root] in NOT_PASSIVE or a.deps[c.subj] != "nsubj":
        return None
    if kids(a, root, "auxpass", "dative", "iobj") or len(kids(a, root, "dobj")) != 1:
        return None
    if re.search(r"sel(f|ves)$", a.word(obj).lower()) or shared_subject_conj(a, root):
        return None
    participle = past_participle(a, root)
    s_lo, s_hi = a.subtree_span(c.subj)
    o_lo, o_hi = a.subtree_span(obj)
    particles = kids(a, root, "prt")
    last_phrase = o_hi == c.end  # nothing after it can be misread as its modifier
    if participle is None or s_hi > root or c.quoted(s_lo, o_hi):
        return None
    if not (last_phrase or _simple_phrase(c, o_lo, o_hi)):
        return None
    if any(t not in particles and a.deps[t] != "advmod" for t in range(root + 1, o_lo)):
        return None  # the object is not next to the verb: a misparse, or a double object
    bare = not any(a.deps[k] in ("det", "poss", "nummod") for k in a.children(obj))
    if bare and a.tags[obj] == "NN":
        return None  # "took place", "took action": a light verb's noun is no patient
    if c.art.entity_label(o_hi - 1) in TIME_LABELS:
        return None  # "the launch ... Tuesday": the time may be the verb's
    if any(a.lemmas[k] in ("no", "neither") for k in a.children(c.subj)):
        return None
    if a.tags[c.subj] == "PRP" and any(a.tags[t] == "PRP$" for t in range(o_lo, o_hi)):
        return None  # "it has outlived its usefulness"
    later = [k for k in a.children(root) if k >= o_hi]
    allowed = ("prep", "advmod", "npadvmod", "advcl", "xcomp", "ccomp", "conj", "cc", "punct")
    if any(a.deps[k] not in allowed or a.tags[k] in ("VBN", "JJ") for k in later):
        return None  # "..., located two kilometres from the border": whose?
    if "," in [a.word(t) for t in range(s_lo, s_hi)] and o_hi < c.end:
        return None
    auxes = auxiliaries(a, root)
    between = [t for t in range(s_hi, root) if t not in auxes]
    if any(a.deps[t] not in ("neg", "advmod") or a.heads[t] != root for t in between):
        return None
    chain = _passive_chain(a, root, auxes, is_plural(a, obj))
    if chain is None:
        return None
    chain[1:1] = [t for t in between if a.deps[t] == "neg"]  # "was not", "has not been"
    adverbs = [t for t in between if a.deps[t] != "neg"]
    agent = phrase_in_case(a, s_lo, s_hi, ACCUSATIVE)
    if isinstance(agent[0], int):
        agent[0] = lowered(art, s_lo)
    patient = phrase_in_case(a, o_lo, o_hi, NOMINATIVE)
    pre = c.tokens(hi=s_lo)
    if any(a.pos[t] in ("VERB", "AUX") for t in range(c.first, s_lo)):
        return None  # "Started in 1990, the festival ...": its subject would change
    if not pre:
        patient[0] = cap(a, patient[0])
    elif isinstance(patient[0], int):
        patient[0] = lowered(art, o_lo)
    set_off = [t for t in range(o_lo, o_hi) if a.deps[t] in ("relcl", "appos", "acl")]
    if last_phrase and any(is_set_off(c, a.subtree_span(t)[0]) for t in set_off):
        patient.append(",")  # close what a comma inside it set off
    rest = [t for t in range(root + 1, c.end) if not o_lo <= t < o_hi and t not in particles]
    verb = [*chain, *adverbs, Sub(root, participle), *particles]
    return c.render([*pre, *patient, *verb, "by", *agent, *rest])


def _simple_phrase(c: Sent, lo: int, hi: int) -> bool:
    """A noun phrase without a clause or punctuation in it (it can move as a whole)."""
    a = c.a
    return hi - lo <= 10 and not any(
        a.pos[t] in ("VERB", "AUX")
        or (a.pos[t] in ("PUNCT", "SYM") and a.word(t) not in "-'\u2019")
        for t in range(lo, hi)
    )


def _passive_chain(a: Analysis, root: int, auxes: list[int], plural: bool) -> list[Piece] | None:
    """The auxiliaries of the passive: "confirmed" -> "was", "has confirmed" -> "has been",
    "will confirm" -> "will be", "did confirm" -> "was", "is confirming" -> "is being"."""
    chain: list[Piece] = []
    for t in auxes:
        lemma, tag = a.lemmas[t], a.tags[t]
        if lemma == "do" or (lemma == "be" and tag in ("VBD", "VBZ", "VBP")):
            chain.append(Sub(t, be_form(tag == "VBD", plural)))
        elif lemma == "have" and tag in ("VBZ", "VBP"):
            chain.append(Sub(t, "have" if plural else "has"))
        else:
            chain.append(t)
    last = auxes[-1] if auxes else None
    if last is None:
        if a.tags[root] not in ("VBD", "VBZ", "VBP"):
            return None
        chain.append(be_form(a.tags[root] == "VBD", plural))
    elif a.lemmas[last] == "have":
        chain.append("been")
    elif a.tags[last] == "MD":
        chain.append("be")
    elif a.lemmas[last] == "be" and a.tags[root] == "VBG" and len(auxes) == 1:
        chain.append("being")
    elif a.lemmas[last] != "do":
        return None
    return chain
