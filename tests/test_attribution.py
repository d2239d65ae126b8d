"""Rule 3: a quote's speaker must be the one the article gives it, not merely nearby."""

from __future__ import annotations

import pytest

from summarizer import ground
from tests.conftest import assert_grounded

Z0, Z1 = "Volodymyr Zelensky", "Volodymyr Zelenskyy"
ISW, TRUMP = "Institute for the Study of War", "Donald Trump"

# Every direct quote of the seed articles with the speaker the article gives it.
SEED0_QUOTES = [
    (
        "We continue our offensive actions on enemy land near the border. That is absolutely rightful",
        Z0,
    ),
    (
        "Excellent work, soldiers! I am proud of everyone defending Ukraine with strength and courage",
        Z0,
    ),
    ("an ongoing mission.", Z0),
]
SEED1_QUOTES = [
    (
        "We continue to carry out active operations in the border areas on enemy territory, and "
        "that is absolutely just – war must return to where it came from",
        Z1,
    ),
    ("the main objective", Z1),  # "According to the president, …"
    ("ease the pressure", Z1),
    ("including our presence in the Kursk and Belgorod regions.", Z1),
    ("Well done, guys! I’m proud of each and every one who is fighting for Ukraine!", Z1),
    ("There is an operation there", Z1),
    ("Ukrainian forces recently advanced in Belgorod", ISW),
    ("not happy about what’s going on", TRUMP),
    ("bombing like crazy right now.", TRUMP),
]


def attribute(text: str, quote: str, speaker: str, who: list[str] | None = None) -> str | None:
    """Ground one quote; None when kept, else the rejection reason."""
    summary = {
        "who": [{"text": w} for w in who or []],
        "quotes": [{"text": quote, "speaker": speaker}],
    }
    result = ground(text, summary)
    assert_grounded(text, result)
    reasons = [r.reason for r in result.rejected if r.field == "quotes"]
    return reasons[0] if reasons else None


@pytest.mark.parametrize(("quote", "speaker"), SEED0_QUOTES)
def test_seed0_true_attributions_pass(seed0: str, quote: str, speaker: str) -> None:
    assert attribute(seed0, quote, speaker) is None


@pytest.mark.parametrize(("quote", "speaker"), SEED1_QUOTES)
def test_seed1_true_attributions_pass(seed1: str, quote: str, speaker: str) -> None:
    assert attribute(seed1, quote, speaker) is None


def test_all_seed1_quotes_together_pass_with_their_speakers(seed1: str) -> None:
    summary = {"quotes": [{"text": q, "speaker": s} for q, s in SEED1_QUOTES]}
    result = ground(seed1, summary)
    assert result.rejected == []
    assert [q.speaker for q in result.quotes] == [s for _, s in SEED1_QUOTES]


@pytest.mark.parametrize(
    ("quote", "wrong", "named"),
    [
        ("not happy about what’s going on", Z1, "Donald Trump"),  # Zelenskyy is named just after
        ("Ukrainian forces recently advanced in Belgorod", Z1, ISW),
        (
            "Well done, guys! I’m proud of each and every one who is fighting for Ukraine!",
            TRUMP,
            "he",
        ),
        (
            "including our presence in the Kursk and Belgorod regions.",
            "Oleksandr Syrskyi",
            "Zelenskyy",
        ),
    ],
)
def test_right_quote_wrong_speaker_is_rejected(
    seed1: str, quote: str, wrong: str, named: str
) -> None:
    reason = attribute(seed1, quote, wrong)
    assert reason is not None
    assert "attributes this quote to" in reason
    assert named in reason
    assert wrong in reason


def test_speaker_not_in_the_article_is_rejected(seed0: str) -> None:
    reason = attribute(seed0, "an ongoing mission.", "Vladimir Putin")
    assert reason == "speaker 'Vladimir Putin' is not named in the article"


def test_speaker_spelled_as_the_other_seed_is_shown_as_this_article_spells_it(seed1: str) -> None:
    result = ground(seed1, {"quotes": [{"text": "There is an operation there", "speaker": Z0}]})
    assert [q.speaker for q in result.quotes] == [Z1]
    quote = result.quotes[0]
    assert quote.speaker_check == "verified"
    # The attributing mention: the pronoun of "“…,” he said", resolved to the full name.
    assert quote.speaker_start is not None
    assert seed1[quote.speaker_start : quote.speaker_end] == "he"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("“We will rebuild,” said Maria Hale, the mayor.", "We will rebuild,", "Maria Hale"),
        ("Maria Hale spoke first:\n“We will rebuild.”", "We will rebuild.", "Maria Hale"),
        (
            "Maria Hale visited the site. “The bridge is gone.” She added that work starts soon.",
            "The bridge is gone.",
            "Maria Hale",
        ),
        (
            "According to Mayor Maria Hale, “the bridge is gone.”",
            "the bridge is gone.",
            "Maria Hale",
        ),
        (
            "Maria Hale met John Ortiz. “The bridge is gone,” Hale told reporters.",
            "The bridge is gone,",
            "Maria Hale",
        ),
        (
            "Maria Hale spoke on Monday. “The bridge is gone.\n“We will rebuild it in a year.”",
            "We will rebuild it in a year.",
            "Maria Hale",
        ),
        (
            "“The bridge is gone,” the mayor said. Maria Hale has led the city since 2019.",
            "The bridge is gone,",
            "Maria Hale",
        ),
    ],
    ids=[
        "speaker-last",
        "speaker-first",
        "she-added",
        "according-to",
        "surname",
        "paragraphs",
        "name-after",
    ],
)
def test_common_news_attribution_forms_pass(text: str, quote: str, speaker: str) -> None:
    assert attribute(text, quote, speaker) is None


def test_title_after_the_quote_resolves_to_the_earlier_name() -> None:
    text = "Maria Hale toured the site. “The bridge is gone,” the mayor said."
    assert attribute(text, "The bridge is gone,", "Maria Hale") is None


def test_pronoun_goes_to_the_nearest_named_person_before_it() -> None:
    text = (
        "Maria Hale opened the meeting. Then John Ortiz took the floor. "
        "“We need a new bridge,” he said."
    )
    assert attribute(text, "We need a new bridge,", "John Ortiz") is None
    reason = attribute(text, "We need a new bridge,", "Maria Hale")
    assert reason is not None
    assert "John Ortiz" in reason


def test_quote_given_to_no_one_near_it_is_rejected_for_a_far_name() -> None:
    text = (
        "Maria Hale visited the site.\nThe river rose overnight.\nRoads closed.\n"
        "Water stood in “Bridge Street”.\nTraffic was diverted."
    )
    reason = attribute(text, "Bridge Street", "Maria Hale")
    assert reason == "no speech verb in reach, and 'Maria Hale' is not named near the quote"


def test_an_unnamed_source_is_the_speaker_and_a_far_name_is_refused() -> None:
    text = (
        "Maria Hale visited the site.\nThe river rose overnight.\nRoads closed.\n"
        "A sign read “Bridge closed”.\nTraffic was diverted."
    )
    reason = attribute(text, "Bridge closed", "Maria Hale")
    assert reason == "the article attributes this quote to 'A sign', not 'Maria Hale'"
    assert attribute(text, "Bridge closed", "the sign") is None


def test_a_bad_speaker_claim_does_not_poison_the_other_quotes(seed0: str) -> None:
    """Found by the benchmark: a place given as one quote's speaker made "he" stand for it."""
    summary = {
        "who": [{"text": "Belgorod"}],
        "quotes": [
            {"text": "an ongoing mission.", "speaker": "Belgorod"},
            {"text": SEED0_QUOTES[0][0], "speaker": Z0},
            {"text": "an ongoing mission.", "speaker": Z0},
        ],
    }
    result = ground(seed0, summary)
    assert [q.text for q in result.quotes] == [SEED0_QUOTES[0][0], "an ongoing mission."]
    refused = [r.item for r in result.rejected if isinstance(r.item, dict)]
    assert [q["speaker"] for q in refused if "speaker" in q] == ["Belgorod"]
    assert [w["text"] for w in refused if "speaker" not in w] == ["Belgorod"]  # a place


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Maria Hale hinted at the Belgorod operation, calling it “an ongoing mission.”",
            "Maria Hale",
        ),
        (
            "Hale noted that “the bridge is gone,” citing Russian sources who said the road was closed.",
            "Hale",
        ),
    ],
    ids=["participle-after-a-place", "relative-clause"],
)
def test_speech_verbs_link_only_to_their_subject(text: str, speaker: str) -> None:
    quote = text[text.index("“") + 1 : text.index("”")]
    assert attribute(text, quote, speaker, who=["Belgorod", "Russian"]) is None


def test_an_organisation_named_with_words_in_front_is_the_same_speaker(seed1: str) -> None:
    """Found on a real run: the model named the speaker "US-based Institute for the Study of War"."""
    quote = "Ukrainian forces recently advanced in Belgorod"
    assert attribute(seed1, quote, "US-based Institute for the Study of War") is None


def test_speaker_is_shown_by_name_without_titles(seed1: str) -> None:
    """Found on a real run: "United States President, Donald Trump" as the speaker."""
    summary = {
        "quotes": [
            {
                "text": "bombing like crazy right now.",
                "speaker": "United States President, Donald Trump",
            },
            {
                "text": "There is an operation there",
                "speaker": "Ukrainian President Volodymyr Zelenskyy",
            },
        ]
    }
    result = ground(seed1, summary)
    assert [q.speaker for q in result.quotes] == ["Donald Trump", "Volodymyr Zelenskyy"]
