"""`summarizer logs`: every model call of summarize, batch and eval in an SQLite log beside
the response cache, one row a call, with its outcome and reason.

Against the loopback server of tests/scripted_server.py, with hand-written answers that
drive each outcome: one kept, one refused (it adds "Paris", which the article does not
name), one failed (a 404).
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.inputs import read_article
from summarizer.pipeline.prompting import DEFAULT_PROMPT, load_prompt
from summarizer.providers.calllog import SCHEMA
from tests.answers import ANSWER
from tests.conftest import ROOT
from tests.scripted_server import Reply, Script, scripted_server, tool_call_reply
from tests.test_batch import articles, good
from tests.test_call_faults import by_article


def answer(added: list[str], prompt_tokens: int, completion_tokens: int) -> Reply:
    reply = tool_call_reply(ANSWER | {"added": added}, completion_tokens=completion_tokens)
    reply.body["usage"]["prompt_tokens"] = prompt_tokens
    return reply


FAULTS = {
    0: answer(["Lyon"], 120, 9),
    1: answer(["Lyon", "Paris"], 130, 11),
    2: Reply(404, {"error": {"message": "no such model"}}),
}


def logs(*args: str) -> Any:
    return CliRunner().invoke(app, ["logs", *args])


def logged(*args: str) -> list[dict[str, Any]]:
    result = logs("--json", *args)
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def run_batch(tmp_path: Path, *extra: str) -> tuple[Any, str]:
    articles(tmp_path / "in", 3)
    with scripted_server(Script([], choose=by_article(FAULTS))) as url:
        result = CliRunner().invoke(
            app,
            ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"), "--jobs", "3",
             "--max-attempts", "2", "--base-url", url, "--model", "scripted", *extra],
        )  # fmt: skip
    return result, url.removeprefix("http://").removesuffix("/v1")


def test_a_batch_logs_one_row_per_call_with_its_outcome_and_reason(tmp_path: Path) -> None:
    started = datetime.now(UTC)
    result, host = run_batch(tmp_path)
    assert result.exit_code == 1  # a002 failed
    rows = sorted(logged(), key=lambda r: (r["article_id"], r["attempt"]))
    assert [(r["article_id"], r["attempt"], r["outcome"]) for r in rows] == [
        ("a000", 1, "kept"),
        ("a001", 1, "refused"),  # re-asked (--max-attempts 2) with the reason
        ("a001", 2, "refused"),
        ("a002", 1, "failed"),
    ]
    kept, refused, _, failed = rows
    assert kept["reason"] == ""
    assert "where 'Paris'" in refused["reason"]
    assert failed["reason"] == "not found (404): no such model"
    assert (kept["prompt_tokens"], kept["completion_tokens"]) == (120, 9)
    assert (refused["prompt_tokens"], refused["completion_tokens"]) == (130, 11)
    assert (failed["prompt_tokens"], failed["completion_tokens"]) == (0, 0)
    version = load_prompt(DEFAULT_PROMPT).version
    for row in rows:
        article = read_article(str(tmp_path / "in" / f"{row['article_id']}.txt"))
        assert row["sha256"] == article.sha256
        assert (row["model"], row["host"], row["prompt_version"]) == ("scripted", host, version)
        assert (row["chunk"], row["tries"], row["cached"]) == (1, 1, False)
        assert 0 <= row["seconds"] < 30
        assert started - timedelta(seconds=1) <= datetime.fromisoformat(row["time"])
        assert datetime.fromisoformat(row["time"]) <= datetime.now(UTC)


def test_logs_lists_the_last_calls_filters_them_and_prints_json(tmp_path: Path) -> None:
    run_batch(tmp_path)
    listed = logs()
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert len(lines) == 4
    assert sum("  refused  " in line for line in lines) == 2
    (failed,) = [line for line in lines if "  failed  " in line]
    assert "  a002  scripted@127.0.0.1:" in failed
    assert failed.endswith("  not found (404): no such model")
    assert logs("-n", "1").stdout.splitlines() == lines[-1:]
    assert [r["attempt"] for r in logged("--article", "a001")] == [1, 2]
    sha = logged("--article", "a000")[0]["sha256"]
    assert [r["article_id"] for r in logged("--article", sha[:8])] == ["a000"]
    assert [r["article_id"] for r in logged("--outcome", "failed")] == ["a002"]
    assert len(logged("--model", "scripted")) == 4
    assert logged("--model", "another") == []
    nothing = logs("--model", "another")
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    assert "no calls" in nothing.stderr
    assert logs("--outcome", "lost").exit_code == 2


def test_no_log_writes_nothing(tmp_path: Path, private_cache: Path) -> None:
    result, _ = run_batch(tmp_path, "--no-log")
    assert result.exit_code == 1
    assert not list(private_cache.glob("calls.sqlite3*"))
    assert logged() == []


def test_an_answer_from_the_cache_is_logged_as_cached(tmp_path: Path) -> None:
    (path,) = articles(tmp_path / "in", 1)
    script = Script([], default=good())
    with scripted_server(script) as url:
        for _ in range(2):
            run = CliRunner().invoke(
                app, ["summarize", str(path), "--base-url", url, "--model", "scripted"]
            )
            assert run.exit_code == 0, run.stderr
    assert len(script.requests) == 1
    first, second = logged()
    assert (first["cached"], first["tries"], second["cached"], second["tries"]) == (
        False, 1, True, 0,
    )  # fmt: skip
    assert first["request_key"] == second["request_key"]
    assert len(first["request_key"]) == 64


ROWS = 500
WRITER = f"""
import sys, time
from summarizer.providers.calllog import Call, CallLog
log = CallLog()
print("ready", flush=True)
sys.stdin.read()  # both start together
for n in range({ROWS}):
    Call(f"{{sys.argv[1]}}-{{n}}", "0" * 64, "m", "h", "p", log=log).settle("kept")
    time.sleep(0.001)  # calls end apart, as a batch's do
"""


def test_processes_writing_at_once_lose_no_row(private_cache: Path) -> None:
    """Several runs share the log: two processes, each writing a row a millisecond, one
    row a transaction; every row is there (none lost to a locked database)."""
    env = os.environ | {"SUMMARIZER_CACHE_DIR": str(private_cache)}

    def start(name: str) -> subprocess.Popen[str]:
        command = [sys.executable, "-c", WRITER, name]
        pipe = subprocess.PIPE
        return subprocess.Popen(command, cwd=ROOT, env=env, stdin=pipe, stdout=pipe, text=True)

    writers = [start("one"), start("two")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.close()  # go
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    rows = logged("-n", str(3 * ROWS))
    names = [r["article_id"] for r in rows]
    assert sorted(names) == sorted(f"{w}-{n}" for w in ("one", "two") for n in range(ROWS))
    by = [name.split("-")[0] for name in names]
    assert sum(a != b for a, b in itertools.pairwise(by)) > 10  # they did write at once
    with sqlite3.connect(private_cache / "calls.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Call log.**", 1)[1].split("\n\n**", 1)[0]
    with sqlite3.connect(":memory:") as db:
        db.execute(SCHEMA)
        columns = [row[1] for row in db.execute("PRAGMA table_info(calls)")]
    assert [c for c in columns if f"`{c}`" not in section] == []
