"""Whom a mention stands for: a name, a pronoun, or a description ("the professor").

A name is its cast member; a phrase that holds a person's name stands for that person
("CEO of the Refugee Council Enver Solomon", "the secretary general of CEI, Nunzio
Galantino"). A pronoun is resolved sentence by sentence backwards, preferring a subject
(the person the text is about) who agrees in gender ("he", "she"), or an organisation or a
plural subject ("it", "they"); when another person who may agree is as near, it is
ambiguous and says so. A description is the person the article gave that role ("the
professor" after "Professor Cres Eastman"), else an unnamed speaker in the article's own
words ("a spokesman", "one poster"), which is a legitimate speaker too.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from summarizer.reading.analysis import Analysis
from summarizer.reading.cast import SPEAKER_LABELS, Cast, Member, Mention
from summarizer.reading.gender import first_name_gender
from summarizer.reading.names import TITLES, name_words

_MALE = frozenset(["he", "him", "his", "himself"])
_FEMALE = frozenset(["she", "her", "hers", "herself"])
_GROUP = frozenset(["they", "them", "their", "it", "its"])
_DEFINITE = frozenset(["the", "this", "that", "these", "those"])
_DESCRIPTION_CUT = frozenset(["relcl", "appos", "punct", "acl", "cc", "conj", "advcl"])
_NAME_PATH = frozenset(["appos", "compound", "flat", "conj", "amod", "nmod", "npadvmod"])
SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_SENTENCES_BACK = 4  # how far back a pronoun looks for its person
_ROLE_LOOKBACK = 500  # mentions a description ("the professor") looks back through


@dataclass(frozen=True)
class Referent:
    """Whom the text gives a quotation: a cast member (`key`) or an unnamed description.

    `start`/`end` mark the attributing mention ("he" in "he said"); `name` is the article's
    fullest name for a member, or the description as the article writes it. `others` are
    the keys of members that an ambiguous mention may also stand for.
    """

    name: str
    key: str
    start: int
    end: int
    words: frozenset[str] = frozenset()
    others: tuple[str, ...] = ()

    @property
    def named(self) -> bool:
        return bool(self.key)

    @property
    def ambiguous(self) -> bool:
        return bool(self.others)


def _of_member(member: Member, start: int, end: int, others: tuple[str, ...] = ()) -> Referent:
    return Referent(member.name, member.key, start, end, others=others)


def _is_person(a: Analysis, i: int) -> bool:
    e = a.entity(i)
    return e is not None and e.label == "PERSON"


def _person_in_phrase(a: Analysis, tok: int) -> int | None:
    """A person's name inside the noun phrase of `tok`: itself, an apposition or compound
    ("American academic and professor Marc Lamont Hill"), or "<title> of <Org> <Name>"."""
    stack = [tok]
    while stack:
        j = stack.pop()
        if _is_person(a, j):
            return j
        for k in a.children(j):
            if a.deps[k] in _NAME_PATH:
                stack.append(k)
            elif a.deps[k] == "prep" and a.lemmas[k] == "of":
                pobj = next((p for p in a.children(k) if a.deps[p] == "pobj"), None)
                if pobj is not None and _is_person(a, pobj) and _led_by_other(a, pobj):
                    return pobj
    return None


def _led_by_other(a: Analysis, name: int) -> bool:
    """Whether a name is preceded by compounds outside it ("the Refugee Council Enver
    Solomon"), as in "CEO of <Org> <Name>" rather than "a friend of <Name>"."""
    ent = a.entity(name)
    return ent is not None and any(
        a.deps[k] == "compound" and not ent.first <= k < ent.last for k in a.children(name)
    )


def _named(cast: Cast, tok: int) -> Referent | None:
    a = cast.analysis
    ent = a.entity(tok)
    first, last = (ent.first, ent.last) if ent and ent.label in SPEAKER_LABELS else (tok, tok + 1)
    # Names in front that the tagger left out or tagged apart ("Valeska" of "Valeska Paris",
    # two places to it), but no other entity's words unless a first name ("the Refugee
    # Council Enver Solomon").
    while (
        first > 0
        and a.pos[first - 1] == "PROPN"
        and (
            a.ent_of[first - 1] in (-1, a.ent_of[tok])
            or first_name_gender(a.word(first - 1)) != "unknown"
        )
        and first <= a.heads[first - 1] < last
        and a.deps[first - 1] in ("compound", "flat")
        and a.lemmas[first - 1].rstrip(".") not in TITLES
    ):
        first -= 1
    start, end = a.starts[first], a.ends[last - 1]
    while start < end and not a.text[start].isalnum():  # "―Pamela Padilla"
        start += 1
    text = a.text[start:end]
    key = cast.key_of(text.removesuffix("'s").removesuffix("\u2019s"), start)
    if not key:
        return None
    member = cast.member(key)
    if member is None or len(name_words(text)) > len(name_words(member.name)):
        return Referent(text, member.key if member else key, start, end)
    return _of_member(member, start, end)


def _is_subject(a: Analysis, mention: Mention) -> bool:
    for i in a.tokens_between(mention.start, mention.end):
        if not mention.start <= a.starts[a.heads[i]] < mention.end:
            dep = a.deps[i]
            return dep in SUBJECTS or (dep == "appos" and a.deps[a.heads[i]] in SUBJECTS)
    return False


def _pronoun(cast: Cast, tok: int, exclude: frozenset[str]) -> Referent | None:
    a = cast.analysis
    word = a.word(tok).lower()
    start, end = a.starts[tok], a.ends[tok]
    if word in _GROUP:
        return _group_antecedent(cast, tok)
    if word not in _MALE and word not in _FEMALE:
        return None
    wanted = "male" if word in _MALE else "female"
    here = a.sentence_of(tok)
    for sentence in range(here, max(-1, here - _SENTENCES_BACK - 1), -1):
        lo = a.sentences[sentence][0]
        hi = start if sentence == here else a.sentences[sentence][1]
        found = [
            m
            for m in cast.narrated_between(lo, hi)
            if m.key not in exclude and cast.members[m.key].person
        ]
        agree = [m for m in found if cast.members[m.key].gender in (wanted, "unknown")]
        if not agree:
            continue
        best = next((m for m in agree if _is_subject(a, m)), agree[0])
        member = cast.members[best.key]
        rivals = {m.key for m in agree} - {best.key}
        if member.gender == wanted or not rivals:
            return _of_member(member, start, end)
        return _of_member(member, start, end, tuple(sorted(rivals)))
    return None


def _group_antecedent(cast: Cast, tok: int) -> Referent | None:
    """ "It"/"they": the nearest organisation named, or the nearest plural main subject."""
    a = cast.analysis
    start, end = a.starts[tok], a.ends[tok]
    first = a.sent_first[max(0, a.sentence_of(tok) - _SENTENCES_BACK)]
    horizon = a.starts[first]
    org = next(
        (
            m
            for m in reversed(cast.narrated_between(horizon, start))
            if not cast.members[m.key].person
        ),
        None,
    )
    plural = next(
        (
            i
            for i in range(tok - 1, first - 1, -1)
            if a.deps[i] == "nsubj"
            and a.tags[i] == "NNS"
            and a.deps[a.heads[i]] == "ROOT"
            and not cast.quoted[i]
        ),
        None,
    )
    if plural is not None and (org is None or a.starts[plural] > org.start):
        described = _description(cast, plural)
        return Referent(described.name, "", start, end, described.words)
    return None if org is None else _of_member(cast.members[org.key], start, end)


def _description(cast: Cast, tok: int) -> Referent:
    """An unnamed speaker in the article's words: the noun phrase, without clauses."""
    a = cast.analysis
    lo, hi = tok, tok + 1
    stack = [tok]
    while stack:
        j = stack.pop()
        lo, hi = min(lo, j), max(hi, j + 1)
        stack.extend(k for k in a.children(j) if a.deps[k] not in _DESCRIPTION_CUT)
    span = range(lo, hi)
    words = frozenset(a.lemmas[i] for i in span) | {a.word(i).lower() for i in span}
    return Referent(a.text[a.starts[lo] : a.ends[hi - 1]], "", a.starts[lo], a.ends[hi - 1], words)


def _described(cast: Cast, tok: int) -> Referent:
    """A common noun: the person given that role before ("the professor"), or itself."""
    a = cast.analysis
    own = _description(cast, tok)
    definite = any(
        a.deps[k] in ("det", "poss") and a.lemmas[k] in _DEFINITE for k in a.children(tok)
    )
    if definite:
        role = a.lemmas[tok]
        for mention in islice(cast.before(a.starts[tok]), _ROLE_LOOKBACK):
            member = cast.members[mention.key]
            if member.person and role in member.roles:
                return _of_member(member, own.start, own.end)
    return own


def referent(cast: Cast, tok: int, exclude: frozenset[str] = frozenset()) -> Referent | None:
    """Whom the subject token `tok` stands for (None: a word that names no one).

    `exclude`: members a pronoun cannot stand for (those the quotation itself names: a
    speaker does not call themselves by their full name).
    """
    a = cast.analysis
    if a.tags[tok] in ("WP", "WDT") and a.deps[a.heads[tok]] == "relcl":
        tok = a.heads[a.heads[tok]]  # "Smith, who said ..." -> Smith
    if a.pos[tok] == "PRON" and not any(a.deps[k] == "det" for k in a.children(tok)):
        return _pronoun(cast, tok, exclude)  # not "the i" (a newspaper)
    person = _person_in_phrase(a, tok)
    if person is not None:
        return _named(cast, person)
    if a.ent_of[tok] >= 0 or a.pos[tok] == "PROPN":
        found = _named(cast, tok)
        if found is not None:
            return found
    if a.pos[tok] in ("NOUN", "PROPN", "PRON"):
        return _described(cast, tok)
    return None
