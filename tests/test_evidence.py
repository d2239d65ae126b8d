"""Evidence for `what` is chosen from the article's own sentences."""

from __future__ import annotations

from summarizer.grounding.support import supporting_sentences
from summarizer.reading import reading_of


def test_picks_the_sentences_that_share_the_summary_words(seed1: str) -> None:
    found = supporting_sentences(
        reading_of(seed1),
        "Zelenskyy confirmed that Ukrainian forces are operating in Russia's Belgorod region.",
    )
    assert found[0].startswith(
        "Ukrainian President Volodymyr Zelenskyy has, for the first time, confirmed"
    )
    assert all(s in seed1 for s in found)


def test_no_evidence_for_an_unrelated_summary(seed1: str) -> None:
    reading = reading_of(seed1)
    assert supporting_sentences(reading, "A bakery in Lyon won a prize for croissants.") == []
    assert supporting_sentences(reading, "") == []
