"""The eval table: the numbers a reader compares, in one row per gold file."""

from __future__ import annotations

from typing import Any

from rich.table import Table

ROWS = [
    ("quote_r_exact", "quote recall, exact"), ("quote_p_exact", "quote precision, exact"),
    ("quote_f1_exact", "quote F1, exact"),
    ("quote_r_overlap", "quote recall, ≥0.8 overlap"),
    ("quote_p_overlap", "quote precision, ≥0.8 overlap"),
    ("quote_f1_overlap", "quote F1, ≥0.8 overlap"),
    ("speaker_acc", "speaker accuracy (matched quotes)"),
    ("who_recall", "who recall"), ("who_precision", "who precision"),
    ("where_recall", "where recall"), ("where_precision", "where precision"),
    ("when_recall", "when recall"), ("when_precision", "when precision"),
    ("when_dates_agree", "when: ISO dates that agree"),
    ("who_recall_body", "who recall, entities the body names"),
    ("where_recall_body", "where recall, entities the body names"),
    ("when_recall_body", "when recall, times the body gives"),
    ("who_typed_right", "who items that are people or organisations"),
    ("main_who_recall", "main event: who recall"),
    ("main_who_precision", "main event: who precision"),
    ("main_where_recall", "main event: where recall"),
    ("main_where_precision", "main event: where precision"),
    ("main_when_recall", "main event: when recall"),
    ("main_when_precision", "main event: when precision"),
    ("items", "items output"), ("rejected", "items rejected"),
    ("ungrounded", "ungrounded items in the output"),
    ("attempts_per_article", "attempts / article"),
    ("prompt_tokens_per_article", "prompt tokens / article"),
    ("completion_tokens_per_article", "completion tokens / article"),
    ("seconds_per_article", "seconds / article"),
]  # fmt: skip


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def table(results: list[dict[str, Any]]) -> Table:
    """Metrics down, one column per eval result (a gold file under one configuration):
    narrow enough for a terminal however many metrics there are."""
    out = Table(title="summarizer eval")
    out.add_column("")
    for result in results:
        name = result["gold"].rsplit("/", 1)[-1].removesuffix(".jsonl")
        out.add_column(f"{name}\n{result['totals']['articles']} articles", justify="right")
    for key, label in ROWS:
        out.add_row(label, *(fmt(result["totals"].get(key)) for result in results))
    out.add_row(
        "rejected by kind",
        *(", ".join(f"{k} {v}" for k, v in r["totals"]["rejected_by_kind"].items()) or "–"
          for r in results),
    )  # fmt: skip
    out.add_row("failed articles", *(str(r["failed"]) for r in results))
    out.add_row("answers from the cache", *(str(r["cached_calls"]) for r in results))
    out.add_row("wall seconds", *(f"{r['wall_seconds']:.1f}" for r in results))
    return out


def markdown_row(label: str, totals: dict[str, Any], keys: list[str]) -> str:
    """A row of a Markdown table, for RESULTS.md and the README."""
    return f"| {label} | " + " | ".join(fmt(totals.get(key)) for key in keys) + " |"
