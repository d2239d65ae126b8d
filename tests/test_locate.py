"""Rule 1: locate items exactly, normalised, or (names only) fuzzily, and no looser."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from summarizer.grounding import locate as locate_module
from summarizer.grounding.locate import locate, locations
from summarizer.reading.textindex import ArticleIndex, at_word_bounds
from summarizer.schema import Match


def find(text: str, claim: str, name: bool = True) -> tuple[str, Match] | None:
    at = locate(ArticleIndex(text), claim, fold=name, fuzzy=name)
    return None if at is None else (text[at.start : at.end], at.match)


def test_exact_match_reports_article_offsets(seed1: str) -> None:
    assert find(seed1, "Oleksandr Syrskyi") == ("Oleksandr Syrskyi", Match.EXACT)


def test_case_is_normalised_for_names(seed1: str) -> None:
    assert find(seed1, "KRYVYI RIH") == ("Kryvyi Rih", Match.NORMALIZED)


@pytest.mark.parametrize(
    ("claim", "article_spelling"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),  # seed 000's spelling in seed 001
        ("Oleksandr Syrsky", "Oleksandr Syrskyi"),
        ("Kryvyi-Rih", "Kryvyi Rih"),
    ],
)
def test_fuzzy_names_show_the_article_spelling(
    seed1: str, claim: str, article_spelling: str
) -> None:
    assert find(seed1, claim) == (article_spelling, Match.FUZZY)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Troops entered Belgorod on Monday.", "Belgrade"),
        ("Fans came from Australia.", "Austria"),
        ("Talks with Iraq resumed.", "Iran"),
        ("Donald Trump spoke.", "Ronald Trump"),
        ("Zelensky spoke.", "Vladimir Putin"),
    ],
)
def test_fuzzy_refuses_other_names(text: str, claim: str) -> None:
    assert find(text, claim) is None


def test_matches_whole_words_only() -> None:
    assert find("We focus on the Kurskaya line.", "US") is None
    assert find("We focus on the Kurskaya line.", "Kursk") is None


def test_verbatim_search_keeps_case_and_never_goes_fuzzy(seed1: str) -> None:
    assert find(seed1, "well done, guys!", name=False) is None
    assert find(seed1, "Well done, guy!", name=False) is None
    assert find(seed1, "Well done, guys! I'm proud", name=False) == (
        "Well done, guys! I’m proud",
        Match.NORMALIZED,
    )


@given(st.data())
def test_any_whole_word_substring_is_found_as_written(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab “”’'-– \n.", min_size=1, max_size=60))
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    claim = text[start:end].strip()
    start = text.index(claim, start) if claim else start
    assume(claim and at_word_bounds(text, start, start + len(claim)))
    at = locate(ArticleIndex(text), claim, fold=False, fuzzy=False)
    assert at is not None
    assert at.match is Match.EXACT
    assert text[at.start : at.end] == claim


def test_a_long_article_finds_what_a_search_of_all_of_it_finds(
    seed1: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article over `LONG_ARTICLE` characters is searched around the claim's rarest
    word (a search of all of it for each of 100,000 quotations was quadratic): the same
    spans, in the same order, of every kind of match."""
    text = "\n\n".join(f"Edition {i}.\n{seed1}" for i in range(40))  # ~170,000 characters
    assert len(text) > locate_module.LONG_ARTICLE
    claims = [
        ("Oleksandr Syrskyi", True),  # exact, 40 times
        ("KRYVYI RIH", True),  # normalised
        ("Edition 17.", False),  # exact, once, with a rare word
        ("We continue to carry out active operations in the border areas", False),
        ("not happy about what's going on", False),  # straight for curly: normalised
        ("Zelenskyy's hometown", True),
        ("no such words here", True),
        (".", False),  # no word at all
    ]

    def spans(long_article: int) -> list[list[tuple[int, int, Match]]]:
        monkeypatch.setattr(locate_module, "LONG_ARTICLE", long_article)
        index = ArticleIndex(text)
        return [
            [(at.start, at.end, at.match) for at in locations(index, claim, fold=name, fuzzy=name)]
            for claim, name in claims
        ]

    searched = spans(locate_module.LONG_ARTICLE)
    assert searched == spans(len(text) + 1)  # the whole text searched for each
    assert [len(s) for s in searched[:3]] == [40, 40, 1]
