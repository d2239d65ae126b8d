"""The embedded model: llama-cpp-python's OpenAI-compatible server on a loopback port.

Running the local model behind the same HTTP API as any remote endpoint keeps one code
path (and lets tests record and replay it). The server is started on a free port, polled
until it answers, and stopped when the context manager exits, whatever happened: SIGTERM,
two seconds' grace, SIGKILL. If our process dies without cleaning up, the kernel kills it.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.lifetime import die_with_parent
from summarizer.providers.models import LocalModel, ModelError, assemble

CONTEXT_TOKENS = 8192
STARTUP_SECONDS = 120.0
STOP_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class LocalServer:
    """A running server: its base URL and the model name it answers to."""

    base_url: str
    model: str
    log: Path


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


def stop(proc: subprocess.Popen[bytes], grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM, `grace` seconds to exit, then SIGKILL: an answer nobody will read is not
    worth waiting for."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def server_process(cmd: list[str], url: str, log: Path) -> Iterator[None]:
    """Run `cmd` (a server that will answer at `url`) until it answers; stop it on exit,
    whatever happened (an error, Ctrl-C, SIGTERM turned into SystemExit by the CLI)."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # SIGKILL, not SIGTERM, when we die: on SIGTERM llama.cpp's server first finishes
            # the answer in flight (70 s seen), on every core.
            preexec_fn=die_with_parent if sys.platform == "linux" else None,
        )
    try:
        _wait_until_up(url, proc, log)
        yield
    finally:
        stop(proc)


# llama.cpp built for any x86-64-v3 CPU, as the Makefile builds it (LLAMA_CMAKE_ARGS): a
# native build enables AMX where the CPU has it, and crashes where the OS does not grant it.
SAFE_CMAKE_ARGS = (
    "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
)


def llama_install_command() -> str:
    """How to install what the installed package's `local` extra asks of llama-cpp-python,
    with the safe build flags: a step that works from the wheel, without the checkout."""
    try:
        wanted = importlib.metadata.requires("summarizer") or []
    except importlib.metadata.PackageNotFoundError:
        wanted = []
    extra = [r.split(";")[0].strip() for r in wanted if r.startswith("llama-cpp-python")]
    requirement = extra[0] if extra else "llama-cpp-python[server]"
    return f"CMAKE_ARGS='{SAFE_CMAKE_ARGS}' pip install '{requirement}'"


def require_llama() -> None:
    """Fail early, with what to do, when llama-cpp-python is not installed."""
    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        raise ModelError(
            "the embedded model needs llama-cpp-python (the 'local' extra; no binary wheel, "
            f"so pip builds it: about 10 minutes): {llama_install_command()}; or call a "
            "server with --base-url and --model"
        ) from None


def llama_command(path: Path, alias: str, port: int, threads: int) -> list[str]:
    """The command line of llama-cpp-python's OpenAI-compatible server for one model."""
    return [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(path), "--model_alias", alias,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(CONTEXT_TOKENS),
        "--n_threads", str(threads), "--n_threads_batch", str(threads),
    ]  # fmt: skip


@contextlib.contextmanager
def local_server(model: LocalModel, threads: int | None = None) -> Iterator[LocalServer]:
    """Start the server for `model` (assembling its weights first) and stop it on exit."""
    require_llama()
    path = assemble(model)
    port = free_port()
    log = Path(tempfile.gettempdir()) / f"summarizer-server-{port}.log"
    url = f"http://127.0.0.1:{port}/v1"
    cmd = llama_command(path, model.name, port, threads or os.cpu_count() or 1)
    with server_process(cmd, url, log):
        yield LocalServer(base_url=url, model=model.name, log=log)
