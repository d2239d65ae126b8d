"""Name keys: the rule that says two mentions name one entity."""

from __future__ import annotations

import pytest

from summarizer.reading.names import name_key, same_key


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("KCNA", "Korean Central News Agency"),  # GUM: the key drops "Korean"
        ("BBC", "British Broadcasting Corporation"),
        ("ISW", "the Institute for the Study of War"),
        ("NASA", "National Aeronautics and Space Administration"),
    ],
)
def test_an_acronym_names_its_organisation(short: str, full: str) -> None:
    assert same_key(name_key(short), name_key(full))
    assert same_key(name_key(full), name_key(short))


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("KNA", "Korean Central News Agency"),  # a letter missing
        ("XCNA", "Korean Central News Agency"),  # no demonym starts with x
        ("CIA", "Korean Central News Agency"),
    ],
)
def test_other_letters_do_not(short: str, full: str) -> None:
    assert not same_key(name_key(short), name_key(full))
