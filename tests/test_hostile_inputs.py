"""Inputs a user can hand us by mistake or on purpose: a FIFO, a device or a socket named
as an article, a file name with control characters, a Windows export in UTF-16.

Each is one line naming the file (or, for UTF-16/32 with a byte-order mark, text that is
read), never a hang, a forged line or a wrong reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ROOT

TEXT = "Report.\n\nMaria Hale spoke in Lyon. “We will rebuild homes,” Hale said.\n"


def summarize(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["summarize", *args, "--model", "none"])
    return result.exit_code, result.stdout, result.stderr


def test_a_fifo_is_a_one_line_error_not_a_hang(tmp_path: Path) -> None:
    """A real process: reading a FIFO that no one writes waited forever."""
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", str(fifo), "--model", "none"],
        capture_output=True, text=True, cwd=ROOT, timeout=90,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"summarizer: error: {fifo}: is a FIFO (named pipe), not a file",
        "summarized 0 of 1 articles, 1 failed",
    ]


def test_a_name_too_long_for_the_system_is_a_one_line_error_and_the_rest_go_on(
    tmp_path: Path,
) -> None:
    """An article's text pasted where a path goes: the check for a folder raised
    ENAMETOOLONG, a traceback, and no article was summarized."""
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    pasted = "Maria Hale spoke in Lyon. " * 12
    code, out, err = summarize(pasted, str(good), "--format", "json")
    assert code == 1
    assert json.loads(out)["who"][0]["text"] == "Maria Hale"
    assert err.splitlines() == [
        f"summarizer: error: {pasted}: cannot be read (File name too long)",
        "summarized 1 of 2 articles, 1 failed",
    ]


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "listening.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        yield path


def test_a_device_or_a_socket_is_named_for_what_it_is(unix_socket: Path) -> None:
    code, out, err = summarize("/dev/zero", str(unix_socket))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "summarizer: error: /dev/zero: is a character device, not a file",
        f"summarizer: error: {unix_socket}: is a socket, not a file",
        "summarized 0 of 2 articles, 2 failed",
    ]


def test_a_line_break_in_a_file_name_cannot_forge_an_error_line(tmp_path: Path) -> None:
    forged = tmp_path / "a\nsummarizer: error: other.txt: is empty\x1b[2J.txt"
    forged.write_text("")
    code, _, err = summarize(str(forged))
    assert code == 1
    shown = str(forged).replace("\n", "\\n").replace("\x1b", "\\x1b")
    assert err.splitlines() == [
        f"summarizer: error: {shown}: is empty",
        "summarized 0 of 1 articles, 1 failed",
    ]
    result = CliRunner().invoke(app, ["check", str(forged), str(forged)])
    assert result.exit_code == 2
    assert result.stderr == f"summarizer: error: {shown}: is empty\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read_as_text(
    tmp_path: Path, encoding: str
) -> None:
    """A Windows export: a byte-order mark, CRLF line ends. It was 'binary (NUL byte at
    offset 3)'."""
    path = tmp_path / "export.txt"
    path.write_bytes(("\ufeff" + TEXT.replace("\n", "\r\n")).encode(encoding))
    code, out, err = summarize(str(path))
    assert code == 0, err
    summary = json.loads(out)
    assert summary["article"]["sha256"] == hashlib.sha256(TEXT.encode()).hexdigest()
    assert [w["text"] for w in summary["who"]] == ["Maria Hale"]
    assert [q["text"] for q in summary["quotes"]] == ["We will rebuild homes"]


def test_utf16_that_does_not_decode_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("\ufeffMaria Hale spoke.".encode("utf-16-le") + b"\x00\xdc")  # a lone half
    code, _, err = summarize(str(path))
    assert code == 1
    assert f"summarizer: error: {path}: is not UTF-16 text (byte 0x00 at offset 36)" in err
