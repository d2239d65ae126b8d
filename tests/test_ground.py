"""`summarizer.ground`: the Python API over all rules."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import Summary, ground
from summarizer.reading.textindex import normalize
from tests.conftest import ROOT, assert_grounded, rejected_texts, seed_text

EXAMPLE = json.loads((ROOT / "examples" / "001.summary.json").read_text(encoding="utf-8"))


def test_accepts_a_model_or_a_dict_alike(seed1: str) -> None:
    from_dict = ground(seed1, EXAMPLE)
    from_model = ground(seed1, Summary.model_validate(EXAMPLE))
    assert from_dict == from_model
    assert_grounded(seed1, from_dict)


def test_offsets_in_the_input_are_ignored_and_recomputed(seed1: str) -> None:
    wrong = {"who": [{"text": "Donald Trump", "start": 0, "end": 3, "match": "exact"}]}
    result = ground(seed1, wrong)
    assert (result.who[0].start, result.who[0].end) == (3267, 3279)
    assert seed1[3267:3279] == "Donald Trump"


def test_duplicates_merge_and_keep_details(seed1: str) -> None:
    summary = {"who": [{"text": "Donald Trump"}, {"text": "donald trump", "role": "US President"}]}
    result = ground(seed1, summary)
    assert [(w.text, w.role) for w in result.who] == [("Donald Trump", "US President")]


def test_grounding_is_idempotent_but_for_match_kinds(seed1: str) -> None:
    """A grounded item's text is the article's own, so a second pass matches it exactly."""
    once = ground(seed1, EXAMPLE)
    twice = ground(seed1, once)
    assert twice.model_dump(exclude={"quotes"}) == once.model_dump(exclude={"quotes"})
    assert [q.match for q in once.quotes] == ["normalized"]
    assert [q.model_copy(update={"match": "normalized"}) for q in twice.quotes] == once.quotes


def test_earlier_rejections_are_kept(seed1: str) -> None:
    earlier = {"field": "who", "item": {"text": "X"}, "reason": "from an earlier attempt"}
    result = ground(seed1, {"rejected": [earlier], "who": [{"text": "Nobody Atall"}]})
    assert next(r.reason for r in result.rejected) == "from an earlier attempt"
    assert rejected_texts(result, "who") == ["X", "Nobody Atall"]


def test_article_hash_is_of_the_text_the_offsets_index(seed1: str) -> None:
    import hashlib

    result = ground(seed1, {"article": {"id": "x", "sha256": "stale"}})
    assert result.article.sha256 == hashlib.sha256(seed1.encode()).hexdigest()
    assert result.article.id == "x"


def test_example_summary_keeps_the_true_and_drops_the_invented(seed1: str) -> None:
    result = ground(seed1, EXAMPLE)
    assert [w.text for w in result.who] == ["Volodymyr Zelenskyy", "Oleksandr Syrskyi"]
    assert rejected_texts(result, "who") == ["Vladimir Putin"]
    assert len(result.quotes) == 1
    assert len(rejected_texts(result, "quotes")) == 2


SEED1 = seed_text("001_1679f06f00c41463")
_words = SEED1.split()


@st.composite
def claims(draw: st.DrawFn) -> str:
    """Article passages, some altered the way models get things wrong."""
    start = draw(st.integers(0, len(_words) - 1))
    words = _words[start : start + draw(st.integers(1, 12))]
    change = draw(st.sampled_from(["none", "drop", "swap", "insert", "case"]))
    if change == "drop" and len(words) > 1:
        del words[draw(st.integers(0, len(words) - 1))]
    elif change == "swap":
        words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(["Putin", "not", "42"]))
    elif change == "insert":
        words.insert(draw(st.integers(0, len(words))), "reportedly")
    elif change == "case":
        words = [w.upper() for w in words]
    return " ".join(words)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(claims(), min_size=1, max_size=4), st.sampled_from(["who", "where", "when", "quotes"])
)
def test_nothing_ungrounded_survives(texts: list[str], field: str) -> None:
    """Whatever is claimed, every kept item is the article's text at its offsets, and
    verbatim fields (quotes) stay equal to the claim up to the normalisation rules."""
    items = [
        {"text": t, "speaker": "Volodymyr Zelenskyy"} if field == "quotes" else {"text": t}
        for t in texts
    ]
    result = ground(SEED1, {field: items})
    assert_grounded(SEED1, result)
    kept = getattr(result, field)
    rejected = rejected_texts(result, field)
    assert set(rejected) <= set(texts)
    unrejected = [t for t in texts if t not in rejected]
    assert bool(kept) == bool(unrejected)  # nothing lost: a claim is kept or rejected
    for quote in result.quotes:
        assert any(normalize(quote.text) == normalize(t.strip("\"'“”‘’ ")) for t in texts)
