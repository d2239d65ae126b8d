"""Word lists and small rules about names: titles, organisations, places, name keys.

These are the vocabulary of rules 3-5 (speaker attribution, types, proper names in the
abstractive summary). They are rules of thumb for English news, kept in one place so they
can be tuned and tested on real articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from summarizer.reading.textindex import WORD_RE, normalize


def fuzzy_threshold(length: int) -> float | None:
    """Minimum similarity (0-100) for a fuzzy match of a name with `length` characters.

    Short names must match exactly (Iran/Iraq, Mali/Bali); longer ones may differ by about
    one edit in eight characters, which admits transliterations such as Zelensky/Zelenskyy
    and Syrsky/Syrskyi but not Belgrade/Belgorod (75) or Austria/Australia (87.5).
    """
    if length <= 4:
        return None
    return 90.0 if length <= 7 else 88.0


TITLES = frozenset(
    """president vice prime minister secretary chancellor premier commander chief general
    spokesman spokeswoman spokesperson senator governor mayor ambassador director mr mrs
    ms dr sir lord lady king queen prince princess pope judge justice captain colonel
    lieutenant sergeant admiral marshal officer professor deputy foreign defence defense
    interior head leader ceo chairman chairwoman chair coach manager founder executive
    spokesperson official representative rep sen gov gen col lt capt sgt prof adm rev
    reverend bishop archbishop mp councillor councilor superintendent inspector
    detective analyst expert researcher top military senior former acting""".split()
)

ORG_WORDS = frozenset(
    """ministry institute institution regiment army forces force council party company
    university agency committee department office court parliament government commission
    union association organization organisation group bank corporation corp inc ltd news
    times post navy police kremlin pentagon federation league foundation center centre
    service services network club team board authority school college church hospital
    brigade battalion division corps guard media press tribune journal agency congress
    senate assembly airline airlines museum fund trust bureau administration cabinet
    coalition alliance movement front""".split()
)

GEO_WORDS = frozenset(
    """states kingdom republic city county province region regions oblast district coast gulf
    lake sea ocean river mountains mountain valley island islands street avenue square
    village town border area areas state peninsula strait bay""".split()
)

DEMONYMS = frozenset(
    """russian ukrainian american british chinese french german israeli palestinian iranian
    iraqi syrian turkish indian pakistani afghan japanese korean european african asian
    arab western eastern northern southern soviet canadian mexican brazilian italian
    spanish polish dutch swedish belarusian georgian nigerian indonesian australian
    egyptian saudi qatari lebanese kurdish greek irish scottish welsh english us u.s. un
    eu nato""".split()
)

STOP_CAPS = frozenset(
    """the a an in on at after before during while as with according but and or yet so if when
    then this that these those it its he she they his her their we our you i there
    however meanwhile although though still also some many most several one two three
    recent later earlier last next new first""".split()
)

# Words in front of a name that are not part of it: "the", "President", "Ukrainian".
LEADING_WORDS = TITLES | STOP_CAPS | DEMONYMS

CONNECTORS = frozenset(
    ["of", "for", "the", "de", "da", "van", "von", "der", "al", "bin", "la", "le", "du", "del"]
)


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    words = WORD_RE.findall(normalize(name, fold=True))
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return tuple(words)


def name_words(name: str) -> list[str]:
    """The case-folded words of a name, without leading articles and titles."""
    return list(_name_words(name))


def is_org_name(words: list[str]) -> bool:
    return any(w in ORG_WORDS or w in CONNECTORS for w in words)


def looks_like_person(name: str) -> bool:
    """Two to four words, none of an organisation or a place: "Maria Hale", "Volodymyr
    Zelenskyy"; not "Kremlin", "Institute for the Study of War", "United States"."""
    words = name_words(name)
    return 2 <= len(words) <= 4 and not is_org_name(words) and not GEO_WORDS & set(words)


def name_key(name: str) -> str:
    """What identifies an entity across mentions: a person's surname, else the whole name.

    "Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelenskyy" and "Zelenskyy" share
    the key "zelenskyy"; "the Institute for the Study of War" has the key
    "institute for the study of war".
    """
    words = name_words(name)
    if not words:
        return ""
    if is_org_name(words):
        return " ".join(words)
    return words[-1]


# Words after a place's name that do not change the place: "Belgorod Region" is Belgorod.
PLACE_SUFFIXES = frozenset("region regions oblast province district county city area areas".split())


def place_key(name: str) -> str:
    """What identifies a place across mentions: its words without a leading article or a
    trailing "region" ("the Belgorod region" and "Belgorod" share "belgorod")."""
    words = name_words(name)
    while len(words) > 1 and words[-1] in PLACE_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


_NOT_INITIALS = frozenset(["of", "the", "and", "for", "de", "du", "des"])
_DEMONYM_INITIALS = frozenset(d[0] for d in DEMONYMS)


def is_acronym(short: str, long: str) -> bool:
    """ "kcna" for "korean central news agency" (three letters at least). The key of a
    long name has lost its leading demonym ("central news agency"), so an acronym one
    letter longer, that letter a demonym's ("k" for "korean"), also stands for it."""
    words = [w for w in long.split() if w not in _NOT_INITIALS]
    initials = "".join(w[0] for w in words)
    if len(short) < 3:
        return False
    demonym_dropped = len(short) == len(words) + 1 and short[0] in _DEMONYM_INITIALS
    return (short[1:] if demonym_dropped else short) == initials


def same_key(a: str, b: str) -> bool:
    """Whether two name keys name the same entity, allowing spelling variants, words in
    front of an organisation's name ("us based institute for the study of war") and
    acronyms ("kcna")."""
    if a == b:
        return True
    if " " in a and " " in b and (a.endswith(" " + b) or b.endswith(" " + a)):
        return True
    if (" " in a) != (" " in b):
        short, long = (b, a) if " " in a else (a, b)
        if is_acronym(short, long) or long.startswith(short + " of "):
            return True  # "kcna"; "church" for "church of scientology"
    if not a or not b or a[0] != b[0]:
        return False
    threshold = fuzzy_threshold(min(len(a), len(b)))
    return threshold is not None and fuzz.ratio(a, b) >= threshold


def initials_for(claimed: str, given: str) -> bool:
    """Whether name key `claimed` is `given` with its first words as initials: "uk home
    office" for "united kingdom home office"."""
    first, _, rest = claimed.partition(" ")
    words = given.split()
    n = len(first)
    return (
        1 < n <= 4
        and len(words) > n
        and "".join(w[0] for w in words[:n]) == first
        and " ".join(words[n:]) == rest
    )


def same_name(claimed: str, given: str) -> bool:
    """`same_key`, and a key with initials for words (`initials_for`): rule 5 compares a
    summary's names with the article's this way."""
    return same_key(claimed, given) or initials_for(claimed, given)


@dataclass
class KeyBook:
    """Name keys, searchable for look-alikes without comparing every pair: `same_key` only
    matches keys that share a first letter or a last word, so those are the only ones
    compared; answers are remembered (articles repeat their names)."""

    _by_first: dict[str, list[str]] = field(default_factory=dict)
    _by_last: dict[str, list[str]] = field(default_factory=dict)
    _found: dict[str, str | None] = field(default_factory=dict)

    def add(self, key: str) -> None:
        self._by_first.setdefault(key[0], []).append(key)
        self._by_last.setdefault(key.rsplit(" ", 1)[-1], []).append(key)
        self._found.clear()

    def find(self, key: str) -> str | None:
        """The first key added that names the same entity as `key`, if any."""
        if key not in self._found:
            candidates = [
                *self._by_first.get(key[0], ()),
                *self._by_last.get(key.rsplit(" ", 1)[-1], ()),
            ]
            self._found[key] = next((k for k in candidates if same_key(k, key)), None)
        return self._found[key]

    def canonical(self, key: str) -> str:
        """The key first added for the entity `key` names, so that look-alikes share one
        ("zelensky" for "zelenskyy" once "zelensky" is in); a new key is added as itself."""
        if not key:
            return key
        found = self.find(key)
        if found is None:
            self.add(key)
            return key
        return found
