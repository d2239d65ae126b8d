"""Where the article mentions each who, where and when item, and what each mention hangs
from in the parse: what the main event's rules (`mainevent`, `eventparties`) read, found once.
"""

from __future__ import annotations

from summarizer.grounding.locate import locations
from summarizer.reading import Reading
from summarizer.reading.structure import dateline_end
from summarizer.schema import Summary, When, Where, Who

Spans = list[tuple[int, int]]

# Prepositions that put an event somewhere ("in Aceh", "off Sumatra"); not "from" (where
# people or things come from) nor "to".
AT = frozenset(
    """in at near on across along inside outside into onto off throughout within around
    aboard""".split()
)
# Links from a name to the phrase it is part of: "Russia’s Belgorod region", "Mecca, Saudi
# Arabia", "Sumy and Kharkiv".
PART_OF = frozenset(["compound", "poss", "conj", "appos", "nmod", "amod", "case"])
LOCALE = frozenset(["compound", "poss", "nmod", "amod"])  # "the Hong Kong election"


# Every place the article names each item, found once for all the main event's rules (which
# filter it), keyed by what survives a move between fields: text and offsets.
Located = dict[tuple[str, int | None, int | None], Spans]


def located_items(reading: Reading, summary: Summary) -> Located:
    located: Located = {}
    items: list[Who | Where | When] = [*summary.who, *summary.where, *summary.when]
    for item in items:
        found = {
            (at.start, at.end) for at in locations(reading.index, item.text, fold=True, fuzzy=False)
        }
        if item.start is not None and item.end is not None:
            found.add((item.start, item.end))
        located[item_key(item)] = sorted(found)
    return located


def item_key(item: Who | Where | When) -> tuple[str, int | None, int | None]:
    return item.text, item.start, item.end


def within(found: Spans, spans: Spans) -> Spans:
    """The mentions of `found` inside one of `spans`."""
    return [(a, b) for a, b in found if any(s <= a and b <= e for s, e in spans)]


def root_of(reading: Reading, start: int, end: int) -> int:
    a = reading.parse
    tokens = a.tokens_between(start, end)
    return (a.roots(tokens.start, tokens.stop) or [max(tokens.stop - 1, 0)])[-1]


def head_of(reading: Reading, start: int, end: int) -> int:
    """The token a mention hangs from, climbing the phrase it is part of ("the coast of
    Aceh, Indonesia": "coast")."""
    a = reading.parse
    t = root_of(reading, start, end)
    while a.heads[t] != t:
        if a.deps[t] in PART_OF:
            t = a.heads[t]
        elif a.deps[t] == "pobj" and a.lemmas[a.heads[t]] == "of" and a.heads[a.heads[t]] != t:
            t = a.heads[a.heads[t]]
        else:
            break
    return t


def in_dateline(reading: Reading, start: int) -> bool:
    """Whether `start` lies in a dateline that opens its sentence ("Taipei, Taiwan — …")."""
    a = reading.parse
    token = a.token_at(start)
    tokens = a.sentence_tokens(a.sentence_of(token))
    return token < dateline_end(a, tokens)
