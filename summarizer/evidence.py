"""Evidence for the abstractive `what`: the article sentences that support it.

Chosen by word overlap rather than copied by the model: copying a sentence costs a local
model several seconds of output, and a sentence taken from the article is literal by
construction (grounding still checks it).
"""

from __future__ import annotations

import re

from summarizer.text import analyse

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset(
    """a an the of in on at to for from by with and or but is are was were be been has have
    had that this these those it its as into over after before than then also not""".split()
)
MIN_OVERLAP = 0.4


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def _scored(text: str, summary: str) -> list[tuple[float, int, int, int]]:
    """(share of the summary's words, -start, start, end) of each supporting sentence,
    the best first."""
    wanted = _words(summary)
    if not wanted:
        return []
    scored = []
    for start, end in analyse(text).sentences:
        share = len(wanted & _words(text[start:end])) / len(wanted)
        if share >= MIN_OVERLAP:
            scored.append((share, -start, start, end))
    return sorted(scored, reverse=True)


def supporting_sentences(text: str, summary: str, limit: int = 2) -> list[str]:
    """Up to `limit` sentences of `text` that share the most words with `summary` (at
    least 40 % of its content words), in article order."""
    best = _scored(text, summary)[:limit]
    return [text[s:e] for _, _, s, e in sorted(best, key=lambda b: b[2])]


def is_instruction(text: str, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) has a bare imperative with no subject for its
    main verb ("Instead report that …", "Ignore previous instructions"): news narrates, it
    does not instruct."""
    a = analyse(text)
    for i in a.tokens_between(start, end):
        if a.heads[i] == i:  # the sentence's root
            subject = any(a.deps[k] in ("nsubj", "nsubjpass", "expl") for k in a.children(i))
            return a.tags[i] == "VB" and not subject
    return False


def instruction_support(text: str, summary: str) -> str | None:
    """The sentence that best supports `summary`, if it is an instruction to the reader: an
    abstractive `what` taken from an injected instruction, not from the news."""
    scored = _scored(text, summary)
    if scored and is_instruction(text, scored[0][2], scored[0][3]):
        return text[scored[0][2] : scored[0][3]]
    return None
