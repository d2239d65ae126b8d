"""Reading an article once, before any claim: where its headline ends, its publication
date, and its names, places and object phrases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from itertools import pairwise

from summarizer.reading import parse
from summarizer.reading.cast import build_cast
from summarizer.reading.gender import first_name_gender
from summarizer.reading.names import name_words
from summarizer.reading.timeexpr import resolve_date

from .article import Article, Name, Phrase, can_act, clean_name, place_key
from .edit import normalised
from .syntax import phrase_head
from .words import DATELINE, LOCATIVE, NAME_LABELS, PLACE_LABELS


def read_article(article_id: str, text: str) -> Article:
    """The article parsed once, with what the kinds of claim draw on from all of it."""
    a = parse(text)
    cast = build_cast(a)
    body = _headline_end(text)
    published, dateline = _published(text, body)
    verbs = frozenset(a.lemmas[i] for i in range(len(a)) if a.pos[i] == "VERB")
    art = Article(article_id, text, a, cast, published, body, dateline, normalised(text), verbs)
    _read_names(art)
    _read_places(art)
    _read_phrases(art)
    return art


def _headline_end(text: str) -> int:
    """The end of the first paragraph: the headline."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    return len(text) if end == -1 else end


def _published(text: str, start: int) -> tuple[date | None, tuple[int, int]]:
    m = DATELINE.search(text, start, start + 200)
    if m is None:
        return None, (0, 0)
    value = resolve_date(m.group(), None)
    try:
        return (date.fromisoformat(value) if value else None), m.span()
    except ValueError:
        return None, m.span()


def _the(text: str, starts: Iterable[int]) -> bool:
    """Whether the article writes a name with "the" in front most of the time."""
    marks = [
        text[max(0, s - 4) : s + 4].lower()
        in ("the " + text[s : s + 4].lower(), text[s - 4 : s].lower() + "the ")
        for s in starts
    ]
    return sum(marks) * 2 > len(marks)


def _good_name(text: str, label: str) -> bool:
    """A name fit to stand in a sentence: a person's given and family name, an
    organisation's or place's name that starts with a capital (not "@POTUS", "pro-Beijing")."""
    words = text.removeprefix("the ").split()
    if not re.fullmatch(r"[\w .'\u2019&-]+", text):
        return False
    if not words or "\n" in text or len(words) > 6 or not words[0][:1].isupper():
        return False
    if re.match(r"(?:Pro|Anti|Non|Ex)-", words[0]):
        return False
    if label == "PERSON":
        return 2 <= len(name_words(text)) <= 4 and all(w[:1].isupper() for w in words)
    return first_name_gender(words[0]) == "unknown"  # not "Lydia Buchtmann for ..."


def _read_names(art: Article) -> None:
    """People and organisations (and countries that act as they do), with the label their
    mentions have most often, and whether the article shows them acting: as the subject of
    a verb or a passive's agent; a person also when known by a first name or a role."""
    a, text, cast = art.a, art.text, art.cast
    for key, member in cast.members.items():
        labels: Counter[str] = Counter()
        acts = False
        for start in member.mentions:
            i = a.token_at(start)
            ent = a.entity(i)
            if ent is not None:
                labels[ent.label] += 1
                i = phrase_head(a, ent.first, ent.last)
            agent = a.deps[i] == "pobj" and a.deps[a.heads[i]] == "agent"
            acts = acts or a.deps[i] == "nsubj" or agent
        if not labels:
            continue
        label = labels.most_common(1)[0][0]
        if label == "PERSON" and not member.person:
            continue
        words = name_words(member.name)
        if label == "PERSON" and words:
            acts = acts or bool(member.roles) or first_name_gender(words[0]) != "unknown"
        name = ("the " if _the(text, member.mentions) else "") + member.name
        found = Name(key, name, label, len(member.mentions), min(member.mentions), acts)
        art.names_by_key[key] = found
        if _good_name(name, label):
            art.names.append(found)


def _read_places(art: Article) -> None:
    """Places: names the article tags as places most of the time and sets after a
    locative preposition at least once; and which places it sets in one another
    ("Irving, Texas", "Sumy in Ukraine", "Russia's Belgorod region")."""
    a, text = art.a, art.text
    labels: dict[str, Counter[str]] = {}
    mentions: dict[str, list[tuple[int, str]]] = {}
    located: set[str] = set()
    for e in a.entities:
        name = clean_name(text[e.start : e.end])
        key = place_key(name)
        if not key or "\n" in name or re.search(r"\d", name):
            continue
        labels.setdefault(key, Counter())[e.label] += 1
        if e.label in PLACE_LABELS:
            mentions.setdefault(key, []).append((e.start, name))
            head = phrase_head(a, e.first, e.last)
            beside = art.entity_label(a.heads[head]) in PLACE_LABELS  # "Irving, Texas"
            after = a.deps[head] == "pobj" and a.lemmas[a.heads[head]] in LOCATIVE
            if after or (a.deps[head] in ("appos", "conj") and beside):
                located.add(key)
    for key, found in mentions.items():
        label = labels[key].most_common(1)[0][0]
        if label not in PLACE_LABELS or key not in located:
            continue
        name = max((m[1] for m in found), key=len)
        written = ("the " if _the(text, [m[0] for m in found]) else "") + name
        if _good_name(written, label):
            art.places.append(Name(key, written, label, len(found), found[0][0]))
    ents = [e for e in a.entities if e.label in PLACE_LABELS]
    for e, f in pairwise(ents):
        between = text[e.end : f.start]
        if re.fullmatch(r"\s*,\s*|\s+(?:in|of|near)\s+(?:the\s+)?|['\u2019]s\s+", between):
            keys = (place_key(text[e.start : e.end]), place_key(text[f.start : f.end]))
            art.place_links.add(frozenset(keys))


def _read_phrases(art: Article) -> None:
    """Short noun phrases that are the object of a verb (or its passive subject) in the
    narration: what else the article says was acted on."""
    a = art.a
    for i in range(len(a)):
        if a.deps[i] not in ("dobj", "nsubjpass") or a.pos[i] != "NOUN":
            continue
        lo, hi = a.subtree_span(i)
        start, end = a.starts[lo], a.ends[hi - 1]
        if start < art.body_start or hi - lo > 5 or art.quoted(start, end):
            continue
        span = range(lo, hi)
        if any(a.pos[k] in ("VERB", "AUX", "PRON", "PUNCT", "ADP", "NUM") for k in span):
            continue
        if any(art.entity_label(k) in NAME_LABELS for k in span):
            continue
        opener = a.deps[lo] in ("poss", "amod", "compound") or a.lemmas[lo] in ("the", "a", "an")
        if lo != i and not opener:
            continue
        if lo == i and a.tags[i] == "NN":
            continue  # a bare singular noun: "took place", "took action"
        lemmas = frozenset(a.lemmas[k] for k in span if a.pos[k] in ("NOUN", "ADJ", "PROPN"))
        art.phrases.append(
            Phrase(
                a.text[start:end],
                a.lemmas[i],
                a.tags[i] == "NNS",
                can_act(art, i),
                lemmas,
                start,
            )
        )
