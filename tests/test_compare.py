"""`compare` on articles: the seeds against hand-written gold, and synthetic pairs that each
hold one kind of difference (tests/data/compare/README.md). Summaries come from the text
alone (`--model none`), so these run without a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.compare import Comparison, compare
from summarizer.compare.model import EntityKind, QuoteLabel, QuoteMatch
from summarizer.compare.quotes import folded_words
from summarizer.evaluation.compare_gold import read_gold, score
from summarizer.inputs import article_from_text, read_article
from summarizer.pipeline.textonly import text_summary
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "compare"


def compare_files(*paths: Path | str) -> Comparison:
    articles = [read_article(str(p)) for p in paths]
    return compare([(text_summary(a), a.text) for a in articles])


def pairs(comparison: Comparison) -> list[QuoteMatch]:
    return [m for m in comparison.quotes if m.b is not None]


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    gold = read_gold(DATA / "seeds_gold.json")
    return compare_files(*(ROOT / s for s in gold.sources))


def test_seeds_every_pair_a_reader_makes_is_paired_and_labelled_right(seeds: Comparison) -> None:
    result = score(seeds, read_gold(DATA / "seeds_gold.json"))
    assert result.misses == []
    assert result.figures() == {
        "pairing_precision": 1.0,
        "pairing_recall": 1.0,
        "label_precision": 1.0,
        "label_recall": 1.0,
        "one_source_precision": 1.0,
        "one_source_recall": 1.0,
    }


def test_seeds_reworded_quote_carries_offsets_similarity_and_word_diff(seeds: Comparison) -> None:
    texts = [read_article(str(ROOT / (s.source or ""))).text for s in seeds.sources]
    address = next(m for m in pairs(seeds) if m.a.text.startswith("We continue our offensive"))
    assert address.b is not None
    assert address.label is QuoteLabel.reworded
    for ref in (address.a, address.b):
        assert ref.start is not None
        assert ref.end is not None
        assert texts[ref.source][ref.start : ref.end] == ref.text
    assert address.similarity is not None
    assert 30 < address.similarity < 90
    ops = address.diff
    # Read the diff back: the equal and deleted words are `a`, the equal and inserted are `b`
    # (equal runs as `b` writes them: "That" of `a` is "that" there).
    assert " ".join(o.text for o in ops if o.op != "delete").split() == address.b.text.split()
    old = " ".join(o.text for o in ops if o.op != "insert")
    assert folded_words(old) == folded_words(address.a.text)
    assert ops[0].op == "equal"
    assert ops[0].text == "We continue"
    assert {"op": "delete", "text": "rightful"} in [o.model_dump() for o in ops]


def test_seeds_entities_are_one_row_across_spellings_and_date_forms(seeds: Comparison) -> None:
    rows = {(r.kind, r.key): r for r in seeds.entities}
    zelensky = rows[EntityKind.who, "zelensky"]
    assert zelensky.sources == [0, 1]
    assert {m.text for m in zelensky.mentions} == {"Volodymyr Zelensky", "Volodymyr Zelenskyy"}
    march18 = rows[EntityKind.when, "--03-18"]
    assert {m.text for m in march18.mentions} == {"March 18", "18 March"}
    assert march18.date == "--03-18"
    assert rows[EntityKind.where, "belgorod"].sources == [0, 1]
    trump = rows[EntityKind.who, "trump"]
    assert trump.sources == [1]


def test_a_quotation_given_to_different_speakers_is_flagged() -> None:
    c = compare_files(DATA / "speakers_a.txt", DATA / "speakers_b.txt")
    found = {(m.label, m.a.speaker, m.b.speaker if m.b else None) for m in c.quotes}
    assert found == {
        (QuoteLabel.different_speakers, "Mayor Ana Ruiz", "Tom Bell"),
        (QuoteLabel.identical, "Paul Okafor", "Paul Okafor"),
    }
    bridge = next(m for m in c.quotes if m.label is QuoteLabel.different_speakers)
    assert bridge.same_speaker is False
    assert bridge.similarity == 100.0


def test_typography_and_fragment_are_told_apart() -> None:
    c = compare_files(DATA / "typography_a.txt", DATA / "typography_b.txt")
    labels = {m.b.text if m.b else "": m.label for m in c.quotes}
    assert labels == {
        "we will not back down - not this time": QuoteLabel.typography,
        "have not answered one letter": QuoteLabel.fragment,
    }
    typo = next(m for m in c.quotes if m.label is QuoteLabel.typography)
    assert {o.op for o in typo.diff} == {"equal"}  # no word changed, only marks and case


def test_a_changed_number_is_flagged_and_an_unchanged_one_is_not() -> None:
    c = compare_files(DATA / "numbers_a.txt", DATA / "numbers_b.txt")
    rows = {r.key: r for r in c.numbers}
    toll = rows["people · kill"]
    assert toll.differs
    assert toll.values == {0: [12.0], 1: [15.0]}
    assert [m.text for m in toll.mentions] == ["12 people", "At least 15 people"]
    assert rows["kilometer · from centre"].values == {0: [3.0], 1: [5.0]}
    assert rows["kilometer · from centre"].differs
    # "40 workers" rescued and pulled out alive: the same in both, so nothing to flag.
    assert all(40.0 not in v for r in c.numbers if r.differs for v in r.values.values())


def test_seeds_state_the_same_distance_in_two_spellings(seeds: Comparison) -> None:
    (distance,) = [r for r in seeds.numbers if r.key == "kilometer · from border"]
    assert not distance.differs
    assert {m.text for m in distance.mentions} == {"only two kilometers", "just two kilometres"}
    assert not [r for r in seeds.numbers if r.differs]  # the rewrite changed no number


def test_two_people_who_share_a_surname_are_two_rows() -> None:
    """Keyed by surname, "Tanya Chan" and "Gary Chan" were one row, and one outlet's
    report of her looked like the other's of him."""
    texts = [
        "Tanya Chan of the Civic Party won the seat on Sunday. Gary Chan of the DAB lost it.\n",
        "Gary Chan, the DAB candidate, lost his seat on Sunday.\n",
    ]
    articles = [article_from_text(t, f"outlet {i}", f"outlet-{i}") for i, t in enumerate(texts)]
    rows = compare([(text_summary(a), a.text) for a in articles]).entities
    people = {r.key: r.sources for r in rows if r.kind is EntityKind.who}
    assert people["tanya chan"] == [0]
    assert people["gary chan"] == [0, 1]
    assert "chan" not in people
