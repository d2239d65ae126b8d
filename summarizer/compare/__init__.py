"""`summarizer compare`: several summaries of one event, aligned (see `model` for the contract)."""

from summarizer.compare.align import compare
from summarizer.compare.model import COMPARE_VERSION, Comparison

__all__ = ["COMPARE_VERSION", "Comparison", "compare"]
