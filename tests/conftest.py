"""Shared test helpers: the seed articles and a check that output is really grounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.schema import Summary

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = "000_6f45e5dc13dfd058"
SEED_001 = "001_1679f06f00c41463"


def seed_text(name: str) -> str:
    return (ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed0() -> str:
    return seed_text(SEED_000)


@pytest.fixture(scope="session")
def seed1() -> str:
    return seed_text(SEED_001)


def assert_grounded(text: str, summary: Summary) -> None:
    """Every kept item points at the article's own text: the guarantee users rely on."""
    items = [*summary.who, *summary.where, *summary.when, *summary.quotes]
    if summary.what:
        items += summary.what.evidence
    for item in items:
        assert item.start is not None
        assert item.end is not None
        assert item.match is not None
        assert text[item.start : item.end] == item.text, item
    for quote in summary.quotes:
        assert quote.speaker_start is not None
        assert quote.speaker_end is not None
        assert quote.speaker_end > quote.speaker_start


def rejected_texts(summary: Summary, field: str) -> list[str]:
    out = []
    for r in summary.rejected:
        if r.field == field:
            out.append(r.item if isinstance(r.item, str) else r.item["text"])
    return out
