"""Re-asks: what the validator refused goes back to the model with the reasons, and the
attempts' grounded items are kept together.

These are ours, not instructor's `max_retries`: instructor re-asks on a schema error, we
re-ask on a grounding one, with the reasons the rules gave.
"""

from __future__ import annotations

from pydantic import BaseModel

from summarizer.grounding import merge_duplicates
from summarizer.schema import Rejection, Summary


def reask_message(rejected: list[Rejection]) -> str:
    """The refusals as the model should read them: what to fix, item by item."""
    lines = ["These items are not supported by the article; fix or remove them:"]
    for r in rejected:
        speaker = r.item.get("speaker") if isinstance(r.item, dict) else None
        said = f" (speaker '{speaker}')" if speaker else ""
        lines.append(f"- {r.field}: '{r.claim}'{said}: {r.reason}")
    return "\n".join(lines)


def reask_messages(
    messages: list[dict[str, str]], answer: BaseModel, refused: list[Rejection]
) -> list[dict[str, str]]:
    """The conversation so far, the model's answer, and what of it was refused and why."""
    return [
        *messages,
        {"role": "assistant", "content": answer.model_dump_json()},
        {"role": "user", "content": reask_message(refused)},
    ]


def union(earlier: Summary, later: Summary) -> Summary:
    """Items grounded in either attempt (each is grounded on its own): a re-ask answer
    that fixes one item and forgets the rest (seen with the 1.5B model) must not lose
    what the first got right. The later attempt's main event when it has one, and only
    its refusals (the earlier ones were re-asked)."""
    merged = {
        name: merge_duplicates([*getattr(earlier, name), *getattr(later, name)])
        for name in ("who", "where", "when", "quotes")
    }
    what = later.what if later.what and later.what.summary else earlier.what
    return later.model_copy(update=merged | {"what": what})
