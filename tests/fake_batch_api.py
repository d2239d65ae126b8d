"""A loopback stand-in for OpenAI's Batch API: files (upload, content) and batches (create,
retrieve, list) and chat completions, with batches that go validating → in_progress → completed, or expire
with part of their answers, or answer some requests with an error.

Each request in an uploaded file is checked as the Batch API checks it (a JSON line with
a unique custom_id, POST to the batch's endpoint, a body with a model) and answered as a
model would: a call of the tool the request names, whose arguments are the required
fields of the tool's schema as the request sent it, filled from tests/test_batch.py's
ANSWER (a field it does not know fails the test: the schema changed under it). Every call
is recorded, so a test can count the batches made.
"""

from __future__ import annotations

import contextlib
import email.parser
import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlparse

from tests.scripted_server import serving, tool_call_reply

EXPIRED = "This request could not be executed before the completion window expired."
SERVER_ERROR = "The server had an error while processing your request."


@dataclass
class Plan:
    """How every batch goes: the statuses its first reads show, whether it then waits for
    `release`, and how it ends (`expired` answers only the first `answered` requests);
    `failing`: custom_ids answered with an HTTP 500 error line."""

    before: list[str] = field(default_factory=lambda: ["validating", "in_progress"])
    release: threading.Event | None = None
    end: str = "completed"
    answered: int | None = None
    failing: set[str] = field(default_factory=set)
    error_lines: bool = True  # an expired batch lists what it did not run in its error file
    refuse_create: bool = False  # POST /v1/batches answers 500 (and makes no batch)


def answer_for(body: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    """A chat completion calling the requested tool with `answer`'s values for its schema's
    required fields."""
    tool = body["tools"][0]["function"]
    assert body["tool_choice"]["function"]["name"] == tool["name"]
    required = tool["parameters"]["required"]
    unknown = set(required) - set(answer)
    assert not unknown, f"the answer schema asks for {unknown}, which the test does not fill"
    return tool_call_reply({k: answer[k] for k in required}, name=tool["name"]).body


@dataclass
class FakeBatchApi:
    answer: dict[str, Any]
    plan: Plan = field(default_factory=Plan)
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # requests the real API would refuse
    uploads: list[str] = field(default_factory=list)  # ids of the input files, in order
    chat: list[dict[str, Any]] = field(default_factory=list)  # bodies of chat completions
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=itertools.count)
    _reads: dict[str, int] = field(default_factory=dict)

    def count(self, method: str, path: str) -> int:
        return sum(call == (method, path) for call in self.calls)

    def release(self) -> None:
        """Let the batches held in progress (`Plan.release`) end at their next read."""
        assert self.plan.release is not None
        self.plan.release.set()

    def new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids)}"

    def upload(self, content_type: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        form = email.parser.BytesParser().parsebytes(head + raw)
        fields: list[Message] = form.get_payload()  # type: ignore[assignment]
        parts = {p.get_param("name", header="content-disposition"): p for p in fields}
        if parts["purpose"].get_payload() != "batch":
            return 400, {"error": {"message": "purpose must be batch"}}
        data: bytes = parts["file"].get_payload(decode=True)  # type: ignore[assignment]
        file_id = self.new_id("file")
        self.files[file_id] = data
        self.uploads.append(file_id)
        return 200, {
            "id": file_id, "object": "file", "bytes": len(data), "created_at": int(time.time()),
            "filename": parts["file"].get_filename(), "purpose": "batch", "status": "processed",
        }  # fmt: skip

    def uploaded(self) -> list[list[dict[str, Any]]]:
        """The request lines of each input file uploaded, in order."""
        return [[json.loads(x) for x in self.files[f].decode().splitlines()] for f in self.uploads]

    def create(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.plan.refuse_create:
            return 500, {"error": {"message": "the batch service is down"}}
        data = self.files.get(request.get("input_file_id", ""))
        if data is None:
            return 404, {"error": {"message": "no such file"}}
        if (request.get("endpoint"), request.get("completion_window")) != (
            "/v1/chat/completions",
            "24h",
        ):
            return 400, {"error": {"message": "endpoint or completion_window not supported"}}
        lines = [json.loads(line) for line in data.decode().splitlines()]
        ids = [line["custom_id"] for line in lines]
        assert len(ids) == len(set(ids)), "custom_id repeated"
        assert all(
            line["method"] == "POST" and line["url"] == request["endpoint"] for line in lines
        )
        assert all(line["body"]["model"] for line in lines)
        batch_id = self.new_id("batch")
        self.batches[batch_id] = {
            "id": batch_id, "object": "batch", "endpoint": request["endpoint"],
            "input_file_id": request["input_file_id"], "completion_window": "24h",
            "status": "validating", "created_at": int(time.time()), "errors": None,
            "output_file_id": None, "error_file_id": None,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
        }  # fmt: skip
        self._reads[batch_id] = 0
        return 200, self.batches[batch_id]

    def retrieve(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self.batches.get(batch_id)
        if batch is None:
            return 404, {"error": {"message": "no such batch"}}
        reads = self._reads[batch_id]
        self._reads[batch_id] += 1
        if batch["status"] in {"completed", "expired"}:
            return 200, batch
        if reads < len(self.plan.before):
            batch["status"] = self.plan.before[reads]
        elif self.plan.release is not None and not self.plan.release.is_set():
            batch["status"] = "in_progress"
        else:
            self._end(batch)
        return 200, batch

    def _end(self, batch: dict[str, Any]) -> None:
        lines = [json.loads(x) for x in self.files[batch["input_file_id"]].decode().splitlines()]
        answered = len(lines) if self.plan.answered is None else self.plan.answered
        out, errors = [], []
        for n, line in enumerate(lines):
            result: dict[str, Any] = {"id": f"batch_req_{n}", "custom_id": line["custom_id"]}
            if n >= answered:
                if not self.plan.error_lines:
                    continue
                errors.append(result | {"response": None, "error": {
                    "code": "batch_expired", "message": EXPIRED}})  # fmt: skip
            elif line["custom_id"] in self.plan.failing:
                body = {"error": {"message": SERVER_ERROR, "type": "server_error"}}
                errors.append(result | {"response": {"status_code": 500, "body": body},
                                        "error": None})  # fmt: skip
            else:
                body = answer_for(line["body"], self.answer)
                out.append(result | {"response": {"status_code": 200, "body": body},
                                     "error": None})  # fmt: skip
        for name, rows in (("output_file_id", out), ("error_file_id", errors)):
            if rows:
                file_id = self.new_id("file")
                self.files[file_id] = "".join(json.dumps(r) + "\n" for r in rows).encode()
                batch[name] = file_id
        batch["status"] = "expired" if self.plan.end == "expired" else "completed"
        batch["request_counts"] |= {"completed": len(out), "failed": len(errors)}


def _handler(api: FakeBatchApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = urlparse(self.path).path
            with api.lock, self._checked():
                api.calls.append(("GET", path))
                parts = path.removeprefix("/v1/").split("/")
                if parts[0] == "files" and parts[2:] == ["content"] and parts[1] in api.files:
                    self._send(200, api.files[parts[1]], "application/octet-stream")
                elif parts[0] == "batches" and len(parts) == 2:
                    self._json(*api.retrieve(parts[1]))
                elif parts == ["batches"]:
                    listed = sorted(api.batches.values(), key=lambda b: -b["created_at"])
                    self._json(200, {"object": "list", "data": listed, "has_more": False})
                else:
                    self._json(404, {"error": {"message": f"nothing at {path}"}})

        def do_POST(self) -> None:
            path = urlparse(self.path).path
            raw = self.rfile.read(int(self.headers.get("content-length", 0)))
            with api.lock, self._checked():
                api.calls.append(("POST", path))
                if path == "/v1/files":
                    self._json(*api.upload(self.headers["content-type"], raw))
                elif path == "/v1/batches":
                    self._json(*api.create(json.loads(raw)))
                elif path == "/v1/chat/completions":  # the same requests, one at a time
                    api.chat.append(json.loads(raw))
                    self._json(200, answer_for(api.chat[-1], api.answer))
                else:
                    self._json(404, {"error": {"message": f"nothing at {path}"}})

        @contextmanager
        def _checked(self) -> Iterator[None]:
            """A request the fake finds wrong: recorded for the test, and refused."""
            try:
                yield
            except AssertionError as err:
                api.problems.append(str(err))
                self._json(400, {"error": {"message": f"refused: {err}"}})

        def _json(self, status: int, body: dict[str, Any]) -> None:
            self._send(status, json.dumps(body).encode(), "application/json")

        def _send(self, status: int, data: bytes, content_type: str) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client killed
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

    return Handler


@contextmanager
def fake_batch_api(api: FakeBatchApi) -> Iterator[str]:
    """Serve `api` on a free loopback port; yield its base URL."""
    with serving(_handler(api)) as url:
        yield url
