"""Reading gold data (format: eval/README.md in the repository), checked line by line.

A gold file is trusted for nothing: every line must parse, have the fields, and every
item's offsets must point at its text, or the error names the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.inputs import Article
from summarizer.run import Job


class GoldError(Exception):
    """A gold file that cannot be used; the message names the file and line."""


class _Span(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    start: int
    end: int


class _Quote(_Span):
    speaker: str | None = None


class _When(_Span):
    date: str | None = None


class _Gold(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    source: str | None = None
    title: str | None = None
    published: date | None = None
    text: str
    who: list[_Span] = []
    where: list[_Span] = []
    when: list[_When] = []
    quotes: list[_Quote] = []


def _check_offsets(gold: _Gold) -> str | None:
    for name in ("who", "where", "when", "quotes"):
        for i, item in enumerate(getattr(gold, name)):
            if gold.text[item.start : item.end] != item.text:
                return f"{name}[{i}] '{item.text}' is not the text at {item.start}:{item.end}"
    return None


Model = TypeVar("Model", bound=BaseModel)


def _lines(path: Path, model: type[Model]) -> Iterator[tuple[int, dict[str, Any], Model]]:
    """Each non-blank line of a JSONL file: its number, as written, and checked by
    `model`; an unreadable file or a bad line is a `GoldError` naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot be read ({err.__class__.__name__}: {err})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield number, row, model.model_validate(row)
        except json.JSONDecodeError as err:
            raise GoldError(f"{path}:{number}: not JSON ({err.msg})") from None
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise GoldError(f"{path}:{number}: {where}: {first['msg']}") from None


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold articles of a JSONL file, each a dict as written in the file."""
    rows: list[dict[str, Any]] = []
    for number, row, gold in _lines(path, _Gold):
        problem = _check_offsets(gold)
        if problem:
            raise GoldError(f"{path}:{number}: {problem}")
        rows.append(row)
    if not rows:
        raise GoldError(f"{path}: no gold articles in it")
    return rows


class _MainEvent(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    who: list[_Span] = []
    where: list[_Span] = []
    when: list[_Span] = []


def attach_main_events(path: Path, golds: list[list[dict[str, Any]]]) -> None:
    """Give each gold article of `golds` its main-event gold from `path` (eval/README.md:
    `*_main_event.jsonl`) as `"main"`, each line checked: it must name a gold article and
    its offsets must point at that article's text."""
    texts = {row["id"]: row for rows in golds for row in rows}
    for number, _, main in _lines(path, _MainEvent):
        gold = texts.get(main.id)
        if gold is None:
            continue  # an article left out (--limit) or of a gold file not given
        for name in ("who", "where", "when"):
            for i, item in enumerate(getattr(main, name)):
                if gold["text"][item.start : item.end] != item.text:
                    raise GoldError(
                        f"{path}:{number}: {name}[{i}] '{item.text}' is not the text of "
                        f"{main.id} at {item.start}:{item.end}"
                    )
        gold["main"] = main.model_dump(include={"who", "where", "when"})


def gold_job(gold: dict[str, Any]) -> Job:
    """The summarising job for a gold article: its text, id and publication date."""
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    article = Article(id=gold["id"], source=gold.get("source") or gold["id"], text=gold["text"])
    return Job(article, published)
