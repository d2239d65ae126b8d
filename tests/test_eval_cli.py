"""`summarizer eval` end to end on a small hand-made gold file with known answers.

The model's answers are hand-written (they drive the eval path: known predictions make
known scores); the metric code itself is tested in test_evaluation.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from summarizer.cli import app
from tests.answers import picks
from tests.scripted_server import Reply, Script, scripted_server, tool_call_reply
from tests.test_evaluation import gold

# Right about Hale and Lyon; "Paris" is not in the article (refused, never output). The
# text proposes Ortiz and both quotes whatever the model answers.
ANSWER = picks(added=["Lyon", "Paris"])


def gold_file(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run_eval(url: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args, "--base-url", url, "--model", "scripted"])


def test_eval_prints_a_table_writes_json_and_reruns_from_the_cache(tmp_path: Path) -> None:
    rows = [gold() | {"id": "a", "published": "2024-05-06"}]
    path, out = gold_file(tmp_path, rows), tmp_path / "eval.json"
    script = Script([tool_call_reply(ANSWER)])
    with scripted_server(script) as url:
        first = run_eval(url, str(path), "--out", str(out))
        assert first.exit_code == 0, first.stderr
        firsts = json.loads(out.read_text())[0]
        second = run_eval(url, str(path), "--out", str(out))
        assert second.exit_code == 0, second.stderr
    assert len(script.requests) == 1  # the rerun made no model call
    seconds = json.loads(out.read_text())[0]
    assert "quote recall, ≥0.8 overlap" in first.stdout
    assert "ungrounded items in the output" in first.stdout
    totals = firsts["totals"]
    assert totals["quote_r_overlap"] == 1.0  # both: quotes come from the text
    assert totals["quote_p_overlap"] == 1.0
    assert totals["speaker_acc"] == 1.0
    assert totals["who_recall"] == 1.0  # Hale and Ortiz: every name the text proposes
    assert totals["where_recall"] == 1.0
    assert totals["where_precision"] == 1.0
    assert totals["rejected_by_kind"] == {"where": 1}
    assert totals["ungrounded"] == 0
    assert firsts["cached_calls"] == 0
    assert seconds["cached_calls"] == 1
    assert seconds["totals"] | {"seconds_per_article": 0} == totals | {"seconds_per_article": 0}
    assert [a["id"] for a in seconds["articles"]] == ["a"]


def test_a_failed_article_counts_as_missed_and_sets_the_exit(tmp_path: Path) -> None:
    rows = [gold() | {"id": "a"}, gold() | {"id": "b"}]
    path, out = gold_file(tmp_path, rows), tmp_path / "eval.json"
    script = Script([tool_call_reply(ANSWER), Reply(400, {"error": {"message": "no"}})])
    with scripted_server(script) as url:
        result = run_eval(url, str(path), "--out", str(out), "--no-cache")
    assert result.exit_code == 1
    assert "gold.jsonl: b: model error" in result.stderr
    (numbers,) = json.loads(out.read_text())
    assert numbers["failed"] == 1
    assert numbers["totals"]["quote_r_overlap"] == 0.5  # 2 of 4 gold quotes over 2 articles


def test_limit_scores_the_first_articles_only(tmp_path: Path) -> None:
    rows = [gold() | {"id": i} for i in "abc"]
    path, out = gold_file(tmp_path, rows), tmp_path / "eval.json"
    with scripted_server(Script([tool_call_reply(ANSWER)])) as url:
        result = run_eval(url, str(path), "--out", str(out), "--limit", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())[0]["totals"]["articles"] == 1


def test_an_unusable_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    broken = gold() | {"id": "a"}
    broken["who"][0]["start"] += 1  # offsets no longer point at the text
    cases = {
        "gold.jsonl:1: who[0] 'Maria Hale' is not the text at": [broken],
        "gold.jsonl:1: text: Field required": [{"id": "a"}],
    }
    for message, rows in cases.items():
        result = run_eval("http://127.0.0.1:9/v1", str(gold_file(tmp_path, rows)))
        assert result.exit_code == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    result = run_eval("http://127.0.0.1:9/v1", str(tmp_path / "bad.jsonl"))
    assert result.exit_code == 2
    assert "bad.jsonl:1: not JSON" in result.stderr
    missing = run_eval("http://127.0.0.1:9/v1", str(tmp_path / "none.jsonl"))
    assert missing.exit_code == 2
    assert "none.jsonl: cannot be read" in missing.stderr
