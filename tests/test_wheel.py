"""The built wheel, installed as a user would (not editable, a fresh venv, dependencies
from the package index), works away from the checkout: `check`, and `summarize` of a text
and an HTML article against the loopback server. Before, the wheel held no prompt
templates (`no prompt 'summarize'`) and its install left out lxml's HTML cleaner, which
trafilatura needs, with a warning.

Needs the package index (pip's cache makes a rerun quicker); `-m "not wheel"` skips it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.answers import ANSWER
from tests.conftest import ROOT, SEED_001
from tests.scripted_server import Script, scripted_server, tool_call_reply

pytestmark = pytest.mark.wheel

ARTICLE = "Report.\n\nMaria Hale spoke in Lyon. “We will rebuild 40 homes,” Hale said.\n"
HTML = (
    "<html><head><title>Hale in Lyon</title></head><body><article><h1>Hale in Lyon</h1>"
    "<p>Maria Hale spoke in Lyon on Monday about the homes that the storm destroyed.</p>"
    "<p>“We will rebuild 40 homes,” Hale said to the crowd that had gathered there.</p>"
    "</article></body></html>"
)
# This machine's pip configuration names index locations that do not exist; pip says so
# for every package. Not a warning about what we install.
MACHINE_NOISE = "is ignored: it is neither a file nor a directory"


def pip(python: Path | str, *args: str, cwd: Path) -> str:
    run = subprocess.run([str(python), "-m", "pip", *args], capture_output=True, text=True, cwd=cwd)
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed from a build of this tree; its bin/.

    Installed by the venv's own pip, as a user would, without upgrading it first: the pip
    that Python bundles is the one that warned about lxml's extra and left it out."""
    work = tmp_path_factory.mktemp("wheel")
    pip(
        sys.executable,
        "wheel",
        "--no-deps",
        "--quiet",
        "-w",
        str(work / "dist"),
        str(ROOT),
        cwd=work,
    )
    (wheel,) = (work / "dist").glob("summarizer-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    python = work / "venv" / "bin" / "python"
    log = pip(python, "install", str(wheel), cwd=work)
    assert warnings_in(log) == []
    return python.parent


def warnings_in(log: str) -> list[str]:
    """pip's warnings, and its resolver's notes: "INFO: pip is looking at multiple
    versions of openai…" meant minutes of backtracking (5 min 41 s through 67 versions of
    openai: issue 23), and pip says it as INFO, not as a warning."""
    return [
        line
        for line in log.splitlines()
        if ("WARNING" in line and MACHINE_NOISE not in line) or line.startswith("INFO:")
    ]


def test_the_install_log_check_sees_backtracking() -> None:
    """What the fixture rejects, from the log of the install that backtracked."""
    backtracked = (
        "Collecting openai>=1.40\n"
        "INFO: pip is looking at multiple versions of openai to determine which version is "
        "compatible with other requirements. This could take a while.\n"
        f"WARNING: Location 'file:///opt/pypi/simple/openai/' {MACHINE_NOISE}.\n"
    )
    assert len(warnings_in(backtracked)) == 1


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, away from the checkout: no PYTHONPATH, no config, own cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SUMMARIZER_"))}
    env |= {"HOME": str(cwd), "SUMMARIZER_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run(
        [str(bin_dir / "summarizer"), *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_the_installed_package_is_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "python"), "-c", "import summarizer; print(summarizer.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)


def test_check_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    article = shutil.copy(ROOT / "seeds" / f"{SEED_001}.txt", tmp_path / "a.txt")
    summary = shutil.copy(ROOT / "examples" / "001.summary.json", tmp_path / "s.json")
    result = run(installed, tmp_path, "check", str(article), str(summary))
    assert result.returncode == 1, result.stderr  # the example has planted mistakes
    grounded = json.loads(result.stdout)
    assert [q["speaker"] for q in grounded["quotes"]] == ["Volodymyr Zelenskyy"]
    assert "attributes this quote to 'Donald Trump'" in result.stdout
    assert result.stderr == ""


def test_summarize_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    with scripted_server(Script([], default=tool_call_reply(ANSWER))) as url:
        result = run(
            installed, tmp_path, "summarize", "a.txt", "b.html", "--base-url", url,
            "--model", "scripted", "--format", "jsonl",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    summaries = [json.loads(line) for line in result.stdout.splitlines()]
    assert [s["article"]["source"] for s in summaries] == ["a.txt", "b.html"]
    for summary in summaries:
        assert [w["text"] for w in summary["who"]] == ["Maria Hale"]
        assert summary["quotes"][0]["text"] == "We will rebuild 40 homes"
        assert summary["meta"]["prompt_version"].startswith("summarize@")
    assert summaries[1]["article"]["title"] == "Hale in Lyon"
