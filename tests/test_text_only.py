"""`--model none`: the summary the article's text gives, with no model at all."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.schema import Summary
from tests.conftest import ROOT, SEED_000, assert_grounded, seed_text
from tests.test_attribution import SEED0_QUOTES


def test_model_none_summarises_from_the_text_every_quote_with_its_speaker(
    tmp_path: Path,
) -> None:
    out = tmp_path / "s.json"
    seed = ROOT / "seeds" / f"{SEED_000}.txt"
    run = CliRunner().invoke(app, ["summarize", str(seed), "--model", "none", "--out", str(out)])
    assert run.exit_code == 0, run.stderr
    summary = Summary.model_validate(json.loads(out.read_text(encoding="utf-8")))
    text = seed_text(SEED_000)
    assert_grounded(text, summary)
    assert summary.meta.provider == "text"
    assert summary.meta.usage is None  # no model called …
    # … so `what` is the text's: its main-event sentence, shortened, every word the article's.
    assert summary.what is not None
    assert summary.what.summary is not None
    assert summary.meta.what_source == "text"
    assert len(summary.what.summary.split()) <= 25
    assert summary.what.evidence
    source = summary.what.evidence[0].text
    at = 0
    for word in summary.what.summary.rstrip(".").split():
        at = source.find(word.rstrip(","), at)
        assert at >= 0, f"'{word}' is not the evidence's, in its order"
    # Every direct quotation, none left to a model's choice, each with its verified speaker.
    assert [(q.text, q.speaker) for q in summary.quotes] == SEED0_QUOTES
    assert {q.speaker_check for q in summary.quotes} == {"verified"}
    assert "Volodymyr Zelensky" in [w.text for w in summary.who]
    # A time is the expression itself, resolved: "Monday", not the phrase around it.
    assert "Monday" in [w.text for w in summary.when]


def test_model_none_needs_no_server_even_with_a_base_url(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“We will rebuild,” Maria Hale said in London on Monday.", encoding="utf-8")
    run = CliRunner().invoke(
        app,
        ["summarize", str(article), "--model", "none", "--base-url", "http://127.0.0.1:9/v1"],
    )
    assert run.exit_code == 0, run.stderr
    summary = Summary.model_validate(json.loads(run.stdout))
    assert [(q.speaker, q.speaker_check) for q in summary.quotes] == [("Maria Hale", "verified")]
    assert [w.text for w in summary.where] == ["London"]


def test_markdown_says_when_what_is_the_article_s_own_sentence() -> None:
    seed = ROOT / "seeds" / f"{SEED_000}.txt"
    run = CliRunner().invoke(app, ["summarize", str(seed), "--model", "none", "--format", "md"])
    assert run.exit_code == 0, run.stderr
    (line,) = [x for x in run.stdout.splitlines() if x.startswith("**What:**")]
    assert line.endswith("*(the article's own sentence, shortened)*")
