"""A stand-in for llama.cpp's server in tests of the embedded server's lifetime: it serves
a script (tests/scripted_server.py) on the port it is given and ignores SIGTERM, as
llama.cpp's server does while an answer is in flight, so that only SIGKILL stops it.

    python tests/fake_llama_server.py PORT answer|hang STATE_DIR

It writes STATE_DIR/pid when it is up and STATE_DIR/asked at the first request. `answer`
answers every request with the summary of tests/test_batch.py; `hang` never answers
(a model generating for minutes).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.answers import ANSWER
from tests.scripted_server import Reply, Script, scripted_server, tool_call_reply


def command(mode: str, state: Path) -> Callable[[Path, str, int, int], list[str]]:
    """A stand-in for `summarizer.providers.server.llama_command` that runs this script."""

    def llama_command(_path: Path, _alias: str, port: int, _threads: int) -> list[str]:
        return [sys.executable, __file__, str(port), mode, str(state)]

    return llama_command


def main() -> None:
    port, mode, state = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    script = Script([], default=tool_call_reply(ANSWER) if mode == "answer" else Reply(delay=3600))
    with scripted_server(script, port):
        (state / "pid").write_text(str(os.getpid()))
        while not script.requests:
            time.sleep(0.02)
        (state / "asked").touch()
        while True:
            time.sleep(1)


if __name__ == "__main__":
    main()
