"""`compare` on the seeds against the hand-written gold: pairing and label precision/recall.

Summaries come from the text alone (`--model none`: `text_summary`), so the figures measure
the pairing and labelling, not a model (each checked first: benchmarks/summarized). Also
prints every cross-source score of one speaker's
quotes, the numbers the pairing threshold was chosen from.

    python benchmarks/compare.py
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

# This checkout's code, not the venv's editable install (which may be another worktree).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.summarized import exit_unless_summarized, problems_of
from summarizer.compare import compare
from summarizer.compare.keys import Keys
from summarizer.compare.quotes import PAIR_THRESHOLD, score, voices
from summarizer.evaluation.compare_gold import read_gold
from summarizer.evaluation.compare_gold import score as score_gold
from summarizer.inputs import read_article
from summarizer.pipeline.textonly import text_summary
from summarizer.reading import parse

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "compare" / "seeds_gold.json"


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    gold = read_gold(GOLD)
    articles = [read_article(str(ROOT / s)) for s in gold.sources]
    made = [(text_summary(a), a.text) for a in articles]
    problems = problems_of([(text, s) for s, text in made], expected=len(articles))
    exit_unless_summarized(problems, "the seeds' summaries")
    result = score_gold(compare(made), gold)
    print(f"seeds, summaries from --model none; gold: {GOLD.relative_to(ROOT)}")
    print(f"gold pairs {result.pairs_gold}, predicted pairs {result.pairs_predicted}")
    for name, value in result.figures().items():
        print(f"  {name:22} {value:.2f}")
    for miss in result.misses:
        print(f"  miss: {miss}")
    keys = Keys()
    xs, ys = (voices(i, s, parse(text), keys) for i, (s, text) in enumerate(made))
    print(f"\nscores of one speaker's quote pairs (threshold {PAIR_THRESHOLD}):")
    rows = [(score(x, y), x, y) for x, y in itertools.product(xs, ys) if x.speaker == y.speaker]
    for s, x, y in sorted(rows, key=lambda r: -r[0]):
        print(f"  {s:.3f}  {x.ref.text[:36]!r:40} {y.ref.text[:36]!r}")


if __name__ == "__main__":
    main()
