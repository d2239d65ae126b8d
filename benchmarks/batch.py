"""Batch throughput against a server with a fixed latency, as a share of the bound.

The asyncio loopback server of tests/scripted_server.py, in a process of its own, answers every
request after exactly --latency seconds (default 1 s); with N articles in flight the
bound is N / latency articles per second. Each configuration runs the real batch path
through instructor, grounding, JSONL store with fsync) over `rounds × N` articles, without
the response cache. Goal: >= 90 % of the bound at 1, 16 and 64 in flight. The last column
is this process's CPU time per article: with one event loop, 1 / that is a ceiling.

    python benchmarks/batch.py [--in-flight 1 16 64] [--latency 1.0] [--rounds 4]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test server lives with the tests

from summarizer.batch.runner import BatchOptions, run_batch  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.inputs import collect_articles  # noqa: E402
from summarizer.summarize import Options  # noqa: E402

ANSWER = {"who": ["Maria Hale"], "where": ["Lyon"], "when": [], "what": "",
          "quotes": [{"q": 1, "speaker": "Maria Hale"}]}  # fmt: skip


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"a{i:04d}.txt").write_text(
            f"Report {i}.\n\nMaria Hale spoke in Lyon. “We will rebuild {i} homes,” Hale said.\n",
            encoding="utf-8",
        )


@contextmanager
def fixed_latency_server(latency: float) -> Iterator[str]:
    cmd = [sys.executable, "-m", "tests.scripted_server", "--delay", str(latency),
           "--answer", json.dumps(ANSWER)]  # fmt: skip
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            yield server.stdout.readline().strip()
        finally:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 16, 64])
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    print(
        "| in flight | articles | seconds | articles/s | bound/s | share of bound | CPU ms/art. |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    quiet = Console(stderr=True, quiet=True)
    with fixed_latency_server(args.latency) as url, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(base_url=url, model="scripted")
        # Run 0 only warms up (imports, the first connection) and is not printed.
        for run, n in enumerate([1, *args.in_flight]):
            count = n * args.rounds
            folder = Path(tmp) / f"run{run}"
            write_articles(folder, count)
            cpu = time.process_time()
            report = run_batch(
                collect_articles([str(folder)]), str(folder.with_suffix(".jsonl")), settings,
                Options(), BatchOptions(jobs=n), None, quiet, cache=None,
            )  # fmt: skip
            assert report.done == count, report.failed
            cpu_ms = (time.process_time() - cpu) * 1000 / count
            rate, bound = count / report.seconds, n / args.latency
            if run == 0:
                continue
            print(
                f"| {n} | {count} | {report.seconds:.2f} | {rate:.2f} | {bound:.2f} "
                f"| {rate / bound:.1%} | {cpu_ms:.1f} |"
            )


if __name__ == "__main__":
    main()
