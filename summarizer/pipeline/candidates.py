"""What the article itself proposes, before any model: names, places, times and quotes.

Names are spaCy's entities, one candidate per entity merged by name key ("Zelenskyy" with
"Volodymyr Zelenskyy", named by the article's fullest form) with every mention's offsets;
times are what our time-expression rules find inside spaCy's date and time entities
("Monday", not "Monday in a video address"); quotes are every direct quotation with the
speaker attribution finds. Each candidate gets a short id (P1, O1, L1, T1; Q1 for a quote
with no speaker found) that the prompt marks: the model sees what the text found, adds only
what it missed, and answers a quote's speaker with an id (two tokens, not ten).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from summarizer.pipeline.body import from_body
from summarizer.reading import Analysis, Entity, Reading
from summarizer.reading.anchors import is_clause
from summarizer.reading.cues import abbreviation_after
from summarizer.reading.entitytypes import NAME_LABELS, conjuncts
from summarizer.reading.instructions import is_instruction
from summarizer.reading.names import KeyBook, name_key, name_words
from summarizer.reading.timeexpr import find_time
from summarizer.reading.wordnet import is_word

FieldName = Literal["who", "where", "when"]
# Id prefix and field of each spaCy label that proposes something.
_KINDS: dict[str, tuple[str, FieldName]] = {
    "PERSON": ("P", "who"),
    "ORG": ("O", "who"),
    "GPE": ("L", "where"),
    "LOC": ("L", "where"),
    "FAC": ("L", "where"),
    "DATE": ("T", "when"),
    "TIME": ("T", "when"),
}
_STRIP_AFTER = ("'s", "\u2019s", " Image", " Photo")  # "… Image: (credit)" captions
# An organisation's name ending in one of these is a building or site, a place to visit
# ("the Museum of Flight", "Metro Toronto Convention Centre", "NTU Hospital Station").
_FACILITY_NOUNS = frozenset(
    """museum center centre planetarium hall station stadium arena hotel mosque airport
    base bridge tower towers factory gallery galleries park square palace cathedral road
    street avenue""".split()
)


@dataclass
class Candidate:
    """One entity the article names: id, field, fullest name, and every mention."""

    id: str
    kind: FieldName  # the summary field it proposes for
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuoteProposal:
    """A direct quotation: its inner text's span and the speaker attribution found (None:
    none; then `id` is the Qn the model is asked about, if the quotation reads as speech)."""

    start: int
    end: int
    open_at: int
    speaker: str | None
    id: str | None = None


@dataclass(frozen=True, eq=False)
class Proposal:
    """Everything the text proposes for one article, with ids for the prompt, and the
    reading it was proposed from (the prompt and the join read it too)."""

    reading: Reading
    candidates: list[Candidate]
    quotes: list[QuoteProposal]

    @property
    def text(self) -> str:
        return self.reading.text

    @property
    def by_id(self) -> dict[str, Candidate]:
        return {c.id: c for c in self.candidates}

    def of(self, wanted: FieldName) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == wanted]

    @property
    def asked(self) -> dict[str, QuoteProposal]:
        """Quotes whose speaker the model is asked for, by id."""
        return {q.id: q for q in self.quotes if q.id is not None}


_INITIALISM_END = re.compile(r"(?:^|[\s.])\w\.$")


def _clean(name: str) -> str:
    head, opening, _ = name.partition(" (")  # "World Health Organisation (WHO", the tagger's
    name = head if opening and ")" not in name else name
    name = name.removeprefix("a ").removeprefix("an ")  # "a World Health Organisation report"
    for possessive in ("'s ", "\u2019s "):  # "Ukraine’s Sumy": the tagger's one entity
        owner, _, owned = name.rpartition(possessive)
        # ... unless the owned is one common word: "Korean People's Army" is one name
        if owner and (" " in owned or not is_word(owned.strip(" ,;:.-"))):
            name = owned
    name = name.removeprefix("the ").removeprefix("The ")
    for suffix in _STRIP_AFTER:
        name = name.removesuffix(suffix)
    name = name.strip(" ,;:\u2013\u2014-")
    # A period ends the name only if it ends the sentence, not an initialism ("U.S.").
    return name if _INITIALISM_END.search(name) else name.rstrip(".").rstrip()


def _root(a: Analysis, e: Entity) -> int:
    """The entity's head token: "Museum" in "the Museum of Flight", "Sumy" in "Ukraine’s
    Sumy" (the last token whose head is outside the name)."""
    return (a.roots(e.first, e.last) or [e.last - 1])[-1]


def _label(reading: Reading, e: Entity, name: str) -> str | None:
    """The label a name is proposed under, from what it names (`reading.types`), not
    from the tagger alone; None for a thing or a phrase, which are not proposed, and for a
    nationality or a faith as a word that qualifies another ("Afghan women")."""
    typed = reading.types.type_of(name)
    kind = typed.kind
    if kind == "place":
        return e.label if e.label in ("GPE", "LOC", "FAC") else "GPE"
    if kind == "person":
        return "PERSON"
    a = reading.parse
    if kind == "organisation" and e.label != "NORP":
        # a site by its name ("… Museum"), unless the article's words make it a body
        # ("Chairman of the Australian Centre for …")
        facility = a.word(_root(a, e)).lower() in _FACILITY_NOUNS and not typed.firm
        return "FAC" if facility else "ORG"
    if e.label == "NORP" and a.tags[_root(a, e)] in ("NNPS", "NNS"):
        return "ORG"  # a people as a group ("Muslims", "the Belgians"), not an adjective
    return None


def _conjoined_places(a: Analysis, places: set[int]) -> list[tuple[int, int]]:
    """Proper nouns the tagger left out, conjoined with a place: "Kharkiv" in "Sumy and
    Kharkiv border areas"; each as its token run (with its compound parts)."""
    out = []
    for t in range(len(a)):
        if a.pos[t] == "PROPN" and a.ent_of[t] < 0 and a.deps[t] == "conj" and a.heads[t] in places:
            first = t
            while first > 0 and a.deps[first - 1] == "compound" and a.heads[first - 1] == t:
                first -= 1
            out.append((first, t + 1))
    return out


def _capitalised_alone(reading: Reading, first: int, last: int) -> bool:
    """Whether the one word [first, last) is capitalised where nothing else would do it:
    mid-sentence in the body, between words in lower case ("the Court has ruled"); not at
    a sentence's start, in a headline, or inside a longer name ("Los Angeles Sheriff's")."""
    a = reading.parse
    if last - first != 1 or a.sent_first[a.sentence_of(first)] == first:
        return False
    if not reading.structure.in_body(a.starts[first]):
        return False
    around = [a.word(t) for t in (first - 1, last) if 0 <= t < len(a)]
    return not any(w[:1].isupper() for w in around)


def _spans(reading: Reading) -> list[tuple[str, str, int, int]]:
    """(label, text, start, end) of each proposing entity; for times, the expression."""
    a = reading.parse
    out = []
    spans: list[tuple[str, int, int]] = []  # (label, first token, last + 1) of names
    places: set[int] = set()  # tokens of names used as places
    short_for: dict[str, str] = {}  # an abbreviation the article defines: its name's label
    for e in a.entities:
        if e.label not in _KINDS and e.label not in NAME_LABELS:
            continue
        raw = a.text[e.start : e.end]
        if e.label in ("DATE", "TIME"):
            hit = find_time(raw)
            if hit is None:
                continue
            m = hit[1]
            out.append((e.label, m.group(), e.start + m.start(), e.start + m.end()))
            continue
        name = _clean(raw)
        label = short_for.get(name) or _label(reading, e, name)
        if label is None:
            continue
        if (short := abbreviation_after(a, e.first, e.last)) is not None:
            short_for[short] = label  # "the Kennedy Space Center (KSC)": "KSC" is it too
        runs = [(e.first, e.last)]
        if _KINDS[label][1] == "where":
            places.update(range(e.first, e.last))
            if label == "GPE" and e.label not in ("GPE", "LOC"):  # "Demidovka and Prilesye"
                runs = conjuncts(a, e.first, e.last)
        spans += [(label, first, last) for first, last in runs]
    spans += [("GPE", first, last) for first, last in _conjoined_places(a, places)]
    # Words the article writes in lower case (the types' list): a one-word "name" among
    # them is a common noun capitalised by a headline or a sentence's start ("Iodine",
    # "Party"; "Islam" is not, since the article never writes "islam").
    common = reading.types.common
    for label, first, last in spans:
        raw = a.text[a.starts[first] : a.ends[last - 1]]
        name = _clean(raw)
        short_ok = len(name) > 2 or name.isupper()  # "UK", not "or" or "m"
        # a name is more than a title or a demonym, except a place's initials: "US", "EU"
        named = name_key(name) or (_KINDS[label][1] == "where" and name.isupper())
        common_word = name.lower() in common and not _capitalised_alone(reading, first, last)
        if short_ok and not name.islower() and named and not common_word:
            start = a.starts[first] + raw.find(name)
            out.append((label, name, start, start + len(name)))
    return sorted(out, key=lambda span: span[2])


def _merge(reading: Reading) -> list[Candidate]:
    """One candidate per entity key and field, in order of first mention. A name that is
    a person's elsewhere joins the person whatever its label ("Zelenskyy" tagged a place
    once, the tagger's error)."""
    books: dict[str, KeyBook] = {}
    by_key: dict[tuple[str, str], Candidate] = {}
    counts: dict[str, int] = {}
    out: list[Candidate] = []
    cast = reading.cast
    spans = _spans(reading)
    keys = [  # a time's by its words, a name's the cast's (namesakes apart)
        name.lower() if _KINDS[label][1] == "when" else cast.key_of(name, start)
        for label, name, start, _ in spans
    ]
    votes: dict[str, int] = {}  # per name key: person mentions (a full name counts
    for (label, name, *_), key in zip(spans, keys, strict=True):  # three times) less places
        if label in ("PERSON", "GPE", "LOC"):
            vote = (3 if len(name_words(name)) > 1 else 1) if label == "PERSON" else -1
            votes[key] = votes.get(key, 0) + vote
    people = KeyBook()
    for key, vote in votes.items():
        if vote > 0:
            people.add(key)
    for (label, name, start, end), key in zip(spans, keys, strict=True):
        prefix, wanted = _KINDS[label]
        if wanted != "when" and key and (person := people.find(key)) is not None:
            prefix, wanted, key = "P", "who", person
        elif wanted == "where":  # a place is its whole name: "South Australia" is not
            key = name.casefold()  # "Australia", and "Western" is not a title
        book = books.setdefault(wanted, KeyBook())
        known = key if wanted == "when" else book.find(key)
        found = by_key.get((wanted, known)) if known is not None else None
        if found is None:
            book.add(key)
            counts[prefix] = counts.get(prefix, 0) + 1
            found = by_key[(wanted, key)] = Candidate(f"{prefix}{counts[prefix]}", wanted, name)
            out.append(found)
        elif wanted != "when" and len(name_words(name)) > len(name_words(found.name)):
            found.name = name
        found.mentions.append((start, end))
    for c in out:
        c.mentions.sort()
        member = cast.member(cast.key_of(c.name, c.mentions[0][0])) if c.kind == "who" else None
        if member is not None and member.roles:
            c.roles = tuple(sorted(member.roles))
    return out


def _quotes(reading: Reading) -> list[QuoteProposal]:
    cast, a = reading.cast, reading.parse
    out: list[QuoteProposal] = []
    asked = 0
    for i, region in enumerate(cast.regions):
        # "…rightful,” he said": the comma belongs to the sentence around the quote.
        body = a.text[region.start : region.end].rstrip()
        end = region.start + len(body.rstrip(","))
        if end <= region.start:
            continue
        mark = a.token_at(region.open_at)  # the sentence by bisection, not a scan
        sentence = a.sentences[a.sentence_of(mark)] if mark < len(a) else None
        if sentence is not None and is_instruction(a, *sentence):
            continue  # 'quote him saying "…"': words an instruction dictates, not speech
        if not reading.structure.in_body(region.start):
            continue  # a headline's, a caption's or a link line's: not this story's speech
        speaker = reading.attributions.attribution(i).speaker
        qid = None
        if speaker is None and is_clause(a, a.tokens_between(region.start, region.end)):
            asked += 1
            qid = f"Q{asked}"
        name = speaker.name if speaker is not None else None
        out.append(QuoteProposal(region.start, end, region.open_at, name, qid))
    return out


def propose(reading: Reading) -> Proposal:
    """The candidates the article's body proposes (`body`), and its quotes."""
    candidates = from_body(reading, _merge(reading))
    return Proposal(reading, candidates, _quotes(reading))
