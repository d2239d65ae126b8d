"""An article as the generator knows it: its parse and cast, the names, places and object
phrases that wrong claims take their replacements from, and who in it can act."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from summarizer.reading import Analysis
from summarizer.reading.cast import Cast
from summarizer.reading.names import ORG_WORDS, TITLES, name_key

from .edit import normalised
from .words import HUMAN, NAME_LABELS, PERSONAL, PLACE_SUFFIXES


@dataclass(frozen=True)
class Name:
    """A person, organisation or place of the article: key, written form, label, mentions."""

    key: str
    text: str
    label: str
    count: int
    first: int  # character offset of its first mention
    acts: bool = False  # the subject of a verb (or a passive's agent) somewhere


@dataclass(frozen=True)
class Phrase:
    """A noun phrase that stands as an object somewhere in the article."""

    text: str
    head: str  # lemma
    plural: bool
    animate: bool
    lemmas: frozenset[str]
    start: int


@dataclass
class Article:
    """One article, read once by `read_article` and asked by every kind of claim."""

    id: str
    text: str
    a: Analysis
    cast: Cast
    published: date | None
    body_start: int  # after the headline
    dateline: tuple[int, int]  # the line with the publication date, if any
    normal: str
    verbs: frozenset[str]  # verb lemmas of the article
    names: list[Name] = field(default_factory=list)
    names_by_key: dict[str, Name] = field(default_factory=dict)
    places: list[Name] = field(default_factory=list)
    place_links: set[frozenset[str]] = field(default_factory=set)
    phrases: list[Phrase] = field(default_factory=list)

    def quoted(self, start: int, end: int, words: int = 0) -> bool:
        """Whether [start, end) overlaps a quotation of more than `words` words, or lies
        inside one."""
        for r in self.cast.regions:
            if r.open_at < end and start < r.close_at:
                inner = self.text[max(r.start, start) : min(r.end, end)]
                if len(inner.split()) > words or (r.start <= start and end <= r.end):
                    return True
        return False

    def states(self, claim: str) -> bool:
        return normalised(claim) in self.normal

    def entity_label(self, i: int) -> str | None:
        ent = self.a.entity(i)
        return ent.label if ent is not None else None


def clean_name(name: str) -> str:
    name = re.sub(r"['\u2019]s?$", "", name.strip())
    return re.sub(r"^(?:the|The) ", "", name)


def place_key(name: str) -> str:
    """A place's words without "the" or a trailing "region": "the Belgorod region" is
    "belgorod"; "U.S." is "u s"."""
    words = re.findall(r"\w+", clean_name(name).lower())
    while len(words) > 1 and words[-1] in PLACE_SUFFIXES:
        words.pop()
    return " ".join(words)


def can_act(art: Article, head: int) -> bool:
    """Whether a phrase names someone who can act: a person, a group or organisation (by
    name, title or role, or as an agent noun the article also uses as a verb: "reporter"
    beside "reported"), a country, or a personal pronoun."""
    a = art.a
    label = art.entity_label(head)
    if label is not None:
        return label in NAME_LABELS
    word = a.word(head).lower()
    if a.tags[head] == "PRP":
        return word in PERSONAL
    if a.pos[head] not in ("NOUN", "PROPN"):
        return False
    if a.pos[head] == "PROPN" and art.cast.member(name_key(a.word(head))) is not None:
        return True  # a name the tagger missed ("the Sea Org")
    return person_noun(art, a.lemmas[head]) or a.lemmas[head] in ORG_WORDS


def person_noun(art: Article, lemma: str) -> bool:
    if lemma in HUMAN or lemma in TITLES:
        return True
    if re.search(r"(ist|ian|man|men|eer)$", lemma) and len(lemma) > 4:
        return True
    if re.search(r"(er|or)$", lemma) and len(lemma) > 4:
        stem = lemma[:-2]
        stems = {stem, lemma[:-1], stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
        return bool(stems & art.verbs)
    return False
