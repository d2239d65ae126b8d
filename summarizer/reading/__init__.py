"""The one reading of an article: its parse and all that the text itself says, built once
per chunk and handed to candidates, prompting, the join, evidence and grounding."""

from summarizer.reading.analysis import Analysis, Entity, parse
from summarizer.reading.pipeline import PipelineMissingError
from summarizer.reading.reading import Reading, reading_of

__all__ = ["Analysis", "Entity", "PipelineMissingError", "Reading", "parse", "reading_of"]
