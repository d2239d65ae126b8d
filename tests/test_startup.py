"""What the command imports before it answers, and how its help reads.

`summarizer --help` and an error about a missing file imported spaCy, openai and
instructor first: seconds before anything was printed (10 s under load). Which modules
load is checked here, from `python -X importtime`; how long it takes is measured in
benchmarks/startup.py, never in a test.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ROOT

# The libraries of the model call and the text analysis: none is needed to print help or
# to say that a file does not exist.
HEAVY = {"spacy", "thinc", "openai", "instructor", "nltk", "trafilatura", "rapidfuzz", "httpx"}


def imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The top-level packages `python -m summarizer ARGS` imports, and how it ended."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarizer", *args],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return names, run


def test_help_imports_neither_the_model_client_nor_the_text_analysis() -> None:
    names, run = imported("--help")
    assert run.returncode == 0, run.stderr
    assert "summarize" in run.stdout
    assert names & HEAVY == set()
    assert {"pydantic", "rich"} & names == set()  # not even the data models


def test_a_missing_file_is_reported_before_the_heavy_imports(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    names, run = imported("summarize", str(missing), "--base-url", "http://127.0.0.1:9/v1")
    assert f"summarizer: error: {missing}: no such file" in run.stderr
    assert run.returncode == 1
    assert names & HEAVY == set()


COMMANDS = [[], ["batch"], ["cache"], ["check"], ["compare"], ["eval"], ["summarize"]]
COMMANDS += [["models"], ["models", "install"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "summarizer")
def test_help_shows_plain_metavars(command: list[str]) -> None:
    """No Python types (`<str>`, `<bool>`, `<list[str]>`) and no braces (`{paths}...`):
    what typer showed by itself."""
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=80)
    assert result.exit_code == 0
    assert re.findall(r"<[a-z][\w\[\]| ]*>|\{\w+\}", result.stdout) == []
    usage = result.stdout.splitlines()[0]
    if command in (["summarize"], ["batch"], ["compare"]):
        assert usage.endswith("[OPTIONS] PATH...")


def test_the_command_list_shows_whole_sentences() -> None:
    """Each command's first sentence fits the list, so none is cut off with '...'."""
    for command in ([], ["models"]):
        result = CliRunner().invoke(app, [*command, "--help"], terminal_width=80)
        listed = result.stdout.split("Commands:\n", 1)[1].splitlines()
        assert listed
        for line in listed:
            assert line.endswith("."), line
            assert not line.endswith("..."), line
