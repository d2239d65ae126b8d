"""`summarizer eval`: summarise every gold article (through the cache) and score it.

An article the model fails on is scored as an empty summary (its gold items count as
missed) and listed with the reason, so a failing configuration cannot score well by
failing on the hard articles.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from summarizer.console import error_line
from summarizer.evaluation.gold import gold_job
from summarizer.evaluation.mainevent import report_main, score_main, score_types
from summarizer.evaluation.metrics import Tally, report, score
from summarizer.pipeline.prompting import load_prompt
from summarizer.run import Job, RunOptions, summarize_jobs
from summarizer.schema import SCHEMA_VERSION, Summary

if TYPE_CHECKING:
    from summarizer.providers.client import Endpoint


def evaluate(
    gold_path: Path,
    golds: list[dict[str, Any]],
    endpoint: Endpoint,
    run: RunOptions,
    console: Console,
) -> dict[str, Any]:
    """Scores of one configuration on the articles of one gold file (`load_gold`): totals,
    per article, and failures. The endpoint is the caller's, so one model server serves
    every gold file of a run."""
    summaries: dict[str, Summary] = {}
    failed: dict[str, str] = {}
    cache, options = run.cache, run.article
    hits_before = cache.hits if cache else 0
    started = time.monotonic()

    def done(job: Job, summary: Summary) -> None:
        summaries[job.article.id] = summary

    def fail(job: Job, reason: str) -> None:
        failed[job.article.id] = reason
        error_line(console, f"{gold_path}: {job.article.id}", reason)

    jobs = [gold_job(gold) for gold in golds]
    summarize_jobs(jobs, endpoint, run, done, fail, console, verb="evaluating")
    total, articles = Tally(), []
    for gold in golds:
        one = Tally()
        summary = summaries.get(gold["id"], Summary())
        score(gold, summary, one)
        score_types(gold, summary, one)
        if "main" in gold:
            score_main(gold, gold["main"], summary, one)
        total.counts.update(one.counts)
        scores = report(one) | report_main(one)
        articles.append({"id": gold["id"], "failed": failed.get(gold["id"])} | scores)
    return {
        "gold": str(gold_path),
        "model": endpoint.model,
        "prompt": options.prompt,
        "prompt_version": load_prompt(options.prompt).version,
        "schema_version": SCHEMA_VERSION,
        "max_attempts": options.max_attempts,
        "totals": report(total) | report_main(total),
        "counts": dict(total.counts),
        "failed": len(failed),
        "cached_calls": (cache.hits - hits_before) if cache else 0,
        "wall_seconds": round(time.monotonic() - started, 2),
        "articles": articles,
    }
