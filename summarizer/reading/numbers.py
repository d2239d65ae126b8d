"""Numbers as news writes them, in digits or words, compared by value ("three" is 3,
"1,200" is 1200): rule 5 and `compare` read them alike."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "dozen": 12,
}
_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)


def _value(token: str) -> str:
    word = token.lower()
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    number = token.replace(",", "").rstrip(".")
    return number.rstrip("0").rstrip(".") if "." in number else number


def numbers(text: str) -> list[tuple[str, str]]:
    """The numbers in `text` as (as written, value)."""
    return [(m.group(), _value(m.group())) for m in _NUMBER_RE.finditer(text)]
