"""Text analysis: the article parsed once (spaCy), as plain data for grounding and prompting."""

from summarizer.text.analysis import Analysis, Entity, analyse, remember
from summarizer.text.pipeline import PipelineMissingError

__all__ = ["Analysis", "Entity", "PipelineMissingError", "analyse", "remember"]
