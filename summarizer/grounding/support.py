"""The article sentences that support an abstractive `what`: its evidence, and rule 5's
look at where it came from.

Chosen by word overlap rather than copied by the model: copying a sentence costs a local
model several seconds of output, and a sentence taken from the article is literal by
construction (grounding still checks it).
"""

from __future__ import annotations

import re

from summarizer.reading import Reading
from summarizer.reading.instructions import is_instruction

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset(
    """a an the of in on at to for from by with and or but is are was were be been has have
    had that this these those it its as into over after before than then also not""".split()
)
MIN_OVERLAP = 0.4


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def _scored(reading: Reading, summary: str) -> list[tuple[float, int, int, int]]:
    """(share of the summary's words, -start, start, end) of each supporting sentence,
    the best first."""
    wanted = _words(summary)
    if not wanted:
        return []
    text, scored = reading.text, []
    for start, end in reading.parse.sentences:
        share = len(wanted & _words(text[start:end])) / len(wanted)
        if share >= MIN_OVERLAP:
            scored.append((share, -start, start, end))
    return sorted(scored, reverse=True)


def supporting_sentences(reading: Reading, summary: str, limit: int = 2) -> list[str]:
    """Up to `limit` sentences of the article that share the most words with `summary` (at
    least 40 % of its content words), in article order."""
    best = _scored(reading, summary)[:limit]
    return [reading.text[s:e] for _, _, s, e in sorted(best, key=lambda b: b[2])]


def instruction_support(reading: Reading, summary: str) -> str | None:
    """The sentence that best supports `summary`, if it is an instruction to the reader: an
    abstractive `what` taken from an injected instruction, not from the news."""
    scored = _scored(reading, summary)
    if scored and is_instruction(reading.parse, scored[0][2], scored[0][3]):
        return reading.text[scored[0][2] : scored[0][3]]
    return None
