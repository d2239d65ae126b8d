"""A long article's time, `--model none`: does the work grow linearly with its length?

An article of N quotation lines ('"Quote number 123," Hale said.', or with curly quotes and
more words, as the 4.5 MB article of 100,000 lines that had not finished after 10
minutes), through `text_summary` in this process: the parse, candidates, attribution and
grounding. Prints CPU and wall seconds for each N and the seconds per 10,000 lines, which
stay about the same when the work is linear; exits 1 unless every quotation is in the
summary, grounded, and given to the speaker the lead names.

    python benchmarks/long_article.py [--lines 10000 50000 100000] [--curly]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# This checkout's package before the installed one (see benchmarks/grounding.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.inputs import Article
from summarizer.pipeline.textonly import text_summary
from summarizer.reading.pipeline import nlp

LEAD = "Quotes of the day\n\nMaria Hale, the mayor of Lyon, spoke to reporters on Monday.\n"


def article(lines: int, curly: bool) -> str:
    """A lead that names the speaker, then `lines` quotations that "Hale" said."""
    if curly:  # ~47 bytes a line: 100,000 lines are 4.6 MB
        body = (f"\u201cQuote number {i} of the day,\u201d Hale said.\n" for i in range(lines))
    else:
        body = (f'"Quote number {i}," Hale said.\n' for i in range(lines))
    return LEAD + "".join(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--curly", action="store_true", help="curly quotes, longer lines")
    args = parser.parse_args()
    nlp()
    print(f"{'lines':>8} {'MB':>6} {'CPU s':>8} {'wall s':>8} {'CPU s / 10k lines':>18}")
    for lines in args.lines:
        text = article(lines, args.curly)
        cpu, wall = time.process_time(), time.perf_counter()
        summary = text_summary(Article(id=f"q{lines}", source=f"q{lines}", text=text))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        size = len(text.encode("utf-8")) / 1e6
        print(f"{lines:>8,} {size:>6.2f} {cpu:>8.1f} {wall:>8.1f} {cpu * 10_000 / lines:>18.2f}")
        verified = sum(q.speaker == "Maria Hale" for q in summary.quotes)
        if verified != lines or any(text[q.start : q.end] != q.text for q in summary.quotes):
            print(f"not summarised: {verified} of {lines} quotes to Maria Hale", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
