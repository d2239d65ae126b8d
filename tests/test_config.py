"""Which endpoint a run calls: local by default, remote when configured; keys from env."""

from __future__ import annotations

from pathlib import Path

import instructor
import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.config import ConfigError, Settings, load_config, resolve_endpoint
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_CONFIG"):
        monkeypatch.delenv(var, raising=False)


def test_nothing_configured_means_the_embedded_model() -> None:
    assert resolve_endpoint(Settings()) is None
    assert resolve_endpoint(Settings(model="qwen2.5-coder-0.5b")) is None


def test_other_model_names_go_to_openai_with_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="needs OPENAI_API_KEY"):
        resolve_endpoint(Settings(model="gpt-4o-mini"))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    endpoint = resolve_endpoint(Settings(model="gpt-4o-mini"))
    assert endpoint is not None
    assert (endpoint.base_url, endpoint.provider, endpoint.mode) == (
        "https://api.openai.com/v1",
        "openai",
        instructor.Mode.TOOLS_STRICT,
    )
    assert "sk-test" not in repr(endpoint)  # the key never shows in logs or errors


def test_compatible_server_uses_forced_tool_calls() -> None:
    endpoint = resolve_endpoint(Settings(base_url="http://127.0.0.1:9/v1", model="m"))
    assert endpoint is not None
    assert (endpoint.provider, endpoint.mode) == ("openai-compatible", instructor.Mode.TOOLS)
    with pytest.raises(ConfigError, match="a model name is needed"):
        resolve_endpoint(Settings(base_url="http://127.0.0.1:9/v1"))
    with pytest.raises(ConfigError, match="http"):
        resolve_endpoint(Settings(base_url="ftp://x", model="m"))


def test_command_line_beats_config_file_beats_environment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('base_url = "http://127.0.0.1:1/v1"\nmodel = "from-file"\nmax_attempts = 3\n')
    settings = Settings(model="from-cli").over(load_config(path)).over(Settings(base_url="env"))
    assert (settings.model, settings.base_url, settings.max_attempts) == (
        "from-cli",
        "http://127.0.0.1:1/v1",
        3,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('api_key = "sk-123"\n', "keys do not belong in a config file"),
        ('colour = "red"\n', "unknown setting(s): colour"),
        ("not toml [", "cannot be read as TOML"),
    ],
)
def test_bad_config_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('timeout = "x"\n', 'timeout = "x": not a number of seconds'),
        ("timeout = -1\n", "timeout = -1: must be at least 0.1"),
        ("max_attempts = 1000\n", "max_attempts = 1000: must be at most 10"),
        ("max_attempts = 0\n", "max_attempts = 0: must be at least 1"),
        ("max_attempts = 2.5\n", "max_attempts = 2.5: not a whole number"),
        ("max_attempts = true\n", "max_attempts = true: not a whole number"),
        ("model = 7\n", "model = 7: not a string"),
    ],
)
def test_config_values_are_checked_as_the_options_are(
    tmp_path: Path, content: str, message: str
) -> None:
    """One line naming the file and the key, exit 2, before any work: `timeout = "x"` was a
    traceback, and `max_attempts = 1000` and `timeout = -1` (which the options refuse) were
    taken."""
    path = tmp_path / "config.toml"
    path.write_text(content)
    result = CliRunner().invoke(
        app, ["summarize", str(ROOT / "seeds"), "--model", "none", "--config", str(path)]
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"summarizer: error: {path}: {message}\n"


def test_config_numbers_in_range_are_taken(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('timeout = 30\nmax_attempts = 10\nmodel = "m"\n')
    assert load_config(path) == Settings(timeout=30.0, max_attempts=10, model="m")
