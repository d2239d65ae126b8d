"""Which tokens of a tagger's entity are the name's: the small tagger's spans miss words of a
name at either end ("Enver" of "Enver Solomon", "Christmas" of "Johnnie Christmas") and take
in words that are not the name's ("New People Party's", "Yonhap news agency")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from summarizer.reading.gender import first_name_gender
from summarizer.reading.names import TITLES
from summarizer.reading.wordnet import names_an_agent

_NAMES = frozenset(["PERSON", "ORG", "GPE", "LOC", "FAC"])
_WHOLE = frozenset(["PERSON", "ORG"])  # labels whose name runs on over untagged words


def name_span(ent: Span) -> tuple[int, int]:
    """The doc's token indices [start, end) of the name in the tagger's entity `ent`."""
    start, end = ent.start, ent.end
    while end > start + 1 and _not_the_names(ent.label_, ent.doc[end - 1]):
        end -= 1
    if ent.label_ not in _WHOLE:
        return start, end
    doc, trimmed = ent.doc, end < ent.end
    while start > 0 and _of_the_name(doc[start - 1], start, end):
        start -= 1
    while not trimmed and end < len(doc) and _of_the_name(doc[end], start, end):
        end += 1
    return start, end


def _of_the_name(token: Token, start: int, end: int) -> bool:
    """Whether `token`, next to the name [start, end), is a word of it the tagger left out:
    a capitalised proper noun outside any entity, and no title or word for a person
    ("President", "Administrator", "Mr."); before a person's name, a first name ("Enver"
    before "Solomon"); after a name, the head its last word is a part of
    ("Christmas" after "Johnnie"), unless a person's name follows ("the Refugee Council
    Enver Solomon": "Enver" is Solomon's)."""
    if token.ent_iob_ != "O" or token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    word = token.lemma_.lower().rstrip(".")
    if word in TITLES or names_an_agent(word):
        return False
    doc = token.doc
    if token.i < start:
        return doc[start].ent_type_ == "PERSON" and first_name_gender(token.text) != "unknown"
    last, after = doc[end - 1], token.i + 1
    if after < len(doc) and doc[after].ent_type_ == "PERSON":
        return False
    return last.dep_ == "compound" and last.head.i == token.i


def _not_the_names(label: str, token: Token) -> bool:
    """Whether a token that ends the tagger's entity is no word of its name: a possessive;
    in a name (not a time: "this week"), a common noun in lower case, a word of its own
    ("Yonhap news agency" is "Yonhap"; "Lam Cheuk-ting" ends in "ting")."""
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    common = spaced and token.tag_ in ("NN", "NNS") and token.text.islower()
    return token.tag_ == "POS" or (common and label in _NAMES)
