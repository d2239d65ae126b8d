"""Bounded work per article: `--article-timeout` fails the one article that takes longer,
with that reason, and the others go on, whether its time goes on CPU work (a parse, here
or in a worker) or on waiting for the model; a long article shows how its parse goes on
a terminal, and nothing off one.

A 4.5 MB article of 100,000 quotations had not finished after 10 minutes, with no
progress shown and no limit. The article here is long enough to take many times its
limit on any machine (20,000 quotation lines, ~30 s of CPU on 2 cores), and stopped long
before that; the small article's limit (3 s) is many times what it takes, even on a loaded
machine (at 0.5 s, a loaded CI machine failed it too).
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from summarizer import bounded
from summarizer.cli import app
from summarizer.config import mode_of
from summarizer.inputs import article_from_text
from summarizer.pipeline.textonly import NO_MODEL, TEXT_PROVIDER, text_summary
from summarizer.providers.client import Endpoint
from summarizer.reading import parse
from summarizer.reading.workers import parser_in
from summarizer.run import Job, RunOptions, summarize_jobs
from tests.scripted_server import Script, scripted_server
from tests.test_batch import good

SMALL = "Report.\n\nMaria Hale spoke in Lyon. “We will rebuild homes,” Hale said.\n"


def quotations(lines: int) -> str:
    return "Quotes\n\n" + "".join(f'"Quote number {i}," he said.\n' for i in range(lines))


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """What a process loads once (the English pipeline, word lists) is loaded before the
    articles' clocks start, as it would be in a run's first seconds."""
    text_summary(article_from_text(SMALL, "warm.txt", "warm"))


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(quotations(20_000), encoding="utf-8")
    small.write_text(SMALL, encoding="utf-8")
    return big, small


def reason(big: Path, seconds: str) -> str:
    return f"summarizer: error: {big}: took longer than {seconds} s (--article-timeout), stopped"


def test_cpu_work_past_the_limit_fails_that_article_only(inputs: tuple[Path, Path]) -> None:
    """--model none: all of it is CPU work in this process, which asyncio cannot stop."""
    big, small = inputs
    args = ["summarize", str(big), str(small), "--model", "none", "--article-timeout", "3"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.stderr
    assert reason(big, "3") in result.stderr.splitlines()
    assert "summarized 1 of 2 articles, 1 failed" in result.stderr
    assert json.loads(result.stdout)["article"]["id"] == "small"


def test_a_parse_for_a_model_past_the_limit_fails_that_article(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    """With a model one request at a time, the parse runs in a thread: stopped there."""
    big, small = inputs
    script = Script([], default=good())
    with scripted_server(script) as url:
        result = CliRunner().invoke(
            app,
            ["batch", str(big), str(small), "--out", str(tmp_path / "o.jsonl"),
             "--base-url", url, "--model", "scripted", "--article-timeout", "3"],
        )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    assert reason(big, "3") in result.stderr.splitlines()
    assert "1 done, 0 skipped (already done), 1 failed" in result.stderr
    asked = [json.dumps(r["messages"]) for r in script.requests]
    assert sum("We will rebuild homes" in m for m in asked) == 1  # the small article's, once


def test_a_model_answer_past_the_limit_fails_that_article(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SMALL, encoding="utf-8")
    second.write_text(SMALL + "She left on Monday.\n", encoding="utf-8")
    script = Script([good(delay=5)], default=good())
    with scripted_server(script) as url:
        result = CliRunner().invoke(
            app,
            ["summarize", str(first), str(second), "--base-url", url, "--model", "scripted",
             "--timeout", "30", "--no-cache", "--article-timeout", "1"],
        )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    assert reason(first, "1") in result.stderr.splitlines()
    assert json.loads(result.stdout)["article"]["id"] == "b"


def test_a_parse_stops_at_its_deadline_in_a_thread_or_a_worker() -> None:
    """Workers get the article's deadline as a time of day: a parse of an article already
    given up stops there, instead of keeping a worker busy for minutes."""
    with pytest.raises(TimeoutError):
        parse(SMALL, deadline=time.time() - 1)
    with ThreadPoolExecutor(1) as pool:
        parser = parser_in(pool, lambda: -1.0)  # no time left
        with pytest.raises(TimeoutError):
            asyncio.run(parser(SMALL))
        assert asyncio.run(parser_in(pool)(SMALL)) is not None


@pytest.mark.parametrize("terminal", [True, False])
def test_a_long_article_shows_its_progress_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    monkeypatch.setattr(bounded, "LONG_CHARS", 1_000)  # "long": an article of 1,000 characters
    text = quotations(100)
    stderr = io.StringIO()
    console = Console(file=stderr, force_terminal=terminal, width=120)
    endpoint = Endpoint(base_url="", model=NO_MODEL, provider=TEXT_PROVIDER, mode=mode_of(None))
    done = []
    job = Job(article_from_text(text, "long.txt", "long"))
    summarize_jobs([job], endpoint, RunOptions(), lambda _, s: done.append(s), print, console)
    assert len(done) == 1
    shown = stderr.getvalue()
    if terminal:
        assert f"a long article ({len(text):,} characters): parsed 100 %" in shown
    else:
        assert shown == ""
