"""The data path for one article, step by step: chunk → reading → candidates → prompt →
model → join → ground.

`summarize_article` reads as the steps: the article is split on paragraph boundaries
(`chunking`), and each chunk is read once (`reading.reading_of`); its reading proposes
candidates and quotes (`candidates.propose`); the prompt is the chunk's opening with them
marked by ids (`prompting.render`); the model writes `what`, adds what the ids missed and
names the speakers the text could not (`providers`); its answer joins the text's proposals
(`join.draft_of`); the draft is grounded on the same reading (`grounding.ground_draft`);
and while attempts remain, what was refused goes back to the model with the reasons
(`reask`). A `what` still refused after the last attempt gives way to the text's own
(`textwhat`), and `meta.what_source` says whose it is. Each chunk's offsets are shifted
back and the parts merged; nothing is truncated. A chunk past the first calls the model
only for quotes to attribute.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from summarizer.grounding import ground_draft
from summarizer.grounding.mainevent import evidence_of, marked
from summarizer.inputs import Article
from summarizer.pipeline.answer import answer_model
from summarizer.pipeline.candidates import propose
from summarizer.pipeline.chunking import Chunk, merge_chunks, split_article
from summarizer.pipeline.join import draft_of
from summarizer.pipeline.options import Options
from summarizer.pipeline.prompting import load_prompt, render
from summarizer.pipeline.reask import reask_messages, union
from summarizer.pipeline.textwhat import text_what
from summarizer.providers.calllog import Call
from summarizer.providers.calls import Model, Usage
from summarizer.reading import Reading, reading_of
from summarizer.reading.workers import Parser
from summarizer.schema import Meta, Summary


@dataclass(frozen=True)
class Part:
    """A chunk's grounded summary, the model calls it took, and who wrote its `what`."""

    summary: Summary
    what_source: Literal["model", "text"] | None
    attempts: int = 0


@dataclass(frozen=True)
class Place:
    """Where a chunk's calls stand, for the call log: its article, prompt and number."""

    article: Article
    prompt_version: str
    chunk: int = 1

    def call(self, model: Model, attempt: int) -> Call:
        article = self.article
        return model.call(
            article.id, article.sha256, self.prompt_version, chunk=self.chunk, attempt=attempt
        )


async def summarize_chunk(
    model: Model,
    chunk: Chunk,
    published: date | None,
    options: Options,
    usage: Usage,
    parser: Parser | None = None,
    place: Place | None = None,
) -> Part:
    """One chunk through the steps (see the module docstring): its summary, the number of
    model calls it took, and whose its `what` is. `parser`: where the chunk is parsed, if
    not here; `place`: what the call log says of its calls."""
    parsed = await parser(chunk.text) if parser is not None else None
    reading = reading_of(chunk.text, parsed)
    proposal = propose(reading)
    if chunk.start > 0 and not proposal.asked:
        # Past the opening the model has nothing to write: the text gives the names,
        # places, times and every attributed quote; `what` is the first chunk's.
        draft = draft_of(None, proposal)
        draft.published = published
        return Part(ground_draft(reading, draft), None)
    messages = render(load_prompt(options.prompt), proposal)
    result: Summary | None = None
    for attempt in range(1, options.max_attempts + 1):
        call = place.call(model, attempt) if place is not None else None
        answer = await model.ask(
            messages,
            answer_model(proposal),
            usage=usage,
            temperature=options.temperature,
            max_tokens=options.max_output_tokens,
            call=call,
        )
        draft = draft_of(answer, proposal)
        draft.published = published
        grounded = ground_draft(reading, draft)
        if call is not None:
            call.settle("refused" if grounded.rejected else "kept", refusals(grounded))
        result = grounded if result is None else union(result, grounded)
        if not grounded.rejected or attempt == options.max_attempts:
            part = with_text_what(reading, result)
            main = marked(reading, part.summary, evidence_of(reading, part.summary))
            return replace(part, summary=main, attempts=attempt)
        messages = reask_messages(messages, answer, grounded.rejected)
    raise AssertionError("max_attempts is at least 1")


def refusals(summary: Summary) -> str:
    """What grounding refused of an answer and why, on one line (the call log's reason)."""
    return "; ".join(f"{r.field} '{r.claim}': {r.reason}" for r in summary.rejected)


def with_text_what(reading: Reading, summary: Summary) -> Part:
    """`summary` with the text's `what` where it has none that was kept (a refused one
    stays in `rejected`), and whose `what` it is."""
    if summary.what is not None and summary.what.summary is not None:
        return Part(summary, "model")
    written = text_what(reading)  # grounded already, by rule 5
    if written is None:
        return Part(summary, None)
    return Part(summary.model_copy(update={"what": written}), "text")


async def summarize_article(
    model: Model,
    article: Article,
    published: date | None = None,
    options: Options | None = None,
    parser: Parser | None = None,
) -> Summary:
    """Summarise and ground one article; `meta` says how (model, prompt, attempts, usage).
    `parser`: where its chunks are parsed, if not in this process (a worker pool)."""
    options = options or Options()
    started = time.monotonic()
    usage = Usage()
    chunks = split_article(article.text, options.chunk_chars)
    version = load_prompt(options.prompt).version
    parts = [
        await summarize_chunk(
            model, c, published, options, usage, parser, Place(article, version, number)
        )
        for number, c in enumerate(chunks, 1)
    ]
    merged = merge_chunks(chunks, [part.summary for part in parts])
    meta = Meta(
        model=model.endpoint.model,
        provider=model.endpoint.provider,
        prompt_version=version,
        attempts=sum(part.attempts for part in parts),
        usage=usage.as_dict(),
        seconds=round(time.monotonic() - started, 2),
        chunks=len(chunks) if len(chunks) > 1 else None,
        # the answer hit max_output_tokens: its complete items were kept
        cut_off=usage.cut_off or None,
        what_source=next((p.what_source for p in parts if p.what_source), None),
    )
    return merged.model_copy(update={"article": article.info(published), "meta": meta})
