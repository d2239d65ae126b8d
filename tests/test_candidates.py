"""What the text proposes for who/where (`summarizer.pipeline.candidates`): the tagger's labels
corrected by how the parse uses a name. Sentences are written like the dev articles'."""

from __future__ import annotations

import pytest

from summarizer.pipeline.candidates import propose
from summarizer.reading import reading_of


def _fields(text: str) -> dict[str, list[str]]:
    proposal = propose(reading_of(text))
    return {
        kind: [c.name for c in proposal.candidates if c.kind == kind]
        for kind in ("who", "where", "when")
    }


def test_places_in_a_coordination_are_each_a_place() -> None:
    found = _fields(
        "Zelenskyy said the goal is to safeguard Ukraine’s Sumy and Kharkiv border areas. "
        "Russia said it blocked Ukrainian troops from reaching villages such as Demidovka "
        "and Prilesye."
    )
    for place in ("Sumy", "Kharkiv", "Demidovka", "Prilesye"):
        assert place in found["where"], found
        assert place not in found["who"], found
    assert "Demidovka and Prilesye" not in found["where"]  # the tagger's one entity, split


def test_a_museum_or_a_station_is_a_place_not_an_organisation() -> None:
    found = _fields(
        "The shuttle Discovery will go to the National Air and Space Museum, and Endeavour "
        "will be displayed at the California Science Center, officials said on Tuesday."
    )
    assert "National Air and Space Museum" in found["where"], found
    assert "California Science Center" in found["where"], found


def test_a_region_is_not_its_country() -> None:
    found = _fields(
        "Iodine deficiency is common in Australia. The study tested children in South "
        "Australia and Western Australia."
    )
    assert {"Australia", "South Australia", "Western Australia"} <= set(found["where"]), found


def test_two_letter_places_and_initialisms_keep_their_letters() -> None:
    found = _fields(
        "The asylum seekers crossed the Channel to the UK. Troops left the U.S. in May, "
        "and the US embassy stayed open. Ukrainian troops advanced."
    )
    assert "Ukrainian" not in found["where"], found  # a demonym is not a place
    assert "UK" in found["where"], found
    assert "U.S." in found["where"], found  # not "U.S": the period is the name's


def test_a_common_noun_capitalised_by_a_headline_is_not_a_name() -> None:
    found = _fields(
        "Iodine deficiency returns to Australia\n\n"
        "Researchers say iodine levels in children have fallen, Mu Li said on Monday."
    )
    assert "Iodine" not in found["who"] + found["where"], found
    assert "Mu Li" in found["who"], found


def test_a_possessive_inside_an_organisations_name_is_kept() -> None:
    """Two names, owner and owned, in "Ukraine’s Sumy" (the first test); but "the Korean
    People's Army" is one: what follows the "'s" is one common word, no name of its own."""
    army = _fields("The supreme commander of the Korean People's Army issued an order on Friday.")
    assert army["who"] == ["Korean People's Army"], army
    party = _fields("The vote was fair, Eunice Yung of New People's Party said on Monday.")
    assert "New People's Party" in party["who"], party
    assert "Party" not in party["who"], party
    # the owner and the owned, two names: the first test's "Ukraine’s Sumy"


def test_an_offices_portfolio_is_no_organisation_and_a_common_noun_ends_no_name() -> None:
    """Titles such as "Shadow Home Secretary" and "Foreign Affairs minister": their first words
    name a portfolio, not an organisation the story is about, while "NASA administrator"
    names NASA. "Yonhap news agency", one entity to the tagger, is the name "Yonhap"."""
    found = _fields(
        "Shadow Home Secretary Yvette Cooper spoke. Maxime Bernier resigned as Foreign "
        "Affairs minister. NASA administrator Charles Bolden said so."
    )
    assert not {"Shadow Home", "Foreign Affairs"} & set(found["who"]), found
    assert {"Yvette Cooper", "Maxime Bernier", "NASA", "Charles Bolden"} <= set(found["who"])
    agency = _fields("According to Yonhap news agency, the North fired shells.")
    assert agency["who"] == ["Yonhap"], agency


def test_a_word_capitalised_mid_sentence_is_a_name_though_written_in_lower_case_too() -> None:
    """The Court in "the Court has ruled" is the court the story is about, though the
    article also writes "a court" in lower case; a capital at a sentence's start or inside
    a longer name proves nothing ("Los Angeles Sheriff's office")."""
    court = _fields("The case on which the Court has ruled began in a lower court in Livorno.")
    assert court["who"] == ["Court"], court
    sheriff = _fields(
        "Lee Baca of the Los Angeles Sheriff's office spoke on Friday. A sheriff will attend."
    )
    assert "Sheriff" not in sheriff["who"] + sheriff["where"], sheriff


def test_an_abbreviation_the_article_defines_is_its_name_and_no_organisation() -> None:
    """ "(JSC)" after "the Johnson Space Center" makes "the JSC" that place, though the
    tagger calls it an organisation; the tagger's "The World Health Organisation (WHO" and
    "a World Health Organisation" are proposed as the name."""
    found = _fields(
        "Astronauts trained at the Johnson Space Center (JSC) in Houston for months. The "
        "JSC will close a hangar next year, a spokeswoman said."
    )
    assert "Johnson Space Center" in found["where"], found
    assert "JSC" not in found["who"], found
    found = _fields(
        "The World Health Organisation (WHO) says iodine deficiency is rising, and a World "
        "Health Organisation report warned of it in May."
    )
    assert found["who"] == ["World Health Organisation"], found


@pytest.mark.parametrize(
    ("text", "whole", "short"),
    [
        (
            "After the leak, CEO of the Refugee Council Enver Solomon told Sky News any "
            'process "must be well thought out".',
            "Enver Solomon",
            "Solomon",
        ),
        (
            "The successful UNC Greensboro exhibit included Polaroids of author Truman "
            "Capote and singer-songwriter Carly Simon.",
            "Carly Simon",
            "Simon",
        ),
        (
            "Atwood, a Booker Prize-winner, was there to launch her graphic novel Angel "
            "Catbird, with illustrator Johnnie Christmas. Lee was making his final Canadian "
            "convention appearance.",
            "Johnnie Christmas",
            "Johnnie",
        ),
    ],
)
def test_a_name_is_proposed_whole_where_the_tagger_stops_short(
    text: str, whole: str, short: str
) -> None:
    """The small tagger leaves words of a name out: a first name before the surname, a
    word the name's last part qualifies. A reader lists "Enver Solomon", not "Solomon";
    titles and the next person's first name stay out ("Refugee Council", not "Refugee
    Council Enver"). Excerpts of GUM's Wikinews articles, CC BY 2.5."""
    who = _fields(text)["who"]
    assert whole in who, who
    assert short not in who, who
    assert "Refugee Council Enver" not in who, who
