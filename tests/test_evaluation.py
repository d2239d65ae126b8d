"""Scores on small hand-made gold data with known answers."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer import ground
from summarizer.evaluation import Tally, count_ungrounded, report, score
from summarizer.schema import Quote, Summary

TEXT = "Maria Hale met Jon Ortiz in Lyon on Monday. “We will rebuild,” Hale said. Ortiz said “never again.”"


def gold() -> dict[str, Any]:
    def at(text: str, start: int = 0) -> dict[str, Any]:
        i = TEXT.index(text, start)
        return {"text": text, "start": i, "end": i + len(text)}

    return {
        "text": TEXT,
        "who": [
            at("Maria Hale") | {"type": "person"},
            at("Jon Ortiz") | {"type": "person"},
            at("Ortiz", 60) | {"type": "person"},
        ],
        "where": [at("Lyon")],
        "when": [at("Monday") | {"date": None}],
        "quotes": [
            at("We will rebuild,") | {"speaker": "Maria Hale"},
            at("never again.") | {"speaker": "Jon Ortiz"},
        ],
    }


def scored(summary: Summary) -> dict[str, Any]:
    tally = Tally()
    score(gold(), summary, tally)
    return report(tally)


def test_a_perfect_summary_scores_one() -> None:
    summary = ground(TEXT, {
        "who": [{"text": "Maria Hale"}, {"text": "Jon Ortiz"}], "where": [{"text": "Lyon"}], "when": [{"text": "Monday"}],
        "quotes": [{"text": "We will rebuild", "speaker": "Hale"}, {"text": "never again.", "speaker": "Jon Ortiz"}],
    })  # fmt: skip
    numbers = scored(summary)
    assert numbers["quote_r_overlap"] == numbers["quote_p_overlap"] == 1.0
    assert numbers["quote_r_exact"] == 1.0  # the trailing comma inside the marks does not count
    assert numbers["speaker_acc"] == 1.0
    assert numbers["who_recall"] == numbers["where_recall"] == numbers["when_recall"] == 1.0
    assert numbers["ungrounded"] == 0


def test_entities_are_distinct_and_spelling_may_differ() -> None:
    """'ortiz' matches the gold entity by its span though spelled differently; the gold's
    two mentions of Ortiz are one entity, so one prediction finds it."""
    summary = ground(TEXT, {"who": [{"text": "JON ORTIZ"}]})
    numbers = scored(summary)
    assert numbers["who_recall"] == 0.5  # Ortiz found, Hale not
    assert numbers["who_precision"] == 1.0


def test_wrong_speaker_and_missing_quote() -> None:
    summary = ground(TEXT, {"quotes": [{"text": "never again.", "speaker": "Maria Hale"}]})
    assert summary.quotes == []  # the validator refuses the wrong speaker …
    forced = Summary(
        quotes=[
            Quote(
                text="never again.",
                speaker="Maria Hale",
                start=TEXT.index("never"),
                end=TEXT.index("never") + 12,
            )
        ]
    )
    numbers = scored(forced)  # … and the metric counts it when it is there
    assert numbers["quote_r_overlap"] == 0.5
    assert numbers["speaker_acc"] == 0.0


def test_an_ungrounded_prediction_is_counted() -> None:
    lyon = ground(TEXT, {"where": [{"text": "Lyon"}]}).where[0]
    invented = Summary(where=[lyon.model_copy(update={"text": "Paris"})])
    assert count_ungrounded(TEXT, invented) == 1
    assert scored(invented)["ungrounded"] == 1


@pytest.mark.parametrize("overlap", [0.79, 0.8])
def test_quote_overlap_threshold(overlap: float) -> None:
    g = gold()["quotes"][0]
    length = round((g["end"] - g["start"]) * overlap)
    part = Summary(
        quotes=[
            Quote(
                text=TEXT[g["start"] : g["start"] + length],
                speaker="Hale",
                start=g["start"],
                end=g["start"] + length,
            )
        ]
    )
    found = scored(part)["quote_r_overlap"]
    assert found == (0.5 if length >= 0.8 * (g["end"] - g["start"] - 1) else 0.0)


def test_quotes_that_are_not_speech_are_scored_out() -> None:
    """GUM marks titles and signs in quotation marks `is_speech: false`: neither a hit nor
    a miss, and a summary that lists one is not charged a false positive."""
    data = gold()
    data["quotes"][1] |= {"is_speech": False}
    start = TEXT.index("never")
    summary = Summary(
        quotes=[Quote(text="never again.", speaker="Jon Ortiz", start=start, end=start + 12)]
    )
    tally = Tally()
    score(data, summary, tally)
    numbers = report(tally)
    assert tally.counts["quotes_gold"] == 1
    assert tally.counts["quotes_pred"] == 0
    assert numbers["quote_r_overlap"] == 0.0


def test_a_place_and_its_abbreviation_are_one_entity() -> None:
    """GUM lists "KSC" apart from "Kennedy Space Center", the article's own abbreviation
    of it; a summary that lists the place once has found both, as who scoring already
    treats "KCNA". Another place's initials are not it."""
    text = "NASA met at the Kennedy Space Center (KSC) in Florida. KSC staff cheered."
    at = {w: {"text": w, "start": text.index(w), "end": text.index(w) + len(w)}
          for w in ("Kennedy Space Center", "KSC", "Florida")}  # fmt: skip
    gold = {"text": text, "who": [], "when": [], "quotes": [],
            "where": [at["Kennedy Space Center"], at["KSC"], at["Florida"]]}  # fmt: skip
    tally = Tally()
    score(gold, ground(text, {"where": [{"text": "Kennedy Space Center"}]}), tally)
    assert report(tally)["where_recall"] == 2 / 3  # the centre, in two mentions; not Florida
    tally = Tally()
    score(gold, ground(text, {"where": [{"text": "Florida"}]}), tally)
    assert report(tally)["where_recall"] == 1 / 3
