"""`summarizer summarize` and `summarizer models` without a model: usage, input and setup
errors, and what reaches stdout and stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.inputs import collect_articles

runner = CliRunner()


@pytest.fixture(autouse=True)
def no_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no user config file


def summarize(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["summarize", *args])
    return result.exit_code, result.stdout, result.stderr


def test_bad_inputs_are_named_and_no_model_is_started(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\x00JFIF")
    code, out, err = summarize(str(empty), str(binary), str(tmp_path / "missing.txt"))
    assert (code, out) == (1, "")
    assert f"summarizer: error: {empty}: is empty" in err
    assert f"summarizer: error: {binary}: is binary, not text (NUL byte at offset 3)" in err
    assert "missing.txt: no such file" in err
    assert "summarized 0 of 3 articles, 3 failed" in err


def test_html_without_an_article_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav>Home</nav></body></html>")
    code, _, err = summarize(str(page))
    assert code == 1
    assert f"{page}: is HTML with no article text in it" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--base-url", "http://127.0.0.1:9/v1"],
            "a model name is needed for http://127.0.0.1:9/v1",
        ),
        (["--model", "gpt-4o-mini"], "needs OPENAI_API_KEY"),
        (["--prompt", "nope"], "no prompt 'nope'"),
        (["--published", "yesterday"], "--published: not a date"),
        (
            ["--mode", "telepathy", "--base-url", "http://127.0.0.1:9/v1", "--model", "m"],
            "unknown mode",
        ),
        (["--mode", "telepathy"], "unknown mode 'telepathy'"),  # the embedded model too
    ],
)
def test_setup_errors_exit_2(args: list[str], message: str) -> None:
    code, _, err = summarize("seeds/", *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1


def test_an_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = summarize(str(tmp_path))
    assert code == 2
    assert "no article files found" in err


def test_directories_expand_to_article_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "notes.json", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = collect_articles([str(tmp_path), str(tmp_path / "b.txt")])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "c.html",
        "sub/d.txt",
    ]


def test_models_lists_the_known_models() -> None:
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0
    assert "qwen2.5-coder-1.5b" in result.stdout
    assert "qwen2.5-coder-0.5b" in result.stdout


def test_installing_an_unknown_model_is_an_error() -> None:
    result = runner.invoke(app, ["models", "install", "gpt-9"])
    assert result.exit_code == 2
    assert "unknown local model 'gpt-9'" in result.stderr
