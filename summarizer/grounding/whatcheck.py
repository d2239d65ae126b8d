"""Rule 5: the abstractive `what` sentence may paraphrase, but says only what the article
says.

In order, each failure with its own reason: the sentence is whole (not cut mid-clause by a
length bound); every run of capitalised words (titles and sentence-opening function words
aside) is found in the article as a name, and every number, in digits or words, is one the
article states; its events are events of article sentences, which become its evidence
(`meaning`); and that evidence is news, not an instruction to the reader.
"""

from __future__ import annotations

import re

from summarizer.grounding.locate import locate
from summarizer.grounding.meaning import Verdict, check_meaning
from summarizer.reading import Analysis, Reading, parse
from summarizer.reading.instructions import is_instruction
from summarizer.reading.names import STOP_CAPS, TITLES, initials_for, name_key
from summarizer.reading.numbers import numbers
from summarizer.schema import Evidence, Match, What

SENTENCE_STARTERS = STOP_CAPS | frozenset(
    """amid despite following since until over under about across among through within without
    against toward towards from by for to of here now today yesterday both each every
    all no not only even just more less what who why how where which there""".split()
)
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_LEADING = TITLES | SENTENCE_STARTERS


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


def _expanded(reading: Reading, name: str) -> bool:
    """A name the article writes with its initials spelled out: "UK Home Office" for the
    "United Kingdom Home Office" of its cast (the name keys' own comparison)."""
    key = name_key(name)
    return any(initials_for(key, member) for member in reading.cast.members)


def unsupported(reading: Reading, summary: str) -> list[str]:
    """The names and numbers of `summary` that the article does not state."""
    index = reading.index
    missing = [
        name
        for name in proper_names(summary)
        if locate(index, name, fold=True, fuzzy=True) is None and not _expanded(reading, name)
    ]
    article_numbers = _article_numbers(reading.text)
    missing += [written for written, value in numbers(summary) if value not in article_numbers]
    return missing


_DANGLING_TAGS = frozenset(["DT", "IN", "CC", "TO", "WDT", "PDT"])  # "after a": tagged PRON
_DANGLING = frozenset(["ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT"])


def whole(a: Analysis) -> bool:
    """A sentence (its parse) that ends as one, with its full stop or headline-style
    without: its last word can end a clause (not "of", "the", "and", "to", a comma: a
    sentence cut short)."""
    last = len(a) - 1
    while last >= 0 and a.pos[last] == "PUNCT" and a.word(last) not in (",", ";", ":"):
        last -= 1  # the full stop, a closing quote or bracket
    if last < 0:
        return False
    if a.deps[last] == "prt":  # "shut down": a verb's particle ends a clause
        return True
    return a.pos[last] not in _DANGLING and a.tags[last] not in _DANGLING_TAGS


def kept_what(reading: Reading, summary: str, verdict: Verdict) -> What:
    """A kept `what`: the summary and rule 5's evidence, each sentence with its offsets."""
    evidence = [
        Evidence(text=reading.text[s:e], start=s, end=e, match=Match.EXACT)
        for s, e in verdict.evidence
    ]
    return What(summary=summary, evidence=evidence)


def check_what(reading: Reading, summary: str) -> Verdict:
    """The evidence for `summary` (sentence spans of the article), or why it cannot be
    kept (see the module docstring)."""
    parsed = parse(summary)
    if not whole(parsed):
        return Verdict([], "not a whole sentence: it ends mid-clause")
    missing = unsupported(reading, summary)
    if missing:
        why = "names or numbers not in the article: " + ", ".join(f"'{m}'" for m in missing)
        return Verdict([], why)
    verdict = check_meaning(reading, parsed)
    for start, end in verdict.evidence:
        if is_instruction(reading.parse, start, end):
            quoted = reading.text[start:end][:80]
            return Verdict([], f"taken from an instruction in the text, not its news: '{quoted}'")
    return verdict
