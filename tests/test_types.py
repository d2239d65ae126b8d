"""Rule 4: `when` holds a time, `where` is neither a time nor a person; ISO dates resolve."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer import ground
from summarizer.reading.timeexpr import is_time_expression, resolve_date
from tests.conftest import assert_grounded, rejected_texts


@pytest.mark.parametrize(
    "span",
    [
        "Monday", "on Monday", "18 March", "March 18", "Friday, July 21, 2017", "last year",
        "this week", "in recent months", "earlier this year", "2023", "Ukraine’s 2023 offensive",
        "the 1990s", "two decades", "three days ago", "6:00am", "midnight", "tomorrow",
        "the first half", "2024-05-01",
    ],
)  # fmt: skip
def test_time_expressions_are_recognised(span: str) -> None:
    assert is_time_expression(span)


@pytest.mark.parametrize(
    "span",
    [
        "briefing from his top military commander", "two kilometres", "2000 people",
        "the Sumy region", "may be", "Volodymyr Zelensky", "225th Assault Regiment",
    ],
)  # fmt: skip
def test_non_times_are_refused(span: str) -> None:
    assert not is_time_expression(span)


PUBLISHED = date(2025, 4, 8)  # a Tuesday


@pytest.mark.parametrize(
    ("span", "published", "iso"),
    [
        ("18 March", None, "--03-18"),
        ("March 21", PUBLISHED, "2025-03-21"),
        ("Friday, July 21, 2017", None, "2017-07-21"),
        ("December 30", date(2025, 1, 3), "2024-12-30"),  # the year that is nearest
        ("May 2024", None, "2024-05"),
        ("2023", None, "2023"),
        ("the 1960s", None, "1960-01-01/1969-12-31"),
        ("Monday", None, None),  # a weekday needs a publication date
        ("Monday", PUBLISHED, "2025-04-07"),
        ("on Tuesday", PUBLISHED, "2025-04-08"),
        ("next Monday", PUBLISHED, "2025-04-14"),
        ("yesterday", PUBLISHED, "2025-04-07"),
        ("last week", PUBLISHED, "2025-03-31/2025-04-06"),
        ("last year", PUBLISHED, "2024"),
        ("this month", PUBLISHED, "2025-04"),
        ("three days ago", PUBLISHED, "2025-04-05"),
        ("two months ago", PUBLISHED, "2025-02"),
        ("a fortnight ago", PUBLISHED, "2025-03-25"),  # not in the rules: dateparser
        ("recently", PUBLISHED, None),
    ],
)
def test_dates_resolve_to_iso_8601(span: str, published: date | None, iso: str | None) -> None:
    assert resolve_date(span, published) == iso


def test_when_items_are_checked_and_dated_against_publication(seed1: str) -> None:
    summary = {
        "when": [{"text": "18 March"}, {"text": "on Monday"}, {"text": "a briefing from his top military commander"}],
        "article": {"published": "2025-04-08"},
    }  # fmt: skip
    result = ground(seed1, summary)
    assert_grounded(seed1, result)
    assert [(w.text, w.date) for w in result.when] == [
        ("18 March", "2025-03-18"),
        ("on Monday", "2025-04-07"),
    ]
    assert rejected_texts(result, "when") == ["a briefing from his top military commander"]
    assert "holds no time expression" in result.rejected[0].reason


def test_model_dates_are_recomputed_not_trusted(seed1: str) -> None:
    result = ground(seed1, {"when": [{"text": "21 March", "date": "1999-01-01"}]})
    assert result.when[0].date == "--03-21"


def test_where_refuses_times_and_people(seed1: str) -> None:
    summary = {
        "who": [{"text": "Oleksandr Syrskyi"}],
        "where": [{"text": "Belgorod"}, {"text": "Monday"}, {"text": "Oleksandr Syrskyi"}, {"text": "Donald Trump"}],
        "quotes": [{"text": "bombing like crazy right now.", "speaker": "Donald Trump"}],
    }  # fmt: skip
    result = ground(seed1, summary)
    assert [w.text for w in result.where] == ["Belgorod"]
    reasons = {r.item["text"]: r.reason for r in result.rejected if isinstance(r.item, dict)}
    assert reasons["Monday"] == "'Monday' is a time, not a place"
    assert reasons["Oleksandr Syrskyi"] == (
        "'Oleksandr Syrskyi' is a person, not a place ('Oleksandr' is a first name)"
    )
    assert reasons["Donald Trump"] == (
        "'Donald Trump' is a person, not a place ('Donald' is a first name)"
    )


def test_where_keeps_places_that_contain_time_words() -> None:
    text = "Crowds gathered in Times Square on Sunday."
    result = ground(text, {"where": [{"text": "Times Square"}]})
    assert [w.text for w in result.where] == ["Times Square"]


def test_who_refuses_a_time(seed1: str) -> None:
    result = ground(seed1, {"who": [{"text": "Monday"}, {"text": "Kremlin"}]})
    assert [w.text for w in result.who] == ["Kremlin"]
    assert rejected_texts(result, "who") == ["Monday"]


def test_time_words_only_match_whole_words() -> None:
    """Found by the benchmark: "moment" matched inside "momentum"."""
    assert not is_time_expression("momentum")
    assert not is_time_expression("Dayton")
    assert is_time_expression("at that moment")


def test_a_place_inside_an_organisation_name_stays_a_place() -> None:
    """Found on the GUM dev set: "Canada" was refused as a person after "Environment Canada"."""
    text = "Environment Canada issued a warning. Storms hit Canada on Monday."
    result = ground(text, {"who": [{"text": "Environment Canada"}], "where": [{"text": "Canada"}]})
    assert [w.text for w in result.where] == ["Canada"]
