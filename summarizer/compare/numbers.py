"""Numbers the sources state differently for the same thing: a death toll, a distance.

Each number spaCy finds (cardinals, quantities, money, percentages) is keyed by what it
counts, read off the parse: the noun it counts with the verb that noun belongs to ("12
people" killed: "person · kill"), or its unit with what it is measured from ("3 kilometres
from the town centre": "kilometer · from centre"). Only a number with such a key is kept,
and a row only when two sources or more state that key; it is flagged when no value is
stated by all of them. Precision first: a count keyed loosely ("people") would set every
number about people against every other.
"""

from __future__ import annotations

import re
from collections import defaultdict

from summarizer.compare.model import NumberMention, NumberRow
from summarizer.reading import Analysis, Entity
from summarizer.reading.numbers import NUMBER_WORDS

NUMBER_LABELS = frozenset(["CARDINAL", "QUANTITY", "MONEY", "PERCENT"])
UNITS = {
    "kilometre": "kilometer",
    "km": "kilometer",
    "metre": "meter",
    "m": "meter",
    "mile": "mile",
    "%": "percent",
    "per": "percent",
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.I)
_FROM = frozenset(["from", "away", "of"])


def value_of(text: str) -> float | None:
    """The value of a number as written ("At least 15", "1.5 million", "two"), if one."""
    value: float | None = None
    for word in _NUMBER_RE.findall(text.lower()):
        if word[0].isdigit():
            if value is not None:
                return None  # two numbers ("10 to 12"): not one value
            value = float(word.replace(",", ""))
        elif word in _MULTIPLIERS and value is not None:
            value *= _MULTIPLIERS[word]
        elif word in NUMBER_WORDS:
            if value is not None:
                return None
            value = float(NUMBER_WORDS[word])
    return value


def _root(a: Analysis, e: Entity) -> int:
    """The entity's first token whose head lies outside it."""
    return (a.roots(e.first, e.last) or [e.last - 1])[0]


def _measured_from(a: Analysis, unit: int) -> str | None:
    """What a distance is from: a 'from' phrase on the unit, its head, or beside it."""
    head = a.heads[unit]
    places = [*a.children(unit), head, *a.children(head)]
    for prep in places:
        if a.pos[prep] == "ADP" and a.lemmas[prep] in _FROM:
            obj = next((c for c in a.children(prep) if a.deps[c] == "pobj"), None)
            if obj is not None:
                return f"{a.lemmas[prep]} {a.lemmas[obj]}"
    return None


def key_of(a: Analysis, e: Entity) -> str | None:
    """What a number counts, or None when the parse does not say."""
    root = _root(a, e)
    if e.label in ("QUANTITY", "PERCENT") and a.pos[root] in ("NOUN", "PROPN", "SYM"):
        unit = UNITS.get(a.lemmas[root], a.lemmas[root])
        where = _measured_from(a, root)
        return f"{unit} · {where}" if where else None
    noun = a.heads[root]
    if a.deps[root] != "nummod" or a.pos[noun] != "NOUN":
        return None
    verb = a.heads[noun]
    if a.pos[verb] != "VERB" or a.deps[noun] not in ("nsubj", "nsubjpass", "dobj", "obj"):
        return None
    return f"{a.lemmas[noun]} · {a.lemmas[verb]}"


def _sentence(a: Analysis, e: Entity) -> str:
    lo, hi = a.sentences[a.sentence_of(e.first)]
    return a.text[lo:hi]


def stated(source: int, a: Analysis) -> list[tuple[str, NumberMention]]:
    """The numbers of one article (its parse) that have a key, with it."""
    out = []
    for e in a.entities:
        if e.label not in NUMBER_LABELS:
            continue
        value, key = value_of(a.text[e.start : e.end]), key_of(a, e)
        if value is None or key is None:
            continue
        noun = a.heads[_root(a, e)] if e.label in ("CARDINAL", "MONEY") else _root(a, e)
        end = max(e.end, a.ends[noun])
        mention = NumberMention(
            source=source,
            text=a.text[e.start : end],
            value=value,
            start=e.start,
            end=end,
            sentence=_sentence(a, e),
        )
        out.append((key, mention))
    return out


def number_rows(parses: list[Analysis]) -> list[NumberRow]:
    """Keys stated by two sources or more (each given as its article's parse); differing
    ones first."""
    by_key: dict[str, list[NumberMention]] = defaultdict(list)
    for i, a in enumerate(parses):
        for key, mention in stated(i, a):
            by_key[key].append(mention)
    rows = []
    for key, mentions in by_key.items():
        values: dict[int, list[float]] = defaultdict(list)
        for m in mentions:
            values[m.source].append(m.value)
        if len(values) < 2:
            continue
        shared = set.intersection(*(set(v) for v in values.values()))
        rows.append(NumberRow(key=key, differs=not shared, values=dict(values), mentions=mentions))
    return sorted(rows, key=lambda r: (not r.differs, r.key))
