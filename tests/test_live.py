"""Live: the embedded model, installed and assembled from scratch, summarises a seed.

Not replayed: this is what proves that a broken install or model download cannot pass CI
(`make smoke`, run by .ci/run). Skipped without --live.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.schema import Summary
from tests.conftest import ROOT, SEED_000, assert_grounded


@pytest.mark.live
def test_embedded_model_summarizes_a_seed(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / f"{SEED_000}.txt"
    env_free = {k: v for k, v in __import__("os").environ.items() if not k.startswith("OPENAI_")}
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", str(seed), "--out", f"{tmp_path}/"],
        capture_output=True, text=True, env=env_free, timeout=1800, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    summary = Summary.model_validate(json.loads((tmp_path / f"{SEED_000}.json").read_text()))
    assert_grounded(seed.read_text(encoding="utf-8"), summary)
    assert summary.meta.provider == "local"
    assert summary.who, "the model named nobody"
