"""Batch throughput against a server with a fixed latency, as a share of the bound.

The asyncio loopback server of tests/scripted_server.py, in a process of its own, answers every
request after exactly --latency seconds (default 1 s). Each configuration runs the real
batch path (instructor, the spaCy parse — in worker processes when more than one request is
in flight —, grounding, JSONL store with fsync) over `rounds × N` articles of news size (a
seed article with a line of its own), without the response cache. Two bounds: N / latency
articles per second (the endpoint), and cores / CPU seconds per article (our own CPU, every
process counted: this one and the parse workers, their start-up included). Goal: >= 90 %
of the lower bound at 1, 16 and 64 in flight. A note says how far a short run can get at
all: its first requests wait for their articles' parses (`start_limits`).

The server's answer is made from the current answer schema (tests/answers.py), with a
`what` the article states; a run counts only if every article was summarized with it (the
model's `what` kept, nothing failed or refused, every item at its offsets), else the
benchmark exits 1. Its answer was of an old schema once, and every article's failed.

With `--engine ray`, each configuration runs through `batch --engine ray` too, right after
`batch`, on a local Ray cluster started once (its start-up printed): CPU counts the
cluster's processes as well (benchmarks/usage/), and the share is given of its own
bounds and of the bound `batch` was held to in the same configuration (goal at 64 in
flight: >= 85 % of that). Memory: the peak resident size of each Ray worker, or of
batch's largest parse worker, sampled.

    python benchmarks/batch.py [--in-flight 1 16 64] [--latency 1.0] [--rounds 16] [--engine ray]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test server lives with the tests

# The library and the test helpers are imported in the functions that use them: the parse
# workers (forked from their fork server) import this script again, and should import what
# the `summarizer` command's workers import, no more (pytest, openai: a second more each).
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
    """CPU time of this process and of the children it has reaped."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def fixed_latency_server(latency: float) -> Iterator[tuple[str, int]]:
    """The server's URL and its process id (its CPU is the endpoint's, not ours)."""
    from tests.answers import picks

    answer = picks(WHAT, added=["Lyon"])
    cmd = [sys.executable, "-m", "tests.scripted_server", "--delay", str(latency),
           "--answer", json.dumps(answer)]  # fmt: skip
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            yield server.stdout.readline().strip(), server.pid
        finally:
            server.kill()


def start_limits(folder: Path, in_flight: list[int], args: argparse.Namespace) -> list[str]:
    """Why a short run cannot reach the endpoint bound: a request is sent once its
    article is parsed, so the first `n` wait for `n` parses on every core, and `rounds`
    waves of requests take at least that more than `rounds × latency`."""
    from summarizer.reading.analysis import parse

    text = next(folder.iterdir()).read_text(encoding="utf-8")
    started = time.process_time()
    for i in range(3):
        parse(f"{text}\n{i}")  # a text of its own each time: nothing remembered
    parse_s, cores = (time.process_time() - started) / 3, os.cpu_count() or 1
    notes = []
    for n in in_flight:
        ramp = n * parse_s / min(n, cores)
        least = args.rounds * args.latency + ramp
        notes.append(
            f"{n} in flight: the first requests wait for {n} parses ({parse_s * 1000:.0f} ms "
            f"of CPU each, {min(n, cores)} at a time: {ramp:.2f} s), so {args.rounds} rounds "
            f"take >= {least:.2f} s: at most {args.rounds * args.latency / least:.0%} of the "
            "endpoint bound"
        )
    return notes


def main() -> None:
    from rich.console import Console

    from benchmarks.usage import descendants_cpu, worker_rss
    from summarizer.batch.ray_engine import cluster
    from summarizer.batch.runner import run_batch
    from summarizer.config import Settings
    from summarizer.inputs import collect_articles
    from summarizer.pipeline.options import Options
    from summarizer.run import RunOptions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 16, 64])
    parser.add_argument("--latency", type=float, default=1.0)
    # 16 rounds: at 4, the first wave's parses alone (`start_limits`) held 16 in flight
    # under 85 % of the endpoint bound, short of the 90 % goal whatever else was done.
    parser.add_argument("--rounds", type=int, default=16)
    parser.add_argument("--engine", choices=["process", "ray"], default="process",
                        help="ray: each configuration through --engine ray too, after batch, "
                        "on a local Ray cluster this script starts once")  # fmt: skip
    args = parser.parse_args()
    engines = ["process", "ray"] if args.engine == "ray" else ["process"]
    cores = os.cpu_count() or 1
    # The CPU bound counts every core as ours: other work on the machine lowers the share.
    print(f"{cores} cores; load average before: {os.getloadavg()[0]:.2f} (1 min)\n")
    quiet = Console(stderr=True, quiet=True)
    rows, notes = [], []
    with contextlib.ExitStack() as stack:
        url, server = stack.enter_context(fixed_latency_server(args.latency))
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        if "ray" in engines:
            started = time.monotonic()
            stack.enter_context(cluster(None))  # the runs below join it
            notes.append(f"Ray start-up (a local cluster of {cores} CPUs, ray.init): "
                         f"{time.monotonic() - started:.2f} s")  # fmt: skip
        settings = Settings(base_url=url, model="scripted")
        # Run 0 only warms up what a process starts once (imports, the first connection,
        # the parse workers' fork server, which loads spaCy: 2 in flight start it) and is
        # not in the table; its time is in the notes.
        for run, n in enumerate([2, *args.in_flight]):
            count = n * args.rounds if run else 4
            batch_cpu_bound = 0.0
            for engine in engines:
                folder = Path(tmp) / f"{engine}{run}"
                write_articles(folder, count)
                on_ray = engine == "ray"
                cpu = cpu_seconds()
                store = folder.with_suffix(".jsonl")
                sources, options = (
                    collect_articles([str(folder)]),
                    RunOptions(Options(), concurrency=n),
                )
                # Our CPU: this process, and its descendants but the endpoint: with Ray,
                # the local cluster's every process (its GCS, raylet and workers, ours as
                # much as Ray's); else batch's parse workers' fork server, with the
                # workers it has reaped.
                with (
                    descendants_cpu(frozenset([server]), b"" if on_ray else b"forkserver") as kids,
                    worker_rss(b"ArticleWorker" if on_ray else b"forkserver") as rss,
                ):
                    report = run_batch(
                        sources, str(store), settings, options, None, quiet, ray=on_ray
                    )
                check(folder, store, report.failed, count)
                cpu_ms = (cpu_seconds() - cpu + kids[0]) * 1000 / count
                rate, bound = count / report.seconds, n / args.latency
                cpu_bound = cores * 1000 / cpu_ms
                batch_cpu_bound = batch_cpu_bound or cpu_bound
                if run == 0:
                    notes.append(f"warm-up run ({count} articles, {n} in flight), {engine}: "
                                 f"{report.seconds:.2f} s")  # fmt: skip
                    if engine == "process":
                        notes += start_limits(folder, args.in_flight, args)
                    continue
                peaks = sorted(rss.values()) if on_ray else sorted(rss.values())[-1:]
                memory = ", ".join(f"{mb:.0f}" for mb in peaks) or "-"
                rows.append(
                    f"| {engine} | {n} | {count} | {report.seconds:.2f} | {rate:.2f} | {bound:.2f} "
                    f"| {cpu_ms:.0f} | {cpu_bound:.2f} | {rate / min(bound, cpu_bound):.1%} "
                    f"| {rate / min(bound, batch_cpu_bound):.1%} | {memory} |"
                )
    print(
        "| engine | in flight | articles | seconds | articles/s | endpoint bound/s "
        f"| CPU ms/art. | CPU bound/s ({cores} cores) | share of its lower bound "
        "| share of batch's bound | worker RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    print("\n" + "\n".join(notes))
    print(f"\nload average after: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
