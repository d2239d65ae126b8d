"""`--model none`: articles per second from the text alone, on one core.

Every article of the dev data (`eval/`, see its README) plus the seeds, each made new
(a line of its own in front, so no parse is cached), through `text_summary`: the spaCy
parse, candidates, attribution and grounding. CPU time of this one process, after the
pipeline is loaded; best of --rounds. Exits 1 unless every summary's items stand at their
offsets (benchmarks/summarized).

    python benchmarks/text_only.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.devdata import dev_texts
from benchmarks.summarized import exit_unless_summarized, problems_of
from summarizer.inputs import Article
from summarizer.pipeline.textonly import text_summary
from summarizer.reading.pipeline import nlp

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return found + list(dev_texts().values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    base = texts()
    nlp()
    best = 0.0
    items = 0
    for round_ in range(args.rounds):
        articles = [
            Article(id=f"a{i}", source=f"a{i}", text=f"Edition {round_}-{i}.\n\n{t}")
            for i, t in enumerate(base)
        ]
        start = time.process_time()
        summaries = [text_summary(a) for a in articles]
        best = max(best, len(articles) / (time.process_time() - start))
        items = sum(len(s.who) + len(s.where) + len(s.when) + len(s.quotes) for s in summaries)
        pairs = [(a.text, s) for a, s in zip(articles, summaries, strict=True)]
        exit_unless_summarized(problems_of(pairs, expected=len(articles)), "--model none")
    chars = sum(len(t) for t in base) / len(base)
    print(f"{len(base)} articles (mean {chars:,.0f} characters), {items} grounded items")
    print(f"--model none: {best:.1f} articles/s on one core (goal >= 5)")


if __name__ == "__main__":
    main()
