"""Where results go, whatever an article's file is called: a name too long for the file
system, or one a stored file cannot take, fails that article alone (or none), never the run.

A file name of 200+ characters made `<name>.<sha256>.json` longer than the 255 bytes a
name may have: the batch crashed with a traceback, nothing was stored, and every rerun
crashed the same way.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.scripted_server import Script, scripted_server
from tests.test_batch import good

TEXT = "Report.\n\nMaria Hale spoke in Lyon. “We will rebuild homes,” Hale said.\n"


def long_named(folder: Path, stem: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


STEM = ("council-meeting-report-" * 11)[:248]  # with ".txt", 252 bytes: as long as names go


@pytest.mark.parametrize("model", ["scripted", "none"])
def test_a_batch_stores_an_article_with_a_very_long_file_name(tmp_path: Path, model: str) -> None:
    source = long_named(tmp_path / "in", STEM)
    out = tmp_path / "out"
    with scripted_server(Script([], default=good())) as url:
        args = ["batch", str(tmp_path / "in"), "--out", f"{out}/", "--no-cache"]
        args += ["--base-url", url, "--model", model, "--timeout", "5"]
        first = CliRunner().invoke(app, args)
        assert first.exit_code == 0, first.stderr
        second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.stderr
    assert "0 done, 1 skipped (already done), 0 failed" in second.stderr
    stored = list(out.glob("*.json"))
    assert len(stored) == 1
    assert all(len(p.name.encode()) <= 255 for p in out.iterdir())
    record = json.loads(stored[0].read_text(encoding="utf-8"))
    assert record["article"]["id"] == STEM  # the full name, inside the record
    assert record["article"]["source"] == str(source)
    assert [w["text"] for w in record["who"]] == ["Maria Hale"]


def test_summarize_into_a_directory_takes_a_very_long_file_name(tmp_path: Path) -> None:
    long_named(tmp_path / "in", STEM)
    long_named(tmp_path / "in", STEM[:-1] + "b")  # the same opening: two files, not one
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["summarize", str(tmp_path / "in"), "--out", f"{out}/", "--model", "none"]
    )
    assert result.exit_code == 0, result.stderr
    written = sorted(out.iterdir())
    assert len(written) == 2
    assert all(len(p.name.encode()) <= 255 for p in written)
    assert {json.loads(p.read_text())["article"]["id"] for p in written} == {STEM, STEM[:-1] + "b"}


def blocked(path: Path) -> Path:
    """A directory where a result's file would go: renaming onto it fails (as root too)."""
    path.mkdir(parents=True)
    (path / "keep").write_text("")
    return path


@pytest.mark.parametrize("model", ["scripted", "none"])
def test_a_write_error_fails_that_article_and_the_batch_goes_on(tmp_path: Path, model: str) -> None:
    first, second = long_named(tmp_path / "in", "a"), long_named(tmp_path / "in", "b")
    second.write_text(TEXT + "She left on Monday.\n", encoding="utf-8")
    sha = hashlib.sha256(first.read_text(encoding="utf-8").encode()).hexdigest()
    out = tmp_path / "out"
    blocked(out / f"a.{sha}.json")
    with scripted_server(Script([], default=good())) as url:
        args = ["batch", str(tmp_path / "in"), "--out", f"{out}/", "--no-cache"]
        result = CliRunner().invoke(app, [*args, "--base-url", url, "--model", model])
    assert result.exit_code == 1, result.stderr
    assert "1 done, 0 skipped (already done), 1 failed" in result.stderr
    line = (
        f"summarizer: error: {first}: cannot be written ({out / f'a.{sha}.json'}: Is a directory)"
    )
    assert line in result.stderr.splitlines()
    assert "text analysis failed" not in result.stderr
    failed = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
    assert [(f["source"], f["reason"]) for f in failed] == [(str(first), line.split(": ", 3)[3])]


def test_a_write_error_in_summarize_fails_that_article_only(tmp_path: Path) -> None:
    first, second = long_named(tmp_path / "in", "a"), long_named(tmp_path / "in", "b")
    out = tmp_path / "out"
    blocked(out / "a.json")
    result = CliRunner().invoke(
        app, ["summarize", str(first), str(second), "--out", f"{out}/", "--model", "none"]
    )
    assert result.exit_code == 1, result.stderr
    assert f"summarizer: error: {first}: cannot be written ({out / 'a.json'}: Is a directory)" in (
        result.stderr.splitlines()
    )
    assert "summarized 1 of 2 articles, 1 failed" in result.stderr
    assert json.loads((out / "b.json").read_text())["article"]["id"] == "b"


def test_an_output_file_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    """--out FILE names what the user chose: a name too long is a usage error, not a
    traceback (so is a results store's)."""
    source = long_named(tmp_path / "in", "a")
    out = tmp_path / f"{'x' * 300}.json"
    result = CliRunner().invoke(
        app, ["summarize", str(source), "--out", str(out), "--model", "none"]
    )
    assert result.exit_code == 2
    assert result.stderr == f"summarizer: error: {out}: cannot be written (File name too long)\n"
    store = CliRunner().invoke(
        app,
        ["batch", str(source), "--out", str(tmp_path / f"{'x' * 300}.jsonl"), "--model", "none"],
    )
    assert store.exit_code == 2
    assert "cannot be used for results (File name too long)" in store.stderr
