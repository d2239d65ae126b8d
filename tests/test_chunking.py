"""Long articles are split on paragraph boundaries and nothing is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarizer.grounding import ground
from summarizer.pipeline.chunking import Chunk, merge_chunks, split_article
from tests.conftest import assert_grounded


def test_short_article_is_one_chunk(seed1: str) -> None:
    assert split_article(seed1, 12_000) == [Chunk(0, seed1)]


def test_chunks_end_at_paragraphs_and_cover_the_article(seed0: str) -> None:
    chunks = split_article(seed0, 1_000)
    assert len(chunks) > 3
    assert "".join(c.text for c in chunks) == seed0
    assert all(len(c.text) <= 1_000 for c in chunks)
    assert all(c.text.endswith("\n") for c in chunks[:-1])
    assert all(seed0[c.start : c.start + len(c.text)] == c.text for c in chunks)


def test_a_paragraph_longer_than_a_chunk_splits_at_sentences_then_words() -> None:
    text = ("One sentence here. " * 30) + "\n" + ("x" * 50 + " ") * 10
    chunks = split_article(text, 120)
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= 120 for c in chunks)


@given(st.text(alphabet="ab .\n", min_size=1, max_size=400), st.integers(5, 80))
def test_splitting_never_drops_or_reorders_text(text: str, limit: int) -> None:
    chunks = split_article(text, limit)
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= limit for c in chunks)


def test_merged_chunk_summaries_point_into_the_whole_article(seed0: str) -> None:
    chunks = split_article(seed0, 1_500)
    parts = [
        ground(c.text, {"where": [{"text": "Belgorod"}], "who": [{"text": "Zelensky"}]})
        for c in chunks
    ]
    merged = merge_chunks(chunks, parts)
    assert_grounded(seed0, merged)
    assert len({(w.start, w.end) for w in merged.where}) == len(merged.where)
    assert len(merged.where) == sum(1 for p in parts if p.where)  # one per chunk, shifted
