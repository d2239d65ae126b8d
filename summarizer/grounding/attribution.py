"""Rule 3, attribution: whom does the article give a quotation, and is that the claim?

A quotation's speaker is read off the parse (`anchors`): its own sentences first; then,
for a quotation with no anchor of its own, the opening of a quotation that runs over
several paragraphs, a bare speech clause after it, or the text before it in its
paragraph: a quotation there passes its speaker on ("“…,” Atkinson said. “…”"), as does
indirect speech ("Heald noted the findings show …. “…”"). A quotation that opens its
paragraph goes on with the speaker of the paragraph before, unless someone else is named
in between. Whom a mention stands for is `referents`' job.

Three outcomes for a claimed speaker, so that nothing passes as verified on a guess:
verified (the text gives the quotation to the claimed entity), rejected (it gives it to
someone else, or to no one and the claim is not even named near it), and unverified (an
ambiguous pronoun, or no speech anchor in reach), with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from summarizer.grounding.anchors import (
    following_clause,
    is_clause,
    named_inside,
    own_anchor,
    sentence_range,
    speech_subject,
    subject,
)
from summarizer.grounding.cast import Cast
from summarizer.grounding.names import name_key, same_key
from summarizer.grounding.quotations import Region
from summarizer.grounding.referents import Referent, referent
from summarizer.grounding.speech import SPEECH_NOUNS
from summarizer.grounding.textindex import WORD_RE

Check = Literal["verified", "unverified", "rejected"]
_PARAGRAPHS_BACK = 3
_NEARBY_PARAGRAPHS = 2


@dataclass(frozen=True)
class Attribution:
    """The speaker the text gives a quotation (None: no anchor), how, and how surely."""

    speaker: Referent | None
    how: str
    certain: bool = True
    nearby: frozenset[str] = frozenset()  # members named near an unattributed quotation


@dataclass(frozen=True)
class Verdict:
    """What the text says of one claimed speaker for one quotation.

    `name` is the article's fullest name for the claimed speaker when the text ties the
    claim to a referent; `mention` the attributing words ("he"), when there are any.
    """

    check: Check
    reason: str
    name: str | None = None
    mention: tuple[int, int] | None = None


@dataclass(eq=False)
class Attributor:
    """Attributions of one article's quotations, each worked out once."""

    cast: Cast
    _done: dict[int, Attribution] = field(default_factory=dict)

    def attribution(self, index: int) -> Attribution:
        if index not in self._done:
            found = self._attribute(index)
            self._done[index] = replace(found, nearby=self._nearby(index))
        return self._done[index]

    def _attribute(self, index: int) -> Attribution:
        cast = self.cast
        region = cast.regions[index]
        head = cast.regions[region.chain]
        found = own_anchor(cast, head, region)
        if found is not None:
            return Attribution(found, "speech verb")
        if region.chain != index:
            opening = self.attribution(region.chain)
            if opening.speaker is not None:
                return opening
        found = following_clause(cast, region)
        if found is not None:
            return Attribution(found, "speech clause after it")
        if not is_clause(cast.analysis, cast.analysis.tokens_between(region.start, region.end)):
            return self._unattributed()  # a name or a phrase in marks: no one says it
        return self._named_beside(head, region) or self._before(index)

    def _named_beside(self, head: Region, region: Region) -> Attribution | None:
        """Someone the quotation's own sentence names, with no speech verb for them ("The
        Department of Agriculture notes, “…”" where the parser read "notes" as a noun): a
        likely speaker, not a stated one, and a reason not to look further back."""
        a = self.cast.analysis
        span = sentence_range(a, head.open_at, region.close_at)
        lo, hi = a.starts[span.start], a.ends[span.stop - 1]
        for m in self.cast.narrated_between(lo, hi):
            member = self.cast.members[m.key]
            found = Referent(member.name, member.key, m.start, m.end)
            return Attribution(found, "named in the quote's sentence", certain=False)
        return None

    def _before(self, index: int) -> Attribution:
        """The text before a quotation with no anchor of its own (see the module doc)."""
        cast, a = self.cast, self.cast.analysis
        region = cast.regions[index]
        head = cast.regions[region.chain]
        end = head.open_at
        for back in range(_PARAGRAPHS_BACK + 1):
            start = paragraph_start(a.text, end)
            earlier = [j for j, r in enumerate(cast.regions) if start <= r.open_at < end]
            last = earlier[-1] if earlier and earlier[-1] < index else None
            after = cast.regions[last].close_at if last is not None else start
            tokens = a.tokens_between(after, end)
            named = self._people_named(after, end)
            said = speech_subject(cast, tokens, named_inside(cast, cast.regions[index]))
            if said is not None:
                return self._unless_credited(
                    region, back, Attribution(said, "speech verb before it")
                )
            if last is not None:
                prior = self.attribution(last)
                if prior.speaker is not None and named <= {prior.speaker.key}:
                    return self._unless_credited(region, back, prior)
            if named:
                guess = self._nearest_subject(tokens) if back < 2 else None
                return guess or self._unattributed()
            if start == 0:
                break
            end = paragraph_start(a.text, start - 1, skip_blank=True)
            end = a.text.find("\n", end) if a.text.find("\n", end) >= 0 else start
        return self._unattributed()

    def _unless_credited(self, region: Region, back: int, found: Attribution) -> Attribution:
        """`found` from an earlier paragraph, unless narration after the quotation in its
        own paragraph names someone else ("“…” Anonymous blogger, …"): a continuation
        paragraph names no one but its speaker."""
        a, cast = self.cast.analysis, self.cast
        line_end = a.text.find("\n", region.close_at)
        line_end = line_end if line_end >= 0 else len(a.text)
        tokens = a.tokens_between(region.close_at, line_end)
        if back == 0 or not any(
            a.pos[i] in ("NOUN", "PROPN") and not cast.quoted[i] for i in tokens
        ):
            return found
        named_after = {m.key for m in cast.narrated_between(region.close_at, line_end)}
        if found.speaker is not None and found.speaker.key in named_after:
            return found
        return self._unattributed()

    def _people_named(self, start: int, end: int) -> set[str]:
        return {
            m.key for m in self.cast.narrated_between(start, end) if self.cast.members[m.key].person
        }

    def _nearest_subject(self, tokens: range) -> Attribution | None:
        """The person the sentence before is about: a likely speaker, not a stated one."""
        a = self.cast.analysis
        for i in reversed(tokens):
            if a.deps[i] == "nsubj" and not self.cast.quoted[i]:
                found = referent(self.cast, i)
                if found is not None and found.named:
                    return Attribution(found, "the person named just before it", certain=False)
        return None

    def _unattributed(self) -> Attribution:
        return Attribution(None, "no speech verb in reach")

    def _nearby(self, index: int) -> frozenset[str]:
        """Members named in the quotation's paragraph and the `_NEARBY_PARAGRAPHS` before."""
        a, region = self.cast.analysis, self.cast.regions[index]
        start = paragraph_start(a.text, self.cast.regions[region.chain].open_at)
        for _ in range(_NEARBY_PARAGRAPHS):
            start = paragraph_start(a.text, max(0, start - 1), skip_blank=True)
        end = a.text.find("\n", region.close_at)
        mentions = self.cast.narrated_between(start, end if end >= 0 else len(a.text))
        return frozenset(m.key for m in mentions)


def paragraph_start(text: str, offset: int, skip_blank: bool = False) -> int:
    """Where the paragraph holding `offset` starts; with `skip_blank`, blank lines at
    `offset` are passed over first (so it gives the paragraph before a break)."""
    if skip_blank:
        while offset > 0 and text[offset] in "\n \t":
            offset -= 1
    return text.rfind("\n", 0, max(0, offset)) + 1


_DETERMINERS = frozenset(["the", "a", "an", "one", "s"])


def _claim_words(claim: str) -> list[str]:
    """The case-folded words of a claimed speaker, without articles ("a spokesman")."""
    return [w for w in WORD_RE.findall(claim.lower()) if w not in _DETERMINERS]


def _matches(cast: Cast, ref: Referent, claim: str) -> bool:
    """Whether `claim` names the referent: its name, surname or spelling variant, or for an
    unnamed speaker, the same head noun ("one poster" for "The poster wrote")."""
    key = name_key(claim)
    if ref.named:
        raw = " ".join(_claim_words(claim))
        if same_key(key, ref.key) or same_key(raw, ref.key):
            return True
        if same_key(key, " ".join(_claim_words(ref.name))):
            return True
        member = cast.member(ref.key)
        return member is not None and cast.member(key) is member
    words = _claim_words(claim)
    head = words[-1] if words else ""
    return bool(head) and (head in ref.words or head.rstrip("s") in ref.words)


def named_in_article(cast: Cast, words: frozenset[str], claim: str) -> bool:
    """Whether the article names the claimed speaker: a member of its cast, or for an
    unnamed one ("the sign"), its head noun among the article's (case-folded) `words`."""
    if cast.member(name_key(claim)) is not None:
        return True
    head = _claim_words(claim)[-1:]
    return bool(head) and head[0] in words


def judge(cast: Cast, attribution: Attribution, claim: str) -> Verdict:
    """The verdict on `claim` as the speaker of a quotation attributed as `attribution`."""
    ref = attribution.speaker
    key = name_key(claim)
    member = cast.member(key)
    if ref is None:
        if member is None or member.key in attribution.nearby:
            return Verdict("unverified", f"{attribution.how}: the article does not say who spoke")
        return Verdict("rejected", f"{attribution.how}, and '{claim}' is not named near the quote")
    cue = cast.analysis.text[ref.start : ref.end]
    said = f"'{ref.name}'" + (f" ('{cue}')" if cue != ref.name else "")
    mention = (ref.start, ref.end)
    if _matches(cast, ref, claim):
        if ref.ambiguous:
            why = f"'{cue}' may stand for '{ref.name}' or another person"
            return Verdict("unverified", why, ref.name, mention)
        if not attribution.certain:
            why = f"{attribution.how}; no speech verb names them"
            return Verdict("unverified", why, ref.name, mention)
        return Verdict("verified", f"{attribution.how}: {said}", ref.name, mention)
    if member is not None and (
        (ref.ambiguous and member.key in ref.others)
        or (not (ref.named and attribution.certain) and member.key in attribution.nearby)
    ):
        # An ambiguous pronoun, a description ("the city") or a guess: a name the article
        # gives near the quote may be whom it means.
        why = f"the article gives it to {said}, which may or may not be '{claim}'"
        return Verdict("unverified", why, member.name, mention)
    if member is not None and not member.person and ref.words & SPEECH_NOUNS:
        # A document speaks ("a leaked internal letter says"): its author, an organisation
        # the article names, may be the one claimed; the text does not say which.
        why = f"the article gives it to {said}, whose author it does not name"
        return Verdict("unverified", why, member.name, mention)
    return Verdict("rejected", f"the article attributes this quote to {said}, not '{claim}'")


@lru_cache(maxsize=64)
def attributor_of(cast: Cast) -> Attributor:
    """The attributions of an article, kept while its cast is."""
    return Attributor(cast)


__all__ = ["Attribution", "Attributor", "Verdict", "judge", "subject"]
