"""Grounding: the rules that keep only what the article says (see `ground`)."""

from summarizer.grounding.ground import ground

__all__ = ["ground"]
