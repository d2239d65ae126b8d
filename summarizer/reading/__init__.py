"""The one reading of an article: its parse and all that the text itself says, built once
per chunk and handed to candidates, prompting, the join, evidence and grounding.

The names are imported when first used (`summarizer.lazy`): `analysis` brings spaCy,
which this package's light modules (names, the text index, the pipeline's error) do not."""

from typing import TYPE_CHECKING

from summarizer.lazy import exports

if TYPE_CHECKING:
    from summarizer.reading.analysis import Analysis, Entity, parse
    from summarizer.reading.pipeline import PipelineMissingError
    from summarizer.reading.reading import Reading, reading_of

__all__ = ["Analysis", "Entity", "PipelineMissingError", "Reading", "parse", "reading_of"]
__getattr__, __dir__ = exports(
    __name__,
    {
        "summarizer.reading.analysis": ["Analysis", "Entity", "parse"],
        "summarizer.reading.pipeline": ["PipelineMissingError"],
        "summarizer.reading.reading": ["Reading", "reading_of"],
    },
)
