"""The embedded server process never outlives the CLI that started it, however the CLI
ends: normally, by Ctrl-C, by SIGTERM in the middle of an answer, or by SIGKILL.

The server is tests/fake_llama_server.py, which ignores SIGTERM as llama.cpp's server does
while it generates: seen before, a CLI ended by SIGTERM left the real one generating on
both cores for about 70 s. The CLI is the real command (`summarizer.cli.main`, signal
handling included) with the model's weights and llama.cpp's command line swapped for it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_batch import articles

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux's")

CLI = """
import sys
from pathlib import Path
from summarizer.providers import server
from tests.fake_llama_server import command
mode, state, article = sys.argv[1:4]
server.require_llama = lambda: None
server.assemble = lambda model: Path("no-weights.gguf")
server.llama_command = command(mode, Path(state))
sys.argv = ["summarizer", "summarize", article]
from summarizer.cli import main
main()
"""


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in "ZX"
    except (FileNotFoundError, ProcessLookupError):
        return False


def wait_for(path: Path, proc: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path.name} never came"
        time.sleep(0.02)


def start_cli(mode: str, tmp_path: Path) -> subprocess.Popen[str]:
    article = articles(tmp_path / "in", 1)[0]
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_BASE_URL", "OPENAI_API_KEY")}
    env |= {"HOME": str(tmp_path)}  # no user config: the embedded model it is
    return subprocess.Popen(
        [sys.executable, "-c", CLI, mode, str(tmp_path), str(article)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sig", "status"),
    [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)],
    ids=["SIGTERM", "Ctrl-C", "SIGKILL"],
)
def test_the_server_stops_at_once_when_the_cli_is_ended_mid_answer(
    tmp_path: Path, sig: signal.Signals, status: int
) -> None:
    cli = start_cli("hang", tmp_path)
    try:
        wait_for(tmp_path / "asked", cli)  # the model is generating
        server = int((tmp_path / "pid").read_text())
        ended = time.monotonic()
        cli.send_signal(sig)
        assert cli.wait(timeout=30) == status
        while alive(server) and time.monotonic() - ended < 30:
            time.sleep(0.05)
        # the grace is 2 s, then SIGKILL; without it, the fake would answer in an hour
        assert not alive(server), "the server outlived the CLI"
        assert time.monotonic() - ended < 15
    finally:
        cli.kill()
        if (tmp_path / "pid").exists() and alive(pid := int((tmp_path / "pid").read_text())):
            os.kill(pid, signal.SIGKILL)


def test_the_server_is_stopped_when_the_cli_is_done(tmp_path: Path) -> None:
    cli = start_cli("answer", tmp_path)
    out, err = cli.communicate(timeout=60)
    assert cli.returncode == 0, err
    assert '"Maria Hale"' in out
    assert not alive(int((tmp_path / "pid").read_text()))
