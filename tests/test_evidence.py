"""Evidence for `what` is chosen from the article's own sentences."""

from __future__ import annotations

from summarizer.evidence import supporting_sentences


def test_picks_the_sentences_that_share_the_summary_words(seed1: str) -> None:
    found = supporting_sentences(
        seed1,
        "Zelenskyy confirmed that Ukrainian forces are operating in Russia's Belgorod region.",
    )
    assert found[0].startswith(
        "Ukrainian President Volodymyr Zelenskyy has, for the first time, confirmed"
    )
    assert all(s in seed1 for s in found)


def test_no_evidence_for_an_unrelated_summary(seed1: str) -> None:
    assert supporting_sentences(seed1, "A bakery in Lyon won a prize for croissants.") == []
    assert supporting_sentences(seed1, "") == []
