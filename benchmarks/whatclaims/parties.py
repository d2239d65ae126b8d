"""Wrong claims about who did what to whom: subject and object exchanged ("role_swap"),
or another actor or object of the same article ("actor_replaced", "object_replaced"), so
that only the event's roles tell the claim from the article."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.reading import Analysis
from summarizer.reading.names import ORG_WORDS, name_key
from summarizer.reading.referents import referent

from .article import Name, can_act, clean_name, person_noun, place_key
from .edit import Piece, agree, apply, cap, phrase_in_case, upper_first, word_set
from .sentences import Sent, is_set_off, lowered
from .syntax import is_plural, kids
from .words import ACCUSATIVE, NAME_LABELS, NOMINATIVE, PLACE_LABELS, SYMMETRIC


def role_swap(c: Sent) -> str | None:
    """Subject and object exchanged, when both can act (people, organisations, places that
    act as states, pronouns for them): "Sweden defeated South Korea" -> "South Korea
    defeated Sweden"; in a passive, its subject and agent."""
    a, art = c.a, c.art
    if c.obj is not None and not kids(a, c.root, "auxpass"):
        other = c.obj
    else:
        agents = [p for g in kids(a, c.root, "agent") for p in kids(a, g, "pobj")]
        if not agents:
            return None
        other = agents[0]
    if not (can_act(art, c.subj) and can_act(art, other)) or a.lemmas[c.root] in SYMMETRIC:
        return None
    subject, objekt = _bare_phrase(c, c.subj), _bare_phrase(c, other)
    if subject is None or objekt is None or a.lemmas[c.subj] == a.lemmas[other]:
        return None
    s_tokens, s_lo, s_hi = subject
    o_tokens, o_lo, o_hi = objekt
    split = s_lo > c.first and a.pos[s_lo - 1] in ("NOUN", "PROPN", "CCONJ")
    if not s_hi <= c.root < o_lo or c.quoted(s_lo, o_hi) or split:
        return None
    new_subject = _cased(a, o_tokens, NOMINATIVE)
    new_object = _cased(a, s_tokens, ACCUSATIVE)
    if s_lo == c.first:
        new_subject[0] = cap(a, new_subject[0])
        if isinstance(new_object[0], int):
            new_object[0] = lowered(art, new_object[0])
    elif isinstance(new_subject[0], int):
        new_subject[0] = lowered(art, new_subject[0])
    subs = agree(a, c.root, is_plural(a, other))
    middle = apply(c.tokens(s_hi, o_lo), subs)
    return c.render([*c.tokens(hi=s_lo), *new_subject, *middle, *new_object, *c.tokens(o_hi)])


def _bare_phrase(c: Sent, head: int) -> tuple[list[int], int, int] | None:
    """The phrase at `head` without what commas set off in it (appositions, relative
    clauses), and the tokens [lo, hi) it stood on, a comma that closed them included; None if
    what remains holds other punctuation."""
    a = c.a
    lo, hi = a.subtree_span(head)
    dropped: set[int] = set()
    for k in a.children(head):
        k_lo, k_hi = a.subtree_span(k)
        if a.deps[k] in ("appos", "relcl", "acl") and k_lo > lo and is_set_off(c, k_lo):
            dropped |= set(range(k_lo - 1, k_hi))
    if dropped and hi < c.end and a.word(hi) == ",":
        hi += 1
    tokens = [t for t in range(lo, hi) if t not in dropped and not (t == hi - 1 and dropped)]
    if any(a.pos[t] in ("PUNCT", "SYM") and a.word(t) not in "-'\u2019" for t in tokens):
        return None
    return (tokens, lo, hi) if 0 < len(tokens) <= 12 else None


def _cased(a: Analysis, tokens: list[int], table: dict[str, str]) -> list[Piece]:
    """A phrase's tokens, a lone personal pronoun in the case `table` gives."""
    return phrase_in_case(a, tokens[0], tokens[0] + 1, table) if len(tokens) == 1 else list(tokens)


def actor_replaced(c: Sent) -> str | None:
    """The one who acts (the subject, or the agent of a passive) replaced by another person
    or organisation of the article: of the same kind for a name or a pronoun; for a
    description, a person for an organisation ("the ministry") and an organisation for
    people ("fishermen"), so that the new name cannot be the one it describes."""
    a, art = c.a, c.art
    head = c.subj
    if kids(a, c.root, "auxpass"):
        agents = [p for g in kids(a, c.root, "agent") for p in kids(a, g, "pobj")]
        if not agents:
            return None
        head = agents[0]
    label = _name_label(c, head)
    word = a.word(head).lower()
    labels: list[str]
    if label in NAME_LABELS:
        labels = {"NORP": ["GPE", "ORG"]}.get(label or "", [label or ""])
    elif word in ("he", "she", "him", "her"):
        labels = ["PERSON"]
    elif a.pos[head] in ("NOUN", "PROPN") and person_noun(art, a.lemmas[head]):
        found = referent(art.cast, head)  # "the president": another person, if it is one
        labels = ["PERSON"] if found is not None and found.key else ["ORG"]
    elif a.pos[head] in ("NOUN", "PROPN") and a.lemmas[head] in ORG_WORDS:
        labels = ["PERSON"]
    else:
        return None
    lo, hi = a.subtree_span(head)
    split = (lo > c.first and a.pos[lo - 1] in ("NOUN", "PROPN", "CCONJ")) or (
        hi < c.end and a.pos[hi] in ("NOUN", "PROPN")
    )
    if c.quoted(lo, hi) or split:
        return None  # part of a larger phrase the parse split
    name = _other_name(c, head, labels, acting=True)
    if name is None:
        return None
    text = upper_first(name.text) if lo == c.first else name.text
    spliced = c.splice(lo, hi, [text])
    if head == c.subj:
        spliced = apply(spliced, agree(a, c.root, False))
    return c.render(spliced)


def _other_name(c: Sent, head: int, labels: Sequence[str], acting: bool = False) -> Name | None:
    """The article's most named person, organisation or place of one of `labels` that is
    not the one at `head` (by name, pronoun or role) nor any the sentence names; with
    `acting`, one the article shows acting."""
    a, cast = c.a, c.art.cast
    keys = set(cast.keys_named_between(a.starts[c.first], a.ends[c.end]))
    words = {w for w in word_set(c.source) if len(w) > 2}
    found = referent(cast, head)
    if found is not None:
        keys |= {found.key, *found.others}
        words |= word_set(found.name) | {w.lower() for w in found.words}
    members = {id(m) for k in keys if (m := cast.member(k)) is not None}
    places = {p.key for p in c.art.places}
    best: Name | None = None
    for name in c.art.names:
        if name.label not in labels or name.key in keys or word_set(name.text) & words:
            continue
        if acting and not name.acts:
            continue
        if name.label in PLACE_LABELS and place_key(name.text) not in places:
            continue  # "Valeska" tagged as a place
        member = cast.member(name.key)
        if member is not None and id(member) in members:
            continue
        if best is None or (name.count, -name.first) > (best.count, -best.first):
            best = name
    return best


def _name_label(c: Sent, head: int) -> str | None:
    """The label the article gives most often to the name at `head` ("Valeska Paris" is a
    person though "Paris" alone was tagged a place)."""
    a, art = c.a, c.art
    ent = a.entity(head)
    if ent is None:
        return None
    member = art.cast.member(name_key(clean_name(a.text[ent.start : ent.end])))
    named = art.names_by_key.get(member.key) if member is not None else None
    return named.label if named is not None else ent.label


def object_replaced(c: Sent) -> str | None:
    """The object (a passive's subject) replaced by another of the article: a name by
    another name of its kind, a noun phrase by the nearest phrase the article has as the
    object of a verb that is alike in number and in being someone or something, with no
    word of the sentence."""
    a, art = c.a, c.art
    obj = c.obj
    if obj is None and kids(a, c.root, "auxpass"):
        obj = c.subj
    if obj is None or a.pos[obj] == "PRON":
        return None
    if a.tags[obj] == "NN" and not kids(a, obj, "det", "poss", "nummod", "amod", "compound"):
        return None  # "took action", "took place": a light verb's noun is no patient
    lo, hi = a.subtree_span(obj)
    if hi > c.end or (obj != c.subj and lo <= c.root) or c.quoted(lo, hi):
        return None
    if any(a.word(t) in ("-", "\u2013", "\u2014", "(", ")") for t in range(lo, hi)):
        return None  # a phrase set off by dashes or brackets inside it
    label = art.entity_label(obj)
    text: str | None = None
    plural = False
    if label in NAME_LABELS:
        labels = {"NORP": ["GPE", "ORG"]}.get(label or "", [label or ""])
        name = _other_name(c, obj, labels)
        text = name.text if name else None
    elif a.pos[obj] == "NOUN":
        own = c.lemmas()
        animate = can_act(art, obj)
        here = a.starts[c.first]
        for phrase in sorted(art.phrases, key=lambda p: abs(p.start - here)):
            if phrase.head in own or phrase.lemmas & own or phrase.animate != animate:
                continue
            if phrase.plural != (a.tags[obj] == "NNS"):
                continue
            text, plural = phrase.text, phrase.plural
            break
    if not text:
        return None
    if lo == c.first:
        text = upper_first(text)
    elif text.split()[0] in ("The", "A", "An"):
        text = text[:1].lower() + text[1:]
    pieces = c.splice(lo, hi, [text])
    if obj == c.subj:
        pieces = apply(pieces, agree(a, c.root, plural))
    return c.render(pieces)
