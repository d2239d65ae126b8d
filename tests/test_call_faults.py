"""A failed model request is recorded with its real cause; 401 and 403 end the run; the
API key never leaves the process, whoever echoes it.

Against a fault-injecting loopback server (tests/scripted_server.py) whose faults follow
the article, so they hold with several requests in flight. The answers it gives are
hand-written: this is about the transport, not the model. Transport retries keep their
five tries but wait milliseconds (`fast_retries`); the subprocess test waits as a user's
run would, with Retry-After: 0.
"""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer import ModelError, summarize_many
from summarizer.cli import app
from summarizer.providers import calls
from summarizer.providers.client import TransportPolicy
from tests.conftest import ROOT
from tests.scripted_server import ECHO_KEY, Reply, Script, scripted_server
from tests.test_batch import articles, failures, good, read_results
from tests.test_eval_cli import gold_file
from tests.test_evaluation import gold

KEY = "sk-test-9f8e7d6c5b4a39281706SECRET"


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return KEY


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five tries, as a user's run makes, with millisecond waits between them."""
    fast = functools.partial(TransportPolicy, max_wait=0.05, backoff=0.01)
    monkeypatch.setattr(calls, "TransportPolicy", fast)


def by_article(faults: dict[int, Reply]) -> Callable[[dict[str, Any]], Reply | None]:
    """A server's choice: article i (its text starts 'Report i.') gets `faults[i]`."""

    def choose(request: dict[str, Any]) -> Reply | None:
        prompt = " ".join(str(m.get("content")) for m in request.get("messages", []))
        return next((r for i, r in faults.items() if f"Report {i}." in prompt), None)

    return choose


def invoke(command: str, url: str, *args: str) -> Any:
    return CliRunner().invoke(
        app, [command, *args, "--base-url", url, "--model", "scripted", "--no-cache"]
    )


def error(status: int, message: str, **headers: str) -> Reply:
    return Reply(status, {"error": {"message": message}}, headers=headers)


# article -> (what the server does to each of its requests, the reason recorded)
MIXED: dict[int, tuple[Reply, str]] = {
    0: (error(429, "slow down"), "rate limited (429) after 5 tries: slow down"),
    1: (error(503, "overloaded"), "server error 503 after 5 tries: overloaded"),
    2: (good(delay=1.5), "timed out after 0.5 s on each of 5 tries"),
    3: (Reply(drop=True), "the server closed the connection without an answer after 5 tries"),
    4: (Reply(raw=b'{"choices": [{"message": '), "the server's answer was not JSON after 5 tries"),
    5: (error(404, "no such model"), "not found (404): no such model"),
    6: (
        error(400, f"bad request from {ECHO_KEY}"),
        "bad request (400): bad request from [redacted]",
    ),
}


@pytest.mark.usefixtures("fast_retries")
def test_a_batch_against_mixed_faults_records_each_failure_with_its_real_cause(
    tmp_path: Path,
) -> None:
    articles(tmp_path / "in", 8)  # a007 is answered
    out = tmp_path / "out.jsonl"
    script = Script([], default=good(), choose=by_article({i: r for i, (r, _) in MIXED.items()}))
    with scripted_server(script) as url:
        result = invoke(
            "batch", url, str(tmp_path / "in"), "--out", str(out), "--jobs", "4", "--timeout", "0.5"
        )
    assert result.exit_code == 1, result.stderr
    reasons = {Path(f["source"]).stem: f["reason"] for f in failures(out)}
    assert reasons == {f"a{i:03d}": f"model error: {why}" for i, (_, why) in MIXED.items()}
    assert [r["article"]["id"] for r in read_results(out)] == ["a007"]
    for name, reason in reasons.items():
        assert f"{name}.txt: {reason}\n" in result.stderr
    assert "Expecting value" not in result.stderr
    assert KEY not in result.stderr


@pytest.mark.usefixtures("fast_retries")
def test_connection_refused_is_named(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (path,) = articles(tmp_path / "in", 1)
    result = invoke("summarize", f"http://127.0.0.1:{port}/v1", str(path))
    assert result.exit_code == 1
    assert f"{path}: model error: connection refused after 5 tries\n" in result.stderr


REFUSED = {
    401: "unauthorized (401): check OPENAI_API_KEY: Incorrect API key provided: [redacted]",
    403: "forbidden (403): OPENAI_API_KEY may not use this model or endpoint: "
    "Incorrect API key provided: [redacted]",
}


@pytest.mark.parametrize(
    ("command", "status"), [("summarize", 401), ("summarize", 403), ("batch", 401), ("eval", 401)]
)
def test_an_endpoint_that_refuses_the_key_ends_the_run_at_once_with_exit_2(
    tmp_path: Path, command: str, status: int
) -> None:
    """No article can succeed: one line, exit 2, no article blamed, few requests made."""
    paths = [str(p) for p in articles(tmp_path / "in", 6)]
    out = tmp_path / "out.jsonl"
    given = {
        "summarize": paths,
        "batch": [*paths, "--out", str(out), "--jobs", "2"],
        "eval": [str(gold_file(tmp_path, [gold() | {"id": i} for i in "abcdef"]))],
    }[command]
    script = Script([], default=error(status, f"Incorrect API key provided: {ECHO_KEY}"))
    with scripted_server(script) as url:
        result = invoke(command, url, *given)
    assert result.exit_code == 2
    assert result.stderr == f"summarizer: error: {REFUSED[status]}\n"
    assert len(script.requests) <= 2  # the run ended; it did not try every article
    if command == "batch":
        assert failures(out) == []  # the articles are not at fault: the next run tries them


def test_a_server_that_echoes_the_key_never_gets_it_into_stderr_stores_or_logs(
    tmp_path: Path,
) -> None:
    """A real process with -v (every library's log lines on stderr): the server echoes the
    key in a 400, in five 500s and in an answer. Not a byte of it is printed or written."""
    paths = articles(tmp_path / "in", 3)
    answer = good()
    answer.body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = (
        f'{{"what": "", "added": ["Lyon", "{ECHO_KEY}"], "quotes": []}}'
    )
    faults = {
        0: error(400, f"no such key {ECHO_KEY}"),
        1: error(500, f"crashed on {ECHO_KEY}", **{"retry-after": "0"}),
        2: answer,
    }
    cache = tmp_path / "cache"
    store = tmp_path / "out.db"
    with scripted_server(Script([], choose=by_article(faults))) as url:
        run = subprocess.run(
            [sys.executable, "-m", "summarizer", "batch", *map(str, paths), "--out", str(store),
             "--base-url", url, "--model", "scripted", "-v"],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
            env=os.environ | {"SUMMARIZER_CACHE_DIR": str(cache), "OPENAI_API_KEY": KEY},
        )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert KEY not in run.stderr + run.stdout
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent.name != "in"]
    assert {p.name for p in written} >= {"out.db", "calls.sqlite3", "responses.sqlite3"}
    assert [p for p in written if KEY.encode() in p.read_bytes()] == []
    assert "[redacted]" in run.stderr  # it was echoed, and taken out
    assert "ERROR:instructor" in run.stderr  # -v: the libraries' lines were shown


def test_the_python_api_raises_model_error_for_a_refused_key(tmp_path: Path) -> None:
    paths = articles(tmp_path / "in", 3)
    script = Script([], default=error(401, f"Incorrect API key provided: {ECHO_KEY}"))
    with scripted_server(script) as url, pytest.raises(ModelError) as raised:
        summarize_many(paths, base_url=url, model="scripted", jobs=2)
    assert str(raised.value) == REFUSED[401]
    assert len(script.requests) <= 2
