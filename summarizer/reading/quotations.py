"""Where the article itself marks direct speech.

Rule 2 accepts a quote only inside the article's own quotation marks, and rule 3 looks for
its speaker in the narrator text around it, so both need the article's quotation
regions. The parser knows curly, straight, low-high („…“) and guillemet double quotes,
single quotes at the top level, quotations interrupted by narration, and the news
convention for quotations over several paragraphs (no closing mark at the end of a
paragraph, an opening mark at the start of the next).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_CLOSERS = {"\u201c": "\u201d", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", '"': '"'}
_SINGLE_OPEN = "\u2018'"
# A pull quote with its credit: "I was hauled in and told to disconnect. Valeska Paris"
_CREDITED = re.compile(r"(.{20,}[.!?])\s+[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,3}")
_QUOTE_CHARS = '"\u201c\u201d\u201e\u00ab\u00bb'
_SINGLE_CLOSE = "\u2019'"


@dataclass(frozen=True)
class Region:
    """The inner text of one quotation (marks excluded) and the chain it belongs to.

    `chain` is the index of the first region of a quotation that runs over several
    paragraphs, so that its continuation paragraphs share the opening's attribution.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    chain: int


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and (after.isalnum() or after in '"\u201c')


def _closes_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _runs_on(text: str, newline: int, closers: str) -> bool:
    """Whether an open quotation carries on through the paragraph after `newline`.

    Some outlets close a quotation over several paragraphs only at its end, without
    reopening it: the next paragraph then does not start with an opening mark, and its
    first quotation mark is a closing one.
    """
    end = text.find("\n", newline + 1)
    para = text[newline + 1 : end if end != -1 else len(text)].strip()
    if not para or para[0] in _CLOSERS:
        return para == ""
    if closers == '"':
        at = para.find('"')
        after = para[at + 1 : at + 2]
        return at > 0 and not para[at - 1].isspace() and not after.isalnum()
    first_close = min((p for p in (para.find(c) for c in closers) if p != -1), default=-1)
    first_open = min((p for p in (para.find(c) for c in _CLOSERS) if p != -1), default=-1)
    return first_close != -1 and (first_open == -1 or first_close < first_open)


def quote_regions(text: str) -> list[Region]:
    """All quotation regions of `text`, in order: marked ones and block quotations."""
    marked = _marked_regions(text)
    blocks = _block_quotes(text, marked)
    if not blocks:
        return marked
    order = sorted(
        [(r.start, True, i, r) for i, r in enumerate(marked)]
        + [(b.start, False, j, b) for j, b in enumerate(blocks)]
    )
    moved = {old: new for new, (_, is_marked, old, _) in enumerate(order) if is_marked}
    return [
        Region(r.start, r.end, r.open_at, r.close_at, moved[r.chain] if is_marked else new)
        for new, (_, is_marked, _, r) in enumerate(order)
    ]


def _block_quotes(text: str, marked: list[Region]) -> list[Region]:
    """Paragraphs set off as a quotation without marks, holding no quotation mark of their
    own: after a paragraph that ends with a colon ("the Church denied these allegations:"),
    or ending in the name of the person quoted (a pull quote)."""
    blocks: list[Region] = []
    previous = ""
    offset = 0
    for line in text.split("\n"):
        body = line.strip()
        if body and not any(c in body for c in _QUOTE_CHARS):
            start = offset + line.index(body)
            end = start + len(body)
            credit = _CREDITED.fullmatch(body)
            if credit:
                end = start + len(credit.group(1))
            inside = any(r.open_at <= start < r.close_at for r in marked)
            if (previous.endswith(":") or credit) and not inside:
                blocks.append(Region(start, end, start, end, -1))
        if body:
            previous = body
        offset += len(line) + 1
    return blocks


def _marked_regions(text: str) -> list[Region]:
    """The regions inside the article's own quotation marks, in order."""
    regions: list[Region] = []
    open_at: int | None = None
    closers = ""
    single_at: int | None = None
    continues: int | None = None  # chain of an unclosed quotation at the last paragraph end
    para_start = True

    def add(start: int, end: int, opened: int, closed: int, chain: int | None) -> None:
        regions.append(Region(start, end, opened, closed, len(regions) if chain is None else chain))

    chain: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            if open_at is not None and _runs_on(text, i, closers):
                continue
            if open_at is not None:
                add(open_at + 1, i, open_at, i, chain)
                continues = regions[-1].chain
            elif not para_start:
                continues = None
            open_at, single_at, para_start = None, None, True
            continue
        if ch.isspace():
            continue
        if open_at is None and ch in _CLOSERS:
            open_at, closers = i, _CLOSERS[ch]
            chain = continues if para_start else None
            single_at = None
        elif open_at is not None and ch in closers:
            add(open_at + 1, i, open_at, i + 1, chain)
            open_at, chain = None, None
        elif open_at is None and single_at is None and ch in _SINGLE_OPEN:
            single_at = i if _opens_single(text, i) else None
        elif (
            open_at is None
            and single_at is not None
            and ch in _SINGLE_CLOSE
            and _closes_single(text, i)
        ):
            add(single_at + 1, i, single_at, i + 1, None)
            single_at = None
        if para_start:
            para_start = False
            if open_at is None:
                continues = None
    if open_at is not None:
        add(open_at + 1, len(text), open_at, len(text), chain)
    return regions


def region_index(regions: list[Region], start: int, end: int) -> int | None:
    """The index of the innermost region whose inner text contains [start, end), if any
    (a quotation inside a block quotation is a region of its own)."""
    i = bisect_right(regions, start, key=lambda r: r.start) - 1  # no list made: once a quote
    for j in range(i, max(-1, i - 8), -1):
        if regions[j].start <= start and end <= regions[j].end:
            return j
    return None
