"""The benchmark scripts keep running (their numbers are read by people, not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

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
