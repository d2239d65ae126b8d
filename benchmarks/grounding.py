"""Grounding throughput: claims grounded per second on the seed articles.

Claims are drawn from the seed texts themselves (names, places, times, quotations with
the speaker the article gives them, sentences as evidence) and, in equal number, altered
the way models get them wrong (a changed word, an invented name, a wrong speaker), so the
rejection paths (closest-passage search included) are measured too. One process, one core.

Then the cost of a long article (`--large`, sizes in MB): the seeds followed by paragraphs
of their own words shuffled, up to the size, checked against a summary of 500 claims about
the seeds, all true ("present") or all altered ("absent": each refusal searches the whole
article for its closest passage). Each case runs in a process of its own, so the peak
resident memory it reports is that case's; bytes/char is that peak beyond what the process
held before grounding (the interpreter, spaCy's pipeline, and the seeds parsed for the
claims), per character of the article.

    python benchmarks/grounding.py [--claims 300] [--rounds 5] [--large 1,4]
    python benchmarks/grounding.py --claims 0 --large 0.5,1,2    # long articles only
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The checkout this script lives in, before the installed package: the venv's editable
# install points at one checkout, so a run from another (a git worktree) measured that
# one's code (issue 11: a 4 MB case "10x worse than 2 MB" was the code before the fix).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import summarizer
from summarizer import ground
from summarizer.reading import parse, reading_of
from summarizer.reading.timeexpr import find_time

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")


def _alter(text: str, rng: random.Random) -> str:
    words = text.split()
    i = rng.randrange(len(words))
    words[i] = rng.choice(["Putin", "never", "42", "Brussels", words[i][::-1]])
    return " ".join(words)


def claims_for(text: str, count: int, rng: random.Random) -> list[tuple[str, dict[str, Any]]]:
    """`count` (field, item) claims about `text`, half true and half altered."""
    names = NAME_RE.findall(text)
    reading = reading_of(text)
    sentences = [text[s:e] for s, e in reading.sentences]
    times = [found[1].group() for s in sentences if (found := find_time(s))]
    cast, attributions = reading.cast, reading.attributions
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


LARGE_CLAIMS = 500


def peak_mb() -> float:
    """This process's peak resident memory in MB. VmHWM where Linux has it: ru_maxrss
    starts a child at its parent's peak (the kernel carries it across exec), so it also
    counted whatever the benchmark's own process had held."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measured_code() -> str:
    """Which summarizer package a run measures, and its commit, for the output."""
    where = Path(summarizer.__file__).resolve().parent.parent
    git = ["git", "-C", str(where), "describe", "--always", "--dirty"]
    commit = subprocess.run(git, capture_output=True, text=True, check=False).stdout.strip()
    return f"{where} at {commit or 'unknown commit'}"


def large_article(megabytes: float, rng: random.Random) -> str:
    """The seeds, then sentences of their words (no quotation marks) up to the size."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    words = re.sub(r"[\"'\u201c\u201d\u2018\u2019]", "", " ".join(texts)).split()
    parts, size = list(texts), sum(len(t) for t in texts)
    while size < megabytes * 1_000_000:
        sentences = [" ".join(rng.choices(words, k=rng.randint(8, 24))) for _ in range(5)]
        para = " ".join(s[0].upper() + s[1:] + "." for s in sentences)
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts)


def large_case(megabytes: float, kind: str) -> dict[str, float]:
    """Ground one summary of 500 claims in a long article; seconds and peak memory."""
    rng = random.Random(2)
    text = large_article(megabytes, rng)
    claims = [
        c for p in SEEDS for c in claims_for(p.read_text(encoding="utf-8"), LARGE_CLAIMS, rng)
    ]
    chosen = claims[0 if kind == "present" else 1 :: 2]  # claims_for alternates true, altered
    summary = as_summaries(chosen, len(chosen))[0]
    before = peak_mb()
    start = time.perf_counter()
    result = ground(text, summary)
    seconds = time.perf_counter() - start
    peak = peak_mb()
    return {"mb": len(text.encode("utf-8")) / 1e6, "chars": len(text), "claims": len(chosen),
            "seconds": seconds, "rejected": len(result.rejected), "base_mb": before,
            "peak_mb": peak}  # fmt: skip


def large(sizes: list[float]) -> None:
    print(f"\nlong articles, code measured: {measured_code()}")
    print(f"{LARGE_CLAIMS} claims each; seconds, and peak resident MB of the")
    print("process (before grounding: the interpreter, its imports and the inputs), and the")
    print("peak beyond that per character of the article")
    head = ["article MB", "claims are", "rejected", "seconds", "peak MB", "before", "bytes/char"]
    widths = [10, 11, 8, 8, 8, 7, 10]
    print("  ".join(f"{h:>{w}}" for h, w in zip(head, widths, strict=True)))
    for mb in sizes:
        for kind in ("present", "absent"):
            run = subprocess.run(
                [sys.executable, __file__, "--large-case", f"{mb}:{kind}"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            r = json.loads(run.stdout)
            per_char = (r["peak_mb"] - r["base_mb"]) * 2**20 / r["chars"]
            print(f"{r['mb']:>10.2f}  {kind:>11}  {r['rejected']:>8}  {r['seconds']:>8.2f}  "
                  f"{r['peak_mb']:>8.0f}  {r['base_mb']:>7.0f}  {per_char:>10.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--claims", type=int, default=300, help="claims per article (0: long articles only)"
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--large", default="1,4", help="long-article sizes in MB ('' for none)")
    parser.add_argument("--large-case", help=argparse.SUPPRESS)  # MB:KIND, in a child process
    args = parser.parse_args()
    if args.large_case:
        mb, kind = args.large_case.split(":")
        print(json.dumps(large_case(float(mb), kind)))
        return
    if args.claims:
        throughput(args.claims, args.rounds)
    if args.large:
        large([float(mb) for mb in args.large.split(",")])


def throughput(claims_per_article: int, rounds: int) -> None:
    """Claims grounded per CPU second on the seeds, parsed and not."""
    rng = random.Random(1)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    workloads = [(t, claims_for(t, claims_per_article, rng)) for t in texts]

    parsing = cold = 0.0
    readings = []
    for text, claims in workloads:
        start = time.process_time()
        parsed = parse(text)
        parsing += time.process_time() - start
        reading = reading_of(text, parsed)
        ground(reading, as_summaries(claims, len(claims))[0])
        cold += time.process_time() - start
        readings.append(reading)
    cold, parsing = cold / len(workloads), parsing / len(workloads)

    def batched(size: int, true_only: bool) -> Callable[[], int]:
        jobs = [
            (reading, summary)
            for reading, (_, claims) in zip(readings, workloads, strict=True)
            for summary in as_summaries(claims[:: 2 if true_only else 1], size)
        ]

        def work() -> int:
            for reading, summary in jobs:
                ground(reading, summary)
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
    print(f"spaCy parse of an article (pipeline loaded): {parsing * 1000:.1f} ms")
    print(f"first summary of an article (parse, index, cast built): {cold * 1000:.1f} ms")
    print("claims/s below: each article read once, its reading handed to every summary")
    print(f"{'claims/s on one core':>28}  {'true claims':>12}  {'half altered':>12}")
    for label, size in [("summaries of 30 claims", 30), ("one claim per call", 1)]:
        true_rate = rate(batched(size, True), rounds)
        mixed_rate = rate(batched(size, False), rounds)
        print(f"{label:>28}  {true_rate:>12,.0f}  {mixed_rate:>12,.0f}")


if __name__ == "__main__":
    main()
