"""`summarizer batch` against a loopback server that misbehaves on demand.

The model's answers are hand-written (this is about faults, reruns and overlap, not the
model): every test article names Maria Hale in Lyon and quotes her once, and the answer
says so, so each summary has grounded items to check.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.batch.stores import JsonlStore
from summarizer.cli import app
from tests.answers import ANSWER
from tests.conftest import ROOT
from tests.scripted_server import Reply, Script, scripted_server, tool_call_reply


def good(delay: float = 0.0) -> Reply:
    reply = tool_call_reply(ANSWER)
    reply.delay = delay
    return reply


def articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"a{i:03d}.txt"
        path.write_text(
            f"Report {i}.\n\nMaria Hale spoke in Lyon. “We will rebuild {i} homes,” Hale said.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def batch(url: str, *args: str) -> Any:
    return CliRunner().invoke(
        app, ["batch", *args, "--base-url", url, "--model", "scripted", "--timeout", "2"]
    )


def target(out: Path) -> str:
    """How a user names the store: a directory ends with '/'."""
    return str(out) if out.suffix else f"{out}/"


def read_results(out: Path) -> list[dict[str, Any]]:
    """Every summary in a results store, whatever its kind."""
    if out.suffix == ".jsonl":
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    if out.suffix == ".db":
        with sqlite3.connect(out) as db:
            if not db.execute("SELECT name FROM sqlite_master WHERE name = 'summaries'").fetchone():
                return []  # killed before the table was made
            return [json.loads(r[0]) for r in db.execute("SELECT summary FROM summaries")]
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]


def failures(out: Path) -> list[dict[str, Any]]:
    if out.suffix == ".db":
        with sqlite3.connect(out) as db:
            rows = db.execute("SELECT sha256, source, reason FROM failures").fetchall()
        return [{"sha256": k, "source": s, "reason": r} for k, s, r in rows]
    path = out / "failures.jsonl" if out.is_dir() else out.with_name(out.name + ".failures.jsonl")
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(params=["out.jsonl", "out.db", "out"], ids=["jsonl", "sqlite", "dir"])
def out(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    name: str = request.param
    return tmp_path / name


def test_a_batch_summarises_every_article_once_and_a_rerun_skips_them(
    tmp_path: Path, out: Path
) -> None:
    paths = articles(tmp_path / "in", 3)
    script = Script([], default=good())
    with scripted_server(script) as url:
        first = batch(url, str(tmp_path / "in"), "--out", target(out), "--no-cache")
        assert first.exit_code == 0, first.stderr
        assert "3 done, 0 skipped (already done), 0 failed" in first.stderr
        second = batch(url, str(tmp_path / "in"), "--out", target(out), "--no-cache")
        assert second.exit_code == 0, second.stderr
        assert "0 done, 3 skipped (already done), 0 failed" in second.stderr
        assert len(script.requests) == 3  # the rerun asked nothing
        paths[1].write_text(paths[1].read_text() + "She left on Monday.\n", encoding="utf-8")
        third = batch(url, str(tmp_path / "in"), "--out", target(out), "--no-cache")
        assert "1 done, 2 skipped (already done)" in third.stderr  # a changed article
    results = read_results(out)
    assert len(results) == 4
    assert len({r["article"]["sha256"] for r in results}) == 4
    assert all([w["text"] for w in r["who"]] == ["Maria Hale"] for r in results)


def test_plain_log_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    articles(tmp_path / "in", 2)
    with scripted_server(Script([], default=good())) as url:
        result = batch(url, str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"))
    lines = result.stderr.splitlines()
    assert sum(line.startswith("batch: done ") and "a00" in line for line in lines) == 2
    assert "━" not in result.stderr  # no progress bar in a log


def test_no_blank_line_on_stderr_off_a_terminal(tmp_path: Path) -> None:
    """With two or more articles and stderr a log, every line on it says something (the
    progress bar is for terminals; off one it used to leave an empty first line)."""
    paths = [str(p) for p in articles(tmp_path / "in", 2)]
    runner = CliRunner()
    with scripted_server(Script([], default=good())) as url:
        model = ["--base-url", url, "--model", "scripted"]
        summarized = runner.invoke(app, ["summarize", *paths, *model])
        batched = batch(url, str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"))
    assert summarized.stderr == "summarized 2 of 2 articles\n"
    assert batched.stderr.splitlines()[0].startswith("batch: done ")
    assert "" not in batched.stderr.splitlines()


FAULTS = {
    "429 with Retry-After": (Reply(429, {"error": {"message": "slow down"}},
                                   headers={"retry-after": "1"}), None),
    "500": (Reply(500, {"error": {"message": "boom"}}), None),
    "hang past the timeout": (good(delay=4), None),
    "dropped connection": (Reply(drop=True), None),
    "malformed JSON": (Reply(raw=b'{"choices": [{"message": '), None),  # a 200 cut short
    "cut off at max_tokens, complete items kept": (None, None),
    "cut off before any item": (tool_call_reply("", finish_reason="length",
                                                completion_tokens=400),
                                "cut off at 400 output tokens"),
    "no such model (404)": (Reply(404, {"error": {"message": "no model"}}), "model error"),
}  # fmt: skip


@pytest.mark.parametrize("fault", list(FAULTS))
def test_faults_are_retried_or_recorded_and_the_others_go_on(
    fault: str, tmp_path: Path, out: Path
) -> None:
    """Transient faults are retried and the article is done; a lasting one fails that
    article only, recorded with its reason, and the exit says so."""
    reply, failure = FAULTS[fault]
    if reply is None:  # an answer stopped at max_tokens
        reply = tool_call_reply(ANSWER, finish_reason="length", completion_tokens=400)
    articles(tmp_path / "in", 3)
    script = Script([reply], default=good())
    with scripted_server(script) as url:
        result = batch(url, str(tmp_path / "in"), "--out", target(out), "--no-cache")
    results, failed = read_results(out), failures(out)
    if failure is None:
        assert result.exit_code == 0, result.stderr
        assert len(results) == 3
        assert failed == []
    else:
        assert result.exit_code == 1
        assert len(results) == 2
        assert [f["source"].rsplit("/", 1)[-1] for f in failed] == ["a000.txt"]
        assert failure in failed[0]["reason"]
        assert f"a000.txt: {failed[0]['reason']}" in result.stderr
        assert "2 done, 0 skipped (already done), 1 failed" in result.stderr
    assert "ERROR:" not in result.stderr  # instructor's log lines stay off without -v
    if fault == "429 with Retry-After":
        assert script.arrivals[1] - script.arrivals[0] >= 0.95  # waited as asked


@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "-v"])
def test_library_log_lines_stay_off_stderr_unless_verbose(tmp_path: Path, verbose: bool) -> None:
    """A failed answer is one line naming the article; instructor's own ERROR lines (two
    per failure) show only with -v. A real process: logging is set up once per process."""
    path = articles(tmp_path / "in", 1)[0]
    script = Script([], default=Reply(404, {"error": {"message": "no model"}}))
    with scripted_server(script) as url:
        run = subprocess.run(
            [sys.executable, "-m", "summarizer", "summarize", str(path), "--base-url", url,
             "--model", "scripted", "--no-cache", *(["-v"] if verbose else [])],
            capture_output=True, text=True, cwd=ROOT, timeout=120,
        )  # fmt: skip
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert any(line.startswith(f"summarizer: error: {path}: model error: ") for line in lines)
    if verbose:
        assert any(line.startswith("ERROR:instructor") for line in lines)
    else:
        assert len(lines) == 2, lines  # the error and "summarized 0 of 1 articles, 1 failed"


def test_bad_input_is_recorded_and_the_rest_is_summarised(tmp_path: Path, out: Path) -> None:
    articles(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_text("  \n")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    with scripted_server(Script([], default=good())) as url:
        result = batch(url, str(tmp_path / "in"), "--out", target(out))
    assert result.exit_code == 1
    assert len(read_results(out)) == 2
    reasons = {f["source"].rsplit("/", 1)[-1]: f["reason"] for f in failures(out)}
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert "empty" in reasons["empty.txt"]


def test_rate_limit_spaces_the_requests(tmp_path: Path) -> None:
    articles(tmp_path / "in", 4)
    script = Script([], default=good())
    with scripted_server(script) as url:
        result = batch(
            url, str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"),
            "--jobs", "4", "--rate-limit", "5", "--no-cache",
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(script.arrivals) == 4
    # 5 per second: one every 0.2 s however many are in flight, so 4 span at least 0.6 s
    # (0.5 allows for the arrival jitter of a busy machine; unlimited, they span ~0).
    assert script.arrivals[-1] - script.arrivals[0] >= 0.5


def test_a_bad_results_target_is_a_usage_error(tmp_path: Path) -> None:
    articles(tmp_path / "in", 1)
    result = batch("http://127.0.0.1:9/v1", str(tmp_path / "in"), "--out", str(tmp_path / "o.csv"))
    assert result.exit_code == 2
    assert "--out must be a .jsonl file, a .db file, or a directory" in result.stderr
    (tmp_path / "junk.db").write_text("this is not sqlite" * 100)
    junk = batch("http://127.0.0.1:9/v1", str(tmp_path / "in"), "--out", str(tmp_path / "junk.db"))
    assert junk.exit_code == 2
    assert "not a usable SQLite database" in junk.stderr


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (b"", b""),
        (b"a\n", b"a\n"),
        (b"a\nb\nhal", b"a\nb\n"),
        (b"hal", b""),
        (b"a\n" + b"x" * 200_000, b"a\n"),  # the cut line is longer than one read back
    ],
    ids=["empty", "whole", "cut", "only-cut", "long-cut"],
)
def test_a_jsonl_line_cut_by_a_kill_is_cut_off_when_reopened(
    tmp_path: Path, content: bytes, kept: bytes
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    JsonlStore(path).close()
    assert path.read_bytes() == kept


@pytest.mark.parametrize(
    "line",
    ['{"article": {"sha256": ' + "7" * 4301 + "}}", "[" * 100_000 + "]" * 100_000, "[1]"],
    ids=["long-int", "deep", "not-a-summary"],
)
def test_a_results_file_with_a_foreign_line_is_a_one_line_error(tmp_path: Path, line: str) -> None:
    articles(tmp_path / "in", 1)
    out = tmp_path / "o.jsonl"
    out.write_text(line + "\n", encoding="utf-8")
    result = batch("http://127.0.0.1:9/v1", str(tmp_path / "in"), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"summarizer: error: {out}:1: not a summary line; is this a batch's output?\n"
    )
