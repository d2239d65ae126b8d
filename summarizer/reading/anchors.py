"""Where the text says who speaks: the speech anchors of a quotation, read off the parse.

In the quotation's own sentences, in order of strength: the subject of a speech verb that
governs the quotation or hangs off it ("X said", "said X", "X, who said", "X was quoted as
saying", "has X saying", "according to X"); a colon introduction ("X wrote in a series of
tweets:"); a dash after it ("— Name"); the subject of another verb tied to it ("X shot
back"); a speech verb elsewhere in the sentence. Then around it: a bare speech clause just
after it ("“…” Atkinson said."), and the sentences before it in its paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable

from summarizer.reading.analysis import Analysis
from summarizer.reading.cast import Cast
from summarizer.reading.quotations import Region
from summarizer.reading.referents import SUBJECTS, Referent, referent
from summarizer.reading.speech import is_speech

_CLIMB = frozenset(["xcomp", "advcl", "conj", "acl", "ccomp", "pcomp", "prep", "pobj"])
_SAID_WHAT = frozenset(["ccomp", "dobj", "xcomp"])  # "said the plan was sound"
_DASHES = "-\u2013\u2014\u2015"


def subject(a: Analysis, verb: int) -> int | None:
    """The subject token of `verb`, climbing from "adding" or "saying" to the verb they
    hang from, taking the object of "has X saying", and the name after an inverted speech
    verb that the parser made its object ("…”, added KCNA.")."""
    for _ in range(4):
        kids = a.children(verb)
        found = next((k for k in kids if a.deps[k] in SUBJECTS), None)
        if found is not None:
            return found
        after = verb + 1
        if after < len(a) and a.heads[after] == verb and a.pos[after] == "PROPN":
            return after
        if a.deps[verb] == "amod" and a.heads[verb] == after and a.pos[after] == "PROPN":
            return after  # "added KCNA" parsed as an adjective and its noun
        head = a.heads[verb]
        if head == verb or a.deps[verb] not in _CLIMB:
            return None
        if a.deps[verb] in ("acl", "ccomp", "xcomp") and a.tags[verb] == "VBG":
            obj = next((k for k in a.children(head) if a.deps[k] == "dobj"), None)
            if obj is not None:
                return obj
        verb = head
    return None


def _distance(a: Analysis, tok: int, region: Region) -> int:
    if a.ends[tok] <= region.open_at:
        return region.open_at - a.ends[tok]
    return max(0, a.starts[tok] - region.close_at)


def _linked(a: Analysis, verb: int, inside: range) -> bool:
    """Whether the quotation hangs from `verb` or `verb` from the quotation."""
    if any(h in inside for h in a.ancestors(verb)):
        return True
    for t in inside:
        if a.heads[t] not in inside and (a.heads[t] == verb or verb in a.ancestors(a.heads[t])):
            return True
    return False


def sentence_range(a: Analysis, start: int, end: int) -> range:
    last_tok = min(len(a) - 1, a.token_at(max(start, end - 1)))
    first = a.sentence_of(min(a.token_at(start), last_tok))
    last = a.sentence_of(last_tok)
    return range(a.sent_first[first], a.sentence_tokens(last).stop)


def _from_verbs(
    cast: Cast, verbs: Iterable[int], exclude: frozenset[str] = frozenset()
) -> Referent | None:
    for verb in verbs:
        tok = subject(cast.analysis, verb)
        if tok is not None and not cast.quoted[tok]:
            found = referent(cast, tok, exclude)
            if found is not None:
                return found
    return None


def _source(cast: Cast, span: range, exclude: frozenset[str]) -> Referent | None:
    """ "according to X", "in the words of X": the source named in narration."""
    a = cast.analysis
    for i in span:
        if cast.quoted[i]:
            continue
        if a.word(i).lower() == "according":
            to = next((k for k in a.children(i) if a.lemmas[k] == "to"), i)
        elif a.lemmas[i] == "word" and i and a.lemmas[i - 1] == "the":
            to = next((k for k in a.children(i) if a.lemmas[k] == "of"), i)
        else:
            continue
        pobj = next((k for k in a.children(to) if a.deps[k] == "pobj"), None)
        if to != i and pobj is not None:
            return referent(cast, pobj, exclude)
    return None


def named_inside(cast: Cast, region: Region) -> frozenset[str]:
    """Members the quotation itself names: not who a pronoun speaking it stands for."""
    return cast.keys_named_between(region.start, region.end)


def _colon(cast: Cast, head: Region, exclude: frozenset[str]) -> Referent | None:
    """ "X wrote in a series of tweets: “…”" and "Windsor Mann, editor of …: “…”"."""
    a = cast.analysis
    at = head.open_at  # back over the spaces before the quote, not a copy of the text
    while at > 0 and a.text[at - 1] == " ":  # before it (per quote: quadratic in all)
        at -= 1
    if at == 0 or a.text[at - 1] != ":":
        return None
    colon = a.token_at(at - 1)
    verb = next((h for h in a.ancestors(colon) if not cast.quoted[h]), colon)
    if a.pos[verb] in ("VERB", "AUX"):
        return _from_verbs(cast, [verb], exclude)
    return referent(cast, verb, exclude) if a.pos[verb] in ("PROPN", "NOUN") else None


def _byline(cast: Cast, region: Region) -> Referent | None:
    """ "“…” ―Pamela Padilla": a name after a dash that follows the quotation, or a
    person's name alone after it at the end of its paragraph (a pull quote's credit)."""
    a = cast.analysis
    rest = a.text[region.close_at : region.close_at + 4]
    lead = len(rest) - len(rest.lstrip(" .,"))
    dashed = lead < len(rest) and rest[lead] in _DASHES
    tok = a.token_at(region.close_at + lead + (1 if dashed else 0))
    if tok >= len(a) or a.starts[tok] - region.close_at >= 6:
        return None
    if not dashed:  # only a name, to the end of the paragraph
        line_end = a.text.find("\n", a.starts[tok])
        name = a.tokens_between(a.starts[tok], line_end if line_end >= 0 else len(a.text))
        proper = [i for i in name if a.pos[i] == "PROPN"]
        if not proper or len(proper) < len(name) - 1:
            return None
        tok = proper[-1]
    if a.pos[tok] == "PROPN":
        while a.heads[tok] != tok and a.pos[a.heads[tok]] == "PROPN" and a.heads[tok] > tok:
            tok = a.heads[tok]
        return referent(cast, tok)
    return None


def is_clause(a: Analysis, inside: range) -> bool:
    """Whether a quotation holds a clause (speech), not only a name or a phrase."""
    return any(a.pos[i] in ("VERB", "AUX") for i in inside)


def own_anchor(cast: Cast, head: Region, region: Region) -> Referent | None:
    """The speaker given in the quotation's own sentences, by the strongest anchor."""
    a = cast.analysis
    inside = a.tokens_between(region.start, region.end)
    span = sentence_range(a, head.open_at, region.close_at)
    exclude = named_inside(cast, region)
    narrator = [i for i in span if not cast.quoted[i] and a.pos[i] == "VERB"]
    near = sorted(narrator, key=lambda v: _distance(a, v, region))
    speech = [v for v in near if is_speech(a, v)]
    linked = [v for v in near if _linked(a, v, inside)]
    return (
        _source(cast, span, exclude)
        or _from_verbs(cast, [v for v in speech if v in linked], exclude)
        or _colon(cast, head, exclude)
        or _byline(cast, region)
        or _from_verbs(cast, linked if is_clause(a, inside) else [], exclude)
        or _from_verbs(cast, speech, exclude)
    )


def following_clause(cast: Cast, region: Region) -> Referent | None:
    """ "“…” Atkinson said.": a short speech clause right after the quotation."""
    a = cast.analysis
    tok = a.token_at(region.close_at)
    if tok >= len(a) or cast.quoted[tok]:
        return None
    if a.text[region.close_at : a.starts[tok]].strip(" \t") != "":
        return None  # not right after it in the same paragraph
    sentence = a.sentence_tokens(a.sentence_of(tok))
    if len(sentence) > 12 or any(cast.quoted[i] for i in sentence):
        return None
    bare = [
        i
        for i in sentence
        if is_speech(a, i) and not any(a.deps[k] in _SAID_WHAT for k in a.children(i))
    ]
    return _from_verbs(cast, bare, named_inside(cast, region))


def speech_subject(
    cast: Cast, tokens: range, exclude: frozenset[str] = frozenset()
) -> Referent | None:
    """The subject of the last narrator speech verb among `tokens` (indirect speech that
    introduces the quotation after it: "Heald noted the findings show …")."""
    a = cast.analysis
    verbs = [i for i in reversed(tokens) if not cast.quoted[i] and is_speech(a, i)]
    return _from_verbs(cast, verbs, exclude)
