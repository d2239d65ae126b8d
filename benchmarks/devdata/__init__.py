"""The dev data the benchmarks read: the gold files in the repository's eval/ (its README
says what they hold and where they come from). A package, as benchmarks/*.py are the
scripts."""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "eval"
# The two gold files in the format of eval/README.md (not the main-event gold beside them).
DEV_GOLD = [EVAL / "seeds_gold.jsonl", EVAL / "gum_news_dev.jsonl"]


def dev_texts() -> dict[str, str]:
    """Every dev article's text by its id, seeds first."""
    found = {}
    for path in DEV_GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found[row["id"]] = row["text"]
    return found
