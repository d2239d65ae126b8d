"""Writing results: complete or absent, never half a file or half a line.

Every file is written to a temporary name in the same directory, flushed to disk, then
renamed over the target, so a reader (or a crash) never sees a partial file.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the views import pydantic's models; `Format` is read by `--help`
    from summarizer.inputs import Article
    from summarizer.schema import Summary


@dataclass(frozen=True)
class Summarized:
    """A summary with the article it is of: the HTML view shows the text the offsets index."""

    article: Article
    summary: Summary


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"


SUFFIX = {Format.json: ".json", Format.jsonl: ".jsonl", Format.md: ".md", Format.html: ".html"}


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty file beside `path`, named for `remove_stale_temporaries`, created with
    mode 0666 less the umask like any other file we write (`tempfile.mkstemp` makes 0600
    whatever the umask, so results written through it were unreadable to anyone else)."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:
            continue


_TEMPORARY_BYTES = len(".") + len(".0123456789ab.tmp")  # what `_create_temporary` adds
_HASH_CHARS = 8


def stored_name(stem: str, suffix: str, folder: Path) -> str:
    """A file name for `stem` + `suffix` in `folder` that the file system takes, whatever
    the stem: as it is when it fits and holds no control character; else cut (on a
    character) to fit, control characters made '_', and '-' and a hash of the whole stem
    added, so two long names that begin alike stay two files. The full name belongs in the
    file's record, not its name (a 250-character article name crashed every batch)."""
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):  # not there yet, or no such limit: the usual one
        name_max = 255
    budget = name_max - _TEMPORARY_BYTES - len(suffix.encode("utf-8"))
    safe = "".join("_" if unicodedata.category(c) == "Cc" else c for c in stem)
    if safe == stem and len(stem.encode("utf-8")) <= budget:
        return stem + suffix
    digest = hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:_HASH_CHARS]
    room = budget - len(digest) - 1
    cut = safe.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f"{cut}-{digest}{suffix}"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` all at once: temp file, fsync, rename. An OSError names
    `path`, not the temporary."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temporary(path)
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(path)) from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise OSError(err.errno, err.strerror, str(path)) from err
        raise


def write_failure(err: OSError) -> str:
    """The reason a result could not be kept, for that article's one-line error."""
    where = f"{err.filename}: " if err.filename else ""
    return f"cannot be written ({where}{err.strerror or err})"


def remove_stale_temporaries(folder: Path, name: str = "*") -> None:
    """Remove the temporary files `write_atomic` left for `name` in `folder` when its
    process was killed before the rename (they are never the file itself)."""
    for stale in folder.glob(f".{name}.*.tmp"):
        stale.unlink(missing_ok=True)


def render_one(done: Summarized, fmt: Format) -> str:
    from summarizer.html import summary_page
    from summarizer.render import to_json, to_markdown

    summary = done.summary
    if fmt is Format.html:
        return summary_page([(done.article.text, summary)])
    if fmt is Format.md:
        return to_markdown(summary)
    if fmt is Format.jsonl:
        return summary.model_dump_json() + "\n"
    return to_json(summary)


def render_many(results: list[Summarized], fmt: Format) -> str:
    """Several summaries as one document: a JSON array, JSON lines, Markdown reports, or
    one HTML page with a section per article."""
    from summarizer.html import summary_page

    if fmt is Format.html:
        return summary_page([(r.article.text, r.summary) for r in results])
    if fmt is Format.json and len(results) != 1:
        dumped = [r.summary.model_dump(mode="json") for r in results]
        return json.dumps(dumped, indent=2, ensure_ascii=False) + "\n"
    separator = "\n---\n\n" if fmt is Format.md else ""
    return separator.join(render_one(r, fmt) for r in results)


def is_directory_target(out: str) -> bool:
    try:
        return out.endswith(("/", os.sep)) or Path(out).is_dir()
    except OSError:  # a name too long to look up: not a directory, and writing it will say so
        return False


def write_one(done: Summarized, out_dir: Path, fmt: Format) -> Path:
    """One summary into a directory, named after its article."""
    path = out_dir / stored_name(done.summary.article.id or "summary", SUFFIX[fmt], out_dir)
    write_atomic(path, render_one(done, fmt))
    return path


def write_all(results: list[Summarized], out: str | None, fmt: Format) -> None:
    """All summaries to one file (atomically) or to standard output."""
    text = render_many(results, fmt)
    if out is None or out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(Path(out), text)
