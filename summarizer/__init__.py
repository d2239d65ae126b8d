"""summarizer: structured news summaries in which every item is grounded in the article.

`summarize` (and `summarize_many`, `asummarize_many`) call a model and ground its answer;
`ground` checks a summary made elsewhere.
"""

from summarizer.api import ArticleError, asummarize_many, summarize, summarize_many
from summarizer.config import ConfigError
from summarizer.grounding import ground
from summarizer.providers.models import ModelError
from summarizer.schema import SCHEMA_VERSION, Summary

__all__ = [
    "SCHEMA_VERSION",
    "ArticleError",
    "ConfigError",
    "ModelError",
    "Summary",
    "asummarize_many",
    "ground",
    "summarize",
    "summarize_many",
]
__version__ = "0.1.0"
