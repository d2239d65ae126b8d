"""Turning a summary into what people read: JSON for programs, Markdown for people."""

from __future__ import annotations

from summarizer.schema import Summary


def to_json(summary: Summary) -> str:
    return summary.model_dump_json(indent=2) + "\n"


def _at(start: int | None, end: int | None, match: object) -> str:
    return f"[{start}-{end}, {match}]"


def to_markdown(summary: Summary) -> str:
    """A readable report: every kept item with its offsets, then every rejection."""
    art = summary.article
    lines = [f"# {art.title or art.id or 'Summary'}"]
    facts = [
        f"source: {art.source}" if art.source else "",
        f"published: {art.published}" if art.published else "",
        f"sha256: {art.sha256[:12]}…" if art.sha256 else "",
    ]
    if any(facts):
        lines += ["", " · ".join(f for f in facts if f)]
    if summary.what:
        source = (
            " *(the article's own sentence, shortened)*"
            if summary.meta.what_source == "text"
            else ""
        )
        lines += ["", f"**What:** {summary.what.summary or '(rejected)'}{source}"]
        lines += [
            f"- evidence: “{e.text}” {_at(e.start, e.end, e.match)}" for e in summary.what.evidence
        ]
    sections: list[tuple[str, list[str]]] = [
        (
            "Who",
            [
                f"- {w.text}{f' ({w.role})' if w.role else ''} {_at(w.start, w.end, w.match)}"
                for w in summary.who
            ],
        ),
        ("Where", [f"- {w.text} {_at(w.start, w.end, w.match)}" for w in summary.where]),
        (
            "When",
            [
                f"- {w.text}{f' → {w.date}' if w.date else ''} {_at(w.start, w.end, w.match)}"
                for w in summary.when
            ],
        ),
        (
            "Quotes",
            [f"- “{q.text}” — {q.speaker} {_at(q.start, q.end, q.match)}" for q in summary.quotes],
        ),
    ]
    for title, items in sections:
        lines += ["", f"## {title}", *(items or ["- (none)"])]
    if summary.rejected:
        lines += ["", f"## Rejected ({len(summary.rejected)})"]
        for r in summary.rejected:
            lines.append(f"- {r.field}: “{r.claim}” — {r.reason}")
    return "\n".join(lines) + "\n"
