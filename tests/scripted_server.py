"""A loopback HTTP server that speaks the OpenAI chat API from a script, and misbehaves
on demand.

Each POST to /v1/chat/completions takes the next step of the script: a hand-written
response (status, headers, body), or "forward" to pass the request on to a real model
server (to record a real answer after a scripted one); when the script is used up, the
`default` step answers every request. A step can also be a fault: a delay (a hang past the
client's timeout), a dropped connection, a body that is not JSON, or a body that echoes the
request's Authorization header (`ECHO_KEY`, as some servers do). Tests use it to drive
a specific path (a hallucinated first answer, a 429 before a real one) and to inject real
faults into batch runs; benchmarks/batch.py uses it as a server with a fixed latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FORWARD = "forward"
# In a reply's body: replaced by the key the request sent (its Authorization header, less
# "Bearer "), as a server that echoes what it refused.
ECHO_KEY = "{echo-key}"


@dataclass
class Reply:
    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drop: bool = False  # close the connection without an answer
    raw: bytes | None = None  # send these bytes as the body instead of `body` as JSON


def tool_call_reply(
    arguments: dict[str, Any] | str,
    name: str = "Picks",
    finish_reason: str = "tool_calls",
    completion_tokens: int = 0,
) -> Reply:
    """A chat completion whose answer is a call of the tool `name` with `arguments` (a
    string: sent as it is, e.g. cut off mid-JSON)."""
    if not isinstance(arguments, str):
        arguments = json.dumps(arguments)
    return Reply(
        body={
            "id": "chatcmpl-scripted",
            "object": "chat.completion",
            "created": 0,
            "model": "scripted",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": "call_scripted",
                                "type": "function",
                                "function": {"name": name, "arguments": arguments},
                            }
                        ],
                    },
                }
            ],
            "usage": {
                "prompt_tokens": 0,
                "completion_tokens": completion_tokens,
                "total_tokens": completion_tokens,
            },
        }
    )


@dataclass
class Script:
    steps: list[Reply | str]
    forward_to: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)  # time.monotonic() of each request
    default: Reply | None = None
    # Chooses the reply from the request (None: the script's next step): a fault that
    # follows an article, however many are in flight.
    choose: Callable[[dict[str, Any]], Reply | None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_step(self, request: dict[str, Any]) -> Reply | str:
        with self.lock:
            self.requests.append(request)
            self.arrivals.append(time.monotonic())
            if self.choose is not None and (chosen := self.choose(request)) is not None:
                return chosen
            if self.steps:
                return self.steps.pop(0)
        return self.default or Reply(500, {"error": "script ended"})


def _handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            self._send(Reply(body={"object": "list", "data": [{"id": "scripted"}]}))

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("content-length", 0)))
            step = script.next_step(json.loads(raw or b"{}"))
            if step == FORWARD:
                assert script.forward_to, "forwarding needs a real server"
                req = urllib.request.Request(
                    script.forward_to + self.path.removeprefix("/v1"),
                    data=raw,
                    headers={"content-type": "application/json"},
                )
                with urllib.request.urlopen(req, timeout=600) as resp:
                    step = Reply(resp.status, json.loads(resp.read()))
            assert isinstance(step, Reply)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client killed
                self._send(step)

        def _send(self, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.drop:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
            key = self.headers.get("authorization", "").removeprefix("Bearer ")
            data = data.replace(ECHO_KEY.encode(), key.encode())
            self.send_response(reply.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many clients in flight at once (benchmarks/batch.py)


@contextmanager
def scripted_server(script: Script, port: int = 0) -> Iterator[str]:
    """Serve `script` on a loopback port (a free one by default); yield its base URL."""
    with serving(_handler(script), port) as url:
        yield url


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler], port: int = 0) -> Iterator[str]:
    """Serve `handler` on a loopback port (a free one by default); yield the base URL."""
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


async def _fixed_latency(reply: Reply, port_ready: asyncio.Future[int]) -> None:
    """A minimal asyncio HTTP/1.1 server (keep-alive) that answers every POST with `reply`
    after `reply.delay`: thousands in flight cost it almost no CPU, unlike a thread each."""
    body = json.dumps(reply.body).encode()
    head = (
        f"HTTP/1.1 {reply.status} OK\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    ).encode()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while True:
                headers = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in headers.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                await asyncio.sleep(reply.delay)
                writer.write(head + body)
                await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port_ready.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


def main() -> None:
    """Serve one answer to every request after a fixed delay, in a process of its own
    (benchmarks/batch.py: the server must cost the client nothing)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--answer", default="{}", help="the tool call's arguments, as JSON")
    args = parser.parse_args()
    reply = tool_call_reply(json.loads(args.answer))
    reply.delay = args.delay

    async def serve() -> None:
        ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(_fixed_latency(reply, ready))
        print(f"http://127.0.0.1:{await ready}/v1", flush=True)
        await task

    asyncio.run(serve())


if __name__ == "__main__":
    main()
