"""The HTML view of grounded summaries: each article's text with every kept item
highlighted where it stands, speaker mentions linked to their quotes, and the summary
(kept items linked to their place in the text, rejected items with their reasons) beside it.

Element ids are `a<N>-<field>-<i>`: article N of the page (from 1), item i of that field
in the summary (from 0), so a page of several articles has no id twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from summarizer.html.page import FIELD, highlight, legend, page, section
from summarizer.html.spans import Span, nest
from summarizer.reading.structure import structure_of
from summarizer.schema import Quote, Summary, When, Where, Who, _Item

SPEAKER_RANK = 9  # a speaker mention is a link inside any highlight over the same words


def _fields(summary: Summary) -> list[tuple[str, Sequence[_Item]]]:
    evidence = summary.what.evidence if summary.what else []
    return [
        ("evidence", evidence),
        ("quote", summary.quotes),
        ("who", summary.who),
        ("where", summary.where),
        ("when", summary.when),
    ]


def _title(field: str, item: _Item) -> str:
    if isinstance(item, Quote):
        return f"quote: {item.speaker} ({item.speaker_check or 'speaker not checked'})"
    return FIELD[field].label


def highlight_spans(summary: Summary, prefix: str) -> list[Span]:
    """One `<mark>` span per kept item with offsets, one `<a>` per speaker mention."""
    spans: list[Span] = []
    for field, items in _fields(summary):
        for i, item in enumerate(items):
            if item.start is None or item.end is None:
                continue
            ident = f"{prefix}{field}-{i}"
            spans.append(highlight(field, item.start, item.end, ident, _title(field, item)))
    for (start, end), quotes in speaker_mentions(summary).items():
        first = quotes[0]
        ident = f"{prefix}speaker-{first}"
        names = sorted({summary.quotes[i].speaker for i in quotes})
        attrs = (
            ("class", "speaker"),
            ("href", f"#{prefix}quote-{first}"),
            ("data-item", ident),
            ("data-quotes", " ".join(f"{prefix}quote-{i}" for i in quotes)),
            ("data-start", str(start)),
            ("data-end", str(end)),
            ("title", f"{', '.join(names)}: speaker of {len(quotes)} quote(s); go to the quote"),
        )
        spans.append(Span(start, end, "a", attrs, SPEAKER_RANK, ident))
    return spans


def speaker_mentions(summary: Summary) -> dict[tuple[int, int], list[int]]:
    """Each speaker mention's offsets → the quotes (indices) it attributes. A mention that
    attributes several quotes ("he said" after two) links to the first of them."""
    mentions: dict[tuple[int, int], list[int]] = {}
    for i, quote in enumerate(summary.quotes):
        if quote.start is None or quote.speaker_start is None or quote.speaker_end is None:
            continue
        mentions.setdefault((quote.speaker_start, quote.speaker_end), []).append(i)
    return mentions


def mention_of(summary: Summary) -> dict[int, int]:
    """Quote index → the index its speaker mention's link is named after."""
    return {i: quotes[0] for quotes in speaker_mentions(summary).values() for i in quotes}


def _ref(item: _Item, ident: str, label: str | Markup | None = None) -> Markup:
    """An item's words, linked to its highlight when it has offsets."""
    shown = item.text if label is None else label
    if item.start is None or item.end is None:
        return Markup('{} <span class="reason">(no offsets)</span>').format(shown)
    return Markup('<a href="#{}">{}</a> <span class="reason">[{}–{}]</span>').format(
        ident, shown, item.start, item.end
    )


def _quote_entry(summary: Summary, i: int, prefix: str) -> Markup:
    quote = summary.quotes[i]
    entry = Markup('{} — {} <span class="check">{}</span>').format(
        _ref(quote, f"{prefix}quote-{i}", Markup("“{}”").format(quote.text)),
        quote.speaker,
        quote.speaker_check or "not checked",
    )
    mention = mention_of(summary).get(i)
    if mention is not None:
        entry += Markup(' · <a href="#{}speaker-{}">speaker in the text</a>').format(
            prefix, mention
        )
    if quote.speaker_reason:
        entry += Markup('<br><span class="reason">{}</span>').format(quote.speaker_reason)
    return entry


def _rejection(summary: Summary, i: int) -> Markup:
    rejected = summary.rejected[i]
    speaker = rejected.item.get("speaker") if isinstance(rejected.item, dict) else None
    return Markup('<span class="field">{}</span>: “{}”{} — <span class="reason">{}</span>').format(
        rejected.field,
        rejected.claim,
        Markup(" ({})").format(speaker) if speaker else "",
        rejected.reason,
    )


def _field_entries(summary: Summary, prefix: str, main: bool | None) -> dict[str, list[Markup]]:
    """Each field's items as links (ids by their place in the field, so highlights match);
    with `main` set, only the items marked so (or not)."""

    def keep(item: Who | Where | When) -> bool:
        return main is None or bool(item.main) == main

    return {
        "Who": [
            _ref(w, f"{prefix}who-{i}") + (Markup(" ({})").format(w.role) if w.role else "")
            for i, w in enumerate(summary.who)
            if keep(w)
        ],
        "Where": [_ref(w, f"{prefix}where-{i}") for i, w in enumerate(summary.where) if keep(w)],
        "When": [
            _ref(w, f"{prefix}when-{i}") + (Markup(" → {}").format(w.date) if w.date else "")
            for i, w in enumerate(summary.when)
            if keep(w)
        ],
    }


def _four_ws(summary: Summary, prefix: str) -> list[Markup]:
    """The main event's who, where and when, then "Also named", when a main event is
    marked; else each field in full."""
    if not any(i.main for i in (*summary.who, *summary.where, *summary.when)):
        return [section(t, items) for t, items in _field_entries(summary, prefix, None).items()]
    main = _field_entries(summary, prefix, True)
    rest = _field_entries(summary, prefix, False)
    return [
        Markup('<h3 class="main-event">Main event</h3>'),
        *(section(t, items, "main", level=4) for t, items in main.items()),
        Markup('<h3 class="also-named">Also named</h3>'),
        *(section(t, items, level=4) for t, items in rest.items()),
    ]


def summary_panel(summary: Summary, prefix: str) -> Markup:
    """The summary as lists of links into the text, then the rejected items."""
    what = summary.what
    parts = [
        Markup("<h3>What</h3><p>{}</p>").format(
            (what.summary if what else None) or "(no abstractive 'what')"
        ),
        section(
            "Evidence",
            [_ref(e, f"{prefix}evidence-{i}") for i, e in enumerate(what.evidence if what else [])],
        ),
        *_four_ws(summary, prefix),
        section("Quotes", [_quote_entry(summary, i, prefix) for i in range(len(summary.quotes))]),
        section(
            f"Rejected ({len(summary.rejected)})",
            [_rejection(summary, i) for i in range(len(summary.rejected))],
            "rejected",
        ),
    ]
    return Markup('<aside aria-label="Summary">{}</aside>').format(Markup("").join(parts))


def facts(summary: Summary) -> Markup:
    art, meta = summary.article, summary.meta
    found = [
        f"source: {art.source}" if art.source else "",
        f"published: {art.published}" if art.published else "",
        f"sha256: {art.sha256[:12]}…" if art.sha256 else "",
        f"model: {meta.model}" if meta.model else "",
        f"schema v{meta.schema_version}",
    ]
    return Markup('<p class="facts">{}</p>').format(" · ".join(f for f in found if f))


def furniture_spans(text: str) -> list[Span]:
    """The article's furniture (headline, byline, caption, link line, …) set apart, so a
    reader sees which lines the summary's names were not taken from."""
    return [
        Span(p.start, p.end, "span", (("class", "furniture"), ("data-kind", p.kind),
                                      ("title", f"{p.kind}: not news of this story")), rank=-1)
        for p in structure_of(text).parts
        if p.kind != "body"
    ]  # fmt: skip


def article_section(text: str, summary: Summary, number: int) -> Markup:
    """One article: heading, facts, then its highlighted text beside its summary."""
    prefix = f"a{number}-"
    return Markup(
        '<section class="doc" id="a{}"><h2>{}</h2>{}<div class="layout">'
        '<div class="text" aria-label="Article text">{}</div>{}</div></section>'
    ).format(
        number,
        summary.article.title or summary.article.id or "Article",
        facts(summary),
        nest(text, furniture_spans(text) + highlight_spans(summary, prefix)),
        summary_panel(summary, prefix),
    )


def summary_page(views: Sequence[tuple[str, Summary]]) -> str:
    """One page for one or more (article text, grounded summary) pairs, a section each."""
    titles = [s.article.title or s.article.id or "Article" for _, s in views]
    heading = "Grounded summary" if len(views) == 1 else f"{len(views)} grounded summaries"
    nav = Markup("")
    if len(views) > 1:
        nav = Markup('<nav class="docs" aria-label="Articles"><ol>{}</ol></nav>').format(
            Markup("").join(
                Markup('<li><a href="#a{}">{}</a></li>').format(n, t)
                for n, t in enumerate(titles, 1)
            )
        )
    body = Markup('<header class="top"><h1>{}</h1>{}</header>{}{}').format(
        heading,
        legend(),
        nav,
        Markup("").join(
            article_section(text, summary, n) for n, (text, summary) in enumerate(views, 1)
        ),
    )
    return page(f"{heading}: {', '.join(titles)}", body)
