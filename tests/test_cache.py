"""The response cache: a rerun costs no model call; anything that changes the request
misses; only complete answers are kept. Model answers here are hand-written: they drive
the cache path, not the model's quality."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.providers.cache import ResponseCache, request_key
from tests.answers import ANSWER
from tests.scripted_server import Reply, Script, scripted_server, tool_call_reply

ARTICLE = "Maria Hale met Jon Ortiz in Lyon on Monday. “We will rebuild,” Hale said.\n"


def summarize(url: str, path: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        app, ["summarize", str(path), "--base-url", url, "--model", "scripted", *extra]
    )
    assert result.exit_code == 0, result.stderr
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def test_a_rerun_is_answered_from_the_cache(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    script = Script([tool_call_reply(ANSWER)])
    with scripted_server(script) as url:
        first = summarize(url, article)
        second = summarize(url, article)
    assert len(script.requests) == 1  # the second run made no model call
    assert first["quotes"] == second["quotes"]
    assert [w["text"] for w in second["who"]] == ["Maria Hale", "Jon Ortiz"]
    assert second["meta"]["usage"] == first["meta"]["usage"]  # tokens of the cached answer


def test_no_cache_calls_the_model_again(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    script = Script([tool_call_reply(ANSWER), tool_call_reply(ANSWER)])
    with scripted_server(script) as url:
        summarize(url, article)
        summarize(url, article, "--no-cache")
    assert len(script.requests) == 2


def test_a_changed_article_or_prompt_or_model_misses(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    script = Script([tool_call_reply(ANSWER) for _ in range(3)])
    with scripted_server(script) as url:
        summarize(url, article)
        article.write_text(ARTICLE + "She left on Tuesday.\n", encoding="utf-8")
        summarize(url, article)
        result = CliRunner().invoke(
            app, ["summarize", str(article), "--base-url", url, "--model", "other"]
        )
        assert result.exit_code == 0, result.stderr
    assert len(script.requests) == 3


def test_errors_and_cut_off_answers_are_not_cached(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cut = tool_call_reply(ANSWER, finish_reason="length", completion_tokens=400)
    script = Script([Reply(400, {"error": {"message": "bad request"}}), cut,
                     tool_call_reply(ANSWER)])  # fmt: skip
    with scripted_server(script) as url:
        failed = CliRunner().invoke(
            app, ["summarize", str(article), "--base-url", url, "--model", "scripted"]
        )
        assert failed.exit_code == 1  # the error fails the article
        salvaged = summarize(url, article)  # the cut-off answer keeps what it had
        assert salvaged["meta"]["cut_off"] == 1
        assert summarize(url, article)["meta"].get("cut_off") is None  # so this one asks again
        summarize(url, article)  # and this one is answered from the cache
    assert len(script.requests) == 3


def test_key_covers_the_request_and_who_answers_it() -> None:
    request = {"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": 0}
    key = request_key("local", request)
    assert key == request_key("local", dict(reversed(request.items())))  # order-free
    assert key != request_key("openai:https://api.openai.com/v1", request)
    assert key != request_key("local", request | {"model": "n"})
    assert key != request_key("local", request | {"temperature": 0.5})


def test_cache_command_shows_and_clears(tmp_path: Path, private_cache: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with scripted_server(Script([tool_call_reply(ANSWER)])) as url:
        summarize(url, article)
    shown = CliRunner().invoke(app, ["cache"])
    assert shown.exit_code == 0
    assert f"{private_cache}" in shown.stdout
    assert "1 cached answers" in shown.stdout
    cleared = CliRunner().invoke(app, ["cache", "--clear"])
    assert "removed 1 cached answers" in cleared.stdout
    assert ResponseCache().stats()["entries"] == 0


@pytest.mark.parametrize("bad", ["not json", '{"choices": "nope"}'])
def test_a_damaged_entry_is_a_miss_not_a_crash(tmp_path: Path, bad: str) -> None:
    cache = ResponseCache(tmp_path / "c.sqlite3")
    with contextlib.closing(sqlite3.connect(cache.path)) as db, db:  # damaged from outside
        db.execute("INSERT INTO responses VALUES ('k', 'm', 0, 0, ?)", (bad,))
    assert cache.get("k") is None
