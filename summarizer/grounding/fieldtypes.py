"""Rule 4, types hold: a `when` holds a time; `who` and `where` are not times; a `who` is
no place (unless it acts: "Sweden beat South Korea") and no phrase, and a `where` no
person.

What a name names is the reading's (`reading.types`: the parse around its mentions, the
article's other names, a gazetteer, first names, the tagger), and a refusal says which
evidence decided. A summary's own speakers and who items count as people too, when the
reading does not make them places.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.reading import Reading
from summarizer.reading.names import TITLES, is_org_name, looks_like_person, name_key, name_words
from summarizer.reading.timeexpr import is_time_expression


@dataclass(frozen=True)
class People:
    """The people a summary names: name keys (surnames), full names, speakers' keys."""

    keys: frozenset[str]
    full_names: frozenset[str]
    speakers: frozenset[str]


def people_in(reading: Reading, speakers: list[str], who: list[str]) -> People:
    """The names among `speakers` and `who` that name people: names that read as personal
    names, or that the article uses as one."""
    in_article = reading.people
    persons = [
        name
        for name in speakers + who
        if (key := name_key(name))
        and (key in in_article or looks_like_person(name))
        and reading.types.type_of(name).kind != "place"
    ]
    keys = frozenset(name_key(n) for n in persons)
    return People(
        keys=keys,
        full_names=frozenset(" ".join(name_words(n)) for n in persons),
        speakers=frozenset(name_key(s) for s in speakers) & keys,
    )


def _is_person(name: str, people: People) -> bool:
    """The full name of a person in the summary, the surname of a quote's speaker
    ("Zelensky"; not "Canada" after "Environment Canada" in who), or a name after a
    personal title ("President X")."""
    words = name_words(name)
    if not words:
        return False
    first = name.split()[0].lower().rstrip(".")
    named = " ".join(words) in people.full_names or (
        len(words) == 1 and words[0] in people.speakers
    )
    return named or (first in TITLES and not is_org_name(words))


def who_problem(reading: Reading, span: str) -> str | None:
    if is_time_expression(span, whole=True):
        return f"'{span}' is a time, not a person or organisation"
    typed = reading.types.type_of(span)
    if typed.kind == "place" and typed.firm and reading.types.acting(span) is None:
        return f"'{span}' is a place, not a person or organisation ({typed.evidence})"
    if typed.kind == "phrase":
        return f"'{span}' is a phrase, not a name ({typed.evidence})"
    return None


def where_problem(reading: Reading, claim: str, span: str, people: People) -> str | None:
    if is_time_expression(span, whole=True):
        return f"'{span}' is a time, not a place"
    typed = reading.types.type_of(span)
    if typed.kind == "place":
        return None
    if typed.kind == "person" and typed.firm:
        return f"'{span}' is a person, not a place ({typed.evidence})"
    if _is_person(claim, people) or _is_person(span, people):
        return f"'{span}' is a person, not a place (the summary names it as a person)"
    if typed.kind == "phrase":
        return f"'{span}' is a phrase, not a name ({typed.evidence})"
    return None


def when_problem(span: str) -> str | None:
    return None if is_time_expression(span) else f"'{span}' holds no time expression"
