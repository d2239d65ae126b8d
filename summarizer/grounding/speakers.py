"""Rule 3, the verdict: is a claimed speaker the one the article gives a quotation?

The reading says whom the text gives each quotation (`reading.attribution`); this rule
compares a claim with that. Three outcomes, so that nothing passes as verified on a guess:
verified (the text gives the quotation to the claimed entity), rejected (it gives it to
someone else, or to no one and the claim is not even named near it), and unverified (an
ambiguous pronoun, a description, or no speech anchor in reach), with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from summarizer.reading.attribution import Attribution
from summarizer.reading.cast import Cast
from summarizer.reading.names import same_key
from summarizer.reading.referents import Referent
from summarizer.reading.speech import SPEECH_NOUNS
from summarizer.reading.textindex import WORD_RE

Check = Literal["verified", "unverified", "rejected"]


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


_DETERMINERS = frozenset(["the", "a", "an", "one", "s"])


def _claim_words(claim: str) -> list[str]:
    """The case-folded words of a claimed speaker, without articles ("a spokesman")."""
    return [w for w in WORD_RE.findall(claim.lower()) if w not in _DETERMINERS]


def _matches(cast: Cast, ref: Referent, claim: str) -> bool:
    """Whether `claim` names the referent: its name, surname or spelling variant, or for an
    unnamed speaker, the same head noun ("one poster" for "The poster wrote")."""
    key = cast.key_of(claim)
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
    if cast.member(cast.key_of(claim)) is not None:
        return True
    head = _claim_words(claim)[-1:]
    return bool(head) and head[0] in words


def judge(cast: Cast, attribution: Attribution, claim: str) -> Verdict:
    """The verdict on `claim` as the speaker of a quotation attributed as `attribution`."""
    ref = attribution.speaker
    key = cast.key_of(claim)
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
