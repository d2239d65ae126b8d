"""Files we write are as readable as the umask says, whichever way they are written: a
results directory served to other users by a `User=summarizer` service must be readable by
them (temporary-file writes used to be 0600 whatever the umask)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.scripted_server import Script, scripted_server
from tests.test_batch import articles, good

MODEL = ["--model", "scripted", "--no-cache"]


@pytest.fixture(params=[0o022, 0o077, 0o002], ids=["022", "077", "002"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    mask: int = request.param
    old = os.umask(mask)
    try:
        yield mask
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_written_has_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    paths = articles(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_text(" \n")  # a failure, so failures files exist
    runner = CliRunner()
    with scripted_server(Script([], default=good())) as url:
        model = ["--base-url", url, *MODEL]
        for out in ["one.json", "each/", "store.jsonl", "store/"]:
            command = "summarize" if out in ("one.json", "each/") else "batch"
            inputs = [str(p) for p in paths] if command == "summarize" else [str(tmp_path / "in")]
            target = str(tmp_path / out) + ("/" if out.endswith("/") else "")
            result = runner.invoke(app, [command, *inputs, "--out", target, *model])
            assert result.exit_code in (0, 1), result.stderr
    written = [
        tmp_path / "one.json",
        *sorted((tmp_path / "each").iterdir()),
        tmp_path / "store.jsonl",
        tmp_path / "store.jsonl.failures.jsonl",
        *sorted((tmp_path / "store").glob("*.json")),
        tmp_path / "store" / "failures.jsonl",
    ]
    assert len(written) == 8
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o666 & ~umask) for p in written}
