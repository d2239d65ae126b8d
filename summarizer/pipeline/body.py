"""What the news body proposes: names and places seen only in the furniture (a headline,
a subheading, a caption, a link line to another story) are not the story's.

A headline's name counts when the body names it too, under the body's spelling and with
the body's mentions; a time may also come from the dateline, which dates the story.
Candidates keep their order and are numbered again, so the prompt's ids stay dense.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from summarizer.reading import Reading
from summarizer.reading.names import name_words

if TYPE_CHECKING:  # candidates.py calls this module: no cycle at run time
    from summarizer.pipeline.candidates import Candidate

_TIME_KINDS = frozenset(["body", "dateline"])


def from_body(reading: Reading, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates the body names, with their body mentions only (module docstring)."""
    structure = reading.structure
    kept: list[Candidate] = []
    counts: dict[str, int] = {}
    for c in candidates:
        kinds = _TIME_KINDS if c.kind == "when" else frozenset(["body"])
        mentions = [(s, e) for s, e in c.mentions if structure.kind_at(s) in kinds]
        if not mentions:
            continue
        name = c.name
        if c.kind != "when" and not _in_body(reading, c.name, mentions):
            # the fullest spelling was the headline's: take the body's fullest instead
            name = max((reading.text[s:e] for s, e in mentions), key=lambda n: len(name_words(n)))
        prefix = c.id.rstrip("0123456789")
        counts[prefix] = counts.get(prefix, 0) + 1
        kept.append(replace(c, id=f"{prefix}{counts[prefix]}", name=name, mentions=mentions))
    return kept


def _in_body(reading: Reading, name: str, mentions: list[tuple[int, int]]) -> bool:
    return any(reading.text[s:e] == name for s, e in mentions)
