"""Who or what takes part in an event, as rule 5 compares them: names by their keys (a
pronoun or a description by whom the reading says it stands for), common nouns by their
words.

"Zelensky" is "Ukrainian President Volodymyr Zelenskyy" (the same key), "he" is whoever
the article's "he" stands for, and "Ukrainian troops" is "Ukrainian forces" (the same
head, or a near-synonym); "Russia" is not "Zelenskyy", and a role given to another party
of the article is a different event.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.reading import Analysis, Reading
from summarizer.reading.events import Role
from summarizer.reading.names import name_key, same_name
from summarizer.reading.referents import referent
from summarizer.reading.wordnet import synonyms

_NAME_LABELS = frozenset(["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"])
_CONTENT = frozenset(["NOUN", "PROPN", "NUM", "ADJ"])
# What only qualifies a party; an apposition says who it is ("Valeska Paris, an
# Australian woman"), and is kept.
_CUT = frozenset(["relcl", "acl", "advcl", "punct", "cc", "parataxis"])


@dataclass(frozen=True)
class Party:
    """A participant as written (`text`), with the name keys and content words it holds."""

    text: str
    keys: frozenset[str]
    words: frozenset[str]
    head: str
    pronoun: bool


def _core(a: Analysis, role: Role) -> list[int]:
    """The role's tokens without what only describes it (a relative clause): "her son,
    who served in Iraq," is "her son"."""
    keep, stack = [], [role.head]
    while stack:
        i = stack.pop()
        keep.append(i)
        stack.extend(k for k in a.children(i) if a.deps[k] not in _CUT or i != role.head)
    return sorted(t for t in keep if role.first <= t < role.last)


def _naming(a: Analysis, head: int) -> list[int]:
    """The tokens that name the party itself: its head, the words compounded with it and
    the heads conjoined with it ("Russia and Belarus"); not names in phrases that only
    qualify it ("the Kremlin of launching incursions into Belgorod" is the Kremlin)."""
    found, stack = [], [head]
    while stack:
        t = stack.pop()
        found.append(t)
        stack.extend(k for k in a.children(t) if a.deps[k] in ("compound", "flat", "conj"))
    return found


def party(a: Analysis, role: Role | None, reading: Reading | None) -> Party | None:
    """The party of `role` in parse `a`; `reading`: the article's, to resolve a pronoun
    or a description (None for the summary's own parse)."""
    if role is None:
        return None
    core = _core(a, role)
    keys = set()
    for t in _naming(a, role.head):
        e = a.entity(t)
        if e is not None and e.label in _NAME_LABELS:
            keys.add(name_key(a.text[e.start : e.end]))
        elif a.pos[t] == "PROPN":
            keys.add(name_key(a.word(t)))
    pronoun = a.pos[role.head] == "PRON"
    if reading is not None and (pronoun or not keys):
        found = referent(reading.cast, role.head)
        if found is not None and found.named:
            keys.add(found.key)
    words = frozenset(a.lemmas[t] for t in core if a.pos[t] in _CONTENT)
    text = " ".join(a.word(t) for t in core) if core else a.word(role.head)
    return Party(text, frozenset(k for k in keys if k), words, a.lemmas[role.head], pronoun)


def same_party(claimed: Party, given: Party) -> bool:
    """Whether the summary's party `claimed` is the article's `given` (see the module
    docstring). A summary's pronoun cannot be checked and is let through."""
    if claimed.pronoun and not claimed.keys:
        return True
    if claimed.words and claimed.words <= given.words:
        return True  # every word of it is the article's ("the Union of …" as it writes it)
    if claimed.keys:
        return all(any(same_name(k, g) for g in given.keys) for k in claimed.keys) or (
            given.keys == frozenset() and claimed.words <= given.words
        )
    if claimed.head in given.words or synonyms(claimed.head, noun=True) & given.words:
        return True
    shared = claimed.words & given.words
    return bool(claimed.words) and len(shared) * 2 >= len(claimed.words)
