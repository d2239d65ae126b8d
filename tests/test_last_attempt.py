"""A run whose last attempt still fails: hand-written model answers (both wrong) drive the
path; the summary is written with the refused items in `rejected` and the exit is 0."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.schema import Summary
from tests.answers import picks
from tests.conftest import ROOT, SEED_001, assert_grounded
from tests.scripted_server import Script, scripted_server, tool_call_reply

SEED1 = ROOT / "seeds" / f"{SEED_001}.txt"


def test_refusals_after_the_last_attempt_are_kept_and_the_summary_written(tmp_path: Path) -> None:
    # There is no Putin in the article, and "year" is no name.
    hallucinated = picks("Trump said he was not happy.", ["Vladimir Putin", "year"])
    script = Script([tool_call_reply(hallucinated), tool_call_reply(hallucinated)])
    out = tmp_path / "summary.json"
    with scripted_server(script) as url:
        result = CliRunner().invoke(
            app,
            ["summarize", str(SEED1), "--base-url", url, "--model", "scripted",
             "--max-attempts", "2", "--out", str(out)],
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(script.requests) == 2  # one re-ask, then no more
    reask = script.requests[1]["messages"][-1]["content"]
    assert "Vladimir Putin" in reask
    assert "'year' is not a name: a name's words are capitalised" in reask
    summary = json.loads(out.read_text())
    assert summary["meta"]["attempts"] == 2
    assert "Volodymyr Zelenskyy" in [w["text"] for w in summary["who"]]
    refused = {
        (r["field"], r["item"]["text"]) for r in summary["rejected"] if r["item"] != str(r["item"])
    }
    assert refused >= {
        ("who", "Vladimir Putin"),
        ("where", "year"),
    }
    assert_grounded(SEED1.read_text(encoding="utf-8"), Summary.model_validate(summary))
