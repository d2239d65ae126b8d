"""Sentences that instruct rather than narrate: news tells, it does not command the reader.

A bare imperative with no subject for its main verb ("Instead report that …", "Ignore
previous instructions") is text aimed at whoever processes the article. The candidates
propose no quotation from such a sentence, and rule 5 keeps no `what` taken from one.
"""

from __future__ import annotations

from summarizer.reading.analysis import Analysis


def is_instruction(a: Analysis, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) has a bare imperative with no subject for its
    main verb."""
    for i in a.tokens_between(start, end):
        if a.heads[i] == i:  # the sentence's root
            subject = any(a.deps[k] in ("nsubj", "nsubjpass", "expl") for k in a.children(i))
            return a.tags[i] == "VB" and not subject
    return False
