"""The embedded model: llama-cpp-python's OpenAI-compatible server on a loopback port.

Running the local model behind the same HTTP API as any remote endpoint keeps one code
path (and lets tests record and replay it). The server is started on a free port, polled
until it answers, and stopped when the context manager exits, whatever happened.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.providers.models import LocalModel, ModelError, assemble

CONTEXT_TOKENS = 8192
PR_SET_PDEATHSIG = 1
STARTUP_SECONDS = 120.0


@dataclass(frozen=True)
class LocalServer:
    """A running server: its base URL and the model name it answers to."""

    base_url: str
    model: str
    log: Path


def _die_with_parent() -> None:
    """In the server process (Linux): get SIGTERM when the CLI that started it dies, even by
    SIGKILL, so no orphaned model keeps a CPU busy."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            raise ModelError(f"the local model server exited at start: {' | '.join(tail)}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/models", timeout=2):
            return
        time.sleep(0.25)
    raise ModelError(f"the local model server did not answer within {STARTUP_SECONDS:.0f} s")


@contextlib.contextmanager
def local_server(model: LocalModel, threads: int | None = None) -> Iterator[LocalServer]:
    """Start the server for `model` (assembling its weights first) and stop it on exit."""
    try:
        import llama_cpp.server  # noqa: F401  - only to fail early with a clear message
    except ImportError:
        raise ModelError(
            "the embedded model needs llama-cpp-python: install summarizer with the 'local' "
            "extra (see README, `make setup`)"
        ) from None
    path = assemble(model)
    port = free_port()
    threads = threads or os.cpu_count() or 1
    log = Path(tempfile.gettempdir()) / f"summarizer-server-{port}.log"
    cmd = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(path), "--model_alias", model.name,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(CONTEXT_TOKENS),
        "--n_threads", str(threads), "--n_threads_batch", str(threads),
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_until_up(url, proc, log)
        yield LocalServer(base_url=url, model=model.name, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
