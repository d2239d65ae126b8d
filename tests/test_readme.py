"""The README's Python examples run as written: the embedded model is played by
tests/fake_llama_server.py, and the server the examples name (127.0.0.1:8080) is the
loopback server of tests/scripted_server.py, answering the hand-written summary of
tests/test_batch.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.providers import server
from tests.answers import ANSWER
from tests.conftest import ROOT
from tests.fake_llama_server import command
from tests.scripted_server import Script, scripted_server, tool_call_reply

EXAMPLE_URL = "http://127.0.0.1:8080/v1"


def python_examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_there_are_examples_of_each_call() -> None:
    examples = "\n".join(python_examples())
    for call in ("summarize(", "summarize_many(", "asummarize_many(", "ground("):
        assert f" {call}" in examples or f"= {call}" in examples, call


@pytest.mark.parametrize("number", range(len(python_examples())))
def test_readme_python_example_runs(
    number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(ROOT)  # the examples name files of this repository
    monkeypatch.setattr(server, "require_llama", lambda: None)
    monkeypatch.setattr(server, "assemble", lambda _model: tmp_path / "no-weights.gguf")
    monkeypatch.setattr(server, "llama_command", command("answer", tmp_path))
    code = python_examples()[number]
    with scripted_server(Script([], default=tool_call_reply(ANSWER))) as url:
        exec(compile(code.replace(EXAMPLE_URL, url), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    if "summarize_many(" in code and "asummarize" not in code:
        assert "failed: missing.txt: no such file" in printed
