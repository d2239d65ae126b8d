"""summarizer: structured news summaries in which every item is grounded in the article.

`summarize` (and `summarize_many`, `asummarize_many`) call a model and ground its answer;
`ground` checks a summary made elsewhere. They are imported when first used (`lazy`).
"""

from typing import TYPE_CHECKING

from summarizer.lazy import exports

if TYPE_CHECKING:
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
__getattr__, __dir__ = exports(
    __name__,
    {
        "summarizer.api": ["ArticleError", "asummarize_many", "summarize", "summarize_many"],
        "summarizer.config": ["ConfigError"],
        "summarizer.grounding": ["ground"],
        "summarizer.providers.models": ["ModelError"],
        "summarizer.schema": ["SCHEMA_VERSION", "Summary"],
    },
)
