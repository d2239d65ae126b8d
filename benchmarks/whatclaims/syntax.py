"""Questions about the parse every kind of edit asks: a phrase's head, a word's dependents,
a verb's auxiliaries and subject, a noun's number."""

from __future__ import annotations

from summarizer.reading import Analysis


def phrase_head(a: Analysis, first: int, last: int) -> int:
    """The head word of tokens [first, last) (the first, if they are not one phrase)."""
    return next(
        (t for t in range(first, last) if not first <= a.heads[t] < last or a.heads[t] == t), first
    )


def kids(a: Analysis, i: int, *deps: str) -> list[int]:
    return [k for k in a.children(i) if a.deps[k] in deps]


def finite(a: Analysis, root: int) -> bool:
    if a.tags[root] in ("VBD", "VBZ", "VBP"):
        return True
    return any(a.tags[k] in ("MD", "VBD", "VBZ", "VBP") for k in kids(a, root, "aux", "auxpass"))


def auxiliaries(a: Analysis, root: int) -> list[int]:
    return [k for k in kids(a, root, "aux", "auxpass") if k < root and a.lemmas[k] != "to"]


def own_subject(a: Analysis, verb: int) -> bool:
    return bool(kids(a, verb, "nsubj", "nsubjpass", "expl"))


def shared_subject_conj(a: Analysis, root: int) -> bool:
    """Whether another verb shares the root's subject ("... and is believed to ...")."""
    return any(a.pos[k] in ("VERB", "AUX") and not own_subject(a, k) for k in kids(a, root, "conj"))


def is_plural(a: Analysis, head: int) -> bool:
    if a.lemmas[head] in ("number", "lot", "couple", "handful", "majority"):
        objects = [o for p in kids(a, head, "prep") for o in kids(a, p, "pobj")]
        return any(a.tags[o] == "NNS" for o in objects)  # "a number of conferences"
    if any(a.lemmas[k] == "and" for k in kids(a, head, "cc")) and kids(a, head, "conj"):
        return True
    word = a.word(head).lower()
    if word in ("they", "we", "these", "those", "you", "them", "us"):
        return True
    ent = a.entity(head)
    if ent is not None and ent.label in ("ORG", "GPE"):
        return False
    return a.tags[head] in ("NNS", "NNPS")
