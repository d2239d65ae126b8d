"""The comparison as a brief for an editor (Markdown): what the sources agree on, what only
one of them says, the quotes that changed on the way (with the words that changed), and the
numbers they state differently. The JSON holds everything; this says what matters first."""

from __future__ import annotations

from summarizer.compare.model import (
    Comparison,
    DiffOp,
    EntityKind,
    EntityRow,
    QuoteLabel,
    QuoteMatch,
    QuoteRef,
    Source,
)

_KIND_NAMES = {
    EntityKind.who: "People and organisations",
    EntityKind.where: "Places",
    EntityKind.when: "Times",
}
_DRIFT = {QuoteLabel.reworded, QuoteLabel.fragment}
_ALIKE = {QuoteLabel.identical, QuoteLabel.typography}


def _tag(source: int) -> str:
    return f"[{source + 1}]"


def _source_line(s: Source) -> str:
    facts = [s.source or "", str(s.published or ""), f"summary: {s.model}" if s.model else ""]
    return f"{_tag(s.index)} **{s.title or s.id or 'untitled'}** " + " · ".join(
        f for f in facts if f
    )


def _entity_lines(rows: list[EntityRow]) -> list[str]:
    lines = []
    for kind, title in _KIND_NAMES.items():
        names = [_entity_name(r) for r in rows if r.kind is kind]
        if names:
            lines.append(f"- {title}: " + "; ".join(names))
    return lines


def _entity_name(row: EntityRow) -> str:
    spellings = sorted({m.text for m in row.mentions} - {row.name})
    name = row.name + (f" (also “{'”, “'.join(spellings)}”)" if spellings else "")
    return name + (f" = {row.date}" if row.date and row.kind is EntityKind.when else "")


def _quote(ref: QuoteRef) -> str:
    return f"{_tag(ref.source)} “{ref.text}” ({ref.speaker}, {ref.start}-{ref.end})"


def diff_markdown(ops: list[DiffOp]) -> str:
    """The word diff inline: ~~deleted~~ words of the first, **inserted** of the second."""
    marks = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}
    return " ".join(marks[o.op].format(o.text) for o in ops)


def _drift(m: QuoteMatch) -> list[str]:
    assert m.b is not None
    head = f"- **{m.label.value}**, similarity {m.similarity:.0f}/100:"
    return [head, f"  - {_quote(m.a)}", f"  - {_quote(m.b)}", f"  - words: {diff_markdown(m.diff)}"]


def to_brief(c: Comparison) -> str:
    """The Markdown brief of a comparison."""
    n = len(c.sources)
    every = [r for r in c.entities if len(r.sources) == n]
    pairs = [m for m in c.quotes if m.b is not None]
    lines = [f"# Comparison of {n} sources", "", *(f"- {_source_line(s)}" for s in c.sources)]
    lines += ["", "## What all sources say", ""]
    lines += _entity_lines(every) or ["- nothing in common"]
    alike = [m for m in pairs if m.label in _ALIKE]
    lines += [f"- Quoted alike ({m.label.value}): {_quote(m.a)}" for m in alike]
    if n > 2:
        some = [r for r in c.entities if 1 < len(r.sources) < n]
        if some:
            lines += ["", "## What some sources say", ""]
            lines += [f"- {_entity_name(r)}: {' '.join(map(_tag, r.sources))}" for r in some]
    lines += ["", "## What only one source says"]
    for s in c.sources:
        own = [r for r in c.entities if r.sources == [s.index]]
        quotes = [m.a for m in c.quotes if m.b is None and m.a.source == s.index]
        if own or quotes:
            lines += ["", f"### {_tag(s.index)} {s.title or s.id or ''}".rstrip(), ""]
            lines += _entity_lines(own) + [f"- Quote: {_quote(q)}" for q in quotes]
    drifted = [m for m in pairs if m.label in _DRIFT]
    lines += ["", "## Quotes that drifted", ""]
    lines += [line for m in drifted for line in _drift(m)] or ["- none"]
    moved = [m for m in pairs if m.label is QuoteLabel.different_speakers]
    if moved:
        lines += ["", "## Quotes given to different speakers", ""]
        lines += [f"- {_quote(m.a)} / {_quote(m.b)}" for m in moved if m.b is not None]
    lines += ["", "## Numbers that differ", ""]
    differ = [r for r in c.numbers if r.differs]
    lines += [
        f"- {r.key}: "
        + "; ".join(f"{_tag(m.source)} “{m.text}” ({m.sentence})" for m in r.mentions)
        for r in differ
    ] or ["- none (" + (f"{len(c.numbers)} stated alike)" if c.numbers else "none compared)")]
    return "\n".join(lines) + "\n"
