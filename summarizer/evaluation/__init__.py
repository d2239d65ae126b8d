"""Scoring summaries against gold data: metrics, gold files, and the eval run."""

from summarizer.evaluation.metrics import Tally, count_ungrounded, report, score

__all__ = ["Tally", "count_ungrounded", "report", "score"]
