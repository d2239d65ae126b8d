"""Quality and cost of a model and prompt on the gold dev data: the numbers that choose them.

For every article of the gold files, summarise it (embedded model unless --base-url) and
score it (summarizer/evaluation.py); print one row per gold file and write every number
to benchmarks/results/<model>_<prompt>_<attempts>.json.

    python benchmarks/models.py --model qwen2.5-coder-1.5b [--limit N] [GOLD.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from summarizer.config import Settings
from summarizer.evaluation import Tally, report, score
from summarizer.inputs import Article
from summarizer.providers.client import TransportPolicy, structured_client
from summarizer.providers.models import DEFAULT_MODEL
from summarizer.run import open_endpoint
from summarizer.summarize import Options, summarize_article

ROOT = Path(__file__).resolve().parent
GOLD = sorted((ROOT.parent.parent / "shared" / "eval").glob("*.jsonl"))
COLUMNS = [
    ("quote_r_overlap", "quote R"), ("quote_p_overlap", "quote P"), ("speaker_acc", "speaker"),
    ("who_recall", "who R"), ("where_recall", "where R"), ("when_recall", "when R"),
    ("rejected", "rejected"), ("ungrounded", "ungrounded"),
    ("attempts_per_article", "attempts"), ("seconds_per_article", "s/article"),
]  # fmt: skip


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, default=GOLD)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--base-url", help="an already running server for --model")
    parser.add_argument("--prompt", default=Options().prompt)
    parser.add_argument("--max-attempts", type=int, default=Options().max_attempts)
    parser.add_argument("--limit", type=int, help="articles per gold file")
    args = parser.parse_args()
    options = Options(prompt=args.prompt, max_attempts=args.max_attempts)
    results: dict[str, Any] = {
        "model": args.model,
        "prompt": args.prompt,
        "max_attempts": args.max_attempts,
    }
    print("| data | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    with open_endpoint(Settings(model=args.model, base_url=args.base_url)) as endpoint:
        client = structured_client(endpoint, TransportPolicy())
        for path in args.gold:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            tally = Tally()
            for gold in rows[: args.limit]:
                article = Article(id=gold["id"], source=gold["source"], text=gold["text"])
                published = date.fromisoformat(gold["published"]) if gold["published"] else None
                summary = summarize_article(client, endpoint, article, published, options)
                score(gold, summary, tally)
                print(f"  {gold['id']}: {summary.meta.seconds} s", file=sys.stderr)
            numbers = report(tally)
            results[path.name] = numbers | {"counts": dict(tally.counts)}
            print(f"| {path.stem} | " + " | ".join(fmt(numbers[key]) for key, _ in COLUMNS) + " |")
    out = ROOT / "results" / f"{args.model}_{args.prompt}_{args.max_attempts}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
