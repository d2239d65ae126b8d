"""`summarizer check`: exit codes, formats, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.inputs import MAX_BYTES
from tests.conftest import ROOT, SEED_001

SEED = str(ROOT / "seeds" / f"{SEED_001}.txt")
EXAMPLE = str(ROOT / "examples" / "001.summary.json")
runner = CliRunner()


def check(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


def test_json_output_is_the_grounded_summary(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", json.dumps({"who": [{"text": "Donald Trump"}]}))
    code, out, err = check(SEED, good)
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["who"] == [
        {"text": "Donald Trump", "start": 3267, "end": 3279, "match": "exact", "role": None}
    ]
    assert result["article"]["id"] == SEED_001
    assert result["article"]["source"] == SEED
    assert result["meta"]["schema_version"] == 1


def test_rejections_exit_1_and_show_in_markdown() -> None:
    code, out, _ = check(SEED, EXAMPLE, "--format", "md")
    assert code == 1
    assert "## Rejected (4)" in out
    assert "- who: “Vladimir Putin” — name not found in the article" in out
    assert "- Volodymyr Zelenskyy (President of Ukraine) [20-39, exact]" in out


def test_published_date_resolves_relative_times(tmp_path: Path) -> None:
    summary = write(tmp_path, "s.json", json.dumps({"when": [{"text": "Monday"}]}))
    code, out, _ = check(SEED, summary, "--published", "2025-04-08")
    assert code == 0
    assert json.loads(out)["when"][0]["date"] == "2025-04-07"
    assert json.loads(out)["article"]["published"] == "2025-04-08"


def test_summary_from_stdin() -> None:
    code, out, _ = check(SEED, "-", stdin=json.dumps({"where": [{"text": "Sumy"}]}))
    assert code == 0
    assert json.loads(out)["where"][0]["text"] == "Sumy"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\n", "is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "is binary, not text (NUL byte at offset 8)"),
        (
            "latin1.txt",
            "Caf\u00e9 news".encode("latin-1"),
            "is not UTF-8 text (byte 0xe9 at offset 3)",
        ),
    ],
)
def test_unreadable_article_is_a_one_line_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    code, out, err = check(path, EXAMPLE)
    assert (code, out) == (2, "")
    assert err == f"summarizer: error: {path}: {message}\n"


def test_missing_files_and_directories(tmp_path: Path) -> None:
    code, _, err = check(str(tmp_path / "nope.txt"), EXAMPLE)
    assert code == 2
    assert err.endswith("nope.txt: no such file\n")
    code, _, err = check(str(tmp_path), EXAMPLE)
    assert code == 2
    assert err.endswith(": is a directory, not a file\n")


def test_huge_article_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", b"word " * (MAX_BYTES // 5 + 1))
    code, _, err = check(path, EXAMPLE)
    assert code == 2
    assert err.endswith("huge.txt: too large (over 5 MiB)\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "is not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
        ("[1, 2]", "is not a v1 summary (a JSON object is expected)"),
        ('{"who": [{"name": "X"}]}', "is not a v1 summary: who.0.text: Field required (and 1 more)"),
        ('{"quotes": [{"text": "x"}]}', "is not a v1 summary: quotes.0.speaker: Field required"),
        ('{"meta": {"schema_version": 2}}', "is not a v1 summary: meta.schema_version: Input should be 1"),
        # json.loads raises ValueError and RecursionError, not JSONDecodeError, for these
        ('{"who": ' + "7" * 4301 + "}", "is not valid JSON (an integer of more than 4300 digits)"),
        ("[" * 100_000 + "]" * 100_000, "is not valid JSON (nested too deeply)"),
    ],
    ids=["syntax", "array", "who-name", "no-speaker", "version", "long-int", "deep"],
)  # fmt: skip
def test_bad_summary_is_a_one_line_error(tmp_path: Path, data: str, message: str) -> None:
    path = write(tmp_path, "bad.json", data)
    code, out, err = check(SEED, path)
    assert (code, out) == (2, "")
    assert err == f"summarizer: error: {path}: {message}\n"
    assert err.count("\n") == 1


def test_bad_usage_exits_2() -> None:
    assert check(SEED)[0] == 2
    assert check(SEED, EXAMPLE, "--format", "xml")[0] == 2
    code, _, err = check(SEED, EXAMPLE, "--published", "last tuesday")
    assert code == 2
    assert "not a date in the form YYYY-MM-DD" in err
    assert check("-", "-")[0] == 2
