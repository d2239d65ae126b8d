"""The HTML view without a browser: offsets become properly nested elements whose text is
the item's, and nothing from an article or a model is ever markup."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.compare import compare
from summarizer.compare.model import QuoteLabel
from summarizer.grounding import ground
from summarizer.html import compare_page, summary_page
from summarizer.html.page import CSP
from summarizer.html.spans import Span, nest
from summarizer.inputs import read_article
from summarizer.pipeline.textonly import text_summary
from summarizer.schema import Quote, Rejection, Summary, Who
from tests.conftest import ROOT, SEED_000, SEED_001, assert_grounded

VOID = {"meta", "br", "img", "input", "link", "hr"}

EVIL = (
    "Mayor Maria Hale spoke in Lyon on Monday. <script>window.__pwned=1</script> "
    "The town hall said so.\n\n"
    '“We will rebuild 40 homes <img src=x onerror="window.__pwned=1"> before winter,” '
    'Hale said. See <a href="javascript:window.__pwned=1">this link</a> and '
    "</style><b>bold</b> too.\n"
)


class Reader(HTMLParser):
    """The elements of a page as a browser's tree would have them, checked to nest: the
    text under each `data-item` (its fragments joined), every tag and every href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.items: dict[str, str] = {}
        self.fields: dict[str, str] = {}
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text_div = ""
        self.in_text = 0
        self.all_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag in VOID:
            return
        if found.get("href"):
            self.hrefs.append(found["href"] or "")
        item = found.get("data-item")
        if item is not None:
            self.items.setdefault(item, "")
            self.fields[item] = found.get("data-field") or tag
        if found.get("class") == "text":
            self.in_text += 1
        self.stack.append((tag, item if found.get("class") != "text" else "TEXT"))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        opened, item = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>: elements cross"
        if item == "TEXT":
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        self.all_text += data
        for _, item in self.stack:
            if item is not None and item != "TEXT":
                self.items[item] += data
        if self.in_text:
            self.text_div += data


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(str(markup))  # Markup would escape what the parser joins
    reader.close()
    assert not reader.stack, f"left open: {reader.stack}"
    return reader


def span(start: int, end: int, name: str, rank: int = 0) -> Span:
    return Span(start, end, "mark", (("data-item", name),), rank, name)


def test_a_name_inside_a_quote_nests_inside_it() -> None:
    text = "“We will rebuild,” Hale said."
    out = nest(text, [span(1, 16, "quote"), span(1, 3, "we", 2), span(19, 23, "hale")])
    assert out == (
        '“<mark id="quote" data-item="quote"><mark id="we" data-item="we">We</mark>'
        ' will rebuild</mark>,” <mark id="hale" data-item="hale">Hale</mark> said.'
    )


def test_crossing_spans_are_split_and_the_second_part_carries_no_id() -> None:
    out = nest("0123456789", [span(0, 6, "a"), span(3, 9, "b")])
    assert out == (
        '<mark id="a" data-item="a">012<mark id="b" data-item="b">345</mark></mark>'
        '<mark data-item="b" data-cont="1">678</mark>9'
    )
    assert read(out).items == {"a": "012345", "b": "345678"}


def test_the_same_range_nests_by_rank_and_empty_or_stray_spans_are_dropped() -> None:
    out = nest("Hale", [span(0, 4, "inner", 5), span(0, 4, "outer", 1), span(2, 2, "empty")])
    assert out.startswith('<mark id="outer" data-item="outer"><mark id="inner"')
    assert nest("Hale", [span(3, 9, "past the end")]) == "Hale"


@given(
    st.text(alphabet="ab<>&\"' \n“", min_size=1, max_size=40).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text)), st.integers(0, len(text)), st.integers(0, 9)),
                max_size=8,
            ),
        )
    )
)
def test_any_spans_nest_and_every_item_reads_its_own_text(
    case: tuple[str, list[tuple[int, int, int]]],
) -> None:
    text, bounds = case
    spans = [span(min(a, b), max(a, b), f"s{i}", rank) for i, (a, b, rank) in enumerate(bounds)]
    reader = read(f'<div class="text">{nest(text, spans)}</div>')
    assert reader.text_div == text  # every character once, in order, as text
    kept = {s.ident: text[s.start : s.end] for s in spans if s.start < s.end}
    assert reader.items == kept


def hostile_summary() -> tuple[str, Summary]:
    speaker = 'Hale" onmouseover="window.__pwned=1'
    draft = Summary(
        who=[Who(text="Maria Hale", role="<b>mayor</b>")],
        quotes=[Quote(text="We will rebuild 40 homes", speaker="Maria Hale")],
        rejected=[
            Rejection(
                field="quotes",
                item={"text": "<script>x</script>", "speaker": speaker},
                reason="</style><script>window.__pwned=1</script>",
            )
        ],
    )
    return EVIL, ground(EVIL, draft)


def test_article_and_model_text_is_text_never_markup() -> None:
    text, summary = hostile_summary()
    markup = summary_page([(text, summary)])
    reader = read(markup)
    assert reader.text_div == text
    assert not {"script", "img", "b"} & set(reader.tags)
    assert reader.tags.count("style") == 1
    assert not [h for h in reader.hrefs if not h.startswith("#")]
    assert "onmouseover" not in markup.replace("onmouseover=&#34;", "")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in markup


def test_highlights_are_the_kept_items_one_for_one() -> None:
    text = (ROOT / "seeds" / f"{SEED_001}.txt").read_text(encoding="utf-8")
    summary = ground(
        text, Summary.model_validate_json((ROOT / "examples/001.summary.json").read_text())
    )
    assert_grounded(text, summary)
    reader = read(summary_page([(text, summary)]))
    marks = {k: v for k, v in reader.items.items() if reader.fields[k] != "a"}
    expected = {f"a1-who-{i}": w.text for i, w in enumerate(summary.who)}
    expected |= {f"a1-where-{i}": w.text for i, w in enumerate(summary.where)}
    expected |= {f"a1-when-{i}": w.text for i, w in enumerate(summary.when)}
    expected |= {f"a1-quote-{i}": q.text for i, q in enumerate(summary.quotes)}
    assert summary.what is not None
    expected |= {f"a1-evidence-{i}": e.text for i, e in enumerate(summary.what.evidence)}
    assert marks == expected
    assert summary.rejected
    assert all(r.reason in reader.all_text for r in summary.rejected)


runner = CliRunner()


@pytest.fixture
def no_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.mark.usefixtures("no_endpoint")
def test_summarize_writes_a_page_per_article_into_a_directory(tmp_path: Path) -> None:
    seeds = [str(ROOT / "seeds" / f"{s}.txt") for s in (SEED_000, SEED_001)]
    old = os.umask(0o027)
    try:
        result = runner.invoke(
            app,
            ["summarize", *seeds, "--model", "none", "--format", "html", "--out", f"{tmp_path}/v/"],
        )
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    pages = sorted((tmp_path / "v").iterdir())
    assert [p.name for p in pages] == [f"{SEED_000}.html", f"{SEED_001}.html"]
    assert all(p.stat().st_mode & 0o777 == 0o640 for p in pages)
    for page, seed in zip(pages, (SEED_000, SEED_001), strict=True):
        reader = read(page.read_text(encoding="utf-8"))
        assert reader.text_div == (ROOT / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")


@pytest.mark.usefixtures("no_endpoint")
def test_several_articles_to_stdout_make_one_page_with_a_section_each() -> None:
    seeds = [str(ROOT / "seeds" / f"{s}.txt") for s in (SEED_000, SEED_001)]
    result = runner.invoke(app, ["summarize", *seeds, "--model", "none", "--format", "html"])
    assert result.exit_code == 0, result.stderr
    reader = read(result.stdout)
    assert result.stdout.count("<!DOCTYPE html>") == 1
    assert {"#a1", "#a2"} <= set(reader.hrefs)
    assert any(k.startswith("a2-quote-") for k in reader.items)


def test_check_renders_its_grounded_result_with_the_rejections() -> None:
    article = ROOT / "seeds" / f"{SEED_001}.txt"
    result = runner.invoke(
        app, ["check", str(article), str(ROOT / "examples/001.summary.json"), "--format", "html"]
    )
    assert result.exit_code == 1  # the example has rejections: the same status as JSON
    assert "the article attributes this quote to &#39;Donald Trump&#39;" in result.stdout
    assert read(result.stdout).text_div == article.read_text(encoding="utf-8")


def test_a_comparison_of_hostile_articles_is_text_and_its_quotes_nest(tmp_path: Path) -> None:
    second = EVIL.replace("40 homes", "forty homes <iframe src=javascript:alert(1)>")
    articles = []
    for name, text in (("a.txt", EVIL), ("b.txt", second)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        articles.append(read_article(str(tmp_path / name)))
    comparison = compare([(text_summary(a), a.text) for a in articles])
    pair = next(m for m in comparison.quotes if m.b is not None)
    assert pair.label is QuoteLabel.reworded
    assert pair.b is not None
    reader = read(compare_page(comparison, [a.text for a in articles]))
    assert reader.text_div == EVIL + second
    assert not {"script", "img", "b", "iframe"} & set(reader.tags)
    assert all(h.startswith("#") for h in reader.hrefs)
    assert reader.items["s0-quote-0"] == pair.a.text
    assert reader.items["s1-quote-0"] == pair.b.text
    assert "<iframe src=javascript:alert(1)>" in reader.all_text  # in the diff, as text


def test_furniture_is_set_apart_and_the_text_is_whole() -> None:
    """Seed 000's repeated headline and view count, seed 001's link lines: marked as
    furniture around the article's own text, which stays whole and nested."""
    for name in (SEED_000, SEED_001):
        article = read_article(str(ROOT / "seeds" / f"{name}.txt"))
        summary = text_summary(article)
        page = summary_page([(article.text, summary)])
        reader = read(page)
        assert reader.text_div == article.text
        kinds = re.findall(r'class="furniture" data-kind="(\w+)"', page)
        expected = {"headline", "boilerplate"} if name == SEED_000 else {"link"}
        assert expected <= set(kinds)
        assert "ALSO READ" not in "".join(
            reader.items[k] for k in reader.items if reader.fields[k] in ("who", "where")
        )
