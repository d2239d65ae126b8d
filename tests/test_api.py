"""The Python API: `summarize`, `summarize_many` and `asummarize_many`, as a user calls
them. The model is the loopback server of tests/scripted_server.py answering the
hand-written summary of tests/test_batch.py (this is about the API, not the model), or,
with nothing configured, the embedded model's server played by tests/fake_llama_server.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import summarizer
from summarizer import ArticleError, ConfigError, Summary, asummarize_many, summarize_many
from summarizer.providers import server
from tests.answers import ANSWER, picks
from tests.conftest import assert_grounded
from tests.fake_llama_server import command
from tests.scripted_server import Reply, Script, scripted_server, tool_call_reply
from tests.test_server import alive

ARTICLE = "Report.\n\nMaria Hale spoke in Lyon. “We will rebuild 40 homes,” Hale said.\n"
GOOD = tool_call_reply(ANSWER)


@pytest.fixture(autouse=True)
def no_user_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no user config file


@pytest.fixture
def url() -> Iterator[str]:
    with scripted_server(Script([], default=GOOD)) as base_url:
        yield base_url


def test_summarize_text_in_one_call(url: str) -> None:
    summary = summarizer.summarize(ARTICLE, base_url=url, model="scripted", published="2024-05-02")
    assert isinstance(summary, Summary)
    assert [w.text for w in summary.who] == ["Maria Hale"]
    assert [(q.text, q.speaker) for q in summary.quotes] == [
        ("We will rebuild 40 homes", "Maria Hale")
    ]
    assert_grounded(ARTICLE, summary)
    assert summary.article.published == date(2024, 5, 2)
    assert summary.article.source == "text 1"
    assert summary.meta.provider == "openai-compatible"


def test_summarize_a_file_by_path_or_name(url: str, tmp_path: Path) -> None:
    path = tmp_path / "hale.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    for given in (path, str(path)):
        summary = summarizer.summarize(given, base_url=url, model="scripted")
        assert summary.article.id == "hale"
        assert summary.article.source == str(path)
    with pytest.raises(ArticleError, match=r"^missing\.txt: no such file$"):
        summarizer.summarize("missing.txt", base_url=url, model="scripted")


def test_a_one_line_article_longer_than_a_file_name_is_text() -> None:
    """A paragraph with no line break is no path, though the system refuses so long a
    name ("File name too long") rather than saying there is no such file."""
    line = ("Maria Hale spoke in Lyon on Monday about the flood and the town's plans. " * 5).strip()
    assert len(line) > 255
    summary = summarizer.summarize(line, model="none")
    assert summary.article.source == "text 1"
    assert [w.text for w in summary.who] == ["Maria Hale"]
    assert_grounded(line, summary)


def test_many_in_order_with_per_item_errors(tmp_path: Path) -> None:
    """A bad item and a failed model call fail their own articles only, in place."""
    script = Script([GOOD, Reply(404, {"error": {"message": "no such model"}})], default=GOOD)
    items: list[str | Path] = [
        ARTICLE,
        "   ",
        ARTICLE.replace("40", "41"),
        tmp_path / "gone.txt",
        ARTICLE,
    ]
    with scripted_server(script) as url:
        results = summarize_many(items, base_url=url, model="scripted", cache=False)
    assert len(results) == 5
    first, empty, failed, gone, last = results
    assert isinstance(first, Summary)
    assert isinstance(last, Summary)
    assert isinstance(empty, ArticleError)
    assert str(empty) == "text 2: is empty"
    assert isinstance(failed, ArticleError)
    assert failed.source == "text 3"
    assert failed.reason.startswith("model error: ")
    assert isinstance(gone, ArticleError)
    assert gone.reason == "no such file"
    assert len(script.requests) == 3  # no request for the two unreadable items


def test_async_variant_in_an_event_loop(url: str) -> None:
    async def caller() -> list[Summary | ArticleError]:
        with pytest.raises(RuntimeError, match="use asummarize_many"):
            summarize_many([ARTICLE], base_url=url, model="scripted")
        return await asummarize_many([ARTICLE, ARTICLE], jobs=2, base_url=url, model="scripted")

    results = asyncio.run(caller())
    assert [type(r) for r in results] == [Summary, Summary]


def test_settings_come_from_the_environment_and_config_as_on_the_command_line(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    assert summarizer.summarize(ARTICLE, model="scripted").meta.model == "scripted"
    config = tmp_path / "summarizer.toml"
    config.write_text('model = "scripted"\napi_key = "sk-no"\n')
    with pytest.raises(ConfigError, match="keys do not belong in a config file"):
        summarizer.summarize(ARTICLE, config=config)


def test_one_attempt_by_default_as_on_the_command_line() -> None:
    """The default number of attempts is the CLI's (one place holds it): a name the
    article does not give is refused, not re-asked; max_attempts=2 re-asks."""
    wrong = tool_call_reply(picks(added=["Vladimir Putin"]))  # not in the article
    for attempts, requests in ((None, 1), (2, 2)):
        script = Script([], default=wrong)
        with scripted_server(script) as url:
            summary = summarizer.summarize(
                ARTICLE, base_url=url, model="scripted", max_attempts=attempts, cache=False
            )
        assert len(script.requests) == requests
        assert summary.meta.attempts == requests
        assert [r.field for r in summary.rejected] == ["who"]


def test_the_embedded_model_when_nothing_is_configured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the CLI does: its server started for the call and stopped after it."""
    monkeypatch.setattr(server, "require_llama", lambda: None)
    monkeypatch.setattr(server, "assemble", lambda _model: tmp_path / "no-weights.gguf")
    monkeypatch.setattr(server, "llama_command", command("answer", tmp_path))
    summary = summarizer.summarize(ARTICLE)
    assert summary.meta.provider == "local"
    assert summary.meta.model == "qwen2.5-coder-1.5b"
    assert [w.text for w in summary.who] == ["Maria Hale"]
    assert not alive(int((tmp_path / "pid").read_text()))
