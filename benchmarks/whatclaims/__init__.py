"""The claims `benchmarks/what_claims.py` makes, split by job: the article read once, its
event sentences, and one module per family of kinds, so each edit can be read and tuned
on its own. The module docstring of `what_claims.py` describes the kinds."""

from __future__ import annotations

from .generate import claims
from .model import KEEP_KINDS, KINDS, REFUSE_KINDS, Claim

__all__ = ["KEEP_KINDS", "KINDS", "REFUSE_KINDS", "Claim", "claims"]
