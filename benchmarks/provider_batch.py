"""`batch --provider-batch` against `batch`: CPU seconds per article of our own work.

The provider-batch path runs each article through the path twice (once to learn its
requests, once to ground the answers), so its cost on our side is what this measures:
the seeds and the dev data (`eval/`), each made new (a line of its own in front), through
`batch` against the fake Batch API's chat endpoint and through `--provider-batch` against
its batches (tests/fake_batch_api.py, loopback, answers at once); one article at a time,
no response cache; CPU time of this process, after the pipeline is loaded; best of
--rounds. The provider's own time (up to 24 h) is not ours to measure.

    python benchmarks/provider_batch.py [--rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console

from benchmarks.text_only import texts
from summarizer.batch import provider_batch
from summarizer.batch.runner import run_batch
from summarizer.config import Settings
from summarizer.reading.pipeline import nlp
from summarizer.run import RunOptions
from tests.answers import ANSWER
from tests.fake_batch_api import FakeBatchApi, Plan, fake_batch_api


def cpu_per_article(url: str, folder: Path, provider: bool) -> tuple[float, int]:
    out = folder.with_suffix(".jsonl")
    sources = sorted(str(p) for p in folder.glob("*.txt"))
    start = time.process_time()
    report = run_batch(
        sources, str(out), Settings(base_url=url, model="scripted"), RunOptions(), None,
        Console(stderr=True, quiet=True), wait=60, provider_batch=provider,
    )  # fmt: skip
    spent = time.process_time() - start
    assert not report.failed, report.failed
    return spent / report.done, report.done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    provider_batch.POLL_FIRST = 0.01  # the fake answers at once: measure no sleep
    nlp()
    best = {"batch": float("inf"), "--provider-batch": float("inf")}
    count = 0
    api = FakeBatchApi(ANSWER, Plan(before=[]))
    with tempfile.TemporaryDirectory() as tmp, fake_batch_api(api) as url:
        for round_ in range(args.rounds):
            for name in best:
                folder = Path(tmp) / f"{name.strip('-')}-{round_}"
                folder.mkdir()
                for i, text in enumerate(texts()):
                    (folder / f"a{i:03d}.txt").write_text(
                        f"Edition {name} {round_}-{i}.\n\n{text}", encoding="utf-8"
                    )
                seconds, count = cpu_per_article(url, folder, name != "batch")
                best[name] = min(best[name], seconds)
    print(f"{count} articles (seeds + dev data), one at a time, CPU seconds per article:")
    for name, seconds in best.items():
        print(f"  {name:18} {seconds:.3f}")
    print(f"  ratio              {best['--provider-batch'] / best['batch']:.2f}")


if __name__ == "__main__":
    main()
