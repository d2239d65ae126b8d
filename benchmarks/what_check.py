"""Rule 5's meaning check, measured: claims kept and refused per kind, the embedded model's
`what`s against a hand judgement, and the check's time per `what`.

Claims come from `what_claims.py` (true ones, paraphrases, and wrong ones of one kind per
dimension of the event) over the dev data (`eval/`: the seeds and 24 GUM
articles). Each is grounded as a `what` on the article's reading, built once per article,
as `summarizer.ground` does. The model's `what`s are in `benchmarks/data/model_whats.jsonl`,
each judged faithful or not by hand (see benchmarks/data/README.md).

    python benchmarks/what_check.py [--per-article 6] [--show KIND]

Exits non-zero when nothing was measured (no dev data, no claims).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.devdata import dev_texts
from benchmarks.what_claims import KINDS, claims
from summarizer.grounding import ground
from summarizer.reading import Reading, reading_of
from summarizer.reading.wordnet import synonyms

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "benchmarks" / "data" / "model_whats.jsonl"


def kept(reading: Reading, summary: str) -> tuple[bool, str, float]:
    """Whether the check keeps `summary` as the `what`, the reason if not, and seconds."""
    started = time.perf_counter()
    result = ground(reading, {"what": {"summary": summary}})
    seconds = time.perf_counter() - started
    if result.what is not None and result.what.summary is not None:
        return True, "", seconds
    reasons = [r.reason for r in result.rejected if r.field == "what.summary"]
    return False, reasons[0] if reasons else "", seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-article", type=int, default=6)
    parser.add_argument("--show", help="print the claims of this kind that went wrong")
    args = parser.parse_args()
    texts = dev_texts()
    if not texts:
        sys.exit("no dev data in eval/")
    readings = {name: reading_of(text) for name, text in texts.items()}
    synonyms("say")  # WordNet is loaded (once per process, ~1 s) before anything is timed
    started = time.perf_counter()
    for reading in readings.values():
        _ = reading.events
    events_ms = (time.perf_counter() - started) * 1000 / len(readings)
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    times: list[float] = []
    for name, text in texts.items():
        for claim in claims(name, text, args.per_article):
            ok, why, seconds = kept(readings[name], claim.claim)
            times.append(seconds)
            total[claim.kind] += 1
            good[claim.kind] += ok
            wrong = ok != (claim.expect == "keep")
            if args.show == claim.kind and wrong:
                print(f"  [{name}] {claim.claim}\n      source: {claim.source}\n      {why}")
    if not times:
        sys.exit("no claims were made: nothing measured")
    print(f"dev data: {len(texts)} articles; {sum(total.values())} claims")
    print("| kind | claims | kept | expected |")
    print("|---|---:|---:|---|")
    for kind in KINDS:
        if total[kind]:
            expect = "keep" if kind in ("true", "shortened", "reordered", "passive") else "refuse"
            print(f"| {kind} | {total[kind]} | {good[kind] / total[kind]:.1%} | {expect} |")
    wrong_kinds = [k for k in KINDS if k not in ("true", "shortened", "reordered", "passive")]
    wrong_total = sum(total[k] for k in wrong_kinds)
    wrong_kept = sum(good[k] for k in wrong_kinds)
    if wrong_total:
        print(f"wrong claims kept, all kinds: {wrong_kept}/{wrong_total} "
              f"({wrong_kept / wrong_total:.1%})")  # fmt: skip
    judged(readings)
    ms = sorted(t * 1000 for t in times)
    print(
        f"check time per what (article already read): median {statistics.median(ms):.1f} ms, "
        f"95th percentile {ms[int(len(ms) * 0.95)]:.1f} ms, max {ms[-1]:.1f} ms; "
        f"reading an article's events, once: {events_ms:.1f} ms"
    )


def judged(readings: dict[str, Reading]) -> None:
    """The model's `what`s against the hand judgement: faithful kept, unfaithful refused."""
    if not JUDGED.is_file():
        print(f"no judged model whats ({JUDGED.relative_to(ROOT)})")
        return
    counts: Counter[str] = Counter()
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        ok, why, _ = kept(readings[row["article"]], row["what"])
        faithful = row["faithful"]
        counts[f"{'faithful' if faithful else 'unfaithful'} {'kept' if ok else 'refused'}"] += 1
        if ok != faithful:
            print(f"  model what {'kept' if ok else 'refused'} against judgement "
                  f"[{row['article']}]: {row['what']}  ({why})")  # fmt: skip
    faithful = counts["faithful kept"] + counts["faithful refused"]
    unfaithful = counts["unfaithful kept"] + counts["unfaithful refused"]
    print(
        f"model whats: faithful kept {counts['faithful kept']}/{faithful}, "
        f"unfaithful kept {counts['unfaithful kept']}/{unfaithful}"
    )


if __name__ == "__main__":
    main()
