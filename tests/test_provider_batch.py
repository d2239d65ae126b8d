"""`summarizer batch --provider-batch` against a fake Batch API on loopback
(tests/fake_batch_api.py): upload, create, poll, results; a failed request line, a batch
that expires with part of its answers, a run killed between submission and results, and
a cron run that finds the batch still running.

The model's answers are tests/test_batch.py's hand-written ANSWER (this is about the
Batch API's protocol and the store's exactly-once rule, not the model), filled into the
answer schema each request sends.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from summarizer.batch import provider_batch
from summarizer.batch.provider_batch import state_path
from summarizer.batch.runner import run_batch
from summarizer.cli import app
from summarizer.config import Settings
from summarizer.inputs import read_article
from summarizer.pipeline.options import Options
from summarizer.run import RunOptions
from tests.answers import ANSWER
from tests.conftest import ROOT
from tests.fake_batch_api import EXPIRED, SERVER_ERROR, FakeBatchApi, Plan, fake_batch_api
from tests.test_batch import articles, failures, out, read_results, target
from tests.test_batch_kill import count_records

__all__ = ["out"]  # the store-kind fixture, shared with tests/test_batch.py


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    """Poll every 50 ms in this process (the fake's batches end after a few reads)."""
    monkeypatch.setattr(provider_batch, "POLL_FIRST", 0.05)


def run(url: str, inputs: Path, out: str, *args: str) -> Any:
    return CliRunner().invoke(
        app,
        ["batch", str(inputs), "--out", out, "--base-url", url, "--model", "scripted", *args],
    )


def provider_run(url: str, inputs: Path, out: str, *args: str) -> Any:
    return run(url, inputs, out, "--provider-batch", *args)


def start(url: str, inputs: Path, out: Path) -> subprocess.Popen[bytes]:
    """`batch --provider-batch` as a process of its own, waiting up to 10 minutes."""
    cmd = [sys.executable, "-m", "summarizer", "batch", str(inputs), "--out", str(out),
           "--base-url", url, "--model", "scripted", "--provider-batch", "--wait", "600"]  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, env=os.environ.copy())


def sha(path: Path) -> str:
    return read_article(str(path)).sha256


def without_timing(summary: dict[str, Any]) -> dict[str, Any]:
    return summary | {"meta": {k: v for k, v in summary["meta"].items() if k != "seconds"}}


def test_a_batch_is_submitted_once_polled_to_its_end_and_each_answer_stored_once(
    tmp_path: Path, out: Path
) -> None:
    paths = articles(tmp_path / "in", 3)
    api = FakeBatchApi(ANSWER)
    with fake_batch_api(api) as url:
        result = provider_run(url, tmp_path / "in", target(out), "--wait", "30")
        assert result.exit_code == 0, result.stderr
        assert "3 done, 0 skipped (already done), 0 failed" in result.stderr
        assert api.count("POST", "/v1/files") == api.count("POST", "/v1/batches") == 1
        assert api.count("GET", "/v1/batches/batch-1") == 3  # validating, in_progress, completed
        assert api.problems == []
        [lines] = api.uploaded()
        assert [line["custom_id"] for line in lines] == [f"{sha(p)}:0" for p in paths]
        assert not state_path(target(out)).exists()  # collected: nothing left to resume
        # The answers are in the response cache: `batch` on the same endpoint asks nothing,
        # and writes the same summaries.
        cached = run(url, tmp_path / "in", str(tmp_path / "cached.jsonl"))
        assert cached.exit_code == 0, cached.stderr
        assert api.chat == []
        # Without the cache, `batch` sends exactly the requests the batch held.
        run(url, tmp_path / "in", str(tmp_path / "direct.jsonl"), "--no-cache")
        assert api.chat == [line["body"] for line in lines]
    results = read_results(out)
    assert sorted(r["article"]["sha256"] for r in results) == sorted(sha(p) for p in paths)
    for r in results:
        text = read_article(r["article"]["source"]).text
        assert [w["text"] for w in r["who"]] == ["Maria Hale"]
        assert [(w["text"], text[w["start"] : w["end"]]) for w in r["where"]] == [("Lyon", "Lyon")]
    by_sha = {r["article"]["sha256"]: without_timing(r) for r in results}
    direct = read_results(tmp_path / "cached.jsonl")
    assert {r["article"]["sha256"]: without_timing(r) for r in direct} == by_sha


def test_a_failed_request_line_is_recorded_and_only_it_is_submitted_again(tmp_path: Path) -> None:
    paths = articles(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER, Plan(failing={f"{sha(paths[1])}:0"}))
    with fake_batch_api(api) as url:
        first = provider_run(url, tmp_path / "in", str(out), "--wait", "30")
        assert first.exit_code == 1, first.stderr
        assert "2 done, 0 skipped (already done), 1 failed" in first.stderr
        assert [(f["sha256"], f["source"], f["reason"]) for f in failures(out)] == [
            (sha(paths[1]), str(paths[1]), f"batch batch-1: HTTP 500: {SERVER_ERROR}")
        ]
        api.plan = Plan()  # the provider answers it now
        second = provider_run(url, tmp_path / "in", str(out), "--wait", "30")
        assert second.exit_code == 0, second.stderr
        assert "1 done, 2 skipped (already done), 0 failed" in second.stderr
        assert [[line["custom_id"] for line in f] for f in api.uploaded()][1] == [
            f"{sha(paths[1])}:0"
        ]
    assert sorted(r["article"]["sha256"] for r in read_results(out)) == sorted(map(sha, paths))
    assert failures(out) == []


@pytest.mark.parametrize("listed", [True, False], ids=["error-lines", "no-lines"])
def test_an_expired_batch_keeps_what_came_and_fails_the_rest_with_the_reason(
    tmp_path: Path, listed: bool
) -> None:
    """The Batch API lists what an expired batch did not run in its error file; a result
    missing from both files fails too, with the batch's status as the reason."""
    paths = articles(tmp_path / "in", 4)
    out = tmp_path / "out.db"
    api = FakeBatchApi(ANSWER, Plan(end="expired", answered=2, error_lines=listed))
    with fake_batch_api(api) as url:
        first = provider_run(url, tmp_path / "in", str(out), "--wait", "30")
        assert first.exit_code == 1, first.stderr
        assert "2 done, 0 skipped (already done), 2 failed" in first.stderr
        assert sorted(r["article"]["sha256"] for r in read_results(out)) == sorted(
            map(sha, paths[:2])
        )
        why = f"batch batch-1: batch_expired: {EXPIRED}" if listed else (
            "batch batch-1 expired without an answer to it"
        )  # fmt: skip
        assert sorted((f["sha256"], f["reason"]) for f in failures(out)) == sorted(
            (sha(p), why) for p in paths[2:]
        )
        api.plan = Plan()
        second = provider_run(url, tmp_path / "in", str(out), "--wait", "30")
        assert second.exit_code == 0, second.stderr
        resubmitted = [line["custom_id"] for line in api.uploaded()[1]]
        assert resubmitted == [f"{sha(p)}:0" for p in paths[2:]]
    hashes = [r["article"]["sha256"] for r in read_results(out)]
    assert sorted(hashes) == sorted(map(sha, paths))


def test_a_cron_run_finds_the_batch_still_running_exits_75_and_never_submits_again(
    tmp_path: Path,
) -> None:
    articles(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER, Plan(release=threading.Event()))
    with fake_batch_api(api) as url:
        for _ in range(2):
            busy = provider_run(url, tmp_path / "in", str(out))
            assert busy.exit_code == 75, busy.stderr
            line = busy.stderr.splitlines()[-1]
            assert "batch-1 is " in line
            assert str(state_path(str(out))) in line
            assert not out.exists() or read_results(out) == []
        assert api.count("POST", "/v1/batches") == 1
        elsewhere = CliRunner().invoke(app, ["batch", str(tmp_path / "in"), "--out", str(out),
                                             "--base-url", url, "--model", "other",
                                             "--provider-batch"])  # fmt: skip
        assert elsewhere.exit_code == 2  # its batch is not another model's to poll
        assert elsewhere.stderr.splitlines() == [
            f"summarizer: error: {state_path(str(out))}: its batches were submitted to {url} "
            "for model scripted; run with those, or remove the file to abandon them"
        ]
        api.release()
        done = provider_run(url, tmp_path / "in", str(out))
    assert done.exit_code == 0, done.stderr
    assert "2 done, 0 skipped (already done), 0 failed" in done.stderr
    assert api.count("POST", "/v1/batches") == 1
    assert len(read_results(out)) == 2


def test_a_run_killed_after_submitting_is_picked_up_by_the_next_without_a_second_batch(
    tmp_path: Path,
) -> None:
    paths = articles(tmp_path / "in", 5)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER, Plan(release=threading.Event()))
    state = state_path(str(out))
    with fake_batch_api(api) as url:
        proc = start(url, tmp_path / "in", out)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if state.exists() and json.loads(state.read_text())["batches"][0]["batch_id"]:
                break
            time.sleep(0.05)
        while api.count("GET", "/v1/batches/batch-1") < 3 and proc.poll() is None:
            time.sleep(0.05)  # polling it, as a run waits for a day's batch
        assert proc.poll() is None, proc.communicate()[1].decode()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert not out.exists() or read_results(out) == []
        api.release()
        rerun = provider_run(url, tmp_path / "in", str(out))
    assert rerun.exit_code == 0, rerun.stderr
    assert "5 done, 0 skipped (already done), 0 failed" in rerun.stderr
    assert api.count("POST", "/v1/batches") == 1
    hashes = [r["article"]["sha256"] for r in read_results(out)]
    assert sorted(hashes) == sorted(map(sha, paths))
    assert not state.exists()


def test_a_batch_whose_creation_went_unrecorded_is_found_not_made_again(tmp_path: Path) -> None:
    """A kill between POST /v1/batches and writing its id leaves the uploaded file's id
    alone in the state file: the next run asks the provider for the batch made of it."""
    articles(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER, Plan(release=threading.Event()))
    state = state_path(str(out))
    with fake_batch_api(api) as url:
        assert provider_run(url, tmp_path / "in", str(out)).exit_code == 75
        kept = json.loads(state.read_text())
        kept["batches"][0]["batch_id"] = None  # as a kill in that moment leaves it
        state.write_text(json.dumps(kept))
        api.release()
        done = provider_run(url, tmp_path / "in", str(out), "--wait", "30")
    assert done.exit_code == 0, done.stderr
    assert api.count("GET", "/v1/batches") == 1  # looked for it
    assert api.count("POST", "/v1/batches") == 1  # and did not make another
    assert len(read_results(out)) == 2


def test_a_batch_that_could_not_be_made_is_made_by_the_next_run(tmp_path: Path) -> None:
    articles(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER, Plan(refuse_create=True))
    with fake_batch_api(api) as url:
        refused = provider_run(url, tmp_path / "in", str(out))
        assert refused.exit_code == 2
        assert refused.stderr.splitlines() == [
            f"summarizer: error: Batch API at {url}: creating the batch: HTTP 500: "
            "the batch service is down"
        ]
        api.plan = Plan()
        done = provider_run(url, tmp_path / "in", str(out), "--wait", "30")
    assert done.exit_code == 0, done.stderr
    assert api.count("POST", "/v1/files") == 1  # the file uploaded before is used
    assert api.count("POST", "/v1/batches") == 2  # the refused call, then the batch
    assert len(read_results(out)) == 2


@pytest.mark.parametrize("model", [[], ["--model", "none"]], ids=["embedded", "none"])
def test_without_a_remote_model_it_is_a_one_line_usage_error(
    tmp_path: Path, model: list[str]
) -> None:
    articles(tmp_path / "in", 1)
    args = ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"), "--provider-batch"]
    result = CliRunner().invoke(app, [*args, *model])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "--provider-batch needs a remote model" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_batches_are_split_at_the_api_bounds_keeping_each_articles_chunks_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long article is asked for its opening (chunk 0) and for a quote with no speaker
    in a later chunk; its two requests go in one input file even at the file's bound."""
    monkeypatch.setattr(provider_batch, "MAX_REQUESTS", 2)
    paths = articles(tmp_path / "in", 3)
    long = tmp_path / "in" / "long.txt"
    filler = "The river rose overnight and the old bridge was closed to traffic. " * 3
    long.write_text(
        f"Maria Hale spoke in Lyon.\n\n{filler}\n\n{filler}\n\n"
        "“The water is rising fast and nobody told us.”\n",
        encoding="utf-8",
    )
    options = RunOptions(article=Options(chunk_chars=240))
    api = FakeBatchApi(ANSWER)
    console = Console(stderr=True)
    with fake_batch_api(api) as url:
        settings = Settings(base_url=url, model="scripted")
        report = run_batch(
            [str(p) for p in [long, *paths]], str(tmp_path / "out.jsonl"), settings,
            options, None, console, wait=30, provider_batch=True,
        )  # fmt: skip
        direct = run_batch(
            [str(long)], str(tmp_path / "direct.jsonl"), settings, options, None, console
        )
    assert (report.done, report.failed, direct.done) == (4, [], 1)
    files = [[line["custom_id"] for line in f] for f in api.uploaded()]
    chunks = [c for c in files[0] if c.startswith(sha(long))]
    assert len(chunks) == 2  # the opening, and the quote's chunk
    assert chunks[0] == f"{sha(long)}:0"
    assert files == [chunks, [f"{sha(p)}:0" for p in paths[:2]], [f"{sha(paths[2])}:0"]]
    assert api.count("POST", "/v1/batches") == 3
    results = read_results(tmp_path / "out.jsonl")
    assert sorted(r["article"]["sha256"] for r in results) == sorted(map(sha, [long, *paths]))
    [summary] = [r for r in results if r["article"]["sha256"] == sha(long)]
    [alone] = read_results(tmp_path / "direct.jsonl")
    assert without_timing(summary) == without_timing(alone)  # as `batch` writes it


def test_no_re_ask_is_sent_the_refusal_stays_in_the_summary(tmp_path: Path) -> None:
    """A re-ask would be a second batch a day later: with --max-attempts 3 each article is
    still one request, and what its answer got wrong stays refused, with the reason."""
    paths = articles(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER | {"added": ["Lyon", "Paris"]})  # no Paris in the articles
    with fake_batch_api(api) as url:
        result = provider_run(url, tmp_path / "in", str(out), "--max-attempts", "3", "--wait", "30")
    assert result.exit_code == 0, result.stderr
    assert "one request per chunk" in result.stderr
    assert [[line["custom_id"] for line in f] for f in api.uploaded()] == [
        [f"{sha(p)}:0" for p in paths]
    ]
    for summary in read_results(out):
        assert summary["meta"]["attempts"] == 1
        assert [r["item"]["text"] for r in summary["rejected"]] == ["Paris"]


def test_a_run_killed_while_it_stores_the_answers_loses_and_duplicates_nothing(
    tmp_path: Path,
) -> None:
    """Killed between two records of the collection: the batch id is still kept, and the
    next run reads the same results again, storing only what is not stored yet."""
    paths = articles(tmp_path / "in", 30)
    out = tmp_path / "out.jsonl"
    api = FakeBatchApi(ANSWER, Plan(before=[]))
    with fake_batch_api(api) as url:
        proc = start(url, tmp_path / "in", out)
        deadline = time.monotonic() + 120
        while count_records(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, proc.communicate()[1].decode()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored = len(read_results(out))
        assert 0 < stored < len(paths)
        assert state_path(str(out)).exists()
        rerun = provider_run(url, tmp_path / "in", str(out))
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{len(paths) - stored} done, {stored} skipped (already done), 0 failed" in rerun.stderr
    assert api.count("POST", "/v1/batches") == 1
    hashes = [r["article"]["sha256"] for r in read_results(out)]
    assert sorted(hashes) == sorted(map(sha, paths))
