"""Batch throughput against a server with a fixed latency, as a share of the bound.

The asyncio loopback server of tests/scripted_server.py, in a process of its own, answers every
request after exactly --latency seconds (default 1 s). Each configuration runs the real
batch path (instructor, the spaCy parse — in worker processes when more than one request is
in flight —, grounding, JSONL store with fsync) over `rounds × N` articles of news size (a
seed article with a line of its own), without the response cache. Two bounds: N / latency
articles per second (the endpoint), and cores / CPU seconds per article (our own CPU, every
process counted: this one and the parse workers, their start-up included). Goal: >= 90 %
of the lower bound at 1, 16 and 64 in flight.

The server's answer is made from the current answer schema (tests/answers.py), with a
`what` the article states; a run counts only if every article was summarized with it (the
model's `what` kept, nothing failed or refused, every item at its offsets), else the
benchmark exits 1. Its answer was of an old schema once, and every article's failed.

    python benchmarks/batch.py [--in-flight 1 16 64] [--latency 1.0] [--rounds 4]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test server lives with the tests

# The library and the test helpers are imported in the functions that use them: the parse
# workers (spawned) import this script again, and should import what the `summarizer`
# command's workers import, no more (pytest, openai: a second more of start-up each).
WHAT = "Maria Hale spoke in Lyon."  # each article's second paragraph begins so

SEED = (ROOT / "seeds" / "001_1679f06f00c41463.txt").read_text(encoding="utf-8")


def write_articles(folder: Path, count: int) -> None:
    """`count` distinct articles (none parsed before: the name of the folder is in each)."""
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"a{i:04d}.txt").write_text(
            f"Report {folder.name}-{i}.\n\n"
            f"Maria Hale spoke in Lyon. “We will rebuild {i} homes,” Hale said.\n{SEED}",
            encoding="utf-8",
        )


def check(folder: Path, store: Path, failed: list[tuple[str, str]], count: int) -> None:
    """Exit 1 unless each of the `count` articles in `folder` is in `store`, summarized with
    the server's answer: its `what` kept as the model's, nothing refused, items grounded."""
    from benchmarks.summarized import exit_unless_summarized, problems_of
    from summarizer.schema import Summary

    summaries = [
        Summary.model_validate_json(line) for line in store.read_text(encoding="utf-8").splitlines()
    ]
    texts = {str(p): p.read_text(encoding="utf-8") for p in folder.iterdir()}
    pairs = [(texts[s.article.source or ""], s) for s in summaries]
    problems = problems_of(pairs, failed, count)
    for s in summaries:
        said = s.what.summary if s.what else None
        if s.meta.what_source != "model" or said != WHAT or s.rejected:
            problems.append(f"{s.article.source}: not the server's answer: what {said!r} "
                            f"({s.meta.what_source}), {len(s.rejected)} refused")  # fmt: skip
    exit_unless_summarized(problems, f"{count} articles")


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the parse workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def fixed_latency_server(latency: float) -> Iterator[str]:
    from tests.answers import picks

    answer = picks(WHAT, added=["Lyon"])
    cmd = [sys.executable, "-m", "tests.scripted_server", "--delay", str(latency),
           "--answer", json.dumps(answer)]  # fmt: skip
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            yield server.stdout.readline().strip()
        finally:
            server.kill()


def main() -> None:
    from rich.console import Console

    from summarizer.batch.runner import run_batch
    from summarizer.config import Settings
    from summarizer.inputs import collect_articles
    from summarizer.pipeline.options import Options
    from summarizer.run import RunOptions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 16, 64])
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    # The CPU bound counts every core as ours: other work on the machine lowers the share.
    print(f"{cores} cores; load average before: {os.getloadavg()[0]:.2f} (1 min)\n")
    print(
        "| in flight | articles | seconds | articles/s | endpoint bound/s | CPU ms/art. "
        f"| CPU bound/s ({cores} cores) | share of the lower bound |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    quiet = Console(stderr=True, quiet=True)
    with fixed_latency_server(args.latency) as url, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(base_url=url, model="scripted")
        # Run 0 only warms up (imports, the first connection) and is not printed.
        for run, n in enumerate([1, *args.in_flight]):
            count = n * args.rounds
            folder = Path(tmp) / f"run{run}"
            write_articles(folder, count)
            cpu = cpu_seconds()
            store = folder.with_suffix(".jsonl")
            report = run_batch(
                collect_articles([str(folder)]), str(store), settings,
                RunOptions(Options(), concurrency=n), None, quiet,
            )  # fmt: skip
            check(folder, store, report.failed, count)
            cpu_ms = (cpu_seconds() - cpu) * 1000 / count
            rate, bound = count / report.seconds, n / args.latency
            cpu_bound = cores * 1000 / cpu_ms
            if run == 0:
                continue
            print(
                f"| {n} | {count} | {report.seconds:.2f} | {rate:.2f} | {bound:.2f} "
                f"| {cpu_ms:.0f} | {cpu_bound:.2f} | {rate / min(bound, cpu_bound):.1%} |"
            )
    print(f"\nload average after: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
