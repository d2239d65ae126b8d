"""The main event marked (issue 22, part 3): the who, where and when items of the event
`what` states carry `main: true` and come first; Markdown and HTML show them at the top,
then "Also named"; v1 readers still read the output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer import ground
from summarizer.cli import app
from summarizer.html.summary import summary_panel
from summarizer.inputs import Article
from summarizer.pipeline.textonly import text_summary
from summarizer.render import to_markdown
from summarizer.schema import Summary

ROOT = Path(__file__).resolve().parent.parent


def _main(summary: Summary, field: str) -> list[str]:
    return [i.text for i in getattr(summary, field) if i.main]


def test_with_no_model_the_lead_decides(seed0: str, seed1: str) -> None:
    """Seed 000's lead: Zelensky confirmed "this week" that troops fight in Russia; its
    next sentence gives the day and the regions. Seed 001's lead is its first line."""
    s0 = text_summary(Article(id="0", source="0", text=seed0))
    assert _main(s0, "who") == ["Volodymyr Zelensky"]
    assert _main(s0, "where") == ["Russia", "Belgorod", "Kursk"]
    assert _main(s0, "when") == ["this week", "Monday"]
    s1 = text_summary(Article(id="1", source="1", text=seed1))
    assert _main(s1, "who") == ["Volodymyr Zelenskyy"]
    assert _main(s1, "where") == ["Russia", "Belgorod"]
    for field in ("who", "where", "when"):  # main first, then the rest, each in order
        flags = [i.main for i in getattr(s1, field)]
        assert flags == sorted(flags, reverse=True)
        assert None not in flags


def test_with_a_what_its_evidence_decides(seed1: str) -> None:
    claims = {
        "what": {"summary": "The Kremlin accused Ukraine of launching incursions into Belgorod."},
        "who": [{"text": "Volodymyr Zelenskyy"}, {"text": "Kremlin"}],
        "where": [{"text": "Ukraine"}, {"text": "Belgorod"}, {"text": "Sumy"}],
    }
    result = ground(seed1, claims)
    assert result.what is not None
    assert result.what.evidence  # rule 5 kept it, with its sentence
    # Ukraine is accused: a party of the event, so a who (a place that acts or is acted on)
    assert _main(result, "who") == ["Kremlin", "Ukraine"]
    assert _main(result, "where") == ["Belgorod"]
    assert [w.text for w in result.who] == ["Kremlin", "Ukraine", "Volodymyr Zelenskyy"]
    assert [w.text for w in result.where] == ["Belgorod", "Sumy"]


def test_a_duration_is_not_the_event_time() -> None:
    text = "Maria Hale was freed on Monday after twelve years in prison in Lyon."
    result = ground(
        text,
        {
            "what": {"summary": "Maria Hale was freed on Monday."},
            "when": [{"text": "twelve years"}, {"text": "Monday"}],
        },
    )
    assert _main(result, "when") == ["Monday"]


def test_the_datelines_places_are_the_events_whichever_sentence_states_what() -> None:
    """A story's dateline says where it happens: a `what` stated by a later sentence keeps
    the dateline's places main; a place only that later sentence's own also is."""
    text = (
        "Lyon, France — This past week the city opened a photography exhibit. The exhibit "
        "was paid for by a donor programme that Maria Hale runs in Geneva. It drew "
        "thousands of visitors, who came from Paris."
    )
    result = ground(
        text,
        {
            "what": {"summary": "Maria Hale runs a donor programme in Geneva."},
            "who": [{"text": "Maria Hale"}],
            "where": [{"text": "Lyon"}, {"text": "France"}, {"text": "Geneva"},
                      {"text": "Paris"}],
        },
    )  # fmt: skip
    assert result.what is not None
    assert result.what.evidence
    assert "Lyon, France" not in result.what.evidence[0].text  # the second sentence
    assert _main(result, "where") == ["Lyon", "France", "Geneva"]


def test_a_cited_agency_is_a_source_and_the_next_sentence_names_the_parties() -> None:
    """ "quoting X" gives the report's source, not a party: with no party in the lead,
    the next sentence's are the event's ("Norland and Estmark exchanged fire")."""
    text = (
        "According to Reuters, quoting Norland's state news agency Central Press Service, "
        "the country's army has been placed on high alert. The report comes after Norland "
        "and Estmark exchanged artillery fire yesterday."
    )
    result = text_summary(Article(id="a", source="a", text=text))
    assert "Central Press Service" not in _main(result, "who")
    assert "Reuters" not in _main(result, "who")
    assert any("Estmark" in who for who in _main(result, "who"))


def test_the_sides_of_a_result_are_parties_not_places() -> None:
    """A country before its score, or the one a country lost to, is a side of the match."""
    text = (
        "Yesterday Sweden defeated South Korea 1–0; Belgium defeated debutants Panama 3–0; "
        "and Tunisia lost 1–2 to England in Volgograd."
    )
    result = text_summary(Article(id="s", source="s", text=text))
    sides = _main(result, "who")
    for side in ("Sweden", "South Korea", "Belgium", "Panama", "Tunisia", "England"):
        assert side in sides
    assert _main(result, "where") == ["Volgograd"]


def test_an_organisation_named_only_as_the_venue_is_where() -> None:
    """ "an exhibit at the University of X" places the event; "engineers at Google" says
    where people work, and they stay parties."""
    text = (
        "This week marked the opening of a photography exhibit at the University of "
        "Southern Indiana, where engineers at Google showed their work."
    )
    result = text_summary(Article(id="v", source="v", text=text))
    assert "University of Southern Indiana" in _main(result, "where")
    assert "University of Southern Indiana" not in [w.text for w in result.who]
    assert "Google" in [w.text for w in result.who]


def test_markdown_and_html_show_the_main_event_first(seed0: str) -> None:
    summary = text_summary(Article(id="0", source="0", text=seed0))
    md = to_markdown(summary)
    main, also = md.index("## Main event"), md.index("## Also named")
    assert (
        main < md.index("- Volodymyr Zelensky") < also < md.index("- Sumy") < md.index("## Quotes")
    )
    html = summary_panel(summary, "a-")
    main, also = html.index("Main event"), html.index("Also named")
    assert main < html.index(">Volodymyr Zelensky<") < also < html.index(">Sumy<")


def test_main_is_optional_for_readers_and_writers() -> None:
    """A summary with no main event writes no `main` key, and output with it still
    reads as a summary (the field is optional)."""
    plain = ground("Maria Hale spoke in Lyon.", {"who": [{"text": "Maria Hale"}]})
    assert "main" not in json.loads(plain.model_dump_json())["who"][0]
    marked = Summary.model_validate({"who": [{"text": "Maria Hale", "main": True}]})
    assert marked.who[0].main is True


def test_eval_scores_the_main_event_and_who_types(tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    result = CliRunner().invoke(
        app,
        [
            "eval", str(ROOT / "eval/seeds_gold.jsonl"), "--model", "none",
            "--main-event", str(ROOT / "eval/seeds_main_event.jsonl"), "--out", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    totals = json.loads(out.read_text())[0]["totals"]
    for field in ("who", "where", "when"):
        assert totals[f"main_{field}_recall"] == 1.0
        assert totals[f"main_{field}_precision"] == 1.0
    assert totals["who_typed_right"] == 1.0


def test_main_event_gold_that_points_elsewhere_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "main.jsonl"
    bad.write_text(
        json.dumps({"id": "001_1679f06f00c41463", "who": [{"text": "Kyiv", "start": 0, "end": 4}]})
        + "\n"
    )
    result = CliRunner().invoke(
        app,
        ["eval", str(ROOT / "eval/seeds_gold.jsonl"), "--model", "none", "--main-event", str(bad)],
    )
    assert result.exit_code == 2
    assert f"{bad}:1: who[0] 'Kyiv' is not the text of 001_1679f06f00c41463 at 0:4" in (
        result.output
    )


def test_a_country_people_enter_is_where_not_a_party() -> None:
    """An object place is a party when a place or an organisation acts on it ("the Kremlin
    accused Ukraine"); when people enter it, it is where."""
    text = "On Monday the girls entered the United States after their visas were granted."
    result = text_summary(Article(id="e", source="e", text=text))
    assert _main(result, "where") == ["United States"]
    assert "United States" not in [w.text for w in result.who]


def test_the_next_sentence_dates_the_event_only_when_the_lead_gives_no_day() -> None:
    """ "On Tuesday" dates the lead's event: the next sentence's "April 12, 1981" is an
    earlier event's. "This week" is coarse: the next sentence's "On Monday" refines it
    (seed 000 reads so)."""
    dated = (
        "NASA celebrated the launch of the first space shuttle on Tuesday in Florida. "
        "On April 12, 1981, the shuttle Columbia lifted off from Cape Canaveral."
    )
    result = text_summary(Article(id="d", source="d", text=dated))
    assert _main(result, "when") == ["Tuesday"]
    coarse = (
        "Maria Hale confirmed this week that the bridge in Lyon will close. On Monday, "
        "she said the work would take a year."
    )
    result = text_summary(Article(id="c", source="c", text=coarse))
    assert _main(result, "when") == ["this week", "Monday"]
