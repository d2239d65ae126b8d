"""Words a `what` adds to its evidence: a paraphrase may change a word, not add a fact.

Each noun and adjective of the summary (an ordinal too: "the first game") must be in the
evidence sentences or beside them in some form: itself, a near-synonym, a noun's verb.
Names are checked as names and numbers as numbers elsewhere; a stop word ("such") and a
noun a number counts ("107 people") state nothing of their own.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from summarizer.reading import Analysis, Reading
from summarizer.reading.lexicon import covered

# Words that carry a fact of their own; names are checked as names (by rule 5's first part
# and as parties), numbers as numbers.
_CONTENT_POS = frozenset(["NOUN", "ADJ"])


def added_words(
    reading: Reading, sa: Analysis, sentences: list[int], allowed: int = 1
) -> str | None:
    """Words of the summary that the evidence (and the sentences beside it) does not
    have in any form, quoted, when there are more than a paraphrase allows (one word, and
    no more than a fifth of its words): "the first game of the World Cup" where the
    evidence says "Sweden won three points" adds a fact."""
    a, spans = reading.parse, reading.parse.sentences
    near = sorted({j for i in sentences for j in (i - 1, i, i + 1) if 0 <= j < len(spans)})
    given = {a.lemmas[t] for i in near for t in a.sentence_tokens(i)}
    words = {
        sa.lemmas[t]
        for t in range(len(sa))
        if ((sa.pos[t] in _CONTENT_POS and sa.lemmas[t] not in STOP_WORDS) or ordinal(sa, t))
        and not counted_noun(sa, t)
    }  # a stop word ("such", "other") states no fact of its own; an ordinal ("first") does
    added = sorted(w for w in words if not covered(w, given))
    if len(added) > allowed and len(added) * 5 > len(words):
        return ", ".join(f"'{w}'" for w in added)
    return None


def counted_noun(a: Analysis, t: int) -> bool:
    """A noun a number counts ("107 people"): the number is checked, the noun is how
    English counts ("107 killed")."""
    return a.pos[t] == "NOUN" and any(a.deps[k] == "nummod" for k in a.children(t))


def ordinal(a: Analysis, t: int) -> bool:
    return (e := a.entity(t)) is not None and e.label == "ORDINAL"
