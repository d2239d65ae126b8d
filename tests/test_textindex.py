"""Normalised views must map every character back to the article's own offsets."""

from __future__ import annotations

import random
import tracemalloc
from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from summarizer.grounding.locate import closest_name, closest_passage, locate
from summarizer.reading.offsets import Offsets
from summarizer.reading.textindex import (
    ArticleIndex,
    _normalize_chars,
    normalize,
    normalize_view,
)
from summarizer.schema import Match


def test_typographic_variants_normalise_alike() -> None:
    assert normalize("“I’m  here” – he\nsaid") == normalize('"I\'m here" - he said')
    assert normalize("ﬁnal\u00a0offer") == "final offer"  # NFKC: ligature, no-break space


def test_case_folding_is_only_for_the_folded_view() -> None:
    assert normalize("Straße", fold=True) == "strasse"
    assert normalize("Straße") == "Straße"


def test_combining_marks_compose_with_their_base() -> None:
    decomposed = "Zelens\u0301kyi"  # s + combining acute
    view = normalize_view(decomposed, fold=False)
    assert view.text == "Zelenśkyi"
    start, end = view.original(5, 6)
    assert decomposed[start:end] == "s\u0301"


def test_view_maps_spans_back_to_original_offsets() -> None:
    text = "He said:\n\n  “We  continue.”"
    view = ArticleIndex(text).plain
    at = view.text.find('"We continue."')
    start, end = view.original(at, at + len('"We continue."'))
    assert text[start:end] == "“We  continue.”"


@given(st.text(min_size=1, max_size=200))
def test_every_view_character_maps_inside_the_text(text: str) -> None:
    for fold in (False, True):
        view = normalize_view(text, fold)
        assert len(view.starts) == len(view.text) == len(view.ends)
        for s, e in zip(view.starts, view.ends, strict=True):
            assert 0 <= s < e <= len(text)
        assert list(view.starts) == sorted(view.starts)


PIECES = [*"ab Z.\n\t", "  ", "\u0301", "é", "“", "’", "—", "ﬁ", "ß"]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_copying_plain_runs_whole_changes_nothing(text: str) -> None:
    """The fast path (plain ASCII copied in one step) gives the view that going character
    by character over the whole text gives."""
    for fold in (False, True):
        pieces: list[str] = []
        starts, ends = Offsets(), Offsets()
        _normalize_chars(text, 0, len(text), fold, pieces, starts, ends)
        view = normalize_view(text, fold)
        assert (view.text, list(view.starts), list(view.ends)) == (
            "".join(pieces),
            list(starts),
            list(ends),
        )


@given(
    st.lists(
        st.tuples(st.sampled_from(["run", "set_last"]), st.integers(0, 3), st.integers(0, 4)),
        max_size=30,
    ),
    st.integers(-2, 60),
)
def test_offsets_kept_as_runs_read_as_the_plain_list(
    steps: list[tuple[str, int, int]], at: int
) -> None:
    """`Offsets` reads back (items, slices, bisection) as the list of the same appends."""
    offsets, plain = Offsets(), list[int]()
    for op, gap, count in steps:
        value = (plain[-1] if plain else 0) + gap
        if op == "run":
            offsets.extend_run(value, count)
            plain.extend(range(value, value + count))
        elif plain:
            offsets.set_last(value)
            plain[-1] = value
    assert (len(offsets), list(offsets), offsets[:]) == (len(plain), plain, plain)
    assert [offsets[i] for i in range(-len(plain), len(plain))] == plain + plain
    assert offsets.bisect_right(at) == bisect_right(plain, at)


def test_a_long_article_is_searched_in_a_small_multiple_of_its_size() -> None:
    """Memory, not time (time is benchmarks/grounding.py's): a 4 MB article once took
    1.5 GB to check, as Python lists of offsets and every run of words of every length
    kept for fuzzy matching (300 bytes a character); then offsets per character and a
    Token object per word (44); now runs of offsets and columns of words (under 8)."""
    rng = random.Random(3)
    words = (
        "the minister said on Monday that Kharkiv and Zelenskyy would meet in Lyon to "
        "discuss the offensive near Belgorod"
    ).split()
    text = "\n\n".join(" ".join(rng.choices(words, k=60)) + "." for _ in range(1000))
    tracemalloc.start()
    try:
        index = ArticleIndex(text)
        found = [locate(index, name, fold=True, fuzzy=True) for name in ("Zelensky", "Lyon")]
        near = [closest_name(index, "Kharkov"), closest_passage(index, "Zelenskyy met in Kyiv")]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [f.match if f else None for f in found] == [Match.FUZZY, Match.EXACT]
    assert near[0] == "Kharkiv"
    assert near[1] is not None
    assert "Zelenskyy" in near[1]
    assert peak < 15 * len(text)
