"""The shell every HTML view shares: one self-contained page (inline CSS, no script, no
network), a Content-Security-Policy that forbids scripts should escaping ever fail, the
highlight styles and their legend.

Everything from an article or a model enters as `str` and is escaped by markupsafe:
`Markup(...).format(...)` and `Markup("").join(...)` escape what is not already `Markup`,
so markup is only ever built from this package's own literals.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from summarizer.html.spans import Span

# Scripts, fonts, frames, connections: none. Inline styles only; images only as data: URLs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass(frozen=True)
class Field:
    """A kind of highlight: its CSS class (= `data-field`), legend label and nesting rank
    (of two highlights over the same words, the lower rank is outside)."""

    name: str
    label: str
    cue: str
    rank: int


# Colour plus a second cue that needs no colour vision: the underline's style, or italics.
FIELDS = (
    Field("evidence", "what: evidence", "dashed underline", 0),
    Field("quote", "quote", "italic, wavy underline", 1),
    Field("who", "who", "solid underline", 2),
    Field("where", "where", "double underline", 3),
    Field("when", "when", "dotted underline", 4),
)
FIELD = {f.name: f for f in FIELDS}

# Backgrounds are pale and the text dark (#111827), so text contrast stays above 12:1 on
# every highlight; underline colours are dark enough (over 7:1 on white) to be seen alone.
CSS = """
:root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #d1d5db; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, sans-serif; color: var(--ink); background: #fff; }
header.top, section.doc, nav.docs { padding: 0.75rem 1rem; max-width: 84rem; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: 0.2rem 0; }
h2 { font-size: 1.2rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
h4 { font-size: 0.9rem; margin: 0.6rem 0 0.2rem; }
.furniture { color: #6b6b6b; font-style: italic; }
section.main { border-left: 3px solid #2a6; padding-left: 0.5rem; }
.facts { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; padding: 0; margin: 0.4rem 0;
  list-style: none; font-size: 0.9rem; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem;
  align-items: start; }
.layout.compare { grid-template-columns: none; grid-auto-flow: column;
  grid-auto-columns: minmax(0, 1fr); }
@media (max-width: 760px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .layout.compare { grid-auto-flow: row; }
}
.scroll { overflow-x: auto; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line);
  border-radius: 6px; padding: 0.75rem 1rem; margin: 0; font: inherit; }
aside { overflow-wrap: anywhere; font-size: 0.95rem; }
.panel { overflow-wrap: break-word; font-size: 0.95rem; }
.panel td:first-child { min-width: 7rem; }
aside ul, .panel ul { padding-left: 1.2rem; margin: 0.2rem 0; }
mark { color: var(--ink); padding: 0 1px; }
.evidence { background: #fce7f3; text-decoration: underline dashed #9d174d 2px; }
.quote { background: #ede9fe; font-style: italic;
  text-decoration: underline wavy #5b21b6 1px; }
.who { background: #dbeafe; border-bottom: 2px solid #1e40af; }
.where { background: #dcfce7; border-bottom: 3px double #166534; }
.when { background: #fef3c7; border-bottom: 2px dotted #92400e; }
a { color: #1d4ed8; }
.text a.quote { color: var(--ink); }
a.speaker { font-weight: 700; color: #1e3a8a; text-decoration: underline 2px; }
:target { outline: 3px solid #b91c1c; outline-offset: 1px; }
.check { font-size: 0.8rem; border: 1px solid var(--muted); border-radius: 3px;
  padding: 0 0.25rem; }
.rejected li { margin-bottom: 0.3rem; }
.reason { color: var(--muted); }
.field { font-weight: 700; }
del { background: #fee2e2; color: #7f1d1d; }
ins { background: #dcfce7; color: #14532d; }
table { border-collapse: collapse; width: 100%; }
td, th { border-top: 1px solid var(--line); padding: 0.25rem 0.4rem; text-align: left;
  vertical-align: top; }
"""


def highlight(
    field: str,
    start: int,
    end: int,
    ident: str,
    title: str,
    *,
    tag: str = "mark",
    extra: tuple[tuple[str, str], ...] = (),
) -> Span:
    """An item's highlight: `data-field`, `data-item` (its id, shared by its fragments) and
    its offsets, which is what a reader's tools (and the tests) match to the summary."""
    attrs = (
        ("class", field),
        ("data-field", field),
        ("data-item", ident),
        ("data-start", str(start)),
        ("data-end", str(end)),
        ("title", title),
        *extra,
    )
    return Span(start, end, tag, attrs, FIELD[field].rank, ident)


def legend(shown: tuple[str, ...] = tuple(FIELD), speakers: bool = True) -> Markup:
    """What each highlight the page shows means: the same classes as in the text, with its
    non-colour cue."""
    items = Markup("").join(
        Markup('<li><mark class="{}">{}</mark> <span class="reason">({})</span></li>').format(
            f.name, f.label, f.cue
        )
        for f in FIELDS
        if f.name in shown
    )
    speaker = Markup(
        '<li><a class="speaker" href="#legend">speaker</a> '
        '<span class="reason">(bold link: goes to the quote)</span></li>'
        if speakers
        else ""
    )
    return Markup('<ul class="legend" id="legend" aria-label="Legend">{}{}</ul>').format(
        items, speaker
    )


def page(title: str, body: Markup) -> str:
    """A whole HTML document around `body`, as plain text (no longer Markup: adding a str
    to Markup escapes it, which a caller writing the page does not want)."""
    document = Markup(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="{}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n"
    ).format(Markup(CSP), title, Markup(CSS), body)
    return str(document)


def section(heading: str, items: list[Markup], css_class: str = "", level: int = 3) -> Markup:
    """A titled list, or '(none)'; `level`: its heading's (h3, or h4 inside a group)."""
    listed = (
        Markup("<ul>{}</ul>").format(
            Markup("").join(Markup("<li>{}</li>").format(i) for i in items)
        )
        if items
        else Markup('<p class="reason">(none)</p>')
    )
    return Markup('<section class="{}"><h{}>{}</h{}>{}</section>').format(
        css_class, level, heading, level, listed
    )
