"""What every benchmark checks before its numbers count: each article was summarized, and
every item kept stands at its offsets in the article.

benchmarks/batch.py printed the throughput of 324 articles whose every answer had failed
validation (issue 23): a benchmark of something that did not happen. A benchmark passes
its summaries here and exits non-zero, naming what went wrong, unless all is well.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from summarizer.schema import Summary
from tests.conftest import assert_grounded

SHOWN = 10  # problems listed before "… and N more"


def problems_of(
    summaries: Iterable[tuple[str, Summary]],
    failed: Sequence[tuple[str, str]] = (),
    expected: int | None = None,
) -> list[str]:
    """What is wrong with a run: each failed article (source, reason), each summary with
    an item not at its offsets (pairs of article text and summary), and a count of
    summaries other than `expected`."""
    problems = [f"{source}: failed: {reason}" for source, reason in failed]
    count = 0
    for text, summary in summaries:
        count += 1
        try:
            assert_grounded(text, summary)
        except AssertionError as err:
            problems.append(f"{summary.article.source}: an item not at its offsets: {err}")
    if expected is not None and count != expected:
        problems.append(f"{count} summaries for {expected} articles")
    return problems


def exit_unless_summarized(problems: Sequence[str], what: str = "the benchmark") -> None:
    """Exit with status 1 and the problems (the first few) if there are any."""
    if not problems:
        return
    shown = "\n  ".join(problems[:SHOWN])
    more = f"\n  … and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    sys.exit(f"{what}: not every article was summarized:\n  {shown}{more}")
