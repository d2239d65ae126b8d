"""The eval table: the numbers a reader compares, in one row per gold file."""

from __future__ import annotations

from typing import Any

from rich.table import Table

COLUMNS = [
    ("quote_r_exact", "quote R exact"), ("quote_p_exact", "quote P exact"),
    ("quote_r_overlap", "quote R ≥.8"), ("quote_p_overlap", "quote P ≥.8"),
    ("quote_f1_overlap", "quote F1 ≥.8"), ("speaker_acc", "speaker"),
    ("who_recall", "who R"), ("who_precision", "who P"),
    ("where_recall", "where R"), ("where_precision", "where P"),
    ("when_recall", "when R"), ("when_precision", "when P"), ("when_dates_agree", "dates"),
    ("items", "items"), ("rejected", "rejected"), ("ungrounded", "ungrounded"),
    ("attempts_per_article", "attempts"),
    ("prompt_tokens_per_article", "prompt tok"), ("completion_tokens_per_article", "output tok"),
    ("seconds_per_article", "s/article"),
]  # fmt: skip


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def table(results: list[dict[str, Any]]) -> Table:
    """One row per eval result (a gold file under one configuration)."""
    out = Table(title="summarizer eval", show_lines=False)
    out.add_column("gold")
    for _, label in COLUMNS:
        out.add_column(label, justify="right")
    for result in results:
        name = result["gold"].rsplit("/", 1)[-1].removesuffix(".jsonl")
        out.add_row(name, *(fmt(result["totals"].get(key)) for key, _ in COLUMNS))
    return out


def markdown_row(label: str, totals: dict[str, Any], keys: list[str]) -> str:
    """A row of a Markdown table, for RESULTS.md and the README."""
    return f"| {label} | " + " | ".join(fmt(totals.get(key)) for key in keys) + " |"
