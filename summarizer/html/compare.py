"""The HTML view of a comparison (`summarizer compare --format html`): the articles side
by side, each quote a link to its counterpart in the other article, the entities each
source mentions highlighted, then the quote pairs with their word diff (`<del>` the first
source's words, `<ins>` the second's), the entity rows and the numbers.

Ids: `s<N>-quote-<i>` is quote i of source N's summary; `s<N>-<kind>-<row>-<m>` is mention
m of entity row `row`; `pair-<k>` is the k-th quote match.
"""

from __future__ import annotations

from markupsafe import Markup

from summarizer.compare.model import Comparison, DiffOp, QuoteMatch, QuoteRef, Source
from summarizer.html.page import highlight, legend, page
from summarizer.html.spans import Span, nest

_LABELS = {
    "identical": "identical",
    "typography": "same up to typography",
    "fragment": "one a fragment of the other",
    "reworded": "reworded",
    "different_speakers": "given to different speakers",
    "one_source": "in one source only",
}


def _quote_id(ref: QuoteRef) -> str:
    return f"s{ref.source}-quote-{ref.index}"


def quote_targets(comparison: Comparison) -> dict[tuple[int, int], tuple[QuoteRef, str, str]]:
    """Each quote (source, index) → its ref, where its link goes (the first counterpart in
    another source, else its row) and its label."""
    targets: dict[tuple[int, int], tuple[QuoteRef, str, str]] = {}
    for k, match in enumerate(comparison.quotes):
        pair = [(match.a, match.b), (match.b, match.a)] if match.b else [(match.a, None)]
        for ref, other in pair:
            if ref is None or (ref.source, ref.index) in targets:
                continue
            href = f"#{_quote_id(other)}" if other is not None else f"#pair-{k}"
            targets[(ref.source, ref.index)] = (ref, href, _LABELS[match.label.value])
    return targets


def source_spans(comparison: Comparison, source: int) -> list[Span]:
    """The highlights of one source's text: its quotes (links) and its entity mentions."""
    n = len(comparison.sources)
    spans = [
        highlight(
            "quote",
            ref.start,
            ref.end,
            _quote_id(ref),
            f"{label} — {ref.speaker}; go to the other rendering",
            tag="a",
            extra=(("href", href),),
        )
        for (src, _), (ref, href, label) in quote_targets(comparison).items()
        if src == source and ref.start is not None and ref.end is not None
    ]
    for row_index, row in enumerate(comparison.entities):
        for m, mention in enumerate(row.mentions):
            if mention.source != source or mention.start is None or mention.end is None:
                continue
            ident = f"s{source}-{row.kind.value}-{row_index}-{m}"
            title = f"{row.name}: in {len(row.sources)} of {n} sources"
            spans.append(highlight(row.kind.value, mention.start, mention.end, ident, title))
    return spans


def _tag(source: int) -> str:
    return f"[{source + 1}]"


def _source_column(comparison: Comparison, source: Source, text: str) -> Markup:
    facts = " · ".join(
        f for f in (source.source or "", str(source.published or ""), f"model: {source.model}") if f
    )
    return Markup(
        '<div class="source" id="s{}"><h2>{} {}</h2><p class="facts">{}</p>'
        '<div class="text" aria-label="Article text">{}</div></div>'
    ).format(
        source.index,
        _tag(source.index),
        source.title or source.id or "Article",
        facts,
        nest(text, source_spans(comparison, source.index)),
    )


def diff_markup(ops: list[DiffOp]) -> Markup:
    """The word diff: deleted words of the first quote struck, inserted ones of the second."""
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return Markup(" ").join(Markup(tags[o.op]).format(o.text) for o in ops)


def _quote_cell(ref: QuoteRef | None) -> Markup:
    if ref is None:
        return Markup("<td>—</td>")
    where = (
        Markup('<a href="#{}">“{}”</a>').format(_quote_id(ref), ref.text)
        if ref.start is not None
        else Markup("“{}”").format(ref.text)
    )
    return Markup("<td>{} {} — {}</td>").format(_tag(ref.source), where, ref.speaker)


def _quote_row(k: int, match: QuoteMatch) -> Markup:
    figure = f"{match.similarity:.0f}/100" if match.similarity is not None else ""
    diff = Markup('<span class="diff">{}</span>').format(diff_markup(match.diff))
    return Markup(
        '<tr id="pair-{}"><td>{} <span class="reason">{}</span></td>{}{}<td>{}</td></tr>'
    ).format(
        k,
        _LABELS[match.label.value],
        figure,
        _quote_cell(match.a),
        _quote_cell(match.b),
        diff if match.diff else "",
    )


def _table(caption: str, head: list[str], rows: list[Markup], ident: str) -> Markup:
    header = Markup("").join(Markup("<th>{}</th>").format(h) for h in head)
    body = Markup("").join(rows) if rows else Markup("<tr><td>(none)</td></tr>")
    return Markup(
        '<section class="panel" id="{}"><h2>{}</h2><div class="scroll"><table>'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div></section>"
    ).format(ident, caption, header, body)


def _entity_rows(comparison: Comparison) -> list[Markup]:
    rows = []
    for k, row in enumerate(comparison.entities):
        cells = []
        for source in comparison.sources:
            links = [
                Markup('<a href="#s{}-{}-{}-{}">{}</a>').format(
                    source.index, row.kind.value, k, m, mention.text
                )
                for m, mention in enumerate(row.mentions)
                if mention.source == source.index and mention.start is not None
            ]
            cells.append(Markup("<td>{}</td>").format(Markup(", ").join(links) or "—"))
        rows.append(
            Markup('<tr><td class="{}">{}</td><td>{}{}</td>{}</tr>').format(
                row.kind.value,
                row.kind.value,
                row.name,
                Markup(" → {}").format(row.date) if row.date else "",
                Markup("").join(cells),
            )
        )
    return rows


def _number_rows(comparison: Comparison) -> list[Markup]:
    return [
        Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            row.key,
            "differs" if row.differs else "agrees",
            Markup("<br>").join(
                Markup('{} “{}” <span class="reason">({})</span>').format(
                    _tag(m.source), m.text, m.sentence
                )
                for m in row.mentions
            ),
        )
        for row in comparison.numbers
    ]


def compare_page(comparison: Comparison, texts: list[str]) -> str:
    """The whole comparison as one page; `texts[i]` is source i's article text."""
    tags = [_tag(s.index) for s in comparison.sources]
    columns = Markup("").join(
        _source_column(comparison, source, text)
        for source, text in zip(comparison.sources, texts, strict=True)
    )
    body = Markup(
        '<header class="top"><h1>Comparison of {} sources</h1>{}'
        '<p class="reason">A quote in one text links to the same speech in the other; '
        '<a href="#quotes">the quote pairs</a> show the words that changed '
        "(<del>struck</del>: only in the first, <ins>underlined</ins>: only in the second)."
        "</p></header>"
        '<section class="doc"><div class="layout compare">{}</div>{}{}{}</section>'
    ).format(
        len(comparison.sources),
        legend(("quote", "who", "where", "when"), speakers=False),
        columns,
        _table(
            "Quotes",
            ["how they differ", "first", "second", "words"],
            [_quote_row(k, m) for k, m in enumerate(comparison.quotes)],
            "quotes",
        ),
        _table(
            "People, organisations, places, times",
            ["kind", "name", *tags],
            _entity_rows(comparison),
            "entities",
        ),
        _table("Numbers", ["what", "", "as stated"], _number_rows(comparison), "numbers"),
    )
    return page(f"Comparison of {len(comparison.sources)} sources", body)
