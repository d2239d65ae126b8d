"""`summarizer compare`: several summaries of one event, aligned (see `model` for the contract).

`compare` is imported when first used (`summarizer.lazy`): it brings spaCy, which the
contract (`model`) and its readers (the brief, the HTML view) do not need."""

from typing import TYPE_CHECKING

from summarizer.lazy import exports

if TYPE_CHECKING:
    from summarizer.compare.align import compare
    from summarizer.compare.model import COMPARE_VERSION, Comparison

__all__ = ["COMPARE_VERSION", "Comparison", "compare"]
__getattr__, __dir__ = exports(
    __name__,
    {
        "summarizer.compare.align": ["compare"],
        "summarizer.compare.model": ["COMPARE_VERSION", "Comparison"],
    },
)
