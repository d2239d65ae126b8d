"""Reading what users hand us: article files and v1 summary files.

Every way a file can be unusable (missing, a directory, empty, binary, not UTF-8, too large,
not JSON, not a v1 summary) becomes an `InputError` whose message is one line naming the
file, so the CLI can report it and go on with other work.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from summarizer.schema import ArticleInfo, Summary

MAX_BYTES = 5 * 1024 * 1024  # a news article is tens of kB; more is a wrong file


class InputError(Exception):
    """A file that cannot be used; str() is a one-line reason that names the file."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def read_bytes(source: str) -> bytes:
    """The bytes of a file, or of standard input for '-'."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(source)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise InputError(source, "no such file") from None
        except IsADirectoryError:
            raise InputError(source, "is a directory, not a file") from None
        except OSError as err:
            raise InputError(source, f"cannot be read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise InputError(source, f"too large (over {MAX_BYTES // (1024 * 1024)} MiB)")
    return data


def decode_text(source: str, data: bytes) -> str:
    """UTF-8 text (a BOM is dropped, line ends become '\\n'), or an InputError."""
    if not data.strip():
        raise InputError(source, "is empty")
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(source, f"is binary, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            source, f"is not UTF-8 text (byte 0x{bad} at offset {err.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _title(text: str) -> str | None:
    """A first line that reads as a headline: short, more lines after, no final stop."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= 200 and first[-1] not in '.!?:;,\u201d"':
        return first
    return None


@dataclass(frozen=True)
class Article:
    """An article's text (what offsets index) and where it came from."""

    id: str
    source: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def info(self, published: date | None = None) -> ArticleInfo:
        return ArticleInfo(
            id=self.id,
            source=self.source,
            sha256=self.sha256,
            title=_title(self.text),
            published=published,
        )


def read_article(source: str) -> Article:
    """Read a plain-text article file ('-' for standard input)."""
    text = decode_text(source, read_bytes(source))
    return Article(id="stdin" if source == "-" else Path(source).stem, source=source, text=text)


def read_summary(source: str) -> Summary:
    """Read a summary in the v1 JSON format ('-' for standard input)."""
    text = decode_text(source, read_bytes(source))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            source, f"is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        ) from None
    if not isinstance(data, dict):
        raise InputError(source, "is not a v1 summary (a JSON object is expected)")
    try:
        return Summary.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        raise InputError(source, f"is not a v1 summary: {where}: {first['msg']}{more}") from None
