"""Rule 5: the abstractive `what` sentence may paraphrase, but not invent names or numbers.

Every run of capitalised words (titles and sentence-opening function words aside) must be
found in the article as a name, and every number, in digits or words, must be one the
article states.
"""

from __future__ import annotations

import re

from summarizer.grounding.locate import locate
from summarizer.grounding.support import instruction_support
from summarizer.reading import Reading
from summarizer.reading.names import STOP_CAPS, TITLES

SENTENCE_STARTERS = STOP_CAPS | frozenset(
    """amid despite following since until over under about across among through within without
    against toward towards from by for to of here now today yesterday both each every
    all no not only even just more less what who why how where which there""".split()
)
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
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_LEADING = TITLES | SENTENCE_STARTERS


def _value(token: str) -> str:
    word = token.lower()
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    number = token.replace(",", "").rstrip(".")
    return number.rstrip("0").rstrip(".") if "." in number else number


def numbers(text: str) -> list[tuple[str, str]]:
    """The numbers in `text` as (as written, value)."""
    return [(m.group(), _value(m.group())) for m in _NUMBER_RE.finditer(text)]


def _article_numbers(text: str) -> frozenset[str]:
    values = {value for _, value in numbers(text)}
    return frozenset(values | ({"1"} if re.search(r"\bone\b", text, re.I) else set()))


def proper_names(text: str) -> list[str]:
    """Runs of capitalised words in `text`, without leading titles and sentence openers."""
    names: list[str] = []
    run: list[str] = []

    def flush() -> None:
        while run and run[0].lower() in _LEADING:
            run.pop(0)
        if run:
            names.append(" ".join(run))
        run.clear()

    sentence_start, prev_end = True, 0
    for m in _WORD_RE.finditer(text):
        raw, gap = m.group(), text[prev_end : m.start()]
        prev_end = m.end()
        if gap.strip():
            flush()
            sentence_start = sentence_start or bool(re.search(r"[.!?:;]", gap))
        word = re.sub(r"['\u2019]s$", "", raw.rstrip("."))
        if word[:1].isupper() and not (sentence_start and word.lower() in SENTENCE_STARTERS):
            run.append(word)
        else:
            flush()
        if word != raw:  # a possessive or a final period ends the run
            flush()
        sentence_start = raw.endswith(".") and len(word) > 3
    flush()
    return names


def unsupported(reading: Reading, summary: str) -> list[str]:
    """The names and numbers of `summary` that the article does not state."""
    index = reading.index
    missing = [
        name for name in proper_names(summary) if locate(index, name, fold=True, fuzzy=True) is None
    ]
    article_numbers = _article_numbers(reading.text)
    missing += [written for written, value in numbers(summary) if value not in article_numbers]
    return missing


def check_summary(reading: Reading, summary: str) -> str | None:
    """Why `summary` cannot be kept for the article, or None when it can."""
    missing = unsupported(reading, summary)
    if missing:
        return "names or numbers not in the article: " + ", ".join(f"'{m}'" for m in missing)
    instruction = instruction_support(reading, summary)
    if instruction is not None:
        return f"taken from an instruction in the text, not its news: '{instruction[:80]}'"
    return None
