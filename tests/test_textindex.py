"""Normalised views must map every character back to the article's own offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarizer.grounding.textindex import index_article, normalize, normalize_view


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
    view = index_article(text).plain
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
        assert view.starts == sorted(view.starts)
