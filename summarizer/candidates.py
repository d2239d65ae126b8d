"""What the article itself proposes, before any model: names, places, times and quotes.

Names are spaCy's entities, one candidate per entity merged by name key ("Zelenskyy" with
"Volodymyr Zelenskyy", named by the article's fullest form) with every mention's offsets;
times are what our time-expression rules find inside spaCy's date and time entities
("Monday", not "Monday in a video address"); quotes are every direct quotation with the
speaker attribution finds. Each candidate gets a short id (P1, O1, L1, T1; Q1 for a quote
with no speaker found) that the prompt marks and the model answers with: naming an id
costs a local model two tokens, copying a name or a quote ten or fifty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from summarizer.evidence import is_instruction
from summarizer.grounding.anchors import is_clause
from summarizer.grounding.attribution import attributor_of
from summarizer.grounding.cast import Cast, cast_of
from summarizer.grounding.names import KeyBook, name_key, name_words
from summarizer.grounding.timeexpr import find_time
from summarizer.text import Analysis
from summarizer.text.analysis import Entity

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
_STRIP_AFTER = ("'s", "\u2019s")
# A name used as a place whatever the tagger's label: "in Sumy", "near Demidovka",
# "the Kursk region", "villages like Prilesye" (the small model tags such towns as people
# or organisations).
_LOCATIVE = frozenset("in near into across inside outside around throughout".split())
_PLACE_NOUNS = frozenset(
    """region village city town province oblast county district border area country capital
    territory port island suburb municipality""".split()
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
    """Everything the text proposes for one article, with ids for the prompt."""

    text: str
    candidates: list[Candidate]
    quotes: list[QuoteProposal]

    @property
    def by_id(self) -> dict[str, Candidate]:
        return {c.id: c for c in self.candidates}

    def of(self, wanted: FieldName) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == wanted]

    @property
    def asked(self) -> dict[str, QuoteProposal]:
        """Quotes whose speaker the model is asked for, by id."""
        return {q.id: q for q in self.quotes if q.id is not None}


def _clean(name: str) -> str:
    for possessive in ("'s ", "\u2019s "):  # "Ukraine’s Sumy": the tagger's one entity
        name = name.rpartition(possessive)[2]
    name = name.removeprefix("the ").removeprefix("The ")
    for suffix in _STRIP_AFTER:
        name = name.removesuffix(suffix)
    return name.strip(" ,.;:\u2013\u2014-")


def _used_as_place(a: Analysis, e: Entity) -> bool:
    """Whether the parse uses a name as a place (see `_LOCATIVE`)."""
    inside = range(e.first, e.last)
    root = next((t for t in inside if a.heads[t] not in inside), e.last - 1)
    while a.deps[root] == "conj" and a.heads[root] != root:  # "in Sumy and Kharkiv"
        root = a.heads[root]
    head = a.heads[root]
    if a.deps[root] == "pobj":
        prep = a.lemmas[head]
        if prep in _LOCATIVE:
            return True
        if prep in ("like", "as", "of") and a.lemmas[a.heads[head]] in _PLACE_NOUNS:
            return True
    follows = e.last < len(a) and a.lemmas[e.last] in _PLACE_NOUNS
    return follows or (a.deps[root] == "compound" and a.lemmas[head] in _PLACE_NOUNS)


def _label(a: Analysis, e: Entity) -> str:
    if e.label in ("PERSON", "ORG") and _used_as_place(a, e):
        return "GPE"
    return e.label


def _spans(a: Analysis) -> list[tuple[str, str, int, int]]:
    """(label, text, start, end) of each proposing entity; for times, the expression."""
    out = []
    for e in a.entities:
        if e.label not in _KINDS:
            continue
        raw = a.text[e.start : e.end]
        if _KINDS[e.label][1] == "when":
            hit = find_time(raw)
            if hit is None:
                continue
            m = hit[1]
            out.append((e.label, m.group(), e.start + m.start(), e.start + m.end()))
            continue
        name = _clean(raw)
        if len(name) > 2 and not name.islower() and name_key(name):  # not "or", "m"
            start = e.start + raw.find(name)
            out.append((_label(a, e), name, start, start + len(name)))
    return out


def _merge(a: Analysis, cast: Cast) -> list[Candidate]:
    """One candidate per entity key and field, in order of first mention. A name that is
    a person's elsewhere joins the person whatever its label ("Zelenskyy" tagged a place
    once, the tagger's error)."""
    books: dict[str, KeyBook] = {}
    by_key: dict[tuple[str, str], Candidate] = {}
    counts: dict[str, int] = {}
    out: list[Candidate] = []
    spans = _spans(a)
    votes: dict[str, int] = {}  # per name key: person mentions (a full name counts
    for label, name, *_ in spans:  # three times) less place mentions
        if label in ("PERSON", "GPE", "LOC"):
            key = name_key(name)
            vote = (3 if len(name_words(name)) > 1 else 1) if label == "PERSON" else -1
            votes[key] = votes.get(key, 0) + vote
    people = KeyBook()
    for key, vote in votes.items():
        if vote > 0:
            people.add(key)
    for label, name, start, end in spans:
        prefix, wanted = _KINDS[label]
        key = name.lower() if wanted == "when" else name_key(name)
        if wanted != "when" and (person := people.find(key)) is not None:
            prefix, wanted, key = "P", "who", person
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
        member = cast.member(name_key(c.name)) if c.kind == "who" else None
        if member is not None and member.roles:
            c.roles = tuple(sorted(member.roles))
    return out


def _quotes(cast: Cast) -> list[QuoteProposal]:
    a = cast.analysis
    attributions = attributor_of(cast)
    out: list[QuoteProposal] = []
    asked = 0
    for i, region in enumerate(cast.regions):
        # "…rightful,” he said": the comma belongs to the sentence around the quote.
        body = a.text[region.start : region.end].rstrip()
        end = region.start + len(body.rstrip(","))
        if end <= region.start:
            continue
        sentence = next((s for s in a.sentences if s[0] <= region.open_at < s[1]), None)
        if sentence is not None and is_instruction(a.text, *sentence):
            continue  # 'quote him saying "…"': words an instruction dictates, not speech
        speaker = attributions.attribution(i).speaker
        qid = None
        if speaker is None and is_clause(a, a.tokens_between(region.start, region.end)):
            asked += 1
            qid = f"Q{asked}"
        name = speaker.name if speaker is not None else None
        out.append(QuoteProposal(region.start, end, region.open_at, name, qid))
    return out


@lru_cache(maxsize=64)
def propose(a: Analysis) -> Proposal:
    """The candidates and quotes of an analysed article (made once per analysis)."""
    cast = cast_of(a)
    return Proposal(a.text, _merge(a, cast), _quotes(cast))
