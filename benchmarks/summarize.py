"""End-to-end cost of `summarize` on the seeds, against a bare llama.cpp call.

For each seed: our whole path (read, prompt, instructor, grounding; default options; no
response cache) and a bare HTTP call to the same server with the first request our path
sent, each from the same server state (a different article evaluated just before, so both
reuse the fixed prompt prefix and read the article anew). Prints seconds per article, the
ratio ours / bare (goal <= 1.02; with one attempt both make the same call), prompt tokens
beyond the article's own (goal <= 350), output tokens (goal <= 100: issue 10) and attempts
per article. The goal for ours is <= 20 s per seed article on the default model, 2 cores.
Exits 1 unless each seed's summary has every item at its offsets (benchmarks/summarized).

    python benchmarks/summarize.py [--model qwen2.5-coder-1.5b] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.summarized import exit_unless_summarized, problems_of
from summarizer.config import Settings
from summarizer.inputs import Article, read_article
from summarizer.pipeline.article import summarize_article
from summarizer.pipeline.options import Options
from summarizer.providers.calls import Model, open_model
from summarizer.providers.client import Endpoint
from summarizer.providers.models import DEFAULT_MODEL
from summarizer.run import open_endpoint

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
FLUSH = "A short unrelated note.\n“Hello,” said Ann Lee."
ONE_ATTEMPT = Options(max_attempts=1)
DEFAULTS = Options()


def post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    req = urllib.request.Request(
        url, json.dumps(body).encode(), {"content-type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=900) as resp:
        result: dict[str, Any] = json.loads(resp.read())
        return result


class Recorder:
    """Keeps the request bodies our path sends, to replay them bare."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, *_args: Any, **kwargs: Any) -> None:
        self.bodies.append(kwargs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--rounds", type=int, default=2)
    asyncio.run(measure(parser.parse_args()))


async def measure(args: argparse.Namespace) -> None:
    """All in one event loop: the async client's connections belong to it."""
    print(
        "| seed | ours s | bare s | ours / bare | prompt tokens | article tokens "
        "| beyond article | output tokens | attempts |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with open_endpoint(Settings(model=args.model)) as endpoint:
        model = open_model(endpoint)
        recorder = Recorder()
        model.client.on("completion:kwargs", recorder)
        for path in SEEDS:
            article = read_article(str(path))
            ours = bare = float("inf")
            body: dict[str, Any] = {}  # set by round 0, where ours goes first
            for round_ in range(args.rounds):
                # Alternate which goes first, so an order effect cancels over two rounds.
                for which in ("ours", "bare") if round_ % 2 == 0 else ("bare", "ours"):
                    await _flush(model)
                    start = time.perf_counter()
                    if which == "ours":
                        recorder.bodies.clear()
                        summary = await summarize_article(model, article, options=DEFAULTS)
                        body = _wire_body(recorder.bodies[0], endpoint)
                        ours = min(ours, time.perf_counter() - start)
                    else:
                        post(f"{endpoint.base_url}/chat/completions", body)
                        bare = min(bare, time.perf_counter() - start)
            tokens = post(
                f"{endpoint.base_url.removesuffix('/v1')}/extras/tokenize/count",
                {"input": article.text},
            )
            exit_unless_summarized(problems_of([(article.text, summary)]), path.stem)
            usage = summary.meta.usage or {}
            prompt_tokens = usage.get("prompt_tokens", 0)
            print(
                f"| {path.stem} | {ours:.1f} | {bare:.1f} | {ours / bare:.3f} | {prompt_tokens} | "
                f"{tokens['count']} | {prompt_tokens - tokens['count']} | "
                f"{usage.get('completion_tokens', 0)} | {summary.meta.attempts} |"
            )


async def _flush(model: Model) -> None:
    """Evaluate a different article so the next call starts from the same server state."""
    flush = Article("flush", "flush", FLUSH)
    await summarize_article(model, flush, options=ONE_ATTEMPT)


def _wire_body(kwargs: dict[str, Any], endpoint: Endpoint) -> dict[str, Any]:
    """The JSON body of a chat-completions request from the keyword arguments."""
    body = {k: v for k, v in kwargs.items() if v is not None}
    body.setdefault("model", endpoint.model)

    def plain(o: Any) -> Any:
        return o.model_dump() if hasattr(o, "model_dump") else str(o)

    wire: dict[str, Any] = json.loads(json.dumps(body, default=plain))
    return wire


if __name__ == "__main__":
    main()
