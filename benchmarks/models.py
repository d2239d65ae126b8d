"""Quality and cost of each local model on the gold dev data: the numbers that choose them.

Runs `summarizer eval` (summarizer/evaluation/) for every local model on every gold file
and prints one Markdown row per model and file, ready for RESULTS.md and the README; every
number goes to benchmarks/results/<model>_<prompt>_<attempts>.json. Answers are cached, so
a rerun after a change to grounding or scoring costs no model time (--no-cache to redo).
Exits 1 when an article failed or an item was not at its offsets (named at the end): the
row then counts what was not summarized.

    python benchmarks/models.py [--model NAME ...] [--limit N] [--no-cache] [GOLD.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.devdata import DEV_GOLD
from benchmarks.summarized import exit_unless_summarized
from summarizer.config import Settings
from summarizer.evaluation.gold import load_gold
from summarizer.evaluation.runner import evaluate
from summarizer.evaluation.table import markdown_row
from summarizer.pipeline.options import Options
from summarizer.providers.cache import ResponseCache
from summarizer.providers.models import MODELS
from summarizer.run import RunOptions, open_endpoint

ROOT = Path(__file__).resolve().parent
COLUMNS = {
    "quote_r_overlap": "quote R", "quote_p_overlap": "quote P", "speaker_acc": "speaker",
    "who_recall": "who R", "where_recall": "where R", "when_recall": "when R",
    "when_dates_agree": "dates", "rejected": "rejected", "ungrounded": "ungrounded",
    "attempts_per_article": "attempts", "seconds_per_article": "s/article",
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEV_GOLD)
    parser.add_argument("--model", action="append", choices=sorted(MODELS))
    parser.add_argument("--prompt", default=Options().prompt)
    parser.add_argument("--max-attempts", type=int, default=Options().max_attempts)
    parser.add_argument("--limit", type=int, help="articles per gold file")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    options = Options(prompt=args.prompt, max_attempts=args.max_attempts)
    cache = None if args.no_cache else ResponseCache()
    console = Console(stderr=True)
    print("| model | data | " + " | ".join(COLUMNS.values()) + " | from cache |")
    print("|---|---" + "|---:" * (len(COLUMNS) + 1) + "|")
    golds = {path: load_gold(path)[: args.limit] for path in args.gold}
    problems = []
    for model in args.model or sorted(MODELS):
        results = []
        with open_endpoint(Settings(model=model)) as endpoint:
            for path, rows in golds.items():
                result = evaluate(path, rows, endpoint, RunOptions(options, cache=cache), console)
                results.append(result)
                row = markdown_row(f"{model} | {path.stem}", result["totals"], list(COLUMNS))
                print(f"{row} {result['cached_calls']} |")  # cached answers take ~0 s
                problems += [
                    f"{model} on {path.stem}: {a['id']} failed: {a['failed']}"
                    for a in result["articles"]
                    if a["failed"]
                ]
                if ungrounded := result["totals"]["ungrounded"]:
                    problems.append(f"{model} on {path.stem}: {ungrounded} items not at offsets")
        out = ROOT / "results" / f"{model}_{args.prompt}_{args.max_attempts}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n")
    exit_unless_summarized(problems, "the local models")


if __name__ == "__main__":
    main()
