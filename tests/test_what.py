"""Rule 5, first part: the abstractive `what` may paraphrase but not invent names or
numbers (its meaning: tests/test_meaning.py)."""

from __future__ import annotations

import pytest

from summarizer import ground
from summarizer.grounding.whatcheck import proper_names
from summarizer.reading.numbers import numbers
from tests.conftest import assert_grounded, rejected_texts


def test_names_are_found_without_titles_or_sentence_openers() -> None:
    text = "The president said President Volodymyr Zelensky met Donald Trump in Russia's Belgorod."
    assert proper_names(text) == ["Volodymyr Zelensky", "Donald Trump", "Russia", "Belgorod"]


def test_numbers_in_digits_and_words() -> None:
    assert numbers("1,200 troops, nine children, 2.50 dollars and the 225th") == [
        ("1,200", "1200"), ("nine", "9"), ("2.50", "2.5"), ("225", "225"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Zelenskyy confirmed for the first time that Ukrainian forces are operating inside Russia's Belgorod region.",
        "Zelensky said Ukrainian troops are in Belgorod, the first such admission.",  # seed 000 spelling
        "A Russian strike on Kryvyi Rih killed 20 people, including 9 children.",
        "President Zelenskyy praised the 225th Assault Regiment.",
    ],
)  # fmt: skip
def test_faithful_paraphrases_are_kept(seed1: str, sentence: str) -> None:
    result = ground(seed1, {"what": {"summary": sentence}})
    assert result.what is not None
    assert result.what.summary == sentence, result.rejected


@pytest.mark.parametrize(
    ("sentence", "culprit"),
    [
        ("Putin said Ukrainian forces had entered Belgorod.", "'Putin'"),
        ("A strike on Kryvyi Rih killed 200 people.", "'200'"),
        ("Donald Zelenskyy confirmed troops in Belgorod.", "'Donald Zelenskyy'"),
        ("Zelenskyy confirmed troops in Belgorod and Moscow-held Crimea.", "Crimea'"),
        ("A strike killed thirty people.", "'thirty'"),
    ],
)
def test_invented_names_and_numbers_reject_the_summary(
    seed1: str, sentence: str, culprit: str
) -> None:
    result = ground(seed1, {"what": {"summary": sentence}})
    assert result.what is not None
    assert result.what.summary is None
    assert rejected_texts(result, "what.summary") == [sentence]
    assert culprit in result.rejected[0].reason


def test_evidence_must_be_literal(seed1: str) -> None:
    literal = "The Kremlin had previously accused Ukraine of launching incursions into Belgorod"
    paraphrase = "The Kremlin had accused Ukraine of launching incursions into Belgorod"
    result = ground(
        seed1, {"what": {"summary": None, "evidence": [{"text": literal}, {"text": paraphrase}]}}
    )
    assert_grounded(seed1, result)
    assert result.what is not None
    assert [e.text for e in result.what.evidence] == [literal]
    assert rejected_texts(result, "what.evidence") == [paraphrase]
