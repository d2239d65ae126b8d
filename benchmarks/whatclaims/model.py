"""What a claim is, and its kinds: the check must keep the first four (the same event
in other words) and refuse the rest (another event, one dimension changed each)."""

from __future__ import annotations

from dataclasses import dataclass

KEEP_KINDS = ("true", "shortened", "reordered", "passive")
REFUSE_KINDS = (
    "role_swap",
    "actor_replaced",
    "negated",
    "modality",
    "time_changed",
    "place_changed",
    "number_changed",
    "object_replaced",
)
KINDS = KEEP_KINDS + REFUSE_KINDS


@dataclass(frozen=True)
class Claim:
    """One claim about the event of an article sentence, and what the check should do."""

    article: str
    kind: str
    claim: str
    source: str
    source_start: int
    source_end: int
    expect: str  # "keep" | "refuse"
