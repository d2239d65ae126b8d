"""People who share a surname (`summarizer.reading.namesakes`): each is their own item and
speaker, and a surname alone is the one named in full nearest before it. The articles are
written here, after the dev set's election and court reports."""

from __future__ import annotations

from summarizer import summarize
from summarizer.evaluation import Tally, report, score
from summarizer.reading.namesakes import namesakes, two_people
from summarizer.schema import Quote, Summary

CHANS = (
    "Tanya Chan of the Civic Party won the seat on Sunday. Gary Chan of the DAB lost it.\n\n"
    'Tanya Chan said the vote was "a great win for democracy in the city". '
    'Gary Chan told reporters the result was "a disaster for all of Hong Kong". '
    'Chan said later that "the count was fair".\n'
)


def test_given_names_tell_two_people_apart_and_variants_do_not() -> None:
    assert two_people("tanya chan", "gary chan")
    assert two_people("ahmed mohamed", "mohamed elhassan mohamed")
    assert not two_people("l ron hubbard", "ron hubbard")  # a middle name kept
    assert not two_people("j smith", "john smith")  # an initial
    assert not two_people("kristen wilkins", "kristin wilkins")  # a slip of one letter
    assert not two_people("chan", "gary chan")  # a surname alone is no second person


def test_a_surname_alone_is_the_namesake_named_nearest_before() -> None:
    sakes = namesakes([(0, "Tanya Chan"), (50, "Gary Chan"), (90, "Maria Hale")])
    assert sakes.key("Tanya Chan") == "tanya chan"
    assert sakes.key("Ms Tanya Chan") == "tanya chan"
    assert sakes.key("Chan", 70) == "gary chan"
    assert sakes.key("Chan", 10) == "tanya chan"
    assert sakes.key("Hale", 95) == "hale"  # no namesake: the surname, as before


def test_namesakes_are_two_items_and_each_speaks_their_own_quotes() -> None:
    """Keyed by surname, "Gary Chan" was merged into "Tanya Chan", who was then given
    his quote; so was a wife's testimony to her husband ("Manju Sam", "Thomas Sam")."""
    summary = summarize(CHANS, model="none")
    assert {w.text for w in summary.who} >= {"Tanya Chan", "Gary Chan"}
    speakers = {q.text: q.speaker for q in summary.quotes}
    assert speakers["a great win for democracy in the city"] == "Tanya Chan"
    assert speakers["a disaster for all of Hong Kong"] == "Gary Chan"
    assert speakers["the count was fair"] == "Gary Chan"  # "Chan" after Gary Chan's words
    text = (
        "Thomas Sam and his wife Manju Sam were found guilty of manslaughter on Monday.\n\n"
        'Manju Sam told the court that "we did all we could for her". Thomas Sam, a '
        'homeopath, said "I believed the treatment would work".\n'
    )
    summary = summarize(text, model="none")
    assert {w.text for w in summary.who} == {"Thomas Sam", "Manju Sam"}
    speakers = {q.text: q.speaker for q in summary.quotes}
    assert speakers["we did all we could for her"] == "Manju Sam"
    assert speakers["I believed the treatment would work"] == "Thomas Sam"


def test_the_scorer_counts_a_namesakes_quote_as_the_wrong_speaker() -> None:
    def person(name: str) -> dict[str, object]:
        start = CHANS.index(name)
        return {"text": name, "start": start, "end": start + len(name), "type": "person"}

    quote = "a disaster for all of Hong Kong"
    start = CHANS.index(quote)
    gold = {
        "text": CHANS, "where": [], "when": [],
        "who": [person("Tanya Chan"), person("Gary Chan")],
        "quotes": [{"text": quote, "start": start, "end": start + len(quote),
                    "speaker": "Gary Chan"}],
    }  # fmt: skip
    for speaker, right in (("Gary Chan", 1.0), ("Tanya Chan", 0.0)):
        said = Quote(text=quote, speaker=speaker, start=start, end=start + len(quote))
        tally = Tally()
        score(gold, Summary(quotes=[said]), tally)
        assert report(tally)["speaker_acc"] == right, speaker
        assert tally.counts["who_gold"] == 2  # two people, not one surname
