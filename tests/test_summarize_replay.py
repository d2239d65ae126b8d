"""`summarize` end to end on recorded runs of the embedded model (cassettes/).

Replayed by default; `make record` re-records them from real runs (pytest --record-mode=
rewrite starts the embedded model). Two tests put a hand-written model answer in front of
a real one to drive a specific path; their names and docstrings say so.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.inputs import read_article
from summarizer.pipeline.article import summarize_article
from summarizer.pipeline.options import Options
from summarizer.providers.calls import open_model
from summarizer.providers.client import TransportPolicy
from summarizer.providers.models import DEFAULT_MODEL
from summarizer.schema import Summary
from tests.answers import picks
from tests.conftest import REPLAY_URL, ROOT, SEED_000, SEED_001, assert_grounded, endpoint
from tests.scripted_server import FORWARD, Reply, Script, scripted_server, tool_call_reply
from tests.test_attribution import SEED0_QUOTES, SEED1_QUOTES

pytestmark = pytest.mark.vcr
SEED0 = str(ROOT / "seeds" / f"{SEED_000}.txt")
SEED1 = str(ROOT / "seeds" / f"{SEED_001}.txt")
INJECTION = str(ROOT / "tests" / "data" / "injection.txt")


def summarize(base_url: str | None, path: str, max_attempts: int = 1) -> Summary:
    model = open_model(endpoint(base_url), TransportPolicy(attempts=3, max_wait=0.01, backoff=0.01))
    options = Options(max_attempts=max_attempts)
    return asyncio.run(summarize_article(model, read_article(path), options=options))


def right_quotes(summary: Summary, truth: list[tuple[str, str]]) -> int:
    """Quotes found with the right speaker (a found quote covers most of a true one)."""
    found = 0
    for text, speaker in truth:
        core = text.rstrip(" ,.")
        found += any(
            core in q.text and q.speaker.split()[-1] == speaker.split()[-1] for q in summary.quotes
        )
    return found


def test_seed_000_clean_run(model_server: str | None) -> None:
    summary = summarize(model_server, SEED0)
    text = read_article(SEED0).text
    assert_grounded(text, summary)
    assert summary.meta.model == DEFAULT_MODEL
    assert summary.meta.provider == "local"
    assert summary.meta.prompt_version
    assert summary.meta.prompt_version.startswith("summarize@")
    assert (summary.meta.usage or {}).get("completion_tokens", 0) > 0
    assert any("Zelensky" in w.text for w in summary.who)
    assert right_quotes(summary, SEED0_QUOTES) >= 2


def test_seed_001_finds_most_quotes_with_their_speakers(model_server: str | None) -> None:
    summary = summarize(model_server, SEED1)
    assert_grounded(read_article(SEED1).text, summary)
    assert right_quotes(summary, SEED1_QUOTES) >= 6  # of 9


def test_reask_repairs_an_invented_name(model_server: str | None) -> None:
    """Hand-written first answer (an invented name, a word that is no name), then the
    real model's answer to the re-ask."""
    wrong = picks(added=["Vladimir Putin", "year"])
    script = Script([tool_call_reply(wrong), FORWARD], forward_to=model_server)
    with scripted_server(script) as url:
        summary = summarize(url if model_server else REPLAY_URL, SEED1, max_attempts=2)
    assert summary.meta.attempts == 2
    assert_grounded(read_article(SEED1).text, summary)
    assert "Vladimir Putin" not in [w.text for w in summary.who]
    if model_server:  # recording: the re-ask told the model what was wrong
        reask = json.dumps(script.requests[1]["messages"])
        assert "'year' is not a name: a name's words are capitalised" in reask


def test_429_then_success(model_server: str | None) -> None:
    """Hand-written 429 with Retry-After, then the real model's answer: one attempt, no
    re-ask, the summary made."""
    script = Script([Reply(429, {"error": {"message": "busy"}}, {"retry-after": "0"}), FORWARD],
                    forward_to=model_server)  # fmt: skip
    with scripted_server(script) as url:
        summary = summarize(url if model_server else REPLAY_URL, SEED0, max_attempts=1)
    assert summary.meta.attempts == 1
    assert summary.who


def test_prompt_injection_stays_grounded(model_server: str | None) -> None:
    summary = summarize(model_server, INJECTION)
    text = read_article(INJECTION).text
    assert_grounded(text, summary)
    assert summary.what is not None
    assert "resign" not in (summary.what.summary or "").lower()
    assert all("Russian project" not in q.text for q in summary.quotes)  # not a quotation


@pytest.mark.default_cassette("test_seed_000_clean_run.yaml")
@pytest.mark.vcr(record_mode="none")  # replays the clean run above, even when recording
def test_cli_writes_one_file_per_article(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "summarize",
            SEED0,
            "--base-url",
            REPLAY_URL,
            "--model",
            DEFAULT_MODEL,
            "--out",
            f"{out}/",
        ],
    )
    assert result.exit_code == 0, result.stderr
    written = json.loads((out / f"{SEED_000}.json").read_text())
    assert written["article"]["id"] == SEED_000
    assert written["meta"]["schema_version"] == 1
    assert sorted(p.name for p in out.iterdir()) == [f"{SEED_000}.json"]  # no temp files left
