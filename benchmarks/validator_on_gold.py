"""How much true content do the grounding rules refuse? Gold items in, rejections out.

Every gold item of the dev data (`../shared/eval/*.jsonl`, format in its README) is a true
claim about its article, so each one the validator rejects is a false rejection: the cost
of the rules' strictness. Also reports how many gold `when` dates the resolver reproduces.

    python benchmarks/validator_on_gold.py [GOLD.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from summarizer import ground
from summarizer.grounding.timeexpr import resolve_date

DEFAULT = sorted(
    (Path(__file__).resolve().parent.parent.parent / "shared" / "eval").glob("*.jsonl")
)
FIELDS = ["who", "where", "when", "quotes"]


def claims(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold items as a v1 summary (quotes without a gold speaker are left out)."""
    return {
        "who": [{"text": w["text"]} for w in gold["who"]],
        "where": [{"text": w["text"]} for w in gold["where"]],
        "when": [{"text": w["text"]} for w in gold["when"]],
        "quotes": [
            {"text": q["text"], "speaker": q["speaker"]} for q in gold["quotes"] if q["speaker"]
        ],
        "article": {"published": gold["published"]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args()
    for path in args.gold:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        given: Counter[str] = Counter()
        refused: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        dated = agreed = 0
        for gold in rows:
            summary = claims(gold)
            result = ground(gold["text"], summary)
            for field in FIELDS:
                given[field] += len(summary[field])
            for r in result.rejected:
                refused[r.field] += 1
                reasons[f"{r.field}: {r.reason.split(':')[0].split(';')[0][:60]}"] += 1
            published = date.fromisoformat(gold["published"]) if gold["published"] else None
            for w in gold["when"]:
                if w["date"]:
                    dated += 1
                    agreed += resolve_date(w["text"], published) == w["date"]
        print(f"{path.name}: {len(rows)} articles")
        for field in FIELDS:
            if given[field]:
                n, bad = given[field], refused[field]
                print(f"  {field:>7}: {n:4} gold items, {bad:3} refused ({bad / n:.1%})")
        print(f"  when dates reproduced: {agreed}/{dated}")
        for reason, n in reasons.most_common(6):
            print(f"    {n:3} × {reason}")


if __name__ == "__main__":
    main()
