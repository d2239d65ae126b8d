"""The data path for one article: prompt → model (with re-asks) → ground → summary.

Long articles are split on paragraph boundaries (`chunking`), each chunk is summarised on
its own with offsets shifted back, and the parts are merged; nothing is truncated.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import instructor
from instructor.core import Hooks, InstructorRetryException
from instructor.core.exceptions import IncompleteOutputException, InstructorError

from summarizer.chunking import Chunk, merge_chunks, split_article
from summarizer.config import Settings
from summarizer.draft import Draft, GroundingState, current_state
from summarizer.inputs import Article
from summarizer.prompting import DEFAULT_PROMPT, load_prompt, quote_passages, render
from summarizer.providers.client import Endpoint
from summarizer.schema import Meta, Summary


class SummarizeError(Exception):
    """The model gave nothing usable for an article; the message says why."""


@dataclass(frozen=True)
class Options:
    """How to summarise: prompt, re-ask bound, and the size limits of one call. The one
    place their defaults are kept (the CLI and the Python API take them from here)."""

    prompt: str = DEFAULT_PROMPT
    # One call per article: on the seeds a re-ask (2 attempts) found nothing more with the
    # 1.5B model and took 47 % longer (benchmarks/models.py); --max-attempts raises it.
    max_attempts: int = 1
    temperature: float = 0.0
    max_output_tokens: int = 1024
    chunk_chars: int = 12_000  # ~3,000 tokens of article per call: fits an 8k context


def options_for(settings: Settings) -> Options:
    """Options from settings (None: the default); a prompt that does not exist is a
    ValueError now, before any work starts."""
    defaults = Options()
    options = Options(
        prompt=settings.prompt or defaults.prompt,
        max_attempts=settings.max_attempts or defaults.max_attempts,
    )
    load_prompt(options.prompt)
    return options


@dataclass
class _Usage:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    last_completion: int = 0

    def add(self, response: Any) -> None:
        self.calls += 1
        usage = getattr(response, "usage", None)
        self.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
        self.last_completion = getattr(usage, "completion_tokens", 0) or 0
        self.completion_tokens += self.last_completion

    def as_dict(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }


def _cut_off(options: Options) -> SummarizeError:
    return SummarizeError(
        f"the model's answer was cut off at {options.max_output_tokens} output tokens"
    )


async def _summarize_chunk(
    client: instructor.AsyncInstructor,
    endpoint: Endpoint,
    chunk: Chunk,
    published: date | None,
    options: Options,
    usage: _Usage,
) -> tuple[Summary, int]:
    """Ground one chunk's summary; return it and the attempts it took."""
    prompt = load_prompt(options.prompt)
    passages = quote_passages(chunk.text)
    state = GroundingState(chunk.text, passages, published, max_attempts=options.max_attempts)
    token = current_state.set(state)
    hooks = Hooks()
    hooks.on("completion:response", usage.add)
    try:
        await client.chat.completions.create(
            model=endpoint.model,
            response_model=Draft,
            messages=render(prompt, chunk.text, passages),  # type: ignore[arg-type]
            max_retries=options.max_attempts - 1,
            hooks=hooks,
            temperature=options.temperature,
            max_tokens=options.max_output_tokens,
        )
    except IncompleteOutputException as err:
        raise _cut_off(options) from err
    except InstructorRetryException as err:
        if state.summary is None:  # no attempt parsed at all
            if usage.last_completion >= options.max_output_tokens:  # a server that says
                raise _cut_off(options) from err  # "tool_calls" for a call cut mid-JSON
            cause = err.__cause__ or err
            raise SummarizeError(f"no usable answer from the model: {cause}") from err
    except InstructorError as err:  # anything else instructor could not make an answer of
        raise SummarizeError(f"no usable answer from the model: {err}") from err
    finally:
        current_state.reset(token)
    assert state.summary is not None  # set by Draft's validator on every parsed attempt
    return state.summary, state.attempts


async def summarize_article(
    client: instructor.AsyncInstructor,
    endpoint: Endpoint,
    article: Article,
    published: date | None = None,
    options: Options | None = None,
) -> Summary:
    """Summarise and ground one article; `meta` says how (model, prompt, attempts, usage)."""
    options = options or Options()
    started = time.monotonic()
    usage = _Usage()
    chunks = split_article(article.text, options.chunk_chars)
    parts = [await _summarize_chunk(client, endpoint, c, published, options, usage) for c in chunks]
    merged = merge_chunks(chunks, [summary for summary, _ in parts])
    meta = Meta(
        model=endpoint.model,
        provider=endpoint.provider,
        prompt_version=load_prompt(options.prompt).version,
        attempts=sum(attempts for _, attempts in parts),
        usage=usage.as_dict(),
        seconds=round(time.monotonic() - started, 2),
    )
    if len(chunks) > 1:
        meta.chunks = len(chunks)  # type: ignore[attr-defined]  # Meta allows extra keys
    return merged.model_copy(update={"article": article.info(published), "meta": meta})
