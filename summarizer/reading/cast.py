"""The article's cast: the people and organisations it names, mentions merged by name key.

Built on spaCy's entities, with two repairs that speaker attribution needs: a surname alone
("Wilkins") belongs to the person named in full elsewhere ("Kristen Wilkins") whatever label
the tagger gave it, and each person keeps the role words the article gives them ("Professor
Cres Eastman", "Lydia Buchtmann, a spokeswoman for ...") so that "the professor" can be
resolved, and a gender from an honorific or their first name so that "she" can.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.reading.analysis import Analysis
from summarizer.reading.gender import Gender, first_name_gender, honorific_gender
from summarizer.reading.names import TITLES, KeyBook, name_words, same_key
from summarizer.reading.namesakes import Namesakes, namesakes
from summarizer.reading.quotations import Region, quote_regions
from summarizer.reading.rows import Rows
from summarizer.reading.speech import is_speech

SPEAKER_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
_ROLE_DEPS = frozenset(["appos", "compound", "amod", "nmod"])


@dataclass
class Member:
    """One entity of the cast: its key, fullest name and where the article names it."""

    key: str
    name: str
    person: bool
    gender: Gender = "unknown"
    mentions: array[int] = field(default_factory=lambda: array("i"))  # starts, as found
    roles: set[str] = field(default_factory=set)


@dataclass(frozen=True, order=True)
class Mention:
    """A narrator mention of a cast member (for resolving pronouns and descriptions)."""

    start: int
    end: int
    key: str


class Mentions(Rows[Mention]):
    """Narrator mentions in text order, kept as columns (a Mention object each, with its
    own ints, took ~100 bytes a mention of a long article)."""

    __slots__ = ("ends", "keys", "starts")

    def __init__(self, found: Iterable[tuple[int, int, str]]) -> None:
        self.starts, self.ends = array("i"), array("i")
        self.keys: list[str] = []
        for start, end, key in found:
            self.starts.append(start)
            self.ends.append(end)
            self.keys.append(key)

    def __len__(self) -> int:
        return len(self.starts)

    def _row(self, i: int) -> Mention:
        return Mention(self.starts[i], self.ends[i], self.keys[i])


@dataclass(eq=False)
class Cast:
    """The cast of one article and the quotation regions its narration is read around."""

    analysis: Analysis
    regions: list[Region]
    members: dict[str, Member]
    narrated: Mentions  # in text order; mentions inside quotations left out
    quoted: bytearray  # per token: 1 inside a quotation (marks included), else 0
    namesakes: Namesakes = field(default_factory=Namesakes)  # people who share a surname

    @cached_property
    def people(self) -> frozenset[str]:
        """Name keys of the people the article names."""
        return frozenset(k for k, m in self.members.items() if m.person)

    @cached_property
    def _keys(self) -> KeyBook:
        book = KeyBook()
        for key in self.members:
            book.add(key)
        return book

    @cached_property
    def _all_mentions(self) -> tuple[array[int], list[str]]:
        """Where every mention starts, in order, and its member's key."""
        found = sorted((s, k) for k, m in self.members.items() for s in m.mentions)
        return array("i", (s for s, _ in found)), [k for _, k in found]

    def key_of(self, name: str, start: int | None = None) -> str:
        """The key of the member `name` names at offset `start` (`namesakes`)."""
        return self.namesakes.key(name, start)

    def member(self, key: str) -> Member | None:
        """The member a name key names (spelling variants and surnames allowed)."""
        if not key:
            return None
        hit = self.members.get(key)
        if hit is not None:
            return hit
        found = self._keys.find(key)
        return self.members[found] if found is not None else None

    def before(self, offset: int) -> Iterator[Mention]:
        """Narrator mentions that end before `offset`, nearest first."""
        i = bisect_left(self.narrated.ends, offset + 1)
        return (self.narrated[j] for j in range(i - 1, -1, -1))

    def narrated_between(self, start: int, end: int) -> list[Mention]:
        """Narrator mentions that start within [start, end), in text order."""
        starts = self.narrated.starts
        return self.narrated[bisect_left(starts, start) : bisect_left(starts, end)]

    def keys_named_between(self, start: int, end: int) -> frozenset[str]:
        """Members with any mention (narrated or quoted) starting within [start, end)."""
        starts, keys = self._all_mentions
        return frozenset(keys[bisect_left(starts, start) : bisect_left(starts, end)])


def _clean_name(text: str) -> str:
    text = text.lstrip("\u2010\u2011\u2012\u2013\u2014\u2015-")  # "―Pamela Padilla"
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text.removeprefix("the ").removeprefix("The ")


def _roles(a: Analysis, first: int, last: int) -> set[str]:
    """Role words around a person's mention: its titles, appositions and modifiers."""
    words = {a.lemmas[i] for i in range(first, last) if a.lemmas[i] in TITLES}
    head = last - 1
    for kid in a.children(head):
        if a.deps[kid] in _ROLE_DEPS and not first <= kid < last:
            lo, hi = a.subtree_span(kid) if a.deps[kid] == "appos" else (kid, kid + 1)
            words |= {a.lemmas[i] for i in range(lo, hi) if a.pos[i] == "NOUN"}
    if a.deps[head] == "appos" and a.pos[a.heads[head]] == "NOUN":
        words.add(a.lemmas[a.heads[head]])
    if first and a.lemmas[first - 1] in TITLES:
        words.add(a.lemmas[first - 1])
    return words


def _gender(a: Analysis, member: Member) -> Gender:
    for start in member.mentions:
        i = a.token_at(start)
        if i > 0:
            g = honorific_gender(a.word(i - 1))
            if g != "unknown":
                return g
    words = name_words(member.name)
    return first_name_gender(words[0]) if len(words) > 1 else "unknown"


def _quoted_tokens(a: Analysis, regions: list[Region]) -> bytearray:
    quoted = bytearray(len(a))
    for r in regions:
        for i in a.tokens_between(r.open_at, r.close_at):
            quoted[i] = 1
    return quoted


def build_cast(a: Analysis) -> Cast:
    """Merge the article's entity mentions into members (see the module docstring)."""
    regions = quote_regions(a.text)
    quoted = _quoted_tokens(a, regions)
    members: dict[str, Member] = {}
    people = KeyBook()
    found: list[tuple[int, int, int, int, str, str]] = []  # start, end, first, last, label, name
    for e in a.entities:
        if e.label in SPEAKER_LABELS:
            found.append(
                (e.start, e.end, e.first, e.last, e.label, _clean_name(a.text[e.start : e.end]))
            )
    # People first, so that a surname tagged otherwise joins the person it names.
    found.sort(key=lambda f: (f[4] != "PERSON", f[0]))
    sakes = namesakes((f[0], f[5]) for f in found if f[4] == "PERSON")
    spans: list[tuple[int, int, str, int, int]] = []
    for start, end, first, last, label, name in found:
        key = sakes.key(name, start)
        if not key:
            continue
        member = members.get(key)
        if member is None and label != "PERSON" and (person := people.find(key)) is not None:
            member = members[person]
        if member is None:
            member = members[key] = Member(key, name, person=label == "PERSON")
            if member.person:
                people.add(key)
        if len(name_words(name)) > len(name_words(member.name)):
            member.name = name
        member.mentions.append(start)
        if member.person:
            member.roles |= _roles(a, first, last)
        spans.append((start, end, member.key, first, last))
    _add_speaking_names(a, members, spans, sakes)
    _add_bare_surnames(a, members, spans, sakes)
    for member in members.values():
        if member.person:
            member.gender = _gender(a, member)
    narrated = sorted((s, e, k) for s, e, k, first, _ in spans if not quoted[first])
    return Cast(a, regions, members, Mentions(narrated), quoted, sakes)


def _add_speaking_names(
    a: Analysis,
    members: dict[str, Member],
    spans: list[tuple[int, int, str, int, int]],
    sakes: Namesakes,
) -> None:
    """Proper nouns the tagger missed that are the subject of a speech verb ("Rathbun
    wrote"): people, unless the name reads as an organisation's."""
    for i in range(len(a)):
        if a.pos[i] != "PROPN" or a.ent_of[i] >= 0 or a.deps[i] != "nsubj":
            continue
        if not is_speech(a, a.heads[i]):
            continue
        first = i
        while first > 0 and a.heads[first - 1] == i and a.deps[first - 1] in ("compound", "flat"):
            first -= 1
        name = a.text[a.starts[first] : a.ends[i]]
        key = sakes.key(name, a.starts[first])
        if not key or any(same_key(k, key) for k in members):
            continue
        members[key] = Member(key, name, person=" " not in key)
        members[key].mentions.append(a.starts[first])
        spans.append((a.starts[first], a.ends[i], key, first, i + 1))


def _add_bare_surnames(
    a: Analysis,
    members: dict[str, Member],
    spans: list[tuple[int, int, str, int, int]],
    sakes: Namesakes,
) -> None:
    """Proper nouns outside any entity that are a known person's surname ("Rathbun"); of
    two people who share it, the one named in full nearest before."""
    tagged = bytearray(len(a))
    for *_, first, _ in spans:
        tagged[first] = 1
    people = {k: m for k, m in members.items() if m.person}
    for i in range(len(a)):
        # Any part of speech: the small model tags a surname that opens a sentence as a
        # verb at times ("Rathbun requested ...").
        if a.pos[i] in ("PRON", "DET", "ADP") or tagged[i] or not a.word(i)[:1].isupper():
            continue
        ent = a.entity(i)
        if ent is not None and ent.label in SPEAKER_LABELS:
            continue
        member = people.get(sakes.key(a.word(i), a.starts[i]))
        if member is not None:
            member.mentions.append(a.starts[i])
            spans.append((a.starts[i], a.ends[i], member.key, i, i + 1))
