"""A batch killed at random moments (SIGKILL) and rerun loses nothing and duplicates
nothing; a second run on the same results never interleaves with the first.

The batch runs as a real process (`python -m summarizer batch`) against the loopback
server of tests/scripted_server.py answering hand-written summaries with a small latency.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.scripted_server import Script, scripted_server
from tests.test_batch import articles, good, read_results, target

ROOT = Path(__file__).resolve().parent.parent


def start_batch(url: str, inputs: Path, out: Path, *args: str) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "summarizer", "batch", str(inputs), "--out", target(out),
           "--base-url", url, "--model", "scripted", *args]  # fmt: skip
    return subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy()
    )


def count_records(out: Path) -> int:
    """Records written so far, read while a batch may be writing (so not parsed)."""
    if not out.exists():
        return 0
    if out.suffix == ".jsonl":
        return out.read_bytes().count(b"\n")
    if out.suffix == ".db":
        with contextlib.closing(sqlite3.connect(out, timeout=5)) as db:
            try:
                return int(db.execute("SELECT COUNT(*) FROM summaries").fetchone()[0])
            except sqlite3.OperationalError:  # no table yet
                return 0
    return len(list(out.glob("*.json")))


@pytest.mark.parametrize("kind", ["out.jsonl", "out.db", "out"], ids=["jsonl", "sqlite", "dir"])
def test_sigkill_at_random_points_then_rerun_keeps_every_article_exactly_once(
    tmp_path: Path, kind: str
) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    paths = articles(tmp_path / "in", 40)
    out = tmp_path / kind
    kills, written_before_kill = 0, []
    script = Script([], default=good(delay=0.03))
    with scripted_server(script) as url:
        for round_ in range(5):
            proc = start_batch(url, tmp_path / "in", out, "--jobs", "4", "--no-cache")
            if round_ == 0:  # once during start-up
                time.sleep(rng.uniform(0.1, 1.0))
            else:  # then while it works: after it has written a random number of records
                wanted = count_records(out) + rng.randint(1, 6)
                while count_records(out) < wanted and proc.poll() is None:
                    time.sleep(0.002)
                time.sleep(rng.uniform(0, 0.03))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
            written_before_kill.append(len(read_results(out)) if out.exists() else 0)
        final = start_batch(url, tmp_path / "in", out, "--jobs", "4")
        _, stderr = final.communicate(timeout=120)
    assert final.returncode == 0, (seed, stderr.decode())
    assert kills >= 3, f"seed {seed}: the runs ended before they could be killed"
    landed = [w for w in written_before_kill if 0 < w < len(paths)]
    assert landed, f"seed {seed}: no kill landed while records were being written"
    print(f"seed {seed}: {kills} kills, records after each: {written_before_kill}")
    results = read_results(out)  # every record parses: no half line, no half file
    hashes = [r["article"]["sha256"] for r in results]
    assert len(hashes) == len(set(hashes)) == len(paths), (seed, written_before_kill)
    assert written_before_kill == sorted(written_before_kill)  # nothing written was lost
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file survived"


def wait_for_a_request(script: Script) -> None:
    deadline = time.monotonic() + 30
    while not script.arrivals and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_second_run_on_the_same_results_waits_or_exits_never_interleaves(
    tmp_path: Path,
) -> None:
    articles(tmp_path / "in", 6)
    out = tmp_path / "out.jsonl"
    script = Script([], default=good(delay=0.4))
    with scripted_server(script) as url:
        first = start_batch(url, tmp_path / "in", out, "--no-cache")
        wait_for_a_request(script)  # then the first run holds the lock
        args = [str(tmp_path / "in"), "--out", str(out), "--base-url", url, "--model", "scripted"]
        refused = CliRunner().invoke(app, ["batch", *args])
        assert refused.exit_code == 75
        assert "another batch run is writing it" in refused.stderr
        waited = CliRunner().invoke(app, ["batch", *args, "--wait", "60"])
        assert first.wait(timeout=60) == 0
    assert waited.exit_code == 0, waited.stderr
    assert "0 done, 6 skipped (already done)" in waited.stderr
    assert len(script.requests) == 6  # only the first run asked the model
    assert len(read_results(out)) == 6


@pytest.mark.parametrize(
    ("name", "link"),
    [("out.jsonl", "symbolic"), ("out.jsonl", "hard"), ("out.db", "hard")],
    ids=["symbolic-link", "hard-link-jsonl", "hard-link-sqlite"],
)
def test_a_second_run_through_a_link_to_the_results_is_refused(
    tmp_path: Path, name: str, link: str
) -> None:
    """One lock per store, whatever name reaches it: its own file (device and inode), not
    a name beside it. Seen before, a run on s.jsonl and one on a symbolic link to it, and
    later one on a hard link in another directory, both ran and wrote every article."""
    articles(tmp_path / "in", 4)
    out = tmp_path / name
    other = tmp_path / "elsewhere" / name
    other.parent.mkdir()
    if link == "symbolic":
        other.symlink_to(out)
    else:
        out.touch()  # an empty store: SQLite makes its tables in it
        os.link(out, other)
    script = Script([], default=good(delay=0.4))
    with scripted_server(script) as url:
        first = start_batch(url, tmp_path / "in", out, "--no-cache")
        wait_for_a_request(script)  # then the first run holds the lock
        args = ["--base-url", url, "--model", "scripted", "--no-cache"]
        refused = CliRunner().invoke(
            app, ["batch", str(tmp_path / "in"), "--out", str(other), *args]
        )
        assert first.wait(timeout=60) == 0
    assert refused.exit_code == 75, refused.stderr
    assert "another batch run is writing it" in refused.stderr
    assert len(script.requests) == 4
    assert len(read_results(out)) == 4


def parse_workers_of(pid: int) -> set[int]:
    """The parse workers under `pid`, and their fork server (read from /proc)."""
    parent, found = {}, set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parent[int(stat.parent.name)] = int(fields[1])
            if b"forkserver" in (stat.parent / "cmdline").read_bytes():
                found.add(int(stat.parent.name))
    return {p for p in found if parent.get(p) == pid or parent.get(parent.get(p, 0)) == pid}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux's")
def test_parse_workers_die_with_a_killed_batch(tmp_path: Path) -> None:
    """Seen before the fix: every SIGKILLed batch left its parse workers (~150 MB each)
    waiting forever; a day of such runs filled the machine's memory."""
    articles(tmp_path / "in", 8)
    script = Script([], default=good(delay=3.0))
    with scripted_server(script) as url:
        batch = start_batch(
            url, tmp_path / "in", tmp_path / "out.jsonl", "--no-cache", "--jobs", "4"
        )
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:  # the server and a worker
            workers = parse_workers_of(batch.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the batch started no parse workers"
        batch.kill()
        batch.wait()
        deadline = time.monotonic() + 10
        while any(alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
    assert not any(alive(p) for p in workers)
