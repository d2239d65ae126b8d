"""Claims about an article's events, each labelled with what the `what` check should do.

The meaning check keeps an abstractive `what` sentence only if an article sentence states
the same event: the same agent, action, patient, polarity and modality, and the times,
places and numbers the article gives it. This generator makes the claims to measure it on.
From each article it picks narrated event sentences, lead first (not the headline, a
caption or a quotation; a finite main verb with a subject), and edits their parse into:

- claims that state the same event, which the check must keep: the sentence as it stands
  ("true"), without the modifiers the event does not need ("shortened"), with a time or
  place phrase moved to the other end ("reordered"), or turned passive ("passive");
- claims that state another event, which it must refuse, one per dimension: subject and
  object exchanged ("role_swap"), another actor of the article ("actor_replaced"), the
  opposite polarity ("negated"), a fact made a possibility or plan or the reverse
  ("modality"), and another time, place, number or object the article names
  ("time_changed", "place_changed", "number_changed", "object_replaced").

Every edit is made on the project's own parse (`summarizer.reading.parse`) and its cast of
names; a kind that cannot be made properly for a sentence is skipped, and no wrong claim is
one the article states word for word. The generator is the package `benchmarks/whatclaims/`;
this script runs it over the dev data.

    python benchmarks/what_claims.py [--per-article 6] [--out claims.jsonl] [--show KIND]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.devdata import dev_texts
from benchmarks.whatclaims import KEEP_KINDS, KINDS, REFUSE_KINDS, Claim, claims

__all__ = ["KEEP_KINDS", "KINDS", "REFUSE_KINDS", "Claim", "claims"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-article", type=int, default=6, help="event sentences (6)")
    parser.add_argument("--out", type=Path, help="write the claims here as JSONL")
    parser.add_argument("--show", choices=KINDS, help="print ~15 examples of this kind")
    args = parser.parse_args()
    start = time.perf_counter()
    found: list[Claim] = []
    articles = list(dev_texts().items())
    for article_id, text in articles:
        found += claims(article_id, text, args.per_article)
    seconds = time.perf_counter() - start
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for claim in found:
                f.write(json.dumps(asdict(claim), ensure_ascii=False) + "\n")
    counts = Counter(c.kind for c in found)
    sources = len({(c.article, c.source_start) for c in found})
    print(f"{len(articles)} articles, {sources} sentences, {len(found)} claims ({seconds:.1f} s)")
    print(f"{'kind':16} {'expect':7} {'claims':>6}")
    for kind in KINDS:
        expect = "keep" if kind in KEEP_KINDS else "refuse"
        print(f"{kind:16} {expect:7} {counts[kind]:6d}")
    if args.show:
        shown = [c for c in found if c.kind == args.show]
        for claim in shown[:: max(1, len(shown) // 15)][:15]:  # across the articles
            print(f"\n[{claim.article}]\n  source: {claim.source}\n  claim:  {claim.claim}")


if __name__ == "__main__":
    main()
