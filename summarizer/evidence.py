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


def supporting_sentences(text: str, summary: str, limit: int = 2) -> list[str]:
    """Up to `limit` sentences of `text` that share the most words with `summary` (at
    least 40 % of its content words), in article order."""
    wanted = _words(summary)
    if not wanted:
        return []
    scored = []
    for start, end in analyse(text).sentences:
        share = len(wanted & _words(text[start:end])) / len(wanted)
        if share >= MIN_OVERLAP:
            scored.append((share, -start, start, end))
    best = sorted(scored, reverse=True)[:limit]
    return [text[s:e] for _, _, s, e in sorted(best, key=lambda b: b[2])]
