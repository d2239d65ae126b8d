"""`summarizer batch --engine ray` on a real local Ray cluster, which the command starts
for its run (2 CPUs here) and stops after it, against loopback servers that answer
hand-written summaries (tests/scripted_server.py): the answers are not the subject, the
distribution is. Nothing leaves 127.0.0.1: the cluster itself is started on it.

Each run is a real process (`python -m summarizer batch ... --engine ray`), as a user
starts it; timeouts are generous, since Ray starts a dozen processes on 2 shared cores.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from benchmarks.usage import descendants
from summarizer.cli import app
from summarizer.schema import Summary
from tests.conftest import SEED_000, assert_grounded
from tests.scripted_server import Reply, Script, scripted_server
from tests.test_batch import articles, batch, failures, good, read_results, target
from tests.test_batch_kill import alive, count_records

ROOT = Path(__file__).resolve().parent.parent
REFUSED = "rebuild 4 homes"  # the article whose requests the servers refuse (a 404)
NODE_IP = re.compile(rb"--node[-_]ip[-_]address=([0-9a-f.:]+)")  # on Ray's processes
RUN_SECONDS = 300  # a run on a loaded 2-core machine; typically 15-30 s


def start_ray_batch(
    urls: list[str], inputs: Path, out: Path, *args: str, stderr: int = subprocess.PIPE
) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "summarizer", "batch", str(inputs), "--out", target(out),
           "--base-url", ",".join(urls), "--model", "scripted", "--no-cache",
           "--engine", "ray", *args]  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr, text=True)


def ray_batch(urls: list[str], inputs: Path, out: Path, *args: str) -> tuple[int, str]:
    proc = start_ray_batch(urls, inputs, out, *args)
    _, stderr = proc.communicate(timeout=RUN_SECONDS)
    return proc.returncode, stderr


def read_until_closed(fd: int, seconds: float) -> bytes:
    """All a pseudo-terminal's other side writes, until every process holding it has
    closed it (Linux then fails the read with EIO), or `seconds` have passed."""
    shown, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 1.0)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: closed
                break
            if not chunk:
                break
            shown += chunk
    return shown


def refusing(request: dict[str, Any]) -> Reply | None:
    """A 404 for one article's requests, wherever they are sent: a lasting model error."""
    if REFUSED in json.dumps(request, ensure_ascii=False):
        return Reply(404, {"error": {"message": "no model"}})
    return None


def without_timing(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Summaries by key, less the one field that differs from run to run."""
    for r in results:
        del r["meta"]["seconds"]
    return {r["article"]["sha256"]: r for r in results}


@pytest.mark.parametrize("kind", ["out.jsonl", "out.db", "out"], ids=["jsonl", "sqlite", "dir"])
def test_ray_writes_what_batch_writes_once_each_and_a_rerun_skips_it(
    tmp_path: Path, kind: str
) -> None:
    """The same summaries as `batch` (the same keys, records and failures with their
    reasons), across a fleet of two servers, each article once; then nothing is redone."""
    inputs = tmp_path / "in"
    paths = articles(inputs, 8)
    (inputs / "copy.txt").write_text(paths[1].read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_text("  \n", encoding="utf-8")
    by_batch, by_ray = tmp_path / "batch" / kind, tmp_path / "ray" / kind
    scripts = [Script([], default=good(delay=0.05), choose=refusing) for _ in range(2)]
    with scripted_server(scripts[0]) as one, scripted_server(scripts[1]) as two:
        expected = batch(one, str(inputs), "--out", target(by_batch), "--no-cache", "--jobs", "4")
        asked = len(scripts[0].requests)
        code, stderr = ray_batch([one, two], inputs, by_ray, "--jobs", "4")
        assert code == 1, stderr  # one article failed, as in batch
        assert "7 done, 1 skipped (already done), 2 failed" in stderr, stderr
        assert expected.exit_code == 1
        assert "7 done, 1 skipped (already done), 2 failed" in expected.stderr
        assert len(scripts[0].requests) > asked  # both servers of the fleet were asked
        assert scripts[1].requests
        again, stderr = ray_batch([one, two], inputs, by_ray)
    assert again == 1, stderr  # the refused article is tried again, and fails again
    assert "0 done, 8 skipped (already done), 2 failed" in stderr, stderr
    assert without_timing(read_results(by_ray)) == without_timing(read_results(by_batch))
    assert len(read_results(by_ray)) == 7  # 8 articles, one refused, one copy: once
    reasons = {f["source"].rsplit("/", 1)[-1]: f["reason"] for f in failures(by_ray)}
    assert set(reasons) == {"empty.txt", "a004.txt"}
    assert reasons["a004.txt"].startswith("model error: ")
    assert {f["source"] for f in failures(by_batch)} == {f["source"] for f in failures(by_ray)}


def test_a_run_on_a_terminal_counts_the_articles_on_a_progress_bar(tmp_path: Path) -> None:
    """As `batch` does, a run on a terminal shows how many articles are done (it showed
    nothing until its last line), and nothing but its own lines (Ray's core wrote a line
    of its log there as it started); its stderr is a pseudo-terminal, as a user's is."""
    articles(tmp_path / "in", 4)
    main, side = pty.openpty()
    try:
        with scripted_server(Script([], default=good(delay=0.3))) as url:
            proc = start_ray_batch([url], tmp_path / "in", tmp_path / "out.jsonl", stderr=side)
            os.close(side)
            shown = read_until_closed(main, RUN_SECONDS)
            assert proc.wait(timeout=60) == 0, shown
    finally:
        os.close(main)
    plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", shown)  # the terminal's controls
    assert re.search(rb"batch\W.*\b[0-4]/4\b", plain), shown  # the bar, with its count
    lines = [line for line in re.split(rb"[\r\n]", plain) if line.strip()]
    assert all(line.startswith(b"batch") for line in lines), shown  # nothing of Ray's log
    assert b"4 done, 0 skipped (already done), 0 failed" in lines[-1]
    assert len(read_results(tmp_path / "out.jsonl")) == 4


def workers_of(pid: int) -> list[int]:
    """The Ray workers that summarise for the run of process `pid` (its descendants whose
    title names `ArticleWorker`), read from /proc."""
    return [child for child in descendants(pid) if b"ArticleWorker" in cmdline(child)]


def cmdline(pid: int) -> bytes:
    return _proc(pid, "cmdline")


def environ(pid: int) -> bytes:
    return _proc(pid, "environ")


def _proc(pid: int, name: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes()
    except OSError:  # it ended meanwhile
        return b""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    """SIGKILL one of the two workers while answers are being written: Ray starts it again
    and retries its calls; what they send again is dropped by key. Every article is in
    the store exactly once at the end of the same run, and nothing is recorded as failed."""
    paths = articles(tmp_path / "in", 40)
    out = tmp_path / "out.jsonl"
    script = Script([], default=good(delay=0.3))
    with scripted_server(script) as url:
        proc = start_ray_batch([url], tmp_path / "in", out, "--jobs", "8")
        deadline = time.monotonic() + RUN_SECONDS
        while count_records(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        victims = workers_of(proc.pid)
        assert victims, "no worker found to kill"
        addresses = {a for p in descendants(proc.pid) for a in NODE_IP.findall(cmdline(p))}
        written = count_records(out)
        os.kill(victims[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=RUN_SECONDS)
    assert not alive(victims[0])
    # The cluster is on loopback only: Ray put this machine's network address there before.
    assert addresses == {b"127.0.0.1"}
    assert 0 < written < len(paths), "the kill did not land mid-run"
    assert len(script.requests) > len(paths), "no article of the killed worker was redone"
    assert proc.returncode == 0, stderr
    hashes = [r["article"]["sha256"] for r in read_results(out)]
    assert len(hashes) == len(set(hashes)) == len(paths)
    assert failures(out) == []
    assert "40 done, 0 skipped (already done), 0 failed" in stderr


BLOCK_RAY = """
import runpy, sys
class NoRay:
    def find_spec(self, name, path=None, target=None):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(f"No module named {name!r}")
        return None
sys.meta_path.insert(0, NoRay())
sys.argv = ["summarizer", *sys.argv[1:]]
runpy.run_module("summarizer", run_name="__main__")
"""


def test_without_ray_the_engine_is_a_one_line_error_naming_the_extra(tmp_path: Path) -> None:
    articles(tmp_path / "in", 1)
    run = subprocess.run(
        [sys.executable, "-c", BLOCK_RAY, "batch", str(tmp_path / "in"), "--out",
         str(tmp_path / "o.jsonl"), "--base-url", "http://127.0.0.1:9/v1", "--model", "m",
         "--engine", "ray"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "summarizer: error: --engine ray needs Ray, which is not installed: "
        "pip install 'summarizer[ray]'"
    ]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--address", "auto"], "--address is for --engine ray"),
        (["--engine", "ray", "--provider-batch"], "it takes no --engine ray"),
        (["--engine", "ray", "-"], "standard input ('-') is not one"),
        (["--base-url", "http://127.0.0.1:9/v1,http://127.0.0.1:8/v1"], "are for --engine ray"),
    ],
    ids=["address-alone", "provider-batch", "stdin", "fleet-without-ray"],
)
def test_engine_options_that_do_not_go_together_are_usage_errors(
    tmp_path: Path, args: list[str], said: str
) -> None:
    articles(tmp_path / "in", 1)
    result = CliRunner().invoke(
        app,
        ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"),
         "--base-url", "http://127.0.0.1:9/v1", "--model", "m", *args],
    )  # fmt: skip
    assert result.exit_code == 2
    assert said in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.live
def test_the_embedded_model_runs_on_the_node_s_worker(tmp_path: Path) -> None:
    """No endpoint: the node's worker starts the embedded model's server, holding the
    node's CPUs, summarises on it, and the server ends with the run (`make smoke`)."""
    (tmp_path / "in").mkdir()
    seed = ROOT / "seeds" / f"{SEED_000}.txt"
    (tmp_path / "in" / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["TEST_RUN_MARK"] = str(tmp_path)  # inherited by the run's processes, and only by them
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "batch", str(tmp_path / "in"), "--out",
         str(tmp_path / "out.jsonl"), "--engine", "ray", "--no-cache"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=1800, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (result,) = read_results(tmp_path / "out.jsonl")
    summary = Summary.model_validate(result)
    assert_grounded(seed.read_text(encoding="utf-8"), summary)
    assert summary.meta.provider == "local"
    mark = f"TEST_RUN_MARK={tmp_path}".encode()
    left = [p for p in descendants(1) if b"llama_cpp.server" in cmdline(p) and mark in environ(p)]
    assert left == [], "the model server outlived the run"
