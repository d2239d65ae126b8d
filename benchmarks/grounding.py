"""Grounding throughput: claims grounded per second on the seed articles.

Claims are drawn from the seed texts themselves (names, places, times, quotations with
the speaker the article gives them, sentences as evidence) and, in equal number, altered
the way models get them wrong (a changed word, an invented name, a wrong speaker), so the
rejection paths (closest-passage search included) are measured too. One process, one core.

    python benchmarks/grounding.py [--claims 300] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer import ground
from summarizer.grounding.attribution import attributor_of
from summarizer.grounding.cast import cast_of
from summarizer.grounding.textindex import index_article
from summarizer.grounding.timeexpr import find_time
from summarizer.text import analyse
from summarizer.text.analysis import forget_all

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")


def _alter(text: str, rng: random.Random) -> str:
    words = text.split()
    i = rng.randrange(len(words))
    words[i] = rng.choice(["Putin", "never", "42", "Brussels", words[i][::-1]])
    return " ".join(words)


def claims_for(text: str, count: int, rng: random.Random) -> list[tuple[str, dict[str, Any]]]:
    """`count` (field, item) claims about `text`, half true and half altered."""
    names = NAME_RE.findall(text)
    analysis = analyse(text)
    sentences = [text[s:e] for s, e in analysis.sentences]
    times = [found[1].group() for s in sentences if (found := find_time(s))]
    cast = cast_of(analysis)
    attributions = attributor_of(cast)
    quotes = [
        (text[r.start : r.end], said.speaker.name)
        for i, r in enumerate(cast.regions)
        if (said := attributions.attribution(i)).speaker is not None and said.speaker.named
    ]
    claims: list[tuple[str, dict[str, Any]]] = []
    for i in range(count):
        true = i % 2 == 0
        field = rng.choice(["who", "where", "when", "quotes", "evidence"])
        if field == "quotes":
            quote, speaker = rng.choice(quotes)
            if not true and rng.random() < 0.5:
                speaker = rng.choice(names)  # a right quote given to someone else
            elif not true:
                quote = _alter(quote, rng)
            claims.append((field, {"text": quote, "speaker": speaker}))
            continue
        pool = {"who": names, "where": names, "when": times, "evidence": sentences}[field]
        claim = rng.choice(pool)
        claims.append((field, {"text": claim if true else _alter(claim, rng)}))
    return claims


def as_summaries(claims: list[tuple[str, dict[str, Any]]], size: int) -> list[dict[str, Any]]:
    out = []
    for i in range(0, len(claims), size):
        summary: dict[str, Any] = {"who": [], "where": [], "when": [], "quotes": []}
        evidence: list[dict[str, Any]] = []
        for field, item in claims[i : i + size]:
            (evidence if field == "evidence" else summary[field]).append(item)
        summary["what"] = {"summary": None, "evidence": evidence}
        out.append(summary)
    return out


def rate(work: Callable[[], int], rounds: int) -> float:
    """Claims per CPU second of this process (one core), best of `rounds`: CPU time and
    the best round keep other load on a shared machine out of the number."""
    best = 0.0
    for _ in range(rounds):
        start = time.process_time()
        n = work()
        best = max(best, n / (time.process_time() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=300, help="claims per article")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(1)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    workloads = [(t, claims_for(t, args.claims, rng)) for t in texts]

    parse = cold = 0.0
    for text, claims in workloads:
        forget_all()
        index_article.cache_clear()
        start = time.process_time()
        analyse(text)
        parse += time.process_time() - start
        ground(text, as_summaries(claims, len(claims))[0])
        cold += time.process_time() - start
    cold, parse = cold / len(workloads), parse / len(workloads)

    def batched(size: int, true_only: bool) -> Callable[[], int]:
        jobs = [
            (text, summary)
            for text, claims in workloads
            for summary in as_summaries(claims[:: 2 if true_only else 1], size)
        ]

        def work() -> int:
            for text, summary in jobs:
                ground(text, summary)
            return sum(len(c[:: 2 if true_only else 1]) for _, c in workloads)

        return work

    rejected = sum(
        len(ground(text, as_summaries(claims, len(claims))[0]).rejected)
        for text, claims in workloads
    )
    total = sum(len(c) for _, c in workloads)
    print(
        f"articles: {len(texts)} seeds; claims: {total}, half of them altered; {rejected} rejected"
    )
    print(f"spaCy parse of an article (pipeline loaded): {parse * 1000:.1f} ms")
    print(f"first summary of an article (parse, index, cast built): {cold * 1000:.1f} ms")
    print("claims/s below: articles already parsed (the parse is cached by content hash)")
    print(f"{'claims/s on one core':>28}  {'true claims':>12}  {'half altered':>12}")
    for label, size in [("summaries of 30 claims", 30), ("one claim per call", 1)]:
        true_rate = rate(batched(size, True), args.rounds)
        mixed_rate = rate(batched(size, False), args.rounds)
        print(f"{label:>28}  {true_rate:>12,.0f}  {mixed_rate:>12,.0f}")


if __name__ == "__main__":
    main()
