"""Reading what users hand us: article files (text, Markdown, HTML) and v1 summaries.

Every way a file can be unusable (missing, a directory, a FIFO or device, empty, binary,
not UTF-8 (nor UTF-16/32 with a byte-order mark), too large, HTML with no article in it,
not JSON, not a v1 summary) becomes an `InputError` whose message is one line naming the
file, so the CLI can report it and go on with other work.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.schema import ArticleInfo, Summary

MAX_BYTES = 5 * 1024 * 1024  # a news article is tens of kB; more is a wrong file
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MIN_HTML_WORDS = 10  # less is navigation or a stub, not an article


class InputError(Exception):
    """A file that cannot be used; str() is a one-line reason that names the file."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


_NOT_FILES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_file(source: str, mode: int) -> InputError | None:
    """Why what `source` names is not a regular file (reading a FIFO waited forever)."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _NOT_FILES if test(mode)), "not a regular file")
    return InputError(source, f"is {kind}, not a file")


def _read_file(source: str) -> bytes:
    """A regular file's first bytes, opened without waiting (a FIFO's open waits for a
    writer) and checked to be a file before anything is read."""
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except OSError as err:  # a socket cannot be opened: say what it is
        with contextlib.suppress(OSError):
            if (kind := _not_a_file(source, os.stat(source).st_mode)) is not None:
                raise kind from None
        raise InputError(source, f"cannot be read ({err.strerror or err})") from None
    if (kind := _not_a_file(source, os.fstat(fd).st_mode)) is not None:
        os.close(fd)
        raise kind
    with open(fd, "rb") as handle:
        try:
            return handle.read(MAX_BYTES + 1)
        except OSError as err:
            raise InputError(source, f"cannot be read ({err.strerror or err})") from None


def read_bytes(source: str) -> bytes:
    """The bytes of a file, or of standard input for '-'."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1) if source == "-" else _read_file(source)
    if len(data) > MAX_BYTES:
        raise InputError(source, f"too large (over {MAX_BYTES // (1024 * 1024)} MiB)")
    return data


# UTF-32's little-endian mark begins with UTF-16's: the longer marks are tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(source: str, data: bytes) -> str:
    """UTF-8 text, or UTF-16/32 with its byte-order mark (a Windows export); the mark is
    dropped, line ends become '\\n'. Anything else is an InputError that says what it is."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8-sig")
    nul = data.find(b"\x00")
    if encoding == "utf-8-sig" and not data.strip():
        raise InputError(source, "is empty")
    if encoding == "utf-8-sig" and nul != -1:
        raise InputError(source, f"is binary, not text (NUL byte at offset {nul})")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        named = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
        raise InputError(
            source, f"is not {named} text (byte 0x{bad} at offset {err.start})"
        ) from None
    if not text.strip():
        raise InputError(source, "is empty")
    if "\x00" in text:
        raise InputError(source, f"is binary, not text (a NUL character in its {encoding})")
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
    html_title: str | None = None
    html_published: date | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def info(self, published: date | None = None) -> ArticleInfo:
        return ArticleInfo(
            id=self.id,
            source=self.source,
            sha256=self.sha256,
            title=self.html_title or _title(self.text),
            published=published or self.html_published,
        )


def _is_html(source: str, text: str) -> bool:
    if source.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _from_html(source: str, html: str) -> tuple[str, str | None, date | None]:
    """The article text, title and date of an HTML page, by trafilatura's extractor."""
    import trafilatura  # imported here: slow to import, and only HTML needs it

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise InputError(source, "is HTML with no article text in it")
    title = getattr(doc, "title", None)
    published = None
    with contextlib.suppress(TypeError, ValueError):
        published = date.fromisoformat(str(getattr(doc, "date", ""))[:10])
    return text.strip(), title, published


def read_article(source: str) -> Article:
    """Read an article: plain text or Markdown as it is, HTML reduced to its article
    text ('-' for standard input, HTML recognised by its first tag)."""
    text = decode_text(source, read_bytes(source))
    return article_from_text(text, source, "stdin" if source == "-" else Path(source).stem)


def article_from_text(text: str, source: str, article_id: str) -> Article:
    """An article given as text (line ends made '\\n'), read as `read_article` reads a
    file's: HTML reduced to its article text; empty text an InputError."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "is empty")
    title = published = None
    if _is_html(source, text):
        text, title, published = _from_html(source, text)
    return Article(
        id=article_id, source=source, text=text, html_title=title, html_published=published
    )


def collect_articles(paths: list[str]) -> list[str]:
    """Expand directories into their article files (.txt, .md, .html; recursively, sorted);
    files and '-' are kept as given, in order, each once."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if given != "-" and _is_dir(path):
            found += sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            found.append(given)
    return list(dict.fromkeys(found))


def _is_dir(path: Path) -> bool:
    """`path.is_dir()`, False where the system takes no such name ("File name too long"):
    reading it then fails as that file's one-line error, and the other files go on."""
    try:
        return path.is_dir()
    except OSError:
        return False


def parse_json(text: str) -> Any:
    """`json.loads`, with every way a text can fail to be JSON a ValueError with a one-line
    reason: bad syntax, and also what `json` raises other errors for (an integer of more
    digits than Python converts, nesting deeper than the interpreter's stack)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"line {err.lineno}, column {err.colno}: {err.msg}") from None
    except ValueError as err:  # int(): "Exceeds the limit (4300 digits) for integer string …"
        digits = sys.get_int_max_str_digits()
        too_long = "integer string" in str(err)
        raise ValueError(
            f"an integer of more than {digits} digits" if too_long else str(err)
        ) from None
    except RecursionError:
        raise ValueError("nested too deeply") from None


def read_summary(source: str) -> Summary:
    """Read a summary in the v1 JSON format ('-' for standard input)."""
    text = decode_text(source, read_bytes(source))
    try:
        data = parse_json(text)
    except ValueError as err:
        raise InputError(source, f"is not valid JSON ({err})") from None
    if not isinstance(data, dict):
        raise InputError(source, "is not a v1 summary (a JSON object is expected)")
    try:
        return Summary.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        raise InputError(source, f"is not a v1 summary: {where}: {first['msg']}{more}") from None
