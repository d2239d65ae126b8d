"""Events as the parse states them: who acts, the action, on whom, with what polarity and
modality, and the times, places and numbers said with it.

One `Event` per clause whose head is a verb (or a copula): the agent is the subject, or
the "by" phrase of a passive; the patient is the object, or the subject of a passive;
polarity counts "not", "never", "no longer" and verbs that negate what they govern ("failed
to", "refused to", "denied that"); modality is `possible` (may, could, might, can),
`prospective` (will, would, plans to, is expected to, is set to), `obligation` (must,
should), `claimed` (what a source "claims" or "alleges"), or `fact`. A verb that only
frames another ("plans to", "failed to") is folded into the event it governs. Rule 5
compares the events of a `what` sentence with the article's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.reading.analysis import Analysis

Modality = str  # "fact" | "possible" | "prospective" | "obligation"

_CLAUSE_DEPS = frozenset("ROOT ccomp xcomp advcl relcl conj acl parataxis pcomp csubj".split())
_SUBJECTS = frozenset(["nsubj", "csubj", "expl"])
_PASSIVE_SUBJECTS = frozenset(["nsubjpass", "csubjpass"])
_OBJECTS = frozenset(["dobj", "attr", "oprd", "dative", "acomp"])
_NEGATIONS = frozenset(["not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"])
_POSSIBLE = frozenset(["may", "might", "could", "can"])
_PROSPECTIVE = frozenset(["will", "would", "shall", "'ll", "wo"])
_OBLIGATION = frozenset(["must", "should", "ought"])
# Verbs that make what they govern (xcomp) not happen, or deny what they report (ccomp).
NEGATING = frozenset(
    "fail refuse decline neglect deny reject dismiss stop cease avoid prevent".split()
)
# Reporting verbs that keep their distance from what they report: it stays a claim.
DISTANCING = frozenset("claim allege purport rumor rumour speculate suggest".split())
# Verbs (and adjectives) that make what they govern a plan, a hope or an expectation.
PROSPECTIVE_FRAMES = frozenset(
    """plan intend aim want wish hope expect seek try attempt propose promise vow pledge
    threaten prepare schedule set due likely going consider mull weigh""".split()
)
# A light verb whose object names the action: "made an announcement", "launched an attack".
LIGHT_VERBS = frozenset(
    "make give take hold launch carry conduct stage issue deliver do have pay".split()
)
NUMBER_LABELS = frozenset(["CARDINAL", "QUANTITY", "MONEY", "PERCENT"])
TIME_LABELS = frozenset(["DATE", "TIME"])
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])


@dataclass(frozen=True)
class Role:
    """A participant: its phrase's tokens [first, last) and its head token."""

    head: int
    first: int
    last: int


@dataclass
class Event:
    """One clause's event (see the module docstring). Token indices are the parse's."""

    verb: int  # the token that names the action
    action: str  # its lemma; a light verb's object's lemma ("announcement")
    agent: Role | None = None
    patient: Role | None = None
    negated: bool = False
    modality: Modality = "fact"
    first: int = 0  # the clause's tokens [first, last), nested clauses included
    last: int = 0
    frames: list[int] = field(default_factory=list)  # verbs folded in ("failed", "plans")
    reports: int | None = None  # the speech verb that reports this clause, if any
    # A bare past form with a subject and no object, as headlines write a passive
    # ("Montalvo arrested"): active or passive, the parse cannot tell.
    either_voice: bool = False
    # The agent is the noun a relative clause hangs on ("Kryvyi Rih, which killed 20"),
    # which may be only the nearest of the nouns "which" stands for.
    agent_from_relative: bool = False


def _role(a: Analysis, head: int) -> Role:
    lo, hi = a.subtree_span(head)
    return Role(head, lo, hi)


def _is_clause_head(a: Analysis, i: int) -> bool:
    if a.pos[i] not in ("VERB", "AUX"):
        return False
    if a.pos[i] == "AUX" and a.deps[i] not in _CLAUSE_DEPS:
        return False  # an auxiliary of another verb
    return a.deps[i] in _CLAUSE_DEPS or a.heads[i] == i


def _modality(a: Analysis, verb: int) -> Modality:
    for k in a.children(verb):
        if a.deps[k] not in ("aux", "auxpass"):
            continue
        word = a.word(k).lower()
        if word in _POSSIBLE:
            return "possible"
        if word in _PROSPECTIVE:
            return "prospective"
        if word in _OBLIGATION:
            return "obligation"
        if a.lemmas[k] == "go" and a.tags[k] == "VBG":  # "is going to"
            return "prospective"
    return "fact"


def _negations(a: Analysis, verb: int) -> int:
    count = 0
    for k in a.children(verb):
        word = a.word(k).lower()
        if a.deps[k] == "neg" or (a.deps[k] in ("advmod", "npadvmod") and word in _NEGATIONS):
            count += 1
        elif a.lemmas[k] == "longer" and any(a.word(j).lower() == "no" for j in a.children(k)):
            count += 1  # "no longer"
    return count


def _own_subject(a: Analysis, verb: int) -> tuple[int | None, bool]:
    """`verb`'s own subject and whether it is a passive one; also one the parser hung on
    its auxiliary ("Zelenskyy has, for the first time, confirmed")."""
    for holder in (verb, *(k for k in a.children(verb) if a.deps[k] in ("aux", "auxpass"))):
        for k in a.children(holder):
            if a.deps[k] in _SUBJECTS:
                return k, False
            if a.deps[k] in _PASSIVE_SUBJECTS:
                return k, True
    return None, False


def _subject(a: Analysis, verb: int) -> tuple[int | None, bool]:
    """The subject token of `verb` and whether `verb` takes it as a passive one. A
    conjoined or controlled verb borrows its head's ("attacked Y and killed Z", "continue
    to fight", "was expected to take place": the meeting takes place); a relative clause's
    "who" or "which" is the noun it qualifies."""
    own, passive = _own_subject(a, verb)
    if own is not None:
        if _relative(a, own) and a.deps[verb] == "relcl":
            return a.heads[verb], passive
        return own, passive
    inner, seen = verb, 0
    while seen < 6 and a.deps[verb] in ("conj", "xcomp") and a.heads[verb] != verb:
        seen += 1
        controlled = a.deps[verb] == "xcomp"
        verb = a.heads[verb]
        if controlled and (obj := _object(a, verb)) is not None and a.deps[obj] == "dobj":
            return obj, _passive(a, inner)  # "requires members to sign": the members sign
        found, _ = _own_subject(a, verb)
        if found is not None:
            return found, _passive(a, inner)
    if a.deps[inner] in ("relcl", "acl") and a.heads[inner] != inner:
        return a.heads[inner], a.tags[inner] == "VBN"  # "the troops deployed there"
    return None, False


def _passive(a: Analysis, verb: int) -> bool:
    """A passive verb; also a bare participle with a subject, as headlines write one
    ("Afghan team honored for …": the team is honored)."""
    kids = a.children(verb)
    if any(a.deps[k] in ("auxpass", "nsubjpass") for k in kids):
        return True
    bare = a.tags[verb] == "VBN" and not any(a.deps[k] in ("aux", "auxpass") for k in kids)
    return bare and any(a.deps[k] == "nsubj" for k in kids) and not _object(a, verb)


def _agent_phrase(a: Analysis, verb: int) -> int | None:
    """The noun of a passive's "by" phrase."""
    for k in a.children(verb):
        if a.deps[k] == "agent":
            return next((j for j in a.children(k) if a.deps[j] == "pobj"), None)
    return None


def _relative(a: Analysis, t: int) -> bool:
    """A relative pronoun ("which", "whom"; "that", which the tagger may call a
    preposition)."""
    return a.tags[t] in ("WP", "WDT") or a.lemmas[t] == "that"


def _object(a: Analysis, verb: int) -> int | None:
    return next((k for k in a.children(verb) if a.deps[k] in _OBJECTS), None)


def _event(a: Analysis, verb: int) -> Event:
    subject, passive_subject = _subject(a, verb)
    passive = passive_subject or _passive(a, verb)
    lo, hi = a.subtree_span(verb)
    event = Event(verb, a.lemmas[verb], first=lo, last=hi)
    event.agent_from_relative = a.deps[verb] == "relcl" and subject == a.heads[verb]
    event.negated = _negations(a, verb) % 2 == 1
    event.modality = _modality(a, verb)
    kids = a.children(verb)
    event.either_voice = (
        a.tags[verb] in ("VBD", "VBN")
        and not any(a.deps[k] in ("aux", "auxpass") for k in kids)
        and _object(a, verb) is None
        and not any(a.deps[k] in ("ccomp", "xcomp") for k in kids)
        and subject is not None
    )
    if passive:
        by = _agent_phrase(a, verb)
        event.agent = _role(a, by) if by is not None else None
        event.patient = _role(a, subject) if subject is not None else None
    else:
        event.agent = _role(a, subject) if subject is not None else None
        obj = _object(a, verb)
        if obj is not None and a.deps[verb] == "relcl" and _relative(a, obj):
            obj = a.heads[verb]  # "a programme that Hale runs": Hale runs the programme
        event.patient = _role(a, obj) if obj is not None else None
    if event.action == "be" and event.patient is not None:  # "was “not happy …”"
        event.negated ^= _negations(a, event.patient.head) % 2 == 1
    if event.action == "take" and event.patient and a.lemmas[event.patient.head] == "place":
        event.action, event.patient = "happen", None  # "took place"
    elif event.action in LIGHT_VERBS and event.patient is not None:
        noun = event.patient.head
        if a.pos[noun] == "NOUN":  # "made an announcement": the action is the noun
            event.action = a.lemmas[noun]
            event.patient = None
            of = _of_object(a, noun)
            if of is not None:
                event.patient = _role(a, of)
    return event


def _of_object(a: Analysis, noun: int) -> int | None:
    """The object of a nominal action: "an attack on Kyiv", "the release of hostages"."""
    for k in a.children(noun):
        if a.deps[k] == "prep" and a.lemmas[k] in ("on", "of", "against", "to"):
            return next((j for j in a.children(k) if a.deps[j] == "pobj"), None)
    return None


def _fold(a: Analysis, events: dict[int, Event]) -> None:
    """Fold framing verbs into what they govern: "failed to confirm" is a negated
    "confirm", "plans to visit" a prospective "visit", "denied that X" a negated X; the
    subject of the frame is the agent of the event when it has none of its own."""
    for verb in sorted(events):
        event = events.get(verb)
        if event is None:
            continue
        for k in a.children(verb):
            inner = events.get(k)
            if inner is None:
                continue
            lemma = event.action
            if a.deps[k] == "xcomp" and (lemma in NEGATING or lemma in PROSPECTIVE_FRAMES):
                inner.negated ^= lemma in NEGATING or event.negated
                if lemma in PROSPECTIVE_FRAMES and inner.modality == "fact":
                    inner.modality = "prospective"
                if inner.agent is None:
                    inner.agent = event.agent
                inner.frames.append(verb)
                events.pop(verb)
                break
            if a.deps[k] == "ccomp" and lemma == "deny":
                inner.negated ^= True
            if a.deps[k] == "ccomp" and lemma in DISTANCING and inner.modality == "fact":
                inner.modality = "claimed"  # "alleged that X": X is someone's claim


def events_in(a: Analysis, first: int, last: int) -> list[Event]:
    """The events of the clauses whose head lies in tokens [first, last), in order."""
    found = {i: _event(a, i) for i in range(first, last) if _is_clause_head(a, i)}
    for verb, event in found.items():
        head = a.heads[verb]
        if a.deps[verb] == "ccomp" and head in found:
            event.reports = head
    _fold(a, found)
    return [found[i] for i in sorted(found)]
