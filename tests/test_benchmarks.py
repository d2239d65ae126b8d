"""The benchmark scripts keep running (their numbers are read by people, not asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_grounding_benchmark_prints_claims_per_second() -> None:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "grounding.py"),
            "--claims",
            "20",
            "--rounds",
            "1",
            "--large",
            "0.2",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = re.findall(
        r"^\s*(summaries of 30 claims|one claim per call)\s+([\d,]+)\s+([\d,]+)$", run.stdout, re.M
    )
    assert [r[0] for r in rows] == ["summaries of 30 claims", "one claim per call"]
    assert all(int(n.replace(",", "")) > 0 for r in rows for n in r[1:])
    large = re.findall(
        r"^\s*0\.2\d\s+(present|absent)\s+\d+\s+[\d.]+\s+\d+\s+\d+\s+[\d.]+$", run.stdout, re.M
    )
    assert large == ["present", "absent"]


def test_compare_benchmark_prints_seed_precision_and_recall() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compare.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "summaries from --model none" in run.stdout
    figures = dict(re.findall(r"^\s+(\w+_(?:precision|recall))\s+([\d.]+)$", run.stdout, re.M))
    assert set(figures) >= {"pairing_precision", "pairing_recall", "label_recall"}


@pytest.mark.parametrize("script", sorted((ROOT / "benchmarks").glob("*.py")), ids=lambda p: p.name)
def test_a_benchmark_measures_the_checkout_it_is_in(script: Path, tmp_path: Path) -> None:
    """The venv's editable install points at one checkout; run from another (a worktree),
    a benchmark imported that one's package and measured its code (issue 11's 4 MB case,
    "10x worse than 2 MB", was the code before the fix). A package found earlier on the
    path stands in for the installed one here: the script must not import it."""
    decoy = tmp_path / "summarizer"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("raise SystemExit('imported the installed summarizer')")
    run = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "usage:" in run.stdout


def test_what_check_benchmark_prints_kept_shares_per_kind() -> None:
    """Over the dev data (`eval/`), one event sentence an article: every kind's
    share kept, the judged model `what`s, and the check's time."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "what_check.py"), "--per-article", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    kinds = re.findall(r"^\| (\w+) \| \d+ \| [\d.]+% \| (keep|refuse) \|$", run.stdout, re.M)
    assert ("true", "keep") in kinds
    assert ("negated", "refuse") in kinds
    assert re.search(r"^wrong claims kept, all kinds: \d+/\d+", run.stdout, re.M)
    assert re.search(r"^model whats: faithful kept \d+/\d+", run.stdout, re.M)
    assert re.search(r"^check time per what .* median [\d.]+ ms", run.stdout, re.M)


def test_long_article_benchmark_prints_seconds_per_10000_lines() -> None:
    """It exits 1 unless every quotation was kept, grounded and given to its speaker."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "long_article.py"), "--lines", "200", "400"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = re.findall(r"^\s+([\d,]+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+$", run.stdout, re.M)
    assert rows == ["200", "400"]
