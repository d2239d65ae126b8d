"""A provider's Batch API (OpenAI's files + batches endpoints), for `batch --provider-batch`.

Requests go up as one JSONL file (POST /v1/files, purpose "batch"), a batch is made of it
(POST /v1/batches: /v1/chat/completions, a 24 h window), its state is read (GET
/v1/batches/{id}) until it ends, and its output and error files come down (GET
/v1/files/{id}/content). Everything is the openai SDK's; this module turns its types and
exceptions into ours, so nothing above `providers/` sees them.

Creating a batch is the one call that must not happen twice: the SDK does not retry it,
and a run that does not know whether it went through asks (`find`) before it makes another.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import IO, Any, Final, TypeVar

import openai
import pydantic
from openai.types.chat import ChatCompletion

from summarizer.providers.client import Endpoint

log = logging.getLogger("summarizer.batchapi")

ENDED = frozenset({"completed", "expired", "cancelled", "failed"})
ENDPOINT: Final = "/v1/chat/completions"
TRANSPORT_RETRIES = 4  # the SDK's own backoff, for every call but creating a batch
T = TypeVar("T")


class BatchApiError(Exception):
    """The Batch API refused a call or could not be reached; the message says which."""


@dataclass(frozen=True)
class BatchInfo:
    """A batch as the provider reports it: its status, files and request counts."""

    id: str
    status: str
    output_file_id: str | None = None
    error_file_id: str | None = None
    completed: int = 0
    failed: int = 0
    total: int = 0
    errors: str = ""  # why a batch failed as a whole (its input was refused)

    @property
    def ended(self) -> bool:
        return self.status in ENDED


@dataclass(frozen=True)
class Result:
    """One line of a batch's output or error file: its request's answer, or why none."""

    custom_id: str
    completion: ChatCompletion | None = None
    reason: str | None = None


def request_line(custom_id: str, body: dict[str, Any]) -> str:
    """One request of the input file: the chat-completions body as the client sends it."""
    line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_result(line: bytes | str) -> Result | None:
    """A result line (output or error file); None for one that is not (logged)."""
    try:
        data = json.loads(line)
        custom_id = str(data["custom_id"])
    except (ValueError, KeyError, TypeError):
        log.warning("batch result line ignored: not a result (%.80r)", line)
        return None
    if error := data.get("error"):
        return Result(custom_id, reason=f"{error.get('code')}: {error.get('message')}")
    response = data.get("response") or {}
    body = response.get("body")
    status = response.get("status_code")
    if status != 200:
        message = body.get("error", {}).get("message") if isinstance(body, dict) else body
        return Result(custom_id, reason=f"HTTP {status}: {message}")
    try:
        return Result(custom_id, completion=ChatCompletion.model_validate(body))
    except pydantic.ValidationError as err:
        return Result(custom_id, reason=f"the answer is not a chat completion ({err})")


def _info(batch: Any) -> BatchInfo:
    counts = batch.request_counts
    errors = batch.errors.data if batch.errors and batch.errors.data else []
    return BatchInfo(
        id=batch.id,
        status=batch.status,
        output_file_id=batch.output_file_id,
        error_file_id=batch.error_file_id,
        completed=counts.completed if counts else 0,
        failed=counts.failed if counts else 0,
        total=counts.total if counts else 0,
        errors="; ".join(f"{e.code}: {e.message}" for e in errors),
    )


class BatchApi:
    """The Batch API of `endpoint`'s server; close it when done."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.base_url = endpoint.base_url
        self._client = openai.AsyncOpenAI(
            base_url=endpoint.base_url,
            api_key=endpoint.api_key,
            timeout=endpoint.timeout,
            max_retries=TRANSPORT_RETRIES,
        )

    async def _call(self, what: str, call: Callable[[], Coroutine[Any, Any, T]]) -> T:
        try:
            return await call()
        except openai.APIStatusError as err:
            body = err.body if isinstance(err.body, dict) else {}
            said = body.get("message") or err.message
            raise BatchApiError(
                f"Batch API at {self.base_url}: {what}: HTTP {err.status_code}: {said}"
            ) from err
        except openai.APIError as err:
            cause = err.__cause__ or err
            raise BatchApiError(
                f"Batch API at {self.base_url}: {what}: {type(cause).__name__}: {cause}"
            ) from err

    async def upload(self, data: bytes, name: str = "requests.jsonl") -> str:
        """Upload an input file of requests; its file id."""
        file = await self._call(
            "uploading the requests",
            lambda: self._client.files.create(
                file=(name, data, "application/jsonl"), purpose="batch"
            ),
        )
        return file.id

    async def create(self, input_file_id: str) -> str:
        """Make a batch of an uploaded file; its id. Never retried (see the module)."""
        client = self._client.with_options(max_retries=0)
        batch = await self._call(
            "creating the batch",
            lambda: client.batches.create(
                input_file_id=input_file_id, endpoint=ENDPOINT, completion_window="24h"
            ),
        )
        return batch.id

    async def find(self, input_file_id: str) -> str | None:
        """The batch already made of `input_file_id`, if any (newest first)."""

        async def search() -> str | None:
            async for batch in self._client.batches.list(limit=100):
                if batch.input_file_id == input_file_id:
                    return batch.id
            return None

        return await self._call("listing batches", search)

    async def retrieve(self, batch_id: str) -> BatchInfo:
        batch = await self._call(
            f"reading batch {batch_id}", lambda: self._client.batches.retrieve(batch_id)
        )
        return _info(batch)

    async def download(self, file_id: str, into: IO[bytes]) -> None:
        """Write a file's content to `into`, as it comes."""

        async def fetch() -> None:
            async with self._client.files.with_streaming_response.content(file_id) as response:
                async for chunk in response.iter_bytes():
                    into.write(chunk)

        await self._call(f"downloading file {file_id}", fetch)

    async def close(self) -> None:
        await self._client.close()
