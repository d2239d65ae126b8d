"""The article's structure: its news body told from its furniture (issue 22, part 1).

A name seen only in the headline, a subheading, a caption or a link line to another story
is not proposed; the headline's name counts when the body names it, at the body's mention.
"""

from __future__ import annotations

from summarizer import ground
from summarizer.inputs import Article
from summarizer.pipeline.textonly import text_summary
from summarizer.reading import reading_of
from summarizer.reading.structure import structure_of
from tests.conftest import assert_grounded

ARTICLE = """Mayor Opens Bridge in Lyon

By Claire Martin

Wednesday, September 7, 2016

Mayor Grégory Doucet opened the Pont Schuman bridge in Lyon on Tuesday, city officials said.
The bridge links the 9th district to the Croix-Rousse.

What Comes Next

Work on a second bridge starts in March, Doucet said.
Image: Jean Dupont / Lyon City Hall
Read more: Paris plans a new metro line with Anne Hidalgo
Sign up for our newsletter
"""


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, text[p.start : p.end]) for p in structure_of(text).parts]


def test_layout_cues_tell_the_furniture_from_the_body() -> None:
    kinds = {line: kind for kind, line in _kinds(ARTICLE)}
    assert kinds["Mayor Opens Bridge in Lyon"] == "headline"
    assert kinds["By Claire Martin"] == "byline"
    assert kinds["Wednesday, September 7, 2016"] == "dateline"
    assert kinds["What Comes Next"] == "subheading"
    assert kinds["Image: Jean Dupont / Lyon City Hall"] == "caption"
    assert kinds["Read more: Paris plans a new metro line with Anne Hidalgo"] == "link"
    assert kinds["Sign up for our newsletter"] == "boilerplate"
    body = [line for kind, line in _kinds(ARTICLE) if kind == "body"]
    assert body[0].startswith("Mayor Grégory Doucet opened")
    assert len(body) == 3


def test_names_only_the_furniture_has_are_not_proposed() -> None:
    summary = text_summary(Article(id="a", source="a", text=ARTICLE))
    assert_grounded(ARTICLE, summary)
    named = {i.text for i in (*summary.who, *summary.where)}
    assert {"Grégory Doucet", "Lyon"} <= named
    # the byline's writer, the caption's photographer, the link line's other story
    assert not {"Claire Martin", "Jean Dupont", "Paris", "Anne Hidalgo"} & named
    structure = reading_of(ARTICLE).structure
    items = (*summary.who, *summary.where)
    assert [i.text for i in items if i.start is None or not structure.in_body(i.start)] == []
    # the dateline dates the story: its time is the one furniture item kept
    assert {w.text for w in summary.when} == {"September 7, 2016", "Tuesday", "March"}
    kinds = {w.text: structure.kind_at(w.start or 0) for w in summary.when}
    assert kinds == {"September 7, 2016": "dateline", "Tuesday": "body", "March": "body"}


def test_a_headline_name_is_placed_at_the_body_mention(seed0: str) -> None:
    """Seed 000's headline names Belgorod first; the item points at the body's mention."""
    result = ground(seed0, {"where": [{"text": "Belgorod"}, {"text": "Russia"}]})
    structure = reading_of(seed0).structure
    assert [w.text for w in result.where] == ["Belgorod", "Russia"]
    for item in result.where:
        assert item.start is not None
        assert structure.kind_at(item.start) == "body"
        assert item.start > seed0.index("28 views")


def test_seeds_furniture_proposes_nothing(seed0: str, seed1: str) -> None:
    """Seed 000's repeated headline, subheadings and view count, and seed 001's 'ALSO
    READ' link lines, give no item to any field."""
    for name, text in (("000", seed0), ("001", seed1)):
        summary = text_summary(Article(id=name, source=name, text=text))
        structure = reading_of(text).structure
        items = (*summary.who, *summary.where, *summary.when, *summary.quotes)
        assert [i.text for i in items if i.start is None or not structure.in_body(i.start)] == []
        named = {i.text for i in (*summary.who, *summary.where)}
        assert not {"Zelensky Confirms Presence", "This Means Going Forward", "Iran"} & named
    kinds = {line: kind for kind, line in _kinds(seed1)}
    assert kinds["ALSO READ: US in direct nuclear talks with Iran — Trump"] == "link"
    assert kinds["ALSO READ TOP STORIES FROM NIGERIAN TRIBUNE"] == "link"


def test_a_pull_quote_is_speech_and_a_link_line_quote_is_not() -> None:
    text = (
        "Mayor Opens Bridge\n\n"
        "Mayor Grégory Doucet opened the bridge on Tuesday.\n"
        "“It joins two districts and ends a long wait” - Grégory Doucet\n"
        "Read more: “We will build a metro,” says Anne Hidalgo\n"
    )
    kinds = {line: kind for kind, line in _kinds(text)}
    assert kinds["“It joins two districts and ends a long wait” - Grégory Doucet"] == "body"
    summary = text_summary(Article(id="q", source="q", text=text))
    assert [(q.text, q.speaker) for q in summary.quotes] == [
        ("It joins two districts and ends a long wait", "Grégory Doucet")
    ]


def test_the_sources_list_that_ends_a_story_is_furniture() -> None:
    """Citations under "Sources" name other pages' titles, outlets and dates: a `what`
    copied from a cited title must not take its evidence there, and nothing is proposed."""
    text = (
        "Bridge opens in Lyon\n\n"
        "Mayor Grégory Doucet opened the Pont Schuman bridge in Lyon on Tuesday.\n\n"
        "Sources\n\n"
        '"Lyon bridge opens to traffic" — Le Progrès, May 3, 2016\n'
        'Anne Roux. "A bridge for the north" — Lyon Mag, May 4, 2016\n'
    )
    kinds = [kind for kind, _ in _kinds(text)]
    assert kinds == ["headline", "body", "subheading", "link", "link"]
    summary = text_summary(Article(id="s", source="s", text=text))
    named = {i.text for i in (*summary.who, *summary.where, *summary.when)}
    assert not {"Anne Roux", "Le Progrès", "Lyon Mag", "May 3, 2016", "May 4, 2016"} & named
    assert "Grégory Doucet" in named


def test_a_line_that_introduces_a_quote_is_body_not_a_subheading() -> None:
    """A short line ending in a colon announces what follows (a quote, a tweet): it is a
    sentence of the story, and its names count. "Sources:" is still the sources heading."""
    text = (
        "Church denies claims\n\n"
        "Valeska Paris said she was held on a ship for two years.\n\n"
        "In a statement to the Australian Broadcasting Corporation, the Church denied them:\n\n"
        '"These claims are false," the statement said.\n\n'
        "Sources:\n\n"
        '"Woman says she was held" — ABC News, May 3, 2016\n'
    )
    kinds = [kind for kind, _ in _kinds(text)]
    assert kinds == ["headline", "body", "body", "body", "subheading", "link"]
    summary = text_summary(Article(id="c", source="c", text=text))
    assert "Australian Broadcasting Corporation" in {i.text for i in summary.who}
    assert "ABC News" not in {i.text for i in summary.who}
