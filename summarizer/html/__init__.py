"""HTML views: self-contained pages (no script, no network) with every kept item
highlighted in its article's text. `page` is the shared shell, `spans` turns offsets into
nested elements, `summary` is the view of `summarize` and `check`, `compare` the view of
`compare`."""

from summarizer.html.compare import compare_page
from summarizer.html.summary import summary_page

__all__ = ["compare_page", "summary_page"]
