"""The data path for one article, step by step: analyse → prompt → model → join → ground.

`summarize_article` reads as the steps: the text is analysed once (`text.analyse`) and
proposes candidates and quotes (`candidates.propose`); the prompt is the article's opening
with them marked by ids (`prompting.render`); the model writes `what`, adds what the ids
missed and names the speakers the text could not (`ask`); its answer joins the text's
proposals (`picks.draft_of`); the draft is grounded (`grounding.ground`); and while
attempts remain, what was refused goes back to the model with the reasons
(`reask_messages`). Long articles are split on paragraph boundaries (`chunking`), each
chunk summarised on its own with offsets shifted back, and the parts merged; nothing is
truncated. A chunk past the first calls the model only for quotes to attribute.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import instructor
import pydantic_core
from instructor.core import Hooks, InstructorRetryException
from instructor.core.exceptions import IncompleteOutputException, InstructorError
from pydantic import ValidationError

from summarizer.candidates import Proposal, propose
from summarizer.chunking import Chunk, merge_chunks, split_article
from summarizer.config import Settings
from summarizer.grounding import ground
from summarizer.grounding.ground import merge_duplicates
from summarizer.inputs import Article
from summarizer.picks import Picks, answer_model, draft_of
from summarizer.prompting import DEFAULT_PROMPT, load_prompt, render
from summarizer.providers.client import Endpoint
from summarizer.schema import Meta, Rejection, Summary
from summarizer.text import analyse


class SummarizeError(Exception):
    """The model gave nothing usable for an article; the message says why."""


@dataclass(frozen=True)
class Options:
    """How to summarise: prompt, re-ask bound, and the size limits of one call. The one
    place their defaults are kept (the CLI and the Python API take them from here)."""

    prompt: str = DEFAULT_PROMPT
    # One call per article: a re-ask costs a whole second call (the article is read again).
    max_attempts: int = 1
    temperature: float = 0.0
    # The answer is one sentence and a few names (~50 tokens); the schema's bounds keep it far
    # below this, and an answer cut here keeps what it had parsed.
    max_output_tokens: int = 400
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
    cut_off: int = 0

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


def _arguments(completion: Any) -> str:
    """The raw tool-call arguments of a completion ('' when it has none)."""
    try:
        return str(completion.choices[0].message.tool_calls[0].function.arguments or "")
    except (AttributeError, IndexError, TypeError):
        return ""


def _salvage(completion: Any, schema: type[Picks], cut_at: int | None) -> Picks:
    """What an answer instructor could not read still says: read as lenient JSON (a raw
    line break inside a string, which a small model writes and strict JSON refuses), with a
    missing list empty; and when it was cut at `cut_at` output tokens, its complete items (a
    runaway list of "Croydon"s keeps the items before it). Grounding checks all of it."""
    raw = _arguments(completion)
    try:
        answer = json.loads(raw, strict=False)
    except ValueError as err:
        if cut_at is None:
            raise SummarizeError(f"no usable answer from the model: {err}") from err
        try:
            answer = pydantic_core.from_json(raw, allow_partial=True)
        except ValueError:
            raise SummarizeError(
                f"the model's answer was cut off at {cut_at} output tokens"
            ) from err
    try:
        empty: dict[str, Any] = {name: [] for name in schema.model_fields} | {"what": ""}
        return schema.model_validate(empty | (answer if isinstance(answer, dict) else {}))
    except ValidationError as err:
        raise SummarizeError(f"no usable answer from the model: {err}") from err


async def ask(
    client: instructor.AsyncInstructor,
    endpoint: Endpoint,
    messages: list[dict[str, str]],
    schema: type[Picks],
    options: Options,
    usage: _Usage,
) -> Picks:
    """One structured call: the model's picks (transport retries are the client's)."""
    hooks = Hooks()
    hooks.on("completion:response", usage.add)
    try:
        return await client.chat.completions.create(
            model=endpoint.model,
            response_model=schema,
            messages=messages,  # type: ignore[arg-type]
            max_retries=0,  # re-asks are ours (see summarize_chunk): with the reasons
            hooks=hooks,
            temperature=options.temperature,
            max_tokens=options.max_output_tokens,
        )
    except IncompleteOutputException as err:
        usage.cut_off += 1
        return _salvage(err.last_completion, schema, options.max_output_tokens)
    except InstructorRetryException as err:
        # A server that says "tool_calls" for a call cut mid-JSON (llama-cpp-python), or an
        # answer with a raw line break in a string.
        cut = usage.last_completion >= options.max_output_tokens
        usage.cut_off += cut
        return _salvage(err.last_completion, schema, options.max_output_tokens if cut else None)
    except InstructorError as err:  # anything else instructor could not make an answer of
        raise SummarizeError(f"no usable answer from the model: {err}") from err


def reask_message(rejected: list[Rejection]) -> str:
    """The refusals as the model should read them: what to fix, item by item."""
    lines = ["These items are not supported by the article; fix or remove them:"]
    for r in rejected:
        speaker = r.item.get("speaker") if isinstance(r.item, dict) else None
        said = f" (speaker '{speaker}')" if speaker else ""
        lines.append(f"- {r.field}: '{r.claim}'{said}: {r.reason}")
    return "\n".join(lines)


def reask_messages(
    messages: list[dict[str, str]], picks: Picks, refused: list[Rejection]
) -> list[dict[str, str]]:
    """The conversation so far, the model's answer, and what of it was refused and why."""
    return [
        *messages,
        {"role": "assistant", "content": picks.model_dump_json()},
        {"role": "user", "content": reask_message(refused)},
    ]


def union(earlier: Summary, later: Summary) -> Summary:
    """Items grounded in either attempt (each is grounded on its own): a re-ask answer
    that fixes one item and forgets the rest (seen with the 1.5B model) must not lose
    what the first got right. The later attempt's main event when it has one, and only
    its refusals (the earlier ones were re-asked)."""
    merged = {
        name: merge_duplicates([*getattr(earlier, name), *getattr(later, name)])
        for name in ("who", "where", "when", "quotes")
    }
    what = later.what if later.what and later.what.summary else earlier.what
    return later.model_copy(update=merged | {"what": what})


async def summarize_chunk(
    client: instructor.AsyncInstructor,
    endpoint: Endpoint,
    chunk: Chunk,
    published: date | None,
    options: Options,
    usage: _Usage,
) -> tuple[Summary, int]:
    """One chunk through the steps (see the module docstring); the summary and the
    number of model calls it took."""
    proposal: Proposal = propose(analyse(chunk.text))
    if chunk.start > 0 and not proposal.asked:
        # Past the opening the model has nothing to write: the text gives the names,
        # places, times and every attributed quote; `what` is the first chunk's.
        draft = draft_of(None, proposal)
        draft.article.published = published
        return ground(chunk.text, draft), 0
    messages = render(load_prompt(options.prompt), proposal)
    result: Summary | None = None
    for attempt in range(1, options.max_attempts + 1):
        picks = await ask(client, endpoint, messages, answer_model(proposal), options, usage)
        draft = draft_of(picks, proposal)
        draft.article.published = published
        grounded = ground(chunk.text, draft)
        result = grounded if result is None else union(result, grounded)
        if not grounded.rejected or attempt == options.max_attempts:
            return result, attempt
        messages = reask_messages(messages, picks, grounded.rejected)
    raise AssertionError("max_attempts is at least 1")


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
    parts = [await summarize_chunk(client, endpoint, c, published, options, usage) for c in chunks]
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
    if usage.cut_off:  # the answer hit max_output_tokens: its complete items were kept
        meta.cut_off = usage.cut_off  # type: ignore[attr-defined]
    return merged.model_copy(update={"article": article.info(published), "meta": meta})
