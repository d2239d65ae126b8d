"""`summarizer compare` on the command line: formats, --out, --summary, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.compare.model import COMPARE_VERSION, Comparison, QuoteLabel
from tests.conftest import ROOT, SEED_000, SEED_001

SEEDS = [str(ROOT / "seeds" / f"{name}.txt") for name in (SEED_000, SEED_001)]
DATA = ROOT / "tests" / "data" / "compare"
NUMBERS = [str(DATA / "numbers_a.txt"), str(DATA / "numbers_b.txt")]
runner = CliRunner()


def compare(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["compare", *args])
    return result.exit_code, result.stdout, result.stderr


def summaries(tmp_path: Path, articles: list[str]) -> list[str]:
    """Summaries of the articles as `summarize --model none` writes them."""
    paths = []
    for k, article in enumerate(articles):
        out = tmp_path / f"s{k}.json"
        made = runner.invoke(app, ["summarize", article, "--model", "none", "--out", str(out)])
        assert made.exit_code == 0, made.stderr
        paths.append(str(out))
    return paths


def test_json_is_the_versioned_contract_with_sources_in_order() -> None:
    code, out, err = compare(*SEEDS, "--model", "none")
    assert (code, err) == (0, "")
    result = Comparison.model_validate_json(out)
    assert result.compare_version == COMPARE_VERSION == 1
    assert [s.source for s in result.sources] == SEEDS
    assert [s.model for s in result.sources] == ["none", "none"]
    assert sum(m.label is QuoteLabel.reworded for m in result.quotes) == 3


def test_markdown_brief_names_the_drift_and_the_changed_number() -> None:
    code, out, _ = compare(*NUMBERS, "--model", "none", "--format", "md")
    assert code == 0
    assert out.startswith("# Comparison of 2 sources\n")
    section = out.split("## Numbers that differ\n", 1)[1]
    assert "[1] “12 people”" in section
    assert "[2] “At least 15 people”" in section
    code, out, _ = compare(*SEEDS, "--model", "none", "--format", "md")
    drift = out.split("## Quotes that drifted\n", 1)[1]
    assert "~~rightful~~ **just" in drift


def test_out_is_written_whole_and_nothing_on_stdout(tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    code, out, _ = compare(*NUMBERS, "--model", "none", "--out", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["compare_version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]  # no temporary left


def test_given_summaries_are_compared_without_a_model(tmp_path: Path) -> None:
    given = summaries(tmp_path, NUMBERS)
    code, out, err = compare(*NUMBERS, "--summary", given[0], "--summaries", given[1])
    assert (code, err) == (0, "")
    made = json.loads(compare(*NUMBERS, "--model", "none")[1])
    assert json.loads(out) == made  # the same summaries, so the same comparison


def test_a_summary_of_another_article_is_refused_naming_the_file(tmp_path: Path) -> None:
    given = summaries(tmp_path, NUMBERS)
    target = tmp_path / "c.json"
    code, out, err = compare(
        *NUMBERS, "--summary", given[1], "--summary", given[0], "--out", str(target)
    )
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"summarizer: error: {given[1]}: is a summary of another text")
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([SEEDS[0]], "compare needs two articles or more, got 1"),
        ([SEEDS[0], "missing.txt"], "missing.txt: no such file"),
        ([*SEEDS, "--summary", "only-one.json"], "--summary given 1 times for 2 articles"),
        ([*SEEDS, "--summary", "a.json", "--summary", "b.json"], "a.json: no such file"),
    ],
)
def test_bad_usage_and_input_exit_2_with_one_line(args: list[str], message: str) -> None:
    code, out, err = compare(*args, "--model", "none")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err


def test_html_format_writes_one_page_with_both_articles(tmp_path: Path) -> None:
    out = tmp_path / "compare.html"
    code, stdout, err = compare(*SEEDS, "--model", "none", "--format", "html", "--out", str(out))
    assert (code, stdout) == (0, ""), err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<div class="source"') == 2
