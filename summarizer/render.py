"""Turning a summary into what people read: JSON for programs, Markdown for people."""

from __future__ import annotations

from summarizer.schema import Summary, When, Where, Who


def to_json(summary: Summary) -> str:
    return summary.model_dump_json(indent=2) + "\n"


def _at(start: int | None, end: int | None, match: object) -> str:
    return f"[{start}-{end}, {match}]"


def _lines(summary: Summary, main: bool | None) -> dict[str, list[str]]:
    """Each field's items as list lines; with `main` set, only items marked so (or not)."""

    def keep(item: Who | Where | When) -> bool:
        return main is None or bool(item.main) == main

    return {
        "Who": [
            f"- {w.text}{f' ({w.role})' if w.role else ''} {_at(w.start, w.end, w.match)}"
            for w in summary.who
            if keep(w)
        ],
        "Where": [f"- {w.text} {_at(w.start, w.end, w.match)}" for w in summary.where if keep(w)],
        "When": [
            f"- {w.text}{f' → {w.date}' if w.date else ''} {_at(w.start, w.end, w.match)}"
            for w in summary.when
            if keep(w)
        ],
    }


def _four_ws(summary: Summary) -> list[str]:
    """Who, where and when: the main event's first and then "Also named", when the summary
    marks a main event; else each field in full."""
    out: list[str] = []
    if not any(i.main for i in (*summary.who, *summary.where, *summary.when)):
        for title, items in _lines(summary, None).items():
            out += ["", f"## {title}", *(items or ["- (none)"])]
        return out
    out += ["", "## Main event"]
    for title, items in _lines(summary, True).items():
        out += ["", f"### {title}", *(items or ["- (none)"])]
    out += ["", "## Also named"]
    for title, items in _lines(summary, False).items():
        out += ["", f"### {title}", *(items or ["- (none)"])]
    return out


def to_markdown(summary: Summary) -> str:
    """A readable report: every kept item with its offsets (the main event's who, where
    and when first), then every rejection."""
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
    lines += _four_ws(summary)
    quotes = [f"- “{q.text}” — {q.speaker} {_at(q.start, q.end, q.match)}" for q in summary.quotes]
    lines += ["", "## Quotes", *(quotes or ["- (none)"])]
    if summary.rejected:
        lines += ["", f"## Rejected ({len(summary.rejected)})"]
        for r in summary.rejected:
            lines.append(f"- {r.field}: “{r.claim}” — {r.reason}")
    return "\n".join(lines) + "\n"
