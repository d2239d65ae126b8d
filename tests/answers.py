"""The model's answers that tests and benchmarks play back, made in one place from the
answer schema the pipeline asks for (`summarizer.pipeline.answer`).

benchmarks/batch.py kept an answer of the schema before `added`: every article's answer
failed validation ("Picks: added Field required"), was salvaged as an empty one, and the
benchmark printed its throughput all the same. An answer made here is validated against
the current schema as it is made, so a schema change fails here, at once, by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from summarizer.pipeline.answer import AnswerWithSpeakers


def picks(
    what: str = "", added: Sequence[str] = (), speakers: Sequence[tuple[int, str]] = ()
) -> dict[str, Any]:
    """The arguments of the model's tool call: `what`, the names the candidates missed,
    and (quote number, speaker) for quotes the text could not attribute. Valid for both
    schemas: the one without quotes ignores the empty list."""
    arguments = {
        "what": what,
        "added": list(added),
        "quotes": [{"q": q, "speaker": speaker} for q, speaker in speakers],
    }
    AnswerWithSpeakers.model_validate(arguments)  # a field the schema now needs: fails here
    return arguments


# The answer most tests play. Their articles name Maria Hale and Lyon: the text proposes
# Hale; the tagger calls Lyon an organisation or a person, and the model adds it as a place
# (tests/test_picks.py has both paths).
ANSWER = picks(added=["Lyon"])
