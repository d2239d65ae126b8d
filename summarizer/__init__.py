"""summarizer: structured news summaries in which every item is grounded in the article."""

from summarizer.grounding import ground
from summarizer.schema import SCHEMA_VERSION, Summary

__all__ = ["SCHEMA_VERSION", "Summary", "ground"]
__version__ = "0.1.0"
