"""Scoring `compare`'s quote pairs against hand-written gold (tests/data/compare/).

A gold file names each quote pair a careful reader makes, by its spans in the two articles,
with its label, and each quote found in one source only. A predicted quote stands for a
gold one when their spans overlap by at least half the shorter one (offsets, not text, so
a summary that quotes a little more or less still counts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.compare.model import Comparison, QuoteLabel, QuoteRef


@dataclass(frozen=True)
class Span:
    source: int
    start: int
    end: int


@dataclass(frozen=True)
class GoldPair:
    a: Span
    b: Span
    label: QuoteLabel


@dataclass(frozen=True)
class Gold:
    sources: list[str]
    pairs: list[GoldPair]
    one_source: list[Span]


def read_gold(path: Path) -> Gold:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))

    def span(item: dict[str, Any], source: int) -> Span:
        return Span(source, item["start"], item["end"])

    return Gold(
        sources=data["sources"],
        pairs=[
            GoldPair(span(p["a"], 0), span(p["b"], 1), QuoteLabel(p["label"]))
            for p in data["pairs"]
        ],
        one_source=[span(q, q["source"]) for q in data["one_source"]],
    )


def _same(span: Span, ref: QuoteRef) -> bool:
    if ref.start is None or ref.end is None or span.source != ref.source:
        return False
    shared = min(span.end, ref.end) - max(span.start, ref.start)
    return shared * 2 >= min(span.end - span.start, ref.end - ref.start) > 0


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


@dataclass
class Scores:
    """Precision and recall of pairing, of labels (a pair counts when paired and labelled
    right) and of quotes found in one source only; `misses` says what went wrong."""

    pairs_predicted: int = 0
    pairs_gold: int = 0
    paired_right: int = 0
    labelled_right: int = 0
    alone_predicted: int = 0
    alone_gold: int = 0
    alone_right: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "pairing_precision": _ratio(self.paired_right, self.pairs_predicted),
            "pairing_recall": _ratio(self.paired_right, self.pairs_gold),
            "label_precision": _ratio(self.labelled_right, self.pairs_predicted),
            "label_recall": _ratio(self.labelled_right, self.pairs_gold),
            "one_source_precision": _ratio(self.alone_right, self.alone_predicted),
            "one_source_recall": _ratio(self.alone_right, self.alone_gold),
        }


def score(comparison: Comparison, gold: Gold) -> Scores:
    """Compare the quote matches of a two-source comparison with the gold."""
    result = Scores(pairs_gold=len(gold.pairs), alone_gold=len(gold.one_source))
    found: set[int] = set()
    for m in comparison.quotes:
        if m.b is None:
            result.alone_predicted += 1
            if any(_same(g, m.a) for g in gold.one_source):
                result.alone_right += 1
            else:
                result.misses.append(f"alone, but gold pairs it: {m.a.text!r}")
            continue
        result.pairs_predicted += 1
        hit = next(
            (k for k, g in enumerate(gold.pairs) if _same(g.a, m.a) and _same(g.b, m.b)), None
        )
        if hit is None:
            result.misses.append(f"wrong pair: {m.a.text!r} ~ {m.b.text!r}")
            continue
        found.add(hit)
        result.paired_right += 1
        if m.label is gold.pairs[hit].label:
            result.labelled_right += 1
        else:
            result.misses.append(f"label {m.label.value}, gold {gold.pairs[hit].label.value}")
    result.misses += [
        f"gold pair not paired: {g}" for k, g in enumerate(gold.pairs) if k not in found
    ]
    return result
