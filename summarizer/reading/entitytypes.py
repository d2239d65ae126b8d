"""What a name names: a person, an organisation, a place, a thing (a product, a work), or
nothing at all (a phrase set in title case), weighed from the evidence a reader uses.

The small tagger alone calls "Belgorod" a person and "Kryvyi Rih" a person with the role
"remark"; a reader knows better from, strongest first:
1. the shape: a title-case run with a verb or a leading function word is a phrase ("Zelensky
   Confirms Presence", "This Means Going Forward"), not a name;
2. the article's other names: a word of a person's full name is that person ("Hale" beside
   "Maria Hale");
3. the gazetteer (`gazetteer.py`) for a name of several words ("Kryvyi Rih"), then first
   names (gender-guesser): a name of several words that begins with one is a person's;
4. the article's words around each mention (the parse): "near X", "the X region",
   "villages like X", "his hometown, X", "X's governor" make a place, and "in X" does
   unless the tagger says organisation ("in Congress") and the gazetteer has no such place;
   a personal title ("President X") makes a person; "a member of X" an organisation;
   an initialism after a time of day is its zone ("09:40 GMT"), no organisation;
5. the gazetteer for a one-word name: a continent, a country, a US state, a region or a
   city; the last word of a name of several words, when WordNet makes it a building, a
   road or a facility, unless the tagger says organisation ("Castlefrank Road", tagged a
   person; not "Home Office" nor "The Huffington Post"); a name led by WordNet's noun for
   a made thing is a thing ("Space Shuttle Columbia", tagged a person);
6. the tagger's label, by majority over the mentions; but a one-word place that nothing
   else supports (no gazetteer entry, not even "in X") is no evidence of anything: the
   small tagger calls "Satan", "Wicca" and "Ubisoft" places; nor is a person written
   with an article ("during the Hajj"), since a person's name takes none, unless WordNet
   has its word for a person ("the Joker", "the Queen").
Each answer says which evidence decided, so that a refusal can say so too. Apart from its
kind, a place may act ("Sweden beat South Korea"): `acting` says where, since a place that
acts is a party of its event, as a reader lists it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from summarizer.reading.analysis import Analysis, Entity
from summarizer.reading.cues import (
    PLACE_HINT,
    article_cue,
    member_of,
    person_cue,
    place_cue,
    zone_cue,
)
from summarizer.reading.gazetteer import place_named
from summarizer.reading.gender import first_name_gender
from summarizer.reading.names import is_org_name, name_words
from summarizer.reading.wordnet import leading_craft, names_a_venue, names_an_agent, only_a_verb

Kind = Literal["person", "organisation", "place", "thing", "phrase"]
_BY_LABEL: dict[str, Kind] = {
    "PERSON": "person", "ORG": "organisation", "NORP": "organisation", "GPE": "place",
    "LOC": "place", "FAC": "place", "PRODUCT": "thing", "WORK_OF_ART": "thing",
    "EVENT": "thing", "LAW": "thing", "LANGUAGE": "thing",
}  # fmt: skip
NAME_LABELS = frozenset(_BY_LABEL)
_OFFICES = frozenset(["minister", "secretary"])  # titles that take a portfolio
_OPPOSING = frozenset(["against", "versus", "vs", "v"])  # a side in a contest is a party
_VERB_TAGS = frozenset(["VBZ", "VBD", "VBP", "MD"])
_LEADING_FUNCTION = frozenset(
    "this that these those it he she they we you i there here what how why when".split()
)
_FUNCTION_POS = frozenset(["PRON", "DET", "AUX", "SCONJ", "PART"])
# Labels a venue's word does not overrule: places already, or organisations, which are
# named after buildings too ("The Huffington Post", "Pew Research Center").
_NOT_VENUES = frozenset(["GPE", "LOC", "ORG", "NORP"])


@dataclass(frozen=True)
class Typed:
    """A name's kind (None: no evidence) and the evidence that decided it."""

    kind: Kind | None
    evidence: str = ""
    # Whether the evidence is more than the tagger's guess or a bare "in X": enough for
    # rule 4 to refuse an item its field does not take.
    firm: bool = True


@dataclass
class _Seen:
    labels: Counter[str] = field(default_factory=Counter)
    place: list[str] = field(default_factory=list)  # cue phrases, as the article has them
    place_weak: list[str] = field(default_factory=list)
    place_hint: int = 0
    person: list[str] = field(default_factory=list)
    member: list[str] = field(default_factory=list)  # "a member of X": an organisation
    acts: list[str] = field(default_factory=list)  # as the subject of a verb
    titles: list[str] = field(default_factory=list)  # in an office's title
    articled: list[str] = field(default_factory=list)  # "the X": no person's name
    zones: list[str] = field(default_factory=list)  # the times of day it follows


def _key(name: str) -> str:
    """Its words without titles and articles; initials as they are ("US", "UK")."""
    return " ".join(name_words(name)) or (name.strip().casefold() if name.isupper() else "")


def _phrase(a: Analysis, first: int, last: int) -> str | None:
    """Why the token run [first, last) is a phrase, not a name, or None."""
    for t in range(first, last):
        word = a.word(t)
        if a.tags[t] in _VERB_TAGS and word[:1].isupper():
            return f"it has the verb '{word}'"
    if a.pos[first] in _FUNCTION_POS and a.lemmas[first] not in ("the", "a", "an"):
        return f"it begins with '{a.word(first)}'"
    return None


def _phrase_words(name: str) -> str | None:
    """Why a name no entity of the article has is a phrase, from its words alone: it
    begins with a pronoun or a demonstrative ("This Means Going Forward"), or has a word
    that is only a verb ("Zelensky Confirms Presence")."""
    words = name.split()
    if words and words[0].lower() in _LEADING_FUNCTION:
        return f"it begins with '{words[0]}'"
    verb = next((w for w in words[1:] if w[:1].isupper() and only_a_verb(w)), None)
    return f"it has the verb '{verb}'" if verb else None


class TypeBook:
    """The evidence for every name of one article (built once, with its reading)."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        # Words the article writes in lower case: a city named so is no evidence.
        self.common = frozenset(w for i in range(len(a)) if (w := a.word(i)).islower())
        self.seen: dict[str, _Seen] = {}
        self.phrases: dict[str, str] = {}
        self.first_names: dict[str, str] = {}  # a surname -> the full name with a first name
        self._typed: dict[str, Typed] = {}
        for e in a.entities:
            if e.label in NAME_LABELS:
                self._add(e)

    def _add(self, e: Entity) -> None:
        a = self.a
        key = _key(a.text[e.start : e.end])
        if not key:
            return
        why = _phrase(a, e.first, e.last)
        if why is not None:
            self.phrases[key] = why
        root = (a.roots(e.first, e.last) or [e.last - 1])[-1]
        cue = a.text[a.starts[max(e.first - 2, 0)] : a.ends[min(e.last + 1, len(a) - 1)]]
        place, weak = place_cue(a, e, root)
        hint = a.deps[root] == "pobj" and a.lemmas[a.heads[root]] in PLACE_HINT
        person = person_cue(a, e)
        subject = root
        while a.deps[subject] == "conj" and a.heads[subject] != subject:
            subject = a.heads[subject]
        head = a.heads[subject]
        acts = (a.deps[subject] == "nsubj" and a.pos[head] == "VERB") or (
            a.deps[subject] == "pobj" and a.lemmas[head] in _OPPOSING  # "against Panama"
        )
        # "Foreign Affairs minister", "Shadow Home Secretary": an office's portfolio (but
        # "NASA administrator", "Hamas leader" name an organisation)
        in_title = e.label == "ORG" and a.heads[root] == e.last and a.lemmas[e.last] in _OFFICES
        member = member_of(a, root)
        articled = article_cue(a, e, root)
        zone = zone_cue(a, e)
        keys = [key] + [k for k in _conjunct_keys(a, e.first, e.last) if k != key]
        for each in keys:  # "Demidovka and Prilesye", one entity, is two names
            seen = self.seen.setdefault(each, _Seen())
            seen.labels[e.label] += 1
            if place:
                seen.place.append(cue)
            elif weak:
                seen.place_weak.append(cue)
            seen.place_hint += hint
            if person:
                seen.person.append(cue)
            if member:
                seen.member.append(cue)
            if acts:
                seen.acts.append(cue)
            if in_title:
                seen.titles.append(cue)
            if articled:
                seen.articled.append(cue)
            if zone is not None:
                seen.zones.append(zone)
        words = key.split()
        if e.label == "PERSON" and len(words) >= 2 and first_name_gender(words[0]) != "unknown":
            self.first_names.setdefault(words[-1], a.text[e.start : e.end])

    def acting(self, name: str) -> str | None:
        """Where the article has `name` act, as the subject of a verb ("Sweden beat South
        Korea") or a side against another ("against Panama"): a place that acts is a party
        too (metonymy), so it may be a `who`."""
        seen = self.seen.get(_key(name))
        return seen.acts[0] if seen is not None and seen.acts else None

    def type_of(self, name: str) -> Typed:
        """The kind of `name` and the evidence that decided it (module docstring); weighed
        once a name, since candidates ask for every mention."""
        found = self._typed.get(name)
        if found is None:
            found = self._typed[name] = self._weigh(name)
        return found

    def _craft_named(self, key: str) -> str | None:
        """The made thing, if any, whose full name ends in the one word `key`: "Columbia"
        after "Space Shuttle Columbia" is the shuttle (see `leading_craft`)."""
        ends = (k for k in self.seen if k.endswith(" " + key))
        return next((craft for k in ends if (craft := leading_craft(k)) is not None), None)

    def _weigh(self, name: str) -> Typed:
        key = _key(name)
        if not key:
            return Typed(None)
        if name.startswith("@"):  # "tweeted using his @POTUS account"
            return Typed("thing", f"'{name}' is an account's handle")
        if key in self.phrases:
            return Typed("phrase", self.phrases[key])
        if (why := _phrase_words(name)) is not None:
            return Typed("phrase", why)
        words = key.split()
        if len(words) == 1 and (craft := self._craft_named(key)) is not None:
            return Typed("thing", f"the article names the {craft} '{name}' in full")
        if len(words) == 1 and key in self.first_names:
            return Typed("person", f"the article names the person {self.first_names[key]}")
        seen = self.seen.get(key) or _Seen()
        if seen.zones and len(seen.zones) == seen.labels.total():
            return Typed(None, f"it follows the time '{seen.zones[0]}': a time zone")
        if seen.titles and len(seen.titles) == seen.labels.total():
            return Typed("thing", f"it names an office's portfolio: '{seen.titles[0]}'")
        label = seen.labels.most_common(1)[0][0] if seen.labels else None
        # Several words, and no organisation's ("University of Texas" is no city's name).
        several = len(words) > 1 and not is_org_name(words)
        if several and (craft := leading_craft(name)) is not None:  # "Space Shuttle Columbia"
            return Typed("thing", f"a '{craft}' is a made thing (WordNet)")
        if several and (found := place_named(name, common=self.common)) is not None:
            return Typed("place", f"'{name}' is {found.describe()}")
        if several and first_name_gender(words[0]) != "unknown":
            return Typed("person", f"'{words[0].title()}' is a first name")
        on_map = place_named(name, common=self.common) if several or len(words) == 1 else None
        weak = len(seen.place_weak) if not seen.labels["ORG"] or on_map else 0
        place = len(seen.place) + weak
        if seen.member and len(seen.member) >= len(seen.place) and on_map is None:
            return Typed("organisation", f"the article's words: '{seen.member[0]}'")
        if place > len(seen.person):
            cue = (seen.place or seen.place_weak)[0]
            return Typed(
                "place",
                f"the article's words: '{cue}'",
                firm=bool(seen.place) or on_map is not None,
            )
        if seen.person and len(seen.person) > place:
            return Typed("person", f"the article's words: '{seen.person[0]}'")
        if on_map is not None and (
            label not in ("ORG", "NORP") or seen.labels["GPE"] or seen.place_hint
        ):  # "from Herat, their home", tagged ORG
            return Typed("place", f"'{name}' is {on_map.describe()}")
        if len(words) > 1 and label not in _NOT_VENUES and names_a_venue(words[-1]):
            return Typed("place", f"'{words[-1]}' names a place (WordNet)", firm=False)
        backed = seen.place_weak or seen.place_hint or len(words) > 1 or name.isupper()
        if label in ("GPE", "LOC") and not backed:
            return Typed(None)  # an unknown word the tagger guessed a place: "Satan", "Ubisoft"
        if label == "PERSON" and seen.articled and not names_an_agent(words[-1]):
            # "during the Hajj", tagged a person; but "the Joker", "the Queen" are people
            return Typed(
                None,
                f"the article's words: '{seen.articled[0]}', and a person's name takes no article",
            )
        if label is not None:
            return Typed(_BY_LABEL[label], f"the tagger's label {label}", firm=False)
        return Typed(None)


def conjuncts(a: Analysis, first: int, last: int) -> list[tuple[int, int]]:
    """Token runs of [first, last) between its commas and conjunctions: "Demidovka and
    Prilesye", one entity to the tagger, is two places."""
    runs, begin = [], first
    for t in range(first, last + 1):
        if t == last or a.deps[t] == "cc" or a.word(t) in (",", ";"):  # not "Udvar-Hazy"
            if t > begin:
                runs.append((begin, t))
            begin = t + 1
    return runs


def _conjunct_keys(a: Analysis, first: int, last: int) -> list[str]:
    """The keys of the names an entity joins with "and" or commas, when it does."""
    runs = conjuncts(a, first, last)
    keys = [_key(a.text[a.starts[b] : a.ends[e - 1]]) for b, e in runs]
    return [k for k in keys if k] if len(runs) > 1 else []
