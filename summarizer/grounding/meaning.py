"""Rule 5, meaning: the `what` sentence's events must be events the evidence states.

The summary is parsed with the article's pipeline and read into events (`reading.events`).
Each of its events must match an event of an article sentence: the same action (the same
lemma, a light-verb or nominal form, a reporting verb for another, a near-synonym; never
its opposite), the same agent and patient (names by their keys, a pronoun by whom it
stands for, common nouns by their words), the same polarity and modality. The times,
places, numbers and names the summary gives must be in the sentences that support it (or
the one beside them), not just somewhere in the article. Paraphrase stays possible:
shortening, reordering, passive for active, a pronoun resolved, a reporting verb swapped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from summarizer.grounding.parties import Party, party, same_party
from summarizer.grounding.wording import added_words
from summarizer.reading import Analysis, Reading
from summarizer.reading.events import Event, Role, events_in
from summarizer.reading.lexicon import same_action
from summarizer.reading.mentions import Mentions, mentions_in

MAX_EVIDENCE = 3
_SEPARATE = frozenset(["conj", "parataxis"])  # clauses that are events of their own
# How far a difference puts an article event from the summary's, beyond counting as one:
# another action or another actor makes the weakest candidates, whose reasons are not the
# ones to send back when a closer one exists.
_ACTION, _AGENT, _OTHER = 2, 1, 0
Difference = tuple[int, str]  # (weight, the reason as a model should read it)


@dataclass(frozen=True)
class Verdict:
    """The meaning check's answer: the supporting sentences' spans, or why none."""

    evidence: list[tuple[int, int]]
    reason: str | None
    events: list[Event] = field(default_factory=list)  # the article's events that state it


def _verb_phrase(a: Analysis, event: Event) -> str:
    """The verb as written with its auxiliaries and negation ("did not confirm")."""
    words = sorted(
        {event.verb, *event.frames}
        | {k for v in (event.verb, *event.frames) for k in a.children(v)
           if a.deps[k] in ("aux", "auxpass", "neg")}
    )  # fmt: skip
    return " ".join(a.word(i) for i in words)


class _Side:
    """One event with its parse and its parties, read once for comparing; its own times,
    places and numbers on first use (those of the clauses it governs, not of another event
    joined to it: "4 million came and this year 6 million are expected")."""

    def __init__(
        self,
        a: Analysis,
        event: Event,
        events: list[Event],
        reading: Reading | None,
        headline: Mentions | None = None,
    ):
        self.a, self.event, self.events, self.headline = a, event, events, headline
        self.reading = reading
        self.agent = party(a, event.agent, reading)
        self.patient = party(a, event.patient, reading)

    @cached_property
    def mentions(self) -> Mentions:
        a, event = self.a, self.event
        inner = [
            e for e in self.events
            if e is not event and event.first <= e.verb < event.last
            and a.deps[e.verb] in _SEPARATE
        ]  # fmt: skip
        tokens = [
            t for t in range(event.first, event.last)
            if not any(e.first <= t < e.last for e in inner)
        ]  # fmt: skip
        roles = [r for r in (event.agent, event.patient) if r is not None]
        named = [(a.starts[r.first], a.ends[r.last - 1]) for r in roles]
        return mentions_in(a, _runs(a, tokens), named)

    def names(self, claimed: Party) -> bool:
        """Whether this event's sentence names `claimed`, a thing, anywhere: what an event
        with no agent of its own ("a crane fell …, killing 107") may have been done by."""
        if claimed.keys:  # a name: the article must say so (an actor is not guessed)
            return False
        return len(claimed.words & self.sentence_words) * 2 >= len(claimed.words) > 0

    @cached_property
    def sentence_words(self) -> frozenset[str]:
        return frozenset(self.a.lemmas[t] for e in self.events for t in range(e.first, e.last))

    @cached_property
    def content(self) -> list[Party]:
        """What else this (article) event acts on, which a summary may name as its object:
        the clause it reports ("confirmed that forces are operating": the forces'
        operating), and the objects of the clauses that go with it ("praised units,
        singling out the 225th Regiment": the regiment)."""
        a, event, out = self.a, self.event, []
        for inner in self.events:
            if inner is event or not event.first <= inner.verb < event.last:
                continue
            if inner.reports == event.verb:
                out.append(party(a, Role(inner.verb, inner.first, inner.last), self.reading))
            elif a.deps[inner.verb] in ("advcl", "xcomp", "conj"):
                out.append(party(a, inner.patient, self.reading))
        return [p for p in out if p is not None]

    @cached_property
    def around(self) -> Mentions:
        """The mentions of the whole sentence the event is in."""
        first = min((e.first for e in self.events), default=self.event.first)
        last = max((e.last for e in self.events), default=self.event.last)
        return mentions_in(self.a, [(self.a.starts[first], self.a.ends[last - 1])])


def _runs(a: Analysis, tokens: list[int]) -> list[tuple[int, int]]:
    """Consecutive tokens as character spans."""
    spans: list[tuple[int, int]] = []
    for n, t in enumerate(tokens):
        if n and tokens[n - 1] == t - 1:
            spans[-1] = (spans[-1][0], a.ends[t])
        else:
            spans.append((a.starts[t], a.ends[t]))
    return spans


def _differences(s: _Side, e: _Side) -> list[Difference]:
    """What keeps article event `e` from stating summary event `s`, as weighted reasons a
    model can act on; the first is the one reported."""
    out: list[Difference] = []
    said_s, said_e = _verb_phrase(s.a, s.event), _verb_phrase(e.a, e.event)
    by_e = e.agent.text if e.agent is not None else "it"
    by_s = s.agent.text if s.agent is not None else "it"
    if not _same_action(s, e.event):
        out.append((_ACTION, f"the evidence says '{said_e}', the summary '{said_s}'"))
    if s.agent is not None and not (
        same_party(s.agent, e.agent) or _described_by(e, s.agent)
        if e.agent is not None
        else e.names(s.agent)
    ):
        who = e.agent.text if e.agent is not None else "no one named"
        out.append((_AGENT, f"in the evidence, {who} {said_e}; the summary has {by_s} {said_s}"))
    if s.patient is not None and not any(
        same_party(s.patient, p) for p in ([e.patient] if e.patient else []) + e.content
    ):
        what = e.patient.text if e.patient is not None else "(no object)"
        why = f"in the evidence, {by_e} {said_e} {what}; the summary has {by_s} {said_s} "
        out.append((_OTHER, why + s.patient.text))
    if e.event.modality == "claimed" and s.event.modality == "fact":
        why = f"the evidence only reports it as a claim; the summary states '{said_s}'"
        out.append((_OTHER, why))
    elif s.event.negated != e.event.negated or s.event.modality != e.event.modality:
        out.append((_OTHER, f"the evidence says '{said_e}', the summary '{said_s}'"))
    if not out and (missing := s.mentions.first_missing(e.mentions, e.around, e.headline)):
        out.append((_OTHER, f"in the evidence, {by_e} {said_e} with no {missing}"))
    return out


def _same_action(s: _Side, e: Event) -> bool:
    """Whether article event `e` does what summary event `s` does. A summary's "X is in Y"
    (a copula with no noun of its own) says no more than that X is there, which any event
    of X there states ("X operates in Y")."""
    return (s.event.action == "be" and s.patient is None) or same_action(s.event.action, e.action)


def _headline(reading: Reading) -> Mentions | None:
    """What the article's first line says, when it is a line of its own (a headline states
    the main event in brief)."""
    a = reading.parse
    if len(a.sent_first) < 2 or "\n" not in reading.text[: a.sentences[1][0]]:
        return None
    return mentions_in(a, [a.sentences[0]])


class _Article:
    """The article's side of one check: its events, each read once for all of the
    summary's, and its headline's mentions."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.headline = _headline(reading)
        self._sides: dict[int, _Side] = {}

    def side(self, event: Event, events: list[Event]) -> _Side:
        found = self._sides.get(id(event))
        if found is None:
            found = _Side(self.reading.parse, event, events, self.reading, self.headline)
            self._sides[id(event)] = found
        return found


def _stating(
    article: _Article, s: _Side, only: set[int] | None = None, reason: bool = False
) -> tuple[dict[int, Event], str | None]:
    """The sentences (of `only`, if given) with an event that states `s`, each with it, in
    order; and the closest miss's reason, for a refusal (none states it, or `reason` asks).
    Only an event of the same action can state it: those are read first (~80 an article)."""
    every = enumerate(article.reading.events)
    sentences = [(n, ev) for n, ev in every if only is None or n in only]
    found: dict[int, Event] = {}
    for sentence, events in sentences:
        same = (e for e in events if _same_action(s, e))
        if e := next((e for e in same if not _differences(s, article.side(e, events))), None):
            found[sentence] = e
    if found and not reason:
        return found, None
    best: tuple[int, str] | None = None
    for _, events in sentences:
        for candidate in events:
            why = _differences(s, article.side(candidate, events))
            if not why:
                break
            rank = len(why) + sum(weight for weight, _ in why)
            if best is None or rank < best[0]:
                best = (rank, why[0][1])
    return found, best[1] if best else None


def check_meaning(reading: Reading, sa: Analysis) -> Verdict:
    """Whether sentences of the article state the events of the summary (its parse `sa`;
    see the module docstring): the evidence spans (at most three, in article order), or
    the reason."""
    # A relative clause only describes a party ("hopefuls who applied before"): its words
    # are checked with the rest, its event is not asked for.
    events = events_in(sa, 0, len(sa))
    claimed = sorted(
        [e for e in events if sa.deps[e.verb] not in ("relcl", "acl")] or events,
        key=lambda e: sa.heads[e.verb] != e.verb,
    )  # a headline's "Two men arrested in Leeds" is all a participle's
    if not claimed:
        return _phrase_verdict(reading, sa)
    matches: list[dict[int, Event]] = []
    article = _Article(reading)
    for event in claimed:
        where, why = _stating(article, _Side(sa, event, claimed, None))
        if not where and event.either_voice:  # "Montalvo arrested": he was arrested
            turned = replace(event, agent=None, patient=event.agent)
            where, _ = _stating(article, _Side(sa, turned, claimed, None))
        if not where:
            return Verdict([], why or "no sentence of the article states it")
        matches.append(where)
    said = mentions_in(sa, [(0, len(sa.text))])
    first_missing = None
    reported = [n for n, e in enumerate(claimed) if e.reports == claimed[0].verb]
    for main in matches[0]:  # the main event's sentence, and the nearest for the others
        if any(main not in matches[n] for n in reported):
            # "Russia confirmed that X": X must be what Russia confirms, not said elsewhere
            continue
        chosen = sorted({main} | {min(m, key=lambda i: abs(i - main)) for m in matches[1:]})
        if len(chosen) > MAX_EVIDENCE:
            continue
        missing = _unsupported_mentions(article, said, chosen) or added_words(reading, sa, chosen)
        if missing is None:
            stating = [
                m[main] if main in m else m[min(m, key=lambda i: abs(i - main))] for m in matches
            ]
            return Verdict([reading.parse.sentences[i] for i in chosen], None, stating)
        first_missing = first_missing or missing
    if first_missing is None:  # what is reported is in the article, told by someone else
        told = {i for n in reported for i in matches[n]}
        _, why = _stating(article, _Side(sa, claimed[0], claimed, None), told, reason=True)
        return Verdict([], why or "the article does not report it so")
    return Verdict([], f"the evidence for this event gives no {first_missing}")


def _unsupported_mentions(article: _Article, said: Mentions, sentences: list[int]) -> str | None:
    """The first time, place, number or name of the summary (`said`) that the evidence
    sentences (and the ones beside them) do not give, quoted; None when they give all."""
    a = article.reading.parse
    spans = a.sentences
    near = sorted({j for i in sentences for j in (i - 1, i, i + 1) if 0 <= j < len(spans)})
    given = mentions_in(a, [spans[i] for i in near])
    return said.first_missing(given, counts=article.headline)


def _phrase_verdict(reading: Reading, sa: Analysis) -> Verdict:
    """A summary with no verb, headline-style ("Deadly stampede at Hajj"): kept when one
    sentence (with those beside it) says all of it, its words and its mentions."""
    said = mentions_in(sa, [(0, len(sa.text))])
    article = _Article(reading)
    for sentence in range(len(reading.parse.sentences)):
        if added_words(reading, sa, [sentence], allowed=0) is None and (
            _unsupported_mentions(article, said, [sentence]) is None
        ):
            return Verdict([reading.parse.sentences[sentence]], None)
    return Verdict([], "no sentence of the article says this (the summary has no verb)")


def _described_by(e: _Side, claimed: Party) -> bool:
    """An article event whose agent the parse took from a relative clause's nearest noun
    ("a strike on Kryvyi Rih, which killed 20"): the summary's fuller party that holds it
    ("a strike on Kryvyi Rih") may be the one meant."""
    return e.event.agent_from_relative and e.agent is not None and e.agent.words <= claimed.words
