"""Grammatical gender of a first name, from `gender-guesser`'s maintained name list.

Used only to let "he" and "she" skip people of the other gender when resolving a pronoun;
"unknown" and "andy" (either) agree with both.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

Gender = Literal["male", "female", "unknown"]

_HONORIFICS: dict[str, Gender] = {
    "mr": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male",
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "lady": "female",
    "queen": "female", "princess": "female", "dame": "female",
}  # fmt: skip


@lru_cache(maxsize=1)
def _detector() -> object:
    import gender_guesser.detector as detector  # ~1 s to load its list: only when needed

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> Gender:
    """ "male", "female" or "unknown" for a first name ("Maria" -> "female")."""
    guess: str = _detector().get_gender(name)  # type: ignore[attr-defined]
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    return "unknown"


def honorific_gender(word: str) -> Gender:
    """The gender an honorific gives ("Mrs" -> "female"), else "unknown"."""
    return _HONORIFICS.get(word.lower().rstrip("."), "unknown")
